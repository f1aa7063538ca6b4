//! The per-token outputs (`loss_with`, `loss_and_grad_with`), the z-loss, the entropy bonus, the
//! soft cap and the per-sample backward pass, in both cross-entropies: outputs against an `f64`
//! oracle on every layout the engine takes (rows, rows copied from a strided view, column blocks,
//! tiles, long rows); losses against their definition; every gradient against central finite
//! differences in `f64`; `LinearCrossEntropy` against the unfused path in both tilings; edge rows;
//! errors; and properties (entropy in `[0, ln C]`, z-loss ≥ 0, a coefficient of 0 gives the old
//! bits).
#![allow(clippy::cast_precision_loss, clippy::float_cmp, clippy::too_many_lines)]

use crate::harness::{SplitMix, TestFloat, close, proptest_config};
use logits::{CrossEntropy, Error, Input, LinearCrossEntropy, Reduction, TokenOutputs, TokenStats};
use ndarray::{Array1, Array2, ArrayD, ArrayRef, Axis, Dimension, IxDyn, array};
use proptest::prelude::*;

/// The statistics of one lane in `f64`, by their definitions.
#[derive(Clone, Copy, Debug)]
struct Oracle {
    lse: f64,
    entropy: f64,
    log_prob: f64,
    argmax: usize,
    rank: usize,
}

fn oracle(x: &[f64], inv_t: f64, y: Option<usize>) -> Oracle {
    let m = x.iter().fold(f64::NEG_INFINITY, |a, &b| a.max(b));
    let rank = y.map_or(usize::MAX, |y| x.iter().filter(|&&v| v > x[y]).count());
    let argmax = x.iter().position(|&v| v == m).unwrap_or(0);
    if m == f64::NEG_INFINITY {
        return Oracle {
            lse: m,
            entropy: 0.0,
            log_prob: y.map_or(0.0, |_| m),
            argmax,
            rank,
        };
    }
    let z: Vec<f64> = x.iter().map(|&v| (v - m) * inv_t).collect();
    let s: f64 = z.iter().map(|v| v.exp()).sum();
    let ln_s = s.ln();
    let entropy = -z
        .iter()
        .map(|&v| {
            let p = (v - ln_s).exp();
            if p > 0.0 { p * (v - ln_s) } else { 0.0 }
        })
        .sum::<f64>();
    Oracle {
        lse: m * inv_t + ln_s,
        entropy,
        log_prob: y.map_or(0.0, |y| z[y] - ln_s),
        argmax,
        rank,
    }
}

fn capped(v: f64, c: Option<f64>) -> f64 {
    match c {
        Some(c) if v.is_finite() => c * (v / c).tanh(),
        _ => v,
    }
}

/// The lanes of `x` along `axis`, in the samples' C order, widened.
fn lanes<A: TestFloat>(x: &ArrayRef<A, IxDyn>, axis: usize) -> Vec<Vec<f64>> {
    x.lanes(Axis(axis))
        .into_iter()
        .map(|l| l.iter().map(|v| v.wide()).collect())
        .collect()
}

fn random<A: TestFloat>(rng: &mut SplitMix, shape: &[usize], masked: bool) -> ArrayD<A> {
    ArrayD::from_shape_simple_fn(IxDyn(shape), || {
        if masked && rng.below(9) == 0 {
            A::neg_infinity()
        } else {
            A::of(rng.uniform(-4.0, 4.0))
        }
    })
}

/// `got` within `rel` of `want` (relative to max(1, |want|)), equal where not finite.
fn near(what: &str, got: f64, want: f64, rel: f64) {
    if want.is_finite() {
        assert!(
            close(got, want, 0.0, rel * want.abs().max(1.0)),
            "{what}: {got} vs {want}"
        );
    } else {
        assert!(
            got == want || (got.is_nan() && want.is_nan()),
            "{what}: {got} vs {want}"
        );
    }
}

fn check_stats<A: TestFloat, D: Dimension>(
    t: &TokenStats<A, D>,
    x: &ArrayRef<A, IxDyn>,
    axis: usize,
    inv_t: f64,
    targets: &[usize],
    ignored: Option<usize>,
    ctx: &str,
) {
    let rel = A::either(64.0 * A::EPS * 32.0, 1e-12);
    let (lp, lse, h, am, rk) = (
        t.target_log_prob.as_ref().unwrap(),
        t.logsumexp.as_ref().unwrap(),
        t.entropy.as_ref().unwrap(),
        t.argmax.as_ref().unwrap(),
        t.rank.as_ref().unwrap(),
    );
    for (n, lane) in lanes(x, axis).iter().enumerate() {
        let y = Some(targets[n]).filter(|&y| Some(y) != ignored);
        let o = oracle(lane, inv_t, y);
        let at = |v: &ndarray::ArrayRef<A, D>| v.iter().nth(n).unwrap().wide();
        let c = format!("{ctx}, sample {n}");
        near(&format!("logsumexp, {c}"), at(lse), o.lse, rel);
        near(&format!("entropy, {c}"), at(h), o.entropy, rel);
        near(&format!("log p, {c}"), at(lp), o.log_prob, rel);
        assert_eq!(*am.iter().nth(n).unwrap(), o.argmax, "argmax, {c}");
        assert_eq!(*rk.iter().nth(n).unwrap(), o.rank, "rank, {c}");
    }
}

/// Every output, on every layout: class axis last (rows), a strided view (rows copied), class
/// axis inside a C-order array (column blocks), the same with more classes than the column
/// kernels take (tiles), and rows longer than the kernel's blocks; with masked logits, ignored
/// targets and a temperature.
fn outputs_on_every_layout<A: TestFloat>() {
    let mut rng = SplitMix(11);
    let cases: [(&[usize], usize); 6] = [
        (&[6, 7], 1),
        (&[7, 6], 0),
        (&[2, 7, 3], 1),
        (&[3, 70, 2], 1),
        (&[3, 5000], 1),
        (&[4, 3, 9], 2),
    ];
    for (shape, axis) in cases {
        for (t, strided) in [(1.0, false), (0.7, false), (2.5, true)] {
            let x = random::<A>(&mut rng, shape, true);
            let x = if strided {
                x.reversed_axes()
                    .as_standard_layout()
                    .reversed_axes()
                    .to_owned()
            } else {
                x
            };
            let classes = shape[axis];
            let samples: usize = shape.iter().product::<usize>() / classes;
            let targets: Vec<usize> = (0..samples).map(|_| rng.below(classes)).collect();
            let mut tshape = shape.to_vec();
            tshape.remove(axis);
            let tarr = ArrayD::from_shape_vec(IxDyn(&tshape), targets.clone()).unwrap();
            let ce = CrossEntropy::new()
                .class_axis(Axis(axis))
                .temperature(A::of(t))
                .ignore_index(1);
            let ctx = format!(
                "{} shape {shape:?} axis {axis} T {t} strided {strided}",
                A::NAME
            );
            let (loss, stats) = ce.loss_with(&x, &tarr, TokenOutputs::ALL).unwrap();
            assert_eq!(
                loss.to_bits_wide(),
                ce.loss(&x, &tarr).unwrap().to_bits_wide(),
                "{ctx}"
            );
            check_stats(
                &stats,
                &x,
                axis,
                1.0 / A::of(t).wide(),
                &targets,
                Some(1),
                &ctx,
            );
            let (l2, g2, s2) = ce.loss_and_grad_with(&x, &tarr, TokenOutputs::ALL).unwrap();
            let (l3, g3) = ce.loss_and_grad(&x, &tarr).unwrap();
            assert_eq!(l2.to_bits_wide(), l3.to_bits_wide(), "{ctx}");
            assert!(
                g2.iter().zip(&g3).all(|(a, b)| a.bits() == b.bits()),
                "{ctx}"
            );
            // From the gradient's passes where the engine can: the same values, to rounding.
            check_stats(
                &s2,
                &x,
                axis,
                1.0 / A::of(t).wide(),
                &targets,
                Some(1),
                &ctx,
            );
            assert_eq!(
                (&s2.argmax, &s2.rank),
                (&stats.argmax, &stats.rank),
                "{ctx}"
            );
            // And the same bits as `loss_with`'s, whichever pass summed them.
            let bits = |a: &Option<ArrayD<A>>| {
                a.as_ref()
                    .map(|a| a.iter().map(|v| v.bits()).collect::<Vec<_>>())
            };
            for (got, want) in [
                (&s2.entropy, &stats.entropy),
                (&s2.logsumexp, &stats.logsumexp),
                (&s2.target_log_prob, &stats.target_log_prob),
            ] {
                assert_eq!(bits(got), bits(want), "{ctx}");
            }
            // Each output alone is the one asked with all the others.
            let one_of = [
                TokenOutputs {
                    target_log_prob: true,
                    ..TokenOutputs::default()
                },
                TokenOutputs {
                    logsumexp: true,
                    ..TokenOutputs::default()
                },
                TokenOutputs {
                    entropy: true,
                    ..TokenOutputs::default()
                },
                TokenOutputs {
                    argmax: true,
                    ..TokenOutputs::default()
                },
                TokenOutputs {
                    rank: true,
                    ..TokenOutputs::default()
                },
            ];
            for want in one_of {
                let (_, g1, s1) = ce.loss_and_grad_with(&x, &tarr, want).unwrap();
                assert!(
                    g1.iter().zip(&g3).all(|(a, b)| a.bits() == b.bits()),
                    "{ctx}"
                );
                let (_, s0) = ce.loss_with(&x, &tarr, want).unwrap();
                for (got, all) in [(&s1, &s2), (&s0, &stats)] {
                    let same = |a: &Option<ArrayD<A>>, b: &Option<ArrayD<A>>| match (a, b) {
                        (Some(a), Some(b)) => a.iter().zip(b).all(|(p, q)| p.bits() == q.bits()),
                        (None, _) => true,
                        _ => false,
                    };
                    assert!(
                        same(&got.target_log_prob, &all.target_log_prob),
                        "{want:?} {ctx}"
                    );
                    assert!(same(&got.logsumexp, &all.logsumexp), "{want:?} {ctx}");
                    assert!(same(&got.entropy, &all.entropy), "{want:?} {ctx}");
                    assert!(
                        got.argmax.is_none() || got.argmax == all.argmax,
                        "{want:?} {ctx}"
                    );
                    assert!(got.rank.is_none() || got.rank == all.rank, "{want:?} {ctx}");
                    let asked = [
                        got.target_log_prob.is_some(),
                        got.logsumexp.is_some(),
                        got.entropy.is_some(),
                        got.argmax.is_some(),
                        got.rank.is_some(),
                    ];
                    assert_eq!(asked.iter().filter(|&&a| a).count(), 1, "{want:?} {ctx}");
                }
            }
            // Nothing asked: nothing computed.
            let (_, none) = ce.loss_with(&x, &tarr, TokenOutputs::default()).unwrap();
            assert!(none.entropy.is_none() && none.rank.is_none(), "{ctx}");
        }
    }
}

trait Bits {
    fn to_bits_wide(self) -> u64;
}
impl<A: TestFloat> Bits for A {
    fn to_bits_wide(self) -> u64 {
        self.bits()
    }
}

#[test]
fn outputs_match_the_definitions_on_every_layout() {
    outputs_on_every_layout::<f32>();
    outputs_on_every_layout::<f64>();
}

/// One configuration of the options.
#[derive(Clone, Copy, Debug)]
struct Opts {
    z: f64,
    beta: f64,
    cap: Option<f64>,
    t: f64,
    smoothing: f64,
    ignore: bool,
    weight: bool,
    sum: bool,
}

fn all_opts() -> Vec<Opts> {
    let mut v = Vec::new();
    for (z, beta, cap) in [
        (1e-2, 0.0, None),
        (0.0, 0.3, None),
        (0.0, 0.0, Some(2.0)),
        (0.5, 0.7, Some(3.0)),
    ] {
        for (t, smoothing, ignore, weight, sum) in [
            (1.0, 0.0, false, false, false),
            (0.6, 0.1, true, true, false),
            (1.7, 0.0, true, false, true),
            (1.0, 0.2, false, true, true),
        ] {
            v.push(Opts {
                z,
                beta,
                cap,
                t,
                smoothing,
                ignore,
                weight,
                sum,
            });
        }
    }
    v
}

fn ce_of(o: &Opts, axis: usize, weight: Option<&Array1<f64>>) -> CrossEntropy<f64> {
    let mut ce = CrossEntropy::new()
        .class_axis(Axis(axis))
        .temperature(o.t)
        .label_smoothing(o.smoothing)
        .z_loss(o.z)
        .entropy_bonus(o.beta)
        .reduction(if o.sum {
            Reduction::Sum
        } else {
            Reduction::Mean
        });
    if let Some(c) = o.cap {
        ce = ce.soft_cap(c);
    }
    if o.ignore {
        ce = ce.ignore_index(0);
    }
    if let Some(w) = weight {
        ce = ce.weight(w.clone());
    }
    ce
}

/// `f(x)`'s gradient by central differences.
fn fd(x: &ArrayD<f64>, f: impl Fn(&ArrayD<f64>) -> f64) -> ArrayD<f64> {
    let h = 1e-6;
    let mut g = ArrayD::zeros(x.raw_dim());
    for (i, gi) in g.iter_mut().enumerate() {
        let mut a = x.clone();
        let mut b = x.clone();
        *a.iter_mut().nth(i).unwrap() += h;
        *b.iter_mut().nth(i).unwrap() -= h;
        *gi = (f(&a) - f(&b)) / (2.0 * h);
    }
    g
}

fn assert_fd(what: &str, got: &ArrayD<f64>, want: &ArrayD<f64>, ctx: &str) {
    let scale = want.iter().fold(1.0_f64, |m, v| m.max(v.abs()));
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert!(
            (g - w).abs() <= 2e-7 * scale,
            "{what} [{i}]: {g} vs finite differences {w}; {ctx}"
        );
    }
}

/// The loss with the z-loss, the bonus and the cap is the plain loss of the capped logits plus
/// `ω (ζ lse² − β H)` per counted sample, reduced alike; its gradients (reduced, per sample,
/// per-sample backward) match finite differences; on rows, column blocks and tiles
/// (probability targets).
#[test]
fn losses_and_gradients_with_every_option() {
    let mut rng = SplitMix(23);
    // Short rows, column blocks, and rows long enough for the engine's own statistics.
    let shapes: [(&[usize], usize); 5] = [
        (&[4, 5], 1),
        (&[5, 4], 0),
        (&[2, 5, 3], 1),
        (&[3, 2, 5], 2),
        (&[3, 50], 1),
    ];
    for o in all_opts() {
        for (shape, axis) in shapes {
            let classes = shape[axis];
            let x = random::<f64>(&mut rng, shape, false);
            let weight = o
                .weight
                .then(|| Array1::from_shape_simple_fn(classes, || rng.uniform(0.2, 2.0)));
            let mut tshape = shape.to_vec();
            tshape.remove(axis);
            let samples: usize = tshape.iter().product();
            let targets: Vec<usize> = (0..samples).map(|_| rng.below(classes)).collect();
            let tarr = ArrayD::from_shape_vec(IxDyn(&tshape), targets.clone()).unwrap();
            let ce = ce_of(&o, axis, weight.as_ref());
            let ctx = format!("{o:?} shape {shape:?} axis {axis}");

            // The definition.
            let xc = x.mapv(|v| capped(v, o.cap));
            let plain = ce_of(
                &Opts {
                    z: 0.0,
                    beta: 0.0,
                    cap: None,
                    ..o
                },
                axis,
                weight.as_ref(),
            );
            let base = plain.per_sample(&xc, &tarr).unwrap();
            let mut want = Vec::new();
            let mut denom = 0.0;
            for (n, lane) in lanes(&xc, axis).iter().enumerate() {
                let y = targets[n];
                if o.ignore && y == 0 {
                    want.push(0.0);
                    continue;
                }
                let w = weight.as_ref().map_or(1.0, |w| w[y]);
                denom += w;
                let s = oracle(lane, 1.0 / o.t, Some(y));
                want.push(
                    base.iter().nth(n).unwrap() + w * (o.z * s.lse * s.lse - o.beta * s.entropy),
                );
            }
            let per = ce.per_sample(&x, &tarr).unwrap();
            for (n, (g, w)) in per.iter().zip(&want).enumerate() {
                near(&format!("per-sample loss {n}, {ctx}"), *g, *w, 1e-12);
            }
            let total: f64 = want.iter().sum();
            let reduced = if o.sum {
                total
            } else if denom > 0.0 {
                total / denom
            } else {
                0.0
            };
            let loss = ce.loss(&x, &tarr).unwrap();
            near(&format!("loss, {ctx}"), loss, reduced, 1e-12);

            // Gradients.
            let (l, g) = ce.loss_and_grad(&x, &tarr).unwrap();
            assert_eq!(l, loss, "{ctx}");
            assert_fd(
                "loss_and_grad",
                &g,
                &fd(&x, |x| ce.loss(x, &tarr).unwrap()),
                &ctx,
            );
            let mut into = ArrayD::from_elem(x.raw_dim(), 9.0);
            assert_eq!(
                ce.loss_and_grad_into(&x, &tarr, &mut into).unwrap(),
                l,
                "{ctx}"
            );
            assert_eq!(into, g, "{ctx}");
            let (ps, pg) = ce.per_sample_and_grad(&x, &tarr).unwrap();
            assert_eq!(ps, per, "{ctx}");
            assert_fd(
                "per_sample_and_grad",
                &pg,
                &fd(&x, |x| ce.per_sample(x, &tarr).unwrap().sum()),
                &ctx,
            );
            let up = ArrayD::from_shape_simple_fn(IxDyn(&tshape), || rng.uniform(-2.0, 2.0));
            let back = ce.per_sample_backward(&x, &tarr, &up).unwrap();
            let weighted = |x: &ArrayD<f64>| (ce.per_sample(x, &tarr).unwrap() * &up).sum();
            assert_fd("per_sample_backward", &back, &fd(&x, weighted), &ctx);

            // Probability targets (tiles where the class axis is not last).
            let q = ArrayD::from_shape_simple_fn(x.raw_dim(), || rng.uniform(0.0, 1.0));
            let q = &q / &q.sum_axis(Axis(axis)).insert_axis(Axis(axis));
            let ce = ce_of(&Opts { ignore: false, ..o }, axis, weight.as_ref());
            let (_, gq) = ce.loss_and_grad(&x, &q).unwrap();
            assert_fd(
                "probability targets",
                &gq,
                &fd(&x, |x| ce.loss(x, &q).unwrap()),
                &ctx,
            );
            let plain = ce_of(
                &Opts {
                    z: 0.0,
                    beta: 0.0,
                    cap: None,
                    ignore: false,
                    ..o
                },
                axis,
                weight.as_ref(),
            );
            let mut want = plain.per_sample(&xc, &q).unwrap();
            for (n, lane) in lanes(&xc, axis).iter().enumerate() {
                let s = oracle(lane, 1.0 / o.t, None);
                *want.iter_mut().nth(n).unwrap() += o.z * s.lse * s.lse - o.beta * s.entropy;
            }
            let got = ce.per_sample(&x, &q).unwrap();
            for (g, w) in got.iter().zip(&want) {
                near(
                    &format!("probability targets' losses, {ctx}"),
                    *g,
                    *w,
                    1e-12,
                );
            }
        }
    }
}

/// A coefficient of 0 is no option at all: the same bits, gradient included.
#[test]
fn zero_coefficients_give_the_old_bits() {
    let mut rng = SplitMix(5);
    for shape in [[8usize, 33], [33, 8]] {
        let x = random::<f32>(&mut rng, &shape, true);
        let t: Vec<usize> = (0..8).map(|_| rng.below(8)).collect();
        let axis = usize::from(shape[0] == 8);
        let t = Array1::from(t);
        let plain = CrossEntropy::new()
            .class_axis(Axis(axis))
            .label_smoothing(0.1);
        let zero = plain.clone().z_loss(0.0).entropy_bonus(0.0);
        let (a, ga) = plain.loss_and_grad(&x, &t).unwrap();
        let (b, gb) = zero.loss_and_grad(&x, &t).unwrap();
        assert_eq!(a.to_bits(), b.to_bits());
        assert!(ga.iter().zip(&gb).all(|(a, b)| a.to_bits() == b.to_bits()));
    }
}

/// Edge rows: fully masked, two +inf logits, a NaN, an ignored target.
#[test]
fn edge_rows_have_defined_outputs() {
    let (ninf, inf) = (f64::NEG_INFINITY, f64::INFINITY);
    let x = array![
        [ninf, ninf, ninf],
        [0.0, inf, inf],
        [1.0, f64::NAN, 0.0],
        [1.0, 2.0, 3.0],
        [5.0, 0.0, 5.0],
    ];
    let ce = CrossEntropy::new()
        .ignore_index(9)
        .z_loss(0.1)
        .entropy_bonus(0.2);
    let targets = [1, 2, 0, 9, 2];
    let (_, g, t) = ce
        .loss_and_grad_with(&x, &targets, TokenOutputs::ALL)
        .unwrap();
    let (lse, h, lp) = (
        t.logsumexp.unwrap(),
        t.entropy.unwrap(),
        t.target_log_prob.unwrap(),
    );
    let (am, rk) = (t.argmax.unwrap(), t.rank.unwrap());
    // Fully masked.
    assert_eq!((lse[0], h[0], lp[0], am[0], rk[0]), (ninf, 0.0, ninf, 0, 0));
    assert_eq!(g.row(0), array![0.0, 0.0, 0.0]);
    // Two +inf: the mass shared between them.
    assert_eq!((lse[1], am[1], rk[1]), (inf, 1, 0));
    approx::assert_relative_eq!(h[1], 2f64.ln());
    approx::assert_relative_eq!(lp[1], -(2f64.ln()));
    // The z-loss pulls the +inf logits with an infinite force, and nothing is NaN.
    assert_eq!(g.row(1), array![0.0, inf, inf]);
    // NaN.
    assert!(lse[2].is_nan() && h[2].is_nan() && lp[2].is_nan());
    assert_eq!(am[2], 1);
    // Ignored: statistics of the row, no target.
    approx::assert_relative_eq!(
        h[3],
        oracle(&[1.0, 2.0, 3.0], 1.0, None).entropy,
        max_relative = 1e-14
    );
    assert_eq!((lp[3], rk[3], am[3]), (0.0, usize::MAX, 2));
    assert_eq!(g.row(3), array![0.0, 0.0, 0.0]);
    // Ties: the first maximum is the argmax, and a tie with the target counts nothing.
    assert_eq!((am[4], rk[4]), (0, 0));
    let masked_cap = CrossEntropy::new().soft_cap(1.0);
    let (_, gm) = masked_cap
        .loss_and_grad(&array![[ninf, 0.0, 50.0]], &[1])
        .unwrap();
    assert_eq!(gm[[0, 0]], 0.0);
    assert!(gm.iter().all(|v| v.is_finite()));
}

/// The same edge rows, long enough for the engine's own statistics (and in `f32`).
#[test]
fn long_edge_rows_have_defined_outputs() {
    let (ninf, inf) = (f32::NEG_INFINITY, f32::INFINITY);
    let c = 60;
    let mut x = Array2::from_shape_fn((5, c), |(i, j)| ((i * 31 + j * 17) % 23) as f32 * 0.25);
    x.row_mut(0).fill(ninf);
    x[[1, 7]] = inf;
    x[[1, 40]] = inf;
    x[[2, 3]] = f32::NAN;
    let targets = [1, 40, 0, 9, 2];
    for ce in [
        CrossEntropy::new().ignore_index(9),
        CrossEntropy::new()
            .ignore_index(9)
            .z_loss(0.1)
            .entropy_bonus(0.2),
    ] {
        let (_, g, t) = ce
            .loss_and_grad_with(&x, &targets, TokenOutputs::ALL)
            .unwrap();
        let (lse, h, lp) = (
            t.logsumexp.unwrap(),
            t.entropy.unwrap(),
            t.target_log_prob.unwrap(),
        );
        let (am, rk) = (t.argmax.unwrap(), t.rank.unwrap());
        assert_eq!((lse[0], h[0], lp[0], am[0], rk[0]), (ninf, 0.0, ninf, 0, 0));
        assert!(g.row(0).iter().all(|&v| v == 0.0));
        assert_eq!((lse[1], am[1], rk[1]), (inf, 7, 0));
        approx::assert_relative_eq!(h[1], 2f32.ln());
        approx::assert_relative_eq!(lp[1], -(2f32.ln()));
        assert!(g.row(1).iter().all(|v| !v.is_nan()));
        assert!(lse[2].is_nan() && h[2].is_nan() && lp[2].is_nan());
        assert_eq!(am[2], 3);
        assert_eq!((lp[3], rk[3]), (0.0, usize::MAX));
        assert!(g.row(3).iter().all(|&v| v == 0.0));
        let row: Vec<f64> = x.row(4).iter().map(|&v| f64::from(v)).collect();
        let o = oracle(&row, 1.0, Some(2));
        near("entropy", f64::from(h[4]), o.entropy, 1e-5);
        near("log p", f64::from(lp[4]), o.log_prob, 1e-5);
        assert_eq!((am[4], rk[4]), (o.argmax, o.rank));
    }
}

/// No rows, no classes: empty outputs, and rows without classes have no mass.
#[test]
fn empty_batches_and_vocabularies() {
    let lce = LinearCrossEntropy::<f64>::new()
        .z_loss(0.1)
        .entropy_bonus(0.1);
    let (h, w) = (Array2::<f64>::zeros((0, 3)), Array2::<f64>::ones((5, 3)));
    let (grads, t) = lce
        .loss_and_grad_with(&h, &w, &[], TokenOutputs::ALL)
        .unwrap();
    assert_eq!((grads.loss, t.entropy.unwrap().len()), (0.0, 0));
    let none: [usize; 0] = [];
    let (l, t) = lce.loss_with(&h, &w, &none[..], TokenOutputs::ALL).unwrap();
    assert_eq!((l, t.rank.unwrap().len()), (0.0, 0));
    let (h, w) = (Array2::<f64>::ones((2, 3)), Array2::<f64>::zeros((0, 3)));
    let lce = lce.ignore_index(7);
    let (grads, t) = lce
        .loss_and_grad_with(&h, &w, &[7, 7], TokenOutputs::ALL)
        .unwrap();
    assert_eq!(grads.dh, Array2::<f64>::zeros((2, 3)));
    assert_eq!(
        t.logsumexp.unwrap(),
        array![f64::NEG_INFINITY, f64::NEG_INFINITY]
    );
    assert_eq!(t.rank.unwrap(), array![usize::MAX, usize::MAX]);
    let x = Array2::<f32>::zeros((2, 0));
    let ce = CrossEntropy::new().ignore_index(7);
    let (_, g, t) = ce
        .loss_and_grad_with(&x, &[7, 7], TokenOutputs::ALL)
        .unwrap();
    assert_eq!(g.len(), 0);
    assert_eq!(t.entropy.unwrap(), array![0.0, 0.0]);
    assert_eq!(t.argmax.unwrap(), array![0, 0]);
}

/// Coefficients whose products overflow (huge class weights at a tiny temperature): the entries
/// are summed in `f64`, finite where the exact gradient is.
#[test]
fn overflowing_coefficients_stay_finite_where_the_gradient_is() {
    let t = 1e-10_f32;
    // z = x / T = [0, -69]: the second probability is about 1e-30.
    let x = array![[0.0_f32, -69.0 * t]];
    let ce = CrossEntropy::new()
        .temperature(t)
        .weight(vec![1e30_f32, 1e30])
        .reduction(Reduction::Sum)
        .entropy_bonus(1.0);
    let (_, g) = ce.loss_and_grad(&x, &[0]).unwrap();
    // The bonus's gradient at the second entry, β w p (z − ln s + H) / T, in f64.
    let z = [0.0, f64::from(-69.0 * t) / f64::from(t)];
    let s: f64 = z.iter().map(|v| v.exp()).sum();
    let p: Vec<f64> = z.iter().map(|v| v.exp() / s).collect();
    let h = -p.iter().map(|&v| v * v.ln()).sum::<f64>();
    let bonus = 1e30 * p[1] * (z[1] - s.ln() + h) / f64::from(t);
    let ce_part = 1e30 * p[1] / f64::from(t);
    let want = ce_part + bonus;
    assert!(want.is_finite() && want.abs() < 1e30);
    near("gradient", f64::from(g[[0, 1]]), want, 1e-4);
}

/// Logits near `f32`'s range at a temperature near it: `z = (x − m) / T` is moderate while
/// `x − m` is huge. The entropy's `Σ exp(z) z` is summed in `z` (each term at most 1/e), not in
/// `x − m`, which overflowed `f32` here and made the entropy +inf (found by the robustness
/// harness), on the lane path (8 classes) and the gradient's (64).
#[test]
fn entropy_stays_in_range_at_the_type_s_limits() {
    let pattern = [-2.7_f32, 1e30, -3.4e38, 3.4e38, 1e30, -1e30, 1e30, -1e30];
    let t = f32::MAX;
    for classes in [8, 64] {
        let row: Vec<f32> = (0..classes).map(|j| pattern[j % 8]).collect();
        let x = Array2::from_shape_vec((1, classes), row.clone()).unwrap();
        let ce = CrossEntropy::new().temperature(t);
        let want = oracle(
            &row.iter().map(|&v| f64::from(v)).collect::<Vec<_>>(),
            1.0 / f64::from(t),
            Some(0),
        );
        let (_, a) = ce.loss_with(&x, &[0], TokenOutputs::ALL).unwrap();
        let (_, _, b) = ce.loss_and_grad_with(&x, &[0], TokenOutputs::ALL).unwrap();
        for st in [a, b] {
            let h = f64::from(st.entropy.unwrap()[0]);
            near("entropy", h, want.entropy, 1e-5);
            assert!(h <= (classes as f64).ln(), "{h} at {classes} classes");
        }
    }
}

fn linear_case(
    rng: &mut SplitMix,
    n: usize,
    d: usize,
    v: usize,
) -> (Array2<f64>, Array2<f64>, Array1<f64>) {
    let h = Array2::from_shape_simple_fn((n, d), || rng.uniform(-1.5, 1.5));
    let w = Array2::from_shape_simple_fn((v, d), || rng.uniform(-1.5, 1.5));
    let b = Array1::from_shape_simple_fn(v, || rng.uniform(-1.0, 1.0));
    (h, w, b)
}

fn linear_of(
    o: &Opts,
    bias: Option<&Array1<f64>>,
    weight: Option<&Array1<f64>>,
    chunk: usize,
) -> LinearCrossEntropy<f64> {
    let mut ce = LinearCrossEntropy::new()
        .temperature(o.t)
        .label_smoothing(o.smoothing)
        .z_loss(o.z)
        .entropy_bonus(o.beta)
        .chunk_size(chunk)
        .reduction(if o.sum {
            Reduction::Sum
        } else {
            Reduction::Mean
        });
    if let Some(c) = o.cap {
        ce = ce.soft_cap(c);
    }
    if o.ignore {
        ce = ce.ignore_index(0);
    }
    if let Some(b) = bias {
        ce = ce.bias(b.clone());
    }
    if let Some(w) = weight {
        ce = ce.weight(w.clone());
    }
    ce
}

fn close_all<D: Dimension>(what: &str, got: &ArrayRef<f64, D>, want: &ArrayRef<f64, D>, ctx: &str) {
    let scale = want
        .iter()
        .filter(|v| v.is_finite())
        .fold(1.0_f64, |m, v| m.max(v.abs()));
    for (g, w) in got.iter().zip(want.iter()) {
        assert!(
            (g - w).abs() <= 1e-12 * scale || (g == w),
            "{what}: {g} vs {w}; {ctx}"
        );
    }
}

/// `LinearCrossEntropy` with every option, in panels and in chunks (rank counted as the gradient
/// goes and in a pass of its own), against `CrossEntropy` on the built logits: losses, outputs,
/// gradients and the per-sample backward pass.
#[test]
fn linear_matches_the_unfused_path_with_every_option() {
    let mut rng = SplitMix(31);
    for o in all_opts() {
        for (n, v, chunk) in [
            (5, 9, 4),
            (5, 9, 1000),
            (3, 13, 1),
            (140, 7, 6),
            (4, 60, 1000),
            (4, 60, 7),
        ] {
            let (h, w, b) = linear_case(&mut rng, n, 3, v);
            let weight = o
                .weight
                .then(|| Array1::from_shape_simple_fn(v, || rng.uniform(0.2, 2.0)));
            let targets: Vec<usize> = (0..n).map(|_| rng.below(v)).collect();
            let ctx = format!("{o:?} n {n} v {v} chunk {chunk}");
            for bias in [None, Some(&b)] {
                let fused = linear_of(&o, bias, weight.as_ref(), chunk);
                let mut z = h.dot(&w.t());
                if let Some(b) = bias {
                    z += b;
                }
                let ce = ce_of(&o, 1, weight.as_ref());
                let (loss, g, stats) = ce
                    .loss_and_grad_with(&z, &targets, TokenOutputs::ALL)
                    .unwrap();
                let (grads, fstats) = fused
                    .loss_and_grad_with(&h, &w, &targets, TokenOutputs::ALL)
                    .unwrap();
                near(&format!("loss, {ctx}"), grads.loss, loss, 1e-12);
                close_all("dh", &grads.dh, &g.dot(&w), &ctx);
                close_all("dw", &grads.dw, &g.t().dot(&h), &ctx);
                if bias.is_some() {
                    close_all(
                        "dbias",
                        grads.dbias.as_ref().unwrap(),
                        &g.sum_axis(Axis(0)),
                        &ctx,
                    );
                }
                close_all(
                    "log p",
                    fstats.target_log_prob.as_ref().unwrap(),
                    stats.target_log_prob.as_ref().unwrap(),
                    &ctx,
                );
                close_all(
                    "lse",
                    fstats.logsumexp.as_ref().unwrap(),
                    stats.logsumexp.as_ref().unwrap(),
                    &ctx,
                );
                close_all(
                    "entropy",
                    fstats.entropy.as_ref().unwrap(),
                    stats.entropy.as_ref().unwrap(),
                    &ctx,
                );
                assert_eq!(fstats.argmax, stats.argmax, "{ctx}");
                assert_eq!(fstats.rank, stats.rank, "{ctx}");
                // Without a gradient (the ranks then need a pass of their own in chunks).
                let (l2, s2) = fused
                    .loss_with(&h, &w, &targets, TokenOutputs::ALL)
                    .unwrap();
                assert_eq!(l2, grads.loss, "{ctx}");
                assert_eq!(s2, fstats, "{ctx}");
                let plain = fused.loss_and_grad(&h, &w, &targets).unwrap();
                assert_eq!(plain, grads, "{ctx}");
                // The per-sample backward pass.
                let up = Array1::from_shape_simple_fn(n, || rng.uniform(-2.0, 2.0));
                let back = fused.per_sample_backward(&h, &w, &targets, &up).unwrap();
                let gu = ce.per_sample_backward(&z, &targets, &up).unwrap();
                close_all("backward dh", &back.dh, &gu.dot(&w), &ctx);
                close_all("backward dw", &back.dw, &gu.t().dot(&h), &ctx);
                if bias.is_some() {
                    close_all(
                        "backward dbias",
                        back.dbias.as_ref().unwrap(),
                        &gu.sum_axis(Axis(0)),
                        &ctx,
                    );
                }
                let per = ce.per_sample(&z, &targets).unwrap();
                near(
                    &format!("backward loss, {ctx}"),
                    back.loss,
                    (&per * &up).sum(),
                    1e-12,
                );
            }
        }
    }
}

/// The fused head's gradients with every option against finite differences in `h`.
#[test]
fn linear_gradients_match_finite_differences() {
    let mut rng = SplitMix(41);
    for o in all_opts() {
        for chunk in [2, 100] {
            let (h, w, b) = linear_case(&mut rng, 4, 3, 6);
            let targets: Vec<usize> = (0..4).map(|_| rng.below(6)).collect();
            let fused = linear_of(&o, Some(&b), None, chunk);
            let grads = fused.loss_and_grad(&h, &w, &targets).unwrap();
            let hd = h.clone().into_dyn();
            let want = fd(&hd, |hh| {
                let hh = hh.clone().into_dimensionality().unwrap();
                fused.loss(&hh, &w, &targets).unwrap()
            });
            assert_fd(
                "dh",
                &grads.dh.into_dyn(),
                &want,
                &format!("{o:?} chunk {chunk}"),
            );
        }
    }
}

#[test]
fn errors_name_the_option() {
    let x = array![[0.0_f64, 1.0]];
    let name = |e: Error| match e {
        Error::InvalidOption { name, .. } => name,
        other => panic!("not an option error: {other:?}"),
    };
    for bad in [-1.0, f64::NAN, f64::INFINITY] {
        assert_eq!(
            name(CrossEntropy::new().z_loss(bad).loss(&x, &[0]).unwrap_err()),
            "z_loss"
        );
        let e = CrossEntropy::new()
            .entropy_bonus(bad)
            .loss(&x, &[0])
            .unwrap_err();
        assert_eq!(name(e), "entropy_bonus");
        let (h, w) = (array![[1.0_f64]], array![[0.0], [1.0]]);
        let e = LinearCrossEntropy::new()
            .z_loss(bad)
            .loss(&h, &w, &[0])
            .unwrap_err();
        assert_eq!(name(e), "z_loss");
        let e = LinearCrossEntropy::new()
            .entropy_bonus(bad)
            .loss_and_grad(&h, &w, &[0])
            .unwrap_err();
        assert_eq!(name(e), "entropy_bonus");
    }
    for bad in [0.0, -2.0, f64::NAN, f64::INFINITY] {
        let e = CrossEntropy::new()
            .soft_cap(bad)
            .loss_and_grad(&x, &[0])
            .unwrap_err();
        assert_eq!(name(e), "soft_cap");
        let (h, w) = (array![[1.0_f64]], array![[0.0], [1.0]]);
        let e = LinearCrossEntropy::new()
            .soft_cap(bad)
            .loss(&h, &w, &[0])
            .unwrap_err();
        assert_eq!(name(e), "soft_cap");
    }
    let probs = CrossEntropy::new().input(Input::LogProbabilities);
    assert_eq!(
        name(probs.clone().z_loss(0.1).loss(&x, &[0]).unwrap_err()),
        "input"
    );
    let e = probs.loss_with(&x, &[0], TokenOutputs::ALL).unwrap_err();
    assert_eq!(name(e), "input");
    let q = array![[0.5, 0.5]];
    let e = CrossEntropy::new()
        .loss_with(&x, &q, TokenOutputs::ALL)
        .unwrap_err();
    assert_eq!(name(e), "outputs");
    let want = TokenOutputs {
        entropy: true,
        logsumexp: true,
        argmax: true,
        ..TokenOutputs::default()
    };
    assert!(CrossEntropy::new().loss_with(&x, &q, want).is_ok());
    // Upstream gradients of the wrong shape.
    let e = CrossEntropy::new()
        .per_sample_backward(&x, &[0], &array![1.0, 2.0])
        .unwrap_err();
    assert!(matches!(e, Error::ShapeMismatch { .. }), "{e:?}");
    let (h, w) = (array![[1.0_f64], [2.0]], array![[0.0], [1.0]]);
    let e = LinearCrossEntropy::new()
        .per_sample_backward(&h, &w, &[0, 1], &array![1.0])
        .unwrap_err();
    assert!(matches!(e, Error::ShapeMismatch { .. }), "{e:?}");
}

fn finite_rows() -> impl Strategy<Value = (Vec<f64>, usize, usize, f64)> {
    (1usize..6, 1usize..40).prop_flat_map(|(n, c)| {
        (
            proptest::collection::vec(-30.0f64..30.0, n * c),
            Just(c),
            0..c,
            0.2f64..3.0,
        )
    })
}

proptest! {
    #![proptest_config(proptest_config(64))]

    /// The entropy lies in `[0, ln C]`; the z-loss never lowers a loss; coefficients of 0 give
    /// the old bits.
    #[test]
    fn entropy_in_range_and_z_loss_nonnegative((data, c, y, t) in finite_rows()) {
        let n = data.len() / c;
        let x32 = Array2::from_shape_vec((n, c), data.iter().map(|&v| v as f32).collect()).unwrap();
        let targets = vec![y; n];
        let ce = CrossEntropy::new().temperature(t as f32);
        let want = TokenOutputs { entropy: true, ..TokenOutputs::default() };
        let (plain, stats) = ce.loss_with(&x32, &targets, want).unwrap();
        let top = (c as f32).ln() * (1.0 + 1e-5);
        for h in stats.entropy.unwrap() {
            prop_assert!((0.0..=top).contains(&h), "entropy {h} outside [0, ln {c}]");
        }
        let z = ce.clone().z_loss(0.01).loss(&x32, &targets).unwrap();
        prop_assert!(z >= plain, "z-loss lowered the loss: {z} < {plain}");
        let zero = ce.clone().z_loss(0.0).entropy_bonus(0.0);
        let (a, ga) = ce.loss_and_grad(&x32, &targets).unwrap();
        let (b, gb) = zero.loss_and_grad(&x32, &targets).unwrap();
        prop_assert_eq!(a.to_bits(), b.to_bits());
        prop_assert!(ga.iter().zip(&gb).all(|(a, b)| a.to_bits() == b.to_bits()));
    }
}
