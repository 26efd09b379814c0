//! Fingerprints: a 128-bit hash of bytes (xxh3), written as 32 hex digits in the ledger. Two
//! outputs with one fingerprint are taken to be the same bytes.

use std::sync::OnceLock;

use xxhash_rust::xxh3::{xxh3_128, Xxh3};

/// The fingerprint of `bytes`.
pub fn of(bytes: &[u8]) -> String {
    hex(of_u128(bytes))
}

/// The fingerprint of `bytes` as a number.
pub fn of_u128(bytes: &[u8]) -> u128 {
    xxh3_128(bytes)
}

/// The fingerprint of a value, from its `Hash`: much cheaper than encoding it first.
pub fn of_value(value: &impl std::hash::Hash) -> u128 {
    let mut written = Written(Vec::with_capacity(4096));
    value.hash(&mut written);
    xxh3_128(&written.0)
}

/// What a value's `Hash` writes, gathered to be fingerprinted at once: xxh3 is fast over
/// long runs of bytes and slow over many short ones.
struct Written(Vec<u8>);

impl std::hash::Hasher for Written {
    fn write(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    fn finish(&self) -> u64 {
        xxhash_rust::xxh3::xxh3_64(&self.0)
    }
}

/// The fingerprint of several parts, each length-prefixed so that no two lists of parts share
/// one.
pub fn of_parts<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> String {
    hex(of_parts_u128(parts))
}

/// `of_parts` as a number.
pub fn of_parts_u128<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> u128 {
    let mut hasher = Xxh3::new();
    for part in parts {
        hasher.update(&(part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hasher.digest128()
}

/// The fingerprint of the running program: what it makes may change with its code, so a page
/// made by another build of the bundler is made again. If the program cannot be read, a
/// fingerprint that matches nothing kept.
pub fn of_this_program() -> &'static str {
    static PROGRAM: OnceLock<String> = OnceLock::new();
    PROGRAM.get_or_init(|| {
        std::env::current_exe()
            .and_then(|program| of_program_file(&program))
            .unwrap_or_else(|_| format!("unread-{}", std::process::id()))
    })
}

/// The fingerprint of the program file at `path`. On Unix, of its file: the device, inode,
/// size and change time (ctime), which writing, copying or installing the program changes
/// and no tool sets back; reading the 20 MB program took every build 10 ms. Elsewhere, of
/// its bytes.
#[cfg(unix)]
fn of_program_file(path: &std::path::Path) -> std::io::Result<String> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path)?;
    let stamp = [
        meta.dev(),
        meta.ino(),
        meta.size(),
        meta.ctime() as u64,
        meta.ctime_nsec() as u64,
    ];
    Ok(of_parts([
        path.as_os_str().as_encoded_bytes(),
        &stamp.map(u64::to_le_bytes).concat(),
    ]))
}

#[cfg(not(unix))]
fn of_program_file(path: &std::path::Path) -> std::io::Result<String> {
    std::fs::read(path).map(|bytes| of(&bytes))
}

/// A fingerprint as the ledger writes it: 32 hex digits.
pub fn hex(value: u128) -> String {
    format!("{value:032x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_kept_apart() {
        assert_eq!(of(b"ab").len(), 32);
        assert_ne!(of_parts([&b"ab"[..], b"c"]), of_parts([&b"a"[..], b"bc"]));
        assert_eq!(of_parts([&b"ab"[..]]), of_parts([&b"ab"[..]]));
        assert_ne!(of(b"a"), of(b"b"));
    }
}
