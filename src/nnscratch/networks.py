"""Networks of Affine layers and activations, ending in softmax with cross-entropy.

:class:`MultiLayerNet` holds any number of hidden layers; :class:`TwoLayerNet` is the
book's one-hidden-layer network, the same class with one hidden size.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np

from nnscratch._checks import as_labels, check_count, check_positive
from nnscratch.layers import (
    Affine,
    Relu,
    Sigmoid,
    SoftmaxWithLoss,
    _softmax_cross_entropy,
)

__all__ = ["MultiLayerNet", "TwoLayerNet"]

_ACTIVATIONS = {"relu": Relu, "sigmoid": Sigmoid}
_EVAL_CHUNK = 10_000


def _init_std(weight_init_std, fan_in: int) -> float:
    if isinstance(weight_init_std, str):
        name = weight_init_std.lower()
        if name == "he":  # keeps the variance of ReLU outputs constant from layer to layer
            return float(np.sqrt(2.0 / fan_in))
        if name == "xavier":  # the same for sigmoid and tanh
            return float(np.sqrt(1.0 / fan_in))
        raise ValueError(
            f'weight_init_std must be a number, "he" or "xavier", got {weight_init_std!r}'
        )
    if isinstance(weight_init_std, bool) or not isinstance(
        weight_init_std, (int, float, np.integer, np.floating)
    ):
        raise TypeError(
            f'weight_init_std must be a number, "he" or "xavier", got '
            f"{type(weight_init_std).__name__}"
        )
    if not np.isfinite(weight_init_std) or weight_init_std < 0:
        raise ValueError(f"weight_init_std must be finite and >= 0, got {weight_init_std}")
    return float(weight_init_std)


class MultiLayerNet:
    """A fully connected network: (Affine, activation) per hidden layer, then Affine.

    The output scores go into a :class:`~nnscratch.layers.SoftmaxWithLoss` layer for the
    loss and its gradient.

    Parameters
    ----------
    input_size : int
        Features per sample (784 for flattened MNIST).
    hidden_sizes : sequence of int
        Units of each hidden layer, input side first. May be empty.
    output_size : int
        Number of classes.
    activation : {"relu", "sigmoid"}
    weight_init_std : float, "he" or "xavier", default "he"
        Standard deviation of the initial weights: a number for every layer, or per
        layer :math:`\\sqrt{2/n}` ("he") or :math:`\\sqrt{1/n}` ("xavier"), where
        :math:`n` is the layer's number of inputs. Biases start at 0.
    rng : numpy.random.Generator or int, optional
        Random generator or seed for the initial weights. Pass a seed for the same
        network every time.
    dtype : numpy dtype, default numpy.float32
        Of the parameters and computations. float32 trains about twice as fast as
        float64 with the same accuracy; use float64 to check gradients numerically.

    Attributes
    ----------
    params : dict of str to numpy.ndarray
        ``W1``, ``b1``, ``W2``, ``b2``, ...: shared with the layers, so updating an
        array in place updates the network.
    layers : list
        The Affine and activation layers, input side first.
    last_layer : SoftmaxWithLoss

    Examples
    --------
    >>> import numpy as np
    >>> from nnscratch.networks import MultiLayerNet
    >>> net = MultiLayerNet(4, [5, 5], 3, rng=0)
    >>> sorted(net.params)
    ['W1', 'W2', 'W3', 'b1', 'b2', 'b3']
    >>> x = np.ones((2, 4), dtype=np.float32)
    >>> net.predict(x).shape
    (2, 3)
    >>> loss, grads = net.loss_and_gradient(x, np.array([0, 2]))
    >>> grads["W2"].shape
    (5, 5)
    """

    def __init__(
        self,
        input_size: int,
        hidden_sizes: Sequence[int],
        output_size: int,
        *,
        activation: str = "relu",
        weight_init_std="he",
        rng=None,
        dtype=np.float32,
    ):
        if isinstance(hidden_sizes, (int, np.integer)):
            raise TypeError(
                f"hidden_sizes must be a sequence of ints such as [{hidden_sizes}], "
                f"got the int {hidden_sizes}"
            )
        sizes = [check_count(input_size, "input_size")]
        sizes += [check_count(h, "hidden_sizes entry") for h in hidden_sizes]
        sizes.append(check_count(output_size, "output_size"))
        if activation not in _ACTIVATIONS:
            raise ValueError(
                f"activation must be one of {sorted(_ACTIVATIONS)}, got {activation!r}"
            )
        dtype = np.dtype(dtype)
        if not np.issubdtype(dtype, np.floating):
            raise TypeError(f"dtype must be a floating type such as float32, got {dtype}")
        rng = np.random.default_rng(rng)

        self.sizes = tuple(sizes)
        self.activation = activation
        self.dtype = dtype
        self.params: dict[str, np.ndarray] = {}
        for i, (fan_in, fan_out) in enumerate(itertools.pairwise(sizes), start=1):
            std = _init_std(weight_init_std, fan_in)
            self.params[f"W{i}"] = (std * rng.standard_normal((fan_in, fan_out))).astype(dtype)
            self.params[f"b{i}"] = np.zeros(fan_out, dtype=dtype)
        self.layers = self._build_layers(self.params)
        self.last_layer = SoftmaxWithLoss()

    def _build_layers(self, params: dict[str, np.ndarray]) -> list:
        layers = []
        depth = len(self.sizes) - 1
        for i in range(1, depth + 1):
            layers.append(Affine(params[f"W{i}"], params[f"b{i}"]))
            if i < depth:
                layers.append(_ACTIVATIONS[self.activation]())
        return layers

    @property
    def affine_layers(self) -> list[Affine]:
        """The Affine layers, input side first; after a backward pass each has ``dW``, ``db``."""
        return [layer for layer in self.layers if isinstance(layer, Affine)]

    def _as_input(self, x) -> np.ndarray:
        x = np.asarray(x)
        if x.dtype != self.dtype:
            x = x.astype(self.dtype)
        return x

    def predict(self, x) -> np.ndarray:
        """Scores (before softmax) for a batch ``x`` of shape ``(N, input_size)``."""
        out = self._as_input(x)
        for layer in self.layers:
            out = layer.forward(out)
        return out

    def loss(self, x, t) -> float:
        """Mean cross-entropy loss on a batch; ``t`` is integer labels or one-hot rows."""
        return self.last_layer.forward(self.predict(x), t)

    def backward(self, dout, *, input_grad: bool = True) -> np.ndarray | None:
        """Propagate ``dout`` (the gradient at the scores) back to the input and return it.

        Afterwards every Affine layer holds its ``dW`` and ``db``: see :attr:`grads`.
        With ``input_grad=False`` the gradient with respect to the input is not computed
        (training never needs it) and None is returned.
        """
        for layer in reversed(self.layers[1:]):
            dout = layer.backward(dout)
        return self.layers[0].backward(dout, input_grad=input_grad)

    @property
    def grads(self) -> dict[str, np.ndarray]:
        """The gradients of the last backward pass, keyed like :attr:`params`."""
        grads = {}
        for i, layer in enumerate(self.affine_layers, start=1):
            if layer.dW is None:
                raise RuntimeError("no gradients yet: call gradient() or backward() first")
            grads[f"W{i}"], grads[f"b{i}"] = layer.dW, layer.db
        return grads

    def loss_and_gradient(self, x, t) -> tuple[float, dict[str, np.ndarray]]:
        """The loss and its gradient by backpropagation, from one forward pass."""
        loss = self.loss(x, t)
        self.backward(self.last_layer.backward(), input_grad=False)
        return loss, self.grads

    def gradient(self, x, t) -> dict[str, np.ndarray]:
        """Gradient of the loss with respect to every parameter, by backpropagation."""
        return self.loss_and_gradient(x, t)[1]

    def accuracy(self, x, t) -> float:
        """Share of samples whose highest score is the true class (evaluated in chunks)."""
        labels = as_labels(t, "t", self.sizes[-1], length=len(x))
        correct = 0
        for start in range(0, len(x), _EVAL_CHUNK):
            scores = self.predict(x[start : start + _EVAL_CHUNK])
            correct += int(
                np.count_nonzero(scores.argmax(axis=1) == labels[start : start + _EVAL_CHUNK])
            )
        return correct / len(x) if len(x) else float("nan")

    def numerical_gradient(self, x, t, h: float = 1e-4) -> dict[str, np.ndarray]:
        """Gradient of the loss by central differences, in float64, for checking backprop.

        Every parameter is perturbed by ``+h`` and ``-h`` in turn, and the loss of each
        perturbed network is computed from what the perturbation changes, and nothing
        else. Perturbing ``W[i, j]`` of an Affine layer moves column ``j`` of its output by
        ``h * x[:, i]`` (the bias ``b[j]`` moves it by ``h``); the activation after it then
        changes in column ``j`` only, so the next Affine layer's output moves by that change
        times row ``j`` of its weights, and only the layers after that run again. The
        perturbations of one column are scored together, as a stack of batches. The result
        equals the naive central difference up to rounding, many times faster.

        The parameters themselves are never touched: the work is done on float64 copies.
        """
        h = check_positive(h, "h")
        params = {key: value.astype(np.float64) for key, value in self.params.items()}
        layers = self._build_layers(params)
        last = SoftmaxWithLoss()
        outputs = [np.asarray(x, dtype=np.float64)]  # outputs[p] is the input of layers[p]
        for layer in layers:
            outputs.append(layer.forward(outputs[-1]))
        last.forward(outputs[-1], t)  # checks t once, before the long loop
        target, n = last.t, len(outputs[0])

        grads = {}
        affine_positions = [p for p, layer in enumerate(layers) if isinstance(layer, Affine)]
        for number, position in enumerate(affine_positions, start=1):
            # Row i: how column j of this layer's output moves when W[i, j] moves by h; the
            # last row is the bias's.
            flat_in = outputs[position].reshape(n, -1)
            moves = np.vstack([h * flat_in.T, np.full((1, n), h)])
            widest = max(out.shape[1] for out in outputs[position + 1 :])
            chunk = max(1, _STACK_ELEMENTS // (n * widest))
            both = np.empty((len(moves), layers[position].W.shape[1]))
            for j in range(both.shape[1]):
                for start in range(0, len(moves), chunk):
                    part = moves[start : start + chunk]
                    f_plus = _losses_with_column_moved(layers, outputs, position, j, part, target)
                    f_minus = _losses_with_column_moved(layers, outputs, position, j, -part, target)
                    both[start : start + chunk, j] = (f_plus - f_minus) / (2 * h)
            grads[f"W{number}"], grads[f"b{number}"] = both[:-1], both[-1]
        return {key: grads[key] for key in params}


# Perturbed batches scored at once by the numerical gradient: about 2 MB of float64 a stack,
# small enough to stay in cache.
_STACK_ELEMENTS = 2**18


def _losses_with_column_moved(layers, outputs, position, j, moves, target) -> np.ndarray:
    """The loss for each row of ``moves`` added to column ``j`` of ``layers[position]``'s output.

    ``outputs`` holds every layer's unperturbed input and output; ``moves`` has shape
    ``(K, N)``. Returns ``K`` losses.
    """
    k, n = moves.shape
    later = layers[position + 1 :]
    if not later:  # the output layer: the scores themselves move
        scores = np.repeat(outputs[position + 1][np.newaxis], k, axis=0)
        scores[:, :, j] += moves
    else:
        activation, next_affine = later[0], later[1]
        moved = activation.forward(outputs[position + 1][:, j] + moves)
        change = moved - outputs[position + 2][:, j]
        scores = outputs[position + 3] + change[:, :, np.newaxis] * next_affine.W[j]
        for layer in later[2:]:
            scores = layer.forward(scores.reshape(k * n, -1)).reshape(k, n, -1)
    return _softmax_cross_entropy(scores, target, probabilities=False)[1]


class TwoLayerNet(MultiLayerNet):
    """The book's two-layer network: Affine, activation, Affine, softmax with loss.

    Parameters
    ----------
    input_size, hidden_size, output_size : int
    weight_init_std : float, "he" or "xavier", default 0.01
        The book's default is 0.01.
    activation : {"relu", "sigmoid"}
    rng : numpy.random.Generator or int, optional
    dtype : numpy dtype, default numpy.float32

    See Also
    --------
    MultiLayerNet : every method is documented there.

    Examples
    --------
    >>> import numpy as np
    >>> from nnscratch.networks import TwoLayerNet
    >>> net = TwoLayerNet(3, 3, 3, rng=0, dtype=np.float64)
    >>> x = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    >>> t = np.array([[1, 0, 0], [0, 0, 1]])
    >>> round(net.loss(x, t), 2)  # small weights: every class near 1/3, loss near ln 3
    1.1
    >>> grads = net.gradient(x, t)
    >>> numerical = net.numerical_gradient(x, t)
    >>> bool(np.allclose(grads["W1"], numerical["W1"]))
    True
    """

    def __init__(
        self,
        input_size: int,
        hidden_size: int,
        output_size: int,
        weight_init_std=0.01,
        activation: str = "relu",
        rng=None,
        *,
        dtype=np.float32,
    ):
        super().__init__(
            input_size,
            [hidden_size],
            output_size,
            activation=activation,
            weight_init_std=weight_init_std,
            rng=rng,
            dtype=dtype,
        )
