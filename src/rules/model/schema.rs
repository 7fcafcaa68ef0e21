//! The JSON Schema of rule files, generated from the model's types and
//! tidied for editors, with the checks that depend on a rule's `kind`.

use super::{RuleFile, DATE_MESSAGE, DATE_PATTERN};
use schemars::transform::{RecursiveTransform, Transform};
use schemars::{json_schema, Schema, SchemaGenerator};
use serde_json::Value as Json;

/// The JSON Schema of rule files, as committed in `docs/rule.schema.json`.
///
/// Draft 7 with every subschema inlined: the draft that editors (the YAML
/// language server of VS Code, JetBrains IDEs) support best, and a schema whose
/// descriptions sit next to the keys they describe. Each `description` is also
/// given as `markdownDescription`, which VS Code renders.
pub fn schema() -> Schema {
    let mut settings = schemars::generate::SchemaSettings::draft07();
    settings.inline_subschemas = true;
    let mut schema = settings.into_generator().into_root_schema_for::<RuleFile>();
    RecursiveTransform(tidy).transform(&mut schema);
    schema
}

/// [`schema`] as pretty-printed JSON with a final newline: the bytes of
/// `docs/rule.schema.json`. Deterministic.
pub fn schema_json() -> String {
    let mut text = serde_json::to_string_pretty(&schema()).expect("a schema is always valid JSON");
    text.push('\n');
    text
}

/// Makes the generated schema read well in an editor:
///
/// - doc comments are wrapped at 80 columns, and a description reads better
///   unwrapped (editors wrap it themselves); it is repeated as
///   `markdownDescription`, which VS Code renders (the doc comments are
///   Markdown);
/// - schemars' `default`s (`null`, `[]`) would be inserted by completion and
///   say nothing a description does not, and `format: double` is no standard
///   format: both go.
fn tidy(schema: &mut Schema) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    let mut tidied = serde_json::Map::new();
    for (key, value) in std::mem::take(object) {
        match (key.as_str(), value) {
            ("default", _) => {}
            ("format", Json::String(f)) if f == "double" => {}
            ("description", Json::String(text)) => {
                let text = text
                    .split("\n\n")
                    .map(|paragraph| paragraph.split('\n').map(str::trim).collect::<Vec<_>>().join(" "))
                    .collect::<Vec<_>>()
                    .join("\n\n");
                tidied.insert("description".into(), Json::String(text.clone()));
                tidied.insert("markdownDescription".into(), Json::String(text));
            }
            (_, value) => {
                tidied.insert(key, value);
            }
        }
    }
    *object = tidied;
}

/// `value` of a match example: its shape depends on the rule's kind, which
/// [`kind_conditions`] checks; on its own, any of the shapes.
pub(super) fn example_value_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "anyOf": [
            { "type": "number" },
            { "type": "string" },
            {
                "type": "array",
                "items": { "type": ["number", "string", "null"] },
                "minItems": 2,
                "maxItems": 2
            }
        ]
    })
}

/// What depends on the rule's `kind`, as `if`/`then` conditions: the shape of
/// each example's `value`, and percentage tolerances only for number and
/// duration rules. This mirrors `compile_rule` and `parse_expected` in
/// `rules/mod.rs`.
pub(super) fn kind_conditions(schema: &mut Schema) {
    let date = json_schema!({ "type": "string", "pattern": DATE_PATTERN, "patternErrorMessage": DATE_MESSAGE });
    let date_or_null = json_schema!({ "anyOf": [date.clone(), { "type": "null" }] });
    let numeric_value = json_schema!({
        "anyOf": [
            { "type": "number" },
            { "type": "array", "items": { "type": ["number", "null"] }, "minItems": 2, "maxItems": 2 }
        ]
    });
    let date_value = json_schema!({
        "anyOf": [
            date,
            { "type": "array", "items": date_or_null, "minItems": 2, "maxItems": 2 }
        ]
    });
    let text_value = json_schema!({ "type": "string" });
    let when = |kinds: &[&str], value: Schema, percent_allowed: bool| {
        let mut then = json_schema!({
            "properties": {
                "examples": {
                    "properties": { "match": { "items": { "properties": { "value": value } } } }
                }
            }
        });
        if !percent_allowed {
            let properties = then.get_mut("properties").and_then(Json::as_object_mut);
            if let Some(properties) = properties {
                properties.insert("tolerance".into(), serde_json::json!({ "type": ["number", "null"] }));
            }
        }
        serde_json::json!({
            "if": { "properties": { "kind": { "enum": kinds } }, "required": ["kind"] },
            "then": then
        })
    };
    // A rule needs patterns or a frame; a text rule has no frame (`when`
    // included: `frame::compile` and `compile_rule` say the same).
    let frame_keys = [
        "unit",
        "paired",
        "near",
        "sentence",
        "passage",
        "place",
        "paragraph",
        "document",
        "not",
        "when",
        "signature",
    ];
    let mut needs: Vec<Json> = vec![serde_json::json!({
        "required": ["patterns"],
        "properties": { "patterns": { "minItems": 1 } }
    })];
    needs.extend(frame_keys.iter().map(|k| serde_json::json!({ "required": [k] })));
    let mut no_frame = serde_json::Map::new();
    for k in frame_keys {
        no_frame.insert(k.to_string(), serde_json::json!({ "type": "null" }));
    }
    let text_without_frame = serde_json::json!({
        "if": { "properties": { "kind": { "const": "text" } }, "required": ["kind"] },
        "then": { "properties": no_frame }
    });
    schema.insert(
        "allOf".into(),
        Json::Array(vec![
            when(&["number", "duration"], numeric_value, true),
            when(&["date"], date_value, false),
            when(&["text"], text_value, false),
            serde_json::json!({ "anyOf": needs }),
            text_without_frame,
        ]),
    );
}
