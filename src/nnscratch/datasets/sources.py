"""Find a dataset's bytes, verify them, and decode them (through the decoded-array cache).

Sources are tried in this order:

1. the catalog (``data_home/catalog.toml`` or ``NNSCRATCH_CATALOG``): local copies pinned there;
2. the cache folder (``data_home``, ``NNSCRATCH_DATA`` or the user cache dir): earlier fetches;
3. system folders such as Debian's ``/usr/share/datasets/fashion-mnist``, accepted when the
   decompressed content matches the official content hash;
4. download through the mirrors in :data:`nnscratch.datasets.specs.MIRRORS`.

A catalog file with the wrong hash is refused outright (the user asked for that copy). A bad
file in the cache is deleted and fetched again. Nothing is used before its hash is checked.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import cache, catalog, formats, locations, specs
from .download import Attempt, fetch
from .errors import DataIntegrityError, DataUnavailableError
from .integrity import check_sha256, mismatch_message, sha256_content, sha256_file


@dataclass(frozen=True)
class DataSource:
    """Where a dataset's data comes from: what :func:`nnscratch.datasets.describe` returns.

    Attributes
    ----------
    name : str
        The dataset, e.g. ``"cifar10"``.
    source : str
        ``"catalog"``, ``"cache"``, ``"system"`` (a system package's folder) or ``"download"``.
    location : str
        The catalog file's entry path, the cache folder, or the first mirror URL.
    description : str
        What the copy is, from the catalog's ``description`` or the official release.
    sha256 : dict
        The pinned SHA-256 of each source file, keyed by the catalog's file keys.
    format : str
        ``"idx-gz"``, ``"image-folder-zip"``, ``"npz"`` or ``"cifar-binary"``.
    """

    name: str
    source: str
    location: str
    description: str
    sha256: dict[str, str] = field(default_factory=dict)
    format: str = ""

    def __str__(self) -> str:
        where = {
            "catalog": "the catalog copy at",
            "cache": "files fetched earlier into",
            "system": "the system copy at",
            "download": "a download from",
        }[self.source]
        lines = [f"{self.name}: {self.description}", f"  from {where} {self.location}"]
        lines += [f"  sha256 {key}: {value}" for key, value in self.sha256.items()]
        return "\n".join(lines)


@dataclass
class _Plan:
    """A verified source: its files and how to decode them."""

    source: DataSource
    key: str
    decode: Callable[[], tuple[formats.Split, formats.Split]]


def load_uint8(
    name: str, data_home: str | os.PathLike | None = None, *, progress: bool | None = None
) -> tuple[tuple[formats.Split, formats.Split], DataSource]:
    """Return the dataset as uint8 arrays in canonical layout, and the source it came from."""
    spec = specs.spec_for(name)
    plan = _plan(spec, data_home, verify=True, download=True, progress=progress)
    readable = locations.read_dirs(data_home)
    writable = locations.writable_dirs(data_home)
    splits = cache.load_decoded([*writable, *readable], plan.key)
    if splits is None:
        splits = plan.decode()  # every decoder checks that images and labels pair up
        cache.store_decoded(writable, plan.key, splits)
    return splits, plan.source


def describe_source(
    name: str, data_home: str | os.PathLike | None = None, *, verify: bool = False
) -> DataSource:
    """Where ``name`` would load from now, without downloading (hashes checked if ``verify``)."""
    spec = specs.spec_for(name)
    try:
        return _plan(spec, data_home, verify=verify, download=False, progress=False).source
    except DataUnavailableError:
        if verify:
            raise
        mirror = specs.MIRRORS.get(spec.name, [""])
        return DataSource(
            name=spec.name,
            source="download",
            location=(mirror[0] if mirror else "(no mirror configured)"),
            description=spec.description,
            sha256={f.key: f.sha256 for f in spec.files},
            format=spec.official_format,
        )


def _plan(
    spec: specs.DatasetSpec,
    data_home: str | os.PathLike | None,
    *,
    verify: bool,
    download: bool,
    progress: bool | None,
) -> _Plan:
    attempts: list[Attempt] = []
    plan = _from_catalog(spec, data_home, attempts, verify=verify)
    if plan is None:
        plan = _from_official(spec, data_home, attempts, verify, download, progress)
    if plan is None:
        raise DataUnavailableError(_unavailable_message(spec, attempts, download, data_home))
    return plan


# --- 1. the catalog -------------------------------------------------------------------------


def _from_catalog(spec, data_home, attempts, *, verify) -> _Plan | None:
    path = locations.catalog_path(data_home)
    if path is None:
        attempts.append(
            Attempt("catalog", f"none configured (set {locations.CATALOG_ENV} or data_home)")
        )
        return None
    entries = {}
    for table, entry in catalog.read_catalog(path).items():
        try:
            entries[specs.spec_for(table).name] = entry
        except ValueError:
            continue  # a catalog may describe datasets this library does not know
    entry = entries.get(spec.name)
    if entry is None:
        attempts.append(Attempt(f"catalog {path}", f"no [{spec.name}] table"))
        return None
    for ref in entry.files:
        if not ref.path.is_file():
            attempts.append(
                Attempt(f"catalog {path} [{spec.name}] {ref.key}", f"{ref.path} missing")
            )
            return None
    if verify:
        for ref in entry.files:
            # A mismatch here raises: the user pointed at this copy, so a silent fallback to
            # another source would hide a corrupted collection.
            check_sha256(ref.path, ref.sha256, f"{spec.name} {ref.key} (catalog {path})")
    files = {ref.key: ref.path for ref in entry.files}
    source = DataSource(
        name=spec.name,
        source="catalog",
        location=str(files["archive"] if "archive" in files else files["train_images"].parent),
        description=entry.description or spec.description,
        sha256={ref.key: ref.sha256 for ref in entry.files},
        format=entry.format,
    )
    classes = entry.classes or spec.classes
    if len(classes) != len(spec.classes):
        raise ValueError(
            f"[{entry.name}] in {path}: {spec.title} has {len(spec.classes)} classes, "
            f"the catalog lists {len(classes)}"
        )
    return _Plan(
        source=source,
        key=cache.cache_key(spec.name, entry.format, [ref.sha256 for ref in entry.files]),
        decode=lambda: _decode(spec, entry.format, files, tuple(classes)),
    )


def _decode(spec, fmt: str, files: dict[str, Path], classes: tuple[str, ...]):
    if fmt == "idx-gz":
        if spec.image_shape[0] != 1:
            raise ValueError(f"format 'idx-gz' holds grey images; {spec.title} needs colour")
        return _read_idx_files(spec, files)
    if fmt == "image-folder-zip":
        return formats.decode_image_folder_zip(
            files["archive"], classes=classes, image_shape=spec.image_shape
        )
    if fmt == "npz":
        return formats.read_npz(
            files["archive"], image_shape=spec.image_shape, num_classes=len(spec.classes)
        )
    return formats.read_cifar_binary_tar(files["archive"])


def _read_idx_files(spec, files: dict[str, Path]):
    result = []
    for split in ("train", "test"):
        images = formats.read_idx(files[f"{split}_images"], kind="images")
        labels = formats.read_idx(files[f"{split}_labels"], kind="labels")
        if images.shape[1:] != spec.image_shape[1:]:
            raise ValueError(
                f"{files[f'{split}_images']}: {spec.title} images are "
                f"{spec.image_shape[1]}x{spec.image_shape[2]}, got {images.shape[1:]}"
            )
        if len(images) != len(labels):
            raise ValueError(f"{spec.title} {split}: {len(images)} images but {len(labels)} labels")
        result.append((images.reshape(len(images), *spec.image_shape), labels))
    return result[0], result[1]


# --- 2-4. the official files: cache, system folders, mirrors --------------------------------


def _from_official(spec, data_home, attempts, verify, download, progress) -> _Plan | None:
    readable = locations.read_dirs(data_home)
    writable = locations.writable_dirs(data_home) if download else []
    found: dict[str, Path] = {}
    kinds: set[str] = set()
    for official in spec.files:
        path, kind = _find_local(spec, official, readable, attempts, verify)
        if path is None and download:
            path, kind = _download(spec, official, writable, attempts, progress)
        if path is None:
            return None
        found[official.key] = path
        kinds.add(kind)
    kind = next(k for k in ("download", "system", "cache") if k in kinds)
    if kind == "download":
        location = specs.MIRRORS[spec.name][0]
    else:
        location = str(next(iter(found.values())).parent)
    source = DataSource(
        name=spec.name,
        source=kind,
        location=location,
        description=spec.description,
        sha256={f.key: f.sha256 for f in spec.files},
        format=spec.official_format,
    )
    # Keyed by what the files contain, so the same arrays serve every faithful copy.
    pins = [f.content_sha256 or f.sha256 for f in spec.files]
    return _Plan(
        source=source,
        key=cache.cache_key(spec.name, spec.official_format, pins),
        decode=lambda: _decode(spec, spec.official_format, found, spec.classes),
    )


def _find_local(spec, official, readable, attempts, verify) -> tuple[Path | None, str]:
    writable = None
    for folder in readable:
        path = folder / spec.name / official.filename
        if not path.is_file():
            attempts.append(Attempt(f"cache {path}", "not present"))
            continue
        if not verify:
            return path, "cache"
        actual = sha256_file(path)
        if actual == official.sha256:
            return path, "cache"
        outcome = mismatch_message(official.filename, path, official.sha256, actual)
        if writable is None:
            writable = locations.writable_dirs_for_cleanup(readable)
        if folder in writable:
            # A bad file in our own cache is removed so that the next source can replace it.
            path.unlink(missing_ok=True)
            outcome += " Removed."
        attempts.append(Attempt(f"cache {path}", outcome))
    for folder in specs.SYSTEM_DIRS.get(spec.name, []):
        candidates = [folder / official.filename, folder / official.filename.removesuffix(".gz")]
        present = [c for c in candidates if c.is_file()]
        if not present:
            attempts.append(Attempt(f"system copy {candidates[0]}", "not present"))
        for candidate in present:
            if not verify:
                return candidate, "system"
            actual = sha256_content(candidate)
            if actual == official.content_sha256:
                return candidate, "system"
            attempts.append(
                Attempt(
                    f"system copy {candidate}",
                    f"content SHA-256 {actual} is not the official {official.content_sha256}",
                )
            )
    return None, ""


def _download(spec, official, writable, attempts, progress) -> tuple[Path | None, str]:
    if not writable:
        attempts.append(
            Attempt("download", "skipped: no writable cache folder (set NNSCRATCH_DATA)")
        )
        return None, ""
    urls = [base + official.filename for base in specs.MIRRORS.get(spec.name, [])]
    path, tried = fetch(
        urls,
        filename=official.filename,
        sha256=official.sha256,
        folder=writable[0] / spec.name,
        progress=progress,
    )
    attempts.extend(tried)
    return path, "download"


def _unavailable_message(spec, attempts: list[Attempt], download: bool, data_home) -> str:
    lines = [f"could not load {spec.title} ({spec.name!r}) from any source. Tried:"]
    lines += [f"  - {attempt}" for attempt in attempts]
    if not download:
        lines.append("  - download: not attempted")
    lines += [
        "To use a local copy, either:",
        f"  - point {locations.CATALOG_ENV} at a catalog.toml that lists {spec.name} "
        "(see the data-sources page of the docs), or",
        f"  - put the official files ({', '.join(f.filename for f in spec.files)}) into "
        f"{locations.cache_dir(data_home) / spec.name} "
        f"(set {locations.DATA_ENV} to choose the folder).",
    ]
    return "\n".join(lines)


__all__ = ["DataIntegrityError", "DataSource", "describe_source", "load_uint8"]
