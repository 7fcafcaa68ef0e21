//! Numbers: digits with French grouping, number words, scales, fractions,
//! percentages, vague quantities, ranges and hedges.
//!
//! Everything here reads *folded* text (see [`crate::french::fold`]), with
//! the grammar's own pieces (`french::grammar`) folded: the words a number
//! may be written with are said there once, for the finder and for this
//! reader.

use super::hedge;
use crate::french::grammar as g;
use crate::french::vocab::{
    APPROX_MULTIPLIERS, APPROX_NOUNS, FRACTIONS, ORDINAL_STEMS, PLUSIEURS_LO, QUELQUES, SCALES,
    VAGUE_PLURAL_DETERMINERS,
};
use crate::surface::folded;
use crate::value::Range;
use regex::Regex;
use std::sync::LazyLock;

/// A quantity read from words: its interval and whether it was a percentage.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quantity {
    pub range: Range,
    pub percent: bool,
}

/// Options for reading a quantity.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// A sign (`-5`, `moins 5`) is allowed.
    pub signed: bool,
    /// The original text ended in an upper-case `M` glued to digits (`3M`):
    /// millions. A lower-case `m` is left alone (metres).
    pub upper_m: bool,
    /// A count of things (prisoners, drones): a whole number, so that a
    /// comma before exactly three digits groups thousands (`1,000 pour
    /// 1,000` in a text translated from English), where a figure of any
    /// kind (`2,125 milliards`) reads it as a decimal comma.
    pub whole: bool,
}

fn re(pattern: String) -> Regex {
    Regex::new(&pattern).expect("static regex")
}

// Each expression reads words with the grammar's pieces
// (`french::grammar`), folded: the words the finder matched.
static PERCENT: LazyLock<Regex> = LazyLock::new(|| re(format!(r"^(?P<n>.*?)(?:{})$", folded(g::PERCENT))));
static DIGITS: LazyLock<Regex> = LazyLock::new(|| re(format!("^{}$", folded(g::DIGITS))));
static DIGITS_SCALE: LazyLock<Regex> =
    LazyLock::new(|| re(format!("^{}{}$", folded(g::DIGITS), folded(&g::scale_words()))));
static RANGE_ENTRE: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        "^{}(?P<a>.+?){}(?P<b>.+)$",
        folded(g::RANGE_BETWEEN),
        folded(g::AND)
    ))
});
static RANGE_A: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        "^{}?(?P<a>.+?){}(?P<b>.+)$",
        folded(g::RANGE_FROM),
        folded(g::RANGE_TO)
    ))
});
static RANGE_DASH: LazyLock<Regex> = LazyLock::new(|| re(format!("^{}$", folded(g::RANGE_DASH))));
static APPROX: LazyLock<Regex> = LazyLock::new(|| re(format!("^{}$", folded(&g::approx()))));
static MULTIPLE: LazyLock<Regex> = LazyLock::new(|| re(format!("^(?P<n>.+){}$", folded(g::MULTIPLES))));
static FRACTION: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^(?:(?P<whole>.+){})?(?P<num>{}|\d+|.+) {}$",
        folded(g::AND),
        folded(g::NUMERATOR),
        folded(&g::fractions())
    ))
});
static DEMI: LazyLock<Regex> = LazyLock::new(|| re(format!("^{}$", folded(g::HALF))));
static ET_DEMI: LazyLock<Regex> = LazyLock::new(|| re(format!("^(?P<head>.+){}$", folded(g::AND_HALF))));
static WORDS_SCALE: LazyLock<Regex> =
    LazyLock::new(|| re(format!("^(?P<head>.+) (?P<scale>{})$", folded(&g::large_scale_word()))));
static VIRGULE: LazyLock<Regex> = LazyLock::new(|| re(format!("^(?P<int>.+){}(?P<dec>.+)$", folded(g::VIRGULE))));
static ORDINAL_DIGITS: LazyLock<Regex> = LazyLock::new(|| re(format!("^{}$", folded(g::ORDINAL_DIGITS))));

/// Reads a quantity: hedge, vague word, range or plain number, `%`.
pub fn quantity(folded: &str, opts: Options) -> Option<Quantity> {
    let text = folded.trim();
    if let Some((h, rest)) = hedge::split_prefix(text) {
        let q = quantity_unhedged(rest, opts)?;
        return Some(Quantity {
            range: hedge::apply(h, q.range),
            ..q
        });
    }
    if let Some((h, rest)) = hedge::split_suffix(text) {
        let q = quantity_unhedged(rest, opts)?;
        return Some(Quantity {
            range: hedge::apply(h, q.range),
            ..q
        });
    }
    quantity_unhedged(text, opts)
}

fn quantity_unhedged(text: &str, opts: Options) -> Option<Quantity> {
    let (text, percent) = match PERCENT.captures(text) {
        Some(c) => (c.name("n").map_or("", |m| m.as_str()), true),
        None => (text, false),
    };
    let range = body(text, opts)?;
    Some(Quantity { range, percent })
}

/// A vague quantity, a range or a plain number (no hedge, no `%`).
pub fn body(text: &str, opts: Options) -> Option<Range> {
    if let Some(r) = approx(text) {
        return Some(r);
    }
    if let Some(r) = range(text, opts) {
        return Some(r);
    }
    plain_signed(text, opts).map(Range::exact)
}

fn plain_signed(text: &str, opts: Options) -> Option<f64> {
    if opts.signed {
        if let Some(rest) = text.strip_prefix('-').or_else(|| text.strip_prefix("moins ")) {
            return plain(rest.trim_start(), opts).map(|p| -p.value);
        }
    }
    plain(text, opts).map(|p| p.value)
}

/// `une trentaine`, `des dizaines de milliers`, `quelques`, `plusieurs`.
fn approx(text: &str) -> Option<Range> {
    match text {
        "quelques" => return Some(Range::closed(QUELQUES.0, QUELQUES.1)),
        "plusieurs" => return Some(Range::at_least(PLUSIEURS_LO)),
        _ => {}
    }
    let c = APPROX.captures(text)?;
    let det = c.name("det1").or_else(|| c.name("det2"))?.as_str();
    let noun = c.name("noun1").or_else(|| c.name("noun2"))?.as_str();
    let (_, base, lo, hi) = APPROX_NOUNS.iter().find(|(n, ..)| *n == noun)?;
    let mult = match c.name("mult") {
        Some(m) => APPROX_MULTIPLIERS.iter().find(|(w, _)| *w == m.as_str())?.1,
        None => 1.0,
    };
    let (lo, hi) = if VAGUE_PLURAL_DETERMINERS.contains(&det) {
        (2.0 * base, 10.0 * base)
    } else if base >= &1e6 {
        // `un million` is not vague; `plain` reads it.
        return None;
    } else {
        (*lo, *hi)
    };
    Some(Range::closed(lo * mult, hi * mult))
}

/// `entre 10 et 12`, `de 10 à 12`, `10-12`, `deux ou trois`.
fn range(text: &str, opts: Options) -> Option<Range> {
    let (a, b) = [
        (&*RANGE_ENTRE, "a", "b"),
        (&*RANGE_DASH, "lo", "hi"),
        (&*RANGE_A, "a", "b"),
    ]
    .iter()
    .find_map(|(re, a, b)| {
        let c = re.captures(text)?;
        Some((c.name(a)?.as_str(), c.name(b)?.as_str()))
    })?;
    let hi = plain(strip_pct(b), opts)?;
    let lo = plain(strip_pct(a), opts)?;
    // `entre 1 et 1,5 million`: the scale of the upper end carries over.
    let lo_value = match (lo.scale, hi.scale) {
        (None, Some(s)) if lo.value <= hi.value / s => lo.value * s,
        _ => lo.value,
    };
    Some(Range::closed(lo_value.min(hi.value), lo_value.max(hi.value)))
}

fn strip_pct(s: &str) -> &str {
    PERCENT
        .captures(s)
        .and_then(|c| c.name("n"))
        .map_or(s, |m| m.as_str())
        .trim()
}

/// A plain number and the scale word it ended with, if any.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plain {
    pub value: f64,
    pub scale: Option<f64>,
}

impl Plain {
    fn of(value: f64) -> Plain {
        Plain { value, scale: None }
    }
}

/// A plain number: `1 000`, `1,5 million`, `vingt et un`, `deux tiers`,
/// `un million et demi`, `3 douzaines`, `deux cent virgule trois`.
pub fn plain(text: &str, opts: Options) -> Option<Plain> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if opts.whole {
        if let Some(v) = comma_thousands(text) {
            return Some(Plain::of(v));
        }
    }
    if let Some(v) = digits(text) {
        return Some(Plain::of(v));
    }
    if let Some(c) = DEMI.captures(text) {
        let scale = match c.name("half_scale") {
            Some(m) => scale_of(m.as_str(), opts)?,
            None => 1.0,
        };
        return Some(Plain {
            value: 0.5 * scale,
            scale: (scale > 1.0).then_some(scale),
        });
    }
    if let Some(c) = ET_DEMI.captures(text) {
        let head = plain(c.name("head")?.as_str(), opts)?;
        let unit = head.scale.unwrap_or(1.0);
        return Some(Plain {
            value: head.value + 0.5 * unit,
            ..head
        });
    }
    if let Some(c) = DIGITS_SCALE.captures(text) {
        let mantissa = digits(c.name("grouped").or_else(|| c.name("decimal"))?.as_str());
        let scale = scale_of(c.name("scale").or_else(|| c.name("scale_abbr"))?.as_str(), opts);
        if let (Some(m), Some(s)) = (mantissa, scale) {
            return Some(Plain {
                value: m * s,
                scale: Some(s),
            });
        }
    }
    if let Some(v) = words(text) {
        let scale = SCALES
            .iter()
            .find(|(w, _)| text.ends_with(w) && w.len() > 3)
            .map(|(_, s)| *s);
        return Some(Plain { value: v, scale });
    }
    if let Some(c) = WORDS_SCALE.captures(text) {
        // `un billion`, `trois milliards` when text2num does not read them.
        let head = plain(c.name("head")?.as_str(), opts);
        let scale = scale_of(c.name("scale")?.as_str(), opts);
        if let (Some(h), Some(s)) = (head, scale) {
            if h.scale.is_none() {
                return Some(Plain {
                    value: h.value * s,
                    scale: Some(s),
                });
            }
        }
    }
    if let Some(c) = FRACTION.captures(text) {
        let whole = match c.name("whole") {
            Some(m) => plain(m.as_str(), opts)?,
            None => Plain::of(0.0),
        };
        let num = plain(c.name("num")?.as_str(), opts)?.value;
        let den = FRACTIONS
            .iter()
            .find(|(w, _)| *w == c.name("fraction").map_or("", |m| m.as_str()))?
            .1;
        // `cinq milliards et trois quarts`: three quarters of a milliard.
        let unit = whole.scale.unwrap_or(1.0);
        return Some(Plain {
            value: whole.value + unit * num / den,
            ..whole
        });
    }
    if let Some(c) = MULTIPLE.captures(text) {
        let n = plain(c.name("n")?.as_str(), opts)?.value;
        let base = match c.name("multiple")?.as_str() {
            "douzaine" | "douzaines" => 12.0,
            "dizaines" => 10.0,
            "centaines" => 100.0,
            _ => 1000.0,
        };
        return Some(Plain::of(n * base));
    }
    if let Some(c) = VIRGULE.captures(text) {
        let int = plain(c.name("int")?.as_str(), opts)?.value;
        let dec = c.name("dec")?.as_str();
        let dec_digits = match digits(dec) {
            Some(_) if dec.bytes().all(|b| b.is_ascii_digit()) => dec.to_string(),
            _ => format!("{}", words(dec)?),
        };
        let v: f64 = format!("{}.{}", int.trunc(), dec_digits).parse().ok()?;
        return Some(Plain::of(v));
    }
    // `un milliard cinq cents millions`, `3 millions 200 000`: not read.
    None
}

fn scale_of(word: &str, opts: Options) -> Option<f64> {
    if word == "m" {
        return opts.upper_m.then_some(1e6);
    }
    SCALES.iter().find(|(w, _)| *w == word).map(|(_, s)| *s)
}

/// Digits: `1 000`, `1.000.000`, `6.700,54`, `1,5`, `6.7`, and Swiss
/// `1'000`.
pub fn digits(text: &str) -> Option<f64> {
    let c = DIGITS.captures(text)?;
    let cleaned = match (c.name("grouped"), c.name("decimal")) {
        (Some(_), _) => text.replace([' ', '.', '\'', '’'], "").replace(',', "."),
        (None, Some(_)) => text.replace(',', "."),
        (None, None) => return None,
    };
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// `1,000`, `12,500`, `1,200,000`: digits grouped by commas in threes, as
/// English writes them (see [`Options::whole`]).
fn comma_thousands(text: &str) -> Option<f64> {
    let (head, groups) = text.split_once(',')?;
    let digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    let grouped = (1..=3).contains(&head.len()) && digits(head) && groups.split(',').all(|g| g.len() == 3 && digits(g));
    grouped.then(|| text.replace(',', "").parse().ok()).flatten()
}

/// Number words through text2num: `quatre-vingt-dix-sept`, `septante`.
pub fn words(text: &str) -> Option<f64> {
    if text == "zero" {
        return Some(0.0);
    }
    if !text.bytes().all(|b| b.is_ascii_lowercase() || b == b' ' || b == b'-') {
        return None;
    }
    let fr = text2num::Language::french();
    let digits = text2num::text2digits(text, &fr).ok()?;
    digits.parse::<f64>().ok()
}

/// An ordinal: `3e`, `1er`, `troisième`, `vingt et unième`, `premier`.
pub fn ordinal(folded: &str) -> Option<f64> {
    let text = folded.trim();
    if let Some(c) = ORDINAL_DIGITS.captures(text) {
        return c.name("n")?.as_str().parse::<f64>().ok();
    }
    match text {
        "premier" | "premiere" | "premiers" | "premieres" => return Some(1.0),
        "second" | "seconde" | "seconds" | "secondes" => return Some(2.0),
        "tierce" => return Some(3.0),
        _ => {}
    }
    // The last word carries the ordinal suffix; the words before are cardinal.
    let split = text.rfind([' ', '-']).map_or(0, |i| i + 1);
    let (head, last) = text.split_at(split);
    let last_cardinal = match last {
        "second" | "seconde" => "deux".to_string(),
        _ => {
            let stem = last.strip_suffix("iemes").or_else(|| last.strip_suffix("ieme"))?;
            ORDINAL_STEMS.iter().find(|(s, _)| *s == stem)?.1.to_string()
        }
    };
    if let Some(v) = plain(&format!("{head}{last_cardinal}"), Options::default()) {
        return Some(v.value);
    }
    // `quatre-vingt-dix seconde` (9992 read as 9990 + 2): add the last part.
    let head = head.trim_end_matches([' ', '-']);
    let head = head
        .strip_suffix(" et")
        .or_else(|| head.strip_suffix("-et"))
        .unwrap_or(head);
    let last = words(&last_cardinal)?;
    let h = plain(head, Options::default())?.value;
    (last < 10.0 && h % 10.0 == 0.0).then_some(h + last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::french::fold;

    fn q(text: &str) -> Range {
        quantity(
            &fold(text),
            Options {
                signed: true,
                upper_m: text.ends_with('M'),
                whole: false,
            },
        )
        .unwrap_or_else(|| panic!("no quantity in {text:?}"))
        .range
    }

    fn exact(text: &str) -> f64 {
        let r = q(text);
        assert_eq!(r.lo, r.hi, "{text:?} is not exact: {r:?}");
        r.lo
    }

    #[test]
    fn grouping_separators_are_space_nbsp_narrow_nbsp_dot_and_swiss_apostrophe() {
        assert_eq!(exact("1 000"), 1000.0);
        assert_eq!(exact("1'000"), 1000.0);
        assert_eq!(exact("2’000"), 2000.0);
        assert_eq!(exact("1\u{A0}000"), 1000.0);
        assert_eq!(exact("1\u{202F}234\u{202F}567,89"), 1234567.89);
        assert_eq!(exact("3.000.000"), 3_000_000.0);
        assert_eq!(exact("6.700,54"), 6700.54);
        assert_eq!(exact("1000"), 1000.0);
    }

    /// A count is a whole number: a comma before three digits groups its
    /// thousands; another figure keeps its decimal comma.
    #[test]
    fn a_count_reads_a_comma_before_three_digits_as_thousands() {
        let read = |text: &str, whole: bool| {
            let opts = Options {
                signed: false,
                upper_m: false,
                whole,
            };
            quantity(&fold(text), opts).map(|q| q.range.lo)
        };
        assert_eq!(read("1,000", true), Some(1000.0));
        assert_eq!(read("12,500", true), Some(12500.0));
        assert_eq!(read("1,200,000", true), Some(1_200_000.0));
        assert_eq!(read("1,000", false), Some(1.0));
        assert_eq!(read("2,125 milliards", true), Some(2.125e9));
        assert_eq!(read("1,5", true), Some(1.5));
        assert_eq!(read("1,0000", true), Some(1.0));
    }

    #[test]
    fn decimal_comma_and_dot() {
        assert_eq!(exact("6,7"), 6.7);
        assert_eq!(exact("6.7"), 6.7);
        assert_eq!(exact("4,800"), 4.8);
    }

    #[test]
    fn scales_after_digits_and_words() {
        assert_eq!(exact("1,5 million"), 1_500_000.0);
        assert_eq!(exact("2 milliards"), 2e9);
        assert_eq!(exact("3,2 millions"), 3_200_000.0);
        assert_eq!(exact("100k"), 100_000.0);
        assert_eq!(exact("1,2M"), 1_200_000.0);
        assert_eq!(exact("un million cinq cent mille"), 1_500_000.0);
        assert_eq!(exact("un million et demi"), 1_500_000.0);
        assert_eq!(exact("3 millions et demi"), 3_500_000.0);
        assert_eq!(exact("un demi-million"), 500_000.0);
    }

    #[test]
    fn number_words_of_any_size() {
        assert_eq!(exact("neuf"), 9.0);
        assert_eq!(exact("deux"), 2.0);
        assert_eq!(exact("un"), 1.0);
        assert_eq!(exact("une"), 1.0);
        assert_eq!(exact("vingt et un"), 21.0);
        assert_eq!(exact("quatre-vingt-dix"), 90.0);
        assert_eq!(exact("soixante-dix-sept"), 77.0);
        assert_eq!(exact("deux mille"), 2000.0);
        assert_eq!(exact("mille"), 1000.0);
        assert_eq!(exact("septante"), 70.0);
        assert_eq!(exact("nonante"), 90.0);
        assert_eq!(exact("zéro"), 0.0);
    }

    #[test]
    fn fractions_and_multiples() {
        assert!((exact("deux tiers") - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(exact("trois quarts"), 0.75);
        assert_eq!(exact("cent et trois quarts"), 100.75);
        assert_eq!(exact("un demi"), 0.5);
        assert_eq!(exact("3 douzaines"), 36.0);
        assert_eq!(exact("deux cent virgule trois"), 200.3);
    }

    #[test]
    fn percentages_are_flagged() {
        let q1 = quantity(&fold("30 %"), Options::default()).unwrap();
        assert!(q1.percent);
        assert_eq!(q1.range, Range::exact(30.0));
        assert!(quantity(&fold("30 pour cent"), Options::default()).unwrap().percent);
    }

    #[test]
    fn vague_nouns_have_their_table_ranges() {
        assert_eq!(q("une trentaine"), Range::closed(25.0, 35.0));
        assert_eq!(q("une dizaine"), Range::closed(8.0, 13.0));
        assert_eq!(q("une douzaine"), Range::closed(10.0, 14.0));
        assert_eq!(q("une quinzaine"), Range::closed(13.0, 18.0));
        assert_eq!(q("une vingtaine"), Range::closed(17.0, 25.0));
        assert_eq!(q("une quarantaine"), Range::closed(35.0, 45.0));
        assert_eq!(q("une cinquantaine"), Range::closed(45.0, 55.0));
        assert_eq!(q("une centaine"), Range::closed(80.0, 150.0));
        assert_eq!(q("un millier"), Range::closed(800.0, 1500.0));
        assert_eq!(q("une dizaine de milliers"), Range::closed(8000.0, 13000.0));
    }

    #[test]
    fn vague_plurals_span_two_to_ten_times_the_noun() {
        assert_eq!(q("des dizaines"), Range::closed(20.0, 100.0));
        assert_eq!(q("des centaines"), Range::closed(200.0, 1000.0));
        assert_eq!(q("des milliers"), Range::closed(2000.0, 10000.0));
        assert_eq!(q("des dizaines de milliers"), Range::closed(20000.0, 100000.0));
        assert_eq!(q("quelques centaines"), Range::closed(200.0, 1000.0));
        assert_eq!(q("quelques"), Range::closed(2.0, 10.0));
        assert_eq!(q("plusieurs"), Range::at_least(2.0));
    }

    #[test]
    fn ranges_in_every_form() {
        for t in ["de 10 à 12", "10 à 12", "entre 10 et 12", "10-12", "dix ou douze"] {
            assert_eq!(q(t), Range::closed(10.0, 12.0), "{t}");
        }
        assert_eq!(q("entre 1 et 1,5 million"), Range::closed(1e6, 1.5e6));
    }

    #[test]
    fn hedges_apply_to_numbers() {
        assert_eq!(q("au moins 500"), Range::at_least(500.0));
        assert_eq!(q("au moins un"), Range::at_least(1.0));
        assert_eq!(q("au minimum 5"), Range::at_least(5.0));
        assert_eq!(q("pas moins de 5"), Range::at_least(5.0));
        assert_eq!(q("plus de 50"), Range::more_than(50.0));
        assert_eq!(q("plus d'un million"), Range::more_than(1e6));
        assert_eq!(q("pas plus de 5"), Range::closed(0.0, 5.0));
        assert_eq!(q("jusqu'à 5"), Range::closed(0.0, 5.0));
        assert_eq!(q("jusqu’à 5"), Range::closed(0.0, 5.0));
        assert_eq!(q("près de 50"), Range::closed(45.0, 50.0));
        assert_eq!(q("presque 50"), Range::closed(45.0, 50.0));
        assert_eq!(q("500 ou plus"), Range::at_least(500.0));
        let r = q("environ 100");
        assert!((r.lo - 90.0).abs() < 1e-9 && (r.hi - 110.0).abs() < 1e-9);
        let r = q("quelque 100");
        assert!((r.lo - 90.0).abs() < 1e-9 && (r.hi - 110.0).abs() < 1e-9);
        let r = q("autour de 100");
        assert!((r.lo - 90.0).abs() < 1e-9);
        let r = q("moins de 5");
        assert_eq!((r.lo, r.hi, r.hi_open), (0.0, 5.0, true));
        assert_eq!(q("plus d'une centaine"), Range::more_than(80.0));
    }

    #[test]
    fn signs_for_numbers() {
        assert_eq!(exact("-1200000"), -1_200_000.0);
        assert_eq!(exact("moins 5"), -5.0);
    }

    #[test]
    fn ordinals_in_digits_and_words() {
        for (t, v) in [
            ("3e", 3.0),
            ("1er", 1.0),
            ("1ère", 1.0),
            ("11ème", 11.0),
            ("premier", 1.0),
            ("troisième", 3.0),
            ("vingt et unième", 21.0),
            ("cent vingt-cinquième", 125.0),
            ("quatre-vingtième", 80.0),
            ("trois cent vingt seconde", 322.0),
            ("deuxieme", 2.0),
            ("neuvième", 9.0),
        ] {
            assert_eq!(ordinal(&fold(t)), Some(v), "{t}");
        }
    }

    #[test]
    fn garbage_is_no_number() {
        for t in ["", "abc", "deux trois", "1 2 3 4", "ééé", "-", "et", "1,", "très"] {
            assert_eq!(plain(&fold(t), Options::default()), None, "{t}");
        }
    }
}
