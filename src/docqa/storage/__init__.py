"""Where an index lives: the protocols every backend implements, and the factory that picks one by location.

A location is a folder (the local store: ``docqa.storage.local``) or a Milvus location
(``milvus-lite:FILE.db``, ``milvus://HOST:PORT/COLLECTION``: ``docqa.storage.milvus``).  Each backend
package offers the same four functions (``claims``, ``open_reader``, ``open_writer``, ``live_version``);
the first in ``BACKENDS`` that claims a location serves it.  The search and ingest code only ever see
``StoreReader`` and ``StoreWriter``, so a backend plugs in here without touching them, and the backends
never import each other.

>>> from docqa.storage import Filter
>>> Filter(speakers=(1,)).is_empty
False
>>> backend("milvus-lite:x.db").__name__, backend("index/").__name__
('docqa.storage.milvus', 'docqa.storage.local')
"""

from __future__ import annotations

import contextlib
import importlib
import os
from collections.abc import Iterator
from types import ModuleType

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
    check_kind,
)

__all__ = [
    "AliasRow", "DocumentRow", "Filter", "HybridStore", "PassageRow", "Previous", "SpeakerRow", "StoreReader", "StoreWriter",
    "backend", "live_version", "open_reader", "open_writer", "shown",
]

BACKENDS = ("docqa.storage.milvus", "docqa.storage.local")  # asked in order; the local store takes any folder


def backend(location: str | os.PathLike[str]) -> ModuleType:
    """The backend package that serves ``location`` (importing a backend imports none of its engine's libraries)."""
    for name in BACKENDS:
        module = importlib.import_module(name)
        if module.claims(location):
            return module
    raise AssertionError("the local store claims every location")


def open_reader(location: str | os.PathLike[str]) -> StoreReader:
    """The store at ``location``, open for questions."""
    return backend(location).open_reader(location)


def live_version(location: str | os.PathLike[str]) -> str | None:
    """Which version of the store is live now (a generation folder, a collection): a reader whose
    ``generation`` differs is on an older one."""
    return backend(location).live_version(location)


@contextlib.contextmanager
def open_writer(location: str | os.PathLike[str], vector_index: str = "auto") -> Iterator[StoreWriter]:
    """A writer for a new version of the store at ``location``, holding its writer lock.

    Leaving the block without ``commit`` (an error, a Ctrl-C) discards what was written; the
    previous version stays live throughout.
    """
    check_kind(vector_index)  # a bad setting fails before anything is read or embedded
    with backend(location).open_writer(location, vector_index) as writer:
        yield writer


def shown(location: str | os.PathLike[str]) -> str:
    """A location as messages show it: a folder with its slash, any other location as given.

    >>> shown("index"), shown("milvus-lite:x.db")
    ('index/', 'milvus-lite:x.db')
    """
    text = os.fspath(location)
    return text.rstrip("/") + "/" if backend(text).__name__ == "docqa.storage.local" else text
