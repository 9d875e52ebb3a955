"""Two runs of the suite, question by question: how far apart they are, and whether that is more than noise.

    python benchmarks/suite.py --json before.json ...   # at one commit
    python benchmarks/suite.py --json after.json ...    # at another (or with a constant changed)
    python benchmarks/compare.py before.json after.json              # docqa hybrid
    python benchmarks/compare.py before.json after.json --system "docqa dense"

For every set and judgement both runs have, the mean change of Success@1, Success@5 and nDCG@10 with its 95 % paired
bootstrap interval (the same questions resampled for both runs, 1,000 rounds, seeded), and how many questions went up
and down.  An interval that contains 0 is a change the set cannot tell from noise.  The suite's own intervals are each
run's; two runs' intervals overlap long before their difference is noise, which is what this measures.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

MEASURES = ("success@1", "success@5", "ndcg@10")


def paired(before: list[float], after: list[float], rounds: int = 1000, seed: int = 20261203) -> tuple[float, float, float]:
    """The mean of after − before and its 95 % bootstrap interval, the questions resampled together.

    >>> paired([0.0, 1.0, 1.0, 0.0], [1.0, 1.0, 1.0, 0.0])
    (0.25, 0.0, 0.75)
    """
    from suite import bootstrap

    return bootstrap([b - a for a, b in zip(before, after, strict=True)], rounds, seed)


def rows(before: dict[str, Any], after: dict[str, Any], system: str) -> list[dict[str, Any]]:
    """One row per set and judgement both runs have: the change of each measure, with its interval and counts."""
    out = []
    for name in before:
        if name not in after or len(before[name]) != len(after[name]):
            continue
        pairs = [(a["systems"].get(system, {}), b["systems"].get(system, {}))
                 for a, b in zip(before[name], after[name], strict=True) if a["question"] == b["question"]]
        judgements = sorted({j for a, _ in pairs for j, figures in a.items() if isinstance(figures, dict)})
        for judgement in judgements:
            both = [(a[judgement], b[judgement]) for a, b in pairs if judgement in a and judgement in b]
            if not both:
                continue
            row: dict[str, Any] = {"set": name, "against": judgement, "n": len(both)}
            for measure in MEASURES:
                old, new = [a[measure] for a, _ in both], [b[measure] for _, b in both]
                row[measure] = paired(old, new)
                row[f"{measure} up"] = sum(n > o for o, n in zip(old, new, strict=True))
                row[f"{measure} down"] = sum(n < o for o, n in zip(old, new, strict=True))
            out.append(row)
    return out


def table(found: list[dict[str, Any]]) -> str:
    lines = ["| set | against | n | " + " | ".join(f"Δ {m} [95 %] (up / down)" for m in MEASURES) + " |",
             "|---|---|---|" + "---|" * len(MEASURES)]
    for row in found:
        cells = []
        for measure in MEASURES:
            mean, low, high = row[measure]
            noise = "" if low > 0 or high < 0 else " ~"
            cells.append(f"{mean:+.3f} [{low:+.3f}, {high:+.3f}]{noise} ({row[f'{measure} up']} / {row[f'{measure} down']})")
        lines.append(f"| {row['set']} | {row['against']} | {row['n']} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n\n~: the interval contains 0 (not told apart from noise)."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--system", default="docqa hybrid", help="which system's figures to compare")
    args = parser.parse_args()
    try:
        before, after = (json.loads(path.read_text(encoding="utf-8")) for path in (args.before, args.after))
    except (OSError, ValueError) as exc:
        raise SystemExit(f"compare: cannot read a run: {exc}") from None
    found = rows(before, after, args.system)
    if not found:
        raise SystemExit(f"compare: the two runs share no set with {args.system!r} figures")
    print(table(found))


if __name__ == "__main__":
    sys.exit(main())
