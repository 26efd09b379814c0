//! What a feed's text must be wherever a feed reader reads it: only characters XML 1.0 allows
//! (a terminal's colour codes pasted into a code block, or a form feed, would make the whole
//! feed unreadable to a strict reader), and every address whole, since an entry is read away
//! from the site, where `/tags/` or `#fn:1` would lead nowhere.

/// `text` without the characters XML 1.0 forbids: the C0 controls but tab, line feed and
/// carriage return, and U+FFFE and U+FFFF. Anything else is left as it is.
pub fn xml_safe(text: &str) -> String {
    text.chars().filter(|&c| allowed_in_xml(c)).collect()
}

fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='\u{FFFD}' | '\u{10000}'..)
}

/// `html` (as the renderer writes it: text escaped, so every `<` opens a tag, and every
/// attribute in double quotes) with each `href` and `src` in a tag that is not a whole address
/// made whole against `page_url`, the entry's own address (ending in `/`): `#fn:1` leads to the
/// note on the post's page, `/tags/` to the tags of the site's host, `chart.png` to the file
/// beside the post. Text, a code sample's `src="…"` say, is left as it is. (Raw HTML of a site
/// that trusts its authors is read the same way: an attribute in single quotes stays as written.)
pub fn whole_addresses(html: &str, page_url: &str) -> String {
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let close = rest[open..]
            .find('>')
            .map_or(rest.len(), |end| open + end + 1);
        out.push_str(&rest[..open]);
        whole_in_tag(&rest[open..close], page_url, &mut out);
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// `tag` (from its `<` to its `>`) into `out`, with its addresses made whole.
fn whole_in_tag(tag: &str, page_url: &str, out: &mut String) {
    let mut rest = tag;
    while let Some(at) = next_address(rest) {
        let (before, value_and_after) = rest.split_at(at);
        out.push_str(before);
        let end = value_and_after.find('"').unwrap_or(value_and_after.len());
        out.push_str(&whole(&value_and_after[..end], page_url));
        rest = &value_and_after[end..];
    }
    out.push_str(rest);
}

/// Where the value of the next ` href="` or ` src="` in `html` starts.
fn next_address(html: &str) -> Option<usize> {
    [" href=\"", " src=\""]
        .iter()
        .filter_map(|attribute| html.find(attribute).map(|at| at + attribute.len()))
        .min()
}

/// `url` made whole against `page_url`; as it is if it has a scheme already.
fn whole(url: &str, page_url: &str) -> String {
    let (scheme, after_scheme) = page_url.split_once("://").unwrap_or(("https", page_url));
    let origin_end = after_scheme.find('/').unwrap_or(after_scheme.len());
    let origin = &page_url[..scheme.len() + 3 + origin_end];
    let folder = &page_url[..page_url.rfind('/').map_or(page_url.len(), |at| at + 1)];
    if folio_content::render::scheme_of(url).is_some() {
        url.to_owned()
    } else if url.starts_with("//") {
        format!("{scheme}:{url}")
    } else if url.starts_with('/') {
        format!("{origin}{url}")
    } else if url.starts_with('#') || url.starts_with('?') || url.is_empty() {
        format!("{page_url}{url}")
    } else {
        format!("{folder}{url}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_xml_forbids_are_taken_out() {
        assert_eq!(
            xml_safe("\u{1b}[31mred\u{1b}[0m\u{c}\tline\r\n\u{0}\u{fffe}\u{ffff}é✓𝄞"),
            "[31mred[0m\tline\r\né✓𝄞"
        );
    }

    #[test]
    fn every_address_becomes_whole() {
        let page = "https://x.org/blog/posts/moths/";
        let html = "<p><a href=\"#fn:1\">1</a> <a href=\"/tags/\">t</a> <a href=\"chart.png\">c</a> \
                    <a href=\"https://y.org/\" rel=\"x\">y</a> <img src=\"//cdn.org/a.png\" alt=\"a\"> \
                    <a href=\"mailto:a@b.c\">m</a> <a href=\"?q=1\">q</a> href=&quot;/not/&quot; \
                    <code>&lt;img src=\"logo.png\"&gt;</code></p>";
        assert_eq!(
            whole_addresses(html, page),
            "<p><a href=\"https://x.org/blog/posts/moths/#fn:1\">1</a> \
             <a href=\"https://x.org/tags/\">t</a> \
             <a href=\"https://x.org/blog/posts/moths/chart.png\">c</a> \
             <a href=\"https://y.org/\" rel=\"x\">y</a> <img src=\"https://cdn.org/a.png\" alt=\"a\"> \
             <a href=\"mailto:a@b.c\">m</a> <a href=\"https://x.org/blog/posts/moths/?q=1\">q</a> \
             href=&quot;/not/&quot; <code>&lt;img src=\"logo.png\"&gt;</code></p>"
        );
    }
}
