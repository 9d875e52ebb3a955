"""One score per candidate, from its features (``docqa.search.features``), instead of a chain of fusions.

    score = (FUSED · rr(dense and BM25 fused) + CONTEXT · rr(the turn read with its neighbours)
             + REGION · rr(depth in the conversation's stretch about the topic)) × length_prior ** PRIOR

"dense and BM25 fused" is a convex combination of the cosine and the BM25 score, each normalised among
the candidates (``fused``).  ``rr`` turns a column into 1/(60 + rank) among the question's candidates, so
that each signal counts by its order, whatever its scale in one corpus or another (among fewer than ``POOL``
candidates, in dense and hybrid mode, spread over ``POOL`` places: ``rr``).  Where the candidates
are prose alone they rank by the fused score; where turns of a conversation are among them, each
candidate is also read in context (a turn with its neighbours, a passage of prose alone; none in lexical
mode, which never loads the model), region counts where one speaker's turns are searched in a long
conversation, and the length prior weighs turns ("Yeah." rarely answers).  Ties break by relevance, then by position.

A candidate's relevance is its cosine or, for the answer to a question, ``ANSWERED`` × the question's cosine where
that is higher.  A question here is another speaker's turn just before, ending in a question mark, where no label
says who asks (a hearing's member, a meeting's participant; an asker's ``Q:`` is read by ``context``): "We are
reviewing the comments now, Senator." is about re-proposing the capital rule because it answers "Will you
re-propose it before the summer?".  Relevance is the cosine every signal above reads, and the one shown.

The question's vector is its topic's with ``ASKED`` of the question as asked, without the speakers it names (``aim``).

The weights were chosen on QMSum train (a grid, ``benchmarks/fit_ranker.py``, and the suite's table in
docs/evaluation.md), and confirmed on val; ``ALPHA`` on SciFact train and QMSum train
(``benchmarks/fit_fusion.py``), confirmed on SciFact test, QMSum val and the other sets of the suite.
"""

from __future__ import annotations

import numpy as np

from docqa.search.features import NAMES, RRF_K, Candidates

ALPHA = 0.7  # the cosine's share of the fused column in hybrid mode (``fused``); None: reciprocal-rank fusion
FUSED = 1.0
CONTEXT = 0.5
REGION = 4.0
PRIOR = 0.5
NEIGHBOURS = 0.5  # how much the turns around a turn count in its context reading
SUBSTANTIVE = 12  # words: a turn this long or longer keeps its whole score
FLOOR = 0.45  # a one-word turn keeps this share of its score (before the exponent)
POOL = 50  # candidates each ranking gives at least (``Searcher.min_depth``), over which the weights were chosen
ANSWERED = 0.9  # an answer is at least this share as relevant as the question it answers (chosen on QMSum train)
ASKED = 0.4  # the share of the question as asked (without the speakers it names) in its vector, beside the topic's
_COLUMN = {name: i for i, name in enumerate(NAMES)}


def aim(topic: np.ndarray, asked: np.ndarray) -> np.ndarray:
    """The vector searched with: the topic's, with ``ASKED`` of the question's as asked ("what did [X] think of the
    casing": the casing, and thinking of it), unit length.  The topic alone loses what the question asks for (a view,
    a reason, a disagreement); the whole question, the topic among its other words.  Chosen on QMSum train, with
    the seeds' bar (docs/notes/2026-12-03-question-topics.md).

    >>> [round(float(x), 3) for x in aim(np.array([1.0, 0.0]), np.array([0.0, 1.0]))]
    [0.832, 0.555]
    """
    mixed = (1 - ASKED) * topic + ASKED * asked
    norm = float(np.linalg.norm(mixed))
    return mixed / norm if norm > 0 else topic


def rr(values: np.ndarray, spread: bool = False) -> np.ndarray:
    """Each value's reciprocal rank among them: 1/(60 + rank), the highest first; equal values share a rank
    (so that a tie is broken by relevance, not by the order the candidates were found in).

    ``spread``: among fewer than ``POOL`` candidates a rank is spread over ``POOL`` places (last of 3 counts as last of
    50).  The weights were chosen over about 50 candidates; among 3, first and last would be 3 % apart and the length
    prior alone would decide.  For the dense ranking fewer candidates than ``POOL`` are all the passages searched (one
    speaker's three turns); BM25 gives only the passages that share a word, and those that do not rank below them, so
    its candidates are not spread.

    >>> [round(float(x), 4) for x in rr(np.array([0.2, 0.9, 0.5, 0.9]))]
    [0.0156, 0.0164, 0.0159, 0.0164]
    >>> [round(float(x), 4) for x in rr(np.array([0.2, 0.9, 0.5, 0.9]), spread=True)]
    [0.0091, 0.0164, 0.0107, 0.0164]
    """
    descending = np.sort(-values)
    ranks = (np.searchsorted(descending, -values, side="left") + 1).astype(float)
    if spread and 1 < len(values) < POOL:
        ranks = 1 + (ranks - 1) * (POOL - 1) / (len(values) - 1)
    return 1.0 / (RRF_K + ranks)


def length_prior(words: np.ndarray) -> np.ndarray:
    """The share of its score a turn keeps for its length: FLOOR for one word, 1 from SUBSTANTIVE words.

    >>> [round(float(x), 2) for x in length_prior(np.array([1, 12, 40]))]
    [0.45, 1.0, 1.0]
    """
    return np.minimum(1.0, FLOOR + (1 - FLOOR) * np.maximum(0, words - 1) / (SUBSTANTIVE - 1))


def relevance(candidates: Candidates) -> np.ndarray:
    """Each candidate's relevance: its cosine, or ``ANSWERED`` × the cosine of the question it answers where that is
    higher (0 in lexical mode)."""
    return np.where(answers(candidates), ANSWERED * candidates.column("asked"), candidates.column("dense"))


def answers(candidates: Candidates) -> np.ndarray:
    """Whether each candidate's relevance is that of the question it answers."""
    asked = candidates.column("asked")
    return (asked != 0) & (ANSWERED * asked > candidates.column("dense"))


def context(candidates: Candidates) -> np.ndarray:
    """Each turn's cosine read with its neighbours' ("Yeah, let's drop it" scores with the proposal before it);
    an answer is read with the question it answers, not with the next question ("Q. Why can't you hire?"
    makes "A. Pay is part of it." about staffing)."""
    own, before, after = relevance(candidates), candidates.column("before"), candidates.column("after")
    answer = candidates.column("answer") > 0
    after = np.where(answer & (before != 0), 0.0, after)
    present = (before != 0).astype(float) + (after != 0).astype(float)
    around = np.where(present > 0, (before + after) / np.maximum(present, 1), own)
    return (own + NEIGHBOURS * around) / (1 + NEIGHBOURS)


def fused(candidates: Candidates, mode: str) -> np.ndarray:
    """The question's words and meaning in one column.  Hybrid: ``ALPHA`` · the cosine scaled to [0, 1] among the
    candidates + (1 - ``ALPHA``) · the BM25 score as a share of the best (0 for a passage BM25 did not find);
    ``ALPHA`` None: the reciprocal-rank fusion of the two rankings, as before.  One mode: its own ranking.

    A convex combination of normalised scores keeps how far apart two candidates are, where reciprocal
    ranks keep only their order (Bruch, Gai & Ingber, "An Analysis of Fusion Functions for Hybrid
    Retrieval", 2023).  ``benchmarks/fit_fusion.py`` chose 0.5 on SciFact train and QMSum train; with the question
    adapter (``docqa.embedding.adapter``) the cosine is worth more: 0.7 (docs/notes/2026-11-30-adapter.md).
    """
    x = candidates.features
    if mode == "dense":
        return relevance(candidates)
    if mode != "hybrid" or ALPHA is None:
        return x[:, _COLUMN["dense_rr"]] * (mode != "lexical") + x[:, _COLUMN["lexical_rr"]] * (mode != "dense")
    cosine = relevance(candidates)
    low, high = float(cosine.min()), float(cosine.max())
    scaled = (cosine - low) / (high - low) if high > low else np.ones_like(cosine)
    return ALPHA * scaled + (1 - ALPHA) * x[:, _COLUMN["lexical"]]


def parts(candidates: Candidates, mode: str) -> dict[str, np.ndarray]:
    """Each candidate's score in parts: the weighted reciprocal ranks (``fused``, ``context``, ``region``) that
    add up, and the ``prior`` that multiplies their sum."""
    x = candidates.features
    n = len(candidates.rows)
    spread = mode != "lexical"
    out = {"fused": FUSED * rr(fused(candidates, mode), spread), "context": np.zeros(n), "region": np.zeros(n),
           "prior": np.ones(n)}
    turns = x[:, _COLUMN["conversation"]] > 0
    if not turns.any():
        return out  # prose: the fused ranking as it is
    if mode != "lexical":  # a passage of prose is read alone: its context is its own cosine
        out["context"] = CONTEXT * rr(context(candidates), spread)
    region = x[:, _COLUMN["region"]]
    if region.any():
        out["region"] = REGION * rr(region, spread)
    out["prior"] = np.where(turns, length_prior(np.expm1(x[:, _COLUMN["words"]])) ** PRIOR, 1.0)
    return out


def scores(candidates: Candidates, mode: str) -> np.ndarray:
    """One score per candidate (higher first)."""
    if not candidates.rows:
        return np.zeros(0)
    p = parts(candidates, mode)
    return (p["fused"] + p["context"] + p["region"]) * p["prior"]


def order(candidates: Candidates, mode: str) -> list[int]:
    """Indexes of the candidates, best first: by score, then relevance, then position."""
    score = scores(candidates, mode)
    cosine = relevance(candidates) if candidates.rows else np.zeros(0)
    return sorted(range(len(candidates.rows)), key=lambda i: (-round(float(score[i]), 12), -float(cosine[i]), i))


SHOWN = 0.005  # relevance is shown to two decimals: a difference under this is no visible inversion


def explain(candidates: Candidates, mode: str, ranked: list[int]) -> dict[int, str]:
    """Why a candidate ranks above a more relevant one below it (candidate index -> reason), for those that do.

    The reason is the part of the score that puts it ahead of the most relevant candidate below it: the
    question's words (BM25), the turns around it (the question it answers), the stretch of the conversation
    about the topic, or the shortness of the turn below.
    """
    if mode == "lexical" or not ranked:
        return {}  # lexical mode shows no relevance: there is no order to contradict
    p = parts(candidates, mode)
    cosine = relevance(candidates)
    best_below: list[int | None] = [None] * len(ranked)
    best: int | None = None
    for at in range(len(ranked) - 1, -1, -1):
        best_below[at] = best
        i = ranked[at]
        if best is None or cosine[i] > cosine[best]:
            best = i
    out: dict[int, str] = {}
    for at, i in enumerate(ranked):
        j = best_below[at]
        if j is None or cosine[j] - cosine[i] < SHOWN:
            continue
        gains = {name: (p[name][i] - p[name][j]) * p["prior"][i] for name in ("fused", "context", "region")}
        gains["prior"] = (p["fused"][j] + p["context"][j] + p["region"][j]) * (p["prior"][i] - p["prior"][j])
        out[i] = _reason(max(gains, key=lambda name: gains[name]), candidates, i, j)
    return out


def _reason(part: str, candidates: Candidates, i: int, j: int) -> str:
    x = candidates.features
    if part in ("fused", "context") and answers(candidates)[i]:
        return "it answers the question asked just before it"
    if part == "fused":
        return "it has more of the question's words"
    if part == "context":
        if x[i, _COLUMN["answer"]] and x[i, _COLUMN["before"]] > x[i, _COLUMN["dense"]]:
            return "it answers the question asked just before it"
        return "the turns around it are about the topic"
    if part == "region":
        return "it is in the part of the conversation about the topic"
    words = round(float(np.expm1(x[j, _COLUMN["words"]])))
    return f"a more relevant turn below it is only {words} word{'s' if words != 1 else ''} long"
