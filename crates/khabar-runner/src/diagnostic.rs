//! Config errors that point at the place in the file, in the shape compilers print them.

use std::fmt;

/// One error in a config file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The config file's name as the user gave it.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// What would be valid.
    pub help: Option<String>,
    /// The source line, to show under the message.
    source_line: String,
    /// How many characters to underline.
    width: usize,
}

impl Diagnostic {
    /// An error at byte range `range` of `source`.
    pub fn at(
        file: &str,
        source: &str,
        range: std::ops::Range<usize>,
        message: impl Into<String>,
        help: Option<String>,
    ) -> Diagnostic {
        let start = floor_boundary(source, range.start.min(source.len()));
        let line_start = source.get(..start).and_then(|s| s.rfind('\n')).map_or(0, |i| i + 1);
        let line_end = source.get(start..).and_then(|s| s.find('\n')).map_or(source.len(), |i| start + i);
        let line = source.get(..start).map_or(0, |s| s.matches('\n').count()) + 1;
        let column = source.get(line_start..start).map_or(0, |s| s.chars().count()) + 1;
        let end = floor_boundary(source, range.end.clamp(start, line_end));
        let width = source.get(start..end).map_or(1, |s| s.chars().count()).max(1);
        Diagnostic {
            file: file.to_owned(),
            line,
            column,
            message: message.into(),
            help,
            source_line: source.get(line_start..line_end).unwrap_or("").trim_end().to_owned(),
            width,
        }
    }
}

fn floor_boundary(s: &str, mut at: usize) -> usize {
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let number = self.line.to_string();
        let pad = " ".repeat(number.len());
        writeln!(f, "error: {}", self.message)?;
        writeln!(f, "{pad}--> {}:{}:{}", self.file, self.line, self.column)?;
        writeln!(f, "{pad} |")?;
        writeln!(f, "{number} | {}", self.source_line)?;
        write!(f, "{pad} | {}{}", " ".repeat(self.column - 1), "^".repeat(self.width))?;
        if let Some(help) = &self.help {
            write!(f, "\n{pad} = help: {help}")?;
        }
        Ok(())
    }
}

/// Every error found in one config, reported together so a user fixes them in one pass.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ConfigErrors(pub Vec<Diagnostic>);

impl fmt::Display for ConfigErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, diagnostic) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            writeln!(f, "{diagnostic}")?;
        }
        let n = self.0.len();
        write!(f, "{n} error{} in config", if n == 1 { "" } else { "s" })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_at_line_and_column() {
        let source = "pipeline = [\"segment\"]\n[analyzers.dates]\nyaer = \"tense\"\n";
        let at = source.find("yaer").unwrap();
        let d = Diagnostic::at("k.toml", source, at..at + 4, "unknown option `yaer`", Some("year".into()));
        assert_eq!((d.line, d.column), (3, 1));
        let shown = d.to_string();
        assert!(shown.contains("--> k.toml:3:1"), "{shown}");
        assert!(shown.contains("3 | yaer = \"tense\"\n  | ^^^^"), "{shown}");
        assert!(shown.contains("= help: year"), "{shown}");
    }
}
