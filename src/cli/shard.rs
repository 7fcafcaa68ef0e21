//! `recoupe extract`'s and `recoupe compare`'s arguments: a sharded run's
//! two halves, and the options they give it.

use super::{CacheArgs, ColorArg, ReportChoice, Terminals};
use recoupe::app::{CheckOptions, Format};
use recoupe::config::{Config, FailOn};
use recoupe::corpus::{LoadOptions, DEFAULT_MAX_FILE_SIZE};
use recoupe::language::Lang;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct ExtractArgs {
    /// Articles, JSON Lines files (*.jsonl) or folders of them.
    pub paths: Vec<PathBuf>,
    /// Also the paths listed in this file, one a line (`-`: standard input).
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<PathBuf>,
    /// The folder of rule files (*.yaml). Default: the configuration's
    /// `rules`, else `rules/` (beside recoupe.toml).
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// Write the shard to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Leave out the files and folders this glob matches when walking a
    /// folder (as `check --exclude`).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Skip articles larger than this many bytes (with a warning).
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
    /// Nothing on standard error but errors.
    #[arg(long, short)]
    pub quiet: bool,
    #[command(flatten)]
    pub cache: CacheArgs,
}

impl ExtractArgs {
    /// The run's options, and the file that lists more paths (`--files-from`).
    pub fn options(self, config: &Config) -> (CheckOptions, Option<PathBuf>) {
        let ExtractArgs {
            paths,
            files_from,
            rules,
            output,
            exclude,
            max_file_size,
            quiet,
            cache,
        } = self;
        let options = CheckOptions {
            rules: config.rules_dir(rules),
            load: LoadOptions { max_file_size },
            output,
            exclude: config.exclude.iter().cloned().chain(exclude).collect(),
            quiet,
            cache: cache.path(config),
            ..CheckOptions::new(paths)
        };
        (options, files_from)
    }
}

#[derive(clap::Args)]
pub struct CompareArgs {
    /// Shard files written by `recoupe extract`.
    #[arg(required = true, value_name = "SHARD")]
    pub shards: Vec<PathBuf>,
    /// The report format, as for `check`. Default: the configuration's
    /// `format`, else `human`.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// CI mode: report only what involves these articles, named as the
    /// shards show them (the path `recoupe extract` was given).
    #[arg(long, value_name = "PATH", num_args = 1..)]
    pub new: Vec<PathBuf>,
    /// Accept the contradictions recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record the run's contradictions in this baseline file (and exit 0).
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Write the report to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Colours in the human report: auto, always or never.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    /// The language of the words of the human, Markdown and HTML reports.
    #[arg(long, value_enum, value_name = "LANG")]
    pub report_lang: Option<Lang>,
    /// Nothing on standard error but errors.
    #[arg(long, short)]
    pub quiet: bool,
    /// Which findings fail the run (exit 1), as for `check`.
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub fail_on: Option<FailOn>,
    /// Exit 0 whatever the findings (2 still means the run could not be
    /// carried out).
    #[arg(long)]
    pub exit_zero: bool,
    /// List, in the human report, the claims articles suppress.
    #[arg(long)]
    pub show_suppressed: bool,
}

impl CompareArgs {
    /// The run's options: the command line, then the configuration.
    pub fn options(self, config: &Config, terminals: &Terminals) -> CheckOptions {
        let CompareArgs {
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
        } = self;
        let report = ReportChoice::new(config, format, report_lang, fail_on);
        CheckOptions {
            format: report.format,
            color: color.on(terminals.out, terminals.no_color),
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
        }
    }
}
