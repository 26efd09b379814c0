//! The step after trunk, on the full fixture with a template shaped like trunk's `index.html`:
//! every page of the list is built, parses as HTML5, has no id twice, carries its structured
//! data, and every address the feed, the sitemap and the canonical links give is a built page.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::{collections::HashSet, fs, path::Path};

use folio_bundler::outputs::site_pages::{Kind, SitePage};
use folio_content::pages::{self, PageKind};
use scraper::{Html, Selector};
use serde_json::Value;

const BASE_URL: &str = "https://full.example.org/blog/";

/// The full fixture, built and written with the data step, then the page step.
fn built_site() -> (tempfile::TempDir, Vec<SitePage>) {
    built(&support::site("full"))
}

/// The site in `source`, built and written with the data step, then the page step.
fn built(source: &Path) -> (tempfile::TempDir, Vec<SitePage>) {
    let output = support::build(source, false);
    let dir = tempfile::tempdir().unwrap();
    let (app_dir, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let app = support::app(app_dir.path());
    support::publish(&output, Some(&app), dir.path(), cache.path(), true);
    (dir, output.pages)
}

fn read(dir: &Path, file: &str) -> String {
    fs::read_to_string(dir.join(file)).unwrap_or_else(|error| panic!("{file}: {error}"))
}

fn select<'a>(html: &'a Html, selector: &str) -> Vec<scraper::ElementRef<'a>> {
    html.select(&Selector::parse(selector).unwrap()).collect()
}

/// The built file of an address on the site, if the address is the site's.
fn file_of(url: &str) -> String {
    let path = url
        .strip_prefix(BASE_URL)
        .unwrap_or_else(|| panic!("{url} is not on the site"));
    pages::file(&format!("/{path}"))
}

#[test]
fn every_page_is_valid_html5_with_unique_ids_and_its_structured_data() {
    let (dir, list) = built_site();
    let mut redirects = 0;
    for page in &list {
        let text = read(dir.path(), &page.file());
        let html = Html::parse_document(&text);
        assert_eq!(
            html.errors,
            Vec::<std::borrow::Cow<str>>::new(),
            "{}",
            page.file()
        );
        if let Kind::Redirect { to, .. } = &page.kind {
            // An old address: a page that sends the reader on to the post.
            redirects += 1;
            let canonical = select(&html, "link[rel=canonical]")[0].value().attr("href");
            let target = format!("{BASE_URL}{}", to.trim_start_matches('/'));
            assert_eq!(canonical, Some(target.as_str()), "{}", page.file());
            let refresh = select(&html, "meta[http-equiv=refresh]")[0]
                .value()
                .attr("content");
            assert_eq!(refresh, Some(format!("0; url=/blog{to}").as_str()));
            let link = select(&html, "body a")[0].value().attr("href");
            assert_eq!(link, Some(format!("/blog{to}").as_str()));
            continue;
        }
        let mut ids = HashSet::new();
        for element in select(&html, "[id]") {
            let id = element.value().id().unwrap_or_default();
            assert!(
                ids.insert(id.to_owned()),
                "{}: the id {id:?} is there twice",
                page.file()
            );
        }
        // The content is in the page, as the app shows it.
        let heading = select(&html, "#folio-page main h1");
        assert_eq!(heading.len(), 1, "{}", page.file());
        assert!(text.contains("<noscript>Please enable JavaScript. This webapp requires JavaScript to work.</noscript>"));
        // No inline code but the theme script, which the policy allows by its hash.
        assert!(
            !text.contains("import init"),
            "{}: the loader is still inline",
            page.file()
        );
        let policy = select(&html, "meta[http-equiv=\"Content-Security-Policy\"]");
        assert_eq!(policy.len(), 1, "{}", page.file());
        let policy = policy[0].value().attr("content").unwrap();
        assert!(
            policy.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"),
            "{policy}"
        );
        assert!(!policy.contains("unsafe-inline"), "{policy}");

        let data: Vec<Value> = select(&html, "script[type=\"application/ld+json\"]")
            .iter()
            .map(|script| serde_json::from_str(&script.text().collect::<String>()).unwrap())
            .collect();
        let graph: Vec<&Value> = data
            .iter()
            .flat_map(|data| data["@graph"].as_array().unwrap())
            .collect();
        let of_type = |kind: &str| graph.iter().find(|node| node["@type"] == kind).copied();
        match &page.kind {
            Kind::Routed(PageKind::Post(_)) => {
                let posting = of_type("BlogPosting").unwrap_or_else(|| panic!("{}", page.file()));
                assert_eq!(
                    posting["headline"],
                    page.page_title.clone().unwrap().as_str()
                );
                assert_eq!(
                    posting["datePublished"],
                    page.published.unwrap().to_string().as_str()
                );
                assert!(posting["dateModified"].is_string());
                assert_eq!(
                    posting["url"],
                    format!("{BASE_URL}{}", page.path.trim_start_matches('/')).as_str()
                );
                assert_eq!(posting["publisher"]["@type"], "Organization");
                for author in posting["author"].as_array().unwrap() {
                    assert_eq!(author["@type"], "Person");
                    assert!(author["name"].is_string());
                }
                assert_eq!(
                    heading[0].text().collect::<String>().trim(),
                    page.page_title.clone().unwrap()
                );
                assert!(of_type("BreadcrumbList").is_some(), "{}", page.file());
                if let Some((name, slug)) = &page.series {
                    assert_eq!(posting["isPartOf"]["@type"], "CreativeWorkSeries");
                    assert_eq!(posting["isPartOf"]["name"], name.as_str());
                    let url = format!("{BASE_URL}series/{slug}/");
                    assert_eq!(posting["isPartOf"]["url"], url.as_str());
                }
            }
            Kind::Routed(PageKind::Series(_)) => {
                let series =
                    of_type("CreativeWorkSeries").unwrap_or_else(|| panic!("{}", page.file()));
                assert_eq!(series["name"], page.name.as_str());
                let trail = of_type("BreadcrumbList").unwrap_or_else(|| panic!("{}", page.file()));
                assert_eq!(trail["itemListElement"].as_array().unwrap().len(), 3);
            }
            Kind::Routed(PageKind::Home(1)) => {
                assert_eq!(of_type("Blog").unwrap()["url"], BASE_URL);
            }
            Kind::NotFound => assert!(graph.is_empty()),
            Kind::Routed(
                PageKind::Tags
                | PageKind::Archive
                | PageKind::SeriesIndex
                | PageKind::Search
                | PageKind::Tag(..)
                | PageKind::Author(..),
            ) => {
                let trail = of_type("BreadcrumbList").unwrap_or_else(|| panic!("{}", page.file()));
                assert!(trail["itemListElement"].as_array().unwrap().len() >= 2);
            }
            Kind::Routed(PageKind::Standalone(_)) => {
                let web_page = of_type("WebPage").unwrap_or_else(|| panic!("{}", page.file()));
                assert_eq!(web_page["name"], page.page_title.clone().unwrap().as_str());
                assert_eq!(web_page["isPartOf"]["url"], BASE_URL);
                assert_eq!(
                    heading[0].text().collect::<String>().trim(),
                    page.page_title.clone().unwrap()
                );
            }
            Kind::Routed(PageKind::Home(_)) => {}
            Kind::Redirect { .. } => unreachable!("checked above"),
        }
    }
    assert_eq!(redirects, 2, "the fixture's two aliases");
}

#[test]
fn code_is_highlighted_alike_in_the_page_and_the_feeds() {
    let (dir, _) = built_site();
    let page = read(dir.path(), "posts/compilers/index.html");
    let span = "<span class=\"hl-keyword\">fn</span>";
    assert!(page.contains(span), "{page}");
    assert!(
        page.contains("<span class=\"hl-function\">translate</span>"),
        "{page}"
    );
    assert!(read(dir.path(), "feed.xml")
        .contains("&lt;span class=&quot;hl-keyword&quot;&gt;fn&lt;/span&gt;"));
    assert!(read(dir.path(), "feed.json").contains("<span class=\\\"hl-keyword\\\">fn</span>"));
}

#[test]
fn links_to_posts_and_files_lead_under_the_base_path_in_the_page_and_in_full_in_the_feeds() {
    let (dir, _) = built_site();
    let page = read(dir.path(), "posts/compilers/index.html");
    let html = Html::parse_document(&page);
    let body = "#folio-page .post-body";
    let image = select(&html, &format!("{body} img"));
    assert_eq!(image.len(), 1, "{page}");
    assert_eq!(image[0].attr("src"), Some("/blog/posts/compilers/moth.png"));
    let hrefs: Vec<&str> = select(&html, &format!("{body} a:not(.heading-link)"))
        .iter()
        .filter_map(|link| link.attr("href"))
        .collect();
    assert!(hrefs.contains(&"/blog/files/notes.txt"), "{hrefs:?}");
    assert!(
        hrefs.contains(&"/blog/posts/analytical-engine/"),
        "{hrefs:?}"
    );
    // What they lead to is there: the copies beside the page and at the root.
    for file in ["posts/compilers/moth.png", "files/notes.txt"] {
        assert!(dir.path().join(file).is_file(), "{file} was not copied");
    }
    let other = read(dir.path(), "posts/analytical-engine/index.html");
    assert!(
        other.contains("href=\"/blog/posts/compilers/#words-not-numbers\""),
        "{other}"
    );
    let absolute = "https://full.example.org/blog/posts/compilers/moth.png";
    assert!(read(dir.path(), "feed.json").contains(absolute));
    assert!(read(dir.path(), "feed.xml").contains(absolute));
}

#[test]
fn a_cover_is_shown_on_its_post_and_in_the_listings_and_is_the_picture_of_its_previews() {
    let (dir, _) = built_site();
    let address = "https://full.example.org/blog/posts/compilers/moth.png";
    let page = read(dir.path(), "posts/compilers/index.html");
    let html = Html::parse_document(&page);
    let cover = select(&html, "#folio-page article.post > img.cover");
    assert_eq!(cover.len(), 1, "{page}");
    let attributes = ["src", "width", "height", "alt", "fetchpriority", "loading"];
    let shown: Vec<Option<&str>> = attributes.iter().map(|name| cover[0].attr(name)).collect();
    let expected = [
        Some("/blog/posts/compilers/moth.png"),
        Some("40"),
        Some("30"),
        Some(""),
        Some("high"),
        None,
    ];
    assert_eq!(shown, expected);
    let meta = |html: &Html, key: &str| -> Option<String> {
        let selector = format!("meta[property=\"{key}\"], meta[name=\"{key}\"]");
        select(html, &selector)
            .first()
            .and_then(|tag| tag.attr("content"))
            .map(str::to_owned)
    };
    assert_eq!(meta(&html, "og:image").as_deref(), Some(address));
    assert_eq!(meta(&html, "og:image:width").as_deref(), Some("40"));
    assert_eq!(meta(&html, "og:image:height").as_deref(), Some("30"));
    assert_eq!(
        meta(&html, "twitter:card").as_deref(),
        Some("summary_large_image")
    );
    let data: Value = serde_json::from_str(
        &select(&html, "script[type=\"application/ld+json\"]")[0].inner_html(),
    )
    .unwrap();
    let posting = data["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .find(|node| node["@type"] == "BlogPosting")
        .unwrap();
    assert_eq!(posting["image"]["url"], address);
    assert_eq!(
        (
            posting["image"]["width"].as_u64(),
            posting["image"]["height"].as_u64()
        ),
        (Some(40), Some(30))
    );
    // A post without a cover has none, and its link preview card as the picture of its previews.
    let other = Html::parse_document(&read(dir.path(), "posts/analytical-engine/index.html"));
    assert!(select(&other, "img.cover").is_empty());
    let card = meta(&other, "og:image").unwrap();
    assert!(
        card.starts_with("https://full.example.org/blog/data/cards/") && card.ends_with(".png"),
        "{card}"
    );
    assert_eq!(meta(&other, "og:image:width").as_deref(), Some("1200"));
    assert_eq!(meta(&other, "og:image:height").as_deref(), Some("630"));
    assert_eq!(meta(&other, "twitter:image"), Some(card.clone()));
    assert_eq!(
        meta(&other, "twitter:card").as_deref(),
        Some("summary_large_image")
    );
    let card_file = card.trim_start_matches("https://full.example.org/blog/");
    assert!(dir.path().join(card_file).is_file(), "{card_file}");
    // In the listings, beside its title; and in the JSON Feed's entry.
    let home = Html::parse_document(&read(dir.path(), "tags/compilers/index.html"));
    let covers = select(&home, "#folio-page .post-summary img.cover");
    assert_eq!(covers.len(), 1);
    assert_eq!(
        covers[0].attr("src"),
        Some("/blog/posts/compilers/moth.png")
    );
    let feed: Value = serde_json::from_str(&read(dir.path(), "feed.json")).unwrap();
    let items = feed["items"].as_array().unwrap();
    let with_image: Vec<&Value> = items
        .iter()
        .filter(|item| item.get("image").is_some())
        .collect();
    assert_eq!(with_image.len(), 1);
    assert_eq!(with_image[0]["image"], address);
}

#[test]
fn every_page_has_the_search_form_and_the_search_page_says_it_needs_javascript() {
    let (dir, pages) = built_site();
    for page in pages.iter().filter(|page| page.in_sitemap()) {
        let html = Html::parse_document(&read(dir.path(), &page.file()));
        let form = select(&html, "header form[role=search]");
        assert_eq!(form.len(), 1, "{}", page.file());
        assert_eq!(form[0].value().attr("action"), Some("/blog/search/"));
        assert_eq!(form[0].value().attr("method"), Some("get"));
        let input = select(&html, "header form[role=search] input[type=search][name=q]");
        let id = input[0].value().attr("id").unwrap();
        assert_eq!(select(&html, &format!("label[for={id}]")).len(), 1);
    }
    let search = pages
        .iter()
        .find(|page| page.kind == Kind::Routed(PageKind::Search))
        .unwrap();
    assert_eq!(search.file(), "search/index.html");
    assert!(!search.in_sitemap());
    let html = Html::parse_document(&read(dir.path(), &search.file()));
    assert_eq!(
        select(&html, "meta[name=robots]")[0]
            .value()
            .attr("content"),
        Some("noindex")
    );
    let note: String = select(&html, "main noscript")[0].inner_html();
    assert!(note.contains("Search needs JavaScript"), "{note}");
    assert!(note.contains("href=\"/blog/archive/\""), "{note}");
}

#[test]
fn a_site_without_search_has_no_box_no_search_page_and_no_index() {
    let source = tempfile::tempdir().unwrap();
    copy_folder(&support::site("full"), source.path());
    let settings = source.path().join("site.toml");
    let text = fs::read_to_string(&settings).unwrap();
    fs::write(&settings, format!("search = false\n{text}")).unwrap();
    let (dir, pages) = built(source.path());
    assert!(pages
        .iter()
        .all(|page| page.kind != Kind::Routed(PageKind::Search)));
    assert!(!dir.path().join("search").exists());
    assert!(!dir.path().join("data/search").exists());
    let site: Value = serde_json::from_str(&read(dir.path(), "data/site.json")).unwrap();
    assert_eq!(site["search"], Value::Bool(false));
    for page in &pages {
        let html = Html::parse_document(&read(dir.path(), &page.file()));
        assert!(
            select(&html, "form[role=search]").is_empty(),
            "{}",
            page.file()
        );
    }
}

#[test]
fn reading_offline_has_its_worker_manifest_and_icons_and_can_be_turned_off() {
    let (dir, pages) = built_site();
    let worker = read(dir.path(), "sw.js");
    let list = |name: &str| -> Vec<String> {
        serde_json::from_str(
            worker
                .split(&format!("const {name} = "))
                .nth(1)
                .and_then(|rest| rest.split(";\n").next())
                .unwrap(),
        )
        .unwrap()
    };
    // The app's files, answered from the cache; what changes under its name, renewed.
    let (keep, fresh) = (list("KEEP"), list("FRESH"));
    for kept in ["folio-0123456789abcdef.js", "favicon-0123456789abcdef.svg"] {
        assert!(keep.iter().any(|file| file == kept), "{kept} in {keep:?}");
    }
    for renewed in [
        "./",
        "data/site.json",
        "data/index/page-1.json",
        "icon-192.png",
        "manifest.webmanifest",
    ] {
        assert!(
            fresh.iter().any(|file| file == renewed),
            "{renewed} in {fresh:?}"
        );
        assert!(
            !keep.iter().any(|file| file == renewed),
            "{renewed} in {keep:?}"
        );
    }
    assert!(
        keep.iter().any(|file| file.starts_with("loader-")),
        "{keep:?}"
    );
    assert!(
        !keep.iter().any(|file| file.starts_with("search_engine")),
        "the search engine loads only when a reader searches: {keep:?}"
    );
    assert!(!worker.contains("__FOLIO_"), "every value is filled in");
    let manifest: Value = serde_json::from_str(&read(dir.path(), "manifest.webmanifest")).unwrap();
    assert_eq!(manifest["name"], "Full & <Fixture> blog");
    assert_eq!(manifest["start_url"], "./");
    for (icon, size) in [("icon-192.png", 192), ("icon-512.png", 512)] {
        let picture = image::open(dir.path().join(icon)).unwrap();
        assert_eq!((picture.width(), picture.height()), (size, size));
    }
    // Every page of the app's template (an old address's page only leads on).
    for page in pages
        .iter()
        .filter(|page| !matches!(page.kind, Kind::Redirect { .. }))
    {
        let html = Html::parse_document(&read(dir.path(), &page.file()));
        let link = select(&html, "link[rel=manifest]");
        assert_eq!(link.len(), 1, "{}", page.file());
        assert_eq!(link[0].value().attr("data-worker"), Some("/blog/sw.js"));
    }

    let source = tempfile::tempdir().unwrap();
    copy_folder(&support::site("full"), source.path());
    let settings = source.path().join("site.toml");
    let text = fs::read_to_string(&settings).unwrap();
    fs::write(&settings, format!("offline = false\n{text}")).unwrap();
    let (dir, pages) = built(source.path());
    for file in ["sw.js", "manifest.webmanifest", "icon-192.png"] {
        assert!(!dir.path().join(file).exists(), "{file}");
    }
    let home = read(dir.path(), &pages[0].file());
    assert!(!home.contains("rel=\"manifest\""));
}

fn copy_folder(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        match path.is_dir() {
            true => copy_folder(&path, &target),
            false => {
                fs::copy(&path, &target).unwrap();
            }
        }
    }
}

#[test]
fn every_address_the_feed_sitemap_and_canonical_links_give_is_a_built_page() {
    let (dir, list) = built_site();
    let mut addresses = Vec::new();
    let feed = atom_syndication::Feed::read_from(read(dir.path(), "feed.xml").as_bytes()).unwrap();
    addresses.extend(
        feed.entries
            .iter()
            .flat_map(|entry| entry.links.iter().map(|link| link.href.clone())),
    );
    let sitemap = read(dir.path(), "sitemap.xml");
    addresses.extend(
        sitemap
            .split("<loc>")
            .skip(1)
            .filter_map(|rest| rest.split("</loc>").next())
            .map(str::to_owned),
    );
    for page in &list {
        let html = Html::parse_document(&read(dir.path(), &page.file()));
        addresses.extend(
            select(&html, "link[rel=canonical], link[rel=prev], link[rel=next]")
                .iter()
                .map(|link| link.value().attr("href").unwrap().to_owned()),
        );
    }
    let indexed = list.iter().filter(|page| page.in_sitemap()).count();
    assert!(addresses.len() > indexed * 2, "{addresses:?}");
    for url in addresses {
        assert!(
            dir.path().join(file_of(&url)).is_file(),
            "{url} is not a built page"
        );
    }
}

#[test]
fn the_loaders_become_files_and_the_host_files_carry_the_same_policy() {
    let (dir, _) = built_site();
    let named = |prefix: &str| -> String {
        let names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.starts_with(prefix) && name.ends_with(".js"))
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
        names[0].clone()
    };
    let (loader, start) = (named("loader-"), named("start-"));
    assert!(read(dir.path(), &start).contains("import init from '/blog/folio-0123456789abcdef.js'"));
    assert!(read(dir.path(), &loader).contains("first-contentful-paint"));
    // Pages load Folio's loader; trunk's waits in the template, with the app's preloads.
    let index = read(dir.path(), "index.html");
    let html = Html::parse_document(&index);
    let scripts: Vec<_> = select(&html, "script[type=module]")
        .iter()
        .map(|script| script.value().attr("src").unwrap().to_owned())
        .collect();
    assert_eq!(scripts, [format!("/blog/{loader}")]);
    let template = select(&html, "head template#folio-app");
    assert_eq!(
        template[0].value().attr("data-start"),
        Some(format!("/blog/{start}").as_str())
    );
    let (outside, held) = index.split_once("<template id=\"folio-app\"").unwrap();
    let (held, after) = held.split_once("</template>").unwrap();
    let outside = format!("{outside}{after}");
    for preload in ["rel=\"modulepreload\"", "type=\"application/wasm\""] {
        assert!(held.contains(preload), "{held}");
        assert!(!outside.contains(preload), "{outside}");
    }
    // The app adopts the page as built: no data is fetched for it. The search page, which the
    // app shows from the site settings, fetches them at once.
    // (The link preview card's address, in a meta tag, is fetched by no browser.)
    assert!(
        !outside.replace("/data/cards/", "").contains("data/"),
        "{outside}"
    );
    let search = read(dir.path(), "search/index.html");
    assert!(search.contains("<link rel=\"preload\" href=\"/blog/data/site.json\""));
    let loader = loader.as_str();
    let headers = read(dir.path(), "_headers");
    let policy = headers
        .lines()
        .find_map(|line| line.trim().strip_prefix("Content-Security-Policy: "))
        .unwrap();
    let meta = Html::parse_document(&index);
    let meta = select(&meta, "meta[http-equiv=\"Content-Security-Policy\"]")[0]
        .value()
        .attr("content")
        .unwrap()
        .to_owned();
    // The header says all the meta tag says, and what only a header can: frame-ancestors.
    assert_eq!(format!("{meta}; frame-ancestors 'none'"), policy);
    assert!(
        headers.contains(&format!(
            "/blog/{}\n  Cache-Control: public, max-age=31536000, immutable",
            loader
        )),
        "{headers}"
    );
    assert!(
        headers.contains(
            "/blog/folio-0123456789abcdef.js\n  Cache-Control: public, max-age=31536000, immutable"
        ),
        "{headers}"
    );
    // nginx's cache map lists exactly the files `_headers` keeps for a year.
    let immutable = read(dir.path(), "_immutable.map");
    let kept = headers.matches("max-age=31536000").count();
    assert_eq!(immutable.lines().count(), kept, "{immutable}");
    assert!(immutable.contains(
        "\"/blog/folio-0123456789abcdef.js\" \"public, max-age=31536000, immutable\";\n"
    ));
    assert!(read(dir.path(), "_redirects").contains("/blog/atom.xml /blog/feed.xml 301"));
    // Every text file has a gzip copy; the app's files a brotli copy as well.
    for (file, brotli) in [
        ("index.html", false),
        ("posts/bugs/index.html", false),
        ("data/site.json", false),
        ("feed.xml", false),
        ("folio-0123456789abcdef.js", true),
        (loader, true),
    ] {
        assert!(dir.path().join(format!("{file}.gz")).is_file(), "{file}.gz");
        let br = dir.path().join(format!("{file}.br"));
        assert_eq!(br.is_file(), brotli, "{file}.br");
    }
    assert!(!dir.path().join("index.html.br.br").exists());
}
