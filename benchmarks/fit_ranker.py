"""Choose the ranker's weights on QMSum train, confirm them on QMSum val: the constants of docqa.search.ranker.

    python benchmarks/fit_ranker.py                 # hybrid mode: gather features (cached), grid, train and val
    python benchmarks/fit_ranker.py --modes dense   # another mode

Every question of a split is understood as docqa understands it (the speaker it names, its topic), and
its candidates gathered as docqa gathers them (``Searcher.gather``: the dense and BM25 rankings, with
the speaker filter inside both); a candidate is relevant when it covers a relevant turn (the speaker's
relevant turns for a question about a speaker).  On train each question is encoded with the question adapter
that never saw its meeting (``fit_adapter.fold_adapters``): the shipped one was fitted on train.  Each weighting
of ``GRID`` orders the candidates with ``docqa.search.ranker`` itself (then five moments apart, as a long
conversation's are shown); the best five on train are printed, each then measured on val once, to confirm,
and so is ranker.py as it is.
A logistic model over the raw features (pointwise and pairwise) was tried first and ranked worse on
success@5 than this four-weight form (docs/notes/2026-11-30-ranking.md).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
DEPTH = 50


def gather(split: str, mode: str) -> dict[str, Any]:
    """Features, labels and the covered turns of every question's candidates (cached per split and mode)."""
    from fit_adapter import fold_adapters

    from docqa.cache import cache_dir
    from docqa.embedding import DEFAULT_MODEL
    from docqa.embedding.adapter import QueryAdapter, adapter_path
    from docqa.evaluation.qmsum import qmsum_index, questions
    from docqa.search.understand import understand
    from docqa.storage import Filter

    path = SHARED / "qmsum" / split
    here = ROOT / "src" / "docqa" / "search"
    source = "".join((here / name).read_text() for name in ("features.py", "searcher.py", "ranker.py", "understand/__init__.py",
                                                                     "understand/shapes.py"))
    shipped = adapter_path(DEFAULT_MODEL)
    source += hashlib.sha256(shipped.read_bytes()).hexdigest() if shipped.is_file() else ""
    source += (ROOT / "benchmarks" / "fit_adapter.py").read_text()
    key = hashlib.sha256(f"{split}{mode}{DEPTH}{source}".encode()).hexdigest()[:12]
    cached = cache_dir("eval") / f"ranker-{split}-{mode}-{key}.json"
    if cached.is_file():
        return json.loads(cached.read_text())
    index = qmsum_index(path, None, None, lambda m: print(m, file=sys.stderr))
    # train: each meeting's questions moved by an adapter that never saw that meeting (out of fold), as
    # val's and a user's questions are; val: the shipped adapter, as docqa asks
    folds = fold_adapters("qmsum") if split == "train" and index.searcher.adapter is not None else {}
    out: list[dict[str, Any]] = []
    for query, document, meeting in questions(path, index):
        scope = index.store.passage_counts(Filter(documents=(document.id,)))
        meaning = understand(query["query"], index.answerer.directory, scope)
        where = Filter(speakers=meaning.speakers or None, documents=(document.id,))
        text = meaning.topic or query["query"]
        shipped = index.searcher.adapter
        if query["meeting"] in folds:
            index.searcher.adapter = QueryAdapter(folds[query["meeting"]])
        try:
            vector = index.searcher.vector(text, mode, asked=meaning.asked)  # the question as docqa searches it
        finally:
            index.searcher.adapter = shipped
        candidates = index.searcher.gather(text, DEPTH, where, mode, vector)
        speaker_question = bool(query.get("speaker_is_subject") and query.get("relevant_turns_by_speaker"))
        wanted = set(query["relevant_turns_by_speaker"] if speaker_question else query["relevant_turns"])
        turns = [meeting.turns(row.start, row.end) for row in candidates.rows]
        out.append({"meeting": query["meeting"], "speaker_question": speaker_question, "filtered": bool(meaning.speakers),
                    "features": candidates.features.tolist(), "turns": turns,
                    "relevant": sorted(wanted), "all_relevant": sorted(query["relevant_turns"])})
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps(out))
    return out


def evaluate(questions: list[dict[str, Any]], ordering: Any) -> dict[str, float]:
    """Success@1/5 and nDCG@10 of each question's candidates in the order ``ordering(question)`` gives."""
    from docqa.evaluation.qmsum import measures

    rows: dict[str, list[dict[str, float]]] = {"speaker's turns": [], "all relevant turns": []}
    for q in questions:
        ranked: list[int] = []
        for i in ordering(q):
            for turn in q["turns"][i]:
                if turn not in ranked:
                    ranked.append(turn)
        rows["all relevant turns"].append(measures(ranked[:10], set(q["all_relevant"])))
        if q["speaker_question"]:
            rows["speaker's turns"].append(measures(ranked[:10], set(q["relevant"])))
    return {f"{against} {m}": round(float(np.mean([r[m] for r in scored])), 4) for against, scored in rows.items() if scored
            for m in ("success@1", "success@5", "ndcg@10")}


def ordered(q: dict[str, Any], mode: str) -> list[int]:
    """The candidates in the order docqa shows them: the ranker's, then five moments apart in a long conversation."""
    from docqa.search import ranker
    from docqa.search.conversation import SPREAD_APART, SPREAD_TOP
    from docqa.search.features import Candidates

    features = np.asarray(q["features"], dtype=np.float64)
    if not len(features):
        return []
    order = ranker.order(Candidates(rows=[None] * len(features), features=features), mode)  # type: ignore[list-item]
    if not features[0, list(ranker.NAMES).index("long")] or features[:, list(ranker.NAMES).index("answer")].any():
        return order  # five moments only in a long conversation where no asker asks (docqa.search.searcher.candidates)
    first: list[int] = []
    later: list[int] = []
    for i in order:
        at = min(q["turns"][i] or [0])
        close = any(abs(at - min(q["turns"][j] or [0])) <= SPREAD_APART for j in first)
        (later if close or len(first) >= SPREAD_TOP else first).append(i)
    return first + later


def objective(figures: dict[str, float]) -> float:
    """What the grid maximises: success@5 on both judgements, plus half their nDCG@10."""
    return sum(figures[f"{against} success@5"] + 0.5 * figures[f"{against} ndcg@10"]
               for against in ("speaker's turns", "all relevant turns"))


GRID = {"FUSED": (0.5, 1.0, 2.0), "CONTEXT": (0.5, 1.0, 2.0), "REGION": (1.0, 2.0, 3.0, 4.0), "PRIOR": (0.5, 1.0)}


def main() -> None:
    from docqa.search import ranker

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--modes", default="hybrid")
    args = parser.parse_args()
    chosen = {name: getattr(ranker, name) for name in GRID}
    for mode in args.modes.split(","):
        train, val = gather("train", mode), gather("val", mode)
        tried = []
        for values in itertools.product(*GRID.values()):
            for name, value in zip(GRID, values, strict=True):
                setattr(ranker, name, value)
            figures = evaluate(train, lambda q, m=mode: ordered(q, m))
            tried.append((objective(figures), values, figures))
        tried.sort(key=lambda t: -t[0])
        print(f"## {mode}: the best five of {len(tried)} weightings on train, each then on val")
        for score, values, figures in tried[:5]:
            for name, value in zip(GRID, values, strict=True):
                setattr(ranker, name, value)
            print(dict(zip(GRID, values, strict=True)), f"objective {score:.3f}")
            print("   train", figures)
            print("   val  ", evaluate(val, lambda q, m=mode: ordered(q, m)))
        for name, value in chosen.items():
            setattr(ranker, name, value)
        print("ranker.py as it is", chosen)
        print("   train", evaluate(train, lambda q, m=mode: ordered(q, m)))
        print("   val  ", evaluate(val, lambda q, m=mode: ordered(q, m)))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
