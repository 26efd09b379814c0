//! Compressed copies kept beside the app trunk built, so that its files (the wasm, the scripts,
//! the styles: few, large, at brotli's best quality) are compressed once for every site built
//! with that app, not once per build. Each file's copies are one entry of the store,
//! `<store>/<path>.copies-3`: the fingerprint of the bytes they were made from, then each copy
//! in the order of `compress::extensions`, its length (8 bytes, little-endian) before it. An
//! entry is written whole, then renamed into place, so that builds running at once with one
//! app never read half of one.

use std::{
    fs, io,
    path::{Path, PathBuf},
};

use super::compress;

/// The extension of an entry of the store; its number changes with the entry's layout or the
/// copies' levels, so that entries made otherwise are neither read nor kept.
const ENTRY: &str = ".copies-3";

/// The copies of `bytes` (`compress::compress`), the app's file at `path`, whose fingerprint
/// is `key`: from `store` if they were made from the same bytes, else made now and kept there
/// (a store that cannot be written is only a slower build). Whether they were made now.
pub fn copies(
    store: &Path,
    path: &str,
    key: &str,
    bytes: &[u8],
) -> io::Result<(Vec<Vec<u8>>, bool)> {
    let entry = store.join(format!("{path}{ENTRY}"));
    let wanted = compress::extensions(path).len();
    let kept = fs::read(&entry).ok().and_then(|kept| read(&kept, key));
    if let Some(copies) = kept.filter(|copies| copies.len() == wanted) {
        return Ok((copies, false));
    }
    let copies = compress::compress(path, bytes)?;
    let _ = write(&entry, key, &copies);
    Ok((copies, true))
}

/// Removes from `store` the entries of files that are not among `files` (the app's files now).
pub fn prune(store: &Path, files: &[String]) {
    for found in walkdir::WalkDir::new(store)
        .min_depth(1)
        .into_iter()
        .flatten()
    {
        let Ok(relative) = found.path().strip_prefix(store) else {
            continue;
        };
        let name = relative.to_string_lossy().replace('\\', "/");
        let file = name.strip_suffix(ENTRY).unwrap_or(&name);
        if found.file_type().is_file() && !files.iter().any(|kept| kept == file) {
            let _ = fs::remove_file(found.path());
        }
    }
}

/// The copies in an entry, if it was made from the bytes of `key` and is whole.
fn read(entry: &[u8], key: &str) -> Option<Vec<Vec<u8>>> {
    let mut rest = entry.strip_prefix(key.as_bytes())?;
    let mut copies = Vec::new();
    while !rest.is_empty() {
        let (length, after) = rest.split_first_chunk::<8>()?;
        let length = usize::try_from(u64::from_le_bytes(*length)).ok()?;
        let (copy, after) = after.split_at_checked(length)?;
        copies.push(copy.to_vec());
        rest = after;
    }
    Some(copies)
}

fn write(entry: &Path, key: &str, copies: &[Vec<u8>]) -> io::Result<()> {
    if let Some(folder) = entry.parent() {
        fs::create_dir_all(folder)?;
    }
    let mut bytes = key.as_bytes().to_vec();
    for copy in copies {
        bytes.extend_from_slice(&(copy.len() as u64).to_le_bytes());
        bytes.extend_from_slice(copy);
    }
    let mut partial = entry.as_os_str().to_owned();
    partial.push(format!(".{}", std::process::id()));
    let partial = PathBuf::from(partial);
    fs::write(&partial, bytes)?;
    fs::rename(&partial, entry)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_are_made_once_for_the_same_bytes_and_again_for_others() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("app.compressed");
        let js = "export default function start() {}\n".repeat(100);
        let (first, made) = copies(&store, "snippets/app.js", "key-1", js.as_bytes()).unwrap();
        assert!(made);
        assert_eq!(
            first,
            compress::compress("snippets/app.js", js.as_bytes()).unwrap()
        );
        let (again, made) = copies(&store, "snippets/app.js", "key-1", js.as_bytes()).unwrap();
        assert!(!made, "taken from the store");
        assert_eq!(again, first);
        let other = "export default 2;\n".repeat(50);
        let (changed, made) = copies(&store, "snippets/app.js", "key-2", other.as_bytes()).unwrap();
        assert!(made, "other bytes, another key: made again");
        assert_eq!(
            changed,
            compress::compress("snippets/app.js", other.as_bytes()).unwrap()
        );
        copies(&store, "old.wasm", "key-3", b"\0asm").unwrap();
        prune(&store, &["snippets/app.js".to_owned()]);
        assert!(store.join("snippets/app.js.copies-3").is_file());
        assert!(
            !store.join("old.wasm.copies-3").exists(),
            "no longer the app's"
        );
    }

    #[test]
    fn a_damaged_entry_is_not_read() {
        assert_eq!(read(b"key-1\x09\0\0\0\0\0\0\0abc", "key-1"), None);
        assert_eq!(read(b"key-1\x02\0\0\0\0\0\0\0br\x02\0", "key-1"), None);
        let entry = b"key-1\x02\0\0\0\0\0\0\0br\x02\0\0\0\0\0\0\0gz";
        let both = vec![b"br".to_vec(), b"gz".to_vec()];
        assert_eq!(read(entry, "key-1"), Some(both));
        assert_eq!(read(entry, "key-2"), None);
    }
}
