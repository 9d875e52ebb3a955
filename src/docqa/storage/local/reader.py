"""``LocalStore``: one generation of a local index folder, open for questions (SQLite, tantivy, FAISS)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from docqa.errors import IndexFormatError
from docqa.records import Speaker
from docqa.storage.base import AliasRow, DocumentRow, Filter, PassageRow, passage_key
from docqa.storage.local import generations, lexical
from docqa.storage.local.database import Database, open_database
from docqa.storage.local.vectors import Vectors

ENCODER_DIR = "encoder"


class LocalStore:
    """A committed generation: read-only, immutable, safe to read while a writer builds the next one."""

    def __init__(self, root: Path, generation: Path) -> None:
        self.root = root
        self.generation = generation
        self.location = str(root)
        self.manifest: dict[str, Any] = generations.read_manifest(generation)
        self._db: Database = open_database(generation)
        self._vectors = Vectors(generation, self.manifest.get("vectors", "flat"))
        self._lexical = lexical.Lexical(generation)
        count = self._db.count()
        if self._vectors.count != count or count != self.manifest.get("passages", count):
            self._db.close()
            raise IndexFormatError(f"the index at {root} is damaged: {self._vectors.count} vectors for {count} passages")

    @classmethod
    def open(cls, root: Path) -> LocalStore:
        """The live generation at ``root``, retried if a writer swaps generations while it is being opened."""
        for attempt in range(3):
            generation = generations.live_generation(root)
            try:
                return cls(root, generation)
            except IndexFormatError:
                if attempt == 2 or generations.live_generation(root) == generation:
                    raise
        raise AssertionError("unreachable")

    def count(self, where: Filter | None = None) -> int:
        return self._db.count(where)

    def documents(self) -> list[DocumentRow]:
        return self._db.documents()

    def speakers(self, speaker_id: int | None = None) -> list[Speaker]:
        return self._db.speakers(speaker_id)

    def aliases(self) -> list[AliasRow]:
        return self._db.aliases()

    def passage_counts(self, where: Filter | None = None) -> dict[int, int]:
        return self._db.passage_counts(where)

    def passages(self, ids: Sequence[int]) -> dict[int, PassageRow]:
        return self._db.passages(ids)

    def scan(self, where: Filter | None = None) -> Iterator[PassageRow]:
        return self._db.scan(where)

    def neighbours(self, passage_id: int, n: int) -> tuple[list[PassageRow], list[PassageRow]]:
        return self._db.neighbours(passage_id, n)

    def around(self, passage_ids: Sequence[int], n: int) -> dict[int, tuple[list[PassageRow], list[PassageRow]]]:
        return {pid: self._db.neighbours(pid, n) for pid in passage_ids}  # SQLite in process: no round trips to save

    def dense(self, vector: np.ndarray, k: int, where: Filter | None = None) -> list[tuple[int, float]]:
        if where is None or where.is_empty:
            return self._vectors.search(vector, k)
        return self._vectors.search(vector, k, allowed=self._db.ids(where))

    def lexical(self, text: str, k: int, where: Filter | None = None, every: bool = False) -> list[tuple[int, float]]:
        return self._lexical.search(text, k, where, every)

    def vectors(self, ids: Sequence[int]) -> np.ndarray:
        return self._vectors.reconstruct(ids)

    def keyed_vectors(self) -> Iterator[tuple[bytes, np.ndarray]]:
        """(passage key, vector) of every passage: what an incremental build can reuse."""
        from docqa.language.normalize import normalize

        matrix = self._vectors.reconstruct(range(1, self._vectors.count + 1))
        for pid, path, text in self._db.keyed_texts():
            if pid - 1 < len(matrix):
                yield passage_key(path, normalize(text)), matrix[pid - 1]

    def query_encoder(self) -> Path | None:
        """The folder of the ONNX encoder questions are encoded with, if the build installed one."""
        from docqa.embedding.onnx import CONFIG_FILE

        folder = self.generation / ENCODER_DIR
        return folder if (folder / CONFIG_FILE).is_file() else None

    def close(self) -> None:
        """Release the generation's files now (its vectors and word index are mapped into memory), not when the
        object is collected: a server closes a version it has swapped out."""
        self._db.close()
        self._vectors.close()
        self._lexical.close()
