//! A softmax (Boltzmann) policy on a multi-armed bandit.
//!
//! 1. Action frequencies over 10 000 seeded draws against the probabilities
//!    `softmax(Q / T)` (`logits::softmax_with_temperature`) at several temperatures: T trades
//!    exploration (high) against exploitation (low).
//! 2. Learning the policy by the policy gradient (REINFORCE with a running-mean baseline): the
//!    gradient of `ln π(a)` with respect to the preferences is `onehot(a) − π`, which is minus the
//!    gradient of the cross-entropy with target `a`, so `logits::cross_entropy_and_grad` supplies
//!    it.
//!
//! Run with `cargo run --release --example policy`; it writes
//! `target/examples-output/policy.svg`, the probability of each arm as the policy learns.

mod common;

use common::{BoxResult, LinePlot, shown};
use logits::{Key, Sampler, cross_entropy_and_grad, softmax, softmax_with_temperature};
use ndarray::{Array1, Axis, array};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use rand_distr::StandardNormal;

const DRAWS: usize = 10_000;
const STEPS: usize = 3000;

fn sampling() -> BoxResult<()> {
    let q = array![1.0_f64, 2.0, 1.5, 0.5];
    println!("1. Q-values {q}: action frequencies over {DRAWS} draws (probability in brackets)\n");
    println!(
        "  {:>5}  {:>17} {:>17} {:>17} {:>17}",
        "T", "action 0", "action 1", "action 2", "action 3"
    );
    for (seed, t) in [0.1, 0.25, 0.5, 1.0, 2.0, 10.0].into_iter().enumerate() {
        // Boltzmann exploration: draw an action from softmax(Q / T).
        let p = softmax_with_temperature(&q, Axis(0), t)?;
        let boltzmann = Sampler::new().temperature(t);
        let mut counts = [0_usize; 4];
        for draw in 0..DRAWS {
            counts[boltzmann
                .sample(&q, Key::new(seed as u64, draw as u64))?
                .token] += 1;
        }
        let cells: Vec<String> = counts
            .iter()
            .zip(&p)
            .map(|(&c, &p)| format!("{:.3} ({p:.3})", c as f64 / DRAWS as f64))
            .collect();
        println!(
            "  {t:>5}  {:>17} {:>17} {:>17} {:>17}",
            cells[0], cells[1], cells[2], cells[3]
        );
    }
    println!("\n  T -> 0 is greedy (always action 1), T -> inf is uniform (0.25 each).\n");
    Ok(())
}

/// Returns, for each step, the policy's probabilities, and prints progress.
fn learn() -> BoxResult<Vec<Array1<f64>>> {
    let means = array![0.2_f64, -0.5, 1.0, 0.8, 0.0];
    let arms = means.len();
    println!(
        "2. learning a policy on a {arms}-armed bandit, rewards ~ N(mean, 1), means {means}\n"
    );
    // The policy samples actions from the logits θ; the rewards' noise has its own generator.
    let policy = Sampler::new();
    let mut rng = StdRng::seed_from_u64(5);
    let lr = 0.05;
    // The preferences, as a [1, arms] batch of one row of logits.
    let mut theta = ndarray::Array2::<f64>::zeros((1, arms));
    let mut baseline = 0.0;
    let mut history = Vec::with_capacity(STEPS + 1);
    let mut window = 0.0;
    println!(
        "  {:>5}  {:>38}  {:>17}",
        "step", "policy softmax(theta)", "mean reward (500)"
    );
    for step in 0..=STEPS {
        let pi = softmax(&theta.row(0), Axis(0));
        history.push(pi.clone());
        if step % 500 == 0 {
            let cells: Vec<String> = pi.iter().map(|p| format!("{p:.3}")).collect();
            let shown = if step == 0 {
                "-".to_string()
            } else {
                format!("{:.3}", window / 500.0)
            };
            println!("  {step:>5}  [{}]  {shown:>17}", cells.join(", "));
            window = 0.0;
        }
        if step == STEPS {
            break;
        }
        let a = policy
            .sample(&theta.row(0), Key::new(5, step as u64))?
            .token;
        let reward = means[a] + rng.sample::<f64, _>(StandardNormal);
        window += reward;
        // ∇θ ln π(a) = onehot(a) − π = −∇θ CE(θ, a): ascend the advantage-weighted log-likelihood.
        let (_, grad) = cross_entropy_and_grad(&theta, &[a])?;
        theta.scaled_add(-lr * (reward - baseline), &grad);
        baseline += 0.01 * (reward - baseline);
    }
    println!(
        "\n  The probability gathers on the best arm (2, mean 1.0); the runner-up, arm 3 (mean"
    );
    println!("  0.8), is the last to fade, as its rewards are hardest to tell from the best.\n");
    Ok(history)
}

fn main() -> BoxResult<()> {
    sampling()?;
    let history = learn()?;
    let arms = history.first().map_or(0, Array1::len);
    let series = (0..arms)
        .map(|a| {
            let points = history
                .iter()
                .enumerate()
                .step_by(10)
                .map(|(step, p)| (step as f64, p[a]))
                .collect();
            (format!("arm {a}"), points)
        })
        .collect();
    let path = LinePlot {
        labels: [
            "Policy gradient on a 5-armed bandit",
            "step",
            "probability of the arm",
        ],
        series,
        log_x: false,
        log_y: false,
    }
    .draw("policy.svg")?;
    println!("wrote {}", shown(&path));
    Ok(())
}
