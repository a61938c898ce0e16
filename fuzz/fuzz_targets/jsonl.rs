//! Any bytes as a JSON Lines stream: every line ends as a document or an error with its line.
#![no_main]

use khabar_runner::input::InputOptions;
use khabar_runner::run::jsonl_reader;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = InputOptions { max_document_bytes: 4096, ..InputOptions::default() };
    for item in jsonl_reader(data.to_vec().into(), options) {
        match item {
            Ok(doc) => assert!(doc.text.len() <= 4096),
            Err(err) => assert!(err.place.line.is_some()),
        }
    }
});
