//! Folio's build: reads a site folder (`site.toml`, `posts/`, `pages/`, `static/`), checks
//! everything, and makes the whole site in three steps:
//!
//! 1. `build`: the files the app fetches (the JSON documents under `data/`), the feeds,
//!    `sitemap.xml`, `robots.txt` and the one list of the site's pages, in memory, with the
//!    files copied as they are. Every problem in every post is collected before the build gives
//!    up, and nothing is written unless there are none.
//! 2. `plan`: with the app trunk built (`outputs::page_files::App`), every page's HTML file,
//!    the app's files and the deploy files, each with the fingerprint of what it is made from.
//! 3. `publish`: into the output folder, making, compressing and writing only what changed
//!    since the last build there.
//!
//! The modules follow the stages, each using only those above it:
//!
//! ```text
//! problem, suggest, names, clock, options, records   what every stage shares
//! sources/       which files the site has; each text cut into front matter and body
//! markdown/      per body: highlighting, formulas as MathML, link targets, images
//! front_matter/  TOML and YAML into checked fields, dates, aliases
//! config/        site.toml and its menu
//! post/          a post or a page of its own, from its file alone
//! resolve/       site-wide: links between posts, images measured, menu targets
//! publish/       planned files into the output folder: ledger, fingerprints, compression
//! outputs/       documents, listings, series, related posts, feeds, sitemap, search index,
//!                redirects, page files
//! memo/          what a build keeps for the next: in the cache folder, and in the dev server
//! pipeline, serve   a whole build with its summary; the dev server
//! ```
//!
//! ```no_run
//! use std::path::Path;
//! use folio_bundler::{outputs::page_files::{App, PageOptions}, publish::*};
//!
//! let today = folio_bundler::clock::today_utc().ok_or("the system clock is wrong")?;
//! let options = folio_bundler::BuildOptions::new(today);
//! let output = match folio_bundler::build(Path::new("."), &options) {
//!     Ok(output) => output,
//!     Err(problems) => return Ok(problems.iter().for_each(|problem| eprintln!("{problem}"))),
//! };
//! let app = App::read(Path::new("target/app"))?;
//! let plan = folio_bundler::plan(&output, Some(&app), &PageOptions::default())?;
//! let out = Path::new("dist");
//! let ledger = ledger::path_for(Path::new(".folio-cache"), out);
//! let publish_options = PublishOptions { compress: true, ledger, trust_ledger: false, in_place: false };
//! publish(plan, out, &publish_options, &indicatif::ProgressBar::hidden())?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod clock;
pub mod config;
pub mod front_matter;
pub mod markdown;
mod memo;
pub mod names;
mod options;
pub mod outputs;
pub mod pipeline;
pub mod post;
pub mod problem;
pub mod publish;
mod records;
mod resolve;
pub mod serve;
pub mod sources;
mod suggest;

use std::{
    borrow::Cow,
    collections::{btree_map, BTreeMap, HashMap},
    fs,
    path::{Path, PathBuf},
    time::Instant,
};

use folio_content::{pages, Author, Slug};
use markdown::images::ImageWork;
pub use memo::Memo;
pub use options::{BuildOptions, DEFAULT_CACHE_DIR};
use outputs::{
    copies::Copy,
    page_files::{page_files, App, PageError, PageOptions},
};
use post::standalone::{self, Standalone};
use publish::{Planned, Source};
use rayon::prelude::*;
use resolve::{link_all, measure_images, without_alt};
use sources::files;

pub use config::site::{self, SiteConfig};
pub use outputs::documents::{Output, Stages};
pub use outputs::feed::FEED_POSTS;
pub use post::Post;
pub use problem::Problem;
pub use sources::files::POSTS_DIR;

/// Every file of the built site: `output`'s files and copies and, with the `app` trunk built,
/// every page's file, the app's files and the deploy files (into which an author's own
/// `static/_redirects` and `static/_headers` are merged, ahead of Folio's rules). Checked as a
/// whole (`publish::collisions`): no two files at one path, no file where a folder is needed.
pub fn plan<'a>(
    output: &'a Output,
    app: Option<&App>,
    options: &PageOptions,
) -> Result<Vec<Planned<'a>>, PlanError> {
    let merged = |path: &str| app.is_some() && names::MERGED_HOST_FILES.contains(&path);
    let mut planned: Vec<Planned<'a>> = output
        .files
        .iter()
        .map(|(path, document)| Planned {
            path: path.clone(),
            source: document_source(document),
        })
        .chain(
            output
                .copies
                .iter()
                .filter(|(path, _)| !merged(path))
                .map(|(path, source)| Planned {
                    path: path.clone(),
                    source: Source::File(source.clone()),
                }),
        )
        .collect();
    if let Some(app) = app {
        planned.extend(page_files(output, app, options)?);
    }
    let paths: Vec<&str> = planned.iter().map(|file| file.path.as_str()).collect();
    publish::collisions::check(&paths, |index| maker(output, &planned[index]))
        .map_err(PlanError::Collisions)?;
    outputs::redirects::check_against_planned(&output.pages, &paths)
        .map_err(PlanError::Collisions)?;
    Ok(planned)
}

/// Why the files of a build could not be planned.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    #[error(transparent)]
    Page(#[from] PageError),
    /// Files that would take one path, each problem at the author's file.
    #[error("{} files would take one path", .0.len())]
    Collisions(Vec<Problem>),
}

/// Who the planned `file` comes from: an author's file in the site folder, or the build.
fn maker(output: &Output, file: &Planned<'_>) -> publish::collisions::Maker {
    use publish::collisions::Maker;
    match &file.source {
        // An author's file is in the site folder, never in a hidden folder there (where the
        // image cache is by default).
        Source::File(source) => match source.strip_prefix(&output.site_dir) {
            Ok(relative) if !relative.to_string_lossy().starts_with('.') => {
                Maker::Author(relative.to_owned())
            }
            _ => Maker::Build("a smaller copy of an image".to_owned()),
        },
        Source::AppFile { .. } => Maker::Build("a file of the app".to_owned()),
        _ => match output.pages.iter().find(|page| page.file() == file.path) {
            Some(page) => Maker::Build(format!("the page {}", page.path)),
            None => Maker::Build("a file the build makes".to_owned()),
        },
    }
}

/// Where a document's bytes come from: those made already, or its value, encoded only if its
/// key is not the one the last build published.
fn document_source(document: &outputs::document::Document) -> Source<'_> {
    match document.made_bytes() {
        Some(bytes) => Source::Bytes(Cow::Borrowed(bytes)),
        None => Source::Made {
            key: document.key(),
            make: Box::new(|| document.contents().map(Cow::into_owned)),
        },
    }
}

/// Reads and checks the site in `site_dir` and makes its files in memory. Posts are read and
/// checked in parallel; the result does not depend on how many threads do it. Drafts and
/// scheduled posts are checked like the others even when they are left out. Fails with every
/// problem found, in `site.toml` first, then in the posts in file name order.
pub fn build(site_dir: &Path, options: &BuildOptions) -> Result<Output, Vec<Problem>> {
    build_with(site_dir, options, None)
}

/// `build`, taking the posts whose files did not change from `memo` rather than reading them
/// again, and keeping the others there for the next build.
pub fn build_with(
    site_dir: &Path,
    options: &BuildOptions,
    memo: Option<&Memo>,
) -> Result<Output, Vec<Problem>> {
    let started = Instant::now();
    let mut problems = Vec::new();
    let config = read_site(site_dir)
        .map_err(|found| problems.extend(found))
        .ok();
    let authors = config
        .as_ref()
        .map(|config| config.authors.as_slice())
        .unwrap_or_default();

    let authors_key = memo.map(|_| Memo::authors_key(authors)).unwrap_or_default();
    let files = files::post_files(site_dir)
        .map_err(|problem| problems.push(problem))
        .unwrap_or_default();
    let parsed: Vec<(PathBuf, Result<Post, Vec<Problem>>)> = files
        .par_iter()
        .cloned()
        .map(|file| {
            let post = read_post(
                site_dir,
                &file,
                authors,
                memo.map(|memo| (memo, &*authors_key)),
            );
            (file, post)
        })
        .collect();
    let parsed_count = memo.map_or(files.len(), Memo::take_parsed);
    let mut kept_for_later = None;
    if let Some(memo) = memo {
        memo.keep_only(&files);
        kept_for_later = memo.store_posts(&parsed).err();
    }

    let page_files = files::page_files(site_dir)
        .map_err(|problem| problems.push(problem))
        .unwrap_or_default();
    let mut standalone = read_pages(site_dir, &page_files, &mut problems);

    let mut posts: Vec<Post> = Vec::new();
    let mut slugs: HashMap<Slug, PathBuf> = HashMap::new();
    for (file, parsed) in parsed {
        match parsed {
            Ok(post) => match slugs.get(&post.summary.slug) {
                Some(first) => problems.push(Problem::whole_file(
                    &file,
                    format!(
                        "the slug \"{}\" is already taken by {}",
                        post.summary.slug,
                        first.display()
                    ),
                    "rename one of the two files: a post's slug (its address) comes from its file name",
                )),
                None => {
                    slugs.insert(post.summary.slug.clone(), file);
                    posts.push(post);
                }
            },
            Err(found) => problems.extend(found),
        }
    }
    // Broken links leave the posts whole: the checks of the site's pages and addresses run
    // on, so that one build reports every problem.
    let read = started.elapsed();
    let sources: Vec<PathBuf> = files.iter().chain(&page_files).cloned().collect();
    let mut later = link_all(site_dir, &mut posts, &mut standalone, &sources, options);

    let Some(mut config) = config.filter(|_| problems.is_empty()) else {
        problems.extend(later);
        return Err(in_order(problems));
    };
    if let Some(base_url) = &options.base_url {
        config.site.base_url.clone_from(base_url);
    }
    let (mut drafts_skipped, mut scheduled) = (0, 0);
    posts.retain(|post| {
        let published = post::is_published(post, options.drafts, options.now);
        if !published && post.summary.draft && !options.drafts {
            drafts_skipped += 1;
        } else if !published {
            scheduled += 1;
        }
        published
    });
    let published = posts.len();
    standalone.retain(|page| options.drafts || !page.draft);
    let mut warnings = without_alt(&posts, &standalone);
    warnings.extend(kept_for_later);
    let folders = posts
        .iter()
        .map(|post| (post.file.as_path(), pages::post(&post.summary.slug)))
        .chain(
            standalone
                .iter()
                .map(|page| (page.file.as_path(), page.address())),
        );
    let copied = outputs::copies::copies(site_dir, folders, config.site.trusted_html);
    // The images are read only once every file is known to be inside the site folder.
    let copies_read = copied.is_ok();
    let mut copies = copied
        .map_err(|found| later.extend(found))
        .unwrap_or_default();
    // Absolute, as the copies' sources below are joined to the site folder.
    let cache_dir = options.cache_dir(site_dir).join("images");
    let cache_dir = std::path::absolute(&cache_dir).unwrap_or(cache_dir);
    let measured = match copies_read {
        true => measure_images(site_dir, &cache_dir, &mut posts, &mut standalone),
        false => Ok((Vec::new(), ImageWork::default(), Vec::new())),
    };
    let image_work = match measured {
        Ok((variants, work, left_out)) => {
            warnings.extend(left_out);
            later.extend(add_made_files(
                &mut copies,
                variants,
                "the name of a smaller copy the build makes of an image beside it",
                "rename it: the build writes <name>-<width>w.webp beside each image a post shows",
            ));
            work
        }
        Err(found) => {
            later.extend(found);
            ImageWork::default()
        }
    };
    let resolved = started.elapsed();
    let copied: Vec<&str> = copies.keys().map(String::as_str).collect();
    let (files, mut pages, related) = match outputs::documents::documents(
        &config.site,
        posts,
        standalone,
        &copied,
        options.now,
        memo.map(Memo::search),
    ) {
        Ok(documents) => documents,
        Err(found) => {
            later.extend(found);
            return Err(in_order(later));
        }
    };
    let documents_made = started.elapsed();
    warnings.extend(memo.and_then(|memo| memo.store_search().err()));
    let card_cache = options.cache_dir(site_dir).join("cards");
    let card_cache = std::path::absolute(&card_cache).unwrap_or(card_cache);
    let card_work = match outputs::cards::cards(
        &config.site,
        &config.cards,
        site_dir,
        &card_cache,
        &mut pages,
    ) {
        Ok((cards, work)) => {
            later.extend(add_made_files(
                &mut copies,
                cards,
                "where the build writes a link preview card",
                &format!(
                    "move it out of {}/, which holds the cards",
                    names::CARDS_DIR
                ),
            ));
            work
        }
        Err(found) => {
            later.extend(found);
            outputs::cards::CardWork::default()
        }
    };
    later.extend(
        outputs::copies::check_paths(&copies, &files, &pages)
            .err()
            .unwrap_or_default(),
    );
    later.extend(resolve::menu_targets::check_targets(&config.menu, &pages));
    if !later.is_empty() {
        return Err(in_order(later));
    }
    let copies = copies
        .into_iter()
        .map(|(to, copy)| (to, site_dir.join(copy.source)))
        .collect();
    Ok(Output {
        site_dir: site_dir.to_owned(),
        files,
        copies,
        images: image_work,
        cards: card_work,
        stages: Stages {
            cache: memo.map(Memo::take_loading_time).unwrap_or_default(),
            read,
            resolve: resolved - read,
            documents: documents_made - resolved,
            related,
        },
        warnings,
        published,
        parsed: parsed_count,
        drafts_skipped,
        scheduled,
        pages,
    })
}

/// `problems` with each file's together, `site.toml`'s first, then by file name; in each
/// file, by line and column.
/// Adds the files the build made (`made`: path in the output, file in the cache) to the files
/// copied as they are; an author's file already at one of those paths is a problem, which says
/// the path is `whose` ("where the build writes …") and how to mend it (`help`).
fn add_made_files(
    copies: &mut BTreeMap<String, Copy>,
    made: Vec<(String, PathBuf)>,
    whose: &str,
    help: &str,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (to, source) in made {
        match copies.entry(to) {
            btree_map::Entry::Vacant(free) => {
                free.insert(Copy { source });
            }
            btree_map::Entry::Occupied(authors) => problems.push(Problem::whole_file(
                &authors.get().source,
                format!("this file would be copied to {}, {whose}", authors.key()),
                help,
            )),
        }
    }
    problems
}

fn in_order(mut problems: Vec<Problem>) -> Vec<Problem> {
    problems.sort_by_key(|problem| {
        let settings = problem.file == Path::new(site::SITE_FILE);
        (
            !settings,
            problem.file.clone(),
            problem.line,
            problem.column,
        )
    });
    problems
}

/// Reads and checks the pages of `pages/`, in parallel; the problems go into `problems`. Two
/// pages with one slug are a problem with the second.
fn read_pages(site_dir: &Path, files: &[PathBuf], problems: &mut Vec<Problem>) -> Vec<Standalone> {
    let parsed: Vec<Result<Standalone, Vec<Problem>>> = files
        .par_iter()
        .map(|file| standalone::parse(file, &read_file(site_dir, file)?))
        .collect();
    let mut pages: Vec<Standalone> = Vec::new();
    for page in parsed {
        match page {
            Ok(page) => match pages.iter().find(|other| other.slug == page.slug) {
                Some(other) => problems.push(Problem::whole_file(
                    &page.file,
                    format!(
                        "the address /{}/ is already taken by {}",
                        page.slug,
                        other.file.display()
                    ),
                    "rename one of the two files, or set slug = \"...\" in one",
                )),
                None => pages.push(page),
            },
            Err(found) => problems.extend(found),
        }
    }
    pages
}

/// Reads and checks one post, or takes it from `memo` with the authors' key; `file` is relative
/// to the site folder.
fn read_post(
    site_dir: &Path,
    file: &Path,
    authors: &[Author],
    memo: Option<(&Memo, &str)>,
) -> Result<Post, Vec<Problem>> {
    let parse = |bytes: &[u8]| post::parse(file, bytes, authors);
    match memo {
        Some((memo, key)) => memo.post(
            file,
            &site_dir.join(file),
            key,
            || read_file(site_dir, file),
            parse,
        ),
        None => parse(&read_file(site_dir, file)?),
    }
}

/// The bytes of `file`, relative to the site folder.
fn read_file(site_dir: &Path, file: &Path) -> Result<Vec<u8>, Vec<Problem>> {
    fs::read(site_dir.join(file)).map_err(|error| {
        vec![Problem::whole_file(
            file,
            format!("cannot read the file: {error}"),
            "check that it exists and is readable",
        )]
    })
}

/// Reads and checks `site.toml`.
fn read_site(site_dir: &Path) -> Result<SiteConfig, Vec<Problem>> {
    let file = Path::new(site::SITE_FILE);
    let bytes = fs::read(site_dir.join(file)).map_err(|error| {
        let message = format!(
            "cannot read the site settings in {}: {error}",
            site_dir.join(file).display()
        );
        vec![Problem::whole_file(
            file,
            message,
            "run folio-bundler in the site folder or pass --site DIR",
        )]
    })?;
    let text = std::str::from_utf8(&bytes).map_err(|error| {
        let offset = error.valid_up_to();
        vec![Problem::at(
            file,
            &bytes,
            offset,
            "the file is not valid UTF-8",
            "save the file as UTF-8",
        )]
    })?;
    site::parse(text)
}
