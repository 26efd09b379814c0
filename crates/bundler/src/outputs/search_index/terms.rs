//! Each post read into its terms for the search index, field by field (title, tags, summary,
//! headings, and its body by section), as the app reads a query (`search::terms`); and the
//! table that numbers every term the posts have, so that the index gathers each term's posts
//! by number rather than by looking its text up.

use folio_content::{render::markdown_options, search::terms::TermReader};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use rustc_hash::FxHashMap;

use crate::post::Post;

/// The fields of a post, in the order of `Indexed::lengths` and `Posting::counts`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Title,
    Tags,
    Headings,
    Summary,
    Body,
}

/// A post, read into terms: each field's length in terms, and each term it has.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
pub struct Indexed {
    pub lengths: [u32; 5],
    #[serde(with = "super::packed")]
    pub terms: Vec<Posting>,
}

/// One term of a post: its number in `Terms`, how often each field has it, and the section
/// where it matters most (0 for the top, `k` under the `k`-th heading).
#[derive(Clone)]
pub struct Posting {
    pub term: u32,
    pub counts: [u32; 5],
    pub section: u32,
}

/// Every term the posts have, each numbered in the order first met.
#[derive(Default)]
pub struct Terms {
    numbers: FxHashMap<String, u32>,
    /// Each term by its number.
    pub words: Vec<String>,
}

impl Terms {
    /// The table of `words`, numbered in their order.
    pub fn of_words(words: Vec<String>) -> Terms {
        let numbers = words
            .iter()
            .enumerate()
            .map(|(number, word)| (word.clone(), u32::try_from(number).unwrap_or(u32::MAX)))
            .collect();
        Terms { numbers, words }
    }

    /// Whether no word is in the table twice.
    pub fn numbers_each_word_once(&self) -> bool {
        self.numbers.len() == self.words.len()
    }

    fn number(&mut self, term: String) -> u32 {
        let next = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
        *self.numbers.entry(term).or_insert_with_key(|term| {
            self.words.push(term.clone());
            next
        })
    }
}

/// A post read into terms, before they are numbered: many posts are read at once, and
/// numbered one after the other.
pub struct Read {
    lengths: [u32; 5],
    terms: FxHashMap<String, Occurrences>,
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

/// `post`'s terms, field by field, its body's from `markdown` (its text, wherever it is), in
/// the section they are in.
pub fn read(reader: &mut TermReader, post: &Post, markdown: &str) -> Read {
    let mut read = Read {
        lengths: [0; 5],
        terms: FxHashMap::default(),
    };
    let summary = &post.summary;
    let tags: Vec<&str> = summary.tags.iter().map(|tag| tag.name.as_str()).collect();
    read.add(reader, Field::Title, &summary.title, 0);
    read.add(reader, Field::Tags, &tags.join(" "), 0);
    read.add(reader, Field::Summary, &summary.summary, 0);
    let mut section = 0;
    let mut in_heading = false;
    for event in Parser::new_ext(markdown, markdown_options()) {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                section += 1;
                in_heading = true;
            }
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Text(text)
            | Event::Code(text)
            | Event::InlineMath(text)
            | Event::DisplayMath(text) => {
                let field = if in_heading {
                    Field::Headings
                } else {
                    Field::Body
                };
                read.add(reader, field, &text, section);
            }
            _ => {}
        }
    }
    read
}

impl Read {
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

    /// The post with its terms numbered in `terms`, which learns the new ones.
    pub fn numbered(self, terms: &mut Terms) -> Indexed {
        let postings = self
            .terms
            .into_iter()
            .map(|(term, occurrences)| Posting {
                section: occurrences.section(),
                counts: occurrences.counts,
                term: terms.number(term),
            })
            .collect();
        Indexed {
            lengths: self.lengths,
            terms: postings,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_keep_the_number_they_were_first_given() {
        let mut terms = Terms::default();
        assert_eq!(terms.number("rust".into()), 0);
        assert_eq!(terms.number("wasm".into()), 1);
        assert_eq!(terms.number("rust".into()), 0);
        assert_eq!(terms.words, ["rust", "wasm"]);
    }
}
