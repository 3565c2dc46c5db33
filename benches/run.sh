#!/usr/bin/env bash
# Reproduces BENCHMARKS.md: the criterion benches, the ratio tables, the paired cross-check
# and the CLI throughput. Run from anywhere: `bash benches/run.sh`.
#
# Environment: CARGO_TARGET_DIR (default: the workspace's target/), ROUNDS (paired rounds,
# default 31), RECORDS (NDJSON records for the CLI, default 100000).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
target="${CARGO_TARGET_DIR:-$root/target}"
export CARGO_TARGET_DIR="$target"

echo "## Machine"
echo
echo "- cores: $(nproc)"
echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "- $(rustc --version)"
echo

cargo bench -p job-schema-bench --bench contenders >&2

echo "## Criterion"
echo
cargo run -q --release -p job-schema-bench --bin ratios -- "$target/criterion"
echo
echo "## Paired cross-check"
echo
cargo run -q --release -p job-schema-bench --bin paired -- "${ROUNDS:-31}"
echo

echo "## CLI throughput"
echo
cargo build -q --release -p job-schema --features cli
cargo build -q --release -p job-schema-bench --bins
data="$target/jobs.ndjson"
"$target/release/ndjson" "$data" "${RECORDS:-100000}" 2>&1
bytes=$(stat -c %s "$data")
records=$(grep -c '' "$data")
echo
if command -v hyperfine >/dev/null; then
    hyperfine --warmup 1 --runs 7 -N --export-json "$target/cli.json" \
        "$target/release/job-schema check -q $data" \
        "$target/release/serde_pass $data" \
        "$target/release/serde_pass --threads 2 $data" >&2
    python3 - "$target/cli.json" "$bytes" "$records" <<'EOF'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
size, records = int(sys.argv[2]), int(sys.argv[3])
print("| command | median s | records/s | MB/s |")
print("|---|---:|---:|---:|")
for r in results:
    t = r["median"]
    target = sys.argv[1].rsplit("/", 1)[0]
    name = r["command"].replace(target + "/release/", "").replace(target + "/", "")
    print(f"| `{name}` | {t:.3f} | {records / t:,.0f} | {size / t / 1e6:.0f} |")
EOF
else
    for command in "job-schema check -q" "serde_pass" "serde_pass --threads 2"; do
        set -- $command
        start=$(date +%s.%N)
        "$target/release/$1" "${@:2}" "$data" >/dev/null || true
        end=$(date +%s.%N)
        python3 -c "t=$end-$start; print(f'| \`$command\` | {t:.3f} | {$records/t:,.0f} | {$bytes/t/1e6:.0f} |')"
    done
fi
