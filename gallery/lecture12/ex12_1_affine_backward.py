r"""
12.1 Backward pass of the Affine layer
======================================

The Affine layer computes :math:`Y = XW + b` for a batch :math:`X` of :math:`N` rows. Given the
upstream gradient :math:`dY = \partial L/\partial Y`, its backward pass returns

.. math::

    \frac{\partial L}{\partial X} = dY\,W^\top, \qquad
    \frac{\partial L}{\partial W} = X^\top dY, \qquad
    \frac{\partial L}{\partial b} = \sum_{n=1}^{N} dY_{n,:}.

This page computes them for the course's small example with the library's
:class:`~nnscratch.layers.Affine`, derives the two matrix formulas from the shapes alone, and checks
every number against a numerical gradient.
"""

# %%
# The computational graph
# -----------------------
# Forward, :math:`X` and :math:`W` meet in a matrix product and :math:`b` is added (broadcast
# over the rows). Backward, each node multiplies the gradient arriving from the right by its local
# gradient: the sum node passes :math:`dY` unchanged to both inputs (summed over the rows for the
# broadcast :math:`b`), and the product node sends :math:`dY` back through the *other* factor.
import matplotlib.pyplot as plt
import numpy as np

from nnscratch.gradients import numerical_gradient
from nnscratch.layers import Affine
from nnscratch.plotting import computational_graph

fig, ax = plt.subplots(figsize=(9, 4))
nodes = {
    "X": (0, 1.4, "$X$"),
    "W": (0, -1.0, "$W$"),
    "dot": (3, 0.2, "dot"),
    "b": (6, -1.6, "$b$"),
    "plus": (6, 0.2, "$+$"),
    "Y": (9, 0.2, "$Y$"),
}
edges = [
    ("X", "dot", "$X$", r"$dY\,W^\top$"),
    ("W", "dot", "$W$", r"$X^\top dY$"),
    ("dot", "plus", "$XW$", "$dY$"),
    ("b", "plus", "$b$", r"$\sum_n dY_n$"),
    ("plus", "Y", "$Y$", "$dY$"),
]
computational_graph(
    nodes,
    edges,
    ax=ax,
    title=r"Affine layer: forward (black), backward (red), $dY = \partial L/\partial Y$",
)

# %%
# The formulas from the shapes
# ----------------------------
# A gradient has the shape of the thing it differentiates by. With :math:`X` of shape
# :math:`(N, D)`, :math:`W` of shape :math:`(D, M)` and so :math:`dY` of shape :math:`(N, M)`:
#
# * :math:`\partial L/\partial X` must be :math:`(N, D)`. The only product of :math:`dY` and
#   :math:`W` with that shape is :math:`(N, M)\times(M, D)`, that is :math:`dY\,W^\top`.
# * :math:`\partial L/\partial W` must be :math:`(D, M)`. The only product of :math:`X` and
#   :math:`dY` with that shape is :math:`(D, N)\times(N, M)`, that is :math:`X^\top dY`.
#
# The shapes only suggest the formulas; the chain rule proves them. Since
# :math:`Y_{nm} = \sum_d X_{nd} W_{dm} + b_m`,
#
# .. math::
#
#     \frac{\partial L}{\partial X_{nd}} = \sum_m dY_{nm} W_{dm} = (dY\,W^\top)_{nd},
#     \qquad
#     \frac{\partial L}{\partial W_{dm}} = \sum_n X_{nd}\, dY_{nm} = (X^\top dY)_{dm}.
#
# The course's example: :math:`D = 2` inputs, :math:`M = 3` outputs, a batch of :math:`N = 3`.
W = np.array([[1.0, 2, 3], [4, 5, 6]])
b = np.array([7.0, 8, 9])
x = np.array([[1.0, 0], [0, 1], [1, 1]])
dout = np.array([[2.0, 1, -1], [1, 0, 0], [0, 0, 1]])
print("shapes: X", x.shape, " W", W.shape, " b", b.shape, " dY", dout.shape)

# %%
# The library's backward pass
# ---------------------------
layer = Affine(W, b)
y = layer.forward(x)
dx = layer.backward(dout)
print("Y =\n", y)
print("dX =\n", dx)
print("dW =\n", layer.dW)
print("db =", layer.db)

# %%
# They are the numbers the course found, computed here from the formulas above:
np.testing.assert_allclose(dx, dout @ W.T, rtol=0, atol=1e-12)
np.testing.assert_allclose(layer.dW, x.T @ dout, rtol=0, atol=1e-12)
np.testing.assert_allclose(dx, [[1, 7], [1, 4], [3, 6]], rtol=0, atol=1e-12)
np.testing.assert_allclose(layer.dW, [[2, 1, 0], [1, 0, 1]], rtol=0, atol=1e-12)
np.testing.assert_allclose(layer.db, [3, 1, 0], rtol=0, atol=1e-12)
assert dx.shape == x.shape
assert layer.dW.shape == W.shape
assert layer.db.shape == b.shape


# %%
# A numerical check
# -----------------
# ``backward(dout)`` does not compute the gradient of a loss we have written down: it only knows
# :math:`dY`. Which scalar is it the gradient of? Of
#
# .. math::
#
#     s(X, W, b) = \langle Y, dY \rangle = \sum_{n,m} Y_{nm}\, dY_{nm},
#
# with :math:`dY` held fixed, because :math:`\partial s/\partial Y = dY` and the chain rule does
# the rest. So the numerical gradient of ``np.sum(layer.forward(x) * dout)`` with respect to
# :math:`X`, :math:`W` and :math:`b` must equal what ``backward(dout)`` returned. This trick checks
# any layer without a loss function.
#
# :func:`~nnscratch.gradients.numerical_gradient` perturbs its argument in place; ``W`` and ``b``
# are the layer's own arrays, so the layer sees every perturbation.
def inner_product():
    return np.sum(layer.forward(x) * dout)


numerical = {
    "dX": numerical_gradient(lambda _: inner_product(), x),
    "dW": numerical_gradient(lambda _: inner_product(), W),
    "db": numerical_gradient(lambda _: inner_product(), b),
}
for name, analytic in (("dX", dx), ("dW", layer.dW), ("db", layer.db)):
    error = np.max(np.abs(numerical[name] - analytic))
    print(f"{name}: largest difference from the numerical gradient {error:.1e}")
    # s is linear in each argument, so central differences are exact up to rounding.
    np.testing.assert_allclose(numerical[name], analytic, rtol=0, atol=1e-8)

# %%
# The differences are rounding errors: :math:`s` is linear in each of :math:`X`, :math:`W` and
# :math:`b`, and a central difference of a linear function is exact.
