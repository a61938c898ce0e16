//! `--format html`: a self-contained reading view of an analysed article, for analysts and
//! editors who would rather look than read JSON.
//!
//! The page shows the text with every paragraph in its zone (shaded and labelled), each
//! paragraph in its own direction (`dir="auto"`: Arabic right to left, English left to right,
//! mixed lines by their first strong letter), quotes highlighted in one colour per speaker with
//! the cue marked (direct speech solid, reported speech dashed), dates underlined with their
//! value and rule on hover and in a side list, duplicate paragraphs linked to each other, plugin
//! layers as JSON, and a header with the publication date, the source and counts per layer.
//! Everything is inline (no scripts, no fonts, no network) and every piece of document text is
//! escaped, so an article containing markup shows it as text.

use std::fmt::Write as _;

use khabar_core::{Document, QuoteKind, Span, ZoneKind};

/// Colours for speakers, in order of appearance.
const PALETTE: &[&str] = &["#f9d56e", "#9ad1f5", "#b8e0a8", "#f5b3c8", "#d7c2f0", "#f7c59f", "#a6e3e0", "#e8e89a"];

const STYLE: &str = r#"
body { font-family: "Noto Naskh Arabic", "Amiri", "Segoe UI", Tahoma, sans-serif; margin: 0; color: #222; background: #fafafa; }
header { padding: 1rem 2rem; background: #263238; color: #fff; }
header h1 { margin: 0 0 .4rem; font-size: 1.4rem; }
header dl { display: flex; flex-wrap: wrap; gap: .3rem 1.5rem; margin: 0; font-size: .9rem; }
header dt { opacity: .7; } header dd { margin: 0; }
main { display: flex; gap: 1.5rem; padding: 1rem 2rem; align-items: flex-start; }
article { flex: 3; background: #fff; padding: 1rem 1.5rem; border: 1px solid #ddd; line-height: 1.9; }
aside { flex: 1; font-size: .9rem; min-width: 14rem; }
aside section { background: #fff; border: 1px solid #ddd; padding: .5rem .8rem; margin-bottom: 1rem; }
aside h2 { font-size: 1rem; margin: .2rem 0 .5rem; }
.para { padding: .3rem .6rem; margin: .2rem 0; border-inline-start: 4px solid transparent; position: relative; }
.zone-label { display: block; font-size: .7rem; text-transform: uppercase; letter-spacing: .05em; color: #607d8b; }
.zone-title { background: #eceff1; font-weight: bold; font-size: 1.15rem; border-color: #37474f; }
.zone-dateline { background: #e3f2fd; border-color: #1e88e5; }
.zone-byline { background: #ede7f6; border-color: #5e35b1; }
.zone-body { border-color: #cfd8dc; }
.zone-source { background: #e8f5e9; border-color: #43a047; }
.zone-keywords { background: #fff8e1; border-color: #ffb300; }
.zone-related { background: #fce4ec; border-color: #d81b60; }
.zone-boilerplate { background: #f5f5f5; color: #888; border-color: #9e9e9e; }
.quote { border-radius: 3px; padding: 0 .1rem; }
.quote.indirect, .quote.mixed { background: none !important; border-bottom: 3px dashed var(--c); }
.quote.direct { background: var(--c); }
.cue { font-weight: bold; text-decoration: underline double; }
.mention { outline: 2px solid var(--c); border-radius: 3px; }
.date { text-decoration: underline wavy #1e88e5; text-underline-offset: .3em; }
.date.unresolved { text-decoration-color: #e53935; }
.dup { font-size: .75rem; margin-inline-start: .5rem; }
.swatch { display: inline-block; width: .9rem; height: .9rem; border-radius: 2px; background: var(--c); vertical-align: middle; margin-inline-end: .3rem; }
pre { white-space: pre-wrap; font-size: .8rem; }
ul { padding-inline-start: 1.2rem; margin: .2rem 0; }
@media print { body { background: #fff; } main { display: block; } aside { page-break-before: always; } header { color: #000; background: #fff; border-bottom: 2px solid #000; } }
"#;

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape(text, &mut out);
    out
}

/// An inline annotation of a paragraph: its range, the class and attributes of its element.
struct Mark {
    span: Span,
    open: String,
}

/// Renders `doc` as a complete page.
pub fn render_page(doc: &Document) -> String {
    let text = doc.text();
    let layers = &doc.layers;
    let zones = layers.zones.as_deref().unwrap_or(&[]);
    let paragraphs = layers.paragraphs.as_deref().unwrap_or(&[]);
    let speakers = layers.speakers.as_deref().unwrap_or(&[]);
    let quotes = layers.quotes.as_deref().unwrap_or(&[]);
    let dates = layers.dates.as_deref().unwrap_or(&[]);
    let duplicates = layers.duplicates.as_deref().unwrap_or(&[]);
    let colour = |id: &Option<String>| -> &str {
        id.as_ref()
            .and_then(|id| speakers.iter().position(|s| &s.id == id))
            .map_or("#e0e0e0", |i| PALETTE[i % PALETTE.len()])
    };

    let mut out = String::with_capacity(text.len() * 3 + 8192);
    let title = doc.meta.title.clone().unwrap_or_else(|| doc.id.clone());
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escaped(&doc.lang),
        escaped(&title)
    );

    // Header: what the article is and how much was found.
    let _ = write!(out, "<header>\n<h1 dir=\"auto\">{}</h1>\n<dl>", escaped(&title));
    let mut fact = |name: &str, value: &str| {
        let _ = write!(out, "<div><dt>{name}</dt><dd dir=\"auto\">{}</dd></div>", escaped(value));
    };
    fact("id", &doc.id);
    fact("language", &doc.lang);
    let published = doc.meta.published.as_ref().map_or("unknown".to_owned(), |p| format!("{} ({})", p.value, p.source));
    fact("published", &published);
    if let Some(source) = &doc.meta.source {
        fact("source", source);
    }
    for (name, count) in [
        ("zones", zones.len()),
        ("paragraphs", paragraphs.len()),
        ("sentences", layers.sentences.as_ref().map_or(0, Vec::len)),
        ("dates", dates.len()),
        ("quotes", quotes.len()),
        ("speakers", speakers.len()),
        ("duplicates", duplicates.len()),
    ] {
        fact(name, &count.to_string());
    }
    out.push_str("</dl>\n</header>\n<main>\n<article>\n");

    // Inline marks per paragraph: quotes, cues, speaker mentions, dates.
    let mut marks: Vec<Mark> = Vec::new();
    for q in quotes {
        let kind = match q.kind {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Mixed => "mixed",
        };
        let who = q
            .speaker
            .as_ref()
            .and_then(|id| speakers.iter().find(|s| &s.id == id))
            .map_or("unknown", |s| s.name.as_str());
        let tip = format!("{kind} speech by {who} (confidence {:.2})", q.confidence);
        marks.push(Mark {
            span: q.span,
            open: format!(
                "<span class=\"quote {kind}\" style=\"--c:{}\" title=\"{}\">",
                colour(&q.speaker),
                escaped(&tip)
            ),
        });
        if let Some(cue) = &q.cue {
            marks.push(Mark { span: cue.span, open: "<span class=\"cue\" title=\"cue\">".into() });
        }
        if let Some(m) = q.speaker_span {
            marks.push(Mark {
                span: m,
                open: format!(
                    "<span class=\"mention\" style=\"--c:{}\" title=\"{}\">",
                    colour(&q.speaker),
                    escaped(who)
                ),
            });
        }
    }
    for d in dates {
        let value = d.value.as_deref().unwrap_or("unresolved");
        let mut tip = format!("{value} · {} · {} · rule: {}", d.grain, d.kind, d.rule);
        if let Some(why) = &d.unresolved {
            let _ = write!(tip, " · {why}");
        }
        let class = if d.value.is_some() { "date" } else { "date unresolved" };
        marks.push(Mark { span: d.span, open: format!("<span class=\"{class}\" title=\"{}\">", escaped(&tip)) });
    }

    let mut current_zone = usize::MAX;
    for (i, p) in paragraphs.iter().enumerate() {
        let kind = zones.get(p.zone).map_or(ZoneKind::Body, |z| z.kind).as_str();
        let _ = write!(out, "<div class=\"para zone-{kind}\" id=\"p{i}\" dir=\"auto\">");
        if p.zone != current_zone {
            let _ = write!(out, "<span class=\"zone-label\">{kind}</span>");
            current_zone = p.zone;
        }
        paragraph(text, p.span, &marks, &mut out);
        for d in duplicates.iter().filter(|d| d.paragraphs.contains(&i)) {
            let kind =
                serde_json::to_value(d.kind).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
            for other in d.paragraphs.iter().filter(|&&o| o != i) {
                let _ = write!(out, "<a class=\"dup\" href=\"#p{other}\">⟷ p{other} ({kind} {:.2})</a>", d.similarity);
            }
            for m in d.matches.iter().flatten() {
                let _ = write!(out, "<span class=\"dup\">⟷ {} p{} ({kind})</span>", escaped(&m.document), m.paragraph);
            }
        }
        out.push_str("</div>\n");
    }
    out.push_str("</article>\n<aside>\n");

    // Side lists.
    if !speakers.is_empty() {
        out.push_str("<section id=\"speakers\"><h2>Speakers</h2><ul>");
        for s in speakers {
            let count = quotes.iter().filter(|q| q.speaker.as_ref() == Some(&s.id)).count();
            let _ = write!(
                out,
                "<li class=\"speaker\" dir=\"auto\"><span class=\"swatch\" style=\"--c:{}\"></span><b>{}</b>",
                colour(&Some(s.id.clone())),
                escaped(&s.name)
            );
            if let Some(role) = &s.role {
                let _ = write!(out, " — {}", escaped(role));
            }
            let _ = write!(out, " · {count} quote{}</li>", if count == 1 { "" } else { "s" });
        }
        out.push_str("</ul></section>\n");
    }
    if !dates.is_empty() {
        out.push_str("<section id=\"dates\"><h2>Dates</h2><ul>");
        for d in dates {
            let _ = write!(
                out,
                "<li class=\"date-item\" dir=\"auto\">{} → <code>{}</code> <small>{} · {}</small></li>",
                escaped(&d.text),
                escaped(d.value.as_deref().unwrap_or("unresolved")),
                escaped(&d.kind),
                escaped(&d.rule)
            );
        }
        out.push_str("</ul></section>\n");
    }
    if !duplicates.is_empty() {
        out.push_str("<section id=\"duplicates\"><h2>Duplicates</h2><ul>");
        for d in duplicates {
            let kind =
                serde_json::to_value(d.kind).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
            let links: Vec<String> = d.paragraphs.iter().map(|p| format!("<a href=\"#p{p}\">p{p}</a>")).collect();
            let _ = write!(out, "<li>{kind} {} ({:.2})</li>", links.join(" ⟷ "), d.similarity);
        }
        out.push_str("</ul></section>\n");
    }
    for (name, layer) in &layers.plugins {
        let json = serde_json::to_string_pretty(layer).unwrap_or_default();
        let _ = writeln!(
            out,
            "<section class=\"plugin\"><h2>plugins.{}</h2><pre>{}</pre></section>",
            escaped(name),
            escaped(&json)
        );
    }
    out.push_str("</aside>\n</main>\n</body>\n</html>\n");
    out
}

/// Writes one paragraph's text with its marks, cut at every mark boundary so that elements
/// always nest, whatever the annotations overlap.
fn paragraph(text: &str, span: Span, marks: &[Mark], out: &mut String) {
    let inside: Vec<&Mark> =
        marks.iter().filter(|m| m.span.start() < span.end() && span.start() < m.span.end()).collect();
    let mut cuts: Vec<usize> = vec![span.start(), span.end()];
    for m in &inside {
        cuts.push(m.span.start().clamp(span.start(), span.end()));
        cuts.push(m.span.end().clamp(span.start(), span.end()));
    }
    cuts.sort_unstable();
    cuts.dedup();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let Some(piece) = text.get(a..b) else { continue };
        let active: Vec<&&Mark> =
            inside.iter().filter(|m| m.span.start() <= a && b <= m.span.end() && !m.span.is_empty()).collect();
        for m in &active {
            out.push_str(&m.open);
        }
        escape(piece, out);
        for _ in &active {
            out.push_str("</span>");
        }
    }
}

/// One line of the index page.
pub struct IndexEntry {
    /// The page's file name.
    pub file: String,
    /// The document's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Counts: dates, quotes, speakers, duplicates.
    pub counts: [usize; 4],
}

impl IndexEntry {
    /// The entry for `doc`, written to `file`.
    pub fn new(doc: &Document, file: String) -> IndexEntry {
        let l = &doc.layers;
        IndexEntry {
            file,
            id: doc.id.clone(),
            title: doc.meta.title.clone().unwrap_or_default(),
            counts: [
                l.dates.as_ref().map_or(0, Vec::len),
                l.quotes.as_ref().map_or(0, Vec::len),
                l.speakers.as_ref().map_or(0, Vec::len),
                l.duplicates.as_ref().map_or(0, Vec::len),
            ],
        }
    }
}

/// The index page of a directory of pages.
pub fn render_index(entries: &[IndexEntry]) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>khabar: {} documents</title>\n<style>{STYLE} table {{ border-collapse: collapse; background: #fff; }} td, th {{ border: 1px solid #ddd; padding: .3rem .6rem; }}</style>\n</head>\n<body>\n<header><h1>{} documents</h1></header>\n<main><table>\n<tr><th>document</th><th>title</th><th>dates</th><th>quotes</th><th>speakers</th><th>duplicates</th></tr>\n",
        entries.len(),
        entries.len()
    );
    for e in entries {
        let _ = writeln!(
            out,
            "<tr><td><a href=\"{}\">{}</a></td><td dir=\"auto\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escaped(&e.file),
            escaped(&e.id),
            escaped(&e.title),
            e.counts[0],
            e.counts[1],
            e.counts[2],
            e.counts[3]
        );
    }
    out.push_str("</table></main>\n</body>\n</html>\n");
    out
}

/// A file name for a document id: letters, digits, `-` and `_` kept, the rest `_`.
pub fn file_name(id: &str, taken: &mut std::collections::HashSet<String>) -> String {
    let mut base: String =
        id.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect();
    if base.is_empty() {
        base = "document".into();
    }
    let mut name = format!("{base}.html");
    let mut n = 2;
    while !taken.insert(name.clone()) {
        name = format!("{base}-{n}.html");
        n += 1;
    }
    name
}

#[cfg(test)]
mod tests {
    use khabar_core::{Paragraph, Zone};

    use super::*;

    #[test]
    fn document_text_is_escaped_everywhere() {
        let text = "<script>alert(1)</script> & </style> \"quoted\"";
        let mut doc = Document::new("x<y>", "en", text);
        let span = doc.span(0, text.len()).unwrap();
        doc.layers.zones = Some(vec![Zone { kind: ZoneKind::Body, span, text: text.into() }]);
        doc.layers.paragraphs = Some(vec![Paragraph { span, zone: 0 }]);
        let page = render_page(&doc);
        assert!(!page.contains("<script>"), "{page}");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;/style&gt; &quot;quoted&quot;"));
        assert!(page.contains("x&lt;y&gt;"));
        assert_eq!(page.matches("</style>").count(), 1, "only the page's own style element closes");
    }

    #[test]
    fn overlapping_marks_still_nest() {
        let text = "abcdef";
        let span = |a, b| Span::new(text, a, b).unwrap();
        let marks = vec![
            Mark { span: span(0, 4), open: "<span class=\"a\">".into() },
            Mark { span: span(2, 6), open: "<span class=\"b\">".into() },
        ];
        let mut out = String::new();
        paragraph(text, span(0, 6), &marks, &mut out);
        assert_eq!(
            out,
            "<span class=\"a\">ab</span><span class=\"a\"><span class=\"b\">cd</span></span><span class=\"b\">ef</span>"
        );
    }

    #[test]
    fn file_names_are_safe_and_distinct() {
        let mut taken = Default::default();
        assert_eq!(file_name("a/b c", &mut taken), "a_b_c.html");
        assert_eq!(file_name("a/b?c", &mut taken), "a_b_c-2.html");
    }
}
