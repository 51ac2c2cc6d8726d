r"""
8.1c Central difference of the sigmoid
======================================

The same test as 8.1b for the sigmoid :math:`s(x) = 1 / (1 + e^{-x})`, whose derivative has the
closed form :math:`s'(x) = s(x)\,(1 - s(x))`. The central difference with :math:`h = 10^{-4}`
traces it on :math:`[-10, 10)` and misses it by about :math:`10^{-10}` on average over 1,000
standard-normal points. The page also shows a pitfall of the original solution: it wrote the
derivative as ``f(x)(1-f(x))``, which Python reads as a call, not a product.
"""

# %%
# The sigmoid, its derivative and the estimate
# --------------------------------------------
# :func:`nnscratch.functions.sigmoid` is the logistic function, computed so that no exponential
# overflows.
import matplotlib.pyplot as plt
import numpy as np

from nnscratch.functions import sigmoid
from nnscratch.gradients import numerical_diff


def sigmoid_derivative(x):
    s = sigmoid(x)
    return s * (1 - s)


h = 1e-4
x = np.arange(-10, 10, 0.01)
g = numerical_diff(sigmoid, x, h=h)

fig, ax = plt.subplots(figsize=(7, 4))
ax.plot(x, sigmoid(x), label=r"$s(x)$")
ax.plot(x, g, color="red", linewidth=3, alpha=0.6, label="central difference")
ax.plot(x, sigmoid_derivative(x), "k--", linewidth=1, label=r"$s(x)\,(1 - s(x))$")
ax.axhline(0, color="gray", linestyle="--", linewidth=0.8)
ax.axvline(0, color="gray", linestyle="--", linewidth=0.8)
ax.set_xlabel("x")
ax.set_ylabel("value")
ax.set_title(f"The sigmoid and its derivative (h = {h:g})")
ax.legend(loc="upper left")

# %%
# The derivative peaks at :math:`s'(0) = 1/4`, where the sigmoid is steepest, and tends to 0 on
# both sides: a saturated sigmoid passes almost no gradient back, which lecture 13 meets again as
# the vanishing gradient.
x_peak = float(np.round(x[np.argmax(g)], 2)) + 0.0  # + 0.0 turns -0.0 into 0.0
print(f"largest derivative on the grid: {g.max():.6f} at x = {x_peak:.2f}")
assert abs(g.max() - 0.25) < 1e-8
assert abs(x_peak) < 0.01

# %%
# The mean error on random points
# -------------------------------
rng = np.random.default_rng(8)
points = rng.standard_normal(1000)
error = np.abs(numerical_diff(sigmoid, points, h=h) - sigmoid_derivative(points))
print(f"mean abs error, central: {error.mean():.3e}   (course: 1.24e-10)")
assert error.mean() < 1e-9

# %%
# As in 8.1b, the Taylor series predicts it: the error is :math:`\frac{h^2}{6}|s'''(x)|`, and
# differentiating :math:`s' = s(1-s)` twice more gives :math:`s''' = s(1-s)(1 - 6s + 6s^2)`.
s = sigmoid(points)
predicted = (h**2 / 6 * np.abs(s * (1 - s) * (1 - 6 * s + 6 * s**2))).mean()
print(f"predicted by the Taylor series:   {predicted:.3e}")
assert abs(error.mean() / predicted - 1) < 0.1

# %%
# Pitfall: ``f(x)(1-f(x))`` is a call
# -----------------------------------
# The original solution first defined the derivative as ``f(x)(1-f(x))``. Mathematics writes a
# product by juxtaposition; Python does not. ``f(x)`` is a number (or an array), and
# ``f(x)(...)`` tries to *call* it. That listing never called its ``f_prime``, so the mistake went
# unnoticed there; the listing that measured the error used ``f(x)*(1-f(x))``. Calling the
# original fails at once:


def f(x):
    return 1 / (1 + np.e ** (-x))


def f_prime_original(x):
    return f(x)(1 - f(x))  # the original's line: a call, not a product


try:
    f_prime_original(points)
except TypeError as error_message:
    message = str(error_message)
print("TypeError:", message)
assert "not callable" in message

# %%
# With the operator written out, the function agrees with the library's sigmoid to rounding.


def f_prime(x):
    return f(x) * (1 - f(x))


assert np.allclose(f_prime(points), sigmoid_derivative(points), rtol=0, atol=1e-15)
