//! When a file can be taken as unchanged without reading it: its size, times and inode as the
//! file system gives them, and the time it was read. Like git's index, a file whose times are
//! too close to its reading is read again (a "racy" entry): a later write within the file
//! system's clock tick would leave the same times.

use std::{
    fs,
    path::Path,
    time::{Duration, SystemTime, UNIX_EPOCH},
};

/// How long before its reading a file's last change must be for its stat alone to say it is
/// unchanged: well over any file system's clock tick (FAT's is 2 s).
const SETTLED: Duration = Duration::from_secs(3);

/// What the file system said of a file just before its bytes were read, and when.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Seen {
    stat: Stat,
    read_at: SystemTime,
}

/// Size, times and identity: a write, a file renamed onto it or a `touch` changes one of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct Stat {
    len: u64,
    modified: SystemTime,
    /// The inode's last change (`ctime`, which no tool can set back), and its number.
    changed: SystemTime,
    inode: u64,
}

impl Seen {
    /// The file at `path` as it is just before its bytes are read; `None` if it cannot be
    /// looked at.
    pub fn before_reading(path: &Path) -> Option<Seen> {
        let read_at = SystemTime::now();
        Some(Seen {
            stat: Stat::of(path)?,
            read_at,
        })
    }

    /// Whether the file at `path` is still the one seen: the same stat, last changed well
    /// before it was read.
    pub fn unchanged(&self, path: &Path) -> bool {
        let settled = self.read_at.checked_sub(SETTLED).unwrap_or(UNIX_EPOCH);
        self.stat.modified < settled
            && self.stat.changed < settled
            && Stat::of(path) == Some(self.stat)
    }
}

impl Stat {
    fn of(path: &Path) -> Option<Stat> {
        let meta = fs::metadata(path).ok()?;
        let modified = meta.modified().ok()?;
        #[cfg(unix)]
        let (changed, inode) = {
            use std::os::unix::fs::MetadataExt;
            let nanos = u32::try_from(meta.ctime_nsec()).ok()?;
            let since = Duration::new(u64::try_from(meta.ctime()).ok()?, nanos);
            (UNIX_EPOCH.checked_add(since)?, meta.ino())
        };
        #[cfg(not(unix))]
        let (changed, inode) = (modified, 0);
        Some(Stat {
            len: meta.len(),
            modified,
            changed,
            inode,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_unchanged_only_when_settled_and_its_stat_is_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("post.md");
        std::fs::write(&file, "one").unwrap();
        let fresh = Seen::before_reading(&file).unwrap();
        assert!(
            !fresh.unchanged(&file),
            "written just now: racy, to be read again"
        );
        let settled = Seen {
            read_at: fresh.read_at + SETTLED * 2,
            ..fresh
        };
        assert!(settled.unchanged(&file));
        std::fs::write(&file, "two").unwrap();
        assert!(!settled.unchanged(&file), "a write changes its times");
        let other = dir.path().join("other.md");
        std::fs::write(&other, "two").unwrap();
        std::fs::rename(&other, &file).unwrap();
        let replaced = Seen {
            read_at: settled.read_at + SETTLED * 2,
            ..Seen::before_reading(&file).unwrap()
        };
        assert!(replaced.unchanged(&file));
        std::fs::remove_file(&file).unwrap();
        assert!(!replaced.unchanged(&file), "gone");
    }
}
