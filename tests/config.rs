//! `recoupe.toml` (issue 18, item 1) and the exit options (item 3:
//! `--fail-on`, `--exit-zero`, `fail_on`).

mod common;

use common::{recoupe, text, Scratch};
use std::path::Path;
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A repository with the shipped rules and seed corpus under other names,
/// and a configuration at its root that names them.
fn repository(name: &str, config: &str) -> Scratch {
    let dir = Scratch::new(name);
    copy(&Path::new(ROOT).join("rules"), &dir.0.join("checks/rules"));
    copy(&Path::new(ROOT).join("corpus"), &dir.0.join("articles"));
    std::fs::create_dir_all(dir.0.join("articles/2025/july")).unwrap();
    std::fs::write(dir.0.join("recoupe.toml"), config).unwrap();
    dir
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

fn run_in(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_recoupe"))
        .env("RECOUPE_NO_CACHE", "1")
        .args(args)
        .current_dir(dir)
        .env_remove("LANG")
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

const CONFIG: &str =
    "# the project's configuration\nrules = \"checks/rules\"\npaths = [\"articles\"]\nformat = \"json\"\n";

#[test]
fn a_run_from_a_subfolder_finds_the_rules_and_the_corpus() {
    let repo = repository("config-subfolder", CONFIG);
    let sub = repo.0.join("articles/2025/july");
    let output = run_in(&sub, &["check", "--verbose"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(text(&output.stderr), "recoupe: configuration ../../../recoupe.toml\n");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("format = json");
    assert_eq!(report["config"], "../../../recoupe.toml");
    assert_eq!(report["summary"]["documents"], 5);
    assert_eq!(report["summary"]["agreements"], 5);
    assert!(report["documents"][0]["path"]
        .as_str()
        .unwrap()
        .starts_with("../../../articles/"));
    // The rules commands find the rules too.
    let rules = run_in(&sub, &["rules", "check"]);
    assert_eq!(rules.status.code(), Some(0), "{}", text(&rules.stderr));
    // The command line wins over the file.
    let human = run_in(&sub, &["check", "--format", "human"]);
    assert!(text(&human.stdout).ends_with("5 single-source subjects, 0 warnings\n"));
    // At the root, paths read as they are written.
    let root = run_in(&repo.0, &["check"]);
    let report: serde_json::Value = serde_json::from_slice(&root.stdout).unwrap();
    assert_eq!(report["config"], "recoupe.toml");
    assert!(report["documents"][0]["path"]
        .as_str()
        .unwrap()
        .starts_with("articles/"));
}

#[test]
fn without_keys_the_defaults_are_beside_the_file() {
    let repo = repository("config-defaults", "");
    std::fs::rename(repo.0.join("checks/rules"), repo.0.join("rules")).unwrap();
    std::fs::rename(repo.0.join("articles"), repo.0.join("corpus")).unwrap();
    std::fs::create_dir_all(repo.0.join("deep/er")).unwrap();
    let output = run_in(&repo.0.join("deep/er"), &["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(text(&output.stdout)
        .ends_with("5 documents, 22 claims: 0 contradictions, 5 agreements, 5 single-source subjects, 0 warnings\n"));
}

#[test]
fn a_bad_key_is_reported_with_its_place_and_a_suggestion() {
    let repo = repository("config-bad-key", "rules = \"checks/rules\"\nexlude = [\"drafts\"]\n");
    let output = run_in(&repo.0.join("articles"), &["check"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(text(&output.stdout), "");
    let stderr = text(&output.stderr);
    assert!(
        stderr.starts_with("../recoupe.toml:2:1: error: unknown field `exlude`"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `exclude`?"), "{stderr}");
    // A wrong value too, in a table.
    std::fs::write(repo.0.join("recoupe.toml"), "[outlets]\naliases = { AFP = \"afp\" }\n").unwrap();
    let output = run_in(&repo.0, &["check"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).starts_with("recoupe.toml:2:"),
        "{}",
        text(&output.stderr)
    );
    // --config names the file; one that cannot be read is an error.
    let missing = run_in(&repo.0, &["check", "--config", "nowhere.toml"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).contains("nowhere.toml"));
}

#[test]
fn config_names_another_file_and_its_paths_are_relative_to_it() {
    let repo = repository("config-explicit", "rulez = 1\n");
    std::fs::write(
        repo.0.join("checks/ci.toml"),
        "rules = \"rules\"\npaths = [\"../articles\"]\nexclude = [\"001_*\"]\n",
    )
    .unwrap();
    let output = run_in(&repo.0, &["check", "--config", "checks/ci.toml", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["config"], "checks/ci.toml");
    // `exclude` left one article out.
    assert_eq!(report["summary"]["documents"], 4);
}

#[test]
fn fail_on_and_exit_zero() {
    // The seed corpus: no contradiction, 5 single-source subjects, no warning.
    assert_eq!(recoupe(&["check"]).status.code(), Some(0));
    assert_eq!(recoupe(&["check", "--fail-on", "single-source"]).status.code(), Some(1));
    assert_eq!(recoupe(&["check", "--fail-on", "warning"]).status.code(), Some(1));
    assert_eq!(recoupe(&["check", "--fail-on", "contradiction"]).status.code(), Some(0));
    // Planted contradictions: exit 1, unless --exit-zero.
    let planted = ["check", "corpus", "tests/fixtures/contradictions"];
    assert_eq!(recoupe(&planted).status.code(), Some(1));
    let zero = recoupe(&[&planted[..], &["--exit-zero"]].concat());
    assert_eq!(zero.status.code(), Some(0));
    assert!(text(&zero.stdout).contains("Contradiction —"));
    // Errors are still errors.
    assert_eq!(recoupe(&["check", "nowhere", "--exit-zero"]).status.code(), Some(2));
    // `fail_on` in the file; the command line wins.
    let repo = repository(
        "config-fail-on",
        "rules = \"checks/rules\"\npaths = [\"articles\"]\nfail_on = \"single-source\"\n",
    );
    assert_eq!(run_in(&repo.0, &["check"]).status.code(), Some(1));
    assert_eq!(
        run_in(&repo.0, &["check", "--fail-on", "contradiction"]).status.code(),
        Some(0)
    );
    assert_eq!(run_in(&repo.0, &["check", "--exit-zero"]).status.code(), Some(0));
}

#[test]
fn report_lang_and_format_come_from_the_file() {
    let repo = repository(
        "config-lang",
        "rules = \"checks/rules\"\npaths = [\"articles\"]\nreport_lang = \"fr\"\nformat = \"markdown\"\n",
    );
    let output = run_in(&repo.0, &["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let page = text(&output.stdout);
    assert!(page.starts_with('#'), "{page}");
    assert!(page.contains("accords"), "{page}");
}
