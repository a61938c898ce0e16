//! `khabar test`: run a pipeline over a folder of fixture articles and compare what it
//! extracts with stored snapshots, so that CI fails when a pipeline's output changes.
//!
//! A fixture is `<name>.txt`; beside it, an optional `<name>.toml` is the config for that
//! fixture alone (its `[fixture]` table may give `published` and `lang`). Its snapshot is
//! `snapshots/khabar__<name>.snap` in insta's format (a YAML header between `---` lines, then the
//! text), so `cargo insta review` can review it: the text is [`khabar_core::review`], every
//! annotation with its span and covered text, and nothing volatile (no versions, no timings).
//!
//! A mismatch or a missing snapshot writes `<snapshot>.snap.new` beside it (never when the `CI`
//! environment variable is set, as insta does) and fails; `--update` rewrites the snapshots.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use khabar_core::{Document, Published, Registry, review};

use crate::config::{Config, LoadError};
use crate::published::parse_published;

/// What to do with snapshots that no fixture produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Unreferenced {
    /// Report them.
    #[default]
    Warn,
    /// Report them and fail.
    Reject,
    /// Delete them.
    Delete,
    /// Say nothing.
    Ignore,
}

/// How `khabar test` runs.
#[derive(Debug, Clone, Default)]
pub struct TestOptions {
    /// Rewrite snapshots instead of comparing.
    pub update: bool,
    /// Snapshots without a fixture.
    pub unreferenced: Unreferenced,
    /// Never write `.snap.new` files (set when the `CI` environment variable is).
    pub ci: bool,
}

/// The outcome of one fixture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Output equals the snapshot.
    Same,
    /// Output differs; the unified diff (snapshot to new output).
    Changed(String),
    /// No snapshot yet.
    Missing,
    /// The snapshot was written (`--update`).
    Written,
    /// The fixture could not be run (unreadable, its config invalid, the pipeline failed).
    Failed(String),
}

/// One fixture's result.
#[derive(Debug, Clone)]
pub struct FixtureResult {
    /// The fixture's name (file stem).
    pub name: String,
    /// The snapshot file.
    pub snapshot: PathBuf,
    /// What happened.
    pub outcome: Outcome,
    /// The `.snap.new` written, if any.
    pub pending: Option<PathBuf>,
}

/// Every fixture's result and the unreferenced snapshots.
#[derive(Debug, Clone, Default)]
pub struct TestReport {
    /// Per fixture, in name order.
    pub fixtures: Vec<FixtureResult>,
    /// Snapshots no fixture produced (deleted ones included, with `--unreferenced delete`).
    pub unreferenced: Vec<PathBuf>,
    /// Whether unreferenced snapshots fail the run.
    pub reject_unreferenced: bool,
}

impl TestReport {
    /// Whether the run passes.
    pub fn passed(&self) -> bool {
        let fixtures_ok = self.fixtures.iter().all(|f| matches!(f.outcome, Outcome::Same | Outcome::Written));
        fixtures_ok && (!self.reject_unreferenced || self.unreferenced.is_empty())
    }

    /// The summary line.
    pub fn summary(&self) -> String {
        let count = |f: fn(&Outcome) -> bool| self.fixtures.iter().filter(|r| f(&r.outcome)).count();
        format!(
            "khabar test: {} fixtures, {} ok, {} changed, {} missing, {} written, {} failed, {} unreferenced",
            self.fixtures.len(),
            count(|o| *o == Outcome::Same),
            count(|o| matches!(o, Outcome::Changed(_))),
            count(|o| *o == Outcome::Missing),
            count(|o| *o == Outcome::Written),
            count(|o| matches!(o, Outcome::Failed(_))),
            self.unreferenced.len()
        )
    }
}

/// Why `khabar test` could not run at all.
#[derive(Debug, thiserror::Error)]
pub enum TestError {
    /// The fixtures folder could not be read.
    #[error("cannot read fixtures folder {}: {err}", path.display())]
    Fixtures {
        /// The folder.
        path: PathBuf,
        /// The cause.
        err: std::io::Error,
    },
    /// The main config is invalid.
    #[error("{0}")]
    Config(#[from] LoadError),
    /// A snapshot could not be written.
    #[error("cannot write {}: {err}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// The cause.
        err: std::io::Error,
    },
}

/// The snapshot file of fixture `name` in `dir`.
pub fn snapshot_path(dir: &Path, name: &str) -> PathBuf {
    dir.join("snapshots").join(format!("khabar__{name}.snap"))
}

/// Runs every fixture of `dir` through `config` (or its own `<name>.toml`) and compares.
pub fn run_tests(
    config: &Config,
    registry: &Registry,
    dir: &Path,
    options: &TestOptions,
) -> Result<TestReport, TestError> {
    let read_dir =
        |path: &Path| std::fs::read_dir(path).map_err(|err| TestError::Fixtures { path: path.to_owned(), err });
    let mut fixtures: Vec<PathBuf> = read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "txt"))
        .collect();
    fixtures.sort();

    let mut report =
        TestReport { reject_unreferenced: options.unreferenced == Unreferenced::Reject, ..TestReport::default() };
    for fixture in &fixtures {
        let name = fixture.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let snapshot = snapshot_path(dir, &name);
        let own_config = fixture.with_extension("toml");
        let outcome = if own_config.is_file() {
            match Config::load(&own_config, registry) {
                Ok(own) => render_fixture(&own, fixture, &name),
                Err(err) => Err(err.to_string()),
            }
        } else {
            render_fixture(config, fixture, &name)
        };
        let result = match outcome {
            Err(message) => FixtureResult { name, snapshot, outcome: Outcome::Failed(message), pending: None },
            Ok(contents) => compare(name, snapshot, fixture, &contents, options)?,
        };
        report.fixtures.push(result);
    }

    let produced: Vec<&PathBuf> = report.fixtures.iter().map(|f| &f.snapshot).collect();
    if let Ok(entries) = std::fs::read_dir(dir.join("snapshots")) {
        let mut stale: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "snap") && !produced.contains(&p))
            .collect();
        stale.sort();
        if options.unreferenced == Unreferenced::Delete {
            for path in &stale {
                std::fs::remove_file(path).map_err(|err| TestError::Write { path: path.clone(), err })?;
            }
        }
        if options.unreferenced != Unreferenced::Ignore {
            report.unreferenced = stale;
        }
    }
    Ok(report)
}

/// The review text of one fixture, or why it could not be made.
fn render_fixture(config: &Config, fixture: &Path, name: &str) -> Result<String, String> {
    let bytes = std::fs::read(fixture).map_err(|err| format!("cannot read {}: {err}", fixture.display()))?;
    let text = String::from_utf8(bytes).map_err(|err| {
        format!("{}: not valid UTF-8 at byte offset {}", fixture.display(), err.utf8_error().valid_up_to())
    })?;
    let lang = config.fixture.lang.clone().unwrap_or_else(|| khabar_core::text::guess_lang(&text).to_owned());
    let mut doc = Document::new(name, lang, text);
    if let Some(published) = &config.fixture.published {
        let value = parse_published(published)?;
        doc.meta.published = Some(Published { value, text: published.clone(), span: None, source: "input".into() });
    }
    config.pipeline.analyze(&mut doc).map_err(|err| err.to_string())?;
    Ok(review(&doc))
}

fn compare(
    name: String,
    snapshot: PathBuf,
    fixture: &Path,
    contents: &str,
    options: &TestOptions,
) -> Result<FixtureResult, TestError> {
    let pending_path = snapshot.with_extension("snap.new");
    let write = |path: &Path| -> Result<(), TestError> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|err| TestError::Write { path: parent.to_owned(), err })?;
        }
        std::fs::write(path, format_snapshot(fixture, contents))
            .map_err(|err| TestError::Write { path: path.to_owned(), err })
    };
    let stored = std::fs::read_to_string(&snapshot).ok().map(|file| snapshot_contents(&file).to_owned());
    let outcome = match &stored {
        _ if options.update => {
            if stored.as_deref().map(str::trim_end) != Some(contents.trim_end()) {
                write(&snapshot)?;
            }
            let _ = std::fs::remove_file(&pending_path);
            return Ok(FixtureResult { name, snapshot, outcome: Outcome::Written, pending: None });
        }
        Some(old) if old.trim_end() == contents.trim_end() => Outcome::Same,
        Some(old) => Outcome::Changed(diff(old, contents, &name)),
        None => Outcome::Missing,
    };
    let pending = if outcome == Outcome::Same {
        let _ = std::fs::remove_file(&pending_path);
        None
    } else if options.ci {
        None
    } else {
        write(&pending_path)?;
        Some(pending_path)
    };
    Ok(FixtureResult { name, snapshot, outcome, pending })
}

/// A snapshot file: insta's header, then the contents.
pub fn format_snapshot(fixture: &Path, contents: &str) -> String {
    let quoted = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let input = fixture.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut out = String::new();
    let _ = write!(out, "---\nsource: khabar test\nexpression: {}\n---\n{}", quoted(&input), contents.trim_end());
    out.push('\n');
    out
}

/// The contents of a snapshot file, after its header.
pub fn snapshot_contents(file: &str) -> &str {
    let Some(rest) = file.strip_prefix("---\n") else { return file };
    match rest.find("\n---\n") {
        Some(at) => rest.get(at + 5..).unwrap_or(""),
        None => file,
    }
}

fn diff(old: &str, new: &str, name: &str) -> String {
    let (old, new) = (format!("{}\n", old.trim_end()), format!("{}\n", new.trim_end()));
    similar::TextDiff::from_lines(&old, &new)
        .unified_diff()
        .context_radius(2)
        .header(&format!("{name} (snapshot)"), &format!("{name} (now)"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot_files_round_trip() {
        let file = format_snapshot(Path::new("dir/a.txt"), "zones (1)\n  z0 body [0..3) \"abc\"\n");
        assert!(file.starts_with("---\nsource: khabar test\nexpression: \"a.txt\"\n---\nzones (1)\n"));
        assert_eq!(snapshot_contents(&file), "zones (1)\n  z0 body [0..3) \"abc\"\n");
    }

    #[test]
    fn diffs_name_the_changed_lines() {
        let d = diff("a\nb\nc\n", "a\nB\nc\n", "doc");
        assert!(d.contains("--- doc (snapshot)") && d.contains("-b\n") && d.contains("+B\n"), "{d}");
    }
}
