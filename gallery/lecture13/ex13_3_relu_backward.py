r"""
13.3 Backward pass of the ReLU layer, and a backward pass that edits its argument
=================================================================================

The ReLU layer computes :math:`y = \max(x, 0)` elementwise. Its local derivative is 1 where
:math:`x > 0` and 0 where :math:`x < 0`, so the backward pass lets the upstream gradient through
where the input was positive and stops it elsewhere:

.. math::

    \frac{\partial L}{\partial x} = dY \odot [x > 0].

With :math:`x = [[1,-2,3,-4],[-5,6,-7,8]]` and :math:`dY = [[1,-2,-3,4],[-1,2,3,-4]]` the answer
is :math:`[[1,0,-3,0],[0,2,0,-4]]`. The book's ``Relu.backward`` gets this right but writes the
zeros *into the caller's* ``dout``; the library's :class:`~nnscratch.layers.Relu` returns a new
array instead. This page shows both and a case where the difference matters.
"""

# %%
# The computational graph
# -----------------------
# The derivative at :math:`x = 0` does not exist; like the book, the library takes it to be 0.
import matplotlib.pyplot as plt
import numpy as np

from nnscratch.gradients import numerical_gradient
from nnscratch.layers import Relu
from nnscratch.plotting import computational_graph

fig, ax = plt.subplots(figsize=(7, 2.4))
nodes = {"x": (0, 0, "$x$"), "relu": (3, 0, "ReLU"), "y": (6, 0, "$y$")}
edges = [
    ("x", "relu", "$x$", r"$dY \odot [x > 0]$"),
    ("relu", "y", r"$y = \max(x, 0)$", "$dY$"),
]
computational_graph(nodes, edges, ax=ax, title="ReLU layer: forward (black), backward (red)")

# %%
# The library's answer
# --------------------
x = np.array([[1.0, -2, 3, -4], [-5, 6, -7, 8]])
dout = np.array([[1.0, -2, -3, 4], [-1, 2, 3, -4]])
dout_before = dout.copy()
layer = Relu()
layer.forward(x)
dx = layer.backward(dout)
print("dx =\n", dx)
print("dout after the call =\n", dout)
np.testing.assert_allclose(dx, [[1, 0, -3, 0], [0, 2, 0, -4]], rtol=0, atol=1e-12)
np.testing.assert_array_equal(dout, dout_before)  # the caller's array is untouched

# %%
# A numerical check: ``backward(dout)`` is the gradient of :math:`\langle y, dY\rangle` with
# :math:`dY` fixed. ReLU is linear near every one of these inputs (none is within
# :math:`h = 10^{-4}` of 0), so central differences are exact up to rounding.
numerical = numerical_gradient(lambda v: np.sum(Relu().forward(v) * dout), x)
print(f"largest difference from the numerical gradient: {np.max(np.abs(numerical - dx)):.1e}")
np.testing.assert_allclose(numerical, dx, rtol=0, atol=1e-9)

# %%
# The book's version
# ------------------
# The book (and the course) masks the *caller's* array in place:


class BookRelu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout[self.mask] = 0  # writes into the array the caller passed in
        dx = dout
        return dx


book = BookRelu()
book.forward(x)
caller_dout = dout.copy()
book_dx = book.backward(caller_dout)
print("book's dx =\n", book_dx)
print("the caller's dout after the call =\n", caller_dout)
np.testing.assert_allclose(book_dx, dx, rtol=0, atol=1e-12)
assert book_dx is caller_dout  # the "new" gradient is the caller's array, now edited
assert not np.array_equal(caller_dout, dout_before)

# %%
# The returned gradient is right, but the caller's ``dout`` has changed, and ``dx`` *is* that
# array. In a plain chain of layers nobody looks at ``dout`` again, so nothing goes wrong. It goes
# wrong as soon as one upstream gradient feeds two branches.
#
# When it matters: a gradient used twice
# --------------------------------------
# Take :math:`z = \operatorname{ReLU}(x) + x` (a "skip connection", as in residual networks).
# The upstream gradient :math:`dZ` flows back along both branches and the two contributions add:
#
# .. math::
#
#     \frac{\partial L}{\partial x} = dZ \odot [x > 0] + dZ .
#
# With the book's layer, the second term reads a ``dZ`` that the first term has already zeroed:


def skip_backward(relu_layer, dz):
    return relu_layer.backward(dz) + dz


def skip_forward(v):
    return Relu().forward(v) + v


dz = dout.copy()
layer.forward(x)
library_skip = skip_backward(layer, dz)
book.forward(x)
book_skip = skip_backward(book, dz.copy())
numerical_skip = numerical_gradient(lambda v: np.sum(skip_forward(v) * dz), x)
print("numerical gradient =\n", numerical_skip.round(6))
print("library layer      =\n", library_skip)
print("book's layer       =\n", book_skip)
np.testing.assert_allclose(library_skip, numerical_skip, rtol=0, atol=1e-9)
assert not np.allclose(book_skip, numerical_skip)

# %%
# The library's layer agrees with the numerical gradient. The book's loses the skip branch's
# gradient wherever :math:`x \le 0`: there the answer should be :math:`dZ`, but by the time the
# sum is formed that entry of ``dz`` is already 0. (Where :math:`x > 0` it happens to be right.)
# The rule the library follows: a function does not modify its arguments unless modifying them is
# its documented job.
