//! Prints the key-scaling table of `BENCHMARKS.md` from criterion's results of
//! `cargo bench -p job-schema-bench --bench keys`:
//! `cargo run -p job-schema-bench --release --bin key_scaling [CRITERION_DIR]`.
//!
//! The directory defaults to `$CARGO_TARGET_DIR/criterion`, else the workspace's
//! `target/criterion`.
//!
//! `key_scaling --time N...` times `Job::check_json` directly instead (the best of three
//! runs, the report dropped inside the timing), at sizes beyond the bench's, and prints the
//! time per key of each shape at each size.

use std::hint::black_box;
use std::time::Instant;

use job_schema::{Job, Options};
use job_schema_bench::{keys, ratios};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--time") {
        let sizes: Vec<usize> = args[1..].iter().filter_map(|n| n.parse().ok()).collect();
        time(&sizes);
        return;
    }
    let root = ratios::criterion_dir(args.first().map(String::as_str));
    if !root.is_dir() {
        eprintln!(
            "no criterion results in {}: run `cargo bench -p job-schema-bench --bench keys` first",
            root.display()
        );
        std::process::exit(1);
    }
    print!("{}", keys::table(&root));
}

/// The time per key of `check_json` at each of `sizes`, for every shape, as a table.
fn time(sizes: &[usize]) {
    let header: Vec<String> = sizes.iter().map(|n| format!("{n} keys")).collect();
    println!("| keys | {} |", header.join(" | "));
    println!("|---|{}", "---:|".repeat(sizes.len()));
    for shape in keys::SHAPES {
        print!("| {} |", keys::group(shape));
        for &n in sizes {
            let body = keys::body(shape, n);
            let best = (0..3)
                .map(|_| {
                    let start = Instant::now();
                    drop(black_box(Job::check_json(
                        black_box(&body),
                        Options::default(),
                    )));
                    start.elapsed().as_secs_f64()
                })
                .fold(f64::INFINITY, f64::min);
            #[allow(clippy::cast_precision_loss)]
            let per_key = best / n as f64 * 1e9;
            print!(" {per_key:.1} ns |");
        }
        println!();
    }
}
