//! Highlighting at build time: each fenced code block in a language the highlighter knows is cut
//! into tokens (`HighlightedCode`), which travel in the post's bundle, so the app carries no
//! highlighter and no grammar. syntect parses, with two-face's grammars (bat's, some 200
//! languages); each token's TextMate scope becomes one of a few kinds (`TokenKind`), coloured
//! by class in style/main.css for both themes. A block in no known language, or one the
//! grammar fails on, stays plain text: never an error.

use std::sync::LazyLock;

use folio_content::{render::markdown_options, HighlightedCode, Token, TokenKind};
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};
use syntect::{
    parsing::{ParseState, Scope, ScopeStack, SyntaxReference, SyntaxSet},
    util::LinesWithEndings,
};

static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(two_face::syntax::extra_newlines);

/// The scopes that decide a token's kind, most specific first: the innermost scope of a token
/// that starts with one of them gives the kind.
static KINDS: LazyLock<Vec<(Scope, TokenKind)>> = LazyLock::new(|| {
    [
        ("comment", TokenKind::Comment),
        ("string", TokenKind::String),
        ("constant.numeric", TokenKind::Number),
        ("constant", TokenKind::Constant),
        ("support.constant", TokenKind::Constant),
        ("keyword.operator", TokenKind::Operator),
        ("keyword", TokenKind::Keyword),
        ("storage", TokenKind::Keyword),
        ("entity.name.function", TokenKind::Function),
        ("support.function", TokenKind::Function),
        ("variable.function", TokenKind::Function),
        ("entity.name.tag", TokenKind::Tag),
        ("entity.other.attribute-name", TokenKind::Attribute),
        ("entity.name", TokenKind::Type),
        ("entity.other.inherited-class", TokenKind::Type),
        ("support.type", TokenKind::Type),
        ("support.class", TokenKind::Type),
        ("variable", TokenKind::Variable),
        ("markup.heading", TokenKind::Heading),
        ("markup.inserted", TokenKind::Inserted),
        ("markup.deleted", TokenKind::Deleted),
    ]
    .into_iter()
    .filter_map(|(name, kind)| Scope::new(name).ok().map(|scope| (scope, kind)))
    .collect()
});

/// The grammar for a fence's language: its first word, as the name or a file extension of
/// a language (`rust`, `rs`, `Python`, `py`), with a few names authors use that no grammar does.
pub fn syntax_for(info: &str) -> Option<&'static SyntaxReference> {
    let word = info
        .split(|c: char| c.is_whitespace() || c == ',' || c == '{')
        .next()?
        .to_ascii_lowercase();
    let token = match word.as_str() {
        "" | "text" | "txt" | "plain" | "plaintext" => return None,
        "shell" | "console" | "zsh" | "sh" => "bash",
        "c++" => "cpp",
        "c#" | "csharp" => "cs",
        "golang" => "go",
        "docker" => "dockerfile",
        "make" => "makefile",
        other => other,
    };
    SYNTAXES.find_syntax_by_token(token)
}

/// Every fenced code block of `markdown`, in order, highlighted if its language is known.
pub fn highlight(markdown: &str) -> Vec<Option<HighlightedCode>> {
    let mut blocks = Vec::new();
    let mut open: Option<(Option<&SyntaxReference>, String)> = None;
    for event in Parser::new_ext(markdown, markdown_options()) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                open = Some((syntax_for(&info), String::new()));
            }
            Event::Text(text) => {
                if let Some((_, code)) = open.as_mut() {
                    code.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((syntax, code)) = open.take() {
                    blocks.push(syntax.and_then(|syntax| tokens(syntax, &code)));
                }
            }
            _ => {}
        }
    }
    blocks
}

/// `code` as tokens in `syntax`'s grammar, neighbours of one kind joined; `None` if it fails.
fn tokens(syntax: &SyntaxReference, code: &str) -> Option<HighlightedCode> {
    let mut state = ParseState::new(syntax);
    let mut stack = ScopeStack::new();
    let mut tokens: Vec<Token> = Vec::new();
    let mut push = |kind: TokenKind, text: &str| match tokens.last_mut() {
        Some(last) if last.0 == kind as u8 => last.1.push_str(text),
        _ if text.is_empty() => {}
        _ => tokens.push(Token::new(kind, text.to_owned())),
    };
    for line in LinesWithEndings::from(code) {
        let mut at = 0;
        for (position, op) in state.parse_line(line, &SYNTAXES).ok()? {
            let position = position.min(line.len());
            if position > at {
                push(kind(&stack), line.get(at..position)?);
                at = position;
            }
            stack.apply(&op).ok()?;
        }
        push(kind(&stack), line.get(at..)?);
    }
    Some(HighlightedCode { tokens })
}

/// The kind of a token in `stack`'s scopes: the innermost scope that has one, else plain.
fn kind(stack: &ScopeStack) -> TokenKind {
    stack
        .as_slice()
        .iter()
        .rev()
        .find_map(|scope| {
            KINDS
                .iter()
                .find(|(prefix, _)| prefix.is_prefix_of(*scope))
                .map(|(_, kind)| *kind)
        })
        .unwrap_or(TokenKind::Plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_used_languages_are_known_by_their_usual_names() {
        let names = [
            "rust",
            "rs",
            "python",
            "py",
            "javascript",
            "js",
            "typescript",
            "ts",
            "tsx",
            "go",
            "java",
            "c",
            "cpp",
            "c++",
            "csharp",
            "c#",
            "ruby",
            "php",
            "swift",
            "kotlin",
            "scala",
            "bash",
            "sh",
            "shell",
            "console",
            "powershell",
            "sql",
            "html",
            "css",
            "scss",
            "json",
            "yaml",
            "yml",
            "toml",
            "xml",
            "markdown",
            "md",
            "dockerfile",
            "makefile",
            "lua",
            "perl",
            "r",
            "haskell",
            "elixir",
            "dart",
            "diff",
            "ini",
            "nix",
            "zig",
            "lisp",
        ];
        let unknown: Vec<&str> = names
            .into_iter()
            .filter(|name| syntax_for(name).is_none())
            .collect();
        assert_eq!(unknown, Vec::<&str>::new());
        assert!(syntax_for("rust,ignore").is_some());
        assert!(syntax_for("no-such-language").is_none());
        assert!(syntax_for("text").is_none());
    }

    #[test]
    fn tokens_are_the_code_with_kinds() {
        let blocks = highlight(
            "```rust\nfn main() { let x = 1; } // done\n```\n\n```nope\nplain\n```\n\n    indented\n\n```\n\n```\n",
        );
        assert_eq!(blocks.len(), 3, "fenced blocks only: {blocks:?}");
        let rust = blocks[0].as_ref().unwrap();
        let text: String = rust.tokens.iter().map(|token| token.1.as_str()).collect();
        assert_eq!(text, "fn main() { let x = 1; } // done\n");
        let of = |kind| {
            rust.tokens
                .iter()
                .filter(|token| token.0 == kind as u8)
                .map(|token| token.1.trim())
                .collect::<Vec<_>>()
        };
        assert!(of(TokenKind::Keyword).contains(&"fn"), "{rust:?}");
        assert!(of(TokenKind::Function).contains(&"main"), "{rust:?}");
        assert!(of(TokenKind::Number).contains(&"1"), "{rust:?}");
        assert!(
            of(TokenKind::Comment).iter().any(|c| c.contains("done")),
            "{rust:?}"
        );
        assert_eq!(blocks[1], None);
        assert_eq!(blocks[2], None);
    }
}
