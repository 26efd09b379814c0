//! Search, in two halves that talk by messages (`messages`): the worker (`worker`, started by
//! `src/bin/search_worker.rs`, a wasm of its own that trunk builds), which fetches the index's
//! parts, ranks and cuts snippets; and the app's side (`client`), which starts the worker the
//! first time a reader searches and hands its answers to the search page. So the stemmer, the
//! Unicode tables and the ranking are never part of the app's own download.

pub mod client;
pub mod messages;
pub mod worker;
