r"""
8.1b Central against forward difference
=======================================

On 1,000 points drawn from the standard normal distribution, how far are the central difference
:math:`(f(x+h) - f(x-h)) / 2h` and the forward difference :math:`(f(x+h) - f(x)) / h` of
:math:`f = \sin` from the true derivative :math:`\cos x`, with :math:`h = 10^{-4}`? The central
difference is tens of thousands of times closer, and the Taylor series predicts both errors almost
to the digit.
"""

# %%
# The points and the two estimates
# --------------------------------
# The points come from a seeded generator, so the page shows the same numbers at every build (the
# course drew them with ``np.random.randn``, without a seed).
import matplotlib.pyplot as plt
import numpy as np

from nnscratch.gradients import numerical_diff

rng = np.random.default_rng(8)
x = rng.standard_normal(1000)
h = 1e-4

central = numerical_diff(np.sin, x, h=h, method="central")
forward = numerical_diff(np.sin, x, h=h, method="forward")
central_error = np.abs(central - np.cos(x))
forward_error = np.abs(forward - np.cos(x))

print(f"mean abs error, central: {central_error.mean():.3e}   (course: 1.18e-09)")
print(f"mean abs error, forward: {forward_error.mean():.3e}   (course: 2.83e-05)")
print(f"forward / central: {forward_error.mean() / central_error.mean():,.0f}")
assert central_error.mean() < 1e-8
assert 1e-5 < forward_error.mean() < 1e-4

# %%
# Why: the Taylor series
# ----------------------
# Expand :math:`f(x \pm h) = f(x) \pm h f'(x) + \frac{h^2}{2} f''(x) \pm \frac{h^3}{6} f'''(x) +
# \dots`. The forward difference keeps the :math:`h^2` term:
#
# .. math::
#
#     \frac{f(x+h) - f(x)}{h} = f'(x) + \frac{h}{2} f''(x) + O(h^2),
#
# an error of order :math:`h`. In the central difference the even terms cancel:
#
# .. math::
#
#     \frac{f(x+h) - f(x-h)}{2h} = f'(x) + \frac{h^2}{6} f'''(x) + O(h^4),
#
# an error of order :math:`h^2`. For :math:`\sin`, :math:`f'' = -\sin` and :math:`f''' = -\cos`,
# so the errors should be :math:`\frac{h}{2}|\sin x|` and :math:`\frac{h^2}{6}|\cos x|`. Averaged
# over the same 1,000 points, the predictions match the measured means within a few percent.
predicted_forward = (h / 2 * np.abs(np.sin(x))).mean()
predicted_central = (h**2 / 6 * np.abs(np.cos(x))).mean()
print(f"central: measured {central_error.mean():.3e}, predicted {predicted_central:.3e}")
print(f"forward: measured {forward_error.mean():.3e}, predicted {predicted_forward:.3e}")
assert abs(central_error.mean() / predicted_central - 1) < 0.05
assert abs(forward_error.mean() / predicted_forward - 1) < 0.05

# %%
# Point by point
# --------------
# On a logarithmic scale each error follows its prediction: the forward error vanishes where
# :math:`\sin x = 0` (at :math:`x = 0`), the central one where :math:`\cos x = 0` (at
# :math:`x = \pm\pi/2`), and everywhere else the two sit four orders of magnitude apart.
order = np.argsort(x)
fig, ax = plt.subplots(figsize=(7, 4))
ax.semilogy(x, forward_error, ".", markersize=3, label="forward difference")
ax.semilogy(x, central_error, ".", markersize=3, label="central difference")
ax.semilogy(x[order], h / 2 * np.abs(np.sin(x[order])), "k-", linewidth=0.8)
ax.semilogy(
    x[order], h**2 / 6 * np.abs(np.cos(x[order])), "k-", linewidth=0.8, label="Taylor prediction"
)
ax.set_ylim(1e-13, 1e-3)
ax.set_xlabel("x (1,000 standard-normal points)")
ax.set_ylabel("|estimate - cos x|")
ax.set_title(f"Errors of the two differences of sin, h = {h:g}")
ax.legend(loc="lower right")

# %%
# Shrinking h
# -----------
# The order shows when :math:`h` shrinks: ten times smaller :math:`h` makes the forward error ten
# times smaller and the central error a hundred times smaller (until round-off takes over, see
# 8.4).
for step in [1e-2, 1e-3, 1e-4]:
    c = np.abs(numerical_diff(np.sin, x, h=step) - np.cos(x)).mean()
    f = np.abs(numerical_diff(np.sin, x, h=step, method="forward") - np.cos(x)).mean()
    print(f"h = {step:.0e}: central {c:.2e}, forward {f:.2e}")
