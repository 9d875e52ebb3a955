"""Combining rankings (reciprocal rank fusion) and folding near-duplicate results together."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from docqa.language.tokens import lower_words

RRF_K = 60


def reciprocal_rank_fusion(
    rankings: Mapping[str, Sequence[int]], weights: Mapping[str, float] | None = None, k: int = RRF_K
) -> list[tuple[int, float]]:
    """Fuse ranked id lists: score(id) = sum over rankings of weight / (k + rank).  Best first.

    >>> reciprocal_rank_fusion({"dense": [1, 2, 3], "lexical": [3, 1]})[0][0]
    1
    """
    scores: dict[int, float] = {}
    for name, ranking in rankings.items():
        weight = 1.0 if weights is None else weights.get(name, 1.0)
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))


def _shingles(text: str, size: int = 4) -> set[tuple[str, ...]]:
    words = lower_words(text)
    if len(words) < size:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def near_duplicate_groups(texts: Sequence[str], threshold: float = 0.8) -> list[list[int]]:
    """Group indexes of texts that say the same words (Jaccard of 4-word shingles ≥ threshold), first-seen order.

    >>> near_duplicate_groups(["We want peace now.", "we want  peace now", "Something else entirely."])
    [[0, 1], [2]]
    """
    shingles = [_shingles(t) for t in texts]
    groups: list[list[int]] = []
    for i, mine in enumerate(shingles):
        for group in groups:
            theirs = shingles[group[0]]
            union = len(mine | theirs)
            if union and len(mine & theirs) / union >= threshold:
                group.append(i)
                break
        else:
            groups.append([i])
    return groups
