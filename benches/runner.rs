//! The runner's own overhead: read JSON Lines, build documents, dispatch to an empty pipeline,
//! write JSON Lines, on one core. Target: 200 MB/s, so that analyzers, not the frame, set
//! the speed.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use khabar_runner::input::InputOptions;
use khabar_runner::output::{Format, OutputOptions};
use khabar_runner::pipeline::Pipeline;
use khabar_runner::run::{jsonl_reader, run_reader};

fn overhead(c: &mut Criterion) {
    let (data, records) = khabar_bench::jsonl(16 << 20);
    let data: std::sync::Arc<[u8]> = data.into();
    let pipeline = Pipeline::new(Vec::new());
    let output = OutputOptions { format: Format::Jsonl, ..OutputOptions::default() };
    let mut group = c.benchmark_group("runner");
    group.throughput(Throughput::Bytes(data.len() as u64));
    group.sample_size(10);
    let mut out = Vec::with_capacity(data.len() * 2);
    group.bench_function("jsonl_in_out_empty_pipeline", |b| {
        b.iter(|| {
            out.clear();
            let reader = jsonl_reader(data.clone(), InputOptions::default());
            let written = run_reader(reader, &pipeline, &output, &mut out);
            assert_eq!(written, records);
        })
    });
    group.finish();
}

criterion_group!(benches, overhead);
criterion_main!(benches);
