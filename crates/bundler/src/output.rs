//! The files the bundler makes: the JSON documents of `folio_content::wire` at the paths of
//! `folio_content::paths`, built in memory, then written to the output folder.

use std::{
    collections::BTreeMap,
    fs, io,
    path::{Path, PathBuf},
};

use folio_content::{paths, PostBundle, PostIndex, Site, FORMAT_VERSION};
use serde::Serialize;

use crate::{post::Post, problem::Problem};

/// The result of a build, not yet written anywhere.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Output {
    /// Each file's contents by its path relative to the output folder, `/`-separated,
    /// e.g. `data/index.json`.
    pub files: BTreeMap<String, Vec<u8>>,
    /// How many posts were published (drafts included when asked to).
    pub published: usize,
    /// How many drafts were left out.
    pub drafts_skipped: usize,
}

/// Makes `data/site.json`, `data/index.json` (newest first, ties by slug) and one
/// `data/posts/<slug>.json` per post in `posts`.
pub fn documents(site: &Site, mut posts: Vec<Post>) -> Result<BTreeMap<String, Vec<u8>>, Problem> {
    posts.sort_by(|a, b| {
        b.summary
            .date
            .cmp(&a.summary.date)
            .then_with(|| a.summary.slug.cmp(&b.summary.slug))
    });
    let mut files = BTreeMap::new();
    files.insert(paths::SITE.to_owned(), json(paths::SITE, site)?);
    let index = PostIndex {
        format: FORMAT_VERSION,
        posts: posts.iter().map(|post| post.summary.clone()).collect(),
    };
    files.insert(paths::INDEX.to_owned(), json(paths::INDEX, &index)?);
    for post in posts {
        let path = paths::post(&post.summary.slug);
        let bundle = PostBundle {
            format: FORMAT_VERSION,
            post: post.summary,
            body: post.body,
        };
        let bytes = json(&path, &bundle)?;
        files.insert(path, bytes);
    }
    Ok(files)
}

fn json(path: &str, document: &impl Serialize) -> Result<Vec<u8>, Problem> {
    serde_json::to_vec(document).map_err(|error| {
        Problem::whole_file(
            path,
            format!("cannot encode the document as JSON: {error}"),
            "this is a bug in folio-bundler; please report it",
        )
    })
}

/// A file of the output that could not be written.
#[derive(Debug, thiserror::Error)]
#[error("cannot write {}", path.display())]
pub struct WriteError {
    /// The file or folder that could not be made.
    pub path: PathBuf,
    #[source]
    pub source: io::Error,
}

/// Writes every file of `output` under `out_dir`, making folders as needed.
pub fn write(output: &Output, out_dir: &Path) -> Result<(), WriteError> {
    for (relative, bytes) in &output.files {
        let path = out_dir.join(relative);
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder).map_err(|source| WriteError {
                path: folder.to_owned(),
                source,
            })?;
        }
        fs::write(&path, bytes).map_err(|source| WriteError { path, source })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use folio_content::{PostSummary, Slug};

    use super::*;

    fn post(slug: &str, date: &str) -> Post {
        let summary = PostSummary {
            slug: Slug::derive(slug).unwrap(),
            title: slug.to_uppercase(),
            date: date.parse().unwrap(),
            authors: vec![],
            summary: String::new(),
            tags: vec![],
        };
        Post {
            file: format!("posts/{slug}.md").into(),
            summary,
            body: format!("# {slug}\n"),
            draft: false,
        }
    }

    fn site() -> Site {
        Site {
            format: FORMAT_VERSION,
            title: "T".into(),
            description: "D".into(),
            language: "en".into(),
            base_url: "https://x.org/".into(),
            contact: None,
            trusted_html: false,
        }
    }

    #[test]
    fn makes_one_document_per_post_and_orders_the_index() {
        let posts = vec![
            post("b", "2015-01-01"),
            post("old", "2014-05-05"),
            post("a", "2015-01-01"),
            post("new", "2016-01-01"),
        ];
        let files = documents(&site(), posts).unwrap();
        let names: Vec<_> = files.keys().map(String::as_str).collect();
        assert_eq!(
            names,
            [
                "data/index.json",
                "data/posts/a.json",
                "data/posts/b.json",
                "data/posts/new.json",
                "data/posts/old.json",
                "data/site.json"
            ]
        );
        let index: PostIndex = serde_json::from_slice(&files["data/index.json"]).unwrap();
        let order: Vec<_> = index.posts.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(order, ["new", "a", "b", "old"]);
        let bundle: PostBundle = serde_json::from_slice(&files["data/posts/a.json"]).unwrap();
        assert_eq!(
            (
                bundle.format,
                bundle.post.title.as_str(),
                bundle.body.as_str()
            ),
            (FORMAT_VERSION, "A", "# a\n")
        );
        assert_eq!(
            serde_json::from_slice::<Site>(&files["data/site.json"]).unwrap(),
            site()
        );
    }

    #[test]
    fn writes_files_under_the_output_folder() {
        let dir = tempfile::tempdir().unwrap();
        let mut output = Output::default();
        output
            .files
            .insert("data/posts/x.json".into(), b"{}".to_vec());
        write(&output, dir.path()).unwrap();
        assert_eq!(
            fs::read(dir.path().join("data/posts/x.json")).unwrap(),
            b"{}"
        );
    }

    #[test]
    fn says_which_file_it_could_not_write() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("data"), "a file where a folder should be").unwrap();
        let mut output = Output::default();
        output.files.insert("data/site.json".into(), b"{}".to_vec());
        let error = write(&output, dir.path()).unwrap_err();
        assert!(error.to_string().starts_with("cannot write "), "{error}");
        assert!(error.path.ends_with("data"), "{}", error.path.display());
    }
}
