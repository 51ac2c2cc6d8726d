r"""
15.6e Fashion-MNIST: the confusion matrix
=========================================

Accuracy is one number; the confusion matrix says which mistakes make it up. Entry
:math:`C_{ij}` counts the test images of true class :math:`i` that the network predicted as class
:math:`j`: the diagonal holds the correct answers, each row sums to the 1,000 images of its class.
The network is the one of 15.6d, trained again from the same seeds (about 5 seconds).
"""

# %%
# Train the network of 15.6d
# --------------------------
from nnscratch.datasets import FASHION_MNIST_CLASSES, load_fashion_mnist
from nnscratch.metrics import confusion_matrix, most_confused
from nnscratch.networks import TwoLayerNet
from nnscratch.plotting import confusion_matrix_heatmap
from nnscratch.training import train

(x_train, t_train), (x_test, t_test) = load_fashion_mnist()
network = TwoLayerNet(784, 50, 10, weight_init_std=0.01, rng=0)
history = train(
    network, x_train, t_train, x_test=x_test, t_test=t_test, iters=10_000, lr=0.1, rng=0
)
print(f"test accuracy {history.final_test_accuracy:.4f}")

# %%
# The matrix
# ----------
# One prediction per test image (the network predicts all 10,000 at once; the course looped over
# them one by one, which gives the same matrix, only slower).
y_pred = network.predict(x_test).argmax(axis=1)
cm = confusion_matrix(t_test, y_pred, num_classes=10)
print(cm)
assert cm.sum() == len(t_test)
assert (cm.sum(axis=1) == 1000).all()
assert abs(cm.trace() / cm.sum() - history.final_test_accuracy) < 1e-12

fig = confusion_matrix_heatmap(cm, class_names=FASHION_MNIST_CLASSES)
fig.set_size_inches(8, 7)
fig.axes[0].set_title("Fashion-MNIST test set: true class (rows) against prediction (columns)")

# %%
# The most confused pairs
# -----------------------
# Read from the matrix: the largest off-diagonal entries. The upper-body garments, T-shirt/top,
# pullover, coat and shirt, are confused with each other most: at 28x28 grey pixels they differ
# in details (a collar, buttons, sleeve length) that a network on raw pixels hardly sees. The
# course's matrix had the same top pairs (coat as pullover 220 times, shirt as T-shirt 145).
upper_body = {"T-shirt/top", "Pullover", "Coat", "Shirt"}
top_pairs = most_confused(cm, top=6)
in_group = 0
for true, predicted, count in top_pairs:
    names = (FASHION_MNIST_CLASSES[true], FASHION_MNIST_CLASSES[predicted])
    in_group += set(names) <= upper_body
    print(f"{names[0]:>12} predicted as {names[1]:<12} {count:4d} times")
print(f"{in_group} of the top {len(top_pairs)} pairs are two upper-body garments")
assert in_group >= 4
first_true, first_predicted, _ = top_pairs[0]
assert {FASHION_MNIST_CLASSES[first_true], FASHION_MNIST_CLASSES[first_predicted]} <= upper_body

# %%
# Per class: how often is a class recognised?
# -------------------------------------------
# The diagonal divided by the row sums (this is each class's recall, 15.6f). Shirt is by far the
# hardest class; trousers, bags and footwear are easy.
per_class = cm.diagonal() / cm.sum(axis=1)
for name, share in sorted(zip(FASHION_MNIST_CLASSES, per_class, strict=True), key=lambda p: p[1]):
    print(f"{name:12} {share:.3f}")
assert FASHION_MNIST_CLASSES[per_class.argmin()] == "Shirt"
