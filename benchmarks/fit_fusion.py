"""Choose how hybrid mode fuses the cosine and BM25 (``docqa.search.ranker.ALPHA``) on the train sets, then show the rest.

    python benchmarks/fit_fusion.py                         # every set, reciprocal-rank fusion and ALPHA 0.5-1.0
    python benchmarks/fit_fusion.py --sets scifact-train,qmsum-train --variants rrf,0.5

Each question is asked as the suite asks it (``benchmarks/suite.py``: ``Index.ask``, hybrid, ten hits, no
cut-off) with ``ALPHA`` set to each variant in turn ("rrf": the reciprocal-rank fusion used before).  The
train sets choose (SciFact train: 809 questions over the same abstracts as its test; QMSum train), each of
their questions encoded with the question adapter that never saw it (``suite.out_of_fold``); the others
only confirm.  Success@5 and nDCG@10; for QMSum both against the speaker's turns and all relevant turns.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SETS = ("scifact-train", "qmsum-train", "scifact-test", "qmsum-val", "seeds", "whitehouse", "news")


def scifact(index: Any, split: str) -> Iterator[dict[str, Any]]:
    import suite

    system = suite.docqa_system(index, "hybrid")
    system = suite.out_of_fold(index, system, "scifact") if split == "train" else system
    for row in suite.scifact_rows({"docqa hybrid": system}, index, split):
        yield {"all": row["systems"]["docqa hybrid"]["relevant documents"]}


def qmsum(index: Any, split: str) -> Iterator[dict[str, Any]]:
    import suite

    system = suite.docqa_system(index, "hybrid")
    system = suite.out_of_fold(index, system, "qmsum") if split == "train" else system
    for row in suite.qmsum_rows(split, {"docqa hybrid": system}, index):
        scores = row["systems"]["docqa hybrid"]
        speaker = {"speaker": scores["speaker's turns"]} if "speaker's turns" in scores else {}
        yield {"all": scores["all relevant turns"]} | speaker


def files(index: Any, name: str) -> Iterator[dict[str, Any]]:
    import suite

    for row in suite.file_rows(suite.QUESTIONS / f"{name}.jsonl", {"docqa hybrid": suite.docqa_system(index, "hybrid")}, index):
        yield {"all": row["systems"]["docqa hybrid"]["relevant passages"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--variants", default="rrf,0.5,0.6,0.7,0.8,0.9,1.0")
    options = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import suite

    from docqa.search import ranker

    print("| set | fusion | questions | Success@5 | nDCG@10 | speaker questions | Success@5 | nDCG@10 |")
    print("|---|---|---|---|---|---|---|---|")
    for name in options.sets.split(","):
        index = suite.build(name.split("-")[0] if name.startswith("scifact") else name)
        for variant in options.variants.split(","):
            ranker.ALPHA = None if variant == "rrf" else float(variant)
            started = time.perf_counter()
            if name.startswith("scifact"):
                rows = list(scifact(index, name.split("-")[1]))
            elif name.startswith("qmsum"):
                rows = list(qmsum(index, name.split("-")[1]))
            else:
                rows = list(files(index, name))
            cells = []
            for judged in ("all", "speaker"):
                got = [row[judged] for row in rows if judged in row]
                cells += [str(len(got)), f"{statistics.fmean(r['success@5'] for r in got):.3f}",
                          f"{statistics.fmean(r['ndcg@10'] for r in got):.3f}"] if got else ["", "", ""]
            label = "reciprocal rank" if variant == "rrf" else f"ALPHA {variant}"
            print(f"| {name} | {label} | {' | '.join(cells)} |", flush=True)
            suite.log(f"{name} {label}: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
