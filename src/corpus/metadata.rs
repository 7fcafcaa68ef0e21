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
