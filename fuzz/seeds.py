#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into fuzz/corpus/<target>/ (not committed).

Seeds: the spec's examples, job-schema/examples/jobs.ndjson (whole and line by line), the
JSONTestSuite parsing cases and benches/data. `reader` and `records` take the option set
from the first byte, so each seed is written once behind each of the six option bytes
(0..5); `records` also gets each seed as a one-element array. `serde_door` and `cli_split`
take the bytes as they are.

Usage: python3 fuzz/seeds.py [--suite DIR] [--examples DIR]  (from anywhere)
"""
import argparse
import hashlib
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
parser = argparse.ArgumentParser()
parser.add_argument(
    "--suite",
    default=str(root / "tests" / "data" / "JSONTestSuite" / "test_parsing"),
    help="the JSONTestSuite test_parsing folder (default: the vendored copy)",
)
parser.add_argument(
    "--examples",
    default=str(root / "tests" / "data"),
    help="a folder of example records (default: tests/data; the spec's examples also do)",
)
args = parser.parse_args()

seeds = []
for folder in [pathlib.Path(args.examples), pathlib.Path(args.suite),
               root / "benches" / "data"]:
    if folder.is_dir():
        seeds += [p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()]
ndjson = (root / "job-schema" / "examples" / "jobs.ndjson").read_bytes()
seeds.append(ndjson)
seeds += [line for line in ndjson.splitlines() if line.strip()]


def write(target, data):
    folder = root / "fuzz" / "corpus" / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


for seed in seeds:
    for option in range(6):
        write("reader", bytes([option]) + seed)
        write("records", bytes([option]) + seed)
        write("records", bytes([option]) + b"[" + seed + b"]")
    write("serde_door", seed)
    write("cli_split", seed)
for target in ["reader", "records", "serde_door", "cli_split"]:
    count = len(list((root / "fuzz" / "corpus" / target).iterdir()))
    print(f"{target}: {count} seeds")
