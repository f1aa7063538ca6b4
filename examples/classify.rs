//! The last step of a classifier: read a batch of logits saved by NumPy or PyTorch (`numpy.save`,
//! a `[rows, classes]` array of `f32` or `f64`, read here with `ndarray-npy`), turn them into
//! probabilities with `softmax`, rank the classes with `top_k`, and score them against the true
//! classes if those were saved too (an integer `.npy` of `[rows]`).
//!
//! Run with `cargo run --release --example classify [LOGITS.npy [TARGETS.npy]]`. The defaults are
//! the test-set logits of the `digits` example's network, committed in `examples/data/`: 355
//! handwritten digits over the classes 0–9. After the real rows come two made-up ones built from
//! the first: its logits shifted by +2000, where a naive `exp` overflows, and an exact tie.

mod common;

use std::path::{Path, PathBuf};

use common::{BoxResult, data_path, shown};
use logits::{Float, LogitsExt};
use ndarray::{Array1, Array2, ArrayView1, Axis};
use ndarray_npy::{ReadNpyError, ReadNpyExt, read_npy};

const TOP: usize = 5;

/// Reads a `.npy` file as `T`, saying which file could not be read.
fn read<T: ReadNpyExt>(path: &Path) -> Result<T, String> {
    read_npy(path).map_err(|e| format!("cannot read {}: {e}", shown(path)))
}

/// Prints the top classes of one row of logits.
fn show_row<A: Float>(x: &ArrayView1<A>, label: &str) {
    let (p, classes) = x.softmax(Axis(0)).top_k(TOP, Axis(0));
    let cells: Vec<String> = (p.iter().zip(&classes))
        .map(|(&p, &c)| format!("{c} {:>5.1}%", p.to_f64().unwrap_or(f64::NAN) * 100.0))
        .collect();
    println!("  {label:<26} {}", cells.join("   "));
}

/// Scores the rows, shows a few, and runs the overflow and tie demonstrations on the first row.
fn report<A: Float>(x: &Array2<A>, targets: Option<&[usize]>) -> BoxResult<()> {
    let (rows, classes) = x.dim();
    if rows == 0 || classes < 2 {
        return Err(format!(
            "expected logits of [rows, classes ≥ 2], got {:?}",
            x.shape()
        )
        .into());
    }
    if let Some(t) = targets {
        if t.len() != rows {
            return Err(format!("{rows} rows of logits but {} true classes", t.len()).into());
        }
        if let Some(c) = t.iter().find(|&&c| c >= classes) {
            return Err(format!("true class {c} is not below the {classes} classes").into());
        }
    }
    let probs = x.softmax(Axis(1));
    let (top_p, top_c) = probs.top_k(TOP.min(classes), Axis(1));
    println!("the first rows: the {TOP} most likely classes and their probabilities");
    for r in 0..rows.min(4) {
        let truth = targets.map_or(String::new(), |t| format!(" (true class {})", t[r]));
        show_row(&x.row(r), &format!("row {r}{truth}"));
    }
    let confidence = top_p.column(0).mapv(|p| p.to_f64().unwrap_or(f64::NAN));
    let unsure =
        confidence.indexed_iter().fold(
            (0, f64::INFINITY),
            |best, (r, &p)| if p < best.1 { (r, p) } else { best },
        );
    show_row(&x.row(unsure.0), &format!("row {} (least sure)", unsure.0));
    println!(
        "  mean top probability {:.3}",
        confidence.mean().unwrap_or(f64::NAN)
    );
    if let Some(t) = targets {
        let within = |k: usize| {
            let hits = (0..rows).filter(|&r| top_c.row(r).iter().take(k).any(|&c| c == t[r]));
            hits.count() as f64 / rows as f64
        };
        println!(
            "  top-1 accuracy {:.3}, top-3 accuracy {:.3}",
            within(1),
            within(3)
        );
    }

    // A row whose logits all grew by 2000, as an unnormalised model's can: exp overflows to inf
    // and inf / inf is NaN, while softmax subtracts the maximum first.
    let shifted: Array1<A> = x
        .row(0)
        .mapv(|v| v + A::from(2000.0).unwrap_or_else(A::max_value));
    let naive = shifted.mapv(num_traits::Float::exp);
    let naive = &naive / naive.sum();
    println!(
        "\nrow 0 with 2000 added to every logit (largest now {:.1})",
        shifted.fold(A::neg_infinity(), |m, &v| m.max(v))
    );
    println!(
        "  naive exp(x) / sum: {:?}",
        naive.iter().take(3).collect::<Vec<_>>()
    );
    show_row(&shifted.view(), "softmax, top classes");

    // An exact tie between the two most likely classes: top_k ranks the lower class index first.
    let mut tied = x.row(0).to_owned();
    let (first, second) = (top_c[[0, 0]], top_c[[0, 1]]);
    tied[second] = tied[first];
    println!("\nrow 0 with class {second}'s logit raised to class {first}'s (a tie)");
    show_row(&tied.view(), "softmax, top classes");
    Ok(())
}

fn main() -> BoxResult<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let logits_path = args
        .first()
        .map_or_else(|| data_path("digits_test_logits.npy"), PathBuf::from);
    let targets_path = args.get(1).map_or_else(
        || (args.is_empty()).then(|| data_path("digits_test_targets.npy")),
        |p| Some(PathBuf::from(p)),
    );
    let targets: Option<Vec<usize>> = match &targets_path {
        Some(path) => {
            let t: Array1<i64> = read(path)?;
            let t: Result<Vec<usize>, _> = t.iter().map(|&c| usize::try_from(c)).collect();
            Some(t.map_err(|_| format!("{}: a class index is negative", shown(path)))?)
        }
        None => None,
    };
    let (logits_shown, targets_shown) = (
        shown(&logits_path),
        targets_path.map_or(String::new(), |p| {
            format!("; true classes from {}", shown(&p))
        }),
    );
    let heading = |dtype: &str, shape: &[usize]| {
        println!("{logits_shown}: {dtype} logits of shape {shape:?}{targets_shown}\n");
    };
    // f32, or else f64: the file's header says which.
    match read_npy::<_, Array2<f32>>(&logits_path) {
        Ok(x) => {
            heading("f32", x.shape());
            report(&x, targets.as_deref())
        }
        Err(ReadNpyError::WrongDescriptor(_)) => {
            let x: Array2<f64> = read(&logits_path)?;
            heading("f64", x.shape());
            report(&x, targets.as_deref())
        }
        Err(e) => Err(format!("cannot read {logits_shown}: {e}").into()),
    }
}
