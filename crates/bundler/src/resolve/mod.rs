//! What is worked out site-wide, once every post and page has been read: their links,
//! resolved and checked against one another (`markdown::links`); the images the published ones
//! show and the posts' covers, measured with their smaller copies (`markdown::images`); and the
//! warnings about images without alt text.

pub mod menu_targets;

use std::path::{Path, PathBuf};

use folio_content::ImageFacts;
use rayon::prelude::*;

use crate::{
    markdown::{
        images::{self, ImageWork, ShownImage, VariantCopy},
        links::{resolve_links, Document, LinkIndex, Resolved},
    },
    options::BuildOptions,
    post::standalone::Standalone,
    post::{self, Post},
    problem::Problem,
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
    let mut problems = Vec::new();
    // In the order of `documents`: the posts, then the pages.
    let mut resolved = resolved.into_iter();
    let mut next = || match resolved.next() {
        Some(Ok(found)) => found,
        Some(Err(found)) => {
            problems.extend(found);
            Resolved::default()
        }
        None => Resolved::default(),
    };
    for post in posts.iter_mut() {
        let found = next();
        (post.body.links, post.shown_images) = (found.links, found.images);
        post.shown_cover = found.cover;
        post.related_to = found.related;
    }
    for page in standalone.iter_mut() {
        let found = next();
        (page.body.links, page.shown_images) = (found.links, found.images);
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

/// Measures the images the published posts and pages show, and the posts' covers, and makes
/// their smaller copies (`markdown::images`), giving each body the facts of its own and each
/// post its cover's; the copies to add to the output, what was done, and a warning at each
/// image that could not have all its copies. A cover that is no
/// raster image (an SVG, say) is a problem at its field: link previews cannot show one.
pub fn measure_images(
    site_dir: &Path,
    cache_dir: &Path,
    posts: &mut [Post],
    standalone: &mut [Standalone],
) -> Result<(Vec<VariantCopy>, ImageWork, Vec<Problem>), Vec<Problem>> {
    let mut shown: Vec<ShownImage> = posts
        .iter()
        .flat_map(|post| post.shown_images.iter().chain(&post.shown_cover))
        .chain(standalone.iter().flat_map(|page| &page.shown_images))
        .cloned()
        .collect();
    shown.sort();
    shown.dedup();
    let progress = |done: usize, total: usize| eprintln!("folio-bundler: images {done}/{total}");
    let processed = images::process(site_dir, cache_dir, &shown, &progress)
        .map_err(|error| {
            vec![Problem::whole_file(
                error.file,
                error.message,
                "check that the image is a PNG, JPEG, GIF or WebP file that opens, and that the cache folder can be written",
            )]
        })?;
    let facts_of = |shown: &[ShownImage]| -> Vec<ImageFacts> {
        processed
            .facts
            .iter()
            .filter(|fact| shown.iter().any(|image| image.to == fact.0))
            .cloned()
            .collect()
    };
    let mut problems = Vec::new();
    for post in posts.iter_mut() {
        post.body.images = facts_of(&post.shown_images);
        post.summary.image = facts_of(post.shown_cover.as_slice()).pop();
        // A cover that did not resolve is already a problem at its field.
        let resolved = post.shown_cover.is_some();
        if let (Some(cover), true, None) = (&post.cover, resolved, &post.summary.image) {
            problems.push(Problem {
                file: post.file.clone(),
                line: cover.line,
                column: cover.column,
                message: format!(
                    "the cover {:?} is not a PNG, JPEG, GIF or WebP image",
                    cover.written
                ),
                help: "link previews show only these: save the cover as one (an SVG as a PNG, say)"
                    .to_owned(),
            });
        }
    }
    for page in standalone.iter_mut() {
        page.body.images = facts_of(&page.shown_images);
    }
    let warnings = processed
        .warnings
        .into_iter()
        .map(|warning| {
            Problem::whole_file(
                warning.file,
                warning.message,
                "make a smaller image (a screenshot in parts, say) if readers on phones should get a lighter one",
            )
        })
        .collect();
    match problems.is_empty() {
        true => Ok((processed.copies, processed.work, warnings)),
        false => Err(problems),
    }
}
