r"""
15.7a CIFAR-10: its parts and their shapes
==========================================

CIFAR-10 holds 50,000 training and 10,000 test colour photos of 32x32 pixels in ten classes
(airplane, automobile, bird, cat, deer, dog, frog, horse, ship, truck). Loaded with
:func:`nnscratch.datasets.load_cifar10` and ``flatten=False``, the images come as
``(N, 32, 32, 3)`` arrays: height, width, then the red, green and blue channel. The four parts
have the shapes ``(50000, 32, 32, 3)``, ``(50000,)``, ``(10000, 32, 32, 3)`` and ``(10000,)``.

As for Fashion-MNIST, **the original loaded a pickle**; the library never unpickles (see the
:doc:`/errata`).
"""

# %%
# Which copy of CIFAR-10?
# -----------------------
# The library can read the official release, but a catalog may point it to another copy. The copy
# used to build this page is printed here. If it is the JPEG re-encoding, every pixel may differ
# by a few levels from the official data, so accuracies can differ slightly from results on the
# official files.
import numpy as np

from nnscratch.datasets import CIFAR10_CLASSES, describe, load_cifar10

print(describe("cifar10"))

# %%
# Load the raw data
# -----------------
# ``normalize=False`` keeps the pixels as uint8 (0 to 255): 150 MB for the training set, where
# float64 would take 1.2 GB.
(x_train, t_train), (x_test, t_test) = load_cifar10(normalize=False, flatten=False)
parts = {"x_train": x_train, "t_train": t_train, "x_test": x_test, "t_test": t_test}
for name, array in parts.items():
    print(f"{name:8} shape {array.shape!s:20} dtype {array.dtype}  {array.nbytes / 1e6:6.1f} MB")

assert x_train.shape == (50000, 32, 32, 3)
assert t_train.shape == (50000,)
assert x_test.shape == (10000, 32, 32, 3)
assert t_test.shape == (10000,)

# %%
# The classes
# -----------
# 5,000 training and 1,000 test images per class.
train_counts = np.bincount(t_train, minlength=10)
test_counts = np.bincount(t_test, minlength=10)
for label, name in enumerate(CIFAR10_CLASSES):
    print(f"{label}  {name:10} train {train_counts[label]:5}  test {test_counts[label]:5}")
assert np.all(train_counts == 5000)
assert np.all(test_counts == 1000)

# %%
# The order of the images
# -----------------------
# The official release mixes the classes; a copy stored as one folder per class (as the JPEG
# copy is) lists them class by class. Training draws its mini-batches at random, so the order
# does not matter for learning, but "the first 25 images" (15.7b) are then all airplanes.
changes = int(np.count_nonzero(np.diff(t_train.astype(int))))
print(f"first 10 training labels: {t_train[:10].tolist()}")
print(f"the label changes {changes} times along the training set")
