//! The `folio-bundler` command: finds the site, app and output folders, the date and whether to
//! publish drafts from the arguments and the environment, builds, and reports every problem or
//! publishes the site, with a progress bar and a last line saying what it did.

use std::{
    env,
    ffi::OsString,
    path::{Path, PathBuf},
    process::ExitCode,
};

use anyhow::{bail, Context};
use folio_bundler::{
    clock::today_utc,
    outputs::page_files::{App, PageOptions},
    pipeline::{self, plural, Failed, Job},
    serve::{serve, ServeOptions},
    site, BuildOptions, Memo, DEFAULT_CACHE_DIR,
};
use folio_content::Date;
use indicatif::{ProgressBar, ProgressStyle};

// Pages, posts and their parts are many small allocations made on every thread at once, where
// the system allocator's locks cost about a tenth of the build.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Turns transparent huge pages off for this process. mimalloc asks for them, and where the
/// kernel grants them on request (`madvise`, the default of most distributions), each first
/// touch of its memory cleared or compacted 2 MiB: at 10,000 posts, a build with nothing to
/// do spent 1.5 to 1.8 s of system time there, 0.4 s without (2.6 to 2.9 s in all, against
/// 2.1 s). The memory it used did not grow.
fn without_huge_pages() {
    #[cfg(target_os = "linux")]
    let _ = nix::sys::prctl::set_thp_disable(true);
}

const USAGE: &str =
    "usage: folio-bundler --out DIR [--site DIR] [--app DIR] [--drafts] [--no-compress]
       folio-bundler --serve ADDRESS --app DIR --out DIR [--site DIR] [--drafts]

  --site DIR     the site folder, with site.toml and posts/
                 (default: $FOLIO_SITE_DIR, else the current folder)
  --out DIR      the output folder: what the build makes goes there, and what it no longer
                 makes is removed (hidden entries at its top, such as .git, are kept)
  --app DIR      the app as trunk built it (index.html, the wasm, JS and CSS): with it, the
                 whole deployable site, every page's HTML file, the app's files and the
                 host files; without it, the data, feeds, sitemap and copied files only
  --drafts       publish posts marked draft = true too (or set FOLIO_DRAFTS=1)
  --no-compress  no .br and .gz copies beside the text files
  --serve ADDRESS
                 the dev server: build, serve the site at ADDRESS (127.0.0.1:8080), and build
                 again after every change to the content or the app, reloading the pages;
                 problems show in the browser, over the last good build
  --help         show this help

Only what changed since the last build into the same output folder is made and written again;
the cache folder keeps what that takes.

environment:
  FOLIO_NOW=YYYY-MM-DD  build as of that day (default: today in UTC);
                        posts dated after it are scheduled and left out
  FOLIO_DRAFTS=1        the same as --drafts
  FOLIO_BASE_URL=URL    where the site is deployed, in place of base_url in site.toml
  FOLIO_CACHE_DIR=DIR   what is kept between builds: smaller copies of images, and what each
                        output folder holds (default: .folio-cache in the site folder)";

/// The command line, parsed.
#[derive(Debug, Default, PartialEq, Eq)]
struct Args {
    site: Option<PathBuf>,
    out: Option<PathBuf>,
    app: Option<PathBuf>,
    serve: Option<PathBuf>,
    drafts: bool,
    no_compress: bool,
    help: bool,
}

fn main() -> ExitCode {
    without_huge_pages();
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
    let site_dir = match args.site.or_else(|| env_path("FOLIO_SITE_DIR")) {
        Some(dir) => dir,
        None => env::current_dir().context("cannot find the current folder; pass --site DIR")?,
    };
    let Some(out_dir) = args.out else {
        bail!("no output folder: pass --out DIR");
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
    // The cache in the site folder (the default) is read and written: never through a link that
    // a site's repository could hold, to somewhere outside it.
    if options.cache_dir.is_none() {
        let cache = Path::new(DEFAULT_CACHE_DIR);
        if let Some(problem) = folio_bundler::sources::links::through_link(&site_dir, cache) {
            eprintln!("{problem}");
            return Ok(ExitCode::FAILURE);
        }
    }
    if let Some(address) = args.serve {
        let Some(app_dir) = args.app else {
            bail!("the dev server needs the app: pass --app DIR");
        };
        let options = ServeOptions {
            site_dir,
            app_dir,
            out_dir,
            build: options,
            address: address.to_string_lossy().into_owned(),
        };
        serve(&options)?;
        return Ok(ExitCode::SUCCESS);
    }
    // The app first: a missing app is found before the posts are read.
    let app = args.app.as_deref().map(App::read).transpose()?;
    let memo = Memo::for_one_build(&options.cache_dir(&site_dir));
    let job = Job {
        site_dir: &site_dir,
        app: app.as_ref(),
        out_dir: &out_dir,
        options: &options,
        pages: PageOptions::default(),
        compress: !args.no_compress,
        memo: Some(&memo),
        in_place: false,
    };
    let bar = progress_bar();
    let done = pipeline::run(&job, &bar);
    bar.finish_and_clear();
    match done {
        Ok(done) => {
            for warning in &done.warnings {
                eprintln!("{}", warning.as_warning());
            }
            eprintln!("{}", done.summary(&out_dir));
            Ok(ExitCode::SUCCESS)
        }
        Err(Failed::Problems(problems)) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            let count = plural(problems.len(), "problem", "problems");
            eprintln!(
                "folio-bundler: {count} in {}; nothing was written",
                site_dir.display()
            );
            Ok(ExitCode::FAILURE)
        }
        Err(error) => {
            Err(error).with_context(|| format!("cannot build the site into {}", out_dir.display()))
        }
    }
}

/// A bar over the files of the site, drawn only on a terminal.
fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::new(0).with_prefix("folio-bundler: files");
    if let Ok(style) = ProgressStyle::with_template(
        "{prefix} {bar:30} {human_pos}/{human_len} ({per_sec}, {eta} left)",
    ) {
        bar.set_style(style);
    }
    bar
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

/// Reads `--site DIR`, `--out DIR`, `--app DIR`, `--serve ADDRESS` (or `--site=DIR` and so
/// on), `--drafts`, `--no-compress` and `--help`.
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
            "--app" => &mut parsed.app,
            "--serve" => &mut parsed.serve,
            "--drafts" if inline.is_none() => {
                parsed.drafts = true;
                continue;
            }
            "--no-compress" if inline.is_none() => {
                parsed.no_compress = true;
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
        let args = parse(&["--site", "s", "--out=o", "--app", "a", "--drafts"]).unwrap();
        assert_eq!(
            args,
            Args {
                site: Some("s".into()),
                out: Some("o".into()),
                app: Some("a".into()),
                serve: None,
                drafts: true,
                no_compress: false,
                help: false
            }
        );
        assert!(parse(&["--no-compress"]).unwrap().no_compress);
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
}
