"""Comparing a backward pass with a numerical gradient."""

import numpy as np


def relative_error(a, b) -> float:
    """Largest difference, relative to the larger of the two gradients' largest entries."""
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    scale = max(np.max(np.abs(a)), np.max(np.abs(b)), 1e-300)
    return float(np.max(np.abs(a - b)) / scale)
