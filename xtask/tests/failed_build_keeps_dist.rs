//! `cargo xtask build` on a site with a broken post fails with the file and line, and leaves the
//! existing dist/ exactly as it was. Needs the tools `cargo xtask setup` installs (trunk).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::{fs, path::Path, process::Command};

fn fixture(name: &str) -> String {
    format!(
        "{}/../tests/fixtures/sites/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// Every file under `dir` with its contents, sorted by path.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(snapshot(&path));
        } else {
            files.push((path.display().to_string(), fs::read(&path).unwrap()));
        }
    }
    files.sort();
    files
}

fn assert_build_fails(site: &str, expected: &[&str]) {
    let temp = tempfile::tempdir().unwrap();
    let dist = temp.path().join("dist");
    fs::create_dir_all(dist.join("data")).unwrap();
    fs::write(
        dist.join("index.html"),
        "<!doctype html><title>the previous site</title>",
    )
    .unwrap();
    fs::write(dist.join("data/index.json"), "{\"format\":1,\"posts\":[]}").unwrap();
    let before = snapshot(&dist);

    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["build", "--site", &fixture(site), "--dist"])
        .arg(&dist)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);

    assert!(
        !output.status.success(),
        "the build of {site} should fail\n{stdout}\n{stderr}"
    );
    for text in expected {
        assert!(
            stderr.contains(text) || stdout.contains(text),
            "{site}: expected {text:?} in\n{stdout}\n{stderr}"
        );
    }
    assert!(stderr.contains("was left as it was"), "{stderr}");
    assert_eq!(snapshot(&dist), before, "{site}: dist/ changed");
    assert!(
        !temp.path().join("dist.next").exists(),
        "{site}: the half-built site was not cleaned up"
    );
}

#[test]
fn broken_links_images_and_aliases() {
    assert_build_fails(
        "broken-links",
        &[
            "posts/with-files/index.md:9:12: there is no image",
            "posts/with-files/index.md:11:5: there is no file",
            "posts/with-files/index.md:11:31: there is no post",
            "posts/with-files/index.md:12:1: posts/earlier-post.md has no heading",
            "posts/with-files/index.md:4:12: the alias",
            "posts/earlier-post.md:4:9: there is no image posts/cover.png",
        ],
    );
}

#[test]
fn unterminated_front_matter() {
    assert_build_fails(
        "unterminated",
        &["posts/unterminated.md:1:", "never closed"],
    );
}

#[test]
fn a_date_that_is_not_a_date() {
    assert_build_fails(
        "bad-date",
        &["posts/bad-date.md:3:", "\"2015-13-45\" is not a date"],
    );
}

#[test]
fn a_missing_title() {
    assert_build_fails("missing-title", &["posts/missing-title.md:", "title"]);
}
