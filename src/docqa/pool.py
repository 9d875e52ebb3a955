"""A pool of open readers of one index, for a server that many people query at once, kept on the live
version of the index while ``docqa index`` writes new ones.

Each request borrows an ``Index`` (its own SQLite connection and FAISS handle; the question encoder is
shared, onnxruntime sessions being safe to call from several threads), so requests run in parallel.
A watcher notices a new generation within ``poll`` seconds, opens a fresh pool on it and swaps it
in; requests already running finish on the old one, which the writer keeps on disk for them.

    pool = IndexPool("index/", size=4)
    with pool.borrow() as index:
        index.ask("what did Blinken say about Turkey")
"""

from __future__ import annotations

import contextlib
import os
import queue
import threading
from collections.abc import Iterator
from pathlib import Path

from docqa.index import Index


class _Readers:
    """One generation's readers, sharing one question encoder."""

    def __init__(self, root: str | os.PathLike[str], size: int) -> None:
        first = Index.open(root)
        first.embedder.encode(["warm up"])  # loaded once, before the first request
        self.generation = first.generation
        self.free: queue.Queue[Index] = queue.Queue()
        self.all = [first]
        self.free.put(first)
        for _ in range(size - 1):
            other = Index(Index.open(root).store, first.embedder)
            if other.generation != self.generation:  # a writer swapped meanwhile: stay on one version
                other.close()
                continue
            self.all.append(other)
            self.free.put(other)

    def close(self) -> None:
        for index in self.all:
            index.close()


class IndexPool:
    """Readers of the index at ``root``, swapped for a new generation's as soon as one is live."""

    def __init__(self, root: str | os.PathLike[str], size: int = 4, poll: float = 0.5) -> None:
        self.location = str(root)  # a folder, or a Milvus location
        self.size = size
        self._readers = _Readers(root, size)
        self._retired: list[_Readers] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._watcher = threading.Thread(target=self._watch, args=(poll,), daemon=True, name="docqa-index-watcher")
        self._watcher.start()

    @property
    def generation(self) -> Path:
        return self._readers.generation

    @contextlib.contextmanager
    def borrow(self) -> Iterator[Index]:
        """An open reader of the live generation, for the length of one request."""
        readers = self._readers
        index = readers.free.get()
        try:
            yield index
        finally:
            readers.free.put(index)

    def refresh(self) -> bool:
        """Swap in the live generation if a writer has committed a new one; True if it did."""
        from docqa.errors import DocqaError
        from docqa.storage import live_version

        try:
            if live_version(self.location) == str(self._readers.generation):
                return False
            fresh = _Readers(self.location, self.size)
        except DocqaError:
            return False  # mid-swap or damaged: keep answering from what is open
        with self._lock:
            old, self._readers = self._readers, fresh
            for retired in [r for r in self._retired if r.free.qsize() == len(r.all)]:
                retired.close()  # every reader of an older generation is back: nothing uses it any more
                self._retired.remove(retired)
            self._retired.append(old)
        return True

    def _watch(self, poll: float) -> None:
        while not self._stop.wait(poll):
            self.refresh()

    def close(self) -> None:
        self._stop.set()
        self._readers.close()
        for retired in self._retired:
            retired.close()
