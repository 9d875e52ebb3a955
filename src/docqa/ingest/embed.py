"""The embedding stage of a build: a vector for every passage, reused where the live index already holds
the same passage of the same document or the build cache holds the same text, encoded otherwise.

Encoded vectors go to the build cache batch by batch, so a build stopped midway loses at most the batch
it was encoding.  Progress is a bar on a terminal; elsewhere (a log, cron, CI) a line about every
``PROGRESS_SECONDS`` with done/total, rate and time left, and the same numbers to ``on_embedding``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from docqa.embedding import Embedder
from docqa.ingest.cache import BuildCache, text_key

BATCH = 1024
PROGRESS_SECONDS = 10.0


@dataclass(frozen=True)
class EmbeddingProgress:
    """How far the embedding of a build is: passages done of total, the rate so far and the time left."""

    done: int
    total: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.done / self.seconds if self.seconds > 0 else 0.0

    @property
    def eta(self) -> float | None:
        return (self.total - self.done) / self.rate if self.rate > 0 else None

    def line(self) -> str:
        """'embedded 2,048 of 32,263 passages (85/s, about 6 min left)'."""
        text = f"embedded {self.done:,} of {self.total:,} passages"
        if self.done and self.done < self.total and self.eta is not None:
            left = f"{self.eta / 60:.0f} min" if self.eta >= 90 else f"{self.eta:.0f} s"
            text += f" ({self.rate:,.0f}/s, about {left} left)"
        elif self.done:
            text += f" ({self.rate:,.0f}/s)"
        return text


def progress_bar(items: Iterable[Any], enabled: bool, description: str, unit: str) -> Iterable[Any]:
    """A progress bar on stderr when asked (the CLI asks only when stderr is a terminal)."""
    if not enabled:
        return items
    from tqdm import tqdm

    return tqdm(items, desc=description, unit=f" {unit}", leave=False)


class _Reporter:
    def __init__(self, total: int, on_line: Callable[[str], None] | None,
                 on_embedding: Callable[[EmbeddingProgress], None] | None) -> None:
        self.total, self.on_line, self.on_embedding = total, on_line, on_embedding
        self.started = self.last = time.monotonic()

    def __call__(self, done: int, final: bool = False) -> None:
        now = time.monotonic()
        progress = EmbeddingProgress(done, self.total, now - self.started)
        if self.on_embedding is not None:
            self.on_embedding(progress)
        if self.on_line is not None and (final or done == 0 or now - self.last >= PROGRESS_SECONDS):
            self.last = now
            self.on_line(progress.line())


def embed(embedder: Embedder, texts: list[str], keys: list[bytes], reuse: dict[bytes, np.ndarray],
          show_progress: bool = False, cache: BuildCache | None = None, on_line: Callable[[str], None] | None = None,
          on_embedding: Callable[[EmbeddingProgress], None] | None = None, lookup: bool = True) -> tuple[np.ndarray, int]:
    """Vectors for every text, and how many passages the model encoded (the rest came from ``reuse`` by
    passage key, or from ``cache`` by text unless ``lookup`` is off: the cache then only receives); a text
    that repeats is encoded once."""
    missing = [i for i, key in enumerate(keys) if key not in reuse]
    if not texts:
        return np.zeros((0, embedder.dimension), dtype=np.float32), 0
    dimension = next(iter(reuse.values())).shape[0] if reuse else None
    known: dict[str, np.ndarray] = {}
    encoded_texts: set[str] = set()
    if missing:
        # identical texts ("Yeah.", "[no speech]", boilerplate) are encoded once per build
        unique = list(dict.fromkeys(texts[i] for i in missing))
        hashes = {text: text_key(text) for text in unique}
        if cache is not None and lookup:
            cached = cache.vectors(embedder.name, list(hashes.values()))
            known = {text: cached[h] for text, h in hashes.items() if h in cached}
        todo = [text for text in unique if text not in known]
        size = int(getattr(embedder, "preferred_batch", BATCH))  # a distributed embedder takes far more at once
        batches = [todo[i : i + size] for i in range(0, len(todo), size)]
        total = sum(1 for i in missing if texts[i] not in known)
        counts: dict[str, int] = {}
        for i in missing:
            counts[texts[i]] = counts.get(texts[i], 0) + 1
        report = _Reporter(total, None if show_progress or not total else on_line, on_embedding)
        report(0)
        done = 0
        for batch in progress_bar(batches, show_progress, "embedding", "batches"):
            vectors_ = np.asarray(embedder.encode(batch), dtype=np.float32)
            if cache is not None:
                cache.put_vectors(embedder.name, [hashes[t] for t in batch], vectors_)
            known.update(zip(batch, vectors_, strict=True))
            encoded_texts.update(batch)
            done += sum(counts[t] for t in batch)
            report(done)
        report(done, final=True)
        dimension = len(next(iter(known.values())))
    vectors = np.empty((len(texts), dimension), dtype=np.float32)
    for i in missing:
        vectors[i] = known[texts[i]]
    done_set = set(missing)
    for i, key in enumerate(keys):
        if i not in done_set:
            vectors[i] = reuse[key]
    return vectors, sum(1 for i in missing if texts[i] in encoded_texts)
