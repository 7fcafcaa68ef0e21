//! What `stat` says of an article, and when that vouches for its cache entry.

use super::*;

pub(super) fn nanos(time: Option<std::time::SystemTime>) -> i64 {
    time.and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}

/// What `stat` says of a file: unchanged, its content is taken as unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Stat {
    pub(super) size: i64,
    pub(super) mtime: i64,
    pub(super) ctime: i64,
    pub(super) inode: i64,
}

impl Stat {
    pub(super) fn of(meta: &std::fs::Metadata) -> Stat {
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
pub(super) fn stat_file(path: &Path) -> Option<(bool, Stat)> {
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
pub(super) mod in_folder {
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
    pub(super) fn split(path: &Path) -> Option<(&Path, &[u8])> {
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
pub(super) fn grow_worker_heaps() {
    rayon::broadcast(|_| grow_heap());
}

/// Grows this thread's glibc heap by 6 MiB (see [`grow_worker_heaps`]).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub(super) fn grow_heap() {
    let blocks: Vec<Vec<u8>> = (0..48).map(|_| Vec::with_capacity(120 * 1024)).collect();
    drop(std::hint::black_box(blocks));
}

/// A file's stat when its entry was made.
#[derive(Debug, Clone, Copy)]
pub(super) struct Known {
    pub(super) stat: Stat,
    /// When the hash was taken (ns since the epoch).
    pub(super) checked: i64,
}

/// How recent a modification leaves a file's times untrusted (see the
/// module's note on racily clean files).
pub(super) const RACY_NS: i64 = 1_000_000_000;

impl Known {
    pub(super) fn vouches_for(&self, stat: &Stat) -> bool {
        self.stat == *stat && stat.mtime < self.checked - RACY_NS && stat.ctime < self.checked - RACY_NS
    }
}
