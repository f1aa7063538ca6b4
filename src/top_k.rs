//! [`top_k`]: the largest entries along an axis, with their indices.

use std::cmp::Ordering;

use ndarray::{Array, ArrayRef, Axis, RemoveAxis, Zip};

use crate::kernels::Isa;
use crate::kernels::sample::{BLOCK, block_maxima};
use crate::{Float, validate};

/// Returns the `k` largest values along `axis` and their indices, both sorted from the largest
/// down, as PyTorch's `torch.topk` and NumPy's `argsort` do for a classifier's top-5.
///
/// The results have `x`'s shape with `axis` shortened to `min(k, len)`: a `k` beyond the length
/// of the axis gives the whole axis, sorted, and `k = 0` an empty axis. Every lane is ordered the
/// same way, a total order that does not depend on the layout of `x`:
///
/// - larger values first (`+inf` first of all, `−inf` after every finite value);
/// - equal values by lower index first (`-0.0` and `0.0` count as equal);
/// - `NaN` last, after `−inf`, again by lower index.
///
/// Softmax preserves order, so the top-k of the logits are the top-k of the probabilities:
/// take them from whichever you already have.
///
/// # Panics
///
/// If `axis` is out of bounds for `x`.
///
/// # Examples
///
/// ```
/// use ndarray::{array, Axis};
/// let logits = array![[0.5_f32, 3.0, -1.0, 3.0], [f32::NAN, 1.0, 2.0, 0.0]];
/// let (values, indices) = logits::top_k(&logits, 2, Axis(1));
/// assert_eq!(values, array![[3.0, 3.0], [2.0, 1.0]]);
/// assert_eq!(indices, array![[1, 3], [2, 1]]); // a tie: the lower index first; NaN last
///
/// // The top classes of a softmax, with their probabilities.
/// let p = logits::softmax(&array![2.0_f64, 1.0, 0.1], Axis(0));
/// let (probs, classes) = logits::top_k(&p, 5, Axis(0)); // k > 3 gives all 3
/// assert_eq!(classes, array![0, 1, 2]);
/// assert!(probs[0] > 0.65 && probs[0] < 0.66);
/// ```
#[must_use = "returns the values and indices; `x` is not changed"]
#[track_caller]
pub fn top_k<A: Float, D: RemoveAxis>(
    x: &ArrayRef<A, D>,
    k: usize,
    axis: Axis,
) -> (Array<A, D>, Array<usize, D>) {
    validate::axis(x, axis);
    let len = x.len_of(axis);
    let k = k.min(len);
    let mut dim = x.raw_dim();
    dim[axis.index()] = k;
    let mut values = Array::zeros(dim.clone());
    let mut indices = Array::zeros(dim);
    if k == 0 {
        return (values, indices);
    }
    // Scratch buffers, reused by every lane: the lane's values (gathered where the lane is
    // strided), the candidate indices, and the lane's block maxima.
    let isa = Isa::detect();
    let mut gathered = Vec::with_capacity(len);
    let mut order = Vec::with_capacity(len);
    let mut maxima = Vec::new();
    Zip::from(x.lanes(axis))
        .and(values.lanes_mut(axis))
        .and(indices.lanes_mut(axis))
        .for_each(|lane, mut top_values, mut top_indices| {
            let lane_values: &[A] = if let Some(s) = lane.as_slice() {
                s
            } else {
                gathered.clear();
                gathered.extend(lane.iter().copied());
                &gathered
            };
            let by_rank = |&i: &usize, &j: &usize| rank(lane_values[i], i, lane_values[j], j);
            // The candidates: on a long lane, only the entries at least as large as the k-th
            // largest block maximum (the k largest block maxima are k entries that large); on a
            // short one, or one holding NaN, every entry.
            if !candidates(isa, lane_values, k, &mut maxima, &mut order) {
                order.clear();
                order.extend(0..len);
            }
            // Partition around the k-th largest in linear time, then sort only the top k.
            if k < order.len() {
                order.select_nth_unstable_by(k - 1, by_rank);
            }
            order[..k].sort_unstable_by(by_rank);
            for ((v, i), &o) in top_values
                .iter_mut()
                .zip(top_indices.iter_mut())
                .zip(&order)
            {
                *v = lane_values[o];
                *i = o;
            }
        });
    (values, indices)
}

/// The indices of the entries of `x` that are at least the `k`-th largest block maximum, into
/// `out`, in index order: a superset of the top `k`. False (and `out` unspecified) where that
/// would not save work (fewer than `4k` blocks) or `x` holds NaN.
fn candidates<A: Float>(
    isa: Isa,
    x: &[A],
    k: usize,
    maxima: &mut Vec<A>,
    out: &mut Vec<usize>,
) -> bool {
    if x.len() < 4 * k * BLOCK {
        return false;
    }
    block_maxima(isa, x, maxima);
    if maxima.iter().any(|m| m.is_nan()) {
        return false;
    }
    out.clear();
    out.extend(0..maxima.len());
    out.select_nth_unstable_by(k - 1, |&a, &b| {
        maxima[b].partial_cmp(&maxima[a]).unwrap_or(Ordering::Equal)
    });
    let threshold = maxima[out[k - 1]];
    out.clear();
    for (b, &m) in maxima.iter().enumerate() {
        if m >= threshold {
            let start = b * BLOCK;
            let end = x.len().min(start + BLOCK);
            out.extend((start..end).filter(|&i| x[i] >= threshold));
        }
    }
    true
}

/// The order of the output: larger values first, `NaN` last, and the lower index first among
/// equals (so the order is total, and an unstable sort gives the same answer as a stable one).
fn rank<A: Float>(a: A, i: usize, b: A, j: usize) -> Ordering {
    let by_value = match (a.is_nan(), b.is_nan()) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
        (false, false) => b.partial_cmp(&a).unwrap_or(Ordering::Equal),
    };
    by_value.then(i.cmp(&j))
}
