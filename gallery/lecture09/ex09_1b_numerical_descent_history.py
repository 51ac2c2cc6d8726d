r"""
9.1b Gradient descent with numerical gradients, and the history pitfall
=======================================================================

The two steps of 9.1a again, with the gradient of
:math:`f(x_0, x_1) = x_0^2 + x_1^2 + x_0 x_1 - 4x_0 - 8x_1` estimated by central differences
instead of written down: the end point is :math:`(0, 3)` up to a rounding error of about
:math:`10^{-11}`. Then a classic pitfall of recording the path: appending the array ``x`` to a
list, rather than a copy of it, fills the list with the final point.
"""

# %%
# Numerical gradients
# -------------------
# Without ``grad``, :func:`nnscratch.optim.gradient_descent` calls
# :func:`nnscratch.gradients.numerical_gradient` (central differences, :math:`h = 10^{-4}`) at every
# step. For a quadratic the central difference has no truncation error (see 8.2), so what is left is
# round-off: the result is not exactly :math:`(0, 3)`, but within :math:`10^{-10}` of it.
import matplotlib.pyplot as plt
import numpy as np

from nnscratch.gradients import numerical_gradient
from nnscratch.optim import gradient_descent
from nnscratch.plotting import contour_descent


def f(x):
    return x[0] ** 2 + x[1] ** 2 + x[0] * x[1] - 4 * x[0] - 8 * x[1]


x, history = gradient_descent(f, [0.0, 0.0], lr=0.5, step_num=2)
print("end point:", x, "  (course: [4.66116035e-12 3.00000000e+00])")
print("history:")
print(history)
assert np.allclose(x, [0, 3], rtol=0, atol=1e-10)
assert np.allclose(history, [[0, 0], [2, 4], [0, 3]], rtol=0, atol=1e-10)

# %%
# The history pitfall
# -------------------
# A hand-written descent loop often records its path like this. ``x -= lr * grad`` changes the
# array ``x`` *in place*, and ``history.append(x)`` stores a reference to that one array, not its
# current values. Every entry of the list is the same object, so at the end they all show the
# final point.


def descent_with_history(f, init_x, lr, step_num, copy):
    x = np.array(init_x, dtype=float)
    history = [x.copy() if copy else x]
    for _ in range(step_num):
        x -= lr * numerical_gradient(f, x)
        history.append(x.copy() if copy else x)
    return x, history


_, aliased = descent_with_history(f, [0.0, 0.0], lr=0.5, step_num=2, copy=False)
_, copied = descent_with_history(f, [0.0, 0.0], lr=0.5, step_num=2, copy=True)

print(f"{'step':>4}  {'append(x)':>24}  {'append(x.copy())':>24}")
for k, (a, c) in enumerate(zip(aliased, copied, strict=True)):
    print(f"{k:>4}  {np.array2string(a, precision=3):>24}  {np.array2string(c, precision=3):>24}")

# %%
# The left column is three views of one array, which ended at :math:`(0, 3)`; the right column is
# the actual path. ``x.copy()`` makes a new array that later updates do not touch.
assert all(entry is aliased[0] for entry in aliased)
assert np.allclose(np.array(aliased), [[0, 3], [0, 3], [0, 3]], atol=1e-10)
assert np.allclose(np.array(copied), [[0, 0], [2, 4], [0, 3]], atol=1e-10)

fig, axes = plt.subplots(1, 2, figsize=(9, 4.5), sharey=True)
for ax, recorded, title in zip(
    axes, [aliased, copied], ["history.append(x)", "history.append(x.copy())"], strict=True
):
    contour_descent(f, np.array(recorded), xlim=(-1.5, 4.5), ylim=(-1, 6), levels=30, ax=ax)
    ax.set_title(title)
    ax.set_xlabel("$x_0$")
    ax.set_ylabel("$x_1$")
fig.suptitle("The recorded path: three aliases of the last point, or the real path")

# %%
# What the library's history holds
# --------------------------------
# :func:`~nnscratch.optim.gradient_descent` returns a history of ``step_num + 1`` rows: the start
# and the point after every step, each a copy. (A loop that appends *before* each update, as the
# course's first version did, records the start but never the final point: two rows for two
# steps. The course noticed and moved the append after the update.) The library also copies the
# starting point, so the caller's array is left as it was, which a loop beginning with
# ``x = init_x`` would not do.
init_x = np.array([0.0, 0.0])
x, history = gradient_descent(f, init_x, lr=0.5, step_num=2)
print("rows in history:", len(history), "  init_x afterwards:", init_x)
assert len(history) == 3
assert np.array_equal(history, copied)
assert np.array_equal(init_x, [0.0, 0.0])
