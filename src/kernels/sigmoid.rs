//! The logistic sigmoid, elementwise.

use num_traits::{One as _, Zero as _};

use super::dispatch::{Compute, Kernel};
use super::loops::{self, Separate};
use super::{Isa, Simd, Storage};

struct Run<'a, S> {
    x: &'a [S],
    out: &'a mut [S],
}

impl<S: Storage> Kernel for Run<'_, S> {
    type S = S;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = Compute<Self>>>(self) {
        let one = V::splat(V::E::one());
        // σ(x) = 1 / (1 + e^−|x|) for x ≥ 0 and e^−|x| / (1 + e^−|x|) below: neither overflows.
        loops::map(
            &mut Separate(self.x, self.out),
            #[inline(always)]
            |x: V| {
                let e = V::splat(V::E::zero()).sub(x.abs()).exp();
                let s = one.div(one.add(e));
                x.select_sign(s, e.mul(s))
            },
        );
    }
}

/// The logistic sigmoid of each element of `x`, into `out`.
pub(crate) fn sigmoid<S: Storage>(isa: Isa, x: &[S], out: &mut [S]) {
    assert_eq!(x.len(), out.len());
    isa.run(Run { x, out });
}
