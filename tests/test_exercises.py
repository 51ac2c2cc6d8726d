"""The exact numbers of EXERCISES.md, computed through the public API (lectures 8-9 are
in test_gradients.py and test_optim.py, 12-14 in test_layers.py)."""

import numpy as np
import pytest

from nnscratch.layers import Affine, Relu, Sigmoid, SoftmaxWithLoss
from nnscratch.networks import TwoLayerNet

EXACT = {"rtol": 0, "atol": 1e-12}


def forward_backward(layers, x, t):
    out = x
    for layer in layers:
        out = layer.forward(out)
    loss_layer = SoftmaxWithLoss()
    loss = loss_layer.forward(out, t)
    dout = loss_layer.backward()
    for layer in reversed(layers):
        dout = layer.backward(dout)
    return loss


def test_15_1_two_layer_net_on_three_classes():
    net = TwoLayerNet(3, 3, 3, weight_init_std=0.01, rng=0, dtype=np.float64)
    x = np.array([[1.0, 2, 3], [4, 5, 6]])
    t = np.array([[1, 0, 0], [0, 0, 1]])
    scores = net.predict(x)
    assert np.max(np.abs(scores)) < 1e-2
    assert net.loss(x, t) == pytest.approx(np.log(3), abs=1e-3)
    W1 = net.params["W1"].copy()
    grads = net.gradient(x, t)
    net.params["W1"] -= 0.1 * grads["W1"]
    np.testing.assert_allclose(net.params["W1"], W1 - 0.1 * grads["W1"])


def test_15_3_sigmoid_network_by_hand():
    ln2 = np.log(2)
    affine1 = Affine(np.array([[ln2, ln2, 0], [ln2, 0, ln2]]), np.zeros(3))
    sigmoid = Sigmoid()
    affine2 = Affine(np.array([[9.0, 0], [0, 5], [0, 6]]), np.zeros(2))
    loss = forward_backward([affine1, sigmoid, affine2], np.array([[2.0, 1.0]]), np.array([[1, 0]]))
    np.testing.assert_allclose(sigmoid.out, [[8 / 9, 4 / 5, 2 / 3]], **EXACT)
    assert loss == pytest.approx(np.log(2), rel=0, abs=1e-12)
    np.testing.assert_allclose(
        affine1.dW, [[-8 / 9, 4 / 5, 4 / 3], [-4 / 9, 2 / 5, 2 / 3]], **EXACT
    )
    np.testing.assert_allclose(affine1.db, [-4 / 9, 2 / 5, 2 / 3], **EXACT)
    np.testing.assert_allclose(
        affine2.dW, [[-4 / 9, 4 / 9], [-2 / 5, 2 / 5], [-1 / 3, 1 / 3]], **EXACT
    )
    np.testing.assert_allclose(affine2.db, [-1 / 2, 1 / 2], **EXACT)


def test_15_4_relu_network_by_hand():
    W1 = np.array(
        [[0.0, 0, 0, 0, 1], [1, 0, 0, 0, 0], [0, -1, 0, 0, 0], [0, 0, -1, 0, 0], [0, 0, 0, -1, 0]]
    )
    W2 = np.array([[5.0, 0, 0, 0, 5]] * 4 + [[-5, 5, 5, 5, -5]])
    affine1, relu, affine2 = Affine(W1, np.zeros(5)), Relu(), Affine(W2, np.zeros(5))
    forward_backward(
        [affine1, relu, affine2], np.array([[1.0, 2, 3, 4, 5]]), np.array([[1, 0, 0, 0, 0]])
    )
    dW1 = np.zeros((5, 5))
    dW1[:, 0] = [-3, -6, -9, -12, -15]
    dW1[:, 4] = [6, 12, 18, 24, 30]
    np.testing.assert_allclose(affine1.dW, dW1, **EXACT)
    np.testing.assert_allclose(affine1.db, [-3, 0, 0, 0, 6], **EXACT)
    dW2 = np.zeros((5, 5))
    dW2[0] = [-1.6, 0.4, 0.4, 0.4, 0.4]
    dW2[4] = [-0.8, 0.2, 0.2, 0.2, 0.2]
    np.testing.assert_allclose(affine2.dW, dW2, **EXACT)
    np.testing.assert_allclose(affine2.db, [-0.8, 0.2, 0.2, 0.2, 0.2], **EXACT)


def test_8_3_directions_and_directional_derivative():
    from nnscratch.gradients import numerical_gradient

    def f(v):
        return v[0] + v[1] ** 2

    grad = numerical_gradient(f, np.array([0.0, 1.0]))
    np.testing.assert_allclose(grad, [1, 2], rtol=0, atol=1e-8)
    steepest = grad / np.linalg.norm(grad)
    np.testing.assert_allclose(steepest, np.array([1, 2]) / np.sqrt(5), atol=1e-9)
    alpha = np.linspace(0, 2 * np.pi, 50)
    directional = np.cos(alpha) * grad[0] + np.sin(alpha) * grad[1]
    np.testing.assert_allclose(directional, np.sqrt(5) * np.sin(alpha + np.arctan(0.5)), atol=1e-7)
    theta = np.arctan2(2, 1)
    for angle, value in [(theta, np.sqrt(5)), (theta + np.pi, -np.sqrt(5)), (theta + np.pi / 2, 0)]:
        assert np.cos(angle) * grad[0] + np.sin(angle) * grad[1] == pytest.approx(value, abs=1e-7)


def test_9_1c_critical_point_and_hessian():
    from nnscratch.gradients import numerical_gradient

    def f(v):
        return v[0] ** 2 + v[1] ** 2 + v[0] * v[1] - 4 * v[0] - 8 * v[1]

    hessian = np.array([[2.0, 1.0], [1.0, 2.0]])
    critical = np.linalg.solve(hessian, [4.0, 8.0])
    np.testing.assert_allclose(critical, [0, 4], **EXACT)
    np.testing.assert_allclose(numerical_gradient(f, critical.copy()), [0, 0], atol=1e-8)
    assert f(critical) == pytest.approx(-16, abs=1e-12)
    assert np.all(np.linalg.eigvalsh(hessian) > 0)
