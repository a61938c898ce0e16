//! Words that make up date expressions, as data. Entries are written as articles spell them
//! and folded (hamza and alef forms, teh marbuta, alef maqsura, case) before lookup, so one
//! entry covers its spelling variants. Words are looked up without their clitics (و ف ب ل ك,
//! and لل for ل + ال).

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::Weekday;
use khabar_core::text::fold_str;

/// Which calendar a month name belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Calendar {
    Gregorian,
    Hijri,
}

/// Calendar units of relative expressions and durations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// A part of a period: "مطلع 2018", "منتصف الشهر", "أواخر العام".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Start,
    Middle,
    End,
}

/// What a word means in a date expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lex {
    /// A month name; `ambiguous` names are also common words (آب "father", مارس "practised",
    /// May) and count only next to a number, a year or a modifier.
    Month {
        month: u32,
        calendar: Calendar,
        ambiguous: bool,
    },
    Weekday(Weekday),
    /// اليوم 0, أمس -1, غدا +1.
    RelativeDay(i64),
    /// A unit word; `count` is its built-in number (dual يومين: 2, singular: 1, plural: none).
    Unit {
        unit: Unit,
        count: Option<u32>,
        definite: bool,
    },
    /// A cardinal number word.
    Number(u32),
    /// الماضي -1, المقبل +1, الجاري 0.
    Shift(i64),
    /// عام/سنة before a year number.
    YearWord,
    /// منذ, قبل (-1) and بعد (+1) before a duration; English "ago" comes after.
    Ago(i64),
    Part(Part),
    /// صباح, مساء, ...: the hour offset added to a clock hour (مساء: +12 for hours below 12).
    TimeOfDay(u32),
    /// الساعة.
    Clock,
    /// An ordinal hour word after الساعة (العاشرة: 10).
    Hour(u32),
    /// هـ after a year: the Hijri era.
    HijriEra,
    /// م after a year: the Gregorian era.
    GregorianEra,
    /// الموافق: pairs a Hijri date with its Gregorian equivalent.
    Equivalent,
    /// Range and list words: و, إلى, حتى, من, بين, and, to, through, from, between.
    And,
    To,
    From,
    Between,
    /// A decade word (التسعينيات: 1990).
    Decade(i32),
    /// الربع, quarter.
    Quarter,
    /// القرن, century.
    Century,
    /// An ordinal word (الأول 1, الثالث 3, العشرين 20, first 1), for quarters and centuries.
    Ordinal(u32),
    /// A word that, before a year or date, makes it a name (رؤية 2030, قوى 14 آذار).
    NamePrefix,
    /// A preposition a bare year may follow (في 2023, by 2030).
    Preposition,
    /// Words that mark the future (سوف, المقبل in the sentence, will).
    Future,
    /// Words that mark the past (was, كان).
    Past,
}

use Calendar::{Gregorian, Hijri};
use Unit::{Day, Hour, Minute, Month, Week, Year};

const fn month(month: u32, calendar: Calendar) -> Lex {
    Lex::Month { month, calendar, ambiguous: false }
}

const fn ambiguous_month(month: u32) -> Lex {
    Lex::Month { month, calendar: Gregorian, ambiguous: true }
}

const fn unit(unit: Unit, count: Option<u32>) -> Lex {
    Lex::Unit { unit, count, definite: false }
}

const fn the_unit(unit: Unit) -> Lex {
    Lex::Unit { unit, count: Some(1), definite: true }
}

/// One-word entries.
const WORDS: &[(&str, Lex)] = &[
    // Egyptian and Gulf month names (also Moroccan يناير فبراير ابريل يونيو).
    ("يناير", month(1, Gregorian)),
    ("فبراير", month(2, Gregorian)),
    ("مارس", ambiguous_month(3)),
    ("أبريل", month(4, Gregorian)),
    ("إبريل", month(4, Gregorian)),
    ("ابريل", month(4, Gregorian)),
    ("مايو", month(5, Gregorian)),
    ("يونيو", month(6, Gregorian)),
    ("يونيه", month(6, Gregorian)),
    ("يوليو", month(7, Gregorian)),
    ("يوليه", month(7, Gregorian)),
    ("أغسطس", month(8, Gregorian)),
    ("اغسطس", month(8, Gregorian)),
    ("أغسطوس", month(8, Gregorian)),
    ("سبتمبر", month(9, Gregorian)),
    ("أكتوبر", month(10, Gregorian)),
    ("اكتوبر", month(10, Gregorian)),
    ("نوفمبر", month(11, Gregorian)),
    ("ديسمبر", month(12, Gregorian)),
    // Levantine and Iraqi (كانون and تشرين take a second word: see PHRASES).
    ("شباط", month(2, Gregorian)),
    ("آذار", month(3, Gregorian)),
    ("اذار", month(3, Gregorian)),
    ("نيسان", month(4, Gregorian)),
    ("أيار", month(5, Gregorian)),
    ("ايار", month(5, Gregorian)),
    ("حزيران", month(6, Gregorian)),
    ("تموز", month(7, Gregorian)),
    ("آب", ambiguous_month(8)),
    ("أيلول", month(9, Gregorian)),
    ("ايلول", month(9, Gregorian)),
    // Tunisian and Algerian.
    ("جانفي", month(1, Gregorian)),
    ("فيفري", month(2, Gregorian)),
    ("أفريل", month(4, Gregorian)),
    ("افريل", month(4, Gregorian)),
    ("ماي", ambiguous_month(5)),
    ("جوان", month(6, Gregorian)),
    ("جويلية", month(7, Gregorian)),
    ("جويليه", month(7, Gregorian)),
    ("أوت", month(8, Gregorian)),
    ("اوت", month(8, Gregorian)),
    // Moroccan.
    ("يوليوز", month(7, Gregorian)),
    ("غشت", month(8, Gregorian)),
    ("شتنبر", month(9, Gregorian)),
    ("نونبر", month(11, Gregorian)),
    ("دجنبر", month(12, Gregorian)),
    // Hijri (two-word names in PHRASES).
    // محرم, رجب, شعبان and رمضان are also given names (رجب طيب أردوغان, طارق رمضان).
    ("محرم", ambiguous_month_hijri(1)),
    ("صفر", ambiguous_month_hijri(2)),
    ("رجب", ambiguous_month_hijri(7)),
    ("شعبان", ambiguous_month_hijri(8)),
    ("رمضان", ambiguous_month_hijri(9)),
    ("شوال", month(10, Hijri)),
    // English.
    ("january", month(1, Gregorian)),
    ("february", month(2, Gregorian)),
    ("march", ambiguous_month(3)),
    ("april", month(4, Gregorian)),
    ("may", ambiguous_month(5)),
    ("june", month(6, Gregorian)),
    ("july", month(7, Gregorian)),
    ("august", month(8, Gregorian)),
    ("september", month(9, Gregorian)),
    ("october", month(10, Gregorian)),
    ("november", month(11, Gregorian)),
    ("december", month(12, Gregorian)),
    ("jan", ambiguous_month(1)),
    ("feb", ambiguous_month(2)),
    ("mar", ambiguous_month(3)),
    ("apr", ambiguous_month(4)),
    ("jun", ambiguous_month(6)),
    ("jul", ambiguous_month(7)),
    ("aug", ambiguous_month(8)),
    ("sep", ambiguous_month(9)),
    ("sept", ambiguous_month(9)),
    ("oct", ambiguous_month(10)),
    ("nov", ambiguous_month(11)),
    ("dec", ambiguous_month(12)),
    // Weekdays.
    ("السبت", Lex::Weekday(Weekday::Sat)),
    ("الأحد", Lex::Weekday(Weekday::Sun)),
    ("الاثنين", Lex::Weekday(Weekday::Mon)),
    ("الإثنين", Lex::Weekday(Weekday::Mon)),
    ("الثلاثاء", Lex::Weekday(Weekday::Tue)),
    ("الأربعاء", Lex::Weekday(Weekday::Wed)),
    ("الخميس", Lex::Weekday(Weekday::Thu)),
    ("الجمعة", Lex::Weekday(Weekday::Fri)),
    ("saturday", Lex::Weekday(Weekday::Sat)),
    ("sunday", Lex::Weekday(Weekday::Sun)),
    ("monday", Lex::Weekday(Weekday::Mon)),
    ("tuesday", Lex::Weekday(Weekday::Tue)),
    ("wednesday", Lex::Weekday(Weekday::Wed)),
    ("thursday", Lex::Weekday(Weekday::Thu)),
    ("friday", Lex::Weekday(Weekday::Fri)),
    // Days relative to today.
    ("اليوم", Lex::RelativeDay(0)),
    ("الليلة", Lex::RelativeDay(0)),
    ("أمس", Lex::RelativeDay(-1)),
    ("البارحة", Lex::RelativeDay(-1)),
    ("غدا", Lex::RelativeDay(1)),
    ("today", Lex::RelativeDay(0)),
    ("tonight", Lex::RelativeDay(0)),
    ("yesterday", Lex::RelativeDay(-1)),
    ("tomorrow", Lex::RelativeDay(1)),
    // Units: singular, dual, plural, definite.
    ("دقيقة", unit(Minute, Some(1))),
    ("دقيقتين", unit(Minute, Some(2))),
    ("دقيقتان", unit(Minute, Some(2))),
    ("دقائق", unit(Minute, None)),
    ("ساعة", unit(Hour, Some(1))),
    ("ساعتين", unit(Hour, Some(2))),
    ("ساعتان", unit(Hour, Some(2))),
    ("ساعات", unit(Hour, None)),
    ("يوم", unit(Day, Some(1))),
    ("يوما", unit(Day, None)),
    ("يومين", unit(Day, Some(2))),
    ("يومان", unit(Day, Some(2))),
    ("أيام", unit(Day, None)),
    ("أسبوع", unit(Week, Some(1))),
    ("أسبوعا", unit(Week, None)),
    ("أسبوعين", unit(Week, Some(2))),
    ("أسبوعان", unit(Week, Some(2))),
    ("أسابيع", unit(Week, None)),
    ("الأسبوع", the_unit(Week)),
    ("شهر", unit(Month, Some(1))),
    ("شهرا", unit(Month, None)),
    ("شهرين", unit(Month, Some(2))),
    ("شهران", unit(Month, Some(2))),
    ("أشهر", unit(Month, None)),
    ("شهور", unit(Month, None)),
    ("الشهر", the_unit(Month)),
    ("عام", unit(Year, Some(1))),
    ("عاما", unit(Year, None)),
    ("عامين", unit(Year, Some(2))),
    ("عامان", unit(Year, Some(2))),
    ("أعوام", unit(Year, None)),
    ("سنة", unit(Year, Some(1))),
    ("سنتين", unit(Year, Some(2))),
    ("سنتان", unit(Year, Some(2))),
    ("سنوات", unit(Year, None)),
    ("سنين", unit(Year, None)),
    ("العام", the_unit(Year)),
    ("السنة", the_unit(Year)),
    ("minute", unit(Minute, Some(1))),
    ("minutes", unit(Minute, None)),
    ("hour", unit(Hour, Some(1))),
    ("hours", unit(Hour, None)),
    ("day", unit(Day, Some(1))),
    ("days", unit(Day, None)),
    ("week", unit(Week, Some(1))),
    ("weeks", unit(Week, None)),
    ("month", unit(Month, Some(1))),
    ("months", unit(Month, None)),
    ("year", unit(Year, Some(1))),
    ("years", unit(Year, None)),
    // Number words for counts (masculine and feminine forms).
    ("واحد", Lex::Number(1)),
    ("اثنين", Lex::Number(2)),
    ("اثنان", Lex::Number(2)),
    ("ثلاث", Lex::Number(3)),
    ("ثلاثة", Lex::Number(3)),
    ("أربع", Lex::Number(4)),
    ("أربعة", Lex::Number(4)),
    ("خمس", Lex::Number(5)),
    ("خمسة", Lex::Number(5)),
    ("ست", Lex::Number(6)),
    ("ستة", Lex::Number(6)),
    ("سبع", Lex::Number(7)),
    ("سبعة", Lex::Number(7)),
    ("ثماني", Lex::Number(8)),
    ("ثمانية", Lex::Number(8)),
    ("ثمان", Lex::Number(8)),
    ("تسع", Lex::Number(9)),
    ("تسعة", Lex::Number(9)),
    ("عشر", Lex::Number(10)),
    ("عشرة", Lex::Number(10)),
    ("عشرين", Lex::Number(20)),
    ("عشرون", Lex::Number(20)),
    ("ثلاثين", Lex::Number(30)),
    ("ثلاثون", Lex::Number(30)),
    ("بضعة", Lex::Number(3)),
    ("عدة", Lex::Number(3)),
    ("one", Lex::Number(1)),
    ("a", Lex::Number(1)),
    ("two", Lex::Number(2)),
    ("three", Lex::Number(3)),
    ("four", Lex::Number(4)),
    ("five", Lex::Number(5)),
    ("six", Lex::Number(6)),
    ("seven", Lex::Number(7)),
    ("eight", Lex::Number(8)),
    ("nine", Lex::Number(9)),
    ("ten", Lex::Number(10)),
    ("twelve", Lex::Number(12)),
    ("twenty", Lex::Number(20)),
    // Shifts.
    ("الماضي", Lex::Shift(-1)),
    ("الماضية", Lex::Shift(-1)),
    ("المنصرم", Lex::Shift(-1)),
    ("المنصرمة", Lex::Shift(-1)),
    ("الفائت", Lex::Shift(-1)),
    ("الفائتة", Lex::Shift(-1)),
    ("المقبل", Lex::Shift(1)),
    ("المقبلة", Lex::Shift(1)),
    ("القادم", Lex::Shift(1)),
    ("القادمة", Lex::Shift(1)),
    ("الجاري", Lex::Shift(0)),
    ("الجارية", Lex::Shift(0)),
    ("الحالي", Lex::Shift(0)),
    ("الحالية", Lex::Shift(0)),
    ("last", Lex::Shift(-1)),
    ("past", Lex::Shift(-1)),
    ("previous", Lex::Shift(-1)),
    ("next", Lex::Shift(1)),
    ("coming", Lex::Shift(1)),
    ("this", Lex::Shift(0)),
    // Year words.
    ("عام", Lex::YearWord),
    ("سنة", Lex::YearWord),
    ("عامي", Lex::YearWord),
    // Before and after.
    ("منذ", Lex::Ago(-1)),
    ("قبل", Lex::Ago(-1)),
    ("بعد", Lex::Ago(1)),
    ("ago", Lex::Ago(-1)),
    ("in", Lex::Ago(1)),
    // Parts of a period.
    ("مطلع", Lex::Part(Part::Start)),
    ("أوائل", Lex::Part(Part::Start)),
    ("بداية", Lex::Part(Part::Start)),
    ("مستهل", Lex::Part(Part::Start)),
    ("منتصف", Lex::Part(Part::Middle)),
    ("أواسط", Lex::Part(Part::Middle)),
    ("أواخر", Lex::Part(Part::End)),
    ("نهاية", Lex::Part(Part::End)),
    ("ختام", Lex::Part(Part::End)),
    ("early", Lex::Part(Part::Start)),
    ("mid", Lex::Part(Part::Middle)),
    ("late", Lex::Part(Part::End)),
    // Times of day.
    ("صباح", Lex::TimeOfDay(0)),
    ("صباحا", Lex::TimeOfDay(0)),
    ("فجر", Lex::TimeOfDay(0)),
    ("فجرا", Lex::TimeOfDay(0)),
    ("ظهر", Lex::TimeOfDay(12)),
    ("ظهرا", Lex::TimeOfDay(12)),
    ("عصر", Lex::TimeOfDay(12)),
    ("عصرا", Lex::TimeOfDay(12)),
    ("مساء", Lex::TimeOfDay(12)),
    ("مساءا", Lex::TimeOfDay(12)),
    ("ليلة", Lex::TimeOfDay(12)),
    ("ليل", Lex::TimeOfDay(12)),
    ("ليلا", Lex::TimeOfDay(12)),
    ("الساعة", Lex::Clock),
    ("am", Lex::TimeOfDay(0)),
    ("pm", Lex::TimeOfDay(12)),
    ("morning", Lex::TimeOfDay(0)),
    ("evening", Lex::TimeOfDay(12)),
    ("night", Lex::TimeOfDay(12)),
    ("afternoon", Lex::TimeOfDay(12)),
    // Clock hours as ordinals.
    ("الواحدة", Lex::Hour(1)),
    ("الثانية", Lex::Hour(2)),
    ("الثالثة", Lex::Hour(3)),
    ("الرابعة", Lex::Hour(4)),
    ("الخامسة", Lex::Hour(5)),
    ("السادسة", Lex::Hour(6)),
    ("السابعة", Lex::Hour(7)),
    ("الثامنة", Lex::Hour(8)),
    ("التاسعة", Lex::Hour(9)),
    ("العاشرة", Lex::Hour(10)),
    // Eras and the Hijri/Gregorian pairing.
    ("هـ", Lex::HijriEra),
    ("ه", Lex::HijriEra),
    ("هجري", Lex::HijriEra),
    ("هجرية", Lex::HijriEra),
    ("م", Lex::GregorianEra),
    ("ميلادي", Lex::GregorianEra),
    ("ميلادية", Lex::GregorianEra),
    ("الموافق", Lex::Equivalent),
    ("الموافقة", Lex::Equivalent),
    // Ranges.
    ("و", Lex::And),
    ("إلى", Lex::To),
    ("الى", Lex::To),
    ("حتى", Lex::To),
    ("لغاية", Lex::To),
    ("من", Lex::From),
    ("بين", Lex::Between),
    ("and", Lex::And),
    ("to", Lex::To),
    ("through", Lex::To),
    ("until", Lex::To),
    ("from", Lex::From),
    ("between", Lex::Between),
    // Decades.
    ("الخمسينيات", Lex::Decade(1950)),
    ("الستينيات", Lex::Decade(1960)),
    ("السبعينيات", Lex::Decade(1970)),
    ("الثمانينيات", Lex::Decade(1980)),
    ("التسعينيات", Lex::Decade(1990)),
    ("الخمسينات", Lex::Decade(1950)),
    ("الستينات", Lex::Decade(1960)),
    ("السبعينات", Lex::Decade(1970)),
    ("الثمانينات", Lex::Decade(1980)),
    ("التسعينات", Lex::Decade(1990)),
    // Quarters and centuries, with the ordinals they take.
    ("الربع", Lex::Quarter),
    ("quarter", Lex::Quarter),
    ("القرن", Lex::Century),
    ("century", Lex::Century),
    ("الأول", Lex::Ordinal(1)),
    ("الثاني", Lex::Ordinal(2)),
    ("الثالث", Lex::Ordinal(3)),
    ("الرابع", Lex::Ordinal(4)),
    ("الأخير", Lex::Ordinal(4)),
    ("الخامس", Lex::Ordinal(5)),
    ("العشرين", Lex::Ordinal(20)),
    ("first", Lex::Ordinal(1)),
    ("second", Lex::Ordinal(2)),
    ("third", Lex::Ordinal(3)),
    ("fourth", Lex::Ordinal(4)),
    ("last", Lex::Ordinal(4)),
    // Names that contain a year or a date.
    ("رؤية", Lex::NamePrefix),
    ("رؤيه", Lex::NamePrefix),
    ("إكسبو", Lex::NamePrefix),
    ("اكسبو", Lex::NamePrefix),
    ("قوى", Lex::NamePrefix),
    ("تحالف", Lex::NamePrefix),
    ("تيار", Lex::NamePrefix),
    ("فريق", Lex::NamePrefix),
    ("حركة", Lex::NamePrefix),
    ("معسكر", Lex::NamePrefix),
    ("ثورة", Lex::NamePrefix),
    ("ملعب", Lex::NamePrefix),
    ("شارع", Lex::NamePrefix),
    ("ميدان", Lex::NamePrefix),
    ("vision", Lex::NamePrefix),
    ("expo", Lex::NamePrefix),
    ("agenda", Lex::NamePrefix),
    // Prepositions before a bare year (منذ, قبل, بعد, حتى, من, in, from, until have meanings above).
    ("في", Lex::Preposition),
    ("بحلول", Lex::Preposition),
    ("خلال", Lex::Preposition),
    ("since", Lex::Preposition),
    ("by", Lex::Preposition),
    ("before", Lex::Preposition),
    ("after", Lex::Preposition),
    ("during", Lex::Preposition),
    // Tense markers.
    ("سوف", Lex::Future),
    ("سيتم", Lex::Future),
    ("ستتم", Lex::Future),
    ("المرتقب", Lex::Future),
    ("المرتقبة", Lex::Future),
    ("المقرر", Lex::Future),
    ("المزمع", Lex::Future),
    ("المزمعة", Lex::Future),
    ("يعتزم", Lex::Future),
    ("تعتزم", Lex::Future),
    ("will", Lex::Future),
    ("كان", Lex::Past),
    ("كانت", Lex::Past),
    ("was", Lex::Past),
    ("were", Lex::Past),
    ("had", Lex::Past),
];

/// Epithets after a Hijri month's name that make it the month: "رمضان المبارك", "محرم الحرام".
/// Folded.
pub(crate) const HIJRI_EPITHETS: &[&str] = &["المبارك", "الكريم", "المعظم", "الحرام", "الفضيل"];

const fn ambiguous_month_hijri(month: u32) -> Lex {
    Lex::Month { month, calendar: Hijri, ambiguous: true }
}

/// Two-word entries: (first, second, meaning).
const PHRASES: &[(&str, &str, Lex)] = &[
    ("كانون", "الثاني", month(1, Gregorian)),
    ("كانون", "الأول", month(12, Gregorian)),
    ("تشرين", "الأول", month(10, Gregorian)),
    ("تشرين", "الثاني", month(11, Gregorian)),
    ("ربيع", "الأول", month(3, Hijri)),
    ("ربيع", "الثاني", month(4, Hijri)),
    ("ربيع", "الآخر", month(4, Hijri)),
    ("جمادى", "الأولى", month(5, Hijri)),
    ("جمادى", "الأول", month(5, Hijri)),
    ("جمادى", "الثانية", month(6, Hijri)),
    ("جمادى", "الآخرة", month(6, Hijri)),
    ("جمادى", "الثاني", month(6, Hijri)),
    ("ذو", "القعدة", month(11, Hijri)),
    ("ذي", "القعدة", month(11, Hijri)),
    ("ذو", "الحجة", month(12, Hijri)),
    ("ذي", "الحجة", month(12, Hijri)),
    ("أول", "أمس", Lex::RelativeDay(-2)),
    ("بعد", "غد", Lex::RelativeDay(2)),
    ("بعد", "الغد", Lex::RelativeDay(2)),
    ("الحادية", "عشرة", Lex::Hour(11)),
    ("الثانية", "عشرة", Lex::Hour(12)),
    ("احد", "عشر", Lex::Number(11)),
    ("الحادي", "والعشرين", Lex::Ordinal(21)),
    ("التاسع", "عشر", Lex::Ordinal(19)),
    ("الثامن", "عشر", Lex::Ordinal(18)),
    ("السابع", "عشر", Lex::Ordinal(17)),
    ("اثني", "عشر", Lex::Number(12)),
    ("اثنا", "عشر", Lex::Number(12)),
];

/// Three-word entries.
const PHRASES3: &[(&str, &str, &str, Lex)] =
    &[("أول", "من", "أمس", Lex::RelativeDay(-2)), ("the", "day", "before", Lex::RelativeDay(-2))];

/// Folded lookup tables, built once per analyzer. Phrases are keyed by their first word so
/// that looking one up allocates nothing.
pub(crate) struct Lexicon {
    words: HashMap<String, Vec<Lex>>,
    phrases: HashMap<String, Vec<(String, Lex)>>,
    phrases3: HashMap<String, Vec<(String, String, Lex)>>,
}

impl Lexicon {
    pub(crate) fn new() -> Lexicon {
        let mut words: HashMap<String, Vec<Lex>> = HashMap::new();
        for (word, lex) in WORDS {
            words.entry(fold_str(word)).or_default().push(*lex);
        }
        let mut phrases: HashMap<String, Vec<(String, Lex)>> = HashMap::new();
        for (a, b, lex) in PHRASES {
            phrases.entry(fold_str(a)).or_default().push((fold_str(b), *lex));
        }
        let mut phrases3: HashMap<String, Vec<(String, String, Lex)>> = HashMap::new();
        for (a, b, c, lex) in PHRASES3 {
            phrases3.entry(fold_str(a)).or_default().push((fold_str(b), fold_str(c), *lex));
        }
        Lexicon { words, phrases, phrases3 }
    }

    /// Every meaning of a folded word (as written, without clitics stripped).
    pub(crate) fn exact(&self, word: &str) -> &[Lex] {
        self.words.get(word).map_or(&[], Vec::as_slice)
    }

    /// Meanings of a folded word, trying it as written and without its clitics; with the
    /// number of folded bytes the clitics took.
    pub(crate) fn lookup(&self, word: &str) -> Vec<(Lex, usize)> {
        let mut found: Vec<(Lex, usize)> = Vec::new();
        for (base, stripped) in bases(word) {
            for lex in self.exact(&base) {
                if !found.iter().any(|(l, _)| l == lex) {
                    found.push((*lex, stripped));
                }
            }
        }
        found
    }

    pub(crate) fn phrase(&self, first: &str, second: &str) -> Option<Lex> {
        self.phrases.get(first)?.iter().find(|(b, _)| b == second).map(|(_, lex)| *lex)
    }

    pub(crate) fn phrase3(&self, a: &str, b: &str, c: &str) -> Option<Lex> {
        self.phrases3.get(a)?.iter().find(|(x, y, _)| x == b && y == c).map(|(_, _, lex)| *lex)
    }

    /// Whether a folded word (or its form without clitics) opens a phrase.
    pub(crate) fn opens_phrase(&self, word: &str) -> bool {
        bases(word)
            .iter()
            .any(|(base, _)| self.phrases.contains_key(base.as_ref()) || self.phrases3.contains_key(base.as_ref()))
    }
}

/// A folded word and its forms without clitics (و/ف, then ب/ل/ك, and لل for ل + ال), each
/// with the number of folded bytes the clitics took.
pub(crate) fn bases(word: &str) -> Vec<(Cow<'_, str>, usize)> {
    let mut out = vec![(Cow::Borrowed(word), 0)];
    let long_enough = |s: &str| s.chars().count() >= 2;
    let conj = ["و", "ف"].iter().find_map(|c| word.strip_prefix(c).map(|rest| (rest, c.len())));
    let (rest, taken) = match conj {
        Some((rest, taken)) if long_enough(rest) => {
            out.push((Cow::Borrowed(rest), taken));
            (rest, taken)
        }
        _ => (word, 0),
    };
    if let Some(tail) = rest.strip_prefix("لل") {
        if long_enough(tail) {
            // The date starts at the fused preposition: "للعام" is ل + "العام".
            out.push((Cow::Owned(format!("ال{tail}")), taken));
        }
    }
    for prep in ["ب", "ل", "ك"] {
        if let Some(tail) = rest.strip_prefix(prep) {
            if long_enough(tail) {
                out.push((Cow::Borrowed(tail), taken + prep.len()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitics_are_stripped() {
        let bases: Vec<String> = bases("وللعام").into_iter().map(|(b, _)| b.into_owned()).collect();
        assert!(bases.contains(&"العام".to_owned()), "{bases:?}");
        let lex = Lexicon::new();
        assert!(lex.lookup(&fold_str("وأمس")).iter().any(|(l, s)| *l == Lex::RelativeDay(-1) && *s == 2));
        assert!(lex.lookup(&fold_str("بيناير")).iter().any(|(l, _)| matches!(l, Lex::Month { month: 1, .. })));
        assert!(lex.lookup(&fold_str("للعام")).iter().any(|(l, _)| matches!(l, Lex::Unit { definite: true, .. })));
        assert!(lex.lookup(&fold_str("والثلاثاء")).iter().any(|(l, _)| *l == Lex::Weekday(Weekday::Tue)));
    }
}
