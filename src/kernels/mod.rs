//! The only module with `unsafe`: SIMD kernels on contiguous slices, exp, and run-time dispatch.
//!
//! A kernel is written once, generic over [`Simd`], as a type implementing [`Kernel`].
//! [`Isa::run`] instantiates it for the best instruction set the CPU has, inside a
//! `#[target_feature]` function, so the whole kernel is compiled for that instruction set.

#![expect(
    clippy::inline_always,
    reason = "kernels must inline into the `#[target_feature]` entry point to be compiled for its ISA"
)]

pub(crate) mod binary;
pub(crate) mod columns;
pub(crate) mod loops;
pub(crate) mod ops;
mod scalar;
pub(crate) mod simd;
#[cfg(target_arch = "x86_64")]
mod x86;

use std::fmt::Debug;
use std::sync::atomic::{AtomicU8, Ordering};

pub(crate) use simd::Simd;

/// An element type the kernels handle: `f32` or `f64`.
///
/// Carries the constants of the vectorised `exp` and, per instruction set, its vector type.
pub trait Elem: num_traits::Float + Default + Debug + Send + Sync + 'static {
    /// AVX2+FMA vector of this element.
    #[cfg(target_arch = "x86_64")]
    #[doc(hidden)]
    type Avx2: Simd<E = Self>;
    /// AVX-512F vector of this element.
    #[cfg(target_arch = "x86_64")]
    #[doc(hidden)]
    type Avx512: Simd<E = Self>;
    /// Below this, `exp` is 0 (its argument is clamped here).
    #[doc(hidden)]
    const EXP_LO: Self;
    /// Above this, `exp` is +inf (its argument is clamped here).
    #[doc(hidden)]
    const EXP_HI: Self;
    /// log₂ e.
    #[doc(hidden)]
    const LOG2E: Self;
    /// High part of ln 2, exact in few bits so that `n · LN2_HI` is exact.
    #[doc(hidden)]
    const LN2_HI: Self;
    /// ln 2 − `LN2_HI`.
    #[doc(hidden)]
    const LN2_LO: Self;
    /// `eʳ` for `|r| ≤ ln2 / 2`.
    #[doc(hidden)]
    fn exp_reduced<V: Simd<E = Self>>(r: V) -> V;
    /// `2 atanh(s) = ln((1 + s) / (1 − s))` for `|s| ≤ 0.172`.
    #[doc(hidden)]
    fn atanh2<V: Simd<E = Self>>(s: V) -> V;
    /// √2 − 1.
    #[doc(hidden)]
    const SQRT2_M1: Self;
    /// ln 2.
    #[doc(hidden)]
    const LN2: Self;
    /// 2.
    #[doc(hidden)]
    const TWO: Self;
    /// 3.
    #[doc(hidden)]
    const THREE: Self;
    /// Round to nearest, ties to even.
    #[doc(hidden)]
    fn round_ties_even(self) -> Self;
}

impl Elem for f32 {
    #[cfg(target_arch = "x86_64")]
    type Avx2 = x86::Avx2F32;
    #[cfg(target_arch = "x86_64")]
    type Avx512 = x86::Avx512F32;
    const EXP_LO: Self = -104.0;
    const EXP_HI: Self = 89.0;
    const LOG2E: Self = std::f32::consts::LOG2_E;
    const LN2_HI: Self = 0.693_359_4;
    const LN2_LO: Self = -2.121_944_4e-4;

    /// Cephes' `expf` minimax polynomial.
    #[inline(always)]
    fn exp_reduced<V: Simd<E = Self>>(r: V) -> V {
        let c = V::splat;
        let p = c(1.987_569_1e-4).mul_add(r, c(1.398_199_9e-3));
        let p = p.mul_add(r, c(8.333_452e-3));
        let p = p.mul_add(r, c(4.166_579_6e-2));
        let p = p.mul_add(r, c(1.666_666_5e-1));
        let p = p.mul_add(r, c(5e-1));
        p.mul_add(r.mul(r), r).add(c(1.0))
    }

    /// `2s (1 + z/3 + z²/5 + … + z⁵/11)`, `z = s²`: the next term is below 2⁻²⁶ for `|s| ≤ 0.172`.
    #[inline(always)]
    fn atanh2<V: Simd<E = Self>>(s: V) -> V {
        let z = s.mul(s);
        let mut p = V::splat(1.0 / 11.0);
        for k in (0..5).rev() {
            p = p.mul_add(z, V::splat(1.0 / (2 * k + 1) as f32));
        }
        s.add(s).mul(p)
    }
    const SQRT2_M1: Self = std::f32::consts::SQRT_2 - 1.0;
    const LN2: Self = std::f32::consts::LN_2;
    const TWO: Self = 2.0;
    const THREE: Self = 3.0;

    #[inline(always)]
    fn round_ties_even(self) -> Self {
        f32::round_ties_even(self)
    }
}

impl Elem for f64 {
    #[cfg(target_arch = "x86_64")]
    type Avx2 = x86::Avx2F64;
    #[cfg(target_arch = "x86_64")]
    type Avx512 = x86::Avx512F64;
    const EXP_LO: Self = -746.0;
    const EXP_HI: Self = 710.0;
    const LOG2E: Self = std::f64::consts::LOG2_E;
    const LN2_HI: Self = 6.931_457_519_531_25e-1;
    const LN2_LO: Self = 1.428_606_820_309_417_2e-6;

    /// Taylor series to degree 13: the truncation error is below 0.05 ULP on `|r| ≤ ln2 / 2`.
    #[inline(always)]
    fn exp_reduced<V: Simd<E = Self>>(r: V) -> V {
        const INV_FACT: [f64; 14] = [
            1.0,
            1.0,
            1.0 / 2.0,
            1.0 / 6.0,
            1.0 / 24.0,
            1.0 / 120.0,
            1.0 / 720.0,
            1.0 / 5_040.0,
            1.0 / 40_320.0,
            1.0 / 362_880.0,
            1.0 / 3_628_800.0,
            1.0 / 39_916_800.0,
            1.0 / 479_001_600.0,
            1.0 / 6_227_020_800.0,
        ];
        let mut p = V::splat(INV_FACT[13]);
        for &c in INV_FACT[..13].iter().rev() {
            p = p.mul_add(r, V::splat(c));
        }
        p
    }

    /// `2s (1 + z/3 + … + z¹¹/23)`, `z = s²`: the next term is below 2⁻⁵⁶ for `|s| ≤ 0.172`.
    #[inline(always)]
    fn atanh2<V: Simd<E = Self>>(s: V) -> V {
        let z = s.mul(s);
        let mut p = V::splat(1.0 / 23.0);
        for k in (0..11).rev() {
            p = p.mul_add(z, V::splat(1.0 / f64::from(2 * k + 1)));
        }
        s.add(s).mul(p)
    }
    const SQRT2_M1: Self = std::f64::consts::SQRT_2 - 1.0;
    const LN2: Self = std::f64::consts::LN_2;
    const TWO: Self = 2.0;
    const THREE: Self = 3.0;

    #[inline(always)]
    fn round_ties_even(self) -> Self {
        f64::round_ties_even(self)
    }
}

/// A computation over slices, generic over the vector type it runs with.
pub(crate) trait Kernel {
    type E: Elem;
    type Output;
    /// Runs with vectors `V`. Implementations are `#[inline(always)]` so that they are compiled
    /// inside the `#[target_feature]` entry point that calls them.
    fn run<V: Simd<E = Self::E>>(self) -> Self::Output;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Scalar,
    #[cfg(target_arch = "x86_64")]
    Avx2Fma,
    #[cfg(target_arch = "x86_64")]
    Avx512,
}

/// An instruction set that this CPU was seen to support.
///
/// Only [`Isa::detect`] and [`Isa::available`] make one with a SIMD kind, after checking the CPU,
/// so holding an `Isa` is the proof that running its kernels is sound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Isa(Kind);

impl Isa {
    /// The portable scalar path, available everywhere.
    #[cfg(test)]
    pub(crate) const SCALAR: Self = Self(Kind::Scalar);

    /// Every instruction set this CPU supports, scalar first.
    pub(crate) fn available() -> Vec<Self> {
        let mut all = vec![Self(Kind::Scalar)];
        #[cfg(target_arch = "x86_64")]
        {
            if is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma") {
                all.push(Self(Kind::Avx2Fma));
                if is_x86_feature_detected!("avx512f") {
                    all.push(Self(Kind::Avx512));
                }
            }
        }
        all
    }

    /// The best available instruction set, capped by the environment variable `LOGITS_ISA`
    /// (`scalar`, `avx2` or `avx512`) when it is set. Detected once per process.
    pub(crate) fn detect() -> Self {
        static CACHE: AtomicU8 = AtomicU8::new(u8::MAX);
        let all = Self::available();
        let cached = CACHE.load(Ordering::Relaxed);
        if let Some(&isa) = all.get(usize::from(cached)) {
            return isa;
        }
        let cap = std::env::var("LOGITS_ISA").ok();
        let index = all
            .iter()
            .rposition(|isa| cap.as_deref().is_none_or(|c| isa.0 <= Self::parse(c)))
            .unwrap_or(0);
        CACHE.store(u8::try_from(index).unwrap_or(0), Ordering::Relaxed);
        all[index]
    }

    fn parse(name: &str) -> Kind {
        match name.to_ascii_lowercase().as_str() {
            #[cfg(target_arch = "x86_64")]
            "avx2" | "avx2fma" => Kind::Avx2Fma,
            #[cfg(target_arch = "x86_64")]
            "avx512" | "avx512f" => Kind::Avx512,
            "scalar" => Kind::Scalar,
            _ => Self::available().last().map_or(Kind::Scalar, |isa| isa.0),
        }
    }

    /// A short name: `scalar`, `avx2` or `avx512`.
    pub(crate) fn name(self) -> &'static str {
        match self.0 {
            Kind::Scalar => "scalar",
            #[cfg(target_arch = "x86_64")]
            Kind::Avx2Fma => "avx2",
            #[cfg(target_arch = "x86_64")]
            Kind::Avx512 => "avx512",
        }
    }

    /// Runs `k` with this instruction set's vectors.
    #[inline]
    pub(crate) fn run<K: Kernel>(self, k: K) -> K::Output {
        match self.0 {
            Kind::Scalar => k.run::<scalar::Scalar<K::E>>(),
            #[cfg(target_arch = "x86_64")]
            // SAFETY: an `Isa` of this kind exists only if `available` saw AVX2 and FMA.
            Kind::Avx2Fma => unsafe { run_avx2(k) },
            #[cfg(target_arch = "x86_64")]
            // SAFETY: an `Isa` of this kind exists only if `available` saw AVX-512F, AVX2 and FMA.
            Kind::Avx512 => unsafe { run_avx512(k) },
        }
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
fn run_avx2<K: Kernel>(k: K) -> K::Output {
    k.run::<<K::E as Elem>::Avx2>()
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx2,fma")]
fn run_avx512<K: Kernel>(k: K) -> K::Output {
    k.run::<<K::E as Elem>::Avx512>()
}

#[cfg(test)]
mod tests;
