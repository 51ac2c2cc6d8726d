r"""
8.2 Numerical gradient step by step
===================================

The gradient of :math:`f(x) = x_0^2 + x_1^2 + x_2^2` at :math:`(1, 1, 1)` by central differences
with :math:`h = 0.1`, one coordinate at a time: every perturbed point :math:`f` is evaluated at
is printed, and so is the gradient as it fills. The answer is :math:`(2, 2, 2)`, and for a
quadratic the central difference is exact whatever :math:`h` is, up to the rounding of the
floating-point arithmetic.
"""

# %%
# Watching the loop
# -----------------
# :func:`nnscratch.gradients.numerical_gradient` sets :math:`x_i` to :math:`x_i + h`, evaluates
# :math:`f`, sets it to :math:`x_i - h`, evaluates :math:`f` again, restores :math:`x_i` and
# stores :math:`(f(x + h e_i) - f(x - h e_i)) / 2h`. A function that prints its argument shows
# the perturbed points; the ``callback`` shows the gradient after each coordinate.
import matplotlib.pyplot as plt
import numpy as np

from nnscratch.gradients import numerical_gradient


def f(x):
    print("f at", x)
    return np.sum(x**2)


def show_progress(index, grad):
    print(f"after x{index[0]}: grad =", grad)


x = np.ones(3)
grad = numerical_gradient(f, x, h=0.1, callback=show_progress)
print("gradient:", grad, "  x afterwards:", x)

# %%
# Each coordinate gets two evaluations, :math:`x_i = 1.1` and :math:`x_i = 0.9`, the others held
# at 1, and ``x`` is back at :math:`(1, 1, 1)` at the end. The course printed the same nine lines.
assert np.array_equal(x, np.ones(3))

# %%
# Exact, up to rounding
# ---------------------
# For :math:`f(t) = t^2` the central difference has no truncation error at all:
#
# .. math::
#
#     \frac{(t + h)^2 - (t - h)^2}{2h} = \frac{4th}{2h} = 2t \quad \text{for every } h,
#
# because the error term :math:`\frac{h^2}{6} f'''` vanishes when :math:`f''' = 0`. The printed
# ``2.`` hides a rounding, though: 0.1 has no exact binary representation, so 1.1, 0.9, their
# squares and the sums :math:`f` returns are all rounded, and each entry misses 2 by a couple of
# units in the last place (printed below). The honest check is "equal to within
# :math:`10^{-12}`", not bit-for-bit equality.
print("grad - 2 =", grad - 2)
assert np.allclose(grad, 2, rtol=0, atol=1e-12)

# %%
# With a step that *is* exact in binary, :math:`h = 1/8`, every intermediate value is exact and so
# is the gradient, bit for bit:
grad_exact = numerical_gradient(lambda v: np.sum(v**2), np.ones(3), h=0.125)
print("h = 0.125:", grad_exact, "  grad - 2 =", grad_exact - 2)
assert np.array_equal(grad_exact, [2.0, 2.0, 2.0])

# %%
# A picture of the exactness
# --------------------------
# Along one coordinate, the central difference is the slope of the secant through
# :math:`(0.9, 0.81)` and :math:`(1.1, 1.21)`. For a parabola that secant is parallel to the
# tangent at the midpoint 1, even with a large :math:`h`: the figure uses :math:`h = 0.5`.
t = np.linspace(0, 2, 200)
wide = 0.5
secant_slope = ((1 + wide) ** 2 - (1 - wide) ** 2) / (2 * wide)
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(t, t**2, label=r"$t^2$")
ax.plot(t, 1 + 2 * (t - 1), "k--", label="tangent at 1, slope 2")
ax.plot(
    t,
    (1 - wide) ** 2 + secant_slope * (t - (1 - wide)),
    color="red",
    label=f"secant over [{1 - wide}, {1 + wide}], slope {secant_slope:g}",
)
ax.plot([1 - wide, 1 + wide], [(1 - wide) ** 2, (1 + wide) ** 2], "ro")
ax.set_ylim(-0.5, 4)
ax.set_xlabel("t")
ax.set_ylabel("value")
ax.set_title("For a parabola the central secant is parallel to the tangent")
ax.legend(loc="upper left")
assert secant_slope == 2.0
