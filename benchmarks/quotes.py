"""The quote-check benchmark: real sentences with known speakers, checked as they are, with the wrong speaker,
altered, pieced together, and sentences nobody in the corpus said.

    python benchmarks/quotes.py                        # report on QMSum val and the White House briefings
    python benchmarks/quotes.py --sets qmsum-train --choose   # the thresholds, chosen on QMSum train
    python benchmarks/quotes.py --per-class 40         # a quicker run
    python benchmarks/quotes.py --latency STORE        # only how long a check takes there (any index)

Sources: the turns of QMSum meetings (train, val) and of 60 White House briefings: every sentence of 8-40
words of a labelled turn, said once in its corpus, by a person (not an asker's "Q:"). Per set, ``--per-class``
items of each class, drawn with a fixed seed:

* ``said``: the sentence as it is, attributed to its speaker (half of them) or to no one;
* ``said_by_other``: the sentence attributed to another speaker of the corpus;
* ``altered``: 1-3 words dropped, two adjacent words swapped, 1-3 words inserted, a negation added or
  removed, or a number changed; attributed to its speaker;
* ``pieced``: two sentences of one speaker from places at least three turns apart, joined with " … ";
* ``not_found``: a sentence nobody in the corpus said, attributed to a speaker of it: half from BEIR SciFact
  abstracts, half from the other spoken corpus (briefings for the meetings, meetings for the briefings).

For each class: the share of its items given that verdict (recall), the share of that verdict's items that
are of the class (precision), the confusion table, and each check's latency (p50, p95; warm, after one
check). ``--choose`` sweeps the alteration threshold (``docqa.search.check.ALTERED``) on the set given.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
CLASSES = ("said", "said_by_other", "altered", "pieced", "not_found")
SEED = 20261130
FILLERS = ("really", "very", "all", "certainly", "always", "just", "clearly", "also", "completely", "never")
AUXILIARIES = ("is", "are", "was", "were", "will", "would", "can", "could", "should", "do", "does", "did", "have", "has")


def log(message: str) -> None:
    print(f"quotes: {message}", file=sys.stderr, flush=True)


def index_of(name: str) -> Any:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import suite

    return suite.build(name)


def sentences_of(index: Any) -> list[dict[str, Any]]:
    """Every sentence of 8-40 words of a person's labelled turn, said once in the corpus (with its passage)."""
    from docqa.language.sentences import split
    from docqa.records import HOW_LABEL

    people = {s.id for s in index.store.speakers() if s.kind == "person" and s.id is not None}
    out: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for row in index.store.scan():
        if row.how != HOW_LABEL or row.speaker_id not in people:
            continue
        for s, e in split(row.text, 0, len(row.text)):
            sentence = " ".join(row.text[s:e].split())
            key = re.sub(r"\W+", " ", sentence.lower()).strip()
            seen[key] = seen.get(key, 0) + 1
            if 8 <= len(sentence.split()) <= 40 and sum(c.isalpha() for c in sentence) > 30:
                out.append({"text": sentence, "key": key, "speaker": row.speaker, "speaker_id": row.speaker_id,
                            "passage": row.id, "doc": row.doc_id})
    return [s for s in out if seen[s["key"]] == 1]


def foreign_sentences(name: str, rng: random.Random) -> list[str]:
    """Sentences of 8-40 words nobody in set ``name`` said: half from SciFact abstracts (written), half from the
    other spoken corpus (QMSum meetings for the briefings, briefings for the meetings; their labels cut off)."""
    from docqa.language.sentences import split

    written: list[str] = []
    with open(SHARED / "beir" / "scifact" / "corpus.jsonl", encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line)["text"]
            written += [" ".join(text[s:e].split()) for s, e in split(text, 0, len(text))]
    if name == "whitehouse":
        files = sorted((SHARED / "qmsum" / "val" / "transcripts").glob("*.txt"))
    else:
        files = sorted((SHARED / "transcripts" / "whitehouse" / "press-briefings").glob("*.txt"))[100:160]
    spoken: list[str] = []
    for path in files:
        text = re.sub(r"(?m)^[^\n:]{1,60}:\s", "", path.read_text(encoding="utf-8"))
        spoken += [" ".join(text[s:e].split()) for s, e in split(text, 0, len(text))]
    usable = [[x for x in group if 8 <= len(x.split()) <= 40] for group in (written, spoken)]
    for group in usable:
        rng.shuffle(group)
    return [x for pair in zip(*usable, strict=False) for x in pair]


def alter(sentence: str, rng: random.Random) -> str:
    """One alteration of a sentence (seeded): dropped, swapped or inserted words, a negation, a number."""
    words = sentence.split()
    kind = rng.choice(("drop", "swap", "insert", "negation", "number"))
    if kind == "number" and any(any(c.isdigit() for c in w) for w in words):
        at = next(i for i, w in enumerate(words) if any(c.isdigit() for c in w))
        words[at] = re.sub(r"\d+", lambda m: str(int(m.group(0)) + rng.randint(1, 9)), words[at], count=1)
        return " ".join(words)
    if kind in ("negation", "number"):
        negated = [i for i, w in enumerate(words) if w.lower() in ("not", "never") or w.lower().endswith("n't")]
        if negated:
            at = negated[0]
            if words[at].lower().endswith("n't") and words[at].lower() not in ("can't", "won't"):
                words[at] = words[at][:-3]
            else:
                del words[at]
            return " ".join(words)
        aux = [i for i, w in enumerate(words) if w.lower() in AUXILIARIES]
        if aux:
            words.insert(aux[0] + 1, "not")
            return " ".join(words)
        kind = "drop"
    if kind == "swap":
        pairs = [i for i in range(len(words) - 1) if words[i].lower() != words[i + 1].lower()]
        at = rng.choice(pairs)
        words[at], words[at + 1] = words[at + 1], words[at]
        return " ".join(words)
    n = rng.randint(1, 3)
    if kind == "insert":
        for _ in range(n):
            words.insert(rng.randint(1, len(words) - 1), rng.choice(FILLERS))
        return " ".join(words)
    for _ in range(n):
        del words[rng.randint(1, len(words) - 2)]
    return " ".join(words)


def items_for(index: Any, per_class: int, rng: random.Random, foreign: list[str]) -> list[dict[str, Any]]:
    """``per_class`` checks of each class, drawn from the corpus (seeded)."""
    pool = sentences_of(index)
    rng.shuffle(pool)
    speakers = sorted({s["speaker"] for s in pool})
    by_speaker: dict[str, list[dict[str, Any]]] = {}
    for s in pool:
        by_speaker.setdefault(s["speaker"], []).append(s)
    items: list[dict[str, Any]] = []
    draw = iter(pool)
    unsaid = iter(foreign)
    for _ in range(per_class):
        s = next(draw)
        items.append({"class": "said", "quote": s["text"], "speaker": s["speaker"] if rng.random() < 0.5 else None})
        s = next(draw)
        other = rng.choice([p for p in speakers if p != s["speaker"]])
        items.append({"class": "said_by_other", "quote": s["text"], "speaker": other})
        s = next(draw)
        items.append({"class": "altered", "quote": alter(s["text"], rng), "speaker": s["speaker"]})
        while True:
            s = next(draw)
            apart = [t for t in by_speaker[s["speaker"]] if t["doc"] != s["doc"] or abs(t["passage"] - s["passage"]) >= 3]
            if apart:
                t = rng.choice(apart)
                items.append({"class": "pieced", "quote": f"{s['text']} … {t['text']}", "speaker": s["speaker"]})
                break
        items.append({"class": "not_found", "quote": next(unsaid), "speaker": rng.choice(speakers)})
    return items


def run(index: Any, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    index.check(items[0]["quote"])  # warm: the model and the first reads
    out = []
    for item in items:
        started = time.perf_counter()
        verdict = index.check(item["quote"], speaker=item["speaker"]).verdict
        out.append({**item, "verdict": verdict, "ms": (time.perf_counter() - started) * 1000})
    return out


def report(name: str, results: list[dict[str, Any]], passages: int) -> str:
    verdicts = sorted({r["verdict"] for r in results} | set(CLASSES), key=lambda v: (v not in CLASSES, v))
    lines = [f"### {name}: {len(results)} checks over {passages:,} passages", "",
             "| class | n | recall (verdict right) | precision |", "|---|---|---|---|"]
    for c in CLASSES:
        mine = [r for r in results if r["class"] == c]
        said = [r for r in results if r["verdict"] == c]
        recall = sum(r["verdict"] == c for r in mine) / max(1, len(mine))
        precision = sum(r["class"] == c for r in said) / max(1, len(said))
        lines.append(f"| {c} | {len(mine)} | {recall:.3f} | {precision:.3f} |")
    lines += ["", "| class \\ verdict | " + " | ".join(verdicts) + " |", "|---|" + "---|" * len(verdicts)]
    for c in CLASSES:
        row = [sum(1 for r in results if r["class"] == c and r["verdict"] == v) for v in verdicts]
        lines.append(f"| {c} | " + " | ".join(str(n) for n in row) + " |")
    times = sorted(r["ms"] for r in results)
    lines += ["", f"latency per check: p50 {statistics.median(times):.0f} ms, p95 {times[int(0.95 * len(times)) - 1]:.0f} ms"]
    return "\n".join(lines)


def latency(location: str, checks: int, seed: int = SEED) -> str:
    """How long a check takes on any index (a benchmark store of a million passages too): sentences of its
    passages, as they are and with one word changed, half of them attributed to the passage's speaker."""
    from docqa import Index
    from docqa.language.sentences import split

    index = Index.open(location)
    rng = random.Random(seed)
    total = index.manifest["passages"]
    quotes: list[tuple[str, str | None]] = []
    while len(quotes) < checks:
        row = next(iter(index.store.passages([rng.randint(1, total)]).values()))
        sentences = [" ".join(row.text[s:e].split()) for s, e in split(row.text, 0, len(row.text))]
        sentences = [x for x in sentences if 8 <= len(x.split()) <= 40]
        if sentences:
            text = rng.choice(sentences)
            quotes.append((alter(text, rng) if len(quotes) % 2 else text, row.speaker if rng.random() < 0.5 else None))
    index.check(quotes[0][0])  # warm
    times = []
    for quote, speaker in quotes:
        started = time.perf_counter()
        index.check(quote, speaker=speaker)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return (f"{location}: {checks} checks over {total:,} passages, p50 {statistics.median(times):.0f} ms, "
            f"p95 {times[int(0.95 * len(times)) - 1]:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", default="qmsum-val,whitehouse", help="Of qmsum-train, qmsum-val, whitehouse.")
    parser.add_argument("--per-class", type=int, default=100)
    parser.add_argument("--choose", action="store_true", help="Sweep the alteration threshold on the sets given.")
    parser.add_argument("--json", default=None, help="Also write every check (quote, class, verdict, ms) here.")
    parser.add_argument("--latency", metavar="INDEX", default=None,
                        help="Only time checks on this index (e.g. a store of benchmarks/run.py), no verdicts scored.")
    args = parser.parse_args()
    if args.latency:
        print(latency(args.latency, args.per_class))
        return
    sys.path.insert(0, str(ROOT / "src"))
    from docqa.search import check

    everything: dict[str, Any] = {}
    for name in args.sets.split(","):
        index = index_of(name)
        rng = random.Random(f"{SEED}:{name}")
        items = items_for(index, args.per_class, rng, foreign_sentences(name, rng))
        passages = index.manifest["passages"]
        if args.choose:
            chosen = check.ALTERED
            for threshold in (0.55, 0.6, 0.65, 0.7, 0.72, 0.75, 0.8, 0.85):
                check.ALTERED = threshold
                results = run(index, items)
                accuracy = {c: statistics.fmean(r["verdict"] == c for r in results if r["class"] == c) for c in CLASSES}
                print(f"{name} ALTERED={threshold}: " + ", ".join(f"{c} {a:.3f}" for c, a in accuracy.items())
                      + f"; mean {statistics.fmean(accuracy.values()):.3f}", flush=True)
            check.ALTERED = chosen
        results = run(index, items)
        everything[name] = results
        print(report(name, results, passages) + "\n", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(everything, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
