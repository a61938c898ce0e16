//! Inputs: `.txt` files (one document each), JSON Lines files (one document a line),
//! directories (walked recursively, in name order) and `-` for standard input.
//!
//! Reading streams: a JSON Lines file is read a line at a time, so memory stays bounded by
//! the longest line (itself bounded by `max_document_bytes`) whatever the file's size. Every
//! problem is an [`InputError`] naming its place (file, or file and line), and reading goes
//! on with the next document.

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};

/// How JSON Lines records name their fields, and the document size limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputOptions {
    /// Field holding the document id (absent: `<file>:<line>`).
    pub id: String,
    /// Field holding the text (required).
    pub text: String,
    /// Field holding the publication date.
    pub published: String,
    /// Field holding the language code.
    pub lang: String,
    /// Field holding the article's address.
    pub url: String,
    /// Field holding the headline.
    pub title: String,
    /// Documents larger than this are reported and skipped.
    pub max_document_bytes: u64,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            id: "id".into(),
            text: "text".into(),
            published: "published".into(),
            lang: "lang".into(),
            url: "url".into(),
            title: "title".into(),
            max_document_bytes: 64 << 20,
        }
    }
}

impl InputOptions {
    /// The `[input]` keys that rename a JSON Lines field.
    pub const FIELD_KEYS: [&'static str; 6] = ["id", "text", "published", "lang", "url", "title"];

    /// Sets the field name for one of [`InputOptions::FIELD_KEYS`].
    pub fn set_field(&mut self, key: &str, name: &str) {
        let slot = match key {
            "id" => &mut self.id,
            "text" => &mut self.text,
            "published" => &mut self.published,
            "lang" => &mut self.lang,
            "url" => &mut self.url,
            "title" => &mut self.title,
            _ => return,
        };
        *slot = name.to_owned();
    }
}

/// Where a document came from, for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The file as the user named it (`-` for standard input).
    pub file: String,
    /// The 1-based line, for JSON Lines.
    pub line: Option<u64>,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.file),
            None => f.write_str(&self.file),
        }
    }
}

/// A document that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{place}: {message}")]
pub struct InputError {
    /// Where.
    pub place: Place,
    /// What is wrong.
    pub message: String,
}

/// A document as read, before analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawDocument {
    /// Where it came from.
    pub place: Place,
    /// Its id.
    pub id: String,
    /// Its text.
    pub text: String,
    /// Publication date as the input wrote it.
    pub published: Option<String>,
    /// Language code, when given.
    pub lang: Option<String>,
    /// Address, when given.
    pub url: Option<String>,
    /// Headline, when given.
    pub title: Option<String>,
    /// Bytes of input it took (for progress and the summary).
    pub bytes: u64,
}

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A text file: one document.
    Text {
        /// The file.
        path: PathBuf,
        /// The document id.
        id: String,
    },
    /// A JSON Lines file.
    Jsonl {
        /// The file.
        path: PathBuf,
    },
    /// Standard input (`path: None`) or a spooled copy of it: JSON Lines when it starts
    /// with `{`, else one text document.
    Stream {
        /// The spooled copy, if any.
        path: Option<PathBuf>,
    },
}

impl Source {
    /// Size in bytes when known (for the progress bar).
    pub fn size(&self) -> Option<u64> {
        match self {
            Source::Text { path, .. } | Source::Jsonl { path } => std::fs::metadata(path).ok().map(|m| m.len()),
            Source::Stream { path } => path.as_ref().and_then(|p| std::fs::metadata(p).ok()).map(|m| m.len()),
        }
    }
}

fn is_jsonl(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("jsonl" | "ndjson"))
}

/// Turns command-line inputs into sources: directories are walked (sorted, `.txt` and
/// `.jsonl` files only); other files are JSON Lines by extension and text otherwise.
pub fn collect_sources(args: &[PathBuf]) -> (Vec<Source>, Vec<InputError>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for arg in args {
        let place = || Place { file: arg.display().to_string(), line: None };
        if arg.as_os_str() == "-" {
            sources.push(Source::Stream { path: None });
        } else if arg.is_dir() {
            let walk = walkdir::WalkDir::new(arg).sort_by_file_name().follow_links(true);
            for entry in walk {
                match entry {
                    Ok(entry) if entry.file_type().is_file() => {
                        let path = entry.path();
                        let relative = path.strip_prefix(arg).unwrap_or(path);
                        match path.extension().and_then(|e| e.to_str()) {
                            Some("txt") => sources.push(Source::Text { path: path.to_owned(), id: text_id(relative) }),
                            _ if is_jsonl(path) => sources.push(Source::Jsonl { path: path.to_owned() }),
                            _ => {}
                        }
                    }
                    Ok(_) => {}
                    Err(err) => errors.push(InputError { place: place(), message: err.to_string() }),
                }
            }
        } else if arg.is_file() {
            if is_jsonl(arg) {
                sources.push(Source::Jsonl { path: arg.clone() });
            } else {
                let name = arg.file_name().map(Path::new).unwrap_or(arg);
                sources.push(Source::Text { path: arg.clone(), id: text_id(name) });
            }
        } else {
            let message = match std::fs::metadata(arg) {
                Err(err) => format!("cannot read: {err}"),
                Ok(_) => "not a file or directory".to_owned(),
            };
            errors.push(InputError { place: place(), message });
        }
    }
    (sources, errors)
}

/// A text file's id: its path below the input root, without extension, `/`-separated.
fn text_id(relative: &Path) -> String {
    let stem = relative.with_extension("");
    stem.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// Reads documents from sources, one at a time, in order.
pub struct DocumentReader {
    sources: std::vec::IntoIter<Source>,
    options: InputOptions,
    current: Option<Lines>,
}

/// An open JSON Lines stream.
struct Lines {
    reader: Box<dyn BufRead + Send>,
    name: String,
    stem: String,
    line: u64,
    buf: Vec<u8>,
}

impl DocumentReader {
    /// A reader over `sources`.
    pub fn new(sources: Vec<Source>, options: InputOptions) -> DocumentReader {
        DocumentReader { sources: sources.into_iter(), options, current: None }
    }

    /// A reader of one JSON Lines stream named `name` (benches and embedding programs).
    pub fn jsonl(reader: Box<dyn BufRead + Send>, name: &str, options: InputOptions) -> DocumentReader {
        let current = Some(Lines::new(reader, name.to_owned(), name.to_owned()));
        DocumentReader { sources: Vec::new().into_iter(), options, current }
    }

    fn open(&mut self, source: Source) -> Option<Result<RawDocument, InputError>> {
        match source {
            Source::Text { path, id } => Some(read_text_file(&path, id, &self.options)),
            Source::Jsonl { path } => {
                let name = path.display().to_string();
                match File::open(&path) {
                    Ok(file) => {
                        let stem = path.file_stem().map_or_else(|| name.clone(), |s| s.to_string_lossy().into_owned());
                        self.current = Some(Lines::new(Box::new(BufReader::with_capacity(1 << 16, file)), name, stem));
                        None
                    }
                    Err(err) => Some(Err(InputError {
                        place: Place { file: name, line: None },
                        message: format!("cannot open: {err}"),
                    })),
                }
            }
            Source::Stream { path } => {
                let opened: io::Result<Box<dyn BufRead + Send>> = match &path {
                    None => Ok(Box::new(BufReader::with_capacity(1 << 16, io::stdin()))),
                    Some(path) => File::open(path)
                        .map(|f| Box::new(BufReader::with_capacity(1 << 16, f)) as Box<dyn BufRead + Send>),
                };
                let place = Place { file: "-".into(), line: None };
                let mut reader = match opened {
                    Ok(reader) => reader,
                    Err(err) => return Some(Err(InputError { place, message: format!("cannot read: {err}") })),
                };
                match starts_with_brace(&mut reader) {
                    Ok(true) => {
                        self.current = Some(Lines::new(reader, "-".into(), "stdin".into()));
                        None
                    }
                    Ok(false) => Some(read_text_stream(reader, place, "stdin".into(), &self.options)),
                    Err(err) => Some(Err(InputError { place, message: format!("cannot read: {err}") })),
                }
            }
        }
    }
}

impl Iterator for DocumentReader {
    type Item = Result<RawDocument, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(lines) = &mut self.current {
                match lines.next_document(&self.options) {
                    Some(item) => return Some(item),
                    None => self.current = None,
                }
            }
            let source = self.sources.next()?;
            if let Some(item) = self.open(source) {
                return Some(item);
            }
        }
    }
}

/// Whether a stream's first non-blank byte (within the first buffer) is `{`.
fn starts_with_brace(reader: &mut Box<dyn BufRead + Send>) -> io::Result<bool> {
    let buf = reader.fill_buf()?;
    Ok(buf.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'))
}

fn read_text_file(path: &Path, id: String, options: &InputOptions) -> Result<RawDocument, InputError> {
    let place = Place { file: path.display().to_string(), line: None };
    let file =
        File::open(path).map_err(|err| InputError { place: place.clone(), message: format!("cannot open: {err}") })?;
    read_text_stream(Box::new(BufReader::new(file)), place, id, options)
}

fn read_text_stream(
    reader: Box<dyn BufRead + Send>,
    place: Place,
    id: String,
    options: &InputOptions,
) -> Result<RawDocument, InputError> {
    let limit = options.max_document_bytes;
    let mut bytes = Vec::new();
    let read = reader
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| InputError { place: place.clone(), message: format!("cannot read: {err}") })?;
    if read as u64 > limit {
        let message = format!("document is larger than max_document_bytes ({limit} bytes); skipped");
        return Err(InputError { place, message });
    }
    let text = text_from_bytes(bytes).map_err(|message| InputError { place: place.clone(), message })?;
    Ok(RawDocument { place, id, text, published: None, lang: None, url: None, title: None, bytes: read as u64 })
}

/// UTF-8 text from bytes, or why not: the offset of the first invalid sequence, or of the
/// NUL byte that marks a binary file.
fn text_from_bytes(bytes: Vec<u8>) -> Result<String, String> {
    let text = String::from_utf8(bytes).map_err(|err| {
        let at = err.utf8_error().valid_up_to();
        format!("not valid UTF-8: invalid byte sequence at byte offset {at}")
    })?;
    if let Some(at) = memchr::memchr(0, text.as_bytes()) {
        return Err(format!("binary file: NUL byte at byte offset {at}"));
    }
    Ok(text)
}

enum LineRead {
    Eof,
    Line,
    TooLong(u64),
}

impl Lines {
    fn new(reader: Box<dyn BufRead + Send>, name: String, stem: String) -> Lines {
        Lines { reader, name, stem, line: 0, buf: Vec::new() }
    }

    fn next_document(&mut self, options: &InputOptions) -> Option<Result<RawDocument, InputError>> {
        loop {
            self.line += 1;
            let place = Place { file: self.name.clone(), line: Some(self.line) };
            let read = match read_line(&mut self.reader, &mut self.buf, options.max_document_bytes) {
                Ok(read) => read,
                Err(err) => return Some(Err(InputError { place, message: format!("cannot read: {err}") })),
            };
            match read {
                LineRead::Eof => return None,
                LineRead::TooLong(len) => {
                    let message = format!(
                        "line of {len} bytes is larger than max_document_bytes ({} bytes); skipped",
                        options.max_document_bytes
                    );
                    return Some(Err(InputError { place, message }));
                }
                LineRead::Line if self.buf.iter().all(u8::is_ascii_whitespace) => continue,
                LineRead::Line => {
                    let bytes = self.buf.len() as u64 + 1;
                    return Some(parse_record(&self.buf, place, &self.stem, options, bytes));
                }
            }
        }
    }
}

/// Reads one line (without its `\n` or `\r\n`) into `buf`, keeping at most `limit` bytes:
/// a longer line is consumed and reported, never held in memory.
fn read_line(reader: &mut Box<dyn BufRead + Send>, buf: &mut Vec<u8>, limit: u64) -> io::Result<LineRead> {
    buf.clear();
    let mut total: u64 = 0;
    let mut any = false;
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            break;
        }
        any = true;
        let (chunk, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (&available[..i], i + 1),
            None => (available, available.len()),
        };
        total += chunk.len() as u64;
        if total <= limit {
            buf.extend_from_slice(chunk);
        }
        let found = done > chunk.len();
        reader.consume(done);
        if found {
            break;
        }
    }
    if !any {
        return Ok(LineRead::Eof);
    }
    if total > limit {
        buf.clear();
        return Ok(LineRead::TooLong(total));
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(LineRead::Line)
}

fn parse_record(
    line: &[u8],
    place: Place,
    stem: &str,
    options: &InputOptions,
    bytes: u64,
) -> Result<RawDocument, InputError> {
    let error = |message: String| InputError { place: place.clone(), message };
    let mut de = serde_json::Deserializer::from_slice(line);
    let record = RecordSeed { options }
        .deserialize(&mut de)
        .and_then(|record| de.end().map(|()| record))
        .map_err(|err| error(format!("invalid JSON Lines record: {err}")))?;
    let text = record.text.ok_or_else(|| error(format!("missing field `{}` (the document text)", options.text)))?;
    if text.contains('\0') {
        return Err(error(format!("field `{}` contains a NUL character", options.text)));
    }
    if text.len() as u64 > options.max_document_bytes {
        return Err(error(format!(
            "document is larger than max_document_bytes ({} bytes); skipped",
            options.max_document_bytes
        )));
    }
    let id = record.id.unwrap_or_else(|| format!("{stem}:{}", place.line.unwrap_or(0)));
    Ok(RawDocument {
        place,
        id,
        text,
        published: record.published,
        lang: record.lang,
        url: record.url,
        title: record.title,
        bytes,
    })
}

/// The fields of one record; others are skipped without being built.
#[derive(Default)]
struct Record {
    id: Option<String>,
    text: Option<String>,
    published: Option<String>,
    lang: Option<String>,
    url: Option<String>,
    title: Option<String>,
}

#[derive(Clone, Copy)]
enum Field {
    Id,
    Text,
    Published,
    Lang,
    Url,
    Title,
    Other,
}

struct RecordSeed<'a> {
    options: &'a InputOptions,
}

impl<'de> DeserializeSeed<'de> for RecordSeed<'_> {
    type Value = Record;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Record, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for RecordSeed<'_> {
    type Value = Record;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Record, A::Error> {
        let mut record = Record::default();
        while let Some(field) = map.next_key_seed(KeySeed { options: self.options })? {
            let slot = match field {
                Field::Id => {
                    record.id = map.next_value::<Option<Scalar>>()?.map(|s| s.0);
                    continue;
                }
                Field::Text => &mut record.text,
                Field::Published => &mut record.published,
                Field::Lang => &mut record.lang,
                Field::Url => &mut record.url,
                Field::Title => &mut record.title,
                Field::Other => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            *slot = map.next_value::<Option<String>>()?;
        }
        Ok(record)
    }
}

struct KeySeed<'a> {
    options: &'a InputOptions,
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = Field;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Field, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for KeySeed<'_> {
    type Value = Field;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Field, E> {
        let o = self.options;
        Ok(if key == o.text {
            Field::Text
        } else if key == o.id {
            Field::Id
        } else if key == o.published {
            Field::Published
        } else if key == o.lang {
            Field::Lang
        } else if key == o.url {
            Field::Url
        } else if key == o.title {
            Field::Title
        } else {
            Field::Other
        })
    }
}

/// An id: a string, or a number written as text.
struct Scalar(String);

impl<'de> serde::Deserialize<'de> for Scalar {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ScalarVisitor;
        impl Visitor<'_> for ScalarVisitor {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or a number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Scalar, E> {
                Ok(Scalar(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
        }
        deserializer.deserialize_any(ScalarVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(data: &str, options: &InputOptions) -> Vec<Result<RawDocument, InputError>> {
        let mut lines = Lines::new(Box::new(io::Cursor::new(data.as_bytes().to_vec())), "c.jsonl".into(), "c".into());
        std::iter::from_fn(|| lines.next_document(options)).collect()
    }

    #[test]
    fn reads_records_and_reports_bad_lines() {
        let data = "{\"id\": 7, \"text\": \"نص\", \"extra\": [1, {\"a\": 2}]}\n\n{\"text\": \"b\"\r\n{broken\n{\"id\": \"x\"}\n";
        let items = read_all(data, &InputOptions::default());
        assert_eq!(items.len(), 4);
        let first = items[0].as_ref().unwrap();
        assert_eq!((first.id.as_str(), first.text.as_str()), ("7", "نص"));
        assert_eq!(items[1].as_ref().unwrap_err().place.line, Some(3));
        assert_eq!(items[2].as_ref().unwrap_err().place.to_string(), "c.jsonl:4");
        let missing = items[3].as_ref().unwrap_err();
        assert!(missing.message.contains("missing field `text`"), "{missing}");
    }

    #[test]
    fn renamed_fields_and_default_ids() {
        let mut options = InputOptions::default();
        options.set_field("published", "time");
        options.set_field("text", "body");
        let items = read_all("{\"body\": \"t\", \"time\": \"2024-02-13\"}\n", &options);
        let doc = items[0].as_ref().unwrap();
        assert_eq!(doc.published.as_deref(), Some("2024-02-13"));
        assert_eq!(doc.id, "c:1");
    }

    #[test]
    fn long_lines_are_skipped_not_held() {
        let options = InputOptions { max_document_bytes: 16, ..InputOptions::default() };
        let long = format!("{{\"text\": \"{}\"}}\n{{\"text\": \"ok\"}}\n", "x".repeat(100));
        let items = read_all(&long, &options);
        assert!(items[0].as_ref().unwrap_err().message.contains("larger than max_document_bytes"));
        assert_eq!(items[1].as_ref().unwrap().text, "ok");
    }

    #[test]
    fn reports_invalid_utf8_offset_and_binary() {
        let err = text_from_bytes(b"ab\xffcd".to_vec()).unwrap_err();
        assert!(err.contains("byte offset 2"), "{err}");
        let err = text_from_bytes(b"ab\0".to_vec()).unwrap_err();
        assert!(err.contains("NUL byte at byte offset 2"), "{err}");
    }
}
