//! Restatement: two paragraphs that say the same thing in other words.
//!
//! Each sentence becomes a set of content-word stems (see `words.rs`). Stems are weighted by
//! how rare they are among the document's paragraphs (`ln(1 + N / df)`), so the article's
//! subject, which every paragraph names, counts for little and the specific facts count for
//! much. Two paragraphs restate each other when some sentence of one and some sentence of the
//! other reach a weighted Jaccard similarity at the threshold.

use std::collections::{BTreeSet, HashMap, HashSet};

/// The fewest content stems a sentence needs to be compared.
const MIN_STEMS: usize = 5;

/// Content stems of each sentence of each paragraph.
/// Sorted sets, so that weights are summed in one order and scores are the same on every run.
pub(crate) type ParagraphStems = Vec<Vec<BTreeSet<String>>>;

/// The best sentence-pair score between every two paragraphs in `candidates`, above `threshold`.
/// `topic` holds the headline's stems: the article's subject, which is not evidence that two
/// paragraphs say the same thing, so they weigh a fifth.
pub(crate) fn restatements(
    stems: &ParagraphStems,
    candidates: &[usize],
    topic: &HashSet<String>,
    threshold: f32,
) -> Vec<(usize, usize, f32)> {
    let n = candidates.len().max(1) as f32;
    let mut df: HashMap<&str, usize> = HashMap::new();
    for &p in candidates {
        let words: HashSet<&str> = stems[p].iter().flatten().map(String::as_str).collect();
        for w in words {
            *df.entry(w).or_default() += 1;
        }
    }
    let weight = |w: &str| {
        let idf = (1.0 + n / *df.get(w).unwrap_or(&1) as f32).ln();
        if topic.contains(w) { idf * 0.2 } else { idf }
    };
    let mut found = Vec::new();
    for (i, &a) in candidates.iter().enumerate() {
        for &b in &candidates[i + 1..] {
            let mut best = 0.0f32;
            // A sentence of a few content words says too little to be judged a restatement.
            let substantial = |s: &&BTreeSet<String>| s.len() >= MIN_STEMS;
            for sa in stems[a].iter().filter(substantial) {
                for sb in stems[b].iter().filter(substantial) {
                    let shared: f32 = sa.intersection(sb).map(|w| weight(w)).sum();
                    if shared == 0.0 {
                        continue;
                    }
                    let all: f32 = sa.union(sb).map(|w| weight(w)).sum();
                    best = best.max(shared / all);
                }
            }
            if best >= threshold {
                found.push((a, b, best));
            }
        }
    }
    found
}
