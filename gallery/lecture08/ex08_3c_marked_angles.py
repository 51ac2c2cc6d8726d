r"""
8.3c Maximum, minimum and zeros of the directional derivative
=============================================================

On the curve of 8.3b, :math:`D_u f = \cos a + 2\sin a` for :math:`f(x, y) = x + y^2` at
:math:`(0, 1)` (reconstructed statement), mark the angle of the gradient
:math:`\theta = \operatorname{arctan2}(2, 1)`, and :math:`\theta + \pi`,
:math:`\theta + \pi/2`, :math:`\theta + 3\pi/2`: the directions of 8.3a. They land on the
maximum, the minimum and the two zeros of the curve.
"""

# %%
# The four angles
# ---------------
# ``np.arctan2(y, x)`` is the angle of the vector :math:`(x, y)` in the right quadrant; for the
# gradient :math:`(1, 2)` it equals :math:`\arctan 2 \approx 1.107` (63.4°). Since
# :math:`D_u f = \sqrt5 \sin(a + \arctan\frac12)` and :math:`\theta + \arctan\frac12 = \pi/2`,
# the curve peaks at :math:`a = \theta`, bottoms out half a turn later, and crosses zero a quarter
# turn either side.
import matplotlib.pyplot as plt
import numpy as np


def directional_derivative(a):
    return np.cos(a) + 2 * np.sin(a)


theta = np.arctan2(2, 1)
marks = {
    "θ (along the gradient)": theta,
    "θ + π/2 (across)": theta + np.pi / 2,
    "θ + π (against the gradient)": theta + np.pi,
    "θ + 3π/2 (across)": theta + 3 * np.pi / 2,
}
for name, angle in marks.items():
    value = np.round(directional_derivative(angle), 6) + 0.0
    print(f"{name:30s} a = {angle:.4f}  D_u f = {value:+.6f}")

# %%
# The checks: the marked values are :math:`\pm\sqrt5` and 0, and no angle of a fine grid does better
# than the marked maximum or worse than the marked minimum.
a = np.arange(0, 2 * np.pi, 1e-4)
curve = directional_derivative(a)
values = [directional_derivative(angle) for angle in marks.values()]
assert np.isclose(values[0], np.sqrt(5))
assert np.isclose(values[2], -np.sqrt(5))
assert abs(values[1]) < 1e-12
assert abs(values[3]) < 1e-12
assert curve.max() <= values[0] + 1e-12
assert curve.min() >= values[2] - 1e-12
assert abs(a[np.argmax(curve)] - theta) < 1e-3
assert abs(a[np.argmin(curve)] - (theta + np.pi)) < 1e-3
assert theta + 3 * np.pi / 2 < 2 * np.pi  # all four marks fall inside [0, 2π)

# %%
# The plot
# --------
fig, ax = plt.subplots(figsize=(7, 4))
ax.plot(a, curve, label=r"$\cos a + 2\sin a$")
ax.axhline(0, color="black", linestyle="--", linewidth=0.8)
for (name, angle), marker in zip(marks.items(), ["^", "o", "v", "s"], strict=True):
    ax.plot(angle, directional_derivative(angle), marker, color="tab:red", markersize=8, label=name)
ax.set_xticks(np.arange(0, 2.01, 0.5) * np.pi, ["0", "π/2", "π", "3π/2", "2π"])
ax.set_xlabel("angle a of the direction u = (cos a, sin a)")
ax.set_ylabel(r"$D_u f(0, 1)$")
ax.set_title("The gradient's angle marks the maximum")
ax.legend(loc="lower left", fontsize=8)
