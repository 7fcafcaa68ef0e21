//! A CI run cannot pass by accident: an article the user named (with
//! `--new`, on standard input, or on the command line) that cannot be read
//! fails the run with exit code 2 and the reason; only articles found by
//! walking a folder become warnings.

mod common;
use common::{recoupe, recoupe_with, text};

#[test]
fn a_new_article_that_cannot_be_read_fails_the_run() {
    for (article, reason) in [
        ("tests/fixtures/bad/binary.md", "binary file"),
        ("tests/fixtures/bad/empty.md", "empty file"),
    ] {
        let output = recoupe(&["check", "corpus", "--new", article]);
        assert_eq!(output.status.code(), Some(2), "{article}");
        let err = text(&output.stderr);
        assert!(
            err.contains(&format!(
                "error: cannot check the new article {article}: skipped: {reason}"
            )),
            "{err}"
        );
    }
    let oversize = recoupe(&[
        "check",
        "corpus",
        "--max-file-size",
        "2048",
        "--new",
        "tests/fixtures/bad/oversize.md",
    ]);
    assert_eq!(oversize.status.code(), Some(2));
    assert!(text(&oversize.stderr).contains("over the size limit"));
}

#[test]
fn random_bytes_on_standard_input_fail_the_run() {
    let bytes: Vec<u8> = (0u32..4096)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let output = recoupe_with(&["check", "corpus", "--new", "-"], None, Some(&bytes));
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("cannot check the new article <stdin>"));
}

#[test]
fn a_named_article_that_cannot_be_read_fails_but_a_folder_warns() {
    let named = recoupe(&["check", "corpus", "tests/fixtures/bad/binary.md"]);
    assert_eq!(named.status.code(), Some(2));
    assert!(text(&named.stderr).contains("error: cannot check tests/fixtures/bad/binary.md"));
    // The same file found in its folder is a warning; the others are checked.
    let folder = recoupe(&["check", "tests/fixtures/bad", "--format", "json"]);
    assert_eq!(folder.status.code(), Some(0), "{}", text(&folder.stderr));
    let report: serde_json::Value = serde_json::from_slice(&folder.stdout).unwrap();
    assert!(report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w["path"] == "tests/fixtures/bad/binary.md"));
}

#[test]
fn a_new_article_found_in_the_corpus_is_read_once() {
    let output = recoupe(&[
        "check",
        "corpus",
        "--new",
        "corpus/000_100d8ce819ed988d.md",
        "--format",
        "json",
    ]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let documents = report["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 5);
    let new: Vec<&serde_json::Value> = documents.iter().filter(|d| d["new"] == true).collect();
    assert_eq!(new.len(), 1);
    assert_eq!(new[0]["path"], "corpus/000_100d8ce819ed988d.md");
}
