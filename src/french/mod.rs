//! French vocabulary shared by the rules stage (which expands placeholders into
//! regular expressions) and the normalize stage (which reads the matched words).
//!
//! Both stages must agree on what a number, a duration or a date looks like, so
//! the surface grammar lives here once and neither stage reaches into the
//! other: [`vocab`] holds the word tables, [`grammar`] the pieces of numbers
//! and durations and the placeholder regexes built from them,
//! [`date_grammar`] the forms of a date, and [`markers`] the words that
//! qualify a claim (provisional, announced, attributed…). The finder uses a
//! piece as written, the normaliser folded (see [`crate::surface`]).

pub mod date_grammar;
pub mod grammar;
pub mod markers;
pub mod vocab;

pub use grammar::Placeholder;
pub use vocab::fold;
