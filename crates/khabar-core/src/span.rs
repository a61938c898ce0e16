use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A half-open byte range `[start, end)` into a document's text.
///
/// A `Span` made with [`Span::new`] lies inside its text and on char boundaries, so
/// [`Span::of`] never panics. Spans that arrive from outside (JSON from a plugin) are
/// deserialized unchecked; the host checks them with [`Span::check`] before use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    start: usize,
    end: usize,
}

/// Why a byte range is not a valid span of a text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpanError {
    /// `start > end`.
    #[error("span {start}..{end} is reversed")]
    Reversed {
        /// The start offset.
        start: usize,
        /// The end offset.
        end: usize,
    },
    /// The range runs past the text.
    #[error("span {start}..{end} runs past the end of the text ({len} bytes)")]
    OutOfBounds {
        /// The start offset.
        start: usize,
        /// The end offset.
        end: usize,
        /// The text's length in bytes.
        len: usize,
    },
    /// An offset falls inside a multi-byte character.
    #[error("span {start}..{end}: offset {offset} is not on a char boundary")]
    NotCharBoundary {
        /// The start offset.
        start: usize,
        /// The end offset.
        end: usize,
        /// The offending offset.
        offset: usize,
    },
}

impl Span {
    /// A span of `text`, checked to be in bounds and on char boundaries.
    pub fn new(text: &str, start: usize, end: usize) -> Result<Span, SpanError> {
        let span = Span { start, end };
        span.check(text)?;
        Ok(span)
    }

    /// The span of `part` inside `text`, when `part` is a subslice of `text`
    /// (it was obtained by slicing or splitting `text`).
    pub fn of_subslice(text: &str, part: &str) -> Option<Span> {
        let base = text.as_ptr() as usize;
        let at = (part.as_ptr() as usize).checked_sub(base)?;
        let end = at.checked_add(part.len())?;
        Span::new(text, at, end).ok()
    }

    /// Checks that this span lies inside `text` on char boundaries.
    pub fn check(&self, text: &str) -> Result<(), SpanError> {
        let (start, end) = (self.start, self.end);
        if start > end {
            return Err(SpanError::Reversed { start, end });
        }
        if end > text.len() {
            return Err(SpanError::OutOfBounds { start, end, len: text.len() });
        }
        for offset in [start, end] {
            if !text.is_char_boundary(offset) {
                return Err(SpanError::NotCharBoundary { start, end, offset });
            }
        }
        Ok(())
    }

    /// The start byte offset.
    pub fn start(&self) -> usize {
        self.start
    }

    /// The end byte offset (exclusive).
    pub fn end(&self) -> usize {
        self.end
    }

    /// The length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The covered text; empty when the span does not belong to `text`.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(deserializer)?;
        Ok(Span { start, end })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_bounds_and_boundaries() {
        let text = "قال: نعم";
        assert!(Span::new(text, 0, 6).is_ok());
        assert!(matches!(Span::new(text, 0, 1), Err(SpanError::NotCharBoundary { offset: 1, .. })));
        assert!(matches!(Span::new(text, 4, 2), Err(SpanError::Reversed { .. })));
        assert!(matches!(Span::new(text, 0, 99), Err(SpanError::OutOfBounds { .. })));
    }

    #[test]
    fn of_subslice_finds_the_offsets() {
        let text = "أكد لافروف أن";
        let word = text.split(' ').nth(1).unwrap();
        let span = Span::of_subslice(text, word).unwrap();
        assert_eq!(span.of(text), "لافروف");
        assert_eq!(Span::of_subslice(text, "لافروف"), None);
    }

    #[test]
    fn serializes_as_a_pair() {
        let span = Span::new("abc", 1, 3).unwrap();
        assert_eq!(serde_json::to_string(&span).unwrap(), "[1,3]");
        let back: Span = serde_json::from_str("[1,3]").unwrap();
        assert_eq!(back, span);
    }
}
