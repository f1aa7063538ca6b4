//! The vector–Jacobian products of the softmax family, one lane at a time.

use num_traits::Zero as _;

use super::dispatch::{Compute, Kernel};
use super::{Isa, Simd, Storage, loops, stats};
use crate::edge::Edge;

/// A vector–Jacobian product of the softmax family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Vjp {
    /// `p ⊙ (g − Σ g⊙p)`, from the softmax output `p` (also the JVP: the Jacobian is symmetric);
    /// an entry whose `p` is 0 contributes 0 and gets 0, even where `g` is infinite.
    Softmax,
    /// `g − exp(log_p) Σ g`, from the log-softmax output; 0 for a lane that has no mass (every
    /// `log_p` −inf).
    LogSoftmax,
}

/// The product `kind` of one lane.
#[inline(always)]
fn lane<V: Simd, S: Storage<Compute = V::E>>(y: &[S], g: &[S], out: &mut [S], kind: Vjp) {
    match kind {
        Vjp::Softmax => {
            let d = loops::sum2(
                y,
                g,
                #[inline(always)]
                |p: V, g: V| p.zero_or(p.mul(g)),
            );
            let dv = V::splat(d);
            loops::zip_map(
                y,
                g,
                out,
                #[inline(always)]
                |p: V, g| p.zero_or(p.mul(g.sub(dv))),
            );
        }
        Vjp::LogSoftmax => {
            if Edge::of(stats::max::<V, S>(y)) == Err(Edge::NoMass) {
                out.fill(S::narrow(V::E::zero()));
                return;
            }
            let sg = loops::sum(
                g,
                V::E::zero(),
                #[inline(always)]
                |v: V| v,
            );
            let neg_sg = V::splat(-sg);
            loops::zip_map(
                y,
                g,
                out,
                #[inline(always)]
                |lp: V, g| lp.exp().mul_add(neg_sg, g),
            );
        }
    }
}

struct Run<'a, S> {
    y: &'a [S],
    g: &'a [S],
    out: &'a mut [S],
    len: usize,
    kind: Vjp,
}

impl<S: Storage> Kernel for Run<'_, S> {
    type S = S;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = Compute<Self>>>(self) {
        let rows = self
            .y
            .chunks_exact(self.len)
            .zip(self.g.chunks_exact(self.len))
            .zip(self.out.chunks_exact_mut(self.len));
        for ((y, g), out) in rows {
            lane::<V, S>(y, g, out, self.kind);
        }
    }
}

/// The vector–Jacobian product `kind` of each row of `len` elements.
pub(crate) fn vjp<S: Storage>(isa: Isa, y: &[S], g: &[S], out: &mut [S], len: usize, kind: Vjp) {
    assert!(
        len > 0 && y.len() == out.len() && g.len() == out.len() && out.len().is_multiple_of(len)
    );
    isa.run(Run {
        y,
        g,
        out,
        len,
        kind,
    });
}
