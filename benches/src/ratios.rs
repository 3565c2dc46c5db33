//! The ratio table of `BENCHMARKS.md`, from criterion's `*/new/estimates.json` and
//! `*/new/sample.json`.
//!
//! For each data set (criterion group) and contender (bench), two numbers relative to the
//! floor of the same group:
//!
//! - the median of per-sample ratios: sample *i* of the contender over sample *i* of the
//!   floor (each sample's time per iteration); the headline number;
//! - the ratio of criterion's median estimates, as a cross-check.
//!
//! The same run gives both, so machine drift between runs cancels out.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// The data sets, in table order.
pub const SETS: [&str; 3] = ["full_valid", "minimal_valid", "invalid"];

/// The contenders, in table order.
pub const CONTENDERS: [&str; 10] = [
    "floor",
    "sonic_rs",
    "simd_json",
    "check_only",
    "from_json",
    "validate",
    "validator",
    "garde",
    "jsonschema",
    "serde_value",
];

/// One contender on one data set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cell {
    /// Criterion's median time per iteration (one pass over the set), in nanoseconds.
    pub median_ns: f64,
    /// The median of the per-sample ratios to the floor.
    pub median_of_ratios: f64,
    /// The ratio of the medians to the floor's.
    pub ratio_of_medians: f64,
}

/// Per-iteration times of the samples of one bench, in nanoseconds.
fn sample_times(dir: &Path) -> Option<Vec<f64>> {
    let text = std::fs::read_to_string(dir.join("new/sample.json")).ok()?;
    let sample: Value = serde_json::from_str(&text).ok()?;
    let iters = sample.get("iters")?.as_array()?;
    let times = sample.get("times")?.as_array()?;
    iters
        .iter()
        .zip(times)
        .map(|(n, t)| Some(t.as_f64()? / n.as_f64()?))
        .collect()
}

/// Criterion's median estimate of one bench, in nanoseconds.
fn median_estimate(dir: &Path) -> Option<f64> {
    let text = std::fs::read_to_string(dir.join("new/estimates.json")).ok()?;
    let estimates: Value = serde_json::from_str(&text).ok()?;
    estimates.get("median")?.get("point_estimate")?.as_f64()
}

/// The median of `values` (`NaN` when empty).
pub fn median(mut values: Vec<f64>) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 1 {
        values[mid]
    } else {
        f64::midpoint(values[mid - 1], values[mid])
    }
}

/// The cell of `contender` in `set`, read from `root` (criterion's output directory).
pub fn cell(root: &Path, set: &str, contender: &str) -> Option<Cell> {
    let floor_dir = root.join(set).join("floor");
    let dir = root.join(set).join(contender);
    let floor = sample_times(&floor_dir)?;
    let times = sample_times(&dir)?;
    let ratios = times.iter().zip(&floor).map(|(t, f)| t / f).collect();
    let median_ns = median_estimate(&dir)?;
    Some(Cell {
        median_ns,
        median_of_ratios: median(ratios),
        ratio_of_medians: median_ns / median_estimate(&floor_dir)?,
    })
}

/// Where criterion wrote its results: `dir` when given, else `$CARGO_TARGET_DIR/criterion`,
/// else the workspace's `target/criterion`.
pub fn criterion_dir(dir: Option<&str>) -> PathBuf {
    if let Some(dir) = dir {
        return PathBuf::from(dir);
    }
    if let Ok(target) = std::env::var("CARGO_TARGET_DIR") {
        return Path::new(&target).join("criterion");
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/criterion")
}

/// The bodies per set, to turn a pass over the set into a time per body.
fn per_body(ns: f64, bodies: usize) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    let n = bodies as f64;
    ns / n / 1000.0
}

/// The targets of the issue, each with the set, the contender, and how it is judged.
fn targets(root: &Path) -> Vec<(String, bool)> {
    let ratio = |set: &str, contender: &str| cell(root, set, contender).map(|c| c.median_of_ratios);
    let mut out = Vec::new();
    let mut bound = |label: &str, value: Option<f64>, limit: f64| {
        let text = match value {
            Some(v) => format!("{label}: {v:.2}× (target ≤ {limit}×)"),
            None => format!("{label}: not measured"),
        };
        out.push((text, value.is_some_and(|v| v <= limit)));
    };
    bound(
        "check-only, full valid bodies",
        ratio("full_valid", "check_only"),
        0.6,
    );
    bound(
        "from_json, full valid bodies",
        ratio("full_valid", "from_json"),
        1.10,
    );
    bound(
        "check-only, invalid bodies",
        ratio("invalid", "check_only"),
        1.0,
    );
    for set in SETS {
        let speedup = match (ratio(set, "jsonschema"), ratio(set, "check_only")) {
            (Some(schema), Some(check)) => Some(schema / check),
            _ => None,
        };
        let text = match speedup {
            Some(v) => format!("check-only vs jsonschema, {set}: {v:.2}× faster (target ≥ 2.5×)"),
            None => format!("check-only vs jsonschema, {set}: not measured"),
        };
        out.push((text, speedup.is_some_and(|v| v >= 2.5)));
    }
    // Issue 16: validating every rule costs less than the fastest parser's parse.
    for set in SETS {
        let (check, sonic) = (ratio(set, "check_only"), ratio(set, "sonic_rs"));
        let text = match (check, sonic) {
            (Some(check), Some(sonic)) => {
                format!("check-only below sonic-rs, {set}: {check:.2}× against {sonic:.2}×")
            }
            _ => format!("check-only below sonic-rs, {set}: not measured"),
        };
        let met = matches!((check, sonic), (Some(c), Some(s)) if c < s);
        out.push((text, met));
    }
    out
}

/// The Markdown tables: ratios to the floor, times per body, and the targets.
pub fn table(root: &Path, bodies: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Median of per-sample ratios to the floor (ratio of criterion's medians in brackets):\n"
    );
    let _ = writeln!(out, "| contender | {} |", SETS.join(" | "));
    let _ = writeln!(out, "|---|{}", "---:|".repeat(SETS.len()));
    for contender in CONTENDERS {
        let _ = write!(out, "| {contender} |");
        for set in SETS {
            match cell(root, set, contender) {
                Some(c) => {
                    let _ = write!(
                        out,
                        " {:.2}× ({:.2}×) |",
                        c.median_of_ratios, c.ratio_of_medians
                    );
                }
                None => out.push_str(" – |"),
            }
        }
        out.push('\n');
    }
    let _ = writeln!(out, "\nMedian time per body, µs:\n");
    let _ = writeln!(out, "| contender | {} |", SETS.join(" | "));
    let _ = writeln!(out, "|---|{}", "---:|".repeat(SETS.len()));
    for contender in CONTENDERS {
        let _ = write!(out, "| {contender} |");
        for set in SETS {
            match cell(root, set, contender) {
                Some(c) => {
                    let _ = write!(out, " {:.2} |", per_body(c.median_ns, bodies));
                }
                None => out.push_str(" – |"),
            }
        }
        out.push('\n');
    }
    let _ = writeln!(out, "\nTargets:\n");
    for (text, met) in targets(root) {
        let mark = if met { "met" } else { "MISSED" };
        let _ = writeln!(out, "- {text}: **{mark}**");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians() {
        assert!((median(vec![3.0, 1.0, 2.0]) - 2.0).abs() < 1e-12);
        assert!((median(vec![4.0, 1.0, 2.0, 3.0]) - 2.5).abs() < 1e-12);
        assert!(median(Vec::new()).is_nan());
    }

    #[test]
    fn reads_criterion_output() {
        let root = std::env::temp_dir().join(format!("ratios-test-{}", std::process::id()));
        for (bench, scale) in [("floor", 1.0), ("check_only", 0.5)] {
            let dir = root.join("full_valid").join(bench).join("new");
            std::fs::create_dir_all(&dir).unwrap();
            let times: Vec<f64> = [10.0, 20.0, 30.0].iter().map(|t| t * scale).collect();
            let sample = serde_json::json!({"iters": [1.0, 2.0, 3.0], "times": times});
            std::fs::write(dir.join("sample.json"), sample.to_string()).unwrap();
            let estimates = serde_json::json!({"median": {"point_estimate": 10.0 * scale}});
            std::fs::write(dir.join("estimates.json"), estimates.to_string()).unwrap();
        }
        let c = cell(&root, "full_valid", "check_only").unwrap();
        assert!((c.median_of_ratios - 0.5).abs() < 1e-12);
        assert!((c.ratio_of_medians - 0.5).abs() < 1e-12);
        let text = table(&root, 1000);
        assert!(text.contains("| check_only | 0.50× (0.50×) |"), "{text}");
        assert!(text.contains("check-only, full valid bodies: 0.50× (target ≤ 0.6×): **met**"));
        std::fs::remove_dir_all(&root).unwrap();
    }
}
