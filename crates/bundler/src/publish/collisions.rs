//! One check over every file a build is about to write (the data, the pages, the copies and
//! image variants, the app's files, the host files) and the compressed copies publishing adds
//! beside them, before anything is written: no two files take one path, no file stands where
//! another needs a folder, and no author's file takes the name of a compressed copy, which
//! hosts answer as one (and nginx's configuration, with a 404). A clash with an author's file
//! is a problem at that file; any other would be a bug in the build.

use std::path::PathBuf;

use rustc_hash::FxHashMap;

use crate::{names::SITE_FILE, problem::Problem, publish::compress};

/// Who a planned file comes from, for a problem with it.
pub enum Maker {
    /// An author's file, copied as it is: relative to the site folder.
    Author(PathBuf),
    /// The build itself: what the file is, e.g. "the page /tags/".
    Build(String),
}

/// Checks the planned `paths` (`/`-separated, relative to the output folder); `maker` says
/// who the path at an index comes from. Every clash is reported, in path order.
pub fn check(paths: &[&str], maker: impl Fn(usize) -> Maker) -> Result<(), Vec<Problem>> {
    let mut at: FxHashMap<&str, usize> = FxHashMap::default();
    at.reserve(paths.len());
    let mut clashes: Vec<(usize, usize, Clash)> = Vec::new();
    for (index, path) in paths.iter().enumerate() {
        if let Some(first) = at.insert(path, index) {
            clashes.push((first, index, Clash::SamePath));
        }
        if compressed_copy_name(path) {
            clashes.push((index, index, Clash::CompressedName));
        }
    }
    for (index, path) in paths.iter().enumerate() {
        let folders = path.match_indices('/').map(|(end, _)| &path[..end]);
        for folder in folders {
            if let Some(&file) = at.get(folder) {
                clashes.push((file, index, Clash::FileForFolder));
            }
            if compressed_copy_name(folder) {
                clashes.push((index, index, Clash::CompressedName));
                break;
            }
        }
    }
    if clashes.is_empty() {
        return Ok(());
    }
    clashes.sort_by(|a, b| paths[a.1].cmp(paths[b.1]).then(a.0.cmp(&b.0)));
    Err(clashes
        .into_iter()
        .map(|(first, second, clash)| {
            problem(
                clash,
                (paths[first], maker(first)),
                (paths[second], maker(second)),
            )
        })
        .collect())
}

#[derive(Clone, Copy)]
enum Clash {
    /// Two files at one path.
    SamePath,
    /// The first is a file at a path the second needs as a folder.
    FileForFolder,
    /// The file is named as a compressed copy of a text file would be.
    CompressedName,
}

/// Whether `path` is named as the compressed copy of a text file: `feed.xml.gz`, `app.js.br`.
fn compressed_copy_name(path: &str) -> bool {
    ["gz", "br"].iter().any(|extension| {
        path.strip_suffix(extension)
            .and_then(|rest| rest.strip_suffix('.'))
            .is_some_and(|original| !compress::extensions(original).is_empty())
    })
}

/// What the compressed copy named in `path` (or in one of its folders) is a copy of.
fn compressed_original(path: &str) -> &str {
    let mut end = path.len();
    loop {
        let candidate = &path[..end];
        if compressed_copy_name(candidate) {
            return candidate
                .rsplit_once('.')
                .map_or(candidate, |(original, _)| original);
        }
        match candidate.rfind('/') {
            Some(slash) => end = slash,
            None => return path,
        }
    }
}

fn problem(
    clash: Clash,
    (first, made_first): (&str, Maker),
    (second, made_second): (&str, Maker),
) -> Problem {
    let what = |maker: &Maker| match maker {
        Maker::Author(file) => format!("the copy of {}", file.display()),
        Maker::Build(what) => what.clone(),
    };
    let rename = "rename or move the file";
    match (clash, &made_first, &made_second) {
        (Clash::CompressedName, Maker::Author(file), _) => Problem::whole_file(
            file,
            format!("this file would be copied to {first}, whose name (or its folder's) is the name hosts give the compressed copy of {}", compressed_original(first)),
            "rename it (nginx's configuration answers such names with 404), e.g. .tgz for a .tar.gz",
        ),
        (Clash::SamePath, Maker::Author(file), other) | (Clash::SamePath, other, Maker::Author(file)) => {
            Problem::whole_file(
                file,
                format!("this file would be copied to {first}, which is {}", what(other)),
                rename,
            )
        }
        (Clash::FileForFolder, Maker::Author(file), other) => Problem::whole_file(
            file,
            format!("this file would be copied to {first}, where the build needs a folder for {second} ({})", what(other)),
            rename,
        ),
        (Clash::FileForFolder, other, Maker::Author(file)) => Problem::whole_file(
            file,
            format!("this file would be copied to {second}, inside {first}, which is a file: {}", what(other)),
            rename,
        ),
        _ => Problem::whole_file(
            SITE_FILE,
            format!("the build would write {} at {first} and {} at {second}", what(&made_first), what(&made_second)),
            "this is a bug in folio-bundler: please report it with the site's file names",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn made(paths: &[&str], authors: &[usize]) -> Vec<String> {
        let maker = |index: usize| match authors.contains(&index) {
            true => Maker::Author(PathBuf::from("static").join(paths[index])),
            false => Maker::Build(format!("the build's {}", paths[index])),
        };
        match check(paths, maker) {
            Ok(()) => Vec::new(),
            Err(problems) => problems
                .iter()
                .map(|problem| format!("{}: {}", problem.file.display(), problem.message))
                .collect(),
        }
    }

    #[test]
    fn every_clash_is_found_and_laid_at_the_authors_file() {
        let paths = [
            "posts/x/index.html",
            "posts",
            "_redirects.map",
            "_redirects.map",
            "notes.json.gz",
            "archive.tar.gz",
            "posts/x/index.html/extra.txt",
        ];
        assert_eq!(
            made(&paths, &[1, 3, 4, 5, 6]),
            [
                "static/_redirects.map: this file would be copied to _redirects.map, which is the build's _redirects.map",
                "static/notes.json.gz: this file would be copied to notes.json.gz, whose name (or its folder's) is the name hosts give the compressed copy of notes.json",
                "static/posts: this file would be copied to posts, where the build needs a folder for posts/x/index.html (the build's posts/x/index.html)",
                "static/posts/x/index.html/extra.txt: this file would be copied to posts/x/index.html/extra.txt, inside posts/x/index.html, which is a file: the build's posts/x/index.html",
                "static/posts: this file would be copied to posts, where the build needs a folder for posts/x/index.html/extra.txt (the copy of static/posts/x/index.html/extra.txt)",
            ]
        );
        assert!(made(&["a/b.html", "a/c.html", "archive.tar.gz"], &[2]).is_empty());
        assert_eq!(
            made(&["notes.json", "notes.json.gz/readme.txt"], &[1]),
            ["static/notes.json.gz/readme.txt: this file would be copied to notes.json.gz/readme.txt, whose name (or its folder's) is the name hosts give the compressed copy of notes.json"]
        );
        let bug = made(&["feed.xml", "feed.xml"], &[]);
        assert_eq!(bug, ["site.toml: the build would write the build's feed.xml at feed.xml and the build's feed.xml at feed.xml"]);
    }
}
