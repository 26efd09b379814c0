//! The hostile sites of `tests/fixtures/sites/hostile/`, one per class of input that could
//! break a deploy, crash the build or publish what was never meant to be published: each must
//! fail with its problems located, or build to a safe result. Its README lists the classes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod support;

use std::path::PathBuf;

use common::{located, problems};
use folio_bundler::{outputs::page_files::PageOptions, plan, PlanError};

fn hostile(name: &str) -> PathBuf {
    common::site("hostile").join(name)
}

#[test]
fn aliases_are_compared_ignoring_case_and_hold_no_host_patterns() {
    let found = problems(&hostile("alias-case"));
    assert_eq!(
        located(&found),
        [
            "posts/folder-alias.md:4:12: the alias \"/old.html/\" is already an alias of /posts/file-alias/ in posts/file-alias.md",
            "posts/moved.md:4:12: the alias \"/Posts/Moved/\" is already the address of the page /posts/moved/",
            "posts/moved.md:4:51: the alias \"/2015/10/old-name/\" is already an alias of /posts/moved/ in posts/moved.md",
            "posts/moved.md:4:73: the alias \"/Report.PDF/\" is already the copied file /report.pdf",
        ]
    );
    assert!(
        found[0].help.contains("ignoring letter case"),
        "{}",
        found[0].help
    );
    // The app's files are known once it is built: an alias may not take one in any case.
    let output = common::build_ok(&hostile("alias-app-file"), false);
    let app_dir = tempfile::tempdir().unwrap();
    let app = support::app(app_dir.path());
    let Err(PlanError::Collisions(found)) = plan(&output, Some(&app), &PageOptions::default())
    else {
        panic!("the plan should find the alias that takes the app's file");
    };
    assert_eq!(
        located(&found),
        ["posts/app-file.md:4:12: the alias \"/FOLIO-0123456789ABCDEF.js/\" is already the file /folio-0123456789abcdef.js the build writes"]
    );
    let found = problems(&hostile("alias-patterns"));
    assert_eq!(
        located(&found),
        [
            "posts/patterns.md:4:12: \"/old/*\" in \"aliases\" is not a path on this site",
            "posts/patterns.md:4:22: \"/old/:year/\" in \"aliases\" is not a path on this site",
            "posts/patterns.md:4:37: \"/old!/\" in \"aliases\" is not a path on this site",
        ]
    );
    assert!(
        found[0]
            .help
            .contains("Netlify and Cloudflare read `*` as any text"),
        "{}",
        found[0].help
    );
}

#[test]
fn tags_and_authors_that_differ_in_a_symbol_are_never_merged() {
    let output = common::build_ok(&hostile("tag-symbols"), false);
    let mut tag_pages: Vec<&str> = output
        .files
        .keys()
        .filter_map(|path| path.strip_prefix("data/tags/"))
        .filter_map(|rest| rest.strip_suffix("/page-1.json"))
        .collect();
    tag_pages.sort();
    assert_eq!(tag_pages, ["c", "c-plus-plus", "c-sharp"]);
    let mut author_pages: Vec<&str> = output
        .files
        .keys()
        .filter_map(|path| path.strip_prefix("data/authors/"))
        .filter_map(|rest| rest.strip_suffix("/page-1.json"))
        .collect();
    author_pages.sort();
    assert!(
        author_pages.starts_with(&["c", "c-plus-plus"]),
        "{author_pages:?}"
    );
}

#[test]
fn feeds_hold_only_what_xml_allows_and_only_whole_addresses() {
    let output = common::build_ok(&hostile("feed-text"), false);
    let text = |path: &str| -> String {
        let document = output.files.get(path).unwrap();
        String::from_utf8(document.contents().unwrap().into_owned()).unwrap()
    };
    let atom = text("feed.xml");
    let forbidden: Vec<char> = atom
        .chars()
        .filter(|&c| {
            (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{fffe}' || c == '\u{ffff}'
        })
        .collect();
    assert!(forbidden.is_empty(), "{forbidden:?} in {atom}");
    assert!(atom.contains("[1;32mok[0m build finished"), "{atom}");
    let json: serde_json::Value = serde_json::from_str(&text("feed.json")).unwrap();
    let html = json["items"][0]["content_html"]
        .as_str()
        .unwrap()
        .to_owned();
    let atom_html = atom
        .split("<content ")
        .nth(1)
        .and_then(|rest| rest.split_once('>'))
        .map(|(_, rest)| rest.split("</content>").next().unwrap().to_owned())
        .unwrap();
    let atom_html = atom_html
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    for html in [html, atom_html] {
        let parsed = scraper::Html::parse_fragment(&html);
        let mut addresses = 0;
        for element in parsed
            .root_element()
            .descendants()
            .filter_map(scraper::ElementRef::wrap)
        {
            for name in ["href", "src"] {
                if let Some(value) = element.value().attr(name) {
                    addresses += 1;
                    assert!(
                        value.starts_with("https://broken.example.org/"),
                        "{name}={value:?} in {html}"
                    );
                }
            }
        }
        assert!(addresses >= 5, "{html}");
    }
}

#[test]
fn no_file_of_the_author_is_overwritten_and_their_host_rules_come_first() {
    let site = hostile("overwrites");
    let output = common::build_ok(&site, false);
    let app_dir = tempfile::tempdir().unwrap();
    let app = support::app(app_dir.path());
    let Err(PlanError::Collisions(found)) = plan(&output, Some(&app), &PageOptions::default())
    else {
        panic!("the plan should find the collisions");
    };
    assert_eq!(
        located(&found),
        [
            "static/_redirects.map:1:1: this file would be copied to _redirects.map, which is a file the build makes",
            "static/notes.json.gz:1:1: this file would be copied to notes.json.gz, whose name (or its folder's) is the name hosts give the compressed copy of notes.json",
            "static/posts:1:1: this file would be copied to posts, where the build needs a folder for posts/pictures/index.html (the page /posts/pictures/)",
            "static/posts:1:1: this file would be copied to posts, where the build needs a folder for posts/pictures/photo-480w.webp (a smaller copy of an image)",
            "static/posts:1:1: this file would be copied to posts, where the build needs a folder for posts/pictures/photo-960w.webp (a smaller copy of an image)",
            "static/posts:1:1: this file would be copied to posts, where the build needs a folder for posts/pictures/photo.png (the copy of posts/pictures/photo.png)",
        ]
    );
}

#[test]
fn an_authors_redirects_and_headers_go_ahead_of_folios() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    copy_tree(&hostile("overwrites"), &site);
    for clash in ["_redirects.map", "notes.json.gz", "posts"] {
        std::fs::remove_file(site.join("static").join(clash)).unwrap();
    }
    let output = common::build_ok(&site, false);
    let app = support::app(&{
        let app_dir = dir.path().join("app");
        std::fs::create_dir_all(&app_dir).unwrap();
        app_dir
    });
    let planned = plan(&output, Some(&app), &PageOptions::default()).unwrap();
    let text = |name: &str| -> String {
        let file = planned
            .iter()
            .filter(|file| file.path == name)
            .collect::<Vec<_>>();
        assert_eq!(file.len(), 1, "{name} once");
        match &file[0].source {
            folio_bundler::publish::Source::Bytes(bytes) => {
                String::from_utf8(bytes.to_vec()).unwrap()
            }
            _ => panic!("{name} is made by the build"),
        }
    };
    let redirects = text("_redirects");
    assert!(
        redirects.starts_with(
            "# From static/_redirects:\n/old-home /  301\n\n# Folio's:\n/atom.xml /feed.xml 301\n"
        ),
        "{redirects}"
    );
    let headers = text("_headers");
    assert!(
        headers.starts_with(
            "# From static/_headers:\n/files/*\n  X-Robots-Tag: noindex\n\n# Folio's:\n/*\n"
        ),
        "{headers}"
    );
    assert!(planned.iter().any(|file| file.path == "archive.tar.gz"));
}

#[test]
fn an_authors_file_never_takes_the_name_of_an_image_copy() {
    let found = problems(&hostile("variant-name"));
    assert_eq!(
        located(&found),
        ["posts/pictures/photo-480w.webp:1:1: this file would be copied to posts/pictures/photo-480w.webp, the name of a smaller copy the build makes of an image beside it"]
    );
}

fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        match entry.file_type().is_dir() {
            true => std::fs::create_dir_all(&target).unwrap(),
            false => {
                std::fs::copy(entry.path(), &target).unwrap();
            }
        }
    }
}

#[test]
fn pages_and_scripts_beside_posts_are_refused_unless_the_site_trusts_its_authors() {
    let found = problems(&hostile("active-files"));
    assert_eq!(
        located(&found),
        [
            "posts/demo/app.js:1:1: a .js file beside a post would be served from the site's own address, where a browser runs it as the site's code: the site does not trust its authors' code",
            "posts/demo/badge.svg:1:1: the SVG holds an event handler (onload=), which a browser runs when a reader opens the file: the site does not trust its authors' code",
            "posts/demo/demo.html:1:1: a .html file beside a post would be served from the site's own address, where a browser runs it as the site's code: the site does not trust its authors' code",
        ]
    );
    assert!(
        found[0].help.contains("move it into static/"),
        "{}",
        found[0].help
    );
    // A site that trusts its authors publishes them; static/ is published as it is either way.
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&hostile("active-files"), dir.path());
    let settings = std::fs::read_to_string(dir.path().join("site.toml")).unwrap();
    std::fs::write(
        dir.path().join("site.toml"),
        format!("trusted_html = true\n{settings}"),
    )
    .unwrap();
    let output = common::build_ok(dir.path(), false);
    for copied in [
        "posts/demo/app.js",
        "posts/demo/demo.html",
        "posts/demo/chart.svg",
        "widget.html",
    ] {
        assert!(output.copies.contains_key(copied), "{copied}");
    }
}

/// A temporary copy of the `overwrites` site without its clashing files, to build.
#[cfg(unix)]
fn linkable_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    copy_tree(&hostile("overwrites"), &site);
    for clash in ["_redirects.map", "notes.json.gz", "posts"] {
        std::fs::remove_file(site.join("static").join(clash)).unwrap();
    }
    std::fs::create_dir_all(dir.path().join("outside/folder")).unwrap();
    std::fs::write(
        dir.path().join("outside/secret.md"),
        "+++\ntitle = \"S\"\ndate = 2015-01-01\n+++\nsecret\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("outside/folder/key.txt"), "secret").unwrap();
    dir
}

#[cfg(unix)]
#[test]
fn a_link_that_leads_outside_the_site_folder_is_a_located_error() {
    const ABSOLUTE: &str = "(absolute)";
    use std::os::unix::fs::symlink;
    let cases: [(&str, &str); 6] = [
        ("posts/leak.md", "../../outside/secret.md"),
        (
            "posts/pictures/secret.txt",
            "../../../outside/folder/key.txt",
        ),
        ("static/key.txt", "../../outside/folder/key.txt"),
        ("static/folder", "../../outside/folder"),
        ("posts/linked", "../../outside/folder"),
        // An absolute target: the secret's own path (`ABSOLUTE` below).
        ("static/deep/key.txt", ABSOLUTE),
    ];
    for (link, target) in cases {
        let dir = linkable_site();
        let site = dir.path().join("site");
        std::fs::create_dir_all(site.join(link).parent().unwrap()).unwrap();
        let target = match target {
            ABSOLUTE => dir.path().join("outside/folder/key.txt"),
            relative => std::path::PathBuf::from(relative),
        };
        symlink(target, site.join(link)).unwrap();
        if link == "posts/linked" {
            // A post folder linked from outside, with its index.md.
            std::fs::write(
                dir.path().join("outside/folder/index.md"),
                "+++\ntitle = \"L\"\ndate = 2015-01-01\n+++\nx\n",
            )
            .unwrap();
        }
        let found = problems(&site);
        assert_eq!(found.len(), 1, "{link}: {:?}", located(&found));
        assert_eq!(found[0].file, std::path::Path::new(link), "{link}");
        assert!(
            found[0].message.contains("outside the site folder"),
            "{link}: {}",
            found[0].message
        );
    }
    // Inside the site folder, a link is read like the file it leads to.
    let dir = linkable_site();
    let site = dir.path().join("site");
    symlink("../posts/pictures/photo.png", site.join("static/photo.png")).unwrap();
    let output = common::build_ok(&site, false);
    assert!(output.copies.contains_key("photo.png"));
}

#[cfg(unix)]
#[test]
fn the_image_cache_never_publishes_an_entry_that_is_a_link_or_not_an_image() {
    let dir = linkable_site();
    let site = dir.path().join("site");
    let cache = dir.path().join("cache");
    let options = folio_bundler::BuildOptions {
        cache_dir: Some(cache.clone()),
        ..common::options(false)
    };
    let variant =
        |output: &folio_bundler::Output| output.copies["posts/pictures/photo-480w.webp"].clone();
    let first = variant(&folio_bundler::build(&site, &options).unwrap());
    // A cache entry turned into a link to a secret, and another into something else.
    std::fs::remove_file(&first).unwrap();
    std::os::unix::fs::symlink(dir.path().join("outside/folder/key.txt"), &first).unwrap();
    let second = variant(&folio_bundler::build(&site, &options).unwrap());
    assert_eq!(second, first);
    let meta = std::fs::symlink_metadata(&second).unwrap();
    assert!(meta.is_file(), "made again as a file of its own");
    assert_eq!(image::image_dimensions(&second).unwrap().0, 480);
    std::fs::write(&second, "not an image").unwrap();
    let third = variant(&folio_bundler::build(&site, &options).unwrap());
    assert_eq!(image::image_dimensions(&third).unwrap().0, 480);
}

#[test]
fn two_images_whose_copies_would_share_a_name_are_a_problem() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&hostile("variant-name"), dir.path());
    let folder = dir.path().join("posts/pictures");
    std::fs::remove_file(folder.join("photo-480w.webp")).unwrap();
    std::fs::copy(folder.join("photo.png"), folder.join("photo.jpg")).unwrap();
    let index = folder.join("index.md");
    let text = std::fs::read_to_string(&index).unwrap();
    std::fs::write(&index, text + "\n![The same](photo.jpg)\n").unwrap();
    let found = problems(dir.path());
    assert_eq!(
        located(&found),
        ["posts/pictures/photo.png:1:1: the smaller copy posts/pictures/photo-480w.webp of this image would have the name of posts/pictures/photo.jpg's: rename one of the two images"]
    );
}

#[cfg(unix)]
#[test]
fn the_cache_in_the_site_folder_is_never_a_link_out_of_it() {
    let dir = linkable_site();
    let site = dir.path().join("site");
    std::os::unix::fs::symlink(dir.path().join("outside/folder"), site.join(".folio-cache"))
        .unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_folio-bundler"))
        .args(["--site".as_ref(), site.as_os_str()])
        .args(["--out".as_ref(), dir.path().join("out").as_os_str()])
        .env_remove("FOLIO_CACHE_DIR")
        .env("FOLIO_NOW", "2026-01-01")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{stderr}");
    assert!(
        stderr.contains(".folio-cache:1:1") && stderr.contains("outside the site folder"),
        "{stderr}"
    );
    let outside: Vec<_> = std::fs::read_dir(dir.path().join("outside/folder"))
        .unwrap()
        .collect();
    assert_eq!(outside.len(), 1, "nothing was written through the link");
}
