//! Helpers shared by the integration tests: running the real binary and
//! snapshotting into the top-level snapshots/ folder.
#![allow(dead_code)] // each test crate uses a part of these

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `recoupe ARGS` from the project root, optionally with a thread count
/// and standard input.
pub fn recoupe_with(args: &[&str], threads: Option<&str>, stdin: Option<&[u8]>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_recoupe"));
    // Each test runs without the claims cache (tests/cache.rs tests it).
    command.env("RECOUPE_NO_CACHE", "1");
    // The report's words follow LANG (`--report-lang`'s default): English
    // here whatever the machine's locale, so that snapshots do not change.
    command
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("LANG");
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

/// Runs `recoupe check . ARGS… --rules <the shipped rules>` in `dir`: a
/// folder of articles a test made, checked with the project's rules.
pub fn check_in(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_recoupe"))
        .env("RECOUPE_NO_CACHE", "1")
        .env_remove("LANG")
        .args(["check", "."])
        .args(args)
        .args(["--rules", concat!(env!("CARGO_MANIFEST_DIR"), "/rules")])
        .current_dir(dir)
        .output()
        .expect("the recoupe binary runs")
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

/// A folder under `CARGO_TARGET_TMPDIR` for one test, emptied first and
/// removed at the end, unreadable entries included (their permissions are
/// restored first).
pub struct Scratch(pub std::path::PathBuf);

impl Scratch {
    pub fn new(name: &str) -> Scratch {
        let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        #[cfg(unix)]
        unlock(&self.0);
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Makes a folder and what it holds readable again, links aside.
#[cfg(unix)]
fn unlock(dir: &std::path::Path) {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755));
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        match std::fs::symlink_metadata(&path) {
            Ok(m) if m.is_dir() => unlock(&path),
            Ok(m) if m.is_file() => {
                let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644));
            }
            _ => {}
        }
    }
}

/// The JSON report of a run that must have gone through: no panic, exit 0 or
/// 1 (a bad article never makes the run fail), JSON on stdout.
pub fn report_of(output: &Output) -> serde_json::Value {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "recoupe panicked:\n{stderr}");
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "a bad article must not make the run fail: exit {:?}\n{stderr}",
        output.status.code()
    );
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

/// The claims of a JSON report that point at `path`.
pub fn claims_in<'a>(report: &'a serde_json::Value, path: &str) -> Vec<&'a serde_json::Value> {
    report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["path"] == path)
        .collect()
}

/// A claim as a table of expected claims lists it: the file's name, the
/// subject, and the value's ends as JSON (`1000`, `"2025-07-23"`, `null`).
pub type ClaimKey = (String, String, String, String);

/// The claims of a JSON report, as [`ClaimKey`]s.
pub fn claim_keys(report: &serde_json::Value) -> std::collections::BTreeSet<ClaimKey> {
    report["claims"]
        .as_array()
        .expect("a claims array")
        .iter()
        .map(|c| {
            let file = c["path"].as_str().unwrap().rsplit('/').next().unwrap().to_string();
            (
                file,
                c["subject"].as_str().unwrap().to_string(),
                c["value"]["lo"].to_string(),
                c["value"]["hi"].to_string(),
            )
        })
        .collect()
}

/// The claims a table lists (`DIR/expected.tsv`): one per line, tab
/// separated, file, subject, lo, hi, then any columns in `extra` (a quote,
/// a note); `#` lines and blank lines are comments.
pub fn expected_claims(dir: &str, extra: std::ops::RangeInclusive<usize>) -> std::collections::BTreeSet<ClaimKey> {
    let table = std::fs::read_to_string(format!("{dir}/expected.tsv")).expect("expected.tsv");
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert!(
                f.len() >= 4 && extra.contains(&(f.len() - 4)),
                "{dir}/expected.tsv: four columns and {extra:?} more in {l:?}"
            );
            (f[0].into(), f[1].into(), f[2].into(), f[3].into())
        })
        .collect()
}

/// `recoupe check DIR --format json --no-cache`: its report (exit 0 or 1).
pub fn json_check(dir: &str) -> serde_json::Value {
    let output = recoupe(&["check", dir, "--format", "json", "--no-cache"]);
    assert!(matches!(output.status.code(), Some(0 | 1)), "{}", text(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("a JSON report")
}
