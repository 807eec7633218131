//! Bar charts drawn as hand-written inline SVG: no script, no external asset, and valid XML.

use super::format::{empty_note, esc, fmt_count, fmt_decimal, fmt_percent};

/// More bars than this make a chart unreadable; the rest are counted in a note.
pub(crate) const MAX_BARS: usize = 40;

/// Which way the bars grow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    /// Bars grow upwards from a horizontal axis; for ordered categories such as years.
    Vertical,
    /// Bars grow rightwards; for categories with long (Chinese) labels.
    Horizontal,
}

/// One category of a bar chart.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Bar {
    pub(crate) label: String,
    /// Bar length in axis units; negative or non-finite values draw as zero.
    pub(crate) value: f64,
    /// Text printed at the end of the bar.
    pub(crate) value_label: String,
}

impl Bar {
    pub(crate) fn count(label: String, n: u64) -> Self {
        Bar {
            label,
            value: n as f64,
            value_label: fmt_count(n),
        }
    }

    pub(crate) fn count_with_share(label: String, n: u64, total: u64) -> Self {
        Bar {
            label,
            value: n as f64,
            // With nothing counted a share means nothing; show the bare count.
            value_label: if total == 0 {
                fmt_count(n)
            } else {
                format!("{} ({})", fmt_count(n), fmt_percent(n, total))
            },
        }
    }

    /// A percentage bar: `n` of `whole` on a 0–100 axis, labelled "95.3% · 2,101 of 2,204".
    pub(crate) fn share(label: String, n: u64, whole: u64) -> Self {
        let share = if whole == 0 {
            0.0
        } else {
            100.0 * n as f64 / whole as f64
        };
        Bar {
            value_label: format!(
                "{}% · {} of {}",
                fmt_decimal(share, 1),
                fmt_count(n),
                fmt_count(whole)
            ),
            label,
            value: share,
        }
    }

    fn length(&self) -> f64 {
        if self.value.is_finite() && self.value > 0.0 {
            self.value
        } else {
            0.0
        }
    }
}

/// A bar chart; [`BarChart::render`] gives inline SVG, or a sentence when there is no bar.
pub(crate) struct BarChart<'a> {
    /// Accessible name of the chart.
    pub(crate) title: &'a str,
    /// What the value axis measures.
    pub(crate) axis_label: &'a str,
    pub(crate) direction: Direction,
    pub(crate) bars: Vec<Bar>,
    /// Fixed axis maximum (100 for percentages); otherwise scaled to the largest bar.
    pub(crate) fixed_max: Option<f64>,
    pub(crate) empty_text: &'a str,
}

const FONT_PX: f64 = 12.0;
const TICK_FONT_PX: f64 = 11.0;
/// Longest label drawn, in pixels; longer ones are cut with "…" (full text in the tooltip).
const MAX_LABEL_PX: f64 = 240.0;

impl BarChart<'_> {
    pub(crate) fn render(&self) -> String {
        if self.bars.is_empty() {
            return empty_note(self.empty_text);
        }
        let shown = &self.bars[..self.bars.len().min(MAX_BARS)];
        let hidden = self.bars.len() - shown.len();
        let svg = match self.direction {
            Direction::Vertical => self.vertical(shown),
            Direction::Horizontal => self.horizontal(shown),
        };
        let mut out = format!("<figure class=\"chart\">\n{svg}");
        if hidden > 0 {
            out.push_str(&format!(
                "<figcaption class=\"more\">… {} more not shown ({} categories in all).</figcaption>\n",
                fmt_count(hidden as u64),
                fmt_count(self.bars.len() as u64)
            ));
        }
        out.push_str("</figure>\n");
        out
    }

    /// Axis maximum and tick step for the bars shown.
    fn scale(&self, bars: &[Bar]) -> (f64, f64) {
        let data_max = bars.iter().map(Bar::length).fold(0.0, f64::max);
        let integer = self.fixed_max.is_none() && bars.iter().all(|b| b.length().fract() == 0.0);
        nice_scale(self.fixed_max.unwrap_or(data_max), integer)
    }

    fn svg_open(&self, width: f64, height: f64) -> String {
        format!(
            "<svg class=\"bars\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{t}\">\n<title>{t}</title>\n",
            w = px(width),
            h = px(height),
            t = esc(self.title)
        )
    }

    fn vertical(&self, bars: &[Bar]) -> String {
        let n = bars.len() as f64;
        let (axis_max, step) = self.scale(bars);
        let ticks = tick_values(axis_max, step);
        let tick_w = ticks
            .iter()
            .map(|t| text_width(&fmt_tick(*t, step), TICK_FONT_PX))
            .fold(0.0, f64::max);
        // Wide slots for a few bars, narrower ones (down to 16 px) for many.
        let slot = if bars.len() <= 10 {
            64.0
        } else {
            (720.0 / n).clamp(16.0, 64.0)
        };
        let bar_w = slot * 0.7;
        let plot_h = 200.0;

        let labels: Vec<String> = bars
            .iter()
            .map(|b| truncate_to_width(&b.label, 120.0, FONT_PX))
            .collect();
        let label_w = labels
            .iter()
            .map(|l| text_width(l, FONT_PX))
            .fold(0.0, f64::max);
        // Category labels are slanted when they do not fit under their bar, steeply enough that
        // neighbouring labels (slot × sin angle apart) do not overlap.
        let slanted = label_w > slot - 4.0;
        let angle: f64 = [40.0f64, 60.0, 90.0]
            .into_iter()
            .find(|a| slot * a.to_radians().sin() >= 15.0)
            .unwrap_or(90.0);
        let (sin, cos) = (angle.to_radians().sin(), angle.to_radians().cos());
        let value_w = bars
            .iter()
            .map(|b| text_width(&b.value_label, FONT_PX))
            .fold(0.0, f64::max);
        // Value labels run upwards when they are wider than a bar slot.
        let upright_values = value_w > slot - 2.0;

        let top = 22.0 + if upright_values { value_w + 8.0 } else { 18.0 };
        let bottom = if slanted { label_w * sin + 24.0 } else { 26.0 };
        let left_for_slant = if slanted {
            label_w * cos - slot / 2.0 + 6.0
        } else {
            0.0
        };
        let left = (tick_w + 14.0).max(left_for_slant);
        let plot_w = slot * n;
        let width = left + plot_w + 16.0;
        let height = top + plot_h + bottom;
        let base = top + plot_h;

        let mut s = self.svg_open(width, height);
        s.push_str(&format!(
            "<text class=\"axis-label\" x=\"{}\" y=\"14\">{}</text>\n",
            px(2.0),
            esc(self.axis_label)
        ));
        for t in &ticks {
            let y = base - plot_h * t / axis_max;
            s.push_str(&format!(
                "<line class=\"grid\" x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>\n<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
                px(left),
                px(left + plot_w),
                px(left - 6.0),
                px(y + 4.0),
                fmt_tick(*t, step),
                y = px(y)
            ));
        }
        for (i, (bar, label)) in bars.iter().zip(&labels).enumerate() {
            let cx = left + slot * (i as f64 + 0.5);
            let h = plot_h * bar.length().min(axis_max) / axis_max;
            let y = base - h;
            s.push_str(&format!(
                "<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{}: {}</title></rect>\n",
                px(cx - bar_w / 2.0),
                px(y),
                px(bar_w),
                px(h),
                esc(&bar.label),
                esc(&bar.value_label)
            ));
            if upright_values {
                s.push_str(&format!(
                    "<text class=\"value\" x=\"{x}\" y=\"{y}\" transform=\"rotate(-90 {x} {y})\" dominant-baseline=\"central\">{}</text>\n",
                    esc(&bar.value_label),
                    x = px(cx),
                    y = px(y - 5.0)
                ));
            } else {
                s.push_str(&format!(
                    "<text class=\"value\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                    px(cx),
                    px(y - 5.0),
                    esc(&bar.value_label)
                ));
            }
            if slanted {
                let ly = base + 14.0;
                s.push_str(&format!(
                    "<text class=\"label\" x=\"{x}\" y=\"{y}\" transform=\"rotate(-{a} {x} {y})\" text-anchor=\"end\">{}</text>\n",
                    esc(label),
                    a = angle,
                    x = px(cx + 4.0),
                    y = px(ly)
                ));
            } else {
                s.push_str(&format!(
                    "<text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                    px(cx),
                    px(base + 17.0),
                    esc(label)
                ));
            }
        }
        s.push_str(&format!(
            "<line class=\"axis\" x1=\"{}\" y1=\"{b}\" x2=\"{}\" y2=\"{b}\"/>\n</svg>\n",
            px(left),
            px(left + plot_w),
            b = px(base)
        ));
        s
    }

    fn horizontal(&self, bars: &[Bar]) -> String {
        let n = bars.len() as f64;
        let (axis_max, step) = self.scale(bars);
        let ticks = tick_values(axis_max, step);
        let labels: Vec<String> = bars
            .iter()
            .map(|b| truncate_to_width(&b.label, MAX_LABEL_PX, FONT_PX))
            .collect();
        let label_w = labels
            .iter()
            .map(|l| text_width(l, FONT_PX))
            .fold(0.0, f64::max);
        let value_w = bars
            .iter()
            .map(|b| text_width(&b.value_label, FONT_PX))
            .fold(0.0, f64::max);
        let row_h = 26.0;
        let bar_h = 16.0;
        let top = 6.0;
        let left = label_w + 14.0;
        let plot_w = 560.0;
        let plot_h = row_h * n;
        let width = left + plot_w + value_w + 18.0;
        let height = top + plot_h + 44.0;
        let base = top + plot_h;

        let mut s = self.svg_open(width, height);
        for t in &ticks {
            let x = left + plot_w * t / axis_max;
            s.push_str(&format!(
                "<line class=\"grid\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\"/>\n<text class=\"tick\" x=\"{x}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                px(top),
                px(base),
                px(base + 15.0),
                fmt_tick(*t, step),
                x = px(x)
            ));
        }
        for (i, (bar, label)) in bars.iter().zip(&labels).enumerate() {
            let row_y = top + row_h * i as f64;
            let bar_y = row_y + (row_h - bar_h) / 2.0;
            let w = plot_w * bar.length().min(axis_max) / axis_max;
            let mid = row_y + row_h / 2.0 + 4.0;
            s.push_str(&format!(
                "<text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
                px(left - 8.0),
                px(mid),
                esc(label)
            ));
            if self.fixed_max.is_some() {
                // A pale track shows the whole scale, so "share of 100%" reads at a glance.
                s.push_str(&format!(
                    "<rect class=\"track\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>\n",
                    px(left),
                    px(bar_y),
                    px(plot_w),
                    px(bar_h)
                ));
            }
            s.push_str(&format!(
                "<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{}: {}</title></rect>\n",
                px(left),
                px(bar_y),
                px(w),
                px(bar_h),
                esc(&bar.label),
                esc(&bar.value_label)
            ));
            // Percentage bars have a full-width track, so their value goes after the track.
            let value_x = if self.fixed_max.is_some() {
                left + plot_w + 6.0
            } else {
                left + w + 6.0
            };
            s.push_str(&format!(
                "<text class=\"value\" x=\"{}\" y=\"{}\">{}</text>\n",
                px(value_x),
                px(mid),
                esc(&bar.value_label)
            ));
        }
        s.push_str(&format!(
            "<line class=\"axis\" x1=\"{l}\" y1=\"{}\" x2=\"{l}\" y2=\"{}\"/>\n<text class=\"axis-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n</svg>\n",
            px(top),
            px(base),
            px(left + plot_w / 2.0),
            px(base + 34.0),
            esc(self.axis_label),
            l = px(left)
        ));
        s
    }
}

/// A "nice" axis maximum and tick step (1, 2 or 5 × 10ⁿ) covering `max` in about five ticks.
pub(crate) fn nice_scale(max: f64, integer: bool) -> (f64, f64) {
    if !max.is_finite() || max <= 0.0 {
        // All bars are zero: keep a unit axis so nothing divides by zero.
        return (1.0, 1.0);
    }
    let raw = max / 5.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let norm = raw / magnitude;
    let nice = if norm <= 1.0 {
        1.0
    } else if norm <= 2.0 {
        2.0
    } else if norm <= 5.0 {
        5.0
    } else {
        10.0
    };
    let mut step = nice * magnitude;
    if integer && step < 1.0 {
        step = 1.0;
    }
    let axis_max = (max / step).ceil() * step;
    (axis_max, step)
}

fn tick_values(axis_max: f64, step: f64) -> Vec<f64> {
    let count = (axis_max / step).round() as usize;
    (0..=count).map(|i| i as f64 * step).collect()
}

fn fmt_tick(value: f64, step: f64) -> String {
    let decimals = if step >= 1.0 {
        0
    } else {
        (-step.log10()).ceil().clamp(0.0, 6.0) as usize
    };
    fmt_decimal(value, decimals)
}

/// A pixel coordinate with at most one decimal, without a trailing ".0".
pub(crate) fn px(v: f64) -> String {
    let s = format!("{:.1}", if v.is_finite() { v } else { 0.0 });
    match s.strip_suffix(".0") {
        Some("-0") => "0".to_string(),
        Some(whole) => whole.to_string(),
        None => s,
    }
}

/// Rough rendered width of `text`: CJK and full-width characters take a full em, others ~0.6.
/// Good enough to size margins; nothing depends on it being exact.
pub(crate) fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * font_px
}

fn char_em(c: char) -> f64 {
    match c as u32 {
        0x1100..=0x115F
        | 0x2E80..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD => 1.0,
        _ if c.is_ascii_uppercase() || c == 'm' || c == 'w' => 0.72,
        _ if c == ' ' || c == '.' || c == ',' || c == 'i' || c == 'l' => 0.32,
        _ => 0.58,
    }
}

/// Cuts `text` to fit `max_px`, ending in "…" when anything was cut.
pub(crate) fn truncate_to_width(text: &str, max_px: f64, font_px: f64) -> String {
    if text_width(text, font_px) <= max_px {
        return text.to_string();
    }
    let budget = max_px - char_em('…') * font_px;
    let mut width = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        width += char_em(c) * font_px;
        if width > budget {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}
