//! Helpers shared by the integration tests: one trait that lets a test body be
//! written once and run for both `f32` and `f64`, and ULP arithmetic.
#![allow(dead_code)]

use std::fmt::{Debug, Display};

/// `f32` or `f64`, with what the tests need on top of `logits::Float`.
pub trait TestFloat:
    logits::Float
    + num_traits::Float
    + approx::UlpsEq<Epsilon = Self>
    + Debug
    + Display
    + Send
    + Sync
    + 'static
{
    /// `"f32"` or `"f64"`, for messages.
    const NAME: &'static str;
    /// Machine epsilon (distance from 1.0 to the next value), as `f64`.
    const EPS: f64;
    /// The `epsilon` given to `ulps_eq!`: tiny, so it never hides an error in
    /// a small probability (the default, `EPSILON`, would).
    const TINY: Self;
    /// Smallest positive normal value, as `f64`.
    const MIN_NORMAL: f64;
    /// Rounds an `f64` to this type (`as`).
    fn of(v: f64) -> Self;
    /// Widens to `f64` (exact).
    fn wide(self) -> f64;
    /// Distance in units in the last place between two values of this type,
    /// counting across zero (so `-0.0` and `+0.0` are 0 apart). Equal values
    /// (including equal infinities and two NaNs) are 0 apart; one NaN is
    /// `u64::MAX` from anything else.
    fn ulps(a: Self, b: Self) -> u64;
}

impl TestFloat for f32 {
    const NAME: &'static str = "f32";
    const EPS: f64 = f32::EPSILON as f64;
    const TINY: Self = 1e-37;
    const MIN_NORMAL: f64 = f32::MIN_POSITIVE as f64;
    fn of(v: f64) -> Self {
        v as f32
    }
    fn wide(self) -> f64 {
        f64::from(self)
    }
    fn ulps(a: Self, b: Self) -> u64 {
        if a == b || (a.is_nan() && b.is_nan()) {
            return 0;
        }
        if a.is_nan() || b.is_nan() {
            return u64::MAX;
        }
        let key = |v: f32| {
            let mag = i64::from(v.to_bits() & 0x7fff_ffff);
            if v.is_sign_negative() { -mag } else { mag }
        };
        (key(a) - key(b)).unsigned_abs()
    }
}

impl TestFloat for f64 {
    const NAME: &'static str = "f64";
    const EPS: f64 = f64::EPSILON;
    const TINY: Self = 1e-300;
    const MIN_NORMAL: f64 = f64::MIN_POSITIVE;
    fn of(v: f64) -> Self {
        v
    }
    fn wide(self) -> f64 {
        self
    }
    fn ulps(a: Self, b: Self) -> u64 {
        if a == b || (a.is_nan() && b.is_nan()) {
            return 0;
        }
        if a.is_nan() || b.is_nan() {
            return u64::MAX;
        }
        let key = |v: f64| {
            let mag = i128::from(v.to_bits() & 0x7fff_ffff_ffff_ffff);
            if v.is_sign_negative() { -mag } else { mag }
        };
        u64::try_from((key(a) - key(b)).unsigned_abs()).unwrap_or(u64::MAX)
    }
}

/// `a` and `b` agree: both NaN, equal (infinities included), or
/// `|a − b| ≤ abs + rel · max(|a|, |b|)`.
pub fn close(a: f64, b: f64, rel: f64, abs: f64) -> bool {
    if a.is_nan() || b.is_nan() {
        return a.is_nan() && b.is_nan();
    }
    if a == b {
        return true;
    }
    (a - b).abs() <= abs + rel * a.abs().max(b.abs())
}

/// A small deterministic generator (SplitMix64) for filling arrays from a
/// proptest-chosen seed, so that Python-free tests stay reproducible.
#[derive(Clone, Debug)]
pub struct SplitMix(pub u64);

impl SplitMix {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `[lo, hi)`.
    pub fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}
