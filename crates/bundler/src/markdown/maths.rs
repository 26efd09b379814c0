//! Mathematics at build time: each `$…$` and `$$…$$` formula of a body, in order, converted
//! from TeX to MathML Core by math-core, so that the browser, the built page and the feeds show
//! the same MathML and the app carries no maths code. The converter writes a few layouts as
//! `style` attributes, which the site's Content-Security-Policy (`style-src 'self'`) would
//! block: each is given as classes of the style sheet instead (`styled.rs`). The result must be
//! MathML as the renderer shows it (`render::is_mathml`). A formula that does not convert is a
//! problem at its place in the file, with the converter's message.

mod styled;

use std::sync::LazyLock;

use folio_content::render::{is_mathml, markdown_options};
use math_core::{LatexToMathML, MathCoreConfig, MathDisplay};
use pulldown_cmark::{Event, Parser};

static CONVERTER: LazyLock<Option<LatexToMathML>> =
    LazyLock::new(|| LatexToMathML::new(MathCoreConfig::default()).ok());

/// A formula that does not convert: where in the body (a byte offset), and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MathsError {
    pub offset: usize,
    pub message: String,
}

/// Every formula of `markdown`, in order, as MathML; or where each one that does not convert is.
pub fn maths(markdown: &str) -> Result<Vec<String>, Vec<MathsError>> {
    // Most bodies have no formula: no second parse for them.
    if !markdown.contains('$') {
        return Ok(Vec::new());
    }
    let mut formulas = Vec::new();
    let mut errors = Vec::new();
    for (event, range) in Parser::new_ext(markdown, markdown_options()).into_offset_iter() {
        let (tex, display) = match event {
            Event::InlineMath(tex) => (tex, MathDisplay::Inline),
            Event::DisplayMath(tex) => (tex, MathDisplay::Block),
            _ => continue,
        };
        // Where the TeX starts in the body: after its opening dollars, when the source has it
        // there as it is (a formula across the lines of a quote has `>` between its parts).
        let written = markdown.get(range.clone()).unwrap_or_default();
        let tex_start = written
            .find(&*tex)
            .map_or(range.start, |found| range.start + found);
        match convert(&tex, display) {
            Ok(mathml) => formulas.push(mathml),
            Err((at, message)) => errors.push(MathsError {
                offset: (tex_start + at).min(range.end),
                message,
            }),
        }
    }
    match errors.is_empty() {
        true => Ok(formulas),
        false => Err(errors),
    }
}

/// One formula as MathML, its layout given by classes; or where in the TeX it fails, and why.
fn convert(tex: &str, display: MathDisplay) -> Result<String, (usize, String)> {
    let converter = CONVERTER
        .as_ref()
        .ok_or_else(|| (0, "the TeX converter could not start".to_owned()))?;
    let converted = converter
        .convert_with_local_state(tex, display)
        .map_err(|error| (error.0.start, error.error_message()))?;
    let mathml = styled::with_classes(&converted.mathml).map_err(|style| (0, style))?;
    match is_mathml(&mathml) {
        true => Ok(mathml),
        false => Err((
            0,
            "the converter wrote markup that pages do not show (a link between formulas, from \\ref or \\eqref?)".to_owned(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_mathml_in_order() {
        let body = "Euler: $e^{i\\pi} + 1 = 0$.\n\n$$\n\\frac{a}{b}\n$$\n\nCosts \\$5.\n";
        let formulas = maths(body).unwrap();
        assert_eq!(formulas.len(), 2, "{formulas:?}");
        assert!(
            formulas[0].starts_with("<math><msup><mi>e</mi>"),
            "{}",
            formulas[0]
        );
        assert!(formulas[1].starts_with("<math display=\"block\"><mfrac>"));
        assert!(maths("No maths, $5 and $10.").unwrap().is_empty());
    }

    #[test]
    fn layouts_are_classes_not_styles() {
        let formulas = maths("$$\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}$$").unwrap();
        assert!(!formulas[0].contains(" style="), "{}", formulas[0]);
        assert!(
            formulas[0].contains("<mtd class=\"m-ar m-pr0\">"),
            "{}",
            formulas[0]
        );
    }

    #[test]
    fn a_formula_that_does_not_convert_is_found_where_it_fails() {
        let body = "Fine $x$ here.\n\nThen $a + \\foo b$ and\n\n$$\\begin{foo} x \\end{foo}$$\n";
        let errors = maths(body).unwrap_err();
        let foo = body.find("\\foo").unwrap();
        assert_eq!(errors[0].offset, foo);
        assert!(errors[0].message.contains("\\foo"), "{}", errors[0].message);
        assert_eq!(errors.len(), 2);
        assert!(errors[1].offset > foo);
    }

    #[test]
    fn colours_need_styles_the_policy_forbids() {
        let errors = maths("$\\color{red} x$").unwrap_err();
        assert!(
            errors[0].message.contains("colour"),
            "{}",
            errors[0].message
        );
    }

    #[test]
    fn labels_go_and_links_between_formulas_are_refused() {
        let formulas = maths("$$\\begin{align} a &= b \\label{main} \\end{align}$$").unwrap();
        assert!(!formulas[0].contains("id="), "{}", formulas[0]);
        assert!(formulas[0].contains("(1)"), "{}", formulas[0]);
        let errors = maths("$$\\begin{align} a \\label{x} \\end{align}$$ $\\eqref{x}$");
        assert!(errors.is_err(), "{errors:?}");
    }

    #[test]
    fn text_in_a_formula_is_escaped() {
        let formulas = maths("$\\text{<script>alert(1)</script>}$").unwrap();
        assert!(!formulas[0].contains("<script"), "{}", formulas[0]);
    }
}
