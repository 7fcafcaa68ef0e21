//! English vocabulary shared by the rules stage (which expands placeholders
//! into regular expressions) and the normalize stage (which reads the
//! matched words), mirroring [`crate::french`]: [`vocab`] holds the word
//! tables, [`grammar`] (with `date_grammar` for dates) turns them into the
//! placeholder regexes, and [`markers`] holds the words that qualify a claim.

pub(crate) mod date_grammar;
pub mod grammar;
pub mod markers;
pub mod vocab;

pub use grammar::regex;
pub use vocab::fold;
