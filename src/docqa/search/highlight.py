"""Which sentences of a passage answer the question best: offsets within the passage text."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from docqa.language.normalize import normalize
from docqa.language.sentences import split
from docqa.language.tokens import stems

MAX_HIGHLIGHTS = 2
KEEP_WITHIN = 0.9  # a second sentence is highlighted if it scores at least this share of the best


def sentence_spans(text: str) -> list[tuple[int, int]]:
    return split(normalize(text))


def lexical_scores(sentences: Sequence[str], query: str) -> np.ndarray:
    """Share of the query's content words (matched on their stems) each sentence contains.

    >>> lexical_scores(["Rates rose again.", "Nothing here."], "interest rate")
    array([0.5, 0. ], dtype=float32)
    """
    wanted = stems(query)
    if not wanted:
        return np.zeros(len(sentences), dtype=np.float32)
    return np.asarray([len(wanted & stems(sentence)) / len(wanted) for sentence in sentences], dtype=np.float32)


def pick(scores: np.ndarray, spans: list[tuple[int, int]]) -> list[list[int]]:
    """The best span, plus the next best if close to it; in text order."""
    if not spans:
        return []
    order = np.argsort(-scores, kind="stable")
    best = float(scores[order[0]])
    chosen = [int(order[0])]
    for i in order[1:MAX_HIGHLIGHTS]:
        if best > 0 and float(scores[i]) >= KEEP_WITHIN * best:
            chosen.append(int(i))
    return [list(spans[i]) for i in sorted(chosen)]


def highlights(texts: Sequence[str], query: str, query_vector: np.ndarray | None = None, encode=None) -> list[list[list[int]]]:  # type: ignore[no-untyped-def]
    """For each passage text, [[start, end], …] of its best sentence(s) for ``query``.

    Sentences are scored by the share of the query's words they contain.  Only for passages where
    no sentence shares a word with the query (a match by meaning alone), and only when ``encode``
    (texts -> normalised vectors) and the query's vector are given, are their sentences embedded and
    scored by cosine similarity, in one batch: encoding every sentence of every hit would cost more
    than the search itself.

    >>> highlights(["It rained. Turkey is a valued ally. We met."], "Turkey ally")
    [[[11, 35]]]
    """
    spans = [sentence_spans(t) for t in texts]
    sentences = [[normalize(t)[s:e] for s, e in sp] for t, sp in zip(texts, spans, strict=True)]
    scores = [lexical_scores(group, query) for group in sentences]
    unmatched = [i for i, sc in enumerate(scores) if len(sc) > 1 and not sc.any()]
    if unmatched and encode is not None and query_vector is not None:
        flat = [s for i in unmatched for s in sentences[i]]
        dense = encode(flat) @ np.asarray(query_vector, dtype=np.float32).reshape(-1)
        offset = 0
        for i in unmatched:
            scores[i] = dense[offset : offset + len(sentences[i])]
            offset += len(sentences[i])
    return [pick(sc, sp) for sc, sp in zip(scores, spans, strict=True)]
