//! Every instruction set against the scalar path and against `f64`, at every tail length.

use super::dispatch::{Compute, Kernel};
use super::softmax::Normalize;
use super::vjp::Vjp;
use super::{Columns, Elem, Isa, Lanes, Simd};

// The kernels' entry points, by the lanes the tests give them.

fn normalize_rows<E: Elem>(isa: Isa, x: &[E], out: &mut [E], len: usize, op: Normalize<E>) {
    super::softmax::normalize(isa, x, out, Lanes::Rows(len), op);
}

fn normalize_rows_inplace<E: Elem>(isa: Isa, x: &mut [E], len: usize, op: Normalize<E>) {
    super::softmax::normalize_inplace(isa, x, Lanes::Rows(len), op);
}

fn normalize_columns<E: Elem>(isa: Isa, x: &[E], out: &mut [E], c: Columns, op: Normalize<E>) {
    super::softmax::normalize(isa, x, out, Lanes::Columns(c), op);
}

fn normalize_columns_inplace<E: Elem>(isa: Isa, x: &mut [E], c: Columns, op: Normalize<E>) {
    super::softmax::normalize_inplace(isa, x, Lanes::Columns(c), op);
}

fn lse_rows<E: Elem>(isa: Isa, x: &[E], out: &mut [E], len: usize, inv_t: E) {
    super::logsumexp::logsumexp(isa, x, out, Lanes::Rows(len), inv_t);
}

fn lse_columns<E: Elem>(isa: Isa, x: &[E], out: &mut [E], c: Columns, inv_t: E) {
    super::logsumexp::logsumexp(isa, x, out, Lanes::Columns(c), inv_t);
}

fn vjp_rows<E: Elem>(isa: Isa, y: &[E], g: &[E], out: &mut [E], len: usize, kind: Vjp) {
    super::vjp::vjp(isa, y, g, out, len, kind);
}

fn sigmoid_slice<E: Elem>(isa: Isa, x: &[E], out: &mut [E]) {
    super::sigmoid::sigmoid(isa, x, out);
}

/// Largest error of the vectorised `exp` against the platform's, in ULPs.
const EXP_ULPS: u32 = 2;
/// Softmax/log-softmax of a lane against the scalar path, in ULPs. Each path is within a few ULPs
/// of the exact result (exp ≤ 2, the sum, summed in a different order per path, ≤ 2 for these
/// lengths, the scaling ≤ 1), so two paths can differ by twice that.
const LANE_ULPS: u32 = 8;

fn ulps_f32(a: f32, b: f32) -> u32 {
    if a == b || (a.is_nan() && b.is_nan()) {
        return 0;
    }
    if a.is_nan() || b.is_nan() || a.signum() != b.signum() {
        return u32::MAX;
    }
    a.to_bits().abs_diff(b.to_bits())
}

fn ulps_f64(a: f64, b: f64) -> u64 {
    if a == b || (a.is_nan() && b.is_nan()) {
        return 0;
    }
    if a.is_nan() || b.is_nan() || a.signum() != b.signum() {
        return u64::MAX;
    }
    a.to_bits().abs_diff(b.to_bits())
}

struct ExpAll<'a, E>(&'a [E], &'a mut [E]);

impl<E: Elem> Kernel for ExpAll<'_, E> {
    type S = E;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = Compute<Self>>>(self) {
        super::loops::map(&mut super::loops::Separate(self.0, self.1), V::exp);
    }
}

/// Lane lengths that cover every vector tail and a few multi-block lengths.
fn lengths() -> impl Iterator<Item = usize> {
    (1..=67).chain([127, 128, 129, 1000, 2047, 2048, 2049, 5000])
}

/// Deterministic pseudo-random values in `[lo, hi)`.
fn values(n: usize, seed: u64, lo: f64, hi: f64) -> Vec<f64> {
    let mut s = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..n)
        .map(|_| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            lo + (hi - lo) * ((s >> 11) as f64 / (1u64 << 53) as f64)
        })
        .collect()
}

#[test]
fn exp_f32_matches_libm_on_every_isa() {
    let mut xs: Vec<f32> = values(20_000, 1, -110.0, 95.0)
        .iter()
        .map(|&v| v as f32)
        .collect();
    xs.extend([
        0.0,
        -0.0,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::NAN,
        88.72,
        88.73,
        -87.3,
        -103.9,
        -104.0,
    ]);
    let want: Vec<f32> = xs.iter().map(|v| v.exp()).collect();
    for &isa in Isa::available() {
        let mut got = vec![0.0_f32; xs.len()];
        isa.run(ExpAll(&xs, &mut got));
        for (i, (&g, &w)) in got.iter().zip(&want).enumerate() {
            // Below the smallest normal, compare absolutely: subnormals carry few bits.
            let ok = ulps_f32(g, w) <= EXP_ULPS
                || (w.abs() < f32::MIN_POSITIVE && (g - w).abs() <= 2e-45);
            assert!(ok, "{} exp({}) = {g:e}, libm {w:e}", isa.name(), xs[i]);
        }
    }
}

#[test]
fn exp_f64_matches_libm_on_every_isa() {
    let mut xs = values(20_000, 2, -750.0, 712.0);
    xs.extend([
        0.0,
        -0.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        709.78,
        709.79,
        -708.4,
        -745.1,
        -746.0,
    ]);
    xs.extend(values(5_000, 3, -1.0, 1.0));
    let want: Vec<f64> = xs.iter().map(|v| v.exp()).collect();
    for &isa in Isa::available() {
        let mut got = vec![0.0_f64; xs.len()];
        isa.run(ExpAll(&xs, &mut got));
        for (i, (&g, &w)) in got.iter().zip(&want).enumerate() {
            let ok = ulps_f64(g, w) <= u64::from(EXP_ULPS)
                || (w.abs() < f64::MIN_POSITIVE && (g - w).abs() <= 1e-323);
            assert!(ok, "{} exp({}) = {g:e}, libm {w:e}", isa.name(), xs[i]);
        }
    }
}

/// The polynomial path run through the scalar "vector": checks `exp_poly` and `ldexp` on their
/// own, independent of any SIMD implementation.
#[test]
fn portable_polynomial_exp_matches_libm() {
    use super::scalar::Scalar;
    for x in values(5_000, 4, -100.0, 88.0) {
        let x = x as f32;
        let got = super::simd::exp_poly(Scalar::splat(x));
        let mut out = [0.0_f32];
        got.store(&mut out);
        let w = x.exp();
        assert!(
            ulps_f32(out[0], w) <= EXP_ULPS || (w - out[0]).abs() < 2e-45,
            "exp({x}) = {}, libm {w}",
            out[0]
        );
    }
}

#[test]
fn every_isa_agrees_with_scalar_softmax_f32() {
    for log in [false, true] {
        for inv_t in [1.0_f32, 0.37, 4.0] {
            for len in lengths() {
                for offset in 0..4 {
                    let x: Vec<f32> = values(len + offset, len as u64, -20.0, 20.0)
                        .iter()
                        .map(|&v| v as f32)
                        .collect();
                    let x = &x[offset..];
                    let op = Normalize { inv_t, log };
                    let mut want = vec![0.0_f32; len];
                    normalize_rows(Isa::SCALAR, x, &mut want, len, op);
                    for &isa in Isa::available() {
                        let mut got = vec![0.0_f32; len];
                        normalize_rows(isa, x, &mut got, len, op);
                        let mut inplace = x.to_vec();
                        normalize_rows_inplace(isa, &mut inplace, len, op);
                        assert_eq!(got, inplace, "{} in place differs", isa.name());
                        for (i, (&g, &w)) in got.iter().zip(&want).enumerate() {
                            // Log-softmax values near 0 come from a cancellation: compare them to 1.
                            assert!(
                                ulps_f32(g, w) <= LANE_ULPS
                                    || (g - w).abs() < 1e-37
                                    || (log
                                        && (g - w).abs()
                                            <= LANE_ULPS as f32 * f32::EPSILON * w.abs().max(1.0)),
                                "{} log={log} inv_t={inv_t} len={len} offset={offset} i={i}: {g:e} vs {w:e}",
                                isa.name()
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn every_isa_agrees_with_scalar_softmax_f64() {
    for log in [false, true] {
        for len in lengths() {
            for offset in 0..3 {
                let x = values(len + offset, len as u64 + 7, -300.0, 300.0);
                let x = &x[offset..];
                let op = Normalize { inv_t: 0.5, log };
                let mut want = vec![0.0_f64; len];
                normalize_rows(Isa::SCALAR, x, &mut want, len, op);
                for &isa in Isa::available() {
                    let mut got = vec![0.0_f64; len];
                    normalize_rows(isa, x, &mut got, len, op);
                    for (i, (&g, &w)) in got.iter().zip(&want).enumerate() {
                        assert!(
                            ulps_f64(g, w) <= u64::from(LANE_ULPS)
                                || (g - w).abs() < 1e-300
                                || (log
                                    && (g - w).abs()
                                        <= f64::from(LANE_ULPS) * f64::EPSILON * w.abs().max(1.0)),
                            "{} log={log} len={len} offset={offset} i={i}: {g:e} vs {w:e}",
                            isa.name()
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn every_isa_agrees_on_logsumexp_and_vjps() {
    for len in lengths() {
        let x: Vec<f32> = values(len, len as u64 + 11, -30.0, 30.0)
            .iter()
            .map(|&v| v as f32)
            .collect();
        let g: Vec<f32> = values(len, len as u64 + 13, -1.0, 1.0)
            .iter()
            .map(|&v| v as f32)
            .collect();
        let want_lse = {
            let m = x
                .iter()
                .fold(f64::NEG_INFINITY, |m, &v| m.max(f64::from(v)));
            m + x
                .iter()
                .map(|&v| (f64::from(v) - m).exp())
                .sum::<f64>()
                .ln()
        };
        let mut p = vec![0.0_f32; len];
        normalize_rows(
            Isa::SCALAR,
            &x,
            &mut p,
            len,
            Normalize {
                inv_t: 1.0,
                log: false,
            },
        );
        let mut lp = vec![0.0_f32; len];
        normalize_rows(
            Isa::SCALAR,
            &x,
            &mut lp,
            len,
            Normalize {
                inv_t: 1.0,
                log: true,
            },
        );
        let mut want = [vec![0.0_f32; len], vec![0.0_f32; len]];
        vjp_rows(Isa::SCALAR, &p, &g, &mut want[0], len, Vjp::Softmax);
        vjp_rows(Isa::SCALAR, &lp, &g, &mut want[1], len, Vjp::LogSoftmax);
        for &isa in Isa::available() {
            let mut lse = [0.0_f32];
            lse_rows(isa, &x, &mut lse, len, 1.0);
            let err = (f64::from(lse[0]) - want_lse).abs() / want_lse.abs().max(1.0);
            assert!(
                err < 4.0 * f64::from(f32::EPSILON),
                "{} len={len}: lse {} vs {want_lse}",
                isa.name(),
                lse[0]
            );
            for (k, (kind, y)) in [(Vjp::Softmax, &p), (Vjp::LogSoftmax, &lp)]
                .into_iter()
                .enumerate()
            {
                let mut got = vec![0.0_f32; len];
                vjp_rows(isa, y, &g, &mut got, len, kind);
                for (i, (&a, &b)) in got.iter().zip(&want[k]).enumerate() {
                    // Σ g⊙p is summed in a different order per ISA: compare to its scale.
                    assert!(
                        (a - b).abs() <= 1e-6 * (1.0 + b.abs()),
                        "{} {kind:?} len={len} i={i}: {a} vs {b}",
                        isa.name()
                    );
                }
            }
        }
    }
}

#[test]
fn every_isa_agrees_on_sigmoid() {
    let x: Vec<f32> = values(1_001, 5, -120.0, 120.0)
        .iter()
        .map(|&v| v as f32)
        .collect();
    for &isa in Isa::available() {
        let mut got = vec![0.0_f32; x.len()];
        sigmoid_slice(isa, &x, &mut got);
        for (&v, &g) in x.iter().zip(&got) {
            let w = 1.0 / (1.0 + (-f64::from(v)).exp());
            let err = (f64::from(g) - w).abs() / w;
            assert!(
                err < 4.0 * f64::from(f32::EPSILON) || (f64::from(g) - w).abs() < 2e-45,
                "{} σ({v}) = {g} vs {w}",
                isa.name()
            );
        }
    }
}

#[test]
fn special_lanes_are_defined_on_every_isa() {
    let inf = f32::INFINITY;
    let cases: [(&[f32], [f32; 2]); 4] = [
        (&[f32::NEG_INFINITY; 19], [0.0, f32::NEG_INFINITY]),
        (
            &[
                1.0,
                f32::NAN,
                2.0,
                3.0,
                0.0,
                0.0,
                0.0,
                0.0,
                0.0,
                0.0,
                0.0,
                0.0,
                0.0,
                0.0,
                0.0,
                0.0,
                0.0,
                0.0,
                0.0,
            ],
            [f32::NAN, f32::NAN],
        ),
        (
            &[f32::NEG_INFINITY, f32::NAN, f32::NEG_INFINITY],
            [f32::NAN, f32::NAN],
        ),
        (&[inf, 1.0, inf, -inf, inf, inf], [0.0, f32::NEG_INFINITY]),
    ];
    for &isa in Isa::available() {
        for (x, [plain, log]) in &cases {
            for (is_log, fill) in [(false, plain), (true, log)] {
                let mut out = vec![0.0_f32; x.len()];
                normalize_rows(
                    isa,
                    x,
                    &mut out,
                    x.len(),
                    Normalize {
                        inv_t: 1.0,
                        log: is_log,
                    },
                );
                for (&v, &o) in x.iter().zip(&out) {
                    let want = if v == inf {
                        if is_log { -(4.0_f32).ln() } else { 0.25 }
                    } else {
                        *fill
                    };
                    assert!(
                        o == want || (o.is_nan() && want.is_nan()),
                        "{} log={is_log} {x:?}: {out:?}",
                        isa.name()
                    );
                }
            }
        }
    }
}

/// Softmax of one lane by the scalar per-lane path: the oracle for the lane layouts below.
fn oracle_lane(x: &[f32], op: Normalize<f32>) -> Vec<f32> {
    let mut out = vec![0.0; x.len()];
    normalize_rows(Isa::SCALAR, x, &mut out, x.len(), op);
    out
}

/// Lanes with a NaN, all −inf, and +inf entries, planted among ordinary values.
fn plant_specials(x: &mut [f32], lanes: usize, at: impl Fn(usize, usize) -> usize) {
    if lanes > 3 {
        x[at(1, 0)] = f32::NAN;
        for i in 0..x.len() / lanes {
            x[at(2, i)] = f32::NEG_INFINITY;
        }
        x[at(3, 0)] = f32::INFINITY;
    }
}

#[test]
fn short_rows_transposed_agree_with_each_lane_alone() {
    for &isa in Isa::available() {
        for len in [1, 2, 3, 7, 10, 16, 17, 31, 32, 33, 47, 48] {
            for rows in [2, 5, 63, 64, 65, 130] {
                let mut x: Vec<f32> = values(rows * len, (rows * len) as u64, -15.0, 15.0)
                    .iter()
                    .map(|&v| v as f32)
                    .collect();
                plant_specials(&mut x, rows, |lane, i| lane * len + i.min(len - 1));
                for log in [false, true] {
                    let op = Normalize { inv_t: 0.8, log };
                    let mut got = vec![0.0_f32; x.len()];
                    normalize_rows(isa, &x, &mut got, len, op);
                    let mut inplace = x.clone();
                    normalize_rows_inplace(isa, &mut inplace, len, op);
                    let mut lse = vec![0.0_f32; rows];
                    lse_rows(isa, &x, &mut lse, len, 1.0);
                    for r in 0..rows {
                        let lane = &x[r * len..(r + 1) * len];
                        let want = oracle_lane(lane, op);
                        for i in 0..len {
                            let (g, p, w) = (got[r * len + i], inplace[r * len + i], want[i]);
                            let close = |a: f32| {
                                ulps_f32(a, w) <= LANE_ULPS
                                    || (a - w).abs() <= 1e-6 * w.abs().max(1.0)
                            };
                            assert!(
                                close(g) && close(p),
                                "{} len={len} rows={rows} log={log} r={r} i={i}: {g} {p} vs {w}",
                                isa.name()
                            );
                        }
                        let m = lane.iter().fold(f64::NEG_INFINITY, |m, &v| {
                            if v.is_nan() || m.is_nan() {
                                f64::NAN
                            } else {
                                m.max(f64::from(v))
                            }
                        });
                        let want_lse = if m.is_finite() {
                            m + lane
                                .iter()
                                .map(|&v| (f64::from(v) - m).exp())
                                .sum::<f64>()
                                .ln()
                        } else {
                            m
                        };
                        let ok = (want_lse.is_nan() && lse[r].is_nan())
                            || f64::from(lse[r]) == want_lse
                            || (f64::from(lse[r]) - want_lse).abs()
                                < 1e-5 * want_lse.abs().max(1.0);
                        assert!(
                            ok,
                            "{} lse len={len} rows={rows} r={r}: {} vs {want_lse}",
                            isa.name(),
                            lse[r]
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn column_lanes_agree_with_each_lane_alone() {
    for &isa in Isa::available() {
        for len in [1, 2, 5, 33, 300] {
            for width in [1, 3, 8, 15, 16, 17, 40, 70] {
                let mut x: Vec<f32> = values(len * width, (len * width + 3) as u64, -15.0, 15.0)
                    .iter()
                    .map(|&v| v as f32)
                    .collect();
                plant_specials(&mut x, width, |lane, i| i.min(len - 1) * width + lane);
                let c = Columns::new(len, width);
                for log in [false, true] {
                    let op = Normalize { inv_t: 1.3, log };
                    let mut got = vec![0.0_f32; x.len()];
                    normalize_columns(isa, &x, &mut got, c, op);
                    let mut inplace = x.clone();
                    normalize_columns_inplace(isa, &mut inplace, c, op);
                    let mut lse = vec![0.0_f32; width];
                    lse_columns(isa, &x, &mut lse, c, 1.0);
                    for j in 0..width {
                        let lane: Vec<f32> = (0..len).map(|i| x[i * width + j]).collect();
                        let want = oracle_lane(&lane, op);
                        let mut want_lse = [0.0_f32];
                        lse_rows(Isa::SCALAR, &lane, &mut want_lse, len, 1.0);
                        let close = |a: f32, w: f32| {
                            (a.is_nan() && w.is_nan())
                                || ulps_f32(a, w) <= LANE_ULPS
                                || (a - w).abs() <= 1e-6 * w.abs().max(1.0)
                        };
                        assert!(
                            close(lse[j], want_lse[0]),
                            "{} lse len={len} width={width} j={j}: {} vs {}",
                            isa.name(),
                            lse[j],
                            want_lse[0]
                        );
                        for i in 0..len {
                            let (g, p) = (got[i * width + j], inplace[i * width + j]);
                            assert!(
                                close(g, want[i]) && close(p, want[i]),
                                "{} len={len} width={width} log={log} j={j} i={i}: {g} {p} vs {}",
                                isa.name(),
                                want[i]
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn ln_1p_unit_is_accurate_on_every_isa() {
    struct Ln1p<'a, E>(&'a [E], &'a mut [E]);
    impl<E: Elem> Kernel for Ln1p<'_, E> {
        type S = E;
        type Output = ();
        #[inline(always)]
        fn run<V: Simd<E = Compute<Self>>>(self) {
            super::loops::map(&mut super::loops::Separate(self.0, self.1), V::ln_1p_unit);
        }
    }
    let mut xs: Vec<f64> = values(20_000, 9, 0.0, 1.0);
    xs.extend([
        0.0,
        1e-300,
        1e-20,
        1e-8,
        std::f64::consts::SQRT_2 - 1.0,
        0.5,
        1.0,
    ]);
    xs.extend((0..200).map(|k| (-f64::from(k) * 0.37).exp()));
    for &isa in Isa::available() {
        let mut got = vec![0.0_f64; xs.len()];
        isa.run(Ln1p(&xs, &mut got));
        for (&x, &g) in xs.iter().zip(&got) {
            assert!(
                ulps_f64(g, x.ln_1p()) <= 4,
                "{} ln_1p({x}) = {g} vs {}",
                isa.name(),
                x.ln_1p()
            );
        }
        let xs32: Vec<f32> = xs.iter().map(|&v| v as f32).collect();
        let mut got32 = vec![0.0_f32; xs.len()];
        isa.run(Ln1p(&xs32, &mut got32));
        for (&x, &g) in xs32.iter().zip(&got32) {
            assert!(
                ulps_f32(g, x.ln_1p()) <= 4,
                "{} ln_1p({x}) = {g} vs {}",
                isa.name(),
                x.ln_1p()
            );
        }
    }
}

#[test]
fn bce_with_logits_kernel_agrees_with_scalar_on_every_isa() {
    use super::bce::{BceWithLogits, Weights, bce_with_logits};
    let row = 13;
    let n = row * 7;
    let mut x: Vec<f64> = values(n, 21, -40.0, 40.0);
    x[3] = f64::INFINITY;
    x[4] = f64::NEG_INFINITY;
    x[5] = 1e300;
    let y: Vec<f64> = values(n, 22, 0.0, 1.0)
        .iter()
        .map(|&v| {
            if v < 0.3 {
                0.0
            } else if v > 0.7 {
                1.0
            } else {
                v
            }
        })
        .collect();
    // Infinite logits on the side their target agrees with: the loss is its limit, 0.
    let (y, w): (Vec<f64>, Vec<f64>) = {
        let mut y = y;
        y[3] = 1.0;
        y[4] = 0.0;
        (y, values(n, 23, 0.0, 2.0))
    };
    let pw: Vec<f64> = values(row, 24, 0.5, 3.0);
    let run = |isa: Isa| {
        let mut grad = vec![0.0; n];
        let mut per = vec![0.0; n];
        let total = bce_with_logits(
            isa,
            BceWithLogits {
                x: &x,
                y: &y,
                row,
                weight: Weights::PerElement(&w),
                pos_weight: Some(&pw),
                grad: Some(&mut grad),
                grad_scale: 0.5,
                per_elem: Some(&mut per),
            },
        );
        (total.wide(), grad, per)
    };
    let (t0, g0, p0) = run(Isa::SCALAR);
    assert!(t0.is_finite() && g0.iter().chain(&p0).all(|v| v.is_finite()));
    for &isa in Isa::available() {
        let (t, g, p) = run(isa);
        assert!(
            (t - t0).abs() <= 1e-12 * t0.abs(),
            "{}: {t} vs {t0}",
            isa.name()
        );
        for i in 0..n {
            assert!(
                (g[i] - g0[i]).abs() <= 1e-14 * (1.0 + g0[i].abs()),
                "{} grad {i}: {} vs {}",
                isa.name(),
                g[i],
                g0[i]
            );
            assert!(
                (p[i] - p0[i]).abs() <= 1e-13 * (1.0 + p0[i].abs()),
                "{} loss {i}: {} vs {}",
                isa.name(),
                p[i],
                p0[i]
            );
        }
    }
}

#[test]
fn short_row_cross_entropy_agrees_with_each_row_alone() {
    use super::cross_entropy::{IGNORED, Options, Targets, logits};
    fn cross_entropy_rows(
        isa: Isa,
        x: &[f64],
        len: usize,
        targets: &[usize],
        losses: &mut [f64],
        grad: Option<&mut [f64]>,
        o: Options<'_, f64>,
    ) {
        logits(isa, x, len, Targets::Classes(targets), losses, grad, o);
    }
    for &isa in Isa::available() {
        for len in [1, 2, 3, 10, 16, 17, 32, 33, 48, 49, 61, 100] {
            for rows in [2, 7, 64, 65, 129] {
                let mut x = values(rows * len, (rows * 31 + len) as u64, -12.0, 12.0);
                if rows > 4 {
                    x[len] = f64::NAN;
                    x[2 * len..3 * len].fill(f64::NEG_INFINITY);
                    x[3 * len] = f64::INFINITY;
                }
                let targets: Vec<usize> = (0..rows)
                    .map(|r| if r % 5 == 4 { IGNORED } else { (r * 7) % len })
                    .collect();
                let weight: Vec<f64> = values(len, 77, 0.2, 2.0);
                for (smoothing, weighted) in [(0.0, false), (0.15, true), (0.3, false)] {
                    let o = Options::new(weighted.then_some(&weight[..]), smoothing, len, 0.7, 4.0);
                    let mut losses = vec![0.0; rows];
                    let mut grad = vec![0.0; rows * len];
                    cross_entropy_rows(isa, &x, len, &targets, &mut losses, Some(&mut grad), o);
                    for r in 0..rows {
                        let xr = &x[r * len..(r + 1) * len];
                        let mut want_l = [0.0];
                        let mut want_g = vec![0.0; len];
                        cross_entropy_rows(
                            Isa::SCALAR,
                            xr,
                            len,
                            &targets[r..=r],
                            &mut want_l,
                            Some(&mut want_g),
                            o,
                        );
                        let same = |a: f64, b: f64| {
                            (a.is_nan() && b.is_nan())
                                || a == b
                                || (a - b).abs() <= 1e-12 * (1.0 + b.abs())
                        };
                        assert!(
                            same(losses[r], want_l[0]),
                            "{} len={len} rows={rows} r={r}: loss {} vs {}",
                            isa.name(),
                            losses[r],
                            want_l[0]
                        );
                        for k in 0..len {
                            assert!(
                                same(grad[r * len + k], want_g[k]),
                                "{} len={len} rows={rows} r={r} k={k}: {} vs {}",
                                isa.name(),
                                grad[r * len + k],
                                want_g[k]
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn column_cross_entropy_agrees_with_each_lane_alone() {
    use super::cross_entropy::{IGNORED, Options, Targets, logits, logits_columns};
    for &isa in Isa::available() {
        for len in [1, 2, 3, 10, 21, 32, 33, 48, 49, 64] {
            for width in [2, 3, 15, 16, 17, 40] {
                let blocks = 2;
                let n = blocks * width;
                let c = Columns::new(len, width);
                let mut x = values(n * len, (n * 31 + len) as u64, -12.0, 12.0);
                // Edge lanes in block 1: a NaN, all −inf, a +inf.
                let at = |b: usize, i: usize, j: usize| b * len * width + i * width + j;
                x[at(1, len - 1, 0)] = f64::NAN;
                for i in 0..len {
                    x[at(1, i, 1)] = f64::NEG_INFINITY;
                }
                x[at(0, len / 2, width - 1)] = f64::INFINITY;
                let targets: Vec<usize> = (0..n)
                    .map(|r| if r % 5 == 4 { IGNORED } else { (r * 7) % len })
                    .collect();
                let weight: Vec<f64> = values(len, 77, 0.2, 2.0);
                for (smoothing, weighted) in [(0.0, false), (0.15, true), (0.3, false)] {
                    let o = Options::new(weighted.then_some(&weight[..]), smoothing, len, 0.7, 4.0);
                    let mut losses = vec![0.0; n];
                    let mut grad = vec![0.0; n * len];
                    logits_columns(isa, &x, c, &targets, &mut losses, Some(&mut grad), o);
                    let mut alone = vec![0.0; n];
                    logits_columns(isa, &x, c, &targets, &mut alone, None, o);
                    // The same lanes as rows (classes last).
                    let mut rows = vec![0.0; n * len];
                    for b in 0..blocks {
                        for i in 0..len {
                            for j in 0..width {
                                rows[(b * width + j) * len + i] = x[at(b, i, j)];
                            }
                        }
                    }
                    let mut row_losses = vec![0.0; n];
                    let mut row_grad = vec![0.0; n * len];
                    let t = Targets::Classes(&targets);
                    logits(isa, &rows, len, t, &mut row_losses, Some(&mut row_grad), o);
                    for r in 0..n {
                        let (b, j) = (r / width, r % width);
                        let what = format!("{} len={len} width={width} lane={r}", isa.name());
                        assert_eq!(losses[r].to_bits(), alone[r].to_bits(), "{what}: no grad");
                        let mut want_l = [0.0];
                        let mut want_g = vec![0.0; len];
                        let lane = &rows[r * len..(r + 1) * len];
                        let t = Targets::Classes(&targets[r..=r]);
                        logits(Isa::SCALAR, lane, len, t, &mut want_l, Some(&mut want_g), o);
                        let same = |a: f64, b: f64| {
                            (a.is_nan() && b.is_nan())
                                || a == b
                                || (a - b).abs() <= 1e-12 * (1.0 + b.abs())
                        };
                        assert!(
                            same(losses[r], want_l[0]),
                            "{what}: {} vs {}",
                            losses[r],
                            want_l[0]
                        );
                        // Short rows take the same arithmetic, gathered.
                        let bits = len <= super::columns::SHORT_ROW && isa != Isa::SCALAR;
                        if bits {
                            assert_eq!(losses[r].to_bits(), row_losses[r].to_bits(), "{what}");
                        }
                        for i in 0..len {
                            let g = grad[at(b, i, j)];
                            assert!(same(g, want_g[i]), "{what} i={i}: {g} vs {}", want_g[i]);
                            if bits {
                                let h = row_grad[r * len + i];
                                assert_eq!(g.to_bits(), h.to_bits(), "{what} i={i}: {g} vs {h}");
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A block of `len` rows and 40 columns with a NaN, a +inf and an all −inf column; the column
/// ranges a split might take (16-aligned or not, a single column, all of them); the columns of
/// `x` in `cols`, as a block of their own.
const STRIDED_WIDTH: usize = 40;
const STRIDED_PARTS: [std::ops::Range<usize>; 6] = [0..16, 16..33, 33..40, 5..6, 3..21, 0..40];

fn strided_block(len: usize) -> Vec<f64> {
    let width = STRIDED_WIDTH;
    let mut x = values(len * width, (len * 13 + 5) as u64, -12.0, 12.0);
    x[(len - 1) * width + 3] = f64::NAN;
    x[(len / 2) * width + 17] = f64::INFINITY;
    for i in 0..len {
        x[i * width + 20] = f64::NEG_INFINITY;
    }
    x
}

fn columns_of(x: &[f64], cols: &std::ops::Range<usize>) -> Vec<f64> {
    x.chunks_exact(STRIDED_WIDTH)
        .flat_map(|row| row[cols.clone()].to_vec())
        .collect()
}

fn bits(v: &[f64]) -> Vec<u64> {
    v.iter().map(|v| v.to_bits()).collect()
}

/// Some of a block's columns, read in place (a stride wider than the columns, as a thread's
/// share of a split reads them), give the bits of the same columns read with the whole block:
/// logsumexp, and softmax in two halves (the columns' normalizers, then the rows).
#[test]
fn strided_columns_give_the_bits_of_the_whole_block() {
    use super::softmax::{column_normalizers, normalize_with, normalize_with_inplace};
    let width = STRIDED_WIDTH;
    for &isa in Isa::available() {
        for len in [1, 2, 5, 21, 33, 64, 65, 300] {
            let c = Columns::new(len, width);
            let x = strided_block(len);
            let mut lse = vec![0.0; width];
            lse_columns(isa, &x, &mut lse, c, 0.8);
            for cols in STRIDED_PARTS {
                let part = Columns {
                    len,
                    width: cols.len(),
                    stride: width,
                };
                let xs = &x[cols.start..cols.start + part.span()];
                let what = format!("{} len={len} columns {cols:?}", isa.name());
                let mut got = vec![0.0; cols.len()];
                lse_columns(isa, xs, &mut got, part, 0.8);
                assert_eq!(bits(&got), bits(&lse[cols.clone()]), "{what}: logsumexp");
                for log in [false, true] {
                    let op = Normalize { inv_t: 0.8, log };
                    let mut whole = vec![0.0; x.len()];
                    normalize_columns(isa, &x, &mut whole, c, op);
                    let (mut offsets, mut scales) = (vec![0.0; cols.len()], vec![0.0; cols.len()]);
                    let edges = column_normalizers(isa, xs, part, op, &mut offsets, &mut scales);
                    let rows = columns_of(&x, &cols);
                    let mut out = vec![0.0; rows.len()];
                    normalize_with(isa, &rows, &mut out, &offsets, &scales, op);
                    let mut inplace = rows.clone();
                    normalize_with_inplace(isa, &mut inplace, &offsets, &scales, op);
                    for (k, lane) in edges {
                        for (i, v) in lane.into_iter().enumerate() {
                            (out[i * cols.len() + k], inplace[i * cols.len() + k]) = (v, v);
                        }
                    }
                    let want = columns_of(&whole, &cols);
                    assert_eq!(bits(&out), bits(&want), "{what} log={log}: two halves");
                    assert_eq!(bits(&inplace), bits(&want), "{what} log={log}: in place");
                }
            }
        }
    }
}

/// The cross-entropy of some of a block's columns, read in place, gives the whole block's loss
/// bits; its gradient from each lane's terms, written a few rows of classes at a time, the whole
/// block's gradient bits (weights, smoothing, temperature, ignored targets, NaN and infinite
/// lanes).
#[test]
fn strided_cross_entropy_columns_give_the_bits_of_the_whole_block() {
    use super::cross_entropy::{
        GradTerms, IGNORED, Options, gradient_with_terms, logits_column_terms, logits_columns,
    };
    let width = STRIDED_WIDTH;
    for &isa in Isa::available() {
        for len in [1, 2, 5, 21, 33, 64] {
            let c = Columns::new(len, width);
            let x = strided_block(len);
            let targets: Vec<usize> = (0..width)
                .map(|j| if j % 7 == 6 { IGNORED } else { (j * 5) % len })
                .collect();
            let weight = values(len, 5, 0.5, 2.0);
            let o = Options::new(Some(&weight[..]), 0.1, len, 1.25, 3.0);
            let mut losses = vec![0.0; width];
            let mut grad = vec![0.0; x.len()];
            logits_columns(isa, &x, c, &targets, &mut losses, Some(&mut grad), o);
            for cols in STRIDED_PARTS {
                let (w, t) = (cols.len(), &targets[cols.clone()]);
                let part = Columns {
                    len,
                    width: w,
                    stride: width,
                };
                let xs = &x[cols.start..cols.start + part.span()];
                let what = format!("{} len={len} columns {cols:?}", isa.name());
                let mut got = vec![0.0; w];
                logits_columns(isa, xs, part, t, &mut got, None, o);
                assert_eq!(bits(&got), bits(&losses[cols.clone()]), "{what}: loss");
                let mut v = vec![0.0; 5 * w];
                let mut terms = GradTerms::of(&mut v);
                logits_column_terms(isa, xs, part, t, &mut got, &mut terms, o);
                assert_eq!(
                    bits(&got),
                    bits(&losses[cols.clone()]),
                    "{what}: loss, terms"
                );
                let rows = columns_of(&x, &cols);
                let mut g = vec![0.0; rows.len()];
                for first in (0..len).step_by(3) {
                    let classes = first * w..(first + 3).min(len) * w;
                    let (xr, gr) = (&rows[classes.clone()], &mut g[classes]);
                    gradient_with_terms(isa, xr, gr, first, &terms, o);
                }
                for (lane, lg) in terms.edges {
                    for (i, v) in lg.into_iter().enumerate() {
                        g[i * w + lane] = v;
                    }
                }
                let want = columns_of(&grad, &cols);
                assert_eq!(bits(&g), bits(&want), "{what}: gradient from terms");
            }
        }
    }
}

#[test]
fn ln_is_accurate_on_every_isa() {
    struct Ln<'a, E>(&'a [E], &'a mut [E]);
    impl<E: Elem> Kernel for Ln<'_, E> {
        type S = E;
        type Output = ();
        #[inline(always)]
        fn run<V: Simd<E = Compute<Self>>>(self) {
            super::loops::map(&mut super::loops::Separate(self.0, self.1), V::ln);
        }
    }
    let mut xs: Vec<f64> = values(20_000, 19, 1.0, 64.0);
    xs.extend(values(5_000, 20, 1.0, 1e6));
    xs.extend([
        1.0,
        std::f64::consts::SQRT_2,
        2.0,
        1.0 + 1e-15,
        32_000.0,
        1e300,
        f64::MIN_POSITIVE,
    ]);
    for &isa in Isa::available() {
        let mut got = vec![0.0_f64; xs.len()];
        isa.run(Ln(&xs, &mut got));
        for (&x, &g) in xs.iter().zip(&got) {
            let w = x.ln();
            assert!(
                ulps_f64(g, w) <= 4 || (g - w).abs() <= 2.0 * f64::EPSILON,
                "{} ln({x}) = {g} vs {w}",
                isa.name()
            );
        }
        let xs32: Vec<f32> = xs
            .iter()
            .map(|&v| v as f32)
            .filter(|v| v.is_normal())
            .collect();
        let mut got32 = vec![0.0_f32; xs32.len()];
        isa.run(Ln(&xs32, &mut got32));
        for (&x, &g) in xs32.iter().zip(&got32) {
            let w = x.ln();
            assert!(
                ulps_f32(g, w) <= 4 || (g - w).abs() <= 2.0 * f32::EPSILON,
                "{} ln({x}) = {g} vs {w}",
                isa.name()
            );
        }
    }
}

/// Loads and stores — whole, partial (masked) and through the loops that every kernel uses —
/// at lengths 0, 1, W − 1, W, W + 1, 2W + 3 and a large one that is not a multiple of W, inside
/// guard elements that must stay as they were: each `unsafe` block of the vector types is a
/// load, a store, or a register operation, and this reaches every load and store.
struct LoadsAndStores<E> {
    guard: E,
}

impl<E: Elem> Kernel for LoadsAndStores<E> {
    type S = E;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = Compute<Self>>>(self) {
        const G: usize = 19;
        let w = V::LANES;
        let one = E::one();
        let value = |i: usize| <E as num_traits::NumCast>::from(i + 1).expect("small");
        for n in [0, 1, w - 1, w, w + 1, 2 * w + 3, 1000 + w - 1] {
            let mut buf = vec![self.guard; n + 2 * G];
            for i in 0..n {
                buf[G + i] = value(i);
            }
            let src = buf.clone();
            // Masked loads and stores: every length below the width.
            if n < w {
                let v = V::load_partial(&src[G..G + n], E::zero());
                let mut out = buf.clone();
                v.add(V::splat(one)).store_partial(&mut out[G..G + n]);
                for (i, &o) in out.iter().enumerate() {
                    let want = if (G..G + n).contains(&i) {
                        src[i] + one
                    } else {
                        self.guard
                    };
                    assert!(o == want || (o.is_nan() && want.is_nan()), "n={n} i={i}");
                }
                let mut lanes = vec![self.guard; w];
                v.store(&mut lanes);
                assert!(lanes[..n] == src[G..G + n] && lanes[n..].iter().all(|&l| l == E::zero()));
            }
            // The loops: `map` into another buffer and in place, and `sum`.
            let mut out = vec![self.guard; n + 2 * G];
            super::loops::map(
                &mut super::loops::Separate(&src[G..G + n], &mut out[G..G + n]),
                #[inline(always)]
                |v: V| v.add(V::splat(one)),
            );
            let mut inplace = src.clone();
            super::loops::map(
                &mut super::loops::InPlace(&mut inplace[G..G + n]),
                #[inline(always)]
                |v: V| v.add(V::splat(one)),
            );
            for (i, (&o, &p)) in out.iter().zip(&inplace).enumerate() {
                if (G..G + n).contains(&i) {
                    assert!(o == src[i] + one && p == src[i] + one, "n={n} i={i}");
                } else {
                    assert!(o.is_nan() && p.is_nan(), "n={n}: guard {i} overwritten");
                }
            }
            let total = super::loops::sum(
                &src[G..G + n],
                E::zero(),
                #[inline(always)]
                |v: V| v,
            );
            let want = <E as num_traits::NumCast>::from(n * (n + 1) / 2).expect("small");
            assert!(total == want, "n={n}: sum {total:?}, want {want:?}");
        }
    }
}

#[test]
fn loads_and_stores_stay_in_bounds_at_every_tail_on_every_isa() {
    for &isa in Isa::available() {
        isa.run(LoadsAndStores { guard: f32::NAN });
        isa.run(LoadsAndStores { guard: f64::NAN });
    }
}

#[test]
fn long_column_lanes_keep_tiny_log_probabilities() {
    // Columns longer than the online threshold, each with one dominant entry: its
    // log-probability is −Σ_{others} exp(x − max) to first order, far below f32's ε, and must
    // keep its relative precision, as on the row path.
    let (len, width) = (300, 21);
    for &isa in Isa::available() {
        let mut x = vec![0.0_f32; len * width];
        for j in 0..width {
            // The dominant entry moves down the column, so the running maximum is raised late.
            x[(j * 13 % len) * width + j] = 25.0 + j as f32;
        }
        let mut got = vec![0.0_f32; x.len()];
        normalize_columns(
            isa,
            &x,
            &mut got,
            Columns::new(len, width),
            Normalize {
                inv_t: 1.0,
                log: true,
            },
        );
        for j in 0..width {
            let top = 25.0 + f64::from(j as u32);
            let tail = (len - 1) as f64 * (-top).exp();
            let want = -(tail.ln_1p()) as f32;
            let g = got[(j * 13 % len) * width + j];
            assert!(
                ulps_f32(g, want) <= 4,
                "{} column {j}: log p {g:e}, want {want:e}",
                isa.name()
            );
        }
    }
}

#[test]
fn masses_above_count_entries_at_and_above_each_level_on_every_isa() {
    // Entries at each level, one ulp below it and above it, at every tail length: an entry equal
    // to a level counts, one just below does not.
    let levels = [0.5_f32, 0.25, 1.0 / 512.0, 1e-30];
    let mut e = Vec::new();
    for &l in &levels {
        e.extend([l, f32::from_bits(l.to_bits() - 1), l * 1.5, 0.0]);
    }
    for len in 0..=e.len() + 40 {
        let x: Vec<f32> = (0..len).map(|i| e[i % e.len()]).collect();
        let want: Vec<f64> = levels
            .iter()
            .map(|&l| x.iter().filter(|&&v| v >= l).map(|&v| f64::from(v)).sum())
            .collect();
        for &isa in Isa::available() {
            let mut got = vec![f64::NAN; levels.len()];
            super::sample::masses_above(isa, &x, &levels, &mut got);
            for (g, w) in got.iter().zip(&want) {
                assert!(
                    (g - w).abs() <= 1e-6 * w,
                    "{} at length {len}: {got:?}, want {want:?}",
                    isa.name()
                );
            }
        }
    }
}

struct HorizontalMax<E> {
    isa: Isa,
    _e: core::marker::PhantomData<E>,
}

impl<E: Elem> Kernel for HorizontalMax<E> {
    type S = E;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = Compute<Self>>>(self) {
        let w = V::LANES;
        let of = |v: f64| <E as num_traits::NumCast>::from(v).expect("representable");
        let name = self.isa.name();
        // The maximum at every lane, among negatives, zeros and infinities.
        for at in 0..w {
            for top in [0.5, 0.0, f64::INFINITY, -1.0] {
                let mut b = vec![of(-2.0); w];
                b[(at + 1) % w] = of(f64::NEG_INFINITY);
                b[at] = of(top);
                let got = V::load(&b).reduce_max_nan();
                assert!(
                    got == of(top),
                    "{name}: max {top} at lane {at}, got {got:?}"
                );
            }
            // A NaN in any lane, beside +inf and a larger value.
            let mut b = vec![of(f64::INFINITY); w];
            b[at] = E::nan();
            assert!(
                V::load(&b).reduce_max_nan().is_nan(),
                "{name}: NaN at lane {at}"
            );
        }
        let ninf = V::splat(of(f64::NEG_INFINITY)).reduce_max_nan();
        assert!(ninf == of(f64::NEG_INFINITY), "{name}: all −inf");
    }
}

#[test]
fn horizontal_maxima_find_every_lane_and_every_nan_on_every_isa() {
    for &isa in Isa::available() {
        isa.run(HorizontalMax::<f32> {
            isa,
            _e: core::marker::PhantomData,
        });
        isa.run(HorizontalMax::<f64> {
            isa,
            _e: core::marker::PhantomData,
        });
    }
}

struct GatherScatter<E> {
    isa: Isa,
    _e: core::marker::PhantomData<E>,
}

impl<E: Elem> Kernel for GatherScatter<E> {
    type S = E;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = Compute<Self>>>(self) {
        let w = V::LANES;
        let name = self.isa.name();
        let of = |v: usize| <E as num_traits::NumCast>::from(v).expect("small");
        for stride in [1, 2, 3, 10, 21, 64] {
            for n in 0..=w {
                let start = 5;
                // Exactly long enough for the last index used: any overrun would panic.
                let len = if n == 0 {
                    start
                } else {
                    start + (n - 1) * stride + 1
                };
                let s: Vec<E> = (0..len).map(|i| of(i + 100)).collect();
                let mut lanes = [E::zero(); 16];
                V::gather(&s, start, stride, n, of(7)).store(&mut lanes);
                for (k, &l) in lanes.iter().enumerate().take(w) {
                    let want = if k < n { s[start + k * stride] } else { of(7) };
                    assert!(l == want, "{name} gather stride {stride} n {n} lane {k}");
                }
                let mut out = vec![of(1); len];
                let v = V::load(&(0..16).map(|k| of(k + 30)).collect::<Vec<_>>()[..]);
                v.scatter(&mut out, start, stride, n);
                for (i, &o) in out.iter().enumerate() {
                    let lane = (i >= start && (i - start) % stride == 0)
                        .then(|| (i - start) / stride)
                        .filter(|&k| k < n);
                    let want = lane.map_or(of(1), |k| of(k + 30));
                    assert!(o == want, "{name} scatter stride {stride} n {n} at {i}");
                }
            }
        }
    }
}

#[test]
fn gathers_and_scatters_touch_exactly_their_lanes_on_every_isa() {
    for &isa in Isa::available() {
        isa.run(GatherScatter::<f32> {
            isa,
            _e: core::marker::PhantomData,
        });
        isa.run(GatherScatter::<f64> {
            isa,
            _e: core::marker::PhantomData,
        });
    }
}

struct ExpEdges<E> {
    isa: Isa,
    _e: core::marker::PhantomData<E>,
}

impl<E: Elem> Kernel for ExpEdges<E> {
    type S = E;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = Compute<Self>>>(self) {
        let w = V::LANES;
        let name = self.isa.name();
        let of = |v: f64| <E as num_traits::NumCast>::from(v).expect("representable");
        let f32_like = size_of::<E>() == 4;
        // Around both thresholds of each type: EXP_NORMAL (where the scaling leaves the normal
        // range) and EXP_LO (below which exp is 0), and the specials.
        let points: Vec<f64> = if f32_like {
            vec![
                -1e4, -104.5, -103.97, -103.0, -95.0, -87.5, -86.01, -85.99, -20.0, 0.0, 88.0,
            ]
        } else {
            vec![
                -1e5, -746.5, -745.1, -740.0, -720.0, -708.5, -707.01, -706.99, -30.0, 0.0, 700.0,
            ]
        };
        let mut values: Vec<E> = points.iter().map(|&v| of(v)).collect();
        values.extend([E::neg_infinity(), E::infinity(), E::nan()]);
        for &v in &values {
            // The value alone among zeros (lanes that take the fast path), and beside −inf in
            // every other lane (the careful one): the same bits, and the right value.
            for (k, fill) in [(0, E::zero()), (w - 1, E::neg_infinity())] {
                let mut lanes = vec![fill; w];
                lanes[k] = v;
                let mut out = [E::zero(); 16];
                V::load(&lanes).exp().store(&mut out);
                let got = out[k];
                let want = v.to_f64().unwrap_or(f64::NAN).exp();
                let want_e = of(want);
                let ok = if want.is_nan() {
                    got.is_nan()
                } else if want_e.is_infinite() || want_e == E::zero() {
                    got == want_e
                } else {
                    let got = got.to_f64().unwrap_or(f64::NAN);
                    // A few ULPs of the normal result; one unit of the smallest subnormal below.
                    let ulp = if f32_like {
                        f64::from(f32::EPSILON)
                    } else {
                        f64::EPSILON
                    };
                    let tiny = if f32_like { 1.5e-45 } else { 5e-324 };
                    (got - want).abs() <= 4.0 * ulp * want.abs() + tiny
                };
                assert!(
                    ok,
                    "{name}: exp({v:?}) = {got:?} beside {fill:?}, want {want:e}"
                );
                for (j, &o) in out.iter().enumerate().take(w) {
                    if j != k && fill == E::neg_infinity() {
                        assert!(o == E::zero(), "{name}: exp(−inf) = {o:?} beside {v:?}");
                    }
                }
                let mut alone = vec![E::zero(); w];
                alone[0] = v;
                let mut a = [E::zero(); 16];
                V::load(&alone).exp().store(&mut a);
                assert!(
                    a[0] == got || (a[0].is_nan() && got.is_nan()),
                    "{name}: exp({v:?}) differs with its neighbours: {:?} vs {got:?}",
                    a[0]
                );
            }
        }
    }
}

#[test]
fn exp_of_minus_infinity_and_subnormal_results_on_every_isa() {
    for &isa in Isa::available() {
        isa.run(ExpEdges::<f32> {
            isa,
            _e: core::marker::PhantomData,
        });
        isa.run(ExpEdges::<f64> {
            isa,
            _e: core::marker::PhantomData,
        });
    }
}

/// `tile_in` lays lanes of a block out as rows and `tile_out` lays them back, on every instruction
/// set, for tiles of every width up to and past a vector's, lanes of any length, blocks wider than
/// the tile (other columns untouched) and an offset first lane: entry by entry as a loop would.
#[test]
fn tiles_lay_lanes_out_as_rows_and_back_on_every_isa() {
    use super::cross_entropy::{tile_in, tile_out};
    for &isa in Isa::available() {
        for len in [1, 2, 7, 16, 17, 33] {
            for lanes in [1, 3, 8, 15, 16, 17, 31, 32, 33, 64, 70] {
                let (first, stride) = (5, lanes + 9);
                let x: Vec<f32> = (0..len * stride).map(|k| k as f32).collect();
                let mut rows = vec![f32::NAN; lanes * len];
                tile_in(isa, &x, stride, first, len, &mut rows);
                for l in 0..lanes {
                    for i in 0..len {
                        assert_eq!(
                            rows[l * len + i],
                            x[i * stride + first + l],
                            "{} in: lane {l} entry {i}, {lanes} lanes of {len}",
                            isa.name()
                        );
                    }
                }
                let back: Vec<f64> = rows.iter().map(|&v| f64::from(v) + 0.5).collect();
                let mut block = vec![-1.0_f64; len * stride];
                let mut out: Vec<&mut [f64]> = block.chunks_mut(stride).collect();
                tile_out(isa, &back, len, &mut out, first);
                for (k, &v) in block.iter().enumerate() {
                    let (i, j) = (k / stride, k % stride);
                    let want = if (first..first + lanes).contains(&j) {
                        f64::from(x[k]) + 0.5
                    } else {
                        -1.0
                    };
                    assert_eq!(v, want, "{} out: row {i} column {j}", isa.name());
                }
            }
        }
    }
}

/// The lane scans of the per-token statistics, against their scalar definitions.
struct Scans<'a, E> {
    x: &'a [E],
    limit: E,
}

/// What [`Scans`] found: the maximum (with and without the count), the count (with and without
/// a limit) and the argmax;
/// `Σ exp(x − m)` and `Σ exp(x − m)(x − m)` written and not, `Σ exp` alone, the engine's
/// `Σ exp`, `Σ exp(x − m)(x − m)` from the exponentials written, read alone and rewritten (as
/// `2e`); the exponentials written, the engine's and the rewritten ones; and how many lanes
/// `first_lanes` kept for each `n`.
type Found<E> = ([E; 2], [usize; 3], [E; 8], [Vec<E>; 3], Vec<usize>);

impl<E: Elem> Kernel for Scans<'_, E> {
    type S = E;
    type Output = Found<E>;
    #[inline(always)]
    fn run<V: Simd<E = Compute<Self>>>(self) -> Self::Output {
        let x = self.x;
        let p = super::token::peak::<V, E>(x, Some(self.limit));
        let plain = super::token::peak::<V, E>(x, None);
        let first = if p.max.is_finite() {
            super::token::first_of::<V, E>(x, p.max)
        } else {
            usize::MAX
        };
        let m = if p.max.is_finite() { p.max } else { E::zero() };
        let mut out = vec![E::zero(); x.len()];
        let (inv_t, ahead) = (E::one(), super::loops::Ahead::NONE);
        let (s, t) = super::token::sums::<V, E, true>(x, &mut out, (m, inv_t), true, ahead);
        let (s2, t2) = super::token::sums::<V, E, false>(x, &mut [], (m, inv_t), true, ahead);
        let (s3, _) = super::token::sums::<V, E, false>(x, &mut [], (m, inv_t), false, ahead);
        let mut engine = vec![E::zero(); x.len()];
        let shift = super::stats::Shift::new(V::splat(m), inv_t);
        let s4 = super::loops::map_sum_ahead(
            &mut super::loops::Separate(x, &mut engine),
            #[inline(always)]
            |v: V| shift.z(v).exp(),
            ahead,
        );
        let mut read = out.clone();
        let t5 = super::token::ez_of::<V, E, false>(
            x,
            &mut read,
            (m, inv_t),
            #[inline(always)]
            |e: V| e,
        );
        let mut doubled = out.clone();
        let t6 = super::token::ez_of::<V, E, true>(
            x,
            &mut doubled,
            (m, inv_t),
            #[inline(always)]
            |e: V| e.add(e),
        );
        assert!(read == out, "a pass that only reads wrote");
        let ones = V::splat(E::one());
        let kept = (0..=V::LANES)
            .map(|n| {
                let mut buf = vec![E::zero(); V::LANES];
                ones.first_lanes(n).store(&mut buf);
                let k = buf.iter().take_while(|&&v| v == E::one()).count();
                if buf[k..].iter().all(|&v| v == E::zero()) {
                    k
                } else {
                    usize::MAX
                }
            })
            .collect();
        (
            [p.max, plain.max],
            [p.above, plain.above, first],
            [s, t, s2, t2, s3, s4, t5, t6],
            [out, engine, doubled],
            kept,
        )
    }
}

trait Bits {
    fn to_bits_u64(self) -> u64;
}

impl Bits for f32 {
    fn to_bits_u64(self) -> u64 {
        u64::from(self.to_bits())
    }
}

impl Bits for f64 {
    fn to_bits_u64(self) -> u64 {
        self.to_bits()
    }
}

fn check_scans<E: Elem + Bits + Into<f64>>(of: impl Fn(f64) -> E) {
    for len in lengths() {
        let base = values(len, len as u64, -4.0, 4.0);
        // The maximum at the start, the end, in the middle and tied; masked entries; a lone
        // finite entry among −inf.
        let mut cases: Vec<Vec<f64>> = vec![base.clone()];
        for at in [0, len / 2, len - 1] {
            let mut x = base.clone();
            x[at] = 9.0;
            x[(at + len / 3) % len] = 9.0;
            cases.push(x);
        }
        let mut masked = base.clone();
        masked
            .iter_mut()
            .step_by(3)
            .for_each(|v| *v = f64::NEG_INFINITY);
        cases.push(masked);
        let mut lone = vec![f64::NEG_INFINITY; len];
        lone[len - 1] = -3.0;
        cases.push(lone);
        for x in cases {
            let x: Vec<E> = x.iter().map(|&v| of(v)).collect();
            let limit = x[len / 2];
            let max = x
                .iter()
                .fold(of(f64::NEG_INFINITY), |a, &b| if b > a { b } else { a });
            let e = |v: E| -> f64 { v.into() };
            let first = if e(max).is_finite() {
                x.iter().position(|&v| v == max).unwrap_or(0)
            } else {
                usize::MAX
            };
            let above = x.iter().filter(|&&v| v > limit).count();
            let max64 = e(max);
            // The kernel's sums are relative to 0 where no entry is finite.
            let m = if max64.is_finite() { max64 } else { 0.0 };
            let want_s: f64 = x.iter().map(|&v| (e(v) - m).exp()).sum();
            let want_t: f64 = x
                .iter()
                .filter(|&&v| e(v) > f64::NEG_INFINITY)
                .map(|&v| (e(v) - m).exp() * (e(v) - m))
                .sum();
            for &isa in Isa::available() {
                let (maxes, counts, sums, [out, engine, doubled], kept) =
                    isa.run(Scans { x: &x, limit });
                let name = isa.name();
                let bits = |v: &[E]| v.iter().map(|&v| v.to_bits_u64()).collect::<Vec<_>>();
                assert_eq!(e(maxes[0]), max64, "{name} max at length {len}");
                assert_eq!(
                    bits(&maxes[..1]),
                    bits(&maxes[1..]),
                    "{name} at length {len}"
                );
                assert_eq!(
                    counts,
                    [above, 0, first],
                    "{name} count, argmax at length {len}"
                );
                let [s, t, s2, t2, s3, s4, t5, t6] = sums;
                // Written or not, with `Σ exp z` or not, `Σ exp z` from the exponentials: the
                // engine's bits.
                assert_eq!(
                    bits(&[s, t, s, s, t, t]),
                    bits(&[s2, t2, s3, s4, t5, t6]),
                    "{name} at {len}"
                );
                assert_eq!(bits(&out), bits(&engine), "{name} exponentials at {len}");
                let twice: Vec<E> = out.iter().map(|&v| v + v).collect();
                assert_eq!(bits(&doubled), bits(&twice), "{name} rewritten at {len}");
                assert!(
                    (e(s) - want_s).abs() <= 1e-5 * want_s,
                    "{name} Σ exp at {len}"
                );
                let tol = 1e-5 * (want_t.abs() + want_s);
                assert!((e(t) - want_t).abs() <= tol, "{name} Σ exp·z at {len}");
                assert!(
                    kept.iter().enumerate().all(|(n, &k)| k == n),
                    "{name}: {kept:?}"
                );
            }
        }
    }
}

#[test]
fn token_scans_agree_with_their_definitions_on_every_isa() {
    check_scans(|v| v as f32);
    check_scans(|v| v);
}

/// The soft cap against `tanh` in `f64` (`f32`) or in two halves (`f64`): values and
/// derivatives, across the switch at 0.625, near 0, where the derivative is tiny, and at the
/// edges (non-finite logits pass with derivative 0).
fn check_cap<E: Elem + Into<f64>>(of: impl Fn(f64) -> E, ulps: impl Fn(E, E) -> u64, bound: u64) {
    let c = 3.0;
    let mut u: Vec<f64> = values(2000, 7, -12.0, 12.0);
    u.extend([
        0.0, -0.0, 1e-30, -1e-8, 0.625, 0.6249, 0.6251, -0.625, 20.0, 44.0, 400.0,
    ]);
    let mut x: Vec<E> = u.iter().map(|&v| of(v * c)).collect();
    x.extend([of(f64::INFINITY), of(f64::NEG_INFINITY), of(f64::NAN)]);
    let f = |v: f64| tanh_and_derivative(v);
    for &isa in Isa::available() {
        let mut capped = x.clone();
        let mut deriv = vec![of(0.0); x.len()];
        super::cap::soft_cap(isa, &mut capped, Some(&mut deriv), of(c));
        let mut g = vec![of(2.0); x.len()];
        super::cap::soft_cap_gradient(isa, &x, &mut g, of(c));
        for (i, &v) in x.iter().enumerate() {
            let v64: f64 = v.into();
            let name = isa.name();
            if !v64.is_finite() {
                assert!(capped[i].into().to_bits() == v64.to_bits() || v64.is_nan());
                assert_eq!(deriv[i].into(), 0.0, "{name}: derivative at {v64}");
                continue;
            }
            let (t, d) = f(v64 / c);
            let (want, want_d) = (of(c * t), of(d));
            assert!(
                ulps(capped[i], want) <= bound,
                "{name}: cap at {v64}: {:?}",
                capped[i].into()
            );
            // `1 − tanh² u` moves by `2 |u|` times the relative error of `u = x / c`: half an
            // ulp from the division, so about `|u|` ulps come with the argument.
            let allowed = 2 * bound + (2.0 * (v64 / c).abs()).ceil() as u64;
            let err = ulps(deriv[i], want_d);
            assert!(err <= allowed, "{name}: derivative at {v64}: {err} ulps");
            assert_eq!(
                g[i].into(),
                2.0 * deriv[i].into(),
                "{name}: gradient at {v64}"
            );
        }
    }
}

/// `(tanh u, 1 − tanh² u)` from `f64`'s `tanh`, the second as `4 e / (1 + e)²`, `e = exp(−2|u|)`
/// (no cancellation).
fn tanh_and_derivative(u: f64) -> (f64, f64) {
    let e = (-2.0 * u.abs()).exp();
    (u.tanh(), 4.0 * e / ((1.0 + e) * (1.0 + e)))
}

#[test]
fn soft_cap_matches_tanh_on_every_isa() {
    check_cap(|v| v as f32, |a, b| u64::from(ulps_f32(a, b)), 2);
    check_cap(|v| v, ulps_f64, 4);
}
