//! A record's strings: borrowed from what the record is read from
//! ([`Text`]), or kept as bytes until used when a run seldom reads them
//! ([`Seldom`]).

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A string of a record: borrowed from what it was read from (the cache's
/// bytes, a shard's line without escapes) or from the run's data when
/// written, so that reading 10,000 records allocates no string but the ones
/// the run keeps. (serde's `Cow<str>` borrows only as a field of its own,
/// never inside an `Option` or an array.)
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text<'a>(pub Cow<'a, str>);

impl std::ops::Deref for Text<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl<'a> From<&'a str> for Text<'a> {
    fn from(s: &'a str) -> Text<'a> {
        Text(Cow::Borrowed(s))
    }
}

impl From<String> for Text<'_> {
    fn from(s: String) -> Self {
        Text(Cow::Owned(s))
    }
}

impl Serialize for Text<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Text<'a>, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(s.to_string())))
            }
            fn visit_string<E>(self, s: String) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(s)))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// Text a run seldom reads (a claim's sentence, which only the HTML page
/// shows): in the cache's binary form it is kept as bytes, borrowed and not
/// checked for UTF-8 until it is used (10,000 cached documents hold
/// megabytes of sentences); in JSON it is a string like any other.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Seldom<'a>(pub Cow<'a, [u8]>);

impl<'a> From<&'a str> for Seldom<'a> {
    fn from(s: &'a str) -> Seldom<'a> {
        Seldom(Cow::Borrowed(s.as_bytes()))
    }
}

impl Seldom<'_> {
    /// The text, when it is UTF-8.
    pub fn text(&self) -> Result<&str, String> {
        std::str::from_utf8(&self.0).map_err(|e| format!("a sentence that is not UTF-8: {e}"))
    }
}

impl Serialize for Seldom<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.serialize_str(&String::from_utf8_lossy(&self.0))
        } else {
            serializer.serialize_bytes(&self.0)
        }
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Seldom<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Seldom<'a>, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Seldom<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Seldom<'de>, E> {
                Ok(Seldom(Cow::Borrowed(s.as_bytes())))
            }
            fn visit_str<E>(self, s: &str) -> Result<Seldom<'de>, E> {
                Ok(Seldom(Cow::Owned(s.as_bytes().to_vec())))
            }
            fn visit_string<E>(self, s: String) -> Result<Seldom<'de>, E> {
                Ok(Seldom(Cow::Owned(s.into_bytes())))
            }
            fn visit_borrowed_bytes<E>(self, b: &'de [u8]) -> Result<Seldom<'de>, E> {
                Ok(Seldom(Cow::Borrowed(b)))
            }
            fn visit_bytes<E>(self, b: &[u8]) -> Result<Seldom<'de>, E> {
                Ok(Seldom(Cow::Owned(b.to_vec())))
            }
        }
        if deserializer.is_human_readable() {
            deserializer.deserialize_str(Visitor)
        } else {
            deserializer.deserialize_bytes(Visitor)
        }
    }
}
