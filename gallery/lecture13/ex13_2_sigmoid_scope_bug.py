r"""
13.2 Find the bug: a backward pass that uses forward's local variable
=====================================================================

A sigmoid layer whose ``forward`` keeps its output in a *local* variable ``out`` and whose
``backward`` then uses ``out`` fails: a local variable lives only while its function runs. This
page reproduces the error safely, shows a worse variant of the same bug (no error at all), and
fixes it by storing the output on the instance, ``self.out``.
"""

# %%
# The buggy layer
# ---------------
import traceback

import numpy as np

from nnscratch.functions import sigmoid
from nnscratch.layers import Sigmoid


class BuggySigmoid:
    def forward(self, x):
        out = sigmoid(x)  # a local variable: gone when forward returns
        return out

    def backward(self, dout):
        return dout * (1.0 - out) * out  # noqa: F821 -- the bug this page is about


x = np.array([[-1.0, 0.0, 2.0]])
dout = np.array([[1.0, 1.0, 1.0]])
buggy = BuggySigmoid()
print("forward:", buggy.forward(x).round(4))

# %%
# ``forward`` works; ``backward`` does not. Python looks ``out`` up in ``backward``'s own local
# variables, then among the module's global names, then among the built-ins, and finds it in none:
try:
    buggy.backward(dout)
except NameError as error:
    caught = error
    print("".join(traceback.format_exception_only(error)).strip())
else:
    raise AssertionError("the buggy backward should raise NameError")
assert "out" in str(caught)

# %%
# The worse variant: a global of the same name
# --------------------------------------------
# In a notebook or a script, a variable called ``out`` at the top level is common. Then the buggy
# ``backward`` raises nothing: it silently uses that global, which has nothing to do with this
# layer, and returns a wrong gradient.
out = np.array([[0.5, 0.5, 0.5]])  # say, the output of some other layer
buggy.forward(x)
silently_wrong = buggy.backward(dout)
correct = dout * sigmoid(x) * (1 - sigmoid(x))
print("buggy backward with a global `out`:", silently_wrong.round(4))
print("correct gradient:                  ", correct.round(4))
assert not np.allclose(silently_wrong, correct)
del out  # keep the trap out of the rest of the page

# %%
# The fix: keep the output on the instance
# ----------------------------------------
# ``forward`` must store what ``backward`` needs as an attribute of the layer, ``self.out``; each
# layer object then carries its own output, and ``backward`` reads exactly the output of *this*
# layer's last ``forward``. (``self.out`` is an instance attribute, not a global variable: a global
# is precisely what produced the silent error above.)


class FixedSigmoid:
    def __init__(self):
        self.out = None

    def forward(self, x):
        self.out = sigmoid(x)
        return self.out

    def backward(self, dout):
        return dout * (1.0 - self.out) * self.out


fixed = FixedSigmoid()
fixed.forward(x)
dx = fixed.backward(dout)
print("fixed backward:  ", dx.round(4))

library = Sigmoid()
library.forward(x)
print("library backward:", library.backward(dout).round(4))
np.testing.assert_allclose(dx, correct, rtol=0, atol=1e-15)
np.testing.assert_allclose(library.backward(dout), correct, rtol=0, atol=1e-15)

# %%
# The library's :class:`~nnscratch.layers.Sigmoid` stores its output the same way; calling its
# ``backward`` before any ``forward`` raises a ``RuntimeError`` that says so, rather than a
# confusing error about ``None``.
try:
    Sigmoid().backward(dout)
except RuntimeError as error:
    print(error)
