//! A JSON Lines file is streamed: checking a 24 MiB archive must take hardly
//! more memory than checking one of a single record. If the file (or all of
//! its records' texts) were held at once, the heap would grow by the size of
//! the file.
//!
//! Its own test binary, because it counts every heap allocation of the
//! process with a global allocator: nothing else may run beside it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grown(by: usize) {
    let now = IN_USE.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is passed on to `System` unchanged; only counts are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grown(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
            grown(new_size);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The peak heap growth while `f` runs, and what it returns.
fn peak_growth<T>(f: impl FnOnce() -> T) -> (usize, T) {
    let before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let out = f();
    (PEAK.load(Ordering::Relaxed).saturating_sub(before), out)
}

const MIB: usize = 1024 * 1024;

/// Records in the small archive: past the frame gate's start on two threads.
const SMALL_RECORDS: usize = 3 * recoupe::rules::GATE_AFTER;

/// Sentences without any claim, as in the generated benchmark corpus.
const FILLER: &[&str] = &[
    "Le Kremlin a de nouveau affirmé que les positions des deux camps restaient « diamétralement opposées ».",
    "Sur le front, les troupes russes continuent d'avancer face à un adversaire en manque de recrues.",
    "La Turquie, qui entretient des relations avec les deux belligérants, se pose en médiatrice.",
    "Des médias ukrainiens ont rapporté de nouveaux combats dans la région de Donetsk.",
    "Les Européens plaident pour un renforcement des sanctions contre Moscou.",
    "Washington a annoncé la reprise des livraisons d'armes à l'Ukraine.",
];

/// A claim of the shipped rules, so that the test sees records were checked.
const CLAIM: &str = "Donald Trump a fix\\u00e9 un d\\u00e9lai de 50 jours \\u00e0 la Russie.";

/// A JSON Lines file of `records` records of about 16 KiB each, a claim in
/// the first and the last.
fn archive(path: &Path, records: usize) {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..records {
        let mut text = String::new();
        if i == 0 || i + 1 == records {
            text.push_str(CLAIM);
        }
        while text.len() < 16 * 1024 {
            text.push(' ');
            text.push_str(FILLER[(i + text.len()) % FILLER.len()]);
        }
        writeln!(
            out,
            r#"{{"id": {i}, "outlet": "o{}", "published": "2025-07-21", "title": "Article {i}", "text": "{text}"}}"#,
            i % 5
        )
        .unwrap();
    }
    out.flush().unwrap();
}

#[test]
fn checking_a_large_archive_takes_about_the_memory_of_a_small_one() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("json-lines-memory-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (small, large) = (dir.join("small.jsonl"), dir.join("large.jsonl"));
    // The small archive holds enough records for each of the two threads
    // to build the frame gate (`rules::GATE_AFTER`): both runs then pay
    // for the same caches, and only the file's size differs.
    archive(&small, SMALL_RECORDS);
    archive(&large, 1536);
    let large_size = std::fs::metadata(&large).unwrap().len() as usize;
    assert!(large_size > 24 * MIB, "{large_size} bytes");

    let rules = recoupe::rules::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("rules")).unwrap();
    let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
    let check = |path: &Path| {
        let inputs = recoupe::Inputs {
            files: vec![path.to_path_buf()],
            ..Default::default()
        };
        pool.install(|| recoupe::check_inputs(inputs, &rules, &recoupe::Scope::default()))
    };
    let (small_peak, small_report) = peak_growth(|| check(&small));
    let (large_peak, large_report) = peak_growth(|| check(&large));
    let _ = std::fs::remove_dir_all(&dir);

    assert_eq!(small_report.documents.len(), SMALL_RECORDS);
    assert_eq!(large_report.documents.len(), 1536);
    assert_eq!(
        large_report.claims.len(),
        2,
        "the first and the last record were checked"
    );
    assert!(large_report.warnings.is_empty(), "{:?}", large_report.warnings);
    println!(
        "peak heap growth: {:.1} MiB for {SMALL_RECORDS} records, {:.1} MiB for {:.1} MiB of records",
        small_peak as f64 / MIB as f64,
        large_peak as f64 / MIB as f64,
        large_size as f64 / MIB as f64
    );
    // The small run builds the search caches (the frame gate, the value
    // finders' automata), which stay for the large one; the large run adds
    // its records' metadata (about 150 bytes each) and its read buffers.
    // Reading the file whole would add its 24 MiB.
    assert!(
        large_peak < small_peak + 4 * MIB,
        "checking {large_size} bytes of JSON Lines grew the heap by {large_peak} bytes ({SMALL_RECORDS} records: {small_peak}): \
         the file is not streamed"
    );
}
