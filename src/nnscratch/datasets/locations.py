"""Where the catalog and the cache are: environment variables, ``data_home`` and defaults."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from .errors import DataUnavailableError

CATALOG_ENV = "NNSCRATCH_CATALOG"
DATA_ENV = "NNSCRATCH_DATA"
CATALOG_NAME = "catalog.toml"


def user_cache_dir() -> Path:
    """The platform's per-user cache folder for nnscratch (``NNSCRATCH_DATA`` wins if set)."""
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV]).expanduser()
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        base = os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local"
        return Path(base) / "nnscratch" / "Cache"
    if sys.platform == "darwin":  # pragma: no cover - exercised on macOS only
        return Path.home() / "Library" / "Caches" / "nnscratch"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "nnscratch"


def cache_dir(data_home: str | os.PathLike | None) -> Path:
    """The folder that holds fetched files: ``data_home`` if given, else :func:`user_cache_dir`."""
    if data_home is None:
        return user_cache_dir()
    if not isinstance(data_home, (str, os.PathLike)):
        raise TypeError(
            f"data_home must be a path (str or os.PathLike), got {type(data_home).__name__}"
        )
    return Path(data_home).expanduser()


def catalog_path(data_home: str | os.PathLike | None) -> Path | None:
    """The catalog to read: ``data_home/catalog.toml`` if it exists, else ``NNSCRATCH_CATALOG``.

    An explicit ``data_home`` wins over the environment. A ``NNSCRATCH_CATALOG`` that names no
    file is an error rather than silently ignored, because the user asked for local copies.
    """
    if data_home is not None:
        candidate = cache_dir(data_home) / CATALOG_NAME
        if candidate.is_file():
            return candidate
    named = os.environ.get(CATALOG_ENV)
    if not named:
        return None
    path = Path(named).expanduser()
    if path.is_dir():
        path = path / CATALOG_NAME
    if not path.is_file():
        raise DataUnavailableError(
            f"{CATALOG_ENV}={named} names no catalog file; point it at a catalog.toml "
            "(for example ../shared/data/catalog.toml) or unset it"
        )
    return path


def writable_dirs(data_home: str | os.PathLike | None) -> list[Path]:
    """Folders to write fetched files and decoded arrays to, best first (maybe none).

    A folder that holds a catalog is never written to (derived files stay out of a curated,
    often read-only, collection), and neither is one where a test file cannot be created.
    """
    candidates = [cache_dir(data_home), user_cache_dir()]
    result: list[Path] = []
    for folder in candidates:
        if folder in result or (folder / CATALOG_NAME).exists():
            continue
        if _can_write(folder):
            result.append(folder)
    return result


def read_dirs(data_home: str | os.PathLike | None) -> list[Path]:
    """Folders in which earlier fetches may be found, in the order they are searched."""
    result: list[Path] = []
    for folder in (cache_dir(data_home), user_cache_dir()):
        if folder not in result:
            result.append(folder)
    return result


def _can_write(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=folder, prefix=".write-test-")
    except OSError:
        return False
    os.close(fd)
    os.unlink(probe)
    return True


def writable_dirs_for_cleanup(folders: list[Path]) -> list[Path]:
    """The folders among ``folders`` that are ours to delete bad files from.

    A folder holding a catalog is someone's curated collection and is never touched.
    """
    return [f for f in folders if not (f / CATALOG_NAME).exists() and _can_write(f)]
