//! The normalize stage: words → value intervals.
//! (Filled in by the normalisation work.)

use crate::french::Placeholder;
use crate::value::Value;
use jiff::civil::Date;

/// What the normaliser may know about where the words stand.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    /// The publication date of the article, against which relative dates
    /// (`mercredi`, `hier`) are resolved.
    pub published: Option<Date>,
    /// The text around the words (the sentence), used for verb tense when a
    /// bare weekday could be past or future.
    pub around: &'a str,
}

/// Why words could not be normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NormalizeError {
    /// The words hold no value of the asked kind.
    NoValue,
    /// A relative date with no publication date to resolve it against.
    Unresolved(String),
}

/// Reads the value of `text` as the placeholder's kind.
pub fn normalize(placeholder: Placeholder, text: &str, ctx: &Context) -> Result<Value, NormalizeError> {
    let _ = (placeholder, text, ctx);
    todo!()
}
