r"""
11.1 A linear unit learns the AND gate
======================================

One linear unit :math:`y = w \cdot x + b` sees the four inputs :math:`(0,0), (0,1), (1,0), (1,1)`
and should answer 1 for :math:`(1,1)` and 0 for the others: the AND gate. We derive the gradient of
the mean squared error by hand, take 8 steps of gradient descent with learning rate 1 from a random
start, and draw the decision line :math:`y = 0.5` after every step. The line ends up separating
:math:`(1,1)` from the rest. Then we check why learning rate 1 is safe here (the Hessian's
eigenvalues), and look at the two slips of the course's solution: its target list and its
one-weight-after-the-other update.
"""

# %%
# The data, the unit and the loss
# --------------------------------
# With inputs :math:`x_n \in \{0,1\}^2` and targets :math:`t_n`, the unit's outputs are
# :math:`y_n = w_0 x_{n0} + w_1 x_{n1} + b`, and the loss is the mean of half the squared errors:
#
# .. math::
#
#    L(w, b) = \frac{1}{N} \sum_{n=1}^{N} \tfrac12 (y_n - t_n)^2, \qquad N = 4.
#
# Each :math:`y_n` is linear in the parameters, with :math:`\partial y_n / \partial w_i = x_{ni}`
# and :math:`\partial y_n / \partial b = 1`, so the chain rule gives
#
# .. math::
#
#    \frac{\partial L}{\partial w_i} = \frac{1}{N} \sum_n (y_n - t_n)\, x_{ni}, \qquad
#    \frac{\partial L}{\partial b} = \frac{1}{N} \sum_n (y_n - t_n).
#
# For AND only :math:`(1,0)` and :math:`(1,1)` have :math:`x_{n0} = 1`, and only :math:`(1,1)` has
# target 1, so :math:`\partial L / \partial w_0 = \frac14 [(w_0 + b) + (w_0 + w_1 + b - 1)]`.
# Written out for all three parameters:
#
# .. math::
#
#    \frac{\partial L}{\partial w_0} = \frac{2w_0 + w_1 + 2b - 1}{4}, \quad
#    \frac{\partial L}{\partial w_1} = \frac{w_0 + 2w_1 + 2b - 1}{4}, \quad
#    \frac{\partial L}{\partial b} = \frac{2w_0 + 2w_1 + 4b - 1}{4}.
#
# These are the course's formulas. The code below uses the general form, which works for any
# targets, and checks it against central differences at a random point.
import matplotlib.pyplot as plt
import numpy as np

from nnscratch.gradients import numerical_gradient

X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
T_AND = np.array([0.0, 0.0, 0.0, 1.0])


def loss(params, t=T_AND):
    """params = (w0, w1, b)."""
    y = X @ params[:2] + params[2]
    return np.mean(0.5 * (y - t) ** 2)


def gradient(params, t=T_AND):
    error = X @ params[:2] + params[2] - t
    return np.append(X.T @ error, error.sum()) / len(X)


def by_hand(params):
    w0, w1, b = params
    return (
        np.array([2 * w0 + w1 + 2 * b - 1, w0 + 2 * w1 + 2 * b - 1, 2 * w0 + 2 * w1 + 4 * b - 1])
        / 4
    )


point = np.random.default_rng(1).standard_normal(3)
print("general form:", gradient(point))
print("by hand:     ", by_hand(point))
print("numerical:   ", numerical_gradient(loss, point.copy()))
assert np.allclose(gradient(point), by_hand(point), rtol=0, atol=1e-15)
assert np.allclose(gradient(point), numerical_gradient(loss, point.copy()), rtol=0, atol=1e-10)

# %%
# Eight steps of gradient descent
# -------------------------------
# Every step computes the whole gradient at the current point first and only then moves all three
# parameters, :math:`(w, b) \leftarrow (w, b) - \eta \nabla L(w, b)` with :math:`\eta = 1`. The
# start is random, :math:`w \sim \mathcal N(0, I)`, and :math:`b = 0` as in the course.


def descend(params, lr=1.0, steps=8, t=T_AND):
    path = [np.array(params, dtype=float)]
    for _ in range(steps):
        path.append(path[-1] - lr * gradient(path[-1], t))
    return np.array(path)


start = np.append(np.random.default_rng(0).standard_normal(2), 0.0)
path = descend(start)
losses = np.array([loss(p) for p in path])
print("step        w0        w1         b      loss")
for k, (p, value) in enumerate(zip(path, losses, strict=True)):
    print(f"{k:>4}  {p[0]:8.4f}  {p[1]:8.4f}  {p[2]:8.4f}  {value:8.5f}")

# %%
# The decision line is where the output crosses one half, :math:`w \cdot x + b = 0.5`; the unit
# says 1 on the shaded side. Filled dots are the inputs whose AND is 1, crosses those whose AND is
# 0. The dashed line in each panel is the line before that step. (The random start's line lies
# outside the square: there the unit's output is below 0.5 for all four inputs.)
grid = np.linspace(-0.5, 1.5, 201)
G0, G1 = np.meshgrid(grid, grid)


def draw(ax, params, t=T_AND, previous=None):
    out = params[0] * G0 + params[1] * G1 + params[2]
    ax.contourf(G0, G1, out, levels=[0.5, np.inf], colors=["#cfe3f7"])
    ax.contour(G0, G1, out, levels=[0.5], colors="tab:red", linewidths=2)
    if previous is not None:
        before = previous[0] * G0 + previous[1] * G1 + previous[2]
        ax.contour(G0, G1, before, levels=[0.5], colors="grey", linestyles="--", linewidths=1)
    ones, zeros = X[t == 1], X[t == 0]
    ax.plot(ones[:, 0], ones[:, 1], "o", color="tab:blue", markersize=9, label="target 1")
    ax.plot(zeros[:, 0], zeros[:, 1], "x", color="black", markersize=9, mew=2, label="target 0")
    ax.set_xlim(-0.5, 1.5)
    ax.set_ylim(-0.5, 1.5)
    ax.set_aspect("equal")


fig, axes = plt.subplots(2, 4, figsize=(12, 6.6), sharex=True, sharey=True)
for step, ax in enumerate(axes.flat, start=1):
    draw(ax, path[step], previous=path[step - 1])
    ax.set_title(f"step {step}: loss {losses[step]:.4f}")
for ax in axes[1]:
    ax.set_xlabel("$x_0$")
for ax in axes[:, 0]:
    ax.set_ylabel("$x_1$")
axes[0, 0].legend(loc="lower left", fontsize=8)
fig.suptitle(r"AND with a linear unit: the line $w\cdot x + b = 0.5$ after each step ($\eta = 1$)")
fig.tight_layout()


def separates(params, t=T_AND):
    """True if the unit's output is above 0.5 exactly for the inputs whose target is 1."""
    return bool(np.array_equal(X @ params[:2] + params[2] > 0.5, t == 1))


print("outputs after 8 steps:", np.round(X @ path[-1][:2] + path[-1][2], 4))
print("separates (1,1) from the rest:", separates(path[-1]))
assert not separates(path[0])
assert separates(path[-1])
assert np.all(np.diff(losses) < 0)

# %%
# Why learning rate 1 is safe here
# --------------------------------
# The loss is quadratic in :math:`\theta = (w_0, w_1, b)`: with the rows :math:`a_n = (x_{n0},
# x_{n1}, 1)`, its Hessian is the constant matrix :math:`H = \frac1N \sum_n a_n a_n^\top`. A
# gradient step multiplies the distance to the minimum :math:`\theta^*` by :math:`I - \eta H`, so
# along the eigenvector of eigenvalue :math:`\lambda` the error is multiplied by
# :math:`1 - \eta\lambda` every step. Descent converges exactly when
# :math:`|1 - \eta\lambda| < 1` for every eigenvalue, that is :math:`\eta < 2/\lambda_{\max}`.
A = np.column_stack([X, np.ones(len(X))])
H = A.T @ A / len(X)
eigenvalues = np.linalg.eigvalsh(H)
optimum = np.linalg.lstsq(A, T_AND, rcond=None)[0]
print("H =\n", H)
print("eigenvalues of H:", np.round(eigenvalues, 4))
print(f"largest stable learning rate 2/lambda_max = {2 / eigenvalues.max():.4f}")
print("factors |1 - lambda| per step at lr 1:", np.round(np.abs(1 - eigenvalues), 4))
print("least-squares optimum (w0, w1, b):", np.round(optimum, 4))
assert 2 / eigenvalues.max() > 1.0
assert np.allclose(optimum, [0.5, 0.5, -0.25])
assert separates(optimum)

# %%
# With :math:`\eta = 1` the stiffest direction (:math:`\lambda_{\max} \approx 1.59`) overshoots
# and flips sign every step, shrinking by a factor of about 0.59, while the flattest direction
# (:math:`\lambda_{\min} \approx 0.16`) shrinks by only about 0.84 a step: that slow direction is
# why 8 steps get close to, but not onto, the optimum :math:`w = (0.5, 0.5)`, :math:`b = -0.25`,
# whose line is :math:`x_0 + x_1 = 1.5`. Eight steps are enough from this start (and from most
# random starts), not from every one. Just above the limit the same descent diverges:
rates = [0.5, 1.0, 1.2, 1.3]
fig, ax = plt.subplots(figsize=(7, 4.2))
final_gap = {}
for lr in rates:
    excess = np.array([loss(p) for p in descend(start, lr=lr, steps=30)]) - loss(optimum)
    final_gap[lr] = excess[-1]
    ax.semilogy(excess, "o-", markersize=3, label=rf"$\eta = {lr}$")
ax.axhline(loss(start) - loss(optimum), color="grey", linewidth=0.8)
ax.set_xlabel("step")
ax.set_ylabel(r"$L - L^*$")
ax.set_title(rf"Stable for $\eta < 2/\lambda_{{\max}} = {2 / eigenvalues.max():.3f}$")
ax.legend()
for lr, gap in final_gap.items():
    print(f"lr {lr}: L - L* after 30 steps = {gap:.3e}")
initial_gap = loss(start) - loss(optimum)
for lr in [0.5, 1.0, 1.2]:
    assert final_gap[lr] < 1e-2 * initial_gap  # below 2 / lambda_max: converges
assert final_gap[1.3] > initial_gap  # above it: diverges

# %%
# The course's two slips
# ----------------------
# **The target list.** The course's code sets ``t = np.array([1, 0, 0, 0])``, the targets of NOR
# (1 only for :math:`(0,0)`), but never uses it: the update lines are the AND formulas above,
# written out by hand. The figures are AND's because the formulas are; the list is wrong, and a
# reader who computes the gradient from ``t`` (as the general form does) trains a NOR unit
# instead:
nor = descend(start, t=np.array([1.0, 0.0, 0.0, 0.0]))[-1]
print("with t = (1, 0, 0, 0): outputs", np.round(X @ nor[:2] + nor[2], 4))
assert separates(nor, t=np.array([1.0, 0.0, 0.0, 0.0]))

# %%
# **The sequential update.** The course updates in place, one parameter after another:
#
# .. code-block:: python
#
#    W[0] -= (2*W[0] + W[1] + 2*b - 1) / 4
#    W[1] -= (W[0] + 2*W[1] + 2*b - 1) / 4     # uses the new W[0]
#    b -= (2*(W[0] + W[1] + 2*b) - 1) / 4        # uses the new W[0] and W[1]
#
# Only the first line is a gradient step. The second evaluates :math:`\partial L / \partial w_1`
# at a point that is no longer the current one, and the third at yet another. That is a different
# algorithm (a coordinate-by-coordinate sweep), not gradient descent: it follows another path and
# ends elsewhere. Here it happens to converge too, but the pictures it draws are not those of
# gradient descent with learning rate 1. The fix is to compute the gradient once and then move
# every parameter, as above.


def descend_sequentially(params, steps=8):
    path = [np.array(params, dtype=float)]
    for _ in range(steps):
        p = path[-1].copy()
        for i in range(3):
            p[i] -= gradient(p)[i]
        path.append(p)
    return np.array(path)


sequential = descend_sequentially(start)
print(
    f"loss after 8 steps: simultaneous {loss(path[-1]):.5f}, sequential {loss(sequential[-1]):.5f}"
)
print("step   simultaneous (w0, w1, b)      sequential (w0, w1, b)")
for k in range(len(path)):
    print(
        f"{k:>4}  {np.array2string(path[k], precision=4):>26}  "
        f"{np.array2string(sequential[k], precision=4):>26}"
    )
assert np.allclose(sequential[1][0], path[1][0])  # the first coordinate agrees ...
assert not np.allclose(sequential[1], path[1], atol=1e-3)  # ... the others do not

fig, axes = plt.subplots(1, 3, figsize=(11, 4), sharey=True)
draw(axes[0], path[-1])
axes[0].set_title("AND, simultaneous (correct)")
draw(axes[1], sequential[-1])
axes[1].set_title("AND, sequential (course)")
draw(axes[2], nor, t=np.array([1.0, 0.0, 0.0, 0.0]))
axes[2].set_title("targets (1, 0, 0, 0): NOR")
for ax in axes:
    ax.set_xlabel("$x_0$")
axes[0].set_ylabel("$x_1$")
fig.suptitle("After 8 steps from the same start")
fig.tight_layout()
