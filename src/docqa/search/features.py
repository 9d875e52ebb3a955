"""What the ranker knows about each candidate passage: one row of explicit features per candidate.

* ``dense``: the cosine of question and passage (0 in lexical mode, which never loads the model);
* ``dense_rr``, ``lexical_rr``: 1/(60 + rank) in the dense and the BM25 ranking (0 when absent), the
  two halves of a reciprocal-rank fusion;
* ``lexical``: the BM25 score, as a share of the best one among the candidates;
* ``before``, ``after``: the cosine of the turn before and the turn after (conversations only; 0 in
  prose, at a document's edge, and in lexical mode);
* ``region``: how deep the turn sits in the stretches the whole conversation's best turns mark (when
  one speaker's turns are searched in a long conversation);
* ``words``: the passage's length, ``log(1 + words)``; ``fragment``: fewer than 4 words;
* ``asker``: the passage is an asker's turn (a ``Q:``, ``MODERATOR:`` label); ``answer``: it follows one;
* ``asked``: the cosine of the question the turn answers: the turn before it, when another speaker's, ending in a
  question mark, and neither is an asker's (0 otherwise; ``docqa.search.ranker.relevance``);
* ``conversation``: the passage is a turn of a transcript; ``long``: of a long conversation.

``docqa.search.ranker`` turns a row into one score.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from docqa.storage import PassageRow

NAMES = ("dense", "dense_rr", "lexical_rr", "lexical", "before", "after", "region", "words", "fragment", "asker", "answer",
         "conversation", "long", "asked")
RRF_K = 60


@dataclass
class Candidates:
    """The candidates of one search, in the order they were found, with one feature row each."""

    rows: list[PassageRow]
    features: np.ndarray  # len(rows) x len(NAMES)

    def column(self, name: str) -> np.ndarray:
        return self.features[:, NAMES.index(name)]


@dataclass(frozen=True)
class Ranked:
    """One candidate in the order shown: what it ranks by (``score``), its relevance (the cosine, None in lexical
    mode), ``why`` it ranks above a more relevant candidate below it, and ``held``: why a step held it lower
    than its score would put it (``"asker"``: a question steps down behind the answers; ``"moment"``: the
    same moment of a conversation as a better turn among the first five).  ``answers``: its relevance is that of
    the question it answers (``docqa.search.ranker.relevance``), higher than its own."""

    row: PassageRow
    score: float
    relevance: float | None = None
    why: str | None = None
    held: str | None = None
    answers: bool = False


def reciprocal(rank: int | None) -> float:
    return 0.0 if rank is None else 1.0 / (RRF_K + rank)


def row_of(*, dense: float, dense_rank: int | None, lexical_rank: int | None, lexical_share: float, before: float,
           after: float, region: float, words: int, asker: bool, answer: bool, conversation: bool, long: bool,
           asked: float = 0.0) -> list[float]:
    """One candidate's features, in ``NAMES`` order."""
    return [dense, reciprocal(dense_rank), reciprocal(lexical_rank), lexical_share, before, after, region,
            math.log1p(words), float(words < 4), float(asker), float(answer), float(conversation), float(long), asked]
