//! The README's sample outputs are real (issue 18, item 8): each ```text
//! block is preceded by `<!-- readme-output: ARGS -->`, and its lines must
//! appear, in order, in the output of `recoupe ARGS` run from the project's
//! root (`…` lines stand for what the README leaves out). A block that is
//! not the output of a plain run says why with `readme-output: skip -- …`.

mod common;

use common::{recoupe, text};

#[test]
fn the_readme_samples_are_what_recoupe_prints() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let lines: Vec<&str> = readme.lines().collect();
    let mut checked = 0;
    for (i, line) in lines.iter().enumerate() {
        if *line != "```text" {
            continue;
        }
        let marker = i
            .checked_sub(1)
            .and_then(|j| lines[j].strip_prefix("<!-- readme-output: "))
            .and_then(|m| m.strip_suffix(" -->"))
            .unwrap_or_else(|| {
                panic!(
                    "README.md:{}: a ```text block without `<!-- readme-output: ARGS -->`",
                    i + 1
                )
            });
        if marker.starts_with("skip -- ") {
            continue;
        }
        let args: Vec<&str> = marker.split_whitespace().collect();
        let output = recoupe(&args);
        let printed = text(&output.stdout);
        let mut rest = printed.lines().filter(|l| !l.trim().is_empty());
        for (n, expected) in lines[i + 1..]
            .iter()
            .enumerate()
            .take_while(|(_, l)| **l != "```")
            .filter(|(_, l)| !l.trim().is_empty() && l.trim() != "…")
        {
            assert!(
                rest.any(|l| l == *expected),
                "README.md:{}: not in the output of `recoupe {marker}` (in this order):\n{expected}\n\nThe output:\n{printed}",
                i + 2 + n
            );
        }
        checked += 1;
    }
    assert!(checked >= 4, "{checked} samples checked");
}
