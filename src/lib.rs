//! recoupe: cross-check facts between news outlets.

pub mod french;
pub mod normalize;
pub mod value;
