r"""
10.1c Training long enough to overfit
=====================================

Keep training after the test accuracy has stopped improving: the network goes on to classify
every training image correctly, while the test accuracy stays where it was, near 0.97. The gap
between the two curves is overfitting: the network learns its training images, not more about
digits.

A long exercise: 40 epochs take about a minute on a two-core machine (with a progress bar when
run from a terminal).
"""

# %%
# The setting
# -----------
# Only the course's printout survives (``train acc, test acc | 1.0, 0.9707`` over many epochs);
# its network, data and run length are lost. We reconstruct a setup that gets there in seconds
# rather than minutes: the two-layer network with a ReLU hidden layer of 100 units, He
# initialisation (weights with standard deviation :math:`\sqrt{2/784}`; lecture 15), learning rate
# 0.3, batch 100, trained on the first 30,000 training images for 40 epochs (12,000 iterations).
# Half the training set is memorised in half the time, and the test accuracy it stalls at is
# close to the course's. (The book's chapter-4 network, with sigmoid units, weights of scale 0.01
# and learning rate 0.1, would take hundreds of epochs to fit its training set.)
import matplotlib.pyplot as plt
import numpy as np

from nnscratch.datasets import load_mnist
from nnscratch.networks import TwoLayerNet
from nnscratch.training import train

(x_train, t_train), (x_test, t_test) = load_mnist()
N_TRAIN, EPOCHS = 30_000, 40
x_train, t_train = x_train[:N_TRAIN], t_train[:N_TRAIN]
network = TwoLayerNet(784, 100, 10, weight_init_std="he", rng=0)
print(f"{sum(p.size for p in network.params.values()):,} parameters")
history = train(
    network,
    x_train,
    t_train,
    x_test=x_test,
    t_test=t_test,
    iters=EPOCHS * N_TRAIN // 100,
    batch_size=100,
    lr=0.3,
    rng=0,
)
print(history)
print("epoch  train acc  test acc")
for epoch, train_acc, test_acc in zip(
    history.epochs, history.train_accuracy, history.test_accuracy, strict=True
):
    print(f"{epoch:5.0f}  {train_acc:9.4f}  {test_acc:8.4f}")

# %%
# The curves
# ----------
fig, (ax_acc, ax_gap) = plt.subplots(1, 2, figsize=(11, 4.2))
# From epoch 1 on: the untrained network's 0.07 would squash the interesting part.
epochs = history.epochs[1:]
ax_acc.plot(epochs, history.train_accuracy[1:], "o-", markersize=3, label="training set")
ax_acc.plot(epochs, history.test_accuracy[1:], "s--", markersize=3, label="test set")
ax_acc.axhline(0.971, color="grey", linewidth=0.8, label="course's test accuracy, 0.971")
ax_acc.set_ylim(0.9, 1.002)
ax_acc.set_xlabel("epoch")
ax_acc.set_ylabel("accuracy")
ax_acc.set_title("Accuracy per epoch")
ax_acc.legend(loc="lower right")
errors_train = 1 - history.train_accuracy
errors_test = 1 - history.test_accuracy
floor = 0.5 / N_TRAIN  # where zero training errors are drawn on the log scale
ax_gap.semilogy(epochs, np.maximum(errors_train[1:], floor), "o-", markersize=3, label="training")
ax_gap.semilogy(epochs, errors_test[1:], "s--", markersize=3, label="test")
ax_gap.axhline(floor, color="grey", linewidth=0.8, linestyle=":")
ax_gap.set_xlabel("epoch")
ax_gap.set_ylabel("error rate (1 - accuracy); dotted: 0 errors")
ax_gap.set_title("Error rates, log scale")
ax_gap.legend()
fig.tight_layout()

# %%
# The training error keeps falling by orders of magnitude; the test error levels off. Over the last
# third of the run the test accuracy hardly moves while the training accuracy reaches 1 (or
# misses it by a few images).
last_third = history.epochs >= 2 * EPOCHS / 3
test_late = history.test_accuracy[last_third]
wrong_train = round((1 - history.final_train_accuracy) * N_TRAIN)
print(f"final: train {history.final_train_accuracy:.4f}, test {history.final_test_accuracy:.4f}")
print(f"training images still misclassified at the end: {wrong_train} of {N_TRAIN:,}")
print(f"test accuracy over the last third: {test_late.min():.4f} to {test_late.max():.4f}")
print(f"gap at the end: {history.final_train_accuracy - history.final_test_accuracy:.4f}")
assert history.final_train_accuracy >= 0.9995
assert 0.96 <= history.final_test_accuracy <= 0.985
assert np.ptp(test_late) < 0.005
assert history.final_train_accuracy - history.final_test_accuracy > 0.015

# %%
# What the gap means
# ------------------
# A network with some 80,000 parameters can store far more than the rule "what makes a 7 a 7": given
# enough passes over the same 30,000 images it fits each of them, including the oddly written and
# the mislabelled ones, with features that do not carry over to new images. From the point where
# the test accuracy stops rising, further training buys nothing for new images; the test error is
# the number to watch, and training stops there (early stopping). Lecture 15's exercises and the
# book's chapter 6 (weight decay, dropout) treat the cures.
