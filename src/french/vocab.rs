//! The French vocabulary, in one place: number words, hedges, vague quantity
//! nouns, duration units, weekdays, months, verb-tense markers.
//!
//! Entries are written in lower case as French spells them, accents included,
//! with `'` as the apostrophe and single spaces between words. The placeholder
//! regexes are generated from these tables with [`lenient`], which lets each
//! accented letter also match its bare letter (`é` or `e`: capitals and quick
//! typing drop accents) and `'` match `’`, and leaves every other letter as
//! written; the normaliser reads the matched words after [`fold`]ing them, and
//! compares them with the folded entries ([`eq_folded`]). So the two stages
//! cannot drift apart: a word is added here once and both see it.

/// How a hedge word turns the number after it into an interval. The interval
/// arithmetic (and its documentation table) lives in `normalize::hedge`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hedge {
    /// `au moins N`: `[N, +inf)`.
    AtLeast,
    /// `plus de N`: `(N, +inf)`.
    MoreThan,
    /// `un peu plus de N`: `(N, 1.25 N]`.
    SlightlyMore,
    /// `moins de N`: `[0, N)`.
    LessThan,
    /// `un peu moins de N`: `[0.8 N, N)`.
    SlightlyLess,
    /// `jusqu'à N`: `[0, N]`.
    AtMost,
    /// `près de N`: `[0.9 N, N]`.
    Nearly,
    /// `environ N`: `[0.9 N, 1.1 N]`.
    About,
}

/// Hedge phrases that stand before a number. A phrase ending in `de` also
/// matches its elided form (`plus d'un`). Longer phrases first.
/// The words of a change said in one phrase, folded: `de` 50 jours `à`
/// 12 jours (`search::frame` reads which end a value is).
pub const CHANGE_FROM: &[&str] = &["de"];
pub const CHANGE_TO: &[&str] = &["a"];
/// Verbs after which `de X à Y` tells a change, not a range (folded): « le
/// bilan est passé d'un à deux morts ».
pub const CHANGE_VERBS: &[&str] = &[
    "passe",
    "passee",
    "passes",
    "passees",
    "passer",
    "passant",
    "grimpe",
    "grimpant",
    "monte",
    "montant",
    "augmente",
    "alourdi",
    "alourdie",
    "baisse",
    "diminue",
    "chute",
    "evolue",
    "ramene",
    "ramenee",
    "reduit",
    "reduite",
    "revu",
    "releve",
    "porte",
    "portee",
    "rehausse",
    "ramener",
    "ramenant",
    "ramenait",
    "reduire",
    "reduisant",
    "reduisait",
    "raccourci",
    "raccourcir",
    "raccourcissant",
    "abaisse",
    "abaisser",
];

pub const HEDGES: &[(&str, Hedge)] = &[
    ("un peu plus de", Hedge::SlightlyMore),
    ("légèrement plus de", Hedge::SlightlyMore),
    ("un peu moins de", Hedge::SlightlyLess),
    ("légèrement moins de", Hedge::SlightlyLess),
    ("aux alentours de", Hedge::About),
    ("approximativement", Hedge::About),
    ("pas moins de", Hedge::AtLeast),
    ("un minimum de", Hedge::AtLeast),
    ("pas plus de", Hedge::AtMost),
    ("un maximum de", Hedge::AtMost),
    ("tout au plus", Hedge::AtMost),
    ("au maximum", Hedge::AtMost),
    ("au minimum", Hedge::AtLeast),
    ("au bas mot", Hedge::AtLeast),
    ("au-delà de", Hedge::MoreThan),
    ("au delà de", Hedge::MoreThan),
    ("pas loin de", Hedge::Nearly),
    ("de l'ordre de", Hedge::About),
    ("à peu près", Hedge::About),
    ("autour de", Hedge::About),
    ("quasiment", Hedge::Nearly),
    ("au moins", Hedge::AtLeast),
    ("moins de", Hedge::LessThan),
    ("plus de", Hedge::MoreThan),
    ("jusqu'à", Hedge::AtMost),
    ("au plus", Hedge::AtMost),
    ("près de", Hedge::Nearly),
    ("presque", Hedge::Nearly),
    ("environ", Hedge::About),
    ("quelque", Hedge::About),
];

/// A hedge written after the number: `500 ou plus`.
pub const SUFFIX_HEDGES: &[(&str, Hedge)] = &[("ou plus", Hedge::AtLeast), ("au moins", Hedge::AtLeast)];

/// Vague quantity nouns: `une trentaine` → `[25, 35]`. (noun, base, lo, hi):
/// the interval is for `un(e) NOUN`; the plural with `des`, `quelques` or
/// `plusieurs` is `[2 base, 10 base]`.
pub const APPROX_NOUNS: &[(&str, f64, f64, f64)] = &[
    ("huitaine", 8.0, 7.0, 10.0),
    ("dizaine", 10.0, 8.0, 13.0),
    ("douzaine", 12.0, 10.0, 14.0),
    ("quinzaine", 15.0, 13.0, 18.0),
    ("vingtaine", 20.0, 17.0, 25.0),
    ("trentaine", 30.0, 25.0, 35.0),
    ("quarantaine", 40.0, 35.0, 45.0),
    ("cinquantaine", 50.0, 45.0, 55.0),
    ("soixantaine", 60.0, 55.0, 65.0),
    ("centaine", 100.0, 80.0, 150.0),
    ("millier", 1000.0, 800.0, 1500.0),
    // `un million` is exact; only the plurals (`des millions`) are vague.
    ("million", 1e6, 1e6, 1e6),
    ("milliard", 1e9, 1e9, 1e9),
];

/// Words right before a duration that make it a frequency (folded):
/// « tous les quinze jours » says how often, not how long.
pub const FREQUENCY: &[&str] = &["tous les", "toutes les", "chaque"];

/// Words that say a sentence tells of another event than the one before
/// it (folded): « une autre frappe », « la semaine suivante ».
pub const OTHER_EVENT_MARKERS: &[&str] = &[
    "autre",
    "autres",
    "nouvelle",
    "nouvel",
    "nouveau",
    "nouveaux",
    "suivant",
    "suivante",
    "suivants",
    "suivantes",
    "plus tard",
    "plus tot",
    "depuis",
    "ensuite",
    "precedente",
    "precedent",
    "veille",
    "lendemain",
];

/// Relative pronouns (folded): after a comma they tie the clause to the
/// noun before it (« l'Iran, à qui Washington a fixé un délai »).
pub const RELATIVE_PRONOUNS: &[&str] = &[
    "qui",
    "dont",
    "lequel",
    "laquelle",
    "lesquels",
    "lesquelles",
    "auquel",
    "auxquels",
    "auxquelles",
    "duquel",
];

/// Prepositions that may stand before a relative pronoun (folded): « à qui ».
pub const RELATIVE_PREPOSITIONS: &[&str] = &["a", "de", "pour", "avec", "contre", "envers"];

/// Words of a plan told in the past (lowercase, unfolded): « la séance
/// devait avoir lieu mercredi », « prévue jeudi » (see
/// `normalize::tense::tells_a_plan`).
pub const PLAN_WORDS: &[&str] = &[
    "devait", "devaient", "doit", "doivent", "prévu", "prévue", "prévus", "prévues", "prévoit", "tenir",
];

/// Words that end like a French conditional (`-rait`) and are not one.
pub const CONDITIONAL_LOOKALIKES: &[&str] = &[
    "portrait",
    "retrait",
    "extrait",
    "attrait",
    "trait",
    "distrait",
    "abstrait",
    "soustrait",
];

/// Days told from another (folded word, as shown): « la rencontre de la
/// veille » is the day before the date the sentence gives.
pub const DAY_OFFSETS: &[(&str, &str)] = &[
    ("veille", "la veille"),
    ("lendemain", "le lendemain"),
    ("surlendemain", "le surlendemain"),
];

/// Prepositions that open a phrase fronted before the clause it belongs to
/// (folded): « À l'Iran, il avait accordé 60 jours ».
pub const FRONTED_PREPOSITIONS: &[&str] = &[
    "a",
    "au",
    "aux",
    "pour",
    "envers",
    "vers",
    "avec",
    "concernant",
    "quant",
];

/// Words right after a length that make it a point in time (folded): « deux
/// semaines plus tard » says when, not how long.
pub const OFFSET_AFTER: &[&str] = &["plus tard", "plus tot", "auparavant"];

/// The same, when the length opens its clause: « Deux jours avant ce
/// troisième round, … ». Elsewhere « 50 jours avant des sanctions » is a
/// deadline's length.
pub const OFFSET_FRONTED: &[&str] = &["avant", "apres"];

/// Words right before a length that make it a point in time (folded): « il
/// y a deux semaines », « cela fait onze jours » (time gone by).
pub const OFFSET_BEFORE: &[&str] = &["il y a", "cela fait", "ca fait", "voila"];

/// The words of a vague count with no figure in it (`plusieurs`,
/// `quelques`, `des dizaines de milliers`), folded: a frame reads no claim
/// from one (a reader marks no figure there).
pub const VAGUE_COUNT_WORDS: &[&str] = &[
    "plusieurs",
    "quelques",
    "des",
    "de",
    "d",
    "dizaines",
    "douzaines",
    "vingtaines",
    "trentaines",
    "centaines",
    "milliers",
    "millions",
    "milliards",
    "nombreux",
    "nombreuses",
];

/// Words that multiply a vague noun: `une dizaine de milliers`.
pub const APPROX_MULTIPLIERS: &[(&str, f64)] = &[("milliers", 1e3), ("millions", 1e6), ("milliards", 1e9)];

/// Determiners of the vague plurals: `des centaines`, `quelques milliers`.
pub const VAGUE_PLURAL_DETERMINERS: &[&str] = &["quelques", "plusieurs", "des"];

/// `quelques` alone: a few.
pub const QUELQUES: (f64, f64) = (2.0, 10.0);
/// `plusieurs` alone: more than one, no upper bound stated.
pub const PLUSIEURS_LO: f64 = 2.0;

/// Cardinal number words (folded). Longer words before their prefixes.
pub const NUMBER_WORDS: &[&str] = &[
    "zero",
    "une",
    "un",
    "deux",
    "trois",
    "quatre",
    "quatorze",
    "cinquante",
    "cinq",
    "six",
    "septante",
    "sept",
    "huitante",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quinze",
    "seize",
    "vingts",
    "vingt",
    "trente",
    "quarante",
    "soixante",
    "octante",
    "nonante",
    "cents",
    "cent",
    "mille",
    "millions",
    "million",
    "milliards",
    "milliard",
    "billions",
    "billion",
];

/// Scale words after digits: `1,5 million`.
pub const SCALES: &[(&str, f64)] = &[
    ("milliards", 1e9),
    ("milliard", 1e9),
    ("millions", 1e6),
    ("million", 1e6),
    ("billions", 1e12),
    ("billion", 1e12),
    ("mille", 1e3),
    ("mds", 1e9),
    ("md", 1e9),
    ("mrds", 1e9),
    ("mrd", 1e9),
    ("k", 1e3),
];

/// Fractions that may follow a number: `deux tiers`, `trois quarts`.
pub const FRACTIONS: &[(&str, f64)] = &[("tiers", 3.0), ("quarts", 4.0), ("quart", 4.0)];

/// Ordinal stems before `-ième`, with the cardinal word they stand for.
pub const ORDINAL_STEMS: &[(&str, &str)] = &[
    ("milliard", "milliard"),
    ("million", "million"),
    ("billion", "billion"),
    ("quatorz", "quatorze"),
    ("quarant", "quarante"),
    ("cinquant", "cinquante"),
    ("septant", "septante"),
    ("huitant", "huitante"),
    ("soixant", "soixante"),
    ("octant", "octante"),
    ("nonant", "nonante"),
    ("quatr", "quatre"),
    ("cinqu", "cinq"),
    ("treiz", "treize"),
    ("quinz", "quinze"),
    ("trent", "trente"),
    ("vingt", "vingt"),
    ("trois", "trois"),
    ("deux", "deux"),
    ("neuv", "neuf"),
    ("huit", "huit"),
    ("sept", "sept"),
    ("douz", "douze"),
    ("seiz", "seize"),
    ("cent", "cent"),
    ("mill", "mille"),
    ("onz", "onze"),
    ("six", "six"),
    ("dix", "dix"),
    ("diz", "dix"),
    ("un", "un"),
];

/// Duration units and their length in days, as an interval: a month is 28 to
/// 31 days, a year 365 or 366. Longer spellings first.
pub const DURATION_UNITS: &[(&str, f64, f64)] = &[
    ("journées", 1.0, 1.0),
    ("journée", 1.0, 1.0),
    ("jours", 1.0, 1.0),
    ("jour", 1.0, 1.0),
    ("semaines", 7.0, 7.0),
    ("semaine", 7.0, 7.0),
    ("mois", 28.0, 31.0),
    ("années", 365.0, 366.0),
    ("année", 365.0, 366.0),
    ("ans", 365.0, 366.0),
    ("an", 365.0, 366.0),
    ("trimestres", 89.0, 92.0),
    ("trimestre", 89.0, 92.0),
    ("semestres", 181.0, 184.0),
    ("semestre", 181.0, 184.0),
    ("décennies", 3652.0, 3653.0),
    ("décennie", 3652.0, 3653.0),
    ("siècles", 36524.0, 36525.0),
    ("siècle", 36524.0, 36525.0),
    ("heures", 1.0 / 24.0, 1.0 / 24.0),
    ("heure", 1.0 / 24.0, 1.0 / 24.0),
    ("hrs", 1.0 / 24.0, 1.0 / 24.0),
    ("hr", 1.0 / 24.0, 1.0 / 24.0),
    ("h", 1.0 / 24.0, 1.0 / 24.0),
    ("minutes", 1.0 / 1440.0, 1.0 / 1440.0),
    ("minute", 1.0 / 1440.0, 1.0 / 1440.0),
    ("mins", 1.0 / 1440.0, 1.0 / 1440.0),
    ("min", 1.0 / 1440.0, 1.0 / 1440.0),
    ("secondes", 1.0 / 86400.0, 1.0 / 86400.0),
    ("seconde", 1.0 / 86400.0, 1.0 / 86400.0),
    ("secs", 1.0 / 86400.0, 1.0 / 86400.0),
    ("sec", 1.0 / 86400.0, 1.0 / 86400.0),
];

/// `toute la semaine`: one whole unit.
pub const WHOLE_UNITS: &[(&str, &str)] = &[
    ("toute la journée", "jour"),
    ("toute la semaine", "semaine"),
    ("tout le mois", "mois"),
    ("toute le mois", "mois"),
    ("toute l'année", "annee"),
];

/// Weekdays, Monday first (index 0 = Monday, as `jiff::civil::Weekday::to_monday_zero_offset`).
pub const WEEKDAYS: [&str; 7] = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];

/// Abbreviated weekdays, same order; accepted only with a dot or before a day number.
pub const WEEKDAY_ABBREVIATIONS: [&str; 7] = ["lun", "mar", "mer", "jeu", "ven", "sam", "dim"];

/// Month names and abbreviations with their number. Longer first.
pub const MONTHS: &[(&str, i8)] = &[
    ("janvier", 1),
    ("janv", 1),
    ("jan", 1),
    ("février", 2),
    ("févr", 2),
    ("fév", 2),
    ("mars", 3),
    ("avril", 4),
    ("avr", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("juil", 7),
    ("août", 8),
    ("septembre", 9),
    ("sept", 9),
    ("sep", 9),
    ("octobre", 10),
    ("oct", 10),
    ("novembre", 11),
    ("nov", 11),
    ("décembre", 12),
    ("déc", 12),
];

/// The full name of month `m` (1 to 12): the table's first name for it.
pub fn month_name(m: i8) -> &'static str {
    MONTHS.iter().find(|(_, n)| *n == m).map_or("", |(name, _)| name)
}

/// The name of a weekday, Monday being 0.
pub fn weekday_name(wd: usize) -> &'static str {
    WEEKDAYS.get(wd).copied().unwrap_or("")
}

/// Day numbers written as words (`le premier mars`, `du treize au quinze`).
pub const DAY_WORDS: &[&str] = &[
    "premier",
    "trente et un",
    "trente-et-un",
    "trente",
    "vingt et un",
    "vingt-et-un",
    "vingt-deux",
    "vingt-trois",
    "vingt-quatre",
    "vingt-cinq",
    "vingt-six",
    "vingt-sept",
    "vingt-huit",
    "vingt-neuf",
    "vingt deux",
    "vingt trois",
    "vingt quatre",
    "vingt cinq",
    "vingt six",
    "vingt sept",
    "vingt huit",
    "vingt neuf",
    "vingt",
    "dix-sept",
    "dix-huit",
    "dix-neuf",
    "dix sept",
    "dix huit",
    "dix neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
];

/// Holidays on a fixed day: (words, month, first day, last day). `le`, `la`,
/// `l'`, `le jour de`, `la journée de` may stand before them and a year after.
/// The year, when not written, is the one that puts the day nearest to the
/// publication, as for `le 25 décembre`. Longer phrases first.
pub const HOLIDAYS: &[(&str, i8, i8, i8)] = &[
    ("réveillon de la saint-sylvestre", 12, 31, 31),
    ("réveillon du nouvel an", 12, 31, 31),
    ("réveillon de noël", 12, 24, 24),
    // The evening and the night of Christmas: the 24th for many, the 25th for others.
    ("soir de noël", 12, 24, 25),
    ("nuit de noël", 12, 24, 25),
    ("saint-sylvestre", 12, 31, 31),
    ("saint-valentin", 2, 14, 14),
    ("fête du travail", 5, 1, 1),
    // All Souls' Day is the 2nd; in France it is mostly kept on All Saints' Day.
    ("jour des morts", 11, 1, 2),
    ("fête des morts", 11, 1, 2),
    ("jour de l'an", 1, 1, 1),
    ("nouvel an", 1, 1, 1),
    ("assomption", 8, 15, 15),
    ("toussaint", 11, 1, 1),
    ("noël", 12, 25, 25),
];

/// Words after a holiday that make it another calendar's (`le Nouvel An
/// chinois`, `le Noël orthodoxe`): the phrase is matched whole, then read as no
/// date, so that its first words are not taken for the 1st of January.
pub const HOLIDAY_QUALIFIERS: &[&str] = &[
    "chinois",
    "lunaire",
    "vietnamien",
    "tibétain",
    "juif",
    "iranien",
    "persan",
    "kurde",
    "berbère",
    "amazigh",
    "islamique",
    "musulman",
    "hindou",
    "orthodoxe",
    "julien",
];

/// Seasons, each as the widest of its two meanings: the meteorological months
/// (`été`: June–August) and the astronomical season (21 June – 22 or 23
/// September, the solstice or equinox falling on either day): (name, first
/// month, first day, last month, last day). Winter runs into the next year.
pub const SEASONS: &[(&str, i8, i8, i8, i8)] = &[
    ("printemps", 3, 1, 6, 21),
    ("été", 6, 1, 9, 23),
    ("automne", 9, 1, 12, 22),
    ("hiver", 12, 1, 3, 21),
];

/// Marks of the past in the sentence around a bare weekday, as a regex over
/// the lower-cased sentence (accents kept, so that `a` and `à` differ):
/// passé composé (`a annoncé`, `ont défilé`, `est mort`), plus-que-parfait,
/// `a eu lieu`, imperfect and passé simple, the hearsay `serait mort`.
pub const PAST_TENSE: &str = r"\b(?:(?:a|ont|avait|avaient|aurait|auraient)\s+(?:(?:déjà|aussi|notamment|bien|également|été|pas|finalement|ensuite|enfin|alors|officiellement)\s+)*\p{Ll}+(?:é|ée|és|ées|i|is|ie|ies|u|us|ue|ues|it|ert|ort|int|ait|oint)|(?:a|ont)\s+eu\s+lieu|(?:est|sont|s'est|se\s+sont|était|étaient|s'était|serait|seraient)\s+(?:\p{Ll}+\s+)?(?:morte?s?|décédée?s?|arrivée?s?|partie?s?|survenue?s?|produite?s?|tenue?s?|déroulée?s?|tuée?s?|blessée?s?|née?s?|tombée?s?|venue?s?|rendue?s?|réunie?s?)|\p{Ll}{3,}(?:èrent|irent|urent)|était|étaient|avait|avaient|fut|furent)\b";

/// Marks of the future: `sera`, `se tiendra`, `prévu`, `devrait`, `aura
/// lieu`, `va` + infinitive, future and conditional endings.
pub const FUTURE_TENSE: &str = r"\b(?:sera|seront|se\s+tiendra|se\s+tiendront|aura\s+lieu|auront\s+lieu|prévue?s?|devrait|devraient|doit|doivent|(?:va|vont|vais|allons|allez)\s+\p{Ll}+(?:er|ir|re|oir)|\p{Ll}{2,}(?:erai|eras|era|erons|erez|eront|irai|iras|ira|irons|iront|rai|ront|drai|dra|dront|rait|raient|rais))\b";

/// Folds text the way every table above is written: lower case, accents
/// removed, `’` → `'`, dashes to `-`, runs of whitespace (including U+00A0
/// and U+202F) to one space, trimmed.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.trim().chars() {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        for lc in c.to_lowercase() {
            push_folded(&mut out, lc);
        }
    }
    out
}

pub(crate) fn push_folded(out: &mut String, c: char) {
    let folded = match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' | 'ì' => 'i',
        'ô' | 'ö' | 'ó' | 'õ' | 'ø' | 'ò' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ç' => 'c',
        'ÿ' | 'ý' => 'y',
        'ñ' => 'n',
        'œ' => return out.push_str("oe"),
        'æ' => return out.push_str("ae"),
        '’' | '‘' | 'ʼ' | '´' | '`' => '\'',
        '‐' | '‑' | '‒' | '–' | '—' | '−' => '-',
        // Names of places and people spelt in their own alphabet: Turkish
        // (« Çırağan », « İstanbul », whose capital İ lowers to i and a
        // combining dot), and the Slavic letters of names. Apart, so that
        // the common letters above stay one table.
        '\u{100}'..='\u{17F}' => match c {
            'ı' => 'i',
            'ğ' => 'g',
            'ş' | 'š' | 'ś' => 's',
            'ń' => 'n',
            'ž' | 'ź' | 'ż' => 'z',
            'č' | 'ć' => 'c',
            'ł' => 'l',
            'ř' => 'r',
            _ => c,
        },
        '\u{307}' => return,
        _ => c,
    };
    out.push(folded);
}

/// Whether a table entry, folded, is `folded` (no allocation).
pub fn eq_folded(entry: &str, folded: &str) -> bool {
    let mut buf = String::new();
    let mut rest = folded;
    for c in entry.chars() {
        buf.clear();
        push_folded(&mut buf, c);
        match rest.strip_prefix(buf.as_str()) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
}

/// A regex (non-capturing, for case-insensitive use) matching a phrase as it
/// stands in the text: an accented letter also matches its bare letter (`é` or
/// `e`), other letters match only themselves, `'` also matches `’`, a space any
/// run of whitespace, a hyphen a hyphen or a space.
pub fn lenient(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len() * 2);
    for c in phrase.chars() {
        let bare = match c {
            'à' | 'â' => Some('a'),
            'é' | 'è' | 'ê' | 'ë' => Some('e'),
            'î' | 'ï' => Some('i'),
            'ô' => Some('o'),
            'ù' | 'û' => Some('u'),
            'ç' => Some('c'),
            _ => None,
        };
        match (c, bare) {
            (_, Some(b)) => {
                out.push('[');
                out.push(b);
                out.push(c);
                out.push(']');
            }
            ('\'', _) => out.push_str(r"['’]\s*"),
            (' ', _) => out.push_str(r"\s+"),
            ('-', _) => out.push_str(r"(?:\s*-\s*|\s+)"),
            ('.', _) => out.push_str(r"\."),
            _ => out.push(c),
        }
    }
    out
}

/// An alternation of [`lenient`] phrases, wrapped in `\b…\b`; phrases that
/// give the same regex (`au-delà de`, `au delà de`) appear once.
pub fn alternation<'a>(phrases: impl IntoIterator<Item = &'a str>) -> String {
    let mut parts: Vec<String> = Vec::new();
    for p in phrases {
        let r = lenient(p);
        if !parts.contains(&r) {
            parts.push(r);
        }
    }
    format!(r"\b(?:{})\b", parts.join("|"))
}

/// Phrases of a correction notice, folded: a sentence that holds one tells
/// what an earlier version wrongly said (see `search::frame`).
pub const RETRACTIONS: &[&str] = &[
    "par erreur",
    "erronement",
    "version precedente",
    "precedente version",
    "nous indiquions",
    "nous ecrivions",
    "nous avions ecrit",
    "nous avons ecrit a tort",
    "indiquait a tort",
    "affirmait a tort",
    "article indiquait egalement",
    "article affirmait egalement",
    // A correction notice's account of its own article: « l'article
    // annonçait une session « jeudi » », « nous évoquions 462 drones ».
    "l article indiquait",
    "l article affirmait",
    "l article annoncait",
    "l article evoquait",
    "l article mentionnait",
    "l article avancait",
    "l article donnait",
    "nous annoncions",
    "nous affirmions",
    "nous evoquions",
    "nous mentionnions",
    "nous avancions",
    "nous donnions",
    "nous titrions",
    // A reader's account of the paper's words (un courrier des lecteurs) :
    // « vous titrez sur 450 drones », « votre une annonçait… ». Not
    // « votre article sur les pourparlers du 23 juillet »: a topic.
    "vous titrez",
    "vous titriez",
    "vous avez titre",
    "vous ecrivez",
    "vous ecriviez",
    "vous avez ecrit",
    "vous affirmez",
    "vous affirmiez",
    "vous annoncez",
    "vous annonciez",
    "votre une",
    "votre titre",
    // An exercise's sentence given to be put right (« La phrase suivante
    // contient une erreur ; corrigez-la : « … » »): its figure is the wrong
    // one.
    "contient une erreur",
    "comporte une erreur",
    "corrigez la",
    "trouvez l erreur",
    "reperez l erreur",
];

/// Hedges said after a value and its unit, folded, each with the phrase
/// that says it before the value (see `extract::read::value_words`): « deux
/// morts au moins », « douze jours au plus », « mille prisonniers
/// environ ». Longest first.
pub const POST_HEDGES: &[(&str, &str)] = &[
    ("tout au plus", "au plus"),
    ("au minimum", "au moins"),
    ("au maximum", "au plus"),
    ("au moins", "au moins"),
    ("au plus", "au plus"),
    ("ou plus", "au moins"),
    ("a peu pres", "environ"),
    ("environ", "environ"),
];

/// A speaker's correction of the words just said, folded (see
/// `search::frame`): « non, pardon », « enfin non », « je veux dire ».
pub const SELF_CORRECTIONS: &[&str] = &[
    "non pardon",
    "pardon",
    "enfin non",
    "non enfin",
    "je veux dire",
    "je me trompe",
    "je corrige",
    "je rectifie",
    "je me reprends",
    "ou plutot",
];

/// Determiners before a noun, folded: « votre dossier de jeudi » (see
/// `search::frame`).
pub const NOUN_DETERMINERS: &[&str] = &[
    "le", "la", "les", "l", "un", "une", "du", "des", "son", "sa", "ses", "votre", "vos", "notre", "nos", "leur",
    "leurs", "ce", "cet", "cette", "ces",
];

/// The first words of a claim a fact-check rates (« Affirmation : … »,
/// « Ce qui circule : … »), folded.
pub const RATED_CLAIM: &[&str] = &[
    "affirmation",
    "l affirmation",
    "rumeur",
    "la rumeur",
    "intox",
    "l intox",
    "ce qui circule",
];

/// A style guide's label for a wrong wording, shown to be avoided, at the
/// head of its sentence (« À éviter : la Russie a lancé 450 drones ») or
/// in the line that leads in to a list of them (« Ne pas écrire : »).
pub const WRONG_WORDINGS: &[&str] = &[
    "a eviter",
    "a proscrire",
    "ne pas ecrire",
    "n ecrivez pas",
    "incorrect",
    "formulation fautive",
    // Les modifications qu'une page de données a refusées (« Propositions
    // rejetées : »).
    "rejete",
    "propositions rejetees",
    "modifications rejetees",
];

/// Adjectives of order beside a small count that stands for a noun left
/// out (folded): « les deux premiers », « lors des deux précédents ».
pub const ORDER_ADJECTIVES: &[&str] = &[
    "premiers",
    "premieres",
    "precedents",
    "precedentes",
    "derniers",
    "dernieres",
    "anterieurs",
    "anterieures",
];

/// Words that cannot be a noun after a count (folded): what follows a count
/// whose noun is left out (« les deux précédents ont eu lieu à Istanbul »).
pub const FUNCTION_WORDS: &[&str] = &[
    "a",
    "au",
    "aux",
    "de",
    "du",
    "des",
    "en",
    "dans",
    "sur",
    "avec",
    "pour",
    "par",
    "et",
    "ou",
    "mais",
    "qui",
    "que",
    "dont",
    "ont",
    "avaient",
    "avait",
    "sont",
    "etaient",
    "se",
    "s",
    "n",
    "ne",
    "tenus",
    "tenues",
    "organises",
    "organisees",
];

/// Phrases before a value that set its sentence in a bygone time, folded:
/// « Il fut un temps où une centaine de drones par nuit faisait la une ».
pub const BYGONE: &[&str] = &[
    "il fut un temps",
    "il fut une epoque",
    "il fut une periode",
    "a une epoque",
    "au debut de la guerre",
    "aux premiers mois de la guerre",
    "dans les premiers mois de la guerre",
    "au debut de l invasion",
];

/// The label of a link to another article, folded, as a paragraph's first
/// words: « Lire aussi : … », « À lire également : … ». The headline after
/// it is the other article's, not a claim of this one.
pub const CROSS_LINKS: &[&str] = &[
    "lire aussi",
    "a lire aussi",
    "lire egalement",
    "a lire egalement",
    "voir aussi",
    "a voir aussi",
    "sur le meme sujet",
    "notre article",
    "nos articles",
    "a relire",
    "relire",
    // A reader's comment is not the outlet's claim.
    "commentaire le plus",
    "meilleur commentaire",
];

/// Headings that stand alone on their line over a block of other
/// articles' headlines or of readers' comments, folded (see
/// `search::frame`): « Les plus lus » over a list, « Commentaires (143) ».
/// Only alone: « Commentaires du Kremlin… » opens a paragraph of the article.
pub const SECTION_HEADINGS: &[&str] = &[
    "a suivre",
    "les plus lus",
    "les plus partages",
    "videos suggerees",
    "nos autres videos",
    "dernieres infos",
    "dernieres actualites",
    "en continu",
    "commentaires",
    "reactions",
    "vous aimerez aussi",
    "sur le meme theme",
];

/// Phrases that say the sentence reports what a post on the social
/// networks or a rumour says (folded): « une capture d'écran partagée des
/// milliers de fois affirme que 700 drones… ». Before the value, anywhere
/// in its sentence.
pub const HEARSAY: &[&str] = &[
    "capture d ecran",
    "captures d ecran",
    "partagee des milliers de fois",
    "partage des milliers de fois",
    "partagees des milliers de fois",
    "partages des milliers de fois",
    "publication virale",
    "video virale",
    "message viral",
    "circule sur les reseaux",
    "circulent sur les reseaux",
    "circule en ligne",
    "circulent en ligne",
    "affirme a tort",
    "affirment a tort",
    "affirmait a tort",
    "pretend a tort",
    "pretendent a tort",
    "infox",
    "canular",
    // Ce que dit le texte en discussion (la page de discussion d'un wiki :
    // « L'infobox indique que Trump a donné 60 jours ») : cité pour être
    // vérifié, non affirmé.
    "l article indique",
    "l article dit",
    "l article affirme",
    "l infobox indique",
    "l infobox affiche",
    "l infobox dit",
    // Ce qu'écrit le texte qu'un rapport de relecture examine (« les
    // auteurs écrivent que… »).
    "les auteurs ecrivent",
    "les auteurs affirment",
    "les auteurs indiquent",
    "le manuscrit indique",
    "le manuscrit affirme",
    "la publication affirme",
    "le message affirme",
];

/// Words before a value that deny it or report it unconfirmed (folded):
/// « Moscou dément que 500 drones… », « il n'y a pas eu trois morts »,
/// « certains médias parlent de trois morts ».
pub const DENIALS: &[&str] = &[
    "dement",
    "dementent",
    "dementi",
    "dementait",
    "nie",
    "nient",
    "niait",
    "refute",
    "balaye les informations",
    "balaye les rumeurs",
    "n y a pas eu",
    // « il ne s'agissait pas de 600 drones »: what it was not.
    "ne s agit pas de",
    "ne s agissait pas de",
    "aucune preuve",
    "certains medias",
    "certains articles",
    "certaines depeches",
    "certaines informations",
    "non confirme",
    "non confirmes",
    "non confirmee",
    "non confirmees",
    "rumeur",
    "rumeurs",
    "a tort",
    "faussement",
    "erronement",
];

/// A participle after a value that denies it (folded): « trois morts,
/// aussitôt démenti par la mairie ». The past participle alone is left to
/// its phrase: « démenti » may be a noun (« un démenti »).
pub const DENIED_AFTER: &[&str] = &[
    "dementi par",
    "dementie par",
    "dementis par",
    "dementies par",
    "aussitot dementi",
    "aussitot dementie",
    "aussitot dementis",
    "aussitot dementies",
    "vite dementi",
    "vite dementie",
    "depuis dementi",
    "depuis dementie",
    "dementi depuis",
    "dementie depuis",
    "refute par",
    "refutee par",
];

/// Words that make a question a doubt (folded): « Était-ce vraiment
/// cinquante jours ? », « Trump aurait-il pu accorder 14 jours ? ».
pub const QUESTION_DOUBTS: &[&str] = &[
    "aurait",
    "auraient",
    "pourrait",
    "pourraient",
    "serait",
    "seraient",
    "devrait",
    "vraiment",
];

/// A condition (folded: « s'il » is `s il`, never the `s` of « s'était »),
/// which a plus-que-parfait after it makes a hypothesis: « si Trump avait
/// donné 100 jours ».
pub const CONDITIONS: &[&str] = &["si", "s il", "s ils"];

/// The auxiliary of a plus-que-parfait (folded). Not « était »: « si aucun
/// accord n'était trouvé dans 50 jours » is a threat's condition, not a
/// hypothesis about the past.
pub const PAST_PERFECT: &[&str] = &["avait", "avaient"];

/// Words that set a sentence up as a supposition (folded): « supposons
/// que le délai ait été de 60 jours », « par hypothèse ».
pub const SUPPOSITIONS: &[&str] = &[
    "supposons",
    "imaginons",
    "admettons",
    "par hypothese",
    "hypothetiquement",
    "contrefactuel",
];

/// Phrases that, anywhere in the sentence after a figure, say it is wrong
/// (folded): « Une réponse parlait de 600 drones. Les chiffres de l'armée de
/// l'air ne le confirment pas. »
pub const REFUTATIONS: &[&str] = &[
    "c est faux",
    "ce chiffre est faux",
    "ce bilan est faux",
    "est inexact",
    "ne le confirment pas",
    "ne le confirme pas",
    "ne confirment pas ce chiffre",
    "ne confirme pas ce chiffre",
    "ne corroborent pas",
    "ne corrobore pas",
    "rien ne vient etayer",
    "a ete dementi",
    "a ete dementie",
];

/// Phrases that, after a figure in its own sentence, say it was mistaken
/// for another (folded): « On a écrit 60 jours : c'est une confusion avec
/// le délai de l'Iran. » (Not in the next sentence, which tells its own.)
pub const CONFUSIONS: &[&str] = &[
    "c est une confusion",
    "c est une erreur",
    "une confusion avec",
    "confondu avec",
];

/// A fact-check's verdict, as the first word of the sentence after the
/// claim it rates (« FAUX. », « TROMPEUR. »), folded.
pub const VERDICTS: &[&str] = &[
    "verdict",
    "faux",
    "trompeur",
    "inexact",
    "intox",
    "infonde",
    "errone",
    "aucune preuve",
    "non prouve",
];

/// Verbs of an event taking place, folded, longest first (see
/// `search::frame`'s other subject: « Le gala aura lieu samedi » is the gala's day).
pub const EVENT_VERBS: &[&str] = &[
    "aura lieu",
    "a eu lieu",
    "avait lieu",
    "a lieu",
    "ont lieu",
    "auront lieu",
    "se tiendra",
    "se tient",
    "se tiendront",
    "s est tenu",
    "s est tenue",
    "se deroulera",
    "se deroule",
    "s est deroule",
    "s est deroulee",
];

/// Subject pronouns, folded, and relative ones: a verb of taking place
/// after one tells of the noun it stands for.
pub const SUBJECT_PRONOUNS: &[&str] = &[
    "il", "elle", "ils", "elles", "qui", "celle", "celui", "cela", "ce", "c", "laquelle", "lequel",
];

/// A quiz's prompt before a statement the reader is to rate (« Vrai ou
/// faux ? Trump a laissé 100 jours… »): the statement is put, not told,
/// whether the answer below keeps it or not.
pub const QUIZ_PROMPTS: &[&str] = &["vrai ou faux", "info ou intox", "intox ou info"];

/// Words of a quiz's lead-in (folded): a list after a line that asks
/// whether each item is true or false is a quiz's only when that line says
/// it is one ("Eight statements…", « Testez vos connaissances »).
pub const QUIZ_WORDS: &[&str] = &[
    "quiz",
    "affirmations",
    "questions",
    "reponses",
    "points",
    "score",
    "testez",
];

/// Connectives that may stand before a sentence's subject pronoun, folded
/// ("Then he announced…"): the pronoun is still the sentence's subject
/// (see `search::text::Analysis::passage_of`).
pub const PRONOUN_CONNECTIVES: &[&str] = &["puis", "mais", "et", "alors", "ensuite", "enfin", "or", "donc"];

/// Words of a correction note (folded, whole words): a line that
/// has one may withdraw a figure after one of [`WITHDRAWN_MARKERS`] («
/// Corrige le nombre de drones : 426, et non 246 »), which
/// `extract::drop_corrected` leaves out of the whole article.
pub const CORRECTION_WORDS: &[&str] = &[
    "corrige",
    "corrigee",
    "corriges",
    "corrigeons",
    "corrigent",
    "corrigeant",
    "rectifie",
    "rectifiee",
    "rectificatif",
    "rectification",
    "erratum",
    "correction",
    // A checker's reply on a draft (« c'est bien 426, et non 462 : erreur
    // de frappe »).
    "par erreur",
    "erreur de frappe",
    "faute de frappe",
    "verification",
];

/// What stands right before a figure a correction withdraws, folded.
pub const WITHDRAWN_MARKERS: &[&str] = &["et non", "et non pas", "non pas", "au lieu de", "plutot que"];

/// Verbs of a figure that grows (folded): « le bilan s'est alourdi », "the
/// toll rose". A sentence with one told "then" or « ensuite » tells of the
/// same event a little later, not of another (see
/// `search::dates::another_event_marked`).
pub const GROWTH_WORDS: &[&str] = &[
    "alourdi",
    "alourdit",
    "alourdie",
    "grimpe",
    "grimpait",
    "monte",
    "montait",
    "augmente",
    "actualise",
    "revu",
];

/// A draft and a request to check it, folded: an e-mail paragraph holding
/// a word of each leads in to the draft it quotes (see
/// `search::text::drafts`).
pub const DRAFT_WORDS: &[&str] = &["brouillon", "paragraphe"];
pub const CHECK_WORDS: &[&str] = &["verifier", "verifies", "verifiez", "relire", "relis", "relisez"];

/// Words that open a question on a word, not on whether a statement holds
/// (folded): « Pourquoi Trump a-t-il choisi 50 jours ? » takes the 50 days
/// as given.
pub const QUESTION_WORDS: &[&str] = &[
    "pourquoi", "comment", "quand", "ou", "combien", "que", "qu", "quel", "quelle", "quels", "quelles", "qui", "quoi",
    "lequel", "laquelle",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_accents_case_and_odd_spaces() {
        assert_eq!(fold("  Près\u{202F}de\u{A0}50 Jours "), "pres de 50 jours");
        assert_eq!(fold("aujourd’hui"), "aujourd'hui");
        assert_eq!(fold("Œufs – Août"), "oeufs - aout");
        // Turkish letters, and the dot that İ keeps when lowered.
        assert_eq!(fold("Çırağan, İstanbul, Beşiktaş"), "ciragan, istanbul, besiktas");
    }

    #[test]
    fn lenient_regex_matches_accented_unaccented_and_spaced_forms() {
        let re = regex::Regex::new(&format!("(?i)^{}$", lenient("jusqu'à"))).unwrap();
        assert!(re.is_match("jusqu’à"));
        assert!(re.is_match("JUSQU'A"));
        assert!(re.is_match("Jusqu'À"));
        let re = regex::Regex::new(&format!("(?i)^{}$", lenient("près de"))).unwrap();
        assert!(re.is_match("près\u{A0}de"));
        assert!(re.is_match("pres de"));
        // Only the accented letters get a class: a stray accent is no match.
        let re = regex::Regex::new(&format!("(?i)^{}$", lenient("mardi"))).unwrap();
        assert!(!re.is_match("mârdi"));
    }

    #[test]
    fn table_entries_compare_folded() {
        assert!(eq_folded("février", "fevrier"));
        assert!(eq_folded("août", "aout"));
        assert!(!eq_folded("août", "aou"));
        assert!(!eq_folded("mai", "mais"));
        for (m, _) in MONTHS {
            assert!(eq_folded(m, &fold(m)));
        }
    }
}
