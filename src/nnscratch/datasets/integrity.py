"""SHA-256 of files and bytes, and the check that refuses a file whose hash is not the pin."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

from .errors import DataIntegrityError

_CHUNK = 1 << 20
GZIP_MAGIC = b"\x1f\x8b"


def sha256_file(path: Path) -> str:
    """Return the hex SHA-256 of the file at ``path``, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def sha256_content(path: Path) -> str:
    """Return the hex SHA-256 of the file's content, decompressed first if it is gzipped."""
    if not is_gzip(path):
        return sha256_file(path)
    digest = hashlib.sha256()
    with gzip.open(path, "rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def is_gzip(path: Path) -> bool:
    """Tell whether the file starts with the gzip magic bytes."""
    with open(path, "rb") as stream:
        return stream.read(2) == GZIP_MAGIC


def check_sha256(path: Path, expected: str, what: str) -> None:
    """Raise :class:`DataIntegrityError` unless the file at ``path`` hashes to ``expected``."""
    actual = sha256_file(path)
    if actual != expected.lower():
        raise DataIntegrityError(mismatch_message(what, path, expected, actual))


def mismatch_message(what: str, location: object, expected: str, actual: str) -> str:
    """The one wording of a hash mismatch, naming the file and both hashes."""
    return (
        f"SHA-256 mismatch for {what} at {location}: expected {expected.lower()}, got {actual}. "
        "The file is refused: it is corrupt, truncated or not the pinned version."
    )
