//! A post's postings as the cache folder keeps them (`stored.rs`): one run of bytes, seven
//! LEB128 numbers a posting, rather than a record of seven numbers each, which serde decoded
//! one number at a time (57 ms for the terms of 10,000 posts).

use std::fmt;

use serde::{de, Deserializer, Serializer};

use super::terms::Posting;

/// How many numbers a posting has: its term, its five counts and its section.
const NUMBERS: usize = 7;

pub fn serialize<S: Serializer>(postings: &[Posting], serializer: S) -> Result<S::Ok, S::Error> {
    let mut bytes = Vec::with_capacity(postings.len() * NUMBERS * 2);
    for posting in postings {
        for number in numbers(posting) {
            write(&mut bytes, number);
        }
    }
    serializer.serialize_bytes(&bytes)
}

pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Posting>, D::Error> {
    deserializer.deserialize_bytes(Postings)
}

struct Postings;

impl de::Visitor<'_> for Postings {
    type Value = Vec<Posting>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a post's postings, packed")
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Vec<Posting>, E> {
        decode(bytes).ok_or_else(|| E::custom("postings cut short"))
    }
}

/// A posting's numbers, in the order they are packed.
fn numbers(posting: &Posting) -> [u32; NUMBERS] {
    let [a, b, c, d, e] = posting.counts;
    [posting.term, a, b, c, d, e, posting.section]
}

/// The postings packed in `bytes`; `None` if they end within one.
fn decode(mut bytes: &[u8]) -> Option<Vec<Posting>> {
    let mut postings = Vec::with_capacity(bytes.len() / NUMBERS);
    while !bytes.is_empty() {
        let mut numbers = [0; NUMBERS];
        for number in &mut numbers {
            *number = read(&mut bytes)?;
        }
        let [term, a, b, c, d, e, section] = numbers;
        postings.push(Posting {
            term,
            counts: [a, b, c, d, e],
            section,
        });
    }
    Some(postings)
}

/// `number` in LEB128: seven bits a byte, the lowest first, the high bit set on all but the last.
fn write(bytes: &mut Vec<u8>, mut number: u32) {
    while number >= 0x80 {
        bytes.push((number as u8) | 0x80);
        number >>= 7;
    }
    bytes.push(number as u8);
}

/// The LEB128 number at the start of `bytes`, which then start after it; `None` if it is cut
/// short or longer than a `u32`.
fn read(bytes: &mut &[u8]) -> Option<u32> {
    let mut number = 0u32;
    for shift in (0..35).step_by(7) {
        let (&byte, rest) = bytes.split_first()?;
        *bytes = rest;
        let bits = u32::from(byte & 0x7f);
        if shift == 28 && bits > 0x0f {
            return None;
        }
        number |= bits << shift;
        if byte < 0x80 {
            return Some(number);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_come_back_as_packed_and_a_cut_one_does_not() {
        let postings = vec![
            Posting {
                term: 0,
                counts: [1, 0, 0, 300, 70_000],
                section: 2,
            },
            Posting {
                term: u32::MAX,
                counts: [0, 127, 128, 0, 1],
                section: 0,
            },
        ];
        let mut bytes = Vec::new();
        postings
            .iter()
            .flat_map(numbers)
            .for_each(|number| write(&mut bytes, number));
        let decoded = decode(&bytes).unwrap();
        let all = |postings: &[Posting]| -> Vec<[u32; NUMBERS]> {
            postings.iter().map(numbers).collect()
        };
        assert_eq!(all(&decoded), all(&postings));
        assert!(decode(&bytes[..bytes.len() - 1]).is_none(), "cut short");
        assert!(
            decode(&[0xff, 0xff, 0xff, 0xff, 0x1f]).is_none(),
            "past a u32"
        );
        assert!(decode(&[0xff; 6]).is_none(), "longer than a u32");
        assert!(decode(&[]).unwrap().is_empty());
    }
}
