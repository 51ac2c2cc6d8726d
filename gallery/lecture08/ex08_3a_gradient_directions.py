r"""
8.3a Directions of fastest increase, fastest decrease and no change
===================================================================

The original statement of exercise 8.3 is lost; it survives only as a function whose gradient at
the point :math:`(0, 1)` is :math:`(1, 2)`. The reconstructed statement: for
:math:`f(x, y) = x + y^2`, whose gradient :math:`\nabla f = (1, 2y)` is :math:`(1, 2)` at
:math:`(0, 1)`, find the unit directions in which :math:`f` increases fastest, decreases fastest
and does not change at :math:`(0, 1)`.

The rate of change of :math:`f` along a unit vector :math:`u` is the directional derivative
:math:`D_u f = \nabla f \cdot u = \lVert \nabla f \rVert \cos \varphi`, where :math:`\varphi` is the
angle between :math:`u` and the gradient. It is largest along the gradient
(:math:`\cos\varphi = 1`), smallest against it (:math:`\cos\varphi = -1`) and zero across it.
"""

# %%
# The gradient at (0, 1)
# ----------------------
import matplotlib.pyplot as plt
import numpy as np

from nnscratch.gradients import numerical_gradient


def f(p):
    return p[0] + p[1] ** 2


point = np.array([0.0, 1.0])
grad = numerical_gradient(f, point)
print("gradient at (0, 1):", grad)
assert np.allclose(grad, [1, 2], atol=1e-8)

# %%
# The four directions
# -------------------
# Divided by its length :math:`\sqrt 5`, the gradient gives the direction of fastest increase; its
# negative the direction of fastest decrease; the gradient turned by :math:`\pm 90°` the two
# directions of no change.
norm = np.linalg.norm(grad)
directions = {
    "fastest increase": grad / norm,
    "fastest decrease": -grad / norm,
    "no change (+90°)": np.array([-grad[1], grad[0]]) / norm,
    "no change (-90°)": np.array([grad[1], -grad[0]]) / norm,
}
h = 1e-5
for name, u in directions.items():
    exact = grad @ u
    numerical = (f(point + h * u) - f(point - h * u)) / (2 * h)
    shown = np.round([u[0], u[1], exact, numerical], 4) + 0.0  # + 0.0: no "-0.0000"
    print(f"{name:17s} u = ({shown[0]:+.4f}, {shown[1]:+.4f})  D_u f = {shown[2]:+.4f}", end="")
    print(f" (numerically {shown[3]:+.4f})")
    assert abs(numerical - exact) < 1e-6

D = {name: grad @ u for name, u in directions.items()}
assert np.isclose(D["fastest increase"], np.sqrt(5))
assert np.isclose(D["fastest decrease"], -np.sqrt(5))
assert np.isclose(D["no change (+90°)"], 0, atol=1e-8)
assert np.isclose(D["no change (-90°)"], 0, atol=1e-8)

# %%
# So the directions are :math:`(1, 2)/\sqrt5`, :math:`-(1, 2)/\sqrt5` and
# :math:`\pm(-2, 1)/\sqrt5`, and the largest rate of change is :math:`\lVert\nabla f\rVert =
# \sqrt5 \approx 2.236`.
#
# A slip in the original
# ----------------------
# The original solution gives the directions of no change as :math:`\langle -2, 1\rangle` "or"
# :math:`\langle 1, -2\rangle`. The second is not perpendicular to the gradient: its dot product
# with :math:`(1, 2)` is :math:`-3`, so :math:`f` decreases along it. The opposite of
# :math:`(-2, 1)` is :math:`(2, -1)`.
print("(1, 2) . (1, -2) =", grad.round(8) @ np.array([1, -2]))
print("(1, 2) . (2, -1) =", grad.round(8) @ np.array([2, -1]))
assert abs(grad @ np.array([1, -2]) + 3) < 1e-6
assert abs(grad @ np.array([2, -1])) < 1e-6

# %%
# The picture
# -----------
# On the level curves of :math:`f` (parabolas :math:`x = c - y^2`), the gradient points across
# them towards higher values, and the no-change directions are tangent to the level curve through
# :math:`(0, 1)` (in black, :math:`f = 1`). Equal axis scales keep right angles right.
xs, ys = np.meshgrid(np.linspace(-2, 2, 200), np.linspace(-0.5, 2.5, 200))
fig, ax = plt.subplots(figsize=(6, 5))
contours = ax.contour(xs, ys, xs + ys**2, levels=np.arange(-2, 7.5, 0.5), cmap="viridis")
ax.clabel(contours, fontsize=7)
ax.contour(xs, ys, xs + ys**2, levels=[f(point)], colors="black", linewidths=2)
colors = ["tab:red", "tab:blue", "tab:green", "tab:olive"]
for (name, u), color in zip(directions.items(), colors, strict=True):
    ax.annotate(
        "",
        xy=point + u,
        xytext=point,
        arrowprops={"arrowstyle": "->", "color": color, "linewidth": 2},
    )
    ax.plot([], [], color=color, linewidth=2, label=name)
ax.plot(*point, "ko")
ax.set_aspect("equal")
ax.set_xlabel("x")
ax.set_ylabel("y")
ax.set_title(r"$f(x, y) = x + y^2$: directions at $(0, 1)$")
ax.legend(loc="lower left", fontsize=8)
