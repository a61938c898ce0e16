//! The cue lexicons zones are recognised by, kept as data. Entries are written as they
//! appear in articles; they are folded (hamza and alef forms, tanween, Persian letters, case)
//! before matching, so one spelling covers its variants.

use khabar_core::ZoneKind;

/// How a cue must sit in a line for the line to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Placement {
    /// The line starts with the cue (at a word boundary).
    Prefix,
    /// The line starts with the cue followed by a separator (`:`, `-`, `|`) or nothing else.
    Label,
    /// The line is the cue, give or take punctuation and brackets.
    Whole,
    /// The cue appears anywhere in a short line.
    Anywhere,
}

/// One cue: the zone it marks, where it must sit, the most words the line may have
/// (`0`: any), and the phrase.
pub(crate) struct Cue {
    pub(crate) zone: ZoneKind,
    pub(crate) placement: Placement,
    pub(crate) max_words: usize,
    pub(crate) phrase: &'static str,
}

const fn cue(zone: ZoneKind, placement: Placement, max_words: usize, phrase: &'static str) -> Cue {
    Cue { zone, placement, max_words, phrase }
}

use Placement::{Anywhere, Label, Prefix, Whole};
use ZoneKind::{Boilerplate, Byline, Dateline, Keywords, Related, Source};

/// Built-in cues. Extra ones come from the options.
pub(crate) const CUES: &[Cue] = &[
    // Publication-date lines.
    cue(Dateline, Prefix, 15, "تاريخ النشر"),
    cue(Dateline, Prefix, 15, "تاريخ الخبر"),
    cue(Dateline, Prefix, 15, "نشر في"),
    cue(Dateline, Prefix, 15, "نشر بتاريخ"),
    cue(Dateline, Prefix, 15, "نشر يوم"),
    cue(Dateline, Label, 15, "نشر"),
    cue(Dateline, Prefix, 15, "تم النشر"),
    cue(Dateline, Prefix, 15, "آخر تحديث"),
    cue(Dateline, Prefix, 15, "اخر تحديث"),
    cue(Dateline, Prefix, 15, "تاريخ التحديث"),
    cue(Dateline, Prefix, 15, "تم التحديث"),
    cue(Dateline, Label, 15, "محدث"),
    cue(Dateline, Label, 15, "التاريخ"),
    cue(Dateline, Prefix, 15, "published"),
    cue(Dateline, Prefix, 15, "first published"),
    cue(Dateline, Prefix, 15, "updated"),
    cue(Dateline, Prefix, 15, "last updated"),
    cue(Dateline, Prefix, 15, "posted"),
    cue(Dateline, Label, 15, "date"),
    // Author and desk credits.
    cue(Byline, Prefix, 8, "بقلم"),
    cue(Byline, Label, 8, "كتب"),
    cue(Byline, Label, 8, "كتبت"),
    cue(Byline, Prefix, 8, "إعداد"),
    cue(Byline, Label, 8, "تحرير"),
    cue(Byline, Label, 8, "تقرير"),
    cue(Byline, Label, 8, "متابعة"),
    cue(Byline, Prefix, 8, "مراسل"),
    cue(Byline, Prefix, 8, "من مراسل"),
    cue(Byline, Prefix, 8, "by"),
    cue(Byline, Prefix, 8, "written by"),
    cue(Byline, Prefix, 12, "reporting by"),
    cue(Byline, Prefix, 12, "(reporting by"),
    cue(Byline, Prefix, 12, "editing by"),
    cue(Byline, Prefix, 8, "story by"),
    cue(Byline, Label, 8, "author"),
    // News agencies credited on a line of their own.
    cue(Byline, Whole, 4, "واس"),
    cue(Byline, Whole, 4, "وام"),
    cue(Byline, Whole, 4, "قنا"),
    cue(Byline, Whole, 4, "كونا"),
    cue(Byline, Whole, 4, "بترا"),
    cue(Byline, Whole, 4, "سانا"),
    cue(Byline, Whole, 4, "و م ع"),
    cue(Byline, Whole, 4, "و.م.ع"),
    cue(Byline, Whole, 4, "رويترز"),
    cue(Byline, Whole, 4, "فرانس برس"),
    cue(Byline, Whole, 4, "أ ف ب"),
    cue(Byline, Whole, 4, "أ.ف.ب"),
    cue(Byline, Whole, 4, "الأناضول"),
    cue(Byline, Whole, 4, "سبوتنيك"),
    cue(Byline, Whole, 4, "د ب أ"),
    cue(Byline, Whole, 4, "شينخوا"),
    cue(Byline, Whole, 4, "وكالات"),
    cue(Byline, Whole, 4, "reuters"),
    cue(Byline, Whole, 4, "afp"),
    cue(Byline, Whole, 4, "ap"),
    cue(Byline, Whole, 4, "dpa"),
    cue(Byline, Whole, 4, "xinhua"),
    // The credited outlet.
    cue(Source, Label, 12, "المصدر"),
    cue(Source, Label, 12, "مصدر الخبر"),
    cue(Source, Label, 12, "نقلا عن"),
    cue(Source, Label, 12, "source"),
    cue(Source, Label, 12, "sources"),
    // Tags.
    cue(Keywords, Prefix, 0, "كلمات دلالية"),
    cue(Keywords, Prefix, 0, "الكلمات الدلالية"),
    cue(Keywords, Prefix, 0, "الكلمات المفتاحية"),
    cue(Keywords, Prefix, 0, "كلمات مفتاحية"),
    cue(Keywords, Prefix, 0, "الكلمات الدالة"),
    cue(Keywords, Label, 0, "الوسوم"),
    cue(Keywords, Label, 0, "وسوم"),
    cue(Keywords, Label, 0, "tags"),
    cue(Keywords, Label, 0, "keywords"),
    cue(Keywords, Label, 0, "topics"),
    // Links to other articles.
    cue(Related, Prefix, 0, "اقرأ أيضا"),
    cue(Related, Prefix, 0, "اقرأ كذلك"),
    cue(Related, Prefix, 0, "اقرأ المزيد"),
    cue(Related, Prefix, 0, "شاهد أيضا"),
    cue(Related, Prefix, 0, "طالع أيضا"),
    cue(Related, Prefix, 0, "قد يهمك"),
    cue(Related, Prefix, 0, "قد يعجبك"),
    cue(Related, Prefix, 0, "مواضيع ذات صلة"),
    cue(Related, Prefix, 0, "موضوعات ذات صلة"),
    cue(Related, Prefix, 0, "أخبار ذات صلة"),
    cue(Related, Prefix, 0, "مقالات ذات صلة"),
    cue(Related, Prefix, 0, "مواضيع متعلقة"),
    cue(Related, Prefix, 0, "موضوعات متعلقة"),
    cue(Related, Prefix, 0, "أخبار متعلقة"),
    cue(Related, Prefix, 0, "المزيد من الأخبار"),
    cue(Related, Prefix, 0, "read more"),
    cue(Related, Prefix, 0, "read also"),
    cue(Related, Prefix, 0, "also read"),
    cue(Related, Prefix, 0, "see also"),
    cue(Related, Prefix, 0, "more on this"),
    cue(Related, Prefix, 0, "you may also like"),
    cue(Related, Label, 0, "related"),
    cue(Related, Prefix, 0, "related articles"),
    cue(Related, Prefix, 0, "related stories"),
    cue(Related, Prefix, 0, "related news"),
    // Page furniture.
    cue(Boilerplate, Prefix, 8, "شارك"),
    cue(Boilerplate, Prefix, 8, "شاركها"),
    cue(Boilerplate, Prefix, 8, "تابعونا"),
    cue(Boilerplate, Prefix, 8, "تابعنا على"),
    cue(Boilerplate, Prefix, 8, "تابعوا"),
    cue(Boilerplate, Prefix, 12, "اشترك"),
    cue(Boilerplate, Prefix, 12, "للاشتراك"),
    cue(Boilerplate, Prefix, 8, "اضغط هنا"),
    cue(Boilerplate, Prefix, 8, "انقر هنا"),
    cue(Boilerplate, Prefix, 20, "حمل تطبيق"),
    cue(Boilerplate, Prefix, 20, "حملوا تطبيق"),
    cue(Boilerplate, Prefix, 20, "لتحميل تطبيق"),
    cue(Boilerplate, Whole, 3, "إعلان"),
    cue(Boilerplate, Whole, 3, "انتهى"),
    cue(Boilerplate, Whole, 3, "النهاية"),
    cue(Boilerplate, Prefix, 8, "share"),
    cue(Boilerplate, Prefix, 8, "share this"),
    cue(Boilerplate, Prefix, 8, "follow us"),
    cue(Boilerplate, Prefix, 12, "subscribe"),
    cue(Boilerplate, Prefix, 12, "sign up"),
    cue(Boilerplate, Prefix, 8, "click here"),
    cue(Boilerplate, Whole, 3, "advertisement"),
    cue(Boilerplate, Whole, 3, "ends"),
    cue(Boilerplate, Anywhere, 25, "جميع الحقوق محفوظة"),
    cue(Boilerplate, Anywhere, 25, "كل الحقوق محفوظة"),
    cue(Boilerplate, Anywhere, 25, "حقوق النشر محفوظة"),
    cue(Boilerplate, Anywhere, 25, "all rights reserved"),
    cue(Boilerplate, Anywhere, 25, "©"),
    cue(Boilerplate, Prefix, 25, "copyright"),
];

/// Month names of every regional naming (Gregorian: Egyptian/Gulf, Levantine/Iraqi,
/// Maghrebi; Hijri) and English names and abbreviations, folded. A date-looking line near the
/// top is a dateline; the dates analyzer does the real reading.
pub(crate) const MONTHS: &[&str] = &[
    "يناير",
    "فبراير",
    "مارس",
    "ابريل",
    "مايو",
    "ماي",
    "يونيو",
    "يونيه",
    "يوليو",
    "يوليه",
    "يوليوز",
    "اغسطس",
    "غشت",
    "سبتمبر",
    "شتنبر",
    "اكتوبر",
    "نوفمبر",
    "نونبر",
    "ديسمبر",
    "دجنبر",
    "كانون",
    "شباط",
    "اذار",
    "نيسان",
    "ايار",
    "حزيران",
    "تموز",
    "اب",
    "ايلول",
    "تشرين",
    "جانفي",
    "فيفري",
    "افريل",
    "جوان",
    "جويليه",
    "اوت",
    "محرم",
    "صفر",
    "ربيع",
    "جمادي",
    "جماد",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذو",
    "ذي",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Words that mark a calendar era or time zone after a number (هـ, م, GMT).
pub(crate) const ERA_MARKERS: &[&str] = &["ه", "هـ", "م", "gmt", "utc", "ت", "بتوقيت"];

/// Abbreviations after which a period does not end a sentence (folded, without the final
/// period). Single letters (initials, Arabic د. م.) are handled by rule.
pub(crate) const ABBREVIATIONS: &[&str] = &[
    // English titles and common shortenings.
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj", "rep",
    "sen", "gov", "pres", "rev", "hon", "fr", "mt", "ft", "no", "nos", "vs", "inc", "corp", "co", "ltd", "dept",
    "univ", "est", "approx", "fig", "vol", "pp", "ed", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.u", "e.g", "i.e", "a.m", "p.m", "d.c", "u.s.a", // Arabic.
    "ق.م", "ص.ب", "م.م", "ت.م",
];
