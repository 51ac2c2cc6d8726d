"""Tests of nnscratch.transforms.shift."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from nnscratch.transforms import shift


def reference_shift(image, dy, dx):
    """Pixel by pixel: out[i, j] = image[i - dy, j - dx] where that pixel exists, else 0."""
    height, width = image.shape
    out = np.zeros_like(image)
    for i in range(height):
        for j in range(width):
            if 0 <= i - dy < height and 0 <= j - dx < width:
                out[i, j] = image[i - dy, j - dx]
    return out


def test_shift_by_hand():
    image = np.arange(1, 13).reshape(1, 3, 4)
    np.testing.assert_array_equal(shift(image, 1, 2)[0], [[0, 0, 0, 0], [0, 0, 1, 2], [0, 0, 5, 6]])
    np.testing.assert_array_equal(
        shift(image, -1, -1)[0], [[6, 7, 8, 0], [10, 11, 12, 0], [0, 0, 0, 0]]
    )
    np.testing.assert_array_equal(shift(image, 0, 0), image)


@pytest.mark.parametrize("dy", [-5, -3, -1, 0, 2, 4, 7])
@pytest.mark.parametrize("dx", [-6, -2, 0, 1, 5])
def test_shift_matches_pixel_by_pixel_reference(dy, dx):
    rng = np.random.default_rng(0)
    images = rng.integers(1, 255, size=(3, 4, 5), dtype=np.uint8)
    shifted = shift(images, dy, dx)
    for image, result in zip(images, shifted, strict=True):
        np.testing.assert_array_equal(result, reference_shift(image, dy, dx))


def test_exercise_15_8_up_and_right_on_flattened_mnist_shape():
    rng = np.random.default_rng(1)
    images = rng.random((5, 28, 28)).astype(np.float32)
    flat = images.reshape(5, 784)
    for k in (1, 2, 3):
        shifted = shift(flat, -k, k, image_shape=(28, 28))
        assert shifted.shape == (5, 784)
        assert shifted.dtype == np.float32
        np.testing.assert_array_equal(shifted.reshape(5, 28, 28), shift(images, -k, k))
        square = shifted.reshape(5, 28, 28)
        assert np.all(square[:, -k:, :] == 0)  # vacated bottom rows
        assert np.all(square[:, :, :k] == 0)  # vacated left columns
        np.testing.assert_array_equal(square[:, : 28 - k, k:], images[:, k:, : 28 - k])


def test_channels_first_channels_last_and_flattened_colour():
    rng = np.random.default_rng(2)
    nchw = rng.integers(0, 255, size=(2, 3, 4, 5), dtype=np.uint8)
    nhwc = np.ascontiguousarray(nchw.transpose(0, 2, 3, 1))
    expected = shift(nchw, 1, -2)
    for c in range(3):
        np.testing.assert_array_equal(expected[:, c], shift(nchw[:, c], 1, -2))
    np.testing.assert_array_equal(
        shift(nhwc, 1, -2, channels_last=True), expected.transpose(0, 2, 3, 1)
    )
    np.testing.assert_array_equal(
        shift(nchw.reshape(2, -1), 1, -2, image_shape=(4, 5)).reshape(nchw.shape), expected
    )
    np.testing.assert_array_equal(
        shift(nhwc.reshape(2, -1), 1, -2, image_shape=(4, 5), channels_last=True).reshape(
            nhwc.shape
        ),
        expected.transpose(0, 2, 3, 1),
    )
    # a single channel, with or without its axis, and a matching image_shape
    np.testing.assert_array_equal(
        shift(nchw[:, :1], 1, 1, image_shape=(4, 5))[:, 0], shift(nchw[:, 0], 1, 1)
    )
    np.testing.assert_array_equal(
        shift(nchw[:, 0], 1, 1, channels_last=True), shift(nchw[:, 0], 1, 1)
    )


@pytest.mark.parametrize(("dy", "dx"), [(3, 0), (-3, 0), (0, 4), (0, -4), (10, -10), (3, 1)])
def test_shift_past_the_edge_gives_zeros(dy, dx):
    images = np.ones((2, 3, 4))
    assert not shift(images, dy, dx).any()


def test_input_untouched_and_output_new():
    images = np.arange(24.0).reshape(2, 3, 4)
    before = images.copy()
    out = shift(images, 0, 0)
    assert not np.shares_memory(out, images)
    out[:] = -1
    shift(images, 1, 1)
    np.testing.assert_array_equal(images, before)
    assert shift([[[1, 2], [3, 4]]], 0, 1).tolist() == [[[0, 1], [0, 3]]]  # a nested list
    assert shift(np.ones((2, 2, 2), dtype=bool), 1, 0).dtype == np.bool_
    assert shift(np.zeros((0, 5, 5)), 1, 1).shape == (0, 5, 5)
    assert shift(np.ones((1, 2, 2), dtype=np.int16), np.int64(1), 0).dtype == np.int16


@given(
    hnp.arrays(np.int32, st.tuples(st.integers(1, 3), st.integers(1, 8), st.integers(1, 8))),
    st.integers(-9, 9),
    st.integers(-9, 9),
)
def test_shift_and_back_recovers_the_interior(images, dy, dx):
    _, height, width = images.shape
    back = shift(shift(images, dy, dx), -dy, -dx)
    # what survives both moves is the part that never left the frame
    keep = np.zeros((height, width), dtype=bool)
    keep[
        max(0, -dy) : max(0, height - max(0, dy)),
        max(0, -dx) : max(0, width - max(0, dx)),
    ] = True
    np.testing.assert_array_equal(back[:, keep], images[:, keep])
    assert not back[:, ~keep].any()
    # shifts compose when nothing is lost in between
    np.testing.assert_array_equal(shift(shift(images, dy, 0), 0, dx), shift(images, dy, dx))


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "match"),
    [
        ((np.zeros((2, 784)), 1, 1), {}, ValueError, r"shape \(2, 784\) are flattened rows: pass"),
        (
            (np.zeros((2, 780)), 1, 1),
            {"image_shape": (28, 28)},
            ValueError,
            r"image_shape \(28, 28\) does not fit images of shape \(2, 780\)",
        ),
        (
            (np.zeros((2, 0)), 1, 1),
            {"image_shape": (28, 28)},
            ValueError,
            "does not fit images",
        ),
        (
            (np.zeros((2, 28, 28)), 1, 1),
            {"image_shape": (28, 27)},
            ValueError,
            r"image_shape \(28, 27\) does not match images of shape \(2, 28, 28\)",
        ),
        (
            (np.zeros((2, 784)), 1, 1),
            {"image_shape": (1, 28, 28)},
            ValueError,
            r"image_shape must be a pair \(H, W\), got \(1, 28, 28\)",
        ),
        ((np.zeros((2, 784)), 1, 1), {"image_shape": 784}, ValueError, "must be a pair"),
        (
            (np.zeros((2, 784)), 1, 1),
            {"image_shape": (0, 784)},
            ValueError,
            r"image_shape\[0\] \(height\) must be >= 1, got 0",
        ),
        (
            (np.zeros((2, 784)), 1, 1),
            {"image_shape": (28.0, 28)},
            TypeError,
            r"image_shape\[0\] \(height\) must be an integer, got float",
        ),
        ((np.zeros((2, 4, 4)), 1.0, 1), {}, TypeError, "dy must be an integer, got float"),
        ((np.zeros((2, 4, 4)), 1, 0.5), {}, TypeError, "dx must be an integer, got float"),
        ((np.zeros((2, 4, 4)), True, 0), {}, TypeError, "dy must be an integer, got bool"),
        (
            (np.zeros((2, 4, 4)), 1, 1),
            {"channels_last": 1},
            TypeError,
            "channels_last must be True or False, got int",
        ),
        (
            (np.array([["a"]]), 1, 1),
            {},
            TypeError,
            "images must be numeric, got an array of dtype <U1",
        ),
        ((np.zeros(5), 1, 1), {}, ValueError, r"got shape \(5,\) \(1-D\)"),
        ((np.zeros((1, 2, 3, 4, 5)), 1, 1), {}, ValueError, r"got shape \(1, 2, 3, 4, 5\)"),
    ],
)
def test_bad_input(args, kwargs, error, match):
    with pytest.raises(error, match=match):
        shift(*args, **kwargs)
