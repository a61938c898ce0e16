//! `dates`: date and time expressions in Arabic and English news, with ISO 8601 values
//! resolved against the publication date.
//!
//! Each sentence is folded (digits of every script to ASCII, hamza and alef forms, teh
//! marbuta) and cut into tokens; a lexicon (`lexicon.rs`: month names of every regional
//! naming, Hijri months, weekdays, relative days, units, number words, shifts such as
//! الماضي/المقبل, part-of-period words, clock words) is looked up once per token, with its
//! clitics (و ف ب ل ك لل) stripped. Patterns (`grammar.rs`) start only at tokens that can open
//! an expression and keep the longest reading:
//!
//! - days: "15 أكتوبر الماضي", "13th, February 2024", "February 13, 2024", "الثلاثاء 13 فبراير",
//!   paired month names ("يونيو/حزيران", "29 يوليو (تموز)"), numeric dates (2024-02-13,
//!   13/02/2024 with a configurable order), Hijri dates converted with the Umm al-Qura calendar
//!   (ICU4X), and a Hijri date with its Gregorian equivalent after "الموافق" as one date;
//! - ranges: "24 و25 يناير", "من 1 إلى 5 مارس", "March 3-5", "بين عامي 2010 و2015";
//! - months ("يناير الماضي", "شهر يناير", "يناير 2024"), years ("عام 2023", "في 2023",
//!   "1436 هـ"), quarters ("الربع الأول من العام الجاري": 2024-Q1), decades ("التسعينيات",
//!   "the 1990s": 199), centuries ("القرن العشرين": 19), parts ("مطلع 2018", "منتصف الشهر":
//!   the period's own value, the part named in the rule);
//! - relative: "اليوم الثلاثاء", "أمس", "أول أمس", "بعد غد", weekdays with or without a shift,
//!   "مساء الثلاثاء", "الأسبوع الماضي", "العام الجاري", "last week", offsets ("منذ ثلاثة أيام",
//!   "قبل يومين", "بعد أسبوع", "3 days ago");
//! - durations ("ثلاثة أيام", "يومين": P3D, P2D) and clock times ("الساعة العاشرة صباحا",
//!   "10:30"), tied to the sentence's day when it names one.
//!
//! Resolution: the anchor is `meta.published`, from the input or else read from the dateline
//! zone. A year-less date (or a bare weekday) takes the occurrence the tense points to (future
//! markers: س+verb, سوف, المقبل, "will"; past markers: الماضي, أمس, كان, "was"), the nearest
//! otherwise; `year_from` says which rule chose it, and the `year` option can fix the policy.
//! Dates in a `related` zone belong to other articles: relative ones stay unresolved.
//!
//! Not dates: ordinals of events (they are not read as days), numbers without a month or a
//! year cue (quantities, prices, scores), years and dates inside names after a name word
//! ("رؤية 2030", "قوى 14 آذار"), "اليوم" followed by an adjective ("اليوم الوطني"), and month
//! names that are also words or given names (مارس "practised", آب "father", رجب طيب أردوغان,
//! طارق رمضان) unless a date's context makes them months: a day, a year, a shift ("الماضي"),
//! "شهر", a preposition or period word before ("في رمضان", "مطلع رجب"), or an epithet
//! ("رمضان المبارك").
//!
//! Known limits: a bare four-digit year after a preposition is not taken when a word follows
//! it ("في 2000 موقع" and "في 2023 أعلنت" alike); tense comes from markers (no parse of the
//! verb), and a bare weekday with no future marker is taken as past, as news mostly reports
//! what happened; an hour offset ("قبل ساعتين") resolves to the publication day.

mod grammar;
mod lexicon;
mod resolve;
mod scan;

use std::sync::Arc;

use chrono::NaiveDate;
use khabar_core::{
    AnalyzeError, Analyzer, AnalyzerSpec, DateMention, Document, Layer, Published, ZoneKind, describe_options,
    parse_options,
};
use serde::{Deserialize, Serialize};

use crate::grammar::{Expr, NumericOrder, Parser};
use crate::lexicon::Lexicon;
pub use crate::resolve::YearPolicy;
use crate::resolve::{Context, part_name, resolve};
use crate::scan::Sentence;

/// The analyzer's name in configs.
pub const NAME: &str = "dates";

/// Options of `dates` (`[analyzers.dates]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DatesOptions {
    /// How a year-less date gets its year: `tense`, `nearest`, `past` or `future`.
    pub year: YearPolicy,
    /// How 03/04/2024 is read: `day-first` or `month-first`.
    pub numeric_order: String,
    /// Whether stretches of time ("ثلاثة أيام") are reported as durations.
    pub durations: bool,
}

impl Default for DatesOptions {
    fn default() -> Self {
        DatesOptions { year: YearPolicy::Tense, numeric_order: "day-first".into(), durations: true }
    }
}

/// The `dates` analyzer.
pub struct Dates {
    lexicon: Lexicon,
    options: DatesOptions,
    order: NumericOrder,
}

const REQUIRES: &[Layer] = &[Layer::Zones, Layer::Sentences];
const PROVIDES: &[Layer] = &[Layer::Dates, Layer::Published];

impl Dates {
    /// Builds the analyzer.
    pub fn new(options: DatesOptions) -> Result<Dates, khabar_core::OptionsError> {
        let order = match options.numeric_order.as_str() {
            "day-first" => NumericOrder::DayFirst,
            "month-first" => NumericOrder::MonthFirst,
            other => {
                return Err(khabar_core::OptionsError::new(
                    vec!["numeric_order".into()],
                    format!("unknown numeric_order `{other}`, expected `day-first` or `month-first`"),
                ));
            }
        };
        Ok(Dates { lexicon: Lexicon::new(), options, order })
    }

    /// Reads the publication date from the dateline zone: its first full date.
    fn published_from_dateline(&self, doc: &Document) -> Option<Published> {
        let zones = doc.layers.zones.as_ref()?;
        let text = doc.text();
        for zone in zones.iter().filter(|z| z.kind == ZoneKind::Dateline) {
            let sentence = Sentence::new(zone.span.of(text), zone.span.start());
            let parser = Parser::new(&sentence, &self.lexicon, self.order);
            for found in parser.parse() {
                if let Expr::Day { year: Some(_), .. } | Expr::Paired { .. } = found.expr {
                    let cx = Context {
                        anchor: None,
                        tense: grammar::Tense::Unknown,
                        policy: self.options.year,
                        sentence_day: None,
                    };
                    let resolved = resolve(&found.expr, &cx);
                    let (start, end) = sentence.range(found.first, found.last, found.skip);
                    let span = doc.span(start, end).ok()?;
                    return resolved.value.map(|value| Published {
                        value,
                        text: span.of(text).to_owned(),
                        span: Some(span),
                        source: "text".into(),
                    });
                }
            }
        }
        None
    }
}

impl Analyzer for Dates {
    fn name(&self) -> &str {
        NAME
    }

    fn requires(&self) -> &[Layer] {
        REQUIRES
    }

    fn provides(&self) -> &[Layer] {
        PROVIDES
    }

    fn analyze(&self, doc: &mut Document) -> Result<(), AnalyzeError> {
        let zones = doc.layers.zones.as_ref().ok_or(AnalyzeError::MissingLayer(Layer::Zones))?;
        let sentences = doc.layers.sentences.as_ref().ok_or(AnalyzeError::MissingLayer(Layer::Sentences))?;
        let paragraphs = doc.layers.paragraphs.as_deref().unwrap_or(&[]);

        if doc.meta.published.is_none() {
            doc.meta.published = self.published_from_dateline(doc);
        }
        let anchor = doc
            .meta
            .published
            .as_ref()
            .and_then(|p| p.value.get(..10))
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());

        let text = doc.text();
        let mut dates = Vec::new();
        for sentence in sentences {
            let zone = paragraphs.get(sentence.paragraph).and_then(|p| zones.get(p.zone)).map(|z| z.kind);
            let related = zone == Some(ZoneKind::Related);
            let scanned = Sentence::new(sentence.span.of(text), sentence.span.start());
            let parser = Parser::new(&scanned, &self.lexicon, self.order);
            let found: Vec<_> = parser
                .parse()
                .into_iter()
                .filter(|f| self.options.durations || !matches!(f.expr, Expr::Duration { .. }))
                .collect();
            // Days first, so that a clock time can be tied to the day its sentence names.
            let mut resolved: Vec<_> = found
                .iter()
                .map(|f| {
                    let cx = Context {
                        anchor: if related { None } else { anchor },
                        tense: parser.tense(f.first),
                        policy: self.options.year,
                        sentence_day: None,
                    };
                    resolve(&f.expr, &cx)
                })
                .collect();
            let sentence_day = resolved.iter().find_map(|r| r.day);
            for (f, r) in found.iter().zip(resolved.iter_mut()) {
                if matches!(f.expr, Expr::Time { .. }) && sentence_day.is_some() {
                    let cx =
                        Context { anchor, tense: grammar::Tense::Unknown, policy: self.options.year, sentence_day };
                    *r = resolve(&f.expr, &cx);
                }
            }
            for (f, r) in found.into_iter().zip(resolved) {
                let (start, end) = scanned.range(f.first, f.last, f.skip);
                let span = doc.span(start, end)?;
                let mut rule = match &f.expr {
                    Expr::Part { part, .. } => format!("{} {}", part_name(*part), f.rule),
                    _ => f.rule.to_owned(),
                };
                let mut unresolved = r.unresolved;
                if related && r.anchored {
                    unresolved = Some("in a related-article zone: its own publication date is unknown".into());
                    rule.push_str("; related zone");
                }
                dates.push(DateMention {
                    span,
                    text: span.of(text).to_owned(),
                    value: if unresolved.is_some() { None } else { r.value },
                    grain: r.grain.into(),
                    kind: r.kind.into(),
                    anchor: if r.anchored && !related { "published".into() } else { "none".into() },
                    calendar: r.calendar.into(),
                    year_from: r.year_from.map(str::to_owned),
                    unresolved,
                    rule,
                });
            }
        }
        doc.layers.dates = Some(dates);
        Ok(())
    }
}

/// The registry entry for `dates`.
pub fn spec() -> AnalyzerSpec {
    AnalyzerSpec {
        name: NAME.into(),
        summary: "date and time expressions (Arabic, English, Hijri) resolved against the publication date".into(),
        requires: REQUIRES.to_vec(),
        provides: PROVIDES.to_vec(),
        options: describe_options::<DatesOptions>(&[
            ("year", "how a year-less date gets its year: tense, nearest, past, future"),
            ("numeric_order", "how 03/04/2024 is read: day-first or month-first"),
            ("durations", "report stretches of time (ثلاثة أيام) as durations"),
        ]),
        origin: "built-in".into(),
        factory: Arc::new(|options| Ok(Box::new(Dates::new(parse_options(options)?)?))),
    }
}

#[cfg(test)]
mod tests;
