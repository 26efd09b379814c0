//! `feed.json`: the Atom feed's entries as a JSON Feed 1.1 (<https://jsonfeed.org/version/1.1>),
//! for readers that prefer it. The same posts, dates and content as `feed.xml` (`feed.rs`
//! defines them); only the envelope differs.

use folio_content::{pages, paths, Site};
use serde::Serialize;

use crate::outputs::{
    feed::{changed, rfc3339, FeedPost},
    site_pages::{absolute, image_url},
};

const VERSION: &str = "https://jsonfeed.org/version/1.1";

#[derive(Serialize)]
struct JsonFeed<'a> {
    version: &'static str,
    title: &'a str,
    home_page_url: &'a str,
    feed_url: String,
    #[serde(skip_serializing_if = "str::is_empty")]
    description: &'a str,
    language: &'a str,
    /// The feed's author: the site, as in the Atom feed, for entries that name none.
    authors: Vec<FeedAuthor>,
    items: Vec<Item>,
}

#[derive(Serialize)]
struct FeedAuthor {
    name: String,
    url: String,
}

#[derive(Serialize)]
struct Item {
    id: String,
    url: String,
    title: String,
    content_html: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    summary: String,
    /// The post's cover.
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<String>,
    date_published: String,
    date_modified: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    authors: Vec<FeedAuthor>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tags: Vec<String>,
}

/// The JSON Feed of `newest` (from `feed::feed_posts`), compact like the data.
pub fn json_feed(site: &Site, newest: &[FeedPost<'_>]) -> Result<Vec<u8>, serde_json::Error> {
    let feed = JsonFeed {
        version: VERSION,
        title: &site.title,
        home_page_url: &site.base_url,
        feed_url: absolute(&site.base_url, paths::JSON_FEED),
        description: &site.description,
        language: &site.language,
        authors: vec![FeedAuthor {
            name: site.title.clone(),
            url: site.base_url.clone(),
        }],
        items: newest.iter().map(|post| item(site, post)).collect(),
    };
    serde_json::to_vec(&feed)
}

fn item(site: &Site, FeedPost { post, html }: &FeedPost<'_>) -> Item {
    let summary = &post.summary;
    let url = absolute(&site.base_url, &pages::post(&summary.slug));
    Item {
        id: url.clone(),
        url,
        title: summary.title.clone(),
        content_html: html.clone(),
        summary: summary.summary.clone(),
        image: summary.image.as_ref().map(|facts| image_url(site, facts)),
        date_published: rfc3339(summary.date),
        date_modified: rfc3339(changed(post)),
        authors: summary
            .authors
            .iter()
            .map(|author| FeedAuthor {
                name: author.name.clone(),
                url: absolute(&site.base_url, &pages::author(&author.slug, 1)),
            })
            .collect(),
        tags: summary.tags.iter().map(|tag| tag.name.clone()).collect(),
    }
}
