//! Helpers shared by the integration tests: running the real binary and
//! snapshotting into the top-level snapshots/ folder.
#![allow(dead_code)] // each test crate uses a part of these

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `recoupe ARGS` from the project root, optionally with a thread count
/// and standard input.
pub fn recoupe_with(args: &[&str], threads: Option<&str>, stdin: Option<&[u8]>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_recoupe"));
    command.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    if let Some(t) = threads {
        command.env("RAYON_NUM_THREADS", t);
    }
    command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("the recoupe binary runs");
    let input = stdin.unwrap_or_default().to_vec();
    let mut pipe = child.stdin.take().expect("a stdin pipe");
    std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    child.wait_with_output().expect("recoupe finishes")
}

/// Runs `recoupe ARGS` from the project root.
pub fn recoupe(args: &[&str]) -> Output {
    recoupe_with(args, None, None)
}

/// Bytes as UTF-8 text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

/// An insta snapshot in the top-level snapshots/ folder, named without the
/// test module.
#[macro_export]
macro_rules! snapshot {
    ($name:expr, $value:expr) => {
        insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
            insta::assert_snapshot!($name, $value);
        })
    };
}
