"""The ``Searcher``: passages that best match a text, in one of three modes, with filters inside the search.

* ``dense``: the question's vector against the passages' (meaning);
* ``lexical``: BM25 over the passages' words (names, acronyms, "S-400");
* ``hybrid`` (the default): both, fused by reciprocal rank fusion.

Near-duplicates (one quote carried by two articles) are folded into one hit with ``also``; the best
sentences are highlighted; ``context`` adds the passages around each hit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import numpy as np

from docqa.embedding import Embedder
from docqa.errors import DocqaError
from docqa.records import Hit
from docqa.search import dialogue
from docqa.search.dialogue import ASKER_ROLES
from docqa.search.fusion import near_duplicate_groups, reciprocal_rank_fusion
from docqa.search.highlight import highlights
from docqa.storage import Filter, HybridStore, PassageRow, StoreReader
from docqa.language.normalize import normalize

MODES = ("dense", "lexical", "hybrid")
DEFAULT_MODE = "hybrid"
COUNTS_KEPT = 1024  # scopes whose passage counts a searcher remembers


def check_mode(mode: str | None) -> str:
    """The retrieval mode to use: the default for None, else one of MODES (a clear error otherwise).

    >>> check_mode(None)
    'hybrid'
    """
    if mode is None:
        return DEFAULT_MODE
    if mode not in MODES:
        raise DocqaError(f"unknown mode {mode!r}: use one of {', '.join(MODES)}")
    return mode


def _place(row: PassageRow) -> dict[str, Any]:
    return {"doc": row.doc, "start": row.start, "end": row.end, "line": row.line, "page": row.page, "time": row.time,
            "date": row.date}


class Searcher:
    """Searches one store; ``encoder()`` gives the question encoder, loaded only when a mode needs it.

    >>> searcher = Searcher(store, lambda: embedder)                      # doctest: +SKIP
    >>> searcher.search("Turkey", k=3, where=Filter(speakers=(1,)))      # doctest: +SKIP
    """

    def __init__(self, store: StoreReader, encoder: Callable[[], Embedder]) -> None:
        self.store = store
        self._encoder = encoder
        self.fusion_weights: dict[str, float] = {"dense": 1.0, "lexical": 1.0}
        self._askers: set[int] | None = None
        self._transcripts: set[int] | None = None
        self._counts: dict[Filter | None, int] = {}  # passages per scope: a store is one generation, so they hold
        self.context_weight = dialogue.CONTEXT_WEIGHT
        self.context_window = dialogue.CONTEXT_WINDOW
        self.min_depth = 30  # candidates ranked before de-duplication and context

    def encode(self, texts: list[str]) -> np.ndarray:
        """Questions (or sentences) as vectors, with the index's query encoder."""
        return self._encoder().encode(texts)

    def rank(self, text: str, depth: int, where: Filter | None = None, mode: str | None = None,
             vector: np.ndarray | None = None) -> list[tuple[int, float]]:
        """(passage id, score) best first: the dense cosine, the BM25 score, or the fused RRF score."""
        mode = check_mode(mode)
        rankings: dict[str, list[tuple[int, float]]] = {}
        if mode in ("dense", "hybrid") and vector is None:
            vector = self.encode([normalize(text)])[0]
        if mode == "hybrid" and isinstance(self.store, HybridStore):
            return self.store.hybrid(vector, normalize(text), depth, where, self.fusion_weights)  # fused inside the engine
        if mode in ("dense", "hybrid"):
            rankings["dense"] = self.store.dense(vector, depth, where)
        if mode in ("lexical", "hybrid"):
            rankings["lexical"] = self.store.lexical(normalize(text), depth, where)
        if mode == "hybrid":
            return reciprocal_rank_fusion({name: [i for i, _ in r] for name, r in rankings.items()}, self.fusion_weights)
        return rankings[mode]

    def _with_context(self, ranked: list[tuple[int, float]], vector: np.ndarray, mode: str) -> list[tuple[int, float]]:
        """Each candidate turn read with the turns around it (``docqa.search.dialogue``): its cosine and its
        neighbours' to the question make a context score, fused with the ranking by reciprocal rank."""
        ids = [pid for pid, _ in ranked]
        around = {pid: self.store.neighbours(pid, self.context_window) for pid in ids}
        neighbour_ids = sorted({r.id for before, after in around.values() for r in before + after} | set(ids))
        cosine = dict(zip(neighbour_ids, (self.store.vectors(neighbour_ids) @ np.asarray(vector, dtype=np.float32)).tolist(), strict=True))
        context = {pid: dialogue.in_context(cosine[pid], [cosine[r.id] for r in before + after], self.context_weight)
                   for pid, (before, after) in around.items()}
        by_context = sorted(ids, key=lambda pid: (-context[pid], pid))
        return reciprocal_rank_fusion({"ranking": ids, "context": by_context})

    def _in_region(self, text: str, ranked: list[tuple[int, float]], rows: dict[int, PassageRow], where: Filter, mode: str,
                   vector: np.ndarray | None) -> list[tuple[int, float]]:
        """A speaker's candidate turns re-ranked by where they sit in the conversation (``dialogue.in_region``):
        the same search over everyone's turns marks the stretches about the topic."""
        everyone = replace(where, speakers=None)
        best = [pid for pid, _ in self.rank(text, dialogue.REGION_DEPTH, everyone, mode, vector)]
        best_rows = self.store.passages(best)
        depth = dialogue.in_region([rows[pid] for pid, _ in ranked if pid in rows], [best_rows[p] for p in best if p in best_rows])
        ids = [pid for pid, _ in ranked]
        by_region = sorted(ids, key=lambda pid: -depth.get(pid, 0.0))  # stable: ties keep the speaker's own order
        return reciprocal_rank_fusion({"ranking": ids, "region": by_region}, {"ranking": 1.0, "region": dialogue.REGION_WEIGHT})

    def _long(self, where: Filter | None) -> bool:
        """Whether the turns searched, whoever spoke them, make a conversation long enough to have several
        moments: in a short one every turn is "near the best turns", and the second-best answer is often
        the next line."""
        everyone = replace(where, speakers=None) if where is not None else None
        if everyone not in self._counts:  # counted once per scope: a count costs 60-150 ms in Milvus Lite
            if len(self._counts) >= COUNTS_KEPT:
                self._counts.clear()
            self._counts[everyone] = self.store.count(everyone)
        return self._counts[everyone] >= dialogue.REGION_SPAN * dialogue.REGION_DEPTH

    def transcripts(self) -> set[int]:
        """Ids of the documents that are conversations (speaker-labelled transcripts)."""
        if self._transcripts is None:
            self._transcripts = {d.id for d in self.store.documents() if d.transcript}
        return self._transcripts

    def askers(self) -> set[int]:
        """Speaker ids of the people who ask in the corpus's conversations (Q:, QUESTION:, MODERATOR: labels)."""
        if self._askers is None:
            self._askers = {s.id for s in self.store.speakers() if s.kind == "role" and s.name.upper() in ASKER_ROLES
                            and s.id is not None}
        return self._askers

    def _answer_after(self, row: PassageRow) -> PassageRow | None:
        after = self.store.neighbours(row.id, 1)[1]
        return after[0] if after else None

    def search(self, text: str, k: int, where: Filter | None = None, mode: str | None = None, context: int = 0,
               highlight: bool = True, dedupe: bool = True, vector: np.ndarray | None = None,
               lift_answers: bool | None = None, conversation: bool = True) -> list[Hit]:
        """The ``k`` best hits for ``text`` among the passages ``where`` allows.

        Each hit's ``score`` is its relevance: the cosine similarity of the question's and the passage's
        vectors, the same in dense and hybrid mode (None in lexical mode, which never loads the model);
        ``rank_score`` is what the mode ranked by (the cosine, BM25, or their reciprocal-rank fusion).

        Turns of transcripts are ranked as parts of a conversation (``docqa.search.dialogue``; off with
        ``conversation=False``): each is read with the turns around it, and fragments weigh less.  When
        speakers are asked for, their turns near the conversation's best turns rank higher; otherwise
        (unless ``lift_answers`` is False) an asker's question lifts the answer after it and steps down
        itself.  In a long conversation the first five hits come from different moments of it.  Prose is
        ranked as it is.
        """
        mode = check_mode(mode)
        if k <= 0:
            return []
        depth = k if not dedupe and mode != "hybrid" else max(3 * k, self.min_depth)
        if mode != "lexical" and vector is None:
            vector = self.encode([normalize(text)])[0]
        ranked = self.rank(text, depth, where, mode, vector)
        if not ranked:
            return []
        rows = self.store.passages([pid for pid, _ in ranked])
        spoken = conversation and 2 * sum(row.doc_id in self.transcripts() for row in rows.values()) >= len(rows)
        long = spoken and self._long(where)
        if long and where is not None and where.speakers is not None:
            ranked = self._in_region(text, ranked, rows, where, mode, vector)
        if spoken and vector is not None and self.context_weight > 0:
            ranked = self._with_context(ranked, vector, mode)
        order = [(rows[pid], score) for pid, score in ranked if pid in rows]
        if lift_answers is None:
            lift_answers = where is None or where.speakers is None
        if spoken:  # turns of a conversation: fragments weigh less, answers before the askers' questions
            order = dialogue.rerank(order, self.askers(), self._answer_after, lift_answers)
            if long:
                order = dialogue.spread(order)
        groups = near_duplicate_groups([row.text for row, _ in order]) if dedupe else [[i] for i in range(len(order))]
        hits: list[Hit] = []
        for rank, group in enumerate(groups[:k], start=1):
            row, score = order[group[0]]
            also = [{**_place(other), "speaker": other.speaker} for other, _ in (order[i] for i in group[1:])]
            hits.append(Hit(rank=rank, score=score, speaker=row.speaker, doc=row.doc, start=row.start, end=row.end, line=row.line,
                            text=row.text, how=row.how, id=row.id, also=also, page=row.page, time=row.time, date=row.date))
        for hit in hits:
            hit.rank_score, hit.score = hit.score, None
        if hits and vector is not None:  # lexical mode never loads the model: its hits have no relevance
            relevance = self.store.vectors([h.id for h in hits if h.id is not None]) @ np.asarray(vector, dtype=np.float32)
            for hit, cosine in zip(hits, relevance.tolist(), strict=True):
                hit.score = float(cosine)
        if highlight and hits:
            dense = mode != "lexical"
            spans = highlights([h.text for h in hits], text, vector if dense else None, self.encode if dense else None)
            for hit, found in zip(hits, spans, strict=True):
                hit.highlights = found
        if context > 0:
            for hit in hits:
                hit.context = self.context(hit, context)
        return hits

    def context(self, hit: Hit, n: int) -> list[dict[str, Any]]:
        """The ``n`` passages before and after a hit in its document, as a reader scrolling would see them."""
        if hit.id is None:
            return []
        before, after = self.store.neighbours(hit.id, n)
        around = [(-(i + 1), r) for i, r in enumerate(before)][::-1] + [(i + 1, r) for i, r in enumerate(after)]
        return [{"offset": offset, "speaker": row.speaker, **_place(row), "text": row.text, "how": row.how} for offset, row in around]
