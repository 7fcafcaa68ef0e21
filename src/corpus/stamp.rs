//! The publication day a web page prints in its body: the line a clipping
//! or a search excerpt keeps when its front matter has no `published`
//! (« Publié le 21/07/2025 à 08h10 · Mis à jour à 17h25 », "Published July
//! 22, 2025 7:12 AM EDT", "First published on 22 July 2025", a newsletter's
//! "THE MORNING BRIEF | Tuesday, July 22, 2025").
//!
//! It is metadata, read with the front matter: relative days ("mercredi",
//! "yesterday") are then read against the day the page says it was
//! published, and a sentence that names no day is dated by it, as if the
//! front matter had said it. A date further in the text may be a recalled
//! one, so only a line that labels its date as the page's, or a first line
//! that is the edition's date, counts.

use jiff::civil::Date;
use regex::Regex;
use std::sync::LazyLock;

/// Only the first lines of a page (its head: title, byline, stamp) or its
/// last ones ("First published on …" under the text) hold its stamp.
const HEAD_LINES: usize = 12;
const TAIL_LINES: usize = 4;

/// The longest line a stamp stands in: a byline and two stamps.
const STAMP_BYTES: usize = 200;

/// A stamp's label, then its date, at the start of a line or after a
/// separator (`·`, `|`, `•`): the label says which day it is.
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[·|•—–-])\s*(?:(?P<first>first|originally)\s+)?(?P<label>published|posted|publie|publiee|mis en ligne|mise en ligne|date de publication|updated|last updated|mis a jour|mise a jour|actualise|actualisee|modifie|modifiee)(?:\s+(?:le|on|at))?\s*:?\s*{}{}",
        *super::metadata::WRITTEN_DATE_LEAD,
        *super::metadata::WRITTEN_DATE
    ))
    .expect("static regex")
});

/// A line that is an edition's date and at most a few words more
/// (`Tuesday, July 22, 2025`, « Samedi 26 juillet 2025 · Revue de la
/// semaine », `THE MORNING BRIEF | Tuesday, July 22, 2025`): each piece
/// between separators is tried.
static EDITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*{}{}\s*$",
        *super::metadata::WRITTEN_DATE_LEAD,
        *super::metadata::WRITTEN_DATE
    ))
    .expect("static regex")
});

/// What a page's stamp says its day is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StampKind {
    /// "Published", « Publié le », "Posted", « Mis en ligne le ».
    Published,
    /// "Updated", « Mis à jour le »: the day of a later version.
    Updated,
    /// An edition's date on the first line.
    Edition,
}

/// The day a page's stamp gives (see the module's doc), and what kind of
/// stamp gave it: among the page's first lines, a publication label's day
/// before an update's; else, under the text, a "First published" line or
/// a line that is only a publication stamp (not an item of a list of
/// related links, each with its own day); else the edition date its first
/// line gives.
pub fn stamped_day(body: &str) -> Option<(Date, StampKind)> {
    // Most bodies hold no year of this century at all: no line is read.
    // A body that opens with `---` is a front matter left unclosed, read
    // as the article with no date (docs/robustness.md): its `published:`
    // line is no page's stamp.
    if !body.contains("20") || body.trim_start().starts_with("---") {
        return None;
    }
    let lines: Vec<&str> = body.lines().filter(|l| !l.trim().is_empty()).collect();
    let head = HEAD_LINES.min(lines.len());
    let tail = lines.len().saturating_sub(TAIL_LINES).max(head);
    let folded = |line: &str| crate::french::fold(line.trim_matches(|c: char| "*_#> ".contains(c))).to_lowercase();
    // An item of a list (related links, each with its own day) is no
    // stamp of the page; a line in bold (`**Mis en ligne le …**`) may be.
    let listed = |line: &str| {
        ["* ", "- ", "• ", "– ", "— "]
            .iter()
            .any(|m| line.trim_start().starts_with(m))
    };
    let mut updated = None;
    for line in lines[..head].iter().filter(|l| l.len() <= STAMP_BYTES && !listed(l)) {
        for (day, changed, _) in stamps(&folded(line)) {
            match changed {
                false => return Some((day, StampKind::Published)),
                true => {
                    updated.get_or_insert(day);
                }
            }
        }
    }
    if let Some(day) = updated {
        return Some((day, StampKind::Updated));
    }
    for line in lines[tail..].iter().filter(|l| l.len() <= STAMP_BYTES && !listed(l)) {
        let words = folded(line);
        for (day, changed, whole) in stamps(&words) {
            if !changed && (whole || words.starts_with("first published") || words.starts_with("originally published"))
            {
                return Some((day, StampKind::Published));
            }
        }
    }
    // An edition's date on the first line.
    let first = folded(lines.first()?);
    (first.len() <= STAMP_BYTES)
        .then(|| {
            first.split(['·', '|', '•']).find_map(|piece| {
                EDITION
                    .captures(piece)
                    .and_then(|c| super::metadata::written_date(&c, false))
            })
        })
        .flatten()
        .map(|day| (day, StampKind::Edition))
}

/// The labelled stamps of a folded line: each one's day, whether its label
/// says an update, and whether the stamp is the whole line (its time
/// aside).
fn stamps(line: &str) -> Vec<(Date, bool, bool)> {
    LABELLED
        .captures_iter(line)
        .filter_map(|c| {
            let label = c.name("label").map_or("", |m| m.as_str());
            let english = matches!(label, "published" | "posted" | "updated" | "last updated");
            let day = super::metadata::written_date(&c, english)?;
            let changed = label.contains("updated")
                || label.contains("jour")
                || label.starts_with("actualise")
                || label.starts_with("modifie");
            let whole = c.get(0).is_some_and(|m| {
                line[..m.start()].trim().is_empty()
                    && line[m.end()..]
                        .chars()
                        .all(|ch| ch.is_ascii_digit() || " :.,apmhedtsbgcu".contains(ch))
            });
            Some((day, changed, whole))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Option<Date> {
        Some(s.parse().unwrap())
    }

    fn stamp_day(body: &str) -> Option<Date> {
        stamped_day(body).map(|(day, _)| day)
    }

    #[test]
    fn a_page_stamp_gives_the_day_it_was_published() {
        let body = "Publié le 21/07/2025 à 08h10 · Mis à jour le 22/07/2025 à 17h25\n\nPar Jeanne Roux\n\nLe bilan s'est alourdi.";
        assert_eq!(stamp_day(body), day("2025-07-21"));
        assert_eq!(
            stamp_day("By Ann Lee and Reuters\nPublished July 22, 2025 7:12 AM EDT\n\nKyiv counted its dead."),
            day("2025-07-22")
        );
        assert_eq!(
            stamp_day("**Mis en ligne le lundi 21 juillet 2025**\n\nTexte."),
            day("2025-07-21")
        );
        // Under the text.
        let body = "Kyiv counted its dead.\n\nThe talks resume on Wednesday.\n\nFirst published on 22 July 2025";
        assert_eq!(stamp_day(body), day("2025-07-22"));
        // An update alone still dates the page.
        assert_eq!(
            stamp_day("Updated: 23 July 2025\n\nThe talks ended."),
            day("2025-07-23")
        );
        // An edition's date on the first line.
        assert_eq!(
            stamp_day("THE MORNING BRIEF | Tuesday, July 22, 2025\n\nGood morning."),
            day("2025-07-22")
        );
        assert_eq!(
            stamp_day("Samedi 26 juillet 2025 · Revue de la semaine\n\nLa semaine commence."),
            day("2025-07-26")
        );
    }

    #[test]
    fn an_american_page_writes_the_month_first() {
        assert_eq!(
            stamp_day("Published 07/22/2025 3:15 PM EDT\n\nText."),
            day("2025-07-22")
        );
        assert_eq!(stamp_day("Publié le 22/07/2025\n\nTexte."), day("2025-07-22"));
        // Both numbers could be a month: no day is read.
        assert_eq!(stamp_day("Published 7/8/2025 3:15 PM EDT\n\nText."), None);
    }

    #[test]
    fn a_date_the_text_tells_is_no_stamp() {
        // A sentence, not a label: the day a report was published.
        assert_eq!(
            stamp_day("The report published on July 21, 2025 said two people died."),
            None
        );
        assert_eq!(
            stamp_day("Le 14 juillet 2025, Donald Trump a donné cinquante jours à la Russie."),
            None
        );
        // A date deep in the text, with a label, is no page stamp.
        let mut body = String::new();
        for i in 0..20 {
            body.push_str(&format!("Paragraph {i}.\n\n"));
        }
        body.push_str("Published 21 July 2025 in the print edition.\n\n");
        for i in 0..6 {
            body.push_str(&format!("More {i}.\n\n"));
        }
        assert_eq!(stamp_day(&body), None);
        assert_eq!(stamp_day("Publié le 31/02/2025"), None);
        // Related links under the text, each with its own day.
        let body = "Kyiv counted its dead.\n\nThe talks resume.\n\nRead more\n* Russia fires a record 728 drones — Published July 9, 2025";
        assert_eq!(stamp_day(body), None);
        // A stamp at the head wins over one under the text.
        let mut body = String::from("Mis à jour le 23/07/2025\n\nTexte.\n\n");
        for i in 0..14 {
            body.push_str(&format!("Paragraphe {i}.\n\n"));
        }
        body.push_str("Publié le 09/07/2025");
        let body = body.as_str();
        assert_eq!(
            stamped_day(body),
            Some((day("2025-07-23").unwrap(), StampKind::Updated))
        );
        // An unclosed front matter's key.
        assert_eq!(stamp_day("---\noutlet: X\npublished: 2025-07-22\nTexte."), None);
    }
}
