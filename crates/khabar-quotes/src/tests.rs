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
        "minister",
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
    // Verb forms: feminine, plural, imperfect, and their complementizers.
    ("وقالت الشرطة إن المشتبه به اعتقل صباح اليوم.", "إن المشتبه", QuoteKind::Indirect, "الشرطة", "قالت"),
    ("وأكدت الوزارة أن الامتحانات ستجرى في موعدها.", "أن الامتحانات", QuoteKind::Indirect, "الوزارة", "أكدت"),
    ("وأشارت الدراسة إلى أن نصف السكان يعانون من الفقر.", "إلى أن نصف", QuoteKind::Indirect, "الدراسة", "أشارت"),
    ("وأضافت المتحدثة أن المفاوضات ستستأنف قريبا.", "أن المفاوضات", QuoteKind::Indirect, "المتحدثة", "أضافت"),
    ("وأوضحت الشركة أن الأسعار لن ترتفع هذا العام.", "أن الأسعار", QuoteKind::Indirect, "الشركة", "أوضحت"),
    ("وأعلنت الحكومة أنها ستخفض الضرائب على الشركات الناشئة.", "أنها ستخفض", QuoteKind::Indirect, "الحكومة", "أعلنت"),
    ("ونفت الوزارة أن تكون قد تلقت أي طلب رسمي.", "أن تكون", QuoteKind::Indirect, "الوزارة", "نفت"),
    ("وكشفت التحقيقات أن الحريق كان متعمدا.", "أن الحريق", QuoteKind::Indirect, "التحقيقات", "كشفت"),
    ("وحذرت المنظمة من أن المجاعة تهدد الملايين.", "من أن المجاعة", QuoteKind::Indirect, "المنظمة", "حذرت"),
    ("ويقول الخبراء إن الأزمة قد تطول.", "إن الأزمة", QuoteKind::Indirect, "الخبراء", "يقول"),
    ("وتقول الأمم المتحدة إن المساعدات لا تكفي.", "إن المساعدات", QuoteKind::Indirect, "الأمم المتحدة", "تقول"),
    ("ويؤكد المسؤولون أن الوضع مستقر.", "أن الوضع", QuoteKind::Indirect, "المسؤولون", "يؤكد"),
    ("ويرى المحلل السياسي خالد عمر أن الانتخابات ستؤجل.", "أن الانتخابات", QuoteKind::Indirect, "خالد عمر", "يرى"),
    ("واعتبر النائب أن القرار مخالف للدستور.", "أن القرار", QuoteKind::Indirect, "النائب", "اعتبر"),
    ("ولفت المدير إلى أن الشركة حققت أرباحا قياسية.", "إلى أن الشركة", QuoteKind::Indirect, "المدير", "لفت"),
    ("وأفاد شهود عيان بأن الانفجار وقع قرب السوق.", "بأن الانفجار", QuoteKind::Indirect, "شهود عيان", "أفاد"),
    ("وصرح رئيس النادي بأن المدرب باق في منصبه.", "بأن المدرب", QuoteKind::Indirect, "رئيس النادي", "صرح"),
    ("وأعرب الرئيس عن أمله في التوصل إلى اتفاق.", "عن أمله", QuoteKind::Indirect, "الرئيس", "أعرب"),
    ("وشددت الوزيرة على أهمية حماية الأطفال.", "على أهمية", QuoteKind::Indirect, "الوزيرة", "شددت"),
    ("وذكرت الصحيفة أن الحكومة تدرس تعديلا وزاريا.", "أن الحكومة", QuoteKind::Indirect, "الصحيفة", "ذكرت"),
    ("وتوقع البنك أن ينمو الاقتصاد بنسبة ثلاثة بالمئة.", "أن ينمو", QuoteKind::Indirect, "البنك", "توقع"),
    ("وقالوا في بيان إن الإضراب سيستمر.", "إن الإضراب", QuoteKind::Indirect, "", "قالوا"),
    ("وأكدوا أن مطالبهم مشروعة.", "أن مطالبهم", QuoteKind::Indirect, "", "أكدوا"),
    // Subjects with titles and names, in both orders.
    (
        "وقال وزير الخارجية السعودي الأمير فيصل بن فرحان إن المملكة تدعم الحل السياسي.",
        "إن المملكة",
        QuoteKind::Indirect,
        "فيصل بن فرحان",
        "قال",
    ),
    ("وقال أحمد حسن، رئيس الاتحاد، إن البطولة ستقام في موعدها.", "إن البطولة", QuoteKind::Indirect, "أحمد حسن", "قال"),
    (
        "وأكد الأمين العام للجامعة العربية أن القمة ستعقد في موعدها.",
        "أن القمة",
        QuoteKind::Indirect,
        "الأمين العام للجامعة العربية",
        "أكد",
    ),
    (
        "وقال المتحدث باسم الجيش، العميد يحيى سريع، إن القوات تقدمت.",
        "إن القوات",
        QuoteKind::Indirect,
        "العميد يحيى سريع",
        "قال",
    ),
    (
        "وقالت المتحدثة باسم البيت الأبيض كارين جان بيير إن الرئيس سيسافر غدا.",
        "إن الرئيس",
        QuoteKind::Indirect,
        "كارين جان بيير",
        "قالت",
    ),
    (
        "وأكد مدير المستشفى الدكتور سامي ناصر أن الجرحى في حالة مستقرة.",
        "أن الجرحى",
        QuoteKind::Indirect,
        "سامي ناصر",
        "أكد",
    ),
    (
        "وقال سفير الاتحاد الأوروبي لدى القاهرة إن الدعم سيستمر.",
        "إن الدعم",
        QuoteKind::Indirect,
        "سفير الاتحاد الأوروبي لدى القاهرة",
        "قال",
    ),
    (
        "وأشار رئيس الوزراء، في كلمة أمام البرلمان، إلى أن الإصلاحات ضرورية.",
        "إلى أن الإصلاحات",
        QuoteKind::Indirect,
        "رئيس الوزراء",
        "أشار",
    ),
    ("وقال الرئيس، أمس الاثنين، إن بلاده لن تتخلى عن حقوقها.", "إن بلاده", QuoteKind::Indirect, "الرئيس", "قال"),
    ("وأكد الوزير، اليوم، أن الخطة جاهزة للتنفيذ.", "أن الخطة", QuoteKind::Indirect, "الوزير", "أكد"),
    // Direct speech in every mark.
    ("وقال اللاعب: «سنقاتل حتى آخر دقيقة في المباراة».", "سنقاتل حتى", QuoteKind::Direct, "اللاعب", "قال"),
    ("وقال المدرب: “الفريق قدم مباراة كبيرة اليوم”.", "الفريق قدم", QuoteKind::Direct, "المدرب", "قال"),
    ("وأضاف الوزير: \"لا مكان للفساد في مؤسساتنا بعد اليوم\".", "لا مكان", QuoteKind::Direct, "الوزير", "أضاف"),
    ("وتابعت: \"نحن بحاجة إلى دعم دولي عاجل\".", "نحن بحاجة", QuoteKind::Direct, "", "تابعت"),
    ("وأكد الرئيس قائلا: «لن نسمح بالمساس بأمن البلاد».", "لن نسمح", QuoteKind::Direct, "الرئيس", "أكد"),
    ("وقالت المعلمة قائلة: \"الطلاب يستحقون بيئة أفضل للتعلم\".", "الطلاب يستحقون", QuoteKind::Direct, "المعلمة", "قالت"),
    ("«الوضع خطير جدا ويحتاج إلى تدخل سريع»، قال المسؤول.", "الوضع خطير", QuoteKind::Direct, "المسؤول", "قال"),
    ("\"لن نعود إلى الوراء مهما كلفنا الأمر\"، قالت الناشطة.", "لن نعود", QuoteKind::Direct, "الناشطة", "قالت"),
    (
        "وقال رئيس الوزراء في مؤتمر صحفي: «الحكومة ستعلن خطتها غدا».",
        "الحكومة ستعلن",
        QuoteKind::Direct,
        "رئيس الوزراء",
        "قال",
    ),
    ("وقال في تصريح للصحفيين: \"الأمور تسير في الاتجاه الصحيح\".", "الأمور تسير", QuoteKind::Direct, "", "قال"),
    // Unclosed quotations cut by scraping run to the paragraph's end.
    (
        "وقال الوزير: \"سنعمل على تنفيذ كل الوعود التي قطعناها للمواطنين",
        "سنعمل على",
        QuoteKind::Direct,
        "الوزير",
        "قال",
    ),
    // Participles continue the same speaker.
    (
        "وأكد الوزير أن الخطة جاهزة، مشيرا إلى أن التنفيذ يبدأ الشهر المقبل.",
        "إلى أن التنفيذ",
        QuoteKind::Indirect,
        "الوزير",
        "مشيرا",
    ),
    (
        "وأعلنت الشركة زيادة الأرباح، موضحة أن المبيعات ارتفعت بنسبة كبيرة.",
        "أن المبيعات",
        QuoteKind::Indirect,
        "الشركة",
        "موضحة",
    ),
    ("وانتقد النائب الحكومة، معتبرا أن قراراتها متسرعة.", "أن قراراتها", QuoteKind::Indirect, "", "معتبرا"),
    // Verbless attribution.
    ("وبحسب مصادر أمنية، قتل ثلاثة أشخاص في الهجوم.", "قتل ثلاثة", QuoteKind::Indirect, "مصادر أمنية", "بحسب"),
    ("ووفقا للتقرير، ارتفع عدد اللاجئين إلى مليون شخص.", "ارتفع عدد", QuoteKind::Indirect, "التقرير", "وفقا"),
    // The source of "بحسب ما"/"وفقا لما" is the relative clause's subject; "فإن" opens the content.
    (
        "وبحسب ما نقلت وكالة \"رويترز\"، فإن المفاوضات توقفت منذ أسبوع.",
        "المفاوضات توقفت",
        QuoteKind::Indirect,
        "وكالة \"رويترز\"",
        "بحسب",
    ),
    (
        "وفقا لما ذكره المتحدث باسم الجيش، قتل خمسة مسلحين في الاشتباكات.",
        "قتل خمسة",
        QuoteKind::Indirect,
        "المتحدث باسم الجيش",
        "وفقا",
    ),
    ("وبحسب الطبيب فإن حالة المريض مستقرة.", "حالة المريض", QuoteKind::Indirect, "الطبيب", "بحسب"),
    (
        "واندلع الحريق مساء أمس، بحسب ما أفاد به لمراسل الإذاعة.",
        "واندلع الحريق",
        QuoteKind::Indirect,
        "مراسل الإذاعة",
        "بحسب",
    ),
    // "حسب قوله": the speaker is whoever spoke last.
    (
        "وقال المزارع أحمد سالم إن المحصول تضرر. وخسر نصف أرضه، حسب قوله.",
        "وخسر نصف",
        QuoteKind::Indirect,
        "أحمد سالم",
        "حسب",
    ),
    // An adverbial of the speech event is not part of the subject.
    (
        "وقال وزير الصحة خالد العلي في كلمته خلال الحفل إن المستشفى سيفتتح قريبا.",
        "إن المستشفى",
        QuoteKind::Indirect,
        "خالد العلي",
        "قال",
    ),
    ("وقالت شركة أرامكو في بيان صحفي إن الإنتاج ارتفع.", "إن الإنتاج", QuoteKind::Indirect, "شركة أرامكو", "قالت"),
    ("وأوضح المعهد، في بلاغ له، أن الهزة لم تخلف أضرارا.", "أن الهزة", QuoteKind::Indirect, "المعهد", "أوضح"),
    (
        "وأكد نائب الرئيس لحركة النهضة علي العريض أن الحركة تساند الحوار.",
        "أن الحركة",
        QuoteKind::Indirect,
        "علي العريض",
        "أكد",
    ),
    (
        "وقالت مصادر قضائية في وقت سابق إن المتهم نقل إلى المستشفى.",
        "إن المتهم",
        QuoteKind::Indirect,
        "مصادر قضائية",
        "قالت",
    ),
    // An organization's name ends where its definite words do; the object follows.
    (
        "وأعلنت وزارة الداخلية الفرنسية إصابة ضابط شرطة بإطلاق نار، مؤكدة أن حالته مستقرة.",
        "أن حالته",
        QuoteKind::Indirect,
        "وزارة الداخلية الفرنسية",
        "مؤكدة",
    ),
    ("وقالت وكالة فرانس برس إن الطائرة هبطت بسلام.", "إن الطائرة", QuoteKind::Indirect, "وكالة فرانس برس", "قالت"),
    (
        "وهبطت الطائرة بسلام، بحسب ما ذكرت وكالة فرانس برس.",
        "وهبطت الطائرة",
        QuoteKind::Indirect,
        "وكالة فرانس برس",
        "بحسب",
    ),
    ("وأضاف أيضا أن القناة ستنقل الحفل مباشرة.", "أن القناة", QuoteKind::Indirect, "", "أضاف"),
    ("وأكد المصدر ذاته أن التحقيق ما زال جاريا.", "أن التحقيق", QuoteKind::Indirect, "المصدر", "أكد"),
    ("وحذرت إسرائيل مرارا بأنها لن تتسامح مع أي هجوم.", "بأنها لن", QuoteKind::Indirect, "إسرائيل", "حذرت"),
    // The pluperfect: كان + subject + قد + verb.
    ("وكان الوزير قد أكد أن الخطة جاهزة.", "أن الخطة", QuoteKind::Indirect, "الوزير", "أكد"),
    // Subject-verb order at the sentence's start.
    ("لكن الهيئة شددت على ضرورة احترام القانون.", "على ضرورة", QuoteKind::Indirect, "الهيئة", "شددت"),
    ("وزارة الداخلية تؤكد أن الوضع تحت السيطرة.", "أن الوضع", QuoteKind::Indirect, "وزارة الداخلية", "تؤكد"),
    ("التحقيقات التي أجريت تشير إلى أن الحادث عرضي.", "إلى أن", QuoteKind::Indirect, "", "تشير"),
    ("وكانت وزارة الصحة قد أعلنت أن الوباء انحسر.", "أن الوباء", QuoteKind::Indirect, "وزارة الصحة", "أعلنت"),
    (
        "وقال رئيس مجلس الجالية التركية في ألمانيا غوكاي صوفو أوغلو إن المنتخب متنوع.",
        "إن المنتخب",
        QuoteKind::Indirect,
        "غوكاي صوفو أوغلو",
        "قال",
    ),
    (
        "وقال الاتحاد الدولي لكرة القدم إن البطولة ستقام في موعدها.",
        "إن البطولة",
        QuoteKind::Indirect,
        "الاتحاد الدولي لكرة القدم",
        "قال",
    ),
    // A prepositional phrase after the verb is no subject: the speaker is the one before.
    (
        "وقال الوزير إن الخطة جاهزة. ونشر تغريدة كتب فيها: \"لن نتراجع عن قرارنا مهما كانت الضغوط\".",
        "لن نتراجع",
        QuoteKind::Direct,
        "الوزير",
        "كتب",
    ),
    // A one-word scare quote before a cue is not what the cue reports.
    (
        "وأعلنت الحكومة اعتقال من وصفتهم بـ\"المخربين\"، وقالت في بيان: \"سنحاسب كل من خرق القانون\".",
        "سنحاسب كل",
        QuoteKind::Direct,
        "الحكومة",
        "قالت",
    ),
    // "آل" opens a family name, not a title.
    (
        "وقال محمد آل سعود إن القرار نهائي. وأضاف آل سعود أن التنفيذ سيبدأ.",
        "أن التنفيذ",
        QuoteKind::Indirect,
        "محمد آل سعود",
        "أضاف",
    ),
    // A medium's quoted name is not speech; the verb reports, the medium relays.
    (
        "ووفقا لموقع \"المونيتور\"، قال الدبلوماسي إن الاتفاق بات قريبا.",
        "إن الاتفاق",
        QuoteKind::Indirect,
        "الدبلوماسي",
        "قال",
    ),
    (
        "وحسب الإحصاءات الرسمية، تراجعت البطالة إلى عشرة بالمئة.",
        "تراجعت البطالة",
        QuoteKind::Indirect,
        "الإحصاءات الرسمية",
        "حسب",
    ),
    (
        "ارتفعت الأسعار بنسبة خمسة بالمئة، بحسب البنك المركزي.",
        "ارتفعت الأسعار",
        QuoteKind::Indirect,
        "البنك المركزي",
        "بحسب",
    ),
    // English.
    ("The president said the economy was recovering.", "the economy", QuoteKind::Indirect, "president", "said"),
    ("Police said that two men had been arrested.", "two men", QuoteKind::Indirect, "Police", "said"),
    (
        "\"This is unacceptable,\" said John Brown, the mayor of the city.",
        "This is unacceptable",
        QuoteKind::Direct,
        "John Brown",
        "said",
    ),
    ("“We are ready,” the minister said.", "We are ready", QuoteKind::Direct, "minister", "said"),
    ("The company announced that it would cut 500 jobs.", "it would cut", QuoteKind::Indirect, "company", "announced"),
    (
        "Health Minister Ana Silva warned that cases were rising.",
        "cases were rising",
        QuoteKind::Indirect,
        "Ana Silva",
        "warned",
    ),
    ("He added: \"We will not stop until the job is done.\"", "We will not stop", QuoteKind::Direct, "", "added"),
    (
        "Officials told Reuters that the plan had been approved.",
        "the plan had",
        QuoteKind::Indirect,
        "Officials",
        "told",
    ),
    (
        "According to police, the suspect fled the scene.",
        "the suspect fled",
        QuoteKind::Indirect,
        "police",
        "According",
    ),
    (
        "The report said inflation would ease next year, according to analysts.",
        "inflation would ease",
        QuoteKind::Indirect,
        "report",
        "said",
    ),
    (
        "Senator Mary Jones argued that the bill was unconstitutional.",
        "the bill was",
        QuoteKind::Indirect,
        "Mary Jones",
        "argued",
    ),
    (
        "\"The talks were constructive,\" Ahmed Khan, a spokesman, said.",
        "The talks were",
        QuoteKind::Direct,
        "Ahmed Khan",
        "said",
    ),
    // More Arabic verbs and frames.
    ("وطالب المحتجون بإطلاق سراح المعتقلين فورا.", "بإطلاق سراح", QuoteKind::Indirect, "المحتجون", "طالب"),
    ("ودعا الرئيس إلى الحوار بين جميع الأطراف.", "إلى الحوار", QuoteKind::Indirect, "الرئيس", "دعا"),
    ("ودعت المنظمة إلى وقف القتال فورا.", "إلى وقف", QuoteKind::Indirect, "المنظمة", "دعت"),
    ("وطالبت النقابة بزيادة الأجور بنسبة عشرين بالمئة.", "بزيادة الأجور", QuoteKind::Indirect, "النقابة", "طالبت"),
    ("وأكد مصدر في الوزارة أن القرار نهائي.", "أن القرار", QuoteKind::Indirect, "مصدر في الوزارة", "أكد"),
    ("وقال مسؤول أمريكي إن واشنطن ستعيد النظر في الاتفاق.", "إن واشنطن", QuoteKind::Indirect, "مسؤول أمريكي", "قال"),
    ("وقال مسؤولون إن المحادثات ستستأنف الأسبوع المقبل.", "إن المحادثات", QuoteKind::Indirect, "مسؤولون", "قال"),
    ("وأوضح البيان أن الهجوم استهدف مواقع عسكرية.", "أن الهجوم", QuoteKind::Indirect, "البيان", "أوضح"),
    ("وذكر التلفزيون الرسمي أن الرئيس أدى اليمين.", "أن الرئيس", QuoteKind::Indirect, "التلفزيون الرسمي", "ذكر"),
    (
        "وقال الناطق باسم الحكومة إن الانتخابات ستجرى في موعدها.",
        "إن الانتخابات",
        QuoteKind::Indirect,
        "الناطق باسم الحكومة",
        "قال",
    ),
    ("وقالت مصادر مطلعة إن الاتفاق سيوقع خلال أيام.", "إن الاتفاق", QuoteKind::Indirect, "مصادر مطلعة", "قالت"),
    (
        "وأكدت وزيرة الخارجية آنالينا بيربوك أن ألمانيا تدعم الحل.",
        "أن ألمانيا",
        QuoteKind::Indirect,
        "آنالينا بيربوك",
        "أكدت",
    ),
    ("وأشار التقرير إلى أن معدلات الفقر ارتفعت.", "إلى أن معدلات", QuoteKind::Indirect, "التقرير", "أشار"),
    (
        "وأعلن المتحدث العسكري أن القوات استعادت السيطرة على المعبر.",
        "أن القوات",
        QuoteKind::Indirect,
        "المتحدث العسكري",
        "أعلن",
    ),
    ("ونقلت وكالة رويترز عن مسؤول أن المفاوضات متعثرة.", "أن المفاوضات", QuoteKind::Indirect, "مسؤول", "نقلت"),
    ("ونقلت الصحيفة عن وزير الداخلية قوله إن الأمن مستتب.", "إن الأمن", QuoteKind::Indirect, "وزير الداخلية", "نقلت"),
    ("ونقل التلفزيون عن الرئيس قوله: \"لن نقبل بأي تدخل في شؤوننا\".", "لن نقبل", QuoteKind::Direct, "الرئيس", "نقل"),
    ("الأزمة ستنتهي قريبا، على حد تعبير الوزير.", "الأزمة ستنتهي", QuoteKind::Indirect, "الوزير", "تعبير"),
    ("وصرحت المتحدثة بأن الوزارة ستصدر بيانا لاحقا.", "بأن الوزارة", QuoteKind::Indirect, "المتحدثة", "صرحت"),
    ("وتوقعت الحكومة أن يتراجع التضخم خلال العام.", "أن يتراجع", QuoteKind::Indirect, "الحكومة", "توقعت"),
    ("ورأت الصحيفة أن القرار سيزيد التوتر.", "أن القرار", QuoteKind::Indirect, "الصحيفة", "رأت"),
    ("واعتبرت المعارضة أن الانتخابات مزورة.", "أن الانتخابات", QuoteKind::Indirect, "المعارضة", "اعتبرت"),
    ("ولفتت الدراسة إلى أن النساء أكثر تأثرا بالأزمة.", "إلى أن النساء", QuoteKind::Indirect, "الدراسة", "لفتت"),
    ("وكشف وزير المالية عن خطة لخفض الدين العام.", "عن خطة", QuoteKind::Indirect, "وزير المالية", "كشف"),
    ("وأعربت عائلة الضحية عن صدمتها من الحكم.", "عن صدمتها", QuoteKind::Indirect, "عائلة الضحية", "أعربت"),
    ("وشدد البيان الختامي على وحدة الصف العربي.", "على وحدة", QuoteKind::Indirect, "البيان الختامي", "شدد"),
    ("وحذر خبراء من أن الجفاف سيضرب المنطقة.", "من أن الجفاف", QuoteKind::Indirect, "خبراء", "حذر"),
    // Direct speech variations.
    (
        "وقال الرئيس الفلسطيني محمود عباس: «القدس خط أحمر لا يمكن تجاوزه».",
        "القدس خط",
        QuoteKind::Direct,
        "محمود عباس",
        "قال",
    ),
    (
        "وأضافت المتحدثة: «سنعلن التفاصيل الكاملة في مؤتمر صحفي غدا».",
        "سنعلن التفاصيل",
        QuoteKind::Direct,
        "المتحدثة",
        "أضافت",
    ),
    (
        "وقال أحد السكان لوكالة فرانس برس: \"لم ننم طوال الليل بسبب القصف\".",
        "لم ننم",
        QuoteKind::Direct,
        "أحد السكان",
        "قال",
    ),
    (
        "وقال المتحدث لـ\"بي بي سي\": \"الوضع الإنساني كارثي في المدينة\".",
        "الوضع الإنساني",
        QuoteKind::Direct,
        "المتحدث",
        "قال",
    ),
    (
        "وكتب الرئيس على تويتر: \"نحن فخورون بما حققه منتخبنا الليلة\".",
        "نحن فخورون",
        QuoteKind::Direct,
        "الرئيس",
        "كتب",
    ),
    ("وتابع الوزير: «لن نسمح بتكرار ما حدث في الماضي أبدا».", "لن نسمح", QuoteKind::Direct, "الوزير", "تابع"),
    (
        "«نحن لا نريد الحرب، لكننا مستعدون لها»، قال القائد العسكري.",
        "نحن لا نريد",
        QuoteKind::Direct,
        "القائد العسكري",
        "قال",
    ),
    (
        "\"الأسعار ستنخفض قريبا بعد وصول الشحنات\"، أكد وزير التموين.",
        "الأسعار ستنخفض",
        QuoteKind::Direct,
        "وزير التموين",
        "أكد",
    ),
    // Pro-drop continuations.
    (
        "وأكد الوزير أن الحوار مستمر. وأضاف: \"نأمل في التوصل إلى حل قريبا\".",
        "نأمل في",
        QuoteKind::Direct,
        "الوزير",
        "أضاف",
    ),
    (
        "وقالت الوزيرة إن الخطة جاهزة. وأوضحت أن التنفيذ يبدأ الشهر المقبل.",
        "أن التنفيذ",
        QuoteKind::Indirect,
        "الوزيرة",
        "أوضحت",
    ),
    ("أعلن الرئيس استقالته. وقال: «حان وقت التغيير في هذا البلد».", "حان وقت", QuoteKind::Direct, "الرئيس", "قال"),
    (
        "وأكد المدرب ثقته في اللاعبين. وتابع أن الفريق قادر على الفوز.",
        "أن الفريق",
        QuoteKind::Indirect,
        "المدرب",
        "تابع",
    ),
    // English variations.
    ("\"It was a mistake,\" he said.", "It was a mistake", QuoteKind::Direct, "", "said"),
    ("She said: \"We have done nothing wrong.\"", "We have done nothing", QuoteKind::Direct, "", "said"),
    (
        "The company said in a statement that profits had doubled.",
        "profits had doubled",
        QuoteKind::Indirect,
        "company",
        "said",
    ),
    (
        "The United Nations warned that famine was imminent.",
        "famine was imminent",
        QuoteKind::Indirect,
        "United Nations",
        "warned",
    ),
    (
        "Witnesses said the blast shattered windows across the street.",
        "the blast",
        QuoteKind::Indirect,
        "Witnesses",
        "said",
    ),
    (
        "\"We expect a deal by Friday,\" a senior official said.",
        "We expect a deal",
        QuoteKind::Direct,
        "senior official",
        "said",
    ),
    (
        "Microsoft said on Tuesday it would invest $10 billion.",
        "it would invest",
        QuoteKind::Indirect,
        "Microsoft",
        "said",
    ),
    (
        "Spokesman Tom Lee stated that the plant was safe.",
        "the plant was safe",
        QuoteKind::Indirect,
        "Tom Lee",
        "stated",
    ),
    ("The judge noted that the evidence was weak.", "the evidence", QuoteKind::Indirect, "judge", "noted"),
    (
        "\"Prices will keep rising,\" economist Sara Kim wrote.",
        "Prices will keep rising",
        QuoteKind::Direct,
        "Sara Kim",
        "wrote",
    ),
    (
        "According to the ministry, 300 people were evacuated.",
        "300 people",
        QuoteKind::Indirect,
        "ministry",
        "According",
    ),
    (
        "The minister insisted that the reform would go ahead.",
        "the reform",
        QuoteKind::Indirect,
        "minister",
        "insisted",
    ),
    ("\"I am innocent,\" said the defendant.", "I am innocent", QuoteKind::Direct, "", "said"),
    ("They said the road would reopen next week.", "the road would", QuoteKind::Indirect, "", "said"),
    (
        "وقالت منظمة العفو الدولية إن السجناء تعرضوا للتعذيب.",
        "إن السجناء",
        QuoteKind::Indirect,
        "منظمة العفو الدولية",
        "قالت",
    ),
    ("وأكد نائب رئيس الوزراء أن الحكومة باقية.", "أن الحكومة", QuoteKind::Indirect, "نائب رئيس الوزراء", "أكد"),
    ("وأضاف قائلا: «المستقبل يحمل الكثير من الفرص للشباب».", "المستقبل يحمل", QuoteKind::Direct, "", "أضاف"),
    ("وأشارت الأرقام إلى تراجع الصادرات بنسبة كبيرة.", "إلى تراجع", QuoteKind::Indirect, "الأرقام", "أشارت"),
    ("وقال شاهد عيان: \"رأيت الدخان يتصاعد من المبنى\".", "رأيت الدخان", QuoteKind::Direct, "شاهد عيان", "قال"),
    (
        "وأعلنت وزارة الدفاع الروسية أن قواتها صدت هجوما.",
        "أن قواتها",
        QuoteKind::Indirect,
        "وزارة الدفاع الروسية",
        "أعلنت",
    ),
    ("The spokesman added that no decision had been made.", "no decision", QuoteKind::Indirect, "spokesman", "added"),
    ("“Nobody is above the law,” the prosecutor said.", "Nobody is above", QuoteKind::Direct, "prosecutor", "said"),
    (
        "Residents told AFP that the water had been cut for days.",
        "the water had",
        QuoteKind::Indirect,
        "Residents",
        "told",
    ),
    (
        "The World Health Organization said cases had risen sharply.",
        "cases had risen",
        QuoteKind::Indirect,
        "World Health Organization",
        "said",
    ),
];

#[test]
fn sentence_cases() {
    assert!(CASES.len() >= 150, "{} cases", CASES.len());
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
fn a_medium_name_is_neither_quote_nor_speaker_text() {
    let doc = analyze("ووفقا لموقع \"المونيتور\"، قال الدبلوماسي إن الاتفاق بات قريبا.");
    let quotes = doc.layers.quotes.unwrap();
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert!(!quotes[0].text.contains("المونيتور"));
}

#[test]
fn a_cue_keeps_a_first_letter_that_only_looks_like_a_clitic() {
    let doc = analyze("وارتفعت الأسعار عشرة بالمئة، وفقاً للتقرير.");
    let quotes = doc.layers.quotes.unwrap();
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0].cue.as_ref().unwrap().text, "وفقاً");
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
fn an_english_quote_over_paragraphs_is_attributed_whole() {
    let text = "\"We have rebuilt the port, the roads and the schools in two years.\n\"Now we must rebuild trust,\" the mayor said.\n";
    let doc = analyze(text);
    let quotes = doc.layers.quotes.unwrap();
    assert_eq!(quotes.len(), 2, "{quotes:?}");
    assert!(quotes[0].text.starts_with("We have rebuilt"));
    assert_eq!(quotes[0].speaker, quotes[1].speaker);
    assert!(quotes[0].speaker.is_some());
}

#[test]
fn not_speech() {
    for text in [
        "واكتفى المجلس بقرار \"أجوف\" لا يغير شيئا.",
        "عقدت ندوة بعنوان \"مستقبل الإعلام العربي في العصر الرقمي\" أمس.",
        "يُذكر أن الوزير زار المدينة العام الماضي.",
        // "مضيفه" written with ه and no comma before it is "its host", not "adding".
        "وهزم الفريق مضيفه النادي الأهلي بهدفين أن يلعب.",
        // After an auxiliary a verb's form is its verbal noun: "تم نقل" is "was transported".
        "وتم نقل الجثة عن طريق الإسعاف إلى أن وصلت المستشفى.",
        "وقررت الحكومة نقل سفارتها إلى القدس.",
        "ونقل الجيش المعدات إلى أن انتهت العملية.",
        "وزار مراقب تابع للأمم المتحدة المعبر أن الوضع هادئ.",
        "وهي المطالب التي طالب بها الطرف النقابي منذ أشهر.",
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
