//! A file of records that one run of the bundler keeps for the next, in the cache folder (the
//! posts it read, their terms for the search index): a header naming what the file holds and
//! the program that wrote it, then each record's length (8 bytes, little-endian) and its
//! postcard encoding.
//!
//! A file is written whole (beside, then renamed over the old one), or records are appended
//! to it: a later record may say what an earlier one said anew, which the reader works out.
//! A file that another build of the bundler wrote (which may read posts differently), or a
//! damaged one (an append cut short), reads as nothing: what it held is made again, and the
//! file written anew (`worth_appending`). Records are decoded a batch at a time, in parallel,
//! so that loading holds no more than a batch of encoded records at once.

use std::{
    fs,
    io::{self, BufRead, BufReader, BufWriter, Read as _, Write as _},
    path::Path,
};

use rayon::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

use crate::publish::fingerprint;

/// How many records are decoded at once.
const BATCH: usize = 1_024;

/// No record is this long: a length past it means the file is damaged.
const LONGEST: u64 = 1 << 30;

/// The header of a file of `kind` that this program writes and reads.
fn header(kind: &str) -> Vec<u8> {
    format!("folio {kind}\n{}\n", fingerprint::of_this_program()).into_bytes()
}

/// Writes `records` into the file of `kind` at `path`, whole or not at all.
pub fn save<T: Serialize>(
    path: &Path,
    kind: &str,
    records: impl Iterator<Item = T>,
) -> io::Result<()> {
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder)?;
    }
    let partial = path.with_extension(format!("partial-{}", std::process::id()));
    let written = write(&partial, kind, records).and_then(|()| fs::rename(&partial, path));
    if written.is_err() {
        let _ = fs::remove_file(&partial);
    }
    written
}

fn write<T: Serialize>(
    path: &Path,
    kind: &str,
    records: impl Iterator<Item = T>,
) -> io::Result<()> {
    let mut writer = BufWriter::with_capacity(1 << 20, fs::File::create(path)?);
    writer.write_all(&header(kind))?;
    write_records(&mut writer, records)?;
    writer.flush()
}

fn write_records<T: Serialize>(
    writer: &mut impl io::Write,
    records: impl Iterator<Item = T>,
) -> io::Result<()> {
    let mut encoded = Vec::new();
    for record in records {
        encoded.clear();
        encoded = postcard::to_extend(&record, encoded).map_err(io::Error::other)?;
        writer.write_all(&(encoded.len() as u64).to_le_bytes())?;
        writer.write_all(&encoded)?;
    }
    Ok(())
}

/// Whether `added` records are to be added to a file that held `held` when it was loaded
/// (`None`: it could not be read), rather than the file written anew with the `live` records
/// it needs: only to a file read whole, and until it would hold more than twice those.
pub fn worth_appending(held: Option<usize>, added: usize, live: usize) -> bool {
    held.is_some_and(|held| held + added <= 2 * live + 64)
}

/// Adds `records` at the end of the file of `kind` at `path`; `false`, with nothing written,
/// if there is no such file of this program's to add to.
pub fn append<T: Serialize>(
    path: &Path,
    kind: &str,
    records: impl Iterator<Item = T>,
) -> io::Result<bool> {
    let Ok(mut file) = fs::OpenOptions::new().read(true).append(true).open(path) else {
        return Ok(false);
    };
    let expected = header(kind);
    let mut found = vec![0; expected.len()];
    if file.read_exact(&mut found).is_err() || found != expected {
        return Ok(false);
    }
    let mut writer = BufWriter::new(file);
    write_records(&mut writer, records)?;
    writer.flush()?;
    Ok(true)
}

/// The records of the file of `kind` at `path`; `None` if there is no such file, or this
/// program did not write it, or any part of it cannot be read.
pub fn load<T: DeserializeOwned + Send>(path: &Path, kind: &str) -> Option<Vec<T>> {
    let file = fs::File::open(path).ok()?;
    load_from(&file, kind, |record| postcard::from_bytes(record).ok())
}

/// `load` from `file`, each record decoded by `decode`.
pub fn load_from<T: Send>(
    file: &fs::File,
    kind: &str,
    decode: impl Fn(&[u8]) -> Option<T> + Sync,
) -> Option<Vec<T>> {
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let expected = header(kind);
    let mut found = vec![0; expected.len()];
    reader.read_exact(&mut found).ok()?;
    if found != expected {
        return None;
    }
    let mut records = Vec::new();
    // Two buffers, each filled with a batch while the other's is decoded, and kept for the
    // next: a buffer a record, as before, took the memory of the whole file anew (120 MB at
    // 10,000 posts), and the kernel's page faults for it cost a tenth of a build.
    let (mut batch, mut spare) = (Batch::default(), Batch::default());
    batch.fill(&mut reader)?;
    while !batch.ends.is_empty() {
        let (decoded, next) = rayon::join(
            || -> Option<Vec<T>> {
                batch
                    .records()
                    .collect::<Vec<&[u8]>>()
                    .par_iter()
                    .map(|record| decode(record))
                    .collect()
            },
            || spare.fill(&mut reader),
        );
        records.extend(decoded?);
        next?;
        std::mem::swap(&mut batch, &mut spare);
    }
    Some(records)
}

/// Up to `BATCH` encoded records, one after the other, with where each ends.
#[derive(Default)]
struct Batch {
    bytes: Vec<u8>,
    ends: Vec<usize>,
}

impl Batch {
    /// Reads the next records into the batch, in place of those it held; none at the end of
    /// the file; `None` if it is cut short.
    fn fill(&mut self, reader: &mut impl BufRead) -> Option<()> {
        self.bytes.clear();
        self.ends.clear();
        while self.ends.len() < BATCH {
            if reader.fill_buf().ok()?.is_empty() {
                break;
            }
            let mut length = [0; 8];
            reader.read_exact(&mut length).ok()?;
            let length = u64::from_le_bytes(length);
            if length > LONGEST {
                return None;
            }
            let start = self.bytes.len();
            let end = start + usize::try_from(length).ok()?;
            self.bytes.resize(end, 0);
            reader.read_exact(&mut self.bytes[start..]).ok()?;
            self.ends.push(end);
        }
        Some(())
    }

    /// Each record's bytes.
    fn records(&self) -> impl Iterator<Item = &[u8]> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(&self.ends)
            .map(|(start, &end)| &self.bytes[start..end])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_come_back_as_written_and_a_damaged_file_reads_as_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache/things");
        let records: Vec<(String, u32)> = (0..3_000).map(|n| (format!("n{n}"), n)).collect();
        save(&path, "things 1", records.iter()).unwrap();
        assert_eq!(
            load::<(String, u32)>(&path, "things 1"),
            Some(records.clone())
        );
        assert_eq!(
            load::<(String, u32)>(&path, "things 2"),
            None,
            "another kind"
        );
        assert_eq!(
            load::<(String, u32)>(&dir.path().join("none"), "things 1"),
            None
        );

        let bytes = fs::read(&path).unwrap();
        fs::write(&path, &bytes[..bytes.len() - 1]).unwrap();
        assert_eq!(load::<(String, u32)>(&path, "things 1"), None, "cut short");
        let mut long = bytes.clone();
        let first = header("things 1").len();
        long[first..first + 8].copy_from_slice(&u64::MAX.to_le_bytes());
        fs::write(&path, &long).unwrap();
        assert_eq!(
            load::<(String, u32)>(&path, "things 1"),
            None,
            "a length past the end"
        );
        let names = fs::read_dir(dir.path().join("cache")).unwrap().count();
        assert_eq!(names, 1, "no partial file left");

        save(&path, "things 1", records.iter().take(2)).unwrap();
        assert!(append(&path, "things 1", records.iter().skip(2).take(1)).unwrap());
        assert_eq!(
            load::<(String, u32)>(&path, "things 1"),
            Some(records[..3].to_vec())
        );
        assert!(
            !append(&path, "things 2", records.iter()).unwrap(),
            "another kind"
        );
        assert!(worth_appending(Some(10), 5, 10));
        assert!(
            !worth_appending(Some(80), 5, 10),
            "past twice what it needs"
        );
        assert!(
            !worth_appending(None, 1, 10),
            "a file that could not be read"
        );
        let none = dir.path().join("none");
        assert!(!append(&none, "things 1", records.iter()).unwrap());
        assert!(!none.exists());
    }
}
