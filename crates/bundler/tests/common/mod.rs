//! Helpers shared by the integration tests: where the fixture sites are, and problems as text.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

use std::path::{Path, PathBuf};

use folio_bundler::{BuildOptions, Output, Problem};
use folio_content::Date;

/// "Today" for the tests: later than every fixture post, so none is scheduled.
pub fn today() -> Date {
    Date::new(2100, 1, 1).unwrap()
}

/// Build options as of `today()`.
pub fn options(drafts: bool) -> BuildOptions {
    BuildOptions {
        drafts,
        // Not in the fixture's folder: the tests leave the sources as they were.
        cache_dir: Some(std::env::temp_dir().join("folio-test-image-cache")),
        ..BuildOptions::new(today())
    }
}

/// The fixture site called `name`, under `tests/fixtures/sites/` at the workspace root.
pub fn site(name: &str) -> PathBuf {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/sites"
    ))
    .join(name)
}

/// The workspace root, which is the repository's own site.
pub fn repository() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).to_owned()
}

/// Builds the site in `dir`, failing the test on any problem.
pub fn build_ok(dir: &Path, drafts: bool) -> Output {
    folio_bundler::build(dir, &options(drafts)).unwrap_or_else(|problems| {
        let shown: Vec<String> = problems.iter().map(Problem::to_string).collect();
        panic!("{} should build, but:\n{}", dir.display(), shown.join("\n"))
    })
}

/// Builds the site in `dir`, expecting problems.
pub fn problems(dir: &Path) -> Vec<Problem> {
    match folio_bundler::build(dir, &options(false)) {
        Ok(output) => panic!(
            "{} should not build, but made {:?}",
            dir.display(),
            output.files.keys()
        ),
        Err(problems) => problems,
    }
}

/// `file:line:column: message`, as the first line of each problem shows it.
pub fn located(problems: &[Problem]) -> Vec<String> {
    problems
        .iter()
        .map(|p| {
            format!(
                "{}:{}:{}: {}",
                p.file.display(),
                p.line,
                p.column,
                p.message
            )
        })
        .collect()
}
