//! `recoupe normalize`'s arguments: a phrase, what to read it as, and how.

use recoupe::french::Placeholder;
use recoupe::language::Lang;

#[derive(clap::Args)]
pub struct NormalizeArgs {
    /// What to read the text as.
    #[arg(long, value_enum)]
    pub kind: Placeholder,
    /// The publication date relative dates are resolved against (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub published: Option<jiff::civil::Date>,
    /// The language the words are written in: its grammar reads them
    /// (`1,000` is a thousand in English, one in French).
    #[arg(long, value_enum, default_value = "fr")]
    pub lang: Lang,
    /// The words, e.g. "au moins 500".
    #[arg(required = true, num_args = 1..)]
    pub text: Vec<String>,
}

fn parse_date(text: &str) -> Result<jiff::civil::Date, String> {
    recoupe::corpus::parse_iso_date(text).ok_or_else(|| format!("`{text}` is not a date in YYYY-MM-DD form"))
}
