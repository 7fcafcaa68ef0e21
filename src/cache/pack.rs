//! Packs: entries written into one value and read back, and the loading of a context's packs.

use super::*;

/// A context with more packs than this has them written as one.
pub(super) const MAX_PACKS: usize = 16;

/// Appends one entry to a pack: the path, the content's hash, the stat (and
/// when it was taken) or none, the records.
pub(super) fn encode(pack: &mut Vec<u8>, path: &str, hash: &Hash, stat: Option<(Stat, i64)>, records: &[u8]) {
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

/// An entry as a pack holds it: where its path is, its content's hash, its
/// stat, where its records are.
pub(super) type PackEntry = (std::ops::Range<usize>, Hash, Option<Known>, std::ops::Range<usize>);

/// The entries of a pack, in order (where its path is, its hash, its stat,
/// where its records are): `None` at the first that does not read
/// (then the pack is not trusted past it).
pub(super) fn decode_pack(pack: &[u8]) -> impl Iterator<Item = Option<PackEntry>> + '_ {
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
        let mut entry = || -> Option<PackEntry> {
            let len = u32::from_le_bytes(pack[take(4)?].try_into().ok()?) as usize;
            let path = take(len)?;
            std::str::from_utf8(&pack[path.clone()]).ok()?;
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
/// (none for an article read before the run), where its path and records
/// are.
pub(super) struct Entry {
    pub(super) hash: Hash,
    pub(super) stat: Option<Known>,
    /// Which pack, and where in it.
    pub(super) pack: usize,
    pub(super) path: std::ops::Range<usize>,
    pub(super) data: std::ops::Range<usize>,
}

/// A context's entries (the latest of each path), the packs that hold
/// their paths and records, and an index of them by path as shown.
///
/// The index holds only each entry's place in `entries`, and the entries
/// point into the packs for their paths: 10,000 entries are one dense
/// vector, with no string allocated per path (a map of owned paths to
/// entries, reserved for the packs' size, was a fifth of the page faults
/// of a warm run).
#[derive(Default)]
pub(super) struct Loaded {
    pub(super) entries: Vec<Entry>,
    index: hashbrown::HashTable<u32>,
    pub(super) packs: Vec<Vec<u8>>,
    /// The id of the last pack read.
    pub(super) last_pack: i64,
    /// Bytes of live and of superseded entries.
    pub(super) live: usize,
    pub(super) dead: usize,
}

/// The hash of a path in the index (a fixed seed: the index lives only as
/// long as the run, and no path comes from outside the run's own files).
fn path_hash(path: &[u8]) -> u64 {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::with_seed(0x7263_7570).hash_one(path)
}

impl Loaded {
    pub(super) fn data(&self, entry: &Entry) -> Option<&[u8]> {
        self.packs.get(entry.pack)?.get(entry.data.clone())
    }

    /// An entry's path, as shown.
    pub(super) fn path(&self, entry: &Entry) -> &str {
        self.packs
            .get(entry.pack)
            .and_then(|p| p.get(entry.path.clone()))
            .and_then(|p| std::str::from_utf8(p).ok())
            .unwrap_or_default()
    }

    /// The entry of the path shown as `shown`.
    pub(super) fn get(&self, shown: &str) -> Option<&Entry> {
        let at = self.index.find(path_hash(shown.as_bytes()), |&i| {
            self.path(&self.entries[i as usize]) == shown
        })?;
        self.entries.get(*at as usize)
    }
}

/// Adds an entry to `entries` and its index; one for the same path is
/// superseded. Its size and the superseded one's, if any.
fn insert(
    entries: &mut Vec<Entry>,
    index: &mut hashbrown::HashTable<u32>,
    packs: &[Vec<u8>],
    entry: Entry,
) -> (usize, Option<usize>) {
    let size = |e: &Entry| e.data.len() + e.path.len() + 32;
    let path_of = |e: &Entry| {
        packs
            .get(e.pack)
            .and_then(|p| p.get(e.path.clone()))
            .unwrap_or_default()
    };
    let path = path_of(&entry);
    match index.entry(
        path_hash(path),
        |&i| path_of(&entries[i as usize]) == path,
        |&i| path_hash(path_of(&entries[i as usize])),
    ) {
        hashbrown::hash_table::Entry::Occupied(at) => {
            let new = size(&entry);
            let old = std::mem::replace(&mut entries[*at.get() as usize], entry);
            (new, Some(size(&old)))
        }
        hashbrown::hash_table::Entry::Vacant(at) => {
            let new = size(&entry);
            at.insert(u32::try_from(entries.len()).unwrap_or(u32::MAX));
            entries.push(entry);
            (new, None)
        }
    }
}

/// How much of the cache file a run maps to read its packs.
pub(super) const MMAP_SIZE: i64 = 1 << 30;

/// Reads a context's packs, on a connection of its own: a few large values,
/// not a row per article (10,000 rows took 20 ms, a pack of them 3).
pub(super) fn load_entries(path: &Path, context: &Hash) -> Result<Loaded, String> {
    // The entries' table and paths fill this thread's heap.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    grow_heap();
    // Another run may hold the file a moment (setting up its WAL, or
    // recovering it): that is no reason to distrust it. Tried again, as
    // the tables' set-up is; only what still fails is.
    let mut tries = 0;
    loop {
        match read_packs(path, context) {
            Err(Failed::Busy(_)) if tries < 300 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            Err(Failed::Busy(e) | Failed::Sqlite(e)) => {
                return Err(format!("{}: cannot read the cache: {e}", path.display()))
            }
            Err(Failed::Other(why)) => return Err(why),
            Ok(loaded) => return Ok(loaded),
        }
    }
}

/// Why the packs could not be read.
enum Failed {
    /// The file is held by another run: worth trying again.
    Busy(rusqlite::Error),
    Sqlite(rusqlite::Error),
    Other(String),
}

impl From<rusqlite::Error> for Failed {
    fn from(e: rusqlite::Error) -> Failed {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => Failed::Busy(e),
            _ => Failed::Sqlite(e),
        }
    }
}

fn read_packs(path: &Path, context: &Hash) -> Result<Loaded, Failed> {
    let shown = path.display();
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // The file mapped (SQLite's memory-mapped I/O): a pack's pages are
    // copied from the page cache straight into its buffer, rather than read
    // into SQLite's own page buffers first and copied again. (SQLite never
    // shrinks this file: it has no auto-vacuum, and freed pages are reused.)
    conn.pragma_update(None, "mmap_size", MMAP_SIZE)?;
    // One read transaction: the list of packs and the packs themselves are
    // of one moment of the file (WAL keeps it for the reader), though
    // another run may write, or drop the packs it compacted, meanwhile.
    conn.execute_batch("BEGIN")?;
    let mut loaded = Loaded::default();
    let mut statement = conn.prepare("SELECT id, length(data) FROM packs WHERE context = ?1 ORDER BY id")?;
    let ids: Vec<(i64, i64)> = statement
        .query_map([&context[..]], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    drop(statement);
    // Each pack read straight from its pages into its buffer (SQLite's
    // incremental blob reading): a column read would assemble it in a
    // buffer of SQLite's first, and copy it.
    for (id, len) in ids {
        // Exactly its length: `read_to_end` would look for more past it,
        // and double the buffer (7 MiB copied, and its pages faulted in).
        let mut pack = vec![0; usize::try_from(len).unwrap_or(0)];
        let mut blob = conn.blob_open(rusqlite::MAIN_DB, "packs", "data", id, true)?;
        std::io::Read::read_exact(&mut blob, &mut pack)
            .map_err(|e| Failed::Other(format!("{shown}: cannot read the cache: {e}")))?;
        loaded.last_pack = id;
        loaded.packs.push(pack);
    }
    // Room for them at once (10,000 articles: 7.6 MiB of packs), rather
    // than grown as they come (untouched room costs no memory).
    let expected = loaded.packs.iter().map(Vec::len).sum::<usize>() / 512;
    loaded.entries.reserve(expected);
    loaded.index.reserve(expected, |_| 0);
    let Loaded {
        entries,
        index,
        packs,
        live,
        dead,
        ..
    } = &mut loaded;
    for (at, pack) in packs.iter().enumerate() {
        for entry in decode_pack(pack) {
            let Some((path, hash, stat, data)) = entry else {
                return Err(Failed::Other(format!("{shown}: a pack of the cache does not read")));
            };
            let entry = Entry {
                hash,
                stat,
                pack: at,
                path,
                data,
            };
            let (size, old) = insert(entries, index, packs, entry);
            *live += size;
            if let Some(old) = old {
                *live -= old;
                *dead += old;
            }
        }
    }
    Ok(loaded)
}
