//! Softmax temperature: the distribution of the logits `[2.0, 1.0, 0.1]` at T = 0.1, 0.5, 1, 2
//! and 5, as a table and a grouped bar chart, and 10 000 seeded draws at each temperature whose
//! frequencies match the probabilities.
//!
//! Run with `cargo run --release --example temperature`; it writes
//! `target/examples-output/temperature.svg`.

mod common;

use common::{BarChart, BoxResult, shown};
use logits::softmax_with_temperature;
use ndarray::{Array1, Axis, array};
use rand::SeedableRng;
use rand::distr::{Distribution, weighted::WeightedIndex};
use rand::rngs::StdRng;

const TEMPERATURES: [f32; 5] = [0.1, 0.5, 1.0, 2.0, 5.0];
const DRAWS: usize = 10_000;

/// Entropy in nats, `−Σ p ln p`: 0 for a sure thing, ln 3 = 1.0986 for three equal classes.
fn entropy(p: &Array1<f32>) -> f32 {
    -p.iter()
        .filter(|&&q| q > 0.0)
        .map(|&q| q * q.ln())
        .sum::<f32>()
}

fn main() -> BoxResult<()> {
    let logits = array![2.0_f32, 1.0, 0.1];
    println!("softmax(logits / T) for logits {logits}\n");
    println!(
        "  {:>5}   {:>9} {:>9} {:>9}   {:>8}",
        "T", "class 0", "class 1", "class 2", "entropy"
    );
    let mut table = Vec::new();
    for t in TEMPERATURES {
        let p = softmax_with_temperature(&logits, Axis(0), t)?;
        println!(
            "  {t:>5}   {:>9.4} {:>9.4} {:>9.4}   {:>8.4}",
            p[0],
            p[1],
            p[2],
            entropy(&p)
        );
        table.push((t, p));
    }
    println!("\n  Low T sharpens towards the arg-max (greedy); high T flattens towards uniform.\n");

    println!(
        "{DRAWS} draws at each temperature (rand's StdRng, seeded): frequency vs probability\n"
    );
    let mut rng = StdRng::seed_from_u64(42);
    println!(
        "  {:>5}   {:>17} {:>17} {:>17}   {:>10}",
        "T", "class 0", "class 1", "class 2", "max error"
    );
    for (t, p) in &table {
        let mut counts = [0_usize; 3];
        let draw = WeightedIndex::new(p)?;
        for _ in 0..DRAWS {
            counts[draw.sample(&mut rng)] += 1;
        }
        let freq = counts.map(|c| c as f32 / DRAWS as f32);
        let worst = freq
            .iter()
            .zip(p)
            .map(|(f, q)| (f - q).abs())
            .fold(0.0_f32, f32::max);
        let cells: Vec<String> = freq
            .iter()
            .zip(p)
            .map(|(f, q)| format!("{f:.4} ({q:.4})"))
            .collect();
        println!(
            "  {t:>5}   {:>17} {:>17} {:>17}   {worst:>10.4}",
            cells[0], cells[1], cells[2]
        );
    }
    // The standard error of a frequency is sqrt(p (1 − p) / n) ≤ 0.005 for n = 10 000.
    println!(
        "\n  Each frequency is within a few standard errors (at most 0.005) of its probability.\n"
    );

    // Dividing by a small T makes logits large: the tutorial's exp(x / T) / Σ exp(x / T)
    // overflows at T = 0.01 in f32 (exp(200) = inf), and inf / inf is NaN.
    let t = 0.01_f32;
    let naive = logits.mapv(|x| (x / t).exp());
    let naive = &naive / naive.sum();
    let ours = softmax_with_temperature(&logits, Axis(0), t)?;
    println!("at T = {t}: naive exp(x / T) / sum gives {naive:.4}, logits gives {ours:.4}");
    if let Err(e) = softmax_with_temperature(&logits, Axis(0), 0.0) {
        println!("and T = 0 is an error, not a NaN: {e}\n");
    }

    let path = BarChart {
        labels: [
            "softmax([2.0, 1.0, 0.1] / T)",
            "class (logit)",
            "probability",
        ],
        categories: ["class 0 (2.0)", "class 1 (1.0)", "class 2 (0.1)"]
            .map(String::from)
            .to_vec(),
        series: table
            .iter()
            .map(|(t, p)| {
                (
                    format!("T = {t}"),
                    p.iter().map(|&q| f64::from(q)).collect(),
                )
            })
            .collect(),
    }
    .draw("temperature.svg")?;
    println!("wrote {}", shown(&path));
    Ok(())
}
