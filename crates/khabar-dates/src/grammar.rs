//! Reading date expressions from a sentence's tokens.
//!
//! The scanner walks the tokens once; at each token that can open an expression (a number, a
//! month, a weekday, a relative-day word, a unit, a shift, a year word, a part-of-period word,
//! a clock word) it tries the patterns that start with it and keeps the longest reading.
//! Nothing else is tried, so the cost is one lexicon lookup per token.

use chrono::Weekday;

use crate::lexicon::{Calendar, HIJRI_EPITHETS, Lex, Lexicon, Part, Unit, bases};
use crate::scan::{Kind, Sentence};

/// How a numeric date like 03/04/2024 is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumericOrder {
    DayFirst,
    MonthFirst,
}

/// A date expression as read, before it is resolved.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    Day {
        year: Option<i32>,
        month: u32,
        day: u32,
        calendar: Calendar,
        shift: Option<i64>,
    },
    /// A Hijri date printed with its Gregorian equivalent: the Gregorian day.
    Paired {
        year: i32,
        month: u32,
        day: u32,
    },
    DayRange {
        year: Option<i32>,
        month: u32,
        from: u32,
        to: u32,
        calendar: Calendar,
        shift: Option<i64>,
    },
    Month {
        year: Option<i32>,
        month: u32,
        calendar: Calendar,
        shift: Option<i64>,
    },
    Year {
        year: i32,
        calendar: Calendar,
    },
    YearRange {
        from: i32,
        to: i32,
    },
    RelativeDay(i64),
    Weekday {
        weekday: Weekday,
        shift: Option<i64>,
    },
    Shifted {
        unit: Unit,
        shift: i64,
    },
    Offset {
        unit: Unit,
        count: u32,
        direction: i64,
    },
    Duration {
        unit: Unit,
        count: u32,
    },
    Part {
        part: Part,
        inner: Box<Expr>,
    },
    Decade(i32),
    /// The n-th century (the 20th: 1900-1999).
    Century(u32),
    /// A quarter of a year; the year given, or shifted from the publication year.
    Quarter {
        quarter: u32,
        year: Option<i32>,
        shift: i64,
    },
    Time {
        hour: u32,
        minute: u32,
    },
}

/// An expression and where it is.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub(crate) expr: Expr,
    pub(crate) first: usize,
    pub(crate) last: usize,
    /// Folded bytes of clitics to leave out at the start of the first token.
    pub(crate) skip: usize,
    pub(crate) rule: &'static str,
}

/// Which way the sentence's verbs point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    Unknown,
}

pub(crate) struct Parser<'a> {
    s: &'a Sentence,
    lexicon: &'a Lexicon,
    lexes: Vec<Vec<(Lex, usize)>>,
    /// Whether an expression can start at each token: a number, a lexicon word, a phrase start.
    opens: Vec<bool>,
    order: NumericOrder,
}

/// Nouns that start like a future verb (س + imperfect prefix) and are not one.
const NOT_FUTURE_VERBS: &[&str] = &[
    "سياس",
    "سيار",
    "سيطر",
    "سينار",
    "سياح",
    "سيد",
    "ستال",
    "سنو",
    "ستيف",
    "سياد",
    "سينات",
    "سنتيم",
    "ستود",
    "سيرج",
    "سيول",
    "سينا",
    "سينم",
    "سياق",
    "ستار",
    "سيره",
    "سيف",
    "ستين",
    "سنتين",
    "سنين",
    "سنه",
    "ستراتيج",
    "سيبر",
    "ستوكهولم",
];

impl<'a> Parser<'a> {
    pub(crate) fn new(s: &'a Sentence, lexicon: &'a Lexicon, order: NumericOrder) -> Parser<'a> {
        let lexes: Vec<Vec<(Lex, usize)>> = (0..s.tokens.len())
            .map(|i| if s.tokens[i].kind == Kind::Word { lexicon.lookup(s.text(i)) } else { Vec::new() })
            .collect();
        let opens = (0..s.tokens.len())
            .map(|i| match s.tokens[i].kind {
                Kind::Number => true,
                Kind::Word => {
                    !lexes[i].is_empty()
                        || lexicon.opens_phrase(s.text(i))
                        || matches!(s.text(i), "هذا" | "هذه" | "وهذا" | "وهذه")
                }
                Kind::Punct => false,
            })
            .collect();
        Parser { s, lexicon, lexes, opens, order }
    }

    /// Every expression in the sentence, left to right, not overlapping.
    pub(crate) fn parse(&self) -> Vec<Found> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < self.len() {
            match self.at(i) {
                Some(f) if !self.is_name(f.first) => {
                    i = f.last + 1;
                    found.push(f);
                }
                Some(f) => i = f.last + 1,
                None => i += 1,
            }
        }
        found
    }

    /// The sentence's tense around token `at`: the nearest marker, before it first.
    pub(crate) fn tense(&self, at: usize) -> Tense {
        let mut best: Option<(usize, Tense)> = None;
        for i in 0..self.len() {
            let tense = self.tense_marker(i);
            if tense == Tense::Unknown {
                continue;
            }
            // The verb that governs a date comes before it; a marker after it counts only when
            // it is next to it, not in a following clause ("أعلن في 10 يناير أنه سيستقيل").
            if i > at + 2 {
                continue;
            }
            let distance = if i <= at { at - i } else { (i - at) * 2 };
            if best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, tense));
            }
        }
        best.map_or(Tense::Unknown, |(_, t)| t)
    }

    fn tense_marker(&self, i: usize) -> Tense {
        let lexes = &self.lexes[i];
        if lexes.iter().any(|(l, _)| *l == Lex::Future || *l == Lex::Shift(1)) {
            return Tense::Future;
        }
        if lexes
            .iter()
            .any(|(l, _)| matches!(l, Lex::Past | Lex::Shift(-1) | Lex::RelativeDay(-1) | Lex::RelativeDay(-2)))
        {
            return Tense::Past;
        }
        if self.s.tokens[i].kind != Kind::Word {
            return Tense::Unknown;
        }
        let word = self.s.text(i);
        let word = word.strip_prefix('و').or_else(|| word.strip_prefix('ف')).unwrap_or(word);
        let mut chars = word.chars();
        let future_verb = chars.next() == Some('س')
            && matches!(chars.next(), Some('ي' | 'ت' | 'ن'))
            && word.chars().count() >= 4
            && !NOT_FUTURE_VERBS.iter().any(|noun| word.starts_with(noun));
        if future_verb { Tense::Future } else { Tense::Unknown }
    }

    fn len(&self) -> usize {
        self.s.tokens.len()
    }

    fn word(&self, i: usize) -> Option<&str> {
        (i < self.len() && self.s.tokens[i].kind == Kind::Word).then(|| self.s.text(i))
    }

    fn lex(&self, i: usize, pred: impl Fn(&Lex) -> bool) -> Option<(Lex, usize)> {
        self.lexes.get(i)?.iter().find(|(l, _)| pred(l)).copied()
    }

    fn is_punct(&self, i: usize, marks: &[char]) -> bool {
        i < self.len()
            && self.s.tokens[i].kind == Kind::Punct
            && self.s.text(i).chars().next().is_some_and(|c| marks.contains(&c))
    }

    fn number(&self, i: usize) -> Option<u32> {
        (i < self.len() && self.s.tokens[i].kind == Kind::Number).then(|| self.s.tokens[i].value)
    }

    /// A day of the month (1-31, at most two digits), with an English ordinal suffix; returns
    /// the day and the last token.
    fn day(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.s.tokens.get(i)?;
        if t.kind != Kind::Number || t.digits > 2 || !(1..=31).contains(&t.value) {
            return None;
        }
        let suffix =
            self.word(i + 1).is_some_and(|w| matches!(w, "st" | "nd" | "rd" | "th")) && self.s.tokens[i + 1].glued;
        Some((t.value, if suffix { i + 1 } else { i }))
    }

    /// A year: four digits, 1000-2200 (Gregorian) or 1300-1500 with a Hijri era mark; returns
    /// the year, its calendar if an era mark says it, and the last token.
    fn year(&self, i: usize) -> Option<(i32, Option<Calendar>, usize)> {
        let t = self.s.tokens.get(i)?;
        if t.kind != Kind::Number || t.digits != 4 || !(1000..=2200).contains(&t.value) {
            return None;
        }
        let era = self.lex(i + 1, |l| matches!(l, Lex::HijriEra | Lex::GregorianEra)).filter(|(_, skip)| *skip == 0);
        match era {
            Some((Lex::HijriEra, _)) => Some((t.value as i32, Some(Calendar::Hijri), i + 1)),
            Some(_) => Some((t.value as i32, Some(Calendar::Gregorian), i + 1)),
            None => Some((t.value as i32, None, i)),
        }
    }

    /// After a month ending at `last`: its year (with an era mark that may say the calendar) or,
    /// for a year-less date, a shift ("الماضي"); and the new last token.
    fn year_or_shift(&self, mut last: usize, calendar: Calendar) -> (Option<i32>, Calendar, Option<i64>, usize) {
        let mut k = last + 1;
        if self.is_punct(k, &[',', '،']) && self.year(k + 1).is_some() {
            k += 1;
        }
        // "مارس عام 2015", "يناير من عام 2015": the year word between the month and its year.
        let mut word = k;
        if self.lex(word, |l| *l == Lex::From).is_some() && self.lex(word + 1, |l| *l == Lex::YearWord).is_some() {
            word += 1;
        }
        if self.lex(word, |l| *l == Lex::YearWord).is_some() && self.year(word + 1).is_some() {
            k = word + 1;
        }
        if let Some((year, era, end)) = self.year(k) {
            return (Some(year), era.unwrap_or(calendar), None, end);
        }
        let shift = self.shift(last + 1);
        if shift.is_some() {
            last += 1;
        }
        (None, calendar, shift, last)
    }

    /// A month name at `i` (one or two words, English abbreviations with their period, and the
    /// paired forms يونيو/حزيران, يوليو (تموز), يوليو تموز); month, calendar, ambiguity, last
    /// token, clitic bytes.
    fn month(&self, i: usize) -> Option<(u32, Calendar, bool, usize, usize)> {
        let (month, calendar, ambiguous, mut last, skip) = self.month_word(i)?;
        // English abbreviations: "Feb." keeps its period.
        let abbreviation = self.s.text(last).is_ascii() && self.s.text(last).len() <= 4;
        if abbreviation && self.is_punct(last + 1, &['.']) && self.s.tokens[last + 1].glued {
            last += 1;
        }
        let same = |j: usize| self.month_word(j).filter(|m| m.0 == month && m.4 == 0).map(|m| m.3);
        if self.is_punct(last + 1, &['/']) {
            if let Some(end) = same(last + 2) {
                last = end;
            }
        } else if self.is_punct(last + 1, &['(']) {
            if let Some(end) = same(last + 2).filter(|&end| self.is_punct(end + 1, &[')'])) {
                last = end + 1;
            }
        } else if let Some(end) = same(last + 1) {
            last = end;
        }
        Some((month, calendar, ambiguous, last, skip))
    }

    fn month_word(&self, i: usize) -> Option<(u32, Calendar, bool, usize, usize)> {
        let first = self.word(i)?;
        if let Some(second) = self.word(i + 1) {
            for (base, skip) in bases(first) {
                if let Some(Lex::Month { month, calendar, ambiguous }) = self.lexicon.phrase(&base, second) {
                    return Some((month, calendar, ambiguous, i + 1, skip));
                }
            }
        }
        match self.lex(i, |l| matches!(l, Lex::Month { .. }))? {
            (Lex::Month { month, calendar, ambiguous }, skip) => Some((month, calendar, ambiguous, i, skip)),
            _ => None,
        }
    }

    fn shift(&self, i: usize) -> Option<i64> {
        match self.lex(i, |l| matches!(l, Lex::Shift(_)))? {
            (Lex::Shift(n), 0) => Some(n),
            _ => None,
        }
    }

    /// A count: a number, or a number word (one or two words).
    fn count(&self, i: usize) -> Option<(u32, usize)> {
        if let Some(n) = self.number(i) {
            return Some((n, i));
        }
        if let (Some(a), Some(b)) = (self.word(i), self.word(i + 1)) {
            if let Some(Lex::Number(n)) = self.lexicon.phrase(a, b) {
                return Some((n, i + 1));
            }
        }
        match self.lex(i, |l| matches!(l, Lex::Number(_)))? {
            (Lex::Number(n), 0) => Some((n, i)),
            _ => None,
        }
    }

    fn unit(&self, i: usize) -> Option<(Unit, Option<u32>, bool, usize)> {
        match self.lex(i, |l| matches!(l, Lex::Unit { .. }))? {
            (Lex::Unit { unit, count, definite }, skip) => Some((unit, count, definite, skip)),
            _ => None,
        }
    }

    /// Whether a name word comes right before token `i` (رؤية 2030, قوى 14 آذار).
    fn is_name(&self, i: usize) -> bool {
        i > 0 && self.lex(i - 1, |l| *l == Lex::NamePrefix).is_some()
    }

    /// The longest expression starting at token `i`.
    fn at(&self, i: usize) -> Option<Found> {
        if !self.opens[i] {
            return None;
        }
        let candidates = [
            self.hijri_pair(i),
            self.weekday_led(i),
            self.time_of_day_led(i),
            self.day_month(i),
            self.month_day(i),
            self.numeric(i),
            self.relative_day(i),
            self.shifted_unit(i),
            self.offset(i),
            self.part(i),
            self.year_expr(i),
            self.month_expr(i),
            self.clock(i),
            self.decade(i),
            self.quarter(i),
            self.century(i),
            self.duration(i),
        ];
        candidates.into_iter().flatten().max_by_key(|f| (f.last, usize::MAX - f.first))
    }

    fn found(expr: Expr, first: usize, last: usize, skip: usize, rule: &'static str) -> Option<Found> {
        Some(Found { expr, first, last, skip, rule })
    }

    /// "15 أكتوبر الماضي", "13th, February 2024", "24 و25 يناير", "من 1 إلى 5 مارس", "26 شوال 1436 هـ".
    fn day_month(&self, i: usize) -> Option<Found> {
        let (from_word, start) = match self.lex(i, |l| *l == Lex::From) {
            Some(_) if self.number(i + 1).is_some() => (true, i + 1),
            _ => (false, i),
        };
        let (day, mut j) = self.day(start)?;
        let mut to = None;
        let joiner =
            self.lex(j + 1, |l| matches!(l, Lex::And | Lex::To)).is_some() || self.is_punct(j + 1, &['-', '–']);
        if joiner {
            if let Some((second, end)) = self.day(j + 2).filter(|(d, _)| *d > day) {
                to = Some(second);
                j = end;
            }
        }
        if from_word && to.is_none() {
            return None;
        }
        if self.is_punct(j + 1, &[',', '،']) {
            j += 1;
        }
        // The month follows the day as a word of its own: "13 بيناير" is not a date.
        let (month, calendar, _, last, skip) = self.month(j + 1)?;
        if skip != 0 {
            return None;
        }
        let (year, calendar, shift, last) = self.year_or_shift(last, calendar);
        let first = if from_word { i } else { start };
        let expr = match to {
            Some(to) => Expr::DayRange { year, month, from: day, to, calendar, shift },
            None => Expr::Day { year, month, day, calendar, shift },
        };
        Self::found(expr, first, last, 0, if to.is_some() { "day-range month" } else { "day month" })
    }

    /// English month first: "February 13, 2024", "Feb. 26", "March 3-5".
    fn month_day(&self, i: usize) -> Option<Found> {
        let (month, calendar, _, j, skip) = self.month(i)?;
        if !self.s.text(i).is_ascii() {
            return None;
        }
        let (day, mut last) = self.day(j + 1)?;
        let mut to = None;
        if (self.is_punct(last + 1, &['-', '–']) || self.lex(last + 1, |l| matches!(l, Lex::To | Lex::And)).is_some())
            && let Some((second, end)) = self.day(last + 2).filter(|(d, _)| *d > day)
        {
            to = Some(second);
            last = end;
        }
        let mut year = None;
        let mut k = last + 1;
        if self.is_punct(k, &[',']) {
            k += 1;
        }
        if let Some((y, _, end)) = self.year(k) {
            year = Some(y);
            last = end;
        }
        let expr = match to {
            Some(to) => Expr::DayRange { year, month, from: day, to, calendar, shift: None },
            None => Expr::Day { year, month, day, calendar, shift: None },
        };
        Self::found(expr, i, last, skip, "month day")
    }

    /// 2024-02-13, 13/02/2024 (day first unless the options say month first), 13.02.2024.
    fn numeric(&self, i: usize) -> Option<Found> {
        let a = self.s.tokens.get(i)?;
        let sep = |k: usize| self.is_punct(k, &['/', '-', '.']) && self.s.tokens[k].glued;
        if a.kind != Kind::Number || !sep(i + 1) || !sep(i + 3) {
            return None;
        }
        let mark = self.s.text(i + 1);
        if self.s.text(i + 3) != mark {
            return None;
        }
        let (b, c) = (self.s.tokens.get(i + 2)?, self.s.tokens.get(i + 4)?);
        if b.kind != Kind::Number || c.kind != Kind::Number || !b.glued || !c.glued {
            return None;
        }
        let (year, month, day) = if a.digits == 4 && b.digits <= 2 && c.digits <= 2 {
            (a.value, b.value, c.value)
        } else if a.digits <= 2 && b.digits <= 2 && c.digits == 4 {
            match self.order {
                NumericOrder::DayFirst if b.value <= 12 => (c.value, b.value, a.value),
                NumericOrder::MonthFirst if a.value <= 12 => (c.value, a.value, b.value),
                _ if a.value <= 12 => (c.value, a.value, b.value),
                _ => (c.value, b.value, a.value),
            }
        } else {
            return None;
        };
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) || !(1000..=2200).contains(&year) {
            return None;
        }
        let expr = Expr::Day { year: Some(year as i32), month, day, calendar: Calendar::Gregorian, shift: None };
        Self::found(expr, i, i + 4, 0, "numeric date")
    }

    /// "26 شوال 1436 هـ الموافق 11 أغسطس 2015 م": one date.
    fn hijri_pair(&self, i: usize) -> Option<Found> {
        let hijri = self.day_month(i)?;
        let Expr::Day { calendar: Calendar::Hijri, year: Some(_), .. } = hijri.expr else { return None };
        self.lex(hijri.last + 1, |l| *l == Lex::Equivalent)?;
        let gregorian = self.day_month(hijri.last + 2)?;
        let Expr::Day { calendar: Calendar::Gregorian, year: Some(year), month, day, .. } = gregorian.expr else {
            return None;
        };
        let mut last = gregorian.last;
        if self.lex(last + 1, |l| *l == Lex::GregorianEra).is_some_and(|(_, skip)| skip == 0) {
            last += 1;
        }
        Self::found(
            Expr::Paired { year, month, day },
            hijri.first,
            last,
            hijri.skip,
            "hijri date with its gregorian equivalent",
        )
    }

    /// "يوم الاثنين المقبل", "الثلاثاء 13 فبراير 2024", "last Thursday", "on Tuesday".
    fn weekday_led(&self, i: usize) -> Option<Found> {
        let mut k = i;
        let mut skip = 0;
        let mut english_shift = None;
        if let Some((Lex::Unit { unit: Unit::Day, count: Some(1), definite: false }, s)) =
            self.lex(i, |l| matches!(l, Lex::Unit { unit: Unit::Day, count: Some(1), definite: false }))
            && self.lex(i + 1, |l| matches!(l, Lex::Weekday(_))).is_some_and(|(_, s)| s == 0)
        {
            skip = s;
            k = i + 1;
        } else if let Some(shift) = self.shift(i).filter(|_| self.s.text(i).is_ascii()) {
            english_shift = Some(shift);
            k = i + 1;
        }
        let (weekday, wskip) = match self.lex(k, |l| matches!(l, Lex::Weekday(_)))? {
            (Lex::Weekday(w), s) => (w, s),
            _ => return None,
        };
        if k == i {
            skip = wskip;
        } else if wskip != 0 {
            return None;
        }
        let mut next = k + 1;
        if self.is_punct(next, &[',', '،']) {
            next += 1;
        }
        if let Some(date) = self.day_month(next).or_else(|| self.month_day(next)).or_else(|| self.numeric(next)) {
            return Self::found(date.expr, i, date.last, skip, "weekday and date");
        }
        if let Some(shift) = self.shift(k + 1) {
            return Self::found(Expr::Weekday { weekday, shift: Some(shift) }, i, k + 1, skip, "weekday with shift");
        }
        Self::found(Expr::Weekday { weekday, shift: english_shift }, i, k, skip, "weekday")
    }

    /// "مساء الثلاثاء", "صباح اليوم", "مساء أمس".
    fn time_of_day_led(&self, i: usize) -> Option<Found> {
        let (_, skip) = self.lex(i, |l| matches!(l, Lex::TimeOfDay(_)))?;
        if self.s.text(i).is_ascii() {
            return None;
        }
        let inner = self.weekday_led(i + 1).or_else(|| self.relative_day(i + 1))?;
        if inner.skip != 0 {
            return None;
        }
        Self::found(inner.expr, i, inner.last, skip, "time of day and day")
    }

    /// "اليوم الثلاثاء", "أمس", "أول أمس", "بعد غد", "today".
    fn relative_day(&self, i: usize) -> Option<Found> {
        let (offset, skip, last) = if let (Some(a), Some(b), Some(c)) =
            (self.word(i), self.word(i + 1), self.word(i + 2))
            && let Some(Lex::RelativeDay(n)) = bases(a).iter().find_map(|(base, _)| self.lexicon.phrase3(base, b, c))
        {
            (n, 0, i + 2)
        } else if let (Some(a), Some(b)) = (self.word(i), self.word(i + 1))
            && let Some((Lex::RelativeDay(n), skip)) =
                bases(a).into_iter().find_map(|(base, skip)| self.lexicon.phrase(&base, b).map(|l| (l, skip)))
        {
            (n, skip, i + 1)
        } else {
            match self.lex(i, |l| matches!(l, Lex::RelativeDay(_)))? {
                (Lex::RelativeDay(n), skip) => (n, skip, i),
                _ => return None,
            }
        };
        // "اليوم الوطني", "اليوم العالمي": the day of something, not today.
        if let Some(next) = self.word(last + 1)
            && next.starts_with("ال")
            && self.lex(last + 1, |l| matches!(l, Lex::Weekday(_) | Lex::Shift(_) | Lex::TimeOfDay(_))).is_none()
            && offset == 0
        {
            return None;
        }
        let mut end = last;
        if let Some((_, 0)) = self.lex(last + 1, |l| matches!(l, Lex::Weekday(_))) {
            end = last + 1;
        }
        Self::found(Expr::RelativeDay(offset), i, end, skip, "relative day")
    }

    /// "الأسبوع الماضي", "العام الجاري", "هذا الشهر", "last week", "next year".
    fn shifted_unit(&self, i: usize) -> Option<Found> {
        if let Some((unit, _, true, skip)) = self.unit(i)
            && let Some(shift) = self.shift(i + 1)
        {
            return Self::found(Expr::Shifted { unit, shift }, i, i + 1, skip, "unit with shift");
        }
        let this = self.word(i).is_some_and(|w| matches!(w, "هذا" | "هذه" | "وهذا" | "وهذه"));
        if this && let Some((unit, _, true, 0)) = self.unit(i + 1) {
            let skip = if self.word(i).is_some_and(|w| w.starts_with('و')) { "و".len() } else { 0 };
            return Self::found(Expr::Shifted { unit, shift: 0 }, i, i + 1, skip, "this unit");
        }
        if let Some(shift) = self.shift(i).filter(|_| self.s.text(i).is_ascii())
            && let Some((unit, Some(1), false, 0)) = self.unit(i + 1)
        {
            return Self::found(Expr::Shifted { unit, shift }, i, i + 1, 0, "shift with unit");
        }
        None
    }

    /// "منذ ثلاثة أيام", "قبل يومين", "بعد أسبوع", "3 days ago", "in two weeks".
    fn offset(&self, i: usize) -> Option<Found> {
        if let Some((Lex::Ago(direction), skip)) = self.lex(i, |l| matches!(l, Lex::Ago(_)))
            && !self.s.text(i).is_ascii()
        {
            let (unit, count, last) = self.counted_unit(i + 1)?;
            // "بعد أسبوع من الهجوم": counted from an event, not from the publication.
            if self.lex(last + 1, |l| *l == Lex::From).is_some() || self.word(last + 1) == Some("علي") {
                return None;
            }
            // "بعد دقيقتين" tells a story's time (a match, a raid), not minutes after publication:
            // it is left to the duration rule.
            if unit == Unit::Minute && direction > 0 {
                return None;
            }
            return Self::found(Expr::Offset { unit, count, direction }, i, last, skip, "offset from publication");
        }
        if self.word(i) == Some("in") {
            let (unit, count, last) = self.counted_unit(i + 1)?;
            return Self::found(Expr::Offset { unit, count, direction: 1 }, i, last, 0, "offset from publication");
        }
        let (unit, count, last) = self.counted_unit(i)?;
        if self.word(last + 1) == Some("ago") {
            return Self::found(Expr::Offset { unit, count, direction: -1 }, i, last + 1, 0, "offset from publication");
        }
        None
    }

    /// A count and a unit: "ثلاثة أيام", "3 أيام", "15 يوما", "يومين", "أسبوع", "two weeks".
    fn counted_unit(&self, i: usize) -> Option<(Unit, u32, usize)> {
        let found = self.counted_unit_at(i)?;
        // "منذ عام 2011": the year word names a year, it does not count one.
        if found.0 == Unit::Year && self.year(found.2 + 1).is_some() {
            return None;
        }
        Some(found)
    }

    fn counted_unit_at(&self, i: usize) -> Option<(Unit, u32, usize)> {
        if let Some((count, end)) = self.count(i)
            && let Some((unit, _, false, 0)) = self.unit(end + 1)
        {
            return Some((unit, count, end + 1));
        }
        match self.unit(i)? {
            (unit, Some(count), false, 0) => Some((unit, count, i)),
            _ => None,
        }
    }

    /// "ثلاثة أيام", "يومين", "10 سنوات": a stretch of time, not a point.
    fn duration(&self, i: usize) -> Option<Found> {
        let (unit, count, last) = self.counted_unit(i)?;
        // A bare singular unit ("يوم", "عام") is too common a word to be a duration.
        if last == i && count == 1 {
            return None;
        }
        Self::found(Expr::Duration { unit, count }, i, last, 0, "duration")
    }

    /// "مطلع 2018", "منتصف الشهر", "أواخر العام الماضي", "early 2018".
    fn part(&self, i: usize) -> Option<Found> {
        let (part, skip) = match self.lex(i, |l| matches!(l, Lex::Part(_)))? {
            (Lex::Part(p), s) => (p, s),
            _ => return None,
        };
        let mut next = i + 1;
        if self.is_punct(next, &['-']) {
            next += 1;
        }
        let inner = self
            .year_expr(next)
            .or_else(|| self.shifted_unit(next))
            .or_else(|| self.month_expr(next))
            .or_else(|| self.bare_year(next))
            .or_else(|| match self.unit(next) {
                Some((unit @ (Unit::Week | Unit::Month | Unit::Year), _, true, 0)) => {
                    Self::found(Expr::Shifted { unit, shift: 0 }, next, next, 0, "current unit")
                }
                _ => None,
            })?;
        Self::found(Expr::Part { part, inner: Box::new(inner.expr) }, i, inner.last, skip, "part of a period")
    }

    /// A year number alone, after a part word.
    fn bare_year(&self, i: usize) -> Option<Found> {
        let (year, era, last) = self.year(i)?;
        let calendar = era.unwrap_or(Calendar::Gregorian);
        Self::found(Expr::Year { year, calendar }, i, last, 0, "year")
    }

    /// "عام 2023", "العام 2023", "سنة 1436 هـ", "بين عامي 2010 و2015", "في 2023", "1445 هـ".
    fn year_expr(&self, i: usize) -> Option<Found> {
        let year_word = self.lex(i, |l| *l == Lex::YearWord).or_else(|| {
            self.lex(i, |l| matches!(l, Lex::Unit { unit: Unit::Year, definite: true, .. }))
                .filter(|_| self.number(i + 1).is_some())
        });
        let between = self.lex(i, |l| *l == Lex::Between).is_some();
        if between
            && self.lex(i + 1, |l| *l == Lex::YearWord || matches!(l, Lex::Unit { unit: Unit::Year, .. })).is_some()
        {
            let (from, _, end) = self.year(i + 2)?;
            self.lex(end + 1, |l| *l == Lex::And)?;
            let (to, _, last) = self.year(end + 2)?;
            return Self::found(Expr::YearRange { from, to }, i, last, 0, "year range");
        }
        if between && let Some((from, _, end)) = self.year(i + 1) {
            self.lex(end + 1, |l| *l == Lex::And)?;
            let (to, _, last) = self.year(end + 2)?;
            return Self::found(Expr::YearRange { from, to }, i, last, 0, "year range");
        }
        if let Some((_, skip)) = year_word {
            let (year, era, last) = self.year(i + 1)?;
            if let Some(f) = self.year_range_tail(year, i, last, skip) {
                return Some(f);
            }
            let calendar = era.unwrap_or(Calendar::Gregorian);
            return Self::found(Expr::Year { year, calendar }, i, last, skip, "year word and year");
        }
        // A year with an era mark: "1436 هـ", "2015 م".
        if let Some((year, Some(calendar), last)) = self.year(i) {
            return Self::found(Expr::Year { year, calendar }, i, last, 0, "year with era");
        }
        // After a preposition: "في 2023", "منذ 2011", "حتى 2030", "in 2023".
        let preposition = self
            .lex(i, |l| matches!(l, Lex::Preposition | Lex::Ago(_) | Lex::To | Lex::From))
            .is_some_and(|(_, skip)| skip <= "و".len());
        if preposition {
            if self.numeric(i + 1).is_some() {
                return None;
            }
            let (year, _, last) = self.year(i + 1)?;
            let followed_by_word = self.word(last + 1).is_some_and(|_| {
                self.lex(last + 1, |l| matches!(l, Lex::And | Lex::Shift(_) | Lex::Month { .. } | Lex::To)).is_none()
            });
            if followed_by_word {
                return None;
            }
            if let Some(f) = self.year_range_tail(year, i + 1, last, 0) {
                return Some(f);
            }
            return Self::found(
                Expr::Year { year, calendar: Calendar::Gregorian },
                i + 1,
                last,
                0,
                "year after preposition",
            );
        }
        None
    }

    /// "2010-2015", "2010 و2015", "2010 إلى 2015" after a year.
    fn year_range_tail(&self, from: i32, first: usize, last: usize, skip: usize) -> Option<Found> {
        let joined =
            self.is_punct(last + 1, &['-', '–']) || self.lex(last + 1, |l| matches!(l, Lex::To | Lex::And)).is_some();
        if !joined {
            return None;
        }
        // "من عام 2015 إلى عام 2020": the second year may repeat the year word.
        let second = if self.lex(last + 2, |l| *l == Lex::YearWord).is_some() { last + 3 } else { last + 2 };
        let (to, _, end) = self.year(second)?;
        (to > from).then_some(Found { expr: Expr::YearRange { from, to }, first, last: end, skip, rule: "year range" })
    }

    /// "يناير الماضي", "شهر يناير", "يناير 2024", "كانون الثاني/يناير المقبل", "in January".
    fn month_expr(&self, i: usize) -> Option<Found> {
        let month_word = self.lex(i, |l| matches!(l, Lex::Unit { unit: Unit::Month, count: Some(1), .. }));
        let (start, skip) = match month_word {
            Some((_, skip)) if self.month_word(i + 1).is_some() => (i + 1, skip),
            _ => (i, usize::MAX),
        };
        let (month, calendar, ambiguous, last, mskip) = self.month(start)?;
        let skip = if skip == usize::MAX { mskip } else { skip };
        let (year, calendar, shift, last) = self.year_or_shift(last, calendar);
        // An ambiguous name alone is a month only as an English capitalized name (March, May)
        // that is not the first word of the sentence, after a preposition or a period word ("في
        // رجب", "مطلع رمضان"), or with a month's epithet ("رمضان المبارك").
        let capitalized_name = self.s.text(start).is_ascii() && self.s.tokens[start].capitalized && start > 0;
        let in_context = start > 0
            && self
                .lex(start - 1, |l| matches!(l, Lex::Preposition | Lex::Ago(_) | Lex::To | Lex::From | Lex::Part(_)))
                .is_some();
        let epithet = self.word(last + 1).is_some_and(|w| HIJRI_EPITHETS.contains(&w));
        if ambiguous && year.is_none() && shift.is_none() && start == i && !capitalized_name && !in_context && !epithet
        {
            return None;
        }
        Self::found(Expr::Month { year, month, calendar, shift }, i, last, skip, "month")
    }

    /// "الساعة العاشرة صباحا", "الساعة 10:30", "10:30", "10:30 a.m.".
    fn clock(&self, i: usize) -> Option<Found> {
        let (start, skip) = match self.lex(i, |l| *l == Lex::Clock) {
            Some((_, skip)) => (i + 1, skip),
            None => (i, 0),
        };
        let clock_word = start != i;
        let (mut hour, mut minute, mut last) = if let Some(h) = self.number(start) {
            if self.is_punct(start + 1, &[':'])
                && let Some(m) = self.number(start + 2).filter(|_| self.s.tokens[start + 2].digits == 2)
            {
                (h, m, start + 2)
            } else if clock_word {
                (h, 0, start)
            } else {
                return None;
            }
        } else if clock_word {
            let (a, b) = (self.word(start)?, self.word(start + 1));
            match b.and_then(|b| self.lexicon.phrase(a, b)) {
                Some(Lex::Hour(h)) => (h, 0, start + 1),
                _ => match self.lex(start, |l| matches!(l, Lex::Hour(_)))? {
                    (Lex::Hour(h), 0) => (h, 0, start),
                    _ => return None,
                },
            }
        } else {
            return None;
        };
        if hour > 23 || minute > 59 {
            return None;
        }
        // English a.m./p.m. and Arabic parts of day after the hour.
        let after = last + 1;
        if matches!(self.word(after), Some("a" | "p"))
            && self.is_punct(after + 1, &['.'])
            && self.word(after + 2) == Some("m")
        {
            if self.word(after) == Some("p") && hour < 12 {
                hour += 12;
            }
            last = if self.is_punct(after + 3, &['.']) { after + 3 } else { after + 2 };
        } else if let Some((Lex::TimeOfDay(offset), 0)) = self.lex(after, |l| matches!(l, Lex::TimeOfDay(_))) {
            if hour < 12 && offset == 12 && hour != 0 {
                hour += 12;
            }
            last = after;
        }
        if self.word(last + 1).is_some_and(|w| matches!(w, "gmt" | "utc" | "بتوقيت")) {
            last += 1;
            if self.word(last).is_some_and(|w| w == "بتوقيت") && self.word(last + 1).is_some() {
                last += 1;
            }
        }
        minute = minute.min(59);
        Self::found(Expr::Time { hour, minute }, i, last, skip, "clock time")
    }

    /// An ordinal of one or two words at `i` ("الثالث", "التاسع عشر", "الحادي والعشرين").
    fn ordinal(&self, i: usize) -> Option<(u32, usize)> {
        let (a, b) = (self.word(i)?, self.word(i + 1));
        if let Some(b) = b
            && let Some(Lex::Ordinal(n)) = self.lexicon.phrase(a, b)
        {
            return Some((n, i + 1));
        }
        match self.lex(i, |l| matches!(l, Lex::Ordinal(_)))? {
            (Lex::Ordinal(n), 0) => Some((n, i)),
            _ => None,
        }
    }

    /// "الربع الأول من العام الجاري", "الربع الثالث من 2023", "the first quarter of 2024".
    fn quarter(&self, i: usize) -> Option<Found> {
        let english = self.s.text(i).is_ascii();
        let (quarter, skip, mut last) = if english {
            let (q, end) = self.ordinal(i)?;
            self.lex(end + 1, |l| *l == Lex::Quarter)?;
            (q, 0, end + 1)
        } else {
            let (_, skip) = self.lex(i, |l| *l == Lex::Quarter)?;
            let (q, end) = self.ordinal(i + 1)?;
            (q, skip, end)
        };
        if !(1..=4).contains(&quarter) {
            return None;
        }
        let mut year = None;
        let mut shift = 0;
        let of = self.lex(last + 1, |l| *l == Lex::From).is_some() || self.word(last + 1) == Some("of");
        if of {
            let k = last + 2;
            if let Some((y, _, end)) = self.year(k) {
                (year, last) = (Some(y), end);
            } else if let Some(f) = self.year_expr(k).filter(|f| f.first == k) {
                if let Expr::Year { year: y, .. } = f.expr {
                    (year, last) = (Some(y), f.last);
                }
            } else if let Some(Found { expr: Expr::Shifted { unit: Unit::Year, shift: s }, last: end, .. }) =
                self.shifted_unit(k)
            {
                (shift, last) = (s, end);
            } else if let Some((Unit::Year, _, true, 0)) = self.unit(k) {
                last = k;
            }
        }
        let first = if english && self.word(i.wrapping_sub(1)) == Some("the") { i - 1 } else { i };
        Self::found(Expr::Quarter { quarter, year, shift }, first, last, skip, "quarter")
    }

    /// "القرن العشرين", "القرن الحادي والعشرين", "the 20th century".
    fn century(&self, i: usize) -> Option<Found> {
        if let Some((_, skip)) = self.lex(i, |l| *l == Lex::Century) {
            let (n, last) = self.ordinal(i + 1)?;
            return (n >= 10).then_some(Found { expr: Expr::Century(n), first: i, last, skip, rule: "century" });
        }
        let n = self.number(i)?;
        let suffix =
            self.word(i + 1).is_some_and(|w| matches!(w, "st" | "nd" | "rd" | "th")) && self.s.tokens[i + 1].glued;
        if suffix && self.lex(i + 2, |l| *l == Lex::Century).is_some() && (10..=22).contains(&n) {
            return Self::found(Expr::Century(n), i, i + 2, 0, "century");
        }
        None
    }

    /// "التسعينيات", "the 1990s".
    fn decade(&self, i: usize) -> Option<Found> {
        if let Some((Lex::Decade(start), skip)) = self.lex(i, |l| matches!(l, Lex::Decade(_))) {
            return Self::found(Expr::Decade(start), i, i, skip, "decade");
        }
        let t = self.s.tokens.get(i)?;
        if t.kind == Kind::Number
            && t.digits == 4
            && t.value % 10 == 0
            && self.word(i + 1) == Some("s")
            && self.s.tokens[i + 1].glued
        {
            return Self::found(Expr::Decade(t.value as i32), i, i + 1, 0, "decade");
        }
        None
    }
}
