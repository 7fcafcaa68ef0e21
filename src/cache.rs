//! The claims cache: what extraction produced for each article, kept in an
//! SQLite file (`.recoupe/cache.sqlite` in the project's root by default) so
//! that a run reads again only the articles that changed.
//!
//! An entry is an article's [`Extracted`] records (postcard), keyed by:
//!
//! - the run's *context*: the rules' hash ([`rules_hash`]: every rule file's
//!   name and bytes, and recoupe's version), this build of recoupe (the
//!   executable's size and modification time, so that a rebuilt binary whose
//!   extraction changed never reads entries of the old one), and the
//!   `--max-file-size` (it decides which JSON Lines lines are read);
//! - the article's path as shown (claims and warnings name it);
//! - the hash of the article's bytes (BLAKE3), or of its decoded text for an
//!   article read before the run (named on the command line, `--new`,
//!   standard input).
//!
//! Nothing else goes into what an entry holds: outlet aliases, baselines and
//! the comparison apply to the whole run, after the records are read. So an
//! entry is never wrong for the run that finds it; a changed rule file
//! changes the context, and nothing of the old rule set is read.
//!
//! Hashing 10,000 articles on every run would read them all: like git's
//! index, each entry also keeps its file's size, modification and change
//! times and inode when it was hashed, and a file whose `stat` is unchanged
//! is not read. (One table, one query: a run of 10,000 cached articles
//! reads them in one pass, and looks each up by its path.) A file modified less than a second before its hash
//! was taken could change again without its times changing: such an entry
//! is not trusted, and the file is hashed again (git's "racily clean").
//!
//! The file is recoupe's own: one that is not an SQLite database, or is one
//! of another program or of another version of this schema, is never read;
//! it is replaced by a new cache, with a warning. Writes happen in one
//! transaction at the end of a run; SQLite's locks (and a busy timeout) let
//! two runs share the file. A cache that cannot be used at all (a read-only
//! folder) leaves the run without one, with a warning: a run never fails
//! because of its cache.

use crate::record::{Extracted, RuleRecord};
use crate::report::RuleEntry;
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Where the cache is, relative to the project's root (the folder of
/// `recoupe.toml`, else the current folder).
pub const DEFAULT_PATH: &str = ".recoupe/cache.sqlite";

/// The layout of the tables; a file of another version is rebuilt.
pub const SCHEMA_VERSION: i64 = 1;

/// SQLite's `application_id` of recoupe's cache files: "rcup".
const APPLICATION_ID: i32 = 0x7263_7570;

/// A rule set with this many more recent ones is dropped from the cache.
const RULE_SETS_KEPT: i64 = 3;

/// How long two runs at once wait for each other's writes.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// A BLAKE3 hash.
pub type Hash = [u8; 32];

/// The hash of a rule set: recoupe's version, and each rule file's name (as
/// shown: warnings name it) and text, in load order. A shard file records it,
/// and `recoupe compare` refuses shards of different rule sets.
pub fn rules_hash(sources: &[(String, String)]) -> Hash {
    let mut h = blake3::Hasher::new();
    h.update(b"recoupe rules\0");
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    for (name, text) in sources {
        h.update(&(name.len() as u64).to_le_bytes());
        h.update(name.as_bytes());
        h.update(&(text.len() as u64).to_le_bytes());
        h.update(text.as_bytes());
    }
    *h.finalize().as_bytes()
}

/// Lower-case hexadecimal.
pub fn hex(hash: &Hash) -> String {
    hash.iter().map(|b| format!("{b:02x}")).collect()
}

/// The hash of a file's bytes.
fn bytes_hash(bytes: &[u8]) -> Hash {
    let mut h = blake3::Hasher::new();
    h.update(b"file\0");
    h.update(bytes);
    *h.finalize().as_bytes()
}

/// The hash of an article read before the run, by its decoded text (its
/// reading warnings are the run's, not the entry's).
pub fn text_hash(text: &str) -> Hash {
    let mut h = blake3::Hasher::new();
    h.update(b"text\0");
    h.update(text.as_bytes());
    *h.finalize().as_bytes()
}

/// What identifies this build of recoupe: a rebuilt binary does not trust
/// what another extracted.
fn build_stamp() -> Vec<u8> {
    let mut stamp = env!("CARGO_PKG_VERSION").as_bytes().to_vec();
    if let Some(meta) = std::env::current_exe().ok().and_then(|exe| std::fs::metadata(exe).ok()) {
        stamp.extend(meta.len().to_le_bytes());
        stamp.extend(nanos(meta.modified().ok()).to_le_bytes());
    }
    stamp
}

/// The key of a run's entries: its rules, this build, and what decides
/// which lines of a JSON Lines file are read.
pub fn context(rules: &Hash, max_file_size: u64) -> Hash {
    let mut h = blake3::Hasher::new();
    h.update(b"recoupe cache context\0");
    h.update(rules);
    h.update(&build_stamp());
    h.update(&max_file_size.to_le_bytes());
    *h.finalize().as_bytes()
}

fn nanos(time: Option<std::time::SystemTime>) -> i64 {
    time.and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}

/// What `stat` says of a file: unchanged, its content is taken as unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stat {
    size: i64,
    mtime: i64,
    ctime: i64,
    inode: i64,
}

impl Stat {
    fn of(meta: &std::fs::Metadata) -> Stat {
        #[cfg(unix)]
        let (ctime, inode) = {
            use std::os::unix::fs::MetadataExt;
            (
                meta.ctime()
                    .saturating_mul(1_000_000_000)
                    .saturating_add(meta.ctime_nsec()),
                meta.ino() as i64,
            )
        };
        #[cfg(not(unix))]
        let (ctime, inode) = (0, 0);
        Stat {
            size: i64::try_from(meta.len()).unwrap_or(i64::MAX),
            mtime: nanos(meta.modified().ok()),
            ctime,
            inode,
        }
    }
}

/// A file's stat when its entry was made.
#[derive(Debug, Clone, Copy)]
struct Known {
    stat: Stat,
    /// When the hash was taken (ns since the epoch).
    checked: i64,
}

/// How recent a modification leaves a file's times untrusted (see the
/// module's note on racily clean files).
const RACY_NS: i64 = 1_000_000_000;

impl Known {
    fn vouches_for(&self, stat: &Stat) -> bool {
        self.stat == *stat && stat.mtime < self.checked - RACY_NS && stat.ctime < self.checked - RACY_NS
    }
}

/// An open cache file.
pub struct Cache {
    conn: Connection,
    path: PathBuf,
}

/// Why a cache file was not used as it was, for the warning.
fn is_ours(conn: &Connection) -> Result<Option<&'static str>, rusqlite::Error> {
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    let id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if tables == 0 && id == 0 {
        return Ok(None);
    }
    if id != APPLICATION_ID {
        return Ok(Some("it is not a recoupe cache (another program's database)"));
    }
    let version: Option<i64> = conn
        .query_row("SELECT version FROM recoupe_schema", [], |r| r.get(0))
        .optional()
        .unwrap_or(None);
    match version {
        Some(SCHEMA_VERSION) => Ok(None),
        _ => Ok(Some("it was made by another version of recoupe")),
    }
}

impl Cache {
    /// Opens (or creates) the cache at `path`. A file that is not a cache of
    /// this version is replaced: the second value says why, for a warning.
    /// `Err`: the cache cannot be used at all, and why.
    pub fn open(path: &Path) -> Result<(Cache, Option<String>), String> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        let shown = path.display();
        let conn = Self::connect(path)?;
        let verdict = match is_ours(&conn) {
            Ok(None) => None,
            Ok(Some(why)) => Some(why.to_string()),
            Err(e) => Some(format!("it cannot be read as a database ({e})")),
        };
        match verdict {
            None => {
                let cache = Cache {
                    conn,
                    path: path.to_path_buf(),
                };
                cache
                    .create_tables()
                    .map_err(|e| format!("{shown}: cannot set up the cache: {e}"))?;
                Ok((cache, None))
            }
            Some(why) => {
                drop(conn);
                let cache = Self::open_new(path).map_err(|e| format!("{shown}: {why}, and {e}"))?;
                Ok((cache, Some(format!("{shown}: {why}: replaced by a new cache"))))
            }
        }
    }

    /// A new cache at `path`, whatever was there.
    fn open_new(path: &Path) -> Result<Cache, String> {
        let shown = path.display();
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut file = path.as_os_str().to_owned();
            file.push(suffix);
            match std::fs::remove_file(&file) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(format!("it cannot be replaced: {e}")),
            }
        }
        let cache = Cache {
            conn: Self::connect(path)?,
            path: path.to_path_buf(),
        };
        cache
            .create_tables()
            .map_err(|e| format!("{shown}: cannot set up the cache: {e}"))?;
        Ok(cache)
    }

    fn connect(path: &Path) -> Result<Connection, String> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            Connection::open_with_flags(path, flags).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
        Ok(conn)
    }

    /// The tables, in one transaction (two runs creating a new cache at
    /// once: the second finds them made).
    fn create_tables(&self) -> rusqlite::Result<()> {
        // WAL: readers do not wait for a writer; NORMAL: a commit does not
        // wait for the disk (a crash may lose the last run's entries, never
        // corrupt the file).
        self.conn.pragma_update(None, "journal_mode", "WAL")?;
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        self.conn.execute_batch(&format!(
            "BEGIN IMMEDIATE;
             PRAGMA application_id = {APPLICATION_ID};
             CREATE TABLE IF NOT EXISTS recoupe_schema (version INTEGER NOT NULL);
             INSERT INTO recoupe_schema (version)
               SELECT {SCHEMA_VERSION} WHERE NOT EXISTS (SELECT 1 FROM recoupe_schema);
             CREATE TABLE IF NOT EXISTS rule_sets (
               context BLOB PRIMARY KEY, rules BLOB NOT NULL, used INTEGER NOT NULL
             );
             CREATE TABLE IF NOT EXISTS entries (
               context BLOB NOT NULL, path TEXT NOT NULL, hash BLOB NOT NULL,
               size INTEGER, mtime INTEGER, ctime INTEGER, inode INTEGER, checked INTEGER,
               data BLOB NOT NULL,
               UNIQUE (context, path)
             );
             COMMIT;"
        ))
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What the cache holds for a run of `context`. Its rule set is read
    /// now; its entries (10,000 articles: 20 ms) on another thread, while
    /// the run lists its files, and looked up from any thread.
    pub fn session(&self, context: Hash) -> Result<Session, String> {
        let shown = self.path.display();
        let fail = |e: rusqlite::Error| format!("{shown}: cannot read the cache: {e}");
        let catalog: Option<(Vec<u8>, i64)> = self
            .conn
            .query_row(
                "SELECT rules, used FROM rule_sets WHERE context = ?1",
                [&context[..]],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(fail)?;
        let (catalog, used) = match catalog {
            Some((rules, used)) => (
                postcard::from_bytes::<Vec<RuleRecord>>(&rules)
                    .ok()
                    .and_then(|records| {
                        records
                            .iter()
                            .map(RuleRecord::entry)
                            .collect::<Result<Vec<_>, _>>()
                            .ok()
                    }),
                used,
            ),
            None => (None, 0),
        };
        let path = self.path.clone();
        let loader = std::thread::Builder::new()
            .name("recoupe-cache".into())
            .spawn(move || load_entries(&path, &context))
            .map_err(|e| format!("{shown}: cannot read the cache: {e}"))?;
        Ok(Session {
            context,
            catalog,
            used,
            started: nanos(Some(std::time::SystemTime::now())),
            loader: Mutex::new(Some(loader)),
            loaded: std::sync::OnceLock::new(),
            writes: Mutex::default(),
        })
    }

    /// Replaces the file by a new, empty cache (its entries could not be
    /// read: it is not trusted).
    pub fn replace(&mut self) -> Result<(), String> {
        *self = Cache::open_new(&self.path)?;
        Ok(())
    }

    /// Writes what a run found, in one transaction: new entries (replacing
    /// the path's entry of other contents), the rule set; and drops the
    /// entries of rule sets unused since [`RULE_SETS_KEPT`] others were used.
    pub fn commit(&mut self, session: Session) -> Result<(), String> {
        let writes = session.writes.into_inner().unwrap_or_else(|e| e.into_inner());
        let touch = session.catalog.is_none() || session.started - session.used > 3_600_000_000_000;
        if writes.entries.is_empty() && writes.catalog.is_none() && !touch {
            return Ok(());
        }
        let context = &session.context[..];
        let shown = self.path.display().to_string();
        let run = |conn: &mut Connection| -> rusqlite::Result<()> {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            {
                let mut insert = tx.prepare(
                    "INSERT OR REPLACE INTO entries (context, path, hash, size, mtime, ctime, inode, checked, data)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                )?;
                for write in &writes.entries {
                    let stat = write.stat;
                    insert.execute(params![
                        context,
                        write.path,
                        &write.hash[..],
                        stat.map(|s| s.size),
                        stat.map(|s| s.mtime),
                        stat.map(|s| s.ctime),
                        stat.map(|s| s.inode),
                        stat.map(|_| session.started),
                        write.data,
                    ])?;
                }
                if let Some(rules) = &writes.catalog {
                    tx.execute(
                        "INSERT OR REPLACE INTO rule_sets (context, rules, used) VALUES (?1, ?2, ?3)",
                        params![context, rules, session.started],
                    )?;
                } else if touch {
                    tx.execute(
                        "UPDATE rule_sets SET used = ?2 WHERE context = ?1",
                        params![context, session.started],
                    )?;
                }
                tx.execute(
                    "DELETE FROM rule_sets WHERE context NOT IN
                       (SELECT context FROM rule_sets ORDER BY used DESC LIMIT ?1)",
                    [RULE_SETS_KEPT],
                )?;
                tx.execute(
                    "DELETE FROM entries WHERE context NOT IN (SELECT context FROM rule_sets)",
                    [],
                )?;
            }
            tx.commit()
        };
        run(&mut self.conn).map_err(|e| format!("{shown}: cannot write the cache: {e}"))
    }
}

/// A cached entry: the content's hash, the file's stat when it was hashed
/// (none for an article read before the run), where its records are in
/// [`Loaded::data`].
struct Entry {
    hash: Hash,
    stat: Option<Known>,
    data: std::ops::Range<usize>,
}

/// A context's entries, by path as shown, their records in one buffer (one
/// allocation rather than one per article).
#[derive(Default)]
struct Loaded {
    entries: HashMap<String, Entry>,
    data: Vec<u8>,
}

/// Reads a context's entries, on a connection of its own.
fn load_entries(path: &Path, context: &Hash) -> Result<Loaded, String> {
    let shown = path.display();
    let fail = |e: rusqlite::Error| format!("{shown}: cannot read the cache: {e}");
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(fail)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(fail)?;
    // Pages mapped rather than copied in: the records are read once.
    conn.pragma_update(None, "mmap_size", 1i64 << 30).map_err(fail)?;
    // The records fill about the file: one buffer, never moved as it grows.
    let size = std::fs::metadata(path).map_or(0, |m| m.len());
    let mut loaded = Loaded {
        entries: HashMap::new(),
        data: Vec::with_capacity(usize::try_from(size).unwrap_or(0)),
    };
    // NOT INDEXED: one pass over the table in its order, rather than a
    // look-up of each row from the index (a cache holds a few rule sets at
    // most, the current one most of the rows).
    let mut statement = conn
        .prepare(
            "SELECT path, hash, size, mtime, ctime, inode, checked, data FROM entries NOT INDEXED WHERE context = ?1",
        )
        .map_err(fail)?;
    let mut rows = statement.query([&context[..]]).map_err(fail)?;
    while let Some(r) = rows.next().map_err(fail)? {
        let blob = |i: usize| r.get_ref(i).and_then(|v| Ok(v.as_blob()?)).map_err(fail);
        let Ok(hash) = Hash::try_from(blob(1)?) else {
            continue;
        };
        let size: Option<i64> = r.get(2).map_err(fail)?;
        let stat = match size {
            Some(size) => Some(Known {
                stat: Stat {
                    size,
                    mtime: r.get(3).map_err(fail)?,
                    ctime: r.get(4).map_err(fail)?,
                    inode: r.get(5).map_err(fail)?,
                },
                checked: r.get(6).map_err(fail)?,
            }),
            None => None,
        };
        let data = blob(7)?;
        let start = loaded.data.len();
        loaded.data.extend_from_slice(data);
        let path = r.get_ref(0).and_then(|v| Ok(v.as_str()?)).map_err(fail)?;
        loaded.entries.insert(
            path.to_string(),
            Entry {
                hash,
                stat,
                data: start..loaded.data.len(),
            },
        );
    }
    Ok(loaded)
}

/// What one run reads from and writes to the cache. Lookups come from any
/// thread; writes are gathered and committed at the end ([`Cache::commit`]).
pub struct Session {
    context: Hash,
    /// The thread reading the entries, until they are first needed.
    loader: Mutex<Option<std::thread::JoinHandle<Result<Loaded, String>>>>,
    /// The entries, and why they could not be read (then there are none).
    loaded: std::sync::OnceLock<(Loaded, Option<String>)>,
    /// The rule set's entries, when a run of this context stored them.
    catalog: Option<Vec<RuleEntry>>,
    /// When the rule set was last used (ns).
    used: i64,
    /// When this run started (ns): what its hashes are dated.
    started: i64,
    writes: Mutex<Writes>,
}

#[derive(Default)]
struct Writes {
    entries: Vec<Write>,
    catalog: Option<Vec<u8>>,
}

/// An entry to write.
struct Write {
    path: String,
    hash: Hash,
    stat: Option<Stat>,
    data: Vec<u8>,
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
    stat: Stat,
    hash: Hash,
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

    fn lock(&self) -> std::sync::MutexGuard<'_, Writes> {
        self.writes.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The entries, once read.
    fn loaded(&self) -> &Loaded {
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

    fn entry(&self, shown: &str) -> Option<(&Entry, &[u8])> {
        let loaded = self.loaded();
        let entry = loaded.entries.get(shown)?;
        Some((entry, loaded.data.get(entry.data.clone())?))
    }

    /// The records of an entry. One that does not decode is not trusted: a
    /// miss (and it is replaced).
    fn decode(data: &[u8]) -> Option<Vec<Extracted<'_>>> {
        postcard::from_bytes(data).ok()
    }

    /// What the cache says of the article file at `path` (shown as
    /// `shown`): its records when its content is known, else its bytes.
    pub fn probe(&self, path: &Path, shown: &str, max_file_size: u64) -> Probe<'_> {
        let Ok(meta) = std::fs::metadata(path) else {
            return Probe::Pass;
        };
        if !meta.is_file() || meta.len() > max_file_size {
            return Probe::Pass;
        }
        let stat = Stat::of(&meta);
        let entry = self.entry(shown);
        if let Some((_, data)) = entry.filter(|(e, _)| e.stat.is_some_and(|k| k.vouches_for(&stat))) {
            if let Some(records) = Self::decode(data) {
                return Probe::Hit(records);
            }
        }
        use std::io::Read;
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        let read =
            std::fs::File::open(path).and_then(|f| f.take(max_file_size.saturating_add(1)).read_to_end(&mut bytes));
        if read.is_err() || bytes.len() as u64 > max_file_size {
            return Probe::Pass;
        }
        let hash = bytes_hash(&bytes);
        if let Some((_, data)) = entry.filter(|(e, _)| e.hash == hash) {
            if let Some(records) = Self::decode(data) {
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
        let Ok(data) = postcard::to_stdvec(records) else {
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
        let mut records = Self::decode(data)?;
        (records.len() == 1).then(|| records.remove(0))
    }

    /// Stores the record of an article read before the run.
    pub fn store_text(&self, shown: &str, hash: Hash, record: &Extracted) {
        if let Ok(data) = postcard::to_stdvec(std::slice::from_ref(record)) {
            self.lock().entries.push(Write {
                path: shown.to_string(),
                hash,
                stat: None,
                data,
            });
        }
    }
}
