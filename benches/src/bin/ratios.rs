//! Prints the ratio tables of `BENCHMARKS.md` from criterion's results:
//! `cargo run -p job-schema-bench --release --bin ratios [CRITERION_DIR]`.
//!
//! The directory defaults to `$CARGO_TARGET_DIR/criterion`, else the workspace's
//! `target/criterion`.

use job_schema_bench::{data, ratios};

fn main() {
    let arg = std::env::args().nth(1);
    let root = ratios::criterion_dir(arg.as_deref());
    if !root.is_dir() {
        eprintln!(
            "no criterion results in {}: run `cargo bench -p job-schema-bench` first",
            root.display()
        );
        std::process::exit(1);
    }
    print!("{}", ratios::table(&root, data::BODIES));
}
