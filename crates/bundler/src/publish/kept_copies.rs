//! Compressed copies kept beside the app trunk built, so that its files (the wasm, the scripts,
//! the styles: few, large, at brotli's best quality) are compressed once for every site built
//! with that app, not once per build. Each file's copies are one entry of the store,
//! `<store>/<path>.copies`: the fingerprint of the bytes they were made from, then the brotli
//! copy's length, the brotli copy and the gzip copy. An entry is written whole, then renamed
//! into place, so that builds running at once with one app never read half of one.

use std::{
    fs, io,
    path::{Path, PathBuf},
};

use super::compress::{self, Copies};

/// The extension of an entry of the store.
const ENTRY: &str = ".copies";

/// The brotli and gzip copies of `bytes`, the app's file at `path`, whose fingerprint is
/// `key`: from `store` if they were made from the same bytes, else made now and kept there (a
/// store that cannot be written is only a slower build). Whether they were made now.
pub fn copies(store: &Path, path: &str, key: &str, bytes: &[u8]) -> io::Result<(Copies, bool)> {
    let entry = store.join(format!("{path}{ENTRY}"));
    if let Some(copies) = fs::read(&entry).ok().and_then(|kept| read(&kept, key)) {
        return Ok((copies, false));
    }
    let (br, gz) = compress::compress(path, bytes)?;
    let _ = write(&entry, key, &br, &gz);
    Ok(((br, gz), true))
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

/// The copies in an entry, if it was made from the bytes of `key`.
fn read(entry: &[u8], key: &str) -> Option<Copies> {
    let rest = entry.strip_prefix(key.as_bytes())?;
    let (length, rest) = rest.split_first_chunk::<8>()?;
    let length = usize::try_from(u64::from_le_bytes(*length)).ok()?;
    let (br, gz) = rest.split_at_checked(length)?;
    Some((br.to_vec(), gz.to_vec()))
}

fn write(entry: &Path, key: &str, br: &[u8], gz: &[u8]) -> io::Result<()> {
    if let Some(folder) = entry.parent() {
        fs::create_dir_all(folder)?;
    }
    let mut bytes = Vec::with_capacity(key.len() + 8 + br.len() + gz.len());
    bytes.extend_from_slice(key.as_bytes());
    bytes.extend_from_slice(&(br.len() as u64).to_le_bytes());
    bytes.extend_from_slice(br);
    bytes.extend_from_slice(gz);
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
        assert!(store.join("snippets/app.js.copies").is_file());
        assert!(
            !store.join("old.wasm.copies").exists(),
            "no longer the app's"
        );
    }

    #[test]
    fn a_damaged_entry_is_not_read() {
        assert_eq!(read(b"key-1", "key-1"), None);
        assert_eq!(read(b"key-1\x09\0\0\0\0\0\0\0abc", "key-1"), None);
        let entry = b"key-1\x02\0\0\0\0\0\0\0brgz";
        assert_eq!(read(entry, "key-1"), Some((b"br".to_vec(), b"gz".to_vec())));
        assert_eq!(read(entry, "key-2"), None);
    }
}
