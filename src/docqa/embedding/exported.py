"""A sentence-transformers model run through its ONNX export: the default build backend.

It joins the two backends (``transformers`` makes the export, ``onnx`` runs it), so neither of them
imports the other's embedder.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from docqa.embedding.onnx import OnnxEmbedder
from docqa.embedding.transformers import SentenceTransformerEmbedder


class ExportedEmbedder:
    """A sentence-transformers model run through its ONNX export, made (once, cached) on first use, so a
    build reads and attributes its documents before any model is touched.  A model that cannot be
    exported is run by sentence-transformers instead.

    >>> ExportedEmbedder(None).name
    'sentence-transformers/all-MiniLM-L6-v2'
    """

    def __init__(self, model: str | None) -> None:
        self.reference = SentenceTransformerEmbedder(model)
        self.name = self.reference.name
        self._inner: Any = None

    def _embedder(self) -> Any:
        if self._inner is None:
            exported = self.reference.onnx_export()
            self._inner = OnnxEmbedder(exported) if exported is not None else self.reference
        return self._inner

    @property
    def dimension(self) -> int:
        return int(self._embedder().dimension)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self._embedder().encode(texts)

    def query_encoder(self) -> Path | None:
        return self._embedder().query_encoder()
