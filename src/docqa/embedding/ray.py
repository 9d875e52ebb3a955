"""Distributed embedding on Ray (``docqa index --ray [ADDRESS]``, extra ``docqa[scale]``).

The one expensive stage of a build, encoding, runs as a Ray Data ``map_batches`` over an actor pool:
each actor loads the encoder once (the same model and backend as a local build: the ONNX export by
default, re-created from the cache on each node) and encodes batches; GPU actors when asked for.
The vectors come back in the passages' order and equal a local build's (within 1e-5).

``address``: "auto" starts a local Ray runtime on this machine; anything else (``ray://head:10001``,
an ``ip:port``) joins that cluster.

    with RayEmbedder(load_embedder(None), address="auto", workers=2) as embedder:
        vectors = embedder.encode(["Turkey is a valued ally."])
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from docqa.embedding import Embedder, query_encoder_of
from docqa.errors import DocqaError

STARTS = 3  # tries at starting a local Ray runtime (a CI run on a loaded two-core machine timed out twice)


class _Encode:
    """One Ray actor: an encoder loaded once, then batch after batch."""

    def __init__(self, model: str | None, backend: str, threads: int) -> None:
        from docqa.embedding import load_embedder

        os.environ["DOCQA_ONNX_THREADS"] = str(threads)  # one actor per CPU Ray gave it: no oversubscription
        self.embedder = load_embedder(model, backend)

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        return {"i": batch["i"], "vector": self.embedder.encode([str(t) for t in batch["text"]])}


class RayEmbedder:
    """An ``Embedder`` whose ``encode`` runs on a Ray cluster; questions are still encoded locally."""

    def __init__(self, local: Embedder, address: str = "auto", workers: int = 2, batch_size: int = 128, gpus: float = 0.0,
                 model: str | None = None, backend: str = "onnx") -> None:
        try:
            import ray
        except ImportError:
            raise DocqaError("--ray needs Ray: pip install 'docqa[scale]'") from None
        self._local = local
        self.name = local.name
        self.dimension = local.dimension
        self.workers = workers
        self.batch_size = batch_size
        self.gpus = gpus
        self.preferred_batch = 1 << 20  # one Ray dataset per build (``docqa.ingest.embed`` honours this)
        self._spec = (model, backend)
        self._started = False
        if not ray.is_initialized():
            # A local runtime that times out while starting (a busy machine: "the current node timed out during
            # startup", "Timed out waiting for file …gcs_server_port…") is started again, up to STARTS times; a cluster
            # that cannot be joined is reported at once.
            for attempt in range(STARTS if address == "auto" else 1):
                try:
                    if address == "auto":
                        ray.init(num_cpus=max(workers, 1), include_dashboard=False, log_to_driver=False,
                                 configure_logging=False)
                    else:
                        ray.init(address=address, log_to_driver=False, configure_logging=False)
                    break
                except Exception as exc:  # noqa: BLE001 - connection errors of many kinds: one line for the user
                    ray.shutdown()
                    if attempt < STARTS - 1 and address == "auto" and "timed out" in str(exc).lower():
                        continue
                    reason = str(exc).splitlines()[0] if str(exc) else exc
                    raise DocqaError(f"cannot start or join Ray at {address!r}: {reason}") from None
            self._started = True
        import logging

        import ray.data

        ray.data.DataContext.get_current().enable_progress_bars = False
        logging.getLogger("ray").setLevel(logging.WARNING)  # no per-dataset INFO lines on a user's terminal

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        import ray.data

        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        items = [{"i": i, "text": text} for i, text in enumerate(texts)]
        blocks = max(self.workers * 4, len(items) // (self.batch_size * 8) or 1)
        dataset = ray.data.from_items(items, override_num_blocks=min(blocks, len(items)))
        encoded = dataset.map_batches(
            _Encode, fn_constructor_kwargs={"model": self._spec[0], "backend": self._spec[1], "threads": 1},
            batch_size=self.batch_size, concurrency=self.workers, num_gpus=self.gpus or None, batch_format="numpy")
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        for batch in encoded.iter_batches(batch_size=None, batch_format="numpy"):
            out[np.asarray(batch["i"], dtype=np.int64)] = np.asarray(batch["vector"], dtype=np.float32)
        return out

    def query_encoder(self) -> Path | None:
        return query_encoder_of(self._local)

    def close(self) -> None:
        if self._started:
            import ray

            ray.shutdown()
            self._started = False

    def __enter__(self) -> RayEmbedder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
