//! AVX2+FMA vectors of `f32` and `f64` (see the module docs of `x86` for why the intrinsics are
//! sound).

use core::arch::x86_64::{
    __m256, __m256d, _CMP_EQ_OQ, _CMP_GE_OQ, _CMP_LT_OQ, _CMP_NEQ_UQ, _CMP_UNORD_Q,
    _mm_mullo_epi32, _mm_set1_epi32, _mm_setr_epi32, _mm256_add_epi32, _mm256_add_epi64,
    _mm256_add_pd, _mm256_add_ps, _mm256_and_pd, _mm256_and_ps, _mm256_and_si256, _mm256_andnot_pd,
    _mm256_andnot_ps, _mm256_blendv_pd, _mm256_blendv_ps, _mm256_castpd_si256, _mm256_castps_si256,
    _mm256_castsi256_pd, _mm256_castsi256_ps, _mm256_cmp_pd, _mm256_cmp_ps, _mm256_cmpgt_epi32,
    _mm256_cmpgt_epi64, _mm256_cvtepi32_ps, _mm256_cvtps_epi32, _mm256_div_pd, _mm256_div_ps,
    _mm256_fmadd_pd, _mm256_fmadd_ps, _mm256_loadu_pd, _mm256_loadu_ps, _mm256_mask_i32gather_pd,
    _mm256_mask_i32gather_ps, _mm256_maskload_pd, _mm256_maskload_ps, _mm256_maskstore_pd,
    _mm256_maskstore_ps, _mm256_max_pd, _mm256_max_ps, _mm256_min_pd, _mm256_min_ps,
    _mm256_movemask_pd, _mm256_movemask_ps, _mm256_mul_pd, _mm256_mul_ps, _mm256_mullo_epi32,
    _mm256_or_si256, _mm256_round_pd, _mm256_round_ps, _mm256_set1_epi32, _mm256_set1_epi64x,
    _mm256_set1_pd, _mm256_set1_ps, _mm256_setr_epi32, _mm256_setr_epi64x, _mm256_setzero_pd,
    _mm256_setzero_ps, _mm256_slli_epi32, _mm256_slli_epi64, _mm256_srli_epi32, _mm256_srli_epi64,
    _mm256_storeu_pd, _mm256_storeu_ps, _mm256_sub_epi32, _mm256_sub_pd, _mm256_sub_ps,
};

use super::super::Simd;
use super::{ROUND_NEAREST, common_ops};

/// AVX2 with FMA, 8 × `f32`.
#[derive(Clone, Copy, Debug)]
pub struct Avx2F32(__m256);

impl Avx2F32 {
    /// `2ᵏ` for integral `k` in the normal exponent range.
    #[inline(always)]
    fn pow2(k: Self) -> Self {
        // SAFETY: the feature is present (module docs).
        unsafe {
            let biased = _mm256_add_epi32(_mm256_cvtps_epi32(k.0), _mm256_set1_epi32(127));
            Self(_mm256_castsi256_ps(_mm256_slli_epi32::<23>(biased)))
        }
    }
}

impl Simd for Avx2F32 {
    common_ops!(
        f32,
        8,
        _mm256_set1_ps,
        _mm256_loadu_ps,
        _mm256_storeu_ps,
        _mm256_add_ps,
        _mm256_sub_ps,
        _mm256_mul_ps,
        _mm256_div_ps,
        _mm256_fmadd_ps,
        _mm256_max_ps,
        _mm256_min_ps
    );

    #[inline(always)]
    fn mantissa_exponent(self) -> (Self, Self) {
        // SAFETY: the feature is present (module docs).
        unsafe {
            let bits = _mm256_castps_si256(self.0);
            let exp = _mm256_sub_epi32(_mm256_srli_epi32::<23>(bits), _mm256_set1_epi32(127));
            let mant = _mm256_or_si256(
                _mm256_and_si256(bits, _mm256_set1_epi32(0x007f_ffff)),
                _mm256_set1_epi32(0x3f80_0000),
            );
            (
                Self(_mm256_castsi256_ps(mant)),
                Self(_mm256_cvtepi32_ps(exp)),
            )
        }
    }

    #[inline(always)]
    fn zero_or(self, v: Self) -> Self {
        // SAFETY: the feature is present (module docs).
        unsafe {
            let nonzero = _mm256_cmp_ps::<_CMP_NEQ_UQ>(self.0, _mm256_setzero_ps());
            Self(_mm256_and_ps(nonzero, v.0))
        }
    }

    #[inline(always)]
    fn load_partial(s: &[f32], fill: f32) -> Self {
        assert!(s.len() < Self::LANES);
        // SAFETY: `maskload` reads only the lanes whose mask is set (those below `s.len()`) and
        // cannot fault on the others; the feature is present (module docs).
        unsafe {
            let mask = _mm256_cmpgt_epi32(
                _mm256_set1_epi32(s.len() as i32),
                _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7),
            );
            let loaded = _mm256_maskload_ps(s.as_ptr(), mask);
            Self(_mm256_blendv_ps(
                _mm256_set1_ps(fill),
                loaded,
                _mm256_castsi256_ps(mask),
            ))
        }
    }
    #[inline(always)]
    fn store_partial(self, s: &mut [f32]) {
        assert!(s.len() < Self::LANES);
        // SAFETY: `maskstore` writes only the lanes below `s.len()`; feature present.
        unsafe {
            let mask = _mm256_cmpgt_epi32(
                _mm256_set1_epi32(s.len() as i32),
                _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7),
            );
            _mm256_maskstore_ps(s.as_mut_ptr(), mask, self.0);
        }
    }

    #[inline(always)]
    fn max_nan(self, o: Self) -> Self {
        // SAFETY: the feature is present (module docs).
        unsafe {
            let m = _mm256_max_ps(self.0, o.0);
            let self_nan = _mm256_cmp_ps::<_CMP_UNORD_Q>(self.0, self.0);
            Self(_mm256_blendv_ps(m, self.0, self_nan))
        }
    }
    #[inline(always)]
    fn abs(self) -> Self {
        // SAFETY: the feature is present (module docs).
        Self(unsafe { _mm256_andnot_ps(_mm256_set1_ps(-0.0), self.0) })
    }
    #[inline(always)]
    fn add_where_ge(self, v: Self, l: Self) -> Self {
        // SAFETY: the feature is present (module docs).
        unsafe {
            let ge = _mm256_cmp_ps::<_CMP_GE_OQ>(v.0, l.0);
            Self(_mm256_add_ps(self.0, _mm256_and_ps(ge, v.0)))
        }
    }
    #[inline(always)]
    fn select_lt(self, lim: Self, a: Self, b: Self) -> Self {
        // SAFETY: the feature is present (module docs).
        unsafe {
            let lt = _mm256_cmp_ps::<_CMP_LT_OQ>(self.0, lim.0);
            Self(_mm256_blendv_ps(b.0, a.0, lt))
        }
    }
    #[inline(always)]
    fn any_lt(self, lim: Self) -> bool {
        // SAFETY: the feature is present (module docs).
        unsafe { _mm256_movemask_ps(_mm256_cmp_ps::<_CMP_LT_OQ>(self.0, lim.0)) != 0 }
    }
    #[inline(always)]
    fn count_gt(self, v: Self, lim: Self) -> Self {
        // SAFETY: the feature is present (module docs).
        unsafe {
            let gt = _mm256_cmp_ps::<_CMP_LT_OQ>(lim.0, v.0);
            Self(_mm256_add_ps(
                self.0,
                _mm256_and_ps(gt, _mm256_set1_ps(1.0)),
            ))
        }
    }
    #[inline(always)]
    fn first_lanes(self, n: usize) -> Self {
        // SAFETY: the feature is present (module docs).
        unsafe {
            let mask = _mm256_cmpgt_epi32(
                _mm256_set1_epi32(n.min(Self::LANES) as i32),
                _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7),
            );
            Self(_mm256_and_ps(self.0, _mm256_castsi256_ps(mask)))
        }
    }
    #[inline(always)]
    fn eq_bits(self, o: Self) -> u64 {
        // SAFETY: the feature is present (module docs).
        u64::from(unsafe { _mm256_movemask_ps(_mm256_cmp_ps::<_CMP_EQ_OQ>(self.0, o.0)) } as u32)
    }
    #[inline(always)]
    fn select_sign(self, pos: Self, neg: Self) -> Self {
        // SAFETY: the feature is present (module docs).
        Self(unsafe { _mm256_blendv_ps(pos.0, neg.0, self.0) })
    }
    #[inline(always)]
    fn round(self) -> Self {
        // SAFETY: the feature is present (module docs).
        Self(unsafe { _mm256_round_ps::<ROUND_NEAREST>(self.0) })
    }
    #[inline(always)]
    fn ldexp(self, n: Self) -> Self {
        // Two factors keep each power of two normal over exp's whole range of `n`.
        let half = n.mul(Self::splat(0.5)).round();
        self.mul(Self::pow2(half)).mul(Self::pow2(n.sub(half)))
    }
    #[inline(always)]
    fn reduce_add(self) -> f32 {
        let mut b = [0.0_f32; 8];
        self.store(&mut b);
        ((b[0] + b[4]) + (b[1] + b[5])) + ((b[2] + b[6]) + (b[3] + b[7]))
    }
    #[inline(always)]
    fn gather(s: &[f32], start: usize, stride: usize, n: usize, fill: f32) -> Self {
        let n = n.min(8);
        if n == 0 {
            return Self::splat(fill);
        }
        assert!(start + (n - 1) * stride < s.len(), "gather out of bounds");
        let stride = i32::try_from(stride).expect("a stride that fits 32-bit offsets");
        assert!(
            stride.checked_mul(7).is_some(),
            "a stride that fits 32-bit offsets"
        );
        // SAFETY: the feature is present (module docs); only the lanes k < n (the mask) read,
        // at s[start + k · stride], in bounds (asserted), with offsets that fit in i32.
        unsafe {
            let offsets = _mm256_mullo_epi32(
                _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7),
                _mm256_set1_epi32(stride),
            );
            let mask = _mm256_castsi256_ps(_mm256_cmpgt_epi32(
                _mm256_set1_epi32(n as i32),
                _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7),
            ));
            Self(_mm256_mask_i32gather_ps::<4>(
                _mm256_set1_ps(fill),
                s.as_ptr().add(start),
                offsets,
                mask,
            ))
        }
    }
    #[inline(always)]
    fn reduce_max_nan(self) -> f32 {
        // SAFETY: the feature is present (module docs).
        let nan = unsafe { _mm256_movemask_ps(_mm256_cmp_ps::<_CMP_UNORD_Q>(self.0, self.0)) };
        let mut b = [0.0_f32; 8];
        self.store(&mut b);
        // No NaN left: a plain comparison is the maximum.
        let max = |a: f32, c: f32| if a > c { a } else { c };
        if nan == 0 {
            max(
                max(max(b[0], b[4]), max(b[1], b[5])),
                max(max(b[2], b[6]), max(b[3], b[7])),
            )
        } else {
            f32::NAN
        }
    }
}

/// AVX2 with FMA, 4 × `f64`.
#[derive(Clone, Copy, Debug)]
pub struct Avx2F64(__m256d);

impl Avx2F64 {
    /// `2ᵏ` for integral `k` in the normal exponent range: adding 1.5·2⁵² puts `k` in the low
    /// mantissa bits, where it can be biased and shifted into the exponent field.
    #[inline(always)]
    fn pow2(k: Self) -> Self {
        // SAFETY: the feature is present (module docs).
        unsafe {
            let t =
                _mm256_castpd_si256(_mm256_add_pd(k.0, _mm256_set1_pd(6_755_399_441_055_744.0)));
            let biased = _mm256_add_epi64(t, _mm256_set1_epi64x(1023));
            Self(_mm256_castsi256_pd(_mm256_slli_epi64::<52>(biased)))
        }
    }
}

impl Simd for Avx2F64 {
    common_ops!(
        f64,
        4,
        _mm256_set1_pd,
        _mm256_loadu_pd,
        _mm256_storeu_pd,
        _mm256_add_pd,
        _mm256_sub_pd,
        _mm256_mul_pd,
        _mm256_div_pd,
        _mm256_fmadd_pd,
        _mm256_max_pd,
        _mm256_min_pd
    );

    #[inline(always)]
    fn mantissa_exponent(self) -> (Self, Self) {
        // SAFETY: the feature is present (module docs).
        unsafe {
            let bits = _mm256_castpd_si256(self.0);
            // The biased exponent, placed in the mantissa of 2⁵², becomes 2⁵² + e as a double.
            let biased = _mm256_or_si256(
                _mm256_srli_epi64::<52>(bits),
                _mm256_set1_epi64x(0x4330_0000_0000_0000),
            );
            let exp = _mm256_sub_pd(
                _mm256_castsi256_pd(biased),
                _mm256_set1_pd(4_503_599_627_370_496.0 + 1023.0),
            );
            let mant = _mm256_or_si256(
                _mm256_and_si256(bits, _mm256_set1_epi64x(0x000f_ffff_ffff_ffff)),
                _mm256_set1_epi64x(0x3ff0_0000_0000_0000),
            );
            (Self(_mm256_castsi256_pd(mant)), Self(exp))
        }
    }

    #[inline(always)]
    fn zero_or(self, v: Self) -> Self {
        // SAFETY: the feature is present (module docs).
        unsafe {
            let nonzero = _mm256_cmp_pd::<_CMP_NEQ_UQ>(self.0, _mm256_setzero_pd());
            Self(_mm256_and_pd(nonzero, v.0))
        }
    }

    #[inline(always)]
    fn load_partial(s: &[f64], fill: f64) -> Self {
        assert!(s.len() < Self::LANES);
        // SAFETY: `maskload` reads only the lanes whose mask is set (those below `s.len()`) and
        // cannot fault on the others; the feature is present (module docs).
        unsafe {
            let mask = _mm256_cmpgt_epi64(
                _mm256_set1_epi64x(s.len() as i64),
                _mm256_setr_epi64x(0, 1, 2, 3),
            );
            let loaded = _mm256_maskload_pd(s.as_ptr(), mask);
            Self(_mm256_blendv_pd(
                _mm256_set1_pd(fill),
                loaded,
                _mm256_castsi256_pd(mask),
            ))
        }
    }
    #[inline(always)]
    fn store_partial(self, s: &mut [f64]) {
        assert!(s.len() < Self::LANES);
        // SAFETY: `maskstore` writes only the lanes below `s.len()`; feature present.
        unsafe {
            let mask = _mm256_cmpgt_epi64(
                _mm256_set1_epi64x(s.len() as i64),
                _mm256_setr_epi64x(0, 1, 2, 3),
            );
            _mm256_maskstore_pd(s.as_mut_ptr(), mask, self.0);
        }
    }

    #[inline(always)]
    fn max_nan(self, o: Self) -> Self {
        // SAFETY: the feature is present (module docs).
        unsafe {
            let m = _mm256_max_pd(self.0, o.0);
            let self_nan = _mm256_cmp_pd::<_CMP_UNORD_Q>(self.0, self.0);
            Self(_mm256_blendv_pd(m, self.0, self_nan))
        }
    }
    #[inline(always)]
    fn abs(self) -> Self {
        // SAFETY: the feature is present (module docs).
        Self(unsafe { _mm256_andnot_pd(_mm256_set1_pd(-0.0), self.0) })
    }
    #[inline(always)]
    fn add_where_ge(self, v: Self, l: Self) -> Self {
        // SAFETY: the feature is present (module docs).
        unsafe {
            let ge = _mm256_cmp_pd::<_CMP_GE_OQ>(v.0, l.0);
            Self(_mm256_add_pd(self.0, _mm256_and_pd(ge, v.0)))
        }
    }
    #[inline(always)]
    fn select_lt(self, lim: Self, a: Self, b: Self) -> Self {
        // SAFETY: the feature is present (module docs).
        unsafe {
            let lt = _mm256_cmp_pd::<_CMP_LT_OQ>(self.0, lim.0);
            Self(_mm256_blendv_pd(b.0, a.0, lt))
        }
    }
    #[inline(always)]
    fn any_lt(self, lim: Self) -> bool {
        // SAFETY: the feature is present (module docs).
        unsafe { _mm256_movemask_pd(_mm256_cmp_pd::<_CMP_LT_OQ>(self.0, lim.0)) != 0 }
    }
    #[inline(always)]
    fn count_gt(self, v: Self, lim: Self) -> Self {
        // SAFETY: the feature is present (module docs).
        unsafe {
            let gt = _mm256_cmp_pd::<_CMP_LT_OQ>(lim.0, v.0);
            Self(_mm256_add_pd(
                self.0,
                _mm256_and_pd(gt, _mm256_set1_pd(1.0)),
            ))
        }
    }
    #[inline(always)]
    fn first_lanes(self, n: usize) -> Self {
        // SAFETY: the feature is present (module docs).
        unsafe {
            let mask = _mm256_cmpgt_epi64(
                _mm256_set1_epi64x(n.min(Self::LANES) as i64),
                _mm256_setr_epi64x(0, 1, 2, 3),
            );
            Self(_mm256_and_pd(self.0, _mm256_castsi256_pd(mask)))
        }
    }
    #[inline(always)]
    fn eq_bits(self, o: Self) -> u64 {
        // SAFETY: the feature is present (module docs).
        u64::from(unsafe { _mm256_movemask_pd(_mm256_cmp_pd::<_CMP_EQ_OQ>(self.0, o.0)) } as u32)
    }
    #[inline(always)]
    fn select_sign(self, pos: Self, neg: Self) -> Self {
        // SAFETY: the feature is present (module docs).
        Self(unsafe { _mm256_blendv_pd(pos.0, neg.0, self.0) })
    }
    #[inline(always)]
    fn round(self) -> Self {
        // SAFETY: the feature is present (module docs).
        Self(unsafe { _mm256_round_pd::<ROUND_NEAREST>(self.0) })
    }
    #[inline(always)]
    fn ldexp(self, n: Self) -> Self {
        let half = n.mul(Self::splat(0.5)).round();
        self.mul(Self::pow2(half)).mul(Self::pow2(n.sub(half)))
    }
    #[inline(always)]
    fn reduce_add(self) -> f64 {
        let mut b = [0.0_f64; 4];
        self.store(&mut b);
        (b[0] + b[2]) + (b[1] + b[3])
    }
    #[inline(always)]
    fn gather(s: &[f64], start: usize, stride: usize, n: usize, fill: f64) -> Self {
        let n = n.min(4);
        if n == 0 {
            return Self::splat(fill);
        }
        assert!(start + (n - 1) * stride < s.len(), "gather out of bounds");
        let stride = i32::try_from(stride).expect("a stride that fits 32-bit offsets");
        assert!(
            stride.checked_mul(3).is_some(),
            "a stride that fits 32-bit offsets"
        );
        // SAFETY: the feature is present (module docs); only the lanes k < n (the mask) read,
        // at s[start + k · stride], in bounds (asserted), with offsets that fit in i32.
        unsafe {
            let offsets = _mm_mullo_epi32(_mm_setr_epi32(0, 1, 2, 3), _mm_set1_epi32(stride));
            let mask = _mm256_castsi256_pd(_mm256_cmpgt_epi64(
                _mm256_set1_epi64x(n as i64),
                _mm256_setr_epi64x(0, 1, 2, 3),
            ));
            Self(_mm256_mask_i32gather_pd::<8>(
                _mm256_set1_pd(fill),
                s.as_ptr().add(start),
                offsets,
                mask,
            ))
        }
    }
    #[inline(always)]
    fn reduce_max_nan(self) -> f64 {
        // SAFETY: the feature is present (module docs).
        let nan = unsafe { _mm256_movemask_pd(_mm256_cmp_pd::<_CMP_UNORD_Q>(self.0, self.0)) };
        let mut b = [0.0_f64; 4];
        self.store(&mut b);
        // No NaN left: a plain comparison is the maximum.
        let max = |a: f64, c: f64| if a > c { a } else { c };
        if nan == 0 {
            max(max(b[0], b[2]), max(b[1], b[3]))
        } else {
            f64::NAN
        }
    }
}
