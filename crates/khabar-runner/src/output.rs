//! Writing analysed documents: one JSON object per document (pretty `json`, or `jsonl` one a
//! line), spans as byte offsets or, for consumers in Python, char offsets.

use khabar_core::text::CharOffsets;
use khabar_core::{Document, Layers, Meta, SCHEMA};
use serde::Serialize;

/// How documents are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutputOptions {
    /// The format.
    pub format: Format,
    /// Byte or char offsets.
    pub offsets: OffsetUnit,
    /// Whether the document text is included.
    pub text: bool,
}

impl Default for OutputOptions {
    fn default() -> Self {
        OutputOptions { format: Format::Json, offsets: OffsetUnit::Byte, text: true }
    }
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Pretty-printed JSON, one object per document.
    #[default]
    Json,
    /// JSON Lines: one object a line.
    Jsonl,
    /// A self-contained HTML reading view (see [`crate::html`]).
    Html,
}

impl Format {
    /// Valid names.
    pub const NAMES: &'static [&'static str] = &["json", "jsonl", "html"];

    /// Parses a name.
    pub fn parse(name: &str) -> Option<Format> {
        match name {
            "json" => Some(Format::Json),
            "jsonl" => Some(Format::Jsonl),
            "html" => Some(Format::Html),
            _ => None,
        }
    }
}

/// The unit spans are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OffsetUnit {
    /// UTF-8 byte offsets (the model's own).
    #[default]
    Byte,
    /// Unicode scalar offsets, as Python's `str` indexes.
    Char,
}

/// The output object: the contract's field order, the text optional.
#[derive(Serialize)]
struct View<'a> {
    schema: &'static str,
    id: &'a str,
    lang: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    meta: &'a Meta,
    #[serde(flatten)]
    layers: &'a Layers,
}

/// Appends `doc` as JSON (or, for `html`, as a page) to `out`, followed by a newline.
pub fn render(doc: &Document, options: &OutputOptions, out: &mut Vec<u8>) -> serde_json::Result<()> {
    if options.format == Format::Html {
        out.extend_from_slice(crate::html::render_page(doc).as_bytes());
        return Ok(());
    }
    let view = View {
        schema: SCHEMA,
        id: &doc.id,
        lang: &doc.lang,
        text: options.text.then(|| doc.text()),
        meta: &doc.meta,
        layers: &doc.layers,
    };
    match options.offsets {
        OffsetUnit::Byte => write_json(&view, options.format, out)?,
        OffsetUnit::Char => {
            let mut value = serde_json::to_value(&view)?;
            spans_to_chars(&mut value, &CharOffsets::new(doc.text()), false);
            write_json(&value, options.format, out)?;
        }
    }
    out.push(b'\n');
    Ok(())
}

fn write_json<T: Serialize>(value: &T, format: Format, out: &mut Vec<u8>) -> serde_json::Result<()> {
    match format {
        Format::Jsonl => serde_json::to_writer(out, value),
        Format::Json | Format::Html => serde_json::to_writer_pretty(out, value),
    }
}

/// Whether a key holds a span (`span`, `*_span`) or a list of spans (`mentions`): the naming
/// convention of the output contract, which plugin layers follow too.
fn span_key(key: &str) -> Option<bool> {
    if key == "span" || key.ends_with("_span") {
        Some(false)
    } else if key == "mentions" || key.ends_with("_spans") {
        Some(true)
    } else {
        None
    }
}

fn spans_to_chars(value: &mut serde_json::Value, offsets: &CharOffsets, is_span_list: bool) {
    use serde_json::Value;
    match value {
        Value::Array(items) if is_span_list => {
            for item in items {
                convert_span(item, offsets);
            }
        }
        Value::Array(items) => {
            for item in items {
                spans_to_chars(item, offsets, false);
            }
        }
        Value::Object(map) => {
            for (key, item) in map.iter_mut() {
                match span_key(key) {
                    Some(false) => convert_span(item, offsets),
                    Some(true) => spans_to_chars(item, offsets, true),
                    None => spans_to_chars(item, offsets, false),
                }
            }
        }
        _ => {}
    }
}

fn convert_span(value: &mut serde_json::Value, offsets: &CharOffsets) {
    if let serde_json::Value::Array(pair) = value {
        for offset in pair.iter_mut() {
            if let Some(byte) = offset.as_u64() {
                *offset = serde_json::Value::from(offsets.char_offset(byte as usize) as u64);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use khabar_core::{Paragraph, Zone, ZoneKind};

    use super::*;

    fn doc() -> Document {
        let mut doc = Document::new("d", "ar", "عنوان\nنص");
        let zone = Zone { kind: ZoneKind::Body, span: doc.span(11, 15).unwrap(), text: "نص".into() };
        doc.layers.zones = Some(vec![zone]);
        doc.layers.paragraphs = Some(vec![Paragraph { span: doc.span(11, 15).unwrap(), zone: 0 }]);
        doc.layers.plugins.insert("p".into(), serde_json::json!({"hits": [{"span": [0, 10]}], "mentions": [[11, 15]]}));
        doc
    }

    #[test]
    fn writes_the_contract_fields_in_order() {
        let mut out = Vec::new();
        let options = OutputOptions { format: Format::Jsonl, ..OutputOptions::default() };
        render(&doc(), &options, &mut out).unwrap();
        let line = String::from_utf8(out).unwrap();
        assert!(line.starts_with(r#"{"schema":"khabar/1","id":"d","lang":"ar","text":"#), "{line}");
        assert!(line.contains(r#""paragraphs":[{"span":[11,15],"zone":0}]"#), "{line}");
        assert_eq!(line.matches('\n').count(), 1);
    }

    #[test]
    fn converts_every_span_to_chars() {
        let mut out = Vec::new();
        let options = OutputOptions { format: Format::Jsonl, offsets: OffsetUnit::Char, text: false };
        render(&doc(), &options, &mut out).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(value["zones"][0]["span"], serde_json::json!([6, 8]));
        assert_eq!(value["plugins"]["p"]["hits"][0]["span"], serde_json::json!([0, 5]));
        assert_eq!(value["plugins"]["p"]["mentions"][0], serde_json::json!([6, 8]));
        assert!(value.get("text").is_none());
    }
}
