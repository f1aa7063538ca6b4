//! What the fuzz targets check: one function per target, free of libFuzzer, so that the crate's
//! own tests (`tests/suite/fuzz_regressions.rs`) replay every saved input with stable Rust.
//!
//! Each function decodes arbitrary bytes into an element type (`f32` or `f64`), a shape (zero-length
//! axes and 1-class lanes included), a memory layout (C order, reversed axes, swapped axes, or every
//! second element of a larger array, forwards or backwards), an axis, values (ordinary numbers,
//! ±0, subnormals, ±huge, ±inf, NaN, any bit pattern) and options, calls `logits`, and panics if a
//! promise of the crate's documentation is broken:
//! - nothing panics: axes are always in bounds, since an axis out of bounds is the one documented
//!   panic;
//! - a result has the documented shape, and an `Err` comes where the documentation says it must
//!   (a shape that does not match, an invalid temperature);
//! - the methods of one loss agree: the same error, or the same loss to the bit, the same
//!   gradient, and `_into` leaves its buffer untouched on error;
//! - NaN stays in its lane: a lane (a sample) without NaN gets no NaN;
//! - an output whose exact value is finite is finite, and probabilities lie in `[0, 1]`;
//! - inputs are unchanged.
//!
//! Decoding never fails: bytes past the end read as 0.
#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss,
    clippy::cast_sign_loss,
    clippy::float_cmp,
    clippy::missing_panics_doc,
    clippy::too_many_lines,
    clippy::similar_names
)]

use std::fmt::Debug;

use logits::{
    BinaryCrossEntropy, BinaryCrossEntropyWithLogits, CrossEntropy, Error, Float, Input, KlDiv,
    LinearCrossEntropy, LogSumExp, Reduction, SigmoidFocalLoss, Targets, TokenOutputs,
};
#[cfg(feature = "sample")]
use logits::{Context, Key, Order, Sampler, Workspace};
use ndarray::{Array2, ArrayD, ArrayViewD, ArrayViewMutD, Axis, IxDyn, Slice, Zip};

/// `f32` or `f64`, with what the checks need.
pub trait Real: Float + Debug {
    /// The largest finite value.
    const HUGE: Self;
    /// Relative tolerance of sums and comparisons with an `f64` reference, per element summed.
    const TOL: f64;
    /// A value from raw bits (the low bits of `bits`).
    fn raw(bits: u64) -> Self;
    /// Rounds an `f64` to this type.
    fn of(v: f64) -> Self;
    /// Widens to `f64`.
    fn wide(self) -> f64;
    /// The bits, for comparisons that tell NaN payloads and `-0.0` apart.
    fn bits(self) -> u64;
    /// The width of [`bits`](Real::bits).
    const BITS: u32;
}

impl Real for f32 {
    const HUGE: Self = f32::MAX;
    const TOL: f64 = 1e-5;
    const BITS: u32 = 32;
    fn raw(bits: u64) -> Self {
        f32::from_bits(bits as u32)
    }
    fn of(v: f64) -> Self {
        v as f32
    }
    fn wide(self) -> f64 {
        f64::from(self)
    }
    fn bits(self) -> u64 {
        u64::from(self.to_bits())
    }
}

impl Real for f64 {
    const HUGE: Self = f64::MAX;
    const TOL: f64 = 1e-10;
    const BITS: u32 = 64;
    fn raw(bits: u64) -> Self {
        f64::from_bits(bits)
    }
    fn of(v: f64) -> Self {
        v
    }
    fn wide(self) -> f64 {
        self
    }
    fn bits(self) -> u64 {
        self.to_bits()
    }
}

/// Arbitrary bytes, read front to back; past the end every byte is 0.
pub struct Bytes<'a> {
    data: &'a [u8],
}

/// Axis lengths: around the vector widths (8 and 16 lanes) and the kernels' thresholds.
const LENGTHS: [usize; 24] = [
    0, 1, 1, 2, 2, 3, 4, 5, 7, 8, 9, 10, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 129, 257,
];

/// The most elements one decoded array has.
const MAX_ELEMENTS: usize = 4096;

impl<'a> Bytes<'a> {
    /// Reads `data`.
    #[must_use]
    pub fn new(data: &'a [u8]) -> Self {
        Self { data }
    }

    fn byte(&mut self) -> u8 {
        match self.data.split_first() {
            Some((&b, rest)) => {
                self.data = rest;
                b
            }
            None => 0,
        }
    }

    fn u16(&mut self) -> u16 {
        u16::from_le_bytes([self.byte(), self.byte()])
    }

    fn u64(&mut self) -> u64 {
        (0..8).fold(0, |acc, i| acc | (u64::from(self.byte()) << (8 * i)))
    }

    /// A number below `n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            usize::from(self.byte()) % n
        }
    }

    fn flag(&mut self) -> bool {
        self.byte() & 1 == 1
    }

    /// Mostly ordinary numbers, often the special ones.
    fn value<A: Real>(&mut self) -> A {
        let kind = self.byte();
        let sign = |b: &mut Self, v: A| if b.flag() { -v } else { v };
        match kind {
            0..=111 => A::of(f64::from(self.u16() as i16) / 256.0),
            112..=143 => A::of(f64::from(self.u16() as i16) / 2.0),
            144..=159 => A::raw(self.u64()),
            160..=171 => A::zero(),
            172..=179 => -A::zero(),
            180..=187 => {
                let v = A::min_positive_value() / A::of(f64::from(self.byte()) + 2.0);
                sign(self, v)
            }
            188..=195 => sign(self, A::HUGE),
            196..=203 => {
                let v = A::HUGE / A::of(f64::from(self.byte()) + 1.0);
                sign(self, v)
            }
            204..=219 => A::neg_infinity(),
            220..=227 => A::infinity(),
            228..=235 => A::nan(),
            _ => A::of(f64::from(kind - 236)),
        }
    }

    /// Mostly a probability, sometimes anything.
    fn probability<A: Real>(&mut self) -> A {
        match self.byte() {
            0..=199 => A::of(f64::from(self.u16()) / f64::from(u16::MAX)),
            200..=219 => A::zero(),
            220..=239 => A::one(),
            _ => self.value(),
        }
    }

    /// A class index, mostly below `classes`.
    fn class(&mut self, classes: usize) -> usize {
        match self.byte() {
            0..=239 => self.below(classes),
            240..=251 => classes + self.below(3),
            _ => usize::MAX,
        }
    }

    /// A shape of `ndim` axes holding at most [`MAX_ELEMENTS`] elements.
    fn shape(&mut self, ndim: usize) -> Vec<usize> {
        let mut total = 1;
        (0..ndim)
            .map(|_| {
                let mut n = LENGTHS[self.below(LENGTHS.len())];
                if total * n > MAX_ELEMENTS {
                    n = MAX_ELEMENTS / total;
                }
                total *= n.max(1);
                n
            })
            .collect()
    }

    /// A shape that is sometimes `shape` and sometimes not.
    fn maybe_wrong(&mut self, shape: &[usize]) -> Vec<usize> {
        let mut s = shape.to_vec();
        match self.byte() {
            0..=229 => {}
            230..=239 if !s.is_empty() => {
                let i = self.below(s.len());
                s[i] += 1;
            }
            240..=249 => s.push(1),
            _ => {
                s.pop();
            }
        }
        s
    }
}

/// How an array lies in memory.
#[derive(Clone, Copy, Debug)]
enum Layout {
    Standard,
    /// Axes reversed: Fortran order.
    Reversed,
    /// Two axes swapped.
    Swapped(usize, usize),
    /// Every second element of an axis twice as long, backwards if `true`.
    Stepped(usize, bool),
}

/// Runs the `f32` or the `f64` case, as the first byte says, on the rest of `data`.
fn by_type(data: &[u8], f32_case: fn(&mut Bytes), f64_case: fn(&mut Bytes)) {
    let mut b = Bytes::new(data);
    if b.flag() {
        f32_case(&mut b);
    } else {
        f64_case(&mut b);
    }
}

/// Any value (a free function, so that it is generic over the bytes' lifetime).
fn any<A: Real>(b: &mut Bytes) -> A {
    b.value()
}

/// Mostly a probability.
fn prob<A: Real>(b: &mut Bytes) -> A {
    b.probability()
}

/// An array in some layout: a view of `base`.
#[derive(Clone, Debug)]
struct Tensor<A> {
    base: ArrayD<A>,
    layout: Layout,
}

impl<A: Real> Tensor<A> {
    /// A `shape` array, laid out as the bytes say, its values read by `fill`.
    fn decode(b: &mut Bytes, shape: &[usize], fill: impl FnMut(&mut Bytes) -> A) -> Self {
        let ndim = shape.len();
        let layout = match b.below(4) {
            1 if ndim > 1 => Layout::Reversed,
            2 if ndim > 1 => Layout::Swapped(b.below(ndim), b.below(ndim)),
            3 if ndim > 0 => Layout::Stepped(b.below(ndim), b.flag()),
            _ => Layout::Standard,
        };
        Self::with_layout(b, shape, layout, fill)
    }

    fn with_layout(
        b: &mut Bytes,
        shape: &[usize],
        layout: Layout,
        mut fill: impl FnMut(&mut Bytes) -> A,
    ) -> Self {
        let mut base_shape = shape.to_vec();
        match layout {
            Layout::Standard => {}
            Layout::Reversed => base_shape.reverse(),
            Layout::Swapped(i, j) => base_shape.swap(i, j),
            Layout::Stepped(i, _) => base_shape[i] *= 2,
        }
        let len = base_shape.iter().product();
        let values = (0..len).map(|_| fill(b)).collect();
        let base = ArrayD::from_shape_vec(IxDyn(&base_shape), values).expect("length matches");
        Self { base, layout }
    }

    fn view(&self) -> ArrayViewD<'_, A> {
        let v = self.base.view();
        match self.layout {
            Layout::Standard => v,
            Layout::Reversed => v.reversed_axes(),
            Layout::Swapped(i, j) => {
                let mut v = v;
                v.swap_axes(i, j);
                v
            }
            Layout::Stepped(i, back) => {
                v.slice_axis_move(Axis(i), Slice::new(0, None, if back { -2 } else { 2 }))
            }
        }
    }

    fn view_mut(&mut self) -> ArrayViewMutD<'_, A> {
        let v = self.base.view_mut();
        match self.layout {
            Layout::Standard => v,
            Layout::Reversed => v.reversed_axes(),
            Layout::Swapped(i, j) => {
                let mut v = v;
                v.swap_axes(i, j);
                v
            }
            Layout::Stepped(i, back) => {
                v.slice_axis_move(Axis(i), Slice::new(0, None, if back { -2 } else { 2 }))
            }
        }
    }
}

/// Bitwise equality, shapes included.
fn same<A: Real>(a: &ArrayViewD<A>, b: &ArrayViewD<A>) -> bool {
    a.shape() == b.shape() && Zip::from(a).and(b).all(|x, y| x.bits() == y.bits())
}

/// Distance in units in the last place, across zero; 0 for two NaN, `u64::MAX` for one.
fn ulps<A: Real>(a: A, b: A) -> u64 {
    if a.is_nan() || b.is_nan() {
        return if a.is_nan() && b.is_nan() {
            0
        } else {
            u64::MAX
        };
    }
    let key = |v: A| {
        let sign = 1_u64 << (A::BITS - 1);
        let mag = (v.bits() & (sign - 1)).cast_signed();
        if v.bits() & sign == 0 { mag } else { -mag }
    };
    key(a).abs_diff(key(b))
}

/// Equal shapes and values within a few ULPs: results of one function in two memory layouts,
/// which may take different kernels (rows, columns, gathered lanes) that round differently.
fn close<A: Real>(a: &ArrayViewD<A>, b: &ArrayViewD<A>, what: &str) {
    assert_eq!(a.shape(), b.shape(), "{what}: shape");
    let worst = Zip::from(a)
        .and(b)
        .fold(None, |w: Option<(A, A)>, &x, &y| match w {
            Some((p, q)) if ulps(p, q) >= ulps(x, y) => w,
            _ => Some((x, y)),
        });
    if let Some((x, y)) = worst {
        assert!(ulps(x, y) <= 8, "{what}: {x:?} but {y:?}");
    }
}

/// Asserts that a call left its input as it was.
fn unchanged<A: Real>(before: &ArrayD<A>, after: &ArrayViewD<A>, what: &str) {
    assert!(same(&before.view(), after), "{what} was modified");
}

/// `x`'s shape without `axis`.
fn without(shape: &[usize], axis: usize) -> Vec<usize> {
    let mut s = shape.to_vec();
    s.remove(axis);
    s
}

/// `|a − b| ≤ tol · scale`, or both the same non-finite value.
fn near(a: f64, b: f64, tol: f64, scale: f64) -> bool {
    if a == b {
        return true;
    }
    if !a.is_finite() || !b.is_finite() {
        return a == b || (a.is_nan() && b.is_nan());
    }
    (a - b).abs() <= tol * scale
}

/// `ln Σ exp(x)` in `f64`, stably; `None` for a lane with NaN.
fn lse_f64<A: Real>(lane: &ndarray::ArrayView1<A>) -> Option<f64> {
    if lane.iter().any(|v| v.is_nan()) {
        return None;
    }
    let m = lane.iter().fold(f64::NEG_INFINITY, |m, v| m.max(v.wide()));
    if !m.is_finite() {
        return Some(m);
    }
    let s: f64 = lane.iter().map(|v| (v.wide() - m).exp()).sum();
    Some(m + s.ln())
}

fn has_nan<A: Real>(lane: &ndarray::ArrayView1<A>) -> bool {
    lane.iter().any(|v| v.is_nan())
}

// ---------------------------------------------------------------------------------------------
// The softmax family
// ---------------------------------------------------------------------------------------------

/// Fuzz target `softmax`: softmax, log_softmax, logsumexp (with temperatures, masks, in place and
/// into buffers), `LogSumExp`, the backward passes and JVP, the Jacobian, sigmoid, log_sigmoid,
/// top_k.
pub fn softmax(data: &[u8]) {
    by_type(data, softmax_family::<f32>, softmax_family::<f64>);
}

fn softmax_family<A: Real>(b: &mut Bytes) {
    let ndim = 1 + b.below(3);
    let shape = b.shape(ndim);
    let axis = b.below(ndim);
    let x = Tensor::decode(b, &shape, any::<A>);
    let xv = x.view();
    let before = xv.to_owned();
    let ax = Axis(axis);

    let p = logits::softmax(&xv, ax);
    check_softmax(&xv, &p.view(), ax);
    let lp = logits::log_softmax(&xv, ax);
    check_log_softmax(&xv, A::one(), &lp.view(), &p.view(), ax);
    let lse = logits::logsumexp(&xv, ax);
    check_logsumexp(&xv, &lse.view(), ax);

    // In place, on a copy in the same layout, and into buffers of any layout.
    let mut y = x.clone();
    logits::softmax_inplace(&mut y.view_mut(), ax);
    close(&y.view(), &p.view(), "softmax_inplace");
    let mut y = x.clone();
    logits::log_softmax_inplace(&mut y.view_mut(), ax);
    close(&y.view(), &lp.view(), "log_softmax_inplace");
    let out_shape = b.maybe_wrong(&shape);
    let mut out = Tensor::decode(b, &out_shape, |_| A::of(7.0));
    let r = logits::softmax_into(&xv, &mut out.view_mut(), ax);
    into_result(r, &out, &p.view(), &out_shape, &shape);
    let r = logits::log_softmax_into(&xv, &mut out.view_mut(), ax);
    into_result(r, &out, &lp.view(), &out_shape, &shape);

    // Temperatures: an error exactly when T is not finite and positive or 1/T overflows.
    let t: A = if b.flag() {
        b.value()
    } else {
        A::of((1 + b.below(40)) as f64 / 8.0)
    };
    let valid = t > A::zero() && t.is_finite() && t.recip().is_finite();
    match logits::softmax_with_temperature(&xv, ax, t) {
        Ok(pt) => {
            assert!(valid, "temperature {t:?} accepted");
            check_softmax(&xv, &pt.view(), ax);
        }
        Err(e) => assert!(
            !valid && matches!(e, Error::InvalidTemperature { .. }),
            "temperature {t:?}: {e}"
        ),
    }
    match logits::log_softmax_with_temperature(&xv, ax, t) {
        Ok(lt) => {
            assert!(valid, "temperature {t:?} accepted");
            let pt = logits::softmax_with_temperature(&xv, ax, t).expect("valid temperature");
            check_log_softmax(&xv, t, &lt.view(), &pt.view(), ax);
        }
        Err(e) => assert!(
            !valid && matches!(e, Error::InvalidTemperature { .. }),
            "temperature {t:?}: {e}"
        ),
    }

    // A mask: the input's shape, one that broadcasts to it, or one that does not.
    let mut mask_shape = shape.clone();
    for d in &mut mask_shape {
        if b.below(4) == 0 {
            *d = 1;
        }
    }
    let mask_shape = b.maybe_wrong(&mask_shape);
    let mask = ArrayD::from_shape_fn(IxDyn(&mask_shape), |_| b.below(4) != 0);
    let broadcasts = mask.broadcast(IxDyn(&shape)).is_some();
    match logits::masked_softmax(&xv, &mask, ax) {
        Ok(pm) => {
            assert!(broadcasts, "mask {mask_shape:?} accepted for {shape:?}");
            let full = mask.broadcast(IxDyn(&shape)).expect("broadcasts");
            let masked = Zip::from(&xv)
                .and(&full)
                .map_collect(|&v, &keep| if keep { v } else { A::neg_infinity() });
            check_softmax(&masked.view(), &pm.view(), ax);
        }
        Err(e) => assert!(
            !broadcasts && matches!(e, Error::ShapeMismatch { .. }),
            "mask {mask_shape:?} for {shape:?}: {e}"
        ),
    }
    match logits::masked_log_softmax(&xv, &mask, ax) {
        Ok(lpm) => {
            assert!(broadcasts, "mask {mask_shape:?} accepted for {shape:?}");
            let full = mask.broadcast(IxDyn(&shape)).expect("broadcasts");
            let masked = Zip::from(&xv)
                .and(&full)
                .map_collect(|&v, &keep| if keep { v } else { A::neg_infinity() });
            let pm = logits::masked_softmax(&xv, &mask, ax).expect("the same mask");
            check_log_softmax(&masked.view(), A::one(), &lpm.view(), &pm.view(), ax);
        }
        Err(e) => assert!(
            !broadcasts && matches!(e, Error::ShapeMismatch { .. }),
            "mask {mask_shape:?} for {shape:?}: {e}"
        ),
    }

    // The accumulator agrees with logsumexp, pushed whole or merged from two halves.
    for (lane, &l) in xv.lanes(ax).into_iter().zip(lse.iter()) {
        let values = lane.to_vec();
        let mut acc = LogSumExp::new();
        acc.push_slice(&values);
        let half = values.len() / 2;
        let mut left: LogSumExp<A> = values[..half].iter().copied().collect();
        let right: LogSumExp<A> = values[half..].iter().copied().collect();
        left.merge(&right);
        for v in [acc.value(), left.value()] {
            assert!(
                near(v.wide(), l.wide(), 8.0 * A::TOL, 1.0 + l.wide().abs()),
                "LogSumExp {v:?} but logsumexp {l:?} for {values:?}"
            );
        }
    }

    backward_passes(b, &xv, &p.view(), &lp.view(), &shape, ax);
    elementwise_sigmoid(&xv);

    let k = b.below(shape[axis] + 3);
    let (values, indices) = logits::top_k(&xv, k, ax);
    check_top_k(&xv, &values.view(), &indices.view(), k, ax);

    unchanged(&before, &xv, "x");
}

/// A softmax of `x` along `axis`: in `[0, 1]`, no NaN in a lane without NaN, each lane summing to 1
/// (or 0 where it is entirely −inf or empty).
fn check_softmax<A: Real>(x: &ArrayViewD<A>, p: &ArrayViewD<A>, axis: Axis) {
    assert_eq!(x.shape(), p.shape(), "softmax shape");
    for (xl, pl) in x.lanes(axis).into_iter().zip(p.lanes(axis)) {
        if has_nan(&xl) {
            continue;
        }
        assert!(
            pl.iter().all(|&v| v >= A::zero() && v <= A::one()),
            "softmax of {xl:?} is {pl:?}"
        );
        let sum: f64 = pl.iter().map(|v| v.wide()).sum();
        let empty = xl.iter().all(|&v| v == A::neg_infinity());
        let expected = if empty { 0.0 } else { 1.0 };
        assert!(
            near(sum, expected, A::TOL, 1.0 + pl.len() as f64),
            "softmax of {xl:?} sums to {sum}"
        );
    }
}

/// A log-softmax of `x / t`: ≤ 0, finite where its exact value is, no NaN in a lane without NaN,
/// and the log of the softmax `p`.
fn check_log_softmax<A: Real>(
    x: &ArrayViewD<A>,
    t: A,
    lp: &ArrayViewD<A>,
    p: &ArrayViewD<A>,
    axis: Axis,
) {
    assert_eq!(x.shape(), lp.shape(), "log_softmax shape");
    let lanes = x
        .lanes(axis)
        .into_iter()
        .zip(lp.lanes(axis))
        .zip(p.lanes(axis));
    for ((xl, ll), pl) in lanes {
        let scaled = xl.mapv(|v| v.wide() / t.wide());
        let Some(lse) = lse_f64(&scaled.view()) else {
            continue;
        };
        for ((&li, &pi), &zi) in ll.iter().zip(&pl).zip(&scaled) {
            assert!(li <= A::zero(), "log_softmax of {xl:?} is {ll:?}");
            let exact = zi - lse;
            if exact.is_finite() && exact.abs() < 0.5 * A::HUGE.wide() {
                assert!(li.is_finite(), "log_softmax of {xl:?} is {ll:?}");
            }
            assert!(
                near(li.wide().exp(), pi.wide(), 64.0 * A::TOL, 1.0),
                "exp(log_softmax) {li:?} is not softmax {pi:?} in {xl:?}"
            );
        }
    }
}

/// A logsumexp: −inf for an empty or all −inf lane, +inf with a +inf, otherwise at least the
/// lane's max and at most max + ln n, finite unless the max is near overflow.
fn check_logsumexp<A: Real>(x: &ArrayViewD<A>, lse: &ArrayViewD<A>, axis: Axis) {
    assert_eq!(
        lse.shape(),
        without(x.shape(), axis.index()),
        "logsumexp shape"
    );
    for (xl, &l) in x.lanes(axis).into_iter().zip(lse.iter()) {
        let Some(exact) = lse_f64(&xl) else { continue };
        assert!(!l.is_nan(), "logsumexp of {xl:?} is NaN");
        let max = xl.iter().fold(A::neg_infinity(), |m, &v| m.max(v));
        if max.is_infinite() {
            assert_eq!(l, max, "logsumexp of {xl:?}");
            continue;
        }
        let tol = A::TOL * (1.0 + xl.len() as f64);
        assert!(l >= max, "logsumexp {l:?} below the max of {xl:?}");
        if exact < 0.5 * A::HUGE.wide() {
            assert!(
                near(l.wide(), exact, tol, 1.0 + exact.abs()),
                "logsumexp {l:?} of {xl:?}"
            );
        }
    }
}

/// `_into` wrote the allocating result, or refused a buffer of another shape and left it alone.
fn into_result<A: Real>(
    r: logits::Result<()>,
    out: &Tensor<A>,
    expected: &ArrayViewD<A>,
    out_shape: &[usize],
    shape: &[usize],
) {
    match r {
        Ok(()) => close(&out.view(), expected, "_into"),
        Err(e) => {
            assert!(
                out_shape != shape && matches!(e, Error::ShapeMismatch { .. }),
                "out {out_shape:?} for {shape:?}: {e}"
            );
            assert!(
                out.base.iter().all(|&v| v == A::of(7.0)),
                "a refused out was written"
            );
        }
    }
}

fn backward_passes<A: Real>(
    b: &mut Bytes,
    x: &ArrayViewD<A>,
    p: &ArrayViewD<A>,
    lp: &ArrayViewD<A>,
    shape: &[usize],
    axis: Axis,
) {
    let g_shape = b.maybe_wrong(shape);
    let g = Tensor::decode(b, &g_shape, any::<A>);
    let gv = g.view();
    let fits = g_shape == shape;
    let results = [
        logits::softmax_backward(p, &gv, axis),
        logits::softmax_jvp(p, &gv, axis),
        logits::log_softmax_backward(lp, &gv, axis),
    ];
    for (i, r) in results.into_iter().enumerate() {
        let out = match r {
            Ok(out) => out,
            Err(e) => {
                assert!(
                    !fits && matches!(e, Error::ShapeMismatch { .. }),
                    "backward {i}: {e}"
                );
                continue;
            }
        };
        assert!(fits, "grad {g_shape:?} accepted for {shape:?}");
        assert_eq!(out.shape(), shape);
        let lanes = x
            .lanes(axis)
            .into_iter()
            .zip(p.lanes(axis))
            .zip(gv.lanes(axis));
        for (((xl, pl), gl), ol) in lanes.zip(out.lanes(axis)) {
            if has_nan(&xl) || has_nan(&gl) {
                continue;
            }
            // A lane that is entirely −inf has gradient 0 (its softmax is defined as 0).
            if !xl.is_empty() && xl.iter().all(|&v| v == A::neg_infinity()) {
                assert!(
                    ol.iter().all(|&v| v == A::zero()),
                    "backward {i} of {xl:?} is {ol:?}"
                );
                continue;
            }
            // The exact result g·p − p·Σ g·p, finite where g is moderate.
            if gl.iter().all(|v| v.abs() < A::of(1e15)) {
                let dot: f64 = pl.iter().zip(&gl).map(|(p, g)| p.wide() * g.wide()).sum();
                let scale: f64 = 1.0 + gl.iter().map(|v| v.wide().abs()).sum::<f64>();
                for ((&pi, &gi), &oi) in pl.iter().zip(&gl).zip(&ol) {
                    let exact = if i == 2 {
                        gi.wide() - pi.wide() * gl.iter().map(|v| v.wide()).sum::<f64>()
                    } else {
                        pi.wide() * (gi.wide() - dot)
                    };
                    let scale = if i == 2 {
                        scale * (1.0 + gl.len() as f64)
                    } else {
                        scale
                    };
                    assert!(oi.is_finite(), "backward {i} of {pl:?}, {gl:?} is {ol:?}");
                    assert!(
                        near(oi.wide(), exact, 64.0 * A::TOL, scale),
                        "backward {i} of {pl:?}, {gl:?} is {ol:?}"
                    );
                }
            }
        }
    }
    if shape.len() == 1 {
        let jac = logits::softmax_jacobian(&p.view().into_dimensionality().expect("1-D"));
        let n = shape[0];
        assert_eq!(jac.dim(), (n, n));
        if !has_nan(&x.view().into_dimensionality().expect("1-D")) {
            for i in 0..n {
                let row: f64 = jac.row(i).iter().map(|v| v.wide()).sum();
                assert!(
                    near(row, 0.0, A::TOL, 1.0 + n as f64),
                    "Jacobian row {i} sums to {row}"
                );
                for j in 0..n {
                    assert_eq!(jac[[i, j]], jac[[j, i]], "Jacobian not symmetric");
                }
            }
        }
    }
}

fn elementwise_sigmoid<A: Real>(x: &ArrayViewD<A>) {
    let s = logits::sigmoid(x);
    let ls = logits::log_sigmoid(x);
    for ((&xi, &si), &li) in x.iter().zip(&s).zip(&ls) {
        if xi.is_nan() {
            assert!(si.is_nan() && li.is_nan(), "sigmoid of NaN");
            continue;
        }
        let e = (-xi.wide().abs()).exp();
        let exact = if xi < A::zero() {
            e / (1.0 + e)
        } else {
            1.0 / (1.0 + e)
        };
        assert!(
            si >= A::zero() && si <= A::one(),
            "sigmoid({xi:?}) = {si:?}"
        );
        let scale = exact.max(A::min_positive_value().wide());
        assert!(
            near(si.wide(), exact, A::TOL, scale),
            "sigmoid({xi:?}) = {si:?}"
        );
        assert!(li <= A::zero(), "log_sigmoid({xi:?}) = {li:?}");
        assert!(
            li.is_finite() || xi == A::neg_infinity(),
            "log_sigmoid({xi:?}) = {li:?}"
        );
    }
}

fn check_top_k<A: Real>(
    x: &ArrayViewD<A>,
    values: &ArrayViewD<A>,
    indices: &ArrayViewD<usize>,
    k: usize,
    axis: Axis,
) {
    let len = x.len_of(axis);
    let mut shape = x.shape().to_vec();
    shape[axis.index()] = k.min(len);
    assert_eq!(values.shape(), &shape[..], "top_k values shape");
    assert_eq!(indices.shape(), &shape[..], "top_k indices shape");
    let lanes = x
        .lanes(axis)
        .into_iter()
        .zip(values.lanes(axis))
        .zip(indices.lanes(axis));
    for ((xl, vl), il) in lanes {
        for (&v, &i) in vl.iter().zip(&il) {
            assert!(
                i < len && xl[i].bits() == v.bits(),
                "top_k index {i} of {xl:?}"
            );
        }
        for w in vl.to_vec().windows(2) {
            assert!(
                w[0] >= w[1] || w[1].is_nan(),
                "top_k not descending: {vl:?}"
            );
        }
        let mut seen: Vec<usize> = il.to_vec();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), il.len(), "top_k repeats an index: {il:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Losses: what every loss's methods must agree on
// ---------------------------------------------------------------------------------------------

/// The results of one loss's methods on one input.
struct Outcome<A> {
    loss: logits::Result<A>,
    loss_and_grad: logits::Result<(A, ArrayD<A>)>,
    /// `loss_and_grad_into`'s result, and its buffer after the call (filled with 7 before).
    into: Option<(logits::Result<A>, Tensor<A>, bool)>,
    per_sample: logits::Result<ArrayD<A>>,
    per_sample_and_grad: Option<logits::Result<(ArrayD<A>, ArrayD<A>)>>,
}

/// What the methods agreed on when they succeeded.
struct Agreed<A> {
    loss: A,
    grad: ArrayD<A>,
    per_sample: ArrayD<A>,
}

/// Every method of one loss gives the same error, or the same loss (to the bit) and gradient.
fn agree<A: Real>(
    o: Outcome<A>,
    grad_shape: &[usize],
    sample_shape: &[usize],
) -> Option<Agreed<A>> {
    let key = |e: &Error| format!("{e:?}");
    match &o.loss {
        Err(e) => {
            let want = key(e);
            assert_eq!(o.loss_and_grad.as_ref().err().map(key), Some(want.clone()));
            assert_eq!(o.per_sample.as_ref().err().map(key), Some(want.clone()));
            if let Some(r) = &o.per_sample_and_grad {
                assert_eq!(r.as_ref().err().map(key), Some(want.clone()));
            }
            if let Some((r, buf, _)) = &o.into {
                assert_eq!(r.as_ref().err().map(key), Some(want));
                assert!(
                    buf.base.iter().all(|&v| v == A::of(7.0)),
                    "grad written on error"
                );
            }
            None
        }
        Ok(loss) => {
            let (l2, grad) = o
                .loss_and_grad
                .expect("loss_and_grad fails where loss does not");
            assert_eq!(
                loss.bits(),
                l2.bits(),
                "loss {loss:?} but loss_and_grad {l2:?}"
            );
            assert_eq!(grad.shape(), grad_shape, "gradient shape");
            let per_sample = o.per_sample.expect("per_sample fails where loss does not");
            assert_eq!(per_sample.shape(), sample_shape, "per-sample shape");
            if let Some(r) = o.per_sample_and_grad {
                let (ps, g) = r.expect("per_sample_and_grad fails where loss does not");
                assert!(
                    same(&ps.view(), &per_sample.view()),
                    "per_sample_and_grad's losses"
                );
                assert_eq!(g.shape(), grad_shape);
            }
            if let Some((r, buf, fits)) = o.into {
                if fits {
                    let l3 = r.expect("loss_and_grad_into fails where loss does not");
                    assert_eq!(loss.bits(), l3.bits(), "loss {loss:?} but _into {l3:?}");
                    assert!(same(&buf.view(), &grad.view()), "_into's gradient");
                } else {
                    assert!(
                        matches!(r, Err(Error::ShapeMismatch { .. })),
                        "_into: {r:?}"
                    );
                    assert!(
                        buf.base.iter().all(|&v| v == A::of(7.0)),
                        "grad written on error"
                    );
                }
            }
            Some(Agreed {
                loss: *loss,
                grad,
                per_sample,
            })
        }
    }
}

/// A `grad` buffer for `_into`: `shape` most of the time, in any layout, filled with 7.
fn grad_buffer<A: Real>(b: &mut Bytes, shape: &[usize]) -> (Tensor<A>, bool) {
    let s = b.maybe_wrong(shape);
    let fits = s == shape;
    (Tensor::decode(b, &s, |_| A::of(7.0)), fits)
}

/// The sum of the per-sample losses is the `Sum` loss, and their sum over `denominator` the
/// `Mean` loss (0 over a denominator of 0).
fn sums_to<A: Real>(a: &Agreed<A>, reduction: Reduction, denominator: f64) {
    if !a.per_sample.iter().all(|v| v.is_finite()) || !denominator.is_finite() {
        return;
    }
    let d = match reduction {
        Reduction::Sum => 1.0,
        Reduction::Mean => denominator,
    };
    if d == 0.0 {
        assert!(a.loss == A::zero(), "mean over nothing {:?}", a.loss);
        return;
    }
    // Everything times 2⁻⁶⁴ (exact, but for terms far below the tolerance) where an f64 sum may
    // overflow on its way to a value in range, and only there (tiny losses over a tiny weighted
    // denominator must keep their bits); the divisor's magnitude scales the tolerance (negative
    // class weights make a negative one).
    let largest = a
        .per_sample
        .iter()
        .fold(0.0_f64, |m, v| m.max(v.wide().abs()));
    let down = if largest > 2f64.powi(900) {
        2f64.powi(-64)
    } else {
        1.0
    };
    let s = a.per_sample.iter().map(|v| v.wide() * down).sum::<f64>() / d;
    let scale = a.per_sample.iter().map(|v| v.wide().abs() * down);
    let scale = down + scale.sum::<f64>() / d.abs();
    let tol = A::TOL * (1.0 + a.per_sample.len() as f64);
    let loss = a.loss.wide() * down;
    // A result beyond the type's range rounds to ±inf.
    let fits = s.abs() < A::HUGE.wide() * down * (1.0 - tol);
    assert!(
        near(loss, s, tol, scale) || (!fits && a.loss.is_infinite()),
        "{reduction:?} loss {:?} but Σ / {d} = {:e}",
        a.loss,
        s / down
    );
}

fn moderate<A: Real>(v: A, limit: f64) -> bool {
    v.is_finite() && v.wide().abs() <= limit
}

// ---------------------------------------------------------------------------------------------
// Categorical cross-entropy
// ---------------------------------------------------------------------------------------------

/// Fuzz target `cross_entropy`: `CrossEntropy` with every option, both kinds of targets and all
/// three kinds of input, through all five methods.
pub fn cross_entropy(data: &[u8]) {
    by_type(data, categorical::<f32>, categorical::<f64>);
}

fn categorical<A: Real>(b: &mut Bytes) {
    let ndim = 1 + b.below(3);
    let shape = b.shape(ndim);
    let input = match b.below(4) {
        0 => Input::LogProbabilities,
        1 => Input::Probabilities,
        _ => Input::Logits,
    };
    let x = match input {
        Input::Probabilities => Tensor::decode(b, &shape, prob::<A>),
        _ => Tensor::decode(b, &shape, any::<A>),
    };
    let axis = if b.flag() { b.below(ndim) } else { ndim - 1 };
    let classes = shape[axis];
    let mut ce = CrossEntropy::<A>::new().input(input).class_axis(Axis(axis));
    let mut weight = None;
    if b.flag() {
        let n = match b.byte() {
            0..=239 => classes,
            240..=247 => classes + 1,
            _ => classes.saturating_sub(1),
        };
        let w: Vec<A> = (0..n)
            .map(|_| match b.byte() {
                0..=149 => A::of(f64::from(b.byte()) / 32.0),
                150..=219 => A::zero(),
                _ => b.value(),
            })
            .collect();
        weight = Some(w.clone());
        ce = ce.weight(w);
    }
    let mut ignore = None;
    if b.flag() {
        let i = b.class(classes);
        ignore = Some(i);
        ce = ce.ignore_index(i);
    }
    if b.flag() {
        ce = ce.label_smoothing(b.probability());
    }
    let mut temperature = A::one();
    if b.flag() {
        temperature = if b.flag() {
            b.value()
        } else {
            A::of((1 + b.below(40)) as f64 / 8.0)
        };
        ce = ce.temperature(temperature);
    }
    let reduction = if b.flag() {
        Reduction::Sum
    } else {
        Reduction::Mean
    };
    ce = ce.reduction(reduction);

    let sample_shape = without(&shape, axis);
    let probabilities = b.below(4) == 0;
    let class_targets: ArrayD<usize>;
    let prob_targets: Tensor<A>;
    let targets: Targets<A> = if probabilities {
        let s = b.maybe_wrong(&shape);
        prob_targets = Tensor::decode(b, &s, prob::<A>);
        Targets::Probabilities(prob_targets.view())
    } else {
        let s = b.maybe_wrong(&sample_shape);
        class_targets = ArrayD::from_shape_fn(IxDyn(&s), |_| b.class(classes));
        Targets::classes(&class_targets)
    };

    let xv = x.view();
    let before = xv.to_owned();
    let (mut buf, fits) = grad_buffer::<A>(b, &shape);
    let into = ce.loss_and_grad_into(&xv, targets.clone(), &mut buf.view_mut());
    let outcome = Outcome {
        loss: ce.loss(&xv, targets.clone()),
        loss_and_grad: ce.loss_and_grad(&xv, targets.clone()),
        into: Some((into, buf, fits)),
        per_sample: ce.per_sample(&xv, targets.clone()),
        per_sample_and_grad: Some(ce.per_sample_and_grad(&xv, targets.clone())),
    };
    unchanged(&before, &xv, "logits");
    beyond_engine(b, &ce, &xv, &targets, axis, input);
    let Some(agreed) = agree(outcome, &shape, &sample_shape) else {
        return;
    };
    let denominator = match &targets {
        Targets::Classes(t) => t
            .iter()
            .filter(|&&c| Some(c) != ignore)
            .map(|&c| weight.as_ref().map_or(1.0, |w| w[c].wide()))
            .sum(),
        Targets::Probabilities(_) => sample_shape.iter().product::<usize>() as f64,
    };
    sums_to(&agreed, reduction, denominator);

    // Where every option is sound and the weights are finite and non-negative, a sample whose
    // lane (and probability target) holds no NaN gets no NaN; where its values are moderate too,
    // its loss and gradient are finite.
    let sound_options = weight
        .as_ref()
        .is_none_or(|w| w.iter().all(|&v| moderate(v, 1e6) && v >= A::zero()))
        && temperature >= A::of(1e-3)
        && temperature <= A::of(1e3);
    if !sound_options {
        return;
    }
    // Probabilities below 1e-20 (but not 0) have gradients beyond f32's range: −a / p.
    let in_range = |v: A| match input {
        Input::Logits | Input::LogProbabilities => moderate(v, 1e4),
        Input::Probabilities => v == A::zero() || (v.wide() >= 1e-20 && v <= A::one()),
    };
    let target_lanes: Vec<Result<ndarray::ArrayView1<A>, usize>> = match &targets {
        Targets::Probabilities(q) => q.lanes(Axis(axis)).into_iter().map(Ok).collect(),
        Targets::Classes(t) => t.iter().map(|&c| Err(c)).collect(),
    };
    let lanes = xv
        .lanes(Axis(axis))
        .into_iter()
        .zip(agreed.grad.lanes(Axis(axis)));
    for (((xl, gl), &loss), ql) in lanes.zip(agreed.per_sample.iter()).zip(target_lanes) {
        let q_nan = ql.as_ref().is_ok_and(has_nan);
        if has_nan(&xl) || q_nan {
            continue;
        }
        let finite_lane = xl.iter().all(|&v| in_range(v));
        if input == Input::Logits || finite_lane {
            assert!(!loss.is_nan(), "NaN loss for {xl:?}, target {ql:?}, {ce:?}");
            assert!(
                gl.iter().all(|v| !v.is_nan()),
                "NaN gradient {gl:?} for {xl:?}, {ce:?}"
            );
        }
        if finite_lane {
            assert!(loss.is_finite(), "loss {loss:?} for {xl:?}");
            assert!(
                gl.iter().all(|v| v.is_finite()),
                "gradient {gl:?} for {xl:?}"
            );
            if input == Input::Logits {
                let tol = A::TOL * 1e4;
                assert!(loss.wide() >= -tol, "negative loss {loss:?} for {xl:?}");
            }
        }
    }
}

/// A z-loss coefficient, an entropy bonus and a soft cap: mostly none or ordinary, sometimes any
/// value (negative, NaN, infinite: errors).
fn extras<A: Real>(b: &mut Bytes) -> (A, A, Option<A>) {
    let coef = |b: &mut Bytes| -> A {
        match b.byte() {
            0..=99 => A::zero(),
            100..=229 => A::of(f64::from(b.byte()) / 64.0),
            _ => b.value(),
        }
    };
    let (z, beta) = (coef(b), coef(b));
    let cap = match b.byte() {
        0..=149 => None,
        150..=239 => Some(A::of(f64::from(1 + b.byte() % 64) / 2.0)),
        _ => Some(b.value::<A>()),
    };
    (z, beta, cap)
}

/// The z-loss, the entropy bonus, the soft cap and the per-token outputs on the same logits, with
/// coefficients read from the rest of the bytes: a bad coefficient, or one on an input that is not
/// logits, is the same error from every method; otherwise `loss_with` and `loss_and_grad_with` give
/// `loss`'s and `loss_and_grad`'s bits, `per_sample_backward` with upstream gradients of 1 gives
/// `per_sample_and_grad`'s, and a lane without NaN has outputs without NaN (entropy in
/// `[0, ln C]`, argmax and rank in range).
fn beyond_engine<A: Real>(
    b: &mut Bytes,
    ce: &CrossEntropy<A>,
    x: &ArrayViewD<A>,
    targets: &Targets<A>,
    axis: usize,
    input: Input,
) {
    let (z, beta, cap) = extras::<A>(b);
    let mut ce = ce.clone().z_loss(z).entropy_bonus(beta);
    if let Some(c) = cap {
        ce = ce.soft_cap(c);
    }
    let classes = matches!(targets, Targets::Classes(_));
    let want = TokenOutputs {
        target_log_prob: classes,
        rank: classes,
        ..TokenOutputs::ALL
    };
    let plain = ce.loss(x, targets.clone());
    let plain_grad = ce.loss_and_grad(x, targets.clone());
    let with = ce.loss_with(x, targets.clone(), want);
    let with_grad = ce.loss_and_grad_with(x, targets.clone(), want);
    let bad = |v: A| !(v >= A::zero() && v.is_finite());
    let bad_cap = cap.is_some_and(|c| !(c > A::zero() && c.is_finite()));
    let on = z != A::zero() || beta != A::zero() || cap.is_some();
    let error = |r: &Result<A, Error>| r.as_ref().err().map(|e| format!("{e:?}"));
    let e_plain = error(&plain);
    assert_eq!(
        e_plain,
        error(&plain_grad.as_ref().map(|r| r.0).map_err(Clone::clone)),
        "loss and loss_and_grad disagree, {ce:?}"
    );
    if bad(z) || bad(beta) || bad_cap || (on && input != Input::Logits) {
        assert!(plain.is_err(), "{ce:?} accepted");
    }
    if input != Input::Logits {
        assert!(
            with.is_err() && with_grad.is_err(),
            "outputs of {input:?}, {ce:?}"
        );
        return;
    }
    let (Ok(loss), Ok((l2, g2))) = (plain, plain_grad) else {
        assert!(with.is_err() && with_grad.is_err(), "{ce:?}");
        return;
    };
    let (Ok((l3, _)), Ok((l4, g4, t))) = (with, with_grad) else {
        panic!("loss_with or loss_and_grad_with failed where loss did not, {ce:?}");
    };
    assert_eq!(loss.bits(), l3.bits(), "loss_with's loss, {ce:?}");
    assert_eq!(l2.bits(), l4.bits(), "loss_and_grad_with's loss, {ce:?}");
    let same = g2.iter().zip(&g4).all(|(a, b)| a.bits() == b.bits());
    assert!(same, "loss_and_grad_with's gradient, {ce:?}");
    if let Targets::Classes(t) = targets {
        let ones = ArrayD::from_elem(t.raw_dim(), A::one());
        let back = ce.per_sample_backward(x, targets.clone(), &ones);
        let each = ce.per_sample_and_grad(x, targets.clone());
        if let (Ok(back), Ok((_, each))) = (back, each) {
            let same = back.iter().zip(&each).all(|(a, b)| a.bits() == b.bits());
            assert!(same, "per_sample_backward with upstream 1, {ce:?}");
        }
    }
    let c = x.len_of(Axis(axis));
    let (lse, h) = (
        t.logsumexp.unwrap_or_default(),
        t.entropy.unwrap_or_default(),
    );
    let argmax = t.argmax.unwrap_or_default();
    let top = (c.max(1) as f64).ln() * (1.0 + 1e3 * A::TOL) + 1e3 * A::TOL;
    for (n, lane) in x.lanes(Axis(axis)).into_iter().enumerate() {
        assert!(
            argmax.iter().nth(n).is_some_and(|&a| a < c.max(1)),
            "argmax, {ce:?}"
        );
        if has_nan(&lane) {
            continue;
        }
        let (l, e) = (lse.iter().nth(n), h.iter().nth(n));
        assert!(
            l.is_some_and(|v| !v.is_nan()),
            "logsumexp {l:?} of {lane:?}, {ce:?}"
        );
        let e = e.map_or(f64::NAN, |v| v.wide());
        assert!((0.0..=top).contains(&e), "entropy {e} of {lane:?}, {ce:?}");
    }
    if let Some(rank) = t.rank {
        assert!(
            rank.iter().all(|&r| r < c || r == usize::MAX),
            "rank {rank:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Elementwise losses
// ---------------------------------------------------------------------------------------------

/// An input and a target of (mostly) the same shape, and a weight that (mostly) broadcasts.
struct Pair<A> {
    shape: Vec<usize>,
    input: Tensor<A>,
    target: Tensor<A>,
    weight: Option<ArrayD<A>>,
    reduction: Reduction,
}

fn pair<A: Real>(
    b: &mut Bytes,
    input: fn(&mut Bytes) -> A,
    target: fn(&mut Bytes) -> A,
) -> Pair<A> {
    let ndim = 1 + b.below(3);
    let shape = b.shape(ndim);
    let input = Tensor::decode(b, &shape, input);
    let target_shape = b.maybe_wrong(&shape);
    let target = Tensor::decode(b, &target_shape, target);
    let weight = b.flag().then(|| {
        let mut s: Vec<usize> = shape
            .iter()
            .map(|&d| if b.flag() { d } else { 1 })
            .collect();
        s = s[b.below(s.len() + 1)..].to_vec();
        let s = b.maybe_wrong(&s);
        ArrayD::from_shape_fn(IxDyn(&s), |_| match b.byte() {
            0..=149 => A::of(f64::from(b.byte()) / 32.0),
            150..=219 => A::zero(),
            _ => b.value(),
        })
    });
    let reduction = if b.flag() {
        Reduction::Sum
    } else {
        Reduction::Mean
    };
    Pair {
        shape,
        input,
        target,
        weight,
        reduction,
    }
}

/// Runs the five methods of an elementwise loss on `$p` and returns what they agreed on.
macro_rules! five_methods {
    ($loss:expr, $p:expr, $b:expr) => {{
        let loss = $loss;
        let (x, t) = ($p.input.view(), $p.target.view());
        let (before_x, before_t) = (x.to_owned(), t.to_owned());
        let (mut buf, fits) = grad_buffer($b, &$p.shape);
        let into = loss.loss_and_grad_into(&x, &t, &mut buf.view_mut());
        let outcome = Outcome {
            loss: loss.loss(&x, &t),
            loss_and_grad: loss.loss_and_grad(&x, &t),
            into: Some((into, buf, fits)),
            per_sample: loss.per_sample(&x, &t),
            per_sample_and_grad: Some(loss.per_sample_and_grad(&x, &t)),
        };
        unchanged(&before_x, &x, "input");
        unchanged(&before_t, &t, "target");
        let agreed = agree(outcome, &$p.shape, &$p.shape);
        if let Some(a) = &agreed {
            sums_to(a, $p.reduction, $p.shape.iter().product::<usize>() as f64);
        }
        agreed
    }};
}

/// Whether the weight is finite and non-negative (or absent).
fn sound_weight<A: Real>(w: Option<&ArrayD<A>>) -> bool {
    w.is_none_or(|w| w.iter().all(|&v| moderate(v, 1e6) && v >= A::zero()))
}

/// Per element: where `ok(input, target)`, the loss and gradient are not NaN, and finite where
/// `finite(input, target)` too.
fn elementwise_sound<A: Real>(
    p: &Pair<A>,
    a: &Agreed<A>,
    finite_grad: bool,
    finite: impl Fn(A, A) -> bool,
) {
    let (x, t) = (p.input.view(), p.target.view());
    for (((&xi, &ti), &li), &gi) in x.iter().zip(&t).zip(&a.per_sample).zip(&a.grad) {
        if xi.is_nan() || ti.is_nan() {
            continue;
        }
        assert!(
            !li.is_nan() && li >= A::zero(),
            "loss {li:?} at input {xi:?}, target {ti:?}"
        );
        if finite_grad {
            assert!(
                gi.is_finite(),
                "gradient {gi:?} at input {xi:?}, target {ti:?}"
            );
        }
        if finite(xi, ti) {
            assert!(li.is_finite(), "loss {li:?} at input {xi:?}, target {ti:?}");
            assert!(
                gi.is_finite(),
                "gradient {gi:?} at input {xi:?}, target {ti:?}"
            );
        }
    }
}

/// Fuzz target `binary_cross_entropy`: `BinaryCrossEntropy` on probabilities, with weights.
pub fn binary_cross_entropy(data: &[u8]) {
    by_type(data, bce::<f32>, bce::<f64>);
}

fn bce<A: Real>(b: &mut Bytes) {
    let p = pair(b, prob::<A>, prob::<A>);
    let mut loss = BinaryCrossEntropy::new().reduction(p.reduction);
    if let Some(w) = &p.weight {
        loss = loss.weight(w.clone());
    }
    let Some(a) = five_methods!(loss, p, b) else {
        return;
    };
    if sound_weight(p.weight.as_ref()) {
        // The clamp at −100 keeps the loss finite at p = 0 and 1; the gradient's denominator is
        // clamped at 1e-12.
        elementwise_sound(&p, &a, true, |_, _| true);
    }
}

/// Fuzz target `bce_with_logits`: `BinaryCrossEntropyWithLogits` with weights and `pos_weight`.
pub fn bce_with_logits(data: &[u8]) {
    by_type(data, bce_logits::<f32>, bce_logits::<f64>);
}

fn bce_logits<A: Real>(b: &mut Bytes) {
    let p = pair(b, any::<A>, prob::<A>);
    let mut loss = BinaryCrossEntropyWithLogits::new().reduction(p.reduction);
    if let Some(w) = &p.weight {
        loss = loss.weight(w.clone());
    }
    if b.flag() {
        let last = p.shape.last().copied().unwrap_or(1);
        let n = if b.below(8) == 0 { last + 1 } else { last };
        let pw: Vec<A> = (0..n).map(|_| A::of(f64::from(b.byte()) / 16.0)).collect();
        loss = loss.pos_weight(pw);
    }
    let Some(a) = five_methods!(loss, p, b) else {
        return;
    };
    if sound_weight(p.weight.as_ref()) {
        // Exact everywhere: the limit loss at ±inf logits, and a finite gradient.
        elementwise_sound(&p, &a, true, |x, _| moderate(x, 1e4));
    }
}

/// Fuzz target `sigmoid_focal`: `SigmoidFocalLoss` with any α and γ.
pub fn sigmoid_focal(data: &[u8]) {
    by_type(data, focal::<f32>, focal::<f64>);
}

fn focal<A: Real>(b: &mut Bytes) {
    let p = pair(b, any::<A>, prob::<A>);
    let mut loss = SigmoidFocalLoss::new().reduction(p.reduction);
    let mut alpha = A::of(0.25);
    match b.below(3) {
        0 => {
            alpha = b.probability();
            loss = loss.alpha(alpha);
        }
        1 => loss = loss.without_alpha(),
        _ => {}
    }
    let mut gamma = A::of(2.0);
    if b.flag() {
        gamma = if b.flag() {
            b.value()
        } else {
            A::of(b.below(24) as f64 / 4.0)
        };
        loss = loss.gamma(gamma);
    }
    let valid = (A::zero()..=A::one()).contains(&alpha) && gamma >= A::zero() && gamma.is_finite();
    match loss.loss(&p.input.view(), &p.target.view()) {
        Ok(_) => assert!(valid, "α {alpha:?}, γ {gamma:?} accepted"),
        Err(Error::InvalidOption { .. }) => assert!(!valid, "α {alpha:?}, γ {gamma:?} refused"),
        Err(_) => {}
    }
    let Some(a) = five_methods!(loss, p, b) else {
        return;
    };
    elementwise_sound(&p, &a, false, |x, _| moderate(x, 1e4));
}

/// Fuzz target `kl_div`: `KlDiv` with probability and log-probability targets.
pub fn kl_div(data: &[u8]) {
    by_type(data, kl::<f32>, kl::<f64>);
}

fn kl<A: Real>(b: &mut Bytes) {
    let log_target = b.flag();
    let target = if log_target { any::<A> } else { prob::<A> };
    let p = pair(b, any::<A>, target);
    let loss = KlDiv::new().log_target(log_target).reduction(p.reduction);
    let (x, t) = (p.input.view(), p.target.view());
    let (before_x, before_t) = (x.to_owned(), t.to_owned());
    let outcome = Outcome {
        loss: loss.loss(&x, &t),
        loss_and_grad: loss.loss_and_grad(&x, &t),
        into: None,
        per_sample: loss.per_sample(&x, &t),
        per_sample_and_grad: None,
    };
    unchanged(&before_x, &x, "input");
    unchanged(&before_t, &t, "target");
    let Some(a) = agree(outcome, &p.shape, &p.shape) else {
        return;
    };
    // The batch mean: over the length of the first axis.
    sums_to(&a, p.reduction, p.shape.first().map_or(1.0, |&n| n as f64));
    for (((&xi, &ti), &li), &gi) in x.iter().zip(&t).zip(&a.per_sample).zip(&a.grad) {
        let moderate_target = if log_target {
            moderate(ti, 40.0)
        } else {
            !ti.is_nan()
        };
        if moderate(xi, 1e4) && moderate_target {
            assert!(
                li.is_finite(),
                "KL term {li:?} at input {xi:?}, target {ti:?}"
            );
            assert!(
                gi.is_finite(),
                "KL gradient {gi:?} at input {xi:?}, target {ti:?}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Linear + cross-entropy
// ---------------------------------------------------------------------------------------------

/// Fuzz target `linear_cross_entropy`: `LinearCrossEntropy` against `CrossEntropy` of the logits
/// it never builds.
/// The fused head with the z-loss, the entropy bonus, the soft cap and every per-row output, with
/// coefficients read from the rest of the bytes: a bad coefficient is the same error from every
/// method; otherwise `loss_with` and `loss_and_grad_with` give `loss`'s and `loss_and_grad`'s
/// bits, `per_sample_backward` with upstream gradients of 1 gives `per_sample_and_grad`'s
/// gradients, and the outputs are in range (argmax, rank; entropy in `[0, ln V]` where not NaN).
fn linear_beyond_engine<A: Real>(
    b: &mut Bytes,
    lce: &LinearCrossEntropy<A>,
    h: &ndarray::ArrayView2<A>,
    w: &ndarray::ArrayView2<A>,
    targets: &[usize],
) {
    let (z, beta, cap) = extras::<A>(b);
    let mut lce = lce.clone().z_loss(z).entropy_bonus(beta);
    if let Some(c) = cap {
        lce = lce.soft_cap(c);
    }
    let want = TokenOutputs::ALL;
    let (loss, grads) = (lce.loss(h, w, targets), lce.loss_and_grad(h, w, targets));
    let (with, with_grad) = (
        lce.loss_with(h, w, targets, want),
        lce.loss_and_grad_with(h, w, targets, want),
    );
    let (Ok(loss), Ok(grads)) = (loss, grads) else {
        assert!(with.is_err() && with_grad.is_err(), "{lce:?}");
        return;
    };
    let (Ok((l2, t)), Ok((g2, t2))) = (with, with_grad) else {
        panic!("loss_with or loss_and_grad_with failed where loss did not, {lce:?}");
    };
    assert_eq!(loss.bits(), l2.bits(), "loss_with's loss, {lce:?}");
    assert_eq!(
        grads.loss.bits(),
        g2.loss.bits(),
        "loss_and_grad_with's loss, {lce:?}"
    );
    let same = |a: &Array2<A>, b: &Array2<A>| a.iter().zip(b).all(|(p, q)| p.bits() == q.bits());
    assert!(
        same(&grads.dh, &g2.dh) && same(&grads.dw, &g2.dw),
        "gradients, {lce:?}"
    );
    assert_eq!((&t.argmax, &t.rank), (&t2.argmax, &t2.rank), "{lce:?}");
    let ones = ndarray::Array1::from_elem(targets.len(), A::one());
    if let (Ok(back), Ok((_, each))) = (
        lce.per_sample_backward(h, w, targets, &ones),
        lce.per_sample_and_grad(h, w, targets),
    ) {
        assert!(
            same(&back.dh, &each.dh) && same(&back.dw, &each.dw),
            "{lce:?}"
        );
    }
    let v = w.nrows();
    let top = (v.max(1) as f64).ln() * (1.0 + 1e3 * A::TOL) + 1e3 * A::TOL;
    for e in t.entropy.iter().flatten() {
        let e = e.wide();
        assert!(
            e.is_nan() || (0.0..=top).contains(&e),
            "entropy {e}, {lce:?}"
        );
    }
    for (&a, &r) in t.argmax.iter().flatten().zip(t.rank.iter().flatten()) {
        assert!(
            a < v.max(1) && (r < v || r == usize::MAX),
            "argmax {a}, rank {r}"
        );
    }
}

pub fn linear_cross_entropy(data: &[u8]) {
    by_type(data, linear::<f32>, linear::<f64>);
}

fn linear<A: Real>(b: &mut Bytes) {
    let rows = LENGTHS[b.below(18)];
    let dim = 1 + b.below(24);
    let vocab = LENGTHS[b.below(LENGTHS.len())];
    let h = Tensor::decode(b, &[rows, dim], |b| {
        if b.below(16) == 0 {
            b.value()
        } else {
            A::of(f64::from(b.u16() as i16) / 8192.0)
        }
    });
    let w_dim = if b.below(16) == 0 { dim + 1 } else { dim };
    let w = Tensor::decode(b, &[vocab, w_dim], |b| {
        if b.below(16) == 0 {
            b.value()
        } else {
            A::of(f64::from(b.u16() as i16) / 8192.0)
        }
    });
    let mut lce = LinearCrossEntropy::<A>::new();
    let mut ce = CrossEntropy::<A>::new();
    let mut bias = None;
    if b.flag() {
        let n = if b.below(16) == 0 { vocab + 1 } else { vocab };
        let v: Vec<A> = (0..n)
            .map(|_| A::of(f64::from(b.u16() as i16) / 4096.0))
            .collect();
        bias = Some(v.clone());
        lce = lce.bias(v);
    }
    if b.flag() {
        let i = b.class(vocab);
        lce = lce.ignore_index(i);
        ce = ce.ignore_index(i);
    }
    if b.flag() {
        let e = b.probability();
        lce = lce.label_smoothing(e);
        ce = ce.label_smoothing(e);
    }
    if b.flag() {
        let t = if b.flag() {
            b.value()
        } else {
            A::of((1 + b.below(40)) as f64 / 8.0)
        };
        lce = lce.temperature(t);
        ce = ce.temperature(t);
    }
    let reduction = if b.flag() {
        Reduction::Sum
    } else {
        Reduction::Mean
    };
    lce = lce.reduction(reduction);
    ce = ce.reduction(reduction);
    if b.flag() {
        lce = lce.chunk_size(b.below(vocab + 3));
    }
    let n_targets = if b.below(16) == 0 { rows + 1 } else { rows };
    let targets: Vec<usize> = (0..n_targets).map(|_| b.class(vocab)).collect();

    let (hv, wv) = (h.view(), w.view());
    let (h2, w2): (ndarray::ArrayView2<A>, ndarray::ArrayView2<A>) = (
        hv.clone().into_dimensionality().expect("2-D"),
        wv.clone().into_dimensionality().expect("2-D"),
    );
    let (before_h, before_w) = (hv.to_owned(), wv.to_owned());
    let loss = lce.loss(&h2, &w2, &targets[..]);
    let grads = lce.loss_and_grad(&h2, &w2, &targets[..]);
    unchanged(&before_h, &hv, "h");
    unchanged(&before_w, &wv, "w");
    linear_beyond_engine(b, &lce, &h2, &w2, &targets);
    let grads = match (loss, grads) {
        (Err(e), Err(f)) => {
            assert_eq!(
                format!("{e:?}"),
                format!("{f:?}"),
                "loss and loss_and_grad disagree"
            );
            return;
        }
        (Ok(l), Ok(g)) => {
            assert!(near(
                l.wide(),
                g.loss.wide(),
                4.0 * A::TOL,
                1.0 + l.wide().abs()
            ));
            g
        }
        (l, g) => panic!("loss {l:?} but loss_and_grad {:?}", g.map(|g| g.loss)),
    };
    assert_eq!(grads.dh.dim(), (rows, dim));
    assert_eq!(grads.dw.dim(), (vocab, dim));
    assert_eq!(
        grads.dbias.as_ref().map(ndarray::Array1::len),
        bias.as_ref().map(Vec::len)
    );

    // The same loss and gradients as the cross-entropy of the logits h·wᵀ + b, where those are
    // moderate.
    let mut z: Array2<A> = h2.dot(&w2.t());
    if let Some(v) = &bias {
        z += &ndarray::ArrayView1::from(&v[..]);
    }
    if !z.iter().all(|&v| moderate(v, 1e3)) {
        return;
    }
    let (l, g) = ce
        .loss_and_grad(&z, &targets[..])
        .expect("valid for LinearCrossEntropy");
    let tol = 100.0 * A::TOL;
    assert!(
        near(grads.loss.wide(), l.wide(), tol, 1.0 + l.wide().abs()),
        "linear loss {:?} but cross-entropy {l:?}",
        grads.loss
    );
    // The products of the unfused gradient, summed without overflow on the way: a gradient near
    // the type's range (a tiny temperature, huge weights) is finite wherever its exact value is.
    let dh = exact_product(&g.view(), &w2.view());
    let dw = exact_product(&g.t(), &h2.view());
    let ones = Array2::from_elem((rows, 1), A::one());
    let db = exact_product(&g.t(), &ones.view());
    let largest = |a: ndarray::ArrayView2<A>| a.iter().map(|v| v.wide().abs()).fold(0.0, f64::max);
    let scale = 1.0
        + vocab.max(rows) as f64
            * largest(g.view())
            * largest(w2.view()).max(largest(h2.view())).max(1.0);
    let dbias = grads.dbias.as_ref().map(|b| b.view().insert_axis(Axis(1)));
    let pairs = [
        (Some(grads.dh.view()), &dh),
        (Some(grads.dw.view()), &dw),
        (dbias, &db),
    ];
    for (got, want) in pairs {
        let Some(got) = got else { continue };
        for (&a, &e) in got.iter().zip(want) {
            let s = scale + e.abs();
            assert!(
                near_or_beyond::<A>(a.wide(), e, tol, s),
                "linear gradient {a:?} but {e:?}"
            );
        }
    }
}

/// `a·b` for `a` `[n, k]` and `b` `[k, m]`, each entry summed in `f64` with its factors scaled by
/// powers of two so that no product or partial sum overflows, then scaled back: the exact
/// product, up to `f64` rounding (±inf only where it is beyond `f64`'s range). A term whose `a`
/// factor (a gradient) is 0 adds nothing, even where the `b` factor is infinite.
fn exact_product<A: Real>(a: &ndarray::ArrayView2<A>, b: &ndarray::ArrayView2<A>) -> Array2<f64> {
    // The power of two at or above the largest finite |v| of a lane (1 for a lane of zeros).
    let power = |lane: ndarray::ArrayView1<A>| {
        let m = lane
            .iter()
            .map(|v| v.wide().abs())
            .filter(|v| v.is_finite())
            .fold(0.0, f64::max);
        // The exponent from the bits (`log2` rounds up to 1024 at f64::MAX): at least −1023.
        let e = if m == 0.0 {
            0
        } else {
            ((m.to_bits() >> 52) & 0x7ff) as i32 - 1023
        };
        // 2^e in two steps, as 2^e alone is 0 below 2^-1022 in `powi`.
        2f64.powi(e / 2) * 2f64.powi(e - e / 2)
    };
    Array2::from_shape_fn((a.nrows(), b.ncols()), |(i, j)| {
        let (ai, bj) = (a.row(i), b.column(j));
        let (pa, pb) = (power(ai), power(bj));
        let sum: f64 = ai
            .iter()
            .zip(bj)
            .filter(|(x, _)| **x != A::zero())
            .map(|(x, y)| (x.wide() / pa) * (y.wide() / pb))
            .sum();
        sum * pa.min(pb) * pa.max(pb)
    })
}

/// [`near`] for a value `a` of type `A` against an exact `f64` value `e`, where either may have
/// overflowed: ±inf matches a finite value of the same sign within `tol · scale` of `A`'s range.
fn near_or_beyond<A: Real>(a: f64, e: f64, tol: f64, scale: f64) -> bool {
    let rounded = A::of(e).wide();
    if near(a, rounded, tol, scale) {
        return true;
    }
    let edge = A::HUGE.wide() - tol * scale;
    let beyond = |inf: f64, v: f64| inf.is_infinite() && v.is_finite() && inf * v > 0.0;
    (beyond(a, e) && e.abs() >= edge) || (beyond(rounded, a) && a.abs() >= edge)
}

// ---------------------------------------------------------------------------------------------
// sample
// ---------------------------------------------------------------------------------------------

#[cfg(feature = "sample")]
/// The sampler's filter options as plain numbers, for [`kept_reference`].
#[derive(Clone, Copy, Debug)]
pub struct SampleOptions {
    /// Temperature (0: greedy).
    pub t: f64,
    /// Top-k (0: off).
    pub k: usize,
    /// Top-p (1: off).
    pub p: f64,
    /// Min-p (0: off).
    pub min_p: f64,
    /// Typical-p (1: off).
    pub typical: f64,
    /// The fewest tokens a filter keeps.
    pub min_keep: usize,
    /// The stage order.
    pub order: Order,
}

#[cfg(feature = "sample")]
impl SampleOptions {
    /// The sampler with these options.
    #[must_use]
    pub fn sampler<A: Real>(self) -> Sampler<A> {
        Sampler::new()
            .temperature(A::of(self.t))
            .top_k(self.k)
            .top_p(A::of(self.p))
            .min_p(A::of(self.min_p))
            .typical_p(A::of(self.typical))
            .min_keep(self.min_keep)
            .order(self.order)
    }

    /// The same options with every threshold that is on moved by the relative amount `d` (> 0
    /// keeps more): the edges of a tolerance band.
    #[must_use]
    pub fn nudged(self, d: f64) -> Self {
        // A filter that is off (p = 1, typical = 1, min_p = 0) stays off.
        let up = |v: f64| {
            if v < 1.0 {
                (v * (1.0 + d)).min(1.0 - f64::EPSILON)
            } else {
                v
            }
        };
        Self {
            p: up(self.p),
            min_p: self.min_p * (1.0 - d),
            typical: up(self.typical),
            ..self
        }
    }
}

#[cfg(feature = "sample")]
/// The kept set of `Sampler`'s documented rule, with sorts and `f64` throughout: the reference
/// the sampler is checked against (indices, ascending). `z = (x − m) / T` is formed as the
/// kernels form it in the element type, `round` rounding to it (`(x − m)/2` rounded, times
/// `2 · (1/T)`, `1/T` rounded), so that values the element type cannot tell apart tie here too.
#[must_use]
pub fn kept_reference(x: &[f64], q: SampleOptions, round: fn(f64) -> f64) -> Option<Vec<usize>> {
    let top = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    // +inf entries share the mass: they stand in as 0, the rest as −inf.
    let x: Vec<f64> = if top == f64::INFINITY {
        x.iter()
            .map(|&v| {
                if v == f64::INFINITY {
                    0.0
                } else {
                    f64::NEG_INFINITY
                }
            })
            .collect()
    } else {
        x.to_vec()
    };
    let mut kept: Vec<usize> = (0..x.len()).filter(|&i| x[i] > f64::NEG_INFINITY).collect();
    // Equal values (−0 and +0 included) by lower index.
    let by_order = |a: &usize, b: &usize| {
        x[*b]
            .partial_cmp(&x[*a])
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.cmp(b))
    };
    if q.t == 0.0 {
        kept.sort_by(by_order);
        kept.truncate(1);
        return Some(kept);
    }
    let inv = match q.order {
        Order::HuggingFace => round(1.0 / q.t),
        _ => 1.0,
    };
    let z = |i: usize, m: f64| round(round((x[i] - m) * 0.5) * (2.0 * inv));
    let min_keep = q.min_keep.max(1);
    let probs = |kept: &[usize]| -> Vec<f64> {
        let m = kept.iter().map(|&i| x[i]).fold(f64::NEG_INFINITY, f64::max);
        let e: Vec<f64> = kept.iter().map(|&i| z(i, m).exp()).collect();
        let s: f64 = e.iter().sum();
        e.iter().map(|v| v / s).collect()
    };
    let stages: &[char] = match q.order {
        Order::HuggingFace => &['k', 'p', 'm', 't'],
        _ => &['k', 't', 'p', 'm'],
    };
    for &stage in stages {
        kept.sort_by(by_order);
        match stage {
            'k' if q.k > 0 => kept.truncate(q.k.max(min_keep)),
            'p' if q.p < 1.0 => {
                let pr = probs(&kept);
                let mut total = 0.0;
                let mut n = kept.len();
                for (j, v) in pr.iter().enumerate() {
                    total += v;
                    if total >= q.p {
                        n = j + 1;
                        break;
                    }
                }
                kept.truncate(n.max(min_keep));
            }
            'm' if q.min_p > 0.0 => {
                let m = x[kept[0]];
                let n = kept
                    .iter()
                    .take_while(|&&i| z(i, m) >= q.min_p.ln())
                    .count();
                kept.truncate(n.max(min_keep));
            }
            't' if q.typical < 1.0 => {
                let pr = probs(&kept);
                // ln p = z − ln S, not ln(p): exact where p underflows.
                let m = x[kept[0]];
                let s: f64 = kept.iter().map(|&i| z(i, m).exp()).sum();
                let ln_p: Vec<f64> = kept.iter().map(|&i| z(i, m) - s.ln()).collect();
                let h: f64 = (0..kept.len())
                    .filter(|&j| pr[j] > 0.0)
                    .map(|j| -pr[j] * ln_p[j])
                    .sum();
                let mut order: Vec<usize> = (0..kept.len()).collect();
                let dev = |j: usize| round((-ln_p[j] - h).abs());
                order.sort_by(|&a, &b| dev(a).total_cmp(&dev(b)).then(kept[a].cmp(&kept[b])));
                // Closeness values apart by less than f64 can compute them (two formulas of H
                // differ by ~1e-15): no order can be checked.
                let ambiguous = order.windows(2).any(|w| {
                    let gap = dev(w[1]) - dev(w[0]);
                    gap > 0.0 && gap < 1e-12 * (1.0 + h.abs())
                });
                if ambiguous {
                    return None;
                }
                let mut total = 0.0;
                let mut n = order.len();
                for (r, &j) in order.iter().enumerate() {
                    total += pr[j];
                    if total >= q.typical {
                        n = r + 1;
                        break;
                    }
                }
                let n = n.max(min_keep).min(order.len());
                kept = order[..n].iter().map(|&j| kept[j]).collect();
            }
            _ => {}
        }
    }
    kept.sort_unstable();
    Some(kept)
}

#[cfg(feature = "sample")]
/// The processors of `Sampler`'s docs (mask, bias, repetition, frequency and presence
/// penalties), in the element type as the sampler applies them.
#[must_use]
pub fn processed<A: Real>(x: &[A], (rep, freq, pres): (A, A, A), ctx: &Context<'_, A>) -> Vec<A> {
    let mut v = x.to_vec();
    if let Some(allowed) = ctx.allowed {
        for (e, &ok) in v.iter_mut().zip(allowed) {
            if !ok {
                *e = A::neg_infinity();
            }
        }
    }
    for &(t, b) in ctx.logit_bias {
        v[t] += b;
    }
    if rep != A::one() || freq != A::zero() || pres != A::zero() {
        let mut seen: Vec<usize> = ctx.history.to_vec();
        seen.sort_unstable();
        for run in seen.chunk_by(|a, b| a == b) {
            let t = run[0];
            let mut e = v[t];
            if rep != A::one() {
                e = if e > A::zero() { e / rep } else { e * rep };
            }
            v[t] = e - A::of(run.len() as f64) * freq - pres;
        }
    }
    v
}

#[cfg(feature = "sample")]
/// `a ⊆ b` for sorted index lists.
fn subset(a: &[usize], b: &[usize]) -> bool {
    a.iter().all(|i| b.binary_search(i).is_ok())
}

#[cfg(feature = "sample")]
/// `Sampler`: a row (contiguous or strided), options (some invalid) and a context (some token ids
/// out of range, a NaN bias, a mask of the wrong length) decoded from the bytes. Checked: the
/// `Err` the docs list, in their order (the first bad option, then the context, then NaN in the
/// processed row, then nothing to draw), from `sample_in` and `filter_inplace` alike (which then
/// leaves its row unchanged); otherwise a token of the kept set, log-probabilities ≤ 0 and not NaN
/// (the raw one NaN only if the raw row holds NaN), and a kept set between the reference's with
/// every threshold moved by the type's rounding either way.
pub fn sample(data: &[u8]) {
    by_type(data, sample_case::<f32>, sample_case::<f64>);
}

#[cfg(feature = "sample")]
fn sample_case<A: Real>(b: &mut Bytes) {
    let v = match b.byte() {
        0..=199 => LENGTHS[b.below(LENGTHS.len())].max(1),
        200..=249 => 1000,
        _ => MAX_ELEMENTS,
    };
    let x: Vec<A> = (0..v).map(|_| b.value()).collect();
    let option = |b: &mut Bytes, usual: &[f64]| -> A {
        match b.byte() {
            0..=229 => A::of(usual[b.below(usual.len())]),
            _ => b.value(),
        }
    };
    let t = option(b, &[0.0, 0.5, 1.0, 2.0]);
    let top_p = option(b, &[1.0, 0.9, 0.5, 0.1]);
    let min_p = option(b, &[0.0, 0.0, 0.05, 0.5]);
    let typical = option(b, &[1.0, 1.0, 0.9]);
    let rep = option(b, &[1.0, 1.0, 1.3, 0.7]);
    let freq = option(b, &[0.0, 0.0, 0.5]);
    let pres = option(b, &[0.0, 0.0, 1.5]);
    let k = [0, 0, 1, 3, 50, 300][b.below(6)];
    let min_keep = b.below(4);
    let order = if b.flag() {
        Order::HuggingFace
    } else {
        Order::LlamaCpp
    };
    let history: Vec<usize> = (0..b.below(5)).map(|_| b.class(v)).collect();
    let bias: Vec<(usize, A)> = (0..b.below(3)).map(|_| (b.class(v), b.value())).collect();
    let allowed: Option<Vec<bool>> = b.flag().then(|| {
        let len = b.maybe_wrong(&[v])[0..].first().copied().unwrap_or(0);
        (0..len).map(|_| b.below(4) != 0).collect()
    });
    let ctx = Context {
        history: &history,
        logit_bias: &bias,
        allowed: allowed.as_deref(),
    };
    let sampler = Sampler::new()
        .temperature(t)
        .top_k(k)
        .top_p(top_p)
        .min_p(min_p)
        .typical_p(typical)
        .min_keep(min_keep)
        .repetition_penalty(rep)
        .frequency_penalty(freq)
        .presence_penalty(pres)
        .order(order)
        .log_probs(true)
        .raw_log_probs(true);
    let strided = b.flag();
    let backing = Array2::from_shape_fn((v, 2), |(i, j)| if j == 0 { x[i] } else { A::nan() });
    let contiguous = ndarray::Array1::from(x.clone());
    let key = Key::new(b.u64(), b.u64());
    let mut ws = Workspace::new();
    let got = if strided {
        sampler.sample_in(&mut ws, &backing.column(0), &ctx, key)
    } else {
        sampler.sample_in(&mut ws, &contiguous, &ctx, key)
    };
    let mut filtered = contiguous.clone();
    let kept = sampler.filter_inplace(&mut filtered, &ctx);
    let what = format!("V = {v}, {sampler:?}, {ctx:?}, {key:?}");
    let expected = sample_error(&x, (t, top_p, min_p, typical), (rep, freq, pres), &ctx);
    if let Some(e) = expected {
        let same_kind = |got: &Error| std::mem::discriminant(got) == std::mem::discriminant(&e);
        match &got {
            Err(g)
                if same_kind(g)
                    && (g == &e
                        || matches!(
                            e,
                            Error::InvalidOption { .. } | Error::ShapeMismatch { .. }
                        )) => {}
            other => panic!("{what}: expected {e:?}, got {other:?}"),
        }
        if let (Error::InvalidOption { name, .. }, Err(Error::InvalidOption { name: n, .. })) =
            (&e, &got)
        {
            assert_eq!(name, n, "{what}");
        }
        assert!(kept.is_err(), "{what}: filter_inplace gave {kept:?}");
        let untouched = filtered
            .iter()
            .zip(&contiguous)
            .all(|(a, b)| a.bits() == b.bits());
        assert!(untouched, "{what}: filter_inplace changed its row on error");
        return;
    }
    let d = got.unwrap_or_else(|e| panic!("{what}: {e}"));
    let p = processed(&x, (rep, freq, pres), &ctx);
    assert!(
        d.token < v && p[d.token] > A::neg_infinity(),
        "{what}: token {}",
        d.token
    );
    if p.contains(&A::infinity()) {
        assert_eq!(p[d.token], A::infinity(), "{what}: a token at +inf was due");
    }
    let lp = d.log_prob.map_or(f64::NAN, Real::wide);
    assert!(lp <= 1e-6 && !lp.is_nan(), "{what}: log-probability {lp}");
    let raw = d.raw_log_prob.map_or(f64::NAN, Real::wide);
    let raw_nan = x.iter().any(|e| e.is_nan());
    assert!(
        if raw_nan {
            raw.is_nan()
        } else {
            raw <= 1e-6 && !raw.is_nan()
        },
        "{what}: raw log-probability {raw}"
    );
    let n = kept.unwrap_or_else(|e| panic!("{what}: filter_inplace: {e}"));
    let got_set: Vec<usize> = (0..v)
        .filter(|&i| filtered[i] > A::neg_infinity())
        .collect();
    assert_eq!(got_set.len(), n, "{what}: the kept set's size");
    assert!(
        got_set.binary_search(&d.token).is_ok(),
        "{what}: token {} outside the kept set",
        d.token
    );
    // Against the reference, within rounding of the thresholds.
    let options = SampleOptions {
        t: t.wide(),
        k,
        p: top_p.wide(),
        min_p: min_p.wide(),
        typical: typical.wide(),
        min_keep,
        order,
    };
    let wide: Vec<f64> = p.iter().map(|e| e.wide()).collect();
    let band = A::TOL * 10.0;
    let round: fn(f64) -> f64 = |v| A::of(v).wide();
    let (Some(lo), Some(mid), Some(hi)) = (
        kept_reference(&wide, options.nudged(-band), round),
        kept_reference(&wide, options, round),
        kept_reference(&wide, options.nudged(band), round),
    ) else {
        return;
    };
    // The band's edges, or between them (typical-p after another filter is not monotone in the
    // thresholds: then only the edges themselves are sure answers).
    assert!(
        [&lo, &mid, &hi].contains(&&got_set) || (subset(&lo, &got_set) && subset(&got_set, &hi)),
        "{what}: kept {got_set:?}, the reference between {lo:?} and {hi:?}; processed row {p:?}"
    );
}

#[cfg(feature = "sample")]
/// The error the sampler's docs promise for these inputs, if any.
fn sample_error<A: Real>(
    x: &[A],
    (t, top_p, min_p, typical): (A, A, A, A),
    (rep, freq, pres): (A, A, A),
    ctx: &Context<'_, A>,
) -> Option<Error> {
    let v = x.len();
    let bad = |name: &'static str| {
        Some(Error::InvalidOption {
            name,
            value: 0.0,
            expected: "",
        })
    };
    let one = A::one();
    if !(t >= A::zero() && t.is_finite() && (t == A::zero() || (one / t).is_finite())) {
        return bad("temperature");
    }
    if !(top_p > A::zero() && top_p <= one) {
        return bad("top_p");
    }
    if !(min_p >= A::zero() && min_p <= one) {
        return bad("min_p");
    }
    if !(typical > A::zero() && typical <= one) {
        return bad("typical_p");
    }
    if !(rep > A::zero() && rep.is_finite()) {
        return bad("repetition_penalty");
    }
    if !freq.is_finite() {
        return bad("frequency_penalty");
    }
    if !pres.is_finite() {
        return bad("presence_penalty");
    }
    let out = |what, token| {
        Some(Error::TokenOutOfRange {
            row: 0,
            what,
            token,
            vocab: v,
        })
    };
    if let Some(&h) = ctx.history.iter().find(|&&h| h >= v) {
        return out("history", h);
    }
    if let Some(&(t, _)) = ctx.logit_bias.iter().find(|&&(t, _)| t >= v) {
        return out("logit bias", t);
    }
    if ctx.logit_bias.iter().any(|(_, b)| b.is_nan()) {
        return bad("logit bias");
    }
    if ctx.allowed.is_some_and(|a| a.len() != v) {
        return Some(Error::ShapeMismatch {
            what: "",
            found: vec![],
            against: "",
            expected: vec![],
        });
    }
    let p = processed(x, (rep, freq, pres), ctx);
    if let Some(index) = p.iter().position(|e| e.is_nan()) {
        return Some(Error::NanInRow { row: 0, index });
    }
    if p.iter().all(|&e| e == A::neg_infinity()) {
        return Some(Error::NothingToSample { row: 0 });
    }
    None
}
