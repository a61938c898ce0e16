use khabar_core::{Analyzer, CorpusAnalyzer, Document, DuplicateKind};
use khabar_segment::{Segment, SegmentOptions};

use super::*;

const LAVROV: &str = include_str!("../../../tests/fixtures/ar-lavrov-middle-east.txt");

fn segmented(id: &str, text: &str) -> Document {
    let mut doc = Document::new(id, "ar", text);
    Segment::new(SegmentOptions::default()).analyze(&mut doc).unwrap();
    doc
}

fn analyze(text: &str, options: DedupOptions) -> Document {
    let mut doc = segmented("t", text);
    Dedup::new(options).unwrap().analyze(&mut doc).unwrap();
    doc
}

/// 1-based line of each paragraph.
fn lines(doc: &Document, paragraphs: &[usize]) -> Vec<usize> {
    let text = doc.text();
    let all = doc.layers.paragraphs.as_ref().unwrap();
    paragraphs.iter().map(|&p| text.get(..all[p].span.start()).unwrap().matches('\n').count() + 1).collect()
}

#[test]
fn fixture_article_has_no_copies_and_its_restatements() {
    let doc = analyze(LAVROV, DedupOptions::default());
    let dups = doc.layers.duplicates.as_ref().unwrap();
    let copies: Vec<_> =
        dups.iter().filter(|d| d.kind != DuplicateKind::Restatement).map(|d| lines(&doc, &d.paragraphs)).collect();
    assert!(copies.iter().all(|l| l.iter().all(|&l| !(3..=20).contains(&l))), "{copies:?}");
    let restated = |threshold: f32| -> Vec<Vec<usize>> {
        let doc = analyze(LAVROV, DedupOptions { restatement_threshold: threshold, ..DedupOptions::default() });
        let dups = doc.layers.duplicates.as_ref().unwrap();
        dups.iter().filter(|d| d.kind == DuplicateKind::Restatement).map(|d| lines(&doc, &d.paragraphs)).collect()
    };
    // Lines 5, 6 and 7 restate one fact (the US blocked the ceasefire resolution): at the default
    // threshold 5-7 (0.21) and 6-7 (0.155) are reported, and no other pair (the next, lines 4
    // and 17, share the conference's name: 0.143).
    assert_eq!(restated(DedupOptions::default().restatement_threshold), vec![vec![5, 7], vec![6, 7]]);
    // A stricter threshold keeps the clearest one.
    assert_eq!(restated(0.2), vec![vec![5, 7]]);
}

#[test]
fn exact_and_near_copies_in_a_document() {
    let lead = "أعلنت وزارة الصحة اليوم عن تسجيل ألف حالة جديدة في العاصمة خلال الأسبوع الماضي.";
    let variant = "أعلنت وزارة الصحةِ اليوم عن تسجيل ألف حالة جديدة في العاصمه خلال الاسبوع الماضي!";
    let edited = "أعلنت وزارة الصحة اليوم عن تسجيل ألف حالة جديدة في العاصمة خلال الأسبوع المنصرم.";
    let text = format!("{lead}\nوأضافت الوزارة أن الوضع تحت السيطرة تماما في جميع المحافظات.\n{variant}\n{edited}");
    let doc = analyze(&text, DedupOptions { restatement_threshold: 0.0, ..DedupOptions::default() });
    let dups = doc.layers.duplicates.unwrap();
    assert_eq!(dups[0].kind, DuplicateKind::Exact);
    assert_eq!(dups[0].paragraphs, vec![0, 2]);
    assert!(dups[1..].iter().all(|d| d.kind == DuplicateKind::Near && d.paragraphs.contains(&3)), "{dups:?}");
}

#[test]
fn persian_letters_in_the_tags_line_compare_equal() {
    assert_eq!(fingerprint::comparison_form("سيرجي لافروف"), fingerprint::comparison_form("سیرجی لافروف"));
}

#[test]
fn options_are_checked() {
    assert!(Dedup::new(DedupOptions { scope: "galaxy".into(), ..DedupOptions::default() }).is_err());
    assert!(Dedup::new(DedupOptions { bands: 7, ..DedupOptions::default() }).is_err());
}

/// Corpus scope through the lifecycle the runner drives: observe all, seal, annotate.
fn run_corpus(dedup: &Dedup, docs: &mut [Document]) {
    for (seq, doc) in docs.iter_mut().enumerate() {
        doc.seq = seq as u64;
        dedup.observe(doc).unwrap();
    }
    dedup.seal().unwrap();
    for doc in docs.iter_mut() {
        dedup.analyze(doc).unwrap();
    }
}

/// Ten unrelated news sentences.
const FILLERS: [&str; 10] = [
    "ارتفعت أسعار النفط في التعاملات الآسيوية بعد تراجع المخزونات الأمريكية للأسبوع الثالث",
    "افتتح وزير التعليم مدرسة جديدة في القرية بحضور عدد من الأهالي والطلاب والمعلمين",
    "فاز المنتخب الوطني على ضيفه بثلاثة أهداف نظيفة في المباراة الودية التي أقيمت بالعاصمة",
    "حذرت الأرصاد الجوية من أمطار غزيرة وسيول محتملة على المرتفعات الغربية خلال اليومين المقبلين",
    "أعلنت الشركة عن إطلاق هاتفها الجديد بكاميرا متطورة وبطارية تدوم لفترة أطول من سابقه",
    "وقع البلدان اتفاقية للتعاون في مجال الطاقة المتجددة تشمل بناء محطات للرياح والطاقة الشمسية",
    "كشفت دراسة حديثة أن النوم الكافي يحسن الذاكرة ويقلل من خطر الإصابة بأمراض القلب",
    "استقبل متحف الآثار أكثر من مئة ألف زائر خلال معرض الحضارات القديمة الذي اختتم أمس",
    "قررت البلدية إغلاق الطريق الرئيسي مؤقتا لإجراء أعمال الصيانة وإصلاح شبكة المياه",
    "تراجع معدل البطالة إلى أدنى مستوى له منذ عشر سنوات بحسب بيانات الإحصاء الرسمية",
];

#[test]
fn corpus_scope_finds_copies_across_documents_and_boilerplate() {
    let footer = "تابعوا آخر الأخبار العاجلة على موقعنا الإلكتروني وحساباتنا على شبكات التواصل الاجتماعي";
    let story = "قالت الشرطة إن حريقا اندلع في مستودع للأخشاب بالمنطقة الصناعية مساء أمس دون إصابات";
    let mut docs: Vec<Document> = (0..12)
        .map(|i| {
            let body = match i {
                0 => story.to_owned(),
                1 => story.replace("مساء أمس", "مساء الأمس"),
                _ => FILLERS[i - 2].to_owned(),
            };
            segmented(&format!("d{i}"), &format!("{body}.\n{footer}"))
        })
        .collect();
    let dedup = Dedup::new(DedupOptions { scope: "corpus".into(), ..DedupOptions::default() }).unwrap();
    run_corpus(&dedup, &mut docs);
    let first = docs[0].layers.duplicates.as_ref().unwrap();
    let near = first.iter().find(|d| d.kind == DuplicateKind::Near).expect("the edited copy");
    assert_eq!(near.matches.as_ref().unwrap()[0].document, "d1");
    let boilerplate = first.iter().find(|d| d.kind == DuplicateKind::Exact).unwrap();
    assert!(boilerplate.boilerplate);
    assert_eq!(boilerplate.matches.as_ref().unwrap().len(), 11);
    let other = docs[5].layers.duplicates.as_ref().unwrap();
    assert!(other.iter().all(|d| d.kind == DuplicateKind::Exact), "{other:?}");
}

#[test]
fn a_large_family_of_near_copies_is_found_whole() {
    // More members than a large LSH bucket compares pairwise: each is still matched.
    // A long footer whose copies differ by a number: most bands put the whole family in one bucket.
    let footer = FILLERS.join(" و");
    let mut docs: Vec<Document> = (0..200)
        .map(|i| segmented(&format!("d{i}"), &format!("{}.\n{footer} {}", FILLERS[i % FILLERS.len()], 100 + i)))
        .collect();
    let dedup = Dedup::new(DedupOptions { scope: "corpus".into(), ..DedupOptions::default() }).unwrap();
    run_corpus(&dedup, &mut docs);
    for doc in &docs {
        let found = doc.layers.duplicates.as_ref().unwrap();
        let near = found.iter().find(|d| d.kind == DuplicateKind::Near && d.paragraphs == [1]);
        assert!(near.is_some_and(|d| !d.matches.as_ref().unwrap().is_empty()), "{}: {found:?}", doc.id);
    }
}

#[test]
fn an_index_file_carries_a_corpus_to_the_next_batch() {
    let dir = std::env::temp_dir().join(format!("khabar-dedup-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let index = dir.join("archive.idx");
    let story = "أعلنت هيئة الطيران المدني استئناف الرحلات الدولية من جميع المطارات اعتبارا من الأسبوع المقبل";
    let mut yesterday = vec![segmented("old", story)];
    let archive =
        Dedup::new(DedupOptions { scope: "corpus".into(), index_out: Some(index.clone()), ..DedupOptions::default() })
            .unwrap();
    run_corpus(&archive, &mut yesterday);

    let mut today = vec![segmented("new", &format!("{story}."))];
    let batch =
        Dedup::new(DedupOptions { scope: "corpus".into(), index_in: Some(index.clone()), ..DedupOptions::default() })
            .unwrap();
    run_corpus(&batch, &mut today);
    let dups = today[0].layers.duplicates.as_ref().unwrap();
    assert_eq!(dups[0].matches.as_ref().unwrap()[0].document, "old");

    std::fs::write(&index, "garbage").unwrap();
    let err = Dedup::new(DedupOptions { scope: "corpus".into(), index_in: Some(index), ..DedupOptions::default() })
        .err()
        .unwrap();
    assert!(err.message.contains("not a khabar dedup index"), "{}", err.message);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

    #[test]
    fn duplicates_name_real_paragraphs(text in "([\\PC\\n]|قال الوزير إن الاجتماع انتهى دون اتفاق\\.\n){0,30}") {
        let doc = analyze(&text, DedupOptions::default());
        let paragraphs = doc.layers.paragraphs.as_ref().unwrap().len();
        for d in doc.layers.duplicates.unwrap() {
            proptest::prop_assert!(d.paragraphs.len() >= 2 && d.paragraphs.iter().all(|&p| p < paragraphs));
            proptest::prop_assert!((0.0..=1.0).contains(&d.similarity));
        }
    }
}
