"""What the dependency parse says about one prose paragraph: the people and organisations named in it,
and for a sentence, the subjects of its verbs of saying ("X said", "said X", "X, the Y at Z, said",
"X told Y that", "X was quoted as saying", "according to X").

Offsets are the document's: a paragraph parsed from ``text[start:end]`` reports ``start + i``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from docqa.attribution.cues import SPEECH_LEMMAS

# "GREENVALE, Ohio — ", "PORTMOUTH, Ore. (Wire) — ": where and who filed the story, not a subject.
_DATELINE = re.compile(r"[A-Z][A-Z .'’-]{2,40}(?:,[ \t][A-Z][\w. ]{1,30})?(?:[ \t]\([^)]{1,40}\))?[ \t]*[—–-]{1,2}[ \t]")
SPEAKING_KINDS = {"PERSON": "person", "ORG": "organisation", "NORP": "organisation", "GPE": "organisation"}


@dataclass(frozen=True)
class Subject:
    """A cue's subject as the parse sees it: its text and offsets, the name in apposition if any, and how
    the sentence carries it ("pronoun", "name" or "phrase" for a common noun such as "the company")."""

    start: int
    end: int
    text: str
    kind: str
    appositive: str | None = None
    verb_at: int = 0
    in_dateline: bool = False


def parse_paragraphs(text: str, spans: list[tuple[int, int]]) -> list[ParsedParagraph] | None:
    """The paragraphs ``text[start:end]`` parsed, in order; None when there are none or the model is not installed."""
    from docqa.attribution import nlp

    if not spans:
        return None  # nothing to parse: the model is not even loaded (labelled transcripts)
    if not nlp.available():
        return None
    return [ParsedParagraph(doc, start) for doc, (start, _) in zip(nlp.parse([text[s:e] for s, e in spans]), spans, strict=True)]


class ParsedParagraph:
    """One paragraph's spaCy ``Doc``, read in the document's offsets."""

    def __init__(self, doc: Any, offset: int) -> None:
        self.doc = doc
        self.offset = offset

    def entities(self) -> list[tuple[int, int, str, str]]:
        """(start, end, text, label) of every named person or body that can speak."""
        return [(self.offset + e.start_char, self.offset + e.end_char, e.text, e.label_) for e in self.doc.ents
                if e.label_ in SPEAKING_KINDS]

    def subjects(self, start: int, end: int, masked: str) -> list[Subject]:
        """Subjects of the verbs of saying in ``[start, end)``, outside quotations (``masked`` blanks their inside)."""
        out: list[Subject] = []
        for token in self.doc:
            at = self.offset + token.idx
            if not start <= at < end or masked[at] == "_":
                continue
            lemma = token.lemma_.lower()
            if token.pos_ in ("VERB", "AUX") and lemma in SPEECH_LEMMAS or (lemma == "quote" and token.tag_ == "VBN"):
                subject = self._subject_of(token)
                if subject is not None:
                    out.append(self._describe(subject, at))
            elif token.lower_ == "according" and token.i + 1 < len(self.doc) and self.doc[token.i + 1].lower_ == "to":
                objects = [c for c in self.doc[token.i + 1].children if c.dep_ == "pobj"]
                if objects:
                    out.append(self._describe(objects[0], at))
        return out

    def _subject_of(self, verb: Any) -> Any:
        subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")]
        if subjects:  # several (a dateline read as one): the one nearest the verb
            before = [s for s in subjects if s.i < verb.i]
            return before[-1] if before else subjects[0]
        if verb.dep_ in ("xcomp", "advcl", "conj", "pcomp") and verb.head is not verb:  # "he wrote, adding that…"
            return self._subject_of(verb.head) if verb.head.pos_ in ("VERB", "AUX") else None
        return None

    def _describe(self, token: Any, verb_at: int) -> Subject:
        ent = next((e for e in self.doc.ents if e.start <= token.i < e.end), None)
        if token.pos_ == "PRON":
            span_start, span_end, kind = token.idx, token.idx + len(token.text), "pronoun"
        elif ent is not None and ent.label_ in SPEAKING_KINDS:
            span_start, span_end, kind = ent.start_char, ent.end_char, "name"
        else:
            left = [t for t in token.lefts if t.dep_ in ("det", "amod", "compound", "nmod", "poss", "case")]
            first = left[0] if left else token
            span_start, span_end = first.idx, token.idx + len(token.text)
            kind = "name" if token.pos_ == "PROPN" else "phrase"
        appositive = None
        for child in token.children:
            if child.dep_ == "appos":
                named = next((e for e in self.doc.ents if e.start <= child.i < e.end and e.label_ in SPEAKING_KINDS), None)
                if named is not None:
                    appositive = named.text
                elif child.pos_ == "PROPN":
                    appositive = " ".join(t.text for t in child.subtree if t.pos_ == "PROPN")
        dateline = _DATELINE.match(self.doc.text)
        return Subject(self.offset + span_start, self.offset + span_end, self.doc.text[span_start:span_end], kind, appositive,
                       verb_at, bool(dateline) and span_start < dateline.end())
