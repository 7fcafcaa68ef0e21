//! The serialisable rule model: exactly what a rule file may say.
//!
//! This is the shape editors write in YAML. It is checked and turned into a
//! runtime [`crate::rules::Rule`] by `compile`; nothing outside the rules stage
//! sees these types.

use crate::value::Kind;
use serde::Deserialize;

/// A rule file: one claim family, one or more rules.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    pub rules: Vec<RuleSpec>,
}

/// One rule as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// Unique across all rule files: `trump-deadline-days`.
    pub id: String,
    /// What the rule finds, for people: shown by `rules explain` and in reports.
    pub description: String,
    /// The fact the claims are about. Claims are compared by subject, so two
    /// rules that phrase the same fact differently share one. May name a
    /// capture group of the patterns in braces: `strike-{weapon}`.
    pub subject: String,
    pub kind: Kind,
    /// Regular expressions with typed placeholders (`{count}`, `{duration}`,
    /// `{date}`, …) and `{gap}`; a space matches any run of spaces.
    pub patterns: Vec<String>,
    /// How far apart two values may be and still agree: a number in the value's
    /// unit (days for durations and dates) or a percentage string (`"5%"`).
    #[serde(default)]
    pub tolerance: Option<ToleranceSpec>,
    /// Only articles published in this window are matched: a story's facts
    /// change (a 50-day deadline later became 10 days), and a rule that states
    /// one moment of the story must not read another.
    #[serde(default)]
    pub published: Option<WindowSpec>,
    #[serde(default)]
    pub examples: ExamplesSpec,
}

/// The names of [`RuleSpec`]'s fields, for unknown-key diagnostics.
pub const RULE_FIELDS: &[&str] = &[
    "id",
    "description",
    "subject",
    "kind",
    "patterns",
    "tolerance",
    "published",
    "examples",
];

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum ToleranceSpec {
    Absolute(f64),
    Relative(String),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WindowSpec {
    /// First publication day included, `YYYY-MM-DD`.
    #[serde(default)]
    pub from: Option<String>,
    /// Last publication day included, `YYYY-MM-DD`.
    #[serde(default)]
    pub to: Option<String>,
}

pub const WINDOW_FIELDS: &[&str] = &["from", "to"];

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExamplesSpec {
    /// Texts the rule must match, with the value it must read.
    #[serde(default, rename = "match")]
    pub matches: Vec<MatchExampleSpec>,
    /// Texts the rule must not match: real near-misses.
    #[serde(default)]
    pub no_match: Vec<String>,
}

pub const EXAMPLES_FIELDS: &[&str] = &["match", "no_match"];

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatchExampleSpec {
    pub text: String,
    /// As a person would write it: `50`, `2025-07-23`, `[400, null]`.
    pub value: serde_yaml::Value,
    /// The publication date the text is read against, for relative dates.
    #[serde(default)]
    pub published: Option<String>,
}

pub const MATCH_EXAMPLE_FIELDS: &[&str] = &["text", "value", "published"];
