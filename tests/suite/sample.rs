//! The sampler: kept sets against a sort-based reference under the documented rule, on fuzzed
//! rows of every shape; the draws' distribution (chi-square goodness of fit, tail mass);
//! reproducibility across batch composition; log-probabilities; every error.
//!
//! `SAMPLE_ROWS=n` compares `n` fuzzed rows with the reference (CI: a few hundred).

use logits::{Context, Draw, Error, Key, Order, Request, Sampler, log_softmax, sample_batch};
use ndarray::{Array1, Array2, Axis, array, s};

use crate::fuzz_regressions::checks::{SampleOptions, kept_reference, processed};
use crate::harness::SplitMix;

/// The sampler's kept set, from `filter_inplace`.
fn kept_by_sampler(x: &[f64], q: SampleOptions) -> Vec<usize> {
    let mut row = Array1::from(x.to_vec());
    let n = q
        .sampler()
        .filter_inplace(&mut row, &Context::default())
        .unwrap();
    let kept: Vec<usize> = (0..x.len())
        .filter(|&i| {
            row[i] > f64::NEG_INFINITY || (x[i] == f64::INFINITY && row[i] == f64::INFINITY)
        })
        .collect();
    assert_eq!(kept.len(), n, "the reported size is the kept set's");
    kept
}

/// A fuzzed row: peaked, flat, tied, or masked, of length `v`.
fn fuzzed_row(rng: &mut SplitMix, v: usize) -> Vec<f64> {
    let kind = rng.below(6);
    (0..v)
        .map(|_| match kind {
            0 => rng.uniform(-3.0, 3.0),                       // LM-like spread
            1 => 0.0,                                          // flat
            2 => (rng.below(4) as f64) * 0.5,                  // heavy ties
            3 if rng.below(3) == 0 => f64::NEG_INFINITY,       // masked
            4 if rng.below(50) == 0 => rng.uniform(5.0, 15.0), // peaked
            5 if rng.below(200) == 0 => f64::INFINITY,         // +inf entries
            _ => rng.uniform(-8.0, 2.0),
        })
        .collect()
}

fn fuzzed_params(rng: &mut SplitMix) -> SampleOptions {
    // `one_in(n)` of the cases turn a filter on.
    let mut on = |n: usize, lo: f64, hi: f64, off: f64| {
        let v = rng.uniform(lo, hi);
        if rng.below(n) == 0 { v } else { off }
    };
    let p = on(2, 0.05, 0.99, 1.0);
    let min_p = on(3, 0.001, 0.5, 0.0);
    let typical = on(4, 0.2, 0.99, 1.0);
    SampleOptions {
        t: [0.0, 0.3, 0.7, 1.0, 1.5][rng.below(5)],
        k: [0, 0, 1, 5, 50][rng.below(5)],
        p,
        min_p,
        typical,
        min_keep: [1, 1, 3][rng.below(3)],
        order: if rng.below(2) == 0 {
            Order::HuggingFace
        } else {
            Order::LlamaCpp
        },
    }
}

#[test]
fn kept_sets_match_the_reference() {
    let rows: usize = std::env::var("SAMPLE_ROWS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(300);
    let mut rng = SplitMix(14);
    let (mut exact, mut within_rounding, mut ambiguous) = (0, 0, 0);
    for case in 0..rows {
        let v = match case % 10 {
            0 => 1,
            1 => 2 + rng.below(10),
            9 if case % 100 == 99 => 262_144,
            8 => 4096 + rng.below(70_000),
            _ => 10 + rng.below(3000),
        };
        let x = fuzzed_row(&mut rng, v);
        if x.iter().all(|&e| e == f64::NEG_INFINITY) {
            continue;
        }
        let q = fuzzed_params(&mut rng);
        let got = kept_by_sampler(&x, q);
        let Some(want) = kept_reference(&x, q, f64::from) else {
            ambiguous += 1;
            continue;
        };
        if got == want {
            exact += 1;
            continue;
        }
        // Only a threshold within rounding of a boundary may move the set: it must lie between
        // the reference's sets with every threshold nudged by 1e-9 either way.
        let (lo, hi) = (
            kept_reference(&x, q.nudged(-1e-9), f64::from).unwrap_or_default(),
            kept_reference(&x, q.nudged(1e-9), f64::from).unwrap_or_else(|| got.clone()),
        );
        assert!(
            lo.iter().all(|i| got.binary_search(i).is_ok())
                && got.iter().all(|i| hi.binary_search(i).is_ok()),
            "case {case}: V = {v}, {q:?}: kept {} tokens, the reference {} (band {}..{})",
            got.len(),
            want.len(),
            lo.len(),
            hi.len()
        );
        within_rounding += 1;
    }
    eprintln!(
        "kept sets: {exact} equal to the reference, {within_rounding} within rounding of a \
         boundary, {ambiguous} with typical-p closeness ties below f64's reach"
    );
    assert!(
        within_rounding * 100 <= rows,
        "too many rows at a boundary: {within_rounding}"
    );
}

/// Pearson's chi-square statistic of `counts` against probabilities `p`.
fn chi_square(counts: &[u64], p: &[f64]) -> f64 {
    let n: u64 = counts.iter().sum();
    counts
        .iter()
        .zip(p)
        .filter(|&(_, &p)| p > 0.0)
        .map(|(&c, &p)| {
            let e = p * n as f64;
            (c as f64 - e).powi(2) / e
        })
        .sum()
}

/// Plain sampling at temperature 1, every filter off.
const PLAIN: SampleOptions = SampleOptions {
    t: 1.0,
    k: 0,
    p: 1.0,
    min_p: 0.0,
    typical: 1.0,
    min_keep: 1,
    order: Order::HuggingFace,
};

/// The chi-square value exceeded with probability 0.01 at `df` degrees of freedom (Wilson and
/// Hilferty's approximation, within 1% here).
fn critical(df: usize) -> f64 {
    let d = df as f64;
    let c = 2.0 / (9.0 * d);
    d * (1.0 - c + 2.326_348 * c.sqrt()).powi(3)
}

#[test]
fn draws_fit_the_processed_distribution() {
    // (sampler, logits): the expected distribution is softmax of the filtered row at T.
    let x = array![1.0_f64, 2.0, 0.5, -1.0, 3.0, 2.0, 0.0, -3.0, 1.5, 2.5];
    let cases = [
        PLAIN,
        SampleOptions {
            t: 0.6,
            k: 5,
            ..PLAIN
        },
        SampleOptions {
            t: 1.4,
            p: 0.8,
            order: Order::LlamaCpp,
            ..PLAIN
        },
        SampleOptions {
            min_p: 0.2,
            ..PLAIN
        },
    ];
    for (case, q) in cases.iter().enumerate() {
        let mut row = x.clone();
        q.sampler::<f64>()
            .filter_inplace(&mut row, &Context::default())
            .unwrap();
        let p = logits::softmax_with_temperature(&row, Axis(0), q.t).unwrap();
        let sampler = q.sampler::<f64>();
        let mut counts = vec![0_u64; x.len()];
        let draws = 1_000_000;
        for position in 0..draws {
            counts[sampler
                .sample(&x, Key::new(case as u64, position))
                .unwrap()
                .token] += 1;
        }
        let kept = p.iter().filter(|&&v| v > 0.0).count();
        for (i, &c) in counts.iter().enumerate() {
            assert!(
                p[i] > 0.0 || c == 0,
                "case {case}: token {i} is outside the kept set"
            );
        }
        let stat = chi_square(&counts, p.as_slice().unwrap());
        assert!(
            stat < critical(kept - 1),
            "case {case}: chi-square {stat} with {} degrees of freedom",
            kept - 1
        );
    }
}

#[test]
fn the_tail_is_drawn_at_its_probability() {
    // One logit at +10 over 131,071 zeros: p = e^10 / (e^10 + 131071) = 0.14386.
    let v = 131_072;
    let mut x = Array1::<f32>::zeros(v);
    x[77] = 10.0;
    let sampler = Sampler::new();
    let draws: u64 = 100_000;
    let hits = (0..draws)
        .filter(|&i| sampler.sample(&x, Key::new(3, i)).unwrap().token == 77)
        .count();
    let p = 10_f64.exp() / (10_f64.exp() + 131_071.0);
    let f = hits as f64 / draws as f64;
    assert!((f - p).abs() < 0.005, "frequency {f}, probability {p}");
}

#[test]
fn infinite_logits_share_the_mass() {
    let x = array![
        0.0_f32,
        f32::INFINITY,
        5.0,
        f32::INFINITY,
        f32::NEG_INFINITY
    ];
    let mut counts = [0_u64; 5];
    for i in 0..20_000 {
        counts[Sampler::new().sample(&x, Key::new(9, i)).unwrap().token] += 1;
    }
    assert_eq!(counts[0] + counts[2] + counts[4], 0);
    assert!(chi_square(&[counts[1], counts[3]], &[0.5, 0.5]) < critical(1));
}

#[test]
fn a_key_gives_the_same_token_alone_and_in_any_batch() {
    let mut rng = SplitMix(5);
    let batch = Array2::from_shape_fn((12, 3000), |_| rng.uniform(-4.0, 4.0) as f32);
    let samplers = [
        Sampler::new(),
        Sampler::new().temperature(0.7).top_k(40),
        Sampler::new().top_p(0.9).min_p(0.05),
        Sampler::new().typical_p(0.8).order(Order::LlamaCpp),
    ];
    let keys: Vec<Key> = (0..12).map(|i| Key::new(100 + i % 3, i * 7)).collect();
    let alone: Vec<usize> = (0..12)
        .map(|i| {
            samplers[i % 4]
                .sample(&batch.row(i), keys[i])
                .unwrap()
                .token
        })
        .collect();
    let requests: Vec<Request<'_, f32>> = (0..12)
        .map(|i| Request {
            sampler: &samplers[i % 4],
            key: keys[i],
            context: Context::default(),
        })
        .collect();
    let together: Vec<usize> = sample_batch(&batch, &requests)
        .unwrap()
        .into_iter()
        .map(|d| d.unwrap().token)
        .collect();
    assert_eq!(together, alone);
    // Reversed and cut: the same tokens per key.
    let reversed = batch.slice(s![..;-1, ..]).to_owned();
    let back: Vec<Request<'_, f32>> = requests.iter().rev().copied().collect();
    let mut again: Vec<usize> = sample_batch(&reversed, &back)
        .unwrap()
        .into_iter()
        .map(|d| d.unwrap().token)
        .collect();
    again.reverse();
    assert_eq!(again, alone);
    let first = sample_batch(&batch.slice(s![..5, ..]), &requests[..5]).unwrap();
    assert_eq!(
        first
            .iter()
            .map(|d| d.as_ref().unwrap().token)
            .collect::<Vec<_>>(),
        alone[..5]
    );
}

#[test]
fn log_probs_are_those_of_the_processed_and_raw_rows() {
    let mut rng = SplitMix(8);
    let x = Array1::from_shape_fn(500, |_| rng.uniform(-5.0, 5.0));
    for (i, base) in [
        Sampler::new().temperature(0.8),
        Sampler::new().top_k(30).temperature(1.3),
        Sampler::new()
            .top_p(0.7)
            .order(Order::LlamaCpp)
            .temperature(0.5),
        Sampler::new().min_p(0.1),
    ]
    .into_iter()
    .enumerate()
    {
        let sampler = base.log_probs(true).raw_log_probs(true);
        let Draw {
            token,
            log_prob,
            raw_log_prob,
        } = sampler.sample(&x, Key::new(1, i as u64)).unwrap();
        let mut row = x.clone();
        sampler
            .filter_inplace(&mut row, &Context::default())
            .unwrap();
        let t = [0.8, 1.3, 0.5, 1.0][i];
        let want = logits::log_softmax_with_temperature(&row, Axis(0), t).unwrap()[token];
        assert!(
            (log_prob.unwrap() - want).abs() < 1e-12 * want.abs().max(1.0),
            "sampler {i}: {log_prob:?} vs {want}"
        );
        let raw = log_softmax(&x, Axis(0))[token];
        assert!((raw_log_prob.unwrap() - raw).abs() < 1e-12 * raw.abs().max(1.0));
    }
    // Nothing asked for, nothing computed.
    let d = Sampler::new().sample(&x, Key::new(1, 1)).unwrap();
    assert_eq!((d.log_prob, d.raw_log_prob), (None, None));
    // Greedy: the token is certain under the processed distribution.
    let g = Sampler::greedy()
        .log_probs(true)
        .sample(&x, Key::new(0, 0))
        .unwrap();
    assert_eq!(g.log_prob, Some(0.0));
}

#[test]
fn greedy_takes_the_first_maximum() {
    let x = array![1.0_f32, 4.0, 2.0, 4.0];
    assert_eq!(
        Sampler::greedy().sample(&x, Key::new(0, 0)).unwrap().token,
        1
    );
    let long = Array1::from_shape_fn(1000, |i| if i == 700 || i == 900 { 9.0_f64 } else { 0.0 });
    assert_eq!(
        Sampler::greedy()
            .sample(&long, Key::new(5, 5))
            .unwrap()
            .token,
        700
    );
    // A strided view.
    let m = Array2::from_shape_fn((3, 200), |(r, c)| (r * c % 17) as f32);
    let col = m.column(150);
    let want = (0..3)
        .max_by(|&a, &b| col[a].total_cmp(&col[b]).then(b.cmp(&a)))
        .unwrap();
    assert_eq!(
        Sampler::greedy()
            .sample(&col, Key::new(0, 0))
            .unwrap()
            .token,
        want
    );
}

#[test]
fn processors_apply_mask_bias_and_penalties() {
    let x = array![2.0_f64, 1.0, -1.0, 0.5];
    let allowed = [true, true, true, false];
    let bias = [(2, 10.0)];
    let history = [0, 0, 1];
    let ctx = Context {
        history: &history,
        logit_bias: &bias,
        allowed: Some(&allowed),
    };
    let sampler = Sampler::new()
        .repetition_penalty(2.0)
        .frequency_penalty(0.25)
        .presence_penalty(0.5);
    let mut row = x.clone();
    let kept = sampler.filter_inplace(&mut row, &ctx).unwrap();
    assert_eq!(kept, 3);
    // token 0: 2 / 2 − 2·0.25 − 0.5 = 0; token 1: 1 / 2 − 0.25 − 0.5 = −0.25; token 2: −1 + 10.
    assert_eq!(row, array![0.0, -0.25, 9.0, f64::NEG_INFINITY]);
    let mut ws = logits::Workspace::new();
    let d = Sampler::greedy()
        .sample_in(&mut ws, &x, &ctx, Key::new(0, 0))
        .unwrap();
    assert_eq!(d.token, 2);
}

#[test]
fn bad_rows_and_options_are_errors() {
    let s = Sampler::<f32>::new();
    let nan = array![0.0_f32, 1.0, f32::NAN, f32::NAN];
    assert_eq!(
        s.sample(&nan, Key::new(0, 0)),
        Err(Error::NanInRow { row: 0, index: 2 })
    );
    let long_nan = Array1::from_shape_fn(300, |i| if i == 250 { f32::NAN } else { 0.0 });
    assert_eq!(
        Sampler::<f32>::greedy().sample(&long_nan, Key::new(0, 0)),
        Err(Error::NanInRow { row: 0, index: 250 })
    );
    let dead = Array1::from_elem(3, f32::NEG_INFINITY);
    assert_eq!(
        s.sample(&dead, Key::new(0, 0)),
        Err(Error::NothingToSample { row: 0 })
    );
    let x = array![0.0_f32, 1.0, 2.0];
    let none = [false; 3];
    let ctx = Context {
        allowed: Some(&none),
        ..Context::default()
    };
    assert_eq!(
        s.sample_in(&mut logits::Workspace::new(), &x, &ctx, Key::new(0, 0)),
        Err(Error::NothingToSample { row: 0 })
    );
    let short = [true; 2];
    let ctx = Context {
        allowed: Some(&short),
        ..Context::default()
    };
    assert!(matches!(
        s.sample_in(&mut logits::Workspace::new(), &x, &ctx, Key::new(0, 0)),
        Err(Error::ShapeMismatch { .. })
    ));
    let ctx = Context {
        history: &[0, 3],
        ..Context::default()
    };
    assert_eq!(
        s.sample_in(&mut logits::Workspace::new(), &x, &ctx, Key::new(0, 0)),
        Err(Error::TokenOutOfRange {
            row: 0,
            what: "history",
            token: 3,
            vocab: 3
        })
    );
    let bias = [(7, 1.0_f32)];
    let ctx = Context {
        logit_bias: &bias,
        ..Context::default()
    };
    assert_eq!(
        s.sample_in(&mut logits::Workspace::new(), &x, &ctx, Key::new(0, 0)),
        Err(Error::TokenOutOfRange {
            row: 0,
            what: "logit bias",
            token: 7,
            vocab: 3
        })
    );
    for (sampler, name) in [
        (Sampler::new().temperature(-1.0), "temperature"),
        (Sampler::new().temperature(f32::NAN), "temperature"),
        (Sampler::new().temperature(1e-40), "temperature"),
        (Sampler::new().top_p(0.0), "top_p"),
        (Sampler::new().top_p(1.5), "top_p"),
        (Sampler::new().min_p(-0.1), "min_p"),
        (Sampler::new().typical_p(0.0), "typical_p"),
        (Sampler::new().repetition_penalty(0.0), "repetition_penalty"),
        (
            Sampler::new().frequency_penalty(f32::INFINITY),
            "frequency_penalty",
        ),
        (
            Sampler::new().presence_penalty(f32::NAN),
            "presence_penalty",
        ),
    ] {
        match sampler.sample(&x, Key::new(0, 0)) {
            Err(Error::InvalidOption { name: n, .. }) => assert_eq!(n, name),
            other => panic!("{name}: {other:?}"),
        }
    }
    // A batch: the wrong number of requests fails whole; a bad row fails alone.
    let batch = array![[0.0_f32, 1.0], [f32::NAN, 0.0], [3.0, 0.0]];
    let one = [Request {
        sampler: &s,
        key: Key::new(0, 0),
        context: Context::default(),
    }];
    assert!(matches!(
        sample_batch(&batch, &one),
        Err(Error::ShapeMismatch { .. })
    ));
    let draws = s
        .sample_rows(&batch, &[Key::new(0, 0), Key::new(0, 1), Key::new(0, 2)])
        .unwrap();
    assert!(draws[0].is_ok() && draws[2].is_ok());
    assert_eq!(draws[1], Err(Error::NanInRow { row: 1, index: 0 }));
}

#[test]
fn any_rand_core_generator_drives_a_draw() {
    use rand_core::SeedableRng;
    let x = array![0.0_f64, 0.0, 0.0, 0.0];
    let mut rng = chacha20::ChaCha8Rng::seed_from_u64(3);
    let mut counts = [0_u64; 4];
    for _ in 0..40_000 {
        counts[Sampler::new().sample_with_rng(&x, &mut rng).unwrap().token] += 1;
    }
    assert!(chi_square(&counts, &[0.25; 4]) < critical(3));
}

/// An adversarial value: ordinary, ±0, subnormal, huge, ±inf, NaN.
fn adversarial(rng: &mut SplitMix) -> f32 {
    match rng.below(20) {
        0 => f32::INFINITY,
        1 => f32::NEG_INFINITY,
        2 => f32::NAN,
        3 => f32::MAX,
        4 => -f32::MAX,
        5 => f32::MIN_POSITIVE / 4.0,
        6 => -0.0,
        _ => rng.uniform(-30.0, 30.0) as f32,
    }
}

/// Every method on adversarial rows, options and contexts: no panic, an `Err` exactly where the
/// docs list one (the first bad option, then the context, then the row), and otherwise a token
/// in the kept set with a log-probability ≤ 0; `filter_inplace` agrees and leaves its input
/// unchanged on error.
#[test]
#[allow(clippy::too_many_lines, reason = "one oracle, read top to bottom")]
fn sampler_is_robust() {
    let mut rng = SplitMix(77);
    for case in 0..3000 {
        let v = [1, 2, 3, 7, 16, 17, 33, 256, 257, 1000][rng.below(10)];
        let flavour = rng.below(4);
        let x: Vec<f32> = (0..v)
            .map(|_| match flavour {
                0 => rng.uniform(-5.0, 5.0) as f32,
                1 => f32::NEG_INFINITY,
                _ => adversarial(&mut rng),
            })
            .collect();
        let pick = |rng: &mut SplitMix, good: &[f32], bad: &[f32]| {
            if rng.below(12) == 0 {
                bad[rng.below(bad.len())]
            } else {
                good[rng.below(good.len())]
            }
        };
        let t = pick(
            &mut rng,
            &[0.0, 0.5, 1.0, 2.0],
            &[-1.0, f32::NAN, f32::INFINITY, 1e-40],
        );
        let top_p = pick(&mut rng, &[1.0, 0.9, 0.3], &[0.0, -0.5, 1.5, f32::NAN]);
        let min_p = pick(&mut rng, &[0.0, 0.1], &[-0.1, 2.0, f32::NAN]);
        let typical = pick(&mut rng, &[1.0, 0.8], &[0.0, 1.1]);
        let rep = pick(&mut rng, &[1.0, 1.3], &[0.0, -1.0, f32::INFINITY]);
        let freq = pick(&mut rng, &[0.0, 0.5], &[f32::NAN, f32::INFINITY]);
        let pres = pick(&mut rng, &[0.0, 0.5], &[f32::NEG_INFINITY]);
        let sampler = Sampler::new()
            .temperature(t)
            .top_k([0, 1, 3][rng.below(3)])
            .top_p(top_p)
            .min_p(min_p)
            .typical_p(typical)
            .min_keep(rng.below(3))
            .repetition_penalty(rep)
            .frequency_penalty(freq)
            .presence_penalty(pres)
            .order(if rng.below(2) == 0 {
                Order::HuggingFace
            } else {
                Order::LlamaCpp
            })
            .log_probs(true)
            .raw_log_probs(true);
        // Token ids, now and then one past the vocabulary.
        let token = |rng: &mut SplitMix| {
            let over = usize::from(rng.below(10) == 0);
            rng.below(v + over)
        };
        let mut history = Vec::new();
        for _ in 0..rng.below(4) {
            history.push(token(&mut rng));
        }
        let mut bias = Vec::new();
        for _ in 0..rng.below(3) {
            let t = token(&mut rng);
            bias.push((t, [1.0, -f32::INFINITY, f32::NAN, 5.0][rng.below(4)]));
        }
        let allowed: Vec<bool> = (0..v + usize::from(rng.below(20) == 0))
            .map(|_| rng.below(4) != 0)
            .collect();
        let ctx = Context {
            history: &history,
            logit_bias: &bias,
            allowed: if rng.below(2) == 0 {
                Some(&allowed)
            } else {
                None
            },
        };
        // What the docs promise, in their order.
        let bad_option = [
            (
                "temperature",
                !(t >= 0.0 && t.is_finite() && (t == 0.0 || (1.0 / t).is_finite())),
            ),
            ("top_p", !(top_p > 0.0 && top_p <= 1.0)),
            ("min_p", !(0.0..=1.0).contains(&min_p)),
            ("typical_p", !(typical > 0.0 && typical <= 1.0)),
            ("repetition_penalty", !(rep > 0.0 && rep.is_finite())),
            ("frequency_penalty", !freq.is_finite()),
            ("presence_penalty", !pres.is_finite()),
        ]
        .into_iter()
        .find(|&(_, bad)| bad)
        .map(|(name, _)| name);
        let strided = Array2::from_shape_fn((v, 2), |(i, j)| if j == 0 { x[i] } else { f32::NAN });
        let row = if case % 2 == 0 {
            Array1::from(x.clone())
        } else {
            strided.column(0).to_owned()
        };
        let view = strided.column(0);
        let got = if case % 2 == 0 {
            sampler.sample_in(&mut logits::Workspace::new(), &row, &ctx, Key::new(case, 0))
        } else {
            sampler.sample_in(
                &mut logits::Workspace::new(),
                &view,
                &ctx,
                Key::new(case, 0),
            )
        };
        let mut filtered = row.clone();
        let kept = sampler.filter_inplace(&mut filtered, &ctx);
        let what = format!("case {case}: V = {v}, {sampler:?}, {ctx:?}");
        if let Some(name) = bad_option {
            assert!(
                matches!(got, Err(Error::InvalidOption { name: n, .. }) if n == name),
                "{what}: {got:?}"
            );
            assert!(
                kept.is_err()
                    && filtered
                        .iter()
                        .zip(&row)
                        .all(|(a, b)| a.to_bits() == b.to_bits()),
                "{what}"
            );
            continue;
        }
        if let Some(&h) = history.iter().find(|&&h| h >= v) {
            assert_eq!(
                got,
                Err(Error::TokenOutOfRange {
                    row: 0,
                    what: "history",
                    token: h,
                    vocab: v
                }),
                "{what}"
            );
            continue;
        }
        if let Some(&(b, _)) = bias.iter().find(|&&(b, _)| b >= v) {
            assert_eq!(
                got,
                Err(Error::TokenOutOfRange {
                    row: 0,
                    what: "logit bias",
                    token: b,
                    vocab: v
                }),
                "{what}"
            );
            continue;
        }
        if bias.iter().any(|(_, b)| b.is_nan()) {
            assert!(
                matches!(
                    got,
                    Err(Error::InvalidOption {
                        name: "logit bias",
                        ..
                    })
                ),
                "{what}: {got:?}"
            );
            continue;
        }
        if ctx.allowed.is_some_and(|a| a.len() != v) {
            assert!(
                matches!(got, Err(Error::ShapeMismatch { .. })),
                "{what}: {got:?}"
            );
            continue;
        }
        let p = processed(&x, (rep, freq, pres), &ctx);
        if let Some(i) = p.iter().position(|e| e.is_nan()) {
            assert_eq!(got, Err(Error::NanInRow { row: 0, index: i }), "{what}");
            assert!(kept.is_err(), "{what}");
            continue;
        }
        if p.iter().all(|&e| e == f32::NEG_INFINITY) {
            assert_eq!(got, Err(Error::NothingToSample { row: 0 }), "{what}");
            continue;
        }
        let d = got.unwrap_or_else(|e| panic!("{what}: {e}"));
        assert!(
            d.token < v && p[d.token] > f32::NEG_INFINITY,
            "{what}: token {}",
            d.token
        );
        if p.contains(&f32::INFINITY) {
            assert_eq!(p[d.token], f32::INFINITY, "{what}");
        }
        let lp = d.log_prob.unwrap();
        assert!(lp <= 1e-6 && !lp.is_nan(), "{what}: log-probability {lp}");
        let raw = d.raw_log_prob.unwrap();
        assert!(
            raw <= 1e-6 || raw.is_nan(),
            "{what}: raw log-probability {raw}"
        );
        let n = kept.unwrap_or_else(|e| panic!("{what}: filter: {e}"));
        assert!(
            n >= 1 && filtered[d.token] > f32::NEG_INFINITY,
            "{what}: kept {n}"
        );
        assert_eq!(
            filtered.iter().filter(|&&e| e > f32::NEG_INFINITY).count(),
            n,
            "{what}"
        );
    }
}

/// Writes the tokens of 10⁶ draws (five settings over rows of 4096 and 32000 logits) to the file
/// `SAMPLE_TOKENS_OUT`, for `tools/isa_draws.sh` to compare across `LOGITS_ISA` paths.
#[test]
#[ignore = "a measurement: run by tools/isa_draws.sh"]
fn tokens_for_the_isa_comparison() {
    use std::io::Write;
    let path = std::env::var("SAMPLE_TOKENS_OUT").expect("SAMPLE_TOKENS_OUT names the output file");
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let settings = [
        Sampler::new(),
        Sampler::new().temperature(0.7),
        Sampler::new().top_k(40).temperature(0.8),
        Sampler::new().top_p(0.9),
        Sampler::new().min_p(0.05).temperature(1.3),
    ];
    let mut rng = SplitMix(2026);
    let mut draws = 0_u64;
    let mut ws = logits::Workspace::new();
    while draws < 1_000_000 {
        let v = if draws.is_multiple_of(2) {
            4096
        } else {
            32_000
        };
        let row: Array1<f32> = Array1::from_shape_fn(v, |_| {
            let u = rng.uniform(-1.0, 1.0) as f32;
            if rng.below(500) == 0 {
                8.0 + 4.0 * u
            } else {
                3.0 * u
            }
        });
        for (s, sampler) in settings.iter().enumerate() {
            for position in 0..20 {
                let key = Key::new(draws, position + 100 * s as u64);
                let d = sampler
                    .sample_in(&mut ws, &row, &Context::default(), key)
                    .unwrap();
                writeln!(out, "{}", d.token).unwrap();
            }
        }
        draws += 100;
    }
}

/// On an unprocessed f32 row, the raw log-probability comes from the sum a pass already took at
/// temperature 1 (the plain draw's, top-p's, typical-p's), or else from one pass of block sums
/// (at another temperature, after top-k or min-p): the same value as `log_softmax`, to f32
/// rounding.
#[test]
fn raw_log_probs_from_a_pass_already_taken() {
    let mut rng = SplitMix(31);
    let x = Array1::from_shape_fn(20_000, |_| rng.uniform(-6.0, 6.0) as f32);
    let want = log_softmax(&x, Axis(0));
    for (i, sampler) in [
        Sampler::new(),
        Sampler::new().top_p(0.8),
        Sampler::new()
            .top_p(0.5)
            .order(Order::LlamaCpp)
            .temperature(0.7),
        Sampler::new().temperature(0.6),
        Sampler::new().temperature(1.7).top_k(40),
        Sampler::new().min_p(0.1),
        Sampler::new().typical_p(0.7),
        Sampler::new().typical_p(0.7).temperature(1.3),
    ]
    .into_iter()
    .enumerate()
    {
        for position in 0..50 {
            let d = sampler
                .clone()
                .raw_log_probs(true)
                .sample(&x, Key::new(i as u64, position))
                .unwrap();
            let (got, w) = (d.raw_log_prob.unwrap(), want[d.token]);
            assert!(
                (got - w).abs() <= 4.0 * f32::EPSILON * w.abs().max(1.0),
                "sampler {i}: {got} vs {w}"
            );
        }
    }
}
