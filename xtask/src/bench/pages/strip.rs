//! The baseline page: Folio's page without its app, found by reading the markup tag by tag.

use anyhow::{Context, Result};

/// The page without its app: every `<script>` and `<template>` element (the bundler's template
/// holds what starts the app) and every `<link>` whose rel says `preload` or `modulepreload` (a
/// tag alone on its line takes the line with it), found by
/// reading the markup tag by tag: comments and the text of `<style>`, `<title>` and `<textarea>`
/// are kept as they are. Returns the page and how many elements it lost.
pub fn strip_app(html: &str) -> Result<(String, usize)> {
    // ASCII lowercasing keeps every byte offset, so offsets found in `lower` slice `html`.
    let lower = html.to_ascii_lowercase();
    let (mut out, mut at, mut removed) = (String::with_capacity(html.len()), 0, 0);
    while let Some(found) = lower[at..].find('<') {
        let start = at + found;
        out.push_str(&html[at..start]);
        let rest = &lower[start..];
        let name: String = rest[1..]
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        let (end, remove) = if rest.starts_with("<!--") {
            (
                rest.find("-->").map_or(html.len(), |end| start + end + 3),
                false,
            )
        } else if name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let tag_end = start
                + tag_length(&html[start..])
                    .with_context(|| format!("a <{name} tag that does not end"))?;
            match name.as_str() {
                "script" | "template" | "style" | "title" | "textarea" => {
                    let close = lower[tag_end..]
                        .find(&format!("</{name}"))
                        .with_context(|| format!("a <{name}> without </{name}>"))?;
                    let close = tag_end + close;
                    let end = lower[close..]
                        .find('>')
                        .map_or(html.len(), |end| close + end + 1);
                    (end, name == "script" || name == "template")
                }
                "link" => {
                    let rel = attribute(&html[start..tag_end], "rel")
                        .unwrap_or_default()
                        .to_ascii_lowercase();
                    (
                        tag_end,
                        rel.split_ascii_whitespace()
                            .any(|r| r == "preload" || r == "modulepreload"),
                    )
                }
                _ => (tag_end, false),
            }
        } else {
            (start + 1, false)
        };
        at = end;
        if !remove {
            out.push_str(&html[start..end]);
            continue;
        }
        removed += 1;
        let line_start = out.rfind('\n').map_or(0, |n| n + 1);
        let after = html[end..].trim_start_matches([' ', '\t']);
        let newline = if after.starts_with("\r\n") {
            2
        } else {
            usize::from(after.starts_with('\n'))
        };
        if out[line_start..].trim().is_empty() && (newline > 0 || after.is_empty()) {
            out.truncate(line_start);
            at = html.len() - after.len() + newline;
        }
    }
    out.push_str(&html[at..]);
    Ok((out, removed))
}

/// The length of the start tag at the beginning of `tag`, through its `>`; quotes count only
/// where an attribute value begins.
fn tag_length(tag: &str) -> Option<usize> {
    let (mut quote, mut after_equals) = (None, false);
    for (i, c) in tag.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '>' => return Some(i + 1),
            None if after_equals && (c == '"' || c == '\'') => quote = Some(c),
            None => {}
        }
        if !c.is_whitespace() {
            after_equals = c == '=';
        }
    }
    None
}

/// The value of the attribute `name` in the start tag `tag` (quoted or not); `""` for one without a value.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let inner = tag.trim_start_matches('<').trim_end_matches('>');
    let mut rest = inner.trim_start_matches(|c: char| !c.is_whitespace() && c != '/');
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        let key_end = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        if key_end == 0 {
            return None;
        }
        let key = &rest[..key_end];
        rest = rest[key_end..].trim_start();
        let mut value = "";
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (found, next) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => after[1..].split_once(q).unwrap_or((&after[1..], "")),
                _ => after.split_at(after.find(char::is_whitespace).unwrap_or(after.len())),
            };
            (value, rest) = (found, next);
        }
        if key.eq_ignore_ascii_case(name) {
            return Some(value.to_owned());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The head trunk writes, with an inline script over several lines, as index.html has.
    const PAGE: &str = r#"<!DOCTYPE html><html lang="en">
  <head>
    <title>a <script> in a title</title>
    <script>
      try { if (a > b && '</div>') x(); } catch (e) {}
    </script>
    <base href="/" />
    <!-- <script src="kept-in-comment.js"></script> -->
    <link rel="stylesheet" href="/folio-abc.css" integrity="sha384-x" />
<link rel="modulepreload" href="/folio-abc.js" crossorigin=anonymous integrity="sha384-y">
<LINK REL=PRELOAD href="/folio-abc_bg.wasm" as="fetch" type="application/wasm">
    <link rel="preconnect" href="https://example.org"><link rel='icon preload' href="/f.svg">
<script type="module" data-note="a > b">import init from '/folio-abc.js';
await init('/folio-abc_bg.wasm');</script>
<template id="folio-app" data-start="/start-abc.js"><link rel="modulepreload" href="/folio-abc.js"></template>
  </head>
  <body><noscript>Please enable JavaScript.</noscript>
    <main><h1>Title</h1><pre><code>&lt;script&gt;x&lt;/script&gt;</code></pre>
    <p title=it's>text <SCRIPT SRC="late.js"></SCRIPT> more</p></main>
  </body>
</html>
"#;

    #[test]
    fn removes_scripts_templates_and_preloads_and_keeps_the_rest() {
        let (page, removed) = strip_app(PAGE).unwrap();
        assert_eq!(removed, 7, "{page}");
        let expected = r#"<!DOCTYPE html><html lang="en">
  <head>
    <title>a <script> in a title</title>
    <base href="/" />
    <!-- <script src="kept-in-comment.js"></script> -->
    <link rel="stylesheet" href="/folio-abc.css" integrity="sha384-x" />
    <link rel="preconnect" href="https://example.org">
  </head>
  <body><noscript>Please enable JavaScript.</noscript>
    <main><h1>Title</h1><pre><code>&lt;script&gt;x&lt;/script&gt;</code></pre>
    <p title=it's>text  more</p></main>
  </body>
</html>
"#;
        assert_eq!(page, expected);
    }

    #[test]
    fn a_page_without_an_app_is_unchanged() {
        let page = "<html><head><link rel=stylesheet href=a.css></head><body>x</body></html>";
        assert_eq!(strip_app(page).unwrap(), (page.to_owned(), 0));
    }

    #[test]
    fn unterminated_markup_is_an_error() {
        assert!(strip_app("<p><script>never closed").is_err());
        assert!(strip_app("<p><link rel=\"preload").is_err());
    }

    #[test]
    fn reads_attributes_quoted_or_not() {
        let tag = r#"<link as=fetch REL = "preload" href='/a b.wasm' crossorigin>"#;
        assert_eq!(attribute(tag, "rel").as_deref(), Some("preload"));
        assert_eq!(attribute(tag, "href").as_deref(), Some("/a b.wasm"));
        assert_eq!(attribute(tag, "as").as_deref(), Some("fetch"));
        assert_eq!(attribute(tag, "crossorigin").as_deref(), Some(""));
        assert_eq!(attribute(tag, "type"), None);
        assert_eq!(tag_length(r#"<a title="x > y" b='>'>rest"#), Some(23));
    }
}
