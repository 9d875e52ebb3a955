"""What a build can keep between runs: each document's analysis, by the document's bytes and the code that
analysed it, and each passage's vector, by the model and the text.  One SQLite file (``docqa cache``):

* an unchanged document is neither read, attributed nor chunked again;
* vectors are stored batch by batch as they are computed, so a build stopped at any point (Ctrl-C, a kill,
  a crash) embeds, when run again, only what no earlier run finished.

SQLite in WAL mode keeps every committed batch through a killed process; rows are JSON and float32
bytes, never pickles.  The file is bounded (``DOCQA_CACHE_MB``, 4096 by default): past it, the rows
used longest ago go first.  ``DOCQA_BUILD_CACHE`` names another file ("off": no cache).

>>> import tempfile, pathlib, numpy as np
>>> cache = BuildCache(pathlib.Path(tempfile.mkdtemp()) / "build.sqlite")
>>> cache.put_vectors("m", [b"k"], np.ones((1, 2), dtype=np.float32))
>>> cache.vectors("m", [b"k", b"other"])[b"k"].tolist()
[1.0, 1.0]
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from docqa.cache import cache_dir

DEFAULT_MB = 4096
_SCHEMA = """
CREATE TABLE IF NOT EXISTS analyses (key TEXT PRIMARY KEY, data TEXT NOT NULL, used REAL NOT NULL);
CREATE TABLE IF NOT EXISTS vectors (model TEXT NOT NULL, key BLOB NOT NULL, vector BLOB NOT NULL, used REAL NOT NULL,
                                    PRIMARY KEY (model, key)) WITHOUT ROWID;
"""


@lru_cache(maxsize=1)
def code_stamp() -> str:
    """A digest of the code that turns files into passages and speakers (readers, language, attribution,
    ingest): an analysis made by other code is made again, never reused silently."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for package in ("readers", "language", "attribution", "ingest"):
        for source in sorted((root / package).rglob("*.py")):
            digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


def default_path() -> Path | None:
    """The cache file: ``DOCQA_BUILD_CACHE`` if set ("off" for none), else ``~/.cache/docqa/build.sqlite``."""
    chosen = os.environ.get("DOCQA_BUILD_CACHE")
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "none") else Path(chosen)
    return cache_dir("build.sqlite")


def limit_bytes() -> int:
    try:
        return int(float(os.environ.get("DOCQA_CACHE_MB", DEFAULT_MB)) * 1e6)
    except ValueError:
        return DEFAULT_MB * 1_000_000


class BuildCache:
    """The build cache in one SQLite file (created on first use)."""

    def __init__(self, path: Path, max_bytes: int | None = None) -> None:
        self.path = Path(path)
        self.max_bytes = limit_bytes() if max_bytes is None else max_bytes
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, timeout=60, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: every commit survives a killed process
        self._db.executescript(_SCHEMA)
        self._used: list[str] = []

    @classmethod
    def open_default(cls) -> BuildCache | None:
        """The user's cache, or None when it is turned off or cannot be opened (a build then runs without it)."""
        path = default_path()
        if path is None:
            return None
        try:
            return cls(path)
        except (OSError, sqlite3.Error):
            return None

    def close(self) -> None:
        if self._used:
            now = time.time()
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany("UPDATE analyses SET used = ? WHERE key = ?", [(now, key) for key in self._used])
            self._used.clear()
        self._db.close()

    # -- analyses ----------------------------------------------------------------------------------
    def analysis(self, key: str) -> dict[str, Any] | None:
        row = self._db.execute("SELECT data FROM analyses WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        self._used.append(key)  # marked as used in one transaction at close, not one per document
        return json.loads(row[0])

    def put_analysis(self, key: str, data: dict[str, Any]) -> None:
        self._db.execute("INSERT OR REPLACE INTO analyses VALUES (?, ?, ?)", (key, json.dumps(data), time.time()))

    # -- vectors -----------------------------------------------------------------------------------
    def vectors(self, model: str, keys: list[bytes]) -> dict[bytes, np.ndarray]:
        """The cached vectors of ``keys`` (those there are) for ``model``."""
        found: dict[bytes, np.ndarray] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            rows = self._db.execute(f"SELECT key, vector FROM vectors WHERE model = ? AND key IN ({','.join('?' * len(chunk))})",
                                    (model, *chunk)).fetchall()
            found.update((bytes(key), np.frombuffer(blob, dtype=np.float32)) for key, blob in rows)
        return found

    def put_vectors(self, model: str, keys: list[bytes], vectors: np.ndarray) -> None:
        """Store one batch, committed at once: it survives a kill right after."""
        now = time.time()
        rows = [(model, key, np.asarray(v, dtype=np.float32).tobytes(), now) for key, v in zip(keys, vectors, strict=True)]
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?, ?)", rows)

    # -- size --------------------------------------------------------------------------------------
    def size(self) -> dict[str, int]:
        analyses, a_bytes = self._db.execute("SELECT count(*), coalesce(sum(length(data)), 0) FROM analyses").fetchone()
        vectors, v_bytes = self._db.execute("SELECT count(*), coalesce(sum(length(vector)), 0) FROM vectors").fetchone()
        return {"analyses": analyses, "vectors": vectors, "bytes": int(a_bytes) + int(v_bytes)}

    def trim(self) -> int:
        """Drop the rows used longest ago until the cache is within its bound; returns how many went."""
        on_disk = sum(f.stat().st_size for f in (self.path, self.path.with_name(self.path.name + "-wal")) if f.exists())
        if on_disk <= self.max_bytes:  # the files hold the rows and more: nothing to count
            return 0
        total = self.size()["bytes"]
        if total <= self.max_bytes:
            return 0
        rows = self._db.execute("SELECT NULL, key, length(data), used FROM analyses UNION ALL "
                                "SELECT model, key, length(vector), used FROM vectors ORDER BY used").fetchall()
        dropped = 0
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            for model, key, length, _ in rows:
                if total <= self.max_bytes * 0.9:
                    break
                if model is None:
                    self._db.execute("DELETE FROM analyses WHERE key = ?", (key,))
                else:
                    self._db.execute("DELETE FROM vectors WHERE model = ? AND key = ?", (model, key))
                total -= length
                dropped += 1
        self._db.execute("VACUUM")
        return dropped

    def clear(self) -> None:
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute("DELETE FROM analyses")
            self._db.execute("DELETE FROM vectors")
        self._db.execute("VACUUM")


def text_key(text: str) -> bytes:
    """A passage text's vector key (what is embedded is the text alone)."""
    return hashlib.sha256(text.encode("utf-8")).digest()
