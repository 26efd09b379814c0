//! The dev server (`folio-bundler --serve`), run for real on this machine: it serves the built
//! site with the reload script, tells the pages of each build over its event stream, shows a
//! broken post's located problem while the last good site stays served, and recovers when it
//! is mended; folders that appear after it started are watched.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::{
    fs,
    io::{BufRead, BufReader, Read, Write},
    net::{TcpListener, TcpStream},
    path::Path,
    process::{Child, Command, Stdio},
    thread,
    time::{Duration, Instant},
};

/// The server, stopped when the test ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A port of this machine that nothing listens on.
fn free_address() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().to_string()
}

/// The status line and body of `GET path`.
fn get(address: &str, path: &str) -> Option<(String, String)> {
    let mut stream = TcpStream::connect(address).ok()?;
    let request = format!("GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).ok()?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).ok()?;
    let (head, body) = answer.split_once("\r\n\r\n")?;
    Some((head.lines().next()?.to_owned(), body.to_owned()))
}

/// The build `path` is served from, as its `Server-Timing` header says.
fn served_build(address: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(address).unwrap();
    let request = format!("GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let timing = answer
        .lines()
        .find_map(|line| line.strip_prefix("Server-Timing: "))
        .unwrap_or_else(|| panic!("no Server-Timing in {answer}"));
    let build = timing.strip_prefix("folio-build;desc=\"").unwrap();
    build.trim_end_matches('"').to_owned()
}

/// The event stream: each event's name and data, as they come.
struct Events(BufReader<TcpStream>);

impl Events {
    fn open(address: &str) -> Events {
        let mut stream = TcpStream::connect(address).unwrap();
        stream
            .write_all(b"GET /_folio/events HTTP/1.1\r\nHost: test\r\n\r\n")
            .unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        Events(BufReader::new(stream))
    }

    /// The next event: its name and its data, lines joined.
    fn next(&mut self) -> (String, String) {
        let (mut name, mut data) = (String::new(), Vec::new());
        loop {
            let mut line = String::new();
            assert!(self.0.read_line(&mut line).unwrap() > 0, "the stream ended");
            let line = line.trim_end_matches(['\r', '\n']);
            if let Some(value) = line.strip_prefix("event: ") {
                name = value.to_owned();
            } else if let Some(value) = line.strip_prefix("data: ") {
                data.push(value.to_owned());
            } else if line.is_empty() && !name.is_empty() {
                return (name, data.join("\n"));
            }
        }
    }
}

fn write(site: &Path, file: &str, text: &str) {
    let path = site.join(file);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

#[test]
fn the_dev_server_rebuilds_reloads_and_shows_problems() {
    let work = tempfile::tempdir().unwrap();
    let site = work.path().join("site");
    // Settings without a description and a language: the first build fails.
    let settings = "title = \"Dev\"\nbase_url = \"https://dev.example.org/\"\n";
    write(&site, "site.toml", settings);
    write(
        &site,
        "posts/first.md",
        "+++\ntitle = \"First\"\ndate = 2020-01-01\n+++\n\nHello.\n",
    );
    let app = work.path().join("app");
    fs::create_dir_all(&app).unwrap();
    support::app(&app);
    let address = free_address();
    let _server = Server(
        Command::new(env!("CARGO_BIN_EXE_folio-bundler"))
            .arg("--serve")
            .arg(&address)
            .arg("--site")
            .arg(&site)
            .arg("--app")
            .arg(&app)
            .arg("--out")
            .arg(work.path().join("served"))
            .env("FOLIO_NOW", support::NOW)
            .env("FOLIO_CACHE_DIR", work.path().join("cache"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let started = Instant::now();
    let page = loop {
        if let Some((status, body)) = get(&address, "/posts/first/") {
            break (status, body);
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the server did not start"
        );
        thread::sleep(Duration::from_millis(50));
    };
    // Nothing built yet: a page that loads the reload script, which shows the problems.
    assert_eq!(page.0, "HTTP/1.1 404 Not Found");
    assert!(page.1.contains("_folio/live.js"), "{}", page.1);
    let mut events = Events::open(&address);
    let (name, problems) = events.next();
    assert_eq!(name, "problems");
    let missing = "site.toml:1:1: missing required field \"description\"";
    assert!(problems.contains(missing), "{problems}");

    // Mended: built, and served.
    let settings = format!("{settings}description = \"A site\"\nlanguage = \"en\"\n");
    write(&site, "site.toml", &settings);
    let (name, first) = events.next();
    assert_eq!(name, "built");
    assert_eq!(served_build(&address, "/posts/first/"), first);
    let page = get(&address, "/posts/first/").unwrap();
    assert_eq!(page.0, "HTTP/1.1 200 OK");
    assert!(page.1.contains("Hello."), "{}", page.1);
    assert!(
        page.1
            .contains("<script type=\"module\" src=\"/_folio/live.js\"></script>"),
        "{}",
        page.1
    );
    assert!(page.1.contains("Content-Security-Policy"));
    let script = get(&address, "/_folio/live.js").unwrap();
    assert!(script.1.contains("EventSource"), "{}", script.1);
    assert_eq!(
        get(&address, "/posts/none/").unwrap().0,
        "HTTP/1.1 404 Not Found"
    );

    // A post's text changes: a new build, and the page shows it.
    write(
        &site,
        "posts/first.md",
        "+++\ntitle = \"First\"\ndate = 2020-01-01\n+++\n\nHello again.\n",
    );
    let (name, second) = events.next();
    assert_eq!(name, "built");
    assert_ne!(second, first);
    // Pages say which build they come from: one that connects after this build reloads if it
    // was served before it.
    assert_eq!(served_build(&address, "/posts/first/"), second);
    assert!(get(&address, "/posts/first/")
        .unwrap()
        .1
        .contains("Hello again."));

    // A broken post: its problem, located, and the last good site still served.
    write(&site, "posts/broken.md", "+++\ntitle = \"Broken\"\n");
    let (name, problems) = events.next();
    assert_eq!(name, "problems");
    assert!(problems.contains("posts/broken.md:1:1"), "{problems}");
    assert!(problems.contains("help:"), "{problems}");
    assert!(get(&address, "/posts/first/")
        .unwrap()
        .1
        .contains("Hello again."));

    // Mended: built again. A folder that did not exist is watched once it does.
    fs::remove_file(site.join("posts/broken.md")).unwrap();
    assert_eq!(events.next().0, "built");
    write(&site, "static/notes.txt", "kept as it is");
    assert_eq!(events.next().0, "built");
    assert_eq!(get(&address, "/notes.txt").unwrap().1, "kept as it is");
}
