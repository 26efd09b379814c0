//! The series' pages: every series, and one series' parts in order.

use folio_content::{
    pages::{self, PageKind},
    SeriesCount, SeriesIndex, SeriesPage,
};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::{
    components::{PageHead, PageSection, PostDate, PostList},
    route::href,
};

/// Every series, the one with the latest part first.
#[component]
pub fn SeriesIndexView(index: SeriesIndex) -> impl IntoView {
    let list = match index.series.is_empty() {
        true => view! { <p class="empty">"No series yet."</p> }.into_any(),
        false => view! {
            <ul class="series-list">
                {index
                    .series
                    .into_iter()
                    .map(|SeriesCount { name, slug, count, latest }| {
                        view! {
                            <li>
                                <A href=href(&PageKind::Series(slug))>{name}</A>
                                " "
                                <span class="count">{parts(count)} ", the latest on " <PostDate date=latest /></span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any(),
    };
    view! {
        <PageHead page=Some(pages::SERIES_TITLE.to_owned()) canonical=Some(PageKind::SeriesIndex) />
        <PageSection class="series-index" heading=pages::SERIES_TITLE>
            {list}
        </PageSection>
    }
}

/// One series: its parts in order, first to last.
#[component]
pub fn SeriesView(page: SeriesPage) -> impl IntoView {
    let SeriesPage {
        name, slug, posts, ..
    } = page;
    let kind = PageKind::Series(slug);
    let count = u32::try_from(posts.len()).unwrap_or(u32::MAX);
    view! {
        <PageHead page=kind.title(&name) canonical=Some(kind) />
        <PageSection class="series-page" heading=name>
            <p class="series-count">{format!("A series in {}, in the order to read them.", parts(count))}</p>
            <PostList posts />
        </PageSection>
    }
}

/// "1 part", "3 parts".
fn parts(count: u32) -> String {
    match count {
        1 => "1 part".to_owned(),
        count => format!("{count} parts"),
    }
}
