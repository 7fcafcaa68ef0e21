//! Compiling a rule's patterns: each expanded and checked with a stand-in
//! for its placeholder, every syntax problem reported at its place in the
//! file (even for a rule whose other fields are broken).

use crate::french::Placeholder;
use crate::language::Lang;
use crate::rules::load::FileChecker;
use crate::rules::yaml_spans::{scalar_offset, Located, Node, Step};
use crate::rules::{build_regex, group_names, pattern, Pattern, Role, Subject, REGEX_SIZE_LIMIT, VALUE_GROUP};
use crate::value::Kind;
use regex_automata::meta::{self, Regex};

/// The syntax checks of a rule's patterns, for a rule whose other fields are
/// broken: the editor still learns of every bad pattern in one run.
pub(in crate::rules) fn check_raw_patterns(checker: &mut FileChecker, path: &[Step], item: &serde_yaml::Value) {
    let Some(patterns) = item.get("patterns").and_then(|p| p.as_sequence()) else {
        return;
    };
    for (i, pattern) in patterns.iter().enumerate() {
        if let Some(text) = pattern.as_str() {
            let pattern_path = [path, &[Step::Key("patterns".into()), Step::Index(i)]].concat();
            compile_regex(checker, &pattern_path, text);
        }
    }
}

/// Where byte `i` of the pattern at `path` stands in the file.
fn pattern_locator(checker: &FileChecker, path: &[Step]) -> impl Fn(&FileChecker, usize) -> usize {
    let (base, style) = match checker.node(path) {
        Some(Located {
            offset,
            node: Node::Scalar(_, style),
        }) => (*offset, Some(*style)),
        _ => (checker.offset(path), None),
    };
    move |checker: &FileChecker, i: usize| -> usize {
        match style {
            Some(style) => base + scalar_offset(checker.source.get(base..).unwrap_or(""), style, i),
            None => base,
        }
    }
}

/// Expands one pattern and checks it, reporting syntax problems: the
/// editor's regex is compiled with a stand-in for its placeholder (cheap;
/// the full regexes are built when an article needs them, see
/// [`Pattern`]). Returns the expansion and the stand-in regex, whose group
/// names are the full pattern's.
fn compile_regex(checker: &mut FileChecker, path: &[Step], source: &str) -> Option<(pattern::Expansion, Regex)> {
    let locate = pattern_locator(checker, path);
    let expansion = match pattern::expand(source) {
        Ok(e) => e,
        Err(e) => {
            let offset = locate(checker, e.offset);
            let end = locate(checker, e.offset + e.len);
            checker.report(
                "invalid-pattern",
                offset,
                end.saturating_sub(offset).max(1),
                e.message,
                "here",
                e.help,
            );
            return None;
        }
    };
    if let [_, (p, at), ..] = expansion.placeholders.as_slice() {
        // Each value placeholder is the group `value`: two cannot compile, and
        // a claim has one value anyway.
        let offset = locate(checker, *at);
        checker.report(
            "two-values",
            offset,
            p.name().len() + 2,
            "a pattern may hold only one value placeholder".into(),
            "second value",
            "write one rule per value (each claim has one value); use `{gap}` or plain words for context".into(),
        );
        return None;
    }
    let (stand_in, back) = expansion.stand_in();
    let regex = match build_regex(&stand_in, Role::Exact) {
        Ok(r) => r,
        Err(e) if e.size_limit().is_some() => {
            let limit = e.size_limit().unwrap_or(REGEX_SIZE_LIMIT);
            let offset = locate(checker, 0);
            checker.report(
                "pattern-too-large",
                offset,
                source.len().max(1),
                format!("this pattern compiles to more than {} MiB", limit / (1024 * 1024)),
                "too large",
                "reduce counted repetitions such as `{1000}` or `.{0,5000}`".into(),
            );
            return None;
        }
        Err(e) => {
            let (at, message) = syntax_error(&stand_in, &e);
            let i = expansion.source_offset(back(at));
            let offset = locate(checker, i);
            checker.report(
                "invalid-regex",
                offset,
                1,
                format!("invalid regular expression: {message}"),
                "here",
                "check brackets and escapes: write `\\(` for a literal parenthesis, and close every `(`".into(),
            );
            return None;
        }
    };
    drop(back);
    // A placeholder inside a counted repetition (`({count} ){2,9}`) is
    // copied into the NFA once per count, which the stand-in cannot show:
    // such a pattern is built now, so that its size is checked at load.
    if placeholder_repeated(&stand_in) {
        let full =
            build_regex(&expansion.regex, Role::Exact).and_then(|_| build_regex(&expansion.locator, Role::Locator));
        if let Err(e) = full {
            let offset = locate(checker, 0);
            checker.report(
                "pattern-too-large",
                offset,
                source.len().max(1),
                format!("this pattern is too large to compile: {e}"),
                "too large",
                "repeat the words around the placeholder, not the placeholder: reduce counted repetitions such as `({count} ){1,60}`".into(),
            );
            return None;
        }
    }
    Some((expansion, regex))
}

/// Whether a placeholder's stand-in stands inside a repetition that copies
/// it (`{2}`, `{1,9}`, `{3,}`; not `*`, `+` or `?`).
fn placeholder_repeated(stand_in: &str) -> bool {
    fn walk(h: &regex_syntax::hir::Hir, copied: bool) -> bool {
        use regex_syntax::hir::HirKind;
        match h.kind() {
            HirKind::Literal(lit) => copied && lit.0.windows(3).any(|w| w == pattern::STAND_IN_CHAR.as_bytes()),
            HirKind::Repetition(r) => walk(&r.sub, copied || r.min > 1 || r.max.is_some_and(|m| m > 1)),
            HirKind::Capture(c) => walk(&c.sub, copied),
            HirKind::Concat(hs) | HirKind::Alternation(hs) => hs.iter().any(|h| walk(h, copied)),
            HirKind::Empty | HirKind::Class(_) | HirKind::Look(_) => false,
        }
    }
    let mut parser = regex_syntax::ParserBuilder::new().case_insensitive(true).build();
    parser.parse(stand_in).is_ok_and(|h| walk(&h, false))
}

pub(super) fn compile_pattern(
    checker: &mut FileChecker,
    path: &[Step],
    source: &str,
    kind: Kind,
    subject: &Subject,
) -> Option<Pattern> {
    let (expansion, regex) = compile_regex(checker, path, source)?;
    let locate = pattern_locator(checker, path);
    let placeholder = match (kind, expansion.placeholders.as_slice()) {
        (Kind::Text, []) => None,
        (Kind::Text, [(p, at), ..]) => {
            let offset = locate(checker, *at);
            checker.report(
                "placeholder-kind",
                offset,
                p.name().len() + 2,
                format!("a text rule cannot use `{{{}}}`", p.name()),
                "not a text placeholder",
                "capture the words with a named group instead: `(?P<value>...)`, or change the rule's kind".into(),
            );
            return None;
        }
        (_, []) => {
            let offset = locate(checker, 0);
            checker.report(
                "no-value",
                offset,
                source.len().max(1),
                format!("this pattern has no value placeholder for a {kind} rule"),
                "no placeholder",
                format!("mark where the value is with {}", placeholders_for(kind)),
            );
            return None;
        }
        (_, [(p, at)]) if p.kind() != kind => {
            let offset = locate(checker, *at);
            checker.report(
                "placeholder-kind",
                offset,
                p.name().len() + 2,
                format!("`{{{}}}` reads a {}, but the rule's kind is {kind}", p.name(), p.kind()),
                "wrong kind",
                format!("use {} or change `kind`", placeholders_for(kind)),
            );
            return None;
        }
        (_, [(p, _)]) => Some(*p),
        // More than one value: reported by `compile_regex`.
        (_, _) => None,
    };
    if kind == Kind::Text && !group_names(&regex).any(|n| n == VALUE_GROUP) {
        let offset = locate(checker, 0);
        checker.report(
            "no-value",
            offset,
            source.len().max(1),
            "a text rule's pattern must capture its value".into(),
            "no `value` group",
            "wrap the words to compare in `(?P<value>...)`".into(),
        );
        return None;
    }
    for name in subject.captures() {
        if !group_names(&regex).any(|n| n == name) {
            let offset = locate(checker, 0);
            checker.report(
                "subject-capture",
                offset,
                source.len().max(1),
                format!("the subject names `{{{name}}}` but this pattern has no group `{name}`"),
                "missing group",
                format!("add `(?P<{name}>...)` to the pattern, or remove `{{{name}}}` from the subject"),
            );
            return None;
        }
    }
    Some(Pattern::new(
        source.to_string(),
        expansion.regex,
        expansion.skeleton,
        expansion.locator,
        placeholder,
        Lang::Fr,
    ))
}

fn placeholders_for(kind: Kind) -> String {
    Placeholder::ALL
        .iter()
        .filter(|p| p.kind() == kind)
        .map(|p| format!("`{{{}}}`", p.name()))
        .collect::<Vec<_>>()
        .join(" or ")
}

/// The offset in `regex` where its syntax error is, and a one-line message.
fn syntax_error(regex: &str, error: &meta::BuildError) -> (usize, String) {
    match regex_syntax::ast::parse::Parser::new().parse(regex) {
        Err(e) => (e.span().start.offset, e.kind().to_string()),
        Ok(_) => match regex_syntax::Parser::new().parse(regex) {
            Err(regex_syntax::Error::Translate(e)) => (e.span().start.offset, e.kind().to_string()),
            _ => (0, error.to_string().lines().last().unwrap_or("").trim().to_string()),
        },
    }
}
