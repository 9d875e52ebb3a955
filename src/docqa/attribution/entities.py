"""The people and organisations of one document: created from names and labels, found again by
surname or given name, with recency for pronouns and roles.

A name ("Blinken"), a label ("ANTONY BLINKEN") or a title + name ("Secretary Blinken") each lead to
one ``Entity`` of the document; ``docqa.attribution.subjects`` resolves cue subjects (pronouns,
roles) to them, and ``docqa.attribution.speakers`` merges the entities of many documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docqa.attribution import labels as labels_mod
from docqa.attribution.lexicon import HONORIFICS, ORG_WORDS, PARTICLES, ROLE_WORDS, TITLE_LOWER
from docqa.attribution.names import NameParts, content_words, fullest, parse_name, role_key, strip_possessive

PERSON, ORGANISATION, ROLE = "person", "organisation", "role"
PRONOUNS = {"he": "m", "she": "f", "it": "org"}


@dataclass(kw_only=True)
class WrittenForms:
    """Every form a person or body was written in: name parts, full names, labels, titles, roles."""

    given: str = ""
    surname: str = ""
    names: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class Entity(WrittenForms):
    """Someone (or some body) of one document, with every form it was written in there."""

    key: str
    kind: str
    gender: str | None = None
    spoke: bool = False

    @property
    def display(self) -> str:
        """The fullest written form: mixed-case full name first, never a title-cased label."""
        return fullest(self.names) or (self.labels[0] if self.labels else self.surname or self.key)

    def title_words(self) -> set[str]:
        words: set[str] = set()
        for title in self.titles + self.roles:
            words |= content_words(title)
        return words


class Entities:
    """The entity table of one document, with recency for resolving pronouns and roles."""

    def __init__(self) -> None:
        self.items: list[Entity] = []
        self._by_surname: dict[str, list[Entity]] = {}
        self._by_org: dict[str, Entity] = {}
        self._by_role_label: dict[str, Entity] = {}
        self._last_seen: dict[str, int] = {}
        self._clock = 0

    # -- creating and finding ---------------------------------------------------------------
    def _new(self, kind: str, **kw: object) -> Entity:
        entity = Entity(key=f"e{len(self.items)}", kind=kind, **kw)  # type: ignore[arg-type]
        self.items.append(entity)
        return entity

    def touch(self, entity: Entity) -> Entity:
        self._clock += 1
        self._last_seen[entity.key] = self._clock
        return entity

    def person(self, parts: NameParts, written: str | None = None) -> Entity:
        """The person a parsed name refers to, created if new (a full name may upgrade a surname-only entity)."""
        surname_key = parts.surname.lower()
        given = parts.given
        candidates = self._by_surname.get(surname_key, [])
        entity: Entity | None = None
        if given:
            first = given.split()[0].lower().rstrip(".")
            same = [c for c in candidates if c.given and first_name(c.given) == first]
            open_ = [c for c in candidates if not c.given]
            if same:
                entity = same[-1]
            elif open_:
                entity = self.most_recent(open_)
                entity.given = given
        elif candidates:
            entity = self.most_recent(candidates)
        else:
            entity = self.by_given(parts.surname)  # "Secretary General Jens" is Jens Stoltenberg
            if entity is not None:
                if parts.title and parts.title not in entity.titles:
                    entity.titles.append(parts.title)
                return self.touch(entity)
        if entity is None:
            entity = self._new(PERSON, given=given, surname=parts.surname)
            self._by_surname.setdefault(surname_key, []).append(entity)
        if not parts.surname.isupper() and (entity.surname.isupper() or not entity.surname):
            entity.surname = parts.surname
        if given and not given.isupper() and entity.given.isupper():
            entity.given = given
        if written and written not in entity.names:
            entity.names.append(written)
        elif not written and parts.full and parts.full not in entity.names and len(parts.full.split()) > 1:
            entity.names.append(parts.full)
        if parts.title and parts.title not in entity.titles:
            entity.titles.append(parts.title)
        if parts.gender and not entity.gender:
            entity.gender = parts.gender
        return self.touch(entity)

    def organisation(self, name: str) -> Entity:
        key = role_key(name)
        entity = self._by_org.get(key)
        if entity is None:
            entity = self._new(ORGANISATION, names=[_strip_article(name)])
            self._by_org[key] = entity
        return self.touch(entity)

    def label(self, written: str, stated: bool = False) -> Entity:
        """The speaker of a transcript label ("MR PRICE", "Q", "NATO Secretary General Jens Stoltenberg").

        ``stated``: the name comes from a format's speaker field (JSON, a voice tag), so "A" is a
        diarisation label ("Speaker A"), not the answer of a Q&A.
        """
        if stated and re.fullmatch(r"[A-Za-z]|\d{1,3}", written.strip()):
            written = f"Speaker {written.strip()}"
        role = labels_mod.role_label(written) if not stated else labels_mod.generic_role(written)
        if role is not None:
            entity = self._by_role_label.get(role)
            if entity is None:
                entity = self._new(ROLE, labels=[role])
                self._by_role_label[role] = entity
        else:
            parts = parse_name(written, upper=written.isupper())
            if parts is None:
                entity = self._by_role_label.get(written.upper())
                if entity is None:
                    entity = self._new(ROLE, labels=[written])
                    self._by_role_label[written.upper()] = entity
            else:
                entity = self.person(parts, written=None if written.isupper() else parts.full)
                if written.isupper() and not parts.honorific and not parts.title and parts.given:
                    upper_name = f"{parts.given} {parts.surname}"
                    if upper_name not in entity.names:
                        entity.names.append(upper_name)
        if written not in entity.labels:
            entity.labels.append(written)
        entity.spoke = True
        return self.touch(entity)

    def by_surname(self, word: str) -> Entity | None:
        candidates = self._by_surname.get(strip_possessive(word).lower())
        return self.most_recent(candidates) if candidates else None

    def by_given(self, word: str) -> Entity | None:
        first = strip_possessive(word).lower()
        found = [e for e in self.items if e.kind == PERSON and e.given and first_name(e.given) == first]
        return found[0] if len(found) == 1 else None

    def most_recent(self, entities: list[Entity]) -> Entity:
        return max(entities, key=self.last_seen)

    def last_seen(self, entity: Entity) -> int:
        """When the entity was last mentioned or spoke (0: never), for recency."""
        return self._last_seen.get(entity.key, 0)


def first_name(given: str) -> str:
    return given.split()[0].lower().rstrip(".")


def _strip_article(name: str) -> str:
    return re.sub(r"^(?:the|The|THE)\s+", "", name.strip())


def capitalised(word: str) -> bool:
    return bool(word) and (word[0].isupper() or word[0].isdigit())


def title_word(word: str) -> bool:
    low = strip_possessive(word).lower().strip(",")
    return capitalised(word) or low in TITLE_LOWER or low in ROLE_WORDS or low in ("u.s.", "us")


def name_word(word: str) -> bool:
    low = word.lower().strip(",")
    return capitalised(word) or low in PARTICLES or low in TITLE_LOWER or low in HONORIFICS or low == "of"


def is_organisation(words: list[str]) -> bool:
    last = strip_possessive(words[-1]).lower()
    if len(words) == 1:
        letters = [c for c in words[0] if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)
    return last in ORG_WORDS and not any(w.lower() in ROLE_WORDS for w in words)
