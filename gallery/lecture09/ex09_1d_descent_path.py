r"""
9.1d Thirty steps with learning rate 0.1
========================================

Gradient descent on :math:`f(x_0, x_1) = x_0^2 + x_1^2 + x_0 x_1 - 4x_0 - 8x_1` from
:math:`(0, 0)` with learning rate :math:`\eta = 0.1`, 30 steps, numerical gradients. The path heads
for the minimum :math:`(0, 4)` of 9.1c, fast at first, then slowly along a curve; after 30 steps it
is about 0.1 short. For a quadratic the whole path can be predicted exactly, and it is.
"""

# %%
# The descent
# -----------
import matplotlib.pyplot as plt
import numpy as np

from nnscratch.optim import gradient_descent


def f(x):
    return x[0] ** 2 + x[1] ** 2 + x[0] * x[1] - 4 * x[0] - 8 * x[1]


minimum = np.array([0.0, 4.0])
x, history = gradient_descent(f, [0.0, 0.0], lr=0.1, step_num=30)
distance = np.linalg.norm(history - minimum, axis=1)
values = np.array([f(point) for point in history])
print(f"after 30 steps: x = {x.round(4)}, f = {f(x):.4f}, distance to (0, 4) = {distance[-1]:.4f}")
assert np.all(np.diff(values) < 0)
assert np.all(np.diff(distance) < 0)
assert distance[-1] < 0.15

# %%
# Why it slows down
# -----------------
# The gradient of this quadratic is :math:`\nabla f(x) = H (x - x^*)`, with the Hessian
# :math:`H = \begin{pmatrix} 2 & 1 \\ 1 & 2 \end{pmatrix}` and :math:`x^* = (0, 4)`. One step maps
# the error :math:`e = x - x^*` to :math:`(I - \eta H)\,e`, so after :math:`k` steps
#
# .. math::
#
#     x^{(k)} - x^* = (I - \eta H)^k \,(x^{(0)} - x^*).
#
# Along the eigenvector :math:`(1, 1)/\sqrt2` (eigenvalue 3) the error shrinks by
# :math:`1 - 0.1 \cdot 3 = 0.7` per step; along :math:`(1, -1)/\sqrt2` (eigenvalue 1) only by
# :math:`0.9`. The steep direction is done after a few steps, and the path then creeps along the
# valley floor at the slow rate: :math:`0.9^{30} \approx 0.04`. The numerical-gradient path follows
# the formula to rounding.
H = np.array([[2.0, 1.0], [1.0, 2.0]])
step_matrix = np.eye(2) - 0.1 * H
predicted = np.array(
    [np.linalg.matrix_power(step_matrix, k) @ (history[0] - minimum) for k in range(31)]
)
gap = np.max(np.abs(history - minimum - predicted))
print(f"largest gap between the path and the formula: {gap:.1e}")
print(f"shrink factors per step: {np.linalg.eigvalsh(step_matrix).round(2)}")
assert np.allclose(history - minimum, predicted, rtol=0, atol=1e-8)

# %%
# The path
# --------
# The left panel is the course's plot: the points in the plane with the axes. The right panel shows
# the distance to the minimum on a log scale; after the first few steps it is a straight line of
# slope :math:`\log 0.9` per step, the slow eigen-direction.
fig, (ax_path, ax_distance) = plt.subplots(1, 2, figsize=(10, 4.5))
ax_path.axhline(0, color="tab:blue", linestyle="--", linewidth=1)
ax_path.axvline(0, color="tab:blue", linestyle="--", linewidth=1)
ax_path.plot(history[:, 0], history[:, 1], "ro", markersize=4, label="x after each step")
ax_path.plot(*minimum, "k*", markersize=12, label="minimum (0, 4)")
ax_path.set_xlim(-1, 5)
ax_path.set_ylim(-1, 5)
ax_path.set_aspect("equal")
ax_path.set_xlabel("$x_0$")
ax_path.set_ylabel("$x_1$")
ax_path.set_title("30 steps, learning rate 0.1")
ax_path.legend(loc="lower right")

steps = np.arange(31)
ax_distance.semilogy(steps, distance, "ro", markersize=4, label="distance to (0, 4)")
slow = abs((history[0] - minimum) @ np.array([1, -1]) / np.sqrt(2))  # error along (1, -1)/sqrt2
ax_distance.semilogy(
    steps, slow * 0.9**steps, "k--", linewidth=1, label=r"$0.9^k$ (slow direction)"
)
ax_distance.set_xlabel("step k")
ax_distance.set_ylabel("distance")
ax_distance.set_title("The error shrinks by 0.9 per step, eventually")
ax_distance.legend()
