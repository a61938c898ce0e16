//! Planted duplicates: real paragraphs (the project's fixtures) and copies edited the way
//! scrapers and content farms edit them (words dropped or swapped, punctuation, diacritics,
//! letter variants). The truth of a pair is the exact Jaccard similarity of its character
//! 5-grams; the corpus scope must find the pairs at 0.8 or more (as exact or near) with at least
//! 0.99 precision and 0.95 recall.

use std::collections::HashSet;
use std::path::Path;

use khabar_core::{Analyzer, CorpusAnalyzer, Document, Paragraph, Sentence, Zone, ZoneKind, text::fold_into};
use khabar_dedup::{Dedup, DedupOptions};

/// A small deterministic generator (xorshift), so the test is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn base_paragraphs() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = vec![root.join("tests/fixtures/ar-lavrov-middle-east.txt")];
    for dir in ["crates/khabar-segment/tests/fixtures", "crates/khabar-dates/tests/fixtures"] {
        let mut more: Vec<_> =
            std::fs::read_dir(root.join(dir)).unwrap().filter_map(|e| e.ok().map(|e| e.path())).collect();
        more.sort();
        files.extend(more);
    }
    let mut seen = HashSet::new();
    files
        .iter()
        .flat_map(|f| std::fs::read_to_string(f).unwrap().lines().map(str::trim).map(str::to_owned).collect::<Vec<_>>())
        .filter(|l| l.split_whitespace().count() >= 12 && seen.insert(l.clone()))
        .collect()
}

/// One edited copy of `text`.
fn edit(text: &str, rng: &mut Rng) -> String {
    let mut words: Vec<String> = text.split_whitespace().map(str::to_owned).collect();
    for _ in 0..=rng.below(2) {
        match rng.below(5) {
            0 if words.len() > 8 => {
                words.remove(rng.below(words.len()));
            }
            1 if words.len() > 2 => {
                let i = rng.below(words.len() - 1);
                words.swap(i, i + 1);
            }
            2 => {
                let i = rng.below(words.len());
                words[i].push('،');
            }
            3 => {
                let i = rng.below(words.len());
                words[i] = words[i].replace('ا', "أ").replace('ي', "ى");
            }
            _ => {
                let i = rng.below(words.len());
                words[i].push('\u{064E}');
            }
        }
    }
    words.join(" ")
}

fn shingles(text: &str) -> HashSet<String> {
    let mut folded = String::new();
    fold_into(text, &mut folded);
    let form: Vec<char> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .collect();
    form.windows(5).map(|w| w.iter().collect()).collect()
}

fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    a.intersection(b).count() as f64 / a.union(b).count().max(1) as f64
}

/// A one-paragraph document, segmented by hand.
fn document(id: usize, text: &str) -> Document {
    let mut doc = Document::new(format!("d{id}"), "ar", text);
    let span = doc.span(0, text.len()).unwrap();
    doc.layers.zones = Some(vec![Zone { kind: ZoneKind::Body, span, text: text.to_owned() }]);
    doc.layers.paragraphs = Some(vec![Paragraph { span, zone: 0 }]);
    doc.layers.sentences = Some(vec![Sentence { span, paragraph: 0 }]);
    doc.seq = id as u64;
    doc
}

#[test]
fn near_duplicates_are_found_with_high_precision_and_recall() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut texts = Vec::new();
    for base in base_paragraphs() {
        texts.push(base.clone());
        for _ in 0..rng.below(3) {
            texts.push(edit(&base, &mut rng));
        }
    }
    assert!(texts.len() > 60, "{} paragraphs", texts.len());

    let sets: Vec<HashSet<String>> = texts.iter().map(|t| shingles(t)).collect();
    let mut truth = HashSet::new();
    for a in 0..texts.len() {
        for b in a + 1..texts.len() {
            if jaccard(&sets[a], &sets[b]) >= 0.8 {
                truth.insert((a, b));
            }
        }
    }

    let dedup = Dedup::new(DedupOptions {
        scope: "corpus".into(),
        min_chars: 20,
        restatement_threshold: 0.0,
        ..DedupOptions::default()
    })
    .unwrap();
    let mut docs: Vec<Document> = texts.iter().enumerate().map(|(i, t)| document(i, t)).collect();
    for doc in &docs {
        dedup.observe(doc).unwrap();
    }
    dedup.seal().unwrap();
    let mut found = HashSet::new();
    for (a, doc) in docs.iter_mut().enumerate() {
        dedup.analyze(doc).unwrap();
        for d in doc.layers.duplicates.as_ref().unwrap() {
            for m in d.matches.iter().flatten() {
                let b: usize = m.document.trim_start_matches('d').parse().unwrap();
                found.insert((a.min(b), a.max(b)));
            }
        }
    }
    let correct = found.intersection(&truth).count() as f64;
    let precision = correct / found.len().max(1) as f64;
    let recall = correct / truth.len().max(1) as f64;
    eprintln!("planted pairs {}, found {}, precision {precision:.4}, recall {recall:.4}", truth.len(), found.len());
    assert!(truth.len() >= 30, "too few planted pairs: {}", truth.len());
    assert!(precision >= 0.99, "precision {precision}");
    assert!(recall >= 0.95, "recall {recall}");
}
