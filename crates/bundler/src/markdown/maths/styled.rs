//! The converter's `style` attributes as classes of the style sheet (`style/main.css`, "Maths"):
//! the site's Content-Security-Policy lets no page carry a style of its own. Each declaration
//! the converter writes for a layout (aligned columns, rules in arrays, numbered equations,
//! negative spaces, text sizes) has its class. A `width` beside a `width` attribute is dropped,
//! as the attribute says it; so is a negative space of another size, which only tightens.
//! Any other declaration (a colour) fails, as the page could not show it. An `id` (from
//! `\label`) goes too: ids in a post are the renderer's, and must not clash with the app's.

/// `mathml` with each `style="…"` given as `class="…"`; or the declaration no class stands for,
/// as a message for the author.
pub fn with_classes(mathml: &str) -> Result<String, String> {
    const ATTRIBUTE: &str = " style=\"";
    let mut out = String::with_capacity(mathml.len());
    let without_ids = without_ids(mathml);
    let mut rest = without_ids.as_str();
    while let Some(start) = rest.find(ATTRIBUTE) {
        out.push_str(&rest[..start]);
        let value_start = start + ATTRIBUTE.len();
        let value_len = rest[value_start..]
            .find('"')
            .ok_or_else(|| "the converter wrote a style attribute without its end".to_owned())?;
        let value = &rest[value_start..value_start + value_len];
        let mut classes: Vec<&str> = Vec::new();
        for declaration in value.split(';') {
            let declaration: String = declaration.split_whitespace().collect();
            if declaration.is_empty() {
                continue;
            }
            match class_of(&declaration)? {
                Some(class) if !classes.contains(&class) => classes.push(class),
                _ => {}
            }
        }
        if !classes.is_empty() {
            out.push_str(" class=\"");
            out.push_str(&classes.join(" "));
            out.push('"');
        }
        rest = &rest[value_start + value_len + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// `mathml` without its `id` attributes.
fn without_ids(mathml: &str) -> String {
    const ATTRIBUTE: &str = " id=\"";
    let mut out = String::with_capacity(mathml.len());
    let mut rest = mathml;
    while let Some(start) = rest.find(ATTRIBUTE) {
        out.push_str(&rest[..start]);
        let value = &rest[start + ATTRIBUTE.len()..];
        rest = value.find('"').map_or("", |end| &value[end + 1..]);
    }
    out.push_str(rest);
    out
}

/// The class that stands for `declaration` (its whitespace removed); `None` for one dropped.
fn class_of(declaration: &str) -> Result<Option<&'static str>, String> {
    let (property, value) = declaration.split_once(':').unwrap_or((declaration, ""));
    let class = match (property, value) {
        ("text-align", "left") | ("justify-items", "start") => "m-al",
        ("text-align", "right") | ("justify-items", "end") => "m-ar",
        ("padding-left", "0") => "m-pl0",
        ("padding-right", "0") => "m-pr0",
        ("padding-top", "0") => "m-pt0",
        ("padding-bottom", "0") => "m-pb0",
        ("padding-left", "0.1em") => "m-pl1",
        ("padding-right", "0.1em") => "m-pr1",
        ("padding-left", "1em") => "m-pl10",
        ("padding-left", "0.1667em") => "m-pl3",
        ("padding-left", "0.2222em") => "m-pl4",
        ("padding-left", "0.2778em") => "m-pl5",
        ("padding-right", "0.1667em") => "m-pr3",
        ("padding-right", "0.2222em") => "m-pr4",
        ("padding-right", "0.2778em") => "m-pr5",
        ("padding-top", "0.1667em") => "m-pt3",
        ("border-left", "0.05emsolidcurrentcolor") => "m-bls",
        ("border-left", "0.05emdashedcurrentcolor") => "m-bld",
        ("border-right", "0.05emsolidcurrentcolor") => "m-brs",
        ("border-right", "0.05emdashedcurrentcolor") => "m-brd",
        ("border-top", "0.05emsolidcurrentcolor") => "m-bts",
        ("border-top", "0.05emdashedcurrentcolor") => "m-btd",
        ("width", "100%") => "m-w100",
        ("width", "50%") => "m-w50",
        ("width", "7.5%") => "m-w7",
        ("font-variant-caps", "small-caps") => "m-sc",
        ("math-shift", "compact") => "m-compact",
        ("margin-left", "-0.16666667em") => "m-n3",
        ("margin-left", "-0.22222222em") => "m-n4",
        ("margin-left", "-0.2777778em") => "m-n5",
        ("margin-left", value) if value.starts_with('-') => return Ok(None),
        ("width", _) => return Ok(None),
        ("font-size", size) => font_size(size).ok_or_else(|| unknown(declaration))?,
        ("color", _) => {
            return Err(
                "colours (\\color) cannot be shown: the site's Content-Security-Policy allows no style of a page's own"
                    .to_owned(),
            )
        }
        _ => return Err(unknown(declaration)),
    };
    Ok(Some(class))
}

/// The class of a text size (`\small`, `\Large`…).
fn font_size(size: &str) -> Option<&'static str> {
    let class = match size {
        "50%" => "m-fs50",
        "60%" => "m-fs60",
        "70%" => "m-fs70",
        "80%" => "m-fs80",
        "90%" => "m-fs90",
        "100%" => "m-fs100",
        "120%" => "m-fs120",
        "140%" => "m-fs140",
        "170%" => "m-fs170",
        "200%" => "m-fs200",
        "250%" => "m-fs250",
        _ => return None,
    };
    Some(class)
}

fn unknown(declaration: &str) -> String {
    format!("the formula needs the style “{declaration}”, which the site's Content-Security-Policy does not allow a page")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_declaration_becomes_its_class_once() {
        let mathml = r#"<mtd style="text-align: right;justify-items: end;padding-right: 0;" id="eq"><mi>a</mi></mtd>"#;
        assert_eq!(
            with_classes(mathml).unwrap(),
            r#"<mtd class="m-ar m-pr0"><mi>a</mi></mtd>"#
        );
    }

    #[test]
    fn widths_beside_their_attribute_and_odd_negative_spaces_go() {
        let mathml =
            r#"<mspace width="0.1rem" style="width:0.1rem"/><mspace style="margin-left:-1em;"/>"#;
        assert_eq!(
            with_classes(mathml).unwrap(),
            r#"<mspace width="0.1rem"/><mspace/>"#
        );
    }

    #[test]
    fn an_unknown_style_is_refused() {
        let error = with_classes(r#"<mi style="position:fixed">x</mi>"#).unwrap_err();
        assert!(error.contains("position:fixed"), "{error}");
    }
}
