"""Tests of nnscratch.optim: gradient descent (lecture 9) and the chapter-6 update rules."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nnscratch.optim import SGD, AdaGrad, Adam, Momentum, gradient_descent


def f_quadratic(x):
    """The function of lecture 9; minimum -16 at (0, 4)."""
    return x[0] ** 2 + x[1] ** 2 + x[0] * x[1] - 4 * x[0] - 8 * x[1]


def grad_quadratic(x):
    return np.array([2 * x[0] + x[1] - 4, 2 * x[1] + x[0] - 8])


def quartic(x):
    """Exercise 9.2: f(x) = x(x - 1)(x - 2)(x - 4)."""
    return x * (x - 1) * (x - 2) * (x - 4)


def quartic_derivative(x):
    return 4 * x**3 - 21 * x**2 + 28 * x - 8


# --- gradient_descent -------------------------------------------------------------------


def test_exercise_9_1a_two_exact_steps():
    x, history = gradient_descent(f_quadratic, [0, 0], lr=0.5, step_num=2, grad=grad_quadratic)
    np.testing.assert_array_equal(history, [[0, 0], [2, 4], [0, 3]])
    np.testing.assert_array_equal(x, [0, 3])
    assert x.dtype == np.float64
    assert history.dtype == np.float64


def test_exercise_9_1b_numerical_gradient_steps():
    x, history = gradient_descent(f_quadratic, np.zeros(2), lr=0.5, step_num=2)
    np.testing.assert_allclose(history, [[0, 0], [2, 4], [0, 3]], atol=1e-6)
    np.testing.assert_allclose(x, [0, 3], atol=1e-6)


def test_exercise_9_1d_converges_towards_minimum():
    _, history = gradient_descent(f_quadratic, [0.0, 0.0], lr=0.1, step_num=30)
    assert history.shape == (31, 2)
    distances = np.linalg.norm(history - [0, 4], axis=1)
    assert np.all(np.diff(distances) < 0)  # every step gets closer
    assert distances[-1] < 0.15
    x_long, _ = gradient_descent(f_quadratic, [0.0, 0.0], lr=0.1, step_num=300)
    np.testing.assert_allclose(x_long, [0, 4], atol=1e-6)
    assert f_quadratic(x_long) == pytest.approx(-16)


def test_history_rows_are_copies_and_last_is_x():
    x, history = gradient_descent(f_quadratic, [0.0, 0.0], lr=0.1, step_num=5)
    assert not np.shares_memory(x, history)
    np.testing.assert_array_equal(history[-1], x)
    assert len({tuple(row) for row in history}) == 6  # no aliasing: every row differs


def test_init_x_not_modified():
    init = np.array([0.0, 0.0])
    gradient_descent(f_quadratic, init, lr=0.5, step_num=3, grad=grad_quadratic)
    gradient_descent(f_quadratic, init, lr=0.5, step_num=3)
    np.testing.assert_array_equal(init, [0.0, 0.0])
    init32 = np.array([1.0, 1.0], dtype=np.float32)
    x, _ = gradient_descent(f_quadratic, init32, lr=0.5, step_num=1)
    assert x.dtype == np.float64
    np.testing.assert_array_equal(init32, [1.0, 1.0])


@pytest.mark.parametrize(
    ("start", "after_10", "minimum"),
    # the local maximum near 1.54 splits the starts: 0 and 1 go left, 2 and 4 go right
    [(0.0, 0.383, 0.393), (1.0, 0.491, 0.393), (2.0, 3.131, 3.326), (4.0, 3.327, 3.326)],
)
def test_exercise_9_2_start_decides_the_minimum(start, after_10, minimum):
    exact, hist_exact = gradient_descent(
        quartic, start, lr=0.02, step_num=10, grad=quartic_derivative
    )
    _, hist_numeric = gradient_descent(quartic, start, lr=0.02, step_num=10)
    assert hist_exact.shape == (11,)
    assert exact.shape == ()
    np.testing.assert_allclose(hist_numeric, hist_exact, atol=1e-6)
    assert float(exact) == pytest.approx(after_10, abs=1e-3)
    converged, _ = gradient_descent(quartic, start, lr=0.02, step_num=300, grad=quartic_derivative)
    assert float(converged) == pytest.approx(minimum, abs=1e-3)
    assert abs(quartic_derivative(converged)) < 1e-9


def test_exercise_9_2_global_versus_local_minimum():
    # starting at 0 ends near the local minimum, starting at 4 near the global one
    from_zero, _ = gradient_descent(quartic, 0.0, lr=0.02, step_num=200, grad=quartic_derivative)
    from_four, _ = gradient_descent(quartic, 4.0, lr=0.02, step_num=200, grad=quartic_derivative)
    assert quartic(from_four) < quartic(from_zero) < 0


def test_zero_steps_and_zero_rate():
    x, history = gradient_descent(f_quadratic, [1.0, 2.0], step_num=0)
    assert history.shape == (1, 2)
    np.testing.assert_array_equal(x, [1.0, 2.0])
    x, history = gradient_descent(f_quadratic, [1.0, 2.0], lr=0, step_num=3)
    np.testing.assert_array_equal(history, [[1.0, 2.0]] * 4)


def test_matrix_shaped_x():
    target = np.arange(6.0).reshape(2, 3)
    x, history = gradient_descent(
        lambda w: np.sum((w - target) ** 2), np.zeros((2, 3)), lr=0.25, step_num=40
    )
    assert history.shape == (41, 2, 3)
    np.testing.assert_allclose(x, target, atol=1e-6)


@given(
    st.lists(st.floats(-10, 10), min_size=1, max_size=5),
    st.floats(0, 0.4),
    st.integers(0, 20),
)
def test_history_follows_the_update_rule(start, lr, steps):
    start = np.array(start)
    _, history = gradient_descent(
        lambda v: np.sum(v**2), start, lr=lr, step_num=steps, grad=lambda v: 2 * v
    )
    assert history.shape == (steps + 1, len(start))
    np.testing.assert_allclose(history[1:], history[:-1] * (1 - 2 * lr), rtol=1e-12)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"lr": -0.1}, ValueError, r"lr must be a finite number >= 0, got -0\.1"),
        ({"lr": math.inf}, ValueError, "lr must be a finite number"),
        ({"lr": "0.1"}, TypeError, "lr must be a real number, got str"),
        ({"step_num": -1}, ValueError, "step_num must be >= 0, got -1"),
        ({"step_num": 2.0}, TypeError, "step_num must be an integer, got float"),
        ({"grad": 3}, TypeError, "grad must be callable"),
    ],
)
def test_bad_arguments(kwargs, error, match):
    with pytest.raises(error, match=match):
        gradient_descent(f_quadratic, [0.0, 0.0], **kwargs)


def test_bad_function_and_start():
    with pytest.raises(TypeError, match="f must be callable"):
        gradient_descent("f", [0.0])
    with pytest.raises(TypeError, match="init_x must be numeric"):
        gradient_descent(f_quadratic, ["a", "b"])
    with pytest.raises(ValueError, match=r"f must return a scalar, got an array of shape \(2,\)"):
        gradient_descent(lambda x: x**2, [1.0, 2.0])
    with pytest.raises(TypeError, match="f must return a real number, got str"):
        gradient_descent(lambda x: "low", [1.0, 2.0])


def test_grad_of_wrong_shape_names_both_shapes():
    with pytest.raises(ValueError, match=r"x's shape \(2,\), got shape \(3,\)"):
        gradient_descent(f_quadratic, [0.0, 0.0], grad=lambda x: np.zeros(3))


# --- the update rules -----------------------------------------------------------------


def quadratic_problem(dtype=np.float64):
    """Loss sum(a * (W - target)**2) + (b + 1)**2 over a matrix and a vector."""
    target = np.array([[1.0, -2.0, 3.0], [0.5, 0.0, -1.0]])
    scale = np.array([[1.0, 2.0, 0.5], [1.5, 1.0, 3.0]])

    def loss(params):
        return float(np.sum(scale * (params["W"] - target) ** 2) + np.sum((params["b"] + 1) ** 2))

    def grads(params):
        return {"W": 2 * scale * (params["W"] - target), "b": 2 * (params["b"] + 1)}

    params = {"W": np.zeros((2, 3), dtype=dtype), "b": np.zeros(2, dtype=dtype)}
    return params, loss, grads, target


@pytest.mark.parametrize(
    ("optimizer", "steps"),
    [
        (SGD(lr=0.1), 200),
        (Momentum(lr=0.05, momentum=0.9), 300),
        (AdaGrad(lr=0.5), 500),
        (Adam(lr=0.05), 1000),
    ],
    ids=["SGD", "Momentum", "AdaGrad", "Adam"],
)
def test_optimizers_minimise_a_quadratic(optimizer, steps):
    params, loss, grads, target = quadratic_problem()
    W, b = params["W"], params["b"]
    start_loss = loss(params)
    for _ in range(steps):
        optimizer.update(params, grads(params))
    assert params["W"] is W  # updated in place, not replaced
    assert params["b"] is b
    assert loss(params) < 1e-4 * start_loss
    np.testing.assert_allclose(params["W"], target, atol=1e-2)
    np.testing.assert_allclose(params["b"], [-1, -1], atol=1e-2)


@pytest.mark.parametrize("make", [SGD, Momentum, AdaGrad, Adam])
def test_float32_params_stay_float32(make):
    params, _, grads, _ = quadratic_problem(np.float32)
    optimizer = make()
    for _ in range(3):
        grad = {k: v.astype(np.float32) for k, v in grads(params).items()}
        optimizer.update(params, grad)
    assert params["W"].dtype == np.float32
    assert params["b"].dtype == np.float32
    for slots in optimizer._state.values():
        assert all(state.dtype == np.float32 for state in slots.values())


def test_sgd_step_is_exact():
    params = {"W": np.array([[1.0, 2.0]]), "b": np.array([0.5])}
    grads = {"W": np.array([[10.0, -20.0]]), "b": np.array([1.0])}
    SGD(lr=0.1).update(params, grads)
    np.testing.assert_allclose(params["W"], [[0.0, 4.0]])
    np.testing.assert_allclose(params["b"], [0.4])
    np.testing.assert_array_equal(grads["W"], [[10.0, -20.0]])  # grads untouched


def test_momentum_by_hand():
    params = {"x": np.array([0.0])}
    opt = Momentum(lr=0.1, momentum=0.5)
    expected, v = 0.0, 0.0
    for g in [1.0, 2.0, -1.0]:
        opt.update(params, {"x": np.array([g])})
        v = 0.5 * v - 0.1 * g
        expected += v
        assert params["x"][0] == pytest.approx(expected)


def test_adagrad_by_hand():
    params = {"x": np.array([1.0])}
    opt = AdaGrad(lr=0.1)
    h, expected = 0.0, 1.0
    for g in [2.0, -1.0, 3.0]:
        opt.update(params, {"x": np.array([g])})
        h += g * g
        expected -= 0.1 * g / (math.sqrt(h) + 1e-7)
        assert params["x"][0] == pytest.approx(expected, rel=1e-12)


def test_adam_first_step_bias_correction_by_hand():
    lr, beta1, beta2, eps = 0.01, 0.9, 0.999, 1e-7
    g = np.array([4.0, -0.001, 0.0])
    params = {"w": np.array([1.0, 1.0, 1.0])}
    opt = Adam(lr=lr, beta1=beta1, beta2=beta2)
    opt.update(params, {"w": g.copy()})
    # t = 1: m = (1 - beta1) g, v = (1 - beta2) g^2, lr_t = lr sqrt(1 - beta2) / (1 - beta1)
    m = (1 - beta1) * g
    v = (1 - beta2) * g**2
    lr_t = lr * math.sqrt(1 - beta2) / (1 - beta1)
    expected = 1.0 - lr_t * m / (np.sqrt(v) + eps)
    np.testing.assert_allclose(params["w"], expected, rtol=1e-14)
    # the correction makes the first step about lr against the gradient's sign, whatever its size
    np.testing.assert_allclose(params["w"][:2], [1 - lr, 1 + lr], rtol=1e-4)
    assert params["w"][2] == 1.0  # no gradient, no step
    assert opt.t == 1


def test_adam_second_step_by_hand():
    lr, beta1, beta2, eps = 0.1, 0.8, 0.9, 1e-7
    params = {"w": np.array([0.0])}
    opt = Adam(lr=lr, beta1=beta1, beta2=beta2)
    m = v = 0.0
    w = 0.0
    for t, g in enumerate([1.0, 3.0], start=1):
        opt.update(params, {"w": np.array([g])})
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        w -= lr * math.sqrt(1 - beta2**t) / (1 - beta1**t) * m / (math.sqrt(v) + eps)
    assert params["w"][0] == pytest.approx(w, rel=1e-12)


def test_repr_shows_settings():
    assert repr(SGD(lr=0.5)) == "SGD(lr=0.5)"
    assert repr(Momentum()) == "Momentum(lr=0.01, momentum=0.9)"
    assert repr(Adam()) == "Adam(lr=0.001, beta1=0.9, beta2=0.999, eps=1e-07, t=0)"


@pytest.mark.parametrize(
    ("make", "error", "match"),
    [
        (lambda: SGD(lr=-1), ValueError, "lr must be a finite number >= 0, got -1.0"),
        (lambda: SGD(lr=math.nan), ValueError, "lr must be a finite number"),
        (lambda: SGD(lr=None), TypeError, "lr must be a real number, got NoneType"),
        (lambda: Momentum(momentum=1.0), ValueError, r"momentum must be a number in \[0, 1\)"),
        (lambda: Momentum(momentum=-0.1), ValueError, r"momentum must be a number in \[0, 1\)"),
        (lambda: Momentum(momentum=True), TypeError, "momentum must be a real number, got bool"),
        (lambda: AdaGrad(lr=-0.01), ValueError, "lr must be a finite number >= 0"),
        (lambda: AdaGrad(eps=0), ValueError, "eps must be a finite number > 0"),
        (lambda: Adam(beta1=1.5), ValueError, r"beta1 must be a number in \[0, 1\), got 1.5"),
        (lambda: Adam(beta2=math.nan), ValueError, r"beta2 must be a number in \[0, 1\)"),
        (lambda: Adam(lr=-0.001), ValueError, "lr must be a finite number >= 0"),
    ],
)
def test_bad_hyperparameters(make, error, match):
    with pytest.raises(error, match=match):
        make()


@pytest.mark.parametrize("make", [SGD, Momentum, AdaGrad, Adam])
def test_update_checks_keys_shapes_and_types(make):
    opt = make()
    params = {"W": np.zeros((2, 3)), "b": np.zeros(3)}
    with pytest.raises(KeyError, match=r"grads for missing params \['c'\]"):
        opt.update(params, {"W": np.zeros((2, 3)), "b": np.zeros(3), "c": np.zeros(1)})
    with pytest.raises(KeyError, match=r"no grads for params \['b'\]"):
        opt.update(params, {"W": np.zeros((2, 3))})
    with pytest.raises(
        ValueError, match=r"grads\['W'\] must have the shape of params\['W'\], \(2, 3\), got an "
    ):
        opt.update(params, {"W": np.zeros((3, 2)), "b": np.zeros(3)})
    with pytest.raises(ValueError, match=r"grads\['b'\] .* got list"):
        opt.update(params, {"W": np.zeros((2, 3)), "b": [0.0, 0.0, 0.0]})
    with pytest.raises(TypeError, match=r"params\['W'\] must be a floating-point numpy array"):
        opt.update({"W": np.zeros(2, dtype=int)}, {"W": np.zeros(2)})
    with pytest.raises(TypeError, match=r"params must be a dict of arrays .* got list"):
        opt.update([np.zeros(2)], {"W": np.zeros(2)})
    with pytest.raises(TypeError, match=r"grads must be a dict of arrays .* got tuple"):
        opt.update(params, (np.zeros(2),))
    np.testing.assert_array_equal(params["W"], 0)  # nothing changed by a refused update


@pytest.mark.parametrize("make", [Momentum, AdaGrad, Adam])
def test_state_of_another_shape_is_refused(make):
    opt = make()
    opt.update({"W": np.zeros(3)}, {"W": np.ones(3)})
    with pytest.raises(ValueError, match=r"holds state of shape \(3,\) for it"):
        opt.update({"W": np.zeros(4)}, {"W": np.ones(4)})
