//! Every public function of this tree (`logits`) against an older one (`logits_old`), on the same
//! adversarial inputs: reports, per function, how many results differ in their bits and the
//! largest difference in ULPs (errors are compared by their message).
//!
//! `tools/ab/run.sh REV diff [CASES]` (default 400 random cases per shape family).

use std::collections::BTreeMap;
use std::fmt::Display;

use ndarray::{Array, Array1, Array2, Array3, ArrayD, Axis, Dimension, IxDyn, ShapeBuilder};

/// One value of a result, flattened.
#[derive(Clone, Debug, PartialEq)]
enum Val {
    F32(f32),
    F64(f64),
    Index(usize),
    Shape(Vec<usize>),
    Err(String),
}

trait Flat {
    fn flat(&self, out: &mut Vec<Val>);
}

impl Flat for f32 {
    fn flat(&self, out: &mut Vec<Val>) {
        out.push(Val::F32(*self));
    }
}
impl Flat for f64 {
    fn flat(&self, out: &mut Vec<Val>) {
        out.push(Val::F64(*self));
    }
}
impl Flat for usize {
    fn flat(&self, out: &mut Vec<Val>) {
        out.push(Val::Index(*self));
    }
}
impl Flat for () {
    fn flat(&self, _: &mut Vec<Val>) {}
}
impl<T: Flat, D: Dimension> Flat for Array<T, D> {
    fn flat(&self, out: &mut Vec<Val>) {
        out.push(Val::Shape(self.shape().to_vec()));
        for v in self {
            v.flat(out);
        }
    }
}
impl<T: Flat> Flat for Option<T> {
    fn flat(&self, out: &mut Vec<Val>) {
        match self {
            Some(v) => v.flat(out),
            None => out.push(Val::Err("None".into())),
        }
    }
}
impl<A: Flat, B: Flat> Flat for (A, B) {
    fn flat(&self, out: &mut Vec<Val>) {
        self.0.flat(out);
        self.1.flat(out);
    }
}
impl<A: Flat, B: Flat, C: Flat> Flat for (A, B, C) {
    fn flat(&self, out: &mut Vec<Val>) {
        self.0.flat(out);
        self.1.flat(out);
        self.2.flat(out);
    }
}
impl<T: Flat, E: Display> Flat for Result<T, E> {
    fn flat(&self, out: &mut Vec<Val>) {
        match self {
            Ok(v) => v.flat(out),
            Err(e) => out.push(Val::Err(e.to_string())),
        }
    }
}
impl<A: Flat> Flat for logits::LinearGrads<A> {
    fn flat(&self, out: &mut Vec<Val>) {
        self.loss.flat(out);
        self.dh.flat(out);
        self.dw.flat(out);
        self.dbias.flat(out);
    }
}
impl<A: Flat> Flat for logits_old::LinearGrads<A> {
    fn flat(&self, out: &mut Vec<Val>) {
        self.loss.flat(out);
        self.dh.flat(out);
        self.dw.flat(out);
        self.dbias.flat(out);
    }
}

fn ulps32(a: f32, b: f32) -> u64 {
    let key = |v: f32| {
        let m = i64::from(v.to_bits() & 0x7fff_ffff);
        if v.is_sign_negative() { -m } else { m }
    };
    (key(a) - key(b)).unsigned_abs()
}

fn ulps64(a: f64, b: f64) -> u64 {
    let key = |v: f64| {
        let m = i128::from(v.to_bits() & 0x7fff_ffff_ffff_ffff);
        if v.is_sign_negative() { -m } else { m }
    };
    u64::try_from((key(a) - key(b)).unsigned_abs()).unwrap_or(u64::MAX)
}

#[derive(Default)]
struct Tally {
    calls: usize,
    differing_calls: usize,
    values: usize,
    differing_values: usize,
    max_ulps: u64,
    structural: usize,
    example: Option<String>,
}

#[derive(Default)]
struct Report(BTreeMap<String, Tally>);

impl Report {
    fn compare(&mut self, name: &str, ctx: &dyn Fn() -> String, old: &dyn Flat, new: &dyn Flat) {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        old.flat(&mut a);
        new.flat(&mut b);
        let t = self.0.entry(name.to_string()).or_default();
        t.calls += 1;
        t.values += a.len();
        let mut differs = false;
        if a.len() != b.len() {
            t.structural += 1;
            differs = true;
        } else {
            for (x, y) in a.iter().zip(&b) {
                let d = match (x, y) {
                    (Val::F32(x), Val::F32(y)) => {
                        if x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan()) {
                            None
                        } else if x.is_nan() || y.is_nan() || x.is_infinite() || y.is_infinite() {
                            Some(u64::MAX)
                        } else {
                            Some(ulps32(*x, *y))
                        }
                    }
                    (Val::F64(x), Val::F64(y)) => {
                        if x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan()) {
                            None
                        } else if x.is_nan() || y.is_nan() || x.is_infinite() || y.is_infinite() {
                            Some(u64::MAX)
                        } else {
                            Some(ulps64(*x, *y))
                        }
                    }
                    (x, y) if x == y => None,
                    _ => Some(u64::MAX),
                };
                if let Some(d) = d {
                    differs = true;
                    t.differing_values += 1;
                    if d > t.max_ulps {
                        t.max_ulps = d;
                        t.example = Some(format!("{}: old {x:?} new {y:?}", ctx()));
                    }
                }
            }
        }
        if differs {
            t.differing_calls += 1;
            if t.example.is_none() {
                t.example = Some(format!("{}: structure {a:?} vs {b:?}", ctx()));
            }
        }
    }

    fn print(&self) {
        println!(
            "{:<52} {:>7} {:>9} {:>10} {:>9}  example of the largest",
            "function", "calls", "differing", "values", "max ULPs"
        );
        for (name, t) in &self.0 {
            let max = if t.max_ulps == u64::MAX {
                "special".to_string()
            } else {
                t.max_ulps.to_string()
            };
            println!(
                "{name:<52} {:>7} {:>9} {:>10} {:>9}  {}",
                t.calls,
                t.differing_calls,
                t.differing_values,
                if t.differing_calls == 0 {
                    "-".into()
                } else {
                    max
                },
                t.example.as_deref().unwrap_or("")
            );
        }
    }
}

/// Calls `$e` once with `$lib` naming the old crate and once the new one, and compares.
macro_rules! both {
    ($rep:expr, $name:expr, $ctx:expr, $lib:ident => $e:expr) => {{
        let old = {
            use logits_old as $lib;
            $e
        };
        let new = {
            use logits as $lib;
            $e
        };
        $rep.compare(&$name, &$ctx, &old, &new);
    }};
}

/// SplitMix64.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }
}

trait El: Copy + Flat + Default + 'static {
    const NAME: &'static str;
    const HUGE: f64;
    fn of(v: f64) -> Self;
}
impl El for f32 {
    const NAME: &'static str = "f32";
    const HUGE: f64 = 3e38;
    fn of(v: f64) -> Self {
        v as f32
    }
}
impl El for f64 {
    const NAME: &'static str = "f64";
    const HUGE: f64 = 1.7e308;
    fn of(v: f64) -> Self {
        v
    }
}

/// A lane of `n` values of one flavour.
fn lane(rng: &mut Rng, n: usize, huge: f64) -> Vec<f64> {
    let flavour = rng.below(14);
    let mut v: Vec<f64> = (0..n)
        .map(|_| match flavour {
            0..=4 => rng.uniform(-10.0, 10.0),
            5 => rng.uniform(-80.0, 80.0),
            6 => rng.uniform(-700.0, 700.0),
            7 => (rng.uniform(-3.0, 3.0)).round(),
            8 => rng.uniform(-1.0, 1.0) + 1e30,
            _ => rng.uniform(-5.0, 5.0),
        })
        .collect();
    if n == 0 {
        return v;
    }
    match flavour {
        9 => v[rng.below(n)] = 30.0,
        10 => v.iter_mut().for_each(|x| *x = f64::NEG_INFINITY),
        11 => v[rng.below(n)] = f64::NAN,
        12 => {
            v[rng.below(n)] = f64::INFINITY;
            v[rng.below(n)] = f64::INFINITY;
            v[rng.below(n)] = f64::NEG_INFINITY;
        }
        13 => {
            v[rng.below(n)] = f64::NEG_INFINITY;
            v[rng.below(n)] = huge;
            v[rng.below(n)] = -huge;
        }
        _ => {}
    }
    v
}

/// `[rows, cols]` with one flavour per lane along `axis`.
fn matrix<A: El>(rng: &mut Rng, rows: usize, cols: usize, axis: usize) -> Array2<A> {
    let mut m = Array2::<A>::default((rows, cols));
    let (lanes, len) = if axis == 1 {
        (rows, cols)
    } else {
        (cols, rows)
    };
    for l in 0..lanes {
        let v = lane(rng, len, A::HUGE);
        for (i, x) in v.into_iter().enumerate() {
            let at = if axis == 1 { (l, i) } else { (i, l) };
            m[at] = A::of(x);
        }
    }
    m
}

fn tame<A: El>(rng: &mut Rng, shape: (usize, usize), lo: f64, hi: f64) -> Array2<A> {
    Array2::from_shape_simple_fn(shape, || A::of(rng.uniform(lo, hi)))
}

const SHAPES: [(usize, usize); 16] = [
    (1, 1),
    (3, 2),
    (5, 3),
    (2, 7),
    (130, 10),
    (65, 16),
    (64, 17),
    (7, 21),
    (33, 32),
    (9, 33),
    (70, 64),
    (4, 100),
    (3, 257),
    (2, 1000),
    (2, 3000),
    (200, 5),
];

fn softmax_family<A: El + logits::Float + logits_old::Float>(rep: &mut Report, rng: &mut Rng)
where
    A: ndarray::NdFloat,
{
    for &(rows, cols) in &SHAPES {
        for axis in [0, 1] {
            let x = matrix::<A>(rng, rows, cols, axis);
            let ctx = || format!("{} {rows}x{cols} axis {axis}", A::NAME);
            let ax = Axis(axis);
            let n = |s: &str| format!("{s}/{}", A::NAME);
            both!(rep, n("softmax"), ctx, l => l::softmax(&x, ax));
            both!(rep, n("log_softmax"), ctx, l => l::log_softmax(&x, ax));
            both!(rep, n("logsumexp"), ctx, l => l::logsumexp(&x, ax));
            for t in [0.5, 3.0] {
                let t = A::of(t);
                both!(rep, n("softmax_with_temperature"), ctx, l => l::softmax_with_temperature(&x, ax, t));
                both!(rep, n("log_softmax_with_temperature"), ctx, l => l::log_softmax_with_temperature(&x, ax, t));
            }
            let xt = x.t().to_owned();
            both!(rep, n("softmax (transposed)"), ctx, l => l::softmax(&xt.t(), ax));
            let xf = {
                let mut f = Array2::<A>::default((rows, cols).f());
                f.assign(&x);
                f
            };
            both!(rep, n("log_softmax (F order)"), ctx, l => l::log_softmax(&xf, ax));
            both!(rep, n("logsumexp (F order)"), ctx, l => l::logsumexp(&xf, ax));
            both!(rep, n("softmax_inplace"), ctx, l => { let mut y = x.clone(); l::softmax_inplace(&mut y, ax); y });
            both!(rep, n("log_softmax_inplace"), ctx, l => { let mut y = x.clone(); l::log_softmax_inplace(&mut y, ax); y });
            both!(rep, n("softmax_into"), ctx, l => { let mut y = x.clone(); let r = l::softmax_into(&x, &mut y, ax); (r.map(|()| 0usize), y) });
            both!(rep, n("log_softmax_into"), ctx, l => { let mut y = x.clone(); let r = l::log_softmax_into(&x, &mut y, ax); (r.map(|()| 0usize), y) });
            let mask = Array2::from_shape_simple_fn((rows, cols), || rng.below(4) != 0);
            both!(rep, n("masked_softmax"), ctx, l => l::masked_softmax(&x, &mask, ax));
            let p = logits::softmax(&x, ax);
            let lp = logits::log_softmax(&x, ax);
            let g = tame::<A>(rng, (rows, cols), -2.0, 2.0);
            both!(rep, n("softmax_backward"), ctx, l => l::softmax_backward(&p, &g, ax));
            both!(rep, n("log_softmax_backward"), ctx, l => l::log_softmax_backward(&lp, &g, ax));
            both!(rep, n("softmax_jvp"), ctx, l => l::softmax_jvp(&p, &g, ax));
            both!(rep, n("top_k"), ctx, l => l::top_k(&x, 5, ax));
            both!(rep, n("sigmoid"), ctx, l => l::sigmoid(&x));
            both!(rep, n("log_sigmoid"), ctx, l => l::log_sigmoid(&x));
            let row: Vec<A> = x.iter().copied().collect();
            both!(rep, n("LogSumExp"), ctx, l => {
                let mut whole = l::LogSumExp::new();
                whole.push_slice(&row);
                let mut merged = l::LogSumExp::new();
                for c in row.chunks(row.len().div_ceil(5)) {
                    let mut part = l::LogSumExp::new();
                    part.push_slice(c);
                    merged.merge(&part);
                }
                let mut pushed = l::LogSumExp::new();
                for &v in row.iter().take(50) {
                    pushed.push(v);
                }
                let v = |a: &l::LogSumExp<A>| (a.value(), (a.max(), a.sum()));
                (v(&whole), (v(&merged), v(&pushed)))
            });
        }
        let p1 = logits::softmax(
            &tame::<A>(rng, (1, cols), -3.0, 3.0).row(0).to_owned(),
            Axis(0),
        );
        both!(rep, format!("softmax_jacobian/{}", A::NAME), || format!("{cols}"), l => l::softmax_jacobian(&p1));
    }
    // A class axis in the middle of a 3-D array.
    for c in [3, 21, 40] {
        let x = Array3::from_shape_fn((2, c, 7), |(i, j, k)| {
            A::of((((i * 31 + j * 7 + k) as f64) * 0.37).sin() * 6.0)
        });
        let ctx = || format!("{} [2, {c}, 7] axis 1", A::NAME);
        both!(rep, format!("softmax 3-D/{}", A::NAME), ctx, l => l::softmax(&x, Axis(1)));
        both!(rep, format!("log_softmax 3-D/{}", A::NAME), ctx, l => l::log_softmax(&x, Axis(1)));
        both!(rep, format!("logsumexp 3-D/{}", A::NAME), ctx, l => l::logsumexp(&x, Axis(1)));
    }
}

fn probabilities<A: El>(rng: &mut Rng, rows: usize, cols: usize) -> Array2<A> {
    let mut q = Array2::from_shape_simple_fn((rows, cols), || rng.unit());
    for mut r in q.rows_mut() {
        let s: f64 = r.sum();
        r.mapv_inplace(|v| v / s);
    }
    q.mapv(A::of)
}

fn losses<A: El + logits::Float + logits_old::Float + ndarray::NdFloat>(
    rep: &mut Report,
    rng: &mut Rng,
) {
    for &(rows, cols) in &SHAPES {
        let x = matrix::<A>(rng, rows, cols, 1);
        let targets: Vec<usize> = (0..rows)
            .map(|_| rng.below(cols + 1).min(cols - 1))
            .collect();
        let w: Array1<A> = Array1::from_shape_simple_fn(cols, || A::of(rng.uniform(0.0, 2.0)));
        let q = probabilities::<A>(rng, rows, cols);
        let ctx = || format!("{} {rows}x{cols}", A::NAME);
        let ignore = targets[0];
        // (name, weight, ignore, smoothing, temperature, sum)
        let configs: [(&str, bool, bool, f64, f64, bool); 8] = [
            ("plain", false, false, 0.0, 1.0, false),
            ("weight", true, false, 0.0, 1.0, false),
            ("ignore", false, true, 0.0, 1.0, false),
            ("smoothing", false, false, 0.1, 1.0, false),
            ("temperature", false, false, 0.0, 0.7, false),
            ("weight+smoothing", true, false, 0.2, 1.0, true),
            ("everything", true, true, 0.15, 1.9, false),
            ("full smoothing", false, true, 1.0, 1.0, true),
        ];
        for (cname, weighted, ignored, eps, t, sum) in configs {
            macro_rules! ce {
                ($l:ident) => {{
                    let mut ce = $l::CrossEntropy::new()
                        .label_smoothing(A::of(eps))
                        .temperature(A::of(t));
                    if weighted {
                        ce = ce.weight(w.clone());
                    }
                    if ignored {
                        ce = ce.ignore_index(ignore);
                    }
                    if sum {
                        ce = ce.reduction($l::Reduction::Sum);
                    }
                    ce
                }};
            }
            let name = |m: &str| format!("CrossEntropy {cname} {m}/{}", A::NAME);
            both!(rep, name("loss"), ctx, l => ce!(l).loss(&x, &targets));
            both!(rep, name("loss_and_grad"), ctx, l => ce!(l).loss_and_grad(&x, &targets));
            both!(rep, name("per_sample_and_grad"), ctx, l => ce!(l).per_sample_and_grad(&x, &targets));
            both!(rep, name("loss_and_grad_into"), ctx, l => { let mut g = x.clone(); let r = ce!(l).loss_and_grad_into(&x, &targets, &mut g); (r, g) });
            if !ignored {
                both!(rep, name("probability targets"), ctx, l => ce!(l).per_sample_and_grad(&x, l::Targets::probabilities(&q)));
                both!(rep, name("probability targets loss"), ctx, l => ce!(l).loss(&x, l::Targets::probabilities(&q)));
            }
            let xt = x.t().to_owned();
            both!(rep, name("class axis 0"), ctx, l => ce!(l).class_axis(Axis(0)).per_sample_and_grad(&xt, &targets));
            if t == 1.0 {
                let lp = logits::log_softmax(&x, Axis(1));
                both!(rep, name("log-probabilities"), ctx, l => ce!(l).input(l::Input::LogProbabilities).per_sample_and_grad(&lp, &targets));
                let p = logits::softmax(&x, Axis(1));
                both!(rep, name("probabilities"), ctx, l => ce!(l).input(l::Input::Probabilities).per_sample_and_grad(&p, &targets));
            }
        }
        // Elementwise losses.
        let y = probabilities::<A>(rng, rows, cols).mapv(|v| {
            if v.to_f64().unwrap() < 0.3 / cols as f64 {
                A::zero()
            } else {
                v
            }
        });
        let wb: Array1<A> = Array1::from_shape_simple_fn(cols, || A::of(rng.uniform(0.0, 2.0)));
        let pw: Array1<A> = Array1::from_shape_simple_fn(cols, || A::of(rng.uniform(0.5, 3.0)));
        let n = |s: &str| format!("{s}/{}", A::NAME);
        both!(rep, n("BCE with logits"), ctx, l => l::BinaryCrossEntropyWithLogits::new().per_sample_and_grad(&x, &y));
        both!(rep, n("BCE with logits, weights"), ctx, l => l::BinaryCrossEntropyWithLogits::new().weight(wb.clone()).pos_weight(pw.clone()).loss_and_grad(&x, &y));
        let p = logits::sigmoid(&x);
        both!(rep, n("BCE"), ctx, l => l::BinaryCrossEntropy::new().weight(wb.clone()).per_sample_and_grad(&p, &y));
        both!(rep, n("focal"), ctx, l => l::SigmoidFocalLoss::new().per_sample_and_grad(&x, &y));
        let lq = logits::log_softmax(&x, Axis(1));
        both!(rep, n("KL"), ctx, l => l::KlDiv::new().loss_and_grad(&lq, &q));
        both!(rep, n("KL log target"), ctx, l => l::KlDiv::new().log_target(true).per_sample(&lq, &q.mapv(|v| v.ln())));
    }
}

fn linear<A: El + logits::Float + logits_old::Float + ndarray::NdFloat>(
    rep: &mut Report,
    rng: &mut Rng,
) {
    for (n, d, v) in [(3, 2, 5), (17, 4, 40), (150, 8, 300), (40, 3, 1000)] {
        let h = tame::<A>(rng, (n, d), -2.0, 2.0);
        let w = tame::<A>(rng, (v, d), -2.0, 2.0);
        let b: Array1<A> = Array1::from_shape_simple_fn(v, || A::of(rng.uniform(-1.0, 1.0)));
        let targets: Vec<usize> = (0..n).map(|_| rng.below(v)).collect();
        for chunk in [1, 7, 64, 4096] {
            for (eps, t, ignore) in [(0.0, 1.0, false), (0.1, 1.3, true)] {
                macro_rules! lce {
                    ($l:ident) => {{
                        let mut ce = $l::LinearCrossEntropy::new()
                            .chunk_size(chunk)
                            .label_smoothing(A::of(eps))
                            .temperature(A::of(t))
                            .bias(b.clone());
                        if ignore {
                            ce = ce.ignore_index(targets[0]);
                        }
                        ce
                    }};
                }
                let ctx = || format!("{} N={n} d={d} V={v} chunk={chunk} eps={eps}", A::NAME);
                both!(rep, format!("LinearCrossEntropy loss/{}", A::NAME), ctx, l => lce!(l).loss(&h, &w, &targets));
                both!(rep, format!("LinearCrossEntropy loss_and_grad/{}", A::NAME), ctx, l => lce!(l).loss_and_grad(&h, &w, &targets));
            }
        }
    }
}

fn main() {
    let cases: usize = std::env::args()
        .nth(1)
        .map_or(20, |c| c.parse().expect("CASES is a number"));
    let mut rep = Report::default();
    let mut rng = Rng(0x5eed);
    for _ in 0..cases {
        softmax_family::<f32>(&mut rep, &mut rng);
        softmax_family::<f64>(&mut rep, &mut rng);
        losses::<f32>(&mut rep, &mut rng);
        losses::<f64>(&mut rep, &mut rng);
    }
    for _ in 0..cases.div_ceil(10) {
        linear::<f32>(&mut rep, &mut rng);
        linear::<f64>(&mut rep, &mut rng);
    }
    let _ = ArrayD::<f32>::zeros(IxDyn(&[0]));
    rep.print();
}
