"""When to answer with fewer than ``k`` passages: weak filler is not dressed up as an answer, and nothing
is said to be "about" a topic that is not.

A hit is clearly about the topic when its relevance (the cosine of question and passage) is at least
``FLOOR``.  When the most relevant hit is, the hits shown are those at least ``FLOOR`` and within ``GAP`` of
it, whatever their rank: the most relevant is never hidden.  When no hit is, none is cut and the answer
says that these are only the closest.  Chosen on QMSum train, confirmed on val and shown on every set of
the evaluation suite (``benchmarks/suite.py --cutoff``; docs/evaluation.md, "The cut-off").
"""

from __future__ import annotations

from dataclasses import dataclass

from docqa.records import Hit

FLOOR = 0.2
GAP = 0.2


@dataclass
class Cut:
    """The hits to show, how many weaker ones were left out, and whether any hit is clearly about the topic."""

    kept: list[Hit]
    dropped: int
    clear: bool


def cut(hits: list[Hit], floor: float = FLOOR, gap: float = GAP) -> Cut:
    """The hits worth showing.

    >>> from docqa.records import Hit
    >>> hits = [Hit(rank=i + 1, score=s, speaker=None, doc="d", start=0, end=1, line=1, text="x")
    ...         for i, s in enumerate([0.3, 0.6, 0.5, 0.1])]
    >>> result = cut(hits)
    >>> [h.score for h in result.kept], result.dropped, result.clear
    ([0.6, 0.5], 2, True)
    >>> result = cut(hits[3:] + hits[3:])
    >>> len(result.kept), result.dropped, result.clear
    (2, 0, False)
    """
    if not hits or any(h.score is None for h in hits):
        return Cut(hits, 0, True)  # no relevance (lexical mode): nothing to judge by
    best = max(h.score for h in hits)  # type: ignore[type-var]
    if best < floor:
        return Cut(hits, 0, False)
    kept = [h for h in hits if h.score >= max(floor, best - gap)]  # type: ignore[operator]
    return Cut(kept, len(hits) - len(kept), True)
