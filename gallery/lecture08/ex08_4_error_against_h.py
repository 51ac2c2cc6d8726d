r"""
8.4 Error against the step h (extra)
====================================

This page is not in the original course; it answers the question 8.1b raises. If the error of
the central difference is :math:`O(h^2)` and that of the forward difference :math:`O(h)`, why not
take :math:`h` as small as possible? Because the computer rounds. This page measures the error of
both differences of :math:`\sin` against :math:`h` from :math:`10^{-16}` to 1 on a log-log plot:
the truncation error falls as :math:`h` shrinks, the round-off error rises, and the best
:math:`h` sits where they meet, near :math:`10^{-5}` for the central difference and
:math:`10^{-8}` for the forward one.
"""

# %%
# Two kinds of error
# ------------------
# *Truncation* is the error of the formula itself, the first Taylor term it drops (8.1b):
# :math:`\frac{h}{2}|f''|` for the forward difference, :math:`\frac{h^2}{6}|f'''|` for the central.
#
# *Round-off* comes from computing in float64. Every value of :math:`f` carries a relative error
# of about the machine epsilon :math:`\varepsilon = 2.2 \times 10^{-16}`. When :math:`h` is small,
# :math:`f(x+h)` and :math:`f(x)` agree in most of their digits, the subtraction cancels those
# digits, and what is left, about :math:`\varepsilon |f|`, is divided by :math:`h`. So round-off
# grows like :math:`\varepsilon |f| / h`.
#
# The total error :math:`\approx C h^p + \varepsilon |f| / h` is smallest where both terms are of
# the same size: :math:`h^* \approx \sqrt{\varepsilon} \approx 10^{-8}` for the forward difference
# (:math:`p = 1`) and :math:`h^* \approx \sqrt[3]{\varepsilon} \approx 10^{-5}` for the central one
# (:math:`p = 2`), give or take the constants.
import matplotlib.pyplot as plt
import numpy as np

from nnscratch.gradients import numerical_diff

rng = np.random.default_rng(8)
x = rng.standard_normal(1000)
steps = np.logspace(-16, 0, 161)
errors = {
    method: np.array(
        [np.abs(numerical_diff(np.sin, x, h=h, method=method) - np.cos(x)).mean() for h in steps]
    )
    for method in ["central", "forward"]
}
eps = np.finfo(np.float64).eps
print(f"machine epsilon: {eps:.2e}, square root {np.sqrt(eps):.1e}, cube root {np.cbrt(eps):.1e}")

# %%
# The best step
# -------------
# The measured optimum of each method, on a grid of ten steps per decade:
best = {}
for method, error in errors.items():
    best[method] = steps[np.argmin(error)]
    print(f"{method}: best h = {best[method]:.1e}, mean abs error there = {error.min():.1e}")
assert 1e-6 <= best["central"] <= 1e-4
assert 1e-9 <= best["forward"] <= 1e-7

# %%
# The slopes
# ----------
# On a log-log plot a power law :math:`h^p` is a straight line of slope :math:`p`. Fitting lines to
# the two ends confirms the orders: slope 2 (central) and 1 (forward) where truncation rules, and
# slope :math:`-1` where round-off rules. A single rounding error is erratic, but averaged over
# 1,000 points its trend is clean.
log_h = np.log10(steps)
truncation_end = (steps >= 1e-3) & (steps <= 1e-1)
roundoff_end = (steps >= 1e-15) & (steps <= 1e-11)
for method, error in errors.items():
    truncation_slope = np.polyfit(log_h[truncation_end], np.log10(error[truncation_end]), 1)[0]
    roundoff_slope = np.polyfit(log_h[roundoff_end], np.log10(error[roundoff_end]), 1)[0]
    print(
        f"{method}: slope {truncation_slope:+.2f} (truncation), {roundoff_slope:+.2f} (round-off)"
    )
    order = 2 if method == "central" else 1
    assert abs(truncation_slope - order) < 0.1
    assert abs(roundoff_slope + 1) < 0.25

# %%
# The picture
# -----------
# Each curve is a V: truncation on the right, round-off on the left. The central difference
# reaches an error hundreds of times smaller than the forward one (printed below), at a larger
# :math:`h`. Its V has a flat, wide bottom, which is why the library's default
# :math:`h = 10^{-4}` is a safe choice: well clear of round-off, and even for float32 inputs
# (:math:`\varepsilon \approx 10^{-7}`) not hopeless. Smaller is not always better.
advantage = errors["forward"].min() / errors["central"].min()
print(f"best forward error / best central error: {advantage:.0f}")
assert advantage > 100
fig, ax = plt.subplots(figsize=(7, 5))
label_offsets = {"central": (8, -16), "forward": (-100, -4)}
for (method, error), color in zip(errors.items(), ["tab:blue", "tab:orange"], strict=True):
    ax.loglog(steps, error, color=color, label=f"{method} difference")
    ax.plot(best[method], error.min(), "o", color=color, markersize=9, markeredgecolor="black")
    ax.annotate(
        f"best h = {best[method]:.0e}",
        (best[method], error.min()),
        textcoords="offset points",
        xytext=label_offsets[method],
        fontsize=9,
        color=color,
    )
mean_abs_sin, mean_abs_cos = np.abs(np.sin(x)).mean(), np.abs(np.cos(x)).mean()
ax.loglog(
    steps,
    steps / 2 * mean_abs_sin,
    "k:",
    linewidth=1,
    label=r"truncation $\frac{h}{2}|f''|$, $\frac{h^2}{6}|f'''|$",
)
ax.loglog(steps, steps**2 / 6 * mean_abs_cos, "k:", linewidth=1)
ax.loglog(
    steps, eps * mean_abs_sin / steps, "k--", linewidth=1, label=r"round-off $\varepsilon |f| / h$"
)
ax.axvline(1e-4, color="gray", linewidth=0.8)
ax.text(1.5e-4, 1e-15, "library default\nh = 1e-4", fontsize=8, color="gray")
ax.set_ylim(1e-16, 1)
ax.set_xlabel("step h")
ax.set_ylabel("mean |estimate - cos x| over 1,000 points")
ax.set_title("Error of the differences of sin against h")
ax.legend(loc="upper center", fontsize=8)
