"""MNIST, Fashion-MNIST and CIFAR-10, verified byte by byte and loadable offline.

Every source file is checked against a pinned SHA-256 before use, nothing is ever unpickled,
and decoded arrays are cached so that a second load takes a fraction of a second. Sources are
tried in order: a catalog of local copies (``NNSCRATCH_CATALOG``), the cache
(``NNSCRATCH_DATA``), a system copy (Fashion-MNIST from Debian), and downloads through mirrors.

Examples
--------
>>> from nnscratch.datasets import CIFAR10_CLASSES, FASHION_MNIST_CLASSES
>>> len(CIFAR10_CLASSES), FASHION_MNIST_CLASSES[0]
(10, 'T-shirt/top')
"""

from __future__ import annotations

import os

from .errors import DataIntegrityError, DataUnavailableError
from .loaders import load_cifar10, load_fashion_mnist, load_mnist
from .sources import DataSource, describe_source
from .specs import CIFAR10_CLASSES, FASHION_MNIST_CLASSES, MNIST_CLASSES, SPECS

DATASETS = tuple(SPECS)


def describe(name: str, data_home: str | os.PathLike | None = None) -> DataSource:
    """Tell where dataset ``name`` comes from: the catalog, the cache or a download.

    Nothing is downloaded or hashed; the answer is the source a load would use now.

    Parameters
    ----------
    name : str
        ``"mnist"``, ``"fashion_mnist"`` or ``"cifar10"`` (hyphens and case are forgiven).
    data_home : path, optional
        As for :func:`load_mnist`.

    Returns
    -------
    DataSource
        With ``name``, ``source`` (``"catalog"``, ``"cache"``, ``"system"`` or
        ``"download"``), ``location``, ``description``, ``sha256`` and ``format``; ``str()``
        of it is a short readable report.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from nnscratch.datasets import describe
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = (Path(folder) / "catalog.toml").write_text(
    ...         '[cifar10]\\nformat = "image-folder-zip"\\n'
    ...         'description = "CIFAR-10 as JPEG files"\\n'
    ...         'archive = { path = "cifar.zip", sha256 = "' + "0" * 64 + '" }\\n'
    ...     )
    ...     _ = (Path(folder) / "cifar.zip").write_bytes(b"")
    ...     source = describe("cifar10", data_home=folder)
    >>> source.source, source.format, Path(source.location).name
    ('catalog', 'image-folder-zip', 'cifar.zip')
    >>> print(f"built from the {source.description} at {Path(source.location).name}")
    built from the CIFAR-10 as JPEG files at cifar.zip
    """
    return describe_source(name, data_home)


__all__ = [
    "CIFAR10_CLASSES",
    "DATASETS",
    "FASHION_MNIST_CLASSES",
    "MNIST_CLASSES",
    "DataIntegrityError",
    "DataSource",
    "DataUnavailableError",
    "describe",
    "load_cifar10",
    "load_fashion_mnist",
    "load_mnist",
]
