//! Every fixture of the project through the default pipeline, reviewed as text (each span
//! with its covered text), plus one JSON snapshot of the output schema.

use khabar_core::{Document, review};
use khabar_runner::builtin;
use khabar_runner::config::Config;
use khabar_runner::output::{Format, OutputOptions, render};

fn analyse(path: &std::path::Path) -> Document {
    let registry = builtin::registry();
    let config = Config::default_config(&registry).unwrap_or_else(|e| panic!("{e}"));
    let text = std::fs::read_to_string(path).unwrap();
    let id = path.file_stem().unwrap().to_string_lossy();
    let mut doc = Document::new(id, khabar_core::text::guess_lang(&text), text);
    config.pipeline.analyze(&mut doc).unwrap();
    doc
}

/// The project's fixtures: this suite's own and every analyzer crate's.
#[test]
fn fixtures_through_the_default_pipeline() {
    insta::glob!("fixtures/*.txt", |path| {
        insta::assert_snapshot!(review(&analyse(path)));
    });
    insta::glob!("../crates", "*/tests/fixtures/*.txt", |path| {
        insta::assert_snapshot!(review(&analyse(path)));
    });
}

#[test]
fn output_schema() {
    let doc = analyse(&khabar_tests::fixtures().join("ar-lavrov-middle-east.txt"));
    let options = OutputOptions { format: Format::Json, text: false, ..OutputOptions::default() };
    let mut out = Vec::new();
    render(&doc, &options, &mut out).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
    insta::assert_json_snapshot!(value);
}
