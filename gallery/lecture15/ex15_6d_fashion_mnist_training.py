r"""
15.6d Training the two-layer network on Fashion-MNIST
=====================================================

Pixels scaled to :math:`[0, 1]` (the loader's ``normalize=True``; the course divided by 255 by
hand), then the two-layer network 784-50-10 of the book (ReLU, initial weights
:math:`0.01\,\mathcal{N}(0,1)`) trained exactly as for MNIST: 10,000 iterations of SGD with
mini-batches of 100 and learning rate 0.1. The course reached a test accuracy of 0.866; MNIST
reaches about 0.97 with the same network, so clothes are clearly harder than digits.

Pages 15.6e and 15.6f analyse this network. Each page runs on its own, so each trains it again
from the same seeds (about 5 seconds on an idle laptop) and gets the same network.
"""

# %%
# Load and train
# --------------
import numpy as np

from nnscratch.datasets import load_fashion_mnist
from nnscratch.networks import TwoLayerNet
from nnscratch.plotting import training_curves
from nnscratch.training import train

(x_train, t_train), (x_test, t_test) = load_fashion_mnist(normalize=True)
print(f"x_train {x_train.shape} {x_train.dtype}, pixels {x_train.min()}..{x_train.max()}")

network = TwoLayerNet(784, 50, 10, weight_init_std=0.01, rng=0)
history = train(
    network, x_train, t_train, x_test=x_test, t_test=t_test, iters=10_000, lr=0.1, rng=0
)
for epoch, train_acc, test_acc in zip(
    history.epochs, history.train_accuracy, history.test_accuracy, strict=True
):
    print(f"epoch {epoch:5.2f}: train {train_acc:.4f}, test {test_acc:.4f}")
print(f"training took {history.wall_time:.1f} s")

# %%
# The loss
# --------
# The mini-batch loss of every iteration (light) and its moving average over one epoch.
fig = training_curves(history, metric="loss")
fig.axes[0].set_title("Fashion-MNIST, 784-50-10: mini-batch loss")

# %%
# The accuracy
# ------------
# Training and test accuracy stay close: with 50 hidden units the network underfits rather than
# overfits. The final test accuracy is near the course's 0.866.
fig = training_curves({"784-50-10": history})
fig.axes[0].set_title("Fashion-MNIST, 784-50-10: accuracy per epoch")
final = history.final_test_accuracy
print(f"final test accuracy {final:.4f} (course 0.866)")
assert final >= 0.84
assert abs(history.final_train_accuracy - final) < 0.05
assert np.all(np.diff(history.test_accuracy[:3]) > 0)
