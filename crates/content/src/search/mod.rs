//! Full-text search over the posts, shared by the bundler that writes the index and the app that
//! queries it: the same reading of text into terms on both sides (`terms`), the index's parts
//! on the wire (`index`), and a query ranked over the parts it fetched (`query`).

pub mod index;
pub mod query;
pub mod snippet;
pub mod terms;
