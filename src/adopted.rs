//! The built page's content, which the app adopts at take-over (`takeover.rs`) rather than
//! rendering it again: moved into the app's `<main>`, set aside (kept, out of the document)
//! when the reader goes to another page, and brought back when the reader comes back to it, so
//! that going back to the first page needs neither its data nor the "page" module. Its head
//! tags (the bundler's, marked `data-page`) and its title go and come back with it.

use std::cell::RefCell;

use folio_content::pages::PageKind;

use crate::{dom, focus::MAIN_ID};

/// What marks the head tags the bundler wrote for the built page.
const PAGE_HEAD_SELECTOR: &str = "head [data-page]";

/// The built page's content and head.
struct Built {
    /// The page at whose address it was adopted (`None`: an address that is no page, where it
    /// is the not-found page).
    kind: Option<PageKind>,
    /// The nodes of its `<main>`.
    nodes: Vec<web_sys::Node>,
    /// Its head tags, once a page of the app's has replaced them, and its title.
    head: Vec<web_sys::Element>,
    title: String,
    /// Whether it is in the app's `<main>` now.
    shown: bool,
}

thread_local! {
    static BUILT: RefCell<Option<Built>> = const { RefCell::new(None) };
}

/// Moves the nodes of `from` (the built `<main>`) into `to` (the app's), before what the app put
/// there: the built page is the app's first page, at the address of `kind`.
pub fn adopt(kind: Option<PageKind>, from: &web_sys::Element, to: &web_sys::Element) {
    let nodes = from.child_nodes();
    let nodes: Vec<web_sys::Node> = (0..nodes.length())
        .filter_map(|at| nodes.item(at))
        .collect();
    let first = to.first_child();
    for node in &nodes {
        let _ = to.insert_before(node, first.as_ref());
    }
    let title = dom::document()
        .map(|document| document.title())
        .unwrap_or_default();
    BUILT.set(Some(Built {
        kind,
        nodes,
        head: Vec::new(),
        title,
        shown: true,
    }));
}

/// Sets the built content aside, if it shows: another page is on its way.
pub fn set_aside() {
    BUILT.with_borrow_mut(|built| {
        let Some(built) = built.as_mut().filter(|built| built.shown) else {
            return;
        };
        for node in &built.nodes {
            if let Some(parent) = node.parent_node() {
                let _ = parent.remove_child(node);
            }
        }
        built.title = dom::document()
            .map(|document| document.title())
            .unwrap_or_default();
        built.shown = false;
    });
}

/// Whether the page at `kind` is the built page, set aside: [`bring_back`] shows it again.
pub fn is_set_aside(kind: &Option<PageKind>) -> bool {
    BUILT.with_borrow(|built| {
        built
            .as_ref()
            .is_some_and(|built| !built.shown && built.kind == *kind)
    })
}

/// Puts the built content back at the start of the app's `<main>`, with its head tags and
/// title. The page the app showed leaves right after, in the same task: nothing paints between.
pub fn bring_back() {
    let Some(document) = dom::document() else {
        return;
    };
    let (Some(main), Some(head)) = (document.get_element_by_id(MAIN_ID), document.head()) else {
        return;
    };
    BUILT.with_borrow_mut(|built| {
        let Some(built) = built.as_mut().filter(|built| !built.shown) else {
            return;
        };
        let first = main.first_child();
        for node in &built.nodes {
            let _ = main.insert_before(node, first.as_ref());
        }
        for tag in built.head.drain(..) {
            let _ = head.append_child(&tag);
        }
        built.shown = true;
        // After the page that leaves has taken its title with it (leptos_meta, in an effect).
        let title = built.title.clone();
        leptos::prelude::request_animation_frame(move || {
            if let Some(document) = dom::document() {
                document.set_title(&title);
            }
        });
    });
}

/// Takes the built page's head tags out of the head: the app shows a page of its own, whose
/// head it writes. They are kept, for when the built page comes back.
pub fn drop_built_head() {
    let Some(document) = dom::document() else {
        return;
    };
    let tags: Vec<web_sys::Element> =
        dom::elements(document.query_selector_all(PAGE_HEAD_SELECTOR)).collect();
    for tag in &tags {
        tag.remove();
    }
    if tags.is_empty() {
        return;
    }
    BUILT.with_borrow_mut(|built| {
        if let Some(built) = built.as_mut() {
            built.head = tags;
        }
    });
}
