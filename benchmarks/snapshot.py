"""Answers to a fixed set of questions, as JSON lines, for comparing two versions of docqa byte for byte.

    python benchmarks/snapshot.py > before.jsonl      # on one version
    python benchmarks/snapshot.py > after.jsonl       # on another
    diff before.jsonl after.jsonl

The indexes (the samples, and the first 20 White House press briefings of ../shared/data) are built
with the real model into a scratch folder, then 30 questions are asked through the real CLI
(`docqa ask --json`: scores are rounded to 6 decimals there), 15 over each, plus batches of
questions asked together (a batch used to fail as a whole when one of its questions was misread).
Each line is {"index": ..., "args": [...], "exit": status, "out": [answers...]}.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BRIEFINGS = ROOT.parent / "shared" / "data" / "transcripts" / "whitehouse" / "press-briefings"

SEED_QUESTIONS = [
    "what did Blinken say about Turkey", "what did Blinken say about the S-400", "What has Stoltenberg said on China?",
    "what did the NATO chief say about the Taliban", "what did the top U.S. diplomat say about Afghanistan",
    "who talked about climate change", "what did Heiko Maas say about the withdrawal", "Blinken on Afghanistan",
    "what did Secretary Blinken say about alliances", "sanctions on Russia", "what about Russia",
    "what did Stoltenberg say", "who said we want a conditions-based withdrawal", "what did Biden say about NATO",
    "defence spending of the allies",
]
BRIEFING_QUESTIONS = [
    "what did Psaki say about inflation", "who talked about vaccines for children",
    "what did the press secretary say about student loans",
    "sanctions on Russia", "what did Jen Psaki say about the Senate", "the supply chain",
    "what did reporters ask about inflation",
    "what did Brian Deese say about the economy", "what did Psaki say about Russia", "who talked about infrastructure",
    "What has the President said on infrastructure?", "what did Psaki say", "masks in schools",
    "what did Dr. Fauci say about variants",
    "what did the national security adviser say about Afghanistan",
]
BATCHES = [
    ("seeds", ["what did Blinken say about Turkey", "What was said about alliance talk?", "who talked about the Taliban"]),
    ("seeds", ["What would the Canadian government do to support the allies in their talks?",
               "what did Stoltenberg say about China"]),
    ("briefings", ["What’s the plan for the vaccine rollout?", "What was said about student loan talk?",
                   "what did Psaki say about masks"]),
]


def docqa(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "docqa", *args], capture_output=True, text=True, cwd=ROOT, timeout=1800)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", default=None,
                        help="Scratch folder for the indexes (default: a temporary one; reused if given).")
    args = parser.parse_args()
    work = Path(args.work or tempfile.mkdtemp(prefix="docqa-snapshot-"))
    indexes = {"seeds": work / "seeds", "briefings": work / "briefings"}
    briefings = sorted(BRIEFINGS.glob("*.txt"))[:20]
    for name, paths in (("seeds", [str(ROOT / "seeds")]), ("briefings", [str(p) for p in briefings])):
        built = docqa("index", *paths, "--index", str(indexes[name]), "--quiet")
        if built.returncode != 0:
            sys.exit(f"indexing {name} failed: {built.stderr.strip()}")
    runs = [("seeds", [q]) for q in SEED_QUESTIONS] + [("briefings", [q]) for q in BRIEFING_QUESTIONS] + BATCHES
    for name, questions in runs:
        for extra in ([], ["--mode", "dense"], ["--mode", "lexical"]) if len(questions) == 1 else ([],):
            done = docqa("ask", *questions, "--json", "--index", str(indexes[name]), *extra)
            out = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
            print(json.dumps({"index": name, "args": questions + extra, "exit": done.returncode, "out": out,
                              "error": done.stderr.strip().splitlines()[-1:] if done.returncode else []}, ensure_ascii=False),
                  flush=True)


if __name__ == "__main__":
    main()
