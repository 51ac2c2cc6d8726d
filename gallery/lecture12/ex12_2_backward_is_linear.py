r"""
12.2 The Affine layer's backward pass is linear
===============================================

*The original statement of this exercise is lost* (only the remark "it is a linear
transformation, so the following holds" survives, without the formula). We reconstruct it as:
**show that, for a fixed input** :math:`X`, **the Affine layer's backward pass is a linear function
of the upstream gradient** :math:`dY`:

.. math::

    \operatorname{backward}(\alpha\, dY_1 + \beta\, dY_2)
    = \alpha \operatorname{backward}(dY_1) + \beta \operatorname{backward}(dY_2),

for :math:`dX`, :math:`dW` and :math:`db` alike. The forward pass :math:`XW + b` is *affine* in
:math:`X` (the bias shifts it), but the backward pass is *linear* in :math:`dY`:
:math:`dY\,W^\top`, :math:`X^\top dY` and :math:`\sum_n dY_n` are matrix products and sums,
and the bias does not appear in any of them.
"""

# %%
# Random arrays, seeded
# ---------------------
import matplotlib.pyplot as plt
import numpy as np

from nnscratch.layers import Affine

rng = np.random.default_rng(12)
N, D, M = 4, 5, 3
layer = Affine(rng.standard_normal((D, M)), rng.standard_normal(M))
x = rng.standard_normal((N, D))
layer.forward(x)


def backward(dout):
    """The three gradients for upstream ``dout`` (same layer, same input)."""
    dx = layer.backward(dout)
    return dx, layer.dW, layer.db


d1, d2 = rng.standard_normal((2, N, M))
alpha, beta = 2.5, -0.75

# %%
# Superposition and scaling
# -------------------------
# The gradient for :math:`\alpha\,dY_1 + \beta\,dY_2` against the same combination of the two
# gradients, and the gradient for :math:`\alpha\,dY_1` against :math:`\alpha` times that for
# :math:`dY_1`:
combined = backward(alpha * d1 + beta * d2)
separate = [alpha * g1 + beta * g2 for g1, g2 in zip(backward(d1), backward(d2), strict=True)]
scaled = backward(alpha * d1)
times_alpha = [alpha * g for g in backward(d1)]
for name, c, s, sc, ta in zip(
    ("dX", "dW", "db"), combined, separate, scaled, times_alpha, strict=True
):
    superposition_error = np.max(np.abs(c - s))
    scaling_error = np.max(np.abs(sc - ta))
    print(
        f"{name}: superposition error {superposition_error:.1e}, scaling error {scaling_error:.1e}"
    )
    np.testing.assert_allclose(c, s, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(sc, ta, rtol=1e-12, atol=1e-12)

# %%
# Both hold to rounding error. Linearity also means a zero upstream gradient gives zero
# gradients, whatever the weights and the bias:
for name, g in zip(("dX", "dW", "db"), backward(np.zeros((N, M))), strict=True):
    print(f"{name} for dY = 0: all zero? {not g.any()}")
    assert not g.any()

# %%
# Affine forward, linear backward
# -------------------------------
# Along the line :math:`t \mapsto t\,V` (for a random direction :math:`V`), every output of the
# forward pass is a straight line that does *not* go through the origin (the offset is the bias),
# while every entry of :math:`dX` along :math:`t \mapsto t\,dY_1` is a straight line through the
# origin.
t = np.linspace(-2, 2, 41)
V = rng.standard_normal((N, D))
forward_values = np.array([layer.forward(s * V)[0] for s in t])
layer.forward(x)
backward_values = np.array([layer.backward(s * d1)[0] for s in t])

fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4), sharex=True)
left.plot(t, forward_values)
left.set(
    title="Forward: $Y$ for $X = tV$ (affine in $t$)",
    xlabel="$t$",
    ylabel="first row of $Y$",
)
right.plot(t, backward_values)
right.set(
    title="Backward: $dX$ for $dY = t\\,dY_1$ (linear in $t$)",
    xlabel="$t$",
    ylabel="first row of $dX$",
)
for ax in (left, right):
    ax.axhline(0, color="grey", lw=0.8)
    ax.axvline(0, color="grey", lw=0.8)
fig.tight_layout()

np.testing.assert_allclose(forward_values[t == 0][0], layer.b, rtol=0, atol=1e-12)
np.testing.assert_allclose(backward_values[t == 0][0], 0, rtol=0, atol=1e-12)

# %%
# Why: the backward pass is the transpose of the forward's derivative
# -------------------------------------------------------------------
# For a small change :math:`\Delta X` of the input, the output changes by
# :math:`\Delta Y = \Delta X\,W`, a linear map :math:`J` of :math:`\Delta X` (the Jacobian; the
# bias cancels). The backward pass is its transpose (adjoint): for every :math:`\Delta X` and every
# :math:`dY`,
#
# .. math::
#
#     \langle J\,\Delta X,\ dY\rangle = \langle \Delta X\,W,\ dY\rangle
#     = \operatorname{tr}(W^\top \Delta X^\top dY) = \langle \Delta X,\ dY\,W^\top\rangle
#     = \langle \Delta X,\ J^\top dY \rangle .
#
# The transpose of a linear map is linear, whatever the layer: this is why backpropagation
# through *any* network is linear in the gradient fed in at the top, even though the forward
# pass is not. The identity, checked numerically:
delta_x = rng.standard_normal((N, D))
lhs = np.sum((layer.forward(x + delta_x) - layer.forward(x)) * d1)
layer.forward(x)
rhs = np.sum(delta_x * layer.backward(d1))
print(f"<J dX, dY> = {lhs:.12f}")
print(f"<dX, J^T dY> = {rhs:.12f}")
np.testing.assert_allclose(lhs, rhs, rtol=1e-12)
