//! `segment` + `quotes` on real Arabic articles. Target: 30 MB/s on one core.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use khabar_core::{Analyzer, Document};
use khabar_quotes::{Quotes, QuotesOptions};
use khabar_segment::{Segment, SegmentOptions};

fn quotes(c: &mut Criterion) {
    let segment = Segment::new(SegmentOptions::default());
    let quotes = Quotes::new(QuotesOptions::default());
    let articles = khabar_bench::articles();
    let bytes: usize = articles.iter().map(|(_, t)| t.len()).sum();
    let mut group = c.benchmark_group("quotes");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("segment_and_quotes", |b| {
        b.iter(|| {
            let mut found = 0;
            for (name, text) in &articles {
                let mut doc = Document::new(name.as_str(), "ar", text.as_str());
                segment.analyze(&mut doc).unwrap();
                quotes.analyze(&mut doc).unwrap();
                found += doc.layers.quotes.as_ref().unwrap().len();
            }
            assert!(found >= 17, "the fixture alone has seventeen quotes");
        })
    });
    group.finish();
}

criterion_group!(benches, quotes);
criterion_main!(benches);
