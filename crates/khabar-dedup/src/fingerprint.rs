//! Paragraph fingerprints: the comparison form of a paragraph, its exact hash, and a MinHash
//! signature of its character shingles.

use khabar_core::text::fold_into;
use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

/// The form paragraphs are compared in: the core folding (diacritics, tatweel, letter
/// variants, Persian letters, digits, case), then letters and digits only, words separated by
/// one space. Punctuation and spacing differences vanish.
pub(crate) fn comparison_form(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    fold_into(text, &mut folded);
    let mut out = String::with_capacity(folded.len());
    for word in folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The exact-duplicate key of a comparison form.
pub(crate) fn exact_hash(form: &str) -> u64 {
    xxh3_64(form.as_bytes())
}

/// Hashes of the character `k`-shingles of a comparison form (the form itself if shorter).
pub(crate) fn shingles(form: &str, k: usize) -> Vec<u64> {
    let starts: Vec<usize> = form.char_indices().map(|(i, _)| i).chain(std::iter::once(form.len())).collect();
    let mut hashes: Vec<u64> = if starts.len() <= k + 1 {
        vec![xxh3_64(form.as_bytes())]
    } else {
        starts.windows(k + 1).map(|w| xxh3_64(&form.as_bytes()[w[0]..w[k]])).collect()
    };
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

/// Exact Jaccard similarity of two sorted, deduplicated shingle sets.
pub(crate) fn jaccard(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    both as f32 / (a.len() + b.len() - both) as f32
}

/// MinHash: for each of `n` seeded hash functions, the least hash over the shingles. The
/// fraction of equal positions of two signatures estimates the Jaccard similarity of the sets.
pub(crate) fn minhash(shingles: &[u64], n: usize) -> Vec<u32> {
    (0..n as u64)
        .map(|seed| {
            shingles.iter().map(|&s| xxh3_64_with_seed(&s.to_le_bytes(), seed) as u32).min().unwrap_or(u32::MAX)
        })
        .collect()
}

/// The estimated Jaccard similarity of two signatures.
pub(crate) fn estimate(a: &[u32], b: &[u32]) -> f32 {
    let equal = a.iter().zip(b).filter(|(x, y)| x == y).count();
    equal as f32 / a.len().max(1) as f32
}

/// The LSH band keys of a signature: `bands` hashes of `rows` values each. Two signatures
/// that agree on a whole band become candidates.
pub(crate) fn band_keys(signature: &[u32], bands: usize, rows: usize) -> impl Iterator<Item = u64> + '_ {
    (0..bands).map(move |b| {
        let band = &signature[b * rows..(b + 1) * rows];
        let bytes: Vec<u8> = band.iter().flat_map(|v| v.to_le_bytes()).collect();
        xxh3_64_with_seed(&bytes, b as u64)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_compare_equal() {
        assert_eq!(comparison_form("سيرجي لافروف"), comparison_form("سیرجی لافروف"));
        assert_eq!(comparison_form("قالَ الوزيرُ: «نعم»."), comparison_form("قال  الوزير نعم"));
        assert_eq!(comparison_form("في ٢٠٢٤"), "في 2024");
    }

    #[test]
    fn minhash_estimates_jaccard() {
        let a = shingles(&comparison_form("أكد وزير الخارجية أن المحادثات ستستأنف الأسبوع المقبل في جنيف"), 5);
        let b = shingles(&comparison_form("أكد وزير الخارجية أن المحادثات ستستأنف الأسبوع القادم في جنيف"), 5);
        let exact = jaccard(&a, &b);
        let estimated = estimate(&minhash(&a, 256), &minhash(&b, 256));
        assert!((exact - estimated).abs() < 0.1, "{exact} vs {estimated}");
        assert_eq!(jaccard(&a, &a), 1.0);
    }
}
