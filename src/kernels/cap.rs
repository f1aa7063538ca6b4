//! Gemma 2's soft cap `c · tanh(x / c)` over a slice, and its derivative `1 − tanh²(x / c)`, in
//! vectors. With `u = x / c` and `a = |u|`, `tanh a` is Cephes's approximation below 0.625 (an
//! odd polynomial, `Elem::tanh_small`) and `1 − r` above, with `r = 2 / (exp(2a) + 1)`; the
//! derivative is `(1 − t)(1 + t)` below 0.625 and `r (1 + t)` above, so that it keeps its relative
//! precision where it is tiny (`1 − t` formed by a subtraction would lose it). Logits that are not
//! finite pass unchanged, with derivative 0 (a masked −inf stays masked).

use num_traits::{Float as _, One as _, Zero as _};

use super::dispatch::{Compute, Kernel};
use super::{Elem, Isa, Simd, Storage};

/// `(c · tanh(x / c), 1 − tanh²(x / c))` of the lanes of `x`, with `c` splat; `x` itself and 0
/// where `x` is not finite.
#[inline(always)]
fn capped<V: Simd>(x: V, c: V) -> (V, V) {
    let (one, zero) = (V::splat(V::E::one()), V::splat(V::E::zero()));
    let u = x.div(c);
    let a = u.abs();
    let small = V::E::tanh_small(a);
    let r = V::splat(V::E::TWO).div(a.add(a).exp().add(one));
    let big = one.sub(r);
    let switch = V::splat(V::E::TANH_SWITCH);
    let t = a.select_lt(switch, small, big);
    let d = a.select_lt(
        switch,
        one.sub(small).mul(one.add(small)),
        r.mul(one.add(big)),
    );
    let signed = u.select_sign(t, t.mul(V::splat(-V::E::one())));
    let finite = x.abs();
    let inf = V::splat(V::E::infinity());
    (
        finite.select_lt(inf, c.mul(signed), x),
        finite.select_lt(inf, d, zero),
    )
}

struct Cap<'a, S: Storage> {
    x: &'a mut [S],
    deriv: Option<&'a mut [S]>,
    c: S::Compute,
}

impl<S: Storage> Kernel for Cap<'_, S> {
    type S = S;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = Compute<Self>>>(self) {
        let (x, mut deriv, c) = (self.x, self.deriv, V::splat(self.c));
        let zero = V::E::zero();
        let mut j = 0;
        while j < x.len() {
            let n = V::LANES.min(x.len() - j);
            let (v, d) = capped(V::read_n(x, j, n, zero), c);
            v.write_n(x, j, n);
            if let Some(dv) = deriv.as_deref_mut() {
                d.write_n(dv, j, n);
            }
            j += n;
        }
    }
}

/// Caps `x` in place: `x ← c · tanh(x / c)`, and `deriv ← 1 − tanh²(x / c)` where given (as
/// long as `x`). `c` is finite and > 0.
pub(crate) fn soft_cap<S: Storage>(isa: Isa, x: &mut [S], deriv: Option<&mut [S]>, c: S::Compute) {
    assert!(deriv.as_ref().is_none_or(|d| d.len() == x.len()));
    isa.run(Cap { x, deriv, c });
}

struct CapGrad<'a, S: Storage> {
    x: &'a [S],
    g: &'a mut [S],
    c: S::Compute,
}

impl<S: Storage> Kernel for CapGrad<'_, S> {
    type S = S;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = Compute<Self>>>(self) {
        let (x, g, c) = (self.x, self.g, V::splat(self.c));
        let zero = V::E::zero();
        let mut j = 0;
        while j < x.len() {
            let n = V::LANES.min(x.len() - j);
            let (_, d) = capped(V::read_n(x, j, n, zero), c);
            V::read_n(g, j, n, zero).mul(d).write_n(g, j, n);
            j += n;
        }
    }
}

/// `g ← g · (1 − tanh²(x / c))`: a gradient with respect to the capped logits taken back to the
/// logits `x` (laid out as `g`).
pub(crate) fn soft_cap_gradient<S: Storage>(isa: Isa, x: &[S], g: &mut [S], c: S::Compute) {
    assert_eq!(x.len(), g.len());
    isa.run(CapGrad { x, g, c });
}
