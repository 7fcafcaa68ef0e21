//! The terminal report as a memo, its language (`--report-lang`, else
//! `LANG`), and the progress bar (on a terminal only).

mod common;
use common::{recoupe, text};
use std::process::{Command, Stdio};

const PLANTED: &str = "tests/fixtures/contradictions";

/// `recoupe ARGS` from the project root with `LANG` set.
fn with_lang(lang: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_recoupe"))
        .env("RECOUPE_NO_CACHE", "1")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LANG", lang)
        .output()
        .expect("recoupe runs")
}

#[test]
fn each_finding_leads_with_one_plain_line() {
    let out = text(&recoupe(&["check", "corpus", PLANTED, "--report-lang", "en"]).stdout);
    assert!(out.contains(
        "Contradiction — trump-deadline-to-russia-days: AFP and outlet-001 say 50 days; fixture-planted says 60 days\n"
    ));
    // Then the rule's description, then the quotes under each value.
    assert!(out.contains(
        "  50 days:\n    “délai de 50 jours” (outlet-001, fr), published 2025-07-21 — corpus/001_17b765d36e3de4a7.md:19:119\n    “donné à la Russie 50 jours” (AFP, fr), published 2025-07-22 — corpus/002_15810f9d34331853.md:11:168\n  60 days:\n"
    ));
    assert!(!out.contains("Advice"), "{out}");
    // Contradictions first, then agreements, then single sources.
    let at = |s: &str| out.find(s).unwrap_or_else(|| panic!("{s} in\n{out}"));
    assert!(at("Contradiction —") < at("Agreement —"));
    assert!(at("Agreement —") < at("Single source —"));
}

#[test]
fn in_ci_mode_the_new_article_is_marked() {
    let planted = "tests/fixtures/contradictions/planted-001.md";
    let out = text(&recoupe(&["check", "corpus", "--new", planted, "--report-lang", "en"]).stdout);
    assert!(
        out.contains("AFP and outlet-001 say 50 days; fixture-planted (new article) says 60 days\n"),
        "{out}"
    );
    assert!(
        out.contains("“délai de 60 jours” (fixture-planted, fr, new article), published 2025-07-21 — tests/fixtures/contradictions/planted-001.md:9:119\n"),
        "{out}"
    );
    // The corpus's own articles are not.
    assert!(out.contains("“délai de 50 jours” (outlet-001, fr), published"), "{out}");
    let fr = text(&recoupe(&["check", "corpus", "--new", planted, "--report-lang", "fr"]).stdout);
    assert!(
        fr.contains("Contradiction — trump-deadline-to-russia-days : AFP et outlet-001 disent 50 jours ; fixture-planted (nouvel article) dit 60 jours\n"),
        "{fr}"
    );
}

#[test]
fn the_report_language_comes_from_the_flag_else_from_lang() {
    let args = ["check", "corpus", PLANTED];
    let french = text(&with_lang("fr_FR.UTF-8", &args).stdout);
    assert!(
        french.contains("AFP et outlet-001 disent 50 jours ; fixture-planted dit 60 jours"),
        "{french}"
    );
    assert!(french.ends_with(
        "6 documents, 27 affirmations : 3 contradictions, 4 accords, 3 sujets à source unique, 0 avertissement\n"
    ));
    let english = text(&with_lang("en_GB.UTF-8", &args).stdout);
    assert!(english.contains("AFP and outlet-001 say 50 days; fixture-planted says 60 days"));
    assert!(english
        .ends_with("6 documents, 27 claims: 3 contradictions, 4 agreements, 3 single-source subjects, 0 warnings\n"));
    // The flag wins over LANG; LANG=C is English.
    let flagged = with_lang("fr_FR.UTF-8", &["check", "corpus", PLANTED, "--report-lang", "en"]);
    assert_eq!(flagged.stdout, with_lang("C", &args).stdout);
    // Markdown too; JSON has no words to translate.
    let md = text(&with_lang("fr_FR.UTF-8", &["check", "corpus", PLANTED, "--format", "markdown"]).stdout);
    assert!(md.starts_with("# Rapport recoupe\n"), "{md}");
    assert!(md.contains("- «\u{a0}délai de **60 jours**\u{a0}» (fixture-planted, fr), publié le 21 juillet 2025 — `tests/fixtures/contradictions/planted-001.md:9:119`"), "{md}");
    let json = |lang| with_lang(lang, &["check", "corpus", PLANTED, "--format", "json"]).stdout;
    assert_eq!(json("fr_FR.UTF-8"), json("en_US.UTF-8"));
}

#[test]
fn hostile_text_stays_inert_in_the_memo() {
    let out = text(&recoupe(&["check", "corpus", "tests/fixtures/hostile", "--report-lang", "en"]).stdout);
    assert!(
        out.contains("“trêve <script>alert(1)</script></td><img onerror=x> de 30 jours” (Le Veilleur \"><img src=x onerror=alert(3)>, fr)"),
        "{out}"
    );
}

/// The progress bar on a pseudo-terminal: shown when standard error is a
/// terminal (here after 0 ms instead of a second), never with `--quiet`, in
/// CI, in a pipe, or in the report on standard output.
#[cfg(target_os = "linux")]
#[test]
fn the_progress_bar_shows_on_a_terminal_only() {
    use std::io::Read;
    use std::os::fd::{FromRawFd, OwnedFd};

    /// Runs recoupe with standard error on a new pseudo-terminal; returns
    /// (standard output, what the terminal showed).
    fn on_a_terminal(extra: &[&str], ci: bool) -> (String, String) {
        let (mut master, mut slave) = (0, 0);
        // SAFETY: openpty writes two new descriptors into the two integers;
        // the other arguments may be null.
        let opened = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                std::ptr::null(),
            )
        };
        assert_eq!(opened, 0, "a pseudo-terminal");
        // SAFETY: both descriptors were just opened and are owned here only.
        let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        let mut command = Command::new(env!("CARGO_BIN_EXE_recoupe"));
        // Each test runs without the claims cache (tests/cache.rs tests it).
        command.env("RECOUPE_NO_CACHE", "1");
        command
            .args(["check", "corpus", PLANTED, "--format", "json"])
            .args(extra)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("RECOUPE_PROGRESS_AFTER_MS", "0")
            .env("TERM", "xterm")
            .env_remove("CI")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::from(slave));
        if ci {
            command.env("CI", "true");
        }
        let child = command.spawn().expect("recoupe runs");
        // The terminal's other end is read until recoupe closes it.
        let reader = std::thread::spawn(move || {
            let mut file = std::fs::File::from(master);
            let mut shown = Vec::new();
            let mut buf = [0u8; 4096];
            while let Ok(n) = file.read(&mut buf) {
                if n == 0 {
                    break;
                }
                shown.extend_from_slice(&buf[..n]);
            }
            String::from_utf8_lossy(&shown).into_owned()
        });
        // A run that hangs on a terminal (a lock on standard error held
        // while the bar draws) fails here instead of hanging the tests.
        let pid = child.id();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(child.wait_with_output());
        });
        let output = match rx.recv_timeout(std::time::Duration::from_secs(60)) {
            Ok(output) => output.expect("recoupe finishes"),
            Err(_) => {
                // SAFETY: kill has no memory preconditions; pid is our child's.
                unsafe { libc::kill(pid as libc::pid_t, libc::SIGKILL) };
                panic!("recoupe did not finish within 60 s with standard error on a terminal");
            }
        };
        // Drop the parent's copy of the slave: the command held it.
        drop(command);
        let shown = reader.join().unwrap();
        (text(&output.stdout), shown)
    }

    let (json, shown) = on_a_terminal(&[], false);
    assert!(
        shown.contains("reading articles ["),
        "the bar on the terminal: {shown:?}"
    );
    assert!(shown.contains("/6 "), "6 documents to read: {shown:?}");
    assert!(json.starts_with('{') && !json.contains("reading articles"), "{json}");
    serde_json::from_str::<serde_json::Value>(&json).expect("the JSON report, whole");

    let (_, quiet) = on_a_terminal(&["--quiet"], false);
    assert!(!quiet.contains("reading articles"), "--quiet: {quiet:?}");
    let (_, ci) = on_a_terminal(&[], true);
    assert!(!ci.contains("reading articles"), "CI: {ci:?}");
    // A pipe (every other test's standard error) shows nothing either.
    let piped = Command::new(env!("CARGO_BIN_EXE_recoupe"))
        .env("RECOUPE_NO_CACHE", "1")
        .args(["check", "corpus", PLANTED, "--format", "json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("RECOUPE_PROGRESS_AFTER_MS", "0")
        .env_remove("CI")
        .output()
        .unwrap();
    assert!(piped.stderr.is_empty(), "{}", text(&piped.stderr));
}
