"""Figures for the course: image grids, training curves, confusion matrices, descent paths,
computational graphs.

Every function creates its figure with :func:`matplotlib.pyplot.subplots` (so
sphinx-gallery captures it) and returns the :class:`~matplotlib.figure.Figure`; none calls
``plt.show()``. matplotlib is imported only when a function runs, so the rest of the
library works without it; install it with ``pip install "nnscratch[plot]"``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from nnscratch._checks import (
    as_float_array,
    as_labels,
    check_callable,
    check_count,
    check_ndim,
)

__all__ = [
    "computational_graph",
    "confusion_matrix_heatmap",
    "contour_descent",
    "image_grid",
    "training_curves",
]

# annotating more cells than this makes a heat map unreadable
_MAX_ANNOTATED_CLASSES = 30


def _pyplot():
    try:
        import matplotlib.pyplot as plt
    except ImportError as error:
        raise ImportError(
            'nnscratch.plotting needs matplotlib: install it with pip install "nnscratch[plot]"'
        ) from error
    return plt


# --- image_grid ---------------------------------------------------------------------------


def image_grid(
    images,
    labels=None,
    class_names: Sequence[str] | None = None,
    nrows: int = 5,
    ncols: int = 5,
    image_shape: tuple[int, ...] | None = None,
    cmap: str = "gray",
    predictions=None,
):
    """Show the first ``nrows * ncols`` images of a batch in a grid, titled by class.

    Parameters
    ----------
    images : array_like
        ``(N, H, W)`` or ``(N, 1, H, W)`` grey images; ``(N, H, W, 3)`` or
        ``(N, 3, H, W)`` colour images, as uint8 in ``[0, 255]`` or floats in ``[0, 1]``;
        or flattened rows ``(N, D)`` with ``image_shape``.
    labels : array_like, optional
        The true class of every image, labels ``(N,)`` or one-hot rows; shown as titles.
    class_names : sequence of str, optional
        Names shown instead of class indices.
    nrows, ncols : int, default 5
        The grid. Only the axes holding an image are kept.
    image_shape : tuple of int, optional
        The shape of one image, such as ``(28, 28)`` or ``(32, 32, 3)``: needed for
        flattened rows.
    cmap : str, default "gray"
        Colour map of grey images. Grey images share one scale, from the smallest to the
        largest pixel shown.
    predictions : array_like, optional
        Predicted labels ``(N,)`` or scores ``(N, C)``. The titles then show the
        prediction; with ``labels`` a wrong one is shown in red with the true class below.

    Returns
    -------
    matplotlib.figure.Figure
        One axes per image shown.

    Raises
    ------
    ImportError
        If matplotlib is not installed.
    ValueError
        If the images' shape cannot be read as a batch of images, colour floats lie
        outside ``[0, 1]``, or labels do not fit the images or the class names.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")  # draw without a window
    >>> import matplotlib.pyplot as plt
    >>> import numpy as np
    >>> from nnscratch.plotting import image_grid
    >>> images = np.random.default_rng(0).random((6, 8, 8))
    >>> fig = image_grid(
    ...     images, labels=[0, 1, 1, 0, 1, 0], class_names=["no", "yes"], nrows=2, ncols=4
    ... )
    >>> len(fig.axes), fig.axes[1].get_title()
    (6, 'yes')
    >>> plt.close(fig)
    """
    plt = _pyplot()
    nrows = check_count(nrows, "nrows")
    ncols = check_count(ncols, "ncols")
    pictures = _as_pictures(np.asarray(images), image_shape)
    count = len(pictures)
    shown = min(count, nrows * ncols)
    if shown == 0:
        raise ValueError(f"images must hold at least one image, got shape {pictures.shape}")
    names = None if class_names is None else _class_names(class_names, None)
    num_classes = len(names) if names is not None else None
    true = _grid_labels(labels, "labels", num_classes, count)
    predicted = _grid_labels(predictions, "predictions", num_classes, count)

    colour = pictures.ndim == 4
    shown_pictures = pictures[:shown]
    if colour:
        _check_colour_range(shown_pictures)
        scale = {}
    else:
        scale = {"cmap": cmap, "vmin": shown_pictures.min(), "vmax": shown_pictures.max()}

    fig, axes = plt.subplots(
        nrows, ncols, figsize=(1.6 * ncols, 1.9 * nrows), squeeze=False, layout="constrained"
    )
    for index, ax in enumerate(axes.flat):
        if index >= shown:
            fig.delaxes(ax)
            continue
        ax.imshow(shown_pictures[index], **scale)
        ax.set_axis_off()
        title, wrong = _grid_title(index, true, predicted, names)
        if title:
            ax.set_title(title, fontsize=9, color="red" if wrong else "black")
    return fig


def _as_pictures(array: np.ndarray, image_shape) -> np.ndarray:
    """``(N, H, W)`` grey or ``(N, H, W, 3 or 4)`` colour images, ready for ``imshow``."""
    if array.dtype == np.bool_:
        array = array.astype(np.uint8)
    if not np.issubdtype(array.dtype, np.number) or np.issubdtype(array.dtype, np.complexfloating):
        raise TypeError(f"images must be real numbers, got an array of dtype {array.dtype}")
    if image_shape is not None:
        if (
            not isinstance(image_shape, (tuple, list))
            or len(image_shape) not in (2, 3)
            or not all(isinstance(n, (int, np.integer)) and n > 0 for n in image_shape)
        ):
            raise ValueError(
                f"image_shape must be (H, W) or (H, W, C) positive integers, got {image_shape!r}"
            )
        if array.ndim < 2 or int(np.prod(array.shape[1:])) != int(np.prod(image_shape)):
            raise ValueError(
                f"image_shape {tuple(image_shape)} does not fit images of shape {array.shape}: "
                f"each image needs {int(np.prod(image_shape))} values"
            )
        array = array.reshape(len(array), *image_shape)
    elif array.ndim == 2:
        raise ValueError(
            f"images of shape {array.shape} are flattened rows: pass image_shape, e.g. "
            "(28, 28); for a single image pass images[np.newaxis]"
        )
    if array.ndim == 3:
        return array
    if array.ndim == 4:
        if array.shape[3] in (3, 4):
            return array
        if array.shape[1] == 3:
            return array.transpose(0, 2, 3, 1)
        if array.shape[1] == 1:
            return array[:, 0]
        if array.shape[3] == 1:
            return array[..., 0]
    raise ValueError(
        "images must be (N, H, W), (N, 1, H, W), (N, H, W, 3) or (N, 3, H, W), or flattened "
        f"(N, D) with image_shape, got shape {array.shape}"
    )


def _check_colour_range(pictures: np.ndarray) -> None:
    # imshow clips colour values outside its range, with a warning; say what to do instead
    low, high = pictures.min(), pictures.max()
    if np.issubdtype(pictures.dtype, np.floating):
        if not (np.isfinite(low) and np.isfinite(high) and low >= 0 and high <= 1):
            raise ValueError(
                f"colour images as floats must lie in [0, 1], got values in [{low}, {high}]; "
                "scale uint8 pixels with images / 255"
            )
    elif low < 0 or high > 255:
        raise ValueError(
            f"colour images as integers must lie in [0, 255], got values in [{low}, {high}]"
        )


def _class_names(class_names, num_classes: int | None) -> list[str]:
    if isinstance(class_names, str) or not isinstance(class_names, Sequence):
        raise TypeError(
            f"class_names must be a sequence of names, got {type(class_names).__name__}"
        )
    if num_classes is not None and len(class_names) != num_classes:
        raise ValueError(
            f"class_names must hold one name per class ({num_classes}), "
            f"got {len(class_names)} names"
        )
    return [str(name) for name in class_names]


def _grid_labels(values, name: str, num_classes: int | None, count: int):
    if values is None:
        return None
    values = np.asarray(values)
    if num_classes is None:
        if values.ndim == 2:
            num_classes = values.shape[1]
        elif values.size and np.issubdtype(values.dtype, np.number):
            num_classes = max(int(np.max(values)), 0) + 1
        else:
            num_classes = 1
    return as_labels(values, name, num_classes, length=count)


def _grid_title(index, true, predicted, names) -> tuple[str, bool]:
    def name(label) -> str:
        return names[label] if names is not None else str(label)

    if predicted is None:
        return ("" if true is None else name(true[index])), False
    guess = name(predicted[index])
    if true is None or predicted[index] == true[index]:
        return guess, False
    return f"{guess}\n(true: {name(true[index])})", True


# --- training_curves -------------------------------------------------------------------

_HISTORY_FIELDS = ("loss", "eval_iterations", "train_accuracy", "test_accuracy", "epoch_size")


def training_curves(histories, metric: str = "accuracy", *, window: int | None = None):
    """Plot one or more training runs: accuracy per epoch, or loss per iteration.

    Parameters
    ----------
    histories : History or dict of str to History
        What :func:`nnscratch.training.train` returned, or several runs by label. Any
        object with the fields ``loss``, ``eval_iterations``, ``train_accuracy``,
        ``test_accuracy`` (or None) and ``epoch_size`` works.
    metric : {"accuracy", "loss"}
        ``"accuracy"``: training accuracy solid and test accuracy dashed, one colour per
        run, over epochs (``eval_iterations / epoch_size``). ``"loss"``: the loss of every
        iteration, light, with its moving average on top.
    window : int, optional
        Iterations in the loss's moving average; by default one epoch, at most a tenth
        of the run.

    Returns
    -------
    matplotlib.figure.Figure
        One axes.

    Raises
    ------
    ImportError
        If matplotlib is not installed.
    TypeError
        If a history lacks one of the fields.
    ValueError
        If ``metric`` is unknown, ``histories`` is an empty dict, or a history's arrays
        have inconsistent lengths.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import numpy as np
    >>> from types import SimpleNamespace
    >>> from nnscratch.plotting import training_curves
    >>> run = SimpleNamespace(
    ...     loss=np.linspace(2.3, 0.3, 300),
    ...     eval_iterations=np.arange(0, 301, 100),
    ...     train_accuracy=np.array([0.1, 0.8, 0.9, 0.95]),
    ...     test_accuracy=np.array([0.1, 0.78, 0.86, 0.9]),
    ...     epoch_size=100,
    ... )
    >>> fig = training_curves({"hidden 50": run})
    >>> [line.get_label() for line in fig.axes[0].get_lines()]
    ['hidden 50: train', 'hidden 50: test']
    >>> plt.close(fig)
    """
    plt = _pyplot()
    if metric not in ("accuracy", "loss"):
        raise ValueError(f'metric must be "accuracy" or "loss", got {metric!r}')
    if window is not None:
        window = check_count(window, "window")
    runs = _runs(histories)

    fig, ax = plt.subplots(figsize=(6.4, 4.0), layout="constrained")
    for number, (label, history) in enumerate(runs):
        colour = f"C{number % 10}"
        prefix = f"{label}: " if label is not None else ""
        if metric == "accuracy":
            epochs = history.eval_iterations / history.epoch_size
            ax.plot(epochs, history.train_accuracy, "-", color=colour, label=f"{prefix}train")
            if history.test_accuracy is not None:
                ax.plot(epochs, history.test_accuracy, "--", color=colour, label=f"{prefix}test")
        else:
            loss = history.loss
            iterations = np.arange(1, len(loss) + 1)
            ax.plot(iterations, loss, color=colour, alpha=0.25, linewidth=0.8)
            size = window or max(1, min(history.epoch_size, len(loss) // 10))
            if len(loss) >= size:
                average = np.convolve(loss, np.full(size, 1.0 / size), mode="valid")
                ax.plot(
                    iterations[size - 1 :],
                    average,
                    color=colour,
                    label=f"{prefix}moving average of {size}",
                )
    if metric == "accuracy":
        ax.set_xlabel("epoch")
        ax.set_ylabel("accuracy")
        ax.set_title("accuracy per epoch (train solid, test dashed)")
    else:
        ax.set_xlabel("iteration")
        ax.set_ylabel("loss")
        ax.set_title("loss per iteration")
    ax.grid(alpha=0.3)
    if ax.get_legend_handles_labels()[0]:
        ax.legend()
    return fig


def _runs(histories) -> list[tuple[str | None, object]]:
    if isinstance(histories, Mapping):
        if not histories:
            raise ValueError("histories must hold at least one run, got an empty dict")
        runs = [(str(label), history) for label, history in histories.items()]
        names = [f"histories[{label!r}]" for label in histories]
    else:
        runs = [(None, histories)]
        names = ["histories"]
    checked = []
    for (label, history), name in zip(runs, names, strict=True):
        checked.append((label, _checked_history(history, name)))
    return checked


def _checked_history(history, name: str):
    """A plain namespace of the fields, as float arrays, after checking their lengths."""
    from types import SimpleNamespace

    missing = [field for field in _HISTORY_FIELDS if not hasattr(history, field)]
    if missing:
        raise TypeError(
            f"{name} must be a History from nnscratch.training.train, got "
            f"{type(history).__name__} without {', '.join(missing)}"
        )
    epoch_size = check_count(history.epoch_size, f"{name}.epoch_size")
    loss = as_float_array(history.loss, f"{name}.loss").ravel()
    iterations = as_float_array(history.eval_iterations, f"{name}.eval_iterations").ravel()
    train = as_float_array(history.train_accuracy, f"{name}.train_accuracy").ravel()
    test = history.test_accuracy
    if test is not None:
        test = as_float_array(test, f"{name}.test_accuracy").ravel()
    for field, values in (("train_accuracy", train), ("test_accuracy", test)):
        if values is not None and len(values) != len(iterations):
            raise ValueError(
                f"{name}.{field} must have one entry per evaluation "
                f"(len(eval_iterations) = {len(iterations)}), got {len(values)}"
            )
    return SimpleNamespace(
        loss=loss,
        eval_iterations=iterations,
        train_accuracy=train,
        test_accuracy=test,
        epoch_size=epoch_size,
    )


# --- confusion_matrix_heatmap ----------------------------------------------------------


def confusion_matrix_heatmap(cm, class_names: Sequence[str] | None = None, normalize: bool = False):
    """Draw a confusion matrix as an annotated heat map.

    Parameters
    ----------
    cm : array_like
        A square matrix of counts, rows true classes and columns predictions, as from
        :func:`nnscratch.metrics.confusion_matrix`.
    class_names : sequence of str, optional
        Tick labels; by default the class indices.
    normalize : bool, default False
        Divide every row by its sum, so each cell is the share of the true class predicted
        as the column's class (the diagonal is then each class's recall). Rows with no
        sample stay 0.

    Returns
    -------
    matplotlib.figure.Figure
        Two axes: the heat map, labelled "true" (rows) and "predicted" (columns), and its
        colour bar. Cells are annotated with their value (up to 30 classes), in white on
        dark cells.

    Raises
    ------
    ImportError
        If matplotlib is not installed.
    ValueError
        If ``cm`` is not square, holds negative counts, or ``class_names`` has the wrong
        length.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> from nnscratch.plotting import confusion_matrix_heatmap
    >>> fig = confusion_matrix_heatmap([[5, 1], [2, 7]], class_names=["cat", "dog"])
    >>> ax = fig.axes[0]
    >>> ax.get_ylabel(), ax.get_xlabel(), [text.get_text() for text in ax.texts]
    ('true', 'predicted', ['5', '1', '2', '7'])
    >>> plt.close(fig)
    """
    plt = _pyplot()
    if not isinstance(normalize, bool):
        raise TypeError(f"normalize must be True or False, got {type(normalize).__name__}")
    matrix = np.asarray(cm)
    counts = as_float_array(matrix, "cm")
    if counts.ndim != 2 or counts.shape[0] != counts.shape[1] or counts.size == 0:
        raise ValueError(f"cm must be a non-empty square 2-D matrix, got shape {counts.shape}")
    if not np.all(np.isfinite(counts)) or counts.min() < 0:
        raise ValueError("cm must hold finite counts >= 0")
    num_classes = len(counts)
    names = (
        [str(k) for k in range(num_classes)]
        if class_names is None
        else _class_names(class_names, num_classes)
    )
    if normalize:
        totals = counts.sum(axis=1, keepdims=True)
        values = np.zeros_like(counts, dtype=np.float64)
        np.divide(counts, totals, out=values, where=totals > 0)
        text = [[f"{v:.2f}" for v in row] for row in values]
    else:
        values = counts
        whole = np.issubdtype(matrix.dtype, np.integer) or np.all(values == np.round(values))
        text = [[f"{v:.0f}" if whole else f"{v:.3g}" for v in row] for row in values]

    side = max(4.0, 0.5 * num_classes + 2.5)
    fig, ax = plt.subplots(figsize=(side + 1.0, side), layout="constrained")
    image = ax.imshow(values, cmap="Blues", vmin=0, vmax=1 if normalize else None)
    fig.colorbar(image, ax=ax, shrink=0.8, label="share of the row" if normalize else "count")
    ax.set_xticks(range(num_classes), labels=names, rotation=45, ha="right")
    ax.set_yticks(range(num_classes), labels=names)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    ax.set_title("confusion matrix" + (" (rows normalised)" if normalize else ""))
    if num_classes <= _MAX_ANNOTATED_CLASSES:
        colours = image.cmap(image.norm(values))
        # relative luminance of each cell: light text on dark cells, dark text on light ones
        luminance = colours[..., :3] @ np.array([0.2126, 0.7152, 0.0722])
        fontsize = 9 if num_classes <= 12 else 7
        for i in range(num_classes):
            for j in range(num_classes):
                ax.text(
                    j,
                    i,
                    text[i][j],
                    ha="center",
                    va="center",
                    fontsize=fontsize,
                    color="white" if luminance[i, j] < 0.5 else "black",
                )
    return fig


# --- contour_descent -------------------------------------------------------------------

_GRID_POINTS = (161, 160)  # x and y differ so that a transposed evaluation is caught


def contour_descent(
    f: Callable[[np.ndarray], float],
    history,
    xlim: tuple[float, float],
    ylim: tuple[float, float],
    levels=30,
    ax=None,
):
    """Draw the level curves of a function of two variables and a descent path over them.

    Parameters
    ----------
    f : callable
        ``f(x)`` with ``x`` of shape ``(2,)`` returns a scalar. If it also works on a
        stacked grid ``x`` of shape ``(2, n, m)`` (as ``x[0]**2 + x[1]**2`` does) it is
        called once on the whole grid; otherwise once per grid point.
    history : array_like
        The points visited, shape ``(k, 2)``, as from
        :func:`nnscratch.optim.gradient_descent`; drawn as markers joined by arrows.
    xlim, ylim : pair of float
        The plotted ranges of ``x[0]`` and ``x[1]``.
    levels : int or sequence of float, default 30
        How many level curves, or at which values (passed to ``contour``).
    ax : matplotlib.axes.Axes, optional
        Draw on these axes instead of a new figure.

    Returns
    -------
    matplotlib.figure.Figure
        The figure holding the axes, whose aspect is equal so that right angles look
        right: the steps cross the level curves at right angles.

    Raises
    ------
    ImportError
        If matplotlib is not installed.
    ValueError
        If ``history`` is not of shape ``(k, 2)``, a range is empty or not finite, or
        ``f`` does not return a scalar.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> from nnscratch.optim import gradient_descent
    >>> from nnscratch.plotting import contour_descent
    >>> def f(x):
    ...     return x[0] ** 2 + x[1] ** 2 + x[0] * x[1] - 4 * x[0] - 8 * x[1]
    >>> _, history = gradient_descent(f, [0.0, 0.0], lr=0.1, step_num=30)
    >>> fig = contour_descent(f, history, xlim=(-2, 4), ylim=(-1, 6))
    >>> len(fig.axes), fig.axes[0].get_aspect()
    (1, 1.0)
    >>> plt.close(fig)
    """
    plt = _pyplot()
    check_callable(f, "f")
    path = as_float_array(history, "history")
    check_ndim(path, "history", (2,))
    if path.shape[1] != 2:
        raise ValueError(f"history must have shape (k, 2), got shape {path.shape}")
    xlim = _check_range(xlim, "xlim")
    ylim = _check_range(ylim, "ylim")

    xs = np.linspace(*xlim, _GRID_POINTS[0])
    ys = np.linspace(*ylim, _GRID_POINTS[1])
    grid_x, grid_y = np.meshgrid(xs, ys)
    values = _evaluate_on_grid(f, grid_x, grid_y)

    if ax is None:
        fig, ax = plt.subplots(figsize=(6.0, 5.0), layout="constrained")
    else:
        fig = ax.figure
    contours = ax.contour(grid_x, grid_y, values, levels=levels, cmap="viridis")
    ax.clabel(contours, fontsize=7, inline=True, fmt="%.3g")
    ax.plot(path[:, 0], path[:, 1], "o", color="C3", markersize=3, zorder=3)
    ax.plot(path[0, 0], path[0, 1], "s", color="C3", markersize=6, zorder=3, label="start")
    if len(path) > 1:
        steps = np.diff(path, axis=0)
        ax.quiver(
            path[:-1, 0],
            path[:-1, 1],
            steps[:, 0],
            steps[:, 1],
            angles="xy",
            scale_units="xy",
            scale=1,
            color="C3",
            width=0.004,
            zorder=3,
        )
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    ax.set_aspect("equal")
    ax.set_xlabel("x0")
    ax.set_ylabel("x1")
    return fig


def _check_range(limits, name: str) -> tuple[float, float]:
    try:
        low, high = (float(value) for value in limits)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a pair of numbers (low, high), got {limits!r}") from None
    if not (np.isfinite(low) and np.isfinite(high) and low < high):
        raise ValueError(f"{name} must be finite with low < high, got ({low}, {high})")
    return low, high


def _evaluate_on_grid(f, grid_x: np.ndarray, grid_y: np.ndarray) -> np.ndarray:
    """``f`` at every grid point: in one call when ``f`` takes stacked arrays, else a loop."""
    try:
        values = np.asarray(f(np.stack([grid_x, grid_y])), dtype=np.float64)
    except Exception:  # any failure just means "not vectorised": loop instead
        values = None
    if values is not None and values.shape == grid_x.shape:
        # a function may accept the stacked grid yet compute something else: spot-check it
        rows, cols = grid_x.shape
        probes = [(0, 0), (rows - 1, cols - 1), (rows // 3, cols // 2)]
        if all(
            np.isclose(
                values[i, j],
                _point_value(f, grid_x[i, j], grid_y[i, j]),
                rtol=1e-9,
                atol=1e-12,
                equal_nan=True,
            )
            for i, j in probes
        ):
            return values
    out = np.empty(grid_x.shape)
    for index in np.ndindex(grid_x.shape):
        out[index] = _point_value(f, grid_x[index], grid_y[index])
    return out


def _point_value(f, x: float, y: float) -> float:
    value = np.asarray(f(np.array([x, y])))
    if value.size != 1:
        raise ValueError(
            f"f must return a scalar for a point of shape (2,), got shape {value.shape}"
        )
    return float(value.reshape(()))


# --- computational_graph ---------------------------------------------------------------

# how far apart the forward and backward arrows of an edge run, and their labels sit, in data units
_ARROW_OFFSET = 0.07
_LABEL_OFFSET = 0.35
# room left around the outermost nodes, in data units
_GRAPH_MARGIN = 0.7


def computational_graph(nodes, edges, ax=None, title=None):
    """Draw a computational graph: its forward pass in black and its backward pass in red.

    Every node is a rounded box holding its label. Every edge is a black arrow from tail to
    head, labelled on one side with the value passed forward, and (unless its backward label
    is None) a red arrow from head back to tail, labelled on the other side with the gradient
    passed backward.

    Parameters
    ----------
    nodes : dict of str to (float, float, str)
        ``{name: (x, y, label)}``: where each node's box is centred, in data units (about
        3 apart reads well), and the text inside it (mathtext such as ``"$x$"`` works).
    edges : sequence of (str, str, str, str or None)
        ``(tail, head, forward_label, backward_label)`` for every edge, naming two nodes.
        ``backward_label`` None draws no backward arrow, for an input such as a target
        that gets no gradient; ``forward_label`` None leaves the forward arrow unlabelled.
    ax : matplotlib.axes.Axes, optional
        Draw on these axes instead of a new figure. Their aspect is set equal and their
        frame turned off.
    title : str, optional
        The axes' title.

    Returns
    -------
    matplotlib.figure.Figure
        The figure holding the axes.

    Raises
    ------
    ImportError
        If matplotlib is not installed.
    TypeError
        If ``nodes`` is not a dict or ``edges`` not a sequence.
    ValueError
        If ``nodes`` is empty, a node is not ``(x, y, label)`` with finite ``x`` and ``y``,
        an edge does not have 4 entries, names an unknown node, or joins two nodes at the
        same place.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> from matplotlib.text import Annotation
    >>> from nnscratch.plotting import computational_graph
    >>> nodes = {"x": (0, 0, "$x$"), "relu": (3, 0, "ReLU"), "y": (6, 0, "$y$")}
    >>> edges = [
    ...     ("x", "relu", "$x$", "$dY$ where $x > 0$"),
    ...     ("relu", "y", "$y$", "$dY$"),
    ... ]
    >>> fig = computational_graph(nodes, edges, title="ReLU layer")
    >>> ax = fig.axes[0]
    >>> arrows = [text for text in ax.texts if isinstance(text, Annotation)]
    >>> len(arrows), ax.get_title()  # a forward and a backward arrow per edge
    (4, 'ReLU layer')
    >>> plt.close(fig)
    """
    plt = _pyplot()
    positions, labels = _graph_nodes(nodes)
    checked_edges = _graph_edges(edges, positions)

    if ax is None:
        xs, ys = zip(*positions.values(), strict=True)
        width = max(4.0, 0.8 * (max(xs) - min(xs) + 2 * _GRAPH_MARGIN))
        height = max(2.4, 0.8 * (max(ys) - min(ys) + 2 * _GRAPH_MARGIN) + 0.6)
        fig, ax = plt.subplots(figsize=(width, height), layout="constrained")
    else:
        fig = ax.figure

    boxes = {}
    for name, (x, y) in positions.items():
        box = {"boxstyle": "round,pad=0.4", "fc": "#f2f2f2", "ec": "black"}
        text = ax.text(x, y, labels[name], ha="center", va="center", fontsize=12, bbox=box)
        boxes[name] = text.get_bbox_patch()
    for tail, head, forward, backward in checked_edges:
        p, q = positions[tail], positions[head]
        direction = (q - p) / np.hypot(*(q - p))
        # the normal on the left of a rightward edge (and on the right of a leftward one), so
        # forward labels sit above and backward labels below whichever way an edge runs
        if direction[0] >= 0:
            normal = np.array([-direction[1], direction[0]])
        else:
            normal = np.array([direction[1], -direction[0]])
        style = {"arrowstyle": "-|>", "lw": 1.5, "shrinkA": 4, "shrinkB": 4}
        arrow = {**style, "color": "black", "patchA": boxes[tail], "patchB": boxes[head]}
        shift = _ARROW_OFFSET * normal
        ax.annotate("", q + shift, p + shift, arrowprops=arrow)
        if backward is not None:
            arrow = {**style, "color": "red", "patchA": boxes[head], "patchB": boxes[tail]}
            ax.annotate("", p - shift, q - shift, arrowprops=arrow)
        for sign, label, colour in ((1, forward, "black"), (-1, backward, "red")):
            if label is None:
                continue
            at = (p + q) / 2 + sign * _LABEL_OFFSET * normal
            beside = "left" if sign * normal[0] > 0 else "right"
            ha = "center" if abs(normal[0]) < 0.5 else beside
            ax.text(*at, label, ha=ha, va="center", fontsize=11, color=colour)

    xs, ys = zip(*positions.values(), strict=True)
    ax.set(
        xlim=(min(xs) - _GRAPH_MARGIN, max(xs) + _GRAPH_MARGIN),
        ylim=(min(ys) - _GRAPH_MARGIN, max(ys) + _GRAPH_MARGIN),
    )
    ax.set_aspect("equal")
    ax.axis("off")
    if title is not None:
        ax.set_title(title)
    return fig


def _graph_nodes(nodes) -> tuple[dict[str, np.ndarray], dict[str, str]]:
    """Each node's centre as a float array ``(2,)`` and its label, after checking them."""
    if not isinstance(nodes, Mapping):
        raise TypeError(f"nodes must be a dict {{name: (x, y, label)}}, got {type(nodes).__name__}")
    if not nodes:
        raise ValueError("nodes must hold at least one node, got an empty dict")
    positions, labels = {}, {}
    for name, node in nodes.items():
        if isinstance(node, str) or not isinstance(node, Sequence) or len(node) != 3:
            raise ValueError(f"nodes[{name!r}] must be (x, y, label), got {node!r}")
        x, y, label = node
        try:
            centre = np.array([x, y], dtype=np.float64)
        except (TypeError, ValueError):
            centre = None
        if centre is None or centre.shape != (2,) or not np.all(np.isfinite(centre)):
            raise ValueError(
                f"nodes[{name!r}] must have finite numbers x and y, got ({x!r}, {y!r})"
            )
        positions[name] = centre
        labels[name] = str(label)
    return positions, labels


def _graph_edges(edges, positions) -> list[tuple]:
    if isinstance(edges, (str, Mapping)) or not isinstance(edges, Sequence):
        raise TypeError(
            "edges must be a sequence of (tail, head, forward_label, backward_label), "
            f"got {type(edges).__name__}"
        )
    checked = []
    for index, edge in enumerate(edges):
        if isinstance(edge, str) or not isinstance(edge, Sequence) or len(edge) != 4:
            raise ValueError(
                f"edges[{index}] must be (tail, head, forward_label, backward_label), got {edge!r}"
            )
        tail, head, forward, backward = edge
        for end in (tail, head):
            if end not in positions:
                raise ValueError(
                    f"edges[{index}] names the unknown node {end!r}; the nodes are "
                    f"{', '.join(repr(name) for name in positions)}"
                )
        if np.array_equal(positions[tail], positions[head]):
            raise ValueError(
                f"edges[{index}] joins {tail!r} and {head!r}, which are at the same place "
                f"{tuple(positions[tail].tolist())}: an edge needs a direction"
            )
        checked.append(
            (
                tail,
                head,
                None if forward is None else str(forward),
                None if backward is None else str(backward),
            )
        )
    return checked
