//! The `khabar` command line.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use khabar_runner::config::{Config, DEFAULT_CONFIG, LoadError};
use khabar_runner::input::collect_sources;
use khabar_runner::output::Format;
use khabar_runner::run::{Report, RunOptions, run, worth_a_progress_bar};
use khabar_runner::{builtin, published::parse_published};

/// Analyse scraped news articles (Arabic first, English too): zones, paragraphs, sentences,
/// dates, quotes and speakers, duplicate paragraphs.
#[derive(Parser)]
#[command(name = "khabar", version, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

const EXAMPLES: &str = "Examples:
  khabar analyze article.txt                      one article, default pipeline, pretty JSON
  khabar analyze --published 2024-02-13 article.txt
  khabar analyze -c khabar.toml --format jsonl corpus/ -o out.jsonl
  khabar analyze --format html article.txt -o article.html   a reading view (-o dir/ for many)
  cat feed.jsonl | khabar analyze --format jsonl -
  khabar analyzers                                what each analyzer needs, gives and takes
  khabar config default > khabar.toml             a config to start from
  khabar config check khabar.toml
  khabar test -c khabar.toml --fixtures fixtures/  compare outputs with snapshots (CI)

Exit status: 0 all documents fine; 1 some documents failed (each reported on stderr, the rest
written); 2 usage or config error.";

#[derive(Subcommand)]
enum Command {
    /// Analyse documents and write one JSON object per document.
    #[command(after_help = EXAMPLES)]
    Analyze(AnalyzeArgs),
    /// List every analyzer with the layers it requires and provides and its options.
    Analyzers {
        /// Print as JSON.
        #[arg(long)]
        json: bool,
        /// Also list the plugins this config loads.
        #[arg(short, long, value_name = "CONFIG")]
        config: Option<PathBuf>,
    },
    /// Check a config or print the default one.
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Compare what a pipeline extracts from fixture articles with stored snapshots.
    #[command(after_help = TEST_HELP)]
    Test(TestArgs),
}

const TEST_HELP: &str = "Fixtures are DIR/<name>.txt; an optional DIR/<name>.toml is that fixture's own config
(its [fixture] table may set published and lang). Snapshots are DIR/snapshots/khabar__<name>.snap,
insta's format: review changes with `cargo insta review` or accept them all with --update.

Examples:
  khabar test -c khabar.toml --fixtures fixtures/            compare; exit 1 on any difference
  khabar test -c khabar.toml --fixtures fixtures/ --update   accept the new outputs";

#[derive(clap::Args)]
struct TestArgs {
    /// Config file (default: the embedded default pipeline).
    #[arg(short, long, value_name = "CONFIG")]
    config: Option<PathBuf>,
    /// The folder of fixture articles.
    #[arg(long, value_name = "DIR")]
    fixtures: PathBuf,
    /// Rewrite the snapshots with the current output.
    #[arg(long)]
    update: bool,
    /// Snapshots no fixture produces: warn, reject (fail), delete, or ignore.
    #[arg(long, value_name = "WHAT", default_value = "warn", value_parser = ["warn", "reject", "delete", "ignore"])]
    unreferenced: String,
}

#[derive(clap::Args)]
struct AnalyzeArgs {
    /// Config file (default: the embedded default pipeline; see `khabar config default`).
    #[arg(short, long, value_name = "CONFIG")]
    config: Option<PathBuf>,
    /// Output format, overriding the config's [output] format: json, jsonl, or html (a reading
    /// view; with -o DIR/ one page per document and an index.html).
    #[arg(long, value_parser = ["json", "jsonl", "html"])]
    format: Option<String>,
    /// Publication date of every document: ISO 8601 date or date-time, or RFC 2822.
    #[arg(long, value_name = "DATE")]
    published: Option<String>,
    /// Language of every document (default: the input's `lang`, else guessed from the script).
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    /// Worker threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N")]
    jobs: Option<usize>,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// No progress bar and no summary line.
    #[arg(short, long)]
    quiet: bool,
    /// .txt files, .jsonl files, directories (recursively), or - for standard input.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
}

#[derive(Subcommand)]
enum ConfigCommand {
    /// Validate a config: syntax, keys, analyzer names and options, pipeline order.
    Check {
        /// The config file.
        file: PathBuf,
    },
    /// Print the embedded default config.
    Default,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => analyze(args),
        Command::Analyzers { json, config } => analyzers(json, config.as_ref()),
        Command::Config(ConfigCommand::Default) => {
            print!("{DEFAULT_CONFIG}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Config(ConfigCommand::Check { file }) => check(&file),
        Command::Test(args) => test(args),
    };
    match result {
        Ok(code) => code,
        // The reader went away (`khabar ... | head`): stop quietly, as command-line tools do.
        Err(err)
            if err
                .chain()
                .any(|e| e.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)) =>
        {
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn load_config(path: Option<&PathBuf>) -> Result<Config, LoadError> {
    let registry = builtin::registry();
    match path {
        Some(path) => Config::load(path, &registry),
        None => Config::default_config(&registry),
    }
}

fn analyze(args: AnalyzeArgs) -> anyhow::Result<ExitCode> {
    let mut config = match load_config(args.config.as_ref()) {
        Ok(config) => config,
        Err(err) => {
            eprintln!("{err}");
            return Ok(ExitCode::from(2));
        }
    };
    if let Some(format) = args.format.as_deref().and_then(Format::parse) {
        config.output.format = format;
    }
    let published = match args.published.as_deref().map(parse_published).transpose() {
        Ok(published) => published,
        Err(message) => anyhow::bail!("--published: {message}"),
    };

    let (sources, missing) = collect_sources(&args.inputs);
    let stderr_is_terminal = io::stderr().is_terminal();
    let options = RunOptions {
        threads: args.jobs,
        published,
        lang: args.lang,
        progress: !args.quiet && stderr_is_terminal && worth_a_progress_bar(&sources),
        html_dir: None,
    };
    for err in &missing {
        eprintln!("error: {err}");
    }

    // HTML for many documents goes to a directory: `-o DIR/` or an existing directory.
    let html_dir = match &args.output {
        Some(path)
            if config.output.format == Format::Html && (path.is_dir() || path.to_string_lossy().ends_with('/')) =>
        {
            std::fs::create_dir_all(path).with_context(|| format!("cannot create {}", path.display()))?;
            Some(path.clone())
        }
        _ => None,
    };
    let options = RunOptions { html_dir: html_dir.clone(), ..options };
    let mut out: Box<dyn Write> = match args.output.as_ref().filter(|_| html_dir.is_none()) {
        Some(path) => Box::new(io::BufWriter::new(
            std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(io::BufWriter::new(io::stdout().lock())),
    };
    let mut report = |r: &Report| eprintln!("{r}");
    let summary = run(&config, sources, &options, &mut out, &mut report).context("the run stopped")?;
    if !args.quiet {
        eprintln!("{summary}");
    }
    let failed = summary.failed + missing.len() as u64;
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn test(args: TestArgs) -> anyhow::Result<ExitCode> {
    use khabar_runner::snapshot::{Outcome, TestOptions, Unreferenced, run_tests};
    let config = match load_config(args.config.as_ref()) {
        Ok(config) => config,
        Err(err) => {
            eprintln!("{err}");
            return Ok(ExitCode::from(2));
        }
    };
    let unreferenced = match args.unreferenced.as_str() {
        "reject" => Unreferenced::Reject,
        "delete" => Unreferenced::Delete,
        "ignore" => Unreferenced::Ignore,
        _ => Unreferenced::Warn,
    };
    let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0");
    let options = TestOptions { update: args.update, unreferenced, ci };
    let report = run_tests(&config, &builtin::registry(), &args.fixtures, &options)?;
    for fixture in &report.fixtures {
        let pending = fixture.pending.as_ref().map(|p| format!(" (wrote {})", p.display())).unwrap_or_default();
        match &fixture.outcome {
            Outcome::Same => println!("ok        {}", fixture.name),
            Outcome::Written => println!("written   {} -> {}", fixture.name, fixture.snapshot.display()),
            Outcome::Missing => {
                println!("MISSING   {}: no snapshot {}{pending}", fixture.name, fixture.snapshot.display())
            }
            Outcome::Failed(message) => println!("FAILED    {}: {message}", fixture.name),
            Outcome::Changed(diff) => {
                println!("CHANGED   {}: differs from {}{pending}", fixture.name, fixture.snapshot.display());
                print!("{diff}");
            }
        }
    }
    for path in &report.unreferenced {
        let verb = if unreferenced == Unreferenced::Delete { "deleted" } else { "no fixture for" };
        println!("UNREFERENCED {verb} {}", path.display());
    }
    println!("{}", report.summary());
    Ok(if report.passed() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn check(file: &PathBuf) -> anyhow::Result<ExitCode> {
    match load_config(Some(file)) {
        Ok(config) => {
            let names: Vec<&str> = config.pipeline.analyzers().iter().map(|a| a.name()).collect();
            println!("{}: ok (pipeline: {})", file.display(), names.join(" -> "));
            Ok(ExitCode::SUCCESS)
        }
        Err(err) => {
            eprintln!("{err}");
            Ok(ExitCode::from(2))
        }
    }
}

fn analyzers(json: bool, config: Option<&PathBuf>) -> anyhow::Result<ExitCode> {
    let registry = match config {
        None => builtin::registry(),
        Some(path) => match load_config(Some(path)) {
            Ok(config) => config.registry,
            Err(err) => {
                eprintln!("{err}");
                return Ok(ExitCode::from(2));
            }
        },
    };
    let mut out = io::stdout().lock();
    if json {
        let summaries: Vec<_> = registry.specs().iter().map(|s| s.summary()).collect();
        serde_json::to_writer_pretty(&mut out, &summaries)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    for spec in registry.specs() {
        let list = |layers: &[khabar_core::Layer]| {
            if layers.is_empty() {
                "-".to_owned()
            } else {
                layers.iter().map(|l| l.name()).collect::<Vec<_>>().join(", ")
            }
        };
        writeln!(out, "{} ({})\n  {}", spec.name, spec.origin, spec.summary)?;
        writeln!(out, "  requires: {}", list(&spec.requires))?;
        writeln!(out, "  provides: {}", list(&spec.provides))?;
        if !spec.options.is_empty() {
            writeln!(out, "  options:")?;
            for option in &spec.options {
                writeln!(out, "    {} = {}", option.name, option.default)?;
                if !option.doc.is_empty() {
                    writeln!(out, "        {}", option.doc)?;
                }
            }
        }
        writeln!(out)?;
    }
    Ok(ExitCode::SUCCESS)
}
