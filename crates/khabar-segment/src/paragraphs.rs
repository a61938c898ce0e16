//! Lines, blocks and paragraphs.
//!
//! Scraped text comes one paragraph a line, or in blank-line separated blocks, sometimes
//! hard-wrapped. Every non-empty line is a paragraph, except in a blank-line separated text
//! whose block is hard-wrapped (inner lines of similar length that do not end a sentence):
//! there the block is one paragraph.

use khabar_core::Span;

/// A paragraph before it has a zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unit {
    /// Trimmed of white space and invisible marks.
    pub(crate) span: Span,
    /// Whether a blank line (or the start of the text) comes before it.
    pub(crate) opens_block: bool,
}

/// Line breaks: `\n`, `\r\n`, `\r`, and the Unicode line and paragraph separators
/// (U+2028, U+2029, encoded E2 80 A8/A9), found with a byte search.
fn lines(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut at = 0;
    while let Some(found) = memchr::memchr3(b'\n', b'\r', 0xE2, &bytes[at..]) {
        let i = at + found;
        let width = match bytes[i] {
            b'\n' => 1,
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => 2,
            b'\r' => 1,
            _ if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) => 3,
            _ => {
                at = i + 1;
                continue;
            }
        };
        lines.push((start, i));
        start = i + width;
        at = start;
    }
    if start < text.len() {
        lines.push((start, text.len()));
    }
    lines
}

/// Characters trimmed from paragraph edges: white space (including no-break space) and
/// invisible format marks scrapers leave (zero-width, bidi controls, BOM).
pub(crate) fn is_blank_char(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// The trimmed part of `text[start..end]`, as offsets; `None` when blank.
pub(crate) fn trim(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let slice = text.get(start..end)?;
    let left = slice.len() - slice.trim_start_matches(is_blank_char).len();
    let right = slice.trim_end_matches(is_blank_char).len();
    (left < right).then_some((start + left, start + right))
}

/// The paragraphs of `text`, in order.
pub(crate) fn units(text: &str) -> Vec<Unit> {
    let mut blocks: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut in_block = false;
    for (start, end) in lines(text) {
        match trim(text, start, end) {
            Some(line) if in_block => blocks.last_mut().map_or((), |b| b.push(line)),
            Some(line) => {
                blocks.push(vec![line]);
                in_block = true;
            }
            None => in_block = false,
        }
    }
    let blank_separated = blocks.len() > 1;
    let mut units = Vec::new();
    for block in &blocks {
        let first = block[0];
        let last = block[block.len() - 1];
        if blank_separated && is_wrapped(text, block) {
            if let Ok(span) = Span::new(text, first.0, last.1) {
                units.push(Unit { span, opens_block: true });
            }
            continue;
        }
        for (i, &(start, end)) in block.iter().enumerate() {
            if let Ok(span) = Span::new(text, start, end) {
                units.push(Unit { span, opens_block: i == 0 });
            }
        }
    }
    units
}

/// Whether a block's lines are one hard-wrapped paragraph: its inner lines are long, of
/// similar length, and none ends a sentence or introduces what follows.
fn is_wrapped(text: &str, block: &[(usize, usize)]) -> bool {
    if block.len() < 2 {
        return false;
    }
    let lengths: Vec<usize> = block.iter().map(|&(s, e)| text.get(s..e).map_or(0, |l| l.chars().count())).collect();
    let longest = lengths.iter().copied().max().unwrap_or(0);
    if longest < 40 {
        return false;
    }
    block[..block.len() - 1].iter().zip(&lengths).all(|(&(s, e), &len)| {
        let ends_sentence = text
            .get(s..e)
            .and_then(|line| line.chars().next_back())
            .is_some_and(|c| matches!(c, '.' | '!' | '?' | '؟' | '…' | ':' | '"' | '»' | '”'));
        len * 10 >= longest * 6 && !ends_sentence
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        units(text).iter().map(|u| u.span.of(text)).collect()
    }

    #[test]
    fn one_paragraph_a_line() {
        assert_eq!(texts("عنوان\r\n  نص أول.\r\n\r\nنص ثان.\n"), vec!["عنوان", "نص أول.", "نص ثان."]);
        assert_eq!(texts("a\rb\u{2029}c"), vec!["a", "b", "c"]);
        assert_eq!(texts("\u{200F} \u{00A0}x\u{200E}\n \n"), vec!["x"]);
        assert!(texts("").is_empty());
    }

    #[test]
    fn hard_wrapped_blocks_are_one_paragraph() {
        let text = "The minister said on Tuesday that the talks would\nresume next week in the capital, officials added.\n\nA second paragraph.";
        assert_eq!(texts(text).len(), 2);
        // Without blank lines there are no blocks to trust: each line stands.
        let text =
            "The minister said on Tuesday that the talks would\nresume next week in the capital, officials added.";
        assert_eq!(texts(text).len(), 2);
    }

    #[test]
    fn marks_block_openings() {
        let units = units("a\nb\n\nc");
        let opens: Vec<bool> = units.iter().map(|u| u.opens_block).collect();
        assert_eq!(opens, vec![true, false, true]);
    }
}
