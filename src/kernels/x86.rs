//! AVX2+FMA and AVX-512F vectors for `f32` and `f64`.
//!
//! Every intrinsic here needs a CPU feature. The vector types are only instantiated by the
//! `#[target_feature]` entry points in `super`, which `Isa::run` calls only after detection, so
//! the feature is present whenever one of these values exists.

use core::arch::x86_64::{
    __m256, __m256d, __m512, __m512d, _CMP_NEQ_UQ, _CMP_UNORD_Q, _MM_FROUND_NO_EXC,
    _MM_FROUND_TO_NEAREST_INT, _MM_MANT_NORM_1_2, _MM_MANT_SIGN_SRC, _mm256_add_epi32,
    _mm256_add_epi64, _mm256_add_pd, _mm256_add_ps, _mm256_and_pd, _mm256_and_ps, _mm256_and_si256,
    _mm256_andnot_pd, _mm256_andnot_ps, _mm256_blendv_pd, _mm256_blendv_ps, _mm256_castpd_si256,
    _mm256_castps_si256, _mm256_castsi256_pd, _mm256_castsi256_ps, _mm256_cmp_pd, _mm256_cmp_ps,
    _mm256_cmpgt_epi32, _mm256_cmpgt_epi64, _mm256_cvtepi32_ps, _mm256_cvtps_epi32, _mm256_div_pd,
    _mm256_div_ps, _mm256_fmadd_pd, _mm256_fmadd_ps, _mm256_loadu_pd, _mm256_loadu_ps,
    _mm256_maskload_pd, _mm256_maskload_ps, _mm256_maskstore_pd, _mm256_maskstore_ps,
    _mm256_max_pd, _mm256_max_ps, _mm256_min_pd, _mm256_min_ps, _mm256_mul_pd, _mm256_mul_ps,
    _mm256_or_si256, _mm256_round_pd, _mm256_round_ps, _mm256_set1_epi32, _mm256_set1_epi64x,
    _mm256_set1_pd, _mm256_set1_ps, _mm256_setr_epi32, _mm256_setr_epi64x, _mm256_setzero_pd,
    _mm256_setzero_ps, _mm256_slli_epi32, _mm256_slli_epi64, _mm256_srli_epi32, _mm256_srli_epi64,
    _mm256_storeu_pd, _mm256_storeu_ps, _mm256_sub_epi32, _mm256_sub_pd, _mm256_sub_ps,
    _mm512_abs_pd, _mm512_abs_ps, _mm512_add_pd, _mm512_add_ps, _mm512_castpd_si512,
    _mm512_castps_si512, _mm512_cmp_pd_mask, _mm512_cmp_ps_mask, _mm512_div_pd, _mm512_div_ps,
    _mm512_fmadd_pd, _mm512_fmadd_ps, _mm512_getexp_pd, _mm512_getexp_ps, _mm512_getmant_pd,
    _mm512_getmant_ps, _mm512_loadu_pd, _mm512_loadu_ps, _mm512_mask_blend_pd,
    _mm512_mask_blend_ps, _mm512_mask_loadu_pd, _mm512_mask_loadu_ps, _mm512_mask_mov_pd,
    _mm512_mask_mov_ps, _mm512_mask_storeu_pd, _mm512_mask_storeu_ps, _mm512_maskz_mov_pd,
    _mm512_maskz_mov_ps, _mm512_max_pd, _mm512_max_ps, _mm512_min_pd, _mm512_min_ps, _mm512_mul_pd,
    _mm512_mul_ps, _mm512_reduce_add_pd, _mm512_reduce_add_ps, _mm512_roundscale_pd,
    _mm512_roundscale_ps, _mm512_scalef_pd, _mm512_scalef_ps, _mm512_set1_epi32, _mm512_set1_epi64,
    _mm512_set1_pd, _mm512_set1_ps, _mm512_setzero_pd, _mm512_setzero_ps, _mm512_storeu_pd,
    _mm512_storeu_ps, _mm512_sub_pd, _mm512_sub_ps, _mm512_test_epi32_mask, _mm512_test_epi64_mask,
};

use super::simd::Simd;

const ROUND_NEAREST: i32 = _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC;

/// The operations whose intrinsics differ only by name between the four vector types.
macro_rules! common_ops {
    ($e:ty, $lanes:expr, $set1:ident, $loadu:ident, $storeu:ident, $add:ident, $sub:ident,
     $mul:ident, $div:ident, $fmadd:ident, $max:ident, $min:ident) => {
        type E = $e;
        const LANES: usize = $lanes;

        #[inline(always)]
        fn splat(v: $e) -> Self {
            // SAFETY: the feature is present (module docs).
            Self(unsafe { $set1(v) })
        }
        #[inline(always)]
        fn load(s: &[$e]) -> Self {
            assert!(s.len() >= $lanes);
            // SAFETY: `s` holds at least LANES elements (asserted); unaligned load; feature present.
            Self(unsafe { $loadu(s.as_ptr()) })
        }
        #[inline(always)]
        fn store(self, s: &mut [$e]) {
            assert!(s.len() >= $lanes);
            // SAFETY: `s` holds at least LANES elements (asserted); unaligned store; feature present.
            unsafe { $storeu(s.as_mut_ptr(), self.0) }
        }
        #[inline(always)]
        fn add(self, o: Self) -> Self {
            // SAFETY: the feature is present (module docs).
            Self(unsafe { $add(self.0, o.0) })
        }
        #[inline(always)]
        fn sub(self, o: Self) -> Self {
            // SAFETY: the feature is present (module docs).
            Self(unsafe { $sub(self.0, o.0) })
        }
        #[inline(always)]
        fn mul(self, o: Self) -> Self {
            // SAFETY: the feature is present (module docs).
            Self(unsafe { $mul(self.0, o.0) })
        }
        #[inline(always)]
        fn div(self, o: Self) -> Self {
            // SAFETY: the feature is present (module docs).
            Self(unsafe { $div(self.0, o.0) })
        }
        #[inline(always)]
        fn mul_add(self, b: Self, c: Self) -> Self {
            // SAFETY: the feature is present (module docs).
            Self(unsafe { $fmadd(self.0, b.0, c.0) })
        }
        #[inline(always)]
        fn max(self, o: Self) -> Self {
            // SAFETY: the feature is present (module docs).
            Self(unsafe { $max(self.0, o.0) })
        }
        #[inline(always)]
        fn min(self, o: Self) -> Self {
            // SAFETY: the feature is present (module docs).
            Self(unsafe { $min(self.0, o.0) })
        }
    };
}

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
    fn mul0(self, v: Self) -> Self {
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
    fn mul0(self, v: Self) -> Self {
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
}

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
    fn mul0(self, v: Self) -> Self {
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
    fn mul0(self, v: Self) -> Self {
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
}
