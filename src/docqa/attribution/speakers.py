"""The corpus's speakers: merging each document's entities into one speaker per person, with aliases
(looked up again at question time by ``docqa.search.directory``).

"Blinken" (article), "ANTONY BLINKEN" (transcript label), "Secretary Blinken" and "the top U.S.
diplomat" end up as aliases of one speaker, "Antony Blinken".  An alias that would point at two
people (a bare "Secretary") is dropped, except names, labels and surnames: a question naming a surname several
people who speak share searches them all (``docqa.search.understand.directory``).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from docqa.attribution import gender, labels, names
from docqa.attribution.entities import ORGANISATION, PERSON, ROLE, Entity, WrittenForms, first_name, genders_agree
from docqa.language.lexicon import DOMAIN_WORDS, ORG_WORDS
from docqa.language.tokens import alias_key, unaccented

# Alias kinds, strongest first.
NAME, LABEL, SURNAME, TITLE, ROLE_ALIAS, GIVEN = "name", "label", "surname", "title", "role", "given"
_AMBIGUOUS_OK = {NAME, LABEL, SURNAME}
_MODIFIERS = {"deputy", "assistant", "vice", "acting", "former", "principal", "senior", "associate", "interim", "under"}


@dataclass(kw_only=True)
class CorpusSpeaker(WrittenForms):
    """One speaker of the corpus while it is being built: every entity of every document that is them."""

    id: int
    kind: str
    spoke: bool = False  # some document gives them words (a label, a quote), not only a mention
    documents: Counter[str] = field(default_factory=Counter)  # written name -> how many documents write it
    first: str = ""  # the first name that stands for the person's (``SpeakerMerger._formal_first_names``), lower case
    honorific: str = ""  # "Mrs.": told apart from another of the surname, known only by it ("Mr. Halvorsen")
    place: str = ""  # "of Arizona": told apart so from another member of the surname ("Mr. Delgado of Arizona")
    recording: str = ""  # "otter2.txt": one of several numbered voices of one label, each its own recording's

    @property
    def name(self) -> str:
        """The name shown: ``_name``, after the honorific and before the place where two people are known only by one
        surname; a numbered voice with its recording where another recording has one of the same label."""
        best = self._name()
        if self.recording:
            return f"{best} ({self.recording})"  # "Speaker 1 (board-meeting.txt)"
        if " " in best:
            return best
        return " ".join(part for part in (self.honorific, best, self.place) if part)

    def _name(self) -> str:
        """``names.display_name``, with the first name that stands for the others ("Katherine" for a "Kate"
        written beside a "KATHERINE" label), in the spelling the most documents write ("Katherine Marlowe", not a
        transcriber's "Katharine Marlowe"); a written name in capitals only where none is in mixed case."""
        best = names.display_name(self.names, self.labels, self.given, self.surname, self.kind == PERSON)
        rest = best.lower().split()[1:]
        if self.kind != PERSON or not self.first or not rest:
            return best
        formal = [n for n in self.documents
                  if n.lower().split()[1:] == rest and _spelling(_first(n)) == _spelling(self.first)]
        if not formal:
            return best
        return names.name_case(max(formal, key=lambda n: (not n.isupper(), self.documents[n], n == best)))

    def absorb(self, entity: Entity) -> None:
        self.spoke = self.spoke or entity.spoke
        self.documents.update(set(entity.names))
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
                if names.is_place(title):  # "Mr. DELGADO of Arizona": a place, no office; "Delgado of Arizona" names him
                    out.append((f"{self.surname} {title}", NAME))
                    continue
                # a title of one word is no alias ("Senator", "member"): the directory finds holders of an office
                # by the titles themselves ("the mayor", "the Fed chair")
                out += [(title, TITLE)] * (len(title.split()) > 1)
                short = _without_modifiers(title)
                if short:
                    out += [(short, TITLE)] * (len(short.split()) > 1)
                    head = short.split(" of ")[0].split()[-1]
                    if head.lower().strip(",.") not in DOMAIN_WORDS - _RANKS:  # "member Wellby" is no one's name
                        out.append((f"{short} {self.surname}", NAME))
                        out.append((f"{head} {self.surname}", NAME))
        if self.kind == ORGANISATION:  # "Kestrel Bay Water Authority" is also "the water authority"
            words = self.name.split()
            if len(words) >= 3 and words[-1].lower() in ORG_WORDS and words[-2][:1].isupper() and words[-2].isalpha():
                out.append((" ".join(words[-2:]), NAME))
        if self.kind == ROLE:
            out += [(title, TITLE) for title in self.titles]  # "Lecturer Q" answers to "the professor"
        out += [(role, ROLE_ALIAS) for role in self.roles]
        return out


_RANKS = {"deputy"}  # of the words that mostly modify an office, the one that is a rank alone too: "Deputy Ruiz"


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
        self._where: dict[int, str] = {}

    def add(self, doc_index: int, entities: list[Entity], where: str = "") -> None:
        """A document's entities; ``where``: its file, which tells apart its numbered voices from another's."""
        self._where[doc_index] = where
        for entity in entities:
            self._entities.append((doc_index, entity))

    def _join_double_surnames(self) -> None:
        """Read a name written without the hyphen of a surname the corpus writes with one as that surname: "DR.
        BALOGUN HART" and "Ekwueme Balogun Hart" are the "Ekwueme Balogun-Hart" of another document (their
        entities, copied, with the surname joined and the words before it as the first name)."""
        joined = {_surname(e.surname).replace("-", " "): e.surname for _, e in self._entities
                  if e.kind == PERSON and "-" in e.surname.strip("-")}
        if not joined:
            return
        for at, (doc, entity) in enumerate(self._entities):
            words = f"{entity.given} {entity.surname}".split() if entity.kind == PERSON and entity.given else []
            for size in (3, 2):
                if len(words) > size - 1 and (surname := joined.get(_surname(" ".join(words[-size:])))) is not None:
                    given = " ".join(words[:-size])
                    if entity.given.split()[0] == words[-size] or gender.from_first_name(words[-size]) is None:
                        self._entities[at] = (doc, dataclasses.replace(entity, given=given, surname=surname))
                    break

    def finish(self) -> tuple[list[CorpusSpeaker], dict[tuple[int, str], int]]:
        """Return the speakers and a map (doc index, entity key) -> speaker id."""
        self._join_double_surnames()
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

        formal = self._formal_first_names()
        pending: list[tuple[int, Entity]] = []
        initialled: list[tuple[int, Entity]] = []
        solo: dict[str, list[CorpusSpeaker]] = {}  # the people known only by a surname, by that surname
        solo_gender: dict[int, str] = {}  # the gender an honorific gave one of them ("MRS. X:"), by speaker id
        voices: dict[str, dict[int, CorpusSpeaker]] = {}  # a numbered voice's label -> its speaker in each document
        for doc, entity in self._entities:
            if entity.kind == PERSON and entity.given and entity.surname and len(_first(entity.given)) == 1:
                initialled.append((doc, entity))
                continue
            if entity.kind == PERSON and entity.given and entity.surname:
                first = _first(entity.given)
                first = formal.get((_surname(entity.surname), first), first)
                speaker = get((PERSON, first, _surname(entity.surname)), PERSON)
                speaker.first = first
                full.setdefault(_surname(entity.surname), [])
                if speaker not in full[_surname(entity.surname)]:
                    full[_surname(entity.surname)].append(speaker)
            elif entity.kind == PERSON:
                pending.append((doc, entity))
                continue
            elif entity.kind == ORGANISATION:
                speaker = get((ORGANISATION, alias_key(entity.display)), ORGANISATION)
            else:
                voice = (doc,) if labels.anonymous_voice(entity.display) else ()  # "Speaker 1" of each recording
                speaker = get((ROLE, entity.display.upper(), *voice), ROLE)
                if voice:
                    voices.setdefault(entity.display.upper(), {})[doc] = speaker
            speaker.absorb(entity)
            mapping[(doc, entity.key)] = speaker.id
        for doc, entity in initialled:  # "A. Osei": the one "Amara Osei", "Abel Osei" … of the corpus, else their own
            surname, initial = _surname(entity.surname), _first(entity.given)
            candidates = [c for c in full.get(surname, []) if len(c.first) > 1 and c.first[0] == initial
                          and names.titles_agree(entity.titles, c.titles) and genders_agree(entity.gender, c.given)]
            if len(candidates) == 1:
                speaker = candidates[0]
            else:
                speaker = get((PERSON, initial, surname), PERSON)
                speaker.first = speaker.first or initial
                if speaker not in full.setdefault(surname, []):
                    full[surname].append(speaker)
            speaker.absorb(entity)
            mapping[(doc, entity.key)] = speaker.id
        for doc, entity in pending:  # surname-only people: one full name with that surname claims them
            candidates = [c for c in full.get(_surname(entity.surname), []) if names.titles_agree(entity.titles, c.titles)
                          and genders_agree(entity.gender, c.given)]  # "MR. MARLOWE" is not Jill Marlowe
            if len(candidates) > 1 and entity.spoke:  # "MR. SINGH:" is the Singh who speaks, not one only mentioned
                candidates = [c for c in candidates if c.spoke] or candidates
            if len(candidates) == 1:
                speaker = candidates[0]
            else:  # the people known only by this surname: written the same, one; written with other accents and
                # another office, another ("Administrator Guzman" and "Minister Guzmán"); a "Mr." and a "Mrs." of
                # different documents, two (a representative and a prosecutor)
                known = solo.setdefault(_surname(entity.surname), [])
                speaker = next((c for c in known if (c.surname.lower() == entity.surname.lower()
                                or names.titles_agree(entity.titles, c.titles)) and names.places_agree(entity.titles, c.titles)
                                and not (entity.gender and solo_gender.get(c.id, entity.gender) != entity.gender)), None) \
                    or get((PERSON, "", _surname(entity.surname), str(len(known))), PERSON)
                if speaker not in known:
                    known.append(speaker)
                if entity.gender:
                    solo_gender.setdefault(speaker.id, entity.gender)
            speaker.absorb(entity)
            mapping[(doc, entity.key)] = speaker.id
        for known in solo.values():  # two people known only by one surname: each with the honorific written for them,
            if len(known) > 1 and len({c.name for c in known}) < len(known):  # then the place their labels give
                for c in known:
                    c.honorific = _honorific(c)
                if len({c.name for c in known}) < len(known):
                    for c in known:
                        c.place = next((title for title in c.titles if names.is_place(title)), "")
        for by_doc in voices.values():  # "Speaker 1" of two recordings: two people, each shown with its file
            if len(by_doc) > 1:
                for doc, speaker in by_doc.items():
                    speaker.recording = PurePath(self._where.get(doc, "")).name or f"document {doc + 1}"
        return speakers, mapping

    def _formal_first_names(self) -> dict[tuple[str, str], str]:
        """(surname, first name) -> the first name that stands for both, where the corpus writes one person two
        ways: "Kate Marlowe" and "Katherine Marlowe", "Bill Nakamura" and "William Nakamura" are one person.

        The nicknames come from a curated table (the ``nicknames`` package).  Two first names written with
        the same surname are one person's when the table relates them, neither relates to a third first
        name written with that surname (with "Kathryn" and "Katherine" both present, "Kate" stays apart), and
        their genders do not disagree; the longer name (the formal one) stands for both.  A first name the
        table does not know is read as the known name it spells differently (``_spelling``: "Katharine" as
        "Katherine", so "Kate" and "Katharine" are one person's).
        """
        firsts: dict[str, set[str]] = {}
        for _, entity in self._entities:
            if entity.kind == PERSON and entity.given and entity.surname:
                firsts.setdefault(_surname(entity.surname), set()).add(_first(entity.given))
        if not any(len(found) > 1 for found in firsts.values()):
            return {}
        table = _nicknames()
        out: dict[tuple[str, str], str] = {}
        for surname, found in firsts.items():
            if len(found) < 2:
                continue
            spellings: dict[str, set[str]] = {}  # "anthony" -> {"anthony", "antony"}: one name, spelled two ways
            for name in found:
                spellings.setdefault(_spelling(name), set()).add(name)
            related = {one: {other for other in spellings if other != one
                             and (other in table.canonicals_of(one) or one in table.canonicals_of(other)
                                  or _shortens(one, other, table) or _shortens(other, one, table))}
                       for one in spellings}
            for one, written in spellings.items():
                group = set(written)
                others = related[one]
                if len(others) == 1 and len(related[next(iter(others))]) == 1:
                    group |= spellings[next(iter(others))]
                genders = {gender.from_first_name(name) for name in group} - {None}
                if len(group) > 1 and len(genders) <= 1:
                    stands = max(group, key=lambda n: (len(n), n))
                    out.update({(surname, name): stands for name in group})
        return out


def _shortens(short: str, full: str, table: Any) -> bool:
    """Whether a first name is a short form of another that begins with it: a name the table knows as a short
    form of some name, of three letters or more ("leo" of "leopold", which the table relates only to "leonard").

    >>> table = _nicknames()
    >>> _shortens("leo", "leopold", table), _shortens("leopold", "leo", table), _shortens("mar", "marianne", table)
    (True, False, False)
    """
    return len(short) >= 3 and len(full) > len(short) and full.startswith(short) and bool(table.canonicals_of(short))


def _honorific(speaker: CorpusSpeaker) -> str:
    """The honorific a speaker's labels or names are written with ("MRS. HALVORSEN": "Mrs."), or ""."""
    for written in speaker.labels + speaker.names:
        parts = names.parse_name(written, upper=True)
        if parts is not None and parts.honorific:
            return parts.honorific.rstrip(".").title() + "."
    return ""


def _surname(surname: str) -> str:
    """A surname as people merge by it: lower case, without accents ("Íñiguez" in one document is "Iniguez" in
    another)."""
    return unaccented(surname.lower())


def _first(given: str) -> str:
    """A first name as people merge by it (``_surname``): its first part, as "Ana-Sofía" in one document is "Ana Sofia"
    in another; of initials, the first ("J. R.", and a label's "JR", is "j")."""
    if re.fullmatch(r"[B-DF-HJ-NP-TV-Z]{2,3}", given):
        return given[0].lower()  # "JR ABERNATHY:": initials, no vowel to make a name
    return unaccented(first_name(given.replace("-", " ")))


SPELLING_MIN = 5  # letters: shorter first names one letter apart are names of their own ("Sean", "Jean"; "Dan", "Don")


@functools.cache
def _spelling(first: str) -> str:
    """The nickname table's formal name that ``first`` (lower case) spells differently, or ``first``: a name the
    table does not know, of ``SPELLING_MIN`` letters or more, one edit from exactly one formal name that long or
    longer whose gender does not disagree ("antony" -> "anthony", "katharine" -> "katherine"; "jerome", one
    edit from the nickname "jereme" only, stays "jerome")."""
    if len(first) < SPELLING_MIN or first in _known_first_names():
        return first
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    near = [name for name, _, _ in process.extract(first, _table_formal_names(), scorer=Levenshtein.distance, score_cutoff=1,
                                                    limit=None) if len(name) >= SPELLING_MIN]
    genders = {gender.from_first_name(first)} | ({gender.from_first_name(near[0])} if near else set())
    return near[0] if len(near) == 1 and len(genders - {None}) <= 1 else first


@functools.cache
def _known_first_names() -> frozenset[str]:
    table = _nicknames()
    return frozenset(table.nickname_lookup) | frozenset(table.canonical_lookup)


@functools.cache
def _table_formal_names() -> list[str]:
    """The table's formal names (those it gives nicknames): what an unknown spelling may stand for."""
    return sorted(_nicknames().nickname_lookup)


@functools.cache
def _nicknames() -> Any:
    """The nickname table, loaded once (a CSV of about 2,700 hand-curated pairs)."""
    from nicknames import NickNamer

    return NickNamer()


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
        """A title that is part of another person's different office ("Secretary" of "Secretary General");
        not one the other holds with a modifier ("Press Secretary" of "Deputy Press Secretary")."""
        words = set(key.split())
        return any(words <= title and not (len(words) > 1 and title - words <= _MODIFIERS)
                   for other, titles in title_words.items() if other != owner for title in titles)

    offices = {s.id: {alias_key(t) for t in s.titles} for s in speakers}

    def shared_office(key: str) -> bool:
        """"Press Secretary", held by Psaki and then by Jean-Pierre, or "Professor", by a professor in each
        meeting: an alias of each (a question's scope then picks the one who speaks there)."""
        holders = owners[key]
        return all(key in offices[owner] for owner in holders)

    speaking = {s.id for s in speakers if s.spoke}

    def only_speaker(key: str, owner: int) -> bool:
        """A first name several people share of whom only this one speaks: "Ana" asked about is the one with
        words, not a namesake the documents only mention."""
        return owners[key] & speaking == {owner}

    return [
        row
        for row in rows.values()
        if row[3] in _AMBIGUOUS_OK
        or (len(owners[row[0]]) == 1 and not (row[3] == TITLE and fits_another(row[0], row[2])))
        or (row[3] == TITLE and len(owners[row[0]]) > 1 and shared_office(row[0]))
        or (row[3] == GIVEN and only_speaker(row[0], row[2]))
    ]


def _strength(kind: str) -> int:
    return [NAME, LABEL, SURNAME, TITLE, ROLE_ALIAS, GIVEN].index(kind)

