"""Where an index lives: the protocols every backend implements, and the factory that picks one by location.

A location is a folder (the local store: ``docqa.storage.local``) or a Milvus location
(``milvus-lite:FILE.db``, ``milvus://HOST:PORT/COLLECTION``: ``docqa.storage.milvus``).  The search
and ingest code only ever see ``StoreReader`` and ``StoreWriter``, so a backend plugs in here
without touching them.

>>> from docqa.storage import Filter
>>> Filter(speakers=(1,)).is_empty
False
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from docqa.storage.base import (
    AliasRow,
    DocumentRow,
    Filter,
    HybridStore,
    PassageRow,
    Previous,
    SpeakerRow,
    StoreReader,
    StoreWriter,
)

__all__ = [
    "AliasRow", "DocumentRow", "Filter", "HybridStore", "PassageRow", "Previous", "SpeakerRow", "StoreReader", "StoreWriter",
    "live_version", "open_reader", "open_writer",
]


def _milvus(location: str | os.PathLike[str]) -> bool:
    from docqa.storage.milvus import is_milvus

    return is_milvus(location)


def open_reader(location: str | os.PathLike[str]) -> StoreReader:
    """The store at ``location``, open for questions."""
    if _milvus(location):
        from docqa.storage.milvus import MilvusStore

        return MilvusStore.open(str(location))
    from docqa.storage.local import LocalStore

    return LocalStore.open(Path(location))


def live_version(location: str | os.PathLike[str]) -> str | None:
    """Which version of the store is live now (a generation folder, a collection): a reader whose
    ``generation`` differs is on an older one."""
    if _milvus(location):
        from docqa.storage.milvus import live_version as milvus_version

        return milvus_version(str(location))
    from docqa.storage.local import live_generation

    return str(live_generation(Path(location)))


@contextlib.contextmanager
def open_writer(location: str | os.PathLike[str], vector_index: str = "auto") -> Iterator[StoreWriter]:
    """A writer for a new version of the store at ``location``, holding its writer lock.

    Leaving the block without ``commit`` (an error, a Ctrl-C) discards what was written; the
    previous version stays live throughout.
    """
    from docqa.storage.local import LocalWriter, writer_lock
    from docqa.storage.local.vectors import check_kind

    check_kind(vector_index)  # a bad setting fails before anything is read or embedded
    if _milvus(location):
        from docqa.storage.milvus import MilvusWriter

        milvus = MilvusWriter(str(location), vector_index)
        try:
            yield milvus
        finally:
            milvus.abort()  # nothing once committed; else the staging collections go and the lease is released
        return
    root = Path(location)
    created = not root.exists()
    try:
        with writer_lock(root):
            writer = LocalWriter(root, vector_index)
            try:
                yield writer
            finally:
                writer.abort()  # nothing once committed; else the generation being written is removed
    except BaseException:
        if created and {p.name for p in root.iterdir()} <= {".lock"}:  # a first build that failed leaves nothing behind
            shutil.rmtree(root, ignore_errors=True)
        raise
