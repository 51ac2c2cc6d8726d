r"""
9.1e The descent path over the level curves
===========================================

The path of 9.1d (learning rate 0.1, 30 steps from :math:`(0, 0)`) drawn over 30 level curves of
:math:`f(x_0, x_1) = x_0^2 + x_1^2 + x_0 x_1 - 4x_0 - 8x_1`. Each step leaves its point at a right
angle to the level curve through that point: the step is :math:`-\eta \nabla f`, and the gradient is
perpendicular to the level curves. The page checks this twice, against the gradient and against the
level curves themselves.
"""

# %%
# The picture
# -----------
# :func:`nnscratch.plotting.contour_descent` draws the level curves and the path, with equal axis
# scales: on stretched axes right angles do not look right.
import contourpy
import numpy as np

from nnscratch.optim import gradient_descent
from nnscratch.plotting import contour_descent


def f(x):
    return x[0] ** 2 + x[1] ** 2 + x[0] * x[1] - 4 * x[0] - 8 * x[1]


def grad_f(x):
    return np.array([2 * x[0] + x[1] - 4, 2 * x[1] + x[0] - 8])


x, history = gradient_descent(f, [0.0, 0.0], lr=0.1, step_num=30)
fig = contour_descent(f, history, xlim=(-1, 5), ylim=(-1, 5), levels=30)
ax = fig.axes[0]
ax.plot(0, 4, "k*", markersize=12, label="minimum (0, 4)")
ax.set_xlabel("$x_0$")
ax.set_ylabel("$x_1$")
ax.set_title("Gradient descent crosses the level curves at right angles")
ax.legend(loc="lower right")

# %%
# Check 1: every step points along the negative gradient
# ------------------------------------------------------
# The cosine of the angle between step :math:`k` and :math:`-\nabla f(x^{(k)})` (the exact
# gradient) is 1 up to the error of the numerical gradient that made the step.
steps = np.diff(history, axis=0)
gradients = np.array([grad_f(point) for point in history[:-1]])
cosines = np.einsum("ij,ij->i", steps, -gradients) / (
    np.linalg.norm(steps, axis=1) * np.linalg.norm(gradients, axis=1)
)
print(f"cosine(step, -gradient): min {cosines.min():.12f}, max {cosines.max():.12f}")
assert np.allclose(cosines, 1, rtol=0, atol=1e-9)

# %%
# Check 2: every step is perpendicular to the level curve it leaves
# -----------------------------------------------------------------
# This time no derivative is used at all. For each point :math:`x^{(k)}`, trace the level curve
# :math:`f = f(x^{(k)})` on a fine grid around the point (with ``contourpy``, the library matplotlib
# draws contours with), take its direction at the vertex nearest :math:`x^{(k)}`, and measure the
# angle to the step.
offsets = np.linspace(-0.002, 0.002, 81)
angles = []
for point, step in zip(history[:-1], steps, strict=True):
    grid_0, grid_1 = np.meshgrid(point[0] + offsets, point[1] + offsets)
    tracer = contourpy.contour_generator(grid_0, grid_1, f(np.stack([grid_0, grid_1])))
    vertices = max(tracer.lines(f(point)), key=len)
    nearest = np.argmin(np.linalg.norm(vertices - point, axis=1))
    tangent = vertices[min(nearest + 1, len(vertices) - 1)] - vertices[max(nearest - 1, 0)]
    cosine = tangent @ step / (np.linalg.norm(tangent) * np.linalg.norm(step))
    angles.append(np.degrees(np.arccos(abs(cosine))))
angles = np.array(angles)
print(f"angle between step and level curve: from {angles.min():.2f}° to {angles.max():.2f}°")

# %%
# The angles miss 90° by a few hundredths of a degree at most: that is the straight-segment
# approximation of the traced curve, and it shrinks as the tracing grid gets finer.
assert np.all(np.abs(angles - 90) < 0.2)

# %%
# A step is a straight segment, so it meets the *next* level curves at other angles, and it ends on
# a level curve it does not cross at right angles; the next step turns. The path therefore bends
# where the level curves bend, which is why it curves towards :math:`(0, 4)` instead of heading
# straight for it.
