r"""
15.7b CIFAR-10: a 5x5 grid of training images
=============================================

Twenty-five CIFAR-10 training images in colour, each titled with its class, drawn with
:func:`nnscratch.plotting.image_grid`. At 32x32 pixels many are hard to recognise even for a
person.

The exercise asks for the first 25 training images. In the official release they are a mix of
classes; in a copy stored class by class (such as the JPEG copy this site may be built from; 15.7a
prints which) the first 25 are all airplanes. So this page shows the first 25 when they are mixed,
and otherwise 25 images drawn at random (seed 0).
"""

# %%
# Choose the images
# -----------------
import numpy as np

from nnscratch.datasets import CIFAR10_CLASSES, describe, load_cifar10
from nnscratch.plotting import image_grid

print(describe("cifar10"))
(x_train, t_train), _ = load_cifar10(normalize=False, flatten=False)

if len(np.unique(t_train[:25])) > 1:
    chosen = np.arange(25)
    what = "The first 25 CIFAR-10 training images"
else:
    chosen = np.sort(np.random.default_rng(0).choice(len(t_train), size=25, replace=False))
    what = "25 random CIFAR-10 training images (this copy is sorted by class)"
print(what)
print("indices:", chosen.tolist())

# %%
# The grid
# --------
# The images are RGB, so no colour map is involved (the course's ``cmap=plt.cm.binary`` had no
# effect on them).
fig = image_grid(x_train[chosen], t_train[chosen], class_names=CIFAR10_CLASSES)
fig.suptitle(what)
names = [CIFAR10_CLASSES[label] for label in t_train[chosen]]
print("classes:", ", ".join(names))
assert len(fig.axes) == 25
assert [ax.get_title() for ax in fig.axes] == names
assert x_train[chosen].shape == (25, 32, 32, 3)
