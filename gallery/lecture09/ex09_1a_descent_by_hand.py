r"""
9.1a Two steps of gradient descent by hand
==========================================

For

.. math::

    f(x_0, x_1) = x_0^2 + x_1^2 + x_0 x_1 - 4x_0 - 8x_1,

take two steps of gradient descent :math:`x \leftarrow x - \eta \nabla f(x)` from :math:`(0, 0)`
with learning rate :math:`\eta = 0.5`, first with pencil and paper, then with
:func:`nnscratch.optim.gradient_descent` given the exact gradient. Both give
:math:`(0, 0) \to (2, 4) \to (0, 3)`, exactly.

By hand
-------
The partial derivatives are

.. math::

    \nabla f(x_0, x_1) = \begin{pmatrix} 2x_0 + x_1 - 4 \\ 2x_1 + x_0 - 8 \end{pmatrix}.

Step 1, from :math:`(0, 0)`:

.. math::

    \nabla f(0, 0) = \begin{pmatrix} -4 \\ -8 \end{pmatrix}, \qquad
    x^{(1)} = \begin{pmatrix} 0 \\ 0 \end{pmatrix}
      - 0.5 \begin{pmatrix} -4 \\ -8 \end{pmatrix}
    = \begin{pmatrix} 2 \\ 4 \end{pmatrix}.

Step 2, from :math:`(2, 4)`:

.. math::

    \nabla f(2, 4) = \begin{pmatrix} 4 + 4 - 4 \\ 8 + 2 - 8 \end{pmatrix}
    = \begin{pmatrix} 4 \\ 2 \end{pmatrix}, \qquad
    x^{(2)} = \begin{pmatrix} 2 \\ 4 \end{pmatrix}
      - 0.5 \begin{pmatrix} 4 \\ 2 \end{pmatrix}
    = \begin{pmatrix} 0 \\ 3 \end{pmatrix}.

The function value falls from :math:`f(0, 0) = 0` to :math:`f(2, 4) = -12` to
:math:`f(0, 3) = -15`.
"""

# %%
# By code
# -------
# :func:`~nnscratch.optim.gradient_descent` takes the exact gradient through ``grad``. Every number
# involved (0.5, 4, 8, 2, ...) is exact in binary, so the floating-point path is exactly the one on
# paper.
import numpy as np

from nnscratch.optim import gradient_descent
from nnscratch.plotting import contour_descent


def f(x):
    return x[0] ** 2 + x[1] ** 2 + x[0] * x[1] - 4 * x[0] - 8 * x[1]


def grad_f(x):
    return np.array([2 * x[0] + x[1] - 4, 2 * x[1] + x[0] - 8])


x, history = gradient_descent(f, [0.0, 0.0], lr=0.5, step_num=2, grad=grad_f)
for k, point in enumerate(history):
    print(f"x^({k}) = {point},  f = {f(point):g}")
assert np.array_equal(history, [[0.0, 0.0], [2.0, 4.0], [0.0, 3.0]])
assert [f(point) for point in history] == [0.0, -12.0, -15.0]

# %%
# The two steps on the level curves
# ---------------------------------
# Each step starts perpendicular to the level curve it leaves. The minimum, at :math:`(0, 4)`
# (exercise 9.1c), is not reached in two steps.
fig = contour_descent(f, history, xlim=(-1.5, 4.5), ylim=(-1, 6), levels=30)
ax = fig.axes[0]
ax.plot(0, 4, "k*", markersize=12, label="minimum (0, 4)")
ax.set_xlabel("$x_0$")
ax.set_ylabel("$x_1$")
ax.set_title("Two steps with learning rate 0.5")
ax.legend(loc="lower right")
