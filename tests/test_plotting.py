"""Tests of nnscratch.plotting, drawn with the Agg backend (no window)."""

import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.colors import to_rgba
from matplotlib.text import Annotation

import nnscratch
from nnscratch.metrics import confusion_matrix
from nnscratch.optim import gradient_descent
from nnscratch.plotting import (
    computational_graph,
    confusion_matrix_heatmap,
    contour_descent,
    image_grid,
    training_curves,
)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def f_quadratic(x):
    return x[0] ** 2 + x[1] ** 2 + x[0] * x[1] - 4 * x[0] - 8 * x[1]


def make_history(epochs=4, epoch_size=50, test=True, final=0.9):
    iterations = np.arange(0, epochs * epoch_size + 1, epoch_size)
    train = np.linspace(0.1, final, len(iterations))
    return SimpleNamespace(
        loss=np.linspace(2.3, 0.3, epochs * epoch_size),
        eval_iterations=iterations,
        train_accuracy=train,
        test_accuracy=train - 0.02 if test else None,
        epoch_size=epoch_size,
        wall_time=1.5,
    )


# --- lazy import ------------------------------------------------------------------------


def test_module_import_does_not_import_matplotlib():
    src = str(Path(nnscratch.__file__).parent.parent)
    env = {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", "")}
    code = "import sys, nnscratch.plotting; print('matplotlib' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout.strip() == "False"


def test_missing_matplotlib_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(ImportError, match=r'pip install "nnscratch\[plot\]"'):
        image_grid(np.zeros((1, 2, 2)))


# --- image_grid -------------------------------------------------------------------------


def test_image_grid_grey_with_class_names():
    rng = np.random.default_rng(0)
    images = rng.integers(0, 256, size=(30, 28, 28), dtype=np.uint8)
    labels = rng.integers(0, 3, size=30)
    names = ["T-shirt/top", "Trouser", "Pullover"]
    fig = image_grid(images, labels, class_names=names)
    assert len(fig.axes) == 25
    assert [ax.get_title() for ax in fig.axes] == [names[k] for k in labels[:25]]
    for ax, image in zip(fig.axes, images, strict=False):
        assert len(ax.images) == 1
        np.testing.assert_array_equal(ax.images[0].get_array(), image)
        assert ax.images[0].get_cmap().name == "gray"
    # every grey image on one scale
    assert {ax.images[0].get_clim() for ax in fig.axes} == {(images[:25].min(), images[:25].max())}


def test_image_grid_fewer_images_than_cells_and_no_labels():
    fig = image_grid(np.zeros((3, 4, 4)), nrows=2, ncols=3, cmap="viridis")
    assert len(fig.axes) == 3
    assert all(ax.get_title() == "" for ax in fig.axes)
    assert fig.axes[0].images[0].get_cmap().name == "viridis"


@pytest.mark.parametrize(
    ("shape", "image_shape", "expected"),
    [
        ((4, 1, 6, 5), None, (6, 5)),
        ((4, 6, 5, 1), None, (6, 5)),
        ((4, 30), (6, 5), (6, 5)),
        ((4, 6, 5, 3), None, (6, 5, 3)),
        ((4, 3, 6, 5), None, (6, 5, 3)),
        ((4, 90), (6, 5, 3), (6, 5, 3)),
    ],
)
def test_image_grid_layouts(shape, image_shape, expected):
    images = np.random.default_rng(1).random(shape)
    fig = image_grid(images, nrows=2, ncols=2, image_shape=image_shape)
    assert len(fig.axes) == 4
    assert fig.axes[0].images[0].get_array().shape == expected


def test_image_grid_colour_channels_first_is_transposed():
    images = np.random.default_rng(2).integers(0, 256, size=(1, 3, 4, 5), dtype=np.uint8)
    fig = image_grid(images, nrows=1, ncols=1)
    np.testing.assert_array_equal(fig.axes[0].images[0].get_array(), images[0].transpose(1, 2, 0))


def test_image_grid_predictions_mark_wrong_ones_red():
    images = np.zeros((4, 5, 5))
    fig = image_grid(
        images,
        labels=[0, 1, 2, 1],
        predictions=np.eye(3)[[0, 2, 2, 0]],  # scores: argmax is the prediction
        class_names=["cat", "dog", "bird"],
        nrows=1,
        ncols=4,
    )
    titles = [ax.title for ax in fig.axes]
    assert [t.get_text() for t in titles] == [
        "cat",
        "bird\n(true: dog)",
        "bird",
        "cat\n(true: dog)",
    ]
    red, black = to_rgba("red"), to_rgba("black")
    assert [to_rgba(t.get_color()) for t in titles] == [black, red, black, red]
    fig = image_grid(images, predictions=[3, 1, 0, 2], nrows=2, ncols=2)  # no truth: no colour
    assert [ax.get_title() for ax in fig.axes] == ["3", "1", "0", "2"]
    assert (
        image_grid(images, labels=[-0.0, 1.0, 2.0, 1.0], nrows=1, ncols=1).axes[0].get_title()
        == "0"
    )
    assert (
        image_grid(images, labels=np.eye(2)[[1, 0, 0, 0]], nrows=1, ncols=1).axes[0].get_title()
        == "1"
    )


def test_image_grid_bool_images():
    fig = image_grid(np.eye(4, dtype=bool)[np.newaxis], nrows=1, ncols=1)
    assert fig.axes[0].images[0].get_array().dtype == np.uint8


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "match"),
    [
        ((np.zeros((4, 784)),), {}, ValueError, r"shape \(4, 784\) are flattened rows: pass"),
        ((np.zeros((4, 780)),), {"image_shape": (28, 28)}, ValueError, "each image needs 784"),
        ((np.zeros((4, 784)),), {"image_shape": (28, 0)}, ValueError, "positive integers"),
        ((np.zeros((4, 784)),), {"image_shape": 784}, ValueError, r"image_shape must be \(H, W\)"),
        ((np.zeros((4, 5, 6, 7)),), {}, ValueError, r"got shape \(4, 5, 6, 7\)"),
        ((np.zeros(5),), {}, ValueError, r"got shape \(5,\)"),
        ((np.zeros((0, 5, 5)),), {}, ValueError, "at least one image"),
        ((np.array([["a"]]),), {}, TypeError, "images must be real numbers, got an array of dtype"),
        ((np.full((2, 4, 4, 3), 1.5),), {}, ValueError, r"must lie in \[0, 1\], got values in"),
        ((np.full((2, 4, 4, 3), np.nan),), {}, ValueError, r"must lie in \[0, 1\]"),
        ((np.full((2, 4, 4, 3), 300),), {}, ValueError, r"must lie in \[0, 255\]"),
        ((np.zeros((2, 4, 4)), [0]), {}, ValueError, "labels must have 2 entries .* got 1"),
        (
            (np.zeros((2, 4, 4)), [0, 2]),
            {"class_names": ["a", "b"]},
            ValueError,
            "labels holds label 2, outside the 2 classes",
        ),
        ((np.zeros((2, 4, 4)),), {"predictions": [0, 1, 1]}, ValueError, "predictions must have 2"),
        ((np.zeros((2, 4, 4)), [0, 1]), {"class_names": "ab"}, TypeError, "class_names must be a"),
        ((np.zeros((2, 4, 4)),), {"nrows": 0}, ValueError, "nrows must be >= 1, got 0"),
        ((np.zeros((2, 4, 4)),), {"ncols": 2.0}, TypeError, "ncols must be an integer"),
        ((np.zeros((2, 4, 4)), ["x", "y"]), {}, TypeError, "labels as labels must hold integers"),
    ],
)
def test_image_grid_bad_input(args, kwargs, error, match):
    with pytest.raises(error, match=match):
        image_grid(*args, **kwargs)


# --- training_curves --------------------------------------------------------------------


def test_training_curves_one_history():
    history = make_history()
    fig = training_curves(history)
    assert len(fig.axes) == 1
    ax = fig.axes[0]
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == ["train", "test"]
    assert [line.get_linestyle() for line in lines] == ["-", "--"]
    np.testing.assert_array_equal(lines[0].get_xdata(), [0, 1, 2, 3, 4])  # epochs
    np.testing.assert_array_equal(lines[1].get_ydata(), history.test_accuracy)
    assert ax.get_xlabel() == "epoch"
    assert ax.get_ylabel() == "accuracy"
    assert "accuracy" in ax.get_title()


def test_training_curves_several_runs_one_colour_each():
    runs = {
        "hidden 1": make_history(final=0.3),
        "hidden 50": make_history(test=False),
        2: make_history(),
    }
    ax = training_curves(runs).axes[0]
    labels = [line.get_label() for line in ax.get_lines()]
    assert labels == [
        "hidden 1: train",
        "hidden 1: test",
        "hidden 50: train",
        "2: train",
        "2: test",
    ]
    colours = [line.get_color() for line in ax.get_lines()]
    assert colours[0] == colours[1] != colours[2]
    assert colours[3] == colours[4] != colours[2]
    assert len(ax.get_legend().get_texts()) == 5


def test_training_curves_loss_with_moving_average():
    history = make_history(epochs=4, epoch_size=50)
    ax = training_curves(history, metric="loss").axes[0]
    raw, average = ax.get_lines()
    assert len(raw.get_xdata()) == 200
    assert raw.get_alpha() < 0.5
    window = 20  # an epoch (50) capped at a tenth of the run
    assert len(average.get_xdata()) == 200 - window + 1
    np.testing.assert_allclose(average.get_ydata()[0], history.loss[:window].mean())
    assert average.get_xdata()[0] == window
    assert ax.get_xlabel() == "iteration"
    assert ax.get_title() == "loss per iteration"
    ax = training_curves({"a": history}, metric="loss", window=7).axes[0]
    assert ax.get_lines()[1].get_label() == "a: moving average of 7"
    ax = training_curves(make_history(epochs=0), metric="loss").axes[0]  # nothing trained yet
    assert ax.get_legend() is None


def test_training_curves_accepts_the_real_history():
    training = pytest.importorskip("nnscratch.training")
    networks = pytest.importorskip("nnscratch.networks")
    rng = np.random.default_rng(0)
    x = rng.standard_normal((100, 2))
    t = (x[:, 0] > 0).astype(int)
    history = training.train(
        networks.TwoLayerNet(2, 4, 2, rng=0), x, t, iters=20, batch_size=20, rng=0
    )
    assert len(training_curves(history).axes) == 1
    assert len(training_curves({"run": history}, metric="loss").axes) == 1


@pytest.mark.parametrize(
    ("histories", "kwargs", "error", "match"),
    [
        (make_history(), {"metric": "f1"}, ValueError, 'metric must be "accuracy" or "loss"'),
        ({}, {}, ValueError, "at least one run, got an empty dict"),
        (
            {"run": SimpleNamespace(loss=[1.0])},
            {},
            TypeError,
            r"histories\['run'\] must be a History .* without eval_iterations, train_accuracy",
        ),
        (
            SimpleNamespace(**{**vars(make_history()), "train_accuracy": np.zeros(3)}),
            {},
            ValueError,
            r"histories.train_accuracy must have one entry per evaluation .* = 5\), got 3",
        ),
        (
            SimpleNamespace(**{**vars(make_history()), "epoch_size": 0}),
            {},
            ValueError,
            "histories.epoch_size must be >= 1, got 0",
        ),
        (make_history(), {"window": 0}, ValueError, "window must be >= 1"),
    ],
)
def test_training_curves_bad_input(histories, kwargs, error, match):
    with pytest.raises(error, match=match):
        training_curves(histories, **kwargs)


# --- confusion_matrix_heatmap -----------------------------------------------------------


def test_heatmap_counts_labels_and_annotations():
    cm = confusion_matrix([0, 0, 1, 2, 2, 2, 2], [0, 1, 1, 2, 2, 2, 0])
    fig = confusion_matrix_heatmap(cm, class_names=["cat", "dog", "bird"])
    assert len(fig.axes) == 2  # the map and its colour bar
    ax = fig.axes[0]
    assert ax.get_ylabel() == "true"
    assert ax.get_xlabel() == "predicted"
    assert [tick.get_text() for tick in ax.get_xticklabels()] == ["cat", "dog", "bird"]
    assert [tick.get_text() for tick in ax.get_yticklabels()] == ["cat", "dog", "bird"]
    np.testing.assert_array_equal(ax.images[0].get_array(), cm)
    assert [text.get_text() for text in ax.texts] == [str(v) for v in cm.ravel()]
    # the darkest cell (the largest count) is annotated in white, an empty one in black
    by_cell = {(int(t.get_position()[1]), int(t.get_position()[0])): t for t in ax.texts}
    assert to_rgba(by_cell[(2, 2)].get_color()) == to_rgba("white")
    assert to_rgba(by_cell[(0, 2)].get_color()) == to_rgba("black")


def test_heatmap_normalised_rows():
    cm = np.array([[3, 1], [0, 0]])
    fig = confusion_matrix_heatmap(cm, normalize=True)
    ax = fig.axes[0]
    np.testing.assert_allclose(ax.images[0].get_array(), [[0.75, 0.25], [0, 0]])
    assert [text.get_text() for text in ax.texts] == ["0.75", "0.25", "0.00", "0.00"]
    assert ax.images[0].get_clim() == (0, 1)
    assert "normalised" in ax.get_title()
    assert [tick.get_text() for tick in ax.get_xticklabels()] == ["0", "1"]


def test_heatmap_float_counts_and_many_classes():
    ax = confusion_matrix_heatmap(np.array([[0.5, 2.0], [1.0, 1.25]])).axes[0]
    assert [text.get_text() for text in ax.texts] == ["0.5", "2", "1", "1.25"]
    ax = confusion_matrix_heatmap(np.array([[2.0, 1.0], [0.0, 3.0]])).axes[0]
    assert [text.get_text() for text in ax.texts] == ["2", "1", "0", "3"]
    ax = confusion_matrix_heatmap(np.eye(31, dtype=int)).axes[0]
    assert len(ax.texts) == 0  # too many cells to annotate
    ax = confusion_matrix_heatmap(np.eye(15, dtype=int)).axes[0]
    assert ax.texts[0].get_fontsize() == 7


@pytest.mark.parametrize(
    ("cm", "kwargs", "error", "match"),
    [
        (np.zeros((2, 3)), {}, ValueError, r"non-empty square 2-D matrix, got shape \(2, 3\)"),
        (np.zeros((0, 0)), {}, ValueError, "non-empty square"),
        (np.array([[1, -1], [0, 1]]), {}, ValueError, "finite counts >= 0"),
        (np.array([[1, np.nan], [0, 1]]), {}, ValueError, "finite counts >= 0"),
        (np.array([["a"]]), {}, TypeError, "cm must be numeric"),
        (np.eye(2), {"class_names": ["a"]}, ValueError, r"one name per class \(2\), got 1 names"),
        (np.eye(2), {"normalize": "rows"}, TypeError, "normalize must be True or False, got str"),
    ],
)
def test_heatmap_bad_input(cm, kwargs, error, match):
    with pytest.raises(error, match=match):
        confusion_matrix_heatmap(cm, **kwargs)


# --- contour_descent --------------------------------------------------------------------


def test_contour_descent_exercise_9_1e():
    _, history = gradient_descent(f_quadratic, [0.0, 0.0], lr=0.1, step_num=30)
    fig = contour_descent(f_quadratic, history, xlim=(-2, 4), ylim=(-1, 6))
    assert len(fig.axes) == 1
    ax = fig.axes[0]
    assert ax.get_aspect() == 1.0
    assert ax.get_xlim() == (-2, 4)
    assert ax.get_ylim() == (-1, 6)
    markers = ax.get_lines()[0]
    np.testing.assert_array_equal(markers.get_xdata(), history[:, 0])
    np.testing.assert_array_equal(markers.get_ydata(), history[:, 1])
    (arrows,) = [c for c in ax.collections if type(c).__name__ == "Quiver"]
    assert arrows.N == 30
    np.testing.assert_allclose(arrows.U, np.diff(history[:, 0]))
    contours = [c for c in ax.collections if type(c).__name__ == "QuadContourSet"]
    assert len(contours) == 1
    assert len(contours[0].levels) >= 20  # about 30 "nice" levels


def _looped_only(x):
    if x.shape != (2,):
        raise ValueError("only points")
    return f_quadratic(x)


def _wrong_when_stacked(x):
    # accepts the stacked grid, with the right shape but values off by one there
    return x[0] ** 2 + x[1] ** 2 - x[0] * 0 + (0 if x.ndim == 1 else 1)


def _bowl(x):
    return x[0] ** 2 + x[1] ** 2


@pytest.mark.parametrize(
    ("f", "truth"),
    [
        (f_quadratic, f_quadratic),
        (_looped_only, f_quadratic),
        (
            lambda x: float(x @ np.array([[1.0, 0.5], [0.5, 1.0]]) @ x - x @ np.array([4.0, 8.0])),
            f_quadratic,
        ),
        (_wrong_when_stacked, _bowl),
    ],
    ids=["vectorised", "raises-on-grid", "matrix-form", "wrong-on-grid"],
)
def test_contour_descent_grid_is_right_however_f_is_written(f, truth):
    fig = contour_descent(f, np.array([[0.0, 0.0]]), xlim=(-1, 2), ylim=(0, 3), levels=[-9, 0, 5])
    ax = fig.axes[0]
    (contours,) = [c for c in ax.collections if type(c).__name__ == "QuadContourSet"]
    grid = np.meshgrid(np.linspace(-1, 2, 161), np.linspace(0, 3, 160))
    expected = truth(np.stack(grid))
    assert contours.levels.tolist() == [-9, 0, 5]
    assert contours.zmin == pytest.approx(expected.min(), abs=1e-9)
    assert contours.zmax == pytest.approx(expected.max(), abs=1e-9)
    assert not [c for c in ax.collections if type(c).__name__ == "Quiver"]  # one point only


def test_contour_descent_on_given_axes():
    fig, axes = plt.subplots(1, 2)
    _, history = gradient_descent(f_quadratic, [0.0, 0.0], lr=0.5, step_num=2)
    returned = contour_descent(f_quadratic, history, (-1, 3), (-1, 5), ax=axes[1])
    assert returned is fig
    assert len(axes[1].collections) >= 2
    assert not axes[0].collections


@pytest.mark.parametrize(
    ("args", "error", "match"),
    [
        (
            (f_quadratic, np.zeros((3, 3)), (0, 1), (0, 1)),
            ValueError,
            r"history must have shape \(k, 2\), got shape \(3, 3\)",
        ),
        ((f_quadratic, np.zeros(2), (0, 1), (0, 1)), ValueError, "history must be 2-dimensional"),
        (
            (f_quadratic, np.zeros((1, 2)), (1, 0), (0, 1)),
            ValueError,
            r"xlim must be finite with low < high, got \(1.0, 0.0\)",
        ),
        ((f_quadratic, np.zeros((1, 2)), (0, 1), (0, np.inf)), ValueError, "ylim must be finite"),
        ((f_quadratic, np.zeros((1, 2)), 5, (0, 1)), ValueError, "xlim must be a pair of numbers"),
        ((f_quadratic, np.zeros((1, 2)), (0, 1, 2), (0, 1)), ValueError, "xlim must be a pair"),
        (("f", np.zeros((1, 2)), (0, 1), (0, 1)), TypeError, "f must be callable"),
        (
            (lambda x: x, np.zeros((1, 2)), (0, 1), (0, 1)),
            ValueError,
            r"f must return a scalar for a point of shape \(2,\), got shape \(2,\)",
        ),
    ],
)
def test_contour_descent_bad_input(args, error, match):
    with pytest.raises(error, match=match):
        contour_descent(*args)


# --- computational_graph ---------------------------------------------------------------

GRAPH_NODES = {
    "x": (0, 0, "$x$"),
    "softmax": (3.3, 0, "Softmax"),
    "ce": (6.6, 0, "cross-entropy"),
    "t": (6.6, -1.8, "$t$"),
    "L": (9.9, 0, "$L$"),
}
GRAPH_EDGES = [
    ("x", "softmax", "$x$", "$(y - t)/N$"),
    ("softmax", "ce", "$y$", "$-t/(N y)$"),
    ("t", "ce", "$t$", None),
    ("ce", "L", "$L$", "$1$"),
]


def _arrows(ax, colour):
    return [
        text
        for text in ax.texts
        if isinstance(text, Annotation) and text.arrow_patch.get_edgecolor() == to_rgba(colour)
    ]


def _texts(ax, colour):
    return {
        text.get_text()
        for text in ax.texts
        if not isinstance(text, Annotation) and text.get_color() == colour
    }


def test_computational_graph_arrows_and_labels():
    fig = computational_graph(GRAPH_NODES, GRAPH_EDGES, title="softmax with loss")
    ax = fig.axes[0]
    assert len(fig.axes) == 1
    # one forward arrow per edge, one backward arrow per edge with a backward label
    assert len(_arrows(ax, "black")) == 4
    assert len(_arrows(ax, "red")) == 3
    assert len([text for text in ax.texts if isinstance(text, Annotation)]) == 7
    node_labels = {label for _, _, label in GRAPH_NODES.values()}
    forward_labels = {edge[2] for edge in GRAPH_EDGES}
    assert _texts(ax, "black") == node_labels | forward_labels
    assert _texts(ax, "red") == {edge[3] for edge in GRAPH_EDGES if edge[3] is not None}
    assert ax.get_title() == "softmax with loss"
    assert ax.get_aspect() == 1.0
    assert not ax.axison
    assert ax.get_xlim() == pytest.approx((-0.7, 10.6))
    assert ax.get_ylim() == pytest.approx((-2.5, 0.7))


def test_computational_graph_arrows_run_between_the_boxes():
    fig = computational_graph({"a": (0, 0, "a"), "b": (3, 0, "b")}, [("a", "b", "1", "2")])
    ax = fig.axes[0]
    (forward,) = _arrows(ax, "black")
    (backward,) = _arrows(ax, "red")
    # forward runs left to right above the axis line, backward right to left below it
    assert forward.xy[0] > forward.xyann[0]
    assert forward.xy[1] > 0
    assert backward.xy[0] < backward.xyann[0]
    assert backward.xy[1] < 0
    boxes = [text.get_bbox_patch() for text in ax.texts if text.get_bbox_patch() is not None]
    assert len(boxes) == 2
    assert forward.arrow_patch.patchA in boxes
    assert forward.arrow_patch.patchB in boxes


def test_computational_graph_label_sides_for_leftward_and_vertical_edges():
    nodes = {"a": (0, 0, "a"), "b": (-3, 0, "b"), "c": (0, 3, "c")}
    edges = [("a", "b", "left", "back left"), ("a", "c", "up", "back up")]
    ax = computational_graph(nodes, edges).axes[0]
    at = {text.get_text(): text for text in ax.texts if not isinstance(text, Annotation)}
    # labels stay above (forward) and below (backward) a horizontal edge whichever way it runs
    assert at["left"].get_position()[1] > 0 > at["back left"].get_position()[1]
    assert at["left"].get_ha() == at["back left"].get_ha() == "center"
    # beside a vertical edge they are aligned away from it
    assert at["up"].get_position()[0] < 0 < at["back up"].get_position()[0]
    assert at["up"].get_ha() == "right"
    assert at["back up"].get_ha() == "left"


def test_computational_graph_unlabelled_forward_and_numbers_as_labels():
    ax = computational_graph({"a": (0, 0, 1), "b": (2, 1, 2)}, [("a", "b", None, 0.5)]).axes[0]
    assert _texts(ax, "black") == {"1", "2"}
    assert _texts(ax, "red") == {"0.5"}
    assert len(_arrows(ax, "black")) == len(_arrows(ax, "red")) == 1


def test_computational_graph_on_given_axes_does_not_change_the_inputs():
    fig, axes = plt.subplots(1, 2)
    nodes = dict(GRAPH_NODES)
    edges = list(GRAPH_EDGES)
    assert computational_graph(nodes, edges, ax=axes[1]) is fig
    assert len(fig.axes) == 2
    assert not axes[0].texts
    assert axes[1].texts
    assert axes[1].get_title() == ""
    assert nodes == GRAPH_NODES
    assert edges == GRAPH_EDGES


@pytest.mark.parametrize(
    ("nodes", "edges", "error", "match"),
    [
        ([("a", 0, 0)], [], TypeError, r"nodes must be a dict \{name: \(x, y, label\)\}, got list"),
        ({}, [], ValueError, "nodes must hold at least one node, got an empty dict"),
        ({"a": (0, 0)}, [], ValueError, r"nodes\['a'\] must be \(x, y, label\), got \(0, 0\)"),
        ({"a": (0, 0, "a", 1)}, [], ValueError, r"nodes\['a'\] must be \(x, y, label\)"),
        ({"a": "xyz"}, [], ValueError, r"nodes\['a'\] must be \(x, y, label\), got 'xyz'"),
        ({"a": 3}, [], ValueError, r"nodes\['a'\] must be \(x, y, label\), got 3"),
        (
            {"a": (0, "top", "a")},
            [],
            ValueError,
            r"nodes\['a'\] must have finite numbers x and y, got \(0, 'top'\)",
        ),
        ({"a": (0, np.nan, "a")}, [], ValueError, "must have finite numbers x and y"),
        ({"a": ((0, 1), 1, "a")}, [], ValueError, "must have finite numbers x and y"),
        ({"a": (0, 0, "a")}, "ab", TypeError, "edges must be a sequence of .*, got str"),
        ({"a": (0, 0, "a")}, {"a": "b"}, TypeError, "edges must be a sequence of .*, got dict"),
        ({"a": (0, 0, "a")}, None, TypeError, "edges must be a sequence of .*, got NoneType"),
        (
            {"a": (0, 0, "a"), "b": (1, 0, "b")},
            [("a", "b", "x")],
            ValueError,
            r"edges\[0\] must be \(tail, head, forward_label, backward_label\), got",
        ),
        (
            {"a": (0, 0, "a"), "b": (1, 0, "b")},
            ["ab"],
            ValueError,
            r"edges\[0\] must be \(tail, head, forward_label, backward_label\)",
        ),
        (
            {"a": (0, 0, "a"), "b": (1, 0, "b")},
            [("a", "b", "x", None), ("a", "c", "x", None)],
            ValueError,
            r"edges\[1\] names the unknown node 'c'; the nodes are 'a', 'b'",
        ),
        (
            {"a": (0, 0, "a"), "b": (1, 0, "b")},
            [("z", "b", "x", None)],
            ValueError,
            "unknown node 'z'",
        ),
        (
            {"a": (1, 2, "a"), "b": (1.0, 2.0, "b")},
            [("a", "b", "x", "y")],
            ValueError,
            r"edges\[0\] joins 'a' and 'b', which are at the same place \(1.0, 2.0\)",
        ),
        (
            {"a": (0, 0, "a")},
            [("a", "a", "x", "y")],
            ValueError,
            "joins 'a' and 'a', which are at the same place",
        ),
    ],
)
def test_computational_graph_bad_input(nodes, edges, error, match):
    with pytest.raises(error, match=match):
        computational_graph(nodes, edges)
    assert not plt.get_fignums()  # nothing drawn before the input was checked
