r"""
15.6c The first 25 Fashion-MNIST training images
================================================

The first 25 training images in a 5x5 grid, each titled with its class name, drawn with
:func:`nnscratch.plotting.image_grid`. Shirts, T-shirts, pullovers and coats already look alike
at this size: keep them in mind for the confusion matrix of 15.6e.
"""

# %%
# The grid
# --------
# As in the course, dark on light (``cmap="binary"``).
import numpy as np

from nnscratch.datasets import FASHION_MNIST_CLASSES, load_fashion_mnist
from nnscratch.plotting import image_grid

(x_train, t_train), _ = load_fashion_mnist(normalize=False, flatten=False)
fig = image_grid(x_train[:25], t_train[:25], class_names=FASHION_MNIST_CLASSES, cmap="binary")
fig.suptitle("The first 25 Fashion-MNIST training images")

names = [FASHION_MNIST_CLASSES[label] for label in t_train[:25]]
print("labels:", t_train[:25].tolist())
print("classes:", ", ".join(names))
assert len(fig.axes) == 25
assert [ax.get_title() for ax in fig.axes] == names
print(f"{len(np.unique(t_train[:25]))} of the 10 classes appear among the first 25 images")
