//! The claims cache: `recoupe check CORPUS --new ONE_FILE` against a
//! generated corpus of 10,000 articles, without the cache, with a cold cache
//! and with a warm one (issue 18's target: warm ≤ 50 ms).
//!
//! Run: `cargo bench --bench cache` (README, Performance; docs/performance.md).
//!
//! Environment:
//! - `RECOUPE_BENCH_ARTICLES` (default 10000): articles in the corpus;
//! - `RECOUPE_BENCH_RUNS` (default 20): runs of each warm command (3 of each
//!   cold one); the table shows the median and the fastest.
//!
//! It builds the release binary and the `gen-corpus` example, generates the
//! corpus once (under `target/bench-cache/`, keyed by size and the
//! generator's source) and one new article, then times each command as a
//! child process (wall time, its report captured to a file). The runs:
//!
//! - no cache: every article read and extracted (`--no-cache`);
//! - cold: an empty cache, filled by the run;
//! - warm: the same command again: every article, the new one included, is
//!   in the cache (no rule is compiled, no article read). Two new articles,
//!   timed apart: one that states four facts of the story (written here,
//!   [`STATING`]: a CI run's report then compares its claims with the
//!   corpus's 16,000 claims of those subjects), and one of another seed that
//!   states none of the rules' facts today (its report only counts);
//! - warm corpus, unseen article: a new article the cache has never seen
//!   (another each run), as in CI: the rules are compiled for it.
//!
//! Every run's report must be the same bytes. It never fails on a timing:
//! it is a benchmark, not a test. Under `cargo test --benches` it does
//! nothing.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// The target for the warm run.
const TARGET_WARM_MS: f64 = 50.0;

/// A new article that states four facts the corpus also states (the talks'
/// day, the night's drones and missiles, the deadline): its warm run
/// compares and reports the claims of four of the seven subjects.
const STATING: &str = "---
outlet: \"Ouest-France\"
published: 2025-07-22
lang: fr
title: \"Troisième session de pourparlers à Istanbul\"
---
Les délégations russe et ukrainienne se retrouveront mercredi 23 juillet à Istanbul pour une troisième session de négociations, a confirmé Kiev.

Dans la nuit de dimanche à lundi, la Russie a lancé 426 drones et 24 missiles contre l'Ukraine, selon l'armée de l'air ukrainienne.

Donald Trump a donné 50 jours à Moscou pour conclure un accord, faute de quoi des sanctions frapperont les pays qui achètent son pétrole.
";

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        eprintln!("cache: not run under `cargo test`; run it with `cargo bench --bench cache`");
        return;
    }
    if let Err(message) = run() {
        eprintln!("cache: {message}");
        std::process::exit(1);
    }
}

fn env_number(name: &str, default: usize) -> Result<usize, String> {
    match std::env::var(name) {
        Ok(v) => v
            .trim()
            .parse()
            .map_err(|_| format!("{name} must be a whole number, got `{v}`")),
        Err(_) => Ok(default),
    }
}

/// `cargo build --release` of the binary and the generator; their paths.
fn build(root: &Path) -> Result<(PathBuf, PathBuf), String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    eprintln!("cache: cargo build --release --bin recoupe --example gen-corpus");
    let output = Command::new(&cargo)
        .current_dir(root)
        .args([
            "build",
            "--release",
            "--bin",
            "recoupe",
            "--example",
            "gen-corpus",
            "--message-format=json-render-diagnostics",
        ])
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !output.status.success() {
        return Err("cargo build --release failed".into());
    }
    let (mut recoupe, mut generator) = (None, None);
    for line in output.stdout.split(|&b| b == b'\n') {
        let Ok(message) = serde_json::from_slice::<serde_json::Value>(line) else {
            continue;
        };
        let Some(exe) = message["executable"].as_str() else {
            continue;
        };
        match message["target"]["name"].as_str() {
            Some("recoupe") => recoupe = Some(PathBuf::from(exe)),
            Some("gen-corpus") => generator = Some(PathBuf::from(exe)),
            _ => {}
        }
    }
    match (recoupe, generator) {
        (Some(r), Some(g)) => Ok((r, g)),
        _ => Err("cargo build did not report the recoupe and gen-corpus executables".into()),
    }
}

/// FNV-1a of the generator's source: a changed generator makes a new corpus.
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .fold(0x811c_9dc5u32, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

fn generate(generator: &Path, dir: &Path, articles: usize, seed: u64) -> Result<(), String> {
    let status = Command::new(generator)
        .arg(dir)
        .args(["0", &seed.to_string(), "--articles", &articles.to_string()])
        .stderr(Stdio::null())
        .status()
        .map_err(|e| format!("cannot run {}: {e}", generator.display()))?;
    if !status.success() {
        return Err(format!("{} failed: {status}", generator.display()));
    }
    Ok(())
}

fn proc_field(file: &str, key: &str) -> Option<String> {
    let text = std::fs::read_to_string(file).ok()?;
    text.lines()
        .find(|l| l.starts_with(key))
        .and_then(|l| l.split_once(':'))
        .map(|(_, v)| v.trim().to_string())
}

fn machine() -> String {
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    let model = proc_field("/proc/cpuinfo", "model name").unwrap_or_else(|| "unknown CPU".into());
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    format!("nproc {cpus}, {model}, Linux {}", kernel.trim())
}

fn load_average() -> String {
    let text = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    text.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
}

/// A run's wall time and CPU time (user and system, of the child), in ms.
#[derive(Clone, Copy)]
struct Times {
    wall: f64,
    cpu: f64,
}

/// The CPU time of a finished child, reaped here (`wait4`), and its exit
/// code; elsewhere than Linux, no CPU time.
#[cfg(target_os = "linux")]
fn reap(child: &std::process::Child) -> Result<(Option<i32>, f64), String> {
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain old data; all zeroes is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: pid is our own child, not yet reaped; both pointers point
        // to live, writable locals.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == pid {
            break;
        }
        let err = std::io::Error::last_os_error();
        if err.kind() != std::io::ErrorKind::Interrupted {
            return Err(format!("wait4: {err}"));
        }
    }
    let ms = |t: libc::timeval| t.tv_sec as f64 * 1000.0 + t.tv_usec as f64 / 1000.0;
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    Ok((code, ms(usage.ru_utime) + ms(usage.ru_stime)))
}

/// One timed run: its times and its report (standard output, to a file).
fn time(command: &mut Command, report: &Path) -> Result<(Times, Vec<u8>), String> {
    let out = std::fs::File::create(report).map_err(|e| format!("{}: {e}", report.display()))?;
    let errors = report.with_extension("stderr");
    let err = std::fs::File::create(&errors).map_err(|e| format!("{}: {e}", errors.display()))?;
    let start = Instant::now();
    let child = command
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .spawn()
        .map_err(|e| format!("cannot run {command:?}: {e}"))?;
    #[cfg(target_os = "linux")]
    let (code, cpu) = reap(&child)?;
    #[cfg(not(target_os = "linux"))]
    let (code, cpu) = {
        let mut child = child;
        (child.wait().map_err(|e| format!("{e}"))?.code(), f64::NAN)
    };
    let wall = start.elapsed().as_secs_f64() * 1000.0;
    let stderr = std::fs::read_to_string(&errors).unwrap_or_default();
    // 0 no contradiction, 1 contradictions: both are a run that went through.
    if !matches!(code, Some(0 | 1)) {
        return Err(format!("{command:?} failed ({code:?}):\n{stderr}"));
    }
    if !stderr.is_empty() {
        return Err(format!("{command:?} said something on standard error:\n{stderr}"));
    }
    let bytes = std::fs::read(report).map_err(|e| format!("{}: {e}", report.display()))?;
    Ok((Times { wall, cpu }, bytes))
}

/// How many claims `recoupe check FILE` finds in one article, and in how
/// many subjects.
fn claims_in(recoupe: &Path, rules: &Path, file: &Path) -> Result<(usize, usize), String> {
    let output = Command::new(recoupe)
        .args(["check", "--format", "json", "--no-cache", "--rules"])
        .arg(rules)
        .arg(file)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", recoupe.display()))?;
    let report: serde_json::Value =
        serde_json::from_slice(&output.stdout).map_err(|e| format!("the JSON report of {}: {e}", file.display()))?;
    let claims = report["claims"].as_array().cloned().unwrap_or_default();
    let subjects: std::collections::BTreeSet<String> = claims
        .iter()
        .filter_map(|c| c["subject"].as_str().map(String::from))
        .collect();
    Ok((claims.len(), subjects.len()))
}

/// Median wall time, fastest wall time, median CPU time.
fn summary(times: &[Times]) -> (f64, f64, f64) {
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        (v[(v.len() - 1) / 2], v[0])
    };
    let (wall, best) = median(times.iter().map(|t| t.wall).collect());
    let (cpu, _) = median(times.iter().map(|t| t.cpu).collect());
    (wall, best, cpu)
}

fn run() -> Result<(), String> {
    let articles = env_number("RECOUPE_BENCH_ARTICLES", 10_000)?;
    let runs = env_number("RECOUPE_BENCH_RUNS", 20)?.max(1);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let (recoupe, generator) = build(&root)?;
    let target = recoupe
        .parent()
        .and_then(Path::parent)
        .ok_or("cannot tell the target folder from the recoupe path")?
        .to_path_buf();
    let source = std::fs::read(root.join("examples/gen-corpus.rs")).unwrap_or_default();
    let base = target
        .join("bench-cache")
        .join(format!("{articles}-gen{:08x}", fnv1a(&source)));
    let corpus = base.join("corpus");
    let complete = base.join("complete");
    if !(complete.exists() && corpus.is_dir()) {
        let _ = std::fs::remove_dir_all(&base);
        std::fs::create_dir_all(&base).map_err(|e| format!("{}: {e}", base.display()))?;
        eprintln!("cache: generating {articles} articles in {}", corpus.display());
        generate(&generator, &corpus, articles, 2025)?;
        std::fs::write(&complete, b"").map_err(|e| format!("{}: {e}", complete.display()))?;
    } else {
        eprintln!("cache: reusing the corpus in {}", corpus.display());
    }
    // The new articles, outside the corpus: one that states four facts,
    // and one of another seed (which states none of the rules' facts today).
    let new_dir = base.join("new");
    let _ = std::fs::remove_dir_all(&new_dir);
    generate(&generator, &new_dir, 1, 7)?;
    let quiet_new = new_dir.join("0000/0000000.md");
    let new = new_dir.join("stating.md");
    std::fs::write(&new, STATING).map_err(|e| format!("{}: {e}", new.display()))?;
    let rules = root.join("rules");
    let (stated, stated_subjects) = claims_in(&recoupe, &rules, &new)?;
    let (quiet_stated, _) = claims_in(&recoupe, &rules, &quiet_new)?;
    let cache = base.join("cache.sqlite");
    let reports = base.join("reports");
    std::fs::create_dir_all(&reports).map_err(|e| format!("{}: {e}", reports.display()))?;
    // Paths relative to `base`, as a user in the project's folder types them.
    let check = |new: &Path, cache_args: &[&str]| {
        let mut c = Command::new(&recoupe);
        c.current_dir(&base)
            .arg("check")
            .arg("corpus")
            .arg("--new")
            .arg(new.strip_prefix(&base).unwrap_or(new))
            .arg("--rules")
            .arg(&rules)
            .args(cache_args)
            .env_remove("RECOUPE_NO_CACHE")
            .env_remove("RAYON_NUM_THREADS");
        c
    };
    let with_cache = ["--cache", "cache.sqlite"];
    let remove_cache = || {
        for suffix in ["", "-wal", "-shm"] {
            let mut file = cache.as_os_str().to_owned();
            file.push(suffix);
            let _ = std::fs::remove_file(file);
        }
    };
    // The files' times must be a second old for their stat to vouch for
    // them (see src/cache.rs): a freshly generated corpus is not yet.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let load_before = load_average();
    let mut expected: Option<Vec<u8>> = None;
    let mut agree = |label: &str, bytes: Vec<u8>| -> Result<(), String> {
        match &expected {
            None => expected = Some(bytes),
            Some(e) if *e == bytes => {}
            Some(_) => return Err(format!("the {label} run printed another report")),
        }
        Ok(())
    };
    let report = reports.join("report.txt");
    let cold_runs = runs.min(3);
    let (mut none, mut cold, mut warm, mut warm_quiet, mut unseen) =
        (Vec::<Times>::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for round in 1..=cold_runs {
        eprintln!("cache: no cache and cold, round {round}/{cold_runs}");
        let (ms, bytes) = time(&mut check(&new, &["--no-cache"]), &report)?;
        agree("no-cache", bytes)?;
        none.push(ms);
        remove_cache();
        let (ms, bytes) = time(&mut check(&new, &with_cache), &report)?;
        agree("cold", bytes)?;
        cold.push(ms);
    }
    eprintln!("cache: warm, {runs} runs");
    for _ in 0..runs {
        let (ms, bytes) = time(&mut check(&new, &with_cache), &report)?;
        agree("warm", bytes)?;
        warm.push(ms);
    }
    // The generated new article: its own report, the same warm or not.
    let quiet_report = reports.join("quiet.txt");
    let (_, quiet_expected) = time(&mut check(&quiet_new, &["--no-cache"]), &quiet_report)?;
    let (_, bytes) = time(&mut check(&quiet_new, &with_cache), &quiet_report)?;
    if bytes != quiet_expected {
        return Err("the cold run of the article of seed 7 printed another report".into());
    }
    eprintln!("cache: warm, the new article of seed 7, {runs} runs");
    for _ in 0..runs {
        let (ms, bytes) = time(&mut check(&quiet_new, &with_cache), &quiet_report)?;
        if bytes != quiet_expected {
            return Err("a warm run of the article of seed 7 printed another report".into());
        }
        warm_quiet.push(ms);
    }
    eprintln!("cache: warm corpus and an unseen new article, {runs} runs");
    for i in 0..runs {
        // Another article each run, never seen by the cache.
        let dir = base.join(format!("unseen-{i}"));
        let _ = std::fs::remove_dir_all(&dir);
        generate(&generator, &dir, 1, 1000 + i as u64)?;
        let (ms, _) = time(&mut check(&dir.join("0000/0000000.md"), &with_cache), &report)?;
        unseen.push(ms);
        let _ = std::fs::remove_dir_all(&dir);
    }
    let load_after = load_average();
    let cache_mib = std::fs::metadata(&cache).map_or(0.0, |m| m.len() as f64 / 1024.0 / 1024.0);

    println!();
    println!("recoupe claims cache benchmark");
    println!("machine: {}", machine());
    println!(
        "corpus:  {articles} generated articles (gen-corpus, seed 2025); new articles: stating.md ({stated} claims in\n         {stated_subjects} subjects, written by this benchmark), 0000/0000000.md (gen-corpus seed 7, {quiet_stated} claims);\n         cache file {cache_mib:.1} MiB; load average {load_before} before, {load_after} after"
    );
    println!("command: recoupe check corpus --new new/stating.md --rules rules [--no-cache | --cache cache.sqlite]");
    println!();
    println!(
        "{:<44} {:>10} {:>10} {:>10} {:>5}",
        "run", "wall ms", "best ms", "CPU ms", "runs"
    );
    for (label, times) in [
        ("no cache (--no-cache)", &none),
        ("cold cache (empty, filled by the run)", &cold),
        ("warm cache (the same command again)", &warm),
        ("warm, the new article of seed 7", &warm_quiet),
        ("warm corpus, new article not yet cached", &unseen),
    ] {
        let (median, best, cpu) = summary(times);
        println!("{label:<44} {median:>10.1} {best:>10.1} {cpu:>10.1} {:>5}", times.len());
    }
    println!("(wall: median; CPU: median user + system time of the run, both cores)");
    println!();
    for (label, times) in [
        ("target: warm run (median)", &warm),
        ("target: warm run, the article of seed 7", &warm_quiet),
    ] {
        let (median, _, _) = summary(times);
        println!(
            "{:<52} {:>10} {:>10}  {}",
            label,
            format!("{median:.1} ms"),
            format!("≤ {TARGET_WARM_MS:.0} ms"),
            if median <= TARGET_WARM_MS { "MET" } else { "NOT MET" }
        );
    }
    Ok(())
}
