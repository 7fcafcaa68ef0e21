//! The `recoupe` command line: parses arguments and hands each command to the library.

mod cli;

use clap::{CommandFactory, Parser};
use cli::{Cli, ColorArg, Command, Terminals};
use recoupe::app::{self, exit, Output};
use std::io::{IsTerminal, Write};

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
    let color_flag = match &cli.command {
        Command::Check(args) => args.color,
        Command::Compare(args) => args.color,
        _ => ColorArg::Auto,
    };
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let terminals = Terminals {
        out: stdout.is_terminal(),
        err: stderr.is_terminal(),
        // https://no-color.org: set and not empty, no colour unless asked for.
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
    };
    let err_color = color_flag.on(terminals.err, terminals.no_color);
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
        Command::Check(_) | Command::Rules { .. } | Command::Extract(_) | Command::Compare(_)
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
        Command::Check(args) => app::check(&args.options(&config, &terminals), &mut io),
        Command::Extract(args) => {
            let (options, files_from) = args.options(&config);
            app::extract(&options, files_from.as_deref(), &mut io)
        }
        Command::Compare(args) => app::compare(&args.options(&config, &terminals), &mut io),
        Command::Normalize(args) => app::normalize(args.kind, &args.text.join(" "), args.published, args.lang, &mut io),
        Command::Rules { command } => command.run(&config, &mut io),
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
