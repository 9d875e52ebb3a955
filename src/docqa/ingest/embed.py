"""The embedding stage of a build: a vector for every passage, reused where the live index already holds
the same passage of the same document, encoded otherwise."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from docqa.embedding import Embedder

BATCH = 1024


def progress_bar(items: Iterable[Any], enabled: bool, description: str, unit: str) -> Iterable[Any]:
    """A progress bar on stderr when asked (the CLI asks only when stderr is a terminal)."""
    if not enabled:
        return items
    from tqdm import tqdm

    return tqdm(items, desc=description, unit=f" {unit}", leave=False)


def embed(embedder: Embedder, texts: list[str], keys: list[bytes], reuse: dict[bytes, np.ndarray],
          show_progress: bool = False) -> tuple[np.ndarray, int]:
    """Vectors for every text, and how many passages needed encoding (the rest came from ``reuse`` by key);
    a text that repeats is encoded once."""
    missing = [i for i, key in enumerate(keys) if key not in reuse]
    if not texts:
        return np.zeros((0, embedder.dimension), dtype=np.float32), 0
    dimension = next(iter(reuse.values())).shape[0] if reuse else None
    fresh: np.ndarray | None = None
    if missing:
        # identical texts ("Yeah.", "[no speech]", boilerplate) are encoded once per build
        unique = list(dict.fromkeys(texts[i] for i in missing))
        size = int(getattr(embedder, "preferred_batch", BATCH))  # a distributed embedder takes far more at once
        batches = [unique[i : i + size] for i in range(0, len(unique), size)]
        parts = [embedder.encode(batch) for batch in progress_bar(batches, show_progress, "embedding", "batches")]
        encoded = np.vstack(parts)
        row = {text: n for n, text in enumerate(unique)}
        fresh = encoded[[row[texts[i]] for i in missing]]
        dimension = fresh.shape[1]
    vectors = np.empty((len(texts), dimension), dtype=np.float32)
    if fresh is not None:
        vectors[missing] = fresh
    done = set(missing)
    for i, key in enumerate(keys):
        if i not in done:
            vectors[i] = reuse[key]
    return vectors, len(missing)
