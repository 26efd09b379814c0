//! The canonical form in which the conformance test compares HTML: parsed as browsers parse
//! it, attributes sorted, whitespace that browsers do not show ignored, and on Folio's side its
//! own markup undone (`Undo`), each kind a whole category of intended difference.

use std::collections::BTreeSet;

use scraper::{ElementRef, Html, Node};

/// Folio's own markup, taken off its HTML before the comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Undo {
    /// `<div class="heading">` around each heading, its `#` link, and the heading's `id`.
    HeadingAnchor,
    /// `<div class="code-block">` around each code block, and its "Copy" button.
    CodeBlockWrapper,
    /// `rel="noopener noreferrer"` on links that leave the site.
    ExternalRel,
    /// A table cell's alignment as `class="align-…"` where the spec has `align="…"`.
    AlignmentClass,
    /// A task's checkbox named after its task (`aria-label`).
    TaskLabel,
    /// Smart punctuation: curly quotes, dashes and ellipses. The examples hold none of these
    /// characters, so each one in Folio's HTML is smart punctuation's, and maps back.
    SmartPunctuation,
}

/// Where a tree came from: the spec is compared as it is; Folio's HTML with its markup undone.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Spec,
    Folio,
}

/// A parsed HTML node, simplified for comparison.
#[derive(Debug)]
enum Item {
    Element {
        name: String,
        /// Sorted by name: attribute order does not matter.
        attrs: Vec<(String, String)>,
        children: Vec<Item>,
    },
    Text(String),
    Comment(String),
}

/// `html` parsed as browsers parse it and written out in one canonical form: attributes sorted,
/// whitespace that HTML does not show ignored (see `write`), Folio's markup undone on its side.
pub fn canonical(html: &str, side: Side, undone: &mut BTreeSet<Undo>) -> String {
    let dom = Html::parse_fragment(html);
    let mut items = Vec::new();
    simplify_children(dom.root_element(), side, undone, &mut items);
    let mut out = String::new();
    write(&items, true, false, &mut out);
    out
}

/// Adds the children of `parent` to `items`, as `Item`s.
fn simplify_children(
    parent: ElementRef<'_>,
    side: Side,
    undone: &mut BTreeSet<Undo>,
    items: &mut Vec<Item>,
) {
    for child in parent.children() {
        match child.value() {
            Node::Text(text) => push_text(items, &undo_smart(text, side, undone)),
            Node::Comment(comment) => items.push(Item::Comment(comment.to_string())),
            Node::Element(_) => {
                if let Some(element) = ElementRef::wrap(child) {
                    simplify_element(element, side, undone, items);
                }
            }
            // Documents, doctypes and processing instructions: a fragment has none.
            _ => {}
        }
    }
}

/// Adds `element` to `items` as an `Item`; on Folio's side, a wrapper of Folio's as its
/// children and a control of Folio's as nothing.
fn simplify_element(
    element: ElementRef<'_>,
    side: Side,
    undone: &mut BTreeSet<Undo>,
    items: &mut Vec<Item>,
) {
    let name = element.value().name();
    let folios = match (name, element.attr("class").unwrap_or_default()) {
        ("div", "heading") | ("a", "heading-link") => Some(Undo::HeadingAnchor),
        ("div", "code-block") | ("button", "copy-code") => Some(Undo::CodeBlockWrapper),
        _ => None,
    };
    if let (Side::Folio, Some(undo)) = (side, folios) {
        undone.insert(undo);
        if name == "div" {
            simplify_children(element, side, undone, items);
        }
        return;
    }
    let mut children = Vec::new();
    simplify_children(element, side, undone, &mut children);
    items.push(Item::Element {
        name: name.to_owned(),
        attrs: attributes(element.value(), side, undone),
        children,
    });
}

/// The element's attributes, sorted, with Folio's own undone on its side.
fn attributes(
    element: &scraper::node::Element,
    side: Side,
    undone: &mut BTreeSet<Undo>,
) -> Vec<(String, String)> {
    let name = element.name();
    let heading = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
    let checkbox = name == "input" && element.attr("type") == Some("checkbox");
    let cell = matches!(name, "th" | "td");
    let mut attrs = Vec::new();
    for (attr, value) in element.attrs() {
        let undo = match (side, attr, value) {
            (Side::Spec, ..) => None,
            (_, "id", _) if heading => Some(Undo::HeadingAnchor),
            (_, "rel", "noopener noreferrer") if name == "a" => Some(Undo::ExternalRel),
            (_, "aria-label", _) if checkbox => Some(Undo::TaskLabel),
            (_, "class", class) if cell && class.starts_with("align-") => {
                Some(Undo::AlignmentClass)
            }
            _ => None,
        };
        let Some(undo) = undo else {
            attrs.push((attr.to_owned(), undo_smart(value, side, undone)));
            continue;
        };
        undone.insert(undo);
        if let Some(alignment) = value.strip_prefix("align-").filter(|_| cell) {
            attrs.push(("align".to_owned(), alignment.to_owned()));
        }
    }
    attrs.sort();
    attrs
}

/// What smart punctuation writes, and what it was written from.
const SMART: [(char, &str); 7] = [
    ('“', "\""),
    ('”', "\""),
    ('‘', "'"),
    ('’', "'"),
    ('–', "--"),
    ('—', "---"),
    ('…', "..."),
];

/// `text` with smart punctuation undone on Folio's side.
fn undo_smart(text: &str, side: Side, undone: &mut BTreeSet<Undo>) -> String {
    let smart = |c: char| SMART.iter().find(|(typographic, _)| *typographic == c);
    if side == Side::Spec || !text.contains(|c| smart(c).is_some()) {
        return text.to_owned();
    }
    undone.insert(Undo::SmartPunctuation);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match smart(c) {
            Some((_, ascii)) => out.push_str(ascii),
            None => out.push(c),
        }
    }
    out
}

/// Adds text to `items`, joined to text just before it (unwrapping can leave two in a row).
fn push_text(items: &mut Vec<Item>, text: &str) {
    match items.last_mut() {
        Some(Item::Text(last)) => last.push_str(text),
        _ => items.push(Item::Text(text.to_owned())),
    }
}

/// Block elements: whitespace at their edges is not shown.
#[rustfmt::skip]
const BLOCKS: &[&str] = &[
    "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
    "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul",
];

fn is_block(item: &Item) -> bool {
    matches!(item, Item::Element { name, .. } if BLOCKS.contains(&name.as_str()))
}

/// Writes `items` in the canonical form. Outside `pre` and `code`, as browsers show text, a run
/// of whitespace counts as one space, and whitespace at the edge of a block as none. Each block
/// ends a line, for readable failures.
fn write(items: &[Item], in_block: bool, verbatim: bool, out: &mut String) {
    for (i, item) in items.iter().enumerate() {
        match item {
            Item::Text(text) if verbatim => escape(text, out),
            Item::Text(text) => {
                let collapsed = collapse_whitespace(text);
                let mut shown = collapsed.as_str();
                let after_block = i.checked_sub(1).map_or(in_block, |j| is_block(&items[j]));
                if after_block {
                    shown = shown.trim_start_matches(' ');
                }
                if items.get(i + 1).map_or(in_block, is_block) {
                    shown = shown.trim_end_matches(' ');
                }
                escape(shown, out);
            }
            Item::Comment(comment) => {
                out.push_str("<!--");
                out.push_str(comment);
                out.push_str("-->");
            }
            Item::Element {
                name,
                attrs,
                children,
            } => {
                out.push('<');
                out.push_str(name);
                for (attr, value) in attrs {
                    out.push_str(&format!(" {attr}=\""));
                    escape(value, out);
                    out.push('"');
                }
                out.push('>');
                let block = is_block(item);
                let verbatim = verbatim || name == "pre" || name == "code";
                write(children, block, verbatim, out);
                out.push_str(&format!("</{name}>"));
                if block {
                    out.push('\n');
                }
            }
        }
    }
}

fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c.is_ascii_whitespace() {
            true if out.ends_with(' ') => {}
            true => out.push(' '),
            false => out.push(c),
        }
    }
    out
}

fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}
