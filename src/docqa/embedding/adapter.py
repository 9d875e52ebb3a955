"""A question adapter: a linear map on the question's vector, learned for one model, the passages' vectors untouched.

A question and the passage that answers it are worded differently ("what did the manager think of the
colour" against "I'd go for something bright"); a general sentence model places them less close than
it places two paraphrases.  The adapter moves the question's vector ``q`` to ``normalise(q + W q)``,
with ``W`` fitted so that the passages that answer training questions rank first (the linear query
adapter of LlamaIndex's ``EmbeddingAdapterFinetuneEngine``).  Only the question side changes, so an
index needs no rebuild and a quote checked against the passages (``docqa check``) is not adapted.

``W`` ships for the default model only (``adapters/<model>.npy``, fitted by
``benchmarks/fit_adapter.py`` on the training splits of QMSum and SciFact; docs/notes/2026-11-30-adapter.md):
any other model's questions are used as encoded.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from docqa.embedding import DEFAULT_MODEL, INT8_SUFFIX

FOLDER = Path(__file__).with_name("adapters")


def adapter_path(model: str) -> Path:
    """Where the adapter of ``model`` (a name an index records) is kept."""
    return FOLDER / f"{model.removesuffix(INT8_SUFFIX).rsplit('/', 1)[-1]}.npy"


@lru_cache(maxsize=4)
def _load(path: Path) -> np.ndarray | None:
    if not path.is_file():
        return None
    matrix = np.load(path, allow_pickle=False).astype(np.float32)
    return matrix if matrix.ndim == 2 and matrix.shape[0] == matrix.shape[1] else None


class QueryAdapter:
    """``adapt(vectors)``: questions' rows moved by the model's ``W``, then normalised again.

    >>> QueryAdapter.for_model("some/other-model") is None
    True
    """

    def __init__(self, matrix: np.ndarray) -> None:
        self.matrix = np.asarray(matrix, dtype=np.float32)

    @classmethod
    def for_model(cls, model: str | None) -> QueryAdapter | None:
        """The adapter shipped for ``model``, or None (only the default model has one)."""
        if model is None or model.removesuffix(INT8_SUFFIX) != DEFAULT_MODEL:
            return None
        matrix = _load(adapter_path(model))
        return None if matrix is None else cls(matrix)

    def adapt(self, vectors: np.ndarray) -> np.ndarray:
        vectors = np.asarray(vectors, dtype=np.float32)
        if vectors.ndim != 2 or vectors.shape[1] != self.matrix.shape[0]:
            return vectors  # another dimension: not the model it was fitted for
        moved = vectors + vectors @ self.matrix.T
        norms = np.linalg.norm(moved, axis=1, keepdims=True)
        return (moved / np.where(norms > 0, norms, 1.0)).astype(np.float32)
