//! Search, in two halves that talk by messages (`messages`): the engine (`engine`, started by
//! `src/bin/search_engine.rs`, a wasm of its own that trunk builds), which fetches the index's
//! parts, ranks and cuts snippets; and the app's side (`client`), which loads the engine into
//! the page the first time a reader searches and hands its answers to the search page. So the
//! stemmer, the Unicode tables and the ranking are never part of the app's own download.

pub mod client;
pub mod engine;
pub mod focus;
pub mod messages;
pub mod search_box;
