"""Image transforms: moving the content of a batch of images (exercise 15.8)."""

from __future__ import annotations

import numpy as np

from nnscratch._checks import check_count, check_integer

__all__ = ["shift"]


def shift(
    images,
    dy: int,
    dx: int,
    image_shape: tuple[int, int] | None = None,
    *,
    channels_last: bool = False,
) -> np.ndarray:
    """Move every image's content ``dy`` pixels down and ``dx`` pixels right.

    Negative shifts move up and left. The pixels the content leaves are 0, the content
    pushed past an edge is lost (nothing wraps round), and a shift of at least the image's
    height or width leaves all zeros.

    Parameters
    ----------
    images : array_like
        A batch of images, any numeric dtype:

        - ``(N, H, W)``: grey images;
        - ``(N, C, H, W)``: ``C`` channels (``(N, H, W, C)`` with ``channels_last=True``);
        - ``(N, D)``: flattened rows, such as a network's input; then ``image_shape``
          must give ``(H, W)``, and ``D`` may be ``H * W`` or ``C * H * W`` (laid out as
          ``(C, H, W)``, or ``(H, W, C)`` with ``channels_last=True``).
    dy, dx : int
        Rows down and columns right.
    image_shape : tuple of int, optional
        ``(H, W)``, needed for flattened images; when given with unflattened images, it
        must match them.
    channels_last : bool, default False
        Whether the channels come after the pixels (``(N, H, W, C)``, the layout of
        CIFAR-10 as loaded by :mod:`nnscratch.datasets`) rather than before them.

    Returns
    -------
    numpy.ndarray
        A new array of the same shape and dtype. ``images`` is not modified.

    Raises
    ------
    TypeError
        If ``dy`` or ``dx`` is not an integer or ``images`` is not numeric.
    ValueError
        If the images are flattened and ``image_shape`` is missing, or ``image_shape``
        does not match them.

    Examples
    --------
    Exercise 15.8 shifts up and right: ``dy=-1, dx=1``.

    >>> import numpy as np
    >>> from nnscratch.transforms import shift
    >>> image = np.arange(1, 10).reshape(1, 3, 3)
    >>> shift(image, -1, 1)[0]
    array([[0, 4, 5],
           [0, 7, 8],
           [0, 0, 0]])

    Flattened rows need the image shape:

    >>> rows = image.reshape(1, 9)
    >>> shift(rows, 1, 0, image_shape=(3, 3))
    array([[0, 0, 0, 1, 2, 3, 4, 5, 6]])
    """
    dy = check_integer(dy, "dy")
    dx = check_integer(dx, "dx")
    if not isinstance(channels_last, bool):
        raise TypeError(f"channels_last must be True or False, got {type(channels_last).__name__}")
    array = np.asarray(images)
    if not (np.issubdtype(array.dtype, np.number) or array.dtype == np.bool_):
        raise TypeError(f"images must be numeric, got an array of dtype {array.dtype}")
    batch = _as_batch(array, image_shape, channels_last)

    out = np.zeros_like(batch)
    if channels_last:
        height, width = batch.shape[1:3]
    else:
        height, width = batch.shape[2:4]
    rows = _spans(dy, height)
    cols = _spans(dx, width)
    if rows is not None and cols is not None:
        (row_from, row_to), (col_from, col_to) = rows, cols
        if channels_last:
            out[:, row_to, col_to, :] = batch[:, row_from, col_from, :]
        else:
            out[:, :, row_to, col_to] = batch[:, :, row_from, col_from]
    return out.reshape(array.shape)


def _spans(k: int, size: int) -> tuple[slice, slice] | None:
    """Source and target slices of a shift by ``k`` along an axis, or None if nothing stays."""
    if abs(k) >= size:
        return None
    if k >= 0:
        return slice(0, size - k), slice(k, size)
    return slice(-k, size), slice(0, size + k)


def _as_batch(array: np.ndarray, image_shape, channels_last: bool) -> np.ndarray:
    """A view of ``array`` as ``(N, C, H, W)``, or ``(N, H, W, C)`` when channels come last."""
    if image_shape is not None:
        image_shape = _check_image_shape(image_shape)
    if array.ndim == 2:
        if image_shape is None:
            raise ValueError(
                f"images of shape {array.shape} are flattened rows: pass image_shape=(H, W), "
                "e.g. image_shape=(28, 28) for MNIST"
            )
        height, width = image_shape
        values = array.shape[1]
        if values == 0 or values % (height * width):
            raise ValueError(
                f"image_shape {image_shape} does not fit images of shape {array.shape}: rows "
                f"of {values} values are not a whole number of {height}x{width} channels"
            )
        channels = values // (height * width)
        if channels_last:
            return array.reshape(len(array), height, width, channels)
        return array.reshape(len(array), channels, height, width)
    if array.ndim == 3:
        batch = array[:, np.newaxis] if not channels_last else array[..., np.newaxis]
    elif array.ndim == 4:
        batch = array
    else:
        raise ValueError(
            "images must be (N, H, W), (N, C, H, W) or flattened (N, D) with image_shape, "
            f"got shape {array.shape} ({array.ndim}-D)"
        )
    spatial = batch.shape[1:3] if channels_last else batch.shape[2:4]
    if image_shape is not None and spatial != image_shape:
        raise ValueError(
            f"image_shape {image_shape} does not match images of shape {array.shape}, whose "
            f"images are {spatial[0]}x{spatial[1]}"
        )
    return batch


def _check_image_shape(image_shape) -> tuple[int, int]:
    if not isinstance(image_shape, (tuple, list)) or len(image_shape) != 2:
        raise ValueError(f"image_shape must be a pair (H, W), got {image_shape!r}")
    return (
        check_count(image_shape[0], "image_shape[0] (height)"),
        check_count(image_shape[1], "image_shape[1] (width)"),
    )
