"""Speaker accuracy on news-style articles with gold speakers (tests/data/news/gold.jsonl).

    python benchmarks/news_speakers.py [FOLDER]      # prints accuracy, coverage, precision and the misses

Each gold line names a document, a fragment of its text, and the speaker whose words it carries
(null for narration; a list when several written forms are right).  The documents are indexed as
``docqa index`` would (attribution, then speakers merged across the folder) and the passage holding
the fragment is looked up, as ``docqa passages`` shows it.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def score(folder: Path) -> dict:
    from conftest import FakeEmbedder
    from docqa import Index
    from docqa.language.tokens import alias_key

    gold = [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as scratch:
        index = Index.build([folder], Path(scratch) / "ix", model=FakeEmbedder(), on_warning=None)
        passages = list(index.passages())
        index.close()
    right, named, named_right, misses = 0, 0, 0, []
    for item in gold:
        found = [p for p in passages if Path(p.doc).name == item["doc"] and item["contains"] in p.text]
        predicted = found[0].speaker if found else "(fragment not in one passage)"
        wanted = item["speaker"] if isinstance(item["speaker"], list) else [item["speaker"]]
        ok = any((w is None and predicted is None) or (w is not None and predicted and alias_key(w) == alias_key(predicted))
                 for w in wanted)
        right += ok
        if predicted is not None:
            named += 1
            named_right += ok
        if not ok:
            misses.append((item["doc"], item["contains"], wanted, predicted))
    return {"items": len(gold), "accuracy": right / len(gold), "named": named, "precision": named_right / max(1, named),
            "misses": misses}


if __name__ == "__main__":
    result = score(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "data" / "news")
    for doc, fragment, wanted, predicted in result["misses"]:
        print(f"MISS {doc}: {fragment[:50]!r}: want {wanted}, got {predicted!r}")
    print(f"{result['items']} items: accuracy {result['accuracy']:.1%}, named {result['named']}, "
          f"precision {result['precision']:.1%}")
