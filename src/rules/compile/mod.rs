//! Compiling one checked rule: its patterns (placeholders expanded, regexes
//! built for their roles), its frame ([`super::frame`]), tolerance, windows
//! and examples. Each problem is reported at its place in the file. The
//! patterns' expansion and syntax checks are `patterns`'.

mod patterns;

pub(super) use patterns::check_raw_patterns;

use super::load::FileChecker;
use super::model::{self, RuleSpec, ToleranceSpec};
use super::yaml_spans::Step;
use super::{frame, Examples, Expected, MatchExample, NoMatchExample, Rule, Subject, Tolerance, Window};
use crate::language::{self, Lang};
use crate::value::{day_number, Kind};
use patterns::compile_pattern;

pub(super) fn compile_rule(checker: &mut FileChecker, path: &[Step], spec: RuleSpec) -> Option<Rule> {
    let at = |more: &[Step]| [path, more].concat();
    let key = |k: &str| Step::Key(k.to_string());
    let before = checker.problems.len();
    if spec.id.trim().is_empty() || spec.id.chars().any(char::is_whitespace) {
        checker.report_at(
            "invalid-id",
            &at(&[key("id")]),
            format!("rule id `{}` must be one word", spec.id),
            "here",
            "use lower-case words joined by `-`, e.g. `trump-deadline-days`".into(),
        );
    }
    let frame = if frame::has_frame(&spec) {
        frame::compile(checker, path, &spec)
    } else {
        None
    };
    if spec.patterns.is_empty() && !frame::has_frame(&spec) {
        checker.report_at(
            "no-patterns",
            &at(&[key("patterns")]),
            "a rule needs a frame or at least one pattern".into(),
            "empty",
            "describe the fact with a frame (`unit: [jour]`, `near: {within: 6, words: [délai, ultimatum]}`), or add a pattern such as `délai de {duration} à la Russie`".into(),
        );
    }
    let subject = Subject::parse(&spec.subject);
    let mut patterns = Vec::new();
    for (i, source) in spec.patterns.iter().enumerate() {
        let pattern_path = at(&[key("patterns"), Step::Index(i)]);
        if let Some(p) = compile_pattern(checker, &pattern_path, source, spec.kind, &subject) {
            patterns.push(p);
        }
    }
    let tolerance = match &spec.tolerance {
        None => Tolerance::default(),
        Some(ToleranceSpec::Absolute(x)) if *x >= 0.0 && x.is_finite() => Tolerance::Absolute(*x),
        Some(ToleranceSpec::Relative(s)) => match parse_percent(s) {
            Some(f) if spec.kind == Kind::Number || spec.kind == Kind::Duration => Tolerance::Relative(f),
            Some(_) => {
                checker.report_at(
                    "invalid-tolerance",
                    &at(&[key("tolerance")]),
                    format!("a percentage tolerance makes no sense for a {} rule", spec.kind),
                    "here",
                    "write the tolerance in days, e.g. `tolerance: 1`".into(),
                );
                Tolerance::default()
            }
            None => {
                checker.report_at(
                    "invalid-tolerance",
                    &at(&[key("tolerance")]),
                    format!("tolerance `{s}` is neither a number nor a percentage"),
                    "here",
                    "write `tolerance: 2` (in the value's unit) or `tolerance: \"5%\"`".into(),
                );
                Tolerance::default()
            }
        },
        Some(ToleranceSpec::Absolute(x)) => {
            checker.report_at(
                "invalid-tolerance",
                &at(&[key("tolerance")]),
                format!("tolerance {x} must be zero or more"),
                "here",
                "write a non-negative number".into(),
            );
            Tolerance::default()
        }
    };
    let window = match &spec.published {
        Some(w) => compile_window(checker, &at(&[key("published")]), w),
        None => Window::default(),
    };
    let mut examples = Examples::default();
    for (j, example) in spec.examples.no_match.iter().enumerate() {
        let example_path = at(&[key("examples"), key("no_match"), Step::Index(j)]);
        let lang = example_lang(checker, &example_path, example.lang(), example.text());
        let published = example
            .published()
            .and_then(|text| example_published(checker, &example_path, text));
        examples.no_match.push(NoMatchExample {
            text: example.text().to_string(),
            published,
            lang,
        });
    }
    for (j, example) in spec.examples.matches.iter().enumerate() {
        let example_path = at(&[key("examples"), key("match"), Step::Index(j)]);
        let lang = example_lang(checker, &example_path, example.lang.as_deref(), &example.text);
        let published = example
            .published
            .as_deref()
            .and_then(|text| example_published(checker, &example_path, text));
        match parse_expected(spec.kind, &example.value) {
            Ok(expected) => examples.matches.push(MatchExample {
                text: example.text.clone(),
                expected,
                published,
                lang,
            }),
            Err(help) => checker.report_at(
                "invalid-example",
                &[example_path, vec![key("value")]].concat(),
                format!("this example value does not fit a {} rule", spec.kind),
                "here",
                help,
            ),
        }
    }
    let (evolves, revises, roles) = compile_timing(checker, path, &spec);
    if checker.problems.len() > before {
        return None;
    }
    let line = crate::corpus::line_column(&checker.source, checker.offset(path)).0;
    Some(Rule {
        id: spec.id,
        description: spec.description.trim().to_string(),
        subject,
        kind: spec.kind,
        patterns,
        frame,
        tolerance,
        severity: spec.severity.unwrap_or_default(),
        window,
        evolves,
        revises,
        roles,
        examples,
        file: checker.file.to_string(),
        line,
    })
}

/// `evolves`, `revises`, `role`, `per_side` and `total`: what the compare
/// stage knows of how the rule's fact changes and splits.
fn compile_timing(
    checker: &mut FileChecker,
    path: &[Step],
    spec: &RuleSpec,
) -> (bool, Option<(String, usize)>, Option<super::Roles>) {
    use crate::search::context::CountRole;
    let at = |k: &str| [path, &[Step::Key(k.to_string())]].concat();
    let counts = matches!(spec.kind, Kind::Number | Kind::Duration);
    if spec.evolves.is_some() && !counts {
        checker.report_at(
            "invalid-evolves",
            &at("evolves"),
            format!("a {} does not grow as it is counted", spec.kind),
            "here",
            "`evolves: up` is for number and duration rules (a toll, a count of the day); remove it".into(),
        );
    }
    let revises = spec.revises.as_ref().map(|subject| {
        if subject.trim() == spec.subject.trim() {
            checker.report_at(
                "invalid-revises",
                &at("revises"),
                format!("rule `{}` cannot revise its own subject", spec.id),
                "its own subject",
                "name the subject of the earlier fact this one replaces, e.g. `revises: trump-deadline-to-russia-days`"
                    .into(),
            );
        }
        (subject.trim().to_string(), checker.offset(&at("revises")))
    });
    let fixed = spec.role.map(|r| match r {
        model::RoleSpec::PerSide => CountRole::PerSide,
        model::RoleSpec::Total => CountRole::Total,
    });
    let mut roles = super::Roles {
        fixed,
        ..super::Roles::default()
    };
    let mut declared = fixed.is_some();
    for (name, spec_markers, builtin) in [("per_side", &spec.per_side, 0usize), ("total", &spec.total, 1usize)] {
        let Some(markers) = spec_markers else { continue };
        let slot = if builtin == 0 {
            &mut roles.per_side
        } else {
            &mut roles.total
        };
        match markers {
            model::RoleMarkersSpec::Builtin(false) => {}
            model::RoleMarkersSpec::Builtin(true) => {
                declared = true;
                for (i, lang) in Lang::ALL.iter().enumerate() {
                    let table = if builtin == 0 {
                        lang.markers().per_side
                    } else {
                        lang.markers().total
                    };
                    slot[i] = table.iter().map(|s| crate::search::context::pad(s)).collect();
                }
            }
            model::RoleMarkersSpec::Words(words) => {
                declared = true;
                let lists: Vec<(Option<&str>, &Vec<String>)> = match words {
                    model::Words::Any(list) => vec![(None, list)],
                    model::Words::PerLanguage(map) => map.iter().map(|(l, w)| (Some(l.as_str()), w)).collect(),
                };
                for (code, list) in lists {
                    let langs: Vec<usize> = match code {
                        None => (0..Lang::ALL.len()).collect(),
                        Some(code) => match Lang::from_code(code) {
                            Some(l) => vec![Lang::ALL.iter().position(|x| *x == l).unwrap_or(0)],
                            None => {
                                checker.report_at(
                                    "unknown-language",
                                    &[at(name), vec![Step::Key(code.to_string())]].concat(),
                                    format!("recoupe does not read `{code}`: no article would meet these words"),
                                    "this language",
                                    format!(
                                        "give words for {}, or a plain list for every language",
                                        Lang::ALL.map(|l| format!("`{}`", l.code())).join(" or ")
                                    ),
                                );
                                continue;
                            }
                        },
                    };
                    for i in langs {
                        slot[i].extend(
                            list.iter()
                                .map(|w| crate::search::context::pad(&crate::french::vocab::fold(w))),
                        );
                    }
                }
            }
        }
    }
    if declared && spec.kind != Kind::Number {
        checker.report_at(
            "invalid-role",
            &at(if spec.role.is_some() {
                "role"
            } else if spec.per_side.is_some() {
                "per_side"
            } else {
                "total"
            }),
            format!("a {} has no sides to count", spec.kind),
            "here",
            "`role`, `per_side` and `total` are for number rules that count an exchange (prisoners, bodies)".into(),
        );
    }
    (spec.evolves.is_some(), revises, declared.then_some(roles))
}

/// Checks a window of days (`published`, `when`).
pub(super) fn compile_window(checker: &mut FileChecker, path: &[Step], w: &model::WindowSpec) -> Window {
    let mut window = Window::default();
    for (name, text, slot) in [("from", &w.from, &mut window.from), ("to", &w.to, &mut window.to)] {
        if let Some(text) = text {
            *slot = read_day(checker, &[path, &[Step::Key(name.into())]].concat(), text);
        }
    }
    if let (Some(from), Some(to)) = (window.from, window.to) {
        if from > to {
            checker.report_at(
                "empty-window",
                path,
                format!("the window from {from} to {to} is empty: the rule would read nothing"),
                "from is after to",
                "swap `from` and `to`".into(),
            );
        }
    }
    window
}

/// An example's language: the one it names (`fr`, `en`), else the one its
/// words read as.
fn example_lang(checker: &mut FileChecker, path: &[Step], named: Option<&str>, text: &str) -> Lang {
    let Some(code) = named else {
        return language::french_or_english(text);
    };
    match Lang::from_code(code) {
        Some(lang) => lang,
        None => {
            checker.report_at(
                "unknown-language",
                &[path.to_vec(), vec![Step::Key("lang".into())]].concat(),
                format!("recoupe does not read `{code}`"),
                "here",
                format!(
                    "write one of {}",
                    Lang::ALL.map(|l| format!("`{}`", l.code())).join(", ")
                ),
            );
            Lang::default()
        }
    }
}

fn parse_percent(text: &str) -> Option<f64> {
    let number = text.trim().strip_suffix('%')?.trim().replace(',', ".");
    let f: f64 = number.parse().ok()?;
    (f >= 0.0 && f.is_finite()).then_some(f / 100.0)
}

/// Reads an example value as a person writes it.
fn parse_expected(kind: Kind, value: &serde_yaml::Value) -> Result<Expected, String> {
    use serde_yaml::Value as Y;
    let one = |v: &Y| -> Result<Option<f64>, String> {
        match (kind, v) {
            (_, Y::Null) => Ok(None),
            (Kind::Number | Kind::Duration, Y::Number(n)) => {
                n.as_f64().map(Some).ok_or_else(|| "write a number".to_string())
            }
            (Kind::Date, Y::String(s)) => crate::corpus::parse_iso_date(s.trim())
                .map(|d| Some(day_number(d) as f64))
                .ok_or_else(|| format!("`{s}` is not a date: write YYYY-MM-DD")),
            (Kind::Date, _) => Err("write a date as YYYY-MM-DD, or `[from, to]`".into()),
            _ => Err("write a number such as `50`, or `[lo, hi]` with `null` for no bound".into()),
        }
    };
    match (kind, value) {
        (Kind::Text, Y::String(s)) => Ok(Expected::Text(s.clone())),
        (Kind::Text, _) => Err("write the expected words as a string".into()),
        (_, Y::Sequence(items)) if items.len() == 2 => Ok(Expected::Range {
            lo: one(&items[0])?,
            hi: one(&items[1])?,
        }),
        (_, Y::Sequence(_)) => Err("an interval has two ends: `[lo, hi]`".into()),
        (_, single) => {
            let v = one(single)?.ok_or("an exact value cannot be null")?;
            Ok(Expected::Range {
                lo: Some(v),
                hi: Some(v),
            })
        }
    }
}

/// An example's `published` date; `None`, said, when it is not one.
fn example_published(checker: &mut FileChecker, example_path: &[Step], text: &str) -> Option<jiff::civil::Date> {
    read_day(
        checker,
        &[example_path.to_vec(), vec![Step::Key("published".into())]].concat(),
        text,
    )
}

/// A day written in a rule file (`YYYY-MM-DD`, a real calendar day), or
/// `None` and an `invalid-date` problem at `path`: every day of a rule
/// (`when`, `published`, an example's `published`, a signature's `day`)
/// is read here.
pub(in crate::rules) fn read_day(checker: &mut FileChecker, path: &[Step], text: &str) -> Option<jiff::civil::Date> {
    let date = crate::corpus::parse_iso_date(text.trim());
    if date.is_none() {
        checker.report_at(
            "invalid-date",
            path,
            format!("`{text}` is not a date"),
            "here",
            "write dates as YYYY-MM-DD, e.g. 2025-07-20".into(),
        );
    }
    date
}
