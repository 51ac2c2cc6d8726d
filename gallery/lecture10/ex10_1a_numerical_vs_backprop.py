r"""
10.1a One update: numerical gradient against backpropagation
============================================================

The two-layer network 784-50-10 on a mini-batch of 100 MNIST images: one parameter update with
the gradient from central differences, and one with the gradient from backpropagation, each
timed on the machine that built this page. The two gradients agree to about eight significant
digits; backpropagation is faster by about three orders of magnitude or more, and the naive
numerical gradient, which reruns the whole network twice per parameter, slower still.
"""

# sphinx_gallery_parallel = False

# %%
# The network and the batch
# --------------------------
# The book's chapter-4 network, with a sigmoid hidden layer: the course's accuracies in 10.1b are
# that network's. A gradient check compares two computations that differ by rounding, so it runs
# in float64.
import time

import matplotlib.pyplot as plt
import numpy as np

from nnscratch.datasets import load_mnist
from nnscratch.networks import TwoLayerNet

(x_train, t_train), _ = load_mnist(dtype=np.float64)
x, t = x_train[:100], t_train[:100]
network = TwoLayerNet(784, 50, 10, activation="sigmoid", rng=0, dtype=np.float64)
lr = 0.1
COURSE_NUMERICAL, COURSE_BACKPROP = 63.7, 0.0189  # seconds, the course's printout

n_params = sum(p.size for p in network.params.values())
print({key: value.shape for key, value in network.params.items()})
print(f"{n_params:,} parameters")

# %%
# One update each way
# -------------------
# :meth:`~nnscratch.networks.TwoLayerNet.numerical_gradient` perturbs every parameter by
# :math:`\pm h` (:math:`h = 10^{-4}`) and takes the central difference of the loss. It is the
# library's fast version: perturbing :math:`W_1[i, j]` changes only column :math:`j` of the hidden
# layer's input, by :math:`h\,x_{:,i}`, so only hidden unit :math:`j` changes, and the scores
# move by that change times row :math:`j` of :math:`W_2`. No matrix product is redone: each
# perturbation costs a column and a softmax. Backpropagation gets every partial derivative from
# one forward and one backward pass. The numerical update, the slow one, runs once; the
# backprop update is so short that one run mostly measures timer noise, so we take the median
# of 20.


def update(params, grads):
    for key in params:
        params[key] -= lr * grads[key]


start = time.perf_counter()
numerical = network.numerical_gradient(x, t)
update({key: value.copy() for key, value in network.params.items()}, numerical)
numerical_time = time.perf_counter() - start

backprop_times = []
for _ in range(20):
    start = time.perf_counter()
    backprop = network.gradient(x, t)
    update({key: value.copy() for key, value in network.params.items()}, backprop)
    backprop_times.append(time.perf_counter() - start)
backprop_time = float(np.median(backprop_times))

print(
    f"numerical gradient + update: {numerical_time:8.3f} s   (course: {COURSE_NUMERICAL} s, naive)"
)
print(f"backprop + update:           {backprop_time:8.5f} s   (course: {COURSE_BACKPROP} s)")
course_ratio = COURSE_NUMERICAL / COURSE_BACKPROP
print(f"ratio: {numerical_time / backprop_time:,.0f}x   (course: {course_ratio:,.0f}x)")
assert numerical_time > 100 * backprop_time

# %%
# Do the two gradients agree?
# ---------------------------
# Entry by entry, a relative difference :math:`|a - b| / (|a| + |b|)` is useless here: many rows
# of :math:`W_1` belong to border pixels that are 0 in every image of the batch, where
# backpropagation gives exactly 0 and central differences give rounding noise of order
# :math:`10^{-13}`, a "relative difference" of 1. So we measure each parameter array against its
# own scale:
#
# .. math::
#
#    \text{rel}(P) = \frac{\max_k |a_k - b_k|}{\max_k (|a_k| + |b_k|)},
#
# the largest disagreement as a fraction of the array's largest entries (:math:`a` from
# backpropagation, :math:`b` from central differences). Central differences carry a truncation
# error of order :math:`h^2` and a rounding error of order :math:`\varepsilon / h`; both are about
# :math:`10^{-8}` of the gradient here.


def relative_difference(a, b):
    return float(np.max(np.abs(a - b)) / np.max(np.abs(a) + np.abs(b)))


zero_rows = int(np.sum(np.all(x == 0, axis=0)))
print(f"pixels that are 0 in all 100 images: {zero_rows} of 784")
rel = {key: relative_difference(backprop[key], numerical[key]) for key in network.params}
for key, value in rel.items():
    print(f"{key}: rel = {value:.2e}")
assert max(rel.values()) < 1e-6

# %%
# The timings and the agreement in one figure. The naive cost (grey) is estimated below.
forward_times = []
for _ in range(50):
    start = time.perf_counter()
    network.loss(x, t)
    forward_times.append(time.perf_counter() - start)
forward_time = float(np.median(forward_times))
naive_passes = 2 * n_params
naive_estimate = naive_passes * forward_time

fig, (ax_time, ax_grad) = plt.subplots(1, 2, figsize=(11, 4.3))
labels = ["backprop", "numerical\n(library)", "numerical\n(naive, est.)"]
ours = [backprop_time, numerical_time, naive_estimate]
bars = ax_time.bar(np.arange(3) - 0.2, ours, width=0.4, color=["tab:blue", "tab:orange", "grey"])
ax_time.bar(
    [0.2, 2.2], [COURSE_BACKPROP, COURSE_NUMERICAL], width=0.4, color="white", edgecolor="black"
)
ax_time.bar_label(bars, fmt="%.3g s", fontsize=8)
ax_time.set_xticks(range(3), labels)
ax_time.set_yscale("log")
ax_time.set_ylabel("seconds for one update")
ax_time.set_title("This machine (coloured) and the course (white)")
for key, colour in zip(
    network.params, ["tab:blue", "tab:orange", "tab:green", "tab:red"], strict=True
):
    a, b = backprop[key].ravel(), numerical[key].ravel()
    ax_grad.plot(a, b, ".", color=colour, markersize=3, label=f"{key}: rel {rel[key]:.1e}")
limit = max(np.abs(g).max() for g in backprop.values())
ax_grad.plot([-limit, limit], [-limit, limit], "k-", linewidth=0.5)
ax_grad.set_xlabel("backpropagation")
ax_grad.set_ylabel("central differences")
ax_grad.set_title(f"All {n_params:,} partial derivatives")
ax_grad.legend(fontsize=8, markerscale=3)
fig.tight_layout()

# %%
# What the naive numerical gradient costs
# ---------------------------------------
# The book's ``numerical_gradient`` (the one behind the course's 63.7 s) runs the whole network
# forward twice per parameter: :math:`2 \times 39{,}760 = 79{,}520` forward passes. Rather than
# spend a minute running it, we time one forward pass of the batch and multiply:
print(f"one forward pass of the batch: {forward_time * 1e3:.3f} ms (median of 50)")
print(f"forward passes: 2 x {n_params:,} = {naive_passes:,}")
print(f"naive numerical gradient, estimated: {naive_estimate:.1f} s (course: {COURSE_NUMERICAL} s)")
print(f"estimated naive / backprop: {naive_estimate / backprop_time:,.0f}x")
assert naive_passes == 79_520
assert naive_estimate > numerical_time

# %%
# The count, not the machine, is the lesson: the numerical gradient needs two forward passes per
# parameter, so its cost grows with the number of parameters *times* the cost of a pass, while
# backpropagation costs about two passes whatever the number of parameters. A network with a
# million weights would need two million passes per update. The numerical gradient's place is
# checking backpropagation on a small batch, as above, not training.
#
# .. note::
#
#    **ReLU and the gradient check.** With a ReLU hidden layer the check fails on a few hidden
#    units: when some image puts a unit's input within :math:`h` of 0, the perturbation straddles
#    the kink of :math:`\max(0, z)` and the central difference averages the two slopes. Those units
#    are a kink effect, not a bug; every other entry agrees as closely as above.
relu_network = TwoLayerNet(784, 50, 10, activation="relu", rng=0, dtype=np.float64)
relu_backprop = relu_network.gradient(x, t)
relu_numerical = relu_network.numerical_gradient(x, t)
hidden_input = x @ relu_network.params["W1"] + relu_network.params["b1"]
at_kink = np.any(np.abs(hidden_input) < 1e-4, axis=0)  # |z| < h * max|x|, with max|x| = 1
print(f"ReLU: hidden units with an input within h of 0: {np.flatnonzero(at_kink)}")
for key in ["W1", "b1"]:
    everywhere = relative_difference(relu_backprop[key], relu_numerical[key])
    away = relative_difference(
        relu_backprop[key][..., ~at_kink], relu_numerical[key][..., ~at_kink]
    )
    print(f"ReLU {key}: rel = {everywhere:.1e} over all units, {away:.1e} away from the kinks")
    assert away < 1e-6
for key in ["W2", "b2"]:
    value = relative_difference(relu_backprop[key], relu_numerical[key])
    print(f"ReLU {key}: rel = {value:.1e}")
    assert value < 1e-6
