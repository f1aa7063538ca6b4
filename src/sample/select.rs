//! Selection over candidate lists without a full sort: the `k` first in the sampler's order, and
//! the shortest prefix of that order whose mass reaches a target.

use std::cmp::Ordering;

/// A candidate token: its key (its processed value, or what a filter orders by), its index in
/// the row, and a weight a filter may set (its unnormalised probability).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Cand<A> {
    pub(crate) key: A,
    pub(crate) index: usize,
    pub(crate) weight: f64,
}

/// The sampler's order: larger key first, ties by lower index. Keys are never NaN.
#[inline]
pub(crate) fn order<A: PartialOrd>(a: &Cand<A>, b: &Cand<A>) -> Ordering {
    b.key
        .partial_cmp(&a.key)
        .unwrap_or(Ordering::Equal)
        .then(a.index.cmp(&b.index))
}

/// Moves the `k` first candidates in [`order`] to the front (in no particular order) and drops
/// the rest; keeps all if there are at most `k`.
pub(crate) fn keep_first<A: PartialOrd + Copy>(cand: &mut Vec<Cand<A>>, k: usize) {
    if k == 0 {
        cand.clear();
    } else if cand.len() > k {
        cand.select_nth_unstable_by(k - 1, order);
        cand.truncate(k);
    }
}

/// Below this many candidates, [`mass_prefix`] sorts them and walks the sum in order.
const SMALL: usize = 48;

/// The length of the shortest prefix, in [`order`], of `cand` whose mass reaches `target`
/// (every candidate when none does), with `mass(c) ≥ 0`; `cand` is reordered so that this prefix
/// comes first (in no particular order).
///
/// The cumulative mass is summed in `f64` along the order, as a reference that sorts would sum
/// it, except that the mass of whole groups known to come first is summed group by group: the
/// two differ by rounding only (a few units in the last place of `f64`). No full sort: a
/// selection around a pivot, recursing into the side that holds the crossing (expected linear
/// time); small remainders are sorted.
pub(crate) fn mass_prefix<A: PartialOrd + Copy>(
    cand: &mut [Cand<A>],
    target: f64,
    mass: impl Fn(&Cand<A>) -> f64,
) -> usize {
    let (mut lo, mut hi) = (0, cand.len());
    let mut before = 0.0_f64; // mass of cand[..lo], all of which come first
    loop {
        let part = &mut cand[lo..hi];
        if part.len() <= SMALL {
            part.sort_unstable_by(order);
            for (i, c) in part.iter().enumerate() {
                before += mass(c);
                if before >= target {
                    return lo + i + 1;
                }
            }
            return hi;
        }
        // The pivot: the median of three spread candidates, then a three-way split around it.
        let n = part.len();
        let mut three = [part[0], part[n / 2], part[n - 1]];
        three.sort_unstable_by(order);
        let pivot = three[1];
        let mut first = 0; // part[..first] comes before the pivot
        for i in 0..n {
            if order(&part[i], &pivot) == Ordering::Less {
                part.swap(i, first);
                first += 1;
            }
        }
        let head: f64 = part[..first].iter().map(&mass).sum();
        if before + head >= target {
            hi = lo + first;
            continue;
        }
        before += head;
        // The pivot itself (unique: indices differ) goes next.
        let at = first
            + part[first..]
                .iter()
                .position(|c| c.index == pivot.index)
                .unwrap_or(0);
        part.swap(first, at);
        before += mass(&part[first]);
        if before >= target {
            return lo + first + 1;
        }
        lo += first + 1;
        if lo >= hi {
            return hi;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(cand: &[Cand<f64>], target: f64) -> Vec<usize> {
        let mut sorted = cand.to_vec();
        sorted.sort_by(order);
        let mut total = 0.0;
        let mut kept = Vec::new();
        for c in sorted {
            kept.push(c.index);
            total += c.key.exp();
            if total >= target {
                break;
            }
        }
        kept.sort_unstable();
        kept
    }

    #[test]
    fn mass_prefix_matches_sorting() {
        let mut state = 7_u64;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 33) as f64 / (1_u64 << 31) as f64
        };
        for n in [1, 2, 5, 47, 48, 49, 200, 3000] {
            for trial in 0..20 {
                let levels = if trial % 2 == 0 { 1000.0 } else { 4.0 }; // many ties when 4
                let cand: Vec<Cand<f64>> = (0..n)
                    .map(|index| Cand {
                        key: -(next() * levels).floor() / 3.0,
                        index,
                        weight: 0.0,
                    })
                    .collect();
                let total: f64 = cand.iter().map(|c| c.key.exp()).sum();
                for p in [0.01, 0.3, 0.9, 0.999, 1.5] {
                    let target = p * total;
                    let mut work = cand.clone();
                    let k = mass_prefix(&mut work, target, |c| c.key.exp());
                    let mut got: Vec<usize> = work[..k].iter().map(|c| c.index).collect();
                    got.sort_unstable();
                    assert_eq!(got, reference(&cand, target), "n {n}, trial {trial}, p {p}");
                }
            }
        }
    }

    #[test]
    fn keep_first_takes_the_largest_then_lowest_index() {
        let mut cand: Vec<Cand<f32>> = [1.0, 3.0, 3.0, 2.0, 3.0]
            .iter()
            .enumerate()
            .map(|(index, &key)| Cand {
                key,
                index,
                weight: 0.0,
            })
            .collect();
        keep_first(&mut cand, 2);
        let mut got: Vec<usize> = cand.iter().map(|c| c.index).collect();
        got.sort_unstable();
        assert_eq!(got, [1, 2]);
    }
}
