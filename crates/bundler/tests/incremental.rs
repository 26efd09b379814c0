//! An incremental build is byte-identical to a clean one. Random sequences of edits (posts
//! added, changed, renamed and deleted; tags, pages, images, `static/` files and `site.toml`
//! changed; a post broken and mended) are applied to a copy of the kitchen-sink site; after
//! each, the site is built into the same output folder as before (with its ledger) and, from
//! nothing, into a new one, and the two trees must be the same, byte for byte. Files whose bytes
//! did not change keep their modification time; a build that fails changes nothing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::{
    collections::BTreeMap,
    fs,
    path::{Path, PathBuf},
    time::SystemTime,
};

use folio_bundler::{
    outputs::page_files::{App, PageOptions},
    pipeline::{self, Failed, Job},
    BuildOptions, Memo,
};

/// Each file of a tree: its bytes and modification time.
type Tree = BTreeMap<String, (Vec<u8>, SystemTime)>;

fn tree(dir: &Path) -> Tree {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            let name = entry.path().strip_prefix(dir).unwrap();
            let modified = entry.metadata().unwrap().modified().unwrap();
            (
                name.to_string_lossy().into_owned(),
                (fs::read(entry.path()).unwrap(), modified),
            )
        })
        .collect()
}

fn bytes_only(tree: &Tree) -> BTreeMap<&str, &[u8]> {
    tree.iter()
        .map(|(name, (bytes, _))| (name.as_str(), bytes.as_slice()))
        .collect()
}

/// A small deterministic generator (xorshift), so that a failing sequence can be replayed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: [&str; 12] = [
    "council",
    "budget",
    "innovation",
    "housing",
    "care",
    "library",
    "transport",
    "data",
    "pilot",
    "report",
    "youth",
    "climate",
];
const TAGS: [&str; 5] = ["news", "local government", "research", "data", "Innovation"];

/// The site being edited, and the generated posts, pages and files in it.
struct Site {
    dir: PathBuf,
    posts: Vec<String>,
    pages: Vec<String>,
    statics: Vec<String>,
    next: usize,
}

impl Site {
    fn text(rng: &mut Rng, words: usize) -> String {
        let words: Vec<&str> = (0..words).map(|_| rng.pick(&WORDS)).collect();
        words.join(" ")
    }

    fn post(&self, rng: &mut Rng, title: &str) -> String {
        let tags: Vec<String> = (0..rng.below(3))
            .map(|_| format!("{:?}", rng.pick(&TAGS)))
            .collect();
        format!(
            "+++\ntitle = \"{title}\"\ndate = 20{:02}-{:02}-{:02}\ntags = [{}]\nauthor = \"Joan Munro\"\n+++\n\n{}\n\n## {}\n\n{}\n",
            15 + rng.below(10),
            1 + rng.below(12),
            1 + rng.below(28),
            tags.join(", "),
            Self::text(rng, 20),
            Self::text(rng, 2),
            Self::text(rng, 30),
        )
    }

    fn png(rng: &mut Rng) -> Vec<u8> {
        let width = [200, 640][rng.below(2)];
        let colour = [rng.below(256) as u8, rng.below(256) as u8, 90];
        let image = image::RgbImage::from_pixel(width, 120, image::Rgb(colour));
        let mut bytes = std::io::Cursor::new(Vec::new());
        image.write_to(&mut bytes, image::ImageFormat::Png).unwrap();
        bytes.into_inner()
    }

    fn write(&self, relative: &str, bytes: impl AsRef<[u8]>) {
        let path = self.dir.join(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }

    fn remove(&self, relative: &str) {
        let path = self.dir.join(relative);
        if path.is_dir() {
            fs::remove_dir_all(path).unwrap();
        } else {
            fs::remove_file(path).unwrap();
        }
    }

    /// The Markdown file of one of the generated posts, chosen at random.
    fn some_post_file(&self, rng: &mut Rng) -> String {
        let name = &self.posts[rng.below(self.posts.len())];
        if name.ends_with(".md") {
            name.clone()
        } else {
            format!("{name}/index.md")
        }
    }

    /// One random edit; what it was, for the failure message.
    fn edit(&mut self, rng: &mut Rng) -> String {
        self.next += 1;
        let n = self.next;
        match rng.below(11) {
            0 | 1 => {
                let name = if rng.below(2) == 0 {
                    format!("posts/gen-{n}.md")
                } else {
                    let folder = format!("posts/gen-{n}");
                    self.write(&format!("{folder}/chart.png"), Self::png(rng));
                    let body = self.post(rng, &format!("Folder post {n}"));
                    self.write(
                        &format!("{folder}/index.md"),
                        format!("{body}\n![A chart of {n}](chart.png)\n"),
                    );
                    self.posts.push(folder.clone());
                    return format!("added {folder}/");
                };
                self.write(&name, self.post(rng, &format!("Post {n}")));
                self.posts.push(name.clone());
                format!("added {name}")
            }
            2 if !self.posts.is_empty() => {
                let file = self.some_post_file(rng);
                let mut text = fs::read_to_string(self.dir.join(&file)).unwrap();
                text.push_str(&format!("\n{}\n", Self::text(rng, 12)));
                self.write(&file, text);
                format!("changed the text of {file}")
            }
            3 if !self.posts.is_empty() => {
                let at = rng.below(self.posts.len());
                let old = self.posts[at].clone();
                let new = match old.strip_suffix(".md") {
                    Some(stem) => format!("{stem}-renamed-{n}.md"),
                    None => format!("{old}-renamed-{n}"),
                };
                fs::rename(self.dir.join(&old), self.dir.join(&new)).unwrap();
                self.posts[at] = new.clone();
                format!("renamed {old} to {new}")
            }
            4 if !self.posts.is_empty() => {
                let name = self.posts.remove(rng.below(self.posts.len()));
                self.remove(&name);
                format!("deleted {name}")
            }
            5 if !self.posts.is_empty() => {
                let file = self.some_post_file(rng);
                let text = fs::read_to_string(self.dir.join(&file)).unwrap();
                let tag = rng.pick(&TAGS);
                let text = text.replacen("tags = [", &format!("tags = [{tag:?}, "), 1);
                self.write(&file, text);
                format!("tagged {file} {tag:?}")
            }
            6 => {
                if !self.pages.is_empty() && rng.below(2) == 0 {
                    let name = self.pages.remove(rng.below(self.pages.len()));
                    self.remove(&name);
                    return format!("deleted {name}");
                }
                let name = format!("pages/gen-page-{n}.md");
                let text = format!(
                    "+++\ntitle = \"Page {n}\"\n+++\n\n{}\n",
                    Self::text(rng, 15)
                );
                self.write(&name, text);
                self.pages.push(name.clone());
                format!("added {name}")
            }
            7 => {
                if !self.statics.is_empty() && rng.below(2) == 0 {
                    let name = self.statics.remove(rng.below(self.statics.len()));
                    self.remove(&name);
                    return format!("deleted {name}");
                }
                let name = format!("static/files/notes-{}.txt", rng.below(3));
                self.write(&name, Self::text(rng, 8));
                if !self.statics.contains(&name) {
                    self.statics.push(name.clone());
                }
                format!("wrote {name}")
            }
            8 => {
                let text = fs::read_to_string(self.dir.join("site.toml")).unwrap();
                let per_page = 1 + rng.below(4);
                let title = format!("title = \"Kitchen sink {}\"", rng.below(3));
                // The site's own title is the first; the menu's come after it.
                let text = text.replacen(
                    text.lines()
                        .find(|line| line.starts_with("title ="))
                        .unwrap(),
                    &title,
                    1,
                );
                let kept: Vec<&str> = text
                    .lines()
                    .filter(|line| !line.starts_with("posts_per_page"))
                    .collect();
                let text = format!("posts_per_page = {per_page}\n{}\n", kept.join("\n"));
                self.write("site.toml", text);
                format!("site.toml: {per_page} posts a page, {title}")
            }
            9 => {
                let folders: Vec<String> = self
                    .posts
                    .iter()
                    .filter(|name| !name.ends_with(".md"))
                    .cloned()
                    .collect();
                match folders.get(rng.below(folders.len().max(1))) {
                    Some(folder) => {
                        self.write(&format!("{folder}/chart.png"), Self::png(rng));
                        format!("changed the image of {folder}")
                    }
                    None => {
                        self.write("static/images/banner.png", Self::png(rng));
                        "changed static/images/banner.png".to_owned()
                    }
                }
            }
            _ => {
                self.write("posts/broken.md", "+++\ntitle = \"Broken\"\n");
                "broke a post".to_owned()
            }
        }
    }
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn options(cache: &Path) -> BuildOptions {
    BuildOptions {
        cache_dir: Some(cache.to_owned()),
        ..BuildOptions::new(support::day("2026-01-01"))
    }
}

/// How a build runs.
#[derive(Clone, Copy)]
enum Run<'a> {
    /// With no cache read or written.
    Clean,
    /// As `cargo xtask build` runs the bundler: in a new process, with what the cache keeps
    /// from the run before (`Memo::for_one_build`).
    NewProcess,
    /// As the dev server builds, with what the builds before in the process kept (and a
    /// ledger trusted after a build published whole).
    DevServer(&'a Memo),
}

/// Builds the site into `out` with the cache in `cache`, run as `run` says: the tree, or the
/// problems.
fn build(site: &Path, app: &App, out: &Path, cache: &Path, run: Run<'_>) -> Result<Tree, String> {
    let shown = |problems: Vec<folio_bundler::Problem>| {
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        shown.join("\n")
    };
    let options = options(cache);
    let one_build;
    let (memo, in_place) = match run {
        Run::Clean => {
            let output = folio_bundler::build(site, &options).map_err(shown)?;
            support::publish(&output, Some(app), out, cache, true);
            return Ok(tree(out));
        }
        Run::NewProcess => {
            one_build = Memo::for_one_build(cache);
            (&one_build, false)
        }
        Run::DevServer(memo) => (memo, true),
    };
    let job = Job {
        site_dir: site,
        app: Some(app),
        out_dir: out,
        options: &options,
        pages: PageOptions::default(),
        compress: true,
        memo: Some(memo),
        in_place,
    };
    match pipeline::run(&job, &indicatif::ProgressBar::hidden()) {
        Ok(_) => Ok(tree(out)),
        Err(Failed::Problems(problems)) => Err(shown(problems)),
        Err(other) => panic!("{other}"),
    }
}

fn run(seed: u64, edits: usize) {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("site");
    copy_tree(&support::site("kitchen-sink"), &dir);
    let app_dir = work.path().join("app");
    fs::create_dir_all(&app_dir).unwrap();
    let app = support::app(&app_dir);
    let (out, cache) = (work.path().join("incremental"), work.path().join("cache"));
    let mut site = Site {
        dir: dir.clone(),
        posts: Vec::new(),
        pages: Vec::new(),
        statics: Vec::new(),
        next: 0,
    };
    let mut rng = Rng(seed);
    let mut done = Vec::new();
    let mut before = build(&dir, &app, &out, &cache, Run::NewProcess).unwrap();
    // The same builds in one process, as the dev server makes them, with a cache of its own.
    let (served, served_cache) = (work.path().join("served"), work.path().join("served-cache"));
    let memo = Memo::for_many_builds(&served_cache);
    build(&dir, &app, &served, &served_cache, Run::DevServer(&memo)).unwrap();
    for step in 0..edits {
        let edit = site.edit(&mut rng);
        done.push(edit.clone());
        let clean_out = work.path().join(format!("clean-{step}"));
        let clean_cache = work.path().join(format!("clean-cache-{step}"));
        let clean = build(&dir, &app, &clean_out, &clean_cache, Run::Clean);
        let incremental = build(&dir, &app, &out, &cache, Run::NewProcess);
        let remembered = build(&dir, &app, &served, &served_cache, Run::DevServer(&memo));
        assert_eq!(
            remembered.as_ref().map(bytes_only),
            clean.as_ref().map(bytes_only),
            "seed {seed}: a build with what the builds before kept differs from a clean one after:\n  {}",
            done.join("\n  ")
        );
        let history = done.join("\n  ");
        match (clean, incremental) {
            (Ok(clean), Ok(incremental)) => {
                assert_eq!(
                    bytes_only(&incremental),
                    bytes_only(&clean),
                    "seed {seed}: the incremental build differs from a clean one after:\n  {history}"
                );
                for (name, (bytes, modified)) in &incremental {
                    if let Some((old_bytes, old_modified)) = before.get(name) {
                        if old_bytes == bytes {
                            assert_eq!(old_modified, modified, "seed {seed}: {name} was written again unchanged after:\n  {history}");
                        }
                    }
                }
                before = incremental;
            }
            (Err(problems), Err(_)) => {
                assert!(
                    dir.join("posts/broken.md").exists(),
                    "seed {seed}: the build failed after:\n  {history}\n{problems}"
                );
                assert_eq!(tree(&out), before, "seed {seed}: a failed build changed the output after:\n  {history}");
                site.remove("posts/broken.md");
                done.push("mended it".to_owned());
            }
            (clean, _) => panic!(
                "seed {seed}: the clean build {} but the incremental one did not, after:\n  {history}",
                if clean.is_ok() { "succeeded" } else { "failed" }
            ),
        }
        fs::remove_dir_all(&clean_out).ok();
        fs::remove_dir_all(&clean_cache).ok();
    }
}

#[test]
fn incremental_builds_equal_clean_ones_after_random_edits() {
    for seed in [0x9e37_79b9_7f4a_7c15, 0x2545_f491_4f6c_dd1d, 42] {
        run(seed, 25);
    }
}
