r"""
13.4a Vanishing gradients in a deep sigmoid network
===================================================

Ten Affine layers of 100 units (weights :math:`0.01\,\mathcal N(0, 1)`, biases 0) with a sigmoid
after each but the last; a random input and a random upstream gradient (both uniform on
:math:`[0, 1)`, one sample, as in the course). After one backward pass we measure each layer's
weight gradient by its squared norm :math:`\lVert dW_k\rVert^2 = \sum_{ij} (dW_k)_{ij}^2`, from
the last layer to the first. It falls by about **thirty orders of magnitude** towards the input:
the early layers would not learn at all.

The course printed 888 down to 0.002 (six orders). Those numbers are not reproducible: its sigmoid
backward had a typo, ``(10 - out)`` for ``(1 - out)``, and this page shows that the typo accounts
for them. Finally, Xavier initialisation, side by side: it keeps the activations spread out and
cuts the fall to about eleven orders of magnitude, but it cannot stop a sigmoid network from
vanishing.
"""

# %%
# The stack
# ---------
# Every stack below is built from the same standard-normal draws :math:`Z_k`, with
# :math:`W_k = \sigma_w Z_k`: the stacks differ only in the scale :math:`\sigma_w` (or, for the
# typo, in the derivative), never in the luck of the draw.
import matplotlib.pyplot as plt
import numpy as np

from nnscratch.layers import Affine, Sigmoid

WIDTH, DEPTH = 100, 10
rng = np.random.default_rng(1304)
Z = rng.standard_normal((DEPTH, WIDTH, WIDTH))
x = rng.random((1, WIDTH))
dout = rng.random((1, WIDTH))


def build_stack(scale, activation=Sigmoid):
    """Affine layers with weights ``scale * Z[k]``, an activation between each pair."""
    layers = []
    for k in range(DEPTH):
        layers.append(Affine(scale * Z[k], np.zeros(WIDTH)))
        if k < DEPTH - 1:
            layers.append(activation())
    return layers


def gradient_norms(layers, x, dout):
    """Forward ``x``, backward ``dout``; return sum(dW**2) per Affine layer, last to first."""
    for layer in layers:
        x = layer.forward(x)
    for layer in reversed(layers):
        dout = layer.backward(dout)
    return np.array([np.sum(layer.dW**2) for layer in layers[::-2]])


def show(name, norms):
    print(f"{name:>14}: " + "  ".join(f"{v:.3g}" for v in norms))


plain = gradient_norms(build_stack(0.01), x, dout)
print("sum of squared dW, layer 10 (last) to layer 1 (first)")
show("0.01 N(0,1)", plain)

# %%
# From the last layer to the first the squared gradient norm shrinks at every step, by about three
# orders of magnitude each time:
orders = np.log10(plain[0] / plain[-1])
print(f"layer 10 / layer 1: 10^{orders:.1f}")
assert np.all(np.diff(plain) < 0)
assert orders > 20

# %%
# Why: a factor of at most 1/16 per sigmoid
# -----------------------------------------
# With one sample, :math:`dW_k = x_k^\top dY_k` is an outer product, so
# :math:`\lVert dW_k\rVert^2 = \lVert x_k\rVert^2 \lVert dY_k\rVert^2` exactly: the input of layer
# :math:`k` times the gradient arriving at it. The inputs are sigmoid outputs near 0.5 for every
# layer but the first, so the fall is all in :math:`dY_k`. Going back through one layer multiplies
# the gradient by :math:`W^\top` and then by :math:`y(1 - y)`:
#
# .. math::
#
#     \lVert dY_{k-1} \rVert^2 \approx \underbrace{100\,\sigma_w^2}_{W^\top}\;
#     \underbrace{\big(y(1-y)\big)^2}_{\le 1/16}\;\lVert dY_k\rVert^2 ,
#
# and :math:`y(1 - y) \le 1/4`, with equality at :math:`y = 1/2`. With :math:`\sigma_w = 0.01`
# that is :math:`0.01 \times 1/16 \approx 6 \times 10^{-4}`: about 3.2 orders of magnitude per
# layer, 29 over nine sigmoids.
per_layer = np.log10(plain[:-2] / plain[1:-1])  # layers 10..3; layer 1 has the raw input
print("orders of magnitude lost per layer:", per_layer.round(2))
assert np.all(np.abs(per_layer - np.log10(16 / 0.01)) < 0.3)

# %%
# The course's numbers: a typo
# ----------------------------
# The course's ``Sigmoid.backward`` reads ``dx = dout * (10 - self.out) * self.out``. With
# :math:`y \approx 0.5` that multiplies by about :math:`0.5 \times 9.5 = 4.75` instead of
# :math:`0.25`, 19 times too much, and the squared gradient falls by about
# :math:`0.01 \times 4.75^2 \approx 0.23` per layer instead of :math:`6 \times 10^{-4}`. The same
# stack with the typo reproduces the course's printout (random runs, so to within a small factor):


class TypoSigmoid(Sigmoid):
    """The course's layer: ``(10 - out)`` where ``(1 - out)`` was meant."""

    def backward(self, dout):
        return dout * (10.0 - self.out) * self.out


typo = gradient_norms(build_stack(0.01, TypoSigmoid), x, dout)
course = np.array(
    [888.33, 172.99, 46.214, 13.545, 3.0599, 0.70828, 0.15765, 0.028851, 0.0072572, 0.0020811]
)
show("typo (ours)", typo)
show("course", course)
ratio = typo / course
print("ours / course:", ratio.round(2))
assert np.all((ratio > 1 / 4) & (ratio < 4))

# %%
# Xavier initialisation
# ---------------------
# Xavier (Glorot) initialisation scales the weights by :math:`1/\sqrt{n}` for :math:`n` inputs,
# here :math:`\sigma_w = 0.1`, so that :math:`100\,\sigma_w^2 = 1`: the weights no longer shrink
# the gradient, and only the sigmoid's :math:`(y(1-y))^2 \le 1/16` remains.
xavier = gradient_norms(build_stack(1 / np.sqrt(WIDTH)), x, dout)
show("Xavier", xavier)
xavier_orders = np.log10(xavier[0] / xavier[-1])
print(f"layer 10 / layer 1: 10^{orders:.1f} with 0.01, 10^{xavier_orders:.1f} with Xavier")
assert orders - xavier_orders > 10  # ten orders of magnitude healthier...
assert xavier_orders > 6  # ...but the first layer's gradient still vanishes

fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.5), sharey=True)
layer_ids = np.arange(DEPTH, 0, -1)
positions = np.arange(DEPTH)
for ax, series in (
    (left, [("0.01 N(0,1)", plain), ("Xavier, 0.1 N(0,1)", xavier)]),
    (right, [("ours with the (10 - out) typo", typo), ("course's printout", course)]),
):
    for i, (label, values) in enumerate(series):
        ax.bar(positions + (i - 0.5) * 0.4, values, width=0.4, label=label)
    ax.set_yscale("log")
    ax.set_xticks(positions, [str(k) for k in layer_ids])
    ax.set_xlabel("layer (last to first)")
    ax.legend()
left.set_ylabel(r"$\sum dW^2$")
left.set_title("Sigmoid stack: gradient per layer")
right.set_title("The course's numbers come from its typo")
fig.tight_layout()

# %%
# Activations per layer
# ---------------------
# The book's chapter 6 figure: push a batch of 1,000 standard-normal inputs through the stacks and
# look at the distribution of each sigmoid's outputs. With :math:`\sigma_w = 0.01` the
# pre-activations are tiny, every output sits at :math:`\sigma(0) = 0.5` and all units of a layer
# say the same thing. Xavier keeps them spread out.
batch = np.random.default_rng(6).standard_normal((1000, WIDTH))


def activations(layers, x):
    outputs = []
    for layer in layers[:-1]:
        x = layer.forward(x)
        if not isinstance(layer, Affine):
            outputs.append(x)
    return outputs


rows = {"0.01 N(0,1)": 0.01, "Xavier": 1 / np.sqrt(WIDTH)}
spread = {}
fig, axes = plt.subplots(len(rows), DEPTH - 1, figsize=(16, 4.2), sharex=True, sharey="row")
for row, (name, scale) in zip(axes, rows.items(), strict=True):
    outputs = activations(build_stack(scale), batch)
    spread[name] = np.array([a.std() for a in outputs])
    for k, (ax, a) in enumerate(zip(row, outputs, strict=True), start=1):
        ax.hist(a.ravel(), bins=30, range=(0, 1))
        ax.set_title(f"layer {k}", fontsize=9)
        ax.tick_params(labelsize=7)
    row[0].set_ylabel(name)
fig.suptitle("Sigmoid outputs per layer (1,000 samples x 100 units)")
fig.supxlabel("activation")
fig.tight_layout()

for name, values in spread.items():
    print(f"std of the activations, {name:>11}: " + " ".join(f"{v:.3f}" for v in values))
assert np.all(spread["Xavier"] > 5 * spread["0.01 N(0,1)"])

# %%
# Xavier's activations are about ten times as spread out in every layer, so different units carry
# different information. But no choice of scale rescues the gradient of a deep sigmoid network:
# to undo the factor 1/16 the weights would have to amplify by 4, which drives the
# pre-activations into the flat tails of the sigmoid, where :math:`y(1-y)` is far below 1/4. The
# way out is an activation whose derivative is 1: ReLU, in
# :ref:`sphx_glr_auto_examples_lecture13_ex13_4b_vanishing_relu.py`.
