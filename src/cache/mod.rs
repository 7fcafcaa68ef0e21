//! The claims cache: what extraction produced for each article, kept in an
//! SQLite file (`.recoupe/cache.sqlite` in the project's root by default) so
//! that a run reads again only the articles that changed.
//!
//! An entry is an article's [`Extracted`] records (postcard, each claim
//! apart: a CI run that shows a few subjects decodes no other claim, see
//! `records`), keyed by:
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

mod hash;
mod pack;
mod records;
mod session;
mod stat;

use hash::*;
pub use hash::{context, hex, rules_hash, text_hash, Hash};
use pack::*;
pub use session::{FileKey, Probe, Session};
use stat::*;

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
            for entry in &loaded.entries {
                let path = loaded.path(entry);
                if !new.contains(path) {
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
