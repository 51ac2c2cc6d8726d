import numpy as np
import pytest
from gradcheck import relative_error
from hypothesis import given, settings
from hypothesis import strategies as st

from nnscratch.functions import softmax
from nnscratch.gradients import numerical_gradient
from nnscratch.layers import Affine, Relu, Sigmoid, SoftmaxWithLoss

shapes = st.tuples(st.integers(1, 5), st.integers(1, 6), st.integers(1, 6))
seeds = st.integers(0, 2**32 - 1)


def backward_matches_numerical(layer, x, dout, params=()):
    """The backward pass with upstream dout is the gradient of sum(forward(x) * dout)."""
    layer.forward(x)
    dx = layer.backward(dout)

    def f(_):
        return np.sum(layer.forward(x) * dout)

    errors = [relative_error(dx, numerical_gradient(f, x))]
    for name, grad in params:
        errors.append(relative_error(grad(), numerical_gradient(f, getattr(layer, name))))
    return max(errors)


@settings(max_examples=25, deadline=None)
@given(shapes, seeds)
def test_affine_backward(shape, seed):
    n, d, m = shape
    rng = np.random.default_rng(seed)
    layer = Affine(rng.standard_normal((d, m)), rng.standard_normal(m))
    x, dout = rng.standard_normal((n, d)), rng.standard_normal((n, m))
    error = backward_matches_numerical(
        layer, x, dout, [("W", lambda: layer.dW), ("b", lambda: layer.db)]
    )
    assert error < 1e-6


@settings(max_examples=25, deadline=None)
@given(shapes, seeds)
def test_sigmoid_backward(shape, seed):
    rng = np.random.default_rng(seed)
    x, dout = rng.standard_normal(shape) * 3, rng.standard_normal(shape)
    assert backward_matches_numerical(Sigmoid(), x, dout) < 1e-6


@settings(max_examples=25, deadline=None)
@given(shapes, seeds)
def test_relu_backward_away_from_kinks(shape, seed):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(shape)
    x += np.where(x >= 0, 0.01, -0.01)  # at least 100 h from the kink at 0
    dout = rng.standard_normal(shape)
    assert backward_matches_numerical(Relu(), x, dout) < 1e-6


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 6), st.integers(2, 6), seeds, st.booleans())
def test_softmax_with_loss_backward(n, c, seed, one_hot):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, c)) * 2
    labels = rng.integers(0, c, n)
    t = np.eye(c)[labels] if one_hot else labels
    layer = SoftmaxWithLoss()
    layer.forward(x, t)
    dx = layer.backward()
    assert relative_error(dx, numerical_gradient(lambda _: layer.forward(x, t), x)) < 1e-6


def test_affine_flattens_any_rank_and_restores_shape():
    rng = np.random.default_rng(3)
    x = rng.standard_normal((2, 3, 4, 5))
    layer = Affine(rng.standard_normal((60, 7)), np.zeros(7))
    out = layer.forward(x)
    assert out.shape == (2, 7)
    np.testing.assert_allclose(out, x.reshape(2, 60) @ layer.W)
    dout = rng.standard_normal((2, 7))
    dx = layer.backward(dout)
    assert dx.shape == x.shape
    f = lambda _: np.sum(layer.forward(x) * dout)  # noqa: E731
    assert relative_error(dx, numerical_gradient(f, x)) < 1e-6


def test_affine_skips_input_gradient_on_request():
    layer = Affine(np.ones((2, 3)), np.zeros(3))
    layer.forward(np.ones((4, 2)))
    assert layer.backward(np.ones((4, 3)), input_grad=False) is None
    np.testing.assert_array_equal(layer.db, [4.0, 4.0, 4.0])


def test_exercise_12_1_affine_exact():
    W = np.array([[1.0, 2, 3], [4, 5, 6]])
    b = np.array([7.0, 8, 9])
    x = np.array([[1.0, 0], [0, 1], [1, 1]])
    dout = np.array([[2.0, 1, -1], [1, 0, 0], [0, 0, 1]])
    layer = Affine(W, b)
    layer.forward(x)
    dx = layer.backward(dout)
    np.testing.assert_allclose(layer.db, [3, 1, 0], rtol=0, atol=1e-12)
    np.testing.assert_allclose(layer.dW, [[2, 1, 0], [1, 0, 1]], rtol=0, atol=1e-12)
    np.testing.assert_allclose(dx, [[1, 7], [1, 4], [3, 6]], rtol=0, atol=1e-12)


def test_exercise_12_2_affine_backward_is_linear_in_dout():
    rng = np.random.default_rng(4)
    layer = Affine(rng.standard_normal((3, 4)), rng.standard_normal(4))
    layer.forward(rng.standard_normal((5, 3)))
    d1, d2 = rng.standard_normal((2, 5, 4))
    np.testing.assert_allclose(
        layer.backward(2 * d1 + 3 * d2), 2 * layer.backward(d1) + 3 * layer.backward(d2)
    )


def test_exercise_13_1_sigmoid_exact():
    a = np.array([[2.0, 3, 4, 5], [6, 7, 8, 9]])
    layer = Sigmoid()
    layer.forward(np.log(a))
    dx = layer.backward((a + 1) ** 2)
    np.testing.assert_allclose(dx, a, rtol=0, atol=1e-12)


def test_exercise_13_3_relu_exact_and_dout_untouched():
    x = np.array([[1.0, -2, 3, -4], [-5, 6, -7, 8]])
    dout = np.array([[1.0, -2, -3, 4], [-1, 2, 3, -4]])
    before = dout.copy()
    layer = Relu()
    layer.forward(x)
    dx = layer.backward(dout)
    np.testing.assert_allclose(dx, [[1, 0, -3, 0], [0, 2, 0, -4]], rtol=0, atol=1e-12)
    np.testing.assert_array_equal(dout, before)


def test_exercise_14_1_one_hot_and_labels_give_the_same_gradient():
    y = np.array([[0.2, 0.3, 0.5], [0.7, 0.2, 0.1]])
    x = np.log(y)
    np.testing.assert_allclose(softmax(x), y, rtol=0, atol=1e-15)
    one_hot = np.array([[0, 0, 1], [1, 0, 0]])
    labels = np.array([2, 0])
    expected = (y - one_hot) / 2
    for t in (one_hot, labels):
        layer = SoftmaxWithLoss()
        layer.forward(x, t)
        np.testing.assert_allclose(layer.backward(), expected, rtol=0, atol=1e-12)
    assert one_hot.size == y.size
    assert labels.size != y.size


def test_softmax_with_loss_scales_by_dout_and_is_stable():
    layer = SoftmaxWithLoss()
    loss = layer.forward(np.array([[1000.0, -1000.0]]), np.array([1]))
    assert loss == pytest.approx(2000.0)
    np.testing.assert_allclose(layer.backward(2.0), [[2.0, -2.0]])
    with pytest.raises(ValueError, match="dout must be a scalar"):
        layer.backward(np.ones(2))


@pytest.mark.parametrize(
    "layer", [Affine(np.ones((2, 2)), np.zeros(2)), Sigmoid(), Relu()], ids=type
)
def test_no_layer_mutates_its_arguments(layer):
    rng = np.random.default_rng(5)
    x = rng.standard_normal((3, 2))
    dout = rng.standard_normal((3, 2))
    x_before, dout_before = x.copy(), dout.copy()
    layer.forward(x)
    layer.backward(dout)
    np.testing.assert_array_equal(x, x_before)
    np.testing.assert_array_equal(dout, dout_before)


def test_softmax_with_loss_does_not_mutate():
    x = np.array([[1.0, 2.0, 3.0]])
    t = np.array([[0.0, 1.0, 0.0]])
    x_before, t_before = x.copy(), t.copy()
    layer = SoftmaxWithLoss()
    layer.forward(x, t)
    layer.backward()
    np.testing.assert_array_equal(x, x_before)
    np.testing.assert_array_equal(t, t_before)


def test_layers_preserve_float32():
    x = np.ones((2, 3), dtype=np.float32)
    affine = Affine(np.ones((3, 4), dtype=np.float32), np.zeros(4, dtype=np.float32))
    out = affine.forward(x)
    assert out.dtype == np.float32
    assert Relu().forward(out).dtype == np.float32
    assert Sigmoid().forward(out).dtype == np.float32
    loss_layer = SoftmaxWithLoss()
    loss_layer.forward(out, np.array([0, 1]))
    assert loss_layer.backward().dtype == np.float32


def test_affine_bad_shapes():
    with pytest.raises(ValueError, match=r"b should have shape \(3,\)\), got b of shape \(2,\)"):
        Affine(np.ones((2, 3)), np.zeros(2))
    with pytest.raises(ValueError, match="W must be 2-dimensional"):
        Affine(np.ones(3), np.zeros(3))
    layer = Affine(np.ones((2, 3)), np.zeros(3))
    with pytest.raises(
        ValueError, match=r"expects 2 features per sample .* got x of shape \(4, 5\)"
    ):
        layer.forward(np.ones((4, 5)))
    with pytest.raises(ValueError, match="wrap a single sample"):
        layer.forward(np.ones(2))
    with pytest.raises(RuntimeError, match="before Affine.forward"):
        layer.backward(np.ones((4, 3)))
    layer.forward(np.ones((4, 2)))
    with pytest.raises(
        ValueError, match=r"dout of the forward output's shape \(4, 3\), got \(4, 2\)"
    ):
        layer.backward(np.ones((4, 2)))
    with pytest.raises(TypeError, match="W must be numeric"):
        Affine([["a"]], [0.0])


@pytest.mark.parametrize("layer_type", [Sigmoid, Relu])
def test_activation_backward_errors(layer_type):
    layer = layer_type()
    with pytest.raises(RuntimeError, match="before"):
        layer.backward(np.ones(3))
    layer.forward(np.ones((2, 3)))
    with pytest.raises(ValueError, match=r"shape \(2, 3\), got \(3,\)"):
        layer.backward(np.ones(3))


def test_softmax_with_loss_bad_labels():
    layer = SoftmaxWithLoss()
    x = np.zeros((2, 3))
    with pytest.raises(ValueError, match="label 5, outside the 3 classes"):
        layer.forward(x, np.array([0, 5]))
    with pytest.raises(ValueError, match="label -1"):
        layer.forward(x, np.array([0, -1]))
    with pytest.raises(ValueError, match="must have 2 entries"):
        layer.forward(x, np.array([0, 1, 2]))
    with pytest.raises(ValueError, match="x must be 2-dimensional"):
        layer.forward(np.zeros(3), np.array([0]))
    with pytest.raises(RuntimeError, match="before SoftmaxWithLoss.forward"):
        SoftmaxWithLoss().backward()
