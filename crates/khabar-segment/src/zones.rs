//! Which part of the page each paragraph is.
//!
//! In order: a cue at the start of the line (or the whole line, or anywhere in a short line
//! for copyright marks) decides first; a line of punctuation only is a separator
//! (boilerplate); a short line opening with a site's domain is a byline. A standalone
//! "related" header takes the lines after it, up to the next cue or the end. Then, before the
//! story starts: time-only lines and short date-bearing lines are datelines and the first
//! headline-like line is the title. Everything else is body; a time-only line after the body
//! is a trailer (boilerplate).

use khabar_core::text::{Normalized, fold_str};
use khabar_core::{Span, ZoneKind};

use crate::lexicon::{CUES, ERA_MARKERS, MONTHS, Placement};
use crate::paragraphs::Unit;

/// A cue, folded, ready to match.
pub(crate) struct CueMatcher {
    zone: ZoneKind,
    placement: Placement,
    max_words: usize,
    folded: String,
    letters: String,
}

impl CueMatcher {
    pub(crate) fn new(zone: ZoneKind, placement: Placement, max_words: usize, phrase: &str) -> CueMatcher {
        let folded = fold_str(phrase.trim());
        let letters = letters_only(&folded);
        CueMatcher { zone, placement, max_words, folded, letters }
    }

    pub(crate) fn builtin() -> Vec<CueMatcher> {
        CUES.iter().map(|c| CueMatcher::new(c.zone, c.placement, c.max_words, c.phrase)).collect()
    }
}

/// The decisions for one text.
pub(crate) struct Zoning {
    /// One kind per unit.
    pub(crate) kinds: Vec<ZoneKind>,
    /// The credited outlet, from the first source line.
    pub(crate) source: Option<Span>,
}

/// Facts about one unit that the rules read.
struct Line<'t> {
    text: &'t str,
    words: usize,
    /// The folded start of the line, with offsets back into `text`.
    head: Normalized,
    /// The whole line folded, made only when a short line needs it.
    folded: std::cell::OnceCell<String>,
    /// Its letters and digits only, for whole-line cues.
    letters: std::cell::OnceCell<String>,
}

/// How much of a line's start is folded for cue matching: longer than any cue.
const HEAD_CHARS: usize = 64;

/// Word counts above this are not needed by any rule (cue limits, title, footer).
const MAX_COUNTED_WORDS: usize = 64;

impl<'t> Line<'t> {
    fn new(text: &'t str) -> Line<'t> {
        let cut = text.char_indices().nth(HEAD_CHARS).map_or(text.len(), |(at, _)| at);
        let head = Normalized::new(text.get(..cut).unwrap_or(text));
        // Rules only ask whether a line has up to a few dozen words: stop counting there.
        let words = text.split_whitespace().take(MAX_COUNTED_WORDS).count();
        Line { text, words, head, folded: std::cell::OnceCell::new(), letters: std::cell::OnceCell::new() }
    }

    fn folded(&self) -> &str {
        self.folded.get_or_init(|| fold_str(self.text))
    }

    fn letters(&self) -> &str {
        self.letters.get_or_init(|| letters_only(self.folded()))
    }

    /// The cue this line carries and where the cue ends in the line.
    fn cue<'m>(&self, matchers: &'m [CueMatcher]) -> Option<(&'m CueMatcher, usize)> {
        let head = self.head.as_str();
        for m in matchers {
            if m.max_words != 0 && self.words > m.max_words {
                continue;
            }
            let found = match m.placement {
                Placement::Prefix => head.starts_with(&m.folded) && at_word_end(head, m.folded.len()),
                Placement::Label => head.starts_with(&m.folded) && is_label_end(head, m.folded.len()),
                Placement::Whole => !m.letters.is_empty() && self.letters() == m.letters,
                Placement::Anywhere => self.folded().contains(&m.folded),
            };
            if found {
                let end = match m.placement {
                    Placement::Prefix | Placement::Label => self.head.original_range(0, m.folded.len()).1,
                    Placement::Whole | Placement::Anywhere => self.text.len(),
                };
                return Some((m, end));
            }
        }
        None
    }

    /// Only punctuation and symbols: a separator.
    fn is_separator(&self) -> bool {
        !self.text.chars().any(char::is_alphanumeric)
    }

    /// A short line opening with a domain name ("AHDATH.INFO - متابعة").
    fn is_site_credit(&self) -> bool {
        let Some(first) = self.text.split_whitespace().next() else { return false };
        let parts: Vec<&str> = first.trim_matches(|c: char| !c.is_alphanumeric()).split('.').collect();
        self.words <= 4
            && parts.len() >= 2
            && parts.iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
            && parts
                .last()
                .is_some_and(|tld| tld.chars().all(|c| c.is_ascii_alphabetic()) && (2..=6).contains(&tld.len()))
    }

    /// A clock time and little else ("16:10 ت م", "10:30 GMT").
    fn is_time_only(&self) -> bool {
        if self.words > 5 {
            return false;
        }
        let tokens: Vec<&str> = self.text.split_whitespace().collect();
        tokens.len() <= 5
            && tokens.iter().any(|t| is_clock(t))
            && tokens
                .iter()
                .all(|t| is_clock(t) || t.chars().count() <= 3 || ERA_MARKERS.contains(&fold_str(t).as_str()))
    }

    /// A short line that carries a date: a month name next to a number, a number followed by
    /// an era mark (1436 هـ), or a numeric date (2024-02-13, 13/02/2024).
    fn is_dateish(&self) -> bool {
        // A line that ends like a sentence is a sentence, even a short one with a date in it.
        let ends_sentence = self.text.ends_with(['.', '!', '?', '؟']) && !self.text.ends_with(" م.");
        if self.words > 16 || self.words == 0 || ends_sentence {
            return false;
        }
        let tokens: Vec<&str> = self
            .folded()
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '،' | '(' | ')' | '-' | '–' | '/' | '|'))
            .filter(|t| !t.is_empty())
            .collect();
        let is_number = |t: &str| {
            let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            !digits.is_empty() && digits.len() <= 4 && digits.chars().all(|c| c.is_ascii_digit())
        };
        let month_by_number = tokens.iter().enumerate().any(|(i, t)| {
            let month = MONTHS.contains(&t.trim_end_matches('.'))
                || MONTHS.iter().any(|m| t.strip_prefix('ب').is_some_and(|rest| rest == *m));
            month && tokens[i.saturating_sub(2)..(i + 3).min(tokens.len())].iter().any(|n| is_number(n))
        });
        let era = tokens.windows(2).any(|w| is_number(w[0]) && (w[1] == "ه" || w[1] == "هـ"));
        let numeric = self.text.split_whitespace().any(is_numeric_date);
        month_by_number || era || numeric
    }

    /// Could be a headline: a few words on one line that do not end like a sentence.
    fn is_headline_like(&self, max_words: usize) -> bool {
        let last = self.text.chars().next_back();
        (2..=max_words).contains(&self.words)
            && !self.text.contains('\n')
            && !last.is_some_and(|c| matches!(c, '.' | ':' | '،' | ',' | '؛' | ';'))
    }
}

fn at_word_end(s: &str, at: usize) -> bool {
    s.get(at..).and_then(|rest| rest.chars().next()).is_none_or(|c| !c.is_alphanumeric())
}

/// After a label: nothing, or a separator (`:`, `-`, `|`) after optional spaces.
fn is_label_end(s: &str, at: usize) -> bool {
    let rest = s.get(at..).unwrap_or("").trim_start();
    rest.is_empty() || rest.starts_with([':', '：', '-', '–', '—', '|'])
}

fn letters_only(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

fn is_clock(token: &str) -> bool {
    let mut parts = token.split(':');
    let (Some(h), Some(m)) = (parts.next(), parts.next()) else { return false };
    let digits = |p: &str, max: usize| !p.is_empty() && p.len() <= max && p.chars().all(|c| c.is_ascii_digit());
    digits(h, 2) && digits(m, 2) && parts.all(|s| digits(s, 2))
}

/// 2024-02-13, 13/02/2024, 13.02.2024 (ASCII, Arabic-Indic or Persian digits).
fn is_numeric_date(token: &str) -> bool {
    let folded = fold_str(token);
    let token = folded.trim_matches(|c: char| !c.is_ascii_digit());
    for sep in ['-', '/', '.'] {
        let parts: Vec<&str> = token.split(sep).collect();
        if parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())) {
            let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
            if (lens[0] == 4 && lens[1] <= 2 && lens[2] <= 2) || (lens[0] <= 2 && lens[1] <= 2 && lens[2] == 4) {
                return true;
            }
        }
    }
    false
}

/// Decides each unit's zone.
pub(crate) fn zone(text: &str, units: &[Unit], matchers: &[CueMatcher], title_max_words: usize) -> Zoning {
    let lines: Vec<Line<'_>> = units.iter().map(|u| Line::new(u.span.of(text))).collect();
    let mut kinds: Vec<Option<ZoneKind>> = vec![None; units.len()];
    let mut source = None;
    let mut related_headers = Vec::new();

    for (i, line) in lines.iter().enumerate() {
        if let Some((cue, end)) = line.cue(matchers) {
            kinds[i] = Some(cue.zone);
            if cue.zone == ZoneKind::Source && source.is_none() {
                source = source_value(text, units[i].span, end);
            }
            let rest = line.text.get(end..).unwrap_or("").trim_matches(|c: char| !c.is_alphanumeric());
            if cue.zone == ZoneKind::Related && rest.is_empty() {
                related_headers.push(i);
            }
        } else if line.is_separator() {
            kinds[i] = Some(ZoneKind::Boilerplate);
        } else if line.is_site_credit() {
            kinds[i] = Some(ZoneKind::Byline);
        }
    }
    for header in related_headers {
        for kind in kinds.iter_mut().skip(header + 1) {
            if kind.is_some() {
                break;
            }
            *kind = Some(ZoneKind::Related);
        }
    }

    let mut seen_body = false;
    let mut seen_title = false;
    let last = units.len().saturating_sub(1);
    for (i, line) in lines.iter().enumerate() {
        if kinds[i].is_some() {
            continue;
        }
        let kind = if line.is_time_only() {
            if seen_body { ZoneKind::Boilerplate } else { ZoneKind::Dateline }
        } else if !seen_body && line.is_dateish() {
            ZoneKind::Dateline
        } else if !seen_body && !seen_title && i < last && line.is_headline_like(title_max_words) {
            seen_title = true;
            ZoneKind::Title
        } else {
            seen_body = true;
            ZoneKind::Body
        };
        kinds[i] = Some(kind);
    }
    mark_footer(&lines, &mut kinds);
    Zoning { kinds: kinds.into_iter().map(|k| k.unwrap_or(ZoneKind::Body)).collect(), source }
}

/// Lines after a separator that closes the story are page footer (an app promotion, a
/// newsletter call): at most two short lines between the separator and the end.
fn mark_footer(lines: &[Line<'_>], kinds: &mut [Option<ZoneKind>]) {
    let Some(separator) = lines.iter().rposition(Line::is_separator) else { return };
    let after = separator + 1..lines.len();
    let story_before = kinds[..separator].contains(&Some(ZoneKind::Body));
    let short_tail = after.len() <= 2 && lines[after.clone()].iter().all(|l| l.words <= 40);
    if story_before && short_tail {
        for kind in &mut kinds[after] {
            if *kind == Some(ZoneKind::Body) {
                *kind = Some(ZoneKind::Boilerplate);
            }
        }
    }
}

/// The outlet named after a source cue, without separators.
fn source_value(text: &str, unit: Span, cue_end: usize) -> Option<Span> {
    let rest = unit.of(text).get(cue_end..)?;
    let value = rest.trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '：' | '-' | '–' | '—' | '|' | '.'));
    if value.is_empty() {
        return None;
    }
    Span::of_subslice(text, value)
}
