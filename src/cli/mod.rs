//! The command line's arguments (clap), defined once: the commands, and the
//! flags they share. Each command's own arguments, and the options they give
//! the library, are in a file of their own.

pub mod check;
pub mod normalize;
pub mod rules;
pub mod shard;

use clap::{Parser, Subcommand, ValueEnum};
use recoupe::app::Format;
use recoupe::config::{Config, FailOn};
use recoupe::language::Lang;
use std::path::PathBuf;

/// Cross-check facts between news outlets.
///
/// recoupe reads a corpus of articles, extracts the claims that YAML rules
/// describe (dates, deadlines, counts), normalises their values (French number
/// words, hedges such as « au moins », dates relative to the publication date)
/// and reports which claims agree, which contradict and which rest on a single
/// source.
#[derive(Parser)]
#[command(name = "recoupe", version, propagate_version = true, max_term_width = 100)]
#[command(
    after_help = "Examples:\n  recoupe check                      # the articles of corpus/ against the rules of rules/\n  recoupe check corpus --format json # the machine-readable report\n  recoupe normalize --kind date --published 2025-07-22 mercredi\n\nExit codes: 0 no contradiction, 1 contradiction(s) (or what --fail-on names), 2 error (bad\narguments, invalid rules or configuration, unreadable path). --exit-zero: 0 or 2.\n\nConfiguration: recoupe.toml in the current folder or a parent (see --config)."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Threads that read and check articles (default: one per core). The
    /// report is the same, byte for byte, whatever the number.
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
    /// The configuration file. Default: `recoupe.toml` in the current folder
    /// or the nearest parent; its paths are relative to its folder, and the
    /// command line wins over it.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Say on standard error which configuration file the run uses.
    #[arg(long, short, global = true)]
    pub verbose: bool,
}

#[derive(Subcommand)]
pub enum Command {
    /// Check articles against each other and report agreements and contradictions.
    ///
    /// Every article below the given paths (files, or folders walked for *.md,
    /// *.markdown, *.txt and *.jsonl) is read; claims are extracted with the
    /// rules and compared between outlets. A bad article becomes a warning; the
    /// others are still checked.
    ///
    /// A JSON Lines file (*.jsonl or *.ndjson) holds one article per line, an
    /// object with `outlet`, `published` (YYYY-MM-DD), `lang`, `title`, `text`
    /// and optionally `id` and `url`. It is read one line at a time, however
    /// large; its claims point at the file, the record's line and the column
    /// of the quote in that line as written (escapes counted).
    #[command(
        after_help = "Examples:\n  recoupe check                                   # corpus/ with rules/\n  recoupe check corpus --new corpus/new.md        # CI: only what the new article changes\n  recoupe check corpus archive.jsonl              # articles one per line, streamed\n  recoupe check --new - < article.md              # a draft from standard input\n  recoupe check --format sarif -o recoupe.sarif   # for code scanning\n  recoupe check --format html -o report.html      # a page for editors\n  recoupe check --report-lang fr                  # the report in French\n  recoupe check --write-baseline baseline.json    # accept today's contradictions\n  recoupe check --baseline baseline.json          # fail only on new ones\n\nExit codes: 0 no contradiction (or only baseline-accepted ones), 1 at least one contradiction\n(in CI mode: one that involves a new article), 2 error (bad arguments, invalid rules,\nunreadable path or baseline)."
    )]
    Check(check::CheckArgs),
    /// Extract the claims of part of a corpus into a shard file, for `recoupe compare`.
    ///
    /// Reads the articles below the given paths (as `check` does, through the
    /// claims cache) and writes one JSON line per document: its metadata, claims
    /// and warnings, after a header line that names the rule set. Run it on each
    /// part of an archive, anywhere (another machine, a cluster job), then
    /// `recoupe compare` the shards on one machine: the report is the one
    /// `check` gives for the whole corpus. The paths are kept as given, so run
    /// every extract from the same folder as the final report expects.
    #[command(after_help = "Examples:
  recoupe extract corpus/2024 --output shard-2024.jsonl
  recoupe extract corpus/2025 --output shard-2025.jsonl
  recoupe compare shard-*.jsonl                           # = recoupe check corpus

  # four shards on four cores (GNU parallel), one report:
  find corpus -name '*.md' > files.txt && split -n r/4 files.txt part-
  parallel recoupe extract --files-from {} --output {}.jsonl ::: part-*
  recoupe compare part-*.jsonl --format json --output report.json

  # in a Spark job: an RDD of paths, one shard per partition
  paths.pipe(\"recoupe extract --files-from - --rules /shared/rules\")

See docs/scale.md. Exit codes: 0 written, 2 error (invalid rules, unreadable path).")]
    Extract(shard::ExtractArgs),
    /// Compare the shards `recoupe extract` wrote: the report `check` gives for the whole corpus.
    ///
    /// Reads every shard (one JSON line at a time), refuses shards of different
    /// rule sets, and compares their claims as `check` does: the same report,
    /// byte for byte, in every format, with the same flags and exit codes.
    /// No rule files are needed: each shard carries what reports need of its rules.
    #[command(after_help = "Examples:
  recoupe compare shard-*.jsonl                              # the memo, as check prints it
  recoupe compare shard-*.jsonl --format json -o report.json
  recoupe compare shard-*.jsonl --new corpus/new.md          # CI: only what the new article changes
  recoupe compare shard-*.jsonl --baseline baseline.json     # fail only on new contradictions

Exit codes: 0 no contradiction, 1 contradiction(s) (or what --fail-on names), 2 error
(unreadable or malformed shard, shards of different rule sets, bad arguments).")]
    Compare(shard::CompareArgs),
    /// Show how recoupe reads a phrase: prints the value object as JSON.
    ///
    /// Rule authors use it to see what the engine understands. Exits 1 when the
    /// text holds no value of that kind.
    #[command(
        after_help = "Examples:\n  recoupe normalize --kind number \"1,5 million\"\n  recoupe normalize --kind number \"au moins 500\"\n  recoupe normalize --kind duration \"48 heures\"\n  recoupe normalize --kind date --published 2025-07-22 jeudi\n  recoupe normalize --lang en --kind number \"at least 1,000\"\n  recoupe normalize --lang en --kind date --published 2025-07-22 \"next Thursday\""
    )]
    Normalize(normalize::NormalizeArgs),
    /// Work with rule files.
    Rules {
        #[command(subcommand)]
        command: rules::RulesCommand,
    },
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  recoupe completions bash > ~/.local/share/bash-completion/completions/recoupe\n  recoupe completions zsh > ~/.zfunc/_recoupe\n  recoupe completions fish > ~/.config/fish/completions/recoupe.fish"
    )]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `recoupe man > recoupe.1 && man ./recoupe.1`.
    Man,
}

/// The claims cache flags, shared by the commands that extract.
#[derive(clap::Args)]
pub struct CacheArgs {
    /// Read and extract every article, without the claims cache (nothing is
    /// read from it or written to it; wins over --cache). Also set by the
    /// RECOUPE_NO_CACHE environment variable (`1`, `true`).
    #[arg(
        long,
        env = "RECOUPE_NO_CACHE",
        hide_env = true,
        value_parser = clap::builder::BoolishValueParser::new()
    )]
    no_cache: bool,
    /// The claims cache file: each article's claims, kept between runs and
    /// keyed by the article's content and the rules, so that a run reads
    /// again only what changed. Default: the configuration's `cache`, else
    /// `.recoupe/cache.sqlite` in the project's root (beside recoupe.toml,
    /// else the current folder). A file there that is not a recoupe cache is
    /// replaced.
    #[arg(long, value_name = "FILE")]
    cache: Option<PathBuf>,
}

impl CacheArgs {
    pub fn path(self, config: &recoupe::config::Config) -> Option<PathBuf> {
        (!self.no_cache).then(|| config.cache_path(self.cache))
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ListFormatArg {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

impl ColorArg {
    /// Whether to colour an output: `terminal`, whether it is one;
    /// `no_color`, whether NO_COLOR asks for none.
    pub fn on(self, terminal: bool, no_color: bool) -> bool {
        match self {
            ColorArg::Auto => terminal && !no_color,
            ColorArg::Always => true,
            ColorArg::Never => false,
        }
    }
}

/// What the run's outputs are attached to, for the choices `auto` leaves
/// to them (colours, the progress bar).
pub struct Terminals {
    /// Standard output is a terminal.
    pub out: bool,
    /// Standard error is a terminal.
    pub err: bool,
    /// The NO_COLOR environment variable is set and not empty.
    pub no_color: bool,
}

/// The report flags `check` and `compare` share, the configuration
/// applied: the command line wins over the file.
pub struct ReportChoice {
    pub format: Format,
    pub lang: Lang,
    pub fail_on: FailOn,
}

impl ReportChoice {
    pub fn new(config: &Config, format: Option<Format>, lang: Option<Lang>, fail_on: Option<FailOn>) -> ReportChoice {
        ReportChoice {
            format: format.or(config.format).unwrap_or(Format::Human),
            lang: lang
                .or(config.report_lang)
                .unwrap_or_else(|| recoupe::report::words::lang_from_env(std::env::var("LANG").ok().as_deref())),
            fail_on: fail_on.or(config.fail_on).unwrap_or_default(),
        }
    }
}
