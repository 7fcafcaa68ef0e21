//! An entry's records as the cache keeps them: each claim encoded apart
//! (its length, then the claim), so that a run that keeps only some
//! subjects' claims (a CI run, see `Scope::new_subjects_only`) reads each
//! claim's subject, its second field, and decodes no other claim. In a
//! newsroom's repository most claims are of subjects a new article does not
//! state, and decoding them was a sixth of a warm run.

use crate::record::{ClaimRecord, Extracted, Seldom};
use serde::{Deserialize, Serialize};

/// A record without its claims, and its claims each on its own.
#[derive(Serialize, Deserialize)]
struct Stored<'a> {
    #[serde(borrow)]
    rest: Extracted<'a>,
    /// Each claim (postcard) as postcard's bytes (its length, then the
    /// claim), one after the other, not checked until read.
    #[serde(borrow)]
    claims: Seldom<'a>,
}

/// The subject of a claim's bytes, without decoding the claim: a
/// [`ClaimRecord`] starts with its rule and its subject, and postcard
/// writes a struct's fields in order. `None` when the bytes do not start so.
fn subject_of(bytes: &[u8]) -> Option<&str> {
    let ((_rule, subject), _) = postcard::take_from_bytes::<(Seldom, &str)>(bytes).ok()?;
    Some(subject)
}

/// One claim's bytes, written after their length (postcard's bytes), and
/// what follows them. `None` when cut short.
fn counted(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    match postcard::take_from_bytes::<Seldom>(bytes).ok()? {
        (Seldom(std::borrow::Cow::Borrowed(claim)), rest) => Some((claim, rest)),
        // Never from postcard's borrowed bytes; refused rather than
        // borrowed from a temporary.
        (Seldom(std::borrow::Cow::Owned(_)), _) => None,
    }
}

/// The bytes the cache keeps for `records`; `None` when they do not encode.
pub(super) fn encode(records: &[Extracted]) -> Option<Vec<u8>> {
    let stored = records
        .iter()
        .map(|r| {
            let mut claims = Vec::new();
            for c in &r.claims {
                let bytes = postcard::to_stdvec(c).ok()?;
                claims = postcard::to_extend(&Seldom(bytes.into()), claims).ok()?;
            }
            let claims = Seldom(claims.into());
            let rest = Extracted {
                claims: Vec::new(),
                ..r.clone()
            };
            Some(Stored { rest, claims })
        })
        .collect::<Option<Vec<_>>>()?;
    postcard::to_stdvec(&stored).ok()
}

/// The records of an entry, with only the claims of the subjects `keep`
/// accepts (all when `None`): the others are counted
/// ([`Extracted::claims_not_read`]), not decoded. `None` when the bytes do
/// not decode (then the entry is not trusted).
pub(super) fn decode<'d>(data: &'d [u8], keep: Option<&dyn Fn(&str) -> bool>) -> Option<Vec<Extracted<'d>>> {
    let stored: Vec<Stored<'d>> = postcard::from_bytes(data).ok()?;
    stored
        .into_iter()
        .map(|s| {
            let mut record = s.rest;
            if !record.claims.is_empty() {
                return None;
            }
            // Never anything but postcard's borrowed bytes; refused rather
            // than borrowed from a temporary.
            let std::borrow::Cow::Borrowed(mut rest) = s.claims.0 else {
                return None;
            };
            while !rest.is_empty() {
                let (bytes, next) = counted(rest)?;
                rest = next;
                if let Some(keep) = keep {
                    if !keep(subject_of(bytes)?) {
                        record.claims_not_read = record.claims_not_read.saturating_add(1);
                        continue;
                    }
                }
                record.claims.push(postcard::from_bytes::<ClaimRecord<'d>>(bytes).ok()?);
            }
            Some(record)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{ContextRecord, DocumentRecord, SpanRecord, ValueRecord};

    fn claim<'a>(rule: &'a str, subject: &'a str, quote: &'a str) -> ClaimRecord<'a> {
        let span = SpanRecord {
            start: 10,
            end: 20,
            line: 3,
            column: 4,
            end_line: 3,
            end_column: 14,
        };
        ClaimRecord {
            rule: rule.into(),
            subject: subject.into(),
            value: ValueRecord {
                kind: "number".into(),
                lo: Some(426.0),
                hi: Some(426.0),
                lo_open: false,
                hi_open: false,
                text: None,
                unit: None,
            },
            span,
            value_span: span,
            quote: quote.into(),
            resolved_from: None,
            sentence: ["Avant ".into(), " après.".into()],
            context: ContextRecord {
                as_of_day: Some("2025-07-21".into()),
                as_of_minute: None,
                as_of_offset: None,
                as_of_from: Some("published".into()),
                provisional: false,
                recalled: false,
                stance: None,
                role: None,
                source: None,
                sentence_key: 7,
                alternatives: false,
            },
        }
    }

    fn record<'a>(claims: Vec<ClaimRecord<'a>>) -> Extracted<'a> {
        Extracted {
            document: Some(DocumentRecord {
                path: "corpus/a.md".into(),
                line: None,
                id: None,
                title: Some("Titre".into()),
                outlet: "AFP".into(),
                outlet_source: "front_matter".into(),
                published: Some("2025-07-21".into()),
                published_at: None,
                lang: "fr".into(),
                lang_source: "front_matter".into(),
                url: None,
            }),
            claims,
            suppressed: Vec::new(),
            warnings: Vec::new(),
            claims_not_read: 0,
        }
    }

    /// Read back whole, the records are what was stored; read back for some
    /// subjects, only those subjects' claims are, in order, and the others
    /// are counted. (A claim's subject is read from the start of its bytes:
    /// this fails if `ClaimRecord`'s first fields move.)
    #[test]
    fn a_run_reads_back_only_the_subjects_it_keeps() {
        let records = vec![record(vec![
            claim("drones-rule", "drones", "426 drones"),
            claim("toll-rule", "toll", "un mort"),
            claim("drones-rule-2", "drones", "quatre cent vingt-six drones"),
        ])];
        let bytes = encode(&records).expect("encodes");
        assert_eq!(decode(&bytes, None).expect("decodes"), records);
        // A rule id longer than a one-byte length.
        let long = "r".repeat(300);
        let bytes_long = encode(&[record(vec![claim(&long, "drones", "426 drones")])]).expect("encodes");
        let only = |subject: &str| subject == "drones";
        assert_eq!(decode(&bytes_long, Some(&only)).expect("decodes")[0].claims.len(), 1);
        let drones = |subject: &str| subject == "drones";
        let read = decode(&bytes, Some(&drones)).expect("decodes");
        let mut expected = records.clone();
        expected[0].claims.remove(1);
        expected[0].claims_not_read = 1;
        assert_eq!(read, expected);
        let none = |_: &str| false;
        let read = decode(&bytes, Some(&none)).expect("decodes");
        assert!(read[0].claims.is_empty());
        assert_eq!(read[0].claims_not_read, 3);
        assert_eq!(read[0].document, records[0].document);
    }

    /// Bytes that are not an entry, or an entry cut short, do not decode:
    /// the entry is then a miss, never a partial record.
    #[test]
    fn an_entry_cut_short_is_not_read() {
        let bytes = encode(&[record(vec![claim("r", "s", "q")])]).expect("encodes");
        for cut in 0..bytes.len() {
            assert!(decode(&bytes[..cut], None).is_none(), "cut at {cut}");
        }
    }
}
