"""``docqa eval``: how well each retrieval mode ranks the right passages, on your questions or a BEIR dataset.

Questions file (JSON Lines): ``{"question": …, "relevant": [{"doc": …, "start": …, "end": …} | {"contains": "…"} |
{"matches": "regex", "speaker": "any alias", "not_speakers": [...]}], "speaker": optional}``; a passage is
relevant when it overlaps a given span of that document, contains the text, or matches the expression
(case-insensitive) and is spoken by that speaker (or by anyone but ``not_speakers``).  ``speaker``,
when given, is the speaker the question should resolve to (reported as speaker accuracy).  A BEIR
folder (``corpus.jsonl``, ``queries.jsonl``, ``qrels/test.tsv``) is indexed once (cached) and scored
per document, as the BEIR paper does.  Metrics come from ir-measures.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docqa.cache import cache_dir
from docqa.embedding import Embedder
from docqa.errors import DocqaError
from docqa.index import Index
from docqa.ingest.cache import code_stamp
from docqa.language.normalize import normalize
from docqa.records import Document
from docqa.search.request import MODES

METRICS = ("ndcg@10", "recall@10", "mrr@10")
DEPTH = 100  # passages retrieved per query before scoring


@dataclass
class Report:
    """Per-mode metrics for one dataset; ``to_dict`` is the ``--json`` object."""

    dataset: str
    queries: int
    modes: dict[str, dict[str, float]] = field(default_factory=dict)
    speaker_accuracy: float | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"dataset": self.dataset, "queries": self.queries, "modes": self.modes}
        if self.speaker_accuracy is not None:
            out["speaker_accuracy"] = self.speaker_accuracy
        return out

    def table(self) -> str:
        width = max(len(m) for m in self.modes) if self.modes else 6
        lines = [f"{self.dataset}: {self.queries} queries", f"{'mode':<{width}}  " + "  ".join(f"{m:>9}" for m in METRICS)]
        for mode, scores in self.modes.items():
            lines.append(f"{mode:<{width}}  " + "  ".join(f"{scores[m]:>9.4f}" for m in METRICS))
        if self.speaker_accuracy is not None:
            lines.append(f"speaker resolved as expected: {self.speaker_accuracy:.1%}")
        return "\n".join(lines)


def _measures():  # type: ignore[no-untyped-def]
    try:
        import ir_measures
    except ImportError:
        raise DocqaError("docqa eval needs ir-measures: pip install ir-measures") from None
    return ir_measures, {"ndcg@10": ir_measures.nDCG @ 10, "recall@10": ir_measures.R @ 10, "mrr@10": ir_measures.RR @ 10}


def score(qrels: dict[str, dict[str, int]], runs: dict[str, dict[str, float]]) -> dict[str, float]:
    """Mean nDCG@10, Recall@10 and MRR@10 over the queries of ``qrels`` (queries with no results score 0)."""
    ir_measures, names = _measures()
    qrel_list = [ir_measures.Qrel(q, d, rel) for q, docs in qrels.items() for d, rel in docs.items()]
    run_list = [ir_measures.ScoredDoc(q, d, s) for q, docs in runs.items() for d, s in docs.items()]
    per_query: dict[str, dict[str, float]] = {q: {m: 0.0 for m in METRICS} for q in qrels}
    for item in ir_measures.iter_calc(list(names.values()), qrel_list, run_list):
        name = next(n for n, m in names.items() if m == item.measure)
        per_query[item.query_id][name] = float(item.value)
    count = max(1, len(per_query))
    return {m: round(sum(q[m] for q in per_query.values()) / count, 4) for m in METRICS}


# -- a questions file over an existing index ---------------------------------------------------------------
def evaluate_questions(path: Path, index: Index, modes: tuple[str, ...] = MODES) -> Report:
    questions = list(_read_jsonl(path))
    if not questions:
        raise DocqaError(f"{path} holds no questions")
    passages = list(index.passages())
    qrels: dict[str, dict[str, int]] = {}
    for n, item in enumerate(questions):
        if "question" not in item or not isinstance(item.get("relevant"), list):
            raise DocqaError(f"{path}:{n + 1}: each line needs \"question\" and a \"relevant\" list")
        judgments = [_resolved(index, r) for r in item["relevant"]]
        relevant = {str(p.id): 1 for p in passages if any(_matches(p, r) for r in judgments)}
        if not relevant:
            raise DocqaError(f"{path}:{n + 1}: no passage in the index matches the relevant judgments of {item['question']!r}")
        qrels[str(n)] = relevant
    report = Report(dataset=path.name, queries=len(questions))
    expected = [(str(n), q["speaker"]) for n, q in enumerate(questions) if q.get("speaker")]
    resolved: dict[str, str | None] = {}
    for mode in modes:
        runs: dict[str, dict[str, float]] = {}
        for n, item in enumerate(questions):
            answer = index.ask(item["question"], k=10, mode=mode, highlight=False, cutoff=False)
            runs[str(n)] = {str(h.id): float(len(answer.results) - i) for i, h in enumerate(answer.results)}
            resolved[str(n)] = answer.speaker
        report.modes[mode] = score(qrels, runs)
    if expected:
        names = {s.name: s for s in index.speakers()}
        hits = 0
        for n, want in expected:
            try:
                canonical = index.resolve_speaker(want).name
            except DocqaError:
                canonical = want
            hits += int(resolved.get(n) == canonical or (canonical not in names and resolved.get(n) is None))
        report.speaker_accuracy = round(hits / len(expected), 4)
    return report


def _resolved(index: Index, judgment: dict[str, Any]) -> dict[str, Any]:
    """A judgment with its speakers as the index names them."""
    if "matches" not in judgment:
        return judgment
    out = dict(judgment)
    if judgment.get("speaker"):
        out["speaker"] = index.resolve_speaker(judgment["speaker"]).name
    out["not_speakers"] = {index.resolve_speaker(s).name for s in judgment.get("not_speakers", []) if _known(index, s)}
    return out


def _known(index: Index, name: str) -> bool:
    try:
        index.resolve_speaker(name)
    except DocqaError:
        return False
    return True


def _matches(passage: Any, judgment: dict[str, Any]) -> bool:
    if "contains" in judgment:
        return _folded(judgment["contains"]) in _folded(passage.text)
    if "matches" in judgment:
        if judgment.get("speaker") and passage.speaker != judgment["speaker"]:
            return False
        if passage.speaker is None or passage.speaker in judgment.get("not_speakers", ()):
            return False
        return re.search(judgment["matches"], passage.text, re.I) is not None
    doc = str(judgment.get("doc", ""))
    if not (passage.doc == doc or passage.doc.endswith("/" + doc.lstrip("./")) or Path(passage.doc).name == doc):
        return False
    return passage.start < int(judgment["end"]) and int(judgment["start"]) < passage.end


def _folded(text: str) -> str:
    return " ".join(re.sub(r"[’‘]", "'", normalize(text)).lower().split())


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DocqaError(f"cannot read {path}: {exc}") from None
    for n, line in enumerate(lines, start=1):
        if line.strip():
            try:
                yield json.loads(line)
            except ValueError:
                raise DocqaError(f"{path}:{n}: not valid JSON") from None


# -- a BEIR dataset ---------------------------------------------------------------------------------------------
def is_beir(path: Path) -> bool:
    return path.is_dir() and (path / "corpus.jsonl").is_file() and (path / "queries.jsonl").is_file()


def beir_index(path: Path, index_dir: Path | None, model: str | Embedder | None, on_progress: Callable[[str], None],
               backend: str = "onnx") -> Index:
    """The dataset's index: reused from ``index_dir`` (or the cache) when built from the same corpus and model by
    the same reading and attribution code; else brought up to date there (unchanged passages keep their vectors)."""
    content = hashlib.sha256((path / "corpus.jsonl").read_bytes()).hexdigest()  # not the mtime: a copy keeps its index
    model_name = model if isinstance(model, str) or model is None else model.name
    key = hashlib.sha256(f"{path.resolve()}:{content}:{model_name}:{backend}".encode()).hexdigest()[:12]
    if index_dir is None:
        index_dir = cache_dir("eval") / f"{path.name}-{key}"
    source = f"{key}:{code_stamp()}"
    try:
        index = Index.open(index_dir, model=None if isinstance(model, str) else model)
        if index.manifest.get("source") == source:
            return index
        index.close()
    except DocqaError:
        pass
    on_progress(f"indexing {path.name} into {index_dir} (once; reused next time)")
    documents = (
        Document(path=str(rec["_id"]), text=(f"{rec.get('title', '')}\n\n{rec.get('text', '')}").strip(), kind="text")
        for rec in _read_jsonl(path / "corpus.jsonl")
    )
    return Index.build_documents(documents, index_dir, model=model, on_progress=on_progress, extra_manifest={"source": source},
                                 backend=backend)


def evaluate_beir(path: Path, index: Index, split: str = "test", modes: tuple[str, ...] = MODES) -> Report:
    qrels: dict[str, dict[str, int]] = {}
    qrels_file = path / "qrels" / f"{split}.tsv"
    if not qrels_file.is_file():
        raise DocqaError(f"{path} has no qrels/{split}.tsv")
    with open(qrels_file, encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if int(row["score"]) > 0:
                qrels.setdefault(str(row["query-id"]), {})[str(row["corpus-id"])] = int(row["score"])
    queries = {str(q["_id"]): q["text"] for q in _read_jsonl(path / "queries.jsonl") if str(q["_id"]) in qrels}
    qrels = {q: docs for q, docs in qrels.items() if q in queries}
    order = list(queries)
    vectors = index.searcher.questions([queries[q] for q in order]) if set(modes) - {"lexical"} else None
    report = Report(dataset=path.name, queries=len(order))
    for mode in modes:
        runs: dict[str, dict[str, float]] = {}
        for i, qid in enumerate(order):
            hits = index.searcher.search(queries[qid], DEPTH, mode=mode, highlight=False, dedupe=False,
                                         vector=None if vectors is None else vectors[i])
            best: dict[str, float] = {}
            for rank, hit in enumerate(hits):  # a document ranks where its best passage ranks
                best.setdefault(hit.doc, float(DEPTH - rank))
            runs[qid] = best
        report.modes[mode] = score(qrels, runs)
    return report
