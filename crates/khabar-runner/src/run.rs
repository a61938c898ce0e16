//! Running a pipeline over a stream of documents: read on one thread, analyse in parallel
//! (rayon), write in input order. Memory is bounded by a few batches in flight.

use std::io::{self, Write};
use std::sync::mpsc;
use std::time::Instant;

use khabar_core::{Document, Published, text::guess_lang};
use rayon::prelude::*;

use crate::config::Config;
use crate::input::{DocumentReader, InputError, InputOptions, Place, RawDocument, Source};
use crate::output::{OutputOptions, render};
use crate::pipeline::Pipeline;
use crate::published::parse_published;

/// Per-run settings that come from the command line rather than the config.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// Worker threads (default: one per core).
    pub threads: Option<usize>,
    /// Publication date for every document (already validated), overriding the input's.
    pub published: Option<String>,
    /// Language for every document, overriding the input's and the guess.
    pub lang: Option<String>,
    /// Show a progress bar (the caller decides whether stderr is a terminal).
    pub progress: bool,
    /// For `html`: the directory that gets one page per document and an `index.html`.
    pub html_dir: Option<std::path::PathBuf>,
}

/// What happened to a run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Documents read (analysed or failed).
    pub documents: u64,
    /// Documents that failed.
    pub failed: u64,
    /// Bytes of input read.
    pub bytes: u64,
    /// Wall time.
    pub seconds: f64,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mb = self.bytes as f64 / 1e6;
        let s = |n: u64| if n == 1 { "" } else { "s" };
        write!(
            f,
            "khabar: {} document{}, {mb:.2} MB, {} error{}, {:.2} s",
            self.documents,
            s(self.documents),
            self.failed,
            s(self.failed),
            self.seconds
        )
    }
}

/// Something a user should hear about one document: an error (the document is not written)
/// or a warning (it is written).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Where the document came from.
    pub place: Place,
    /// Its id, when it was read.
    pub id: Option<String>,
    /// What happened.
    pub message: String,
    /// Whether the document was lost.
    pub is_error: bool,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = if self.is_error { "error" } else { "warning" };
        write!(f, "{level}: {}", self.place)?;
        if let Some(id) = &self.id {
            if self.place.line.is_some() {
                write!(f, " (id {id})")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

const BATCH_DOCUMENTS: usize = 256;
const BATCH_BYTES: u64 = 8 << 20;

type Batch = Vec<(u64, Result<RawDocument, InputError>)>;

/// Runs `config`'s pipeline over `sources`, writing each document to `out` in input order
/// and each problem to `report` as it is met.
pub fn run(
    config: &Config,
    sources: Vec<Source>,
    options: &RunOptions,
    out: &mut dyn Write,
    report: &mut dyn FnMut(&Report),
) -> io::Result<Summary> {
    let started = Instant::now();
    let pool =
        rayon::ThreadPoolBuilder::new().num_threads(options.threads.unwrap_or(0)).build().map_err(io::Error::other)?;
    let corpus = config.pipeline.corpus_positions();
    // Corpus analyzers read the inputs more than once: standard input is kept in a temporary
    // file (on disk, not in memory) for the passes after the first.
    let _spool;
    let sources = if corpus.is_empty() {
        sources
    } else {
        let (spooled, file) = spool_stdin(sources)?;
        _spool = file;
        spooled
    };
    let total: u64 = sources.iter().filter_map(Source::size).sum::<u64>() * (corpus.len() as u64 + 1);
    let progress = progress_bar(options.progress, total);

    for &position in &corpus {
        let reader = DocumentReader::new(sources.clone(), config.input.clone());
        for_each_batch(reader, |batch| {
            progress.inc(batch.iter().map(|(_, item)| item.as_ref().map_or(0, |d| d.bytes)).sum());
            pool.install(|| {
                batch.into_par_iter().for_each(|(seq, item)| {
                    // Failures are reported by the final pass, which meets them again.
                    if let Ok(raw) = item {
                        let (mut doc, _) = prepare(raw, seq, options);
                        let _ = config.pipeline.observe(&mut doc, position);
                    }
                });
            });
            Ok(())
        })?;
        if let Err(err) = config.pipeline.seal(position) {
            return Err(io::Error::other(err.to_string()));
        }
    }

    let mut summary = Summary::default();
    let mut pages = Vec::new();
    let mut taken = std::collections::HashSet::new();
    let mut written = 0u64;
    let reader = DocumentReader::new(sources, config.input.clone());
    for_each_batch(reader, |batch| {
        let results: Vec<Outcome> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|(seq, item)| analyse(item, seq, &config.pipeline, &config.output, options))
                .collect()
        });
        for outcome in results {
            summary.documents += 1;
            summary.bytes += outcome.bytes;
            progress.inc(outcome.bytes);
            for r in &outcome.reports {
                if r.is_error {
                    summary.failed += 1;
                }
                progress.suspend(|| report(r));
            }
            let Some(json) = outcome.json else { continue };
            match (&options.html_dir, outcome.page) {
                // One page per document, streamed to its own file; the index keeps one line each.
                (Some(dir), Some(mut page)) => {
                    page.file = crate::html::file_name(&page.id, &mut taken);
                    std::fs::write(dir.join(&page.file), &json)?;
                    pages.push(page);
                }
                (None, Some(page)) if written > 0 => {
                    summary.failed += 1;
                    let place = outcome.place.unwrap_or(Place { file: String::new(), line: None });
                    let message = "an HTML page holds one document: write many with -o DIR/".to_owned();
                    progress.suspend(|| report(&Report { place, id: Some(page.id), message, is_error: true }));
                }
                _ => out.write_all(&json)?,
            }
            written += 1;
        }
        Ok(())
    })?;
    if let Some(dir) = &options.html_dir {
        std::fs::write(dir.join("index.html"), crate::html::render_index(&pages))?;
    }
    out.flush()?;
    progress.finish_and_clear();
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Copies standard input to a temporary file, and points its source at the copy.
fn spool_stdin(sources: Vec<Source>) -> io::Result<(Vec<Source>, Option<tempfile::NamedTempFile>)> {
    if !sources.iter().any(|s| matches!(s, Source::Stream { path: None })) {
        return Ok((sources, None));
    }
    let mut file = tempfile::NamedTempFile::new()?;
    io::copy(&mut io::stdin().lock(), &mut file)?;
    file.flush()?;
    let path = file.path().to_owned();
    let sources = sources
        .into_iter()
        .map(|s| match s {
            Source::Stream { path: None } => Source::Stream { path: Some(path.clone()) },
            other => other,
        })
        .collect();
    Ok((sources, Some(file)))
}

/// Reads on a separate thread and hands batches to `each`, two batches ahead at most.
fn for_each_batch(reader: DocumentReader, mut each: impl FnMut(Batch) -> io::Result<()>) -> io::Result<()> {
    let (send, receive) = mpsc::sync_channel::<Batch>(2);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut batch = Batch::new();
            let mut bytes = 0;
            for (seq, item) in (0u64..).zip(reader) {
                bytes += item.as_ref().map_or(0, |d| d.bytes);
                batch.push((seq, item));
                if batch.len() >= BATCH_DOCUMENTS || bytes >= BATCH_BYTES {
                    if send.send(std::mem::take(&mut batch)).is_err() {
                        return;
                    }
                    bytes = 0;
                }
            }
            if !batch.is_empty() {
                let _ = send.send(batch);
            }
        });
        for batch in receive {
            each(batch)?;
        }
        Ok(())
    })
}

/// One document's result: its JSON (unless it failed) and what to report.
struct Outcome {
    json: Option<Vec<u8>>,
    reports: Vec<Report>,
    bytes: u64,
    /// For `html`: the document's line in the index.
    page: Option<crate::html::IndexEntry>,
    place: Option<Place>,
}

fn analyse(
    item: Result<RawDocument, InputError>,
    seq: u64,
    pipeline: &Pipeline,
    output: &OutputOptions,
    options: &RunOptions,
) -> Outcome {
    let raw = match item {
        Ok(raw) => raw,
        Err(err) => {
            let report = Report { place: err.place, id: None, message: err.message, is_error: true };
            return Outcome { json: None, reports: vec![report], bytes: 0, page: None, place: None };
        }
    };
    let bytes = raw.bytes;
    let place = raw.place.clone();
    let (mut doc, mut reports) = prepare(raw, seq, options);
    let mut json = Vec::with_capacity(doc.text().len() * 2 + 256);
    let failure = match pipeline.analyze(&mut doc) {
        Err(err) => Some(err.to_string()),
        Ok(()) => render(&doc, output, &mut json).err().map(|err| format!("cannot write output: {err}")),
    };
    if let Some(message) = failure {
        reports.push(Report { place, id: Some(doc.id), message, is_error: true });
        return Outcome { json: None, reports, bytes, page: None, place: None };
    }
    let page =
        (output.format == crate::output::Format::Html).then(|| crate::html::IndexEntry::new(&doc, String::new()));
    Outcome { json: Some(json), reports, bytes, page, place: Some(place) }
}

/// Builds the document from what was read: language (given, or guessed from the script),
/// address, headline, and the publication date as given.
fn prepare(raw: RawDocument, seq: u64, options: &RunOptions) -> (Document, Vec<Report>) {
    let mut reports = Vec::new();
    let lang = options.lang.clone().or(raw.lang).unwrap_or_else(|| guess_lang(&raw.text).to_owned());
    let mut doc = Document::new(raw.id, lang, raw.text);
    doc.seq = seq;
    doc.meta.url = raw.url;
    doc.meta.title = raw.title;
    let published = options.published.clone().or(raw.published);
    if let Some(text) = published {
        match parse_published(&text) {
            Ok(value) => doc.meta.published = Some(Published { value, text, span: None, source: "input".into() }),
            Err(message) => reports.push(Report {
                place: raw.place,
                id: Some(doc.id.clone()),
                message: format!("{message}; analysed without a publication date"),
                is_error: false,
            }),
        }
    }
    (doc, reports)
}

fn progress_bar(show: bool, total: u64) -> indicatif::ProgressBar {
    if !show {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total);
    let style = indicatif::ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
    );
    if let Ok(style) = style {
        bar.set_style(style);
    }
    bar
}

/// Whether the run is large enough for a progress bar to help: any JSON Lines input or
/// standard input, or many files.
pub fn worth_a_progress_bar(sources: &[Source]) -> bool {
    sources.len() > 50 || sources.iter().any(|s| !matches!(s, Source::Text { .. }))
}

/// A reader over JSON Lines bytes in memory, for benches: see [`run_reader`].
pub fn jsonl_reader(data: std::sync::Arc<[u8]>, options: InputOptions) -> DocumentReader {
    DocumentReader::jsonl(Box::new(io::Cursor::new(data)), "bench.jsonl", options)
}

/// The runner's inner loop on one thread, without config or progress: read, analyse, write.
/// Returns the number of documents written.
pub fn run_reader(reader: DocumentReader, pipeline: &Pipeline, output: &OutputOptions, out: &mut Vec<u8>) -> usize {
    let options = RunOptions::default();
    let mut written = 0;
    for (seq, item) in (0u64..).zip(reader) {
        let outcome = analyse(item, seq, pipeline, output, &options);
        if let Some(json) = outcome.json {
            out.extend_from_slice(&json);
            written += 1;
        }
    }
    written
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::sync::Mutex;

    use khabar_core::{AnalyzeError, Analyzer, CorpusAnalyzer, Layer};

    use super::*;
    use crate::input::collect_sources;
    use crate::output::Format;

    /// Counts, across the corpus, the documents sharing each first word; writes the count.
    #[derive(Default)]
    struct FirstWords {
        seen: Mutex<BTreeMap<String, usize>>,
        sealed: Mutex<bool>,
    }

    const PROVIDES: &[Layer] = &[Layer::Source];

    impl Analyzer for FirstWords {
        fn name(&self) -> &str {
            "first-words"
        }
        fn requires(&self) -> &[Layer] {
            &[]
        }
        fn provides(&self) -> &[Layer] {
            PROVIDES
        }
        fn analyze(&self, doc: &mut Document) -> Result<(), AnalyzeError> {
            assert!(*self.sealed.lock().unwrap(), "annotated before sealing");
            let word = doc.text().split_whitespace().next().unwrap_or("").to_owned();
            let count = self.seen.lock().unwrap().get(&word).copied().unwrap_or(0);
            doc.meta.source = Some(format!("{word}:{count}"));
            Ok(())
        }
        fn corpus(&self) -> Option<&dyn CorpusAnalyzer> {
            Some(self)
        }
    }

    impl CorpusAnalyzer for FirstWords {
        fn observe(&self, doc: &Document) -> Result<(), AnalyzeError> {
            let word = doc.text().split_whitespace().next().unwrap_or("").to_owned();
            *self.seen.lock().unwrap().entry(word).or_default() += 1;
            Ok(())
        }
        fn seal(&self) -> Result<(), AnalyzeError> {
            *self.sealed.lock().unwrap() = true;
            Ok(())
        }
    }

    #[test]
    fn corpus_analyzers_see_every_document_before_annotating() {
        let dir = tempfile::tempdir().unwrap();
        let lines: String = (0..700).map(|i| format!("{{\"id\": \"{i}\", \"text\": \"w{} x\"}}\n", i % 3)).collect();
        std::fs::write(dir.path().join("c.jsonl"), lines).unwrap();
        let (sources, errors) = collect_sources(&[dir.path().join("c.jsonl")]);
        assert!(errors.is_empty());

        let config = Config {
            pipeline: Pipeline::new(vec![Box::new(FirstWords::default())]),
            output: OutputOptions { format: Format::Jsonl, ..OutputOptions::default() },
            input: InputOptions::default(),
            dir: dir.path().to_owned(),
            fixture: Default::default(),
            registry: Default::default(),
        };
        let mut out = Vec::new();
        let mut reports = Vec::new();
        let options = RunOptions { threads: Some(2), ..RunOptions::default() };
        let summary = run(&config, sources, &options, &mut out, &mut |r| reports.push(r.clone())).unwrap();
        assert!(reports.is_empty(), "{reports:?}");
        assert_eq!((summary.documents, summary.failed), (700, 0));
        let sources: Vec<String> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["meta"]["source"].as_str().unwrap().to_owned()
            })
            .collect();
        assert_eq!(&sources[..4], ["w0:234", "w1:233", "w2:233", "w0:234"]);
    }
}
