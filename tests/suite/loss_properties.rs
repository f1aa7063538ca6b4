//! Property tests for the losses: random shapes (batch 1..=6, classes 1..=7), random options
//! (class weights, ignore_index, label smoothing, temperature, reduction, class or probability
//! targets, input kinds; BCE weight and pos_weight; focal alpha and gamma; KL log_target).
//!
//! Every gradient is checked against central finite differences in `f64`; the relations between
//! methods (per-sample sums, mean denominators, `_into` buffers of any layout, N-d class axes,
//! class targets against one-hot probabilities) run for `f32` and `f64`. Tolerances are named
//! constants below, in units of machine epsilon (`A::EPS`) unless said otherwise.
#![allow(
    clippy::cast_precision_loss,
    clippy::float_cmp,
    clippy::many_single_char_names,
    clippy::needless_range_loop,
    clippy::too_many_lines
)]

use crate::harness::{SplitMix, TestFloat, proptest_config};
use logits::{
    BinaryCrossEntropy, BinaryCrossEntropyWithLogits, CrossEntropy, Input, KlDiv, Reduction,
    SigmoidFocalLoss, Targets, log_softmax, softmax,
};
use ndarray::{Array1, Array2, ArrayD, ArrayRef, Axis, Dimension, Ix2, IxDyn, ShapeBuilder, s};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

// ---------------------------------------------------------------------------
// Configuration and tolerances
// ---------------------------------------------------------------------------

/// Cases per property: modest, so the file runs in seconds at opt-level 1.
const CASES: u32 = 48;

/// Finite differences: step (f64, absolute) and tolerance `FD_TOL · (1 + |g|)`. The truncation
/// error is `h² |f'''| / 6` (at most ~1e-9 here: temperatures ≥ 0.2, probabilities ≥ 0.05) and
/// the rounding error `eps |f| / h` (~1e-9 for losses of size 10).
const FD_STEP: f64 = 1e-6;
const FD_TOL: f64 = 1e-6;

/// Two reductions of the same per-sample losses (the crate's compensated sum against a plain
/// f64 sum, a mean against the sum divided by the denominator): relative, in eps.
const REDUCE_REL: f64 = 8.0;

/// Two code paths of the same loss that compute the log-probabilities differently (the fused
/// class-target kernel against the general path, or a permuted copy): in eps, times
/// `(1 + |value|) · (1 + max |x / T|)`, since `ln pᵢ = zᵢ − lse` has an absolute error of a few
/// eps of `max |z|`.
const PATH_REL: f64 = 64.0;

/// Gradients (and element losses) of an elementwise loss through two layouts, which may use
/// different kernels: `PATH_GRAD_REL · eps · max |g|`.
const PATH_GRAD_REL: f64 = 16.0;

/// `loss ≥ −NONNEG_SLACK · eps · (1 + Σ |terms|)` where a loss cannot be negative.
const NONNEG_SLACK: f64 = 8.0;

// ---------------------------------------------------------------------------
// Cross-entropy cases
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq)]
enum Ignore {
    Off,
    /// A class index in range, drawn from the seed; some targets are set to it.
    InRange,
    /// An index that is no class (`classes + 3`): nothing is ignored.
    OutOfRange,
}

#[derive(Clone, Debug)]
struct CeOptions {
    seed: u64,
    weight: bool,
    ignore: Ignore,
    smoothing: f64,
    temperature: f64,
    sum: bool,
    probs: bool,
    input: Input,
}

#[derive(Clone, Debug)]
struct CeCase {
    batch: usize,
    classes: usize,
    o: CeOptions,
}

/// A 3-axis case with the classes on `axis`.
#[derive(Clone, Debug)]
struct CeNdCase {
    shape: [usize; 3],
    axis: usize,
    o: CeOptions,
}

fn options_strategy() -> impl Strategy<Value = CeOptions> {
    (
        any::<u64>(),
        any::<bool>(),
        prop_oneof![
            Just(Ignore::Off),
            Just(Ignore::InRange),
            Just(Ignore::OutOfRange)
        ],
        prop_oneof![Just(0.0), Just(0.1), 0.0..=1.0, Just(1.0)],
        prop_oneof![Just(1.0), Just(0.5), Just(3.0), 0.2f64..4.0],
        any::<bool>(),
        any::<bool>(),
        prop_oneof![
            2 => Just(Input::Logits),
            1 => Just(Input::LogProbabilities),
            1 => Just(Input::Probabilities)
        ],
    )
        .prop_map(
            |(seed, weight, ignore, smoothing, temperature, sum, probs, input)| CeOptions {
                seed,
                weight,
                // Probability targets take no ignore_index.
                ignore: if probs { Ignore::Off } else { ignore },
                smoothing,
                temperature: if input == Input::Logits {
                    temperature
                } else {
                    1.0
                },
                sum,
                probs,
                input,
            },
        )
}

fn ce_strategy() -> impl Strategy<Value = CeCase> {
    (1usize..=6, 1usize..=7, options_strategy()).prop_map(|(batch, classes, o)| CeCase {
        batch,
        classes,
        o,
    })
}

fn ce_nd_strategy() -> impl Strategy<Value = CeNdCase> {
    (
        [1usize..=4, 1usize..=4, 1usize..=4],
        0usize..3,
        options_strategy(),
    )
        .prop_map(|(shape, axis, o)| CeNdCase { shape, axis, o })
}

/// Class indices or probabilities.
#[derive(Clone, Debug, PartialEq)]
enum Tg<A> {
    Classes(ArrayD<usize>),
    Probs(ArrayD<A>),
}

impl<A: TestFloat> Tg<A> {
    fn get(&self) -> Targets<'_, A> {
        match self {
            Tg::Classes(t) => Targets::Classes(t.view()),
            Tg::Probs(q) => Targets::Probabilities(q.view()),
        }
    }
}

/// One cross-entropy problem, in `A`.
#[derive(Clone, Debug)]
struct CeData<A> {
    x: ArrayD<A>,
    targets: Tg<A>,
    weight: Option<Vec<A>>,
    ignore: Option<usize>,
    axis: usize,
}

/// Data for logits of `shape` with the classes on `axis`, drawn from `o.seed`.
fn ce_data<A: TestFloat>(o: &CeOptions, shape: &[usize], axis: usize) -> CeData<A> {
    let mut rng = SplitMix(o.seed);
    let classes = shape[axis];
    let (lo, hi) = match o.input {
        Input::Logits => (-4.0, 4.0),
        Input::LogProbabilities => (-6.0, 0.0),
        Input::Probabilities => (0.05, 0.95),
    };
    let x = ArrayD::from_shape_simple_fn(IxDyn(shape), || A::of(rng.uniform(lo, hi)));
    let weight = o
        .weight
        .then(|| (0..classes).map(|_| A::of(rng.uniform(0.1, 2.0))).collect());
    let ignore = match o.ignore {
        Ignore::Off => None,
        Ignore::InRange => Some(rng.below(classes)),
        Ignore::OutOfRange => Some(classes + 3),
    };
    let targets = if o.probs {
        // Rows (lanes along the class axis) normalised to sum to 1.
        let mut q = ArrayD::from_shape_simple_fn(IxDyn(shape), || rng.unit());
        for mut lane in q.lanes_mut(Axis(axis)) {
            let total: f64 = lane.sum();
            lane.mapv_inplace(|v| v / total);
        }
        Tg::Probs(q.mapv(A::of))
    } else {
        let mut outer = shape.to_vec();
        outer.remove(axis);
        Tg::Classes(ArrayD::from_shape_simple_fn(
            IxDyn(&outer),
            || match ignore {
                Some(i) if i < classes && rng.below(3) == 0 => i,
                _ => rng.below(classes),
            },
        ))
    };
    CeData {
        x,
        targets,
        weight,
        ignore,
        axis,
    }
}

fn builder<A: TestFloat>(o: &CeOptions, d: &CeData<A>, reduction: Reduction) -> CrossEntropy<A> {
    let mut ce = CrossEntropy::new()
        .input(o.input)
        .label_smoothing(A::of(o.smoothing))
        .temperature(A::of(o.temperature))
        .reduction(reduction)
        .class_axis(Axis(d.axis));
    if let Some(w) = &d.weight {
        ce = ce.weight(w.clone());
    }
    if let Some(i) = d.ignore {
        ce = ce.ignore_index(i);
    }
    ce
}

fn reduction_of(sum: bool) -> Reduction {
    if sum { Reduction::Sum } else { Reduction::Mean }
}

/// `Reduction::Mean`'s denominator: `Σ w_{yₙ}` over the samples not ignored for class targets,
/// the number of samples for probability targets.
fn ce_denominator<A: TestFloat>(d: &CeData<A>) -> f64 {
    match &d.targets {
        Tg::Classes(t) => t
            .iter()
            .filter(|&&y| Some(y) != d.ignore)
            .map(|&y| d.weight.as_ref().map_or(1.0, |w| w[y].wide()))
            .sum(),
        Tg::Probs(q) => (q.len() / q.shape()[d.axis]) as f64,
    }
}

/// The size of the terms of one gradient entry before the reduction's scale: `(A pᵢ + aᵢ) / T`
/// for logits, `aᵢ` for log-probabilities and `aᵢ / pᵢ` for probabilities, with
/// `aᵢ ≤ A ≤ max w` (probability targets sum to 1), so that a difference of gradients that
/// cancel to 0 is judged against what cancelled.
fn ce_grad_terms<A: TestFloat>(o: &CeOptions, d: &CeData<A>) -> f64 {
    let wmax = d
        .weight
        .as_ref()
        .map_or(1.0, |w| w.iter().fold(0.0, |m: f64, v| m.max(v.wide())));
    match o.input {
        Input::Logits => 2.0 * wmax / o.temperature,
        Input::LogProbabilities => wmax,
        Input::Probabilities => wmax / d.x.iter().fold(1.0, |m: f64, v| m.min(v.wide())),
    }
}

fn max_abs<'a, A: TestFloat>(v: impl IntoIterator<Item = &'a A>) -> f64 {
    v.into_iter().fold(0.0, |m, x| m.max(x.wide().abs()))
}

/// `|a − b| ≤ tol`, as a proptest failure with context otherwise.
fn near(what: &str, a: f64, b: f64, tol: f64) -> Result<(), TestCaseError> {
    prop_assert!(
        a == b || (a - b).abs() <= tol,
        "{what}: {a:e} vs {b:e} (difference {:e}, allowed {tol:e})",
        (a - b).abs()
    );
    Ok(())
}

fn near_all<'a, 'b, A: TestFloat>(
    what: &str,
    a: impl IntoIterator<Item = &'a A>,
    b: impl IntoIterator<Item = &'b A>,
    tol: f64,
) -> Result<(), TestCaseError> {
    let (a, b): (Vec<f64>, Vec<f64>) = (
        a.into_iter().map(|v| v.wide()).collect(),
        b.into_iter().map(|v| v.wide()).collect(),
    );
    prop_assert_eq!(a.len(), b.len(), "{}: lengths", what);
    for (i, (&x, &y)) in a.iter().zip(&b).enumerate() {
        near(&format!("{what}[{i}]"), x, y, tol)?;
    }
    Ok(())
}

/// Central differences of `f` at `x`, entry by entry, against `grad`.
fn check_fd(
    what: &str,
    x: &ArrayD<f64>,
    grad: &ArrayD<f64>,
    f: impl Fn(&ArrayD<f64>) -> f64,
) -> Result<(), TestCaseError> {
    prop_assert_eq!(x.shape(), grad.shape());
    for (idx, &g) in grad.indexed_iter() {
        let mut up = x.clone();
        up[&idx] += FD_STEP;
        let mut dn = x.clone();
        dn[&idx] -= FD_STEP;
        let fd = (f(&up) - f(&dn)) / (2.0 * FD_STEP);
        prop_assert!(
            (fd - g).abs() <= FD_TOL * (1.0 + g.abs()),
            "{what}: d/dx{:?}: analytic {g:e}, finite difference {fd:e}",
            idx.slice()
        );
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Cross-entropy properties
// ---------------------------------------------------------------------------

fn ce_gradient_fd(c: &CeCase) -> Result<(), TestCaseError> {
    let d = ce_data::<f64>(&c.o, &[c.batch, c.classes], 1);
    let ce = builder(&c.o, &d, reduction_of(c.o.sum));
    let (_, grad) = ce.loss_and_grad(&d.x, d.targets.get()).unwrap();
    check_fd(&format!("{c:?}"), &d.x, &grad, |x| {
        ce.loss(x, d.targets.get()).unwrap()
    })
}

/// N-d logits with the classes on axis k give the 2-D result of the same data with that axis
/// moved last and the others flattened into the batch.
fn ce_class_axis<A: TestFloat>(c: &CeNdCase) -> Result<(), TestCaseError> {
    let d = ce_data::<A>(&c.o, &c.shape, c.axis);
    let reduction = reduction_of(c.o.sum);
    let ce = builder(&c.o, &d, reduction);
    let (loss, grad) = ce.loss_and_grad(&d.x, d.targets.get()).unwrap();
    let per = ce.per_sample(&d.x, d.targets.get()).unwrap();

    let mut perm: Vec<usize> = (0..3).filter(|&k| k != c.axis).collect();
    perm.push(c.axis);
    let classes = c.shape[c.axis];
    let rows = d.x.len() / classes;
    let flat = |a: &ArrayD<A>| {
        let p = a.view().permuted_axes(perm.clone());
        Array2::from_shape_vec((rows, classes), p.iter().copied().collect()).unwrap()
    };
    let x2 = flat(&d.x);
    let d2 = CeData {
        x: x2.clone().into_dyn(),
        targets: match &d.targets {
            Tg::Classes(t) => Tg::Classes(Array1::from_iter(t.iter().copied()).into_dyn()),
            Tg::Probs(q) => Tg::Probs(flat(q).into_dyn()),
        },
        weight: d.weight.clone(),
        ignore: d.ignore,
        axis: 1,
    };
    let ce2 = builder(&c.o, &d2, reduction);
    let (loss2, grad2) = ce2.loss_and_grad(&x2, d2.targets.get()).unwrap();
    let per2 = ce2.per_sample(&x2, d2.targets.get()).unwrap();

    let eps = A::EPS;
    let zmax = 1.0 + max_abs(d.x.iter()) / c.o.temperature;
    let what = format!("{} {c:?}", A::NAME);
    near(
        &format!("{what}: loss"),
        loss.wide(),
        loss2.wide(),
        PATH_REL * eps * (1.0 + loss.wide().abs()) * zmax,
    )?;
    // per_sample has the logits' shape without the class axis, in the order of the others.
    let mut outer = c.shape.to_vec();
    outer.remove(c.axis);
    prop_assert_eq!(per.shape(), outer.as_slice());
    near_all(
        &format!("{what}: per_sample"),
        per.iter(),
        per2.iter(),
        PATH_REL * eps * (1.0 + max_abs(per2.iter())) * zmax,
    )?;
    prop_assert_eq!(grad.shape(), d.x.shape());
    let gtol = PATH_REL * eps * (1.0 + max_abs(grad2.iter())) * zmax;
    near_all(
        &format!("{what}: grad"),
        flat(&grad).iter(),
        grad2.iter(),
        gtol,
    )?;
    // The same through `_into`, whose buffer has the N-d shape.
    let mut buf = ArrayD::from_elem(IxDyn(&c.shape), A::of(7.0));
    let into = ce
        .loss_and_grad_into(&d.x, d.targets.get(), &mut buf)
        .unwrap();
    prop_assert_eq!(into.wide(), loss.wide());
    prop_assert!(buf == grad, "{}: _into gradient differs", what);
    Ok(())
}

/// Class indices against the matching one-hot probabilities, with smoothing: both put the weight
/// `aᵢ = wᵢ ((1 − ε) [i = y] + ε/C)` on each class. Mean divides by `Σ w_{yₙ}` for class targets
/// and by `N` for probabilities, so Sum is compared always and Mean without weights.
fn ce_classes_match_one_hot<A: TestFloat>(c: &CeCase) -> Result<(), TestCaseError> {
    let mut o = c.o.clone();
    o.probs = false;
    o.ignore = Ignore::Off;
    let d = ce_data::<A>(&o, &[c.batch, c.classes], 1);
    let Tg::Classes(t) = &d.targets else {
        unreachable!()
    };
    let mut q = Array2::<A>::zeros((c.batch, c.classes));
    for (n, &y) in t.iter().enumerate() {
        q[[n, y]] = A::one();
    }
    let dq = CeData {
        targets: Tg::Probs(q.into_dyn()),
        ..d.clone()
    };
    let zmax = 1.0 + max_abs(d.x.iter()) / o.temperature;
    let eps = A::EPS;
    let mut reductions = vec![Reduction::Sum];
    if d.weight.is_none() {
        reductions.push(Reduction::Mean);
    }
    for reduction in reductions {
        let what = format!("{} {reduction:?} {c:?}", A::NAME);
        let ce = builder(&o, &d, reduction);
        let (l1, g1) = ce.loss_and_grad(&d.x, d.targets.get()).unwrap();
        let (l2, g2) = ce.loss_and_grad(&dq.x, dq.targets.get()).unwrap();
        near(
            &format!("{what}: loss"),
            l1.wide(),
            l2.wide(),
            PATH_REL * eps * (1.0 + l1.wide().abs()) * zmax,
        )?;
        near_all(
            &format!("{what}: grad"),
            g1.iter(),
            g2.iter(),
            PATH_REL * eps * (1.0 + max_abs(g1.iter())) * zmax,
        )?;
        let p1 = ce.per_sample(&d.x, d.targets.get()).unwrap();
        let p2 = ce.per_sample(&dq.x, dq.targets.get()).unwrap();
        near_all(
            &format!("{what}: per_sample"),
            p1.iter(),
            p2.iter(),
            PATH_REL * eps * (1.0 + max_abs(p1.iter())) * zmax,
        )?;
    }
    Ok(())
}

/// per_sample sums to `Reduction::Sum`; Mean is Sum over the right denominator (0 where that is
/// 0); the mean's gradient is the sum's over the denominator; losses are ≥ 0.
fn ce_reductions<A: TestFloat>(c: &CeCase) -> Result<(), TestCaseError> {
    let d = ce_data::<A>(&c.o, &[c.batch, c.classes], 1);
    let what = format!("{} {c:?}", A::NAME);
    let eps = A::EPS;
    let sum_ce = builder(&c.o, &d, Reduction::Sum);
    let mean_ce = builder(&c.o, &d, Reduction::Mean);
    let per = sum_ce.per_sample(&d.x, d.targets.get()).unwrap();
    let (sum, gsum) = sum_ce.loss_and_grad(&d.x, d.targets.get()).unwrap();
    let (mean, gmean) = mean_ce.loss_and_grad(&d.x, d.targets.get()).unwrap();
    prop_assert_eq!(per.shape(), &[c.batch]);
    let total: f64 = per.iter().map(|v| v.wide()).sum();
    let abs_total: f64 = per.iter().map(|v| v.wide().abs()).sum();
    near(
        &format!("{what}: Σ per_sample vs Sum"),
        total,
        sum.wide(),
        REDUCE_REL * eps * abs_total,
    )?;
    prop_assert_eq!(
        sum_ce.loss(&d.x, d.targets.get()).unwrap().wide(),
        sum.wide()
    );
    let denom = ce_denominator(&d);
    let (want_mean, scale) = if denom == 0.0 {
        (0.0, 0.0)
    } else {
        (sum.wide() / denom, 1.0 / denom)
    };
    near(
        &format!("{what}: Mean vs Sum / {denom}"),
        mean.wide(),
        want_mean,
        REDUCE_REL * eps * want_mean.abs(),
    )?;
    let want_g: Vec<A> = gsum.iter().map(|g| A::of(g.wide() * scale)).collect();
    near_all(
        &format!("{what}: Mean gradient vs Sum gradient / {denom}"),
        gmean.iter(),
        want_g.iter(),
        REDUCE_REL * eps * scale * ce_grad_terms(&c.o, &d),
    )?;
    // −Σ aᵢ log pᵢ with aᵢ ≥ 0 and log pᵢ ≤ 0 (logits; log-probabilities drawn ≤ 0;
    // probabilities ≤ 1).
    for (n, l) in per.iter().enumerate() {
        let l = l.wide();
        prop_assert!(
            l >= -NONNEG_SLACK * eps * (1.0 + l.abs()),
            "{}: per_sample[{}] = {} < 0",
            what,
            n,
            l
        );
    }
    prop_assert!(sum.wide() >= -NONNEG_SLACK * eps * (1.0 + abs_total));
    prop_assert!(mean.wide() >= -NONNEG_SLACK * eps * (1.0 + abs_total));
    Ok(())
}

/// A batch whose targets are all ignored: loss 0 and gradient 0 (PyTorch gives NaN for the mean).
fn ce_all_ignored<A: TestFloat>(c: &CeCase) -> Result<(), TestCaseError> {
    let mut o = c.o.clone();
    o.probs = false;
    o.ignore = Ignore::InRange;
    let mut d = ce_data::<A>(&o, &[c.batch, c.classes], 1);
    let ignored = d.ignore.unwrap();
    d.targets = Tg::Classes(ArrayD::from_elem(IxDyn(&[c.batch]), ignored));
    for reduction in [Reduction::Mean, Reduction::Sum] {
        let ce = builder(&o, &d, reduction);
        let what = format!("{} {reduction:?} {c:?}", A::NAME);
        let (loss, grad) = ce.loss_and_grad(&d.x, d.targets.get()).unwrap();
        prop_assert_eq!(loss.wide(), 0.0, "{}", what);
        prop_assert_eq!(
            ce.loss(&d.x, d.targets.get()).unwrap().wide(),
            0.0,
            "{}",
            what
        );
        prop_assert!(
            grad.iter().all(|g| g.wide() == 0.0),
            "{}: grad {}",
            what,
            grad
        );
        let (per, pgrad) = ce.per_sample_and_grad(&d.x, d.targets.get()).unwrap();
        prop_assert!(
            per.iter().all(|l| l.wide() == 0.0),
            "{}: per_sample {}",
            what,
            per
        );
        prop_assert!(
            pgrad.iter().all(|g| g.wide() == 0.0),
            "{}: grad {}",
            what,
            pgrad
        );
        let mut buf = Array2::from_elem((c.batch, c.classes), A::of(7.0)).into_dyn();
        let into = ce
            .loss_and_grad_into(&d.x, d.targets.get(), &mut buf)
            .unwrap();
        prop_assert_eq!(into.wide(), 0.0, "{}", what);
        prop_assert!(
            buf.iter().all(|g| g.wide() == 0.0),
            "{}: _into grad {}",
            what,
            buf
        );
    }
    Ok(())
}

/// `loss_and_grad_into` writes the gradient of `loss_and_grad` into a contiguous, a stepped and
/// a transposed buffer, touching nothing else; `per_sample_and_grad` gives the Sum gradient;
/// no input is modified.
fn ce_paths<A: TestFloat>(c: &CeCase) -> Result<(), TestCaseError> {
    let d = ce_data::<A>(&c.o, &[c.batch, c.classes], 1);
    let before = d.clone();
    let what = format!("{} {c:?}", A::NAME);
    let ce = builder(&c.o, &d, reduction_of(c.o.sum));
    let x = d.x.clone().into_dimensionality::<Ix2>().expect("two axes");
    let (loss, grad) = ce.loss_and_grad(&x, d.targets.get()).unwrap();
    let sentinel = A::of(-7.25);

    let mut plain = Array2::from_elem((c.batch, c.classes), sentinel);
    let l = ce
        .loss_and_grad_into(&x, d.targets.get(), &mut plain)
        .unwrap();
    prop_assert_eq!(l.wide(), loss.wide(), "{}: contiguous", what);
    prop_assert!(
        plain == grad,
        "{}: contiguous buffer {} vs {}",
        what,
        plain,
        grad
    );

    let mut wide_buf = Array2::from_elem((c.batch, 2 * c.classes), sentinel);
    {
        let mut stepped = wide_buf.slice_mut(s![.., ..;2]);
        let l = ce
            .loss_and_grad_into(&x, d.targets.get(), &mut stepped)
            .unwrap();
        prop_assert_eq!(l.wide(), loss.wide(), "{}: stepped", what);
        prop_assert!(
            stepped == grad,
            "{}: stepped buffer {} vs {}",
            what,
            stepped,
            grad
        );
    }
    prop_assert!(
        wide_buf.slice(s![.., 1..;2]).iter().all(|&v| v == sentinel),
        "{}: the stepped buffer's gaps were written",
        what
    );

    let mut column_major = Array2::from_elem((c.batch, c.classes).f(), sentinel);
    let l = ce
        .loss_and_grad_into(&x, d.targets.get(), &mut column_major)
        .unwrap();
    prop_assert_eq!(l.wide(), loss.wide(), "{}: column-major", what);
    prop_assert!(column_major == grad, "{}: column-major buffer", what);

    let mut transposed_store = Array2::from_elem((c.classes, c.batch), sentinel);
    {
        let mut transposed = transposed_store.view_mut().reversed_axes();
        let l = ce
            .loss_and_grad_into(&x, d.targets.get(), &mut transposed)
            .unwrap();
        prop_assert_eq!(l.wide(), loss.wide(), "{}: transposed", what);
        prop_assert!(transposed == grad, "{}: transposed buffer", what);
    }

    // Transposed logits (a non-standard layout) give the same answers.
    let xt_store = x.t().to_owned();
    let xt = xt_store.t();
    let (lt, gt) = ce.loss_and_grad(&xt, d.targets.get()).unwrap();
    prop_assert_eq!(lt.wide(), loss.wide(), "{}: transposed logits", what);
    prop_assert!(gt == grad, "{}: transposed logits' gradient", what);

    let sum_ce = builder(&c.o, &d, Reduction::Sum);
    let (_, gsum) = sum_ce.loss_and_grad(&x, d.targets.get()).unwrap();
    let (per, gper) = ce.per_sample_and_grad(&x, d.targets.get()).unwrap();
    prop_assert!(
        gper == gsum,
        "{}: per_sample_and_grad gradient {} vs Sum's {}",
        what,
        gper,
        gsum
    );
    let per_only = ce.per_sample(&x, d.targets.get()).unwrap();
    prop_assert!(per == per_only, "{}: per_sample_and_grad losses", what);

    prop_assert_eq!(&d.x, &before.x, "{}: logits modified", what);
    prop_assert_eq!(&d.targets, &before.targets, "{}: targets modified", what);
    prop_assert_eq!(&d.weight, &before.weight, "{}: weight modified", what);
    Ok(())
}

// ---------------------------------------------------------------------------
// Binary losses and KL: cases
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Bce,
    Logits,
    Focal,
    Kl,
}

#[derive(Clone, Copy, Debug)]
enum WeightShape {
    Absent,
    /// One per column, broadcast over the rows.
    Row,
    /// One per row (`[rows, 1]`), broadcast over the columns.
    Column,
    /// The input's shape.
    Full,
}

#[derive(Clone, Debug)]
struct BinCase {
    kind: Kind,
    rows: usize,
    cols: usize,
    seed: u64,
    weight: WeightShape,
    pos_weight: bool,
    alpha: Option<f64>,
    gamma: f64,
    log_target: bool,
    sum: bool,
}

fn bin_strategy() -> impl Strategy<Value = BinCase> {
    (
        prop_oneof![
            Just(Kind::Bce),
            Just(Kind::Logits),
            Just(Kind::Focal),
            Just(Kind::Kl)
        ],
        1usize..=6,
        1usize..=7,
        any::<u64>(),
        prop_oneof![
            Just(WeightShape::Absent),
            Just(WeightShape::Row),
            Just(WeightShape::Column),
            Just(WeightShape::Full)
        ],
        any::<bool>(),
        prop::option::of(0.0f64..=1.0),
        prop_oneof![Just(0.0), Just(0.5), Just(1.0), Just(2.0), 0.0f64..4.0],
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(kind, rows, cols, seed, weight, pos_weight, alpha, gamma, log_target, sum)| BinCase {
                kind,
                rows,
                cols,
                seed,
                weight,
                pos_weight,
                alpha,
                gamma,
                log_target,
                sum,
            },
        )
}

/// The four losses behind one interface.
enum Bin<A> {
    Bce(BinaryCrossEntropy<A>),
    Logits(BinaryCrossEntropyWithLogits<A>),
    Focal(SigmoidFocalLoss<A>),
    Kl(KlDiv),
}

type R<T> = logits::Result<T>;

impl<A: TestFloat> Bin<A> {
    fn loss(&self, x: &ArrayRef<A, Ix2>, y: &ArrayRef<A, Ix2>) -> R<A> {
        match self {
            Bin::Bce(l) => l.loss(x, y),
            Bin::Logits(l) => l.loss(x, y),
            Bin::Focal(l) => l.loss(x, y),
            Bin::Kl(l) => l.loss(x, y),
        }
    }

    fn loss_and_grad(&self, x: &ArrayRef<A, Ix2>, y: &ArrayRef<A, Ix2>) -> R<(A, Array2<A>)> {
        match self {
            Bin::Bce(l) => l.loss_and_grad(x, y),
            Bin::Logits(l) => l.loss_and_grad(x, y),
            Bin::Focal(l) => l.loss_and_grad(x, y),
            Bin::Kl(l) => l.loss_and_grad(x, y),
        }
    }

    fn per_sample(&self, x: &ArrayRef<A, Ix2>, y: &ArrayRef<A, Ix2>) -> R<Array2<A>> {
        match self {
            Bin::Bce(l) => l.per_sample(x, y),
            Bin::Logits(l) => l.per_sample(x, y),
            Bin::Focal(l) => l.per_sample(x, y),
            Bin::Kl(l) => l.per_sample(x, y),
        }
    }

    /// `None` for KL, which has no such method.
    fn per_sample_and_grad(
        &self,
        x: &ArrayRef<A, Ix2>,
        y: &ArrayRef<A, Ix2>,
    ) -> Option<R<(Array2<A>, Array2<A>)>> {
        match self {
            Bin::Bce(l) => Some(l.per_sample_and_grad(x, y)),
            Bin::Logits(l) => Some(l.per_sample_and_grad(x, y)),
            Bin::Focal(l) => Some(l.per_sample_and_grad(x, y)),
            Bin::Kl(_) => None,
        }
    }

    /// `None` for KL, which has no such method.
    fn loss_and_grad_into(
        &self,
        x: &ArrayRef<A, Ix2>,
        y: &ArrayRef<A, Ix2>,
        g: &mut ArrayRef<A, Ix2>,
    ) -> Option<R<A>> {
        match self {
            Bin::Bce(l) => Some(l.loss_and_grad_into(x, y, g)),
            Bin::Logits(l) => Some(l.loss_and_grad_into(x, y, g)),
            Bin::Focal(l) => Some(l.loss_and_grad_into(x, y, g)),
            Bin::Kl(_) => None,
        }
    }
}

#[derive(Clone, Debug)]
struct BinData<A> {
    x: Array2<A>,
    y: Array2<A>,
    weight: Option<ArrayD<A>>,
    pos_weight: Option<Vec<A>>,
}

fn bin_data<A: TestFloat>(c: &BinCase) -> BinData<A> {
    let mut rng = SplitMix(c.seed);
    let (r, k) = (c.rows, c.cols);
    let (lo, hi) = match c.kind {
        Kind::Bce => (0.05, 0.95),
        Kind::Logits | Kind::Focal => (-6.0, 6.0),
        Kind::Kl => (-6.0, 0.0),
    };
    let x = Array2::from_shape_simple_fn((r, k), || A::of(rng.uniform(lo, hi)));
    let y = Array2::from_shape_simple_fn((r, k), || {
        let v = match (c.kind, c.log_target) {
            (Kind::Kl, true) => rng.uniform(-6.0, 0.0),
            _ => match rng.below(3) {
                0 => 0.0,
                1 => 1.0,
                _ => rng.unit(),
            },
        };
        A::of(v)
    });
    let mut w = |n: usize| -> Vec<A> { (0..n).map(|_| A::of(rng.uniform(0.1, 2.0))).collect() };
    let weight = match (c.kind, c.weight) {
        (Kind::Focal | Kind::Kl, _) | (_, WeightShape::Absent) => None,
        (_, WeightShape::Row) => Some(Array1::from(w(k)).into_dyn()),
        (_, WeightShape::Column) => Some(Array2::from_shape_vec((r, 1), w(r)).unwrap().into_dyn()),
        (_, WeightShape::Full) => {
            Some(Array2::from_shape_vec((r, k), w(r * k)).unwrap().into_dyn())
        }
    };
    let pos_weight = (c.kind == Kind::Logits && c.pos_weight).then(|| w(k));
    BinData {
        x,
        y,
        weight,
        pos_weight,
    }
}

fn bin_loss<A: TestFloat>(c: &BinCase, d: &BinData<A>, reduction: Reduction) -> Bin<A> {
    match c.kind {
        Kind::Bce => {
            let mut l = BinaryCrossEntropy::new().reduction(reduction);
            if let Some(w) = &d.weight {
                l = l.weight(w.clone());
            }
            Bin::Bce(l)
        }
        Kind::Logits => {
            let mut l = BinaryCrossEntropyWithLogits::new().reduction(reduction);
            if let Some(w) = &d.weight {
                l = l.weight(w.clone());
            }
            if let Some(pw) = &d.pos_weight {
                l = l.pos_weight(pw.clone());
            }
            Bin::Logits(l)
        }
        Kind::Focal => {
            let l = SigmoidFocalLoss::new()
                .gamma(A::of(c.gamma))
                .reduction(reduction);
            Bin::Focal(match c.alpha {
                Some(a) => l.alpha(A::of(a)),
                None => l.without_alpha(),
            })
        }
        Kind::Kl => Bin::Kl(KlDiv::new().log_target(c.log_target).reduction(reduction)),
    }
}

// ---------------------------------------------------------------------------
// Binary losses and KL: properties
// ---------------------------------------------------------------------------

fn bin_gradient_fd(c: &BinCase) -> Result<(), TestCaseError> {
    let d = bin_data::<f64>(c);
    let l = bin_loss(c, &d, reduction_of(c.sum));
    let (_, grad) = l.loss_and_grad(&d.x, &d.y).unwrap();
    check_fd(
        &format!("{c:?}"),
        &d.x.clone().into_dyn(),
        &grad.into_dyn(),
        |x| {
            let x = x.view().into_dimensionality::<Ix2>().unwrap();
            l.loss(&x, &d.y).unwrap()
        },
    )
}

/// Reductions, non-negativity, `_into` layouts, `per_sample_and_grad`, untouched inputs.
fn bin_relations<A: TestFloat>(c: &BinCase) -> Result<(), TestCaseError> {
    let d = bin_data::<A>(c);
    let before = d.clone();
    let what = format!("{} {c:?}", A::NAME);
    let eps = A::EPS;
    let sum_l = bin_loss(c, &d, Reduction::Sum);
    let mean_l = bin_loss(c, &d, Reduction::Mean);
    let per = sum_l.per_sample(&d.x, &d.y).unwrap();
    prop_assert_eq!(per.dim(), d.x.dim());
    let (sum, gsum) = sum_l.loss_and_grad(&d.x, &d.y).unwrap();
    let (mean, gmean) = mean_l.loss_and_grad(&d.x, &d.y).unwrap();
    prop_assert_eq!(sum_l.loss(&d.x, &d.y).unwrap().wide(), sum.wide());
    prop_assert_eq!(mean_l.loss(&d.x, &d.y).unwrap().wide(), mean.wide());

    let total: f64 = per.iter().map(|v| v.wide()).sum();
    let abs_total: f64 = per.iter().map(|v| v.wide().abs()).sum();
    near(
        &format!("{what}: Σ per_sample vs Sum"),
        total,
        sum.wide(),
        REDUCE_REL * eps * abs_total,
    )?;
    // Mean: over every element, but over the batch (first axis) for KL ('batchmean').
    let denom = if c.kind == Kind::Kl {
        c.rows as f64
    } else {
        (c.rows * c.cols) as f64
    };
    near(
        &format!("{what}: Mean vs Sum / {denom}"),
        mean.wide(),
        sum.wide() / denom,
        REDUCE_REL * eps * abs_total / denom,
    )?;
    let want_g: Vec<A> = gsum.iter().map(|g| A::of(g.wide() / denom)).collect();
    near_all(
        &format!("{what}: Mean gradient vs Sum gradient / {denom}"),
        gmean.iter(),
        want_g.iter(),
        REDUCE_REL * eps * max_abs(want_g.iter()),
    )?;
    if c.kind != Kind::Kl {
        // Every element of BCE, BCE with logits and the focal loss is ≥ 0.
        prop_assert!(
            per.iter().all(|l| l.wide() >= 0.0),
            "{}: negative element loss in {}",
            what,
            per
        );
        prop_assert!(sum.wide() >= 0.0 && mean.wide() >= 0.0, "{}", what);
    }

    let l = bin_loss(c, &d, reduction_of(c.sum));
    let (loss, grad) = l.loss_and_grad(&d.x, &d.y).unwrap();
    let sentinel = A::of(-7.25);
    let (r, k) = (c.rows, c.cols);
    // Another layout may take another kernel (vectorised for contiguous data, scalar for
    // strided), so those results agree to a few ULPs of the largest entry, not bit for bit.
    let grad_tol = PATH_GRAD_REL * eps * max_abs(grad.iter());
    let gsum_tol = PATH_GRAD_REL * eps * max_abs(gsum.iter());
    let per_tol = PATH_GRAD_REL * eps * max_abs(per.iter());
    if let Some((per2, gper)) = l.per_sample_and_grad(&d.x, &d.y).map(Result::unwrap) {
        near_all(
            &format!("{what}: per_sample_and_grad gradient vs Sum's"),
            gper.iter(),
            gsum.iter(),
            gsum_tol,
        )?;
        near_all(
            &format!("{what}: per_sample_and_grad losses"),
            per2.iter(),
            per.iter(),
            per_tol,
        )?;

        let mut plain = Array2::from_elem((r, k), sentinel);
        let into = l
            .loss_and_grad_into(&d.x, &d.y, &mut plain)
            .unwrap()
            .unwrap();
        prop_assert_eq!(into.wide(), loss.wide(), "{}: contiguous", what);
        prop_assert!(plain == grad, "{}: contiguous buffer", what);

        let mut wide_buf = Array2::from_elem((r, 2 * k), sentinel);
        {
            let mut stepped = wide_buf.slice_mut(s![.., ..;2]);
            let into = l
                .loss_and_grad_into(&d.x, &d.y, &mut stepped)
                .unwrap()
                .unwrap();
            near(
                &format!("{what}: stepped loss"),
                into.wide(),
                loss.wide(),
                REDUCE_REL * eps * abs_total,
            )?;
            near_all(
                &format!("{what}: stepped buffer"),
                stepped.iter(),
                grad.iter(),
                grad_tol,
            )?;
        }
        prop_assert!(
            wide_buf.slice(s![.., 1..;2]).iter().all(|&v| v == sentinel),
            "{}: the stepped buffer's gaps were written",
            what
        );

        let mut store = Array2::from_elem((k, r), sentinel);
        let mut transposed = store.view_mut().reversed_axes();
        let into = l
            .loss_and_grad_into(&d.x, &d.y, &mut transposed)
            .unwrap()
            .unwrap();
        // The loss may be summed in another order when the layouts differ.
        near(
            &format!("{what}: transposed loss"),
            into.wide(),
            loss.wide(),
            REDUCE_REL * eps * abs_total,
        )?;
        near_all(
            &format!("{what}: transposed buffer"),
            transposed.iter(),
            grad.iter(),
            grad_tol,
        )?;
    }

    // Transposed inputs (a non-standard layout) give the same answers.
    let (xt, yt) = (d.x.t().to_owned(), d.y.t().to_owned());
    let (lt, gt) = l.loss_and_grad(&xt.t(), &yt.t()).unwrap();
    near(
        &format!("{what}: transposed inputs"),
        lt.wide(),
        loss.wide(),
        REDUCE_REL * eps * abs_total,
    )?;
    near_all(
        &format!("{what}: transposed inputs' gradient"),
        gt.iter(),
        grad.iter(),
        grad_tol,
    )?;

    prop_assert_eq!(&d.x, &before.x, "{}: input modified", what);
    prop_assert_eq!(&d.y, &before.y, "{}: target modified", what);
    Ok(())
}

/// KL(t ‖ q) ≥ 0 for normalised distributions, per row and in total, with and without
/// log-targets.
fn kl_nonnegative<A: TestFloat>(rows: usize, cols: usize, seed: u64) -> Result<(), TestCaseError> {
    let mut rng = SplitMix(seed);
    let a = Array2::from_shape_simple_fn((rows, cols), || A::of(rng.uniform(-5.0, 5.0)));
    let b = Array2::from_shape_simple_fn((rows, cols), || A::of(rng.uniform(-5.0, 5.0)));
    let log_q = log_softmax(&a, Axis(1));
    let t = softmax(&b, Axis(1));
    let log_t = log_softmax(&b, Axis(1));
    let eps = A::EPS;
    for (label, kl, target) in [
        ("probabilities", KlDiv::new(), &t),
        ("log-targets", KlDiv::new().log_target(true), &log_t),
    ] {
        let per = kl.per_sample(&log_q, target).unwrap();
        // Per row, Σ t (ln t − ln q) ≥ 0; its rounding error is a few eps of Σ |terms|.
        for (n, row) in per.rows().into_iter().enumerate() {
            let total: f64 = row.iter().map(|v| v.wide()).sum();
            let scale: f64 = target
                .row(n)
                .iter()
                .zip(log_q.row(n))
                .map(|(t, q)| {
                    let t = t.wide();
                    if label == "log-targets" {
                        t.exp() * (t.abs() + q.wide().abs())
                    } else {
                        t * (t.ln().abs() + q.wide().abs())
                    }
                })
                .sum();
            prop_assert!(
                total >= -NONNEG_SLACK * eps * (1.0 + scale) * cols as f64,
                "{} {}: row {} has KL {}",
                A::NAME,
                label,
                n,
                total
            );
        }
        let loss = kl.loss(&log_q, target).unwrap().wide();
        prop_assert!(
            loss >= -NONNEG_SLACK * eps * (rows * cols) as f64 * 10.0,
            "{} {}: KL {}",
            A::NAME,
            label,
            loss
        );
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(proptest_config(CASES))]

    #[test]
    fn cross_entropy_gradient_matches_finite_differences(c in ce_strategy()) {
        ce_gradient_fd(&c)?;
    }

    #[test]
    fn class_axis_equals_2d_with_the_axis_moved_last(c in ce_nd_strategy()) {
        ce_class_axis::<f32>(&c)?;
        ce_class_axis::<f64>(&c)?;
    }

    #[test]
    fn class_targets_equal_one_hot_probabilities(c in ce_strategy()) {
        ce_classes_match_one_hot::<f32>(&c)?;
        ce_classes_match_one_hot::<f64>(&c)?;
    }

    #[test]
    fn cross_entropy_reductions_and_sign(c in ce_strategy()) {
        ce_reductions::<f32>(&c)?;
        ce_reductions::<f64>(&c)?;
    }

    #[test]
    fn all_ignored_batch_has_loss_and_gradient_zero(c in ce_strategy()) {
        ce_all_ignored::<f32>(&c)?;
        ce_all_ignored::<f64>(&c)?;
    }

    #[test]
    fn cross_entropy_into_per_sample_and_untouched_inputs(c in ce_strategy()) {
        ce_paths::<f32>(&c)?;
        ce_paths::<f64>(&c)?;
    }

    #[test]
    fn binary_and_kl_gradients_match_finite_differences(c in bin_strategy()) {
        bin_gradient_fd(&c)?;
    }

    #[test]
    fn binary_and_kl_reductions_layouts_and_untouched_inputs(c in bin_strategy()) {
        bin_relations::<f32>(&c)?;
        bin_relations::<f64>(&c)?;
    }

    #[test]
    fn kl_of_normalised_distributions_is_nonnegative(
        rows in 1usize..=6,
        cols in 1usize..=7,
        seed in any::<u64>(),
    ) {
        kl_nonnegative::<f32>(rows, cols, seed)?;
        kl_nonnegative::<f64>(rows, cols, seed)?;
    }
}

// ---------------------------------------------------------------------------
// Deterministic checks of the helpers above (so a broken helper cannot pass vacuously)
// ---------------------------------------------------------------------------

#[test]
fn finite_difference_helper_rejects_a_wrong_gradient() {
    let x = ndarray::array![[0.5_f64, -1.0]].into_dyn();
    let right = ndarray::array![[1.0_f64, -2.0]].into_dyn();
    let wrong = ndarray::array![[1.0_f64, -1.9]].into_dyn();
    let f = |x: &ArrayD<f64>| x.iter().map(|v| v * v).sum::<f64>();
    assert!(check_fd("right", &x, &right, f).is_ok());
    assert!(check_fd("wrong", &x, &wrong, f).is_err());
}

#[test]
fn ce_data_honours_the_options() {
    let o = CeOptions {
        seed: 3,
        weight: true,
        ignore: Ignore::InRange,
        smoothing: 0.0,
        temperature: 1.0,
        sum: false,
        probs: false,
        input: Input::Logits,
    };
    let d = ce_data::<f64>(&o, &[6, 4, 3], 1);
    assert_eq!(d.x.shape(), &[6, 4, 3]);
    assert_eq!(d.weight.as_ref().map(Vec::len), Some(4));
    assert!(d.ignore.is_some_and(|i| i < 4));
    let Tg::Classes(t) = &d.targets else {
        panic!("class targets expected")
    };
    assert_eq!(t.shape(), &[6, 3]);
    assert!(t.iter().all(|&y| y < 4));
    let probs = ce_data::<f64>(
        &CeOptions {
            probs: true,
            ..o.clone()
        },
        &[2, 5],
        1,
    );
    let Tg::Probs(q) = &probs.targets else {
        panic!("probability targets expected")
    };
    for row in q.lanes(Axis(1)) {
        assert!((row.sum() - 1.0).abs() < 1e-12);
    }
    assert_eq!(q.shape(), &[2, 5]);
}
