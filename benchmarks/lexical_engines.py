"""Lexical engines side by side: SQLite FTS5 (docqa's, no dynamic pruning) against tantivy (Lucene-class,
block-max WAND), on speed at 100k and 1M passages and on quality (BM25 alone on BEIR SciFact).

    pip install tantivy                                   # only for this experiment
    python benchmarks/lexical_engines.py                  # 100k and 1M passages, and SciFact
    python benchmarks/lexical_engines.py --sizes 100000   # a quicker run

Both engines index the same passages the same way the benchmark's stores do (real White House text,
the paragraphs repeated to reach the size; 200 speakers, one per passage in turn) and answer the same
questions with docqa's own query terms (``docqa.language.tokens.terms``: any of them, top 50), alone and
with a speaker filter inside the search.  Timings are warm, one query at a time, medians and 95th
percentiles measured in one run, so the ratio is what counts.  The decision is in docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import math
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from run import QUESTIONS, white_house_paragraphs  # noqa: E402

MORE = ["who talked about the border and children", "what did the President say about the infrastructure bill",
        "vaccine mandates for federal workers", "gas prices and the strategic petroleum reserve",
        "what did Psaki say about the supply chain", "sanctions on Russia and the ruble", "student loan debt relief",
        "Afghanistan evacuation at the airport in Kabul", "the debt ceiling and default", "climate change and clean energy jobs"]
K = 50
SPEAKERS = 200


FTS5_TOKENIZER = "porter unicode61 remove_diacritics 2"  # what docqa's local store used before tantivy


def match_expression(text: str) -> str | None:
    """Any of the question's terms, each quoted (docqa's FTS5 query before tantivy)."""
    from docqa.language.tokens import terms
    from docqa.storage.base import MAX_TERMS

    words = terms(text)[:MAX_TERMS]
    return " OR ".join(f'"{w}"' for w in words) if words else None


def fts5(folder: Path, texts: list[str]):  # type: ignore[no-untyped-def]
    TOKENIZER = FTS5_TOKENIZER
    db = sqlite3.connect(folder / "fts.sqlite")
    db.execute("CREATE TABLE passages (id INTEGER PRIMARY KEY, speaker_id INTEGER, text TEXT)")
    db.execute("CREATE INDEX by_speaker ON passages(speaker_id)")
    db.execute(f"CREATE VIRTUAL TABLE passages_fts USING fts5(text, content='passages', content_rowid='id', "
               f"tokenize='{TOKENIZER}')")
    db.executemany("INSERT INTO passages VALUES (?, ?, ?)", ((i + 1, i % SPEAKERS + 1, t) for i, t in enumerate(texts)))
    db.execute("INSERT INTO passages_fts(rowid, text) SELECT id, text FROM passages")
    db.commit()

    def search(question: str, speaker: int | None) -> list[int]:
        expression = match_expression(question)
        where, args = ("", []) if speaker is None else (" AND p.speaker_id = ?", [speaker])
        sql = ("SELECT p.id, bm25(passages_fts) AS s FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid "
               "WHERE passages_fts MATCH ?" + where + " ORDER BY s LIMIT ?")
        return [int(pid) for pid, _ in db.execute(sql, [expression, *args, K])]

    return search


def docqa_engine(folder: Path, texts: list[str]):  # type: ignore[no-untyped-def]
    """docqa's own lexical index (storage/local/lexical.py, tantivy with its analyzer and filter fields)."""
    from docqa.storage.base import Filter
    from docqa.storage.local import lexical

    lexical.write(folder, ((i + 1, t, i % SPEAKERS + 1, 1, None, []) for i, t in enumerate(texts)))
    index = lexical.Lexical(folder)

    def search(question: str, speaker: int | None) -> list[int]:
        return [pid for pid, _ in index.search(question, K, Filter(speakers=(speaker,)) if speaker else None)]

    return search


def tantivy_engine(folder: Path, texts: list[str]):  # type: ignore[no-untyped-def]
    import tantivy

    from docqa.language.tokens import terms

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("text", stored=False, tokenizer_name="en_stem")
    builder.add_unsigned_field("id", stored=True, indexed=True, fast=True)
    builder.add_unsigned_field("speaker", stored=False, indexed=True, fast=True)
    schema = builder.build()
    index = tantivy.Index(schema, path=str(folder))
    writer = index.writer(heap_size=256_000_000, num_threads=1)
    for i, text in enumerate(texts):
        document = tantivy.Document()
        document.add_text("text", text)
        document.add_unsigned("id", i + 1)
        document.add_unsigned("speaker", i % SPEAKERS + 1)
        writer.add_document(document)
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    searcher = index.searcher()

    def search(question: str, speaker: int | None) -> list[int]:
        words = terms(question)
        if not words:
            return []
        any_word = tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, tantivy.Query.term_query(schema, "text", w)) for w in _stems(index, words)])
        query = any_word if speaker is None else tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, any_word), (tantivy.Occur.Must, tantivy.Query.term_query(schema, "speaker", speaker))])
        return [searcher.doc(address)["id"][0] for _, address in searcher.search(query, K).hits]

    return search


def _stems(index, words: list[str]) -> list[str]:  # type: ignore[no-untyped-def]
    """Each word as the index's en_stem tokenizer keeps it (lower case, Porter-stemmed)."""
    import tantivy

    analyzer = (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple()).filter(tantivy.Filter.lowercase())
                .filter(tantivy.Filter.stemmer("english")).build())
    return list(dict.fromkeys(token for word in words for token in analyzer.analyze(word)))


def timed(search, questions: list[str], speaker: bool) -> dict[str, float]:  # type: ignore[no-untyped-def]
    for question in questions[:3]:
        search(question, 7 if speaker else None)  # warm
    times = []
    for _ in range(3):
        for n, question in enumerate(questions):
            start = time.perf_counter()
            search(question, n % SPEAKERS + 1 if speaker else None)
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"p50": statistics.median(times), "p95": times[int(0.95 * (len(times) - 1))]}


def scifact() -> dict[str, float]:
    """nDCG@10 of BM25 alone with each engine over SciFact's abstracts (title + text, one passage each)."""
    beir = ROOT.parent / "shared" / "data" / "beir" / "scifact"
    corpus = [json.loads(line) for line in (beir / "corpus.jsonl").open(encoding="utf-8")]
    queries = {q["_id"]: q["text"] for q in map(json.loads, (beir / "queries.jsonl").open(encoding="utf-8"))}
    qrels: dict[str, set[str]] = {}
    for row in (beir / "qrels" / "test.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        qid, did, score = row.split("\t")
        if int(score) > 0:
            qrels.setdefault(qid, set()).add(did)
    texts = [f"{d.get('title', '')}\n\n{d.get('text', '')}".strip() for d in corpus]
    ids = [str(d["_id"]) for d in corpus]
    out = {}
    with tempfile.TemporaryDirectory() as scratch:
        for name, make in (("FTS5", fts5), ("tantivy", tantivy_engine), ("docqa (tantivy)", docqa_engine)):
            folder = Path(scratch) / name
            folder.mkdir()
            search = make(folder, texts)
            scores = []
            for qid, relevant in qrels.items():
                ranked = [ids[i - 1] for i in search(queries[qid], None)][:10]
                dcg = sum(1 / math.log2(r + 2) for r, d in enumerate(ranked) if d in relevant)
                ideal = sum(1 / math.log2(r + 2) for r in range(min(10, len(relevant))))
                scores.append(dcg / ideal)
            out[name] = statistics.mean(scores)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000")
    options = parser.parse_args()
    questions = QUESTIONS + MORE
    print("| passages | engine | build s | any word p50 / p95 ms | speaker-filtered p50 / p95 ms | top-10 agreement with FTS5 |")
    print("|---|---|---|---|---|---|")
    for size in (int(s) for s in options.sizes.split(",")):
        texts = white_house_paragraphs(size)
        with tempfile.TemporaryDirectory() as scratch:
            engines = {}
            for name, make in (("FTS5", fts5), ("tantivy", tantivy_engine), ("docqa (tantivy)", docqa_engine)):
                folder = Path(scratch) / name
                folder.mkdir()
                start = time.perf_counter()
                engines[name] = (make(folder, texts), time.perf_counter() - start)
            reference = {q: set(engines["FTS5"][0](q, None)[:10]) for q in questions}
            for name, (search, built) in engines.items():
                plain, filtered = timed(search, questions, False), timed(search, questions, True)
                agree = statistics.mean(len(reference[q] & set(search(q, None)[:10])) / max(1, len(reference[q]))
                                        for q in questions)
                print(f"| {size:,} | {name} | {built:.0f} | {plain['p50']:.1f} / {plain['p95']:.1f} "
                      f"| {filtered['p50']:.1f} / {filtered['p95']:.1f} | {agree:.2f} |", flush=True)
    quality = scifact()
    print("\nSciFact, BM25 alone, nDCG@10: " + ", ".join(f"{name} {value:.3f}" for name, value in quality.items()))


if __name__ == "__main__":
    main()
