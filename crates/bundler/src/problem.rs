//! `Problem`: one thing wrong with the site's sources, located at a file, line and column, with a
//! hint on how to fix it. The bundler collects every problem before it gives up.

use std::{
    fmt,
    ops::Range,
    path::{Path, PathBuf},
};

/// Something wrong in the site's sources that stops the build.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file, relative to the site folder, e.g. `posts/hello.md`.
    pub file: PathBuf,
    /// 1-based line; 1 when the problem is about the file as a whole (e.g. it cannot be read).
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

/// Where something is written in a file of the site, for a problem found with it later.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Place {
    /// Relative to the site folder.
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
}

impl Place {
    /// The problem `message` at this place, with `help`.
    pub fn problem(&self, message: impl Into<String>, help: impl Into<String>) -> Problem {
        Problem {
            file: self.file.clone(),
            line: self.line,
            column: self.column,
            message: message.into(),
            help: help.into(),
        }
    }
}

impl Problem {
    /// A problem about `file` as a whole, reported at its start.
    pub fn whole_file(
        file: impl Into<PathBuf>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Problem {
        Problem {
            file: file.into(),
            line: 1,
            column: 1,
            message: message.into(),
            help: help.into(),
        }
    }

    /// A problem at byte `offset` of `text`, the contents of `file`.
    pub fn at(
        file: impl Into<PathBuf>,
        text: &[u8],
        offset: usize,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Problem {
        let (line, column) = line_column(text, offset);
        Problem {
            file: file.into(),
            line,
            column,
            message: message.into(),
            help: help.into(),
        }
    }
}

impl Problem {
    /// The problem as a warning, which does not stop the build.
    pub fn as_warning(&self) -> String {
        self.to_string().replacen("error: ", "warning: ", 1)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Problem {
            file,
            line,
            column,
            message,
            help,
        } = self;
        write!(
            f,
            "error: {}:{line}:{column}: {message}\n  help: {help}",
            file.display()
        )
    }
}

/// The 1-based line and column (in characters) of byte `offset` in `text`. Works on bytes so that
/// it also locates the first invalid byte of a file that is not UTF-8. A byte order mark at the
/// start is not counted as a column.
pub fn line_column(text: &[u8], offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let mut current = before.get(line_start..).unwrap_or_default();
    if line == 1 {
        current = current
            .strip_prefix("\u{feff}".as_bytes())
            .unwrap_or(current);
    }
    // Count characters: every byte that does not continue a UTF-8 sequence starts one.
    let column = current.iter().filter(|&&b| b & 0xC0 != 0x80).count() + 1;
    (line, column)
}

/// Maps spans of a TOML text to problems in the file that holds it: the TOML may start at byte
/// `base` of the file, as front matter does after its opening `+++` line.
#[derive(Clone, Copy, Debug)]
pub struct Locator<'a> {
    /// The file, relative to the site folder.
    pub file: &'a Path,
    /// The whole text of the file.
    pub text: &'a str,
    /// Where the TOML starts in `text`.
    pub base: usize,
}

impl Locator<'_> {
    /// A problem at `span` of the TOML text.
    pub fn problem(
        &self,
        span: &Range<usize>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Problem {
        Problem::at(
            self.file,
            self.text.as_bytes(),
            self.base + span.start,
            message,
            help,
        )
    }

    /// A problem from a TOML syntax error: its first line, at its position.
    pub fn syntax(&self, error: &toml::de::Error, help: impl Into<String>) -> Problem {
        let message = error
            .message()
            .lines()
            .next()
            .unwrap_or("invalid TOML")
            .trim();
        self.problem(&error.span().unwrap_or(0..0), message, help)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_lines_and_columns() {
        let text = "ab\ncdé f\r\nx".as_bytes();
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 2), (1, 3));
        assert_eq!(line_column(text, 3), (2, 1));
        // "é" is two bytes but one column.
        assert_eq!(line_column(text, 8), (2, 5));
        assert_eq!(line_column(text, text.len() - 1), (3, 1));
        assert_eq!(line_column(text, 999), (3, 2));
    }

    #[test]
    fn skips_the_byte_order_mark() {
        assert_eq!(line_column("\u{feff}+++".as_bytes(), 4), (1, 2));
    }

    #[test]
    fn counts_up_to_an_invalid_byte() {
        assert_eq!(line_column(b"ok\nab\xffcd", 5), (2, 3));
    }

    #[test]
    fn displays_file_line_column_and_help() {
        let problem = Problem::at("posts/x.md", b"a\nb", 2, "bad", "fix it");
        assert_eq!(
            problem.to_string(),
            "error: posts/x.md:2:1: bad\n  help: fix it"
        );
        let whole = Problem::whole_file("site.toml", "cannot read it", "create it");
        assert_eq!(
            whole.to_string(),
            "error: site.toml:1:1: cannot read it\n  help: create it"
        );
    }
}
