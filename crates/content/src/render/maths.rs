//! Formulas from the bundle: the bundler converted each `$…$` and `$$…$$` to MathML, which
//! browsers render natively, so the browser carries no maths code. Here each formula is written
//! as its MathML, in order; a display formula in a `<span class="math-display">` (a formula is
//! inside a paragraph, where a `<div>` would end it) that scrolls sideways on a narrow screen,
//! named by its TeX for a screen reader, and focusable so the keyboard can scroll it. A formula
//! the bundle has no MathML for, or whose MathML is more than a closed list of elements and
//! attributes (`is_mathml`), shows its TeX as code, never anything else.

use std::slice::Iter;

use pulldown_cmark::{CowStr, Event};
use pulldown_cmark_escape::escape_html;

pub struct Formulas<'m> {
    /// The MathML of the formulas still to come.
    mathml: Iter<'m, String>,
}

impl<'m> Formulas<'m> {
    pub fn new(mathml: &'m [String]) -> Self {
        Formulas {
            mathml: mathml.iter(),
        }
    }

    /// `event`, or for a formula its MathML.
    pub fn rewrite<'a>(&mut self, event: Event<'a>) -> Event<'a>
    where
        'm: 'a,
    {
        let (tex, display) = match event {
            Event::InlineMath(tex) => (tex, false),
            Event::DisplayMath(tex) => (tex, true),
            other => return other,
        };
        let Some(mathml) = self.mathml.next().filter(|mathml| is_mathml(mathml)) else {
            return Event::Code(tex);
        };
        if !display {
            return Event::InlineHtml(CowStr::Borrowed(mathml));
        }
        let mut html = String::with_capacity(mathml.len() + tex.len() + 80);
        html.push_str("<span class=\"math-display\" role=\"group\" tabindex=\"0\" aria-label=\"");
        // Writing into a String cannot fail.
        let _ = escape_html(&mut html, tex.trim());
        html.push_str("\">");
        html.push_str(mathml);
        html.push_str("</span>");
        Event::InlineHtml(CowStr::from(html))
    }
}

/// The elements a formula may have: MathML's, and the text styles of `<mtext>`.
pub const MATHML_ELEMENTS: &[&str] = &[
    "math",
    "mi",
    "mn",
    "mo",
    "ms",
    "mtext",
    "mspace",
    "mrow",
    "mfrac",
    "msqrt",
    "mroot",
    "mstyle",
    "merror",
    "mpadded",
    "mphantom",
    "msub",
    "msup",
    "msubsup",
    "munder",
    "mover",
    "munderover",
    "mmultiscripts",
    "mprescripts",
    "none",
    "mtable",
    "mtr",
    "mtd",
    "menclose",
    "semantics",
    "annotation",
    "b",
    "i",
    "em",
    "code",
    "span",
    "s",
    "u",
];

/// The attributes they may have: presentation only (no `id`, no link, no style, no script).
const ATTRIBUTES: &[&str] = &[
    "display",
    "class",
    "mathvariant",
    "stretchy",
    "lspace",
    "rspace",
    "width",
    "height",
    "depth",
    "voffset",
    "accent",
    "accentunder",
    "displaystyle",
    "scriptlevel",
    "linethickness",
    "movablelimits",
    "symmetric",
    "minsize",
    "maxsize",
    "largeop",
    "fence",
    "separator",
    "form",
    "notation",
    "columnspan",
    "rowspan",
    "encoding",
];

/// Whether `text` is one `<math>` element of `MATHML_ELEMENTS` with `ATTRIBUTES` only, each value in
/// double quotes, as the bundler writes it.
pub fn is_mathml(text: &str) -> bool {
    if !text.starts_with("<math") || !text.ends_with("</math>") {
        return false;
    }
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        let Some(tag) = rest.get(open + 1..) else {
            return false;
        };
        let tag = tag.strip_prefix('/').unwrap_or(tag);
        let name_end = tag
            .find(|c: char| !c.is_ascii_lowercase())
            .unwrap_or(tag.len());
        if !MATHML_ELEMENTS.contains(&&tag[..name_end]) {
            return false;
        }
        match attributes_end(&tag[name_end..]) {
            Some(end) => rest = &tag[name_end + end..],
            None => return false,
        }
    }
    true
}

/// Where a tag's attributes end (past its `>`), if each is of `ATTRIBUTES` with a quoted value.
fn attributes_end(tag: &str) -> Option<usize> {
    let mut at = 0;
    loop {
        let rest = tag.get(at..)?;
        let trimmed = rest.trim_start_matches(' ');
        at += rest.len() - trimmed.len();
        if trimmed.starts_with('>') {
            return Some(at + 1);
        }
        if trimmed.starts_with("/>") {
            return Some(at + 2);
        }
        let (name, value) = trimmed.split_once("=\"")?;
        if !ATTRIBUTES.contains(&name) {
            return None;
        }
        let value_len = value.find('"')?;
        if value[..value_len].contains('<') {
            return None;
        }
        at += name.len() + 2 + value_len + 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::{render::render_html, Body, RenderOptions};

    fn render(markdown: &str, math: &[&str]) -> String {
        let body = Body {
            markdown: markdown.to_owned(),
            math: math.iter().map(|m| (*m).to_owned()).collect(),
            ..Body::default()
        };
        render_html(&body, &RenderOptions::default())
    }

    #[test]
    fn formulas_are_their_mathml_in_order() {
        let html = render(
            "Let $x$ be\n\n$$x^2 < 1$$\n",
            &[
                "<math><mi>x</mi></math>",
                "<math display=\"block\"><msup/></math>",
            ],
        );
        assert_eq!(
            html,
            "<p>Let <math><mi>x</mi></math> be</p>\n<p><span class=\"math-display\" role=\"group\" tabindex=\"0\" aria-label=\"x^2 &lt; 1\"><math display=\"block\"><msup/></math></span></p>\n"
        );
    }

    #[test]
    fn a_formula_without_mathml_shows_its_tex_as_code() {
        assert_eq!(render("A $x<y$ b", &[]), "<p>A <code>x&lt;y</code> b</p>\n");
        let html = render("A $x$ b", &["<img src=x onerror=alert(1)>"]);
        assert_eq!(html, "<p>A <code>x</code> b</p>\n");
    }

    #[test]
    fn only_mathml_of_the_closed_lists_is_shown() {
        use super::is_mathml;
        assert!(is_mathml(
            "<math display=\"block\"><mtable><mtr><mtd class=\"m-ar\"><mi>a</mi><mspace width=\"1em\"/></mtd></mtr></mtable></math>"
        ));
        assert!(is_mathml(
            "<math><mtext>&lt;script&gt; a > b</mtext></math>"
        ));
        for hostile in [
            "<math><script>alert(1)</script></math>",
            "<math><mi onclick=\"alert(1)\">x</mi></math>",
            "<math><mi style=\"x\">x</mi></math>",
            "<math><a href=\"javascript:alert(1)\">x</a></math>",
            "<math><mi id=\"main\">x</mi></math>",
            "<math><mi class=x>x</mi></math>",
            "<math><mi class=\"x\"",
            "<math><mi class=\"x<img\">x</mi></math>",
            "<math><img src=x></math>",
            "<svg></svg><math></math>",
        ] {
            assert!(!is_mathml(hostile), "{hostile}");
        }
    }
}
