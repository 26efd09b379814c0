//! One post: from the bytes of `posts/<name>.md` to its summary and body, checked, with its slug
//! from the file name and its author's role from `site.toml`.

use std::path::{Path, PathBuf};

use folio_content::{Author, PostSummary, Slug};

use crate::{excerpt::excerpt, front_matter, problem::Problem};

/// A post, ready to be bundled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Post {
    /// The source file, relative to the site folder.
    pub file: PathBuf,
    /// What listings show, as written to the index.
    pub summary: PostSummary,
    /// The Markdown body, front matter removed.
    pub body: String,
    /// Drafts are published only when asked to.
    pub draft: bool,
}

/// Reads the post in `file` (relative to the site folder) from its `bytes`, collecting every
/// problem in it. `authors` are the authors listed in `site.toml`.
pub fn parse(file: &Path, bytes: &[u8], authors: &[Author]) -> Result<Post, Vec<Problem>> {
    let mut problems = Vec::new();
    let slug = slug(file).map_err(|problem| problems.push(problem)).ok();
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let offset = error.valid_up_to();
            let byte = bytes.get(offset).copied().unwrap_or_default();
            let help = format!(
                "save the file as UTF-8 (the first bad byte is 0x{byte:02X}, at byte {offset})"
            );
            problems.push(Problem::at(
                file,
                bytes,
                offset,
                "the file is not valid UTF-8",
                help,
            ));
            return Err(problems);
        }
    };
    let parsed = front_matter::split(file, text)
        .map_err(|problem| vec![problem])
        .and_then(|split| {
            front_matter::parse(file, text, &split).map(|fields| (fields, split.body))
        });
    let (fields, body) = match parsed {
        Ok(parsed) => parsed,
        Err(found) => {
            problems.extend(found);
            return Err(problems);
        }
    };
    let Some(slug) = slug else {
        return Err(problems);
    };
    let summary = fields.summary.unwrap_or_else(|| excerpt(&body));
    let authors = fields
        .author
        .iter()
        .map(|name| author(authors, name))
        .collect();
    let summary = PostSummary {
        slug,
        title: fields.title,
        date: fields.date,
        authors,
        summary,
        tags: fields.tags,
    };
    Ok(Post {
        file: file.to_owned(),
        summary,
        body,
        draft: fields.draft,
    })
}

/// The slug made from the file's name, without its extension.
fn slug(file: &Path) -> Result<Slug, Problem> {
    let name = file
        .file_name()
        .map(|name| name.to_string_lossy())
        .unwrap_or_default();
    let stem = file.file_stem().and_then(|stem| stem.to_str());
    stem.and_then(Slug::derive).ok_or_else(|| {
        Problem::whole_file(
            file,
            format!("the file name {name:?} gives no slug for the post's address"),
            "rename the file with letters or digits, e.g. posts/my-first-post.md",
        )
    })
}

/// The author called `name`, with the role `site.toml` gives them, or no role if it does not
/// list them.
fn author(authors: &[Author], name: &str) -> Author {
    let listed = authors.iter().find(|author| author.name == name);
    listed.cloned().unwrap_or_else(|| Author {
        name: name.to_owned(),
        role: None,
    })
}

#[cfg(test)]
mod tests {
    use folio_content::Date;

    use super::*;

    fn joan() -> Vec<Author> {
        vec![Author {
            name: "Joan Munro".into(),
            role: Some("Director".into()),
        }]
    }

    #[test]
    fn reads_a_post_and_derives_what_it_omits() {
        let text = "+++\ntitle = \"Hello\"\ndate = 2015-10-25\nauthor = \"Joan Munro\"\n+++\n\nFirst *para*.\n\nSecond.\n";
        let post = parse(Path::new("posts/Hello World.md"), text.as_bytes(), &joan()).unwrap();
        assert_eq!(post.summary.slug.as_str(), "hello-world");
        assert_eq!(post.summary.title, "Hello");
        assert_eq!(post.summary.date, Date::new(2015, 10, 25).unwrap());
        assert_eq!(post.summary.authors, joan());
        assert_eq!(post.summary.summary, "First para.");
        assert_eq!(post.summary.tags, Vec::<String>::new());
        assert_eq!(post.body, "First *para*.\n\nSecond.\n");
        assert!(!post.draft);
    }

    #[test]
    fn unknown_authors_have_no_role() {
        let text =
            "+++\ntitle = \"T\"\ndate = 2015-10-25\nauthor = \"Someone\"\nsummary = \"S\"\n+++\n";
        let post = parse(Path::new("posts/t.md"), text.as_bytes(), &joan()).unwrap();
        assert_eq!(
            post.summary.authors,
            [Author {
                name: "Someone".into(),
                role: None
            }]
        );
        assert_eq!(post.summary.summary, "S");
    }

    #[test]
    fn reports_a_bad_file_name_with_the_other_problems() {
        let problems = parse(
            Path::new("posts/!!!.md"),
            b"+++\ndate = 2015-10-25\n+++\n",
            &[],
        )
        .unwrap_err();
        let messages: Vec<_> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "the file name \"!!!.md\" gives no slug for the post's address",
                "missing required field \"title\" in the front matter"
            ]
        );
    }

    #[test]
    fn locates_the_first_invalid_byte() {
        let problems = parse(
            Path::new("posts/x.md"),
            b"+++\ntitle = \"caf\xe9\"\n+++\n",
            &[],
        )
        .unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!((problems[0].line, problems[0].column), (2, 13));
        assert_eq!(problems[0].message, "the file is not valid UTF-8");
        assert!(
            problems[0].help.contains("0xE9, at byte 16"),
            "{}",
            problems[0].help
        );
    }
}
