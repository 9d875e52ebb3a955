"""The people and organisations of one document: created from names and labels, found again by
surname or given name, with recency for pronouns and roles.

A name ("Blinken"), a label ("ANTONY BLINKEN") or a title + name ("Secretary Blinken") each lead to
one ``Entity`` of the document; ``docqa.attribution.subjects`` resolves cue subjects (pronouns,
roles) to them, and ``docqa.attribution.speakers`` merges the entities of many documents.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from docqa.attribution import gender
from docqa.attribution import labels as labels_mod
from docqa.attribution.names import NameParts, display_name, in_capitals, parse_name, titles_agree
from docqa.language.labels import parenthesised_office, split_parenthesised, split_role_suffix, unqualified
from docqa.language.lexicon import HONORIFICS, ORG_WORDS, PARTICLES, ROLE_WORDS, TITLE_LOWER, office_words
from docqa.language.tokens import alias_key, role_key, strip_possessive

PERSON, ORGANISATION, ROLE = "person", "organisation", "role"
PRONOUNS = {"he": "m", "she": "f", "it": "org"}
POSSESSIVES = {"his": "he", "her": "she", "their": "they"}  # whose: who ("Her answer:", "his spokesman")
_LONG_ROLE_WORDS = sorted(w for w in ROLE_WORDS if len(w) >= 7 and w.isalpha())
MISTYPED = 5  # uses of the honorific label per use of a variant with a dotted "first name" that make the variant a typo


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
        """How the entity is shown (``names.display_name``): the fullest real name, else the label's name."""
        return display_name(self.names, self.labels, self.given, self.surname, self.kind == PERSON) or self.key

    def title_words(self) -> set[str]:
        words: set[str] = set()
        for title in self.titles + self.roles:
            words |= office_words(title)
        return words


class Entities:
    """The entity table of one document, with recency for resolving pronouns and roles."""

    def __init__(self) -> None:
        self.items: list[Entity] = []
        self._by_surname: dict[str, list[Entity]] = {}
        self._by_org: dict[str, Entity] = {}
        self._by_role_label: dict[str, Entity] = {}
        # capitals a document defines as a person's short form, "Ana Ruiz (AR)" (``docqa.attribution.document``)
        self.abbreviations: dict[str, Entity] = {}
        self._last_seen: dict[str, int] = {}
        self._clock = 0
        self._reading = 0  # the clock when the text began to be read in order (``start_reading``)
        # Lower-case words of the document: a label made only of them names a role, not a person.
        self.common_words: set[str] = set()
        # Names the NLP model found (lookup keys); None without the model.  With it, a capitalised
        # phrase with no title, honorific, label or appositive must be one of them to be a speaker.
        self.named: dict[str, str] | None = None
        self.text = ""  # the document's text, for what is looked up only when needed (``subjects.bodies_of``)
        self.bodies: dict[str, set[str]] | None = None  # common noun -> bodies written with it last, once asked
        self.last_subject: Entity | None = None  # whom the previous narration sentence was about
        # surname -> the words a story describes its person with beside the name ("X, 54, a Democrat from Oakton,":
        # "54-year-old", "democrat", "oakton"), for "the Democrat said" further on (``subjects.described``)
        self.described: dict[str, set[str]] = {}
        self.title_words: set[str] = set()  # the document's title in lower case, which often names its speakers
        self.label_uses: Counter[str] = Counter()  # how often each label was read (``count=True``)
        self._mistyped: set[str] = set()  # labels whose "first name" is a mistyped honorific ("QMS. SMITH")
        self._written: dict[str, str] = {}

    def add_named(self, written: str, label: str) -> None:
        """Record a person or body the model named (its first label wins)."""
        if self.named is None:
            self.named = {}
        key = alias_key(written)
        self.named.setdefault(key, label)
        self._written.setdefault(key, re.sub(r"^(?:the|The|THE)\s+", "", written.strip()))

    def is_named(self, phrase: str) -> bool:
        """Whether the model found ``phrase`` (or a name ending in it) as a person or body; True without the model."""
        if self.named is None:
            return True
        key = alias_key(phrase)
        return key in self.named or any(n.endswith(" " + key) for n in self.named)

    def written_name(self, key: str) -> str:
        """A named entity's name as the document wrote it."""
        return self._written.get(key, key)

    def named_as(self, phrase: str) -> str | None:
        """The model's label for ``phrase`` ("PERSON", "ORG", ...), if it named it."""
        return self.named.get(alias_key(phrase)) if self.named else None

    def mentioned(self, words: list[str]) -> None:
        """Mark the people whose surname is among ``words`` as just mentioned (recency for "he"/"she"); after a first
        name, the one of that name ("Bo Ruiz" is not his daughter Ana Ruiz); a first name alone, the one
        person of that first name ("his daughter, Ana.")."""
        for at, word in enumerate(words):
            candidates = self._by_surname.get(strip_possessive(word).lower())
            if candidates:
                self.touch(self.by_surname(word, given=words[at - 1] if at else None) or self.most_recent(candidates))
            elif (person := self.by_given(word)) is not None:
                self.touch(person)

    # -- creating and finding ---------------------------------------------------------------
    def _new(self, kind: str, **kw: object) -> Entity:
        entity = Entity(key=f"e{len(self.items)}", kind=kind, **kw)  # type: ignore[arg-type]
        self.items.append(entity)
        return entity

    def touch(self, entity: Entity) -> Entity:
        self._clock += 1
        self._last_seen[entity.key] = self._clock
        return entity

    def person(self, parts: NameParts, written: str | None = None, label: bool = False) -> Entity:
        """The person a parsed name refers to, created if new (a full name may upgrade a surname-only entity).
        ``label``: the name is a transcript label's (which ``label`` checked already)."""
        title = None if label else self.title_for_first_name(parts.given)
        if title is not None:  # "Joining X" (a sentence's first word), "ADMINSTRATOR X": no first name
            parts = replace(parts, given="", title=f"{parts.title} {title}".strip())
            written = None
        surname_key = parts.surname.lower()
        given = parts.given
        candidates = self._by_surname.get(surname_key, [])
        entity: Entity | None = None
        if given:
            first = given.split()[0].lower().rstrip(".")
            same = [c for c in candidates if c.given and first_name(c.given) == first]
            # A surname-only entity takes this first name unless it disagrees.  A label with an office takes it only
            # from a name given that office ("PRESIDENT X:" is not the son "Y X" a speech mentions) or one
            # the document's title names (its speakers: "… by Secretary of Housing Ada N Marlowe").  An honorific
            # written in prose must fit the name's gender; a label's is too often mistyped to decide by.
            named = first in self.title_words and parts.surname.lower() in self.title_words
            open_ = [c for c in candidates if not c.given and (c.labels or genders_agree(c.gender, given))
                     and (named or not (c.labels and c.titles and not (parts.title and titles_agree([parts.title], c.titles))))]
            if same:
                entity = same[-1]
            elif open_:
                entity = self.most_recent(open_)
                entity.given = given
        elif candidates:
            # "Ambassador Sullivan" is not Jake Sullivan; a label's honorific is too often mistyped to decide by
            agreeing = [c for c in candidates if titles_agree([parts.title] if parts.title else [], c.titles)
                        and (label or genders_agree(parts.gender, c.given))]
            if label and parts.title:
                # a label with an office: someone the document gives that office, or who has spoken already;
                # never someone only mentioned ("PRESIDENT X:" is not "my son Y X")
                agreeing = [c for c in agreeing if c.titles or c.spoke]

            def fit(c: Entity) -> tuple[bool, bool, int]:  # the office in common, then a speaker, then the most recent
                office = bool(parts.title and c.titles and titles_agree([parts.title], c.titles))
                return office, c.spoke, self.last_seen(c)

            entity = max(agreeing, key=fit) if agreeing else None
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
        if parts.honorific.lower().rstrip(".") == "prof" and "professor" not in {t.lower() for t in entity.titles}:
            entity.titles.append("Professor")  # "PROF. RUIZ:" is a professor, as "Professor Ruiz" is
        if not entity.gender:
            by_name = gender.from_first_name(entity.given) if entity.given else None
            entity.gender = parts.gender or gender.from_title(parts.title) or by_name
        return self.touch(entity)

    def title_for_first_name(self, given: str, words: bool = True) -> str | None:
        """What a would-be first name is when it is none: the title it mistypes ("Adminsitrator" ->
        "administrator"), or, with ``words``, "" for a word the transcript uses in lower case and no known first
        name ("Joining X" at the start of a sentence); None for a first name.  Only in transcripts
        (``common_words``).  A label's words are its own: "User Interface" names a meeting's role."""
        if not self.common_words or not given:
            return None
        word = given.split()[0]
        low = word.lower().strip(".")
        if len(low) < 3 or gender.from_first_name(word) is not None:
            return None
        if len(low) >= 7:
            from rapidfuzz import fuzz, process

            found = process.extractOne(low, _LONG_ROLE_WORDS, scorer=fuzz.ratio, score_cutoff=85)
            if found is not None:
                return str(found[0])
        return "" if words and low in self.common_words else None

    def organisation(self, name: str) -> Entity:
        key = role_key(name)
        entity = self._by_org.get(key)
        if entity is None:
            entity = self._new(ORGANISATION, names=[_strip_article(name)])
            self._by_org[key] = entity
        return self.touch(entity)

    def label(self, written: str, stated: bool = False, count: bool = False) -> Entity:
        """The speaker of a transcript label ("MR PRICE", "Q", "NATO Secretary General Jens Stoltenberg").

        ``stated``: the name comes from a format's speaker field (JSON, a voice tag), so "A" is a
        diarisation label ("Speaker A"), not the answer of a Q&A.  A label whose name part is a
        letter or number ("Lecturer Q", "Fellow R") or ordinary words of the document ("Marketing",
        "User Interface") is an identity as written, not a person's name; "The Deputy Chair (Ms.
        Ana Ortiz)" is Ana Ortiz, with the title "Deputy Chair".  ``count``: this reading is one use
        of the label in the document (``settle_mistyped_labels`` compares them).
        """
        written = " ".join(written.split())  # "MR.  SMITH" (a space where an invisible character was) is "MR. SMITH"
        if count:
            self.label_uses[written] += 1
        if stated and re.fullmatch(r"[A-Za-z]|\d{1,3}", written.strip()):
            written = f"Speaker {written.strip()}"
        # a script's "VOICE OF ANA RUIZ (archive recording, 1968):" is Ana Ruiz's voice: hers
        written = re.sub(r"^(?i:(?:the[ \t]+)?voice[ \t]+of)[ \t]+(?=[A-Z])", "", written)
        described = re.fullmatch(r"(?P<voice>[^()]+?)[ \t]*\([^()]+\)", written)
        if described is not None and labels_mod.anonymous_voice(described.group("voice")):
            written = described.group("voice")  # "PARTICIPANT 1 (female, 40s):" is the "PARTICIPANT 1:" of later turns
        role = labels_mod.role_label(written) if not stated else labels_mod.generic_role(written)
        aliased = self._by_role_label.get(written.upper()) if role is None else None
        if aliased is not None and aliased.kind == PERSON:
            entity = aliased  # a label the document says whose it is ("KO:" for the Karen Oyelaran it introduces)
        elif role is not None:
            entity = self._role(role)
        elif re.fullmatch(r"[B-DF-HJ-NP-TV-XZ]{2,5}", written):
            entity = self._role(written)  # "BBC:", "NPR:", "JM:": letters with no vowel, a broadcaster or initials, no name
        else:
            parts, caps = self._label_name(written)
            if parts is not None and written in self._mistyped:
                parts = replace(parts, given="")
            held = split_parenthesised(written)  # "The Deputy Chair (Ms. Ana Ortiz)", "CHAIR (COUNCILLOR X)"
            office_only = written.split()[0].lower() == "the" and (parts is None or not parts.given) \
                and held is None  # "THE QUARTERLY:", "THE CLERK:": nobody's name
            if parts is None or self._anonymous(parts) or office_only:
                entity = self._role(_near_role(written) or written if office_only else written)  # "THE PRESIDNET": the President
                office = parts.title or parts.given if parts is not None and len(parts.surname.strip(".")) <= 2 else ""
                if office and office not in entity.titles:
                    entity.titles.append(office)  # "Lecturer Q" is a professor: "the professor" of that meeting
            else:
                title = self.title_for_first_name(parts.given, words=False)
                if title is not None:  # "ADMINISTRATION CHEN:" is Administrator Chen
                    parts = replace(parts, given="", title=f"{parts.title} {title}".strip())
                entity = self.person(parts, written=None if caps else parts.full, label=True)
                inner = parse_name(held[1], upper=capitals_name(held[1])) if held is not None else None
                if inner is not None and inner.title and inner.title not in entity.titles:
                    entity.titles.append(inner.title)  # "CHAIR (COUNCILLOR X):" chairs, and is a councillor too
                voiced = _voice_named(written)
                if voiced is not None and voiced[0].upper() not in self._by_role_label:
                    self._by_role_label[voiced[0].upper()] = entity  # "UNIT 12:" below is the "UNIT 12 (DEPUTY X)" above
                if written.isupper() and not parts.honorific and not parts.title and parts.given:
                    upper_name = f"{parts.given} {parts.surname}"
                    if upper_name not in entity.names:
                        entity.names.append(upper_name)
        if written not in entity.labels:
            entity.labels.append(written)
        entity.spoke = True
        return self.touch(entity)

    def handle(self, nick: str) -> Entity:
        """The person behind a chat log's nickname ("ana_r", "BoLi"): known by it alone, as written."""
        entity = self.person(NameParts(title="", honorific="", given="", surname=nick, gender=None), written=nick, label=True)
        if nick not in entity.labels:
            entity.labels.append(nick)
        entity.spoke = True
        return self.touch(entity)

    @staticmethod
    def _label_name(written: str) -> tuple[NameParts | None, bool]:
        """The name a person's label carries, and whether it is printed in capitals ("Sen. QUADE")."""
        held = split_parenthesised(written)
        voiced = _voice_named(written) if held is None else None
        outer, name = held or voiced or ("", unqualified(written))  # "Mrs. Lindqvist-Bauer (Denmark)": not Denmark
        name, suffix = split_role_suffix(name) or (name, "")  # "STEVE INGRAM, HOST": a name, then the role
        outer = outer or ("" if suffix.lower() == "byline" else suffix)  # "BYLINE" says who reported the piece: no office
        outer = outer or parenthesised_office(written) or ""  # "ANA RUIZ (Planning Director, City of Oakton)"
        seat, dash, office = outer.rpartition("—")
        if dash and seat.strip() and any(w.lower() in ROLE_WORDS for w in office.split()):
            outer = office.strip()  # "Ms RUIZ (Oakton—Minister for Health)": the seat, then the office
        name, place = _place_of(name)  # "Mr. GARCIA of Illinois": which Garcia, not part of the name
        caps = capitals_name(name)  # "Sen. QUADE", "Chair ROSTOV": legislative records print the name in capitals
        parts = parse_name(name, upper=caps)
        if parts is not None and outer and not (voiced and parts.title):  # "UNIT 12 (DEPUTY X)": a deputy
            parts = replace(parts, title=" ".join(w for w in outer.split() if w.lower() != "the"))
        if parts is not None and place:
            parts = replace(parts, title=f"{parts.title} {place}".strip())
        return parts, caps

    def settle_mistyped_labels(self) -> None:
        """A label that gives a person a short dotted "first name" ("QMS. MARLOWE", "S. MARLOWE") where the same
        person's label is otherwise an honorific and the surname ("MS. MARLOWE"), used at least ``MISTYPED``
        times as often in the document, is that label mistyped: the person takes no first name from it, so
        that it is one person with the rest of the corpus's Marlowe.  Call after every label was read once."""
        for entity in self.items:
            if entity.kind != PERSON or not re.fullmatch(r"[A-Z]{1,3}\.", entity.given):
                continue
            read = {label: self._label_name(label)[0] for label in entity.labels}
            variants = [label for label, parts in read.items() if parts is not None and parts.given == entity.given]
            plain = [label for label, parts in read.items() if parts is not None and parts.honorific and not parts.given]
            uses = self.label_uses
            if variants and plain and sum(uses[x] for x in plain) >= MISTYPED * sum(uses[x] for x in variants):
                self._mistyped.update(variants)
                entity.names = [n for n in entity.names if n.split()[0] != entity.given]
                entity.given = ""

    def alias_role(self, role: str, entity: Entity) -> None:
        """Make a role label ("ANSWER") stand for a known entity in this document."""
        self._by_role_label[role.upper()] = entity

    def voice_of(self, name: str) -> Entity:
        """The one unnamed voice of a person ("spokesperson for Ana Ruiz", "office of Ana Ruiz"): a body that speaks for
        them, not them; its name is its title ("the spokesperson" finds it)."""
        entity = self.organisation(name)
        if name not in entity.titles:
            entity.titles.append(name)
        return entity

    def _role(self, label: str) -> Entity:
        """The one entity of a role label in this document ("QUESTION", "Lecturer Q", "Marketing")."""
        entity = self._by_role_label.get(label.upper())
        if entity is None:
            entity = self._new(ROLE, labels=[label])
            self._by_role_label[label.upper()] = entity
        return entity

    def _anonymous(self, parts: NameParts) -> bool:
        """A name that identifies nobody by itself: one letter or number, or words the document uses as plain words."""
        bare = parts.surname.strip(".")
        if (len(bare) == 1 or bare.isdigit()) and len(parts.given.split()) <= 1:
            return True  # "Lecturer Q", "Fellow R", "Intern K", "Speaker 2"
        if parts.honorific or parts.title:
            return False
        words = parts.full.lower().split()
        return bool(self.common_words) and all(w in self.common_words for w in words)

    def by_surname(self, word: str, given: str | None = None) -> Entity | None:
        """The person of that surname mentioned last; with the word before it (``given``), the one of that first name
        when there is one."""
        candidates = self._by_surname.get(strip_possessive(word).lower())
        if candidates and given is not None:
            named = [e for e in candidates if e.given and first_name(e.given) == given.lower()]
            candidates = named or candidates
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

    def start_reading(self) -> None:
        """Mark that the text is now read in order: the people found before (by looking ahead for names) are known, but
        not yet mentioned (``read``)."""
        self._reading = self._clock

    def read(self, entity: Entity) -> bool:
        """Whether the entity was mentioned or spoke in the text read so far, not only found by looking ahead."""
        return self.last_seen(entity) > self._reading


@lru_cache(maxsize=1024)  # asked of every "THE …" label turn, thousands in a year of speeches
def _near_role(written: str) -> str | None:
    """The role label a "The …" label misspells ("THE PRESIDNET", "THE PRESIDEN" -> "THE PRESIDENT"), as written; None
    when it is no misspelling of one."""
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    key = written.lower()
    if len(key) < 10:
        return None
    roles = [role for role in labels_mod.GENERIC_ROLES if role.startswith("the ")]
    best = process.extractOne(key, roles, scorer=Levenshtein.distance, score_cutoff=2)
    if best is None or best[1] == 0:
        return None
    return best[0].upper() if written.isupper() else best[0].title()


def genders_agree(known: str | None, given: str) -> bool:
    """Whether a person whose honorific or title says ``known`` ("m", "f") can have the first name ``given``."""
    given = given.title() if given.isupper() else given  # "RUTH" from a label in capitals is a first name all the same
    other = gender.from_first_name(given) if known in ("m", "f") and given else None
    return other is None or other == known


def capitals_name(name: str) -> bool:
    """Whether a label writes the person's name in capitals ("MS. PSAKI", "Sen. WARREN", "Dr. VOSS"), whatever
    the case of the titles before it.

    >>> capitals_name("Sen. WARREN"), capitals_name("Mr. Pat Kelly"), capitals_name("NATO Secretary General Jens Stoltenberg")
    (True, False, False)
    >>> capitals_name("Mr OYELARAN-McGRATH"), capitals_name("Mr McGrath")
    (True, False)
    """
    words = [w.strip(".,'’") for w in name.split()]
    return bool(words) and len(words[-1]) > 1 and in_capitals(words[-1])  # "Mr OYELARAN-McGRATH" too


_PLACE = re.compile(r"^(?P<name>.+?)\s+of\s+(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)$")


def _place_of(name: str) -> tuple[str, str]:
    """A label's name and the place that tells two members of one name apart ("Mr. GARCIA of Illinois").

    >>> _place_of("Mr. GARCIA of Illinois"), _place_of("Secretary of State")
    (('Mr. GARCIA', 'of Illinois'), ('Secretary of State', ''))
    """
    match = _PLACE.match(name.strip())
    if match is None or not capitals_name(match.group("name")):
        return name, ""
    return match.group("name"), f"of {match.group('place')}"


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


_VOICE = re.compile(r"(?P<outer>[^()]{2,40}?)[ \t]*\((?P<inner>[^()]{3,60})\)")


@lru_cache(maxsize=4096)  # asked of a label when it is read and again when its name is parsed
def _voice_named(written: str) -> tuple[str, str] | None:
    """A label whose parenthesis names the person speaking in the part before it, where that part is no office
    ("PLAY-BY-PLAY (ANA RUIZ-PARDO)", "UNIT 12 (DEPUTY BO LI)"): (part, name).  The name has a first name the list
    knows, so that a country, a party or a language in parentheses ("Mrs. Ruiz (Oakton)") is never one.

    >>> _voice_named("PLAY-BY-PLAY (ANA RUIZ-PARDO)"), _voice_named("UNIT 12 (DEPUTY BO LI)"), _voice_named("Mrs. Ruiz (Oakton)")
    (('PLAY-BY-PLAY', 'ANA RUIZ-PARDO'), ('UNIT 12', 'DEPUTY BO LI'), None)
    >>> _voice_named("Board secretary (Ana)"), _voice_named("Mr. Ruiz (Jordan)")  # an office and a first name only
    (('Board secretary', 'Ana'), None)
    """
    match = _VOICE.fullmatch(written.strip())
    if match is None:
        return None
    inner, outer = match.group("inner").strip(), match.group("outer").strip()
    if " " not in inner and outer.split()[-1].lower() in ROLE_WORDS and gender.from_first_name(inner.title(), strict=True):
        return outer, inner  # a display name, an office and a first name: "Board secretary (Bo)"
    parts = parse_name(inner, upper=capitals_name(inner)) if 2 <= len(inner.split()) <= 6 else None
    if parts is None or not parts.given or gender.from_first_name(parts.given.split()[0].title(), strict=True) is None:
        return None
    return match.group("outer").strip(), inner
