use khabar_core::{Analyzer, Document, ZoneKind, parse_options};
use proptest::prelude::*;

use super::*;

const LAVROV: &str = include_str!("../../../tests/fixtures/ar-lavrov-middle-east.txt");

fn segment(text: &str) -> Document {
    let mut doc = Document::new("t", "ar", text);
    Segment::new(SegmentOptions::default()).analyze(&mut doc).unwrap();
    doc
}

/// 1-based line number of a byte offset.
fn line_of(text: &str, at: usize) -> usize {
    text.get(..at).unwrap().matches('\n').count() + 1
}

#[test]
fn fixture_article_matches_the_hand_annotation() {
    let doc = segment(LAVROV);
    let zones = doc.layers.zones.as_ref().unwrap();
    let got: Vec<(ZoneKind, usize, usize)> =
        zones.iter().map(|z| (z.kind, line_of(LAVROV, z.span.start()), line_of(LAVROV, z.span.end()))).collect();
    use ZoneKind::*;
    let expected =
        vec![(Title, 1, 1), (Dateline, 2, 2), (Body, 3, 20), (Source, 21, 21), (Keywords, 22, 22), (Related, 23, 25)];
    assert_eq!(got, expected);

    let paragraphs = doc.layers.paragraphs.as_ref().unwrap();
    let body = zones.iter().position(|z| z.kind == Body).unwrap();
    let body_paragraphs: Vec<usize> = (0..paragraphs.len()).filter(|&i| paragraphs[i].zone == body).collect();
    assert_eq!(body_paragraphs.len(), 18);

    let sentences = doc.layers.sentences.as_ref().unwrap();
    for &p in &body_paragraphs {
        let line = line_of(LAVROV, paragraphs[p].span.start());
        let count = sentences.iter().filter(|s| s.paragraph == p).count();
        let accepted: &[usize] = match line {
            8 | 12 | 13 | 18 | 19 => &[2],
            6 => &[1, 2],
            _ => &[1],
        };
        assert!(accepted.contains(&count), "line {line}: {count} sentences");
    }

    assert_eq!(doc.meta.title.as_deref(), LAVROV.lines().next());
    assert_eq!(doc.meta.source.as_deref(), Some("البوابة نيوز"));
}

#[test]
fn cues_match_spelling_variants() {
    // Hamza forms, tanween, tatweel, Persian yeh in the cue word itself.
    for line in ["إقرأ أيضاً:", "اقرأ ايضا", "اقـــرأ أيضًا:", "المصدر : رويترز", "كلمات دلالیة: أ، ب"]
    {
        let doc = segment(&format!("نص الخبر الأول هنا.\n{line}"));
        let kinds: Vec<ZoneKind> = doc.layers.zones.unwrap().iter().map(|z| z.kind).collect();
        assert_ne!(kinds.last(), Some(&ZoneKind::Body), "{line}");
    }
}

#[test]
fn a_body_line_that_merely_starts_like_a_cue_stays_body() {
    let text = "قال الوزير إن الاجتماع انتهى.\nشارك الرئيس في القمة التي عقدت في العاصمة أمس بحضور عدد كبير من القادة والمسؤولين.";
    let doc = segment(text);
    let zones = doc.layers.zones.unwrap();
    assert_eq!(zones.len(), 1);
    assert_eq!(zones[0].kind, ZoneKind::Body);
}

#[test]
fn options_extend_the_cues_and_reject_typos() {
    let options: SegmentOptions =
        parse_options(&serde_json::json!({"cues": {"related": ["شاهد المزيد"]}, "title": false})).unwrap();
    let mut doc = Document::new("t", "ar", "عنوان قصير هنا\nنص الخبر.\nشاهد المزيد\nعنوان آخر");
    Segment::new(options).analyze(&mut doc).unwrap();
    let kinds: Vec<ZoneKind> = doc.layers.zones.unwrap().iter().map(|z| z.kind).collect();
    assert_eq!(kinds, vec![ZoneKind::Body, ZoneKind::Related]);
    assert_eq!(doc.meta.title, None);

    let typo = parse_options::<SegmentOptions>(&serde_json::json!({"cues": {"relatd": []}})).unwrap_err();
    assert_eq!(typo.path, vec!["cues".to_owned()]);
    assert_eq!(typo.unknown_key(), Some("relatd"));
}

#[test]
fn an_input_title_is_kept() {
    let mut doc = Document::new("t", "ar", "عنوان من الصفحة\nنص.");
    doc.meta.title = Some("العنوان الأصلي".into());
    Segment::new(SegmentOptions::default()).analyze(&mut doc).unwrap();
    assert_eq!(doc.meta.title.as_deref(), Some("العنوان الأصلي"));
}

fn check_invariants(text: &str) -> Result<(), TestCaseError> {
    let doc = segment(text);
    let zones = doc.layers.zones.as_ref().unwrap();
    let paragraphs = doc.layers.paragraphs.as_ref().unwrap();
    let sentences = doc.layers.sentences.as_ref().unwrap();
    let spans = |v: Vec<khabar_core::Span>| -> Result<(), TestCaseError> {
        for span in &v {
            prop_assert!(span.check(text).is_ok(), "{span:?} not a span of the text");
            prop_assert!(!span.is_empty());
        }
        for pair in v.windows(2) {
            prop_assert!(pair[0].end() <= pair[1].start(), "overlap or disorder: {:?}", pair);
        }
        Ok(())
    };
    spans(zones.iter().map(|z| z.span).collect())?;
    spans(paragraphs.iter().map(|p| p.span).collect())?;
    spans(sentences.iter().map(|s| s.span).collect())?;
    for p in paragraphs {
        prop_assert!(zones[p.zone].span.contains(p.span));
    }
    for s in sentences {
        prop_assert!(paragraphs[s.paragraph].span.contains(s.span));
    }
    for z in zones {
        prop_assert_eq!(z.span.of(text), z.text.as_str());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn layers_are_ordered_inside_the_text_and_nested(text in "([\\PC\\r\\n\"«».!?؟…:٫ ]|قال|المصدر: |اقرأ أيضا\n|د\\. |U\\.S\\. ){0,60}") {
        check_invariants(&text)?;
    }

    #[test]
    fn any_unicode_is_handled(text in "\\PC*") {
        check_invariants(&text)?;
    }
}
