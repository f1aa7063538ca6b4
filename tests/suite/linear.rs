//! `LinearCrossEntropy` (the fused LM head) against the unfused path: `h.dot(&w.t()) + bias`, then
//! `CrossEntropy::loss_and_grad`, then `G.dot(&w)`, `G.t().dot(&h)` and `G.sum_axis(Axis(0))`.
//!
//! Random sizes (N 1..=9, d 1..=6, V 1..=40, chunk sizes 1..=7 and some that hold the whole
//! vocabulary) under every combination of the options (class weights among them), in `f32` and
//! `f64`, for every method (`loss`, `loss_and_grad`, `loss_and_grad_into`, `per_sample`,
//! `per_sample_and_grad`); both tilings (panels of rows, and vocabulary chunks recomputed for the
//! gradient) at sizes that make several panels or chunks; all-ignored and empty batches;
//! non-finite logits; errors; and the fused gradients against central finite differences in
//! `f64`.
#![allow(clippy::cast_precision_loss, clippy::float_cmp, clippy::too_many_lines)]

use crate::harness::{SplitMix, TestFloat, close};
use logits::{CrossEntropy, Error, LinearCrossEntropy, LinearGrads, Reduction, Targets};
use ndarray::{Array1, Array2, ArrayRef, Axis, Dimension};

/// Largest difference from the unfused path, relative to the largest entry of the unfused result
/// (or 1, if larger), in units of the type's machine epsilon. Both paths round differently (the
/// fused one sums each row's softmax over chunks), and products of length `V` add rounding.
const REL_EPS: f64 = 64.0;

/// Tolerance of the `f64` finite-difference check of the gradients (central differences with
/// step `FD_STEP` have error about `1e-10` here).
const FD_TOL: f64 = 1e-7;
const FD_STEP: f64 = 1e-5;

/// One configuration of the options shared by `LinearCrossEntropy` and `CrossEntropy`.
#[derive(Clone, Copy, Debug)]
struct Options {
    ignore_index: Option<usize>,
    smoothing: f64,
    temperature: f64,
    reduction: Reduction,
    bias: bool,
    /// Class weights (some of them 0).
    weight: bool,
    chunk: usize,
}

impl Options {
    fn fused<A: TestFloat>(&self, c: &Case<A>) -> LinearCrossEntropy<A> {
        self.fused_with(c.bias.as_ref(), c.weight.as_ref())
    }

    fn fused_with<A: TestFloat>(
        &self,
        bias: Option<&Array1<A>>,
        weight: Option<&Array1<A>>,
    ) -> LinearCrossEntropy<A> {
        let mut ce = LinearCrossEntropy::new()
            .label_smoothing(A::of(self.smoothing))
            .temperature(A::of(self.temperature))
            .reduction(self.reduction)
            .chunk_size(self.chunk);
        if let Some(i) = self.ignore_index {
            ce = ce.ignore_index(i);
        }
        if let Some(b) = bias {
            ce = ce.bias(b.clone());
        }
        if let Some(w) = weight {
            ce = ce.weight(w.clone());
        }
        ce
    }

    fn unfused<A: TestFloat>(&self, c: &Case<A>) -> CrossEntropy<A> {
        let mut ce = CrossEntropy::new()
            .label_smoothing(A::of(self.smoothing))
            .temperature(A::of(self.temperature))
            .reduction(self.reduction);
        if let Some(i) = self.ignore_index {
            ce = ce.ignore_index(i);
        }
        if let Some(w) = &c.weight {
            ce = ce.weight(w.clone());
        }
        ce
    }
}

/// One problem: hidden states, vocabulary, bias, class weights and targets.
struct Case<A> {
    h: Array2<A>,
    w: Array2<A>,
    bias: Option<Array1<A>>,
    weight: Option<Array1<A>>,
    targets: Vec<usize>,
}

fn case<A: TestFloat>(rng: &mut SplitMix, n: usize, d: usize, v: usize, o: &Options) -> Case<A> {
    let h = Array2::from_shape_simple_fn((n, d), || A::of(rng.uniform(-2.0, 2.0)));
    let w = Array2::from_shape_simple_fn((v, d), || A::of(rng.uniform(-2.0, 2.0)));
    let bias = o
        .bias
        .then(|| Array1::from_shape_simple_fn(v, || A::of(rng.uniform(-1.0, 1.0))));
    // Weights in [0.1, 3], one in eight 0.
    let weight = o.weight.then(|| {
        Array1::from_shape_simple_fn(v, || match rng.below(8) {
            0 => A::zero(),
            _ => A::of(rng.uniform(0.1, 3.0)),
        })
    });
    let targets = (0..n)
        .map(|_| match o.ignore_index {
            // About a third of the rows ignored.
            Some(i) if rng.below(3) == 0 => i,
            _ => rng.below(v),
        })
        .collect();
    Case {
        h,
        w,
        bias,
        weight,
        targets,
    }
}

/// The unfused path, as a user without this loss writes it.
fn unfused<A: TestFloat>(o: &Options, c: &Case<A>) -> LinearGrads<A> {
    let mut z = c.h.dot(&c.w.t());
    if let Some(b) = &c.bias {
        z += b;
    }
    let (loss, g) = o.unfused(c).loss_and_grad(&z, &c.targets).unwrap();
    LinearGrads {
        loss,
        dh: g.dot(&c.w),
        dw: g.t().dot(&c.h),
        dbias: c.bias.as_ref().map(|_| g.sum_axis(Axis(0))),
    }
}

/// `got` agrees with `want` to `REL_EPS` machine epsilons of `want`'s largest entry (or of 1).
fn assert_close<A: TestFloat, D: Dimension>(
    what: &str,
    got: &ArrayRef<A, D>,
    want: &ArrayRef<A, D>,
    ctx: &str,
) {
    assert_eq!(got.shape(), want.shape(), "{what}: {ctx}");
    let scale = want
        .iter()
        .filter(|v| v.is_finite())
        .fold(1.0_f64, |m, v| m.max(v.wide().abs()));
    let tol = REL_EPS * A::EPS * scale;
    for (i, (g, w)) in got.iter().zip(want.iter()).enumerate() {
        assert!(
            close(g.wide(), w.wide(), 0.0, tol),
            "{what} (flat index {i}): fused {g} vs unfused {w} (tol {tol:e}); {ctx}",
        );
    }
}

fn assert_matches<A: TestFloat>(got: &LinearGrads<A>, want: &LinearGrads<A>, ctx: &str) {
    let tol = REL_EPS * A::EPS * want.loss.wide().abs().max(1.0);
    assert!(
        close(got.loss.wide(), want.loss.wide(), 0.0, tol),
        "loss: fused {} vs unfused {}; {ctx}",
        got.loss,
        want.loss
    );
    assert_close("dh", &got.dh, &want.dh, ctx);
    assert_close("dw", &got.dw, &want.dw, ctx);
    match (&got.dbias, &want.dbias) {
        (Some(g), Some(w)) => assert_close("dbias", g, w, ctx),
        (None, None) => {}
        _ => panic!("dbias present in one path only; {ctx}"),
    }
}

/// Fused against unfused for one problem, every method: `loss` and `loss_and_grad_into` give
/// `loss_and_grad`'s bits (the latter into buffers holding garbage, one of them strided);
/// `per_sample` and `per_sample_and_grad` match the unfused per-sample losses and the gradients
/// of their sum.
fn check<A: TestFloat>(o: &Options, c: &Case<A>, ctx: &str) {
    let fused = o.fused(c);
    let got = fused.loss_and_grad(&c.h, &c.w, &c.targets).unwrap();
    assert_matches(&got, &unfused(o, c), ctx);
    let loss = fused.loss(&c.h, &c.w, &c.targets).unwrap();
    assert!(
        close(loss.wide(), got.loss.wide(), 0.0, 0.0),
        "loss {loss} vs loss_and_grad {}; {ctx}",
        got.loss
    );

    let garbage = A::of(-7.5);
    let mut dh = Array2::from_elem(c.h.raw_dim(), garbage);
    // dw as the transpose of a [d, V] array: strided rows.
    let mut dw_t = Array2::from_elem((c.w.ncols(), c.w.nrows()), garbage);
    let mut db = c.bias.as_ref().map(|b| Array1::from_elem(b.len(), garbage));
    let into = fused
        .loss_and_grad_into(
            &c.h,
            &c.w,
            &c.targets,
            &mut dh,
            &mut dw_t.view_mut().reversed_axes(),
            db.as_deref_mut(),
        )
        .unwrap();
    let same = |a: A, b: A| a == b || (a.is_nan() && b.is_nan());
    assert!(
        same(into, got.loss),
        "_into loss {into} vs {}; {ctx}",
        got.loss
    );
    assert!(
        dh.iter().zip(&got.dh).all(|(&a, &b)| same(a, b)),
        "_into dh; {ctx}"
    );
    let dw = dw_t.t();
    assert!(
        dw.iter().zip(&got.dw).all(|(&a, &b)| same(a, b)),
        "_into dw; {ctx}"
    );
    if let (Some(a), Some(b)) = (&db, &got.dbias) {
        assert!(
            a.iter().zip(b).all(|(&a, &b)| same(a, b)),
            "_into dbias; {ctx}"
        );
    }

    // Per sample: the unfused per-sample losses, and the gradients of their sum.
    let mut z = c.h.dot(&c.w.t());
    if let Some(b) = &c.bias {
        z += b;
    }
    let (want_l, g) = o.unfused(c).per_sample_and_grad(&z, &c.targets).unwrap();
    let losses = fused.per_sample(&c.h, &c.w, &c.targets).unwrap();
    assert_close("per_sample", &losses, &want_l, ctx);
    let (losses_g, grads) = fused.per_sample_and_grad(&c.h, &c.w, &c.targets).unwrap();
    assert!(
        losses_g.iter().zip(&losses).all(|(&a, &b)| same(a, b)),
        "per_sample_and_grad's losses vs per_sample; {ctx}"
    );
    let want = LinearGrads {
        loss: want_l.sum(),
        dh: g.dot(&c.w),
        dw: g.t().dot(&c.h),
        dbias: c.bias.as_ref().map(|_| g.sum_axis(Axis(0))),
    };
    assert_matches(&grads, &want, &format!("per_sample_and_grad; {ctx}"));
}

/// Every combination of the options, each at several random sizes.
fn every_option<A: TestFloat>(seed: u64) {
    let mut rng = SplitMix(seed);
    let mut tried = 0;
    for ignore in [false, true] {
        for smoothing in [0.0, 0.1, 1.0] {
            for temperature in [1.0, 0.6, 2.5] {
                for reduction in [Reduction::Mean, Reduction::Sum] {
                    for (bias, weight) in
                        [(false, false), (true, false), (false, true), (true, true)]
                    {
                        for _ in 0..3 {
                            let (n, d, v) = (1 + rng.below(9), 1 + rng.below(6), 1 + rng.below(40));
                            // Mostly chunks below V; sometimes one that holds the vocabulary.
                            let chunk = if rng.below(4) == 0 {
                                v + rng.below(3)
                            } else {
                                1 + rng.below(7)
                            };
                            let o = Options {
                                ignore_index: ignore.then(|| rng.below(v + 1)),
                                smoothing,
                                temperature,
                                reduction,
                                bias,
                                weight,
                                chunk,
                            };
                            let c = case::<A>(&mut rng, n, d, v, &o);
                            let ctx = format!("{} N={n} d={d} V={v} {o:?}", A::NAME);
                            check(&o, &c, &ctx);
                            tried += 1;
                        }
                    }
                }
            }
        }
    }
    assert_eq!(tried, 2 * 3 * 3 * 2 * 4 * 3);
}

#[test]
fn matches_unfused_for_every_option_f32() {
    every_option::<f32>(1);
}

#[test]
fn matches_unfused_for_every_option_f64() {
    every_option::<f64>(2);
}

/// Sizes that make several panels of rows (`N·chunk ≥ 128·V`, the last panel short), or several
/// chunks of the vocabulary with a short last one, with every option on.
fn both_tilings<A: TestFloat>() {
    let mut rng = SplitMix(3);
    // (N, d, V, chunk): panels of 135 rows (135, 135, 30); panels of 150 (150, 150); chunks of 7
    // (40 = 5·7 + 5); chunks of 300 (600 = 2·300) split over threads with `rayon`; one panel of
    // everything.
    let shapes = [
        (300, 3, 40, 18),
        (300, 2, 40, 20),
        (150, 4, 40, 7),
        (256, 96, 600, 200),
        (256, 96, 600, 300),
        (9, 5, 40, 40),
    ];
    for (n, d, v, chunk) in shapes {
        for (smoothing, temperature, reduction, bias, weight) in [
            (0.0, 1.0, Reduction::Mean, false, false),
            (0.2, 0.7, Reduction::Sum, true, true),
            (1.0, 1.9, Reduction::Mean, true, false),
            (0.1, 1.2, Reduction::Mean, false, true),
        ] {
            let o = Options {
                ignore_index: Some(0),
                smoothing,
                temperature,
                reduction,
                bias,
                weight,
                chunk,
            };
            let c = case::<A>(&mut rng, n, d, v, &o);
            check(&o, &c, &format!("{} N={n} d={d} V={v} {o:?}", A::NAME));
        }
    }
}

#[test]
fn both_tilings_match_unfused_f32() {
    both_tilings::<f32>();
}

#[test]
fn both_tilings_match_unfused_f64() {
    both_tilings::<f64>();
}

/// A panel whose rows are all ignored is skipped; the result is unchanged.
#[test]
fn ignored_panels_are_skipped() {
    let o = Options {
        ignore_index: Some(3),
        smoothing: 0.1,
        temperature: 1.0,
        reduction: Reduction::Mean,
        bias: true,
        weight: true,
        chunk: 18,
    };
    let mut c = case::<f64>(&mut SplitMix(4), 300, 3, 40, &o);
    c.targets[..140].fill(3);
    check(&o, &c, "first panel ignored");
}

fn all_ignored<A: TestFloat>() {
    let mut rng = SplitMix(5);
    for reduction in [Reduction::Mean, Reduction::Sum] {
        for chunk in [1, 3, 100] {
            let o = Options {
                ignore_index: Some(2),
                smoothing: 0.3,
                temperature: 1.5,
                reduction,
                bias: true,
                weight: true,
                chunk,
            };
            let mut c = case::<A>(&mut rng, 5, 4, 9, &o);
            c.targets.fill(2);
            let got = o.fused(&c).loss_and_grad(&c.h, &c.w, &c.targets).unwrap();
            assert_eq!(got.loss, A::zero());
            assert!(got.dh.iter().all(|&v| v == A::zero()));
            assert!(got.dw.iter().all(|&v| v == A::zero()));
            assert!(got.dbias.unwrap().iter().all(|&v| v == A::zero()));
            assert_eq!(got.dh.dim(), (5, 4));
            assert_eq!(got.dw.dim(), (9, 4));
            let loss = o.fused(&c).loss(&c.h, &c.w, &c.targets).unwrap();
            assert_eq!(loss, A::zero());
        }
    }
}

#[test]
fn all_ignored_batch_has_loss_and_gradients_zero() {
    all_ignored::<f32>();
    all_ignored::<f64>();
}

#[test]
fn empty_batch_and_empty_vocabulary() {
    let ce = LinearCrossEntropy::<f64>::new();
    let got = ce
        .loss_and_grad(&Array2::zeros((0, 3)), &Array2::zeros((5, 3)), &[])
        .unwrap();
    assert_eq!(got.loss, 0.0);
    assert_eq!((got.dh.dim(), got.dw.dim()), ((0, 3), (5, 3)));
    assert!(got.dw.iter().all(|&v| v == 0.0));
    // No classes: every target must be ignored.
    let ce = ce.ignore_index(0);
    let got = ce
        .loss_and_grad(&Array2::ones((2, 3)), &Array2::zeros((0, 3)), &[0, 0])
        .unwrap();
    assert_eq!(got.loss, 0.0);
    assert_eq!((got.dh.dim(), got.dw.dim()), ((2, 3), (0, 3)));
    // No hidden dimension: the logits are the bias.
    for chunk in [1, 100] {
        let ce = LinearCrossEntropy::new()
            .bias(vec![0.0, 1.0, 2.0])
            .chunk_size(chunk);
        let got = ce
            .loss_and_grad(&Array2::zeros((2, 0)), &Array2::zeros((3, 0)), &[2, 0])
            .unwrap();
        let want =
            logits::cross_entropy(&ndarray::array![[0.0, 1.0, 2.0], [0.0, 1.0, 2.0]], &[2, 0]);
        assert!(close(got.loss, want.unwrap(), 1e-15, 0.0));
        assert_eq!((got.dh.dim(), got.dw.dim()), ((2, 0), (3, 0)));
        assert!(close(got.dbias.unwrap().sum(), 0.0, 0.0, 1e-15));
    }
}

/// Logits of ±inf (from the bias) and NaN (from `h`) behave as in `CrossEntropy`, in both
/// tilings.
#[test]
fn non_finite_logits_match_unfused() {
    let mut rng = SplitMix(6);
    for chunk in [2, 3, 100] {
        for smoothing in [0.0, 0.25] {
            let o = Options {
                ignore_index: None,
                smoothing,
                temperature: 1.0,
                reduction: Reduction::Sum,
                bias: true,
                weight: false,
                chunk,
            };
            // Two classes at +inf: they share the probability.
            let mut c = case::<f64>(&mut rng, 4, 3, 7, &o);
            let b = c.bias.as_mut().unwrap();
            (b[1], b[5]) = (f64::INFINITY, f64::INFINITY);
            c.targets = vec![1, 5, 0, 1];
            let ctx = format!("+inf bias, chunk {chunk}, smoothing {smoothing}");
            let got = o.fused(&c).loss_and_grad(&c.h, &c.w, &c.targets).unwrap();
            let want = unfused(&o, &c);
            assert_eq!(got.loss, want.loss, "{ctx}");
            assert_close("dh", &got.dh, &want.dh, &ctx);
            assert_close("dw", &got.dw, &want.dw, &ctx);
            if smoothing == 0.0 {
                // Rows 0, 1 and 3 put all their mass on the +inf classes; row 2's target has none.
                assert_eq!(got.loss, f64::INFINITY, "{ctx}");
            }

            // Some classes at −inf: zero probability; with smoothing, infinite loss.
            let mut c = case::<f64>(&mut rng, 4, 3, 7, &o);
            let b = c.bias.as_mut().unwrap();
            (b[0], b[4]) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
            c.targets = vec![1, 2, 3, 6];
            let ctx = format!("-inf bias, chunk {chunk}, smoothing {smoothing}");
            let got = o.fused(&c).loss_and_grad(&c.h, &c.w, &c.targets).unwrap();
            let want = unfused(&o, &c);
            assert!(close(got.loss, want.loss, 1e-13, 0.0), "{ctx}");
            assert_close("dh", &got.dh, &want.dh, &ctx);
            assert_close("dw", &got.dw, &want.dw, &ctx);

            // Every class at −inf: loss +inf, gradient 0.
            c.bias.as_mut().unwrap().fill(f64::NEG_INFINITY);
            let got = o.fused(&c).loss_and_grad(&c.h, &c.w, &c.targets).unwrap();
            assert_eq!(got.loss, f64::INFINITY);
            assert!(got.dh.iter().chain(&got.dw).all(|&v| v == 0.0));

            // NaN in one row of h: the loss is NaN, and so is that row's dh; other rows' dh is not.
            let mut c = case::<f64>(&mut rng, 4, 3, 7, &o);
            c.h[(2, 1)] = f64::NAN;
            let got = o.fused(&c).loss_and_grad(&c.h, &c.w, &c.targets).unwrap();
            assert!(got.loss.is_nan());
            assert!(got.dh.row(2).iter().all(|v| v.is_nan()));
            assert!(got.dh.row(0).iter().all(|v| v.is_finite()));
        }
    }
}

/// Central differences of the fused loss match its gradients, in both tilings.
#[test]
fn gradients_match_finite_differences() {
    let mut rng = SplitMix(7);
    for chunk in [3, 100] {
        let o = Options {
            ignore_index: Some(6),
            smoothing: 0.15,
            temperature: 1.3,
            reduction: Reduction::Mean,
            bias: true,
            weight: true,
            chunk,
        };
        let mut c = case::<f64>(&mut rng, 4, 3, 8, &o);
        c.targets = vec![2, 6, 7, 0];
        let ce = o.fused(&c);
        let got = ce.loss_and_grad(&c.h, &c.w, &c.targets).unwrap();
        let loss = |h: &Array2<f64>, w: &Array2<f64>, b: &Array1<f64>| {
            o.fused_with(Some(b), c.weight.as_ref())
                .loss(h, w, &c.targets)
                .unwrap()
        };
        let b = c.bias.clone().unwrap();
        for ((i, j), &g) in got.dh.indexed_iter() {
            let (mut up, mut down) = (c.h.clone(), c.h.clone());
            up[(i, j)] += FD_STEP;
            down[(i, j)] -= FD_STEP;
            let fd = (loss(&up, &c.w, &b) - loss(&down, &c.w, &b)) / (2.0 * FD_STEP);
            assert!((fd - g).abs() < FD_TOL, "dh[{i}, {j}]: {fd} vs {g}");
        }
        assert!(got.dh.row(1).iter().all(|&v| v == 0.0), "ignored row");
        for ((i, j), &g) in got.dw.indexed_iter() {
            let (mut up, mut down) = (c.w.clone(), c.w.clone());
            up[(i, j)] += FD_STEP;
            down[(i, j)] -= FD_STEP;
            let fd = (loss(&c.h, &up, &b) - loss(&c.h, &down, &b)) / (2.0 * FD_STEP);
            assert!((fd - g).abs() < FD_TOL, "dw[{i}, {j}]: {fd} vs {g}");
        }
        for (i, &g) in got.dbias.as_ref().unwrap().indexed_iter() {
            let (mut up, mut down) = (b.clone(), b.clone());
            up[i] += FD_STEP;
            down[i] -= FD_STEP;
            let fd = (loss(&c.h, &c.w, &up) - loss(&c.h, &c.w, &down)) / (2.0 * FD_STEP);
            assert!((fd - g).abs() < FD_TOL, "dbias[{i}]: {fd} vs {g}");
        }
        // per_sample_and_grad: the gradient of the per-sample losses' sum.
        let (_, ps) = ce.per_sample_and_grad(&c.h, &c.w, &c.targets).unwrap();
        let total =
            |h: &Array2<f64>, w: &Array2<f64>| ce.per_sample(h, w, &c.targets).unwrap().sum();
        for ((i, j), &g) in ps.dh.indexed_iter() {
            let (mut up, mut down) = (c.h.clone(), c.h.clone());
            up[(i, j)] += FD_STEP;
            down[(i, j)] -= FD_STEP;
            let fd = (total(&up, &c.w) - total(&down, &c.w)) / (2.0 * FD_STEP);
            assert!(
                (fd - g).abs() < FD_TOL,
                "per-sample dh[{i}, {j}]: {fd} vs {g}"
            );
        }
        for ((i, j), &g) in ps.dw.indexed_iter() {
            let (mut up, mut down) = (c.w.clone(), c.w.clone());
            up[(i, j)] += FD_STEP;
            down[(i, j)] -= FD_STEP;
            let fd = (total(&c.h, &up) - total(&c.h, &down)) / (2.0 * FD_STEP);
            assert!(
                (fd - g).abs() < FD_TOL,
                "per-sample dw[{i}, {j}]: {fd} vs {g}"
            );
        }
    }
}

/// Views and non-contiguous inputs (a transposed `w`, every other row of `h`) give the same
/// result as owned contiguous copies.
#[test]
fn views_and_strides() {
    let mut rng = SplitMix(8);
    let h = Array2::from_shape_simple_fn((10, 4), || rng.uniform(-1.0, 1.0));
    let wt = Array2::from_shape_simple_fn((4, 13), || rng.uniform(-1.0, 1.0));
    let targets = [0, 12, 5, 7, 3];
    let hs = h.slice(ndarray::s![..;2, ..]);
    for chunk in [4, 1000] {
        let ce = LinearCrossEntropy::new().chunk_size(chunk);
        let a = ce.loss_and_grad(&hs, &wt.t(), &targets).unwrap();
        let b = ce
            .loss_and_grad(&hs.to_owned(), &wt.t().to_owned(), &targets)
            .unwrap();
        assert!(close(a.loss, b.loss, 1e-15, 0.0));
        assert_close("dh", &a.dh, &b.dh, "strided");
        assert_close("dw", &a.dw, &b.dw, "strided");
        let targets = Array1::from(targets.to_vec());
        let c = ce.loss(&hs, &wt.t(), targets.view()).unwrap();
        assert!(close(c, a.loss, 1e-15, 0.0));
    }
}

#[test]
fn errors() {
    let h = Array2::<f32>::zeros((3, 4));
    let w = Array2::<f32>::zeros((5, 4));
    let ce = LinearCrossEntropy::new();
    let shape = |e: Error| matches!(e, Error::ShapeMismatch { .. });

    let e = ce.loss(&h, &Array2::zeros((5, 3)), &[0, 1, 2]).unwrap_err();
    assert!(shape(e.clone()), "{e}");
    assert_eq!(
        e.to_string(),
        "shape mismatch: `w` has shape [5, 3] but `h` has shape [3, 4]"
    );
    let e = ce
        .clone()
        .bias(vec![0.0; 4])
        .loss_and_grad(&h, &w, &[0, 1, 2])
        .unwrap_err();
    assert!(shape(e.clone()), "{e}");
    assert!(e.to_string().contains("`bias` has shape [4]"), "{e}");
    let e = ce.loss(&h, &w, &[0, 1]).unwrap_err();
    assert!(shape(e.clone()), "{e}");
    assert!(e.to_string().contains("`targets` has shape [2]"), "{e}");
    let e = ce
        .loss(&h, &w, &Array2::<usize>::zeros((3, 1)))
        .unwrap_err();
    assert!(shape(e), "2-d targets");

    assert_eq!(
        ce.loss_and_grad(&h, &w, &[0, 5, 1]).unwrap_err(),
        Error::LabelOutOfRange {
            sample: vec![1],
            label: 5,
            classes: 5
        }
    );
    // The ignored index may lie outside the vocabulary.
    assert!(
        ce.clone()
            .ignore_index(99)
            .loss(&h, &w, &[0, 99, 1])
            .is_ok()
    );

    for t in [0.0, -1.0, f32::NAN, f32::INFINITY] {
        let e = ce.clone().temperature(t).loss(&h, &w, &[0, 1, 2]);
        assert!(matches!(e, Err(Error::InvalidTemperature { .. })), "{t}");
    }
    for eps in [-0.1, 1.5, f32::NAN] {
        let e = ce.clone().label_smoothing(eps).loss(&h, &w, &[0, 1, 2]);
        assert!(
            matches!(e, Err(Error::InvalidLabelSmoothing { .. })),
            "{eps}"
        );
    }
    let e = ce
        .clone()
        .chunk_size(0)
        .loss(&h, &w, &[0, 1, 2])
        .unwrap_err();
    assert!(
        matches!(
            e,
            Error::InvalidOption {
                name: "chunk_size",
                ..
            }
        ),
        "{e}"
    );
    let q = Array2::<f32>::from_elem((3, 5), 0.2);
    let e = ce.loss(&h, &w, Targets::probabilities(&q)).unwrap_err();
    assert!(
        matches!(
            e,
            Error::InvalidOption {
                name: "targets",
                ..
            }
        ),
        "{e}"
    );
    assert!(e.to_string().contains("class indices"), "{e}");

    // Class weights of the wrong length; finite weights whose sum overflows for a mean.
    let e = ce
        .clone()
        .weight(vec![1.0; 4])
        .loss(&h, &w, &[0, 1, 2])
        .unwrap_err();
    assert!(e.to_string().contains("`weight` has shape [4]"), "{e}");
    let huge = LinearCrossEntropy::<f64>::new().weight(vec![f64::MAX; 5]);
    let (h64, w64) = (Array2::<f64>::zeros((3, 4)), Array2::<f64>::zeros((5, 4)));
    let e = huge.loss(&h64, &w64, &[0, 1, 2]).unwrap_err();
    assert!(
        matches!(
            e,
            Error::InvalidOption {
                name: "summed class weight",
                ..
            }
        ),
        "{e}"
    );
    assert!(
        huge.reduction(Reduction::Sum)
            .loss(&h64, &w64, &[0, 1, 2])
            .is_ok()
    );

    // The buffers of `loss_and_grad_into`: wrong shapes, a bias's gradient without a bias or
    // missing with one. Nothing is written.
    let mut dh = Array2::from_elem((3, 4), 9.0_f32);
    let mut dw = Array2::from_elem((5, 4), 9.0_f32);
    let mut db = Array1::from_elem(5, 9.0_f32);
    let (mut dh_bad, mut dw_bad) = (Array2::zeros((4, 3)), Array2::zeros((5, 3)));
    let mut db_bad = Array1::zeros(4);
    let t = [0, 1, 2];
    let e = ce
        .loss_and_grad_into(&h, &w, &t, &mut dh_bad, &mut dw, None)
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "shape mismatch: `dh` has shape [4, 3] but `h` has shape [3, 4]"
    );
    let e = ce
        .loss_and_grad_into(&h, &w, &t, &mut dh, &mut dw_bad, None)
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "shape mismatch: `dw` has shape [5, 3] but `w` has shape [5, 4]"
    );
    let e = ce
        .loss_and_grad_into(&h, &w, &t, &mut dh, &mut dw, Some(&mut db))
        .unwrap_err();
    assert!(
        matches!(e, Error::InvalidOption { name: "dbias", .. }),
        "{e}"
    );
    assert!(e.to_string().contains("no bias"), "{e}");
    let biased = ce.clone().bias(vec![0.0; 5]);
    let e = biased
        .loss_and_grad_into(&h, &w, &t, &mut dh, &mut dw, None)
        .unwrap_err();
    assert!(
        matches!(e, Error::InvalidOption { name: "dbias", .. }),
        "{e}"
    );
    let e = biased
        .loss_and_grad_into(&h, &w, &t, &mut dh, &mut dw, Some(&mut db_bad))
        .unwrap_err();
    assert!(e.to_string().contains("`dbias` has shape [4]"), "{e}");
    // Input errors come first, and also leave the buffers alone.
    let e = biased
        .loss_and_grad_into(&h, &w, &[0, 5, 1], &mut dh, &mut dw, Some(&mut db))
        .unwrap_err();
    assert!(matches!(e, Error::LabelOutOfRange { .. }), "{e}");
    assert!(dh.iter().chain(&dw).chain(&db).all(|&v| v == 9.0));

    // The per-sample methods check as `loss` does.
    assert!(ce.per_sample(&h, &w, &[0, 1]).is_err());
    assert!(ce.per_sample_and_grad(&h, &w, &[0, 9, 1]).is_err());
}

/// Class weights given as a strided array (every other entry of a longer one) weigh as the same
/// weights laid out contiguously, in both cross-entropies.
#[test]
fn strided_class_weights() {
    let mut rng = SplitMix(9);
    let h = Array2::from_shape_simple_fn((6, 3), || rng.uniform(-1.0, 1.0));
    let w = Array2::from_shape_simple_fn((5, 3), || rng.uniform(-1.0, 1.0));
    let long = Array1::from_shape_simple_fn(10, || rng.uniform(0.1, 3.0));
    let strided = long.clone().slice_move(ndarray::s![..;2]);
    let reversed = long
        .slice(ndarray::s![..5;-1])
        .to_owned()
        .slice_move(ndarray::s![..;-1]);
    let targets = [0, 4, 2, 2, 1, 3];
    for weight in [strided, reversed] {
        let contiguous = weight.as_standard_layout().into_owned();
        for chunk in [2, 100] {
            let a = LinearCrossEntropy::new()
                .chunk_size(chunk)
                .weight(weight.clone());
            let b = LinearCrossEntropy::new()
                .chunk_size(chunk)
                .weight(contiguous.clone());
            assert_eq!(
                a.loss_and_grad(&h, &w, &targets).unwrap(),
                b.loss_and_grad(&h, &w, &targets).unwrap()
            );
        }
        let z = h.dot(&w.t());
        let a = CrossEntropy::new()
            .weight(weight.clone())
            .loss_and_grad(&z, &targets);
        let b = CrossEntropy::new()
            .weight(contiguous)
            .loss_and_grad(&z, &targets);
        assert_eq!(a.unwrap(), b.unwrap());
    }
}
