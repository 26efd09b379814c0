//! Files beside a post or page that a browser would run as the site's own code if a reader
//! opened them: an HTML page or a script is published from the site's origin, where the
//! Content-Security-Policy's `script-src 'self'` lets it run. Unless `site.toml` trusts the
//! authors (`trusted_html = true`), such files beside a post are refused; `static/` is where a
//! site publishes its own code on purpose. An SVG may stay if it holds nothing that runs: no
//! script, no event handler, no `javascript:` address, nothing embedded.

use quick_xml::{events::Event, Reader};

/// The extensions of files a browser runs, or renders as a document that can run script (an
/// XML document may hold XHTML's `<script>`): as hosts' type lists (mime-db) serve them.
const ACTIVE: [&str; 24] = [
    "html", "htm", "xhtml", "xht", "shtml", "js", "mjs", "cjs", "jsx", "xml", "xsl", "xslt",
    "svgz", "wasm", "rss", "atom", "rdf", "mml", "xsd", "rng", "kml", "xul", "htc", "swf",
];

/// The largest SVG read to be checked: larger is refused.
const MAX_SVG_BYTES: usize = 16 << 20;

/// Elements that run or embed something in an SVG.
const ACTIVE_ELEMENTS: [&str; 9] = [
    "script",
    "foreignobject",
    "iframe",
    "embed",
    "object",
    "handler",
    "listener",
    "set",
    "animate",
];

/// Why the file named `name`, with these `bytes`, may not be published beside a post of a site
/// that does not trust its authors; `None` if it may.
pub fn refused(name: &str, bytes: impl FnOnce() -> std::io::Result<Vec<u8>>) -> Option<String> {
    let extension = name.rsplit_once('.')?.1.to_ascii_lowercase();
    if ACTIVE.contains(&extension.as_str()) {
        return Some(format!(
            "a .{extension} file beside a post would be served from the site's own address, where a browser runs it as the site's code"
        ));
    }
    if extension != "svg" {
        return None;
    }
    let bytes = match bytes() {
        Ok(bytes) => bytes,
        Err(error) => return Some(format!("the SVG cannot be read to check it: {error}")),
    };
    if bytes.len() > MAX_SVG_BYTES {
        return Some(format!(
            "the SVG is more than {} MB, too large to check",
            MAX_SVG_BYTES >> 20
        ));
    }
    svg_activity(&bytes).map(|what| {
        format!("the SVG holds {what}, which a browser runs when a reader opens the file")
    })
}

/// What in the SVG `bytes` could run, if anything: a script, an event handler, a `javascript:`
/// address, embedded content, or markup that cannot be read as XML (and so cannot be checked).
fn svg_activity(bytes: &[u8]) -> Option<String> {
    // Read as UTF-8, as the checks below read it: a browser would decode UTF-16 (by its byte
    // order mark) into markup these bytes do not show.
    if std::str::from_utf8(bytes).is_err() || bytes.contains(&0) {
        return Some("text that is not UTF-8 (which this check reads)".to_owned());
    }
    let mut reader = Reader::from_reader(bytes);
    let mut buffer = Vec::new();
    loop {
        let element = match reader.read_event_into(&mut buffer) {
            Ok(Event::Eof) => return None,
            Ok(Event::Start(element) | Event::Empty(element)) => element,
            Ok(Event::DocType(_)) => {
                return Some("a DOCTYPE (which may declare entities)".to_owned())
            }
            // `<?xml-stylesheet?>` may apply XSLT, which may write a script.
            Ok(Event::PI(_)) => return Some("a processing instruction (<?…?>)".to_owned()),
            Ok(_) => {
                buffer.clear();
                continue;
            }
            Err(error) => return Some(format!("markup that is not well-formed XML ({error})")),
        };
        let name = String::from_utf8_lossy(element.local_name().as_ref()).to_ascii_lowercase();
        if ACTIVE_ELEMENTS.contains(&name.as_str()) {
            return Some(format!("a <{name}> element"));
        }
        for attribute in element.attributes() {
            let Ok(attribute) = attribute else {
                return Some("an attribute that cannot be read".to_owned());
            };
            let key =
                String::from_utf8_lossy(attribute.key.local_name().as_ref()).to_ascii_lowercase();
            if key.starts_with("on") {
                return Some(format!("an event handler ({key}=)"));
            }
            let value: String = String::from_utf8_lossy(&attribute.value)
                .chars()
                .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
                .collect::<String>()
                .to_ascii_lowercase();
            let scheme_like = value.contains("javascript:")
                || value.contains("data:text/html")
                || value.contains("&#");
            if key == "href" && scheme_like {
                return Some(format!("an address that runs script ({key}=)"));
            }
        }
        buffer.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn svg(text: &str) -> Option<String> {
        refused("chart.svg", || Ok(text.as_bytes().to_vec()))
    }

    #[test]
    fn pages_and_scripts_are_refused_and_other_files_are_not() {
        for name in [
            "demo.html",
            "x.HTM",
            "app.js",
            "feed.xml",
            "a.svgz",
            "m.mjs",
            "f.rss",
            "m.mml",
        ] {
            assert!(refused(name, || Ok(Vec::new())).is_some(), "{name}");
        }
        for name in ["chart.png", "notes.txt", "data.csv", "paper.pdf", "README"] {
            assert_eq!(refused(name, || Ok(Vec::new())), None, "{name}");
        }
    }

    #[test]
    fn an_svg_may_stay_only_if_nothing_in_it_runs() {
        let plain = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><a href=\"https://x.org\"><rect width=\"10\" height=\"10\" style=\"fill:red\"/></a></svg>";
        assert_eq!(svg(plain), None);
        for active in [
            "<svg><script>alert(1)</script></svg>",
            "<svg><SCRIPT>alert(1)</SCRIPT></svg>",
            "<svg onload=\"alert(1)\"/>",
            "<svg><rect ONCLICK=\"alert(1)\"/></svg>",
            "<svg xmlns:x=\"http://www.w3.org/1999/xlink\"><a x:href=\"java\tscript:alert(1)\">a</a></svg>",
            "<svg><a href=\"&#106;avascript:alert(1)\">a</a></svg>",
            "<svg><foreignObject><iframe/></foreignObject></svg>",
            "<svg><set attributeName=\"href\" to=\"javascript:alert(1)\"/></svg>",
            "<!DOCTYPE svg [<!ENTITY x \"y\">]><svg/>",
            "<svg><rect></svg>",
            "<?xml-stylesheet type=\"text/xsl\" href=\"b.svg\"?><svg/>",
        ] {
            assert!(svg(active).is_some(), "{active}");
        }
        let utf16: Vec<u8> = "\u{feff}<svg><script>alert(1)</script></svg>"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(refused("x.svg", || Ok(utf16)).is_some());
        assert_eq!(
            svg("<?xml version=\"1.0\" encoding=\"UTF-8\"?><svg/>"),
            None
        );
    }
}
