//! Any text through `segment`: spans on char boundaries, sorted, nested.
#![no_main]

use khabar_core::{Analyzer, Document};
use khabar_segment::{Segment, SegmentOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut doc = Document::new("fuzz", "ar", text);
    Segment::new(SegmentOptions::default()).analyze(&mut doc).unwrap();
    let paragraphs = doc.layers.paragraphs.as_ref().unwrap();
    for s in doc.layers.sentences.as_ref().unwrap() {
        assert!(s.span.check(text).is_ok());
        assert!(paragraphs[s.paragraph].span.contains(s.span));
    }
});
