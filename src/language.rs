//! The language of an article: which grammar reads its values and which of a
//! rule's words apply to it.
//!
//! The front matter's `lang` is trusted when it names a language (`fr`,
//! `en-GB`, `French`). When it is missing or says nothing a reader can use
//! (`lang: ""`, `lang: xx`), the language is detected from the text with
//! [whatlang](https://crates.io/crates/whatlang), a small trigram classifier
//! with no model files, chosen over lingua because its few hundred KiB of
//! tables load instantly and it is accurate enough on whole articles, which
//! is all this needs. A text too short or too mixed to say is read as French,
//! the corpus's default, and says so (`lang_source: default`).

use serde::Serialize;
use std::fmt;

/// A language whose values recoupe reads (`--lang`, `--report-lang`; each
/// variant's comment is its line in `--help`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French: `1 000`, `1,5`, `au moins`, `mercredi prochain`.
    #[default]
    Fr,
    /// English: `1,000`, `1.5`, `at least`, `next Wednesday`.
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The ISO 639-1 code: `fr`, `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The language a code or a name stands for, when recoupe reads it:
    /// `fr`, `FR`, `fr-CA`, `fr_BE`, `fra`, `french`, `français`; `en`,
    /// `en-US`, `eng`, `english`, `anglais`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match primary_subtag(code).as_str() {
            "fr" | "fra" | "fre" | "french" | "francais" | "français" => Some(Lang::Fr),
            "en" | "eng" | "english" | "anglais" => Some(Lang::En),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// How an article's language was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LangSource {
    /// The front matter (or the JSON Lines record) says it.
    FrontMatter,
    /// Detected from the text: the front matter says nothing usable.
    Detected,
    /// Neither said nor detectable (a text too short or too mixed): French.
    #[default]
    Default,
}

impl LangSource {
    pub fn as_str(self) -> &'static str {
        match self {
            LangSource::FrontMatter => "front_matter",
            LangSource::Detected => "detected",
            LangSource::Default => "default",
        }
    }
}

/// The lower-case primary subtag of a language tag (`en-GB` → `en`), or the
/// whole value folded when it is a name (`Français` → `français`).
fn primary_subtag(code: &str) -> String {
    let code = code.trim().to_lowercase();
    match code.split(['-', '_']).next() {
        Some(first) if !first.is_empty() => first.to_string(),
        _ => code,
    }
}

/// Whether a front matter's `lang` names a language at all (a two- or
/// three-letter code with an optional region, or a language recoupe reads
/// by name). A German article says `de`: it is German, not undetected.
pub fn names_a_language(code: &str) -> bool {
    if Lang::from_code(code).is_some() {
        return true;
    }
    let primary = primary_subtag(code);
    (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_lowercase())
}

/// The fewest letters of text worth detecting a language from: below that,
/// a headline's few words can pass for several languages.
const MIN_LETTERS: usize = 40;

/// The language of `text` as an ISO 639-1 code, when the text says it
/// clearly. Only a prefix of a long text is read: a language shows in its
/// first few thousand letters, and detection then costs the same for every
/// article.
pub fn detect(text: &str) -> Option<String> {
    let sample = prefix(text, 4096);
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    Some(iso_639_1(info.lang()).to_string())
}

/// French or English, whichever `text` reads as: for a rule example, a
/// sentence or two that names no language. Short texts are decided too (the
/// choice is between two languages only); a tie is French.
pub fn french_or_english(text: &str) -> Lang {
    let detector = whatlang::Detector::with_allowlist(vec![whatlang::Lang::Fra, whatlang::Lang::Eng]);
    match detector.detect_lang(text) {
        Some(whatlang::Lang::Eng) => Lang::En,
        _ => Lang::Fr,
    }
}

/// The front matter's language if it names one, else the detected one, else
/// French; with how it was chosen.
pub fn choose(front_matter: Option<&str>, body: &str) -> (String, LangSource) {
    if let Some(code) = front_matter.filter(|c| names_a_language(c)) {
        let code = code.trim();
        // A name (`French`) becomes its code; a code stays as written.
        let shown = match Lang::from_code(code) {
            Some(lang) if primary_subtag(code).len() > 3 => lang.code().to_string(),
            _ => code.to_string(),
        };
        return (shown, LangSource::FrontMatter);
    }
    match detect(body) {
        Some(code) => (code, LangSource::Detected),
        None => (Lang::Fr.code().to_string(), LangSource::Default),
    }
}

/// At most `max` bytes of `text`, cut at a character boundary.
fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// whatlang names languages by ISO 639-3 codes; front matters use 639-1.
fn iso_639_1(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang as W;
    match lang {
        W::Fra => "fr",
        W::Eng => "en",
        W::Deu => "de",
        W::Spa => "es",
        W::Ita => "it",
        W::Por => "pt",
        W::Nld => "nl",
        W::Rus => "ru",
        W::Ukr => "uk",
        W::Pol => "pl",
        W::Tur => "tr",
        W::Ara => "ar",
        W::Cmn => "zh",
        W::Jpn => "ja",
        W::Kor => "ko",
        W::Swe => "sv",
        W::Dan => "da",
        W::Nob => "no",
        W::Fin => "fi",
        W::Ces => "cs",
        W::Ron => "ro",
        W::Hun => "hu",
        W::Ell => "el",
        W::Heb => "he",
        W::Pes => "fa",
        W::Hin => "hi",
        other => other.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotation_marks_are_blanked_and_apostrophes_in_words_kept() {
        let same = |text: &str, want: &str| {
            let got = without_quotes(text);
            assert_eq!(got, want, "{text}");
            assert_eq!(got.len(), text.len(), "offsets kept: {text}");
        };
        same("cut to 'about 10 or 12' days", "cut to  about 10 or 12  days");
        same("« dix ou douze » jours", "   dix ou douze    jours");
        same("to “10 or 12” days", "to    10 or 12    days");
        same("d'ici 50 jours, Russia's 1'000", "d'ici 50 jours, Russia's 1'000");
        // A no-break space shares its lead byte with « and »; it stays.
        same("1\u{a0}000 «\u{a0}jours\u{a0}»", "1\u{a0}000   \u{a0}jours\u{a0}  ");
        same("'50' days, l'ultimatum", " 50  days, l'ultimatum");
        assert!(matches!(without_quotes("no marks"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn codes_and_names_are_read() {
        for (code, lang) in [
            ("fr", Lang::Fr),
            ("FR", Lang::Fr),
            ("fr-CA", Lang::Fr),
            ("fr_BE", Lang::Fr),
            ("français", Lang::Fr),
            ("en", Lang::En),
            ("en-GB", Lang::En),
            ("English", Lang::En),
        ] {
            assert_eq!(Lang::from_code(code), Some(lang), "{code}");
        }
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::from_code(""), None);
    }

    #[test]
    fn short_examples_are_told_apart() {
        assert_eq!(french_or_english("Kyiv turned down the 30-hour truce"), Lang::En);
        assert_eq!(french_or_english("Kiev a rejeté la trêve de 30 heures"), Lang::Fr);
        assert_eq!(french_or_english("two people were killed overnight"), Lang::En);
        assert_eq!(french_or_english("deux personnes ont été tuées"), Lang::Fr);
    }

    #[test]
    fn a_named_language_is_kept_and_a_missing_one_detected() {
        let english = "The delegations met again on Wednesday evening in the old palace, and the talks lasted less than an hour before both sides left.";
        let french = "Les délégations se sont retrouvées mercredi soir dans l'ancien palais, et les discussions ont duré moins d'une heure avant le départ des deux camps.";
        assert_eq!(choose(Some("de"), english), ("de".to_string(), LangSource::FrontMatter));
        assert_eq!(
            choose(Some("English"), french),
            ("en".to_string(), LangSource::FrontMatter)
        );
        assert_eq!(choose(None, english), ("en".to_string(), LangSource::Detected));
        assert_eq!(choose(Some("??"), french), ("fr".to_string(), LangSource::Detected));
        assert_eq!(choose(None, "Kyiv, 21 July."), ("fr".to_string(), LangSource::Default));
    }
}

/// The words around a claim that say more than its value, for one language:
/// see `search::context`. Each table is written folded (lower case, no
/// accents, `'` for every apostrophe); a phrase matches whole words.
#[derive(Debug)]
pub struct ClaimMarkers {
    /// The figure may still change: "bilan provisoire", "so far".
    pub provisional: &'static [&'static str],
    /// The event is announced, not yet held: "doit se tenir", "scheduled".
    pub planned: &'static [&'static str],
    /// The event took place: "s'est tenue", "took place".
    pub held: &'static [&'static str],
    /// A count given for each side: "de chaque cote", "each".
    pub per_side: &'static [&'static str],
    /// A count for both sides together: "au total", "in total".
    pub total: &'static [&'static str],
    /// Words before a named source: "selon", "according to".
    pub attribution_before: &'static [&'static str],
    /// Verbs of saying, with the source on either side: "a declare", "said".
    pub attribution_verbs: &'static [&'static str],
    /// Words that recall an earlier state rather than state the current one:
    /// "initialement", "originally".
    pub recall: &'static [&'static str],
    /// Parts of the day, with the hour (local) they stand for.
    pub day_parts: &'static [(&'static str, u16)],
}

impl Lang {
    /// The language's [`ClaimMarkers`].
    pub fn markers(self) -> &'static ClaimMarkers {
        match self {
            Lang::Fr => &crate::french::markers::CLAIM_MARKERS,
            Lang::En => &crate::english::markers::CLAIM_MARKERS,
        }
    }
}

/// A quotation closed between a count and its unit, in the value grammars
/// of both languages (`a "10 or 12" day window`, « 10 ou 12 » jours): the
/// outlet quotes the figure, the unit is its own. `normalize` drops the
/// quotation marks before reading.
pub const CLOSING_QUOTE: &str = r#"(?:\s*["”»])?"#;

/// Quotation marks that may stand inside a value phrase (see
/// [`CLOSING_QUOTE`]); they carry no value.
pub const QUOTATION_MARKS: &[char] = &['"', '“', '”', '«', '»', '„', '‹', '›'];

/// Month names of both languages, folded, longest first, as a regex
/// alternation: a date with its year is unambiguous whatever the
/// article's language. [`month_number`] reads a match.
pub fn month_names() -> String {
    alternation(
        crate::french::vocab::MONTHS
            .iter()
            .chain(crate::english::vocab::MONTHS)
            .map(|(m, _)| crate::french::fold(m))
            .collect(),
    )
}

/// `names` as a regex alternation: longest first, so that the regex
/// prefers `juillet` to `juil` and `sept` to `sep`, each name once.
pub fn alternation(mut names: Vec<String>) -> String {
    names.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    names.dedup();
    names.join("|")
}

/// The number of a folded month name of either language (`juillet`,
/// `july`, `juil`): one lookup for the date finder and the normaliser.
pub fn month_number(folded: &str) -> Option<i8> {
    crate::french::vocab::MONTHS
        .iter()
        .chain(crate::english::vocab::MONTHS)
        .find(|(name, _)| crate::french::fold(name) == folded)
        .map(|(_, n)| *n)
}

/// `text` with its quotation marks blanked (each replaced by as many spaces
/// as it has bytes, so that offsets still point into `text`): a value read
/// from quoted words ("cut it to 'about 10 or 12' days", « dix ou douze »
/// jours) is the value of the words, the marks around part of it left
/// aside. An apostrophe between two letters or digits is part of a word
/// (`d'ici`, `Russia's`, `1'000`) and stays.
pub fn without_quotes(text: &str) -> std::borrow::Cow<'_, str> {
    const APOSTROPHES: &[char] = &['\'', '‘', '’'];
    let alphanumeric = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    // Only the bytes a mark can start with are looked at (`"`, `'`, and
    // the lead bytes of « » and of “ ” „ ‘ ’ ‹ ›); most apostrophes of
    // French text are elisions (`l'`, `d'`), and nothing is allocated
    // until a mark is blanked.
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut from = 0;
    while let Some(found) = bytes[from..]
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | 0xC2 | 0xE2))
    {
        let at = from + found;
        let Some(c) = text[at..].chars().next() else { break };
        let end = at + c.len_utf8();
        let apostrophe = APOSTROPHES.contains(&c);
        let inside_a_word =
            apostrophe && alphanumeric(text[..at].chars().next_back()) && alphanumeric(text[end..].chars().next());
        if (QUOTATION_MARKS.contains(&c) || apostrophe) && !inside_a_word {
            let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
            out.push_str(&text[copied..at]);
            out.extend(std::iter::repeat_n(' ', end - at));
            copied = end;
        }
        from = end;
    }
    match out {
        Some(mut out) => {
            out.push_str(&text[copied..]);
            std::borrow::Cow::Owned(out)
        }
        None => std::borrow::Cow::Borrowed(text),
    }
}
