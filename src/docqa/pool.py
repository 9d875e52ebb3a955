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
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from docqa.index import Index


class _Readers:
    """One generation's readers, sharing one question encoder."""

    def __init__(self, root: str | os.PathLike[str], size: int, before: _Readers | None = None) -> None:
        first = Index.open(root)
        try:
            self.encoder = _identity(first.store.query_encoder())
            if before is not None and self.encoder is not None and self.encoder == before.encoder:
                first = Index(first.store, before.all[0].embedder)  # the same export (a hard link): not loaded again
            else:
                first = Index(first.store, first.load_query_encoder(many=True))
                first.embedder.encode(["warm up"])  # loaded once, before the first request
        except BaseException:
            first.close()  # a version that cannot be served leaves nothing open
            raise
        self.generation = first.generation
        self.borrowers = 0  # requests holding or waiting for one of these readers (under the pool's lock)
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


def _identity(folder: Path | None) -> tuple[int, int, int, int] | None:
    """Which file a question encoder is (device, inode, size, mtime): builds hard-link one export into
    every version, so a swap that keeps the model keeps the loaded encoder too."""
    try:
        info = (folder / "model.onnx").stat() if folder is not None else None
    except OSError:
        return None
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns) if info is not None else None


class IndexPool:
    """Readers of the index at ``root``, swapped for a new generation's as soon as one is live."""

    def __init__(self, root: str | os.PathLike[str], size: int = 4, poll: float = 0.5) -> None:
        self.location = str(root)  # a folder, or a Milvus location
        self.size = size
        self._readers = _Readers(root, size)
        self._retired: list[_Readers] = []
        self.problem: str | None = None  # why the live version is not the one served, if it could not be opened
        self._failed: str | None = None  # that version: tried again only once another one is live
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
        with self._lock:
            readers = self._readers
            readers.borrowers += 1  # counted before waiting: a retired generation is never closed under a request
        try:
            index = readers.free.get()
            try:
                yield index
            finally:
                readers.free.put(index)
        finally:
            with self._lock:
                readers.borrowers -= 1

    def refresh(self) -> bool:
        """Swap in the live generation if a writer has committed a new one; True if it did."""
        from docqa.errors import DocqaError
        from docqa.storage import live_version

        try:
            live = live_version(self.location)
        except DocqaError:
            return False  # mid-swap: keep answering from what is open
        self._close_retired()
        if live == str(self._readers.generation):
            self.problem = self._failed = None
            return False
        if live == self._failed:
            return False
        try:
            fresh = _Readers(self.location, self.size, before=self._readers)
        except Exception as exc:  # noqa: BLE001 - whatever breaks a new version must not stop the watcher
            # damaged (a broken encoder file, a half-copied folder): keep answering from what is open, say so
            # on /health and stderr, and try again when another version is live
            first = str(exc).splitlines()[0][:200] if str(exc) else ""
            self._failed = live
            self.problem = f"the live version {live} could not be opened ({type(exc).__name__}{': ' + first if first else ''})"
            print(f"docqa: warning: {self.problem}; still serving {self._readers.generation}", file=sys.stderr, flush=True)
            return False
        self.problem = self._failed = None
        with self._lock:
            self._retired.append(self._readers)
            self._readers = fresh
        return True

    def _close_retired(self) -> None:
        """Close the older generations no request holds any more: on the watcher's next look after their last
        request, so a swapped-out generation's files and memory (its vectors, mapped) are not kept until the
        next swap."""
        with self._lock:
            done = [r for r in self._retired if r.borrowers == 0]
            self._retired = [r for r in self._retired if r.borrowers > 0]
        for retired in done:
            retired.close()

    def _watch(self, poll: float) -> None:
        while not self._stop.wait(poll):
            try:
                self.refresh()
            except Exception as exc:  # noqa: BLE001 - the watcher outlives any one failure
                self.problem = f"the index watcher failed ({type(exc).__name__}: {exc})"
                print(f"docqa: warning: {self.problem}", file=sys.stderr, flush=True)

    def close(self) -> None:
        self._stop.set()
        self._readers.close()
        for retired in self._retired:
            retired.close()
