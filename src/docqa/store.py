"""The index folder on disk: written beside the live one, then swapped in with one atomic rename.

Layout (a folder a person can look into)::

    index/
      CURRENT                 name of the live generation (replaced atomically)
      gen-<time>-<id>/
        manifest.json         format and docqa version, model, dimension, counts, created
        vectors.faiss         FAISS inner-product index, ids = passage ids
        docqa.sqlite          documents, passages, speakers, aliases, mentions
      .lock                   held by the one process writing

A generation is never modified after it is committed, so readers open it read-only and immutable; a
crash while writing leaves only a ``.tmp-*`` folder that the next writer removes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from docqa import lexical
from docqa.errors import DocqaError, IndexFormatError, IndexLockedError, IndexNotFoundError

FORMAT_VERSION = 4  # 2: passages_fts (BM25); 3: plain FAISS index, row i = passage i + 1; 4: page, time
# Exact search up to this many passages (about 6 ms a query on 2 cores); HNSW above it.
FLAT_LIMIT = 100_000
HNSW_M = 32
VECTOR_KINDS = ("auto", "flat", "hnsw")
CURRENT = "CURRENT"
MANIFEST = "manifest.json"
VECTORS = "vectors.faiss"
DATABASE = "docqa.sqlite"

SCHEMA = """
CREATE TABLE documents (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
                        encoding TEXT NOT NULL, sha256 TEXT NOT NULL, chars INTEGER NOT NULL, transcript INTEGER NOT NULL);
CREATE TABLE speakers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, titles TEXT NOT NULL);
CREATE TABLE aliases (alias TEXT NOT NULL, written TEXT NOT NULL, speaker_id INTEGER NOT NULL REFERENCES speakers(id),
                      kind TEXT NOT NULL, PRIMARY KEY (alias, speaker_id, written));
CREATE TABLE passages (id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id), start INTEGER NOT NULL,
                       end INTEGER NOT NULL, line INTEGER NOT NULL, speaker_id INTEGER REFERENCES speakers(id),
                       how TEXT NOT NULL, text TEXT NOT NULL, page INTEGER, time REAL);
CREATE TABLE mentions (passage_id INTEGER NOT NULL, speaker_id INTEGER NOT NULL, PRIMARY KEY (passage_id, speaker_id)) WITHOUT ROWID;
"""
INDEXES = """
CREATE INDEX passages_speaker ON passages(speaker_id);
CREATE INDEX passages_doc ON passages(doc_id, start);
CREATE INDEX mentions_speaker ON mentions(speaker_id);
"""


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def passage_key(path: str, text: str) -> bytes:
    """Identity of a passage for reusing its vector: its document and its exact text."""
    return hashlib.blake2b(f"{path}\x00{text}".encode(), digest_size=16).digest()


@dataclass
class Previous:
    """What the live generation holds, for an incremental build: documents' hashes and reusable vectors."""

    documents: dict[str, str]
    vectors: dict[bytes, np.ndarray]


def previous_vectors(root: Path, model: str, with_vectors: bool = True) -> Previous | None:
    """The live generation's documents and (unless not wanted) vectors by passage key, if built with ``model``."""
    try:
        gen = live_generation(root)
        manifest = read_manifest(gen)
        if manifest.get("model") != model:
            return None
        db = open_database(gen)
        index = open_vectors(gen)
    except DocqaError:
        return None
    import faiss

    try:
        documents = dict(db.execute("SELECT path, sha256 FROM documents"))
        if not with_vectors:
            return Previous(documents, {})
        rows = db.execute("SELECT p.id, d.path, p.text FROM passages p JOIN documents d ON d.id = p.doc_id")
        storage = faiss.downcast_index(index.storage) if manifest.get("vectors") == "hnsw" else index
        matrix = storage.reconstruct_n(0, storage.ntotal) if storage.ntotal else np.zeros((0, 0), dtype=np.float32)
    except (DocqaError, RuntimeError):
        return None
    finally:
        db.close()
    from docqa.textnorm import normalize

    vectors = {passage_key(path, normalize(text)): matrix[pid - 1] for pid, path, text in rows if pid - 1 < len(matrix)}
    return Previous(documents, vectors)


def changes(old: dict[str, str], new: dict[str, str], embedded: int) -> dict[str, int]:
    """Counts of documents added, updated, removed and unchanged between two builds, and passages embedded.

    >>> changes({"a": "1", "b": "2"}, {"a": "1", "b": "3", "c": "4"}, embedded=5)
    {'added': 1, 'updated': 1, 'removed': 0, 'unchanged': 1, 'embedded': 5}
    """
    return {
        "added": sum(1 for p in new if p not in old),
        "updated": sum(1 for p, h in new.items() if p in old and old[p] != h),
        "removed": sum(1 for p in old if p not in new),
        "unchanged": sum(1 for p, h in new.items() if old.get(p) == h),
        "embedded": embedded,
    }


def vector_kind(count: int, requested: str = "auto") -> str:
    """"flat" (exact) up to FLAT_LIMIT passages, "hnsw" above, unless asked for one of them."""
    if requested not in VECTOR_KINDS:
        raise ValueError(f"vector index must be one of {', '.join(VECTOR_KINDS)}, not {requested!r}")
    if requested != "auto":
        return requested
    return "hnsw" if count > FLAT_LIMIT else "flat"


@contextlib.contextmanager
def writer_lock(root: Path) -> Iterator[None]:
    """Hold the index's writer lock, or fail at once with a clear message."""
    root.mkdir(parents=True, exist_ok=True)
    handle = open(root / ".lock", "a+")
    try:
        try:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # pragma: no cover - not POSIX: no cross-process lock
            pass
        except OSError:
            raise IndexLockedError(f"another docqa process is writing the index at {root}; try again when it has finished") from None
        yield
    finally:
        handle.close()


class GenerationWriter:
    """Writes one new generation in a temporary folder; ``commit`` makes it the live one atomically."""

    def __init__(self, root: Path) -> None:
        self.root = root
        for stale in root.glob(".tmp-*"):
            shutil.rmtree(stale, ignore_errors=True)
        self.dir = root / f".tmp-{uuid.uuid4().hex[:12]}"
        self.dir.mkdir()
        self.db = sqlite3.connect(self.dir / DATABASE)
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.executescript(SCHEMA)

    def write_vectors(self, vectors: np.ndarray, kind: str = "auto") -> str:
        """Write the vectors (row i is passage i + 1) as a flat or HNSW index; returns the kind written."""
        import faiss

        chosen = vector_kind(len(vectors), kind)
        dimension = vectors.shape[1]
        if chosen == "hnsw":
            index = faiss.IndexHNSWFlat(dimension, HNSW_M, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = 80
        else:
            index = faiss.IndexFlatIP(dimension)
        if len(vectors):
            faiss.omp_set_num_threads(os.cpu_count() or 1)  # building is batch work: use every core
            index.add(np.ascontiguousarray(vectors, dtype=np.float32))
        faiss.write_index(index, str(self.dir / VECTORS))
        return chosen

    def commit(self, manifest: dict[str, Any]) -> Path:
        self.db.executescript(INDEXES)
        self.db.executescript(lexical.SCHEMA + lexical.FILL)
        self.db.commit()
        self.db.close()
        (self.dir / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        for name in (DATABASE, VECTORS, MANIFEST):
            _fsync_file(self.dir / name)
        _fsync_dir(self.dir)
        final = self.root / f"gen-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
        os.rename(self.dir, final)
        previous = _current_name(self.root)
        pointer = self.root / f".{CURRENT}.{uuid.uuid4().hex[:8]}"
        pointer.write_text(final.name + "\n", encoding="utf-8")
        _fsync_file(pointer)
        os.replace(pointer, self.root / CURRENT)
        _fsync_dir(self.root)
        # Keep the generation just replaced: a reader that opened it a moment ago may still load
        # files from it (the query encoder is loaded on first use). Older ones go.
        for old in self.root.glob("gen-*"):
            if old.name not in (final.name, previous):
                shutil.rmtree(old, ignore_errors=True)
        for stray in self.root.glob(f".{CURRENT}.*"):
            stray.unlink(missing_ok=True)
        return final

    def abort(self) -> None:
        with contextlib.suppress(Exception):
            self.db.close()
        shutil.rmtree(self.dir, ignore_errors=True)


def _current_name(root: Path) -> str | None:
    try:
        return (root / CURRENT).read_text(encoding="utf-8").strip() or None
    except (OSError, UnicodeDecodeError):
        return None


def live_generation(root: Path) -> Path:
    """The folder of the live generation; a clear error if there is no index at ``root``."""
    pointer = root / CURRENT
    if not pointer.is_file():
        if root.is_dir() and (root / MANIFEST).exists():
            raise IndexFormatError(f"{root} is not a docqa index of a format this version reads")
        raise IndexNotFoundError(f"no index at {root}: build one with `docqa index PATH` (or pass --index DIR)")
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        raise IndexFormatError(f"the index at {root} is damaged: unreadable {CURRENT} file") from None
    gen = root / name
    if not name or "/" in name or not gen.is_dir():
        raise IndexFormatError(f"the index at {root} is damaged: {CURRENT} names a missing generation")
    return gen


def read_manifest(gen: Path) -> dict[str, Any]:
    try:
        manifest = json.loads((gen / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise IndexFormatError(f"the index at {gen.parent} is damaged: unreadable {MANIFEST}") from None
    if not isinstance(manifest, dict) or "format" not in manifest:
        raise IndexFormatError(f"the index at {gen.parent} is damaged: {MANIFEST} is not a docqa manifest")
    if manifest["format"] < FORMAT_VERSION:
        raise IndexFormatError(
            f"the index at {gen.parent} was written by an older docqa (format {manifest['format']}): rebuild it with `docqa index PATH`"
        )
    if manifest["format"] > FORMAT_VERSION:
        raise IndexFormatError(
            f"the index at {gen.parent} was written by docqa {manifest.get('docqa_version', '?')} (format {manifest['format']}); "
            f"this docqa reads format {FORMAT_VERSION}: upgrade docqa or rebuild the index"
        )
    return manifest


class Database:
    """A read-only generation database whose errors say the index is damaged, in one line."""

    def __init__(self, connection: sqlite3.Connection, root: Path) -> None:
        self._connection = connection
        self._root = root

    def _damaged(self, exc: sqlite3.Error) -> IndexFormatError:
        return IndexFormatError(f"the index at {self._root} is damaged: {DATABASE}: {exc}")

    def execute(self, sql: str, args: Any = ()) -> list[tuple[Any, ...]]:
        """Run a query and return all its rows."""
        try:
            return self._connection.execute(sql, args).fetchall()
        except sqlite3.DatabaseError as exc:
            raise self._damaged(exc) from None

    def stream(self, sql: str, args: Any = ()) -> Iterator[tuple[Any, ...]]:
        """Run a query and yield its rows as they come (for listings of any size)."""
        try:
            yield from self._connection.execute(sql, args)
        except sqlite3.DatabaseError as exc:
            raise self._damaged(exc) from None

    def close(self) -> None:
        self._connection.close()


def open_database(gen: Path) -> Database:
    path = gen / DATABASE
    if not path.is_file():
        raise IndexFormatError(f"the index at {gen.parent} is damaged: {DATABASE} is missing")
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        db.execute("SELECT count(*) FROM passages").fetchone()
        db.execute("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH 'x'").fetchone()
    except sqlite3.DatabaseError:
        raise IndexFormatError(f"the index at {gen.parent} is damaged: {DATABASE} is not a readable docqa database") from None
    return Database(db, gen.parent)


def open_vectors(gen: Path):  # type: ignore[no-untyped-def]
    import faiss

    faiss.omp_set_num_threads(1)  # one query at a time: threads cost more than they give (2.4-2.8x slower on 2)
    path = gen / VECTORS
    if not path.is_file():
        raise IndexFormatError(f"the index at {gen.parent} is damaged: {VECTORS} is missing")
    try:
        return faiss.read_index(str(path), faiss.IO_FLAG_MMAP | faiss.IO_FLAG_READ_ONLY)
    except RuntimeError:
        raise IndexFormatError(f"the index at {gen.parent} is damaged: {VECTORS} is not a readable FAISS index") from None
