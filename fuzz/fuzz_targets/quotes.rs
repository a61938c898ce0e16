//! Any text through `segment` and `quotes`: quote and mention spans on char boundaries.
#![no_main]

use khabar_core::{Analyzer, Document};
use khabar_quotes::{Quotes, QuotesOptions};
use khabar_segment::{Segment, SegmentOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut doc = Document::new("fuzz", "ar", text);
    Segment::new(SegmentOptions::default()).analyze(&mut doc).unwrap();
    Quotes::new(QuotesOptions::default()).analyze(&mut doc).unwrap();
    for q in doc.layers.quotes.as_ref().unwrap() {
        assert_eq!(q.span.of(text), q.text);
        assert!(q.speaker_span.is_none_or(|s| s.check(text).is_ok()));
    }
});
