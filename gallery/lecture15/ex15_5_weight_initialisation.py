r"""
15.5 Weight initialisation on MNIST: standard deviation 1, 10 and 0
===================================================================

The same two-layer ReLU network (784-50-10) trained the same way (the course's setup: 10,000
iterations of SGD, mini-batches of 100, learning rate 0.1) from initial weights drawn as
:math:`\sigma\,\mathcal{N}(0, 1)` with :math:`\sigma = 1`, 10 and 0, plus the Xavier
(:math:`\sigma = \sqrt{1/n}`) and He (:math:`\sigma = \sqrt{2/n}`) scales, :math:`n` being the
number of inputs of the layer. The course found: :math:`\sigma = 1` climbs to about 0.91,
:math:`\sigma = 10` peaks early and decays to about 0.5, and :math:`\sigma = 0` never moves from
0.1135. This page reproduces the three and explains them.

This is the longest page of the lecture: five training runs of 10,000 iterations (about half a
minute on an idle laptop).
"""

# %%
# Five runs
# ---------
# Every run starts from its own initial weights (seed 0) and sees the samples in the same order
# (seed 0), so the only difference is the scale of the initial weights. Accuracy is measured on
# the whole training and test sets once per epoch (600 iterations).
import numpy as np

from nnscratch.datasets import load_mnist
from nnscratch.networks import TwoLayerNet
from nnscratch.plotting import training_curves
from nnscratch.training import train

(x_train, t_train), (x_test, t_test) = load_mnist()

scales = {"std 1": 1.0, "std 10": 10.0, "std 0": 0.0, "Xavier": "xavier", "He": "he"}
histories, networks = {}, {}
for label, std in scales.items():
    network = TwoLayerNet(784, 50, 10, weight_init_std=std, rng=0)
    histories[label] = train(
        network, x_train, t_train, x_test=x_test, t_test=t_test, iters=10_000, lr=0.1, rng=0
    )
    networks[label] = network
    history = histories[label]
    print(
        f"{label:>6}: test accuracy per epoch {np.round(history.test_accuracy, 3)}"
        f"  ({history.wall_time:.1f} s)"
    )

# %%
# The figure
# ----------
# Training accuracy solid, test accuracy dashed (they nearly coincide: no overfitting here).
fig = training_curves(histories)
ax = fig.axes[0]
ax.set_title("MNIST, 784-50-10 ReLU: the scale of the initial weights")
ax.set_ylim(0, 1)
fig.set_size_inches(8, 5)

# %%
# Standard deviation 1 and the good scales
# ----------------------------------------
# :math:`\sigma = 1` trains, and ends near the course's 0.91; Xavier and He start much faster and
# end higher (about 0.97). With :math:`\sigma = 1` each hidden pre-activation sums 784 terms, so
# its size is about :math:`\sqrt{\sum_i x_i^2} \approx 9` (a digit has about 100 bright pixels),
# and the scores are about :math:`\sqrt{50} \cdot 9 \approx 60`-ish: the softmax starts saturated
# and the first updates are large and erratic. Xavier and He choose :math:`\sigma` so that a
# layer keeps the size of the signal, neither blowing it up nor shrinking it.
final = {label: history.final_test_accuracy for label, history in histories.items()}
for label, accuracy in final.items():
    print(f"{label:>6}: final test accuracy {accuracy:.4f}")
assert 0.85 < final["std 1"] < 0.95
assert final["Xavier"] > 0.95
assert final["He"] > 0.95
assert final["He"] > final["std 1"] + 0.03

# %%
# Standard deviation 10: an early peak, then decay
# ------------------------------------------------
# Ten times larger weights give hidden values ten times and scores a hundred times larger
# (thousands). A wrong answer then has a huge loss, the softmax is saturated (its gradient
# :math:`y - t` is all 0 and -1 and +1), and the updates, multiplied by hidden values in the
# hundreds, are far too large for a learning rate of 0.1: the weights are thrown around instead of
# settling, and a ReLU unit pushed to a negative input for every image gets no gradient again,
# dead for good. The accuracy peaks in the first epochs and then slides down. (The loss stays
# finite: the library's softmax with cross-entropy is computed stably, so no
# ``FloatingPointError`` is raised here.)
test_10 = histories["std 10"].test_accuracy
peak_epoch = int(np.argmax(test_10))
W1_10 = networks["std 10"].params["W1"]
hidden_10 = np.maximum(x_test @ W1_10 + networks["std 10"].params["b1"], 0)
dead = int(np.sum(hidden_10.max(axis=0) == 0))
print(f"std 10: peak {test_10.max():.4f} at epoch {peak_epoch}, final {test_10[-1]:.4f}")
print(f"std 10: {dead} of 50 hidden units output 0 for every test image")
assert peak_epoch <= 4
assert test_10[-1] < test_10.max() - 0.1
assert test_10[-1] < 0.75

# %%
# Standard deviation 0: stuck at the commonest class
# --------------------------------------------------
# With all weights 0, every hidden unit computes :math:`\mathrm{ReLU}(0) = 0`, and the gradients
# of :math:`W_1` and :math:`W_2` vanish: :math:`\partial L / \partial W_2 = h^\top (y - t) = 0`
# because :math:`h = 0`, and :math:`\partial L / \partial W_1 = x^\top \bigl(((y - t) W_2^\top)
# \odot [a_1 > 0]\bigr) = 0` because :math:`W_2 = 0` (and the ReLU passes nothing at 0). Only the
# output bias :math:`b_2` learns; it learns the class frequencies, so the network answers the
# commonest training class for every image. Its test accuracy is then exactly that class's share
# of the test set.
net0 = networks["std 0"]
for key in ("W1", "b1", "W2"):
    print(f"std 0: {key} after training: all zero? {bool(np.all(net0.params[key] == 0))}")
    assert np.all(net0.params[key] == 0)

train_counts = np.bincount(t_train, minlength=10)
test_counts = np.bincount(t_test, minlength=10)
commonest = int(np.argmax(train_counts))
share = test_counts[commonest] / len(t_test)
print(f"b2 after training: {np.round(net0.params['b2'], 3)}")
log_frequencies = np.log(train_counts / len(t_train))
print(f"log class frequencies, centred: {np.round(log_frequencies - log_frequencies.mean(), 3)}")
print(f"commonest training class: {commonest}, its share of the test set: {share}")
acc0 = histories["std 0"].test_accuracy
print(f"std 0: test accuracy per epoch {acc0}")
assert int(np.argmax(net0.params["b2"])) == commonest
assert np.all(acc0[1:] == share)

# %%
# Why 0 is a special case of a general problem: symmetry
# ------------------------------------------------------
# Zero is the extreme, but any initialisation in which two hidden units have the same incoming
# and outgoing weights fails in the same way: the two units compute the same value for every
# input, receive the same gradient, get the same update, and so stay identical forever. All 50
# hidden units then act as one, whatever the hidden size. Here all columns of :math:`W_1` are
# equal (all zero) from start to end. Random initial weights break the symmetry; their scale
# (Xavier, He) decides how well the signal and the gradient travel through the layers.
W1_0 = net0.params["W1"]
print(f"std 0: largest difference between two columns of W1: {np.abs(W1_0 - W1_0[:, :1]).max()}")
W1_he = networks["He"].params["W1"]
print(
    f"He:    largest difference between two columns of W1: {np.abs(W1_he - W1_he[:, :1]).max():.3f}"
)
assert np.all(W1_0[:, :1] == W1_0)
