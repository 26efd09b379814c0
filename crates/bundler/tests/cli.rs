//! Runs the real `folio-bundler` binary: exit codes, what it prints, what it writes, and the
//! settings it takes from the environment.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::{
    fs,
    path::Path,
    process::{Command, Output},
};

use support::site;

/// The bundler with a clean environment, as of `support::NOW`, its cache out of the fixtures.
fn bundler() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_folio-bundler"));
    command
        .env_remove("FOLIO_SITE_DIR")
        .env_remove("FOLIO_DRAFTS")
        .env(
            "FOLIO_CACHE_DIR",
            std::env::temp_dir().join("folio-cli-test-cache"),
        )
        .env("FOLIO_NOW", support::NOW);
    command
}

/// The bundler's run on the site in `site`, into `out`.
fn build_into(site: &Path, out: &Path) -> Output {
    bundler()
        .arg("--site")
        .arg(site)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// `summary` without its `; N files parsed, M as cached` part.
fn without_parsed(text: &str) -> String {
    match (text.find("; "), text.find(" as cached)")) {
        (Some(start), Some(end)) if start < end => {
            format!("{}{}", &text[..start], &text[end + " as cached".len()..])
        }
        _ => text.to_owned(),
    }
}

/// How many post files the run parsed, and took as cached.
fn parsed(output: &Output) -> String {
    let text = stderr(output);
    let start = text.find("; ").unwrap() + 2;
    let end = text.find(" as cached)").unwrap();
    text[start..end].to_owned()
}

fn is_empty_dir(dir: &Path) -> bool {
    fs::read_dir(dir).unwrap().next().is_none()
}

/// The one line a successful run prints, up to where the times begin, checked for its shape
/// after; without how many posts were parsed, which depends on what the cache folder (shared
/// by the tests) holds.
fn summary(output: &Output) -> String {
    let text = without_parsed(&stderr(output));
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert_eq!(text.lines().count(), 1, "{text}");
    let (head, times) = text.split_once("; cache ").unwrap();
    assert!(times.trim_end().ends_with(" in all"), "{text}");
    for stage in [
        ", read ",
        ", resolve ",
        ", documents ",
        " (related posts ",
        ", plan ",
        ", then render ",
        ", compress ",
        ", write ",
        "(time over all threads); ",
    ] {
        assert!(times.contains(stage), "{text}");
    }
    head.to_owned()
}

#[test]
fn a_broken_site_fails_with_located_problems_and_writes_nothing() {
    let out = tempfile::tempdir().unwrap();
    let output = build_into(&site("bad-date"), out.path());
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.starts_with("error: posts/bad-date.md:3:8: "), "{text}");
    assert!(text.contains("1 problem in "), "{text}");
    assert!(text.trim_end().ends_with("nothing was written"), "{text}");
    assert!(is_empty_dir(out.path()), "the out dir should stay empty");
}

#[test]
fn a_valid_site_is_written_with_its_feed_sitemap_and_robots() {
    let out = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let output = bundler()
        .arg(format!("--site={}", site("valid").display()))
        .arg("--out")
        .arg(out.path())
        .env("FOLIO_CACHE_DIR", cache.path())
        .output()
        .unwrap();
    let files = fs::read_dir(out.path()).unwrap().count();
    assert_eq!(
        summary(&output),
        format!(
            "folio-bundler: 2 posts (1 draft skipped, 0 scheduled), 11 pages; 3 link preview cards \
             (3 drawn, 0 from the cache) -> {}: \
             {n} files, {n} written, 0 reused, {c} compressed, 0 removed",
            out.path().display(),
            n = 21,
            c = 18,
        )
    );
    assert!(files > 0);
    for file in [
        "data/site.json",
        "data/index/page-1.json",
        "data/posts/first-post.json",
        "data/posts/second-post.json",
        "data/tags.json",
        "data/authors.json",
        "data/archive.json",
        "feed.xml",
        "sitemap.xml",
        "robots.txt",
    ] {
        assert!(out.path().join(file).is_file(), "{file} is missing");
    }
    assert!(
        !out.path().join("data/posts/work-in-progress.json").exists(),
        "a draft was published"
    );
}

#[test]
fn settings_can_come_from_the_environment() {
    let out = tempfile::tempdir().unwrap();
    let output = bundler()
        .env("FOLIO_SITE_DIR", site("valid"))
        .arg("--out")
        .arg(out.path())
        .env("FOLIO_DRAFTS", "1")
        .output()
        .unwrap();
    assert!(
        summary(&output).starts_with("folio-bundler: 3 posts (0 drafts skipped, 0 scheduled), "),
        "{}",
        stderr(&output)
    );
    assert!(out
        .path()
        .join("data/posts/work-in-progress.json")
        .is_file());
}

#[test]
fn posts_dated_after_folio_now_wait() {
    for (now, expected) in [
        (support::NOW, "4 posts (1 draft skipped, 1 scheduled)"),
        ("2031-01-01", "5 posts (1 draft skipped, 0 scheduled)"),
    ] {
        let out = tempfile::tempdir().unwrap();
        let output = bundler()
            .arg("--site")
            .arg(site("full"))
            .arg("--out")
            .arg(out.path())
            .env("FOLIO_NOW", now)
            .output()
            .unwrap();
        assert!(summary(&output).contains(expected), "{}", stderr(&output));
        let scheduled = out.path().join("data/posts/from-the-future.json");
        assert_eq!(scheduled.exists(), now != support::NOW, "{now}");
    }
}

#[test]
fn bad_settings_in_the_environment_are_errors() {
    for (name, value, message) in [
        (
            "FOLIO_NOW",
            "2015-13-01",
            "error: invalid FOLIO_NOW: \"2015-13-01\" is not a date",
        ),
        (
            "FOLIO_DRAFTS",
            "maybe",
            "error: FOLIO_DRAFTS=\"maybe\" is neither 1 nor 0",
        ),
    ] {
        let out = tempfile::tempdir().unwrap();
        let output = bundler()
            .arg("--site")
            .arg(site("valid"))
            .arg("--out")
            .arg(out.path())
            .env(name, value)
            .output()
            .unwrap();
        let text = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{text}");
        assert!(text.starts_with(message), "{text}");
        assert!(is_empty_dir(out.path()), "{name}: something was written");
    }
}

#[test]
fn a_rebuild_writes_what_changed_and_removes_what_the_build_no_longer_makes() {
    let dir = tempfile::tempdir().unwrap();
    let site_dir = dir.path().join("site");
    let out = dir.path().join("out");
    fs::create_dir_all(site_dir.join("posts")).unwrap();
    fs::copy(site("valid").join("site.toml"), site_dir.join("site.toml")).unwrap();
    for post in ["first-post.md", "second-post.md"] {
        fs::copy(
            site("valid").join("posts").join(post),
            site_dir.join("posts").join(post),
        )
        .unwrap();
    }
    let run = || {
        bundler()
            .arg("--site")
            .arg(&site_dir)
            .arg("--out")
            .arg(&out)
            .env("FOLIO_CACHE_DIR", dir.path().join("cache"))
            .output()
            .unwrap()
    };
    let first = run();
    summary(&first);
    assert_eq!(parsed(&first), "2 files parsed, 0");
    assert!(out.join("data/posts/second-post.json").is_file());
    // Nothing changed: nothing is parsed or written.
    let again = run();
    assert_eq!(parsed(&again), "0 files parsed, 2");
    assert!(
        summary(&again).ends_with(" 0 written, 21 reused, 0 compressed, 0 removed"),
        "{}",
        stderr(&again)
    );
    // One post changed: it alone is parsed.
    let first_post = site_dir.join("posts/first-post.md");
    let text = fs::read_to_string(&first_post).unwrap();
    fs::write(&first_post, format!("{text}\nOne more line.\n")).unwrap();
    let edited = run();
    summary(&edited);
    assert_eq!(parsed(&edited), "1 file parsed, 1");
    let bundle = fs::read_to_string(out.join("data/posts/first-post.json")).unwrap();
    assert!(bundle.contains("One more line."), "{bundle}");
    fs::write(&first_post, text).unwrap();
    summary(&run());

    fs::create_dir_all(out.join(".git")).unwrap();
    fs::write(out.join(".git/HEAD"), "a deploy's own").unwrap();
    fs::write(out.join("stray.txt"), "not the build's").unwrap();
    fs::remove_file(site_dir.join("posts/second-post.md")).unwrap();
    summary(&run());
    assert!(
        !out.join("data/posts/second-post.json").exists(),
        "a stale bundle was kept"
    );
    assert!(
        !out.join("data/authors/grace-hopper").exists(),
        "a stale listing was kept"
    );
    assert!(!out.join("stray.txt").exists());
    assert!(out.join(".git/HEAD").is_file(), "hidden entries are kept");

    // A broken site leaves the last good build as it was.
    fs::write(site_dir.join("posts/broken.md"), "+++\ntitle = \"x\"\n").unwrap();
    let before = fs::read(out.join("data/index/page-1.json")).unwrap();
    assert_eq!(run().status.code(), Some(1));
    assert_eq!(
        fs::read(out.join("data/index/page-1.json")).unwrap(),
        before
    );
    let names: Vec<_> = fs::read_dir(&out)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name != ".git")
        .collect();
    assert!(names.iter().all(|name| !name.starts_with('.')), "{names:?}");
}

#[test]
fn a_folder_of_other_files_is_not_written_into() {
    let out = tempfile::tempdir().unwrap();
    fs::write(out.path().join("notes.txt"), "mine").unwrap();
    let output = build_into(&site("valid"), out.path());
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains("holds files, but no site that Folio built"),
        "{text}"
    );
    assert_eq!(fs::read_dir(out.path()).unwrap().count(), 1);
}

#[test]
fn the_site_defaults_to_the_current_folder() {
    let out = tempfile::tempdir().unwrap();
    let output = bundler()
        .current_dir(site("valid"))
        .arg("--out")
        .arg(out.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(out.path().join("data/index/page-1.json").is_file());
}

#[test]
fn without_an_out_folder_it_says_to_pass_one() {
    let output = bundler().arg("--site").arg(site("valid")).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("pass --out DIR"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn unknown_arguments_show_the_usage() {
    let output = bundler().arg("--sight").arg("x").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let text = stderr(&output);
    assert!(
        text.starts_with("error: unknown argument \"--sight\"\n"),
        "{text}"
    );
    assert!(
        text.contains("usage: folio-bundler --out DIR [--site DIR] [--app DIR] [--drafts]"),
        "{text}"
    );
    assert!(text.contains("FOLIO_NOW=YYYY-MM-DD"), "{text}");
}
