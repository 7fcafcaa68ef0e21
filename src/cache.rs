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
//! is not read.
//!
//! Entries are stored in *packs*: each run that finds something new writes
//! it as one value (a pack), so that a run reads a few large values rather
//! than a row per article (10,000 rows took 20 ms; the pack that holds them,
//! 3), on another thread while it lists its files. A later pack's entry for
//! a path supersedes an earlier one; when superseded entries outweigh the
//! live ones, or the packs are many, a run writes all live entries as one
//! pack and drops the packs it read. A file modified less than a second before its hash
//! was taken could change again without its times changing: such an entry
//! is not trusted, and the file is hashed again (git's "racily clean").
//!
//! The file is recoupe's own: one that is not an SQLite database, or is one
//! of another program or of another version of this schema, is never read;
//! it is replaced by a new cache, with a warning, and so is one whose packs
//! do not read; a record that does not decode is a miss. Writes happen in
//! one transaction at the end of a run; SQLite's locks (and a busy timeout) let
//! two runs share the file. A cache that cannot be used at all (a read-only
//! folder) leaves the run without one, with a warning: a run never fails
//! because of its cache.

use crate::record::{Extracted, RuleRecord};
use crate::report::RuleEntry;
use foldhash::HashMap;
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
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

/// Whether `path` is a regular file, and its [`Stat`]; `None` when it
/// cannot be said.
fn stat_file(path: &Path) -> Option<(bool, Stat)> {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if let Some(found) = in_folder::stat(path) {
        return Some(found);
    }
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.is_file(), Stat::of(&meta)))
}

/// `stat` of a file through its open folder (`fstatat`): the system looks up
/// one name rather than the whole path. A warm run stats every article, and
/// the path lookups were a tenth of its time.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod in_folder {
    use super::Stat;
    use std::cell::RefCell;
    use std::path::{Path, PathBuf};
    use std::sync::atomic::{AtomicU64, Ordering};

    /// Which run the threads' open folders belong to: a new session opens
    /// them again (a folder may have been replaced since).
    pub static RUN: AtomicU64 = AtomicU64::new(0);

    thread_local! {
        /// The last folder a thread looked in, open.
        static FOLDER: RefCell<Option<(u64, PathBuf, std::fs::File)>> = const { RefCell::new(None) };
    }

    /// A path's folder and name, from the last `/` (`Path::parent` and
    /// `Path::file_name` parse its components, a tenth of a warm run's
    /// main thread); `None` when that is not plain: no `/`, a name such as
    /// `.` or `..`, a trailing `/`, or a folder ending in `/` (then those
    /// are asked for).
    fn split(path: &Path) -> Option<(&Path, &[u8])> {
        use std::os::unix::ffi::OsStrExt;
        let bytes = path.as_os_str().as_bytes();
        let at = bytes.iter().rposition(|&b| b == b'/')?;
        let (parent, name) = (&bytes[..at], &bytes[at + 1..]);
        let plain = !parent.is_empty() && !parent.ends_with(b"/") && !matches!(name, b"" | b"." | b"..");
        plain.then(|| (Path::new(std::ffi::OsStr::from_bytes(parent)), name))
    }

    pub fn stat(path: &Path) -> Option<(bool, Stat)> {
        use std::os::fd::AsRawFd;
        use std::os::unix::ffi::OsStrExt;
        let (parent, name) = match split(path) {
            Some(found) => found,
            None => (
                path.parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .unwrap_or(Path::new(".")),
                path.file_name()?.as_bytes(),
            ),
        };
        let name = std::ffi::CString::new(name).ok()?;
        let run = RUN.load(Ordering::Relaxed);
        FOLDER.with(|folder| {
            let mut folder = folder.borrow_mut();
            let open = folder
                .as_ref()
                .is_some_and(|(r, p, _)| *r == run && p.as_os_str() == parent.as_os_str());
            if !open {
                *folder = Some((run, parent.to_path_buf(), std::fs::File::open(parent).ok()?));
            }
            let (_, _, dir) = folder.as_ref()?;
            // SAFETY: `libc::stat` is a C struct of integers only (no
            // reference, no niche), for which all zeroes is a valid value.
            let mut st: libc::stat = unsafe { std::mem::zeroed() };
            // SAFETY: `dir` is an open descriptor for the whole call (its
            // `File` is borrowed from the thread's slot, which nothing else
            // can reach); `name` is a NUL-terminated `CString` that outlives
            // the call, and holds no `/` (a file name), so one entry of `dir`
            // is looked up; `&mut st` points to a live, aligned `libc::stat`
            // that fstatat only writes; flags 0 follows symbolic links, as
            // `std::fs::metadata` does. Exercised by every warm run of
            // tests/cache.rs and by tests/cache_stat.rs.
            let r = unsafe { libc::fstatat(dir.as_raw_fd(), name.as_ptr(), &mut st, 0) };
            if r != 0 {
                return None;
            }
            // As `Stat::of` reads `Metadata`: nanoseconds since the epoch,
            // 0 before it.
            let nanos = |s: i64, ns: i64| s.saturating_mul(1_000_000_000).saturating_add(ns).max(0);
            let stat = Stat {
                size: st.st_size,
                mtime: nanos(st.st_mtime, st.st_mtime_nsec),
                ctime: nanos(st.st_ctime, st.st_ctime_nsec),
                inode: st.st_ino as i64,
            };
            Some(((st.st_mode & libc::S_IFMT) == libc::S_IFREG, stat))
        })
    }
}

/// Grows each worker thread's glibc heap by 6 MiB at once. glibc grows
/// a thread's heap (not the main one) by exactly what an allocation lacks,
/// one `mprotect` per page: a warm run's workers, filling a few MiB each
/// with rebuilt claims, made about 1,500 such calls. Blocks just under
/// glibc's mmap threshold, taken then given back, leave the heap's pages
/// writable (freeing only advises the system that they are unused), and
/// later growth within them makes no system call. Nothing is written but
/// glibc's chunk headers.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn grow_worker_heaps() {
    rayon::broadcast(|_| grow_heap());
}

/// Grows this thread's glibc heap by 6 MiB (see [`grow_worker_heaps`]).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn grow_heap() {
    let blocks: Vec<Vec<u8>> = (0..48).map(|_| Vec::with_capacity(120 * 1024)).collect();
    drop(std::hint::black_box(blocks));
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

/// Why a cache file was not used as it was, for the warning; and whether
/// it is a cache of this version with all its tables (then a run writes
/// nothing to set it up).
fn is_ours(conn: &Connection) -> Result<(Option<&'static str>, bool), rusqlite::Error> {
    let (tables, ours): (i64, i64) = conn.query_row(
        "SELECT count(*), coalesce(sum(type = 'table' AND name IN ('recoupe_schema', 'rule_sets', 'packs')), 0)
         FROM sqlite_master",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if tables == 0 && id == 0 {
        return Ok((None, false));
    }
    if id != APPLICATION_ID {
        return Ok((Some("it is not a recoupe cache (another program's database)"), false));
    }
    let version: Option<i64> = conn
        .query_row("SELECT version FROM recoupe_schema", [], |r| r.get(0))
        .optional()
        .unwrap_or(None);
    match version {
        Some(SCHEMA_VERSION) => Ok((None, ours == 3)),
        _ => Ok((Some("it was made by another version of recoupe"), false)),
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
        let (verdict, set_up) = match is_ours(&conn) {
            Ok((None, set_up)) => (None, set_up),
            Ok((Some(why), _)) => (Some(why.to_string()), false),
            Err(e) => (Some(format!("it cannot be read as a database ({e})")), false),
        };
        match verdict {
            None => {
                let cache = Cache {
                    conn,
                    path: path.to_path_buf(),
                };
                cache
                    .create_tables(set_up)
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
            .create_tables(false)
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
    /// once: the second finds them made); `set_up`: the file has them
    /// already, and only the connection's settings are made.
    fn create_tables(&self, set_up: bool) -> rusqlite::Result<()> {
        // Switching to WAL takes the file's exclusive lock, and SQLite does
        // not call the busy handler for it: runs that start together retry.
        let mut tries = 0;
        loop {
            match self.try_create_tables(set_up) {
                Err(rusqlite::Error::SqliteFailure(e, _))
                    if matches!(
                        e.code,
                        rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                    ) && tries < 300 =>
                {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                other => return other,
            }
        }
    }

    fn try_create_tables(&self, set_up: bool) -> rusqlite::Result<()> {
        // WAL: readers do not wait for a writer; NORMAL: a commit does not
        // wait for the disk (a crash may lose the last run's entries, never
        // corrupt the file).
        // 64 KiB pages: a pack is read as a few large pages (a new file
        // only takes it).
        // A file set up already is not written: its tables' transaction
        // wrote page 1 to the WAL on every run (with two fsyncs), and the
        // run's end copied it back (a third).
        if set_up {
            self.conn.pragma_update(None, "journal_mode", "WAL")?;
            return self.conn.pragma_update(None, "synchronous", "NORMAL");
        }
        self.conn.pragma_update(None, "page_size", 65536)?;
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
             CREATE TABLE IF NOT EXISTS packs (
               id INTEGER PRIMARY KEY, context BLOB NOT NULL, data BLOB NOT NULL
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
        let (catalog, catalog_bytes, used) = match catalog {
            Some((rules, used)) => {
                let entries = postcard::from_bytes::<Vec<RuleRecord>>(&rules)
                    .ok()
                    .and_then(|records| {
                        records
                            .iter()
                            .map(RuleRecord::entry)
                            .collect::<Result<Vec<_>, _>>()
                            .ok()
                    });
                let bytes = entries.is_some().then_some(rules);
                (entries, bytes, used)
            }
            None => (None, None, 0),
        };
        #[cfg(all(target_os = "linux", target_env = "gnu"))]
        in_folder::RUN.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        #[cfg(all(target_os = "linux", target_env = "gnu"))]
        grow_worker_heaps();
        let path = self.path.clone();
        let loader = std::thread::Builder::new()
            .name("recoupe-cache".into())
            .spawn(move || load_entries(&path, &context))
            .map_err(|e| format!("{shown}: cannot read the cache: {e}"))?;
        Ok(Session {
            context,
            catalog,
            catalog_bytes,
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

    /// Writes what a run found, in one transaction: its new entries as one
    /// pack (when the context's packs hold more superseded entries than live
    /// ones, or too many packs, all its live entries are written as one pack
    /// instead, and the packs it read are dropped), the rule set; and drops
    /// the packs of rule sets unused since [`RULE_SETS_KEPT`] others were
    /// used.
    pub fn commit(&mut self, session: Session) -> Result<(), String> {
        let result = self.write(&session);
        // What the session read (megabytes of packs, an entry per article)
        // is freed on another thread: the run has its report to make.
        let _ = std::thread::Builder::new()
            .name("recoupe-cache-free".into())
            .spawn(move || drop(session));
        result
    }

    fn write(&mut self, session: &Session) -> Result<(), String> {
        let writes = std::mem::take(&mut *session.lock());
        let touch = session.catalog.is_none() || session.started - session.used > 3_600_000_000_000;
        if writes.entries.is_empty() && writes.catalog.is_none() && !touch {
            return Ok(());
        }
        let loaded = session.loaded();
        let new: std::collections::HashSet<&str> = writes.entries.iter().map(|w| w.path.as_str()).collect();
        let compact = !writes.entries.is_empty() && (loaded.dead > loaded.live || loaded.packs.len() >= MAX_PACKS);
        let mut pack = Vec::new();
        if compact {
            for (path, entry) in &loaded.entries {
                if !new.contains(path.as_str()) {
                    let data = loaded.data(entry).unwrap_or_default();
                    encode(
                        &mut pack,
                        path,
                        &entry.hash,
                        entry.stat.map(|k| (k.stat, k.checked)),
                        data,
                    );
                }
            }
        }
        for w in &writes.entries {
            encode(
                &mut pack,
                &w.path,
                &w.hash,
                w.stat.map(|s| (s, session.started)),
                &w.data,
            );
        }
        let context = &session.context[..];
        let last_read = loaded.last_pack;
        let shown = self.path.display().to_string();
        let run = |conn: &mut Connection| -> rusqlite::Result<()> {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            if compact {
                // Only the packs this run read: another run's, written since,
                // stay (a later pack wins for a path; an entry is only ever
                // used when its content's hash matches).
                tx.execute(
                    "DELETE FROM packs WHERE context = ?1 AND id <= ?2",
                    params![context, last_read],
                )?;
            }
            if !pack.is_empty() {
                tx.execute(
                    "INSERT INTO packs (context, data) VALUES (?1, ?2)",
                    params![context, pack],
                )?;
            }
            // The rule set, whether this run compiled it or read it (from a
            // file since replaced): its entries are dropped without it.
            if let Some(rules) = writes.catalog.as_ref().or(session.catalog_bytes.as_ref()) {
                tx.execute(
                    "INSERT INTO rule_sets (context, rules, used) VALUES (?1, ?2, ?3)
                     ON CONFLICT (context) DO UPDATE SET used = excluded.used",
                    params![context, rules, session.started],
                )?;
            }
            tx.execute(
                "DELETE FROM rule_sets WHERE context NOT IN
                   (SELECT context FROM rule_sets ORDER BY used DESC LIMIT ?1)",
                [RULE_SETS_KEPT],
            )?;
            tx.execute(
                "DELETE FROM packs WHERE context NOT IN (SELECT context FROM rule_sets)",
                [],
            )?;
            tx.commit()
        };
        run(&mut self.conn).map_err(|e| format!("{shown}: cannot write the cache: {e}"))
    }
}

/// A context with more packs than this has them written as one.
const MAX_PACKS: usize = 16;

/// Appends one entry to a pack: the path, the content's hash, the stat (and
/// when it was taken) or none, the records.
fn encode(pack: &mut Vec<u8>, path: &str, hash: &Hash, stat: Option<(Stat, i64)>, records: &[u8]) {
    pack.extend((path.len() as u32).to_le_bytes());
    pack.extend(path.as_bytes());
    pack.extend(hash);
    match stat {
        Some((s, checked)) => {
            pack.push(1);
            for n in [s.size, s.mtime, s.ctime, s.inode, checked] {
                pack.extend(n.to_le_bytes());
            }
        }
        None => pack.push(0),
    }
    pack.extend((records.len() as u32).to_le_bytes());
    pack.extend(records);
}

/// The entries of a pack, in order: `None` at the first that does not read
/// (then the pack is not trusted past it).
fn decode_pack(pack: &[u8]) -> impl Iterator<Item = Option<(&str, Hash, Option<Known>, std::ops::Range<usize>)>> + '_ {
    let mut at = 0usize;
    std::iter::from_fn(move || {
        if at >= pack.len() {
            return None;
        }
        let mut take = |n: usize| -> Option<std::ops::Range<usize>> {
            let range = at..at.checked_add(n)?;
            pack.get(range.clone())?;
            at = range.end;
            Some(range)
        };
        let mut entry = || -> Option<(&str, Hash, Option<Known>, std::ops::Range<usize>)> {
            let len = u32::from_le_bytes(pack[take(4)?].try_into().ok()?) as usize;
            let path = std::str::from_utf8(&pack[take(len)?]).ok()?;
            let hash = Hash::try_from(&pack[take(32)?]).ok()?;
            let stat = match pack[take(1)?][0] {
                0 => None,
                _ => {
                    let mut n = [0i64; 5];
                    for x in &mut n {
                        *x = i64::from_le_bytes(pack[take(8)?].try_into().ok()?);
                    }
                    Some(Known {
                        stat: Stat {
                            size: n[0],
                            mtime: n[1],
                            ctime: n[2],
                            inode: n[3],
                        },
                        checked: n[4],
                    })
                }
            };
            let len = u32::from_le_bytes(pack[take(4)?].try_into().ok()?) as usize;
            let records = take(len)?;
            Some((path, hash, stat, records))
        };
        match entry() {
            Some(e) => Some(Some(e)),
            None => {
                at = pack.len();
                Some(None)
            }
        }
    })
}

/// A cached entry: the content's hash, the file's stat when it was hashed
/// (none for an article read before the run), where its records are.
struct Entry {
    hash: Hash,
    stat: Option<Known>,
    /// Which pack, and where in it.
    pack: usize,
    data: std::ops::Range<usize>,
}

/// A context's entries, by path as shown (the latest of each path), and
/// the packs that hold their records.
#[derive(Default)]
struct Loaded {
    entries: HashMap<String, Entry>,
    packs: Vec<Vec<u8>>,
    /// The id of the last pack read.
    last_pack: i64,
    /// Bytes of live and of superseded entries.
    live: usize,
    dead: usize,
}

impl Loaded {
    fn data(&self, entry: &Entry) -> Option<&[u8]> {
        self.packs.get(entry.pack)?.get(entry.data.clone())
    }
}

/// How much of the cache file a run maps to read its packs.
const MMAP_SIZE: i64 = 1 << 30;

/// Reads a context's packs, on a connection of its own: a few large values,
/// not a row per article (10,000 rows took 20 ms, a pack of them 3).
fn load_entries(path: &Path, context: &Hash) -> Result<Loaded, String> {
    // The entries' table and paths fill this thread's heap.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    grow_heap();
    let shown = path.display();
    let fail = |e: rusqlite::Error| format!("{shown}: cannot read the cache: {e}");
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(fail)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(fail)?;
    // The file mapped (SQLite's memory-mapped I/O): a pack's pages are
    // copied from the page cache straight into its buffer, rather than read
    // into SQLite's own page buffers first and copied again. (SQLite never
    // shrinks this file: it has no auto-vacuum, and freed pages are reused.)
    conn.pragma_update(None, "mmap_size", MMAP_SIZE).map_err(fail)?;
    let mut loaded = Loaded::default();
    let mut statement = conn
        .prepare("SELECT id, length(data) FROM packs WHERE context = ?1 ORDER BY id")
        .map_err(fail)?;
    let ids: Vec<(i64, i64)> = statement
        .query_map([&context[..]], |r| Ok((r.get(0)?, r.get(1)?)))
        .map_err(fail)?
        .collect::<Result<_, _>>()
        .map_err(fail)?;
    drop(statement);
    // Each pack read straight from its pages into its buffer (SQLite's
    // incremental blob reading): a column read would assemble it in a
    // buffer of SQLite's first, and copy it.
    for (id, len) in ids {
        // Exactly its length: `read_to_end` would look for more past it,
        // and double the buffer (7 MiB copied, and its pages faulted in).
        let mut pack = vec![0; usize::try_from(len).unwrap_or(0)];
        let mut blob = conn
            .blob_open(rusqlite::MAIN_DB, "packs", "data", id, true)
            .map_err(fail)?;
        std::io::Read::read_exact(&mut blob, &mut pack).map_err(|e| format!("{shown}: cannot read the cache: {e}"))?;
        loaded.last_pack = id;
        loaded.packs.push(pack);
    }
    let Loaded {
        entries,
        packs,
        live,
        dead,
        ..
    } = &mut loaded;
    // Room for them at once (10,000 articles: 7.6 MiB of packs), rather
    // than rehashed as they come.
    entries.reserve(packs.iter().map(Vec::len).sum::<usize>() / 512);
    for (index, pack) in packs.iter().enumerate() {
        for entry in decode_pack(pack) {
            let Some((path, hash, stat, data)) = entry else {
                return Err(format!("{shown}: a pack of the cache does not read"));
            };
            let size = data.len() + path.len() + 32;
            *live += size;
            let entry = Entry {
                hash,
                stat,
                pack: index,
                data,
            };
            if let Some(old) = entries.insert(path.to_string(), entry) {
                let old = old.data.len() + path.len() + 32;
                *live -= old;
                *dead += old;
            }
        }
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
    /// The same, as stored.
    catalog_bytes: Option<Vec<u8>>,
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
        Some((entry, loaded.data(entry)?))
    }

    /// The records of an entry. One that does not decode is not trusted: a
    /// miss (and it is replaced).
    fn decode(data: &[u8]) -> Option<Vec<Extracted<'_>>> {
        postcard::from_bytes(data).ok()
    }

    /// What the cache says of the article file at `path` (shown as
    /// `shown`): its records when its content is known, else its bytes.
    pub fn probe(&self, path: &Path, shown: &str, max_file_size: u64) -> Probe<'_> {
        let Some((true, stat)) = stat_file(path) else {
            return Probe::Pass;
        };
        if u64::try_from(stat.size).unwrap_or(u64::MAX) > max_file_size {
            return Probe::Pass;
        }
        let entry = self.entry(shown);
        if let Some((_, data)) = entry.filter(|(e, _)| e.stat.is_some_and(|k| k.vouches_for(&stat))) {
            if let Some(records) = Self::decode(data) {
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
