//! The words of the reports people read (`human`, `markdown`, `html`), in
//! English and French: `--report-lang`. The JSON, SARIF, JUnit and GitHub
//! outputs stay language-neutral (or English, for tools).
//!
//! Every phrase a printer shows is here, so that a report never mixes its
//! two languages by accident; what articles and rules say (quotes, outlets,
//! rule descriptions) is shown as written.

use crate::compare::Status;
use crate::language::Lang;
use crate::search::dates::ResolvedFrom;
use crate::value::{date_from_day_number, Kind, Value};
use jiff::civil::Date;

/// The report language the environment asks for: `LANG` starting with `fr`
/// (`fr_FR.UTF-8`, `fr`) is French, anything else (or nothing) English.
pub fn lang_from_env(lang: Option<&str>) -> Lang {
    match lang {
        Some(l) if l.trim().to_ascii_lowercase().starts_with("fr") => Lang::Fr,
        _ => Lang::En,
    }
}

/// `1 contradiction`, `2 contradictions`; in French, 0 and 1 are singular
/// (`0 avertissement`).
pub fn count(lang: Lang, n: usize, one: &str, many: &str) -> String {
    let singular = match lang {
        Lang::En => n == 1,
        Lang::Fr => n <= 1,
    };
    format!("{} {}", number(lang, n as f64), if singular { one } else { many })
}

/// `a`, `a and b`, `a, b and c` (`et` in French).
pub fn join_and(lang: Lang, items: &[String]) -> String {
    let and = match lang {
        Lang::En => "and",
        Lang::Fr => "et",
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

/// The phrases of a report, in one language.
#[derive(Debug, Clone, Copy)]
pub struct Words {
    pub lang: Lang,
    pub title: &'static str,
    pub contradiction: &'static str,
    pub known_contradiction: &'static str,
    pub agreement: &'static str,
    pub single_source: &'static str,
    pub contradictions: &'static str,
    pub agreements: &'static str,
    pub single_sources: &'static str,
    pub warnings: &'static str,
    /// ` (new article)` after an outlet in a headline.
    pub new_article: &'static str,
    pub new_articles_checked: &'static str,
    pub undated: &'static str,
    /// An article with no `published` whose URL names its day.
    pub dated_by_url: &'static str,
    pub published: &'static str,
    pub says: &'static str,
    pub say: &'static str,
    pub others: &'static str,
    /// After a single-source headline.
    pub alone: &'static str,
    /// `… and 3 more quotes`: (one, many).
    pub more_quotes: (&'static str, &'static str),
    pub see_json: &'static str,
    pub documents: (&'static str, &'static str),
    pub outlets: (&'static str, &'static str),
    pub claims: (&'static str, &'static str),
    pub subjects: (&'static str, &'static str),
    pub single_source_subjects: (&'static str, &'static str),
    pub warning_count: (&'static str, &'static str),
    pub nothing_found: &'static str,
    pub subjects_and_outlets: &'static str,
    pub subject: &'static str,
    pub status: &'static str,
    pub outlet: &'static str,
    pub language: &'static str,
    pub link: &'static str,
    pub matrix: &'static str,
    pub matrix_note: &'static str,
    pub agreed: &'static str,
    pub disagreed: &'static str,
    pub timeline: &'static str,
    pub filters: &'static str,
    pub all: &'static str,
    pub shown_of: &'static str,
    pub summary: &'static str,
    pub skip: &'static str,
    pub value: &'static str,
    pub date: &'static str,
    pub place: &'static str,
    pub baseline_note: &'static str,
    pub no_contradiction: &'static str,
    /// Quotation marks around a quote: “…” in English, « … » in French.
    pub quote_marks: (&'static str, &'static str),
}

pub const EN: Words = Words {
    lang: Lang::En,
    title: "recoupe report",
    contradiction: "Contradiction",
    known_contradiction: "Known contradiction",
    agreement: "Agreement",
    single_source: "Single source",
    contradictions: "Contradictions",
    agreements: "Agreements",
    single_sources: "Single source (nothing to cross-check against)",
    warnings: "Warnings",
    new_article: "new article",
    new_articles_checked: "New articles checked against the corpus",
    undated: "undated",
    dated_by_url: "dated by its URL",
    published: "published",
    says: "says",
    say: "say",
    others: "others",
    alone: "no other outlet gives it",
    more_quotes: ("more quote", "more quotes"),
    see_json: "`--format json` lists them all",
    documents: ("document", "documents"),
    outlets: ("outlet", "outlets"),
    claims: ("claim", "claims"),
    subjects: ("subject", "subjects"),
    single_source_subjects: ("single-source subject", "single-source subjects"),
    warning_count: ("warning", "warnings"),
    nothing_found: "No claim found: no rule read anything in these articles.",
    subjects_and_outlets: "Subjects and outlets",
    subject: "subject",
    status: "status",
    outlet: "Outlet",
    language: "language",
    link: "article",
    matrix: "Outlet by outlet",
    matrix_note: "For each pair of outlets, the subjects they agree on (✔) and disagree on (✘). Open a cell to reach the subjects.",
    agreed: "agreed",
    disagreed: "disagreed",
    timeline: "Timeline",
    filters: "Filter",
    all: "all",
    shown_of: "subjects shown of",
    summary: "Summary",
    skip: "Skip to the subjects",
    value: "value",
    date: "published",
    place: "place",
    baseline_note: "accepted by the baseline",
    quote_marks: ("“", "”"),
    no_contradiction: "No contradiction between outlets.",
};

pub const FR: Words = Words {
    lang: Lang::Fr,
    title: "Rapport recoupe",
    contradiction: "Contradiction",
    known_contradiction: "Contradiction connue",
    agreement: "Accord",
    single_source: "Source unique",
    contradictions: "Contradictions",
    agreements: "Accords",
    single_sources: "Source unique (rien à recouper)",
    warnings: "Avertissements",
    new_article: "nouvel article",
    new_articles_checked: "Nouveaux articles recoupés avec le corpus",
    undated: "sans date",
    dated_by_url: "daté par son URL du",
    published: "publié le",
    says: "dit",
    say: "disent",
    others: "autres",
    alone: "aucun autre média ne le donne",
    more_quotes: ("autre citation", "autres citations"),
    see_json: "`--format json` les donne toutes",
    documents: ("document", "documents"),
    outlets: ("média", "médias"),
    claims: ("affirmation", "affirmations"),
    subjects: ("sujet", "sujets"),
    single_source_subjects: ("sujet à source unique", "sujets à source unique"),
    warning_count: ("avertissement", "avertissements"),
    nothing_found: "Aucune affirmation : aucune règle n'a rien lu dans ces articles.",
    subjects_and_outlets: "Sujets et médias",
    subject: "sujet",
    status: "verdict",
    outlet: "Média",
    language: "langue",
    link: "article",
    matrix: "Média par média",
    matrix_note: "Pour chaque paire de médias, les sujets sur lesquels ils s'accordent (✔) et se contredisent (✘). Ouvrez une case pour atteindre les sujets.",
    agreed: "d'accord",
    disagreed: "en désaccord",
    timeline: "Chronologie",
    filters: "Filtrer",
    all: "tous",
    shown_of: "sujets affichés sur",
    summary: "Résumé",
    skip: "Aller aux sujets",
    value: "valeur",
    date: "publié le",
    place: "emplacement",
    baseline_note: "acceptée par la référence (--baseline)",
    quote_marks: ("«\u{a0}", "\u{a0}»"),
    no_contradiction: "Aucune contradiction entre les médias.",
};

/// The words of a language.
pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    }
}

impl Words {
    /// A finding's verdict in words.
    pub fn verdict(&self, status: Status, known: bool) -> &'static str {
        match status {
            Status::Contradiction if known => self.known_contradiction,
            Status::Contradiction => self.contradiction,
            Status::AnnouncementDiverges => match self.lang {
                Lang::En => "Announcement diverges",
                Lang::Fr => "Annonce divergente",
            },
            Status::Revision => match self.lang {
                Lang::En => "Revision",
                Lang::Fr => "Révision",
            },
            Status::Agreement => self.agreement,
            Status::SingleSource => self.single_source,
        }
    }

    /// `N documents, N claims: N contradictions, N agreements, N single-source subjects, N warnings`.
    pub fn summary_line(&self, s: &super::Summary) -> String {
        let lang = self.lang;
        let colon = match lang {
            Lang::En => ":",
            Lang::Fr => " :",
        };
        format!(
            "{}, {}{colon} {}, {}, {}, {}",
            count(lang, s.documents, self.documents.0, self.documents.1),
            count(lang, s.claims, self.claims.0, self.claims.1),
            count(lang, s.contradictions, "contradiction", "contradictions"),
            count(lang, s.agreements, self.agreement_count().0, self.agreement_count().1),
            count(
                lang,
                s.single_source,
                self.single_source_subjects.0,
                self.single_source_subjects.1
            ),
            count(lang, s.warnings, self.warning_count.0, self.warning_count.1),
        ) + &self.time_counts(s)
            + &self.suppressed_count(s.suppressed)
    }

    /// The heading of the findings that time explains, in the Markdown and
    /// HTML reports.
    pub fn time_section(&self, status: Status) -> &'static str {
        match (status, self.lang) {
            (Status::AnnouncementDiverges, Lang::Fr) => "Annonces divergentes de l'événement",
            (Status::AnnouncementDiverges, Lang::En) => "Announcements that diverge from the event",
            (_, Lang::Fr) => "Révisions (chaque chiffre juste quand il fut écrit)",
            (_, Lang::En) => "Revisions (each figure right when written)",
        }
    }

    /// `, 1 revision, 1 announcement diverging` after the summary, only
    /// when a finding is of that kind.
    pub fn time_counts(&self, s: &super::Summary) -> String {
        let mut out = String::new();
        let lang = self.lang;
        if s.revisions > 0 {
            out += &format!(", {}", count(lang, s.revisions, "revision", "revisions"));
        }
        if s.announcement_divergences > 0 {
            out += &match lang {
                Lang::En => format!(
                    ", {}",
                    count(
                        lang,
                        s.announcement_divergences,
                        "announcement diverging",
                        "announcements diverging"
                    )
                ),
                Lang::Fr => format!(
                    ", {}",
                    count(
                        lang,
                        s.announcement_divergences,
                        "annonce divergente",
                        "annonces divergentes"
                    )
                ),
            };
        }
        out
    }

    /// `, 1 suppressed` after the summary, only when an article suppressed
    /// claims (`, 1 affirmation ignorée` in French).
    pub fn suppressed_count(&self, n: usize) -> String {
        if n == 0 {
            return String::new();
        }
        match self.lang {
            Lang::En => format!(", {n} suppressed"),
            Lang::Fr => format!(
                ", {}",
                count(self.lang, n, "affirmation ignorée", "affirmations ignorées")
            ),
        }
    }

    pub fn agreement_count(&self) -> (&'static str, &'static str) {
        match self.lang {
            Lang::En => ("agreement", "agreements"),
            Lang::Fr => ("accord", "accords"),
        }
    }

    /// How the day of a relative date was found.
    pub fn resolved(&self, from: ResolvedFrom) -> String {
        match self.lang {
            Lang::En => format!("read {}", from.describe()),
            Lang::Fr => match from {
                ResolvedFrom::Published => "lu par rapport à la date de publication",
                ResolvedFrom::Url => "lu par rapport à la date de l'URL de l'article",
                ResolvedFrom::Text => "lu par rapport à une date complète de l'article",
                ResolvedFrom::RuleWhen => "lu dans la période de l'événement fixée par la règle",
                ResolvedFrom::Dateline => {
                    "lu par rapport à la date de la dépêche, dans l'année de la période de l'événement fixée par la règle"
                }
            }
            .to_string(),
        }
    }

    /// A publication date: `published 2025-07-21`, `publié le 21 juillet 2025`.
    pub fn published_on(&self, date: Option<Date>) -> String {
        match date {
            None => self.undated.to_string(),
            Some(d) => match self.lang {
                Lang::En => format!("{} {d}", self.published),
                Lang::Fr => format!("{} {}", self.published, french_date(d)),
            },
        }
    }

    /// When a claim's article was published, as its reader is told: the
    /// front matter's day, else the day its URL names (`dated by its URL
    /// 2025-07-22`: the day its relative dates were read against), else
    /// undated.
    pub fn dated(&self, claim: &crate::extract::Claim) -> String {
        use crate::extract::AsOfFrom;
        match (claim.published(), claim.context.as_of) {
            (None, Some(a)) if a.from == AsOfFrom::Url => match self.lang {
                Lang::En => format!("{} {}", self.dated_by_url, a.day),
                Lang::Fr => format!("{} {}", self.dated_by_url, french_date(a.day)),
            },
            (published, _) => self.published_on(published),
        }
    }

    /// A value in words: `50 days`, `au moins 1`, `mercredi 23 juillet 2025`.
    pub fn value(&self, value: &Value) -> String {
        match self.lang {
            Lang::En => super::describe_value(value),
            Lang::Fr => french_value(value),
        }
    }

    /// `:` in English, ` :` in French (before a colon, a space).
    pub fn colon(&self) -> &'static str {
        match self.lang {
            Lang::En => ":",
            Lang::Fr => " :",
        }
    }

    /// `;` in English, ` ;` in French.
    pub fn semicolon(&self) -> &'static str {
        match self.lang {
            Lang::En => ";",
            Lang::Fr => " ;",
        }
    }
}

/// A number as French writes it: `1 000`, `1,5` (a no-break space between
/// thousands).
pub fn number(lang: Lang, x: f64) -> String {
    let plain = super::format_number(x);
    if lang == Lang::En {
        return plain;
    }
    let (sign, rest) = match plain.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", plain.as_str()),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let mut grouped = String::new();
    let digits: Vec<char> = int.chars().collect();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 && digits.len() > 4 {
            grouped.push('\u{a0}');
        }
        grouped.push(*c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped},{f}"),
        None => format!("{sign}{grouped}"),
    }
}

fn french_weekday(d: Date) -> &'static str {
    crate::french::vocab::weekday_name(d.weekday().to_monday_zero_offset() as usize)
}

/// `21 juillet 2025`, `1er août 2025`.
pub fn french_date(d: Date) -> String {
    let day = if d.day() == 1 {
        "1er".to_string()
    } else {
        d.day().to_string()
    };
    format!("{day} {} {}", crate::french::vocab::month_name(d.month()), d.year())
}

/// The French words of values (the twin of
/// [`super::ENGLISH_VALUE_WORDS`]).
const FRENCH_VALUE_WORDS: super::ValueWords = super::ValueWords {
    quote: |t| format!("« {t} »"),
    point: |kind, x| match kind {
        Kind::Date => date_from_day_number(x.round() as i32)
            .map(|d| format!("{} {}", french_weekday(d), french_date(d)))
            .unwrap_or_else(|| "?".into()),
        _ => number(Lang::Fr, x),
    },
    days: " jours",
    percent: "\u{a0}%",
    one_day: "1 jour",
    more_than: "plus de",
    at_least: "au moins",
    less_than: "moins de",
    at_most: "au plus",
    span: |lo, hi| format!("de {lo} à {hi}"),
    any: "toute valeur",
};

/// A value as a French reader says it.
fn french_value(value: &Value) -> String {
    super::describe_in(value, &FRENCH_VALUE_WORDS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::day_number;
    use crate::value::{Interval, Range, Unit};

    fn value(kind: Kind, range: Range, unit: Option<Unit>) -> Value {
        Value {
            kind,
            interval: Interval::Range(range),
            unit,
        }
    }

    #[test]
    fn the_environment_chooses_french_only_for_fr() {
        assert_eq!(lang_from_env(Some("fr_FR.UTF-8")), Lang::Fr);
        assert_eq!(lang_from_env(Some("fr")), Lang::Fr);
        assert_eq!(lang_from_env(Some("FR_ca")), Lang::Fr);
        assert_eq!(lang_from_env(Some("en_GB.UTF-8")), Lang::En);
        assert_eq!(lang_from_env(Some("C.UTF-8")), Lang::En);
        assert_eq!(lang_from_env(Some("")), Lang::En);
        assert_eq!(lang_from_env(None), Lang::En);
    }

    #[test]
    fn french_values_read_as_a_french_reader_says_them() {
        let fr = words(Lang::Fr);
        assert_eq!(fr.value(&value(Kind::Duration, Range::exact(50.0), None)), "50 jours");
        assert_eq!(fr.value(&value(Kind::Duration, Range::exact(1.0), None)), "1 jour");
        assert_eq!(fr.value(&value(Kind::Number, Range::at_least(1.0), None)), "au moins 1");
        assert_eq!(
            fr.value(&value(Kind::Number, Range::more_than(420.0), None)),
            "plus de 420"
        );
        assert_eq!(
            fr.value(&value(Kind::Number, Range::exact(1500000.0), None)),
            "1\u{a0}500\u{a0}000"
        );
        assert_eq!(fr.value(&value(Kind::Number, Range::exact(1000.0), None)), "1000");
        assert_eq!(fr.value(&value(Kind::Number, Range::exact(1.5), None)), "1,5");
        let wednesday = day_number(Date::constant(2025, 7, 23)) as f64;
        assert_eq!(
            fr.value(&value(Kind::Date, Range::exact(wednesday), None)),
            "mercredi 23 juillet 2025"
        );
        assert_eq!(french_date(Date::constant(2025, 8, 1)), "1er août 2025");
    }

    #[test]
    fn french_counts_are_singular_at_zero_and_one() {
        assert_eq!(count(Lang::Fr, 0, "avertissement", "avertissements"), "0 avertissement");
        assert_eq!(count(Lang::En, 0, "warning", "warnings"), "0 warnings");
        assert_eq!(
            join_and(Lang::Fr, &["AFP".into(), "outlet-001".into()]),
            "AFP et outlet-001"
        );
        assert_eq!(join_and(Lang::En, &["a".into(), "b".into(), "c".into()]), "a, b and c");
    }
}
