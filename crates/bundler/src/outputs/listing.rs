//! Paged listings: the home page, a tag's posts, an author's posts. Every page holds the same
//! number of posts whatever the size of the site, so the first page costs the same to fetch on a
//! site of ten posts as on one of ten thousand.

use folio_content::{PostPage, PostSummary, FORMAT_VERSION};

/// Splits `posts` (already in listing order, newest first) into pages of `per_page` posts
/// (at least 1). An empty listing still has page 1, with no posts.
pub fn pages(posts: &[&PostSummary], per_page: u32) -> Vec<PostPage> {
    let size = usize::try_from(per_page.max(1)).unwrap_or(usize::MAX);
    let total_posts = count(posts.len());
    let chunks: Vec<&[&PostSummary]> = if posts.is_empty() {
        vec![&[]]
    } else {
        posts.chunks(size).collect()
    };
    let total_pages = count(chunks.len());
    chunks
        .into_iter()
        .zip(1..)
        .map(|(chunk, page)| PostPage {
            format: FORMAT_VERSION,
            page,
            total_pages,
            total_posts,
            posts: chunk.iter().map(|&post| post.clone()).collect(),
        })
        .collect()
}

/// A count for the wire, which has room for more posts than any site holds.
pub fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use folio_content::Slug;

    use super::*;

    fn summary(n: usize) -> PostSummary {
        PostSummary {
            slug: Slug::derive(&format!("p{n}")).unwrap(),
            title: format!("P{n}"),
            date: "2020-01-01".parse().unwrap(),
            updated: None,
            authors: vec![],
            summary: String::new(),
            tags: vec![],
            reading_minutes: 1,
            draft: false,
            image: None,
        }
    }

    fn shape(pages: &[PostPage]) -> Vec<(u32, u32, u32, Vec<String>)> {
        pages
            .iter()
            .map(|page| {
                let slugs = page.posts.iter().map(|p| p.slug.to_string()).collect();
                (page.page, page.total_pages, page.total_posts, slugs)
            })
            .collect()
    }

    #[test]
    fn splits_into_full_pages_and_a_last_one() {
        let posts: Vec<_> = (1..=5).map(summary).collect();
        let refs: Vec<_> = posts.iter().collect();
        let s = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            shape(&pages(&refs, 2)),
            [
                (1, 3, 5, s(&["p1", "p2"])),
                (2, 3, 5, s(&["p3", "p4"])),
                (3, 3, 5, s(&["p5"]))
            ]
        );
        assert_eq!(
            shape(&pages(&refs, 5)),
            [(1, 1, 5, s(&["p1", "p2", "p3", "p4", "p5"]))]
        );
        assert!(pages(&refs, 2).iter().all(|p| p.format == FORMAT_VERSION));
    }

    #[test]
    fn an_empty_listing_has_one_empty_page() {
        assert_eq!(shape(&pages(&[], 10)), [(1, 1, 0, vec![])]);
    }

    #[test]
    fn zero_per_page_counts_as_one() {
        let posts: Vec<_> = (1..=2).map(summary).collect();
        let refs: Vec<_> = posts.iter().collect();
        assert_eq!(pages(&refs, 0).len(), 2);
    }
}
