"""The people and organisations of one document, and how mentions of them are resolved.

A name ("Blinken"), a label ("ANTONY BLINKEN"), a title + name ("Secretary Blinken"), a pronoun
("he") or a role ("the top U.S. diplomat") each resolve to one ``Entity`` of the document.  Entities
of different documents are merged into corpus speakers by ``docqa.speakers``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docqa import labels as labels_mod
from docqa.names import (
    HONORIFICS,
    ORG_WORDS,
    PARTICLES,
    ROLE_WORDS,
    TITLE_LOWER,
    NameParts,
    content_words,
    fullest,
    parse_name,
    role_key,
    strip_possessive,
    tokens,
)

PERSON, ORGANISATION, ROLE = "person", "organisation", "role"
PRONOUNS = {"he": "m", "she": "f", "it": "org"}
# What a role's head word may be called in a title ("the NATO chief" ~ "Secretary General").
_HEAD_SYNONYMS = {
    "diplomat": {"state", "foreign", "ambassador", "envoy", "diplomat", "diplomacy"},
    "chief": {"general", "secretary-general", "director", "director-general", "head", "president", "chair", "chief", "chairman", "leader", "commissioner"},
    "head": {"general", "secretary-general", "director", "head", "president", "chair", "chief", "chairman", "leader"},
    "boss": {"general", "secretary-general", "director", "head", "president", "chair", "chief", "chairman"},
    "leader": {"president", "prime", "chancellor", "premier", "leader", "king", "queen"},
    "spokesperson": {"spokesperson", "spokesman", "spokeswoman", "press"},
    "spokesman": {"spokesperson", "spokesman", "spokeswoman", "press"},
    "spokeswoman": {"spokesperson", "spokesman", "spokeswoman", "press"},
    "envoy": {"envoy", "ambassador", "representative"},
    "minister": {"minister", "secretary"},
    "secretary": {"secretary", "minister"},
}


@dataclass
class Entity:
    """Someone (or some body) of one document, with every form it was written in there."""

    key: str
    kind: str
    given: str = ""
    surname: str = ""
    names: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
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
            same = [c for c in candidates if c.given and _first(c.given) == first]
            open_ = [c for c in candidates if not c.given]
            if same:
                entity = same[-1]
            elif open_:
                entity = self._most_recent(open_)
                entity.given = given
        elif candidates:
            entity = self._most_recent(candidates)
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
        return self._most_recent(candidates) if candidates else None

    def by_given(self, word: str) -> Entity | None:
        first = strip_possessive(word).lower()
        found = [e for e in self.items if e.kind == PERSON and e.given and _first(e.given) == first]
        return found[0] if len(found) == 1 else None

    def _most_recent(self, entities: list[Entity]) -> Entity:
        return max(entities, key=lambda e: self._last_seen.get(e.key, 0))

    # -- resolving cue subjects -------------------------------------------------------------
    def resolve_subject(self, phrase: str, recent: list[Entity]) -> tuple[Entity | None, str]:
        """Who a speech cue's subject is: ("he", "the NATO chief", "Blinken", "The White House").

        Returns (entity or None, how) with how one of "name", "pronoun", "role".
        """
        phrase = phrase.strip().strip(",")
        low = phrase.lower()
        if low in PRONOUNS:
            return self._pronoun(PRONOUNS[low], recent), "pronoun"
        words = tokens(phrase)
        if not words or len(words) > 10:
            return None, "name"
        if words[0].lower() in ("the", "a", "an"):
            rest = words[1:]
            if rest and all(_capitalised(w) for w in rest) and not any(w.lower() in ROLE_WORDS for w in rest):
                return self.organisation(" ".join(rest)), "name"
            if rest and all(_title_word(w) for w in rest):
                return self.describe(" ".join(rest), recent), "role"
            return None, "role"
        if not all(_name_word(w) for w in words):
            # "harbour master Marco Bellini": a full name at the end, whatever title words come before
            tail = len(words)
            while tail > 0 and _capitalised(words[tail - 1]) and words[tail - 1].lower() not in ROLE_WORDS:
                tail -= 1
            name = words[tail:]
            if len(name) < 2 or tail == 0 or not all(w.islower() or _title_word(w) for w in words[:tail]):
                return None, "name"
            parts = parse_name(" ".join(name))
            if parts is None or not parts.given:
                return None, "name"
            entity = self.person(parts, written=parts.full)
            title = " ".join(words[:tail])
            if title not in entity.titles:
                entity.titles.append(title)
            return entity, "name"
        if len(words) == 1 and re.sub(r"s$", "", words[0].lower()) in ROLE_WORDS | {"official", "officer", "expert", "analyst", "critic", "resident", "source", "diplomat", "negotiator"}:
            return None, "name"  # "Ministers agree ...", "Officials said ...": people, but nobody in particular
        if _is_organisation(words):
            return self.organisation(phrase), "name"
        parts = parse_name(phrase)
        if parts is None:
            if all(w.lower() in ROLE_WORDS or _capitalised(w) for w in words) and any(w.lower() in ROLE_WORDS for w in words):
                return self.describe(phrase, recent), "role"
            return None, "name"
        if not parts.title and not parts.given and not parts.honorific:
            known = self.by_surname(parts.surname) or self.by_given(parts.surname)
            if known is not None:
                return self.touch(known), "name"
        return self.person(parts, written=parts.full if parts.given else None), "name"

    def _pronoun(self, gender: str, recent: list[Entity]) -> Entity | None:
        if gender == "org":
            return next((e for e in recent if e.kind == ORGANISATION), None)
        for entity in recent:
            if entity.kind == PERSON and entity.gender in (None, gender):
                return entity
        people = [e for e in self.items if e.kind == PERSON and e.gender in (None, gender)]
        return self._most_recent(people) if people else None

    def describe(self, description: str, recent: list[Entity]) -> Entity | None:
        """The entity a role description fits best ("top U.S. diplomat" -> the U.S. Secretary of State)."""
        words = content_words(description)
        if not words:
            return None
        head = sorted(words, key=lambda w: description.lower().rfind(w))[-1]
        wanted = words | _HEAD_SYNONYMS.get(head, set())
        rank = {e.key: i for i, e in enumerate(recent)}
        best: tuple[float, ...] | None = None
        chosen: Entity | None = None
        for entity in self.items:
            if entity.kind != PERSON:
                continue
            have = entity.title_words()
            if role_key(description) in (role_key(r) for r in entity.roles):
                score = 10.0
            else:
                score = float(len(wanted & have))
                if head not in have and not (_HEAD_SYNONYMS.get(head, set()) & have):
                    score -= 0.5  # a title that shares only modifiers is a weaker fit
            if score < 1:
                continue
            key = (score, -rank.get(entity.key, len(rank)), self._last_seen.get(entity.key, 0))
            if best is None or key > best:
                best, chosen = key, entity
        if chosen is not None:
            role = role_key(description)
            if role and role not in (role_key(r) for r in chosen.roles):
                chosen.roles.append(role)
            self.touch(chosen)
        return chosen


def _first(given: str) -> str:
    return given.split()[0].lower().rstrip(".")


def _strip_article(name: str) -> str:
    return re.sub(r"^(?:the|The|THE)\s+", "", name.strip())


def _capitalised(word: str) -> bool:
    return bool(word) and (word[0].isupper() or word[0].isdigit())


def _title_word(word: str) -> bool:
    low = strip_possessive(word).lower().strip(",")
    return _capitalised(word) or low in TITLE_LOWER or low in ROLE_WORDS or low in ("u.s.", "us")


def _name_word(word: str) -> bool:
    low = word.lower().strip(",")
    return _capitalised(word) or low in PARTICLES or low in TITLE_LOWER or low in HONORIFICS or low == "of"


def _is_organisation(words: list[str]) -> bool:
    last = strip_possessive(words[-1]).lower()
    if len(words) == 1:
        letters = [c for c in words[0] if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)
    return last in ORG_WORDS and not any(w.lower() in ROLE_WORDS for w in words)
