"""Which sentence a highlight picks, by meaning: the model on every sentence against the word-piece table.

A hit that shares no word with the question gets its highlight by meaning.  Running the model on every
sentence of such hits costs ~10 ms a sentence on 2 cores; the table a build saves beside the encoder
(``docqa.embedding.onnx.prepare_pieces``) costs ~0.1 ms.  This measures how often the two pick the same
sentence, on the relevant turns of QMSum questions (turns of 3 or more sentences), against two floors:
the first sentence and a random one.  "regret" is how much lower the model's cosine is for the sentence
picked than for the model's own pick.

    python benchmarks/highlights.py            # train and val, 1,500 turns each at most
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
QMSUM = ROOT.parent / "shared" / "data" / "qmsum"


def cases(split: str, limit: int) -> list[tuple[str, list[str]]]:
    from docqa.language.normalize import normalize
    from docqa.search.highlight import sentence_spans

    turns: dict[str, dict[int, str]] = defaultdict(dict)
    with open(QMSUM / split / "turns.jsonl", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            turns[record["meeting"]][record["turn"]] = record["text"]
    out = []
    with open(QMSUM / split / "queries.jsonl", encoding="utf-8") as handle:
        for line in handle:
            query = json.loads(line)
            for turn in query["relevant_turns"][:6]:
                text = turns[query["meeting"]].get(turn)
                spans = sentence_spans(text) if text else []
                if len(spans) >= 3:
                    out.append((query["query"], [normalize(text)[s:e] for s, e in spans]))
    random.Random(1).shuffle(out)
    return out[:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", default="train,val")
    parser.add_argument("--limit", type=int, default=1500)
    options = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from docqa.embedding.onnx import OnnxEmbedder, prepare_for_questions
    from docqa.embedding.transformers import SentenceTransformerEmbedder
    from docqa.search.highlight import lexical_scores

    folder = SentenceTransformerEmbedder().onnx_export()
    if folder is None:
        raise SystemExit("the model cannot be exported to ONNX here")
    prepare_for_questions(folder)
    encoder = OnnxEmbedder(folder)
    print("| split | turns | of them sharing no word with the question | picker | same sentence as the model | regret "
          "| ms per turn |")
    print("|---|---|---|---|---|---|---|")
    for split in options.splits.split(","):
        found = cases(split, options.limit)
        rows: dict[str, list[tuple[bool, float, bool]]] = defaultdict(list)
        spent = defaultdict(float)
        rng = np.random.default_rng(1)
        for question, sentences in found:
            vector = encoder.encode([question])[0]
            started = time.perf_counter()
            model = encoder.encode(sentences) @ vector
            spent["model on every sentence"] += time.perf_counter() - started
            started = time.perf_counter()
            table = encoder.encode_rough(sentences) @ vector
            spent["word-piece table"] += time.perf_counter() - started
            best = int(np.argmax(model))
            unmatched = not lexical_scores(sentences, question).any()
            for name, scores in (("model on every sentence", model), ("word-piece table", table),
                                 ("first sentence", -np.arange(len(sentences), dtype=float)),
                                 ("random sentence", rng.random(len(sentences)))):
                pick = int(np.argmax(scores))
                rows[name].append((pick == best, float(model[best] - model[pick]), unmatched))
        for name, got in rows.items():
            subset = [r for r in got if r[2]]
            same = sum(r[0] for r in subset) / len(subset)
            regret = sum(r[1] for r in subset) / len(subset)
            ms = f"{1000 * spent[name] / len(found):.2f}" if name in spent else ""
            print(f"| {split} | {len(found)} | {len(subset)} | {name} | {same:.3f} | {regret:.3f} | {ms} |", flush=True)


if __name__ == "__main__":
    main()
