//! The element types: what the kernels compute in ([`Elem`]), and what they read and write
//! ([`Storage`]).

use std::fmt::Debug;

use super::Simd;
#[cfg(target_arch = "x86_64")]
use super::x86;

/// An element type the kernels compute in: `f32` or `f64`.
///
/// Carries the constants of the vectorised `exp` and `ln` and, per instruction set, its vector
/// type. A compute element is also stored as itself, so that kernels keep scratch buffers of it.
pub trait Elem:
    num_traits::Float + Default + Debug + Send + Sync + Storage<Compute = Self> + 'static
{
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
    /// `eʳ` for `|r| ≤ ln2 / 2`.
    #[doc(hidden)]
    fn exp_reduced<V: Simd<E = Self>>(r: V) -> V;
    /// `2 atanh(s) = ln((1 + s) / (1 − s))` for `|s| ≤ 0.172`.
    #[doc(hidden)]
    fn atanh2<V: Simd<E = Self>>(s: V) -> V;
    /// Round to nearest, ties to even.
    #[doc(hidden)]
    fn round_ties_even(self) -> Self;
}

impl Elem for f32 {
    #[cfg(target_arch = "x86_64")]
    type Avx2 = x86::avx2::Avx2F32;
    #[cfg(target_arch = "x86_64")]
    type Avx512 = x86::avx512::Avx512F32;
    const EXP_LO: Self = -104.0;
    const EXP_HI: Self = 89.0;
    const LOG2E: Self = std::f32::consts::LOG2_E;
    const LN2_HI: Self = 0.693_359_4;
    const LN2_LO: Self = -2.121_944_4e-4;
    const SQRT2_M1: Self = std::f32::consts::SQRT_2 - 1.0;
    const LN2: Self = std::f32::consts::LN_2;
    const TWO: Self = 2.0;
    const THREE: Self = 3.0;

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

    #[inline(always)]
    fn round_ties_even(self) -> Self {
        f32::round_ties_even(self)
    }
}

impl Elem for f64 {
    #[cfg(target_arch = "x86_64")]
    type Avx2 = x86::avx2::Avx2F64;
    #[cfg(target_arch = "x86_64")]
    type Avx512 = x86::avx512::Avx512F64;
    const EXP_LO: Self = -746.0;
    const EXP_HI: Self = 710.0;
    const LOG2E: Self = std::f64::consts::LOG2_E;
    const LN2_HI: Self = 6.931_457_519_531_25e-1;
    const LN2_LO: Self = 1.428_606_820_309_417_2e-6;
    const SQRT2_M1: Self = std::f64::consts::SQRT_2 - 1.0;
    const LN2: Self = std::f64::consts::LN_2;
    const TWO: Self = 2.0;
    const THREE: Self = 3.0;

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

    #[inline(always)]
    fn round_ties_even(self) -> Self {
        f64::round_ties_even(self)
    }
}

/// An element as it lies in memory: the type of the slices a kernel reads and writes.
///
/// Kernels load storage elements into vectors of its compute element ([`Storage::Compute`]),
/// compute there, and store back; scalar code reads through [`Storage::widen`] and writes
/// through [`Storage::narrow`]. This is the seam for narrower inputs: today `f32` and `f64` are
/// each their own compute element, and a half-precision type (`bf16`, `f16`) would be one more
/// implementation whose loads widen to `f32` and whose stores round back, behind a feature,
/// with no kernel rewritten.
pub trait Storage: Copy + Debug + Send + Sync + 'static {
    /// The element the kernels compute in.
    #[doc(hidden)]
    type Compute: Elem;
    /// This element in the compute type (exact).
    #[doc(hidden)]
    fn widen(self) -> Self::Compute;
    /// A compute value rounded to this type.
    #[doc(hidden)]
    fn narrow(v: Self::Compute) -> Self;
    /// Loads the first `LANES` elements of `s`. Panics if `s` is shorter.
    #[doc(hidden)]
    fn load<V: Simd<E = Self::Compute>>(s: &[Self]) -> V;
    /// Loads the `s.len() < LANES` elements of `s`, the other lanes set to `fill`.
    #[doc(hidden)]
    fn load_partial<V: Simd<E = Self::Compute>>(s: &[Self], fill: Self::Compute) -> V;
    /// Stores into the first `LANES` elements of `s`. Panics if `s` is shorter.
    #[doc(hidden)]
    fn store<V: Simd<E = Self::Compute>>(v: V, s: &mut [Self]);
    /// Stores the first `s.len() < LANES` lanes of `v` into `s`.
    #[doc(hidden)]
    fn store_partial<V: Simd<E = Self::Compute>>(v: V, s: &mut [Self]);
}

/// A type stored as it is computed: loads and stores are the vector's own.
macro_rules! computed_as_stored {
    ($t:ty) => {
        impl Storage for $t {
            type Compute = $t;
            #[inline(always)]
            fn widen(self) -> $t {
                self
            }
            #[inline(always)]
            fn narrow(v: $t) -> Self {
                v
            }
            #[inline(always)]
            fn load<V: Simd<E = $t>>(s: &[$t]) -> V {
                V::load(s)
            }
            #[inline(always)]
            fn load_partial<V: Simd<E = $t>>(s: &[$t], fill: $t) -> V {
                V::load_partial(s, fill)
            }
            #[inline(always)]
            fn store<V: Simd<E = $t>>(v: V, s: &mut [$t]) {
                v.store(s);
            }
            #[inline(always)]
            fn store_partial<V: Simd<E = $t>>(v: V, s: &mut [$t]) {
                v.store_partial(s);
            }
        }
    };
}

computed_as_stored!(f32);
computed_as_stored!(f64);
