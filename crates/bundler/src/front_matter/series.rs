//! The `series` and `series_order` fields: the series a post is a part of, by name (its page's
//! address is made from it, as a tag's is), and where in it the post comes, if not by date.

use folio_content::Slug;

use crate::{front_matter::fields::Fields, problem::Problem};

/// A post's place in a series, checked.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SeriesField {
    /// As the author wrote it, trimmed.
    pub name: String,
    /// The series' page: `/series/<slug>/`.
    pub slug: Slug,
    /// `series_order`, from 1; parts without one follow those with one, by date.
    pub order: Option<u32>,
}

/// The `series` and `series_order` fields; a problem at each that is wrong, or at
/// `series_order` without `series`.
pub fn series(fields: &Fields<'_>, problems: &mut Vec<Problem>) -> Option<SeriesField> {
    let named = fields.string("series", problems);
    let order = fields.integer("series_order", problems);
    let order = match order {
        Some((number, _)) if (1..=i64::from(u32::MAX)).contains(&number) => {
            u32::try_from(number).ok()
        }
        Some((number, span)) => {
            let message = format!("\"series_order\" = {number} is not a part's number");
            let help = format!(
                "number the parts from 1, e.g. {}",
                fields.example("series_order", "2")
            );
            problems.push(fields.problem(&span, message, help));
            None
        }
        None => None,
    };
    let Some((text, span)) = named else {
        if let Some(node) = fields.get("series_order") {
            let help = format!(
                "name the series too, e.g. {}",
                fields.example("series", "\"Building a compiler\"")
            );
            problems.push(fields.problem(&node.span, "\"series_order\" without \"series\"", help));
        }
        return None;
    };
    let name = text.trim().to_owned();
    let Some(slug) = Slug::of_name(&name) else {
        let message =
            format!("{text:?} in \"series\" gives no slug for the address of the series' page");
        problems.push(fields.problem(&span, message, "write it with letters or digits"));
        return None;
    };
    Some(SeriesField { name, slug, order })
}
