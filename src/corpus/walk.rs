//! Walking the tree: the article files under the paths given, in a stable order, each once.

use super::json_lines;
use super::{display_path, io_reason, CorpusError, Warning, ARTICLE_EXTENSIONS};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// The article files below `paths` (files or folders), each once, and the
/// warnings of the walk. Nothing is read yet: a large corpus is then read
/// and checked one file at a time, never held in memory whole.
pub fn list_files(paths: &[PathBuf]) -> Result<(Vec<PathBuf>, Vec<Warning>), CorpusError> {
    list_files_excluding(paths, &globset::GlobSet::empty())
}

/// [`list_files`], leaving out what `exclude` matches in the folders walked
/// (`--exclude`): a file or folder is left out when a glob matches its path
/// below the folder named (`drafts`, `**/*.draft.md`) or its path as shown
/// (`corpus/drafts/**`). An excluded folder is not walked. A file named on
/// the command line is always read: it was asked for.
pub fn list_files_excluding(
    paths: &[PathBuf],
    exclude: &globset::GlobSet,
) -> Result<(Vec<PathBuf>, Vec<Warning>), CorpusError> {
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    for root in paths {
        let meta = std::fs::metadata(root).map_err(|e| CorpusError {
            path: display_path(root),
            reason: io_reason(&e),
        })?;
        if meta.is_dir() {
            let mut visited = HashMap::new();
            let walk_root = Walk { root, exclude };
            walk_root.walk(root, &mut visited, &mut files, &mut warnings);
        } else {
            files.push(Found {
                path: root.clone(),
                id: file_id(&meta),
            });
        }
    }
    let files = distinct_files(files, &mut warnings);
    Ok((files, warnings))
}

/// A file found while listing: its path, and which file it is (device and
/// inode, where the system says).
struct Found {
    path: PathBuf,
    id: Option<(u64, u64)>,
}

/// The device and inode of a file (Unix).
fn file_id(meta: &std::fs::Metadata) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        None
    }
}

/// The files to read, each once: a file named twice (`corpus/a.md` and
/// `./corpus/a.md`) is read once, and a second name for the same file (a
/// symbolic link) is a warning rather than a second document.
fn distinct_files(files: Vec<Found>, warnings: &mut Vec<Warning>) -> Vec<PathBuf> {
    // Two names of one file have one device and inode, and so do two
    // spellings of one name (`corpus/a.md`, `./corpus/a.md`): only files
    // that share theirs (or whose are unknown) need comparing, and their
    // real paths, whose system calls were most of the listing's time
    // (10,000 files: 40 ms of a 50 ms budget). (On this thread: resolved on
    // the workers, the paths left their heaps scattered with freed memory,
    // and the run's peak rose by 4 MiB.) A file reached without a symbolic
    // link is kept over its links. The others keep the order they were
    // found in: the report is sorted, whatever the order files are read in.
    let mut names: HashMap<(u64, u64), usize> = HashMap::new();
    for f in &files {
        if let Some(id) = f.id {
            *names.entry(id).or_default() += 1;
        }
    }
    let shared = |f: &Found| f.id.is_none_or(|id| names.get(&id).is_some_and(|n| *n > 1));
    let mut named: Vec<(bool, String, Option<PathBuf>, usize)> = files
        .iter()
        .enumerate()
        .filter(|(_, f)| shared(f))
        .map(|(index, found)| {
            let file = &found.path;
            let real = std::fs::canonicalize(file).ok();
            let through_link = match (std::path::absolute(file), &real) {
                (Ok(absolute), Some(real)) => absolute != *real,
                _ => false,
            };
            (through_link, display_path(file), real, index)
        })
        .collect();
    named.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    let mut shown = HashSet::new();
    let mut real: HashMap<PathBuf, String> = HashMap::new();
    let mut keep = vec![true; files.len()];
    for (_, name, canonical, index) in named {
        keep[index] = false;
        if !shown.insert(name.clone()) {
            continue;
        }
        if let Some(canonical) = canonical {
            if let Some(first) = real.get(&canonical) {
                warnings.push(Warning {
                    path: name,
                    line: None,
                    message: format!("skipped: the same file as {first} (a link or a second name), read once"),
                });
                continue;
            }
            real.insert(canonical, name);
        }
        keep[index] = true;
    }
    files
        .into_iter()
        .zip(keep)
        .filter_map(|(found, keep)| keep.then_some(found.path))
        .collect()
}

/// Collects article files below `dir`, in a stable order, skipping hidden
/// entries and following symlinks only once per real folder (so a link back up
/// the tree is a warning, not an endless walk).
/// A folder named on the command line, walked, and what to leave out of it.
struct Walk<'a> {
    root: &'a Path,
    exclude: &'a globset::GlobSet,
}

impl Walk<'_> {
    /// Whether `--exclude` leaves this file or folder out.
    fn excluded(&self, path: &Path) -> bool {
        if self.exclude.is_empty() {
            return false;
        }
        let below = path.strip_prefix(self.root).unwrap_or(path);
        self.exclude.is_match(below) || self.exclude.is_match(display_path(path))
    }

    fn walk(
        &self,
        dir: &Path,
        visited: &mut HashMap<PathBuf, String>,
        files: &mut Vec<Found>,
        warnings: &mut Vec<Warning>,
    ) {
        match std::fs::canonicalize(dir) {
            Ok(real) => {
                if let Some(first) = visited.get(&real) {
                    warnings.push(Warning {
                        path: display_path(dir),
                        line: None,
                        message: format!("skipped: the same folder as {first} (a symbolic link loop?), walked once"),
                    });
                    return;
                }
                visited.insert(real, display_path(dir));
            }
            Err(e) => {
                warnings.push(Warning {
                    path: display_path(dir),
                    line: None,
                    message: format!("skipped: {}", io_reason(&e)),
                });
                return;
            }
        }
        // The folder's device: its files' inodes are on it.
        let device = std::fs::metadata(dir)
            .ok()
            .and_then(|m| file_id(&m))
            .map(|(dev, _)| dev);
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                warnings.push(Warning {
                    path: display_path(dir),
                    line: None,
                    message: format!("skipped: cannot list this folder: {}", io_reason(&e)),
                });
                return;
            }
        };
        // The entry's type comes with the listing (no system call per file,
        // on the usual file systems); a link is followed with `metadata`.
        let mut children: Vec<(std::ffi::OsString, PathBuf, Option<std::fs::FileType>, Option<u64>)> = entries
            .filter_map(|e| e.ok())
            .map(|e| (e.file_name(), e.path(), e.file_type().ok(), entry_inode(&e)))
            .collect();
        // By name: the order of their paths (they share the folder), at a
        // fraction of the cost of comparing paths component by component.
        children.sort_by(|a, b| a.0.cmp(&b.0));
        for (name, child, kind, inode) in children {
            let hidden = name.as_encoded_bytes().first() == Some(&b'.');
            if hidden || self.excluded(&child) {
                continue;
            }
            let is_article = child
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| e.eq_ignore_ascii_case(a)))
                || json_lines::is_json_lines(&child);
            let followed = match kind {
                Some(kind) if kind.is_dir() => Ok((true, false, None)),
                Some(kind) if kind.is_file() => Ok((false, true, device.zip(inode))),
                _ => std::fs::metadata(&child).map(|m| (m.is_dir(), m.is_file(), file_id(&m))),
            };
            match followed {
                Ok((true, _, _)) => self.walk(&child, visited, files, warnings),
                Ok((false, true, id)) => {
                    if is_article {
                        files.push(Found { path: child, id });
                    }
                }
                // A pipe, socket or device named like an article: reading it could
                // block for ever or never end.
                Ok(_) => {
                    if is_article {
                        warnings.push(Warning {
                            path: display_path(&child),
                            line: None,
                            message: "skipped: not a regular file (a pipe, socket or device)".into(),
                        });
                    }
                }
                Err(e) => {
                    let link = std::fs::symlink_metadata(&child).is_ok_and(|m| m.file_type().is_symlink());
                    let message = match (link, e.kind()) {
                        (true, std::io::ErrorKind::NotFound) => {
                            "skipped: a broken symbolic link (its target does not exist)".to_string()
                        }
                        (true, _) => format!("skipped: a symbolic link that cannot be followed (a loop?): {e}"),
                        (false, _) => format!("skipped: {}", io_reason(&e)),
                    };
                    warnings.push(Warning {
                        path: display_path(&child),
                        line: None,
                        message,
                    })
                }
            }
        }
    }
}

/// The inode of a folder's entry, as the listing gives it (Unix).
fn entry_inode(entry: &std::fs::DirEntry) -> Option<u64> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirEntryExt;
        Some(entry.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = entry;
        None
    }
}
