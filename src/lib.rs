//! recoupe: cross-check facts between news outlets.
//!
//! The pipeline has one module per stage and data flows one way:
//!
//! corpus → rules → extract → normalize → compare → report
//!
//! See ARCHITECTURE.md for what each stage owns. [`app`] runs the stages for
//! the command line; `main.rs` only parses arguments.

pub mod app;
pub mod atomic;
pub mod baseline;
pub mod cache;
pub mod compare;
pub mod config;
pub mod corpus;
pub mod english;
pub mod extract;
pub mod french;
pub mod language;
pub mod normalize;
pub mod record;
pub mod report;
pub mod rule_examples;
pub mod rules;
pub mod search;
pub mod shard;
pub mod suppress;
pub mod value;

use report::{DocumentEntry, Report, RuleEntry};
use std::collections::BTreeSet;

/// What a check is about, beyond the corpus itself.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// The new articles of a CI run (paths as shown): only findings that
    /// involve one of them are reported. `None`: the whole corpus.
    pub new_paths: Option<BTreeSet<String>>,
    /// Conflict fingerprints accepted by a baseline: reported as known, they
    /// do not fail the run.
    pub known: BTreeSet<String>,
    /// Keep the sentence around each claim's quote (`Report::sentences`),
    /// for the HTML page: costs a string per claim, so only when asked.
    pub sentences: bool,
    /// Told of each document read (a progress bar), when there is one.
    pub progress: Option<Progress>,
    /// Outlet aliases (`[outlets.aliases]` of recoupe.toml): each name as
    /// written, and the outlet it names.
    pub aliases: std::collections::BTreeMap<String, String>,
    /// Claims a baseline suppresses by fingerprint: the baseline as shown,
    /// and each fingerprint's reason.
    pub suppress_claims: Option<(String, std::collections::BTreeMap<String, String>)>,
}

/// Something told, from any thread, how many more documents were read.
#[derive(Clone)]
pub struct Progress(pub std::sync::Arc<dyn Fn(u64) + Send + Sync>);

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Progress")
    }
}

impl Progress {
    fn tick(this: &Option<Progress>) {
        if let Some(p) = this {
            (p.0)(1);
        }
    }
}

/// Where a claim stands, to find its sentence once claims are sorted.
type Place = (Box<str>, u32, u32, u32);

/// Runs extraction and comparison over a loaded corpus: the whole job once the
/// inputs are read.
pub fn check(corpus: corpus::Corpus, rules: &rules::RuleSet, scope: &Scope) -> Report {
    let inputs = Inputs {
        files: Vec::new(),
        documents: corpus.documents,
        warnings: corpus.warnings,
        load: corpus::LoadOptions::default(),
    };
    check_inputs(inputs, rules, scope)
}

/// What a check reads: files still on disk (read, checked and dropped one at a
/// time, so memory does not grow with the corpus; JSON Lines files one record
/// at a time) and documents already read (standard input, or a corpus loaded
/// by a library user).
#[derive(Debug, Default)]
pub struct Inputs {
    pub files: Vec<std::path::PathBuf>,
    pub documents: Vec<corpus::Document>,
    /// Warnings met while finding the inputs.
    pub warnings: Vec<corpus::Warning>,
    pub load: corpus::LoadOptions,
}

/// Reads, extracts and compares: each file (or JSON Lines record) is read
/// once, its claims extracted, and its text dropped; only claims, document
/// metadata and warnings are kept.
pub fn check_inputs(inputs: Inputs, rules: &rules::RuleSet, scope: &Scope) -> Report {
    let catalog = rule_entries(rules);
    let source = Rules::Ready(rules);
    let run = Run {
        rules: &source,
        catalog: &catalog,
        cache: None,
        records: false,
    };
    let gathered = gather(inputs, &run, scope);
    finish(gathered, &catalog, rules.failures(), scope)
}

/// What reports need of each rule of a set.
pub fn rule_entries(rules: &rules::RuleSet) -> Vec<RuleEntry> {
    rules
        .rules
        .iter()
        .map(|r| RuleEntry {
            id: r.id.clone(),
            subject: r.subject.to_string(),
            kind: r.kind,
            description: r.description.clone(),
            severity: r.severity,
            tolerance: r.tolerance,
            evolves: r.evolves,
            revises: r.revises.as_ref().map(|(s, _)| s.clone()),
        })
        .collect()
}

/// The rules of a run: compiled already, or compiled the first time an
/// article needs them (a run whose every article is in the claims cache
/// compiles none: compiling the rules is most of a small run's time).
pub enum Rules<'a> {
    Ready(&'a rules::RuleSet),
    Lazy {
        sources: Vec<(String, String)>,
        set: std::sync::OnceLock<Result<rules::RuleSet, rules::diagnostic::RuleErrors>>,
    },
}

impl Rules<'_> {
    /// Rules compiled from `sources` when first needed.
    pub fn lazy(sources: Vec<(String, String)>) -> Rules<'static> {
        Rules::Lazy {
            sources,
            set: std::sync::OnceLock::new(),
        }
    }

    /// The compiled rules, compiling them now if need be; `None` when they
    /// do not compile (see [`Rules::errors`]).
    pub fn get(&self) -> Option<&rules::RuleSet> {
        match self {
            Rules::Ready(set) => Some(set),
            Rules::Lazy { sources, set } => set
                .get_or_init(|| {
                    let compiled = rules::load_sources(sources.clone());
                    release_freed_memory();
                    compiled
                })
                .as_ref()
                .ok(),
        }
    }

    /// Whether the rules were compiled during the run.
    pub fn compiled(&self) -> Option<&rules::RuleSet> {
        match self {
            Rules::Ready(set) => Some(set),
            Rules::Lazy { set, .. } => set.get().and_then(|r| r.as_ref().ok()),
        }
    }

    /// Why the rules did not compile, when they were needed and did not.
    pub fn errors(&self) -> Option<&rules::diagnostic::RuleErrors> {
        match self {
            Rules::Ready(_) => None,
            Rules::Lazy { set, .. } => set.get().and_then(|r| r.as_ref().err()),
        }
    }
}

/// How a run extracts: with which rules, whether through the claims cache,
/// and whether it keeps every document's record (`recoupe extract`).
pub struct Run<'a> {
    pub rules: &'a Rules<'a>,
    /// What reports need of the rules, and their tolerances: claims rebuilt
    /// from records take theirs from here.
    pub catalog: &'a [RuleEntry],
    pub cache: Option<&'a cache::Session>,
    pub records: bool,
}

/// What extraction gave for a whole run, before the comparison.
#[derive(Debug, Default)]
pub struct Gathered {
    pub documents: Vec<DocumentEntry>,
    pub claims: Vec<extract::Claim>,
    pub warnings: Vec<corpus::Warning>,
    pub suppressed: Vec<suppress::Suppressed>,
    /// The sentence of each claim, by its place, when the run keeps them.
    sentences: std::collections::HashMap<Place, report::Sentence>,
    /// Every document's record (and a warnings-only record per input
    /// warning) as a line of JSON, sorted by path and line, when the run
    /// keeps them (`recoupe extract`).
    pub records: Vec<RecordLine>,
}

/// A record as a line of a shard file, and the path and line it is sorted by.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct RecordLine {
    pub path: String,
    pub line: Option<u32>,
    pub json: String,
}

impl RecordLine {
    pub fn of(record: &record::Extracted) -> RecordLine {
        let (path, line) = record.order_key();
        RecordLine {
            path: path.to_string(),
            line,
            // Plain strings and numbers: serde_json cannot fail on them.
            json: serde_json::to_string(record).unwrap_or_default(),
        }
    }
}

/// A run rebuilt from records (`recoupe compare`), one record at a time:
/// what [`gather`] would have kept.
pub struct Collect<'a> {
    rebuild: record::Rebuild<'a>,
    gathered: Gathered,
    batch: Vec<record::Checked>,
    sentences: bool,
}

impl<'a> Collect<'a> {
    /// `sentences`: keep each claim's sentence (the HTML page).
    pub fn new(catalog: &'a [RuleEntry], sentences: bool) -> Collect<'a> {
        Collect {
            rebuild: record::Rebuild::new(catalog, sentences),
            gathered: Gathered::default(),
            batch: Vec::new(),
            sentences,
        }
    }

    pub fn add(&mut self, record: &record::Extracted) -> Result<(), String> {
        let (checked, mut warnings) = self.rebuild.checked(record)?;
        self.gathered.warnings.append(&mut warnings);
        self.batch.extend(checked);
        if self.batch.len() >= FILES_PER_BATCH {
            self.gathered.keep(std::mem::take(&mut self.batch), self.sentences);
        }
        Ok(())
    }

    pub fn done(mut self) -> Gathered {
        self.gathered.keep(std::mem::take(&mut self.batch), self.sentences);
        self.gathered
    }
}

impl Gathered {
    /// A batch's documents and claims, kept with their strings moved into
    /// one buffer (`extract::pack`), on this thread: what the workers
    /// allocated for them is all freed, for the next batch to reuse.
    fn keep(&mut self, mut checked: Vec<record::Checked>, sentences: bool) {
        extract::pack(
            &mut checked
                .iter_mut()
                .filter(|c| !c.rebuilt)
                .map(|c| &mut c.extraction)
                .collect::<Vec<_>>(),
        );
        // The run's claims, reserved once from the first batch's rate (per
        // document, times the documents the run expects): grown by
        // doubling, 23,000 claims were copied and faulted in several times.
        if self.claims.capacity() == 0 && !checked.is_empty() {
            let found: usize = checked.iter().map(|c| c.extraction.claims.len()).sum();
            let expected = self.documents.capacity().max(checked.len());
            self.claims.reserve(found * expected / checked.len() + found);
        }
        for mut c in checked {
            c.entry.source = c.extraction.source.clone();
            // The suppressed claims keep their own copy of the source: it
            // names the same document.
            if sentences {
                for (claim, sentence) in c.extraction.claims.iter().zip(c.sentences) {
                    let place: Place = (claim.path().into(), claim.span.line, claim.span.start, claim.span.end);
                    self.sentences.insert(place, sentence);
                }
            }
            self.documents.push(c.entry);
            self.claims.append(&mut c.extraction.claims);
            self.warnings.append(&mut c.extraction.warnings);
            self.suppressed.append(&mut c.suppressed);
        }
    }
}

/// One rebuilder of records per worker thread (see `extract::ThreadScratch`).
struct ThreadRebuild<'a> {
    slots: Vec<std::sync::Mutex<record::Rebuild<'a>>>,
}

impl<'a> ThreadRebuild<'a> {
    fn new(catalog: &'a [RuleEntry], sentences: bool) -> ThreadRebuild<'a> {
        let threads = rayon::current_num_threads().max(1);
        ThreadRebuild {
            slots: (0..threads)
                .map(|_| std::sync::Mutex::new(record::Rebuild::new(catalog, sentences)))
                .collect(),
        }
    }

    fn with<T>(&self, f: impl FnOnce(&mut record::Rebuild<'a>) -> T) -> T {
        let slot = rayon::current_thread_index().unwrap_or(0) % self.slots.len();
        let mut guard = self.slots[slot].lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut guard)
    }
}

/// What a worker gives for one input: its checked documents, its warnings,
/// and its records when the run keeps them.
#[derive(Default)]
struct Unit {
    checked: Vec<record::Checked>,
    warnings: Vec<corpus::Warning>,
    records: Vec<RecordLine>,
    /// The input was read (not served from the cache).
    read: bool,
}

/// Reads and extracts the inputs of a run (through the claims cache when
/// there is one): everything the comparison needs, documents and claims in
/// no set order (see [`finish`]).
pub fn gather(inputs: Inputs, run: &Run, scope: &Scope) -> Gathered {
    use corpus::json_lines;
    use rayon::prelude::*;
    // The rule compiler's scratch memory, when the rules were compiled (a run
    // served from the cache compiles none, and would fault the pages it
    // handed back in again).
    if run.rules.compiled().is_some() {
        release_freed_memory();
    }
    let scratch: std::sync::OnceLock<extract::ThreadScratch> = std::sync::OnceLock::new();
    // A record holds each claim's sentence: a run that writes records
    // (cache, shard) cuts them whatever the format.
    let with_records = run.cache.is_some() || run.records;
    let cut_sentences = scope.sentences || with_records;
    let rebuild = ThreadRebuild::new(run.catalog, scope.sentences);
    let one = |document: &corpus::Document| -> Option<record::Checked> {
        Progress::tick(&scope.progress);
        let rules = run.rules.get()?;
        let scratch = scratch.get_or_init(|| extract::ThreadScratch::new(rules));
        Some(scratch.with(|s| {
            let mut extraction = extract::extract_document(document, rules, s);
            let suppressed = suppress::apply(document, &mut extraction.claims, &mut extraction.warnings);
            let sentences = match cut_sentences {
                true => extraction
                    .claims
                    .iter()
                    .map(|c| report::sentence::around(&document.text, c.span.start as usize, c.span.end as usize))
                    .collect(),
                false => Vec::new(),
            };
            record::Checked {
                entry: entry(document, &extraction.source, s),
                extraction,
                suppressed,
                sentences,
                rebuilt: false,
            }
        }))
    };
    // A document as read, checked: its record, when the run keeps records.
    let checked_unit = |document: Option<&corpus::Document>, warnings: Vec<corpus::Warning>| -> Unit {
        let checked = document.and_then(one);
        let records = match (run.records, &checked) {
            (false, _) => Vec::new(),
            (true, Some(c)) => vec![RecordLine::of(&record::Extracted::of(c, &warnings))],
            (true, None) if document.is_none() && !warnings.is_empty() => {
                vec![RecordLine::of(&record::Extracted::warnings_only(&warnings))]
            }
            (true, None) => Vec::new(),
        };
        Unit {
            checked: checked.into_iter().collect(),
            warnings,
            records,
            read: true,
        }
    };
    // Records of the cache, as the run keeps them; `None` when one does not
    // rebuild (then it is not trusted, and the input is read again).
    let from_cache = |records: Vec<record::Extracted>| -> Option<Unit> {
        let mut unit = Unit::default();
        for r in &records {
            let (checked, mut warnings) = rebuild.with(|b| b.checked(r)).ok()?;
            if checked.is_some() {
                Progress::tick(&scope.progress);
            }
            unit.checked.extend(checked);
            unit.warnings.append(&mut warnings);
        }
        if run.records {
            unit.records = records.iter().map(RecordLine::of).collect();
        }
        Some(unit)
    };
    let article = |path: &std::path::PathBuf| -> Unit {
        let Some(cache) = run.cache else {
            let (document, warnings) = corpus::read_document(path, &inputs.load);
            return checked_unit(document.as_ref(), warnings);
        };
        let shown = corpus::display_path(path);
        match cache.probe(path, &shown, inputs.load.max_file_size) {
            cache::Probe::Hit(records) => {
                if let Some(unit) = from_cache(records) {
                    return unit;
                }
                let (document, warnings) = corpus::read_document(path, &inputs.load);
                checked_unit(document.as_ref(), warnings)
            }
            cache::Probe::Miss(bytes, key) => {
                let (document, warnings) = corpus::document_from_bytes(path, shown.clone(), &bytes);
                drop(bytes);
                let checked = document.as_ref().and_then(one);
                let record = match &checked {
                    Some(c) => Some(record::Extracted::of(c, &warnings)),
                    None if document.is_none() => Some(record::Extracted::warnings_only(&warnings)),
                    // The rules did not compile: nothing to keep.
                    None => None,
                };
                if let Some(record) = &record {
                    cache.store_file(key, &shown, std::slice::from_ref(record));
                }
                let records = record.filter(|_| run.records).iter().map(RecordLine::of).collect();
                Unit {
                    checked: checked.into_iter().collect(),
                    warnings,
                    records,
                    read: true,
                }
            }
            cache::Probe::Pass => {
                let (document, warnings) = corpus::read_document(path, &inputs.load);
                checked_unit(document.as_ref(), warnings)
            }
        }
    };
    let mut gathered = Gathered {
        documents: Vec::with_capacity(inputs.files.len() + inputs.documents.len()),
        ..Gathered::default()
    };
    let mut warnings = inputs.warnings;
    if run.records {
        gathered.records.extend(
            warnings
                .iter()
                .map(|w| RecordLine::of(&record::Extracted::warnings_only(std::slice::from_ref(w)))),
        );
    }
    let keep_units = |units: Vec<Unit>, gathered: &mut Gathered| {
        let mut checked = Vec::with_capacity(units.len());
        for mut unit in units {
            gathered.warnings.append(&mut unit.warnings);
            gathered.records.append(&mut unit.records);
            checked.append(&mut unit.checked);
        }
        gathered.keep(checked, scope.sentences);
    };
    let (record_files, mut article_files): (Vec<std::path::PathBuf>, Vec<std::path::PathBuf>) = inputs
        .files
        .into_iter()
        .partition(|path| json_lines::is_json_lines(path));
    // Files are checked a batch at a time, and each batch's claims moved into
    // the run's vectors before the next starts: what a batch leaves behind
    // (per-document vectors, their spare capacity, the batch's paths) is
    // freed and reused, so memory grows with the claims kept, not with the
    // files read.
    // While a batch is read, the last one is kept (on whichever thread is
    // free): keeping a batch of cached articles takes a third of the time
    // of reading it, and need not wait.
    let mut pending: Vec<Unit> = Vec::new();
    for batch in article_files.chunks_mut(FILES_PER_BATCH) {
        let previous = std::mem::take(&mut pending);
        let (units, ()) = rayon::join(
            || batch.par_iter().map(article).collect::<Vec<Unit>>(),
            || keep_units(previous, &mut gathered),
        );
        // The batch's paths, and what its texts and temporary vectors leave
        // freed in each thread's heap, go back to the system (see
        // `release_freed_memory`): each thread's next batch does not always
        // fit where its last one was, and without this the process kept
        // 30 MiB more at the end of the 200 MiB benchmark.
        batch.iter_mut().for_each(|path| drop(std::mem::take(path)));
        // (A batch served from the cache read no text: nothing to hand back,
        // and the pages handed back would be faulted in again by the next.)
        if units.iter().any(|u| u.read) {
            release_freed_memory();
        }
        pending = units;
    }
    keep_units(pending, &mut gathered);
    // A JSON Lines file is never held whole: its lines are handed out one at
    // a time to whichever thread is free (`par_bridge`), and each record is
    // parsed, checked and dropped there; a batch of lines at a time, as for
    // files. The order records finish in does not matter: everything is
    // sorted below, and problems are gathered so that what is shown does not
    // depend on it.
    for path in &record_files {
        let (lines, mut opening) = json_lines::open(path, &inputs.load);
        if run.records && !opening.is_empty() {
            gathered
                .records
                .push(RecordLine::of(&record::Extracted::warnings_only(&opening)));
        }
        warnings.append(&mut opening);
        let Some(mut lines) = lines else {
            continue;
        };
        let shown = corpus::display_path(path);
        let mut problems = json_lines::Problems::default();
        loop {
            let batch = lines
                .by_ref()
                .take(LINES_PER_BATCH)
                .par_bridge()
                .fold(LineBatch::default, |mut batch, line| {
                    batch.lines += 1;
                    match line {
                        Ok(line) => {
                            let (document, found) = json_lines::parse_record(&shown, line);
                            found.into_iter().for_each(|p| batch.problems.add(p));
                            if let Some(document) = document {
                                batch.units.push(checked_unit(Some(&document), Vec::new()));
                            }
                        }
                        Err(problem) => batch.problems.add(problem),
                    }
                    batch
                })
                .reduce(LineBatch::default, LineBatch::merge);
            problems = problems.merge(batch.problems);
            keep_units(batch.units, &mut gathered);
            if batch.lines < LINES_PER_BATCH {
                break;
            }
        }
        let found = problems.into_warnings(&shown);
        if run.records && !found.is_empty() {
            gathered
                .records
                .push(RecordLine::of(&record::Extracted::warnings_only(&found)));
        }
        warnings.extend(found);
    }
    // Documents read before the run (named on the command line, `--new`,
    // standard input): the cache knows them by their text.
    let documents = std::mem::take(&mut { inputs.documents });
    let units: Vec<Unit> = documents
        .par_iter()
        .map(|document| {
            let cache = run.cache.filter(|_| document.origin == corpus::Origin::File);
            let Some(cache) = cache else {
                return checked_unit(Some(document), Vec::new());
            };
            let hash = cache::text_hash(&document.text);
            if let Some(unit) = cache
                .lookup_text(&document.path, &hash)
                .and_then(|record| from_cache(vec![record]))
            {
                return unit;
            }
            let unit = checked_unit(Some(document), Vec::new());
            if let Some(checked) = unit.checked.first() {
                cache.store_text(&document.path, hash, &record::Extracted::of(checked, &[]));
            }
            unit
        })
        .collect();
    keep_units(units, &mut gathered);
    // The search caches are not needed past extraction: their memory goes to
    // the comparison.
    let extracted = scratch.get().is_some();
    drop(scratch);
    drop(article_files);
    if extracted {
        release_freed_memory();
    }
    gathered.warnings.append(&mut warnings);
    if run.records {
        gathered.records.sort_unstable();
        gathered.records.dedup();
    }
    gathered
}

/// Compares what a run gathered and makes its report: each outlet one
/// name, the baseline's suppressions, everything sorted (so that the report
/// does not depend on threads or on the order inputs came in), findings.
/// `failures`: the warnings of patterns that could not be built.
pub fn finish(gathered: Gathered, rules: &[RuleEntry], failures: Vec<corpus::Warning>, scope: &Scope) -> Report {
    let Gathered {
        mut documents,
        mut claims,
        mut warnings,
        mut suppressed,
        sentences,
        records: _,
    } = gathered;
    one_name_per_outlet(&mut documents, &mut claims, &mut suppressed, &scope.aliases);
    if let Some((file, by_fingerprint)) = &scope.suppress_claims {
        let mut used = BTreeSet::new();
        claims.retain(|c| {
            let fingerprint = compare::claim_fingerprint(c);
            match by_fingerprint.get(&fingerprint) {
                Some(reason) => {
                    suppressed.push(suppress::Suppressed {
                        claim: c.clone(),
                        reason: reason.clone(),
                        by: "baseline",
                        line: None,
                    });
                    used.insert(fingerprint);
                    false
                }
                None => true,
            }
        });
        for fingerprint in by_fingerprint.keys().filter(|f| !used.contains(*f)) {
            warnings.push(corpus::Warning {
                path: file.clone(),
                line: None,
                message: format!(
                    "unused suppression: no claim has the fingerprint {fingerprint}; remove it from the baseline"
                ),
            });
        }
    }
    // In the order of the file, whichever thread found them; a document
    // given twice (in two shards) suppresses its claims once.
    suppressed.sort_by(|a, b| extract::Claim::order(&a.claim, &b.claim));
    suppressed.dedup_by(|a, b| a.claim == b.claim && a.reason == b.reason && a.by == b.by && a.line == b.line);
    // The records of a JSON Lines file share its path: its line tells them apart.
    // Unstable, in place: two entries with one path and line are one
    // document read twice, alike in every field.
    documents.sort_unstable_by(|a, b| (a.source.path(), a.line).cmp(&(b.source.path(), b.line)));
    documents.dedup_by(|a, b| (a.source.path(), a.line) == (b.source.path(), b.line));
    // In place: a stable sort would allocate half the claims again.
    claims.sort_unstable_by(extract::Claim::order);
    // The same file named twice (a folder and a file in it) gives the same
    // claims twice.
    claims.dedup_by(|a, b| a.path() == b.path() && a.span == b.span && a.rule() == b.rule());
    warnings.extend(failures);
    warnings.sort();
    warnings.dedup();

    let findings = match &scope.new_paths {
        None => compare::compare(&claims),
        Some(new) => {
            // Which documents are new, asked once per document rather than
            // for each claim at each step of the comparison (a string
            // comparison, its text out of the cache, 46,000 times for
            // 10,000 documents): their sources, by address.
            let mut focused = std::collections::HashSet::new();
            let mut last: Option<*const extract::Source> = None;
            for c in &claims {
                let source = std::sync::Arc::as_ptr(&c.source);
                if last != Some(source) {
                    last = Some(source);
                    if new.contains(c.path()) {
                        focused.insert(source);
                    }
                }
            }
            compare::compare_with_focus(
                &claims,
                Some(&|c: &extract::Claim| focused.contains(&std::sync::Arc::as_ptr(&c.source))),
            )
        }
    };
    let sentences = if scope.sentences {
        claims
            .iter()
            .map(|c| {
                let place: Place = (c.path().into(), c.span.line, c.span.start, c.span.end);
                sentences.get(&place).cloned().unwrap_or_default()
            })
            .collect()
    } else {
        Vec::new()
    };
    Report {
        documents,
        rules: rules.to_vec(),
        claims,
        findings,
        warnings,
        new_paths: scope.new_paths.clone(),
        known: scope.known.clone(),
        sentences,
        config: None,
        suppressed,
    }
}

/// Hands memory that was freed, but that the allocator still holds, back to
/// the system. glibc keeps one heap per thread and rarely shrinks them:
/// compiling the rules and listing the files leave tens of MiB of freed
/// scratch memory in the main thread's heap, which extraction (on the worker
/// threads, with their own heaps) never reuses; each batch leaves its texts'
/// memory in the workers' heaps. Without this, that memory stays resident for
/// the whole run. It costs a walk over the free lists (no measurable time
/// per batch). glibc only; elsewhere, nothing to do.
pub fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory of the allocator's own
    // heaps; it has no precondition and touches no live allocation.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// How many files are read and checked between two merges of their claims:
/// enough to keep both threads busy (a batch takes about a second), few
/// enough that the batch's temporary vectors stay small.
const FILES_PER_BATCH: usize = 2048;

/// How many lines of a JSON Lines file are read and checked between two
/// merges of their claims, as [`FILES_PER_BATCH`] for files.
const LINES_PER_BATCH: usize = 2048;

/// What the threads checking a batch of lines of a JSON Lines file have
/// gathered.
#[derive(Default)]
struct LineBatch {
    /// Lines handed out (fewer than the batch: the file is at its end).
    lines: usize,
    units: Vec<Unit>,
    problems: corpus::json_lines::Problems,
}

impl LineBatch {
    fn merge(mut self, mut other: LineBatch) -> LineBatch {
        self.lines += other.lines;
        self.units.append(&mut other.units);
        self.problems = self.problems.merge(other.problems);
        self
    }
}

/// Gives each outlet one name, so that the comparison (which groups claims
/// by outlet name) sees `AFP`, `afp` and an alias as one outlet: names are
/// compared without case and spaces ([`corpus::outlet_key`]); a name the
/// configuration's aliases know becomes its canonical name (`outlet_source:
/// alias`); otherwise the first of the names written alike, in byte order
/// (`AFP` before `afp`), is used. Chosen from the whole run's names, never
/// from the order documents were read in: the output stays deterministic.
fn one_name_per_outlet(
    documents: &mut [DocumentEntry],
    claims: &mut [extract::Claim],
    suppressed: &mut [suppress::Suppressed],
    aliases: &std::collections::BTreeMap<String, String>,
) {
    use std::collections::{BTreeMap, BTreeSet, HashMap};
    use std::sync::Arc;
    let mut known: BTreeMap<String, &str> = BTreeMap::new();
    for (alias, canonical) in aliases {
        known.insert(corpus::outlet_key(canonical), canonical);
        known.insert(corpus::outlet_key(alias), canonical);
    }
    // Each distinct name once (a run has a few outlets and many documents).
    let names: BTreeSet<&str> = documents.iter().map(|d| &*d.source.outlet).collect();
    let mut written: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for name in names {
        written.entry(corpus::outlet_key(name)).or_default().insert(name);
    }
    // Each name that changes, and what it becomes (and whether by an alias).
    let mut renamed: HashMap<String, (Arc<str>, bool)> = HashMap::new();
    for (key, names) in &written {
        let (name, by_alias) = match known.get(key) {
            Some(canonical) => (*canonical, true),
            None => (names.first().copied().unwrap_or_default(), false),
        };
        for written in names {
            if *written != name || by_alias {
                renamed.insert(written.to_string(), (Arc::from(name), by_alias));
            }
        }
    }
    if renamed.is_empty() {
        return;
    }
    // One new source per source renamed, shared again by its claims.
    let mut sources: HashMap<*const extract::Source, Arc<extract::Source>> = HashMap::new();
    let mut rename = |source: &mut Arc<extract::Source>| -> Option<bool> {
        let (name, by_alias) = renamed.get(&*source.outlet)?;
        if source.outlet == *name {
            return Some(*by_alias);
        }
        let new = sources.entry(Arc::as_ptr(source)).or_insert_with(|| {
            let mut copy = (**source).clone();
            copy.outlet = name.clone();
            Arc::new(copy)
        });
        *source = new.clone();
        Some(*by_alias)
    };
    for d in documents.iter_mut() {
        let before = d.source.outlet.clone();
        if let Some(by_alias) = rename(&mut d.source) {
            if before != d.source.outlet {
                d.outlet_written = Some(Box::from(&*before));
            }
            if by_alias {
                d.outlet_source = corpus::OutletSource::Alias;
            }
        }
    }
    for c in claims.iter_mut() {
        rename(&mut c.source);
    }
    for s in suppressed.iter_mut() {
        rename(&mut s.claim.source);
    }
}

fn entry(
    d: &corpus::Document,
    source: &std::sync::Arc<extract::Source>,
    scratch: &mut extract::Scratch,
) -> DocumentEntry {
    DocumentEntry {
        source: source.clone(),
        line: d.record().map(|r| u32::try_from(r.line).unwrap_or(u32::MAX)),
        id: d.record().and_then(|r| r.id.as_deref().map(Box::from)),
        lang: scratch.share(&d.meta.lang),
        lang_source: d.meta.lang_source,
        url: d.meta.url.as_deref().map(Box::from),
        published_at: d.meta.published_at.as_deref().map(Box::from),
        outlet_source: d.meta.outlet_source,
        outlet_written: None,
    }
}
