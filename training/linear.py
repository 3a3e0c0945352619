"""What both trainings share: rows of binary features scaled to unit length (as
desk/advice/linear.py reads them), and the model written as an .npz it loads."""
from __future__ import annotations

from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix


def matrix(rows: list[list[str]]) -> tuple[csr_matrix, list[str]]:
    """The feature matrix of the rows (each a list of feature names) and the names by column."""
    index: dict[str, int] = {}
    at, cols = [], []
    for r, found in enumerate(rows):
        seen = {index.setdefault(f, len(index)) for f in found}
        at += [r] * len(seen)
        cols += sorted(seen)
    x = csr_matrix((np.ones(len(at)), (at, cols)), shape=(len(rows), len(index)))
    counts = np.asarray(x.sum(axis=1)).ravel()
    x = csr_matrix(x.multiply(1.0 / np.sqrt(np.maximum(counts, 1))[:, None]))
    return x, sorted(index, key=index.get)


def save(path: Path, names: list[str], weights: np.ndarray, bias: np.ndarray, thresholds: np.ndarray) -> int:
    """Write the model, leaving out features with no weight; how many it kept."""
    keep = np.abs(weights).max(axis=1) >= 1e-3
    np.savez_compressed(path, features=np.array("\n".join(n for n, k in zip(names, keep) if k)),
                        weights=weights[keep].astype(np.float16), bias=bias, thresholds=thresholds)
    return int(keep.sum())
