//! Each fixture in `tests/fixtures/` through `segment` and `dates`, reviewed as text: every
//! date with its span, covered text, value and the rule that chose it.

use khabar_core::{Analyzer, Document, review};
use khabar_dates::{Dates, DatesOptions};
use khabar_segment::{Segment, SegmentOptions};

#[test]
fn fixtures() {
    let segment = Segment::new(SegmentOptions::default());
    let dates = Dates::new(DatesOptions::default()).unwrap();
    insta::glob!("fixtures/*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let id = path.file_stem().unwrap().to_string_lossy();
        let lang = khabar_core::text::guess_lang(&text);
        let mut doc = Document::new(id, lang, text);
        segment.analyze(&mut doc).unwrap();
        dates.analyze(&mut doc).unwrap();
        let shown = review(&doc);
        // The dates and the publication date are what this crate answers for.
        let dates_part = shown.split("\ndates (").nth(1).map(|d| format!("dates ({d}")).unwrap_or_default();
        let meta: String = shown.lines().filter(|l| l.starts_with("meta.published")).collect();
        insta::assert_snapshot!(format!("{meta}\n\n{dates_part}"));
    });
}
