//! Hugo, the peer Folio's bundler is timed against: installing Debian's package when it is
//! missing, and a minimal Hugo site around the same generated posts.

use std::{fs, path::Path};

use anyhow::{bail, Context, Result};

use crate::cmd::{command, first_line, run};

const CONFIG: &str = r#"baseURL = "https://example.org/"
title = "Folio benchmark site"
languageCode = "en"
# Folio's home listing has 10 posts a page; Hugo's .Paginate uses this.
paginate = 10
# Folio writes robots.txt too.
enableRobotsTXT = true
"#;

const BASEOF: &str = r#"<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title></head>
<body>{{ block "main" . }}{{ end }}</body>
</html>
"#;

const SINGLE: &str = r#"{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p>{{ .Date.Format "2 January 2006" }}{{ with .Params.author }} by {{ . }}{{ end }} · {{ .ReadingTime }} min</p>
{{ .TableOfContents }}
{{ .Content }}
{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
</article>
{{ end }}
"#;

const LIST: &str = r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range (.Paginate .Pages).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}<p>{{ .Summary }}</p></li>
{{ end }}
</ul>
{{ end }}
"#;

const INDEX: &str = r#"{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
<ul>
{{ range (.Paginate (where .Site.RegularPages "Section" "posts")).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}<p>{{ .Summary }}</p></li>
{{ end }}
</ul>
{{ end }}
"#;

/// Installs Debian's `hugo` when it is missing; returns the first line of `hugo version`.
pub fn ensure(root: &Path) -> Result<String> {
    if let Some(version) = first_line(root, "hugo", &["version"]) {
        println!("bench: {version}: present");
        return Ok(version);
    }
    println!("bench: installing Debian's hugo");
    if first_line(root, "apt-get", &["--version"]).is_none() {
        bail!("hugo is missing and there is no apt-get: install Hugo with this system's package manager");
    }
    let sudo = first_line(root, "id", &["-u"]).is_some_and(|uid| uid.trim() != "0");
    for args in [&["update"][..], &["install", "-y", "hugo"][..]] {
        let mut apt = if sudo {
            let mut apt = command(root, "sudo");
            apt.arg("apt-get");
            apt
        } else {
            command(root, "apt-get")
        };
        run(apt.args(args).env("DEBIAN_FRONTEND", "noninteractive"))?;
    }
    first_line(root, "hugo", &["version"]).context("hugo was installed but `hugo version` fails")
}

/// A Hugo site in `dir` whose `content/posts/` is a copy of the posts in `posts`.
pub fn make_site(dir: &Path, posts: &Path) -> Result<()> {
    let content = dir.join("content/posts");
    let layouts = dir.join("layouts/_default");
    for folder in [&content, &layouts] {
        fs::create_dir_all(folder).with_context(|| format!("creating {}", folder.display()))?;
    }
    let files = [
        (dir.join("hugo.toml"), CONFIG),
        (layouts.join("baseof.html"), BASEOF),
        (layouts.join("single.html"), SINGLE),
        (layouts.join("list.html"), LIST),
        (dir.join("layouts/index.html"), INDEX),
    ];
    for (path, text) in files {
        fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    let entries = fs::read_dir(posts).with_context(|| format!("reading {}", posts.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("reading {}", posts.display()))?;
        let to = content.join(entry.file_name());
        fs::copy(entry.path(), &to).with_context(|| format!("copying to {}", to.display()))?;
    }
    Ok(())
}
