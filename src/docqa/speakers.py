"""The corpus's speakers: merging each document's entities into one speaker per person, with aliases,
and looking a written name or role up again at question time.

"Blinken" (article), "ANTONY BLINKEN" (transcript label), "Secretary Blinken" and "the top U.S.
diplomat" end up as aliases of one speaker, "Antony Blinken".  An alias that would point at two
people (a bare "Secretary") is dropped, except surnames, which resolve to whoever speaks most.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from docqa import names
from docqa.entities import ORGANISATION, PERSON, ROLE, Entity

# Alias kinds, strongest first.
NAME, LABEL, SURNAME, TITLE, ROLE_ALIAS, GIVEN = "name", "label", "surname", "title", "role", "given"
_AMBIGUOUS_OK = {NAME, LABEL, SURNAME}


def alias_key(text: str) -> str:
    """Lookup form of a name or role: lower case, no article, possessive, periods or extra spaces.

    >>> alias_key("The U.S. Secretary of State’s")
    'us secretary of state'
    """
    return names.role_key(text).replace(".", "").replace("’", "'")


@dataclass
class CorpusSpeaker:
    """One speaker of the corpus while it is being built: every entity of every document that is them."""

    id: int
    kind: str
    given: str = ""
    surname: str = ""
    names: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return names.fullest(self.names) or (self.labels[0] if self.labels else self.surname)

    def absorb(self, entity: Entity) -> None:
        for attr in ("names", "labels", "titles", "roles"):
            mine = getattr(self, attr)
            for value in getattr(entity, attr):
                if value not in mine:
                    mine.append(value)
        if entity.given and (not self.given or (self.given.isupper() and not entity.given.isupper())):
            self.given = entity.given
        if entity.surname and (not self.surname or (self.surname.isupper() and not entity.surname.isupper())):
            self.surname = entity.surname

    def aliases(self) -> list[tuple[str, str]]:
        """(written alias, kind) pairs, canonical name first."""
        out: list[tuple[str, str]] = [(self.name, NAME)]
        out += [(n, NAME) for n in self.names]
        out += [(label, LABEL) for label in self.labels]
        if self.kind == PERSON and self.surname:
            out.append((self.surname, SURNAME))
            if self.given:
                out.append((self.given.split()[0], GIVEN))
            for title in self.titles:
                out.append((title, TITLE))
                short = _without_modifiers(title)
                if short:
                    out.append((short, TITLE))
                    out.append((f"{short} {self.surname}", NAME))
                    head = short.split(" of ")[0].split()[-1]
                    out.append((f"{head} {self.surname}", NAME))
        out += [(role, ROLE_ALIAS) for role in self.roles]
        return out


def _without_modifiers(title: str) -> str:
    """"U.S. Secretary of State" -> "Secretary of State": drop leading words that are not role words."""
    words = title.split()
    while words and not names.is_role_word(words[0]) and words[0].lower() not in names.TITLE_LOWER - {"foreign"}:
        words = words[1:]
    return " ".join(words) if words != title.split() else title


class SpeakerMerger:
    """Merges the entities of many documents into corpus speakers (call ``add`` per document, then ``finish``)."""

    def __init__(self) -> None:
        self._entities: list[tuple[int, Entity]] = []

    def add(self, doc_index: int, entities: list[Entity]) -> None:
        for entity in entities:
            self._entities.append((doc_index, entity))

    def finish(self) -> tuple[list[CorpusSpeaker], dict[tuple[int, str], int]]:
        """Return the speakers and a map (doc index, entity key) -> speaker id."""
        speakers: list[CorpusSpeaker] = []
        mapping: dict[tuple[int, str], int] = {}
        by_key: dict[tuple[str, ...], CorpusSpeaker] = {}
        full: dict[str, list[CorpusSpeaker]] = {}

        def get(key: tuple[str, ...], kind: str) -> CorpusSpeaker:
            speaker = by_key.get(key)
            if speaker is None:
                speaker = CorpusSpeaker(id=len(speakers) + 1, kind=kind)
                speakers.append(speaker)
                by_key[key] = speaker
            return speaker

        pending: list[tuple[int, Entity]] = []
        for doc, entity in self._entities:
            if entity.kind == PERSON and entity.given and entity.surname:
                speaker = get((PERSON, _first(entity.given), entity.surname.lower()), PERSON)
                full.setdefault(entity.surname.lower(), [])
                if speaker not in full[entity.surname.lower()]:
                    full[entity.surname.lower()].append(speaker)
            elif entity.kind == PERSON:
                pending.append((doc, entity))
                continue
            elif entity.kind == ORGANISATION:
                speaker = get((ORGANISATION, alias_key(entity.display)), ORGANISATION)
            else:
                speaker = get((ROLE, entity.display.upper()), ROLE)
            speaker.absorb(entity)
            mapping[(doc, entity.key)] = speaker.id
        for doc, entity in pending:  # surname-only people: one full name with that surname claims them
            candidates = full.get(entity.surname.lower(), [])
            if len(candidates) == 1:
                speaker = candidates[0]
            else:
                speaker = get((PERSON, "", entity.surname.lower()), PERSON)
            speaker.absorb(entity)
            mapping[(doc, entity.key)] = speaker.id
        return speakers, mapping


def alias_rows(speakers: list[CorpusSpeaker]) -> list[tuple[str, str, int, str]]:
    """(key, written, speaker id, kind) for every usable alias; titles and roles that fit two people are dropped."""
    rows: dict[tuple[str, int], tuple[str, str, int, str]] = {}
    owners: dict[str, set[int]] = {}
    for speaker in speakers:
        for written, kind in speaker.aliases():
            key = alias_key(written)
            if not key:
                continue
            owners.setdefault(key, set()).add(speaker.id)
            old = rows.get((written, speaker.id))
            if old is None or _strength(kind) < _strength(old[3]):
                rows[(written, speaker.id)] = (key, written, speaker.id, kind)
    title_words = {s.id: [set(alias_key(t).split()) for t in s.titles] for s in speakers}

    def fits_another(key: str, owner: int) -> bool:
        words = set(key.split())
        return any(words <= title for other, titles in title_words.items() if other != owner for title in titles)

    return [
        row
        for row in rows.values()
        if row[3] in _AMBIGUOUS_OK
        or (len(owners[row[0]]) == 1 and not (row[3] == TITLE and fits_another(row[0], row[2])))
    ]


def _strength(kind: str) -> int:
    return [NAME, LABEL, SURNAME, TITLE, ROLE_ALIAS, GIVEN].index(kind)


def _first(given: str) -> str:
    return given.split()[0].lower().rstrip(".")


@dataclass
class Resolution:
    """What a written name or role in a question refers to."""

    speaker_id: int | None
    candidates: list[int]
    suggestions: list[str]


class SpeakerDirectory:
    """Looks written names and roles up among the corpus's speakers (built from the index's alias table).

    >>> d = SpeakerDirectory([("antony blinken", "Antony Blinken", 1, "name"), ("blinken", "Blinken", 1, "surname")],
    ...                      {1: "Antony Blinken"}, {1: 4})
    >>> d.resolve("Blinken").speaker_id
    1
    >>> d.resolve("Blinkin").suggestions
    ['Antony Blinken']
    """

    def __init__(self, aliases: list[tuple[str, str, int, str]], names_by_id: dict[int, str], passages_by_id: dict[int, int]):
        self._aliases: dict[str, list[int]] = {}
        for key, _written, speaker_id, _kind in aliases:
            ids = self._aliases.setdefault(key, [])
            if speaker_id not in ids:
                ids.append(speaker_id)
        self.names = names_by_id
        self.passages = passages_by_id

    def resolve(self, phrase: str) -> Resolution:
        key = alias_key(phrase)
        ids = self._aliases.get(key)
        if not ids and key.endswith("s") and key[:-1] in self._aliases:
            ids = self._aliases[key[:-1]]
        if ids:
            best = max(ids, key=lambda i: (self.passages.get(i, 0) > 0, self.passages.get(i, 0), -i))
            return Resolution(best, sorted(ids), [])
        return Resolution(None, [], self.suggest(phrase))

    def suggest(self, phrase: str, limit: int = 3) -> list[str]:
        """Closest known speakers (by any alias) to a name that matched none."""
        key = alias_key(phrase)
        close = difflib.get_close_matches(key, list(self._aliases), n=10, cutoff=0.6)
        out: list[str] = []
        for alias in close:
            for speaker_id in self._aliases[alias]:
                name = self.names[speaker_id]
                if name not in out and self.passages.get(speaker_id, 0) > 0:
                    out.append(name)
        return out[:limit]
