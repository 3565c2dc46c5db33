#!/usr/bin/env bash
# The compile time of `#[derive(Schema)]` against serde's derives on the same struct
# (BENCHMARKS.md, "Compile time of the derive"). Run from anywhere:
#
#     bash benches/compile_time.sh [RUNS]        # RUNS per variant and profile, default 15
#
# It writes a small workspace into $COMPILE_DIR (default: a fresh temporary directory) with
# one library crate per variant, each holding the `Job` struct of job-schema/src/job.rs
# (copied from that file at every run, so it never drifts), its doc comments included:
#
#   plain      the struct with no derive and no attribute (what any crate pays for it)
#   serde      #[derive(serde::Deserialize, serde::Serialize)], the serde attributes of job.rs
#   schema     #[derive(job_schema::Schema)], the schema and serde attributes of job.rs
#   schema_de  the same with #[schema(deserialize)] (as Job is declared: Deserialize too)
#
# The three deprecated fields typed `AnyScalar` (which has no `Deserialize`) are
# `serde_json::Value` in `plain` and `serde`. The crates share their dependencies, built once
# by a warm-up; each timed run touches one crate's source and times `cargo build -p` of that
# crate alone (incremental compilation off, so each build is a clean build of the crate).
# The variants are alternated run by run, the order rotating, so that a loaded machine
# slows them alike. It prints the medians (with min–max), the ratios to `serde`, the
# increments over `plain`, the `.rlib` sizes and, if a nightly toolchain is installed, the
# line count of each crate's expansion (`-Zunpretty=expanded`). With valgrind installed, it
# also counts the instructions rustc executes for each crate (callgrind, one build each):
# unlike times, the counts do not move with the load of a shared machine.
#
# Environment: CARGO_TARGET_DIR (default: $COMPILE_DIR/target), COMPILE_DIR.
set -euo pipefail

runs="${1:-15}"
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${COMPILE_DIR:-$(mktemp -d -t job-schema-compile-XXXXXX)}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$dir/target}"
variants=(plain serde schema schema_de)

# The struct, from `pub struct Job {` to its closing brace.
struct="$(sed -n '/^pub struct Job {/,/^}/p' "$root/job-schema/src/job.rs")"
if [[ -z "$struct" ]]; then
    echo "no 'pub struct Job' in job-schema/src/job.rs" >&2
    exit 1
fi
# Drops the attributes named $1 (`schema` or `serde`), one line or several.
drop_attributes() {
    awk -v name="$1" '
        skipping { if ($0 ~ /\)\][[:space:]]*$/) skipping = 0; next }
        $0 ~ "^[[:space:]]*#\\[" name "\\(" {
            if ($0 !~ /\)\][[:space:]]*$/) skipping = 1
            next
        }
        { print }
    '
}

mkdir -p "$dir"
cp "$root/Cargo.lock" "$dir/Cargo.lock"
{
    echo '[workspace]'
    echo 'resolver = "2"'
    printf 'members = [%s]\n' "$(printf '"%s",' "${variants[@]}" | sed 's/,$//')"
    echo
    echo '[profile.dev]'
    echo 'incremental = false'
} >"$dir/Cargo.toml"
for variant in "${variants[@]}"; do
    mkdir -p "$dir/$variant/src"
    cat >"$dir/$variant/Cargo.toml" <<EOF
[package]
name = "ct_$variant"
version = "0.0.0"
edition = "2021"
publish = false

[lib]
path = "src/lib.rs"

[dependencies]
job-schema = { path = "$root/job-schema" }
serde = { version = "1", features = ["derive"] }
serde_json = { version = "1", features = ["float_roundtrip"] }
EOF
    {
        echo "//! The \`Job\` struct of job-schema, variant \`$variant\` (benches/compile_time.sh)."
        echo '#![allow(missing_docs, dead_code)]'
        echo 'use std::collections::BTreeMap;'
        case "$variant" in
        plain)
            echo 'use serde_json::Value as AnyScalar;'
            echo "$struct" | drop_attributes schema | drop_attributes serde
            ;;
        serde)
            echo 'use serde_json::Value as AnyScalar;'
            echo '#[derive(serde::Deserialize, serde::Serialize)]'
            echo "$struct" | drop_attributes schema
            ;;
        schema)
            echo 'use job_schema::AnyScalar;'
            echo '#[derive(job_schema::Schema)]'
            echo "$struct"
            ;;
        schema_de)
            echo 'use job_schema::AnyScalar;'
            echo '#[derive(job_schema::Schema)]'
            echo '#[schema(deserialize)]'
            echo "$struct"
            ;;
        esac
    } >"$dir/$variant/src/lib.rs"
done

cd "$dir"
echo "workspace: $dir, target: $CARGO_TARGET_DIR, $runs runs" >&2
profiles=(debug release)
flag() { [[ "$1" == release ]] && echo --release || true; }

# rustc's own time for the timed crate (cargo's bookkeeping, the same for every variant, is
# left out), written by a wrapper around rustc.
wrapper="$dir/time-rustc.sh"
cat >"$wrapper" <<'WRAPPER'
#!/usr/bin/env bash
case " $* " in
*" --crate-name ct_"*)
    if [[ -n "${CALLGRIND:-}" ]]; then
        valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file="$TIME_FILE.log" "$@"
        status=$?
        grep -o 'refs: *[0-9,]*' "$TIME_FILE.log" | tr -dc 0-9 >"$TIME_FILE"
        exit $status
    fi
    start=$(date +%s%N)
    "$@"
    status=$?
    echo $((($(date +%s%N) - start) / 1000000)) >"$TIME_FILE"
    exit $status
    ;;
*) exec "$@" ;;
esac
WRAPPER
chmod +x "$wrapper"
export RUSTC_WRAPPER="$wrapper" TIME_FILE="$dir/time"

for profile in "${profiles[@]}"; do
    # Warm-up: the dependencies (and each crate once).
    cargo build -q $(flag "$profile") --workspace --lib
done

declare -A times
for profile in "${profiles[@]}"; do
    for ((run = 0; run < runs; run++)); do
        # Rotate the order: run r starts with variant r mod 4.
        for ((k = 0; k < ${#variants[@]}; k++)); do
            variant="${variants[$(((run + k) % ${#variants[@]}))]}"
            touch "$variant/src/lib.rs"
            rm -f "$TIME_FILE"
            cargo build -q $(flag "$profile") -p "ct_$variant" --lib
            times[$profile.$variant]+="$(cat "$TIME_FILE") "
        done
    done
done

median() { tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%d %d %d", m, a[1], a[NR] }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f×", a / b }'; }

declare -A med cell
for variant in "${variants[@]}"; do
    for profile in "${profiles[@]}"; do
        read -r m lo hi <<<"$(echo "${times[$profile.$variant]}" | median)"
        med[$profile.$variant]=$m
        cell[$profile.$variant]="$m ($lo–$hi)"
    done
done

echo "## rustc's time for the crate (ms, median of $runs, min–max)"
echo
echo "| variant | debug | release | debug / serde | release / serde |"
echo "|---|---:|---:|---:|---:|"
for variant in "${variants[@]}"; do
    echo "| $variant | ${cell[debug.$variant]} | ${cell[release.$variant]} |" \
        "$(ratio "${med[debug.$variant]}" "${med[debug.serde]}") |" \
        "$(ratio "${med[release.$variant]}" "${med[release.serde]}") |"
done
echo
echo "Over \`plain\` (the derive's own share, debug / release):" \
    "$(for variant in serde schema schema_de; do
        printf '%s +%d / +%d ms; ' "$variant" \
            "$((med[debug.$variant] - med[debug.plain]))" \
            "$((med[release.$variant] - med[release.plain]))"
    done)"
echo

echo "## Size of what is compiled"
echo
echo "| variant | .rlib debug (bytes) | .rlib release (bytes) | expanded lines |"
echo "|---|---:|---:|---:|"
nightly=""
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    nightly=yes
fi
for variant in "${variants[@]}"; do
    debug_size=$(stat -c %s "$CARGO_TARGET_DIR/debug/libct_$variant.rlib")
    release_size=$(stat -c %s "$CARGO_TARGET_DIR/release/libct_$variant.rlib")
    lines="(no nightly)"
    if [[ -n "$nightly" ]]; then
        # Nightly builds the dependencies again, once, under its own metadata hashes.
        lines=$(RUSTC_WRAPPER= cargo +nightly rustc -q -p "ct_$variant" --lib --profile check \
            -- -Zunpretty=expanded 2>/dev/null | grep -c '')
    fi
    echo "| $variant | $debug_size | $release_size | $lines |"
done

if command -v valgrind >/dev/null; then
    echo
    echo "## Instructions rustc executes for the crate (callgrind, millions)"
    echo
    echo "| variant | debug | release | debug / serde | release / serde |"
    echo "|---|---:|---:|---:|---:|"
    declare -A count
    for variant in "${variants[@]}"; do
        for profile in "${profiles[@]}"; do
            touch "$variant/src/lib.rs"
            CALLGRIND=1 cargo build -q $(flag "$profile") -p "ct_$variant" --lib
            count[$profile.$variant]=$(($(cat "$TIME_FILE") / 1000000))
        done
    done
    for variant in "${variants[@]}"; do
        echo "| $variant | ${count[debug.$variant]} | ${count[release.$variant]} |" \
            "$(ratio "${count[debug.$variant]}" "${count[debug.serde]}") |" \
            "$(ratio "${count[release.$variant]}" "${count[release.serde]}") |"
    done
fi
