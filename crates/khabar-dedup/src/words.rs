//! Content words for restatement: the comparison form's words without stop words (function
//! words and reporting verbs, which every news paragraph shares), lightly stemmed.

use std::collections::HashSet;

use khabar_core::text::fold_str;

/// Function words, pronouns and the reporting verbs of news prose, Arabic and English. Folded
/// before use.
const STOP_WORDS: &[&str] = &[
    "في",
    "من",
    "إلى",
    "على",
    "عن",
    "أن",
    "إن",
    "أنه",
    "أنها",
    "إنه",
    "كان",
    "كانت",
    "يكون",
    "تكون",
    "التي",
    "الذي",
    "الذين",
    "اللذين",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "هؤلاء",
    "مع",
    "بين",
    "بعد",
    "قبل",
    "حتى",
    "كما",
    "قد",
    "لقد",
    "ما",
    "ماذا",
    "لا",
    "لم",
    "لن",
    "أو",
    "ثم",
    "هو",
    "هي",
    "هم",
    "هما",
    "نحن",
    "أنا",
    "أنت",
    "كل",
    "بعض",
    "غير",
    "عند",
    "منذ",
    "خلال",
    "حول",
    "ضد",
    "عبر",
    "أي",
    "إذا",
    "لكن",
    "لكنها",
    "لكنه",
    "بل",
    "حيث",
    "أيضا",
    "فقط",
    "جدا",
    "وهو",
    "وهي",
    "به",
    "بها",
    "له",
    "لها",
    "لهم",
    "فيه",
    "فيها",
    "منه",
    "منها",
    "عليه",
    "عليها",
    "إنها",
    "اليوم",
    "يوم",
    "أمس",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
    "الأحد",
    "الاثنين",
    "قال",
    "قالت",
    "أكد",
    "أكدت",
    "أشار",
    "أشارت",
    "أضاف",
    "أضافت",
    "أوضح",
    "أوضحت",
    "أعلن",
    "أعلنت",
    "ذكر",
    "ذكرت",
    "تابع",
    "قائلا",
    "مشيرا",
    "مضيفا",
    "مؤكدا",
    "معتبرا",
    "موضحا",
    "وفقا",
    "بحسب",
    "حسب",
    "يذكر",
    "the",
    "a",
    "an",
    "of",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "and",
    "or",
    "but",
    "that",
    "this",
    "these",
    "those",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "said",
    "says",
    "told",
    "added",
    "as",
    "not",
    "will",
    "would",
    // Ordinal and number words: they number events, they do not say what happened.
    "الأول",
    "الأولى",
    "الثاني",
    "الثانية",
    "الثالث",
    "الثالثة",
    "الرابع",
    "الخامس",
    "عشر",
    "عشرة",
    "العشرون",
    "العشرين",
    "الحادي",
    "واحد",
    "اثنين",
    "ثلاثة",
];

/// Prefixes stripped from Arabic words (longest first), keeping at least three letters: the
/// article with its clitics, and و, as Larkey's light10 stemmer does. A lone ف, ب or ل is left:
/// it is as often the word's own first letter ("فلسطين", "لافروف", "بناء") as a clitic.
const PREFIXES: &[&str] = &["وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و"];

/// Suffixes stripped from Arabic words (longest first), keeping at least three letters.
const SUFFIXES: &[&str] = &["هما", "ات", "ون", "ين", "ان", "ها", "هم", "نا", "يه", "ه", "ي", "ا"];

/// The stop-word set, folded.
pub(crate) struct StopWords(HashSet<String>);

impl StopWords {
    pub(crate) fn new() -> StopWords {
        StopWords(STOP_WORDS.iter().map(|w| fold_str(w)).collect())
    }

    pub(crate) fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }
}

/// A light stem: Arabic prefixes and suffixes off (at least three letters left), English
/// plural and tense endings off.
pub(crate) fn stem(word: &str) -> String {
    let letters = |s: &str| s.chars().count();
    if word.is_ascii() {
        for suffix in ["ing", "ed", "es", "s"] {
            if let Some(stem) = word.strip_suffix(suffix).filter(|s| s.len() >= 3) {
                return stem.to_owned();
            }
        }
        return word.to_owned();
    }
    let mut w = word;
    if let Some(rest) = PREFIXES.iter().find_map(|p| w.strip_prefix(p).filter(|r| letters(r) >= 3)) {
        w = rest;
    }
    if let Some(rest) = SUFFIXES.iter().find_map(|s| w.strip_suffix(s).filter(|r| letters(r) >= 3)) {
        w = rest;
    }
    w.to_owned()
}

/// The content-word stems of a comparison form.
pub(crate) fn content_stems(form: &str, stop: &StopWords) -> Vec<String> {
    form.split(' ')
        .filter(|w| w.chars().count() >= 2 && !w.chars().all(|c| c.is_ascii_digit()))
        .filter(|w| !stop.contains(w))
        .map(stem)
        .filter(|s| !stop.contains(s))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fingerprint::comparison_form;

    #[test]
    fn stems_and_drops_stop_words() {
        let stop = StopWords::new();
        let stems = content_stems(&comparison_form("وأكد لافروف أن الولايات المتحدة عرقلت قرارًا بوقف إطلاق النار"), &stop);
        assert_eq!(stems, ["لافروف", "ولاي", "متحد", "عرقلت", "قرار", "بوقف", "اطلاق", "نار"]);
        assert_eq!(stem("وفلسطين"), stem("فلسطين"));
        assert_eq!(stem("الفلسطينيين"), stem("فلسطينيين"));
        assert_eq!(stem("محاولات"), stem("محاوله"));
        assert_eq!(stem("talks"), "talk");
    }
}
