//! `recoupe rules …`'s arguments, each subcommand handed to its `app` function.

use super::ListFormatArg;
use clap::Subcommand;
use recoupe::app::{self, Output};
use recoupe::config::Config;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum RulesCommand {
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

impl RulesCommand {
    /// Runs the subcommand; its exit code.
    pub fn run(self, config: &Config, io: &mut Output) -> i32 {
        match self {
            RulesCommand::Check { rules } => app::rules_check(&config.rules_dir(rules), io),
            RulesCommand::Test { rules, filter, format } => app::rules_test(
                &config.rules_dir(rules),
                filter.as_deref(),
                matches!(format, ListFormatArg::Json),
                io,
            ),
            RulesCommand::New { id, output } => app::rules_new(&id, output.as_deref(), io),
            RulesCommand::List { rules, format } => {
                app::rules_list(&config.rules_dir(rules), matches!(format, ListFormatArg::Json), io)
            }
            RulesCommand::Explain { id, rules, articles } => {
                app::rules_explain(&config.rules_dir(rules), &id, &articles, io)
            }
            RulesCommand::Patterns { rules } => app::rules_patterns(&config.rules_dir(rules), io),
            RulesCommand::Words { rules } => app::rules_words(&config.rules_dir(rules), io),
        }
    }
}
