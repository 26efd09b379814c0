//! What the dev server watches: the site's content (`site.toml`, `posts/`, `pages/`, `static/`,
//! any of which may be missing or appear later) and the app trunk builds. Changes come in
//! bursts (an editor's save, trunk moving its files), so they are taken a burst at a time.

use std::{
    collections::BTreeSet,
    path::{Path, PathBuf},
    sync::mpsc::{channel, Receiver, RecvTimeoutError},
    time::Duration,
};

use notify::{Event, RecommendedWatcher, RecursiveMode, Watcher};

use crate::sources::files::{PAGES_DIR, POSTS_DIR, STATIC_DIR};

/// How long the files must be quiet before a burst of changes is taken as done.
const QUIET: Duration = Duration::from_millis(40);

/// The content folders of a site, watched with all they hold.
const CONTENT: [&str; 3] = [POSTS_DIR, PAGES_DIR, STATIC_DIR];

/// Watches a site and its app.
pub struct Watch {
    watcher: RecommendedWatcher,
    events: Receiver<notify::Result<Event>>,
    site_dir: PathBuf,
    /// The content folders watched so far.
    watched: BTreeSet<PathBuf>,
}

impl Watch {
    /// Starts watching the site in `site_dir` and the app in `app_dir`.
    pub fn start(site_dir: &Path, app_dir: &Path) -> notify::Result<Watch> {
        let (sender, events) = channel();
        let mut watcher = notify::recommended_watcher(sender)?;
        // Not the whole site folder: it may hold target/ and node_modules/.
        watcher.watch(site_dir, RecursiveMode::NonRecursive)?;
        watcher.watch(app_dir, RecursiveMode::NonRecursive)?;
        let mut watch = Watch {
            watcher,
            events,
            site_dir: site_dir.to_owned(),
            watched: BTreeSet::new(),
        };
        watch.watch_content();
        Ok(watch)
    }

    /// Watches the content folders that exist now and were not watched yet.
    fn watch_content(&mut self) {
        for name in CONTENT {
            let folder = self.site_dir.join(name);
            if folder.is_dir() && !self.watched.contains(&folder) {
                if self
                    .watcher
                    .watch(&folder, RecursiveMode::Recursive)
                    .is_ok()
                {
                    self.watched.insert(folder);
                }
            } else if !folder.is_dir() && self.watched.remove(&folder) {
                let _ = self.watcher.unwatch(&folder);
            }
        }
    }

    /// Waits for the next burst of changes that matter and gives the files they touched; `None`
    /// when the watcher has stopped.
    pub fn next(&mut self) -> Option<BTreeSet<PathBuf>> {
        let mut changed = BTreeSet::new();
        while changed.is_empty() {
            let first = self.events.recv().ok()?;
            self.take(first, &mut changed);
            loop {
                match self.events.recv_timeout(QUIET) {
                    Ok(event) => self.take(event, &mut changed),
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return None,
                }
            }
            self.watch_content();
        }
        Some(changed)
    }

    fn take(&self, event: notify::Result<Event>, changed: &mut BTreeSet<PathBuf>) {
        let Ok(event) = event else { return };
        if event.kind.is_access() {
            return;
        }
        for path in event.paths {
            if matters(&self.site_dir, &path) {
                changed.insert(path);
            }
        }
    }
}

/// Whether a change to `path` can change the site: anything in the content folders, the app's
/// files and `site.toml`, but no hidden file or folder (an editor's swap file, trunk's staging
/// folder) and no editor's backup.
fn matters(site_dir: &Path, path: &Path) -> bool {
    let inside = path.strip_prefix(site_dir).ok();
    let parts: Vec<String> = match inside {
        Some(inside) => inside
            .iter()
            .map(|part| part.to_string_lossy().into_owned())
            .collect(),
        None => path
            .file_name()
            .map(|name| vec![name.to_string_lossy().into_owned()])
            .unwrap_or_default(),
    };
    let Some(name) = parts.last() else {
        return false;
    };
    if parts.iter().any(|part| part.starts_with('.'))
        || name.ends_with('~')
        || name.ends_with(".swp")
    {
        return false;
    }
    match (inside, parts.len()) {
        // Directly in the site folder: only the settings and the content folders.
        (Some(_), 1) => name == crate::config::site::SITE_FILE || CONTENT.contains(&name.as_str()),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_settings_and_the_app_matter_and_scratch_files_do_not() {
        let site = Path::new("/site");
        assert!(matters(site, Path::new("/site/posts/a.md")));
        assert!(matters(site, Path::new("/site/site.toml")));
        assert!(matters(site, Path::new("/site/static")));
        assert!(matters(site, Path::new("/app/index.html")));
        assert!(!matters(site, Path::new("/site/Cargo.toml")));
        assert!(!matters(site, Path::new("/site/posts/.a.md.swp")));
        assert!(!matters(site, Path::new("/site/posts/a.md~")));
        assert!(!matters(site, Path::new("/app/.stage")));
        assert!(!matters(site, Path::new("/site/target")));
        assert!(matters(
            site,
            Path::new("/site/target/app/dev/root/index.html")
        ));
        assert!(matters(
            Path::new("/home/.sites/blog"),
            Path::new("/home/.sites/blog/posts/a.md")
        ));
    }
}
