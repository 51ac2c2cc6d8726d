"""nnscratch against the book's loop (and PyTorch CPU when installed), side by side.

Every measurement runs the implementations side by side on the same data with the same
hyper-parameters (784-50-10 ReLU network, weights N(0, 0.01^2) and the same starting values,
batch 100, SGD with learning rate 0.1), so every result is a ratio that holds on a busy machine.
Short timed rounds alternate between the implementations; the full runs, each in a process
of its own, take turns of a quarter of a second. Medians are kept.

Run it from the repository root::

    python benchmarks/compare.py                # the full comparison (several minutes)
    python benchmarks/compare.py --quick        # a one-minute version
    python benchmarks/compare.py --help

It prints a table and writes JSON to ``benchmarks/results/`` (gitignored). ``nox -s bench``
runs it after the pytest-benchmark cases.
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import platform
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # run as a script or imported by the docs: find the siblings
    sys.path.insert(0, str(HERE))

import handwritten  # noqa: E402
import reference  # noqa: E402
import torch_impl  # noqa: E402

from nnscratch.networks import TwoLayerNet  # noqa: E402
from nnscratch.training import train  # noqa: E402

SIZES = (784, 50, 10)
BATCH_SIZE = 100
LR = 0.1
INIT_STD = 0.01
RESULTS = HERE / "results"
SHARED_CATALOG = HERE.parent.parent / "shared" / "data" / "catalog.toml"
IMPLEMENTATIONS = ("reference", "nnscratch", "handwritten", "pytorch")
LABELS = {
    "reference": "book-style reference",
    "nnscratch": "nnscratch",
    "handwritten": "hand-written NumPy loop",
    "pytorch": "PyTorch CPU",
}


# --- Data ---------------------------------------------------------------------------------


def use_shared_catalog() -> None:
    """Point the loaders at the local copies beside the clone, as noxfile's data_env does."""
    if "NNSCRATCH_CATALOG" not in os.environ and SHARED_CATALOG.is_file():
        os.environ["NNSCRATCH_CATALOG"] = str(SHARED_CATALOG)


@dataclass
class Data:
    """MNIST (or random data of its shape): float32 images, integer labels."""

    x_train: np.ndarray
    t_train: np.ndarray
    x_test: np.ndarray
    t_test: np.ndarray
    source: str
    _book: tuple | None = field(default=None, repr=False, compare=False)

    def for_reference(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The same data as the book's ``load_mnist(normalize=True, one_hot_label=True)`` gives it.

        That is float32 images (the same arrays nnscratch gets) and one-hot float64 labels
        (made once). The book's weights are float64, so NumPy converts the images to float64
        inside every product with them, the whole training set at every evaluation included:
        that is the book's own cost, kept.
        """
        if self._book is None:
            eye = np.eye(SIZES[-1])
            self._book = (self.x_train, eye[self.t_train], self.x_test, eye[self.t_test])
        return self._book


def load_data(*, random: bool = False, seed: int = 0) -> Data:
    """MNIST through ``nnscratch.datasets`` if it loads here, else random data of its shape.

    Random data gives the same timings (the arithmetic does not depend on the values) but
    meaningless accuracies; ``Data.source`` says which one was used.
    """
    if not random:
        try:
            from nnscratch.datasets import load_mnist

            (x, t), (xt, tt) = load_mnist()
            return Data(x, t.astype(np.intp), xt, tt.astype(np.intp), "MNIST")
        except Exception as error:  # no loader or no data: still measure the speed
            print(f"MNIST unavailable ({type(error).__name__}: {error}); using random data")
    rng = np.random.default_rng(seed)
    return Data(
        rng.random((60_000, 784), dtype=np.float32),
        rng.integers(0, 10, 60_000),
        rng.random((10_000, 784), dtype=np.float32),
        rng.integers(0, 10, 10_000),
        "random data of MNIST's shape",
    )


# --- The three implementations, started from the same weights ----------------------------


def make_nnscratch(seed: int = 0) -> TwoLayerNet:
    return TwoLayerNet(*SIZES, weight_init_std=INIT_STD, rng=seed)


def make_reference(start: TwoLayerNet) -> reference.TwoLayerNet:
    """The book's network holding float64 copies of ``start``'s weights."""
    network = reference.TwoLayerNet(*SIZES, weight_init_std=INIT_STD)
    for key, value in start.params.items():
        network.params[key][...] = value  # in place: the layers share these arrays
    return network


def make_handwritten(start: TwoLayerNet) -> dict[str, np.ndarray]:
    """float32 copies of ``start``'s weights for the hand-written loop (which updates them)."""
    return {key: value.copy() for key, value in start.params.items()}


def make_torch(start: TwoLayerNet):
    """The PyTorch network holding float32 copies of ``start``'s weights."""
    import torch

    network = torch_impl.make_network(SIZES, INIT_STD)
    with torch.no_grad():
        for number, linear in enumerate((network[0], network[2]), start=1):
            linear.weight.copy_(torch.from_numpy(start.params[f"W{number}"].T.copy()))
            linear.bias.copy_(torch.from_numpy(start.params[f"b{number}"]))
    return network


def has_torch() -> bool:
    return torch_impl.available()


# --- Worker processes -------------------------------------------------------------------
#
# Loaded into this process, PyTorch's thread pool slowed the NumPy implementations' timings
# (nnscratch by up to a half), so PyTorch runs in a child process that loads the same data
# and takes its turn in the same alternating rounds. The full runs put every implementation
# in a child process of its own, so that they can take turns (see measure_full_runs).
# Requests go to a worker's stdin and results come back as JSON lines.

_IN_WORKER = False
_WORKERS: dict[tuple[str, str], _Worker] = {}


class _Worker:
    def __init__(self, random_data: bool):
        command = [sys.executable, str(Path(__file__).resolve()), "--worker"]
        if random_data:
            command.append("--random-data")
        if torch_impl.THREADS is not None:
            command += ["--threads", str(torch_impl.THREADS)]
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )

    def send(self, what: str, **arguments) -> None:
        self.process.stdin.write(json.dumps({"call": what, **arguments}) + "\n")
        self.process.stdin.flush()

    def receive(self):
        reply = self.process.stdout.readline()
        if not reply:
            raise RuntimeError(
                f"a benchmark worker ended (exit code {self.process.wait()}); its error is above"
            )
        return json.loads(reply)

    def call(self, what: str, **arguments):
        self.send(what, **arguments)
        return self.receive()

    def close(self) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGCONT)  # in case it was left paused
        self.process.stdin.close()
        self.process.wait(timeout=60)
        self.process.stdout.close()


def worker(data: Data, name: str) -> _Worker:
    """The child process that runs implementation ``name`` on the same data (started once)."""
    key = (data.source, name)
    if key not in _WORKERS:
        started = _WORKERS[key] = _Worker(random_data=data.source != "MNIST")
        atexit.register(started.close)
        started.call("train_seconds", name=name, iters=20, seed=0)  # the first steps set up
    return _WORKERS[key]


def serve(random_data: bool) -> int:
    """The worker's side: answer ``train_seconds`` and ``full_run`` calls read from stdin."""
    global _IN_WORKER
    _IN_WORKER = True
    replies, sys.stdout = sys.stdout, sys.stderr  # prints must not mix with the replies
    use_shared_catalog()
    data = load_data(random=random_data)
    calls = {"train_seconds": train_seconds, "full_run": full_run}
    for line in sys.stdin:
        request = json.loads(line)
        result = calls[request.pop("call")](request.pop("name"), data, **request)
        replies.write(json.dumps(result, default=float) + "\n")
        replies.flush()
    return 0


def take_turns(
    workers: dict[str, _Worker], what: str, turn_seconds: float, **arguments
) -> dict[str, dict]:
    """Make the same call of every worker, for its own implementation, the calls taking turns.

    The workers are paused (SIGSTOP) and given the call; then each in turn runs for
    ``turn_seconds`` while the others wait, until it replies. Each reply's ``seconds`` is
    replaced by the sum of that worker's turns: its running time, measured in turns that lie
    within a second of the others' all through the calls.
    """
    for name, each in workers.items():
        os.kill(each.process.pid, signal.SIGSTOP)
        each.send(what, name=name, **arguments)
    running = dict.fromkeys(workers, 0.0)
    replies = {}
    try:
        while len(replies) < len(workers):
            for name, each in workers.items():
                if name in replies:
                    continue
                began = time.perf_counter()
                os.kill(each.process.pid, signal.SIGCONT)
                ready, _, _ = select.select([each.process.stdout], [], [], turn_seconds)
                if ready:
                    replies[name] = each.receive()
                else:
                    os.kill(each.process.pid, signal.SIGSTOP)
                running[name] += time.perf_counter() - began
    finally:
        for each in workers.values():
            os.kill(each.process.pid, signal.SIGCONT)
    return {name: {**replies[name], "seconds": running[name]} for name in workers}


# --- Training: seconds per N iterations (no evaluation) and full runs ----------------------


def _prepared(data: Data):
    """What each implementation's timed call needs, made once outside the timings."""
    return {"reference": data.for_reference()}


def train_seconds(name: str, data: Data, iters: int, *, seed: int = 0, prepared=None) -> float:
    """Seconds that implementation ``name`` takes for ``iters`` training iterations.

    Only the loop is timed: batch selection, gradient, update and the loss of every step;
    evaluations are excluded (nnscratch's ``train`` reports their time separately).
    """
    if name == "pytorch" and not _IN_WORKER:
        return worker(data, name).call("train_seconds", name=name, iters=iters, seed=seed)
    prepared = prepared or _prepared(data)
    start = make_nnscratch(seed)
    if name == "nnscratch":
        history = train(
            start, data.x_train, data.t_train, iters=iters, batch_size=BATCH_SIZE, lr=LR,
            eval_every=iters + 1, rng=seed,
        )  # fmt: skip
        return history.wall_time - history.eval_time
    if name == "reference":
        x, t, xt, tt = prepared["reference"]
        began = time.perf_counter()
        reference.train(
            make_reference(start), x, t, xt, tt, iters_num=iters, batch_size=BATCH_SIZE,
            learning_rate=LR, evaluate=False, rng=seed,
        )  # fmt: skip
        return time.perf_counter() - began
    if name == "handwritten":
        result = handwritten.train(
            make_handwritten(start), data.x_train, data.t_train, iters=iters,
            batch_size=BATCH_SIZE, lr=LR, evaluate=False, seed=seed,
        )  # fmt: skip
        return result["train_seconds"]
    if name == "pytorch":
        result = torch_impl.train(
            make_torch(start), data.x_train, data.t_train, iters=iters,
            batch_size=BATCH_SIZE, lr=LR, evaluate=False, seed=seed,
        )  # fmt: skip
        return result["train_seconds"]
    raise ValueError(f"unknown implementation {name!r}")


def measure_steps(
    data: Data, *, iters: int = 1000, rounds: int = 3, names=None, seed: int = 0
) -> dict[str, list[float]]:
    """Seconds for ``iters`` iterations of each implementation, rounds alternating.

    The first, untimed, round of 20 iterations warms every implementation up.
    """
    names = list(names or available_implementations())
    prepared = _prepared(data)
    for name in names:
        train_seconds(name, data, 20, seed=seed, prepared=prepared)
    seconds: dict[str, list[float]] = {name: [] for name in names}
    for round_number in range(rounds):
        order = names if round_number % 2 == 0 else names[::-1]
        for name in order:
            seconds[name].append(train_seconds(name, data, iters, seed=seed, prepared=prepared))
    return seconds


def full_run(name: str, data: Data, iters: int = 10_000, *, seed: int = 0) -> dict:
    """A whole training run with per-epoch accuracies, as the course's exercises do."""
    if name == "pytorch" and not _IN_WORKER:
        return worker(data, name).call("full_run", name=name, iters=iters, seed=seed)
    start = make_nnscratch(seed)
    if name == "nnscratch":
        history = train(
            start, data.x_train, data.t_train, x_test=data.x_test, t_test=data.t_test,
            iters=iters, batch_size=BATCH_SIZE, lr=LR, rng=seed,
        )  # fmt: skip
        return {
            "seconds": history.wall_time,
            "eval_seconds": history.eval_time,
            "final_loss": float(history.loss[-1]),
            "train_accuracy": history.final_train_accuracy,
            "test_accuracy": history.final_test_accuracy,
            "evaluations": len(history.eval_iterations),
        }
    if name == "reference":
        x, t, xt, tt = data.for_reference()
        result = reference.train(
            make_reference(start), x, t, xt, tt, iters_num=iters, batch_size=BATCH_SIZE,
            learning_rate=LR, rng=seed,
        )  # fmt: skip
    elif name == "handwritten":
        result = handwritten.train(
            make_handwritten(start), data.x_train, data.t_train, data.x_test, data.t_test,
            iters=iters, batch_size=BATCH_SIZE, lr=LR, seed=seed,
        )  # fmt: skip
    elif name == "pytorch":
        result = torch_impl.train(
            make_torch(start), data.x_train, data.t_train, data.x_test, data.t_test,
            iters=iters, batch_size=BATCH_SIZE, lr=LR, seed=seed,
        )  # fmt: skip
    else:
        raise ValueError(f"unknown implementation {name!r}")
    return {
        "seconds": result["wall_time"],
        "final_loss": float(result["loss"][-1]),
        "train_accuracy": float(result["train_acc"][-1]),
        "test_accuracy": float(result["test_acc"][-1]),
        "evaluations": len(result["test_acc"]),
    }


def measure_full_runs(
    data: Data,
    *,
    iters: int = 10_000,
    names=None,
    rounds: int = 1,
    seed: int = 0,
    turn_seconds: float = 0.25,
) -> dict:
    """Full runs of every implementation, ``rounds`` times, the runs of a round side by side.

    Each implementation runs in a worker process of its own, and in each round the runs
    take turns of ``turn_seconds`` (:func:`take_turns`) rather than running one after
    another: a shared machine's speed can drift by 2x over tens of seconds, and runs made one
    after another then meet different speeds (on one such machine the ratios of same-round
    runs swung from about 2x to over 5x).
    Each implementation's run of median time is reported, with every run's seconds in
    ``all_seconds``, and ``paired_ratio``, its time over nnscratch's in the same round.
    """
    names = list(names or available_implementations())
    runs: dict[str, list[dict]] = {name: [] for name in names}
    for round_number in range(rounds):
        order = names if round_number % 2 == 0 else names[::-1]
        workers = {name: worker(data, name) for name in order}
        done = take_turns(workers, "full_run", turn_seconds, iters=iters, seed=seed)
        for name, run in done.items():
            runs[name].append(run)
    results = {}
    for name, done in runs.items():
        seconds = [run["seconds"] for run in done]
        median = done[seconds.index(statistics.median_low(seconds))]
        results[name] = {
            **median,
            "all_seconds": seconds,
            "all_test_accuracies": [run["test_accuracy"] for run in done],
        }
    if "nnscratch" in results:
        ours = results["nnscratch"]["all_seconds"]
        for result in results.values():
            result["paired_ratio"] = paired_ratio(result["all_seconds"], ours)
    return results


def paired_ratio(slower: list[float], faster: list[float]) -> float:
    """The median over rounds of the ratio of two times measured in the same round.

    Steadier than a ratio of medians when the machine's speed drifts between rounds.
    """
    return statistics.median(a / b for a, b in zip(slower, faster, strict=True))


def product_seconds(repeats: int = 300, seed: int = 0) -> float:
    """Seconds a training step spends in its two large matrix products, nothing else.

    They are the first layer's ``batch @ W1`` (100x784 by 784x50) forward and
    ``batch.T @ d_hidden`` backward: every implementation does both each step, and no
    arrangement of NumPy calls does them faster. Median of ``repeats`` timings of the pair.
    """
    rng = np.random.default_rng(seed)
    batch = rng.random((BATCH_SIZE, SIZES[0]), dtype=np.float32)
    weights = make_nnscratch(seed).params["W1"]
    d_hidden = rng.standard_normal((BATCH_SIZE, SIZES[1])).astype(np.float32)
    timings = []
    for _ in range(repeats):
        began = time.perf_counter()
        batch @ weights
        batch.T @ d_hidden
        timings.append(time.perf_counter() - began)
    return statistics.median(timings)


def evaluation_seconds(data: Data, *, rounds: int = 3, seed: int = 0) -> dict[str, float]:
    """Median seconds of one accuracy evaluation on the whole training and test sets."""
    network = make_nnscratch(seed)
    book = make_reference(network)
    x, t, xt, tt = data.for_reference()
    seconds: dict[str, list[float]] = {"reference": [], "nnscratch": []}
    for _ in range(rounds):
        began = time.perf_counter()
        network.accuracy(data.x_train, data.t_train)
        network.accuracy(data.x_test, data.t_test)
        seconds["nnscratch"].append(time.perf_counter() - began)
        began = time.perf_counter()
        book.accuracy(x, t)
        book.accuracy(xt, tt)
        seconds["reference"].append(time.perf_counter() - began)
    return {name: statistics.median(values) for name, values in seconds.items()}


# --- The numerical gradient --------------------------------------------------------------


def book_numerical_gradient(
    network: reference.TwoLayerNet, x, t, *, entries_per_param: int | None = None
) -> tuple[float, dict[str, np.ndarray]]:
    """Seconds of the book's ``TwoLayerNet.numerical_gradient``, and the gradients it made.

    With ``entries_per_param`` only the first that many entries (whole rows of a matrix) of
    each parameter are perturbed, and the time is scaled up by each parameter's entry count:
    the book's method does the same work (two full forward passes) for every entry, so the
    scaling is exact up to noise.
    """

    def loss_W(W):
        return network.loss(x, t)

    seconds, grads = 0.0, {}
    for key, param in network.params.items():
        if entries_per_param is None or entries_per_param >= param.size:
            part = param
        else:
            rows = max(1, entries_per_param // (param.size // len(param)))
            part = param[:rows]  # a view: perturbing it perturbs the network
        began = time.perf_counter()
        grads[key] = reference.numerical_gradient(loss_W, part)
        seconds += (time.perf_counter() - began) * param.size / part.size
    return seconds, grads


def measure_numerical_gradient(
    data: Data, *, samples: int = 100, book_entries_per_param: int | None = None, seed: int = 0
) -> dict:
    """nnscratch's ``numerical_gradient`` against the book's, on the same network and batch."""
    network = make_nnscratch(seed)
    book = make_reference(network)
    x, t = data.x_train[:samples], data.t_train[:samples]
    began = time.perf_counter()
    ours = network.numerical_gradient(x, t)
    nnscratch_seconds = time.perf_counter() - began
    x64, t_one_hot = x.astype(np.float64), np.eye(SIZES[-1])[t]
    book_seconds, theirs = book_numerical_gradient(
        book, x64, t_one_hot, entries_per_param=book_entries_per_param
    )
    difference = max(
        float(np.max(np.abs(ours[key][: len(part)] - part))) for key, part in theirs.items()
    )
    return {
        "samples": samples,
        "parameters": sum(p.size for p in network.params.values()),
        "nnscratch_seconds": nnscratch_seconds,
        "book_seconds": book_seconds,
        "book_entries_timed": sum(part.size for part in theirs.values()),
        "book_extrapolated": book_entries_per_param is not None,
        "max_abs_difference": difference,
        "ratio": book_seconds / nnscratch_seconds,
    }


# --- Data loading and memory ---------------------------------------------------------------


def loading_seconds(name: str = "mnist") -> dict[str, float]:
    """Seconds to load a dataset from a cold cache (a new empty folder) and then cached."""
    from nnscratch import datasets

    loader = getattr(datasets, f"load_{name}")
    previous = os.environ.get("NNSCRATCH_DATA")
    with tempfile.TemporaryDirectory(prefix="nnscratch-bench-") as folder:
        os.environ["NNSCRATCH_DATA"] = folder  # the user cache too, so nothing is found
        try:
            began = time.perf_counter()
            loader()
            cold = time.perf_counter() - began
            began = time.perf_counter()
            loader()
            cached = time.perf_counter() - began
        finally:
            if previous is None:
                del os.environ["NNSCRATCH_DATA"]
            else:
                os.environ["NNSCRATCH_DATA"] = previous
    return {"cold": cold, "cached": cached}


def peak_rss_cifar10(iters: int = 300, hidden: int = 100, timeout: float = 900) -> dict:
    """Peak resident memory of a short CIFAR-10 training run, measured in a fresh process."""
    completed = subprocess.run(
        [sys.executable, str(HERE / "memory_probe.py"), "--iters", str(iters),
         "--hidden", str(hidden)],
        capture_output=True, text=True, timeout=timeout, check=False,
    )  # fmt: skip
    if completed.returncode != 0:
        raise RuntimeError(f"memory_probe.py failed:\n{completed.stderr[-2000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


# --- Everything, as a table and JSON --------------------------------------------------------


def available_implementations() -> list[str]:
    return [n for n in IMPLEMENTATIONS if n != "pytorch" or has_torch()]


def environment() -> dict:
    info = {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "openblas_env": {k: v for k, v in os.environ.items() if k.startswith("OPENBLAS")},
    }
    try:
        from threadpoolctl import threadpool_info

        info["blas"] = [
            {k: lib.get(k) for k in ("internal_api", "version", "num_threads", "architecture")}
            for lib in threadpool_info()
        ]
    except ImportError:
        pass
    if has_torch():  # the version without importing PyTorch here (see _TorchWorker)
        from importlib.metadata import version

        info["torch"] = version("torch")
    return info


def run_comparison(args: argparse.Namespace) -> dict:
    data = load_data(random=args.random_data)
    names = [n for n in available_implementations() if not (n == "pytorch" and args.no_torch)]
    results: dict = {"data": data.source, "environment": environment(), "settings": vars(args)}
    print(f"data: {data.source}; implementations: {', '.join(names)}", flush=True)

    print(f"training steps: {args.rounds} rounds of {args.step_iters} iterations", flush=True)
    steps = measure_steps(data, iters=args.step_iters, rounds=args.rounds, names=names)
    per_1000 = {n: statistics.median(s) * 1000 / args.step_iters for n, s in steps.items()}
    results["steps"] = {"iters": args.step_iters, "seconds": steps, "per_1000": per_1000}

    if args.full_iters:
        print(f"full runs: {args.full_rounds} rounds of {args.full_iters} iterations", flush=True)
        results["full"] = measure_full_runs(
            data, iters=args.full_iters, names=names, rounds=args.full_rounds
        )
        results["full"]["iters"] = args.full_iters

    print("evaluation of the whole training and test sets", flush=True)
    results["evaluation"] = evaluation_seconds(data)

    if not args.no_numgrad:
        print("numerical gradient", flush=True)
        results["numerical_gradient"] = measure_numerical_gradient(
            data, book_entries_per_param=args.book_numgrad_entries
        )
    if not args.no_loading:
        print("dataset loading", flush=True)
        results["loading"] = {"mnist": loading_seconds("mnist")}
    if not args.no_memory:
        print("peak memory of CIFAR-10 training", flush=True)
        try:
            results["memory"] = peak_rss_cifar10(iters=args.memory_iters)
        except Exception as error:  # e.g. CIFAR-10 not available here
            results["memory"] = {"error": str(error)}
    results["environment"]["load_average_after"] = list(os.getloadavg())
    return results


def format_table(results: dict) -> str:
    steps = results["steps"]["per_1000"]
    step_seconds = results["steps"]["seconds"]
    full = results.get("full", {})
    lines = [f"data: {results['data']}"]
    width = max(len(LABELS[name]) for name in steps) + 2
    header = f"{'':<{width}}{'s/1000 it':>10}{'x nnscratch':>13}"
    if full:
        header += f"{'full run s':>12}{'x nnscratch':>13}{'test acc':>10}"
    lines += [header, "-" * len(header)]
    for name in IMPLEMENTATIONS:
        if name not in steps:
            continue
        ratio = paired_ratio(step_seconds[name], step_seconds["nnscratch"])
        row = f"{LABELS[name]:<{width}}{steps[name]:>10.3f}{ratio:>13.2f}"
        if full:
            run = full[name]
            ratio = run["paired_ratio"]
            row += f"{run['seconds']:>12.2f}{ratio:>13.2f}{100 * run['test_accuracy']:>9.2f}%"
        lines.append(row)
    if full:
        rounds = len(full["nnscratch"]["all_seconds"])
        lines.append(
            f"(full runs: {full['iters']} iterations with accuracies every epoch; {rounds} "
            "rounds, the runs of a round taking turns: each implementation's median seconds, "
            "and the median of the ratios of the times measured in the same round)"
        )
    evaluation = results.get("evaluation")
    if evaluation:
        lines.append(
            f"evaluation of 70,000 samples: reference {evaluation['reference']:.3f} s, "
            f"nnscratch {evaluation['nnscratch']:.3f} s "
            f"({evaluation['reference'] / evaluation['nnscratch']:.2f}x)"
        )
    numgrad = results.get("numerical_gradient")
    if numgrad:
        note = " (extrapolated)" if numgrad["book_extrapolated"] else ""
        lines.append(
            f"numerical gradient, {numgrad['parameters']} parameters, {numgrad['samples']} "
            f"samples: book {numgrad['book_seconds']:.2f} s{note}, nnscratch "
            f"{numgrad['nnscratch_seconds']:.2f} s ({numgrad['ratio']:.1f}x); max difference "
            f"{numgrad['max_abs_difference']:.1e}"
        )
    loading = results.get("loading")
    if loading:
        mnist = loading["mnist"]
        lines.append(f"MNIST loading: cold {mnist['cold']:.2f} s, cached {mnist['cached']:.3f} s")
    memory = results.get("memory")
    if memory:
        if "error" in memory:
            lines.append(f"CIFAR-10 peak RSS: not measured ({memory['error'][:200]})")
        else:
            lines.append(
                f"CIFAR-10 training ({memory['iters']} iterations, hidden {memory['hidden']}): "
                f"peak RSS {memory['peak_rss_bytes'] / 2**30:.2f} GiB"
            )
    return "\n".join(lines)


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--step-iters", type=int, default=1000, help="iterations per timed round")
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds per implementation")
    parser.add_argument("--full-iters", type=int, default=10_000, help="0 skips the full runs")
    parser.add_argument("--full-rounds", type=int, default=5, help="full runs per implementation")
    parser.add_argument(
        "--book-numgrad-entries", type=int, default=None,
        help="time the book's numerical gradient on this many entries per parameter and "
        "scale up (default: all, about a minute)",
    )  # fmt: skip
    parser.add_argument("--memory-iters", type=int, default=300)
    parser.add_argument(
        "--threads", type=int, default=None,
        help="limit NumPy's BLAS (needs threadpoolctl) and PyTorch to this many threads; on a "
        "machine busier than its cores, 1 avoids idle BLAS threads that slow large products",
    )  # fmt: skip
    parser.add_argument("--no-torch", action="store_true")
    parser.add_argument("--no-numgrad", action="store_true")
    parser.add_argument("--no-loading", action="store_true")
    parser.add_argument("--no-memory", action="store_true")
    parser.add_argument("--random-data", action="store_true", help="don't load MNIST")
    parser.add_argument("--quick", action="store_true", help="short runs: about a minute")
    parser.add_argument("--output", type=Path, default=None, help="JSON file to write")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.quick:
        args.rounds, args.full_iters, args.full_rounds, args.memory_iters = 3, 2000, 1, 100
        args.book_numgrad_entries = args.book_numgrad_entries or 200
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.threads is None:
        return _serve_or_report(args)
    torch_impl.THREADS = args.threads
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=args.threads, user_api="blas"):
        return _serve_or_report(args)


def _serve_or_report(args: argparse.Namespace) -> int:
    return serve(args.random_data) if args.worker else report(args)


def report(args: argparse.Namespace) -> int:
    use_shared_catalog()
    results = run_comparison(args)
    table = format_table(results)
    print(table)
    output = args.output
    if output is None:
        RESULTS.mkdir(exist_ok=True)
        output = RESULTS / f"compare-{time.strftime('%Y%m%d-%H%M%S')}.json"
    results["table"] = table
    output.write_text(json.dumps(results, indent=2, default=str) + "\n")
    print(f"saved {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
