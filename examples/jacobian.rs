//! The softmax Jacobian, `J = diag(p) − p pᵀ` (`logits::softmax_jacobian`), beside its estimate
//! by central finite differences; and why back-propagation never forms it: the vector–Jacobian
//! product `Jᵀg = p ⊙ (g − Σ g⊙p)` (`logits::softmax_backward`) costs O(n) time and memory, where
//! forming `J` and multiplying costs O(n²). Timed with `std::time::Instant` up to 4000 classes.
//!
//! Run with `cargo run --release --example jacobian`; it writes
//! `target/examples-output/jacobian_timing.svg` (log-log).

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use common::{BoxResult, LinePlot, shown};
use logits::{softmax, softmax_backward, softmax_jacobian};
use ndarray::{Array1, Array2, Axis, array};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use rand_distr::StandardNormal;

fn max_abs(a: &Array2<f64>) -> f64 {
    a.iter().fold(0.0, |m, &v| m.max(v.abs()))
}

fn print_matrix(title: &str, m: &Array2<f64>) {
    println!("  {title}");
    for row in m.rows() {
        let cells: Vec<String> = row.iter().map(|v| format!("{v:>10.6}")).collect();
        println!("    [{} ]", cells.join(""));
    }
}

fn check() -> logits::Result<()> {
    let x = array![2.0_f64, 1.0, 0.1, -1.0];
    let p = softmax(&x, Axis(0));
    println!("p = softmax({x}) = {p:.6}\n");
    let j = softmax_jacobian(&p);
    print_matrix("softmax_jacobian(p) = diag(p) - p p^T", &j);

    // Column k of J is ∂p/∂x_k: nudge x_k both ways.
    let h = 1e-5;
    let n = x.len();
    let mut numeric = Array2::zeros((n, n));
    for k in 0..n {
        let (mut plus, mut minus) = (x.clone(), x.clone());
        plus[k] += h;
        minus[k] -= h;
        let column = (softmax(&plus, Axis(0)) - softmax(&minus, Axis(0))) / (2.0 * h);
        numeric.column_mut(k).assign(&column);
    }
    print_matrix("central differences (h = 1e-5)", &numeric);
    println!(
        "  max |J - finite difference| = {:.2e}",
        max_abs(&(&j - &numeric))
    );
    println!(
        "  max |J - J^T| = {:.2e} (symmetric)",
        max_abs(&(&j - &j.t()))
    );
    println!(
        "  max |row sum| = {:.2e} (shifting every logit changes nothing)",
        j.sum_axis(Axis(1))
            .iter()
            .fold(0.0_f64, |m, &v| m.max(v.abs()))
    );

    let g = array![0.5_f64, -1.0, 2.0, 0.25];
    let vjp = softmax_backward(&p, &g, Axis(0))?;
    let dense = j.t().dot(&g);
    println!("\n  upstream gradient g = {g}");
    println!("  J^T g               = {dense:.6}");
    println!("  softmax_backward    = {vjp:.6}");
    println!(
        "  max difference        {:.2e}\n",
        (&vjp - &dense).iter().fold(0.0_f64, |m, &v| m.max(v.abs()))
    );
    Ok(())
}

/// The shortest time of `reps` calls of `f`: the least disturbed by whatever else the machine
/// is doing.
fn best_time(reps: usize, mut f: impl FnMut()) -> Duration {
    (0..reps)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn timing() -> BoxResult<()> {
    println!("time of one backward pass through a softmax over n classes (f32, best of several)\n");
    println!(
        "  {:>6}  {:>14}  {:>16}  {:>9}  {:>12}  {:>10}",
        "n", "size of J", "J, then J^T g", "VJP", "ratio", "max diff"
    );
    let mut rng = StdRng::seed_from_u64(3);
    let (mut dense_points, mut vjp_points) = (Vec::new(), Vec::new());
    for n in [125, 250, 500, 1000, 2000, 4000] {
        let x = Array1::from_shape_fn(n, |_| (3.0 * rng.sample::<f64, _>(StandardNormal)) as f32);
        let g = Array1::from_shape_fn(n, |_| rng.sample::<f64, _>(StandardNormal) as f32);
        let p = softmax(&x, Axis(0));
        let dense = || softmax_jacobian(black_box(&p)).t().dot(black_box(&g));
        let vjp = || softmax_backward(black_box(&p), black_box(&g), Axis(0));
        let diff = (&dense() - &vjp()?)
            .iter()
            .fold(0.0_f32, |m, &v| m.max(v.abs()));
        let t_dense = best_time(if n < 2000 { 7 } else { 3 }, || {
            black_box(dense());
        });
        let t_vjp = best_time(201, || {
            let _ = black_box(vjp());
        });
        let bytes = (n * n * size_of::<f32>()) as f64;
        println!(
            "  {n:>6}  {:>11.1} MB  {:>13.3} ms  {:>6.1} µs  {:>11.0}x  {diff:>10.1e}",
            bytes / 1e6,
            t_dense.as_secs_f64() * 1e3,
            t_vjp.as_secs_f64() * 1e6,
            t_dense.as_secs_f64() / t_vjp.as_secs_f64().max(1e-12)
        );
        dense_points.push((n as f64, t_dense.as_secs_f64()));
        vjp_points.push((n as f64, t_vjp.as_secs_f64()));
    }
    println!("\n  Forming J costs n^2 time and memory (64 MB at n = 4000); the VJP reads p and g");
    println!("  once and writes n numbers, and at these sizes is mostly call overhead.\n");
    let path = LinePlot {
        labels: [
            "Backward through softmax: Jacobian vs vector-Jacobian product",
            "classes n",
            "seconds per call",
        ],
        series: vec![
            ("J, then J^T g".to_string(), dense_points),
            ("softmax_backward".to_string(), vjp_points),
        ],
        log_x: true,
        log_y: true,
    }
    .draw("jacobian_timing.svg")?;
    println!("wrote {}", shown(&path));
    Ok(())
}

fn main() -> BoxResult<()> {
    check()?;
    timing()
}
