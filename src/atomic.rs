//! Files recoupe writes (`--output`, `--write-baseline`) appear whole or not
//! at all: the content goes to a temporary file in the target's folder,
//! which is flushed to disk and renamed over the target. An interrupted run,
//! a full disk or a file-size limit leaves the previous file as it was; two
//! runs writing one path leave one whole file, the last renamed.
//!
//! Only regular files are replaced that way. A target that is a device, a
//! pipe or a socket (`--output /dev/null`, `--output /dev/stdout`, a FIFO a
//! CI step reads) is written in place: renaming over it would swap the
//! system's `/dev/null` for a plain file when run as root. A symbolic link
//! is followed, so the link stays and the file it names is replaced.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `target` through `fill`, atomically.
pub fn write(target: &Path, fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> std::io::Result<()> {
    match std::fs::metadata(target) {
        Ok(meta) if !meta.is_file() && !meta.is_dir() => {
            let mut writer = std::io::BufWriter::new(std::fs::OpenOptions::new().write(true).open(target)?);
            fill(&mut writer)?;
            return writer.flush();
        }
        Ok(meta) if meta.is_file() && std::fs::symlink_metadata(target).is_ok_and(|m| m.file_type().is_symlink()) => {
            return replace(&std::fs::canonicalize(target)?, fill);
        }
        _ => {}
    }
    replace(target, fill)
}

/// Writes a regular (or new) file through a temporary renamed over it.
fn replace(target: &Path, fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> std::io::Result<()> {
    let temporary = temporary_beside(target);
    let result = (|| {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)?;
        let mut writer = std::io::BufWriter::new(file);
        fill(&mut writer)?;
        let file = writer.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        std::fs::rename(&temporary, target)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

/// A name in the target's folder that no other run uses: the target's name,
/// the process id and a counter, hidden.
fn temporary_beside(target: &Path) -> PathBuf {
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = target
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    folder.join(format!(".{name}.{}.{n}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_the_previous_file_and_no_temporary() {
        let dir = std::env::temp_dir().join(format!("recoupe-atomic-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let target = dir.join("report.json");
        write(&target, |w| w.write_all(b"{\"old\": true}")).unwrap();
        let failed = write(&target, |w| {
            w.write_all(b"{\"new\": ")?;
            Err(std::io::Error::other("interrupted"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "{\"old\": true}");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1, "no temporary file is left");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_written_in_place_and_stays_a_device() {
        use std::os::unix::fs::FileTypeExt;
        write(Path::new("/dev/null"), |w| w.write_all(b"{\"report\": 1}")).unwrap();
        let meta = std::fs::symlink_metadata("/dev/null").unwrap();
        assert!(
            meta.file_type().is_char_device(),
            "/dev/null must stay a character device"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_stays_a_link_and_its_file_gets_the_content() {
        let dir = std::env::temp_dir().join(format!("recoupe-atomic-link-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let real = dir.join("real.json");
        let link = dir.join("link.json");
        std::fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write(&link, |w| w.write_all(b"new")).unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
