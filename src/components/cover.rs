//! A post's cover, from its front matter's `image`: above the post and in the listings, at its
//! measured size (no shift as it arrives) with its smaller copies. It shows what the title beside
//! it names, so its alt text is empty, as a decorative image's is.

use folio_content::{
    render::{
        images::{srcset, SIZES},
        rooted,
    },
    ImageFacts,
};
use leptos::prelude::*;

use crate::base;

/// `first` for the page's first image, which the browser fetches at once and early; the others
/// wait until they are scrolled near.
#[component]
pub fn Cover(image: ImageFacts, first: bool) -> impl IntoView {
    let site_root = base::site_root();
    let ImageFacts(to, width, height, _) = &image;
    let src = rooted(to, &site_root);
    let srcset = srcset(&image, &src, &site_root);
    let sizes = srcset.is_some().then_some(SIZES);
    let wait = (!first).then_some("lazy");
    view! {
        <img
            class="cover"
            src=src
            width=*width
            height=*height
            srcset=srcset
            sizes=sizes
            loading=wait
            decoding=wait.map(|_| "async")
            fetchpriority=first.then_some("high")
            alt=""
        />
    }
}
