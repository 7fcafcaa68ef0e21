//! The compare stage: claims → findings.
//!
//! Claims are grouped by subject. Within a subject, claims from two different
//! outlets are compatible when their intervals meet once widened by the
//! rules' tolerance. Claims of one outlet are never held against each other:
//! an article that updates its own toll is not a contradiction between
//! sources. The work is done on statements (one rule, outlet and value) and
//! on value groups (statements of one value): compatibility is decided once
//! per pair of groups, and only conflicting groups are expanded into pairs.
//!
//! This module groups and judges; whether two values can both be true is
//! `compatibility`'s, and the fingerprints that identify a conflict or a
//! claim across runs are `fingerprints`'.

mod compatibility;
mod fingerprints;
#[cfg(test)]
mod tests;

pub use compatibility::compatible;
pub use fingerprints::{claim_fingerprint, fingerprint, ValueId};

use crate::extract::Claim;
use crate::search::context::CountRole;
use crate::value::{Interval, Range};
use compatibility::compatible_as;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::collections::{BTreeMap, BTreeSet};

/// What the outlets say about one subject, taken together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// At least one pair of outlets states incompatible values.
    Contradiction,
    /// A date announced by some differs from the date others report as
    /// held: "announced for Thursday, held on Wednesday".
    AnnouncementDiverges,
    /// A figure that grows as it is counted (`evolves: up`) was given
    /// higher as time went on, or the subject replaces an earlier fact
    /// (`revises`): each figure was right when it was written.
    Revision,
    /// Two independent sources or more, and every pair is compatible.
    Agreement,
    /// Only one source states it (one outlet, or outlets relaying one
    /// dispatch): nothing to cross-check against.
    SingleSource,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Contradiction => "contradiction",
            Status::AnnouncementDiverges => "announcement_diverges",
            Status::Revision => "revision",
            Status::Agreement => "agreement",
            Status::SingleSource => "single_source",
        }
    }
}

/// The verdict on one subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub subject: String,
    pub status: Status,
    /// Sorted, each once.
    pub outlets: Vec<String>,
    /// The subject's claims, as indices into the compared claims, in claim
    /// order. (Indices, not ids: a large corpus has hundreds of thousands of
    /// claims, and their ids are built only when shown.)
    pub claims: Vec<usize>,
    /// Incompatible pairs of statements, each by its first claim, in claim
    /// order: one pair per distinct conflict (see `conflicting`).
    pub conflicts: Vec<(usize, usize)>,
    /// One fingerprint per conflict, in the same order: see [`fingerprint`].
    pub fingerprints: Vec<String>,
    /// Every claim that takes part in a conflict, with the claim that stands
    /// for its statement in `conflicts` (claims of one rule, outlet and value
    /// make one statement: the conflicts list each pair of statements once,
    /// by their first claims).
    pub conflicting: Vec<(usize, usize)>,
    /// For a figure that evolves: its values from lowest to highest, each
    /// with its claims (in claim order). A revision series rises, so this is
    /// also the order in time wherever the time is known. Empty otherwise.
    pub timeline: Vec<Vec<usize>>,
    /// For a contradiction: the subject's values from lowest to highest,
    /// each with its claims (in claim order). Empty otherwise.
    pub groups: Vec<Vec<usize>>,
    /// For a contradiction: the pairs of `groups` (by index, lower first)
    /// between which some conflict lies, in order. However many outlets
    /// state them, a contradiction is between a handful of values.
    pub incompatible: Vec<(usize, usize)>,
    /// Pairs of statements (by their first claims) where a date announced
    /// (first) differs from the date reported as held (second).
    pub divergences: Vec<(usize, usize)>,
    /// The earlier fact this subject replaces (`revises`), when its rule
    /// names one.
    pub revises: Option<Revised>,
    /// Claims whose sentences are one dispatch printed by several outlets:
    /// each group's first claim is the earliest, then the relays.
    pub relays: Vec<Vec<usize>>,
    /// Outlets that state the subject on their own: relays of one dispatch
    /// count once.
    pub independent_sources: usize,
    /// Whether claims per side and totals were compared (a total is twice
    /// a per-side figure).
    pub roles_converted: bool,
}

/// The earlier fact a subject replaces, as one finding shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revised {
    pub subject: String,
    /// The earlier subject's claims, in claim order.
    pub claims: Vec<usize>,
    /// The first day a claim of the revision was published, when known.
    pub since: Option<jiff::civil::Date>,
    /// Claims of the earlier subject published after that day that give
    /// the old value as current (no word recalls it as earlier).
    pub stale: Vec<usize>,
}

/// Compares the claims of each subject; findings sorted by subject.
pub fn compare(claims: &[Claim]) -> Vec<Finding> {
    compare_with_focus(claims, None)
}

/// Like [`compare`], but when `focus` is given (the new articles of a CI run)
/// keeps only what involves the claims it selects: findings that hold such a
/// claim, and of their conflicts only those with such a claim on one side. A
/// finding whose conflicts are all between older articles becomes an
/// agreement or single-source finding as far as the new claims are concerned.
pub fn compare_with_focus(claims: &[Claim], focus: Option<&Focus<'_>>) -> Vec<Finding> {
    use rayon::prelude::*;
    let mut by_subject: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, claim) in claims.iter().enumerate() {
        by_subject.entry(claim.subject()).or_default().push(i);
    }
    // Each subject on its own, on whichever thread is free; collected in
    // subject order.
    let subjects: Vec<(&&str, &Vec<usize>)> = by_subject.iter().collect();
    let mut findings: Vec<Finding> = subjects
        .par_iter()
        .filter_map(|(subject, group)| judge(subject, claims, group, focus))
        .collect();
    for finding in &mut findings {
        let revised = finding
            .claims
            .iter()
            .find_map(|&i| claims[i].rule.revises.as_deref())
            .map(str::to_string);
        if let Some(revised) = revised {
            let earlier = by_subject.get(revised.as_str()).cloned().unwrap_or_default();
            finding.revises = Some(revision_of(revised, earlier, &finding.claims, claims));
            if finding.status > Status::Revision {
                finding.status = Status::Revision;
            }
        }
    }
    findings
}

/// The earlier fact `revised`, seen from the claims of the fact that
/// replaces it.
fn revision_of(revised: String, earlier: Vec<usize>, later: &[usize], claims: &[Claim]) -> Revised {
    let since = later
        .iter()
        .filter_map(|&i| claims[i].context.as_of)
        .filter(|a| a.from != crate::extract::AsOfFrom::Url)
        .map(|a| a.day)
        .min();
    // An article that states the new value knows of the revision: its old
    // value is recalled, not stated as current.
    let aware: BTreeSet<&str> = later.iter().map(|&i| claims[i].path()).collect();
    let stale = match since {
        None => Vec::new(),
        Some(since) => earlier
            .iter()
            .copied()
            .filter(|&i| {
                let c = &claims[i];
                !c.context.recalled
                    && !aware.contains(c.path())
                    && c.context
                        .as_of
                        .is_some_and(|a| a.day > since && a.from == crate::extract::AsOfFrom::Published)
            })
            .collect(),
    };
    Revised {
        subject: revised,
        claims: earlier,
        since,
        stale,
    }
}

/// Claims that say the same thing: one rule, one outlet, one value, one
/// stance and one role (and, in CI mode, all new or all old). Their
/// conflicts are the same conflicts, so claims are compared class by class:
/// the work grows with the number of distinct statements, not with the
/// square of the number of articles.
struct Class<'a> {
    first: &'a Claim,
    /// `first`'s value's identity.
    value: ValueId<'a>,
    /// Indices into the compared claims; the first is `first`'s.
    members: Vec<usize>,
    focused: bool,
    /// The stance and the role all members share (`None` when they differ
    /// or none is said).
    stance: Option<crate::search::context::Stance>,
    role: Option<CountRole>,
}

type ClassKey<'a> = (&'a str, &'a str, ValueId<'a>, bool);

/// How two statements that cannot both hold at one time stand.
enum Clash {
    /// Incompatible, nothing explains it.
    Contradiction,
    /// A figure that evolves, higher when given later (or at a time that
    /// cannot be ordered): each was right when written.
    Growth,
    /// One announces a date, the other reports the date it was held on.
    AnnouncementDiverges,
}

/// Which claims a CI run is about (those of its new articles).
pub type Focus<'a> = dyn Fn(&Claim) -> bool + Sync + 'a;

fn judge(subject: &str, claims: &[Claim], group: &[usize], focus: Option<&Focus<'_>>) -> Option<Finding> {
    let is_focused = |c: &Claim| focus.is_none_or(|f| f(c));
    if focus.is_some() && !group.iter().any(|&i| is_focused(&claims[i])) {
        return None;
    }
    let evolves = group.iter().any(|&i| claims[i].rule.evolves);
    let mut classes: Vec<Class> = Vec::new();
    let mut index: HashMap<ClassKey, usize> = HashMap::new();
    for &at in group {
        let claim = &claims[at];
        let focused = is_focused(claim);
        let value = ValueId::of(&claim.value);
        let key = (claim.rule(), claim.outlet(), value, focused);
        match index.get(&key) {
            Some(&i) => {
                let class = &mut classes[i];
                class.members.push(at);
                if class.stance != claim.context.stance {
                    class.stance = None;
                }
                if class.role != claim.context.role {
                    class.role = None;
                }
            }
            None => {
                index.insert(key, classes.len());
                classes.push(Class {
                    first: claim,
                    value,
                    members: vec![at],
                    focused,
                    stance: claim.context.stance,
                    role: claim.context.role,
                });
            }
        }
    }
    let roles_converted = {
        let roles: BTreeSet<CountRole> = group.iter().filter_map(|&i| claims[i].context.role).collect();
        roles.len() == 2
    };
    let mut conflicts = Vec::new();
    let mut fingerprints: Vec<String> = Vec::new();
    let mut divergences = Vec::new();
    let mut grew = false;
    let mut in_conflict = vec![false; classes.len()];
    // The fingerprints listed so far, for the check below (a list scan made
    // it quadratic in conflicts).
    let mut listed: HashSet<String> = HashSet::new();
    for (i, j) in incompatible_pairs(&classes) {
        let (a, b) = (&classes[i], &classes[j]);
        if a.first.outlet() == b.first.outlet() || !(a.focused || b.focused) {
            continue;
        }
        match clash(a, b, claims, evolves) {
            Clash::Growth => {
                grew = true;
                continue;
            }
            Clash::AnnouncementDiverges => {
                let pair = if a.stance == Some(crate::search::context::Stance::Planned) {
                    (a.members[0], b.members[0])
                } else {
                    (b.members[0], a.members[0])
                };
                divergences.push(pair);
                continue;
            }
            Clash::Contradiction => {}
        }
        let fingerprint = fingerprint(a.first, b.first);
        // An old and a new class of one outlet and value are one conflict.
        if !listed.insert(fingerprint.clone()) {
            continue;
        }
        conflicts.push((a.members[0], b.members[0]));
        fingerprints.push(fingerprint);
        in_conflict[i] = true;
        in_conflict[j] = true;
    }
    divergences.sort_unstable();
    divergences.dedup();
    let outlets: BTreeSet<&str> = group.iter().map(|&i| claims[i].outlet()).collect();
    let relays = relays(claims, group);
    let relayed: BTreeSet<usize> = relays.iter().flat_map(|r| r[1..].iter().copied()).collect();
    let independent: BTreeSet<&str> = group
        .iter()
        .filter(|i| !relayed.contains(i))
        .map(|&i| claims[i].outlet())
        .collect();
    let independent_sources = independent.len();
    let status = if !conflicts.is_empty() {
        Status::Contradiction
    } else if !divergences.is_empty() {
        Status::AnnouncementDiverges
    } else if grew {
        Status::Revision
    } else if independent_sources >= 2 {
        Status::Agreement
    } else {
        Status::SingleSource
    };
    // Claim indices grow in claim order, so sorting them sorts by claim order.
    let mut conflicting: Vec<(usize, usize)> = Vec::new();
    for (class, _) in classes.iter().zip(&in_conflict).filter(|(_, c)| **c) {
        for &member in &class.members {
            conflicting.push((member, class.members[0]));
        }
    }
    conflicting.sort();
    let timeline = if status == Status::Revision {
        values_in_order(claims, group)
    } else {
        Vec::new()
    };
    let (groups, incompatible) = if status == Status::Contradiction {
        let groups = values_in_order(claims, group);
        let mut group_of: HashMap<usize, usize> = HashMap::new();
        for (g, members) in groups.iter().enumerate() {
            for &i in members {
                group_of.insert(i, g);
            }
        }
        let mut incompatible: Vec<(usize, usize)> = conflicts
            .iter()
            .filter_map(|(a, b)| {
                let (x, y) = (*group_of.get(a)?, *group_of.get(b)?);
                (x != y).then_some((x.min(y), x.max(y)))
            })
            .collect();
        incompatible.sort_unstable();
        incompatible.dedup();
        (groups, incompatible)
    } else {
        (Vec::new(), Vec::new())
    };
    Some(Finding {
        subject: subject.to_string(),
        status,
        outlets: outlets.into_iter().map(str::to_string).collect(),
        claims: group.to_vec(),
        conflicts,
        fingerprints,
        conflicting,
        timeline,
        groups,
        incompatible,
        divergences,
        revises: None,
        relays,
        independent_sources,
        roles_converted,
    })
}

/// The pairs of classes `(i, j)`, `i < j`, whose values cannot both hold
/// and that no stated alternative explains, in that order.
///
/// Classes of one rule that state one value (same unit) in the same stance
/// and role are alike for every check below, so each check runs once per
/// pair of such *value groups*, not once per pair of classes: a subject
/// stated by hundreds of outlets in a handful of values costs the square
/// of the values, and only the groups that conflict are expanded into
/// pairs of classes.
fn incompatible_pairs(classes: &[Class]) -> Vec<(usize, usize)> {
    type GroupKey<'k> = (
        &'k str,
        ValueId<'k>,
        Option<crate::value::Unit>,
        Option<crate::search::context::Stance>,
        Option<CountRole>,
        Option<CountRole>,
    );
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut index: HashMap<GroupKey, usize> = HashMap::new();
    for (i, c) in classes.iter().enumerate() {
        let key = (
            c.first.rule(),
            c.value,
            c.first.value.unit,
            c.stance,
            c.role,
            c.first.context.role,
        );
        match index.get(&key) {
            Some(&g) => groups[g].push(i),
            None => {
                index.insert(key, groups.len());
                groups.push(vec![i]);
            }
        }
    }
    let mut pairs = Vec::new();
    for (g, first) in groups.iter().enumerate() {
        let a = &classes[first[0]];
        for second in &groups[g + 1..] {
            let b = &classes[second[0]];
            if compatible_as(a.first, a.role, b.first, b.role) {
                continue;
            }
            // The check reads the first class's role: it is asked both ways.
            let explained_ab = one_of_stated_alternatives(a.first, b.first, classes);
            let explained_ba = one_of_stated_alternatives(b.first, a.first, classes);
            for &i in first {
                for &j in second {
                    let (pair, explained) = if i < j {
                        ((i, j), explained_ab)
                    } else {
                        ((j, i), explained_ba)
                    };
                    if !explained {
                        pairs.push(pair);
                    }
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs
}

/// Whether two figures are each one of the alternatives another outlet
/// states ("10 ou 12 jours": one outlet writes 10 days, another 12): each
/// reported one branch of what the source said. Not for dates: "mercredi ou
/// jeudi" says the day was unsure, and Wednesday against Thursday stays a
/// contradiction.
fn one_of_stated_alternatives(a: &Claim, b: &Claim, classes: &[Class]) -> bool {
    if a.value.kind == crate::value::Kind::Date {
        return false;
    }
    let (Some(x), Some(y)) = (range_of(a), range_of(b)) else {
        return false;
    };
    classes.iter().any(|c| {
        let stated = c.first;
        if !stated.context.alternatives || c.role != a.context.role {
            return false;
        }
        let Some(r) = range_of(stated) else { return false };
        let branch = |v: &Range| v.intersects(&Range::exact(r.lo)) || v.intersects(&Range::exact(r.hi));
        branch(&x) && branch(&y)
    })
}

/// Why two incompatible statements of one subject differ.
fn clash(a: &Class, b: &Class, claims: &[Claim], evolves: bool) -> Clash {
    use crate::search::context::Stance;
    if evolves {
        let (lower, higher) = if range_of(a.first).is_some_and(|x| range_of(b.first).is_some_and(|y| x.hi <= y.lo)) {
            (a, b)
        } else {
            (b, a)
        };
        // The figure fell: a higher one was given strictly before a lower
        // one, or both at one minute the front matters give. A figure the
        // sentence recalls as an earlier one ("selon les premiers bilans",
        // "initially") speaks of a time before its article's: it cannot
        // show a fall.
        let current = |i: &&usize| !claims[**i].context.recalled;
        let fell = higher.members.iter().filter(current).any(|&h| {
            lower.members.iter().filter(current).any(|&l| {
                let (Some(h), Some(l)) = (claims[h].context.as_of, claims[l].context.as_of) else {
                    return false;
                };
                matches!(
                    h.order(&l, true),
                    Some(std::cmp::Ordering::Less) | Some(std::cmp::Ordering::Equal)
                )
            })
        });
        return if fell { Clash::Contradiction } else { Clash::Growth };
    }
    match (a.stance, b.stance) {
        (Some(Stance::Planned), Some(Stance::Held)) | (Some(Stance::Held), Some(Stance::Planned)) => {
            Clash::AnnouncementDiverges
        }
        _ => Clash::Contradiction,
    }
}

fn range_of(c: &Claim) -> Option<Range> {
    match &c.value.interval {
        Interval::Range(r) => Some(*r),
        Interval::Text(_) => None,
    }
}

/// A subject's values from lowest to highest, each with its claims: the
/// timeline of an evolving figure, the value groups of a contradiction.
fn values_in_order(claims: &[Claim], group: &[usize]) -> Vec<Vec<usize>> {
    let mut steps: Vec<(ValueId, Vec<usize>)> = Vec::new();
    for &i in group {
        let key = ValueId::of(&claims[i].value);
        match steps.iter_mut().find(|(k, _)| *k == key) {
            Some((_, members)) => members.push(i),
            None => steps.push((key, vec![i])),
        }
    }
    let low = |m: &Vec<usize>| range_of(&claims[m[0]]).map_or((0.0, 0.0), |r| (r.lo, r.hi));
    steps.sort_by(|(_, a), (_, b)| {
        let (x, y) = (low(a), low(b));
        x.0.total_cmp(&y.0).then(x.1.total_cmp(&y.1)).then(a[0].cmp(&b[0]))
    });
    steps.into_iter().map(|(_, m)| m).collect()
}

/// Claims of several outlets that stand in one sentence (one dispatch,
/// printed by each): groups of two outlets or more, each led by its
/// earliest claim (by `as_of`, then claim order).
fn relays(claims: &[Claim], group: &[usize]) -> Vec<Vec<usize>> {
    let mut by_sentence: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
    for &i in group {
        let key = claims[i].context.sentence_key;
        if key != 0 {
            by_sentence.entry(key).or_default().push(i);
        }
    }
    let mut relays: Vec<Vec<usize>> = by_sentence
        .into_values()
        .filter(|members| {
            let outlets: BTreeSet<&str> = members.iter().map(|&i| claims[i].outlet()).collect();
            outlets.len() >= 2
        })
        .map(|mut members| {
            let when = |i: usize| claims[i].context.as_of.map(|a| (a.day, a.minute.unwrap_or(u16::MAX)));
            let first = members
                .iter()
                .copied()
                .min_by_key(|&i| (when(i).is_none(), when(i), i))
                .unwrap_or(members[0]);
            members.retain(|&i| i != first);
            members.insert(0, first);
            members
        })
        .collect();
    relays.sort_by_key(|r| r[0]);
    relays
}
