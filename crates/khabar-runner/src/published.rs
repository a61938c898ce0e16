//! Publication dates as inputs and feeds write them: ISO 8601 dates and date-times (with or
//! without offset, `T` or space), RFC 2822 ("Thu, 01 Mar 2018 20:56:15 +0400"), and the
//! numeric `DD/MM/YYYY` many Arabic sites print (day first, as they write it; month first
//! only when the day-first reading is impossible, as in `03/24/2018`).

use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// Reads a publication date into its ISO 8601 form: `2024-02-13`, `2024-02-13T10:00:00`,
/// or `2018-03-01T20:56:15+04:00`. The error says which forms are accepted.
pub fn parse_published(input: &str) -> Result<String, String> {
    let s = input.trim();
    if let Ok(date) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Ok(date.format("%Y-%m-%d").to_string());
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Ok(dt.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true));
    }
    for format in ["%Y-%m-%dT%H:%M:%S%.f%:z", "%Y-%m-%d %H:%M:%S%.f%:z", "%Y-%m-%d %H:%M:%S%.f%z", "%Y-%m-%dT%H:%M%:z"]
    {
        if let Ok(dt) = DateTime::parse_from_str(s, format) {
            return Ok(dt.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true));
        }
    }
    let naive = ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H%M%S"];
    for format in naive {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, format) {
            return Ok(dt.format("%Y-%m-%dT%H:%M:%S").to_string());
        }
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Ok(dt.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true));
    }
    for format in ["%d/%m/%Y", "%m/%d/%Y", "%d-%m-%Y", "%d.%m.%Y"] {
        if let Ok(date) = NaiveDate::parse_from_str(s, format) {
            return Ok(date.format("%Y-%m-%d").to_string());
        }
    }
    Err(format!(
        "cannot read publication date {s:?}: expected an ISO 8601 date or date-time (2024-02-13, \
         2024-02-13T10:00:00+03:00), an RFC 2822 date (Thu, 01 Mar 2018 20:56:15 +0400) or DD/MM/YYYY"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_forms_feeds_use() {
        let cases = [
            ("2024-02-13", "2024-02-13"),
            ("2015-08-11 14:15:21", "2015-08-11T14:15:21"),
            ("2017-01-20T21:43:00+01:00", "2017-01-20T21:43:00+01:00"),
            ("2017-01-20T21:43:00Z", "2017-01-20T21:43:00Z"),
            ("Thu, 01 Mar 2018 20:56:15 +0400", "2018-03-01T20:56:15+04:00"),
            ("Thu, 12 Apr 2018 15:18:39 GMT", "2018-04-12T15:18:39Z"),
            ("2017-01-22T185600", "2017-01-22T18:56:00"),
            ("24/03/2018", "2018-03-24"),
            ("03/04/2018", "2018-04-03"),
            ("03/24/2018", "2018-03-24"),
        ];
        for (input, value) in cases {
            assert_eq!(parse_published(input).as_deref(), Ok(value), "{input}");
        }
        assert!(parse_published("next Tuesday").unwrap_err().contains("RFC 2822"));
    }
}
