//! The English `{date}` fragment, built in layers that the normaliser
//! (`crate::normalize::english::date`) peels off in the same order: an
//! anchor (`the eve of`, `the week of`), a clock time before the day (`at
//! 3pm on`), `early`/`late`, `on`, the day itself, and a time of day after
//! it (`evening`, `at 10am`).

use super::grammar::tables;
use super::grammar::{DASH, SEP};

/// A four-digit year.
pub(super) const YEAR: &str = r"\b[12][0-9]{3}\b";

/// A day glued to its month's three capitals, two figures of its year
/// glued after them, as cables, military logs and air notices write dates
/// in both languages (`21JUL25`, `21JUL`, `8-9JUL`, « du 20 au 21JUL »):
/// NATO's English abbreviations. Capitals only: in running text a figure
/// glued to `jul` or `may` is no date. Groups: `d0` (a span's first day),
/// `d`, `m`, `y`; French's article before it (« le 21JUL »).
pub(crate) const COMPACT_DATE: &str = r"(?:\b(?:le|du|au)\s+)?(?:\b(?P<d0>3[01]|[12][0-9]|0?[1-9])(?:\s*-\s*|\s+(?:au|et|to|and)\s+))?\b(?P<d>3[01]|[12][0-9]|0?[1-9])(?-i:(?P<m>JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC))(?P<y>[0-9]{2})?\b";
const UNITS: &str = "one|two|three|four|five|six|seven|eight|nine";
const TEENS: &str = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
const TENS: &str = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
const ORD_UNITS: &str = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth";
const ORD_TEENS: &str =
    "tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth";
/// Zones after a clock time.
const ZONE: &str = r"\b(?:gmt|utc|bst|cet|cest|est|edt|et|pst|pdt|pt|cst|cdt|msk|ist|jst|local\s+time)\b";

/// A year in words: `nineteen seventy-eight`, `nineteen oh one`, `two
/// thousand and eighteen`, `twenty twenty-five`.
fn year_words() -> String {
    let below_100 = format!(r"(?:(?:{TENS})(?:{SEP}(?:{UNITS}))?|{TEENS})");
    format!(
        r"(?:\b(?:eighteen|nineteen|twenty)\s+(?:(?:oh|zero)\s+(?:{UNITS})|{below_100}|hundred)\b|\btwo\s+thousand(?:\s+and)?(?:\s+(?:{below_100}|{UNITS}))?\b)"
    )
}

/// A clock time: `3pm`, `10:30 a.m.`, `15:00`, `noon`, `six o'clock`.
fn clock() -> String {
    format!(
        r"(?:\b(?:1[0-2]|0?[1-9])(?:[:.][0-5][0-9])?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\b(?:[01]?[0-9]|2[0-3]):[0-5][0-9]\b|\b(?:noon|midnight|midday)\b|\b(?:1[0-2]|0?[1-9]|{UNITS}|ten|eleven|twelve)\s+o['’]\s?clock\b)(?:\s+{ZONE})?"
    )
}

/// A clock time or two (`from 9am to 11am`), after the words that may
/// stand before them.
fn clock_span() -> String {
    let c = clock();
    format!(
        r"(?:(?:at|around|about|by|from|until|till|before|after|between)\s+)?{c}(?:\s*(?:{DASH}|to|and|until|till)\s*{c})?"
    )
}

/// A part of the day after the day: `evening`, `in the morning`, `at
/// night`, `overnight`.
const DAY_PART: &str = r"(?:(?:in\s+the\s+|during\s+the\s+)?(?:morning|afternoon|evening|night|lunchtime)\b|at\s+(?:night|dawn|dusk|noon|midnight|midday|lunchtime)\b|overnight\b)";

pub(super) fn date() -> String {
    let wd = format!(r"\b(?:{})\b", tables::weekdays());
    let wda = tables::weekday_abbreviations();
    // Before a date, an abbreviated weekday needs no dot (`Wed 22 Jan`).
    let wdx = format!(r"(?:{wd}|\b(?:{wda})\b\.?),?\s*");
    let month = format!(r"\b(?:{})\b\.?", tables::months());
    let day_ord = format!(r"(?:(?:twenty|thirty){SEP}?(?:{ORD_UNITS})|{ORD_UNITS}|{ORD_TEENS}|twentieth|thirtieth)");
    let day_card = format!(r"(?:(?:twenty){SEP}(?:{UNITS})|thirty(?:{SEP}one)?|twenty|{TEENS}|{UNITS})");
    let daynum = r"\b(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?\b";
    // A day: `23`, `23rd`, `twenty-third`.
    let day = format!(r"(?:{daynum}|\b{day_ord}\b)");
    let year = format!("(?:{YEAR}|{})", year_words());
    let to = format!(r"(?:\s*{DASH}\s*|\s+(?:to|and|through|thru|until|till)\s+)");
    // `23 July 2025`, `the 23rd of July`, `Wednesday, 23 July`, `24-25 July`, `24 July to 2 August`.
    let day_month = format!(
        r"(?:\b(?:between|from)\s+)?(?:\bthe\s+)?(?:{wdx}(?:the\s+)?)?{day}\.?(?:(?:(?:\s+of)?\s+{month})?{to}(?:the\s+)?(?:{wdx})?{day})?(?:\s+of)?(?:\s*{DASH}\s*|\s*){month}(?:,?\s+{year})?"
    );
    // `July 23`, `July 23, 2025`, `Wednesday, July 23`, `Oct. 2`, `July 24-25`, `July 24 to August 2`,
    // `May twenty-first`; a day in cardinal words only with its year (`in May twenty people…`).
    // `Oct2`: a day glued to its month.
    let glued = format!(
        r"\b(?:{})(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?\b",
        tables::months()
    );
    let month_day = format!(
        r"(?:\b(?:between|from)\s+(?:{daynum}{to})?)?(?:{wdx})?(?:{month}\s*(?:[-/]\s*)?(?:the\s+)?{day}|{glued})(?:{to}(?:{month}\s*)?(?:the\s+)?{day})?(?:,?\s+{year})?|(?:{wdx})?{month}\s+(?:the\s+)?\b{day_card}\b,?\s+{year}"
    );
    // `Thursday the 21st`, `the 20th of next month`, `on the 27th`.
    let day_alone = format!(
        r"{wd},?\s+the\s+(?:{daynum}|\b(?:{day_ord}|{day_card})\b)|(?:\bthe\s+)?{day}\s+of\s+(?:this|next|last|previous|the\s+next|the\s+previous)\s+month\b|\bon\s+the\s+(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)\b"
    );
    let abbr3 = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec";
    let numeric = format!(
        r"\b(?:[0-9]{{4}}[-/.][0-9]{{1,2}}[-/.][0-9]{{1,2}}|[0-9]{{1,2}}[-/.][0-9]{{1,2}}[-/.](?:[0-9]{{4}}|[0-9]{{2}})|[0-9]{{4}}[-/](?:{abbr3})[-/][0-9]{{1,2}}|[0-9]{{4}}[-/](?:1[0-2]|0?[1-9])|(?:1[0-2]|0?[1-9])[-/][0-9]{{4}}|[0-9]{{1,2}}/[0-9]{{1,2}})\b"
    );
    // `Friday`, `this Friday`, `next Friday`, `Friday next week`, `next week on Friday`, `Fri.`.
    let weekday = format!(
        r"(?:\b(?:this\s+coming|this\s+past|this|next|last|coming|past)\s+)?(?:{wd}|\b(?:{wda})\.)(?:,?\s+(?:of\s+)?(?:this|next|last)\s+week\b)?|\b(?:this|next|last)\s+week(?:\s+on|,)?\s+{wd}"
    );
    let relday = r"\b(?:today|tonight|yesterday|tomorrow|tmrw|this\s+(?:morning|afternoon|evening)|last\s+night)\b";
    let holidays = tables::holidays();
    let holiday = format!(
        r"\b(?:{})\s+new\s+year\b|\b(?:{holidays})(?:\s+(?:{}))?\b(?:\s+{YEAR})?",
        tables::holiday_prefixes(),
        tables::holiday_qualifiers()
    );
    let compact = crate::surface::finder(COMPACT_DATE);
    let day_forms = format!("(?:{compact}|{day_month}|{month_day}|{day_alone}|{numeric}|{weekday}|{relday}|{holiday})");
    // Layers around the day.
    let anchor = r"(?:\bthe\s+(?:eve|day\s+before|day\s+after|night\s+before|morning|afternoon|evening|night|week)\s+of\s+|\b(?:the\s+)?(?:day|night)\s+(?:before|after)\s+|\b(?:the\s+)?week\s+(?:commencing|starting|beginning)(?:\s+on)?\s+|\bw/c\s+)";
    let lead_clock = format!(r"(?:{}(?:\s+on)?\s+)", clock_span());
    let early = r"(?:\b(?:early|late)\s+(?:on\s+)?)";
    let tod = format!(r"(?:,?\s+{})?(?:\s+{DAY_PART})?", clock_span());
    let dated = format!(r"{anchor}?{lead_clock}?{early}?(?:\bon\s+)?{day_forms}{tod}");

    // Offsets from the publication: `two days ago`, `in 3 weeks`, `two weeks from now`,
    // `four days from yesterday`, `within 10 days`, `1 month and 21 days ago`.
    let part = tables::offset_part();
    let parts = format!(r"(?:{part}(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+))*{part}");
    let offset = format!(
        r"{parts}\s+(?:ago\b|from\s+(?:now|today|tomorrow|yesterday)\b|after\s+(?:today|tomorrow)\b|before\s+(?:today|yesterday|tomorrow)\b)|\b(?:in|within)\s+(?:the\s+next\s+)?{parts}"
    );
    // Spans before or after the publication: `the past three days`, `the last 24 hours`,
    // `the next two weeks`, `the coming days`, `in recent weeks`. `the next day` (of the
    // story) is not one, nor `last` without `the` (`will last 50 days` is the verb);
    // a span followed by `of` (`the last days of June`) is matched, to be read as no date.
    let few = format!(r"(?:[0-9]{{1,3}}|{}|few|couple(?:\s+of)?)", tables::small_pair());
    let units = r"(?:days?|weeks?|months?|years?|quarters?|hours?|minutes?|decades?)\b";
    let plural_units = r"(?:days|weeks|months|years|quarters|hours|minutes|decades)\b";
    let span = format!(
        r"(?:(?:\bthe\s+last|(?:\bthe\s+)?\b(?:past|previous))\s+(?:{few}\s+)?{units}|(?:\bthe\s+)?\b(?:next|coming)\s+(?:{few}\s+)?{plural_units}|\bthe\s+coming\s+(?:week|month|year)\b|\bthe\s+(?:week|month|year)\s+ahead\b|\b(?:in\s+)?recent\s+{plural_units})(?:\s+of\b)?"
    );
    let relperiod = r"\b(?:the\s+(?:week|month|year|weekend)\s+after\s+(?:the\s+)?next|(?:this|current|next|last|upcoming)\s+(?:week|month|year|weekend|decade)|(?:this\s+past|this\s+coming|the\s+past|the\s+coming)\s+weekend|the\s+weekend|(?:earlier|later)\s+(?:this|in\s+the)\s+(?:week|month|year)|(?:the\s+)?rest\s+of\s+(?:the\s+|this\s+)?(?:week|month|year))\b";
    let seasons = tables::seasons();
    let season = format!(
        r"\b(?:the\s+)?arab\s+spring\b|(?:\b(?:this|last|next|the|in\s+the|in|during\s+the|during|early|late)\s+)?\b(?:spring|summer|autumn|winter)\b(?:\s+(?:of\s+)?{YEAR}(?:\s*[-/]\s*(?:{YEAR}|[0-9]{{2}}\b))?)?|\b(?:this|last|next)\s+fall\b|\b(?:in\s+the\s+)?fall\s+(?:of\s+)?{YEAR}|\bin\s+the\s+fall\b|\b(?:{seasons})\s+{YEAR}"
    );
    // `the first Friday of July`, `the last week of May`, `the second half of 2025`,
    // `the third quarter of 2024`, `Q3 2024`.
    let ranks = r"(?:first|second|third|fourth|fifth|last|final|1st|2nd|3rd|4th|5th)";
    let of_target = format!(r"(?:{month}(?:,?\s+{YEAR})?|(?:this|next|last|previous|the)\s+(?:month|year)\b|{YEAR})");
    let nth = format!(
        r"(?:\bthe\s+)?\b{ranks}\s+(?:{wd}|day\b|week\b|weekend\b|fortnight\b|half\b)\s+(?:of|in)\s+{of_target}|(?:\bthe\s+)?\b{ranks}\s+quarter\s+(?:of\s+)?(?:{YEAR}|(?:this|next|last|the)\s+year\b)|(?:\b(?:in|during)\s+)?(?:\b[qh][1-4]\b(?:\s*{YEAR}|\s+(?:this|next|last)\s+year\b)?|\b[12][0-9]{{3}}\s*[qh][1-4]\b)"
    );
    // `early July`, `mid-2025`, `the end of the month`, `the start of next year`, `late last week`.
    let months = tables::months();
    let part_target = format!(
        r"(?:\b(?:{months})\b\.?(?:,?\s+(?:of\s+)?{YEAR})?|{YEAR}|(?:this|next|last)\s+(?:week|month|year)\b|(?:the\s+)?(?:week|month|year)\b)"
    );
    let part_of = format!(
        r"(?:\b(?:early|mid|late|end)(?:\s*{DASH}\s*|\s+)|\b(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(?:the\s+month\s+of\s+)?){part_target}"
    );
    // A month alone: full names, but `May`, `March`, `August` only capitalised or with a
    // word that makes them months (`in may`, `last march`) or a year.
    let month_full = "january|february|april|june|july|september|october|november|december";
    let month_any = format!(r"\b(?:{month_full}|may|march|august)\b");
    let month_alone = format!(
        r"(?:\b(?:{month_full})\b|\b(?-i:May|March|August|MAY|MARCH|AUGUST)\b|\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.)"
    );
    let abbr = r"\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)";
    let monthp = format!(
        r"(?:(?:\b(?:in|during)\s+(?:the\s+month\s+of\s+)?|\bthe\s+month\s+of\s+|\b(?:last|next|this|coming|past)\s+)(?:{month_any}|{abbr}\b\.?)|{month_alone})(?:\s*,?\s+(?:of\s+)?{year}|\s+(?:this|next|last)\s+year\b)?|{month_any}\s*,?\s+{year}|(?:\b(?:in|during)\s+)?\b(?:19|20)[0-9]{{2}}\s*,?\s+(?:\b(?:{month_full})\b|\b(?-i:May|March|August)\b|{abbr}\b\.?)"
    );
    // `in 2025`; `2014-2018`, `from 2014 to 2018`, `2019-20`.
    let yearp = format!(
        r"(?:\b(?:between|from|in|during)\s+)?\b(?:19|20)[0-9]{{2}}(?:\s*{DASH}\s*|\s+(?:to|and|through|until|till)\s+)(?:(?:19|20)[0-9]{{2}}|[0-9]{{2}})\b|(?:\b(?:in|during)\s+)?\b(?:19|20)[0-9]{{2}}\b"
    );
    let decade = r"\b(?:the\s+)?(?:1[89]|20)[0-9]0['’]?s\b|\bthe\s+['’]?[0-9]0['’]?s\b|\bthe\s+(?:nineteen\s+)?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b";
    // `between March and June`, `from July 2024 to May 2025`, `between January 1st 2015 and
    // Feb 5th 2018`, `from Friday the 11th until Tuesday the 15th`, `between Jan 22 and now`.
    let endpoint = format!(
        r"(?:{month}\s*{daynum}(?:,?\s+{YEAR})?|(?:\bthe\s+)?{daynum}(?:\s+of)?\s+{month}(?:,?\s+{YEAR})?|{wd},?\s+the\s+{daynum}|(?:{month_any}|{abbr}\b\.?)(?:,?\s+{YEAR})?|{YEAR}(?:,?\s+(?:{month_any}|{abbr}\b\.?))?|\b(?:today|now|tomorrow|yesterday)\b|{weekday})"
    );
    let date_range =
        format!(r"\b(?:between|from)\s+{endpoint}(?:\s*{DASH}\s*|\s+(?:to|and|through|thru|until|till)\s+){endpoint}");
    // `the 21st century`, `the nineteenth century`.
    let century = format!(r"(?:\bthe\s+)?(?:\b[12]?[0-9](?:st|nd|rd|th)|\b{day_ord})\s+century\b");
    format!(
        r"(?:{date_range}|{nth}|{century}|{dated}|{offset}|{relperiod}|{span}|{season}|{part_of}|{monthp}|{yearp}|{decade})"
    )
}
