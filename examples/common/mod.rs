//! Helpers shared by the examples, kept small so that each example reads on its own:
//!
//! - [`Rng`]: a seeded xorshift generator (uniform, normal, shuffle, categorical draws), so every
//!   run prints the same numbers;
//! - [`svg`]: a bar chart, a line plot, a heat map and a scatter plot over decision regions,
//!   written as plain SVG text, and [`save_svg`] to put them under `target/examples-output/`;
//! - [`read_npy`]: a reader for `.npy` files of little-endian `f32` or `f64`;
//! - [`csv_rows`] and [`data_path`] for the bundled data sets.
//!
//! Each example uses a part of this module, so unused-item warnings are silenced here.
#![allow(
    dead_code,
    reason = "each example uses a different part of this module"
)]

use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};

use ndarray::{ArrayD, IxDyn, ShapeBuilder};

/// The error type of the examples: any error, boxed.
pub type BoxResult<T> = Result<T, Box<dyn Error>>;

// ---------------------------------------------------------------------------
// Random numbers
// ---------------------------------------------------------------------------

/// Marsaglia's xorshift64* generator: tiny, seeded, and good enough for shuffling and sampling
/// in examples (not for cryptography or serious statistics).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (any value; 0 is replaced, since xorshift's state must not be 0).
    pub fn new(seed: u64) -> Self {
        // One round of SplitMix64 spreads the bits of small seeds.
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Self(if z == 0 { 0x2545_F491_4F6C_DD1D } else { z })
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `[0, 1)`, with 53 random bits.
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1_u64 << 53) as f64
    }

    /// Uniform in `[lo, hi)`.
    pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.uniform()
    }

    /// Standard normal, by the Box–Muller transform.
    pub fn normal(&mut self) -> f64 {
        let u1 = 1.0 - self.uniform(); // in (0, 1], so ln(u1) is finite
        let u2 = self.uniform();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }

    /// Uniform in `0..n` (`n > 0`), without modulo bias worth mentioning for small `n`.
    pub fn below(&mut self, n: usize) -> usize {
        ((self.uniform() * n as f64) as usize).min(n.saturating_sub(1))
    }

    /// Shuffles `items` in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }

    /// Draws an index with the given probabilities (which should sum to 1): inverse-CDF sampling.
    /// Rounding that leaves the running sum just below the uniform draw picks the last index with
    /// positive probability, never one with probability 0.
    pub fn categorical<A: Copy + Into<f64>>(
        &mut self,
        probs: impl IntoIterator<Item = A>,
    ) -> usize {
        let u = self.uniform();
        let mut cumulative = 0.0;
        let mut last_positive = 0;
        for (i, p) in probs.into_iter().enumerate() {
            let p: f64 = p.into();
            if p > 0.0 {
                cumulative += p;
                last_positive = i;
                if u < cumulative {
                    return i;
                }
            }
        }
        last_positive
    }
}

// ---------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------

/// The path of a bundled data file, `examples/data/NAME`, wherever the example is run from.
pub fn data_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join("data")
        .join(name)
}

/// `path` relative to the current directory where it lies below it, for shorter messages.
pub fn shown(path: &Path) -> String {
    let here = std::env::current_dir().unwrap_or_default();
    path.strip_prefix(&here)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Writes `svg` to `target/examples-output/NAME` (creating the directory) and returns the path.
///
/// # Errors
///
/// If the directory cannot be created or the file written.
pub fn save_svg(name: &str, svg: &str) -> BoxResult<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("examples-output");
    fs::create_dir_all(&dir)?;
    let path = dir.join(name);
    fs::write(&path, svg)?;
    Ok(path)
}

/// The non-empty lines of a CSV text that are not `#` comments, each with its line number
/// (from 1) and its fields, trimmed. No quoting: the bundled files have none.
pub fn csv_rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim()))
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
        .map(|(n, line)| (n, line.split(',').map(str::trim).collect()))
}

// ---------------------------------------------------------------------------
// .npy
// ---------------------------------------------------------------------------

/// The contents of a `.npy` file of floats.
#[derive(Clone, Debug)]
pub enum Npy {
    /// `dtype` `<f4`.
    F32(ArrayD<f32>),
    /// `dtype` `<f8`.
    F64(ArrayD<f64>),
}

/// Reads a `.npy` file (format versions 1 to 3) holding little-endian `f32` or `f64` in C or
/// Fortran order, as `numpy.save` writes them.
///
/// The format: the magic `\x93NUMPY`, a major and a minor version byte, the header length
/// (little-endian `u16` in version 1, `u32` after), a header that is a Python dict literal such as
/// `{'descr': '<f4', 'fortran_order': False, 'shape': (4, 10), }`, then the raw data.
///
/// # Errors
///
/// If the file cannot be read, is not a `.npy` file, or holds another type (integers,
/// big-endian, structured, object arrays), or its data is shorter or longer than its shape says.
pub fn read_npy(path: &Path) -> BoxResult<Npy> {
    let bytes = fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let bad = |what: &str| format!("{}: not a .npy file of floats: {what}", path.display());
    if bytes.len() < 10 || &bytes[..6] != b"\x93NUMPY" {
        return Err(bad("it does not start with the .npy magic string").into());
    }
    let (header_len, start) = match bytes[6] {
        1 => (usize::from(u16::from_le_bytes([bytes[8], bytes[9]])), 10),
        2 | 3 if bytes.len() >= 12 => {
            let n = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]);
            (usize::try_from(n)?, 12)
        }
        v => return Err(bad(&format!("unknown format version {v}")).into()),
    };
    let header = bytes
        .get(start..start + header_len)
        .ok_or_else(|| bad("the header is cut short"))?;
    let header = std::str::from_utf8(header).map_err(|_| bad("the header is not text"))?;
    let descr = dict_value(header, "descr").ok_or_else(|| bad("no 'descr' in the header"))?;
    let fortran = dict_value(header, "fortran_order").ok_or_else(|| bad("no 'fortran_order'"))?;
    let shape_text = dict_value(header, "shape").ok_or_else(|| bad("no 'shape' in the header"))?;
    let shape = shape_text
        .trim_matches(|c| c == '(' || c == ')')
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::parse::<usize>)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| bad(&format!("shape {shape_text} is not a tuple of lengths")))?;
    let data = &bytes[start + header_len..];
    let descr = descr.trim_matches(|c| c == '\'' || c == '"');
    let size = match descr {
        "<f4" => 4,
        "<f8" => 8,
        other => return Err(bad(&format!("dtype {other}; this reader knows <f4 and <f8")).into()),
    };
    let count = shape.iter().try_fold(1_usize, |n, &len| n.checked_mul(len));
    if count.and_then(|n| n.checked_mul(size)) != Some(data.len()) {
        let (found, count) = (
            data.len(),
            count.map_or("too many".into(), |n| n.to_string()),
        );
        return Err(bad(&format!(
            "shape {shape:?} needs {count} values, found {found} bytes"
        ))
        .into());
    }
    let shape = IxDyn(&shape).set_f(fortran == "True");
    Ok(if size == 4 {
        let values = data
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]));
        Npy::F32(ArrayD::from_shape_vec(shape, values.collect())?)
    } else {
        let values = data
            .chunks_exact(8)
            .map(|b| f64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]));
        Npy::F64(ArrayD::from_shape_vec(shape, values.collect())?)
    })
}

/// The value of `key` in a one-line Python dict literal: the text up to the next top-level comma.
fn dict_value<'a>(header: &'a str, key: &str) -> Option<&'a str> {
    let at = header.find(&format!("'{key}'"))? + key.len() + 2;
    let rest = header[at..].trim_start().strip_prefix(':')?.trim_start();
    let mut depth = 0_i32;
    let end = rest
        .char_indices()
        .find(|&(_, c)| {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
            depth == 0 && (c == ',' || c == '}')
        })
        .map_or(rest.len(), |(i, _)| i);
    Some(rest[..end].trim())
}

// ---------------------------------------------------------------------------
// SVG plots
// ---------------------------------------------------------------------------

/// Plain-text SVG plots: each function returns a whole document for [`save_svg`].
pub mod svg {
    use std::fmt::Write;

    use ndarray::Array2;

    /// Ten distinct colours (Tableau 10), one per series or class.
    pub const PALETTE: [&str; 10] = [
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
        "#9c755f", "#bab0ac",
    ];

    const WIDTH: f64 = 760.0;
    const HEIGHT: f64 = 480.0;
    const LEFT: f64 = 75.0;
    const TOP: f64 = 45.0;
    const BOTTOM: f64 = 55.0;
    /// Room on the right for a legend or a colour bar.
    const RIGHT: f64 = 170.0;

    /// An SVG document being written.
    struct Doc(String);

    impl Doc {
        fn new() -> Self {
            let mut s = String::new();
            let _ = write!(
                s,
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="12">"#
            );
            s.push_str(r#"<rect width="100%" height="100%" fill="white"/>"#);
            Self(s)
        }

        fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, style: &str) {
            let _ = write!(
                self.0,
                r#"<rect x="{x:.2}" y="{y:.2}" width="{w:.2}" height="{h:.2}" {style}/>"#
            );
        }

        fn line(&mut self, (x1, y1): (f64, f64), (x2, y2): (f64, f64), style: &str) {
            let _ = write!(
                self.0,
                r#"<line x1="{x1:.2}" y1="{y1:.2}" x2="{x2:.2}" y2="{y2:.2}" {style}/>"#
            );
        }

        fn text(&mut self, x: f64, y: f64, s: &str, style: &str) {
            let s = s
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            let _ = write!(self.0, r#"<text x="{x:.2}" y="{y:.2}" {style}>{s}</text>"#);
        }

        fn polyline(&mut self, points: &[(f64, f64)], colour: &str) {
            if points.len() < 2 {
                return;
            }
            self.0
                .push_str(r#"<polyline fill="none" stroke-width="2" stroke=""#);
            self.0.push_str(colour);
            self.0.push_str(r#"" points=""#);
            for (x, y) in points {
                let _ = write!(self.0, "{x:.2},{y:.2} ");
            }
            self.0.push_str(r#""/>"#);
        }

        fn finish(mut self) -> String {
            self.0.push_str("</svg>\n");
            self.0
        }
    }

    /// One axis: a data interval mapped onto a pixel interval, linearly or by log10.
    #[derive(Clone, Copy, Debug)]
    struct Scale {
        lo: f64,
        hi: f64,
        log: bool,
    }

    impl Scale {
        /// The fraction of the way from `lo` to `hi`.
        fn frac(self, v: f64) -> f64 {
            let t = |v: f64| if self.log { v.log10() } else { v };
            (t(v) - t(self.lo)) / (t(self.hi) - t(self.lo))
        }

        /// Tick positions: 1-2-5 steps on a linear axis; on a log axis powers of 10, and also
        /// their doubles and fives when the axis spans fewer than three decades.
        fn ticks(self) -> Vec<f64> {
            if self.log {
                let (a, b) = (
                    self.lo.log10().floor() as i32,
                    self.hi.log10().ceil() as i32,
                );
                let steps: &[f64] = if b - a < 3 { &[1.0, 2.0, 5.0] } else { &[1.0] };
                return (a..=b)
                    .flat_map(|e| steps.iter().map(move |m| m * 10_f64.powi(e)))
                    .filter(|&v| v >= self.lo * (1.0 - 1e-9) && v <= self.hi * (1.0 + 1e-9))
                    .collect();
            }
            let step = nice_step((self.hi - self.lo) / 6.0);
            let first = (self.lo / step).ceil() as i64;
            let last = (self.hi / step).floor() as i64;
            (first..=last).map(|i| i as f64 * step).collect()
        }

        fn label(self, v: f64) -> String {
            if self.log {
                // Plain numbers on a short axis, powers of ten on one spanning many decades.
                let short = self.hi / self.lo < 1e3;
                return if short && (1e-3..1e6).contains(&v) {
                    format!("{v}")
                } else {
                    // v = m·10^e with m in {1, 2, 5}; the nudge keeps log10(1e-3) from
                    // rounding down to −4.
                    let e = (v.log10() + 1e-9).floor();
                    format!("{:.0}e{e}", v / 10_f64.powf(e))
                };
            }
            let step = nice_step((self.hi - self.lo) / 6.0);
            let decimals = (-step.log10().floor()).max(0.0) as usize;
            let s = format!("{v:.decimals$}");
            if s.trim_start_matches('-')
                .chars()
                .all(|c| c == '0' || c == '.')
            {
                "0".to_string() // no "-0.0"
            } else {
                s
            }
        }
    }

    /// The 1, 2 or 5 times a power of ten nearest above `raw`.
    fn nice_step(raw: f64) -> f64 {
        if !(raw.is_finite() && raw > 0.0) {
            return 1.0;
        }
        let p = 10_f64.powf(raw.log10().floor());
        let m = raw / p;
        p * if m <= 1.0 {
            1.0
        } else if m <= 2.0 {
            2.0
        } else if m <= 5.0 {
            5.0
        } else {
            10.0
        }
    }

    /// `[lo, hi]` widened where it is empty or degenerate, so that a scale can divide by it.
    fn span(lo: f64, hi: f64, log: bool) -> (f64, f64) {
        if !(lo.is_finite() && hi.is_finite()) {
            return if log { (0.1, 10.0) } else { (0.0, 1.0) };
        }
        if hi > lo {
            (lo, hi)
        } else if log {
            (lo / 10.0, hi * 10.0)
        } else {
            (lo - 0.5, hi + 0.5)
        }
    }

    /// The plotting area: a frame with ticks, grid, title and axis labels, and the map from data
    /// to pixels.
    struct Frame {
        x: Scale,
        y: Scale,
    }

    impl Frame {
        const W: f64 = WIDTH - LEFT - RIGHT;
        const H: f64 = HEIGHT - TOP - BOTTOM;

        fn px(&self, x: f64) -> f64 {
            LEFT + self.x.frac(x) * Self::W
        }

        fn py(&self, y: f64) -> f64 {
            TOP + (1.0 - self.y.frac(y)) * Self::H
        }

        /// Draws grid lines, ticks and labels; `x_ticks` replaces the numeric x ticks with
        /// category names at given positions.
        fn draw(&self, doc: &mut Doc, labels: [&str; 3], x_ticks: Option<&[(f64, String)]>) {
            let [title, x_label, y_label] = labels;
            let grid = r##"stroke="#e0e0e0""##;
            let (bottom, right) = (TOP + Self::H, LEFT + Self::W);
            for t in self.y.ticks() {
                let y = self.py(t);
                doc.line((LEFT, y), (right, y), grid);
                doc.text(
                    LEFT - 6.0,
                    y + 4.0,
                    &self.y.label(t),
                    r#"text-anchor="end""#,
                );
            }
            let numeric: Vec<(f64, String)>;
            let xt = if let Some(t) = x_ticks {
                t
            } else {
                numeric = self
                    .x
                    .ticks()
                    .into_iter()
                    .map(|t| (t, self.x.label(t)))
                    .collect();
                for (t, _) in &numeric {
                    let x = self.px(*t);
                    doc.line((x, TOP), (x, bottom), grid);
                }
                &numeric
            };
            for (t, label) in xt {
                let x = self.px(*t);
                doc.line((x, bottom), (x, bottom + 5.0), r#"stroke="black""#);
                doc.text(x, bottom + 18.0, label, r#"text-anchor="middle""#);
            }
            doc.rect(LEFT, TOP, Self::W, Self::H, r#"fill="none" stroke="black""#);
            doc.text(
                WIDTH / 2.0,
                25.0,
                title,
                r#"text-anchor="middle" font-size="16""#,
            );
            doc.text(
                LEFT + Self::W / 2.0,
                HEIGHT - 12.0,
                x_label,
                r#"text-anchor="middle" font-size="13""#,
            );
            let (yx, yy) = (18.0, TOP + Self::H / 2.0);
            let style =
                format!(r#"text-anchor="middle" font-size="13" transform="rotate(-90 {yx} {yy})""#);
            doc.text(yx, yy, y_label, &style);
        }
    }

    /// A legend of coloured squares on the right of the plot.
    fn legend(doc: &mut Doc, names: &[String]) {
        let x = WIDTH - RIGHT + 15.0;
        for (i, name) in names.iter().enumerate() {
            let y = TOP + 10.0 + 20.0 * i as f64;
            let fill = format!(r#"fill="{}""#, PALETTE[i % PALETTE.len()]);
            doc.rect(x, y - 9.0, 12.0, 12.0, &fill);
            doc.text(x + 18.0, y + 1.0, name, "");
        }
    }

    /// Grouped bars: one group per category, one bar per series.
    pub struct BarChart<'a> {
        /// Title, x-axis label, y-axis label.
        pub labels: [&'a str; 3],
        /// The group names along the x axis.
        pub categories: Vec<String>,
        /// `(name, one value per category)`.
        pub series: Vec<(String, Vec<f64>)>,
    }

    /// Draws a [`BarChart`]; the y axis starts at 0.
    pub fn bar_chart(chart: &BarChart) -> String {
        let top = chart
            .series
            .iter()
            .flat_map(|(_, v)| v.iter().copied())
            .filter(|v| v.is_finite())
            .fold(0.0_f64, f64::max);
        let groups = chart.categories.len() as f64;
        let frame = Frame {
            x: Scale {
                lo: 0.0,
                hi: groups,
                log: false,
            },
            y: Scale {
                lo: 0.0,
                hi: span(0.0, top * 1.05, false).1,
                log: false,
            },
        };
        let mut doc = Doc::new();
        let ticks: Vec<(f64, String)> = chart
            .categories
            .iter()
            .enumerate()
            .map(|(i, c)| (i as f64 + 0.5, c.clone()))
            .collect();
        frame.draw(&mut doc, chart.labels, Some(&ticks));
        let n = chart.series.len().max(1) as f64;
        let width = 0.8 / n;
        for (s, (_, values)) in chart.series.iter().enumerate() {
            let fill = format!(r#"fill="{}""#, PALETTE[s % PALETTE.len()]);
            for (i, &v) in values.iter().enumerate() {
                if !v.is_finite() {
                    continue;
                }
                let x0 = i as f64 + 0.1 + width * s as f64;
                let (left, right) = (frame.px(x0), frame.px(x0 + width));
                let (y, base) = (frame.py(v), frame.py(0.0));
                doc.rect(left, y, right - left - 1.0, base - y, &fill);
            }
        }
        let names: Vec<String> = chart.series.iter().map(|(n, _)| n.clone()).collect();
        legend(&mut doc, &names);
        doc.finish()
    }

    /// Lines through points, one per series; a non-finite point breaks its line.
    pub struct LinePlot<'a> {
        /// Title, x-axis label, y-axis label.
        pub labels: [&'a str; 3],
        /// `(name, points)`.
        pub series: Vec<(String, Vec<(f64, f64)>)>,
        /// Log scale on the x axis (non-positive points are skipped).
        pub log_x: bool,
        /// Log scale on the y axis (non-positive points are skipped).
        pub log_y: bool,
    }

    /// Draws a [`LinePlot`].
    pub fn line_plot(plot: &LinePlot) -> String {
        let usable = |&(x, y): &(f64, f64)| {
            x.is_finite() && y.is_finite() && (!plot.log_x || x > 0.0) && (!plot.log_y || y > 0.0)
        };
        let points = || {
            plot.series
                .iter()
                .flat_map(|(_, p)| p.iter().copied())
                .filter(usable)
        };
        let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for (x, y) in points() {
            (x0, x1, y0, y1) = (x0.min(x), x1.max(x), y0.min(y), y1.max(y));
        }
        let (x0, x1) = span(x0, x1, plot.log_x);
        let (y0, y1) = span(y0, y1, plot.log_y);
        let pad = if plot.log_y { 0.0 } else { 0.04 * (y1 - y0) };
        let frame = Frame {
            x: Scale {
                lo: x0,
                hi: x1,
                log: plot.log_x,
            },
            y: Scale {
                lo: y0 - pad,
                hi: y1 + pad,
                log: plot.log_y,
            },
        };
        let mut doc = Doc::new();
        frame.draw(&mut doc, plot.labels, None);
        for (s, (_, pts)) in plot.series.iter().enumerate() {
            let colour = PALETTE[s % PALETTE.len()];
            let mut run = Vec::new();
            for p in pts.iter().chain(std::iter::once(&(f64::NAN, f64::NAN))) {
                if usable(p) {
                    run.push((frame.px(p.0), frame.py(p.1)));
                } else {
                    if run.len() == 1 {
                        let (x, y) = run[0];
                        let _ = write!(
                            doc.0,
                            r#"<circle cx="{x:.2}" cy="{y:.2}" r="3" fill="{colour}"/>"#
                        );
                    }
                    doc.polyline(&run, colour);
                    run.clear();
                }
            }
        }
        let names: Vec<String> = plot.series.iter().map(|(n, _)| n.clone()).collect();
        legend(&mut doc, &names);
        doc.finish()
    }

    /// The viridis colour map at `t ∈ [0, 1]`, from five of its colours, as `#rrggbb`.
    pub fn viridis(t: f64) -> String {
        const STOPS: [[f64; 3]; 5] = [
            [68.0, 1.0, 84.0],
            [59.0, 82.0, 139.0],
            [33.0, 145.0, 140.0],
            [94.0, 201.0, 98.0],
            [253.0, 231.0, 37.0],
        ];
        let t = if t.is_finite() {
            t.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let pos = t * 4.0;
        let i = (pos.floor() as usize).min(3);
        let f = pos - i as f64;
        let c: Vec<u8> = (0..3)
            .map(|k| (STOPS[i][k] + f * (STOPS[i + 1][k] - STOPS[i][k])).round() as u8)
            .collect();
        format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
    }

    /// Cells of a grid, one colour each, over `x_range × y_range`. `colours[[row, col]]` is the
    /// cell at the `row`-th y from the bottom and the `col`-th x from the left. Runs of equal
    /// colour along a row become one rectangle, which keeps the file small.
    fn cells(doc: &mut Doc, frame: &Frame, ranges: [(f64, f64); 2], colours: &Array2<String>) {
        let [(x0, x1), (y0, y1)] = ranges;
        let (rows, cols) = colours.dim();
        let (dx, dy) = ((x1 - x0) / cols as f64, (y1 - y0) / rows as f64);
        for r in 0..rows {
            let (top, bottom) = (
                frame.py(y0 + dy * (r + 1) as f64),
                frame.py(y0 + dy * r as f64),
            );
            let mut c = 0;
            while c < cols {
                let colour = &colours[[r, c]];
                let mut end = c + 1;
                while end < cols && colours[[r, end]] == *colour {
                    end += 1;
                }
                let (left, right) = (frame.px(x0 + dx * c as f64), frame.px(x0 + dx * end as f64));
                // Without anti-aliasing, and overlapping by half a pixel: no seams between cells.
                let style = format!(r#"fill="{colour}" shape-rendering="crispEdges""#);
                doc.rect(left, top, right - left + 0.5, bottom - top + 0.5, &style);
                c = end;
            }
        }
    }

    /// A function of two variables sampled on a grid, drawn in colour, with a colour bar.
    pub struct HeatMap<'a> {
        /// Title, x-axis label, y-axis label.
        pub labels: [&'a str; 3],
        /// The label of the colour bar.
        pub colour_label: &'a str,
        /// The x interval the columns cover.
        pub x_range: (f64, f64),
        /// The y interval the rows cover.
        pub y_range: (f64, f64),
        /// The values at the two ends of the colour scale; `None` for the data's range.
        pub value_range: Option<(f64, f64)>,
        /// `values[[row, col]]`: row 0 is the bottom (lowest y).
        pub values: Array2<f64>,
    }

    /// Draws a [`HeatMap`] with the viridis colour map, quantised to 64 levels.
    pub fn heat_map(map: &HeatMap) -> String {
        let finite = map.values.iter().copied().filter(|v| v.is_finite());
        let data = finite.fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(v), b.max(v)));
        let (lo, hi) = map.value_range.unwrap_or(data);
        let (lo, hi) = span(lo, hi, false);
        let level = |v: f64| ((v - lo) / (hi - lo) * 63.0).round() / 63.0;
        let colours = map.values.mapv(|v| viridis(level(v)));
        let frame = Frame {
            x: Scale {
                lo: map.x_range.0,
                hi: map.x_range.1,
                log: false,
            },
            y: Scale {
                lo: map.y_range.0,
                hi: map.y_range.1,
                log: false,
            },
        };
        let mut doc = Doc::new();
        cells(&mut doc, &frame, [map.x_range, map.y_range], &colours);
        frame.draw(&mut doc, map.labels, None);
        // The colour bar, with ticks of the value scale.
        let (bx, bw) = (WIDTH - RIGHT + 25.0, 18.0);
        let bar = Scale { lo, hi, log: false };
        let steps: usize = 64;
        for i in 0..steps {
            let t0 = i as f64 / steps as f64;
            let y = TOP + (1.0 - t0 - 1.0 / steps as f64) * Frame::H;
            let fill = format!(r#"fill="{}""#, viridis(t0 + 0.5 / steps as f64));
            doc.rect(bx, y, bw, Frame::H / steps as f64 + 0.5, &fill);
        }
        doc.rect(bx, TOP, bw, Frame::H, r#"fill="none" stroke="black""#);
        for t in bar.ticks() {
            let y = TOP + (1.0 - bar.frac(t)) * Frame::H;
            doc.line((bx + bw, y), (bx + bw + 4.0, y), r#"stroke="black""#);
            doc.text(bx + bw + 7.0, y + 4.0, &bar.label(t), "");
        }
        let (cx, cy) = (bx + bw + 50.0, TOP + Frame::H / 2.0);
        let style = format!(r#"text-anchor="middle" transform="rotate(-90 {cx} {cy})""#);
        doc.text(cx, cy, map.colour_label, &style);
        doc.finish()
    }

    /// `#rrggbb` mixed with three parts of white: a pale version for backgrounds. (Opaque, so
    /// overlapping cells show no seams.)
    fn pale(colour: &str) -> String {
        let channel = |i: usize| u8::from_str_radix(&colour[i..i + 2], 16).unwrap_or(0);
        let mix = |c: u8| (f64::from(c) * 0.3 + 255.0 * 0.7).round() as u8;
        format!(
            "#{:02x}{:02x}{:02x}",
            mix(channel(1)),
            mix(channel(3)),
            mix(channel(5))
        )
    }

    /// A two-feature classifier: its predicted class on a grid, and the data points on top.
    pub struct Regions<'a> {
        /// Title, x-axis label, y-axis label.
        pub labels: [&'a str; 3],
        /// The x interval the grid covers.
        pub x_range: (f64, f64),
        /// The y interval the grid covers.
        pub y_range: (f64, f64),
        /// `classes[[row, col]]`: the predicted class of a cell; row 0 is the bottom.
        pub classes: Array2<usize>,
        /// `(x, y, class, filled)`: filled circles for training points, hollow for test points.
        pub points: Vec<(f64, f64, usize, bool)>,
        /// One name per class, for the legend.
        pub class_names: Vec<String>,
    }

    /// Draws [`Regions`]: pale cells for the predicted class, circles for the points.
    pub fn regions(plot: &Regions) -> String {
        let colours = plot.classes.mapv(|c| pale(PALETTE[c % PALETTE.len()]));
        let frame = Frame {
            x: Scale {
                lo: plot.x_range.0,
                hi: plot.x_range.1,
                log: false,
            },
            y: Scale {
                lo: plot.y_range.0,
                hi: plot.y_range.1,
                log: false,
            },
        };
        let mut doc = Doc::new();
        cells(&mut doc, &frame, [plot.x_range, plot.y_range], &colours);
        frame.draw(&mut doc, plot.labels, None);
        for &(x, y, class, filled) in &plot.points {
            let colour = PALETTE[class % PALETTE.len()];
            let (cx, cy) = (frame.px(x), frame.py(y));
            let style = if filled {
                format!(r#"fill="{colour}" stroke="black" stroke-width="0.6""#)
            } else {
                format!(r#"fill="white" stroke="{colour}" stroke-width="2""#)
            };
            let _ = write!(
                doc.0,
                r#"<circle cx="{cx:.2}" cy="{cy:.2}" r="4" {style}/>"#
            );
        }
        legend(&mut doc, &plot.class_names);
        let y = TOP + 10.0 + 20.0 * plot.class_names.len() as f64 + 10.0;
        let x = WIDTH - RIGHT + 21.0;
        let _ = write!(
            doc.0,
            r#"<circle cx="{x}" cy="{:.1}" r="4" fill="gray" stroke="black" stroke-width="0.6"/>"#,
            y - 3.0
        );
        doc.text(x + 12.0, y + 1.0, "training point", "");
        let _ = write!(
            doc.0,
            r#"<circle cx="{x}" cy="{:.1}" r="4" fill="white" stroke="gray" stroke-width="2"/>"#,
            y + 17.0
        );
        doc.text(x + 12.0, y + 21.0, "test point", "");
        doc.finish()
    }
}
