//! Each fixture in `tests/fixtures/` through `segment`, reviewed as text: every zone,
//! paragraph and sentence with its span and the text it covers.

use khabar_core::{Analyzer, Document, review};
use khabar_segment::{Segment, SegmentOptions};

#[test]
fn fixtures() {
    let segment = Segment::new(SegmentOptions::default());
    insta::glob!("fixtures/*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let id = path.file_stem().unwrap().to_string_lossy();
        let lang = if id.starts_with("en-") { "en" } else { "ar" };
        let mut doc = Document::new(id, lang, text);
        segment.analyze(&mut doc).unwrap();
        insta::assert_snapshot!(review(&doc));
    });
}
