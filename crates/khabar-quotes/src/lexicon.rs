//! Reporting cues, as data: verbs in their perfect, imperfect and participle forms (gender and
//! number marked), verbless attributions ("بحسب"), role nouns that open a speaker's title, and
//! words that introduce titles rather than speech. Folded before use; looked up without the
//! clitics و and ف.

/// Grammatical gender a cue form marks, for resolving a subject-less cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Masculine,
    Feminine,
    Plural,
    Any,
}

/// What a cue word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueKind {
    /// A reporting verb ("قال", "أكدت", "said").
    Verb(Gender),
    /// A circumstantial participle continuing a report ("مشيرا", "قائلة").
    Participle(Gender),
    /// A verbless attribution before the speaker ("بحسب", "وفقا لـ", "according to").
    According,
}

/// (form, kind). Forms are listed as written; they are folded when the table is built.
pub(crate) const CUES: &[(&str, CueKind)] = &[
    // قال
    ("قال", CueKind::Verb(Gender::Masculine)),
    ("قالت", CueKind::Verb(Gender::Feminine)),
    ("قالوا", CueKind::Verb(Gender::Plural)),
    ("يقول", CueKind::Verb(Gender::Masculine)),
    ("تقول", CueKind::Verb(Gender::Feminine)),
    ("قائلا", CueKind::Participle(Gender::Masculine)),
    ("قائلة", CueKind::Participle(Gender::Feminine)),
    // أضاف
    ("أضاف", CueKind::Verb(Gender::Masculine)),
    ("أضافت", CueKind::Verb(Gender::Feminine)),
    ("أضافوا", CueKind::Verb(Gender::Plural)),
    ("يضيف", CueKind::Verb(Gender::Masculine)),
    ("تضيف", CueKind::Verb(Gender::Feminine)),
    ("مضيفا", CueKind::Participle(Gender::Masculine)),
    ("مضيفة", CueKind::Participle(Gender::Feminine)),
    // أكد
    ("أكد", CueKind::Verb(Gender::Masculine)),
    ("أكدت", CueKind::Verb(Gender::Feminine)),
    ("أكدوا", CueKind::Verb(Gender::Plural)),
    ("يؤكد", CueKind::Verb(Gender::Masculine)),
    ("تؤكد", CueKind::Verb(Gender::Feminine)),
    ("مؤكدا", CueKind::Participle(Gender::Masculine)),
    ("مؤكدة", CueKind::Participle(Gender::Feminine)),
    // أعلن
    ("أعلن", CueKind::Verb(Gender::Masculine)),
    ("أعلنت", CueKind::Verb(Gender::Feminine)),
    ("أعلنوا", CueKind::Verb(Gender::Plural)),
    ("يعلن", CueKind::Verb(Gender::Masculine)),
    ("تعلن", CueKind::Verb(Gender::Feminine)),
    // أوضح
    ("أوضح", CueKind::Verb(Gender::Masculine)),
    ("أوضحت", CueKind::Verb(Gender::Feminine)),
    ("يوضح", CueKind::Verb(Gender::Masculine)),
    ("موضحا", CueKind::Participle(Gender::Masculine)),
    ("موضحة", CueKind::Participle(Gender::Feminine)),
    // أشار
    ("أشار", CueKind::Verb(Gender::Masculine)),
    ("أشارت", CueKind::Verb(Gender::Feminine)),
    ("أشاروا", CueKind::Verb(Gender::Plural)),
    ("يشير", CueKind::Verb(Gender::Masculine)),
    ("تشير", CueKind::Verb(Gender::Feminine)),
    ("مشيرا", CueKind::Participle(Gender::Masculine)),
    ("مشيرة", CueKind::Participle(Gender::Feminine)),
    // ذكر, رأى, اعتبر, لفت, أفاد, شدد, تابع, كشف, صرح, نفى, حذر, أعرب, ختم, نقل
    ("ذكر", CueKind::Verb(Gender::Masculine)),
    ("ذكرت", CueKind::Verb(Gender::Feminine)),
    ("رأى", CueKind::Verb(Gender::Masculine)),
    ("رأت", CueKind::Verb(Gender::Feminine)),
    ("يرى", CueKind::Verb(Gender::Masculine)),
    ("اعتبر", CueKind::Verb(Gender::Masculine)),
    ("اعتبرت", CueKind::Verb(Gender::Feminine)),
    ("معتبرا", CueKind::Participle(Gender::Masculine)),
    ("معتبرة", CueKind::Participle(Gender::Feminine)),
    ("لفت", CueKind::Verb(Gender::Masculine)),
    ("لفتت", CueKind::Verb(Gender::Feminine)),
    ("لافتا", CueKind::Participle(Gender::Masculine)),
    ("أفاد", CueKind::Verb(Gender::Masculine)),
    ("أفادت", CueKind::Verb(Gender::Feminine)),
    ("شدد", CueKind::Verb(Gender::Masculine)),
    ("شددت", CueKind::Verb(Gender::Feminine)),
    ("مشددا", CueKind::Participle(Gender::Masculine)),
    ("تابع", CueKind::Verb(Gender::Masculine)),
    ("تابعت", CueKind::Verb(Gender::Feminine)),
    ("كشف", CueKind::Verb(Gender::Masculine)),
    ("كشفت", CueKind::Verb(Gender::Feminine)),
    ("صرح", CueKind::Verb(Gender::Masculine)),
    ("صرحت", CueKind::Verb(Gender::Feminine)),
    ("نفى", CueKind::Verb(Gender::Masculine)),
    ("نفت", CueKind::Verb(Gender::Feminine)),
    ("نافيا", CueKind::Participle(Gender::Masculine)),
    ("حذر", CueKind::Verb(Gender::Masculine)),
    ("حذرت", CueKind::Verb(Gender::Feminine)),
    ("محذرا", CueKind::Participle(Gender::Masculine)),
    ("أعرب", CueKind::Verb(Gender::Masculine)),
    ("أعربت", CueKind::Verb(Gender::Feminine)),
    ("معربا", CueKind::Participle(Gender::Masculine)),
    ("ختم", CueKind::Verb(Gender::Masculine)),
    ("اختتم", CueKind::Verb(Gender::Masculine)),
    ("استطرد", CueKind::Verb(Gender::Masculine)),
    ("أردف", CueKind::Verb(Gender::Masculine)),
    ("نقل", CueKind::Verb(Gender::Masculine)),
    ("نقلت", CueKind::Verb(Gender::Feminine)),
    ("توقع", CueKind::Verb(Gender::Masculine)),
    ("توقعت", CueKind::Verb(Gender::Feminine)),
    ("دعا", CueKind::Verb(Gender::Masculine)),
    ("دعت", CueKind::Verb(Gender::Feminine)),
    ("طالب", CueKind::Verb(Gender::Masculine)),
    ("طالبت", CueKind::Verb(Gender::Feminine)),
    ("كتب", CueKind::Verb(Gender::Masculine)),
    ("كتبت", CueKind::Verb(Gender::Feminine)),
    ("غرد", CueKind::Verb(Gender::Masculine)),
    ("غردت", CueKind::Verb(Gender::Feminine)),
    // Verbless attribution.
    ("بحسب", CueKind::According),
    ("حسب", CueKind::According),
    ("وفقا", CueKind::According),
    ("طبقا", CueKind::According),
    ("تعبير", CueKind::According),
    // English.
    ("said", CueKind::Verb(Gender::Any)),
    ("says", CueKind::Verb(Gender::Any)),
    ("told", CueKind::Verb(Gender::Any)),
    ("added", CueKind::Verb(Gender::Any)),
    ("stated", CueKind::Verb(Gender::Any)),
    ("warned", CueKind::Verb(Gender::Any)),
    ("insisted", CueKind::Verb(Gender::Any)),
    ("noted", CueKind::Verb(Gender::Any)),
    ("argued", CueKind::Verb(Gender::Any)),
    ("announced", CueKind::Verb(Gender::Any)),
    ("explained", CueKind::Verb(Gender::Any)),
    ("claimed", CueKind::Verb(Gender::Any)),
    ("wrote", CueKind::Verb(Gender::Any)),
    ("according", CueKind::According),
];

/// Words that open a subject's title: the role noun of an apposition.
pub(crate) const ROLE_NOUNS: &[&str] = &[
    "وزير",
    "وزيرة",
    "رئيس",
    "رئيسة",
    "المتحدث",
    "المتحدثة",
    "الناطق",
    "الناطقة",
    "سفير",
    "سفيرة",
    "مدير",
    "مديرة",
    "الأمين",
    "أمين",
    "نائب",
    "قائد",
    "زعيم",
    "مستشار",
    "مستشارة",
    "محافظ",
    "عضو",
    "مسؤول",
    "مسؤولة",
    "مندوب",
    "ممثل",
    "المبعوث",
    "مبعوث",
    "الرئيس",
    "الوزير",
    "العميد",
    "اللواء",
    "الدكتور",
    "كبير",
    "منسق",
    "أستاذ",
    "خبير",
    "الخبير",
    "المحلل",
    "محلل",
    "الباحث",
    "باحث",
    "الكاتب",
    "الطبيب",
    "طبيب",
    "المدير",
    "الأستاذ",
    "minister",
    "president",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "director",
    "chief",
    "head",
    "secretary",
    "envoy",
    "governor",
    "official",
    "analyst",
    "leader",
    "senator",
    "mayor",
    "general",
    "ceo",
    "مدرب",
    "المدرب",
    "والي",
    "محامي",
    "المحامي",
    "قاضي",
    "القاضي",
    "النائب",
    "الشيخ",
    "الأمير",
    "الملك",
];

/// Words before a quotation mark that make it a title, not speech.
pub(crate) const TITLE_INTRODUCERS: &[&str] = &[
    "بعنوان",
    "عنوان",
    "شعار",
    "يسمى",
    "يعرف",
    "المسمى",
    "الملقب",
    "وسم",
    "هاشتاغ",
    "عملية",
    "خطة",
    "مبادرة",
    "حملة",
    "مشروع",
    "قانون",
    "كتاب",
    "فيلم",
    "برنامج",
    "مؤتمر",
    "قمة",
    "جلسة",
    "titled",
    "entitled",
    "dubbed",
    "called",
    "so-called",
    "named",
];

/// Verbs whose reported content opens with their own preposition: طالب بـ, صرح بـ, وصف بـ.
pub(crate) const BI_VERBS: &[&str] =
    &["طالب", "طالبت", "يطالب", "تطالب", "صرح", "صرحت", "وصف", "وصفت", "أفاد", "أفادت"];

/// Nouns that, after the preposition لـ, name who a statement was made to, not who made it.
pub(crate) const ADDRESSEES: &[&str] = &[
    "وكالة",
    "قناة",
    "صحيفة",
    "الصحفيين",
    "الصحافيين",
    "موقع",
    "التلفزيون",
    "الإذاعة",
    "إذاعة",
    "مجلة",
    "شبكة",
    "مراسل",
    "مراسلة",
    "مراسلنا",
    "مراسلي",
];

/// Adverbs and intensifiers that sit where a subject would ("وأضاف أيضا أن", "وتابع بالقول",
/// "وأكد المصدر ذاته"): never a subject's name.
pub(crate) const NOT_NAMES: &[&str] = &[
    "أيضا",
    "كذلك",
    "بالقول",
    "بدوره",
    "بدورها",
    "ذاته",
    "ذاتها",
    "نفسه",
    "نفسها",
    "مجددا",
    "مؤخرا",
    "أمس",
    "مرارا",
    "سابقا",
    "لاحقا",
    "دائما",
    "أخيرا",
    "رسميا",
    "علنا",
    "صراحة",
];

/// Nouns that, after لـ, continue a title with their genitive: "الاتحاد الدولي لكرة القدم",
/// "المفوض السامي لحقوق الإنسان", "الأمين العام لحزب الله" (a name such as "لطيفة" does not).
pub(crate) const LAM_GENITIVES: &[&str] = &[
    "كرة",
    "حقوق",
    "شؤون",
    "مكافحة",
    "حماية",
    "دعم",
    "تنمية",
    "رعاية",
    "إغاثة",
    "تشغيل",
    "حفظ",
    "مراقبة",
    "تنسيق",
    "مجلس",
    "وزارة",
    "هيئة",
    "منظمة",
    "تحالف",
    "حزب",
    "حركة",
    "جبهة",
    "اتحاد",
    "نقابة",
    "جمعية",
    "منتخب",
    "نادي",
    "فريق",
    "بنك",
    "شركة",
];

/// A cue form followed by a word with this prefix is another word: "تابع لـ" is "affiliated to"
/// ("مراقب تابع للأمم المتحدة"), not "went on".
pub(crate) const NOT_CUE_BEFORE: &[(&str, &str)] = &[("تابع", "ل")];

/// Conjunctions that may open a sentence before its subject: "لكن الهيئة شددت".
pub(crate) const CONJUNCTIONS: &[&str] = &["لكن", "ولكن", "بينما", "فيما", "كما", "أما", "ثم", "حيث", "إذ"];

/// Pronoun suffixes of nouns and prepositions, longest first: "كلمته", "فيها", "بهم". Folded.
pub(crate) const PRONOUN_SUFFIXES: &[&str] = &["هما", "هم", "ها", "ه"];

/// Relative pronouns and the particle قد: words of a clause, never of a subject that opens the
/// sentence ("التحقيقات التي أجريت تشير"). Folded.
pub(crate) const CLAUSE_WORDS: &[&str] = &["التي", "الذي", "الذين", "اللذين", "قد"];

/// Speech nouns whose pronoun suffix is the speaker: "حسب قوله", "على حد تعبيرها". Folded.
pub(crate) const SPEECH_NOUNS: &[&str] = &["قول", "تعبير"];

/// Auxiliaries after which a verb's form is its verbal noun, not a report: "تم نقل الجثة".
pub(crate) const AUXILIARIES: &[&str] = &["تم", "يتم", "ستتم", "سيتم", "جرى", "يجري"];

/// Complementizers and prepositions that open reported content after a cue.
pub(crate) const COMPLEMENTIZERS: &[&str] = &[
    "أن",
    "إن",
    "بأن",
    "إلى",
    "على",
    "عن",
    "أنه",
    "أنها",
    "أنهم",
    "إنه",
    "إنها",
    "إنهم",
    "بأنه",
    "بأنها",
    "بأنهم",
    "that",
];

/// Prepositions, bare or with a pronoun suffix ("فيها", "عليه"): a subject never opens with one
/// ("كتب فيها", "ذكرت في خبر" have no subject after the verb).
pub(crate) const PREPOSITIONS: &[&str] = &[
    "في",
    "فيه",
    "فيها",
    "فيهم",
    "خلال",
    "على",
    "عليه",
    "عليها",
    "عن",
    "عنه",
    "عنها",
    "من",
    "منه",
    "منها",
    "عبر",
    "أمام",
    "لدى",
    "مع",
    "معه",
    "بعد",
    "قبل",
    "أثناء",
    "عند",
    "ضمن",
    "حول",
    "له",
    "لها",
    "لهم",
    "به",
    "بها",
    "إليه",
    "إليها",
];

/// Words that open the object of a verb, not its subject: "تابع هذه الانتخابات".
pub(crate) const DEMONSTRATIVES: &[&str] = &["هذا", "هذه", "ذلك", "تلك", "هؤلاء", "أولئك", "هذان", "هاتان"];

/// Nouns of a speech event: after "في"/"خلال"/"عبر" they make an adverbial that ends the subject
/// ("قال الوزير في كلمته إن"), with or without the article or a pronoun suffix.
pub(crate) const SPEECH_EVENTS: &[&str] = &[
    "كلمة",
    "تصريح",
    "تصريحات",
    "بيان",
    "حديث",
    "مؤتمر",
    "لقاء",
    "مقابلة",
    "بلاغ",
    "تقرير",
    "إعلان",
    "مداخلة",
    "تدخل",
    "تغريدة",
    "منشور",
    "رسالة",
    "خطاب",
    "اتصال",
    "ندوة",
    "جلسة",
    "اجتماع",
    "حوار",
    "محاضرة",
    "تدوينة",
    "كلمات",
    "خطبة",
];

/// Prepositions that open a speech-event adverbial.
pub(crate) const EVENT_PREPOSITIONS: &[&str] = &["في", "خلال", "عبر", "أثناء", "أمام"];
