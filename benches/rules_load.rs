//! Loading a newsroom's rule set: 1,000 rules, as `recoupe rules check`
//! loads them, with patterns and with frames (hardening issue: ≤ 0.5 s and
//! ≤ 100 MiB for 1,000 rules).
//!
//! Run: `cargo bench --bench rules_load` (see docs/robustness.md). It builds
//! the release binary, writes the two rule sets under
//! `target/bench-rules/`, runs `recoupe rules check --rules DIR` on each as a
//! child process and prints wall time and peak RSS (`wait4`'s `ru_maxrss`).
//! It never fails on a timing. Under `cargo test --benches` it does nothing.

#[cfg(not(target_os = "linux"))]
fn main() {
    eprintln!("rules_load: this benchmark runs on Linux only (peak RSS comes from wait4)");
}

#[cfg(target_os = "linux")]
fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        eprintln!("rules_load: not run under `cargo test`; run it with `cargo bench --bench rules_load`");
        return;
    }
    if let Err(message) = run() {
        eprintln!("rules_load: {message}");
        std::process::exit(1);
    }
}

#[cfg(target_os = "linux")]
const TARGET_SECONDS: f64 = 0.5;
#[cfg(target_os = "linux")]
const TARGET_MIB: f64 = 100.0;
#[cfg(target_os = "linux")]
const RULES: usize = 1_000;

/// Cities the generated rules name, so that their words differ.
#[cfg(target_os = "linux")]
const CITIES: [&str; 10] = [
    "Kiev",
    "Odessa",
    "Kharkiv",
    "Dnipro",
    "Lviv",
    "Zaporijia",
    "Soumy",
    "Kherson",
    "Mykolaïv",
    "Poltava",
];

/// 1,000 toll rules, each with two patterns (`{count}` in each).
#[cfg(target_os = "linux")]
fn pattern_rules() -> String {
    let mut out = String::from("rules:\n");
    for i in 0..RULES {
        let city = CITIES[i % CITIES.len()];
        out.push_str(&format!(
            "  - id: toll-{i}\n    description: Toll of operation {i}\n    subject: toll-{i}\n    kind: number\n    patterns:\n      - \"bilan de {{count}} morts? à {city} \\\\({i}\\\\)\"\n      - \"{{count}} personnes tuées à {city} pendant l'opération {i}\"\n"
        ));
    }
    out
}

/// 1,000 toll rules written as frames.
#[cfg(target_os = "linux")]
fn frame_rules() -> String {
    let mut out = String::from("rules:\n");
    for i in 0..RULES {
        let city = CITIES[i % CITIES.len()].to_lowercase();
        out.push_str(&format!(
            "  - id: toll-{i}\n    description: Toll of operation {i}\n    subject: toll-{i}\n    kind: number\n    unit: {{ fr: [morts, tués], en: [dead, killed] }}\n    sentence: [[{city}], [opération{i}, operation{i}]]\n"
        ));
    }
    out
}

#[cfg(target_os = "linux")]
fn run() -> Result<(), String> {
    use std::path::Path;
    use std::process::Command;
    use std::time::Instant;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let status = Command::new(env!("CARGO"))
        .args(["build", "--release", "--quiet"])
        .current_dir(root)
        .status()
        .map_err(|e| format!("cargo build: {e}"))?;
    if !status.success() {
        return Err("cargo build --release failed".into());
    }
    let binary = root.join("target/release/recoupe");
    let base = root.join("target/bench-rules");
    println!("run                                  wall s   peak RSS MiB   target");
    for (name, yaml) in [
        ("1,000 pattern rules", pattern_rules()),
        ("1,000 frame rules", frame_rules()),
    ] {
        let dir = base.join(name.replace([',', ' '], "-"));
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        std::fs::write(dir.join("rules.yaml"), yaml).map_err(|e| format!("{}: {e}", dir.display()))?;
        let start = Instant::now();
        let child = Command::new(&binary)
            .args(["rules", "check", "--rules"])
            .arg(&dir)
            .stdout(std::process::Stdio::null())
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
        if !libc::WIFEXITED(status) || libc::WEXITSTATUS(status) != 0 {
            return Err(format!("rules check on {name} failed (status {status})"));
        }
        // On Linux, ru_maxrss is in kibibytes.
        let mib = usage.ru_maxrss as f64 / 1024.0;
        let verdict = if wall <= TARGET_SECONDS && mib <= TARGET_MIB {
            "MET"
        } else {
            "NOT MET"
        };
        println!("{name:<36} {wall:>6.2}   {mib:>12.1}   ≤ {TARGET_SECONDS} s, ≤ {TARGET_MIB} MiB: {verdict}");
    }
    Ok(())
}
