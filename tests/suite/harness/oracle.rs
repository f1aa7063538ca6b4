//! Naive `f64` references of the softmax family and the sigmoid, for the properties that compare
//! against an exact value (the accuracy and reference suites have their own, more exact ones).

/// The largest value of a lane (−inf for an empty lane; NaN is skipped).
pub fn lane_max(xs: &[f64]) -> f64 {
    xs.iter().copied().fold(f64::NEG_INFINITY, f64::max)
}

/// `ln Σ exp(x)` as `m + ln Σ exp(x − m)` in `f64`; −inf for an empty or all −inf lane.
pub fn naive_logsumexp(xs: &[f64]) -> f64 {
    let m = lane_max(xs);
    if m == f64::NEG_INFINITY {
        return m;
    }
    m + xs.iter().map(|x| (x - m).exp()).sum::<f64>().ln()
}

/// `exp(x − logsumexp(x))` in `f64`; all 0 for an all −inf lane.
pub fn naive_softmax(xs: &[f64]) -> Vec<f64> {
    let lse = naive_logsumexp(xs);
    if lse == f64::NEG_INFINITY {
        return vec![0.0; xs.len()];
    }
    xs.iter().map(|x| (x - lse).exp()).collect()
}

/// `((x − m) / t)` for every x of a lane with maximum `m` (finite), without intermediate
/// overflow: halved first, so only a result beyond f64's range is infinite.
fn shifted(xs: &[f64], m: f64, inv_t: f64) -> Vec<f64> {
    xs.iter()
        .map(|&x| ((x * 0.5 - m * 0.5) * inv_t) * 2.0)
        .collect()
}

/// The exact log-softmax of a lane of `x / t` in `f64`, with the documented conventions for ±inf
/// (for a lane without NaN): all −inf for an all −inf lane; `−ln k` at each of `k` +inf entries
/// and −inf elsewhere.
pub fn naive_log_softmax(xs: &[f64], inv_t: f64) -> Vec<f64> {
    let m = lane_max(xs);
    if m == f64::NEG_INFINITY {
        return vec![f64::NEG_INFINITY; xs.len()];
    }
    if m == f64::INFINITY {
        let k = xs.iter().filter(|&&v| v == f64::INFINITY).count() as f64;
        return xs
            .iter()
            .map(|&v| {
                if v == f64::INFINITY {
                    -k.ln()
                } else {
                    f64::NEG_INFINITY
                }
            })
            .collect();
    }
    let d = shifted(xs, m, inv_t);
    let s: f64 = d.iter().map(|v| v.exp()).sum();
    d.iter().map(|v| v - s.ln()).collect()
}

/// `σ(x) = 1 / (1 + e⁻ˣ)` in `f64`, as `1 / (1 + e^−|x|)` or `e^−|x| / (1 + e^−|x|)`.
pub fn naive_sigmoid(x: f64) -> f64 {
    let e = (-x.abs()).exp();
    if x >= 0.0 {
        1.0 / (1.0 + e)
    } else {
        e / (1.0 + e)
    }
}

/// `ln σ(x)` in `f64`, as `min(x, 0) − ln1p(e^−|x|)`.
pub fn naive_log_sigmoid(x: f64) -> f64 {
    x.min(0.0) - (-x.abs()).exp().ln_1p()
}
