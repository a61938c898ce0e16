//! khabar's core: the document model every analyzer reads and writes, and the frame they
//! plug into.
//!
//! - [`Document`]: id, language, the text (never modified), [`Meta`], and typed [`Layers`]
//!   (zones, paragraphs, sentences, dates, speakers, quotes, duplicates) plus plugin layers
//!   as JSON values.
//! - [`Span`]: a half-open byte range into the text, checked to be on char boundaries.
//! - [`Analyzer`]: declares what it requires and provides and annotates one document;
//!   [`CorpusAnalyzer`] adds an observation pass for corpus-level work.
//! - [`Registry`] of [`AnalyzerSpec`]s: names to factories that build analyzers from
//!   [`Options`], a neutral JSON value read with [`parse_options`].
//! - [`text`]: Arabic-aware normalization for matching, with offsets mapped back.
//! - [`review`]: a plain-text view of the layers, each span with its covered text, for
//!   snapshot tests.
//!
//! This crate is what analyzer and plugin authors write against; it stays small and light.
//!
//! ```
//! use khabar_core::{Analyzer, AnalyzeError, Document, Layer};
//!
//! struct Shouting;
//!
//! impl Analyzer for Shouting {
//!     fn name(&self) -> &str { "shouting" }
//!     fn requires(&self) -> &[Layer] { &[] }
//!     fn provides(&self) -> &[Layer] { &[Layer::Title] }
//!     fn analyze(&self, doc: &mut Document) -> Result<(), AnalyzeError> {
//!         let first = doc.text().lines().next().unwrap_or("").to_uppercase();
//!         doc.meta.title = Some(first);
//!         Ok(())
//!     }
//! }
//!
//! let mut doc = Document::new("d1", "en", "Breaking news\nBody.");
//! Shouting.analyze(&mut doc).unwrap();
//! assert_eq!(doc.meta.title.as_deref(), Some("BREAKING NEWS"));
//! ```

#![deny(missing_docs)]

mod analyzer;
mod document;
mod options;
mod registry;
mod review;
mod span;
pub mod text;

pub use analyzer::{AnalyzeError, Analyzer, CorpusAnalyzer};
pub use document::{
    CorpusMatch, Cue, DateMention, Document, Duplicate, DuplicateKind, Layer, Layers, Meta, Paragraph, Published,
    Quote, QuoteKind, SCHEMA, Sentence, Speaker, Zone, ZoneKind,
};
pub use options::{OptionDoc, Options, OptionsError, describe_options, parse_options};
pub use registry::{AnalyzerSpec, DuplicateAnalyzer, Factory, Registry, SpecSummary};
pub use review::review;
pub use span::{Span, SpanError};
