//! `dedup`: paragraphs that repeat each other.
//!
//! Kinds:
//! - `exact`: equal after normalization (the core folding: diacritics, tatweel, hamza and alef
//!   forms, teh marbuta, Persian letters, digits, case; then punctuation and spacing dropped);
//! - `near`: copies with small edits: Jaccard similarity of character 5-gram shingles at or
//!   above `near_threshold` (0.8). In a document, the similarity is computed exactly for every
//!   pair; across a corpus, MinHash signatures (`minhash_size` values) are bucketed by LSH
//!   bands (`bands` × rows) and candidates are verified on their whole signatures;
//! - `restatement`: the same statement in other words: some sentence of each paragraph (each
//!   with at least five content words) shares enough content words (light stems, stop words and
//!   reporting verbs removed, weighted by rarity among the article's paragraphs, the headline's
//!   words weighing a fifth) to reach `restatement_threshold` (0.15). It catches one fact said
//!   twice with the same key words in another order or inflection. It cannot see synonyms or a
//!   paraphrase that changes the words, it confuses parallel sentences about different things
//!   ("oil revenue rose 2%" / "non-oil revenue rose 63%"), and it is computed among the body
//!   paragraphs of one document only. On the fixture article, lines 5-7 score 0.21 and 6-7
//!   0.155 (found), the next pair 0.143 (lines 4 and 17, which only share the conference's
//!   name): a thin margin. In a sample of 8 bench-corpus pairs scoring 0.15-0.25, 3 were
//!   restatements and 5 parallel sentences (two statistics, two events of one story): raise the
//!   threshold for precision.
//!
//! Scope: `document` (default) compares one article's paragraphs, all zones (a repeated tags line
//! shows too). `corpus` also compares every paragraph of every document of the run, using the
//! runner's observation pass: fingerprints only are kept (an exact hash and a MinHash signature
//! per paragraph), never the text. A paragraph found in at least `boilerplate_documents`
//! documents is marked `boilerplate`. With `index_out` the corpus index is written to a file;
//! with `index_in` a previous index is read first, so a daily crawl is compared with the archive
//! (its documents are matched, not annotated). Paragraphs shorter than `min_chars` (after
//! normalization) are not compared.
//!
//! Cost: one signature is 1 KB (256 × u32), so memory grows with the number of paragraphs
//! (about 1.6 KB each with the rest of the index). An LSH bucket holding a large family of near
//! copies (a footer with a changing date) compares each member with its first 16 members rather
//! than with every other, so time stays linear in the corpus too.

mod corpus;
mod fingerprint;
mod restate;
mod words;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use khabar_core::{
    AnalyzeError, Analyzer, AnalyzerSpec, CorpusAnalyzer, Document, Duplicate, DuplicateKind, Layer, OptionsError,
    ZoneKind, describe_options, parse_options,
};
use serde::{Deserialize, Serialize};

use crate::corpus::{CorpusIndex, Entry};
use crate::fingerprint::{comparison_form, exact_hash, jaccard, minhash, shingles};
use crate::words::{StopWords, content_stems};

/// The analyzer's name in configs.
pub const NAME: &str = "dedup";

const SHINGLE: usize = 5;

/// Options of `dedup` (`[analyzers.dedup]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DedupOptions {
    /// `document` or `corpus`.
    pub scope: String,
    /// Shingle Jaccard similarity at which two paragraphs are near duplicates.
    pub near_threshold: f32,
    /// Weighted sentence similarity at which two paragraphs restate each other (0 turns it off).
    pub restatement_threshold: f32,
    /// Paragraphs shorter than this (characters of the normalized form) are not compared.
    pub min_chars: usize,
    /// MinHash signature length (corpus scope).
    pub minhash_size: usize,
    /// LSH bands; `minhash_size / bands` rows each (corpus scope).
    pub bands: usize,
    /// A paragraph in at least this many documents is boilerplate (corpus scope).
    pub boilerplate_documents: usize,
    /// Read a previous corpus index from this file first (corpus scope).
    pub index_in: Option<PathBuf>,
    /// Write the corpus index to this file (corpus scope).
    pub index_out: Option<PathBuf>,
}

impl Default for DedupOptions {
    fn default() -> Self {
        DedupOptions {
            scope: "document".into(),
            near_threshold: 0.8,
            restatement_threshold: 0.15,
            min_chars: 40,
            minhash_size: 256,
            bands: 32,
            boilerplate_documents: 10,
            index_in: None,
            index_out: None,
        }
    }
}

/// The `dedup` analyzer.
pub struct Dedup {
    options: DedupOptions,
    stop: StopWords,
    corpus: Option<CorpusIndex>,
}

const REQUIRES: &[Layer] = &[Layer::Paragraphs, Layer::Sentences];
const PROVIDES: &[Layer] = &[Layer::Duplicates];

impl Dedup {
    /// Builds the analyzer (and, in corpus scope, reads `index_in`).
    pub fn new(options: DedupOptions) -> Result<Dedup, OptionsError> {
        let invalid = |key: &str, message: String| Err(OptionsError::new(vec![key.into()], message));
        if !(0.0..=1.0).contains(&options.near_threshold) {
            return invalid("near_threshold", "must be between 0 and 1".into());
        }
        if options.bands == 0 || options.minhash_size == 0 || options.minhash_size % options.bands != 0 {
            return invalid("bands", format!("must divide minhash_size ({}) evenly", options.minhash_size));
        }
        let corpus = match options.scope.as_str() {
            "document" => None,
            "corpus" => Some(CorpusIndex::new(&options).map_err(|e| OptionsError::new(vec!["index_in".into()], e))?),
            other => return invalid("scope", format!("unknown scope `{other}`, expected `document` or `corpus`")),
        };
        Ok(Dedup { options, stop: StopWords::new(), corpus })
    }

    /// Fingerprints of the paragraphs long enough to compare: (index, form).
    fn forms(&self, doc: &Document) -> Vec<(usize, String)> {
        let text = doc.text();
        let paragraphs = doc.layers.paragraphs.as_deref().unwrap_or(&[]);
        paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| (i, comparison_form(p.span.of(text))))
            .filter(|(_, form)| form.chars().count() >= self.options.min_chars)
            .collect()
    }

    /// What the corpus index keeps of a document.
    fn entries(&self, doc: &Document) -> Vec<Entry> {
        self.forms(doc)
            .into_iter()
            .map(|(paragraph, form)| Entry {
                paragraph: paragraph as u32,
                exact: exact_hash(&form),
                signature: minhash(&shingles(&form, SHINGLE), self.options.minhash_size),
            })
            .collect()
    }

    fn in_document(&self, doc: &Document) -> Vec<Duplicate> {
        let forms = self.forms(doc);
        let mut found = Vec::new();

        // Exact: group by normalized form.
        let mut groups: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, form) in &forms {
            groups.entry(form.as_str()).or_default().push(*i);
        }
        let mut exact_groups: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
        exact_groups.sort();
        let in_exact: HashSet<usize> = exact_groups.iter().flatten().copied().collect();
        for group in exact_groups {
            found.push(Duplicate {
                kind: DuplicateKind::Exact,
                paragraphs: group,
                similarity: 1.0,
                matches: None,
                boilerplate: false,
            });
        }

        // Near: exact shingle Jaccard for every pair not already exact.
        let sets: Vec<(usize, Vec<u64>)> =
            forms.iter().filter(|(i, _)| !in_exact.contains(i)).map(|(i, f)| (*i, shingles(f, SHINGLE))).collect();
        let mut near_pairs = HashSet::new();
        for (x, (a, sa)) in sets.iter().enumerate() {
            for (b, sb) in &sets[x + 1..] {
                let similarity = jaccard(sa, sb);
                if similarity >= self.options.near_threshold {
                    near_pairs.insert((*a, *b));
                    found.push(Duplicate {
                        kind: DuplicateKind::Near,
                        paragraphs: vec![*a, *b],
                        similarity,
                        matches: None,
                        boilerplate: false,
                    });
                }
            }
        }

        // Restatement: among body paragraphs (all paragraphs when there are no zones).
        if self.options.restatement_threshold > 0.0 {
            let text = doc.text();
            let paragraphs = doc.layers.paragraphs.as_deref().unwrap_or(&[]);
            let zones = doc.layers.zones.as_deref();
            let sentences = doc.layers.sentences.as_deref().unwrap_or(&[]);
            let mut stems: restate::ParagraphStems = vec![Vec::new(); paragraphs.len()];
            for s in sentences {
                let set: BTreeSet<String> =
                    content_stems(&comparison_form(s.span.of(text)), &self.stop).into_iter().collect();
                if let Some(slot) = stems.get_mut(s.paragraph) {
                    slot.push(set);
                }
            }
            let body: Vec<usize> = (0..paragraphs.len())
                .filter(|&i| zones.is_none_or(|z| z.get(paragraphs[i].zone).is_some_and(|z| z.kind == ZoneKind::Body)))
                .filter(|i| !in_exact.contains(i))
                .collect();
            let topic: HashSet<String> = zones
                .and_then(|z| z.iter().find(|z| z.kind == ZoneKind::Title))
                .map(|z| content_stems(&comparison_form(z.span.of(text)), &self.stop).into_iter().collect())
                .unwrap_or_default();
            for (a, b, similarity) in restate::restatements(&stems, &body, &topic, self.options.restatement_threshold) {
                if !near_pairs.contains(&(a, b)) {
                    found.push(Duplicate {
                        kind: DuplicateKind::Restatement,
                        paragraphs: vec![a, b],
                        similarity,
                        matches: None,
                        boilerplate: false,
                    });
                }
            }
        }
        found
    }
}

impl Analyzer for Dedup {
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
        let mut found = self.in_document(doc);
        if let Some(corpus) = &self.corpus {
            found.extend(corpus.duplicates_of(doc.seq));
        }
        doc.layers.duplicates = Some(found);
        Ok(())
    }

    fn corpus(&self) -> Option<&dyn CorpusAnalyzer> {
        self.corpus.as_ref().map(|_| self as &dyn CorpusAnalyzer)
    }
}

impl CorpusAnalyzer for Dedup {
    fn observe(&self, doc: &Document) -> Result<(), AnalyzeError> {
        if let Some(corpus) = &self.corpus {
            corpus.observe(doc.seq, &doc.id, self.entries(doc));
        }
        Ok(())
    }

    fn seal(&self) -> Result<(), AnalyzeError> {
        match &self.corpus {
            Some(corpus) => corpus.seal().map_err(AnalyzeError::Failed),
            None => Ok(()),
        }
    }
}

/// The registry entry for `dedup`.
pub fn spec() -> AnalyzerSpec {
    AnalyzerSpec {
        name: NAME.into(),
        summary: "exact, near and restated paragraphs, in a document or across the corpus".into(),
        requires: REQUIRES.to_vec(),
        provides: PROVIDES.to_vec(),
        options: describe_options::<DedupOptions>(&[
            ("scope", "document (one article) or corpus (every document of the run)"),
            ("near_threshold", "character 5-gram Jaccard similarity of near duplicates"),
            ("restatement_threshold", "weighted content-word similarity of restatements (0: off)"),
            ("min_chars", "paragraphs shorter than this are not compared"),
            ("minhash_size", "MinHash signature length (corpus scope)"),
            ("bands", "LSH bands (corpus scope); must divide minhash_size"),
            ("boilerplate_documents", "a paragraph in this many documents is boilerplate (corpus scope)"),
            ("index_in", "a corpus index file to compare against (corpus scope)"),
            ("index_out", "write the corpus index to this file (corpus scope)"),
        ]),
        origin: "built-in".into(),
        factory: Arc::new(|options| Ok(Box::new(Dedup::new(parse_options(options)?)?))),
    }
}

#[cfg(test)]
mod tests;
