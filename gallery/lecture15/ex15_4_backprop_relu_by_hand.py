r"""
15.4 Forward and backward by hand: a ReLU network
=================================================

The same computation as 15.3 with a ReLU in the middle and five units everywhere:

.. math::

    W_1 = \begin{pmatrix}
        0 & 0 & 0 & 0 & 1 \\ 1 & 0 & 0 & 0 & 0 \\ 0 & -1 & 0 & 0 & 0 \\
        0 & 0 & -1 & 0 & 0 \\ 0 & 0 & 0 & -1 & 0 \end{pmatrix},\quad
    W_2 = \begin{pmatrix}
        5 & 0 & 0 & 0 & 5 \\ 5 & 0 & 0 & 0 & 5 \\ 5 & 0 & 0 & 0 & 5 \\
        5 & 0 & 0 & 0 & 5 \\ -5 & 5 & 5 & 5 & -5 \end{pmatrix},

biases 0, :math:`x = (1, 2, 3, 4, 5)`, :math:`t = (1, 0, 0, 0, 0)`. The course's hand solution is
lost; here is a full one, then the library's layers in float64, agreeing to :math:`10^{-12}`, and
one update with learning rate 1.

**Forward.** Column :math:`j` of :math:`W_1` picks one input: :math:`a_1 = x W_1 = (x_2, -x_3,
-x_4, -x_5, x_1) = (2, -3, -4, -5, 1)`. ReLU keeps the positive entries:
:math:`h = (2, 0, 0, 0, 1)`. Then :math:`s = h W_2 = 2 \cdot (\text{row } 1) + 1 \cdot
(\text{row } 5) = (10 - 5,\ 5,\ 5,\ 5,\ 10 - 5) = (5, 5, 5, 5, 5)`: all scores equal, so
:math:`y = (\tfrac15, \dots, \tfrac15)` and :math:`L = \ln 5`.

**Backward.** :math:`\partial L / \partial s = y - t = (-\tfrac45, \tfrac15, \tfrac15, \tfrac15,
\tfrac15) = \partial L / \partial b_2`, and :math:`\partial L / \partial W_2 = h^\top (y - t)`
has row 1 :math:`= 2 (y - t) = (-1.6, 0.4, 0.4, 0.4, 0.4)`, row 5 :math:`= 1 \cdot (y - t) =
(-0.8, 0.2, 0.2, 0.2, 0.2)`, and rows 2 to 4 zero (those units output 0).
Going back through :math:`W_2`: :math:`\partial L/\partial h_i = \sum_k (y - t)_k W_2[i, k]`,
which is :math:`5 \cdot (-\tfrac45) + 5 \cdot \tfrac15 = -3` for rows 1 to 4 and
:math:`-5 \cdot (-\tfrac45) + 5 \cdot \tfrac35 - 5 \cdot \tfrac15 = 6` for row 5.
ReLU passes the gradient only where its input was positive (units 1 and 5):

.. math::

    \frac{\partial L}{\partial a_1} = (-3, 0, 0, 0, 6) = \frac{\partial L}{\partial b_1},
    \qquad \frac{\partial L}{\partial W_1} = x^\top \frac{\partial L}{\partial a_1}:\
    \text{column 1} = -3x = (-3, -6, -9, -12, -15),\ \text{column 5} = 6x = (6, 12, 18, 24, 30),

and columns 2 to 4 zero.
"""

# %%
# The same with the library's layers
# ----------------------------------
import numpy as np

from nnscratch.layers import Affine, Relu, SoftmaxWithLoss

W1 = np.array(
    [[0, 0, 0, 0, 1], [1, 0, 0, 0, 0], [0, -1, 0, 0, 0], [0, 0, -1, 0, 0], [0, 0, 0, -1, 0]],
    dtype=float,
)
W2 = np.array(
    [[5, 0, 0, 0, 5], [5, 0, 0, 0, 5], [5, 0, 0, 0, 5], [5, 0, 0, 0, 5], [-5, 5, 5, 5, -5]],
    dtype=float,
)
b1 = np.zeros(5)
b2 = np.zeros(5)
x = np.array([[1.0, 2.0, 3.0, 4.0, 5.0]])
t = np.array([[1, 0, 0, 0, 0]])

affine1, relu, affine2, softmax_loss = Affine(W1, b1), Relu(), Affine(W2, b2), SoftmaxWithLoss()
h = relu.forward(affine1.forward(x))
scores = affine2.forward(h)
loss = softmax_loss.forward(scores, t)
affine1.backward(relu.backward(affine2.backward(softmax_loss.backward())))

print("hidden h:", h)
print("scores s:", scores)
print(f"loss {loss:.15f}, ln 5 = {np.log(5):.15f}")
print("dL/dW1:\n", affine1.dW)
print("dL/db1:", affine1.db)
print("dL/dW2:\n", affine2.dW)
print("dL/db2:", affine2.db)

# %%
# Code and hand agree
# -------------------
dW1 = np.zeros((5, 5))
dW1[:, 0] = -3 * x[0]
dW1[:, 4] = 6 * x[0]
delta = np.array([-0.8, 0.2, 0.2, 0.2, 0.2])
dW2 = np.zeros((5, 5))
dW2[0], dW2[4] = 2 * delta, 1 * delta
by_hand = {
    "h": np.array([[2.0, 0, 0, 0, 1]]),
    "s": np.full((1, 5), 5.0),
    "dW1": dW1,
    "db1": np.array([-3.0, 0, 0, 0, 6]),
    "dW2": dW2,
    "db2": delta,
}
computed = {
    "h": h,
    "s": scores,
    "dW1": affine1.dW,
    "db1": affine1.db,
    "dW2": affine2.dW,
    "db2": affine2.db,
}
for name, exact in by_hand.items():
    error = np.abs(computed[name] - exact).max()
    print(f"{name:>3}: max |code - hand| = {error:.1e}")
    assert error < 1e-12
assert abs(loss - np.log(5)) < 1e-12

# %%
# One update with learning rate 1
# -------------------------------
# Only the weights that touched an active unit move: columns 1 and 5 of :math:`W_1`, rows 1 and
# 5 of :math:`W_2`. The course's printed updated parameters match these. After the step the first
# score leads by so much that the loss drops from :math:`\ln 5 \approx 1.609` to 0 in float64:
# learning rate 1 is a huge step for scores this sensitive.
new = {"W1": W1 - affine1.dW, "b1": b1 - affine1.db, "W2": W2 - affine2.dW, "b2": b2 - affine2.db}
for name, value in new.items():
    print(f"{name} after the update:\n{value}")

out = x
for layer in (Affine(new["W1"], new["b1"]), Relu(), Affine(new["W2"], new["b2"])):
    out = layer.forward(out)
loss_after = SoftmaxWithLoss().forward(out, t)
print(f"scores after the update: {out.round(3)}, loss {abs(loss_after):.3g}")
assert np.array_equal(new["W1"][:, 1:4], W1[:, 1:4])
assert np.array_equal(new["W2"][1:4], W2[1:4])
assert out.argmax() == 0
assert loss_after < np.log(5)
