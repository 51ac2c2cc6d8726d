r"""
9.1c The critical point and the second-derivative test
======================================================

Where does :math:`f(x_0, x_1) = x_0^2 + x_1^2 + x_0 x_1 - 4x_0 - 8x_1` have its critical point,
and is it a minimum? Setting the gradient to zero gives a linear system with the solution
:math:`(0, 4)`; the Hessian :math:`\begin{pmatrix} 2 & 1 \\ 1 & 2 \end{pmatrix}` has positive
eigenvalues, so :math:`(0, 4)` is a minimum, with :math:`f(0, 4) = -16`.
"""

# %%
# The critical point
# ------------------
# :math:`\nabla f = 0` reads
#
# .. math::
#
#     \begin{aligned} 2x_0 + x_1 &= 4 \\ x_0 + 2x_1 &= 8 \end{aligned}
#     \qquad\Longleftrightarrow\qquad
#     \begin{pmatrix} 2 & 1 \\ 1 & 2 \end{pmatrix}
#     \begin{pmatrix} x_0 \\ x_1 \end{pmatrix} = \begin{pmatrix} 4 \\ 8 \end{pmatrix}.
#
# Subtracting twice the second equation from the first gives :math:`-3x_1 = -12`, so
# :math:`x_1 = 4` and :math:`x_0 = 0`. NumPy agrees:
import matplotlib.pyplot as plt
import numpy as np

from nnscratch.gradients import numerical_gradient


def f(x):
    return x[0] ** 2 + x[1] ** 2 + x[0] * x[1] - 4 * x[0] - 8 * x[1]


def grad_f(x):
    return np.array([2 * x[0] + x[1] - 4, 2 * x[1] + x[0] - 8])


A = np.array([[2.0, 1.0], [1.0, 2.0]])
b = np.array([4.0, 8.0])
critical = np.linalg.solve(A, b)
print("critical point:", critical, "  gradient there:", grad_f(critical))
print("f at the critical point:", f(critical))
assert np.allclose(critical, [0, 4], rtol=0, atol=1e-12)
assert np.allclose(grad_f(critical), 0, atol=1e-12)
assert np.isclose(f(critical), -16)

# %%
# The second-derivative test
# --------------------------
# The Hessian, the matrix of second partial derivatives, is constant for a quadratic:
# :math:`f_{x_0x_0} = 2`, :math:`f_{x_1x_1} = 2`, :math:`f_{x_0x_1} = 1`. The test in two
# variables: with :math:`D = f_{x_0x_0} f_{x_1x_1} - f_{x_0x_1}^2`, a critical point is a minimum
# if :math:`D > 0` and :math:`f_{x_0x_0} > 0`, a maximum if :math:`D > 0` and
# :math:`f_{x_0x_0} < 0`, and a saddle if :math:`D < 0`. Equivalently, a minimum when both
# eigenvalues of the Hessian are positive (it is *positive definite*). Here :math:`D = 3` and the
# eigenvalues are 1 and 3.
#
# The Hessian can also be measured: the numerical gradient of each component of the exact gradient
# gives one row.
hessian = np.array(
    [numerical_gradient(lambda x, i=i: grad_f(x)[i], critical.copy()) for i in range(2)]
)
eigenvalues, eigenvectors = np.linalg.eigh(hessian)
eigenvectors *= np.sign(eigenvectors[0])  # each eigenvector with a positive first entry
determinant = hessian[0, 0] * hessian[1, 1] - hessian[0, 1] ** 2
print("numerical Hessian:\n", hessian.round(8))
print(f"D = {determinant:.6f}, eigenvalues = {eigenvalues.round(6)}")
assert np.allclose(hessian, A, atol=1e-8)
assert np.allclose(eigenvalues, [1, 3], atol=1e-8)
assert determinant > 0
assert hessian[0, 0] > 0
assert np.all(eigenvalues > 0)

# %%
# Since :math:`f` is quadratic, :math:`f(x) = f(x^*) + \tfrac12 (x - x^*)^\top H (x - x^*)` exactly,
# with :math:`x^* = (0, 4)`: a positive definite :math:`H` makes :math:`(0, 4)` not just a local but
# the global minimum. Checked on random points:
rng = np.random.default_rng(9)
points = rng.uniform(-10, 10, size=(1000, 2))
offsets = points - critical
quadratic_form = 0.5 * np.einsum("ni,ij,nj->n", offsets, A, offsets)
assert np.allclose(f(points.T), -16 + quadratic_form)
assert np.all(f(points.T) >= -16)

# %%
# The picture
# -----------
# The level curves are ellipses around :math:`(0, 4)` whose axes point along the Hessian's
# eigenvectors, :math:`(1, -1)/\sqrt2` (eigenvalue 1, the slow, wide direction) and
# :math:`(1, 1)/\sqrt2` (eigenvalue 3, the steep, narrow one).
x0, x1 = np.meshgrid(np.linspace(-4, 4, 300), np.linspace(0, 8, 300))
fig, ax = plt.subplots(figsize=(5.5, 5.5))
contours = ax.contour(
    x0, x1, f(np.stack([x0, x1])), levels=[-15, -12, -8, -3, 3, 10, 18], cmap="viridis"
)
ax.clabel(contours, fontsize=8)
for value, vector, color in zip(eigenvalues, eigenvectors.T, ["tab:blue", "tab:red"], strict=True):
    length = 2.5 / np.sqrt(value)
    ax.annotate(
        "",
        xy=critical + length * vector,
        xytext=critical,
        arrowprops={"arrowstyle": "->", "color": color, "linewidth": 2},
    )
    ax.plot([], [], color=color, linewidth=2, label=f"eigenvector, eigenvalue {value:.0f}")
ax.plot(*critical, "k*", markersize=12, label="minimum (0, 4), f = -16")
ax.set_aspect("equal")
ax.set_xlabel("$x_0$")
ax.set_ylabel("$x_1$")
ax.set_title("Level curves around the minimum")
ax.legend(loc="lower left", fontsize=8)
