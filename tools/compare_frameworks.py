#!/usr/bin/env python3
"""Compares `logits` with PyTorch and JAX on the CPU: one thread, f32, nanoseconds per element.

Setup, once (a CPU-only torch is much smaller: add `--index-url
https://download.pytorch.org/whl/cpu` to the torch install where that index can be reached):

    python3 -m venv venv && venv/bin/pip install torch jax
    # or: venv/bin/pip install -r tools/requirements-compare.txt

Then, from the repository root:

    venv/bin/python tools/compare_frameworks.py              # full run, 5 rounds (~15 min)
    venv/bin/python tools/compare_frameworks.py --rounds 3   # fewer rounds
    venv/bin/python tools/compare_frameworks.py --no-cargo   # reuse target/criterion as it is
    venv/bin/python tools/compare_frameworks.py --no-cargo --rounds 1 --quick   # smoke test, seconds

What it measures, per case (shape, class axis 1; inputs uniform in [-10, 10], targets
`(k * 7919) % C` for sample k in C order of the other axes, as the benches make them):
softmax, log_softmax, cross-entropy forward (mean) and cross-entropy forward + gradient
w.r.t. the logits, for [65536, 10], [524288, 21], [8, 21, 256, 256], [32, 10, 4096],
[256, 32000] and [4096, 1000].

- logits: criterion's median of the `logits` function of the matching group of
  `cargo bench --bench layouts` / `--bench softmax`, read from
  target/criterion/<group with '/' -> '_'>/logits/new/estimates.json; `copy`: the `copy`
  function of the same group (a plain copy of the same bytes, the memory-speed floor).
  Unless `--no-cargo`, the script runs those cargo commands itself (only the groups it needs,
  only the `logits` and `copy` functions), once a round, interleaved with the Python
  measurements, so that all the columns come from the same run. It builds the working tree as
  it is.
- torch: `torch.set_num_threads(1)`, `torch.softmax` / `torch.log_softmax` under `no_grad`,
  `torch.nn.functional.cross_entropy` under `no_grad`, and forward + `loss.backward()` on a
  leaf with `requires_grad` (grad reset to None every iteration).
- JAX: CPU only, one thread (`XLA_FLAGS=--xla_cpu_multi_thread_eigen=false
  intra_op_parallelism_threads=1`, `JAX_PLATFORMS=cpu`, set before jax is imported),
  `jax.jit` of `jax.nn.softmax`, `jax.nn.log_softmax`,
  `-mean(take_along_axis(log_softmax(x, axis), t, axis))` and its `jax.value_and_grad`,
  compiled and warmed up first, every call waited for with `block_until_ready()`.

Each round measures every framework on every case once (interleaved; cargo before the Python
side in even rounds, after it in odd ones); a cell is the median over the rounds, with the
min..max spread beside it. The CPU time / wall time of every Python measurement is recorded:
above 1 a framework used more than one thread, and the script says so.

Only the standard library, numpy, torch and jax.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import math
import os
import pathlib
import platform
import shlex
import statistics
import subprocess
import sys
import time

# Before torch or jax is imported: one thread, CPU only.
for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ[_var] = "1"
os.environ["XLA_FLAGS"] = (
    os.environ.get("XLA_FLAGS", "")
    + " --xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1"
).strip()
os.environ["JAX_PLATFORMS"] = "cpu"

ROOT = pathlib.Path(__file__).resolve().parent.parent

# (shape, bench that has it); the class axis is 1 everywhere.
CASES = [
    ((65536, 10), "softmax"),
    ((524288, 21), "layouts"),
    ((8, 21, 256, 256), "layouts"),
    ((32, 10, 4096), "layouts"),
    ((256, 32000), "softmax"),
    ((4096, 1000), "softmax"),
]
QUICK_SHAPES = [(65536, 10), (32, 10, 4096)]
AXIS = 1

OPS = ["softmax", "log_softmax", "ce", "ce_grad"]
OP_LABEL = {
    "softmax": "softmax",
    "log_softmax": "log_softmax",
    "ce": "cross-entropy (mean)",
    "ce_grad": "cross-entropy + grad",
}
# The group of each bench for each op (None: that bench has no such group).
BENCH_OPS = {
    "layouts": {
        "softmax": "softmax_into",
        "log_softmax": "log_softmax_into",
        "ce": "cross_entropy_loss",
        "ce_grad": "cross_entropy_loss_and_grad_into",
    },
    "softmax": {
        "softmax": "softmax_into",
        "log_softmax": "log_softmax_into",
        "ce": None,
        "ce_grad": "cross_entropy_loss_and_grad",  # into a buffer there
    },
}
# Where a bench lacks the op for a shape: the nearest group that has it (marked in the table).
STAND_INS = {
    ((65536, 10), "ce"): ("layouts", "cross_entropy_loss/131072x10/f32/axis1"),
}
FRAMEWORKS = ["torch", "jax"]


def shape_str(shape):
    return "x".join(map(str, shape))


def logits_group(shape, bench, op):
    """(bench, group, exact) for the logits figure of `op` on `shape`, or None."""
    name = BENCH_OPS[bench][op]
    if name is not None:
        return bench, f"{name}/{shape_str(shape)}/f32/axis{AXIS}", True
    if (shape, op) in STAND_INS:
        return (*STAND_INS[(shape, op)], False)
    return None


def group_elements(group):
    return math.prod(int(d) for d in group.split("/")[1].split("x"))


def safe_dir(group):
    """Criterion's make_filename_safe (without the length cap, which these names never reach)."""
    for c in '?"/\\*<>:|^':
        group = group.replace(c, "_")
    return group


def read_estimate(target_dir, group, function):
    """(median ns per iteration, mtime) from criterion's newest run, or None."""
    path = target_dir / "criterion" / safe_dir(group) / function / "new" / "estimates.json"
    try:
        data = json.loads(path.read_text())
        return data["median"]["point_estimate"], path.stat().st_mtime
    except (OSError, KeyError, ValueError):
        return None


def run_cargo(bench, groups, quick, verbose):
    pattern = "^(" + "|".join(sorted(groups)) + ")/(logits|copy)$"
    cmd = ["cargo", "bench", "--bench", bench, "--", "--noplot"]
    if quick:
        cmd.append("--quick")
    cmd.append(pattern)
    print(f"  $ {shlex.join(cmd)}", file=sys.stderr, flush=True)
    start = time.perf_counter()
    if verbose:
        proc = subprocess.run(cmd, cwd=ROOT, check=False)
        output = ""
    else:
        proc = subprocess.run(
            cmd, cwd=ROOT, check=False, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        output = proc.stdout
    if proc.returncode != 0:
        sys.stderr.write(output[-6000:])
        sys.exit(f"{shlex.join(cmd)} failed with exit status {proc.returncode}")
    print(f"    {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)


def make_input(shape, seed):
    import numpy as np

    rng = np.random.default_rng(seed)
    x = rng.random(shape, dtype=np.float32) * np.float32(20.0) - np.float32(10.0)
    classes = shape[AXIS]
    rest = shape[:AXIS] + shape[AXIS + 1 :]
    k = np.arange(math.prod(rest), dtype=np.int64)
    t = ((k * 7919) % classes).reshape(rest)
    return x, t


def torch_fns(torch, x_np, t_np):
    """One call of each op, returning when the result is there (torch runs synchronously)."""
    F = torch.nn.functional
    x = torch.from_numpy(x_np)
    t = torch.from_numpy(t_np)  # int64, class axis 1 as cross_entropy takes it
    xg = x.clone().requires_grad_()

    @torch.no_grad()
    def softmax():
        return torch.softmax(x, AXIS)

    @torch.no_grad()
    def log_softmax():
        return torch.log_softmax(x, AXIS)

    @torch.no_grad()
    def ce():
        return F.cross_entropy(x, t)

    @torch.enable_grad()
    def ce_grad():
        xg.grad = None
        loss = F.cross_entropy(xg, t)
        loss.backward()
        return loss, xg.grad

    return {"softmax": softmax, "log_softmax": log_softmax, "ce": ce, "ce_grad": ce_grad}


def jax_fns(jax, x_np, t_np):
    jnp = jax.numpy
    x = jax.device_put(x_np)
    t = jax.device_put(t_np.astype("int32"))

    def ce(x, t):
        logp = jax.nn.log_softmax(x, axis=AXIS)
        return -jnp.mean(jnp.take_along_axis(logp, jnp.expand_dims(t, AXIS), axis=AXIS))

    softmax = jax.jit(lambda x: jax.nn.softmax(x, axis=AXIS))
    log_softmax = jax.jit(lambda x: jax.nn.log_softmax(x, axis=AXIS))
    ce_fwd = jax.jit(ce)
    ce_vg = jax.jit(jax.value_and_grad(ce))
    return {
        "softmax": lambda: softmax(x).block_until_ready(),
        "log_softmax": lambda: log_softmax(x).block_until_ready(),
        "ce": lambda: ce_fwd(x, t).block_until_ready(),
        "ce_grad": lambda: jax.block_until_ready(ce_vg(x, t)),
    }


def check(np, shape, x, t, tf, jf):
    """Torch and JAX agree with each other and with a float64 reference; returns problems."""
    problems = []
    x64 = x.astype(np.float64)
    m = x64.max(axis=AXIS, keepdims=True)
    lse = m + np.log(np.exp(x64 - m).sum(axis=AXIS, keepdims=True))
    logp = x64 - lse
    ref = {
        "softmax": np.exp(logp),
        "log_softmax": logp,
        "ce": -np.take_along_axis(logp, np.expand_dims(t, AXIS), axis=AXIS).mean(),
    }
    grad = np.exp(logp)
    np.put_along_axis(
        grad, np.expand_dims(t, AXIS), np.take_along_axis(grad, np.expand_dims(t, AXIS), AXIS) - 1, AXIS
    )
    ref["ce_grad"] = grad / t.size
    tol = {"softmax": 1e-5, "log_softmax": 1e-4, "ce": 1e-4, "ce_grad": 1e-5 / t.size}
    for op in OPS:
        for name, fns in (("torch", tf), ("jax", jf)):
            out = fns[op]()
            if op == "ce_grad":
                loss, out = out
                loss = float(loss.detach() if hasattr(loss, "detach") else loss)
                if abs(loss - ref["ce"]) > tol["ce"] * max(1.0, abs(ref["ce"])):
                    problems.append(f"{name} {op} {shape_str(shape)}: loss {loss} vs {ref['ce']}")
            got = np.asarray(out.detach() if hasattr(out, "detach") else out, dtype=np.float64)
            err = float(np.max(np.abs(got - ref[op])))
            if not err <= tol[op] * max(1.0, float(np.max(np.abs(ref[op])))):
                problems.append(f"{name} {op} {shape_str(shape)}: max error {err:.3g}")
    return problems


def time_batch(fn, reps):
    """(ns per call, CPU time / wall time) over `reps` back-to-back calls."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        c0 = time.process_time()
        t0 = time.perf_counter_ns()
        for _ in range(reps):
            fn()
        t1 = time.perf_counter_ns()
        c1 = time.process_time()
    finally:
        if enabled:
            gc.enable()
    wall = t1 - t0
    return wall / reps, (c1 - c0) / (wall / 1e9) if wall else 0.0


def calibrate(fn, target_s, min_reps):
    fn()
    fn()  # compiled and warmed up
    once, _ = time_batch(fn, 1)
    return max(min_reps, math.ceil(target_s * 1e9 / max(once, 1.0)))


def fmt(values):
    if not values:
        return "—"
    med = statistics.median(values)
    if len(values) == 1:
        return f"{med:.3f}"
    return f"{med:.3f} ({min(values):.3f}..{max(values):.3f})"


def ratio(a, b):
    if not a or not b:
        return "—"
    return f"{statistics.median(a) / statistics.median(b):.2f}"


def cpu_model():
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def git_describe():
    try:
        sha = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT, capture_output=True, text=True, check=True,
        ).stdout.strip()
        return sha + (" with uncommitted changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=5, help="rounds (default 5)")
    ap.add_argument("--no-cargo", action="store_true",
                    help="do not run cargo bench; read what target/criterion holds")
    ap.add_argument("--cargo-once", action="store_true",
                    help="run the cargo benches in the first round only")
    ap.add_argument("--quick", action="store_true",
                    help="smoke test: two small shapes, short batches (criterion --quick)")
    ap.add_argument("--shapes", help="comma-separated subset, e.g. 4096x1000,65536x10")
    ap.add_argument("--target-time", type=float,
                    help="seconds per Python measurement (default 0.3, --quick 0.01)")
    ap.add_argument("--target-dir", type=pathlib.Path,
                    help="cargo target dir (default $CARGO_TARGET_DIR or ./target)")
    ap.add_argument("--pin", type=int, metavar="CPU",
                    help="pin this process and cargo to one CPU (sched_setaffinity)")
    ap.add_argument("--verbose", action="store_true", help="show cargo's output")
    args = ap.parse_args()
    if args.rounds < 1:
        ap.error("--rounds must be at least 1")

    if args.pin is not None:
        os.sched_setaffinity(0, {args.pin})
    target_dir = args.target_dir or pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    if not target_dir.is_absolute():
        target_dir = ROOT / target_dir
    target_s = args.target_time or (0.01 if args.quick else 0.3)
    min_reps = 2 if args.quick else 5

    cases = [c for c in CASES if not args.quick or c[0] in QUICK_SHAPES]
    if args.shapes:
        wanted = set(args.shapes.split(","))
        cases = [c for c in cases if shape_str(c[0]) in wanted]
        if not cases:
            ap.error(f"no case among {[shape_str(s) for s, _ in CASES]} matches --shapes")

    import numpy as np
    import torch

    torch.set_num_threads(1)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass
    import jax
    import jaxlib

    # The logits groups per row, and per bench the groups cargo must run.
    rows = []
    cargo_groups = {}
    for shape, bench in cases:
        for op in OPS:
            g = logits_group(shape, bench, op)
            rows.append((shape, op, g))
            if g is not None:
                cargo_groups.setdefault(g[0], set()).add(g[1])

    def read_logits():
        out = {}
        for shape, op, g in rows:
            if g is None:
                continue
            n = group_elements(g[1])
            out[(shape, op)] = {f: read_estimate(target_dir, g[1], f) for f in ("logits", "copy")}
            for f, est in out[(shape, op)].items():
                if est is not None:
                    out[(shape, op)][f] = (est[0] / n, est[1])
        return out

    logits_runs = []  # one read of criterion per cargo run (or one, with --no-cargo)

    def cargo_step():
        for bench in sorted(cargo_groups):
            run_cargo(bench, cargo_groups[bench], args.quick, args.verbose)
        logits_runs.append(read_logits())

    # Inputs, the callables and the checks.
    print(f"preparing {len(cases)} cases", file=sys.stderr, flush=True)
    cells = {}  # (shape, op, framework) -> callable
    problems = []
    for i, (shape, _) in enumerate(cases):
        x, t = make_input(shape, seed=i)
        tf, jf = torch_fns(torch, x, t), jax_fns(jax, x, t)
        problems += check(np, shape, x, t, tf, jf)
        for op in OPS:
            cells[(shape, op, "torch")] = tf[op]
            cells[(shape, op, "jax")] = jf[op]
    reps = {}
    for key, fn in cells.items():
        reps[key] = calibrate(fn, target_s, min_reps)

    times = {key: [] for key in cells}
    cpu_ratio = {fw: [] for fw in FRAMEWORKS}

    def python_step(r):
        for shape, _ in cases:
            for op in OPS:
                order = FRAMEWORKS if r % 2 == 0 else FRAMEWORKS[::-1]
                for fw in order:
                    key = (shape, op, fw)
                    ns, cpu = time_batch(cells[key], reps[key])
                    times[key].append(ns / math.prod(shape))
                    cpu_ratio[fw].append(cpu)

    wall0 = time.perf_counter()
    for r in range(args.rounds):
        run_cargo_now = not args.no_cargo and (r == 0 or not args.cargo_once)
        print(f"round {r + 1}/{args.rounds}", file=sys.stderr, flush=True)
        if run_cargo_now and r % 2 == 0:
            cargo_step()
        start = time.perf_counter()
        python_step(r)
        print(f"  torch + jax: {time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)
        if run_cargo_now and r % 2 == 1:
            cargo_step()
    if args.no_cargo:
        logits_runs.append(read_logits())
    elapsed = time.perf_counter() - wall0

    # The table.
    mtimes = [
        est[1]
        for run in logits_runs
        for cell in run.values()
        for est in cell.values()
        if est is not None
    ]
    stamp = lambda s: datetime.datetime.fromtimestamp(s).strftime("%Y-%m-%d %H:%M:%S")
    cmd = shlex.join([os.path.relpath(sys.executable), os.path.relpath(__file__), *sys.argv[1:]])
    print(f"## logits vs PyTorch vs JAX: CPU, one thread, f32, ns per element\n")
    print(f"- machine: {cpu_model()}, {os.cpu_count()} logical CPUs, {platform.system()} {platform.release()}")
    print(f"- python {platform.python_version()}, numpy {np.__version__}, torch {torch.__version__}"
          f" ({torch.get_num_threads()} thread), jax {jax.__version__} (jaxlib {jaxlib.__version__},"
          f" {jax.devices()[0].platform})")
    print(f"- command: `{cmd}`, from {ROOT}, {stamp(time.time())}, {elapsed:.0f} s")
    print(f"- logits: git {git_describe()}; ", end="")
    if args.no_cargo:
        print("criterion results read as found in "
              + (f"{target_dir}/criterion, written {stamp(min(mtimes))} .. {stamp(max(mtimes))}"
                 if mtimes else f"{target_dir}/criterion: none found"))
    else:
        print(f"`cargo bench` run {len(logits_runs)} time(s) in this run, interleaved with the Python side")
    print(f"- {args.rounds} round(s); each cell: median (min..max) over the rounds"
          + (", quick mode" if args.quick else "")
          + f"; Python batches of ~{target_s:g} s")
    print()
    print("| shape | op | logits | torch | JAX | copy | torch ÷ logits | JAX ÷ logits | logits bench group |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---|")
    stand_in_used = False
    for shape, op, g in rows:
        lg = [run[(shape, op)]["logits"][0] for run in logits_runs
              if g and run.get((shape, op), {}).get("logits")]
        cp = [run[(shape, op)]["copy"][0] for run in logits_runs
              if g and run.get((shape, op), {}).get("copy")]
        tt, jt = times[(shape, op, "torch")], times[(shape, op, "jax")]
        if g is None:
            where = "— (no bench)"
        else:
            where = f"{g[0]}: `{g[1]}`" + ("" if g[2] else " †")
            stand_in_used |= not g[2]
            if not lg:
                where += " (no result)"
        print(f"| {shape_str(shape)} | {OP_LABEL[op]} | {fmt(lg)} | {fmt(tt)} | {fmt(jt)} | {fmt(cp)}"
              f" | {ratio(tt, lg)} | {ratio(jt, lg)} | {where} |")
    print()
    print("logits: the `_into` groups write into a buffer allocated once; torch and JAX allocate their"
          " outputs (and the gradient) on every call. copy: criterion's `copy` function of the same"
          " group, a copy of the same bytes (time of the whole group's input, per element).")
    if stand_in_used:
        print("† no bench group of this shape for this op: the figure is the nearest group's, per element"
              " of that group's own shape.")
    worst = {fw: max(v) for fw, v in cpu_ratio.items() if v}
    print("CPU time / wall time, highest over all Python batches: "
          + ", ".join(f"{fw} {v:.2f}" for fw, v in worst.items())
          + (" (one thread)" if max(worst.values()) < 1.15 else " — ABOVE 1: more than one thread ran"))
    if problems:
        print("\nCHECKS FAILED (torch / JAX vs a float64 reference):")
        for p in problems:
            print(f"- {p}")
    else:
        print("Checks: torch and JAX outputs agree with a float64 reference on every case.")
    missing = [f"{g[1]}" for shape, op, g in rows if g and not any(
        run.get((shape, op), {}).get("logits") for run in logits_runs)]
    if missing:
        print(f"\nNo criterion result for: {', '.join(missing)}"
              + (" (run without --no-cargo, or `cargo bench --bench layouts` / `--bench softmax`)"
                 if args.no_cargo else ""))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
