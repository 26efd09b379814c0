//! `site.toml`'s `[[menu]]`: the header's navigation, in order. Each entry has a `title` and a
//! `target`, a path on the site (`/about/`, `/archive/`) or an address elsewhere
//! (`https://…`). A path must be one of the site's pages, which is checked once the page list
//! is made (`resolve::menu_targets`).

use folio_content::MenuItem;

use crate::{front_matter::fields::Fields, problem::Problem};

/// The keys a `[[menu]]` entry accepts.
const MENU_ACCEPTED: &[&str] = &["title", "target"];

/// A menu entry and where `site.toml` gives its target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MenuEntry {
    pub item: MenuItem,
    pub line: usize,
    pub column: usize,
}

/// The `[[menu]]` entries, each with a title and a target that is a path or an http(s) address.
pub fn menu(fields: &Fields<'_>, problems: &mut Vec<Problem>) -> Vec<MenuEntry> {
    let example = "[[menu]] with title = \"About\" and target = \"/about/\"";
    let mut entries = Vec::new();
    for (table, span) in fields.tables("menu", example, problems) {
        let entry = Fields::new(
            table,
            fields.source(),
            Some(span.clone()),
            "the [[menu]] entry",
            MENU_ACCEPTED,
            problems,
        );
        let title = entry.required_string("title", problems);
        let target = entry.required_string("target", problems);
        let (Some(title), Some(target)) = (title, target) else {
            continue;
        };
        let at = entry.get("target").map_or(span, |node| node.span.clone());
        let Some(target) = target_of(target.trim()) else {
            let message = format!("the menu target {target:?} is neither a path on the site nor an http or https address");
            let help = "write a page's path, e.g. target = \"/about/\", or a whole address, e.g. target = \"https://example.org/\"";
            problems.push(fields.problem(&at, message, help));
            continue;
        };
        let (line, column) = fields.line_column(&at);
        entries.push(MenuEntry {
            item: MenuItem(title.trim().to_owned(), target),
            line,
            column,
        });
    }
    entries
}

/// A target as the app links it: an http(s) address as it is; a path from the site's root, with
/// the final `/` a page's address has.
fn target_of(text: &str) -> Option<String> {
    if text.starts_with("https://") || text.starts_with("http://") {
        return (!text.contains(char::is_whitespace)).then(|| text.to_owned());
    }
    let path = text.strip_prefix('/')?;
    if path.contains(|c: char| c.is_whitespace() || c == '\\') || path.starts_with('/') {
        return None;
    }
    Some(match path.is_empty() || path.ends_with('/') {
        true => text.to_owned(),
        false => format!("/{path}/"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_pages_paths_or_whole_addresses() {
        assert_eq!(target_of("/about").as_deref(), Some("/about/"));
        assert_eq!(target_of("/archive/").as_deref(), Some("/archive/"));
        assert_eq!(target_of("/").as_deref(), Some("/"));
        assert_eq!(
            target_of("https://example.org/x").as_deref(),
            Some("https://example.org/x")
        );
        for bad in ["about", "//evil.example", "javascript:alert(1)", "/a b/"] {
            assert_eq!(target_of(bad), None, "{bad}");
        }
    }
}
