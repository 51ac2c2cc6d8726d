r"""
9.2 The starting point decides the minimum
==========================================

Gradient descent on the quartic :math:`f(x) = x(x - 1)(x - 2)(x - 4)`, which has two minima, with
its exact derivative, learning rate 0.02 and 10 steps from each of the starts 0, 1, 2 and 4. The
starts 0 and 1 slide into the shallow minimum near :math:`x = 0.39`, the starts 2 and 4 into the
deep one near :math:`x = 3.33`: descent only goes downhill from where it is, so it finds the
minimum of the valley it starts in, which need not be the global one.
"""

# %%
# The function and its critical points
# -------------------------------------
# The derivative by the product rule, as in the course:
#
# .. math::
#
#     f'(x) = (x-1)(x-2)(x-4) + x(x-2)(x-4) + x(x-1)(x-4) + x(x-1)(x-2).
#
# :math:`f'` is a cubic, so :math:`f` has three critical points: the roots of :math:`f'`, computed
# here from the polynomial's coefficients. The second derivative tells minima (:math:`f'' > 0`) from
# the maximum.
import matplotlib.pyplot as plt
import numpy as np

from nnscratch.optim import gradient_descent


def f(x):
    return x * (x - 1.0) * (x - 2.0) * (x - 4.0)


def df(x):
    return (
        (x - 1.0) * (x - 2.0) * (x - 4.0)
        + x * (x - 2.0) * (x - 4.0)
        + x * (x - 1.0) * (x - 4.0)
        + x * (x - 1.0) * (x - 2.0)
    )


coefficients = np.poly([0, 1, 2, 4])  # x(x-1)(x-2)(x-4) expanded
critical = np.sort(np.roots(np.polyder(coefficients)).real)
curvature = np.polyval(np.polyder(coefficients, 2), critical)
minima = critical[curvature > 0]
maximum = critical[curvature < 0][0]
global_minimum = minima[np.argmin(f(minima))]
for point, c in zip(critical, curvature, strict=True):
    kind = "minimum" if c > 0 else "maximum"
    print(f"x = {point:.4f}: f = {f(point):+.4f}, f'' = {c:+.2f}  ({kind})")
print(f"global minimum at x = {global_minimum:.4f}")
assert np.allclose(df(critical), 0, atol=1e-9)
assert len(minima) == 2

# %%
# Ten steps from each start
# -------------------------
# :func:`nnscratch.optim.gradient_descent` accepts a scalar start and the exact derivative as
# ``grad``.
starts = [0.0, 1.0, 2.0, 4.0]
paths = {}
for start in starts:
    _, paths[start] = gradient_descent(f, start, lr=0.02, step_num=10, grad=df)
    end = paths[start][-1]
    nearest = minima[np.argmin(np.abs(minima - end))]
    print(f"start {start:.0f}: end x = {end:.4f}, f = {f(end):+.4f}, nearest minimum {nearest:.4f}")

# %%
# Which valley is a start in? The one on its side of the maximum at :math:`x \approx 1.53`. Every
# path goes downhill, ends within 0.25 of its valley's minimum, and the valleys differ: starts 0
# and 1 never reach the global minimum, however long they run.
reached = set()
for start, path in paths.items():
    valley_minimum = minima[0] if start < maximum else minima[1]
    assert np.all(np.diff(f(path)) < 0)
    assert abs(path[-1] - valley_minimum) < 0.25
    reached.add(float(valley_minimum))
    # with many more steps the descent settles in the same valley
    settled, _ = gradient_descent(f, start, lr=0.02, step_num=500, grad=df)
    assert abs(settled - valley_minimum) < 1e-6
assert len(reached) == 2
missed = [start for start, path in paths.items() if abs(path[-1] - global_minimum) > 1]
print("starts that miss the global minimum:", missed)
assert missed == [0.0, 1.0]

# %%
# The four descents
# -----------------
# One panel per start, as in the course; the points darken step by step. From 4 the first step is
# long (:math:`f'(4) = 24`, so the step is :math:`0.02 \cdot 24 = 0.48`) and then they shorten as
# the slope flattens; from 2 the slope is gentle and 10 steps do not quite reach the bottom.
grid = np.linspace(-0.5, 4.5, 400)
fig, axes = plt.subplots(2, 2, figsize=(9, 7), sharex=True, sharey=True)
for ax, (start, path) in zip(axes.flat, paths.items(), strict=True):
    ax.plot(grid, f(grid), color="skyblue", label="f(x)")
    ax.scatter(
        path,
        f(path),
        c=np.arange(len(path)),
        cmap="Reds",
        vmin=-4,
        edgecolors="black",
        zorder=3,
        label="steps",
    )
    ax.plot(global_minimum, f(global_minimum), "k*", markersize=11, label="global minimum")
    ax.set_ylim(-8, 6)
    ax.set_title(f"start {start:.0f}: ends at {path[-1]:.3f}")
    ax.set_xlabel("x")
    ax.set_ylabel("f(x)")
axes[0, 0].legend(loc="lower left", fontsize=8)
fig.suptitle("Gradient descent on x(x-1)(x-2)(x-4): learning rate 0.02, 10 steps")
