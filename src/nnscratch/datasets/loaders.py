"""The public loaders: ``load_mnist``, ``load_fashion_mnist`` and ``load_cifar10``.

They keep the signature of the book's ``load_mnist`` and return
``(x_train, t_train), (x_test, t_test)``.
"""

from __future__ import annotations

import os

import numpy as np

from . import sources, specs


def load_mnist(
    normalize: bool = True,
    flatten: bool = True,
    one_hot_label: bool = False,
    dtype=np.float32,
    data_home: str | os.PathLike | None = None,
):
    """Load MNIST: 60,000 training and 10,000 test images of handwritten digits.

    Every source file is checked against its pinned SHA-256 before use. The data comes from
    the catalog, the cache, or a download, in that order: :func:`describe` says which.

    Parameters
    ----------
    normalize : bool
        Scale pixels to ``[0, 1]`` as ``dtype``; if False, keep ``uint8`` values 0..255.
    flatten : bool
        Give each image as a row of 784 values; if False, as an array of shape (1, 28, 28).
    one_hot_label : bool
        Give labels as one-hot rows of shape (N, 10) and type ``dtype``; if False, as a 1-D
        ``uint8`` array of class indices (as in the book; cast with ``.astype(int)`` before
        arithmetic on labels).
    dtype : numpy floating dtype
        Type of normalized images and of one-hot labels (default ``numpy.float32``).
    data_home : path, optional
        Folder for fetched files and decoded arrays (default: ``NNSCRATCH_DATA`` or the user
        cache dir). A ``catalog.toml`` in it is used as the catalog.

    Returns
    -------
    (x_train, t_train), (x_test, t_test) : tuple of tuples of numpy.ndarray
        Images of shape (N, 784) or (N, 1, 28, 28) and their labels.

    Raises
    ------
    DataIntegrityError
        A catalog file's bytes do not match its pinned SHA-256.
    DataUnavailableError
        No source could provide the data; the message lists every place tried.

    Examples
    --------
    >>> from nnscratch.datasets import MNIST_CLASSES, load_mnist
    >>> MNIST_CLASSES[7]
    '7'
    >>> (x_train, t_train), (x_test, t_test) = load_mnist()  # doctest: +SKIP
    >>> x_train.shape, x_train.dtype, t_train.dtype  # doctest: +SKIP
    ((60000, 784), dtype('float32'), dtype('uint8'))
    """
    return _load("mnist", normalize, flatten, one_hot_label, dtype, data_home)


def load_fashion_mnist(
    normalize: bool = True,
    flatten: bool = True,
    one_hot_label: bool = False,
    dtype=np.float32,
    data_home: str | os.PathLike | None = None,
):
    """Load Fashion-MNIST: 60,000 training and 10,000 test images of clothes, 28x28 grey.

    Same parameters and return values as :func:`load_mnist`; class names are in
    :data:`FASHION_MNIST_CLASSES`. Besides the catalog, the cache and the download, a copy
    installed by Debian's ``dataset-fashion-mnist`` package in
    ``/usr/share/datasets/fashion-mnist`` is used when its decompressed content matches the
    official content hashes.

    Examples
    --------
    >>> from nnscratch.datasets import FASHION_MNIST_CLASSES, load_fashion_mnist
    >>> FASHION_MNIST_CLASSES[0], FASHION_MNIST_CLASSES[9]
    ('T-shirt/top', 'Ankle boot')
    >>> (x_train, t_train), _ = load_fashion_mnist(flatten=False)  # doctest: +SKIP
    >>> x_train.shape  # doctest: +SKIP
    (60000, 1, 28, 28)
    """
    return _load("fashion_mnist", normalize, flatten, one_hot_label, dtype, data_home)


def load_cifar10(
    normalize: bool = True,
    flatten: bool = True,
    one_hot_label: bool = False,
    dtype=np.float32,
    data_home: str | os.PathLike | None = None,
):
    """Load CIFAR-10: 50,000 training and 10,000 test colour images, 32x32, in 10 classes.

    Same parameters and return values as :func:`load_mnist`, except that ``flatten=False``
    gives images of shape (N, 32, 32, 3) (height, width, RGB channel) and ``flatten=True``
    rows of 3072 values in that order. Class names are in :data:`CIFAR10_CLASSES`.

    The download is the official binary release, parsed from its fixed-size records. A
    catalog may name another copy (the course machines use a JPEG re-encoding, whose pixels
    differ slightly from the official ones): :func:`describe` tells which copy was used.

    Examples
    --------
    >>> from nnscratch.datasets import CIFAR10_CLASSES, load_cifar10
    >>> CIFAR10_CLASSES.index("cat")
    3
    >>> (x_train, t_train), _ = load_cifar10(flatten=False, normalize=False)  # doctest: +SKIP
    >>> x_train.shape, x_train.dtype  # doctest: +SKIP
    ((50000, 32, 32, 3), dtype('uint8'))
    """
    return _load("cifar10", normalize, flatten, one_hot_label, dtype, data_home)


def _load(name, normalize, flatten, one_hot_label, dtype, data_home):
    for value, arg in (
        (normalize, "normalize"),
        (flatten, "flatten"),
        (one_hot_label, "one_hot_label"),
    ):
        if not isinstance(value, (bool, np.bool_)):
            raise TypeError(f"{arg} must be True or False, got {type(value).__name__} {value!r}")
    dtype = _float_dtype(dtype)
    spec = specs.spec_for(name)
    splits, _ = sources.load_uint8(spec.name, data_home)
    result = []
    for images, labels in splits:
        x = images.reshape(len(images), -1) if flatten else images
        if normalize:
            x = x.astype(dtype)
            x *= dtype.type(1 / 255)
        t = np.eye(len(spec.classes), dtype=dtype)[labels] if one_hot_label else labels
        result.append((x, t))
    return result[0], result[1]


def _float_dtype(dtype) -> np.dtype:
    resolved = None
    if dtype is not None:  # np.dtype(None) would silently mean float64
        try:
            resolved = np.dtype(dtype)
        except TypeError:
            resolved = None
    if resolved is None or not np.issubdtype(resolved, np.floating):
        raise TypeError(
            f"dtype must be a floating-point dtype such as numpy.float32, got {dtype!r}"
        )
    return resolved
