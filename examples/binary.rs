//! Binary classification from logits: logistic regression and a small tanh network trained with
//! `logits::BinaryCrossEntropyWithLogits` on two interleaved half-moons generated from a seeded
//! RNG, in `f64`. The loss works on logits directly (no sigmoid then log), so it stays exact for
//! confident predictions, and its gradient `(σ(z) − y) / n` comes from the same call.
//!
//! Run with `cargo run --release --example binary`; it prints the loss and accuracy, and writes
//! `target/examples-output/binary_loss.svg` (the loss curves) and
//! `target/examples-output/binary_regions.svg` (the network's decision regions).

mod common;

use common::{BoxResult, LinePlot, Regions, shown};
use logits::{BinaryCrossEntropyWithLogits, sigmoid};
use ndarray::{Array1, Array2, Axis};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use rand_distr::StandardNormal;

const SEED: u64 = 2024;
const NOISE: f64 = 0.15;
const EPOCHS: usize = 1500;
/// Cells per side of the decision-region plot.
const GRID: usize = 150;

/// `n` points on two noisy interleaved half-circles ("two moons"), labels 0 (upper) and 1 (lower).
fn moons(n: usize, rng: &mut StdRng) -> Set {
    let mut x = Array2::zeros((n, 2));
    let mut y = Array1::zeros(n);
    for i in 0..n {
        let angle = rng.random_range(0.0..std::f64::consts::PI);
        let (a, b) = if i % 2 == 0 {
            (angle.cos(), angle.sin())
        } else {
            (1.0 - angle.cos(), 0.5 - angle.sin())
        };
        // Centred on the origin.
        x[[i, 0]] = a - 0.5 + NOISE * rng.sample::<f64, _>(StandardNormal);
        x[[i, 1]] = b - 0.25 + NOISE * rng.sample::<f64, _>(StandardNormal);
        y[i] = (i % 2) as f64;
    }
    (x, y)
}

/// A model producing one logit per row, trained on the mean binary cross-entropy.
trait Model {
    fn logits(&self, x: &Array2<f64>) -> Array1<f64>;
    /// One gradient step; returns the loss before it.
    fn step(&mut self, x: &Array2<f64>, y: &Array1<f64>, lr: f64) -> logits::Result<f64>;
}

/// Logistic regression: `z = x·w + b`, a straight decision boundary.
struct Logistic {
    w: Array1<f64>,
    b: f64,
    loss: BinaryCrossEntropyWithLogits<f64>,
}

impl Model for Logistic {
    fn logits(&self, x: &Array2<f64>) -> Array1<f64> {
        x.dot(&self.w) + self.b
    }

    fn step(&mut self, x: &Array2<f64>, y: &Array1<f64>, lr: f64) -> logits::Result<f64> {
        let (loss, dz) = self.loss.loss_and_grad(&self.logits(x), y)?;
        self.w.scaled_add(-lr, &x.t().dot(&dz));
        self.b -= lr * dz.sum();
        Ok(loss)
    }
}

/// `z = tanh(x W1 + b1)·w2 + b2`.
struct Network {
    w1: Array2<f64>,
    b1: Array1<f64>,
    w2: Array1<f64>,
    b2: f64,
    loss: BinaryCrossEntropyWithLogits<f64>,
}

impl Network {
    fn new(hidden: usize, rng: &mut StdRng) -> Self {
        Self {
            w1: Array2::from_shape_fn((2, hidden), |_| rng.sample::<f64, _>(StandardNormal)),
            b1: Array1::from_shape_fn(hidden, |_| rng.sample::<f64, _>(StandardNormal)),
            w2: Array1::from_shape_fn(hidden, |_| {
                rng.sample::<f64, _>(StandardNormal) / (hidden as f64).sqrt()
            }),
            b2: 0.0,
            loss: BinaryCrossEntropyWithLogits::new(),
        }
    }

    fn hidden(&self, x: &Array2<f64>) -> Array2<f64> {
        (x.dot(&self.w1) + &self.b1).mapv(f64::tanh)
    }
}

impl Model for Network {
    fn logits(&self, x: &Array2<f64>) -> Array1<f64> {
        self.hidden(x).dot(&self.w2) + self.b2
    }

    fn step(&mut self, x: &Array2<f64>, y: &Array1<f64>, lr: f64) -> logits::Result<f64> {
        let h = self.hidden(x);
        let (loss, dz) = self.loss.loss_and_grad(&(h.dot(&self.w2) + self.b2), y)?;
        // dh = dz w2ᵀ ⊙ (1 − h²), the derivative of tanh.
        let mut dh = dz
            .view()
            .insert_axis(Axis(1))
            .dot(&self.w2.view().insert_axis(Axis(0)));
        dh.zip_mut_with(&h, |g, &t| *g *= 1.0 - t * t);
        self.w2.scaled_add(-lr, &h.t().dot(&dz));
        self.b2 -= lr * dz.sum();
        self.w1.scaled_add(-lr, &x.t().dot(&dh));
        self.b1.scaled_add(-lr, &dh.sum_axis(Axis(0)));
        Ok(loss)
    }
}

fn accuracy(model: &dyn Model, x: &Array2<f64>, y: &Array1<f64>) -> f64 {
    let z = model.logits(x);
    let hits = z
        .iter()
        .zip(y)
        .filter(|&(&z, &y)| (z > 0.0) == (y > 0.5))
        .count();
    hits as f64 / y.len().max(1) as f64
}

/// Points and their labels.
type Set = (Array2<f64>, Array1<f64>);
/// `(epoch, loss)` pairs.
type Curve = Vec<(f64, f64)>;

/// Trains for `EPOCHS`, printing every 250; returns the training and test loss curves.
fn train(
    name: &str,
    model: &mut dyn Model,
    train: &Set,
    test: &Set,
    lr: f64,
) -> logits::Result<(Curve, Curve)> {
    let test_loss = BinaryCrossEntropyWithLogits::new();
    let (mut train_curve, mut test_curve) = (Vec::new(), Vec::new());
    println!("{name} (learning rate {lr})");
    for epoch in 0..=EPOCHS {
        let tl = test_loss.loss(&model.logits(&test.0), &test.1)?;
        let loss = model.step(&train.0, &train.1, lr)?;
        train_curve.push((epoch as f64, loss));
        test_curve.push((epoch as f64, tl));
        if epoch % 250 == 0 {
            println!(
                "  epoch {epoch:>5}   loss {loss:.4}   test loss {tl:.4}   train accuracy {:.3}",
                accuracy(model, &train.0, &train.1)
            );
        }
    }
    println!("  test accuracy {:.3}\n", accuracy(model, &test.0, &test.1));
    Ok((train_curve, test_curve))
}

fn plots(curves: Vec<(String, Curve)>, net: &Network, train: &Set, test: &Set) -> BoxResult<()> {
    let path = LinePlot {
        labels: ["Two moons: mean binary cross-entropy", "epoch", "loss"],
        series: curves,
        log_x: false,
        log_y: false,
    }
    .draw("binary_loss.svg")?;
    println!("wrote {}", shown(&path));

    let range = (-2.0, 2.0);
    let at = |i: usize| range.0 + (range.1 - range.0) * (i as f64 + 0.5) / GRID as f64;
    let cells = Array2::from_shape_fn((GRID * GRID, 2), |(i, j)| {
        if j == 0 { at(i % GRID) } else { at(i / GRID) }
    });
    let classes = net.logits(&cells).mapv(|z| usize::from(z > 0.0));
    let mut points = Vec::new();
    for (set, filled) in [(train, true), (test, false)] {
        for (r, &y) in set.0.rows().into_iter().zip(&set.1) {
            points.push((r[0], r[1], usize::from(y > 0.5), filled));
        }
    }
    let path = Regions {
        labels: ["Two moons: tanh network, decision regions", "x1", "x2"],
        x_range: range,
        y_range: range,
        classes: classes.into_shape_with_order((GRID, GRID))?,
        points,
        class_names: vec!["upper moon (0)".into(), "lower moon (1)".into()],
    }
    .draw("binary_regions.svg")?;
    println!("wrote {}", shown(&path));
    Ok(())
}

fn main() -> BoxResult<()> {
    let mut rng = StdRng::seed_from_u64(SEED);
    let train_set = moons(400, &mut rng);
    let test_set = moons(200, &mut rng);
    println!("two moons: 400 training and 200 test points, noise {NOISE}, seed {SEED}\n");

    let mut logistic = Logistic {
        w: Array1::zeros(2),
        b: 0.0,
        loss: BinaryCrossEntropyWithLogits::new(),
    };
    let (lt, lv) = train(
        "logistic regression",
        &mut logistic,
        &train_set,
        &test_set,
        1.0,
    )?;
    let mut net = Network::new(16, &mut rng);
    let (nt, nv) = train("16 tanh units", &mut net, &train_set, &test_set, 1.0)?;

    // Probabilities are σ(z); the loss never needed them.
    let z = net.logits(&test_set.0);
    let p = sigmoid(&z);
    println!("first test points: logit, probability of the lower moon, label");
    for i in 0..4.min(z.len()) {
        println!(
            "  z = {:>8.3}   p = {:.4}   label {}",
            z[i], p[i], test_set.1[i]
        );
    }
    println!();

    let curves = vec![
        ("logistic: train".to_string(), lt),
        ("logistic: test".to_string(), lv),
        ("network: train".to_string(), nt),
        ("network: test".to_string(), nv),
    ];
    plots(curves, &net, &train_set, &test_set)
}
