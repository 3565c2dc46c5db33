//! Bodies of many keys for the key-scaling bench (`benches/keys.rs`), and its table: the
//! time per key at each size, from criterion's estimates, and the ratio of the largest size
//! to the smallest (1.00 for linear work).

use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;

/// The shapes of keys, each a criterion group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Distinct unknown keys: `"x_{i}":0`.
    Unknown,
    /// Distinct custom keys: `"customfield_k{i}":"v"`.
    Custom,
    /// 100 unknown keys, each repeated `n / 100` times: `"x_{i % 100}":0`.
    Repeated,
}

/// Every shape, in table order.
pub const SHAPES: [Shape; 3] = [Shape::Unknown, Shape::Custom, Shape::Repeated];

/// The numbers of keys of the bodies.
pub const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

/// How many distinct keys [`Shape::Repeated`] repeats.
pub const REPEATED_DISTINCT: usize = 100;

/// The criterion group of `shape`.
pub fn group(shape: Shape) -> &'static str {
    match shape {
        Shape::Unknown => "keys_unknown",
        Shape::Custom => "keys_custom",
        Shape::Repeated => "keys_repeated",
    }
}

/// A job body of `"status":"Quote"` and `n` keys of `shape`.
pub fn body(shape: Shape, n: usize) -> Vec<u8> {
    let mut out = String::with_capacity(24 * n + 32);
    out.push_str("{\"status\":\"Quote\"");
    for i in 0..n {
        let _ = match shape {
            Shape::Unknown => write!(out, ",\"x_{i}\":0"),
            Shape::Custom => write!(out, ",\"customfield_k{i}\":\"v\""),
            Shape::Repeated => write!(out, ",\"x_{}\":0", i % REPEATED_DISTINCT),
        };
    }
    out.push('}');
    out.into_bytes()
}

/// Criterion's median time of one `check_json` on the body of `n` keys of `shape`, in
/// nanoseconds, read from `root` (criterion's output directory).
pub fn median_ns(root: &Path, shape: Shape, n: usize) -> Option<f64> {
    let path = root
        .join(group(shape))
        .join(n.to_string())
        .join("new/estimates.json");
    let estimates: Value = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    estimates.get("median")?.get("point_estimate")?.as_f64()
}

/// The Markdown table: nanoseconds per key at each size, and the ratio of the time per key
/// at the largest size to that at the smallest.
pub fn table(root: &Path) -> String {
    #[allow(clippy::cast_precision_loss)]
    let per_key = |shape, n: usize| median_ns(root, shape, n).map(|ns| ns / n as f64);
    let mut out = String::new();
    let sizes: Vec<String> = SIZES.iter().map(|n| format!("{n} keys")).collect();
    let _ = writeln!(
        out,
        "| keys | {} | per key, {} / {} |",
        sizes.join(" | "),
        SIZES[SIZES.len() - 1],
        SIZES[0]
    );
    let _ = writeln!(out, "|---|{}---:|", "---:|".repeat(SIZES.len()));
    for shape in SHAPES {
        let _ = write!(out, "| {} |", group(shape));
        for n in SIZES {
            match per_key(shape, n) {
                Some(ns) => {
                    let _ = write!(out, " {ns:.1} ns |");
                }
                None => out.push_str(" – |"),
            }
        }
        match (
            per_key(shape, SIZES[SIZES.len() - 1]),
            per_key(shape, SIZES[0]),
        ) {
            (Some(large), Some(small)) => {
                let _ = writeln!(out, " {:.2}× |", large / small);
            }
            _ => out.push_str(" – |\n"),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use job_schema::{Code, Job, Options};

    #[test]
    fn bodies_hold_what_they_claim() {
        let n = 1_000;
        let options = Options::default();
        let unknown = Job::check_json(&body(Shape::Unknown, n), options);
        assert!(!unknown.has_errors(), "{unknown}");
        let unknowns = unknown
            .warnings
            .iter()
            .filter(|w| w.code == Code::UnknownField)
            .count();
        assert_eq!(unknowns, n);
        let custom = Job::check_json(&body(Shape::Custom, n), options);
        assert!(
            !custom.has_errors() && custom.warnings.is_empty(),
            "{custom}"
        );
        let repeated = Job::check_json(&body(Shape::Repeated, n), options);
        assert!(repeated
            .errors
            .iter()
            .all(|e| e.code == Code::DuplicateField));
        assert!(repeated.has_errors());
    }

    #[test]
    fn reads_criterion_output() {
        let root = std::env::temp_dir().join(format!("keys-test-{}", std::process::id()));
        for (n, ns) in [(10_000, 1.0e6), (100_000, 1.0e7), (1_000_000, 2.0e8)] {
            let dir = root.join("keys_unknown").join(n.to_string()).join("new");
            std::fs::create_dir_all(&dir).unwrap();
            let estimates = serde_json::json!({"median": {"point_estimate": ns}});
            std::fs::write(dir.join("estimates.json"), estimates.to_string()).unwrap();
        }
        let text = table(&root);
        assert!(
            text.contains("| keys_unknown | 100.0 ns | 100.0 ns | 200.0 ns | 2.00× |"),
            "{text}"
        );
        assert!(text.contains("| keys_custom | – | – | – | – |"), "{text}");
        std::fs::remove_dir_all(&root).unwrap();
    }
}
