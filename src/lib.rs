//! recoupe: cross-check facts between news outlets.
//!
//! The pipeline has one module per stage and data flows one way:
//!
//! corpus → rules → extract → normalize → compare → report
//!
//! [`pipeline`] drives the stages for a run (see ARCHITECTURE.md for what
//! each owns), [`claims`] keeps what extraction found, [`app`] runs the
//! stages for the command line; `main.rs` only parses arguments.

pub mod app;
pub mod atomic;
pub mod baseline;
pub mod cache;
pub mod claims;
pub mod compare;
pub mod config;
pub mod corpus;
pub mod english;
pub mod extract;
pub mod french;
pub mod language;
pub mod normalize;
pub mod pipeline;
pub mod record;
pub mod report;
pub mod rule_examples;
pub mod rules;
pub mod search;
pub mod shard;
pub mod suppress;
pub mod surface;
pub mod value;

pub use pipeline::{check, check_inputs, Inputs, Progress, Scope};
