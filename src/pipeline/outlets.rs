//! Each outlet one name across a run, whatever case, spacing or alias its
//! articles write it with.

use crate::report::DocumentEntry;
use crate::{corpus, extract, suppress};

/// Gives each outlet one name, so that the comparison (which groups claims
/// by outlet name) sees `AFP`, `afp` and an alias as one outlet: names are
/// compared without case and spaces ([`corpus::outlet_key`]); a name the
/// configuration's aliases know becomes its canonical name (`outlet_source:
/// alias`); otherwise the first of the names written alike, in byte order
/// (`AFP` before `afp`), is used. Chosen from the whole run's names, never
/// from the order documents were read in: the output stays deterministic.
pub(super) fn one_name_per_outlet(
    documents: &mut [DocumentEntry],
    claims: &mut [extract::Claim],
    suppressed: &mut [suppress::Suppressed],
    aliases: &std::collections::BTreeMap<String, String>,
) {
    use std::collections::{BTreeMap, BTreeSet, HashMap};
    use std::sync::Arc;
    let mut known: BTreeMap<String, &str> = BTreeMap::new();
    for (alias, canonical) in aliases {
        known.insert(corpus::outlet_key(canonical), canonical);
        known.insert(corpus::outlet_key(alias), canonical);
    }
    // Each distinct name once (a run has a few outlets and many documents).
    let names: BTreeSet<&str> = documents.iter().map(|d| &*d.source.outlet).collect();
    let mut written: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for name in names {
        written.entry(corpus::outlet_key(name)).or_default().insert(name);
    }
    // Each name that changes, and what it becomes (and whether by an alias).
    let mut renamed: HashMap<String, (Arc<str>, bool)> = HashMap::new();
    for (key, names) in &written {
        let (name, by_alias) = match known.get(key) {
            Some(canonical) => (*canonical, true),
            None => (names.first().copied().unwrap_or_default(), false),
        };
        for written in names {
            if *written != name || by_alias {
                renamed.insert(written.to_string(), (Arc::from(name), by_alias));
            }
        }
    }
    if renamed.is_empty() {
        return;
    }
    // One new source per source renamed, shared again by its claims.
    let mut sources: HashMap<*const extract::Source, Arc<extract::Source>> = HashMap::new();
    let mut rename = |source: &mut Arc<extract::Source>| -> Option<bool> {
        let (name, by_alias) = renamed.get(&*source.outlet)?;
        if source.outlet == *name {
            return Some(*by_alias);
        }
        let new = sources.entry(Arc::as_ptr(source)).or_insert_with(|| {
            let mut copy = (**source).clone();
            copy.outlet = name.clone();
            Arc::new(copy)
        });
        *source = new.clone();
        Some(*by_alias)
    };
    for d in documents.iter_mut() {
        let before = d.source.outlet.clone();
        if let Some(by_alias) = rename(&mut d.source) {
            if before != d.source.outlet {
                d.outlet_written = Some(Box::from(&*before));
            }
            if by_alias {
                d.outlet_source = corpus::OutletSource::Alias;
            }
        }
    }
    for c in claims.iter_mut() {
        rename(&mut c.source);
    }
    for s in suppressed.iter_mut() {
        rename(&mut s.claim.source);
    }
}
