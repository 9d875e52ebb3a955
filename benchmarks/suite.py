"""The evaluation suite: every set at once, every mode side by side, with the plain baselines and the noise.

    python benchmarks/suite.py                       # all sets (builds and caches each set's index once)
    python benchmarks/suite.py --sets seeds,news     # some of them
    python benchmarks/suite.py --json suite.json     # also write every figure, per question, as JSON
    python benchmarks/suite.py --cutoff              # also the cut-off's precision and recall per set

Sets: QMSum train and val (each question asked within its own meeting; against the speaker's relevant
turns and against all relevant turns, plus speaker detection), the sample questions over seeds/,
BEIR SciFact, questions over 60 real White House briefings, questions over tests/data/news, and questions
over the hearings and transcripts of tests/data (conversations of kinds neither QMSum nor the briefings
have: committee hearings, a parliament's question time, the Security Council, a trial, a town hall, a
joint press conference, podcasts and captions; written for the attribution tests, never ranked on before).
Systems: docqa in each mode (hybrid is the default), a plain fusion of BM25 and dense (reciprocal
rank, no conversation rules, the question as typed), and, for speaker questions, plain dense search
restricted to the gold speaker.  Each figure is a mean over questions with its 95 % bootstrap interval
(1,000 resamples, seeded), and each set says how much one question weighs.  A ranking change is kept
only if no set loses beyond its noise.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
QUESTIONS = ROOT / "benchmarks" / "questions"
BRIEFINGS = SHARED / "transcripts" / "whitehouse" / "press-briefings"
METRICS = ("success@1", "success@5", "ndcg@10", "recall@10")
SETS = ("qmsum-train", "qmsum-val", "seeds", "scifact", "whitehouse", "news", "conversations")
MODES = ("hybrid", "dense", "lexical")


def log(message: str) -> None:
    print(f"suite: {message}", file=sys.stderr, flush=True)


def cached_index(name: str, paths: list[Path]):  # type: ignore[no-untyped-def]
    """An index of ``paths`` built once with the default model (rebuilt incrementally when files change)."""
    from docqa.cache import cache_dir
    from docqa.index import Index

    stamp = ";".join(f"{p.name}:{hashlib.sha256(p.read_bytes()).hexdigest()}" for p in paths)  # content, not mtime
    folder = cache_dir("eval") / f"suite-{name}-{hashlib.sha256(stamp.encode()).hexdigest()[:10]}"
    return Index.build(paths, folder, on_warning=None, on_progress=lambda m: log(f"{name}: {m}"))


def measures(ranked: list[Any], relevant: set[Any]) -> dict[str, float]:
    from docqa.evaluation.qmsum import measures as qmsum_measures

    return qmsum_measures(ranked, relevant)


def bootstrap(values: list[float], rounds: int = 1000, seed: int = 20261129) -> tuple[float, float, float]:
    """Mean and its 95 % bootstrap interval."""
    if not values:
        return float("nan"), float("nan"), float("nan")
    rng = random.Random(seed)
    means = sorted(statistics.fmean(rng.choices(values, k=len(values))) for _ in range(rounds))
    return statistics.fmean(values), means[int(0.025 * rounds)], means[int(0.975 * rounds) - 1]


# -- systems: a question in, passage ids (or turns) out, best first ----------------------------------------------
def docqa_system(index: Any, mode: str) -> Callable[..., list[Any]]:
    def run(question: str, doc: str | None = None, **_: Any) -> list[Any]:
        answer = index.ask(question, k=10, doc=doc, mode=mode, highlight=False, cutoff=False)
        run.last_speaker = answer.speaker  # type: ignore[attr-defined]
        return answer.results

    return run


def out_of_fold(index: Any, system: Callable[..., list[Any]], part: str) -> Callable[..., list[Any]]:
    """``system`` on a training split ("qmsum": QMSum train; "scifact": SciFact train), each question asked with the
    question adapter that never saw it (``fit_adapter.fold_adapters``): the shipped adapter was fitted on these
    questions, so with it their figures would be its training fit, not what an unseen question gets."""
    if index.searcher.adapter is None:
        return system
    from fit_adapter import fold_adapters

    from docqa.embedding.adapter import QueryAdapter
    from docqa.evaluation import _read_jsonl

    adapters = fold_adapters(part)
    if part == "scifact":  # a training claim by its text (two test claims repeat a training claim's text word for word)
        ids: dict[str, str] = {}
        for claim in _read_jsonl(SHARED / "beir" / "scifact" / "queries.jsonl"):
            if str(claim["_id"]) in adapters:
                ids.setdefault(claim["text"], str(claim["_id"]))
        group = lambda question, doc: ids.get(question)  # noqa: E731
    else:  # a meeting by its transcript's name
        group = lambda question, doc: Path(doc).stem if doc else None  # noqa: E731
    shipped = index.searcher.adapter

    def run(question: str, doc: str | None = None, **extra: Any) -> list[Any]:
        name = group(question, doc)
        if name not in adapters:  # never the shipped adapter: that would measure its fit to this very question
            raise SystemExit(f"no out-of-fold adapter for {part} question {question[:60]!r} ({name})")
        index.searcher.adapter = QueryAdapter(adapters[name])
        try:
            return system(question, doc=doc, **extra)
        finally:
            run.last_speaker = getattr(system, "last_speaker", None)  # type: ignore[attr-defined]
            index.searcher.adapter = shipped

    return run


def plain_fusion(index: Any) -> Callable[..., list[Any]]:
    """BM25 and MiniLM fused by reciprocal rank over the same passages: no speaker, no conversation rules, the
    question's vector as the model encodes it (no adapter)."""
    from docqa.storage import Filter

    def run(question: str, doc: str | None = None, **_: Any) -> list[Any]:
        where = Filter(documents=index.answerer.scope(doc=doc).documents) if doc else None
        return index.searcher.search(question, 10, where, mode="hybrid", highlight=False, conversation=False,
                                     vector=index.searcher.vector(question, "hybrid", adapted=False))

    return run


def gold_speaker_dense(index: Any) -> Callable[..., list[Any]]:
    """Plain dense search restricted to the gold speaker (QMSum's floor), the question's vector as encoded."""
    from docqa.storage import Filter

    def run(question: str, doc: str | None = None, speaker: str | None = None, **_: Any) -> list[Any]:
        if speaker is None:
            return []
        documents = index.answerer.scope(doc=doc).documents if doc else None
        scope = index.store.passage_counts(Filter(documents=documents))
        found = index.answerer.directory.resolve(speaker, scope).speaker_id
        if found is None:
            return []
        where = Filter(speakers=(found,), documents=documents)
        return index.searcher.search(question, 10, where, mode="dense", highlight=False, conversation=False,
                                     vector=index.searcher.vector(question, "dense", adapted=False))

    return run


# -- sets: each yields (question, per-system ranked results -> per-question rows) --------------------------------
def qmsum_rows(split: str, systems: dict[str, Callable[..., list[Any]]], index: Any) -> Iterator[dict[str, Any]]:
    from docqa.evaluation.qmsum import _covered, label_key, questions

    for query, document, meeting in questions(SHARED / "qmsum" / split, index):
        speaker_question = bool(query.get("speaker_is_subject") and query.get("relevant_turns_by_speaker"))
        row: dict[str, Any] = {"question": query["query"], "speaker_question": speaker_question, "systems": {}}
        for name, system in systems.items():
            hits = system(query["query"], doc=document.path, speaker=query.get("speaker") if speaker_question else None)
            if name == "gold speaker, dense" and not speaker_question:
                continue
            ranked = _covered(hits, meeting)
            scores: dict[str, Any] = {"all relevant turns": measures(ranked, set(query["relevant_turns"]))}
            if speaker_question:
                scores["speaker's turns"] = measures(ranked, set(query["relevant_turns_by_speaker"]))
            if name == "docqa hybrid":
                wanted = set(query["relevant_turns_by_speaker"] if speaker_question else query["relevant_turns"])
                scores["hits"] = [[h.score, bool(wanted & set(meeting.turns(h.start, h.end)))] for h in hits]
            if name.startswith("docqa"):
                resolved = {label_key(n) for n in (getattr(system, "last_speaker", None) or "").split(" and ")}
                if speaker_question:
                    scores["detected"] = float(label_key(query["speaker"]) in resolved)
                elif not query.get("mentioned_speakers"):
                    scores["speaker set on a question naming nobody"] = float(getattr(system, "last_speaker", None) is not None)
            row["systems"][name] = scores
        yield row


def file_rows(path: Path, systems: dict[str, Callable[..., list[Any]]], index: Any) -> Iterator[dict[str, Any]]:
    """A questions file (``docqa eval`` format): relevance by passage."""
    from docqa.evaluation import _matches, _read_jsonl, _resolved

    passages = list(index.passages())
    for item in _read_jsonl(path):
        judgments = [_resolved(index, r) for r in item["relevant"]]
        relevant = {p.id for p in passages if any(_matches(p, r) for r in judgments)}
        row: dict[str, Any] = {"question": item["question"], "speaker_question": bool(item.get("speaker")), "systems": {}}
        for name, system in systems.items():
            if name == "gold speaker, dense" and not item.get("speaker"):
                continue
            hits = system(item["question"], speaker=item.get("speaker"))
            ranked = [h.id for h in hits]
            row["systems"][name] = {"relevant passages": measures(ranked, relevant)}
            if name == "docqa hybrid":
                row["systems"][name]["hits"] = [[h.score, h.id in relevant] for h in hits]
        yield row


def scifact_rows(systems: dict[str, Callable[..., list[Any]]], index: Any, split: str = "test") -> Iterator[dict[str, Any]]:
    """BEIR SciFact: a document ranks where its best passage ranks (``split``: "test", the suite's; "train" to choose on)."""
    import csv

    from docqa.evaluation import _read_jsonl

    path = SHARED / "beir" / "scifact"
    qrels: dict[str, set[str]] = {}
    with open(path / "qrels" / f"{split}.tsv", encoding="utf-8") as handle:
        for record in csv.DictReader(handle, delimiter="\t"):
            if int(record["score"]) > 0:
                qrels.setdefault(record["query-id"], set()).add(record["corpus-id"])
    for query in _read_jsonl(path / "queries.jsonl"):
        if str(query["_id"]) not in qrels:
            continue
        row: dict[str, Any] = {"question": query["text"], "speaker_question": False, "systems": {}}
        for name, system in systems.items():
            if name == "gold speaker, dense":
                continue
            ranked: list[str] = []
            hits = system(query["text"])
            for hit in hits:
                if hit.doc not in ranked:
                    ranked.append(hit.doc)
            row["systems"][name] = {"relevant documents": measures(ranked, qrels[str(query["_id"])])}
            if name == "docqa hybrid":
                row["systems"][name]["hits"] = [[h.score, h.doc in qrels[str(query["_id"])]] for h in hits]
        yield row


def build(name: str) -> Any:
    from docqa.evaluation import beir_index
    from docqa.evaluation.qmsum import qmsum_index

    if name.startswith("qmsum-"):
        return qmsum_index(SHARED / "qmsum" / name.split("-")[1], None, None, lambda m: log(f"{name}: {m}"))
    if name == "scifact":
        return beir_index(SHARED / "beir" / "scifact", None, None, lambda m: log(f"{name}: {m}"))
    if name == "seeds":
        return cached_index(name, sorted((ROOT / "seeds").glob("*.txt")))
    if name == "whitehouse":
        return cached_index(name, sorted(BRIEFINGS.glob("*.txt"))[:60])
    if name == "news":
        return cached_index(name, sorted((ROOT / "tests" / "data" / "news").glob("*.txt")))
    if name == "conversations":
        folders = (ROOT / "tests" / "data" / "hearings", ROOT / "tests" / "data" / "transcripts")
        return cached_index(name, sorted(p for folder in folders for p in folder.iterdir() if p.name != "gold.jsonl"))
    raise SystemExit(f"unknown set {name!r}: use {', '.join(SETS)}")


def rows_of(name: str, index: Any, modes: tuple[str, ...]) -> list[dict[str, Any]]:
    systems: dict[str, Callable[..., list[Any]]] = {f"docqa {mode}": docqa_system(index, mode) for mode in modes}
    if name == "qmsum-train":  # the question adapter was fitted on these questions: each asked with one that was not
        systems = {label: out_of_fold(index, system, "qmsum") for label, system in systems.items()}
    systems["plain BM25 + dense fusion"] = plain_fusion(index)
    systems["gold speaker, dense"] = gold_speaker_dense(index)
    if name.startswith("qmsum-"):
        return list(qmsum_rows(name.split("-")[1], systems, index))
    if name == "scifact":
        return list(scifact_rows(systems, index))
    return list(file_rows(QUESTIONS / f"{name}.jsonl", systems, index))


def table(name: str, rows: list[dict[str, Any]]) -> str:
    """One set's figures: per system and judgement, each metric's mean [95 % interval]."""
    groups: dict[tuple[str, str], list[dict[str, float]]] = {}
    for row in rows:
        for system, by in row["systems"].items():
            for against, scores in by.items():
                if isinstance(scores, dict):
                    groups.setdefault((against, system), []).append(scores)
    lines = [f"### {name}: {len(rows)} questions (one question = {100 / max(1, len(rows)):.2f} points of a mean over all)", "",
             "| against | system | n | " + " | ".join(METRICS) + " |", "|---|---|---|" + "---|" * len(METRICS)]
    for (against, system), scored in sorted(groups.items()):
        cells = []
        for metric in METRICS:
            mean, low, high = bootstrap([s[metric] for s in scored])
            cells.append(f"{mean:.3f} [{low:.3f}, {high:.3f}]")
        lines.append(f"| {against} | {system} | {len(scored)} | " + " | ".join(cells) + " |")
    extra = []
    for key in ("detected", "speaker set on a question naming nobody"):
        values = [row["systems"]["docqa hybrid"][key] for row in rows if key in row["systems"].get("docqa hybrid", {})]
        if values:
            extra.append(f"{key}: {int(sum(values))} of {len(values)}")
    return "\n".join(lines + ([""] + extra if extra else []))


FLOORS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35)
GAPS = (0.1, 0.15, 0.2, 0.25, 0.3, 1.0)


def cutoff_figures(rows: list[dict[str, Any]], floor: float, gap: float) -> dict[str, float]:
    """What ``docqa.search.cutoff.cut`` with ``floor`` and ``gap`` keeps of docqa hybrid's ten hits per question:
    precision (relevant among those shown), recall (of the relevant among the ten, those shown), how many are
    shown, and how often the cut says no hit is clearly about the question."""
    from docqa.records import Hit
    from docqa.search.cutoff import cut

    shown = relevant_shown = relevant = unclear = 0
    for row in rows:
        judged = row["systems"].get("docqa hybrid", {}).get("hits", [])
        hits = [Hit(rank=i + 1, score=score, speaker=None, doc="", start=i, end=i, line=0, text="")
                for i, (score, _) in enumerate(judged)]
        result = cut(hits, floor, gap)
        kept = {h.start for h in result.kept}
        shown += len(kept)
        relevant += sum(1 for _, good in judged if good)
        relevant_shown += sum(1 for i, (_, good) in enumerate(judged) if good and i in kept)
        unclear += not result.clear
    return {"precision": relevant_shown / max(1, shown), "recall": relevant_shown / max(1, relevant),
            "shown": shown / max(1, len(rows)), "unclear": unclear / max(1, len(rows))}


def cutoff_table(name: str, rows: list[dict[str, Any]]) -> str:
    """The cut-off's precision and recall on one set, for each floor and gap (gap 1.0: the floor alone)."""
    from docqa.search.cutoff import FLOOR, GAP

    lines = [f"#### {name}: the cut-off over docqa hybrid's ten hits (the default: floor {FLOOR}, gap {GAP})", "",
             "| floor | gap | precision | recall | F1 | shown per question | no hit clearly about it |",
             "|---|---|---|---|---|---|---|"]
    off = cutoff_figures(rows, -1.0, 9.0)
    lines.append(f"| off | off | {off['precision']:.3f} | 1.000 | {2 * off['precision'] / (1 + off['precision']):.3f} | "
                 f"{off['shown']:.1f} | 0.000 |")
    for floor in FLOORS:
        for gap in GAPS:
            f = cutoff_figures(rows, floor, gap)
            f1 = 2 * f["precision"] * f["recall"] / max(1e-9, f["precision"] + f["recall"])
            mark = " **(default)**" if (floor, gap) == (FLOOR, GAP) else ""
            lines.append(f"| {floor}{mark} | {gap} | {f['precision']:.3f} | {f['recall']:.3f} | {f1:.3f} | {f['shown']:.1f} | "
                         f"{f['unclear']:.3f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", default=",".join(SETS), help=f"Comma-separated, of: {', '.join(SETS)}.")
    parser.add_argument("--modes", default=",".join(MODES), help="docqa's modes to run.")
    parser.add_argument("--json", default=None, help="Also write every per-question figure to this file.")
    parser.add_argument("--cutoff", action="store_true", help="Also print the cut-off's precision and recall per set.")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    report: dict[str, Any] = {}
    for name in args.sets.split(","):
        started = time.perf_counter()
        index = build(name)
        rows = rows_of(name, index, tuple(args.modes.split(",")))
        report[name] = rows
        print(table(name, rows) + "\n", flush=True)
        if args.cutoff:
            print(cutoff_table(name, rows) + "\n", flush=True)
        log(f"{name}: {time.perf_counter() - started:.0f} s")
    if args.json:
        Path(args.json).write_text(json.dumps(report), encoding="utf-8")


if __name__ == "__main__":
    main()
