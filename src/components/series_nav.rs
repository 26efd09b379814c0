//! At the end of a post of a series: the part before and the part after, by their numbers.

use folio_content::{PostSeries, Slug};
use leptos::prelude::*;

use crate::components::LinkToPost;

#[component]
pub fn SeriesNav(series: PostSeries, current: Slug) -> impl IntoView {
    let position = series.position(&current)?;
    let link = |index: usize, rel: &'static str| {
        let part = series.parts.get(index)?.clone();
        let label = match rel {
            "prev" => format!("← Part {}", index + 1),
            _ => format!("Part {} →", index + 1),
        };
        Some(view! {
            <LinkToPost slug=part.slug attr:rel=rel attr:class=rel>
                <span class="label">{label}</span>
                <span class="title">{part.title}</span>
            </LinkToPost>
        })
    };
    let previous = position
        .checked_sub(1)
        .and_then(|index| link(index, "prev"));
    let next = link(position + 1, "next");
    let label = format!("More of {}", series.name);
    (previous.is_some() || next.is_some()).then(|| {
        view! { <nav class="post-nav series-nav" aria-label=label>{previous}{next}</nav> }
    })
}
