import numpy as np
import pytest
from gradcheck import relative_error

from nnscratch.gradients import numerical_gradient
from nnscratch.networks import MultiLayerNet, TwoLayerNet


def away_from_kinks(net, x, margin):
    """True if no hidden ReLU input lies within ``margin`` of 0."""
    out = np.asarray(x, dtype=net.dtype)
    for layer in net.layers:
        if type(layer).__name__ == "Relu" and np.min(np.abs(out)) < margin:
            return False
        out = layer.forward(out)
    return True


@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
@pytest.mark.parametrize("seed", range(4))
def test_two_layer_backprop_matches_numerical(activation, seed):
    rng = np.random.default_rng(seed)
    net = TwoLayerNet(
        6, 5, 4, weight_init_std=1.0, activation=activation, rng=seed, dtype=np.float64
    )
    x = rng.standard_normal((7, 6))
    t = rng.integers(0, 4, 7)
    if activation == "relu" and not away_from_kinks(net, x, 1e-2):
        pytest.skip("a hidden unit sits at a ReLU kink for this seed")
    backprop = net.gradient(x, t)
    numerical = net.numerical_gradient(x, t)
    for key in net.params:
        assert relative_error(backprop[key], numerical[key]) < 1e-6, key


@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
def test_multi_layer_backprop_matches_numerical(activation):
    rng = np.random.default_rng(10)
    net = MultiLayerNet(5, [4, 6, 3], 3, activation=activation, rng=1, dtype=np.float64)
    x = rng.standard_normal((6, 5))
    t = np.eye(3)[rng.integers(0, 3, 6)]
    assert activation == "sigmoid" or away_from_kinks(net, x, 1e-3)
    backprop = net.gradient(x, t)
    numerical = net.numerical_gradient(x, t)
    assert list(numerical) == list(net.params)
    for key in net.params:
        assert relative_error(backprop[key], numerical[key]) < 1e-6, key


def test_fast_numerical_gradient_equals_the_naive_one():
    rng = np.random.default_rng(11)
    net = TwoLayerNet(4, 3, 3, weight_init_std=1.0, activation="sigmoid", rng=2, dtype=np.float64)
    x, t = rng.standard_normal((5, 4)), rng.integers(0, 3, 5)
    fast = net.numerical_gradient(x, t)
    for key, param in net.params.items():
        naive = numerical_gradient(lambda _: net.loss(x, t), param)
        np.testing.assert_allclose(fast[key], naive, rtol=1e-7, atol=1e-10)


@pytest.mark.parametrize("stack_elements", [1, 50, 2**18])
def test_fast_numerical_gradient_of_a_deep_net_equals_the_naive_one(monkeypatch, stack_elements):
    """Three hidden layers (so some perturbations rerun layers after the rank-one update),
    one-hot targets, and stacks of one, a few or all perturbations of a column at a time."""
    import nnscratch.networks

    monkeypatch.setattr(nnscratch.networks, "_STACK_ELEMENTS", stack_elements)
    rng = np.random.default_rng(12)
    net = MultiLayerNet(4, [5, 3, 4], 3, activation="relu", rng=3, dtype=np.float64)
    x, t = rng.standard_normal((6, 4)), np.eye(3)[rng.integers(0, 3, 6)]
    assert away_from_kinks(net, x, 1e-3)
    fast = net.numerical_gradient(x, t)
    for key, param in net.params.items():
        naive = numerical_gradient(lambda _: net.loss(x, t), param)
        np.testing.assert_allclose(fast[key], naive, rtol=1e-7, atol=1e-10)


def test_numerical_gradient_leaves_params_alone_and_works_on_float32_nets():
    net = TwoLayerNet(3, 4, 2, rng=0)
    before = {k: v.copy() for k, v in net.params.items()}
    grads = net.numerical_gradient(np.ones((2, 3)), np.array([0, 1]))
    assert all(g.dtype == np.float64 for g in grads.values())
    for key in before:
        np.testing.assert_array_equal(net.params[key], before[key])
        assert net.params[key].dtype == np.float32


def test_same_seed_same_network_and_generator_accepted():
    a = TwoLayerNet(4, 3, 2, rng=42)
    b = TwoLayerNet(4, 3, 2, rng=np.random.default_rng(42))
    c = TwoLayerNet(4, 3, 2, rng=43)
    for key in a.params:
        np.testing.assert_array_equal(a.params[key], b.params[key])
    assert not np.array_equal(a.params["W1"], c.params["W1"])


@pytest.mark.parametrize(
    ("init", "expected_std"), [(0.5, 0.5), ("he", np.sqrt(2 / 400)), ("xavier", np.sqrt(1 / 400))]
)
def test_weight_init_scales(init, expected_std):
    net = MultiLayerNet(400, [300], 10, weight_init_std=init, rng=0, dtype=np.float64)
    assert net.params["W1"].std() == pytest.approx(expected_std, rel=0.02)
    np.testing.assert_array_equal(net.params["b1"], 0.0)


def test_zero_init_keeps_hidden_units_identical():
    rng = np.random.default_rng(0)
    net = TwoLayerNet(5, 4, 3, weight_init_std=0, rng=0)
    x, t = rng.standard_normal((8, 5)).astype(np.float32), rng.integers(0, 3, 8)
    for _ in range(3):
        grads = net.gradient(x, t)
        for key in net.params:
            net.params[key] -= 0.1 * grads[key]
    W1 = net.params["W1"]
    np.testing.assert_array_equal(W1, W1[:, :1].repeat(4, axis=1))


def test_params_are_shared_with_layers():
    net = TwoLayerNet(3, 2, 2, rng=0)
    net.params["W1"] += 1.0
    assert net.layers[0].W is net.params["W1"]


def test_predict_casts_inputs_and_accuracy_counts():
    net = TwoLayerNet(2, 3, 2, rng=0)
    assert net.predict(np.array([[1, 2]])).dtype == np.float32
    x = np.random.default_rng(0).standard_normal((25_000, 2))
    labels = net.predict(x).argmax(axis=1)
    assert net.accuracy(x, labels) == 1.0
    assert net.accuracy(x, np.eye(2)[1 - labels]) == 0.0


def test_backward_returns_input_gradient_and_grads_by_layer():
    rng = np.random.default_rng(1)
    net = MultiLayerNet(4, [3], 2, activation="sigmoid", rng=0, dtype=np.float64)
    x = rng.standard_normal((2, 4))
    out = net.predict(x)
    dout = rng.standard_normal(out.shape)
    dx = net.backward(dout)
    f = lambda _: np.sum(net.predict(x) * dout)  # noqa: E731
    assert relative_error(dx, numerical_gradient(f, x)) < 1e-6
    assert net.grads["W2"] is net.affine_layers[1].dW


def test_grads_before_backward_is_an_error():
    with pytest.raises(RuntimeError, match="no gradients yet"):
        TwoLayerNet(2, 2, 2).grads  # noqa: B018


def test_bad_construction_arguments():
    with pytest.raises(TypeError, match="hidden_sizes must be a sequence"):
        MultiLayerNet(3, 4, 2)
    with pytest.raises(ValueError, match="input_size must be >= 1, got 0"):
        TwoLayerNet(0, 2, 2)
    with pytest.raises(TypeError, match="hidden_sizes entry must be an integer"):
        MultiLayerNet(3, [2.5], 2)
    with pytest.raises(ValueError, match="activation must be one of"):
        TwoLayerNet(2, 2, 2, activation="tanh")
    with pytest.raises(ValueError, match='weight_init_std must be a number, "he" or "xavier"'):
        TwoLayerNet(2, 2, 2, weight_init_std="glorot")
    with pytest.raises(TypeError, match="weight_init_std must be a number"):
        TwoLayerNet(2, 2, 2, weight_init_std=[0.1])
    with pytest.raises(ValueError, match="finite and >= 0, got -1"):
        TwoLayerNet(2, 2, 2, weight_init_std=-1)
    with pytest.raises(TypeError, match="dtype must be a floating type"):
        TwoLayerNet(2, 2, 2, dtype=np.int32)


def test_bad_call_arguments():
    net = TwoLayerNet(3, 2, 2, rng=0)
    with pytest.raises(
        ValueError, match=r"expects 3 features per sample .* got x of shape \(4, 5\)"
    ):
        net.predict(np.ones((4, 5)))
    with pytest.raises(ValueError, match="label 2, outside the 2 classes"):
        net.loss(np.ones((1, 3)), np.array([2]))
    with pytest.raises(ValueError, match="must have 4 entries"):
        net.accuracy(np.ones((4, 3)), np.array([0, 1]))
    with pytest.raises(ValueError, match="h must be a finite number > 0"):
        net.numerical_gradient(np.ones((1, 3)), np.array([0]), h=0)
