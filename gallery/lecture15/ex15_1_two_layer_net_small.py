r"""
15.1 A small two-layer network: scores, loss and one SGD step
=============================================================

:class:`~nnscratch.networks.TwoLayerNet` with 3 inputs, 3 hidden units and 3 classes, its weights
drawn as :math:`0.01\,\mathcal{N}(0, 1)` (the book's default), predicts two samples
:math:`x = \begin{pmatrix}1&2&3\\4&5&6\end{pmatrix}`. Because the weights are tiny, the scores are
tiny, softmax gives every class about :math:`1/3`, and the loss is about
:math:`-\ln(1/3) = \ln 3 \approx 1.0986` (the course got 1.09865). One step of gradient descent
with learning rate 0.1 then changes :math:`W_1` by about :math:`10^{-3}` per entry and lowers the
loss.
"""

# %%
# The network and its scores
# --------------------------
# The weights are random, so the exact scores depend on the seed (the course's differ from these);
# what matters is their size, of order :math:`10^{-3}`. float64 lets us compare with numerical
# gradients below.
import numpy as np

from nnscratch.networks import TwoLayerNet

net = TwoLayerNet(3, 3, 3, weight_init_std=0.01, rng=0, dtype=np.float64)
x = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
t = np.array([[1, 0, 0], [0, 0, 1]])

scores = net.predict(x)
print("scores:\n", np.array2string(scores, precision=6))
assert np.abs(scores).max() < 0.01

# %%
# The loss is close to ln 3
# -------------------------
# With scores :math:`s` near 0, softmax gives :math:`y_k \approx 1/3` for every class, and the
# cross-entropy of each sample is :math:`-\ln y_{\text{true}} \approx \ln 3`. The small scores
# move it only in the fourth decimal.
loss = net.loss(x, t)
print(f"loss     = {loss:.6f}")
print(f"ln 3     = {np.log(3):.6f}")
print(f"softmax of the scores:\n{np.array2string(net.last_layer.y, precision=4)}")
assert abs(loss - np.log(3)) < 1e-3

# %%
# One step of SGD on W1
# ---------------------
# Backpropagation gives the gradient; the numerical gradient (central differences) confirms it.
# The step :math:`W_1 \leftarrow W_1 - 0.1\, \partial L / \partial W_1` moves each entry by at
# most about :math:`10^{-3}`: the gradient reaching :math:`W_1` is the output error
# :math:`y - t` (of order 1) passed back through the tiny :math:`W_2`, then multiplied by the inputs
# (up to 6).
grads = net.gradient(x, t)
numerical = net.numerical_gradient(x, t)
for key in ("W1", "b1", "W2", "b2"):
    difference = np.abs(grads[key] - numerical[key]).max()
    print(f"max |backprop - numerical| for {key}: {difference:.1e}")
    assert difference < 1e-7

lr = 0.1
W1_before = net.params["W1"].copy()
W1_after = W1_before - lr * grads["W1"]
print("W1 before:\n", np.array2string(W1_before, precision=6))
print("W1 after one step:\n", np.array2string(W1_after, precision=6))
largest_change = np.abs(W1_after - W1_before).max()
print(f"largest change: {largest_change:.2e}")
assert 1e-4 < largest_change < 1e-2

# %%
# The step lowers the loss
# ------------------------
# Updating every parameter (in place: the layers share the arrays) makes the loss a little smaller,
# as a step against the gradient should.
for key in ("W1", "b1", "W2", "b2"):
    net.params[key] -= lr * grads[key]
loss_after = net.loss(x, t)
print(f"loss before {loss:.8f}, after one step {loss_after:.8f}")
assert np.array_equal(net.params["W1"], W1_after)
assert loss_after < loss
