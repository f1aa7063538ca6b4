//! Binary cross-entropy with logits, loss and gradient in one vectorised pass.

use num_traits::{One as _, Zero as _};

use super::loops::Total;
use super::simd::{MAX_LANES, Simd};
use super::{Elem, Isa, Kernel};

/// A per-element weight read from a slice: one value per element, or one per position of the
/// last axis (repeated every row).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Weights<'a, E> {
    None,
    PerElement(&'a [E]),
    PerColumn(&'a [E]),
}

/// The arguments of [`bce_with_logits`].
pub(crate) struct BceWithLogits<'a, E> {
    /// Logits and targets, C order.
    pub x: &'a [E],
    pub y: &'a [E],
    /// Length of the last axis: rows of this length share `PerColumn` weights and `pos_weight`.
    pub row: usize,
    pub weight: Weights<'a, E>,
    /// One per position of the last axis.
    pub pos_weight: Option<&'a [E]>,
    /// Gradient of `grad_scale · Σ loss`, if wanted.
    pub grad: Option<&'a mut [E]>,
    pub grad_scale: E,
    /// Each element's weighted loss, if wanted.
    pub per_elem: Option<&'a mut [E]>,
}

/// Loads `n` elements at `at`, all `LANES` of them or a masked tail.
#[inline(always)]
fn ld<V: Simd>(s: &[V::E], at: usize, n: usize) -> V {
    if n == V::LANES {
        V::load(&s[at..])
    } else {
        V::load_partial(&s[at..at + n], V::E::zero())
    }
}

#[inline(always)]
fn st<V: Simd>(v: V, s: &mut [V::E], at: usize, n: usize) {
    if n == V::LANES {
        v.store(&mut s[at..]);
    } else {
        v.store_partial(&mut s[at..at + n]);
    }
}

/// Element loss `(1 − y)x + l·ln(1 + e⁻ˣ)`, `l = 1 + (pw − 1)y`, as `c·|x| + l·ln(1 + e^−|x|)`
/// with `c = 1 − y` for `x ≥ 0` and `pw·y` below (the same arrangement as the scalar path), and
/// its gradient `l·σ(x) − pw·y`.
#[inline(always)]
fn element<V: Simd>(x: V, y: V, pw: V) -> (V, V) {
    let one = V::splat(V::E::one());
    let a = x.abs();
    let e = V::splat(V::E::zero()).sub(a).exp();
    let lw = pw.sub(one).mul_add(y, one);
    let c = x.select_sign(one.sub(y), pw.mul(y));
    let loss = c.mul0(c.mul(a)).add(lw.mul0(lw.mul(e.ln_1p_unit())));
    let s = one.div(one.add(e));
    let sigma = x.select_sign(s, e.mul(s));
    (
        loss,
        lw.mul_add(sigma, V::splat(V::E::zero()).sub(pw.mul(y))),
    )
}

impl<E: Elem> Kernel for BceWithLogits<'_, E> {
    type E = E;
    type Output = E;
    #[inline(always)]
    fn run<V: Simd<E = E>>(mut self) -> E {
        let w = V::LANES;
        let one = V::splat(E::one());
        let scale = V::splat(self.grad_scale);
        let mut total = Total::default();
        let mut acc = V::splat(E::zero());
        let mut pending = 0;
        let rows = self.x.len() / self.row;
        for r in 0..rows {
            let mut i = 0;
            while i < self.row {
                let n = w.min(self.row - i);
                let at = r * self.row + i;
                let x = ld::<V>(self.x, at, n);
                let y = ld::<V>(self.y, at, n);
                let pw = self.pos_weight.map_or(one, |p| ld::<V>(p, i, n));
                let (mut loss, mut grad) = element(x, y, pw);
                match self.weight {
                    Weights::None => {}
                    Weights::PerElement(ws) => {
                        let wv = ld::<V>(ws, at, n);
                        loss = wv.mul0(wv.mul(loss));
                        grad = wv.mul(grad);
                    }
                    Weights::PerColumn(ws) => {
                        let wv = ld::<V>(ws, i, n);
                        loss = wv.mul0(wv.mul(loss));
                        grad = wv.mul(grad);
                    }
                }
                if let Some(g) = self.grad.as_deref_mut() {
                    st(grad.mul(scale), g, at, n);
                }
                if let Some(p) = self.per_elem.as_deref_mut() {
                    st(loss, p, at, n);
                }
                if n < w {
                    // Only the first `n` lanes are elements.
                    let mut buf = [E::zero(); MAX_LANES];
                    loss.store(&mut buf);
                    buf[n..].fill(E::zero());
                    loss = V::load(&buf);
                }
                acc = acc.add(loss);
                pending += 1;
                if pending == 16 {
                    total.add(acc.reduce_add().to_f64().unwrap_or(f64::NAN));
                    acc = V::splat(E::zero());
                    pending = 0;
                }
                i += n;
            }
        }
        total.add(acc.reduce_add().to_f64().unwrap_or(f64::NAN));
        E::from(total.value()).unwrap_or_else(E::nan)
    }
}

/// Binary cross-entropy with logits over contiguous slices: returns `Σ loss` and writes the
/// gradient and per-element losses where asked.
pub(crate) fn bce_with_logits<E: Elem>(isa: Isa, args: BceWithLogits<'_, E>) -> E {
    let n = args.x.len();
    assert!(args.row > 0 && n.is_multiple_of(args.row) && args.y.len() == n);
    assert!(args.pos_weight.is_none_or(|p| p.len() == args.row));
    assert!(match args.weight {
        Weights::None => true,
        Weights::PerElement(w) => w.len() == n,
        Weights::PerColumn(w) => w.len() == args.row,
    });
    assert!(args.grad.as_ref().is_none_or(|g| g.len() == n));
    assert!(args.per_elem.as_ref().is_none_or(|p| p.len() == n));
    isa.run(args)
}
