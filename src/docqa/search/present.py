"""From a ranking to the hits a person reads: one hit per distinct passage (a quote two articles carry is
shown once, with ``also``), each with its relevance; then, for the hits actually shown, the best
sentences highlighted and the passages around them.

``hits`` and ``decorate`` are two steps so that the cut-off (``docqa.search.cutoff``) can drop weak hits
in between: what is never shown is never highlighted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy as np

from docqa.records import Hit
from docqa.search.features import Ranked
from docqa.search.fusion import near_duplicate_groups
from docqa.search.highlight import highlights
from docqa.search.ranker import SHOWN
from docqa.storage import Filter, PassageRow, StoreReader


def place(row: PassageRow) -> dict[str, Any]:
    """Where a passage is: document, offsets, line, page, time, date."""
    return {"doc": row.doc, "start": row.start, "end": row.end, "line": row.line, "page": row.page, "time": row.time,
            "date": row.date}


def hits(order: list[Ranked], k: int, store: StoreReader, vector: np.ndarray | None, dedupe: bool = True) -> list[Hit]:
    """The first ``k`` distinct passages of ``order`` as hits: ``rank_score`` is what they were ranked by,
    ``score`` their relevance (the cosine of question and passage, or for an answer read with its question,
    ``ranker.relevance``; None without a vector), ``answers`` whether it is the latter, ``why`` the
    reason one ranks above a more relevant hit shown after it (``explain``)."""
    groups = near_duplicate_groups([item.row.text for item in order]) if dedupe else [[i] for i in range(len(order))]
    out: list[Hit] = []
    for rank, group in enumerate(groups[:k], start=1):
        item = order[group[0]]
        row = item.row
        also = [{**place(order[i].row), "speaker": order[i].row.speaker} for i in group[1:]]
        out.append(Hit(rank=rank, score=None, rank_score=item.score, speaker=row.speaker, doc=row.doc, start=row.start,
                       end=row.end, line=row.line, text=row.text, how=row.how, id=row.id, also=also, page=row.page, time=row.time,
                       date=row.date, why=item.why))
    if out and vector is not None:
        for hit, group in zip(out, groups, strict=False):
            item = order[group[0]]
            hit.score, hit.answers = item.relevance, item.answers
        unread = [h for h in out if h.score is None and h.id is not None]  # ranked without relevance: its cosine
        if unread:
            cosines = store.vectors([h.id for h in unread]) @ np.asarray(vector, dtype=np.float32)
            for hit, cosine in zip(unread, cosines.tolist(), strict=True):
                hit.score = float(cosine)
    return explain(out)


DENSE_HIGHLIGHTS = 20  # hits whose sentences may be embedded to find the best one (the first shown)
FALLBACK = "ranked by the question's words and the turns around it, not by relevance alone"


def explain(shown: list[Hit]) -> list[Hit]:
    """Keep a hit's ``why`` only where a more relevant hit is shown after it (and give one wherever that is so):
    a person never sees an order that contradicts the relevance shown without its reason."""
    best: float | None = None
    for hit in reversed(shown):
        above = hit.score is not None and best is not None and best - hit.score >= SHOWN
        hit.why = (hit.why or FALLBACK) if above else None
        if hit.score is not None and (best is None or hit.score > best):
            best = hit.score
    return shown


def listing(store: StoreReader, where: Filter, k: int) -> tuple[list[Hit], int]:
    """The first ``k`` passages ``where`` allows, in document order, as hits without relevance, and how many
    there are in all (a question with no topic: "what did Ruiz say")."""
    out: list[Hit] = []
    for row in store.scan(where):
        if len(out) == k:
            break
        out.append(Hit(rank=len(out) + 1, score=None, speaker=row.speaker, doc=row.doc, start=row.start, end=row.end,
                       line=row.line, text=row.text, how=row.how, id=row.id, page=row.page, time=row.time, date=row.date))
    return out, store.count(where)


def decorate(shown: list[Hit], text: str, store: StoreReader, vector: np.ndarray | None,
             encode: Callable[[list[str]], np.ndarray] | None, highlight: bool = True, context: int = 0) -> None:
    """Highlight the best sentences of the hits shown and add ``context`` passages around each."""
    if highlight and shown:
        dense = vector is not None
        # sentences matched by meaning (embedded) only for the first hits: a thousand hits would cost a minute
        first, rest = shown[:DENSE_HIGHLIGHTS], shown[DENSE_HIGHLIGHTS:]
        spans = highlights([h.text for h in first], text, vector if dense else None, encode if dense else None)
        spans += highlights([h.text for h in rest], text) if rest else []
        for hit, found in zip(shown, spans, strict=True):
            hit.highlights = found
    if context > 0:
        for hit in shown:
            hit.context = around(hit, context, store)


def around(hit: Hit, n: int, store: StoreReader) -> list[dict[str, Any]]:
    """The ``n`` passages before and after a hit in its document, as a reader scrolling would see them."""
    if hit.id is None:
        return []
    before, after = store.neighbours(hit.id, n)
    near = [(-(i + 1), r) for i, r in enumerate(before)][::-1] + [(i + 1, r) for i, r in enumerate(after)]
    return [{"offset": offset, "speaker": row.speaker, **place(row), "text": row.text, "how": row.how} for offset, row in near]


def join_names(names: list[str]) -> str:
    """Speakers' names as a sentence lists them.

    >>> join_names(["Ana Ruiz"]), join_names(["Ana Ruiz", "Li Wei"]), join_names(["A", "B", "C"])
    ('Ana Ruiz', 'Ana Ruiz and Li Wei', 'A, B and C')
    """
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def split_names(names: str) -> list[str]:
    """The names ``join_names`` joined (a name holds no comma and no " and ").

    >>> split_names("A, B and C"), split_names("Ana Ruiz")
    (['A', 'B', 'C'], ['Ana Ruiz'])
    """
    return [n for n in re.split(r", | and ", names) if n]


def unknown_speaker(phrase: str, suggestions: tuple[str, ...] | list[str]) -> str:
    """The one line said about a name the index does not know.

    >>> unknown_speaker("Blinkin", ["Antony Blinken"])
    "No speaker called 'Blinkin' in this index. Closest known speakers: Antony Blinken."
    >>> unknown_speaker("Bo", ["Bo Li", "Bo Ruiz"])
    "'Bo' is the first name of several speakers: Bo Li and Bo Ruiz; ask about one by full name."
    """
    shared = [name for name in suggestions if len(name.split()) > 1 and name.split()[0].lower() == phrase.strip().lower()]
    if len(shared) > 1:
        return f"{phrase!r} is the first name of several speakers: {join_names(shared)}; ask about one by full name."
    hint = f" Closest known speakers: {', '.join(suggestions)}." if suggestions else ""
    return f"No speaker called {phrase!r} in this index.{hint}"
