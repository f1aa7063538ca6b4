//! AVX-512F vectors of `f32` and `f64` (see the module docs of `x86` for why the intrinsics are
//! sound).

use core::arch::x86_64::{
    __m512, __m512d, __mmask8, __mmask16, _CMP_EQ_OQ, _CMP_GE_OQ, _CMP_LT_OQ, _CMP_NEQ_UQ,
    _CMP_UNORD_Q, _MM_MANT_NORM_1_2, _MM_MANT_SIGN_SRC, _mm256_mullo_epi32, _mm256_set1_epi32,
    _mm256_setr_epi32, _mm512_abs_pd, _mm512_abs_ps, _mm512_add_pd, _mm512_add_ps,
    _mm512_castpd_si512, _mm512_castps_si512, _mm512_cmp_pd_mask, _mm512_cmp_ps_mask,
    _mm512_div_pd, _mm512_div_ps, _mm512_fmadd_pd, _mm512_fmadd_ps, _mm512_getexp_pd,
    _mm512_getexp_ps, _mm512_getmant_pd, _mm512_getmant_ps, _mm512_loadu_pd, _mm512_loadu_ps,
    _mm512_mask_add_pd, _mm512_mask_add_ps, _mm512_mask_blend_pd, _mm512_mask_blend_ps,
    _mm512_mask_i32gather_pd, _mm512_mask_i32gather_ps, _mm512_mask_i32scatter_pd,
    _mm512_mask_i32scatter_ps, _mm512_mask_loadu_pd, _mm512_mask_loadu_ps, _mm512_mask_mov_pd,
    _mm512_mask_mov_ps, _mm512_mask_storeu_pd, _mm512_mask_storeu_ps, _mm512_maskz_mov_pd,
    _mm512_maskz_mov_ps, _mm512_max_pd, _mm512_max_ps, _mm512_min_pd, _mm512_min_ps, _mm512_mul_pd,
    _mm512_mul_ps, _mm512_mullo_epi32, _mm512_reduce_add_pd, _mm512_reduce_add_ps,
    _mm512_reduce_max_pd, _mm512_reduce_max_ps, _mm512_roundscale_pd, _mm512_roundscale_ps,
    _mm512_scalef_pd, _mm512_scalef_ps, _mm512_set1_epi32, _mm512_set1_epi64, _mm512_set1_pd,
    _mm512_set1_ps, _mm512_setr_epi32, _mm512_setzero_pd, _mm512_setzero_ps, _mm512_storeu_pd,
    _mm512_storeu_ps, _mm512_sub_pd, _mm512_sub_ps, _mm512_test_epi32_mask, _mm512_test_epi64_mask,
};

use super::super::Simd;
use super::{ROUND_NEAREST, common_ops};

/// AVX-512F, 16 × `f32`.
#[derive(Clone, Copy, Debug)]
pub struct Avx512F32(__m512);

impl Simd for Avx512F32 {
    common_ops!(
        f32,
        16,
        _mm512_set1_ps,
        _mm512_loadu_ps,
        _mm512_storeu_ps,
        _mm512_add_ps,
        _mm512_sub_ps,
        _mm512_mul_ps,
        _mm512_div_ps,
        _mm512_fmadd_ps,
        _mm512_max_ps,
        _mm512_min_ps
    );

    #[inline(always)]
    fn mantissa_exponent(self) -> (Self, Self) {
        // SAFETY: the feature is present (module docs).
        unsafe {
            (
                Self(_mm512_getmant_ps::<_MM_MANT_NORM_1_2, _MM_MANT_SIGN_SRC>(
                    self.0,
                )),
                Self(_mm512_getexp_ps(self.0)),
            )
        }
    }

    #[inline(always)]
    fn zero_or(self, v: Self) -> Self {
        // SAFETY: the feature is present (module docs).
        unsafe {
            let nonzero = _mm512_cmp_ps_mask::<_CMP_NEQ_UQ>(self.0, _mm512_setzero_ps());
            Self(_mm512_maskz_mov_ps(nonzero, v.0))
        }
    }

    #[inline(always)]
    fn load_partial(s: &[f32], fill: f32) -> Self {
        assert!(s.len() < Self::LANES);
        let k: u16 = (1 << s.len()) - 1;
        // SAFETY: lanes outside the mask `k` (those past `s.len()`) are neither read nor able to
        // fault; the feature is present (module docs).
        Self(unsafe { _mm512_mask_loadu_ps(_mm512_set1_ps(fill), k, s.as_ptr()) })
    }
    #[inline(always)]
    fn store_partial(self, s: &mut [f32]) {
        assert!(s.len() < Self::LANES);
        let k: u16 = (1 << s.len()) - 1;
        // SAFETY: only the lanes in `k` (those below `s.len()`) are written; feature present.
        unsafe { _mm512_mask_storeu_ps(s.as_mut_ptr(), k, self.0) }
    }

    #[inline(always)]
    fn max_nan(self, o: Self) -> Self {
        // SAFETY: the feature is present (module docs).
        unsafe {
            let m = _mm512_max_ps(self.0, o.0);
            let self_nan = _mm512_cmp_ps_mask::<_CMP_UNORD_Q>(self.0, self.0);
            Self(_mm512_mask_mov_ps(m, self_nan, self.0))
        }
    }
    #[inline(always)]
    fn abs(self) -> Self {
        // SAFETY: the feature is present (module docs).
        Self(unsafe { _mm512_abs_ps(self.0) })
    }
    #[inline(always)]
    fn add_where_ge(self, v: Self, l: Self) -> Self {
        // SAFETY: the feature is present (module docs).
        unsafe {
            let k = _mm512_cmp_ps_mask::<_CMP_GE_OQ>(v.0, l.0);
            Self(_mm512_mask_add_ps(self.0, k, self.0, v.0))
        }
    }
    #[inline(always)]
    fn select_lt(self, lim: Self, a: Self, b: Self) -> Self {
        // SAFETY: the feature is present (module docs).
        unsafe {
            let k = _mm512_cmp_ps_mask::<_CMP_LT_OQ>(self.0, lim.0);
            Self(_mm512_mask_blend_ps(k, b.0, a.0))
        }
    }
    #[inline(always)]
    fn any_lt(self, lim: Self) -> bool {
        // SAFETY: the feature is present (module docs).
        unsafe { _mm512_cmp_ps_mask::<_CMP_LT_OQ>(self.0, lim.0) != 0 }
    }
    #[inline(always)]
    fn count_gt(self, v: Self, lim: Self) -> Self {
        // SAFETY: the feature is present (module docs).
        unsafe {
            let gt = _mm512_cmp_ps_mask::<_CMP_LT_OQ>(lim.0, v.0);
            Self(_mm512_mask_add_ps(self.0, gt, self.0, _mm512_set1_ps(1.0)))
        }
    }
    #[inline(always)]
    fn first_lanes(self, n: usize) -> Self {
        let k: u16 = if n >= Self::LANES {
            u16::MAX
        } else {
            (1 << n) - 1
        };
        // SAFETY: the feature is present (module docs).
        Self(unsafe { _mm512_maskz_mov_ps(k, self.0) })
    }
    #[inline(always)]
    fn eq_bits(self, o: Self) -> u64 {
        // SAFETY: the feature is present (module docs).
        u64::from(unsafe { _mm512_cmp_ps_mask::<_CMP_EQ_OQ>(self.0, o.0) })
    }
    #[inline(always)]
    fn select_sign(self, pos: Self, neg: Self) -> Self {
        // SAFETY: the feature is present (module docs).
        unsafe {
            let sign = _mm512_set1_epi32(i32::MIN);
            let k = _mm512_test_epi32_mask(_mm512_castps_si512(self.0), sign);
            Self(_mm512_mask_blend_ps(k, pos.0, neg.0))
        }
    }
    #[inline(always)]
    fn round(self) -> Self {
        // SAFETY: the feature is present (module docs).
        Self(unsafe { _mm512_roundscale_ps::<ROUND_NEAREST>(self.0) })
    }
    #[inline(always)]
    fn ldexp(self, n: Self) -> Self {
        // SAFETY: the feature is present (module docs).
        Self(unsafe { _mm512_scalef_ps(self.0, n.0) })
    }
    #[inline(always)]
    fn reduce_add(self) -> f32 {
        // SAFETY: the feature is present (module docs).
        unsafe { _mm512_reduce_add_ps(self.0) }
    }
    #[inline(always)]
    fn gather(s: &[f32], start: usize, stride: usize, n: usize, fill: f32) -> Self {
        let n = n.min(16);
        if n == 0 {
            return Self::splat(fill);
        }
        assert!(start + (n - 1) * stride < s.len(), "gather out of bounds");
        let stride = i32::try_from(stride).expect("a stride that fits 32-bit offsets");
        assert!(
            stride.checked_mul(15).is_some(),
            "a stride that fits 32-bit offsets"
        );
        let k = ((1_u32 << n) - 1) as __mmask16;
        // SAFETY: the feature is present (module docs); only the lanes k < n (the mask) read,
        // at s[start + k · stride], in bounds (asserted), with offsets that fit in i32.
        unsafe {
            let offsets = _mm512_mullo_epi32(
                _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15),
                _mm512_set1_epi32(stride),
            );
            Self(_mm512_mask_i32gather_ps::<4>(
                _mm512_set1_ps(fill),
                k,
                offsets,
                s.as_ptr().add(start),
            ))
        }
    }
    #[inline(always)]
    fn scatter(self, s: &mut [f32], start: usize, stride: usize, n: usize) {
        let n = n.min(16);
        if n == 0 {
            return;
        }
        assert!(start + (n - 1) * stride < s.len(), "scatter out of bounds");
        let stride = i32::try_from(stride).expect("a stride that fits 32-bit offsets");
        assert!(
            stride.checked_mul(15).is_some(),
            "a stride that fits 32-bit offsets"
        );
        let k = ((1_u32 << n) - 1) as __mmask16;
        // SAFETY: as for `gather`: only the lanes k < n write, in bounds (asserted).
        unsafe {
            let offsets = _mm512_mullo_epi32(
                _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15),
                _mm512_set1_epi32(stride),
            );
            _mm512_mask_i32scatter_ps::<4>(s.as_mut_ptr().add(start), k, offsets, self.0);
        }
    }
    #[inline(always)]
    fn reduce_max_nan(self) -> f32 {
        // SAFETY: the feature is present (module docs).
        unsafe {
            if _mm512_cmp_ps_mask::<_CMP_UNORD_Q>(self.0, self.0) == 0 {
                _mm512_reduce_max_ps(self.0)
            } else {
                f32::NAN
            }
        }
    }
}

/// AVX-512F, 8 × `f64`.
#[derive(Clone, Copy, Debug)]
pub struct Avx512F64(__m512d);

impl Simd for Avx512F64 {
    common_ops!(
        f64,
        8,
        _mm512_set1_pd,
        _mm512_loadu_pd,
        _mm512_storeu_pd,
        _mm512_add_pd,
        _mm512_sub_pd,
        _mm512_mul_pd,
        _mm512_div_pd,
        _mm512_fmadd_pd,
        _mm512_max_pd,
        _mm512_min_pd
    );

    #[inline(always)]
    fn mantissa_exponent(self) -> (Self, Self) {
        // SAFETY: the feature is present (module docs).
        unsafe {
            (
                Self(_mm512_getmant_pd::<_MM_MANT_NORM_1_2, _MM_MANT_SIGN_SRC>(
                    self.0,
                )),
                Self(_mm512_getexp_pd(self.0)),
            )
        }
    }

    #[inline(always)]
    fn zero_or(self, v: Self) -> Self {
        // SAFETY: the feature is present (module docs).
        unsafe {
            let nonzero = _mm512_cmp_pd_mask::<_CMP_NEQ_UQ>(self.0, _mm512_setzero_pd());
            Self(_mm512_maskz_mov_pd(nonzero, v.0))
        }
    }

    #[inline(always)]
    fn load_partial(s: &[f64], fill: f64) -> Self {
        assert!(s.len() < Self::LANES);
        let k: u8 = (1 << s.len()) - 1;
        // SAFETY: lanes outside the mask `k` (those past `s.len()`) are neither read nor able to
        // fault; the feature is present (module docs).
        Self(unsafe { _mm512_mask_loadu_pd(_mm512_set1_pd(fill), k, s.as_ptr()) })
    }
    #[inline(always)]
    fn store_partial(self, s: &mut [f64]) {
        assert!(s.len() < Self::LANES);
        let k: u8 = (1 << s.len()) - 1;
        // SAFETY: only the lanes in `k` (those below `s.len()`) are written; feature present.
        unsafe { _mm512_mask_storeu_pd(s.as_mut_ptr(), k, self.0) }
    }

    #[inline(always)]
    fn max_nan(self, o: Self) -> Self {
        // SAFETY: the feature is present (module docs).
        unsafe {
            let m = _mm512_max_pd(self.0, o.0);
            let self_nan = _mm512_cmp_pd_mask::<_CMP_UNORD_Q>(self.0, self.0);
            Self(_mm512_mask_mov_pd(m, self_nan, self.0))
        }
    }
    #[inline(always)]
    fn abs(self) -> Self {
        // SAFETY: the feature is present (module docs).
        Self(unsafe { _mm512_abs_pd(self.0) })
    }
    #[inline(always)]
    fn add_where_ge(self, v: Self, l: Self) -> Self {
        // SAFETY: the feature is present (module docs).
        unsafe {
            let k = _mm512_cmp_pd_mask::<_CMP_GE_OQ>(v.0, l.0);
            Self(_mm512_mask_add_pd(self.0, k, self.0, v.0))
        }
    }
    #[inline(always)]
    fn select_lt(self, lim: Self, a: Self, b: Self) -> Self {
        // SAFETY: the feature is present (module docs).
        unsafe {
            let k = _mm512_cmp_pd_mask::<_CMP_LT_OQ>(self.0, lim.0);
            Self(_mm512_mask_blend_pd(k, b.0, a.0))
        }
    }
    #[inline(always)]
    fn any_lt(self, lim: Self) -> bool {
        // SAFETY: the feature is present (module docs).
        unsafe { _mm512_cmp_pd_mask::<_CMP_LT_OQ>(self.0, lim.0) != 0 }
    }
    #[inline(always)]
    fn count_gt(self, v: Self, lim: Self) -> Self {
        // SAFETY: the feature is present (module docs).
        unsafe {
            let gt = _mm512_cmp_pd_mask::<_CMP_LT_OQ>(lim.0, v.0);
            Self(_mm512_mask_add_pd(self.0, gt, self.0, _mm512_set1_pd(1.0)))
        }
    }
    #[inline(always)]
    fn first_lanes(self, n: usize) -> Self {
        let k: u8 = if n >= Self::LANES {
            u8::MAX
        } else {
            (1 << n) - 1
        };
        // SAFETY: the feature is present (module docs).
        Self(unsafe { _mm512_maskz_mov_pd(k, self.0) })
    }
    #[inline(always)]
    fn eq_bits(self, o: Self) -> u64 {
        // SAFETY: the feature is present (module docs).
        u64::from(unsafe { _mm512_cmp_pd_mask::<_CMP_EQ_OQ>(self.0, o.0) })
    }
    #[inline(always)]
    fn select_sign(self, pos: Self, neg: Self) -> Self {
        // SAFETY: the feature is present (module docs).
        unsafe {
            let sign = _mm512_set1_epi64(i64::MIN);
            let k = _mm512_test_epi64_mask(_mm512_castpd_si512(self.0), sign);
            Self(_mm512_mask_blend_pd(k, pos.0, neg.0))
        }
    }
    #[inline(always)]
    fn round(self) -> Self {
        // SAFETY: the feature is present (module docs).
        Self(unsafe { _mm512_roundscale_pd::<ROUND_NEAREST>(self.0) })
    }
    #[inline(always)]
    fn ldexp(self, n: Self) -> Self {
        // SAFETY: the feature is present (module docs).
        Self(unsafe { _mm512_scalef_pd(self.0, n.0) })
    }
    #[inline(always)]
    fn reduce_add(self) -> f64 {
        // SAFETY: the feature is present (module docs).
        unsafe { _mm512_reduce_add_pd(self.0) }
    }
    #[inline(always)]
    fn gather(s: &[f64], start: usize, stride: usize, n: usize, fill: f64) -> Self {
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
        let k = ((1_u32 << n) - 1) as __mmask8;
        // SAFETY: the feature is present (module docs); only the lanes k < n (the mask) read,
        // at s[start + k · stride], in bounds (asserted), with offsets that fit in i32.
        unsafe {
            let offsets = _mm256_mullo_epi32(
                _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7),
                _mm256_set1_epi32(stride),
            );
            Self(_mm512_mask_i32gather_pd::<8>(
                _mm512_set1_pd(fill),
                k,
                offsets,
                s.as_ptr().add(start),
            ))
        }
    }
    #[inline(always)]
    fn scatter(self, s: &mut [f64], start: usize, stride: usize, n: usize) {
        let n = n.min(8);
        if n == 0 {
            return;
        }
        assert!(start + (n - 1) * stride < s.len(), "scatter out of bounds");
        let stride = i32::try_from(stride).expect("a stride that fits 32-bit offsets");
        assert!(
            stride.checked_mul(7).is_some(),
            "a stride that fits 32-bit offsets"
        );
        let k = ((1_u32 << n) - 1) as __mmask8;
        // SAFETY: as for `gather`: only the lanes k < n write, in bounds (asserted).
        unsafe {
            let offsets = _mm256_mullo_epi32(
                _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7),
                _mm256_set1_epi32(stride),
            );
            _mm512_mask_i32scatter_pd::<8>(s.as_mut_ptr().add(start), k, offsets, self.0);
        }
    }
    #[inline(always)]
    fn reduce_max_nan(self) -> f64 {
        // SAFETY: the feature is present (module docs).
        unsafe {
            if _mm512_cmp_pd_mask::<_CMP_UNORD_Q>(self.0, self.0) == 0 {
                _mm512_reduce_max_pd(self.0)
            } else {
                f64::NAN
            }
        }
    }
}
