//! An article's words, sentences and paragraphs, read once for every frame.
//!
//! Words are runs of letters and digits, folded (lower case, accents
//! removed) into one buffer, so that a frame's words compare by plain string
//! equality: `D’ici` is the tokens `d` and `ici`. Sentences end at `.`, `!`,
//! `?` and `…` followed by a capital, a digit or a quote, but not after an
//! abbreviation (`M.`, `Mr.`, `Mme.`, initials) nor between digits (`1.000`);
//! at a blank line; and at a line break that follows a sentence's end or
//! comes before a capital (a headline, a list item). A line break inside a
//! sentence (hard-wrapped Markdown) does not end it. Paragraphs end at blank
//! lines and at line breaks that end a sentence.

use crate::french::vocab::push_folded;

/// One word of the article.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    /// Byte offsets in the text.
    pub start: u32,
    pub end: u32,
    /// Where its folded form lies in [`Analysis::folded`].
    folded_start: u32,
    folded_end: u32,
    pub sentence: u32,
    pub paragraph: u32,
    /// A comma, a semicolon, an em dash or a parenthesis stands between the
    /// previous word and this one: where a clause or an aside (`one person,
    /// a man in his sixties, was killed`) opens or closes.
    pub after_comma: bool,
    /// A colon stands between the previous word and this one: a key
    /// figure's gloss follows (« 2 : le nombre de séances »).
    pub after_colon: bool,
    /// A semicolon stands between the previous word and this one: an
    /// independent clause, with its own subject, opens.
    pub after_semicolon: bool,
    /// Only a comma stands between the previous word and this one (no
    /// dash, parenthesis or other mark): a list's items (« 10, 12 jours »).
    pub after_comma_alone: bool,
    /// It opens with a capital: a name (`EU`, `Iran`), or a sentence's
    /// first word.
    pub capitalised: bool,
}

/// The words of a text, with their sentences and paragraphs.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub tokens: Vec<Token>,
    folded: String,
    /// For each sentence, its tokens: `first..end`.
    pub sentences: Vec<(u32, u32)>,
    /// For each paragraph, its tokens.
    pub paragraphs: Vec<(u32, u32)>,
    /// For each paragraph, whether it is one line of a block of short
    /// lines (see [`line_items`]): a list of links under « Lire aussi »,
    /// "Up next", a comments heading.
    pub line_item: Vec<bool>,
    /// For each paragraph, whether its line opens with a list mark (`- `,
    /// `* `, `• `, `1.`): an item of a list, which tells of what the line
    /// before the list leads in to.
    pub list_item: Vec<bool>,
    /// For each sentence, whether it asks: it ends with `?`.
    pub asks: Vec<bool>,
    /// For each paragraph, whether it is a draft quoted for checking in an
    /// e-mail thread, a post quoted under readers' context or a
    /// translation's target flagged as wrong (see [`drafts`]).
    pub draft: Vec<bool>,
    /// The sentences that head an answer across a blank line: an
    /// interview's question or bold prompt, in order.
    prompts: Vec<u32>,
    /// For each sentence, whether it refers back to a person with a subject
    /// pronoun (see [`refers_back`]).
    pub refers_back: Vec<bool>,
    /// Where the frames' words occur: `(token, lexicon id)`, by token
    /// (see [`Analysis::find_words`]).
    pub hits: Vec<(u32, u32)>,
}

/// The longest aside [`Analysis::aside_after`] steps over, in words.
pub const ASIDE_WORDS: usize = 8;

/// Words that end with a dot without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "m", "mm", "mr", "mrs", "ms", "mme", "mmes", "mlle", "dr", "pr", "prof", "me", "mgr", "st", "ste", "gen", "gal",
    "col", "cdt", "lt", "sgt", "capt", "gov", "sen", "rep", "rev", "jr", "sr", "cf", "etc", "ex", "env", "av", "bd",
    "no", "n", "vol", "art", "p", "pp", "ca", "vs", "inc", "ltd", "co", "corp", "dept", "tot", "jan", "janv", "feb",
    "fev", "avr", "apr", "juil", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k",
];

/// For each paragraph of `a`, whether it is one line of a block of short
/// lines: it follows the paragraph before it across a single line break (no
/// blank line between) and its one line reads as a headline or a list
/// item, with a list mark before it (`-`, `•`, `→`, `>`, `1.`) or no full
/// stop after it. Under a label that stands alone on its line (« LIRE
/// AUSSI », "Up next"), such lines are the other articles' headlines.
///
/// Also, for each paragraph, whether it opens with a list mark
/// ([`Analysis::list_item`]).
fn line_items(text: &str, a: &Analysis) -> (Vec<bool>, Vec<bool>) {
    let mut items = Vec::with_capacity(a.paragraphs.len());
    let mut listed = Vec::with_capacity(a.paragraphs.len());
    for (k, &(first, end)) in a.paragraphs.iter().enumerate() {
        if first >= end {
            items.push(false);
            listed.push(false);
            continue;
        }
        let (line_start, start) = line_before(text, a, first as usize);
        let opening = text[line_start..].trim_start();
        listed.push(
            ["- ", "* ", "• ", "· ", "– "].iter().any(|m| opening.starts_with(m))
                || opening.split_once(['.', ')']).is_some_and(|(n, rest)| {
                    !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()) && rest.starts_with(' ')
                }),
        );
        if k == 0 {
            items.push(false);
            continue;
        }
        let previous_end = a.tokens[a.paragraphs[k - 1].1 as usize - 1].end as usize;
        let last_end = a.tokens[end as usize - 1].end as usize;
        let joined = text[previous_end..start].matches('\n').count() == 1;
        let line_end = text[last_end..].find('\n').map_or(text.len(), |i| last_end + i);
        let one_line = !text[start..last_end].contains('\n');
        let line = text[line_start..line_end].trim();
        let marked = line.starts_with(['-', '*', '•', '→', '>', '·', '–', '—', '▶', '►'])
            || line
                .split_once(['.', ')'])
                .is_some_and(|(n, _)| !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()));
        let stopped = line.trim_end_matches(['*', '_', ' ']).ends_with(['.', '!', '…']);
        items.push(joined && one_line && (marked || !stopped));
    }
    (items, listed)
}

/// For each paragraph, whether it is a draft quoted for checking: an
/// e-mail thread quotes (`> `, `>> `) a paragraph asking for a check of a
/// draft (« tu peux vérifier ce paragraphe ? », "Draft top, please
/// check:"), then the draft, at the same depth of quotation, until the
/// quotation ends. A reply may correct any of its figures: they are the
/// draft's, not the thread's. A post quoted under readers' context
/// ([`checked_posts`]) and a translation's target a reviewer flags as wrong
/// ([`flagged_targets`]) are read the same way.
fn drafts(text: &str, a: &Analysis) -> Vec<bool> {
    let mut drafts = checked_posts(text, a);
    for (draft, flagged) in drafts.iter_mut().zip(flagged_targets(text, a)) {
        *draft |= flagged;
    }
    // Most texts quote nothing; a thread has its headers (`From:`, « De : »,
    // "wrote:", « a écrit : »).
    let thread = [
        "From:",
        "De :",
        "De:",
        "Sent:",
        "Envoyé :",
        "wrote:",
        "a écrit :",
        "a écrit:",
    ];
    if !(text.contains("\n>") || text.starts_with('>')) || !thread.iter().any(|h| text.contains(h)) {
        return drafts;
    }
    let depth = |p: usize| {
        let (first, end) = a.paragraphs[p];
        if first >= end {
            return 0;
        }
        let (line_start, start) = line_before(text, a, first as usize);
        text[line_start..start].bytes().filter(|&b| b == b'>').count()
    };
    // A short request: a draft and a word of checking, with a question or
    // a please (« Brouillon : tu peux vérifier ? », "Draft top, please check:").
    let asks_check = |p: usize| {
        use crate::{english::vocab as en, french::vocab as fr};
        let (first, end) = a.paragraphs[p];
        let words: Vec<&str> = (first as usize..end as usize).map(|i| a.word(i)).collect();
        let has = |set: &[&str]| words.iter().any(|w| set.contains(w));
        let after_last = a.tokens.get(end as usize).map_or(text.len(), |t| t.start as usize);
        let tail = &text[a.tokens[end as usize - 1].end as usize..after_last];
        let request = tail.contains('?') || has(&["please", "pls", "can", "could", "peux", "pouvez", "merci", "stp"]);
        words.len() <= 20
            && request
            && ((has(en::DRAFT_WORDS) && has(en::CHECK_WORDS)) || (has(fr::DRAFT_WORDS) && has(fr::CHECK_WORDS)))
    };
    let mut lead: Option<usize> = None;
    for (p, draft) in drafts.iter_mut().enumerate() {
        let d = depth(p);
        match lead {
            Some(l) if d == l && d > 0 => *draft = true,
            Some(l) if d < l => lead = None,
            _ => {}
        }
        if lead.is_none() && d > 0 && asks_check(p) {
            lead = Some(d);
        }
    }
    drafts
}

/// For each paragraph, whether it is a post quoted under a context note:
/// on a page whose readers add context to a viral post ("Readers added
/// context", « Des lecteurs ont ajouté du contexte », a community note), a
/// paragraph that opens with a quotation mark after one that leads in to
/// the post, or a post told by its label ("POST B — …"), is the post's own
/// words, which the note may refute (« « CETTE NUIT : 728 drones… » »).
/// Like a draft quoted for checking, its figures are the post's, not the
/// page's.
fn checked_posts(text: &str, a: &Analysis) -> Vec<bool> {
    let mut posts = vec![false; a.paragraphs.len()];
    const NOTES: &[&str] = &[
        "added context",
        "community note",
        "ajouté du contexte",
        "ajouté de contexte",
        "note de contexte",
        "notes de contexte",
        "note de la communauté",
        "notes de la communauté",
    ];
    if !text.contains("ontext") && !text.contains("ommunity") && !text.contains("ommunauté") {
        return posts;
    }
    let page = text.to_lowercase();
    if !NOTES.iter().any(|n| page.contains(n)) {
        return posts;
    }
    for p in 0..posts.len() {
        let (first, end) = a.paragraphs[p];
        if first >= end {
            continue;
        }
        let (line_start, start) = line_before(text, a, first as usize);
        // Past a list's mark (« — « Le délai… » — évaluée "pas utile" »).
        let opening = text[line_start..start]
            .trim()
            .trim_start_matches(['-', '—', '–', '*', '•', ' ']);
        let quoted = matches!(opening.chars().next(), Some('«' | '“' | '"'));
        // A quote is the post's when the paragraph before leads in to a
        // post (« Publication d'origine (@veille_est…) : », "Original
        // post:") or is another quoted note; not an official's words the
        // page cites ("“Russia launched 426 drones,” the air force said").
        let leads_in = p > 0 && {
            let (l0, l1) = a.paragraphs[p - 1];
            l0 < l1 && {
                let before =
                    text[a.tokens[l0 as usize].start as usize..a.tokens[l1 as usize - 1].end as usize].to_lowercase();
                ["@", "post", "publication", "tweet", "message", "note"]
                    .iter()
                    .any(|w| before.contains(w))
            }
        };
        // Or a post told by its label: "POST B — video clip captioned…".
        let labelled = ["POST ", "Post ", "Post:", "TWEET", "Tweet "]
            .iter()
            .any(|l| text[start..].starts_with(l));
        // (A list of quoted notes: each after the one before.)
        let after_post = p > 0 && posts[p - 1];
        posts[p] = (quoted && (leads_in || after_post)) || labelled;
    }
    posts
}

/// For each paragraph, whether it is a translation's target that a
/// reviewer flags as wrong: a line labelled as the target (`TGT:`,
/// « Cible : », "Translation:") followed, in the same block of lines, by
/// an error line that names a fault of sense or figures (« Catégorie :
/// chiffre mal traduit », "Error: mistranslation, weekday"). Its figures
/// are the translator's slip, which the report quotes in order to correct
/// it (the source line and the reviewer's fix say the fact). A target
/// flagged for style only ("Error: calque (minor)") keeps its figures.
fn flagged_targets(text: &str, a: &Analysis) -> Vec<bool> {
    const TARGETS: &[&str] = &[
        "tgt",
        "target",
        "target text",
        "cible",
        "texte cible",
        "traduction",
        "translation",
    ];
    const ERRORS: &[&str] = &[
        "error",
        "errors",
        "erreur",
        "erreurs",
        "categorie",
        "category",
        "issue",
        "issues",
        "probleme",
    ];
    const FAULTS: &[&str] = &[
        "mistransl",
        "mis-transl",
        "mal tradui",
        "contresens",
        "inversion",
        "inverse",
        "transpos",
        "reversed",
        "wrong",
        "incorrect",
        "erron",
        "faux",
        "fausse",
    ];
    let mut flagged = vec![false; a.paragraphs.len()];
    // Most texts are no translation review: an error line's label first.
    if ![
        "Error",
        "error",
        "ERROR",
        "Erreur",
        "erreur",
        "Catégorie",
        "Category",
        "Issue",
        "Problème",
    ]
    .iter()
    .any(|l| text.contains(l))
    {
        return flagged;
    }
    // A line's label, folded, if it opens with one: "**TGT**: …" → "tgt".
    let label = |line: &str| -> Option<String> {
        let line = line.trim_start_matches(['-', '*', '•', '>', ' ', '\t']);
        let head = &line[..line.find(':')?];
        (head.len() <= 24).then(|| crate::french::fold(head.trim_end_matches(['*', ' ', '\u{a0}'])))
    };
    for (p, flag) in flagged.iter_mut().enumerate() {
        let (first, end) = a.paragraphs[p];
        if first >= end {
            continue;
        }
        let (line_start, _) = line_before(text, a, first as usize);
        let line_end = text[line_start..].find('\n').map_or(text.len(), |i| line_start + i);
        if !label(&text[line_start..line_end]).is_some_and(|l| TARGETS.contains(&l.as_str())) {
            continue;
        }
        // The block's next few lines, up to a blank one.
        *flag = text[line_end..]
            .lines()
            .skip(1)
            .take(4)
            .take_while(|l| !l.trim().is_empty())
            .any(|l| {
                label(l).is_some_and(|head| ERRORS.contains(&head.as_str()))
                    && FAULTS.iter().any(|f| crate::french::fold(l).contains(f))
            });
    }
    flagged
}

/// Where the line of token `first` starts, and where the token does.
fn line_before(text: &str, a: &Analysis, first: usize) -> (usize, usize) {
    let start = a.tokens[first].start as usize;
    (text[..start].rfind('\n').map_or(0, |i| i + 1), start)
}

/// Whether the tokens from `first` on, a sentence that has just ended, only
/// tell a day, as a dateline or a caption's first words do: "21 July.",
/// « Kyiv, 19 juillet. », « Lundi 21 juillet, au soir. ». The sentence after
/// it tells what happened that day, so the two are read as one: its words
/// stand near the day (« Kyiv, 19 juillet. Dans son allocution du soir,
/// Zelensky propose… »).
fn tells_only_a_day(text: &str, a: &Analysis, first: usize) -> bool {
    use crate::{english::vocab as en, french::vocab as fr};
    // Words a dateline holds besides its day, month, year and place.
    const PLAIN: &[&str] = &[
        "le",
        "la",
        "l",
        "du",
        "de",
        "au",
        "en",
        "dans",
        "the",
        "on",
        "in",
        "of",
        "at",
        "soir",
        "matin",
        "nuit",
        "soiree",
        "matinee",
        "evening",
        "morning",
        "night",
        "afternoon",
        "early",
        "late",
    ];
    let tokens = a.tokens.get(first..).unwrap_or_default();
    if tokens.is_empty() || tokens.len() > 6 {
        return false;
    }
    let (mut day, mut month) = (false, false);
    for (k, t) in tokens.iter().enumerate() {
        let w = a.word(first + k);
        let figure = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &w[figure.len()..];
        if super::values::is_month_name(w) {
            month = true;
        } else if !figure.is_empty()
            && figure.len() <= 2
            && figure.bytes().all(|b| b.is_ascii_digit())
            && matches!(suffix, "" | "er" | "st" | "nd" | "rd" | "th")
            && figure.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
        {
            day = true;
        } else {
            let year = w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
            let plain = fr::WEEKDAYS.contains(&w) || en::WEEKDAYS.contains(&w) || PLAIN.contains(&w);
            // A place before the day: « Kyiv, 19 juillet ».
            let place = !(day || month) && text[t.start as usize..].starts_with(char::is_uppercase);
            if !(year || plain || place) {
                return false;
            }
        }
    }
    day && month
}

/// Whether `c` belongs to a word: a letter or a digit, but not the
/// modifier-letter apostrophe `ʼ` (U+02BC), which Ukrainian transliterations
/// write for `’` (`Zelenskyyʼs`) although Unicode files it as a letter.
pub fn is_word_char(c: char) -> bool {
    // Most of a news text is ASCII: answer it without Unicode's tables.
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() && c != '\u{02BC}'
}

/// Pushes the folded form of one word character (see `fold`), ASCII first:
/// its lower case is one byte and folding leaves it as it is.
pub(crate) fn fold_char(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for lc in c.to_lowercase() {
        push_folded(out, lc);
    }
}

/// How many sentences before the one before it a sentence opening with a
/// personal pronoun reaches for the person it stands for.
const PRONOUN_REACH: usize = 2;

impl Analysis {
    /// Reads the words, sentences and paragraphs of `text`.
    pub fn new(text: &str) -> Analysis {
        let mut a = Analysis {
            tokens: Vec::with_capacity(text.len() / 6),
            folded: String::with_capacity(text.len()),
            ..Analysis::default()
        };
        let mut sentence = 0u32;
        // The first token of the current sentence.
        let mut sentence_first = 0usize;
        let mut paragraph = 0u32;
        // Set when a boundary was seen since the last token.
        let mut new_sentence = false;
        let mut new_paragraph = false;
        let mut comma = false;
        let mut colon = false;
        let mut semicolon = false;
        // The marks between two words, and whether the last was a comma.
        let (mut marks, mut plain_comma) = (0u32, false);
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if is_word_char(c) {
                if new_paragraph && !a.tokens.is_empty() {
                    paragraph += 1;
                    sentence += 1;
                    sentence_first = a.tokens.len();
                } else if new_sentence && !a.tokens.is_empty() && !tells_only_a_day(text, &a, sentence_first) {
                    sentence += 1;
                    sentence_first = a.tokens.len();
                }
                new_sentence = false;
                new_paragraph = false;
                // One space between words: the lexicon's phrases are
                // written with one.
                if !a.folded.is_empty() {
                    a.folded.push(' ');
                }
                let folded_start = a.folded.len();
                let mut end = i + c.len_utf8();
                fold_char(&mut a.folded, c);
                while let Some(&(j, d)) = chars.peek() {
                    if !is_word_char(d) {
                        break;
                    }
                    fold_char(&mut a.folded, d);
                    end = j + d.len_utf8();
                    chars.next();
                }
                a.tokens.push(Token {
                    start: to_u32(i),
                    end: to_u32(end),
                    folded_start: to_u32(folded_start),
                    folded_end: to_u32(a.folded.len()),
                    sentence,
                    paragraph,
                    after_comma: comma,
                    after_colon: colon,
                    after_semicolon: semicolon,
                    after_comma_alone: marks == 1 && plain_comma,
                    capitalised: c.is_uppercase(),
                });
                comma = false;
                colon = false;
                semicolon = false;
                marks = 0;
                plain_comma = false;
                continue;
            }
            if !c.is_whitespace() {
                marks += 1;
                plain_comma = c == ',';
            }
            match c {
                // A blank line, or a line break that ends a sentence, ends
                // the paragraph; but a question's line and the line that
                // answers it are one paragraph ("When will they meet?" /
                // "On Wednesday, in Istanbul."): the answer's words are read
                // with the question as the sentence before.
                // An interview's question, or its prompt in bold ("**Kyiv
                // was hit again.**"), heads its answer across a blank line
                // too: the answer's sentences read it as their passage
                // ([`Analysis::passage_of`]).
                '\n' => {
                    let rest = &text[i + 1..];
                    let line_end = rest.find('\n').unwrap_or(rest.len());
                    let blank = rest[..line_end].trim().is_empty();
                    let prompt = || {
                        let before = text[..i].trim_end();
                        (blank || text[..i].ends_with('\n')) && (line_asks(before) || bold_line(before))
                    };
                    let ends = blank || ends_sentence_at_line_break(text, i);
                    if ends && !a.tokens.is_empty() && prompt() {
                        new_sentence = true;
                        if a.prompts.last() != Some(&sentence) {
                            a.prompts.push(sentence);
                        }
                    } else if blank {
                        new_paragraph = true;
                    } else if ends {
                        match line_asks(&text[..i]) {
                            true => new_sentence = true,
                            false => new_paragraph = true,
                        }
                    }
                }
                '.' | '!' | '?' | '…' if self_ends_sentence(text, i, c, &a) => new_sentence = true,
                // A semicolon and an em dash part clauses too ("a 30-day
                // truce; Putin instead proposed …").
                ';' => (comma, semicolon) = (true, true),
                ',' | '—' | '(' | ')' => comma = true,
                ':' => colon = true,
                _ => {}
            }
        }
        a.sentences = ranges(&a.tokens, |t| t.sentence);
        a.paragraphs = ranges(&a.tokens, |t| t.paragraph);
        (a.line_item, a.list_item) = line_items(text, &a);
        a.draft = drafts(text, &a);
        a.asks = asking(text, &a);
        a.refers_back = a
            .sentences
            .iter()
            .map(|&(s0, s1)| refers_back(&a, s0 as usize, s1 as usize))
            .collect();
        a
    }

    /// Finds every word of `lexicon` in the text, in one Aho-Corasick pass
    /// over the folded words: a match must start at a word and end with one
    /// (or inside its last word, for a prefix).
    pub fn find_words(&mut self, lexicon: &crate::rules::frame::Lexicon) {
        self.hits.clear();
        let starts = |at: usize| self.tokens.binary_search_by_key(&to_u32(at), |t| t.folded_start).ok();
        for m in lexicon.automaton.find_overlapping_iter(&self.folded) {
            let Some(first) = starts(m.start()) else { continue };
            let id = m.pattern().as_u32();
            let word = &lexicon.words[id as usize];
            // The token where the match ends.
            let last = self.tokens.partition_point(|t| (t.folded_end as usize) < m.end());
            let Some(t) = self.tokens.get(last) else { continue };
            let whole = t.folded_end as usize == m.end();
            if whole || (word.prefix && t.folded_start as usize <= m.end()) {
                self.hits.push((to_u32(first), id));
            }
        }
        self.hits.sort_unstable();
    }

    /// The lexicon words found at the tokens of `range`, in order.
    pub fn hits_in(&self, range: std::ops::Range<usize>) -> &[(u32, u32)] {
        let from = self.hits.partition_point(|(t, _)| (*t as usize) < range.start);
        let to = self.hits.partition_point(|(t, _)| (*t as usize) < range.end);
        &self.hits[from..to.max(from)]
    }

    /// The byte ranges of the text that hold the sentences marked in `keep`,
    /// adjacent ones joined: each from its first word to the next sentence's
    /// first word (or `len`), so that a value's trailing marks stay inside.
    pub fn spans_of(&self, keep: &[bool], len: usize) -> Vec<(usize, usize)> {
        let mut spans: Vec<(usize, usize)> = Vec::new();
        for (s, &(first, end)) in self.sentences.iter().enumerate() {
            if !keep.get(s).copied().unwrap_or(false) || first >= end {
                continue;
            }
            let from = self.tokens[first as usize].start as usize;
            let to = self.tokens.get(end as usize).map_or(len, |t| t.start as usize);
            match spans.last_mut() {
                Some(last) if last.1 == from => last.1 = to,
                _ => spans.push((from, to)),
            }
        }
        spans
    }

    /// An aside that opens within the two words after token `from` (`one
    /// person, a man in his sixties, was killed`): the token that opens it
    /// and the first token after it. An aside is at most [`ASIDE_WORDS`]
    /// words, between two commas or parentheses of one sentence.
    pub fn aside_after(&self, from: usize, sentence_end: usize) -> Option<(usize, usize)> {
        let open = (from + 1..(from + 3).min(sentence_end)).find(|&j| self.tokens[j].after_comma)?;
        let close = (open + 1..(open + 1 + ASIDE_WORDS).min(sentence_end)).find(|&k| self.tokens[k].after_comma)?;
        Some((open, close))
    }

    /// The folded form of token `i`.
    pub fn word(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.folded[t.folded_start as usize..t.folded_end as usize]
    }

    /// The folded words of tokens `range`, one space between them (the
    /// folded buffer writes them so): a phrase of folded words is found in
    /// it with one substring search instead of a comparison at each token.
    pub fn words_of(&self, range: std::ops::Range<usize>) -> &str {
        let end = range.end.min(self.tokens.len());
        if range.start >= end {
            return "";
        }
        &self.folded[self.tokens[range.start].folded_start as usize..self.tokens[end - 1].folded_end as usize]
    }

    /// Whether the folded `phrase` (words, one space between) stands at
    /// tokens `at..`, ending by token `end`: one comparison of the folded
    /// buffer instead of one per word.
    pub fn phrase_at(&self, at: usize, end: usize, phrase: &str) -> bool {
        // The prefix test first: most calls fail on the first byte, and
        // counting the phrase's words is only needed when it is there.
        let Some(token) = self.tokens.get(at) else {
            return false;
        };
        let start = token.folded_start as usize;
        if !self.folded.as_bytes()[start..].starts_with(phrase.as_bytes()) {
            return false;
        }
        let n = phrase.bytes().filter(|&b| b == b' ').count() + 1;
        at + n <= end.min(self.tokens.len()) && self.tokens[at + n - 1].folded_end as usize == start + phrase.len()
    }

    /// Whether token `i` opens a relative clause: a relative pronoun, or a
    /// preposition and one (« à qui », `to whom`).
    pub fn opens_relative(&self, i: usize) -> bool {
        use crate::{english::vocab as en, french::vocab as fr};
        let relative = |j: usize| {
            j < self.tokens.len() && {
                let w = self.word(j);
                fr::RELATIVE_PRONOUNS.contains(&w) || en::RELATIVE_PRONOUNS.contains(&w)
            }
        };
        let preposition = |w: &str| fr::RELATIVE_PREPOSITIONS.contains(&w) || en::RELATIVE_PREPOSITIONS.contains(&w);
        relative(i) || (i < self.tokens.len() && preposition(self.word(i)) && relative(i + 1))
    }

    /// Whether the comma before token `i` closes a short phrase that opens
    /// the sentence `s0..`, or a clause of it after a semicolon, with a
    /// preposition (« À l'Iran, il avait accordé 60 jours », "…; to Iran, he
    /// gave 60 days"): the phrase belongs to the clause after the comma, as
    /// a relative clause belongs to its noun.
    pub fn closes_fronted_phrase(&self, i: usize, s0: usize) -> bool {
        use crate::{english::vocab as en, french::vocab as fr};
        if i <= s0 {
            return false;
        }
        let c0 = (s0 + 1..i)
            .rev()
            .find(|&k| self.tokens[k].after_semicolon)
            .unwrap_or(s0);
        i - c0 <= FRONTED_PHRASE_TOKENS
            && {
                let w = self.word(c0);
                fr::FRONTED_PREPOSITIONS.contains(&w) || en::FRONTED_PREPOSITIONS.contains(&w)
            }
            && !(c0 + 1..i).any(|k| self.tokens[k].after_comma)
    }

    /// Where the sentence ending at `s1` stops telling of tokens up to
    /// `last`: at the first semicolon after them, which opens a clause with
    /// its own subject (« Kiev exige trente jours ; Moscou n'offre que des
    /// pauses humanitaires »). A clause before the value may still set its
    /// topic ("Gaza talks are stalled; the 60-day truce is far off").
    pub fn clause_end(&self, last: usize, s1: usize) -> usize {
        (last..s1).find(|&k| self.tokens[k].after_semicolon).unwrap_or(s1)
    }

    /// The folded words from token `i` on.
    pub fn words_from(&self, i: usize) -> impl Iterator<Item = &str> {
        (i..self.tokens.len()).map(|j| self.word(j))
    }

    /// The tokens of the sentence of token `i`.
    pub fn sentence_of(&self, i: usize) -> (usize, usize) {
        let (a, b) = self.sentences[self.tokens[i].sentence as usize];
        (a as usize, b as usize)
    }

    /// The tokens of the sentence of token `i` and of the sentence before
    /// it, when that one is in the same paragraph; in an answer, from the
    /// question or prompt that heads it ("**And Kyiv?**" / "Calmer. The
    /// city counted two dead.").
    pub fn passage_of(&self, i: usize) -> (usize, usize) {
        let (start, end) = self.sentence_of(i);
        let sentence = self.tokens[i].sentence as usize;
        if sentence == 0 || start == 0 {
            return (start, end);
        }
        let (p0, _) = self.paragraph_of(i);
        let head = self.tokens[p0].sentence;
        if (head as usize) + 1 < sentence && self.prompts.binary_search(&head).is_ok() {
            return (p0, end);
        }
        // A sentence whose subject is a personal pronoun ("He then
        // announced it…", « Il en a précisé la date… ») tells of a person
        // named up to two sentences before the one before it.
        let back = match opens_with_person_pronoun(self, start, end) {
            true => 1 + PRONOUN_REACH,
            false => 1,
        };
        let mut first = start;
        for k in (sentence.saturating_sub(back)..sentence).rev() {
            let (before, _) = self.sentences[k];
            if self.tokens[before as usize].paragraph != self.tokens[i].paragraph {
                break;
            }
            first = before as usize;
        }
        (first, end)
    }

    /// The tokens of the paragraph of token `i`.
    pub fn paragraph_of(&self, i: usize) -> (usize, usize) {
        let (a, b) = self.paragraphs[self.tokens[i].paragraph as usize];
        (a as usize, b as usize)
    }

    /// The first token that ends after byte `at`.
    pub fn token_at(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| (t.end as usize) <= at)
    }
}

/// Whether the last line of `before` is a short sentence all in bold
/// (`**Kyiv was hit again.**`): an interviewer's prompt. A heading in bold
/// ends with no mark (`**ELSEWHERE**`) and heads no answer.
fn bold_line(before: &str) -> bool {
    let line = before.rsplit('\n').next().unwrap_or(before).trim();
    line.len() > 4
        && line.starts_with("**")
        && line.ends_with("**")
        && line.trim_end_matches('*').ends_with(['.', '!', '?', '…'])
        && line.split_whitespace().count() <= 20
}

/// Whether the last line of `before` is a question (its last mark, past
/// any Markdown emphasis, is `?`).
fn line_asks(before: &str) -> bool {
    let line = before.rsplit('\n').next().unwrap_or(before);
    line.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | ':'))
        .ends_with('?')
}

/// Whether a line break at byte `i` ends the sentence: the line before ends
/// like a sentence (or a headline: no comma, no hyphen), or the next line
/// starts a new block (a capital, a digit, a quote, a list or table mark).
fn ends_sentence_at_line_break(text: &str, i: usize) -> bool {
    let before = text[..i].trim_end();
    let last = before.chars().next_back();
    if matches!(
        last,
        Some('.' | '!' | '?' | '…' | ':' | ';' | '»' | '"' | '”' | '|' | ')')
    ) {
        return true;
    }
    // A feed's or a page's markup: an element closed at the line's end
    // (`…kindergarten hit</title>`), or one opened at the next line's start
    // (`<pubDate>`), bounds the text inside it as a heading's line does.
    if last == Some('>') && ends_with_tag(before) || opens_with_tag(text[i + 1..].trim_start()) {
        return true;
    }
    let next = text[i + 1..].trim_start().chars().next();
    match next {
        Some(c) if c.is_uppercase() || c.is_ascii_digit() => {
            !matches!(last, Some(',' | '-' | '–')) && !wrapped_line_at(text, i)
        }
        Some('#' | '-' | '*' | '|' | '>' | '«' | '"' | '“' | '•') => true,
        _ => false,
    }
}

/// Whether `text` ends with a markup tag: `</title>`, `<br/>`, `<p>`,
/// `<item>` (a name after `<` or `</`, then attributes at most).
fn ends_with_tag(text: &str) -> bool {
    let Some(open) = text.rfind('<') else {
        return false;
    };
    is_tag(&text[open..])
}

/// Whether `text` starts with a markup tag ([`ends_with_tag`]).
fn opens_with_tag(text: &str) -> bool {
    text.starts_with('<') && text.find('>').is_some_and(|close| is_tag(&text[..=close]))
}

/// Whether `tag` is one markup tag, `<` to `>`: a letter (after `/`, or
/// `?`/`!` for a declaration) begins its name, and no `<` stands inside.
fn is_tag(tag: &str) -> bool {
    let Some(inner) = tag.strip_prefix('<').and_then(|t| t.strip_suffix('>')) else {
        return false;
    };
    let name = inner.trim_start_matches(['/', '?', '!']);
    name.starts_with(|c: char| c.is_ascii_alphabetic()) && !inner.contains(['<', '>', '\n'])
}

/// Whether a line is a record's field: a key in capitals and a colon
/// (`SUMMARY:…`, `DESCRIPTION:…` of a calendar export, `SUBJECT:`), a
/// line of its own however long.
fn field_line(line: &str) -> bool {
    let key = line.split(':').next().unwrap_or("");
    line.contains(':')
        && key.len() >= 3
        && key.len() <= 20
        && key.chars().all(|c| c.is_ascii_uppercase() || c == '-' || c == '_')
}

/// Whether the line that ends at byte `i` (a line break) is one of a
/// hard-wrapped paragraph's: it is long, and a line of the same paragraph
/// comes before it. Such a text breaks its lines wherever the width runs
/// out, before a name as well ("…, President Volodymyr⏎Zelenskyy said late
/// Monday"), so a capital after the break starts no sentence. A paragraph's
/// first line (a title above its text) is left as it was.
fn wrapped_line_at(text: &str, i: usize) -> bool {
    /// A wrapped line fills most of the width: 60 to 80 characters in
    /// print and wire copy, seldom under 55.
    const WRAPPED_AT_LEAST: usize = 55;
    let start = text[..i].rfind('\n').map_or(0, |n| n + 1);
    let line = text[start..i].trim_end();
    if line.chars().count() < WRAPPED_AT_LEAST || start == 0 || field_line(line) || dated_entry(&text[i + 1..]) {
        return false;
    }
    let before = text[..start - 1].trim_end_matches('\r');
    let previous = &before[before.rfind('\n').map_or(0, |n| n + 1)..];
    !previous.trim().is_empty()
}

/// Whether `line` opens with a day in figures and a dash or a colon
/// (`24/07 — Background package…`, `22.07.2025: recce`): an entry of a log,
/// a timesheet or an invoice, never the wrapped rest of the line before.
fn dated_entry(line: &str) -> bool {
    let b = line.trim_start().as_bytes();
    let digits = |at: usize| b[at.min(b.len())..].iter().take_while(|c| c.is_ascii_digit()).count();
    let day = digits(0);
    if !(1..=2).contains(&day) || !matches!(b.get(day), Some(b'/' | b'.')) {
        return false;
    }
    let month = digits(day + 1);
    if !(1..=2).contains(&month) {
        return false;
    }
    // A day of a month (`2.5 – 3 million` and `12.30 - …` are not).
    let number = |from: usize, len: usize| {
        std::str::from_utf8(&b[from..from + len])
            .ok()
            .and_then(|n| n.parse::<u8>().ok())
            .unwrap_or(0)
    };
    if !(1..=31).contains(&number(0, day)) || !(1..=12).contains(&number(day + 1, month)) {
        return false;
    }
    let mut at = day + 1 + month;
    if matches!(b.get(at), Some(b'/' | b'.')) && matches!(digits(at + 1), 2 | 4) {
        at += 1 + digits(at + 1);
    }
    // Then a colon, or a dash with a space after it.
    let rest = std::str::from_utf8(&b[at.min(b.len())..]).unwrap_or("").trim_start();
    rest.starts_with(':') || ["— ", "– ", "- "].iter().any(|dash| rest.starts_with(dash))
}

/// Whether the mark `c` at byte `i` ends a sentence.
fn self_ends_sentence(text: &str, i: usize, c: char, a: &Analysis) -> bool {
    let after = &text[i + c.len_utf8()..];
    // Digits on both sides: `1.000`, `23.07.2025`.
    if c == '.' {
        let prev_digit = text[..i].chars().next_back().is_some_and(|p| p.is_ascii_digit());
        let next_digit = after.chars().next().is_some_and(|n| n.is_ascii_digit());
        if prev_digit && next_digit {
            return false;
        }
    }
    // Markdown's emphasis and links are no words: `."** Incorrect`,
    // `. **Kyiv**`, `. [Read more](…)`.
    let trimmed = after.trim_start_matches(['»', '"', '”', ')', '\'', '’', '*', '_']);
    let spaced = trimmed.starts_with(char::is_whitespace) || trimmed.is_empty();
    let next = trimmed.trim_start().trim_start_matches(['*', '_', '[']).chars().next();
    let opens = next
        .is_none_or(|n| n.is_uppercase() || n.is_ascii_digit() || matches!(n, '«' | '"' | '“' | '—' | '–' | '-' | '('));
    if c == '.' && run_in_head(text, i, a) {
        return false;
    }
    if c == '.' {
        // The word before the dot.
        let glued = a
            .tokens
            .last()
            .filter(|t| t.end as usize == i)
            .map(|t| &a.folded[t.folded_start as usize..t.folded_end as usize]);
        if let Some(word) = glued {
            let original = &text[a.tokens.last().map_or(i, |t| t.start as usize)..i];
            let initial = original.chars().count() == 1 && original.chars().all(char::is_uppercase);
            if ABBREVIATIONS.contains(&word) || initial {
                return false;
            }
            // `ajouté.Historique`: a dot glued between a word and a capital.
            if !spaced {
                return next.is_some_and(char::is_uppercase) && word.chars().count() > 1;
            }
        }
    }
    spaced && opens
}

/// Whether the dot at byte `i` closes a digest item's run-in head: a word
/// or three in emphasis that open a paragraph (`*Gaza.* Talks on a 60-day
/// truce go on`). The head names what the sentence after it is about, so
/// it stays in that sentence (as a head closed by a colon always did).
fn run_in_head(text: &str, i: usize, a: &Analysis) -> bool {
    const HEAD_WORDS: usize = 3;
    let closes = text[i + 1..].starts_with(['*', '_']) || text[..i].ends_with(['*', '_']);
    let Some(last) = a.tokens.last().filter(|_| closes) else {
        return false;
    };
    // Counted no further than a head's length: a long sentence is no head.
    let words = a
        .tokens
        .iter()
        .rev()
        .take(HEAD_WORDS + 1)
        .take_while(|t| t.sentence == last.sentence)
        .count();
    let first = a.tokens.len() - words;
    let opens_paragraph = first == 0 || a.tokens[first - 1].paragraph != a.tokens[first].paragraph;
    let emphasis = text[..a.tokens[first].start as usize].ends_with(['*', '_']);
    words <= HEAD_WORDS
        && opens_paragraph
        && emphasis
        && !text[a.tokens[first].start as usize..i].contains(['.', '!', '?'])
}

impl Analysis {
    /// Whether token `j` of a sentence ending at token `s1` is a subject
    /// pronoun that stands for what was named before: « Il aura lieu… »,
    /// "It will take place…", « Elles ont repris… », "he told" (not « Il y
    /// a », « Il faut », "It is raining").
    pub fn subject_pronoun_at(&self, j: usize, s1: usize) -> bool {
        j < s1
            && match self.word(j) {
                "elle" | "ils" | "elles" | "he" | "she" | "they" => true,
                "il" | "it" => personal_pronoun_at(self, j, s1),
                _ => false,
            }
    }
}

/// Whether the « il » or "it" at token `j` stands for something named
/// before: not the impersonal « il y a », « il faut », « il semble », « il
/// s'agit », "it is", "it was".
fn personal_pronoun_at(a: &Analysis, j: usize, s1: usize) -> bool {
    let word = |k: usize| if k < s1 { a.word(k) } else { "" };
    match a.word(j) {
        "it" => !matches!(word(j + 1), "is" | "was" | "s" | "seems" | "seemed"),
        _ => {
            let impersonal = matches!(
                word(j + 1),
                "y" | "faut" | "fallait" | "semble" | "semblait" | "reste" | "restait" | "convient" | "manque" | "suffit" | "importe" | "vaut"
            ) || (word(j + 1) == "s" && word(j + 2).starts_with("agi"))
                || (word(j + 1) == "a" && word(j + 2) == "fallu")
                // « Il est prévu que… », « il était question de… »
                || (matches!(word(j + 1), "est" | "etait")
                    && matches!(
                        word(j + 2),
                        "prevu" | "question" | "possible" | "probable" | "temps" | "clair" | "vrai" | "evident" | "impossible" | "necessaire" | "difficile"
                    ));
            !impersonal
        }
    }
}

/// Whether the sentence of tokens `s0..s1` refers back to a person with a
/// subject pronoun: `he`, `she`, « il », « elle »; not the « il » of « il y
/// a », « il faut », « il semble », « il s'agit ».
fn refers_back(a: &Analysis, s0: usize, s1: usize) -> bool {
    (s0..s1).any(|j| PERSON_PRONOUNS.contains(&a.word(j)) && personal_pronoun_at(a, j, s1))
}

/// The subject pronouns that stand for a person, folded.
const PERSON_PRONOUNS: [&str; 4] = ["he", "she", "il", "elle"];

/// Whether the sentence `s0..s1` opens with a personal pronoun as its
/// subject, after a connective at most ("Then he…", « Puis il… »).
fn opens_with_person_pronoun(a: &Analysis, s0: usize, s1: usize) -> bool {
    use crate::{english::vocab as en, french::vocab as fr};
    let subject = |j: usize| j < s1 && PERSON_PRONOUNS.contains(&a.word(j)) && personal_pronoun_at(a, j, s1);
    let connective = |j: usize| {
        let w = a.word(j);
        en::PRONOUN_CONNECTIVES.contains(&w) || fr::PRONOUN_CONNECTIVES.contains(&w)
    };
    s0 < s1 && (subject(s0) || (connective(s0) && subject(s0 + 1)))
}

/// For each sentence of `a`, whether it ends with a question mark.
fn asking(text: &str, a: &Analysis) -> Vec<bool> {
    a.sentences
        .iter()
        .map(|&(first, end)| {
            if first >= end {
                return false;
            }
            let last = a.tokens[end as usize - 1];
            let after = a.tokens.get(end as usize).map_or(text.len(), |t| t.start as usize);
            text[last.end as usize..after].contains('?')
        })
        .collect()
}

fn ranges(tokens: &[Token], key: impl Fn(&Token) -> u32) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let k = key(t) as usize;
        while out.len() <= k {
            out.push((to_u32(i), to_u32(i)));
        }
        out[k].1 = to_u32(i + 1);
    }
    out
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The sentence around a match (at most a few hundred bytes each side): what
/// the normaliser reads verb tense from, and where a count's rule looks for
/// the day its sentence names.
pub fn sentence_around(text: &str, start: usize, end: usize) -> &str {
    const REACH: usize = 300;
    let mut from = start.saturating_sub(REACH);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (end + REACH).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    // A line break inside a sentence (a hard-wrapped or printed text)
    // does not end it; one that [`Analysis::new`] would end it at does.
    // (In a CRLF text the `\n` decides, not the `\r` before it.)
    let ends = |at: usize, c: char| match c {
        '\r' => !text[at + 1..].starts_with('\n') && breaks_line(text, at),
        '\n' => breaks_line(text, at),
        _ => true,
    };
    const MARKS: [char; 5] = ['.', '!', '?', '\n', '\r'];
    // (`rfind` and `find` on the marks: a search for bytes, not a walk
    // through the characters.)
    let mut sentence_start = from;
    let mut upto = start;
    while let Some(i) = text[from..upto].rfind(MARKS) {
        let at = from + i;
        if ends(at, text[at..].chars().next().unwrap_or(' ')) {
            sentence_start = at + 1;
            break;
        }
        upto = at;
    }
    let mut sentence_end = to;
    let mut after = end;
    while let Some(i) = text[after..to].find(MARKS) {
        let at = after + i;
        if ends(at, text[at..].chars().next().unwrap_or(' ')) {
            sentence_end = at;
            break;
        }
        after = at + 1;
    }
    &text[sentence_start..sentence_end]
}

/// Whether the line break at byte `i` ends a sentence: a blank line follows,
/// or the line is done ([`ends_sentence_at_line_break`]).
fn breaks_line(text: &str, i: usize) -> bool {
    let rest = &text[i + 1..];
    let line_end = rest.find('\n').unwrap_or(rest.len());
    rest[..line_end].trim().is_empty() || ends_sentence_at_line_break(text, i)
}

/// How many tokens a fronted phrase may hold ([`Analysis::closes_fronted_phrase`]).
const FRONTED_PHRASE_TOKENS: usize = 4;

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let a = Analysis::new(text);
        a.sentences
            .iter()
            .map(|(s, e)| {
                (*s as usize..*e as usize)
                    .map(|i| a.word(i))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    /// A calendar export's fields are lines of their own, however long:
    /// no hard-wrapped paragraph runs from one into the next.
    #[test]
    fn a_records_fields_are_lines_of_their_own() {
        let ics = "UID:x\nSUMMARY:Editorial meeting — a debrief on the third round of talks\n\
                   DESCRIPTION:Debrief of the talks of Wednesday 23 July.";
        assert_eq!(sentences(ics).len(), 3, "{:?}", sentences(ics));
    }

    /// A feed's markup bounds its elements' texts: a title closed at its
    /// line's end is no part of the description lines below it.
    #[test]
    fn a_feeds_elements_are_sentences_of_their_own() {
        let feed = "<item>\n<title>Kyiv toll rises to two dead</title>\n<pubDate>Mon, 21 Jul 2025</pubDate>\n\
                    <description>Rescuers worked in the district all day.</description>\n</item>";
        let said = sentences(feed);
        assert!(
            said.iter().any(|s| s == "title kyiv toll rises to two dead title"),
            "{said:?}"
        );
        assert!(
            !said.iter().any(|s| s.contains("dead") && s.contains("district")),
            "{said:?}"
        );
        let at = feed.find("two dead").unwrap();
        assert_eq!(
            sentence_around(feed, at, at + 8),
            "<title>Kyiv toll rises to two dead</title>"
        );
        // Angle brackets that are no tag do not end a line's sentence.
        assert_eq!(sentences("Drones: more than 400 -> then\nsome 450 in all.").len(), 1);
    }

    /// A sentence's passage is it and the one before; a sentence opening
    /// with a personal pronoun reaches two sentences further back in its
    /// paragraph, for the person it stands for.
    #[test]
    fn a_pronoun_subject_reaches_back_for_its_person() {
        let passage = |text: &str, at: &str| {
            let a = Analysis::new(text);
            let (q0, q1) = a.passage_of(a.token_at(text.find(at).unwrap()));
            a.words_of(q0..q1).to_string()
        };
        let text = "Zelensky spoke late. Kyiv counted its dead. Sirens wailed. Then he named Monday.";
        assert!(passage(text, "Monday").starts_with("zelensky spoke"));
        let text = "Zelensky spoke late. Kyiv counted its dead. Sirens wailed. Power failed. He named Monday.";
        assert!(passage(text, "Monday").starts_with("kyiv counted"));
        let text = "Zelensky spoke late. Kyiv counted its dead. Sirens wailed. The mayor named Monday.";
        assert!(passage(text, "Monday").starts_with("sirens"));
        // An impersonal « il » stands for no one.
        let text = "Zelensky parla. Kiev compta ses morts. Les sirènes hurlèrent. Il reste 50 jours.";
        assert!(passage(text, "50").starts_with("les sirenes"));
        let text = "Zelensky parla. Kiev compta ses morts.\n\nIl annonça lundi une réunion.";
        assert!(passage(text, "lundi").starts_with("il annonca"));
    }

    /// A draft an e-mail thread quotes for checking is the draft's, up to
    /// the end of its quotation; the reply above it is not.
    #[test]
    fn a_draft_quoted_for_checking_is_told_apart() {
        let thread = "From: Ruth\n\nThanks, fixed.\n\n> Fact-check: it is 50 days.\n>\n> > Draft lead, please check:\n> >\n> > Trump gave Russia 60 days.\n> >\n> > Kyiv wants a truce.\n>\n> Leo\n";
        let a = Analysis::new(thread);
        let draft = |words: &str| a.draft[a.tokens[a.token_at(thread.find(words).unwrap())].paragraph as usize];
        assert!(draft("Trump gave"));
        assert!(draft("Kyiv wants"));
        assert!(!draft("Draft lead"));
        assert!(!draft("Fact-check"));
        assert!(!draft("Leo"));
        assert!(!draft("Thanks"));
        let mail = "De : Paul\n\n> Brouillon : tu peux vérifier ?\n>\n> La Russie a tiré 426 drones.\n";
        let a = Analysis::new(mail);
        assert!(a.draft[a.tokens[a.token_at(mail.find("426").unwrap())].paragraph as usize]);
        // A blog quoting news that speaks of a draft resolution is no thread.
        let blog =
            "> The draft resolution, which the council will review Tuesday, is long.\n>\n> Trump gave Putin 50 days.\n";
        let a = Analysis::new(blog);
        assert!(!a.draft[a.tokens[a.token_at(blog.find("50").unwrap())].paragraph as usize]);
    }

    /// A translation's target line that the reviewer's error line flags
    /// for its sense or figures is the translator's slip; the source line,
    /// the fix and a target flagged for style only are not.
    #[test]
    fn a_translations_target_flagged_as_wrong_is_told_apart() {
        let report = "Seg 3\nSRC: Some source words.\nTGT: Russia fired 462 drones overnight.\nErrors: figure mistranslated (462 for 426), critical\nFix: Russia fired 426 drones overnight.\n\nSeg 4\nTGT: In all, 450 weapons were used.\nError: style, calque (minor).\n";
        let a = Analysis::new(report);
        let draft = |words: &str| a.draft[a.tokens[a.token_at(report.find(words).unwrap())].paragraph as usize];
        assert!(draft("462 drones"));
        assert!(!draft("Fix:"));
        assert!(!draft("Some source"));
        assert!(!draft("450"));
        let rapport = "**Segment 9**\nCible : Le bilan est de deux morts et 60 blessés.\nCatégorie : chiffre mal traduit (60 pour 16) — gravité : critique\n";
        let a = Analysis::new(rapport);
        assert!(a.draft[a.tokens[a.token_at(rapport.find("60 blessés").unwrap())].paragraph as usize]);
        // A target with no error line after it in its block.
        let fine = "Cible : Le bilan est de deux morts.\n\nErreur : chiffre mal traduit ailleurs.\n";
        let a = Analysis::new(fine);
        assert!(!a.draft[a.tokens[a.token_at(fine.find("deux").unwrap())].paragraph as usize]);
    }

    /// A line that opens with a day in figures and a dash is a log's
    /// entry: never the wrapped rest of a long line before it.
    #[test]
    fn a_dated_entry_opens_its_own_line() {
        assert!(dated_entry("24/07 — Background package, half a day"));
        assert!(dated_entry("22.07.2025: recce"));
        assert!(dated_entry("  3/7 - standby"));
        assert!(!dated_entry("24/07 the swap went ahead"));
        assert!(!dated_entry("2025 — a year of talks"));
        assert!(!dated_entry("24/7 coverage"));
        let log = "23/07 — Istanbul, the third round of direct talks between both delegations — 600 €\n24/07 — Background package on the swaps agreed in May — 200 €\n";
        let a = Analysis::new(log);
        let sentence = |words: &str| a.tokens[a.token_at(log.find(words).unwrap())].sentence;
        assert_ne!(sentence("Istanbul"), sentence("Background"));
    }

    /// A printed or hard-wrapped text breaks its lines inside sentences:
    /// the sentence around a value still reaches the day told on the line
    /// before ("the night of July 8-9,\nwhen 728 drones…"), and stops where
    /// the splitter of frames ends a sentence.
    #[test]
    fn a_line_break_inside_a_sentence_does_not_end_it() {
        for text in [
            "Heavy night. The record remains the night of July 8-9,\nwhen 728 drones were\nlaunched.\nNext line.",
            "Heavy night. The record remains the night of July 8-9,\r\nwhen 728 drones were\r\nlaunched.\r\nNext line.",
        ] {
            let at = text.find("728").unwrap();
            let around = sentence_around(text, at, at + 3);
            assert!(around.starts_with(" The record remains"), "{around:?}");
            assert!(around.trim_end().ends_with("launched"), "{around:?}");
        }
        // A blank line, or a line done with a colon, ends the sentence.
        let text = "A heading with no stop\n\n728 drones were launched\nThe figures:\n24 missiles";
        let at = text.find("728").unwrap();
        assert_eq!(sentence_around(text, at, at + 3), "728 drones were launched");
        let at = text.find("24").unwrap();
        assert_eq!(sentence_around(text, at, at + 2), "24 missiles");
    }

    /// A hard-wrapped paragraph breaks its lines before names too: a
    /// capital after a long line that follows another line of the paragraph
    /// starts no sentence; after a paragraph's first line (a title), or a
    /// short line, it still does.
    #[test]
    fn a_wrapped_paragraph_keeps_its_sentences_across_its_lines() {
        let wrapped = "KYIV (Wire) - Ukraine and Russia will hold a third round of direct\n\
                       talks in Istanbul on Wednesday, the Ukrainian leader Volodymyr\n\
                       Zelenskyy said late Monday.";
        assert_eq!(sentences(wrapped).len(), 1, "{:?}", sentences(wrapped));
        let titled = "Talks in Istanbul on Wednesday, says the Ukrainian president\nZelenskyy spoke late Monday.";
        assert_eq!(sentences(titled).len(), 2, "{:?}", sentences(titled));
        let short = "Monday 21 July\nZelenskyy announces the talks.";
        assert_eq!(sentences(short).len(), 2, "{:?}", sentences(short));
    }

    /// A sentence that only tells a day, as a dateline or a caption opens,
    /// is read with the sentence after it, which tells what happened then.
    #[test]
    fn a_sentence_that_only_tells_a_day_heads_the_next() {
        for text in [
            "Kyiv, 19 juillet. Dans son allocution du soir, Zelensky propose une rencontre.",
            "21 July. In his evening address, the president announces talks.",
            "Lundi 21 juillet 2025, au soir. Le président annonce la rencontre.",
            "On the 21st of July. Talks are announced.",
        ] {
            assert_eq!(sentences(text).len(), 1, "{:?}", sentences(text));
        }
        for text in [
            "Il est arrivé le 21 juillet. Il est reparti le lendemain.",
            "Russia fired 21 drones. Kyiv was spared.",
            "Le record date du 9 juillet à Kyiv. Puis vint le 21.",
        ] {
            assert_eq!(sentences(text).len(), 2, "{:?}", sentences(text));
        }
    }

    #[test]
    fn a_modifier_letter_apostrophe_ends_a_word() {
        let a = Analysis::new("President Zelenskyyʼs address");
        let words: Vec<&str> = (0..a.tokens.len()).map(|i| a.word(i)).collect();
        assert_eq!(words, ["president", "zelenskyy", "s", "address"]);
    }

    #[test]
    fn an_aside_opens_just_after_a_word_and_closes_at_the_next_comma() {
        let a = Analysis::new("Two residents, both in their seventies, were hurt, officials said.");
        // two0 residents1 both2 in3 their4 seventies5 were6 hurt7 officials8 said9
        assert_eq!(a.aside_after(0, a.tokens.len()), Some((2, 6)));
        // From `were`, the next comma opens no aside that closes in time.
        assert_eq!(a.aside_after(6, a.tokens.len()), None);
        // An aside that opens three words on is not the value's.
        let b = Analysis::new("Ten houses burned down overnight, the mayor said, and more.");
        assert_eq!(b.aside_after(0, b.tokens.len()), None);
        // Parentheses open and close asides too.
        let c = Analysis::new("Nine people (two of them children) were hurt.");
        assert_eq!(c.aside_after(1, c.tokens.len()), Some((2, 6)));
    }

    #[test]
    fn words_are_folded_and_split_at_elisions() {
        let a = Analysis::new("D’ici cinquante Jours, l'Élysée");
        let words: Vec<&str> = (0..a.tokens.len()).map(|i| a.word(i)).collect();
        assert_eq!(words, ["d", "ici", "cinquante", "jours", "l", "elysee"]);
    }

    #[test]
    fn sentences_end_at_marks_but_not_after_abbreviations_or_inside_numbers() {
        assert_eq!(
            sentences("M. Dupont a parlé de 1.000 soldats. Le 23.07.2025, rien! Puis J. Doe arriva."),
            [
                "m dupont a parle de 1 000 soldats",
                "le 23 07 2025 rien",
                "puis j doe arriva"
            ]
        );
    }

    #[test]
    fn a_soft_line_break_does_not_end_a_sentence_but_a_headline_does() {
        assert_eq!(
            sentences("Titre sans point\nLe texte continue\nsur la ligne suivante. Fin"),
            ["titre sans point", "le texte continue sur la ligne suivante", "fin"]
        );
        assert_eq!(sentences("a conclu.Ensuite il part"), ["a conclu", "ensuite il part"]);
    }

    #[test]
    fn paragraphs_end_at_blank_lines() {
        let a = Analysis::new("Un deux.\n\nTrois quatre.");
        assert_eq!(a.paragraphs.len(), 2);
        assert_eq!(a.sentences.len(), 2);
    }

    #[test]
    fn a_question_and_the_line_that_answers_it_are_one_paragraph() {
        let a = Analysis::new("**When will they meet?**\nOn Wednesday, in Istanbul.\nA new line.");
        assert_eq!(a.sentences.len(), 3);
        assert_eq!(a.paragraphs.len(), 2);
        // The answer's passage holds the question.
        let on = a.tokens.iter().position(|t| t.start as usize == 25).unwrap();
        assert_eq!(a.word(on), "on");
        assert_eq!(a.passage_of(on).0, 0);
        // A line that ends a sentence without asking ends its paragraph.
        let b = Analysis::new("They met.\nOn Wednesday, in Istanbul.");
        assert_eq!(b.paragraphs.len(), 2);
    }

    #[test]
    fn an_interview_question_or_bold_prompt_heads_its_whole_answer() {
        // Where the passage of the answer's "two" starts, and the paragraphs.
        let passage = |text: &str| {
            let a = Analysis::new(text);
            let two = a
                .tokens
                .iter()
                .position(|t| &text[t.start as usize..t.end as usize] == "two")
                .unwrap();
            (a.passage_of(two).0, a.paragraphs.len())
        };
        let answer = "Yes. Quite hard. The city counted two dead.";
        assert_eq!(
            passage(&format!("**Was Kyiv hit?**\n\n{answer}\n\nNext.")).0,
            0,
            "the question heads it"
        );
        assert_eq!(
            passage(&format!("**Kyiv was hit again.**\n\n{answer}")).0,
            0,
            "a bold prompt too"
        );
        // A bold heading without a mark heads no answer, nor does a plain
        // paragraph: a passage is then the sentence and the one before.
        let (start, paragraphs) = passage(&format!("**ELSEWHERE**\n\n{answer}"));
        assert_ne!(start, 0);
        assert_eq!(paragraphs, 2);
        let (start, paragraphs) = passage(&format!("Kyiv was hit again.\n\n{answer}"));
        assert_ne!(start, 0);
        assert_eq!(paragraphs, 2);
    }

    #[test]
    fn a_sentence_that_ends_with_a_question_mark_asks() {
        let a = Analysis::new("Was it fifty days? Yes. Vraiment ? Non.");
        assert_eq!(a.asks, [true, false, true, false]);
    }

    #[test]
    fn markdown_emphasis_around_a_sentences_end_does_not_hide_it() {
        let a = Analysis::new("**3. \"Three dead.\"** Incorrect. Next **Kyiv.** *Said* so.");
        let words: Vec<&str> = a
            .sentences
            .iter()
            .map(|&(s, e)| a.words_of(s as usize..e as usize))
            .collect();
        assert_eq!(words, ["3", "three dead", "incorrect", "next kyiv", "said so"]);
    }

    #[test]
    fn a_digest_items_run_in_head_stays_in_the_sentence_it_heads() {
        let a =
            Analysis::new("Kyiv waits.\n\n*Gaza.* Talks on a truce go on.\n\n**Iran**. Talks resume. A *note.* Here.");
        let words: Vec<&str> = a
            .sentences
            .iter()
            .map(|&(s, e)| a.words_of(s as usize..e as usize))
            .collect();
        assert_eq!(
            words,
            [
                "kyiv waits",
                "gaza talks on a truce go on",
                "iran talks resume",
                "a note",
                "here"
            ]
        );
    }

    #[test]
    fn the_words_of_a_range_are_its_folded_words_one_space_between() {
        let a = Analysis::new("Nous indiquions, par  Erreur, 40 morts. Par erreurs.");
        let (s0, s1) = (a.sentences[0].0 as usize, a.sentences[0].1 as usize);
        assert_eq!(a.words_of(s0..s1), "nous indiquions par erreur 40 morts");
        assert_eq!(a.words_of(s0 + 2..s0 + 4), "par erreur");
        assert_eq!(a.words_of(s0..s0), "");
    }
}
