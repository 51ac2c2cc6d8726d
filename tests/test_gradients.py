import numpy as np
import pytest

from nnscratch.gradients import numerical_diff, numerical_gradient


def test_central_difference_traces_cos():
    x = np.linspace(0, 2 * np.pi, 100, endpoint=False)
    assert np.max(np.abs(numerical_diff(np.sin, x) - np.cos(x))) < 1e-7


def test_central_is_second_order_forward_first_order():
    x = np.random.default_rng(0).standard_normal(1000)
    central = np.mean(np.abs(numerical_diff(np.sin, x) - np.cos(x)))
    forward = np.mean(np.abs(numerical_diff(np.sin, x, method="forward") - np.cos(x)))
    assert central < 1e-8  # h^2 / 6 * |cos| is about 1e-9
    assert 1e-5 < forward < 1e-4  # h / 2 * |sin| is about 3e-5


def test_numerical_diff_bad_arguments():
    with pytest.raises(ValueError, match="h must be a finite number > 0, got 0.0"):
        numerical_diff(np.sin, 0.0, h=0)
    with pytest.raises(ValueError, match="h must be a finite number > 0, got -0.1"):
        numerical_diff(np.sin, 0.0, h=-0.1)
    with pytest.raises(ValueError, match="method must be one of"):
        numerical_diff(np.sin, 0.0, method="backward")
    with pytest.raises(TypeError, match="h must be a real number"):
        numerical_diff(np.sin, 0.0, h="small")


def test_exercise_8_2_gradient_of_sum_of_squares_is_exact():
    x = np.array([1.0, 1.0, 1.0])
    seen = []
    grad = numerical_gradient(
        lambda v: np.sum(v**2), x, h=0.1, callback=lambda i, g: seen.append(g.copy())
    )
    np.testing.assert_allclose(grad, [2.0, 2.0, 2.0], rtol=0, atol=1e-12)
    np.testing.assert_array_equal(x, [1.0, 1.0, 1.0])
    assert len(seen) == 3
    np.testing.assert_allclose(seen[0], [2.0, 0.0, 0.0], atol=1e-12)


def test_numerical_gradient_any_shape():
    rng = np.random.default_rng(2)
    a = rng.standard_normal((2, 3, 4))
    x = rng.standard_normal((2, 3, 4))
    grad = numerical_gradient(lambda v: np.sum(a * v**2), x)
    np.testing.assert_allclose(grad, 2 * a * x, rtol=1e-7, atol=1e-9)


def test_numerical_gradient_restores_x_when_f_raises():
    x = np.array([1.0, 2.0])
    calls = []

    def failing(v):
        calls.append(v.copy())
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        numerical_gradient(failing, x)
    np.testing.assert_array_equal(x, [1.0, 2.0])
    assert calls[0][0] == pytest.approx(1.0001)


def test_numerical_gradient_bad_arguments():
    with pytest.raises(TypeError, match="must be a numpy.ndarray"):
        numerical_gradient(np.sum, [1.0, 2.0])
    with pytest.raises(TypeError, match="dtype float64, got float32"):
        numerical_gradient(np.sum, np.ones(2, dtype=np.float32))
    with pytest.raises(TypeError, match="dtype float64, got int64"):
        numerical_gradient(np.sum, np.ones(2, dtype=np.int64))
    with pytest.raises(ValueError, match="h must be a finite number > 0"):
        numerical_gradient(np.sum, np.ones(2), h=0.0)
    with pytest.raises(ValueError, match=r"f must return a scalar, got an array of shape \(2,\)"):
        numerical_gradient(lambda v: v, np.ones(2))
