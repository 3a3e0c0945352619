"""A linear model over binary features, as training/ writes it (an .npz beside the module that
reads it): the coach's sentence roles and the triage hint's respond-or-ignore both read one.

Each text's features are looked up by name; a text's score per output is the sum of its known
features' weights, scaled by one over the square root of how many it has (rows of unit length,
as trained), plus the bias, against the output's limit: the log-odds of the probability from
which it counts.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True)
class Linear:
    index: dict[str, int]
    weights: "np.ndarray"  # features × outputs
    bias: "np.ndarray"  # outputs
    limits: "np.ndarray"  # outputs: the score from which an output counts (its threshold's log-odds)

    def margins(self, texts: list[list[str]]) -> tuple["np.ndarray", list[int]]:
        """Per text (its features) and output, the score less the limit (≥ 0: it counts), in one
        pass over the weights; and how many known features each text had."""
        import numpy as np  # here, not at the top: a start needs no arrays

        rows, starts, sizes = [], [], []
        for found in texts:
            known = sorted({i for f in found if (i := self.index.get(f)) is not None})
            starts.append(len(rows))
            sizes.append(len(known))
            rows += known
        outputs = self.weights.shape[1]
        if not rows:
            return np.full((len(texts), outputs), -np.inf), sizes
        # one zero row after the last, so a text with no known feature at the end has a start
        picked = np.vstack([self.weights[rows], np.zeros((1, outputs), dtype=self.weights.dtype)])
        sums = np.add.reduceat(picked, starts, axis=0)
        scale = 1.0 / np.sqrt(np.maximum(sizes, 1))[:, None]
        return sums * scale + self.bias - self.limits, sizes


def load(path: Path) -> Linear | None:
    """The trained model at `path`, or None when it has not been trained."""
    import numpy as np

    if not path.exists():
        return None
    with np.load(path) as saved:
        names = str(saved["features"]).split("\n")
        thresholds = saved["thresholds"]  # a probability p counts from log(p / (1 - p))
        return Linear({name: i for i, name in enumerate(names)}, saved["weights"].astype(np.float32),
                      saved["bias"], np.log(thresholds / (1.0 - thresholds)))
