//! The ranking of related posts against posts built to have known answers, a brute-force
//! scorer, other thread counts, and (ignored by default) 10,000 posts timed.
use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use super::*;

/// Postings in the search index's format from each term's (post, impact), in post order.
fn encode(terms: &[(&str, &[(u32, u32)])]) -> Vec<(String, Vec<u32>)> {
    terms
        .iter()
        .map(|(term, list)| {
            let mut previous = 0;
            let mut numbers = Vec::new();
            for (post, impact) in *list {
                numbers.extend([post - previous, *impact, 0]);
                previous = *post;
            }
            ((*term).to_owned(), numbers)
        })
        .collect()
}

fn plain(count: usize) -> Vec<Candidate<'static>> {
    (0..count).map(|_| tagged(&[])).collect()
}

fn tagged(tags: &'static [&'static str]) -> Candidate<'static> {
    Candidate {
        tags,
        series: None,
        draft: false,
    }
}

#[test]
fn rare_title_terms_outrank_common_body_terms() {
    // Post 0 shares a rare title word with post 2, body words with 1, 3 and 4.
    let postings = encode(&[
        ("borrowck", &[(0, 920), (2, 880)]),
        ("code", &[(0, 390), (1, 380), (3, 370), (4, 395)]),
        ("make", &[(0, 360), (1, 375), (3, 350)]),
    ]);
    let related = related(&postings, &plain(5));
    // 2: 809,600; 1: 283,200; 3: 270,300; 4: 154,050.
    assert_eq!(related[0], [2, 1, 3, 4]);
    assert_eq!(related[2], [0]);
}

#[test]
fn only_common_words_shared_relate_nothing() {
    // Post 0 shares one distinctive word with post 1, and only common words with post 2.
    let postings = encode(&[
        ("larch", &[(0, 360), (1, 360)]),
        ("the", &[(0, 100), (2, 100)]),
        ("and", &[(0, 100), (2, 100)]),
    ]);
    let related = related(&postings, &plain(3));
    // 1: 129,600, past `LEAST`; 2: 20,000, short of it.
    assert_eq!(related, [vec![1], vec![0], vec![]]);
}

#[test]
fn a_shared_tag_decides_between_posts_alike_in_terms() {
    let postings = encode(&[("lifetimes", &[(0, 400), (1, 400), (2, 400)])]);
    let posts = [tagged(&["rust"]), tagged(&[]), tagged(&["rust"])];
    let related = related(&postings, &posts);
    assert_eq!(related[0], [2, 1]);
    assert_eq!(related[1], [0, 2]);
    assert_eq!(related[2], [0, 1]);
}

#[test]
fn a_tag_of_many_posts_counts_like_any_other() {
    // 80 posts have tag "all", posts 10 and on "most" too: more than the 64 to go through.
    let posts: Vec<Candidate<'static>> = (0..80)
        .map(|post| Candidate {
            tags: match post < 10 {
                true => &["all"],
                false => &["most", "all"],
            },
            series: (post == 0 || post == 2).then_some("s"),
            draft: post == 1,
        })
        .collect();
    let postings = encode(&[("x", &[(0, 100), (79, 100)])]);
    let related = related(&postings, &posts);
    // 79: 260,000; 3, 4, 5: 250,000 (1 is a draft, 2 of the series).
    assert_eq!(related[0], [79, 3, 4, 5]);
    assert_eq!(related[1], [0, 2, 3, 4]);
    // Both tags: 500,000.
    assert_eq!(related[20], [10, 11, 12, 13]);
    assert_eq!(related[79], [10, 11, 12, 13]);
}

#[test]
fn a_shared_tag_weighs_half_the_highest_impact_squared() {
    let common: Vec<String> = (0..10).map(|word| format!("common{word}")).collect();
    let lists: Vec<[(u32, u32); 2]> = (0..10).map(|_| [(0, 150), (4, 150)]).collect();
    let mut terms: Vec<(&str, &[(u32, u32)])> = vec![("borrowck", &[(0, 900), (1, 900)])];
    terms.extend(
        common
            .iter()
            .map(String::as_str)
            .zip(lists.iter().map(|l| &l[..])),
    );
    let posts = [
        tagged(&["rust", "web"]),
        // A rare title word: 810,000.
        tagged(&[]),
        // Two tags: 500,000.
        tagged(&["web", "rust"]),
        // One tag, given twice: 250,000.
        tagged(&["rust", "rust"]),
        // Ten common body words: 225,000.
        tagged(&[]),
    ];
    let related = related(&encode(&terms), &posts);
    assert_eq!(related[0], [1, 2, 3, 4]);
    // Tags alone relate posts.
    assert_eq!(related[2], [0, 3]);
    assert_eq!(related[3], [0, 2]);
}

#[test]
fn the_newer_post_comes_first_on_an_exact_tie() {
    let everyone: Vec<(u32, u32)> = (0..5).map(|post| (post, 500)).collect();
    // Post 5's term and post 6's tag weigh the same: 500 × 500.
    let postings = encode(&[("x", &everyone), ("y", &[(5, 500), (7, 500)])]);
    let mut posts = plain(5);
    posts.extend([tagged(&[]), tagged(&["t"]), tagged(&["t"])]);
    let related = related(&postings, &posts);
    assert_eq!(related[0], [1, 2, 3, 4]);
    assert_eq!(related[2], [0, 1, 3, 4]);
    assert_eq!(related[4], [0, 1, 2, 3]);
    assert_eq!(related[7], [5, 6]);
}

#[test]
fn never_itself_a_draft_or_a_post_of_its_series() {
    let everyone: Vec<(u32, u32)> = (0..6).map(|post| (post, 500)).collect();
    let postings = encode(&[("x", &everyone)]);
    let in_series = |series| Candidate {
        tags: &["t"],
        series,
        draft: false,
    };
    let mut draft = in_series(None);
    draft.draft = true;
    let posts = [
        in_series(Some("s")),
        in_series(Some("s")),
        draft,
        in_series(Some("t")),
        in_series(None),
        in_series(None),
    ];
    let related = related(&postings, &posts);
    assert_eq!(related[0], [3, 4, 5]);
    assert_eq!(related[1], [3, 4, 5]);
    // A draft has related posts of its own.
    assert_eq!(related[2], [0, 1, 3, 4]);
    assert_eq!(related[3], [0, 1, 4, 5]);
    assert_eq!(related[4], [0, 1, 3, 5]);
    assert_eq!(related[5], [0, 1, 3, 4]);
}

#[test]
fn a_post_that_shares_nothing_has_no_related_posts() {
    let postings = encode(&[
        ("alone", &[(0, 1000)]),
        ("pair", &[(1, 400), (2, 400)]),
        ("with-a-draft", &[(0, 700), (3, 700)]),
    ]);
    let mut posts = plain(4);
    if let Some(post) = posts.get_mut(3) {
        post.draft = true;
    }
    let related = related(&postings, &posts);
    assert_eq!(related, [vec![], vec![2], vec![1], vec![0]]);
}

#[test]
fn terms_of_too_many_posts_relate_nothing() {
    let everyone: Vec<(u32, u32)> = (0..100).map(|post| (post, 900)).collect();
    let postings = encode(&[("rare", &[(0, 500), (99, 500)]), ("the", &everyone)]);
    let related = related(&postings, &plain(100));
    assert_eq!(related[0], [99]);
    assert_eq!(related[99], [0]);
    assert!(related[1..99].iter().all(Vec::is_empty));
}

#[test]
fn never_more_than_four() {
    let everyone: Vec<(u32, u32)> = (0..10).map(|post| (post, 400 + post * 10)).collect();
    let related = related(&encode(&[("x", &everyone)]), &plain(10));
    assert_eq!(related[0], [9, 8, 7, 6]);
    assert_eq!(related[9], [8, 7, 6, 5]);
    assert!(related.iter().all(|posts| posts.len() == RELATED_POSTS));
}

#[test]
fn only_a_posts_weightiest_terms_look_for_its_related_posts() {
    // Post 0's weightiest terms are shared with post 2; lighter ones, with post 1.
    let names: Vec<String> = (0..TERMS + 8).map(|term| format!("t{term:03}")).collect();
    let lists: Vec<[(u32, u32); 2]> = (0..TERMS + 8)
        .map(|term| match term < TERMS {
            true => [(0, 900), (2, 900)],
            false => [(0, 400), (1, 400)],
        })
        .collect();
    let terms: Vec<(&str, &[(u32, u32)])> = names
        .iter()
        .map(String::as_str)
        .zip(lists.iter().map(|l| &l[..]))
        .collect();
    let related = related(&encode(&terms), &plain(3));
    assert_eq!(related[0], [2]);
    assert_eq!(related[1], [0]);
}

#[test]
fn malformed_postings_are_left_out() {
    let postings = vec![
        // Posts 0, 1, 1 again, 100 (there is no such post), and a number too many.
        (
            "x".to_owned(),
            vec![0, 500, 0, 1, 500, 0, 0, 500, 0, 99, 500, 0, 7],
        ),
        // An impact past 1000, taken as 1000 (else post 2 would come first for post 1), and
        // one of 0, taken as 1.
        ("y".to_owned(), vec![1, 5000, 0, 1, 200, 0]),
        ("z".to_owned(), vec![0, 0, 0, 2, 0, 0]),
        ("empty".to_owned(), vec![]),
    ];
    let related = related(&postings, &plain(3));
    assert_eq!(related, [vec![1], vec![0, 2], vec![1]]);
    assert!(super::related(&postings, &[]).is_empty());
}

/// A generated blog: postings in the search index's format and each post's tags, series
/// and whether it is a draft.
struct Corpus {
    postings: Vec<(String, Vec<u32>)>,
    tags: Vec<Vec<String>>,
    series: Vec<Option<String>>,
    drafts: Vec<bool>,
}

/// SplitMix64: numbers that look random, the same each run.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }

    /// A rank from `cumulative` Zipf weights.
    fn zipf(&mut self, cumulative: &[f64]) -> usize {
        let unit = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        let at = unit * cumulative[cumulative.len() - 1];
        cumulative
            .partition_point(|c| *c <= at)
            .min(cumulative.len() - 1)
    }
}

fn zipf(ranks: usize) -> Vec<f64> {
    let mut total = 0.0;
    (1..=ranks)
        .map(|rank| {
            total += 1.0 / rank as f64;
            total
        })
        .collect()
}

impl Corpus {
    /// `posts` posts of `distinct` different words on average (half to one and a half
    /// times as many), drawn from `words` Zipf-like, with a title of 6 and headings of 10
    /// of their less common words, 1 to 3 of `words / 300` tags (themselves terms), every
    /// 40 posts a series of 4, and every 53rd a draft.
    fn generate(posts: usize, words: usize, distinct: usize, seed: u64) -> Corpus {
        let mut random = Random(seed);
        let vocabulary = zipf(words);
        let tag_count = (words / 300).max(8);
        let tag_ranks = zipf(tag_count);
        // Each post's terms with their counts in the title, tags, headings and body.
        let mut counts: Vec<Vec<(usize, [u32; 4])>> = Vec::with_capacity(posts);
        let mut tags = Vec::with_capacity(posts);
        let mut lengths = Vec::with_capacity(posts);
        for _ in 0..posts {
            let mut terms: HashMap<usize, [u32; 4]> = HashMap::new();
            let want = distinct / 2 + random.below(distinct + 1);
            let mut length = 0;
            while terms.len() < want {
                terms.entry(random.zipf(&vocabulary)).or_default()[3] += 1;
                length += 1;
            }
            let mut uncommon: Vec<usize> =
                terms.keys().copied().filter(|word| *word >= 100).collect();
            uncommon.sort_unstable();
            for (field, times) in [(0, 6), (2, 10)] {
                for _ in 0..times {
                    if !uncommon.is_empty() {
                        let word = uncommon[random.below(uncommon.len())];
                        terms.entry(word).or_default()[field] += 1;
                    }
                }
            }
            let mut slugs = Vec::new();
            for _ in 0..1 + random.below(3) {
                let tag = random.zipf(&tag_ranks);
                terms.entry(words + tag).or_default()[1] += 1;
                slugs.push(format!("tag-{tag}"));
            }
            let mut terms: Vec<(usize, [u32; 4])> = terms.into_iter().collect();
            terms.sort_unstable();
            counts.push(terms);
            tags.push(slugs);
            lengths.push(length as f64);
        }
        let average = lengths.iter().sum::<f64>() / posts as f64;
        let mut found_in = vec![0usize; words + tag_count];
        for terms in &counts {
            for (term, _) in terms {
                found_in[*term] += 1;
            }
        }
        // BM25: rarity times the weighted count saturated, scaled to 1..=1000.
        let rarity = |found_in: usize| {
            let (posts, found_in) = (posts as f64, found_in as f64);
            (1.0 + (posts - found_in + 0.5) / (found_in + 0.5)).ln()
        };
        let highest = rarity(1) * 2.2;
        let mut lists: Vec<Vec<(u32, u32)>> = vec![Vec::new(); words + tag_count];
        for (post, terms) in counts.iter().enumerate() {
            let body = 0.25 + 0.75 * lengths[post] / average;
            for (term, [title, tag, headings, text]) in terms {
                let weighted =
                    f64::from(10 * title + 5 * tag + 3 * headings) + f64::from(*text) / body;
                let score = rarity(found_in[*term]) * weighted * 2.2 / (weighted + 1.2);
                let impact = (score / highest * 1000.0).round() as u32;
                lists[*term].push((post as u32, impact.clamp(1, 1000)));
            }
        }
        // Words, then tags: "w…" before "x…", so term order.
        let postings = lists
            .iter()
            .enumerate()
            .filter(|(_, list)| !list.is_empty())
            .map(|(term, list)| {
                let name = match term < words {
                    true => format!("w{term:06}"),
                    false => format!("x{:06}", term - words),
                };
                let mut previous = 0;
                let mut numbers = Vec::with_capacity(list.len() * 3);
                for (post, impact) in list {
                    numbers.extend([post - previous, *impact, random.below(4) as u32]);
                    previous = *post;
                }
                (name, numbers)
            })
            .collect();
        Corpus {
            postings,
            tags,
            series: (0..posts)
                .map(|post| (post % 40 < 4).then(|| format!("series-{}", post / 40)))
                .collect(),
            drafts: (0..posts).map(|post| post % 53 == 7).collect(),
        }
    }

    fn related(&self) -> Vec<Vec<u32>> {
        let slugs: Vec<Vec<&str>> = self
            .tags
            .iter()
            .map(|tags| tags.iter().map(String::as_str).collect())
            .collect();
        related(&self.postings, &self.candidates(&slugs))
    }

    fn candidates<'a>(&'a self, slugs: &'a [Vec<&'a str>]) -> Vec<Candidate<'a>> {
        slugs
            .iter()
            .enumerate()
            .map(|(post, tags)| Candidate {
                tags,
                series: self.series[post].as_deref(),
                draft: self.drafts[post],
            })
            .collect()
    }
}

/// The related posts as the rules say, scoring every pair of posts.
fn every_pair(postings: &[(String, Vec<u32>)], posts: &[Candidate<'_>]) -> Vec<Vec<u32>> {
    let count = posts.len();
    let mut impacts: HashMap<(usize, usize), u64> = HashMap::new();
    let mut own: Vec<Vec<(u32, usize)>> = vec![Vec::new(); count];
    for (term, (_, numbers)) in postings.iter().enumerate() {
        if !(2..=most_posts(count)).contains(&(numbers.len() / 3)) {
            continue;
        }
        let mut post = 0;
        for triple in numbers.chunks(3) {
            post += triple[0] as usize;
            impacts.insert((term, post), u64::from(triple[1]));
            own[post].push((triple[1], term));
        }
    }
    (0..count)
        .map(|post| {
            let mut weightiest = own[post].clone();
            weightiest.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            weightiest.truncate(TERMS);
            let tags: HashSet<&str> = posts[post].tags.iter().copied().collect();
            let mut scored: Vec<(u64, u32)> = (0..count)
                .filter(|other| *other != post && !posts[*other].draft)
                .filter(|other| {
                    posts[post].series.is_none() || posts[post].series != posts[*other].series
                })
                .map(|other| {
                    let terms: u64 = weightiest
                        .iter()
                        .map(|(impact, term)| {
                            u64::from(*impact) * impacts.get(&(*term, other)).unwrap_or(&0)
                        })
                        .sum();
                    let theirs: HashSet<&str> = posts[other].tags.iter().copied().collect();
                    let shared = tags.intersection(&theirs).count() as u64;
                    (terms + shared * TAG, other as u32)
                })
                .filter(|(score, _)| *score >= LEAST)
                .collect();
            scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            scored
                .iter()
                .take(RELATED_POSTS)
                .map(|(_, other)| *other)
                .collect()
        })
        .collect()
}

#[test]
fn the_same_as_scoring_every_pair() {
    let mut corpus = Corpus::generate(400, 4000, 80, 1);
    for round in 0..2 {
        let slugs: Vec<Vec<&str>> = corpus
            .tags
            .iter()
            .map(|tags| tags.iter().map(String::as_str).collect())
            .collect();
        let posts = corpus.candidates(&slugs);
        let related = related(&corpus.postings, &posts);
        assert_eq!(
            related,
            every_pair(&corpus.postings, &posts),
            "round {round}"
        );
        let full = related.iter().filter(|posts| posts.len() == 4).count();
        assert!(full > 300, "{full} of 400 posts have 4 related posts");
        // Then a tag on two posts in three, besides the tags of many posts the corpus has.
        for (post, tags) in corpus.tags.iter_mut().enumerate() {
            if post % 3 != 0 {
                tags.push("most".to_owned());
            }
        }
    }
}

#[test]
fn the_same_whatever_the_threads() {
    let corpus = Corpus::generate(1500, 10_000, 150, 2);
    let in_threads = |threads| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| corpus.related())
    };
    let one = in_threads(1);
    assert_eq!(one, in_threads(4));
    assert!(one.iter().filter(|posts| !posts.is_empty()).count() > 1000);
}

#[test]
#[ignore = "timing: cargo test --release -- --ignored --nocapture"]
fn ten_thousand_posts_in_well_under_a_second() {
    let started = Instant::now();
    let corpus = Corpus::generate(10_000, 60_000, 300, 3);
    let postings: usize = corpus.postings.iter().map(|(_, n)| n.len() / 3).sum();
    println!(
        "generated {} terms, {postings} postings in {:?}",
        corpus.postings.len(),
        started.elapsed()
    );
    let mut times = Vec::new();
    let mut related = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        related = corpus.related();
        times.push(started.elapsed());
    }
    let single = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let started = Instant::now();
    let alone = single.install(|| corpus.related());
    let one_thread = started.elapsed();
    assert_eq!(alone, related);
    let shown: Vec<usize> = (0..=RELATED_POSTS)
        .map(|n| related.iter().filter(|posts| posts.len() == n).count())
        .collect();
    println!(
        "related at 10,000 posts: {:?} (first, then 4 more) with {} threads, {one_thread:?} with 1; posts with 0..=4 related: {shown:?}",
        times,
        rayon::current_num_threads()
    );
    assert!(times[0] < Duration::from_secs(1));
    // The worst tags can do: one on every post, each post's tag list then all the posts.
    let mut everywhere = corpus;
    for tags in &mut everywhere.tags {
        tags.push("everything".to_owned());
    }
    let started = Instant::now();
    everywhere.related();
    let elapsed = started.elapsed();
    println!("with a tag on every post: {elapsed:?}");
    assert!(elapsed < Duration::from_secs(1));
}
