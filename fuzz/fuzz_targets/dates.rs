//! Any text through `segment` and `dates`: spans on char boundaries, covering their text.
#![no_main]

use khabar_core::{Analyzer, Document, Published};
use khabar_dates::{Dates, DatesOptions};
use khabar_segment::{Segment, SegmentOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut doc = Document::new("fuzz", "ar", text);
    doc.meta.published = Some(Published { value: "2024-02-13".into(), text: String::new(), span: None, source: "input".into() });
    Segment::new(SegmentOptions::default()).analyze(&mut doc).unwrap();
    Dates::new(DatesOptions::default()).unwrap().analyze(&mut doc).unwrap();
    for date in doc.layers.dates.as_ref().unwrap() {
        assert!(date.span.check(text).is_ok());
        assert_eq!(date.span.of(text), date.text);
    }
});
