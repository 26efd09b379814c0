//! Near the top of a post of a series: "Part N of M in <series>", and every part in order, this
//! one marked, the others linked.

use folio_content::{pages::PageKind, PostSeries, Slug};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::{components::LinkToPost, route::href};

#[component]
pub fn SeriesParts(series: PostSeries, current: Slug) -> impl IntoView {
    let position = series.position(&current)?;
    let PostSeries { name, slug, parts } = series;
    let count = parts.len();
    let label = format!("Series: {name}");
    let parts = parts
        .into_iter()
        .map(|part| match part.slug == current {
            true => view! { <li aria-current="page">{part.title}</li> }.into_any(),
            false => {
                view! { <li><LinkToPost slug=part.slug>{part.title}</LinkToPost></li> }.into_any()
            }
        })
        .collect_view();
    Some(view! {
        <nav class="series-parts" aria-label=label>
            <p>
                {format!("Part {} of {count} in ", position + 1)}
                <A href=href(&PageKind::Series(slug))>{name}</A>
            </p>
            <ol>{parts}</ol>
        </nav>
    })
}
