//! Loading rule files: the folder's `*.yaml` files, each parsed, checked
//! key by key and compiled ([`super::compile`]), every problem collected as a
//! diagnostic with file, line and column; then the checks across files
//! (unique ids, one kind per subject).

use super::compile::{check_raw_patterns, compile_rule};
use super::diagnostic::{RuleDiagnostic, RuleErrors};
use super::model::{self, RuleSpec};
use super::yaml_spans::{Located, Node, Step};
use super::{Rule, RuleSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The rule files of a folder: `*.yaml` and `*.yml`, sorted, not recursive.
pub fn rule_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        // A `*.yaml` that is not a file (a broken or looping link, a
        // folder) is kept: reading it gives the error, rather than the rule
        // file being skipped without a word.
        .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml") && !p.is_dir())
        .collect();
    files.sort();
    Ok(files)
}

/// Loads, checks and compiles every rule file of `dir`.
pub fn load_dir(dir: &Path) -> Result<RuleSet, RuleErrors> {
    load_sources(read_sources(dir)?)
}

/// The rule files of `dir` as `(shown name, text)`, in load order, unchecked:
/// what [`load_sources`] compiles, and what the claims cache and shard files
/// hash (`cache::rules_hash`).
pub fn read_sources(dir: &Path) -> Result<Vec<(String, String)>, RuleErrors> {
    let shown = crate::corpus::display_path(dir);
    let files = rule_files(dir).map_err(|e| {
        single_error(
            "unreadable",
            &shown,
            format!("cannot read the rules folder: {e}"),
            "check the path given to --rules",
        )
    })?;
    if files.is_empty() {
        return Err(single_error(
            "unreadable",
            &shown,
            "no rule files (*.yaml) in this folder".into(),
            "point --rules at a folder of rule files, such as the shipped rules/",
        ));
    }
    let mut sources = Vec::new();
    for file in &files {
        let name = crate::corpus::display_path(file);
        match std::fs::read_to_string(file) {
            Ok(text) => sources.push((name, text)),
            Err(e) => {
                let help = match e.kind() {
                    std::io::ErrorKind::InvalidData => "rule files must be UTF-8 text",
                    std::io::ErrorKind::NotFound => "a link that points nowhere: fix or remove it",
                    std::io::ErrorKind::PermissionDenied => "give the user running recoupe read access to the file",
                    _ if std::fs::symlink_metadata(file).is_ok_and(|m| m.file_type().is_symlink()) => {
                        "a link that cannot be followed (a loop?): fix or remove it"
                    }
                    _ => "check that the file can be read",
                };
                return Err(single_error(
                    "unreadable",
                    &name,
                    format!("cannot read this rule file: {e}"),
                    help,
                ));
            }
        }
    }
    Ok(sources)
}

/// Checks and compiles rule files given as `(shown name, text)`.
pub fn load_sources(sources: Vec<(String, String)>) -> Result<RuleSet, RuleErrors> {
    let mut rules = Vec::new();
    let mut sites = Vec::new();
    let mut errors = RuleErrors::default();
    let mut texts = Vec::new();
    for (name, text) in sources {
        let text = Arc::new(text);
        texts.push((name.clone(), text.clone()));
        let (mut file_rules, mut file_sites, mut problems) = parse_file(&name, text);
        rules.append(&mut file_rules);
        sites.append(&mut file_sites);
        errors.diagnostics.append(&mut problems);
    }
    check_unique_ids(&sites, &mut errors);
    check_subject_kinds(&rules, &sites, &mut errors);
    check_revises(&rules, &texts, &mut errors);
    if !errors.diagnostics.is_empty() {
        return Err(errors);
    }
    RuleSet::new(rules).map_err(|e| {
        single_error(
            "patterns-too-large",
            "rules",
            format!("the patterns together are too large to compile: {e}"),
            "split or simplify the largest patterns",
        )
    })
}

fn single_error(code: &'static str, file: &str, message: String, help: &str) -> RuleErrors {
    RuleErrors {
        diagnostics: vec![RuleDiagnostic {
            code,
            message,
            file: file.to_string(),
            source: Arc::new(String::new()),
            offset: 0,
            len: 0,
            label: "here".into(),
            help: Some(help.to_string()),
        }],
    }
}

/// Where a rule id is written, for the duplicate check: taken from the YAML
/// itself, so that a rule with other errors still counts.
pub(super) struct IdSite {
    id: String,
    file: String,
    source: Arc<String>,
    offset: usize,
}

fn check_unique_ids(sites: &[IdSite], errors: &mut RuleErrors) {
    for (i, site) in sites.iter().enumerate() {
        if let Some(first) = sites[..i].iter().find(|s| s.id == site.id) {
            let (line, _) = crate::corpus::line_column(&first.source, first.offset);
            errors.diagnostics.push(RuleDiagnostic {
                code: "duplicate-id",
                message: format!("rule id `{}` is used twice", site.id),
                file: site.file.clone(),
                source: site.source.clone(),
                offset: site.offset,
                len: site.id.len().max(1),
                label: "second use".into(),
                help: Some(format!(
                    "ids must be unique across all rule files; `{}` is first defined in {}:{}. Rename one of them",
                    site.id, first.file, line
                )),
            });
        }
    }
}

/// Where a problem is and what to say about it, while one file is checked.
pub(super) struct FileChecker<'a> {
    pub(super) file: &'a str,
    pub(super) source: Arc<String>,
    pub(super) tree: Option<Located>,
    pub(super) problems: Vec<RuleDiagnostic>,
}

impl FileChecker<'_> {
    pub(super) fn node(&self, path: &[Step]) -> Option<&Located> {
        self.tree.as_ref().and_then(|t| t.find(path))
    }

    /// Where the node at `path` starts, or the nearest node that exists.
    pub(super) fn offset(&self, path: &[Step]) -> usize {
        self.tree.as_ref().map_or(0, |t| t.nearest(path).offset)
    }

    /// Length of the token at `offset`: to the end of its line, at most.
    pub(super) fn token_len(&self, offset: usize) -> usize {
        let rest = self.source.get(offset..).unwrap_or("");
        rest.find('\n').map_or(rest.len(), |i| i).max(1).min(rest.len())
    }

    pub(super) fn report(
        &mut self,
        code: &'static str,
        offset: usize,
        len: usize,
        message: String,
        label: &str,
        help: String,
    ) {
        self.problems.push(RuleDiagnostic {
            code,
            message,
            file: self.file.to_string(),
            source: self.source.clone(),
            offset,
            len,
            label: label.to_string(),
            help: Some(help),
        });
    }

    pub(super) fn report_at(&mut self, code: &'static str, path: &[Step], message: String, label: &str, help: String) {
        let offset = self.offset(path);
        let len = self.token_len(offset);
        self.report(code, offset, len, message, label, help);
    }

    /// Reports the keys of the map at `path` that are not in `known`.
    pub(super) fn unknown_keys(&mut self, path: &[Step], known: &[&str], what: &str) -> bool {
        let Some(entries) = self.node(path).and_then(Located::as_map) else {
            return false;
        };
        let unknown: Vec<(String, usize)> = entries
            .iter()
            .filter(|(k, _, _)| !known.contains(&k.as_str()))
            .map(|(k, o, _)| (k.clone(), *o))
            .collect();
        for (key, offset) in &unknown {
            let hint = match closest(key, known) {
                Some(near) => format!("did you mean `{near}`? {what} may have: {}", known.join(", ")),
                None => format!("{what} may have: {}", known.join(", ")),
            };
            self.report(
                "unknown-key",
                *offset,
                key.len().max(1),
                format!("unknown key `{key}` in {what}"),
                "not a known key",
                hint,
            );
        }
        !unknown.is_empty()
    }
}

/// Rules that share a subject are compared with each other, so they must read
/// the same kind of value.
fn check_subject_kinds(rules: &[Rule], sites: &[IdSite], errors: &mut RuleErrors) {
    for (i, rule) in rules.iter().enumerate() {
        let subject = rule.subject.to_string();
        if let Some(other) = rules[..i]
            .iter()
            .find(|r| r.subject.to_string() == subject && r.kind != rule.kind)
        {
            // Point at the rule's id, where the editor will look.
            let site = sites.iter().find(|s| s.id == rule.id && s.file == rule.file);
            errors.diagnostics.push(RuleDiagnostic {
                code: "subject-kind",
                message: format!("subject `{subject}` is read as a {} here and as a {} by rule `{}`", rule.kind, other.kind, other.id),
                file: rule.file.clone(),
                source: site.map_or_else(|| Arc::new(String::new()), |s| s.source.clone()),
                offset: site.map_or(0, |s| s.offset),
                len: rule.id.len(),
                label: "this rule".into(),
                help: Some(format!("claims of one subject are compared with each other: give rule `{}` its own subject, or the same kind as `{}` ({}:{})", rule.id, other.id, other.file, other.line)),
            });
        }
    }
}

/// A rule's `revises` must name the subject of another rule: a misspelt
/// name would silently never link the two facts.
fn check_revises(rules: &[Rule], sources: &[(String, Arc<String>)], errors: &mut RuleErrors) {
    let subjects: std::collections::BTreeSet<String> = rules.iter().map(|r| r.subject.to_string()).collect();
    for rule in rules {
        let Some((revised, offset)) = &rule.revises else {
            continue;
        };
        if subjects.contains(revised) {
            continue;
        }
        let known: Vec<&str> = subjects.iter().map(String::as_str).collect();
        let closest = closest(revised, &known)
            .map(|s| format!("did you mean `{s}`? "))
            .unwrap_or_default();
        errors.diagnostics.push(RuleDiagnostic {
            code: "unknown-subject",
            message: format!(
                "rule `{}` revises `{revised}`, which no rule has as its subject",
                rule.id
            ),
            file: rule.file.clone(),
            source: sources
                .iter()
                .find(|(f, _)| *f == rule.file)
                .map_or_else(|| Arc::new(String::new()), |(_, s)| s.clone()),
            offset: *offset,
            len: revised.len().max(1),
            label: "unknown subject".into(),
            help: Some(format!(
                "{closest}`revises` names the `subject` of the rule whose fact this one replaces"
            )),
        });
    }
}

/// Flow collections (`[`, `{`) nested deeper than this are refused.
const MAX_FLOW_DEPTH: usize = 64;

/// The byte offset where brackets first nest deeper than `limit`.
fn deep_offset(text: &str, limit: usize) -> usize {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '[' | '{' => {
                depth += 1;
                if depth > limit {
                    return i;
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    0
}

/// Parses one rule file; returns its rules, where their ids stand, and its
/// problems.
fn parse_file(file: &str, source: Arc<String>) -> (Vec<Rule>, Vec<IdSite>, Vec<RuleDiagnostic>) {
    // The YAML scanners are quadratic in nested flow collections (a 200 KB
    // rule file of `[` took 37 s): refuse the depth before parsing.
    if crate::corpus::flow_depth(&source) > MAX_FLOW_DEPTH {
        let mut checker = FileChecker {
            file,
            source: source.clone(),
            tree: None,
            problems: Vec::new(),
        };
        let offset = deep_offset(&source, MAX_FLOW_DEPTH);
        checker.report(
            "yaml-too-deep",
            offset,
            1,
            format!("brackets nest more than {MAX_FLOW_DEPTH} deep here: not a rule file recoupe reads"),
            "too deep",
            "write lists and maps with indentation, or nest fewer `[` and `{`".into(),
        );
        return (Vec::new(), Vec::new(), checker.problems);
    }
    let mut checker = FileChecker {
        file,
        source: source.clone(),
        tree: Located::parse(&source),
        problems: Vec::new(),
    };
    let document: serde_yaml::Value = match serde_yaml::from_str(&source) {
        Ok(v) => v,
        Err(e) => {
            // An error at the very end points at the last character, so that
            // the snippet can draw its label.
            let mut offset = e
                .location()
                .map_or(0, |l| offset_of(&source, l.line(), l.column()))
                .min(source.len().saturating_sub(1));
            while offset > 0 && !source.is_char_boundary(offset) {
                offset -= 1;
            }
            let message = e.to_string();
            let message = message.split(" at line ").next().unwrap_or(&message).to_string();
            checker.report(
                "yaml-syntax",
                offset,
                1,
                format!("not valid YAML: {message}"),
                "here",
                "check indentation and quoting; quote patterns that start with `{`, `[`, `*` or contain `: `".into(),
            );
            return (Vec::new(), Vec::new(), checker.problems);
        }
    };
    let Some(items) = document.get("rules").and_then(|r| r.as_sequence()) else {
        checker.report_at(
            "missing-rules",
            &[],
            "a rule file must have a top-level `rules:` list".into(),
            "expected `rules:`",
            "start the file with `rules:` and list the rules below it, each starting with `- id:`".into(),
        );
        return (Vec::new(), Vec::new(), checker.problems);
    };
    checker.unknown_keys(&[], &["rules"], "a rule file");
    let mut rules = Vec::new();
    let mut sites = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let path = vec![Step::Key("rules".into()), Step::Index(index)];
        if let Some(id) = item.get("id").and_then(|v| v.as_str()) {
            sites.push(IdSite {
                id: id.to_string(),
                file: file.to_string(),
                source: source.clone(),
                offset: checker.offset(&[path.clone(), vec![Step::Key("id".into())]].concat()),
            });
        }
        if let Some(rule) = parse_rule(&mut checker, &path, item) {
            rules.push(rule);
        }
    }
    (rules, sites, checker.problems)
}

fn parse_rule(checker: &mut FileChecker, path: &[Step], item: &serde_yaml::Value) -> Option<Rule> {
    let at = |more: &[Step]| [path, more].concat();
    let key = |k: &str| Step::Key(k.to_string());
    let mut bad = checker.unknown_keys(path, model::RULE_FIELDS, "a rule");
    bad |= checker.unknown_keys(&at(&[key("examples")]), model::EXAMPLES_FIELDS, "`examples`");
    bad |= checker.unknown_keys(&at(&[key("published")]), model::WINDOW_FIELDS, "`published`");
    bad |= checker.unknown_keys(&at(&[key("when")]), model::WINDOW_FIELDS, "`when`");
    bad |= checker.unknown_keys(&at(&[key("range")]), model::WINDOW_FIELDS, "`range`");
    bad |= checker.unknown_keys(&at(&[key("not")]), model::EXCLUDE_FIELDS, "`not`");
    bad |= checker.unknown_keys(&at(&[key("signature")]), model::SIGNATURE_FIELDS, "`signature`");
    let figures = item
        .get("signature")
        .and_then(|s| s.get("figures"))
        .and_then(|f| f.as_sequence())
        .map_or(0, Vec::len);
    for i in 0..figures {
        bad |= checker.unknown_keys(
            &at(&[key("signature"), key("figures"), Step::Index(i)]),
            model::FIGURE_FIELDS,
            "a `signature` figure",
        );
    }
    for near in [vec![key("near")], vec![key("not"), key("near")]] {
        let near_path = at(&near);
        match checker.node(&near_path).map(|n| &n.node) {
            Some(Node::Seq(items)) => {
                for i in 0..items.len() {
                    bad |= checker.unknown_keys(
                        &[near_path.clone(), vec![Step::Index(i)]].concat(),
                        model::NEAR_FIELDS,
                        "a `near` entry",
                    );
                }
            }
            _ => bad |= checker.unknown_keys(&near_path, model::NEAR_FIELDS, "a `near` entry"),
        }
    }
    let match_count = item
        .get("examples")
        .and_then(|e| e.get("match"))
        .and_then(|m| m.as_sequence())
        .map_or(0, Vec::len);
    for j in 0..match_count {
        bad |= checker.unknown_keys(
            &at(&[key("examples"), key("match"), Step::Index(j)]),
            model::MATCH_EXAMPLE_FIELDS,
            "a match example",
        );
    }
    let no_match = item
        .get("examples")
        .and_then(|e| e.get("no_match"))
        .and_then(|m| m.as_sequence());
    for (j, example) in no_match.into_iter().flatten().enumerate() {
        if example.is_mapping() {
            bad |= checker.unknown_keys(
                &at(&[key("examples"), key("no_match"), Step::Index(j)]),
                model::NO_MATCH_FIELDS,
                "a no_match example",
            );
        }
    }
    let spec: RuleSpec = match serde_path_to_error::deserialize(item.clone()) {
        Ok(spec) => spec,
        Err(e) => {
            let message = e.inner().to_string();
            // Unknown keys were reported above, each at its own place.
            if !(bad && message.starts_with("unknown field")) {
                let mut steps = path.to_vec();
                for segment in e.path().iter() {
                    match segment {
                        serde_path_to_error::Segment::Seq { index } => steps.push(Step::Index(*index)),
                        serde_path_to_error::Segment::Map { key } => steps.push(Step::Key(key.clone())),
                        _ => {}
                    }
                }
                let help = if message.starts_with("missing field") {
                    format!(
                        "every rule needs {}",
                        [
                            "id",
                            "description",
                            "subject",
                            "kind",
                            "and `patterns` or a frame (`unit`, `near`, `sentence`…)"
                        ]
                        .join(", ")
                    )
                } else if message.contains("variant") {
                    "`kind` is one of number, duration, date, text".to_string()
                } else {
                    "see docs/rules.md for the type of each field".to_string()
                };
                let shown_path = e.path().to_string();
                checker.report_at(
                    "invalid-field",
                    &steps,
                    format!("{message} (at `{shown_path}`)"),
                    "here",
                    help,
                );
            }
            check_raw_patterns(checker, path, item);
            return None;
        }
    };
    if bad {
        check_raw_patterns(checker, path, item);
        return None;
    }
    compile_rule(checker, path, spec)
}

/// Byte offset of a 1-based line and column (characters).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return offset
                + l.char_indices()
                    .nth(column.saturating_sub(1))
                    .map_or(l.len(), |(b, _)| b);
        }
        offset += l.len();
    }
    text.len()
}

/// The known name nearest to `word`, when it is near enough to be a typo.
fn closest<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (edit_distance(word, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3))
        .min()
        .map(|(_, k)| k)
}

pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            current.push((previous[j] + cost).min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}
