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

/// The bundler with a clean environment, as of `support::NOW`.
fn bundler() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_folio-bundler"));
    command
        .env_remove("FOLIO_SITE_DIR")
        .env_remove("TRUNK_STAGING_DIR")
        .env_remove("FOLIO_DRAFTS")
        .env("FOLIO_NOW", support::NOW);
    command
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn is_empty_dir(dir: &Path) -> bool {
    fs::read_dir(dir).unwrap().next().is_none()
}

/// The one line a successful run prints, up to " in ", checked for its shape after.
fn summary(output: &Output) -> String {
    let text = stderr(output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert_eq!(text.lines().count(), 1, "{text}");
    let (head, tail) = text.split_once(" in ").unwrap();
    let (ms, rate) = tail.trim_end().split_once(" ms (").unwrap();
    assert!(ms.parse::<u64>().is_ok(), "{text}");
    assert!(rate.ends_with(" posts/s)"), "{text}");
    head.to_owned()
}

#[test]
fn a_broken_site_fails_with_located_problems_and_writes_nothing() {
    let out = tempfile::tempdir().unwrap();
    let output = bundler()
        .arg("--site")
        .arg(site("bad-date"))
        .arg("--out")
        .arg(out.path())
        .output()
        .unwrap();
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
    let output = bundler()
        .arg(format!("--site={}", site("valid").display()))
        .arg("--out")
        .arg(out.path())
        .output()
        .unwrap();
    assert_eq!(
        summary(&output),
        format!(
            "folio-bundler: 2 posts (1 draft skipped, 0 scheduled) -> {}",
            out.path().display()
        )
    );
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
        .env("TRUNK_STAGING_DIR", out.path())
        .env("FOLIO_DRAFTS", "1")
        .output()
        .unwrap();
    assert!(
        summary(&output).starts_with("folio-bundler: 3 posts (0 drafts skipped, 0 scheduled) -> "),
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
fn a_rebuild_replaces_data_whole_and_keeps_other_files() {
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
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("index.html"), "the app's shell").unwrap();
    let run = || {
        bundler()
            .arg("--site")
            .arg(&site_dir)
            .arg("--out")
            .arg(&out)
            .output()
            .unwrap()
    };
    summary(&run());
    assert!(out.join("data/posts/second-post.json").is_file());

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
    assert_eq!(
        fs::read_to_string(out.join("index.html")).unwrap(),
        "the app's shell"
    );

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
        .collect();
    assert!(names.iter().all(|name| !name.starts_with('.')), "{names:?}");
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
        text.contains("usage: folio-bundler [--site DIR] [--out DIR] [--drafts]"),
        "{text}"
    );
    assert!(text.contains("FOLIO_NOW=YYYY-MM-DD"), "{text}");
}
