"""The generation's FAISS index: exact (flat) or HNSW, inner product of normalised vectors (cosine).

The one rule that ties FAISS to the database lives here and nowhere else: passage ids are 1..n and
FAISS row ``i`` holds passage ``i + 1``.  Filters become ID selectors inside the search: on HNSW a
filter that keeps few passages is searched exactly over the flat storage (a graph walk that may
only step on a few nodes loses recall); one that keeps many uses the graph.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from docqa.errors import IndexFormatError
from docqa.storage.base import kind_for

VECTORS = "vectors.faiss"
HNSW_M = 32
EF_SEARCH = 512  # HNSW breadth at query time: recall@10 vs exact 0.99 at 1M, 1.1 ms (benchmarks/run.py)
HNSW_FILTER_SHARE = 0.2  # filters keeping less than this share of passages are searched exactly


def rows_of(ids: Sequence[int]) -> np.ndarray:
    """FAISS rows of passage ids."""
    return np.fromiter((i - 1 for i in ids), dtype=np.int64, count=len(ids))


@contextmanager
def omp_threads(n: int) -> Iterator[None]:
    """FAISS on ``n`` OpenMP threads for a block, restored after it.  The setting is the calling thread's,
    and its OpenMP runtime may be torch's too: setting it for good would leave a torch build in the
    same thread on one core."""
    import faiss

    previous = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(n)
    try:
        yield
    finally:
        faiss.omp_set_num_threads(previous)


def write(folder: Path, vectors: np.ndarray, kind: str, dimension: int) -> str:
    """Write the vectors (passages 1..n in order) as a flat or HNSW index; returns the kind written."""
    import faiss

    chosen = kind_for(len(vectors), kind)
    if chosen == "hnsw":
        index = faiss.IndexHNSWFlat(dimension, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
    else:
        index = faiss.IndexFlatIP(dimension)
    if len(vectors):
        with omp_threads(os.cpu_count() or 1):  # building is batch work: use every core
            index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    faiss.write_index(index, str(folder / VECTORS))
    return chosen


class Vectors:
    """An open FAISS index of one generation (memory-mapped, read-only)."""

    def __init__(self, gen: Path, kind: str) -> None:
        import faiss

        path = gen / VECTORS
        if not path.is_file():
            raise IndexFormatError(f"the index at {gen.parent} is damaged: {VECTORS} is missing")
        try:
            self._index: Any = faiss.read_index(str(path), faiss.IO_FLAG_MMAP | faiss.IO_FLAG_READ_ONLY)
        except RuntimeError:
            raise IndexFormatError(f"the index at {gen.parent} is damaged: {VECTORS} is not a readable FAISS index") from None
        self._hnsw = kind == "hnsw"

    @property
    def count(self) -> int:
        return int(self._index.ntotal)

    def close(self) -> None:
        self._index = None  # unmapped as FAISS frees it

    def _storage(self) -> Any:
        import faiss

        return faiss.downcast_index(self._index.storage) if self._hnsw else self._index

    def reconstruct(self, ids: Sequence[int]) -> np.ndarray:
        """The stored vectors of passage ids, in order."""
        storage = self._storage()
        if not len(ids):
            return np.zeros((0, storage.d), dtype=np.float32)
        rows = rows_of(ids)
        if rows[-1] - rows[0] == len(rows) - 1 and np.all(np.diff(rows) == 1):  # a run of rows: one call
            return storage.reconstruct_n(int(rows[0]), len(rows))
        return np.vstack([storage.reconstruct(int(row)) for row in rows])

    def search(self, vector: np.ndarray, k: int, allowed: Sequence[int] | None = None) -> list[tuple[int, float]]:
        """Nearest passages by inner product, among ``allowed`` passage ids when given (None: all)."""
        import faiss

        total = self.count
        if total == 0 or k <= 0:
            return []
        index, params, limit = self._index, None, total
        if allowed is not None:
            if not len(allowed):
                return []
            positions = rows_of(allowed)
            if total > 50_000:  # a bitmap tests membership faster than a hash set on big indexes
                mask = np.zeros(total, dtype=bool)
                mask[positions] = True
                bitmap = np.packbits(mask, bitorder="little")  # a local: alive until the search below returns
                selector = faiss.IDSelectorBitmap(total, faiss.swig_ptr(bitmap))
            else:
                selector = faiss.IDSelectorBatch(positions)
            limit = len(positions)
            if self._hnsw and limit < HNSW_FILTER_SHARE * total:
                index = self._storage()
                params = faiss.SearchParameters(sel=selector)
            elif self._hnsw:
                params = faiss.SearchParametersHNSW(sel=selector, efSearch=max(EF_SEARCH, 2 * k))
            else:
                params = faiss.SearchParameters(sel=selector)
        elif self._hnsw:
            params = faiss.SearchParametersHNSW(efSearch=max(EF_SEARCH, 2 * k))
        query = np.asarray(vector, dtype=np.float32).reshape(1, -1)
        with omp_threads(1):  # one query at a time: threads cost more than they give (2.4-2.8x slower on 2)
            scores, rows = index.search(query, min(k, limit), params=params)
        return [(int(r) + 1, float(s)) for r, s in zip(rows[0], scores[0], strict=True) if r >= 0]
