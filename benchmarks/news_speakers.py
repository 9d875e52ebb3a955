"""Speaker accuracy on documents with gold speakers: one table row per set (tests/data/news: articles in many
house styles; tests/data/transcripts: councils, podcasts, interviews, committee evidence, chat exports;
tests/data/hearings: legislative records, trials, depositions; tests/data/correspondence: email threads and
replies, and stories that look like them), each line of a set's gold.jsonl a fragment and whose words it carries.

    python benchmarks/news_speakers.py            # every set: a table, then the misses
    python benchmarks/news_speakers.py FOLDER     # one folder with a gold.jsonl

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


SETS = ("news", "transcripts", "hearings", "reports", "correspondence")


if __name__ == "__main__":
    folders = [Path(sys.argv[1])] if len(sys.argv) > 1 else [ROOT / "tests" / "data" / name for name in SETS]
    results = {folder.name: score(folder) for folder in folders}
    print("| set | items | right speaker | named a speaker | right when named |\n|---|---|---|---|---|")
    for name, result in results.items():
        print(f"| {name} | {result['items']} | {result['accuracy']:.1%} | {result['named']} | {result['precision']:.1%} |")
    for name, result in results.items():
        for doc, fragment, wanted, predicted in result["misses"]:
            print(f"MISS {name}/{doc}: {fragment[:50]!r}: want {wanted}, got {predicted!r}")
