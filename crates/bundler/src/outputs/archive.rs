//! `data/archive.json`: every published post by year and month, newest first.

use folio_content::{Archive, ArchiveMonth, ArchiveYear, PostLink, PostSummary, FORMAT_VERSION};

/// The archive of `posts`, given newest first (ties in any fixed order, kept).
pub fn archive(posts: &[&PostSummary]) -> Archive {
    let mut years: Vec<ArchiveYear> = Vec::new();
    for post in posts {
        let (year, month) = (post.date.year(), post.date.month());
        if years.last().is_none_or(|last| last.year != year) {
            years.push(ArchiveYear {
                year,
                months: Vec::new(),
            });
        }
        let Some(current) = years.last_mut() else {
            continue;
        };
        if current.months.last().is_none_or(|last| last.month != month) {
            current.months.push(ArchiveMonth {
                month,
                posts: Vec::new(),
            });
        }
        if let Some(current) = current.months.last_mut() {
            current.posts.push(link(post));
        }
    }
    Archive {
        format: FORMAT_VERSION,
        years,
    }
}

/// How another page links to `post`.
pub fn link(post: &PostSummary) -> PostLink {
    PostLink {
        slug: post.slug.clone(),
        title: post.title.clone(),
        date: post.date,
    }
}

#[cfg(test)]
mod tests {
    use folio_content::Slug;

    use super::*;

    fn post(slug: &str, date: &str) -> PostSummary {
        PostSummary {
            slug: Slug::derive(slug).unwrap(),
            title: slug.to_uppercase(),
            date: date.parse().unwrap(),
            updated: None,
            authors: vec![],
            summary: String::new(),
            tags: vec![],
            reading_minutes: 1,
            draft: false,
            image: None,
        }
    }

    #[test]
    fn groups_by_year_and_month_keeping_the_order() {
        let posts = [
            post("d", "2021-03-14"),
            post("c", "2021-03-01"),
            post("b", "2021-01-31"),
            post("a", "2019-12-25"),
        ];
        let refs: Vec<_> = posts.iter().collect();
        let archive = archive(&refs);
        assert_eq!(archive.format, FORMAT_VERSION);
        type Shown<'a> = Vec<(u16, Vec<(u8, Vec<&'a str>)>)>;
        let shown: Shown<'_> = archive
            .years
            .iter()
            .map(|year| {
                let months = year
                    .months
                    .iter()
                    .map(|m| (m.month, m.posts.iter().map(|p| p.slug.as_str()).collect()))
                    .collect();
                (year.year, months)
            })
            .collect();
        assert_eq!(
            shown,
            [
                (2021, vec![(3, vec!["d", "c"]), (1, vec!["b"])]),
                (2019, vec![(12, vec!["a"])])
            ]
        );
        assert_eq!(archive.years[0].months[0].posts[0].title, "D");
    }

    #[test]
    fn an_empty_site_has_an_empty_archive() {
        assert_eq!(archive(&[]).years, []);
    }
}
