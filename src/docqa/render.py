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
        where = click.style(f"{hit.doc}:{hit.line}{place(hit.page, hit.time)}", fg="green")
        meta = click.style(f"score {hit.score:.3f} · {hit.how} · {result.mode}", dim=True)
        lines.append(f"\n{hit.rank}. {who}  {where}  {meta}")
        before = [c for c in hit.context if c["offset"] < 0]
        after = [c for c in hit.context if c["offset"] > 0]
        lines.extend(_context_line(c) for c in before)
        lines.append(_wrap(_marked(hit.text, hit.highlights)))
        lines.extend(_context_line(c) for c in after)
        for other in hit.also:
            lines.append(click.style(f"   also in {other['doc']}:{other['line']}", dim=True))
    return "\n".join(lines) + "\n"


def place(page: int | None, time: float | None) -> str:
    """Where a passage sits in its format's terms: " p. 2" (PDF) or " 00:02:10" (subtitles, JSON transcripts).

    >>> place(2, None), place(None, 130.4), place(None, None)
    (' p. 2', ' 00:02:10', '')
    """
    if page is not None:
        return f" p. {page}"
    if time is not None:
        seconds = int(time)
        return f" {seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    return ""


def _marked(text: str, spans: list[list[int]]) -> str:
    """The text with its highlighted sentences in bold yellow (plain when output is not a terminal)."""
    out, pos = [], 0
    for start, end in sorted(spans):
        out += [text[pos:start], click.style(text[start:end], fg="yellow", bold=True)]
        pos = end
    return "".join(out) + text[pos:]


def _context_line(item: dict) -> str:  # type: ignore[type-arg]
    who = item["speaker"] or "(narration)"
    words = " ".join(normalize(item["text"]).split())
    short = words if len(words) <= 160 else words[:157] + "…"
    return click.style(_wrap(f"[{item['offset']:+d} {who}] {short}", indent="     "), dim=True)


def speakers(items: list[Speaker]) -> str:
    width = max((len(s.name) for s in items), default=10)
    out = [click.style(f"{'speaker':<{width}}  passages  mentions  aliases", bold=True)]
    for s in items:
        aliases = ", ".join(s.aliases) or "-"
        out.append(f"{s.name:<{width}}  {s.passages:>8}  {s.mentions:>8}  {aliases}")
    return "\n".join(out)


def passage(item: Passage) -> str:
    who = click.style(item.speaker or "(narration)", bold=True, fg="cyan" if item.speaker else None)
    meta = click.style(f"{item.doc}:{item.line}{place(item.page, item.time)} [{item.start}:{item.end}] {item.how}", dim=True)
    return f"{who}  {meta}\n{_wrap(item.text)}\n"
