r"""
15.6a Fashion-MNIST: its parts and their shapes
===============================================

Fashion-MNIST has the layout of MNIST (60,000 training and 10,000 test images of 28x28 grey pixels,
labels 0 to 9) with photos of clothes instead of digits, and it is much harder. This page loads it
with :func:`nnscratch.datasets.load_fashion_mnist` and lists its four parts and their shapes:
``(60000, 28, 28)``, ``(60000,)``, ``(10000, 28, 28)`` and ``(10000,)``.

**The original solution loaded a pickle** (``pickle.load`` on ``fashion_mnist.pkl``). Unpickling a
file runs whatever code the file says, so a pickle from anywhere but your own machine is a
security risk; the library never unpickles. It reads the official IDX files and checks each
against its pinned SHA-256 before use (see the :doc:`/errata`).
"""

# %%
# Load the raw data
# -----------------
# ``normalize=False`` keeps the original pixels (uint8, 0 to 255) and ``flatten=False`` keeps each
# image as a ``(1, 28, 28)`` array, the book's layout with a channel axis. The exercise's shapes
# have no channel axis, so we squeeze it away.
import numpy as np

from nnscratch.datasets import FASHION_MNIST_CLASSES, describe, load_fashion_mnist

(x_train, t_train), (x_test, t_test) = load_fashion_mnist(normalize=False, flatten=False)
print("as loaded:", x_train.shape, x_test.shape)
x_train, x_test = x_train.squeeze(axis=1), x_test.squeeze(axis=1)

parts = {"x_train": x_train, "t_train": t_train, "x_test": x_test, "t_test": t_test}
for name, array in parts.items():
    values = f"{array.min()}..{array.max()}"
    print(f"{name:8} shape {array.shape!s:16} dtype {array.dtype}  values {values}")

assert x_train.shape == (60000, 28, 28)
assert t_train.shape == (60000,)
assert x_test.shape == (10000, 28, 28)
assert t_test.shape == (10000,)

# %%
# The ten classes
# ---------------
# Each class has exactly 6,000 training and 1,000 test images, so a classifier that always gives
# the same answer scores 0.1.
train_counts = np.bincount(t_train, minlength=10)
test_counts = np.bincount(t_test, minlength=10)
for label, name in enumerate(FASHION_MNIST_CLASSES):
    print(f"{label}  {name:12} train {train_counts[label]:5}  test {test_counts[label]:5}")
assert np.all(train_counts == 6000)
assert np.all(test_counts == 1000)

# %%
# Where the data came from
# ------------------------
# :func:`nnscratch.datasets.describe` names the copy that was used and its checksums.
print(describe("fashion_mnist"))
