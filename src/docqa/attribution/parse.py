"""What the dependency parse says about one prose paragraph: the people and organisations named in it,
and for a sentence, the subjects of its verbs of saying ("X said", "said X", "X, the Y at Z, said",
"X told Y that", "X was quoted as saying", "according to X").

Offsets are the document's: a paragraph parsed from ``text[start:end]`` reports ``start + i``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from docqa.attribution.cues import DATELINE, says_something
from docqa.language.words import ACT_LEMMAS, SPEECH_LEMMAS, WITHHOLDING_LEMMAS

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


MAX_PARSE = 20_000  # characters parsed at once: spaCy needs about 1 GB per 100,000 and refuses a million (E088)


def parse_paragraphs(text: str, spans: list[tuple[int, int]]) -> list[ParsedParagraph] | None:
    """The paragraphs ``text[start:end]`` parsed, in order; None when there are none or the model is not installed.

    A paragraph longer than ``MAX_PARSE`` characters is parsed in pieces cut at sentence ends (or, for a
    sentence longer than that, at spaces), so one huge paragraph neither exhausts memory nor fails the build.
    """
    from docqa.attribution import nlp

    if not spans:
        return None  # nothing to parse: the model is not even loaded (labelled transcripts)
    if not nlp.available():
        return None
    cut = [pieces(text, start, end) for start, end in spans]
    docs = iter(nlp.parse([text[s:e] for parts in cut for s, e in parts]))
    return [ParsedParagraph([(next(docs), s) for s, _ in parts]) for parts in cut]


def pieces(text: str, start: int, end: int, limit: int = MAX_PARSE) -> list[tuple[int, int]]:
    """``text[start:end]`` as consecutive pieces of at most ``limit`` characters, cut between sentences
    where it can be, else at a space (or anywhere, for a run without one).

    >>> t = "One two. Three four. Five six."
    >>> [t[s:e] for s, e in pieces(t, 0, len(t), limit=12)]
    ['One two.', 'Three four.', 'Five six.']
    """
    if end - start <= limit:
        return [(start, end)]
    from docqa.language.sentences import split

    out: list[tuple[int, int]] = []
    piece_start = piece_end = None
    for s, e in split(text, start, end):
        if piece_start is not None and e - piece_start > limit:
            out.append((piece_start, piece_end))  # type: ignore[arg-type]
            piece_start = None
        if e - s > limit:  # one sentence longer than a piece: cut it at spaces
            at = s
            while at < e:
                stop = min(e, at + limit)
                space = text.rfind(" ", at + 1, stop) if stop < e else -1
                stop = space if space > at else stop
                out.append((at, stop))
                at = stop
                while at < e and text[at].isspace():
                    at += 1
            continue
        if piece_start is None:
            piece_start = s
        piece_end = e
    if piece_start is not None:
        out.append((piece_start, piece_end))  # type: ignore[arg-type]
    return out


class ParsedParagraph:
    """One paragraph's spaCy ``Doc`` (or several, for a paragraph parsed in pieces), read in the document's offsets."""

    def __init__(self, parts: list[tuple[Any, int]]) -> None:
        self.parts = parts  # (Doc, offset of its first character in the document)

    def entities(self) -> list[tuple[int, int, str, str]]:
        """(start, end, text, label) of every named person or body that can speak; of a name the model ran over a line
        break, the last line ("Parking on Oakton Road" over "Cllr Ana Ruiz reported …": "Cllr Ana Ruiz")."""
        out = []
        for doc, offset in self.parts:
            for e in doc.ents:
                if e.label_ in SPEAKING_KINDS:
                    cut = e.text.rfind("\n") + 1
                    out.append((offset + e.start_char + cut, offset + e.end_char, e.text[cut:], e.label_))
        return out

    def subjects(self, start: int, end: int, masked: str) -> list[Subject]:
        """Subjects of the verbs of saying in ``[start, end)``, outside quotations (``masked`` blanks their inside)."""
        out: list[Subject] = []
        for doc, offset in self.parts:
            if offset >= end or offset + len(doc.text) <= start:
                continue
            for token in doc:
                at = offset + token.idx
                if not start <= at < end or masked[at] == "_":
                    continue
                lemma = token.lemma_.lower()
                if token.pos_ in ("VERB", "AUX") and lemma in SPEECH_LEMMAS or (lemma == "quote" and token.tag_ == "VBN"):
                    if lemma in ACT_LEMMAS and not any(c.dep_ in ("ccomp", "parataxis") for c in token.children) \
                            and not says_something(masked, offset + token.idx + len(token.text)):
                        continue  # "declared a state of emergency", "announced a plan": an act, not speech
                    if token.dep_ == "xcomp" and token.head.lemma_.lower() in WITHHOLDING_LEMMAS:
                        continue  # "declined to comment", "refused to say": no words of theirs
                    if any(c.dep_ == "neg" for c in token.children):
                        continue  # "has not commented", "did not say when": no words of theirs either
                    subject = self._subject_of(token)
                    if subject is not None:
                        found = self._describe(doc, offset, subject, at, first=doc is self.parts[0][0])
                        if re.fullmatch(r",\s+", masked[found.end : at]) and subject.i < token.i:
                            continue  # "Chair Brandt, welcome back": a name addressed, not the subject of a verb of saying
                        out.append(found)
                elif token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
                    objects = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
                    if objects:
                        out.append(self._describe(doc, offset, objects[0], at, first=doc is self.parts[0][0]))
        return out

    @classmethod
    def _subject_of(cls, verb: Any) -> Any:
        # the subject of a passive is what was said or whom it was said to ("Malaria has been confirmed", "was told"),
        # except of "quoted" ("the mayor was quoted as saying")
        passive = ("nsubj", "nsubjpass") if verb.lemma_.lower() in ("quote", "cite") else ("nsubj",)
        subjects = [child for child in verb.children if child.dep_ in passive]
        if subjects:  # several (a dateline read as one): the one nearest the verb
            before = [s for s in subjects if s.i < verb.i]
            return before[-1] if before else subjects[0]
        if verb.dep_ in ("xcomp", "advcl", "conj", "pcomp") and verb.head is not verb:  # "he wrote, adding that…"
            return cls._subject_of(verb.head) if verb.head.pos_ in ("VERB", "AUX") else None
        return None

    @staticmethod
    def _describe(doc: Any, offset: int, token: Any, verb_at: int, first: bool = True) -> Subject:
        ent = next((e for e in doc.ents if e.start <= token.i < e.end), None)
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
            if child.dep_ == "appos" and doc[child.left_edge.i - 1 : child.left_edge.i].text != "(":  # "index (BMI)" defines
                named = next((e for e in doc.ents if e.start <= child.i < e.end and e.label_ in SPEAKING_KINDS), None)
                if named is not None:
                    appositive = named.text
                elif child.pos_ == "PROPN":
                    appositive = " ".join(t.text for t in child.subtree if t.pos_ == "PROPN")
        dateline = DATELINE.match(doc.text) if first else None  # a dateline opens a paragraph, not a piece of one
        return Subject(offset + span_start, offset + span_end, doc.text[span_start:span_end], kind, appositive,
                       verb_at, bool(dateline) and span_start < dateline.end())
