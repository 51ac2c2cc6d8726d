"""Fetch an official file through its mirrors with pooch, checking the pinned SHA-256.

pooch writes into a temporary file beside the target, checks the hash and only then renames
it, so a failed or tampered download never lands in the cache. Each mirror is tried in turn;
what went wrong at each one is kept for the final error message.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import DataIntegrityError
from .integrity import mismatch_message

TIMEOUT_SECONDS = 60
_CHUNK = 1 << 16

POOCH_MISSING = (
    "download skipped: pooch is not installed. Install it with "
    "pip install 'nnscratch[datasets]' (or pip install pooch), or supply a local copy "
    "through a catalog (NNSCRATCH_CATALOG) or the cache folder (NNSCRATCH_DATA)"
)


@dataclass(frozen=True)
class Attempt:
    """One place that was tried and what happened there."""

    place: str
    outcome: str

    def __str__(self) -> str:
        return f"{self.place}: {self.outcome}"


def fetch(
    urls: list[str], *, filename: str, sha256: str, folder: Path, progress: bool | None
) -> tuple[Path | None, list[Attempt]]:
    """Download ``filename`` into ``folder`` from the first URL that delivers the pinned bytes.

    Returns the path (or None when every URL failed) and one :class:`Attempt` per URL tried.
    """
    try:
        import pooch
    except ImportError:
        return None, [Attempt("download", POOCH_MISSING)]
    attempts = []
    for url in urls:
        downloader = _Downloader(sha256=sha256, progress=_want_progress(progress), label=filename)
        try:
            path = pooch.retrieve(
                url,
                known_hash=f"sha256:{sha256}",
                fname=filename,
                path=folder,
                downloader=downloader,
            )
        except DataIntegrityError as error:
            attempts.append(Attempt(url, str(error)))
        except (OSError, ValueError) as error:  # requests' errors are OSErrors
            attempts.append(Attempt(url, _describe_failure(error)))
        else:
            return Path(path), attempts
    return None, attempts


def _want_progress(progress: bool | None) -> bool:
    if progress is None:
        progress = sys.stderr.isatty()
    if not progress:
        return False
    try:
        import tqdm  # noqa: F401
    except ImportError:
        return False
    return True


def _describe_failure(error: Exception) -> str:
    response = getattr(error, "response", None)
    status = getattr(response, "status_code", None)
    if status is not None:
        return f"HTTP {status} {getattr(response, 'reason', '') or ''}".rstrip()
    return f"network error: {type(error).__name__}: {error}"


class _Downloader:
    """A pooch downloader that streams with requests, shows tqdm progress, and checks the pin.

    pooch's own HTTPDownloader leaves the response open when a transfer fails; this one
    closes the connection and the progress bar on every path.
    """

    def __init__(self, *, sha256: str, progress: bool, label: str):
        self.sha256 = sha256.lower()
        self.progress = progress
        self.label = label

    def __call__(self, url: str, output_file, pooch_object, check_only: bool = False) -> None:
        import requests

        with requests.get(url, stream=True, timeout=TIMEOUT_SECONDS) as response:
            response.raise_for_status()
            expected = int(response.headers.get("content-length") or 0)
            digest = hashlib.sha256()
            received = 0
            bar = self._bar(expected)
            try:
                with open(output_file, "wb") as out:
                    for chunk in response.iter_content(chunk_size=_CHUNK):
                        out.write(chunk)
                        digest.update(chunk)
                        received += len(chunk)
                        if bar is not None:
                            bar.update(len(chunk))
            finally:
                if bar is not None:
                    bar.close()
        if expected and received != expected:
            raise OSError(f"connection closed after {received} of {expected} bytes")
        actual = digest.hexdigest()
        if actual != self.sha256:
            raise DataIntegrityError(mismatch_message(self.label, url, self.sha256, actual))

    def _bar(self, total: int):
        if not self.progress:
            return None
        from tqdm.auto import tqdm

        return tqdm(total=total or None, unit="B", unit_scale=True, desc=self.label, leave=False)
