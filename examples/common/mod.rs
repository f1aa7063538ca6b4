//! What the examples share, and nothing a crate already does: where the bundled data and the
//! pictures live, and the four kinds of picture they draw — a bar chart, a line plot, a heat map
//! and the decision regions of a classifier — with `plotters` (SVG backend), in one look: the
//! Tableau 10 colours, a frame with a light grid, and the legend or colour bar to the right.
//!
//! Each example uses a part of this module, so unused-item warnings are silenced here.
#![allow(
    dead_code,
    reason = "each example uses a different part of this module"
)]

use std::error::Error;
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};

use ndarray::Array2;
use plotters::coord::ranged1d::{Ranged, ValueFormatter};
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

/// The error type of the examples: any error, boxed.
pub type BoxResult<T> = Result<T, Box<dyn Error>>;

/// The path of a bundled data file, `examples/data/NAME`, wherever the example is run from.
pub fn data_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join("data")
        .join(name)
}

/// `target/examples-output/NAME`, creating the directory: where the pictures go.
///
/// # Errors
///
/// If the directory cannot be created.
pub fn output_path(name: &str) -> BoxResult<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("examples-output");
    fs::create_dir_all(&dir)?;
    Ok(dir.join(name))
}

/// `path` relative to the current directory where it lies below it, for shorter messages.
pub fn shown(path: &Path) -> String {
    let here = std::env::current_dir().unwrap_or_default();
    path.strip_prefix(&here)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Ten distinct colours (Tableau 10), one per series or class.
pub const PALETTE: [RGBColor; 10] = [
    RGBColor(0x4e, 0x79, 0xa7),
    RGBColor(0xf2, 0x8e, 0x2b),
    RGBColor(0xe1, 0x57, 0x59),
    RGBColor(0x76, 0xb7, 0xb2),
    RGBColor(0x59, 0xa1, 0x4f),
    RGBColor(0xed, 0xc9, 0x48),
    RGBColor(0xb0, 0x7a, 0xa1),
    RGBColor(0xff, 0x9d, 0xa7),
    RGBColor(0x9c, 0x75, 0x5f),
    RGBColor(0xba, 0xb0, 0xac),
];

/// The colour of series or class `i`.
pub fn colour(i: usize) -> RGBColor {
    PALETTE[i % PALETTE.len()]
}

/// `colour` mixed with `white` parts of white (0 to 1): an opaque pale version for backgrounds.
pub fn pale(colour: RGBColor, white: f64) -> RGBColor {
    let mix = |c: u8| (f64::from(c) * (1.0 - white) + 255.0 * white).round() as u8;
    RGBColor(mix(colour.0), mix(colour.1), mix(colour.2))
}

/// The size of every picture, in pixels.
pub const SIZE: (u32, u32) = (800, 500);
/// The width of the column on the right that holds a legend or a colour bar.
const SIDE: u32 = 180;
/// Room for the tick labels and the axis name, below and left of a plot.
const X_AXIS: u32 = 50;
const Y_AXIS: u32 = 75;

/// A drawing area of an SVG file.
pub type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;

/// Draws a picture of `size` pixels into `target/examples-output/NAME` with `draw`, and returns the
/// file's path.
///
/// # Errors
///
/// If the file cannot be written, or `draw` fails.
pub fn save(
    name: &str,
    size: (u32, u32),
    draw: impl FnOnce(&Area<'_>) -> BoxResult<()>,
) -> BoxResult<PathBuf> {
    let path = output_path(name)?;
    {
        let root = SVGBackend::new(&path, size).into_drawing_area();
        root.fill(&WHITE)?;
        draw(&root)?;
        root.present()?;
    }
    Ok(path)
}

/// The two halves of a picture under its title: the plot, and the column on the right.
fn frame<'a>(root: &Area<'a>, title: &str) -> BoxResult<(Area<'a>, Area<'a>)> {
    let body = root.titled(title, ("sans-serif", 18))?;
    let width = body.dim_in_pixel().0;
    Ok(body.split_horizontally(width - SIDE))
}

/// Ticks, tick labels and axis names on a chart, and grid lines where `grid`.
fn mesh<X, Y>(
    chart: &mut ChartContext<'_, SVGBackend<'_>, Cartesian2d<X, Y>>,
    x_name: &str,
    y_name: &str,
    grid: bool,
) -> BoxResult<()>
where
    X: Ranged<ValueType = f64> + ValueFormatter<f64>,
    Y: Ranged<ValueType = f64> + ValueFormatter<f64>,
{
    let mut mesh = chart.configure_mesh();
    if !grid {
        mesh.disable_mesh();
    }
    mesh.bold_line_style(RGBColor(0xe0, 0xe0, 0xe0))
        .light_line_style(TRANSPARENT)
        .x_label_formatter(&|v| tick_label(*v))
        .y_label_formatter(&|v| tick_label(*v))
        .x_desc(x_name)
        .y_desc(y_name)
        .axis_desc_style(("sans-serif", 14))
        .label_style(("sans-serif", 12))
        .draw()?;
    Ok(())
}

/// What a legend entry shows beside its name.
#[derive(Clone, Copy, Debug)]
pub enum Mark {
    /// A filled square of a colour (bars, classes).
    Square(RGBColor),
    /// A short line of a colour (series of a line plot).
    Line(RGBColor),
    /// A circle: filled with the colour and outlined in black, or white inside a coloured ring.
    Circle(RGBColor, bool),
}

/// A legend in the right-hand column: one row per entry.
fn legend(area: &Area<'_>, entries: &[(String, Mark)]) -> BoxResult<()> {
    for (i, (name, mark)) in entries.iter().enumerate() {
        let y = 30 + 22 * i as i32;
        let x = 12;
        match *mark {
            Mark::Square(c) => {
                area.draw(&Rectangle::new([(x, y - 6), (x + 12, y + 6)], c.filled()))?;
            }
            Mark::Line(c) => {
                area.draw(&PathElement::new(
                    vec![(x - 4, y), (x + 16, y)],
                    c.stroke_width(3),
                ))?;
            }
            Mark::Circle(c, filled) => circle(area, (x + 6, y), c, filled)?,
        }
        area.draw(&Text::new(
            name.clone(),
            (x + 24, y - 7),
            ("sans-serif", 13),
        ))?;
    }
    Ok(())
}

/// A data point: filled with its colour and outlined in black, or hollow in a coloured ring.
fn circle<DB: DrawingBackend, CT: plotters::coord::CoordTranslate>(
    area: &DrawingArea<DB, CT>,
    at: CT::From,
    c: RGBColor,
    filled: bool,
) -> BoxResult<()>
where
    CT::From: Clone,
    DB::ErrorType: 'static,
{
    if filled {
        area.draw(&Circle::new(at.clone(), 4, c.filled()))?;
        area.draw(&Circle::new(at, 4, BLACK.stroke_width(1)))?;
    } else {
        area.draw(&Circle::new(at.clone(), 4, WHITE.filled()))?;
        area.draw(&Circle::new(at, 4, c.stroke_width(2)))?;
    }
    Ok(())
}

/// A tick label: `0.3`, not `0.30000000000000004` or `0.3000`; `2e-5`, not `2.0000000000000002e-5`.
pub fn tick_label(v: f64) -> String {
    let trim = |s: &str| s.trim_end_matches('0').trim_end_matches('.').to_string();
    let a = v.abs();
    let s = if a == 0.0 || (1e-3..1e6).contains(&a) {
        trim(&format!("{v:.6}"))
    } else {
        let s = format!("{v:.3e}");
        let (mantissa, exponent) = s.split_once('e').unwrap_or((&s, "0"));
        format!("{}e{exponent}", trim(mantissa))
    };
    if s == "-0" { "0".into() } else { s }
}

/// Ticks of a log axis over `lo..hi`: the powers of 10, and their doubles and fives too where the
/// axis spans fewer than three decades.
fn log_ticks(range: &Range<f64>) -> Vec<f64> {
    let (a, b) = (
        range.start.log10().floor() as i32,
        range.end.log10().ceil() as i32,
    );
    let steps: &[f64] = if b - a < 3 { &[1.0, 2.0, 5.0] } else { &[1.0] };
    (a..=b)
        .flat_map(|e| steps.iter().map(move |m| m * 10_f64.powi(e)))
        .filter(|&v| v >= range.start * (1.0 - 1e-9) && v <= range.end * (1.0 + 1e-9))
        .collect()
}

/// `lo..hi` widened where it is empty or not finite, so that an axis can be drawn over it.
fn span(lo: f64, hi: f64, log: bool) -> Range<f64> {
    if !(lo.is_finite() && hi.is_finite()) {
        return if log { 0.1..10.0 } else { 0.0..1.0 };
    }
    if hi > lo && log {
        // Out to the nearest 1, 2 or 5 times a power of ten, so that both ends have a tick.
        let snap = |v: f64, up: bool| {
            let p = 10_f64.powf(v.log10().floor());
            let m = [1.0, 2.0, 5.0, 10.0];
            let pick = if up {
                m.iter().find(|&&m| m * p >= v * (1.0 - 1e-9))
            } else {
                m.iter().rev().find(|&&m| m * p <= v * (1.0 + 1e-9))
            };
            pick.map_or(v, |m| m * p)
        };
        snap(lo, false)..snap(hi, true)
    } else if hi > lo {
        lo..hi
    } else if log {
        lo / 10.0..hi * 10.0
    } else {
        lo - 0.5..hi + 0.5
    }
}

/// Cells of a grid over `x × y`, one colour each; `colours[[row, col]]` is the cell at the
/// `row`-th y from the bottom and the `col`-th x from the left. Runs of equal colour along a row
/// become one rectangle, which keeps the file small.
fn cells(
    chart: &mut ChartContext<'_, SVGBackend<'_>, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    (x, y): (Range<f64>, Range<f64>),
    colours: &Array2<RGBColor>,
) -> BoxResult<()> {
    let (rows, cols) = colours.dim();
    let (dx, dy) = (
        (x.end - x.start) / cols as f64,
        (y.end - y.start) / rows as f64,
    );
    let mut runs = Vec::new();
    for r in 0..rows {
        let mut c = 0;
        while c < cols {
            let colour = colours[[r, c]];
            let mut end = c + 1;
            while end < cols && colours[[r, end]] == colour {
                end += 1;
            }
            let corners = [
                (x.start + dx * c as f64, y.start + dy * (r + 1) as f64),
                (x.start + dx * end as f64, y.start + dy * r as f64),
            ];
            runs.push(Rectangle::new(corners, colour.filled()));
            c = end;
        }
    }
    chart.draw_series(runs)?;
    Ok(())
}

/// A chart over `x_range × y_range` whose plotting area is filled with `colours` as grid cells
/// (see [`cells`]), with ticks and the axis names `names` over them: heat maps, decision regions.
fn cell_chart<'a, 'b>(
    plot: &'a Area<'b>,
    (x_range, y_range): ((f64, f64), (f64, f64)),
    colours: &Array2<RGBColor>,
    [x_name, y_name]: [&str; 2],
) -> BoxResult<ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>> {
    let (x, y) = (x_range.0..x_range.1, y_range.0..y_range.1);
    let mut chart = ChartBuilder::on(plot)
        .margin(10)
        .x_label_area_size(X_AXIS)
        .y_label_area_size(Y_AXIS)
        .build_cartesian_2d(x.clone(), y.clone())?;
    cells(&mut chart, (x, y), colours)?;
    mesh(&mut chart, x_name, y_name, false)?;
    Ok(chart)
}

/// Grouped bars: one group per category, one bar per series; the y axis starts at 0.
pub struct BarChart<'a> {
    /// Title, x-axis label, y-axis label.
    pub labels: [&'a str; 3],
    /// The group names along the x axis.
    pub categories: Vec<String>,
    /// `(name, one value per category)`.
    pub series: Vec<(String, Vec<f64>)>,
}

impl BarChart<'_> {
    /// Draws the chart to `target/examples-output/NAME` and returns the path.
    ///
    /// # Errors
    ///
    /// If the file cannot be written.
    pub fn draw(&self, name: &str) -> BoxResult<PathBuf> {
        save(name, SIZE, |root| {
            let [title, x_name, y_name] = self.labels;
            let (plot, side) = frame(root, title)?;
            let values = self.series.iter().flat_map(|(_, v)| v.iter().copied());
            let top = values.filter(|v| v.is_finite()).fold(0.0_f64, f64::max);
            let groups = self.categories.len();
            let mut chart = ChartBuilder::on(&plot)
                .margin(10)
                .x_label_area_size(X_AXIS)
                .y_label_area_size(Y_AXIS)
                .build_cartesian_2d(-0.5..groups as f64 - 0.5, span(0.0, top * 1.05, false))?;
            // Category names under the groups, at the integers; no other x ticks.
            let name_at = |x: &f64| {
                let i = x.round();
                let exact = (x - i).abs() < 1e-9 && i >= 0.0 && (i as usize) < groups;
                if exact {
                    self.categories[i as usize].clone()
                } else {
                    String::new()
                }
            };
            chart
                .configure_mesh()
                .disable_x_mesh()
                .bold_line_style(RGBColor(0xe0, 0xe0, 0xe0))
                .light_line_style(WHITE)
                .x_labels(groups + 1)
                .x_label_formatter(&name_at)
                .x_desc(x_name)
                .y_desc(y_name)
                .axis_desc_style(("sans-serif", 14))
                .label_style(("sans-serif", 12))
                .draw()?;
            let width = 0.8 / self.series.len().max(1) as f64;
            for (s, (_, values)) in self.series.iter().enumerate() {
                let bars = values.iter().enumerate().filter(|(_, v)| v.is_finite());
                chart.draw_series(bars.map(|(i, &v)| {
                    let left = i as f64 - 0.4 + width * s as f64;
                    Rectangle::new([(left, v), (left + width * 0.95, 0.0)], colour(s).filled())
                }))?;
            }
            let entries: Vec<_> = (self.series.iter().enumerate())
                .map(|(s, (name, _))| (name.clone(), Mark::Square(colour(s))))
                .collect();
            legend(&side, &entries)?;
            Ok(())
        })
    }
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

impl LinePlot<'_> {
    fn usable(&self, &(x, y): &(f64, f64)) -> bool {
        x.is_finite() && y.is_finite() && (!self.log_x || x > 0.0) && (!self.log_y || y > 0.0)
    }

    /// Draws the plot to `target/examples-output/NAME` and returns the path.
    ///
    /// # Errors
    ///
    /// If the file cannot be written.
    pub fn draw(&self, name: &str) -> BoxResult<PathBuf> {
        save(name, SIZE, |root| {
            let (plot, side) = frame(root, self.labels[0])?;
            let points = self.series.iter().flat_map(|(_, p)| p.iter().copied());
            let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
            for (x, y) in points.filter(|p| self.usable(p)) {
                (x0, x1, y0, y1) = (x0.min(x), x1.max(x), y0.min(y), y1.max(y));
            }
            let x = span(x0, x1, self.log_x);
            let mut y = span(y0, y1, self.log_y);
            if !self.log_y {
                let pad = 0.04 * (y.end - y.start);
                y = y.start - pad..y.end + pad;
            }
            let mut builder = ChartBuilder::on(&plot);
            builder
                .margin(10)
                .x_label_area_size(X_AXIS)
                .y_label_area_size(Y_AXIS);
            // A log axis, with ticks at 1, 2 and 5 times powers of ten.
            let log = |r: Range<f64>| {
                let ticks = log_ticks(&r);
                r.log_scale().with_key_points(ticks)
            };
            // The four combinations of scales are four coordinate types.
            match (self.log_x, self.log_y) {
                (false, false) => self.lines(builder.build_cartesian_2d(x, y)?),
                (true, false) => self.lines(builder.build_cartesian_2d(log(x), y)?),
                (false, true) => self.lines(builder.build_cartesian_2d(x, log(y))?),
                (true, true) => self.lines(builder.build_cartesian_2d(log(x), log(y))?),
            }?;
            let entries: Vec<_> = (self.series.iter().enumerate())
                .map(|(s, (name, _))| (name.clone(), Mark::Line(colour(s))))
                .collect();
            legend(&side, &entries)?;
            Ok(())
        })
    }

    fn lines<X, Y>(
        &self,
        mut chart: ChartContext<'_, SVGBackend<'_>, Cartesian2d<X, Y>>,
    ) -> BoxResult<()>
    where
        X: Ranged<ValueType = f64> + ValueFormatter<f64>,
        Y: Ranged<ValueType = f64> + ValueFormatter<f64>,
    {
        mesh(&mut chart, self.labels[1], self.labels[2], true)?;
        for (s, (_, points)) in self.series.iter().enumerate() {
            let style = colour(s).stroke_width(2);
            // Runs of usable points: a line through each, a dot for a lone point.
            for run in points.split(|p| !self.usable(p)) {
                match run {
                    [] => {}
                    [p] => {
                        chart.draw_series([Circle::new(*p, 3, colour(s).filled())])?;
                    }
                    _ => {
                        chart.draw_series(LineSeries::new(run.iter().copied(), style))?;
                    }
                }
            }
        }
        Ok(())
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

/// The viridis colour map at `t ∈ [0, 1]` (clamped; not finite gives the low end).
pub fn viridis(t: f64) -> RGBColor {
    let t = if t.is_finite() {
        t.clamp(0.0, 1.0)
    } else {
        0.0
    };
    ViridisRGB::get_color(t)
}

impl HeatMap<'_> {
    /// Draws the map with the viridis colour map, quantised to 64 levels, to
    /// `target/examples-output/NAME` and returns the path.
    ///
    /// # Errors
    ///
    /// If the file cannot be written.
    pub fn draw(&self, name: &str) -> BoxResult<PathBuf> {
        save(name, SIZE, |root| {
            let (plot, side) = frame(root, self.labels[0])?;
            let finite = self.values.iter().copied().filter(|v| v.is_finite());
            let data = finite.fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(v), b.max(v)));
            let (lo, hi) = self.value_range.unwrap_or(data);
            let levels = span(lo, hi, false);
            let level =
                |v: f64| ((v - levels.start) / (levels.end - levels.start) * 63.0).round() / 63.0;
            let colours = self.values.mapv(|v| viridis(level(v)));
            let names = [self.labels[1], self.labels[2]];
            cell_chart(&plot, (self.x_range, self.y_range), &colours, names)?;

            // The colour bar: the same height as the plot, its value scale on the left.
            let mut bar = ChartBuilder::on(&side)
                .margin(10)
                .margin_right(95)
                .x_label_area_size(X_AXIS)
                .y_label_area_size(55)
                .build_cartesian_2d(0.0..1.0, levels.clone())?;
            bar.configure_mesh()
                .disable_mesh()
                .x_labels(0)
                .y_label_formatter(&|v| tick_label(*v))
                .y_desc(self.colour_label)
                .axis_desc_style(("sans-serif", 14))
                .label_style(("sans-serif", 12))
                .draw()?;
            let step = (levels.end - levels.start) / 64.0;
            bar.draw_series((0..64).map(|i| {
                let v = levels.start + step * f64::from(i);
                let fill = viridis((f64::from(i) + 0.5) / 64.0);
                Rectangle::new([(0.0, v), (1.0, v + step)], fill.filled())
            }))?;
            Ok(())
        })
    }
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

impl Regions<'_> {
    /// Draws pale cells for the predicted class and circles for the points to
    /// `target/examples-output/NAME`, and returns the path.
    ///
    /// # Errors
    ///
    /// If the file cannot be written.
    pub fn draw(&self, name: &str) -> BoxResult<PathBuf> {
        save(name, SIZE, |root| {
            let (plot, side) = frame(root, self.labels[0])?;
            let colours = self.classes.mapv(|c| pale(colour(c), 0.7));
            let names = [self.labels[1], self.labels[2]];
            let chart = cell_chart(&plot, (self.x_range, self.y_range), &colours, names)?;
            let area = chart.plotting_area();
            for &(x, y, class, filled) in &self.points {
                circle(area, (x, y), colour(class), filled)?;
            }
            let mut entries: Vec<_> = (self.class_names.iter().enumerate())
                .map(|(c, name)| (name.clone(), Mark::Square(colour(c))))
                .collect();
            let grey = RGBColor(0x80, 0x80, 0x80);
            entries.push(("training point".into(), Mark::Circle(grey, true)));
            entries.push(("test point".into(), Mark::Circle(grey, false)));
            legend(&side, &entries)?;
            Ok(())
        })
    }
}
