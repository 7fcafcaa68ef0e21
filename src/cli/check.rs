//! `recoupe check`'s arguments, and the options they give the run.

use super::{CacheArgs, ColorArg, ReportChoice, Terminals};
use recoupe::app::{CheckOptions, Format};
use recoupe::config::{Config, FailOn};
use recoupe::corpus::{LoadOptions, DEFAULT_MAX_FILE_SIZE};
use recoupe::language::Lang;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Articles, JSON Lines files (*.jsonl) or folders of them. Default:
    /// the configuration's `paths`, else `corpus/` (beside recoupe.toml).
    pub paths: Vec<PathBuf>,
    /// The folder of rule files (*.yaml). Default: the configuration's
    /// `rules`, else `rules/` (beside recoupe.toml).
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// The report format: `human` for people, `json` for scripts (a stable
    /// contract), `sarif` for code scanning, `github` for pull-request
    /// annotations, `junit` for test dashboards, `markdown` for editors,
    /// `html` for a page an editor opens (one self-contained file: use
    /// `--output report.html`). Default: the configuration's `format`,
    /// else `human`.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// CI mode: compare these new articles with the corpus and report only
    /// what involves them; exit 1 only when one of them contradicts a claim.
    /// `-` reads one article (front matter allowed) from standard input; every
    /// record of a JSON Lines file is new.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub new: Vec<PathBuf>,
    /// Accept the contradictions recorded in this baseline file: shown as
    /// known, they do not fail the run; any other contradiction does.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record the run's contradictions in this baseline file (and exit 0).
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Write the report to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Skip articles larger than this many bytes (with a warning). In a JSON
    /// Lines file, this limits each line, not the file.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
    /// Colours in the human report and in diagnostics: auto (on a terminal,
    /// unless the NO_COLOR environment variable is set and not empty),
    /// always or never.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    /// The language of the words of the human, Markdown and HTML reports
    /// (the JSON report is language-neutral). Default: French when the
    /// LANG environment variable starts with `fr`, else English.
    #[arg(long, value_enum, value_name = "LANG")]
    pub report_lang: Option<Lang>,
    /// Nothing on standard error but errors: no progress bar (there is one
    /// only on a terminal, outside CI, for a run that lasts over a second)
    /// and no notes (`wrote N known contradictions`). The report's own
    /// warnings stay in the report.
    #[arg(long, short)]
    pub quiet: bool,
    /// Leave out the files and folders this glob matches when walking a
    /// folder (repeat for several): matched against the path below the
    /// folder named (`drafts`, `**/*.draft.md`) and the path as shown
    /// (`corpus/archive/**`). A file named on the command line is always read.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Which findings fail the run (exit 1): `contradiction` (default),
    /// `single-source` (also a subject only one outlet speaks of) or
    /// `warning` (also any warning). Default: the configuration's `fail_on`.
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub fail_on: Option<FailOn>,
    /// Exit 0 whatever the findings (2 still means the run could not be
    /// carried out): report without failing the build.
    #[arg(long)]
    pub exit_zero: bool,
    /// List, in the human report, the claims articles suppress
    /// (`<!-- recoupe-ignore: SUBJECT -- reason -->`, or `recoupe: { ignore:
    /// [SUBJECT] }` in the front matter), with their reasons. They are
    /// always counted in the summary, and listed in the JSON.
    #[arg(long)]
    pub show_suppressed: bool,
    #[command(flatten)]
    pub cache: CacheArgs,
}

impl CheckArgs {
    /// The run's options: the command line, then the configuration.
    pub fn options(self, config: &Config, terminals: &Terminals) -> CheckOptions {
        let CheckArgs {
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
        } = self;
        let ReportChoice {
            format,
            lang: report_lang,
            fail_on,
        } = ReportChoice::new(config, format, report_lang, fail_on);
        // The configuration's globs and the command line's, all applied.
        let exclude = config.exclude.iter().cloned().chain(exclude).collect();
        // A bar only for a person watching: a terminal, not CI.
        let in_ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false" && v != "0");
        CheckOptions {
            rules: config.rules_dir(rules),
            format,
            load: LoadOptions { max_file_size },
            color: color.on(terminals.out, terminals.no_color),
            new,
            baseline,
            write_baseline,
            output,
            report_lang,
            progress: terminals.err && !quiet && !in_ci,
            exclude,
            quiet,
            fail_on,
            exit_zero,
            config: config.file.as_ref().map(|f| f.display().to_string()),
            aliases: config.aliases.clone(),
            show_suppressed,
            cache: cache.path(config),
            ..CheckOptions::new(config.check_paths(paths))
        }
    }
}
