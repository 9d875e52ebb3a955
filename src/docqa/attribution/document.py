"""Attribution: a Document in, its text split into stretches each with one speaker (or none), out.

Transcripts are attributed by their turn labels (the label wins over any speech cue inside the turn);
prose, and a transcript's preamble, by quotes and speech cues (``docqa.attribution.prose``).
Speakers here are document-local entities; ``docqa.attribution.speakers`` merges them across
documents.

>>> from docqa.records import Document
>>> result = attribute(Document("t.txt", "MR PRICE: Good afternoon.\\n\\nQUESTION: Any news?", "text"))
>>> [(result.speaker_name(s.speaker), s.how) for s in result.segments]
[('MR PRICE', 'label'), ('QUESTION', 'label')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docqa.attribution import labels, names, prose, transcript
from docqa.attribution.entities import PERSON, Entities, Entity
from docqa.attribution.lexicon import ORG_WORDS
from docqa.records import HOW_LABEL, Document, Segment
from docqa.textnorm import normalize


@dataclass
class Attribution:
    """The result for one document: segments in order, the document's entities and where each is mentioned."""

    document: Document
    text: str  # normalised analysis text; same length and offsets as document.text
    segments: list[Segment]
    entities: list[Entity]
    mentions: list[tuple[int, int, str]] = field(default_factory=list)
    transcript: bool = False

    def entity(self, key: str | None) -> Entity | None:
        return next((e for e in self.entities if e.key == key), None) if key else None

    def speaker_name(self, key: str | None) -> str | None:
        entity = self.entity(key)
        return entity.display if entity else None


def attribute(document: Document) -> Attribution:
    """Split a document into speaker segments."""
    text = normalize(document.text)
    entities = Entities()
    if document.turns:
        return _attribute_turns(document, text, entities)
    spans = transcript.blocks(text)
    found = transcript.find_labels(text, spans)
    is_transcript = transcript.is_transcript(found)
    if not is_transcript:
        found = [None] * len(spans)
    label_spans = [(label.start, label.end) for label in found if label is not None]
    for label in found:
        if label is not None:
            entities.label(label.name)
    _harvest_people(text, entities, label_spans)
    segments: list[Segment] = []
    state = prose.ProseState(recent=[])
    turn: Entity | None = None
    for index, ((start, end), label) in enumerate(zip(spans, found, strict=True)):
        if label is not None:
            turn = entities.label(label.name)
            state.spoke(turn)
            if label.body_start < end:
                segments.append(Segment(label.body_start, end, turn.key, HOW_LABEL, index))
        elif turn is not None and labels.is_aside(text, start, end):
            turn = None  # "Note: ..." closes the turn; it and what follows are narration until the next label
            segments.extend(prose.attribute_paragraph(text, start, end, index, entities, state))
        elif turn is not None:
            segments.append(Segment(start, end, turn.key, HOW_LABEL, index))
        else:
            segments.extend(prose.attribute_paragraph(text, start, end, index, entities, state))
    mentions = _mentions(text, entities, label_spans)
    return Attribution(document, text, segments, entities.items, mentions, is_transcript)


def _attribute_turns(document: Document, text: str, entities: Entities) -> Attribution:
    """A document whose format states its speakers: those turns as they are, prose rules elsewhere."""
    _harvest_people(text, entities, [])
    segments: list[Segment] = []
    state = prose.ProseState(recent=[])
    for index, turn in enumerate(document.turns):
        if turn.speaker:
            speaker = entities.label(turn.speaker, stated=True)
            state.spoke(speaker)
            segments.append(Segment(turn.start, turn.end, speaker.key, HOW_LABEL, index))
        else:
            segments.extend(prose.attribute_paragraph(text, turn.start, turn.end, index, entities, state))
    return Attribution(document, text, segments, entities.items, _mentions(text, entities, []), transcript=True)


def _harvest_people(text: str, entities: Entities, skip: list[tuple[int, int]]) -> None:
    """Make an entity for every titled or honorific name ("German Foreign Minister Heiko Maas")."""
    for start, end in names.runs(text):
        if any(s <= start < e for s, e in skip):
            continue
        title_start = names.preceding_title(text, start, max(0, start - 60))
        phrase = text[title_start:end]
        parts = names.parse_name(phrase)
        if parts is None:
            continue
        if not (parts.title or parts.honorific):
            # "Ned Price" beside a label "MR PRICE": a full name for a person known by surname only
            known = entities.by_surname(parts.surname) if parts.given and len(parts.given.split()) == 1 else None
            if known is not None and not known.given and parts.given[0].isupper() and not parts.given.isupper():
                entities.person(parts, written=parts.full)
            continue
        if names.strip_possessive(parts.surname.split()[-1]).lower() in ORG_WORDS:
            continue
        entities.person(parts, written=parts.full if parts.given else None)


def _mentions(text: str, entities: Entities, skip: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Where each person is named in the text (surname, full name, or a given name unique in the document)."""
    surnames: dict[str, Entity] = {}
    givens: dict[str, list[Entity]] = {}
    for entity in entities.items:
        if entity.kind != PERSON or not entity.surname:
            continue
        surnames.setdefault(entity.surname.lower(), entity)
        if entity.given:
            givens.setdefault(entity.given.split()[0].lower(), []).append(entity)
    if not surnames:
        return []
    pattern = re.compile(
        r"(?<![\w’'])(" + "|".join(re.escape(k) for k in sorted(set(surnames) | set(givens), key=len, reverse=True)) + r")(?![\w])",
        re.I,
    )
    out = []
    for match in pattern.finditer(text):
        word = match.group(1)
        if not word[0].isupper() or any(s <= match.start() < e for s, e in skip):
            continue
        key = word.lower()
        entity = surnames.get(key)
        if entity is None and len(givens.get(key, [])) == 1:
            entity = givens[key][0]
        if entity is not None:
            out.append((match.start(), match.end(), entity.key))
    return out
