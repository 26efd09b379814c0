//! Publishing: what is written, kept, compressed and removed, and what a failure leaves.

use std::sync::atomic::AtomicUsize;

use super::*;

fn options(cache: &Path, compress: bool) -> PublishOptions {
    PublishOptions {
        compress,
        ledger: cache.join("ledger.json"),
        trust_ledger: false,
        in_place: false,
    }
}

fn bytes<'a>(files: &[(&str, &str)]) -> Vec<Planned<'a>> {
    files
        .iter()
        .map(|(path, text)| Planned::bytes(*path, text.as_bytes()))
        .collect()
}

/// Every file under `dir`, relative, with its bytes and modification time.
fn tree(dir: &Path) -> Vec<(String, Vec<u8>, u128)> {
    let mut found: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            let stamp = Stamp::of(entry.path()).unwrap();
            (
                relative_path(dir, entry.path()),
                fs::read(entry.path()).unwrap(),
                stamp.modified,
            )
        })
        .collect();
    found.sort();
    found
}

fn names(dir: &Path) -> Vec<String> {
    tree(dir).into_iter().map(|(name, _, _)| name).collect()
}

/// A page at `path` whose making fails.
fn unmakeable(path: &str) -> Planned<'static> {
    Planned {
        path: path.into(),
        source: Source::Made {
            key: 1,
            make: Box::new(|| Err("no template".into())),
        },
    }
}

fn run(plan: Vec<Planned<'_>>, out: &Path, options: &PublishOptions) -> Published {
    publish(plan, out, options, &ProgressBar::hidden()).unwrap()
}

#[test]
fn a_second_publish_of_the_same_files_touches_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (out, options) = (dir.path().join("out"), options(dir.path(), true));
    let files = [("data/site.json", "{}"), ("posts/a/photo.png", "png")];
    let first = run(bytes(&files), &out, &options);
    assert_eq!((first.files, first.written, first.compressed), (2, 2, 1));
    assert_eq!(
        names(&out),
        ["data/site.json", "data/site.json.gz", "posts/a/photo.png"]
    );
    let before = tree(&out);
    let second = run(bytes(&files), &out, &options);
    let counts = |done: &Published| {
        (
            done.files,
            done.made,
            done.written,
            done.compressed,
            done.removed,
        )
    };
    assert_eq!(counts(&second), (2, 0, 0, 0, 0));
    assert_eq!(second.reused(), 2);
    assert_eq!(tree(&out), before);
}

#[test]
fn changed_files_are_written_and_gone_ones_removed_with_their_copies_and_folders() {
    let dir = tempfile::tempdir().unwrap();
    let (out, options) = (dir.path().join("out"), options(dir.path(), true));
    run(
        bytes(&[
            ("data/site.json", "{}"),
            ("posts/old/index.html", "old"),
            ("old-0123.js", "old"),
            ("x.txt", "x"),
        ]),
        &out,
        &options,
    );
    let kept = tree(&out)
        .into_iter()
        .find(|(name, _, _)| name == "x.txt")
        .unwrap();
    let done = run(
        bytes(&[("data/site.json", "{\"a\":1}"), ("x.txt", "x")]),
        &out,
        &options,
    );
    // The page with its gzip copy, the script with its brotli and gzip copies.
    assert_eq!((done.written, done.compressed, done.removed), (1, 1, 5));
    assert!(!out.join("posts").exists(), "empty folders go too");
    let now = tree(&out);
    assert!(now.contains(&kept), "an unchanged file keeps its time");
    assert_eq!(
        fs::read_to_string(out.join("data/site.json")).unwrap(),
        "{\"a\":1}"
    );
}

#[test]
fn a_made_file_is_made_again_only_when_its_key_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (out, options) = (dir.path().join("out"), options(dir.path(), false));
    let calls = AtomicUsize::new(0);
    let page = |key: &str, text: &'static str| Planned {
        path: "index.html".into(),
        source: Source::Made {
            key: fingerprint::of_u128(key.as_bytes()),
            make: Box::new(|| {
                calls.fetch_add(1, Ordering::Relaxed);
                Ok(text.as_bytes().to_vec())
            }),
        },
    };
    run(vec![page("k1", "<p>a</p>")], &out, &options);
    run(vec![page("k1", "<p>a</p>")], &out, &options);
    assert_eq!(calls.load(Ordering::Relaxed), 1);
    // A new key with the same bytes: made, but not written.
    let before = tree(&out);
    let done = run(vec![page("k2", "<p>a</p>")], &out, &options);
    assert_eq!((done.made, done.written), (1, 0));
    assert_eq!(tree(&out), before);
    // A file changed in the output is put right, even with its key unchanged.
    fs::write(out.join("index.html"), "tampered!").unwrap();
    let done = run(vec![page("k2", "<p>a</p>")], &out, &options);
    assert_eq!(done.written, 1);
    assert_eq!(
        fs::read_to_string(out.join("index.html")).unwrap(),
        "<p>a</p>"
    );
}

#[test]
fn a_failure_leaves_the_output_as_it_was_and_no_temporary_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (out, options) = (dir.path().join("out"), options(dir.path(), true));
    run(
        bytes(&[("data/site.json", "{}"), ("a.html", "a")]),
        &out,
        &options,
    );
    let before = tree(&out);
    let mut plan = bytes(&[("data/site.json", "{\"new\":1}"), ("b.html", "b")]);
    plan.push(unmakeable("c.html"));
    let error = publish(plan, &out, &options, &ProgressBar::hidden()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "cannot make c.html: no template (this is a bug in folio-bundler; please report it)"
    );
    assert_eq!(tree(&out), before);
    let missing = Planned {
        path: "d.png".into(),
        source: Source::File(dir.path().join("missing.png")),
    };
    let error = publish(vec![missing], &out, &options, &ProgressBar::hidden()).unwrap_err();
    assert!(error.to_string().starts_with("cannot read "), "{error}");
    assert_eq!(tree(&out), before);
}

#[test]
fn a_failure_into_an_empty_folder_leaves_it_empty() {
    let dir = tempfile::tempdir().unwrap();
    let (out, options) = (dir.path().join("out"), options(dir.path(), true));
    let mut plan = bytes(&[("data/site.json", "{}"), ("posts/a/index.html", "a")]);
    plan.push(unmakeable("c.html"));
    publish(plan, &out, &options, &ProgressBar::hidden()).unwrap_err();
    assert!(names(&out).is_empty(), "{:?}", names(&out));
    assert!(
        fs::read_dir(&out).unwrap().next().is_none(),
        "no folders left either"
    );
    let done = run(bytes(&[("data/site.json", "{}")]), &out, &options);
    assert_eq!((done.files, done.written, done.removed), (1, 1, 0));
    assert_eq!(names(&out), ["data/site.json", "data/site.json.gz"]);
}

#[test]
fn files_and_folders_in_the_way_are_replaced_and_hidden_entries_kept() {
    let dir = tempfile::tempdir().unwrap();
    let (out, options) = (dir.path().join("out"), options(dir.path(), false));
    run(
        bytes(&[
            ("data/site.json", "{}"),
            ("a", "file"),
            ("b/c", "in a folder"),
        ]),
        &out,
        &options,
    );
    fs::create_dir_all(out.join(".git")).unwrap();
    fs::write(out.join(".git/HEAD"), "ref").unwrap();
    fs::create_dir_all(out.join(".folio-tmp-1/x")).unwrap();
    run(
        bytes(&[
            ("data/site.json", "{}"),
            ("a/inner", "now a folder"),
            ("b", "now a file"),
        ]),
        &out,
        &options,
    );
    assert_eq!(names(&out), [".git/HEAD", "a/inner", "b", "data/site.json"]);
}

#[test]
fn a_folder_of_other_files_is_not_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("home");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("notes.txt"), "mine").unwrap();
    let error = publish(
        bytes(&[("data/site.json", "{}")]),
        &out,
        &options(dir.path(), false),
        &ProgressBar::hidden(),
    )
    .unwrap_err();
    assert!(matches!(error, PublishError::NotOurs(_)), "{error}");
    assert_eq!(names(&out), ["notes.txt"]);
}

#[test]
fn a_copied_file_is_written_again_only_when_it_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (out, options) = (dir.path().join("out"), options(dir.path(), true));
    let source = dir.path().join("style.css");
    fs::write(&source, "body{}").unwrap();
    let plan = || {
        vec![Planned {
            path: "main.css".into(),
            source: Source::File(source.clone()),
        }]
    };
    assert_eq!(run(plan(), &out, &options).compressed, 1);
    assert_eq!(run(plan(), &out, &options).made, 0);
    fs::write(&source, "body{color:red}").unwrap();
    let done = run(plan(), &out, &options);
    assert_eq!((done.made, done.written, done.compressed), (1, 1, 1));
    assert_eq!(
        fs::read_to_string(out.join("main.css")).unwrap(),
        "body{color:red}"
    );
}

#[test]
fn trusting_the_ledger_leaves_the_folder_a_walk_would() {
    let dir = tempfile::tempdir().unwrap();
    let (looked, trusted) = (dir.path().join("looked"), dir.path().join("trusted"));
    let steps: [(&[(&str, &str)], bool); 4] = [
        (
            &[("data/site.json", "{}"), ("posts/old/index.html", "old")],
            true,
        ),
        (
            &[("data/site.json", "{\"a\":1}"), ("a", "file"), ("b/c", "c")],
            true,
        ),
        (
            &[
                ("data/site.json", "{\"a\":1}"),
                ("a/inner", "now a folder"),
                ("b", "now a file"),
            ],
            true,
        ),
        (
            &[("data/site.json", "{\"a\":2}"), ("b", "now a file")],
            false,
        ),
    ];
    for (step, (files, compress)) in steps.into_iter().enumerate() {
        let walking = options(&dir.path().join("looked-cache"), compress);
        // As the dev server publishes: trusting its ledger, and writing in place.
        let trusting = PublishOptions {
            trust_ledger: step > 0,
            in_place: true,
            ..options(&dir.path().join("trusted-cache"), compress)
        };
        let walked = run(bytes(files), &looked, &walking);
        let took = run(bytes(files), &trusted, &trusting);
        assert_eq!(took.removed, walked.removed, "step {step}");
        let contents = |out: &Path| -> Vec<(String, Vec<u8>)> {
            tree(out)
                .into_iter()
                .map(|(name, bytes, _)| (name, bytes))
                .collect()
        };
        assert_eq!(contents(&trusted), contents(&looked), "step {step}");
    }
    assert!(!trusted.join("posts").exists(), "emptied folders go too");
}

/// The ledger at `options.ledger` with each folder's stamp set to what it is now, as a build
/// long after the last would have found them.
fn settle_folders(out: &Path, options: &PublishOptions) {
    let mut ledger = Ledger::load(&options.ledger);
    for folder in folders::planned(&ledger.files) {
        let stamp = folders::stamp(&out.join(&folder)).unwrap();
        ledger.folders.insert(folder, stamp);
    }
    ledger.save(&options.ledger).unwrap();
}

#[test]
fn a_folder_is_read_again_only_when_its_entries_changed() {
    let dir = tempfile::tempdir().unwrap();
    let (out, options) = (dir.path().join("out"), options(dir.path(), false));
    let files = [("data/site.json", "{}"), ("posts/a/index.html", "a")];
    run(bytes(&files), &out, &options);
    fs::write(out.join("posts/a/stray.html"), "not the build's").unwrap();
    assert_eq!(run(bytes(&files), &out, &options).removed, 1);

    settle_folders(&out, &options);
    fs::write(out.join("posts/a/stray.html"), "not the build's").unwrap();
    fs::create_dir_all(out.join("posts/b/deep")).unwrap();
    fs::write(out.join("posts/b/deep/x.html"), "nor this").unwrap();
    let done = run(bytes(&files), &out, &options);
    assert_eq!(done.removed, 2, "added files change their folders' stamps");
    assert_eq!(names(&out), ["data/site.json", "posts/a/index.html"]);

    // A folder whose stamp is the one kept is taken as it was: here, one the ledger was
    // told to take as it is now, stray file and all.
    fs::write(out.join("posts/a/stray.html"), "not the build's").unwrap();
    settle_folders(&out, &options);
    assert_eq!(run(bytes(&files), &out, &options).removed, 0);
    assert!(out.join("posts/a/stray.html").exists());
}

/// `path` under `root`, `/`-separated.
fn relative_path(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<_> = relative
        .components()
        .map(|part| part.as_os_str().to_string_lossy())
        .collect();
    parts.join("/")
}
