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
pub mod compare;
pub mod config;
pub mod corpus;
pub mod english;
pub mod extract;
pub mod french;
pub mod language;
pub mod normalize;
pub mod report;
pub mod rule_examples;
pub mod rules;
pub mod search;
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
    use corpus::json_lines;
    use rayon::prelude::*;
    release_freed_memory();
    let scratch = extract::ThreadScratch::new(rules);
    let sentences: std::sync::Mutex<std::collections::HashMap<Place, report::Sentence>> = Default::default();
    let suppressed: std::sync::Mutex<Vec<suppress::Suppressed>> = Default::default();
    let one = |document: &corpus::Document| -> Checked {
        Progress::tick(&scope.progress);
        scratch.with(|s| {
            let mut extraction = extract::extract_document(document, rules, s);
            let taken = suppress::apply(document, &mut extraction.claims, &mut extraction.warnings);
            if !taken.is_empty() {
                suppressed.lock().unwrap_or_else(|e| e.into_inner()).extend(taken);
            }
            if scope.sentences {
                let found: Vec<(Place, report::Sentence)> = extraction
                    .claims
                    .iter()
                    .map(|c| {
                        let sentence =
                            report::sentence::around(&document.text, c.span.start as usize, c.span.end as usize);
                        ((c.path().into(), c.span.line, c.span.start, c.span.end), sentence)
                    })
                    .collect();
                sentences.lock().unwrap_or_else(|e| e.into_inner()).extend(found);
            }
            (entry(document, &extraction.source, s), extraction)
        })
    };
    // One entry per file, known now (records of JSON Lines files add more):
    // the vector is not regrown, and copied, as it fills.
    let mut documents = Vec::with_capacity(inputs.files.len() + inputs.documents.len());
    let mut claims = Vec::new();
    let mut warnings = inputs.warnings;
    // A batch's documents and claims are kept with their strings moved into
    // one buffer (`extract::pack`), on this thread: what the workers
    // allocated for them is all freed, for the next batch to reuse.
    let mut keep = |mut checked: Vec<Checked>, warnings: &mut Vec<corpus::Warning>| {
        extract::pack(&mut checked.iter_mut().map(|(_, e)| e).collect::<Vec<_>>());
        for (mut document, mut extraction) in checked {
            document.source = extraction.source;
            documents.push(document);
            claims.append(&mut extraction.claims);
            warnings.append(&mut extraction.warnings);
        }
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
    for batch in article_files.chunks_mut(FILES_PER_BATCH) {
        let read: Vec<(Option<Checked>, Vec<corpus::Warning>)> = batch
            .par_iter()
            .map(|path| {
                let (document, warnings) = corpus::read_document(path, &inputs.load);
                (document.as_ref().map(one), warnings)
            })
            .collect();
        // The batch's paths, and what its texts and temporary vectors leave
        // freed in each thread's heap, go back to the system (see
        // `release_freed_memory`): each thread's next batch does not always
        // fit where its last one was, and without this the process kept
        // 30 MiB more at the end of the 200 MiB benchmark.
        batch.iter_mut().for_each(|path| drop(std::mem::take(path)));
        release_freed_memory();
        let mut checked = Vec::with_capacity(read.len());
        for (done, mut more) in read {
            warnings.append(&mut more);
            checked.extend(done);
        }
        keep(checked, &mut warnings);
    }
    // A JSON Lines file is never held whole: its lines are handed out one at
    // a time to whichever thread is free (`par_bridge`), and each record is
    // parsed, checked and dropped there; a batch of lines at a time, as for
    // files. The order records finish in does not matter: everything is
    // sorted below, and problems are gathered so that what is shown does not
    // depend on it.
    for path in &record_files {
        let (lines, mut opening) = json_lines::open(path, &inputs.load);
        warnings.append(&mut opening);
        let Some(mut lines) = lines else {
            continue;
        };
        let shown = corpus::display_path(path);
        let mut problems = json_lines::Problems::default();
        loop {
            let gathered = lines
                .by_ref()
                .take(LINES_PER_BATCH)
                .par_bridge()
                .fold(Gathered::default, |mut gathered, line| {
                    gathered.lines += 1;
                    match line {
                        Ok(line) => {
                            let (document, found) = json_lines::parse_record(&shown, line);
                            found.into_iter().for_each(|p| gathered.problems.add(p));
                            gathered.checked.extend(document.as_ref().map(one));
                        }
                        Err(problem) => gathered.problems.add(problem),
                    }
                    gathered
                })
                .reduce(Gathered::default, Gathered::merge);
            problems = problems.merge(gathered.problems);
            keep(gathered.checked, &mut warnings);
            if gathered.lines < LINES_PER_BATCH {
                break;
            }
        }
        warnings.extend(problems.into_warnings(&shown));
    }
    keep(inputs.documents.par_iter().map(one).collect(), &mut warnings);
    // The search caches are not needed past extraction: their memory goes to
    // the comparison.
    drop(scratch);
    drop(article_files);
    release_freed_memory();
    let mut suppressed = suppressed.into_inner().unwrap_or_else(|e| e.into_inner());
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
    // In the order of the file, whichever thread found them.
    suppressed.sort_by(|a, b| extract::Claim::order(&a.claim, &b.claim));
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
    warnings.extend(rules.failures());
    warnings.sort();
    warnings.dedup();

    let findings = match &scope.new_paths {
        None => compare::compare(&claims),
        Some(new) => compare::compare_with_focus(&claims, Some(&|c: &extract::Claim| new.contains(c.path()))),
    };
    let sentences = sentences.into_inner().unwrap_or_else(|e| e.into_inner());
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
        rules: rules
            .rules
            .iter()
            .map(|r| RuleEntry {
                id: r.id.clone(),
                subject: r.subject.to_string(),
                kind: r.kind,
                description: r.description.clone(),
                severity: r.severity,
            })
            .collect(),
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

/// What is kept of a document once checked: its metadata and what was
/// extracted from it, not its text.
type Checked = (DocumentEntry, extract::Extraction);

/// How many lines of a JSON Lines file are read and checked between two
/// merges of their claims, as [`FILES_PER_BATCH`] for files.
const LINES_PER_BATCH: usize = 2048;

/// What the threads checking a batch of lines of a JSON Lines file have
/// gathered.
#[derive(Default)]
struct Gathered {
    /// Lines handed out (fewer than the batch: the file is at its end).
    lines: usize,
    checked: Vec<Checked>,
    problems: corpus::json_lines::Problems,
}

impl Gathered {
    fn merge(mut self, mut other: Gathered) -> Gathered {
        self.lines += other.lines;
        self.checked.append(&mut other.checked);
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
    let mut written: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for d in documents.iter() {
        written
            .entry(corpus::outlet_key(&d.source.outlet))
            .or_default()
            .insert(&d.source.outlet);
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
