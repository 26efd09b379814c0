//! What is worked out site-wide, once every post and page has been read: their links,
//! resolved and checked against one another (`markdown::links`); the images the published ones
//! show, measured with their smaller copies (`markdown::images`); and the warnings about
//! images without alt text.

use std::path::{Path, PathBuf};

use folio_content::{ImageFacts, LocalLink};
use rayon::prelude::*;

use crate::{
    markdown::{
        images::{self, ImageWork, ShownImage, VariantCopy},
        links::{resolve_links, Document, LinkIndex},
    },
    post::{self, Post},
    problem::Problem,
    standalone::Standalone,
    BuildOptions,
};

/// Resolves and checks the links of every post and page (`markdown::links`), once all are
/// read; the problems of all of them.
pub fn link_all(
    site_dir: &Path,
    posts: &mut [Post],
    standalone: &mut [Standalone],
    sources: &[PathBuf],
    options: &BuildOptions,
) -> Vec<Problem> {
    let documents: Vec<Document<'_>> = posts
        .iter()
        .map(|post| post.document(post::is_published(post, options.drafts, options.now)))
        .chain(
            standalone
                .iter()
                .map(|page| page.document(options.drafts || !page.draft)),
        )
        .collect();
    let index = LinkIndex::new(&documents, sources);
    let resolved: Vec<_> = documents
        .par_iter()
        .map(|document| resolve_links(site_dir, document, &index))
        .collect();
    let mut resolved = resolved.into_iter();
    let mut problems = Vec::new();
    let mut take = |links: &mut Vec<LocalLink>, images: &mut Vec<ShownImage>| match resolved.next()
    {
        Some(Ok(found)) => (*links, *images) = (found.links, found.images),
        Some(Err(found)) => problems.extend(found),
        None => {}
    };
    for post in posts.iter_mut() {
        take(&mut post.body.links, &mut post.shown_images);
    }
    for page in standalone.iter_mut() {
        take(&mut page.body.links, &mut page.shown_images);
    }
    problems
}

/// A warning at each image without alt text in the published posts and pages.
pub fn without_alt(posts: &[Post], standalone: &[Standalone]) -> Vec<Problem> {
    let located = posts
        .iter()
        .map(|post| (&post.file, &post.without_alt))
        .chain(
            standalone
                .iter()
                .map(|page| (&page.file, &page.without_alt)),
        );
    located
        .flat_map(|(file, places)| {
            places.iter().map(move |&(line, column)| Problem {
                file: file.clone(),
                line,
                column,
                message: "the image has no alt text".to_owned(),
                help: "say what it shows between the brackets, e.g. ![A moth taped into the log book](moth.png), for readers who cannot see it".to_owned(),
            })
        })
        .collect()
}

/// Measures the images the published posts and pages show and makes their smaller copies
/// (`markdown::images`), giving each body the facts of its own; the copies to add to the
/// output, and what was done.
pub fn measure_images(
    site_dir: &Path,
    cache_dir: &Path,
    posts: &mut [Post],
    standalone: &mut [Standalone],
) -> Result<(Vec<VariantCopy>, ImageWork), Problem> {
    let mut shown: Vec<ShownImage> = posts
        .iter()
        .flat_map(|post| &post.shown_images)
        .chain(standalone.iter().flat_map(|page| &page.shown_images))
        .cloned()
        .collect();
    shown.sort();
    shown.dedup();
    let progress = |done: usize, total: usize| eprintln!("folio-bundler: images {done}/{total}");
    let processed = images::process(site_dir, cache_dir, &shown, &progress)
        .map_err(|error| {
            Problem::whole_file(
                error.file,
                error.message,
                "check that the image is a PNG, JPEG, GIF or WebP file that opens, and that the cache folder can be written",
            )
        })?;
    let facts_of = |shown: &[ShownImage]| -> Vec<ImageFacts> {
        processed
            .facts
            .iter()
            .filter(|fact| shown.iter().any(|image| image.to == fact.0))
            .cloned()
            .collect()
    };
    for post in posts.iter_mut() {
        post.body.images = facts_of(&post.shown_images);
    }
    for page in standalone.iter_mut() {
        page.body.images = facts_of(&page.shown_images);
    }
    Ok((processed.copies, processed.work))
}
