//! `report::print` is the one entry point of the report stage: for every
//! format, it writes the bytes `recoupe check --format FORMAT` writes.

mod common;

use common::recoupe;
use recoupe::report::{self, Format, Settings};
use std::path::{Path, PathBuf};

const FORMATS: [(Format, &str); 7] = [
    (Format::Human, "human"),
    (Format::Json, "json"),
    (Format::Sarif, "sarif"),
    (Format::Github, "github"),
    (Format::Junit, "junit"),
    (Format::Markdown, "markdown"),
    (Format::Html, "html"),
];

/// The report of `recoupe check corpus tests/fixtures/contradictions`, built
/// in this process.
fn report(sentences: bool) -> report::Report {
    let rules = recoupe::rules::load_dir(Path::new("rules")).expect("the shipped rules load");
    let paths = [PathBuf::from("corpus"), PathBuf::from("tests/fixtures/contradictions")];
    let (files, warnings) = recoupe::corpus::list_files(&paths).expect("the corpus is listed");
    let inputs = recoupe::Inputs {
        files,
        documents: Vec::new(),
        warnings,
        load: Default::default(),
    };
    let scope = recoupe::Scope {
        sentences,
        ..Default::default()
    };
    recoupe::check_inputs(inputs, &rules, &scope)
}

#[test]
fn every_format_prints_what_the_command_prints() {
    let plain = report(false);
    let with_sentences = report(true);
    for (format, name) in FORMATS {
        let report = if format.shows_sentences() {
            &with_sentences
        } else {
            &plain
        };
        let mut printed = Vec::new();
        report::print(format, report, &Settings::default(), &mut printed).expect("printed to memory");
        let command = recoupe(&["check", "corpus", "tests/fixtures/contradictions", "--format", name]);
        assert!(
            printed == command.stdout,
            "--format {name}: report::print and the command differ"
        );
    }
}

#[test]
fn each_format_has_its_printer() {
    let report = report(false);
    let french = Settings {
        lang: recoupe::language::Lang::Fr,
        ..Default::default()
    };
    for (format, name) in FORMATS {
        let mut printed = Vec::new();
        format
            .printer()
            .print(&report, &french, &mut printed)
            .expect("printed to memory");
        let mut again = Vec::new();
        report::print(format, &report, &french, &mut again).expect("printed to memory");
        assert_eq!(printed, again, "{name}");
    }
    let mut human = Vec::new();
    report::print(Format::Human, &report, &french, &mut human).unwrap();
    assert_eq!(
        String::from_utf8(human).unwrap(),
        report::human::render(
            &report,
            report::human::Style {
                lang: recoupe::language::Lang::Fr,
                ..Default::default()
            }
        )
    );
}
