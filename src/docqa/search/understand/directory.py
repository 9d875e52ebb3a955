"""Looking a written name, label, title or role up among the corpus's speakers at question time.

Built from the index's alias table (written by ``docqa.attribution.speakers``); a name that matches
no alias gets the closest known speakers as suggestions.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from docqa.language.lexicon import (
    HONORIFICS,
    INITIALLED_OFFICES,
    NOT_PERSON_AGENTS,
    PERSON_NOUNS,
    ROLE_FILLER,
    ROLE_WORDS,
    SAME_OFFICE,
    TITLE_LOWER,
    office_words,
)
from docqa.language.tokens import alias_key, without_article
from docqa.language.words import ARTICLES, ASKED_NOUNS, STOPWORDS, VIEW_NOUNS
from docqa.search.understand.linking import AliasIndex, Mention, find_mentions

GIVEN, TITLE, ROLE, LABEL = "given", "title", "role", "label"  # alias kinds (docqa.attribution.speakers)


@dataclass
class Resolution:
    """What a written name or role in a question refers to."""

    speaker_id: int | None
    candidates: list[int]
    suggestions: list[str]


# Bodies whose meetings someone chairs, named before the office where records print the office alone ("the board
# president", "the committee chair"): the meeting's heading says which body, the speaker's title does not
_MEETING_BODIES = {"committee", "subcommittee", "board", "council", "commission", "panel", "meeting", "hearing", "session"}


def _offices_in(title: str) -> set[frozenset[str]]:
    """The offices a title names, each as its words: "president and chief executive officer" is the president and
    the chief executive (an officer's title with or without "officer").

    >>> sorted(sorted(office) for office in _offices_in("chair, Oakton Users Alliance"))
    [['alliance', 'chair', 'oakton', 'users'], ['chair']]
    >>> sorted(sorted(office) for office in _offices_in("the Minister for Transport"))  # a minister, of a department
    [['for', 'minister', 'transport'], ['minister']]
    """
    out = set()
    for part in re.split(r"\s+(?:and|&)\s+", title.split(",")[0]):  # "chair, Oakton Alliance": the office, then its body
        words = frozenset(office_words(part))
        out |= {words, words - {"officer"}} if "officer" in words and len(words) > 2 else {words}
        held = re.split(r"\s+(?:of|for)\s+", part.strip(), maxsplit=1)  # "Minister for Transport": a minister
        if len(held) == 2 and held[0].split() and held[0].split()[-1].lower() in ROLE_WORDS:
            out.add(frozenset(office_words(held[0])))
        out |= _kind_of(part)
    out.add(frozenset(office_words(title)))
    return {office for office in out if office}


def _kind_of(office: str) -> set[frozenset[str]]:
    """The plain office a described one is a kind of: a "night-shift nurse" or a "marine biologist" is a nurse or a
    biologist, as asked "the nurse"; a word that makes another office does not ("Deputy Mayor", "Prime Minister",
    "Press Secretary", "Mayor Pro Tem": its last word names no person).

    >>> [sorted(map(sorted, _kind_of(o))) for o in ("night-shift nurse", "Marine Biologist", "Deputy Mayor", "Mayor Pro Tem")]
    [[['nurse']], [['biologist']], [], []]
    """
    words = [w for w in office.lower().split() if w not in ROLE_FILLER]
    if len(words) < 2 or not all(re.fullmatch(r"[a-z][a-z'-]*", w) for w in words):
        return set()
    head = SAME_OFFICE.get(words[-1], words[-1])
    if head in NOT_PERSON_AGENTS or not (head in PERSON_NOUNS or _AGENT_NOUN.fullmatch(head)):
        return set()
    if any(w in ROLE_WORDS or w in TITLE_LOWER or SAME_OFFICE.get(w, w) in ROLE_WORDS for w in words[:-1]):
        return set()
    return {frozenset({head})}


def _spelt_out(words: str) -> str:
    """An office's initials spelt out, so that "the CFO" is written as the "Chief Financial Officer" is."""
    return " ".join(INITIALLED_OFFICES.get(word, word) for word in words.split())


_BODY_LINKS = ("of", "for", "at", "from", "with")  # "the analyst at Eastgate Capital": the body an office is held in
# Words that rank an office rather than say which one it is ("chief" of a chief financial officer and of a chief executive)
_RANKS = {"chief", "head", "senior", "principal", "lead", "deputy", "assistant", "associate", "acting", "interim", "vice",
          "general", "first", "second", "top"}
_AGENT_NOUN = re.compile(r"[a-z]{3,}(?:er|or|ist|ian|man|woman|person)")  # "harbourmaster", "volcanologist", "foreman"


# A name followed by a word that is none of these modifies it ("the Marketing budget"), rather than standing alone
_MODIFIES = re.compile(r"\s+(?!(?:when|while|during|about|on|with|in|to|for|over|regarding|concerning|that|who)\b)\w", re.I)


class SpeakerDirectory:
    """Looks written names and roles up among the corpus's speakers (built from the index's alias table).

    >>> d = SpeakerDirectory([("antony blinken", "Antony Blinken", 1, "name"), ("blinken", "Blinken", 1, "surname")],
    ...                      {1: "Antony Blinken"}, {1: 4})
    >>> d.resolve("Blinken").speaker_id
    1
    >>> d.resolve("Blinkin").suggestions
    ['Antony Blinken']
    """

    def __init__(self, aliases: list[tuple[str, str, int, str]], names_by_id: dict[int, str], passages_by_id: dict[int, int],
                 speaker_kinds: dict[int, str] | None = None, titles: dict[int, list[str]] | None = None):
        self._aliases: dict[str, list[int]] = {}
        self._kinds: dict[str, set[str]] = {}
        for stored, written, speaker_id, kind in aliases:
            key = stored if written.isascii() else alias_key(written)  # without accents, as an older index may not have it
            ids = self._aliases.setdefault(key, [])
            if speaker_id not in ids:
                ids.append(speaker_id)
            self._kinds.setdefault(key, set()).add(kind)
        self.names = names_by_id
        self.passages = passages_by_id
        self.speaker_kinds = speaker_kinds or {}  # person, organisation or role, by speaker id
        self.titles = titles or {}  # every office each speaker is written with, ambiguous ones too
        self._index: AliasIndex | None = None
        self._offices: dict[int, set[frozenset[str]]] | None = None
        self._heads: set[str] | None = None  # the last word of every office the documents give someone
        # Aliases that may match a question written in lower case: not given names or common words.
        self._usable = {k for k, kinds in self._kinds.items() if kinds != {GIVEN} and k not in STOPWORDS and len(k) > 1}

    def resolve(self, phrase: str, scope: dict[int, int] | None = None) -> Resolution:
        """The speaker a phrase names; ``scope`` (passages per speaker in the documents searched) narrows
        a role several people hold to the one who speaks there ("the professor" of one meeting)."""
        key = alias_key(phrase)
        ids = self._aliases.get(key)
        if not ids and key.endswith("s") and key[:-1] in self._aliases:
            ids = self._aliases[key[:-1]]
        if ids:
            ids = self.narrow(ids, scope)
            counts = scope if scope is not None else self.passages
            best = max(ids, key=lambda i: (counts.get(i, 0) > 0, counts.get(i, 0), -i))
            return Resolution(best, sorted(ids), [])
        words = phrase.split()
        if len(words) > 1 and words[0].lower() in HONORIFICS:
            return self.resolve(" ".join(words[1:]), scope)  # "Mrs. Marlowe" where the labels say "MS. MARLOWE"
        return Resolution(None, [], self.suggest(phrase))

    @staticmethod
    def inside(ids: list[int] | tuple[int, ...] | set[int], scope: dict[int, int] | None) -> list[int]:
        """The candidates who speak in the scope."""
        return [i for i in ids if scope is not None and scope.get(i, 0) > 0]

    def narrow(self, ids: list[int] | tuple[int, ...], scope: dict[int, int] | None) -> list[int]:
        """The candidates who speak in the scope, if any do (else all of them)."""
        return self.inside(ids, scope) or list(ids)

    def link(self, question: str, scope: dict[int, int] | None = None) -> list[Mention]:
        """Every speaker the question makes a speaker, each narrowed to the scope (see ``docqa.search.linking``)."""
        out = []
        in_scope = (lambda ids: bool(self.inside(ids, scope))) if scope is not None else None
        for mention in find_mentions(question, self._alias_index(), self._usable, in_scope):
            if not mention.speaking:
                continue
            if " " not in mention.key and re.match(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z]", question[mention.end :]):
                continue  # "the Minister of Seniors" names an office more precise than any alias "minister"
            people = all(self.speaker_kinds.get(i) == "person" for i in mention.speaker_ids)
            article = re.match(r"(?i)(?:the|a|an)\s+", question[mention.start : mention.end])
            # "the Prime Minister" is a person's title, written as one; "the general discussion" is not
            office = bool(self._kinds.get(mention.key, set()) & {TITLE, ROLE}) and article is not None and \
                question[mention.start + article.end()].isupper()
            if people and not office and article is not None:
                continue  # "the evans report": a person's name used as a modifier, not a person speaking
            ids = self.narrow(mention.speaker_ids, scope)
            if len(ids) > 1 and not self._kinds.get(mention.key, set()) & {TITLE, ROLE}:
                counts = scope if scope is not None else self.passages
                ids = self._namesakes(ids, scope) or [max(ids, key=lambda i: (counts.get(i, 0), -i))]
            out.append(Mention(mention.start, mention.end, mention.key, tuple(sorted(ids)), True))
        return out

    def others(self, text: str, scope: dict[int, int] | None, speakers: tuple[int, ...]) -> list[tuple[int, int]]:
        """Where ``text`` names someone other than ``speakers`` who speaks in the scope (None: anywhere), whatever the
        text makes them (the one agreed with, answered, disagreed with): (start, end) offsets.  Only a name or label written with
        capitals and standing as a noun ("with Marketing when …", "Bo Li's idea"), not as a modifier ("Marketing
        positioning") or a common word ("market research").

        >>> d = SpeakerDirectory([("bo li", "Bo Li", 1, "name"), ("marketing", "Marketing", 2, "label")],
        ...                      {1: "Bo Li", 2: "Marketing"}, {1: 3, 2: 3})
        >>> d.others("Bo Li's idea when discussing the levy", {1: 3, 2: 3}, (2,))
        [(0, 5)]
        >>> d.others("the Marketing positioning, the marketing plan", {1: 3, 2: 3}, (1,)), d.others("Bo Li's plan", None, (2,))
        ([], [])
        """
        scope = scope if scope is not None else self.passages
        out = []
        for m in find_mentions(text, self._alias_index(), self._usable, lambda ids: bool(self.inside(ids, scope))):
            named = text[m.start : m.end]
            owner = re.search(r"['’](?:\s?s)?$", named) if m.speaking else None  # "Li's", "Davies'": the mark goes
            end = m.end - len(owner.group()) if owner else m.end
            written = [w for w in re.findall(r"[\w’'.-]+", named) if w.lower() not in ARTICLES | set(HONORIFICS)]
            owned = re.match(r"\s*([\w-]+)", text[m.end :])  # "Bo Li's idea" goes, "Bo Li's plan" is the topic
            if (not self.inside(m.speaker_ids, scope) or set(m.speaker_ids) & set(speakers)
                    or not all(w[0].isupper() for w in written)
                    or not owner and _MODIFIES.match(text, m.end)
                    or owner and (owned is None or owned.group(1).lower() not in VIEW_NOUNS | ASKED_NOUNS)):
                continue
            out.append((m.start, end))
        return out

    def _alias_index(self) -> AliasIndex:
        """The aliases as the linker looks them up, built on first use."""
        if self._index is None:
            roles = {key for key, ids in self._aliases.items() if all(self.speaker_kinds.get(i) == "role" for i in ids)}
            self._index = AliasIndex(self._aliases, roles)
        return self._index

    def _namesakes(self, ids: list[int], scope: dict[int, int] | None) -> list[int]:
        """The people a name several share who speak (in the scope, if given), when more than one does ("Achterberg"
        of a parliament's record and of an interview): all of them, each hit with its own speaker, for the topic
        to choose between; else none (the one heard most is the name's)."""
        counts = scope if scope is not None else self.passages
        speaking = [i for i in ids if counts.get(i, 0) > 0 and self.speaker_kinds.get(i, "person") == "person"]
        return sorted(speaking) if len(speaking) > 1 else []

    def by_title(self, phrase: str, scope: dict[int, int] | None = None) -> int | None:
        """The one speaker a role phrase means by the offices the documents give them: "the mayor", "the Fed
        chair" (the chair whose office names the Fed; else the one written "Chair" rather than "Chairman"),
        "the committee chairman".  None when the phrase names no office, or two people fit it equally.

        >>> d = SpeakerDirectory([], {1: "A", 2: "B"}, {1: 3, 2: 3}, titles={1: ["Chair, Federal Reserve"], 2: ["Chairman"]})
        >>> d.by_title("the Fed chair"), d.by_title("the chairman"), d.by_title("the treasurer")
        (1, 2, None)
        >>> d.by_title("the chair of the federal reserve"), d.by_title("the chair of the central bank")
        (1, None)
        >>> d.by_title("the chair at the Federal Reserve"), d.by_title("the chair from the Fed")
        (1, 1)
        >>> d = SpeakerDirectory([], {1: "A", 2: "B"}, {1: 3, 2: 3},
        ...                      titles={1: ["Chief Executive"], 2: ["Head of the Rail Agency"]})
        >>> d.by_title("the rail safety chief"), d.by_title("the chief executive")
        (2, 1)
        >>> d = SpeakerDirectory([], {1: "A", 2: "B", 3: "C"}, {1: 3, 2: 3, 3: 3},
        ...                      titles={1: ["Counsel for the Defendant"], 2: ["Counsel for the Plaintiff"], 3: ["Mayor"]})
        >>> d.by_title("the defendant's lawyer"), d.by_title("the lawyer for the plaintiff"), d.by_title("the mayor's lawyer")
        (1, 2, None)
        """
        words = [w for w in alias_key(phrase).split() if w not in ARTICLES]
        owner = next((i for i, w in enumerate(words[:-1]) if w.endswith(("'s", "’s"))), None)
        if owner is not None and words[owner][:-2] not in ROLE_WORDS and not any(w in _BODY_LINKS for w in words):
            # "the defendant's lawyer": the lawyer for the defendant (not "the mayor's spokesperson": the mayor's voice)
            held = self.by_title(" ".join(words[owner + 1 :] + ["of"] + [w[:-2] for w in words[: owner + 1]]), scope)
            if held is not None:  # where a title names the owner; else read as before ("the city's mayor")
                return held
        body: list[str] = []
        linking = next((w for w in words[1:] if w in _BODY_LINKS), None)
        if linking is not None and words[-1] not in ROLE_WORDS:  # "the chief executive of the ambulance service"
            at = words.index(linking, 1)  # "the analyst at Eastgate Capital", "… from", "… with"
            words, body = words[:at], [w for w in words[at + 1 :] if w not in _BODY_LINKS]
        if not words or len(words) > 5 or len(body) > 4 or not self._an_office(words[-1]):
            return None
        head, modifiers = words[-1], words[:-1] + body
        office = SAME_OFFICE.get(head, head)
        holders = [i for i, titles in self.titles.items() if i in self.names and any(office in office_words(t) for t in titles)]
        holders = self.inside(holders, scope) if scope is not None else holders  # in a scope: only who speaks there
        holders = [i for i in holders if self.passages.get(i, 0) > 0] or holders

        def says(i: int, word: str) -> bool:  # "fed" in "Federal Reserve", "nato" in "NATO Secretary General"
            return any(w.startswith(word) or (len(word) <= 5 and _initials(t) == word)
                       for t in self.titles[i] + [self.names[i]] for w in _spelt_out(alias_key(t)).split())

        if body:  # "of the fire service": only a holder whose office names that body
            holders = [i for i in holders if all(says(i, m) for m in body)]
        holders = [i for i in holders if not self._other_office(i, modifiers, office)]
        if office not in ROLE_WORDS:  # an office known only from the documents: a speaker who holds it as asked
            holders = [i for i in holders if self.passages.get(i, 0) > 0 and all(says(i, m) for m in modifiers)]
        said = {i: sum(says(i, m) for m in modifiers) for i in holders}
        most = max(said.values(), default=0)
        for fits in (lambda i: all(says(i, m) for m in modifiers) if modifiers else False,
                     lambda i: most > 0 and said[i] == most,  # "the rail agency chief": the chief of the rail agency
                     lambda i: any(head in alias_key(t).split() for t in self.titles[i]),
                     lambda i: True):
            chosen = [i for i in holders if fits(i)]
            if len(chosen) == 1:
                return chosen[0]
            if len(chosen) > 1:
                return None
        return None

    def _other_office(self, i: int, modifiers: list[str], office: str) -> bool:
        """Whether every title of speaker ``i`` is another office of the same kind as the one asked: each side
        qualifies it with words the other lacks and they share none but a rank ("the chief financial officer" is
        not the "Chief Executive Officer", "the finance minister" not the "Minister of Health"; "the minister" and
        "the rail safety chief" for the "Head of the Rail Agency" are).

        >>> d = SpeakerDirectory([], {1: "A"}, {1: 3}, titles={1: ["Chief Executive Officer"]})
        >>> d._other_office(1, ["chief", "financial"], "officer"), d._other_office(1, ["chief", "executive"], "officer")
        (True, False)
        >>> d._other_office(1, [], "officer"), d._other_office(1, ["chief"], "officer")
        (False, False)
        >>> d = SpeakerDirectory([], {1: "A", 2: "B"}, {1: 3, 2: 3}, titles={1: ["Minister of Health"], 2: ["Minister"]})
        >>> d._other_office(1, ["finance"], "minister"), d._other_office(2, ["finance"], "minister")
        (True, False)
        """
        asked = {m for m in modifiers if m not in _RANKS and m not in ARTICLES}
        if not asked:
            return False
        for title in self.titles.get(i, []):
            words = {w for w in _spelt_out(alias_key(title)).split()
                     if w not in _RANKS and w not in ARTICLES and w not in _BODY_LINKS and SAME_OFFICE.get(w, w) != office}
            shared = {m for m in asked if any(w.startswith(m) or m.startswith(w) for w in words)}
            if shared or not words or len(words) > 4:
                return False  # a qualifier in common, a bare office, or a long title that may name the body
        return bool(self.titles.get(i))

    def _an_office(self, word: str) -> bool:
        """Whether a word names an office: one the lexicon knows, or the last word of an office the documents give
        someone ("foreman" of "former quarry foreman", "lockkeeper"), which no list of offices holds all of, if it
        names a person by what they do (a noun of persons, or an agent's ending: "-er", "-ist", "-man" …)."""
        if SAME_OFFICE.get(word, word) in ROLE_WORDS:
            return True
        if self._heads is None:
            self._heads = {alias_key(t).split()[-1] for titles in self.titles.values() for t in titles if alias_key(t).split()}
        return word in self._heads and (word in PERSON_NOUNS or _AGENT_NOUN.fullmatch(word) is not None) \
            and word not in NOT_PERSON_AGENTS  # a person by what they do: not "allele" of a gene's "minor G allele"

    def holders(self, phrase: str, scope: dict[int, int] | None = None) -> list[int]:
        """Everyone who speaks and holds the office a role phrase names, written as that office: "the hosts", "the
        council member" (of three councils' minutes), "the moderator" (a ``MODERATOR:`` label and two moderators
        named in a heading).  A label that is the office itself counts ("HOST:"); a longer office does not ("the
        mayor" is not the Mayor Pro Tem).  Where one of them alone is written with the question's own words for the
        office, only that one ("the chairman", not the Fed's Chair; as ``by_title``).  In a scope, only who speaks
        there.  Empty for a name.

        >>> d = SpeakerDirectory([("host", "HOST", 3, "label"), ("ward", "WARD", 4, "label")], {1: "A", 2: "B", 3: "C", 4: "D"},
        ...                      {1: 2, 2: 5, 3: 1, 4: 3}, titles={1: ["Host"], 2: ["HOST"]})
        >>> d.holders("the hosts"), d.holders("the host", scope={2: 5}), d.holders("Ms. Host"), d.holders("Ward")
        ([1, 2, 3], [2], [], [])
        >>> d.holders("Host A")  # a label naming one voice, not the office
        []
        """
        words = alias_key(without_article(phrase)).split()
        if not words or words[0] in HONORIFICS or any(w in ARTICLES for w in words):
            return []  # a name, or a label such as "PhD A" (a voice, not the office "PhD")
        forms = {" ".join(words), " ".join(w.removesuffix("s") for w in words)}
        offices = [office for office in (frozenset(office_words(form)) for form in forms) if office]
        if self._offices is None:  # each speaker's offices, once per directory (asked of every role phrase)
            self._offices = {i: {office for t in titles for office in _offices_in(t)} for i, titles in self.titles.items()}
        found = {i for i, held in self._offices.items() if any(office in held for office in offices)}
        as_asked = [re.compile(rf"\b{re.escape(_spelt_out(form))}\b") for form in forms]  # "cfo" as "chief financial officer"
        written = {i for i in found if any(p.search(_spelt_out(alias_key(t))) for t in self.titles[i] for p in as_asked)}
        for form in forms:  # an alias that is the office: a title, a role, or a label such as "HOST:" where others hold it
            ids, kinds = self._aliases.get(form, []), self._kinds.get(form, set())
            roles = bool(ids) and all(self.speaker_kinds.get(i) == ROLE for i in ids)
            if kinds & {TITLE, ROLE} or (found and LABEL in kinds) or roles:
                found.update(ids)
                written.update(ids)
        speaking = {i for i in found if i in self.names and self.passages.get(i, 0) > 0}
        speaking = set(self.inside(speaking, scope)) if scope is not None else speaking
        if not speaking and len(words) > 1 and all(w in _MEETING_BODIES for w in words[:-1]):
            return self.holders(words[-1], scope)  # "the committee chair": the chair, where no title names the committee
        # the one written as the question writes the office, if only one is ("the chairman", not the Fed's Chair)
        return sorted(speaking & written if len(speaking & written) == 1 else speaking)

    def named(self, phrase: str, scope: dict[int, int] | None = None) -> tuple[int, ...]:
        """Whom a ``--speaker`` value names: everyone in the office several hold ("the hosts", "the mayor" of two
        towns), everyone who speaks under a name several share, else the one speaker it resolves to; empty for nobody.

        >>> d = SpeakerDirectory([("host", "HOST", 3, "label"), ("ward", "WARD", 4, "label")], {1: "A", 2: "B", 3: "C", 4: "D"},
        ...                      {1: 2, 2: 5, 3: 1, 4: 3}, titles={1: ["Host"], 2: ["HOST"]})
        >>> d.named("the hosts"), d.named("Ward"), d.named("Nobody")
        ((1, 2, 3), (4,), ())
        """
        resolution = self.resolve(phrase)  # the person, wherever they speak; the office's holders, in the scope
        office = self.holders(phrase, scope)
        if office and resolution.speaker_id in {None, *office}:
            return tuple(office)
        if not self._kinds.get(alias_key(phrase), set()) & {TITLE, ROLE}:
            shared = self._namesakes(self.narrow(resolution.candidates, scope), scope)
            if shared:
                return tuple(shared)
        return (resolution.speaker_id,) if resolution.speaker_id is not None else ()

    def suggest(self, phrase: str, limit: int = 3) -> list[str]:
        """Closest known speakers (by any alias) to a name that matched none."""
        key = alias_key(phrase)
        close = difflib.get_close_matches(key, list(self._aliases), n=10, cutoff=0.6)
        out = [name for speaker_id, name in self.names.items() if " " not in key and len(name.split()) > 1
               and alias_key(name.split()[0]) == key and self.passages.get(speaker_id, 0) > 0]  # "Bram": each Bram X
        if len(out) > 1:
            return sorted(out)
        out = []
        for alias in close:
            for speaker_id in self._aliases[alias]:
                name = self.names[speaker_id]
                if name not in out and self.passages.get(speaker_id, 0) > 0:
                    out.append(name)
        return out[:limit]


def _initials(phrase: str) -> str:
    """The initials of a phrase, as an acronym.

    >>> _initials("North Atlantic Treaty Organization")
    'nato'
    """
    return "".join(w[0] for w in phrase.split() if w[:1].isalpha()).lower()
