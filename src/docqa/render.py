"""How answers, speakers and passages look in a terminal."""

from __future__ import annotations

import itertools
import re
import shutil

import click

from docqa.language.normalize import normalize
from docqa.records import Answer, Check, Passage, Speaker, location_label


def _width() -> int:
    return max(40, min(shutil.get_terminal_size((100, 20)).columns, 110))


def _wrap(text: str, indent: str = "   ", spans: list[list[int]] | None = None) -> str:
    """``text`` wrapped to the terminal, paragraph by paragraph; ``spans`` (offsets into ``text``) in bold
    yellow.  Lines are measured on the visible text, so the escape codes of a highlight never shorten one."""
    text = normalize(text)
    lit = [False] * len(text)
    for start, end in spans or []:
        lit[start:end] = [True] * max(0, min(end, len(text)) - start)
    width = _width()
    out = []
    for paragraph in re.finditer(r"(?:(?!\n[ \t]*\n)[\s\S])+", text):
        words = [(m.start() + paragraph.start(), m.end() + paragraph.start()) for m in re.finditer(r"\S+", paragraph.group(0))]
        if not words:
            continue
        lines: list[list[tuple[int, int]]] = [[]]
        length = len(indent)
        for start, end in words:
            if lines[-1] and length + 1 + (end - start) > width:
                lines.append([])
                length = len(indent)
            length += (end - start) + (1 if len(lines[-1]) else 0)
            lines[-1].append((start, end))
        out.append("\n".join(indent + _styled(text, lit, line) for line in lines))
    return "\n\n".join(out)


def _styled(text: str, lit: list[bool], line: list[tuple[int, int]]) -> str:
    """One line's words joined by single spaces, highlighted runs styled (a space between two lit words is lit)."""
    pieces: list[tuple[str, bool]] = []
    for i, (start, end) in enumerate(line):
        if i:
            pieces.append((" ", lit[start] and lit[line[i - 1][1] - 1]))
        pieces.extend((text[j], lit[j]) for j in range(start, end))
    runs = itertools.groupby(pieces, key=lambda piece: piece[1])
    return "".join(click.style(s, fg="yellow", bold=True) if on else s for on, group in runs for s in ["".join(c for c,
                                                                                                               _ in group)])


def answer(result: Answer) -> str:
    """A question's hits: speaker first and prominent, then file:line, score and how the speaker was found."""
    if result.check is not None:
        return check(result.check)
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
        where = click.style(f"{hit.doc}:{hit.line}{location_label(hit.page, hit.time)}" + (f" · {hit.date}" if hit.date else ""),
                            fg="green")
        if hit.score is None:
            relevance = f"rank score {hit.rank_score or 0:.3f}"
        else:
            relevance = f"relevance {hit.score:.2f}" + (" as the answer to the question before it" if hit.answers else "")
        facts = [relevance, hit.how, result.mode]
        if result.listing:
            facts = [hit.how]  # in document order: nothing ranks them
        meta = click.style(" · ".join(facts), dim=True)
        lines.append(f"\n{hit.rank}. {who}  {where}  {meta}")
        if hit.why:
            lines.append(click.style(f"   ranked above more relevant passages: {hit.why}", dim=True))
        before = [c for c in hit.context if c["offset"] < 0]
        after = [c for c in hit.context if c["offset"] > 0]
        lines.extend(_context_line(c) for c in before)
        lines.append(_wrap(hit.text, spans=hit.highlights))
        lines.extend(_context_line(c) for c in after)
        for other in hit.also:
            lines.append(click.style(f"   also in {other['doc']}:{other['line']}", dim=True))
    return "\n".join(lines) + "\n"


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
    meta = click.style(f"{item.doc}:{item.line}{location_label(item.page, item.time)} [{item.start}:{item.end}] {item.how}",
                       dim=True)
    return f"{who}  {meta}\n{_wrap(item.text)}\n"



_VERDICT_COLOURS = {"said": "green", "said_by_other": "red", "altered": "yellow", "pieced": "yellow", "reported": "yellow",
                    "not_found": "red"}


def check(result: Check) -> str:
    """A quote check: the verdict in one line, then each place, the matched words bold and any change shown."""
    claimed = f"   (attributed to {result.claimed})" if result.claimed else ""
    lines = [click.style(f"“{result.quote}”", bold=True) + click.style(claimed, dim=True),
             click.style(result.summary, fg=_VERDICT_COLOURS.get(result.verdict), bold=True)]
    for n, item in enumerate(result.evidence, start=1):
        who = click.style(item.speaker or "(narration)", bold=True, fg="cyan" if item.speaker else None)
        where = click.style(f"{item.doc}:{item.line}" + (f" · {item.date}" if item.date else ""), fg="green")
        facts = [item.how] + (["in quotation marks"] if item.quoted and item.how != "quote" else [])
        if item.similarity is not None and item.role != "closest":
            facts.append(f"{item.similarity:.0%} alike")
        lines.append(f"\n{n}. {who}  {where}  " + click.style(" · ".join(facts), dim=True))
        spans = [item.match] if item.match else []
        lines.append(_wrap(item.text, spans=spans))
        if item.diff:
            lines.append("   " + diff(item.diff))
    return "\n".join(lines) + "\n"


def diff(ops: list[dict[str, str]]) -> str:
    """A word diff in one line: the source's words left out struck through as [-…-], the quote's own as {+…+}."""
    out = []
    for op in ops:
        if op["op"] == "same":
            out.append(op["text"])
        elif op["op"] == "changed":
            out.append(click.style(f"[-{op['source']}-]", fg="red") + click.style(f"{{+{op['quote']}+}}", fg="green"))
        elif op["op"] == "added":
            out.append(click.style(f"{{+{op['quote']}+}}", fg="green"))
        else:
            out.append(click.style(f"[-{op['source']}-]", fg="red"))
    return "diff: " + " ".join(out)
