"""Read a catalog of local copies: a TOML file with one table per dataset.

The schema (written at the top of ``shared/data/catalog.toml``)::

    [mnist]
    description = "..."
    format = "idx-gz"                 # or "image-folder-zip" or "npz"
    classes = ["...", ...]            # optional
    train_images = { path = "mnist/train-images-idx3-ubyte.gz", sha256 = "..." }
    ...                               # idx-gz: train_images, train_labels, test_images, test_labels
    archive = { path = "...", sha256 = "..." }   # image-folder-zip and npz

Paths are relative to the catalog file. Every file is pinned by SHA-256.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .specs import IDX_KEYS

FILE_KEYS = {
    "idx-gz": IDX_KEYS,
    "image-folder-zip": ("archive",),
    "npz": ("archive",),
}
_SHA256 = re.compile(r"^[0-9a-fA-F]{64}$")


@dataclass(frozen=True)
class CatalogFile:
    """One pinned file of a catalog entry."""

    key: str
    path: Path
    sha256: str


@dataclass(frozen=True)
class CatalogEntry:
    """One dataset's table in a catalog."""

    name: str
    format: str
    description: str
    files: tuple[CatalogFile, ...]
    classes: tuple[str, ...] | None = None
    catalog: Path = field(default=Path("catalog.toml"))


def _toml_loads(text: str) -> dict:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        try:
            import tomli as tomllib
        except ImportError as error:
            raise ImportError(
                "reading a dataset catalog on Python 3.10 needs tomli: pip install tomli "
                "(or pip install 'nnscratch[datasets]')"
            ) from error
    return tomllib.loads(text)


def read_catalog(path: Path) -> dict[str, CatalogEntry]:
    """Parse the catalog at ``path`` into entries keyed by dataset name.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from nnscratch.datasets.catalog import read_catalog
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     catalog = Path(folder) / "catalog.toml"
    ...     _ = catalog.write_text(
    ...         '[mnist]\\nformat = "npz"\\ndescription = "my copy"\\n'
    ...         'archive = { path = "mnist.npz", sha256 = "' + "0" * 64 + '" }\\n'
    ...     )
    ...     entry = read_catalog(catalog)["mnist"]
    >>> entry.format, entry.files[0].path.name
    ('npz', 'mnist.npz')
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ValueError(f"cannot read the dataset catalog {path}: {error}") from error
    try:
        tables = _toml_loads(text)
    except ValueError as error:  # tomllib.TOMLDecodeError is a ValueError
        raise ValueError(f"the dataset catalog {path} is not valid TOML: {error}") from error
    return {
        name: _entry(path, name, table) for name, table in tables.items() if isinstance(table, dict)
    }


def _entry(catalog: Path, name: str, table: dict) -> CatalogEntry:
    where = f"[{name}] in {catalog}"
    fmt = table.get("format")
    if fmt not in FILE_KEYS:
        choices = ", ".join(repr(f) for f in FILE_KEYS)
        raise ValueError(f"{where}: format must be one of {choices}, got {fmt!r}")
    files = []
    for key in FILE_KEYS[fmt]:
        ref = table.get(key)
        if not isinstance(ref, dict) or not isinstance(ref.get("path"), str):
            raise ValueError(
                f"{where}: format {fmt!r} needs {key} = {{ path = ..., sha256 = ... }}"
            )
        sha256 = ref.get("sha256")
        if not isinstance(sha256, str) or not _SHA256.match(sha256):
            raise ValueError(f"{where}: {key}.sha256 must be 64 hex digits, got {sha256!r}")
        files.append(CatalogFile(key, (catalog.parent / ref["path"]).resolve(), sha256.lower()))
    classes = table.get("classes")
    if classes is not None and not (
        isinstance(classes, list) and classes and all(isinstance(c, str) for c in classes)
    ):
        raise ValueError(f"{where}: classes must be a list of names, got {classes!r}")
    return CatalogEntry(
        name=name,
        format=fmt,
        description=str(table.get("description", "")),
        files=tuple(files),
        classes=tuple(classes) if classes else None,
        catalog=catalog,
    )
