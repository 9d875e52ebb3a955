"""When to answer with fewer than ``k`` passages: weak filler is not dressed up as an answer.

A hit stays if its relevance (cosine of question and passage) is at least ``FLOOR`` and within
``GAP`` of the best hit's; the best hit always stays.  Chosen on QMSum val and SciFact: see
docs/evaluation.md, "Relevance and the cut-off", for what it keeps and drops.
"""

from __future__ import annotations

from docqa.records import Hit

FLOOR = 0.2
GAP = 0.2


def cut(hits: list[Hit], floor: float = FLOOR, gap: float = GAP) -> tuple[list[Hit], int]:
    """The hits worth showing, and how many weaker ones were left out.

    >>> from docqa.records import Hit
    >>> hits = [Hit(rank=i + 1, score=s, speaker=None, doc="d", start=0, end=1, line=1, text="x")
    ...         for i, s in enumerate([0.6, 0.5, 0.3])]
    >>> [h.score for h in cut(hits)[0]], cut(hits)[1]
    ([0.6, 0.5], 1)
    """
    if not hits or any(h.score is None for h in hits):
        return hits, 0  # no relevance (lexical mode): nothing to judge by
    best = max(h.score for h in hits)  # type: ignore[type-var]
    kept = [h for i, h in enumerate(hits) if i == 0 or h.score >= max(floor, best - gap)]
    return kept, len(hits) - len(kept)
