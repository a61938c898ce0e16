use khabar_core::{Analyzer, Document, QuoteKind};
use khabar_segment::{Segment, SegmentOptions};
use proptest::prelude::*;

use super::*;

const LAVROV: &str = include_str!("../../../tests/fixtures/ar-lavrov-middle-east.txt");

fn analyze(text: &str) -> Document {
    let mut doc = Document::new("t", khabar_core::text::guess_lang(text), text);
    Segment::new(SegmentOptions { title: false, ..SegmentOptions::default() }).analyze(&mut doc).unwrap();
    Quotes::new(QuotesOptions::default()).analyze(&mut doc).unwrap();
    doc
}

#[test]
fn fixture_article_matches_the_hand_annotation() {
    let mut doc = Document::new("t", "ar", LAVROV);
    Segment::new(SegmentOptions::default()).analyze(&mut doc).unwrap();
    Quotes::new(QuotesOptions::default()).analyze(&mut doc).unwrap();
    let line = |at: usize| LAVROV.get(..at).unwrap().matches('\n').count() + 1;
    let quotes = doc.layers.quotes.as_ref().unwrap();
    let speakers = doc.layers.speakers.as_ref().unwrap();
    let name_of = |id: &Option<String>| {
        speakers.iter().find(|s| Some(&s.id) == id.as_ref()).map(|s| s.name.clone()).unwrap_or_default()
    };
    let gold: &[(QuoteKind, usize, &str, &str, &str)] = &[
        (QuoteKind::Direct, 6, "نحن نعتقد بشكل قاطع", "سيرجي لافروف", "أكد"),
        (QuoteKind::Direct, 12, "بناءً على الموقف المتشدد", "سيرجي لافروف", "أضاف"),
        (QuoteKind::Direct, 13, "من الضروري تحديد الظروف", "سيرجي لافروف", "قال"),
        (QuoteKind::Direct, 18, "نحن نعمل بالتنسيق مع الدول العربية", "سيرجي لافروف", "أضاف"),
        (QuoteKind::Indirect, 3, "على نية بلاده", "سيرجي لافروف", "أكد"),
        (QuoteKind::Indirect, 5, "إلى أهمية وضرورة تسوية", "سيرجي لافروف", "أشار"),
        (QuoteKind::Indirect, 7, "أن الولايات المتحدة عرقلت", "سيرجي لافروف", "أكد"),
        (QuoteKind::Indirect, 8, "إلى محاولة دول أخرى", "سيرجي لافروف", "أشار"),
        (QuoteKind::Indirect, 8, "أن المجلس اكتفى", "سيرجي لافروف", "أضاف"),
        (QuoteKind::Indirect, 10, "إلى رؤية الولايات المتحدة", "سيرجي لافروف", "أشار"),
        (QuoteKind::Indirect, 11, "أن المبادرات التي أعلنتها", "سيرجي لافروف", "أكد"),
        (QuoteKind::Indirect, 12, "على أن روسيا لا ترى", "سيرجي لافروف", "أكد"),
        (QuoteKind::Indirect, 13, "إلى أهمية توفير الظروف", "سيرجي لافروف", "أشار"),
        (QuoteKind::Indirect, 14, "أن روسيا نقلت مبادرتها", "سيرجي لافروف", "أعلن"),
        (QuoteKind::Indirect, 18, "إلى أهمية تعزيز العلاقات", "سيرجي لافروف", "أشار"),
        (QuoteKind::Indirect, 19, "استمرارية عمل منصة أستانا", "سيرجي لافروف", "أكد"),
        (QuoteKind::Indirect, 20, "أن المحادثات المقبلة", "أيبك سمادياروف", "أكد"),
    ];
    for (kind, gold_line, starts, speaker, cue) in gold {
        let q = quotes
            .iter()
            .find(|q| line(q.span.start()) == *gold_line && q.text.starts_with(starts))
            .unwrap_or_else(|| panic!("line {gold_line}: {starts} not found"));
        assert_eq!(q.kind, *kind, "line {gold_line}");
        assert_eq!(name_of(&q.speaker), *speaker, "line {gold_line}");
        let cue_text = khabar_core::text::fold_str(&q.cue.as_ref().unwrap().text);
        assert_eq!(cue_text, khabar_core::text::fold_str(cue), "line {gold_line}");
    }
    let lavrov = speakers.iter().find(|s| s.name == "سيرجي لافروف").unwrap();
    assert_eq!(lavrov.role.as_deref(), Some("وزير الخارجية الروسي"));
    assert!(lavrov.aliases.contains(&"لافروف".to_owned()));
    let kazakh = speakers.iter().find(|s| s.name == "أيبك سمادياروف").unwrap();
    assert_eq!(kazakh.role.as_deref(), Some("المتحدث باسم وزارة الخارجية الكازاخستانية"));
    // Not quotes: the scare quote, session and agenda titles, the impersonal "يُذكر أن".
    for (not_line, text) in [(8, "أجوف"), (24, "إنهاء الحرب وتأمين السلام الدائم"), (25, "الوضع في الشرق الأوسط")]
    {
        assert!(!quotes.iter().any(|q| line(q.span.start()) == not_line && q.text == text), "{text}");
    }
    assert!(!quotes.iter().any(|q| line(q.span.start()) == 16), "يُذكر أن is the writer's voice");
    // Every quote of the related zone is attributed within it.
    for q in quotes.iter().filter(|q| line(q.span.start()) >= 23) {
        assert_ne!(name_of(&q.speaker), "سيرجي لافروف");
    }
}

/// (sentence, quote text start, kind, speaker name or "" for none, cue).
const CASES: &[(&str, &str, QuoteKind, &str, &str)] = &[
    ("وقال الوزير: \"لن نتراجع عن هذا القرار مهما حدث\".", "لن نتراجع", QuoteKind::Direct, "الوزير", "قال"),
    ("وأكد المتحدث أن الحكومة ستواصل دعم الشركات الصغيرة.", "أن الحكومة", QuoteKind::Indirect, "المتحدث", "أكد"),
    ("قالت وزيرة الصحة سارة أحمد إن الوضع تحت السيطرة.", "إن الوضع", QuoteKind::Indirect, "سارة أحمد", "قالت"),
    ("وأشار المحافظ إلى أن المشروع سيكتمل العام المقبل.", "إلى أن المشروع", QuoteKind::Indirect, "المحافظ", "أشار"),
    ("وأوضح الخبير الاقتصادي محمد علي أن التضخم سيتراجع.", "أن التضخم", QuoteKind::Indirect, "محمد علي", "أوضح"),
    ("وأضاف: \"نحن مستعدون للحوار في أي وقت\".", "نحن مستعدون", QuoteKind::Direct, "", "أضاف"),
    ("وشدد رئيس الوزراء على ضرورة الإسراع في الإصلاحات.", "على ضرورة", QuoteKind::Indirect, "رئيس الوزراء", "شدد"),
    ("وأعلن الجيش أنه سيطر على المدينة بالكامل.", "أنه سيطر", QuoteKind::Indirect, "الجيش", "أعلن"),
    (
        "ونفى المتحدث باسم الوزارة أن تكون هناك مفاوضات سرية.",
        "أن تكون",
        QuoteKind::Indirect,
        "المتحدث باسم الوزارة",
        "نفى",
    ),
    ("وكشف مصدر مطلع أن الاتفاق بات قريبا.", "أن الاتفاق", QuoteKind::Indirect, "مصدر مطلع", "كشف"),
    ("وأعربت الأمم المتحدة عن قلقها من تدهور الأوضاع.", "عن قلقها", QuoteKind::Indirect, "الأمم المتحدة", "أعربت"),
    ("وحذر الطبيب من أن الفيروس ينتشر بسرعة.", "من أن الفيروس", QuoteKind::Indirect, "الطبيب", "حذر"),
    (
        "وقال رئيس البلدية أحمد سعيد: «سنفتح الطريق غدا أمام السيارات».",
        "سنفتح الطريق",
        QuoteKind::Direct,
        "أحمد سعيد",
        "قال",
    ),
    ("وتابع قائلا: \"لا يمكن أن نقبل بهذا الوضع أبدا\".", "لا يمكن", QuoteKind::Direct, "", "تابع"),
    (
        "بحسب وزارة الداخلية، تم اعتقال خمسة مشتبه بهم في الهجوم.",
        "تم اعتقال",
        QuoteKind::Indirect,
        "وزارة الداخلية",
        "بحسب",
    ),
    (
        "وأكد سفير فرنسا في القاهرة أن العلاقات بين البلدين قوية.",
        "أن العلاقات",
        QuoteKind::Indirect,
        "سفير فرنسا في القاهرة",
        "أكد",
    ),
    ("وقالت المتحدثة: «الحكومة لن تستقيل تحت الضغط».", "الحكومة لن تستقيل", QuoteKind::Direct, "المتحدثة", "قالت"),
    (
        "وأفادت وكالة الأنباء الرسمية بأن الرئيس سيزور الصين.",
        "بأن الرئيس",
        QuoteKind::Indirect,
        "وكالة الأنباء الرسمية",
        "أفادت",
    ),
    (
        "Prime Minister John Smith said that taxes would rise next year.",
        "taxes would rise",
        QuoteKind::Indirect,
        "John Smith",
        "said",
    ),
    ("\"We will not give up,\" Smith said.", "We will not give up", QuoteKind::Direct, "Smith", "said"),
    (
        "The minister told reporters: \"The talks have failed completely.\"",
        "The talks have failed",
        QuoteKind::Direct,
        "",
        "told",
    ),
    (
        "According to the World Bank, growth will slow to 2 percent.",
        "growth will slow",
        QuoteKind::Indirect,
        "World Bank",
        "According",
    ),
    (
        "Lavrov said the United States blocked the resolution.",
        "the United States",
        QuoteKind::Indirect,
        "Lavrov",
        "said",
    ),
    (
        "“It is a dark day for democracy,” said Maria Lopez, a senator.",
        "It is a dark day",
        QuoteKind::Direct,
        "Maria Lopez",
        "said",
    ),
    (
        "\"سنواصل العمل حتى تحقيق أهدافنا كاملة\"، قال رئيس الحزب.",
        "سنواصل العمل",
        QuoteKind::Direct,
        "رئيس الحزب",
        "قال",
    ),
    (
        "وأعلن الوزير عن خطة بعنوان \"مستقبل المدن الذكية في المنطقة\" لتطوير البلديات.",
        "عن خطة",
        QuoteKind::Indirect,
        "الوزير",
        "أعلن",
    ),
    (
        "وأكد الرئيس أن \"الشعب لن يقبل بأي تدخل خارجي في شؤونه\" مهما كانت الظروف.",
        "أن \"الشعب",
        QuoteKind::Mixed,
        "الرئيس",
        "أكد",
    ),
    ("وقالوا إن الاحتجاجات ستستمر حتى تلبية مطالبهم.", "إن الاحتجاجات", QuoteKind::Indirect, "", "قالوا"),
    ("She added that the company would appeal the ruling.", "the company would", QuoteKind::Indirect, "", "added"),
];

#[test]
fn sentence_cases() {
    let mut failures = Vec::new();
    for (sentence, starts, kind, speaker, cue) in CASES {
        let doc = analyze(sentence);
        let quotes = doc.layers.quotes.as_ref().unwrap();
        let speakers = doc.layers.speakers.as_ref().unwrap();
        let Some(q) = quotes.iter().find(|q| q.text.starts_with(starts)) else {
            let found: Vec<&str> = quotes.iter().map(|q| q.text.as_str()).collect();
            failures.push(format!("{sentence}: no quote starting {starts:?}; found {found:?}"));
            continue;
        };
        let name = speakers.iter().find(|s| Some(&s.id) == q.speaker.as_ref()).map_or("", |s| s.name.as_str());
        let role =
            speakers.iter().find(|s| Some(&s.id) == q.speaker.as_ref()).and_then(|s| s.role.as_deref()).unwrap_or("");
        let cue_text = q.cue.as_ref().map_or("", |c| c.text.as_str());
        let speaker_ok = name == *speaker || role == *speaker;
        if q.kind != *kind || !speaker_ok || khabar_core::text::fold_str(cue_text) != khabar_core::text::fold_str(cue) {
            failures.push(format!("{sentence}: got {:?} speaker {name:?}/{role:?} cue {cue_text:?}", q.kind));
        }
    }
    assert!(failures.is_empty(), "{} of {} failed:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}

#[test]
fn a_feminine_cue_needs_a_feminine_speaker() {
    let doc = analyze("وأكد الوزير أن الخطة جاهزة. وقالت: \"سنبدأ التنفيذ الشهر المقبل بإذن الله\".");
    let quotes = doc.layers.quotes.unwrap();
    assert_eq!(quotes.len(), 2);
    assert!(quotes[0].speaker.is_some());
    assert_eq!(quotes[1].speaker, None, "قالت cannot continue a masculine speaker");
}

#[test]
fn not_speech() {
    for text in [
        "واكتفى المجلس بقرار \"أجوف\" لا يغير شيئا.",
        "عقدت ندوة بعنوان \"مستقبل الإعلام العربي في العصر الرقمي\" أمس.",
        "يُذكر أن الوزير زار المدينة العام الماضي.",
    ] {
        let doc = analyze(text);
        assert!(doc.layers.quotes.unwrap().is_empty(), "{text}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn spans_are_on_char_boundaries(text in "([\\PC\\n\"«»:،]|وقال|أكد|أن|إلى|لافروف|الوزير|قائلا|said|\" ){0,40}") {
        let doc = analyze(&text);
        for q in doc.layers.quotes.unwrap() {
            prop_assert!(q.span.check(&text).is_ok());
            prop_assert_eq!(q.span.of(&text), q.text.as_str());
            if let Some(s) = q.speaker_span {
                prop_assert!(s.check(&text).is_ok());
            }
        }
    }
}
