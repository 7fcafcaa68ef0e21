//! Outlet names (issue 18, item 4): compared without case and spaces,
//! aliases from recoupe.toml, the url's domain when no outlet is given, and
//! `outlet_source` in the JSON. Fixture: tests/fixtures/outlets/.

mod common;

use common::{recoupe, text, Scratch};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn report(output: &std::process::Output) -> serde_json::Value {
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("a JSON report")
}

fn document<'a>(report: &'a serde_json::Value, path: &str) -> &'a serde_json::Value {
    report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"].as_str().unwrap().ends_with(path))
        .unwrap_or_else(|| panic!("{path} in the report"))
}

#[test]
fn one_outlet_written_alike_is_one_outlet() {
    let r = report(&recoupe(&["check", "tests/fixtures/outlets", "--format", "json"]));
    let findings = r["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1);
    // `AFP` and `  afp ` are one outlet, named as the first in byte order.
    assert_eq!(
        findings[0]["outlets"],
        serde_json::json!(["AFP", "Agence France-Presse", "example-news.org", "media.example.com"])
    );
    let lower = document(&r, "afp-lower.md");
    assert_eq!(lower["outlet"], "AFP");
    assert_eq!(lower["outlet_written"], "afp");
    assert_eq!(lower["outlet_source"], "front_matter");
    let upper = document(&r, "afp-upper.md");
    assert!(upper.get("outlet_written").is_none(), "written as shown: {upper}");
    // Claims carry the outlet's one name too.
    for claim in r["claims"].as_array().unwrap() {
        assert_ne!(claim["outlet"], "afp");
    }
}

#[test]
fn without_an_outlet_the_url_domain_is_the_outlet() {
    let r = report(&recoupe(&["check", "tests/fixtures/outlets", "--format", "json"]));
    let page = document(&r, "no-outlet.md");
    assert_eq!(page["outlet"], "example-news.org");
    assert_eq!(page["outlet_source"], "url");
    // A JSON Lines record, no front matter at all: lower case, no port, no www.
    let record = document(&r, "records.jsonl");
    assert_eq!(record["outlet"], "media.example.com");
    assert_eq!(record["outlet_source"], "url");
    assert!(r["warnings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("using the domain of its `url`"));
    // Neither an outlet nor a url: unknown, as before.
    let bare = report(&recoupe(&["check", "corpus", "--format", "json"]));
    for d in bare["documents"].as_array().unwrap() {
        assert_eq!(d["outlet_source"], "front_matter");
    }
}

#[test]
fn aliases_from_the_configuration_name_one_outlet() {
    let dir = Scratch::new("outlet-aliases");
    let config = format!(
        "rules = \"{ROOT}/rules\"\npaths = [\"{ROOT}/tests/fixtures/outlets\"]\n\n[outlets.aliases]\nAFP = [\"Agence France-Presse\", \"example-news.org\"]\n"
    );
    std::fs::write(dir.0.join("recoupe.toml"), config).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_recoupe"))
        .env("RECOUPE_NO_CACHE", "1")
        .args(["check", "--format", "json"])
        .current_dir(&dir.0)
        .output()
        .unwrap();
    let r = report(&output);
    let finding = &r["findings"][0];
    // AFP, afp, its full name and a domain the configuration names: one outlet.
    assert_eq!(finding["outlets"], serde_json::json!(["AFP", "media.example.com"]));
    assert_eq!(finding["status"], "agreement");
    let long = document(&r, "afp-long-name.md");
    assert_eq!(long["outlet"], "AFP");
    assert_eq!(long["outlet_source"], "alias");
    assert_eq!(long["outlet_written"], "Agence France-Presse");
    let domain = document(&r, "no-outlet.md");
    assert_eq!(domain["outlet"], "AFP");
    assert_eq!(domain["outlet_source"], "alias");
    // The canonical name itself, written otherwise, is the alias's outlet too.
    assert_eq!(document(&r, "afp-lower.md")["outlet_source"], "alias");
}

/// One outlet said twice is a single source, not an agreement: `afp` and
/// `AFP` alone must not cross-check each other.
#[test]
fn one_outlet_alone_is_a_single_source() {
    let dir = Scratch::new("outlet-single");
    for name in ["afp-upper.md", "afp-lower.md"] {
        std::fs::copy(
            std::path::Path::new(ROOT).join("tests/fixtures/outlets").join(name),
            dir.0.join(name),
        )
        .unwrap();
    }
    let output = common::check_in(&dir.0, &["--format", "json"]);
    let r = report(&output);
    assert_eq!(r["findings"][0]["status"], "single_source");
    assert_eq!(r["findings"][0]["outlets"], serde_json::json!(["AFP"]));
}
