//! The GitHub Action (issue 18, item 6): `action.yml` parses, is a composite
//! action, every input that names a flag of `recoupe check` is one, every
//! input is used, and the targets it downloads are the ones the release
//! workflow builds.

mod common;

use common::{recoupe, text};
use std::path::Path;

fn yaml(path: &str) -> serde_yaml::Value {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{path} is YAML: {e}"))
}

fn action_text() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("action.yml")).unwrap()
}

/// Inputs that are not flags of `recoupe check`.
const NOT_FLAGS: &[&str] = &["version", "paths", "working-directory"];

#[test]
fn the_action_is_a_composite_action() {
    let action = yaml("action.yml");
    assert_eq!(action["runs"]["using"], "composite");
    let steps = action["runs"]["steps"].as_sequence().unwrap();
    for step in steps {
        // A `run` step of a composite action must name its shell.
        if step.get("run").is_some() {
            assert!(step.get("shell").is_some(), "{step:?}");
        }
    }
    assert!(action["name"].is_string() && action["description"].is_string());
}

#[test]
fn its_inputs_are_the_flags_of_check() {
    let action = yaml("action.yml");
    let help = text(&recoupe(&["check", "--help"]).stdout);
    let inputs = action["inputs"].as_mapping().unwrap();
    assert!(inputs.len() >= 8);
    let all = action_text();
    for (name, input) in inputs {
        let name = name.as_str().unwrap();
        assert!(input["description"].is_string(), "{name} has a description");
        assert!(all.contains(&format!("inputs.{name} }}}}")), "{name} is used by a step");
        if NOT_FLAGS.contains(&name) {
            continue;
        }
        assert!(
            help.contains(&format!("--{name}")),
            "input `{name}` is not a flag of `recoupe check`"
        );
        // The step passes it under its own flag (`new` is passed as --new).
        assert!(all.contains(&format!("--{name}")), "`--{name}` is passed");
    }
    // The format is the action's own: annotations and a Markdown summary.
    assert!(all.contains("--format github") && all.contains("--format markdown"));
    assert!(all.contains("GITHUB_STEP_SUMMARY"));
}

#[test]
fn it_downloads_what_the_release_workflow_builds() {
    let release = yaml(".github/workflows/release.yml");
    let built: Vec<String> = release["jobs"]["build"]["strategy"]["matrix"]["include"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|e| e["target"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(built.len(), 5);
    let all = action_text();
    for target in &built {
        assert!(
            all.contains(&format!("target={target}")),
            "the action maps a runner to {target}"
        );
    }
    for wanted in [
        "x86_64-unknown-linux-gnu",
        "aarch64-unknown-linux-gnu",
        "apple-darwin",
        "windows",
    ] {
        assert!(built.iter().any(|t| t.contains(wanted)), "{wanted}");
    }
}

#[test]
fn the_readme_shows_the_workflow() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let start = readme
        .find("```yaml\n# .github/workflows/recoupe.yml")
        .expect("the workflow example");
    let block = &readme[start + "```yaml\n".len()..];
    let block = &block[..block.find("```").unwrap()];
    let workflow: serde_yaml::Value = serde_yaml::from_str(block).expect("the README's workflow is YAML");
    let steps = workflow["jobs"]["recoupe"]["steps"].as_sequence().unwrap();
    assert!(steps
        .iter()
        .any(|s| s["uses"].as_str().is_some_and(|u| u.contains("recoupe@"))));
}
