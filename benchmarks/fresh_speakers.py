"""Documents of kinds written fresh, and questions whose answer is one person's words: is the first passage shown
theirs?  The real model, the real index, the question as a user types it.

    python benchmarks/fresh_speakers.py            # both sets
    python benchmarks/fresh_speakers.py held       # one

``benchmarks/fresh/dev``: the documents the fixes of 2026-12-02 were found on (an earnings call two ways, a call-in
show, a town hall, a UN record, a harbour's briefing and three stories about the same people, a spokesman, a blog
with comments, a sentence with two people's quotations…), and those of the next stop's (a transcription service's
board meeting, a chat export, an oral history keyed by initials, a support chat, a panel, a Teams transcript, saved
posts, a screenplay, a live blog…).  ``benchmarks/fresh/held``: a hundred and fifty-two documents, each batch written after
the fixes before it (eight after those of 2026-12-02, then six, six and six more during the next stop, then batches of
seven, five, five, four, five and five in the stop after, four batches of five in the next, three
of five in the one after that, five batches of five in the next, two of five in the stop after, and five of five in the
next), each batch measured alone once before any fix was made on it; docs/attribution.md names the questions later
used to make fixes.  Each question names the speaker the first passage must have (``null``: no one known; the passage
is nobody's the documents name).  Names are invented.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent / "fresh"


def run(name: str) -> tuple[int, int]:
    from docqa.index import Index

    with tempfile.TemporaryDirectory() as folder:
        index = Index.build(sorted((HERE / name).iterdir()), Path(folder) / "ix", on_warning=None)
        right = 0
        cases = json.loads((HERE / f"{name}.json").read_text(encoding="utf-8"))
        for case in cases:
            answer = index.ask(case["question"], k=3)
            got = answer.results[0].speaker if answer.results else None  # nothing shown: no one's words
            right += got == case["speaker"]
            print(f"{'ok ' if got == case['speaker'] else 'BAD'} {case['question']!r}: {got!r}"
                  + ("" if got == case["speaker"] else f" (wanted {case['speaker']!r})"))
        index.close()
    print(f"{name}: {right} of {len(cases)}")
    return right, len(cases)


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent.parent / "src"))
    for name in sys.argv[1:] or ["dev", "held"]:
        run(name)
