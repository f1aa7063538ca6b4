//! Reference values: every expected number below was computed with mpmath at
//! 50 significant digits by `tools/reference_values.py` (see its docstring) and
//! correctly rounded to f64; the f32 tests compare with `expected as f32`,
//! which the script checks is the correctly rounded f32 as well.
//!
//! Regenerate with `python3 tools/reference_values.py --write tests/suite/reference.rs`.
//!
//! Run with `cargo test --test suite reference:: -- --nocapture` to see the largest
//! error observed for each function, in ULPs (quoted in the README).
#![allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::float_cmp,
    clippy::many_single_char_names,
    clippy::needless_range_loop,
    clippy::too_many_lines
)]

use std::fmt::Write as _;

use crate::harness::{TestFloat, lane_max, ulps};
use logits::{
    LogSumExp, log_sigmoid, log_softmax, log_softmax_inplace, log_softmax_into,
    log_softmax_with_temperature, logsumexp, sigmoid, softmax, softmax_inplace, softmax_into,
    softmax_with_temperature,
};
use ndarray::{Array1, Array2, Axis, array};

// ---------------------------------------------------------------------------
// Error budgets (the same numbers apply to f32 and f64, in that type's ULPs)
// ---------------------------------------------------------------------------

/// softmax: base budget, in ULPs, for an entry equal to the lane's max.
const SOFTMAX_BASE_ULPS: f64 = 4.0;
/// softmax: extra ULPs per unit of `|x_i − max x|`. exp's condition number
/// is its argument: rounding `x_i − max` alone (half an ULP of a number of
/// size `|x_i − max|`) moves `p_i` by up to `|x_i − max|` ULPs. A naive f32
/// algorithm with correctly rounded exp already reaches 11 to 22 ULP at a
/// spread of about 20 and 63 at a spread of 80
/// (`tools/reference_values.py --model`), so a flat 4 ULP cannot hold beyond
/// entries close to the max.
const SOFTMAX_ULPS_PER_UNIT_DISTANCE: f64 = 1.0;
/// softmax with a temperature: extra ULPs per unit of `|x_i − max x| / t`.
/// Three roundings scale with that argument (`1/t`, the product, the
/// difference), each up to half an ULP of it, so up to 3 ULPs per unit.
const TEMPERATURE_ULPS_PER_UNIT_DISTANCE: f64 = 3.0;
/// softmax: extra ULPs per doubling of the lane length (rounding in `Σ exp`).
const SOFTMAX_ULPS_PER_LENGTH_DOUBLING: f64 = 1.0;
/// softmax: the budget never exceeds this (entries that far from the max
/// are 0 or nearly so).
const SOFTMAX_ULPS_CAP: f64 = 4096.0;

/// log_softmax, logsumexp, log_softmax with a temperature: ULPs.
const LOG_SOFTMAX_ULPS: u32 = 4;
const LOGSUMEXP_ULPS: u32 = 4;
const LOG_SOFTMAX_TEMPERATURE_ULPS: u32 = 4;
/// log_softmax and logsumexp near 0 (a dominant entry: `−ln(1 + 2e-9)`) have
/// no relative accuracy unless computed with `ln_1p`; an absolute error of at
/// most this many eps is accepted there (it only matters for `|want| < 1`).
const LOG_ABS_FLOOR_EPS: f64 = 2.0;

/// sigmoid and log_sigmoid: ULPs, no absolute floor (log_sigmoid must use
/// `ln_1p`, so `log_sigmoid(20)` is `−2.06e-9`, not 0).
const SIGMOID_ULPS: u32 = 4;
const LOG_SIGMOID_ULPS: u32 = 4;

/// The tutorial values are printed to 8 decimals.
const TUTORIAL_ABS_F32: f64 = 3e-7;
const TUTORIAL_ABS_F64: f64 = 1e-8;

// Used by the generated data (each only where some value needs it).
#[allow(dead_code)]
const INF: f64 = f64::INFINITY;
const NEG_INF: f64 = f64::NEG_INFINITY;
const F32_INF: f32 = f32::INFINITY;
const F32_NEG_INF: f32 = f32::NEG_INFINITY;

// ---------------------------------------------------------------------------
// Case types (the data module at the bottom fills them)
// ---------------------------------------------------------------------------

/// A lane with its softmax, log_softmax and logsumexp.
struct RefCase<T: 'static> {
    name: &'static str,
    x: &'static [T],
    softmax: &'static [f64],
    log_softmax: &'static [f64],
    logsumexp: f64,
}

/// A lane, a temperature, and softmax(x / t), log_softmax(x / t).
struct TempCase<T: 'static> {
    name: &'static str,
    x: &'static [T],
    t: T,
    softmax: &'static [f64],
    log_softmax: &'static [f64],
}

/// Inputs with sigmoid and log_sigmoid.
struct SigmoidCase<T: 'static> {
    x: &'static [T],
    sigmoid: &'static [f64],
    log_sigmoid: &'static [f64],
}

// ---------------------------------------------------------------------------
// Checking and reporting
// ---------------------------------------------------------------------------

/// Largest error seen among entries whose (temperature-scaled) distance from
/// their lane's max is at most `limit`.
struct Bucket {
    limit: f64,
    ulps: u64,
    at: String,
}

/// Error statistics for one function and type; fails the test at `finish`.
struct Stats {
    what: String,
    checked: usize,
    /// Distances ≤ 1, ≤ 20, any.
    buckets: [Bucket; 3],
    far_entries: bool,
    floor_used: usize,
    floor_max_abs: f64,
    tiny_used: usize,
    failures: Vec<String>,
}

impl Stats {
    fn new<A: TestFloat>(what: &str) -> Self {
        let bucket = |limit| Bucket {
            limit,
            ulps: 0,
            at: String::from("-"),
        };
        Self {
            what: format!("{what} [{}]", A::NAME),
            checked: 0,
            buckets: [bucket(1.0), bucket(20.0), bucket(f64::INFINITY)],
            far_entries: false,
            floor_used: 0,
            floor_max_abs: 0.0,
            tiny_used: 0,
            failures: Vec::new(),
        }
    }

    /// `got` against the reference `want` (exact value correctly rounded to
    /// f64): within `max_ulps` ULPs of `want as A`, or within `abs_floor`.
    /// `dist` is the entry's distance from its lane's max (0 where that means
    /// nothing); it only sorts the statistics.
    fn check<A: TestFloat>(
        &mut self,
        at: impl Fn() -> String,
        got: A,
        want: f64,
        max_ulps: u32,
        abs_floor: f64,
        dist: f64,
    ) {
        self.checked += 1;
        self.far_entries |= dist > 1.0;
        let w = A::of(want);
        let ulps = ulps(got, w);
        // After the first two tests, the same as `approx::ulps_eq!(got, w, epsilon = A::TINY,
        // max_ulps)`: that refuses numbers of opposite signs, but those within `max_ulps` (at most
        // `SOFTMAX_ULPS_CAP`) of each other are within `TINY` too.
        let within_ulps = got == w
            || (got.is_nan() && w.is_nan())
            || (got - w).abs() <= A::TINY
            || ulps <= u64::from(max_ulps);
        let err = (got.wide() - want).abs();
        if within_ulps {
            if ulps > u64::from(max_ulps) {
                // Passed through `epsilon` (tiny values, e.g. flushed subnormals).
                self.tiny_used += 1;
            } else {
                for b in &mut self.buckets {
                    if dist <= b.limit && ulps > b.ulps {
                        b.ulps = ulps;
                        b.at = at();
                    }
                }
            }
        } else if err <= abs_floor {
            self.floor_used += 1;
            self.floor_max_abs = self.floor_max_abs.max(err);
        } else {
            self.failures.push(format!(
                "{}: got {:e}, want {:e} ({} ULP > {}, abs err {:e})",
                at(),
                got.wide(),
                want,
                if ulps == u64::MAX {
                    String::from("NaN")
                } else {
                    ulps.to_string()
                },
                max_ulps,
                err
            ));
        }
    }

    fn finish(self) {
        let [near, mid, all] = &self.buckets;
        let mut line = format!(
            "reference {}: {} values, max error {} ULP (at {})",
            self.what, self.checked, all.ulps, all.at
        );
        if self.far_entries {
            let _ = write!(
                line,
                "; {} ULP within distance {} of the lane max (at {}), {} ULP within {} (at {})",
                near.ulps, near.limit, near.at, mid.ulps, mid.limit, mid.at
            );
        }
        if self.floor_used > 0 {
            let _ = write!(
                line,
                "; {} values near 0 within the absolute floor (max abs error {:e})",
                self.floor_used, self.floor_max_abs
            );
        }
        if self.tiny_used > 0 {
            let _ = write!(line, "; {} values below `epsilon`", self.tiny_used);
        }
        eprintln!("{line}");
        let shown: Vec<&str> = self.failures.iter().take(25).map(String::as_str).collect();
        assert!(
            self.failures.is_empty(),
            "{}: {} of {} values out of tolerance:\n{}",
            self.what,
            self.failures.len(),
            self.checked,
            shown.join("\n")
        );
    }
}

/// The softmax budget for an entry at distance `dist` (already divided by
/// the temperature) from its lane's max, in a lane of `n` entries.
fn softmax_ulps(dist: f64, n: usize, per_unit: f64) -> u32 {
    let b = SOFTMAX_BASE_ULPS
        + per_unit * dist
        + SOFTMAX_ULPS_PER_LENGTH_DOUBLING * (n.max(1) as f64).log2();
    if b.is_nan() {
        return SOFTMAX_ULPS_CAP as u32;
    }
    b.min(SOFTMAX_ULPS_CAP).ceil() as u32
}

/// `|x_i − max|`, in f64 (exact enough for a tolerance); 0 when both are −inf.
fn distance(xi: f64, max: f64) -> f64 {
    if xi == max { 0.0 } else { (xi - max).abs() }
}

/// Each lane is checked as a 1-D array, as the rows of a `(2, n)` array
/// (axis 1), as the columns of an `(n, 2)` array (axis 0, a non-contiguous
/// axis), and through `_into` and `_inplace`.
fn lane_layouts<A: TestFloat>(x: &Array1<A>) -> Vec<(&'static str, Array2<A>, Axis)> {
    let n = x.len();
    let rows = Array2::from_shape_fn((2, n), |(_, j)| x[j]);
    let cols = Array2::from_shape_fn((n, 2), |(i, _)| x[i]);
    vec![("rows", rows, Axis(1)), ("columns", cols, Axis(0))]
}

fn softmax_family<A: TestFloat>(cases: &[Lane<'_, A>]) {
    let mut sm = Stats::new::<A>("softmax");
    let mut lsm = Stats::new::<A>("log_softmax");
    let mut lse = Stats::new::<A>("logsumexp");
    let mut acc = Stats::new::<A>("LogSumExp accumulator");
    let floor = LOG_ABS_FLOOR_EPS * A::EPS;
    for (name, xv, want_p, want_l, want_lse) in cases {
        let x = Array1::from(xv.clone());
        let n = x.len();
        assert_eq!(want_p.len(), n, "{name}");
        let xw: Vec<f64> = xv.iter().map(|v| v.wide()).collect();
        let m = lane_max(&xw);
        let dist: Vec<f64> = xw.iter().map(|&xi| distance(xi, m)).collect();

        let mut check_lanes = |path: &str, p: &Array1<A>, l: &Array1<A>, s: A| {
            for i in 0..n {
                let at = || format!("{name}[{i}] ({path}, x = {:e})", xw[i]);
                let budget = softmax_ulps(dist[i], n, SOFTMAX_ULPS_PER_UNIT_DISTANCE);
                sm.check(at, p[i], want_p[i], budget, 0.0, dist[i]);
                lsm.check(at, l[i], want_l[i], LOG_SOFTMAX_ULPS, floor, 0.0);
            }
            lse.check(
                || format!("{name} ({path})"),
                s,
                *want_lse,
                LOGSUMEXP_ULPS,
                floor,
                0.0,
            );
        };

        // 1-D.
        let p = softmax(&x, Axis(0));
        let l = log_softmax(&x, Axis(0));
        let s = logsumexp(&x, Axis(0)).into_scalar();
        check_lanes("1-D", &p, &l, s);

        // Into a buffer, and in place.
        let mut out = Array1::from_elem(n, A::of(9.0));
        softmax_into(&x, &mut out, Axis(0)).unwrap();
        let mut out_l = Array1::from_elem(n, A::of(9.0));
        log_softmax_into(&x, &mut out_l, Axis(0)).unwrap();
        check_lanes("into", &out, &out_l, s);
        let mut ip = x.clone();
        softmax_inplace(&mut ip, Axis(0));
        let mut il = x.clone();
        log_softmax_inplace(&mut il, Axis(0));
        check_lanes("inplace", &ip, &il, s);

        // 2-D, along a contiguous and a non-contiguous axis.
        for (path, arr, ax) in lane_layouts(&x) {
            let p2 = softmax(&arr, ax);
            let l2 = log_softmax(&arr, ax);
            let s2 = logsumexp(&arr, ax);
            for k in 0..2 {
                let p = p2.index_axis(Axis(1 - ax.index()), k).to_owned();
                let l = l2.index_axis(Axis(1 - ax.index()), k).to_owned();
                check_lanes(path, &p, &l, s2[k]);
            }
        }

        // The online accumulator, whole and in chunks of 7.
        let mut whole = LogSumExp::<A>::new();
        whole.push_slice(xv);
        acc.check(
            || format!("{name} (push_slice)"),
            whole.value(),
            *want_lse,
            LOGSUMEXP_ULPS,
            floor,
            0.0,
        );
        let mut merged = LogSumExp::<A>::new();
        for chunk in xv.chunks(7) {
            let mut c = LogSumExp::<A>::new();
            c.push_slice(chunk);
            merged.merge(&c);
        }
        acc.check(
            || format!("{name} (merged chunks)"),
            merged.value(),
            *want_lse,
            LOGSUMEXP_ULPS,
            floor,
            0.0,
        );
    }
    sm.finish();
    lsm.finish();
    lse.finish();
    acc.finish();
}

fn temperature_family<A: TestFloat>(cases: &[TempLane<'_, A>]) {
    let mut sm = Stats::new::<A>("softmax_with_temperature");
    let mut lsm = Stats::new::<A>("log_softmax_with_temperature");
    let floor = LOG_ABS_FLOOR_EPS * A::EPS;
    for (name, xv, t, want_p, want_l) in cases {
        let x = Array1::from(xv.clone());
        let n = x.len();
        let xw: Vec<f64> = xv.iter().map(|v| v.wide()).collect();
        let m = lane_max(&xw);
        let tw = t.wide();
        let mut check = |path: &str, p: &Array1<A>, l: &Array1<A>| {
            for i in 0..n {
                let at = || format!("{name}[{i}] ({path}, x = {:e}, t = {tw})", xw[i]);
                let d = distance(xw[i], m) / tw;
                let budget = softmax_ulps(d, n, TEMPERATURE_ULPS_PER_UNIT_DISTANCE);
                sm.check(at, p[i], want_p[i], budget, 0.0, d);
                lsm.check(
                    at,
                    l[i],
                    want_l[i],
                    LOG_SOFTMAX_TEMPERATURE_ULPS,
                    floor,
                    0.0,
                );
            }
        };
        check(
            "1-D",
            &softmax_with_temperature(&x, Axis(0), *t).unwrap(),
            &log_softmax_with_temperature(&x, Axis(0), *t).unwrap(),
        );
        for (path, arr, ax) in lane_layouts(&x) {
            let p2 = softmax_with_temperature(&arr, ax, *t).unwrap();
            let l2 = log_softmax_with_temperature(&arr, ax, *t).unwrap();
            for k in 0..2 {
                let p = p2.index_axis(Axis(1 - ax.index()), k).to_owned();
                let l = l2.index_axis(Axis(1 - ax.index()), k).to_owned();
                check(path, &p, &l);
            }
        }
    }
    sm.finish();
    lsm.finish();
}

fn sigmoid_family<A: TestFloat>(sets: &[(Vec<A>, &[f64], &[f64])]) {
    let mut sg = Stats::new::<A>("sigmoid");
    let mut ls = Stats::new::<A>("log_sigmoid");
    for (xv, want_s, want_l) in sets {
        let x = Array1::from(xv.clone());
        let s = sigmoid(&x);
        let l = log_sigmoid(&x);
        // Also as a 2-D column (a strided view).
        let col = Array2::from_shape_fn((x.len(), 3), |(i, _)| x[i]);
        let s2 = sigmoid(&col.column(1));
        let l2 = log_sigmoid(&col.column(1));
        for i in 0..x.len() {
            let xi = xv[i].wide();
            let at = || format!("x = {xi:e}");
            sg.check(at, s[i], want_s[i], SIGMOID_ULPS, 0.0, 0.0);
            ls.check(at, l[i], want_l[i], LOG_SIGMOID_ULPS, 0.0, 0.0);
            sg.check(at, s2[i], want_s[i], SIGMOID_ULPS, 0.0, 0.0);
            ls.check(at, l2[i], want_l[i], LOG_SIGMOID_ULPS, 0.0, 0.0);
        }
    }
    sg.finish();
    ls.finish();
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

fn tutorial<A: TestFloat>(abs: f64) {
    let x = array![A::of(2.0), A::of(1.0), A::of(0.1)];
    let p = softmax(&x, Axis(0));
    let want = [0.659_001_14, 0.242_432_97, 0.098_565_89];
    for (g, w) in p.iter().zip(want) {
        assert!(
            (g.wide() - w).abs() <= abs,
            "[{}] softmax([2, 1, 0.1]) = {p}, want {want:?}",
            A::NAME
        );
    }
    let x = array![A::of(2.0), A::of(1.0), A::of(0.2)];
    let s = sigmoid(&x);
    let want = [0.880_797_08, 0.731_058_58, 0.549_833_99];
    for (g, w) in s.iter().zip(want) {
        assert!(
            (g.wide() - w).abs() <= abs,
            "[{}] sigmoid([2, 1, 0.2]) = {s}, want {want:?}",
            A::NAME
        );
    }
}

#[test]
fn tutorial_values() {
    tutorial::<f32>(TUTORIAL_ABS_F32);
    tutorial::<f64>(TUTORIAL_ABS_F64);
}

/// name, x, softmax, log_softmax, logsumexp.
type Lane<'a, A> = (&'a str, Vec<A>, &'a [f64], &'a [f64], f64);

fn lanes_of<A: TestFloat, T: Copy>(
    cases: &[RefCase<T>],
    conv: impl Fn(T) -> A,
) -> Vec<Lane<'_, A>> {
    cases
        .iter()
        .map(|c| {
            (
                c.name,
                c.x.iter().map(|&v| conv(v)).collect(),
                c.softmax,
                c.log_softmax,
                c.logsumexp,
            )
        })
        .collect()
}

#[test]
fn softmax_log_softmax_logsumexp_f32() {
    softmax_family::<f32>(&lanes_of(data::SHARED, |v| v));
}

#[test]
fn softmax_log_softmax_logsumexp_f64() {
    let mut cases = lanes_of(data::SHARED, f64::from);
    cases.extend(lanes_of(data::ONLY_F64, |v| v));
    softmax_family::<f64>(&cases);
}

/// name, x, t, softmax, log_softmax.
type TempLane<'a, A> = (&'a str, Vec<A>, A, &'a [f64], &'a [f64]);

fn temp_lanes_of<A: TestFloat, T: Copy>(
    cases: &[TempCase<T>],
    conv: impl Fn(T) -> A,
) -> Vec<TempLane<'_, A>> {
    cases
        .iter()
        .map(|c| {
            (
                c.name,
                c.x.iter().map(|&v| conv(v)).collect(),
                conv(c.t),
                c.softmax,
                c.log_softmax,
            )
        })
        .collect()
}

#[test]
fn temperature_f32() {
    temperature_family::<f32>(&temp_lanes_of(data::TEMP_SHARED, |v| v));
}

#[test]
fn temperature_f64() {
    let mut cases = temp_lanes_of(data::TEMP_SHARED, f64::from);
    cases.extend(temp_lanes_of(data::TEMP_ONLY_F64, |v| v));
    temperature_family::<f64>(&cases);
}

#[test]
fn sigmoid_and_log_sigmoid_f32() {
    let c = &data::SIGMOID_SHARED;
    sigmoid_family::<f32>(&[(c.x.to_vec(), c.sigmoid, c.log_sigmoid)]);
}

#[test]
fn sigmoid_and_log_sigmoid_f64() {
    let c = &data::SIGMOID_SHARED;
    let d = &data::SIGMOID_ONLY_F64;
    sigmoid_family::<f64>(&[
        (
            c.x.iter().map(|&v| f64::from(v)).collect(),
            c.sigmoid,
            c.log_sigmoid,
        ),
        (d.x.to_vec(), d.sigmoid, d.log_sigmoid),
    ]);
}

/// The generated data is what the tests think it is.
#[test]
fn reference_data_is_consistent() {
    let mut names = std::collections::HashSet::new();
    for c in data::SHARED {
        assert!(names.insert(c.name), "duplicate case {}", c.name);
        assert_eq!(c.x.len(), c.softmax.len(), "{}", c.name);
        assert_eq!(c.x.len(), c.log_softmax.len(), "{}", c.name);
        let s: f64 = c.softmax.iter().sum();
        assert!(
            c.logsumexp == NEG_INF || (s - 1.0).abs() < 1e-12,
            "{}: Σ = {s}",
            c.name
        );
    }
    for c in data::ONLY_F64 {
        assert!(names.insert(c.name), "duplicate case {}", c.name);
        assert_eq!(c.x.len(), c.softmax.len(), "{}", c.name);
    }
    let lens: Vec<usize> = data::SHARED.iter().map(|c| c.x.len()).collect();
    for n in [1, 2, 3, 7, 16, 17, 33, 100, 1000] {
        assert!(lens.contains(&n), "no lane of length {n}");
    }
    for c in data::TEMP_SHARED {
        assert_eq!(c.x.len(), c.softmax.len(), "{}", c.name);
        assert_eq!(c.x.len(), c.log_softmax.len(), "{}", c.name);
    }
    let c = &data::SIGMOID_SHARED;
    assert_eq!(c.x.len(), c.sigmoid.len());
    assert_eq!(c.x.len(), c.log_sigmoid.len());
    assert_eq!(
        data::SIGMOID_ONLY_F64.x.len(),
        data::SIGMOID_ONLY_F64.sigmoid.len()
    );
    assert_eq!(
        data::SIGMOID_ONLY_F64.x.len(),
        data::SIGMOID_ONLY_F64.log_sigmoid.len()
    );
}

// BEGIN GENERATED by tools/reference_values.py; do not edit by hand.
// mpmath 1.3.0, mp.dps = 50; expected values correctly rounded to f64.
#[rustfmt::skip]
#[allow(clippy::unreadable_literal, clippy::excessive_precision, clippy::approx_constant)]
mod data {
#[allow(unused_imports)]
use super::{RefCase, SigmoidCase, TempCase, F32_INF, F32_NEG_INF, INF, NEG_INF};

const S_TUTORIAL_X: &[f32] = &[
    2.0, 1.0, 0.1,
];
const S_TUTORIAL_SOFTMAX: &[f64] = &[
    0.6590011387891773, 0.24243297066910668, 0.09856589054171597,
];
const S_TUTORIAL_LOG_SOFTMAX: &[f64] = &[
    -0.4170300164247081, -1.417030016424708, -2.317030014934592,
];
const S_SWEEP_N1_K0_X: &[f32] = &[
    0.0,
];
const S_SWEEP_N1_K0_SOFTMAX: &[f64] = &[
    1.0,
];
const S_SWEEP_N1_K0_LOG_SOFTMAX: &[f64] = &[
    0.0,
];
const S_SWEEP_N1_K1_X: &[f32] = &[
    0.42073548,
];
const S_SWEEP_N1_K1_SOFTMAX: &[f64] = &[
    1.0,
];
const S_SWEEP_N1_K1_LOG_SOFTMAX: &[f64] = &[
    0.0,
];
const S_SWEEP_N1_K20_X: &[f32] = &[
    8.41471,
];
const S_SWEEP_N1_K20_SOFTMAX: &[f64] = &[
    1.0,
];
const S_SWEEP_N1_K20_LOG_SOFTMAX: &[f64] = &[
    0.0,
];
const S_SWEEP_N1_K80_X: &[f32] = &[
    33.65884,
];
const S_SWEEP_N1_K80_SOFTMAX: &[f64] = &[
    1.0,
];
const S_SWEEP_N1_K80_LOG_SOFTMAX: &[f64] = &[
    0.0,
];
const S_SWEEP_N2_K0_X: &[f32] = &[
    0.0, 0.0,
];
const S_SWEEP_N2_K0_SOFTMAX: &[f64] = &[
    0.5, 0.5,
];
const S_SWEEP_N2_K0_LOG_SOFTMAX: &[f64] = &[
    -0.6931471805599453, -0.6931471805599453,
];
const S_SWEEP_N2_K1_X: &[f32] = &[
    0.42073548, 0.4546487,
];
const S_SWEEP_N2_K1_SOFTMAX: &[f64] = &[
    0.491522506252495, 0.5084774937475051,
];
const S_SWEEP_N2_K1_LOG_SOFTMAX: &[f64] = &[
    -0.7102475494921298, -0.6763343245565981,
];
const S_SWEEP_N2_K20_X: &[f32] = &[
    8.41471, 9.092975,
];
const S_SWEEP_N2_K20_SOFTMAX: &[f64] = &[
    0.3366487318860722, 0.6633512681139279,
];
const S_SWEEP_N2_K20_LOG_SOFTMAX: &[f64] = &[
    -1.0887152308594532, -0.41045061293953133,
];
const S_SWEEP_N2_K80_X: &[f32] = &[
    33.65884, 36.3719,
];
const S_SWEEP_N2_K80_SOFTMAX: &[f64] = &[
    0.062207188841803596, 0.9377928111581965,
];
const S_SWEEP_N2_K80_LOG_SOFTMAX: &[f64] = &[
    -2.7772847096806372, -0.06422623800094979,
];
const S_SWEEP_N3_K0_X: &[f32] = &[
    0.0, 0.0, 0.0,
];
const S_SWEEP_N3_K0_SOFTMAX: &[f64] = &[
    0.3333333333333333, 0.3333333333333333, 0.3333333333333333,
];
const S_SWEEP_N3_K0_LOG_SOFTMAX: &[f64] = &[
    -1.0986122886681098, -1.0986122886681098, -1.0986122886681098,
];
const S_SWEEP_N3_K1_X: &[f32] = &[
    0.42073548, 0.4546487, 0.07056,
];
const S_SWEEP_N3_K1_SOFTMAX: &[f64] = &[
    0.36508884929844104, 0.3776825287244709, 0.25722862197708807,
];
const S_SWEEP_N3_K1_LOG_SOFTMAX: &[f64] = &[
    -1.0076145322866976, -0.973701307351166, -1.3577900098510325,
];
const S_SWEEP_N3_K20_X: &[f32] = &[
    8.41471, 9.092975, 1.4112,
];
const S_SWEEP_N3_K20_SOFTMAX: &[f64] = &[
    0.3365457797443865, 0.663148405523715, 0.00030581473189846903,
];
const S_SWEEP_N3_K20_LOG_SOFTMAX: &[f64] = &[
    -1.0890210923622126, -0.41075647444229063, -8.092531090683746,
];
const S_SWEEP_N3_K80_X: &[f32] = &[
    33.65884, 36.3719, 5.6448,
];
const S_SWEEP_N3_K80_SOFTMAX: &[f64] = &[
    0.06220718884180095, 0.9377928111581566, 4.2412863130318876e-14,
];
const S_SWEEP_N3_K80_LOG_SOFTMAX: &[f64] = &[
    -2.77728470968068, -0.0642262380009922, -30.79132470296681,
];
const S_SWEEP_N7_K0_X: &[f32] = &[
    0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
];
const S_SWEEP_N7_K0_SOFTMAX: &[f64] = &[
    0.14285714285714285, 0.14285714285714285, 0.14285714285714285, 0.14285714285714285,
    0.14285714285714285, 0.14285714285714285, 0.14285714285714285,
];
const S_SWEEP_N7_K0_LOG_SOFTMAX: &[f64] = &[
    -1.9459101490553132, -1.9459101490553132, -1.9459101490553132, -1.9459101490553132,
    -1.9459101490553132, -1.9459101490553132, -1.9459101490553132,
];
const S_SWEEP_N7_K1_X: &[f32] = &[
    0.42073548, 0.4546487, 0.07056, -0.37840125, -0.47946215, -0.13970774, 0.3284933,
];
const S_SWEEP_N7_K1_SOFTMAX: &[f64] = &[
    0.19692381950809176, 0.2037166740666461, 0.13874552132684803, 0.08855999419894682,
    0.08004742934291782, 0.11243482589824294, 0.17957173565830653,
];
const S_SWEEP_N7_K1_LOG_SOFTMAX: &[f64] = &[
    -1.624938328037647, -1.5910251031021154, -1.975113805601982, -2.4240750560859716,
    -2.5251359531978643, -2.1853815505603826, -1.717180509338764,
];
const S_SWEEP_N7_K20_X: &[f32] = &[
    8.41471, 9.092975, 1.4112, -7.568025, -9.589243, -2.794155, 6.569866,
];
const S_SWEEP_N7_K20_SOFTMAX: &[f64] = &[
    0.31954725145342133, 0.6296535658589151, 0.00029036839239625226, 3.658654521367911e-8,
    4.847498179976209e-9, 4.330987198507307e-6, 0.050504441874025495,
];
const S_SWEEP_N7_K20_LOG_SOFTMAX: &[f64] = &[
    -1.1408501242264792, -0.4625855063065575, -8.144360122548013, -17.123585281239418,
    -19.144803104267982, -12.34971505151835, -2.985693988667397,
];
const S_SWEEP_N7_K80_X: &[f32] = &[
    33.65884, 36.3719, 5.6448, -30.2721, -38.35697, -11.17662, 26.279465,
];
const S_SWEEP_N7_K80_SOFTMAX: &[f64] = &[
    0.06220477425816468, 0.9377564105552971, 4.241121686712665e-14, 1.0689785251945965e-29,
    3.294230559283983e-33, 2.099089581456088e-21, 3.881518649575009e-5,
];
const S_SWEEP_N7_K80_LOG_SOFTMAX: &[f64] = &[
    -2.7773235256205044, -0.0642650539408168, -30.791363518906635, -66.70826415367226,
    -74.79313544578652, -47.61278323478798, -10.156698983384176,
];
const S_SWEEP_N16_K0_X: &[f32] = &[
    0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
];
const S_SWEEP_N16_K0_SOFTMAX: &[f64] = &[
    0.0625, 0.0625, 0.0625, 0.0625, 0.0625, 0.0625, 0.0625, 0.0625, 0.0625, 0.0625, 0.0625, 0.0625,
    0.0625, 0.0625, 0.0625, 0.0625,
];
const S_SWEEP_N16_K0_LOG_SOFTMAX: &[f64] = &[
    -2.772588722239781, -2.772588722239781, -2.772588722239781, -2.772588722239781,
    -2.772588722239781, -2.772588722239781, -2.772588722239781, -2.772588722239781,
    -2.772588722239781, -2.772588722239781, -2.772588722239781, -2.772588722239781,
    -2.772588722239781, -2.772588722239781, -2.772588722239781, -2.772588722239781,
];
const S_SWEEP_N16_K1_X: &[f32] = &[
    0.42073548, 0.4546487, 0.07056, -0.37840125, -0.47946215, -0.13970774, 0.3284933, 0.49467912,
    0.20605925, -0.27201056, -0.4999951, -0.26828647, 0.21008351, 0.4953037, 0.32514393,
    -0.14395165,
];
const S_SWEEP_N16_K1_SOFTMAX: &[f64] = &[
    0.08527331544048095, 0.08821480434192443, 0.06008054604878376, 0.038348861704988635,
    0.034662691946607094, 0.04868730659026477, 0.07775939597980538, 0.09181771183873082,
    0.06879873392574226, 0.04265376430714706, 0.033958221269676396, 0.04281290726233268,
    0.06907615625023296, 0.09187507608842886, 0.07749938714865424, 0.048481119856199725,
];
const S_SWEEP_N16_K1_LOG_SOFTMAX: &[f64] = &[
    -2.4618937053084218, -2.42798048037289, -2.8120691828727566, -3.2610304333567464,
    -3.362091330468639, -3.0223369278311574, -2.5541358866095387, -2.3879500605463826,
    -2.6765699364542805, -3.154639748513683, -3.3826242961287343, -3.1509156503081166,
    -2.6725456692576253, -2.3873254932761037, -2.5574852504134022, -3.02658083814381,
];
const S_SWEEP_N16_K20_X: &[f32] = &[
    8.41471, 9.092975, 1.4112, -7.568025, -9.589243, -2.794155, 6.569866, 9.893582, 4.121185,
    -5.4402113, -9.999902, -5.3657293, 4.20167, 9.906074, 6.502878, -2.879033,
];
const S_SWEEP_N16_K20_SOFTMAX: &[f64] = &[
    0.0823936763431539, 0.16235305382138257, 7.487005203318442e-5, 9.43365950149457e-9,
    1.2499034001962185e-9, 1.1167236014613924e-6, 0.013022320231931797, 0.3615430023164774,
    0.0011252255130346416, 7.920963199973974e-8, 8.289523802644238e-10, 8.533458909800271e-8,
    0.0012195339963019618, 0.3660874414575276, 0.012178557638538442, 1.0258492806427498e-6,
];
const S_SWEEP_N16_K20_LOG_SOFTMAX: &[f64] = &[
    -2.4962465884199636, -1.8179819705000417, -9.499756586741496, -18.478981745432904,
    -20.50019956846147, -13.705111515711833, -4.341090452860882, -1.0173742892256277,
    -6.789771807383587, -16.351167929362347, -20.910858404826214, -16.27668596525102,
    -6.709286463450481, -1.0048830630293386, -4.408078444193889, -13.789989721964885,
];
const S_SWEEP_N16_K80_X: &[f32] = &[
    33.65884, 36.3719, 5.6448, -30.2721, -38.35697, -11.17662, 26.279465, 39.57433, 16.48474,
    -21.760845, -39.999607, -21.462917, 16.80668, 39.624294, 26.011513, -11.516132,
];
const S_SWEEP_N16_K80_SOFTMAX: &[f64] = &[
    0.0012877603533025315, 0.019413389743310562, 8.779950456878757e-16, 2.2129943878009147e-31,
    6.819700834018751e-35, 4.345525521579651e-23, 8.035501916271331e-7, 0.4774186343086116,
    4.479378984862532e-11, 1.0999463626164618e-27, 1.319404184678951e-35, 1.481698809558921e-27,
    6.180664519402961e-11, 0.5018787972666634, 6.146713189058919e-7, 3.0945233102571735e-23,
];
const S_SWEEP_N16_K80_LOG_SOFTMAX: &[f64] = &[
    -6.654850729712008, -3.941792258032321, -34.66889072299814, -70.58579135776377,
    -78.67066264987803, -51.49031043887949, -14.03422618747568, -0.7393615329346643,
    -23.828951605566502, -62.07453609348154, -80.31329799533701, -61.77660823703623,
    -23.50701022983408, -0.6893966281495081, -14.302178152807711, -51.8298232638917,
];
const S_SWEEP_N17_K0_X: &[f32] = &[
    0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
];
const S_SWEEP_N17_K0_SOFTMAX: &[f64] = &[
    0.058823529411764705, 0.058823529411764705, 0.058823529411764705, 0.058823529411764705,
    0.058823529411764705, 0.058823529411764705, 0.058823529411764705, 0.058823529411764705,
    0.058823529411764705, 0.058823529411764705, 0.058823529411764705, 0.058823529411764705,
    0.058823529411764705, 0.058823529411764705, 0.058823529411764705, 0.058823529411764705,
    0.058823529411764705,
];
const S_SWEEP_N17_K0_LOG_SOFTMAX: &[f64] = &[
    -2.833213344056216, -2.833213344056216, -2.833213344056216, -2.833213344056216,
    -2.833213344056216, -2.833213344056216, -2.833213344056216, -2.833213344056216,
    -2.833213344056216, -2.833213344056216, -2.833213344056216, -2.833213344056216,
    -2.833213344056216, -2.833213344056216, -2.833213344056216, -2.833213344056216,
    -2.833213344056216,
];
const S_SWEEP_N17_K1_X: &[f32] = &[
    0.42073548, 0.4546487, 0.07056, -0.37840125, -0.47946215, -0.13970774, 0.3284933, 0.49467912,
    0.20605925, -0.27201056, -0.4999951, -0.26828647, 0.21008351, 0.4953037, 0.32514393,
    -0.14395165, -0.48069873,
];
const S_SWEEP_N17_K1_SOFTMAX: &[f64] = &[
    0.08241994876694009, 0.08526301125727695, 0.05807016534600233, 0.03706565413422616,
    0.03350282886980793, 0.04705815991839538, 0.07515745576090645, 0.0887453603340649,
    0.06649663023068261, 0.04122650855959695, 0.032821930785799855, 0.041380326364677755,
    0.06676476960878956, 0.08880080509420757, 0.07490614719583268, 0.046858872486327315,
    0.03346142528646552,
];
const S_SWEEP_N17_K1_LOG_SOFTMAX: &[f64] = &[
    -2.4959277746812187, -2.462014549745687, -2.8461032522455536, -3.2950645027295433,
    -3.396125399841436, -3.0563709972039543, -2.5881699559823357, -2.4219841299191796,
    -2.7106040058270775, -3.18867381788648, -3.4166583655015312, -3.1849497196809136,
    -2.7065797386304222, -2.4213595626489006, -2.591519319786199, -3.060614907516607,
    -3.3973619876042687,
];
const S_SWEEP_N17_K20_X: &[f32] = &[
    8.41471, 9.092975, 1.4112, -7.568025, -9.589243, -2.794155, 6.569866, 9.893582, 4.121185,
    -5.4402113, -9.999902, -5.3657293, 4.20167, 9.906074, 6.502878, -2.879033, -9.613975,
];
const S_SWEEP_N17_K20_SOFTMAX: &[f64] = &[
    0.08239367624268548, 0.16235305362341407, 7.48700519418901e-5, 9.433659489991446e-9,
    1.2499033986721233e-9, 1.1167236000996927e-6, 0.013022320216052765, 0.3615430018756226,
    0.001125225511662575, 7.920963190315386e-8, 8.289523792536238e-10, 8.533458899394823e-8,
    0.0012195339948148983, 0.36608744101113144, 0.01217855762368827, 1.0258492793918596e-6,
    1.21937036494857e-9,
];
const S_SWEEP_N17_K20_LOG_SOFTMAX: &[f64] = &[
    -2.496246589639334, -1.8179819717194121, -9.499756587960867, -18.478981746652273,
    -20.500199569680838, -13.705111516931204, -4.341090454080252, -1.017374290444998,
    -6.789771808602957, -16.351167930581717, -20.910858406045584, -16.27668596647039,
    -6.709286464669852, -1.004883064248709, -4.40807844541326, -13.789989723184256,
    -20.5249312057282,
];
const S_SWEEP_N17_K80_X: &[f32] = &[
    33.65884, 36.3719, 5.6448, -30.2721, -38.35697, -11.17662, 26.279465, 39.57433, 16.48474,
    -21.760845, -39.999607, -21.462917, 16.80668, 39.624294, 26.011513, -11.516132, -38.4559,
];
const S_SWEEP_N17_K80_SOFTMAX: &[f64] = &[
    0.0012877603533025315, 0.019413389743310562, 8.779950456878757e-16, 2.2129943878009147e-31,
    6.819700834018751e-35, 4.345525521579651e-23, 8.035501916271331e-7, 0.4774186343086116,
    4.479378984862532e-11, 1.0999463626164618e-27, 1.319404184678951e-35, 1.481698809558921e-27,
    6.180664519402961e-11, 0.5018787972666634, 6.146713189058919e-7, 3.0945233102571735e-23,
    6.177348046757076e-35,
];
const S_SWEEP_N17_K80_LOG_SOFTMAX: &[f64] = &[
    -6.654850729712008, -3.941792258032321, -34.66889072299814, -70.58579135776377,
    -78.67066264987803, -51.49031043887949, -14.03422618747568, -0.7393615329346643,
    -23.828951605566502, -62.07453609348154, -80.31329799533701, -61.77660823703623,
    -23.50701022983408, -0.6893966281495081, -14.302178152807711, -51.8298232638917,
    -78.76958919406748,
];
const S_SWEEP_N33_K0_X: &[f32] = &[
    0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
    0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
];
const S_SWEEP_N33_K0_SOFTMAX: &[f64] = &[
    0.030303030303030304, 0.030303030303030304, 0.030303030303030304, 0.030303030303030304,
    0.030303030303030304, 0.030303030303030304, 0.030303030303030304, 0.030303030303030304,
    0.030303030303030304, 0.030303030303030304, 0.030303030303030304, 0.030303030303030304,
    0.030303030303030304, 0.030303030303030304, 0.030303030303030304, 0.030303030303030304,
    0.030303030303030304, 0.030303030303030304, 0.030303030303030304, 0.030303030303030304,
    0.030303030303030304, 0.030303030303030304, 0.030303030303030304, 0.030303030303030304,
    0.030303030303030304, 0.030303030303030304, 0.030303030303030304, 0.030303030303030304,
    0.030303030303030304, 0.030303030303030304, 0.030303030303030304, 0.030303030303030304,
    0.030303030303030304,
];
const S_SWEEP_N33_K0_LOG_SOFTMAX: &[f64] = &[
    -3.4965075614664802, -3.4965075614664802, -3.4965075614664802, -3.4965075614664802,
    -3.4965075614664802, -3.4965075614664802, -3.4965075614664802, -3.4965075614664802,
    -3.4965075614664802, -3.4965075614664802, -3.4965075614664802, -3.4965075614664802,
    -3.4965075614664802, -3.4965075614664802, -3.4965075614664802, -3.4965075614664802,
    -3.4965075614664802, -3.4965075614664802, -3.4965075614664802, -3.4965075614664802,
    -3.4965075614664802, -3.4965075614664802, -3.4965075614664802, -3.4965075614664802,
    -3.4965075614664802, -3.4965075614664802, -3.4965075614664802, -3.4965075614664802,
    -3.4965075614664802, -3.4965075614664802, -3.4965075614664802, -3.4965075614664802,
    -3.4965075614664802,
];
const S_SWEEP_N33_K1_X: &[f32] = &[
    0.42073548, 0.4546487, 0.07056, -0.37840125, -0.47946215, -0.13970774, 0.3284933, 0.49467912,
    0.20605925, -0.27201056, -0.4999951, -0.26828647, 0.21008351, 0.4953037, 0.32514393,
    -0.14395165, -0.48069873, -0.37549362, 0.0749386, 0.45647264, 0.4183278, -0.0044256547,
    -0.42311022, -0.4527892, -0.06617588, 0.38127923, 0.47818798, 0.1354529, -0.33181694,
    -0.4940158, -0.20201883, 0.27571335, 0.49995592,
];
const S_SWEEP_N33_K1_SOFTMAX: &[f64] = &[
    0.04242807096643504, 0.04389162025161012, 0.029893310214250873, 0.019080625838184064,
    0.017246557685737234, 0.02422455944753499, 0.03868949100778272, 0.04568426094079147,
    0.034231078624352027, 0.021222546932309384, 0.01689604555049077, 0.02130172913088517,
    0.034369111184835495, 0.045712802747153204, 0.038560122598884854, 0.024121970433139798,
    0.017225243984399178, 0.019136186045666435, 0.03002448809769713, 0.04397174863149558,
    0.042326041048393215, 0.02773372165985586, 0.018246339763634694, 0.01771276433313084,
    0.026072961977807597, 0.04078661427116752, 0.04493705326321624, 0.03189749921581813,
    0.019990512267519595, 0.01699737470475766, 0.022761167149403273, 0.03670041526877131,
    0.04592596476288853,
];
const S_SWEEP_N33_K1_LOG_SOFTMAX: &[f64] = &[
    -3.159945084708205, -3.1260318597726733, -3.5101205622725398, -3.9590818127565295,
    -4.060142709868423, -3.7203883072309405, -3.252187266009322, -3.0860014399461657,
    -3.3746213158540637, -3.852691127913466, -4.080675675528518, -3.8489670297078997,
    -3.3705970486574084, -3.085376872675887, -3.2555366298131854, -3.724632217543593,
    -4.061379297631255, -3.9561741789750964, -3.505741960363856, -3.124207927840224,
    -3.162352754729262, -3.5851062177628488, -4.003790779965392, -4.033469750540725,
    -3.646856441157332, -3.199401332991591, -3.1024925848417193, -3.4452276667528063,
    -3.912497504609099, -4.07469637598323, -3.782699390309325, -3.3049672087602526,
    -3.0807246407442004,
];
const S_SWEEP_N33_K20_X: &[f32] = &[
    8.41471, 9.092975, 1.4112, -7.568025, -9.589243, -2.794155, 6.569866, 9.893582, 4.121185,
    -5.4402113, -9.999902, -5.3657293, 4.20167, 9.906074, 6.502878, -2.879033, -9.613975,
    -7.5098724, 1.4987721, 9.129453, 8.366556, -0.08851309, -8.462204, -9.055783, -1.3235174,
    7.6255846, 9.563759, 2.7090578, -6.6363387, -9.880316, -4.0403767, 5.514267, 9.999119,
];
const S_SWEEP_N33_K20_SOFTMAX: &[f64] = &[
    0.042231646632865126, 0.08321557069738476, 3.8375342880453845e-5, 4.83531008936455e-9,
    6.406496355674418e-10, 5.723870886290007e-7, 0.006674711589327567, 0.18531223504124267,
    0.0005767448226348236, 4.059963503267376e-8, 4.248872674766673e-10, 4.373903887160434e-8,
    0.0006250835145902515, 0.18764152967242392, 0.006242233209095917, 5.25808608639457e-7,
    6.249996445773029e-10, 5.1248329879805935e-9, 4.188749101839424e-5, 0.08630715652015478,
    0.040246215835848254, 8.565153069403815e-6, 1.9773674588539036e-9, 1.092192453776365e-9,
    2.4910334202126947e-6, 0.01918338265753959, 0.133248881023598, 0.00014050919089345063,
    1.2275822315557583e-8, 4.788607626006392e-10, 1.6461241490547797e-7, 0.002322691826469185,
    0.20593871412383458,
];
const S_SWEEP_N33_K20_LOG_SOFTMAX: &[f64] = &[
    -3.1645854187797564, -2.4863208008598345, -10.16809541710129, -19.147320575792698,
    -21.168538398821262, -14.373450346071627, -5.009429283220674, -1.6857131195854207,
    -7.4581106377433795, -17.01950675972214, -21.579197235186008, -16.945024795610813,
    -7.377625293810274, -1.6732218933891316, -5.076417274553682, -14.458328552324678,
    -21.193270034868625, -19.089167900164036, -10.08052331932297, -2.4498427582572955,
    -3.212739296038057, -11.667808554847147, -20.041499443132786, -20.63507873543015,
    -12.902812905390169, -3.953710861284639, -2.01553661354294, -8.870237655718233,
    -18.21563417442551, -21.459611244280246, -15.619672126848604, -6.065028495867159,
    -1.5801766587089559,
];
const S_SWEEP_N33_K80_X: &[f32] = &[
    33.65884, 36.3719, 5.6448, -30.2721, -38.35697, -11.17662, 26.279465, 39.57433, 16.48474,
    -21.760845, -39.999607, -21.462917, 16.80668, 39.624294, 26.011513, -11.516132, -38.4559,
    -30.03949, 5.9950886, 36.51781, 33.466225, -0.35405236, -33.848816, -36.223133, -5.29407,
    30.502338, 38.255035, 10.836231, -26.545355, -39.521263, -16.161507, 22.057068, 39.996475,
];
const S_SWEEP_N33_K80_SOFTMAX: &[f64] = &[
    0.0006852051627094201, 0.010329681950288655, 4.671728995195203e-16, 1.1775134835292791e-31,
    3.6286986220840656e-35, 2.3122132269686396e-23, 4.2756149339977744e-7, 0.2540299615242847,
    2.3834353948609443e-11, 5.852711060993384e-28, 7.020425475313887e-36, 7.883979898018022e-28,
    3.288673414124684e-11, 0.26704498399844945, 3.2706082308218045e-7, 1.6465667256139863e-23,
    3.2869087502467216e-35, 1.4858926463847393e-31, 6.631411177216871e-16, 0.011952418754512247,
    0.0005651565610643994, 1.1593353568572645e-18, 3.293199927578447e-33, 3.065245420903464e-34,
    8.294434514704995e-21, 2.917220962731021e-5, 0.06790829845906686, 8.396291306488664e-14,
    4.8918253218962624e-30, 1.1326756841648951e-35, 1.5816810476272946e-25, 6.26952924733488e-9,
    0.38745436043134507,
];
const S_SWEEP_N33_K80_LOG_SOFTMAX: &[f64] = &[
    -7.285792256940505, -4.572733785260818, -35.299832250226636, -71.21673288499227,
    -79.30160417710653, -52.121251966107984, -14.665167714704177, -1.3703030601631614,
    -24.459893132794996, -62.705477620710035, -80.94423952256551, -62.40754976426472,
    -24.137951757062574, -1.3203381553780051, -14.933119680036208, -52.46076479112019,
    -79.40053072129598, -70.98412218247762, -34.949543859113355, -4.426821614850661,
    -7.478407765973708, -41.298684801210065, -74.79344835435262, -77.16776552354207,
    -46.238702203382154, -10.442294026960036, -2.6895970359932395, -30.10840120469441,
    -67.48998727952352, -80.46589555894246, -57.106139089215894, -18.887564565290113,
    -0.9481572166573019,
];
const S_SWEEP_N100_K0_X: &[f32] = &[
    0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
    0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
    0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
    0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
    0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
    0.0, 0.0, 0.0, 0.0, 0.0,
];
const S_SWEEP_N100_K0_SOFTMAX: &[f64] = &[
    0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01,
    0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01,
    0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01,
    0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01,
    0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01,
    0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01,
    0.01, 0.01, 0.01, 0.01,
];
const S_SWEEP_N100_K0_LOG_SOFTMAX: &[f64] = &[
    -4.605170185988092, -4.605170185988092, -4.605170185988092, -4.605170185988092,
    -4.605170185988092, -4.605170185988092, -4.605170185988092, -4.605170185988092,
    -4.605170185988092, -4.605170185988092, -4.605170185988092, -4.605170185988092,
    -4.605170185988092, -4.605170185988092, -4.605170185988092, -4.605170185988092,
    -4.605170185988092, -4.605170185988092, -4.605170185988092, -4.605170185988092,
    -4.605170185988092, -4.605170185988092, -4.605170185988092, -4.605170185988092,
    -4.605170185988092, -4.605170185988092, -4.605170185988092, -4.605170185988092,
    -4.605170185988092, -4.605170185988092, -4.605170185988092, -4.605170185988092,
    -4.605170185988092, -4.605170185988092, -4.605170185988092, -4.605170185988092,
    -4.605170185988092, -4.605170185988092, -4.605170185988092, -4.605170185988092,
    -4.605170185988092, -4.605170185988092, -4.605170185988092, -4.605170185988092,
    -4.605170185988092, -4.605170185988092, -4.605170185988092, -4.605170185988092,
    -4.605170185988092, -4.605170185988092, -4.605170185988092, -4.605170185988092,
    -4.605170185988092, -4.605170185988092, -4.605170185988092, -4.605170185988092,
    -4.605170185988092, -4.605170185988092, -4.605170185988092, -4.605170185988092,
    -4.605170185988092, -4.605170185988092, -4.605170185988092, -4.605170185988092,
    -4.605170185988092, -4.605170185988092, -4.605170185988092, -4.605170185988092,
    -4.605170185988092, -4.605170185988092, -4.605170185988092, -4.605170185988092,
    -4.605170185988092, -4.605170185988092, -4.605170185988092, -4.605170185988092,
    -4.605170185988092, -4.605170185988092, -4.605170185988092, -4.605170185988092,
    -4.605170185988092, -4.605170185988092, -4.605170185988092, -4.605170185988092,
    -4.605170185988092, -4.605170185988092, -4.605170185988092, -4.605170185988092,
    -4.605170185988092, -4.605170185988092, -4.605170185988092, -4.605170185988092,
    -4.605170185988092, -4.605170185988092, -4.605170185988092, -4.605170185988092,
    -4.605170185988092, -4.605170185988092, -4.605170185988092, -4.605170185988092,
];
const S_SWEEP_N100_K1_X: &[f32] = &[
    0.42073548, 0.4546487, 0.07056, -0.37840125, -0.47946215, -0.13970774, 0.3284933, 0.49467912,
    0.20605925, -0.27201056, -0.4999951, -0.26828647, 0.21008351, 0.4953037, 0.32514393,
    -0.14395165, -0.48069873, -0.37549362, 0.0749386, 0.45647264, 0.4183278, -0.0044256547,
    -0.42311022, -0.4527892, -0.06617588, 0.38127923, 0.47818798, 0.1354529, -0.33181694,
    -0.4940158, -0.20201883, 0.27571335, 0.49995592, 0.26454136, -0.21409133, -0.49588943,
    -0.32176906, 0.14818428, 0.48189768, 0.37255657, -0.07931133, -0.45826077, -0.4158874,
    0.008850963, 0.42545176, 0.45089418, 0.061786562, -0.38412732, -0.47687632, -0.13118742,
    0.3351146, 0.4933138, 0.19796258, -0.27939454, -0.49987757, -0.2607755, 0.21808238, 0.49643633,
    0.318369, -0.1524053, -0.4830589, -0.36959034, 0.08367785, 0.46001303, 0.41341433,
    -0.013275577, -0.42775998, -0.44896385, -0.057392407, 0.38694534, 0.47552732, 0.12691168,
    -0.33838597, -0.49257314, -0.19389082, 0.28305382, 0.4997601, 0.25698924, -0.22205633,
    -0.49694434, -0.314944, 0.1566144, 0.48418224, 0.36659515, -0.08803781, -0.46172923,
    -0.4109089, 0.017699152, 0.4300347, 0.44699833, 0.052993756, -0.38973305, -0.47414106,
    -0.12262599, 0.34163085, 0.49179387, 0.18980387, -0.28669095, -0.49960342, -0.25318283,
];
const S_SWEEP_N100_K1_SOFTMAX: &[f64] = &[
    0.014325547876125609, 0.014819705278908107, 0.01009327166886531, 0.006442442767845502,
    0.005823182204556169, 0.008179256757118414, 0.013063241931818906, 0.01542497814266555,
    0.011557889494257586, 0.007165647770614777, 0.005704834180234994, 0.007192383098212669,
    0.01160449524390938, 0.015434615088305376, 0.013019561573671333, 0.008144618278304577,
    0.005815985779124118, 0.006461202291768374, 0.010137562983714028, 0.0148467600781516,
    0.014291098172370243, 0.009364101369013752, 0.006160751782818234, 0.00598059368934153,
    0.00880335722500723, 0.013771321253537831, 0.015172688582600924, 0.010769972372922055,
    0.006749659695421466, 0.005739047275896261, 0.00768515235993703, 0.012391644117461758,
    0.015506587784499922, 0.012253975162053466, 0.007592931121341948, 0.005728304592688615,
    0.006817821351650434, 0.010907965631178134, 0.015229079293072673, 0.013651721034711496,
    0.008688477269551813, 0.005947959710821902, 0.006205410941946135, 0.009489253924135682,
    0.014393270704121816, 0.014764168626695178, 0.010005106291571482, 0.006405658310344458,
    0.005838259439090488, 0.008249244377587383, 0.013150024580931181, 0.015403932269302234,
    0.011464686957282639, 0.0071129316917583835, 0.005705504767905196, 0.0072466081870182055,
    0.01169769030977728, 0.015452106812503674, 0.012931653050824459, 0.008076056713688223,
    0.005802275278241998, 0.006499457342032485, 0.01022654591553065, 0.014899416655980343,
    0.01422105138796019, 0.009281595425425913, 0.006132172271244476, 0.006003515287301096,
    0.008881021839605504, 0.013849572513105373, 0.015132372844683334, 0.010678375492202399,
    0.006705466305288232, 0.005747332807158142, 0.0077478718426424505, 0.012482939161951536,
    0.015503551410288644, 0.012161780278045787, 0.007532693650616555, 0.0057222649170453445,
    0.0068645125429120666, 0.011000309652351827, 0.01526391075917794, 0.013570579516694175,
    0.008612987326784277, 0.005927365223022151, 0.006236381472605909, 0.009573589196908623,
    0.014459385606862316, 0.01470676155252484, 0.009917518962291929, 0.0063698503942984696,
    0.005854250439736995, 0.0083201729170635, 0.013235993194351552, 0.015380537332272246,
    0.011371530395718732, 0.007061221681401713, 0.005707069155388537, 0.00730183875872655,
];
const S_SWEEP_N100_K1_LOG_SOFTMAX: &[f64] = &[
    -4.245710770960824, -4.211797546025292, -4.595886248525159, -5.0448474990091485,
    -5.145908396121041, -4.8061539934835595, -4.337952952261941, -4.171767126198785,
    -4.460387002106683, -4.938456814166085, -5.166441361781136, -4.934732715960519,
    -4.456362734910027, -4.171142558928506, -4.341302316065804, -4.810397903796212,
    -5.147144983883874, -5.041939865227715, -4.591507646616475, -4.209973614092843,
    -4.248118440981881, -4.670871904015468, -5.089556466218011, -5.1192354367933435,
    -4.732622127409951, -4.28516701924421, -4.188258271094338, -4.530993353005425,
    -4.998263190861718, -5.160462062235848, -4.868465076561944, -4.390732895012872,
    -4.166490326996819, -4.401904891606347, -4.880537580128686, -5.162335674639718,
    -4.988215308066384, -4.518261964794175, -4.184548567410485, -4.29388968216993,
    -4.745757582958714, -5.124707023974435, -5.082333634968774, -4.657595286507086,
    -4.240994493838326, -4.215552072402017, -4.604659687157647, -5.050573568221108,
    -5.1433225678167505, -4.797633673425691, -4.331331651087777, -4.173132459994332,
    -4.468483667250649, -4.9458407865724725, -5.166323821421639, -4.9272217558584375,
    -4.448363866086976, -4.1700099216661615, -4.348077248211877, -4.8188515560589,
    -5.149505149003045, -5.036036591406838, -4.582768398698346, -4.206433217402474,
    -4.253031920071618, -4.6797218261174125, -5.094206224556939, -5.115410100098626,
    -4.723838656570689, -4.279500912304894, -4.190918933030145, -4.539534564491288,
    -5.004832218762414, -5.159019391413705, -4.860337074275987, -4.38339243399717,
    -4.166686158057229, -4.409457008715646, -4.888502578612344, -5.163390587445275,
    -4.981390248414056, -4.509831856366174, -4.182264010783212, -4.299851100321786,
    -4.7544840605817, -5.1281754778585595, -5.077355157013909, -4.648747097130792,
    -4.236411552306191, -4.219447921391503, -4.613452493574397, -5.056179295655267,
    -5.140587310668008, -4.789072241064088, -4.32481540310003, -4.174652378436105,
    -4.476642380829827, -4.953137199755685, -5.166049669857995, -4.919629077788369,
];
const S_SWEEP_N100_K20_X: &[f32] = &[
    8.41471, 9.092975, 1.4112, -7.568025, -9.589243, -2.794155, 6.569866, 9.893582, 4.121185,
    -5.4402113, -9.999902, -5.3657293, 4.20167, 9.906074, 6.502878, -2.879033, -9.613975,
    -7.5098724, 1.4987721, 9.129453, 8.366556, -0.08851309, -8.462204, -9.055783, -1.3235174,
    7.6255846, 9.563759, 2.7090578, -6.6363387, -9.880316, -4.0403767, 5.514267, 9.999119,
    5.290827, -4.2818265, -9.9177885, -6.4353814, 2.9636858, 9.637954, 7.451132, -1.5862267,
    -9.1652155, -8.317747, 0.17701925, 8.509035, 9.017883, 1.2357312, -7.6825466, -9.537526,
    -2.6237485, 6.702292, 9.866276, 3.9592514, -5.5878906, -9.997552, -5.21551, 4.3616476,
    9.928726, 6.36738, -3.0481062, -9.661178, -7.391807, 1.673557, 9.20026, 8.268287, -0.26551154,
    -8.5552, -8.979277, -1.1478481, 7.738907, 9.510547, 2.5382335, -6.7677197, -9.851462,
    -3.8778164, 5.6610765, 9.995201, 5.1397843, -4.441127, -9.938887, -6.29888, 3.1322877,
    9.683644, 7.331903, -1.7607563, -9.234585, -8.218179, 0.353983, 8.600694, 8.939966, 1.0598751,
    -7.7946606, -9.482821, -2.45252, 6.8326173, 9.835877, 3.7960775, -5.7338185, -9.992068,
    -5.0636563,
];
const S_SWEEP_N100_K20_SOFTMAX: &[f64] = &[
    0.016060781505632424, 0.03164705156907428, 1.4594221309075247e-5, 1.838878306886312e-9,
    2.4364036543402153e-10, 2.176799793537144e-7, 0.0025384064557378056, 0.07047462163129681,
    0.00021933723450020732, 1.5440124159420095e-8, 1.6158549598578588e-10, 1.6634045854052034e-8,
    0.00023772053782042475, 0.07136045713894029, 0.0023739340440605177, 1.9996608824073175e-7,
    2.3768864188313035e-10, 1.948984456806855e-9, 1.5929898422242254e-5, 0.03282278797445468,
    0.01530571811673235, 3.2573452133154225e-6, 7.519968849210273e-10, 4.153630218280853e-10,
    9.473450995900718e-7, 0.007295479621718439, 0.05067482171828422, 5.343593239664801e-5,
    4.668520309570538e-9, 1.8211172646449123e-10, 6.260243773810029e-8, 0.000883324447520105,
    0.07831891377211526, 0.0007064499804669809, 4.917347666370957e-8, 1.7541378269276388e-10,
    5.707604848486534e-9, 6.893136876629595e-5, 0.05457762948130551, 0.00612759380265323,
    7.284756354971759e-7, 3.7230770219004946e-10, 8.688661145227717e-10, 4.247985440049263e-6,
    0.017649464351616025, 0.029357663657331588, 1.224547948391379e-5, 1.639898363530193e-9,
    2.565721804700074e-10, 2.581219999507077e-7, 0.0028978303145512454, 0.06857623947858581,
    0.00018654584132793745, 1.3320314248438448e-8, 1.619656447035768e-10, 1.9330245440924123e-8,
    0.0002789613408538992, 0.07299540692868965, 0.002073111183885915, 1.6886079689869494e-7,
    2.2672969246585272e-10, 2.1932266216532947e-9, 1.8972349811562916e-5, 0.03523114478557159,
    0.01387317374672433, 2.7289421970956774e-6, 6.852176588479184e-10, 4.4838825778578184e-10,
    1.1292768519101857e-6, 0.00817088465933578, 0.04804879266010949, 4.504487079193538e-5,
    4.093748837463788e-9, 1.8744281211685068e-10, 7.365296818982943e-8, 0.0010230075526738427,
    0.07801268447438504, 0.0006074135977459297, 4.1932201275904613e-8, 1.717516466580445e-10,
    6.542378483263174e-9, 8.159054162425299e-5, 0.05712915711575005, 0.005438880802675408,
    6.118117443149e-7, 3.4735640364825664e-10, 9.598311772411244e-10, 5.070343759153248e-6,
    0.01934364664483386, 0.027157045782423894, 1.027075702744145e-5, 1.4659746536029106e-9,
    2.7099888229611666e-10, 3.063293984227717e-7, 0.003301205177031153, 0.06652299934054313,
    0.00015846014220091613, 1.1511682059500386e-8, 1.62856243562079e-10, 2.250020796261203e-8,
];
const S_SWEEP_N100_K20_LOG_SOFTMAX: &[f64] = &[
    -4.131374910026512, -3.4531102921065897, -11.134884908348045, -20.11411006703945,
    -22.135327890068016, -15.340239837318382, -5.97621877446743, -2.6525026108321756,
    -8.424900128990135, -17.986296250968895, -22.545986726432762, -17.911814286857567,
    -8.34441478505703, -2.6400113846358866, -6.043206765800438, -15.425118043571434,
    -22.16005952611538, -20.05595739141079, -11.047312810569725, -3.4166322495040506,
    -4.179528787284813, -12.634598046093902, -21.00828893437954, -21.601868226676903,
    -13.869602396636925, -4.920500352531395, -2.982326104789695, -9.837027146964989,
    -19.182423665672264, -22.426400735527, -16.58646161809536, -7.031817987113914,
    -2.546966149955711, -7.255258157402, -16.82791145101162, -22.46387346044155,
    -18.981466367393455, -9.582399203926048, -2.9081311966476053, -5.094953134208641,
    -14.132311656623802, -21.711300447135887, -20.86383207097622, -12.369065701514206,
    -4.037049844413719, -3.5282016541061014, -11.310353710800133, -20.228631570487938,
    -22.08361108556362, -15.169833495765648, -5.843792989402733, -2.679809167533836,
    -8.586833551078758, -18.133975579887352, -22.543636872917137, -17.76159484639736,
    -8.184437348991356, -2.617358758598289, -6.178704812675438, -15.594191148429832,
    -22.207262590080223, -19.937892034202537, -10.87252791181179, -3.345824792533836,
    -4.277798249870262, -12.811596497446022, -21.101284577995262, -21.525361611991844,
    -13.693933084159813, -4.807178094535789, -3.0355382706222147, -10.007851436286888,
    -19.313804700523338, -22.39754731908413, -16.42390139356228, -6.88500840917202,
    -2.5508838440475077, -7.406300618797264, -16.987211778312645, -22.484971597343407,
    -18.844965055137596, -9.413797214179954, -2.862440660148582, -5.2141819740829085,
    -14.306841209083519, -21.78066976323696, -20.764263703971825, -12.192101940065346,
    -3.9453912521895975, -3.606118753105125, -11.48620982423397, -20.340745523124657,
    -22.028906419425926, -14.998604848533592, -5.71346767201992, -2.710207536369285,
    -8.750007465034447, -18.27990348592373, -22.5381532455978, -17.609741284995994,
];
const S_SWEEP_N100_K80_X: &[f32] = &[
    33.65884, 36.3719, 5.6448, -30.2721, -38.35697, -11.17662, 26.279465, 39.57433, 16.48474,
    -21.760845, -39.999607, -21.462917, 16.80668, 39.624294, 26.011513, -11.516132, -38.4559,
    -30.03949, 5.9950886, 36.51781, 33.466225, -0.35405236, -33.848816, -36.223133, -5.29407,
    30.502338, 38.255035, 10.836231, -26.545355, -39.521263, -16.161507, 22.057068, 39.996475,
    21.163307, -17.127306, -39.671154, -25.741526, 11.854743, 38.551815, 29.804527, -6.344907,
    -36.660862, -33.27099, 0.708077, 34.03614, 36.071533, 4.942925, -30.730186, -38.150105,
    -10.494994, 26.809168, 39.465103, 15.837006, -22.351562, -39.990208, -20.86204, 17.44659,
    39.714905, 25.46952, -12.192425, -38.64471, -29.567228, 6.694228, 36.80104, 33.073147,
    -1.0620462, -34.2208, -35.917107, -4.5913925, 30.955627, 38.042187, 10.152934, -27.070879,
    -39.40585, -15.511266, 22.644306, 39.980804, 20.559137, -17.764507, -39.755547, -25.19552,
    12.529151, 38.734577, 29.327612, -7.043025, -36.93834, -32.872715, 1.415932, 34.402775,
    35.759865, 4.2395005, -31.178642, -37.931286, -9.81008, 27.33047, 39.34351, 15.18431,
    -22.935274, -39.968273, -20.254625,
];
const S_SWEEP_N100_K80_SOFTMAX: &[f64] = &[
    0.0002865548778127778, 0.00431990432968337, 1.953731238829396e-16, 4.924397111390769e-32,
    1.51753277246053e-35, 9.669745862847076e-24, 1.7880751367102575e-7, 0.10623610058268947,
    9.967599129702795e-12, 2.447621521596273e-28, 2.935963232263934e-36, 3.297104311680476e-28,
    1.3753331989272736e-11, 0.11167902246621365, 1.36777828446406e-7, 6.885991999873397e-24,
    1.3745952111398925e-35, 6.214048126024583e-32, 2.7732762726125696e-16, 0.004998537784250301,
    0.00023635018840273585, 4.848375634162446e-19, 1.3772262005861228e-33, 1.2818949343288323e-34,
    3.468757677611557e-21, 1.219990656846184e-5, 0.028399456435012103, 3.5113544969474744e-14,
    2.0457761903815334e-30, 4.7368840741648126e-36, 6.614638126038667e-26, 2.6219361516626018e-9,
    0.16203458898705944, 1.0726715934195897e-9, 2.518052434685354e-26, 4.077518740456511e-36,
    4.5704262221411274e-30, 9.72318881212191e-14, 0.03821200135776192, 6.0715696718723315e-6,
    1.2128336387141902e-21, 8.274641621923822e-35, 2.4544407390981704e-33, 1.4024041493704647e-18,
    0.0004178950505905073, 0.003199094522693259, 9.683766077775575e-17, 3.1146470505214553e-32,
    1.8662910359559799e-35, 1.911794445658063e-23, 3.0369169477869215e-7, 0.0952435937374363,
    5.2153492535127254e-12, 1.3558104991084648e-28, 2.9636896683496428e-36, 6.012991411847438e-28,
    2.608057711644123e-11, 0.12227093854583225, 7.954840718703274e-8, 3.50151868255773e-24,
    1.1380850166859404e-35, 9.964950482871578e-32, 5.579889571847796e-16, 0.006635110053076768,
    0.00015953075166225676, 2.3884626651784577e-19, 9.494132681815528e-34, 1.740836699408603e-34,
    7.003946401117985e-21, 1.919629564704255e-5, 0.022954668631827532, 1.7730561610641005e-14,
    1.2095557377153858e-30, 5.316383170603465e-36, 1.2673662093398157e-25, 4.716897837983532e-9,
    0.1595151733371165, 5.862449972730302e-10, 1.3314711385472393e-26, 3.747526805835183e-36,
    7.890122926854578e-30, 1.90853607967093e-13, 0.045874609034798175, 3.7685933200673693e-6,
    6.034097838159676e-22, 6.269636305074244e-35, 3.655278906376626e-33, 2.8463659038913454e-18,
    0.0006029683421413913, 0.0023424547362619996, 4.7923765159924666e-17, 1.9890557504372326e-32,
    2.322796209473455e-35, 3.7922400635118943e-23, 5.114829719489315e-7, 0.08433899051822898,
    2.7153216052394504e-12, 7.563037526238745e-29, 3.0294149374994196e-36, 1.1037919912761209e-27,
];
const S_SWEEP_N100_K80_LOG_SOFTMAX: &[f64] = &[
    -8.157580494557656, -5.44452202287797, -36.17162048784379, -72.08852112260942,
    -80.17339241472368, -52.99304020372514, -15.536955952321328, -2.242091297780313,
    -25.33168137041215, -63.57726585832719, -81.81602776018266, -63.279338001881875,
    -25.009739994679727, -2.192126392995157, -15.80490791765336, -53.332553028737344,
    -80.27231895891313, -71.85591042009477, -35.82133209673051, -5.298609852467814,
    -8.35019600359086, -42.17047303882722, -75.66523659196977, -78.03955376115923,
    -47.11049044099931, -11.314082264577188, -3.5613852736103913, -30.980189442311563,
    -68.36177551714067, -81.33768379655962, -57.97792732683305, -19.759352802907266,
    -1.8199454542744538, -20.65311348405961, -58.943726658498086, -81.48757469621782,
    -67.55794632402544, -29.9616776701558, -3.264605641042032, -12.011893391286172,
    -48.16132748094682, -78.47728264299516, -75.08740913835649, -41.10834366050843,
    -7.7802802321064854, -5.744887470876017, -36.87349569765214, -72.54660713640337,
    -79.9665251967061, -52.3114148375142, -15.00725281206254, -2.3513175245869538,
    -25.97941505876664, -64.16798317400102, -81.80662834612016, -62.678460240041055,
    -24.36983025041703, -2.1015158888447663, -16.34690010515336, -54.00884544817094,
    -80.46113121477251, -71.38364899126177, -35.12219250169877, -5.015380024586954,
    -8.743273853932656, -42.878466844235696, -76.03721916643266, -77.73352730241899,
    -46.40781319109086, -10.860793232594766, -3.7742339369404694, -31.66348659959916,
    -68.88729965654497, -81.22227013078813, -57.32768642870072, -19.172114491139688,
    -1.8356162306416413, -21.257283329640664, -59.58092796770219, -81.57196724382524,
    -67.011941075002, -29.287269711171426, -3.081843495045938, -12.488808750783242,
    -48.859445690785684, -78.75475990739946, -74.68913567033891, -40.40048861471299,
    -7.413645863210001, -6.0565558668721104, -37.57692015138749, -72.99506294695024,
    -79.74770653215532, -51.62650024858598, -14.48595154253129, -2.4729109999287506,
    -26.632110714589395, -64.75169479814653, -81.78469383684282, -62.071045994435586,
];
const S_SWEEP_N1000_K20_X: &[f32] = &[
    8.41471, 9.092975, 1.4112, -7.568025, -9.589243, -2.794155, 6.569866, 9.893582, 4.121185,
    -5.4402113, -9.999902, -5.3657293, 4.20167, 9.906074, 6.502878, -2.879033, -9.613975,
    -7.5098724, 1.4987721, 9.129453, 8.366556, -0.08851309, -8.462204, -9.055783, -1.3235174,
    7.6255846, 9.563759, 2.7090578, -6.6363387, -9.880316, -4.0403767, 5.514267, 9.999119,
    5.290827, -4.2818265, -9.9177885, -6.4353814, 2.9636858, 9.637954, 7.451132, -1.5862267,
    -9.1652155, -8.317747, 0.17701925, 8.509035, 9.017883, 1.2357312, -7.6825466, -9.537526,
    -2.6237485, 6.702292, 9.866276, 3.9592514, -5.5878906, -9.997552, -5.21551, 4.3616476,
    9.928726, 6.36738, -3.0481062, -9.661178, -7.391807, 1.673557, 9.20026, 8.268287, -0.26551154,
    -8.5552, -8.979277, -1.1478481, 7.738907, 9.510547, 2.5382335, -6.7677197, -9.851462,
    -3.8778164, 5.6610765, 9.995201, 5.1397843, -4.441127, -9.938887, -6.29888, 3.1322877,
    9.683644, 7.331903, -1.7607563, -9.234585, -8.218179, 0.353983, 8.600694, 8.939966, 1.0598751,
    -7.7946606, -9.482821, -2.45252, 6.8326173, 9.835877, 3.7960775, -5.7338185, -9.992068,
    -5.0636563, 4.520258, 9.948268, 6.2298865, -3.216224, -9.705353, -7.271425, 1.8478174,
    9.268185, 8.167426, -0.44242677, -8.6455145, -8.899956, -0.97181904, 7.849804, 9.454353,
    2.3666139, -6.8969793, -9.819522, -3.714041, 5.806112, 9.9881525, 4.9871316, -4.599035,
    -9.95687, -6.1604047, 3.2999082, 9.7263, 7.210377, -1.9347339, -9.30106, -8.116034, 0.53083587,
    8.689657, 8.859248, 0.88368684, -7.904332, -9.425144, -2.2805226, 6.960801, 9.802397,
    3.6317136, -5.87795, -9.983454, -4.910216, 4.6774516, 9.964692, 6.0904403, -3.383334,
    -9.746487, -7.148764, 2.021499, 9.333205, 8.064006, -0.6192034, -8.73312, -8.817846,
    -0.79548544, 7.958241, 9.395197, 2.1942525, -7.024078, -9.784504, -3.5491018, 5.949328,
    9.977973, 4.832916, -4.7555017, -9.971733, -6.0199986, 3.4664946, 9.765908, 7.0865912,
    -2.1081054, -9.36462, -8.011346, 0.70752233, 8.775898, 8.775753, 0.7072217, -8.011526,
    -9.364514, -2.1078107, 7.086804, 9.765843, 3.4662118, -6.0202394, -9.97171, -4.7552366,
    4.8331795, 9.977993, 5.9490857, -3.5493836, -9.784566, -7.0238633, 2.1945467, 9.395301,
    7.9580584, -0.7957859, -8.817988, -8.732973, -0.6189025, 8.064184, 9.333097, 2.0212035,
    -7.148975, -9.746419, -3.3830502, 6.090679, 9.964666, 4.677185, -4.9104786, -9.983471,
    -5.877706, 3.6319945, 9.802456, 6.960585, -2.280816, -9.425245, -7.9041476, 0.8839871,
    8.859388, 8.689508, 0.53053486, -8.11621, -9.300949, -1.9344382, 7.210586, 9.726231, 3.2996237,
    -6.160642, -9.956841, -4.5987673, 4.987393, 9.988167, 5.8058662, -3.714321, -9.819579,
    -6.896761, 2.366907, 9.454452, 7.849617, -0.9721191, -8.900093, -8.645363, -0.44212562, 8.1676,
    9.268072, 1.8475212, -7.2716317, -9.70528, -3.2159386, 6.230122, 9.948237, 4.519989, -5.063916,
    -9.992081, -5.7335715, 3.7963562, 9.835932, 6.832397, -2.4528122, -9.482917, -7.7944717,
    1.0601748, 8.940102, 8.60054, 0.35368177, -8.21835, -9.234468, -1.7604594, 7.332108, 9.683569,
    3.1320016, -6.299114, -9.938853, -4.4408565, 5.1400433, 9.995211, 5.660828, -3.8780942,
    -9.851515, -6.7674975, 2.538525, 9.51064, 7.738716, -1.1481476, -8.979409, -8.555044,
    -0.2652102, 8.268456, 9.200142, 1.6732599, -7.39201, -9.661099, -3.0478191, 6.3676124,
    9.928691, 4.3613763, -5.2157674, -9.997559, -5.5876403, 3.9595282, 9.866325, 6.702068,
    -2.6240394, -9.537617, -7.6823535, 1.2360303, 9.018014, 8.508877, 0.17671785, -8.317915,
    -9.165095, -1.585929, 7.4513326, 9.637874, 2.963398, -6.435612, -9.91775, -4.281554, 5.291083,
    9.999123, 5.514015, -4.0406523, -9.8803625, -6.636113, 2.709348, 9.563848, 7.6253896,
    -1.3238163, -9.055911, -8.462044, -0.08821166, 8.366721, 9.12933, 1.498474, -7.5100713,
    -9.613892, -2.8787446, 6.5031075, 9.906033, 4.201397, -5.3659835, -9.999904, -5.439958,
    4.1214595, 9.893626, 6.5696387, -2.7944443, -9.589328, -7.5678277, 1.4114985, 9.0931, 8.414547,
    -0.00030144354, -8.414873, -9.092849, -1.4109017, 7.568222, 9.589157, 2.7938654, -6.570093,
    -9.893538, -4.12091, 5.440464, 9.999901, 5.3654747, -4.201944, -9.906115, -6.5026493,
    2.8793218, 9.614058, 7.5096736, -1.4990702, -9.129576, -8.366391, 0.08881453, 8.462364,
    9.0556555, 1.3232187, -7.6257796, -9.563671, -2.7087677, 6.6365643, 9.88027, 4.0401006,
    -5.5145183, -9.999115, -5.290571, 4.2820992, 9.917827, 6.4351506, -2.9639738, -9.638034,
    -7.4509306, 1.5865244, 9.165336, 8.31758, -0.17732064, -8.509193, -9.017754, -1.2354321,
    7.6827397, 9.537436, 2.6234577, -6.7025156, -9.866227, -3.9589746, 5.5881405, 9.997545,
    5.215253, -4.361919, -9.928762, -6.3671474, 3.0483932, 9.661256, 7.391604, -1.6738542,
    -9.200378, -8.268117, 0.26581287, 8.555356, 8.979144, 1.1475487, -7.7390976, -9.510453,
    -2.5379422, 6.7679415, 9.851411, 3.8775384, -5.661325, -9.995193, -5.139526, 4.4413967,
    9.93892, 6.298646, -3.132574, -9.68372, -7.3316984, 1.761053, 9.2347, 8.218007, -0.3542843,
    -8.600848, -8.939832, -1.0595753, 7.7948494, 9.482726, 2.4522276, -6.832837, -9.835823,
    -3.7957985, 5.7340655, 9.992056, 5.0633965, -4.520527, -9.948298, -6.2296505, 3.2165093,
    9.705425, 7.271218, -1.8481137, -9.268298, -8.167253, 0.44272792, 8.645666, 8.899818,
    0.97151905, -7.849991, -9.454255, -2.366321, 6.8971977, 9.819465, 3.713761, -5.8063574,
    -9.988137, -4.9868703, 4.599303, 9.956898, 6.160167, -3.3001928, -9.726371, -7.2101684,
    1.9350296, 9.30117, 8.115858, -0.5311369, -8.689807, -8.859108, -0.8833866, 7.9045167,
    9.425044, 2.280229, -6.9610176, -9.802337, -3.6314328, 5.878194, 9.983437, 4.909953, -4.677718,
    -9.964717, -6.090201, 3.3836176, 9.746554, 7.1485534, -2.021794, -9.333313, -8.0638275,
    0.6195042, 8.733267, 8.817704, 0.79518497, -7.9584236, -9.395094, -2.1939585, 7.0242925,
    9.784441, 3.54882, -5.94957, -9.977953, -4.8326516, 4.755767, 9.971756, 6.0197577, -3.4667773,
    -9.765973, -7.0863786, 2.1084, 9.364725, 8.011166, -0.70782304, -8.776042, -8.775609,
    -0.706921, 8.011706, 9.3644085, 2.107516, -7.0870166, -9.765779, -3.465929, 6.02048, 9.971687,
    4.7549715, -4.8334436, -9.978013, -5.948843, 3.5496655, 9.784628, 7.0236487, -2.1948407,
    -9.395404, -7.9578757, 0.79608643, 8.8181305, 8.732826, 0.6186016, -8.064363, -9.332989,
    -2.0209084, 7.1491857, 9.746351, 3.3827667, -6.0909185, -9.964642, -4.6769185, 4.9107413,
    9.983488, 5.8774624, -3.6322753, -9.802516, -6.9603686, 2.2811096, 9.425346, 7.9039626,
    -0.8842874, -8.859528, -8.68936, -0.53023386, 8.116386, 9.300838, 1.9341425, -7.210795,
    -9.726161, -3.299339, 6.1608796, 9.956814, 4.5985, -4.987654, -9.988181, -5.805621, 3.7146008,
    9.819635, 6.896543, -2.3671997, -9.45455, -7.8494306, 0.9724191, 8.900231, 8.645211, 0.4418245,
    -8.167774, -9.267959, -1.847225, 7.2718387, 9.705208, 3.2156532, -6.230358, -9.948207,
    -4.51972, 5.064176, 9.992092, 5.733325, -3.7966352, -9.835986, -6.8321767, 2.4531043, 9.483013,
    7.794283, -1.0604746, -8.940237, -8.600387, -0.35338053, 8.218522, 9.234353, 1.7601627,
    -7.332313, -9.683495, -3.1317153, 6.2993484, 9.93882, 4.4405866, -5.1403017, -9.99522,
    -5.660579, 3.878372, 9.851566, 6.767276, -2.5388167, -9.510733, -7.738525, 1.148447, 8.979542,
    8.554888, 0.26490888, -8.268626, -9.200024, -1.6729627, 7.392213, 9.661022, 3.047532,
    -6.367845, -9.928655, -4.361105, 5.2160244, 9.997565, 5.5873904, -3.959805, -9.866374,
    -6.701844, 2.6243303, 9.537707, 7.682161, -1.2363294, -9.018144, -8.5087185, -0.17641646,
    8.318082, 9.164974, 1.5856315, -7.451534, -9.637794, -2.96311, 6.435843, 9.917711, 4.281282,
    -5.2913384, -9.999126, -5.513764, 4.040928, 9.880409, 6.6358876, -2.709638, -9.563935,
    -7.6251945, 1.324115, 9.05604, 8.461883, 0.08791023, -8.366886, -9.129207, -1.498176,
    7.5102706, 9.613809, 2.8784559, -6.5033364, -9.905992, -4.201123, 5.366238, 9.999905,
    5.4397054, -4.121734, -9.89367, -6.5694113, 2.7947338, 9.589414, 7.567631, -1.4117969,
    -9.0932255, -8.414384, 0.00060288707, 8.415035, 9.092723, 1.4106032, -7.568419, -9.589071,
    -2.793576, 6.5703206, 9.893495, 4.1206355, -5.4407167, -9.999899, -5.3652205, 4.2022176,
    9.906156, 6.5024204, -2.8796105, -9.6141405, -7.5094743, 1.4993682, 9.129699, 8.366226,
    -0.089115955, -8.462525, -9.055528, -1.32292, 7.6259747, 9.563583, 2.7084775, -6.63679,
    -9.880223, -4.039825, 5.5147696, 9.99911, 5.290315, -4.2823715, -9.917866, -6.43492, 2.9642615,
    9.638115, 7.4507294, -1.5868219, -9.165457, -8.317412, 0.17762205, 8.509352, 9.017623,
    1.2351329, -7.6829324, -9.537345, -2.6231668, 6.7027392, 9.866178, 3.9586978, -5.5883904,
    -9.997539, -5.2149954, 4.3621902, 9.928799, 6.366915, -3.0486803, -9.661333, -7.391401,
    1.6741514, 9.200497, 8.267948, -0.2661142, -8.555511, -8.979012, -1.1472492, 7.739289, 9.51036,
    2.5376506, -6.768163, -9.851359, -3.8772607, 5.6615734, 9.995183, 5.1392674, -4.441667,
    -9.938953, -6.298412, 3.1328604, 9.683795, 7.3314934, -1.7613497, -9.234816, -8.217834,
    0.35458553, 8.601002, 8.939696, 1.0592756, -7.795038, -9.48263, -2.4519353, 6.8330574,
    9.835769, 3.7955196, -5.7343125, -9.992044, -5.0631366, 4.520796, 9.948329, 6.229415,
    -3.216795, -9.705498, -7.271011, 1.8484099, 9.268412, 8.167078, -0.44302908, -8.645818,
    -8.899681, -0.971219, 7.8501773, 9.454157, 2.366028, -6.897416, -9.819407, -3.7134812,
    5.8066025, 9.988123, 4.986609, -4.5995703, -9.956925, -6.1599298, 3.3004773, 9.72644,
    7.2099595, -1.9353254, -9.301281, -8.115682, 0.53143793, 8.689956, 8.858969, 0.8830863,
    -7.904701, -9.424943, -2.2799356, 6.961234, 9.802278, 3.631152, -5.878438, -9.983418,
    -4.909691, 4.6779847, 9.964743, 6.089962, -3.3839014, -9.746621, -7.1483426, 2.0220892,
    9.333422, 8.063649, -0.6198051, -8.733414, -8.817562, -0.79488444, 7.9586062, 9.394991,
    2.1936643, -7.024507, -9.784379, -3.5485382, 5.9498124, 9.977933, 4.832388, -4.756032,
    -9.971778, -6.0195174, 3.46706, 9.766038, 7.086166, -2.1086946, -9.364831, -8.010985,
    0.70812374, 8.776187, 8.775464, 0.7066203, -8.011888, -9.364303, -2.1072214, 7.0872293,
    9.765714, 3.4656463, -6.020721, -9.971664, -4.7547064, 4.8337073, 9.978033, 5.948601,
    -3.5499473, -9.78469, -7.023434, 2.1951349, 9.395507, 7.957693, -0.7963869, -8.818273,
    -8.732679, -0.6183008, 8.064541, 9.332881, 2.0206132, -7.1493964, -9.7462845, -3.382483,
    6.0911574, 9.964616, 4.6766524, -4.9110036, -9.983505, -5.8772182, 3.6325562, 9.802575,
    6.960152, -2.281403, -9.4254465, -7.903778, 0.88458765, 8.859668, 8.68921, 0.5299328,
    -8.116562, -9.300727, -1.9338467, 7.211004, 9.72609, 3.2990546, -6.161117, -9.956786,
    -4.598232, 4.9879155, 9.988196, 5.8053756, -3.7148807, -9.819693, -6.8963246, 2.3674927,
    9.454648, 7.8492436, -0.97271913, -8.900369, -8.64506, -0.44152334, 8.167948, 9.267845,
    1.8469287, -7.2720456, -9.705135, -3.2153678, 6.2305937, 9.948176, 4.519451, -5.0644364,
    -9.992105, -5.733078, 3.796914, 9.8360405, 6.831957, -2.4533966, -9.4831085, -7.794094,
    1.0607743, 8.9403715, 8.600233, 0.35307926, -8.218694, -9.234238, -1.759866, 7.332518,
    9.683419, 3.131429, -6.2995825, -9.9387865, -4.440316, 5.14056, 9.99523, 5.660331, -3.87865,
    -9.851618, -6.7670536, 2.5391083, 9.510826, 7.738334, -1.1487465, -8.979674, -8.554731,
    -0.26460752, 8.268795,
];
const S_SWEEP_N1000_K20_SOFTMAX: &[f64] = &[
    0.001602387025794489, 0.003157431960652086, 1.4560680542870498e-6, 1.8346521555854606e-10,
    2.430804256906122e-11, 2.1717970235089703e-8, 0.0002532572633181505, 0.007031265527780361,
    2.1883314875650317e-5, 1.5404639320343316e-9, 1.6121413658070632e-11, 1.6595817117402488e-9,
    2.3717420315739316e-5, 0.0071196454938447905, 0.0002368478215683582, 1.9950652169911778e-8,
    2.3714238052405603e-11, 1.9445052570867714e-10, 1.5893287972987686e-6, 0.0032747353908167453,
    0.0015270542172632483, 3.249859109608057e-7, 7.502686288414684e-11, 4.144084252305559e-11,
    9.451678898693444e-8, 0.0007278712987092211, 0.00505583597083061, 5.331312474028238e-6,
    4.657791011658078e-10, 1.8169319321690435e-11, 6.245856341390354e-9, 8.812943714955083e-5,
    0.007813891949077549, 7.048264013031196e-5, 4.906046507855384e-9, 1.7501064280953282e-11,
    5.694487503219668e-10, 6.877294915109345e-6, 0.005445219795113517, 0.0006113511229367551,
    7.268014364797282e-8, 3.7145205629220227e-11, 8.668692669628189e-11, 4.2382226247905086e-7,
    0.0017608901957438233, 0.002929019321734066, 1.2217336648764398e-6, 1.6361295123907003e-10,
    2.5598252053971457e-11, 2.575287781905809e-8, 0.0002891170456034439, 0.006841863602946435,
    1.8611711749828317e-5, 1.3289701203965644e-9, 1.6159341163220173e-11, 1.9285820238011016e-9,
    2.783202256538764e-5, 0.007282764724998084, 0.0002068346713342226, 1.6847271723414956e-8,
    2.262086172097208e-11, 2.1881860991209165e-10, 1.8928747132399166e-6, 0.003515017577973339,
    0.0013841290108172993, 2.722670481032132e-7, 6.83642876281034e-11, 4.473577618514769e-11,
    1.12668152256248e-7, 0.0008152106149250125, 0.004793836584891463, 4.494134766124145e-6,
    4.084340492218745e-10, 1.8701202684884444e-11, 7.348369728910623e-9, 0.00010206564538092125,
    0.007783339397607437, 6.060176262144501e-5, 4.1835831751990986e-9, 1.7135692317785058e-11,
    6.527342642536704e-10, 8.14030284145255e-6, 0.005699786160763669, 0.0005426381045027865,
    6.104056648644927e-8, 3.4655810138342504e-11, 9.576252717371524e-11, 5.05869098159137e-7,
    0.0019299190642973847, 0.0027094632851709082, 1.0247152543659298e-6, 1.4626055178280535e-10,
    2.7037606659664592e-11, 3.056253853400215e-8, 0.0003293618273373069, 0.006637011469388285,
    1.580959655538875e-5, 1.1485225654022896e-9, 1.6248196369646515e-11, 2.244849748085012e-9,
    3.261582475590289e-5, 0.007426482294959935, 0.00018026467265685035, 1.424022870433248e-8,
    2.1643332026801285e-11, 2.468116340072492e-10, 2.2532126982726645e-6, 0.003762068825399707,
    0.0012513343638821705, 2.2811916610724967e-7, 6.246058466667264e-11, 4.842878901146731e-11,
    1.3435370051827925e-7, 0.0009108184284899117, 0.00453188376972282, 3.7854073663980107e-6,
    3.5890971575733485e-10, 1.9308169503725417e-11, 8.65601043012699e-9, 0.00011799608610527359,
    0.0077286705938326905, 5.202223578002804e-5, 3.5724803679536927e-9, 1.683028802175527e-11,
    7.496793025834617e-10, 9.625807799644779e-6, 0.005948175912962009, 0.0004805430694591064,
    5.12933469181454e-8, 3.2426969800306445e-11, 1.0606123824741781e-10, 6.037322401508319e-7,
    0.0021094802181804827, 0.0024993545662919557, 8.591828492386866e-7, 1.3106823162961327e-10,
    2.8642911777468416e-11, 3.62983518548225e-8, 0.00037440599894467906, 0.0064184787707928055,
    1.3413387447794673e-5, 9.9436069114521e-10, 1.6388771735546468e-11, 2.617132014005731e-9,
    3.8167762789518855e-5, 0.007549463336876998, 0.0001568013811151041, 1.2048750965806712e-8,
    2.0771119512037352e-11, 2.7902072640038266e-10, 2.680594400757072e-6, 0.004014808245879707,
    0.0011283881691743964, 1.911563219842953e-7, 5.7221530567771624e-11, 5.257306427052741e-11,
    1.6026192127899215e-7, 0.0010151387976650862, 0.004271569304820303, 3.186082589308298e-6,
    3.160727183220719e-10, 1.9996280153321394e-11, 1.0208218102125041e-8, 0.00013616502761139377,
    0.0076503955168919875, 4.458758360021864e-5, 3.0550414931447604e-9, 1.6581989018295126e-11,
    8.626867526455876e-10, 1.1370635546230172e-5, 0.006188499220351414, 0.00042459292503380395,
    4.312873587739542e-8, 3.0430031283267365e-11, 1.1776655733799057e-10, 7.204076658699817e-7,
    0.0022994784663893744, 0.00229914516160735, 7.201911108654112e-7, 1.1774533248301788e-10,
    3.0433252711431415e-11, 4.314144715743848e-8, 0.00042468323254724445, 0.006188097910096089,
    1.1367420789427326e-5, 8.624790403001716e-10, 1.6582368554247554e-11, 3.0558515575836527e-9,
    4.459934249271752e-5, 0.007650548734126247, 0.00013613204790518125, 1.0205341721734861e-8,
    1.999504064571722e-11, 3.161405474466428e-10, 3.1870200998775993e-6, 0.004272013359666872,
    0.0010149534211836347, 1.6021377509153026e-7, 5.2565594301683525e-11, 5.72299350733473e-11,
    1.9121384656394753e-7, 0.0011285894205897288, 0.004014375612586971, 2.6798026684553053e-6,
    2.7896192562407223e-10, 2.077252599036107e-11, 1.2052169899631905e-8, 0.0001568388447210794,
    0.007549268946688955, 3.815759045289044e-5, 2.6164444861977746e-9, 1.6388490406048877e-11,
    9.946034846224915e-10, 1.341715522178733e-5, 0.006418858292590795, 0.0003743251332750526,
    3.6287700095995525e-8, 2.864001642682884e-11, 1.3109242066601847e-10, 8.594408904517072e-7,
    0.002499704975681197, 0.002109166407415989, 6.035505420072345e-7, 1.060425275404357e-10,
    3.2430557271854856e-11, 5.130851347569127e-8, 0.0004806434436072828, 0.005947761825926549,
    9.62307028808102e-6, 7.495013011946322e-10, 1.6830769547046233e-11, 3.5734361544549016e-9,
    5.203583131827358e-5, 0.007728781154143157, 0.00011796711322990573, 8.653587922324371e-9,
    1.9307064713012883e-11, 3.589881071189458e-10, 3.7865167154854937e-6, 0.0045323289515263035,
    0.0009106481940686671, 1.3431339376707316e-7, 4.8422138786027795e-11, 6.247005654659114e-11,
    2.281878751024813e-7, 0.0012515515752429957, 0.003761645490186855, 2.2525453164743517e-6,
    2.4676056228416336e-10, 2.1644900776082012e-11, 1.424429326099803e-8, 0.00018030714036420032,
    0.007426255660164495, 3.260705436071931e-5, 2.244266440745071e-9, 1.6247994929556867e-11,
    1.1488062874071096e-9, 1.581400348299886e-5, 0.006637372263394911, 0.00032928927732445065,
    3.055360637349077e-8, 2.703502827550864e-11, 1.4628817240697444e-10, 1.0250223995098723e-6,
    0.002709830230284099, 0.0019296227642518107, 5.057167321543201e-7, 9.574608985730664e-11,
    3.4659842516355315e-11, 6.105868791620439e-8, 0.0005427493784152211, 0.00569935675350573,
    8.137974215256784e-6, 6.525814593979934e-10, 1.7136264292768875e-11, 4.184714429565258e-9,
    6.061745581756161e-5, 0.0077834136256701774, 0.00010204029214164668, 7.34632894647726e-9,
    1.8700221793491814e-11, 4.085248158495574e-10, 4.495445383624123e-6, 0.0047942846381938365,
    0.0008150551406674813, 1.1263441840831518e-7, 4.472984637103927e-11, 6.837491560837506e-11,
    2.7234910304401183e-7, 0.0013843639922365577, 0.0035146019319838165, 1.8923122557353935e-6,
    2.1877416522673546e-10, 2.262263077079891e-11, 1.685210852751207e-8, 0.000206882707996045,
    0.007282507750262094, 2.7824472195809075e-5, 1.9280854931615357e-9, 1.6159233288339783e-11,
    1.3293028557693935e-9, 1.861686425861998e-5, 0.006842202906658495, 0.0002890522578409256,
    2.574538815163755e-8, 2.5595932981450706e-11, 1.6364455106779545e-10, 1.2220991353126533e-6,
    0.0029294020330132005, 0.0017606114513932928, 4.236945392455097e-7, 8.667237780448935e-11,
    3.7149669375405205e-11, 7.270178124647433e-8, 0.0006114738630427103, 0.005444783603418786,
    6.875316112262021e-6, 5.693173428735176e-10, 1.7501731906307726e-11, 4.907382478714128e-9,
    7.050069033555377e-5, 0.007813921756766654, 8.810725159238468e-5, 6.244135146399661e-9,
    1.816847028848227e-11, 4.658841666841453e-10, 5.332859607632804e-6, 0.005056284401461298,
    0.0007277293584333413, 9.448854613832163e-8, 4.143554703842399e-11, 7.503888444743733e-11,
    3.250838856246345e-7, 0.0015273061800907132, 0.0032743325445935808, 1.5888550215738734e-6,
    1.9441186479704396e-10, 2.3716205696431304e-11, 1.9956408493615062e-8, 0.00023690215090065234,
    0.007119353537439981, 2.3710940944946615e-5, 1.659159975664403e-9, 1.6121382908943656e-11,
    1.5408540277040492e-9, 2.1889326133075275e-5, 0.007031573989264165, 0.00025319966616870116,
    2.1711685092048204e-8, 2.4305979462544283e-11, 1.8350143710894176e-10, 1.456502755566077e-6,
    0.0031578264474848906, 0.0016021257325356025, 3.5495587223000905e-7, 7.866332821562178e-11,
    3.993293503644672e-11, 8.660809232111124e-8, 0.0006872936840825935, 0.005185889960046573,
    5.803174439595789e-6, 4.976798733777467e-10, 1.7930653345875407e-11, 5.76257690505136e-9,
    8.185944265283026e-5, 0.007820004903582449, 7.594537589544656e-5, 5.314032946955435e-9,
    1.7706567614819515e-11, 5.3240309161158e-10, 6.320899072247448e-6, 0.005316642019046946,
    0.0006482090407973281, 7.92989394111834e-8, 3.849292550602466e-11, 8.257104041446372e-11,
    3.880403963481546e-7, 0.0016805961144705204, 0.0030417707919174137, 1.3334350352689649e-6,
    1.7316944602506847e-10, 2.493765945034338e-11, 2.365388256684504e-8, 0.00027072509528735074,
    0.006938283211245127, 2.0178954749335512e-5, 1.430146177035917e-9, 1.613410267613083e-11,
    1.7891196959964847e-9, 2.5703801254609012e-5, 0.0072038169411624015, 0.00022133784973872415,
    1.8326006314387538e-8, 2.315049896367839e-11, 2.0625630723714954e-10, 1.7350981979809311e-6,
    0.0033943762530267638, 0.0014540671875694204, 2.9736914439425094e-7, 7.158294020465241e-11,
    4.304717466701447e-11, 1.0322001455468836e-7, 0.0007706847284150943, 0.004924485958946317,
    4.893938081092399e-6, 4.3595306940539994e-10, 1.842711185909941e-11, 6.775548493022562e-9,
    9.488637568966999e-5, 0.007801605969687665, 6.535229244868569e-5, 4.528433144594664e-9,
    1.7310058777723155e-11, 6.096608110217046e-10, 7.485238583422651e-6, 0.005573594624240606,
    0.0005760206953113539, 6.658242739961173e-8, 3.586176846312365e-11, 9.109776310652212e-11,
    4.6317631685982714e-7, 0.001844374857472686, 0.0028177211632291637, 1.118611650119041e-6,
    1.5461723411750845e-10, 2.630073739193399e-11, 2.8060215387581435e-8, 0.0003087343250668656,
    0.006740912014715876, 1.7151370540833716e-5, 1.2348752388860062e-9, 1.6197512368026146e-11,
    2.0808345336681294e-9, 3.014250663051134e-5, 0.007357383632302791, 0.00019309564110552596,
    1.548266235740328e-8, 2.2116646619444512e-11, 2.3237484593164703e-10, 2.0659550404968917e-6,
    0.003638183674845382, 0.0013162561429319979, 2.491389156827479e-7, 6.53137122499658e-11,
    4.6535639830290693e-11, 1.2306585300867904e-7, 0.0008621153155673083, 0.004662307330269188,
    4.12376769765648e-6, 3.8268534419473874e-10, 1.899597551265235e-11, 7.976473381127939e-9,
    0.00010979392233563491, 0.007758897556853766, 5.6144913904940525e-5, 3.8642516294392735e-9,
    1.6975170989348557e-11, 6.995237198503865e-10, 8.85559076937295e-6, 0.00582529490823672,
    0.000510687300121182, 5.59344945380426e-8, 3.350692224217903e-11, 1.0076566373933538e-10,
    5.528146895541943e-7, 0.0020186934317640466, 0.0026028390306164096, 9.380600580131563e-7,
    1.3838772623285544e-10, 2.7821110321936315e-11, 3.331387026781847e-8, 0.00035133400988960007,
    0.006528969020430274, 1.456033038745161e-5, 1.0681599956498935e-9, 1.631219447671441e-11,
    2.4240134887511606e-9, 3.5298568525516385e-5, 0.007490848678627539, 0.0001681248503054639,
    1.3093318851353296e-8, 2.119317909754559e-11, 2.6240309160324845e-10, 2.458543911039692e-6,
    0.0038882326114779812, 0.0011884410921825543, 2.0875431857941716e-7, 5.975442594834505e-11,
    5.044795594351893e-11, 1.467761019641319e-7, 0.00096204029805131, 0.004400985193595251,
    3.472131721744504e-6, 3.3664622181678433e-10, 1.964285203232751e-11, 9.401433240285666e-9,
    0.0001268155283724603, 0.007692308612989363, 4.8158264301278314e-5, 3.3021598658155023e-9,
    1.6698740365677618e-11, 8.042010496379023e-10, 1.0466265570963256e-5, 0.006069879410729025,
    0.000451733775546336, 4.7016605177963885e-8, 3.1397780710525884e-11, 1.1174535716855492e-10,
    6.597092020948532e-7, 0.002203509230231704, 0.0023976487376298045, 7.86411263511602e-7,
    1.2416689476544606e-10, 2.9516702301613996e-11, 3.958049319532589e-8, 0.00039894841058437687,
    0.006304258503654434, 1.2346339982918498e-5, 9.25635030757442e-10, 1.647917139084623e-11,
    2.828208031172945e-9, 4.127704405092727e-5, 0.007602980528297321, 0.00014610088706610295,
    1.1084165929049366e-8, 2.0370282723806486e-11, 2.969820283356805e-10, 2.923962594288458e-6,
    0.004143370042613203, 0.0010703117729695944, 1.7494504282557266e-7, 5.4817430386768937e-11,
    5.484116972644182e-11, 1.7510292437088758e-7, 0.0010708906827304509, 0.004142058376976987,
    2.921378789628625e-6, 2.967926118218605e-10, 2.0374246138886447e-11, 1.1093572542011629e-8,
    0.00014620646969106958, 0.0076024584909776816, 4.124422681294341e-5, 2.8259689022506095e-9,
    1.6478181327550563e-11, 9.263083757439913e-10, 1.235678239085076e-5, 0.006305437006840117,
    0.0003986916781008611, 3.9545592708992475e-8, 2.950755518994484e-11, 1.2423494269523434e-10,
    7.871205019457136e-7, 0.002398671054998711, 0.002202538583346336, 6.591140217406538e-7,
    1.1168558813067735e-10, 3.1407963068646716e-11, 4.7058267409506283e-8, 0.00045201949083814634,
    0.006068646545386045, 1.0457363447099604e-5, 8.03624129893567e-10, 1.6699998500695582e-11,
    3.3048015135460363e-9, 4.8196238178315514e-5, 0.0076927047648764095, 0.00012672280076388593,
    9.393515199073684e-9, 1.9639330565925126e-11, 3.368647678317465e-10, 3.475190209903215e-6,
    0.004402315877502895, 0.0009615073938171948, 1.4664394485094773e-7, 5.0426791579534405e-11,
    5.978115848283163e-11, 2.08942911031186e-7, 0.001189069153784969, 0.003886942404148897,
    2.45636376741252e-6, 2.622387307624426e-10, 2.1197626069964682e-11, 1.3104502398396695e-8,
    0.0001682446642325103, 0.007490220047966926, 3.5270235371940064e-5, 2.422114000019886e-9,
    1.6311478892448346e-11, 1.0689467036697941e-9, 1.4572561980689908e-5, 0.006530083660868486,
    0.00035110406769988723, 3.328461447228229e-8, 2.7812913055787122e-11, 1.3846528433997245e-10,
    9.389047203886256e-7, 0.0026039140714628354, 0.0020177753316134956, 5.523154870361098e-7,
    1.007131120464416e-10, 3.35183000435518e-11, 5.598422591218968e-8, 0.0005110044546769842,
    0.0058240284069505, 8.848012201583711e-6, 6.990288935355413e-10, 1.6976725183813406e-11,
    3.86737059842672e-9, 5.618870316165652e-5, 0.007759178741479045, 0.00010971264694727059,
    7.969802968057547e-9, 1.8992877933685768e-11, 3.8293816051789654e-10, 4.127384446047786e-6,
    0.004663645865526841, 0.0008616270805915234, 1.2295522780670373e-7, 4.65167822182391e-11,
    6.534386660551242e-11, 2.493641781054614e-7, 0.0013169341685289806, 0.003636920944220827,
    2.064116632192763e-6, 2.322320622217024e-10, 2.212162491001996e-11, 1.5495964326747704e-8,
    0.00019323131548288624, 0.007356646931668823, 3.0118096678485406e-5, 2.07922081904006e-9,
    1.6197064406826187e-11, 1.235796519377556e-9, 1.716567236242843e-5, 0.006741959963614212,
    0.0003085288799197464, 2.803568691318786e-8, 2.629338929364707e-11, 1.5470580589506725e-10,
    1.1196170189547132e-6, 0.0028188419435944247, 0.0018435114235723737, 4.6275779751819834e-7,
    9.105138228074763e-11, 3.587449328664194e-11, 6.664181651722532e-8, 0.0005763715532501065,
    0.005572292504826181, 7.478795310940958e-6, 6.092356521745309e-10, 1.7311924300147857e-11,
    4.532120613221325e-9, 6.540273266955356e-5, 0.007801762215268278, 9.481523143927139e-5,
    6.769924332358522e-9, 1.8424405744473123e-11, 4.3624586078332007e-10, 4.89821045397765e-6,
    0.0049258246022552705, 0.0007702387233047951, 1.0312743798113596e-7, 4.303038727039942e-11,
    7.16169451511545e-11, 2.976381434698464e-7, 0.0014547967781827383, 0.003393149602659361,
    1.7335496591337364e-6, 2.061319311533591e-10, 2.31560632974194e-11, 1.8341842983563914e-8,
    0.0002214911499482129, 0.00720298570760443, 2.568280214883825e-5, 1.7877475543673794e-9,
    1.613391803703526e-11, 1.4312254239522356e-9, 2.019565595782719e-5, 0.006939249340428549,
    0.00027054197600346995, 2.3633301619617145e-8, 2.4931072594123144e-11, 1.7327079351008232e-10,
    1.3346307751035757e-6, 0.003042940062644669, 0.0016797869249591682, 3.8768965029568406e-7,
    8.253018141503011e-11, 3.8507134787466984e-11, 7.936987935320054e-8, 0.0006485961372106172,
    0.005315318823701244, 6.315427945588421e-6, 5.320373912056508e-10, 1.7708746081359394e-11,
    5.318395627521689e-9, 7.600337596886037e-5, 0.00782003473459067, 8.179736370804422e-5,
    5.757830643664997e-9, 1.7928293700658808e-11, 4.980193456305955e-10, 5.808215643097503e-6,
    0.005187220510574762, 0.0006868874225139194, 8.653059010511936e-8, 3.991789507867423e-11,
    7.870182247864896e-11, 3.552770148765117e-7, 0.0016029082115103018, 0.00315663711400916,
    1.4551992143805092e-6, 1.8339296880285903e-10, 2.431221567929034e-11, 2.1730545980007612e-8,
    0.0002533723761087506, 0.007030648645406979, 2.18712973127904e-5, 1.5396855053074963e-9,
    1.612145978187106e-11, 1.6604262972708155e-9, 2.373040700063364e-5, 0.007120229442573278,
    0.0002367394260515392, 1.993913499544971e-8, 2.3710303254084647e-11, 1.9452796335603846e-10,
    1.59027639346032e-6, 0.0032755412319575637, 0.0015265504163019317, 3.247900477879849e-7,
    7.500275400674691e-11, 4.145143552270241e-11, 9.457327746421578e-8, 0.0007281552623207816,
    0.00505494887041728, 5.328219553221089e-6, 4.655690412064572e-10, 1.817100017791304e-11,
    6.2493031347432435e-9, 8.817374093530169e-5, 0.007813824882192802, 7.044658717430329e-5,
    4.903373319029638e-9, 1.7499712417611392e-11, 5.697116562186194e-10, 6.881255870160346e-6,
    0.005446097477138962, 0.0006111051338365871, 7.263689642747595e-8, 3.713624432992075e-11,
    8.671594910802839e-11, 4.2407781814545943e-7, 0.0017614478168463522, 0.0029282568417690453,
    1.2210029062997489e-6, 1.6354984787288595e-10, 2.5602890829377923e-11, 2.5767863691057282e-8,
    0.0002892463888490628, 0.006841191570265109, 1.8601411009962854e-5, 1.3283061662600824e-9,
    1.6159556915141394e-11, 1.9295745486275843e-9, 2.784712945164113e-5, 0.007283292593438576,
    0.0002067385328886416, 1.6837602279524963e-8, 2.2617345605888658e-11, 2.1890752637188673e-10,
    1.8940001298413199e-6, 0.0035158490174243325, 0.001383660487189824, 2.721030123801542e-7,
    6.83429714462744e-11, 4.474763817180651e-11, 1.1273565026485782e-7, 0.0008155220412884204,
    0.004792940603902229, 4.491515748179174e-6, 4.0825296580218785e-10, 1.8703128948604406e-11,
    7.352454747661396e-9, 0.00010211637075906286, 0.007783198366238464, 6.057044618100164e-5,
    4.181323577630483e-9, 1.713454842509101e-11, 6.530399813132153e-10, 8.144965976818083e-6,
    0.005700645072340619, 0.0005424158837570123, 6.100435430453133e-8, 3.4647812875056484e-11,
    9.579550163036656e-11, 5.061739829855668e-7, 0.0019305136419695155, 0.0027087321272517835,
    1.0241011180736865e-6, 1.462053261786068e-10, 2.7042789955718672e-11, 3.058041068957629e-8,
    0.00032950681819872587, 0.006636289940210045, 1.5800778849694395e-5, 1.1479553315887895e-9,
    1.624858376145371e-11, 2.2460168176265686e-9, 3.263337262388527e-5, 0.0074269355853003784,
    0.0001801796813306406, 1.4232099676891909e-8, 2.164019486932453e-11, 2.4691380916635946e-10,
    2.254548055121442e-6, 0.003762922815955925, 0.0012508988612967744, 2.279818101768611e-7,
    6.244164521507447e-11, 4.8442092202468354e-11, 1.3443434229894934e-7, 0.0009111585583336498,
    0.004530993537293678, 3.7831905451403156e-6, 3.5875298438476884e-10, 1.931037927480942e-11,
    8.660857480411387e-9, 0.00011805399691253797, 0.007728442107536176, 5.199505535903479e-5,
    3.570567859235333e-9, 1.682935711192267e-11, 7.500354321934664e-10, 9.63128745552254e-6,
    0.005949009846937152, 0.0004803423840426395, 5.126301502916307e-8, 3.241979604770512e-11,
    1.0609856838268631e-10, 6.040958365614145e-7, 0.002110109992143469, 0.0024986562777712467,
    8.586670503952224e-7, 1.310198669459864e-10, 2.8648676035370428e-11, 3.631966475342929e-8,
    0.0003745681399119189, 0.006417713674102764, 1.3405855073684545e-5, 9.938757558985056e-10,
    1.6389350039124623e-11, 2.6185063630564305e-9, 3.818811559895197e-5, 0.0075498449321729465,
    0.00015672640601446843, 1.2041916007508738e-8, 2.076832664728571e-11, 2.791383651384461e-10,
    2.682177288205892e-6, 0.00401567748199283, 0.0011279857739995112, 1.9104133612364383e-7,
    5.7204725259171526e-11, 5.25880073929834e-11, 1.603582666219054e-7, 0.0010155096522086076,
    0.004270689479280314, 3.184209154612198e-6, 3.159371037287768e-10, 1.9998778471360818e-11,
    1.0213973295261423e-8, 0.00013623101099500428, 0.007650089091628834, 4.456405386551581e-5,
    3.0534220084210512e-9, 1.658124578555114e-11, 8.631019158604933e-10, 1.1377067787535238e-5,
    0.006189301918941017, 0.0004244123676136398, 4.3103334828669365e-8, 3.042361846409909e-11,
    1.1780901852664666e-10, 7.208410571780877e-7, 0.002300143027328638, 0.002298480888973019,
    7.197581103245622e-7, 1.177027819981618e-10, 3.043969659089015e-11, 4.316688095776923e-8,
    0.00042486390520126457, 0.006187295367655954, 1.1360994002235818e-5, 8.620637656323542e-10,
    1.6583127652213574e-11, 3.057472330900207e-9, 4.462289085974762e-5, 0.0076508551778004365,
    0.00013606604757290298, 1.0199591392168346e-8, 1.999256186100385e-11, 3.162762493672468e-10,
    3.188895188397972e-6, 0.0042728934579459085, 0.0010145827697704355, 1.6011751656101737e-7,
    5.255065754800979e-11, 5.724674778795634e-11, 1.9132893625689963e-7, 0.0011289920311081767,
    0.004013506658277331, 2.6782211823887936e-6, 2.788443612438342e-10, 2.0775319419828276e-11,
    1.2059007802918907e-8, 0.00015691387361037497, 0.007548887380505307, 3.813727209746031e-5,
    2.6150712193436063e-9, 1.6387927761541508e-11, 9.950887749450756e-10, 1.342469394513386e-5,
    0.006419623525738126, 0.0003741630974991704, 3.626640595470678e-8, 2.8634253911283683e-11,
    1.311408746649581e-10, 8.59957154138682e-7, 0.0025004035572769156, 0.002108536915071068,
    6.031872738014344e-7, 1.0600521712279632e-10, 3.2437764340714694e-11, 5.133887228571655e-8,
    0.0004808442548054131, 0.0059469280668993625, 9.617595307305114e-6, 7.491454251991317e-10,
    1.6831700535007173e-11, 3.5753501995226123e-9, 5.206303305490407e-5, 0.0077290096504633605,
    0.00011790924504300433, 8.648744940449329e-9, 1.9304873731782146e-11, 3.591447699579059e-10,
    3.7887354857661207e-6, 0.00453321944633257, 0.0009103082547407465, 1.3423282453858588e-7,
    4.84087949083973e-11, 6.248900461575593e-11, 2.2832534837955053e-7, 0.0012519873050718723,
    0.0037607917895180988, 2.2512111458370462e-6, 2.466584505399938e-10, 2.164803861576938e-11,
    1.425242585507225e-8, 0.0001803921918132398, 0.007425802411322122, 3.258952064479572e-5,
    2.2430992111365857e-9, 1.6247607551788354e-11, 1.1493733936353657e-9, 1.5822828568767673e-5,
    0.006638093910248503, 0.0003291443821862064, 3.0535757163494506e-8, 2.7029846467137098e-11,
    1.4634342930437645e-10, 1.0256370882791664e-6, 0.002710561684610063, 0.001929030300626319,
    5.054121227447332e-7, 9.571322368823573e-11, 3.466784255627284e-11, 6.109493235055173e-8,
    0.0005429719946985884, 0.005698503470552547, 8.133315082796933e-6, 6.5227595699295e-10,
    1.7137408300013272e-11, 4.186975859558617e-9, 6.064879656316659e-5, 0.007783562083919356,
    0.00010198955592244451, 7.342247331217369e-9, 1.8698295829184182e-11, 4.0870621473647165e-10,
    4.498067765375541e-6, 0.004795176297395005, 0.0008147438926011091, 1.1256698101006871e-7,
    4.471798910074341e-11, 6.839630698136264e-11, 2.725132952429294e-7, 0.0013848327540790719,
];
const S_SWEEP_N1000_K20_LOG_SOFTMAX: &[f64] = &[
    -6.4362608703787885, -5.757996252458867, -13.439770868700322, -22.418996027391728,
    -24.440213850420292, -17.64512579767066, -8.281104734819706, -4.9573885711844525,
    -10.729786089342412, -20.29118221132117, -24.85087268678504, -20.216700247209843,
    -10.649300745409306, -4.9448973449881635, -8.348092726152714, -17.73000400392371,
    -24.464945486467656, -22.360843351763066, -13.352198770922001, -5.7215182098563275,
    -6.484414747637089, -14.939484006446179, -23.313174894731816, -23.90675418702918,
    -16.1744883569892, -7.225386312883671, -5.287212065141972, -12.141913107317265,
    -21.48730962602454, -24.731286695879277, -18.891347578447636, -9.33670394746619,
    -4.851852110307988, -9.560144117754277, -19.132797411363896, -24.768759420793828,
    -21.286352327745732, -11.887285164278325, -5.213017156999882, -7.399839094560917,
    -16.43719761697608, -24.016186407488163, -23.168718031328495, -14.673951661866482,
    -6.3419358047659955, -5.833087614458378, -13.615239671152409, -22.533517530840214,
    -24.388497045915898, -17.474719456117924, -8.14867894975501, -4.984695127886113,
    -10.891719511431035, -20.43886154023963, -24.848522833269413, -20.066480806749638,
    -10.489323309343632, -4.922244718950566, -8.483590773027714, -17.89907710878211,
    -24.5121485504325, -22.242777994554814, -13.177413872164067, -5.650710752886113,
    -6.5826842102225385, -15.116482457798298, -23.40617053834754, -23.83024757234412,
    -15.99881904451209, -7.112064054888066, -5.340424230974492, -12.312737396639164,
    -21.618690660875615, -24.702433279436406, -18.728787353914555, -9.189894369524296,
    -4.855769804399785, -9.71118657914954, -19.29209773866492, -24.789857557695683,
    -21.149851015489872, -11.71868317453223, -5.167326620500859, -7.519067934435185,
    -16.611727169435795, -24.085555723589238, -23.0691496643241, -14.496987900417622,
    -6.250277212541874, -5.911004713457402, -13.791095784586247, -22.645631483476933,
    -24.333792379778203, -17.30349080888587, -8.018353632372197, -5.015093496721562,
    -11.054893425386723, -20.584789446276005, -24.843039205950078, -19.91462724534827,
    -10.330712965410527, -4.902702978533085, -8.621084383409794, -18.067194870394047,
    -24.556323698442753, -22.122395685594853, -13.003153494280156, -5.582786253374394,
    -6.6835448059256635, -15.29339768616515, -23.496485403459843, -23.750926664751347,
    -15.822789958399113, -7.001166990679081, -5.396617582720097, -12.484357050340947,
    -21.747950247209843, -24.670492819231328, -18.565011909883793, -9.044859102648076,
    -4.862818411272343, -9.863839319628056, -19.450005701463994, -24.807840994280156,
    -21.011375597399052, -11.551062754076298, -5.12467067567664, -7.640593698900517,
    -16.785704782884892, -24.15203063814002, -22.967004469316777, -14.320135048311528,
    -6.161313703935917, -5.99172275392371, -13.967284074705418, -22.755303076189335,
    -24.27611511079627, -17.13149350015479, -7.890169790666874, -5.048574140947636,
    -11.219257286470707, -20.72892110673743, -24.83442466584998, -19.761186769884404,
    -10.173519304674443, -4.886278799455937, -8.760530641954716, -18.234304836672123,
    -24.597457579057988, -21.999735048692997, -12.829471996706303, -5.517765692156132,
    -6.786965063494023, -15.470174303930577, -23.584090879839238, -23.6688172134574,
    -15.64645635215598, -6.892729929369267, -5.455774000566777, -12.656718424242314,
    -21.875048807543095, -24.635474852007206, -18.400072744768437, -8.9016429695304,
    -4.8729979309256635, -10.018055132311162, -19.606472662370976, -24.822704008501347,
    -20.870969465654667, -11.384476354997929, -5.085062673967656, -7.764379671495732,
    -16.959076336305912, -24.215591123979863, -22.862316778581913, -14.143448582571324,
    -6.0750729355033, -6.075217893999394, -14.143749228399571, -22.862497023027714,
    -24.21548526613074, -16.958781650942143, -7.764167002123173, -5.085127523821171,
    -11.384759119432744, -20.87121026841956, -24.822681120317753, -19.606207540911015,
    -10.017791441362675, -4.872977903765019, -8.901885202806767, -18.400354555528935,
    -24.635536840837773, -21.874834230821904, -12.656424215715703, -5.4556700500662885,
    -6.892912558000859, -15.646756819170292, -23.668959310930546, -23.58394401399451,
    -15.46987341968375, -6.786786726396855, -5.517873457353886, -12.82976739732581,
    -21.999945810716923, -24.597389868181523, -18.234021118562993, -8.760291746538456,
    -4.88630454866248, -10.173785856645878, -19.761449507158574, -24.834441831987675,
    -20.72867696611243, -11.218976429384526, -5.048515013140019, -7.89038579789954,
    -17.131786993425663, -24.276216200273808, -22.75511854020911, -13.96698378650504,
    -5.991582563799199, -6.161462477129277, -14.320436051767643, -22.967180899065312,
    -24.151920011919316, -16.785409143846806, -7.640384844225224, -5.124740293901738,
    -11.551347187441166, -21.011613062303837, -24.807812384050663, -19.44973819581824,
    -9.86357801286536, -4.862804106157597, -9.04510467378455, -18.56529181329566,
    -24.670550039690312, -21.747731855791386, -12.48406403390723, -5.396519354265507,
    -7.001353910845097, -15.823090008180912, -23.75106399385291, -23.496333769243535,
    -15.293096533697423, -6.6833712372000775, -5.58289878694373, -13.00344972936469,
    -22.122602632921513, -24.556251219194706, -18.066909483354863, -8.620848825853642,
    -4.90273349611121, -10.330981901567753, -19.91488712159949, -24.84305160371619,
    -20.584542444628056, -11.054614714067753, -5.015039137285527, -8.018573931139287,
    -17.303783110063847, -24.333887747209843, -22.645442655962285, -13.790796092432316,
    -5.910869291704472, -6.250430754106816, -14.497289142292317, -23.069321325701054,
    -24.085439375322636, -16.611430338304814, -7.518862894457158, -5.167401960771855,
    -11.718969276827153, -21.15008514253455, -24.78982417909461, -19.29182737199622,
    -9.710927656572636, -4.8557602676566205, -9.19014280168372, -18.72906511155921,
    -24.702485731523808, -21.618468454759892, -12.312445810716923, -5.340330770891484,
    -7.112254789751347, -15.99911849824744, -23.8303801330741, -23.406015089433964,
    -15.116181126516636, -6.582514456194218, -5.650829008501347, -13.177711060922917,
    -22.24298112718421, -24.512070349138554, -17.89879005281287, -8.48335855333167,
    -4.922280004900273, -10.48959462968665, -20.066738298815068, -24.84852950898963,
    -20.43861120073157, -10.891442707460698, -4.98464553682166, -8.148903063219365,
    -17.475010326784428, -24.388587644975956, -22.533324411791142, -13.614940575044926,
    -5.832956961077031, -6.342094114702519, -14.67425306765395, -23.168885878008183,
    -24.016066244524296, -16.43689995138007, -7.399638346117314, -5.21309726564246,
    -11.8875729355033, -21.286583116930302, -24.76872127382117, -19.132525137346562,
    -9.559888056200322, -4.851848295610722, -9.336955717485722, -18.891623190325078,
    -24.73133342592078, -21.48708408204871, -12.141622951906498, -5.287123373430546,
    -7.225581339281376, -16.174787214678105, -23.906881979387578, -23.31301467744666,
    -14.93918257830697, -6.484249761980351, -5.721641233843144, -13.352496913355168,
    -22.361042192858037, -24.46486251680213, -17.729715517442997, -8.347863367479619,
    -4.944938352983769, -10.649573973100956, -20.216954401415165, -24.85087459413367,
    -20.290929010790165, -10.729511431139287, -4.957344702165898, -8.28133218614417,
    -17.645415237825688, -24.440298727434453, -22.418798616808232, -13.439472368639287,
    -5.757871321123417, -6.436423948686894, -14.851272358774764, -23.265844038408574,
    -23.943819693010624, -16.26187258092719, -7.282748869341191, -5.261813810747441,
    -12.057105472963627, -21.421064070146855, -24.74450939027625, -18.97188108293372,
    -9.410506895464238, -4.851070097368535, -9.485496214311894, -19.05291478959876,
    -24.7570854934867, -21.353620222490605, -11.971649101656254, -5.236913374346074,
    -7.3412973198111615, -16.350041082781132, -23.980546644609745, -23.21736209718543,
    -14.762156388443287, -6.388606718462285, -5.795315435808476, -13.52775221196967,
    -22.47675054399329, -24.414642027300175, -17.559738567751225, -8.214406660478886,
    -4.970700910967167, -10.81087034074622, -20.36548917619544, -24.850085905474003,
    -20.141542128008183, -10.568871668260869, -4.933144262712773, -8.415820291918095,
    -17.814944675844487, -24.489004782121953, -22.301901510637578, -13.26444654790717,
    -5.685635260027226, -6.533390692156132, -15.028291559499081, -23.360164335649785,
    -23.868724516313847, -16.086403063219365, -7.16823118058997, -5.313535383623417,
    -12.227513245027836, -21.553486517351445, -24.717198065203007, -18.809945515077885,
    -9.26283042756873, -4.853425672930058, -9.63571803895789, -19.212889841478642,
    -24.779733351152714, -21.21811836091834, -11.80257766572791, -5.189715078752812,
    -7.459366968553837, -16.52482514707404, -24.05134933320838, -23.119087866228398,
    -14.585158041399296, -6.2956148895438275, -5.871826818865117, -13.703422239702519,
    -22.590068510454472, -24.361424139421757, -17.38891308633643, -8.083029440325078,
    -4.999560049455937, -10.973432472627934, -20.512295893114384, -24.846163443010624,
    -19.99049680558997, -10.409574201982792, -4.912050894182499, -8.552324942034062,
    -17.983544996660527, -24.534690550249394, -22.182669332903203, -13.08991794912177,
    -5.616270712297734, -6.632963827532109, -15.205255201738652, -23.45181911317664,
    -23.79080264894324, -15.91054623452979, -7.056121519487675, -5.368244818132695,
    -12.398743322771367, -21.68380802003699, -24.68679397432166, -18.646769455354985,
    -9.116905382555302, -4.858915022295292, -9.787574461382206, -19.371497801225956,
    -24.799269369524296, -21.08062141267615, -11.634461573046025, -5.145545652788456,
    -7.579753092211064, -16.699084571283635, -24.119269064348515, -23.018223455828007,
    -14.408242991846379, -6.205304792803105, -5.951152494829472, -13.879451862257298,
    -22.70096175996619, -24.30522601930457, -17.217292002123173, -7.953773191850956,
    -5.0315062317069135, -11.137209824007329, -20.657328298967656, -24.83910816041785,
    -19.837841204088505, -10.251668146532353, -4.894073179643925, -8.69080369798499,
    -18.151163748186406, -24.57734172670203, -22.061139276903447, -12.91594128934699,
    -5.549800566118535, -6.735112837236699, -15.382107785623845, -23.540777853411015,
    -23.710078886431035, -15.734357527178105, -6.946454218309697, -5.42592685548621,
    -12.570741823595341, -21.811988523882206, -24.653307608049687, -18.482403686922368,
    -8.972777059953984, -4.867534330766972, -9.941017797869023, -19.52868907777625,
    -24.815687826555546, -20.941171816271122, -11.467353275698002, -5.104416540544804,
    -7.702417543810185, -16.87276499597388, -24.18428390352088, -22.914798429888066,
    -14.231466701906498, -6.117704084795292, -6.033266714494999, -14.05578594533759,
    -22.80939452974158, -24.246064833086308, -17.04492943612891, -7.82667844621497,
    -5.066529920976933, -11.302150896471318, -20.800541094225224, -24.82892387239295,
    -19.68362253038245, -10.09520404664832, -4.879214933794316, -8.831213167589482,
    -18.317748239916142, -24.616944006365117, -21.937349489610966, -12.742570808809575,
    -5.486245802324589, -6.839805296343144, -15.558793953340825, -23.627012899797734,
    -23.626579931658085, -15.557891896646794, -6.839264563005742, -5.486562422197636,
    -12.743454864900883, -21.937987497728642, -24.61674945680457, -18.3168999466117,
    -8.830490759294804, -4.879283598345097, -10.095999411028203, -19.684414556902226,
    -24.828983953874882, -20.799813917558964, -11.301305464189824, -5.066343000810917,
    -7.827322176378544, -17.045811584871586, -24.24637477723914, -22.808846643846806,
    -14.054884484690007, -6.032840422075566, -6.118144682329472, -14.232369295042332,
    -22.91533344117957, -24.1839596542533, -16.87187927095252, -7.701785257738408,
    -5.104619673174199, -11.468204191606816, -20.941889456194218, -24.81561248628455,
    -19.527889421861943, -9.940229586046513, -4.867482832353886, -8.973508528154667,
    -18.483246258180912, -24.65348689882117, -21.811339548509892, -12.56986134378272,
    -5.42562454072791, -6.947008303087529, -15.735258332174595, -23.710498503130253,
    -23.54033058015662, -15.381204775255497, -6.73458450166541, -5.550132444780644,
    -12.916828444879826, -22.061765840929326, -24.57713191835242, -18.150309971254643,
    -8.690091303270634, -4.894157102983769, -10.252471140306767, -19.83862512437659,
    -24.839152029436406, -20.65659206239539, -11.136370113771733, -5.031335524004277,
    -7.954427889269169, -17.218170574587162, -24.30552070466834, -22.700401476305302,
    -13.87855183212119, -5.950739553850468, -6.205759695452031, -14.40914641944724,
    -23.01874511567908, -24.118929556291874, -16.698195866030034, -7.579132250231083,
    -5.145763090532597, -11.635317734163579, -21.081329039018925, -24.79917781678992,
    -19.370690992754277, -9.786794832628544, -4.858878782671269, -9.117645910661992,
    -18.647606066149052, -24.686957052629765, -21.68314760057288, -12.39786665765601,
    -5.367957762163456, -7.0566880020316205, -15.91144554941016, -23.791207960527714,
    -23.4513575348075, -15.204351446312245, -6.632448843401249, -5.616617849748906,
    -13.090808204096135, -22.183283976000126, -24.534465483110722, -17.982686212938603,
    -8.551622560900029, -4.912151029985722, -10.41038434831458, -19.991272619646367,
    -24.8461910995658, -20.511550119798954, -10.972598961275395, -4.999404600542363,
    -8.083695104997929, -17.389787605684575, -24.361703565996464, -22.58949582902747,
    -13.702523878496464, -5.871429136675175, -6.296083143633183, -14.586062035244282,
    -23.11959712831336, -24.050994566362675, -16.52393358079749, -7.458758047502812,
    -5.189948728960331, -11.803438833635624, -21.21881597368079, -24.77962558595496,
    -19.21207588044959, -9.634946516435917, -4.8534056457694135, -9.263580492418583,
    -18.810775926988896, -24.717344931047734, -21.552815130632695, -12.226640633028325,
    -5.313263586443242, -7.168810060900029, -16.087300351541813, -23.869114569109257,
    -23.359689405840214, -15.027387371939, -6.5328890594657025, -5.685996702593144,
    -13.265339425485905, -22.302504709642704, -24.488764456194218, -17.8140808853324,
    -8.415127924364384, -4.933259657305058, -10.569688967150029, -20.142309358995732,
    -24.8500973495658, -20.36473481981116, -10.810043028276738, -4.970561674516972,
    -8.215083292406376, -17.560609033983525, -24.41490619508582, -22.476165464800175,
    -13.526855877321537, -5.794931105058964, -6.38908832399207, -14.763060687762078,
    -23.217857054155644, -23.980177572649296, -16.349146893900212, -7.340700319689091,
    -5.237162283342656, -11.972515037935551, -21.354307344835576, -24.756962469499882,
    -19.05209415284949, -9.48473279802161, -4.851066282671269, -9.411265543382939,
    -18.972705057543095, -24.744640997331913, -21.420382193010624, -12.05623715249854,
    -5.2615572723563275, -7.283340147417363, -16.262767842691716, -23.944196394365605,
    -23.265354803484257, -14.850368028169356, -6.435935667436894, -5.758248022478398,
    -13.440367749613102, -22.419389894884404, -24.44004218904334, -17.6445469173606,
    -8.280650309007939, -4.957476309221562, -10.730335405748662, -20.291687658708867,
    -24.85086982576209, -20.21619146196204, -10.648753336351689, -4.9448153289969525,
    -8.34855048982459, -17.730581453722294, -24.46511142579871, -22.360445192735966,
    -13.351602724474247, -5.721272161882695, -6.484744718950566, -14.940086870175179,
    -23.313496282976445, -23.906498602312382, -16.173890880029973, -7.224996260088261,
    -5.287387541216191, -12.142493418138798, -21.4877607139762, -24.731194189470585,
    -18.890795877855595, -9.336201361101445, -4.851860693376835, -9.560655764025029,
    -19.133342436235722, -24.768836668413456, -21.28589074937659, -11.886709383409794,
    -5.21285598604041, -7.400241545122441, -16.437792828958806, -24.016427687090214,
    -23.168383291643437, -14.673348865192708, -6.341619184892949, -5.833347967546757,
    -13.615837982576664, -22.5339032921012, -24.38831584779578, -17.474137714784916,
    -8.148231676500615, -4.9847933563407025, -10.892273119371708, -20.439361265581425,
    -24.848509481828984, -20.065966299455937, -10.488780668657597, -4.922172239702519,
    -8.484055689256962, -17.899651220720585, -24.512303999346074, -22.242371729296025,
    -13.176819494646367, -5.650474241655644, -6.583022764604863, -15.117085120361622,
    -23.406482389849003, -23.82998245088416, -15.998220137041386, -7.111682108324345,
    -5.340611151140507, -12.313320330065068, -21.619134119432744, -24.702330282610234,
    -18.72823160020667, -9.189397505205449, -4.855787924211796, -9.711703470629033,
    -19.292637995165165, -24.78992431489783, -21.149382761400517, -11.718110493105229,
    -5.167175939958867, -7.519477537554081, -16.61232059327918, -24.085786512773808,
    -23.06880538789588, -14.49638538686591, -6.249969175737675, -5.911274603288945,
    -13.791695288103398, -22.64600913850623, -24.333600691240605, -17.30290620652991,
    -8.017913511675175, -5.015202215593632, -11.05545132486182, -20.585283449571904,
    -24.843015364092167, -19.91410749284583, -10.330175093096074, -4.902641943376835,
    -8.621555975359257, -18.067765882890995, -24.556468656938847, -22.121981790941533,
    -13.002561024111088, -5.582559278887089, -6.683892897051152, -15.293999991100605,
    -23.49678867189246, -23.750652006548222, -15.82218991844016, -7.000793627184208,
    -5.396814039629277, -12.4849428447898, -21.748387030046757, -24.67037837831336,
    -18.564452103060063, -9.044368437212285, -4.862847975176152, -9.864361933153447,
    -19.450541189592656, -24.807896307390507, -21.010900667589482, -11.550493648927983,
    -5.124530485552128, -7.641011408251103, -16.786296299379643, -24.152251890581425,
    -22.966652563494023, -14.319532981794652, -6.161015203874882, -5.992002180498417,
    -13.96788459150153, -22.755672148149785, -24.275913885515507, -17.13090651361304,
    -7.889736822527226, -5.048693350237187, -11.21981900064307, -20.729408911150273,
    -24.834389379900273, -19.760661772173222, -10.172986200731572, -4.886228254717167,
    -8.761008909624394, -18.234872272890385, -24.5975920471366, -21.999313524645146,
    -12.828881672304448, -5.517549208086308, -6.787321737688359, -15.470776012819584,
    -23.58438461152869, -23.668533018511113, -15.64585535852271, -6.892364672106083,
    -5.4559799942191205, -12.657306602876957, -21.875477960985478, -24.635349920671757,
    -18.39950912324744, -8.901158502977665, -4.8730379852469525, -10.018582991045292,
    -19.607002905290898, -24.822748831194218, -20.87048833696204, -11.3839108261283,
    -5.084932974260624, -7.764805010240849, -16.959665468614872, -24.21580188600379,
    -22.861956289690312, -14.14284717170554, -6.074783972185429, -6.075506857317265,
    -14.144350639265355, -22.862858465593632, -24.2152735504325, -16.958192280214604,
    -7.763741663378056, -5.0852572235282025, -11.385324648302372, -20.871691873949345,
    -24.822635343950566, -19.605677297991093, -10.017263582628544, -4.87293784944373,
    -8.90237014619666, -18.40091817704993, -24.635660818498906, -21.87440507737952,
    -12.655836037081059, -5.455464056413945, -6.893277815264042, -15.647357812803563,
    -23.669243505876835, -23.583650282305058, -15.469271710794743, -6.786430052202519,
    -5.51808994142371, -12.830357721727665, -22.000367334764775, -24.59725540010291,
    -18.23345392076331, -8.759813478868779, -4.886355093401249, -10.174318483751591,
    -19.761974504869755, -24.834476164263066, -20.72818916169959, -11.218414715212162,
    -5.048395803850468, -7.890818766039189, -17.13237397996741, -24.27641742555457,
    -22.754748991411503, -13.966383269708928, -5.991303137224492, -6.161760977190312,
    -14.32103811828452, -22.967532804888066, -24.151697805803593, -16.784817627352055,
    -7.639967134874638, -5.124880484026249, -11.551916292589482, -21.012087992113408,
    -24.807757070940312, -19.44920270768958, -9.86305539933997, -4.8627745422537885,
    -9.045595339220341, -18.56585162011939, -24.670663526933964, -21.74729554979163,
    -12.483478239458378, -5.3963228973563275, -7.00172727433997, -15.823690048139866,
    -23.75133960573035, -23.496030500810917, -15.29249425856429, -6.683023146074589,
    -5.583125761431035, -13.004042199533757, -22.123016527574833, -24.556106260698613,
    -18.066338709276494, -8.620377233904179, -4.90279453126746, -10.331519773882206,
    -19.91540735093909, -24.8430754455741, -20.584048918169316, -11.054056814592656,
    -5.014930418413456, -8.019014051836308, -17.304367474001225, -24.33407943574744,
    -22.645065000932988, -13.790196588915165, -5.910599401872929, -6.250737837236699,
    -14.497891655844029, -23.06966464845496, -24.085208586138066, -16.61083691446143,
    -7.518452814501103, -5.167551687639531, -11.719541958254155, -21.150553396623906,
    -24.78975742189246, -19.291287115495976, -9.710410765093144, -4.855741194170292,
    -9.190640142839726, -18.729620865267094, -24.70258872834998, -21.618024519365605,
    -12.31186263887244, -5.340144804399785, -7.112636736315068, -15.999717405718144,
    -23.830645254534062, -23.405702284258183, -15.11557843415099, -6.582175901811894,
];
const S_CONST_N5_X: &[f32] = &[
    3.25, 3.25, 3.25, 3.25, 3.25,
];
const S_CONST_N5_SOFTMAX: &[f64] = &[
    0.2, 0.2, 0.2, 0.2, 0.2,
];
const S_CONST_N5_LOG_SOFTMAX: &[f64] = &[
    -1.6094379124341003, -1.6094379124341003, -1.6094379124341003, -1.6094379124341003,
    -1.6094379124341003,
];
const S_OFFSET_1E3_N17_X: &[f32] = &[
    1008.41473, 1009.09296, 1001.4112, 992.43195, 990.41077, 997.2059, 1006.5699, 1009.89355,
    1004.12115, 994.5598, 990.0001, 994.6343, 1004.20166, 1009.90607, 1006.50287, 997.121,
    990.38605,
];
const S_OFFSET_1E3_N17_SOFTMAX: &[f64] = &[
    0.08239673938927115, 0.1623522767011672, 7.487058618131047e-5, 9.433510885993425e-9,
    1.2499319857351341e-9, 1.1167680453276561e-6, 0.01302274224893684, 0.3615378238425088,
    0.001125206713433419, 7.921272776278745e-8, 8.289831971848775e-10, 8.533629656754538e-8,
    0.0012195380446902388, 0.36608987868313186, 0.012178603873919766, 1.025867850288701e-6,
    1.2194133715858677e-9,
];
const S_OFFSET_1E3_N17_LOG_SOFTMAX: &[f64] = &[
    -2.4962094133681987, -1.8179867571181987, -9.499749452430699, -18.4789974993057,
    -20.50017669852445, -13.705071718055699, -4.341058046180699, -1.0173886125869487,
    -6.789788514930699, -16.35112884696195, -20.91082122977445, -16.27666595633695,
    -6.709283143836949, -1.0048764055556987, -4.408074647743199, -13.789971620399449,
    -20.5248959368057,
];
const S_OFFSET_1E4_N33_X: &[f32] = &[
    10008.415, 10009.093, 10001.411, 9992.432, 9990.411, 9997.206, 10006.57, 10009.894, 10004.121,
    9994.56, 9.99e3, 9994.634, 10004.202, 10009.906, 10006.503, 9997.121, 9990.386, 9992.49,
    10001.499, 10009.13, 10008.366, 9999.911, 9991.538, 9990.944, 9998.677, 10007.626, 10009.563,
    10002.709, 9993.363, 9990.12, 9995.96, 10005.515, 10009.999,
];
const S_OFFSET_1E4_N33_SOFTMAX: &[f64] = &[
    0.04224541390036934, 0.08319857133078468, 3.8372644777852635e-5, 4.83367922329882e-9,
    6.408884316100774e-10, 5.725052949113146e-7, 0.006677670763705789, 0.1853065398867037,
    0.0005766905231872444, 4.059064450483512e-8, 4.248442264006354e-10, 4.3717844474855754e-8,
    0.0006253806192375679, 0.18767406072945186, 0.0062425354762467074, 5.258736878006467e-7,
    6.248207215829867e-10, 5.125364639370799e-9, 4.189788947594192e-5, 0.08634402017442422,
    0.040232200247436144, 8.562094374601069e-6, 1.9779347289332867e-9, 1.092319300315937e-9,
    2.491711515944653e-6, 0.01919084420883568, 0.13321086197957113, 0.00014049844100422155,
    1.2271120153859167e-8, 4.79066665013837e-10, 1.6466749092735796e-7, 0.0023235708832402865,
    0.20591844167065637,
];
const S_OFFSET_1E4_N33_LOG_SOFTMAX: &[f64] = &[
    -3.164259477807398, -2.486525102807398, -10.168165727807398, -19.1476579153074,
    -21.1681657278074, -14.373243852807398, -5.008986040307398, -1.685743852807398,
    -7.458204790307398, -17.0197282278074, -21.5792985403074, -16.9455094778074,
    -7.377150102807398, -1.673048540307398, -5.076368852807398, -14.458204790307398,
    -21.1935563528074, -19.0890641653074, -10.080275102807398, -2.449415727807398,
    -3.213087602807398, -11.668165727807398, -20.0412126028074, -20.6349626028074,
    -12.902540727807398, -3.953321977807398, -2.015821977807398, -8.870314165307398,
    -18.2160172903074, -21.4591813528074, -15.619337602807398, -6.064650102807398,
    -1.580275102807398,
];
const S_OFFSET_M1E4_N16_X: &[f32] = &[
    -9991.585, -9990.907, -9998.589, -10007.568, -10009.589, -10002.794, -9993.43, -9990.106,
    -9995.879, -10005.44, -1.001e4, -10005.366, -9995.798, -9990.094, -9993.497, -10002.879,
];
const S_OFFSET_M1E4_N16_SOFTMAX: &[f64] = &[
    0.08241617780799199, 0.16231130470966712, 7.486082921173058e-5, 9.429979009643678e-9,
    1.2503031704040061e-9, 1.1168951567785512e-6, 0.013027404638589526, 0.361512773346335,
    0.0011250600789774329, 7.918790386906913e-8, 8.288245769424799e-10, 8.528872866813956e-8,
    0.001220049126144434, 0.36613154733208014, 0.012178503328110336, 1.0259219961848607e-6,
];
const S_OFFSET_M1E4_N16_LOG_SOFTMAX: &[f64] = &[
    -2.495973528716176, -1.8182391537161757, -9.499879778716176, -18.479371966216174,
    -20.499879778716174, -13.704957903716176, -4.340700091216176, -1.0174579037161757,
    -6.789918841216176, -16.351442278716174, -20.911012591216174, -16.277223528716174,
    -6.708864153716176, -1.0047625912161757, -4.408082903716176, -13.789918841216176,
];
const S_DOMINANT_X: &[f32] = &[
    0.0, -2e1, -25.0,
];
const S_DOMINANT_SOFTMAX: &[f64] = &[
    0.9999999979249584, 2.0611536181615783e-9, 1.388794383614596e-11,
];
const S_DOMINANT_LOG_SOFTMAX: &[f64] = &[
    -2.075041564150623e-9, -20.00000000207504, -25.00000000207504,
];
const S_TIES_X: &[f32] = &[
    5.0, 5.0, -1.0, 5.0, 5.0,
];
const S_TIES_SOFTMAX: &[f64] = &[
    0.2498451739328211, 0.2498451739328211, 0.0006193042687155652, 0.2498451739328211,
    0.2498451739328211,
];
const S_TIES_LOG_SOFTMAX: &[f64] = &[
    -1.3869138572367072, -1.3869138572367072, -7.386913857236707, -1.3869138572367072,
    -1.3869138572367072,
];
const S_NEG_INF_MIX_X: &[f32] = &[
    F32_NEG_INF, 0.5, 0.14112, F32_NEG_INF, 2.0, -7.25, F32_NEG_INF,
];
const S_NEG_INF_MIX_SOFTMAX: &[f64] = &[
    0.0, 0.16179716589424475, 0.11300855118354866, 0.0, 0.7251245899999114, 6.969292229523297e-5,
    0.0,
];
const S_NEG_INF_MIX_LOG_SOFTMAX: &[f64] = &[
    NEG_INF, -1.821411790615946, -2.1802917889422475, NEG_INF, -0.32141179061594594,
    -9.571411790615945, NEG_INF,
];
const S_NEG_INF_ONE_FINITE_X: &[f32] = &[
    F32_NEG_INF, F32_NEG_INF, 3.0, F32_NEG_INF,
];
const S_NEG_INF_ONE_FINITE_SOFTMAX: &[f64] = &[
    0.0, 0.0, 1.0, 0.0,
];
const S_NEG_INF_ONE_FINITE_LOG_SOFTMAX: &[f64] = &[
    NEG_INF, NEG_INF, 0.0, NEG_INF,
];
const S_ALL_NEG_INF_X: &[f32] = &[
    F32_NEG_INF, F32_NEG_INF, F32_NEG_INF,
];
const S_ALL_NEG_INF_SOFTMAX: &[f64] = &[
    0.0, 0.0, 0.0,
];
const S_ALL_NEG_INF_LOG_SOFTMAX: &[f64] = &[
    NEG_INF, NEG_INF, NEG_INF,
];
const S_HUGE_PM_X: &[f32] = &[
    3e38, -3e38, 3e38,
];
const S_HUGE_PM_SOFTMAX: &[f64] = &[
    0.5, 0.0, 0.5,
];
const S_HUGE_PM_LOG_SOFTMAX: &[f64] = &[
    -0.6931471805599453, -6.0000000109955115e38, -0.6931471805599453,
];
const S_HUGE_PAIR_X: &[f32] = &[
    3e38, 3e38,
];
const S_HUGE_PAIR_SOFTMAX: &[f64] = &[
    0.5, 0.5,
];
const S_HUGE_PAIR_LOG_SOFTMAX: &[f64] = &[
    -0.6931471805599453, -0.6931471805599453,
];
const S_HUGE_MAX_X: &[f32] = &[
    3.4028235e38, 3.4028235e38, 3.4028235e38, 3.4028235e38,
];
const S_HUGE_MAX_SOFTMAX: &[f64] = &[
    0.25, 0.25, 0.25, 0.25,
];
const S_HUGE_MAX_LOG_SOFTMAX: &[f64] = &[
    -1.3862943611198906, -1.3862943611198906, -1.3862943611198906, -1.3862943611198906,
];
const S_HUGE_NEG_X: &[f32] = &[
    -3e38, -3e38, -2e38,
];
const S_HUGE_NEG_SOFTMAX: &[f64] = &[
    0.0, 0.0, 1.0,
];
const S_HUGE_NEG_LOG_SOFTMAX: &[f64] = &[
    -1.0000000694406173e38, -1.0000000694406173e38, 0.0,
];
const S_HUGE_OPPOSITE_MAX_X: &[f32] = &[
    -3.4028235e38, 3.4028235e38,
];
const S_HUGE_OPPOSITE_MAX_SOFTMAX: &[f64] = &[
    0.0, 1.0,
];
const S_HUGE_OPPOSITE_MAX_LOG_SOFTMAX: &[f64] = &[
    -6.805646932770577e38, 0.0,
];
const S_HUGE_WITH_SMALL_X: &[f32] = &[
    3e38, 1.0, -2.5, F32_NEG_INF, 3e38,
];
const S_HUGE_WITH_SMALL_SOFTMAX: &[f64] = &[
    0.5, 0.0, 0.0, 0.0, 0.5,
];
const S_HUGE_WITH_SMALL_LOG_SOFTMAX: &[f64] = &[
    -0.6931471805599453, -3.0000000054977558e38, -3.0000000054977558e38, NEG_INF,
    -0.6931471805599453,
];
const D_TUTORIAL_F64_X: &[f64] = &[
    2.0, 1.0, 0.1,
];
const D_TUTORIAL_F64_SOFTMAX: &[f64] = &[
    0.6590011388859679, 0.24243297070471392, 0.09856589040931817,
];
const D_TUTORIAL_F64_LOG_SOFTMAX: &[f64] = &[
    -0.4170300162778335, -1.4170300162778335, -2.3170300162778337,
];
const D_SWEEP_F64_N17_K20_X: &[f64] = &[
    8.414709848078965, 9.092974268256818, 1.4112000805986722, -7.5680249530792825,
    -9.589242746631385, -2.7941549819892586, 6.569865987187891, 9.893582466233818,
    4.121184852417566, -5.440211108893697, -9.999902065507035, -5.365729180004349,
    4.201670368266409, 9.906073556948703, 6.502878401571168, -2.879033166650653,
    -9.613974918795568,
];
const D_SWEEP_F64_N17_K20_SOFTMAX: &[f64] = &[
    0.08239366337570671, 0.16235299616558724, 7.487005753293032e-5, 9.43366137379947e-9,
    1.2499036851081454e-9, 1.1167235342788823e-6, 0.013022318228654005, 0.3615430607333329,
    0.001125225587207486, 7.920964994751149e-8, 8.289521692432052e-10, 8.533460542794848e-8,
    0.0012195342863485705, 0.3660874510106126, 0.012178560706099576, 1.025849241077058e-6,
    1.2193699906625053e-9,
];
const D_SWEEP_F64_N17_K20_LOG_SOFTMAX: &[f64] = &[
    -2.496246745803986, -1.817982325626134, -9.499756513284279, -18.478981546962235,
    -20.500199340514335, -13.70511157587221, -4.341090606695061, -1.0173741276491335,
    -6.789771741465385, -16.35116770277665, -20.910858659389987, -16.2766857738873,
    -6.709286225616542, -1.0048830369342483, -4.408078192311783, -13.789989760533604,
    -20.52493151267852,
];
const D_SWEEP_F64_N100_K80_X: &[f64] = &[
    33.65883939231586, 36.37189707302727, 5.644800322394689, -30.27209981231713,
    -38.35697098652554, -11.176619927957034, 26.279463948751562, 39.57432986493527,
    16.484739409670265, -21.76084443557479, -39.99960826202814, -21.462916720017397,
    16.806681473065638, 39.62429422779481, 26.011513606284673, -11.516132666602612,
    -38.45589967518227, -30.039489870867044, 5.995088386518094, 36.51781002910511,
    33.46622554144224, -0.35405237161615505, -33.848816167006824, -36.22313448026495,
    -5.294070003910921, 30.50233801918411, 38.25503713618012, 10.836231532314763,
    -26.545355368518702, -39.52126496371447, -16.161505812922602, 22.057067249667625,
    39.99647440429069, 21.163307444800953, -17.12730677984604, -39.67115413772463,
    -25.74152533427998, 11.854743148375412, 38.55181545136351, 29.804526419173953,
    -6.3449067521883595, -36.66086191662535, -33.27098970514393, 0.7080770042165431,
    34.03614098136474, 36.07153390595237, 4.94292490980896, -30.730186452946672,
    -38.15010611037887, -10.49499414815715, 26.809167033734987, 39.46510368161941,
    15.837006007273366, -22.35156195406465, -39.9902069343448, -20.862040083476472,
    17.446590209912998, 39.71490592338149, 25.469520285565515, -12.192424844088666,
    -38.644710800335716, -29.567227865968913, 6.694228012112276, 36.801041527871625,
    33.073147179604135, -1.0620461609586718, -34.22079915901289, -35.91710722757165,
    -4.591392551327489, 30.955627262315563, 38.04218613017498, 10.152934510481451,
    -27.070878275492305, -39.4058504187299, -15.511265416377217, 22.64430547592721,
    39.980806343229254, 20.559138239501408, -17.764506748300334, -39.75554615693501,
    -25.195519770978155, 12.529151297323406, 38.73457844400741, 29.32761280293169,
    -7.043024797943484, -36.93833788016239, -32.8727134652329, 1.4159321093464272,
    34.402776232498134, 35.759866544022316, 4.239500470046274, -31.17864278463219,
    -37.93128565079789, -9.810079418706174, 27.330468589444838, 39.3435098173738,
    15.184309561100868, -22.935274879616916, -39.968273367454145, -20.25462564439035,
];
const D_SWEEP_F64_N100_K80_SOFTMAX: &[f64] = &[
    0.00028655450017832785, 0.004319895219824589, 1.95373046812303e-16, 4.924397631281624e-32,
    1.5175331115993409e-35, 9.669736880144034e-24, 1.7880728056967792e-7, 0.1062360961205411,
    9.967594897108674e-12, 2.4476220552625775e-28, 2.93595822186124e-36, 3.2971045660412276e-28,
    1.3753335606779024e-11, 0.11167895725374662, 1.3677787210866715e-7, 6.885986197855774e-24,
    1.374592570563009e-35, 6.214044052779205e-32, 2.7732742717799633e-16, 0.004998531170465141,
    0.00023635026883634194, 4.84837302812872e-19, 1.3772251266877609e-33, 1.2818924681915986e-34,
    3.468755014892255e-21, 1.2199895332884066e-5, 0.028399490658443525, 3.511353689014934e-14,
    2.0457740298470128e-30, 4.736872838892432e-36, 6.614640171236631e-26, 2.6219331308192727e-9,
    0.16203437086391803, 1.0726712975154391e-9, 2.5180490955845381e-26, 4.077516105464502e-36,
    4.570425239626095e-30, 9.723185057157818e-14, 0.03821199706608707, 6.071561206545797e-6,
    1.2128330614548607e-21, 8.274637663766787e-35, 2.454436391047442e-33, 1.4024033920825308e-18,
    0.00041789505424853155, 0.0031990950732914357, 9.683760294083402e-17, 3.114645426977582e-32,
    1.866287082426876e-35, 1.91179346039455e-23, 3.036912820861803e-7, 0.09524359387921523,
    5.215348530259803e-12, 1.355810519741996e-28, 2.9636902820041395e-36, 6.01298510931462e-28,
    2.608055770238655e-11, 0.12227101282648702, 7.954834243474345e-8, 3.501516579421937e-24,
    1.1380841172793459e-35, 9.96494969140615e-32, 5.579885716665897e-16, 0.006635112360375697,
    0.00015953072435362869, 2.388461419737026e-19, 9.494121314516205e-34, 1.7408347324897956e-34,
    7.00394244420876e-21, 1.919628202137387e-5, 0.02295464251855811, 1.7730559932671095e-14,
    1.2095559510022765e-30, 5.316375235059309e-36, 1.2673659655058484e-25, 4.716892000114423e-9,
    0.1595153917379639, 5.862452109149925e-10, 1.331471158098671e-26, 3.747526364273314e-36,
    7.890123710391685e-30, 1.908535705172407e-13, 0.045874642722168076, 3.768594635295967e-6,
    6.034095956272261e-22, 6.269641461973159e-35, 3.6552825630764746e-33, 2.8463645357621268e-18,
    0.0006029688793806127, 0.00234245756167792, 4.792373720676708e-17, 1.9890536770471457e-32,
    2.3227954583733867e-35, 3.792238642036601e-23, 5.114824232601414e-7, 0.08433895784402665,
    2.715319082632156e-12, 7.563027798755656e-29, 3.029412709883268e-36, 1.1037910478958228e-27,
];
const D_SWEEP_F64_N100_K80_LOG_SOFTMAX: &[f64] = &[
    -8.15758181240191, -5.4445241316905015, -36.17162088232308, -72.0885210170349,
    -80.17339219124331, -52.993041132674804, -15.53695725596621, -2.2420913397824993,
    -25.331681795047505, -63.57726564029256, -81.81602946674592, -63.27933792473517,
    -25.009739731652132, -2.1921269769229585, -15.804907598433099, -53.332553871320385,
    -80.27232087990005, -71.85591107558481, -35.82133281819968, -5.298611175612665,
    -8.35019566327553, -42.170473576333926, -75.6652373717246, -78.03955568498273,
    -47.110491208628694, -11.314083185533663, -3.5613840685376505, -30.980189672403007,
    -68.36177657323647, -81.33768616843224, -57.977927017640376, -19.759353955050145,
    -1.8199468004270845, -20.653113759916817, -58.943727984563814, -81.4875753424424,
    -67.55794653899775, -29.961678056342357, -3.264605753354262, -12.011894785543818,
    -48.16132795690613, -78.47728312134312, -75.0874109098617, -41.10834420050123,
    -7.780280223353033, -5.7448872987654, -36.87349629490881, -72.54660765766444,
    -79.96652731509664, -52.311415352874924, -15.007254170982785, -2.351317523098361,
    -25.979415197444403, -64.16798315878242, -81.80662813906257, -62.67846128819424,
    -24.369830994804772, -2.101515281336285, -16.346900919152255, -54.00884604880644,
    -80.46113200505349, -71.38364907068669, -35.12219319260549, -5.0153796768461465,
    -8.743274025113637, -42.87846736567644, -76.03722036373067, -77.73352843228942,
    -46.40781375604526, -10.860793942402209, -3.774235074542789, -31.66348669423632,
    -68.88729948021007, -81.22227162344767, -57.32768662109499, -19.17211572879056,
    -1.8356148614885175, -21.257282965216362, -59.580927953018104, -81.57196736165278,
    -67.01194097569592, -29.287269907394364, -3.0818427607103605, -12.488808401786082,
    -48.85944600266126, -78.75475908488016, -74.68913466995068, -40.40048909537134,
    -7.413644972219638, -6.056554660695456, -37.576920734671496, -72.99506398934996,
    -79.74770685551566, -51.626500623423944, -14.485952615272934, -2.472911387343972,
    -26.632111643616902, -64.75169608433468, -81.78469457217192, -62.07104684910812,
];
const D_HUGE_PM_F64_X: &[f64] = &[
    1e300, -1e300, 1e300,
];
const D_HUGE_PM_F64_SOFTMAX: &[f64] = &[
    0.5, 0.0, 0.5,
];
const D_HUGE_PM_F64_LOG_SOFTMAX: &[f64] = &[
    -0.6931471805599453, -2e300, -0.6931471805599453,
];
const D_HUGE_PAIR_F64_X: &[f64] = &[
    1e300, 1e300,
];
const D_HUGE_PAIR_F64_SOFTMAX: &[f64] = &[
    0.5, 0.5,
];
const D_HUGE_PAIR_F64_LOG_SOFTMAX: &[f64] = &[
    -0.6931471805599453, -0.6931471805599453,
];
const D_HUGE_MAX_F64_X: &[f64] = &[
    1.7976931348623157e308, 1.7976931348623157e308, 1.7976931348623157e308,
];
const D_HUGE_MAX_F64_SOFTMAX: &[f64] = &[
    0.3333333333333333, 0.3333333333333333, 0.3333333333333333,
];
const D_HUGE_MAX_F64_LOG_SOFTMAX: &[f64] = &[
    -1.0986122886681098, -1.0986122886681098, -1.0986122886681098,
];
const D_HUGE_NEG_F64_X: &[f64] = &[
    -1e300, -1e300, -5e299,
];
const D_HUGE_NEG_F64_SOFTMAX: &[f64] = &[
    0.0, 0.0, 1.0,
];
const D_HUGE_NEG_F64_LOG_SOFTMAX: &[f64] = &[
    -5e299, -5e299, 0.0,
];
const D_HUGE_OPPOSITE_MAX_F64_X: &[f64] = &[
    -1.7976931348623157e308, 1.7976931348623157e308,
];
const D_HUGE_OPPOSITE_MAX_F64_SOFTMAX: &[f64] = &[
    0.0, 1.0,
];
const D_HUGE_OPPOSITE_MAX_F64_LOG_SOFTMAX: &[f64] = &[
    NEG_INF, 0.0,
];

pub const SHARED: &[RefCase<f32>] = &[
    RefCase { name: "tutorial", x: S_TUTORIAL_X, softmax: S_TUTORIAL_SOFTMAX, log_softmax: S_TUTORIAL_LOG_SOFTMAX, logsumexp: 2.4170300164247083 },
    RefCase { name: "sweep_n1_k0", x: S_SWEEP_N1_K0_X, softmax: S_SWEEP_N1_K0_SOFTMAX, log_softmax: S_SWEEP_N1_K0_LOG_SOFTMAX, logsumexp: 0.0 },
    RefCase { name: "sweep_n1_k1", x: S_SWEEP_N1_K1_X, softmax: S_SWEEP_N1_K1_SOFTMAX, log_softmax: S_SWEEP_N1_K1_LOG_SOFTMAX, logsumexp: 0.4207354784011841 },
    RefCase { name: "sweep_n1_k20", x: S_SWEEP_N1_K20_X, softmax: S_SWEEP_N1_K20_SOFTMAX, log_softmax: S_SWEEP_N1_K20_LOG_SOFTMAX, logsumexp: 8.41471004486084 },
    RefCase { name: "sweep_n1_k80", x: S_SWEEP_N1_K80_X, softmax: S_SWEEP_N1_K80_SOFTMAX, log_softmax: S_SWEEP_N1_K80_LOG_SOFTMAX, logsumexp: 33.65884017944336 },
    RefCase { name: "sweep_n2_k0", x: S_SWEEP_N2_K0_X, softmax: S_SWEEP_N2_K0_SOFTMAX, log_softmax: S_SWEEP_N2_K0_LOG_SOFTMAX, logsumexp: 0.6931471805599453 },
    RefCase { name: "sweep_n2_k1", x: S_SWEEP_N2_K1_X, softmax: S_SWEEP_N2_K1_SOFTMAX, log_softmax: S_SWEEP_N2_K1_LOG_SOFTMAX, logsumexp: 1.1309830278933137 },
    RefCase { name: "sweep_n2_k20", x: S_SWEEP_N2_K20_X, softmax: S_SWEEP_N2_K20_SOFTMAX, log_softmax: S_SWEEP_N2_K20_LOG_SOFTMAX, logsumexp: 9.503425275720293 },
    RefCase { name: "sweep_n2_k80", x: S_SWEEP_N2_K80_X, softmax: S_SWEEP_N2_K80_SOFTMAX, log_softmax: S_SWEEP_N2_K80_LOG_SOFTMAX, logsumexp: 36.436124889123995 },
    RefCase { name: "sweep_n3_k0", x: S_SWEEP_N3_K0_X, softmax: S_SWEEP_N3_K0_SOFTMAX, log_softmax: S_SWEEP_N3_K0_LOG_SOFTMAX, logsumexp: 1.0986122886681098 },
    RefCase { name: "sweep_n3_k1", x: S_SWEEP_N3_K1_X, softmax: S_SWEEP_N3_K1_SOFTMAX, log_softmax: S_SWEEP_N3_K1_LOG_SOFTMAX, logsumexp: 1.4283500106878817 },
    RefCase { name: "sweep_n3_k20", x: S_SWEEP_N3_K20_X, softmax: S_SWEEP_N3_K20_SOFTMAX, log_softmax: S_SWEEP_N3_K20_LOG_SOFTMAX, logsumexp: 9.503731137223053 },
    RefCase { name: "sweep_n3_k80", x: S_SWEEP_N3_K80_X, softmax: S_SWEEP_N3_K80_SOFTMAX, log_softmax: S_SWEEP_N3_K80_LOG_SOFTMAX, logsumexp: 36.43612488912404 },
    RefCase { name: "sweep_n7_k0", x: S_SWEEP_N7_K0_X, softmax: S_SWEEP_N7_K0_SOFTMAX, log_softmax: S_SWEEP_N7_K0_LOG_SOFTMAX, logsumexp: 1.9459101490553132 },
    RefCase { name: "sweep_n7_k1", x: S_SWEEP_N7_K1_X, softmax: S_SWEEP_N7_K1_SOFTMAX, log_softmax: S_SWEEP_N7_K1_LOG_SOFTMAX, logsumexp: 2.045673806438831 },
    RefCase { name: "sweep_n7_k20", x: S_SWEEP_N7_K20_X, softmax: S_SWEEP_N7_K20_SOFTMAX, log_softmax: S_SWEEP_N7_K20_LOG_SOFTMAX, logsumexp: 9.55556016908732 },
    RefCase { name: "sweep_n7_k80", x: S_SWEEP_N7_K80_X, softmax: S_SWEEP_N7_K80_SOFTMAX, log_softmax: S_SWEEP_N7_K80_LOG_SOFTMAX, logsumexp: 36.43616370506386 },
    RefCase { name: "sweep_n16_k0", x: S_SWEEP_N16_K0_X, softmax: S_SWEEP_N16_K0_SOFTMAX, log_softmax: S_SWEEP_N16_K0_LOG_SOFTMAX, logsumexp: 2.772588722239781 },
    RefCase { name: "sweep_n16_k1", x: S_SWEEP_N16_K1_X, softmax: S_SWEEP_N16_K1_SOFTMAX, log_softmax: S_SWEEP_N16_K1_LOG_SOFTMAX, logsumexp: 2.882629183709606 },
    RefCase { name: "sweep_n16_k20", x: S_SWEEP_N16_K20_X, softmax: S_SWEEP_N16_K20_SOFTMAX, log_softmax: S_SWEEP_N16_K20_LOG_SOFTMAX, logsumexp: 10.910956633280803 },
    RefCase { name: "sweep_n16_k80", x: S_SWEEP_N16_K80_X, softmax: S_SWEEP_N16_K80_SOFTMAX, log_softmax: S_SWEEP_N16_K80_LOG_SOFTMAX, logsumexp: 40.31369090915537 },
    RefCase { name: "sweep_n17_k0", x: S_SWEEP_N17_K0_X, softmax: S_SWEEP_N17_K0_SOFTMAX, log_softmax: S_SWEEP_N17_K0_LOG_SOFTMAX, logsumexp: 2.833213344056216 },
    RefCase { name: "sweep_n17_k1", x: S_SWEEP_N17_K1_X, softmax: S_SWEEP_N17_K1_SOFTMAX, log_softmax: S_SWEEP_N17_K1_LOG_SOFTMAX, logsumexp: 2.916663253082403 },
    RefCase { name: "sweep_n17_k20", x: S_SWEEP_N17_K20_X, softmax: S_SWEEP_N17_K20_SOFTMAX, log_softmax: S_SWEEP_N17_K20_LOG_SOFTMAX, logsumexp: 10.910956634500174 },
    RefCase { name: "sweep_n17_k80", x: S_SWEEP_N17_K80_X, softmax: S_SWEEP_N17_K80_SOFTMAX, log_softmax: S_SWEEP_N17_K80_LOG_SOFTMAX, logsumexp: 40.31369090915537 },
    RefCase { name: "sweep_n33_k0", x: S_SWEEP_N33_K0_X, softmax: S_SWEEP_N33_K0_SOFTMAX, log_softmax: S_SWEEP_N33_K0_LOG_SOFTMAX, logsumexp: 3.4965075614664802 },
    RefCase { name: "sweep_n33_k1", x: S_SWEEP_N33_K1_X, softmax: S_SWEEP_N33_K1_SOFTMAX, log_softmax: S_SWEEP_N33_K1_LOG_SOFTMAX, logsumexp: 3.580680563109389 },
    RefCase { name: "sweep_n33_k20", x: S_SWEEP_N33_K20_X, softmax: S_SWEEP_N33_K20_SOFTMAX, log_softmax: S_SWEEP_N33_K20_LOG_SOFTMAX, logsumexp: 11.579295463640596 },
    RefCase { name: "sweep_n33_k80", x: S_SWEEP_N33_K80_X, softmax: S_SWEEP_N33_K80_SOFTMAX, log_softmax: S_SWEEP_N33_K80_LOG_SOFTMAX, logsumexp: 40.94463243638386 },
    RefCase { name: "sweep_n100_k0", x: S_SWEEP_N100_K0_X, softmax: S_SWEEP_N100_K0_SOFTMAX, log_softmax: S_SWEEP_N100_K0_LOG_SOFTMAX, logsumexp: 4.605170185988092 },
    RefCase { name: "sweep_n100_k1", x: S_SWEEP_N100_K1_X, softmax: S_SWEEP_N100_K1_SOFTMAX, log_softmax: S_SWEEP_N100_K1_LOG_SOFTMAX, logsumexp: 4.666446249362008 },
    RefCase { name: "sweep_n100_k20", x: S_SWEEP_N100_K20_X, softmax: S_SWEEP_N100_K20_SOFTMAX, log_softmax: S_SWEEP_N100_K20_LOG_SOFTMAX, logsumexp: 12.546084954887352 },
    RefCase { name: "sweep_n100_k80", x: S_SWEEP_N100_K80_X, softmax: S_SWEEP_N100_K80_SOFTMAX, log_softmax: S_SWEEP_N100_K80_LOG_SOFTMAX, logsumexp: 41.816420674001016 },
    RefCase { name: "sweep_n1000_k20", x: S_SWEEP_N1000_K20_X, softmax: S_SWEEP_N1000_K20_SOFTMAX, log_softmax: S_SWEEP_N1000_K20_LOG_SOFTMAX, logsumexp: 14.850970915239628 },
    RefCase { name: "const_n5", x: S_CONST_N5_X, softmax: S_CONST_N5_SOFTMAX, log_softmax: S_CONST_N5_LOG_SOFTMAX, logsumexp: 4.8594379124341005 },
    RefCase { name: "offset_1e3_n17", x: S_OFFSET_1E3_N17_X, softmax: S_OFFSET_1E3_N17_SOFTMAX, log_softmax: S_OFFSET_1E3_N17_LOG_SOFTMAX, logsumexp: 1010.910943300087 },
    RefCase { name: "offset_1e4_n33", x: S_OFFSET_1E4_N33_X, softmax: S_OFFSET_1E4_N33_SOFTMAX, log_softmax: S_OFFSET_1E4_N33_LOG_SOFTMAX, logsumexp: 10011.579298540308 },
    RefCase { name: "offset_m1e4_n16", x: S_OFFSET_M1E4_N16_X, softmax: S_OFFSET_M1E4_N16_SOFTMAX, log_softmax: S_OFFSET_M1E4_N16_LOG_SOFTMAX, logsumexp: -9989.088987408784 },
    RefCase { name: "dominant", x: S_DOMINANT_X, softmax: S_DOMINANT_SOFTMAX, log_softmax: S_DOMINANT_LOG_SOFTMAX, logsumexp: 2.075041564150623e-9 },
    RefCase { name: "ties", x: S_TIES_X, softmax: S_TIES_SOFTMAX, log_softmax: S_TIES_LOG_SOFTMAX, logsumexp: 6.386913857236707 },
    RefCase { name: "neg_inf_mix", x: S_NEG_INF_MIX_X, softmax: S_NEG_INF_MIX_SOFTMAX, log_softmax: S_NEG_INF_MIX_LOG_SOFTMAX, logsumexp: 2.321411790615946 },
    RefCase { name: "neg_inf_one_finite", x: S_NEG_INF_ONE_FINITE_X, softmax: S_NEG_INF_ONE_FINITE_SOFTMAX, log_softmax: S_NEG_INF_ONE_FINITE_LOG_SOFTMAX, logsumexp: 3.0 },
    RefCase { name: "all_neg_inf", x: S_ALL_NEG_INF_X, softmax: S_ALL_NEG_INF_SOFTMAX, log_softmax: S_ALL_NEG_INF_LOG_SOFTMAX, logsumexp: NEG_INF },
    RefCase { name: "huge_pm", x: S_HUGE_PM_X, softmax: S_HUGE_PM_SOFTMAX, log_softmax: S_HUGE_PM_LOG_SOFTMAX, logsumexp: 3.0000000054977558e38 },
    RefCase { name: "huge_pair", x: S_HUGE_PAIR_X, softmax: S_HUGE_PAIR_SOFTMAX, log_softmax: S_HUGE_PAIR_LOG_SOFTMAX, logsumexp: 3.0000000054977558e38 },
    RefCase { name: "huge_max", x: S_HUGE_MAX_X, softmax: S_HUGE_MAX_SOFTMAX, log_softmax: S_HUGE_MAX_LOG_SOFTMAX, logsumexp: 3.4028234663852886e38 },
    RefCase { name: "huge_neg", x: S_HUGE_NEG_X, softmax: S_HUGE_NEG_SOFTMAX, log_softmax: S_HUGE_NEG_LOG_SOFTMAX, logsumexp: -1.9999999360571385e38 },
    RefCase { name: "huge_opposite_max", x: S_HUGE_OPPOSITE_MAX_X, softmax: S_HUGE_OPPOSITE_MAX_SOFTMAX, log_softmax: S_HUGE_OPPOSITE_MAX_LOG_SOFTMAX, logsumexp: 3.4028234663852886e38 },
    RefCase { name: "huge_with_small", x: S_HUGE_WITH_SMALL_X, softmax: S_HUGE_WITH_SMALL_SOFTMAX, log_softmax: S_HUGE_WITH_SMALL_LOG_SOFTMAX, logsumexp: 3.0000000054977558e38 },
];

pub const ONLY_F64: &[RefCase<f64>] = &[
    RefCase { name: "tutorial_f64", x: D_TUTORIAL_F64_X, softmax: D_TUTORIAL_F64_SOFTMAX, log_softmax: D_TUTORIAL_F64_LOG_SOFTMAX, logsumexp: 2.4170300162778333 },
    RefCase { name: "sweep_f64_n17_k20", x: D_SWEEP_F64_N17_K20_X, softmax: D_SWEEP_F64_N17_K20_SOFTMAX, log_softmax: D_SWEEP_F64_N17_K20_LOG_SOFTMAX, logsumexp: 10.910956593882952 },
    RefCase { name: "sweep_f64_n100_k80", x: D_SWEEP_F64_N100_K80_X, softmax: D_SWEEP_F64_N100_K80_SOFTMAX, log_softmax: D_SWEEP_F64_N100_K80_LOG_SOFTMAX, logsumexp: 41.81642120471777 },
    RefCase { name: "huge_pm_f64", x: D_HUGE_PM_F64_X, softmax: D_HUGE_PM_F64_SOFTMAX, log_softmax: D_HUGE_PM_F64_LOG_SOFTMAX, logsumexp: 1e300 },
    RefCase { name: "huge_pair_f64", x: D_HUGE_PAIR_F64_X, softmax: D_HUGE_PAIR_F64_SOFTMAX, log_softmax: D_HUGE_PAIR_F64_LOG_SOFTMAX, logsumexp: 1e300 },
    RefCase { name: "huge_max_f64", x: D_HUGE_MAX_F64_X, softmax: D_HUGE_MAX_F64_SOFTMAX, log_softmax: D_HUGE_MAX_F64_LOG_SOFTMAX, logsumexp: 1.7976931348623157e308 },
    RefCase { name: "huge_neg_f64", x: D_HUGE_NEG_F64_X, softmax: D_HUGE_NEG_F64_SOFTMAX, log_softmax: D_HUGE_NEG_F64_LOG_SOFTMAX, logsumexp: -5e299 },
    RefCase { name: "huge_opposite_max_f64", x: D_HUGE_OPPOSITE_MAX_F64_X, softmax: D_HUGE_OPPOSITE_MAX_F64_SOFTMAX, log_softmax: D_HUGE_OPPOSITE_MAX_F64_LOG_SOFTMAX, logsumexp: 1.7976931348623157e308 },
];

const TS_T0P5_N17_X: &[f32] = &[
    8.41471, 9.092975, 1.4112, -7.568025, -9.589243, -2.794155, 6.569866, 9.893582, 4.121185,
    -5.4402113, -9.999902, -5.3657293, 4.20167, 9.906074, 6.502878, -2.879033, -9.613975,
];
const TS_T0P5_N17_SOFTMAX: &[f64] = &[
    0.022765558438669363, 0.08839169655922924, 1.879779095216965e-8, 2.984358136169166e-16,
    5.238940241520501e-18, 4.181979844576689e-12, 0.0005686791261666237, 0.4383393567372508,
    4.245899272659087e-6, 2.1040038823903032e-14, 2.3043567290482493e-18, 2.4419723876084957e-14,
    4.987447859808816e-6, 0.4494280839268797, 0.0004973730591240615, 3.529048786044877e-12,
    4.986109577021034e-18,
];
const TS_T0P5_N17_LOG_SOFTMAX: &[f64] = &[
    -3.782506479915573, -2.4259772440757295, -17.78952647655864, -35.747976793941454,
    -39.79041243999858, -26.200236334499312, -7.47219420879741, -0.8247618815269016,
    -12.36955691784282, -31.492349161800337, -40.611730112728075, -31.34338523357768,
    -12.208586229976609, -0.7997794291343234, -7.606170191463425, -26.369992747005416,
    -39.83987571209331,
];
const TS_T2_N17_X: &[f32] = &[
    8.41471, 9.092975, 1.4112, -7.568025, -9.589243, -2.794155, 6.569866, 9.893582, 4.121185,
    -5.4402113, -9.999902, -5.3657293, 4.20167, 9.906074, 6.502878, -2.879033, -9.613975,
];
const TS_T2_N17_SOFTMAX: &[f64] = &[
    0.13043022364310744, 0.1830886950812442, 0.003931745205199535, 4.413380753449634e-5,
    1.606458545500084e-5, 0.0004801800868021185, 0.05185319053986488, 0.2732192396785886,
    0.015242320303554888, 0.0001278852026939146, 1.3082661053834127e-5, 0.00013273756582154209,
    0.015868221500949173, 0.27493100127660147, 0.05014518366209607, 0.0004602280425197014,
    1.5867156913132758e-5,
];
const TS_T2_N17_LOG_SOFTMAX: &[f64] = &[
    -2.0369168799413875, -1.6977845709814265, -5.538671879102154, -10.028284458447857,
    -11.038893369962139, -7.641349343587322, -2.9593388121618465, -1.2974807303442195,
    -4.183679489423199, -8.964377550412578, -11.244222788144512, -8.927136568356914,
    -4.143436817456646, -1.291235117246075, -2.9928328078283504, -7.683788446713848,
    -11.05125918798582,
];
const TS_T0P3_N17_X: &[f32] = &[
    8.41471, 9.092975, 1.4112, -7.568025, -9.589243, -2.794155, 6.569866, 9.893582, 4.121185,
    -5.4402113, -9.999902, -5.3657293, 4.20167, 9.906074, 6.502878, -2.879033, -9.613975,
];
const TS_T0P3_N17_SOFTMAX: &[f64] = &[
    0.0034116014801685484, 0.0327225287479112, 2.4793597293036003e-13, 2.486453063518842e-26,
    2.948274328335169e-29, 2.025186317414104e-19, 7.282380485534191e-6, 0.4718947427602973,
    2.0770367117472144e-9, 2.991618011123809e-23, 7.500295241100862e-30, 3.834686121556553e-23,
    2.716180564403872e-9, 0.4919580148056142, 5.825032058022464e-6, 1.5261288442898016e-19,
    2.714970919268603e-29,
];
const TS_T0P3_N17_LOG_SOFTMAX: &[f64] = &[
    -5.6805734556559635, -3.419691485762268, -29.025605855746164, -58.956355195376396,
    -65.69374767108502, -43.04345506196134, -11.830052759434004, -0.7509993208918534,
    -19.99232361683685, -51.863642756980276, -67.06261040457379, -51.61536955314134,
    -19.7240391477205, -0.7093619018920789, -12.053346055004484, -43.326382404895654,
    -65.77618645463374,
];
const TS_T7P5_N17_X: &[f32] = &[
    8.41471, 9.092975, 1.4112, -7.568025, -9.589243, -2.794155, 6.569866, 9.893582, 4.121185,
    -5.4402113, -9.999902, -5.3657293, 4.20167, 9.906074, 6.502878, -2.879033, -9.613975,
];
const TS_T7P5_N17_SOFTMAX: &[f64] = &[
    0.11408207665334093, 0.12488002075074353, 0.044840727699459064, 0.013543230192891777,
    0.010343839198682866, 0.025595148872082793, 0.0892051682614115, 0.13894819046880982,
    0.06435715590845599, 0.017986029443681634, 0.009792693872900167, 0.018165537281404565,
    0.06505151600926332, 0.13917980105885094, 0.08841195922818974, 0.02530711906644428,
    0.010309786033387053,
];
const TS_T7P5_N17_LOG_SOFTMAX: &[f64] = &[
    -2.17083711899883, -2.080401836609507, -3.1046384521083676, -4.301868473267222,
    -4.571364183004364, -3.665352442637746, -2.416816300924286, -1.9736541457729186,
    -2.74330714819398, -4.018159964457815, -4.626118694519663, -4.008229035909637,
    -2.732575769002899, -1.9719886489467466, -2.4257480331020203, -3.6766695368048197,
    -4.5746617344773455,
];
const TS_T0P25_N100_X: &[f32] = &[
    8.41471, 9.092975, 1.4112, -7.568025, -9.589243, -2.794155, 6.569866, 9.893582, 4.121185,
    -5.4402113, -9.999902, -5.3657293, 4.20167, 9.906074, 6.502878, -2.879033, -9.613975,
    -7.5098724, 1.4987721, 9.129453, 8.366556, -0.08851309, -8.462204, -9.055783, -1.3235174,
    7.6255846, 9.563759, 2.7090578, -6.6363387, -9.880316, -4.0403767, 5.514267, 9.999119,
    5.290827, -4.2818265, -9.9177885, -6.4353814, 2.9636858, 9.637954, 7.451132, -1.5862267,
    -9.1652155, -8.317747, 0.17701925, 8.509035, 9.017883, 1.2357312, -7.6825466, -9.537526,
    -2.6237485, 6.702292, 9.866276, 3.9592514, -5.5878906, -9.997552, -5.21551, 4.3616476,
    9.928726, 6.36738, -3.0481062, -9.661178, -7.391807, 1.673557, 9.20026, 8.268287, -0.26551154,
    -8.5552, -8.979277, -1.1478481, 7.738907, 9.510547, 2.5382335, -6.7677197, -9.851462,
    -3.8778164, 5.6610765, 9.995201, 5.1397843, -4.441127, -9.938887, -6.29888, 3.1322877,
    9.683644, 7.331903, -1.7607563, -9.234585, -8.218179, 0.353983, 8.600694, 8.939966, 1.0598751,
    -7.7946606, -9.482821, -2.45252, 6.8326173, 9.835877, 3.7960775, -5.7338185, -9.992068,
    -5.0636563,
];
const TS_T0P25_N100_SOFTMAX: &[f64] = &[
    0.0002865548778127778, 0.00431990432968337, 1.953731238829396e-16, 4.924397111390769e-32,
    1.51753277246053e-35, 9.669745862847076e-24, 1.7880751367102575e-7, 0.10623610058268947,
    9.967599129702795e-12, 2.447621521596273e-28, 2.935963232263934e-36, 3.297104311680476e-28,
    1.3753331989272736e-11, 0.11167902246621365, 1.36777828446406e-7, 6.885991999873397e-24,
    1.3745952111398925e-35, 6.214048126024583e-32, 2.7732762726125696e-16, 0.004998537784250301,
    0.00023635018840273585, 4.848375634162446e-19, 1.3772262005861228e-33, 1.2818949343288323e-34,
    3.468757677611557e-21, 1.219990656846184e-5, 0.028399456435012103, 3.5113544969474744e-14,
    2.0457761903815334e-30, 4.7368840741648126e-36, 6.614638126038667e-26, 2.6219361516626018e-9,
    0.16203458898705944, 1.0726715934195897e-9, 2.518052434685354e-26, 4.077518740456511e-36,
    4.5704262221411274e-30, 9.72318881212191e-14, 0.03821200135776192, 6.0715696718723315e-6,
    1.2128336387141902e-21, 8.274641621923822e-35, 2.4544407390981704e-33, 1.4024041493704647e-18,
    0.0004178950505905073, 0.003199094522693259, 9.683766077775575e-17, 3.1146470505214553e-32,
    1.8662910359559799e-35, 1.911794445658063e-23, 3.0369169477869215e-7, 0.0952435937374363,
    5.2153492535127254e-12, 1.3558104991084648e-28, 2.9636896683496428e-36, 6.012991411847438e-28,
    2.608057711644123e-11, 0.12227093854583225, 7.954840718703274e-8, 3.50151868255773e-24,
    1.1380850166859404e-35, 9.964950482871578e-32, 5.579889571847796e-16, 0.006635110053076768,
    0.00015953075166225676, 2.3884626651784577e-19, 9.494132681815528e-34, 1.740836699408603e-34,
    7.003946401117985e-21, 1.919629564704255e-5, 0.022954668631827532, 1.7730561610641005e-14,
    1.2095557377153858e-30, 5.316383170603465e-36, 1.2673662093398157e-25, 4.716897837983532e-9,
    0.1595151733371165, 5.862449972730302e-10, 1.3314711385472393e-26, 3.747526805835183e-36,
    7.890122926854578e-30, 1.90853607967093e-13, 0.045874609034798175, 3.7685933200673693e-6,
    6.034097838159676e-22, 6.269636305074244e-35, 3.655278906376626e-33, 2.8463659038913454e-18,
    0.0006029683421413913, 0.0023424547362619996, 4.7923765159924666e-17, 1.9890557504372326e-32,
    2.322796209473455e-35, 3.7922400635118943e-23, 5.114829719489315e-7, 0.08433899051822898,
    2.7153216052394504e-12, 7.563037526238745e-29, 3.0294149374994196e-36, 1.1037919912761209e-27,
];
const TS_T0P25_N100_LOG_SOFTMAX: &[f64] = &[
    -8.157580494557656, -5.44452202287797, -36.17162048784379, -72.08852112260942,
    -80.17339241472368, -52.99304020372514, -15.536955952321328, -2.242091297780313,
    -25.33168137041215, -63.57726585832719, -81.81602776018266, -63.279338001881875,
    -25.009739994679727, -2.192126392995157, -15.80490791765336, -53.332553028737344,
    -80.27231895891313, -71.85591042009477, -35.82133209673051, -5.298609852467814,
    -8.35019600359086, -42.17047303882722, -75.66523659196977, -78.03955376115923,
    -47.11049044099931, -11.314082264577188, -3.5613852736103913, -30.980189442311563,
    -68.36177551714067, -81.33768379655962, -57.97792732683305, -19.759352802907266,
    -1.8199454542744538, -20.65311348405961, -58.943726658498086, -81.48757469621782,
    -67.55794632402544, -29.9616776701558, -3.264605641042032, -12.011893391286172,
    -48.16132748094682, -78.47728264299516, -75.08740913835649, -41.10834366050843,
    -7.7802802321064854, -5.744887470876017, -36.87349569765214, -72.54660713640337,
    -79.9665251967061, -52.3114148375142, -15.00725281206254, -2.3513175245869538,
    -25.97941505876664, -64.16798317400102, -81.80662834612016, -62.678460240041055,
    -24.36983025041703, -2.1015158888447663, -16.34690010515336, -54.00884544817094,
    -80.46113121477251, -71.38364899126177, -35.12219250169877, -5.015380024586954,
    -8.743273853932656, -42.878466844235696, -76.03721916643266, -77.73352730241899,
    -46.40781319109086, -10.860793232594766, -3.7742339369404694, -31.66348659959916,
    -68.88729965654497, -81.22227013078813, -57.32768642870072, -19.172114491139688,
    -1.8356162306416413, -21.257283329640664, -59.58092796770219, -81.57196724382524,
    -67.011941075002, -29.287269711171426, -3.081843495045938, -12.488808750783242,
    -48.859445690785684, -78.75475990739946, -74.68913567033891, -40.40048861471299,
    -7.413645863210001, -6.0565558668721104, -37.57692015138749, -72.99506294695024,
    -79.74770653215532, -51.62650024858598, -14.48595154253129, -2.4729109999287506,
    -26.632110714589395, -64.75169479814653, -81.78469383684282, -62.071045994435586,
];
const TS_T3_N33_K80_X: &[f32] = &[
    33.65884, 36.3719, 5.6448, -30.2721, -38.35697, -11.17662, 26.279465, 39.57433, 16.48474,
    -21.760845, -39.999607, -21.462917, 16.80668, 39.624294, 26.011513, -11.516132, -38.4559,
    -30.03949, 5.9950886, 36.51781, 33.466225, -0.35405236, -33.848816, -36.223133, -5.29407,
    30.502338, 38.255035, 10.836231, -26.545355, -39.521263, -16.161507, 22.057068, 39.996475,
];
const TS_T3_N33_K80_SOFTMAX: &[f64] = &[
    0.028630206877146507, 0.07072613526393716, 2.5198623899200832e-6, 1.5917428472079743e-11,
    1.075147156374778e-12, 9.251814241845472e-9, 0.0024465295880750013, 0.20567393546496798,
    9.345848546767547e-5, 2.716459943682806e-10, 6.218305983286093e-13, 3.00007961551576e-10,
    0.00010404579345515637, 0.20912811309657184, 0.002237486648367638, 8.261851581945361e-9,
    1.0402718020493987e-12, 1.7200725102822865e-11, 2.831954444995711e-6, 0.07425109752098144,
    0.02684976786498867, 3.411567519656851e-7, 4.831592625523426e-12, 2.189639882407342e-12,
    6.573750319084822e-8, 0.009997100373510507, 0.1324926826502357, 1.4220453392873781e-5,
    5.5128298813027314e-11, 7.293222611832485e-13, 1.7562671611230103e-9, 0.0005988194824492447,
    0.23675062178504136,
];
const TS_T3_N33_K80_LOG_SOFTMAX: &[f64] = &[
    -3.5532929340111608, -2.6489401101179317, -12.891306265106538, -24.86360647669508,
    -27.5585635740665, -18.49844617040032, -6.013084753265718, -1.5814632017520462,
    -9.277993225962659, -22.026521388601005, -28.106108689219493, -21.927212103119235,
    -9.17067943405185, -1.5648082334903275, -6.102402075043062, -18.611617112071055,
    -27.591539088796317, -24.786069575856864, -12.774543468068778, -2.600302719981213,
    -3.617498103688895, -14.890923782101014, -26.055844966481864, -26.84728402287835,
    -16.53759624949171, -4.6054601906843375, -2.0212278603620724, -11.16082924992913,
    -23.62135794153883, -27.946660701345145, -20.16007521143629, -7.420550370127697,
    -1.4407479205834264,
];
const TS_T0P5_NEG_INF_X: &[f32] = &[
    F32_NEG_INF, 1.5, -2.0, F32_NEG_INF,
];
const TS_T0P5_NEG_INF_SOFTMAX: &[f64] = &[
    0.0, 0.9990889488055994, 0.0009110511944006454, 0.0,
];
const TS_T0P5_NEG_INF_LOG_SOFTMAX: &[f64] = &[
    NEG_INF, -0.0009114664537742447, -7.000911466453775, NEG_INF,
];
const TS_T0P5_HUGE_X: &[f32] = &[
    3e38, 2e38, -3e38,
];
const TS_T0P5_HUGE_SOFTMAX: &[f64] = &[
    1.0, 0.0, 0.0,
];
const TS_T0P5_HUGE_LOG_SOFTMAX: &[f64] = &[
    0.0, -2.0000001388812345e38, -1.2000000021991023e39,
];
const TD_T0P1_F64_N17_X: &[f64] = &[
    8.414709848078965, 9.092974268256818, 1.4112000805986722, -7.5680249530792825,
    -9.589242746631385, -2.7941549819892586, 6.569865987187891, 9.893582466233818,
    4.121184852417566, -5.440211108893697, -9.999902065507035, -5.365729180004349,
    4.201670368266409, 9.906073556948703, 6.502878401571168, -2.879033166650653,
    -9.613974918795568,
];
const TD_T0P1_F64_N17_SOFTMAX: &[f64] = &[
    1.771207078812976e-7, 0.00015629111474465315, 6.798496519052805e-38, 6.8569982808306e-77,
    1.1431328256926333e-85, 3.7049973207746597e-56, 1.7227182385892797e-15, 0.4687394588084153,
    3.996936088991514e-26, 1.1942964765907937e-67, 1.882027368402051e-87, 2.515261007270241e-67,
    8.938638176623047e-26, 0.5311040729561296, 8.816391430643097e-16, 1.5855013857273457e-56,
    8.92660333909523e-86,
];
const TD_T0P1_F64_N17_LOG_SOFTMAX: &[f64] = &[
    -15.546434371374279, -8.763790169595758, -85.5815320461772, -175.37378238295676,
    -195.58596031847776, -127.63508267205651, -33.994872980285024, -0.7577081898257533,
    -58.48168432798827, -154.0956439411009, -199.69255350723427, -153.35082465220742,
    -57.67682916949984, -0.6327972826769014, -34.66474883645225, -128.48386451867046,
    -195.8332820401196,
];
const TD_T0P5_HUGE_F64_X: &[f64] = &[
    1e308, 5e307, -1e308,
];
const TD_T0P5_HUGE_F64_SOFTMAX: &[f64] = &[
    1.0, 0.0, 0.0,
];
const TD_T0P5_HUGE_F64_LOG_SOFTMAX: &[f64] = &[
    0.0, -1e308, NEG_INF,
];

pub const TEMP_SHARED: &[TempCase<f32>] = &[
    TempCase { name: "t0p5_n17", x: TS_T0P5_N17_X, t: 0.5, softmax: TS_T0P5_N17_SOFTMAX, log_softmax: TS_T0P5_N17_LOG_SOFTMAX },
    TempCase { name: "t2_n17", x: TS_T2_N17_X, t: 2.0, softmax: TS_T2_N17_SOFTMAX, log_softmax: TS_T2_N17_LOG_SOFTMAX },
    TempCase { name: "t0p3_n17", x: TS_T0P3_N17_X, t: 0.3, softmax: TS_T0P3_N17_SOFTMAX, log_softmax: TS_T0P3_N17_LOG_SOFTMAX },
    TempCase { name: "t7p5_n17", x: TS_T7P5_N17_X, t: 7.5, softmax: TS_T7P5_N17_SOFTMAX, log_softmax: TS_T7P5_N17_LOG_SOFTMAX },
    TempCase { name: "t0p25_n100", x: TS_T0P25_N100_X, t: 0.25, softmax: TS_T0P25_N100_SOFTMAX, log_softmax: TS_T0P25_N100_LOG_SOFTMAX },
    TempCase { name: "t3_n33_k80", x: TS_T3_N33_K80_X, t: 3.0, softmax: TS_T3_N33_K80_SOFTMAX, log_softmax: TS_T3_N33_K80_LOG_SOFTMAX },
    TempCase { name: "t0p5_neg_inf", x: TS_T0P5_NEG_INF_X, t: 0.5, softmax: TS_T0P5_NEG_INF_SOFTMAX, log_softmax: TS_T0P5_NEG_INF_LOG_SOFTMAX },
    TempCase { name: "t0p5_huge", x: TS_T0P5_HUGE_X, t: 0.5, softmax: TS_T0P5_HUGE_SOFTMAX, log_softmax: TS_T0P5_HUGE_LOG_SOFTMAX },
];

pub const TEMP_ONLY_F64: &[TempCase<f64>] = &[
    TempCase { name: "t0p1_f64_n17", x: TD_T0P1_F64_N17_X, t: 0.1, softmax: TD_T0P1_F64_N17_SOFTMAX, log_softmax: TD_T0P1_F64_N17_LOG_SOFTMAX },
    TempCase { name: "t0p5_huge_f64", x: TD_T0P5_HUGE_F64_X, t: 0.5, softmax: TD_T0P5_HUGE_F64_SOFTMAX, log_softmax: TD_T0P5_HUGE_F64_LOG_SOFTMAX },
];

const SIG_S_X: &[f32] = &[
    F32_NEG_INF, -1e4, -1e3, -1e2, -88.0, -5e1, -3e1, -2e1, -17.0, -1e1, -5.0, -2.0, -1.0, -0.5,
    -0.1, -0.0001, -1e-8, 0.0, 1e-8, 0.0001, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 1e1, 17.0, 2e1, 3e1,
    5e1, 88.0, 1e2, 1e3, 1e4, F32_INF, 33.65884, 36.3719, 5.6448, -30.2721, -38.35697, -11.17662,
    26.279465, 39.57433, 16.48474, -21.760845, -39.999607, -21.462917, 16.80668, 39.624294,
    26.011513, -11.516132, -38.4559, -30.03949, 5.9950886, 36.51781, 33.466225, -0.35405236,
    -33.848816, -36.223133, -5.29407, 30.502338, 38.255035, 10.836231, -26.545355, -39.521263,
    -16.161507, 22.057068, 39.996475, 21.163307, -17.127306, -39.671154, -25.741526, 11.854743,
    38.551815, 29.804527, -6.344907, -36.660862, -33.27099, 0.708077, 34.03614, 36.071533,
    4.942925, -30.730186,
];
const SIG_S_SIGMOID: &[f64] = &[
    0.0, 0.0, 0.0, 3.720075976020836e-44, 6.054601895401186e-39, 1.9287498479639178e-22,
    9.357622968839299e-14, 2.0611536181902037e-9, 4.1399375473943306e-8, 4.5397868702434395e-5,
    0.0066928509242848554, 0.11920292202211756, 0.2689414213699951, 0.37754066879814546,
    0.47502081214946074, 0.49997500000065237, 0.4999999975, 0.5, 0.5000000025, 0.5000249999993476,
    0.5249791878505392, 0.5498339980501348, 0.6224593312018546, 0.7310585786300049,
    0.8807970779778824, 0.9933071490757152, 0.9999546021312976, 0.9999999586006245,
    0.9999999979388464, 0.9999999999999064, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.9999999999999976,
    0.9999999999999999, 0.9964766033757362, 7.128428855760033e-14, 2.1967408720444926e-17,
    1.3997476042252714e-5, 0.9999999999961365, 1.0, 0.9999999306943478, 3.5431130921563367e-10,
    4.2500238203598924e-18, 4.77280222796251e-10, 0.9999999497713737, 1.0, 0.9999999999949494,
    9.967883108441984e-6, 1.9898281853456115e-17, 8.995294037146406e-14, 0.9975152331239849,
    0.9999999999999999, 0.9999999999999971, 0.4124000793208237, 1.9936367370654366e-15,
    1.8556376817754545e-16, 0.004996195852800087, 0.9999999999999434, 1.0, 0.9999803267537802,
    2.961412269974662e-12, 6.856989872437911e-18, 9.575176759021744e-8, 0.9999999997365264, 1.0,
    0.9999999993559903, 3.64506691386208e-8, 5.902509808183513e-18, 6.616029826160493e-12,
    0.9999928952722028, 1.0, 0.9999999999998862, 0.0017525893887864175, 1.1978155452239744e-16,
    3.552984414857677e-15, 0.6699761109373462, 0.9999999999999983, 0.9999999999999998,
    0.9929168273254798, 4.5086818565237656e-14,
];
const SIG_S_LOG_SIGMOID: &[f64] = &[
    NEG_INF, -10000.0, -1000.0, -100.0, -88.0, -50.0, -30.000000000000092, -20.000000002061153,
    -17.000000041399375, -10.000045398899218, -5.006715348489118, -2.1269280110429727,
    -1.3132616875182228, -0.9740769841801067, -0.7443966608558509, -0.6931971818086822,
    -0.6931471855599453, -0.6931471805599453, -0.6931471755599453, -0.6930971818112084,
    -0.6443966593657348, -0.5981388680399926, -0.4740769841801067, -0.3132616875182228,
    -0.1269280110429725, -0.006715348489118068, -4.539889921686465e-5, -4.139937633089748e-8,
    -2.061153620314381e-9, -9.357622968839737e-14, -1.9287498479639178e-22, -6.054601895401186e-39,
    -3.720075976020836e-44, -0.0, -0.0, 0.0, -2.4107459332103372e-15, -1.599134965980539e-16,
    -0.003529618404983082, -30.27210044860847, -38.356971740722656, -11.17663352729813,
    -3.863433880068239e-12, -6.502601305391885e-18, -6.930565459154694e-8, -21.760845184680484,
    -39.99960708618164, -21.462917328358138, -5.022862747138741e-8, -6.1856827815423596e-18,
    -5.050606623702011e-12, -11.516142322669117, -38.45589828491211, -30.03948974609384,
    -0.002487859032483157, -1.382026176745907e-16, -2.9228282448060137e-15, -0.8857613344998171,
    -33.84881591796875, -36.2231330871582, -5.2990784855656266, -5.6624286624829265e-14,
    -2.4324796775936803e-17, -1.9673439740624468e-5, -26.54535484314261, -39.521263122558594,
    -16.161506748583804, -2.634736188368596e-10, -4.263355192537997e-18, -6.440097885915355e-10,
    -17.12730602094774, -39.6711540222168, -25.74152565003103, -7.104753035851952e-6,
    -1.8078378043091354e-17, -1.137779921276388e-13, -6.346660933916132, -36.66086196899414,
    -33.270988464355476, -0.400513222550185, -1.6530729554049224e-15, -2.1593954208866541e-16,
    -0.0071083774323765425, -30.73018646240239,
];
pub const SIGMOID_SHARED: SigmoidCase<f32> = SigmoidCase { x: SIG_S_X, sigmoid: SIG_S_SIGMOID, log_sigmoid: SIG_S_LOG_SIGMOID };

const SIG_D_X: &[f64] = &[
    -1e300, -800.0, -745.0, -700.0, -40.0, -1e-300, 0.1, 1e-20, 37.0, 40.0, 700.0, 800.0, 1e300,
];
const SIG_D_SIGMOID: &[f64] = &[
    0.0, 0.0, 5e-324, 9.85967654375977e-305, 4.248354255291589e-18, 0.5, 0.52497918747894, 0.5,
    0.9999999999999999, 1.0, 1.0, 1.0, 1.0,
];
const SIG_D_LOG_SIGMOID: &[f64] = &[
    -1e300, -800.0, -745.0, -700.0, -40.0, -0.6931471805599453, -0.6443966600735709,
    -0.6931471805599453, -8.533047625744066e-17, -4.248354255291589e-18, -9.85967654375977e-305,
    -0.0, -0.0,
];
pub const SIGMOID_ONLY_F64: SigmoidCase<f64> = SigmoidCase { x: SIG_D_X, sigmoid: SIG_D_SIGMOID, log_sigmoid: SIG_D_LOG_SIGMOID };

}
// END GENERATED
