//! How a rule's regexes are built (the engines each role needs, the size
//! limits) and the search caches each thread keeps for them.

use super::Pattern;
use regex_automata::meta::{self, Regex};
use regex_automata::util::syntax;
use regex_automata::PatternID;

/// The most memory one compiled pattern may take. A placeholder-heavy pattern
/// needs well under 2 MiB; the limit stops a runaway repetition (`(a{1000}){1000}`)
/// from exhausting memory at compile time.
pub const REGEX_SIZE_LIMIT: usize = 16 * 1024 * 1024;

/// The lazy DFA's cache for one pattern's locator. The default (2 MiB) is too small for
/// the placeholder expressions: the DFA gives up and the slow PikeVM runs
/// instead (measured: 3.6 s instead of 1.1 s on 1000 generated articles).
/// Per thread and pattern, so it also bounds memory. Smaller caches were
/// measured to thrash (the DFA rebuilds states, then gives up for the PikeVM):
/// 8 MiB cost 60% more CPU time.
pub const DFA_CACHE_LIMIT: usize = 16 * 1024 * 1024;

/// What a compiled regex is for, which decides the engines it is built with.
///
/// Every engine a meta regex holds costs memory in proportion to the NFA, and
/// the placeholders make each pattern's NFA large (≈ 7,500 states): the
/// compiled rules and each thread's caches were most of recoupe's fixed
/// memory. So each regex gets only the engines its searches use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The pattern as written, run with captures in a small window around a
    /// candidate. Its Unicode word boundaries make the lazy DFA give up on
    /// French text, so the DFA (and the reverse NFA it needs) would be
    /// compiled and cached for nothing: the bounded backtracker and the
    /// PikeVM do the work.
    Exact,
    /// A value finder's pattern as written, for which only the span of each
    /// match counts: no captures, so the lazy DFA can run it. It gives up
    /// only when it meets a non-ASCII byte before the match is decided
    /// (the PikeVM then takes over), and the window around a figure is
    /// mostly ASCII: 15–25% less CPU on claim-dense corpora (measured).
    /// Not the bounded backtracker: it clears a bit per NFA state and byte
    /// of the window before each search (≈ 7,500 states × 100 bytes), and
    /// that clearing alone was 7% of all instructions on a claim-dense
    /// corpus; the PikeVM clears nothing (2.3% fewer instructions overall,
    /// callgrind on 2 MiB).
    /// A value finder has a cache of its own, never reset for another
    /// pattern (a meta cache cannot be reset across strategies).
    ExactSpans,
    /// The pattern without word boundaries, run over whole articles: the
    /// lazy DFA, forward then reverse for the start. It never needs captures,
    /// nor the backtracker, which would only keep a bit set per thread.
    Locator,
}

/// Builds a case-insensitive regex with the size limits of rule patterns.
///
/// recoupe uses `regex_automata`'s meta regex rather than `regex::Regex`:
/// the same engines, but the search caches are held by the caller, one per
/// thread, where `regex::Regex` shares a pool whose lock made 2 threads
/// slower than 1 (measured).
pub fn build_regex(pattern: &str, role: Role) -> Result<Regex, Box<meta::BuildError>> {
    let config = Regex::config().nfa_size_limit(Some(REGEX_SIZE_LIMIT));
    let config = match role {
        Role::Exact => config.hybrid(false).dfa(false).onepass(false),
        Role::ExactSpans => config
            .hybrid_cache_capacity(DFA_CACHE_LIMIT)
            .dfa(false)
            .onepass(false)
            .backtrack(false),
        Role::Locator => config
            .hybrid_cache_capacity(DFA_CACHE_LIMIT)
            .which_captures(regex_automata::nfa::thompson::WhichCaptures::Implicit)
            .backtrack(false)
            .onepass(false)
            .dfa(false),
    };
    Regex::builder()
        .syntax(syntax::Config::new().case_insensitive(true))
        .configure(config)
        .build(pattern)
        .map_err(Box::new)
}

/// The names of a compiled pattern's capture groups.
pub fn group_names(regex: &Regex) -> impl Iterator<Item = &str> {
    regex.group_info().pattern_names(PatternID::ZERO).flatten()
}

/// One thread's search caches for every pattern of a rule set: searches
/// never share mutable state between threads.
#[derive(Debug, Clone)]
pub struct Caches {
    /// `[rule][pattern]`.
    pub patterns: Vec<Vec<PatternCache>>,
    /// The exact patterns' cache, one for all of them.
    pub exact: ExactCache,
    /// One per value finder of the rule set, with its own exact cache: the
    /// finders run on every article, several times each (once per span of
    /// sentences), and a cache shared with the rule patterns would be reset
    /// (its tables cleared) at every switch.
    pub finders: Vec<(PatternCache, ExactCache)>,
    /// The frame gate's lazy DFA cache, made when the gate first runs.
    pub gate: Option<regex_automata::hybrid::dfa::Cache>,
    /// The articles this thread has read with frames: the gate runs from
    /// the [`GATE_AFTER`]th on.
    pub articles: usize,
}

/// A thread uses the frame gate from its this-many-th article on: below,
/// compiling it costs more than it saves. The gate never changes what is
/// read (it only skips articles that would give nothing), so where it
/// starts does not change the output.
pub const GATE_AFTER: usize = 32;

/// What one pattern keeps from one document to the next: its locator's lazy
/// DFA (states built on one article serve the next) and a place for the
/// exact pattern's captures. Empty until the pattern first runs: making it
/// does not build the pattern's regexes.
#[derive(Debug, Clone, Default)]
pub struct PatternCache {
    pub state: Option<meta::Cache>,
}

impl PatternCache {
    pub fn new(_pattern: &Pattern) -> PatternCache {
        PatternCache::default()
    }
}

/// One cache for every exact pattern a thread runs, handed from pattern to
/// pattern. The exact patterns run on the PikeVM and the bounded
/// backtracker, whose tables are sized by the pattern's NFA and learn
/// nothing worth keeping between searches: one per pattern kept 7 MiB per
/// thread for the shipped rules, most of it idle; shared, it is as large as
/// the largest pattern needs. Switching pattern resizes the tables in place
/// (`meta::Cache::reset`). A value finder's exact regex also has a lazy DFA
/// ([`Role::ExactSpans`]), which a reset cannot switch to or from: each
/// finder keeps an `ExactCache` of its own.
#[derive(Debug, Clone, Default)]
pub struct ExactCache {
    /// The cache, and the [`Pattern::id`] it is set up for.
    cache: Option<(u64, meta::Cache)>,
}

impl ExactCache {
    /// The cache, set up for the exact regex `regex` of the pattern `id`.
    pub fn for_pattern(&mut self, id: u64, regex: &Regex) -> &mut meta::Cache {
        let (at, cache) = self.cache.get_or_insert_with(|| (id, regex.create_cache()));
        if *at != id {
            cache.reset(regex);
            *at = id;
        }
        cache
    }
}
