//! The command line's manners (issue 18, item 7): a closed pipe, `--quiet`,
//! `--exclude`, `--threads`, `--color`/`NO_COLOR`, singular and plural,
//! `rules test --format json`, `rules new`, completions and the man page.

mod common;

use common::{recoupe, recoupe_with, text, Scratch};
use std::process::{Command, Stdio};

fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_recoupe"));
    // Each test runs without the claims cache (tests/cache.rs tests it).
    command.env("RECOUPE_NO_CACHE", "1");
    command.current_dir(env!("CARGO_MANIFEST_DIR")).env_remove("LANG");
    command
}

/// A reader that goes away before the report is written (`| head -1`): the
/// run ends quietly, with its verdict as exit code (0 for the seed corpus).
#[test]
fn a_closed_pipe_is_not_an_error() {
    for args in [
        &["check"][..],
        &["check", "--format", "json"],
        &["check", "--format", "markdown"],
        &["rules", "list"],
        &["rules", "words"],
        &["man"],
    ] {
        let mut child = bin()
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reading end closes at once: every write fails with EPIPE.
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", text(&output.stderr));
        assert_eq!(text(&output.stderr), "", "{args:?}");
    }
}

/// The same through a shell, as a user types it, `pipefail` on.
#[test]
fn check_piped_to_head_exits_0_without_a_word() {
    let script = format!("set -o pipefail; '{}' check | head -1", env!("CARGO_BIN_EXE_recoupe"));
    let output = Command::new("bash")
        .env("RECOUPE_NO_CACHE", "1")
        .args(["-c", &script])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("LANG")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(text(&output.stderr), "");
    assert_eq!(text(&output.stdout).lines().count(), 1);
}

#[test]
fn one_thread_and_two_give_the_same_bytes() {
    for format in ["json", "human", "sarif", "markdown"] {
        let run = |threads: &str| {
            recoupe(&[
                "check",
                "corpus",
                "tests/fixtures/contradictions",
                "tests/fixtures/outlets",
                "tests/fixtures/suppressions",
                "--show-suppressed",
                "--format",
                format,
                "--threads",
                threads,
            ])
        };
        let (one, two) = (run("1"), run("2"));
        assert_eq!(one.status.code(), Some(1), "{}", text(&one.stderr));
        assert_eq!(one.stdout, two.stdout, "--format {format}");
        assert_eq!(one.status.code(), two.status.code());
    }
    let zero = recoupe(&["check", "--threads", "0"]);
    assert_eq!(zero.status.code(), Some(2));
}

fn documents(output: &std::process::Output) -> Vec<String> {
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("a JSON report");
    report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn exclude_leaves_out_files_and_folders_of_a_walk() {
    let dir = Scratch::new("exclude");
    let article = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/contradictions/planted-001.md"),
    )
    .unwrap();
    for path in ["a.md", "drafts/b.md", "archive/2024/c.md", "d.draft.md"] {
        let path = dir.0.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, &article).unwrap();
    }
    let run = |args: &[&str]| {
        let output = common::check_in(&dir.0, &[&["--format", "json"][..], args].concat());
        assert!(matches!(output.status.code(), Some(0 | 1)), "{}", text(&output.stderr));
        documents(&output)
    };
    assert_eq!(run(&[]).len(), 4);
    assert_eq!(
        run(&["--exclude", "drafts", "--exclude", "**/*.draft.md"]),
        ["a.md", "archive/2024/c.md"]
    );
    assert_eq!(run(&["--exclude", "archive/**"]), ["a.md", "d.draft.md", "drafts/b.md"]);
    assert_eq!(run(&["--exclude", "drafts/"]).len(), 3);
    // A file named on the command line was asked for: always read.
    let named = common::check_in(&dir.0, &["drafts/b.md", "--exclude", "drafts", "--format", "json"]);
    assert!(documents(&named).contains(&"drafts/b.md".to_string()));
    // A glob that does not parse is a bad argument.
    let bad = common::check_in(&dir.0, &["--exclude", "[a"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("--exclude [a"), "{}", text(&bad.stderr));
}

#[test]
fn color_follows_the_flag_and_no_color() {
    let run = |args: &[&str], no_color: Option<&str>| {
        let mut command = bin();
        command
            .args(["check", "corpus", "tests/fixtures/contradictions"])
            .args(args);
        if let Some(v) = no_color {
            command.env("NO_COLOR", v);
        } else {
            command.env_remove("NO_COLOR");
        }
        text(&command.output().unwrap().stdout)
    };
    assert!(run(&["--color", "always"], None).contains("\x1b["));
    // An explicit flag wins over NO_COLOR (https://no-color.org).
    assert!(run(&["--color", "always"], Some("1")).contains("\x1b["));
    assert!(!run(&["--color", "never"], None).contains('\x1b'));
    // Not a terminal: no colour in auto, NO_COLOR or not.
    assert!(!run(&[], None).contains('\x1b'));
    assert!(!run(&[], Some("1")).contains('\x1b'));
}

#[test]
fn quiet_leaves_only_errors_on_stderr() {
    let dir = Scratch::new("quiet");
    let baseline = dir.0.join("baseline.json");
    let baseline = baseline.to_str().unwrap();
    let args = [
        "check",
        "corpus",
        "tests/fixtures/contradictions",
        "--write-baseline",
        baseline,
    ];
    let loud = recoupe(&args);
    assert!(
        text(&loud.stderr).contains(" known contradictions to "),
        "{}",
        text(&loud.stderr)
    );
    let quiet = recoupe(&[&args[..], &["--quiet"]].concat());
    assert_eq!(quiet.status.code(), Some(0));
    assert_eq!(text(&quiet.stderr), "");
    // Errors are still said.
    let error = recoupe(&["check", "no-such-folder", "-q"]);
    assert_eq!(error.status.code(), Some(2));
    assert!(text(&error.stderr).contains("no-such-folder"));
}

#[test]
fn rules_new_writes_a_rule_that_checks_and_passes() {
    let dir = Scratch::new("rules-new");
    let out = recoupe(&["rules", "new", "flood-evacuees"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let printed = text(&out.stdout);
    assert!(printed.contains("id: flood-evacuees"));
    assert!(printed.contains("\n    # "), "the slots are commented");
    let file = dir.0.join("rules/flood.yaml");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let file = file.to_str().unwrap();
    let written = recoupe(&["rules", "new", "flood-evacuees", "--output", file]);
    assert_eq!(written.status.code(), Some(0), "{}", text(&written.stderr));
    assert_eq!(std::fs::read_to_string(file).unwrap(), printed);
    let folder = dir.0.join("rules");
    let folder = folder.to_str().unwrap();
    let check = recoupe(&["rules", "check", "--rules", folder]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    assert_eq!(text(&check.stdout), "1 rule in 1 file: all valid\n");
    let test = recoupe(&["rules", "test", "--rules", folder]);
    assert_eq!(test.status.code(), Some(0), "{}", text(&test.stdout));
    assert!(
        text(&test.stdout).contains("1 rule: 1 passed, 0 failed"),
        "{}",
        text(&test.stdout)
    );
    // Never over an existing file.
    let again = recoupe(&["rules", "new", "flood-evacuees", "--output", file]);
    assert_eq!(again.status.code(), Some(2));
    assert!(text(&again.stderr).contains("never replaces"));
    let bad = recoupe(&["rules", "new", "Not An Id"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn rules_test_speaks_json() {
    let out = recoupe(&["rules", "test", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let rules = json["rules"].as_array().unwrap();
    assert!(!rules.is_empty());
    assert_eq!(json["summary"]["rules"], rules.len());
    assert_eq!(json["summary"]["failed"], 0);
    let example = &rules[0]["examples"][0];
    for key in ["name", "text", "expected", "outcome", "passed", "got", "why"] {
        assert!(example.get(key).is_some(), "{key}");
    }
    let filtered = recoupe(&["rules", "test", "--format", "json", "--filter", "trump"]);
    let filtered: serde_json::Value = serde_json::from_slice(&filtered.stdout).unwrap();
    assert!(filtered["rules"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["id"].as_str().unwrap().contains("trump")));
}

#[test]
fn completions_and_man_page_name_the_flags() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = recoupe(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = text(&out.stdout);
        assert!(script.contains("exclude") && script.contains("threads"), "{shell}");
        assert!(script.contains("recoupe"), "{shell}");
    }
    let man = recoupe_with(&["man"], None, None);
    assert_eq!(man.status.code(), Some(0));
    let page = text(&man.stdout);
    assert!(
        page.starts_with(".ie") || page.contains(".TH recoupe"),
        "{}",
        &page[..200.min(page.len())]
    );
    assert!(page.contains("check"));
}
