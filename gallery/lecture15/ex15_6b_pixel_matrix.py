r"""
15.6b One Fashion-MNIST image as a matrix of pixels
===================================================

A picture is, to the network, nothing but numbers. This page prints the first training image as
its 28x28 matrix of pixel values (0 is black, 255 white) next to the picture itself: the shape of
the garment is visible in the numbers.
"""

# %%
# The matrix
# ----------
# Three characters per value and one row per line make the grid readable; zero is printed as
# ``.`` so that the shape stands out.
import matplotlib.pyplot as plt

from nnscratch.datasets import FASHION_MNIST_CLASSES, load_fashion_mnist

(x_train, t_train), _ = load_fashion_mnist(normalize=False, flatten=False)
image = x_train[0, 0]
label = FASHION_MNIST_CLASSES[t_train[0]]

rows = [" ".join(f"{value:3d}" if value else "  ." for value in row) for row in image]
print(f"training image 0, class {t_train[0]} ({label}), shape {image.shape}, dtype {image.dtype}:")
print("\n".join(rows))
assert image.shape == (28, 28)
assert len(rows) == 28
assert image.min() == 0

# %%
# The same numbers as a picture
# -----------------------------
fig, ax = plt.subplots(figsize=(4.5, 4.5))
shown = ax.imshow(image, cmap="gray", vmin=0, vmax=255)
ax.set_title(f"Training image 0: {label}")
ax.set_xlabel("column")
ax.set_ylabel("row")
fig.colorbar(shown, ax=ax, label="pixel value")
