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
    """Group indexes of texts that say the same words (Jaccard of 4-word shingles ≥ threshold), first-seen order;
    a text joins the first group it is that close to.

    A text is compared only with the groups it shares a shingle with (an inverted index), so a long
    candidate list costs about its length, not its square.

    >>> near_duplicate_groups(["We want peace now.", "we want  peace now", "Something else entirely."])
    [[0, 1], [2]]
    """
    shingles = [_shingles(t) for t in texts]
    groups: list[list[int]] = []
    by_shingle: dict[tuple[str, ...], list[int]] = {}  # shingle -> the groups whose first text has it
    for i, mine in enumerate(shingles):
        candidates = sorted({g for shingle in mine for g in by_shingle.get(shingle, ())})
        for g in candidates:
            theirs = shingles[groups[g][0]]
            if len(mine & theirs) / len(mine | theirs) >= threshold:
                groups[g].append(i)
                break
        else:
            groups.append([i])
            for shingle in mine:
                by_shingle.setdefault(shingle, []).append(len(groups) - 1)
    return groups
