//! One run's use of the cache: lookups from any thread, writes committed at the end.

use super::*;

/// What one run reads from and writes to the cache. Lookups come from any
/// thread; writes are gathered and committed at the end ([`Cache::commit`]).
pub struct Session {
    pub(super) context: Hash,
    /// The thread reading the entries, until they are first needed.
    pub(super) loader: Mutex<Option<std::thread::JoinHandle<Result<Loaded, String>>>>,
    /// The entries, and why they could not be read (then there are none).
    pub(super) loaded: std::sync::OnceLock<(Loaded, Option<String>)>,
    /// The rule set's entries, when a run of this context stored them.
    pub(super) catalog: Option<Vec<RuleEntry>>,
    /// The same, as stored.
    pub(super) catalog_bytes: Option<Vec<u8>>,
    /// When the rule set was last used (ns).
    pub(super) used: i64,
    /// When this run started (ns): what its hashes are dated.
    pub(super) started: i64,
    pub(super) writes: Mutex<Writes>,
}

#[derive(Default)]
pub(super) struct Writes {
    pub(super) entries: Vec<Write>,
    pub(super) catalog: Option<Vec<u8>>,
}

/// An entry to write.
pub(super) struct Write {
    pub(super) path: String,
    pub(super) hash: Hash,
    pub(super) stat: Option<Stat>,
    pub(super) data: Vec<u8>,
}

/// What the cache says of a file.
pub enum Probe<'s> {
    /// Its records, as a run of the same rules found them.
    Hit(Vec<Extracted<'s>>),
    /// Not in the cache: the file's bytes (read once: the run parses them),
    /// and where to store its records.
    Miss(Vec<u8>, FileKey),
    /// The cache cannot say (the file cannot be read, or is over the size
    /// limit): the run reads it as without a cache, and says why.
    Pass,
}

/// Where a file's records go in the cache.
pub struct FileKey {
    pub(super) stat: Stat,
    pub(super) hash: Hash,
}

impl Session {
    /// The rule set's entries, when the cache has them: then the rules need
    /// not be compiled unless an article is missing.
    pub fn catalog(&self) -> Option<&[RuleEntry]> {
        self.catalog.as_deref()
    }

    /// Keeps the rule set's entries for the next runs.
    pub fn store_catalog(&self, rules: &[RuleEntry]) {
        let records: Vec<RuleRecord> = rules.iter().map(RuleRecord::of).collect();
        if let Ok(bytes) = postcard::to_stdvec(&records) {
            self.lock().catalog = Some(bytes);
        }
    }

    pub(super) fn lock(&self) -> std::sync::MutexGuard<'_, Writes> {
        self.writes.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The entries, once read.
    pub(super) fn loaded(&self) -> &Loaded {
        &self
            .loaded
            .get_or_init(|| {
                let loader = self.loader.lock().unwrap_or_else(|e| e.into_inner()).take();
                match loader.map(|l| l.join()) {
                    Some(Ok(Ok(loaded))) => (loaded, None),
                    Some(Ok(Err(why))) => (Loaded::default(), Some(why)),
                    Some(Err(_)) | None => (Loaded::default(), Some("the cache could not be read".into())),
                }
            })
            .0
    }

    /// Why the entries could not be read, if they could not: the file is
    /// not trusted, and the run's entries go to a new one.
    pub fn failure(&self) -> Option<&str> {
        self.loaded();
        self.loaded.get().and_then(|(_, why)| why.as_deref())
    }

    pub(super) fn entry(&self, shown: &str) -> Option<(&Entry, &[u8])> {
        let loaded = self.loaded();
        let entry = loaded.get(shown)?;
        Some((entry, loaded.data(entry)?))
    }

    /// The records of an entry, with only the claims of the subjects `keep`
    /// accepts (all when `None`). One that does not decode is not trusted:
    /// a miss (and it is replaced).
    pub(super) fn decode<'d>(data: &'d [u8], keep: Option<&dyn Fn(&str) -> bool>) -> Option<Vec<Extracted<'d>>> {
        super::records::decode(data, keep)
    }

    /// What the cache says of the article file at `path` (shown as
    /// `shown`): its records when its content is known, else its bytes.
    /// `keep`: the subjects whose claims the run keeps, when not all (the
    /// others are counted, not decoded).
    pub fn probe(
        &self,
        path: &Path,
        shown: &str,
        max_file_size: u64,
        keep: Option<&dyn Fn(&str) -> bool>,
    ) -> Probe<'_> {
        let Some((true, stat)) = stat_file(path) else {
            return Probe::Pass;
        };
        if u64::try_from(stat.size).unwrap_or(u64::MAX) > max_file_size {
            return Probe::Pass;
        }
        let entry = self.entry(shown);
        if let Some((_, data)) = entry.filter(|(e, _)| e.stat.is_some_and(|k| k.vouches_for(&stat))) {
            if let Some(records) = Self::decode(data, keep) {
                return Probe::Hit(records);
            }
        }
        use std::io::Read;
        let mut bytes = Vec::with_capacity(usize::try_from(stat.size).unwrap_or(0));
        let read =
            std::fs::File::open(path).and_then(|f| f.take(max_file_size.saturating_add(1)).read_to_end(&mut bytes));
        if read.is_err() || bytes.len() as u64 > max_file_size {
            return Probe::Pass;
        }
        let hash = bytes_hash(&bytes);
        if let Some((_, data)) = entry.filter(|(e, _)| e.hash == hash) {
            if let Some(records) = Self::decode(data, keep) {
                // Unchanged, but its stat did not say so: it will next time.
                self.lock().entries.push(Write {
                    path: shown.to_string(),
                    hash,
                    stat: Some(stat),
                    data: data.to_vec(),
                });
                return Probe::Hit(records);
            }
        }
        Probe::Miss(bytes, FileKey { stat, hash })
    }

    /// Stores a file's records (found on a [`Probe::Miss`]).
    pub fn store_file(&self, key: FileKey, shown: &str, records: &[Extracted]) {
        let Some(data) = super::records::encode(records) else {
            return;
        };
        self.lock().entries.push(Write {
            path: shown.to_string(),
            hash: key.hash,
            stat: Some(key.stat),
            data,
        });
    }

    /// The record of an article read before the run, by its text's hash.
    pub fn lookup_text(&self, shown: &str, hash: &Hash) -> Option<Extracted<'_>> {
        let (_, data) = self.entry(shown).filter(|(e, _)| e.hash == *hash)?;
        let mut records = Self::decode(data, None)?;
        (records.len() == 1).then(|| records.remove(0))
    }

    /// Stores the record of an article read before the run.
    pub fn store_text(&self, shown: &str, hash: Hash, record: &Extracted) {
        if let Some(data) = super::records::encode(std::slice::from_ref(record)) {
            self.lock().entries.push(Write {
                path: shown.to_string(),
                hash,
                stat: None,
                data,
            });
        }
    }
}
