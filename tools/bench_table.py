#!/usr/bin/env python3
"""Prints the table of ratios from `cargo bench --bench softmax` or `--bench layouts` runs.

For each benchmark group (op/shape/type/axis) it reads criterion's estimates of the `logits`,
`naive` and `copy` functions (measured in the same run) and prints time / copy time, the
speed-up over the naive ndarray implementation, and ns per element.

    python3 tools/bench_table.py                 # the last run, from target/criterion
    python3 tools/bench_table.py DIR [DIR ...]   # several saved runs (criterion directories):
                                                 # medians, with the spread (min..max)

`tools/bench_runs.sh` runs a bench several times and saves each run's criterion directory.
"""
import json
import pathlib
import statistics
import sys

roots = [pathlib.Path(p) for p in sys.argv[1:]] or [pathlib.Path("target") / "criterion"]
for root in roots:
    if not root.exists():
        sys.exit(f"no criterion results under {root}")


def estimate(root, group, fn):
    path = root / group / fn / "new" / "estimates.json"
    if not path.exists():
        return None
    return json.loads(path.read_text())["median"]["point_estimate"]


def group_name(roots, group):
    for root in roots:
        path = root / group / "logits" / "new" / "benchmark.json"
        if path.exists():
            return json.loads(path.read_text())["group_id"]
    return group


def elements(shape):
    n = 1
    for d in shape.split("x"):
        n *= int(d)
    return n


groups = sorted({p.name for root in roots for p in root.iterdir()
                 if p.is_dir() and p.name != "report"})
rows = []
for group in groups:
    ratios, speedups, ns = [], [], []
    # criterion cuts directory names at 64 characters: the group's name is in benchmark.json
    name = group_name(roots, group).replace("/", "_")
    parts = name.split("_")
    # group names are op_shape_type_axis, where op itself may contain underscores
    op, shape, ty, axis = "_".join(parts[:-3]), parts[-3], parts[-2], parts[-1]
    for root in roots:
        logits, naive, copy = (estimate(root, group, f) for f in ("logits", "naive", "copy"))
        if logits is None or copy is None:
            continue
        ratios.append(logits / copy)
        ns.append(logits / elements(shape))
        if naive:
            speedups.append(naive / logits)
    if ratios:
        rows.append((op, shape, ty, axis, ratios, speedups, ns))


def cell(values, fmt):
    m = fmt.format(statistics.median(values))
    if len(values) == 1:
        return m
    return f"{m} ({fmt.format(min(values))}..{fmt.format(max(values))})"


print(f"{len(roots)} run(s); median (min..max) where several")
print()
print("| op | shape | type | axis | time / copy | speed-up over naive | ns per element |")
print("|---|---|---|---|---:|---:|---:|")
for op, shape, ty, axis, ratios, speedups, ns in rows:
    s = cell(speedups, "{:.1f}x") if speedups else "-"
    print(f"| {op} | {shape} | {ty} | {axis[-1]} | {cell(ratios, '{:.2f}')} | {s} | "
          f"{cell(ns, '{:.3f}')} |")
