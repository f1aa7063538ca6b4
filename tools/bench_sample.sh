#!/usr/bin/env bash
# Runs `cargo bench --bench sample` ROUNDS times (default 3) and prints, per case, the median
# ns per element and the spread (min..max) over the rounds. The raw criterion output of each
# round is kept in target/bench_sample/.
set -euo pipefail
rounds=${1:-3}
dir=target/bench_sample
mkdir -p "$dir"
for r in $(seq "$rounds"); do
  cargo bench --bench sample 2>/dev/null >"$dir/round$r.txt"
done
python3 - "$dir" "$rounds" <<'PY'
import sys, collections, re
rows = collections.defaultdict(list)
unit = {"ns": 1e-6, "µs": 1e-3, "us": 1e-3, "ms": 1.0, "s": 1e3}
for r in range(1, int(sys.argv[2]) + 1):
    name = None
    for line in open(f"{sys.argv[1]}/round{r}.txt"):
        if re.match(r"^(sample|top_k)/", line):
            name = line.strip()
        elif name and line.strip().startswith("time:"):
            lo, lu, mid, mu, hi, hu = line.split("[")[1].rstrip("]\n ").split()
            elems = 64 * (128256 if name.startswith("top_k/") else 131072)
            rows[name].append(float(mid) * unit[mu] * 1e6 / elems)
            name = None
for name, v in rows.items():
    v.sort()
    print(f"{name:<55} {v[len(v)//2]:7.3f} ns/elem  ({v[0]:.3f}..{v[-1]:.3f}, {len(v)} runs)")
PY
