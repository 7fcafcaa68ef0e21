//! Hashes that key the cache: the rule set, the build, an article's bytes or text.

use super::*;

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
pub(super) fn bytes_hash(bytes: &[u8]) -> Hash {
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
pub(super) fn build_stamp() -> Vec<u8> {
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
