//! One article packed with claims: `recoupe check` on a single article of
//! 10,000, 20,000, 40,000 and 80,000 claims (hardening issue: the time must
//! grow with the article, not with claims × article size; one article of
//! 40,000 claims at most 2.5× the time of one of 20,000).
//!
//! Run: `cargo bench --bench dense_article` (see docs/robustness.md).
//!
//! Environment:
//! - `RECOUPE_BENCH_DENSE_MAX` (default 80000): the largest article, in
//!   claims; sizes double from 10,000 up to it (1000000 runs the
//!   million-claim article too, about 47 MB of text);
//! - `RECOUPE_BENCH_RUNS` (default 3): runs of each size, in rounds; the
//!   table shows the median wall time and the highest peak RSS.
//!
//! It builds the release binary, writes the articles under
//! `target/bench-dense/` (two claims per paragraph, drones and missiles of a
//! night attack, in words the shipped rules read; each paragraph gives
//! other figures, so claims do not all share one value), and runs
//! `recoupe check ARTICLE --format json --no-cache --output FILE` as a child
//! process. It prints each size's wall time, claims per second and peak
//! RSS, the ratio of each size's time to the previous one, and the target
//! with MET / NOT MET. It never fails on a timing. Under
//! `cargo test --benches` it does nothing.

#[cfg(not(target_os = "linux"))]
fn main() {
    eprintln!("dense_article: this benchmark runs on Linux only (peak RSS comes from wait4)");
}

#[cfg(target_os = "linux")]
fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        eprintln!("dense_article: not run under `cargo test`; run it with `cargo bench --bench dense_article`");
        return;
    }
    if let Err(message) = linux::run() {
        eprintln!("dense_article: {message}");
        std::process::exit(1);
    }
}

#[cfg(target_os = "linux")]
mod linux {
    use std::path::{Path, PathBuf};
    use std::process::{Command, Stdio};
    use std::time::Instant;

    /// The hardening issue's target: doubling the claims of one article at
    /// most multiplies the time by 2.5 (20,000 → 40,000).
    const TARGET_RATIO: f64 = 2.5;
    const SMALLEST: usize = 10_000;

    fn env_number(name: &str, default: usize) -> Result<usize, String> {
        match std::env::var(name) {
            Ok(v) => v
                .trim()
                .parse()
                .map_err(|_| format!("{name} must be a whole number, got `{v}`")),
            Err(_) => Ok(default),
        }
    }

    /// Writes an article of `claims` claims (an even number), one paragraph
    /// per two claims, and returns its size in bytes. Written as a stream:
    /// a child forked from this process would count a large buffer held
    /// here in its own peak RSS until it execs.
    fn write_article(file: &Path, claims: usize) -> std::io::Result<u64> {
        use std::io::Write;
        let mut out = std::io::BufWriter::new(std::fs::File::create(file)?);
        let mut bytes = 0u64;
        let mut put = |text: &str| -> std::io::Result<()> {
            bytes += text.len() as u64;
            out.write_all(text.as_bytes())
        };
        put("---\noutlet: Dépêches denses\npublished: 2025-07-21\nlang: fr\ntitle: Une nuit, mille fois\n---\n\n")?;
        for i in 0..claims / 2 {
            let drones = 300 + i % 200;
            let missiles = 10 + i % 30;
            put(&format!(
                "Au cours de la nuit de dimanche à lundi, l'armée russe a envoyé {drones} drones et {missiles} missiles contre des villes ukrainiennes.\n\n"
            ))?;
        }
        out.flush()?;
        Ok(bytes)
    }

    struct Timed {
        wall: f64,
        rss_mib: f64,
    }

    fn time(binary: &Path, file: &Path, out: &Path) -> Result<Timed, String> {
        let start = Instant::now();
        let child = Command::new(binary)
            .arg("check")
            .arg(file)
            .args([
                "--format",
                "json",
                "--no-cache",
                "--max-file-size",
                "1000000000",
                "--output",
            ])
            .arg(out)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .spawn()
            .map_err(|e| format!("{}: {e}", binary.display()))?;
        let pid = child.id() as libc::pid_t;
        let mut status = 0;
        // SAFETY: `usage` is a plain C struct that wait4 fills in; `pid` is
        // our own child, reaped here once.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        let wall = start.elapsed().as_secs_f64();
        if r < 0 {
            return Err(format!("wait4: {}", std::io::Error::last_os_error()));
        }
        // 0: no contradiction (one outlet cannot contradict itself).
        if !libc::WIFEXITED(status) || libc::WEXITSTATUS(status) != 0 {
            return Err(format!("check {} failed (status {status})", file.display()));
        }
        // On Linux, ru_maxrss is in kibibytes.
        Ok(Timed {
            wall,
            rss_mib: usage.ru_maxrss as f64 / 1024.0,
        })
    }

    /// The number of claims in a JSON report (to check the article gives
    /// what it is meant to).
    fn claims_in(report: &Path) -> Result<usize, String> {
        let text = std::fs::read_to_string(report).map_err(|e| format!("{}: {e}", report.display()))?;
        let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", report.display()))?;
        Ok(json["claims"].as_array().map_or(0, Vec::len))
    }

    pub fn run() -> Result<(), String> {
        let largest = env_number("RECOUPE_BENCH_DENSE_MAX", 80_000)?;
        let runs = env_number("RECOUPE_BENCH_RUNS", 3)?.max(1);
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let status = Command::new(env!("CARGO"))
            .args(["build", "--release", "--quiet", "--bin", "recoupe"])
            .current_dir(root)
            .status()
            .map_err(|e| format!("cargo build: {e}"))?;
        if !status.success() {
            return Err("cargo build --release failed".into());
        }
        let binary = root.join("target/release/recoupe");
        let base = root.join("target/bench-dense");
        std::fs::create_dir_all(&base).map_err(|e| format!("{}: {e}", base.display()))?;
        let mut sizes = Vec::new();
        let mut n = SMALLEST;
        while n <= largest.max(SMALLEST) {
            sizes.push(n);
            n *= 2;
        }
        let mut files: Vec<(usize, PathBuf, PathBuf, u64)> = Vec::new();
        for &claims in &sizes {
            let file = base.join(format!("dense-{claims}.md"));
            let bytes = write_article(&file, claims).map_err(|e| format!("{}: {e}", file.display()))?;
            files.push((claims, file, base.join(format!("dense-{claims}.json")), bytes));
        }
        let mut walls: Vec<Vec<f64>> = vec![Vec::new(); files.len()];
        let mut peaks = vec![0.0f64; files.len()];
        for round in 1..=runs {
            eprintln!("dense_article: round {round}/{runs}");
            for (i, (_, file, out, _)) in files.iter().enumerate() {
                let t = time(&binary, file, out)?;
                walls[i].push(t.wall);
                peaks[i] = peaks[i].max(t.rss_mib);
            }
        }
        let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
        let load: Vec<&str> = load.split_whitespace().take(3).collect();
        println!("recoupe: one article packed with claims (hardening issue)");
        println!(
            "runs: {runs} of each, in rounds (median wall, highest peak RSS); load average {} after",
            load.join(" ")
        );
        println!();
        println!("claims in article   article MB    wall s    claims/s   peak RSS MiB   × previous");
        let mut medians = Vec::new();
        for (i, (claims, _, out, bytes)) in files.iter().enumerate() {
            let found = claims_in(out)?;
            // The reports of the largest articles take gigabytes.
            let _ = std::fs::remove_file(out);
            if found != *claims {
                return Err(format!("the article of {claims} claims gave {found}"));
            }
            walls[i].sort_by(f64::total_cmp);
            let wall = walls[i][walls[i].len() / 2];
            let ratio = medians
                .last()
                .map_or(String::from("-"), |prev: &f64| format!("{:.2}×", wall / prev));
            println!(
                "{claims:>16}   {:>10.1}   {wall:>7.2}   {:>9.0}   {:>12.1}   {ratio:>10}",
                *bytes as f64 / 1e6,
                *claims as f64 / wall,
                peaks[i]
            );
            medians.push(wall);
        }
        if let (Some(a), Some(b)) = (
            sizes.iter().position(|&n| n == 20_000),
            sizes.iter().position(|&n| n == 40_000),
        ) {
            let ratio = medians[b] / medians[a];
            let verdict = if ratio <= TARGET_RATIO { "MET" } else { "NOT MET" };
            println!();
            println!("target: 40,000 claims / 20,000 claims wall time   {ratio:.2}×   ≤ {TARGET_RATIO}×   {verdict}");
        }
        Ok(())
    }
}
