//! `feed.xml`: an Atom feed of the newest posts with their full content, rendered by the same
//! renderer and policy as the app. Which posts a feed holds, when each last changed and its
//! content are defined here for the JSON Feed too (`json_feed.rs`): `feed_posts` renders each
//! once, for both.

use atom_syndication::{
    Category, Content, Entry, FixedDateTime, Generator, Link, Person, Text, WriteConfig,
};
use folio_content::{pages, paths, render_html, Date, RenderOptions, Site};

use crate::{
    outputs::{
        feed_text::{whole_addresses, xml_safe},
        site_pages::absolute,
    },
    post::Post,
};

/// How many posts the feed holds.
pub const FEED_POSTS: usize = 20;

/// Why the feed could not be made: a bug, since every input is checked before.
#[derive(Debug, thiserror::Error)]
pub enum FeedError {
    #[error("cannot express {0} as an Atom date")]
    Date(Date),
    #[error("cannot write the Atom XML: {0}")]
    Xml(#[from] atom_syndication::Error),
}

/// A post as the feeds hold it: with its content, rendered once for both feeds.
pub struct FeedPost<'p> {
    pub post: &'p Post,
    pub html: String,
}

/// The posts the feeds hold: the newest `FEED_POSTS` of `posts` (given newest first), each with
/// its full content, the app's renderer without the page's own controls; the error, if a
/// post's text cannot be read back from the cache.
pub fn feed_posts<'p>(site: &Site, posts: &'p [Post]) -> std::io::Result<Vec<FeedPost<'p>>> {
    // Feed readers show entries away from the site: its links carry the whole address.
    let options = RenderOptions {
        trusted_html: site.trusted_html,
        page_controls: false,
        site_root: site.base_url.clone(),
    };
    posts[..posts.len().min(FEED_POSTS)]
        .iter()
        .map(|post| {
            let body = post.text.full(&post.body)?;
            let url = absolute(&site.base_url, &pages::post(&post.summary.slug));
            let html = whole_addresses(&render_html(&body, &options), &url);
            Ok(FeedPost {
                post,
                html: xml_safe(&html),
            })
        })
        .collect()
}

/// The Atom feed of `newest` (from `feed_posts`). It was last updated when its newest entry was;
/// with no posts, on `today`.
pub fn feed(site: &Site, newest: &[FeedPost<'_>], today: Date) -> Result<Vec<u8>, FeedError> {
    let entries = newest
        .iter()
        .map(|feed_post| entry(site, feed_post))
        .collect::<Result<Vec<_>, _>>()?;
    let updated = newest
        .iter()
        .map(|feed_post| changed(feed_post.post))
        .max()
        .unwrap_or(today);
    let feed = atom_syndication::Feed {
        title: Text::plain(site.title.as_str()),
        id: site.base_url.clone(),
        updated: timestamp(updated)?,
        // Atom wants an author for every entry; a post that names none is the site's.
        authors: vec![Person {
            name: site.title.clone(),
            uri: Some(site.base_url.clone()),
            ..Person::default()
        }],
        links: vec![
            link(&site.base_url, "alternate", "text/html"),
            link(
                &absolute(&site.base_url, paths::FEED),
                "self",
                "application/atom+xml",
            ),
        ],
        subtitle: Some(Text::plain(site.description.as_str())),
        generator: Some(Generator {
            value: "Folio".into(),
            ..Generator::default()
        }),
        lang: Some(site.language.clone()),
        entries,
        ..atom_syndication::Feed::default()
    };
    let config = WriteConfig {
        write_document_declaration: true,
        indent_size: Some(2),
    };
    let bytes = feed.write_with_config(Vec::new(), config)?;
    // Titles, names and summaries may hold what XML forbids too: the document is cleaned whole.
    let mut text = xml_safe(&String::from_utf8_lossy(&bytes));
    text.push('\n');
    Ok(text.into_bytes())
}

/// One post as a feed entry: its address is its id.
fn entry(site: &Site, FeedPost { post, html }: &FeedPost<'_>) -> Result<Entry, FeedError> {
    let summary = &post.summary;
    let url = absolute(&site.base_url, &pages::post(&summary.slug));
    let authors = summary
        .authors
        .iter()
        .map(|author| Person {
            name: author.name.clone(),
            ..Person::default()
        })
        .collect();
    let categories = summary
        .tags
        .iter()
        .map(|tag| Category {
            term: tag.slug.to_string(),
            label: Some(tag.name.clone()),
            ..Category::default()
        })
        .collect();
    let content = Content {
        // Relative links in a post resolve against the site, as in the app.
        base: Some(site.base_url.clone()),
        value: Some(html.clone()),
        content_type: Some("html".into()),
        ..Content::default()
    };
    Ok(Entry {
        title: Text::plain(summary.title.as_str()),
        id: url.clone(),
        updated: timestamp(changed(post))?,
        published: Some(timestamp(summary.date)?),
        authors,
        categories,
        links: vec![link(&url, "alternate", "text/html")],
        summary: (!summary.summary.is_empty()).then(|| Text::plain(summary.summary.as_str())),
        content: Some(content),
        ..Entry::default()
    })
}

/// When `post` last changed: its `updated` date, else its date.
pub(crate) fn changed(post: &Post) -> Date {
    post.summary
        .updated
        .unwrap_or(post.summary.date)
        .max(post.summary.date)
}

fn link(href: &str, rel: &str, mime_type: &str) -> Link {
    Link {
        href: href.to_owned(),
        rel: rel.to_owned(),
        mime_type: Some(mime_type.to_owned()),
        ..Link::default()
    }
}

/// Midnight UTC at the start of `date`.
fn timestamp(date: Date) -> Result<FixedDateTime, FeedError> {
    rfc3339(date).parse().map_err(|_| FeedError::Date(date))
}

/// Midnight UTC at the start of `date`, in RFC 3339: what both feeds say.
pub(crate) fn rfc3339(date: Date) -> String {
    format!("{date}T00:00:00Z")
}
