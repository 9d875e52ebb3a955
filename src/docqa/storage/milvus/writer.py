"""``MilvusWriter``: writes a new generation into fresh collections, then swaps the alias to it.

Rows wait in memory until ``commit`` (mentions arrive after passages, and each passage row carries its
mentions for the in-engine ``mentioning`` filter), as the local store's rows do.  Incremental
builds re-use the vectors of unchanged passages by key, so only new text is embedded; the rows of the
new generation are written whole (a staging collection and one alias swap, rather than upserts into
the live collection, so a killed build is never half-visible).
"""

from __future__ import annotations

import json
import re
import time
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from docqa.errors import DocqaError
from docqa.storage.base import FORMAT_VERSION, AliasRow, DocumentRow, PassageRow, Previous, SpeakerRow, kind_for, passage_key
from docqa.storage.milvus import connect, live_collection, parse_location, records_of
from docqa.storage.milvus import schema as S
from docqa.storage.milvus.lock import WriterLease
from docqa.storage.milvus.reader import MilvusStore

INSERT_BATCH = 2_000
# A generation's collections: "<index>__g<time>_<id>" and its "_records" ("_g" before the names were reserved).
_GENERATION = r"_{1,2}g\d{8}T\d{6}_[0-9a-f]{6}(?:_records)?"
_LEASE = r"__lock_[0-9a-f]{8}"


def owned_by(name: str, index: str) -> bool:
    """Whether a collection is one of ``index``'s generations or writer leases, and nobody else's: an index
    whose name merely starts the same way ("news_gov" beside "news") is never matched.

    >>> owned_by("news__g20260101T120000_abc123_records", "news"), owned_by("news_gov__g20260101T120000_abc123", "news")
    (True, False)
    """
    return re.fullmatch(re.escape(index) + f"(?:{_GENERATION}|{_LEASE})", name) is not None


class MilvusWriter:
    """One build into Milvus; nothing is visible until ``commit`` swaps the alias."""

    def __init__(self, location: str, vector_index: str = "auto") -> None:
        self.location = location
        self._where = parse_location(location)
        self._client = connect(self._where)
        self._lease = WriterLease(self._client, self._where.collection)
        try:
            self._lease.acquire()  # one build at a time: a second is refused at once
        except BaseException:
            self._client.close()
            raise
        self._kind = vector_index
        self._name = f"{self._where.collection}__g{time.strftime('%Y%m%dT%H%M%S')}_{uuid.uuid4().hex[:6]}"
        self._documents: list[DocumentRow] = []
        self._speakers: list[SpeakerRow] = []
        self._aliases: list[AliasRow] = []
        self._rows: list[PassageRow] = []
        self._vectors: list[np.ndarray] = []
        self._mentions: dict[int, list[int]] = defaultdict(list)
        self._encoder: str | None = None
        self._committed = False

    def previous(self, model: str, with_vectors: bool = True) -> Previous | None:
        live = live_collection(self._client, self._where.collection)
        if live is None:
            return None
        try:
            return Previous.of(MilvusStore(self.location, self._client, live), model, with_vectors)
        except DocqaError:
            return None

    def write_documents(self, rows: Iterable[DocumentRow]) -> None:
        self._documents.extend(rows)

    def write_speakers(self, speakers: Iterable[SpeakerRow], aliases: Iterable[AliasRow]) -> None:
        self._speakers.extend(speakers)
        self._aliases.extend(aliases)

    def write_passages(self, rows: Sequence[PassageRow], vectors: np.ndarray) -> None:
        if len(rows) != len(vectors):
            raise ValueError(f"{len(rows)} passages but {len(vectors)} vectors")
        for row in rows:
            if len(row.text.encode()) > S.MAX_TEXT:
                raise DocqaError(f"a passage of {row.doc or row.doc_id} is longer than Milvus keeps ({S.MAX_TEXT:,} bytes)")
        self._rows.extend(rows)
        if len(vectors):
            self._vectors.append(np.asarray(vectors, dtype=np.float32))

    def write_mentions(self, pairs: Iterable[tuple[int, int]]) -> None:
        for passage_id, speaker_id in sorted(pairs):
            if len(self._mentions[passage_id]) < S.MAX_MENTIONS:
                self._mentions[passage_id].append(speaker_id)

    def layout(self) -> dict[str, Any]:
        return {"format": FORMAT_VERSION, "store": "milvus"}

    def vector_kind(self, count: int) -> str:
        return kind_for(count, self._kind)  # exact (FLAT) up to 100,000 passages, HNSW above: as the local store

    def install_query_encoder(self, folder: Path) -> None:
        """Milvus keeps no files: the manifest records where this machine's ONNX export is."""
        self._encoder = str(folder.resolve())

    # -- commit ------------------------------------------------------------------------------------
    def _speaker_records(self) -> list[dict[str, Any]]:
        written: dict[int, list[str]] = defaultdict(list)
        for alias in self._aliases:
            if alias.written not in written[alias.speaker_id]:
                written[alias.speaker_id].append(alias.written)
        return [{"name": s.name, "kind": s.kind, "aliases": [a for a in written[s.id] if a != s.name], "passages": s.passages,
                 "mentions": s.mentions, "id": s.id, "first_date": s.first_date,
                 "last_date": s.last_date, "titles": list(s.titles)} for s in self._speakers]

    def _insert(self, collection: str, rows: list[dict[str, Any]]) -> None:
        for at in range(0, len(rows), INSERT_BATCH):
            self._client.insert(collection, rows[at : at + INSERT_BATCH])

    def commit(self, manifest: dict[str, Any]) -> MilvusStore:
        from docqa.language.normalize import normalize

        dimension = int(manifest.get("dimension") or (self._vectors[0].shape[1] if self._vectors else 0))
        matrix = np.vstack(self._vectors) if self._vectors else np.zeros((0, dimension), dtype=np.float32)
        kind = self.vector_kind(len(self._rows))
        paths = {d.id: d.path for d in self._documents}
        dates = {d.id: d.date or "" for d in self._documents}
        self._client.create_collection(self._name, schema=S.passages_schema(dimension),
                                       index_params=S.passages_indexes(self._client, kind))
        self._insert(self._name, [
            {"id": r.id, "doc_id": r.doc_id, "start": r.start, "end": r.end, "line": r.line,
             "speaker_id": r.speaker_id if r.speaker_id is not None else S.NONE, "page": r.page if r.page is not None else S.NONE,
             "time": float(r.time) if r.time is not None else -1.0, "how": r.how, "date": dates.get(r.doc_id, ""),
             "key": passage_key(paths[r.doc_id], normalize(r.text)).hex(), "mentions": self._mentions.get(r.id, []),
             "text": r.text, "dense": vector.tolist()}
            for r, vector in zip(self._rows, matrix, strict=True)])
        manifest = {"format": FORMAT_VERSION, **manifest, "store": "milvus", "vectors": kind, "collection": self._name}
        bodies = [("manifest", manifest)] + [("encoder", {"folder": self._encoder})] * (self._encoder is not None)
        bodies += [("document", {"id": d.id, "path": d.path, "kind": d.kind, "encoding": d.encoding, "sha256": d.sha256,
                                 "chars": d.chars, "transcript": d.transcript, "date": d.date}) for d in self._documents]
        bodies += [("speaker", body) for body in self._speaker_records()]
        bodies += [("alias", {"key": a.key, "written": a.written, "speaker_id": a.speaker_id,
                              "kind": a.kind}) for a in self._aliases]
        records = records_of(self._name)
        self._client.create_collection(records, schema=S.records_schema(), index_params=S.records_indexes(self._client))
        self._insert(records, [{"id": i, "kind": kind_, "body": json.dumps(body), "unused": [0.0, 0.0]}
                               for i, (kind_, body) in enumerate(bodies, start=1)])
        for name in (self._name, records):
            self._client.flush(name)
            self._client.load_collection(name)
        previous = live_collection(self._client, self._where.collection)
        if previous is None:
            self._client.create_alias(self._name, self._where.collection)
        else:
            self._client.alter_alias(self._name, self._where.collection)  # the one step that makes the build live
        self._committed = True
        self._drop_old(keep={self._name, previous, self._lease.collection})
        self._lease.release()
        return MilvusStore(self.location, self._client, self._name)  # it keeps the client open

    def _drop_old(self, keep: set[str | None]) -> None:
        """This index's generations older than the previous one (readers may still be on that), and what
        killed builds left (staging collections, leases); never another index's collections."""
        for name in self._client.list_collections():
            if owned_by(name, self._where.collection) and name.removesuffix("_records") not in keep:
                self._client.drop_collection(name)

    def abort(self) -> None:
        """Discard an uncommitted build: its collections go, the lease is released (nothing once committed)."""
        if self._committed:
            return
        for name in (self._name, records_of(self._name)):
            try:
                if self._client.has_collection(name):
                    self._client.drop_collection(name)
            except Exception:  # noqa: BLE001 - best effort: the next build drops leftovers too
                pass
        self._lease.release()
        self._client.close()
