//! Reading and extracting a run's inputs, a batch at a time, through the
//! claims cache when there is one: [`Inputs`] → [`Gathered`].

use super::{Inputs, Progress, Run, Scope};
use crate::claims::{release_freed_memory, Gathered};
use crate::report::{self, DocumentEntry, RuleEntry};
use crate::shard::RecordLine;
use crate::{cache, corpus, extract, record, suppress};

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
/// no set order (see [`finish`](fn@super::finish)).
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
    // `subjects`: only their claims are kept (see `Scope::new_subjects_only`).
    let from_cache = |records: Vec<record::Extracted>, subjects: Option<&Subjects>| -> Option<Unit> {
        let mut unit = Unit::default();
        for r in &records {
            let (checked, mut warnings) = rebuild.with(|b| b.checked_within(r, subjects)).ok()?;
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
    // Documents read before the run (named on the command line, `--new`,
    // standard input): the cache knows them by their text.
    let read_before = |documents: &[corpus::Document]| -> Vec<Unit> {
        documents
            .par_iter()
            .map(|document| {
                let cache = run
                    .cache
                    .filter(|_| !matches!(document.origin, corpus::Origin::Record(_)));
                let Some(cache) = cache else {
                    return checked_unit(Some(document), Vec::new());
                };
                let hash = cache::text_hash(&document.text);
                if let Some(unit) = cache
                    .lookup_text(&document.path, &hash)
                    .and_then(|record| from_cache(vec![record], None))
                {
                    return unit;
                }
                let unit = checked_unit(Some(document), Vec::new());
                if let Some(checked) = unit.checked.first() {
                    cache.store_text(&document.path, hash, &record::Extracted::of(checked, &[]));
                }
                unit
            })
            .collect()
    };
    // A CI run that shows only the new articles' subjects reads the new
    // articles first: their claims say which subjects the cache must rebuild
    // the other articles' claims of (when every new article is a document
    // read before the run; a new JSON Lines archive is read with the rest).
    let documents = std::mem::take(&mut { inputs.documents });
    let new_first = scope.new_subjects_only
        && run.cache.is_some()
        && scope
            .new_paths
            .as_ref()
            .is_some_and(|new| new.iter().all(|p| documents.iter().any(|d| d.path == *p)));
    let first = match new_first {
        true => read_before(&documents),
        false => Vec::new(),
    };
    let subjects = new_first.then(|| subjects_of(&first, run.catalog));
    let article = |path: &std::path::PathBuf| -> Unit {
        let Some(cache) = run.cache else {
            let (document, warnings) = corpus::read_document(path, &inputs.load);
            return checked_unit(document.as_ref(), warnings);
        };
        let shown = corpus::display_path(path);
        // Only the kept subjects' claims are decoded; a run that writes
        // records writes them whole.
        let keep = |subject: &str| subjects.as_ref().is_none_or(|s| s.contains(subject));
        let keep = subjects
            .as_ref()
            .filter(|_| !run.records)
            .map(|_| &keep as &dyn Fn(&str) -> bool);
        match cache.probe(path, &shown, inputs.load.max_file_size, keep) {
            cache::Probe::Hit(records) => {
                if let Some(unit) = from_cache(records, subjects.as_ref()) {
                    return unit;
                }
                let (document, warnings) = corpus::read_document(path, &inputs.load);
                checked_unit(document.as_ref(), warnings)
            }
            cache::Probe::Miss(bytes, key) => {
                let (document, warnings) = corpus::document_from_bytes(path, shown.clone(), bytes);
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
        documents: Vec::with_capacity(inputs.files.len() + documents.len()),
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
    // The documents read before the run, when they were not read first.
    if let Some(units) = (!new_first).then(|| read_before(&documents)) {
        keep_units(units, &mut gathered);
    }
    keep_units(first, &mut gathered);
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

/// How many files are read and checked between two merges of their claims:
/// enough to keep both threads busy (a batch takes about a second), few
/// enough that the batch's temporary vectors stay small.
pub(super) const FILES_PER_BATCH: usize = 2048;

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

/// A set of subjects, by name.
type Subjects = foldhash::HashSet<Box<str>>;

/// The subjects of the claims of `units`, and those their rules revise or
/// are revised by (the comparison reads an earlier fact's claims beside
/// the fact that replaces it).
fn subjects_of(units: &[Unit], catalog: &[RuleEntry]) -> Subjects {
    let mut subjects: Subjects = units
        .iter()
        .flat_map(|u| &u.checked)
        .flat_map(|c| &c.extraction.claims)
        .map(|c| Box::from(c.subject()))
        .collect();
    for rule in catalog {
        if let Some(revised) = &rule.revises {
            if subjects.contains(rule.subject.as_str()) || subjects.contains(revised.as_str()) {
                subjects.insert(Box::from(rule.subject.as_str()));
                subjects.insert(Box::from(revised.as_str()));
            }
        }
    }
    subjects
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
        claims_not_kept: 0,
    }
}
