//! All rules of a run: their value finders and the prefilter that names
//! the patterns an article can match, from the words each requires.

use super::{frame, literals, pattern, Caches, ExactCache, Pattern, PatternCache, Rule};
use crate::french::Placeholder;
use crate::language::Lang;

/// All rules of a run, compiled once, and the prefilter over their patterns.
#[derive(Debug, Clone)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    prefilter: Prefilter,
    /// One value finder per placeholder that a frame reads (`{count}`,
    /// `{duration}`, `{date}`): the normaliser's grammar, run once per
    /// article for all frames.
    pub finders: Vec<Pattern>,
    /// Which frames an article may hold, from its raw text
    /// ([`frame_gate`](super::frame_gate)): most articles of an archive
    /// hold none, and are then never read word by word. Built on first use
    /// ([`RuleSet::gate`]).
    gate: std::sync::OnceLock<Option<Box<super::frame_gate::FrameGate>>>,
}

/// The value finder of `placeholder`, compiled once per process: rule sets,
/// `rules test` and `rules explain` share it (its regexes are large, and a
/// compiled regex is shared, not copied, by a clone).
pub fn value_finder(placeholder: Placeholder, lang: Lang) -> Pattern {
    const SLOTS: usize = Placeholder::ALL.len() * Lang::ALL.len();
    static FINDERS: [std::sync::OnceLock<Pattern>; SLOTS] = [const { std::sync::OnceLock::new() }; SLOTS];
    let p = Placeholder::ALL.iter().position(|p| *p == placeholder).unwrap_or(0);
    let l = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    FINDERS[p * Lang::ALL.len() + l]
        .get_or_init(|| compile_value_finder(placeholder, lang))
        .clone()
}

/// A pattern that finds every value of one placeholder in one language: the
/// placeholder's own expression, compiled like a rule pattern (exact regex
/// and locator), on first use: a run whose articles are all French never
/// builds the English finders (half of compiling the shipped rules, which a
/// CI run pays for its one new article). That every finder builds is a test
/// (`every_value_finder_builds`).
fn compile_value_finder(placeholder: Placeholder, lang: Lang) -> Pattern {
    let source = format!("{{{}}}", placeholder.name());
    let expansion = pattern::expand_in(&source, lang).expect("a lone placeholder always expands");
    Pattern::new(
        source,
        expansion.regex,
        expansion.skeleton,
        expansion.locator,
        Some(placeholder),
        lang,
    )
    .for_spans()
}

/// Which patterns can match an article, from the words they require (see
/// [`literals`]): one Aho-Corasick pass over the text.
#[derive(Debug, Clone)]
struct Prefilter {
    automaton: aho_corasick::AhoCorasick,
    /// The words the automaton searches, by pattern id.
    words: Vec<String>,
    /// For each word of `words`, the patterns (indices into `owners`) that
    /// require it or another word of their set.
    wanted_by: Vec<Vec<usize>>,
    /// Patterns without required words: candidates in every article.
    always: Vec<usize>,
    /// `(rule, pattern)` of each pattern, in rule order.
    owners: Vec<(usize, usize)>,
}

impl RuleSet {
    /// Fails only when the prefilter's automaton would be too large (tens of
    /// thousands of rules).
    pub fn new(mut rules: Vec<Rule>) -> Result<RuleSet, aho_corasick::BuildError> {
        frame::Lexicon::build(rules.iter_mut().filter_map(|r| r.frame.as_mut()))?;
        // A rule that revises a fact reads the value a change goes to; the
        // fact it revises, the value the change comes from.
        let revised: std::collections::BTreeSet<String> = rules
            .iter()
            .filter_map(|r| r.revises.as_ref().map(|(s, _)| s.clone()))
            .collect();
        for rule in &mut rules {
            let refuses = match (&rule.revises, revised.contains(&rule.subject.to_string())) {
                (Some(_), _) => Some(frame::ChangeEnd::From),
                (None, true) => Some(frame::ChangeEnd::To),
                (None, false) => None,
            };
            if let Some(f) = rule.frame.as_mut() {
                f.refuses = refuses;
            }
        }
        let mut owners = Vec::new();
        let mut words: Vec<String> = Vec::new();
        let mut wanted_by: Vec<Vec<usize>> = Vec::new();
        let mut always = Vec::new();
        for (r, rule) in rules.iter().enumerate() {
            for (p, pattern) in rule.patterns.iter().enumerate() {
                let owner = owners.len();
                owners.push((r, p));
                match literals::required_literals(&pattern.skeleton) {
                    None => always.push(owner),
                    Some(set) => {
                        for word in set {
                            let at = match words.iter().position(|w| *w == word) {
                                Some(at) => at,
                                None => {
                                    words.push(word);
                                    wanted_by.push(Vec::new());
                                    words.len() - 1
                                }
                            };
                            wanted_by[at].push(owner);
                        }
                    }
                }
            }
        }
        let automaton = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::Standard)
            .build(&words)?;
        // One value finder per placeholder and language that some frame reads.
        let mut placeholders: Vec<(Placeholder, Lang)> = rules
            .iter()
            .filter_map(|r| r.frame.as_ref())
            .flat_map(|f| f.langs.iter().map(|&l| (f.placeholder, l)))
            .collect();
        placeholders.sort();
        placeholders.dedup();
        Ok(RuleSet {
            gate: std::sync::OnceLock::new(),
            finders: placeholders.into_iter().map(|(p, l)| value_finder(p, l)).collect(),
            rules,
            prefilter: Prefilter {
                automaton,
                words,
                wanted_by,
                always,
                owners,
            },
        })
    }

    /// The `(rule, pattern)` pairs whose required words occur in `text`, in
    /// rule order: one pass over the text decides which patterns are worth
    /// running.
    pub fn candidates(&self, text: &str) -> Vec<(usize, usize)> {
        let prefilter = &self.prefilter;
        let mut wanted = vec![false; prefilter.owners.len()];
        for owner in &prefilter.always {
            wanted[*owner] = true;
        }
        let mut left = wanted.iter().filter(|w| !**w).count();
        // Nothing left to decide (no pattern, or all run anyway): the scan
        // would still walk every byte of the article.
        if left == 0 {
            return prefilter.owners.clone();
        }
        for found in prefilter.automaton.find_overlapping_iter(text) {
            if left == 0 {
                break;
            }
            for owner in &prefilter.wanted_by[found.pattern().as_usize()] {
                if !wanted[*owner] {
                    wanted[*owner] = true;
                    left -= 1;
                }
            }
        }
        prefilter
            .owners
            .iter()
            .zip(wanted)
            .filter_map(|(owner, wanted)| wanted.then_some(*owner))
            .collect()
    }

    /// The words each pattern requires, as the prefilter searches them
    /// (`None`: the pattern runs on every article). For `rules explain`.
    pub fn required_words(&self, rule: usize, pattern: usize) -> Option<Vec<&str>> {
        let prefilter = &self.prefilter;
        let owner = prefilter.owners.iter().position(|o| *o == (rule, pattern))?;
        if prefilter.always.contains(&owner) {
            return None;
        }
        let mut words: Vec<&str> = Vec::new();
        for (word, owners) in prefilter.wanted_by.iter().enumerate() {
            if owners.contains(&owner) {
                words.push(prefilter.words[word].as_str());
            }
        }
        Some(words)
    }

    /// Search caches for one thread.
    pub fn caches(&self) -> Caches {
        Caches {
            patterns: self
                .rules
                .iter()
                .map(|r| r.patterns.iter().map(PatternCache::new).collect())
                .collect(),
            exact: ExactCache::default(),
            finders: self
                .finders
                .iter()
                .map(|f| (PatternCache::new(f), ExactCache::default()))
                .collect(),
            gate: None,
            articles: 0,
        }
    }

    /// The frame gate, built on first use: compiling it takes about 10 ms,
    /// which a run of a few articles would not win back.
    pub fn gate(&self) -> Option<&super::frame_gate::FrameGate> {
        self.gate
            .get_or_init(|| {
                super::frame_gate::FrameGate::build(self.rules.iter().map(|r| r.frame.as_ref())).map(Box::new)
            })
            .as_deref()
    }

    /// The value finder of `placeholder` in `lang`, by its index among the
    /// finders.
    pub fn finder(&self, placeholder: Placeholder, lang: Lang) -> Option<usize> {
        self.finders
            .iter()
            .position(|f| f.placeholder == Some(placeholder) && f.lang == lang)
    }

    /// A warning for each pattern whose regexes could not be built when an
    /// article needed them: it read nothing, and the run says so.
    pub fn failures(&self) -> Vec<crate::corpus::Warning> {
        self.rules
            .iter()
            .enumerate()
            .flat_map(|(r, rule)| (0..rule.patterns.len()).map(move |p| (r, p)))
            .filter_map(|(r, p)| self.failure_warning(r, p))
            .collect()
    }

    /// The warning of pattern `pattern` of rule `rule` (indices), when its
    /// regexes could not be built.
    pub fn failure_warning(&self, rule: usize, pattern: usize) -> Option<crate::corpus::Warning> {
        let r = self.rules.get(rule)?;
        let p = r.patterns.get(pattern)?;
        let why = p.failure()?;
        Some(crate::corpus::Warning {
            path: r.file.clone(),
            line: Some(r.line),
            message: format!(
                "rule `{}`: pattern `{}` was not run: {why} (reduce counted repetitions around its placeholder)",
                r.id, p.source
            ),
        })
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The finders are built on first use, in an article's run: each one,
    /// in each language, must build (their expressions are the grammars',
    /// not an editor's).
    #[test]
    fn every_value_finder_builds() {
        for placeholder in Placeholder::ALL {
            for lang in Lang::ALL {
                let finder = value_finder(placeholder, lang);
                assert!(
                    finder.regex().is_some(),
                    "{placeholder:?} in {lang:?}: {:?}",
                    finder.failure()
                );
                assert!(finder.locator().is_some(), "{placeholder:?} in {lang:?}");
            }
        }
    }
}
