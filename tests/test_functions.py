import numpy as np
import pytest

from nnscratch.functions import cross_entropy_error, mean_squared_error, relu, sigmoid, softmax


def test_sigmoid_symmetry():
    x = np.linspace(-30, 30, 121)
    np.testing.assert_allclose(sigmoid(-x), 1 - sigmoid(x), atol=1e-15)


@pytest.mark.parametrize(("dtype", "lowest"), [(np.float32, -87.0), (np.float64, -708.0)])
def test_sigmoid_is_accurate_wherever_the_result_is_a_normal_float(dtype, lowest):
    x = np.linspace(lowest, 40, 20_001).astype(dtype)
    wide = x.astype(np.longdouble)  # 80-bit on x86: a reference that does not overflow here
    exact = (1 / (1 + np.exp(-wide))).astype(dtype)
    np.testing.assert_allclose(sigmoid(x), exact, rtol=4 * np.finfo(dtype).eps, atol=0)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_stable_at_plus_minus_1000(dtype):
    x = np.array([-1000.0, 1000.0], dtype=dtype)
    np.testing.assert_array_equal(sigmoid(x), [0.0, 1.0])
    assert sigmoid(x).dtype == dtype
    np.testing.assert_array_equal(softmax(x), [0.0, 1.0])
    np.testing.assert_allclose(softmax(np.array([1000.0, 1000.0], dtype=dtype)), [0.5, 0.5])
    np.testing.assert_allclose(softmax(np.array([[-1000.0, -1000.0, -1000.0]])), [[1 / 3] * 3])


def test_sigmoid_of_integers_is_float64():
    assert sigmoid(np.array([0, 1])).dtype == np.float64


def test_relu():
    np.testing.assert_array_equal(relu([[-1.0, 2.0], [0.0, -0.5]]), [[0.0, 2.0], [0.0, 0.0]])


def test_softmax_rows_sum_to_one_and_shift_invariant():
    rng = np.random.default_rng(0)
    x = rng.standard_normal((5, 7))
    y = softmax(x)
    np.testing.assert_allclose(y.sum(axis=1), 1.0)
    np.testing.assert_allclose(softmax(x + 123.0), y)


def test_softmax_rejects_scalar():
    with pytest.raises(ValueError, match="scalar"):
        softmax(3.0)


def test_cross_entropy_labels_and_one_hot_agree():
    rng = np.random.default_rng(1)
    y = softmax(rng.standard_normal((6, 4)))
    t = rng.integers(0, 4, 6)
    one_hot = np.eye(4)[t]
    expected = -np.mean(np.log(y[np.arange(6), t]))
    assert cross_entropy_error(y, t) == pytest.approx(expected, rel=1e-14)
    assert cross_entropy_error(y, one_hot) == pytest.approx(expected, rel=1e-14)


def test_cross_entropy_single_sample_forms():
    y = np.array([0.1, 0.7, 0.2])
    assert cross_entropy_error(y, 1) == pytest.approx(-np.log(0.7))
    assert cross_entropy_error(y, [0, 1, 0]) == pytest.approx(-np.log(0.7))


def test_cross_entropy_of_zero_probability_is_finite_and_documented():
    assert cross_entropy_error([0.0, 1.0], 0) == pytest.approx(-np.log(np.finfo(np.float64).tiny))
    loss32 = cross_entropy_error(np.array([0.0, 1.0], dtype=np.float32), 0)
    assert np.isfinite(loss32)
    assert loss32 == pytest.approx(-np.log(np.finfo(np.float32).tiny), rel=1e-6)


def test_cross_entropy_errors():
    y = np.full((2, 3), 1 / 3)
    with pytest.raises(ValueError, match="label 3, outside the 3 classes"):
        cross_entropy_error(y, [0, 3])
    with pytest.raises(ValueError, match="must have 2 entries"):
        cross_entropy_error(y, [0, 1, 2])
    with pytest.raises(ValueError, match="must have 3 columns"):
        cross_entropy_error(y, np.ones((2, 4)))
    with pytest.raises(ValueError, match="1-D or 2-D"):
        cross_entropy_error(np.ones((2, 2, 2)), [0, 1])
    with pytest.raises(TypeError, match="must hold integers"):
        cross_entropy_error(y, [0.5, 1.0])
    with pytest.raises(TypeError, match="numeric"):
        cross_entropy_error([["a", "b"]], [0])


def test_mean_squared_error():
    assert mean_squared_error([0.1, 0.6, 0.3], [0, 1, 0]) == pytest.approx(0.13)
    assert mean_squared_error([[1.0], [3.0]], [[0.0], [1.0]]) == pytest.approx(1.25)
    with pytest.raises(ValueError, match=r"same shape, got \(2,\) and \(3,\)"):
        mean_squared_error([1.0, 2.0], [1.0, 2.0, 3.0])


def test_complex_input_rejected():
    with pytest.raises(TypeError, match="must be real"):
        sigmoid(np.array([1j]))
