//! Reference values: every expected number (the data file
//! `tests/data/reference_values.rs`, included below) was computed with mpmath
//! at 50 significant digits by `tools/reference_values.py` (see its docstring)
//! and correctly rounded to f64; the f32 tests compare with `expected as f32`,
//! which the script checks is the correctly rounded f32 as well.
//!
//! Regenerate the data file with `python3 tools/reference_values.py --write`.
//!
//! Run with `cargo test --test suite reference:: -- --skip loss_reference
//! --nocapture` to see the largest error observed for each function, in ULPs
//! (quoted in the README).
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

use crate::harness::{NEG_INF, TestFloat, lane_max, ulps};
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

// ---------------------------------------------------------------------------
// The generated data
// ---------------------------------------------------------------------------

/// The expected values, generated by `tools/reference_values.py` into
/// `tests/data/reference_values.rs`.
#[allow(
    clippy::unreadable_literal,
    clippy::excessive_precision,
    clippy::approx_constant
)]
mod data {
    #[allow(unused_imports)]
    use super::{RefCase, SigmoidCase, TempCase};
    #[allow(unused_imports)]
    use crate::harness::{F32_INF, F32_NEG_INF, INF, NEG_INF};

    include!("../data/reference_values.rs");
}
