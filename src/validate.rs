//! Every check of the crate's inputs, in one place: an axis out of bounds panics (a programmer
//! error, as in ndarray); everything that comes from data or configuration is an [`Error`] that
//! says what and where.

use ndarray::{Array1, ArrayD, ArrayRef, ArrayViewD, Axis, Dimension, IntoDimension, IxDyn};

use crate::Float;
use crate::error::{Error, Result};
use crate::kernels::cross_entropy::IGNORED;
use crate::numeric::{Total, count, wide};

/// Panics unless `axis` is an axis of `x`.
#[track_caller]
pub(crate) fn axis<A, D: Dimension>(x: &ArrayRef<A, D>, axis: Axis) {
    assert!(
        axis.index() < x.ndim(),
        "axis {} is out of bounds for an array of {} dimensions",
        axis.index(),
        x.ndim()
    );
}

/// `found` (the argument `what`) has the shape of `expected` (the argument `against`).
pub(crate) fn same_shape<A, B, D: Dimension>(
    what: &'static str,
    found: &ArrayRef<A, D>,
    against: &'static str,
    expected: &ArrayRef<B, D>,
) -> Result<()> {
    shape(what, found.shape(), against, expected.shape())
}

/// The shape `found` of `what` is `expected`, the shape of `against`.
pub(crate) fn shape(
    what: &'static str,
    found: &[usize],
    against: &'static str,
    expected: &[usize],
) -> Result<()> {
    if found == expected {
        Ok(())
    } else {
        Err(Error::shape(what, found, against, expected))
    }
}

/// `1 / t`, or an error unless `t` is finite, positive and has a finite reciprocal.
pub(crate) fn inverse_temperature<A: Float>(t: A) -> Result<A> {
    let inv = t.recip();
    if t.is_finite() && t > A::zero() && inv.is_finite() {
        Ok(inv)
    } else {
        Err(Error::InvalidTemperature { value: wide(t) })
    }
}

/// A label smoothing in `[0, 1]` (NaN is not).
pub(crate) fn label_smoothing<A: Float>(epsilon: A) -> Result<()> {
    if epsilon >= A::zero() && epsilon <= A::one() {
        Ok(())
    } else {
        Err(Error::InvalidLabelSmoothing {
            value: wide(epsilon),
        })
    }
}

/// An option that must satisfy `ok`, described by `expected`.
pub(crate) fn option<A: Float>(
    name: &'static str,
    value: A,
    ok: bool,
    expected: &'static str,
) -> Result<()> {
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidOption {
            name,
            value: wide(value),
            expected,
        })
    }
}

/// Every element of `x` lies in `[0, 1]` (NaN passes: it is data, not an error).
pub(crate) fn probabilities<A: Float, D: Dimension>(
    what: &'static str,
    x: &ArrayRef<A, D>,
) -> Result<()> {
    let outside = |v: &A| *v < A::zero() || *v > A::one();
    // A plain pass over the memory first (it vectorises); positions only on the error path.
    let any_outside = match x.as_slice_memory_order() {
        Some(s) => s.iter().fold(false, |bad, v| bad | outside(v)),
        None => x.iter().any(outside),
    };
    if !any_outside {
        return Ok(());
    }
    match x.indexed_iter().find(|(_, v)| outside(v)) {
        None => Ok(()),
        Some((index, &v)) => Err(Error::InvalidProbability {
            what,
            index: index.into_dimension().slice().to_vec(),
            value: wide(v),
        }),
    }
}

/// Class-index targets in logical (C) order, [`IGNORED`] for `ignore`, each checked against
/// `classes`; with the summed weight of the counted ones (their number without `weight`), the
/// denominator of a weighted mean, in `f64`.
pub(crate) fn class_targets<A: Float>(
    t: &ArrayViewD<'_, usize>,
    classes: usize,
    ignore: Option<usize>,
    weight: Option<&Array1<A>>,
) -> Result<(Vec<usize>, f64)> {
    // In memory order where the targets are contiguous in C order (ndarray's iterator over a
    // dynamic-dimension view costs more than the check).
    let (flat, denominator) = match t.as_slice() {
        Some(s) => labels(s.iter().copied(), classes, ignore, weight),
        None => labels(t.iter().copied(), classes, ignore, weight),
    };
    // The label that stopped the check, found again with its position, only on this error path.
    if flat.len() < t.len()
        && let Some((index, &label)) = t.indexed_iter().nth(flat.len())
    {
        return Err(Error::LabelOutOfRange {
            sample: index.slice().to_vec(),
            label,
            classes,
        });
    }
    Ok((flat, denominator))
}

/// The labels as the kernels take them ([`IGNORED`] for an ignored one), up to the first out of
/// range, and the summed weight of the counted ones (their number without weights).
#[inline]
fn labels<A: Float>(
    t: impl ExactSizeIterator<Item = usize>,
    classes: usize,
    ignore: Option<usize>,
    weight: Option<&Array1<A>>,
) -> (Vec<usize>, f64) {
    let mut flat = Vec::with_capacity(t.len());
    let mut counted = 0_usize;
    let mut denominator = Total::default();
    for label in t {
        if Some(label) == ignore {
            flat.push(IGNORED);
        } else if label < classes {
            flat.push(label);
            match weight {
                Some(w) => denominator.add(w[label]),
                None => counted += 1,
            }
        } else {
            break;
        }
    }
    if weight.is_none() {
        denominator.add_wide(count(counted));
    }
    (flat, denominator.wide())
}

/// An optional per-element weight, broadcast to `shape`.
pub(crate) fn broadcast<'a, A>(
    what: &'static str,
    w: Option<&'a ArrayD<A>>,
    shape: &[usize],
) -> Result<Option<ArrayViewD<'a, A>>> {
    w.map(|w| {
        w.broadcast(IxDyn(shape))
            .ok_or_else(|| Error::shape(what, w.shape(), "input", shape))
    })
    .transpose()
}

/// An optional `pos_weight`, one value per position of the last axis of `shape`, broadcast to it.
pub(crate) fn pos_weight<'a, A>(
    pw: Option<&'a ArrayD<A>>,
    shape: &[usize],
) -> Result<Option<ArrayViewD<'a, A>>> {
    let Some(pw) = pw else { return Ok(None) };
    let last = shape.last().copied().unwrap_or(1);
    if pw.len() != last {
        return Err(Error::shape(
            "pos_weight",
            pw.shape(),
            "the last axis",
            &[last],
        ));
    }
    if shape.is_empty() {
        // A 0-D input is one element, with the one value of pos_weight (a `[1]` array does not
        // broadcast to a 0-D shape).
        return Ok(Some(pw.index_axis(Axis(0), 0)));
    }
    broadcast("pos_weight", Some(pw), shape)
}
