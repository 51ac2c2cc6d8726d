r"""
8.3b The directional derivative as a function of the angle
==========================================================

Continuing 8.3a (reconstructed statement: :math:`f(x, y) = x + y^2` at :math:`(0, 1)`, gradient
:math:`(1, 2)`): along the unit vector :math:`u = (\cos a, \sin a)` the directional derivative is

.. math::

    D_u f = \nabla f \cdot u = \cos a + 2 \sin a = \sqrt5\, \sin\!\left(a + \arctan\tfrac12\right).

This page plots both forms over :math:`[0, 2\pi)`, where they coincide, and checks them against
central differences of :math:`f` along :math:`u`.
"""

# %%
# Why the two forms agree
# -----------------------
# The harmonic-addition identity writes :math:`A\cos a + B\sin a` as :math:`R\sin(a + \phi)` with
# :math:`R = \sqrt{A^2 + B^2}` and :math:`\tan\phi = A/B`: expanding
# :math:`R\sin(a+\phi) = R\cos\phi\,\sin a + R\sin\phi\,\cos a` and matching coefficients gives
# :math:`R\cos\phi = B = 2` and :math:`R\sin\phi = A = 1`, so :math:`R = \sqrt5` and
# :math:`\phi = \arctan\frac12` (the original wrote it as :math:`\arcsin(1/\sqrt5)`, the same
# angle). The amplitude :math:`\sqrt5` is the length of the gradient: no direction changes
# :math:`f` faster.
import matplotlib.pyplot as plt
import numpy as np


def f(p):
    return p[0] + p[1] ** 2


a = np.arange(0, 2 * np.pi, 0.01)
dot_form = np.cos(a) + 2 * np.sin(a)
sine_form = np.sqrt(5) * np.sin(a + np.arctan(1 / 2))
print(f"max difference between the two forms: {np.max(np.abs(dot_form - sine_form)):.1e}")
assert np.allclose(dot_form, sine_form, rtol=0, atol=1e-12)
assert np.isclose(np.arctan(1 / 2), np.arcsin(1 / np.sqrt(5)))

# %%
# Checked by differentiating f itself
# -----------------------------------
# At 24 angles, step a distance :math:`h` forward and back along :math:`u` from :math:`(0, 1)` and
# take the central difference: the dots land on the curve.
point = np.array([0.0, 1.0])
h = 1e-5
angles = np.arange(24) * 2 * np.pi / 24
units = np.stack([np.cos(angles), np.sin(angles)], axis=1)
numerical = np.array([(f(point + h * u) - f(point - h * u)) / (2 * h) for u in units])
formula = np.cos(angles) + 2 * np.sin(angles)
print(f"max |numerical - formula| at 24 angles: {np.max(np.abs(numerical - formula)):.1e}")
assert np.allclose(numerical, formula, rtol=0, atol=1e-8)

fig, ax = plt.subplots(figsize=(7, 4))
ax.plot(a, dot_form, linewidth=4, alpha=0.5, label=r"$\cos a + 2\sin a$")
ax.plot(a, sine_form, "k--", linewidth=1, label=r"$\sqrt{5}\,\sin(a + \arctan\frac{1}{2})$")
ax.plot(
    angles, numerical, "o", color="tab:red", markersize=4, label="central difference of f along u"
)
ax.axhline(0, color="black", linestyle="--", linewidth=0.8)
ax.set_xticks(np.arange(0, 2.01, 0.5) * np.pi, ["0", "π/2", "π", "3π/2", "2π"])
ax.set_xlabel("angle a of the direction u = (cos a, sin a)")
ax.set_ylabel(r"$D_u f(0, 1)$")
ax.set_title("The directional derivative: both forms coincide")
ax.legend(loc="lower left", fontsize=8)
