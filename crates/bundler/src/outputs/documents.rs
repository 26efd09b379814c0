//! The files of a build, made in memory from the site's settings, its published posts and its
//! pages of their own (`pages/`): every
//! JSON document of `folio_content::wire` at its path from `folio_content::paths` (compact JSON),
//! the Atom feed and the JSON Feed, the sitemap and `robots.txt`; and the one list of the site's pages
//! (`outputs::site_pages`), which the sitemap is made from and the step after trunk builds each
//! page's HTML file from.

use std::{
    collections::BTreeMap,
    path::PathBuf,
    time::{Duration, Instant},
};

use folio_content::{
    pages::PageKind, paths, AuthorCount, AuthorIndex, Date, PostBundle, PostLink, PostPage,
    PostSeries, PostSummary, Site, TagCount, TagIndex, FORMAT_VERSION,
};
use rayon::prelude::*;

use crate::{
    markdown::images::ImageWork,
    outputs::archive::{archive, link},
    outputs::cards::CardWork,
    outputs::listing::{count, pages},
    outputs::taxonomy::{by_author, by_tag, Spellings},
    outputs::{
        document::Document,
        feed::{feed, feed_posts},
        json_feed::json_feed,
        post_bundle::Bundle,
        redirects::redirect_pages,
        related::related_posts,
        robots::robots,
        search_index::{postings, search_files, SearchMemo},
        series::{post_series, series_files, series_of, Series},
        site_pages::SitePage,
        sitemap::sitemap,
    },
    post::standalone::Standalone,
    post::Post,
    problem::Problem,
};

/// The result of a build, not yet written anywhere.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Output {
    /// The site folder the build read.
    pub site_dir: PathBuf,
    /// Each file by its path relative to the output folder, `/`-separated, e.g.
    /// `data/posts/hello.json`.
    pub files: Files,
    /// The files copied as they are: each one's path in the output, as in `files`, and where
    /// it is read from.
    pub copies: BTreeMap<String, PathBuf>,
    /// What the image step measured and encoded.
    pub images: ImageWork,
    /// What the card step drew and took from the cache.
    pub cards: CardWork,
    /// How long each stage took.
    pub stages: Stages,
    /// What is worth mending but does not stop the build: images without alt text.
    pub warnings: Vec<Problem>,
    /// How many posts were published (drafts included when asked to).
    pub published: usize,
    /// How many post files were parsed: the others were taken as a build before read them.
    pub parsed: usize,
    /// How many drafts were left out.
    pub drafts_skipped: usize,
    /// How many posts were left out because they are dated after today.
    pub scheduled: usize,
    /// Every page of the site, in sitemap order.
    pub pages: Vec<SitePage>,
}

/// How long the stages of a build took, each in wall time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stages {
    /// Loading what the last run of the bundler kept in the cache (`Memo::for_one_build`),
    /// before the build started.
    pub cache: Duration,
    /// Reading and checking every post and page, each on its own.
    pub read: Duration,
    /// Site-wide: links between posts, images measured and encoded, files to copy.
    pub resolve: Duration,
    /// The data documents, listings, feeds, sitemap and search index.
    pub documents: Duration,
    /// Of those, finding each post's related posts (`related`).
    pub related: Duration,
}

/// Each file by its path, as in `Output::files`.
pub type Files = BTreeMap<String, Document>;

/// Makes every file of the site from its settings, the posts to publish, in any order, and
/// its pages of their own. Listings are newest first, ties by slug; each tag and author keeps
/// one spelling (see `taxonomy`). `today` dates the feed of a site with no posts. The posts'
/// terms for the search index are taken from `search` where it has them, and kept there.
/// JSON documents are keyed now and encoded when published (`Document`). Also how long finding
/// the related posts took.
pub fn documents(
    site: &Site,
    mut posts: Vec<Post>,
    standalone: Vec<Standalone>,
    copied: &[&str],
    today: Date,
    search: Option<&SearchMemo>,
) -> Result<(Files, Vec<SitePage>, Duration), Vec<Problem>> {
    posts.sort_by(|a, b| {
        (b.summary.date.cmp(&a.summary.date)).then_with(|| a.summary.slug.cmp(&b.summary.slug))
    });
    let spellings = Spellings::choose(posts.iter().rev().map(|post| &post.summary));
    posts
        .iter_mut()
        .for_each(|post| spellings.apply(&mut post.summary));
    let series = series_of(&posts);
    // Each part names its series as the series does (its first part's spelling).
    for one in &series {
        for &part in &one.parts {
            if let Some(field) = posts.get_mut(part).and_then(|post| post.series.as_mut()) {
                field.name.clone_from(&one.name);
            }
        }
    }

    // The terms of the posts (for the search index and related posts) need every post and
    // nothing else made here: they are read beside the rest.
    let (postings, rest) = rayon::join(
        || {
            postings(&posts, search)
                .map_err(|error| vec![cache_problem(paths::SEARCH_INDEX, error)])
        },
        || site_files(site, &posts, &series, standalone, copied, today),
    );
    let (mut files, site_pages) = rest?;
    let postings = postings?;
    let relating = Instant::now();
    let related = related_posts(&posts, &postings);
    let related_in = relating.elapsed();
    if site.search {
        files.extend(search_files(postings, &posts));
    }
    let parts_of = post_series(&series, &posts);
    files.extend(bundles(posts, parts_of, related));
    Ok((files, site_pages, related_in))
}

/// `site.json`, the listings, the pages of their own, the redirects, the feeds and `robots.txt`
/// of `posts` (newest first); and the site's pages. `copied` are the files copied as they are,
/// which no redirect may take.
fn site_files(
    site: &Site,
    posts: &[Post],
    series: &[Series],
    standalone: Vec<Standalone>,
    copied: &[&str],
    today: Date,
) -> Result<(Files, Vec<SitePage>), Vec<Problem>> {
    let mut site_pages = Vec::new();
    let mut files = BTreeMap::new();
    files.insert(paths::SITE.to_owned(), Document::json(site.clone()));
    let own_pages = standalone
        .iter()
        .map(|page| standalone_page(site, page))
        .collect();
    files.extend(listings(site, posts, series, own_pages, &mut site_pages).map_err(one)?);
    for page in standalone {
        let path = paths::standalone(&page.slug);
        files.insert(path, Document::json(page.bundle(&site.description)));
    }
    let redirects = redirect_pages(site, &site_pages, copied, posts)?;
    site_pages.extend(redirects);
    let newest =
        feed_posts(site, posts).map_err(|error| vec![cache_problem(paths::FEED, error)])?;
    let xml = feed(site, &newest, today).map_err(|error| vec![bug(paths::FEED, error)])?;
    files.insert(paths::FEED.to_owned(), Document::bytes(xml));
    let json_feed = json_feed(site, &newest).map_err(|error| vec![bug(paths::JSON_FEED, error)])?;
    files.insert(paths::JSON_FEED.to_owned(), Document::bytes(json_feed));
    files.insert(
        paths::ROBOTS.to_owned(),
        Document::bytes(robots(&site.base_url).into_bytes()),
    );
    Ok((files, site_pages))
}

fn one(problem: Problem) -> Vec<Problem> {
    vec![problem]
}

/// A post's page in the list.
fn post_page(site: &Site, post: &Post) -> SitePage {
    let summary = &post.summary;
    let kind = PageKind::Post(summary.slug.clone());
    let mut page = SitePage::routed(site, kind, &summary.title);
    page.authors.clone_from(&summary.authors);
    page.description.clone_from(&post.description);
    page.published = Some(summary.date);
    page.modified = summary.updated.filter(|updated| *updated > summary.date);
    page.image.clone_from(&summary.image);
    page.series = post
        .series
        .as_ref()
        .map(|series| (series.name.clone(), series.slug.clone()));
    page
}

/// A page of its own in the list.
fn standalone_page(site: &Site, page: &Standalone) -> SitePage {
    let kind = PageKind::Standalone(page.slug.clone());
    let mut entry = SitePage::routed(site, kind, &page.title);
    if let Some(description) = &page.description {
        entry.description.clone_from(description);
    }
    entry
}

/// The home pages, the posts' pages, the tags and their pages, the authors and their pages, the
/// archive, the site's `own_pages`, the not-found page, and the sitemap, which lists all of
/// them.
fn listings(
    site: &Site,
    posts: &[Post],
    series: &[Series],
    own_pages: Vec<SitePage>,
    site_pages: &mut Vec<SitePage>,
) -> Result<Vec<(String, Document)>, Problem> {
    let summaries: Vec<&PostSummary> = posts.iter().map(|post| &post.summary).collect();
    let per_page = site.posts_per_page;
    let tags = by_tag(&summaries);
    let authors = by_author(&summaries);

    let mut listed: Vec<(String, PostPage)> = Vec::new();
    let home = pages(&summaries, per_page);
    for page in home {
        let entry = SitePage::routed(site, PageKind::Home(page.page), "");
        site_pages.push(entry.paged(page.page, page.total_pages, PageKind::Home));
        listed.push((paths::index_page(page.page), page));
    }
    site_pages.extend(posts.iter().map(|post| post_page(site, post)));
    site_pages.push(SitePage::routed(site, PageKind::Tags, ""));
    for (tag, tagged) in &tags {
        let page_of = |n| PageKind::Tag(tag.slug.clone(), n);
        for page in pages(tagged, per_page) {
            let entry = SitePage::routed(site, page_of(page.page), &tag.name);
            site_pages.push(entry.paged(page.page, page.total_pages, page_of));
            listed.push((paths::tag_page(&tag.slug, page.page), page));
        }
    }
    site_pages.push(SitePage::routed(site, PageKind::Archive, ""));
    for (author, theirs) in &authors {
        let page_of = |n| PageKind::Author(author.slug.clone(), n);
        for page in pages(theirs, per_page) {
            let entry = SitePage::routed(site, page_of(page.page), &author.name);
            site_pages.push(entry.paged(page.page, page.total_pages, page_of));
            listed.push((paths::author_page(&author.slug, page.page), page));
        }
    }
    if !series.is_empty() {
        site_pages.push(SitePage::routed(site, PageKind::SeriesIndex, ""));
    }
    for one in series {
        site_pages.push(SitePage::routed(
            site,
            PageKind::Series(one.slug.clone()),
            &one.name,
        ));
    }
    site_pages.extend(own_pages);
    if site.search {
        site_pages.push(SitePage::routed(site, PageKind::Search, ""));
    }
    site_pages.push(SitePage::not_found(site));
    let mut files: Vec<(String, Document)> = listed
        .into_par_iter()
        .map(|(path, page)| (path, Document::json(page)))
        .collect();

    let tag_index = TagIndex {
        format: FORMAT_VERSION,
        tags: tags
            .iter()
            .map(|(tag, tagged)| TagCount {
                tag: tag.clone(),
                count: count(tagged.len()),
            })
            .collect(),
    };
    files.push((paths::TAGS.to_owned(), Document::json(tag_index)));
    let author_index = AuthorIndex {
        format: FORMAT_VERSION,
        authors: authors
            .iter()
            .map(|(author, theirs)| AuthorCount {
                author: author.clone(),
                count: count(theirs.len()),
            })
            .collect(),
    };
    files.push((paths::AUTHORS.to_owned(), Document::json(author_index)));
    let by_date = archive(&summaries);
    files.push((paths::ARCHIVE.to_owned(), Document::json(by_date)));
    if !series.is_empty() {
        files.extend(series_files(series, posts));
    }

    let map = sitemap(&site.base_url, site_pages).map_err(|error| bug(paths::SITEMAP, error))?;
    files.push((paths::SITEMAP.to_owned(), Document::bytes(map)));
    Ok(files)
}

/// One bundle per post (given newest first), each with its neighbours, its series (`parts_of`,
/// by post) and its `related` posts, keyed in parallel.
fn bundles(
    posts: Vec<Post>,
    parts_of: Vec<Option<PostSeries>>,
    related: Vec<Vec<PostLink>>,
) -> Vec<(String, Document)> {
    let links: Vec<_> = posts.iter().map(|post| link(&post.summary)).collect();
    posts
        .into_par_iter()
        .zip(parts_of)
        .zip(related)
        .enumerate()
        .map(|(i, ((post, series), related))| {
            let path = paths::post(&post.summary.slug);
            let bundle = PostBundle {
                format: FORMAT_VERSION,
                post: post.summary,
                description: post.description,
                word_count: post.word_count,
                previous: links.get(i + 1).cloned(),
                next: i.checked_sub(1).and_then(|j| links.get(j)).cloned(),
                call_for_comments: post.call_for_comments,
                series,
                related,
                body: post.body,
            };
            let text = post.text;
            (path, Document::json(Bundle { bundle, text }))
        })
        .collect()
}

/// A post's text that could not be read back from the cache folder.
fn cache_problem(path: &str, error: std::io::Error) -> Problem {
    Problem::whole_file(
        path,
        format!("cannot read a post's text back from the cache: {error}"),
        "delete the cache folder (.folio-cache in the site folder, or FOLIO_CACHE_DIR) and build again",
    )
}

/// A problem that only a bug in the bundler can cause: every input was checked before.
fn bug(path: &str, error: impl std::fmt::Display) -> Problem {
    Problem::whole_file(
        path,
        format!("cannot make the file: {error}"),
        "this is a bug in folio-bundler; please report it",
    )
}
