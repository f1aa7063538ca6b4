#!/usr/bin/env python3
"""Prints the table of ratios from the last `cargo bench --bench softmax` run.

For each benchmark group (op/shape/type/axis) it reads criterion's estimates of the `logits`,
`naive` and `copy` functions (measured in the same run) and prints time / copy time and the
speed-up over the naive ndarray implementation. Usage: python3 tools/bench_table.py [target-dir]
"""
import json
import pathlib
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target") / "criterion"
if not root.exists():
    sys.exit(f"no criterion results under {root}")


def estimate(group, fn):
    path = root / group / fn / "new" / "estimates.json"
    if not path.exists():
        return None
    data = json.loads(path.read_text())
    return data["median"]["point_estimate"]


rows = []
for group in sorted(p.name for p in root.iterdir() if p.is_dir() and p.name != "report"):
    logits, naive, copy = (estimate(group, f) for f in ("logits", "naive", "copy"))
    if logits is None or copy is None:
        continue
    parts = group.split("_")
    # group names are op_shape_type_axis, where op itself may contain underscores
    op, shape, ty, axis = "_".join(parts[:-3]), parts[-3], parts[-2], parts[-1]
    rows.append((op, shape, ty, axis, logits / copy, naive / logits if naive else None, logits))

print(f"| op | shape | type | axis | time / copy | speed-up over naive |")
print("|---|---|---|---|---:|---:|")
for op, shape, ty, axis, ratio, speedup, _ in rows:
    s = f"{speedup:.1f}x" if speedup else "-"
    print(f"| {op} | {shape} | {ty} | {axis[-1]} | {ratio:.2f} | {s} |")
