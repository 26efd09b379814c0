//! The search index (`folio_content::search`) of the published posts: each post read into its
//! terms (`terms.rs`), every term's impact in each post (`impacts.rs`), the terms cut into
//! shards of about `SHARD_NUMBERS` numbers, and what results show of the posts in chunks.

mod impacts;
mod packed;
mod stored;
mod terms;

use folio_content::{
    paths,
    search::{
        index::{Postings, SearchIndex, SearchPost, SearchPosts, TermShard, POSTS_PER_CHUNK},
        terms::TermReader,
    },
    FORMAT_VERSION,
};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::{
    io,
    path::PathBuf,
    sync::{Arc, Mutex},
};

use crate::{outputs::document::Document, post::Post, publish::fingerprint};
use impacts::impacts;
pub use stored::FILE as SEARCH_FILE;
use terms::{read, Indexed, Terms};

/// About how many numbers a shard of terms holds (three a posting, and one a term): at 10,000
/// generated posts, some 80 KB of JSON, 16 KB gzipped.
const SHARD_NUMBERS: usize = 9_000;

/// Whether the shard being filled ends after `term`, of `size` numbers, which brings it to
/// `numbers`. Where shards end depends on the terms themselves, not on how full the shards
/// before are: past half of `SHARD_NUMBERS`, a term ends its shard by a draw from its text,
/// with odds in proportion to its size (so shards hold about `SHARD_NUMBERS` numbers, and
/// never more than twice that, but where the cap ends one). An edit that gives a term more
/// postings, or a new term, then changes its shard and seldom the next, where shards cut by
/// size shifted every shard after it (a one-line edit at 10,000 posts wrote 273 of 372).
fn ends_shard(term: &str, size: usize, numbers: usize) -> bool {
    let half = SHARD_NUMBERS / 2;
    if numbers >= 2 * SHARD_NUMBERS {
        return true;
    }
    if numbers < half {
        return false;
    }
    let draw = xxhash_rust::xxh3::xxh3_64(term.as_bytes()) as f64 / u64::MAX as f64;
    draw < size as f64 / half as f64
}

/// How many posts are read into terms before their terms are numbered.
const READ_AT_ONCE: usize = 2_048;

/// Posts already read into terms, by the fingerprint of what their terms come from, and the
/// numbers of their terms, for builds that follow one another in one process (the dev server).
#[derive(Default)]
pub struct SearchMemo {
    kept: Mutex<Kept>,
    /// Where the terms are stored once the next index is made (`stored.rs`), and whether they
    /// are forgotten then (for one build): taken by that index.
    store: Mutex<Option<(PathBuf, bool)>>,
    /// Where they were stored, and how that went, until a build asks.
    outcome: Mutex<Option<(PathBuf, std::io::Result<()>)>>,
}

/// What the builds before read, or this one is reading.
#[derive(Default)]
struct Kept {
    posts: FxHashMap<String, Arc<Indexed>>,
    terms: Terms,
    /// What changed since the memo was loaded, while it is still to be stored (`stored.rs`).
    changes: Option<stored::Changes>,
}

/// Every term's postings in `posts`, given newest first, in term order (as `impacts` gives
/// them): what the search index is made of (`search_files`), and what related posts are found
/// by (`outputs::related`). Posts whose text is in `memo` are not read again; the error, if a
/// post's text cannot be read back from the cache.
pub fn postings(posts: &[Post], memo: Option<&SearchMemo>) -> io::Result<Vec<(String, Vec<u32>)>> {
    let mut own = Kept::default();
    let mut locked = memo.and_then(|memo| memo.kept.lock().ok());
    let kept = locked.as_deref_mut().unwrap_or(&mut own);
    let indexed = index(posts, kept, memo.is_some())?;
    let postings = {
        let indexed: Vec<&Indexed> = indexed.iter().map(Arc::as_ref).collect();
        impacts(&indexed, &kept.terms.words)
    };
    // The posts' terms are not needed past here: stored now, and forgotten by a memo of one
    // build, rather than held while the rest of the site is made (at 100,000 posts, 0.5 GB).
    drop((indexed, locked, own));
    if let Some(memo) = memo {
        memo.store_once();
    }
    Ok(postings)
}

/// The files of the search index of `posts`, given newest first, from their `postings`:
/// `data/search/index.json`, the shards of terms and the chunks of posts.
pub fn search_files(postings: Vec<(String, Vec<u32>)>, posts: &[Post]) -> Vec<(String, Document)> {
    let mut files = Vec::new();
    let mut shards = Vec::new();
    let mut shard: Vec<Postings> = Vec::new();
    let mut numbers = 0;
    for (term, list) in postings {
        let size = list.len() + 1;
        numbers += size;
        let ends = ends_shard(&term, size, numbers);
        shard.push(Postings(term, list));
        if ends {
            shards.push(std::mem::take(&mut shard));
            numbers = 0;
        }
    }
    if !shard.is_empty() || shards.is_empty() {
        shards.push(shard);
    }
    // The first shard starts before every term, so that every term falls in one.
    let starts = shards
        .iter()
        .enumerate()
        .map(|(number, terms)| match (number, terms.first()) {
            (0, _) | (_, None) => String::new(),
            (_, Some(postings)) => postings.0.clone(),
        })
        .collect();
    let index = SearchIndex {
        format: FORMAT_VERSION,
        posts: u32::try_from(posts.len()).unwrap_or(u32::MAX),
        shards: starts,
    };
    files.push((paths::SEARCH_INDEX.to_owned(), Document::json(index)));
    let shards: Vec<_> = shards
        .into_par_iter()
        .enumerate()
        .map(|(number, terms)| {
            let shard = TermShard {
                format: FORMAT_VERSION,
                terms,
            };
            (paths::search_terms(number), Document::json(shard))
        })
        .collect();
    files.extend(shards);
    let chunks: Vec<_> = posts
        .par_chunks(POSTS_PER_CHUNK as usize)
        .enumerate()
        .map(|(chunk, posts)| {
            let chunk_posts = SearchPosts {
                format: FORMAT_VERSION,
                posts: posts.iter().map(shown).collect(),
            };
            let chunk = u32::try_from(chunk).unwrap_or(u32::MAX);
            (paths::search_posts(chunk), Document::json(chunk_posts))
        })
        .collect();
    files.extend(chunks);
    files
}

/// Each of `posts` read into terms, or taken from `kept` if its text is the same; with `keep`,
/// `kept` then holds these posts for the next build.
fn index(posts: &[Post], kept: &mut Kept, keep: bool) -> io::Result<Vec<Arc<Indexed>>> {
    let Kept {
        posts: known,
        terms,
        changes,
    } = kept;
    // A chunk at a time: read in parallel, then numbered one after the other, in post order,
    // so that the numbers do not depend on threads; and no more than a chunk's terms are held
    // as text at once (at 100,000 posts, all of them would take gigabytes).
    let mut indexed: Vec<(String, Arc<Indexed>)> = Vec::with_capacity(posts.len());
    let mut read_anew = Vec::new();
    for chunk in posts.chunks(READ_AT_ONCE) {
        type Found = Result<Arc<Indexed>, io::Result<terms::Read>>;
        let found: Vec<(String, Found)> = chunk
            .par_iter()
            .map_init(TermReader::default, |reader, post| {
                let key = if keep {
                    indexed_key(post)
                } else {
                    String::new()
                };
                match known.get(&key).filter(|_| keep) {
                    Some(indexed) => (key, Ok(Arc::clone(indexed))),
                    None => {
                        let body = post.text.full(&post.body);
                        (
                            key,
                            Err(body.map(|body| read(reader, post, &body.markdown))),
                        )
                    }
                }
            })
            .collect();
        for (key, found) in found {
            let numbered = match found {
                Ok(indexed) => indexed,
                Err(read) => {
                    read_anew.push(key.clone());
                    Arc::new(read?.numbered(terms))
                }
            };
            indexed.push((key, numbered));
        }
    }
    if keep {
        let now: FxHashMap<String, Arc<Indexed>> = indexed.iter().cloned().collect();
        if let Some(changes) = changes {
            let gone = known.keys().filter(|key| !now.contains_key(*key));
            changes.gone(gone.cloned());
            changes.read(read_anew);
        }
        *known = now;
    }
    Ok(indexed.into_iter().map(|(_, indexed)| indexed).collect())
}

/// What a result shows of `post`.
fn shown(post: &Post) -> SearchPost {
    let summary = &post.summary;
    SearchPost(
        summary.slug.clone(),
        summary.title.clone(),
        summary.date,
        summary.tags.iter().map(|tag| tag.name.clone()).collect(),
        post.body
            .outline
            .iter()
            .map(|heading| heading.anchor.clone())
            .collect(),
    )
}

/// The fingerprint of what `post`'s terms come from: its title, tags, summary and text (by
/// the text's key, which stands for it wherever it is).
fn indexed_key(post: &Post) -> String {
    let summary = &post.summary;
    let tags: Vec<&str> = summary.tags.iter().map(|tag| tag.name.as_str()).collect();
    fingerprint::of_parts([
        summary.title.as_bytes(),
        tags.join("\u{1f}").as_bytes(),
        summary.summary.as_bytes(),
        &post.text.key().to_le_bytes(),
    ])
}
