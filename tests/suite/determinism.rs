//! Determinism: a lane's result is the same bits whether it is computed alone, in a batch of any
//! size, or beside any neighbours, on whichever instruction set runs (CI runs the suite on each).
//! Short rows (up to 48 classes) are computed across rows, many per vector; longer ones along
//! the row: both must give a row the same bits wherever it sits.

use logits::{CrossEntropy, Float, log_softmax, logsumexp, softmax};
use ndarray::{Array1, Array2, ArrayView2, Axis, s};

use crate::harness::SplitMix;

/// `n` rows of `len`: uniform in [−20, 20], some entries −inf, and (where `edges`) a row with
/// +inf, a row of −inf only and a row with NaN.
fn rows<A: Float>(n: usize, len: usize, seed: u64, edges: bool) -> Array2<A> {
    let mut rng = SplitMix(seed);
    let mut x = Array2::from_shape_fn((n, len), |_| {
        if rng.uniform(0.0, 1.0) < 0.05 {
            A::neg_infinity()
        } else {
            of::<A>(rng.uniform(-20.0, 20.0))
        }
    });
    if edges && n > 7 {
        x[[2, len / 2]] = A::infinity();
        x.row_mut(4).fill(A::neg_infinity());
        x[[7, len - 1]] = A::nan();
    }
    x
}

fn of<A: Float>(v: f64) -> A {
    num_traits::cast(v).expect("representable")
}

fn same_bits<A: Float>(a: A, b: A) -> bool {
    a == b && a.is_sign_negative() == b.is_sign_negative() || (a.is_nan() && b.is_nan())
}

fn assert_rows_equal<A: Float>(got: &ArrayView2<A>, want: &ArrayView2<A>, what: &str) {
    for (i, (g, w)) in got.rows().into_iter().zip(want.rows()).enumerate() {
        for (j, (&g, &w)) in g.iter().zip(w.iter()).enumerate() {
            assert!(
                same_bits(g, w),
                "{what}: row {i} entry {j}: {g:?} here, {w:?} in the whole batch"
            );
        }
    }
}

/// A function of the batch, row by row.
type Op<A> = fn(&Array2<A>) -> Array2<A>;

/// The sub-batches each row is also computed in: alone, in pairs, and in blocks that start and
/// end at every offset a vector width could make matter.
const CUTS: [(usize, usize); 8] = [
    (0, 1),
    (5, 6),
    (36, 37),
    (3, 5),
    (1, 18),
    (16, 33),
    (9, 37),
    (0, 37),
];

fn check<A: Float>(what: &str) {
    for len in [
        1, 2, 3, 7, 10, 16, 17, 21, 31, 32, 33, 40, 47, 48, 49, 64, 100,
    ] {
        let x = rows::<A>(37, len, 1000 + len as u64, true);
        let ops: [(&str, Op<A>); 3] = [
            ("softmax", |x| softmax(x, Axis(1))),
            ("log_softmax", |x| log_softmax(x, Axis(1))),
            ("logsumexp", |x| logsumexp(x, Axis(1)).insert_axis(Axis(1))),
        ];
        for (name, op) in ops {
            let whole = op(&x);
            let what = format!("{what} {name}, rows of {len}");
            for (a, b) in CUTS {
                let part = op(&x.slice(s![a..b, ..]).to_owned());
                let what = format!("{what}, rows {a}..{b} alone");
                assert_rows_equal(&part.view(), &whole.slice(s![a..b, ..]), &what);
            }
            // Each row beside other neighbours: the batch reversed.
            let reversed = op(&x.slice(s![..;-1, ..]).to_owned());
            let what = format!("{what}, the batch reversed");
            assert_rows_equal(&reversed.slice(s![..;-1, ..]), &whole.view(), &what);
        }
        // A lone row as a 1-D array.
        for i in [0, 2, 4, 7, 36] {
            let row: Array1<A> = x.row(i).to_owned();
            let got = [softmax(&row, Axis(0)), log_softmax(&row, Axis(0))];
            let want = [softmax(&x, Axis(1)), log_softmax(&x, Axis(1))];
            for (g, w) in got.iter().zip(&want) {
                assert_rows_equal(
                    &g.view().insert_axis(Axis(0)),
                    &w.slice(s![i..=i, ..]),
                    &format!("{what} lone 1-D row {i} of {len}"),
                );
            }
        }
        // Cross-entropy and its gradient, per sample, on finite rows.
        let x = rows::<A>(37, len, 2000 + len as u64, false)
            .mapv(|v| if v.is_finite() { v } else { of::<A>(-30.0) });
        let targets: Vec<usize> = (0..37).map(|i| (i * 7) % len).collect();
        let ce = CrossEntropy::new();
        let (loss, grad) = ce.per_sample_and_grad(&x, &targets[..]).unwrap();
        let what = format!("{what} cross-entropy, rows of {len}");
        for (a, b) in CUTS {
            let (l, g) = ce
                .per_sample_and_grad(&x.slice(s![a..b, ..]), &targets[a..b])
                .unwrap();
            let what = format!("{what}, rows {a}..{b} alone");
            assert_rows_equal(
                &l.view().insert_axis(Axis(1)),
                &loss.slice(s![a..b]).insert_axis(Axis(1)),
                &what,
            );
            assert_rows_equal(&g.view(), &grad.slice(s![a..b, ..]), &what);
        }
    }
}

#[test]
fn rows_give_the_same_bits_alone_and_in_any_batch() {
    check::<f32>("f32");
    check::<f64>("f64");
}

/// Class axis 1 of `[2, len, 37]` (two blocks whose 37 columns are the lanes): each lane gives
/// the same bits in the whole array, in any slice of its columns, with the columns reversed, and,
/// up to 48 classes on a vector instruction set, as a row of a `[74, len]` array (the same
/// arithmetic, loaded by rows; a slice of one column is such a row). The scalar path computes a
/// row along it, so there the two layouts may round differently.
fn check_columns<A: Float>(what: &str) {
    use ndarray::{Array3, ArrayView3, Axis as Ax};
    type Op3<A> = fn(&Array3<A>, &ndarray::Array2<usize>) -> Array3<A>;
    let vector = logits::kernel_isa() != "scalar";
    let flat = |a: &ArrayView3<A>| {
        // [2, len, w] → [2·w, len], lane by lane.
        let p = a.view().permuted_axes([0, 2, 1]);
        let (b, w, l) = p.dim();
        Array2::from_shape_vec((b * w, l), p.iter().copied().collect()).unwrap()
    };
    for len in [1, 2, 3, 10, 17, 21, 32, 33, 48, 49, 64] {
        let rows2 = rows::<A>(74, len, 3000 + len as u64, true);
        let x = Array3::from_shape_vec((2, 37, len), rows2.iter().copied().collect())
            .unwrap()
            .permuted_axes([0, 2, 1])
            .as_standard_layout()
            .into_owned();
        let targets = ndarray::Array2::from_shape_fn((2, 37), |(b, j)| (b * 37 + j * 7) % len);
        let ce = CrossEntropy::new().class_axis(Ax(1));
        let ops: [(&str, Op3<A>); 4] = [
            ("softmax", |x, _| softmax(x, Ax(1))),
            ("log_softmax", |x, _| log_softmax(x, Ax(1))),
            ("logsumexp", |x, _| logsumexp(x, Ax(1)).insert_axis(Ax(1))),
            ("cross-entropy gradient", |x, t| {
                CrossEntropy::new()
                    .class_axis(Ax(1))
                    .per_sample_and_grad(x, t)
                    .unwrap()
                    .1
            }),
        ];
        let finite = x.mapv(|v| if v.is_finite() { v } else { of::<A>(-30.0) });
        for (name, op) in ops {
            let x = if name.starts_with("cross") {
                &finite
            } else {
                &x
            };
            let whole = op(x, &targets);
            let what = format!("{what} {name}, class axis 1, {len} classes");
            for (a, b) in CUTS {
                if b - a == 1 && (len > 48 || !vector) {
                    // One column is laid out as a row, which takes the row kernel beyond 48
                    // classes (and on the scalar path).
                    continue;
                }
                let part = op(
                    &x.slice(s![.., .., a..b]).to_owned(),
                    &targets.slice(s![.., a..b]).to_owned(),
                );
                let w = whole.slice(s![.., .., a..b]);
                let what = format!("{what}, columns {a}..{b} alone");
                assert_rows_equal(&flat(&part.view()).view(), &flat(&w).view(), &what);
            }
            // In C order: a reversed view's copy keeps its negative stride.
            let reversed = op(
                &x.slice(s![.., .., ..;-1]).as_standard_layout().into_owned(),
                &targets
                    .slice(s![.., ..;-1])
                    .as_standard_layout()
                    .into_owned(),
            );
            let what_r = format!("{what}, the columns reversed");
            assert_rows_equal(
                &flat(&reversed.slice(s![.., .., ..;-1])).view(),
                &flat(&whole.view()).view(),
                &what_r,
            );
        }
        // Per-sample losses: the same through any slice, and as rows up to 48 classes.
        let (loss, grad) = ce.per_sample_and_grad(&finite, &targets).unwrap();
        for (a, b) in CUTS {
            if b - a == 1 && (len > 48 || !vector) {
                continue;
            }
            let l = ce
                .per_sample(
                    &finite.slice(s![.., .., a..b]).to_owned(),
                    &targets.slice(s![.., a..b]).to_owned(),
                )
                .unwrap();
            assert_rows_equal(
                &l.view(),
                &loss.slice(s![.., a..b]),
                &format!("{what} cross-entropy, class axis 1, {len} classes, columns {a}..{b}"),
            );
        }
        if len <= 48 && vector {
            let x2 = flat(&finite.view());
            let t2: Vec<usize> = targets.iter().copied().collect();
            let (l2, g2) = CrossEntropy::new()
                .per_sample_and_grad(&x2, &t2[..])
                .unwrap();
            let what = format!("{what} cross-entropy, {len} classes, axis 1 vs rows");
            assert_rows_equal(
                &loss.view().into_shape_with_order((74, 1)).unwrap(),
                &l2.view().insert_axis(Axis(1)),
                &what,
            );
            assert_rows_equal(&flat(&grad.view()).view(), &g2.view(), &what);
            let s2 = softmax(&flat(&x.view()), Axis(1));
            let s3 = softmax(&x, Ax(1));
            assert_rows_equal(&flat(&s3.view()).view(), &s2.view(), &what);
        }
    }
}

#[test]
fn columns_give_the_same_bits_alone_and_in_any_batch() {
    check_columns::<f32>("f32");
    check_columns::<f64>("f64");
}

/// Every method of a cross-entropy on logits `x` (the samples' lanes in the order `lanes` gives
/// them, as rows): the losses, then each lane's per-sample loss, and the gradients of
/// `loss_and_grad`, `per_sample_and_grad` and `loss_and_grad_into`, lane by lane.
fn every_method<A: Float, D: ndarray::RemoveAxis>(
    ce: &CrossEntropy<A>,
    x: &ndarray::Array<A, D>,
    targets: &logits::Targets<'_, A>,
    lanes: impl Fn(&ndarray::Array<A, D>) -> Array2<A>,
) -> (Vec<A>, Vec<A>, [Array2<A>; 3]) {
    let t = || targets.clone();
    let (loss, grad) = ce.loss_and_grad(x, t()).unwrap();
    let (per, per_grad) = ce.per_sample_and_grad(x, t()).unwrap();
    let mut into = x.mapv(|_| of::<A>(7.0));
    let into_loss = ce.loss_and_grad_into(x, t(), &mut into).unwrap();
    let losses = vec![loss, ce.loss(x, t()).unwrap(), into_loss];
    let mut each: Vec<A> = ce.per_sample(x, t()).unwrap().iter().copied().collect();
    each.extend(per.iter().copied());
    (losses, each, [lanes(&grad), lanes(&per_grad), lanes(&into)])
}

/// Cross-entropy along class axis 1 of `[2, len, w]` that is not computed by the column kernels
/// (more than 64 classes, probability targets, log-probability and probability inputs) lays
/// tiles of lanes out as rows in cache and runs the row kernels: every method gives the bits of
/// the same lanes as the rows of a `[2·w, len]` array, with weights, smoothing, a temperature,
/// ignored targets, non-finite logits, and widths across the tiles' (16 to 64 lanes).
fn check_tiles<A: Float>(what: &str) {
    use logits::{Input, Reduction, Targets};
    use ndarray::{Array3, Axis as Ax};
    // [2, len, w] → [2·w, len], lane by lane.
    let flat = |a: &Array3<A>| {
        let p = a.view().permuted_axes([0, 2, 1]);
        let (b, w, l) = p.dim();
        Array2::from_shape_vec((b * w, l), p.iter().copied().collect()).unwrap()
    };
    let cases = [
        (65, 37, Input::Logits, false),
        (300, 70, Input::Logits, false),
        (1000, 19, Input::Logits, false),
        (10, 131, Input::Logits, true),
        (100, 40, Input::Logits, true),
        (7, 70, Input::LogProbabilities, false),
        (70, 17, Input::Probabilities, true),
    ];
    for (len, w, input, soft) in cases {
        let lanes = rows::<A>(2 * w, len, 4000 + len as u64, input == Input::Logits);
        let lanes = match input {
            Input::Logits => lanes,
            Input::LogProbabilities => lanes.mapv(|v| -v.abs()),
            Input::Probabilities => log_softmax(&lanes, Axis(1)).mapv(num_traits::Float::exp),
        };
        let x = Array3::from_shape_vec((2, w, len), lanes.iter().copied().collect())
            .unwrap()
            .permuted_axes([0, 2, 1])
            .as_standard_layout()
            .into_owned();
        assert_rows_equal(&flat(&x).view(), &lanes.view(), "the layout");
        let q3 = softmax(&x.mapv(num_traits::Float::sin), Ax(1));
        let q2 = flat(&q3);
        let t2: Array1<usize> = (0..2 * w).map(|i| (i * 7) % (len + 1)).collect();
        let t3 = t2.clone().into_shape_with_order((2, w)).unwrap();
        let (targets2, targets3) = if soft {
            (
                Targets::Probabilities(q2.view().into_dyn()),
                Targets::Probabilities(q3.view().into_dyn()),
            )
        } else {
            (
                Targets::Classes(t2.view().into_dyn()),
                Targets::Classes(t3.view().into_dyn()),
            )
        };
        let weights: Vec<A> = (0..len).map(|k| of(0.5 + (k % 5) as f64 / 4.0)).collect();
        for reduction in [Reduction::Mean, Reduction::Sum] {
            let mut ce = CrossEntropy::new()
                .input(input)
                .weight(weights.clone())
                .label_smoothing(of(0.1))
                .reduction(reduction);
            if input == Input::Logits {
                ce = ce.temperature(of(1.5));
            }
            if !soft {
                // Targets of `len` are ignored.
                ce = ce.ignore_index(len);
            }
            let what = format!("{what} {input:?}, {len} classes, width {w}, {reduction:?}");
            let along = ce.clone().class_axis(Ax(1));
            let got = every_method(&along, &x, &targets3, flat);
            let want = every_method(&ce, &lanes, &targets2, Array2::clone);
            let row = |v: &[A]| Array2::from_shape_vec((1, v.len()), v.to_vec()).unwrap();
            for (name, g, w) in [("losses", &got.0, &want.0), ("per sample", &got.1, &want.1)] {
                let what = format!("{what}: {name}");
                assert_rows_equal(&row(g).view(), &row(w).view(), &what);
            }
            for (k, (g, w)) in got.2.iter().zip(&want.2).enumerate() {
                let what = format!("{what}: gradient {k}");
                assert_rows_equal(&g.view(), &w.view(), &what);
            }
        }
    }
}

#[test]
fn cross_entropy_by_tiles_gives_the_bits_of_rows() {
    check_tiles::<f32>("f32");
    check_tiles::<f64>("f64");
}
