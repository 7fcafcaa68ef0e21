//! The HTML page's outlet × outlet matrix: per pair, the subjects they
//! agree and disagree on, each linking to its card.

use super::cards::Card;
use super::escape;
use crate::compare::Finding;
use crate::report::words::Words;
use crate::report::Report;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// Per pair of outlets, the subjects (card indices) they agree and disagree on.
#[derive(Default)]
struct Pair {
    agreed: BTreeSet<usize>,
    disagreed: BTreeSet<usize>,
}

/// The outlet × outlet table: a pair disagrees on a subject when the
/// report lists a conflict between their claims, and agrees on it when
/// both give it and no conflict between them is listed.
pub(super) fn matrix(
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
