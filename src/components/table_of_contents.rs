//! A post's table of contents: its headings, indented by level, linking to their anchors.

use folio_content::Heading;
use leptos::prelude::*;

#[component]
pub fn TableOfContents(outline: Vec<Heading>) -> impl IntoView {
    // Indent relative to the post's own top level, which is often h2.
    let top = outline
        .iter()
        .map(|heading| heading.level)
        .min()
        .unwrap_or(1);
    view! {
        <nav class="toc" aria-labelledby="toc-heading">
            <h2 id="toc-heading">"Contents"</h2>
            <ol>
                {outline
                    .into_iter()
                    .map(|heading| {
                        let depth = format!("toc-depth-{}", heading.level.saturating_sub(top));
                        view! {
                            <li class=depth>
                                <a href=format!("#{}", heading.anchor)>{heading.text}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}
