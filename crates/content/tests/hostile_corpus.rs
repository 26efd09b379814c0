//! The renderer against a hostile corpus: the XSS payloads of DOMPurify's tests, markdown-it's
//! XSS fixtures, the vectors of OWASP's XSS Filter Evasion Cheat Sheet and the CommonMark spec's
//! examples of raw HTML, links, images, autolinks, references and entities (`tests/hostile/`,
//! see its README). It proves that under the safety policy (DESIGN.md, "Safety policy for
//! rendering") none of them, raw or as the target of a Markdown link or image, gets anything
//! executable onto the page: the output is parsed as HTML5, as a browser would parse it, and
//! checked on that tree, never as a string.
//!
//! Modes:
//! - Untrusted (`trusted_html: false`), as a post page (with the page's controls, site at `/`)
//!   and as a feed (no controls, site at an absolute address). Every invariant applies to the
//!   whole output: only the elements and attributes Markdown makes (`check_shape`), nothing
//!   executable or embedding (`DENIED_ELEMENTS`), no event handler or other dangerous attribute
//!   (`DENIED_ATTRIBUTES`), only safe URLs (`check_url`), `rel="noopener noreferrer"` on links
//!   that leave the site, ids unique and not the app's own.
//! - Trusted (`trusted_html: true`), as a post page. Raw HTML passes through on purpose, so what
//!   it writes is not checked. What still holds: an input with no raw HTML in it (as
//!   pulldown-cmark reads it with Folio's options) gets every untrusted invariant, except on the
//!   attributes of headings, which `{key=value}` may set when authors are trusted; and in any
//!   input, the links and images written in Markdown syntax (found by their `MARK` text or alt
//!   text, or an autolink by its text) keep safe URLs and the external-link `rel`.
//!
//! Every failure is collected and all are reported at once, with source, mode, how the input
//! was made, the input, the offending element or attribute and the output. Run with
//! `-- --nocapture` to see how many inputs each source gave in each mode.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, HashSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

use folio_content::outline::RESERVED_IDS;
use folio_content::render::markdown_options;
use folio_content::{outline, render_html, Body, RenderOptions};
use pulldown_cmark::{Event, Parser};
use scraper::{ElementRef, Html, Node};

/// The vendored corpus: each file a JSON array of input strings.
const SOURCES: [(&str, &str); 4] = [
    ("dompurify", include_str!("hostile/dompurify.json")),
    ("markdown-it", include_str!("hostile/markdown-it.json")),
    ("owasp", include_str!("hostile/owasp.json")),
    (
        "commonmark-spec",
        include_str!("hostile/commonmark-spec.json"),
    ),
];

/// The text of the links and the alt text of the images the test writes around a payload, so
/// that in trusted mode they can be told from whatever raw HTML the payload brings. No payload
/// contains it (checked).
const MARK: &str = "folio-hostile-mark";

/// Elements that run script, embed another document or plug-in, change how the page resolves
/// URLs or loads, submit data, style the page, or are parsed in ways known to smuggle markup
/// past sanitizers (mXSS). None may appear in untrusted output. (The shape check below allows
/// far less; this list names the dangerous ones so that a failure says why it matters.)
const DENIED_ELEMENTS: &[(&str, &str)] = &[
    ("script", "runs script"),
    ("iframe", "embeds a document"),
    ("frame", "embeds a document"),
    ("frameset", "embeds documents"),
    ("object", "embeds a plug-in or document"),
    ("embed", "embeds a plug-in or document"),
    ("applet", "embeds a Java applet"),
    ("param", "feeds a plug-in"),
    ("portal", "embeds a document"),
    ("fencedframe", "embeds a document"),
    ("base", "changes where every relative URL leads"),
    (
        "meta",
        "can redirect (refresh) or change the page's policies",
    ),
    ("link", "loads stylesheets, imports or preloads"),
    ("style", "injects CSS (exfiltration, UI redressing)"),
    ("form", "submits data anywhere"),
    ("isindex", "an old form control with an action"),
    ("select", "a form control"),
    ("textarea", "a form control, RCDATA parsing (mXSS)"),
    (
        "svg",
        "foreign content: script, animate/set of href, foreignObject",
    ),
    ("math", "foreign content: namespace confusion (mXSS)"),
    (
        "template",
        "inert markup that scripts clone, parsing differences (mXSS)",
    ),
    (
        "noscript",
        "parsed differently with and without script (mXSS)",
    ),
    ("noembed", "raw text parsing (mXSS)"),
    ("noframes", "raw text parsing (mXSS)"),
    ("xmp", "raw text parsing (mXSS)"),
    ("plaintext", "swallows the rest of the page"),
    ("title", "RCDATA parsing (mXSS)"),
    ("bgsound", "loads media from a URL"),
    ("audio", "loads media from a URL"),
    ("video", "loads media from a URL"),
    ("source", "loads media from a URL"),
    ("track", "loads a URL"),
    ("xml", "IE data islands"),
];

/// Attributes that are dangerous on any element (besides every `on*` event handler, checked by
/// prefix): they run script, style the page, hold a whole document, or lead somewhere without
/// being a link.
const DENIED_ATTRIBUTES: &[(&str, &str)] = &[
    ("style", "inline CSS"),
    ("srcdoc", "a whole document"),
    ("formaction", "submits a form anywhere"),
    ("xlink:href", "an SVG link or script source"),
    ("http-equiv", "meta refresh and policies"),
    ("dynsrc", "old IE media source"),
    ("lowsrc", "old IE image source"),
    ("datasrc", "IE data binding"),
    ("datafld", "IE data binding"),
    ("dataformatas", "IE data binding"),
    ("is", "customized built-in elements"),
];

/// Attributes holding one URL, which must have a safe scheme wherever they appear.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "cite",
    "background",
    "data",
    "codebase",
    "classid",
    "longdesc",
    "lowsrc",
    "dynsrc",
    "usemap",
    "icon",
    "manifest",
    "profile",
    "itemid",
    "xlink:href",
];

/// Attributes holding several URLs, separated by whitespace.
const URL_LIST_ATTRIBUTES: &[&str] = &["archive", "ping"];

/// Attributes holding a `srcset`: URLs with descriptors, separated by commas.
const SRCSET_ATTRIBUTES: &[&str] = &["srcset", "imagesrcset"];

/// How the page was rendered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Mode {
    /// Raw HTML as text, the post page's controls on, the site at `/`.
    UntrustedPage,
    /// Raw HTML as text, no controls, the site at an absolute address, as in a feed.
    UntrustedFeed,
    /// Raw HTML as HTML, as a post page.
    TrustedPage,
}

impl Mode {
    const ALL: [Mode; 3] = [Mode::UntrustedPage, Mode::UntrustedFeed, Mode::TrustedPage];

    fn options(self) -> RenderOptions {
        match self {
            Mode::UntrustedPage => RenderOptions {
                trusted_html: false,
                page_controls: true,
                site_root: "/".into(),
            },
            Mode::UntrustedFeed => RenderOptions {
                trusted_html: false,
                page_controls: false,
                site_root: "https://example.org/blog/".into(),
            },
            Mode::TrustedPage => RenderOptions {
                trusted_html: true,
                page_controls: true,
                site_root: "/".into(),
            },
        }
    }

    fn trusted(self) -> bool {
        self == Mode::TrustedPage
    }
}

/// One Markdown input: a payload as it is, or a URL-like payload (or a URL found in one) inside
/// a Markdown construct.
struct Case {
    source: &'static str,
    /// `raw`, or the Markdown construct around `target`.
    form: &'static str,
    /// The URL put into the construct, for wrapped inputs.
    target: Option<String>,
    markdown: String,
}

struct Failure {
    source: &'static str,
    mode: Mode,
    form: &'static str,
    markdown: String,
    problem: String,
    output: String,
}

#[test]
fn hostile_inputs_render_nothing_executable() {
    let started = Instant::now();
    let cases = corpus();
    let mut failures = Vec::new();
    // (source, mode) -> (raw inputs, wrapped inputs)
    let mut counts: BTreeMap<(&str, Mode), (usize, usize)> = BTreeMap::new();
    // That the checks bite: trusted outputs that would break the untrusted invariants, and the
    // Markdown links and images (of wrapped inputs, untrusted) kept and dropped.
    let mut trusted_breaking = 0;
    let (mut marked_kept, mut marked_dropped) = (0, 0);
    for case in &cases {
        let raw_html = has_raw_html(&case.markdown);
        for mode in Mode::ALL {
            let count = counts.entry((case.source, mode)).or_default();
            match case.target {
                None => count.0 += 1,
                Some(_) => count.1 += 1,
            }
            let body = Body {
                markdown: case.markdown.clone(),
                outline: outline(&case.markdown),
                ..Body::default()
            };
            let options = mode.options();
            let problems;
            let output;
            match catch_unwind(AssertUnwindSafe(|| render_html(&body, &options))) {
                Ok(html) => {
                    problems = check(case, mode, raw_html, &html);
                    if mode.trusted() && raw_html {
                        let mut untrusted_problems = Vec::new();
                        check_everything(
                            false,
                            &Html::parse_fragment(&html),
                            &mut untrusted_problems,
                        );
                        trusted_breaking += usize::from(!untrusted_problems.is_empty());
                    }
                    if mode == Mode::UntrustedPage && case.target.is_some() {
                        let marked = marked_elements(&Html::parse_fragment(&html)).count();
                        let written = case.markdown.matches(MARK).count();
                        marked_kept += marked;
                        marked_dropped += written.saturating_sub(marked);
                    }
                    output = html;
                }
                Err(_) => {
                    problems = vec!["the renderer panicked".to_owned()];
                    output = String::new();
                }
            }
            failures.extend(problems.into_iter().map(|problem| Failure {
                source: case.source,
                mode,
                form: case.form,
                markdown: case.markdown.clone(),
                problem,
                output: output.clone(),
            }));
        }
    }

    let distinct: HashSet<&str> = cases
        .iter()
        .filter(|case| case.target.is_none())
        .map(|case| case.markdown.as_str())
        .collect();
    println!(
        "hostile corpus: {} distinct payloads, {} inputs with the Markdown wrappers, \
         {} renders checked in {:.2?}",
        distinct.len(),
        cases.len(),
        cases.len() * Mode::ALL.len(),
        started.elapsed()
    );
    for ((source, mode), (raw, wrapped)) in &counts {
        println!("  {source:<16} {mode:?}: {raw} raw + {wrapped} wrapped inputs");
    }
    println!(
        "  trusted outputs that break the untrusted invariants (raw HTML passed on purpose): \
         {trusted_breaking}; Markdown links and images of wrapped inputs kept: {marked_kept}, \
         dropped or not parsed as such: {marked_dropped}"
    );
    assert!(
        trusted_breaking >= 100 && marked_kept >= 100 && marked_dropped >= 100,
        "the corpus or the checks lost their teeth"
    );
    assert!(
        distinct.len() >= 400,
        "the corpus shrank to {} payloads",
        distinct.len()
    );

    if !failures.is_empty() {
        for failure in &failures {
            eprintln!(
                "--- {} / {:?} / {}: {}\ninput:  {:?}\noutput: {:?}\n",
                failure.source,
                failure.mode,
                failure.form,
                failure.problem,
                failure.markdown,
                failure.output
            );
        }
        panic!(
            "{} invariant violations in the hostile corpus (listed above)",
            failures.len()
        );
    }
}

/// Every payload once (the first source to have it keeps it), as it is and, where it looks like
/// a URL or carries URLs in its attributes, inside each Markdown construct of `wrappers`.
fn corpus() -> Vec<Case> {
    let mut seen = HashSet::new();
    let mut targets_seen = HashSet::new();
    let mut cases = Vec::new();
    for (source, json) in SOURCES {
        let payloads: Vec<String> = serde_json::from_str(json)
            .unwrap_or_else(|error| panic!("tests/hostile/{source}.json: {error}"));
        assert!(!payloads.is_empty(), "{source} is empty");
        for payload in payloads {
            assert!(
                !payload.contains(MARK),
                "{source} has the marker: {payload:?}"
            );
            if !seen.insert(payload.clone()) {
                continue;
            }
            let mut targets = url_values(&payload);
            if looks_like_url(&payload) {
                targets.insert(0, payload.clone());
            }
            cases.push(Case {
                source,
                form: "raw",
                target: None,
                markdown: payload,
            });
            for target in targets {
                if !targets_seen.insert(target.clone()) {
                    continue;
                }
                for (form, markdown) in wrappers(&target) {
                    cases.push(Case {
                        source,
                        form,
                        target: Some(target.clone()),
                        markdown,
                    });
                }
            }
        }
    }
    cases
}

/// A payload that may be a link target: one line that is not markup.
fn looks_like_url(payload: &str) -> bool {
    let trimmed = payload.trim();
    !trimmed.is_empty() && !trimmed.contains(['\n', '\r']) && !trimmed.starts_with('<')
}

/// The URLs an HTML payload carries: the values of its URL attributes and `srcset` entries, and
/// any attribute value with a scheme (`<isindex x="javascript:…">`), as the HTML parser decodes
/// them.
fn url_values(payload: &str) -> Vec<String> {
    if !payload.contains('<') {
        return Vec::new();
    }
    let fragment = Html::parse_fragment(payload);
    let mut values = Vec::new();
    for node in fragment.root_element().descendants() {
        let Node::Element(element) = node.value() else {
            continue;
        };
        for (name, value) in attributes(element) {
            let value = value.to_owned();
            if SRCSET_ATTRIBUTES.contains(&name.as_str()) {
                values.extend(srcset_urls(&value).map(str::to_owned));
            } else if URL_ATTRIBUTES.contains(&name.as_str()) || browser_scheme(&value).is_some() {
                values.push(value);
            }
        }
    }
    values.retain(|value| !value.trim().is_empty());
    values.dedup();
    values
}

/// `target` as the target of a Markdown link, image, reference and autolink, in each form it
/// can take.
fn wrappers(target: &str) -> Vec<(&'static str, String)> {
    let mut forms = vec![
        ("link", format!("[{MARK}]({target})")),
        ("image", format!("![{MARK}]({target})")),
        ("image in link", format!("[![{MARK}]({target})]({target})")),
    ];
    if target.contains(['<', '>', '\n', '\r']) {
        forms.push((
            "reference",
            format!("[{MARK}][hostile]\n\n[hostile]: {target}"),
        ));
    } else {
        forms.push(("link <>", format!("[{MARK}](<{target}>)")));
        forms.push(("image <>", format!("![{MARK}](<{target}>)")));
        forms.push((
            "reference <>",
            format!("[{MARK}][hostile]\n\n[hostile]: <{target}>"),
        ));
        if !target.contains(char::is_whitespace) {
            forms.push(("autolink", format!("<{target}>")));
        }
    }
    forms
}

/// Whether pulldown-cmark, with Folio's options, reads raw HTML in `markdown`.
fn has_raw_html(markdown: &str) -> bool {
    Parser::new_ext(markdown, markdown_options())
        .any(|event| matches!(event, Event::Html(_) | Event::InlineHtml(_)))
}

/// The invariant violations in `html`, the rendering of `case` in `mode`.
fn check(case: &Case, mode: Mode, raw_html: bool, html: &str) -> Vec<String> {
    let tree = Html::parse_fragment(html);
    let mut problems = Vec::new();
    if mode.trusted() && raw_html {
        check_markdown_links(case, &tree, &mut problems);
    } else {
        check_everything(mode.trusted(), &tree, &mut problems);
    }
    problems
}

/// Trusted mode with raw HTML: only the links and images written in Markdown syntax, found by
/// their `MARK` (or an autolink by its text, which raw HTML in `<target>` cannot have).
fn check_markdown_links(case: &Case, tree: &Html, problems: &mut Vec<String>) {
    let autolinks = tree
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|element| {
            case.form == "autolink"
                && element.value().name() == "a"
                && case.target.as_deref() == Some(element.text().collect::<String>().as_str())
        });
    for element in marked_elements(tree).chain(autolinks) {
        check_attributes(element, problems);
        check_rel(element, problems);
    }
}

/// The links whose text is `MARK` and the images whose alt text is.
fn marked_elements(tree: &Html) -> impl Iterator<Item = ElementRef<'_>> {
    tree.root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|element| match element.value().name() {
            "a" => element.text().collect::<String>() == MARK,
            "img" => element.value().attr("alt") == Some(MARK),
            _ => false,
        })
}

/// Untrusted mode, or trusted mode on an input without raw HTML: the whole output.
fn check_everything(trusted: bool, tree: &Html, problems: &mut Vec<String>) {
    let mut ids = HashSet::new();
    // The parser's `<html>` root for the fragment comes first.
    for node in tree.root_element().descendants().skip(1) {
        match node.value() {
            Node::Element(_) => {}
            Node::Comment(comment) => {
                problems.push(format!("a comment <!--{}-->", &**comment));
                continue;
            }
            Node::ProcessingInstruction(pi) => {
                problems.push(format!("a processing instruction {}", pi.target));
                continue;
            }
            Node::Doctype(_) => {
                problems.push("a doctype".to_owned());
                continue;
            }
            _ => continue,
        }
        let Some(element) = ElementRef::wrap(node) else {
            continue;
        };
        let name = element.value().name().to_ascii_lowercase();
        if let Some((_, why)) = DENIED_ELEMENTS.iter().find(|(denied, _)| *denied == name) {
            problems.push(format!("element <{name}> ({why})"));
        }
        check_shape(element, problems);
        if let Some(id) = element.value().id() {
            if !ids.insert(id.to_owned()) {
                problems.push(format!("<{name} id={id:?}>: the id is on the page twice"));
            }
            if RESERVED_IDS.contains(&id) {
                problems.push(format!("<{name} id={id:?}>: the id is one of the app's"));
            }
        }
        // Trusted authors may give a heading any attribute with `{key=value}`.
        let heading = matches!(name.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
        if !(trusted && heading) {
            check_attributes(element, problems);
        }
        if name == "a" {
            check_rel(element, problems);
        }
    }
}

/// The attributes of `element`, any element: no event handler, nothing in `DENIED_ATTRIBUTES`,
/// every URL safe.
fn check_attributes(element: ElementRef, problems: &mut Vec<String>) {
    let tag = element.value().name().to_ascii_lowercase();
    for (name, value) in attributes(element.value()) {
        if name.starts_with("on") {
            problems.push(format!("<{tag} {name}={value:?}>: an event handler"));
        }
        if let Some((_, why)) = DENIED_ATTRIBUTES.iter().find(|(denied, _)| *denied == name) {
            problems.push(format!("<{tag} {name}={value:?}>: {why}"));
        }
        let urls: Vec<&str> = if URL_ATTRIBUTES.contains(&name.as_str()) {
            vec![value]
        } else if URL_LIST_ATTRIBUTES.contains(&name.as_str()) {
            value.split_ascii_whitespace().collect()
        } else if SRCSET_ATTRIBUTES.contains(&name.as_str()) {
            srcset_urls(value).collect()
        } else {
            Vec::new()
        };
        for url in urls {
            if let Err(why) = check_url(&tag, &name, url) {
                problems.push(format!("<{tag} {name}={value:?}>: {why}"));
            }
        }
    }
}

/// The elements and attributes Markdown and Folio's own markup make, and nothing else: what
/// untrusted output may hold.
fn check_shape(element: ElementRef, problems: &mut Vec<String>) {
    let el = element.value();
    let tag = el.name().to_ascii_lowercase();
    let allowed: &[&str] = match tag.as_str() {
        "p" | "em" | "strong" | "del" | "blockquote" | "ul" | "li" | "pre" | "hr" | "br"
        | "table" | "thead" | "tbody" | "tr" | "span" | "sup" | "div" | "th" | "td" | "code" => {
            &["class", "id", "role"]
        }
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => &["id", "class"],
        "ol" => &["start", "class"],
        "a" => &["href", "title", "rel", "class", "aria-label"],
        "img" => &[
            "src", "alt", "title", "width", "height", "srcset", "sizes", "loading", "decoding",
        ],
        "input" => &["type", "disabled", "checked", "aria-label"],
        "button" => &["type", "class", "aria-live"],
        _ => {
            problems.push(format!("element <{tag}>: Markdown makes no such element"));
            return;
        }
    };
    for (name, value) in attributes(el) {
        if !allowed.contains(&name.as_str()) {
            problems.push(format!(
                "<{tag} {name}={value:?}>: Markdown puts no such attribute on <{tag}>"
            ));
        }
    }
    if tag == "input" && (el.attr("type") != Some("checkbox") || el.attr("disabled").is_none()) {
        problems.push("an <input> that is not a disabled checkbox".to_owned());
    }
    if tag == "button" && el.attr("type") != Some("button") {
        problems.push("a <button> that is not type=button (it would submit)".to_owned());
    }
}

/// A link that leaves the site must have `rel="noopener noreferrer"`. It leaves the site if a
/// browser reads an http(s) scheme in it or it starts with two slashes (either way round, as
/// browsers read `\` in http(s) URLs).
fn check_rel(element: ElementRef, problems: &mut Vec<String>) {
    let Some(href) = element.value().attr("href") else {
        return;
    };
    let cleaned = browser_clean(href);
    let external = matches!(browser_scheme(href).as_deref(), Some("http" | "https"))
        || ["//", "\\\\", "/\\", "\\/"]
            .iter()
            .any(|start| cleaned.starts_with(start));
    let rel: Vec<&str> = element
        .value()
        .attr("rel")
        .unwrap_or_default()
        .split_ascii_whitespace()
        .collect();
    if external && !(rel.contains(&"noopener") && rel.contains(&"noreferrer")) {
        problems.push(format!(
            "<a href={href:?} rel={:?}>: an external link without rel=\"noopener noreferrer\"",
            rel.join(" ")
        ));
    }
}

/// Whether the URL in attribute `name` of element `tag` is safe: relative or a fragment, http,
/// https, mailto in a link, or a raster `data:` image as an image's `src`.
fn check_url(tag: &str, name: &str, url: &str) -> Result<(), String> {
    let Some(scheme) = browser_scheme(url) else {
        return Ok(()); // relative, query or fragment
    };
    match scheme.as_str() {
        "http" | "https" => Ok(()),
        "mailto" if tag == "a" && name == "href" => Ok(()),
        "data" if tag == "img" && name == "src" && is_raster_data(&browser_clean(url)) => Ok(()),
        "data" if tag == "img" && name == "src" => {
            Err("a data: URL that is no raster image".into())
        }
        other => Err(format!("scheme {other}: where only safe ones may be")),
    }
}

/// A URL as the URL parser reads it: without leading and trailing C0 controls and spaces, and
/// without tabs and newlines anywhere. (Entities are already decoded by the HTML parser.)
fn browser_clean(url: &str) -> String {
    url.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The scheme a browser reads in `url`, lowercased: an ASCII letter, then letters, digits, `+`,
/// `-` or `.`, up to a `:`. Any other character first makes the URL relative.
fn browser_scheme(url: &str) -> Option<String> {
    let cleaned = browser_clean(url);
    if !cleaned.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let end =
        cleaned.find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))?;
    (cleaned[end..].starts_with(':')).then(|| cleaned[..end].to_ascii_lowercase())
}

/// A `data:` URL of a raster image, by its MIME type as a browser reads it (up to the first `,`,
/// parameters after `;`, whitespace around, any case). The renderer also takes AVIF and the
/// common misspelling `image/jpg`: both raster, and an `<img>` never runs script from either.
fn is_raster_data(url: &str) -> bool {
    let Some(rest) = url.get(5..) else {
        return false;
    };
    let header = rest.split(',').next().unwrap_or_default();
    let mime = header.split(';').next().unwrap_or_default();
    matches!(
        mime.trim_matches(|c: char| c.is_ascii_whitespace())
            .to_ascii_lowercase()
            .as_str(),
        "image/png" | "image/jpeg" | "image/jpg" | "image/gif" | "image/webp" | "image/avif"
    )
}

/// The URLs of a `srcset`, as the HTML spec splits it: each candidate a run of non-whitespace
/// (trailing commas taken off), then descriptors up to a comma outside parentheses.
fn srcset_urls(srcset: &str) -> impl Iterator<Item = &str> {
    let mut rest = srcset;
    std::iter::from_fn(move || {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == ',');
        if rest.is_empty() {
            return None;
        }
        let end = rest
            .find(|c: char| c.is_ascii_whitespace())
            .unwrap_or(rest.len());
        let url = &rest[..end];
        rest = &rest[end..];
        if url.ends_with(',') {
            return Some(url.trim_end_matches(','));
        }
        // Skip the descriptors.
        let mut depth = 0usize;
        let mut cut = rest.len();
        for (i, c) in rest.char_indices() {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                ',' if depth == 0 => {
                    cut = i;
                    break;
                }
                _ => {}
            }
        }
        rest = &rest[cut..];
        Some(url)
    })
}

/// The attributes of `element`, each name as written, lowercased: `xlink:href` for the SVG
/// attribute the parser puts in the XLink namespace.
fn attributes(element: &scraper::node::Element) -> Vec<(String, &str)> {
    element
        .attrs
        .iter()
        .map(|(name, value)| {
            let local = name.local.to_lowercase();
            let name = match name.prefix.as_deref() {
                Some(prefix) => format!("{}:{local}", prefix.to_ascii_lowercase()),
                None if &*name.ns == "http://www.w3.org/1999/xlink" => format!("xlink:{local}"),
                None => local,
            };
            (name, &**value)
        })
        .collect()
}

#[test]
fn the_checks_read_urls_as_browsers_do() {
    assert_eq!(
        browser_scheme(" \u{1}JaVa\tScRiPt:alert(1)").as_deref(),
        Some("javascript")
    );
    assert_eq!(
        browser_scheme("java\nscript:x").as_deref(),
        Some("javascript")
    );
    assert_eq!(browser_scheme("/javascript:x"), None);
    assert_eq!(browser_scheme("java%73cript:x"), None);
    assert_eq!(browser_scheme("foo):bar"), None);
    assert_eq!(browser_scheme("#x"), None);
    assert!(check_url("a", "href", "mailto:a@b.c").is_ok());
    assert!(check_url("img", "src", "mailto:a@b.c").is_err());
    assert!(check_url("img", "src", "data:image/png;base64,AA").is_ok());
    assert!(check_url("img", "src", "DATA: Image/GIF ;base64,AA").is_ok());
    assert!(check_url("img", "src", "data:image/svg+xml,<svg/>").is_err());
    assert!(check_url("a", "href", "data:image/png;base64,AA").is_err());
    assert!(check_url("a", "href", "vbscript:x").is_err());
    let urls: Vec<&str> = srcset_urls("a.png 1x, b,c.png 2x,d.png, e.png (x, y) 3w").collect();
    assert_eq!(urls, ["a.png", "b,c.png", "d.png", "e.png"]);
    assert_eq!(
        url_values("<a href=\"&#106;avascript:x\" x=\"vbscript:y\" title=z>"),
        ["javascript:x", "vbscript:y"]
    );
    // The checks do catch what they are for.
    let tree = Html::parse_fragment(
        "<p onclick=x><a href=\" java&#9;script:x\">a</a><svg><a xlink:href=\"x\"/></svg>\
         <img src=\"data:text/html,x\"><a href=\"https://x.org\">b</a></p>",
    );
    let mut problems = Vec::new();
    check_everything(false, &tree, &mut problems);
    for expected in [
        "<p onclick",
        "scheme javascript:",
        "element <svg>",
        "<a xlink:href",
        "no raster image",
        "without rel",
    ] {
        assert!(
            problems.iter().any(|problem| problem.contains(expected)),
            "{expected}: {problems:#?}"
        );
    }
    let mut problems = Vec::new();
    check_everything(
        false,
        &Html::parse_fragment("<p><b title=x>b</b><!-- c --></p>"),
        &mut problems,
    );
    assert_eq!(problems.len(), 2, "{problems:#?}");
    // In trusted mode, the Markdown link is checked and the raw HTML is not.
    let case = Case {
        source: "test",
        form: "link",
        target: Some("javascript:x".into()),
        markdown: String::new(),
    };
    let tree = Html::parse_fragment(&format!(
        "<p><a href=\"javascript:x\">{MARK}</a><script>raw</script><a href=\"javascript:y\">raw</a></p>"
    ));
    let mut problems = Vec::new();
    check_markdown_links(&case, &tree, &mut problems);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0].contains("javascript:x"), "{problems:#?}");
}
