//! Regular-expression fragments for the typed placeholders of rule patterns.
//! (Filled in by the normalisation work.)

use crate::value::Kind;

/// A typed placeholder that a rule pattern may use: `{count}`, `{duration}`…
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Placeholder {
    /// A non-negative count, hedges and number words included: `au moins un`.
    Count,
    /// Any number, decimals and percentages included.
    Number,
    /// An ordinal: `troisième`, `3e`.
    Ordinal,
    /// A length of time: `50 jours`, `48 heures`.
    Duration,
    /// A day or span of days: `mercredi`, `le 2 juin 2025`.
    Date,
}

impl Placeholder {
    pub const ALL: [Placeholder; 5] = [
        Placeholder::Count,
        Placeholder::Number,
        Placeholder::Ordinal,
        Placeholder::Duration,
        Placeholder::Date,
    ];

    /// The name written between braces in a pattern.
    pub fn name(self) -> &'static str {
        match self {
            Placeholder::Count => "count",
            Placeholder::Number => "number",
            Placeholder::Ordinal => "ordinal",
            Placeholder::Duration => "duration",
            Placeholder::Date => "date",
        }
    }

    pub fn from_name(name: &str) -> Option<Placeholder> {
        Placeholder::ALL.into_iter().find(|p| p.name() == name)
    }

    /// The kind of value this placeholder yields.
    pub fn kind(self) -> Kind {
        match self {
            Placeholder::Count | Placeholder::Number | Placeholder::Ordinal => Kind::Number,
            Placeholder::Duration => Kind::Duration,
            Placeholder::Date => Kind::Date,
        }
    }

    /// The regular expression the placeholder expands to. It has no capture
    /// groups of its own and is meant to be compiled case-insensitively.
    pub fn regex(self) -> &'static str {
        todo!("placeholder regex")
    }
}
