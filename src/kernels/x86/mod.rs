//! x86 vectors: AVX2+FMA ([`avx2`]) and AVX-512F ([`avx512`]), each for `f32` and `f64`.
//!
//! Every intrinsic here needs a CPU feature. The vector types are only instantiated by the
//! `#[target_feature]` entry points of `dispatch`, which `Isa::run` calls only after detection, so
//! the feature is present whenever one of these values exists.

pub(crate) mod avx2;
pub(crate) mod avx512;

use core::arch::x86_64::{_MM_FROUND_NO_EXC, _MM_FROUND_TO_NEAREST_INT};

/// Round to nearest, without raising exceptions.
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

use common_ops;
