//! Turning a read expression into a calendar value, against the publication date.

use chrono::{Datelike, Duration, NaiveDate};
use icu_calendar::Date;
use icu_calendar::cal::Hijri;

use crate::grammar::{Expr, Tense};
use crate::lexicon::{Calendar, Part, Unit};

/// How a year-less date gets its year (the `year` option).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum YearPolicy {
    /// From the tense around the date, else the nearest.
    Tense,
    /// The occurrence nearest the publication date.
    Nearest,
    /// The latest occurrence on or before it.
    Past,
    /// The earliest occurrence on or after it.
    Future,
}

/// What resolving gives.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Resolved {
    pub(crate) value: Option<String>,
    pub(crate) grain: &'static str,
    pub(crate) kind: &'static str,
    pub(crate) calendar: &'static str,
    pub(crate) year_from: Option<&'static str>,
    pub(crate) unresolved: Option<String>,
    /// Whether the value depends on the anchor.
    pub(crate) anchored: bool,
    /// The day it names, for tying a clock time to it.
    pub(crate) day: Option<NaiveDate>,
}

/// The context of one expression.
pub(crate) struct Context {
    pub(crate) anchor: Option<NaiveDate>,
    pub(crate) tense: Tense,
    pub(crate) policy: YearPolicy,
    /// The day named earlier in the same sentence, for clock times.
    pub(crate) sentence_day: Option<NaiveDate>,
}

/// Which direction a year-less date is looked for in, and the name of the rule that chose it.
#[derive(Clone, Copy)]
enum Pick {
    Past {
        strict: bool,
    },
    Future {
        strict: bool,
    },
    Nearest,
    /// The occurrence in the anchor's own year ("الجاري").
    Same,
}

fn pick(shift: Option<i64>, cx: &Context) -> (Pick, &'static str) {
    match shift {
        Some(-1) => return (Pick::Past { strict: true }, "past"),
        Some(1) => return (Pick::Future { strict: true }, "future"),
        Some(0) => return (Pick::Same, "current"),
        _ => {}
    }
    match cx.policy {
        YearPolicy::Past => (Pick::Past { strict: false }, "past"),
        YearPolicy::Future => (Pick::Future { strict: false }, "future"),
        YearPolicy::Nearest => (Pick::Nearest, "nearest"),
        YearPolicy::Tense => match cx.tense {
            Tense::Past => (Pick::Past { strict: false }, "tense"),
            Tense::Future => (Pick::Future { strict: false }, "tense"),
            Tense::Unknown => (Pick::Nearest, "nearest"),
        },
    }
}

/// Chooses among candidate dates (sorted) by direction from the anchor.
fn choose(candidates: &[NaiveDate], anchor: NaiveDate, pick: Pick) -> Option<NaiveDate> {
    match pick {
        Pick::Past { strict } => {
            candidates.iter().copied().filter(|d| if strict { *d < anchor } else { *d <= anchor }).max()
        }
        Pick::Future { strict } => {
            candidates.iter().copied().filter(|d| if strict { *d > anchor } else { *d >= anchor }).min()
        }
        Pick::Nearest => candidates.iter().copied().min_by_key(|d| (*d - anchor).num_days().abs()),
        Pick::Same => candidates.iter().copied().min_by_key(|d| (d.year() - anchor.year()).abs()),
    }
}

/// The Gregorian date of a Hijri (Umm al-Qura) date.
pub(crate) fn hijri_to_gregorian(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    let hijri = Date::try_new_hijri_with_calendar(
        year,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
        Hijri::new_umm_al_qura(),
    )
    .ok()?;
    let iso = hijri.to_iso();
    NaiveDate::from_ymd_opt(iso.extended_year(), u32::from(iso.month().ordinal), u32::from(iso.day_of_month().0))
}

/// The Hijri (Umm al-Qura) year of a Gregorian date.
fn hijri_year_of(date: NaiveDate) -> Option<i32> {
    let iso = Date::try_new_iso(date.year(), u8::try_from(date.month()).ok()?, u8::try_from(date.day()).ok()?).ok()?;
    Some(iso.to_calendar(Hijri::new_umm_al_qura()).extended_year())
}

fn day_of(year: i32, month: u32, day: u32, calendar: Calendar) -> Option<NaiveDate> {
    match calendar {
        Calendar::Gregorian => NaiveDate::from_ymd_opt(year, month, day),
        Calendar::Hijri => hijri_to_gregorian(year, month, day),
    }
}

fn calendar_name(calendar: Calendar) -> &'static str {
    match calendar {
        Calendar::Gregorian => "gregorian",
        Calendar::Hijri => "hijri",
    }
}

fn iso_day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn iso_month(d: NaiveDate) -> String {
    d.format("%Y-%m").to_string()
}

fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

fn add_months(d: NaiveDate, months: i64) -> Option<NaiveDate> {
    let total = i64::from(d.year()) * 12 + i64::from(d.month0()) + months;
    NaiveDate::from_ymd_opt(i32::try_from(total.div_euclid(12)).ok()?, u32::try_from(total.rem_euclid(12)).ok()? + 1, 1)
}

impl Resolved {
    fn new(kind: &'static str, grain: &'static str) -> Resolved {
        Resolved {
            value: None,
            grain,
            kind,
            calendar: "gregorian",
            year_from: None,
            unresolved: None,
            anchored: false,
            day: None,
        }
    }

    fn unresolved(mut self, why: &str) -> Resolved {
        self.value = None;
        self.unresolved = Some(why.to_owned());
        self
    }
}

const NO_ANCHOR: &str = "no publication date to resolve it against";

/// Resolves `expr` in `cx`.
pub(crate) fn resolve(expr: &Expr, cx: &Context) -> Resolved {
    match expr {
        Expr::Day { year, month, day, calendar, shift } => {
            let mut r = Resolved::new("absolute", "day");
            r.calendar = calendar_name(*calendar);
            match year {
                Some(y) => match day_of(*y, *month, *day, *calendar) {
                    Some(d) => {
                        r.value = Some(iso_day(d));
                        r.day = Some(d);
                        r
                    }
                    None => r.unresolved("no such day in that calendar"),
                },
                None => {
                    r.anchored = true;
                    let Some(anchor) = cx.anchor else { return r.unresolved(NO_ANCHOR) };
                    let (how, from) = pick(*shift, cx);
                    let candidates = year_candidates(anchor, *calendar)
                        .into_iter()
                        .filter_map(|y| day_of(y, *month, *day, *calendar))
                        .collect::<Vec<_>>();
                    match choose(&candidates, anchor, how) {
                        Some(d) => {
                            r.value = Some(iso_day(d));
                            r.day = Some(d);
                            r.year_from = Some(from);
                            r
                        }
                        None => r.unresolved("no such day near the publication date"),
                    }
                }
            }
        }
        Expr::Paired { year, month, day } => {
            let mut r = resolve(
                &Expr::Day { year: Some(*year), month: *month, day: *day, calendar: Calendar::Gregorian, shift: None },
                cx,
            );
            r.calendar = "hijri";
            r
        }
        Expr::DayRange { year, month, from, to, calendar, shift } => {
            let first =
                resolve(&Expr::Day { year: *year, month: *month, day: *from, calendar: *calendar, shift: *shift }, cx);
            let mut r = Resolved { kind: "range", ..first.clone() };
            let Some(start) = first.day else { return r };
            // The end lies in the same month as the start.
            let end = match calendar {
                Calendar::Gregorian => NaiveDate::from_ymd_opt(start.year(), *month, *to),
                Calendar::Hijri => start.checked_add_signed(Duration::days(i64::from(to - from))),
            };
            match end {
                Some(end) => r.value = Some(format!("{}/{}", iso_day(start), iso_day(end))),
                None => r = r.unresolved("no such day in that month"),
            }
            r
        }
        Expr::Month { year, month, calendar, shift } => {
            let mut r = Resolved::new("absolute", "month");
            r.calendar = calendar_name(*calendar);
            if *calendar == Calendar::Hijri {
                // A Hijri month straddles two Gregorian months: give the stretch of days.
                let hijri_year = match year {
                    Some(y) => Some(*y),
                    None => cx.anchor.and_then(|a| {
                        let (how, from) = pick(*shift, cx);
                        r.year_from = Some(from);
                        r.anchored = true;
                        let candidates: Vec<NaiveDate> = year_candidates(a, *calendar)
                            .into_iter()
                            .filter_map(|y| day_of(y, *month, 1, *calendar))
                            .collect();
                        choose(&candidates, a, how).and_then(hijri_year_of)
                    }),
                };
                let Some(y) = hijri_year else { return r.unresolved(NO_ANCHOR) };
                let start = day_of(y, *month, 1, *calendar);
                let next =
                    if *month == 12 { day_of(y + 1, 1, 1, *calendar) } else { day_of(y, month + 1, 1, *calendar) };
                return match (start, next) {
                    (Some(s), Some(n)) => {
                        r.value = Some(format!("{}/{}", iso_day(s), iso_day(n - Duration::days(1))));
                        r
                    }
                    _ => r.unresolved("no such Hijri month"),
                };
            }
            match year {
                Some(y) => {
                    r.value = NaiveDate::from_ymd_opt(*y, *month, 1).map(iso_month);
                    r
                }
                None => {
                    r.anchored = true;
                    let Some(anchor) = cx.anchor else { return r.unresolved(NO_ANCHOR) };
                    let (how, from) = pick(*shift, cx);
                    let this_month = NaiveDate::from_ymd_opt(anchor.year(), anchor.month(), 1).unwrap_or(anchor);
                    let candidates: Vec<NaiveDate> = [-1, 0, 1]
                        .iter()
                        .filter_map(|dy| NaiveDate::from_ymd_opt(anchor.year() + dy, *month, 1))
                        .collect();
                    match choose(&candidates, this_month, how) {
                        Some(d) => {
                            r.value = Some(iso_month(d));
                            r.year_from = Some(from);
                            r
                        }
                        None => r.unresolved("no such month near the publication date"),
                    }
                }
            }
        }
        Expr::Year { year, calendar } => {
            let mut r = Resolved::new("absolute", "year");
            r.calendar = calendar_name(*calendar);
            match calendar {
                Calendar::Gregorian => r.value = Some(format!("{year:04}")),
                Calendar::Hijri => {
                    let (start, next) = (day_of(*year, 1, 1, *calendar), day_of(*year + 1, 1, 1, *calendar));
                    match (start, next) {
                        (Some(s), Some(n)) => {
                            r.value = Some(format!("{}/{}", iso_day(s), iso_day(n - Duration::days(1))))
                        }
                        _ => return r.unresolved("Hijri year outside the Umm al-Qura tables"),
                    }
                }
            }
            r
        }
        Expr::YearRange { from, to } => {
            let mut r = Resolved::new("range", "year");
            r.value = Some(format!("{from:04}/{to:04}"));
            r
        }
        Expr::RelativeDay(offset) => {
            let mut r = Resolved::new("relative", "day");
            r.anchored = true;
            let Some(anchor) = cx.anchor else { return r.unresolved(NO_ANCHOR) };
            let d = anchor + Duration::days(*offset);
            r.value = Some(iso_day(d));
            r.day = Some(d);
            r
        }
        Expr::Weekday { weekday, shift } => {
            let mut r = Resolved::new("relative", "day");
            r.anchored = true;
            let Some(anchor) = cx.anchor else { return r.unresolved(NO_ANCHOR) };
            let candidates: Vec<NaiveDate> =
                (-7..=7).map(|n| anchor + Duration::days(n)).filter(|d| d.weekday() == *weekday).collect();
            let chosen = match shift {
                Some(0) => candidates.iter().copied().find(|d| d.iso_week() == anchor.iso_week()),
                // News reports what happened: a bare weekday with no future marker is the
                // latest one on or before publication.
                None if cx.policy == YearPolicy::Tense && cx.tense != Tense::Future => {
                    r.year_from = Some("past");
                    choose(&candidates, anchor, Pick::Past { strict: false })
                }
                _ => {
                    let (how, from) = pick(*shift, cx);
                    r.year_from = Some(from);
                    choose(&candidates, anchor, how)
                }
            };
            match chosen {
                Some(d) => {
                    r.value = Some(iso_day(d));
                    r.day = Some(d);
                    r
                }
                None => r.unresolved("no such weekday near the publication date"),
            }
        }
        Expr::Shifted { unit, shift } => {
            let grain = unit_grain(*unit);
            let mut r = Resolved::new("relative", grain);
            r.anchored = true;
            let Some(anchor) = cx.anchor else { return r.unresolved(NO_ANCHOR) };
            r.value = match unit {
                Unit::Week => Some(iso_week(anchor + Duration::weeks(*shift))),
                Unit::Month => add_months(anchor, *shift).map(iso_month),
                Unit::Year => Some(format!("{:04}", i64::from(anchor.year()) + shift)),
                Unit::Day => Some(iso_day(anchor + Duration::days(*shift))),
                Unit::Hour | Unit::Minute => None,
            };
            if r.value.is_none() {
                return r.unresolved("an hour or minute cannot be shifted without a publication time");
            }
            r
        }
        Expr::Offset { unit, count, direction } => {
            let grain = match unit {
                Unit::Week | Unit::Day | Unit::Hour | Unit::Minute => "day",
                Unit::Month => "month",
                Unit::Year => "year",
            };
            let mut r = Resolved::new("relative", grain);
            r.anchored = true;
            let Some(anchor) = cx.anchor else { return r.unresolved(NO_ANCHOR) };
            let n = i64::from(*count) * direction;
            r.value = match unit {
                Unit::Day => Some(iso_day(anchor + Duration::days(n))),
                Unit::Week => Some(iso_day(anchor + Duration::weeks(n))),
                Unit::Month => add_months(anchor, n).map(iso_month),
                Unit::Year => Some(format!("{:04}", i64::from(anchor.year()) + n)),
                // Hours and minutes before or after publication: the same day, near enough.
                Unit::Hour | Unit::Minute => {
                    Some(iso_day(anchor + Duration::minutes(n * if *unit == Unit::Hour { 60 } else { 1 })))
                }
            };
            r
        }
        Expr::Duration { unit, count } => {
            let mut r = Resolved::new("duration", unit_grain(*unit));
            r.value = Some(match unit {
                Unit::Minute => format!("PT{count}M"),
                Unit::Hour => format!("PT{count}H"),
                Unit::Day => format!("P{count}D"),
                Unit::Week => format!("P{count}W"),
                Unit::Month => format!("P{count}M"),
                Unit::Year => format!("P{count}Y"),
            });
            r
        }
        // The value is the period's own: ISO 8601 has no "early" or "mid"; the rule names the part.
        Expr::Part { inner, .. } => {
            let mut r = resolve(inner, cx);
            r.kind = if r.anchored { "relative" } else { r.kind };
            r
        }
        Expr::Decade(start) => {
            let mut r = Resolved::new("absolute", "decade");
            r.value = Some(format!("{:03}", start / 10));
            r
        }
        Expr::Century(n) => {
            let mut r = Resolved::new("absolute", "century");
            r.value = Some(format!("{:02}", n - 1));
            r
        }
        Expr::Quarter { quarter, year, shift } => {
            let mut r = Resolved::new("absolute", "quarter");
            let year = match year {
                Some(y) => *y,
                None => {
                    r.kind = "relative";
                    r.anchored = true;
                    let Some(anchor) = cx.anchor else { return r.unresolved(NO_ANCHOR) };
                    anchor.year() + i32::try_from(*shift).unwrap_or(0)
                }
            };
            r.value = Some(format!("{year:04}-Q{quarter}"));
            r
        }
        Expr::Time { hour, minute } => {
            let mut r = Resolved::new("time", "minute");
            match cx.sentence_day {
                Some(d) => r.value = Some(format!("{}T{hour:02}:{minute:02}", iso_day(d))),
                None => {
                    r.value = Some(format!("T{hour:02}:{minute:02}"));
                }
            }
            r
        }
    }
}

/// The part word's name, for the rule.
pub(crate) fn part_name(part: Part) -> &'static str {
    match part {
        Part::Start => "start of",
        Part::Middle => "middle of",
        Part::End => "end of",
    }
}

fn unit_grain(unit: Unit) -> &'static str {
    match unit {
        Unit::Minute => "minute",
        Unit::Hour => "hour",
        Unit::Day => "day",
        Unit::Week => "week",
        Unit::Month => "month",
        Unit::Year => "year",
    }
}

/// The years (in `calendar`) around the anchor a year-less date may fall in.
fn year_candidates(anchor: NaiveDate, calendar: Calendar) -> Vec<i32> {
    let year = match calendar {
        Calendar::Gregorian => anchor.year(),
        Calendar::Hijri => hijri_year_of(anchor).unwrap_or(anchor.year() - 579),
    };
    vec![year - 1, year, year + 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn umm_al_qura_conversion() {
        assert_eq!(hijri_to_gregorian(1436, 10, 26), NaiveDate::from_ymd_opt(2015, 8, 11));
        assert_eq!(hijri_to_gregorian(1436, 10, 25), NaiveDate::from_ymd_opt(2015, 8, 10));
        assert_eq!(hijri_year_of(NaiveDate::from_ymd_opt(2024, 2, 13).unwrap()), Some(1445));
    }
}
