//! The accuracy harness (issue 6): the largest error, in ULPs (or, for gradients, in units of ε),
//! of softmax, log_softmax, logsumexp, the cross-entropy and BCE-with-logits losses and their
//! gradients, and sigmoid, against a reference computed in higher precision, over random and
//! stress inputs, on every instruction-set path this CPU has and on the scalar one.
//!
//! The README's `## Accuracy` section is the source of truth: its bound table is parsed here, and
//! [`accuracy_within_readme_bounds`] fails if any measured error exceeds its row, if a row has no
//! measurement, or if a measurement has no row.
//!
//! Since `LOGITS_ISA` is read once per process, the parent test re-runs this test binary once per
//! path (`avx512` if this process uses it, `avx2` if this process uses AVX2 or AVX-512, `scalar`
//! always), each child running the ignored test [`measure_one_path`] with `LOGITS_ISA` set. Every
//! child prints its maxima as `ACC|type|function|unit|value|where` lines; the parent compares them
//! with the README and prints the table of measured maxima that the README quotes:
//!
//! ```text
//! cargo test --test suite accuracy:: -- --nocapture
//! ```
//!
//! (`LOGITS_ACCURACY_DETAIL=1` also prints the maxima per layout.) The `reference` module is the
//! other half: exact cases computed with mpmath at 50 digits.
//!
//! # References
//!
//! Every reference is computed from the inputs as given (already rounded to the input type), by
//! one algorithm written once over [`Real`] that only adds terms of the same sign, so nothing
//! cancels: `x − m` is exact, `Σ exp(xⱼ − m)` is a sum of positive terms, `ln Σ` is taken as
//! `ln k + ln1p(tail / k)` (`k` entries at the max), `log_softmax = (x − m) − ln Σ` adds two
//! non-positive terms, and the BCE loss `c·|x| + ln1p(e^−|x|)` two non-negative ones.
//!
//! * For `f32` inputs the reference is computed in `f64` ([`Real`] for `f64`): `exp`, `ln` and
//!   `ln_1p` of the platform's libm (within 1 ULP of f64), sums compensated (Neumaier), so each
//!   reference value is within a few f64 ULPs, a relative error below 2⁻⁵⁰. One f32 ULP is at
//!   least 2⁻²⁴ of the value, so the reference's own error is below 2⁻²⁶ f32 ULP: the reference
//!   rounded to f32 is the correctly rounded result except when the exact value lies within that
//!   distance of a rounding boundary, where a measured error may be off by 1. The one place where
//!   terms of opposite signs meet is `logsumexp = m + ln Σ` when `m ≈ −ln Σ`; where that
//!   cancellation could cost more than 2⁻²⁰ of the result, the reference is recomputed in
//!   double-double.
//! * For `f64` inputs the reference is computed in double-double ([`Dd`], about 100 bits): `exp`
//!   by argument reduction with ln 2 in three parts, a Taylor series of `expm1` in
//!   double-double on the argument divided by 2¹⁰, then ten squarings of `1 + p`; `ln` by two
//!   Newton steps `y ← y + x·e^−y − 1` from the `f64` logarithm; `ln1p` by its series below 10⁻³.
//!   Results in the subnormal range are rounded once, from the double-double mantissa and its
//!   power of two ([`Real::round_scaled`]). The unit tests below check `exp`, `ln` and `ln1p`
//!   against mpmath's digits to 2⁻¹⁰⁰ and against `f64` to within 1 ULP.
//!
//! # Error measures
//!
//! * ULP: the distance, in representable numbers of the output type, between the result and the
//!   reference rounded to that type (`harness::ulps`); 0 means correctly rounded.
//! * ULP, ε below 1: ULPs where the reference is at least 1 in magnitude, else the absolute error
//!   over ε. `logsumexp = m + ln Σ` cancels near 0, and a log-probability near 0 inherits the
//!   rounding of the other entries' `xⱼ − m`, so only an absolute accuracy holds there.
//! * ULP / d: a softmax entry at distance `d = max − xᵢ` from its lane's maximum inherits the
//!   rounding of `xᵢ − max` (the condition number of `exp` is `d`), about 1 ULP per unit.
//! * ULP / (1 + d̄): a log-probability (or cross-entropy loss) above −1 on the paths that take
//!   `ln Σ` as `ln k + ln1p(tail / k)`; `d̄` is the probability-weighted mean distance of the other
//!   entries from the maximum ([`LaneRef::mean_distance_of_others`]).
//! * ε: the absolute error divided by machine epsilon (1 ULP at 1). Gradients (`softmax − onehot`,
//!   `σ(x) − y`) cancel where the prediction is right, so they have an absolute, not a relative,
//!   accuracy; their magnitude is at most 1.
//!
//! The inputs come from a fixed seed; `LOGITS_ACCURACY_SEED=n` explores others (the README's
//! bounds were set over seeds 0 to 20).
#![allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_possible_wrap,
    clippy::float_cmp,
    clippy::many_single_char_names,
    clippy::needless_range_loop,
    clippy::too_many_lines,
    clippy::suboptimal_flops
)]

use std::collections::BTreeMap;
use std::fmt::{Debug, Write as _};
use std::ops::{Add, Div, Mul, Neg, Sub};
use std::process::Command;

use crate::harness::{SplitMix, TestFloat, ulps, wide};
use logits::{
    BinaryCrossEntropyWithLogits, CrossEntropy, LogSumExp, TokenOutputs, log_sigmoid, log_softmax,
    log_softmax_with_temperature, logsumexp, sigmoid, softmax,
};
use ndarray::{Array1, Array2, ArrayView1, Axis};

// ---------------------------------------------------------------------------
// Double-double arithmetic
// ---------------------------------------------------------------------------

/// An unevaluated sum `hi + lo` with `|lo| ≤ ulp(hi) / 2`: about 106 bits.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Dd {
    hi: f64,
    lo: f64,
}

/// ln 2 as a double-double (the f64 nearest, and the f64 nearest the rest).
const LN2_DD: Dd = Dd {
    hi: std::f64::consts::LN_2,
    lo: 2.319_046_813_846_299_6e-17,
};

/// The rest of ln 2 beyond [`LN2_DD`], so that `k · ln 2` for `|k|` up to 1100 is exact to 2⁻¹¹⁰.
const LN2_LO2: f64 = 5.707_708_438_416_212e-34;

/// 2ᵏ for `k` in the normal range.
fn pow2(k: i32) -> f64 {
    assert!((-1022..=1023).contains(&k), "pow2({k})");
    f64::from_bits(((k + 1023) as u64) << 52)
}

/// `x · 2ᵏ`, in two steps where 2ᵏ alone is not a normal number.
fn ldexp(x: f64, k: i32) -> f64 {
    if k < -1022 {
        x * pow2(-1000) * pow2((k + 1000).max(-1022))
    } else if k > 1023 {
        x * pow2(1000) * pow2((k - 1000).min(1023))
    } else {
        x * pow2(k)
    }
}

impl Dd {
    const fn of(x: f64) -> Self {
        Self { hi: x, lo: 0.0 }
    }

    /// `a + b` exactly (Knuth).
    fn two_sum(a: f64, b: f64) -> Self {
        let s = a + b;
        let bb = s - a;
        Self {
            hi: s,
            lo: (a - (s - bb)) + (b - bb),
        }
    }

    /// `a + b` exactly, given `|a| ≥ |b|` (Dekker).
    fn quick_two_sum(a: f64, b: f64) -> Self {
        let s = a + b;
        Self {
            hi: s,
            lo: b - (s - a),
        }
    }

    /// `a · b` exactly (with a fused multiply-add).
    fn two_prod(a: f64, b: f64) -> Self {
        let p = a * b;
        Self {
            hi: p,
            lo: a.mul_add(b, -p),
        }
    }

    fn mul_f64(self, b: f64) -> Self {
        if !(self.hi.is_finite() && b.is_finite()) {
            return Self::of(self.hi * b);
        }
        let p = Self::two_prod(self.hi, b);
        Self::quick_two_sum(p.hi, p.lo + self.lo * b)
    }

    fn ldexp(self, k: i32) -> Self {
        Self {
            hi: ldexp(self.hi, k),
            lo: ldexp(self.lo, k),
        }
    }

    fn is_finite(self) -> bool {
        self.hi.is_finite()
    }
}

impl Add for Dd {
    type Output = Self;
    /// The accurate ("IEEE") double-double sum.
    fn add(self, b: Self) -> Self {
        if !(self.is_finite() && b.is_finite()) {
            return Self::of(self.hi + b.hi);
        }
        let s = Self::two_sum(self.hi, b.hi);
        let t = Self::two_sum(self.lo, b.lo);
        let s = Self::quick_two_sum(s.hi, s.lo + t.hi);
        Self::quick_two_sum(s.hi, s.lo + t.lo)
    }
}

impl Neg for Dd {
    type Output = Self;
    fn neg(self) -> Self {
        Self {
            hi: -self.hi,
            lo: -self.lo,
        }
    }
}

impl Sub for Dd {
    type Output = Self;
    fn sub(self, b: Self) -> Self {
        self + (-b)
    }
}

impl Mul for Dd {
    type Output = Self;
    fn mul(self, b: Self) -> Self {
        if !(self.is_finite() && b.is_finite()) {
            return Self::of(self.hi * b.hi);
        }
        let p = Self::two_prod(self.hi, b.hi);
        Self::quick_two_sum(p.hi, p.lo + (self.hi * b.lo + self.lo * b.hi))
    }
}

impl Div for Dd {
    type Output = Self;
    /// Three quotient digits, each from the remainder so far.
    fn div(self, b: Self) -> Self {
        if !(self.is_finite() && b.is_finite()) || b.hi == 0.0 {
            return Self::of(self.hi / b.hi);
        }
        let q1 = self.hi / b.hi;
        let r = self - b.mul_f64(q1);
        let q2 = r.hi / b.hi;
        let r = r - b.mul_f64(q2);
        let q3 = r.hi / b.hi;
        Self::quick_two_sum(q1, q2) + Self::of(q3)
    }
}

// ---------------------------------------------------------------------------
// The reference number type: f64 (for f32 inputs) or double-double (for f64)
// ---------------------------------------------------------------------------

/// The arithmetic a reference is computed in: `f64` for `f32` inputs, double-double ([`Dd`]) for
/// `f64` inputs. Reference arithmetic, not an element adapter: the types under test are the
/// harness's `TestFloat`; a `Real` is what their references are computed in, with what those
/// need and the element types lack (`exp` split into mantissa and power of two, rounding once
/// from a scaled value, compensated sums). `measure::<A, R>` pairs them.
trait Real:
    Copy
    + Debug
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
{
    fn of(x: f64) -> Self;
    /// The nearest `f64`.
    fn val(self) -> f64;
    /// `(μ, k)` with `eˣ = μ · 2ᵏ` and `μ` a normal number (or `(0, 0)` far below the `f64`
    /// range), so that results in the subnormal range are rounded once, by `round_scaled`.
    fn exp_split(self) -> (Self, i32);
    /// `self · 2ᵏ`, rounded to `f64` once.
    fn round_scaled(self, k: i32) -> f64;
    /// `self · 2ᵏ` (may lose bits below the `f64` range).
    fn ldexp(self, k: i32) -> Self;
    fn exp(self) -> Self {
        let (m, k) = self.exp_split();
        m.ldexp(k)
    }
    fn ln(self) -> Self;
    fn ln_1p(self) -> Self;
    /// A sum of many terms.
    fn sum(terms: impl Iterator<Item = Self>) -> Self;
    /// The reference `logsumexp` of a lane `x` of the input type this arithmetic measures.
    fn logsumexp_ref(lane: &LaneRef<Self>, x: &[f64]) -> Self;
}

impl Real for f64 {
    fn of(x: f64) -> Self {
        x
    }
    fn val(self) -> f64 {
        self
    }
    fn exp_split(self) -> (Self, i32) {
        // Enough for f32 results: f64's subnormal range is far below f32's.
        (self.exp(), 0)
    }
    fn round_scaled(self, k: i32) -> f64 {
        ldexp(self, k)
    }
    fn ldexp(self, k: i32) -> Self {
        ldexp(self, k)
    }
    fn ln(self) -> Self {
        f64::ln(self)
    }
    fn ln_1p(self) -> Self {
        f64::ln_1p(self)
    }
    /// Neumaier's compensated sum.
    fn sum(terms: impl Iterator<Item = Self>) -> Self {
        let (mut s, mut c) = (0.0_f64, 0.0_f64);
        for t in terms {
            let u = s + t;
            if s.abs() >= t.abs() {
                c += (s - u) + t;
            } else {
                c += (t - u) + s;
            }
            s = u;
        }
        s + c
    }
    /// `f32` inputs: recomputed in double-double where `m + ln Σ` cancels.
    fn logsumexp_ref(lane: &LaneRef<f64>, x: &[f64]) -> f64 {
        logsumexp_f32_ref(lane, x)
    }
}

impl Real for Dd {
    fn of(x: f64) -> Self {
        Self::of(x)
    }
    fn val(self) -> f64 {
        self.hi + self.lo
    }
    fn exp_split(self) -> (Self, i32) {
        if self.hi.is_nan() {
            return (self, 0);
        }
        if self.hi < -2000.0 {
            return (Self::of(0.0), 0);
        }
        if self.hi > 2000.0 {
            return (Self::of(f64::INFINITY), 0);
        }
        // x = k ln2 + r, |r| ≤ ln2 / 2 (ln 2 in three parts); e^r = (e^(r / 2¹⁰))^(2¹⁰).
        let k = (self.hi / std::f64::consts::LN_2).round();
        let r = self
            - Self::two_prod(LN2_DD.hi, k)
            - Self::two_prod(LN2_DD.lo, k)
            - Self::of(LN2_LO2 * k);
        let s = r.ldexp(-10);
        // expm1(s) = s (1 + s/2 (1 + s/3 (1 + …))): |s| < 3.4e-4, so 12 terms leave < 2⁻¹²⁰.
        let one = Self::of(1.0);
        let mut t = one;
        for n in (2..=12).rev() {
            t = one + (s * t).div_small(n);
        }
        let mut p = s * t;
        // (1 + p)² − 1 = p (2 + p): keeps p's relative accuracy.
        for _ in 0..10 {
            p = p * (p + Self::of(2.0));
        }
        (one + p, k as i32)
    }
    fn round_scaled(self, k: i32) -> f64 {
        let v = ldexp(self.hi, k);
        if v.abs() >= f64::MIN_POSITIVE || !v.is_finite() || self.hi == 0.0 {
            return ldexp(self.hi + self.lo, k);
        }
        // Subnormal: count in units of 2⁻¹⁰⁷⁴ and round the double-double once.
        let t = ldexp(self.hi, k + 1074);
        let tl = ldexp(self.lo, k + 1074);
        let mut n = t.round_ties_even();
        let rest = (t - n) + tl;
        if rest > 0.5 {
            n += 1.0;
        } else if rest < -0.5 {
            n -= 1.0;
        }
        ldexp(n, -1074)
    }
    fn ldexp(self, k: i32) -> Self {
        Dd::ldexp(self, k)
    }
    /// Two Newton steps on `eʸ = x` from the `f64` logarithm: each doubles the bits.
    fn ln(self) -> Self {
        if !(self.hi > 0.0 && self.is_finite()) {
            return Self::of(self.hi.ln());
        }
        let mut y = Self::of(self.hi.ln());
        for _ in 0..2 {
            y = y + self * (-y).exp() - Self::of(1.0);
        }
        y
    }
    /// The series `t − t²/2 + t³/3 − …` below 10⁻³, else `ln(1 + t)`.
    fn ln_1p(self) -> Self {
        if self.hi.abs() >= 1e-3 || !self.is_finite() {
            return (Self::of(1.0) + self).ln();
        }
        let mut acc = Self::of(1.0).div_small(16);
        for n in (1..16).rev() {
            acc = Self::of(1.0).div_small(n) - self * acc;
        }
        self * acc
    }
    fn sum(terms: impl Iterator<Item = Self>) -> Self {
        terms.fold(Self::of(0.0), |a, b| a + b)
    }
    fn logsumexp_ref(lane: &LaneRef<Dd>, _x: &[f64]) -> Dd {
        lane.logsumexp()
    }
}

impl Dd {
    /// `self / n` for a small integer.
    fn div_small(self, n: u32) -> Self {
        self / Self::of(f64::from(n))
    }
}

/// The reference of one lane: softmax, log_softmax and logsumexp of `x / t`.
struct LaneRef<R> {
    /// The lane's maximum (of `x`, before the temperature).
    m: f64,
    /// `ln Σ exp((xⱼ − m) / t)`.
    ln_s: R,
    s: R,
    /// `exp((xᵢ − m) / t)` as (mantissa, power of two).
    e: Vec<(R, i32)>,
    /// `(xᵢ − m) / t`.
    d: Vec<R>,
    t: f64,
    /// Every entry is −inf.
    empty: bool,
}

impl<R: Real> LaneRef<R> {
    fn new(x: &[f64], t: f64) -> Self {
        let m = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let empty = m == f64::NEG_INFINITY;
        let tr = R::of(t);
        let d: Vec<R> = x
            .iter()
            .map(|&xi| {
                if xi == f64::NEG_INFINITY {
                    R::of(f64::NEG_INFINITY)
                } else {
                    let diff = R::of(xi) - R::of(m);
                    if t == 1.0 { diff } else { diff / tr }
                }
            })
            .collect();
        let e: Vec<(R, i32)> = d
            .iter()
            .map(|&di| {
                if di.val() == f64::NEG_INFINITY {
                    (R::of(0.0), 0)
                } else {
                    di.exp_split()
                }
            })
            .collect();
        let k = x.iter().filter(|&&xi| xi == m).count().max(1);
        let tail = R::sum(
            x.iter()
                .zip(&e)
                .filter(|&(&xi, _)| xi != m)
                .map(|(_, &(mu, p))| mu.ldexp(p)),
        );
        let kr = R::of(k as f64);
        let ln_s = kr.ln() + (tail / kr).ln_1p();
        Self {
            m,
            ln_s,
            s: kr + tail,
            e,
            d,
            t,
            empty,
        }
    }

    fn softmax(&self, i: usize) -> f64 {
        if self.empty {
            return 0.0;
        }
        let (mu, p) = self.e[i];
        (mu / self.s).round_scaled(p)
    }

    /// The softmax as a reference number (for gradients).
    fn softmax_r(&self, i: usize) -> R {
        if self.empty {
            return R::of(0.0);
        }
        let (mu, p) = self.e[i];
        (mu / self.s).ldexp(p)
    }

    fn log_softmax(&self, i: usize) -> R {
        if self.empty || self.d[i].val() == f64::NEG_INFINITY {
            return R::of(f64::NEG_INFINITY);
        }
        self.d[i] - self.ln_s
    }

    /// `m / t + ln Σ`.
    fn logsumexp(&self) -> R {
        if self.empty {
            return R::of(f64::NEG_INFINITY);
        }
        let mt = if self.t == 1.0 {
            R::of(self.m)
        } else {
            R::of(self.m) / R::of(self.t)
        };
        mt + self.ln_s
    }

    /// `H = ln Σ − Σ pᵢ dᵢ`, the entropy (0 for a lane without mass).
    fn entropy(&self) -> R {
        if self.empty {
            return R::of(0.0);
        }
        let terms = (0..self.d.len())
            .filter(|&i| self.d[i].val() > f64::NEG_INFINITY)
            .map(|i| self.softmax_r(i) * self.d[i]);
        self.ln_s - R::sum(terms)
    }

    /// `d̄`: the mean distance from the max of the entries other than `i`, weighted by their
    /// probabilities (0 if they have none). Rounding `xⱼ − m` costs `exp` up to `dⱼ / 2` ULP, so a
    /// log-probability near 0, `−ln(1 + Σⱼ pⱼ / pᵢ)`, inherits about `d̄ / 2` ULP.
    fn mean_distance_of_others(&self, i: usize) -> f64 {
        let (mut w, mut wd) = (0.0, 0.0);
        for (j, &(mu, k)) in self.e.iter().enumerate() {
            let p = mu.ldexp(k).val();
            if j != i && p > 0.0 {
                w += p;
                wd += p * self.distance(j);
            }
        }
        if w > 0.0 { wd / w } else { 0.0 }
    }

    /// Distance of entry `i` from the max, divided by the temperature, as `f64`.
    fn distance(&self, i: usize) -> f64 {
        -self.d[i].val()
    }
}

/// `logsumexp` of an `f32` lane, in double-double where `m + ln Σ` cancels (see the module docs).
fn logsumexp_f32_ref(lane: &LaneRef<f64>, x: &[f64]) -> f64 {
    let v = lane.logsumexp();
    let scale = lane.m.abs() + lane.ln_s.abs();
    if v.is_finite() && v.abs() < scale * 2f64.powi(-20) {
        return LaneRef::<Dd>::new(x, 1.0).logsumexp().val();
    }
    v
}

/// Loss and gradient of binary cross-entropy with logits, `(1 − y)x + ln(1 + e⁻ˣ)`, as
/// `c·|x| + ln1p(e^−|x|)` with `c = 1 − y` for `x ≥ 0` and `y` below; gradient `σ(x) − y`.
fn bce_ref<R: Real>(x: f64, y: f64) -> (f64, R) {
    let a = x.abs();
    let (mu, k) = R::of(-a).exp_split();
    let e = mu.ldexp(k);
    let c = if x >= 0.0 {
        R::of(1.0) - R::of(y)
    } else {
        R::of(y)
    };
    let ca = c * R::of(a);
    let loss = if ca.val() == 0.0 && k < -60 {
        // ln1p(e) = e (1 − e/2 + …), rounded once where e is subnormal.
        (mu * (R::of(1.0) - e * R::of(0.5))).round_scaled(k)
    } else {
        (ca + e.ln_1p()).val()
    };
    let one_e = R::of(1.0) + e;
    let sigma = if x >= 0.0 {
        R::of(1.0) / one_e
    } else {
        e / one_e
    };
    (loss, sigma - R::of(y))
}

/// sigmoid and log_sigmoid, each rounded once.
fn sigmoid_ref<R: Real>(x: f64) -> (f64, f64) {
    let a = x.abs();
    let (mu, k) = R::of(-a).exp_split();
    let e = mu.ldexp(k);
    let one_e = R::of(1.0) + e;
    let small_ln1p = |mu: R| (mu * (R::of(1.0) - e * R::of(0.5))).round_scaled(k);
    if x >= 0.0 {
        let ls = if k < -60 {
            -small_ln1p(mu)
        } else {
            (-e.ln_1p()).val()
        };
        ((R::of(1.0) / one_e).val(), ls)
    } else {
        (
            (mu / one_e).round_scaled(k),
            (-(R::of(a) + e.ln_1p())).val(),
        )
    }
}

// ---------------------------------------------------------------------------
// What is measured: the rows of the README's bound table
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    /// Distance in representable numbers from the reference rounded to the output type.
    Ulp,
    /// ULPs where the reference is at least 1 in magnitude, else the absolute error over ε.
    UlpOrEps,
    /// ULPs divided by `d`, the distance from the lane's maximum.
    UlpPerDistance,
    /// ULPs divided by `1 + d̄`, `d̄` the probability-weighted mean distance of the lane's other
    /// entries from its maximum.
    UlpPerMeanDistance,
    /// The absolute error over ε.
    Eps,
}

impl Unit {
    fn text(self) -> &'static str {
        match self {
            Self::Ulp => "ULP",
            Self::UlpOrEps => "ULP, ε below 1",
            Self::UlpPerDistance => "ULP / d",
            Self::UlpPerMeanDistance => "ULP / (1 + d̄)",
            Self::Eps => "ε",
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Row {
    label: &'static str,
    unit: Unit,
}

const fn row(label: &'static str, unit: Unit) -> Row {
    Row { label, unit }
}

const LSE: Row = row("`logsumexp`, `LogSumExp::push_slice`", Unit::UlpOrEps);
const LSE_MERGED: Row = row("`LogSumExp`, 8 partial results merged", Unit::UlpOrEps);
const LSM: Row = row("`log_softmax`", Unit::UlpOrEps);
const LSM_NEAR: Row = row("`log_softmax`, values above −1", Unit::UlpPerMeanDistance);
const LSM_T: Row = row("`log_softmax_with_temperature`", Unit::UlpOrEps);
const LSM_T_NEAR: Row = row(
    "`log_softmax_with_temperature`, values above −1",
    Unit::UlpPerMeanDistance,
);
const SM_1: Row = row("`softmax`, entries within 1 of the lane max", Unit::Ulp);
const SM_20: Row = row("`softmax`, entries within 20 of the max", Unit::Ulp);
const SM_FAR: Row = row(
    "`softmax`, entries `d` > 20 below the max",
    Unit::UlpPerDistance,
);
const CE: Row = row("`CrossEntropy::per_sample`", Unit::UlpOrEps);
const CE_NEAR: Row = row(
    "`CrossEntropy::per_sample`, losses below 1",
    Unit::UlpPerMeanDistance,
);
const CE_GRAD: Row = row("`CrossEntropy` gradient, `softmax − onehot`", Unit::Eps);
const ENTROPY: Row = row("`CrossEntropy::loss_with` entropy", Unit::UlpOrEps);
const Z_LOSS: Row = row(
    "`CrossEntropy::per_sample` with `z_loss(1)`",
    Unit::UlpOrEps,
);
const BCE: Row = row("`BinaryCrossEntropyWithLogits::per_sample`", Unit::Ulp);
const BCE_GRAD: Row = row(
    "`BinaryCrossEntropyWithLogits` gradient, `σ(x) − y`",
    Unit::Eps,
);
const SIGMOID: Row = row("`sigmoid`", Unit::Ulp);
const LOG_SIGMOID: Row = row("`log_sigmoid`", Unit::Ulp);

// ---------------------------------------------------------------------------
// Recording the worst case
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
struct Worst {
    unit: Unit,
    value: f64,
    at: String,
}

/// The largest error per row, and per row and layout.
#[derive(Default)]
struct Recorder {
    rows: BTreeMap<&'static str, Worst>,
    detail: BTreeMap<String, Worst>,
}

impl Recorder {
    fn record(&mut self, row: Row, layout: &str, value: f64, at: impl FnOnce() -> String) {
        let value = if value.is_nan() { f64::INFINITY } else { value };
        let w = self.rows.entry(row.label).or_insert_with(|| Worst {
            unit: row.unit,
            value: -1.0,
            at: String::new(),
        });
        let new_row_max = value > w.value;
        let d = self
            .detail
            .entry(format!("{} @ {layout}", row.label))
            .or_insert_with(|| Worst {
                unit: row.unit,
                value: -1.0,
                at: String::new(),
            });
        let new_detail_max = value > d.value;
        if new_row_max || new_detail_max {
            let at = at().replace(['|', '\n'], " ");
            if new_detail_max {
                d.value = value;
                d.at.clone_from(&at);
            }
            if new_row_max {
                w.value = value;
                w.at = at;
            }
        }
    }

    /// ULPs between `got` and `want` rounded to `A`.
    fn ulp<A: TestFloat>(
        &mut self,
        row: Row,
        layout: &str,
        got: A,
        want: f64,
        at: impl FnOnce() -> String,
    ) {
        let u = ulps(got, A::of(want));
        let value = if u == u64::MAX {
            f64::INFINITY
        } else {
            u as f64
        };
        self.record(row, layout, value, || {
            format!("{}: got {:e}, want {want:e}", at(), got.wide())
        });
    }

    /// ULPs where `|want| ≥ 1`, else `|got − want| / ε`.
    fn mixed<A: TestFloat, R: Real>(
        &mut self,
        row: Row,
        layout: &str,
        got: A,
        want: R,
        at: impl FnOnce() -> String,
    ) {
        let w = want.val();
        if w.abs() >= 1.0 || !w.is_finite() {
            self.ulp(row, layout, got, w, at);
        } else {
            self.abs::<A, R>(row, layout, got, want, at);
        }
    }

    /// `|got − want| / ε`.
    fn abs<A: TestFloat, R: Real>(
        &mut self,
        row: Row,
        layout: &str,
        got: A,
        want: R,
        at: impl FnOnce() -> String,
    ) {
        let err = (R::of(got.wide()) - want).val().abs() / A::EPS;
        self.record(row, layout, err, || {
            format!("{}: got {:e}, want {:e}", at(), got.wide(), want.val())
        });
    }
}

// ---------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------

// The scales of the stress inputs, per input type (the huge common offset is `TestFloat::BIG`).

/// Spreads of the "wide" lanes.
const SPREADS: [f64; 2] = [80.0, 700.0];

/// Distances below the max where `exp` leaves the normal range and underflows to 0.
fn underflow<A: TestFloat>() -> (f64, f64) {
    A::either((85.0, 105.0), (700.0, 746.0))
}

/// How far a dominant entry sits above the rest.
fn dominant<A: TestFloat>() -> [f64; 4] {
    A::either([12.0, 20.0, 30.0, 60.0], [20.0, 40.0, 80.0, 400.0])
}

/// Ranges of BCE and sigmoid logits (beyond the last, `exp(−|x|)` underflows).
fn wide_ranges<A: TestFloat>() -> [f64; 3] {
    A::either([10.0, 30.0, 110.0], [10.0, 40.0, 760.0])
}

/// `batch` lanes of `n` entries, row after row, for the softmax family and cross-entropy.
struct Case<A> {
    name: String,
    batch: usize,
    n: usize,
    x: Vec<A>,
    /// Class targets (finite entries), one per lane; `None` skips cross-entropy.
    targets: Option<Vec<usize>>,
    /// Temperature for log_softmax_with_temperature.
    t: f64,
}

/// 0, or `LOGITS_ACCURACY_SEED` to explore other inputs (the README's maxima are for 0).
fn seed() -> u64 {
    std::env::var("LOGITS_ACCURACY_SEED")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .map_or(0, |s| s.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// Roughly normal with standard deviation `sd` (sum of four uniforms).
fn normalish(rng: &mut SplitMix, sd: f64) -> f64 {
    let s: f64 = (0..4).map(|_| rng.unit() - 0.5).sum();
    s * sd * 3f64.sqrt()
}

const TEMPERATURES: [f64; 4] = [0.5, 2.0, 0.75, 3.0];

fn cases<A: TestFloat>() -> Vec<Case<A>> {
    let mut rng = SplitMix(0x5eed_0006 ^ A::EPS.to_bits() ^ seed());
    let mut out = Vec::new();
    let mut count = 0usize;
    let mut push = |name: String,
                    batch: usize,
                    n: usize,
                    rng: &mut SplitMix,
                    ce: bool,
                    make: &mut dyn FnMut(&mut SplitMix, usize, usize) -> f64| {
        let x: Vec<A> = (0..batch * n)
            .map(|i| A::of(make(rng, i / n, i % n)))
            .collect();
        let targets = ce.then(|| {
            (0..batch)
                .map(|b| {
                    let lane = &x[b * n..(b + 1) * n];
                    let finite: Vec<usize> = (0..n).filter(|&i| lane[i].is_finite()).collect();
                    // Half the lanes target their max (a confident, right prediction).
                    if b % 2 == 0 {
                        let m = lane.iter().copied().fold(A::neg_infinity(), A::max);
                        (0..n).find(|&i| lane[i] == m).unwrap_or(0)
                    } else {
                        finite[rng.below(finite.len())]
                    }
                })
                .collect()
        });
        count += 1;
        out.push(Case {
            name,
            batch,
            n,
            x,
            targets,
            t: TEMPERATURES[count % TEMPERATURES.len()],
        });
    };

    // Random lanes: every vector tail, short and long rows.
    for n in [
        1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 23, 31, 32, 33, 47, 63, 64, 65, 100, 129, 257, 1000,
    ] {
        let batch = (6000 / n).clamp(4, 96);
        push(
            format!("uniform ±10, n = {n}"),
            batch,
            n,
            &mut rng,
            true,
            &mut |r, _, _| r.uniform(-10.0, 10.0),
        );
    }
    for n in (2..=33).chain([48, 64, 65, 100, 128, 200]) {
        push(
            format!("logits ~ N(0, 3), n = {n}"),
            64,
            n,
            &mut rng,
            true,
            &mut |r, _, _| normalish(r, 3.0),
        );
    }
    for n in [1000, 2500, 5000] {
        push(
            format!("long rows ~ N(0, 5), n = {n}"),
            3,
            n,
            &mut rng,
            true,
            &mut |r, _, _| normalish(r, 5.0),
        );
    }

    // Stress: a huge common offset, with resolvable differences and with ties.
    for sign in [1.0, -1.0] {
        let off = sign * A::BIG;
        for n in [7, 64, 100] {
            push(
                format!("offset {off:e}, relative spread 2^-20, n = {n}"),
                8,
                n,
                &mut rng,
                true,
                &mut |r, _, _| off * (1.0 + r.uniform(-1.0, 1.0) * 2f64.powi(-20)),
            );
        }
        push(
            format!("offset {off:e} + U(-10, 10) (ties), n = 33"),
            4,
            33,
            &mut rng,
            true,
            &mut |r, _, _| off + r.uniform(-10.0, 10.0),
        );
        let mid = sign * 1e4;
        push(
            format!("offset {mid:e} + U(-10, 10), n = 40"),
            16,
            40,
            &mut rng,
            true,
            &mut |r, _, _| mid + r.uniform(-10.0, 10.0),
        );
    }
    // Wide spreads.
    for spread in SPREADS {
        for n in [10, 33, 100, 1000] {
            push(
                format!("spread ±{spread}, n = {n}"),
                (4000 / n).clamp(2, 32),
                n,
                &mut rng,
                true,
                &mut |r, _, _| r.uniform(-spread, spread),
            );
        }
    }
    // One dominant entry: a log-probability near 0.
    for dom in dominant::<A>() {
        for n in [2, 5, 17, 100, 1000] {
            let mut at = 0;
            push(
                format!("dominant +{dom} over U(-5, 5), n = {n}"),
                16,
                n,
                &mut rng,
                true,
                &mut |r, _, j| {
                    if j == 0 {
                        at = r.below(n);
                    }
                    if j == at { dom } else { r.uniform(-5.0, 5.0) }
                },
            );
        }
    }
    // Ties: all equal, and the top two or three equal.
    for n in [1, 2, 8, 17, 100] {
        push(
            format!("all ties, n = {n}"),
            8,
            n,
            &mut rng,
            true,
            &mut |_, b, _| (b as f64 * 7.3 - 20.0).round(),
        );
    }
    for n in [3, 9, 40, 100] {
        push(
            format!("top ties, n = {n}"),
            8,
            n,
            &mut rng,
            true,
            &mut |r, _, j| {
                if j % 7 < 2 {
                    6.0
                } else {
                    r.uniform(-10.0, 5.9)
                }
            },
        );
    }
    // Lanes with −inf entries (30 %), and one lane of nothing but −inf (no cross-entropy).
    for n in [5, 16, 33, 100] {
        push(
            format!("30% -inf, n = {n}"),
            8,
            n,
            &mut rng,
            true,
            &mut |r, _, j| {
                if j > 0 && r.unit() < 0.3 {
                    f64::NEG_INFINITY
                } else {
                    r.uniform(-10.0, 10.0)
                }
            },
        );
    }
    push(
        String::from("all -inf, n = 9"),
        2,
        9,
        &mut rng,
        false,
        &mut |_, _, _| f64::NEG_INFINITY,
    );
    // Near the exp underflow threshold, below the max and in absolute terms.
    let (lo, hi) = underflow::<A>();
    for n in [8, 33, 100] {
        push(
            format!("max 0, rest in [-{hi}, -{lo}], n = {n}"),
            8,
            n,
            &mut rng,
            true,
            &mut |r, _, j| if j == 0 { 0.0 } else { -r.uniform(lo, hi) },
        );
        push(
            format!("all in [-{hi}, -{lo}], n = {n}"),
            8,
            n,
            &mut rng,
            true,
            &mut |r, _, _| -r.uniform(lo, hi),
        );
    }
    // Long lanes: the summation.
    push(
        String::from("long uniform ±10, n = 10000"),
        2,
        10_000,
        &mut rng,
        true,
        &mut |r, _, _| r.uniform(-10.0, 10.0),
    );
    push(
        String::from("long uniform ±1, n = 30000"),
        1,
        30_000,
        &mut rng,
        true,
        &mut |r, _, _| r.uniform(-1.0, 1.0),
    );
    push(
        String::from("one 0 and 19999 at -3, n = 20000"),
        1,
        20_000,
        &mut rng,
        true,
        &mut |_, _, j| if j == 0 { 0.0 } else { -3.0 },
    );
    push(
        String::from("one 0 and 9999 at -25, n = 10000"),
        1,
        10_000,
        &mut rng,
        true,
        &mut |_, _, j| if j == 0 { 0.0 } else { -25.0 },
    );
    out
}

/// Logits and targets for the element-wise functions.
fn elementwise<A: TestFloat>() -> Vec<(String, Vec<A>, Vec<A>)> {
    let mut rng = SplitMix(0xbce0_0006 ^ A::EPS.to_bits() ^ seed());
    let mut out = Vec::new();
    let n = 4096;
    let mut ranges: Vec<f64> = wide_ranges::<A>().to_vec();
    ranges.push(1e-3);
    for range in ranges {
        for target in ["0 or 1", "U(0, 1)", "0.5"] {
            let x: Vec<A> = (0..n).map(|_| A::of(rng.uniform(-range, range))).collect();
            let y: Vec<A> = (0..n)
                .map(|_| match target {
                    "0 or 1" => A::of((rng.below(2)) as f64),
                    "U(0, 1)" => A::of(rng.unit()),
                    _ => A::of(0.5),
                })
                .collect();
            out.push((format!("x ~ U(±{range}), y {target}"), x, y));
        }
    }
    let huge: Vec<A> = [1e4, -1e4, 1e30, -1e30, 88.0, -88.0, 745.0, -745.0, 0.0]
        .iter()
        .flat_map(|&v| [A::of(v); 4])
        .collect();
    let y: Vec<A> = (0..huge.len())
        .map(|i| A::of([0.0, 1.0, 0.25, 0.75][i % 4]))
        .collect();
    out.push((String::from("x huge, y 0, 1, 0.25, 0.75"), huge, y));
    out
}

// ---------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------

/// Layouts whose lanes run through the online column kernel.
const ONLINE_COLUMNS: &str = "columns, n > 64";

/// The softmax and log_softmax of one lane (`x / t`), against its reference.
fn check_lane<A: TestFloat, R: Real>(
    rec: &mut Recorder,
    layout: &str,
    at: &dyn Fn(usize) -> String,
    r: &LaneRef<R>,
    p: Option<ArrayView1<'_, A>>,
    l: &ArrayView1<'_, A>,
    (lsm, lsm_near): (Row, Row),
) {
    if let Some(p) = p {
        for (i, &got) in p.iter().enumerate() {
            let want = r.softmax(i);
            let d = r.distance(i);
            let u = ulps(got, A::of(want));
            let u = if u == u64::MAX {
                f64::INFINITY
            } else {
                u as f64
            };
            let msg = || format!("{}: got {:e}, want {want:e}, d = {d}", at(i), got.wide());
            if d <= 1.0 {
                rec.record(SM_1, layout, u, msg);
            }
            if d <= 20.0 {
                rec.record(SM_20, layout, u, msg);
            }
            if d > 20.0 {
                let per = if d.is_finite() { u / d } else { u };
                rec.record(SM_FAR, layout, per, msg);
            }
        }
    }
    for (i, &got) in l.iter().enumerate() {
        let want = r.log_softmax(i);
        rec.mixed::<A, R>(lsm, layout, got, want, || at(i));
        near_zero::<A, R>(rec, lsm_near, layout, got, want.val(), r, i, &|| at(i));
    }
}

/// A log-probability (or loss) of magnitude below 1, in ULPs per `1 + d̄`.
#[allow(clippy::too_many_arguments)]
fn near_zero<A: TestFloat, R: Real>(
    rec: &mut Recorder,
    row: Row,
    layout: &str,
    got: A,
    want: f64,
    r: &LaneRef<R>,
    i: usize,
    at: &dyn Fn() -> String,
) {
    if want.abs() >= 1.0 {
        return;
    }
    let u = ulps(got, A::of(want));
    let dbar = r.mean_distance_of_others(i);
    let value = if u == u64::MAX {
        f64::INFINITY
    } else {
        u as f64 / (1.0 + dbar)
    };
    rec.record(row, layout, value, || {
        format!(
            "{}: got {:e}, want {want:e}, {u} ULP, d̄ = {dbar}",
            at(),
            got.wide()
        )
    });
}

/// Measures input type `A` against references computed in `R`.
fn measure<A: TestFloat, R: Real>(rec: &mut Recorder) {
    for case in cases::<A>() {
        let (batch, n) = (case.batch, case.n);
        let xw = wide(&case.x);
        let lanes: Vec<&[f64]> = xw.chunks(n).collect();
        let refs: Vec<LaneRef<R>> = lanes.iter().map(|x| LaneRef::new(x, 1.0)).collect();
        let lse_want: Vec<R> = refs
            .iter()
            .zip(&lanes)
            .map(|(r, x)| R::logsumexp_ref(r, x))
            .collect();
        let trefs: Vec<LaneRef<R>> = lanes.iter().map(|x| LaneRef::new(x, case.t)).collect();
        let t = A::of(case.t);
        let name = &case.name;
        let xw = &xw;
        let at = |layout: &'static str, b: usize| {
            move |i: usize| {
                format!(
                    "{name}, {layout}, lane {b}, entry {i} (x = {:e})",
                    xw[b * n + i]
                )
            }
        };

        let rows = Array2::from_shape_vec((batch, n), case.x.clone()).unwrap();
        let cols = rows.t().as_standard_layout().into_owned();

        // 1-D, the first lane, and the online accumulator.
        let x1 = rows.row(0).to_owned();
        let p1 = softmax(&x1, Axis(0));
        let l1 = log_softmax(&x1, Axis(0));
        check_lane::<A, R>(
            rec,
            "1-D",
            &at("1-D", 0),
            &refs[0],
            Some(p1.view()),
            &l1.view(),
            (LSM, LSM_NEAR),
        );
        let s1 = logsumexp(&x1, Axis(0)).into_scalar();
        rec.mixed::<A, R>(LSE, "1-D", s1, lse_want[0], || format!("{name}, 1-D"));
        let mut whole = LogSumExp::<A>::new();
        whole.push_slice(x1.as_slice().unwrap());
        rec.mixed::<A, R>(LSE, "LogSumExp", whole.value(), lse_want[0], || {
            format!("{name}, LogSumExp::push_slice")
        });
        // Merged from (up to) 8 chunks: each merge rounds the running sum once more.
        let chunk = n.div_ceil(8);
        let mut merged = LogSumExp::<A>::new();
        for c in x1.as_slice().unwrap().chunks(chunk) {
            let mut part = LogSumExp::<A>::new();
            part.push_slice(c);
            merged.merge(&part);
        }
        rec.mixed::<A, R>(LSE_MERGED, "LogSumExp", merged.value(), lse_want[0], || {
            format!("{name}, LogSumExp, 8 chunks of {chunk} merged")
        });

        // Rows (axis 1, contiguous lanes) and columns (axis 0 of a C-order matrix).
        let columns = if n > 64 {
            ONLINE_COLUMNS
        } else {
            "columns, n <= 64"
        };
        for (layout, arr, ax) in [("rows", &rows, Axis(1)), (columns, &cols, Axis(0))] {
            let lane_axis = Axis(1 - ax.index());
            let p = softmax(arr, ax);
            let l = log_softmax(arr, ax);
            let s = logsumexp(arr, ax);
            let lt = log_softmax_with_temperature(arr, ax, t).unwrap();
            for b in 0..batch {
                let here = at(layout, b);
                check_lane::<A, R>(
                    rec,
                    layout,
                    &here,
                    &refs[b],
                    Some(p.index_axis(lane_axis, b)),
                    &l.index_axis(lane_axis, b),
                    (LSM, LSM_NEAR),
                );
                rec.mixed::<A, R>(LSE, layout, s[b], lse_want[b], || {
                    format!("{name}, {layout}, lane {b}")
                });
                let here_t = |i: usize| format!("{}, t = {}", here(i), case.t);
                check_lane::<A, R>(
                    rec,
                    layout,
                    &here_t,
                    &trefs[b],
                    None,
                    &lt.index_axis(lane_axis, b),
                    (LSM_T, LSM_T_NEAR),
                );
            }
            if let Some(targets) = &case.targets {
                let ce = CrossEntropy::<A>::new().class_axis(ax);
                let loss = ce.per_sample(arr, &targets[..]).unwrap();
                let (loss2, grad) = ce.per_sample_and_grad(arr, &targets[..]).unwrap();
                for b in 0..batch {
                    let tb = targets[b];
                    let want = -refs[b].log_softmax(tb);
                    let here = at(layout, b);
                    for (got, how) in [(loss[b], "per_sample"), (loss2[b], "per_sample_and_grad")] {
                        let at = || format!("{} is the target ({how})", here(tb));
                        rec.mixed::<A, R>(CE, layout, got, want, at);
                        // The cross-entropy kernels have no online column path.
                        near_zero::<A, R>(rec, CE_NEAR, layout, got, want.val(), &refs[b], tb, &at);
                    }
                    for (i, &g) in grad.index_axis(lane_axis, b).iter().enumerate() {
                        let onehot = if i == tb { 1.0 } else { 0.0 };
                        let want = refs[b].softmax_r(i) - R::of(onehot);
                        rec.abs::<A, R>(CE_GRAD, layout, g, want, || here(i));
                    }
                }
                let want = TokenOutputs {
                    entropy: true,
                    ..TokenOutputs::default()
                };
                let (_, stats) = ce.loss_with(arr, &targets[..], want).unwrap();
                let z = ce
                    .clone()
                    .z_loss(A::one())
                    .per_sample(arr, &targets[..])
                    .unwrap();
                for (b, (&h, &zl)) in stats.entropy.unwrap().iter().zip(&z).enumerate() {
                    let here = at(layout, b);
                    let r = &refs[b];
                    rec.mixed::<A, R>(ENTROPY, layout, h, r.entropy(), || here(0));
                    let lse = lse_want[b];
                    // lse² beyond the range is +inf (double-double products make NaN there).
                    let square = if (lse.val() * lse.val()).is_finite() {
                        lse * lse
                    } else {
                        R::of(f64::INFINITY)
                    };
                    let want = R::of(0.0) - r.log_softmax(targets[b]) + square;
                    rec.mixed::<A, R>(Z_LOSS, layout, zl, want, || here(targets[b]));
                }
            }
        }
    }

    for (name, x, y) in elementwise::<A>() {
        let xa = Array1::from(x.clone());
        let ya = Array1::from(y.clone());
        let bce = BinaryCrossEntropyWithLogits::<A>::new();
        let loss = bce.per_sample(&xa, &ya).unwrap();
        let (loss2, grad) = bce.per_sample_and_grad(&xa, &ya).unwrap();
        let sg = sigmoid(&xa);
        let lsg = log_sigmoid(&xa);
        for i in 0..x.len() {
            let (xi, yi) = (x[i].wide(), y[i].wide());
            let at = || format!("{name}, element {i} (x = {xi:e}, y = {yi})");
            let (want, want_g) = bce_ref::<R>(xi, yi);
            rec.ulp(BCE, "elements", loss[i], want, at);
            rec.ulp(BCE, "elements", loss2[i], want, at);
            rec.abs::<A, R>(BCE_GRAD, "elements", grad[i], want_g, at);
            let (s, ls) = sigmoid_ref::<R>(xi);
            rec.ulp(SIGMOID, "elements", sg[i], s, at);
            rec.ulp(LOG_SIGMOID, "elements", lsg[i], ls, at);
        }
    }
}

// ---------------------------------------------------------------------------
// The child: one instruction-set path
// ---------------------------------------------------------------------------

/// Set (to the requested path) in the environment of the child processes.
const CHILD_ENV: &str = "LOGITS_ACCURACY_CHILD";
/// The child test, by its name in the suite binary (module path without the crate).
const CHILD_TEST: &str = "accuracy::measure_one_path";

/// Measures every function on the path this process uses and prints one `ACC|…` line per row.
#[test]
#[ignore = "run once per instruction set, in a child process, by accuracy_within_readme_bounds"]
fn measure_one_path() {
    if let Ok(want) = std::env::var(CHILD_ENV) {
        assert_eq!(
            logits::kernel_isa(),
            want,
            "LOGITS_ISA={want} did not select that path"
        );
    }
    let detail = std::env::var_os("LOGITS_ACCURACY_DETAIL").is_some();
    let mut out = String::new();
    for (ty, rec) in [
        ("f32", {
            let mut r = Recorder::default();
            measure::<f32, f64>(&mut r);
            r
        }),
        ("f64", {
            let mut r = Recorder::default();
            measure::<f64, Dd>(&mut r);
            r
        }),
    ] {
        for (label, w) in &rec.rows {
            let _ = writeln!(
                out,
                "ACC|{ty}|{label}|{}|{}|{}",
                w.unit.text(),
                w.value,
                w.at
            );
        }
        if detail {
            for (key, w) in &rec.detail {
                let _ = writeln!(
                    out,
                    "detail {} {ty} {key}: {} {} at {}",
                    logits::kernel_isa(),
                    w.value,
                    w.unit.text(),
                    w.at
                );
            }
        }
    }
    // After a newline: with one test thread, libtest has just printed `test … ` on this line.
    print!("\n{out}");
}

// ---------------------------------------------------------------------------
// The parent: every path, against the README
// ---------------------------------------------------------------------------

const TYPES: [&str; 2] = ["f32", "f64"];

/// The paths to measure: what this process uses and everything below it.
fn paths() -> Vec<&'static str> {
    match logits::kernel_isa() {
        "avx512" => vec!["avx512", "avx2", "scalar"],
        "avx2" => vec!["avx2", "scalar"],
        _ => vec!["scalar"],
    }
}

fn path_title(isa: &str) -> &'static str {
    match isa {
        "avx512" => "AVX-512",
        "avx2" => "AVX2+FMA",
        _ => "scalar",
    }
}

/// One row of a markdown table, as trimmed cells.
fn cells(line: &str) -> Vec<String> {
    let t = line.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = t.strip_suffix('|').unwrap_or(t);
    t.split('|').map(|c| c.trim().to_string()).collect()
}

/// A bound cell: `≤ 2`.
fn parse_bound(cell: &str) -> Option<f64> {
    cell.trim().strip_prefix('≤')?.trim().parse().ok()
}

/// The README's `## Accuracy` section.
fn readme_accuracy() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let text = std::fs::read_to_string(path).expect("README.md");
    let start = text
        .find("\n## Accuracy")
        .expect("README has a ## Accuracy section");
    let rest = &text[start + 1..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |e| e + 3);
    rest[..end].to_string()
}

/// The table whose header starts with `header`: its body rows.
fn table(section: &str, header: &[&str]) -> Vec<Vec<String>> {
    let lines: Vec<&str> = section.lines().collect();
    let start = lines
        .iter()
        .position(|l| {
            let c = cells(l);
            l.trim_start().starts_with('|')
                && c.len() >= header.len()
                && c[..header.len()] == *header
        })
        .unwrap_or_else(|| panic!("README ## Accuracy has no table headed {header:?}"));
    lines[start + 2..]
        .iter()
        .take_while(|l| l.trim_start().starts_with('|'))
        .map(|l| cells(l))
        .collect()
}

/// One row of the README's bound table.
struct Bound {
    label: String,
    unit: String,
    /// f32, f64.
    max: [f64; 2],
}

/// The README's bound table, in its order.
fn readme_bounds(section: &str) -> Vec<Bound> {
    let mut bounds: Vec<Bound> = Vec::new();
    for row in table(section, &["function", "error in", "f32", "f64"]) {
        assert_eq!(row.len(), 4, "README bound row {row:?}");
        let bound = |c: &str| {
            parse_bound(c)
                .unwrap_or_else(|| panic!("README bound {c:?} in row {row:?}: want `≤ N`"))
        };
        assert!(
            bounds.iter().all(|b| b.label != row[0]),
            "README bound table repeats {:?}",
            row[0]
        );
        bounds.push(Bound {
            label: row[0].clone(),
            unit: row[1].clone(),
            max: [bound(&row[2]), bound(&row[3])],
        });
    }
    bounds
}

/// `(type, label, path) -> (unit, value, where)` from a child's output.
type Measured = BTreeMap<(String, String, String), (String, f64, String)>;

#[test]
fn accuracy_within_readme_bounds() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return;
    }
    let section = readme_accuracy();
    let bounds = readme_bounds(&section);
    let exe = std::env::current_exe().expect("the test binary");
    let paths = paths();
    let children: Vec<_> = paths
        .iter()
        .map(|&isa| {
            let child = Command::new(&exe)
                .args([CHILD_TEST, "--exact", "--nocapture", "--ignored"])
                .args(["--test-threads", "1"])
                .env("LOGITS_ISA", isa)
                .env(CHILD_ENV, isa)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("spawn the test binary");
            (isa, child)
        })
        .collect();
    let mut measured = Measured::new();
    for (isa, child) in children {
        let out = child.wait_with_output().expect("child output");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "the {isa} child failed ({}):\n{stdout}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        let mut lines = 0;
        for line in stdout.lines() {
            if let Some(rest) = line.strip_prefix("ACC|") {
                let f: Vec<&str> = rest.splitn(5, '|').collect();
                assert_eq!(f.len(), 5, "bad line from the {isa} child: {line}");
                let value: f64 = f[3].parse().expect("a number");
                measured.insert(
                    (f[0].into(), f[1].into(), isa.into()),
                    (f[2].into(), value, f[4].into()),
                );
                lines += 1;
            } else if line.starts_with("detail ") {
                println!("{line}");
            }
        }
        assert!(
            lines > 0,
            "the {isa} child printed no measurements:\n{stdout}"
        );
    }

    // Every measurement has a README row, every README row a measurement, on every path.
    let mut failures = Vec::new();
    for ((ty, label, isa), (unit, value, at)) in &measured {
        let Some(Bound {
            unit: want_unit,
            max: b,
            ..
        }) = bounds.iter().find(|b| b.label == *label)
        else {
            failures.push(format!(
                "{label} [{ty}, {isa}]: measured, but the README has no row for it"
            ));
            continue;
        };
        if want_unit != unit {
            failures.push(format!(
                "{label} [{ty}, {isa}]: measured in {unit}, the README says {want_unit}"
            ));
        }
        let bound = b[usize::from(ty == "f64")];
        if *value > bound {
            failures.push(format!(
                "{label} [{ty}, {isa}]: {value} {unit} exceeds the README's bound {bound}, at {at}"
            ));
        }
    }
    for Bound { label, .. } in &bounds {
        for ty in TYPES {
            for isa in &paths {
                if !measured.contains_key(&(ty.to_string(), label.clone(), (*isa).to_string())) {
                    failures.push(format!(
                        "README row {label} [{ty}, {isa}]: nothing measured"
                    ));
                }
            }
        }
    }

    // The table of measured maxima, as the README quotes it.
    let mut head = String::from("| function | error in |");
    let mut rule = String::from("|---|---|");
    for ty in TYPES {
        for isa in &paths {
            let _ = write!(head, " {ty} {} |", path_title(isa));
            rule.push_str("---|");
        }
    }
    println!(
        "\nmeasured maxima (cargo test --test suite accuracy:: -- --nocapture):\n\n{head}\n{rule}"
    );
    for Bound { label, unit, .. } in &bounds {
        let mut line = format!("| {label} | {unit} |");
        for ty in TYPES {
            for isa in &paths {
                let v = measured
                    .get(&(ty.to_string(), label.clone(), (*isa).to_string()))
                    .map_or_else(|| String::from("?"), |m| format_value(m.1));
                let _ = write!(line, " {v} |");
            }
        }
        println!("{line}");
    }
    println!("\nworst inputs:");
    for ((ty, label, isa), (unit, value, at)) in &measured {
        println!(
            "  {label} [{ty}, {isa}]: {} {unit} at {at}",
            format_value(*value)
        );
    }

    // The README's own table of measured maxima stays within its bounds and lists the same rows.
    let quoted = table(&section, &["function", "error in", "f32 AVX-512"]);
    for Bound { label, .. } in &bounds {
        if !quoted.iter().any(|row| row[0] == *label) {
            failures.push(format!(
                "README bound row {label} is missing from the measured maxima"
            ));
        }
    }
    for row in quoted {
        let Some(Bound { max: b, .. }) = bounds.iter().find(|b| b.label == row[0]) else {
            failures.push(format!(
                "README measured-maxima row {:?} has no bound row",
                row[0]
            ));
            continue;
        };
        for (j, cell) in row.iter().enumerate().skip(2) {
            let bound = b[usize::from(j >= 5)];
            if let Ok(v) = cell.parse::<f64>()
                && v > bound
            {
                failures.push(format!(
                    "README quotes {v} for {} (column {j}), above its own bound {bound}",
                    row[0]
                ));
            }
        }
    }

    assert!(
        failures.is_empty(),
        "accuracy outside the README's bounds:\n{}",
        failures.join("\n")
    );
}

/// A measured maximum for the table: ULPs are integers; ratios keep two decimals, rounded up.
fn format_value(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v}")
    } else {
        // Rounded up, so that the quoted value is never below the measured one.
        format!("{:.2}", (v * 100.0).ceil() / 100.0)
    }
}

// ---------------------------------------------------------------------------
// The double-double reference itself
// ---------------------------------------------------------------------------

/// `|got − want| ≤ 2⁻¹⁰⁰ |want|`.
fn dd_close(got: Dd, want: Dd, what: &str) {
    let err = (got - want).val().abs();
    assert!(
        err <= want.val().abs() * 2f64.powi(-100),
        "{what}: got {got:?}, want {want:?}, relative error {:e}",
        err / want.val().abs()
    );
}

/// Values from mpmath at 60 digits, split into the nearest f64 and the nearest f64 to the rest.
#[test]
fn double_double_matches_mpmath() {
    let dd = |hi, lo| Dd { hi, lo };
    // exp(1) = 2.7182818284590452353602874713527
    dd_close(
        Dd::of(1.0).exp(),
        dd(std::f64::consts::E, 1.445_646_891_729_250_2e-16),
        "exp(1)",
    );
    // exp(-0.5) = 0.60653065971263342360379953499118
    dd_close(
        Dd::of(-0.5).exp(),
        dd(0.606_530_659_712_633_4, -6.593_178_415_491_414e-19),
        "exp(-0.5)",
    );
    // exp(-0.3), exp(5.5), exp(-20)
    dd_close(
        Dd::of(-0.3).exp(),
        dd(0.740_818_220_681_717_9, -1.805_530_505_953e-18),
        "exp(-0.3)",
    );
    dd_close(
        Dd::of(5.5).exp(),
        dd(244.691_932_264_220_38, 4.129_320_187_450_839e-15),
        "exp(5.5)",
    );
    dd_close(
        Dd::of(-20.0).exp(),
        dd(2.061_153_622_438_558e-9, -4.197_557_675_950_54e-26),
        "exp(-20)",
    );
    // exp(-700) · 2¹⁰⁰⁰ and exp(-740) · 2¹¹⁰⁰ (through the split form).
    let (m, k) = Dd::of(-700.0).exp_split();
    dd_close(
        m.ldexp(k + 1000),
        dd(0.001_056_472_828_071_114_2, 9.094_654_677_643_795e-21),
        "exp(-700)",
    );
    let (m, k) = Dd::of(-740.0).exp_split();
    dd_close(
        m.ldexp(k + 1100),
        dd(5_689_559_217.639_766, 6.072_235_271_978_515e-8),
        "exp(-740)",
    );
    // Subnormal results, correctly rounded (mpmath: float(exp(x))).
    for (x, want) in [
        (-740.0, 4.2e-322),
        (-744.0, 1e-323),
        (-709.5, 7.380_148_314_012_58e-309),
    ] {
        let (m, k) = Dd::of(x).exp_split();
        assert_eq!(m.round_scaled(k), want, "exp({x})");
    }
    // ln 2, ln 10, ln 1.5, ln1p(1e-10), ln1p(0.25)
    dd_close(Dd::of(2.0).ln(), LN2_DD, "ln(2)");
    dd_close(
        Dd::of(10.0).ln(),
        dd(std::f64::consts::LN_10, -2.170_756_223_382_249_4e-16),
        "ln(10)",
    );
    dd_close(
        Dd::of(1.5).ln(),
        dd(0.405_465_108_108_164_4, -2.881_138_025_962_642_6e-18),
        "ln(1.5)",
    );
    dd_close(
        Dd::of(1e-10).ln_1p(),
        dd(9.999_999_999_500_001e-11, -3.389_513_322_121_794e-27),
        "ln1p(1e-10)",
    );
    dd_close(
        Dd::of(0.25).ln_1p(),
        dd(0.223_143_551_314_209_76, -9.091_270_597_324_799e-18),
        "ln1p(0.25)",
    );
}

/// Rounded to f64, the double-double functions are within 1 ULP of the platform's.
#[test]
fn double_double_agrees_with_f64() {
    let mut rng = SplitMix(0xdd);
    for _ in 0..20_000 {
        let x = rng.uniform(-745.0, 709.0);
        let want = x.exp();
        let (m, k) = Dd::of(x).exp_split();
        let got = m.round_scaled(k);
        assert!(ulps(got, want) <= 1, "exp({x:e}): {got:e} vs {want:e}");
        let y = rng.uniform(1e-300_f64.ln(), 700.0).exp();
        assert!(ulps(Dd::of(y).ln().val(), y.ln()) <= 1, "ln({y:e})");
        let t = rng.uniform(-30.0, 3.0).exp();
        assert!(ulps(Dd::of(t).ln_1p().val(), t.ln_1p()) <= 1, "ln1p({t:e})");
        let (a, b) = (rng.uniform(-1e3, 1e3), rng.uniform(-1e3, 1e3));
        assert_eq!((Dd::of(a) / Dd::of(b)).val(), a / b);
        assert_eq!((Dd::of(a) * Dd::of(b) + Dd::of(b)).val(), a.mul_add(b, b));
    }
}
