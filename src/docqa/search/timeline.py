"""When a speaker talked about a topic: the relevant passages of a question, counted month by month.

The relevant set is the top ``k`` (200 by default) of the speaker-filtered search whose relevance is
at least ``FLOOR`` (0.3).  An absolute floor, not the answer's cut-off relative to its best hit, so a
month's count does not depend on one strong passage elsewhere (docs/evaluation.md, "Relevance and
the cut-off", says how precise hits above it are).  Undated documents are counted apart.

>>> from docqa.records import Hit
>>> hits = [Hit(rank=i, score=0.5, speaker="A", doc="d", start=0, end=1, line=1, text="x", date=d)
...         for i, d in enumerate(["2021-03-02", "2021-03-20", "2021-05-01", None], start=1)]
>>> monthly(hits)
{'2021-03': 2, '2021-04': 0, '2021-05': 1}
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from docqa.records import Answer, Hit, Passage

FLOOR = 0.3


def monthly(hits: Sequence[Hit | Passage]) -> dict[str, int]:
    """Dated hits (or passages) counted per month (YYYY-MM), every month between the first and the last included."""
    counts = Counter(hit.date[:7] for hit in hits if hit.date)
    if not counts:
        return {}
    first, last = min(counts), max(counts)
    year, month = int(first[:4]), int(first[5:])
    out: dict[str, int] = {}
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        out[key] = counts.get(key, 0)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


@dataclass
class Timeline:
    """A question's relevant passages by month; ``to_dict`` is ``docqa timeline --json``."""

    query: str
    speaker: str | None
    topic: str
    months: dict[str, int] = field(default_factory=dict)
    undated: int = 0
    notice: str | None = None

    @classmethod
    def of(cls, answer: Answer, floor: float = FLOOR) -> Timeline:
        """The timeline of an answer's hits (asked without the cut-off) at or above ``floor``."""
        relevant = [hit for hit in answer.results if hit.score is None or hit.score >= floor]
        return cls(answer.query, answer.speaker, answer.topic, monthly(relevant), sum(1 for hit in relevant if not hit.date),
                   answer.notice)

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "speaker": self.speaker, "topic": self.topic, "months": self.months,
                "undated": self.undated, "notice": self.notice}

    def bars(self, width: int = 40) -> str:
        """A small bar chart for a terminal, one month a line."""
        top = max(self.months.values(), default=0)
        lines = [f"{month}  {'█' * (round(width * n / top) if top else 0) or ('·' if not n else '▏')} {n}"
                 for month, n in self.months.items()]
        if self.undated:
            lines.append(f"undated  {self.undated}")
        return "\n".join(lines) if lines else "no dated passages"

    def png(self, path: str) -> None:
        """The chart as a PNG (matplotlib: ``pip install 'docqa[plot]'``)."""
        figure = self.figure()  # matplotlib is there once this returns
        import matplotlib.pyplot as plt

        figure.savefig(path)
        plt.close(figure)

    def figure(self):  # type: ignore[no-untyped-def]
        """The chart as a matplotlib figure: bars per month, whole-number ticks on the count axis."""
        try:
            import matplotlib

            matplotlib.use("Agg")
            import matplotlib.pyplot as plt
        except ImportError:
            from docqa.errors import DocqaError

            raise DocqaError("--png needs matplotlib: pip install 'docqa[plot]'") from None
        figure, axes = plt.subplots(figsize=(max(6, 0.35 * len(self.months)), 3.2), dpi=120)
        axes.bar(list(self.months), list(self.months.values()), color="#3b6ea5")
        axes.set_title(f"{self.speaker or 'everyone'} on {self.topic}", fontsize=10)
        axes.set_ylabel("relevant passages")
        from matplotlib.ticker import MaxNLocator

        axes.yaxis.set_major_locator(MaxNLocator(integer=True))  # a count: 0, 1, 2, never 0.5
        axes.tick_params(axis="x", labelrotation=90, labelsize=7)
        figure.tight_layout()
        return figure
