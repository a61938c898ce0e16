//! The cost of the plugin boundary: the `agencies` analyzer linked in, and the same analyzer
//! loaded as a plugin (document to JSON, across the C ABI, layer back from JSON and checked),
//! on the fixture article. Target: under 20% per document.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use khabar_core::{Analyzer, Document, Options};

fn plugin_library() -> std::path::PathBuf {
    let exe = std::env::current_exe().expect("bench executable");
    let deps = exe.parent().expect("deps directory");
    let file = format!("{}khabar_agencies{}", std::env::consts::DLL_PREFIX, std::env::consts::DLL_SUFFIX);
    [deps.join(&file), deps.parent().map(|d| d.join(&file)).unwrap_or_default()]
        .into_iter()
        .find(|p| p.is_file())
        .expect("the agencies plugin was built with the benches")
}

fn boundary(c: &mut Criterion) {
    let text = khabar_bench::fixture_article();
    let linked = khabar_agencies::Agencies::new(Default::default()).unwrap();
    let spec = khabar_runner::plugins::load(&plugin_library()).unwrap();
    let loaded = (spec.factory)(&Options::Null).unwrap();
    let mut group = c.benchmark_group("agencies");
    group.throughput(Throughput::Bytes(text.len() as u64));
    for (name, analyzer) in [("linked", &linked as &dyn Analyzer), ("plugin", loaded.as_ref())] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut doc = Document::new("fixture", "ar", text.as_str());
                analyzer.analyze(&mut doc).unwrap();
                assert!(doc.layers.plugins.contains_key("agencies"));
            })
        });
    }
    group.finish();
}

criterion_group!(benches, boundary);
criterion_main!(benches);
