//! The element types: `f32` and `f64` as compute elements (the constants and polynomials of the
//! vectorised `exp` and `ln`, and their vector type per instruction set) and as storage elements
//! (stored as they are computed).

#[cfg(target_arch = "x86_64")]
use super::x86;
use super::{Elem, Simd, Storage};

impl Elem for f32 {
    #[cfg(target_arch = "x86_64")]
    type Avx2 = x86::avx2::Avx2F32;
    #[cfg(target_arch = "x86_64")]
    type Avx512 = x86::avx512::Avx512F32;
    const EXP_LO: Self = -104.0;
    const EXP_NORMAL: Self = -86.0;
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

    const TANH_SWITCH: Self = 0.625;

    /// Cephes's `tanhf` below 0.625: `a + a z P(z)`, `z = a²`, `P` of degree 4 (within an ULP
    /// of `tanh` there).
    #[inline(always)]
    fn tanh_small<V: Simd<E = Self>>(a: V) -> V {
        let z = a.mul(a);
        let mut p = V::splat(-5.704_988_7e-3);
        for c in [2.063_909e-2, -5.373_971_6e-2, 1.333_144_2e-1, -3.333_328e-1] {
            p = p.mul_add(z, V::splat(c));
        }
        p.mul(z).mul_add(a, a)
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
    const EXP_NORMAL: Self = -707.0;
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

    const TANH_SWITCH: Self = 0.625;

    /// Cephes's `tanh` below 0.625: `a + a z P(z) / Q(z)`, `z = a²`, `P` of degree 2 and `Q` of
    /// degree 3 (within an ULP of `tanh` there).
    #[inline(always)]
    fn tanh_small<V: Simd<E = Self>>(a: V) -> V {
        let z = a.mul(a);
        let c = V::splat;
        let p = c(-9.643_991_794_250_523e-1)
            .mul_add(z, c(-9.928_772_310_019_186e1))
            .mul_add(z, c(-1.614_687_684_417_084_5e3));
        let q = z
            .add(c(1.128_116_784_916_329_3e2))
            .mul_add(z, c(2.235_488_390_601_004_6e3))
            .mul_add(z, c(4.844_063_053_251_255e3));
        z.mul(p).div(q).mul_add(a, a)
    }

    #[inline(always)]
    fn round_ties_even(self) -> Self {
        f64::round_ties_even(self)
    }
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
            #[inline(always)]
            fn gather<V: Simd<E = $t>>(
                s: &[$t],
                start: usize,
                stride: usize,
                n: usize,
                fill: $t,
            ) -> V {
                V::gather(s, start, stride, n, fill)
            }
            #[inline(always)]
            fn scatter<V: Simd<E = $t>>(v: V, s: &mut [$t], start: usize, stride: usize, n: usize) {
                v.scatter(s, start, stride, n);
            }
        }
    };
}

computed_as_stored!(f32);
computed_as_stored!(f64);
