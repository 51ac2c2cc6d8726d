r"""
15.6f Fashion-MNIST: precision, recall and F1 per class
=======================================================

From the confusion matrix :math:`C` (rows true classes, columns predictions), for each class
:math:`k`:

.. math::

    p_k = \frac{C_{kk}}{\sum_i C_{ik}}\ \text{(precision: of the images predicted } k\text{, the
    share that are } k\text{)},\qquad
    r_k = \frac{C_{kk}}{\sum_j C_{kj}}\ \text{(recall: of the images of class } k\text{, the share
    found)},

and the F1 score, their harmonic mean,

.. math::

    F_1 = \frac{2}{\frac{1}{p} + \frac{1}{r}} = \frac{2pr}{p + r}.

**The original solution computed** ``F1_score = 0.5*(1/precision + 1/recall)``: the mean of the
reciprocals, without taking its reciprocal. That is exactly :math:`1/F_1`, always at least 1 (the
course printed 1.21 for T-shirt/top, 1.48 for shirt), and it ranks the classes backwards: the
worst class gets the largest "score". The network is the one of 15.6d, trained again from the same
seeds (about 5 seconds).
"""

# %%
# Train the network of 15.6d and predict
# --------------------------------------
import matplotlib.pyplot as plt
import numpy as np

from nnscratch.datasets import FASHION_MNIST_CLASSES, load_fashion_mnist
from nnscratch.metrics import confusion_matrix, precision_recall_f1
from nnscratch.networks import TwoLayerNet
from nnscratch.training import train

(x_train, t_train), (x_test, t_test) = load_fashion_mnist()
network = TwoLayerNet(784, 50, 10, weight_init_std=0.01, rng=0)
history = train(
    network, x_train, t_train, x_test=x_test, t_test=t_test, iters=10_000, lr=0.1, rng=0
)
y_pred = network.predict(x_test).argmax(axis=1)
print(f"test accuracy {history.final_test_accuracy:.4f}")

# %%
# The table
# ---------
# :func:`nnscratch.metrics.precision_recall_f1` does the counting.
report = precision_recall_f1(t_test, y_pred, num_classes=10)
print(report.to_table(FASHION_MNIST_CLASSES))

# %%
# The same from the confusion matrix, as the course did
# -----------------------------------------------------
# Precision divides the diagonal by the column sums, recall by the row sums; both agree with the
# library's report.
cm = confusion_matrix(t_test, y_pred, num_classes=10)
precision = cm.diagonal() / cm.sum(axis=0)
recall = cm.diagonal() / cm.sum(axis=1)
assert np.allclose(precision, report.precision, rtol=0, atol=1e-15)
assert np.allclose(recall, report.recall, rtol=0, atol=1e-15)
assert np.allclose(report.f1, 2 * precision * recall / (precision + recall))
# With equal class sizes the mean recall is the accuracy.
assert abs(recall.mean() - history.final_test_accuracy) < 1e-12

# %%
# The pitfall: 0.5 (1/p + 1/r) is 1/F1
# ------------------------------------
# Algebra first: :math:`\tfrac12\left(\tfrac1p + \tfrac1r\right) = \tfrac{p + r}{2pr} =
# \tfrac{1}{F_1}` for every :math:`p, r > 0`, so the original formula gives the reciprocal of F1.
# Numerically, for this network:
wrong = 0.5 * (1 / precision + 1 / recall)
print(f"{'class':12} {'F1':>6} {'0.5(1/p+1/r)':>13} {'1/F1':>6}")
for name, f1, w in zip(FASHION_MNIST_CLASSES, report.f1, wrong, strict=True):
    print(f"{name:12} {f1:6.3f} {w:13.3f} {1 / f1:6.3f}")
assert np.allclose(wrong, 1 / report.f1)
assert np.all(wrong >= 1)
assert np.argmax(wrong) == np.argmin(report.f1)

# %%
# A worked example with the course's own numbers: for T-shirt/top it printed :math:`p =
# 0.8211`, :math:`r = 0.831` and "F1" 1.2106. The harmonic mean is
p, r = 0.82114625, 0.831
print(f"0.5 (1/p + 1/r) = {0.5 * (1 / p + 1 / r):.4f}")
print(f"F1 = 2pr/(p+r)  = {2 * p * r / (p + r):.4f} = 1 / {1 / (2 * p * r / (p + r)):.4f}")

# %%
# The scores in a figure
# ----------------------
# Shirt has the lowest precision and recall; trousers, bags, sandals and boots are near 1.
order = np.argsort(report.f1)
fig, ax = plt.subplots(figsize=(8, 4.5))
positions = np.arange(10)
for offset, (name, values) in zip(
    (-0.27, 0, 0.27),
    (("precision", report.precision), ("recall", report.recall), ("F1", report.f1)),
    strict=True,
):
    ax.barh(positions + offset, values[order], height=0.27, label=name)
ax.set_yticks(positions, [FASHION_MNIST_CLASSES[k] for k in order])
ax.set_xlim(0, 1)
ax.set_xlabel("score")
ax.set_title("Fashion-MNIST, 784-50-10: precision, recall and F1 per class")
ax.legend(loc="lower right")
assert FASHION_MNIST_CLASSES[order[0]] == "Shirt"
