//! Every post by year and month, newest first: a heading per year and per month, then each post
//! as a link with its date.

use folio_content::{date::month_name, ArchiveMonth, ArchiveYear};
use leptos::prelude::*;

use crate::components::PostEntry;

#[component]
pub fn ArchiveList(years: Vec<ArchiveYear>) -> impl IntoView {
    if years.is_empty() {
        return view! { <p class="empty">"No posts yet."</p> }.into_any();
    }
    years
        .into_iter()
        .map(|ArchiveYear { year, months }| {
            view! {
                <section class="archive-year">
                    <h2>{year.to_string()}</h2>
                    {months
                        .into_iter()
                        .map(|ArchiveMonth { month, posts }| {
                            view! {
                                <section class="archive-month">
                                    <h3>{month_heading(year, month)}</h3>
                                    <ul class="archive-posts">
                                        {posts.into_iter().map(|post| view! { <PostEntry post /> }).collect_view()}
                                    </ul>
                                </section>
                            }
                        })
                        .collect_view()}
                </section>
            }
        })
        .collect_view()
        .into_any()
}

/// "October 2015"; the year alone if the month is not one.
fn month_heading(year: u16, month: u8) -> String {
    match month_name(month) {
        Some(name) => format!("{name} {year}"),
        None => year.to_string(),
    }
}
