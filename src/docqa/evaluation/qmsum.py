"""QMSum in ``docqa eval``: "what did X say about Y" over real meetings and hearings, asked within each meeting.

A QMSum folder (``transcripts/<meeting>.txt``, ``turns.jsonl``, ``queries.jsonl``; see
``../shared/data/qmsum/README``) is indexed once (cached) and every question is asked with ``--doc``
its own meeting.  Results are passages; each counts for the turns it covers, in rank order.
Measures, per domain (academic / product / committee) and overall:

* Success@1, Success@5: a relevant turn among the first 1 / 5 turns the results cover;
* Recall@10 and nDCG@10 over the first 10 turns covered;
* against the speaker's relevant turns (questions that ask what someone said) and against all
  relevant turns (every question);
* speaker detection: the asked-about speaker found, and questions naming nobody left unfiltered;
* the floor to beat: dense search with the gold speaker given as a filter.
"""

from __future__ import annotations

import bisect
import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from docqa.cache import cache_dir
from docqa.evaluation import _read_jsonl
from docqa.index import Index
from docqa.language.sentences import paragraphs
from docqa.records import Hit
from docqa.search.present import split_names
from docqa.storage import DocumentRow, Filter

DOMAINS = {"academic_icsi": "academic", "product_ami": "product", "committee": "committee"}
_HONORIFIC = re.compile(r"^(?:(?:the|right|hon\.?|honourable|mr\.?|mrs\.?|ms\.?|dr\.?|miss|prof\.?|professor)\s+)+", re.I)


def is_qmsum(path: Path) -> bool:
    return path.is_dir() and (path / "transcripts").is_dir() and (path / "queries.jsonl").is_file()


def qmsum_index(path: Path, index_dir: Path | None, model: Any, on_progress: Callable[[str], None],
                backend: str = "onnx") -> Index:
    """The meetings' index at ``index_dir`` (or in the cache), brought up to date."""
    files = sorted((path / "transcripts").glob("*.txt"))
    # by content, not modification time: a copied or re-extracted data folder keeps its index
    stamp = ";".join(f"{f.name}:{hashlib.sha256(f.read_bytes()).hexdigest()}" for f in files)
    model_name = model if isinstance(model, str) or model is None else model.name
    key = hashlib.sha256(f"{path.resolve()}|{stamp}|{model_name}|{backend}".encode()).hexdigest()[:12]
    index_dir = index_dir or cache_dir("eval") / f"qmsum-{path.name}-{key}"
    # Built every time, incrementally: attribution is cheap and may have changed; unchanged passages
    # keep their vectors, so only the first build embeds.
    on_progress(f"indexing {len(files)} meetings of {path} into {index_dir} (vectors reused when unchanged)")
    from docqa.readers import read_document

    documents = (read_document(f, f"{path.name}/{f.name}") for f in files)
    return Index.build_documents(documents, index_dir, model=model, on_progress=on_progress, backend=backend)


def label_key(name: str | None) -> str:
    """A speaker name up to honorifics and leading titles, for comparing with QMSum's labels."""
    if not name:
        return ""
    name = name.replace("’", "'").strip()
    inner = re.fullmatch(r".*\((.+)\)", name)  # "The Deputy Chair (Ms. Ana Ortiz)" is Ana Ortiz
    bare = _HONORIFIC.sub("", inner.group(1) if inner else name)
    return re.sub(r"\s+(?:AM|MS|MP|MLA|QC)$", "", bare).lower()  # post-nominals: "Lynne Neagle AM"


class Meeting:
    """One meeting's turns as offsets in its transcript, to map a passage back to the turns it covers."""

    def __init__(self, text: str) -> None:
        self.spans = paragraphs(text)
        self.starts = [s for s, _ in self.spans]

    def turns(self, start: int, end: int) -> list[int]:
        first = max(0, bisect.bisect_right(self.starts, start) - 1)
        out = []
        for turn in range(first, len(self.spans)):
            s, e = self.spans[turn]
            if s >= end:
                break
            if e > start:
                out.append(turn)
        return out


def _covered(hits: list[Hit], meeting: Meeting, depth: int = 10) -> list[int]:
    ranked: list[int] = []
    for hit in hits:
        for turn in meeting.turns(hit.start, hit.end):
            if turn not in ranked:
                ranked.append(turn)
    return ranked[:depth]


def measures(ranked: list[int], relevant: set[int]) -> dict[str, float]:
    """Success@1, Success@5, Recall@10, nDCG@10 of a ranked list of turns against the relevant ones.

    >>> measures([3, 9, 4], {4, 5})["success@5"], measures([3, 9, 4], {4, 5})["success@1"]
    (1.0, 0.0)
    """
    gains = [1.0 if t in relevant else 0.0 for t in ranked[:10]]
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sum(1 / math.log2(i + 2) for i in range(min(10, len(relevant))))
    return {"success@1": float(any(t in relevant for t in ranked[:1])),
            "success@5": float(any(t in relevant for t in ranked[:5])),
            "recall@10": sum(gains) / len(relevant) if relevant else 0.0, "ndcg@10": dcg / ideal if ideal else 0.0}


def _mean(rows: list[dict[str, float]]) -> dict[str, float]:
    return {m: round(sum(r[m] for r in rows) / len(rows), 4) for m in rows[0]} if rows else {}


def questions(path: Path, index: Index) -> Iterator[tuple[dict[str, Any], DocumentRow, Meeting]]:
    """Each question of a split with its meeting's document in ``index`` and its turns (questions whose
    meeting is not indexed are skipped)."""
    queries = list(_read_jsonl(path / "queries.jsonl"))  # a malformed line is one clear error, not a traceback
    documents = {Path(d.path).stem: d for d in index.store.documents()}
    meetings: dict[str, Meeting] = {}
    for query in queries:
        document = documents.get(query["meeting"])
        if document is None:
            continue
        if query["meeting"] not in meetings:
            meetings[query["meeting"]] = Meeting((path / "transcripts" / f"{query['meeting']}.txt").read_text(encoding="utf-8"))
        yield query, document, meetings[query["meeting"]]


def evaluate_qmsum(path: Path, index: Index, mode: str | None = None) -> dict[str, Any]:
    """Every question of the split asked within its meeting; the measures above, per domain and overall."""
    groups: dict[str, dict[str, list[dict[str, float]]]] = defaultdict(lambda: defaultdict(list))
    detected = named = false_speaker = unnamed = asked = 0
    for query, document, meeting in questions(path, index):
        asked += 1
        domain = DOMAINS.get(query["domain"], query["domain"])
        answer = index.ask(query["query"], k=10, doc=document.path, mode=mode, highlight=False, cutoff=False)
        ranked = _covered(answer.results, meeting)
        for where in (domain, "all"):
            groups[where]["all relevant turns"].append(measures(ranked, set(query["relevant_turns"])))
        if query.get("speaker_is_subject") and query.get("relevant_turns_by_speaker"):
            named += 1
            found = {label_key(n) for n in split_names(answer.speaker or "")}
            detected += label_key(query["speaker"]) in found
            wanted = set(query["relevant_turns_by_speaker"])
            baseline = _gold_filter_dense(index, query, document.id, meeting)
            for where in (domain, "all"):
                groups[where]["speaker's turns"].append(measures(ranked, wanted))
                if baseline is not None:
                    groups[where]["speaker's turns, dense + gold speaker filter"].append(measures(baseline, wanted))
        elif not query.get("speaker_is_subject") and not query.get("mentioned_speakers"):
            unnamed += 1
            false_speaker += answer.speaker is not None
    return {
        "dataset": f"qmsum/{path.name}", "questions": asked, "mode": mode or "hybrid",
        "speaker_detected": f"{detected}/{named}", "speaker_set_on_questions_naming_nobody": f"{false_speaker}/{unnamed}",
        "results": {where: {against: _mean(rows) | {"n": len(rows)} for against, rows in by.items()} for where,
                    by in groups.items()},
    }


def _gold_filter_dense(index: Index, query: dict[str, Any], doc_id: int, meeting: Meeting) -> list[int] | None:
    """The floor: dense search in the meeting, filtered to the gold speaker (resolved by its label)."""
    scope = index.store.passage_counts(Filter(documents=(doc_id,)))
    resolution = index.answerer.directory.resolve(query["speaker"], scope)
    if resolution.speaker_id is None:
        return None
    hits = index.searcher.search(query["query"], 10, Filter(speakers=(resolution.speaker_id,), documents=(doc_id,)), mode="dense",
                                 highlight=False, conversation=False,  # plain dense: the floor the issue set
                                 vector=index.searcher.vector(query["query"], "dense", adapted=False))
    return _covered(hits, meeting)


def table(report: dict[str, Any]) -> str:
    """The report as a plain-text table."""
    lines = [f"{report['dataset']}: {report['questions']} questions, mode {report['mode']}",
             f"speaker detected in {report['speaker_detected']} speaker questions; "
             f"a speaker set on {report['speaker_set_on_questions_naming_nobody']} questions naming nobody",
             f"{'domain':<10} {'against':<46} {'n':>4} {'S@1':>6} {'S@5':>6} {'R@10':>6} {'nDCG@10':>8}"]
    for where, by in report["results"].items():
        for against, m in by.items():
            lines.append(f"{where:<10} {against:<46} {m['n']:>4} {m['success@1']:>6.3f} {m['success@5']:>6.3f} "
                         f"{m['recall@10']:>6.3f} {m['ndcg@10']:>8.3f}")
    return "\n".join(lines)
