"""The local store: an index folder of generations, each SQLite (passages, speakers), tantivy (BM25) and
FAISS (vectors, flat or HNSW), plus the ONNX query encoder.

    index/CURRENT                the live generation's name
    index/gen-*/manifest.json    format, model, counts
    index/gen-*/docqa.sqlite     documents, passages, speakers, aliases, mentions
    index/gen-*/lexical/         the passages' words (tantivy): BM25 with speaker, document, mention and date fields
    index/gen-*/vectors.faiss    row i = passage i + 1
    index/gen-*/encoder/         model.onnx, tokenizer.json, encoder.json (+ query.onnx, query.weights: fast start)

The backend interface ``docqa.storage`` picks a store by: ``claims``, ``open_reader``, ``open_writer``,
``live_version``.  Any location that no other backend claims is a folder.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from docqa.storage.local.generations import MANIFEST, live_generation, writer_lock
from docqa.storage.local.reader import LocalStore
from docqa.storage.local.writer import LocalWriter

__all__ = ["MANIFEST", "LocalStore", "LocalWriter", "claims", "live_generation", "live_version", "open_reader", "open_writer",
           "writer_lock"]


def claims(location: str | os.PathLike[str]) -> bool:
    return True  # a folder: the fallback for every location no other backend claims


def open_reader(location: str | os.PathLike[str]) -> LocalStore:
    return LocalStore.open(Path(location))


def live_version(location: str | os.PathLike[str]) -> str:
    return str(live_generation(Path(location)))


@contextlib.contextmanager
def open_writer(location: str | os.PathLike[str], vector_index: str = "auto") -> Iterator[LocalWriter]:
    """A writer of a new generation, holding the folder's writer lock; left without commit, it is discarded.
    A first build that fails leaves no folder behind."""
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
        if created and root.is_dir() and {p.name for p in root.iterdir()} <= {".lock"}:
            shutil.rmtree(root, ignore_errors=True)
        raise
