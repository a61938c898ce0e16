//! A plain-text view of a document's layers for reviewing snapshots: every annotation with
//! its span and the text it covers (`[120..164) "..."`), so an off-by-one shows in a diff
//! where raw JSON offsets would hide it.

use std::fmt::Write;

use crate::document::{Document, Published};
use crate::span::Span;

/// Longest covered text shown whole for zones and paragraphs; longer ones show their two ends.
const SHOWN: usize = 72;

/// Renders `doc`'s metadata and layers (not its text) for review.
pub fn review(doc: &Document) -> String {
    let mut out = String::new();
    let text = doc.text();
    let _ = write_review(doc, text, &mut out);
    out
}

fn write_review(doc: &Document, text: &str, out: &mut String) -> std::fmt::Result {
    writeln!(out, "id: {}\nlang: {}\nbytes: {}", doc.id, doc.lang, text.len())?;
    let meta = &doc.meta;
    if let Some(title) = &meta.title {
        writeln!(out, "meta.title: {}", quoted(title))?;
    }
    if let Some(source) = &meta.source {
        writeln!(out, "meta.source: {}", quoted(source))?;
    }
    if let Some(Published { value, text: written, span, source }) = &meta.published {
        write!(out, "meta.published: {value} from {source} {}", quoted(written))?;
        if let Some(span) = span {
            write!(out, " at {}", range(*span))?;
        }
        writeln!(out)?;
    }
    let layers = &doc.layers;
    if let Some(zones) = &layers.zones {
        writeln!(out, "\nzones ({})", zones.len())?;
        for (i, zone) in zones.iter().enumerate() {
            writeln!(out, "  z{i} {} {}", zone.kind.as_str(), covered(text, zone.span, true))?;
        }
    }
    if let Some(paragraphs) = &layers.paragraphs {
        writeln!(out, "\nparagraphs ({})", paragraphs.len())?;
        for (i, p) in paragraphs.iter().enumerate() {
            writeln!(out, "  p{i} z{} {}", p.zone, covered(text, p.span, true))?;
        }
    }
    if let Some(sentences) = &layers.sentences {
        writeln!(out, "\nsentences ({})", sentences.len())?;
        for s in sentences {
            writeln!(out, "  p{} {}", s.paragraph, covered(text, s.span, false))?;
        }
    }
    if let Some(dates) = &layers.dates {
        writeln!(out, "\ndates ({})", dates.len())?;
        for d in dates {
            let value = d.value.as_deref().unwrap_or("null");
            write!(
                out,
                "  {} -> {value} ({} {}, anchor {}, {}",
                covered(text, d.span, false),
                d.kind,
                d.grain,
                d.anchor,
                d.calendar
            )?;
            if let Some(year_from) = &d.year_from {
                write!(out, ", year from {year_from}")?;
            }
            if let Some(why) = &d.unresolved {
                write!(out, ", unresolved: {why}")?;
            }
            if !d.rule.is_empty() {
                write!(out, ", rule {}", d.rule)?;
            }
            writeln!(out, ")")?;
        }
    }
    if let Some(speakers) = &layers.speakers {
        writeln!(out, "\nspeakers ({})", speakers.len())?;
        for s in speakers {
            write!(out, "  {} {}", s.id, quoted(&s.name))?;
            if let Some(kind) = &s.kind {
                write!(out, " ({kind})")?;
            }
            if let Some(role) = &s.role {
                write!(out, " role {}", quoted(role))?;
            }
            if !s.aliases.is_empty() {
                let aliases: Vec<String> = s.aliases.iter().map(|a| quoted(a)).collect();
                write!(out, " aliases {}", aliases.join(", "))?;
            }
            writeln!(out)?;
            for m in &s.mentions {
                writeln!(out, "    mention {}", covered(text, *m, false))?;
            }
        }
    }
    if let Some(quotes) = &layers.quotes {
        writeln!(out, "\nquotes ({})", quotes.len())?;
        for q in quotes {
            let kind =
                serde_json::to_value(q.kind).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
            writeln!(out, "  {kind} {:.2} {}", q.confidence, covered(text, q.span, false))?;
            if let Some(cue) = &q.cue {
                writeln!(out, "    cue {}", covered(text, cue.span, false))?;
            }
            match (&q.speaker, q.speaker_span) {
                (Some(id), Some(span)) => writeln!(out, "    speaker {id} {}", covered(text, span, false))?,
                (Some(id), None) => writeln!(out, "    speaker {id}")?,
                (None, _) => writeln!(out, "    speaker none")?,
            }
        }
    }
    if let Some(duplicates) = &layers.duplicates {
        writeln!(out, "\nduplicates ({})", duplicates.len())?;
        for d in duplicates {
            let kind =
                serde_json::to_value(d.kind).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
            let paragraphs: Vec<String> = d.paragraphs.iter().map(|p| format!("p{p}")).collect();
            write!(out, "  {kind} {} similarity {:.2}", paragraphs.join(" ~ "), d.similarity)?;
            if let Some(matches) = &d.matches {
                let others: Vec<String> = matches.iter().map(|m| format!("{}#p{}", m.document, m.paragraph)).collect();
                write!(out, " matches {}", others.join(", "))?;
            }
            if d.boilerplate {
                write!(out, " (boilerplate)")?;
            }
            writeln!(out)?;
        }
    }
    for (name, layer) in &layers.plugins {
        let pretty = serde_json::to_string_pretty(layer).unwrap_or_default();
        writeln!(out, "\nplugins.{name}\n{pretty}")?;
    }
    Ok(())
}

fn range(span: Span) -> String {
    format!("[{}..{})", span.start(), span.end())
}

/// `[s..e) "covered"`, long texts shortened to their ends when `shorten`.
fn covered(text: &str, span: Span, shorten: bool) -> String {
    let covered = span.of(text);
    let shown = if shorten && covered.chars().count() > SHOWN {
        let head: String = covered.chars().take(SHOWN / 2).collect();
        let tail: Vec<char> = covered.chars().rev().take(SHOWN / 4).collect();
        let tail: String = tail.into_iter().rev().collect();
        format!("{head} … {tail}")
    } else {
        covered.to_owned()
    };
    format!("{} {}", range(span), quoted(&shown))
}

fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Paragraph, Sentence, Zone, ZoneKind};

    #[test]
    fn shows_spans_with_their_text() {
        let mut doc = Document::new("d", "ar", "عنوان\nقال: \"نعم\".");
        let title = doc.span(0, 10).unwrap();
        let body = doc.span(11, doc.text().len()).unwrap();
        doc.layers.zones = Some(vec![
            Zone { kind: ZoneKind::Title, span: title, text: "عنوان".into() },
            Zone { kind: ZoneKind::Body, span: body, text: String::new() },
        ]);
        doc.layers.paragraphs = Some(vec![Paragraph { span: body, zone: 1 }]);
        doc.layers.sentences = Some(vec![Sentence { span: body, paragraph: 0 }]);
        let shown = review(&doc);
        assert!(shown.contains("z0 title [0..10) \"عنوان\""), "{shown}");
        assert!(shown.contains("p0 z1 [11..28) \"قال: \\\"نعم\\\".\""), "{shown}");
        assert!(shown.contains("  p0 [11..28)"), "{shown}");
    }
}
