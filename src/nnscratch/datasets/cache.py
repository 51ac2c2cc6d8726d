"""The decoded-array cache: ``.npy`` files keyed by the hashes of the source files.

Decoding 60,000 JPEGs or gunzipping IDX files takes seconds; loading ``.npy`` files takes a
fraction of one. Each entry is a folder ``decoded/<key>/`` holding ``x_train.npy``,
``t_train.npy``, ``x_test.npy`` and ``t_test.npy``. A folder is written under a temporary name
and renamed into place when complete, so a reader never sees half an entry.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

import numpy as np

from .formats import NPZ_KEYS, Split

DECODED = "decoded"
LAYOUT_VERSION = "1"  # bump when the canonical layout of the decoded arrays changes


def cache_key(name: str, fmt: str, hashes: list[str]) -> str:
    """A folder name that changes whenever any source file's pinned hash changes.

    Examples
    --------
    >>> from nnscratch.datasets.cache import cache_key
    >>> key = cache_key("mnist", "idx-gz", ["ab" * 32])
    >>> key.startswith("mnist-idx-gz-"), len(key)
    (True, 37)
    """
    digest = hashlib.sha256("\n".join([LAYOUT_VERSION, fmt, *hashes]).encode()).hexdigest()
    return f"{name}-{fmt}-{digest[:24]}"


def load_decoded(folders: list[Path], key: str) -> tuple[Split, Split] | None:
    """Return the cached arrays for ``key`` from the first folder that has them, else None."""
    for folder in folders:
        entry = folder / DECODED / key
        if not entry.is_dir():
            continue
        try:
            arrays = [np.load(entry / f"{k}.npy", allow_pickle=False) for k in NPZ_KEYS]
        except (OSError, ValueError):
            _remove_quietly(entry)  # an unreadable entry is rebuilt from the verified source
            continue
        x_train, t_train, x_test, t_test = arrays
        if len(x_train) == len(t_train) and len(x_test) == len(t_test):
            return (x_train, t_train), (x_test, t_test)
        _remove_quietly(entry)
    return None


def store_decoded(folders: list[Path], key: str, splits: tuple[Split, Split]) -> Path | None:
    """Write the arrays for ``key`` into the first writable folder; return where, or None."""
    (x_train, t_train), (x_test, t_test) = splits
    arrays = dict(zip(NPZ_KEYS, (x_train, t_train, x_test, t_test), strict=True))
    for folder in folders:
        root = folder / DECODED
        final = root / key
        try:
            root.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(dir=root, prefix=f".{key}-"))
        except OSError:
            continue
        try:
            for name, array in arrays.items():
                np.save(staging / f"{name}.npy", np.ascontiguousarray(array), allow_pickle=False)
            os.replace(staging, final)
        except OSError:
            # Another process finished the same entry first, or the disk is full: either way
            # the staging folder must not linger.
            _remove_quietly(staging)
            if final.is_dir():
                return final
            continue
        return final
    return None


def _remove_quietly(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
