"""Turns as parts of a conversation, not as loose paragraphs: what the ranker needs to know about a
conversation (which documents are conversations, who asks in them, whether one is long, where it
discusses a topic), and the three rules applied after scoring.  The ranker (``docqa.search.ranker``)
scores a turn with the turns around it, weighs fragments less ("Yeah." rarely answers anything) and,
when one speaker's turns are searched, ranks higher those close to the turns that match best, whoever
spoke them ("Okay, so the prototype…" inside the prototype discussion: ``in_region``).

* **Answers before questions.** In briefings, hearings and interviews the asker's turn (a ``Q:``,
  ``QUESTION:``, ``MODERATOR:`` label) often matches the topic's words better than the answer after
  it.  When a search is not about one speaker, askers' turns step down behind the answers (the
  ranker already reads an answer with the question before it); so does any turn that asks, whoever
  asked it (a member in a hearing, an analyst on a call), right behind its answer when that answer is
  among the hits, except in a long meeting, where the two are one of five moments (below); a question
  about questions ("what did reporters ask") keeps them in place.
* **Asked who, someone's words.** A question that asks who ("who talked about X") is answered by speakers:
  passages no one said (a hearing's title page, a clerk's reading, a story's narration) step down behind
  every passage someone said, in prose as in transcripts.
* **Five moments, not one exchange.** In a long conversation where no one's label asks (a meeting, a
  debate; in a briefing every question is a moment of its own) the first ``SPREAD_TOP`` hits come
  from different places in it: a turn within ``SPREAD_APART`` passages of a better one already
  among them (the same speaker a line later, the same exchange) waits until after them, except the
  answer right after a question among them whose relevance is the question's (``ranker.relevance``):
  a question and its answer are one moment, and the answer is what was asked for.
  ``--context`` still shows the exchange around each hit.

What each rule is worth, measured, is in docs/evaluation.md and the dated notes beside it.
"""

from __future__ import annotations

from dataclasses import replace

from docqa.language.words import ABOUT_ASKING
from docqa.search.cutoff import FLOOR, GAP
from docqa.search.features import Ranked
from docqa.search.ranker import SHOWN
from docqa.storage import Filter, PassageRow, StoreReader

REGION_DEPTH = 20  # the conversation's best turns, whoever spoke them, that mark where the topic is discussed
REGION_RADIUS = 3  # turns on each side of one of them that count as inside its stretch
REGION_SPAN = 5  # region and spread apply where the turns searched, whoever spoke them, are at least this many times REGION_DEPTH
SPREAD_TOP = 5  # the hits a reader scans first: each from a different moment of the conversation
SPREAD_APART = 2  # passages: a turn this close to a better one among them is the same moment (chosen on QMSum val and train)
ASKER_ROLES = {"QUESTION", "MODERATOR", "INTERVIEWER", "HOST", "ANCHOR", "QUESTIONER"}
COUNTS_KEPT = 1024  # scopes whose passage counts a conversation remembers


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


def asks(text: str) -> bool:
    """Whether a turn ends by asking (a question mark, before any closing quote or bracket).

    >>> asks("Will you re-propose it before the summer?"), asks('He asked "why?"'), asks("We are reviewing them.")
    (True, True, False)
    """
    return text.rstrip().rstrip("\"'”’)]").endswith("?")


def step_down_askers(order: list[Ranked], askers: set[int]) -> list[Ranked]:
    """Askers' turns step down behind every answer (each keeps its place among its kind); best first.
    The answer after a question needs no lift: the ranker reads each turn with the turn before it."""
    if not askers or not any(item.row.speaker_id in askers for item in order):
        return order
    answers = [item for item in order if item.row.speaker_id not in askers]
    return answers + [replace(item, held="asker") for item in order if item.row.speaker_id in askers]


def answers_first(order: list[Ranked]) -> list[Ranked]:
    """A question whose answer is among the hits (``Ranked.answers``: the next turn, read as its answer) steps down
    right behind it, whoever asked: a member's question in a hearing, an analyst's on a call, a colleague's in a
    meeting is what led to the answer, not the answer.

    >>> rows = [PassageRow(id=i, doc_id=1, start=0, end=1, line=i, speaker_id=i, how="label", text="") for i in (4, 5, 9, 7)]
    >>> order = [Ranked(row, 1.0, answers=row.id == 5) for row in rows]
    >>> [(x.row.id, x.held) for x in answers_first(order)]
    [(5, None), (4, 'asker'), (9, None), (7, None)]
    """
    out = list(order)
    for item in order:
        if not item.answers:
            continue
        doc, before = item.row.doc_id, item.row.id - 1
        asked = next((i for i, other in enumerate(out) if other.row.doc_id == doc and other.row.id == before), None)
        at = out.index(item)
        if asked is not None and asked < at:
            del out[at]
            out.insert(asked, item)
            out[asked + 1] = replace(out[asked + 1], held="asker")
    return out


def step_down_unsaid(order: list[Ranked], floor: float = FLOOR, gap: float = GAP) -> list[Ranked]:
    """Each passage no one said (narration, a title page, a clerk's reading) steps down behind the passages someone
    said that are about the topic as clearly as the cut-off would show beside it: relevance at least ``floor`` and
    within ``gap`` of its own (any, in lexical mode, which has no relevance); every passage someone said keeps its
    place.  The answer to "who talked about X" is a speaker, but a passage no one said that is about X ("“…,” read a
    statement") is not hidden behind speakers' passages that are not.

    >>> rows = [PassageRow(id=i, doc_id=1, start=0, end=1, line=i, speaker_id=s, how="", text="") for i, s in
    ...         ((1, None), (2, 7), (3, 8), (4, None), (5, 8), (6, 7))]
    >>> order = [Ranked(r, 1.0, c) for r, c in zip(rows, (0.5, 0.1, 0.4, 0.3, 0.1, 0.25))]
    >>> [(x.row.id, x.held) for x in step_down_unsaid(order)]
    [(2, None), (3, None), (1, 'unsaid'), (5, None), (6, None), (4, 'unsaid')]
    """
    out = list(order)
    for item in reversed(order):
        if item.row.speaker_id is not None:
            continue
        bar = floor if item.relevance is None else max(floor, item.relevance - gap)
        at = out.index(item)
        behind = max((i for i, other in enumerate(out) if other.row.speaker_id is not None
                      and (other.relevance is None or other.relevance >= bar)), default=-1)
        if behind > at:
            out.insert(behind + 1, replace(item, held="unsaid"))
            del out[at]
    return out


def spread(order: list[Ranked], top: int = SPREAD_TOP, apart: int = SPREAD_APART) -> list[Ranked]:
    """The first ``top`` turns taken from different moments: a turn within ``apart`` passages of one already
    among them, in the same document, waits until after them; every other turn keeps its place in the order.
    An answer read as the answer to the question just before it (``Ranked.answers``) does not wait for that question;
    a question after its answer (``answers_first``) waits like any turn of the moment its answer stands for.

    >>> rows = [PassageRow(id=i, doc_id=1, start=0, end=1, line=i, speaker_id=None, how="label", text="")
    ...         for i in (10, 11, 20, 12, 30, 40)]
    >>> [item.row.id for item in spread([Ranked(row, 1.0) for row in rows], top=3)]
    [10, 20, 30, 11, 12, 40]
    >>> [item.row.id for item in spread([Ranked(row, 1.0, answers=row.id == 11) for row in rows], top=3)]
    [10, 11, 20, 12, 30, 40]
    >>> [item.row.id for item in spread([Ranked(row, 1.0, answers=row.id == 11) for row in (rows[1], rows[0], *rows[2:])], top=3)]
    [11, 20, 30, 10, 12, 40]
    """
    first: list[Ranked] = []
    later: list[Ranked] = []
    for item in order:
        close = any(other.row.doc_id == item.row.doc_id and abs(other.row.id - item.row.id) <= apart
                    and not (item.answers and other.row.id == item.row.id - 1) for other in first)
        if close and len(first) < top:
            item = replace(item, held="moment")
        (later if close or len(first) >= top else first).append(item)
    return first + later


HELD = {"asker": "answers rank above the questions asked", "unsaid": "asked who, passages someone said rank first",
        "moment": "the first five come from different moments of the conversation"}


def account(order: list[Ranked]) -> list[Ranked]:
    """Each item ranked above a more relevant one gets its ``why``: the step that held the other lower, or
    the ranker's reason it already has."""
    out = list(order)
    best: Ranked | None = None
    for at in range(len(out) - 1, -1, -1):
        item = out[at]
        if best is not None and item.relevance is not None and best.relevance is not None and item.why is None \
                and best.relevance - item.relevance >= SHOWN and best.held is not None:
            out[at] = replace(item, why=HELD[best.held])
        if item.relevance is not None and (best is None or best.relevance is None or item.relevance > best.relevance):
            best = item
    return out


class Conversation:
    """What one store's conversations are: which documents, who asks in them, how long a scope is."""

    def __init__(self, store: StoreReader) -> None:
        self.store = store
        self._askers: set[int] | None = None
        self._transcripts: set[int] | None = None
        self._counts: dict[Filter | None, int] = {}  # passages per scope: a store is one generation, so they hold
        self._discussions: dict[int, bool] = {}

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

    def discussion(self, doc_id: int) -> bool:
        """Whether a conversation is a discussion (no one in it only asks), where a topic holds for a stretch
        of turns; in a briefing, hearing or interview it changes with each question."""
        if doc_id not in self._discussions:
            speakers = self.store.passage_counts(Filter(documents=(doc_id,)))
            self._discussions[doc_id] = not (set(speakers) & self.askers())
        return self._discussions[doc_id]
