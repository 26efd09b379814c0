//! The renderer's output for every Markdown feature and under the safety policy.

use super::*;
use crate::{outline::outline, HighlightedCode, ImageFacts, LocalLink};

fn render(markdown: &str) -> String {
    render_with(markdown, &[], &RenderOptions::default())
}

fn render_with(
    markdown: &str,
    code: &[Option<HighlightedCode>],
    options: &RenderOptions,
) -> String {
    let body = Body {
        markdown: markdown.to_owned(),
        outline: outline(markdown),
        code: code.to_vec(),
        ..Body::default()
    };
    render_html(&body, options)
}

#[test]
fn table_alignment_is_a_class_not_a_style() {
    let html = render("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |");
    assert!(!html.contains("style"), "{html}");
    assert_eq!(
        html,
        "<table>\n<thead>\n<tr><th class=\"align-left\">a</th><th class=\"align-center\">b</th>\
         <th class=\"align-right\">c</th><th>d</th></tr>\n</thead>\n<tbody>\n\
         <tr><td class=\"align-left\">1</td><td class=\"align-center\">2</td>\
         <td class=\"align-right\">3</td><td>4</td></tr>\n</tbody>\n</table>\n"
    );
}

#[test]
fn code_blocks_get_a_copy_button_on_the_post_page_only() {
    let markdown = "```rust\nfn main() {}\n```";
    let page = render_with(
        markdown,
        &[],
        &RenderOptions {
            page_controls: true,
            ..RenderOptions::default()
        },
    );
    assert_eq!(
        page,
        "<div class=\"code-block\">\n<pre><code class=\"language-rust\">fn main() {}\n</code></pre>\n\
         <button type=\"button\" class=\"copy-code\" aria-live=\"polite\">Copy</button></div>\n"
    );
    assert!(!render(markdown).contains("button"));
}

#[test]
fn task_boxes_are_named_after_their_task() {
    let html = render("- [x] A *finished* task\n- [ ] An open `task`\n  - [ ] nested");
    assert!(
        html.contains(
            "<input disabled=\"\" type=\"checkbox\" checked=\"\" aria-label=\"A finished task\"/>"
        ),
        "{html}"
    );
    assert!(html.contains("aria-label=\"An open task\"/>"), "{html}");
    assert!(html.contains("aria-label=\"nested\"/>"), "{html}");
    assert_eq!(html.matches("<input").count(), 3, "{html}");
}

#[test]
fn renders_common_markdown() {
    assert_eq!(render("Hello *world*"), "<p>Hello <em>world</em></p>\n");
    assert!(render("| a |\n|---|\n| b |").contains("<table>"));
    assert!(render("~~gone~~").contains("<del>gone</del>"));
    assert!(render("- [x] done").contains("checkbox"));
    assert!(render("\"quoted\"").contains("“quoted”"));
}

#[test]
fn raw_html_is_text_unless_trusted() {
    let hostile = "<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)>";
    let safe = render(hostile);
    assert!(!safe.contains("<script"), "{safe}");
    assert!(!safe.contains("<img"), "{safe}");
    assert!(safe.contains("&lt;script&gt;"), "{safe}");
    let trusted = render_with(
        "<b>bold</b>",
        &[],
        &RenderOptions {
            trusted_html: true,
            ..RenderOptions::default()
        },
    );
    assert!(trusted.contains("<b>bold</b>"), "{trusted}");
}

#[test]
fn heading_attributes_other_than_id_and_class_are_dropped_unless_trusted() {
    let markdown = "## Hi {#mine .note onclick=alert(1) style=color:red}";
    let safe = render(markdown);
    assert_eq!(safe, "<h2 id=\"mine\" class=\"note\">Hi</h2>\n");
    let trusted = render_with(
        markdown,
        &[],
        &RenderOptions {
            trusted_html: true,
            ..RenderOptions::default()
        },
    );
    assert!(trusted.contains("onclick"), "{trusted}");
}

#[test]
fn unsafe_link_targets_are_dropped_but_their_text_stays() {
    for url in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "vbscript:x",
        "data:text/html,<b>x</b>",
        "unknown:thing",
    ] {
        let html = render(&format!("[click](<{url}>)"));
        assert!(!html.contains("<a"), "{url}: {html}");
        assert!(html.contains("click"), "{url}: {html}");
    }
}

#[test]
fn an_address_with_one_slash_after_its_scheme_is_external_too() {
    for href in ["http:/evil.org", "HTTPS:/evil.org", "https:evil.org"] {
        let html = render(&format!("[x]({href})"));
        assert!(html.contains("rel=\"noopener noreferrer\""), "{html}");
    }
}

#[test]
fn safe_links_are_kept_and_external_ones_marked() {
    let html = render("[a](https://example.org \"T\") [b](/posts/x) [c](#top) [d](mailto:a@b.c)");
    assert!(
        html.contains(
            "<a href=\"https://example.org\" title=\"T\" rel=\"noopener noreferrer\">a</a>"
        ),
        "{html}"
    );
    assert!(html.contains("<a href=\"/posts/x\">b</a>"), "{html}");
    assert!(html.contains("<a href=\"#top\">c</a>"), "{html}");
    assert!(html.contains("<a href=\"mailto:a@b.c\">d</a>"), "{html}");
}

#[test]
fn images_keep_only_safe_sources() {
    assert!(render("![alt](/a.png)").contains("<img src=\"/a.png\" alt=\"alt\""));
    assert!(render("![alt](data:image/png;base64,AAAA)").contains("<img"));
    for bad in [
        "javascript:alert(1)",
        "data:image/svg+xml;base64,AAAA",
        "mailto:a@b.c",
    ] {
        let html = render(&format!("![alt text](<{bad}>)"));
        assert!(!html.contains("<img"), "{bad}: {html}");
        assert!(html.contains("alt text"), "{bad}: {html}");
    }
}

#[test]
fn headings_get_the_anchors_of_the_outline() {
    let markdown =
        "# Intro\n\n## Intro\n\n### Other {#mine}\n\n> # Quoted *text*\n\n# Ünïcode & more\n";
    let html = render(markdown);
    let ids: Vec<String> = html
        .split("id=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next().map(str::to_owned))
        .collect();
    let anchors: Vec<String> = outline(markdown).into_iter().map(|h| h.anchor).collect();
    assert_eq!(ids, anchors, "{html}");
    assert_eq!(
        anchors,
        ["intro", "intro-1", "mine", "quoted-text", "ünïcode-more"]
    );
    assert!(html.contains("<h1 id=\"intro\">Intro</h1>"), "{html}");
}

#[test]
fn heading_links_follow_their_heading_and_are_named_after_it() {
    let markdown = "## Why *now*?\n\ntext\n\n## Why <b>now</b>\n";
    let options = RenderOptions {
        page_controls: true,
        ..RenderOptions::default()
    };
    let html = render_with(markdown, &[], &options);
    assert_eq!(
        html,
        "<div class=\"heading\">\n<h2 id=\"why-now\">Why <em>now</em>?</h2>\n\
         <a class=\"heading-link\" href=\"#why-now\" aria-label=\"Link to the section “Why now?”\">#</a></div>\n\
         <p>text</p>\n\
         <div class=\"heading\">\n<h2 id=\"why-now-1\">Why &lt;b&gt;now&lt;/b&gt;</h2>\n\
         <a class=\"heading-link\" href=\"#why-now-1\" aria-label=\"Link to the section “Why now”\">#</a></div>\n"
    );
    assert!(!render(markdown).contains("heading-link"));
}

#[test]
fn a_dropped_link_around_an_image_keeps_nesting_right() {
    let html = render("[![i](/i.png)](javascript:x) [ok](/ok)");
    assert!(html.contains("<img src=\"/i.png\""), "{html}");
    assert!(html.contains("<a href=\"/ok\">ok</a>"), "{html}");
    assert_eq!(html.matches("</a>").count(), 1, "{html}");
}

#[test]
fn an_email_autolink_keeps_its_mailto() {
    assert_eq!(
        render("Write to <name@example.org>."),
        "<p>Write to <a href=\"mailto:name@example.org\">name@example.org</a>.</p>\n"
    );
}

#[test]
fn a_link_in_alt_text_leaves_only_its_text() {
    let html = render("![see [this](https://example.org) *now*](/a.png)");
    assert_eq!(html, "<p><img src=\"/a.png\" alt=\"see this now\" /></p>\n");
    // The link after the image is a link again.
    let html = render("![a [b](/b)](/a.png) [c](/c)");
    assert!(html.contains("alt=\"a b\""), "{html}");
    assert!(html.contains("<a href=\"/c\">c</a>"), "{html}");
}

#[test]
fn footnote_ids_are_unique_on_the_page() {
    let markdown = "# Notes\n\nSee[^notes], [^1], [^content] and [^notes] again.\n\n\
                    # 1\n\n## Heading {#fn:1}\n\n\
                    [^notes]: First.\n[^1]: Second.\n[^content]: Third.\n";
    let html = render(markdown);
    let ids: Vec<&str> = html
        .split(" id=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert_eq!(
        ids,
        ["notes", "1", "heading", "fn:notes", "fn:1", "fn:content"],
        "{html}"
    );
    for href in html.split("href=\"#").skip(1) {
        let target = href.split('"').next().unwrap();
        assert!(ids.contains(&target), "#{target} is no id: {html}");
    }
    assert!(
        html.contains("<sup class=\"footnote-reference\"><a href=\"#fn:notes\">1</a></sup>"),
        "{html}"
    );
    assert!(html.contains("<div class=\"footnote-definition\" id=\"fn:content\"><sup class=\"footnote-definition-label\">3</sup>"), "{html}");
}

#[test]
fn a_colon_after_what_is_no_scheme_makes_a_relative_link() {
    assert!(render(r"[x](foo\)\:)").contains("<a href=\"foo):\">x</a>"));
    assert!(render("[x](a1+b.c-d:thing)").contains("x"));
    assert!(!render("[x](a1+b.c-d:thing)").contains("<a"));
    assert!(!render("[x](1a:thing)").is_empty());
    assert!(render("[x](1a:thing)").contains("<a href=\"1a:thing\">"));
}

#[test]
fn github_alerts_become_labelled_callouts() {
    for (marker, class, title) in [
        ("NOTE", "note", "Note"),
        ("TIP", "tip", "Tip"),
        ("IMPORTANT", "important", "Important"),
        ("WARNING", "warning", "Warning"),
        ("CAUTION", "caution", "Caution"),
    ] {
        let html = render(&format!("> [!{marker}]\n> Mind *this*.\n"));
        assert_eq!(
            html,
            format!(
                "<div class=\"callout callout-{class}\" role=\"note\">\n\
                 <p class=\"callout-title\">{title}</p>\n<p>Mind <em>this</em>.</p>\n</div>\n"
            )
        );
    }
    // A plain quote stays a quote; an unknown marker is text.
    assert_eq!(
        render("> Quoted.\n"),
        "<blockquote>\n<p>Quoted.</p>\n</blockquote>\n"
    );
    assert!(render("> [!DANGER]\n> x\n").contains("<blockquote>"));
}

#[test]
fn highlighted_code_is_the_bundles_tokens_as_classed_spans_of_escaped_text() {
    use crate::{Token, TokenKind};
    let markdown = "```rust\nfn a() -> <T> {}\n```\n\n```\nplain\n```\n\n```rust\nlet b;\n```\n";
    let first = HighlightedCode {
        tokens: vec![
            Token::new(TokenKind::Keyword, "fn".into()),
            Token::new(TokenKind::Plain, " a() ".into()),
            Token::new(TokenKind::Operator, "->".into()),
            // An unknown kind is plain text.
            Token(200, " <T> {}\n".into()),
        ],
    };
    // Tokens that are not the block's text: the block stays plain.
    let wrong = HighlightedCode {
        tokens: vec![Token::new(TokenKind::Keyword, "<script>".into())],
    };
    let html = render_with(
        markdown,
        &[Some(first), None, Some(wrong)],
        &RenderOptions::default(),
    );
    assert_eq!(
        html,
        "<pre><code class=\"language-rust\"><span class=\"hl-keyword\">fn</span> a() \
         <span class=\"hl-operator\">-&gt;</span> &lt;T&gt; {}\n</code></pre>\n\
         <pre><code>plain\n</code></pre>\n<pre><code class=\"language-rust\">let b;\n</code></pre>\n"
    );
    // Fewer highlighted blocks than blocks: the rest are plain.
    assert!(render_with(markdown, &[], &RenderOptions::default())
        .contains("<code class=\"language-rust\">let b;"));
}

#[test]
fn measured_images_get_their_size_and_copies_and_all_but_the_first_wait() {
    use crate::ImageVariant;
    let markdown = "![A *moth* [here](/x) \"taped\"](moth.png \"T\")\n\n\
                    ![Second](moth.png) ![Plain](https://x.org/a.png) ![Logo](logo.svg)\n";
    let body = Body {
        markdown: markdown.into(),
        links: vec![
            LocalLink::new("moth.png", "/posts/a/moth.png"),
            LocalLink::new("logo.svg", "/logo.svg"),
        ],
        images: vec![ImageFacts(
            "/posts/a/moth.png".into(),
            1000,
            500,
            vec![ImageVariant(480, "/posts/a/moth-480w.webp".into())],
        )],
        ..Body::default()
    };
    let options = RenderOptions {
        site_root: "/blog/".into(),
        ..RenderOptions::default()
    };
    let srcset = "srcset=\"/blog/posts/a/moth-480w.webp 480w, /blog/posts/a/moth.png 1000w\" \
                  sizes=\"(min-width: 42rem) 40rem, 100vw\"";
    assert_eq!(
        render_html(&body, &options),
        format!(
            "<p><img src=\"/blog/posts/a/moth.png\" width=\"1000\" height=\"500\" {srcset} \
             alt=\"A moth here “taped”\" title=\"T\" /></p>\n\
             <p><img src=\"/blog/posts/a/moth.png\" width=\"1000\" height=\"500\" {srcset} \
             loading=\"lazy\" decoding=\"async\" alt=\"Second\" /> \
             <img src=\"https://x.org/a.png\" alt=\"Plain\" /> \
             <img src=\"/blog/logo.svg\" alt=\"Logo\" /></p>\n"
        )
    );
}

#[test]
fn links_and_images_the_bundler_resolved_lead_under_the_site_root() {
    let markdown = "[Earlier](earlier.md#why), ![Chart](chart.png), [away](https://x.org/a.md) \
                    and [unknown](other.md).";
    let links = [
        LocalLink::new("earlier.md#why", "/posts/earlier/#why"),
        LocalLink::new("chart.png", "/posts/this/chart.png"),
    ];
    let body = Body {
        markdown: markdown.to_owned(),
        links: links.to_vec(),
        ..Body::default()
    };
    let options = RenderOptions {
        site_root: "https://x.org/blog/".into(),
        ..RenderOptions::default()
    };
    assert_eq!(
        render_html(&body, &options),
        "<p><a href=\"https://x.org/blog/posts/earlier/#why\" rel=\"noopener noreferrer\">Earlier</a>, \
         <img src=\"https://x.org/blog/posts/this/chart.png\" alt=\"Chart\" />, \
         <a href=\"https://x.org/a.md\" rel=\"noopener noreferrer\">away</a> \
         and <a href=\"other.md\">unknown</a>.</p>\n"
    );
    let options = RenderOptions {
        site_root: "/blog/".into(),
        ..RenderOptions::default()
    };
    assert!(
        render_html(&body, &options).contains("<a href=\"/blog/posts/earlier/#why\">Earlier</a>")
    );
}
