//! `segment`: the zones, paragraphs and sentences of a scraped news article.
//!
//! Scraped articles arrive as text with the page's furniture around the story. This analyzer
//! tells them apart, so that later analyzers (and users) know what is the story:
//!
//! - **paragraphs**: one per non-empty line (`\n`, `\r\n`, `\r`, U+2028/9), or one per
//!   blank-line separated block when the block is hard-wrapped; trimmed of white space and
//!   invisible marks.
//! - **zones**: each paragraph is a `title`, `dateline`, `byline`, `body`, `source`,
//!   `keywords`, `related` or `boilerplate` paragraph, and runs of one kind form a zone. Cue
//!   phrases decide first ("تاريخ النشر", "المصدر:", "كلمات دلالية:", "اقرأ أيضاً", "Tags:",
//!   "// انتهى //", ...: see `lexicon.rs`), matched after the core folding, so spelling
//!   variants (hamza, alef forms, tanween, Persian letters, case) match one entry. Then
//!   layout: before the story, short date-bearing lines are datelines (agency datelines such
//!   as "الرياض 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس" included) and the first
//!   headline-like line is the title; after it, time stamps are trailers.
//! - **sentences**: see the rules of `sentences.rs`: terminal marks with the closing quotes
//!   that follow, not after abbreviations, initials or list numbers, never inside decimals,
//!   URLs or e-mail addresses.
//! - `meta.title` (the title zone, unless the input gave one) and `meta.source` (the outlet
//!   named on the source line).
//!
//! Limits: a standalone "related" header takes every line after it up to the next cue line
//! or the end of the text, so a related block in the middle of a one-paragraph-a-line story
//! swallows the story's rest; datelines written inside the first body paragraph
//! ("NEW YORK, Feb 26 (Reuters) - ...") stay in the body.
//!
//! ```
//! use khabar_core::{Analyzer, Document};
//!
//! let segment = khabar_segment::Segment::new(Default::default());
//! let mut doc = Document::new("d", "ar", "عنوان الخبر هنا\nقال الوزير. وأضاف أنه راض.\nالمصدر: وكالة الأنباء");
//! segment.analyze(&mut doc).unwrap();
//! let zones = doc.layers.zones.as_ref().unwrap();
//! assert_eq!(zones.len(), 3);
//! assert_eq!(doc.layers.sentences.as_ref().unwrap().len(), 4);
//! assert_eq!(doc.meta.source.as_deref(), Some("وكالة الأنباء"));
//! ```

mod lexicon;
mod paragraphs;
mod sentences;
mod zones;

use std::sync::Arc;

use khabar_core::{
    AnalyzeError, Analyzer, AnalyzerSpec, Document, Layer, Paragraph, Sentence, Zone, ZoneKind, describe_options,
    parse_options,
};
use serde::{Deserialize, Serialize};

use crate::lexicon::{ABBREVIATIONS, Placement};
use crate::sentences::Abbreviations;
use crate::zones::CueMatcher;

/// The analyzer's name in configs.
pub const NAME: &str = "segment";

/// Options of `segment` (`[analyzers.segment]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SegmentOptions {
    /// Extra cue phrases per zone kind, matched at the start of a line after folding.
    pub cues: ExtraCues,
    /// Extra abbreviations a period does not end ("Gov", "م.ع").
    pub abbreviations: Vec<String>,
    /// Whether the first headline-like line is taken as the title.
    pub title: bool,
    /// The most words a title may have (at most 60).
    pub title_max_words: usize,
}

impl Default for SegmentOptions {
    fn default() -> Self {
        SegmentOptions { cues: ExtraCues::default(), abbreviations: Vec::new(), title: true, title_max_words: 25 }
    }
}

/// Extra cue phrases, by the zone they mark (`[analyzers.segment.cues]`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ExtraCues {
    /// Publication-date line openers.
    pub dateline: Vec<String>,
    /// Author or desk credit openers.
    pub byline: Vec<String>,
    /// Source line openers ("المصدر").
    pub source: Vec<String>,
    /// Tag line openers.
    pub keywords: Vec<String>,
    /// Related-article block openers.
    pub related: Vec<String>,
    /// Furniture line openers.
    pub boilerplate: Vec<String>,
}

impl ExtraCues {
    fn matchers(&self) -> Vec<CueMatcher> {
        let groups = [
            (ZoneKind::Dateline, &self.dateline, 15),
            (ZoneKind::Byline, &self.byline, 8),
            (ZoneKind::Source, &self.source, 12),
            (ZoneKind::Keywords, &self.keywords, 0),
            (ZoneKind::Related, &self.related, 0),
            (ZoneKind::Boilerplate, &self.boilerplate, 12),
        ];
        groups
            .into_iter()
            .flat_map(|(zone, phrases, max_words)| {
                phrases.iter().map(move |phrase| CueMatcher::new(zone, Placement::Prefix, max_words, phrase))
            })
            .collect()
    }
}

/// The `segment` analyzer.
pub struct Segment {
    matchers: Vec<CueMatcher>,
    abbreviations: Abbreviations,
    title_max_words: usize,
}

const PROVIDES: &[Layer] = &[Layer::Zones, Layer::Paragraphs, Layer::Sentences, Layer::Title, Layer::Source];

impl Segment {
    /// Builds the analyzer; user cues are tried before the built-in ones.
    pub fn new(options: SegmentOptions) -> Segment {
        let mut matchers = options.cues.matchers();
        matchers.extend(CueMatcher::builtin());
        let abbreviations =
            Abbreviations::new(ABBREVIATIONS.iter().copied().chain(options.abbreviations.iter().map(String::as_str)));
        let title_max_words = if options.title { options.title_max_words.min(60) } else { 0 };
        Segment { matchers, abbreviations, title_max_words }
    }
}

impl Analyzer for Segment {
    fn name(&self) -> &str {
        NAME
    }

    fn requires(&self) -> &[Layer] {
        &[]
    }

    fn provides(&self) -> &[Layer] {
        PROVIDES
    }

    fn analyze(&self, doc: &mut Document) -> Result<(), AnalyzeError> {
        let text = doc.text();
        let units = paragraphs::units(text);
        let zoning = zones::zone(text, &units, &self.matchers, self.title_max_words);

        let mut zone_list: Vec<Zone> = Vec::new();
        let mut paragraph_list = Vec::with_capacity(units.len());
        let mut sentence_list = Vec::new();
        let mut ranges = Vec::new();
        for (index, (unit, &kind)) in units.iter().zip(&zoning.kinds).enumerate() {
            match zone_list.last_mut() {
                Some(zone) if zone.kind == kind => zone.span = doc.span(zone.span.start(), unit.span.end())?,
                _ => zone_list.push(Zone { kind, span: unit.span, text: String::new() }),
            }
            paragraph_list.push(Paragraph { span: unit.span, zone: zone_list.len() - 1 });
            ranges.clear();
            sentences::split(text, unit.span.start(), unit.span.end(), &self.abbreviations, &mut ranges);
            for &(start, end) in &ranges {
                sentence_list.push(Sentence { span: doc.span(start, end)?, paragraph: index });
            }
        }
        for zone in &mut zone_list {
            zone.text = zone.span.of(text).to_owned();
        }
        let title = zone_list.iter().find(|z| z.kind == ZoneKind::Title).map(|z| z.text.clone());
        let source = zoning.source.map(|span| span.of(text).to_owned());

        if doc.meta.title.is_none() {
            doc.meta.title = title;
        }
        if source.is_some() {
            doc.meta.source = source;
        }
        doc.layers.zones = Some(zone_list);
        doc.layers.paragraphs = Some(paragraph_list);
        doc.layers.sentences = Some(sentence_list);
        Ok(())
    }
}

/// The registry entry for `segment`.
pub fn spec() -> AnalyzerSpec {
    AnalyzerSpec {
        name: NAME.into(),
        summary: "zones (title, dateline, byline, body, source, keywords, related, boilerplate), paragraphs, sentences"
            .into(),
        requires: Vec::new(),
        provides: PROVIDES.to_vec(),
        options: describe_options::<SegmentOptions>(&[
            ("cues", "extra cue phrases by zone: dateline, byline, source, keywords, related, boilerplate"),
            ("abbreviations", "extra abbreviations a period does not end"),
            ("title", "take the first headline-like line as the title"),
            ("title_max_words", "the most words a title may have"),
        ]),
        origin: "built-in".into(),
        factory: Arc::new(|options| Ok(Box::new(Segment::new(parse_options(options)?)))),
    }
}

#[cfg(test)]
mod tests;
