//! `recoupe.toml`: a project's configuration, found in the current folder or
//! the nearest parent (or named with `--config FILE`).
//!
//! ```toml
//! rules = "rules"                 # the folder of rule files
//! paths = ["corpus"]              # what `recoupe check` reads by default
//! exclude = ["drafts", "**/*.draft.md"]
//! format = "human"                # human, json, sarif, github, junit, markdown, html
//! report_lang = "fr"              # fr or en
//! fail_on = "contradiction"       # contradiction, single-source or warning
//! cache = ".recoupe/cache.sqlite" # the claims cache (default)
//!
//! [outlets.aliases]
//! AFP = ["Agence France-Presse", "afp.com"]
//! ```
//!
//! Paths in the file are relative to its folder, the project's root: a run
//! from a subfolder reads the same rules and corpus. The command line wins
//! over the file. An unknown key or a wrong value is an error with the
//! file, line and column, and a suggestion, as in rule files.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The name looked for in the current folder and its parents.
pub const FILE_NAME: &str = "recoupe.toml";

/// The file as written. `deny_unknown_fields`: a misspelt key must not be
/// silently ignored (a `ruels` key would check nothing with no error).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    rules: Option<String>,
    paths: Option<Vec<String>>,
    exclude: Option<Vec<String>>,
    format: Option<FormatName>,
    report_lang: Option<LangName>,
    fail_on: Option<FailOn>,
    cache: Option<String>,
    outlets: Option<RawOutlets>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOutlets {
    /// A canonical name and the other names it is written as.
    #[serde(default)]
    aliases: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
enum FormatName {
    Human,
    Json,
    Sarif,
    Github,
    Junit,
    Markdown,
    Html,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
enum LangName {
    Fr,
    En,
}

/// Which findings fail the run (exit 1): `--fail-on` and `fail_on`. Each
/// level includes the ones before it; a contradiction is the default, and a
/// warning is an article that could not be read well. Each variant's comment
/// is its line in `--help`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum FailOn {
    /// A contradiction no baseline accepts.
    #[default]
    Contradiction,
    /// That, or a single-source subject.
    SingleSource,
    /// Any of those, or a warning.
    Warning,
}

/// The configuration a run uses, its paths resolved against its folder.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file, as found (relative to the current folder when found by
    /// walking up: `recoupe.toml`, `../../recoupe.toml`); `None` when there
    /// is none.
    pub file: Option<PathBuf>,
    pub rules: Option<PathBuf>,
    pub paths: Option<Vec<PathBuf>>,
    pub exclude: Vec<String>,
    pub format: Option<crate::app::Format>,
    pub report_lang: Option<crate::language::Lang>,
    pub fail_on: Option<FailOn>,
    /// The claims cache file (`cache`), resolved against the file's folder.
    pub cache: Option<PathBuf>,
    /// Canonical outlet name of each alias, as written in the file.
    pub aliases: BTreeMap<String, String>,
}

impl Config {
    /// The folder the file's paths are relative to (`.` without a file).
    pub fn dir(&self) -> PathBuf {
        match self.file.as_deref().and_then(Path::parent) {
            Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
            _ => PathBuf::from("."),
        }
    }

    /// The rules folder: the command line's, else the file's, else `rules/`
    /// beside the file (or in the current folder).
    pub fn rules_dir(&self, given: Option<PathBuf>) -> PathBuf {
        given
            .or_else(|| self.rules.clone())
            .unwrap_or_else(|| self.beside("rules"))
    }

    /// The paths to check: the command line's, else the file's, else
    /// `corpus/` beside the file (or in the current folder).
    pub fn check_paths(&self, given: Vec<PathBuf>) -> Vec<PathBuf> {
        if !given.is_empty() {
            return given;
        }
        self.paths.clone().unwrap_or_else(|| vec![self.beside("corpus")])
    }

    /// The claims cache: the command line's (`--cache`), else the file's,
    /// else `.recoupe/cache.sqlite` in the project's root (the file's
    /// folder, or the current folder without a file).
    pub fn cache_path(&self, given: Option<PathBuf>) -> PathBuf {
        given
            .or_else(|| self.cache.clone())
            .unwrap_or_else(|| self.beside(crate::cache::DEFAULT_PATH))
    }

    /// `name` in the file's folder; as written without a file or when the
    /// file is in the current folder, so that paths read as before.
    fn beside(&self, name: &str) -> PathBuf {
        let dir = self.dir();
        if dir == Path::new(".") {
            PathBuf::from(name)
        } else {
            dir.join(name)
        }
    }
}

/// A problem in a configuration file, with its place.
#[derive(Debug, Clone)]
pub struct ConfigError {
    /// The file as shown.
    pub file: String,
    pub message: String,
    /// The file's text, for the snippet (empty when it could not be read).
    pub source: String,
    /// Byte range of what is wrong.
    pub span: std::ops::Range<usize>,
    pub help: Option<String>,
}

impl ConfigError {
    /// 1-based line and column (in characters), when the place is known.
    pub fn line_column(&self) -> Option<(usize, usize)> {
        (!self.source.is_empty()).then(|| crate::corpus::line_column(&self.source, self.span.start))
    }
}

/// The configuration file of a run started in `cwd`: `recoupe.toml` there or
/// in the nearest parent, as a path relative to `cwd`.
pub fn discover(cwd: &Path) -> Option<PathBuf> {
    for (up, dir) in cwd.ancestors().enumerate() {
        if dir.join(FILE_NAME).is_file() {
            let mut path = PathBuf::new();
            for _ in 0..up {
                path.push("..");
            }
            path.push(FILE_NAME);
            return Some(path);
        }
    }
    None
}

/// The configuration of a run: `explicit` (`--config FILE`) or the file
/// found from the current folder; the default one when there is none.
pub fn find_and_load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
    let file = match explicit {
        Some(path) => Some(path.to_path_buf()),
        None => std::env::current_dir().ok().and_then(|cwd| discover(&cwd)),
    };
    match file {
        None => Ok(Config::default()),
        Some(file) => load(&file),
    }
}

/// Reads and checks one configuration file.
pub fn load(file: &Path) -> Result<Config, ConfigError> {
    let shown = file.display().to_string();
    let text = std::fs::read_to_string(file).map_err(|e| ConfigError {
        file: shown.clone(),
        message: format!("cannot read the configuration: {e}"),
        source: String::new(),
        span: 0..0,
        help: Some("give a readable TOML file to --config, or remove it".into()),
    })?;
    parse(file, &text)
}

/// The keys the file may have at its top level, for suggestions.
const TOP_KEYS: &[&str] = &[
    "rules",
    "paths",
    "exclude",
    "format",
    "report_lang",
    "fail_on",
    "cache",
    "outlets",
];

/// Checks a configuration's text; `file` is where it was read from.
pub fn parse(file: &Path, text: &str) -> Result<Config, ConfigError> {
    let raw: Raw = toml::from_str(text).map_err(|e| diagnose(file, text, &e))?;
    let mut config = Config {
        file: Some(file.to_path_buf()),
        ..Config::default()
    };
    let dir = config.dir();
    let resolve = |p: &str| {
        let p = Path::new(p);
        if p.is_absolute() || dir == Path::new(".") {
            p.to_path_buf()
        } else {
            dir.join(p)
        }
    };
    config.rules = raw.rules.as_deref().map(resolve);
    config.paths = raw.paths.map(|paths| paths.iter().map(|p| resolve(p)).collect());
    config.exclude = raw.exclude.unwrap_or_default();
    config.format = raw.format.map(|f| match f {
        FormatName::Human => crate::app::Format::Human,
        FormatName::Json => crate::app::Format::Json,
        FormatName::Sarif => crate::app::Format::Sarif,
        FormatName::Github => crate::app::Format::Github,
        FormatName::Junit => crate::app::Format::Junit,
        FormatName::Markdown => crate::app::Format::Markdown,
        FormatName::Html => crate::app::Format::Html,
    });
    config.report_lang = raw.report_lang.map(|l| match l {
        LangName::Fr => crate::language::Lang::Fr,
        LangName::En => crate::language::Lang::En,
    });
    config.fail_on = raw.fail_on;
    config.cache = raw.cache.as_deref().map(resolve);
    for (canonical, aliases) in raw.outlets.unwrap_or_default().aliases {
        for alias in aliases {
            config.aliases.insert(alias, canonical.clone());
        }
    }
    Ok(config)
}

/// A TOML or serde error as a diagnostic with its place; an unknown key
/// gets the nearest known one as a suggestion.
fn diagnose(file: &Path, text: &str, e: &toml::de::Error) -> ConfigError {
    let span = e.span().unwrap_or(0..0);
    let message = e.message().trim().to_string();
    let help = match unknown_field(&message) {
        Some(key) => {
            let known: Vec<&str> = message
                .split_once("expected")
                .map(|(_, list)| list.split('`').skip(1).step_by(2).collect())
                .filter(|k: &Vec<&str>| !k.is_empty())
                .unwrap_or_else(|| TOP_KEYS.to_vec());
            Some(match closest(key, &known) {
                Some(near) => format!("did you mean `{near}`? The keys here are: {}", known.join(", ")),
                None => format!("the keys here are: {}", known.join(", ")),
            })
        }
        None => Some("see the configuration in README.md (recoupe.toml)".to_string()),
    };
    ConfigError {
        file: file.display().to_string(),
        message,
        source: text.to_string(),
        span,
        help,
    }
}

/// The key of serde's "unknown field `key`, expected …".
fn unknown_field(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("unknown field `")?;
    rest.split('`').next()
}

/// The known word nearest to `word`, when it is near enough to be a typo.
fn closest<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (edit_distance(word, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3))
        .min()
        .map(|(_, k)| k)
}

/// Levenshtein distance, in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb)).min(row[j] + 1).min(above + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_key_has_its_place_and_a_suggestion() {
        let text = "rules = \"rules\"\nrulez = \"x\"\n";
        let e = parse(Path::new("recoupe.toml"), text).unwrap_err();
        assert_eq!(e.line_column(), Some((2, 1)));
        assert!(e.message.contains("unknown field `rulez`"), "{}", e.message);
        assert!(
            e.help.as_deref().unwrap().starts_with("did you mean `rules`?"),
            "{:?}",
            e.help
        );
        let nested = parse(Path::new("recoupe.toml"), "[outlets]\nalias = {}\n").unwrap_err();
        assert_eq!(nested.line_column(), Some((2, 1)));
        assert!(
            nested.help.as_deref().unwrap().contains("`aliases`"),
            "{:?}",
            nested.help
        );
    }

    #[test]
    fn a_wrong_value_has_its_place() {
        let e = parse(Path::new("recoupe.toml"), "format = \"xml\"\n").unwrap_err();
        assert_eq!(e.line_column(), Some((1, 10)));
        assert!(e.message.contains("xml"), "{}", e.message);
    }

    #[test]
    fn paths_are_relative_to_the_file() {
        let text = "rules = \"my-rules\"\npaths = [\"articles\", \"/abs\"]\nfail_on = \"single-source\"\n[outlets.aliases]\nAFP = [\"Agence France-Presse\"]\n";
        let c = parse(Path::new("../../recoupe.toml"), text).unwrap();
        assert_eq!(c.rules_dir(None), PathBuf::from("../../my-rules"));
        assert_eq!(
            c.check_paths(Vec::new()),
            [PathBuf::from("../../articles"), PathBuf::from("/abs")]
        );
        assert_eq!(c.fail_on, Some(FailOn::SingleSource));
        assert_eq!(c.aliases["Agence France-Presse"], "AFP");
        let here = parse(Path::new("recoupe.toml"), "").unwrap();
        assert_eq!(here.rules_dir(None), PathBuf::from("rules"));
        assert_eq!(here.check_paths(Vec::new()), [PathBuf::from("corpus")]);
        let none = Config::default();
        assert_eq!(none.rules_dir(Some("x".into())), PathBuf::from("x"));
    }

    #[test]
    fn the_nearest_file_is_found() {
        let root = std::env::temp_dir().join(format!("recoupe-config-{}", std::process::id()));
        let deep = root.join("a/b");
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(root.join(FILE_NAME), "").unwrap();
        assert_eq!(discover(&deep), Some(PathBuf::from("../../recoupe.toml")));
        assert_eq!(discover(&root), Some(PathBuf::from("recoupe.toml")));
        let _ = std::fs::remove_dir_all(&root);
    }
}
