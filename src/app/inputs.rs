//! A run's inputs: the files listed, the articles named, those new since the last run.

use super::{exclude_set, exit, CheckOptions, Output, STDIN_PATH};
use crate::corpus;
use std::path::PathBuf;

/// The files and folders of a run (`--exclude` applied), the articles named
/// on the command line read; `Err` when a path cannot be used (said).
pub(super) fn list_inputs(options: &CheckOptions, io: &mut Output) -> Result<crate::pipeline::Inputs, i32> {
    let exclude = match exclude_set(&options.exclude) {
        Ok(set) => set,
        Err(message) => {
            let _ = writeln!(io.err, "error: {message}");
            let _ = writeln!(
                io.err,
                "  help: a glob such as `drafts`, `**/*.draft.md` or `corpus/archive/**`"
            );
            return Err(exit::ERROR);
        }
    };
    let mut inputs = match corpus::list_files_excluding(&options.paths, &exclude) {
        Ok((files, warnings)) => crate::pipeline::Inputs {
            files,
            documents: Vec::new(),
            warnings,
            load: options.load.clone(),
        },
        Err(e) => {
            let _ = writeln!(io.err, "error: {e}");
            let _ = writeln!(
                io.err,
                "  help: give a file or folder of articles, e.g. `recoupe check corpus/`"
            );
            return Err(exit::ERROR);
        }
    };
    // An article named on the command line is one the user asked about: if
    // it cannot be read, the run cannot say anything about it, and exits 2
    // (only articles found by walking a folder become warnings).
    read_named_articles(&mut inputs, &options.paths, io)?;
    Ok(inputs)
}

/// Reads the article files named on the command line (not found in a
/// folder) before the run: one that cannot be read, or is skipped (binary,
/// empty, over the size limit), fails the run with exit code 2 and the
/// reason. JSON Lines archives are checked for being readable only: they are
/// streamed later, and their bad lines are warnings.
fn read_named_articles(inputs: &mut crate::pipeline::Inputs, named: &[PathBuf], io: &mut Output) -> Result<(), i32> {
    for path in named.iter().filter(|p| p.is_file() || !p.is_dir()) {
        if !inputs.files.contains(path) {
            continue;
        }
        if corpus::json_lines::is_json_lines(path) {
            if let Err(e) = std::fs::File::open(path) {
                return Err(unreadable(io, &corpus::display_path(path), &e.to_string()));
            }
            continue;
        }
        match required(corpus::read_document(path, &inputs.load), &mut inputs.warnings) {
            Ok(document) => {
                inputs.files.retain(|f| f != path);
                inputs.documents.push(document);
            }
            Err(reasons) => return Err(unreadable(io, &corpus::display_path(path), &reasons)),
        }
    }
    Ok(())
}

/// An article the user named, as read: the document (its warnings joined to
/// `warnings`), or why it was skipped.
fn required(
    read: (Option<corpus::Document>, Vec<corpus::Warning>),
    warnings: &mut Vec<corpus::Warning>,
) -> Result<corpus::Document, String> {
    match read {
        (Some(document), more) => {
            warnings.extend(more);
            Ok(document)
        }
        (None, why) => Err(why.iter().map(|w| w.message.as_str()).collect::<Vec<_>>().join("; ")),
    }
}

/// Says that an article named on the command line cannot be checked.
fn unreadable(io: &mut Output, shown: &str, reason: &str) -> i32 {
    let _ = writeln!(io.err, "error: cannot check {shown}: {reason}");
    let _ = writeln!(
        io.err,
        "  help: an article named on the command line must be readable; name its folder instead to check the others and get a warning for it"
    );
    exit::ERROR
}

/// Whether two paths name one file: equal as written, or, when both
/// exist, after resolving links and `..`.
pub(super) fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    if a == b {
        return true;
    }
    let resolve = |p: &std::path::Path| {
        let parent = p
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(std::path::Path::new("."));
        std::fs::canonicalize(parent)
            .ok()
            .map(|d| d.join(p.file_name().unwrap_or_default()))
    };
    matches!((resolve(a), resolve(b)), (Some(x), Some(y)) if x == y)
}

/// Adds the `--new` articles to the inputs (or marks them, when the corpus
/// already holds them) and returns their paths as shown.
pub(super) fn add_new_articles(
    inputs: &mut crate::pipeline::Inputs,
    new: &[PathBuf],
    io: &mut Output,
) -> Result<std::collections::BTreeSet<String>, i32> {
    let mut paths = std::collections::BTreeSet::new();
    // Each file's name as shown: asked of a few files only (a corpus of
    // 10,000 files is listed once, not once per new article).
    let listed = |shown: &str, files: &[PathBuf]| {
        let name = std::path::Path::new(shown).file_name();
        files
            .iter()
            .any(|f| f.file_name() == name && corpus::display_path(f) == shown)
    };
    for path in new {
        if path.as_os_str() == "-" {
            let read = corpus::read_from(STDIN_PATH.to_string(), &mut *io.stdin, &inputs.load);
            match required(read, &mut inputs.warnings) {
                Ok(document) => {
                    paths.insert(document.path.clone());
                    inputs.documents.push(document);
                }
                Err(reasons) => return Err(new_unreadable(io, STDIN_PATH, &reasons)),
            }
            continue;
        }
        let shown = corpus::display_path(path);
        if !path.is_file() {
            let _ = writeln!(io.err, "error: cannot read {shown}: no such file");
            let _ = writeln!(io.err, "  help: --new takes article files (or - for standard input)");
            return Err(exit::ERROR);
        }
        // The new article must be read: a CI run that checks nothing must
        // not pass. A JSON Lines archive is streamed later (its bad lines are
        // warnings), but must open.
        if corpus::json_lines::is_json_lines(path) {
            if let Err(e) = std::fs::File::open(path) {
                return Err(new_unreadable(io, &shown, &e.to_string()));
            }
            if !listed(&shown, &inputs.files) {
                inputs.files.push(path.clone());
            }
            paths.insert(shown);
            continue;
        }
        // The same file as a corpus file (named alike, or through a link):
        // read once, as the new article.
        let real = std::fs::canonicalize(path).ok();
        let same = |f: &std::path::Path| {
            (f.file_name() == path.file_name() && corpus::display_path(f) == shown)
                || real.as_ref().is_some_and(|r| {
                    f.file_name() == r.file_name() && std::fs::canonicalize(f).ok().as_ref() == Some(r)
                })
        };
        let already = inputs
            .documents
            .iter()
            .position(|d| same(std::path::Path::new(&d.path)));
        if let Some(at) = already.filter(|&at| inputs.documents[at].path != shown) {
            // Named on the command line under another name: shown as new.
            inputs.documents.remove(at);
        }
        let already = inputs.documents.iter().any(|d| d.path == shown);
        if !already {
            match required(corpus::read_document(path, &inputs.load), &mut inputs.warnings) {
                Ok(document) => {
                    // Read once: the copy found in the corpus is dropped.
                    inputs.files.retain(|f| !same(f));
                    inputs.documents.push(document);
                }
                Err(reasons) => return Err(new_unreadable(io, &shown, &reasons)),
            }
        }
        paths.insert(shown);
    }
    Ok(paths)
}

/// Says that a `--new` article cannot be checked: the CI run fails.
fn new_unreadable(io: &mut Output, shown: &str, reason: &str) -> i32 {
    let _ = writeln!(io.err, "error: cannot check the new article {shown}: {reason}");
    let _ = writeln!(
        io.err,
        "  help: fix the article (UTF-8 text with a front matter, under --max-file-size); a CI run that cannot read it must not pass"
    );
    exit::ERROR
}
