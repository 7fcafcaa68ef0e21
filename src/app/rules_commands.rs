//! `recoupe rules …`: check, test, new, list, explain, words and patterns.

use super::{exit, load_rules, Output};
use crate::corpus;
use crate::report;
use crate::rules;
use std::io::Write;

/// `recoupe rules check`: exit 0 when every rule file is valid, 2 otherwise.
pub fn rules_check(dir: &std::path::Path, io: &mut Output) -> i32 {
    match load_rules(dir, io) {
        Some(set) => {
            let files: std::collections::BTreeSet<&str> = set.rules.iter().map(|r| r.file.as_str()).collect();
            let n = |n: usize, one: &str, many: &str| report::words::count(crate::language::Lang::En, n, one, many);
            let _ = writeln!(
                io.out,
                "{} in {}: all valid",
                n(set.rules.len(), "rule", "rules"),
                n(files.len(), "file", "files")
            );
            exit::OK
        }
        None => exit::ERROR,
    }
}

/// `recoupe rules test`: exit 0 when every example behaves, 1 otherwise.
pub fn rules_test(dir: &std::path::Path, filter: Option<&str>, json: bool, io: &mut Output) -> i32 {
    let Some(set) = load_rules(dir, io) else {
        return exit::ERROR;
    };
    let results = crate::rule_examples::run(&set, filter);
    if results.is_empty() {
        let _ = writeln!(io.err, "error: no rule id contains `{}`", filter.unwrap_or(""));
        let _ = writeln!(io.err, "  help: `recoupe rules list` shows the ids");
        return exit::ERROR;
    }
    let text = match json {
        true => crate::rule_examples::render_json(&results),
        false => crate::rule_examples::render(&results),
    };
    let _ = write!(io.out, "{text}");
    if results.iter().all(|r| r.passed()) {
        exit::OK
    } else {
        exit::FINDINGS
    }
}

/// `recoupe rules new ID`: a commented rule file with a frame and examples,
/// on standard output or in `output` (never over an existing file).
pub fn rules_new(id: &str, output: Option<&std::path::Path>, io: &mut Output) -> i32 {
    let valid = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_' || c == '.')
        && id.starts_with(|c: char| c.is_ascii_alphanumeric());
    if !valid {
        let _ = writeln!(io.err, "error: `{id}` is not a rule id");
        let _ = writeln!(
            io.err,
            "  help: lowercase letters, digits and hyphens, e.g. `flood-evacuees-count`"
        );
        return exit::ERROR;
    }
    let text = crate::rule_examples::new_rule(id);
    match output {
        None => {
            let _ = write!(io.out, "{text}");
        }
        Some(path) => {
            let created = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)
                .and_then(|mut f| f.write_all(text.as_bytes()));
            if let Err(e) = created {
                let _ = writeln!(io.err, "error: cannot write {}: {e}", path.display());
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    let _ = writeln!(io.err, "  help: rules new never replaces a file: choose another name");
                }
                return exit::ERROR;
            }
            let _ = writeln!(
                io.err,
                "recoupe: wrote {}; edit it, then `recoupe rules test --filter {id}`",
                path.display()
            );
        }
    }
    exit::OK
}

/// `recoupe rules list`: a table, or JSON when `json`.
pub fn rules_list(dir: &std::path::Path, json: bool, io: &mut Output) -> i32 {
    let Some(set) = load_rules(dir, io) else {
        return exit::ERROR;
    };
    let text = match json {
        true => {
            let list: Vec<serde_json::Value> = set
                .rules
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "id": r.id,
                        "subject": r.subject.to_string(),
                        "kind": r.kind.as_str(),
                        "patterns": r.patterns.len(),
                        "examples": {"match": r.examples.matches.len(), "no_match": r.examples.no_match.len()},
                        "file": r.file,
                        "line": r.line,
                        "description": r.description,
                    })
                })
                .collect();
            serde_json::to_string_pretty(&list).unwrap_or_default() + "\n"
        }
        false => {
            let rows: Vec<[String; 6]> = set
                .rules
                .iter()
                .map(|r| {
                    [
                        r.id.clone(),
                        r.subject.to_string(),
                        r.kind.to_string(),
                        r.patterns.len().to_string(),
                        format!("{}+{}", r.examples.matches.len(), r.examples.no_match.len()),
                        format!("{}:{}", r.file, r.line),
                    ]
                })
                .collect();
            table(&["id", "subject", "kind", "patterns", "examples", "file"], &rows)
        }
    };
    let _ = write!(io.out, "{text}");
    exit::OK
}

/// A plain text table, columns padded to their widest cell.
fn table<const N: usize>(header: &[&str; N], rows: &[[String; N]]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let mut line = |cells: Vec<&str>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect();
        out.push_str(padded.join("  ").trim_end());
        out.push('\n');
    };
    line(header.to_vec());
    for row in rows {
        line(row.iter().map(String::as_str).collect());
    }
    out
}

/// `recoupe rules explain ID`.
pub fn rules_explain(dir: &std::path::Path, id: &str, articles: &[std::path::PathBuf], io: &mut Output) -> i32 {
    let Some(set) = load_rules(dir, io) else {
        return exit::ERROR;
    };
    let Some(rule) = set.get(id) else {
        let _ = writeln!(io.err, "error: no rule with id `{id}`");
        let ids: Vec<&str> = set.rules.iter().map(|r| r.id.as_str()).collect();
        let _ = writeln!(io.err, "  help: the rules are: {}", ids.join(", "));
        return exit::ERROR;
    };
    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = writeln!(out, "{} ({}:{})\n", rule.id, rule.file, rule.line);
    for line in rule.description.lines() {
        let _ = writeln!(out, "  {line}");
    }
    let _ = writeln!(out, "\nsubject:   {}", rule.subject);
    let _ = writeln!(out, "kind:      {}", rule.kind);
    let tolerance = match rule.tolerance {
        rules::Tolerance::Absolute(t) => report::format_number(t),
        rules::Tolerance::Relative(f) => format!("{}%", report::format_number(f * 100.0)),
    };
    let _ = writeln!(out, "tolerance: {tolerance}");
    if !rule.window.is_open() {
        let show = |d: Option<jiff::civil::Date>| d.map_or("…".to_string(), |d| d.to_string());
        let _ = writeln!(out, "published: {} to {}", show(rule.window.from), show(rule.window.to));
    }
    if let Some(frame) = &rule.frame {
        out.push_str(&describe_frame(frame));
    }
    let index = set.rules.iter().position(|r| r.id == rule.id).unwrap_or(0);
    for (i, p) in rule.patterns.iter().enumerate() {
        let _ = writeln!(
            out,
            "\npattern {}:\n  written:  {}\n  expanded: (?i){}",
            i + 1,
            p.source,
            p.expanded
        );
        // Case variants (`É`, the Kelvin sign) are searched too but say
        // nothing more to an editor.
        let requires = match set.required_words(index, i) {
            None => "nothing: runs on every article".to_string(),
            Some(words) => {
                let mut shown: Vec<String> = words
                    .iter()
                    .map(|w| format!("`{}`", rules::literals::plain(w)))
                    .collect();
                shown.sort();
                shown.dedup();
                format!("one of {}", shown.join(", "))
            }
        };
        let _ = writeln!(out, "  requires: {requires}");
    }
    let _ = writeln!(out, "\nexamples:");
    for e in &rule.examples.matches {
        let published = e.published.map(|d| format!(" (published {d})")).unwrap_or_default();
        let _ = writeln!(out, "  match:    “{}”{published} [{}]", e.text, e.lang);
    }
    for e in &rule.examples.no_match {
        let _ = writeln!(out, "  no_match: “{}” [{}]", e.text, e.lang);
    }
    let mut code = exit::OK;
    for path in articles {
        let (document, warnings) = corpus::read_document(path, &corpus::LoadOptions::default());
        let Some(document) = document else {
            for w in warnings {
                let _ = writeln!(io.err, "error: {}: {}", w.path, w.message);
            }
            code = exit::ERROR;
            continue;
        };
        let body = document.text.get(document.body_start..).unwrap_or("");
        let _ = writeln!(
            out,
            "
in {} (lang {}, {}):",
            document.path,
            document.meta.lang,
            document.meta.lang_source.as_str().replace('_', " ")
        );
        let Some(frame) = &rule.frame else {
            let _ = writeln!(out, "  the rule has no frame: its patterns are shown above");
            continue;
        };
        let Some(lang) = crate::language::Lang::from_code(&document.meta.lang) else {
            let _ = writeln!(out, "  recoupe reads French and English values: not this article");
            continue;
        };
        if !frame.reads(lang) {
            let _ = writeln!(
                out,
                "  the frame has no {lang} words for some of its constraints: it does not read this article"
            );
            continue;
        }
        // The article's day as `check` reads it: its front matter's, else
        // its URL's.
        let day = document
            .meta
            .published
            .or_else(|| document.meta.url.as_deref().and_then(crate::search::dates::from_url));
        let verdicts = crate::search::explain(rule, body, lang, day);
        if verdicts.is_empty() {
            let _ = writeln!(out, "  no value of the rule's kind in the article");
        }
        // What `check` keeps of the article with this rule: a value the frame
        // reads may still be left out when its words are read (a date
        // outside the rule's `when`, a weekday with no day to fall on).
        let extraction = crate::extract::extract_document(&document, &set, &mut crate::extract::Scratch::new(&set));
        let kept: std::collections::HashSet<usize> = extraction
            .claims
            .iter()
            .filter(|c| *c.rule.id == *rule.id)
            .map(|c| c.value_span.start as usize)
            .collect();
        let offsets: Vec<usize> = verdicts.iter().map(|(start, ..)| document.body_start + start).collect();
        let places = document.line_columns(&offsets);
        for (((_, words, verdict), (line, column)), at) in verdicts.into_iter().zip(places).zip(offsets) {
            let shown = report::one_line(&words);
            match verdict {
                Ok(_) if kept.contains(&at) => {
                    let _ = writeln!(out, "  ✔ {line}:{column} “{shown}”: read");
                }
                Ok(_) => {
                    // A warning on the value's line that names the rule or
                    // its subject: a value left out where it was read (an
                    // unresolved day), or read by two subjects, or given
                    // twice in its sentence.
                    let (named_rule, named_subject) =
                        (format!("`{}`", rule.id), format!("`{}`", rule.subject.render(|_| None)));
                    let warned = extraction.warnings.iter().find(|w| {
                        w.line == Some(line)
                            && (w.message.starts_with(&format!("rule {named_rule}"))
                                || w.message.contains(&named_rule)
                                || w.message.contains(&named_subject))
                    });
                    let outside_window = document.meta.published.filter(|day| !rule.window.admits(Some(*day)));
                    // A number or duration outside the rule's `range`.
                    let out_of_range = frame.range.and_then(|(from, to)| {
                        let ctx = crate::normalize::Context {
                            published: None,
                            around: "",
                            lang,
                        };
                        let value = crate::normalize::normalize(frame.placeholder, &words, &ctx).ok()?;
                        let r = value.range()?;
                        (r.hi < from || r.lo > to).then(|| {
                            format!(
                                "the frame holds, but {} is outside the rule's `range` ({} to {}): another fact's",
                                report::one_line(words.trim()),
                                range_end(from),
                                range_end(to)
                            )
                        })
                    });
                    let why = match warned {
                        Some(w) => w.message.clone(),
                        None if outside_window.is_some() => format!(
                            "the frame holds, but the article's day, {}, is outside the rule's publication window \
                             (`published`: {} to {})",
                            outside_window.map(|d| d.to_string()).unwrap_or_default(),
                            rule.window.from.map_or("…".to_string(), |d| d.to_string()),
                            rule.window.to.map_or("…".to_string(), |d| d.to_string())
                        ),
                        None if out_of_range.is_some() => out_of_range.unwrap_or_default(),
                        None if rule.kind == crate::value::Kind::Date
                            && rule.frame.as_ref().is_some_and(|f| !f.when.is_open()) =>
                        {
                            "the frame holds, but the day it names is outside the rule's `when`: another event's"
                                .to_string()
                        }
                        None => "the frame holds, but its words give no value `check` keeps".to_string(),
                    };
                    let _ = writeln!(out, "  ✘ {line}:{column} “{shown}”: {why}");
                }
                Err(why) => {
                    let _ = writeln!(out, "  ✘ {line}:{column} “{shown}”: {why}");
                }
            }
        }
    }
    let _ = write!(io.out, "{out}");
    code
}

/// An end of a rule's `range`: the number, or `…` when there is none.
fn range_end(x: f64) -> String {
    match x.is_finite() {
        true => report::format_number(x),
        false => "…".to_string(),
    }
}

/// A frame as `rules explain` shows it: each constraint on one line.
fn describe_frame(frame: &rules::frame::Frame) -> String {
    use rules::model::Side;
    use std::fmt::Write as _;
    let mut out = String::from(
        "
frame:
",
    );
    let _ = writeln!(
        out,
        "  values:     every {{{}}} in the article",
        frame.placeholder.name()
    );
    let langs: Vec<&str> = frame.langs.iter().map(|l| l.code()).collect();
    let _ = writeln!(
        out,
        "  languages:  {} (each constraint has words for these)",
        if langs.is_empty() {
            "none".to_string()
        } else {
            langs.join(", ")
        }
    );
    if let Some(unit) = &frame.unit {
        let _ = writeln!(
            out,
            "  unit:       {} within {} words after the value",
            unit.shown(),
            frame.unit_within
        );
    }
    match frame.paired {
        Some(true) => {
            let _ = writeln!(out, "  paired:     only a figure given per side (`1000 contre 1000`)");
        }
        Some(false) => {
            let _ = writeln!(out, "  paired:     never a figure given per side");
        }
        None => {}
    }
    let side = |s: Side| match s {
        Side::Before => "before",
        Side::After => "after",
        Side::Either => "either side of",
    };
    let near_line = |label: &str, near: &rules::frame::Near| {
        format!(
            "  {label:<11} {} {} within {} words {} the value{}\n",
            if label == "near:" { "one of" } else { "any of" },
            near.words.shown(),
            near.within,
            side(near.side),
            if near.same_clause { ", in its clause" } else { "" }
        )
    };
    for near in &frame.near {
        out.push_str(&near_line("near:", near));
    }
    for (scope, groups) in [
        ("sentence", &frame.sentence),
        ("passage", &frame.passage),
        ("paragraph", &frame.paragraph),
        ("document", &frame.document),
    ] {
        for group in groups {
            let _ = writeln!(out, "  {scope:<11} one of {}", group.shown());
        }
    }
    if let Some(place) = &frame.place {
        let _ = writeln!(
            out,
            "  place:      one of {} in the sentence, or in the nearest sentence before it that names a place",
            place.shown()
        );
    }
    for near in &frame.not_near {
        out.push_str(&near_line("not near:", near));
    }
    for (scope, words) in [
        ("sentence", &frame.not_sentence),
        ("paragraph", &frame.not_paragraph),
        ("document", &frame.not_document),
        ("undated document", &frame.not_undated_document),
    ] {
        if let Some(words) = words {
            let _ = writeln!(out, "  not {scope:<7} any of {}", words.shown());
        }
    }
    if !frame.when.is_open() {
        let show = |d: Option<jiff::civil::Date>| d.map_or("…".to_string(), |d| d.to_string());
        let what = match frame.placeholder {
            crate::french::Placeholder::Date => "a date",
            _ => "a sentence that names no day outside",
        };
        let _ = writeln!(
            out,
            "  when:       {what} from {} to {}",
            show(frame.when.from),
            show(frame.when.to)
        );
    }
    if let Some(signature) = &frame.signature {
        let figures: Vec<String> = signature
            .figures
            .iter()
            .map(|f| format!("{} {}", range_end(f.value), f.unit.shown()))
            .collect();
        let _ = writeln!(
            out,
            "  signature:  {} is named by {}",
            signature.day,
            figures.join(" or ")
        );
    }
    if let Some((from, to)) = frame.range {
        let _ = writeln!(
            out,
            "  range:      a value from {} to {}",
            range_end(from),
            range_end(to)
        );
    }
    out
}

/// `recoupe rules words`: the words the frames look for, sorted, once each,
/// as written (a prefix without its `*`): what `rg -F -i -f` scans for in
/// the throughput benchmark's floor.
pub fn rules_words(dir: &std::path::Path, io: &mut Output) -> i32 {
    let Some(set) = load_rules(dir, io) else {
        return exit::ERROR;
    };
    let mut words = std::collections::BTreeSet::new();
    for frame in set.rules.iter().filter_map(|r| r.frame.as_ref()) {
        let sets = frame
            .unit
            .iter()
            .chain(frame.near.iter().map(|n| &n.words))
            .chain(&frame.sentence)
            .chain(&frame.passage)
            .chain(&frame.place)
            .chain(&frame.paragraph)
            .chain(&frame.document);
        for set in sets {
            for (_, word) in &set.words {
                words.insert(word.written.trim_end_matches('*').to_string());
            }
        }
    }
    for word in &words {
        // A failed write is reported by `main`, which checks the output.
        if writeln!(io.out, "{word}").is_err() {
            break;
        }
    }
    exit::OK
}

/// `recoupe rules patterns`: every compiled regex, one per line, in a syntax
/// ripgrep accepts (`rg -f`, which joins them into one alternation: named
/// groups are made non-capturing), so that timings compare like with like.
pub fn rules_patterns(dir: &std::path::Path, io: &mut Output) -> i32 {
    let Some(set) = load_rules(dir, io) else {
        return exit::ERROR;
    };
    for rule in &set.rules {
        for p in &rule.patterns {
            let _ = writeln!(io.out, "(?i){}", rules::pattern::without_named_groups(&p.expanded));
        }
    }
    exit::OK
}
