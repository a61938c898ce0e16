use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::span::{Span, SpanError};

/// The schema tag every output document carries.
pub const SCHEMA: &str = "khabar/1";

/// One article: its text (never modified), metadata and the layers analyzers add.
///
/// It serializes as the output contract's object (layers beside `id`, `text`, `meta`), and
/// reads the same shape back (plugins receive documents this way).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(from = "DocumentWire")]
pub struct Document {
    /// The document's identifier (file stem, JSON Lines `id`, ...).
    pub id: String,
    /// ISO 639-1 language code: `ar`, `en`, ...
    pub lang: String,
    text: String,
    /// Document-level metadata.
    #[serde(default)]
    pub meta: Meta,
    /// The typed layers and the plugin layers.
    #[serde(flatten)]
    pub layers: Layers,
    /// The document's position in its run's input order. Corpus-level analyzers key their
    /// index by it; it is not part of the output.
    #[serde(skip)]
    pub seq: u64,
}

/// The document's JSON shape with every layer named, so that reading it needs no buffering
/// (`#[serde(flatten)]` would collect every field first).
#[derive(Deserialize)]
struct DocumentWire {
    id: String,
    lang: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    meta: Meta,
    #[serde(default)]
    zones: Option<Vec<Zone>>,
    #[serde(default)]
    paragraphs: Option<Vec<Paragraph>>,
    #[serde(default)]
    sentences: Option<Vec<Sentence>>,
    #[serde(default)]
    dates: Option<Vec<DateMention>>,
    #[serde(default)]
    speakers: Option<Vec<Speaker>>,
    #[serde(default)]
    quotes: Option<Vec<Quote>>,
    #[serde(default)]
    duplicates: Option<Vec<Duplicate>>,
    #[serde(default)]
    plugins: BTreeMap<String, serde_json::Value>,
}

impl From<DocumentWire> for Document {
    fn from(w: DocumentWire) -> Document {
        Document {
            id: w.id,
            lang: w.lang,
            text: w.text,
            meta: w.meta,
            layers: Layers {
                zones: w.zones,
                paragraphs: w.paragraphs,
                sentences: w.sentences,
                dates: w.dates,
                speakers: w.speakers,
                quotes: w.quotes,
                duplicates: w.duplicates,
                plugins: w.plugins,
            },
            seq: 0,
        }
    }
}

impl Document {
    /// A document with no metadata and no layers.
    pub fn new(id: impl Into<String>, lang: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            lang: lang.into(),
            text: text.into(),
            meta: Meta::default(),
            layers: Layers::default(),
            seq: 0,
        }
    }

    /// The document text, exactly as it was read.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Makes a checked span of this document's text.
    pub fn span(&self, start: usize, end: usize) -> Result<Span, SpanError> {
        Span::new(&self.text, start, end)
    }

    /// Whether the document's language is Arabic.
    pub fn is_arabic(&self) -> bool {
        self.lang == "ar"
    }

    /// A cheap summary of one layer's state, used to check that an analyzer changed only
    /// the layers it declared: `None` when absent, else its length (or 1 for a scalar).
    pub fn layer_state(&self, layer: &Layer) -> Option<usize> {
        let l = &self.layers;
        match layer {
            Layer::Zones => l.zones.as_ref().map(Vec::len),
            Layer::Paragraphs => l.paragraphs.as_ref().map(Vec::len),
            Layer::Sentences => l.sentences.as_ref().map(Vec::len),
            Layer::Dates => l.dates.as_ref().map(Vec::len),
            Layer::Speakers => l.speakers.as_ref().map(Vec::len),
            Layer::Quotes => l.quotes.as_ref().map(Vec::len),
            Layer::Duplicates => l.duplicates.as_ref().map(Vec::len),
            Layer::Title => self.meta.title.as_ref().map(String::len),
            Layer::Source => self.meta.source.as_ref().map(String::len),
            Layer::Published => self.meta.published.as_ref().map(|p| p.value.len()),
            Layer::Plugin(name) => l.plugins.get(name).map(|_| 1),
        }
    }
}

/// Document-level metadata.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// The headline.
    pub title: Option<String>,
    /// When the article was published, and where that was learnt.
    pub published: Option<Published>,
    /// The outlet the article credits ("المصدر: ...").
    pub source: Option<String>,
    /// The article's address, when the input gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A publication date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Published {
    /// ISO 8601 date or date-time (`2024-02-13`, `2018-02-16T21:38:58+04:00`).
    pub value: String,
    /// The text it was read from.
    pub text: String,
    /// Where in the document text it was read, when it was read from the text.
    pub span: Option<Span>,
    /// `input` (given with the document or on the command line) or `text` (found in it).
    pub source: String,
}

/// The layers an analyzer can require and provide.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Layer {
    /// `zones`
    Zones,
    /// `paragraphs`
    Paragraphs,
    /// `sentences`
    Sentences,
    /// `dates`
    Dates,
    /// `speakers`
    Speakers,
    /// `quotes`
    Quotes,
    /// `duplicates`
    Duplicates,
    /// `meta.title`
    Title,
    /// `meta.source`
    Source,
    /// `meta.published`
    Published,
    /// `plugins.<name>`: a plugin analyzer's JSON layer.
    Plugin(String),
}

impl Layer {
    /// Every typed layer, in output order.
    pub const TYPED: [Layer; 10] = [
        Layer::Zones,
        Layer::Paragraphs,
        Layer::Sentences,
        Layer::Dates,
        Layer::Speakers,
        Layer::Quotes,
        Layer::Duplicates,
        Layer::Title,
        Layer::Source,
        Layer::Published,
    ];

    /// The layer's name as configs and `khabar analyzers` spell it.
    pub fn name(&self) -> String {
        match self {
            Layer::Zones => "zones".into(),
            Layer::Paragraphs => "paragraphs".into(),
            Layer::Sentences => "sentences".into(),
            Layer::Dates => "dates".into(),
            Layer::Speakers => "speakers".into(),
            Layer::Quotes => "quotes".into(),
            Layer::Duplicates => "duplicates".into(),
            Layer::Title => "meta.title".into(),
            Layer::Source => "meta.source".into(),
            Layer::Published => "meta.published".into(),
            Layer::Plugin(name) => format!("plugins.{name}"),
        }
    }

    /// Parses a layer name; `None` for an unknown one.
    pub fn parse(name: &str) -> Option<Layer> {
        if let Some(plugin) = name.strip_prefix("plugins.") {
            return (!plugin.is_empty()).then(|| Layer::Plugin(plugin.to_owned()));
        }
        Layer::TYPED.into_iter().find(|layer| layer.name() == name)
    }
}

impl std::fmt::Display for Layer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name())
    }
}

/// The typed layers (absent until an analyzer provides them) and the plugin layers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Layers {
    /// Parts of the page: title, dateline, body, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zones: Option<Vec<Zone>>,
    /// Paragraphs, each in one zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraphs: Option<Vec<Paragraph>>,
    /// Sentences, each in one paragraph.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentences: Option<Vec<Sentence>>,
    /// Date and time expressions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dates: Option<Vec<DateMention>>,
    /// People, organizations and documents that are quoted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speakers: Option<Vec<Speaker>>,
    /// Direct and reported speech.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quotes: Option<Vec<Quote>>,
    /// Paragraphs that repeat each other.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicates: Option<Vec<Duplicate>>,
    /// Plugin layers by analyzer name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub plugins: BTreeMap<String, serde_json::Value>,
}

/// What part of the page a zone is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ZoneKind {
    /// The headline.
    Title,
    /// A publication-date line or an agency dateline.
    Dateline,
    /// The author or desk credit.
    Byline,
    /// The story.
    Body,
    /// The credited outlet ("المصدر: ...").
    Source,
    /// Tags.
    Keywords,
    /// Links to other articles and their teasers.
    Related,
    /// Share buttons, trailers, copyright, separators.
    Boilerplate,
}

impl ZoneKind {
    /// The kind's name in the output.
    pub fn as_str(self) -> &'static str {
        match self {
            ZoneKind::Title => "title",
            ZoneKind::Dateline => "dateline",
            ZoneKind::Byline => "byline",
            ZoneKind::Body => "body",
            ZoneKind::Source => "source",
            ZoneKind::Keywords => "keywords",
            ZoneKind::Related => "related",
            ZoneKind::Boilerplate => "boilerplate",
        }
    }
}

/// A stretch of the page with one role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Zone {
    /// The zone's role.
    pub kind: ZoneKind,
    /// Where it is.
    pub span: Span,
    /// The covered text.
    pub text: String,
}

/// A paragraph: a non-empty line or blank-line separated block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Where it is (trimmed of surrounding white space).
    pub span: Span,
    /// Index into `zones`.
    pub zone: usize,
}

/// A sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// Where it is.
    pub span: Span,
    /// Index into `paragraphs`.
    pub paragraph: usize,
}

/// A date or time expression and its resolved value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    /// Where it is.
    pub span: Span,
    /// The covered text.
    pub text: String,
    /// ISO 8601 value, or `None` when it cannot be resolved.
    pub value: Option<String>,
    /// `day`, `month`, `year`, `week`, `quarter`, `decade`, `minute`, ...
    pub grain: String,
    /// `absolute`, `relative`, `range`, `duration`, `time`.
    pub kind: String,
    /// What a relative value was resolved against: `published`, `none`, ...
    pub anchor: String,
    /// `gregorian` or `hijri`.
    pub calendar: String,
    /// How a year-less date got its year: `tense`, `nearest`, `past`, `future`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year_from: Option<String>,
    /// Why the value is null, when it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unresolved: Option<String>,
    /// The rule that read the expression and chose its value, for users who ask why.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rule: String,
}

/// Someone or something that is quoted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// Identifier quotes refer to.
    pub id: String,
    /// The fullest name found.
    pub name: String,
    /// Other names for the same speaker.
    pub aliases: Vec<String>,
    /// The apposition: "وزير الخارجية الروسي".
    pub role: Option<String>,
    /// `person`, `organization` or `document`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Every mention.
    pub mentions: Vec<Span>,
}

/// Direct, indirect or mixed speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// In quotation marks.
    Direct,
    /// Reported speech.
    Indirect,
    /// Reported speech with a quoted part.
    Mixed,
}

/// The reporting verb or phrase of a quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cue {
    /// The covered text.
    pub text: String,
    /// Where it is.
    pub span: Span,
}

/// A quote and who said it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// The quoted content.
    pub span: Span,
    /// The covered text.
    pub text: String,
    /// The speaker's id, when known.
    pub speaker: Option<String>,
    /// The mention of the speaker this quote is attributed through.
    pub speaker_span: Option<Span>,
    /// The reporting verb or phrase.
    pub cue: Option<Cue>,
    /// 0 to 1.
    pub confidence: f32,
}

/// Which kind of repetition a duplicate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DuplicateKind {
    /// Equal after normalization.
    Exact,
    /// A copy with small edits.
    Near,
    /// The same statement in other words.
    Restatement,
}

/// A paragraph of another document that a paragraph repeats.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorpusMatch {
    /// The other document's id.
    pub document: String,
    /// The paragraph's index in that document.
    pub paragraph: usize,
}

/// Paragraphs that repeat each other.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Duplicate {
    /// Exact, near or restatement.
    pub kind: DuplicateKind,
    /// Paragraph indexes of this document.
    pub paragraphs: Vec<usize>,
    /// 0 to 1.
    pub similarity: f32,
    /// In corpus scope: the paragraphs of other documents they repeat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matches: Option<Vec<CorpusMatch>>,
    /// In corpus scope: the paragraph recurs in so many documents that it is page furniture.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub boilerplate: bool,
}
