//! Fuzzing of the renderer: hostile Markdown (the bundler's generators, `markdown.rs`: scripts
//! and event handlers in raw HTML and heading attributes, every spelling of a `javascript:`
//! URL, deep nesting, long lines, any Unicode) with what the bundler adds to a body (headings'
//! anchors, highlighted code of any tokens, the site's own links and measured images), rendered
//! trusted and untrusted, with and without the page's controls, under any site root.
//!
//! Never a panic; the same body always renders to the same HTML; and untrusted, the HTML as a
//! browser parses it (html5ever, through scraper) has no element but those Markdown makes, no
//! `on…` handler, no `style`, and no link or image whose address runs a script.
//!
//! `FOLIO_FUZZ_CASES` sets the number of cases (`cargo xtask test --fuzz` sets it high);
//! a failing case is kept in `crates/content/proptest-regressions/fuzz_render.txt` and tried
//! first by every later run.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

// The generators and the configuration the bundler's fuzz targets use: one source for both.
#[path = "../../bundler/tests/fuzz_inputs/config.rs"]
mod config;
#[path = "../../bundler/tests/fuzz_inputs/markdown.rs"]
mod markdown;

use config::fuzz_config;
use folio_content::{
    outline,
    render::{scheme_of, MATHML_ELEMENTS},
    render_html, Body, HighlightedCode, ImageFacts, ImageVariant, LocalLink, RenderOptions, Token,
};
use proptest::prelude::*;
use scraper::{Html, Node};

/// The elements rendered Markdown is made of, and the page's controls.
const MARKDOWN_ELEMENTS: &[&str] = &[
    // The fragment's root and the context it is parsed in, as scraper parses a fragment.
    "html",
    "body",
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "div",
    "a",
    "img",
    "em",
    "strong",
    "del",
    "code",
    "pre",
    "span",
    "blockquote",
    "ul",
    "ol",
    "li",
    "input",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
    "br",
    "sup",
    "section",
    "button",
];

/// Attributes that hold an address.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "poster",
    "data",
    "cite",
    "background",
];

/// The scheme of `url` as a browser reads it, lowercase: ASCII whitespace and control
/// characters are ignored inside it, and the rest is read as the renderer reads a URL's scheme
/// (`scheme_of`: a letter then letters, digits, `+`, `-` or `.` before a `:`; anything else
/// makes a relative path, `%6Aavascript:` or `foo):bar`).
fn scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .collect();
    scheme_of(&cleaned).map(str::to_ascii_lowercase)
}

/// Whether `url` is safe for attribute `attribute` of element `element`: no scheme but
/// http(s), mailto for links, and raster `data:` images.
fn safe_url(element: &str, attribute: &str, url: &str) -> bool {
    match scheme(url).as_deref() {
        None | Some("http" | "https") => true,
        Some("mailto") => element == "a" && attribute == "href",
        Some("data") => {
            let lower: String = url
                .chars()
                .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
                .collect::<String>()
                .to_ascii_lowercase();
            element == "img"
                && attribute == "src"
                && ["png", "jpeg", "jpg", "gif", "webp", "avif"]
                    .iter()
                    .any(|kind| lower.starts_with(&format!("data:image/{kind};base64,")))
        }
        Some(_) => false,
    }
}

/// Fails unless `html`, rendered untrusted, is safe as a browser would parse it.
fn safe(html: &str) -> Result<(), TestCaseError> {
    let lower = html.to_ascii_lowercase();
    prop_assert!(!lower.contains("<script"), "a script tag in\n{html}");
    let document = Html::parse_fragment(html);
    for node in document.tree.nodes() {
        let Node::Element(element) = node.value() else {
            continue;
        };
        let name = element.name();
        prop_assert!(
            MARKDOWN_ELEMENTS.contains(&name) || MATHML_ELEMENTS.contains(&name),
            "<{name}> is not Markdown's, in\n{html}"
        );
        for (attribute, value) in element.attrs() {
            let attribute = attribute.to_ascii_lowercase();
            prop_assert!(
                !attribute.starts_with("on"),
                "<{name} {attribute}={value:?}> in\n{html}"
            );
            prop_assert!(attribute != "style", "<{name} style={value:?}> in\n{html}");
            if URL_ATTRIBUTES.contains(&attribute.as_str()) {
                prop_assert!(
                    safe_url(name, &attribute, value),
                    "<{name} {attribute}={value:?}> in\n{html}"
                );
            }
            if attribute == "srcset" {
                for candidate in value.split(',') {
                    let url = candidate.split_whitespace().next().unwrap_or_default();
                    prop_assert!(safe_url(name, "src", url), "srcset {value:?} in\n{html}");
                }
            }
        }
    }
    Ok(())
}

/// Highlighted code as the bundler might send it: any tokens, any kinds, sometimes more or
/// fewer blocks than the Markdown has.
fn code() -> impl Strategy<Value = Vec<Option<HighlightedCode>>> {
    let token = (any::<u8>(), markdown::text()).prop_map(|(kind, text)| Token(kind % 24, text));
    let block = prop::option::of(
        prop::collection::vec(token, 0..6).prop_map(|tokens| HighlightedCode { tokens }),
    );
    prop::collection::vec(block, 0..4)
}

/// What a bundle may say a formula is: MathML as the bundler writes it, and what it never would.
fn math() -> impl Strategy<Value = Vec<String>> {
    let formula = prop_oneof![
        prop::sample::select(vec![
            "<math><mi>x</mi></math>",
            "<math display=\"block\"><mfrac><mi>a</mi><mi>b</mi></mfrac></math>",
            "<math><mi onclick=\"alert(1)\">x</mi></math>",
            "<math><script>alert(1)</script></math>",
            "<math><mi>x</mi></math><img src=x onerror=alert(1)><math></math>",
            "<math><mtext class=\"a\" style=\"b\">x</mtext></math>",
        ])
        .prop_map(str::to_owned),
        markdown::text().prop_map(|text| format!("<math>{text}</math>")),
    ];
    prop::collection::vec(formula, 0..4)
}

/// Where the site's own targets lead, as the bundler resolves them, and some it never would.
fn destination() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "/posts/other-post/#why",
            "/posts/other-post/",
            "/posts/fuzzed/chart.png",
            "/static/logo.svg",
            "/posts/a b/\"q\"",
            "javascript:alert(1)",
            "//evil.example.org/",
            "",
        ])
        .prop_map(str::to_owned),
        1 => markdown::text(),
    ]
}

/// The links and measured images the bundler resolved, for targets the generators write.
fn local() -> impl Strategy<Value = (Vec<LocalLink>, Vec<ImageFacts>)> {
    let written = prop::sample::select(vec![
        "other-post.md",
        "other-post.md#why",
        "../other-post.md",
        "./chart.png",
        "/static/logo.svg",
        "javascript:alert(1)",
    ]);
    let links = prop::collection::vec((written, destination()), 0..4).prop_map(|links| {
        links
            .into_iter()
            .map(|(written, to)| LocalLink::new(written, to))
            .collect::<Vec<_>>()
    });
    let variant = (1u32..5000, destination()).prop_map(|(width, to)| ImageVariant(width, to));
    let image = (
        destination(),
        any::<u32>(),
        any::<u32>(),
        prop::collection::vec(variant, 0..3),
    )
        .prop_map(|(to, width, height, variants)| ImageFacts(to, width, height, variants));
    (links, prop::collection::vec(image, 0..3))
}

fn options() -> impl Strategy<Value = RenderOptions> {
    let root = prop::sample::select(vec!["/", "/blog/", "https://example.org/blog/"]);
    (any::<bool>(), any::<bool>(), root).prop_map(|(trusted_html, page_controls, root)| {
        RenderOptions {
            trusted_html,
            page_controls,
            site_root: root.to_owned(),
        }
    })
}

proptest! {
    #![proptest_config(fuzz_config("fuzz_render", 1))]

    #[test]
    fn any_body_renders_the_same_every_time_and_safely_unless_trusted(
        markdown in markdown::markdown(),
        code in code(),
        math in math(),
        (links, images) in local(),
        options in options(),
    ) {
        let body = Body {
            outline: outline(&markdown),
            markdown,
            code,
            links,
            images,
            math,
        };
        let html = render_html(&body, &options);
        prop_assert_eq!(&render_html(&body, &options), &html, "two renderings differ");
        if options.trusted_html {
            // Trusted HTML is the author's own: it only has to render, and parse.
            let _ = Html::parse_fragment(&html);
        } else {
            safe(&html)?;
        }
    }
}

#[test]
fn the_safety_check_catches_what_it_should() {
    for unsafe_html in [
        "<script>alert(1)</script>",
        "<p onclick=\"x\">a</p>",
        "<a href=\" java\tscript:alert(1)\">a</a>",
        "<img src=\"data:image/svg+xml,x\">",
        "<a href=\"data:image/png;base64,AAAA\">a</a>",
        "<iframe></iframe>",
        "<p style=\"color: red\">a</p>",
        "<img srcset=\"a.png 1x, javascript:alert(1) 2x\">",
    ] {
        assert!(safe(unsafe_html).is_err(), "{unsafe_html} passed");
    }
    for safe_html in [
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; javascript:alert(1)</p>",
        "<a href=\"/posts/x/\" rel=\"noopener noreferrer\">x</a>",
        "<img src=\"data:image/png;base64,AAAA\" alt=\"x\">",
        "<a href=\"mailto:a@b.org\">a</a>",
        "<a href=\"foo):bar\">a</a>",
    ] {
        assert!(safe(safe_html).is_ok(), "{safe_html} failed");
    }
}
