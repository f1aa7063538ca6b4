//! Property tests: random shapes (1 to 3 axes, lengths 1..=9, plus zero-length
//! axes), a random axis, random memory layouts (the harness's: standard,
//! transposed, rotated, stepped, negative strides and their combinations), for
//! both `f32` and `f64`.
//!
//! Every property is a generic function run for `f32` and then `f64` on the same
//! case. Tolerances are named constants below, in units of machine epsilon
//! (`A::EPS`) unless said otherwise; each says where its size comes from.
#![allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::float_cmp,
    clippy::many_single_char_names,
    clippy::needless_range_loop,
    clippy::too_many_lines
)]

use crate::harness::{
    Layout, SplitMix, TestFloat, arrange, close, lane_max, lanes, layout_strategy,
    naive_log_softmax, naive_logsumexp, naive_softmax, proptest_config, ulps,
};
use logits::{
    LogSumExp, log_sigmoid, log_softmax, log_softmax_backward, log_softmax_inplace,
    log_softmax_into, log_softmax_with_temperature, logsumexp, masked_log_softmax, masked_softmax,
    sigmoid, softmax, softmax_backward, softmax_inplace, softmax_into, softmax_jacobian,
    softmax_jvp, softmax_with_temperature,
};
use ndarray::{Array1, Array2, ArrayD, ArrayRef, ArrayViewD, Axis, IxDyn, array, s};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

// ---------------------------------------------------------------------------
// Configuration and tolerances
// ---------------------------------------------------------------------------

/// Cases per property (each case runs for f32 and f64).
const CASES: u32 = 64;

/// Inputs are drawn from `[-RANGE, RANGE)`.
const RANGE: f64 = 30.0;

/// `Σ p` over a lane is 1 within `eps · (SUM_BASE + SUM_PER_ELEM · n + spread)`:
/// n roundings in the sum and the division, plus the rounding of `x − max`
/// (relative error ≤ |x − max| · eps/2) if the kernel rescales a running sum.
const SUM_BASE: f64 = 8.0;
const SUM_PER_ELEM: f64 = 2.0;

/// The same data through two code paths (layouts, `_into`, `_inplace`, an
/// all-true mask, a broadcast mask): relative tolerance, in eps. Paths may
/// differ in summation order and in the exp they use (scalar or SIMD).
const PATH_REL: f64 = 16.0;
/// ... and the absolute part for log-domain results (log_softmax, logsumexp),
/// in eps: `ln Σ` rounds on the scale of 1, and a value near 0 has no
/// relative accuracy to speak of.
const PATH_ABS_LOG: f64 = 16.0;

/// Tied inputs give probabilities at most this many ULPs apart (the same
/// number may go through a SIMD body and a scalar tail).
const TIE_ULPS: u64 = 4;

/// A small absolute slack for results in (or near) the subnormal range, in
/// units of the smallest normal value.
const SUBNORMAL_SLACK: f64 = 16.0;

/// Values that depend on rounded inputs (`x + c`, `x / t`): an input error of
/// `|x| · eps/2` moves `p` by at most twice that, relatively. So the
/// tolerance is `eps · (INPUT_BASE + INPUT_PER_UNIT · max|input|)`.
const INPUT_BASE: f64 = 16.0;
const INPUT_PER_UNIT: f64 = 4.0;

/// `log_softmax` against `ln(softmax)`: `eps · (LN_BASE + LN_PER_UNIT · |ls|)`
/// (softmax's relative error grows with `|x − max| ≤ |ls|`).
const LN_BASE: f64 = 24.0;
const LN_PER_UNIT: f64 = 4.0;

/// `logsumexp` against a naive f64 evaluation:
/// `eps · (LSE_SCALE · (|max| + ln n + 1) + LSE_PER_ELEM · n + spread)`.
const LSE_SCALE: f64 = 4.0;
const LSE_PER_ELEM: f64 = 2.0;

/// Backward passes against `Jᵀ g` built from `softmax_jacobian`: absolute
/// tolerance `eps · BACKWARD · (p_i (|g_i| + max|g|) + Σ_j |J_ji g_j|)`.
const BACKWARD: f64 = 32.0;

/// Central finite differences for the Jacobian (f64): step and tolerance.
const FD_STEP: f64 = 1e-5;
const FD_TOL: f64 = 1e-8;

/// `LogSumExp` however it is fed: `eps · LSE_ACC_ULPS · len · max(|v|, |max|, 1)`.
const LSE_ACC_ULPS: f64 = 4.0;

// ---------------------------------------------------------------------------
// Cases: shape, axis, layout and data
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
struct Case {
    shape: Vec<usize>,
    axis: usize,
    layout: Layout,
    seed: u64,
    /// Round the data to multiples of 0.5, so lanes hold ties.
    ties: bool,
}

fn case_strategy() -> impl Strategy<Value = Case> {
    prop::collection::vec(1usize..=9, 1..=3)
        .prop_flat_map(|shape| {
            let nd = shape.len();
            (
                Just(shape),
                0..nd,
                layout_strategy(),
                any::<u64>(),
                any::<bool>(),
            )
        })
        .prop_map(|(shape, axis, layout, seed, ties)| Case {
            shape,
            axis,
            layout,
            seed,
            ties,
        })
}

/// Like `case_strategy`, with one axis (sometimes the reduction axis) of length 0.
fn zero_case_strategy() -> impl Strategy<Value = Case> {
    prop::collection::vec(1usize..=9, 1..=3)
        .prop_flat_map(|shape| {
            let nd = shape.len();
            (Just(shape), 0..nd, 0..nd, layout_strategy(), any::<u64>())
        })
        .prop_map(|(mut shape, axis, zero, layout, seed)| {
            shape[zero] = 0;
            Case {
                shape,
                axis,
                layout,
                seed,
                ties: false,
            }
        })
}

impl Case {
    /// Shape of the backing array from which the view is cut.
    fn base_shape(&self) -> Vec<usize> {
        self.layout.backing_shape(&self.shape)
    }

    /// A backing array filled from the seed (mixed with `salt`), uniform in `[lo, hi)`.
    fn base<A: TestFloat>(&self, lo: f64, hi: f64, salt: u64) -> ArrayD<A> {
        let mut rng = SplitMix(self.seed ^ salt);
        let ties = self.ties;
        ArrayD::from_shape_fn(IxDyn(&self.base_shape()), |_| {
            let v = rng.uniform(lo, hi);
            A::of(if ties { (v * 2.0).round() / 2.0 } else { v })
        })
    }

    /// A backing array of booleans, `true` with probability `p_true`.
    fn mask_base(&self, p_true: f64, salt: u64) -> ArrayD<bool> {
        let mut rng = SplitMix(self.seed ^ salt);
        ArrayD::from_shape_fn(IxDyn(&self.base_shape()), |_| rng.unit() < p_true)
    }

    fn ax(&self) -> Axis {
        Axis(self.axis)
    }
}

/// A standard-layout (row-major, contiguous) copy with the same logical contents.
fn standard<A: Clone>(v: &ArrayViewD<'_, A>) -> ArrayD<A> {
    let out = ArrayD::from_shape_vec(v.raw_dim(), v.iter().cloned().collect()).unwrap();
    assert!(out.is_standard_layout());
    out
}

fn spread_of(xs: &[f64]) -> f64 {
    let fin: Vec<f64> = xs.iter().copied().filter(|v| v.is_finite()).collect();
    if fin.is_empty() {
        0.0
    } else {
        lane_max(&fin) - fin.iter().copied().fold(f64::INFINITY, f64::min)
    }
}

/// Elementwise comparison of two arrays of the same shape with `close`.
fn all_close<A: TestFloat>(
    what: &str,
    got: &ArrayRef<A, IxDyn>,
    want: &ArrayRef<A, IxDyn>,
    rel: f64,
    abs: f64,
    case: &Case,
) -> Result<(), TestCaseError> {
    prop_assert_eq!(got.shape(), want.shape(), "{} [{}] shape", what, A::NAME);
    for (i, (g, w)) in got.iter().zip(want.iter()).enumerate() {
        prop_assert!(
            close(g.wide(), w.wide(), rel, abs),
            "{} [{}] element {}: got {:e}, want {:e} (rel {:e}, abs {:e}); {:?}",
            what,
            A::NAME,
            i,
            g.wide(),
            w.wide(),
            rel,
            abs,
            case
        );
    }
    Ok(())
}

fn tiny<A: TestFloat>() -> f64 {
    SUBNORMAL_SLACK * A::MIN_NORMAL
}

// ---------------------------------------------------------------------------
// Properties (generic bodies)
// ---------------------------------------------------------------------------

fn lanes_sum_to_one<A: TestFloat>(case: &Case) -> Result<(), TestCaseError> {
    let base = case.base::<A>(-RANGE, RANGE, 0);
    let x = arrange(base.view(), case.layout);
    let p = softmax(&x, case.ax());
    prop_assert_eq!(p.shape(), x.shape());
    for (xl, pl) in lanes(&x, case.ax()).iter().zip(lanes(&p, case.ax())) {
        let n = pl.len() as f64;
        for &v in &pl {
            prop_assert!(
                (0.0..=1.0).contains(&v),
                "[{}] p = {} outside [0, 1]",
                A::NAME,
                v
            );
        }
        let sum: f64 = pl.iter().sum();
        let tol = A::EPS * (SUM_BASE + SUM_PER_ELEM * n + spread_of(xl));
        prop_assert!(
            (sum - 1.0).abs() <= tol,
            "[{}] lane sums to {} (tol {:e}): x = {:?}, p = {:?}",
            A::NAME,
            sum,
            tol,
            xl,
            pl
        );
    }
    let ls = log_softmax(&x, case.ax());
    prop_assert_eq!(ls.shape(), x.shape());
    for &v in &ls {
        let v = v.wide();
        prop_assert!(
            v.is_finite() && v <= 0.0,
            "[{}] log_softmax = {}",
            A::NAME,
            v
        );
    }
    Ok(())
}

fn shift_invariance<A: TestFloat>(case: &Case) -> Result<(), TestCaseError> {
    let base = case.base::<A>(-RANGE, RANGE, 0);
    let x = arrange(base.view(), case.layout);
    let ax = case.ax();
    let mut rng = SplitMix(case.seed ^ 0x5A1F);
    let mut shifted = standard(&x);
    let mut shifts = Vec::new();
    for mut lane in shifted.lanes_mut(ax) {
        let c = A::of(rng.uniform(-50.0, 50.0));
        shifts.push(c.wide());
        lane.mapv_inplace(|v| v + c);
    }
    let c_max = shifts.iter().fold(0.0_f64, |m, c| m.max(c.abs()));
    let rel = A::EPS * (INPUT_BASE + INPUT_PER_UNIT * (RANGE + c_max));
    all_close(
        "softmax(x + c)",
        &softmax(&shifted, ax),
        &softmax(&x, ax),
        rel,
        tiny::<A>(),
        case,
    )?;
    all_close(
        "log_softmax(x + c)",
        &log_softmax(&shifted, ax),
        &log_softmax(&x, ax),
        A::EPS,
        rel,
        case,
    )?;
    // logsumexp(x + c) = logsumexp(x) + c.
    let l0 = logsumexp(&x, ax);
    let l1 = logsumexp(&shifted, ax);
    for ((a, b), c) in l1.iter().zip(l0.iter()).zip(&shifts) {
        let want = b.wide() + c;
        prop_assert!(
            close(a.wide(), want, 4.0 * A::EPS, rel),
            "[{}] logsumexp(x + {}) = {}, logsumexp(x) + c = {}",
            A::NAME,
            c,
            a,
            want
        );
    }
    Ok(())
}

fn order_preserved<A: TestFloat>(case: &Case) -> Result<(), TestCaseError> {
    let base = case.base::<A>(-RANGE, RANGE, 0);
    let x = arrange(base.view(), case.layout);
    let ax = case.ax();
    let p = softmax(&x, ax);
    let ls = log_softmax(&x, ax);
    let (xs, ps, lss) = (lanes(&x, ax), lanes(&p, ax), lanes(&ls, ax));
    let pa: Vec<Vec<A>> = p.lanes(ax).into_iter().map(|l| l.to_vec()).collect();
    for k in 0..xs.len() {
        let (x, p, l) = (&xs[k], &ps[k], &lss[k]);
        for i in 0..x.len() {
            for j in 0..x.len() {
                if x[i] < x[j] {
                    prop_assert!(
                        p[i] <= p[j] && l[i] <= l[j],
                        "[{}] x[{}] = {} < x[{}] = {} but p = {} > {} or log_p = {} > {}",
                        A::NAME,
                        i,
                        x[i],
                        j,
                        x[j],
                        p[i],
                        p[j],
                        l[i],
                        l[j]
                    );
                } else if x[i] == x[j] {
                    let d = ulps(pa[k][i], pa[k][j]);
                    prop_assert!(
                        d <= TIE_ULPS,
                        "[{}] tie x[{}] = x[{}] = {} gives p {} and {} ({} ULP apart)",
                        A::NAME,
                        i,
                        j,
                        x[i],
                        p[i],
                        p[j],
                        d
                    );
                }
            }
        }
    }
    Ok(())
}

fn log_softmax_is_ln_softmax<A: TestFloat>(case: &Case) -> Result<(), TestCaseError> {
    let base = case.base::<A>(-RANGE, RANGE, 0);
    let x = arrange(base.view(), case.layout);
    let ax = case.ax();
    let p = softmax(&x, ax);
    let ls = log_softmax(&x, ax);
    for (pv, lv) in p.iter().zip(ls.iter()) {
        let (pv, lv) = (pv.wide(), lv.wide());
        if pv >= A::MIN_NORMAL && lv.is_finite() {
            let tol = A::EPS * (LN_BASE + LN_PER_UNIT * lv.abs());
            prop_assert!(
                (lv - pv.ln()).abs() <= tol,
                "[{}] log_softmax = {} but ln(softmax) = {} (tol {:e})",
                A::NAME,
                lv,
                pv.ln(),
                tol
            );
            prop_assert!(
                close(lv.exp(), pv, tol, 0.0),
                "[{}] exp(log_softmax) = {} but softmax = {}",
                A::NAME,
                lv.exp(),
                pv
            );
        }
    }
    Ok(())
}

fn logsumexp_matches_naive<A: TestFloat>(case: &Case) -> Result<(), TestCaseError> {
    let base = case.base::<A>(-RANGE, RANGE, 0);
    let x = arrange(base.view(), case.layout);
    let ax = case.ax();
    let lse = logsumexp(&x, ax);
    let mut want_shape = case.shape.clone();
    want_shape.remove(case.axis);
    prop_assert_eq!(lse.shape(), &want_shape[..]);
    for (xl, got) in lanes(&x, ax).iter().zip(lse.iter()) {
        let want = naive_logsumexp(xl);
        let m = lane_max(xl);
        let n = xl.len() as f64;
        let tol =
            A::EPS * (LSE_SCALE * (m.abs() + n.ln() + 1.0) + LSE_PER_ELEM * n + spread_of(xl));
        prop_assert!(
            (got.wide() - want).abs() <= tol,
            "[{}] logsumexp = {}, naive f64 = {} (tol {:e}), lane {:?}",
            A::NAME,
            got,
            want,
            tol,
            xl
        );
    }
    Ok(())
}

fn temperature<A: TestFloat>(case: &Case, t: f64) -> Result<(), TestCaseError> {
    let base = case.base::<A>(-RANGE, RANGE, 0);
    let x = arrange(base.view(), case.layout);
    let ax = case.ax();
    // t = 1 is exactly the plain function.
    let p1 = softmax_with_temperature(&x, ax, A::one()).unwrap();
    let l1 = log_softmax_with_temperature(&x, ax, A::one()).unwrap();
    let p = softmax(&x, ax);
    let l = log_softmax(&x, ax);
    for (a, b) in p1.iter().zip(p.iter()).chain(l1.iter().zip(l.iter())) {
        prop_assert!(
            ulps(*a, *b) == 0,
            "[{}] temperature 1 gives {} but the plain function {}",
            A::NAME,
            a,
            b
        );
    }
    // Temperature t is the plain function of x / t.
    let t = A::of(t);
    let scaled = x.mapv(|v| v / t);
    let big = RANGE / t.wide();
    let rel = A::EPS * (INPUT_BASE + INPUT_PER_UNIT * big);
    all_close(
        "softmax_with_temperature",
        &softmax_with_temperature(&x, ax, t).unwrap(),
        &softmax(&scaled, ax),
        rel,
        tiny::<A>(),
        case,
    )?;
    all_close(
        "log_softmax_with_temperature",
        &log_softmax_with_temperature(&x, ax, t).unwrap(),
        &log_softmax(&scaled, ax),
        A::EPS * PATH_REL,
        2.0 * rel,
        case,
    )?;
    Ok(())
}

fn layout_matches_standard<A: TestFloat>(case: &Case) -> Result<(), TestCaseError> {
    let base = case.base::<A>(-RANGE, RANGE, 0);
    let x = arrange(base.view(), case.layout);
    let xs = standard(&x);
    let ax = case.ax();
    let rel = A::EPS * PATH_REL;
    let abs_log = A::EPS * PATH_ABS_LOG;
    all_close(
        "softmax(view)",
        &softmax(&x, ax),
        &softmax(&xs, ax),
        rel,
        tiny::<A>(),
        case,
    )?;
    all_close(
        "log_softmax(view)",
        &log_softmax(&x, ax),
        &log_softmax(&xs, ax),
        rel,
        abs_log,
        case,
    )?;
    all_close(
        "logsumexp(view)",
        &logsumexp(&x, ax),
        &logsumexp(&xs, ax),
        rel,
        abs_log,
        case,
    )?;
    let t = A::of(0.7);
    all_close(
        "softmax_with_temperature(view)",
        &softmax_with_temperature(&x, ax, t).unwrap(),
        &softmax_with_temperature(&xs, ax, t).unwrap(),
        rel,
        tiny::<A>(),
        case,
    )?;
    all_close(
        "log_softmax_with_temperature(view)",
        &log_softmax_with_temperature(&x, ax, t).unwrap(),
        &log_softmax_with_temperature(&xs, ax, t).unwrap(),
        rel,
        abs_log,
        case,
    )?;
    // A strided mask on a strided input against standard copies of both.
    let mask_base = case.mask_base(0.7, 0x3A5C);
    let mask = arrange(mask_base.view(), case.layout);
    all_close(
        "masked_softmax(view)",
        &masked_softmax(&x, &mask, ax).unwrap(),
        &masked_softmax(&xs, &standard(&mask), ax).unwrap(),
        rel,
        tiny::<A>(),
        case,
    )?;
    all_close(
        "sigmoid(view)",
        &sigmoid(&x),
        &sigmoid(&xs),
        rel,
        tiny::<A>(),
        case,
    )?;
    all_close(
        "log_sigmoid(view)",
        &log_sigmoid(&x),
        &log_sigmoid(&xs),
        rel,
        abs_log,
        case,
    )?;
    // Gradients with strided arguments.
    let p = softmax(&xs, ax);
    let g_base = case.base::<A>(-3.0, 3.0, 0x96);
    let g = arrange(g_base.view(), case.layout);
    let gs = standard(&g);
    let p_view_base = {
        // p laid out like x.
        let mut b = ArrayD::<A>::zeros(IxDyn(&case.base_shape()));
        arrange(b.view_mut(), case.layout).assign(&p);
        b
    };
    let pv = arrange(p_view_base.view(), case.layout);
    all_close(
        "softmax_backward(view)",
        &softmax_backward(&pv, &g, ax).unwrap(),
        &softmax_backward(&p, &gs, ax).unwrap(),
        rel,
        tiny::<A>(),
        case,
    )?;
    all_close(
        "softmax_jvp(view)",
        &softmax_jvp(&pv, &g, ax).unwrap(),
        &softmax_jvp(&p, &gs, ax).unwrap(),
        rel,
        tiny::<A>(),
        case,
    )?;
    let lp = log_softmax(&xs, ax);
    all_close(
        "log_softmax_backward(view)",
        &log_softmax_backward(&lp, &g, ax).unwrap(),
        &log_softmax_backward(&lp, &gs, ax).unwrap(),
        rel,
        abs_log,
        case,
    )?;
    Ok(())
}

fn into_and_inplace<A: TestFloat>(case: &Case) -> Result<(), TestCaseError> {
    let base = case.base::<A>(-RANGE, RANGE, 0);
    let x = arrange(base.view(), case.layout);
    let ax = case.ax();
    let rel = A::EPS * PATH_REL;
    let abs_log = A::EPS * PATH_ABS_LOG;
    let want_p = softmax(&x, ax);
    let want_l = log_softmax(&x, ax);

    // Into a standard-layout buffer (pre-filled with garbage).
    let mut out = ArrayD::<A>::from_elem(IxDyn(&case.shape), A::of(-7.5));
    softmax_into(&x, &mut out, ax).unwrap();
    all_close("softmax_into", &out, &want_p, rel, tiny::<A>(), case)?;
    log_softmax_into(&x, &mut out, ax).unwrap();
    all_close("log_softmax_into", &out, &want_l, rel, abs_log, case)?;

    // Into a buffer laid out like x (strided, reversed...).
    let mut out_base = ArrayD::<A>::from_elem(IxDyn(&case.base_shape()), A::of(3.25));
    let untouched = out_base.clone();
    {
        let mut ov = arrange(out_base.view_mut(), case.layout);
        softmax_into(&x, &mut ov, ax).unwrap();
        all_close("softmax_into(view)", &ov, &want_p, rel, tiny::<A>(), case)?;
        log_softmax_into(&x, &mut ov, ax).unwrap();
        all_close("log_softmax_into(view)", &ov, &want_l, rel, abs_log, case)?;
    }
    // Elements of the buffer outside the view are left alone.
    let mut seen = ArrayD::<bool>::from_elem(IxDyn(&case.base_shape()), false);
    arrange(seen.view_mut(), case.layout).fill(true);
    for ((o, u), s) in out_base.iter().zip(untouched.iter()).zip(seen.iter()) {
        if !s {
            prop_assert!(ulps(*o, *u) == 0, "[{}] wrote outside the view", A::NAME);
        }
    }

    // In place, on data laid out like x.
    let mut b1 = case.base::<A>(-RANGE, RANGE, 0);
    {
        let mut v = arrange(b1.view_mut(), case.layout);
        softmax_inplace(&mut v, ax);
        all_close("softmax_inplace", &v, &want_p, rel, tiny::<A>(), case)?;
    }
    let mut b2 = case.base::<A>(-RANGE, RANGE, 0);
    {
        let mut v = arrange(b2.view_mut(), case.layout);
        log_softmax_inplace(&mut v, ax);
        all_close("log_softmax_inplace", &v, &want_l, rel, abs_log, case)?;
    }
    // And on an owned standard copy.
    let mut owned = standard(&x);
    softmax_inplace(&mut owned, ax);
    all_close(
        "softmax_inplace(owned)",
        &owned,
        &want_p,
        rel,
        tiny::<A>(),
        case,
    )?;
    Ok(())
}

fn masked<A: TestFloat>(case: &Case) -> Result<(), TestCaseError> {
    let base = case.base::<A>(-RANGE, RANGE, 0);
    let x = arrange(base.view(), case.layout);
    let ax = case.ax();
    let rel = A::EPS * PATH_REL;
    let want_p = softmax(&x, ax);

    // All true: plain softmax.
    let all = ArrayD::from_elem(IxDyn(&case.shape), true);
    all_close(
        "masked_softmax(all true)",
        &masked_softmax(&x, &all, ax).unwrap(),
        &want_p,
        rel,
        tiny::<A>(),
        case,
    )?;

    // A random mask (strided like x): excluded entries are exactly 0 (−inf in log space), the
    // rest the softmax (log-softmax) of the included entries alone (−inf throughout where none
    // is); all true is log_softmax too.
    let mask_base = case.mask_base(0.6, 0x77);
    let mask = arrange(mask_base.view(), case.layout);
    let got = masked_softmax(&x, &mask, ax).unwrap();
    let got_log = masked_log_softmax(&x, &mask, ax).unwrap();
    prop_assert_eq!(got.shape(), x.shape());
    prop_assert_eq!(got_log.shape(), x.shape());
    let mlanes: Vec<Vec<bool>> = mask.lanes(ax).into_iter().map(|l| l.to_vec()).collect();
    let all_lanes = lanes(&x, ax)
        .into_iter()
        .zip(lanes(&got, ax))
        .zip(lanes(&got_log, ax));
    for (((xl, gl), ll), ml) in all_lanes.zip(&mlanes) {
        let kept: Vec<f64> = xl
            .iter()
            .zip(ml)
            .filter(|(_, m)| **m)
            .map(|(v, _)| *v)
            .collect();
        let (want, want_log) = (naive_softmax(&kept), naive_log_softmax(&kept, 1.0));
        let tol = A::EPS * (INPUT_BASE + 2.0 * spread_of(&kept));
        let mut k = 0;
        for ((g, l), m) in gl.iter().zip(&ll).zip(ml) {
            if *m {
                prop_assert!(
                    close(*g, want[k], tol, tiny::<A>()),
                    "[{}] masked_softmax kept entry {} vs {}: x = {:?}, mask = {:?}",
                    A::NAME,
                    g,
                    want[k],
                    xl,
                    ml
                );
                let log_tol = A::EPS * (LN_BASE + LN_PER_UNIT * want_log[k].abs());
                prop_assert!(
                    close(*l, want_log[k], 0.0, log_tol),
                    "[{}] masked_log_softmax kept entry {} vs {}: x = {:?}, mask = {:?}",
                    A::NAME,
                    l,
                    want_log[k],
                    xl,
                    ml
                );
                k += 1;
            } else {
                prop_assert!(
                    *g == 0.0,
                    "[{}] excluded entry is {}, not 0: x = {:?}, mask = {:?}",
                    A::NAME,
                    g,
                    xl,
                    ml
                );
                prop_assert!(
                    *l == f64::NEG_INFINITY,
                    "[{}] excluded log entry is {}, not −inf: x = {:?}, mask = {:?}",
                    A::NAME,
                    l,
                    xl,
                    ml
                );
            }
        }
    }
    all_close(
        "masked_log_softmax(all true)",
        &masked_log_softmax(&x, &all, ax).unwrap(),
        &log_softmax(&x, ax),
        rel,
        A::EPS * PATH_ABS_LOG,
        case,
    )?;

    // A 1-D mask over the last axis broadcasts like its expansion.
    let last = case.shape.len() - 1;
    let mut rng = SplitMix(case.seed ^ 0xB0);
    let m1 = Array1::from_shape_fn(case.shape[last], |_| rng.unit() < 0.6);
    let full = m1.broadcast(IxDyn(&case.shape)).unwrap().to_owned();
    all_close(
        "masked_softmax(broadcast 1-D mask)",
        &masked_softmax(&x, &m1, ax).unwrap(),
        &masked_softmax(&x, &full, ax).unwrap(),
        rel,
        tiny::<A>(),
        case,
    )?;

    // A mask of length 1 along the axis keeps or drops whole lanes.
    let mut lane_shape = case.shape.clone();
    lane_shape[case.axis] = 1;
    let ml = ArrayD::from_shape_fn(IxDyn(&lane_shape), |_| rng.unit() < 0.5);
    let got = masked_softmax(&x, &ml, ax).unwrap();
    for ((gl, pl), keep) in lanes(&got, ax)
        .iter()
        .zip(lanes(&want_p, ax))
        .zip(ml.iter())
    {
        for (g, p) in gl.iter().zip(&pl) {
            let want = if *keep { *p } else { 0.0 };
            prop_assert!(
                close(*g, want, rel, tiny::<A>()),
                "[{}] lane mask {}: got {}, want {}",
                A::NAME,
                keep,
                g,
                want
            );
        }
    }
    Ok(())
}

/// Checks `got` lane by lane against `J(p)ᵀ w` (or `J(p) w`, the same: J is
/// symmetric) where J comes from `softmax_jacobian`.
fn check_against_jacobian<A: TestFloat>(
    what: &str,
    got: &ArrayRef<A, IxDyn>,
    p: &ArrayRef<A, IxDyn>,
    w: &ArrayRef<A, IxDyn>,
    ax: Axis,
    transpose: bool,
) -> Result<(), TestCaseError> {
    prop_assert_eq!(got.shape(), p.shape());
    for ((gl, pl), wl) in got.lanes(ax).into_iter().zip(p.lanes(ax)).zip(w.lanes(ax)) {
        let j = softmax_jacobian(&pl);
        let n = pl.len();
        prop_assert_eq!(j.dim(), (n, n));
        let wv: Vec<f64> = wl.iter().map(|v| v.wide()).collect();
        let w_max = wv.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
        for i in 0..n {
            let mut want = 0.0;
            let mut mag = 0.0;
            for k in 0..n {
                let jik = if transpose { j[[k, i]] } else { j[[i, k]] }.wide();
                want += jik * wv[k];
                mag += (jik * wv[k]).abs();
            }
            let pi = pl[i].wide();
            let tol = A::EPS * BACKWARD * (pi * (wv[i].abs() + w_max) + mag) + tiny::<A>();
            prop_assert!(
                (gl[i].wide() - want).abs() <= tol,
                "[{}] {}[{}] = {}, J{}w = {} (tol {:e}); p = {:?}, w = {:?}",
                A::NAME,
                what,
                i,
                gl[i],
                if transpose { "ᵀ" } else { "" },
                want,
                tol,
                pl,
                wv
            );
        }
    }
    Ok(())
}

fn backward<A: TestFloat>(case: &Case) -> Result<(), TestCaseError> {
    let base = case.base::<A>(-RANGE, RANGE, 0);
    let x = arrange(base.view(), case.layout);
    let ax = case.ax();
    let p = softmax(&x, ax);
    let g_base = case.base::<A>(-3.0, 3.0, 0x61);
    let g = arrange(g_base.view(), case.layout);

    let vjp = softmax_backward(&p, &g, ax).unwrap();
    check_against_jacobian("softmax_backward", &vjp, &p, &g, ax, true)?;
    let jvp = softmax_jvp(&p, &g, ax).unwrap();
    check_against_jacobian("softmax_jvp", &jvp, &p, &g, ax, false)?;

    // log_softmax: Jacobian L = I − 1 pᵀ (L_ij = δ_ij − p_j), VJP = Lᵀ g.
    let lp = log_softmax(&x, ax);
    let got = log_softmax_backward(&lp, &g, ax).unwrap();
    prop_assert_eq!(got.shape(), x.shape());
    for ((gotl, lpl), gl) in lanes(&got, ax)
        .iter()
        .zip(lanes(&lp, ax))
        .zip(lanes(&g, ax))
    {
        let n = lpl.len();
        let p: Vec<f64> = lpl.iter().map(|v| v.exp()).collect();
        let g_abs: f64 = gl.iter().map(|v| v.abs()).sum();
        for j in 0..n {
            let mut want = 0.0;
            for i in 0..n {
                let l_ij = if i == j { 1.0 } else { 0.0 } - p[j];
                want += l_ij * gl[i];
            }
            let tol = A::EPS * BACKWARD * (gl[j].abs() + p[j] * g_abs) + tiny::<A>();
            prop_assert!(
                (gotl[j] - want).abs() <= tol,
                "[{}] log_softmax_backward[{}] = {}, (I − 1pᵀ)ᵀg = {} (tol {:e}); log_p = {:?}, g = {:?}",
                A::NAME,
                j,
                gotl[j],
                want,
                tol,
                lpl,
                gl
            );
        }
    }
    Ok(())
}

fn nan_stays_in_its_lane<A: TestFloat>(case: &Case, pick: usize) -> Result<(), TestCaseError> {
    let ax = case.ax();
    let clean_base = case.base::<A>(-RANGE, RANGE, 0);
    let mut base = clean_base.clone();
    let len: usize = case.shape.iter().product();
    let k = pick % len;
    *arrange(base.view_mut(), case.layout)
        .iter_mut()
        .nth(k)
        .unwrap() = A::nan();
    let x = arrange(base.view(), case.layout);
    let clean = arrange(clean_base.view(), case.layout);

    // Multi-index of the NaN, then the number of its lane in `lanes()` order.
    let mut idx = vec![0; case.shape.len()];
    let mut r = k;
    for d in (0..case.shape.len()).rev() {
        idx[d] = r % case.shape[d];
        r /= case.shape[d];
    }
    let mut lane_no = 0;
    for d in 0..case.shape.len() {
        if d != case.axis {
            lane_no = lane_no * case.shape[d] + idx[d];
        }
    }

    let t = A::of(2.0);
    let all = ArrayD::from_elem(IxDyn(&case.shape), true);
    let pairs: Vec<(&str, ArrayD<A>, ArrayD<A>)> = vec![
        ("softmax", softmax(&x, ax), softmax(&clean, ax)),
        ("log_softmax", log_softmax(&x, ax), log_softmax(&clean, ax)),
        (
            "softmax_with_temperature",
            softmax_with_temperature(&x, ax, t).unwrap(),
            softmax_with_temperature(&clean, ax, t).unwrap(),
        ),
        (
            "log_softmax_with_temperature",
            log_softmax_with_temperature(&x, ax, t).unwrap(),
            log_softmax_with_temperature(&clean, ax, t).unwrap(),
        ),
        (
            "masked_softmax(all true)",
            masked_softmax(&x, &all, ax).unwrap(),
            masked_softmax(&clean, &all, ax).unwrap(),
        ),
    ];
    for (what, got, want) in &pairs {
        for (no, (gl, wl)) in got.lanes(ax).into_iter().zip(want.lanes(ax)).enumerate() {
            for (g, w) in gl.iter().zip(wl.iter()) {
                if no == lane_no {
                    prop_assert!(
                        g.is_nan(),
                        "[{}] {}: lane {} holds a NaN but gives {}",
                        A::NAME,
                        what,
                        no,
                        g
                    );
                } else {
                    prop_assert!(
                        ulps(*g, *w) == 0,
                        "[{}] {}: NaN in lane {} changed lane {}: {} instead of {}",
                        A::NAME,
                        what,
                        lane_no,
                        no,
                        g,
                        w
                    );
                }
            }
        }
    }
    let lse = logsumexp(&x, ax);
    let lse_clean = logsumexp(&clean, ax);
    for (no, (g, w)) in lse.iter().zip(lse_clean.iter()).enumerate() {
        if no == lane_no {
            prop_assert!(
                g.is_nan(),
                "[{}] logsumexp of the NaN lane is {}",
                A::NAME,
                g
            );
        } else {
            prop_assert!(
                ulps(*g, *w) == 0,
                "[{}] logsumexp lane {} changed",
                A::NAME,
                no
            );
        }
    }
    // Elementwise functions: only that element.
    for (i, (g, w)) in sigmoid(&x).iter().zip(sigmoid(&clean).iter()).enumerate() {
        let ok = if i == k {
            g.is_nan()
        } else {
            ulps(*g, *w) == 0
        };
        prop_assert!(
            ok,
            "[{}] element {}: {} vs {} (NaN at {})",
            A::NAME,
            i,
            g,
            w,
            k
        );
    }
    for (i, (g, w)) in log_sigmoid(&x)
        .iter()
        .zip(log_sigmoid(&clean).iter())
        .enumerate()
    {
        let ok = if i == k {
            g.is_nan()
        } else {
            ulps(*g, *w) == 0
        };
        prop_assert!(
            ok,
            "[{}] element {}: {} vs {} (NaN at {})",
            A::NAME,
            i,
            g,
            w,
            k
        );
    }
    Ok(())
}

fn zero_length<A: TestFloat>(case: &Case) -> Result<(), TestCaseError> {
    let base = case.base::<A>(-RANGE, RANGE, 0);
    let x = arrange(base.view(), case.layout);
    let ax = case.ax();
    let shape = &case.shape[..];
    prop_assert_eq!(x.len(), 0);
    let half = A::of(0.5);
    let mask = ArrayD::from_elem(IxDyn(shape), true);
    let results = [
        ("softmax", softmax(&x, ax)),
        ("log_softmax", log_softmax(&x, ax)),
        (
            "softmax_with_temperature",
            softmax_with_temperature(&x, ax, half).unwrap(),
        ),
        (
            "log_softmax_with_temperature",
            log_softmax_with_temperature(&x, ax, half).unwrap(),
        ),
        ("masked_softmax", masked_softmax(&x, &mask, ax).unwrap()),
        ("sigmoid", sigmoid(&x)),
        ("log_sigmoid", log_sigmoid(&x)),
        ("softmax_backward", softmax_backward(&x, &x, ax).unwrap()),
        ("softmax_jvp", softmax_jvp(&x, &x, ax).unwrap()),
        (
            "log_softmax_backward",
            log_softmax_backward(&x, &x, ax).unwrap(),
        ),
    ];
    for (what, r) in &results {
        prop_assert_eq!(r.shape(), shape, "{} [{}]", what, A::NAME);
    }
    let mut out = ArrayD::<A>::zeros(IxDyn(shape));
    softmax_into(&x, &mut out, ax).unwrap();
    log_softmax_into(&x, &mut out, ax).unwrap();
    softmax_inplace(&mut out, ax);
    log_softmax_inplace(&mut out, ax);
    prop_assert_eq!(out.shape(), shape);

    // logsumexp of an empty lane is −inf; with no lanes the result is empty.
    let lse = logsumexp(&x, ax);
    let mut smaller = shape.to_vec();
    smaller.remove(case.axis);
    prop_assert_eq!(lse.shape(), &smaller[..]);
    if shape[case.axis] == 0 {
        for v in &lse {
            prop_assert!(
                *v == A::neg_infinity(),
                "[{}] logsumexp of an empty lane is {}",
                A::NAME,
                v
            );
        }
    } else {
        prop_assert_eq!(lse.len(), 0);
    }
    Ok(())
}

fn sigmoid_props<A: TestFloat>(case: &Case) -> Result<(), TestCaseError> {
    let base = case.base::<A>(-RANGE, RANGE, 0);
    let x = arrange(base.view(), case.layout);
    let s = sigmoid(&x);
    let ls = log_sigmoid(&x);
    let neg = x.mapv(|v| -v);
    let sn = sigmoid(&neg);
    prop_assert_eq!(s.shape(), x.shape());
    prop_assert_eq!(ls.shape(), x.shape());
    let xs: Vec<f64> = x.iter().map(|v| v.wide()).collect();
    for (i, ((a, b), l)) in s.iter().zip(sn.iter()).zip(ls.iter()).enumerate() {
        let (a, b, l) = (a.wide(), b.wide(), l.wide());
        prop_assert!((0.0..=1.0).contains(&a), "[{}] sigmoid = {}", A::NAME, a);
        prop_assert!(
            (a + b - 1.0).abs() <= 4.0 * A::EPS,
            "[{}] sigmoid({}) + sigmoid(-x) = {}",
            A::NAME,
            xs[i],
            a + b
        );
        prop_assert!(l <= 0.0, "[{}] log_sigmoid = {}", A::NAME, l);
        if a >= A::MIN_NORMAL {
            prop_assert!(
                close(l, a.ln(), 8.0 * A::EPS, 8.0 * A::EPS),
                "[{}] log_sigmoid({}) = {}, ln(sigmoid) = {}",
                A::NAME,
                xs[i],
                l,
                a.ln()
            );
        }
        // Two-class softmax: softmax([x, 0])₀ = sigmoid(x).
        let two = Array1::from(vec![A::of(xs[i]), A::zero()]);
        let p = softmax(&two, Axis(0));
        prop_assert!(
            close(
                p[0].wide(),
                a,
                16.0 * A::EPS * (1.0 + xs[i].abs()),
                tiny::<A>()
            ),
            "[{}] softmax([{}, 0])₀ = {}, sigmoid = {}",
            A::NAME,
            xs[i],
            p[0],
            a
        );
    }
    // Monotone: sorted by x, sigmoid and log_sigmoid never decrease.
    let mut by_x: Vec<(f64, f64, f64)> = xs
        .iter()
        .zip(s.iter().zip(ls.iter()))
        .map(|(x, (a, l))| (*x, a.wide(), l.wide()))
        .collect();
    by_x.sort_by(|a, b| a.0.total_cmp(&b.0));
    for w in by_x.windows(2) {
        prop_assert!(
            w[0].1 <= w[1].1 && w[0].2 <= w[1].2,
            "[{}] not monotone: {:?} then {:?}",
            A::NAME,
            w[0],
            w[1]
        );
    }
    Ok(())
}

fn jacobian_formula<A: TestFloat>(xs: &[f64]) -> Result<(), TestCaseError> {
    let x = Array1::from_iter(xs.iter().map(|&v| A::of(v)));
    let p = softmax(&x, Axis(0));
    let j = softmax_jacobian(&p);
    let n = p.len();
    prop_assert_eq!(j.dim(), (n, n));
    for i in 0..n {
        let pi = p[i].wide();
        let mut row = 0.0;
        for k in 0..n {
            let pk = p[k].wide();
            let want = if i == k { pi - pi * pi } else { -pi * pk };
            let tol = 4.0 * A::EPS * (pi * pk + if i == k { pi } else { 0.0 }) + tiny::<A>();
            let got = j[[i, k]].wide();
            prop_assert!(
                (got - want).abs() <= tol,
                "[{}] J[{}][{}] = {}, diag(p) − ppᵀ = {}",
                A::NAME,
                i,
                k,
                got,
                want
            );
            prop_assert!(
                close(got, j[[k, i]].wide(), 4.0 * A::EPS, tiny::<A>()),
                "[{}] J not symmetric",
                A::NAME
            );
            row += got;
        }
        prop_assert!(
            row.abs() <= 4.0 * n as f64 * A::EPS * pi + tiny::<A>(),
            "[{}] row {} of J sums to {}",
            A::NAME,
            i,
            row
        );
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Property tests
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(proptest_config(CASES))]

    #[test]
    fn softmax_lanes_sum_to_one(case in case_strategy()) {
        lanes_sum_to_one::<f32>(&case)?;
        lanes_sum_to_one::<f64>(&case)?;
    }

    #[test]
    fn adding_a_constant_to_a_lane_changes_nothing(case in case_strategy()) {
        shift_invariance::<f32>(&case)?;
        shift_invariance::<f64>(&case)?;
    }

    #[test]
    fn softmax_preserves_order(case in case_strategy()) {
        order_preserved::<f32>(&case)?;
        order_preserved::<f64>(&case)?;
    }

    #[test]
    fn log_softmax_is_ln_of_softmax(case in case_strategy()) {
        log_softmax_is_ln_softmax::<f32>(&case)?;
        log_softmax_is_ln_softmax::<f64>(&case)?;
    }

    #[test]
    fn logsumexp_matches_naive_f64(case in case_strategy()) {
        logsumexp_matches_naive::<f32>(&case)?;
        logsumexp_matches_naive::<f64>(&case)?;
    }

    #[test]
    fn temperature_is_softmax_of_scaled_logits(case in case_strategy(), t in 0.05f64..20.0) {
        temperature::<f32>(&case, t)?;
        temperature::<f64>(&case, t)?;
    }

    #[test]
    fn strided_views_match_standard_copies(case in case_strategy()) {
        layout_matches_standard::<f32>(&case)?;
        layout_matches_standard::<f64>(&case)?;
    }

    #[test]
    fn into_and_inplace_match_softmax(case in case_strategy()) {
        into_and_inplace::<f32>(&case)?;
        into_and_inplace::<f64>(&case)?;
    }

    #[test]
    fn masked_softmax_masks(case in case_strategy()) {
        masked::<f32>(&case)?;
        masked::<f64>(&case)?;
    }

    #[test]
    fn backward_passes_match_the_jacobian(case in case_strategy()) {
        backward::<f32>(&case)?;
        backward::<f64>(&case)?;
    }

    #[test]
    fn nan_poisons_only_its_own_lane(case in case_strategy(), pick in any::<usize>()) {
        nan_stays_in_its_lane::<f32>(&case, pick)?;
        nan_stays_in_its_lane::<f64>(&case, pick)?;
    }

    #[test]
    fn zero_length_axes_give_empty_results(case in zero_case_strategy()) {
        zero_length::<f32>(&case)?;
        zero_length::<f64>(&case)?;
    }

    #[test]
    fn sigmoid_properties(case in case_strategy()) {
        sigmoid_props::<f32>(&case)?;
        sigmoid_props::<f64>(&case)?;
    }

    #[test]
    fn jacobian_is_diag_p_minus_p_p_t(xs in prop::collection::vec(-RANGE..RANGE, 1..=9)) {
        jacobian_formula::<f32>(&xs)?;
        jacobian_formula::<f64>(&xs)?;
    }

    /// J against central differences of softmax itself, in f64.
    #[test]
    fn jacobian_matches_central_differences(xs in prop::collection::vec(-RANGE..RANGE, 1..=9)) {
        let x = Array1::from(xs);
        let n = x.len();
        let j = softmax_jacobian(&softmax(&x, Axis(0)));
        for k in 0..n {
            let mut xp = x.clone();
            let mut xm = x.clone();
            xp[k] += FD_STEP;
            xm[k] -= FD_STEP;
            let h = xp[k] - xm[k];
            let pp = softmax(&xp, Axis(0));
            let pm = softmax(&xm, Axis(0));
            for i in 0..n {
                let fd = (pp[i] - pm[i]) / h;
                prop_assert!(
                    (j[[i, k]] - fd).abs() <= FD_TOL,
                    "J[{}][{}] = {}, central difference = {}; x = {:?}",
                    i, k, j[[i, k]], fd, x
                );
            }
        }
    }

    #[test]
    fn logsumexp_accumulator_agrees_however_fed(
        xs in prop::collection::vec(
            prop_oneof![9 => -RANGE..RANGE, 1 => Just(f64::NEG_INFINITY)],
            0..200,
        ),
        cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..8),
        order_seed in any::<u64>(),
    ) {
        accumulator::<f32>(&xs, &cuts, order_seed)?;
        accumulator::<f64>(&xs, &cuts, order_seed)?;
    }
}

fn accumulator<A: TestFloat>(
    xs: &[f64],
    cuts: &[prop::sample::Index],
    order_seed: u64,
) -> Result<(), TestCaseError> {
    let xs: Vec<A> = xs.iter().map(|&v| A::of(v)).collect();
    let wide: Vec<f64> = xs.iter().map(|v| v.wide()).collect();
    let n = xs.len();

    let mut whole = LogSumExp::<A>::new();
    whole.push_slice(&xs);
    let mut one_by_one = LogSumExp::<A>::default();
    for &v in &xs {
        one_by_one.push(v);
    }

    // Pieces between sorted cut points, alternately fed whole and one by one,
    // merged in a random order.
    let mut bounds: Vec<usize> = cuts.iter().map(|c| c.index(n + 1)).collect();
    bounds.push(0);
    bounds.push(n);
    bounds.sort_unstable();
    let mut pieces = Vec::new();
    for (k, w) in bounds.windows(2).enumerate() {
        let mut acc = LogSumExp::<A>::new();
        if k % 2 == 0 {
            acc.push_slice(&xs[w[0]..w[1]]);
        } else {
            for &v in &xs[w[0]..w[1]] {
                acc.push(v);
            }
        }
        pieces.push(acc);
    }
    let mut rng = SplitMix(order_seed);
    for i in (1..pieces.len()).rev() {
        pieces.swap(i, rng.below(i + 1));
    }
    let mut merged = LogSumExp::<A>::new();
    for p in &pieces {
        merged.merge(p);
    }
    // Merging into a non-empty accumulator works too.
    let mut into_first = pieces[0];
    for p in &pieces[1..] {
        into_first.merge(p);
    }

    let want = naive_logsumexp(&wide);
    let m = lane_max(&wide);
    let from_fn = logsumexp(&Array1::from(xs.clone()), Axis(0)).into_scalar();
    let got = [
        ("push_slice", whole.value()),
        ("push", one_by_one.value()),
        ("merge", merged.value()),
        ("merge into first piece", into_first.value()),
        ("logsumexp()", from_fn),
    ];
    for (what, g) in got {
        let g = g.wide();
        if want == f64::NEG_INFINITY {
            prop_assert!(
                g == f64::NEG_INFINITY,
                "[{}] {}: {} for a lane without finite values",
                A::NAME,
                what,
                g
            );
        } else {
            let scale = g.abs().max(want.abs()).max(m.abs()).max(1.0);
            let tol = LSE_ACC_ULPS * A::EPS * (n.max(1) as f64) * scale;
            prop_assert!(
                (g - want).abs() <= tol,
                "[{}] {}: {} vs naive {} (tol {:e}), n = {}, cuts = {:?}",
                A::NAME,
                what,
                g,
                want,
                tol,
                n,
                bounds
            );
        }
    }
    // Copy: a copy is independent of the original.
    let before = whole.value();
    let mut copy = whole;
    copy.push(A::of(50.0));
    prop_assert!(ulps(whole.value(), before) == 0);
    prop_assert!(copy.value() >= A::of(50.0));
    Ok(())
}

// ---------------------------------------------------------------------------
// Deterministic edge cases (README, "Semantics at the edges"), for f32 and f64
// ---------------------------------------------------------------------------

fn all_neg_inf_lane<A: TestFloat>() {
    let ni = A::neg_infinity();
    let x: Array2<A> = array![
        [ni, ni, ni, ni],
        [A::of(1.0), A::of(2.0), A::of(3.0), A::of(4.0)]
    ];
    let p = softmax(&x, Axis(1));
    let l = log_softmax(&x, Axis(1));
    let lse = logsumexp(&x, Axis(1));
    for j in 0..4 {
        assert!(
            p[[0, j]] == A::zero(),
            "[{}] softmax of a −inf lane: {p}",
            A::NAME
        );
        assert!(
            l[[0, j]] == ni,
            "[{}] log_softmax of a −inf lane: {l}",
            A::NAME
        );
    }
    assert!(
        lse[0] == ni,
        "[{}] logsumexp of a −inf lane: {lse}",
        A::NAME
    );
    let s: f64 = p.row(1).iter().map(|v| v.wide()).sum();
    assert!(
        (s - 1.0).abs() < 1e-6,
        "[{}] other lane disturbed: {p}",
        A::NAME
    );
    assert!(!p.iter().chain(l.iter()).any(|v| v.is_nan()));

    // The same, along axis 0 of the transpose (a non-contiguous axis).
    let xt = x.t();
    assert!(
        softmax(&xt, Axis(0))
            .column(0)
            .iter()
            .all(|v| *v == A::zero())
    );
    assert!(log_softmax(&xt, Axis(0)).column(0).iter().all(|v| *v == ni));
    assert!(logsumexp(&xt, Axis(0))[0] == ni);

    // Temperature, in place and into.
    let pt = softmax_with_temperature(&x, Axis(1), A::of(0.5)).unwrap();
    assert!(
        pt.row(0).iter().all(|v| *v == A::zero()),
        "[{}] {pt}",
        A::NAME
    );
    let lt = log_softmax_with_temperature(&x, Axis(1), A::of(0.5)).unwrap();
    assert!(lt.row(0).iter().all(|v| *v == ni), "[{}] {lt}", A::NAME);
    let mut y = x.clone();
    softmax_inplace(&mut y, Axis(1));
    assert!(y.row(0).iter().all(|v| *v == A::zero()));
    let mut y = x.clone();
    log_softmax_inplace(&mut y, Axis(1));
    assert!(y.row(0).iter().all(|v| *v == ni));

    // Gradient of a −inf lane is 0, not NaN.
    let g = Array2::from_elem((2, 4), A::of(1.5));
    let gb = log_softmax_backward(&l, &g, Axis(1)).unwrap();
    assert!(
        gb.row(0).iter().all(|v| *v == A::zero()),
        "[{}] log_softmax_backward of a fully masked (−inf) lane must be 0: {gb}",
        A::NAME
    );
    let sb = softmax_backward(&p, &g, Axis(1)).unwrap();
    assert!(
        sb.row(0).iter().all(|v| *v == A::zero()),
        "[{}] {sb}",
        A::NAME
    );
    assert!(!gb.iter().chain(sb.iter()).any(|v| v.is_nan()));
}

#[test]
fn lane_of_negative_infinity_has_zero_mass() {
    all_neg_inf_lane::<f32>();
    all_neg_inf_lane::<f64>();
}

fn fully_masked_lane<A: TestFloat>() {
    let x: Array2<A> = array![[A::of(1.0), A::of(2.0)], [A::of(3.0), A::of(-4.0)]];
    let mask = array![[false, false], [true, false]];
    let p = masked_softmax(&x, &mask, Axis(1)).unwrap();
    assert!(
        p == array![[A::zero(), A::zero()], [A::one(), A::zero()]],
        "[{}] {p}",
        A::NAME
    );
}

#[test]
fn fully_masked_lane_is_all_zero() {
    fully_masked_lane::<f32>();
    fully_masked_lane::<f64>();
}

fn pos_inf_shares_mass<A: TestFloat>() {
    let inf = A::infinity();
    let x = array![inf, A::of(1.0), inf];
    let half = A::of(0.5);
    assert!(
        softmax(&x, Axis(0)) == array![half, A::zero(), half],
        "[{}] softmax([inf, 1, inf]) = {}",
        A::NAME,
        softmax(&x, Axis(0))
    );
    assert!(logsumexp(&x, Axis(0)).into_scalar() == inf);
    // log_softmax = ln(softmax): [−ln 2, −inf, −ln 2].
    let l = log_softmax(&x, Axis(0));
    let ln_half = -std::f64::consts::LN_2;
    assert!(
        close(l[0].wide(), ln_half, 4.0 * A::EPS, 0.0)
            && close(l[2].wide(), ln_half, 4.0 * A::EPS, 0.0)
            && l[1] == A::neg_infinity(),
        "[{}] log_softmax([inf, 1, inf]) = {l}",
        A::NAME
    );
    // One +inf takes all the mass, also next to −inf.
    let y = array![A::of(-3.0), inf, A::neg_infinity()];
    assert!(softmax(&y, Axis(0)) == array![A::zero(), A::one(), A::zero()]);
    // Along a non-contiguous axis.
    let z: Array2<A> = array![[inf, A::of(0.0)], [A::of(1.0), A::of(2.0)], [inf, inf]];
    let pz = softmax(&z, Axis(0));
    assert!(
        pz == array![[half, A::zero()], [A::zero(), A::zero()], [half, A::one()]],
        "[{}] {pz}",
        A::NAME
    );
    // +inf with NaN is NaN.
    let w = array![inf, A::nan(), A::of(1.0)];
    assert!(softmax(&w, Axis(0)).iter().all(|v| v.is_nan()));
    assert!(logsumexp(&w, Axis(0)).into_scalar().is_nan());
}

#[test]
fn positive_infinities_share_the_mass() {
    pos_inf_shares_mass::<f32>();
    pos_inf_shares_mass::<f64>();
}

fn sigmoid_edges<A: TestFloat>() {
    let x = array![
        A::neg_infinity(),
        A::infinity(),
        A::of(-1e4),
        A::of(1e4),
        A::zero()
    ];
    let s = sigmoid(&x);
    let l = log_sigmoid(&x);
    assert!(
        s[0] == A::zero() && s[1] == A::one() && s[4] == A::of(0.5),
        "[{}] {s}",
        A::NAME
    );
    assert!(s[2] == A::zero() && s[3] == A::one(), "[{}] {s}", A::NAME);
    assert!(
        l[0] == A::neg_infinity(),
        "[{}] log_sigmoid(−inf) = {}",
        A::NAME,
        l[0]
    );
    assert!(
        l[1] == A::zero(),
        "[{}] log_sigmoid(inf) = {}",
        A::NAME,
        l[1]
    );
    assert!(
        l[2] == A::of(-1e4),
        "[{}] log_sigmoid(−1e4) = {}",
        A::NAME,
        l[2]
    );
    assert!(
        l[3] == A::zero(),
        "[{}] log_sigmoid(1e4) = {}",
        A::NAME,
        l[3]
    );
    let ln_half = -std::f64::consts::LN_2;
    assert!(
        close(l[4].wide(), ln_half, 2.0 * A::EPS, 0.0),
        "[{}] {l}",
        A::NAME
    );
    let n = sigmoid(&array![A::nan()]);
    assert!(n[0].is_nan());
    assert!(log_sigmoid(&array![A::nan()])[0].is_nan());
}

#[test]
fn sigmoid_at_the_extremes() {
    sigmoid_edges::<f32>();
    sigmoid_edges::<f64>();
}

fn accumulator_edges<A: TestFloat>() {
    let empty = LogSumExp::<A>::new();
    assert!(empty.value() == A::neg_infinity());
    assert!(LogSumExp::<A>::default().value() == A::neg_infinity());
    assert!(!format!("{empty:?}").is_empty());

    let mut a = LogSumExp::<A>::new();
    a.push(A::neg_infinity());
    assert!(a.value() == A::neg_infinity(), "[{}] {:?}", A::NAME, a);
    a.push(A::of(2.0));
    assert!(a.value() == A::of(2.0), "[{}] {:?}", A::NAME, a);
    a.merge(&empty);
    assert!(
        a.value() == A::of(2.0),
        "[{}] merge(empty): {:?}",
        A::NAME,
        a
    );
    let mut e = LogSumExp::<A>::new();
    e.merge(&a);
    assert!(
        e.value() == A::of(2.0),
        "[{}] empty.merge: {:?}",
        A::NAME,
        e
    );

    let mut i = LogSumExp::<A>::new();
    i.push_slice(&[A::of(1.0), A::infinity(), A::of(3.0)]);
    assert!(i.value() == A::infinity(), "[{}] {:?}", A::NAME, i);
    let mut ii = LogSumExp::<A>::new();
    ii.push(A::infinity());
    ii.push(A::infinity());
    assert!(ii.value() == A::infinity(), "[{}] {:?}", A::NAME, ii);
    let mut n = LogSumExp::<A>::new();
    n.push_slice(&[A::of(1.0), A::nan(), A::of(3.0)]);
    assert!(n.value().is_nan(), "[{}] {:?}", A::NAME, n);
    let mut nm = LogSumExp::<A>::new();
    nm.push(A::of(1.0));
    nm.merge(&n);
    assert!(nm.value().is_nan(), "[{}] {:?}", A::NAME, nm);

    // Huge values do not overflow.
    let big = if A::NAME == "f32" { 3e38 } else { 1e300 };
    let mut h = LogSumExp::<A>::new();
    h.push(A::of(big));
    h.push(A::of(big));
    assert!(h.value() == A::of(big), "[{}] {:?}", A::NAME, h);
    let mut hm = LogSumExp::<A>::new();
    hm.push(A::of(-big));
    hm.merge(&h);
    assert!(hm.value() == A::of(big), "[{}] {:?}", A::NAME, hm);

    // ln 2 exactly for two zeros, ln 3 for three.
    let mut z = LogSumExp::<A>::new();
    z.push_slice(&[A::zero(), A::zero()]);
    assert!(close(
        z.value().wide(),
        std::f64::consts::LN_2,
        2.0 * A::EPS,
        0.0
    ));
}

#[test]
fn logsumexp_accumulator_edges() {
    accumulator_edges::<f32>();
    accumulator_edges::<f64>();
}

fn empty_lanes<A: TestFloat>() {
    let e = Array1::<A>::zeros(0);
    assert!(logsumexp(&e, Axis(0)).into_scalar() == A::neg_infinity());
    assert_eq!(softmax(&e, Axis(0)).len(), 0);
    let m = Array2::<A>::zeros((3, 0));
    let l = logsumexp(&m, Axis(1));
    assert_eq!(l.shape(), &[3]);
    assert!(
        l.iter().all(|v| *v == A::neg_infinity()),
        "[{}] {l}",
        A::NAME
    );
    assert_eq!(logsumexp(&m, Axis(0)).shape(), &[0]);
    assert_eq!(softmax(&m, Axis(1)).shape(), &[3, 0]);
    assert_eq!(log_softmax(&m, Axis(0)).shape(), &[3, 0]);
}

#[test]
fn empty_lanes_reduce_to_negative_infinity() {
    empty_lanes::<f32>();
    empty_lanes::<f64>();
}

/// Fixed-dimension arrays (Ix2, Ix3) and the slicing forms from the docs.
fn fixed_dims<A: TestFloat>() {
    let x = Array2::from_shape_fn((6, 5), |(i, j)| {
        A::of((i as f64 * 1.7 - j as f64 * 2.3).sin() * 9.0)
    });
    let want = softmax(&x, Axis(1));
    let rel = A::EPS * PATH_REL;
    let check = |what: &str, got: &Array2<A>, want: &Array2<A>| {
        assert_eq!(got.dim(), want.dim(), "{what}");
        for (g, w) in got.iter().zip(want.iter()) {
            assert!(
                close(g.wide(), w.wide(), rel, tiny::<A>()),
                "[{}] {what}: {g} vs {w}",
                A::NAME
            );
        }
    };
    // Transposed: softmax along axis 0 of x.t() is the transpose of softmax along axis 1.
    check("x.t()", &softmax(&x.t(), Axis(0)).reversed_axes(), &want);
    let stepped = x.slice(s![..;2, ..]);
    check(
        "s![..;2, ..]",
        &softmax(&stepped, Axis(1)),
        &want.slice(s![..;2, ..]).to_owned(),
    );
    let rev = x.slice(s![..;-1, ..;-1]);
    check(
        "s![..;-1, ..;-1]",
        &softmax(&rev, Axis(1)),
        &want.slice(s![..;-1, ..;-1]).to_owned(),
    );
    let cols = x.slice(s![.., 1..;2]);
    check(
        "s![.., 1..;2] along axis 0",
        &softmax(&cols, Axis(0)),
        &softmax(&cols.as_standard_layout(), Axis(0)),
    );
    // A 3-D array along its middle axis.
    let y = ndarray::Array3::from_shape_fn((2, 7, 3), |(a, b, c)| {
        A::of((a * 21 + b * 3 + c) as f64 * 0.37 - 4.0)
    });
    let p = softmax(&y, Axis(1));
    for a in 0..2 {
        for c in 0..3 {
            let s: f64 = (0..7).map(|b| p[[a, b, c]].wide()).sum();
            assert!((s - 1.0).abs() < 1e-5, "[{}] 3-D lane sums to {s}", A::NAME);
        }
    }
    assert_eq!(logsumexp(&y, Axis(1)).dim(), (2, 3));
}

#[test]
fn fixed_dimension_arrays_and_slices() {
    fixed_dims::<f32>();
    fixed_dims::<f64>();
}
