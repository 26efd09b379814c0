//! A date as readers see it, machine-readable inside `<time datetime>`.

use folio_content::Date;
use leptos::prelude::*;

#[component]
pub fn PostDate(date: Date) -> impl IntoView {
    view! { <time datetime=date.to_string()>{date.human()}</time> }
}
