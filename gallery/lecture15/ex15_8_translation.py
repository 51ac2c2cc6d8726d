r"""
15.8 Shifting MNIST digits by a few pixels
==========================================

Train the two-layer network 784-50-10 on MNIST (about 0.97 test accuracy), then move every test
digit :math:`k = 1, 2, 3` pixels up and :math:`k` pixels right (the pixels left empty are 0) and
measure the accuracy again. For a person the shifted digits are the same digits. For the network
they are not: the course found 0.914, 0.621 and 0.249 for :math:`k = 1, 2, 3`, against about 0.97
unshifted.
"""

# %%
# Train on MNIST
# --------------
# The book's setup: 10,000 iterations of SGD, mini-batches of 100, learning rate 0.1, ReLU,
# initial weights :math:`0.01\,\mathcal{N}(0,1)`.
import matplotlib.pyplot as plt
import numpy as np

from nnscratch.datasets import load_mnist
from nnscratch.networks import TwoLayerNet
from nnscratch.plotting import image_grid
from nnscratch.training import train
from nnscratch.transforms import shift

(x_train, t_train), (x_test, t_test) = load_mnist()
network = TwoLayerNet(784, 50, 10, weight_init_std=0.01, rng=0)
history = train(
    network, x_train, t_train, x_test=x_test, t_test=t_test, iters=10_000, lr=0.1, rng=0
)
print(f"test accuracy after training: {history.final_test_accuracy:.4f}")

# %%
# Shift and measure
# -----------------
# :func:`nnscratch.transforms.shift` moves the content of flattened 28x28 images: ``dy=-k`` is
# up, ``dx=k`` right. The course wrote the same with slices,
# ``x[:, :, :28-k, k:] = x_test[:, :, k:, :28-k]`` on a zero array.
shifts = [0, 1, 2, 3]
shifted = {k: shift(x_test, -k, k, image_shape=(28, 28)) for k in shifts}
accuracies = np.array([network.accuracy(shifted[k], t_test) for k in shifts])
course = {1: 0.914, 2: 0.621, 3: 0.249}
for k, accuracy in zip(shifts, accuracies, strict=True):
    note = f"(course {course[k]})" if k in course else ""
    print(f"shift {k} pixel(s) up and right: accuracy {accuracy:.4f} {note}")

assert np.array_equal(shifted[0], x_test)
assert np.all(np.diff(accuracies) < 0)
assert accuracies[0] > 0.95
assert accuracies[3] < 0.5 * accuracies[0]

# %%
# Accuracy against shift
# ----------------------
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(shifts, accuracies, "o-", label="this network")
ax.plot(list(course), list(course.values()), "s--", color="gray", label="course")
ax.axhline(0.1, color="black", linewidth=0.8, linestyle=":", label="guessing")
ax.set_xticks(shifts)
ax.set_ylim(0, 1)
ax.set_xlabel("shift k (pixels up and right)")
ax.set_ylabel("test accuracy")
ax.set_title("MNIST, 784-50-10: accuracy of shifted test digits")
ax.legend()

# %%
# The shifted digits
# ------------------
# The first six test digits, one row per shift, titled with the network's prediction (red when
# wrong). Three pixels is a small move: every digit is still plainly itself.
rows = np.concatenate([shifted[k][:6] for k in shifts])
labels = np.tile(t_test[:6], len(shifts))
predictions = network.predict(rows)
fig = image_grid(rows, labels, nrows=4, ncols=6, image_shape=(28, 28), predictions=predictions)
fig.suptitle("Rows: shifted by 0, 1, 2, 3 pixels up and right")

# %%
# Why: a fully connected network has no notion of position
# --------------------------------------------------------
# The first layer gives every one of the 784 pixel positions its own weight. A stroke that moves
# two pixels lands on other weights, ones that were trained on different parts of the digits, and
# the hidden units see a pattern they never learned. Nothing in the architecture says that
# neighbouring pixels belong together or that a shape means the same wherever it appears; the
# network could only learn that from examples at every position.
#
# Convolutional networks build this in: they slide the same small filters over every position of
# the image, so a shifted input gives a shifted feature map (translation equivariance), and
# pooling then makes the answer tolerant to small shifts. That is the next step after this course.
overlap = [
    float(np.sum(np.minimum(x_test[:1000], shifted[k][:1000])) / np.sum(x_test[:1000]))
    for k in shifts
]
for k, share in zip(shifts, overlap, strict=True):
    print(f"shift {k}: share of the ink still on the same pixels {share:.2f}")
assert overlap[3] < overlap[1] < 1
