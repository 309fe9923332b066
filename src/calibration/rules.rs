//! The roll-ups of the calibration sheet, worked out as its formulas do.

use super::read::Verdict;

/// The sheet's roll-ups, from 0-based ranks: lowest, median (rounded down), and the verdict.
pub fn roll_ups(
    ratings: &[Option<usize>],
    current: usize,
    rated_areas: usize,
) -> (Option<usize>, Option<usize>, Option<Verdict>) {
    let mut ranks: Vec<usize> = ratings.iter().flatten().copied().collect();
    if ranks.is_empty() {
        return (None, None, None);
    }
    ranks.sort_unstable();
    let middle = ranks.len() / 2;
    // MEDIAN of 1-based ranks, then ROUNDDOWN: for an even count, the lower of the two middles
    // when they differ by one, else their mean rounded down.
    let median = if ranks.len() % 2 == 1 {
        ranks[middle]
    } else {
        (ranks[middle - 1] + ranks[middle]) / 2
    };
    let verdict = if ranks[0] < current {
        Verdict::No
    } else if ranks.len() < rated_areas {
        Verdict::Incomplete
    } else {
        Verdict::Yes
    };
    (Some(ranks[0]), Some(median), Some(verdict))
}
