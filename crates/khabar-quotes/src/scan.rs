//! Words and marks of a paragraph, with their folded forms and offsets, and its quotations.

use khabar_core::text::{fold_str, is_arabic_letter};

/// A letter or digit, by cheap ranges for ASCII and Arabic (the Unicode tables are slow on
/// Arabic text), by the tables for other scripts.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || is_arabic_letter(c)
        || matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
        || (!c.is_ascii() && !('\u{0600}'..='\u{06FF}').contains(&c) && c.is_alphanumeric())
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Tok {
    /// A word, folded; `base` is where it starts without a و/ف clitic.
    Word { folded: String, base: usize },
    /// A punctuation mark or quotation mark.
    Mark(char),
}

#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub(crate) tok: Tok,
    /// Document byte range.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Byte offset where the word starts without its و/ف clitic.
    pub(crate) base_start: usize,
    /// Index of the sentence it is in.
    pub(crate) sentence: usize,
    /// The word as written ends with alef maqsura (ى), which folding merges with yeh.
    pub(crate) maqsura: bool,
    /// The word as written ends with heh (ه), which folding shares with teh marbuta (ة).
    pub(crate) heh: bool,
}

impl Token {
    pub(crate) fn base(&self) -> &str {
        match &self.tok {
            Tok::Word { folded, base } => folded.get(*base..).unwrap_or(folded),
            Tok::Mark(_) => "",
        }
    }

    pub(crate) fn is_mark(&self, marks: &[char]) -> bool {
        matches!(self.tok, Tok::Mark(c) if marks.contains(&c))
    }

    pub(crate) fn is_word(&self) -> bool {
        matches!(self.tok, Tok::Word { .. })
    }
}

/// Opening and closing quotation marks.
pub(crate) const OPENERS: &[char] = &['"', '«', '“', '„', '‘', '\''];

fn closer_for(open: char) -> &'static [char] {
    match open {
        '«' => &['»'],
        '“' => &['”', '“'],
        '„' => &['“', '”'],
        '‘' => &['’'],
        '\'' => &['\''],
        _ => &['"', '”'],
    }
}

/// Tokens of `text[start..end]`, whose sentences start at `sentence_starts` (document offsets).
pub(crate) fn tokens(text: &str, start: usize, end: usize, sentence_starts: &[usize]) -> Vec<Token> {
    let mut out = Vec::new();
    let Some(slice) = text.get(start..end) else { return out };
    let mut word_start: Option<usize> = None;
    let sentence_of = |at: usize| sentence_starts.partition_point(|&s| s <= at).saturating_sub(1);
    let push_word = |out: &mut Vec<Token>, s: usize, e: usize| {
        let raw = text.get(s..e).unwrap_or("");
        let folded = fold_str(raw);
        let (base, clitic) = match folded.strip_prefix(['و', 'ف']) {
            Some(rest) if rest.chars().count() >= 2 => {
                (folded.len() - rest.len(), raw.chars().next().map_or(0, char::len_utf8))
            }
            _ => (0, 0),
        };
        let last = raw.trim_end_matches(|c: char| !is_word_char(c)).chars().next_back();
        let (maqsura, heh) = (last == Some('ى'), last == Some('ه'));
        out.push(Token {
            tok: Tok::Word { folded, base },
            start: s,
            end: e,
            base_start: s + clitic,
            sentence: sentence_of(s),
            maqsura,
            heh,
        });
    };
    for (i, c) in slice.char_indices() {
        let at = start + i;
        // Harakat and tatweel belong to their word, and so does an English apostrophe between
        // letters ("bank's", "don't").
        let apostrophe = matches!(c, '\'' | '’')
            && word_start.is_some()
            && slice.get(i + c.len_utf8()..).and_then(|r| r.chars().next()).is_some_and(is_word_char);
        let in_word = is_word_char(c) || apostrophe || matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}');
        if in_word {
            word_start.get_or_insert(at);
            continue;
        }
        if let Some(s) = word_start.take() {
            push_word(&mut out, s, at);
        }
        if !c.is_whitespace() {
            out.push(Token {
                tok: Tok::Mark(c),
                start: at,
                end: at + c.len_utf8(),
                base_start: at,
                sentence: sentence_of(at),
                maqsura: false,
                heh: false,
            });
        }
    }
    if let Some(s) = word_start.take() {
        push_word(&mut out, s, end);
    }
    out
}

/// A quotation: the token indexes of its marks (`close` is `None` when the paragraph ends
/// before it closes, as scraped text often does).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Quotation {
    pub(crate) open: usize,
    pub(crate) close: Option<usize>,
}

/// The quotations of a paragraph's tokens, outermost only.
pub(crate) fn quotations(tokens: &[Token]) -> Vec<Quotation> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Tok::Mark(open) = tokens[i].tok else {
            i += 1;
            continue;
        };
        // An apostrophe inside or after a word is not a quotation mark.
        if !OPENERS.contains(&open) || (open == '\'' && i > 0 && tokens[i - 1].end == tokens[i].start) {
            i += 1;
            continue;
        }
        let closers = closer_for(open);
        let close = (i + 1..tokens.len()).find(|&j| matches!(tokens[j].tok, Tok::Mark(c) if closers.contains(&c)));
        found.push(Quotation { open: i, close });
        i = close.map_or(tokens.len(), |c| c + 1);
    }
    found
}
