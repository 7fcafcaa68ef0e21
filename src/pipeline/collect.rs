//! A run rebuilt from shard records (`recoupe compare`): what [`gather`]
//! would have kept, a batch of records at a time.
//!
//! [`gather`]: fn@super::gather

use super::gather::FILES_PER_BATCH;
use crate::claims::Gathered;
use crate::record;
use crate::report::RuleEntry;

/// A run rebuilt from records (`recoupe compare`), one record at a time:
/// what [`gather`](fn@super::gather) would have kept.
pub struct Collect<'a> {
    rebuild: record::Rebuild<'a>,
    gathered: Gathered,
    batch: Vec<record::Checked>,
    sentences: bool,
}

impl<'a> Collect<'a> {
    /// `sentences`: keep each claim's sentence (the HTML page).
    pub fn new(catalog: &'a [RuleEntry], sentences: bool) -> Collect<'a> {
        Collect {
            rebuild: record::Rebuild::new(catalog, sentences),
            gathered: Gathered::default(),
            batch: Vec::new(),
            sentences,
        }
    }

    pub fn add(&mut self, record: &record::Extracted) -> Result<(), String> {
        let (checked, mut warnings) = self.rebuild.checked(record)?;
        self.gathered.warnings.append(&mut warnings);
        self.batch.extend(checked);
        if self.batch.len() >= FILES_PER_BATCH {
            self.gathered.keep(std::mem::take(&mut self.batch), self.sentences);
        }
        Ok(())
    }

    pub fn done(mut self) -> Gathered {
        self.gathered.keep(std::mem::take(&mut self.batch), self.sentences);
        self.gathered
    }
}
