r"""
14.1 Backward pass of softmax with cross-entropy loss
=====================================================

The last layer of a classifier turns scores :math:`x` into probabilities :math:`y = \operatorname
{softmax}(x)` and compares them with the targets :math:`t` by the cross-entropy, averaged over the
:math:`N` rows of the batch:

.. math::

    y_{nk} = \frac{e^{x_{nk}}}{\sum_j e^{x_{nj}}}, \qquad
    L = -\frac{1}{N} \sum_{n=1}^{N} \sum_k t_{nk} \ln y_{nk}, \qquad
    \frac{\partial L}{\partial x} = \frac{y - t}{N}.

With :math:`y = [[0.2,0.3,0.5],[0.7,0.2,0.1]]` (so :math:`x = \ln y`) and the targets given first
as one-hot rows, then as integer labels, the library's :class:`~nnscratch.layers.SoftmaxWithLoss`
returns :math:`(y - t)/2` both times. The course's solution divided by 3, the number of classes;
the batch has 2 rows, and the numerical gradient on this page confirms 2.
"""

# %%
# The computational graph
# -----------------------
# Softmax and cross-entropy each have a messy derivative; composed, they cancel to :math:`y - t`
# per sample, and the mean over the batch divides by :math:`N`.
import matplotlib.pyplot as plt
import numpy as np

from nnscratch.gradients import numerical_gradient
from nnscratch.layers import SoftmaxWithLoss
from nnscratch.plotting import computational_graph

fig, ax = plt.subplots(figsize=(10, 3.4))
nodes = {
    "x": (0, 0, "$x$"),
    "softmax": (3.3, 0, "Softmax"),
    "ce": (6.6, 0, "cross-entropy\n(mean over $N$)"),
    "t": (6.6, -1.8, "$t$"),
    "L": (9.9, 0, "$L$"),
}
edges = [
    ("x", "softmax", "$x$", r"$(y - t)/N$"),
    ("softmax", "ce", "$y$", r"$-t/(N y)$"),
    ("t", "ce", "$t$", None),
    ("ce", "L", "$L$", "$1$"),
]
computational_graph(
    nodes, edges, ax=ax, title="Softmax-with-loss layer: forward (black), backward (red)"
)

# %%
# One-hot targets
# ---------------
y = np.array([[0.2, 0.3, 0.5], [0.7, 0.2, 0.1]])
x = np.log(y)  # softmax(ln y) = y, since each row of y sums to 1
t_onehot = np.array([[0, 0, 1], [1, 0, 0]])
layer = SoftmaxWithLoss()
loss = layer.forward(x, t_onehot)
dx_onehot = layer.backward()
print("softmax(x) =\n", layer.y.round(12))
print(f"loss = {loss:.6f}  (= -(ln 0.5 + ln 0.7) / 2 = {-(np.log(0.5) + np.log(0.7)) / 2:.6f})")
print(
    "t.size =",
    layer.t.size,
    " y.size =",
    layer.y.size,
    " t.size == y.size:",
    layer.t.size == layer.y.size,
)
print("dx =\n", dx_onehot.round(12))
np.testing.assert_allclose(layer.y, y, rtol=0, atol=1e-12)
assert layer.t.size == layer.y.size
np.testing.assert_allclose(dx_onehot, (y - t_onehot) / 2, rtol=0, atol=1e-12)

# %%
# ``size`` is the number of elements, an integer, not the shape: both arrays hold 6 numbers. The
# test ``t.size == y.size`` is how the layer tells one-hot rows (as many numbers as ``y``) from
# integer labels (one number per row).
#
# Integer labels
# --------------
t_labels = t_onehot.argmax(axis=1)
loss_labels = layer.forward(x, t_labels)
dx_labels = layer.backward()
print("t =", t_labels)
print(
    "t.size =",
    layer.t.size,
    " y.size =",
    layer.y.size,
    " t.size == y.size:",
    layer.t.size == layer.y.size,
)
print("dx =\n", dx_labels.round(12))
assert layer.t.size != layer.y.size
np.testing.assert_allclose(dx_labels, (y - t_onehot) / 2, rtol=0, atol=1e-12)
np.testing.assert_allclose(dx_labels, dx_onehot, rtol=0, atol=1e-15)
np.testing.assert_allclose(loss_labels, loss, rtol=1e-15)

# %%
# With labels the layer copies :math:`y` and subtracts 1 at each row's true class, which is
# subtracting the one-hot row: the same :math:`(y - t)/2`, and the same loss.
#
# Why divide by the batch size
# ----------------------------
# The loss is the *mean* of the per-sample losses :math:`L_n = -\sum_k t_{nk}\ln y_{nk}`. The
# derivative of one sample's loss with respect to its own scores is :math:`y_n - t_n` (softmax's
# Jacobian :math:`\partial y_k/\partial x_j = y_k(\delta_{kj} - y_j)` times
# :math:`\partial L_n/\partial y_k = -t_k/y_k`, summed over :math:`k`, gives
# :math:`-t_j + y_j\sum_k t_k = y_j - t_j` since a target row sums to 1), and the mean multiplies
# it by :math:`1/N`, the number of *rows*. The number of classes (3 here) plays no part. The
# numerical gradient of the loss itself decides:
numerical = numerical_gradient(lambda v: SoftmaxWithLoss().forward(v, t_labels), x)
course = (y - t_onehot) / 3
print("numerical gradient =\n", numerical.round(8))
print(f"largest difference from (y - t)/2: {np.max(np.abs(numerical - dx_labels)):.1e}")
print(f"largest difference from (y - t)/3: {np.max(np.abs(numerical - course)):.1e}")
np.testing.assert_allclose(numerical, (y - t_onehot) / 2, rtol=0, atol=1e-8)
assert np.max(np.abs(numerical - course)) > 0.01

# %%
# Dividing by 3 would only be right by coincidence, for a batch of 3. With it, the gradient of a
# batch would shrink as the classes grow (1,000 classes: 1,000 times too small), while the
# loss it is meant to descend would not.
