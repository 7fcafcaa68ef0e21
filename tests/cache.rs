//! The claims cache: a run served from it prints what a run without it
//! prints, byte for byte; a changed rule or article is read again; a file
//! that is not a recoupe cache is replaced with a warning, never trusted.

mod common;

use common::Scratch;
use std::path::Path;
use std::process::{Command, Output};

/// `recoupe ARGS` in `dir`, with the project's rules unless `args` name
/// others, and the cache only if `args` name one.
fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_recoupe"))
        .env_remove("LANG")
        .env_remove("RECOUPE_NO_CACHE")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the recoupe binary runs")
}

/// Two reports alike, byte for byte (shown as text when they differ).
#[track_caller]
fn same(a: &[u8], b: &[u8]) {
    if a != b {
        let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
        let line = a.lines().zip(b.lines()).position(|(x, y)| x != y).unwrap_or(0);
        panic!(
            "the reports differ from line {}:\n{}\n---\n{}",
            line + 1,
            a.lines().skip(line).take(5).collect::<Vec<_>>().join("\n"),
            b.lines().skip(line).take(5).collect::<Vec<_>>().join("\n")
        );
    }
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A copy of the seed corpus, the planted contradictions and the rules in a
/// scratch folder: the cache and edited rules stay out of the repository.
fn project(name: &str) -> Scratch {
    let scratch = Scratch::new(name);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (from, to) in [
        ("corpus", "corpus"),
        ("tests/fixtures/contradictions", "planted"),
        ("rules", "rules"),
        ("tests/fixtures/suppressions", "suppressions"),
    ] {
        let target = scratch.0.join(to);
        std::fs::create_dir_all(&target).unwrap();
        for entry in std::fs::read_dir(root.join(from)).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                std::fs::copy(&path, target.join(path.file_name().unwrap())).unwrap();
            }
        }
    }
    scratch
}

const CHECK: &[&str] = &["check", "corpus", "planted", "suppressions", "--rules", "rules"];

fn check(dir: &Path, extra: &[&str]) -> Output {
    let args: Vec<&str> = CHECK.iter().chain(extra).copied().collect();
    run(dir, &args)
}

#[test]
fn cold_warm_and_no_cache_runs_print_the_same_bytes_in_every_format() {
    let dir = project("cache-same-bytes");
    // A file modified less than a second before it was hashed is hashed
    // again next time (its times may not show a change made within the
    // same tick): past that second, a warm run reads no article.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    for format in ["json", "human", "html", "sarif", "markdown"] {
        let cache = format!("{format}.sqlite");
        let none = check(&dir.0, &["--format", format, "--no-cache"]);
        let cold = check(&dir.0, &["--format", format, "--cache", &cache]);
        let warm = check(&dir.0, &["--format", format, "--cache", &cache]);
        assert_eq!(none.status.code(), Some(1), "{}", stderr(&none));
        assert!(stderr(&cold).is_empty(), "{}", stderr(&cold));
        assert!(stderr(&warm).is_empty(), "{}", stderr(&warm));
        for (label, run) in [("cold", &cold), ("warm", &warm)] {
            assert_eq!(run.status.code(), none.status.code(), "{format} {label}");
            assert!(
                run.stdout == none.stdout,
                "{format}: the {label} cache changed the report"
            );
        }
    }
    // The cold run wrote one pack of entries; a warm run writes nothing.
    let packs = || -> (i64, i64) {
        let db = rusqlite::Connection::open(dir.0.join("json.sqlite")).unwrap();
        db.query_row("SELECT count(*), sum(length(data)) FROM packs", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap()
    };
    let before = packs();
    assert_eq!(before.0, 1);
    check(&dir.0, &["--format", "json", "--cache", "json.sqlite"]);
    assert_eq!(packs(), before, "a warm run wrote to the cache");
}

#[test]
fn an_edited_rule_changes_the_result_on_the_next_run() {
    let dir = project("cache-edited-rule");
    let before = check(&dir.0, &["--format", "json", "--cache", "c.sqlite"]);
    assert_eq!(before.status.code(), Some(1), "the planted 60 days contradict 50");
    // A tolerance of 15 days: 50 and 60 days now agree.
    let file = dir.0.join("rules/trump-deadline.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = text.replacen(
        "  - id: trump-deadline-days\n",
        "  - id: trump-deadline-days\n    tolerance: 15\n",
        1,
    );
    assert_ne!(edited, text);
    std::fs::write(&file, edited).unwrap();
    let after = check(&dir.0, &["--format", "json", "--cache", "c.sqlite"]);
    let none = check(&dir.0, &["--format", "json", "--no-cache"]);
    assert_ne!(after.stdout, before.stdout, "the edited rule must change the report");
    same(&after.stdout, &none.stdout);
    assert_eq!(after.status.code(), none.status.code());
    // And back: the first rule set's entries give the first report.
    std::fs::write(&file, text).unwrap();
    let back = check(&dir.0, &["--format", "json", "--cache", "c.sqlite"]);
    same(&back.stdout, &before.stdout);
}

#[test]
fn an_edited_article_is_read_again() {
    let dir = project("cache-edited-article");
    let before = check(&dir.0, &["--format", "json", "--cache", "c.sqlite"]);
    let planted = dir.0.join("planted/planted-001.md");
    let text = std::fs::read_to_string(&planted).unwrap();
    // Same length, another figure: the size does not change.
    std::fs::write(&planted, text.replace("60 jours", "70 jours")).unwrap();
    let after = check(&dir.0, &["--format", "json", "--cache", "c.sqlite"]);
    let none = check(&dir.0, &["--format", "json", "--no-cache"]);
    assert_ne!(after.stdout, before.stdout);
    same(&after.stdout, &none.stdout);
}

#[test]
fn a_new_article_and_standard_input_are_cached_by_their_text() {
    let dir = project("cache-new-article");
    let new = ["--new", "planted/planted-001.md", "--format", "json"];
    let none = check(&dir.0, &[&new[..], &["--no-cache"]].concat());
    for _ in 0..2 {
        let cached = check(&dir.0, &[&new[..], &["--cache", "c.sqlite"]].concat());
        same(&cached.stdout, &none.stdout);
        assert_eq!(cached.status.code(), Some(1));
    }
    let article = std::fs::read(dir.0.join("planted/planted-001.md")).unwrap();
    let stdin = |cache: &[&str]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_recoupe"))
            .env_remove("LANG")
            .env_remove("RECOUPE_NO_CACHE")
            .args(["check", "corpus", "--rules", "rules", "--new", "-", "--format", "json"])
            .args(cache)
            .current_dir(&dir.0)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child.stdin.take().unwrap().write_all(&article).unwrap();
        child.wait_with_output().unwrap().stdout
    };
    let none = stdin(&["--no-cache"]);
    same(&stdin(&["--cache", "c.sqlite"]), &none);
    same(&stdin(&["--cache", "c.sqlite"]), &none);
}

#[test]
fn a_corrupt_cache_file_is_replaced_with_a_warning() {
    let dir = project("cache-corrupt");
    let none = check(&dir.0, &["--format", "json", "--no-cache"]);
    let cache = dir.0.join("c.sqlite");
    std::fs::write(
        &cache,
        b"this is not a database, it is garbage \x00\x01\x02 and more garbage".repeat(100),
    )
    .unwrap();
    let run = check(&dir.0, &["--format", "json", "--cache", "c.sqlite"]);
    same(&run.stdout, &none.stdout);
    let warning = stderr(&run);
    assert!(
        warning.contains("warning: claims cache: c.sqlite:") && warning.contains("replaced by a new cache"),
        "{warning}"
    );
    // Rebuilt: the next run uses it, without a word.
    let next = check(&dir.0, &["--format", "json", "--cache", "c.sqlite"]);
    same(&next.stdout, &none.stdout);
    assert!(stderr(&next).is_empty(), "{}", stderr(&next));
    // --quiet keeps it quiet.
    std::fs::write(&cache, b"garbage").unwrap();
    let quiet = check(&dir.0, &["--format", "json", "--cache", "c.sqlite", "--quiet"]);
    same(&quiet.stdout, &none.stdout);
    assert!(stderr(&quiet).is_empty(), "{}", stderr(&quiet));
}

#[test]
fn another_programs_database_is_never_read() {
    let dir = project("cache-foreign");
    let none = check(&dir.0, &["--format", "json", "--no-cache"]);
    let cache = dir.0.join("c.sqlite");
    {
        // Another program's tables, one of them named like ours.
        let db = rusqlite::Connection::open(&cache).unwrap();
        db.execute_batch(
            "CREATE TABLE entries (context BLOB, path TEXT, hash BLOB, data BLOB);
             INSERT INTO entries VALUES (x'00', 'corpus/000_100d8ce819ed988d.md', x'00', x'00');
             CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);",
        )
        .unwrap();
    }
    let run = check(&dir.0, &["--format", "json", "--cache", "c.sqlite"]);
    same(&run.stdout, &none.stdout);
    assert!(
        stderr(&run).contains("it is not a recoupe cache (another program's database): replaced by a new cache"),
        "{}",
        stderr(&run)
    );
    let db = rusqlite::Connection::open(&cache).unwrap();
    let notes: i64 = db
        .query_row("SELECT count(*) FROM sqlite_master WHERE name = 'notes'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(notes, 0, "the foreign file was replaced");
    // A cache of another schema version is not read either.
    drop(db);
    let db = rusqlite::Connection::open(&cache).unwrap();
    db.execute("UPDATE recoupe_schema SET version = 999", []).unwrap();
    drop(db);
    let run = check(&dir.0, &["--format", "json", "--cache", "c.sqlite"]);
    same(&run.stdout, &none.stdout);
    assert!(stderr(&run).contains("another version of recoupe"), "{}", stderr(&run));
}

#[test]
fn a_pack_that_does_not_read_is_not_trusted() {
    let dir = project("cache-bad-pack");
    let none = check(&dir.0, &["--format", "json", "--no-cache"]);
    check(&dir.0, &["--format", "json", "--cache", "c.sqlite"]);
    let db = rusqlite::Connection::open(dir.0.join("c.sqlite")).unwrap();
    db.execute("UPDATE packs SET data = x'ffffffff'", []).unwrap();
    drop(db);
    let run = check(&dir.0, &["--format", "json", "--cache", "c.sqlite"]);
    same(&run.stdout, &none.stdout);
    assert!(stderr(&run).contains("replaced by a new cache"), "{}", stderr(&run));
    // Records whose bytes are not records (a pack that reads, its values
    // garbage): each is a miss, read again.
    let db = rusqlite::Connection::open(dir.0.join("c.sqlite")).unwrap();
    let pack: Vec<u8> = db.query_row("SELECT data FROM packs", [], |r| r.get(0)).unwrap();
    let mut garbled = pack.clone();
    let mut at = 0;
    while at < pack.len() {
        let len = u32::from_le_bytes(pack[at..at + 4].try_into().unwrap()) as usize;
        at += 4 + len + 32;
        at += if pack[at] == 1 { 41 } else { 1 };
        let len = u32::from_le_bytes(pack[at..at + 4].try_into().unwrap()) as usize;
        garbled[at + 4..at + 4 + len].fill(0xff);
        at += 4 + len;
    }
    db.execute("UPDATE packs SET data = ?1", [&garbled]).unwrap();
    drop(db);
    let run = check(&dir.0, &["--format", "json", "--cache", "c.sqlite"]);
    same(&run.stdout, &none.stdout);
    assert!(stderr(&run).is_empty(), "{}", stderr(&run));
}

#[test]
fn superseded_entries_are_written_over_as_one_pack() {
    let dir = project("cache-compaction");
    let planted = dir.0.join("planted/planted-001.md");
    let text = std::fs::read_to_string(&planted).unwrap();
    let packs = || -> i64 {
        let db = rusqlite::Connection::open(dir.0.join("c.sqlite")).unwrap();
        db.query_row("SELECT count(*) FROM packs", [], |r| r.get(0)).unwrap()
    };
    check(&dir.0, &["--format", "json", "--cache", "c.sqlite"]);
    // Each edit adds a small pack, until the packs are more than the limit.
    for n in 0..20 {
        std::fs::write(&planted, text.replace("60 jours", &format!("{} jours", 61 + n))).unwrap();
        let run = check(&dir.0, &["--format", "json", "--cache", "c.sqlite"]);
        let none = check(&dir.0, &["--format", "json", "--no-cache"]);
        same(&run.stdout, &none.stdout);
        assert!(packs() <= 16, "{} packs after {} edits", packs(), n + 1);
    }
}

#[test]
fn two_runs_at_once_share_the_cache() {
    let dir = project("cache-concurrent");
    let none = check(&dir.0, &["--format", "json", "--no-cache"]);
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_recoupe"))
            .env_remove("LANG")
            .env_remove("RECOUPE_NO_CACHE")
            .args(CHECK)
            .args(["--format", "json", "--cache", "c.sqlite"])
            .current_dir(&dir.0)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    for _ in 0..2 {
        let runs: Vec<_> = (0..4).map(|_| spawn()).collect();
        for child in runs {
            let output = child.wait_with_output().unwrap();
            same(&output.stdout, &none.stdout);
            assert!(stderr(&output).is_empty(), "{}", stderr(&output));
        }
    }
    let db = rusqlite::Connection::open(dir.0.join("c.sqlite")).unwrap();
    let ok: String = db.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
}

#[test]
fn the_cache_is_in_the_projects_root_by_default() {
    let dir = project("cache-default-place");
    std::fs::write(dir.0.join("recoupe.toml"), "paths = [\"corpus\"]\n").unwrap();
    std::fs::create_dir_all(dir.0.join("corpus/sub")).unwrap();
    let from_below = run(&dir.0.join("corpus/sub"), &["check", "--format", "json"]);
    assert_eq!(from_below.status.code(), Some(0), "{}", stderr(&from_below));
    assert!(dir.0.join(".recoupe/cache.sqlite").is_file());
    assert!(!dir.0.join("corpus/sub/.recoupe").exists());
    // The configuration can name another file, relative to its folder.
    std::fs::write(
        dir.0.join("recoupe.toml"),
        "paths = [\"corpus\"]\ncache = \"cache/claims.sqlite\"\n",
    )
    .unwrap();
    let named = run(&dir.0.join("corpus/sub"), &["check", "--format", "json"]);
    same(&named.stdout, &from_below.stdout);
    assert!(dir.0.join("cache/claims.sqlite").is_file());
    // A cache that cannot be made leaves the run without one, and says so.
    std::fs::write(dir.0.join("not-a-folder"), "").unwrap();
    let unusable = run(
        &dir.0.join("corpus/sub"),
        &["check", "--format", "json", "--cache", "../../not-a-folder/c.sqlite"],
    );
    same(&unusable.stdout, &from_below.stdout);
    assert!(
        stderr(&unusable).contains("the run goes on without the claims cache"),
        "{}",
        stderr(&unusable)
    );
}

/// A CI run in a format that does not list every claim rebuilds from the
/// cache only the claims of the new article's subjects (and of the subjects
/// they revise or are revised by), and counts the others: its report, exit
/// code and counts are those of a run without the cache, byte for byte.
#[test]
fn a_ci_run_served_by_the_cache_reports_what_a_run_without_it_reports() {
    let dir = project("cache-ci-subjects");
    std::fs::create_dir_all(dir.0.join("new")).unwrap();
    // Three facts of the story in one dispatch, written for this test; the
    // corpus states these subjects and others.
    std::fs::write(
        dir.0.join("new/dispatch.md"),
        "---\noutlet: Le Petit Courrier\npublished: 2025-07-22\nlang: fr\n---\n\
         Russes et Ukrainiens doivent se revoir à Istanbul mercredi 23 juillet, selon Kiev.\n\n\
         Selon l'armée de l'air, 426 drones ont visé l'Ukraine dans la nuit de dimanche à lundi.\n\n\
         Washington laisse 60 jours à Moscou pour accepter un accord.\n",
    )
    .unwrap();
    let seeds = |new: &str| -> Vec<String> {
        [
            "check",
            "corpus",
            "planted",
            "suppressions",
            "--rules",
            "rules",
            "--new",
            new,
        ]
        .map(String::from)
        .to_vec()
    };
    // The earlier fact and its revision (`revises`), with their own rules.
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/time-aware");
    let revised = |new: &str| -> Vec<String> {
        let rules = fixtures.join("rules").display().to_string();
        let corpus = fixtures.join("revised").display().to_string();
        let new = fixtures.join("revised").join(new).display().to_string();
        ["check", &corpus, "--rules", &rules, "--new", &new]
            .map(String::from)
            .to_vec()
    };
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let runs = [
        seeds("new/dispatch.md"),
        seeds("planted/planted-001.md"),
        seeds("suppressions/early-report.md"),
        revised("03-coupe.md"),
        revised("04-perime.md"),
    ];
    for (n, args) in runs.iter().enumerate() {
        for format in ["human", "markdown", "github", "junit", "sarif"] {
            let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
            args.extend(["--format", format, "--show-suppressed"]);
            let cache = format!("ci-{n}-{format}.sqlite");
            let with = |extra: &[&str]| run(&dir.0, &[&args[..], extra].concat());
            let none = with(&["--no-cache"]);
            assert!(stderr(&none).is_empty(), "{}", stderr(&none));
            let cold = with(&["--cache", &cache]);
            let warm = with(&["--cache", &cache]);
            for (label, output) in [("cold", &cold), ("warm", &warm)] {
                assert!(stderr(output).is_empty(), "{label}: {}", stderr(output));
                assert_eq!(output.status.code(), none.status.code(), "{args:?} {label}");
                same(&output.stdout, &none.stdout);
            }
        }
    }
    // The human summary counts every claim of the corpus, kept or not.
    let args: Vec<&str> = runs[0].iter().map(String::as_str).collect();
    let json = run(&dir.0, &[&args[..], &["--format", "json", "--no-cache"]].concat());
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let claims = report["summary"]["claims"].as_u64().unwrap();
    let subjects: std::collections::BTreeSet<&str> = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["subject"].as_str())
        .collect();
    assert!(
        subjects.len() > 3,
        "the corpus states subjects the new article does not: {subjects:?}"
    );
    let warm = run(&dir.0, &[&args[..], &["--cache", "ci-0-human.sqlite"]].concat());
    let out = String::from_utf8_lossy(&warm.stdout);
    assert!(
        out.contains(&format!(" documents, {claims} claims:")),
        "the summary counts {claims} claims:\n{out}"
    );
}
