//! The Markdown bodies of generated posts: sections with h2/h3 headings, paragraphs with inline
//! code, emphasis and links, bullet and numbered lists, fenced code, a blockquote and sometimes a
//! table, all drawn from fixed pools so a seed always gives the same text.

use super::{
    pools::{CODE_BLOCKS, CODE_WORDS, EXTERNAL_LINKS, HEADINGS, NAMES, WORDS},
    rng::Rng,
};

/// A post body of roughly `target_words` words. `related` holds links the text may point at:
/// earlier posts by source file (`other.md`) and tags' pages (`/tags/...`).
pub fn body(rng: &mut Rng, target_words: usize, related: &[String]) -> String {
    let mut out = String::new();
    let mut words = 0;
    for _ in 0..rng.range(1, 2) {
        words += add(&mut out, paragraph(rng, related));
    }
    let mut used: Vec<&str> = Vec::new();
    let (mut quoted, mut tabled) = (false, !rng.chance(30));
    while words < target_words {
        let picked = rng.pick(HEADINGS);
        let heading = if used.contains(&picked) {
            format!("{picked}, continued ({})", used.len() + 1)
        } else {
            picked.to_owned()
        };
        used.push(picked);
        words += add(&mut out, format!("## {heading}"));
        for _ in 0..rng.range(1, 3) {
            words += add(&mut out, paragraph(rng, related));
        }
        let block = match rng.range(0, 6) {
            0 => list(rng, false),
            1 => list(rng, true),
            2 | 3 => code(rng),
            4 if !quoted => {
                quoted = true;
                quote(rng)
            }
            5 if !tabled => {
                tabled = true;
                table(rng)
            }
            _ => format!("### {}\n\n{}", rng.pick(HEADINGS), paragraph(rng, related)),
        };
        words += add(&mut out, block);
        if rng.chance(50) {
            words += add(&mut out, paragraph(rng, related));
        }
    }
    if !quoted {
        add(&mut out, quote(rng));
    }
    if !tabled {
        add(&mut out, table(rng));
    }
    while out.ends_with('\n') {
        out.pop();
    }
    out.push('\n');
    out
}

/// Appends a block and a blank line; returns its word count.
fn add(out: &mut String, block: String) -> usize {
    out.push_str(&block);
    out.push_str("\n\n");
    block.split_whitespace().count()
}

/// A sentence of `low..=high` plain words, capitalised, without a full stop.
pub fn words(rng: &mut Rng, low: usize, high: usize) -> String {
    let mut text = String::new();
    for i in 0..rng.range(low, high) {
        let word = rng.pick(WORDS);
        if i == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                text.extend(first.to_uppercase());
                text.push_str(chars.as_str());
            }
        } else {
            text.push(' ');
            text.push_str(word);
        }
    }
    text
}

fn paragraph(rng: &mut Rng, related: &[String]) -> String {
    let sentences: Vec<String> = (0..rng.range(2, 6))
        .map(|_| sentence(rng, related))
        .collect();
    sentences.join(" ")
}

fn sentence(rng: &mut Rng, related: &[String]) -> String {
    let mut text = words(rng, 6, 20);
    match rng.range(0, 9) {
        0 => text.push_str(&format!(" `{}`", rng.pick(CODE_WORDS))),
        1 => text.push_str(&format!(" *{}*", rng.pick(WORDS))),
        2 => text.push_str(&format!(" **{}**", words(rng, 1, 3).to_lowercase())),
        3 => {
            let label = words(rng, 1, 4).to_lowercase();
            text.push_str(&format!(" [{label}]({})", rng.pick(EXTERNAL_LINKS)));
        }
        4 if !related.is_empty() => {
            let target = &related[rng.range(0, related.len() - 1)];
            let label = words(rng, 2, 4).to_lowercase();
            text.push_str(&format!(" ([{label}]({target}))"));
        }
        _ => {}
    }
    text.push(if rng.chance(10) { '?' } else { '.' });
    text
}

fn list(rng: &mut Rng, numbered: bool) -> String {
    let items: Vec<String> = (1..=rng.range(3, 6))
        .map(|n| {
            let marker = if numbered {
                format!("{n}.")
            } else {
                "-".to_owned()
            };
            let mut item = words(rng, 3, 12);
            if rng.chance(25) {
                item.push_str(&format!(" with `{}`", rng.pick(CODE_WORDS)));
            }
            format!("{marker} {item}")
        })
        .collect();
    items.join("\n")
}

fn code(rng: &mut Rng) -> String {
    let (language, text) = CODE_BLOCKS[rng.range(0, CODE_BLOCKS.len() - 1)];
    let text = text.replace("NAME", rng.pick(NAMES));
    format!("```{language}\n{text}\n```")
}

fn quote(rng: &mut Rng) -> String {
    let text = (0..rng.range(1, 3))
        .map(|_| format!("{}.", words(rng, 8, 18)))
        .collect::<Vec<_>>()
        .join(" ");
    format!(
        "> {text}\n>\n> — from the {} review",
        rng.pick(&["team", "incident", "design"])
    )
}

fn table(rng: &mut Rng) -> String {
    let mut rows = vec![
        "| Step | Before (ms) | After (ms) | Change |".to_owned(),
        "|------|------------:|-----------:|-------:|".to_owned(),
    ];
    for _ in 0..rng.range(3, 6) {
        let before = rng.range(20, 2000);
        let after = rng.range(10, before);
        let change = (after as f64 - before as f64) / before as f64 * 100.0;
        rows.push(format!(
            "| {} | {before} | {after} | {change:.0}% |",
            rng.pick(&["parse", "render", "write", "compress", "upload", "index", "resize"])
        ));
    }
    rows.join("\n")
}
