//! The logistic sigmoid and its logarithm, elementwise.

use ndarray::{Array, ArrayRef, Dimension};

use crate::Float;
use crate::kernels::{Isa, sigmoid as kernel};

/// Returns the logistic sigmoid `σ(x) = 1 / (1 + e⁻ˣ)` of every element.
///
/// Computed as `1 / (1 + e^−|x|)` or `e^−|x| / (1 + e^−|x|)` by sign, so nothing overflows and
/// small outputs keep their relative precision: `σ(−100)` is `3.7e−44`, not 0. `σ(±inf)` is 1 or 0.
///
/// # Examples
///
/// ```
/// use ndarray::array;
/// let s = logits::sigmoid(&array![2.0_f64, 1.0, 0.2]);
/// approx::assert_abs_diff_eq!(s, array![0.880_797_077_977_882_3, 0.731_058_578_630_004_9, 0.549_833_997_312_478], epsilon = 1e-15);
/// assert_eq!(logits::sigmoid(&array![f32::INFINITY, f32::NEG_INFINITY]), array![1.0, 0.0]);
/// ```
#[must_use]
pub fn sigmoid<A: Float, D: Dimension>(x: &ArrayRef<A, D>) -> Array<A, D> {
    let x = x.as_standard_layout();
    let mut out = Array::zeros(x.raw_dim());
    if let (Some(xs), Some(os)) = (x.as_slice(), out.as_slice_mut()) {
        kernel::sigmoid(Isa::detect(), xs, os);
    }
    out
}

/// Returns `ln σ(x) = −ln(1 + e⁻ˣ)` of every element, computed as `min(x, 0) − ln(1 + e^−|x|)`.
///
/// Exact where the naive `σ(x).ln()` fails: `log_sigmoid(−1e4)` is `−1e4`, not −inf.
///
/// # Examples
///
/// ```
/// use ndarray::array;
/// let y = logits::log_sigmoid(&array![-1e4_f32, 0.0, f32::INFINITY]);
/// assert_eq!(y, array![-1e4, -std::f32::consts::LN_2, 0.0]);
/// ```
#[must_use]
pub fn log_sigmoid<A: Float, D: Dimension>(x: &ArrayRef<A, D>) -> Array<A, D> {
    x.mapv(|v| v.min(A::zero()) - (-v.abs()).exp().ln_1p())
}
