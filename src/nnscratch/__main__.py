"""Command line: ``python -m nnscratch data list|fetch|verify [NAME]``.

- ``list``: each dataset, where it would load from, and whether its files verify;
- ``fetch``: load ahead of time (download with a progress bar if needed, decode, cache);
- ``verify``: check every local copy against its pinned SHA-256.

The exit status is 0 when everything asked for is fine and 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys

from .datasets import DATASETS, DataIntegrityError, DataUnavailableError, describe, sources


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``nnscratch`` command."""
    parser = argparse.ArgumentParser(
        prog="nnscratch", description="nnscratch: neural networks from scratch in NumPy."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    data = commands.add_parser("data", help="list, fetch or verify the course datasets")
    data.add_argument("action", choices=("list", "fetch", "verify"))
    data.add_argument("name", nargs="?", help=f"one of {', '.join(DATASETS)} (default: all)")
    data.add_argument(
        "--data-home", default=None, help="folder for fetched files (default: NNSCRATCH_DATA)"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit status.

    Examples
    --------
    >>> from nnscratch.__main__ import main
    >>> main(["data", "list", "no-such-dataset"])
    unknown dataset 'no-such-dataset'; choose one of 'mnist', 'fashion_mnist', 'cifar10'
    1
    """
    args = build_parser().parse_args(argv)
    try:
        names = [describe(args.name).name] if args.name else list(DATASETS)
    except (TypeError, ValueError) as error:
        print(error)
        return 1
    action = {"list": _list, "fetch": _fetch, "verify": _verify}[args.action]
    ok = True
    for name in names:
        ok = action(name, args.data_home) and ok
    return 0 if ok else 1


def _list(name: str, data_home) -> bool:
    source = describe(name, data_home)
    if source.source == "download":
        status = "not stored locally; will be downloaded"
        ok = True
    else:
        ok, status = _check(name, data_home)
    print(f"{name:14} {source.source:9} {source.location}\n{'':14} {status}")
    return ok


def _verify(name: str, data_home) -> bool:
    ok, status = _check(name, data_home)
    print(f"{name:14} {status}")
    return ok


def _check(name: str, data_home) -> tuple[bool, str]:
    try:
        source = sources.describe_source(name, data_home, verify=True)
    except DataIntegrityError as error:
        return False, f"FAILED: {error}"
    except DataUnavailableError as error:
        return False, f"MISSING: {error}"
    return True, f"ok: every file matches its pinned SHA-256 ({source.source} copy)"


def _fetch(name: str, data_home) -> bool:
    try:
        splits, source = sources.load_uint8(name, data_home, progress=True)
    except (DataIntegrityError, DataUnavailableError, ValueError) as error:
        print(f"{name:14} FAILED: {error}", file=sys.stderr)
        return False
    (x_train, _), (x_test, _) = splits
    print(
        f"{name:14} ok: {len(x_train)} training and {len(x_test)} test images "
        f"from {source.source} {source.location}"
    )
    return True


if __name__ == "__main__":
    sys.exit(main())
