//! An article's metadata: outlet (and where its name came from), dates, URL domain.

use crate::language::LangSource;
use jiff::civil::Date;

/// What the front matter says about an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Metadata {
    pub outlet: String,
    /// Where `outlet` came from.
    pub outlet_source: OutletSource,
    /// The day of publication, as written (the local day when a time is given).
    pub published: Option<Date>,
    /// The date and time of publication with its offset, as written, when
    /// the front matter gives a time (`2025-07-22T09:30:00+02:00`).
    pub published_at: Option<String>,
    /// The language code: the front matter's, or the one detected from
    /// the text (see [`crate::language::choose`]).
    pub lang: String,
    /// How `lang` was chosen.
    pub lang_source: LangSource,
    pub title: Option<String>,
    pub url: Option<String>,
    /// `recoupe: { ignore: [SUBJECT, "SUBJECT -- reason"] }`: subjects
    /// whose claims in this article are suppressed, with the line of the key.
    pub ignore: Vec<String>,
    pub ignore_line: Option<usize>,
}

impl Default for Metadata {
    fn default() -> Self {
        Metadata {
            outlet: UNKNOWN_OUTLET.to_string(),
            outlet_source: OutletSource::Unknown,
            published: None,
            published_at: None,
            lang: "fr".to_string(),
            lang_source: LangSource::Default,
            title: None,
            url: None,
            ignore: Vec::new(),
            ignore_line: None,
        }
    }
}

impl Metadata {
    /// Keeps the front matter's language when it names one, else detects it
    /// from `body`.
    pub fn settle_language(&mut self, body: &str) {
        let given = (self.lang_source == LangSource::FrontMatter).then_some(self.lang.as_str());
        (self.lang, self.lang_source) = crate::language::choose(given, body);
    }

    /// Without a `published` in the front matter, the day the page's own
    /// stamp gives in its body (« Publié le 21/07/2025 à 08h10 »,
    /// "Published July 22, 2025"; see [`super::stamp`]): a web clipping's
    /// or a search excerpt's publication day.
    /// An update's day alone does not override a day in the URL, which
    /// is the first day of publication.
    pub fn settle_published(&mut self, body: &str) {
        if self.published.is_some() {
            return;
        }
        self.published = match super::stamp::stamped_day(body) {
            Some((_, super::stamp::StampKind::Updated)) if self.url.as_deref().and_then(url_day).is_some() => None,
            stamp => stamp.map(|(day, _)| day),
        };
    }

    /// Without an outlet in the front matter, the `url`'s domain is the
    /// outlet (`https://www.afp.com/fr/…` → `afp.com`).
    pub fn settle_outlet(&mut self) {
        if self.outlet_source != OutletSource::Unknown {
            return;
        }
        if let Some(domain) = self.url.as_deref().and_then(url_domain) {
            self.outlet = domain;
            self.outlet_source = OutletSource::Url;
        }
    }
}

/// Where an article's outlet name came from (the JSON's `outlet_source`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum OutletSource {
    /// The front matter's (or the JSON Lines record's) `outlet`.
    FrontMatter,
    /// The domain of its `url`: no `outlet` was given.
    Url,
    /// An alias of the configuration (`[outlets.aliases]`) named it.
    Alias,
    /// Neither: `unknown`.
    #[default]
    Unknown,
}

impl OutletSource {
    pub fn as_str(self) -> &'static str {
        match self {
            OutletSource::FrontMatter => "front_matter",
            OutletSource::Url => "url",
            OutletSource::Alias => "alias",
            OutletSource::Unknown => "unknown",
        }
    }
}

static URL_DATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?:^|[/_-])((?:19|20)[0-9]{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12][0-9]|3[01])(?:$|[/_.-])")
        .expect("static regex")
});

static URL_MONTH: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"/((?:19|20)[0-9]{2})/(0[1-9]|1[0-2])(?:/|$)").expect("static regex")
});

/// The first day of the month an article's URL names without a day
/// (`https://example.org/2024/07/drones-overnight`): not a day to read
/// `mercredi` against, but the year a day and month without one
/// (`July 21`) is read in, to tell another year's event (see
/// `search::dates::SentenceDays::other_event`).
pub fn url_month(url: &str) -> Option<Date> {
    let c = URL_MONTH.captures(url)?;
    let n = |i: usize| c.get(i)?.as_str().parse::<i16>().ok();
    Date::new(n(1)?, n(2)? as i8, 1).ok()
}

/// The date in an article's URL: `/2025/07/21/`, `2025-07-21`, `_20250721_`.
pub fn url_day(url: &str) -> Option<Date> {
    let c = URL_DATE.captures(url)?;
    let n = |i: usize| c.get(i)?.as_str().parse::<i16>().ok();
    Date::new(n(1)?, n(2)? as i8, n(3)? as i8).ok()
}

/// The host of a URL, lower-case, without `www.`, a port or credentials;
/// `None` when there is no `scheme://host`.
pub fn url_domain(url: &str) -> Option<String> {
    let (_, rest) = url.trim().split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = match host.strip_prefix('[') {
        // An IPv6 literal keeps its colons.
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.split(':').next().unwrap_or(""),
    };
    let host = host.trim_end_matches('.').to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (!host.is_empty() && host.chars().all(|c| c.is_alphanumeric() || "-.:".contains(c))).then(|| host.to_string())
}

/// The key outlet names are compared by: case and spaces ignored
/// (`Le Monde`, `le  monde` and `LeMonde` are one outlet).
pub fn outlet_key(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The outlet of an article whose front matter does not name one.
pub const UNKNOWN_OUTLET: &str = "unknown";

/// A publication date: `YYYY-MM-DD`, or a date and time with its UTC offset
/// (RFC 3339 / ISO 8601, the form CMS exports write:
/// `2025-07-22T09:30:00+02:00`, `2025-07-22 09:30:00Z`). The day is the
/// local day as written; the date and time are kept as written (a valid
/// instant: `jiff` checks it).
pub fn parse_published(text: &str) -> Option<(Date, Option<String>)> {
    if let Some(d) = parse_iso_date(text) {
        return Some((d, None));
    }
    let day = parse_iso_date(text.get(..10)?)?;
    if !matches!(text.as_bytes().get(10), Some(b'T' | b't' | b' ')) {
        return None;
    }
    let normalized = format!("{}T{}", &text[..10], &text[11..]);
    normalized.parse::<jiff::Timestamp>().ok()?;
    Some((day, Some(text.to_string())))
}

/// `YYYY-MM-DD`, strictly, and only real calendar days.
pub fn parse_iso_date(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    let well_formed = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !well_formed {
        return None;
    }
    text.parse::<Date>().ok()
}

/// A full date as a text writes it, folded (see [`crate::french::fold`]):
/// `21/07/2025`, `21.07.2025`, `2025-07-21`, `21 juillet 2025`, `1er août
/// 2025`, `22nd of July 2025`, `July 22, 2025`, `Jul. 22, 2025`, a cable's
/// `22jul25`. One grammar for a page's stamp ([`super::stamp`]) and for
/// the full dates of a text (`search::dates::from_text`);
/// [`written_date`] reads its captures. It opens with the day or the
/// month, so that a search of a whole text starts from their literals;
/// a stamp puts [`WRITTEN_DATE_LEAD`] before it.
pub static WRITTEN_DATE: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let months = crate::language::month_names();
    let year = "(?:19|20)[0-9]{2}";
    format!(
        r"(?:\b(?P<wd_d>[0-9]{{1,2}})[./-](?P<wd_m>[0-9]{{1,2}})[./-](?P<wd_y>{year})|\b(?P<wd_y2>{year})-(?P<wd_m2>[0-9]{{2}})-(?P<wd_d2>[0-9]{{2}})|\b(?P<wd_d3>[0-9]{{1,2}})(?:er|st|nd|rd|th)?\s+(?:of\s+)?(?P<wd_m3>{months})\.?,?\s+(?P<wd_y3>{year})|\b(?P<wd_m4>{months})\.?\s+(?P<wd_d4>[0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<wd_y4>{year})|\b(?P<wd_d5>[0-9]{{1,2}})(?P<wd_m5>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?P<wd_y5>[0-9]{{2}}))\b"
    )
});

/// What may stand before a stamp's [`WRITTEN_DATE`], folded: a weekday
/// (« mardi 22 juillet 2025 », "Tuesday, July 22, 2025", "Wed Jul 23,
/// 2025") and « le ».
pub static WRITTEN_DATE_LEAD: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let weekdays: Vec<String> = crate::french::vocab::WEEKDAYS
        .iter()
        .chain(crate::english::vocab::WEEKDAYS.iter())
        .map(|w| crate::french::fold(w))
        .collect();
    format!(r"(?:\b(?:{})\.?,?\s+)?(?:\ble\s+)?", weekdays.join("|"))
});

/// The date a [`WRITTEN_DATE`] match spells. Written with numbers alone
/// (`7/8/2025`) it is read day first, as French and British texts write
/// it; where it may be American (`month_first_too`: an English page's
/// "Published 7/8/2025" label), it is read day first only when the first
/// number cannot be a month, month first only when the second cannot be,
/// and not at all when both can.
pub fn written_date(c: &regex::Captures, month_first_too: bool) -> Option<Date> {
    let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<i16>().ok());
    let month = |name: &str| c.name(name).and_then(|m| crate::language::month_number(m.as_str()));
    let (y, m, d) = if let (Some(d), Some(m), Some(y)) = (num("wd_d"), num("wd_m"), num("wd_y")) {
        match (month_first_too, d > 12, m > 12) {
            (false, ..) | (true, true, false) => (y, m, d),
            (true, false, true) => (y, d, m),
            _ => return None,
        }
    } else if let (Some(d), Some(m), Some(y)) = (num("wd_d2"), num("wd_m2"), num("wd_y2")) {
        (y, m, d)
    } else if let (Some(d), Some(m), Some(y)) = (num("wd_d3"), month("wd_m3"), num("wd_y3")) {
        (y, i16::from(m), d)
    } else if let (Some(d), Some(m), Some(y)) = (num("wd_d4"), month("wd_m4"), num("wd_y4")) {
        (y, i16::from(m), d)
    } else if let (Some(d), Some(m), Some(y)) = (num("wd_d5"), month("wd_m5"), num("wd_y5")) {
        // A cable's `22JUL25`: a two-digit year.
        (crate::normalize::date::calendar::two_digit_year(y), i16::from(m), d)
    } else {
        return None;
    };
    Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
}
