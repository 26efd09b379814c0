//! The fixed pools generated posts draw from: titles, tags, authors, words, headings, links, code.

/// Site authors with their roles.
pub const AUTHORS: &[(&str, &str)] = &[
    ("Ada Okafor", "Editor"),
    ("Bruno Lindqvist", "Site reliability engineer"),
    ("Chen Wei", "Front-end developer"),
    ("Dana Morales", "Technical writer"),
    ("Emil Novak", "Performance engineer"),
];

#[rustfmt::skip]
pub const TAGS: &[&str] = &[
    "rust", "webassembly", "performance", "caching", "cdn", "markdown", "testing", "tooling", "ci",
    "releases", "accessibility", "css", "fonts", "images", "feeds", "seo", "security",
    "observability", "incidents", "databases", "apis", "design", "writing", "process", "hiring",
    "open-source", "dependencies", "compilers", "memory", "networking",
];

#[rustfmt::skip]
pub const TOPICS: &[&str] = &[
    "static site generators", "WebAssembly", "incremental builds", "build caches",
    "content pipelines", "Markdown parsing", "CDN caching", "RSS feeds", "client-side routing",
    "image optimisation", "font loading", "accessibility audits", "dark mode", "search indexes",
    "service workers", "HTTP caching headers", "error handling", "property testing",
    "snapshot tests", "fuzzing", "release engineering", "dependency updates", "code review",
    "on-call rotations", "technical writing", "API design", "database migrations", "observability",
    "log retention", "feature flags", "type-driven design", "memory profiling", "async runtimes",
    "compile times", "binary size", "continuous integration", "monorepos", "semantic versioning",
    "internationalisation", "time zones",
];

#[rustfmt::skip]
pub const ADJECTIVES: &[&str] = &[
    "practical", "gentle", "skeptical", "short", "slow", "opinionated", "field", "beginner's",
];

#[rustfmt::skip]
pub const SUBTITLES: &[&str] = &[
    "a field report", "lessons learned", "the boring parts", "what we got wrong", "a second look",
    "myths and measurements", "the short version", "questions from readers",
];

#[rustfmt::skip]
pub const THINGS: &[&str] = &[
    "build pipeline", "feed generator", "search indexer", "image resizer", "link checker",
    "deploy script", "sitemap writer", "comment system",
];

#[rustfmt::skip]
pub const LANGUAGES: &[&str] = &[
    "Rust", "Go", "TypeScript", "Zig", "plain shell",
];

#[rustfmt::skip]
pub const METRICS: &[&str] = &[
    "build times", "page weight", "cold starts", "memory use", "CI minutes", "bundle size",
    "time to first byte",
];

#[rustfmt::skip]
pub const AUDIENCES: &[&str] = &[
    "small teams", "new maintainers", "managers", "writers", "everyone",
];

#[rustfmt::skip]
pub const WORDS: &[&str] = &[
    "the", "a", "build", "site", "page", "post", "reader", "cache", "server", "browser", "file",
    "folder", "request", "response", "change", "release", "test", "bug", "fix", "team", "week",
    "time", "cost", "size", "budget", "step", "tool", "script", "config", "setting", "default",
    "error", "message", "warning", "log", "metric", "graph", "number", "result", "question",
    "answer", "idea", "plan", "draft", "review", "feedback", "user", "author", "editor", "link",
    "image", "table", "list", "heading", "layout", "theme", "style", "font", "colour", "contrast",
    "query", "index", "feed", "sitemap", "route", "bundle", "module", "crate", "package",
    "version", "lockfile", "compiler", "runtime", "thread", "queue", "worker", "job", "pipeline",
    "deploy", "rollback", "outage", "incident", "alert", "dashboard", "trace", "profile", "flame",
    "allocation", "memory", "disk", "network", "latency", "throughput", "edge", "origin", "header",
    "status", "redirect", "fallback", "is", "was", "became", "stays", "needs", "makes", "takes",
    "gives", "keeps", "breaks", "finds", "shows", "hides", "moves", "checks", "writes", "reads",
    "renders", "parses", "measures", "runs", "waits", "fails", "passes", "grows", "shrinks",
    "quietly", "slowly", "quickly", "often", "rarely", "always", "never", "almost", "only",
    "still", "again", "first", "later", "today", "small", "large", "simple", "careful", "boring",
    "useful", "fragile", "stable", "fast", "slow", "cheap", "expensive", "clear", "obvious",
    "surprising", "manual", "automatic", "local", "remote", "shared", "private", "new", "old",
    "every", "each", "some", "most", "few", "many", "no", "one", "two", "three", "of", "in", "on",
    "for", "with", "without", "after", "before", "during", "because", "but", "and", "or", "so",
    "when", "while", "then", "than", "that", "this", "it", "we", "they", "you",
];

#[rustfmt::skip]
pub const CODE_WORDS: &[&str] = &[
    "cargo build --release", "Vec<u8>", "serde_json::to_vec", "Cache-Control", "404", "index.html",
    "site.toml", "--drafts", "Option<String>", "HashMap", "async fn", "git bisect", "npm ci",
    "max-age=3600", "wasm32-unknown-unknown", "posts/", "Result<(), Error>", "#[test]", "fetch()",
    "robots.txt", "feed.xml", "RUST_LOG=debug", "perf record", "O(n log n)", "SIGTERM",
];

#[rustfmt::skip]
pub const EXTERNAL_LINKS: &[&str] = &[
    "https://developer.mozilla.org/en-US/docs/Web/HTTP/Caching", "https://doc.rust-lang.org/book/",
    "https://commonmark.org/help/", "https://en.wikipedia.org/wiki/Static_web_page",
    "https://www.rfc-editor.org/rfc/rfc4287", "https://github.com/pulldown-cmark/pulldown-cmark",
    "https://web.dev/articles/vitals", "https://www.sitemaps.org/protocol.html",
    "https://docs.rs/serde_json/latest/serde_json/", "https://webassembly.org/",
];

#[rustfmt::skip]
pub const HEADINGS: &[&str] = &[
    "Background", "The problem", "What we tried first", "Measuring it", "A closer look",
    "What changed", "Results", "Trade-offs", "What we got wrong", "Setting it up", "In practice",
    "Edge cases", "Costs", "Why it matters", "The boring part", "Numbers", "Open questions",
    "Next steps", "Lessons", "A detour", "How it works", "Failure modes", "Rolling it out",
    "Testing it", "Looking back",
];

#[rustfmt::skip]
pub const NAMES: &[&str] = &[
    "post", "page", "entry", "item", "record", "cache", "feed", "site",
];

/// Fenced code blocks by language; NAME is replaced by a word from `NAMES`.
#[rustfmt::skip]
pub const CODE_BLOCKS: &[(&str, &str)] = &[
    ("rust", "fn load_NAME(path: &Path) -> Result<String> {\n    let text = fs::read_to_string(path)\n        .with_context(|| format!(\"reading {}\", path.display()))?;\n    Ok(text.trim().to_owned())\n}"),
    ("rust", "#[derive(Debug, Serialize)]\nstruct NAME_summary {\n    title: String,\n    words: usize,\n    tags: Vec<String>,\n}"),
    ("toml", "[NAME]\nenabled = true\nmax_age = 3600\npaths = [\"posts/\", \"style/\"]"),
    ("sh", "cargo build --release\n./target/release/NAME-tool --site . --out dist\nls -l dist/data | head"),
    ("javascript", "const NAME = await fetch(`/data/NAMEs.json`);\nif (!NAME.ok) throw new Error(`status ${NAME.status}`);\nconsole.log((await NAME.json()).length);"),
    ("python", "import json\n\nwith open(\"NAME.json\") as f:\n    data = json.load(f)\nprint(len(data[\"NAMEs\"]))"),
    ("json", "{\n  \"NAME\": \"hello-world\",\n  \"date\": \"2020-01-01\",\n  \"tags\": [\"example\"]\n}"),
    ("", "$ time make NAME\nreal    0m1.204s\nuser    0m2.911s\nsys     0m0.310s"),
];
