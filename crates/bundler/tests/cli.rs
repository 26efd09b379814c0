//! Runs the real `folio-bundler` binary: exit codes, what it prints, and what it writes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::{
    fs,
    path::Path,
    process::{Command, Output},
};

fn bundler() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_folio-bundler"));
    command
        .env_remove("FOLIO_SITE_DIR")
        .env_remove("TRUNK_STAGING_DIR");
    command
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn is_empty_dir(dir: &Path) -> bool {
    fs::read_dir(dir).unwrap().next().is_none()
}

#[test]
fn a_broken_site_fails_with_located_problems_and_writes_nothing() {
    let out = tempfile::tempdir().unwrap();
    let output = bundler()
        .arg("--site")
        .arg(common::site("bad-date"))
        .arg("--out")
        .arg(out.path())
        .output()
        .unwrap();
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.starts_with(
            "error: posts/bad-date.md:3:8: \"2015-13-45\" is not a date\n  help: write it as YYYY-MM-DD, e.g. date = 2015-10-25\n"
        ),
        "{text}"
    );
    assert!(text.contains("1 problem in "), "{text}");
    assert!(is_empty_dir(out.path()), "the out dir should stay empty");
}

#[test]
fn a_valid_site_is_written_under_data() {
    let out = tempfile::tempdir().unwrap();
    let output = bundler()
        .arg(format!("--site={}", common::site("valid").display()))
        .arg("--out")
        .arg(out.path())
        .output()
        .unwrap();
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    for file in [
        "data/site.json",
        "data/index.json",
        "data/posts/first-post.json",
        "data/posts/second-post.json",
    ] {
        assert!(out.path().join(file).is_file(), "{file} is missing");
    }
    assert!(
        !out.path().join("data/posts/work-in-progress.json").exists(),
        "a draft was published"
    );
    let expected = format!(
        "folio-bundler: 2 posts (1 draft skipped) -> {} in ",
        out.path().join("data").display()
    );
    assert!(text.starts_with(&expected), "{text}");
    assert!(
        text.ends_with(" ms\n") && text.lines().count() == 1,
        "{text}"
    );
}

#[test]
fn folders_can_come_from_the_environment() {
    let out = tempfile::tempdir().unwrap();
    let output = bundler()
        .arg("--drafts")
        .env("FOLIO_SITE_DIR", common::site("valid"))
        .env("TRUNK_STAGING_DIR", out.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).starts_with("folio-bundler: 3 posts (drafts included) -> "),
        "{}",
        stderr(&output)
    );
    assert!(out
        .path()
        .join("data/posts/work-in-progress.json")
        .is_file());
}

#[test]
fn the_site_defaults_to_the_current_folder() {
    let out = tempfile::tempdir().unwrap();
    let output = bundler()
        .current_dir(common::site("valid"))
        .arg("--out")
        .arg(out.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(out.path().join("data/index.json").is_file());
}

#[test]
fn without_an_out_folder_it_says_to_pass_one() {
    let output = bundler()
        .arg("--site")
        .arg(common::site("valid"))
        .output()
        .unwrap();
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
}
