//! The baseline of the CLI throughput measurement: reads an NDJSON file and parses each line
//! into the floor's plain struct with serde_json, no validation:
//! `serde_pass [--threads N] FILE`. Prints how many records parsed and how many did not.
//!
//! With `--threads N` the lines are split into N contiguous parts parsed in parallel (the
//! CLI checks records on every core).

use std::thread;

use job_schema_bench::floor;

fn parse_all(lines: &[&[u8]]) -> (usize, usize) {
    let mut ok = 0;
    let mut bad = 0;
    for line in lines {
        match floor::parse(line) {
            Ok(job) => {
                std::hint::black_box(job);
                ok += 1;
            }
            Err(_) => bad += 1,
        }
    }
    (ok, bad)
}

fn main() -> std::io::Result<()> {
    let mut threads = 1;
    let mut path = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--threads" {
            threads = args.next().and_then(|n| n.parse().ok()).unwrap_or(1);
        } else {
            path = Some(arg);
        }
    }
    let path = path.unwrap_or_else(|| "jobs.ndjson".to_owned());
    let bytes = std::fs::read(&path)?;
    let lines: Vec<&[u8]> = bytes
        .split(|&b| b == b'\n')
        .filter(|line| !line.is_empty())
        .collect();
    let chunk = lines.len().div_ceil(threads.max(1)).max(1);
    let (ok, bad) = thread::scope(|scope| {
        let handles: Vec<_> = lines
            .chunks(chunk)
            .map(|part| scope.spawn(move || parse_all(part)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or((0, 0)))
            .fold((0, 0), |(a, b), (c, d)| (a + c, b + d))
    });
    println!("{ok} records parsed, {bad} not");
    Ok(())
}
