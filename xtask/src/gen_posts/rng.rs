//! A tiny seeded pseudo-random generator (SplitMix64): the same seed gives the same sequence on
//! every machine, which is all generated test content needs.

/// SplitMix64 (Steele, Lea and Flood, 2014).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `low..=high`.
    pub fn range(&mut self, low: usize, high: usize) -> usize {
        let span = high.saturating_sub(low) as u64 + 1;
        low + (self.next_u64() % span) as usize
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// One item of a non-empty pool (the empty string for an empty one).
    pub fn pick<'a>(&mut self, pool: &[&'a str]) -> &'a str {
        if pool.is_empty() {
            return "";
        }
        pool[self.range(0, pool.len() - 1)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_numbers() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        for _ in 0..100 {
            assert_eq!(a.next_u64(), b.next_u64());
        }
    }

    #[test]
    fn ranges_stay_inside() {
        let mut rng = Rng::new(1);
        for _ in 0..1000 {
            let n = rng.range(3, 5);
            assert!((3..=5).contains(&n));
        }
        assert_eq!(rng.range(4, 4), 4);
    }
}
