//! The sentence a quote stands in, for the HTML page, which shows each quote
//! highlighted inside it. Cut from the article while its text is still in
//! memory (see `check_inputs`), and only when asked: a run keeps no article
//! text otherwise.

/// The words of a quote's sentence before and after the quote, as written
/// (with the white space that parts them from the quote).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence {
    pub before: Box<str>,
    pub after: Box<str>,
}

/// At most this many bytes of a sentence are kept on each side of a quote;
/// a longer sentence is cut at a space, with `…`.
pub const MAX_SIDE: usize = 280;

/// The sentence around `text[start..end]`: back to the end of the previous
/// sentence (`.`, `!`, `?` or `…` before a space, or a line break) and on to
/// the end of this one. A period after a lone capital (`M. Poutine`) or
/// between digits (`1.000`) ends nothing.
pub fn around(text: &str, start: usize, end: usize) -> Sentence {
    let start = floor(text, start.min(text.len()));
    let end = floor(text, end.min(text.len()).max(start));
    let before = &text[..start];
    let after = &text[end..];

    // Backwards: the first boundary before the quote.
    let mut from = 0;
    let chars: Vec<(usize, char)> = before.char_indices().collect();
    for k in (0..chars.len()).rev() {
        let (at, c) = chars[k];
        if c == '\n' {
            from = at + 1;
            break;
        }
        let next_is_space = chars.get(k + 1).is_some_and(|(_, n)| n.is_whitespace());
        if matches!(c, '.' | '!' | '?' | '…') && next_is_space && !abbreviation(&chars, k) {
            from = at + c.len_utf8();
            break;
        }
        if start - at > MAX_SIDE * 2 {
            from = at;
            break;
        }
    }
    // Forwards: through the first boundary after it.
    let mut to = after.len();
    let mut prev: [Option<char>; 2] = [None, None];
    for (at, c) in after.char_indices() {
        if c == '\n' {
            to = at;
            break;
        }
        if matches!(c, '.' | '!' | '?' | '…') {
            let rest = &after[at + c.len_utf8()..];
            let lone_capital =
                c == '.' && prev[0].is_some_and(char::is_uppercase) && !prev[1].is_some_and(char::is_alphanumeric);
            if rest.chars().next().is_none_or(char::is_whitespace) && !lone_capital {
                to = at + c.len_utf8();
                // A closing quotation mark belongs to the sentence.
                let spaced = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
                if let Some(q) = spaced.chars().next().filter(|q| matches!(q, '»' | '”' | '"')) {
                    to += rest.len() - spaced.len() + q.len_utf8();
                }
                break;
            }
        }
        prev = [Some(c), prev[0]];
        if at > MAX_SIDE * 2 {
            to = at;
            break;
        }
    }
    let before = cut_start(before[from..].trim_start(), MAX_SIDE);
    let after = cut_end(after[..to].trim_end(), MAX_SIDE);
    Sentence {
        before: before.into(),
        after: after.into(),
    }
}

/// `M.` or `J.-P.`: a period after a lone capital letter.
fn abbreviation(chars: &[(usize, char)], k: usize) -> bool {
    if chars[k].1 != '.' || k == 0 {
        return false;
    }
    let letter = chars[k - 1].1;
    let alone = k < 2 || !chars[k - 2].1.is_alphanumeric();
    letter.is_uppercase() && alone
}

fn floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The last `max` bytes or so of `text`, from a space, with `…` before.
fn cut_start(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut at = text.len() - max;
    while !text.is_char_boundary(at) {
        at += 1;
    }
    let rest = &text[at..];
    let rest = rest.find(' ').map_or(rest, |i| &rest[i + 1..]);
    format!("… {rest}")
}

/// The first `max` bytes or so of `text`, to a space, with `…` after.
fn cut_end(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let head = &text[..floor(text, max)];
    let head = head.rfind(' ').map_or(head, |i| &head[..i]);
    format!("{head} …")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str, quote: &str) -> (String, String) {
        let start = text.find(quote).unwrap();
        let s = around(text, start, start + quote.len());
        (s.before.into(), s.after.into())
    }

    #[test]
    fn the_sentence_around_a_quote() {
        let text = "Premier point. Donald Trump a fixé un délai de 50 jours à la Russie. Suite.";
        assert_eq!(
            of(text, "délai de 50 jours"),
            ("Donald Trump a fixé un ".into(), " à la Russie.".into())
        );
        let text = "Le 1.000e jour, M. Poutine a parlé de 50 jours ! Fin.";
        assert_eq!(
            of(text, "50 jours"),
            ("Le 1.000e jour, M. Poutine a parlé de ".into(), " !".into())
        );
        let text = "titre\nIl a dit « 60 jours. » Puis rien.";
        assert_eq!(of(text, "60 jours"), ("Il a dit « ".into(), ". »".into()));
    }

    #[test]
    fn a_long_sentence_is_cut_at_spaces() {
        let long = "mot ".repeat(200);
        let text = format!("{long}50 jours {long}.");
        let (before, after) = of(&text, "50 jours");
        assert!(before.starts_with("… mot"), "{before}");
        assert!(before.len() <= MAX_SIDE + 4);
        assert!(after.ends_with("mot …"), "{after}");
    }
}
