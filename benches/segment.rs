//! `segment` on real articles: each one alone, and one long article made of all of them.
//! Target: 100 MB/s on one core.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use khabar_core::{Analyzer, Document};
use khabar_segment::{Segment, SegmentOptions};

fn segment(c: &mut Criterion) {
    let segment = Segment::new(SegmentOptions::default());
    let articles = khabar_bench::articles();
    let long: String = articles.iter().map(|(_, text)| text.as_str()).collect::<Vec<_>>().join("\n");
    let mut group = c.benchmark_group("segment");

    let all: usize = articles.iter().map(|(_, t)| t.len()).sum();
    group.throughput(Throughput::Bytes(all as u64));
    group.bench_function("each_article", |b| {
        b.iter(|| {
            for (name, text) in &articles {
                let mut doc = Document::new(name.as_str(), "ar", text.as_str());
                segment.analyze(&mut doc).unwrap();
                assert!(!doc.layers.paragraphs.as_ref().unwrap().is_empty() || text.trim().is_empty());
            }
        })
    });

    group.throughput(Throughput::Bytes(long.len() as u64));
    group.bench_function("long_article", |b| {
        b.iter(|| {
            let mut doc = Document::new("long", "ar", long.as_str());
            segment.analyze(&mut doc).unwrap();
            assert!(doc.layers.sentences.as_ref().unwrap().len() > articles.len());
        })
    });
    group.finish();
}

criterion_group!(benches, segment);
criterion_main!(benches);
