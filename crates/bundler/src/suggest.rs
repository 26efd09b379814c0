//! "Did you mean ...?": the accepted name closest to a misspelt one.

/// The accepted name closest to a misspelt `name`, if it is close enough to be a likely typo.
pub fn closest<'a>(name: &str, accepted: &[&'a str]) -> Option<&'a str> {
    let name = name.to_lowercase();
    accepted
        .iter()
        .map(|candidate| (edit_distance(&name, candidate), *candidate))
        .filter(|(distance, candidate)| *distance <= 2.max(candidate.chars().count() / 3))
        .min()
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous.get(j).copied().unwrap_or(0) + usize::from(ca != *cb);
            let delete = previous.get(j + 1).copied().unwrap_or(0) + 1;
            let insert = current.get(j).copied().unwrap_or(0) + 1;
            current.push(substitute.min(delete).min(insert));
        }
        previous = current;
    }
    previous.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACCEPTED: &[&str] = &["title", "count", "tags", "draft", "authors"];

    #[test]
    fn suggests_only_close_names() {
        assert_eq!(closest("Title", ACCEPTED), Some("title"));
        assert_eq!(closest("author", ACCEPTED), Some("authors"));
        assert_eq!(closest("colour", ACCEPTED), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
