//! Hostile Markdown for the fuzz targets: the bundler's (`fuzz_post.rs`) and the renderer's
//! (`crates/content/tests/fuzz_render.rs`, which includes this file by path). Structured enough
//! to reach every construct the renderer rewrites (headings with attributes, links and images
//! with scripted or obfuscated targets, raw HTML, code fences, footnotes, tables, task lists,
//! callouts, `<!-- more -->`), nested deep, with any Unicode and control characters in between,
//! very long lines and unbalanced markup. Only proptest is used, so that both crates can share it.

#![allow(dead_code)]

use proptest::prelude::*;

/// Short text of any kind: arbitrary Unicode, the characters that trip up parsers and
/// browsers (controls, NUL, BOM, line and paragraph separators, bidi overrides, combining
/// marks, noncharacters), Markdown and HTML punctuation.
pub fn text() -> BoxedStrategy<String> {
    let awkward = prop::sample::select(vec![
        "\u{0}",
        "\u{7}",
        "\u{8}",
        "\u{b}",
        "\u{c}",
        "\r",
        "\t",
        "\u{1b}[31m",
        "\u{7f}",
        "\u{85}",
        "\u{a0}",
        "\u{ad}",
        "\u{200b}",
        "\u{200d}",
        "\u{202e}",
        "\u{2028}",
        "\u{2029}",
        "\u{feff}",
        "\u{fffd}",
        "\u{fffe}",
        "\u{ffff}",
        "\u{10ffff}",
        "e\u{301}\u{301}\u{301}",
        "👩‍👩‍👧‍👦",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
        "ﷺ",
        "İ",
        "ß",
        "&",
        "&amp;",
        "&#0;",
        "&#x110000;",
        "&#xD800;",
        "&lt;script&gt;",
        "&NotAnEntity;",
        "<",
        ">",
        "\"",
        "'",
        "`",
        "\\",
        "*",
        "_",
        "~",
        "[",
        "]",
        "(",
        ")",
        "!",
        "#",
        "|",
        "{",
        "}",
        "$",
        "^",
        ":",
        "  ",
    ]);
    prop_oneof![
        3 => "[a-zA-Z0-9 ]{0,12}",
        2 => any::<String>(),
        2 => prop::collection::vec(awkward, 1..6).prop_map(|parts| parts.concat()),
        1 => "\\PC{0,8}",
        1 => any::<char>().prop_map(String::from),
    ]
    .boxed()
}

/// A target for a link or an image: ordinary ones, the site's own files and posts, and every
/// spelling of a scripted URL a browser would still run.
pub fn url() -> BoxedStrategy<String> {
    let fixed = prop::sample::select(vec![
        "https://example.org/a?b=c#d",
        "http://example.org",
        "//evil.example.org/x",
        "other-post.md",
        "other-post.md#why",
        "../other-post.md",
        "./chart.png",
        "/static/logo.svg",
        "#a-heading",
        "?q=1",
        "",
        "mailto:someone@example.org",
        "tel:+441234",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "java\u{0}script:alert(1)",
        "\u{1}javascript:alert(1)",
        "javascript&colon;alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6A;avascript:alert(1)",
        "javascript&#58;alert(1)",
        "%6Aavascript:alert(1)",
        "<javascript:alert(1)>",
        "javascript://%0Aalert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "data:image/svg+xml,<svg onload=alert(1)>",
        "data:image/png;base64,iVBORw0KGgo=",
        "DATA:image/png;base64,iVBORw0KGgo=",
        "x:y",
        "foo):bar",
        "\"onmouseover=\"alert(1)",
        "' onerror='alert(1)",
        "https://example.org/\"><script>alert(1)</script>",
    ]);
    prop_oneof![
        6 => fixed.prop_map(str::to_owned),
        1 => text(),
        1 => "[a-z]{1,8}:[^ ()<>]{0,16}",
    ]
    .boxed()
}

/// A `{...}` attribute block for a heading, as `ENABLE_HEADING_ATTRIBUTES` reads it.
fn heading_attributes() -> BoxedStrategy<String> {
    prop::sample::select(vec![
        "",
        " {#custom-id}",
        " {.class-a .class-b}",
        " {#id onclick=alert(1)}",
        " {onmouseover=\"alert(1)\" style=color:red}",
        " {#\"><script>alert(1)</script>}",
        " {.\"onclick=alert(1)}",
        " {#fn:1}",
        " {",
        " {}",
        " {#}",
    ])
    .prop_map(str::to_owned)
    .boxed()
}

/// One inline element.
pub fn inline() -> BoxedStrategy<String> {
    let html = prop::sample::select(vec![
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example.org/x.js></SCRIPT>",
        "<scr<script>ipt>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<span onclick='alert(1)'>x</span>",
        "<svg><script>alert(1)</script></svg>",
        "<svg/onload=alert(1)>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<a href=\"/ok\">ok</a>",
        "<!-- a comment -->",
        "<!--",
        "-->",
        "<?php echo 1 ?>",
        "<![CDATA[x]]>",
        "<b>",
        "</div>",
        "<style>body{}</style>",
        "<form action=javascript:alert(1)><button>x</button></form>",
        "<input onfocus=alert(1) autofocus>",
        "<details open ontoggle=alert(1)>",
    ]);
    prop_oneof![
        6 => text(),
        1 => text().prop_map(|t| format!("*{t}*")),
        1 => text().prop_map(|t| format!("**{t}**")),
        1 => text().prop_map(|t| format!("~~{t}~~")),
        1 => text().prop_map(|t| format!("`{t}`")),
        1 => text().prop_map(|t| format!("``{t}``")),
        1 => text().prop_map(|t| format!("${t}$")),
        1 => text().prop_map(|t| format!("$${t}$$")),
        2 => (text(), url(), text()).prop_map(|(t, u, title)| format!("[{t}]({u} \"{title}\")")),
        2 => (text(), url()).prop_map(|(t, u)| format!("[{t}](<{u}>)")),
        2 => (text(), url()).prop_map(|(t, u)| format!("![{t}]({u})")),
        1 => (text(), url(), url()).prop_map(|(t, inner, outer)| format!("[![{t}]({inner})]({outer})")),
        1 => (text(), url(), url()).prop_map(|(t, inner, outer)| format!("![a ![{t}]({inner}) [l]({outer})]({outer})")),
        1 => url().prop_map(|u| format!("<{u}>")),
        1 => Just("<someone@example.org>".to_owned()),
        1 => (1u8..4).prop_map(|n| format!("[^{n}]")),
        1 => "[a-z]{1,4}".prop_map(|r| format!("[{r}][{r}]")),
        2 => html.prop_map(str::to_owned),
        1 => Just("  \n".to_owned()),
        1 => Just("\\\n".to_owned()),
        1 => Just("www.example.org/autolink".to_owned()),
    ]
    .boxed()
}

/// A line of inline elements.
fn line() -> BoxedStrategy<String> {
    prop::collection::vec(inline(), 0..6)
        .prop_map(|parts| parts.concat())
        .boxed()
}

/// A line far longer than any editor shows: one piece repeated up to 20,000 times.
fn long_line() -> BoxedStrategy<String> {
    let piece = prop::sample::select(vec![
        "a", "ab ", "*", "_", "[", "](", "<", "`", "\\", "&amp;", "é", "😀", " ", "|", "~",
    ]);
    (piece, 1usize..20_000)
        .prop_map(|(piece, count)| piece.repeat(count))
        .boxed()
}

/// Markup nested far deeper than anyone writes: block quotes, lists, emphasis, brackets,
/// HTML elements, each from 1 to 600 levels.
fn deep() -> BoxedStrategy<String> {
    (0u8..9, 1usize..600, text())
        .prop_map(|(kind, depth, inner)| match kind {
            0 => format!("{} {inner}\n", ">".repeat(depth)),
            1 => (0..depth)
                .map(|level| format!("{}- {inner}\n", "  ".repeat(level)))
                .collect(),
            2 => (0..depth.min(120))
                .map(|level| format!("{}1. {inner}\n", "   ".repeat(level)))
                .collect(),
            3 => format!("{}{inner}{}", "*".repeat(depth), "*".repeat(depth)),
            4 => format!("{}{inner}{}", "[".repeat(depth), "]".repeat(depth)),
            5 => format!(
                "{}{inner}{}",
                "<div>".repeat(depth),
                "</div>".repeat(depth / 2)
            ),
            6 => format!("{}x{}", "![".repeat(depth), "](y)".repeat(depth)),
            7 => format!("{}{inner}", "> - ".repeat(depth)),
            _ => format!("{}{inner}", "[^a]: ".repeat(depth)),
        })
        .boxed()
}

/// A fenced code block, sometimes never closed, in a language the highlighter knows or not.
fn code_block() -> BoxedStrategy<String> {
    let language = prop::sample::select(vec![
        "",
        "rust",
        "html",
        "js",
        "python",
        "toml",
        "yaml",
        "markdown",
        "sh",
        "no-such-language",
        "rust,ignore",
        "rust {onclick=alert(1)}",
        "\"><script>",
        "javascript:alert(1)",
    ]);
    let fence = prop::sample::select(vec!["```", "~~~", "````", "``"]);
    let body = prop_oneof![
        3 => prop::collection::vec(text(), 0..6).prop_map(|lines| lines.join("\n")),
        1 => long_line().prop_map(|line| line.chars().take(5_000).collect()),
        1 => Just("</code></pre><script>alert(1)</script>".to_owned()),
        1 => Just("fn main() { println!(\"{}\", \"\\u{0}\"); /* unclosed".to_owned()),
    ];
    (fence, language, body, any::<bool>())
        .prop_map(|(fence, language, body, closed)| {
            let close = if closed { fence } else { "" };
            format!("{fence}{language}\n{body}\n{close}\n")
        })
        .boxed()
}

/// A table, its rows not always as wide as its head.
fn table() -> BoxedStrategy<String> {
    let align = prop::sample::select(vec!["---", ":--", ":-:", "--:", "-", ""]);
    (
        prop::collection::vec(line(), 1..5),
        prop::collection::vec(align, 1..5),
        prop::collection::vec(prop::collection::vec(line(), 0..6), 0..4),
    )
        .prop_map(|(head, aligns, rows)| {
            let row = |cells: &[String]| format!("| {} |\n", cells.join(" | "));
            let mut out = row(&head);
            out.push_str(&format!("|{}|\n", aligns.join("|")));
            for cells in &rows {
                out.push_str(&row(cells));
            }
            out
        })
        .boxed()
}

/// One block, not nested.
fn leaf_block() -> BoxedStrategy<String> {
    let html_block = prop::sample::select(vec![
        "<div onclick=\"alert(1)\">\n\nx\n\n</div>\n",
        "<script>\nalert(1)\n</script>\n",
        "<script src=\"//evil.example.org/x.js\">\n",
        "<style>\n* { display: none }\n</style>\n",
        "<iframe src=\"javascript:alert(1)\">\n",
        "<!-- more -->\n",
        "<!--more-->\n",
        "<!--\nnever closed\n",
        "<pre>\n<script>alert(1)</script>\n</pre>\n",
        "<textarea>\n</textarea><script>alert(1)</script>\n",
        "<object data=\"javascript:alert(1)\"></object>\n",
        "<table><tr><td onmouseover=alert(1)>x</td></tr></table>\n",
    ]);
    prop_oneof![
        6 => line().prop_map(|l| format!("{l}\n")),
        2 => (1usize..8, line(), heading_attributes())
            .prop_map(|(level, l, attrs)| format!("{} {l}{attrs}\n", "#".repeat(level))),
        1 => (line(), prop::sample::select(vec!["===", "---", "="]))
            .prop_map(|(l, under)| format!("{l}\n{under}\n")),
        2 => code_block(),
        1 => line().prop_map(|l| format!("    {l}\n")),
        1 => table(),
        1 => prop::sample::select(vec!["---\n", "***\n", "___\n", "- - -\n"]).prop_map(str::to_owned),
        2 => html_block.prop_map(str::to_owned),
        1 => (1u8..4, line()).prop_map(|(n, l)| format!("[^{n}]: {l}\n")),
        1 => ("[a-z]{1,4}", url()).prop_map(|(r, u)| format!("[{r}]: {u}\n")),
        1 => long_line().prop_map(|l| format!("{l}\n")),
        1 => deep(),
        1 => Just("$$\n\\frac{1}{2}\n$$\n".to_owned()),
    ]
    .boxed()
}

/// Indents every line of `text` by `prefix` (`> ` for a quote, spaces for a list item).
fn prefixed(text: &str, first: &str, rest: &str) -> String {
    let mut out = String::new();
    for (i, line) in text.lines().enumerate() {
        out.push_str(if i == 0 { first } else { rest });
        out.push_str(line);
        out.push('\n');
    }
    if out.is_empty() {
        out.push_str(first);
        out.push('\n');
    }
    out
}

/// A Markdown document: blocks, nested in quotes, callouts and (task) lists.
pub fn markdown() -> BoxedStrategy<String> {
    let block = leaf_block().prop_recursive(4, 48, 6, |inner| {
        let blocks = prop::collection::vec(inner, 1..4).prop_map(|blocks| blocks.join("\n"));
        let marker = prop::sample::select(vec!["- ", "* ", "+ ", "1. ", "2) ", "- [ ] ", "- [x] ", "-\t"]);
        let callout = prop::sample::select(vec![
            "> [!NOTE]\n",
            "> [!WARNING]\n",
            "> [!TIP]\n",
            "> [!CAUTION]\n",
            "> [!IMPORTANT]\n",
            "> [!note]\n",
            "> [!UNKNOWN]\n",
            "> [!NOTE] title\n",
        ]);
        prop_oneof![
            2 => blocks.clone().prop_map(|b| prefixed(&b, "> ", "> ")),
            1 => (callout, blocks.clone()).prop_map(|(c, b)| format!("{c}{}", prefixed(&b, "> ", "> "))),
            3 => (marker, blocks.clone()).prop_map(|(m, b)| {
                let indent = " ".repeat(m.trim_end().len() + 1);
                prefixed(&b, m, &indent)
            }),
            1 => blocks,
        ]
    });
    prop::collection::vec(block, 0..8)
        .prop_map(|blocks| blocks.join("\n"))
        .boxed()
}
