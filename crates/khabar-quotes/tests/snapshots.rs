//! Each fixture through `segment` and `quotes`, reviewed as text: every quote with its
//! content, cue and speaker mention, and the speakers with their roles and aliases.

use khabar_core::{Analyzer, Document, review};
use khabar_quotes::{Quotes, QuotesOptions};
use khabar_segment::{Segment, SegmentOptions};

#[test]
fn fixtures() {
    let segment = Segment::new(SegmentOptions::default());
    let quotes = Quotes::new(QuotesOptions::default());
    insta::glob!("fixtures/*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let id = path.file_stem().unwrap().to_string_lossy();
        let mut doc = Document::new(id, khabar_core::text::guess_lang(&text), text);
        segment.analyze(&mut doc).unwrap();
        quotes.analyze(&mut doc).unwrap();
        let shown = review(&doc);
        let part = shown.split("\nspeakers (").nth(1).map(|s| format!("speakers ({s}")).unwrap_or_default();
        insta::assert_snapshot!(part);
    });
}
