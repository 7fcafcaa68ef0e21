//! French vocabulary shared by the rules stage (which expands placeholders into
//! regular expressions) and the normalize stage (which reads the matched words).
//!
//! Both stages must agree on what a number, a duration or a date looks like, so
//! the surface grammar lives here once, as data, and neither stage reaches into
//! the other: [`vocab`] holds the word tables, [`grammar`] turns them into the
//! placeholder regexes, and [`markers`] holds the words that qualify a claim
//! (provisional, announced, attributed…).

pub mod date_grammar;
pub mod grammar;
pub mod markers;
pub mod vocab;

pub use grammar::Placeholder;
pub use vocab::fold;
