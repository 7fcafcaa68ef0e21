//! `recoupe normalize`: one phrase read as a value.

use super::{exit, Output};
use crate::french::Placeholder;
use crate::normalize::{self, Context, NormalizeError};
use crate::report;

/// `recoupe normalize`: prints the value object, or says why there is none.
pub fn normalize(
    placeholder: Placeholder,
    text: &str,
    published: Option<jiff::civil::Date>,
    lang: crate::language::Lang,
    io: &mut Output,
) -> i32 {
    let ctx = Context {
        published,
        around: text,
        lang,
    };
    match normalize::normalize(placeholder, text, &ctx) {
        Ok(value) => {
            let json = report::json::value(&value, text.trim());
            let _ = writeln!(io.out, "{}", serde_json::to_string_pretty(&json).unwrap_or_default());
            exit::OK
        }
        Err(NormalizeError::NoValue) => {
            let _ = writeln!(io.err, "error: no {} found in “{text}”", placeholder.name());
            let _ = writeln!(io.err, "  help: try the phrase as it stands in an article, e.g. `au moins 500`, `48 heures`, `mercredi prochain`");
            exit::FINDINGS
        }
        Err(NormalizeError::Unresolved(reason)) => {
            let _ = writeln!(io.err, "error: “{text}” cannot be resolved: {reason}");
            let _ = writeln!(io.err, "  help: give the article's date with --published YYYY-MM-DD");
            exit::FINDINGS
        }
        Err(NormalizeError::OutOfCalendar) => {
            let _ = writeln!(
                io.err,
                "error: “{text}” falls outside the calendar recoupe reads (years -9999 to 9999)"
            );
            let _ = writeln!(io.err, "  help: check the --published date");
            exit::FINDINGS
        }
    }
}

/// What `recoupe normalize --kind` reads a phrase as, in the order `--help`
/// lists them: every placeholder but `{count}` (a count is a number there).
impl clap::ValueEnum for Placeholder {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            Placeholder::Number,
            Placeholder::Duration,
            Placeholder::Date,
            Placeholder::Ordinal,
        ]
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let (name, help) = match self {
            Placeholder::Number => (
                "number",
                "A number: `1 000`, `au moins 500`, `1,5 million`, `une trentaine`",
            ),
            Placeholder::Duration => ("duration", "A length of time, in days: `50 jours`, `48 heures`"),
            Placeholder::Date => ("date", "A day or span of days: `mercredi`, `le 2 juin 2025`, `en mai`"),
            Placeholder::Ordinal => ("ordinal", "An ordinal: `troisième`, `3e`"),
            Placeholder::Count => return None,
        };
        Some(clap::builder::PossibleValue::new(name).help(help))
    }
}
