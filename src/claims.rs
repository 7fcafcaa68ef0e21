//! The run's claim store ([`Gathered`]): what extraction kept, each batch's
//! strings packed into one buffer, and the memory the run frees handed back
//! to the system.

use crate::report::{self, DocumentEntry};
use crate::shard::RecordLine;
use crate::{corpus, extract, record, suppress};

/// Where a claim stands, to find its sentence once claims are sorted.
pub(crate) type Place = (Box<str>, u32, u32, u32);

/// What extraction gave for a whole run, before the comparison.
#[derive(Debug, Default)]
pub struct Gathered {
    pub documents: Vec<DocumentEntry>,
    pub claims: Vec<extract::Claim>,
    pub warnings: Vec<corpus::Warning>,
    pub suppressed: Vec<suppress::Suppressed>,
    /// The sentence of each claim, by its place, when the run keeps them.
    pub(crate) sentences: std::collections::HashMap<Place, report::Sentence>,
    /// Every document's record (and a warnings-only record per input
    /// warning) as a line of JSON, sorted by path and line, when the run
    /// keeps them (`recoupe extract`).
    pub records: Vec<RecordLine>,
}

impl Gathered {
    /// A batch's documents and claims, kept with their strings moved into
    /// one buffer (`extract::pack`), on this thread: what the workers
    /// allocated for them is all freed, for the next batch to reuse.
    pub(crate) fn keep(&mut self, mut checked: Vec<record::Checked>, sentences: bool) {
        extract::pack(
            &mut checked
                .iter_mut()
                .filter(|c| !c.rebuilt)
                .map(|c| &mut c.extraction)
                .collect::<Vec<_>>(),
        );
        // The run's claims, reserved once from the first batch's rate (per
        // document, times the documents the run expects): grown by
        // doubling, 23,000 claims were copied and faulted in several times.
        if self.claims.capacity() == 0 && !checked.is_empty() {
            let found: usize = checked.iter().map(|c| c.extraction.claims.len()).sum();
            let expected = self.documents.capacity().max(checked.len());
            self.claims.reserve(found * expected / checked.len() + found);
        }
        for mut c in checked {
            c.entry.source = c.extraction.source.clone();
            // The suppressed claims keep their own copy of the source: it
            // names the same document.
            if sentences {
                for (claim, sentence) in c.extraction.claims.iter().zip(c.sentences) {
                    let place: Place = (claim.path().into(), claim.span.line, claim.span.start, claim.span.end);
                    self.sentences.insert(place, sentence);
                }
            }
            self.documents.push(c.entry);
            self.claims.append(&mut c.extraction.claims);
            self.warnings.append(&mut c.extraction.warnings);
            self.suppressed.append(&mut c.suppressed);
        }
    }
}

/// Hands memory that was freed, but that the allocator still holds, back to
/// the system. glibc keeps one heap per thread and rarely shrinks them:
/// compiling the rules and listing the files leave tens of MiB of freed
/// scratch memory in the main thread's heap, which extraction (on the worker
/// threads, with their own heaps) never reuses; each batch leaves its texts'
/// memory in the workers' heaps. Without this, that memory stays resident for
/// the whole run. It costs a walk over the free lists (no measurable time
/// per batch). glibc only; elsewhere, nothing to do.
pub fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` has no precondition: glibc documents it as
    // safe to call at any time from any thread (MT-Safe; it takes each
    // arena's lock itself, so it cannot race the worker threads' own
    // allocations). It only gives back pages that hold no allocation, so no
    // pointer the program holds is invalidated; the argument 0 (keep no
    // padding at the top of the heap) is valid, and its result (whether
    // anything was given back) is not needed. Declared by the `libc` crate
    // with glibc's signature, and compiled only where glibc is the allocator.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Frees a run's data on another thread: freeing 10,000 documents' claims
/// takes milliseconds that the answer need not wait for (the process ends,
/// or a library caller goes on, while it happens).
pub fn free_elsewhere<T: Send + 'static>(data: T) {
    // Without a thread, the data is freed here, with the closure.
    let _ = std::thread::Builder::new().spawn(move || drop(data));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Memory freed on several threads is handed back while other
    /// allocations are live, on this thread and others: every live one keeps
    /// its contents, and allocating goes on working (`malloc_trim`, the one
    /// `unsafe` call of the run's memory management).
    #[test]
    fn freed_memory_is_handed_back_without_touching_live_allocations() {
        let live: Vec<Vec<u8>> = (0..64u8).map(|i| vec![i; 4096]).collect();
        std::thread::scope(|s| {
            for t in 0..4u8 {
                s.spawn(move || {
                    let kept = vec![t; 1 << 16];
                    let freed: Vec<Vec<u8>> = (0..256).map(|_| vec![t; 1 << 14]).collect();
                    drop(freed);
                    release_freed_memory();
                    assert!(kept.iter().all(|&b| b == t));
                });
            }
            // While the workers allocate and trim, this thread trims too.
            release_freed_memory();
        });
        release_freed_memory();
        assert!(live
            .iter()
            .enumerate()
            .all(|(i, v)| v.len() == 4096 && v.iter().all(|&b| usize::from(b) == i)));
        let again = vec![7u8; 1 << 20];
        assert_eq!(again.iter().map(|&b| u64::from(b)).sum::<u64>(), 7 << 20);
    }

    /// Data given to `free_elsewhere` is dropped, on another thread.
    #[test]
    fn data_freed_elsewhere_is_dropped() {
        struct Flag(std::sync::mpsc::Sender<std::thread::ThreadId>);
        impl Drop for Flag {
            fn drop(&mut self) {
                let _ = self.0.send(std::thread::current().id());
            }
        }
        let (sender, receiver) = std::sync::mpsc::channel();
        free_elsewhere(Flag(sender));
        let dropped_on = receiver.recv().expect("the data is dropped");
        assert_ne!(dropped_on, std::thread::current().id());
    }
}
