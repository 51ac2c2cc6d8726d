r"""
15.3 Forward and backward by hand: a sigmoid network
====================================================

A network small enough to compute with pencil and paper:
Affine :math:`(W_1, b_1)` :math:`\to` Sigmoid :math:`\to` Affine :math:`(W_2, b_2)` :math:`\to`
SoftmaxWithLoss, with

.. math::

    W_1 = \begin{pmatrix} \ln 2 & \ln 2 & 0 \\ \ln 2 & 0 & \ln 2 \end{pmatrix},\quad
    W_2 = \begin{pmatrix} 9 & 0 \\ 0 & 5 \\ 0 & 6 \end{pmatrix},\quad
    b_1 = 0,\ b_2 = 0,\quad x = (2, 1),\quad t = (1, 0).

The weights are chosen so that every number is a simple fraction. This page does the computation
by hand (the course's hand solution is lost; this is a full one), then with the library's layers in
float64, and checks that both agree to :math:`10^{-12}`. Finally it makes one gradient-descent
update with learning rate 1.

**Forward.** :math:`a_1 = x W_1 = (2\ln 2 + \ln 2,\ 2\ln 2,\ \ln 2) = (3\ln 2, 2\ln 2, \ln 2)`.
Since :math:`\sigma(\ln k) = \frac{1}{1 + 1/k} = \frac{k}{k+1}`,

.. math::

    h = \sigma(a_1) = \left(\tfrac{8}{9},\ \tfrac{4}{5},\ \tfrac{2}{3}\right),\qquad
    s = h W_2 = \left(9 \cdot \tfrac{8}{9},\ 5 \cdot \tfrac{4}{5} + 6 \cdot \tfrac{2}{3}\right)
      = (8, 8).

Equal scores give :math:`y = \operatorname{softmax}(s) = (\tfrac12, \tfrac12)` and the loss
:math:`L = -\ln y_1 = \ln 2`.

**Backward.** Softmax with cross-entropy sends back :math:`\partial L/\partial s = y - t =
(-\tfrac12, \tfrac12)` (divided by the batch size, here 1). Then

.. math::

    \frac{\partial L}{\partial W_2} = h^\top (y - t) =
    \begin{pmatrix} -\frac49 & \frac49 \\ -\frac25 & \frac25 \\ -\frac13 & \frac13 \end{pmatrix},
    \qquad \frac{\partial L}{\partial b_2} = \left(-\tfrac12, \tfrac12\right),

    \frac{\partial L}{\partial h} = (y - t) W_2^\top = \left(-\tfrac92,\ \tfrac52,\ 3\right).

The sigmoid's derivative is :math:`\sigma'(a) = h(1 - h) = (\tfrac{8}{81}, \tfrac{4}{25},
\tfrac{2}{9})`, so

.. math::

    \frac{\partial L}{\partial a_1} = \left(-\tfrac92 \cdot \tfrac{8}{81},\
    \tfrac52 \cdot \tfrac{4}{25},\ 3 \cdot \tfrac29\right) = \left(-\tfrac49,\ \tfrac25,\
    \tfrac23\right) = \frac{\partial L}{\partial b_1},\qquad
    \frac{\partial L}{\partial W_1} = x^\top \frac{\partial L}{\partial a_1} =
    \begin{pmatrix} -\frac89 & \frac45 & \frac43 \\ -\frac49 & \frac25 & \frac23 \end{pmatrix}.
"""

# %%
# The same with the library's layers
# ----------------------------------
# Each layer's ``forward`` remembers what its ``backward`` needs; calling the backward passes in
# reverse order is the chain rule. Everything is float64, so the fractions come out to the last
# digits.
import numpy as np

from nnscratch.layers import Affine, Sigmoid, SoftmaxWithLoss

ln2 = np.log(2)
W1 = np.array([[ln2, ln2, 0.0], [ln2, 0.0, ln2]])
b1 = np.zeros(3)
W2 = np.array([[9.0, 0.0], [0.0, 5.0], [0.0, 6.0]])
b2 = np.zeros(2)
x = np.array([[2.0, 1.0]])
t = np.array([[1, 0]])

affine1, sigmoid, affine2, softmax_loss = (
    Affine(W1, b1),
    Sigmoid(),
    Affine(W2, b2),
    SoftmaxWithLoss(),
)
h = sigmoid.forward(affine1.forward(x))
scores = affine2.forward(h)
loss = softmax_loss.forward(scores, t)

affine1.backward(sigmoid.backward(affine2.backward(softmax_loss.backward())))

print("hidden h     :", h.round(6), "   by hand: 8/9, 4/5, 2/3")
print("scores s     :", scores.round(6))
print(f"loss         : {loss:.15f}   ln 2 = {ln2:.15f}")
print("dL/dW1:\n", affine1.dW.round(6))
print("dL/db1:", affine1.db.round(6))
print("dL/dW2:\n", affine2.dW.round(6))
print("dL/db2:", affine2.db.round(6))

# %%
# Code and hand agree
# -------------------
# The hand results, as fractions, against the computed arrays.
by_hand = {
    "h": np.array([[8 / 9, 4 / 5, 2 / 3]]),
    "dW1": np.array([[-8 / 9, 4 / 5, 4 / 3], [-4 / 9, 2 / 5, 2 / 3]]),
    "db1": np.array([-4 / 9, 2 / 5, 2 / 3]),
    "dW2": np.array([[-4 / 9, 4 / 9], [-2 / 5, 2 / 5], [-1 / 3, 1 / 3]]),
    "db2": np.array([-1 / 2, 1 / 2]),
}
computed = {"h": h, "dW1": affine1.dW, "db1": affine1.db, "dW2": affine2.dW, "db2": affine2.db}
for name, exact in by_hand.items():
    error = np.abs(computed[name] - exact).max()
    print(f"{name:>3}: max |code - hand| = {error:.1e}")
    assert error < 1e-12
assert np.allclose(scores, [[8.0, 8.0]], rtol=0, atol=1e-12)
assert abs(loss - ln2) < 1e-12

# %%
# One update with learning rate 1
# -------------------------------
# :math:`W \leftarrow W - 1 \cdot \partial L / \partial W` for every parameter. The course's
# printed updated parameters agree with these (for instance :math:`W_1[0,0] = \ln 2 + 8/9 \approx
# 1.5820`). Running the forward pass again shows what the step did: the first score grows, the
# second shrinks, and the loss falls well below :math:`\ln 2`.
lr = 1.0
new = {
    "W1": W1 - lr * affine1.dW,
    "b1": b1 - lr * affine1.db,
    "W2": W2 - lr * affine2.dW,
    "b2": b2 - lr * affine2.db,
}
for name, value in new.items():
    print(f"{name} after the update:\n{value.round(6)}")

layers = [Affine(new["W1"], new["b1"]), Sigmoid(), Affine(new["W2"], new["b2"])]
out = x
for layer in layers:
    out = layer.forward(out)
loss_after = SoftmaxWithLoss().forward(out, t)
print(f"scores after the update: {out.round(4)}, loss {loss_after:.4f} (was ln 2 = {ln2:.4f})")
assert abs(new["W1"][0, 0] - (ln2 + 8 / 9)) < 1e-12
assert out[0, 0] > out[0, 1]
assert loss_after < ln2
