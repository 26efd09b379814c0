//! Tags and authors across posts: one spelling for each, the posts of each, most used tags first
//! and authors by name.
//!
//! Two spellings with the same slug ("Local Government", "local government") are one tag, since
//! they would share one page. Names that differ in a symbol that tells them apart have slugs of
//! their own (`Slug::of_name`: "C", "C++" and "C#" are three tags), so only names with the same
//! letters and digits in the same runs are one. The spelling of the oldest post that uses the tag is kept, and every
//! post shows it. Authors are merged the same way, except that a spelling with a role (an author
//! listed in `site.toml`) wins over one without.

use std::{
    cmp::Ordering,
    collections::{hash_map::Entry, BTreeMap, HashMap, HashSet},
};

use folio_content::{Author, PostSummary, Slug, Tag};

/// The spelling chosen for each tag and author slug.
#[derive(Debug, Default)]
pub struct Spellings {
    tags: HashMap<Slug, Tag>,
    authors: HashMap<Slug, Author>,
}

impl Spellings {
    /// Chooses a spelling for every tag and author in `posts`, given oldest first.
    pub fn choose<'a>(posts: impl IntoIterator<Item = &'a PostSummary>) -> Spellings {
        let mut chosen = Spellings::default();
        for post in posts {
            for tag in &post.tags {
                chosen
                    .tags
                    .entry(tag.slug.clone())
                    .or_insert_with(|| tag.clone());
            }
            for author in &post.authors {
                match chosen.authors.entry(author.slug.clone()) {
                    Entry::Vacant(entry) => {
                        entry.insert(author.clone());
                    }
                    Entry::Occupied(mut entry) => {
                        if entry.get().role.is_none() && author.role.is_some() {
                            entry.insert(author.clone());
                        }
                    }
                }
            }
        }
        chosen
    }

    /// Gives `post` the chosen spellings, each tag and author once.
    pub fn apply(&self, post: &mut PostSummary) {
        post.tags = respell(&post.tags, &self.tags, |tag| &tag.slug);
        post.authors = respell(&post.authors, &self.authors, |author| &author.slug);
    }
}

fn respell<T: Clone>(items: &[T], chosen: &HashMap<Slug, T>, slug: impl Fn(&T) -> &Slug) -> Vec<T> {
    let mut seen = HashSet::new();
    items
        .iter()
        .filter(|item| seen.insert(slug(item).clone()))
        .map(|item| chosen.get(slug(item)).unwrap_or(item).clone())
        .collect()
}

/// Each tag with its posts (in the order of `posts`), most used first, then by name.
pub fn by_tag<'a>(posts: &[&'a PostSummary]) -> Vec<(Tag, Vec<&'a PostSummary>)> {
    let mut groups = group(posts, |post| &post.tags, |tag| &tag.slug);
    groups.sort_by(|(a, a_posts), (b, b_posts)| {
        b_posts
            .len()
            .cmp(&a_posts.len())
            .then_with(|| by_name(&a.name, &b.name))
            .then_with(|| a.slug.cmp(&b.slug))
    });
    groups
}

/// Each author with their posts (in the order of `posts`), by name.
pub fn by_author<'a>(posts: &[&'a PostSummary]) -> Vec<(Author, Vec<&'a PostSummary>)> {
    let mut groups = group(posts, |post| &post.authors, |author| &author.slug);
    groups.sort_by(|(a, _), (b, _)| by_name(&a.name, &b.name).then_with(|| a.slug.cmp(&b.slug)));
    groups
}

/// Groups `posts` by the items `of` each post, told apart by `slug`; an item is taken as the
/// first post spells it.
fn group<'a, T: Clone + 'a>(
    posts: &[&'a PostSummary],
    of: impl Fn(&'a PostSummary) -> &'a [T],
    slug: impl Fn(&T) -> &Slug,
) -> Vec<(T, Vec<&'a PostSummary>)> {
    let mut groups: BTreeMap<&Slug, (T, Vec<&'a PostSummary>)> = BTreeMap::new();
    for &post in posts {
        let mut seen = HashSet::new();
        for item in of(post) {
            let key = slug(item);
            if seen.insert(key) {
                let entry = groups
                    .entry(key)
                    .or_insert_with(|| (item.clone(), Vec::new()));
                entry.1.push(post);
            }
        }
    }
    groups.into_values().collect()
}

/// Names as a reader sorts them: ignoring case first.
fn by_name(a: &str, b: &str) -> Ordering {
    a.to_lowercase()
        .cmp(&b.to_lowercase())
        .then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(name: &str) -> Tag {
        Tag {
            name: name.into(),
            slug: Slug::derive(name).unwrap(),
        }
    }

    fn author(name: &str, role: Option<&str>) -> Author {
        Author {
            name: name.into(),
            role: role.map(Into::into),
            slug: Slug::derive(name).unwrap(),
        }
    }

    fn post(slug: &str, tags: &[&str], authors: Vec<Author>) -> PostSummary {
        PostSummary {
            slug: Slug::derive(slug).unwrap(),
            title: slug.into(),
            date: "2020-01-01".parse().unwrap(),
            updated: None,
            authors,
            summary: String::new(),
            tags: tags.iter().map(|name| tag(name)).collect(),
            reading_minutes: 1,
            draft: false,
            image: None,
        }
    }

    fn names(tags: &[Tag]) -> Vec<&str> {
        tags.iter().map(|tag| tag.name.as_str()).collect()
    }

    #[test]
    fn keeps_the_oldest_spelling_of_a_tag_everywhere() {
        // Newest first, as listings are.
        let mut posts = [
            post("new", &["local government", "Local Government"], vec![]),
            post("old", &["Local Government", "Notes"], vec![]),
        ];
        let spellings = Spellings::choose(posts.iter().rev());
        posts.iter_mut().for_each(|post| spellings.apply(post));
        assert_eq!(names(&posts[0].tags), ["Local Government"]);
        assert_eq!(names(&posts[1].tags), ["Local Government", "Notes"]);
    }

    #[test]
    fn prefers_an_author_spelling_with_a_role() {
        let mut posts = [
            post("new", &[], vec![author("Ada Lovelace", Some("Analyst"))]),
            post("old", &[], vec![author("ada lovelace", None)]),
        ];
        let spellings = Spellings::choose(posts.iter().rev());
        posts.iter_mut().for_each(|post| spellings.apply(post));
        for post in &posts {
            assert_eq!(post.authors, [author("Ada Lovelace", Some("Analyst"))]);
        }
    }

    #[test]
    fn orders_tags_by_use_then_name() {
        let posts = [
            post("a", &["zeta", "Beta"], vec![]),
            post("b", &["zeta", "alpha"], vec![]),
            post("c", &["gamma"], vec![]),
        ];
        let refs: Vec<_> = posts.iter().collect();
        let groups = by_tag(&refs);
        let shown: Vec<_> = groups
            .iter()
            .map(|(tag, posts)| {
                let slugs: Vec<_> = posts.iter().map(|p| p.slug.as_str()).collect();
                (tag.name.as_str(), slugs)
            })
            .collect();
        assert_eq!(
            shown,
            [
                ("zeta", vec!["a", "b"]),
                ("alpha", vec!["b"]),
                ("Beta", vec!["a"]),
                ("gamma", vec!["c"])
            ]
        );
    }

    #[test]
    fn orders_authors_by_name_and_counts_a_post_once() {
        let twice = vec![author("Zed", None), author("zed", None)];
        let posts = [
            post("a", &[], twice),
            post("b", &[], vec![author("amy", None), author("Zed", None)]),
        ];
        let refs: Vec<_> = posts.iter().collect();
        let shown: Vec<_> = by_author(&refs)
            .iter()
            .map(|(author, posts)| (author.name.clone(), posts.len()))
            .collect();
        assert_eq!(shown, [("amy".to_owned(), 1), ("Zed".to_owned(), 2)]);
    }
}
