//! The HTML report: one self-contained page an editor opens from disk.
//!
//! Inline CSS (light and dark through `prefers-color-scheme`, a print
//! style) and a little plain JavaScript (the filters); no request leaves the
//! page: its Content-Security-Policy allows nothing but its own style and
//! script, named by their SHA-256. Without JavaScript every card shows and
//! the filters stay hidden.
//!
//! The page: a summary (documents, outlets, claims, the contradictions
//! first), an outlet × outlet matrix (per pair, the subjects they agree and
//! disagree on, each linking to its card), then a card per subject (its
//! verdict in words, each distinct value with the outlets that give it, each
//! quote highlighted in its sentence with outlet, language, date, a link to
//! the article and `file:line:column`, and a timeline by publication date),
//! then the warnings.
//!
//! Article text (outlets, titles, quotes, sentences, paths, URLs, languages)
//! is untrusted: it is made inert ([`super::inert`]) and escaped for HTML
//! everywhere, and a URL is a link only when it is `http:` or `https:`. The
//! output is byte-stable: no timestamp, every list in a fixed order.

use super::memo::{self, Group};
use super::words::{self, Words};
use super::{first_sentence, inert, Report};
use crate::compare::{Finding, Status};
use crate::extract::Claim;
use crate::language::Lang;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write;

const STYLE: &str = include_str!("html/page.css");
const SCRIPT: &str = include_str!("html/filters.js");

/// Text for an HTML element or attribute: inert, on one line, with `&`,
/// `<`, `>`, `"` and `'` as entities.
pub fn escape(text: &str) -> String {
    let flat = inert::line(text);
    let mut out = String::with_capacity(flat.len());
    for c in flat.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A URL that may be a link: `http:` or `https:` only (never `javascript:`
/// or `data:`), without white space or controls.
fn safe_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let web = lower.starts_with("http://") || lower.starts_with("https://");
    (web && !url.chars().any(|c| c.is_whitespace() || c.is_control())).then_some(url)
}

/// A language code fit for a `lang` attribute (`fr`, `en-GB`), else none.
fn lang_attribute(code: &str) -> Option<&str> {
    let ok = !code.is_empty() && code.len() <= 35 && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    ok.then_some(code)
}

/// The `sha256-…` source of a CSP for an inline style or script.
fn csp_hash(text: &str) -> String {
    format!("'sha256-{}'", base64(&Sha256::digest(text.as_bytes())))
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A subject as part of an id: ASCII letters, digits and `-`.
fn slug(subject: &str) -> String {
    let s: String = subject
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let s = s.trim_matches('-');
    s.chars().take(60).collect()
}

/// A document's url and time of publication, as its front matter gives them.
type Links<'a> = (Option<&'a str>, Option<&'a str>);

/// What the page knows of each document a claim may come from.
struct Documents<'a> {
    /// (path, record line or none) → (url, published_at).
    by_place: HashMap<(&'a str, Option<u32>), Links<'a>>,
}

impl<'a> Documents<'a> {
    fn new(report: &'a Report) -> Documents<'a> {
        let by_place = report
            .documents
            .iter()
            .map(|d| ((d.source.path(), d.line), (d.url.as_deref(), d.published_at.as_deref())))
            .collect();
        Documents { by_place }
    }

    /// The url and time of publication of a claim's document.
    fn of(&self, claim: &Claim) -> (Option<&'a str>, Option<&'a str>) {
        self.by_place
            .get(&(claim.path(), Some(claim.span.line)))
            .or_else(|| self.by_place.get(&(claim.path(), None)))
            .copied()
            .unwrap_or((None, None))
    }
}

/// Each card's id, verdict class and index, by finding.
struct Card {
    id: String,
    class: &'static str,
    verdict: &'static str,
}

fn card_of(report: &Report, index: usize, finding: &Finding) -> Card {
    let (class, verdict) = match finding.status {
        Status::Contradiction if report.is_known(finding) => ("contradiction known", "contradiction"),
        Status::Contradiction => ("contradiction", "contradiction"),
        Status::AnnouncementDiverges => ("announcement-diverges", "announcement-diverges"),
        Status::Revision => ("revision", "revision"),
        Status::Agreement => ("agreement", "agreement"),
        Status::SingleSource => ("single-source", "single-source"),
    };
    Card {
        id: format!("s{}-{}", index + 1, slug(&finding.subject)),
        class,
        verdict,
    }
}

/// The page, in the report's language.
pub fn render(report: &Report, lang: Lang) -> String {
    let words = words::words(lang);
    let findings = memo::in_order(report);
    let cards: Vec<Card> = findings
        .iter()
        .enumerate()
        .map(|(i, f)| card_of(report, i, f))
        .collect();
    let outlets: BTreeSet<&str> = report
        .findings
        .iter()
        .flat_map(|f| f.outlets.iter().map(String::as_str))
        .collect();
    let outlet_ids: BTreeMap<&str, usize> = outlets.iter().enumerate().map(|(i, o)| (*o, i)).collect();
    let mut subjects: Vec<(&str, usize)> = findings
        .iter()
        .enumerate()
        .map(|(i, f)| (f.subject.as_str(), i))
        .collect();
    subjects.sort();
    let documents = Documents::new(report);
    let summary = report.summary();
    let all_outlets: BTreeSet<&str> = report.documents.iter().map(|d| d.source.outlet.as_ref()).collect();

    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src {}; script-src {}; base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n<meta name=\"generator\" content=\"recoupe\">\n\
         <title>{} — {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        lang.code(),
        csp_hash(STYLE),
        csp_hash(SCRIPT),
        escape(words.title),
        escape(&words::count(lang, summary.contradictions, "contradiction", "contradictions")),
    );
    let _ = writeln!(out, "<a class=\"skip\" href=\"#subjects\">{}</a>", escape(words.skip));
    let _ = writeln!(
        out,
        "<header>\n<h1>{}</h1>\n<p class=\"lede\">{}</p>\n</header>\n<main>",
        escape(words.title),
        escape(&words.summary_line(&summary))
    );

    // The summary: counts, new articles, and the contradictions first.
    let _ = writeln!(
        out,
        "<section id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">{}</h2>\n<dl class=\"counts\">",
        escape(words.summary)
    );
    let counts: [(usize, (&str, &str)); 7] = [
        (summary.documents, words.documents),
        (all_outlets.len(), words.outlets),
        (summary.claims, words.claims),
        (summary.contradictions, ("contradiction", "contradictions")),
        (summary.agreements, agreement_words(lang)),
        (summary.single_source, words.single_source_subjects),
        (summary.warnings, words.warning_count),
    ];
    for (n, (one, many)) in counts {
        let shown = words::count(lang, n, one, many);
        let label = shown.split_once(' ').map_or("", |(_, l)| l);
        let _ = writeln!(
            out,
            "<div><dt>{}</dt><dd>{}</dd></div>",
            escape(label),
            escape(&words::number(lang, n as f64))
        );
    }
    out.push_str("</dl>\n");
    if let Some(new) = &report.new_paths {
        let list: Vec<String> = new.iter().map(|p| format!("<code>{}</code>", escape(p))).collect();
        let _ = writeln!(
            out,
            "<p>{}{} {}</p>",
            escape(words.new_articles_checked),
            escape(words.colon()),
            list.join(", ")
        );
    }
    let mut by_status: Vec<(&str, Vec<usize>)> = Vec::new();
    for (i, f) in findings.iter().enumerate() {
        let title = match f.status {
            Status::Contradiction => words.contradictions,
            Status::AnnouncementDiverges | Status::Revision => words.time_section(f.status),
            Status::Agreement => words.agreements,
            Status::SingleSource => words.single_sources,
        };
        match by_status.last_mut() {
            Some((t, list)) if *t == title => list.push(i),
            _ => by_status.push((title, vec![i])),
        }
    }
    if findings.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(words.nothing_found));
    } else if summary.contradictions == 0 {
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<p>{}</p>",
            escape(words.contradictions),
            escape(words.no_contradiction)
        );
    }
    for (title, list) in &by_status {
        let _ = writeln!(out, "<h3>{}</h3>\n<ul class=\"headlines\">", escape(title));
        for &i in list {
            let f = findings[i];
            let groups = memo::groups(report, f, words);
            let says = memo::says(&groups, words, &escape, &|v| escape(v));
            let _ = writeln!(
                out,
                "<li class=\"{}\"><a href=\"#{}\"><span class=\"verdict\">{}</span> — <code>{}</code></a>{} {says}</li>",
                cards[i].class,
                cards[i].id,
                escape(memo::verdict(report, f, words)),
                escape(&f.subject),
                escape(words.colon()),
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");

    // The matrix.
    if outlets.len() > 1 {
        matrix(&mut out, report, &findings, &cards, &outlets, words);
    }

    // The cards, with the filters.
    let _ = writeln!(
        out,
        "<section id=\"subjects\" aria-labelledby=\"subjects-h\">\n<h2 id=\"subjects-h\">{}</h2>",
        escape(&capitalise(words.subjects.1))
    );
    if !findings.is_empty() {
        let _ = writeln!(
            out,
            "<form id=\"filters\" class=\"filters\" hidden aria-label=\"{}\">",
            escape(words.filters)
        );
        let _ = write!(out, "<fieldset><legend>{}</legend>", escape(&capitalise(words.status)));
        let mut verdicts = vec![("contradiction", words.contradiction)];
        // Only when the run has them, so that other pages read as before.
        for (status, value) in [
            (Status::AnnouncementDiverges, "announcement-diverges"),
            (Status::Revision, "revision"),
        ] {
            if findings.iter().any(|f| f.status == status) {
                verdicts.push((value, words.verdict(status, false)));
            }
        }
        verdicts.extend([("agreement", words.agreement), ("single-source", words.single_source)]);
        for (value, label) in verdicts {
            let _ = write!(
                out,
                "<label><input type=\"checkbox\" name=\"verdict\" value=\"{value}\" id=\"f-{value}\" checked> {}</label>",
                escape(label)
            );
        }
        out.push_str("</fieldset>\n");
        let _ = write!(
            out,
            "<div class=\"pick\"><label for=\"f-subject\">{}</label><select id=\"f-subject\" name=\"subject\"><option value=\"\">{}</option>",
            escape(&capitalise(words.subject)),
            escape(words.all)
        );
        for (subject, i) in &subjects {
            let _ = write!(out, "<option value=\"s{}\">{}</option>", i + 1, escape(subject));
        }
        out.push_str("</select></div>\n");
        let _ = write!(
            out,
            "<div class=\"pick\"><label for=\"f-outlet\">{}</label><select id=\"f-outlet\" name=\"outlet\"><option value=\"\">{}</option>",
            escape(words.outlet),
            escape(words.all)
        );
        for (outlet, i) in &outlet_ids {
            let _ = write!(out, "<option value=\"o{i}\">{}</option>", escape(outlet));
        }
        out.push_str("</select></div>\n");
        let _ = writeln!(
            out,
            "<output id=\"shown\" aria-live=\"polite\" data-of=\"{}\"></output>\n</form>",
            escape(words.shown_of)
        );
    }
    for (i, finding) in findings.iter().enumerate() {
        card(&mut out, report, finding, &cards[i], i, &outlet_ids, &documents, words);
    }
    out.push_str("</section>\n");

    if !report.warnings.is_empty() {
        let _ = writeln!(
            out,
            "<section id=\"warnings\" aria-labelledby=\"warnings-h\">\n<h2 id=\"warnings-h\">{}</h2>\n<ul class=\"warnings\">",
            escape(words.warnings)
        );
        for w in &report.warnings {
            let line = w.line.map(|l| format!(":{l}")).unwrap_or_default();
            let _ = writeln!(
                out,
                "<li><code>{}{line}</code>{} {}</li>",
                escape(&w.path),
                escape(words.colon()),
                escape(&w.message)
            );
        }
        out.push_str("</ul>\n</section>\n");
    }
    let _ = writeln!(
        out,
        "</main>\n<footer><p>recoupe — {}</p></footer>\n<script>{SCRIPT}</script>\n</body>\n</html>",
        escape(&words.summary_line(&summary))
    );
    out
}

fn agreement_words(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => ("agreement", "agreements"),
        Lang::Fr => ("accord", "accords"),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Per pair of outlets, the subjects (card indices) they agree and disagree on.
#[derive(Default)]
struct Pair {
    agreed: BTreeSet<usize>,
    disagreed: BTreeSet<usize>,
}

/// The outlet × outlet table: a pair disagrees on a subject when the
/// report lists a conflict between their claims, and agrees on it when
/// both give it and no conflict between them is listed.
fn matrix(
    out: &mut String,
    report: &Report,
    findings: &[&Finding],
    cards: &[Card],
    outlets: &BTreeSet<&str>,
    words: &Words,
) {
    let mut pairs: BTreeMap<(&str, &str), Pair> = BTreeMap::new();
    let key = |a: &'_ str, b: &'_ str| -> (String, String) {
        if a <= b {
            (a.to_string(), b.to_string())
        } else {
            (b.to_string(), a.to_string())
        }
    };
    let mut conflicts: BTreeSet<(usize, (String, String))> = BTreeSet::new();
    for (i, f) in findings.iter().enumerate() {
        for &(a, b) in &f.conflicts {
            if let (Some(a), Some(b)) = (report.claim(a), report.claim(b)) {
                if a.outlet() != b.outlet() {
                    conflicts.insert((i, key(a.outlet(), b.outlet())));
                }
            }
        }
    }
    for (i, f) in findings.iter().enumerate() {
        for (x, a) in f.outlets.iter().enumerate() {
            for b in &f.outlets[x + 1..] {
                let (a, b) = if a <= b {
                    (a.as_str(), b.as_str())
                } else {
                    (b.as_str(), a.as_str())
                };
                let pair = pairs.entry((a, b)).or_default();
                if conflicts.contains(&(i, (a.to_string(), b.to_string()))) {
                    pair.disagreed.insert(i);
                } else {
                    pair.agreed.insert(i);
                }
            }
        }
    }
    let _ = writeln!(
        out,
        "<section id=\"matrix\" aria-labelledby=\"matrix-h\">\n<h2 id=\"matrix-h\">{}</h2>\n<div class=\"scroll\">\n<table>\n<caption>{}</caption>",
        escape(words.matrix),
        escape(words.matrix_note)
    );
    let _ = write!(out, "<thead><tr><td></td>");
    for o in outlets {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(o));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for a in outlets {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", escape(a));
        for b in outlets {
            if a == b {
                out.push_str("<td class=\"self\">—</td>");
                continue;
            }
            let k = if a <= b { (*a, *b) } else { (*b, *a) };
            let Some(pair) = pairs
                .get(&k)
                .filter(|p| !p.agreed.is_empty() || !p.disagreed.is_empty())
            else {
                out.push_str("<td></td>");
                continue;
            };
            let label = format!(
                "{} — {}{} {} {}, {} {}",
                a,
                b,
                words.colon(),
                pair.disagreed.len(),
                words.disagreed,
                pair.agreed.len(),
                words.agreed
            );
            let _ = write!(
                out,
                "<td class=\"pair\"><details><summary aria-label=\"{}\"><span class=\"no\">✘&#160;{}</span> <span class=\"yes\">✔&#160;{}</span></summary><ul>",
                escape(&label),
                pair.disagreed.len(),
                pair.agreed.len()
            );
            for (set, class, mark) in [(&pair.disagreed, "no", "✘"), (&pair.agreed, "yes", "✔")] {
                for &i in set {
                    let _ = write!(
                        out,
                        "<li class=\"{class}\"><a href=\"#{}\"><span aria-hidden=\"true\">{mark}</span> {}</a></li>",
                        cards[i].id,
                        escape(&findings[i].subject)
                    );
                }
            }
            out.push_str("</ul></details></td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n</section>\n");
}

#[allow(clippy::too_many_arguments)]
fn card(
    out: &mut String,
    report: &Report,
    finding: &Finding,
    card: &Card,
    index: usize,
    outlet_ids: &BTreeMap<&str, usize>,
    documents: &Documents,
    words: &Words,
) {
    let groups = memo::groups(report, finding, words);
    let ids: Vec<String> = finding
        .outlets
        .iter()
        .filter_map(|o| outlet_ids.get(o.as_str()))
        .map(|i| format!("o{i}"))
        .collect();
    let _ = writeln!(
        out,
        "<article class=\"card {}\" id=\"{}\" data-verdict=\"{}\" data-subject=\"s{}\" data-outlets=\"{}\" aria-labelledby=\"{}-h\">",
        card.class,
        card.id,
        card.verdict,
        index + 1,
        ids.join(" "),
        card.id
    );
    let known = if finding.status == Status::Contradiction && report.is_known(finding) {
        format!(" <span class=\"by\">({})</span>", escape(words.baseline_note))
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "<h3 id=\"{}-h\"><span class=\"verdict\">{}</span> — <code>{}</code>{known}</h3>",
        card.id,
        escape(memo::verdict(report, finding, words)),
        escape(&finding.subject)
    );
    let _ = writeln!(
        out,
        "<p class=\"headline\">{}</p>",
        memo::says(&groups, words, &escape, &|v| escape(v))
    );
    if let Some(d) = report.describe(finding) {
        let _ = writeln!(out, "<p class=\"description\">{}</p>", escape(&first_sentence(d)));
    }
    let notes = memo::notes(report, finding, words, &escape, &|v| {
        format!("<strong>{}</strong>", escape(v))
    });
    if !notes.is_empty() {
        out.push_str("<ul class=\"notes\">\n");
        for note in &notes {
            let _ = writeln!(out, "<li>{note}</li>");
        }
        out.push_str("</ul>\n");
    }
    for group in &groups {
        value_group(out, report, group, documents, words);
    }
    timeline(out, &groups, documents, words);
    out.push_str("</article>\n");
}

fn value_group(out: &mut String, report: &Report, group: &Group, documents: &Documents, words: &Words) {
    let named: Vec<String> = group
        .outlets
        .iter()
        .map(|o| {
            if group.new_outlets.contains(o) {
                format!("{} ({})", escape(o), escape(words.new_article))
            } else {
                escape(o)
            }
        })
        .collect();
    let _ = writeln!(
        out,
        "<section class=\"value\">\n<h4>{} <span class=\"by\">— {}</span></h4>\n<ul class=\"quotes\">",
        escape(&group.value),
        named.join(", ")
    );
    for &(i, claim) in &group.claims {
        let (before, value, after) = memo::quote_parts(claim);
        let lang = lang_attribute(claim.lang())
            .map(|l| format!(" lang=\"{l}\""))
            .unwrap_or_default();
        out.push_str("<li>");
        let _ = write!(out, "<blockquote{lang}><p>");
        let sentence = report.sentence(i);
        let spaced = |s: &str| if s.is_empty() { "" } else { " " };
        if let Some(s) = sentence.filter(|s| !s.before.trim().is_empty()) {
            let gap = spaced(&s.before[s.before.trim_end().len()..]);
            let _ = write!(out, "{}{gap}", escape(&s.before));
        }
        let _ = write!(
            out,
            "<mark>{}<strong>{}</strong>{}</mark>",
            memo::keep_edges(&before, &escape),
            memo::keep_edges(&value, &escape),
            memo::keep_edges(&after, &escape)
        );
        if let Some(s) = sentence.filter(|s| !s.after.trim().is_empty()) {
            let gap = spaced(&s.after[..s.after.len() - s.after.trim_start().len()]);
            let _ = write!(out, "{gap}{}", escape(&s.after));
        }
        out.push_str("</p></blockquote>\n");
        let (url, _) = documents.of(claim);
        let mut cite = vec![format!(
            "{} ({}{})",
            escape(claim.outlet()),
            escape(claim.lang()),
            if memo::is_marked_new(report, claim) {
                format!(", {}", escape(words.new_article))
            } else {
                String::new()
            }
        )];
        cite.push(escape(&words.published_on(claim.published())));
        if let Some(url) = url.and_then(safe_url) {
            let text = claim
                .source
                .title()
                .filter(|t| !t.trim().is_empty())
                .unwrap_or(words.link);
            cite.push(format!(
                "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                escape(url),
                escape(text)
            ));
        } else if let Some(title) = claim.source.title().filter(|t| !t.trim().is_empty()) {
            cite.push(format!("<cite>{}</cite>", escape(title)));
        }
        cite.push(format!("<span class=\"place\">{}</span>", memo::place(claim, &escape)));
        if let Some(reading) = memo::reading(claim, words) {
            cite.push(escape(&reading));
        }
        let _ = writeln!(out, "<p class=\"cite\">{}</p></li>", cite.join(" · "));
    }
    out.push_str("</ul>\n</section>\n");
}

/// The values of a subject by publication date (and time, when the front
/// matter gives one), when two claims or more are dated.
fn timeline(out: &mut String, groups: &[Group], documents: &Documents, words: &Words) {
    // (date, time) → value → outlets.
    let mut points: BTreeMap<(String, String), BTreeMap<usize, BTreeSet<&str>>> = BTreeMap::new();
    let mut dated = 0;
    for (g, group) in groups.iter().enumerate() {
        for (_, claim) in &group.claims {
            let Some(date) = claim.published() else { continue };
            dated += 1;
            let (_, at) = documents.of(claim);
            let time = at
                .and_then(|t| t.split_once('T'))
                .map(|(_, t)| t.to_string())
                .unwrap_or_default();
            points
                .entry((date.to_string(), time))
                .or_default()
                .entry(g)
                .or_default()
                .insert(claim.outlet());
        }
    }
    if dated < 2 {
        return;
    }
    let _ = writeln!(
        out,
        "<section class=\"timeline\">\n<h4>{}</h4>\n<ol>",
        escape(words.timeline)
    );
    for ((date, time), values) in &points {
        let shown = match words.lang {
            Lang::En => date.clone(),
            Lang::Fr => crate::corpus::parse_iso_date(date).map_or(date.clone(), words::french_date),
        };
        let datetime = if time.is_empty() {
            date.clone()
        } else {
            format!("{date}T{time}")
        };
        let time_shown = if time.is_empty() {
            String::new()
        } else {
            format!(" {}", escape(time))
        };
        let said: Vec<String> = values
            .iter()
            .map(|(g, outlets)| {
                let outlets: Vec<String> = outlets.iter().map(|o| escape(o)).collect();
                format!("{} — {}", escape(&groups[*g].value), outlets.join(", "))
            })
            .collect();
        let _ = writeln!(
            out,
            "<li><time datetime=\"{}\">{}{time_shown}</time>{} {}</li>",
            escape(&datetime),
            escape(&shown),
            escape(words.colon()),
            said.join("; ")
        );
    }
    out.push_str("</ol>\n</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_text_is_escaped_and_urls_are_web_only() {
        assert_eq!(
            escape("\"><img src=x onerror=alert(1)> </td><script>"),
            "&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &lt;/td&gt;&lt;script&gt;"
        );
        assert_eq!(escape("a\u{202e}b\nc"), "a\\u{202e}b c");
        assert_eq!(safe_url("https://example.org/a?b=1"), Some("https://example.org/a?b=1"));
        assert_eq!(safe_url("HTTP://example.org"), Some("HTTP://example.org"));
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url("data:text/html,x"), None);
        assert_eq!(safe_url("https://a b"), None);
        assert_eq!(lang_attribute("en-GB"), Some("en-GB"));
        assert_eq!(lang_attribute("fr\" onclick=\"x"), None);
    }

    #[test]
    fn hashes_are_base64_as_csp_wants_them() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        // echo -n 'x' | openssl dgst -sha256 -binary | base64
        assert_eq!(csp_hash("x"), "'sha256-LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE='");
        assert_eq!(slug("istanbul-round-3-date"), "istanbul-round-3-date");
        assert_eq!(slug("<b>É x</b>"), "b---x--b");
    }
}
