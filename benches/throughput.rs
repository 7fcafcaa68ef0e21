//! End-to-end throughput: `recoupe check` on a generated corpus, against the
//! scan floor (ripgrep looking for the frames' words, `recoupe rules words`,
//! in the same files) and, when the rules have patterns, ripgrep running
//! exactly recoupe's patterns.
//!
//! Run: `cargo bench --bench throughput` (see docs/performance.md).
//!
//! Environment:
//! - `RECOUPE_BENCH_MB` (default 200): corpus size in MiB;
//! - `RECOUPE_BENCH_SEED` (default 2025): the generator's seed;
//! - `RECOUPE_BENCH_RUNS` (default 1): runs of each command, in rounds (each
//!   command once per round, so that load from elsewhere falls on all alike);
//!   the table shows the median wall and CPU times and the highest peak RSS;
//! - `RECOUPE_BENCH_RG` (default `rg`): the ripgrep binary;
//! - `RECOUPE_BENCH_RG_TIMEOUT` (seconds, 0 for none; default 2 × recoupe's
//!   time, at least 30): ripgrep is stopped past it and the table shows a
//!   bound (`> T`).
//!
//! It builds the release binary and the `gen-corpus` example with
//! `cargo build --release`, generates the corpus once (cached under
//! `target/bench-corpus/`, keyed by size, seed and the generator's source),
//! reads every file once so that the page cache is warm for every run, then
//! times each command as a child process: wall time, and CPU time and peak
//! RSS from `wait4`'s `ru_utime + ru_stime` and `ru_maxrss`. It prints one
//! table and the targets with MET / NOT MET. It never fails on a
//! timing: it is a benchmark, not a test.
//! Under `cargo test --benches` (no `--bench` argument) it does nothing.
//!
//! **Corpus shapes** (scale issue): with `RECOUPE_BENCH_SHAPES` set (for
//! example `sparse,mixed,dense`), it runs instead, for each shape and each
//! size of `RECOUPE_BENCH_SHAPE_MB` (default `100`; `100,1024` adds 1 GiB),
//! `recoupe check` (default threads, `--no-cache`, JSON) and the scan floor
//! on the same files, in rounds, and prints one table: MiB, articles,
//! claims, wall time, MiB/s, claims/s, peak RSS and the ratio to the floor,
//! with the targets (≤ 3× the floor for sparse and mixed, ≤ 5× for dense).
//! The claims are counted by one more, untimed run (`--format human`). The
//! shapes are `gen-corpus --shape`'s: sparse (other news, about one claim
//! per 50 articles), mixed (the default generator) and dense (a claim in
//! every paragraph).

#[cfg(not(target_os = "linux"))]
fn main() {
    eprintln!("throughput: this benchmark runs on Linux only (peak RSS comes from wait4)");
}

#[cfg(target_os = "linux")]
fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        eprintln!("throughput: not run under `cargo test`; run it with `cargo bench --bench throughput`");
        return;
    }
    if let Err(message) = linux::run() {
        eprintln!("throughput: {message}");
        std::process::exit(1);
    }
}

#[cfg(target_os = "linux")]
mod linux {
    use std::ffi::OsString;
    use std::fs;
    use std::io::{BufRead, BufReader};
    use std::path::{Path, PathBuf};
    use std::process::{Command, Stdio};
    use std::time::Instant;

    /// The targets (claim frames issue), on a 2-core machine and the 200 MiB
    /// corpus: recoupe within 3× the scan floor's wall time.
    const TARGET_FLOOR_RATIO: f64 = 3.0;
    const TARGET_RSS_MIB: f64 = 150.0;
    const TARGET_SPEEDUP: f64 = 1.7;

    const MIB: f64 = 1024.0 * 1024.0;

    struct Config {
        megabytes: u64,
        seed: u64,
        runs: usize,
        /// `gen-corpus --shape`: sparse, mixed or dense.
        shape: String,
    }

    fn env_number(name: &str, default: u64) -> Result<u64, String> {
        match std::env::var(name) {
            Ok(v) => v
                .trim()
                .parse()
                .map_err(|_| format!("{name} must be a whole number, got `{v}`")),
            Err(_) => Ok(default),
        }
    }

    /// One measured child process.
    #[derive(Clone, Copy)]
    struct Measure {
        wall_s: f64,
        /// User + system CPU time of the child.
        cpu_s: f64,
        max_rss_kib: i64,
        /// Stopped at the time limit: `wall_s` is a lower bound.
        timed_out: bool,
    }

    /// `wait4` on our own child: `Ok(None)` while it runs (with `WNOHANG`).
    fn wait4(pid: libc::pid_t, flags: libc::c_int) -> std::io::Result<Option<(libc::c_int, libc::rusage)>> {
        let mut status: libc::c_int = 0;
        // SAFETY: rusage is plain old data; all zeroes is a valid value.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        loop {
            // SAFETY: pid is our own child, not yet reaped; both pointers
            // point to live, writable locals.
            let r = unsafe { libc::wait4(pid, &mut status, flags, &mut usage) };
            if r == pid {
                return Ok(Some((status, usage)));
            }
            if r == 0 {
                return Ok(None);
            }
            let err = std::io::Error::last_os_error();
            if err.kind() != std::io::ErrorKind::Interrupted {
                return Err(err);
            }
        }
    }

    /// Runs `command` to the end (or to `limit`, then kills it) and measures
    /// its wall time and peak RSS. Returns the measure and the exit code
    /// (`None` if it died of a signal or was stopped).
    fn measure(command: &mut Command, limit: Option<f64>) -> Result<(Measure, Option<i32>), String> {
        let start = Instant::now();
        let child = command.spawn().map_err(|e| format!("cannot start {command:?}: {e}"))?;
        let pid = child.id() as libc::pid_t;
        let fail = |e: std::io::Error| format!("wait4 on {command:?}: {e}");
        let mut timed_out = false;
        let (status, usage) = match limit {
            None => wait4(pid, 0).map_err(fail)?.expect("a blocking wait4 returns a status"),
            Some(limit) => loop {
                if let Some(done) = wait4(pid, libc::WNOHANG).map_err(fail)? {
                    break done;
                }
                if start.elapsed().as_secs_f64() >= limit {
                    timed_out = true;
                    // SAFETY: pid is our own child, still unreaped, so the
                    // id cannot have been reused.
                    unsafe { libc::kill(pid, libc::SIGKILL) };
                    break wait4(pid, 0).map_err(fail)?.expect("a blocking wait4 returns a status");
                }
                std::thread::sleep(std::time::Duration::from_millis(1));
            },
        };
        let wall_s = start.elapsed().as_secs_f64();
        // The child is reaped: dropping the handle only closes its pipes.
        drop(child);
        let code = if libc::WIFEXITED(status) && !timed_out {
            Some(libc::WEXITSTATUS(status))
        } else {
            None
        };
        // On Linux, ru_maxrss is in kibibytes.
        let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
        let measure = Measure {
            wall_s: if timed_out { limit.unwrap_or(wall_s) } else { wall_s },
            cpu_s: seconds(usage.ru_utime) + seconds(usage.ru_stime),
            max_rss_kib: usage.ru_maxrss,
            timed_out,
        };
        Ok((measure, code))
    }

    /// One command to time, and what its runs gave.
    struct Job<'a> {
        label: String,
        make: Box<dyn Fn() -> Command + 'a>,
        /// Exit codes that mean the command did its job.
        ok: fn(Option<i32>) -> bool,
        limit: Option<f64>,
        stderr_file: PathBuf,
        walls: Vec<f64>,
        cpus: Vec<f64>,
        max_rss_kib: i64,
        timed_out: Option<f64>,
    }

    impl<'a> Job<'a> {
        fn new(
            label: String,
            make: impl Fn() -> Command + 'a,
            ok: fn(Option<i32>) -> bool,
            stderr_file: PathBuf,
        ) -> Self {
            Job {
                label,
                make: Box::new(make),
                ok,
                limit: None,
                stderr_file,
                walls: Vec::new(),
                cpus: Vec::new(),
                max_rss_kib: 0,
                timed_out: None,
            }
        }

        /// The median wall and CPU times (the lower one for an even count),
        /// the highest RSS; a stopped command gives its time limit.
        fn summary(&self) -> Measure {
            let median = |v: &[f64]| {
                let mut v = v.to_vec();
                v.sort_by(f64::total_cmp);
                v.get(v.len().saturating_sub(1) / 2).copied().unwrap_or(f64::NAN)
            };
            match self.timed_out {
                Some(limit) => Measure {
                    wall_s: limit,
                    cpu_s: f64::NAN,
                    max_rss_kib: self.max_rss_kib,
                    timed_out: true,
                },
                None => Measure {
                    wall_s: median(&self.walls),
                    cpu_s: median(&self.cpus),
                    max_rss_kib: self.max_rss_kib,
                    timed_out: false,
                },
            }
        }
    }

    /// Runs every job `runs` times, in rounds (each job once per round), so
    /// that a burst of load from elsewhere falls on all of them alike.
    fn run_rounds(jobs: &mut [Job], runs: usize) -> Result<(), String> {
        for round in 1..=runs {
            for job in jobs.iter_mut() {
                if job.timed_out.is_some() {
                    // It would be stopped again: one bound is enough.
                    continue;
                }
                eprint!("throughput: {} (run {round}/{runs})… ", job.label);
                let mut command = (job.make)();
                let stderr =
                    fs::File::create(&job.stderr_file).map_err(|e| format!("{}: {e}", job.stderr_file.display()))?;
                command.stderr(stderr);
                let (m, code) = measure(&mut command, job.limit)?;
                job.max_rss_kib = job.max_rss_kib.max(m.max_rss_kib);
                if m.timed_out {
                    eprintln!("stopped after {:.0} s", m.wall_s);
                    job.timed_out = Some(m.wall_s);
                    continue;
                }
                if !(job.ok)(code) {
                    let text = fs::read_to_string(&job.stderr_file).unwrap_or_default();
                    let tail: Vec<&str> = text.lines().rev().take(20).collect();
                    let tail: Vec<&str> = tail.into_iter().rev().collect();
                    return Err(format!(
                        "{} failed (exit {code:?}); last lines of its stderr ({}):\n{}",
                        job.label,
                        job.stderr_file.display(),
                        tail.join("\n")
                    ));
                }
                eprintln!(
                    "{:.2} s wall, {:.2} s CPU, {:.0} MiB",
                    m.wall_s,
                    m.cpu_s,
                    m.max_rss_kib as f64 / 1024.0
                );
                job.walls.push(m.wall_s);
                job.cpus.push(m.cpu_s);
            }
        }
        Ok(())
    }

    /// `cargo build --release` of the binary and the generator; their paths.
    fn build(root: &Path) -> Result<(PathBuf, PathBuf), String> {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"));
        eprintln!("throughput: cargo build --release --bin recoupe --example gen-corpus");
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
            if message["reason"] != "compiler-artifact" {
                continue;
            }
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

    /// FNV-1a: a stable hash of the generator's source, so that a changed
    /// generator does not reuse a stale cached corpus.
    fn fnv1a(bytes: &[u8]) -> u32 {
        bytes
            .iter()
            .fold(0x811c_9dc5u32, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
    }

    /// The cached corpus folder, generated if missing or incomplete.
    fn corpus(root: &Path, target_dir: &Path, generator: &Path, config: &Config) -> Result<PathBuf, String> {
        let source = fs::read(root.join("examples/gen-corpus.rs")).unwrap_or_default();
        // The mixed shape keeps the name it had before shapes existed.
        let shape = if config.shape == "mixed" {
            String::new()
        } else {
            format!("-{}", config.shape)
        };
        let base = target_dir.join("bench-corpus").join(format!(
            "{}mb-seed{}{shape}-gen{:08x}",
            config.megabytes,
            config.seed,
            fnv1a(&source)
        ));
        let dir = base.join("corpus");
        let complete = base.join("complete");
        if complete.exists() && dir.is_dir() {
            eprintln!("throughput: reusing the corpus in {}", dir.display());
            return Ok(dir);
        }
        if dir.exists() {
            fs::remove_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        fs::create_dir_all(&base).map_err(|e| format!("{}: {e}", base.display()))?;
        eprintln!(
            "throughput: generating {} MiB (seed {}, {} shape) in {}",
            config.megabytes,
            config.seed,
            config.shape,
            dir.display()
        );
        let status = Command::new(generator)
            .arg(&dir)
            .arg(config.megabytes.to_string())
            .arg(config.seed.to_string())
            .args(["--shape", &config.shape])
            .status()
            .map_err(|e| format!("cannot run {}: {e}", generator.display()))?;
        if !status.success() {
            return Err(format!("{} failed: {status}", generator.display()));
        }
        fs::write(&complete, b"").map_err(|e| format!("{}: {e}", complete.display()))?;
        Ok(dir)
    }

    /// Reads every file below `dir` (warming the page cache); (files, bytes).
    fn read_all(dir: &Path) -> Result<(u64, u64), String> {
        let (mut files, mut bytes) = (0u64, 0u64);
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for entry in fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))? {
                let entry = entry.map_err(|e| format!("{}: {e}", d.display()))?;
                let path = entry.path();
                let kind = entry.file_type().map_err(|e| format!("{}: {e}", path.display()))?;
                if kind.is_dir() {
                    stack.push(path);
                } else if kind.is_file() {
                    let content = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
                    bytes += content.len() as u64;
                    files += 1;
                }
            }
        }
        Ok((files, bytes))
    }

    fn first_line(program: &str, args: &[&str]) -> Option<String> {
        let out = Command::new(program).args(args).output().ok()?;
        if !out.status.success() {
            return None;
        }
        Some(String::from_utf8_lossy(&out.stdout).lines().next()?.trim().to_string())
    }

    fn proc_field(file: &str, key: &str) -> Option<String> {
        let text = fs::read_to_string(file).ok()?;
        text.lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_once(':'))
            .map(|(_, v)| v.trim().to_string())
    }

    fn machine() -> String {
        let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
        let model = proc_field("/proc/cpuinfo", "model name").unwrap_or_else(|| "unknown CPU".into());
        let memory = proc_field("/proc/meminfo", "MemTotal")
            .and_then(|v| v.trim_end_matches("kB").trim().parse::<f64>().ok())
            .map_or_else(|| "? GiB".into(), |kib| format!("{:.1} GiB", kib / 1024.0 / 1024.0));
        let kernel = fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
        format!("nproc {cpus}, {model}, {memory} RAM, Linux {}", kernel.trim())
    }

    fn load_average() -> String {
        let text = fs::read_to_string("/proc/loadavg").unwrap_or_default();
        text.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
    }

    /// `rg -c` output: (files with a match, matching lines).
    fn rg_counts(file: &Path) -> (u64, u64) {
        let Ok(f) = fs::File::open(file) else {
            return (0, 0);
        };
        let (mut files, mut lines) = (0, 0);
        for line in BufReader::new(f).lines().map_while(Result::ok) {
            if let Some((_, n)) = line.rsplit_once(':') {
                if let Ok(n) = n.parse::<u64>() {
                    files += 1;
                    lines += n;
                }
            }
        }
        (files, lines)
    }

    fn verdict(met: bool) -> &'static str {
        if met {
            "MET"
        } else {
            "NOT MET"
        }
    }

    fn format_wall(m: &Measure) -> String {
        if m.timed_out {
            format!("> {:.1}", m.wall_s)
        } else {
            format!("{:.2}", m.wall_s)
        }
    }

    fn format_rate(mib: f64, m: &Measure) -> String {
        if m.timed_out {
            format!("< {:.2}", mib / m.wall_s)
        } else {
            format!("{:.2}", mib / m.wall_s)
        }
    }

    pub fn run() -> Result<(), String> {
        if let Ok(shapes) = std::env::var("RECOUPE_BENCH_SHAPES") {
            return shapes::run(&shapes);
        }
        let config = Config {
            megabytes: env_number("RECOUPE_BENCH_MB", 200)?,
            seed: env_number("RECOUPE_BENCH_SEED", 2025)?,
            runs: env_number("RECOUPE_BENCH_RUNS", 1)?.max(1) as usize,
            shape: "mixed".into(),
        };
        let rg = std::env::var_os("RECOUPE_BENCH_RG").unwrap_or_else(|| OsString::from("rg"));
        let rg_timeout = match std::env::var("RECOUPE_BENCH_RG_TIMEOUT") {
            Ok(v) => Some(
                v.trim()
                    .parse::<f64>()
                    .map_err(|_| format!("RECOUPE_BENCH_RG_TIMEOUT must be a number of seconds, got `{v}`"))?,
            ),
            Err(_) => None,
        };
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let (recoupe, generator) = build(&root)?;
        // recoupe is target/<profile>/recoupe (or target/<triple>/<profile>/…).
        let target_dir = recoupe
            .parent()
            .and_then(Path::parent)
            .ok_or("cannot tell the target folder from the recoupe path")?
            .to_path_buf();
        let dir = corpus(&root, &target_dir, &generator, &config)?;
        let base = dir.parent().expect("the corpus folder has a parent").to_path_buf();
        eprintln!("throughput: reading every file once (page cache)");
        let (files, bytes) = read_all(&dir)?;
        let mib = bytes as f64 / MIB;

        // Exactly recoupe's patterns, for ripgrep.
        let rules_dir = root.join("rules");
        let out = Command::new(&recoupe)
            .arg("rules")
            .arg("patterns")
            .arg("--rules")
            .arg(&rules_dir)
            .output()
            .map_err(|e| format!("cannot run recoupe rules patterns: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "recoupe rules patterns failed:\n{}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        let pattern_count = out.stdout.split(|&b| b == b'\n').filter(|l| !l.is_empty()).count();
        let patterns_file = base.join("patterns.txt");
        fs::write(&patterns_file, &out.stdout).map_err(|e| format!("{}: {e}", patterns_file.display()))?;
        // The frames' words, for the scan floor.
        let out = Command::new(&recoupe)
            .arg("rules")
            .arg("words")
            .arg("--rules")
            .arg(&rules_dir)
            .output()
            .map_err(|e| format!("cannot run recoupe rules words: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "recoupe rules words failed:\n{}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        let word_count = out.stdout.split(|&b| b == b'\n').filter(|l| !l.is_empty()).count();
        let words_file = base.join("words.txt");
        fs::write(&words_file, &out.stdout).map_err(|e| format!("{}: {e}", words_file.display()))?;

        let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
        let load_before = load_average();

        // recoupe: default threads, 1 and 2, in rounds.
        let recoupe_run = |threads: Option<usize>| {
            let mut c = Command::new(&recoupe);
            c.current_dir(&root)
                .arg("check")
                .arg(&dir)
                .arg("--rules")
                .arg(&rules_dir)
                // Extraction itself is measured: a warm claims cache would
                // answer every run after the first (benches/cache.rs times it).
                .arg("--no-cache")
                .args(["--format", "json", "--output", "/dev/null"])
                .stdin(Stdio::null())
                .stdout(Stdio::null());
            match threads {
                Some(n) => c.env("RAYON_NUM_THREADS", n.to_string()),
                None => c.env_remove("RAYON_NUM_THREADS"),
            };
            c
        };
        // 0 no contradiction, 1 contradictions, 2 unusable run.
        let recoupe_ok: fn(Option<i32>) -> bool = |code| matches!(code, Some(0) | Some(1));
        let recoupe_err = base.join("recoupe-stderr.txt");
        let mut recoupe_jobs = vec![
            Job::new(
                format!("recoupe check (default: {cpus} threads)"),
                move || recoupe_run(None),
                recoupe_ok,
                recoupe_err.clone(),
            ),
            Job::new(
                "recoupe check, RAYON_NUM_THREADS=1".into(),
                move || recoupe_run(Some(1)),
                recoupe_ok,
                recoupe_err.clone(),
            ),
            Job::new(
                "recoupe check, RAYON_NUM_THREADS=2".into(),
                move || recoupe_run(Some(2)),
                recoupe_ok,
                recoupe_err.clone(),
            ),
        ];
        run_rounds(&mut recoupe_jobs, config.runs)?;
        let mut rows: Vec<(String, Measure)> = recoupe_jobs.iter().map(|j| (j.label.clone(), j.summary())).collect();
        let (default, one, two) = (rows[0].1, rows[1].1, rows[2].1);

        // ripgrep on the same files: recoupe's patterns, then one literal
        // word (the floor: walking, reading and scanning the files).
        let rg_version = Command::new(&rg)
            .arg("--version")
            .output()
            .ok()
            .filter(|o| o.status.success())
            .and_then(|o| String::from_utf8_lossy(&o.stdout).lines().next().map(str::to_string));
        let limit = rg_timeout.unwrap_or_else(|| (2.0 * default.wall_s).max(30.0)).max(0.0);
        let limit = (limit > 0.0).then_some(limit);
        let mut rg_patterns_row = None;
        let mut floor_row = None;
        let rg_out = base.join("rg-counts.txt");
        let rg_literal_out = base.join("rg-literal-counts.txt");
        let rg_err = base.join("rg-stderr.txt");
        if rg_version.is_some() {
            let rg_run = |literal: bool| {
                let mut c = Command::new(&rg);
                // --no-ignore: recoupe reads every article below the folder,
                // and the corpus sits below target/, which the repository's
                // .gitignore names.
                c.arg("--no-ignore").arg("-c");
                if literal {
                    c.args(["-i", "-F", "-f"]).arg(&words_file);
                } else {
                    c.arg("-f").arg(&patterns_file);
                }
                c.arg(&dir).stdin(Stdio::null());
                let counts = if literal { &rg_literal_out } else { &rg_out };
                c.stdout(fs::File::create(counts).expect("create the rg counts file"));
                c
            };
            // rg: 0 some match, 1 no match, 2 error.
            let rg_ok: fn(Option<i32>) -> bool = |code| matches!(code, Some(0) | Some(1));
            let floor_job = Job::new(
                format!("rg -c -i -F -f words.txt (scan floor, {word_count} words)"),
                move || rg_run(true),
                rg_ok,
                rg_err.clone(),
            );
            let mut rg_jobs = vec![floor_job];
            // Without patterns (frames only), `rg -f` would scan for nothing.
            if pattern_count > 0 {
                let mut patterns_job = Job::new(
                    format!("rg -c -f patterns.txt (default: {cpus} threads)"),
                    move || rg_run(false),
                    rg_ok,
                    rg_err.clone(),
                );
                patterns_job.limit = limit;
                rg_jobs.push(patterns_job);
            }
            run_rounds(&mut rg_jobs, config.runs)?;
            floor_row = Some(rg_jobs[0].summary());
            rg_patterns_row = rg_jobs.get(1).map(Job::summary);
            rows.extend(rg_jobs.iter().map(|j| (j.label.clone(), j.summary())));
        } else {
            eprintln!(
                "throughput: ripgrep ({}) is not installed: the comparison is skipped.\n\
                 \x20   install it with `apt-get install ripgrep` (Debian, Ubuntu) or `cargo install ripgrep`",
                rg.to_string_lossy()
            );
        }
        let load_after = load_average();

        // The table.
        let commit = first_line("git", &["-C", &root.to_string_lossy(), "rev-parse", "--short", "HEAD"]);
        let dirty = Command::new("git")
            .arg("-C")
            .arg(&root)
            .args(["status", "--porcelain", "--untracked-files=no"])
            .output()
            .map(|o| !o.stdout.is_empty())
            .unwrap_or(false);
        println!();
        println!("recoupe throughput benchmark");
        println!("machine: {}", machine());
        println!(
            "recoupe: {}{}; {}",
            commit.as_deref().unwrap_or("unknown commit"),
            if dirty { " (modified)" } else { "" },
            rg_version.as_deref().unwrap_or("ripgrep not installed")
        );
        println!(
            "corpus:  {mib:.1} MiB in {files} files (gen-corpus {} MiB, seed {}); {pattern_count} patterns, {word_count} frame words",
            config.megabytes, config.seed
        );
        println!(
            "runs:    {} of each, in rounds (median wall and CPU time, highest peak RSS), page cache warm;\n         load average {load_before} before, {load_after} after",
            config.runs
        );
        println!();
        println!(
            "{:<46} {:>9} {:>9} {:>9} {:>13}",
            "run", "wall s", "MiB/s", "CPU s", "peak RSS MiB"
        );
        for (label, m) in &rows {
            let cpu = if m.cpu_s.is_nan() {
                "-".to_string()
            } else {
                format!("{:.2}", m.cpu_s)
            };
            println!(
                "{:<46} {:>9} {:>9} {:>9} {:>13.1}",
                label,
                format_wall(m),
                format_rate(mib, m),
                cpu,
                m.max_rss_kib as f64 / 1024.0
            );
        }
        if let Some(m) = rg_patterns_row {
            if m.timed_out {
                println!(
                    "(rg -f was stopped at the time limit, {:.0} s; RECOUPE_BENCH_RG_TIMEOUT sets it)",
                    m.wall_s
                );
            } else {
                let (rg_files, rg_lines) = rg_counts(&rg_out);
                println!("(rg -f found matches in {rg_files} files, {rg_lines} matching lines)");
            }
        }
        println!();

        let peak_mib = rows[..3].iter().map(|(_, m)| m.max_rss_kib).max().unwrap_or(0) as f64 / 1024.0;
        let speedup = one.wall_s / two.wall_s;
        println!("{:<46} {:>11} {:>11}  verdict", "target", "measured", "target");
        let ratio_label = "recoupe / scan floor wall time (default threads)";
        let ratio_target = format!("≤ {TARGET_FLOOR_RATIO:.2}×");
        match floor_row {
            Some(floor) => {
                let ratio = default.wall_s / floor.wall_s;
                println!(
                    "{:<46} {:>11} {:>11}  {}",
                    ratio_label,
                    format!("{ratio:.2}×"),
                    ratio_target,
                    verdict(ratio <= TARGET_FLOOR_RATIO)
                );
            }
            None => println!(
                "{:<46} {:>11} {:>11}  SKIPPED (rg not installed)",
                ratio_label, "-", ratio_target
            ),
        }
        if let Some(rg) = rg_patterns_row {
            let ratio = default.wall_s / rg.wall_s;
            let shown = if rg.timed_out {
                format!("< {ratio:.2}×")
            } else {
                format!("{ratio:.2}×")
            };
            println!(
                "{:<46} {:>11} {:>11}  (for reference)",
                "recoupe / rg -f patterns wall time", shown, "-"
            );
        }
        let size_note = if config.megabytes == 200 {
            ""
        } else {
            " (the target is for 200 MiB)"
        };
        println!(
            "{:<46} {:>11} {:>11}  {}{size_note}",
            "recoupe peak RSS (highest of its runs)",
            format!("{peak_mib:.1} MiB"),
            format!("≤ {TARGET_RSS_MIB:.0} MiB"),
            verdict(peak_mib <= TARGET_RSS_MIB)
        );
        let cores_note = if cpus < 2 { " (fewer than 2 CPUs here)" } else { "" };
        println!(
            "{:<46} {:>11} {:>11}  {}{cores_note}",
            "recoupe 2-thread speed-up over 1 thread",
            format!("{speedup:.2}×"),
            format!("≥ {TARGET_SPEEDUP:.2}×"),
            verdict(speedup >= TARGET_SPEEDUP)
        );
        Ok(())
    }

    /// The corpus shapes comparison (see the file's docs).
    mod shapes {
        use super::*;

        /// Targets of the scale issue: recoupe's wall time over the scan
        /// floor's, per shape.
        fn target(shape: &str) -> f64 {
            if shape == "dense" {
                5.0
            } else {
                3.0
            }
        }

        /// The claims of a run, from the summary line of the human report
        /// ("N documents, M claims: …").
        fn claims(recoupe: &Path, dir: &Path, rules: &Path) -> Result<u64, String> {
            let out = Command::new(recoupe)
                .arg("check")
                .arg(dir)
                .arg("--rules")
                .arg(rules)
                .args(["--no-cache", "--format", "human", "--quiet", "--color", "never"])
                .stdin(Stdio::null())
                .output()
                .map_err(|e| format!("cannot run recoupe: {e}"))?;
            let text = String::from_utf8_lossy(&out.stdout);
            text.lines()
                .rev()
                .find_map(|line| {
                    let (_, rest) = line.split_once(" documents, ")?;
                    rest.split_once(" claim")?.0.replace(',', "").parse().ok()
                })
                .ok_or_else(|| format!("no summary line in recoupe's report on {}", dir.display()))
        }

        pub fn run(shapes: &str) -> Result<(), String> {
            let shapes: Vec<String> = shapes
                .split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
            if let Some(bad) = shapes
                .iter()
                .find(|s| !["sparse", "mixed", "dense"].contains(&s.as_str()))
            {
                return Err(format!(
                    "RECOUPE_BENCH_SHAPES: `{bad}` is not a shape (sparse, mixed, dense)"
                ));
            }
            let sizes: Vec<u64> = std::env::var("RECOUPE_BENCH_SHAPE_MB")
                .unwrap_or_else(|_| "100".into())
                .split(',')
                .map(|v| {
                    v.trim()
                        .parse()
                        .map_err(|_| format!("RECOUPE_BENCH_SHAPE_MB: `{v}` is not a whole number of MiB"))
                })
                .collect::<Result<_, _>>()?;
            let seed = env_number("RECOUPE_BENCH_SEED", 2025)?;
            let runs = env_number("RECOUPE_BENCH_RUNS", 1)?.max(1) as usize;
            let rg = std::env::var_os("RECOUPE_BENCH_RG").unwrap_or_else(|| OsString::from("rg"));
            let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
            let (recoupe, generator) = build(&root)?;
            let target_dir = recoupe
                .parent()
                .and_then(Path::parent)
                .ok_or("cannot tell the target folder from the recoupe path")?
                .to_path_buf();
            let rules = root.join("rules");
            let out = Command::new(&recoupe)
                .args(["rules", "words", "--rules"])
                .arg(&rules)
                .output()
                .map_err(|e| format!("cannot run recoupe rules words: {e}"))?;
            if !out.status.success() {
                return Err(format!(
                    "recoupe rules words failed:\n{}",
                    String::from_utf8_lossy(&out.stderr)
                ));
            }
            let words = target_dir.join("bench-corpus").join("words.txt");
            fs::create_dir_all(words.parent().expect("a folder")).map_err(|e| format!("{}: {e}", words.display()))?;
            fs::write(&words, &out.stdout).map_err(|e| format!("{}: {e}", words.display()))?;
            let load_before = load_average();
            struct Row {
                shape: String,
                mib: f64,
                files: u64,
                claims: u64,
                recoupe: Measure,
                floor: Measure,
            }
            let mut rows = Vec::new();
            for &megabytes in &sizes {
                for shape in &shapes {
                    let config = Config {
                        megabytes,
                        seed,
                        runs,
                        shape: shape.clone(),
                    };
                    let dir = corpus(&root, &target_dir, &generator, &config)?;
                    let base = dir.parent().expect("the corpus folder has a parent").to_path_buf();
                    let (files, bytes) = read_all(&dir)?;
                    let errors = base.join("stderr.txt");
                    let recoupe_job = Job::new(
                        format!("recoupe check, {shape}, {megabytes} MiB"),
                        || {
                            let mut c = Command::new(&recoupe);
                            c.arg("check")
                                .arg(&dir)
                                .arg("--rules")
                                .arg(&rules)
                                .args(["--no-cache", "--format", "json", "--output", "/dev/null"])
                                .stdin(Stdio::null())
                                .stdout(Stdio::null())
                                .env_remove("RAYON_NUM_THREADS");
                            c
                        },
                        |code| matches!(code, Some(0) | Some(1)),
                        errors.clone(),
                    );
                    let counts = base.join("rg-floor-counts.txt");
                    let floor_job = Job::new(
                        format!("rg floor, {shape}, {megabytes} MiB"),
                        || {
                            let mut c = Command::new(&rg);
                            c.args(["--no-ignore", "-c", "-i", "-F", "-f"])
                                .arg(&words)
                                .arg(&dir)
                                .stdin(Stdio::null())
                                .stdout(fs::File::create(&counts).expect("create the rg counts file"));
                            c
                        },
                        |code| matches!(code, Some(0) | Some(1)),
                        errors.clone(),
                    );
                    let mut jobs = vec![recoupe_job, floor_job];
                    run_rounds(&mut jobs, runs)?;
                    let claims = claims(&recoupe, &dir, &rules)?;
                    rows.push(Row {
                        shape: shape.clone(),
                        mib: bytes as f64 / MIB,
                        files,
                        claims,
                        recoupe: jobs[0].summary(),
                        floor: jobs[1].summary(),
                    });
                }
            }
            let load_after = load_average();
            let commit = first_line("git", &["-C", &root.to_string_lossy(), "rev-parse", "--short", "HEAD"]);
            println!();
            println!("recoupe corpus shapes benchmark (scale issue)");
            println!("machine: {}", machine());
            println!("recoupe: {}", commit.as_deref().unwrap_or("unknown commit"));
            println!(
                "runs:    {runs} of each, in rounds (median wall, highest peak RSS), page cache warm, default threads, --no-cache, JSON to /dev/null;\n         floor: rg -c -i -F -f words.txt (the frames' words), same files; load average {load_before} before, {load_after} after"
            );
            println!();
            println!(
                "{:<7} {:>8} {:>9} {:>9} {:>8} {:>7} {:>9} {:>9} {:>8} {:>7} {:>7}  verdict",
                "shape",
                "MiB",
                "articles",
                "claims",
                "wall s",
                "MiB/s",
                "claims/s",
                "RSS MiB",
                "floor s",
                "ratio",
                "target"
            );
            for row in &rows {
                let ratio = row.recoupe.wall_s / row.floor.wall_s;
                let target = target(&row.shape);
                println!(
                    "{:<7} {:>8.1} {:>9} {:>9} {:>8.2} {:>7.1} {:>9.0} {:>9.1} {:>8.2} {:>6.2}× {:>6.1}×  {}",
                    row.shape,
                    row.mib,
                    row.files,
                    row.claims,
                    row.recoupe.wall_s,
                    row.mib / row.recoupe.wall_s,
                    row.claims as f64 / row.recoupe.wall_s,
                    row.recoupe.max_rss_kib as f64 / 1024.0,
                    row.floor.wall_s,
                    ratio,
                    target,
                    verdict(ratio <= target)
                );
            }
            // Time proportional to size: each shape's larger runs against
            // its smallest.
            for shape in &shapes {
                let of_shape: Vec<&Row> = rows.iter().filter(|r| &r.shape == shape).collect();
                if let [first, rest @ ..] = of_shape.as_slice() {
                    for r in rest {
                        println!(
                            "{shape}: {:.0}× the size takes {:.2}× the time ({:.0} → {:.0} MiB)",
                            r.mib / first.mib,
                            r.recoupe.wall_s / first.recoupe.wall_s,
                            first.mib,
                            r.mib
                        );
                    }
                }
            }
            Ok(())
        }
    }
}
