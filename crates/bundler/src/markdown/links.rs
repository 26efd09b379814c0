//! Resolves and checks the relative links and images of every post and page of `pages/`
//! (`targets`): a link to another post's or page's source file (`earlier-post.md`,
//! `../other/index.md#why`, `../other/`, `../../pages/about.md`) leads to its address, a file
//! beside a post that is a folder to its copy under the post's address, a file in `static/` to
//! its copy at the site's root. A post, heading or file that
//! is not there is a problem at the link's `file:line:column`, with "did you mean" when a name
//! is close. The results (`LocalLink`) travel in the post's bundle for the renderer.

use std::path::{Component, Path, PathBuf};

use folio_content::{outline::RESERVED_IDS, render::FOOTNOTE_ID_PREFIX, Heading, LocalLink};
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, CONTROLS};
use rustc_hash::FxHashMap;

use crate::{
    markdown::{images::ShownImage, targets::Target},
    problem::Problem,
    sources::files::{files_under, own_folder, slashed, FOLDER_POST_FILE, STATIC_DIR},
    suggest::closest,
};

/// What a file name may not hold as it is in a URL path.
const PATH_SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'\\')
    .add(b'`')
    .add(b'{')
    .add(b'}');

/// A post or a page of `pages/`, as links see it.
pub struct Document<'a> {
    /// The source file, relative to the site folder.
    pub file: &'a Path,
    /// Its address on the site: `/posts/<slug>/`, `/<slug>/`. The files beside a document
    /// that is a folder are copied under it.
    pub address: String,
    pub outline: &'a [Heading],
    /// The relative links and images of its body.
    pub targets: &'a [Target],
    /// A post's cover, from its front matter: an image, resolved as the body's are.
    pub cover: Option<&'a Target>,
    /// The posts a post names in its front matter's `related`: posts, resolved as links are.
    pub related: &'a [Target],
    /// Whether readers see it in this build.
    pub published: bool,
}

/// The documents that links may lead to, by source file.
pub struct LinkIndex<'a> {
    documents: FxHashMap<&'a Path, &'a Document<'a>>,
    /// Every source file, read or not: a link to one that failed to read is that file's
    /// problem, not the link's.
    files: &'a [PathBuf],
}

impl<'a> LinkIndex<'a> {
    /// The index of `documents`, read from `files`.
    pub fn new(documents: &'a [Document<'a>], files: &'a [PathBuf]) -> LinkIndex<'a> {
        let documents = documents
            .iter()
            .map(|document| (document.file, document))
            .collect();
        LinkIndex { documents, files }
    }
}

/// A document's links, resolved: each target's address, and the images of the site's own that
/// it shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Resolved {
    pub links: Vec<LocalLink>,
    pub images: Vec<ShownImage>,
    pub cover: Option<ShownImage>,
    /// The addresses of the posts of `related`: `/posts/<slug>/`.
    pub related: Vec<String>,
}

/// The resolved links of `document`, or every problem with them. `site_dir` is where the
/// site's files are looked for.
pub fn resolve_links(
    site_dir: &Path,
    document: &Document<'_>,
    index: &LinkIndex<'_>,
) -> Result<Resolved, Vec<Problem>> {
    let mut links: Vec<LocalLink> = Vec::new();
    let mut images: Vec<ShownImage> = Vec::new();
    let mut problems = Vec::new();
    let resolver = Resolver {
        site_dir,
        document,
        index,
    };
    let problem_at = |target: &Target, (message, help): Wrong| Problem {
        file: document.file.to_owned(),
        line: target.line,
        column: target.column,
        message,
        help,
    };
    for target in document.targets {
        match resolver.resolve(target) {
            Ok(Some((to, image))) if !links.iter().any(|link| link.written() == target.written) => {
                links.push(LocalLink::new(target.written.clone(), to));
                images.extend(image.filter(|image| !images.contains(image)));
            }
            Ok(_) => {}
            Err(wrong) => problems.push(problem_at(target, wrong)),
        }
    }
    let mut cover = None;
    if let Some(target) = document.cover {
        match resolver.cover(target) {
            Ok(image) => cover = Some(image),
            Err(wrong) => problems.push(problem_at(target, wrong)),
        }
    }
    let mut related = Vec::new();
    for target in document.related {
        match resolver.related(target) {
            Ok(Some(address)) => related.push(address),
            Ok(None) => {}
            Err(wrong) => problems.push(problem_at(target, wrong)),
        }
    }
    match problems.is_empty() {
        true => Ok(Resolved {
            links,
            images,
            cover,
            related,
        }),
        false => Err(problems),
    }
}

/// What is wrong with a target, and how to fix it.
type Wrong = (String, String);

struct Resolver<'a> {
    site_dir: &'a Path,
    document: &'a Document<'a>,
    index: &'a LinkIndex<'a>,
}

impl Resolver<'_> {
    /// Where `target` leads on the site, with the image it shows if it is one; `None` if it
    /// stays as written (a heading of this post).
    fn resolve(&self, target: &Target) -> Result<Option<(String, Option<ShownImage>)>, Wrong> {
        let (path, fragment) = match target.written.split_once('#') {
            Some((path, fragment)) => (path, Some(fragment)),
            None => (target.written.as_str(), None),
        };
        let (path, query) = match path.split_once('?') {
            Some((path, query)) => (path, Some(query)),
            None => (path, None),
        };
        let own_anchors = || anchors(self.document.outline);
        if path.is_empty() {
            if let Some(fragment) = fragment {
                check_anchor(fragment, &own_anchors(), "this post")?;
            }
            return Ok(None);
        }
        let decoded = percent_decode_str(path).decode_utf8().map_err(|_| {
            (
                format!(
                    "the link {:?} is not valid UTF-8 once its %-escapes are read",
                    target.written
                ),
                "write the file's name as it is, or escape it as UTF-8".to_owned(),
            )
        })?;
        let folder = self.document.file.parent().unwrap_or(Path::new(""));
        let Some(joined) = normalize(&folder.join(decoded.as_ref())) else {
            return Err((
                format!(
                    "the link {:?} leads outside the site folder",
                    target.written
                ),
                "link to a post or a file inside the site: beside the post or in static/"
                    .to_owned(),
            ));
        };
        // A post or page read is a file: only another path needs a look at the disk (at
        // 10,000 posts, one per link cost a build 0.1 s).
        let is_document = self.index.documents.contains_key(joined.as_path());
        let names_folder =
            decoded.ends_with('/') || (!is_document && self.site_dir.join(&joined).is_dir());
        let file = match names_folder {
            true => joined.join(FOLDER_POST_FILE),
            false => joined,
        };
        if file.extension().is_some_and(|extension| extension == "md") {
            let to = self.post_link(&file, fragment, &decoded)?;
            return Ok(to.map(|to| (to, None)));
        }
        let address = self.file_link(&file, &decoded, target.image)?;
        let mut to = address.clone();
        for (mark, part) in [('?', query), ('#', fragment)] {
            if let Some(part) = part {
                to.push(mark);
                to.push_str(part);
            }
        }
        let image = target.image.then_some(ShownImage { file, to: address });
        Ok(Some((to, image)))
    }

    /// The image a post's cover `target` is: it must be one, not a post or a heading.
    fn cover(&self, target: &Target) -> Result<ShownImage, Wrong> {
        match self.resolve(target)? {
            Some((_, Some(image))) => Ok(image),
            _ => Err((
                format!("\"image\" = {:?} is not an image file", target.written),
                "name the cover's file: a PNG, JPEG, GIF or WebP image beside the post or in static/".to_owned(),
            )),
        }
    }

    /// The address of the other post that `target` (of `related`) names: a post, published
    /// if this one is; `None` for one that could not be read, whose own problems say why.
    fn related(&self, target: &Target) -> Result<Option<String>, Wrong> {
        let not_a_post = || {
            (
                format!(
                    "\"related\" names {:?}, which is not another post",
                    target.written
                ),
                "name another post by its source file, e.g. \"earlier-post.md\"".to_owned(),
            )
        };
        match self.resolve(target)? {
            None if target.written.contains('#') => Err(not_a_post()),
            None => Ok(None),
            Some((to, _))
                if to.starts_with("/posts/")
                    && to.ends_with('/')
                    && to != self.document.address =>
            {
                Ok(Some(to))
            }
            Some(_) => Err(not_a_post()),
        }
    }

    /// The address of the post or page whose source is `file`, at the heading `fragment` if
    /// any.
    fn post_link(
        &self,
        file: &Path,
        fragment: Option<&str>,
        written: &str,
    ) -> Result<Option<String>, Wrong> {
        let Some(linked) = self.index.documents.get(file) else {
            if self.index.files.iter().any(|known| known == file) {
                return Ok(None); // It could not be read: its own problems say why.
            }
            let folder = self.document.file.parent().unwrap_or(Path::new(""));
            let written_as: Vec<String> = self
                .index
                .files
                .iter()
                .map(|known| slashed(&relative_from(folder, known)))
                .collect();
            let names: Vec<&str> = written_as.iter().map(String::as_str).collect();
            return Err((
                format!("there is no post or page {}", slashed(file)),
                did_you_mean(closest(written, &names), "link to a post or page by its source file, e.g. [text](earlier-post.md), or to its folder"),
            ));
        };
        if !linked.published && self.document.published {
            return Err((
                format!(
                    "{} is a draft or dated after today, so readers cannot open it",
                    slashed(file)
                ),
                "publish it first, or take the link out until it is".to_owned(),
            ));
        }
        let mut to = linked.address.clone();
        if let Some(fragment) = fragment {
            check_anchor(fragment, &anchors(linked.outline), &slashed(file))?;
            to.push('#');
            to.push_str(fragment);
        }
        Ok(Some(to))
    }

    /// The address of the copy of `file`: beside the post's page if it is in the post's
    /// folder, at the site's root if it is in `static/`.
    fn file_link(&self, file: &Path, written: &str, image: bool) -> Result<String, Wrong> {
        let what = if image { "image" } else { "file" };
        // Hidden files are never copied (nor checked for links out of the site): never read.
        let hidden = file
            .components()
            .any(|part| part.as_os_str().to_string_lossy().starts_with('.'));
        if hidden {
            return Err((
                format!("the {what} {} is hidden (a name that starts with \".\"), and hidden files are never published", slashed(file)),
                "rename it without the leading dot".to_owned(),
            ));
        }
        if !self.site_dir.join(file).is_file() {
            let folder = file.parent().unwrap_or(Path::new(""));
            let siblings: Vec<String> = files_under(self.site_dir, folder)
                .unwrap_or_default()
                .iter()
                .filter(|name| name.components().count() == 1)
                .map(|name| slashed(name))
                .collect();
            let names: Vec<&str> = siblings.iter().map(String::as_str).collect();
            let name = Path::new(written)
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            let written_folder = written.strip_suffix(name.as_ref()).unwrap_or_default();
            let suggestion = closest(&name, &names).map(|near| format!("{written_folder}{near}"));
            return Err((
                format!("there is no {what} {}", slashed(file)),
                did_you_mean(
                    suggestion.as_deref(),
                    &format!("put the {what} there, or correct the link"),
                ),
            ));
        }
        if let Some(rest) =
            own_folder(self.document.file).and_then(|folder| file.strip_prefix(folder).ok())
        {
            return Ok(format!("{}{}", self.document.address, encoded(rest)));
        }
        if let Ok(rest) = file.strip_prefix(STATIC_DIR) {
            return Ok(format!("/{}", encoded(rest)));
        }
        Err((
            format!("the {what} {} is not part of the site: only files beside a post or page in its folder, and files in static/, are published", slashed(file)),
            "make the post a folder (posts/<name>/index.md) with the file beside it, or move the file into static/".to_owned(),
        ))
    }
}

fn anchors(outline: &[Heading]) -> Vec<&str> {
    outline
        .iter()
        .map(|heading| heading.anchor.as_str())
        .collect()
}

/// Checks that `fragment` is the anchor of a heading of `place`, a footnote or one of the
/// page's own ids.
fn check_anchor(fragment: &str, anchors: &[&str], place: &str) -> Result<(), Wrong> {
    let decoded = percent_decode_str(fragment).decode_utf8_lossy();
    let known = anchors.contains(&decoded.as_ref())
        || RESERVED_IDS.contains(&decoded.as_ref())
        || decoded.starts_with(FOOTNOTE_ID_PREFIX);
    if known {
        return Ok(());
    }
    let suggestion = closest(&decoded, anchors).map(|anchor| format!("#{anchor}"));
    Err((
        format!("{place} has no heading with the anchor #{decoded}"),
        did_you_mean(
            suggestion.as_deref(),
            "link to one of its headings' anchors: the heading's words in lower case, joined by -",
        ),
    ))
}

fn did_you_mean(suggestion: Option<&str>, otherwise: &str) -> String {
    match suggestion {
        Some(near) => format!("did you mean {near}?"),
        None => otherwise.to_owned(),
    }
}

/// `path` with its `.` and `..` parts taken away; `None` if it climbs above where it starts.
fn normalize(path: &Path) -> Option<PathBuf> {
    let mut normal = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                if !normal.pop() {
                    return None;
                }
            }
            Component::Normal(name) => normal.push(name),
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(normal)
}

/// `target` as a link from `folder` would write it: `earlier.md` from `posts/`,
/// `../earlier.md` from `posts/mine/`.
fn relative_from(folder: &Path, target: &Path) -> PathBuf {
    let shared = folder
        .components()
        .zip(target.components())
        .take_while(|(a, b)| a == b)
        .count();
    let ups = folder.components().count() - shared;
    let mut relative: PathBuf = std::iter::repeat_n(Component::ParentDir, ups).collect();
    relative.extend(target.components().skip(shared));
    relative
}

/// A relative path as a URL path, each part %-escaped where it must be.
fn encoded(path: &Path) -> String {
    path.components()
        .map(|part| {
            utf8_percent_encode(&part.as_os_str().to_string_lossy(), PATH_SEGMENT).to_string()
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
#[path = "links_tests.rs"]
mod tests;
