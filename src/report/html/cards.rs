//! The HTML page's cards: one per subject, with its verdict, each distinct
//! value and the quotes that give it (each in its sentence, with outlet,
//! language, date, link and place), and a timeline by publication date.

use super::{escape, lang_attribute, safe_url, slug};
use crate::compare::{Finding, Status};
use crate::extract::Claim;
use crate::language::Lang;
use crate::report::memo::{self, Group};
use crate::report::words::{self, Words};
use crate::report::{first_sentence, Report};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write;

/// A document's url and time of publication, as its front matter gives them.
type Links<'a> = (Option<&'a str>, Option<&'a str>);

/// What the page knows of each document a claim may come from.
pub(super) struct Documents<'a> {
    /// (path, record line or none) → (url, published_at).
    by_place: HashMap<(&'a str, Option<u32>), Links<'a>>,
}

impl<'a> Documents<'a> {
    pub(super) fn new(report: &'a Report) -> Documents<'a> {
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
pub(super) struct Card {
    pub(super) id: String,
    pub(super) class: &'static str,
    pub(super) verdict: &'static str,
}

pub(super) fn card_of(report: &Report, index: usize, finding: &Finding) -> Card {
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

#[allow(clippy::too_many_arguments)]
pub(super) fn card(
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
        cite.push(escape(&words.dated(claim)));
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
