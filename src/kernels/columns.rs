//! Lanes vectorised across, not along: for lanes that run down the columns of a row-major block
//! (axis 0 of a C-order matrix), and for short rows, which are transposed into that form.
//!
//! A strip of `LANES` columns is processed as one vector per row: its maximum, sum and output
//! are vectors holding one lane each, so no lane is ever gathered and nothing is reduced
//! horizontally.

use num_traits::{Float as _, One as _, Zero as _};

use super::loops::{InPlace, Into, Io};
use super::ops::{
    CrossEntropyRows, IGNORED, Normalize, Special, classify, count, lse_value, mul0,
    normalize_special,
};
use super::simd::{MAX_LANES, Simd};
use super::{Elem, Isa, Kernel};

/// A row-major block whose lanes are its columns: element `i` of lane `j` is `x[i * width + j]`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Columns {
    /// Length of each lane (rows of the block).
    pub len: usize,
    /// Number of lanes (columns of the block).
    pub width: usize,
}

/// Rows at most this long are transposed, a block at a time, and processed as columns.
pub(crate) const SHORT_ROW: usize = 32;

/// Rows per transposed block (lanes per block): four vectors of the widest ISA.
const TRANSPOSE_ROWS: usize = 4 * MAX_LANES;

/// Loads row `i` of the strip of `n ≤ LANES` columns starting at column `j`.
#[inline(always)]
fn load<V: Simd>(x: &[V::E], c: Columns, i: usize, j: usize, n: usize, fill: V::E) -> V {
    let at = i * c.width + j;
    if n == V::LANES {
        V::load(&x[at..])
    } else {
        V::load_partial(&x[at..at + n], fill)
    }
}

#[inline(always)]
fn store<V: Simd>(v: V, out: &mut [V::E], c: Columns, i: usize, j: usize, n: usize) {
    let at = i * c.width + j;
    if n == V::LANES {
        v.store(&mut out[at..]);
    } else {
        v.store_partial(&mut out[at..at + n]);
    }
}

/// The maximum of each lane of the strip, NaN where a lane holds NaN.
#[inline(always)]
fn strip_max<V: Simd>(x: &[V::E], c: Columns, j: usize, n: usize) -> V {
    let ninf = V::E::neg_infinity();
    let mut acc = [V::splat(ninf); 4];
    let mut i = 0;
    while i + 4 <= c.len {
        for (k, a) in acc.iter_mut().enumerate() {
            *a = a.max_nan(load(x, c, i + k, j, n, ninf));
        }
        i += 4;
    }
    for i in i..c.len {
        acc[0] = acc[0].max_nan(load(x, c, i, j, n, ninf));
    }
    acc[0].max_nan(acc[1]).max_nan(acc[2].max_nan(acc[3]))
}

/// Kahan's compensated running sum of vectors: long columns sum thousands of terms per lane.
#[derive(Clone, Copy)]
struct Kahan<V> {
    sum: V,
    carry: V,
}

impl<V: Simd> Kahan<V> {
    #[inline(always)]
    fn new() -> Self {
        let z = V::splat(V::E::zero());
        Self { sum: z, carry: z }
    }

    #[inline(always)]
    fn add(&mut self, v: V) {
        let y = v.sub(self.carry);
        let t = self.sum.add(y);
        self.carry = t.sub(self.sum).sub(y);
        self.sum = t;
    }
}

/// `ln s` for sums `s = k + tail` of exponentials shifted by their maximum, `k` the number of
/// entries at the maximum and `tail` the sum of the others: `ln k + ln(1 + tail / k)`, exact also
/// when `s` is near 1 (see `ops::ln_sum`), and plain `ln s` where `tail > k`.
#[inline(always)]
fn ln_of_sum<V: Simd>(s: V, tail: V) -> V {
    let one = V::splat(V::E::one());
    let k = s.sub(tail).round();
    let q = tail.div(k);
    let near_one = k.ln().add(q.min(one).ln_1p_unit());
    one.sub(q).select_sign(near_one, s.ln())
}

/// The maximum of each lane, with the lanes whose maximum is not finite set to 0 (their results
/// are written separately) and listed in `bad`.
#[inline(always)]
fn finite_max<V: Simd>(m: V, n: usize, bad: &mut [bool; MAX_LANES]) -> V {
    let mut buf = [V::E::zero(); MAX_LANES];
    m.store(&mut buf);
    for (b, v) in bad.iter_mut().zip(buf.iter_mut()).take(n) {
        *b = !v.is_finite();
        if *b {
            *v = V::E::zero();
        }
    }
    V::load(&buf)
}

/// Softmax or log-softmax of the strip of `n` lanes starting at column `j`.
#[inline(always)]
fn normalize_strip<V: Simd, I: Io<V::E>>(
    io: &mut I,
    c: Columns,
    j: usize,
    n: usize,
    op: Normalize<V::E>,
) {
    let mut bad = [false; MAX_LANES];
    let m = finite_max(strip_max::<V>(io.src(), c, j, n), n, &mut bad);
    // Lanes with a non-finite maximum are worked out first, from the input, which in place the
    // vector passes overwrite, and written last.
    let specials: Vec<(usize, Vec<V::E>)> = (0..n)
        .filter(|&k| bad[k])
        .map(|k| (j + k, special_column(io.src(), c, j + k, op.log)))
        .collect();
    let it = V::splat(op.inv_t);
    let zero = V::E::zero();
    let mut sum = Kahan::new();
    if op.log {
        let mut tail = Kahan::new();
        for i in 0..c.len {
            let v = load::<V>(io.src(), c, i, j, n, zero).sub(m);
            let e = v.mul(it).exp();
            sum.add(e);
            tail.add(v.mul0(e));
        }
        let ln_s = ln_of_sum(sum.sum, tail.sum);
        for i in 0..c.len {
            let v = load::<V>(io.src(), c, i, j, n, zero)
                .sub(m)
                .mul(it)
                .sub(ln_s);
            store(v, io.dst(), c, i, j, n);
        }
    } else {
        for i in 0..c.len {
            let e = load::<V>(io.src(), c, i, j, n, zero).sub(m).mul(it).exp();
            store(e, io.dst(), c, i, j, n);
            sum.add(e);
        }
        let r = V::splat(V::E::one()).div(sum.sum);
        for i in 0..c.len {
            let v = load::<V>(io.dst(), c, i, j, n, zero).mul(r);
            store(v, io.dst(), c, i, j, n);
        }
    }
    for (col, values) in specials {
        for (i, v) in values.into_iter().enumerate() {
            io.dst()[i * c.width + col] = v;
        }
    }
}

/// The result for column `j`, a lane whose maximum is not finite (NaN, or ±inf throughout).
fn special_column<E: Elem>(x: &[E], c: Columns, j: usize, log: bool) -> Vec<E> {
    let lane: Vec<E> = (0..c.len).map(|i| x[i * c.width + j]).collect();
    let m = lane.iter().fold(E::neg_infinity(), |m, &v| {
        if v.is_nan() || m.is_nan() {
            E::nan()
        } else {
            m.max(v)
        }
    });
    let mut out = vec![E::zero(); c.len];
    match classify(&lane, m) {
        Special::Finite(_) => unreachable!("only lanes with a non-finite maximum come here"),
        special => normalize_special(&mut Into(&lane, &mut out), &special, log),
    }
    out
}

/// Softmax or log-softmax of every column lane of `io`.
#[inline(always)]
fn normalize_block<V: Simd, I: Io<V::E>>(io: &mut I, c: Columns, op: Normalize<V::E>) {
    if c.len > LONG_COLUMN {
        return normalize_panels::<V, I>(io, c, op);
    }
    let mut j = 0;
    while j < c.width {
        let n = V::LANES.min(c.width - j);
        normalize_strip::<V, I>(io, c, j, n, op);
        j += n;
    }
}

/// `logsumexp(x / T)` of every column lane of `x`, into `out` (one per column).
#[inline(always)]
fn lse_block<V: Simd>(x: &[V::E], out: &mut [V::E], c: Columns, inv_t: V::E) {
    if c.len > LONG_COLUMN {
        return lse_panels::<V>(x, out, c, inv_t);
    }
    let it = V::splat(inv_t);
    let mut j = 0;
    while j < c.width {
        let n = V::LANES.min(c.width - j);
        let mut bad = [false; MAX_LANES];
        let raw = strip_max::<V>(x, c, j, n);
        let m = finite_max(raw, n, &mut bad);
        let (mut sum, mut tail) = (Kahan::new(), Kahan::new());
        for i in 0..c.len {
            let v = load::<V>(x, c, i, j, n, V::E::zero()).sub(m);
            let e = v.mul(it).exp();
            sum.add(e);
            tail.add(v.mul0(e));
        }
        let (mut ms, mut lse) = ([V::E::zero(); MAX_LANES], [V::E::zero(); MAX_LANES]);
        raw.store(&mut ms);
        m.mul(it).add(ln_of_sum(sum.sum, tail.sum)).store(&mut lse);
        for k in 0..n {
            out[j + k] = if bad[k] {
                lse_value(ms[k], V::E::zero(), inv_t)
            } else {
                lse[k]
            };
        }
        j += n;
    }
}

/// Transposes `rows` rows of `len` (row-major in `x`) into `t`, `len` rows of `rows`: stores in
/// sequence, loads strided (strided stores cost several times more).
#[inline(always)]
fn transpose<E: Copy>(x: &[E], t: &mut [E], rows: usize, len: usize) {
    let x = &x[..rows * len];
    for (i, t_row) in t.chunks_exact_mut(rows).take(len).enumerate() {
        for (tv, xv) in t_row.iter_mut().zip(x[i..].iter().step_by(len)) {
            *tv = *xv;
        }
    }
}

/// Softmax or log-softmax of short rows (`len ≤ SHORT_ROW`), a block of rows at a time
/// transposed so that each vector holds one element of many lanes.
#[inline(always)]
pub(crate) fn normalize_short_rows<V: Simd, I: Io<V::E>>(
    io: &mut I,
    len: usize,
    op: Normalize<V::E>,
) {
    let zero = V::E::zero();
    let mut t = [zero; SHORT_ROW * TRANSPOSE_ROWS];
    let mut u = [zero; SHORT_ROW * TRANSPOSE_ROWS];
    let total = io.src().len() / len;
    let mut row = 0;
    while row < total {
        let rows = TRANSPOSE_ROWS.min(total - row);
        let block = row * len..(row + rows) * len;
        let n = rows * len;
        transpose(&io.src()[block.clone()], &mut t[..n], rows, len);
        normalize_block::<V, _>(
            &mut Into(&t[..n], &mut u[..n]),
            Columns { len, width: rows },
            op,
        );
        transpose(&u[..n], &mut io.dst()[block], len, rows);
        row += rows;
    }
}

/// `logsumexp` of short rows, transposed a block at a time.
#[inline(always)]
pub(crate) fn lse_short_rows<V: Simd>(x: &[V::E], out: &mut [V::E], len: usize, inv_t: V::E) {
    let mut t = [V::E::zero(); SHORT_ROW * TRANSPOSE_ROWS];
    let mut row = 0;
    while row < out.len() {
        let rows = TRANSPOSE_ROWS.min(out.len() - row);
        let n = rows * len;
        transpose(&x[row * len..row * len + n], &mut t[..n], rows, len);
        lse_block::<V>(
            &t[..n],
            &mut out[row..row + rows],
            Columns { len, width: rows },
            inv_t,
        );
        row += rows;
    }
}

struct NormalizeColumnsInto<'a, E> {
    x: &'a [E],
    out: &'a mut [E],
    c: Columns,
    op: Normalize<E>,
}

impl<E: Elem> Kernel for NormalizeColumnsInto<'_, E> {
    type E = E;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = E>>(self) {
        normalize_block::<V, _>(&mut Into(self.x, self.out), self.c, self.op);
    }
}

struct NormalizeColumnsInPlace<'a, E> {
    x: &'a mut [E],
    c: Columns,
    op: Normalize<E>,
}

impl<E: Elem> Kernel for NormalizeColumnsInPlace<'_, E> {
    type E = E;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = E>>(self) {
        normalize_block::<V, _>(&mut InPlace(self.x), self.c, self.op);
    }
}

struct LseColumns<'a, E> {
    x: &'a [E],
    out: &'a mut [E],
    c: Columns,
    inv_t: E,
}

impl<E: Elem> Kernel for LseColumns<'_, E> {
    type E = E;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = E>>(self) {
        lse_block::<V>(self.x, self.out, self.c, self.inv_t);
    }
}

/// Softmax or log-softmax of the column lanes of the block `x`, into `out` (same layout).
pub(crate) fn normalize_columns<E: Elem>(
    isa: Isa,
    x: &[E],
    out: &mut [E],
    c: Columns,
    op: Normalize<E>,
) {
    assert!(x.len() == c.len * c.width && out.len() == x.len());
    isa.run(NormalizeColumnsInto { x, out, c, op });
}

/// Softmax or log-softmax of the column lanes of the block `x`, in place.
pub(crate) fn normalize_columns_inplace<E: Elem>(
    isa: Isa,
    x: &mut [E],
    c: Columns,
    op: Normalize<E>,
) {
    assert!(x.len() == c.len * c.width);
    isa.run(NormalizeColumnsInPlace { x, c, op });
}

/// `logsumexp(x / T)` of the column lanes of the block `x`, one per column into `out`.
pub(crate) fn lse_columns<E: Elem>(isa: Isa, x: &[E], out: &mut [E], c: Columns, inv_t: E) {
    assert!(x.len() == c.len * c.width && out.len() == c.width);
    isa.run(LseColumns { x, out, c, inv_t });
}

/// Fused cross-entropy of short rows (`len ≤ SHORT_ROW` classes) against class indices, a block
/// of rows at a time transposed so that each vector holds one class of many samples; the same
/// formula as the row kernel (see `CrossEntropyRows`). Rows whose maximum is not finite go
/// through `row` (the per-row kernel) afterwards.
#[inline(always)]
pub(crate) fn cross_entropy_short_rows<V: Simd>(
    x: &[V::E],
    len: usize,
    targets: &[usize],
    losses: &mut [V::E],
    mut grad: Option<&mut [V::E]>,
    o: &CrossEntropyRows<'_, V::E>,
    row: impl Fn(&[V::E], usize, Option<&mut [V::E]>) -> V::E,
) {
    let zero = V::E::zero();
    let one = V::E::one();
    let c_len = count::<V::E>(len);
    let w = |c: usize| o.weight.map_or(one, |w| w[c]);
    let total_w = o
        .weight
        .map_or(c_len, |w| w.iter().fold(zero, |a, &b| a + b));
    let keep = one - o.smoothing;
    let share = o.smoothing / c_len;
    let it = V::splat(o.inv_t);
    let mut t = [zero; SHORT_ROW * TRANSPOSE_ROWS];
    let mut u = [zero; SHORT_ROW * TRANSPOSE_ROWS];
    let mut first = 0;
    while first < targets.len() {
        let rows = TRANSPOSE_ROWS.min(targets.len() - first);
        let n_all = rows * len;
        let xb = &x[first * len..first * len + n_all];
        transpose(xb, &mut t[..n_all], rows, len);
        let c = Columns { len, width: rows };
        let mut redo = Vec::new();
        let mut j = 0;
        while j < rows {
            let n = V::LANES.min(rows - j);
            let mut bad = [false; MAX_LANES];
            let m = finite_max(strip_max::<V>(&t, c, j, n), n, &mut bad);
            // Compensated, as on the other short-row and column paths.
            let (mut sum, mut tail_sum) = (Kahan::<V>::new(), Kahan::<V>::new());
            let mut wx = V::splat(zero);
            for k in 0..len {
                let v = load::<V>(&t, c, k, j, n, zero).sub(m);
                let e = v.mul(it).exp();
                sum.add(e);
                tail_sum.add(v.mul0(e));
                // A class whose weight is 0 adds 0, even where its logit is −inf.
                if share > zero && w(k) != zero {
                    wx = V::splat(w(k)).mul_add(v, wx);
                }
            }
            // Per sample: the target's logit and weight, and 1 if it counts (0 if ignored).
            let (mut xy, mut wy, mut live) =
                ([zero; MAX_LANES], [zero; MAX_LANES], [zero; MAX_LANES]);
            for q in 0..n {
                let r = j + q;
                let y = targets[first + r];
                if bad[q] {
                    redo.push(r);
                } else if y != IGNORED {
                    (xy[q], wy[q], live[q]) = (xb[r * len + y], w(y), one);
                }
            }
            let (xy, wy, live) = (V::load(&xy), V::load(&wy), V::load(&live));
            // ln s = ln k + ln(1 + tail / k), k the number of maxima, exact also when s is near 1
            // (see `ops::ln_sum`); above s = 2 plain ln s is as exact.
            let (s, tail) = (sum.sum, tail_sum.sum);
            let ln_s = ln_of_sum(s, tail);
            let keep_wy = V::splat(keep).mul(wy);
            // loss = −keep·w_y·log p_y − share·(Σ w_c (x_c − m)/T − ln s · Σ w_c)
            let lp_y = xy.sub(m).mul(it).sub(ln_s);
            let mut loss = V::splat(zero).sub(keep_wy.mul0(keep_wy.mul(lp_y)));
            if share > zero {
                let smooth = wx.mul(it).sub(ln_s.mul(V::splat(total_w)));
                loss = V::splat(share).mul(smooth).mul_add(V::splat(-one), loss);
            }
            let mut out = [zero; MAX_LANES];
            live.mul0(loss).store(&mut out);
            for q in (0..n).filter(|&q| !bad[q]) {
                losses[first + j + q] = out[q];
            }
            // The gradient's coefficients `scale · A / s` and `scale · share`, 0 if ignored
            // (masked, not multiplied: `scale` may be infinite), the reduction's factor taken
            // before 1/T so that tiny weights and temperatures do not overflow the product.
            let a_total = V::splat(share * total_w).add(keep_wy);
            let scaled = a_total.mul(V::splat(o.grad_scale)).mul(it);
            let kp = live.mul0(a_total.mul0(scaled).div(s));
            let kw = live.mul0(V::splat(mul0(share, o.grad_scale) * o.inv_t));
            if grad.is_some() {
                for k in 0..len {
                    let e = load::<V>(&t, c, k, j, n, zero).sub(m).mul(it).exp();
                    let g = e.mul(kp).sub(kw.mul(V::splat(w(k))));
                    store(g, &mut u[..n_all], c, k, j, n);
                }
            }
            j += n;
        }
        if let Some(g) = grad.as_deref_mut() {
            let gb = &mut g[first * len..first * len + n_all];
            transpose(&u[..n_all], gb, len, rows);
            for r in 0..rows {
                let y = targets[first + r];
                if y != IGNORED {
                    gb[r * len + y] = gb[r * len + y] - mul0(keep * w(y), o.grad_scale) * o.inv_t;
                }
            }
        }
        for r in redo {
            let g = grad
                .as_deref_mut()
                .map(|g| &mut g[(first + r) * len..(first + r + 1) * len]);
            losses[first + r] = row(&xb[r * len..(r + 1) * len], targets[first + r], g);
        }
        first += rows;
    }
}

/// Lanes longer than this take the online path: striding down a column a strip at a time would
/// touch one page per row and pass, and thrash the TLB.
const LONG_COLUMN: usize = 64;

/// Columns per panel of the online path: a panel's rows are long enough (16 KiB in f32) for the
/// prefetchers to stream them, and its running maximum, sum and carry stay in L2. Narrower
/// panels left each row's piece to a fresh DRAM latency.
const PANEL: usize = 4096;

/// Rows per block of the online path: read once for their maximum, then again for their sum,
/// while in L1.
const ROW_BLOCK: usize = 8;

/// The running maximum, `s = Σ exp((x − max) / T)` and, if `TAIL`, the part of `s` from the
/// entries below the maximum, of the columns `j0..j0 + p` (`p ≤ PANEL`), going down the rows a
/// block at a time, in order, so that memory is read as it lies: when a block raises a column's
/// maximum its sums (and their Kahan carries) are rescaled, and all of the old sum becomes tail.
#[inline(always)]
fn online_panel<V: Simd, const TAIL: bool>(
    x: &[V::E],
    c: Columns,
    j0: usize,
    p: usize,
    inv_t: V::E,
) -> Online<V::E> {
    let zero = V::E::zero();
    let ninf = V::E::neg_infinity();
    let it = V::splat(inv_t);
    // A maximum of −inf (nothing finite yet) is replaced by −MAX in the exponents, so that
    // −inf − max is −inf, not NaN; a finite entry is never below −MAX.
    let floor = V::splat(V::E::min_value());
    let (mut m, mut s, mut carry) = (vec![ninf; p], vec![zero; p], vec![zero; p]);
    let tail_len = if TAIL { p } else { 0 };
    let (mut tail, mut tail_carry) = (vec![zero; tail_len], vec![zero; tail_len]);
    let ld = |a: &[V::E], k: usize, n: usize, fill: V::E| {
        if n == V::LANES {
            V::load(&a[k..])
        } else {
            V::load_partial(&a[k..k + n], fill)
        }
    };
    let mut r0 = 0;
    while r0 < c.len {
        let rows = r0..(r0 + ROW_BLOCK).min(c.len);
        let mut k = 0;
        while k < p {
            let n = V::LANES.min(p - k);
            let mut bm = V::splat(ninf);
            for i in rows.clone() {
                bm = bm.max_nan(load(x, c, i, j0 + k, n, ninf));
            }
            let old = ld(&m, k, n, ninf);
            let new = old.max_nan(bm);
            let safe = floor.max(new);
            let f = old.sub(safe).mul(it).exp();
            let (mut block, mut block_tail) = (V::splat(zero), V::splat(zero));
            for i in rows.clone() {
                let v = load::<V>(x, c, i, j0 + k, n, ninf);
                let e = v.sub(safe).mul(it).exp();
                block = block.add(e);
                if TAIL {
                    block_tail = block_tail.add(safe.sub(v).mul0(e));
                }
            }
            let (s_old, carry_old) = (ld(&s, k, n, zero).mul(f), ld(&carry, k, n, zero).mul(f));
            let mut sum = Kahan {
                sum: s_old,
                carry: carry_old,
            };
            sum.add(block);
            store_lanes(new, &mut m[k..k + n]);
            store_lanes(sum.sum, &mut s[k..k + n]);
            store_lanes(sum.carry, &mut carry[k..k + n]);
            if TAIL {
                // A raised maximum (old − new < 0) turns the whole old sum into tail.
                let grew = old.sub(new);
                let mut t = Kahan {
                    sum: grew.select_sign(ld(&tail, k, n, zero).mul(f), s_old),
                    carry: grew.select_sign(ld(&tail_carry, k, n, zero).mul(f), carry_old),
                };
                t.add(block_tail);
                store_lanes(t.sum, &mut tail[k..k + n]);
                store_lanes(t.carry, &mut tail_carry[k..k + n]);
            }
            k += n;
        }
        r0 = rows.end;
    }
    Online { m, s, tail }
}

/// Stores the first `a.len() ≤ LANES` lanes of `v` into `a` (a function, not a closure, so that
/// it is always inlined into the `#[target_feature]` caller).
#[inline(always)]
fn store_lanes<V: Simd>(v: V, a: &mut [V::E]) {
    if a.len() == V::LANES {
        v.store(a);
    } else {
        v.store_partial(a);
    }
}

/// `s ← ln s` for each column's sum and tail, as [`ln_of_sum`] takes it.
#[inline(always)]
fn ln_of_sums<V: Simd>(s: &mut [V::E], tail: &[V::E]) {
    let mut k = 0;
    while k < s.len() {
        let n = V::LANES.min(s.len() - k);
        let (sv, tv) = if n == V::LANES {
            (V::load(&s[k..]), V::load(&tail[k..]))
        } else {
            (
                V::load_partial(&s[k..k + n], V::E::one()),
                V::load_partial(&tail[k..k + n], V::E::zero()),
            )
        };
        store_lanes(ln_of_sum(sv, tv), &mut s[k..k + n]);
        k += n;
    }
}

/// What [`online_panel`] found per column.
struct Online<E> {
    m: Vec<E>,
    s: Vec<E>,
    /// Empty unless asked for.
    tail: Vec<E>,
}

/// Softmax or log-softmax of long column lanes: per panel of columns, one pass down the rows for
/// the running maximum and sum, one for the output.
#[inline(always)]
fn normalize_panels<V: Simd, I: Io<V::E>>(io: &mut I, c: Columns, op: Normalize<V::E>) {
    let zero = V::E::zero();
    let it = V::splat(op.inv_t);
    let mut j0 = 0;
    while j0 < c.width {
        let p = PANEL.min(c.width - j0);
        let Online {
            mut m,
            mut s,
            mut tail,
        } = if op.log {
            online_panel::<V, true>(io.src(), c, j0, p, op.inv_t)
        } else {
            online_panel::<V, false>(io.src(), c, j0, p, op.inv_t)
        };
        // Lanes with a non-finite maximum are worked out first, from the input, which in place
        // the output pass overwrites, and written last.
        let mut specials = Vec::new();
        for k in 0..p {
            if !m[k].is_finite() {
                specials.push((j0 + k, special_column(io.src(), c, j0 + k, op.log)));
                (m[k], s[k]) = (zero, V::E::one());
                if op.log {
                    tail[k] = zero;
                }
            }
        }
        // Per column: ln s for log-softmax (as ln k + ln(1 + tail / k) near 1, so that the
        // log-probability of a dominant entry keeps its relative precision), 1 / s for softmax.
        if op.log {
            ln_of_sums::<V>(&mut s, &tail);
        } else {
            for v in &mut s[..p] {
                *v = v.recip();
            }
        }
        // Row by row, in memory order: a strip at a time down the rows would thrash the TLB.
        let ld = |a: &[V::E], k: usize, n: usize| {
            if n == V::LANES {
                V::load(&a[k..])
            } else {
                V::load_partial(&a[k..k + n], zero)
            }
        };
        for i in 0..c.len {
            let mut k = 0;
            while k < p {
                let n = V::LANES.min(p - k);
                let (mv, sv) = (ld(&m, k, n), ld(&s, k, n));
                let z = load::<V>(io.src(), c, i, j0 + k, n, zero).sub(mv).mul(it);
                let v = if op.log { z.sub(sv) } else { z.exp().mul(sv) };
                store(v, io.dst(), c, i, j0 + k, n);
                k += n;
            }
        }
        for (col, values) in specials {
            for (i, v) in values.into_iter().enumerate() {
                io.dst()[i * c.width + col] = v;
            }
        }
        j0 += p;
    }
}

/// `logsumexp` of long column lanes, one online pass down the rows per panel of columns.
#[inline(always)]
fn lse_panels<V: Simd>(x: &[V::E], out: &mut [V::E], c: Columns, inv_t: V::E) {
    let mut j0 = 0;
    while j0 < c.width {
        let p = PANEL.min(c.width - j0);
        let Online { m, mut s, tail } = online_panel::<V, true>(x, c, j0, p, inv_t);
        ln_of_sums::<V>(&mut s, &tail);
        for k in 0..p {
            out[j0 + k] = if m[k].is_finite() {
                m[k] * inv_t + s[k]
            } else {
                m[k]
            };
        }
        j0 += p;
    }
}
