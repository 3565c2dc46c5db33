//! Writes full valid job bodies as NDJSON, for the CLI throughput measurement:
//! `ndjson FILE [COUNT]` (100,000 bodies by default).

use std::io::Write;

use job_schema_bench::data;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "jobs.ndjson".to_owned());
    let count: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(100_000);
    let bodies = data::full_valid(count, data::SEED);
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path)?);
    file.write_all(&data::ndjson(&bodies))?;
    file.flush()?;
    eprintln!("{path}: {}", data::describe(&bodies));
    Ok(())
}
