"""The two ways loading data can fail, as exception classes a caller can catch."""

from __future__ import annotations


class DataIntegrityError(ValueError):
    """A file's bytes do not match its pinned SHA-256: the file is refused, never used."""


class DataUnavailableError(RuntimeError):
    """No source could provide a dataset; the message lists every place that was tried."""
