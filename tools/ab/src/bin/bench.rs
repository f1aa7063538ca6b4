//! Interleaved A/B timings of this tree (`logits`) against an older one (`logits_old`): per case
//! and round, the old version, the new one and a copy of the same bytes are timed in turn, so
//! that the machine's drift hits all three alike. A case counts as slower only if the new
//! version is slower in every round.
//!
//! `tools/ab/run.sh REV bench [ROUNDS]` (default 5 rounds).

use std::hint::black_box;
use std::time::{Duration, Instant};

use ndarray::{Array2, Axis};

/// Median time of one call of `f`, in nanoseconds, over calls filling about `budget`.
fn time(f: &mut dyn FnMut(), budget: Duration) -> f64 {
    for _ in 0..3 {
        f();
    }
    let mut samples = Vec::new();
    let start = Instant::now();
    while samples.len() < 7 || start.elapsed() < budget {
        let t = Instant::now();
        f();
        samples.push(t.elapsed().as_nanos() as f64);
    }
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn input<A: num_traits_free::FromF64>(rows: usize, cols: usize) -> Array2<A> {
    let mut s = 0x2545_F491_4F6C_DD1D_u64;
    Array2::from_shape_simple_fn((rows, cols), || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        A::from_f64((s >> 40) as f64 / (1u64 << 24) as f64 * 20.0 - 10.0)
    })
}

mod num_traits_free {
    pub trait FromF64: Copy + Default {
        fn from_f64(v: f64) -> Self;
    }
    impl FromF64 for f32 {
        fn from_f64(v: f64) -> Self {
            v as f32
        }
    }
    impl FromF64 for f64 {
        fn from_f64(v: f64) -> Self {
            v
        }
    }
}

struct Case {
    name: String,
    old: Box<dyn FnMut()>,
    new: Box<dyn FnMut()>,
    copy: Box<dyn FnMut()>,
}

macro_rules! op_cases {
    ($t:ty, $tname:literal, $rows:expr, $cols:expr, $axis:expr, $cases:ident) => {{
        let (rows, cols, axis): (usize, usize, usize) = ($rows, $cols, $axis);
        let shape = format!("{rows}x{cols}/{}/axis{axis}", $tname);
        let x = std::rc::Rc::new(input::<$t>(rows, cols));
        let copy = || {
            let x = x.clone();
            let mut out = Array2::<$t>::zeros((rows, cols));
            Box::new(move || {
                out.as_slice_mut()
                    .unwrap()
                    .copy_from_slice(x.as_slice().unwrap());
                black_box(&out);
            }) as Box<dyn FnMut()>
        };
        macro_rules! into_case {
            ($name:literal, $f:ident) => {{
                let (xo, xn) = (x.clone(), x.clone());
                let mut oo = Array2::<$t>::zeros((rows, cols));
                let mut on = Array2::<$t>::zeros((rows, cols));
                $cases.push(Case {
                    name: format!("{}/{shape}", $name),
                    old: Box::new(move || {
                        logits_old::$f(&*xo, &mut oo, Axis(axis)).unwrap();
                        black_box(&oo);
                    }),
                    new: Box::new(move || {
                        logits::$f(&*xn, &mut on, Axis(axis)).unwrap();
                        black_box(&on);
                    }),
                    copy: copy(),
                });
            }};
        }
        into_case!("softmax_into", softmax_into);
        into_case!("log_softmax_into", log_softmax_into);
        let (xo, xn) = (x.clone(), x.clone());
        $cases.push(Case {
            name: format!("logsumexp/{shape}"),
            old: Box::new(move || {
                black_box(logits_old::logsumexp(&*xo, Axis(axis)));
            }),
            new: Box::new(move || {
                black_box(logits::logsumexp(&*xn, Axis(axis)));
            }),
            copy: copy(),
        });
        let classes = if axis == 1 { cols } else { rows };
        let samples = if axis == 1 { rows } else { cols };
        let targets: Vec<usize> = (0..samples).map(|i| (i * 7919) % classes).collect();
        let (xo, xn) = (x.clone(), x.clone());
        let (to, tn) = (targets.clone(), targets);
        let mut go = Array2::<$t>::zeros((rows, cols));
        let mut gn = Array2::<$t>::zeros((rows, cols));
        $cases.push(Case {
            name: format!("cross_entropy_loss_and_grad_into/{shape}"),
            old: Box::new(move || {
                let ce = logits_old::CrossEntropy::new().class_axis(Axis(axis));
                black_box(ce.loss_and_grad_into(&*xo, &to, &mut go).unwrap());
            }),
            new: Box::new(move || {
                let ce = logits::CrossEntropy::new().class_axis(Axis(axis));
                black_box(ce.loss_and_grad_into(&*xn, &tn, &mut gn).unwrap());
            }),
            copy: copy(),
        });
    }};
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .map_or(5, |r| r.parse().expect("ROUNDS is a number"));
    let filter = std::env::args().nth(2).unwrap_or_default();
    let budget = Duration::from_millis(300);
    let mut cases: Vec<Case> = Vec::new();
    op_cases!(f32, "f32", 4096, 1000, 1, cases);
    op_cases!(f32, "f32", 256, 32000, 1, cases);
    op_cases!(f32, "f32", 65536, 10, 1, cases);
    op_cases!(f32, "f32", 4096, 1000, 0, cases);
    op_cases!(f64, "f64", 4096, 1000, 1, cases);
    // The fused LM head, both tilings: panels of rows (the default chunk size) and vocabulary
    // chunks recomputed for the gradient (a small chunk size).
    for chunk in [4096, 256] {
        let (n, d, v) = (512, 256, 8000);
        let h = std::rc::Rc::new(input::<f32>(n, d).mapv(|x| x * 0.05));
        let w = std::rc::Rc::new(input::<f32>(v, d).mapv(|x| x * 0.05));
        let targets: std::rc::Rc<Vec<usize>> =
            std::rc::Rc::new((0..n).map(|i| (i * 7919) % v).collect());
        let (ho, wo, to) = (h.clone(), w.clone(), targets.clone());
        let (hn, wn, tn) = (h.clone(), w.clone(), targets.clone());
        let (hc, mut copy_out) = (h.clone(), Array2::<f32>::zeros((n, d)));
        cases.push(Case {
            name: format!("linear_cross_entropy_loss_and_grad/{n}x{d}x{v}/chunk{chunk}"),
            old: Box::new(move || {
                let ce = logits_old::LinearCrossEntropy::new().chunk_size(chunk);
                black_box(ce.loss_and_grad(&*ho, &*wo, &to[..]).unwrap());
            }),
            new: Box::new(move || {
                let ce = logits::LinearCrossEntropy::new().chunk_size(chunk);
                black_box(ce.loss_and_grad(&*hn, &*wn, &tn[..]).unwrap());
            }),
            copy: Box::new(move || {
                copy_out
                    .as_slice_mut()
                    .unwrap()
                    .copy_from_slice(hc.as_slice().unwrap());
                black_box(&copy_out);
            }),
        });
    }
    cases.retain(|c| c.name.contains(&filter));
    println!(
        "isa old {} new {}; {rounds} rounds; times relative to a copy of the same bytes",
        logits_old::kernel_isa(),
        logits::kernel_isa()
    );
    let mut table: Vec<(String, Vec<f64>, Vec<f64>)> = Vec::new();
    for case in &mut cases {
        let (mut olds, mut news) = (Vec::new(), Vec::new());
        for _ in 0..rounds {
            let o = time(&mut case.old, budget);
            let n = time(&mut case.new, budget);
            let c = time(&mut case.copy, budget);
            olds.push(o / c);
            news.push(n / c);
        }
        let ratios: Vec<String> = olds
            .iter()
            .zip(&news)
            .map(|(o, n)| format!("{:.2}", n / o))
            .collect();
        println!("{:<55} new/old by round: {}", case.name, ratios.join(" "));
        table.push((case.name.clone(), olds, news));
    }
    let median = |v: &[f64]| {
        let mut v = v.to_vec();
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!();
    println!("| case | old / copy | new / copy | new / old, each round | slower in every round |");
    println!("|---|---:|---:|---|---|");
    for (name, olds, news) in &table {
        let per: Vec<f64> = olds.iter().zip(news).map(|(o, n)| n / o).collect();
        let slower = per.iter().all(|&r| r > 1.0);
        let shown: Vec<String> = per.iter().map(|r| format!("{r:.2}")).collect();
        let verdict = if slower {
            format!(
                "yes, by {:.0}% or more",
                (per.iter().copied().fold(f64::INFINITY, f64::min) - 1.0) * 100.0
            )
        } else {
            "no".to_string()
        };
        println!(
            "| {name} | {:.2} | {:.2} | {} | {verdict} |",
            median(olds),
            median(news),
            shown.join(" ")
        );
    }
}
