"""nnscratch: neural networks from scratch in NumPy.

The library behind a course site on numerical differentiation, gradient descent and
backpropagation. Each module holds one idea:

- :mod:`nnscratch.functions`: activations and losses
- :mod:`nnscratch.gradients`: numerical differentiation
- :mod:`nnscratch.optim`: gradient descent and the update rules
- :mod:`nnscratch.layers`: layers with a ``forward`` and a ``backward``
- :mod:`nnscratch.networks`: networks built from those layers
- :mod:`nnscratch.training`: the training loop
- :mod:`nnscratch.metrics`: accuracy, confusion matrix, precision/recall/F1
- :mod:`nnscratch.transforms`: image shifts
- :mod:`nnscratch.plotting`: figures (needs matplotlib)
- :mod:`nnscratch.datasets`: MNIST, Fashion-MNIST and CIFAR-10, verified
"""

__version__ = "0.1.0"
