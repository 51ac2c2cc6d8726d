r"""
13.1 Backward pass of the sigmoid layer
=======================================

The sigmoid layer computes :math:`y = \sigma(x) = 1/(1 + e^{-x})` elementwise, and its backward
pass multiplies the upstream gradient by the local derivative

.. math::

    \frac{\partial y}{\partial x} = \frac{e^{-x}}{(1 + e^{-x})^2} = y\,(1 - y),

which needs only the output :math:`y` the forward pass remembered. With
:math:`x = \ln a` for :math:`a = [[2,3,4,5],[6,7,8,9]]` and upstream gradient
:math:`dY = (a + 1)^2 = [[3,4,5,6],[7,8,9,10]]^2`, the answer is exactly :math:`a` again. This
page computes it with :class:`~nnscratch.layers.Sigmoid`, explains why, and checks it numerically.
"""

# %%
# The computational graph
# -----------------------
# Split :math:`\sigma` into four elementary nodes (as the book does): multiply by :math:`-1`,
# exponentiate, add 1, take the reciprocal. Backward, each node multiplies by its local
# derivative: :math:`-1/u^2 = -y^2` for the reciprocal of :math:`u = 1 + e^{-x}`, 1 for the sum,
# :math:`e^{-x}` for the exponential and :math:`-1` for the sign change. What reaches :math:`x` is
# :math:`dY\,y^2 e^{-x} = dY\,y(1-y)`, since :math:`y\,e^{-x} = 1 - y`.
import matplotlib.pyplot as plt
import numpy as np

from nnscratch.gradients import numerical_gradient
from nnscratch.layers import Sigmoid
from nnscratch.plotting import computational_graph

fig, ax = plt.subplots(figsize=(11, 2.6))
nodes = {
    "x": (0, 0, "$x$"),
    "neg": (2.6, 0, r"$\times(-1)$"),
    "exp": (5.2, 0, "exp"),
    "plus": (7.8, 0, "$+1$"),
    "inv": (10.4, 0, "$1/u$"),
    "y": (13, 0, "$y$"),
}
edges = [
    ("x", "neg", "$x$", r"$dY\,y^2e^{-x}$"),
    ("neg", "exp", "$-x$", r"$-dY\,y^2e^{-x}$"),
    ("exp", "plus", "$e^{-x}$", r"$-dY\,y^2$"),
    ("plus", "inv", "$u = 1+e^{-x}$", r"$-dY\,y^2$"),
    ("inv", "y", "$y$", "$dY$"),
]
computational_graph(nodes, edges, ax=ax, title="Sigmoid layer: forward (black), backward (red)")

# %%
# The library's answer
# --------------------
a = np.array([[2.0, 3, 4, 5], [6, 7, 8, 9]])
x = np.log(a)
dout = np.array([[3.0, 4, 5, 6], [7, 8, 9, 10]]) ** 2
layer = Sigmoid()
y = layer.forward(x)
dx = layer.backward(dout)
print("y = sigmoid(ln a) =\n", y.round(6))
print("dx =\n", dx)
np.testing.assert_allclose(dx, a, rtol=0, atol=1e-12)

# %%
# Why exactly :math:`a`
# ---------------------
# For :math:`x = \ln a` we have :math:`e^{-x} = 1/a`, so
#
# .. math::
#
#     y = \sigma(\ln a) = \frac{1}{1 + 1/a} = \frac{a}{1 + a}, \qquad
#     1 - y = \frac{1}{1 + a}, \qquad
#     y\,(1 - y) = \frac{a}{(1 + a)^2},
#
# and multiplying by the upstream gradient :math:`(a + 1)^2` leaves :math:`a`. The exercise was
# built so that the square cancels the denominator. Both steps, checked:
np.testing.assert_allclose(y, a / (1 + a), rtol=0, atol=1e-15)
np.testing.assert_allclose(y * (1 - y), a / (1 + a) ** 2, rtol=0, atol=1e-15)
print("y(1 - y) =\n", (y * (1 - y)).round(6))

# %%
# A numerical check
# -----------------
# ``backward(dout)`` is the gradient of :math:`\langle y, dY\rangle = \sum y_{ij}\,dY_{ij}` with
# :math:`dY` held fixed (its derivative with respect to :math:`y` is :math:`dY`). So the numerical
# gradient of ``np.sum(sigmoid(x) * dout)`` with respect to :math:`x` must match:
numerical = numerical_gradient(lambda v: np.sum(Sigmoid().forward(v) * dout), x)
print("numerical gradient =\n", numerical.round(8))
print(f"largest difference: {np.max(np.abs(numerical - dx)):.1e}")
# Central differences err by about h^2/6 times the third derivative (times dY up to 100): ~1e-7.
np.testing.assert_allclose(numerical, dx, rtol=0, atol=1e-6)
