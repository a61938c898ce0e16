//! `segment` + `dates` together on real Arabic articles, as the default pipeline runs them.
//! Target: 30 MB/s on one core.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use khabar_core::{Analyzer, Document, Published};
use khabar_dates::{Dates, DatesOptions};
use khabar_segment::{Segment, SegmentOptions};

fn dates(c: &mut Criterion) {
    let segment = Segment::new(SegmentOptions::default());
    let dates = Dates::new(DatesOptions::default()).unwrap();
    let articles = khabar_bench::articles();
    let bytes: usize = articles.iter().map(|(_, t)| t.len()).sum();
    let published =
        Published { value: "2024-02-13".into(), text: "2024-02-13".into(), span: None, source: "input".into() };
    let mut group = c.benchmark_group("dates");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("segment_and_dates", |b| {
        b.iter(|| {
            let mut found = 0;
            for (name, text) in &articles {
                let mut doc = Document::new(name.as_str(), "ar", text.as_str());
                doc.meta.published = Some(published.clone());
                segment.analyze(&mut doc).unwrap();
                dates.analyze(&mut doc).unwrap();
                found += doc.layers.dates.as_ref().unwrap().len();
            }
            assert!(found >= 9, "the fixture alone has nine dates");
        })
    });
    group.finish();
}

criterion_group!(benches, dates);
criterion_main!(benches);
