//! A sharded run: `recoupe extract` on parts of a corpus, `recoupe compare`
//! on the shards, gives the report `recoupe check` gives for the whole
//! corpus, byte for byte, in every format.

mod common;

use common::{recoupe, recoupe_with, text, Scratch};
use std::path::Path;
use std::process::{Command, Output};

/// `recoupe ARGS` in `dir`, without the claims cache.
fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_recoupe"))
        .env_remove("LANG")
        .env("RECOUPE_NO_CACHE", "1")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the recoupe binary runs")
}

#[track_caller]
fn same(label: &str, a: &Output, b: &Output) {
    assert_eq!(a.status.code(), b.status.code(), "{label}: exit codes differ");
    if a.stdout != b.stdout {
        let (x, y) = (text(&a.stdout), text(&b.stdout));
        let line = x.lines().zip(y.lines()).position(|(p, q)| p != q).unwrap_or(0);
        panic!(
            "{label}: the reports differ from line {}:\n{}\n---\n{}",
            line + 1,
            x.lines().skip(line).take(5).collect::<Vec<_>>().join("\n"),
            y.lines().skip(line).take(5).collect::<Vec<_>>().join("\n")
        );
    }
}

const FORMATS: &[&str] = &["json", "human", "html", "sarif", "github", "junit", "markdown"];

#[test]
fn the_seeds_in_shards_give_checks_report_in_every_format() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let scratch = Scratch::new("shards-seeds");
    let shard = |name: &str, paths: &[&str]| {
        let file = scratch.0.join(name);
        let file = file.to_str().unwrap().to_string();
        let args: Vec<&str> = ["extract"]
            .iter()
            .chain(paths)
            .chain(&["--output", &file])
            .copied()
            .collect();
        let out = run(root, &args);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        file
    };
    // The seeds, the planted contradictions, suppressions, outlets and bad
    // files (warnings only), in three shards of unequal sizes.
    let a = shard("a.jsonl", &["corpus"]);
    let b = shard(
        "b.jsonl",
        &["tests/fixtures/contradictions", "tests/fixtures/suppressions"],
    );
    let c = shard("c.jsonl", &["tests/fixtures/outlets", "tests/fixtures/bad"]);
    let all = [
        "corpus",
        "tests/fixtures/contradictions",
        "tests/fixtures/suppressions",
        "tests/fixtures/outlets",
        "tests/fixtures/bad",
    ];
    for format in FORMATS {
        let check: Vec<&str> = ["check"]
            .iter()
            .chain(&all)
            .chain(&["--format", format])
            .copied()
            .collect();
        let compare = ["compare", &a, &b, &c, "--format", format];
        same(format, &run(root, &check), &run(root, &compare));
    }
    // CI mode and --fail-on, as check takes them.
    let new = [
        "--new",
        "tests/fixtures/contradictions/planted-001.md",
        "--format",
        "json",
    ];
    let check: Vec<&str> = ["check"].iter().chain(&all).chain(&new).copied().collect();
    same(
        "--new",
        &run(root, &check),
        &run(root, &[&["compare", &a, &b, &c][..], &new].concat()),
    );
    let fail = ["--fail-on", "warning", "--report-lang", "fr"];
    let check: Vec<&str> = ["check"].iter().chain(&all).chain(&fail).copied().collect();
    same(
        "--fail-on",
        &run(root, &check),
        &run(root, &[&["compare", &a, &b, &c][..], &fail].concat()),
    );
    // The shards in any order, or concatenated into one file.
    let joined = scratch.0.join("all.jsonl");
    let bytes: Vec<u8> = [&c, &a, &b].iter().flat_map(|f| std::fs::read(f).unwrap()).collect();
    std::fs::write(&joined, bytes).unwrap();
    let check: Vec<&str> = ["check"]
        .iter()
        .chain(&all)
        .chain(&["--format", "json"])
        .copied()
        .collect();
    same(
        "concatenated",
        &run(root, &check),
        &run(root, &["compare", joined.to_str().unwrap(), "--format", "json"]),
    );
}

/// What time explains (revisions, announcements, roles, relays, who says
/// it) survives a shard: each claim's context and each rule's `evolves` and
/// `revises` travel with the records.
#[test]
fn time_aware_findings_in_shards_give_checks_report() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let scratch = Scratch::new("shards-time-aware");
    let rules = "tests/fixtures/time-aware/rules";
    let cases = ["rising", "falling", "roles", "announcement", "relays", "revised"];
    let mut shards = Vec::new();
    for case in cases {
        let file = scratch.0.join(format!("{case}.jsonl")).to_str().unwrap().to_string();
        let path = format!("tests/fixtures/time-aware/{case}");
        let out = run(root, &["extract", &path, "--rules", rules, "--output", &file]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        shards.push(file);
    }
    let paths: Vec<String> = cases.iter().map(|c| format!("tests/fixtures/time-aware/{c}")).collect();
    for format in ["json", "human", "markdown", "html"] {
        let mut check: Vec<&str> = vec!["check"];
        check.extend(paths.iter().map(String::as_str));
        check.extend(["--rules", rules, "--format", format]);
        let mut compare: Vec<&str> = vec!["compare"];
        compare.extend(shards.iter().map(String::as_str));
        compare.extend(["--format", format]);
        same(format, &run(root, &check), &run(root, &compare));
    }
}

/// A generated corpus of `n` articles in the shape of the seeds: outlets,
/// dates and figures drawn from a fixed sequence, so that claims agree and
/// contradict.
fn generate(dir: &Path, n: usize) {
    const OUTLETS: &[&str] = &["AFP", "Reuters", "Le Monde", "afp", "Libération", "RFI"];
    const DEADLINES: &[&str] = &["50 jours", "cinquante jours", "60 jours", "près de 50 jours"];
    const DRONES: &[&str] = &["426", "plus de 400", "462", "quatre cent vingt-six"];
    const ROUNDS: &[&str] = &["mercredi", "jeudi", "mercredi prochain"];
    let mut state: u64 = 2025;
    let mut next = |len: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % len
    };
    for i in 0..n {
        let folder = dir.join(format!("{:02}", i / 25));
        std::fs::create_dir_all(&folder).unwrap();
        let outlet = OUTLETS[next(OUTLETS.len())];
        let day = 21 + next(2);
        let body = format!(
            "Kiev et Moscou relancent les pourparlers de paix {} à Istanbul, sous pression internationale.\n\n\
             Donald Trump a fixé un délai de {} à la Russie pour parvenir à un accord de cessez-le-feu.\n\n\
             La Russie a lancé durant la nuit de dimanche à lundi, à l'aide de {} drones et de 24 missiles balistiques, une nouvelle série d'attaques.\n",
            ROUNDS[next(ROUNDS.len())],
            DEADLINES[next(DEADLINES.len())],
            DRONES[next(DRONES.len())],
        );
        let front = match i % 10 {
            // No front matter: a warning, and an unknown outlet.
            7 => String::new(),
            _ => {
                format!("---\noutlet: \"{outlet}\"\npublished: 2025-07-{day}\nlang: fr\ntitle: \"Dépêche {i}\"\n---\n")
            }
        };
        std::fs::write(folder.join(format!("{i:04}.md")), format!("{front}{body}")).unwrap();
    }
    // A JSON Lines archive, and an empty file (a warning).
    let records: String = (0..20)
        .map(|i| {
            format!(
                "{{\"id\": {i}, \"outlet\": \"{}\", \"published\": \"2025-07-22\", \"lang\": \"fr\", \"title\": \"Fil {i}\", \"text\": \"Donald Trump a fixé un délai de {} à la Russie.\"}}\n",
                OUTLETS[i % OUTLETS.len()],
                DEADLINES[i % DEADLINES.len()]
            )
        })
        .collect();
    std::fs::write(dir.join("archive.jsonl"), records + "{not json\n").unwrap();
    std::fs::write(dir.join("00/empty.md"), "").unwrap();
}

#[test]
fn a_generated_corpus_in_four_shards_gives_checks_report() {
    let scratch = Scratch::new("shards-generated");
    let corpus = scratch.0.join("corpus");
    generate(&corpus, 200);
    let rules = concat!(env!("CARGO_MANIFEST_DIR"), "/rules");
    // Four shards: two by folder, two by lists of files (`--files-from`),
    // one of them on standard input.
    let mut files: Vec<String> = Vec::new();
    for folder in ["04", "05", "06", "07"] {
        for entry in std::fs::read_dir(corpus.join(folder)).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            files.push(format!("corpus/{folder}/{name}"));
        }
    }
    files.sort();
    let (third, fourth) = files.split_at(files.len() / 2);
    std::fs::write(scratch.0.join("third.txt"), third.join("\n")).unwrap();
    let extract = |args: &[&str], stdin: Option<&[u8]>| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_recoupe"));
        command
            .env("RECOUPE_NO_CACHE", "1")
            .arg("extract")
            .args(args)
            .args(["--rules", rules])
            .current_dir(&scratch.0)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let mut child = command.spawn().unwrap();
        let input = stdin.unwrap_or_default().to_vec();
        let mut pipe = child.stdin.take().unwrap();
        std::thread::spawn(move || {
            use std::io::Write;
            let _ = pipe.write_all(&input);
        });
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        out
    };
    extract(
        &["corpus/00", "corpus/01", "corpus/archive.jsonl", "-o", "s1.jsonl"],
        None,
    );
    extract(&["corpus/02", "corpus/03", "-o", "s2.jsonl"], None);
    extract(&["--files-from", "third.txt", "-o", "s3.jsonl"], None);
    // On standard output, as a pipe (Spark's RDD.pipe) would collect it.
    let fourth_out = extract(&["--files-from", "-"], Some(fourth.join("\n").as_bytes()));
    std::fs::write(scratch.0.join("s4.jsonl"), &fourth_out.stdout).unwrap();
    for format in FORMATS {
        let check = run(&scratch.0, &["check", "corpus", "--rules", rules, "--format", format]);
        let compare = run(
            &scratch.0,
            &[
                "compare", "s1.jsonl", "s2.jsonl", "s3.jsonl", "s4.jsonl", "--format", format,
            ],
        );
        same(format, &check, &compare);
    }
    // Threads do not change a shard.
    let one = run(&scratch.0, &["--threads", "1", "extract", "corpus", "--rules", rules]);
    let two = run(&scratch.0, &["--threads", "2", "extract", "corpus", "--rules", rules]);
    assert!(one.stdout == two.stdout, "a shard depends on the threads");
}

#[test]
fn shards_of_different_rule_sets_are_refused() {
    let scratch = Scratch::new("shards-rule-sets");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rules = scratch.0.join("rules");
    std::fs::create_dir_all(&rules).unwrap();
    for entry in std::fs::read_dir(root.join("rules")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, rules.join(path.file_name().unwrap())).unwrap();
    }
    let a = scratch.0.join("a.jsonl");
    let b = scratch.0.join("b.jsonl");
    let out = run(root, &["extract", "corpus", "-o", a.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let file = rules.join("trump-deadline.yaml");
    let edited = std::fs::read_to_string(&file).unwrap().replacen(
        "  - id: trump-deadline-days\n",
        "  - id: trump-deadline-days\n    tolerance: 15\n",
        1,
    );
    std::fs::write(&file, edited).unwrap();
    let out = run(
        root,
        &[
            "extract",
            "tests/fixtures/contradictions",
            "--rules",
            rules.to_str().unwrap(),
            "-o",
            b.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = run(root, &["compare", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("b.jsonl:1: extracted with other rules") && stderr.contains("same rules"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn a_bad_shard_line_is_an_error_with_its_place() {
    let scratch = Scratch::new("shards-bad-line");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shard = scratch.0.join("s.jsonl");
    let out = run(root, &["extract", "corpus", "-o", shard.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let good = std::fs::read_to_string(&shard).unwrap();
    let cases: Vec<(String, &str)> = vec![
        (good.replacen("\n{", "\n{\"oops\n{", 1), "s.jsonl:2: not a shard record"),
        (
            good.replacen("\"kind\":\"date\"", "\"kind\":\"colour\"", 1),
            "unknown value kind `colour`",
        ),
        (
            good.split_once('\n').unwrap().1.to_string(),
            "s.jsonl:1: not a shard header",
        ),
        (String::new(), "s.jsonl: empty"),
        ("not json at all\n".to_string(), "s.jsonl:1:"),
        (
            good.replacen("\"recoupe_shard\":1", "\"recoupe_shard\":9", 1),
            "layout 9",
        ),
    ];
    for (text_of_shard, expected) in cases {
        std::fs::write(&shard, &text_of_shard).unwrap();
        let out = run(&scratch.0, &["compare", "s.jsonl"]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{expected}: {stderr}");
        assert!(stderr.contains(expected), "expected `{expected}` in:\n{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    let out = run(&scratch.0, &["compare", "missing.jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("missing.jsonl: cannot read it"));
    // A --new article that no shard holds.
    std::fs::write(&shard, &good).unwrap();
    let out = run(&scratch.0, &["compare", "s.jsonl", "--new", "corpus/nope.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no document of the shards has this path"));
}

#[test]
fn the_help_of_extract_and_compare_teaches_by_example() {
    for command in ["extract", "compare"] {
        let help = text(&recoupe(&[command, "--help"]).stdout);
        assert!(help.contains("Examples:"), "{help}");
        assert!(help.contains("recoupe compare shard-*.jsonl"), "{help}");
        assert!(help.contains("docs/scale.md") || command == "compare", "{help}");
    }
    let out = recoupe_with(&["compare"], None, None);
    assert_eq!(out.status.code(), Some(2));
}
