//! Text utilities every analyzer shares: normalization for matching (with offsets mapped
//! back to the original text), language guessing, and byte-to-char offset conversion.
//!
//! None of them changes a document's text: they build a folded copy to match against and
//! say where each match lies in the original.

use unicode_normalization::char::decompose_compatible;

/// A folded copy of a text for matching, with a map from its bytes back to the original.
///
/// Folding, for Arabic: harakat, shadda, sukun, superscript alef and Quranic marks removed;
/// tatweel removed; alef forms (أ إ آ ٱ) to ا; alef maqsura ى and Persian yeh ی to ي;
/// teh marbuta ة and heh-with-yeh ۀ to ه; keheh ک to ك; presentation forms (ﻻ, ﺍ, ...)
/// to the letters they show; Arabic-Indic (٠-٩) and Persian (۰-۹) digits to ASCII; the
/// Arabic decimal separator ٫ to '.'. Zero-width and bidi control characters are removed.
/// For Latin: lower case. Everything else is kept as it is.
#[derive(Debug, Clone)]
pub struct Normalized {
    text: String,
    /// `origin[i]`: the original byte offset of the character that produced folded byte `i`;
    /// one more entry maps the folded end to the original end.
    origin: Vec<u32>,
}

impl Normalized {
    /// Folds `original`.
    pub fn new(original: &str) -> Normalized {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len() + 1);
        let mut buf = [0u8; 4];
        for (at, c) in original.char_indices() {
            let at = at as u32;
            let mut push = |folded: char| {
                let encoded = folded.encode_utf8(&mut buf);
                text.push_str(encoded);
                origin.extend(std::iter::repeat_n(at, encoded.len()));
            };
            if c.is_ascii() {
                push(c.to_ascii_lowercase());
            } else if is_presentation_form(c) {
                decompose_compatible(c, |d| {
                    if let Some(folded) = fold(d) {
                        push(folded);
                    }
                });
            } else if is_arabic_script(c) {
                if let Some(folded) = fold(c) {
                    push(folded);
                }
            } else if let Some(folded) = fold(c) {
                folded.to_lowercase().for_each(&mut push);
            }
        }
        origin.push(original.len() as u32);
        Normalized { text, origin }
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original byte range of the folded range `start..end`. Marks that folding removed
    /// after the last folded character (a word's final haraka) are included.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let last = self.origin.len() - 1;
        let start = self.origin[start.min(last)] as usize;
        let end = self.origin[end.min(last)] as usize;
        (start, end.max(start))
    }
}

/// Folds one character for matching; `None` drops it.
pub fn fold(c: char) -> Option<char> {
    Some(match c {
        // harakat, tanween, shadda, sukun, maddah/hamza marks above and below
        '\u{064B}'..='\u{065F}' | '\u{0670}' => return None,
        // Quranic annotation marks, small high letters
        '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E8}' => return None,
        '\u{06EA}'..='\u{06ED}' => return None,
        '\u{0640}' => return None, // tatweel
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => return None,
        '\u{FEFF}' | '\u{00AD}' | '\u{061C}' => return None,
        'أ' | 'إ' | 'آ' | 'ٱ' | '\u{0672}' | '\u{0673}' => 'ا',
        'ى' | 'ی' | '\u{06D0}' => 'ي',
        'ة' | 'ۀ' | '\u{06C1}' | '\u{06D5}' => 'ه',
        'ک' | '\u{06AA}' => 'ك',
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        '٫' => '.',
        '٬' => ',',
        _ => c,
    })
}

/// Folds a whole string (for lexicon entries: what a cue looks like after folding).
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Appends the folded form of `s` to `out`, without an offset map: for matching where only
/// a yes or no is needed.
pub fn fold_into(s: &str, out: &mut String) {
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if is_presentation_form(c) {
            decompose_compatible(c, |d| out.extend(fold(d)));
        } else if is_arabic_script(c) {
            out.extend(fold(c));
        } else if let Some(folded) = fold(c) {
            out.extend(folded.to_lowercase());
        }
    }
}

/// Whether `c` is a letter, mark or digit of the Arabic script blocks.
pub fn is_arabic_script(c: char) -> bool {
    matches!(c,
        '\u{0600}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}')
}

fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}')
}

/// Guesses a text's language from the letters of its first few thousand characters: `ar`
/// when Arabic-script letters are at least as many as Latin ones, `en` when Latin letters
/// dominate, `und` when there are no letters.
pub fn guess_lang(text: &str) -> &'static str {
    let (mut arabic, mut latin) = (0usize, 0usize);
    for c in text.chars().take(4_000) {
        if c.is_ascii_alphabetic() || matches!(c, '\u{00C0}'..='\u{024F}') {
            latin += 1;
        } else if is_arabic_letter(c) {
            arabic += 1;
        }
    }
    match (arabic, latin) {
        (0, 0) => "und",
        (a, l) if a >= l => "ar",
        _ => "en",
    }
}

/// Arabic-script letters (not marks, digits or punctuation), by block ranges: a table-free
/// test, much cheaper than `char::is_alphabetic` on hot paths.
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c,
        '\u{0620}'..='\u{064A}'
        | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}'
        | '\u{06D5}'
        | '\u{06EE}'..='\u{06EF}'
        | '\u{06FA}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08C9}'
        | '\u{FB50}'..='\u{FDFB}'
        | '\u{FE70}'..='\u{FEFC}')
}

/// Converts byte offsets of one text to char (Unicode scalar) offsets.
#[derive(Debug, Clone)]
pub struct CharOffsets {
    /// Byte offset of each char start, or `None` for an ASCII text (where they are equal).
    starts: Option<Vec<u32>>,
    len_bytes: usize,
}

impl CharOffsets {
    /// Indexes `text`.
    pub fn new(text: &str) -> CharOffsets {
        let starts = (!text.is_ascii()).then(|| text.char_indices().map(|(at, _)| at as u32).collect());
        CharOffsets { starts, len_bytes: text.len() }
    }

    /// The char offset of byte offset `byte` (a char boundary; others round up).
    pub fn char_offset(&self, byte: usize) -> usize {
        match &self.starts {
            None => byte.min(self.len_bytes),
            Some(starts) => starts.partition_point(|&start| (start as usize) < byte),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_letter_variants_and_digits() {
        let cases = [
            ("أكَّدَ", "اكد"),
            ("إلى", "الي"),
            ("سیرجی", "سيرجي"),
            ("مدرسة", "مدرسه"),
            ("کتاب", "كتاب"),
            ("قـــال", "قال"),
            ("٢٠٢٤ و۱۴۰۲", "2024 و1402"),
            ("٣٫٥", "3.5"),
            ("\u{FEFB}", "لا"),
            ("Published", "published"),
            ("ÉTÉ", "été"),
        ];
        for (input, folded) in cases {
            assert_eq!(fold_str(input), folded, "{input}");
        }
    }

    #[test]
    fn maps_matches_back_to_the_original() {
        let original = "وأكّد لافروفُ أنّ";
        let norm = Normalized::new(original);
        let at = norm.as_str().find("لافروف").unwrap();
        let (start, end) = norm.original_range(at, at + "لافروف".len());
        assert_eq!(original.get(start..end), Some("لافروفُ"));
        let (start, end) = norm.original_range(0, norm.as_str().len());
        assert_eq!((start, end), (0, original.len()));
    }

    #[test]
    fn guesses_language() {
        assert_eq!(guess_lang("أكد لافروف أن Reuters"), "ar");
        assert_eq!(guess_lang("Lavrov said on Tuesday"), "en");
        assert_eq!(guess_lang("123 !"), "und");
    }

    #[test]
    fn converts_offsets_to_chars() {
        let text = "قال: yes";
        let offsets = CharOffsets::new(text);
        assert_eq!(offsets.char_offset(0), 0);
        assert_eq!(offsets.char_offset(6), 3);
        assert_eq!(offsets.char_offset(text.len()), 8);
        assert_eq!(CharOffsets::new("abc").char_offset(2), 2);
    }

    #[test]
    fn fold_str_agrees_with_normalized() {
        for s in ["أكَّدَ سیرجی \u{FEFB} ÉTÉ ٣٫٥", "", "plain"] {
            assert_eq!(fold_str(s), Normalized::new(s).as_str());
        }
    }

    proptest::proptest! {
        #[test]
        fn original_ranges_are_char_boundaries(s in "\\PC{0,40}", a in 0usize..200, b in 0usize..200) {
            let norm = Normalized::new(&s);
            let (lo, hi) = (a.min(b), a.max(b));
            let (start, end) = norm.original_range(lo, hi);
            proptest::prop_assert!(start <= end && end <= s.len());
            proptest::prop_assert!(s.is_char_boundary(start) && s.is_char_boundary(end));
        }
    }
}
