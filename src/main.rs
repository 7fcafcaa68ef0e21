//! The `recoupe` command line: parses arguments and calls the library.

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use recoupe::app::{self, exit, CheckOptions, Format, Output};
use recoupe::config::FailOn;
use recoupe::corpus::{LoadOptions, DEFAULT_MAX_FILE_SIZE};
use recoupe::french::Placeholder;
use recoupe::language::Lang;
use std::io::{IsTerminal, Write};
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
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Threads that read and check articles (default: one per core). The
    /// report is the same, byte for byte, whatever the number.
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// The configuration file. Default: `recoupe.toml` in the current folder
    /// or the nearest parent; its paths are relative to its folder, and the
    /// command line wins over it.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Say on standard error which configuration file the run uses.
    #[arg(long, short, global = true)]
    verbose: bool,
}

#[derive(Subcommand)]
enum Command {
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
    Check {
        /// Articles, JSON Lines files (*.jsonl) or folders of them. Default:
        /// the configuration's `paths`, else `corpus/` (beside recoupe.toml).
        paths: Vec<PathBuf>,
        /// The folder of rule files (*.yaml). Default: the configuration's
        /// `rules`, else `rules/` (beside recoupe.toml).
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
        /// The report format: `human` for people, `json` for scripts (a stable
        /// contract), `sarif` for code scanning, `github` for pull-request
        /// annotations, `junit` for test dashboards, `markdown` for editors,
        /// `html` for a page an editor opens (one self-contained file: use
        /// `--output report.html`). Default: the configuration's `format`,
        /// else `human`.
        #[arg(long, value_enum)]
        format: Option<FormatArg>,
        /// CI mode: compare these new articles with the corpus and report only
        /// what involves them; exit 1 only when one of them contradicts a claim.
        /// `-` reads one article (front matter allowed) from standard input; every
        /// record of a JSON Lines file is new.
        #[arg(long, value_name = "FILE", num_args = 1..)]
        new: Vec<PathBuf>,
        /// Accept the contradictions recorded in this baseline file: shown as
        /// known, they do not fail the run; any other contradiction does.
        #[arg(long, value_name = "FILE")]
        baseline: Option<PathBuf>,
        /// Record the run's contradictions in this baseline file (and exit 0).
        #[arg(long, value_name = "FILE")]
        write_baseline: Option<PathBuf>,
        /// Write the report to this file instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Skip articles larger than this many bytes (with a warning). In a JSON
        /// Lines file, this limits each line, not the file.
        #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_FILE_SIZE)]
        max_file_size: u64,
        /// Colours in the human report and in diagnostics: auto (on a terminal,
        /// unless the NO_COLOR environment variable is set and not empty),
        /// always or never.
        #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
        color: ColorArg,
        /// The language of the words of the human, Markdown and HTML reports
        /// (the JSON report is language-neutral). Default: French when the
        /// LANG environment variable starts with `fr`, else English.
        #[arg(long, value_enum, value_name = "LANG")]
        report_lang: Option<LangArg>,
        /// Nothing on standard error but errors: no progress bar (there is one
        /// only on a terminal, outside CI, for a run that lasts over a second)
        /// and no notes (`wrote N known contradictions`). The report's own
        /// warnings stay in the report.
        #[arg(long, short)]
        quiet: bool,
        /// Leave out the files and folders this glob matches when walking a
        /// folder (repeat for several): matched against the path below the
        /// folder named (`drafts`, `**/*.draft.md`) and the path as shown
        /// (`corpus/archive/**`). A file named on the command line is always read.
        #[arg(long, value_name = "GLOB")]
        exclude: Vec<String>,
        /// Which findings fail the run (exit 1): `contradiction` (default),
        /// `single-source` (also a subject only one outlet speaks of) or
        /// `warning` (also any warning). Default: the configuration's `fail_on`.
        #[arg(long, value_enum, value_name = "LEVEL")]
        fail_on: Option<FailOnArg>,
        /// Exit 0 whatever the findings (2 still means the run could not be
        /// carried out): report without failing the build.
        #[arg(long)]
        exit_zero: bool,
        /// List, in the human report, the claims articles suppress
        /// (`<!-- recoupe-ignore: SUBJECT -- reason -->`, or `recoupe: { ignore:
        /// [SUBJECT] }` in the front matter), with their reasons. They are
        /// always counted in the summary, and listed in the JSON.
        #[arg(long)]
        show_suppressed: bool,
        #[command(flatten)]
        cache: CacheArgs,
    },
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
    Extract {
        /// Articles, JSON Lines files (*.jsonl) or folders of them.
        paths: Vec<PathBuf>,
        /// Also the paths listed in this file, one a line (`-`: standard input).
        #[arg(long, value_name = "FILE")]
        files_from: Option<PathBuf>,
        /// The folder of rule files (*.yaml). Default: the configuration's
        /// `rules`, else `rules/` (beside recoupe.toml).
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
        /// Write the shard to this file instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Leave out the files and folders this glob matches when walking a
        /// folder (as `check --exclude`).
        #[arg(long, value_name = "GLOB")]
        exclude: Vec<String>,
        /// Skip articles larger than this many bytes (with a warning).
        #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_FILE_SIZE)]
        max_file_size: u64,
        /// Nothing on standard error but errors.
        #[arg(long, short)]
        quiet: bool,
        #[command(flatten)]
        cache: CacheArgs,
    },
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
    Compare {
        /// Shard files written by `recoupe extract`.
        #[arg(required = true, value_name = "SHARD")]
        shards: Vec<PathBuf>,
        /// The report format, as for `check`. Default: the configuration's
        /// `format`, else `human`.
        #[arg(long, value_enum)]
        format: Option<FormatArg>,
        /// CI mode: report only what involves these articles, named as the
        /// shards show them (the path `recoupe extract` was given).
        #[arg(long, value_name = "PATH", num_args = 1..)]
        new: Vec<PathBuf>,
        /// Accept the contradictions recorded in this baseline file.
        #[arg(long, value_name = "FILE")]
        baseline: Option<PathBuf>,
        /// Record the run's contradictions in this baseline file (and exit 0).
        #[arg(long, value_name = "FILE")]
        write_baseline: Option<PathBuf>,
        /// Write the report to this file instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Colours in the human report: auto, always or never.
        #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
        color: ColorArg,
        /// The language of the words of the human, Markdown and HTML reports.
        #[arg(long, value_enum, value_name = "LANG")]
        report_lang: Option<LangArg>,
        /// Nothing on standard error but errors.
        #[arg(long, short)]
        quiet: bool,
        /// Which findings fail the run (exit 1), as for `check`.
        #[arg(long, value_enum, value_name = "LEVEL")]
        fail_on: Option<FailOnArg>,
        /// Exit 0 whatever the findings (2 still means the run could not be
        /// carried out).
        #[arg(long)]
        exit_zero: bool,
        /// List, in the human report, the claims articles suppress.
        #[arg(long)]
        show_suppressed: bool,
    },
    /// Show how recoupe reads a phrase: prints the value object as JSON.
    ///
    /// Rule authors use it to see what the engine understands. Exits 1 when the
    /// text holds no value of that kind.
    #[command(
        after_help = "Examples:\n  recoupe normalize --kind number \"1,5 million\"\n  recoupe normalize --kind number \"au moins 500\"\n  recoupe normalize --kind duration \"48 heures\"\n  recoupe normalize --kind date --published 2025-07-22 jeudi\n  recoupe normalize --lang en --kind number \"at least 1,000\"\n  recoupe normalize --lang en --kind date --published 2025-07-22 \"next Thursday\""
    )]
    Normalize {
        /// What to read the text as.
        #[arg(long, value_enum)]
        kind: KindArg,
        /// The publication date relative dates are resolved against (YYYY-MM-DD).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        published: Option<jiff::civil::Date>,
        /// The language the words are written in: its grammar reads them
        /// (`1,000` is a thousand in English, one in French).
        #[arg(long, value_enum, default_value = "fr")]
        lang: LangArg,
        /// The words, e.g. "au moins 500".
        #[arg(required = true, num_args = 1..)]
        text: Vec<String>,
    },
    /// Work with rule files.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
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
struct CacheArgs {
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
    fn path(self, config: &recoupe::config::Config) -> Option<PathBuf> {
        (!self.no_cache).then(|| config.cache_path(self.cache))
    }
}

#[derive(Subcommand)]
enum RulesCommand {
    /// Check rule files: unknown keys, wrong types, invalid patterns, duplicate ids.
    ///
    /// Every problem is reported with its file, line and column. Exit 2 on any error.
    Check {
        /// The folder of rule files (*.yaml). Default: the configuration's
        /// `rules`, else `rules/`.
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
    },
    /// Run every rule's examples through the real engine and normaliser.
    ///
    /// For each rule: passed, missed (no claim), wrong value (got vs expected)
    /// and false positives (a no_match example that matched). Exit 1 on any failure.
    Test {
        /// The folder of rule files (*.yaml). Default: the configuration's
        /// `rules`, else `rules/`.
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
        /// Only the rules whose id contains this text.
        #[arg(long, value_name = "ID")]
        filter: Option<String>,
        /// `human` (a line per example) or `json` (each rule and example with
        /// its outcome, then the counts).
        #[arg(long, value_enum, default_value_t = ListFormatArg::Human)]
        format: ListFormatArg,
    },
    /// Write a new rule file: a commented frame with every common slot and
    /// examples that pass, to edit into the rule you want.
    #[command(
        after_help = "Examples:\n  recoupe rules new flood-evacuees                          # on standard output\n  recoupe rules new flood-evacuees -o rules/flood.yaml      # a new file (never replaced)\n  recoupe rules test --filter flood-evacuees"
    )]
    New {
        /// The rule's id (also its subject): lowercase letters, digits and hyphens.
        id: String,
        /// Write the rule to this new file instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// List the rules: id, subject, kind, patterns, examples, file.
    List {
        /// The folder of rule files (*.yaml). Default: the configuration's
        /// `rules`, else `rules/`.
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
        /// `human` (a table) or `json` (an array of objects).
        #[arg(long, value_enum, default_value_t = ListFormatArg::Human)]
        format: ListFormatArg,
    },
    /// Explain a rule: description, subject, kind, its frame, each pattern as written and expanded, examples.
    ///
    /// With `--in FILE`, also each value of the rule's kind in that article and
    /// why the frame reads it or which constraint left it out: the way to find
    /// out why a claim an editor sees in an article was not extracted.
    Explain {
        /// The rule's id (see `recoupe rules list`).
        id: String,
        /// An article to try the rule's frame on (repeat for several).
        #[arg(long = "in", value_name = "FILE")]
        articles: Vec<PathBuf>,
        /// The folder of rule files (*.yaml). Default: the configuration's
        /// `rules`, else `rules/`.
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
    },
    /// Print every compiled pattern, one per line, in a syntax ripgrep accepts (`rg -f`).
    Patterns {
        /// The folder of rule files (*.yaml). Default: the configuration's
        /// `rules`, else `rules/`.
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
    },
    /// Print the words the frames look for (units, near words, word groups), one per line, for `rg -F -i -f`.
    ///
    /// A prefix (`libér*`) is printed without its `*`. The scan floor of the
    /// throughput benchmark is ripgrep looking for these words.
    Words {
        /// The folder of rule files (*.yaml). Default: the configuration's
        /// `rules`, else `rules/`.
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    /// For people: contradictions drawn in their sentences.
    Human,
    /// The stable JSON report.
    Json,
    /// SARIF 2.1.0 for code-scanning dashboards.
    Sarif,
    /// GitHub Actions annotations (::error, ::notice, ::warning).
    Github,
    /// JUnit XML for CI test reports.
    Junit,
    /// A Markdown summary for editors, e.g. a pull-request comment.
    Markdown,
    /// One self-contained HTML page: summary, outlet matrix, a card per subject, filters.
    Html,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Human => Format::Human,
            FormatArg::Json => Format::Json,
            FormatArg::Sarif => Format::Sarif,
            FormatArg::Github => Format::Github,
            FormatArg::Junit => Format::Junit,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Html => Format::Html,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ListFormatArg {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOnArg {
    /// A contradiction no baseline accepts.
    Contradiction,
    /// That, or a single-source subject.
    SingleSource,
    /// Any of those, or a warning.
    Warning,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    /// French: `1 000`, `1,5`, `au moins`, `mercredi prochain`.
    Fr,
    /// English: `1,000`, `1.5`, `at least`, `next Wednesday`.
    En,
}

#[derive(Clone, Copy, ValueEnum)]
enum KindArg {
    /// A number: `1 000`, `au moins 500`, `1,5 million`, `une trentaine`.
    Number,
    /// A length of time, in days: `50 jours`, `48 heures`.
    Duration,
    /// A day or span of days: `mercredi`, `le 2 juin 2025`, `en mai`.
    Date,
    /// An ordinal: `troisième`, `3e`.
    Ordinal,
}

/// The report flags `check` and `compare` share, the configuration
/// applied: the command line wins over the file.
struct ReportChoice {
    format: Format,
    lang: Lang,
    fail_on: FailOn,
}

impl ReportChoice {
    fn new(
        config: &recoupe::config::Config,
        format: Option<FormatArg>,
        lang: Option<LangArg>,
        fail_on: Option<FailOnArg>,
    ) -> ReportChoice {
        ReportChoice {
            format: format.map(Format::from).or(config.format).unwrap_or(Format::Human),
            lang: match lang {
                Some(LangArg::Fr) => Lang::Fr,
                Some(LangArg::En) => Lang::En,
                None => config
                    .report_lang
                    .unwrap_or_else(|| recoupe::report::words::lang_from_env(std::env::var("LANG").ok().as_deref())),
            },
            fail_on: match fail_on {
                Some(FailOnArg::Contradiction) => FailOn::Contradiction,
                Some(FailOnArg::SingleSource) => FailOn::SingleSource,
                Some(FailOnArg::Warning) => FailOn::Warning,
                None => config.fail_on.unwrap_or_default(),
            },
        }
    }
}

fn parse_date(text: &str) -> Result<jiff::civil::Date, String> {
    recoupe::corpus::parse_iso_date(text).ok_or_else(|| format!("`{text}` is not a date in YYYY-MM-DD form"))
}

fn main() {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            std::process::exit(if e.use_stderr() { exit::ERROR } else { exit::OK });
        }
    };
    if let Some(threads) = cli.threads {
        // Before anything runs on the pool: rayon builds it on first use.
        if let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(threads))
            .build_global()
        {
            eprintln!("error: cannot start {threads} threads: {e}");
            std::process::exit(exit::ERROR);
        }
    }
    // https://no-color.org: set and not empty, no colour unless asked for.
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let color_flag = match &cli.command {
        Command::Check { color, .. } | Command::Compare { color, .. } => *color,
        _ => ColorArg::Auto,
    };
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let err_terminal = stderr.is_terminal();
    let err_color = match color_flag {
        ColorArg::Auto => err_terminal && !no_color,
        ColorArg::Always => true,
        ColorArg::Never => false,
    };
    let out_terminal = stdout.is_terminal();
    let mut out = app::Tracked::new(stdout.lock());
    // Not locked for the whole run: the progress bar writes to standard
    // error from other threads (a lock held here would stop them forever).
    let mut err = stderr;
    let mut stdin = std::io::stdin().lock();
    let mut io = Output {
        out: &mut out,
        err: &mut err,
        err_color,
        stdin: &mut stdin,
    };
    // The configuration, for the commands that read rules or articles.
    let uses_config = matches!(
        cli.command,
        Command::Check { .. } | Command::Rules { .. } | Command::Extract { .. } | Command::Compare { .. }
    );
    let config = if uses_config {
        match recoupe::config::find_and_load(cli.config.as_deref()) {
            Ok(config) => config,
            Err(e) => {
                app::print_config_error(&e, &mut io);
                std::process::exit(exit::ERROR);
            }
        }
    } else {
        recoupe::config::Config::default()
    };
    if cli.verbose && uses_config {
        let _ = match &config.file {
            Some(file) => writeln!(io.err, "recoupe: configuration {}", file.display()),
            None => writeln!(
                io.err,
                "recoupe: no configuration (no {} here or in a parent folder)",
                recoupe::config::FILE_NAME
            ),
        };
    }
    let code = match cli.command {
        Command::Check {
            paths,
            rules,
            format,
            new,
            baseline,
            write_baseline,
            output,
            max_file_size,
            color,
            report_lang,
            quiet,
            exclude,
            fail_on,
            exit_zero,
            show_suppressed,
            cache,
        } => {
            let ReportChoice {
                format,
                lang: report_lang,
                fail_on,
            } = ReportChoice::new(&config, format, report_lang, fail_on);
            // The configuration's globs and the command line's, all applied.
            let exclude = config.exclude.iter().cloned().chain(exclude).collect();
            // A bar only for a person watching: a terminal, not CI.
            let in_ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false" && v != "0");
            let options = CheckOptions {
                rules: config.rules_dir(rules),
                format,
                load: LoadOptions { max_file_size },
                color: match color {
                    ColorArg::Auto => out_terminal && !no_color,
                    ColorArg::Always => true,
                    ColorArg::Never => false,
                },
                new,
                baseline,
                write_baseline,
                output,
                report_lang,
                progress: err_terminal && !quiet && !in_ci,
                exclude,
                quiet,
                fail_on,
                exit_zero,
                config: config.file.as_ref().map(|f| f.display().to_string()),
                aliases: config.aliases.clone(),
                show_suppressed,
                cache: cache.path(&config),
                ..CheckOptions::new(config.check_paths(paths))
            };
            app::check(&options, &mut io)
        }
        Command::Extract {
            paths,
            files_from,
            rules,
            output,
            exclude,
            max_file_size,
            quiet,
            cache,
        } => {
            let options = CheckOptions {
                rules: config.rules_dir(rules),
                load: LoadOptions { max_file_size },
                output,
                exclude: config.exclude.iter().cloned().chain(exclude).collect(),
                quiet,
                cache: cache.path(&config),
                ..CheckOptions::new(paths)
            };
            app::extract(&options, files_from.as_deref(), &mut io)
        }
        Command::Compare {
            shards,
            format,
            new,
            baseline,
            write_baseline,
            output,
            color,
            report_lang,
            quiet,
            fail_on,
            exit_zero,
            show_suppressed,
        } => {
            let report = ReportChoice::new(&config, format, report_lang, fail_on);
            let options = CheckOptions {
                format: report.format,
                color: match color {
                    ColorArg::Auto => out_terminal && !no_color,
                    ColorArg::Always => true,
                    ColorArg::Never => false,
                },
                new,
                baseline,
                write_baseline,
                output,
                report_lang: report.lang,
                quiet,
                fail_on: report.fail_on,
                exit_zero,
                config: config.file.as_ref().map(|f| f.display().to_string()),
                aliases: config.aliases.clone(),
                show_suppressed,
                ..CheckOptions::new(shards)
            };
            app::compare(&options, &mut io)
        }
        Command::Normalize {
            kind,
            published,
            lang,
            text,
        } => {
            let placeholder = match kind {
                KindArg::Number => Placeholder::Number,
                KindArg::Duration => Placeholder::Duration,
                KindArg::Date => Placeholder::Date,
                KindArg::Ordinal => Placeholder::Ordinal,
            };
            let lang = match lang {
                LangArg::Fr => Lang::Fr,
                LangArg::En => Lang::En,
            };
            app::normalize(placeholder, &text.join(" "), published, lang, &mut io)
        }
        Command::Rules { command } => match command {
            RulesCommand::Check { rules } => app::rules_check(&config.rules_dir(rules), &mut io),
            RulesCommand::Test { rules, filter, format } => app::rules_test(
                &config.rules_dir(rules),
                filter.as_deref(),
                matches!(format, ListFormatArg::Json),
                &mut io,
            ),
            RulesCommand::New { id, output } => app::rules_new(&id, output.as_deref(), &mut io),
            RulesCommand::List { rules, format } => {
                app::rules_list(&config.rules_dir(rules), matches!(format, ListFormatArg::Json), &mut io)
            }
            RulesCommand::Explain { id, rules, articles } => {
                app::rules_explain(&config.rules_dir(rules), &id, &articles, &mut io)
            }
            RulesCommand::Patterns { rules } => app::rules_patterns(&config.rules_dir(rules), &mut io),
            RulesCommand::Words { rules } => app::rules_words(&config.rules_dir(rules), &mut io),
        },
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "recoupe", &mut io.out);
            exit::OK
        }
        Command::Man => match clap_mangen::Man::new(Cli::command()).render(&mut io.out) {
            Ok(()) => exit::OK,
            // A write error is the output's: `main` says it below.
            Err(_) => exit::OK,
        },
    };
    // A write that failed (a full disk, /dev/full) fails the run, whichever
    // command it was; a reader that went away (`| head`) ends it quietly.
    let code = match out.finish() {
        Ok(()) => code,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => code,
        // The command has already said why it failed.
        Err(_) if code == app::exit::ERROR => code,
        Err(e) => {
            let _ = writeln!(err, "error: cannot write the output: {e}");
            app::exit::ERROR
        }
    };
    std::process::exit(code);
}
