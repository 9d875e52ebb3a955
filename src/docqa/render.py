"""How answers, speakers and passages look in a terminal."""

from __future__ import annotations

import shutil
import textwrap

import click

from docqa.records import Answer, Passage, Speaker
from docqa.textnorm import normalize


def _width() -> int:
    return max(40, min(shutil.get_terminal_size((100, 20)).columns, 110))


def _wrap(text: str, indent: str = "   ") -> str:
    paragraphs = [" ".join(p.split()) for p in normalize(text).split("\n\n") if p.strip()]
    return "\n\n".join(textwrap.fill(p, width=_width(), initial_indent=indent, subsequent_indent=indent) for p in paragraphs)


def answer(result: Answer) -> str:
    """A question's hits: speaker first and prominent, then file:line, score and how the speaker was found."""
    lines = []
    header = click.style(result.query, bold=True)
    if result.speaker:
        header += click.style(f"   (speaker: {result.speaker}; topic: {result.topic or '-'})", dim=True)
    lines.append(header)
    if result.notice:
        lines.append(click.style(f"note: {result.notice}", fg="yellow"))
    if not result.results:
        lines.append("   no matching passages")
    for hit in result.results:
        who = click.style(hit.speaker or "(narration)", bold=True, fg="cyan" if hit.speaker else None)
        where = click.style(f"{hit.doc}:{hit.line}", fg="green")
        meta = click.style(f"score {hit.score:.3f} · {hit.how}", dim=True)
        lines.append(f"\n{hit.rank}. {who}  {where}  {meta}")
        lines.append(_wrap(hit.text))
    return "\n".join(lines) + "\n"


def speakers(items: list[Speaker]) -> str:
    width = max((len(s.name) for s in items), default=10)
    out = [click.style(f"{'speaker':<{width}}  passages  mentions  aliases", bold=True)]
    for s in items:
        aliases = ", ".join(s.aliases) or "-"
        out.append(f"{s.name:<{width}}  {s.passages:>8}  {s.mentions:>8}  {aliases}")
    return "\n".join(out)


def passage(item: Passage) -> str:
    who = click.style(item.speaker or "(narration)", bold=True, fg="cyan" if item.speaker else None)
    meta = click.style(f"{item.doc}:{item.line} [{item.start}:{item.end}] {item.how}", dim=True)
    return f"{who}  {meta}\n{_wrap(item.text)}\n"
