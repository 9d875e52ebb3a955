"""Passages from attributed segments: one speaker's contiguous words each, sized for the model.

A passage never mixes speakers.  Long stretches are cut at sentence boundaries so nothing passes the
model's window (MiniLM reads 256 wordpieces, about 200 words); short neighbours of the same speaker
merge, so a one-line "So thank you." does not stand alone (unnamed voices of a caption, each after its ">>", do not).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from docqa.attribution import Attribution
from docqa.attribution.transcript import VOICE_CHANGE
from docqa.language.sentences import split
from docqa.records import HOW_ORDER, Passage

MAX_WORDS = 160
MIN_WORDS = 40


@dataclass
class _Unit:
    start: int
    end: int
    speaker: str | None
    how: str
    paragraph: int
    words: int


def chunk(attribution: Attribution, max_words: int = MAX_WORDS, min_words: int = MIN_WORDS) -> list[Passage]:
    """Cut an attributed document into passages (``speaker`` holds the document-local entity key)."""
    text = attribution.text
    units: list[_Unit] = []
    for seg in attribution.segments:
        words = _count(text, seg.start, seg.end)
        if words <= max_words:
            units.append(_Unit(seg.start, seg.end, seg.speaker, seg.how, seg.paragraph, words))
            continue
        for s, e in _pieces(text, seg.start, seg.end, max_words):
            units.append(_Unit(s, e, seg.speaker, seg.how, seg.paragraph, _count(text, s, e)))
    groups: list[list[_Unit]] = []
    for unit in units:
        current = groups[-1] if groups else None
        another = unit.speaker is None and VOICE_CHANGE.match(text, unit.start) is not None  # ">> …": a new unnamed voice
        if current is not None and current[-1].speaker == unit.speaker and not another:
            size = sum(u.words for u in current)
            new_paragraph = unit.paragraph != current[-1].paragraph
            fits = size + unit.words <= max_words
            if fits and (not new_paragraph or size < min_words or unit.words < min_words // 2):
                current.append(unit)
                continue
        groups.append([unit])
    newlines = [i for i, ch in enumerate(attribution.document.text) if ch == "\n"]
    source = attribution.document.text
    passages = []
    for group in groups:
        start, end = group[0].start, group[-1].end
        how = min((u.how for u in group), key=HOW_ORDER.index)
        line = bisect.bisect_left(newlines, start) + 1
        where = attribution.document.location(start)
        passages.append(Passage(attribution.document.path, start, end, line, group[0].speaker, how, source[start:end],
                                page=where.page if where else None, time=where.time if where else None))
    return passages


def _pieces(text: str, start: int, end: int, max_words: int) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` at sentence boundaries into pieces of at most ``max_words`` (a longer sentence is cut at words)."""
    pieces: list[tuple[int, int]] = []
    piece_start, piece_words = None, 0
    piece_end = start
    for s, e in split(text, start, end):
        words = _count(text, s, e)
        if words > max_words:
            if piece_start is not None:
                pieces.append((piece_start, piece_end))
                piece_start, piece_words = None, 0
            pieces.extend(_word_windows(text, s, e, max_words))
            continue
        if piece_start is not None and piece_words + words > max_words:
            pieces.append((piece_start, piece_end))
            piece_start, piece_words = None, 0
        if piece_start is None:
            piece_start = s
        piece_words += words
        piece_end = e
    if piece_start is not None:
        pieces.append((piece_start, piece_end))
    return pieces


def _word_windows(text: str, start: int, end: int, max_words: int) -> list[tuple[int, int]]:
    spans = [m.span() for m in re.finditer(r"\S+", text[start:end])]
    return [
        (start + spans[i][0], start + spans[min(i + max_words, len(spans)) - 1][1])
        for i in range(0, len(spans), max_words)
    ]


def _count(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())
