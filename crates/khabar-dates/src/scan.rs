//! Tokens of a sentence, on its folded copy, with the way back to the original text.

use khabar_core::text::{Normalized, is_arabic_letter};

/// A letter of a word: ASCII and Arabic letters by range, other scripts by the Unicode table.
fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || is_arabic_letter(c)
        || (!c.is_ascii() && !('\u{0600}'..='\u{06FF}').contains(&c) && c.is_alphabetic())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Number,
    Punct,
}

/// One token of the folded sentence.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub(crate) kind: Kind,
    /// Folded byte range in the sentence's folded text.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// For numbers: the value (saturating) and the number of digits.
    pub(crate) value: u32,
    pub(crate) digits: usize,
    /// No white space between this token and the one before.
    pub(crate) glued: bool,
    /// The original token starts with an upper-case letter (English month names).
    pub(crate) capitalized: bool,
}

/// A sentence's folded text and tokens.
pub(crate) struct Sentence {
    pub(crate) folded: Normalized,
    pub(crate) tokens: Vec<Token>,
    /// Byte offset of the sentence in the document.
    pub(crate) offset: usize,
}

impl Sentence {
    pub(crate) fn new(text: &str, offset: usize) -> Sentence {
        let folded = Normalized::new(text);
        let mut tokens = tokenize(folded.as_str());
        for t in &mut tokens {
            let (start, _) = folded.original_range(t.start, t.end);
            t.capitalized = text.get(start..).and_then(|s| s.chars().next()).is_some_and(char::is_uppercase);
        }
        Sentence { folded, tokens, offset }
    }

    pub(crate) fn text(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        self.folded.as_str().get(t.start..t.end).unwrap_or("")
    }

    /// The document byte range of tokens `first..last` (inclusive), skipping `skip` folded
    /// bytes of clitics at the start.
    pub(crate) fn range(&self, first: usize, last: usize, skip: usize) -> (usize, usize) {
        let (start, end) = self.folded.original_range(self.tokens[first].start + skip, self.tokens[last].end);
        (self.offset + start, self.offset + end)
    }
}

fn tokenize(folded: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut glued = false;
    let mut chars = folded.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            glued = false;
            continue;
        }
        let kind = if c.is_ascii_digit() {
            Kind::Number
        } else if is_letter(c) {
            Kind::Word
        } else {
            Kind::Punct
        };
        let mut end = start + c.len_utf8();
        if kind != Kind::Punct {
            while let Some(&(at, next)) = chars.peek() {
                let same = match kind {
                    Kind::Number => next.is_ascii_digit(),
                    _ => is_letter(next),
                };
                if !same {
                    break;
                }
                end = at + next.len_utf8();
                chars.next();
            }
        }
        let (value, digits) = if kind == Kind::Number {
            let text = folded.get(start..end).unwrap_or("");
            let value = text.bytes().fold(0u32, |v, b| v.saturating_mul(10).saturating_add(u32::from(b - b'0')));
            (value, text.len())
        } else {
            (0, 0)
        };
        tokens.push(Token { kind, start, end, value, digits, glued, capitalized: false });
        glued = true;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_numbers_and_marks() {
        let s = Sentence::new("في 24 و٢٥ يناير، 13th", 100);
        let texts: Vec<&str> = (0..s.tokens.len()).map(|i| s.text(i)).collect();
        assert_eq!(texts, ["في", "24", "و", "25", "يناير", "،", "13", "th"]);
        assert_eq!(s.tokens[3].value, 25);
        assert!(s.tokens[3].glued && !s.tokens[2].glued && s.tokens[7].glued);
        let (start, end) = s.range(3, 4, 0);
        assert_eq!((start - 100, end - 100), ("في 24 و".len(), "في 24 و٢٥ يناير".len()));
    }
}
