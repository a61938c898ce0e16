//! `dedup` in document scope on real articles, and in corpus scope over the bench corpus
//! (observe every document, seal, annotate), after `segment`. Targets: the 25 MB bench corpus in
//! corpus scope under 10 s on 2 cores (this bench runs one core).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use khabar_core::{Analyzer, Document};
use khabar_dedup::{Dedup, DedupOptions};
use khabar_runner::input::InputOptions;
use khabar_runner::run::jsonl_reader;
use khabar_segment::{Segment, SegmentOptions};

fn segmented(articles: &[(String, String)]) -> Vec<Document> {
    let segment = Segment::new(SegmentOptions::default());
    articles
        .iter()
        .enumerate()
        .map(|(seq, (id, text))| {
            let mut doc = Document::new(id.as_str(), "ar", text.as_str());
            doc.seq = seq as u64;
            segment.analyze(&mut doc).unwrap();
            doc
        })
        .collect()
}

fn dedup(c: &mut Criterion) {
    let mut group = c.benchmark_group("dedup");
    group.sample_size(10);

    let articles = khabar_bench::articles();
    let docs = segmented(&articles);
    let bytes: usize = articles.iter().map(|(_, t)| t.len()).sum();
    let document_scope = Dedup::new(DedupOptions::default()).unwrap();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("document_scope", |b| {
        b.iter(|| {
            let mut found = 0;
            for doc in &docs {
                let mut doc = doc.clone();
                document_scope.analyze(&mut doc).unwrap();
                found += doc.layers.duplicates.as_ref().unwrap().len();
            }
            assert!(found >= 2, "the fixture alone has two restatements");
        })
    });

    let (data, records) = khabar_bench::jsonl(32 << 20);
    let corpus: Vec<(String, String)> =
        jsonl_reader(data.into(), InputOptions::default()).filter_map(Result::ok).map(|d| (d.id, d.text)).collect();
    assert_eq!(corpus.len(), records);
    let corpus_docs = segmented(&corpus);
    let corpus_bytes: usize = corpus.iter().map(|(_, t)| t.len()).sum();
    group.throughput(Throughput::Bytes(corpus_bytes as u64));
    group.bench_function("corpus_scope", |b| {
        b.iter(|| {
            let options =
                DedupOptions { scope: "corpus".into(), restatement_threshold: 0.0, ..DedupOptions::default() };
            let dedup = Dedup::new(options).unwrap();
            let corpus = dedup.corpus().unwrap();
            for doc in &corpus_docs {
                corpus.observe(doc).unwrap();
            }
            corpus.seal().unwrap();
            let mut cross = 0;
            for doc in &corpus_docs {
                let mut doc = doc.clone();
                dedup.analyze(&mut doc).unwrap();
                cross += doc.layers.duplicates.as_ref().unwrap().iter().filter(|d| d.matches.is_some()).count();
            }
            assert!(cross > 0 || corpus_docs.len() < 100);
        })
    });
    group.finish();
}

criterion_group!(benches, dedup);
criterion_main!(benches);
