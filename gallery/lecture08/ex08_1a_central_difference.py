r"""
8.1a Central difference of sin
==============================

The central difference

.. math::

    g(x) = \frac{f(x + h) - f(x - h)}{2h}, \qquad h = 10^{-4},

estimates the derivative of :math:`f` from two values of :math:`f` alone. For :math:`f = \sin` on
:math:`[0, 2\pi)` it should trace :math:`\cos x`. This page plots :math:`f`, :math:`g` and
:math:`\cos` together with the axes, and checks that :math:`g` and :math:`\cos` agree to far
better than the eye can see.
"""

# %%
# The estimate
# ------------
# :func:`nnscratch.gradients.numerical_diff` computes the central difference at every point of an
# array at once (``sin`` works elementwise). The grid is the course's: steps of 0.01 from 0 up to,
# not including, :math:`2\pi`.
import matplotlib.pyplot as plt
import numpy as np

from nnscratch.gradients import numerical_diff

h = 1e-4
x = np.arange(0, 2 * np.pi, 0.01)
g = numerical_diff(np.sin, x, h=h, method="central")

# %%
# The figure
# ----------
# The red curve :math:`g` lies exactly on the dashed :math:`\cos x`: where :math:`\sin` rises
# (:math:`0 < x < \pi/2` and :math:`3\pi/2 < x < 2\pi`) the estimate is positive, at the top and
# bottom of :math:`\sin` it crosses zero.
fig, ax = plt.subplots(figsize=(7, 4))
ax.plot(x, np.sin(x), label=r"$f(x) = \sin x$")
ax.plot(x, g, color="red", linewidth=3, alpha=0.6, label=r"$g(x)$, central difference")
ax.plot(x, np.cos(x), "k--", linewidth=1, label=r"$\cos x$")
ax.axhline(0, color="black", linewidth=0.8)
ax.axvline(0, color="black", linewidth=0.8)
ax.set_xticks(np.arange(0, 2.01, 0.5) * np.pi, ["0", "π/2", "π", "3π/2", "2π"])
ax.set_xlabel("x")
ax.set_ylabel("value")
ax.set_title(f"The central difference of sin (h = {h:g}) traces cos")
ax.legend(loc="lower left")

# %%
# How close?
# ----------
# The Taylor series says the central difference is off by :math:`\frac{h^2}{6} f'''(\xi)`, here at
# most :math:`h^2/6 \approx 1.7 \times 10^{-9}` since :math:`|\sin'''| = |\cos| \le 1`. The largest
# error over the grid stays below that bound (plus a round-off of about :math:`10^{-12}`).
max_error = np.max(np.abs(g - np.cos(x)))
bound = h**2 / 6
print(f"max |g - cos| over the grid: {max_error:.3e}")
print(f"Taylor bound h^2/6:          {bound:.3e}")
assert max_error < 1e-7
assert max_error < bound + 1e-11
