"""Who speaks in running prose: direct quotes and their cues, reported speech, pronouns, continuation.

Each sentence gets the speaker whose words it carries, or none (narration):

* a sentence that opens inside a quotation belongs to the quote's speaker, found from the cue after
  the closing mark ("“…,” Blinken said." / "“…,” said Blinken." / "“…,” he said.") or, with no cue,
  from the quote it continues;
* otherwise a speech cue at the start of the sentence makes it reported speech ("Blinken said the
  situation is under review", "He told NATO ministers that…", "But the NATO chief said…"), as does a
  trailing cue (", Blinken said.") or "according to X".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docqa.attribution import cues
from docqa.attribution.entities import Entities, Entity
from docqa.attribution.sentences import split
from docqa.attribution.subjects import resolve_subject
from docqa.records import HOW_CONTINUATION, HOW_NONE, HOW_PRONOUN, HOW_QUOTE, HOW_REPORTED, HOW_ROLE, Segment

_OPEN, _CLOSE = "“«„", "”»"
_MASK = "_"


@dataclass
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (or the paragraph end)
    speaker: Entity | None = None
    how: str = HOW_NONE
    resolved: bool = False


@dataclass
class ProseState:
    """What carries from sentence to sentence: who spoke recently, and whether the last sentence had a speaker."""

    recent: list[Entity]
    last_speaker: Entity | None = None

    def spoke(self, entity: Entity | None) -> None:
        """Record who spoke the sentence just attributed (None: narration, which breaks quote continuation)."""
        self.last_speaker = entity
        if entity is not None:
            entity.spoke = True
            if entity in self.recent:
                self.recent.remove(entity)
            self.recent.insert(0, entity)


def find_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Quotations in ``text[start:end]``; curly, guillemet and straight marks; an unclosed one runs to the end.

    >>> t = 'He said “yes.” Then "no'
    >>> [t[q.start:q.end] for q in find_quotes(t, 0, len(t))]
    ['“yes.”', '"no']
    """
    quotes: list[Quote] = []
    open_at: int | None = None
    straight = False
    for i in range(start, end):
        ch = text[i]
        if ch in _OPEN and open_at is None:
            open_at, straight = i, False
        elif ch in _CLOSE and open_at is not None and not straight:
            quotes.append(Quote(open_at, i + 1))
            open_at = None
        elif ch == '"':
            if open_at is None:
                open_at, straight = i, True
            elif straight:
                quotes.append(Quote(open_at, i + 1))
                open_at = None
    if open_at is not None and end - open_at > 1:
        quotes.append(Quote(open_at, end))
    return quotes


def mask_quotes(text: str, quotes: list[Quote]) -> str:
    """``text`` with the inside of every quotation blanked, so cues are looked for in the narration only."""
    chars = list(text)
    for quote in quotes:
        for i in range(quote.start + 1, max(quote.start + 1, quote.end - 1)):
            if chars[i] != "\n":
                chars[i] = _MASK
    return "".join(chars)


def attribute_paragraph(text: str, start: int, end: int, paragraph: int, entities: Entities, state: ProseState) -> list[Segment]:
    """Attribute the sentences of one prose paragraph; returns one Segment per sentence."""
    quotes = find_quotes(text, start, end)
    masked = mask_quotes(text, quotes) if quotes else text
    segments: list[Segment] = []
    sentences = split(text, start, end)
    for s, e in sentences:
        quote = _quote_at(quotes, s, e)
        speaker: Entity | None = None
        how = HOW_NONE
        if quote is not None:
            if not quote.resolved:
                _resolve_quote(text, masked, quote, _sentence_end(sentences, quote.end, end), entities, state)
            if quote.speaker is not None:
                speaker, how = quote.speaker, quote.how
            elif state.last_speaker is not None:
                speaker, how = state.last_speaker, HOW_CONTINUATION
                quote.speaker, quote.how = speaker, how
        else:
            speaker, how = _reported(masked, s, e, entities, state)
        state.spoke(speaker)
        segments.append(Segment(s, e, speaker.key if speaker else None, how, paragraph))
    return segments


def _quote_at(quotes: list[Quote], s: int, e: int) -> Quote | None:
    """The quotation a sentence belongs to: one it opens with, or one it starts inside of."""
    for quote in quotes:
        if quote.start <= s < quote.end - 1 or (s <= quote.start <= s + 1):
            return quote
    return None


def _resolve_quote(text: str, masked: str, quote: Quote, tail_end: int, entities: Entities, state: ProseState) -> None:
    quote.resolved = True
    inner = text[quote.start : quote.end].rstrip(_CLOSE + '"')
    if inner.endswith(".") and not re.match(r"\s*[a-z,]", text[quote.end : quote.end + 3]):
        return  # “... pressure.” ends its sentence: what follows is another sentence's subject
    match = cues.AFTER_QUOTE.match(masked, quote.end, tail_end)
    if match:
        subject = match.group("subj") or match.group("subj2")
        entity, kind = resolve_subject(entities, subject, state.recent)
        if entity is not None:
            quote.speaker, quote.how = entity, _how(kind, HOW_QUOTE)


def _sentence_end(sentences: list[tuple[int, int]], pos: int, default: int) -> int:
    """End of the sentence in which a quotation closes (where its cue, if any, must be)."""
    for s, e in sentences:
        if s < pos <= e:
            return e
    return default


def _reported(masked: str, s: int, e: int, entities: Entities, state: ProseState) -> tuple[Entity | None, str]:
    sentence = masked[s:e]
    for pattern, group in ((cues.SENTENCE_CUE, "subj"), (cues.TRAILING_CUE, None), (cues.ACCORDING, "subj")):
        for match in _matches(pattern, sentence):
            subject = match.group(group) if group else (match.group("subj") or match.group("subj2"))
            if not subject or _MASK in subject:
                continue
            entity, kind = resolve_subject(entities, subject, state.recent)
            appositive = match.groupdict().get("appos")
            if appositive and (entity is None or kind == "role"):
                # "Ukraine's agriculture minister, Mykola Solskyi, said": the name in apposition is the speaker
                named, named_kind = resolve_subject(entities, appositive, state.recent)
                if named is not None and named_kind == "name":
                    entity, kind = named, named_kind
            if entity is not None:
                return entity, _how(kind, HOW_REPORTED)
    return None, HOW_NONE


def _matches(pattern: re.Pattern[str], sentence: str) -> list[re.Match[str]]:
    if pattern is cues.SENTENCE_CUE:
        match = pattern.match(sentence)
        return [match] if match else []
    return list(pattern.finditer(sentence))


def _how(kind: str, default: str) -> str:
    return {"pronoun": HOW_PRONOUN, "role": HOW_ROLE}.get(kind, default)
