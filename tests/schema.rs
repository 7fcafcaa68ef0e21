//! The JSON Schema of rule files (docs/rule.schema.json): committed, up to
//! date with the Rust model, valid for every shipped rule file, and in
//! agreement with what the loader accepts.

use recoupe::rules::model::{self, schema_json};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const SCHEMA_PATH: &str = "docs/rule.schema.json";
const MODELINE: &str = "# yaml-language-server: $schema=../docs/rule.schema.json";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn schema() -> Value {
    serde_json::from_str(&schema_json()).expect("the schema is JSON")
}

fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| jsonschema::validator_for(&schema()).expect("the schema compiles"))
}

/// A YAML document as the JSON value a schema validator sees.
fn yaml_to_json(text: &str) -> Value {
    let yaml: serde_yaml::Value = serde_yaml::from_str(text).expect("valid YAML");
    serde_json::to_value(yaml).expect("YAML with string keys converts to JSON")
}

/// The schema's errors for a YAML rule file, one line each.
fn schema_errors(text: &str) -> Vec<String> {
    let instance = yaml_to_json(text);
    validator()
        .iter_errors(&instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

fn loader_accepts(text: &str) -> Result<(), String> {
    recoupe::rules::load_sources(vec![("t.yaml".into(), text.into())])
        .map(|_| ())
        .map_err(|e| {
            e.diagnostics
                .iter()
                .map(|d| format!("{}: {}", d.code, d.message))
                .collect::<Vec<_>>()
                .join("; ")
        })
}

fn shipped_rule_files() -> Vec<PathBuf> {
    let files = recoupe::rules::rule_files(&root().join("rules")).expect("rules/ is readable");
    assert!(!files.is_empty(), "no rule files in rules/");
    files
}

#[test]
fn the_committed_schema_is_up_to_date() {
    let path = root().join(SCHEMA_PATH);
    let fresh = schema_json();
    if std::env::var_os("UPDATE_SCHEMA").is_some_and(|v| v == "1") {
        std::fs::write(&path, &fresh).expect("write docs/rule.schema.json");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{SCHEMA_PATH} is out of date with src/rules/model.rs (or missing).\n\
         Regenerate it with `UPDATE_SCHEMA=1 cargo test --test schema` and commit the result."
    );
}

#[test]
fn the_schema_is_deterministic_pretty_json_with_a_final_newline() {
    let text = schema_json();
    assert_eq!(text, schema_json());
    assert!(text.ends_with("}\n") && !text.ends_with("\n\n"));
    let reprinted = serde_json::to_string_pretty(&schema()).unwrap() + "\n";
    assert_eq!(text, reprinted);
}

#[test]
fn the_schema_is_a_valid_draft_7_schema() {
    let schema = schema();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    if let Err(e) = jsonschema::meta::validate(&schema) {
        panic!("the schema does not conform to its meta-schema: {e}");
    }
}

#[test]
fn every_field_has_a_description() {
    fn walk(schema: &Value, at: &str, missing: &mut Vec<String>) {
        if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
            for (name, sub) in properties {
                let here = format!("{at}/{name}");
                // The `if`/`then` conditions only restate shapes.
                let conditional = at.contains("/allOf");
                if !conditional && sub.get("description").and_then(Value::as_str).is_none_or(str::is_empty) {
                    missing.push(here.clone());
                }
                walk(sub, &here, missing);
            }
        }
        if let Some(items) = schema.get("items") {
            walk(items, &format!("{at}[]"), missing);
        }
        if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
            for (i, sub) in all.iter().enumerate() {
                walk(&sub["then"], &format!("{at}/allOf/{i}"), missing);
            }
        }
    }
    let mut missing = Vec::new();
    walk(&schema(), "", &mut missing);
    assert!(missing.is_empty(), "fields without a description: {missing:?}");
}

#[test]
fn the_schema_knows_the_same_keys_as_the_loader() {
    let schema = schema();
    let keys = |v: &Value| -> Vec<String> {
        let mut k: Vec<String> = v["properties"].as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    let sorted = |list: &[&str]| -> Vec<String> {
        let mut k: Vec<String> = list.iter().map(|s| s.to_string()).collect();
        k.sort();
        k
    };
    let rule = &schema["properties"]["rules"]["items"];
    let examples = &rule["properties"]["examples"];
    assert_eq!(keys(&schema), ["rules"]);
    assert_eq!(keys(rule), sorted(model::RULE_FIELDS));
    assert_eq!(keys(examples), sorted(model::EXAMPLES_FIELDS));
    assert_eq!(
        keys(&examples["properties"]["match"]["items"]),
        sorted(model::MATCH_EXAMPLE_FIELDS)
    );
    assert_eq!(keys(&rule["properties"]["published"]), sorted(model::WINDOW_FIELDS));
    for object in [&schema, rule, examples, &rule["properties"]["published"]] {
        assert_eq!(object["additionalProperties"], false);
    }
}

#[test]
fn every_shipped_rule_file_validates_against_the_schema() {
    let mut failures = Vec::new();
    for file in shipped_rule_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        for error in schema_errors(&text) {
            failures.push(format!("{}: {error}", file.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "rule files the schema rejects:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_shipped_rule_file_names_the_schema_on_its_first_line() {
    for file in shipped_rule_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        assert_eq!(text.lines().next(), Some(MODELINE), "first line of {}", file.display());
        let relative = MODELINE.rsplit('=').next().unwrap();
        let target = file.parent().unwrap().join(relative);
        assert!(
            target.is_file(),
            "{} names {relative}, which does not exist",
            file.display()
        );
    }
}

/// A valid rule file with one line replaced or added, for the cases below.
fn rule_with(extra: &str) -> String {
    format!(
        "rules:
  - id: test-days
    description: A test rule.
    subject: test-days
    kind: duration
    patterns:
      - \"délai de {{duration}} à la Russie\"
{extra}"
    )
}

#[test]
fn a_minimal_rule_passes_both_the_schema_and_the_loader() {
    let text = rule_with("");
    assert_eq!(schema_errors(&text), Vec::<String>::new());
    assert_eq!(loader_accepts(&text), Ok(()));
}

#[test]
fn an_unknown_key_is_rejected_by_the_schema() {
    let errors = schema_errors(&rule_with("    tolerence: 2\n"));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("tolerence"), "{errors:?}");
    assert!(errors[0].starts_with("/rules/0"), "{errors:?}");
    // And at every level: the file, a window, examples, a match example.
    assert!(!schema_errors("rules: []\nrule: []\n").is_empty());
    assert!(!schema_errors(&rule_with(
        "    published: { from: \"2025-07-01\", until: \"2025-07-02\" }\n"
    ))
    .is_empty());
    assert!(!schema_errors(&rule_with("    examples:\n      matches: []\n")).is_empty());
    assert!(!schema_errors(&rule_with(
        "    examples:\n      match:\n        - { text: a, value: 1, note: b }\n"
    ))
    .is_empty());
}

#[test]
fn a_wrong_kind_is_rejected_by_the_schema() {
    let text = rule_with("").replace("kind: duration", "kind: durée");
    let errors = schema_errors(&text);
    assert!(!errors.is_empty());
    assert!(errors.iter().all(|e| e.starts_with("/rules/0/kind")), "{errors:?}");
    for kind in ["number", "duration", "date", "text"] {
        let text = rule_with("").replace("kind: duration", &format!("kind: {kind}"));
        assert!(!schema_errors(&text).iter().any(|e| e.contains("/kind")), "{kind}");
    }
}

/// Rule files that the loader accepts or rejects for a reason a schema can
/// see: the schema must say the same. (What only the loader can check, such as
/// regex syntax, placeholders or duplicate ids, is not listed.)
#[test]
fn the_schema_agrees_with_the_loader() {
    let date_rule = |extra: &str| {
        rule_with(extra)
            .replace("kind: duration", "kind: date")
            .replace("{duration}", "{date}")
    };
    let text_rule = |extra: &str| {
        rule_with(extra)
            .replace("kind: duration", "kind: text")
            .replace("{duration}", "(?P<value>\\\\w+)")
    };
    let example = |value: &str| {
        format!(
            "    examples:\n      match:\n        - {{ text: \"un délai de 50 jours à la Russie\", value: {value} }}\n"
        )
    };
    let cases: Vec<(&str, String, bool)> = vec![
        ("minimal", rule_with(""), true),
        ("no rules key", "rule: []\n".into(), false),
        ("empty rules", "rules: []\n".into(), true),
        ("missing id", rule_with("").replace("  - id: test-days\n    description", "  - description"), false),
        ("id with a space", rule_with("").replace("id: test-days", "id: test days"), false),
        ("numeric id", rule_with("").replace("id: test-days", "id: 12"), false),
        ("missing kind", rule_with("").replace("    kind: duration\n", ""), false),
        ("unknown kind", rule_with("").replace("kind: duration", "kind: days"), false),
        ("capitalised kind", rule_with("").replace("kind: duration", "kind: Duration"), false),
        ("no patterns", rule_with("").replace("    patterns:\n      - \"délai de {duration} à la Russie\"\n", "    patterns: []\n"), false),
        ("a pattern list of one string", rule_with("").replace("    patterns:\n      - ", "    patterns: "), false),
        ("unknown key", rule_with("    tolerence: 2\n"), false),
        ("tolerance 0", rule_with("    tolerance: 0\n"), true),
        ("tolerance 1.5", rule_with("    tolerance: 1.5\n"), true),
        ("tolerance null", rule_with("    tolerance: null\n"), true),
        ("negative tolerance", rule_with("    tolerance: -1\n"), false),
        ("tolerance 5%", rule_with("    tolerance: 5%\n"), true),
        ("tolerance \"2,5 %\"", rule_with("    tolerance: \"2,5 %\"\n"), true),
        ("tolerance without %", rule_with("    tolerance: \"5\"\n"), false),
        ("tolerance in words", rule_with("    tolerance: \"five percent\"\n"), false),
        ("negative percentage", rule_with("    tolerance: \"-5%\"\n"), false),
        ("percentage on a date rule", date_rule("    tolerance: 5%\n"), false),
        ("days on a date rule", date_rule("    tolerance: 1\n"), true),
        ("percentage on a text rule", text_rule("    tolerance: 5%\n"), false),
        ("window", rule_with("    published: { from: \"2025-07-14\", to: \"2025-07-28\" }\n"), true),
        ("unquoted window", rule_with("    published: { from: 2025-07-14 }\n"), true),
        ("empty window", rule_with("    published: {}\n"), true),
        ("window as a string", rule_with("    published: \"2025-07-14\"\n"), false),
        ("window in French order", rule_with("    published: { from: \"14/07/2025\" }\n"), false),
        ("window with a time", rule_with("    published: { to: \"2025-07-14T10:00\" }\n"), false),
        ("empty examples", rule_with("    examples: {}\n"), true),
        // serde_yaml reads an empty key as an empty struct or list.
        ("examples: null", rule_with("    examples: null\n"), true),
        ("match: null", rule_with("    examples:\n      match:\n      no_match:\n"), true),
        ("published: null", rule_with("    published:\n"), true),
        ("patterns: null", rule_with("").replace("    patterns:\n      - \"délai de {duration} à la Russie\"\n", "    patterns:\n"), false),
        ("description: null", rule_with("").replace("description: A test rule.", "description:"), false),
        ("rules: null", "rules:\n".into(), false),
        ("no_match only", rule_with("    examples:\n      no_match: [\"rien\"]\n"), true),
        ("number value", rule_with(&example("50")), true),
        ("interval value", rule_with(&example("[28, null]")), true),
        ("interval of two nulls", rule_with(&example("[null, null]")), true),
        ("null value", rule_with(&example("null")), false),
        ("missing value", rule_with("    examples:\n      match:\n        - { text: \"un délai de 50 jours\" }\n"), false),
        ("string value on a duration rule", rule_with(&example("\"50\"")), false),
        ("three ends", rule_with(&example("[1, 2, 3]")), false),
        ("one end", rule_with(&example("[1]")), false),
        ("date value on a duration rule", rule_with(&example("\"2025-07-23\"")), false),
        ("date value", date_rule(&example("\"2025-07-23\"")), true),
        ("unquoted date value", date_rule(&example("2025-07-23")), true),
        ("date interval", date_rule(&example("[\"2025-07-01\", null]")), true),
        ("number on a date rule", date_rule(&example("50")), false),
        ("text value", text_rule(&example("\"délai\"")), true),
        ("number on a text rule", text_rule(&example("50")), false),
        ("interval on a text rule", text_rule(&example("[\"a\", \"b\"]")), false),
        (
            "a frame instead of patterns",
            rule_with("    unit: [jour]\n    near: { within: 4, words: [délai] }\n")
                .replace("    patterns:\n      - \"délai de {duration} à la Russie\"\n", ""),
            true,
        ),
        (
            "a frame with words per language and exclusions",
            rule_with("    unit: { fr: [jour], en: [day] }\n    sentence: [[russie, moscou], [trump]]\n    not: { near: [{ within: 2, side: before, words: [trêve] }], document: [tarif*] }\n"),
            true,
        ),
        ("an unknown side", rule_with("    near: { within: 4, side: left, words: [délai] }\n"), false),
        ("a near entry without words", rule_with("    near: { within: 4 }\n"), false),
        ("an unknown key in not", rule_with("    not: { sentnce: [trêve] }\n"), false),
        ("when on a duration rule", rule_with("    when: { from: \"2025-07-14\" }\n"), true),
        ("when on a text rule", text_rule("    when: { from: \"2025-07-14\" }\n"), false),
        ("when on a date rule", date_rule("    when: { from: \"2025-07-22\", to: \"2025-07-26\" }\n"), true),
        ("a frame on a text rule", text_rule("    unit: [jour]\n"), false),
        (
            "example published",
            rule_with("    examples:\n      match:\n        - { text: \"délai de 50 jours à la Russie\", value: 50, published: \"2025-07-21\" }\n"),
            true,
        ),
        (
            "example published badly",
            rule_with("    examples:\n      match:\n        - { text: \"délai de 50 jours à la Russie\", value: 50, published: \"21 juillet\" }\n"),
            false,
        ),
    ];
    let mut disagreements = Vec::new();
    for (name, text, valid) in &cases {
        let schema = schema_errors(text);
        let loader = loader_accepts(text);
        if schema.is_empty() != *valid || loader.is_ok() != *valid {
            disagreements.push(format!(
                "{name}: expected {}, schema says {schema:?}, loader says {loader:?}",
                if *valid { "valid" } else { "invalid" }
            ));
        }
    }
    assert!(disagreements.is_empty(), "\n{}", disagreements.join("\n"));
}
