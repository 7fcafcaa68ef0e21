//! The claims cache's `stat` of an article (`fstatat` through its open
//! folder, the cache's one `unsafe` call): an article rewritten with the same
//! size and its old modification time is still read again, because the
//! change time it reads has moved.

mod common;

use common::Scratch;
use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

fn check(dir: &Path, cache: bool) -> Output {
    let mut args = vec!["check", "planted", "--rules", "rules", "--format", "json"];
    match cache {
        true => args.extend(["--cache", "c.sqlite"]),
        false => args.push("--no-cache"),
    }
    Command::new(env!("CARGO_BIN_EXE_recoupe"))
        .env_remove("LANG")
        .env_remove("RECOUPE_NO_CACHE")
        .args(&args)
        .current_dir(dir)
        .output()
        .expect("the recoupe binary runs")
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn an_article_rewritten_with_its_size_and_modification_time_is_read_again() {
    let scratch = Scratch::new("cache-stat");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (from, to) in [("tests/fixtures/contradictions", "planted"), ("rules", "rules")] {
        let target = scratch.0.join(to);
        std::fs::create_dir_all(&target).unwrap();
        for entry in std::fs::read_dir(root.join(from)).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                std::fs::copy(&path, target.join(path.file_name().unwrap())).unwrap();
            }
        }
    }
    // Files changed within a second of being hashed are not trusted by their
    // stat: wait, so that the cache keeps every article's stat.
    std::thread::sleep(Duration::from_millis(1100));
    let before = check(&scratch.0, true);
    let planted = scratch.0.join("planted/planted-001.md");
    let modified = std::fs::metadata(&planted).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(&planted).unwrap();
    assert!(text.contains("60 jours"));
    std::fs::write(&planted, text.replace("60 jours", "70 jours")).unwrap();
    let file = std::fs::File::options().write(true).open(&planted).unwrap();
    file.set_modified(modified).unwrap();
    drop(file);
    // Same size, same inode, same modification time: only the change time
    // tells (and the change is more than a second old when the run looks).
    std::thread::sleep(Duration::from_millis(1100));
    let after = check(&scratch.0, true);
    let none = check(&scratch.0, false);
    assert_ne!(after.stdout, before.stdout, "the edit changes the report");
    assert_eq!(
        String::from_utf8_lossy(&after.stdout),
        String::from_utf8_lossy(&none.stdout),
        "the cache read the edited article again"
    );
}
