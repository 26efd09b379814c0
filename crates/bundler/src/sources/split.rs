//! Cuts a post into its front matter and its Markdown body. Front matter is TOML between a first
//! line `+++` and a later line `+++` (Zola, Hugo), or YAML between `---` lines (Jekyll, Hugo).

use std::path::Path;

use crate::problem::Problem;

/// The language a document is written in; messages show examples in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    Toml,
    Yaml,
}

/// A post file cut in two.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Split<'a> {
    /// The language of the front matter.
    pub syntax: Syntax,
    /// The front matter between the fences.
    pub source: &'a str,
    /// Where `source` starts in the file's text.
    pub start: usize,
    /// The Markdown after the closing fence, leading blank lines removed, line endings `\n`.
    pub body: String,
    /// The file's line (from 1) that the body starts on: line `n` of the body is line
    /// `body_line + n - 1` of the file, and its columns are the same.
    pub body_line: usize,
}

impl Syntax {
    /// The line that opens and closes front matter in this language.
    pub fn fence(self) -> &'static str {
        match self {
            Syntax::Toml => "+++",
            Syntax::Yaml => "---",
        }
    }
}

/// The text of `bytes`, the contents of `file`; a problem at the first byte that is not UTF-8.
pub fn utf8<'a>(file: &Path, bytes: &'a [u8]) -> Result<&'a str, Problem> {
    std::str::from_utf8(bytes).map_err(|error| {
        let offset = error.valid_up_to();
        let byte = bytes.get(offset).copied().unwrap_or_default();
        let help = format!(
            "save the file as UTF-8 (the first bad byte is 0x{byte:02X}, at byte {offset})"
        );
        Problem::at(file, bytes, offset, "the file is not valid UTF-8", help)
    })
}

/// Cuts `text`, the contents of `file`, into front matter and body.
pub fn split<'a>(file: &Path, text: &'a str) -> Result<Split<'a>, Problem> {
    let start = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let mut lines = lines_with_offsets(text, start);
    let first = lines
        .next()
        .map(|(_, line)| line.trim_end())
        .unwrap_or_default();
    let syntax = match first {
        "+++" => Syntax::Toml,
        "---" => Syntax::Yaml,
        _ => {
            return Err(Problem::at(
                file,
                text.as_bytes(),
                0,
                "the file does not start with front matter",
                "start the file with a line \"+++\", the TOML fields (title = \"...\"), then a closing \"+++\"; or use \"---\" lines around YAML fields (title: \"...\")",
            ))
        }
    };
    let fence = syntax.fence();
    let source_start = lines
        .clone()
        .next()
        .map_or(text.len(), |(offset, _)| offset);
    for (offset, line) in lines {
        if line.trim_end() == fence {
            let body_start = offset + line.len();
            let rest = text.get(body_start..).unwrap_or_default();
            let (body, blank_lines) = body_of(rest);
            let lines_before = text.as_bytes()[..body_start]
                .iter()
                .filter(|byte| **byte == b'\n')
                .count();
            return Ok(Split {
                syntax,
                source: text.get(source_start..offset).unwrap_or_default(),
                start: source_start,
                body,
                body_line: lines_before + blank_lines + 1,
            });
        }
    }
    Err(Problem::at(
        file,
        text.as_bytes(),
        0,
        format!("front matter opened with \"{fence}\" is never closed"),
        format!("did you forget the closing \"{fence}\" line after the fields?"),
    ))
}

/// Each line of `text` from byte `start`, with its offset, line ending included.
fn lines_with_offsets(text: &str, start: usize) -> impl Iterator<Item = (usize, &str)> + Clone {
    let rest = text.get(start..).unwrap_or_default();
    rest.split_inclusive('\n').scan(start, |offset, line| {
        let at = *offset;
        *offset += line.len();
        Some((at, line))
    })
}

/// The body from the text after the closing fence, and how many blank lines it started with.
fn body_of(rest: &str) -> (String, usize) {
    let body = rest.replace("\r\n", "\n");
    let (mut start, mut blank_lines) = (0, 0);
    for line in body.split_inclusive('\n') {
        if !line.trim().is_empty() {
            break;
        }
        start += line.len();
        blank_lines += 1;
    }
    (
        body.get(start..).unwrap_or_default().to_owned(),
        blank_lines,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_ok(text: &str) -> Split<'_> {
        split(Path::new("p.md"), text).unwrap()
    }

    fn problem(text: &str) -> String {
        let p = split(Path::new("p.md"), text).unwrap_err();
        format!("{}:{} {} | {}", p.line, p.column, p.message, p.help)
    }

    #[test]
    fn splits_front_matter_from_body() {
        let s = split_ok("+++\ntitle = \"T\"\n+++\n\n\nHello\n\nWorld\n");
        assert_eq!(
            (s.syntax, s.source, s.start),
            (Syntax::Toml, "title = \"T\"\n", 4)
        );
        assert_eq!(s.body, "Hello\n\nWorld\n");
        assert_eq!(s.body_line, 6);
        let s = split_ok("---\ntitle: T\n---\nHello\n");
        assert_eq!(s.body_line, 4);
        assert_eq!(
            (s.syntax, s.source, s.start),
            (Syntax::Yaml, "title: T\n", 4)
        );
        assert_eq!(s.body, "Hello\n");
    }

    #[test]
    fn accepts_a_byte_order_mark_and_crlf() {
        let s = split_ok("\u{feff}+++\r\ntitle = \"T\"\r\n+++  \r\n\r\nHi\r\nthere\r\n");
        assert_eq!(s.source, "title = \"T\"\r\n");
        assert_eq!(s.start, 8);
        assert_eq!((s.body.as_str(), s.body_line), ("Hi\nthere\n", 5));
        let s = split_ok("\u{feff}---\r\ntitle: T\r\n---\r\nHi\r\n");
        assert_eq!((s.syntax, s.body.as_str()), (Syntax::Yaml, "Hi\n"));
    }

    #[test]
    fn an_empty_body_is_fine() {
        assert_eq!(split_ok("+++\n+++").body, "");
        assert_eq!(split_ok("+++\n+++\n").source, "");
        assert_eq!(split_ok("---\n---").body, "");
    }

    #[test]
    fn a_fence_of_the_other_kind_does_not_close() {
        assert!(problem("+++\ntitle = \"T\"\n---\nBody").contains("never closed"));
    }

    #[test]
    fn reports_missing_and_unclosed_fences() {
        assert!(problem("title = 1").starts_with(
            "1:1 the file does not start with front matter | start the file with a line \"+++\""
        ));
        assert!(problem("").starts_with("1:1 the file does not start with front matter"));
        assert_eq!(problem("+++\ntitle = \"T\"\n\nBody"), "1:1 front matter opened with \"+++\" is never closed | did you forget the closing \"+++\" line after the fields?");
        assert_eq!(problem("---\ntitle: T\n\nBody"), "1:1 front matter opened with \"---\" is never closed | did you forget the closing \"---\" line after the fields?");
    }
}
