//! The JSON report: the contract that CI scripts and the other formats build
//! on. Fields may be added, never renamed. No timings and no absolute paths:
//! the same input gives the same bytes.

use super::{bounds, BoundText, Printer, Report, Settings};
use crate::extract::{Claim, Span};
use crate::value::Value;
use serde_json::{json, Value as Json};

/// The [`Printer`] of the `json` format: the stable contract, streamed.
pub struct JsonPrinter;

impl Printer for JsonPrinter {
    fn print(&self, report: &Report, _settings: &Settings, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        write(report, out)
    }
}

/// The version of the JSON layout; bumped only if a field changes meaning.
pub const VERSION: u32 = 1;

/// The report as pretty-printed JSON, ending with a newline.
pub fn render(report: &Report) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail.
    let _ = write(report, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the report as pretty-printed JSON, one element at a time: a large
/// corpus's report is never held in memory as one JSON tree.
pub fn write(report: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let summary = report.summary();
    out.write_all(b"{\n")?;
    writeln!(out, "  \"version\": {VERSION},")?;
    // Only when a configuration file was used, so that a run without one
    // reads as before.
    if let Some(config) = &report.config {
        writeln!(out, "  \"config\": {},", json!(config))?;
    }
    elements(out, "documents", &report.documents, |d| {
        let mut doc = json!({
            "path": d.source.path(),
            "outlet": d.source.outlet,
            "outlet_source": d.outlet_source.as_str(),
            "published": d.source.published.map(|p| p.to_string()),
            "lang": d.lang,
            "lang_source": d.lang_source.as_str(),
            "title": d.source.title(),
        });
        // Only where there is one, so that the documents of plain files
        // read as before: a JSON Lines record's line and id, a url.
        if let Some(line) = d.line {
            doc["line"] = json!(line);
        }
        // Only where the report names the outlet otherwise.
        if let Some(written) = &d.outlet_written {
            doc["outlet_written"] = json!(written);
        }
        if let Some(id) = &d.id {
            doc["id"] = json!(id);
        }
        if let Some(url) = &d.url {
            doc["url"] = json!(url);
        }
        if let Some(at) = &d.published_at {
            doc["published_at"] = json!(at);
        }
        // Only in CI mode (`check --new`): which articles are new.
        if let Some(new) = &report.new_paths {
            doc["new"] = json!(new.contains(d.source.path()));
        }
        doc
    })?;
    elements_with(out, "claims", &report.claims, |c, text| {
        write_indented(text, &ClaimJson::of(c), 2)
    })?;
    // Findings are written field by field: one subject can hold hundreds of
    // thousands of claims, whose ids are built one at a time.
    write!(out, "  \"findings\": [")?;
    for (n, f) in report.findings.iter().enumerate() {
        out.write_all(if n == 0 { b"\n    " } else { b",\n    " })?;
        write_finding(out, report, f)?;
    }
    out.write_all(if report.findings.is_empty() {
        b"],\n"
    } else {
        b"\n  ],\n"
    })?;
    elements(
        out,
        "warnings",
        &report.warnings,
        |w| json!({"path": w.path, "line": w.line, "message": w.message}),
    )?;
    // Only when an article suppressed claims: each, with its reason.
    if !report.suppressed.is_empty() {
        elements(out, "suppressed", &report.suppressed, |s| {
            json!({
                "claim": claim(&s.claim),
                "reason": s.reason,
                "by": s.by,
                "line": s.line,
            })
        })?;
    }
    let summary = json!({
        "documents": summary.documents,
        "claims": summary.claims,
        "agreements": summary.agreements,
        "contradictions": summary.contradictions,
        "single_source": summary.single_source,
        "warnings": summary.warnings,
        "known_contradictions": summary.known_contradictions,
        "suppressed": summary.suppressed,
        "revisions": summary.revisions,
        "announcement_divergences": summary.announcement_divergences,
    });
    write!(out, "  \"summary\": {}\n}}\n", indented(&summary, 1))
}

/// How many of a finding's conflicting pairs the JSON lists (with their
/// fingerprints); past it, `conflicts_total` says how many there are.
pub const MAX_LISTED_CONFLICTS: usize = 1000;

/// One finding, laid out exactly as `serde_json::to_string_pretty` lays it
/// out as an element of `findings`, its claim lists written id by id.
fn write_finding(out: &mut dyn std::io::Write, report: &Report, f: &crate::compare::Finding) -> std::io::Result<()> {
    // Findings hold claim indices; the contract names claims by id.
    let id = |i: usize| report.claim(i).map(Claim::id).unwrap_or_default();
    let mut fields = Fields { out, first: true };
    fields.value("subject", &json!(f.subject))?;
    fields.value("status", &json!(f.status.as_str()))?;
    // What a contradiction weighs: its rules' highest `severity`.
    if f.status == crate::compare::Status::Contradiction {
        fields.value("severity", &json!(report.severity(f).as_str()))?;
    }
    fields.value("outlets", &json!(f.outlets))?;
    fields.list("claims", f.claims.iter().map(|&i| id(i)))?;
    // A sample past the cap: with hundreds of outlets, the pairs grow with
    // the square of the statements; `groups` and `incompatible` say it all.
    let shown = f.conflicts.len().min(MAX_LISTED_CONFLICTS);
    let conflicts: Vec<[String; 2]> = f.conflicts[..shown].iter().map(|&(a, b)| [id(a), id(b)]).collect();
    fields.value("conflicts", &json!(conflicts))?;
    fields.value(
        "fingerprints",
        &json!(f.fingerprints[..shown.min(f.fingerprints.len())]),
    )?;
    if shown < f.conflicts.len() {
        fields.value("conflicts_total", &json!(f.conflicts.len()))?;
    }
    fields.list("conflicting", f.conflicting.iter().map(|&(i, _)| id(i)))?;
    if f.status == crate::compare::Status::Contradiction {
        fields.value("known", &json!(report.is_known(f)))?;
    }
    fields.value("independent_sources", &json!(f.independent_sources))?;
    // Only where there is one, so that other findings read as before.
    let outlets_of = |claims: &[usize]| -> Vec<&str> {
        let set: std::collections::BTreeSet<&str> = claims
            .iter()
            .filter_map(|&i| report.claim(i))
            .map(Claim::outlet)
            .collect();
        set.into_iter().collect()
    };
    if !f.groups.is_empty() {
        let groups: Vec<Json> = f
            .groups
            .iter()
            .filter_map(|members| {
                let first = report.claim(members[0])?;
                Some(json!({
                    "value": value(&first.value, first.words()),
                    "outlets": outlets_of(members),
                    "claims": members.iter().map(|&i| id(i)).collect::<Vec<_>>(),
                }))
            })
            .collect();
        fields.value("groups", &json!(groups))?;
        fields.value(
            "incompatible",
            &json!(f.incompatible.iter().map(|&(a, b)| [a, b]).collect::<Vec<_>>()),
        )?;
    }
    if !f.timeline.is_empty() {
        let steps: Vec<Json> = f
            .timeline
            .iter()
            .filter_map(|step| {
                let first = report.claim(step[0])?;
                let as_of = step
                    .iter()
                    .filter_map(|&i| report.claim(i).and_then(|c| c.context.as_of))
                    .map(|a| a.render())
                    .min();
                Some(json!({
                    "value": value(&first.value, first.words()),
                    "as_of": as_of,
                    "outlets": outlets_of(step),
                    "claims": step.iter().map(|&i| id(i)).collect::<Vec<_>>(),
                }))
            })
            .collect();
        fields.value("timeline", &json!(steps))?;
    }
    if let Some(r) = &f.revises {
        fields.value(
            "revises",
            &json!({
                "subject": r.subject,
                "since": r.since.map(|d| d.to_string()),
                "claims": r.claims.iter().map(|&i| id(i)).collect::<Vec<_>>(),
                "stale": r.stale.iter().map(|&i| id(i)).collect::<Vec<_>>(),
            }),
        )?;
    }
    if !f.divergences.is_empty() {
        let pairs: Vec<Json> = f
            .divergences
            .iter()
            .map(|&(a, b)| json!({"announced": id(a), "held": id(b)}))
            .collect();
        fields.value("divergences", &json!(pairs))?;
    }
    if !f.relays.is_empty() {
        let relays: Vec<Json> = f
            .relays
            .iter()
            .map(|r| {
                json!({
                    "first": id(r[0]),
                    "relays": r[1..].iter().map(|&i| id(i)).collect::<Vec<_>>(),
                    "outlets": outlets_of(r),
                })
            })
            .collect();
        fields.value("relays", &json!(relays))?;
    }
    if f.roles_converted {
        fields.value("roles_converted", &json!(true))?;
    }
    fields.out.write_all(b"\n    }")
}

/// `"name": [ ... ],` with each element pretty-printed at its depth, exactly
/// as `serde_json::to_string_pretty` lays out the whole document. The
/// elements are formatted on all threads a window at a time and written in
/// order: formatting hundreds of thousands of claims took 6 s on the 200 MiB
/// benchmark's one thread left after extraction. The window bounds what is
/// held formatted at once.
fn elements<T: Sync>(
    out: &mut dyn std::io::Write,
    name: &str,
    items: &[T],
    element: impl Fn(&T) -> Json + Sync,
) -> std::io::Result<()> {
    elements_with(out, name, items, |item, text| write_indented(text, &element(item), 2))
}

/// [`elements`], each element written to the text by `write`, laid out as
/// an element of a top-level array.
fn elements_with<T: Sync>(
    out: &mut dyn std::io::Write,
    name: &str,
    items: &[T],
    write: impl Fn(&T, &mut Vec<u8>) + Sync,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    /// Elements formatted by one task.
    const CHUNK: usize = 256;
    /// Chunks formatted before they are written: enough to keep the threads
    /// busy, few enough that the text held at once stays near a megabyte.
    const WINDOW: usize = 4;
    write!(out, "  \"{name}\": [")?;
    for (n, window) in items.chunks(CHUNK * WINDOW).enumerate() {
        let texts: Vec<Vec<u8>> = window
            .par_chunks(CHUNK)
            .map(|chunk| {
                let mut text = Vec::new();
                for (i, item) in chunk.iter().enumerate() {
                    if i > 0 {
                        text.extend_from_slice(b",\n    ");
                    }
                    write(item, &mut text);
                }
                text
            })
            .collect();
        for (m, text) in texts.iter().enumerate() {
            out.write_all(if n == 0 && m == 0 { b"\n    " } else { b",\n    " })?;
            out.write_all(text)?;
        }
    }
    out.write_all(if items.is_empty() { b"],\n" } else { b"\n  ],\n" })
}

/// The fields of an object that is an element of a top-level array.
struct Fields<'w> {
    out: &'w mut dyn std::io::Write,
    first: bool,
}

impl Fields<'_> {
    fn key(&mut self, name: &str) -> std::io::Result<()> {
        self.out
            .write_all(if self.first { b"{\n      " } else { b",\n      " })?;
        self.first = false;
        write!(self.out, "{}: ", Json::from(name))
    }

    fn value(&mut self, name: &str, value: &Json) -> std::io::Result<()> {
        self.key(name)?;
        let mut text = Vec::new();
        write_indented(&mut text, value, 3);
        self.out.write_all(&text)
    }

    fn list(&mut self, name: &str, items: impl Iterator<Item = String>) -> std::io::Result<()> {
        self.key(name)?;
        let mut empty = true;
        for item in items {
            self.out
                .write_all(if empty { b"[\n        " } else { b",\n        " })?;
            write!(self.out, "{}", Json::from(item))?;
            empty = false;
        }
        self.out.write_all(if empty { b"[]" } else { b"\n      ]" })
    }
}

/// A value pretty-printed as if nested `depth` levels deep.
fn indented<T: serde::Serialize + ?Sized>(value: &T, depth: usize) -> String {
    let mut text = Vec::new();
    write_indented(&mut text, value, depth);
    String::from_utf8(text).unwrap_or_default()
}

/// Appends a value pretty-printed as if nested `depth` levels deep: each
/// line break of the layout is followed by the pad (a string's own line
/// breaks are escaped, so every newline byte is the layout's). Written as
/// serde_json goes, with no text to copy and pad afterwards (that was a
/// twenty-fifth of a run over news that states no claim).
fn write_indented<T: serde::Serialize + ?Sized>(out: &mut Vec<u8>, value: &T, depth: usize) {
    struct Padded<'a> {
        out: &'a mut Vec<u8>,
        depth: usize,
    }
    impl std::io::Write for Padded<'_> {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            // serde_json writes a value in many small pieces, most without
            // a line break.
            let mut rest = bytes;
            while let Some(at) = rest.iter().position(|&b| b == b'\n') {
                self.out.extend_from_slice(&rest[..=at]);
                self.out.resize(self.out.len() + 2 * self.depth, b' ');
                rest = &rest[at + 1..];
            }
            self.out.extend_from_slice(rest);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let start = out.len();
    // Only a map with keys that are not strings fails, and no report has one.
    if serde_json::to_writer_pretty(Padded { out: &mut *out, depth }, value).is_err() {
        out.truncate(start);
    }
}

/// The value object: `{"kind", "lo", "hi", "unit", "text"}`, plus `lo_open`
/// / `hi_open` where an end is excluded (`plus de 50` excludes 50).
pub fn value(v: &Value, words: &str) -> Json {
    let (lo, hi) = bounds(v);
    let mut out = json!({
        "kind": v.kind.as_str(),
        "lo": bound(lo),
        "hi": bound(hi),
        "unit": v.unit.map(|u| u.as_str()),
        "text": words,
    });
    if let Some(r) = v.range() {
        if r.lo_open && r.lo.is_finite() {
            out["lo_open"] = json!(true);
        }
        if r.hi_open && r.hi.is_finite() {
            out["hi_open"] = json!(true);
        }
    }
    out
}

fn claim(c: &Claim) -> Json {
    serde_json::to_value(ClaimJson::of(c)).unwrap_or_default()
}

/// A claim as the report lays it out, serialised straight from this struct
/// (its fields in the JSON's order): a `serde_json::Value` map built per
/// claim was most of the time of writing a claim-dense report.
#[derive(serde::Serialize)]
struct ClaimJson<'a> {
    id: String,
    fingerprint: String,
    rule: &'a str,
    subject: &'a str,
    path: &'a str,
    outlet: &'a str,
    lang: &'a str,
    published: Option<String>,
    value: ValueJson<'a>,
    span: SpanJson,
    value_span: SpanJson,
    quote: &'a str,
    resolved_from: Option<&'static str>,
    as_of: Option<String>,
    as_of_from: Option<&'static str>,
    provisional: bool,
    /// Only where the sentence recalls the figure as an earlier one
    /// ("initialement", "selon les premiers bilans"): it held before the
    /// article's time, so it can show no fall of an evolving figure.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    recalled: bool,
    /// Only where the sentence says it.
    #[serde(skip_serializing_if = "Option::is_none")]
    stance: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
}

impl<'a> ClaimJson<'a> {
    fn of(c: &'a Claim) -> ClaimJson<'a> {
        let context = &c.context;
        ClaimJson {
            id: c.id(),
            fingerprint: crate::compare::claim_fingerprint(c),
            rule: c.rule(),
            subject: c.subject(),
            path: c.path(),
            outlet: c.outlet(),
            lang: c.lang(),
            published: c.published().map(|p| p.to_string()),
            value: ValueJson::of(&c.value, c.words()),
            span: SpanJson::of(&c.span),
            value_span: SpanJson::of(&c.value_span),
            quote: c.quote(),
            resolved_from: c.resolved_from.map(|r| r.as_str()),
            as_of: context.as_of.map(|a| a.render()),
            as_of_from: context.as_of.map(|a| a.from.as_str()),
            provisional: context.provisional,
            recalled: context.recalled,
            stance: context.stance.map(|s| s.as_str()),
            role: context.role.map(|r| r.as_str()),
            source: c.attributed(),
        }
    }
}

/// [`value`], as a struct.
#[derive(serde::Serialize)]
struct ValueJson<'a> {
    kind: &'static str,
    lo: BoundText,
    hi: BoundText,
    unit: Option<&'static str>,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    lo_open: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hi_open: Option<bool>,
}

impl<'a> ValueJson<'a> {
    fn of(v: &Value, words: &'a str) -> ValueJson<'a> {
        let (lo, hi) = bounds(v);
        let range = v.range();
        ValueJson {
            kind: v.kind.as_str(),
            lo,
            hi,
            unit: v.unit.map(|u| u.as_str()),
            text: words,
            lo_open: range.filter(|r| r.lo_open && r.lo.is_finite()).map(|_| true),
            hi_open: range.filter(|r| r.hi_open && r.hi.is_finite()).map(|_| true),
        }
    }
}

#[derive(serde::Serialize)]
struct SpanJson {
    start: u32,
    end: u32,
    line: u32,
    column: u32,
}

impl SpanJson {
    fn of(s: &Span) -> SpanJson {
        SpanJson {
            start: s.start,
            end: s.end,
            line: s.line,
            column: s.column,
        }
    }
}

/// A value's end as [`bound`] writes it.
impl serde::Serialize for BoundText {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            BoundText::Number(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => serializer.serialize_i64(*x as i64),
            BoundText::Number(x) => serializer.serialize_f64(*x),
            BoundText::Date(d) => serializer.serialize_str(d),
            BoundText::Text(t) => serializer.serialize_str(t),
            BoundText::Unbounded => serializer.serialize_unit(),
        }
    }
}

fn bound(b: BoundText) -> Json {
    match b {
        BoundText::Number(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => json!(x as i64),
        BoundText::Number(x) => json!(x),
        BoundText::Date(d) => json!(d),
        BoundText::Text(t) => json!(t),
        BoundText::Unbounded => Json::Null,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Formatted on all threads in windows, the elements come out as
    /// `serde_json::to_string_pretty` lays out the same array in a document:
    /// across chunk and window edges, and empty.
    #[test]
    fn elements_are_laid_out_as_serde_json_lays_out_the_array() {
        let element = |n: &usize| json!({"n": n, "list": [n, n + 1]});
        for len in [0, 1, 255, 256, 257, 1024, 1025, 2500] {
            let items: Vec<usize> = (0..len).collect();
            let document =
                serde_json::to_string_pretty(&json!({"x": items.iter().map(element).collect::<Vec<_>>()})).unwrap();
            let expected = format!(
                "{},\n",
                document.strip_prefix("{\n").unwrap().strip_suffix("\n}").unwrap()
            );
            let mut parallel = Vec::new();
            rayon::ThreadPoolBuilder::new()
                .num_threads(3)
                .build()
                .unwrap()
                .install(|| elements(&mut parallel, "x", &items, element))
                .unwrap();
            assert_eq!(String::from_utf8(parallel).unwrap(), expected, "{len}");
        }
    }
}
