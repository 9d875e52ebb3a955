"""``LocalWriter``: writes a new generation of a local index folder, then swaps it in atomically."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from docqa.errors import DocqaError
from docqa.storage.base import FORMAT_VERSION, AliasRow, DocumentRow, PassageRow, Previous, SpeakerRow, check_kind, kind_for
from docqa.storage.local import lexical, vectors
from docqa.storage.local.database import DatabaseWriter
from docqa.storage.local.generations import commit_generation, new_generation
from docqa.storage.local.reader import ENCODER_DIR, LocalStore


class LocalWriter:
    """One new generation in a temporary folder; ``commit`` makes it the live one.  Hold the writer lock."""

    def __init__(self, root: Path, vector_index: str = "auto") -> None:
        self.root = root
        self._kind = check_kind(vector_index)
        self.dir = new_generation(root)
        self._db = DatabaseWriter(self.dir)
        self._vectors: list[np.ndarray] = []
        self._count = 0
        self._dimension: int | None = None
        self._committed = False

    def previous(self, model: str, with_vectors: bool = True) -> Previous | None:
        """The live generation's documents and (unless not wanted) vectors by passage key, if built with ``model``."""
        try:
            live = LocalStore.open(self.root)
        except DocqaError:
            return None
        try:
            return Previous.of(live, model, with_vectors)
        except (DocqaError, RuntimeError):
            return None
        finally:
            live.close()

    def write_documents(self, rows: Iterable[DocumentRow]) -> None:
        self._db.documents(rows)

    def write_speakers(self, speakers: Iterable[SpeakerRow], aliases: Iterable[AliasRow]) -> None:
        self._db.speakers(speakers, aliases)

    def write_passages(self, rows: Sequence[PassageRow], vectors_: np.ndarray) -> None:
        """Passages with their vectors; ids must continue 1, 2, 3... (FAISS rows follow them)."""
        if [p.id for p in rows] != list(range(self._count + 1, self._count + len(rows) + 1)):
            raise ValueError("the local store takes passage ids 1..n in order")
        if len(rows) != len(vectors_):
            raise ValueError(f"{len(rows)} passages but {len(vectors_)} vectors")
        self._db.passages(rows)
        if len(vectors_):
            self._vectors.append(np.asarray(vectors_, dtype=np.float32))
            self._dimension = vectors_.shape[1]
        self._count += len(rows)

    def write_mentions(self, pairs: Iterable[tuple[int, int]]) -> None:
        self._db.mentions(pairs)

    def layout(self) -> dict[str, Any]:
        return {"format": FORMAT_VERSION, "lexical": lexical.ENGINE}

    def vector_kind(self, count: int) -> str:
        return kind_for(count, self._kind)

    def install_query_encoder(self, folder: Path) -> None:
        """Put an ONNX export into the generation: hard links where possible (no extra disk), else copies."""
        target = self.dir / ENCODER_DIR
        target.mkdir()
        for file in folder.iterdir():
            if file.is_file():
                try:
                    os.link(file, target / file.name)
                except OSError:
                    shutil.copyfile(file, target / file.name)

    def commit(self, manifest: dict[str, Any]) -> LocalStore:
        dimension = self._dimension or int(manifest.get("dimension") or 0)
        matrix = np.vstack(self._vectors) if self._vectors else np.zeros((0, dimension), dtype=np.float32)
        manifest = {**self.layout(), **manifest, "vectors": vectors.write(self.dir, matrix, self._kind, dimension)}
        self._db.finish()
        lexical.write(self.dir, self._db.lexical_rows())
        final = commit_generation(self.root, self.dir, manifest)
        self._committed = True
        return LocalStore(self.root, final)

    def abort(self) -> None:
        """Discard an uncommitted generation (nothing once committed)."""
        if self._committed:
            return
        self._db.close()
        shutil.rmtree(self.dir, ignore_errors=True)
