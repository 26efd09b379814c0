//! The `folio-bundler` command: finds the site and output folders, the date and whether to
//! publish drafts from the arguments and the environment, builds, and reports every problem or
//! writes the files.

use std::{env, ffi::OsString, path::PathBuf, process::ExitCode, time::Instant};

use anyhow::{bail, Context};
use folio_bundler::{
    build,
    clock::today_utc,
    outputs::page_files::{write_pages, PageOptions},
    site, write, BuildOptions,
};
use folio_content::Date;

const USAGE: &str = "usage: folio-bundler [--site DIR] [--out DIR] [--drafts] [--pages]

  --site DIR   the site folder, with site.toml and posts/
               (default: $FOLIO_SITE_DIR, else the current folder)
  --out DIR    where to write data/, feed.xml, sitemap.xml and robots.txt
               (default: $TRUNK_STAGING_DIR)
  --drafts     publish posts marked draft = true too (or set FOLIO_DRAFTS=1)
  --pages      after trunk (post_build): write each page's HTML file (posts/<slug>/index.html,
               ...) from the index.html trunk wrote and the data written before, then
               _headers, _redirects and the .br and .gz copies of every text file
  --help       show this help

environment:
  FOLIO_NOW=YYYY-MM-DD  build as of that day (default: today in UTC);
                        posts dated after it are scheduled and left out
  FOLIO_DRAFTS=1        the same as --drafts
  FOLIO_BASE_URL=URL    where the site is deployed, in place of base_url in site.toml
  FOLIO_CACHE_DIR=DIR   where the smaller copies of images are kept between builds
                        (default: .folio-cache/images in the site folder)
  TRUNK_PROFILE=debug   (set by trunk serve) pages without the Content-Security-Policy, which
                        would stop trunk's live reload, and no precompressed copies";

/// The command line, parsed.
#[derive(Debug, Default, PartialEq, Eq)]
struct Args {
    site: Option<PathBuf>,
    out: Option<PathBuf>,
    drafts: bool,
    pages: bool,
    help: bool,
}

fn main() -> ExitCode {
    let args = match parse_args(env::args_os().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("error: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if args.help {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    match run(args) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Args) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    if args.pages {
        let Some(out_dir) = args.out.or_else(|| env_path("TRUNK_STAGING_DIR")) else {
            bail!(
                "no output folder: pass --out DIR (when run by trunk, TRUNK_STAGING_DIR names it)"
            );
        };
        return pages(&out_dir, started);
    }
    let site_dir = match args.site.or_else(|| env_path("FOLIO_SITE_DIR")) {
        Some(dir) => dir,
        None => env::current_dir().context("cannot find the current folder; pass --site DIR")?,
    };
    let Some(out_dir) = args.out.or_else(|| env_path("TRUNK_STAGING_DIR")) else {
        bail!("no output folder: pass --out DIR (when run by trunk, TRUNK_STAGING_DIR names it)");
    };
    let options = BuildOptions {
        drafts: args.drafts || flag("FOLIO_DRAFTS", env_text("FOLIO_DRAFTS")?.as_deref())?,
        now: match env_text("FOLIO_NOW")? {
            Some(text) => date("FOLIO_NOW", &text)?,
            None => today_utc().context("the system clock is not set; set FOLIO_NOW=YYYY-MM-DD")?,
        },
        base_url: match env_text("FOLIO_BASE_URL")? {
            Some(text) => Some(site::base_url(&text).with_context(|| {
                format!("FOLIO_BASE_URL={text:?} is not an http or https address such as https://blog.example.org/")
            })?),
            None => None,
        },
        cache_dir: env_path("FOLIO_CACHE_DIR"),
    };

    let output = match build(&site_dir, &options) {
        Ok(output) => output,
        Err(problems) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            let count = plural(problems.len(), "problem", "problems");
            eprintln!(
                "folio-bundler: {count} in {}; nothing was written",
                site_dir.display()
            );
            return Ok(ExitCode::FAILURE);
        }
    };
    write(&output, &out_dir)
        .with_context(|| format!("cannot write the site to {}", out_dir.display()))?;
    for warning in &output.warnings {
        eprintln!("{}", warning.as_warning());
    }

    let elapsed = started.elapsed();
    let read = output.published + output.drafts_skipped + output.scheduled;
    // Every post read counts: drafts and scheduled posts are checked too.
    let rate = read as f64 / elapsed.as_secs_f64().max(1e-6);
    eprintln!(
        "folio-bundler: {} ({} skipped, {} scheduled) -> {} in {} ms ({rate:.0} posts/s)",
        plural(output.published, "post", "posts"),
        plural(output.drafts_skipped, "draft", "drafts"),
        output.scheduled,
        out_dir.display(),
        elapsed.as_millis()
    );
    let images = output.images;
    if images.encoded + images.cached > 0 {
        eprintln!(
            "folio-bundler: {} measured; smaller copies: {} encoded, {} from the cache, in {} ms",
            plural(images.images, "image", "images"),
            images.encoded,
            images.cached,
            images.millis
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The step after trunk: each page's file, the deploy files and the compressed copies.
fn pages(out_dir: &std::path::Path, started: Instant) -> anyhow::Result<ExitCode> {
    let options = PageOptions {
        dev: env_text("TRUNK_PROFILE")?.as_deref() == Some("debug"),
    };
    let progress = |done: usize, total: usize| eprintln!("folio-bundler: {done}/{total} pages");
    let written = write_pages(out_dir, options, &progress)?;
    let compressed = match &written.compressed {
        Some(done) => format!(
            "; {} compressed ({} KB -> {} KB brotli)",
            plural(done.files, "file", "files"),
            done.original / 1024,
            done.brotli / 1024
        ),
        None => String::new(),
    };
    eprintln!(
        "folio-bundler: {} -> {}{compressed} in {} ms",
        plural(written.pages, "page", "pages"),
        out_dir.display(),
        started.elapsed().as_millis()
    );
    Ok(ExitCode::SUCCESS)
}

/// The value of the environment variable `name`, if it is set and not empty.
fn env_text(name: &str) -> anyhow::Result<Option<String>> {
    match env::var(name) {
        Ok(text) if text.trim().is_empty() => Ok(None),
        Ok(text) => Ok(Some(text.trim().to_owned())),
        Err(env::VarError::NotPresent) => Ok(None),
        Err(env::VarError::NotUnicode(_)) => bail!("{name} is not valid Unicode"),
    }
}

/// An on/off setting from the environment variable `name`: `1`, `true` or `yes` turn it on.
fn flag(name: &str, value: Option<&str>) -> anyhow::Result<bool> {
    match value.map(str::to_ascii_lowercase).as_deref() {
        None | Some("0" | "false" | "no") => Ok(false),
        Some("1" | "true" | "yes") => Ok(true),
        Some(_) => bail!("{name}={:?} is neither 1 nor 0", value.unwrap_or_default()),
    }
}

/// A date from the environment variable `name`.
fn date(name: &str, text: &str) -> anyhow::Result<Date> {
    text.parse().with_context(|| format!("invalid {name}"))
}

/// A folder named by an environment variable, if it is set and not empty.
fn env_path(name: &str) -> Option<PathBuf> {
    env::var_os(name)
        .filter(|value| !value.is_empty())
        .map(PathBuf::from)
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// Reads `--site DIR`, `--out DIR` (or `--site=DIR`, `--out=DIR`), `--drafts` and `--help`.
fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Args, String> {
    let mut parsed = Args::default();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let text = arg.to_string_lossy();
        let (flag, inline) = match text.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(PathBuf::from(value)))
            }
            _ => (text.into_owned(), None),
        };
        let slot = match flag.as_str() {
            "--site" => &mut parsed.site,
            "--out" => &mut parsed.out,
            "--drafts" if inline.is_none() => {
                parsed.drafts = true;
                continue;
            }
            "--pages" if inline.is_none() => {
                parsed.pages = true;
                continue;
            }
            "-h" | "--help" if inline.is_none() => {
                parsed.help = true;
                continue;
            }
            _ => return Err(format!("unknown argument {:?}", arg.to_string_lossy())),
        };
        let value = match inline {
            Some(value) => value,
            None => args
                .next()
                .map(PathBuf::from)
                .ok_or_else(|| format!("{flag} needs a folder after it"))?,
        };
        if value.as_os_str().is_empty() || slot.is_some() {
            return Err(format!("{flag} needs exactly one folder"));
        }
        *slot = Some(value);
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Args, String> {
        parse_args(args.iter().map(OsString::from))
    }

    #[test]
    fn reads_flags_in_both_spellings() {
        let args = parse(&["--site", "s", "--out=o", "--drafts"]).unwrap();
        assert_eq!(
            args,
            Args {
                site: Some("s".into()),
                out: Some("o".into()),
                drafts: true,
                pages: false,
                help: false
            }
        );
        assert_eq!(parse(&[]).unwrap(), Args::default());
        assert!(parse(&["-h"]).unwrap().help);
    }

    #[test]
    fn rejects_what_it_does_not_know() {
        assert_eq!(
            parse(&["--bogus"]).unwrap_err(),
            "unknown argument \"--bogus\""
        );
        assert_eq!(parse(&["posts"]).unwrap_err(), "unknown argument \"posts\"");
        assert_eq!(
            parse(&["--drafts=yes"]).unwrap_err(),
            "unknown argument \"--drafts=yes\""
        );
        assert_eq!(
            parse(&["--out"]).unwrap_err(),
            "--out needs a folder after it"
        );
        assert_eq!(
            parse(&["--out", "a", "--out", "b"]).unwrap_err(),
            "--out needs exactly one folder"
        );
        assert_eq!(
            parse(&["--site="]).unwrap_err(),
            "--site needs exactly one folder"
        );
    }

    #[test]
    fn reads_settings_from_the_environment() {
        assert!(flag("F", Some("1")).unwrap());
        assert!(flag("F", Some("TRUE")).unwrap());
        assert!(!flag("F", Some("0")).unwrap());
        assert!(!flag("F", None).unwrap());
        assert_eq!(
            flag("F", Some("maybe")).unwrap_err().to_string(),
            "F=\"maybe\" is neither 1 nor 0"
        );
        assert_eq!(date("N", "2015-10-25").unwrap().to_string(), "2015-10-25");
        let error = format!("{:#}", date("N", "2015-13-01").unwrap_err());
        assert!(
            error.starts_with("invalid N: \"2015-13-01\" is not a date"),
            "{error}"
        );
    }

    #[test]
    fn counts_in_words() {
        assert_eq!(plural(1, "post", "posts"), "1 post");
        assert_eq!(plural(0, "draft", "drafts"), "0 drafts");
    }
}
