"""``MilvusStore``: one generation in Milvus, open for questions (``StoreReader``, plus engine-side hybrid search)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from docqa.errors import DocqaError, IndexFormatError
from docqa.records import Speaker
from docqa.storage.base import MAX_TERMS, AliasRow, DocumentRow, Filter, PassageRow, check_format
from docqa.storage.milvus import connect, live_collection, parse_location, records_of
from docqa.storage.milvus import schema as S

_ROW_FIELDS = ["id", "doc_id", "start", "end", "line", "speaker_id", "how", "text", "page", "time"]
MAX_LIMIT = 16_384  # Milvus's largest top-k
PAGE = 1_000


def query_terms(text: str) -> str:
    """The words BM25 matches on, as the local store picks them: content words, no question words."""
    from docqa.language.tokens import terms

    return " ".join(terms(text)[:MAX_TERMS])


class MilvusStore:
    """The generation the alias points at when opened; it keeps reading that one while a writer swaps."""

    def __init__(self, location: str, client: Any, collection: str) -> None:
        self.location = location
        self.generation = Path(collection)  # what a pool compares to notice a new generation
        self._client = client
        self._collection = collection
        # Loaded here, not by the caller: a writer reading the live generation for an incremental build
        # opens it this way too, and Milvus Lite starts every process with its collections released.
        client.load_collection(collection)
        records = self._records()
        if "manifest" not in records:
            raise IndexFormatError(f"the index at {location} is damaged: its records have no manifest")
        self.manifest: dict[str, Any] = records["manifest"][0]
        check_format(self.manifest, location)
        self._documents = sorted((DocumentRow(**d) for d in records.get("document", [])), key=lambda d: d.id)
        self._paths = {d.id: d for d in self._documents}
        self._speakers = [Speaker(**s) for s in records.get("speaker", [])]
        self._names = {s.id: s.name for s in self._speakers}
        self._aliases = [AliasRow(**a) for a in records.get("alias", [])]
        self._encoder = records.get("encoder", [{}])[0].get("folder")

    @classmethod
    def open(cls, location: str) -> MilvusStore:
        where = parse_location(location)
        client = connect(where)
        collection = live_collection(client, where.collection)
        if collection is None:
            client.close()
            raise IndexFormatError(f"no docqa index in {location}: build one with `docqa index PATH --index {location}`")
        return cls(location, client, collection)

    def _records(self) -> dict[str, list[dict[str, Any]]]:
        name = records_of(self._collection)
        self._client.load_collection(name)
        out: dict[str, list[dict[str, Any]]] = {}
        for row in self._iterate(name, "", ["id", "kind", "body"]):
            out.setdefault(row["kind"], []).append((row["id"], json.loads(row["body"])))  # type: ignore[arg-type]
        # type: ignore[misc]
        return {kind: [body for _, body in sorted(rows, key=lambda pair: pair[0])] for kind, rows in out.items()}

    def _iterate(self, collection: str, expr: str, fields: list[str]) -> Iterator[dict[str, Any]]:
        iterator = self._client.query_iterator(collection, batch_size=PAGE, filter=expr, output_fields=fields)
        try:
            while batch := iterator.next():  # pages follow the primary key
                yield from sorted(batch, key=lambda row: row["id"])
        finally:
            iterator.close()

    def _row(self, values: dict[str, Any]) -> PassageRow:
        doc = self._paths.get(values["doc_id"])
        speaker = values["speaker_id"] if values["speaker_id"] != S.NONE else None
        return PassageRow(id=values["id"], doc_id=values["doc_id"], start=values["start"], end=values["end"], line=values["line"],
                          speaker_id=speaker, how=values["how"], text=values["text"],
                          page=values["page"] if values["page"] != S.NONE else None,
                          time=values["time"] if values["time"] >= 0 else None, doc=doc.path if doc else "",
                          speaker=self._names.get(speaker) if speaker is not None else None, date=doc.date if doc else None)

    # -- StoreReader ------------------------------------------------------------------------------
    def count(self, where: Filter | None = None) -> int:
        found = self._client.query(self._collection, filter=S.expression(where), output_fields=["count(*)"])
        return int(found[0]["count(*)"])

    def documents(self) -> list[DocumentRow]:
        return list(self._documents)

    def speakers(self, speaker_id: int | None = None) -> list[Speaker]:
        return [s for s in self._speakers if speaker_id is None or s.id == speaker_id]

    def aliases(self) -> list[AliasRow]:
        return list(self._aliases)

    def passage_counts(self, where: Filter | None = None) -> dict[int, int]:
        if where is None or where.is_empty:
            return {s.id: s.passages for s in self._speakers if s.passages and s.id is not None}
        counts: dict[int, int] = {}
        for row in self._iterate(self._collection, S.expression(where), ["speaker_id"]):
            if row["speaker_id"] != S.NONE:
                counts[row["speaker_id"]] = counts.get(row["speaker_id"], 0) + 1
        return counts

    def passages(self, ids: Sequence[int]) -> dict[int, PassageRow]:
        rows: dict[int, PassageRow] = {}
        for at in range(0, len(ids), PAGE):
            part = [int(i) for i in ids[at : at + PAGE]]
            for values in self._client.get(self._collection, ids=part, output_fields=_ROW_FIELDS):
                rows[values["id"]] = self._row(values)
        return rows

    def scan(self, where: Filter | None = None) -> Iterator[PassageRow]:
        """In document order: one query over the whole filter, read page by page in primary-key order,
        and ids follow documents and offsets (per-document queries would each scan the collection)."""
        for row in self._iterate(self._collection, S.expression(where), _ROW_FIELDS):
            yield self._row(row)

    def neighbours(self, passage_id: int, n: int) -> tuple[list[PassageRow], list[PassageRow]]:
        return self.around([passage_id], n)[passage_id]

    def around(self, passage_ids: Sequence[int], n: int) -> dict[int, tuple[list[PassageRow], list[PassageRow]]]:
        """Ids follow documents and offsets, so the neighbours are among ids ±n: fetched by primary key, all
        passages' in one call (a filtered query would scan the collection; one call each costs a round trip)."""
        if n <= 0 or not passage_ids:
            return {pid: ([], []) for pid in passage_ids}
        wanted = sorted({i for pid in passage_ids for i in range(pid - n, pid + n + 1) if i > 0})
        found: dict[int, dict[str, Any]] = {}
        for start in range(0, len(wanted), MAX_LIMIT):
            found.update({r["id"]: r for r in self._client.get(self._collection, ids=wanted[start:start + MAX_LIMIT],
                                                               output_fields=_ROW_FIELDS)})
        out: dict[int, tuple[list[PassageRow], list[PassageRow]]] = {}
        for pid in passage_ids:
            if pid not in found:
                out[pid] = ([], [])
                continue
            doc_id = found[pid]["doc_id"]
            rows = sorted((self._row(found[i]) for i in range(pid - n, pid + n + 1) if i != pid and i in found
                           and found[i]["doc_id"] == doc_id), key=lambda r: r.start)
            out[pid] = ([r for r in rows if r.id < pid][::-1], [r for r in rows if r.id > pid])
        return out

    def dense(self, vector: np.ndarray, k: int, where: Filter | None = None) -> list[tuple[int, float]]:
        limit = min(k, MAX_LIMIT)
        found = self._client.search(self._collection, data=[np.asarray(vector, dtype=np.float32).tolist()], anns_field="dense",
                                    limit=limit, filter=S.expression(where), output_fields=[],
                                    search_params={"metric_type": "IP", "params": {"ef": max(64, limit)}})
        return [(int(hit["id"]), float(hit["distance"])) for hit in found[0]]

    def lexical(self, text: str, k: int, where: Filter | None = None, every: bool = False) -> list[tuple[int, float]]:
        """BM25 over the sparse field; ``every``: only passages holding each term, one ``TEXT_MATCH`` per term (read
        by the same analyzer as the passages, so "exports" holds "export")."""
        text = query_terms(text)
        if not text:
            return []
        expr = S.expression(where)
        if every:
            matches = " and ".join(f"TEXT_MATCH(text, {json.dumps(term)})" for term in text.split())
            expr = f"({expr}) and {matches}" if expr else matches
        found = self._client.search(self._collection, data=[text], anns_field="sparse", limit=min(k, MAX_LIMIT),
                                    filter=expr, output_fields=[], search_params={"metric_type": "BM25"})
        # best first; BM25 scores are never negative, but Milvus Lite reports them negated
        return [(int(hit["id"]), abs(float(hit["distance"]))) for hit in found[0]]

    def hybrid(self, vector: np.ndarray, text: str, k: int, where: Filter | None = None,
               weights: dict[str, float] | None = None) -> list[tuple[int, float]]:
        """Dense and BM25 fused inside Milvus: RRF (k = 60) for equal weights, else a weighted ranker."""
        from pymilvus import AnnSearchRequest, RRFRanker, WeightedRanker

        limit, expr, text = min(k, MAX_LIMIT), S.expression(where), query_terms(text)
        requests = [AnnSearchRequest([np.asarray(vector, dtype=np.float32).tolist()], "dense",
                                     {"metric_type": "IP", "params": {"ef": max(64, limit)}}, limit, expr=expr)]
        if text:
            requests.append(AnnSearchRequest([text], "sparse", {"metric_type": "BM25"}, limit, expr=expr))
        weights = weights or {}
        equal = weights.get("dense", 1.0) == weights.get("lexical", 1.0)
        ranker = RRFRanker(S.RRF_K) if equal else WeightedRanker(weights.get("dense", 1.0), weights.get("lexical", 1.0))
        found = self._client.hybrid_search(self._collection, requests, ranker, limit=limit, output_fields=[])
        return [(int(hit["id"]), float(hit["distance"])) for hit in found[0]]

    def vectors(self, ids: Sequence[int]) -> np.ndarray:
        wanted = [int(i) for i in ids]
        got: dict[int, list[float]] = {}
        for at in range(0, len(wanted), PAGE):
            for values in self._client.get(self._collection, ids=wanted[at : at + PAGE], output_fields=["dense"]):
                got[values["id"]] = values["dense"]
        missing = [i for i in wanted if i not in got]
        if missing:
            raise DocqaError(f"the index at {self.location} has no passage {missing[0]}")
        return np.asarray([got[i] for i in wanted], dtype=np.float32).reshape(len(wanted), -1)

    def keyed_vectors(self) -> Iterator[tuple[bytes, np.ndarray]]:
        """(passage key, vector) of every passage: what an incremental build reuses."""
        for row in self._iterate(self._collection, "", ["key", "dense"]):
            yield bytes.fromhex(row["key"]), np.asarray(row["dense"], dtype=np.float32)

    def query_encoder(self) -> Path | None:
        """The ONNX export the build used, if it is on this machine (else questions load the model by name)."""
        from docqa.embedding.onnx import CONFIG_FILE

        folder = Path(self._encoder) if self._encoder else None
        return folder if folder is not None and (folder / CONFIG_FILE).is_file() else None

    def close(self) -> None:
        self._client.close()
