//! How text becomes search terms, the same for the index the bundler writes and the query the
//! app reads: case and diacritics folded (`Naïve` is `naive`), split into words, English words
//! stemmed (`governments` is `govern`), and runs of Chinese or Japanese characters, which are
//! written without spaces, cut into overlapping pairs (`地方政府` is `地方 方政 政府`), so a word
//! inside a sentence is found without a dictionary.

use rust_stemmers::Algorithm;
pub use rust_stemmers::Stemmer;
use rustc_hash::FxHashMap;

/// Words too common to say anything of a post; neither indexed nor searched for.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on",
    "or", "that", "the", "this", "to", "was", "with",
];

/// `text` in lower case without diacritics: `Ångström` is `angstrom`, `Straße` is `strasse`.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut folded = String::with_capacity(text.len());
    for c in without_marks(text).chars() {
        match c {
            'ß' => folded.push_str("ss"),
            'æ' | 'Æ' => folded.push_str("ae"),
            'œ' | 'Œ' => folded.push_str("oe"),
            'ø' | 'Ø' => folded.push('o'),
            'ł' | 'Ł' => folded.push('l'),
            'đ' | 'Đ' => folded.push('d'),
            'þ' | 'Þ' => folded.push_str("th"),
            c => folded.extend(c.to_lowercase()),
        }
    }
    folded
}

/// `text` decomposed (NFD) with its combining marks (General Category M) left out: `é` is `e`.
#[cfg(not(target_arch = "wasm32"))]
fn without_marks(text: &str) -> String {
    use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
    text.nfd().filter(|c| !is_combining_mark(*c)).collect()
}

/// `text` decomposed (NFD) with its combining marks (General Category M) left out: `é` is `e`.
#[cfg(target_arch = "wasm32")]
fn without_marks(text: &str) -> String {
    thread_local! {
        static MARKS: js_sys::RegExp = js_sys::RegExp::new("\\p{M}", "gu");
    }
    let decomposed = js_sys::JsString::from(text).normalize("NFD");
    MARKS.with(|marks| String::from(decomposed.replace_by_pattern(marks, "")))
}

/// Whether `c` belongs to a script written without spaces between words: Han (Chinese, and
/// Japanese kanji), Hiragana and Katakana.
pub fn is_unspaced(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

/// The words of already folded `text`, in order: runs of letters and digits, and the pairs of
/// each run of unspaced characters (a run of one is itself).
pub fn words(folded: &str) -> Vec<&str> {
    let mut words = Vec::new();
    // Where the word being read starts, and the starts of the unspaced characters being read.
    let mut word: Option<usize> = None;
    let mut unspaced: Vec<usize> = Vec::new();
    for (at, c) in folded.char_indices() {
        if is_unspaced(c) {
            if let Some(start) = word.take() {
                words.push(&folded[start..at]);
            }
            unspaced.push(at);
            continue;
        }
        if !unspaced.is_empty() {
            pairs(folded, &mut unspaced, at, &mut words);
        }
        match (c.is_alphanumeric(), word) {
            (true, None) => word = Some(at),
            (false, Some(start)) => {
                words.push(&folded[start..at]);
                word = None;
            }
            _ => {}
        }
    }
    if let Some(start) = word {
        words.push(&folded[start..]);
    }
    pairs(folded, &mut unspaced, folded.len(), &mut words);
    words
}

/// The overlapping pairs of the unspaced characters starting at `starts`, which end at `end`;
/// one character alone is itself.
fn pairs<'t>(folded: &'t str, starts: &mut Vec<usize>, end: usize, words: &mut Vec<&'t str>) {
    match starts.len() {
        0 => return,
        1 => words.push(&folded[starts[0]..end]),
        _ => {
            let ends = starts.iter().skip(2).copied().chain(std::iter::once(end));
            words.extend(starts.iter().zip(ends).map(|(&from, to)| &folded[from..to]));
        }
    }
    starts.clear();
}

/// The term a folded word is indexed and searched by: its English stem if it is written in
/// Latin letters, else the word; `None` for a stop word.
pub fn term(stemmer: &Stemmer, word: &str) -> Option<String> {
    if STOP_WORDS.contains(&word) {
        return None;
    }
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        return Some(stemmer.stem(word).into_owned());
    }
    Some(word.to_owned())
}

/// The English stemmer `term` takes.
pub fn stemmer() -> Stemmer {
    Stemmer::create(Algorithm::English)
}

/// Every term of `text`, in order.
pub fn terms(stemmer: &Stemmer, text: &str) -> Vec<String> {
    words(&fold(text))
        .into_iter()
        .filter_map(|word| term(stemmer, word))
        .collect()
}

/// Reads many texts into terms, keeping each word's term for the next time the word comes:
/// the posts of a site repeat their words, and stemming is most of the work.
pub struct TermReader {
    stemmer: Stemmer,
    known: FxHashMap<String, Option<String>>,
}

impl Default for TermReader {
    fn default() -> TermReader {
        TermReader {
            stemmer: stemmer(),
            known: FxHashMap::default(),
        }
    }
}

impl TermReader {
    /// Gives `found` every term of `text`, in order, as `terms` reads them.
    pub fn each_term(&mut self, text: &str, mut found: impl FnMut(&str)) {
        let folded = fold(text);
        for word in words(&folded) {
            let known = match self.known.get(word) {
                Some(known) => known,
                None => {
                    let read = term(&self.stemmer, word);
                    self.known.entry(word.to_owned()).or_insert(read)
                }
            };
            if let Some(term) = known {
                found(term);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_diacritics_fold() {
        assert_eq!(
            fold("Naïve Ångström Straße Œuvre Łódź"),
            "naive angstrom strasse oeuvre lodz"
        );
    }

    #[test]
    fn english_words_are_stemmed_and_common_ones_dropped() {
        let stemmer = stemmer();
        assert_eq!(
            terms(&stemmer, "The governments' innovations, and Innovating!"),
            ["govern", "innov", "innov"]
        );
        assert_eq!(terms(&stemmer, "naïve"), terms(&stemmer, "naive"));
        assert_eq!(terms(&stemmer, "2015 über"), ["2015", "uber"]);
    }

    #[test]
    fn a_reader_that_keeps_terms_reads_as_terms_does() {
        let mut reader = TermReader::default();
        for text in [
            "Councils and councillors: the council's Council.",
            "Naïve 地方政府 x",
        ] {
            for _ in 0..2 {
                let mut read = Vec::new();
                reader.each_term(text, |term| read.push(term.to_owned()));
                assert_eq!(read, terms(&stemmer(), text));
            }
        }
    }

    #[test]
    fn unspaced_scripts_are_cut_into_pairs() {
        let stemmer = stemmer();
        assert_eq!(
            terms(&stemmer, "在地方政府工作"),
            ["在地", "地方", "方政", "政府", "府工", "工作"]
        );
        assert_eq!(terms(&stemmer, "東京 と Osaka"), ["東京", "と", "osaka"]);
        assert_eq!(terms(&stemmer, "x政y"), ["x", "政", "y"]);
    }
}
