//! Softmax regression and a one-hidden-layer ReLU network on Fisher's Iris data (150 flowers, 4
//! measurements, 3 species), trained by full-batch gradient descent with
//! `logits::cross_entropy_and_grad`: the loss and its gradient with respect to the logits come
//! from one call, and the rest of the backward pass is a few matrix products.
//!
//! The data are standardised with the training set's mean and deviation, and split 80/20 per
//! species with a fixed seed. The program prints the loss every few epochs and the test accuracy,
//! then trains both models again on the two petal measurements alone and draws their decision
//! regions.
//!
//! Run with `cargo run --release --example iris`; it writes
//! `target/examples-output/iris_softmax_regression.svg` and `target/examples-output/iris_mlp.svg`.

mod common;

use common::{BoxResult, Regions, data_path, shown};
use logits::{cross_entropy_and_grad, softmax, top_k};
use ndarray::{Array1, Array2, ArrayView1, Axis};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{RngExt, SeedableRng};
use rand_distr::StandardNormal;

const SEED: u64 = 7;
const TEST_PER_CLASS: usize = 10;

/// The measurements (one row per flower) and the species of each.
struct Data {
    x: Array2<f32>,
    y: Vec<usize>,
    species: Vec<String>,
}

/// Reads scikit-learn's `iris.csv` with the `csv` crate: a header `150,4,setosa,versicolor,virginica`
/// (rows, features, class names), then one flower per line, its features and its class index.
fn load_iris() -> BoxResult<Data> {
    let path = data_path("iris.csv");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut records = reader.records();
    let header = records.next().ok_or("iris.csv is empty")??;
    let (n, d): (usize, usize) = match (header.get(0), header.get(1)) {
        (Some(n), Some(d)) => (n.parse()?, d.parse()?),
        _ => return Err("iris.csv: the header must start with the row and feature counts".into()),
    };
    let species: Vec<String> = header.iter().skip(2).map(String::from).collect();
    let mut x = Array2::zeros((n, d));
    let mut y = Vec::with_capacity(n);
    for (i, record) in records.enumerate() {
        let record = record?;
        let line = i + 2;
        if i >= n || record.len() != d + 1 {
            return Err(format!(
                "iris.csv line {line}: expected {n} rows of {} fields",
                d + 1
            )
            .into());
        }
        for (j, f) in record.iter().take(d).enumerate() {
            x[[i, j]] = f
                .parse()
                .map_err(|e| format!("iris.csv line {line}: {f:?}: {e}"))?;
        }
        let class: usize = record[d].parse()?;
        if class >= species.len() {
            return Err(format!("iris.csv line {line}: class {class} has no name").into());
        }
        y.push(class);
    }
    if y.len() != n {
        return Err(format!("iris.csv: the header promises {n} rows, found {}", y.len()).into());
    }
    Ok(Data { x, y, species })
}

/// A stratified split: `TEST_PER_CLASS` flowers of each species, drawn at random, for testing.
fn split(y: &[usize], classes: usize, rng: &mut StdRng) -> (Vec<usize>, Vec<usize>) {
    let (mut train, mut test) = (Vec::new(), Vec::new());
    for c in 0..classes {
        let mut members: Vec<usize> = (0..y.len()).filter(|&i| y[i] == c).collect();
        members.shuffle(rng);
        test.extend_from_slice(&members[..TEST_PER_CLASS.min(members.len())]);
        train.extend_from_slice(&members[TEST_PER_CLASS.min(members.len())..]);
    }
    train.shuffle(rng);
    (train, test)
}

/// Column means and standard deviations of the training rows: `(x − mean) / std` standardises.
fn standardiser(x: &Array2<f32>) -> (Array1<f32>, Array1<f32>) {
    let mean = x
        .mean_axis(Axis(0))
        .unwrap_or_else(|| Array1::zeros(x.ncols()));
    let std = x
        .std_axis(Axis(0), 0.0)
        .mapv(|s| if s > 0.0 { s } else { 1.0 });
    (mean, std)
}

/// A model that turns a batch of feature rows into a batch of logits, and learns.
trait Classifier {
    fn logits(&self, x: &Array2<f32>) -> Array2<f32>;
    /// One step of gradient descent on the mean cross-entropy; returns the loss before the step.
    fn step(&mut self, x: &Array2<f32>, y: &[usize], lr: f32) -> logits::Result<f32>;
}

/// Weights drawn from N(0, 2 / fan_in) (He initialisation, for ReLU layers).
fn he(rng: &mut StdRng, fan_in: usize, fan_out: usize) -> Array2<f32> {
    let scale = (2.0 / fan_in as f64).sqrt();
    Array2::from_shape_fn((fan_in, fan_out), |_| {
        (rng.sample::<f64, _>(StandardNormal) * scale) as f32
    })
}

/// Multinomial logistic regression: `logits = x W + b`.
struct SoftmaxRegression {
    w: Array2<f32>,
    b: Array1<f32>,
}

impl SoftmaxRegression {
    /// The loss is convex in `W` and `b`, so zeros are a fine start.
    fn new(features: usize, classes: usize) -> Self {
        Self {
            w: Array2::zeros((features, classes)),
            b: Array1::zeros(classes),
        }
    }
}

impl Classifier for SoftmaxRegression {
    fn logits(&self, x: &Array2<f32>) -> Array2<f32> {
        x.dot(&self.w) + &self.b
    }

    fn step(&mut self, x: &Array2<f32>, y: &[usize], lr: f32) -> logits::Result<f32> {
        // dz = (softmax(z) − onehot(y)) / n, in the same pass as the loss.
        let (loss, dz) = cross_entropy_and_grad(&self.logits(x), y)?;
        self.w.scaled_add(-lr, &x.t().dot(&dz));
        self.b.scaled_add(-lr, &dz.sum_axis(Axis(0)));
        Ok(loss)
    }
}

/// `logits = relu(x W1 + b1) W2 + b2`.
struct Mlp {
    w1: Array2<f32>,
    b1: Array1<f32>,
    w2: Array2<f32>,
    b2: Array1<f32>,
}

impl Mlp {
    fn new(features: usize, hidden: usize, classes: usize, rng: &mut StdRng) -> Self {
        Self {
            w1: he(rng, features, hidden),
            b1: Array1::zeros(hidden),
            w2: he(rng, hidden, classes) * 0.5,
            b2: Array1::zeros(classes),
        }
    }

    fn hidden(&self, x: &Array2<f32>) -> Array2<f32> {
        x.dot(&self.w1) + &self.b1
    }
}

impl Classifier for Mlp {
    fn logits(&self, x: &Array2<f32>) -> Array2<f32> {
        self.hidden(x).mapv(|v| v.max(0.0)).dot(&self.w2) + &self.b2
    }

    fn step(&mut self, x: &Array2<f32>, y: &[usize], lr: f32) -> logits::Result<f32> {
        let pre = self.hidden(x);
        let h = pre.mapv(|v| v.max(0.0));
        let z = h.dot(&self.w2) + &self.b2;
        let (loss, dz) = cross_entropy_and_grad(&z, y)?;
        // Back through the output layer, the ReLU (gradient 1 where it was positive), the input layer.
        let mut dh = dz.dot(&self.w2.t());
        dh.zip_mut_with(&pre, |g, &p| {
            if p <= 0.0 {
                *g = 0.0;
            }
        });
        self.w2.scaled_add(-lr, &h.t().dot(&dz));
        self.b2.scaled_add(-lr, &dz.sum_axis(Axis(0)));
        self.w1.scaled_add(-lr, &x.t().dot(&dh));
        self.b1.scaled_add(-lr, &dh.sum_axis(Axis(0)));
        Ok(loss)
    }
}

/// The arg-max of each row, by `top_k` with `k = 1`.
fn predict(model: &dyn Classifier, x: &Array2<f32>) -> Vec<usize> {
    let (_, best) = top_k(&model.logits(x), 1, Axis(1));
    best.column(0).to_vec()
}

fn accuracy(model: &dyn Classifier, x: &Array2<f32>, y: &[usize]) -> f32 {
    let hits = predict(model, x)
        .iter()
        .zip(y)
        .filter(|(p, t)| p == t)
        .count();
    hits as f32 / y.len().max(1) as f32
}

/// Standardised training and test sets for the given feature columns.
struct Sets {
    train: (Array2<f32>, Vec<usize>),
    test: (Array2<f32>, Vec<usize>),
    mean: Array1<f32>,
    std: Array1<f32>,
}

fn sets(data: &Data, columns: &[usize], train: &[usize], test: &[usize]) -> Sets {
    let x = data.x.select(Axis(1), columns);
    let (xtr, xte) = (x.select(Axis(0), train), x.select(Axis(0), test));
    let (mean, std) = standardiser(&xtr);
    let labels = |rows: &[usize]| rows.iter().map(|&i| data.y[i]).collect::<Vec<_>>();
    Sets {
        train: ((&xtr - &mean) / &std, labels(train)),
        test: ((&xte - &mean) / &std, labels(test)),
        mean,
        std,
    }
}

/// Trains `model`, printing the loss and training accuracy every `every` epochs when `verbose`.
fn train(
    model: &mut dyn Classifier,
    sets: &Sets,
    (epochs, lr, every): (usize, f32, usize),
    verbose: bool,
) -> logits::Result<f32> {
    let (x, y) = &sets.train;
    for epoch in 0..=epochs {
        let loss = model.step(x, y, lr)?;
        if verbose && epoch % every == 0 {
            println!(
                "  epoch {epoch:>4}   loss {loss:.4}   train accuracy {:.3}",
                accuracy(model, x, y)
            );
        }
    }
    Ok(accuracy(model, &sets.test.0, &sets.test.1))
}

/// Prints the confusion matrix of the test set, and the probabilities of a few test flowers.
fn report(model: &dyn Classifier, sets: &Sets, species: &[String]) {
    let (x, y) = &sets.test;
    let predicted = predict(model, x);
    let k = species.len();
    let mut confusion = Array2::<usize>::zeros((k, k));
    for (&t, &p) in y.iter().zip(&predicted) {
        confusion[[t, p]] += 1;
    }
    println!("  test confusion (rows: true species, columns: predicted)");
    for (name, row) in species.iter().zip(confusion.rows()) {
        let cells: Vec<String> = row.iter().map(|c| format!("{c:>4}")).collect();
        println!("    {name:<12}{}", cells.join(""));
    }
    let p = softmax(&model.logits(x), Axis(1));
    println!("  probabilities of the first three test flowers");
    for i in 0..3.min(y.len()) {
        let row: ArrayView1<f32> = p.row(i);
        let cells: Vec<String> = row.iter().map(|q| format!("{q:.3}")).collect();
        println!("    true {:<12} [{}]", species[y[i]], cells.join(", "));
    }
}

/// Decision regions of a model trained on petal length and width, drawn in centimetres.
fn draw(
    model: &dyn Classifier,
    data: &Data,
    sets: &Sets,
    title: &str,
    file: &str,
) -> BoxResult<()> {
    const GRID: usize = 160;
    let (x_range, y_range) = ((0.5, 7.5), (-0.3, 2.9));
    let at = |i: usize, (lo, hi): (f64, f64)| lo + (hi - lo) * (i as f64 + 0.5) / GRID as f64;
    // One row per grid cell (row-major, bottom row first), standardised like the training data.
    let cells = Array2::from_shape_fn((GRID * GRID, 2), |(i, j)| {
        let v = if j == 0 {
            at(i % GRID, x_range)
        } else {
            at(i / GRID, y_range)
        };
        (v as f32 - sets.mean[j]) / sets.std[j]
    });
    let classes = Array2::from_shape_vec((GRID, GRID), predict(model, &cells))?;
    let mut points = Vec::new();
    for (rows, filled) in [(&sets.train, true), (&sets.test, false)] {
        for (r, &c) in rows.0.rows().into_iter().zip(&rows.1) {
            let cm = |j: usize| f64::from(r[j] * sets.std[j] + sets.mean[j]);
            points.push((cm(0), cm(1), c, filled));
        }
    }
    let path = Regions {
        labels: [title, "petal length (cm)", "petal width (cm)"],
        x_range,
        y_range,
        classes,
        points,
        class_names: data.species.clone(),
    }
    .draw(file)?;
    println!("wrote {}", shown(&path));
    Ok(())
}

fn main() -> BoxResult<()> {
    let data = load_iris()?;
    let classes = data.species.len();
    let mut rng = StdRng::seed_from_u64(SEED);
    let (train_rows, test_rows) = split(&data.y, classes, &mut rng);
    println!(
        "Iris: {} flowers, {} features, species {:?}; {} for training, {} for testing (seed {SEED})\n",
        data.y.len(),
        data.x.ncols(),
        data.species,
        train_rows.len(),
        test_rows.len()
    );

    let all = sets(&data, &[0, 1, 2, 3], &train_rows, &test_rows);
    println!("softmax regression on all 4 features (learning rate 0.5)");
    let mut linear = SoftmaxRegression::new(4, classes);
    let acc = train(&mut linear, &all, (300, 0.5, 50), true)?;
    println!("  test accuracy {acc:.3}\n");

    println!("one hidden layer of 16 ReLU units on all 4 features (learning rate 0.3)");
    let mut mlp = Mlp::new(4, 16, classes, &mut rng);
    let acc = train(&mut mlp, &all, (600, 0.3, 100), true)?;
    println!("  test accuracy {acc:.3}");
    report(&mlp, &all, &data.species);

    println!("\nthe same two models on petal length and width only");
    let petals = sets(&data, &[2, 3], &train_rows, &test_rows);
    let mut linear2 = SoftmaxRegression::new(2, classes);
    let acc = train(&mut linear2, &petals, (300, 0.5, 50), false)?;
    println!("  softmax regression: test accuracy {acc:.3}");
    let mut mlp2 = Mlp::new(2, 16, classes, &mut rng);
    let acc = train(&mut mlp2, &petals, (600, 0.3, 100), false)?;
    println!("  ReLU network:       test accuracy {acc:.3}");
    draw(
        &linear2,
        &data,
        &petals,
        "Iris: softmax regression on petal size",
        "iris_softmax_regression.svg",
    )?;
    draw(
        &mlp2,
        &data,
        &petals,
        "Iris: 16 ReLU units on petal size",
        "iris_mlp.svg",
    )?;
    Ok(())
}
