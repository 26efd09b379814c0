//! The site's settings, `site.toml` (`site`), with its menu (`menu`): read and checked, on their
//! own; whether the menu's targets are pages of the site is checked once the pages are known
//! (`resolve::menu_targets`).

pub mod cards;
pub mod menu;
pub mod site;
