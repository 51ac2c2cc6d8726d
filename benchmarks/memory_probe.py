"""Train on CIFAR-10 briefly and print the process's peak resident memory as JSON.

Run in a fresh process (``compare.peak_rss_cifar10`` and the memory benchmark do), so the
peak belongs to this run alone: loading the float32 data set, the training loop and its
evaluations on all 50,000 training and 10,000 test images.

    python benchmarks/memory_probe.py --iters 300
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path


def peak_rss_bytes() -> int:
    """This process's peak resident memory since it started (its own, not its parent's).

    ``getrusage``'s ``ru_maxrss`` is not enough on Linux: a process started by fork (or vfork)
    and exec keeps the parent's high-water mark, so a probe started from a big pytest process
    reported the parent's peak. ``VmHWM`` belongs to the memory map exec created.
    """
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024  # reported in kB
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # bytes on macOS, KiB elsewhere


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iters", type=int, default=300)
    parser.add_argument("--hidden", type=int, default=100)
    parser.add_argument("--batch-size", type=int, default=100)
    args = parser.parse_args(argv)

    from nnscratch.datasets import load_cifar10
    from nnscratch.networks import TwoLayerNet
    from nnscratch.training import train

    began = time.perf_counter()
    (x_train, t_train), (x_test, t_test) = load_cifar10()
    load_seconds = time.perf_counter() - began
    after_load = peak_rss_bytes()
    network = TwoLayerNet(x_train.shape[1], args.hidden, 10, weight_init_std="he", rng=0)
    history = train(
        network, x_train, t_train, x_test=x_test, t_test=t_test, iters=args.iters,
        batch_size=args.batch_size, lr=0.01, rng=0, progress=False,
    )  # fmt: skip
    peak = peak_rss_bytes()
    result = {
        "iters": args.iters,
        "hidden": args.hidden,
        "x_train_dtype": str(x_train.dtype),
        "x_train_bytes": int(x_train.nbytes),
        "load_seconds": load_seconds,
        "train_seconds": history.wall_time,
        "test_accuracy": history.final_test_accuracy,
        "peak_rss_after_load_bytes": after_load,
        "peak_rss_bytes": peak,
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
