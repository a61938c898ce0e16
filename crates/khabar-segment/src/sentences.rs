//! Sentence boundaries inside a paragraph.
//!
//! A sentence ends at a run of terminal marks (`.` `!` `?` `؟` `…`, and `..` used as a stop),
//! with the closing quotes and brackets that follow it, when white space or the paragraph's
//! end comes next. A lone period does not end a sentence after an abbreviation (Mr. Dr. U.S.
//! Feb. ق.م. ص.ب), an initial (J. / د. م.), or a list number at the sentence's start; decimals,
//! URLs and e-mail addresses have no space after their dots, so they never split. Arabic
//! text scraped without a space after the stop (قال.وأضاف) still splits between two words.

use std::collections::HashSet;

use khabar_core::text::{fold_str, is_arabic_script};

use crate::paragraphs::trim;

/// Abbreviations that a period does not end (folded, without their final period).
pub(crate) struct Abbreviations(HashSet<String>);

impl Abbreviations {
    pub(crate) fn new<'a>(entries: impl IntoIterator<Item = &'a str>) -> Abbreviations {
        let set =
            entries.into_iter().map(|e| fold_str(e.trim().trim_end_matches('.'))).filter(|e| !e.is_empty()).collect();
        Abbreviations(set)
    }

    fn contains(&self, token: &str) -> bool {
        self.0.contains(&fold_str(token))
    }
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '…' | '‼' | '⁉')
}

/// The byte offset of the first terminal mark at or after `from`: a byte scan for `.` `!` `?`
/// and the lead bytes of `؟` (D8) and `…` `‼` `⁉` (E2), confirmed by decoding.
fn find_terminal(s: &str, from: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'.' | b'!' | b'?' => return Some(i),
            0xD8 | 0xE2 if s.get(i..).and_then(|r| r.chars().next()).is_some_and(is_terminal) => return Some(i),
            _ => i += 1,
        }
    }
    None
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '»' | '”' | '’' | '›' | ')' | ']' | '}' | '）')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '«' | '“' | '‘' | '‹' | '(' | '[' | '{' | '（')
}

/// Appends the sentence ranges of `text[start..end]` (a paragraph) to `out`.
pub(crate) fn split(
    text: &str,
    start: usize,
    end: usize,
    abbreviations: &Abbreviations,
    out: &mut Vec<(usize, usize)>,
) {
    let Some(paragraph) = text.get(start..end) else { return };
    let mut sentence_start = 0;
    let mut resume = 0;
    while let Some(at) = find_terminal(paragraph, resume) {
        let rest = paragraph.get(at..).unwrap_or("");
        let marks = rest.len() - rest.trim_start_matches(is_terminal).len();
        let after_marks = rest.get(marks..).unwrap_or("");
        let closers = after_marks.len() - after_marks.trim_start_matches(is_closer).len();
        let boundary_at = at + marks + closers;
        let single_period = marks == 1 && rest.starts_with('.');
        let continues = || single_period && period_continues(paragraph, sentence_start, at, abbreviations);
        let ends = match paragraph.get(boundary_at..).and_then(|r| r.chars().next()) {
            None => true,
            Some(next) if next.is_whitespace() => !continues(),
            Some(next) if is_arabic_script(next) && next.is_alphabetic() => {
                joined_arabic_words(paragraph, at, boundary_at) && !continues()
            }
            Some(_) => false,
        };
        if ends {
            if let Some(range) = trim(text, start + sentence_start, start + boundary_at) {
                out.push(range);
            }
            sentence_start = boundary_at;
        }
        resume = boundary_at;
    }
    if let Some(range) = trim(text, start + sentence_start, end) {
        out.push(range);
    }
}

/// Whether the period at `at` belongs to the word before it rather than ending the sentence.
fn period_continues(paragraph: &str, sentence_start: usize, at: usize, abbreviations: &Abbreviations) -> bool {
    let before = paragraph.get(sentence_start..at).unwrap_or("");
    let token = before.rsplit(|c: char| c.is_whitespace() || is_opener(c)).next().unwrap_or("");
    let token_start = before.len() - token.len();
    if token.is_empty() {
        return false;
    }
    if abbreviations.contains(token) {
        return true;
    }
    let mut letters = token.chars();
    let (first, rest) = (letters.next(), letters.next());
    if let (Some(letter), None) = (first, rest) {
        if letter.is_uppercase() {
            return true; // an initial: J. Smith
        }
        if is_arabic_script(letter) && letter.is_alphabetic() {
            // د. م. أ. are titles; after a year, م. and هـ. are era marks that may end a sentence.
            let previous = before.get(..token_start).unwrap_or("").trim_end();
            return !previous.chars().next_back().is_some_and(|c| c.is_numeric());
        }
    }
    // "1. " opening a sentence numbers a list item.
    let is_number = token.chars().all(|c| c.is_numeric()) && token.chars().count() <= 3;
    is_number && before.get(..token_start).is_some_and(|b| b.trim().is_empty())
}

/// For marks glued to an Arabic letter: whether they sit between two words of two or more
/// letters (قال.وأضاف), rather than inside a dotted abbreviation (ق.م).
fn joined_arabic_words(paragraph: &str, marks_start: usize, marks_end: usize) -> bool {
    let before = paragraph.get(..marks_start).unwrap_or("").chars().rev().take(2).filter(|c| c.is_alphabetic()).count();
    let after = paragraph.get(marks_end..).unwrap_or("").chars().take(2).filter(|c| c.is_alphabetic()).count();
    before == 2 && after == 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::ABBREVIATIONS;

    fn check(text: &str, expected: &[&str]) {
        let abbreviations = Abbreviations::new(ABBREVIATIONS.iter().copied());
        let mut out = Vec::new();
        split(text, 0, text.len(), &abbreviations, &mut out);
        let got: Vec<&str> = out.iter().map(|&(s, e)| text.get(s..e).unwrap()).collect();
        assert_eq!(got, expected, "{text}");
    }

    #[test]
    fn splits_at_terminal_marks() {
        check("قال الوزير. وأضاف أنه سيعود؟ نعم!", &["قال الوزير.", "وأضاف أنه سيعود؟", "نعم!"]);
        check("He left... Then he came back?! Yes.", &["He left...", "Then he came back?!", "Yes."]);
        check("بلا نقطة في الآخر", &["بلا نقطة في الآخر"]);
        check("منذ البداية.. ولقد قدمنا مقترحا", &["منذ البداية..", "ولقد قدمنا مقترحا"]);
        check("انتهى الاجتماع… وبدأ آخر", &["انتهى الاجتماع…", "وبدأ آخر"]);
    }

    #[test]
    fn keeps_closing_quotes_and_brackets() {
        check("وقال: \"لن نتراجع.\" ثم غادر.", &["وقال: \"لن نتراجع.\"", "ثم غادر."]);
        check("قال «نعم.» وخرج", &["قال «نعم.»", "وخرج"]);
        check("وأكد: \"نحن مستعدون\". وأضاف أنه متفائل.", &["وأكد: \"نحن مستعدون\".", "وأضاف أنه متفائل."]);
        check("(He agreed.) She did not.", &["(He agreed.)", "She did not."]);
    }

    #[test]
    fn does_not_split_inside_numbers_addresses_and_abbreviations() {
        check("ارتفع بنسبة 6.02 بالمائة و٣٫٥ أخرى.", &["ارتفع بنسبة 6.02 بالمائة و٣٫٥ أخرى."]);
        check(
            "Mr. Smith met Dr. Jones in the U.S. capital on Feb. 26.",
            &["Mr. Smith met Dr. Jones in the U.S. capital on Feb. 26."],
        );
        check(
            "See www.example.com or mail info@example.org. Done.",
            &["See www.example.com or mail info@example.org.", "Done."],
        );
        check("J. R. Smith spoke.", &["J. R. Smith spoke."]);
        check(
            "قال د. أحمد إن الموقع يعود إلى القرن الثالث ق.م. وهو مهم",
            &["قال د. أحمد إن الموقع يعود إلى القرن الثالث ق.م. وهو مهم"],
        );
        check("ص.ب. 1234 الرياض", &["ص.ب. 1234 الرياض"]);
    }

    #[test]
    fn era_marks_after_a_year_may_end_a_sentence() {
        check("تأسست عام 1932 م. وكانت صغيرة", &["تأسست عام 1932 م.", "وكانت صغيرة"]);
    }

    #[test]
    fn numbered_lists_stay_whole() {
        check("1. الأول. 2. الثاني.", &["1. الأول.", "2. الثاني."]);
    }

    #[test]
    fn glued_arabic_stops_split_between_words() {
        check("قال الوزير.وأضاف أنه", &["قال الوزير.", "وأضاف أنه"]);
    }
}
