//! The search index (`folio_content::search`) of the published posts: each post read into its
//! fields (title, tags, summary, headings, and its body by section), every term's BM25F impact
//! in each post, the terms cut into shards of about `SHARD_NUMBERS` numbers, and what results
//! show of the posts in chunks. Terms are read as the app reads a query (`search::terms`).

use folio_content::{
    paths,
    render::markdown_options,
    search::{
        index::{
            Postings, SearchIndex, SearchPost, SearchPosts, TermShard, MAX_IMPACT, POSTS_PER_CHUNK,
        },
        terms::TermReader,
    },
    FORMAT_VERSION,
};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::sync::{Arc, Mutex};

use crate::{post::Post, publish::fingerprint};

/// About how many numbers a shard of terms holds (three a posting, and one a term): at 10,000
/// generated posts, some 80 KB of JSON, 16 KB gzipped.
const SHARD_NUMBERS: usize = 9_000;

/// The fields of a post, in order, with their weight (a title's word counts ten times a body's)
/// and how much a longer field's words count for less (BM25's `b`).
const FIELDS: [(Field, f32, f32); 5] = [
    (Field::Title, 10.0, 0.5),
    (Field::Tags, 5.0, 0.5),
    (Field::Headings, 3.0, 0.5),
    (Field::Summary, 2.0, 0.5),
    (Field::Body, 1.0, 0.75),
];

/// BM25's `k1`: how soon more of the same word stops counting.
const K1: f32 = 1.2;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Title,
    Tags,
    Headings,
    Summary,
    Body,
}

/// One term in one post: how often it is in each field, and where.
#[derive(Clone, Debug, Default)]
struct Occurrences {
    counts: [u32; 5],
    /// The first section whose heading has it.
    heading: Option<u32>,
    /// How often each section's body has it, in section order.
    sections: Vec<(u32, u32)>,
}

impl Occurrences {
    /// Where the term matters most: under the heading that has it, else the section whose body
    /// has it most (the first of equals), else the top.
    fn section(&self) -> u32 {
        self.heading.unwrap_or_else(|| {
            let most = self.sections.iter().map(|(_, count)| *count).max();
            self.sections
                .iter()
                .find(|(_, count)| Some(*count) == most)
                .map_or(0, |(section, _)| *section)
        })
    }
}

/// A post, read into terms.
pub struct Indexed {
    lengths: [u32; 5],
    terms: FxHashMap<String, Occurrences>,
}

/// Posts already read into terms, by the fingerprint of what their terms come from, for builds
/// that follow one another in one process (the dev server).
#[derive(Default)]
pub struct SearchMemo(Mutex<FxHashMap<String, Arc<Indexed>>>);

/// The files of the search index of `posts`, given newest first: `data/search/index.json`, the
/// shards of terms and the chunks of posts. Posts whose text is in `memo` are not read again.
pub fn search_files(
    posts: &[Post],
    memo: Option<&SearchMemo>,
) -> Result<Vec<(String, Vec<u8>)>, serde_json::Error> {
    let indexed: Vec<(String, Arc<Indexed>)> = posts
        .par_iter()
        .map_init(TermReader::default, |reader, post| {
            let key = memo.map(|_| indexed_key(post)).unwrap_or_default();
            let kept = memo.and_then(|memo| memo.0.lock().ok()?.get(&key).cloned());
            let indexed = kept.unwrap_or_else(|| Arc::new(read(reader, post)));
            (key, indexed)
        })
        .collect();
    if let Some(memo) = memo {
        if let Ok(mut kept) = memo.0.lock() {
            *kept = indexed.iter().cloned().collect();
        }
    }
    let indexed: Vec<&Indexed> = indexed
        .iter()
        .map(|(_, indexed)| indexed.as_ref())
        .collect();
    let postings = impacts(&indexed);
    let mut files = Vec::new();
    let mut shards = Vec::new();
    let mut shard: Vec<Postings> = Vec::new();
    let mut numbers = 0;
    for (term, list) in postings {
        if numbers >= SHARD_NUMBERS {
            shards.push(std::mem::take(&mut shard));
            numbers = 0;
        }
        numbers += list.len() + 1;
        shard.push(Postings(term, list));
    }
    shards.push(shard);
    let mut starts = Vec::new();
    for (number, terms) in shards.into_iter().enumerate() {
        // The first shard starts before every term, so that every term falls in one.
        let start = match number {
            0 => String::new(),
            _ => terms
                .first()
                .map(|postings| postings.0.clone())
                .unwrap_or_default(),
        };
        starts.push(start);
        let shard = TermShard {
            format: FORMAT_VERSION,
            terms,
        };
        files.push(json(paths::search_terms(number), &shard)?);
    }
    let index = SearchIndex {
        format: FORMAT_VERSION,
        posts: u32::try_from(posts.len()).unwrap_or(u32::MAX),
        shards: starts,
    };
    files.push(json(paths::SEARCH_INDEX.to_owned(), &index)?);
    for (chunk, posts) in posts.chunks(POSTS_PER_CHUNK as usize).enumerate() {
        let chunk_posts = SearchPosts {
            format: FORMAT_VERSION,
            posts: posts.iter().map(shown).collect(),
        };
        let chunk = u32::try_from(chunk).unwrap_or(u32::MAX);
        files.push(json(paths::search_posts(chunk), &chunk_posts)?);
    }
    Ok(files)
}

fn json(path: String, document: &impl Serialize) -> Result<(String, Vec<u8>), serde_json::Error> {
    Ok((path, serde_json::to_vec(document)?))
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

/// The fingerprint of what `post`'s terms come from: its title, tags, summary and text.
fn indexed_key(post: &Post) -> String {
    let summary = &post.summary;
    let tags: Vec<&str> = summary.tags.iter().map(|tag| tag.name.as_str()).collect();
    fingerprint::of_parts([
        summary.title.as_bytes(),
        tags.join("\u{1f}").as_bytes(),
        summary.summary.as_bytes(),
        post.body.markdown.as_bytes(),
    ])
}

/// `post`'s terms, field by field; the body's in the section (0 for the top, `k` under the
/// `k`-th heading) they are in.
fn read(reader: &mut TermReader, post: &Post) -> Indexed {
    let mut indexed = Indexed {
        lengths: [0; 5],
        terms: FxHashMap::default(),
    };
    let summary = &post.summary;
    let tags: Vec<&str> = summary.tags.iter().map(|tag| tag.name.as_str()).collect();
    indexed.add(reader, Field::Title, &summary.title, 0);
    indexed.add(reader, Field::Tags, &tags.join(" "), 0);
    indexed.add(reader, Field::Summary, &summary.summary, 0);
    let mut section = 0;
    let mut in_heading = false;
    for event in Parser::new_ext(&post.body.markdown, markdown_options()) {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                section += 1;
                in_heading = true;
            }
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Text(text) | Event::Code(text) => {
                let field = if in_heading {
                    Field::Headings
                } else {
                    Field::Body
                };
                indexed.add(reader, field, &text, section);
            }
            _ => {}
        }
    }
    indexed
}

impl Indexed {
    fn add(&mut self, reader: &mut TermReader, field: Field, text: &str, section: u32) {
        let slot = field as usize;
        let (lengths, terms) = (&mut self.lengths, &mut self.terms);
        reader.each_term(text, |term| {
            lengths[slot] += 1;
            let occurrences = match terms.get_mut(term) {
                Some(occurrences) => occurrences,
                None => terms.entry(term.to_owned()).or_default(),
            };
            occurrences.counts[slot] += 1;
            match field {
                Field::Headings => {
                    occurrences.heading.get_or_insert(section);
                }
                Field::Body => match occurrences.sections.last_mut() {
                    Some((last, count)) if *last == section => *count += 1,
                    _ => occurrences.sections.push((section, 1)),
                },
                _ => {}
            }
        });
    }
}

/// A term in a post: the post's id, BM25F's weighted count of the term, and its section.
type Weighed = (u32, f32, u32);

/// Every term's postings, in term order, each list in post order: BM25F over the fields, scaled
/// so that the highest impact is `MAX_IMPACT`.
fn impacts(indexed: &[&Indexed]) -> Vec<(String, Vec<u32>)> {
    let posts = indexed.len().max(1) as f32;
    let mut average = [0f32; 5];
    for post in indexed {
        for (slot, length) in post.lengths.iter().enumerate() {
            average[slot] += *length as f32 / posts;
        }
    }
    // Each term with the posts it is in, in post order: how much it weighs in each (BM25F's
    // weighted count) and where it matters most.
    let weighed: Vec<Vec<(&str, f32, u32)>> = indexed
        .par_iter()
        .map(|post| {
            let relative = |slot: usize| match average[slot] {
                average if average > 0.0 => post.lengths[slot] as f32 / average,
                _ => 1.0,
            };
            post.terms
                .iter()
                .map(|(term, occurrences)| {
                    let mut weighted = 0.0;
                    for (slot, (_, weight, b)) in FIELDS.iter().enumerate() {
                        let count = occurrences.counts[slot] as f32;
                        if count > 0.0 {
                            weighted += weight * count / (1.0 - b + b * relative(slot));
                        }
                    }
                    (term.as_str(), weighted, occurrences.section())
                })
                .collect()
        })
        .collect();
    let mut by_term: FxHashMap<&str, Vec<Weighed>> = FxHashMap::default();
    for (id, terms) in weighed.iter().enumerate() {
        let id = u32::try_from(id).unwrap_or(u32::MAX);
        for &(term, weighted, section) in terms {
            by_term
                .entry(term)
                .or_default()
                .push((id, weighted, section));
        }
    }
    let mut terms: Vec<(&str, Vec<Weighed>)> = by_term.into_iter().collect();
    terms.par_sort_unstable_by(|a, b| a.0.cmp(b.0));
    // The score of a term in a post: how rare the term is, times its weighted count saturated.
    let score = |found_in: usize, weighted: f32| {
        let found_in = found_in as f32;
        let rarity = (1.0 + (posts - found_in + 0.5) / (found_in + 0.5)).ln();
        rarity * weighted * (K1 + 1.0) / (weighted + K1)
    };
    let highest = terms
        .par_iter()
        .flat_map_iter(|(_, list)| {
            list.iter()
                .map(|(_, weighted, _)| score(list.len(), *weighted))
        })
        .reduce(|| 0.0, f32::max);
    terms
        .into_par_iter()
        .map(|(term, list)| {
            let mut numbers = Vec::with_capacity(list.len() * 3);
            let mut previous = 0;
            for (id, weighted, section) in &list {
                let scaled = score(list.len(), *weighted) / highest * MAX_IMPACT as f32;
                let impact = (scaled.round() as u32).clamp(1, MAX_IMPACT);
                numbers.extend([id - previous, impact, *section]);
                previous = *id;
            }
            (term.to_owned(), numbers)
        })
        .collect()
}
