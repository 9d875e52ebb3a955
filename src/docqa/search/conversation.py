"""Ranking turns as parts of a conversation, not as loose paragraphs.

* **Fragments weigh less.** "Yeah." or "The safety net." rarely answer anything, yet share a
  question's words; a turn's score is scaled by its length up to ``SUBSTANTIVE`` words.
* **A speaker's words where the conversation is about the topic.**  When one speaker's turns are
  searched, the whole conversation is searched too; a turn of theirs close to the turns that match
  best, whoever spoke them, ranks higher ("Okay, so the prototype…" inside the prototype
  discussion).
* **Answers before questions.** In briefings, hearings and interviews the asker's turn (a ``Q:``,
  ``QUESTION:``, ``MODERATOR:`` label) often matches the topic's words better than the answer after
  it.  When a search is not about one speaker, an asker's turn lifts the answer that follows it
  to its own score and itself steps down behind the answers; a question about questions ("what did
  reporters ask") keeps them in place.
* **Five moments, not one exchange.** In a long conversation the first ``SPREAD_TOP`` hits come
  from different places in it: a turn within ``SPREAD_APART`` passages of a better one already
  among them (the same speaker a line later, the same exchange) waits until after them.
  ``--context`` still shows the exchange around each hit.

What each rule is worth, measured, is in docs/evaluation.md and the dated notes beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np

from docqa.language.words import ABOUT_ASKING
from docqa.search.fusion import reciprocal_rank_fusion
from docqa.storage import Filter, PassageRow, StoreReader

Ranker = Callable[[str, int, "Filter | None", str, "np.ndarray | None"], "list[tuple[int, float]]"]

CONTEXT_WEIGHT = 0.5  # how much the turns around a turn count in its context score (chosen on QMSum val)
CONTEXT_WINDOW = 1  # turns read on each side
REGION_DEPTH = 20  # the conversation's best turns, whoever spoke them, that mark where the topic is discussed
REGION_RADIUS = 3  # turns on each side of one of them that count as inside its stretch
REGION_SPAN = 5  # region and spread apply where the turns searched, whoever spoke them, are at least this many times REGION_DEPTH
REGION_WEIGHT = 1.0  # the region ranking's weight when fused with the speaker's own ranking (chosen on QMSum train and val)
SPREAD_TOP = 5  # the hits a reader scans first: each from a different moment of the conversation
SPREAD_APART = 2  # passages: a turn this close to a better one among them is the same moment (chosen on QMSum val and train)
SUBSTANTIVE = 12  # words: a turn this long or longer keeps its whole score
FLOOR = 0.45  # a one-word turn keeps this share of its score
ASKER_ROLES = {"QUESTION", "MODERATOR", "INTERVIEWER", "HOST", "ANCHOR", "QUESTIONER"}
COUNTS_KEPT = 1024  # scopes whose passage counts a conversation remembers


def length_prior(text: str) -> float:
    """The share of its score a turn keeps for its length: FLOOR for a single word, 1 from SUBSTANTIVE words.

    >>> round(length_prior("Yeah."), 2), length_prior("word " * 20)
    (0.45, 1.0)
    """
    words = len(text.split())
    return min(1.0, FLOOR + (1 - FLOOR) * max(0, words - 1) / (SUBSTANTIVE - 1))


def in_context(own: float, neighbours: list[float], weight: float = CONTEXT_WEIGHT) -> float:
    """A turn's cosine to the question, read with its neighbours' ("Yeah, let's drop it" scores with the
    proposal before it): a weighted mean of its own and their average.

    >>> round(in_context(0.2, [0.6, 0.4], 0.5), 3)
    0.3
    """
    around = sum(neighbours) / len(neighbours) if neighbours else own
    return (own + weight * around) / (1 + weight)


def in_region(candidates: list[PassageRow], best: list[PassageRow], radius: int = REGION_RADIUS) -> dict[int, float]:
    """How deep each candidate turn sits in the stretches around the conversation's ``best`` turns (best
    first): each one within ``radius`` turns of the same document adds 1/(1 + distance), weighed by
    1/(its rank + 3).  Passage ids run in document order, so the distance is their difference.

    >>> rows = [PassageRow(id=i, doc_id=1, start=0, end=1, line=i, speaker_id=None, how="label", text="") for i in (10, 14, 30)]
    >>> {pid: round(score, 3) for pid, score in in_region(rows[:2], [rows[0], rows[2]]).items()}
    {10: 0.333, 14: 0.0}
    """
    out: dict[int, float] = {}
    for row in candidates:
        out[row.id] = sum((1.0 / (1 + abs(row.id - top.id)) / (rank + 3) for rank, top in enumerate(best)
                           if top.doc_id == row.doc_id and abs(row.id - top.id) <= radius), 0.0)
    return out


def asks_about_questions(question: str) -> bool:
    """Whether a question is about the questions themselves ("what did reporters ask about inflation")."""
    from docqa.language.tokens import words

    return any(word.plain in ABOUT_ASKING for word in words(question))


def rerank(order: list[tuple[PassageRow, float]], askers: set[int], answer_after: Callable[[PassageRow], PassageRow | None],
           lift_answers: bool) -> list[tuple[PassageRow, float]]:
    """Scores adjusted for fragments and, with ``lift_answers``, askers' turns traded for their answers; best first."""
    scored: dict[int, tuple[PassageRow, float]] = {}
    for row, score in order:
        scored[row.id] = (row, score * length_prior(row.text))
    if lift_answers and askers:
        for row, score in list(scored.values()):
            if row.speaker_id not in askers:
                continue
            answer = answer_after(row)
            if answer is not None and answer.speaker_id is not None and answer.speaker_id not in askers:
                lifted = score * length_prior(answer.text)
                if answer.id not in scored or scored[answer.id][1] < lifted:
                    scored[answer.id] = (answer, lifted)
    demoted = askers if lift_answers else set()  # questions step down behind every answer found
    return sorted(scored.values(), key=lambda pair: (pair[0].speaker_id in demoted, -pair[1], pair[0].id))


def spread(order: list[tuple[PassageRow, float]], top: int = SPREAD_TOP, apart: int = SPREAD_APART) -> list[tuple[PassageRow,
                                                                                                                  float]]:
    """The first ``top`` turns taken from different moments: a turn within ``apart`` passages of one already
    among them, in the same document, waits until after them; every other turn keeps its place in the order.

    >>> rows = [PassageRow(id=i, doc_id=1, start=0, end=1, line=i, speaker_id=None, how="label", text="")
    ...         for i in (10, 11, 20, 12, 30, 40)]
    >>> [row.id for row, _ in spread([(row, 1.0) for row in rows], top=3)]
    [10, 20, 30, 11, 12, 40]
    """
    first: list[tuple[PassageRow, float]] = []
    later: list[tuple[PassageRow, float]] = []
    for row, score in order:
        close = any(other.doc_id == row.doc_id and abs(other.id - row.id) <= apart for other, _ in first)
        (later if close or len(first) >= top else first).append((row, score))
    return first + later


class Conversation:
    """The conversation rules applied to one store's candidates: which documents are conversations, who
    asks in them, and how a ranking of turns is re-read as a conversation.  ``rank(text, depth, where,
    mode, vector)`` is the searcher's plain ranking, used to find where a conversation discusses a topic."""

    def __init__(self, store: StoreReader, rank: Ranker) -> None:
        self.store = store
        self._rank = rank
        self._askers: set[int] | None = None
        self._transcripts: set[int] | None = None
        self._counts: dict[Filter | None, int] = {}  # passages per scope: a store is one generation, so they hold
        self.context_weight = CONTEXT_WEIGHT
        self.context_window = CONTEXT_WINDOW

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

    def is_conversation(self, rows: dict[int, PassageRow]) -> bool:
        """Whether most candidates are turns of conversations."""
        return 2 * sum(row.doc_id in self.transcripts() for row in rows.values()) >= len(rows)

    def long(self, where: Filter | None) -> bool:
        """Whether the turns searched, whoever spoke them, make a conversation long enough to have several
        moments: in a short one every turn is "near the best turns", and the second-best answer is often
        the next line."""
        everyone = replace(where, speakers=None) if where is not None else None
        if everyone not in self._counts:  # counted once per scope: a count costs 60-150 ms in Milvus Lite
            if len(self._counts) >= COUNTS_KEPT:
                self._counts.clear()
            self._counts[everyone] = self.store.count(everyone)
        return self._counts[everyone] >= REGION_SPAN * REGION_DEPTH

    def with_context(self, ranked: list[tuple[int, float]], vector: np.ndarray) -> list[tuple[int, float]]:
        """Each candidate turn read with the turns around it: its cosine and its neighbours' to the question
        make a context score, fused with the ranking by reciprocal rank."""
        ids = [pid for pid, _ in ranked]
        around = {pid: self.store.neighbours(pid, self.context_window) for pid in ids}
        neighbour_ids = sorted({r.id for before, after in around.values() for r in before + after} | set(ids))
        vectors = self.store.vectors(neighbour_ids) @ np.asarray(vector, dtype=np.float32)
        cosine = dict(zip(neighbour_ids, vectors.tolist(), strict=True))
        context = {pid: in_context(cosine[pid], [cosine[r.id] for r in before + after], self.context_weight)
                   for pid, (before, after) in around.items()}
        by_context = sorted(ids, key=lambda pid: (-context[pid], pid))
        return reciprocal_rank_fusion({"ranking": ids, "context": by_context})

    def in_region(self, text: str, ranked: list[tuple[int, float]], rows: dict[int, PassageRow], where: Filter, mode: str,
                  vector: np.ndarray | None) -> list[tuple[int, float]]:
        """A speaker's candidate turns re-ranked by where they sit in the conversation (``in_region``): the
        same search over everyone's turns marks the stretches about the topic."""
        everyone = replace(where, speakers=None)
        best = [pid for pid, _ in self._rank(text, REGION_DEPTH, everyone, mode, vector)]
        best_rows = self.store.passages(best)
        depth = in_region([rows[pid] for pid, _ in ranked if pid in rows], [best_rows[p] for p in best if p in best_rows])
        ids = [pid for pid, _ in ranked]
        by_region = sorted(ids, key=lambda pid: -depth.get(pid, 0.0))  # stable: ties keep the speaker's own order
        return reciprocal_rank_fusion({"ranking": ids, "region": by_region}, {"ranking": 1.0, "region": REGION_WEIGHT})

    def answer_after(self, row: PassageRow) -> PassageRow | None:
        after = self.store.neighbours(row.id, 1)[1]
        return after[0] if after else None

    def order(self, text: str, ranked: list[tuple[int, float]], rows: dict[int, PassageRow], where: Filter | None, mode: str,
              vector: np.ndarray | None, lift_answers: bool) -> list[tuple[PassageRow, float]] | None:
        """The candidates ranked as a conversation, best first; None when they are not turns of one."""
        if not self.is_conversation(rows):
            return None
        long = self.long(where)
        if long and where is not None and where.speakers is not None:
            ranked = self.in_region(text, ranked, rows, where, mode, vector)
        if vector is not None and self.context_weight > 0:
            ranked = self.with_context(ranked, vector)
        order = rerank([(rows[pid], score) for pid, score in ranked if pid in rows], self.askers(), self.answer_after,
                       lift_answers)
        return spread(order) if long else order
