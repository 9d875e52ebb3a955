"""Person names and titles in running text and in labels: "U.S. Secretary of State Antony Blinken",
"MS. PSAKI", "Jean-Yves Le Drian", "EU foreign policy chief Josep Borrell".

Pure string rules over the shared lexicon (``docqa.language.lexicon``): a capitalised run is
split into a title (up to its last role word) and a name; the surname keeps its particles ("Le
Drian", "von der Leyen").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from docqa.attribution import gender
from docqa.language.lexicon import (
    ABBREVIATED,
    DOMAIN_WORDS,
    HONORIFICS,
    ORG_WORDS,
    PARTICLES,
    PERSON_NOUNS,
    ROLE_WORDS,
    SUFFIXES,
    TITLE_ABBREVIATIONS,
    TITLE_LOWER,
    office_words,
)
from docqa.language.tokens import strip_possessive
from docqa.language.words import CAPITALS, HEADING_PREPOSITIONS, STOPWORDS

_TOKEN = (
    r"(?:(?:[A-Z]\.){2,}|(?:" + "|".join(sorted(TITLE_ABBREVIATIONS, key=len, reverse=True)) + r")\."
    r"|[A-Z]\.(?=[ \t]+[A-Z])|[" + CAPITALS + r"][A-Za-z\u00C0-\u024F'’\-]*|[a-z]{1,4}['’][A-Z][A-Za-z\u00C0-\u024F'’\-]*)"
)
_PARTICLE = r"(?:" + "|".join(sorted((re.escape(p) for p in PARTICLES), key=len, reverse=True)) + r")"
# A capitalised preposition or conjunction ends a run: a headline's "President Biden Before Marine One Departure",
# "Prime Minister X Before Bilateral Meeting" ("To", a surname too, is left out)
_RUN_BREAK = r"(?!(?:" + "|".join(sorted(w.capitalize() for w in HEADING_PREPOSITIONS | {"and"})) + r")\b)"
RUN = re.compile(  # words apart by spaces: a tab parts a table's cells ("Speaker<TAB>Text" is no "Speaker Text")
    r"(?<![\w’'])" + _TOKEN + r"(?:[ ]+(?:(?:" + _PARTICLE + r"|of(?:[ ]+the)?)[ ]+)*" + _RUN_BREAK + _TOKEN + r")*"
)


@dataclass(frozen=True)
class NameParts:
    """A mention split into title and name.

    >>> parse_name("U.S. Secretary of State Antony Blinken")
    NameParts(title='U.S. Secretary of State', honorific='', given='Antony', surname='Blinken', gender=None)
    """

    title: str
    honorific: str
    given: str
    surname: str
    gender: str | None

    @property
    def full(self) -> str:
        return f"{self.given} {self.surname}".strip()


# A sentence's first word, capitalised there, that is never part of the name after it: a conjunction or an adverb
_OPENING = re.compile(r"(?:When|Whenever|After|Before|While|Whilst|If|Since|Because|Although|Though|Once|Until|Unless"
                      r"|But|Then|Yet|Meanwhile|However)[ ]+")


def runs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Capitalised runs (candidate names and titles) in ``text[start:end]``, as offsets.

    >>> t = "talks with EU chief Josep Borrell. When Bo Li called, …"
    >>> [t[s:e] for s, e in runs(t)]
    ['EU', 'Josep Borrell', 'Bo Li']
    """
    out = []
    for match in RUN.finditer(text, start, len(text) if end is None else end):
        s, e = match.span()
        opening = _OPENING.match(text, s, e)  # "When Ana Ruiz first told me …": the name is Ana Ruiz
        s = opening.end() if opening is not None and opening.end() < e else s
        last = text[s:e].rsplit(None, 1)[-1]
        if last.endswith(".") and last.lower() not in ABBREVIATED and not re.fullmatch(r"(?:[A-Z]\.)+", last):
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def fullest(written: list[str]) -> str | None:
    """The fullest written form of a name: mixed case before upper case, then most words, then longest.

    >>> fullest(["BLINKEN", "Antony Blinken", "ANTONY BLINKEN"])
    'Antony Blinken'
    """
    mixed = [n for n in written if not n.isupper()]
    pool = mixed or written
    return max(pool, key=lambda n: (len(n.split()), len(n))) if pool else None


_LOWER_PARTICLES = {"von", "van", "der", "den", "de", "du", "da", "di", "del", "della", "dos", "das", "ter", "ten", "zu", "bin",
                    "ibn"}


def in_capitals(word: str) -> bool:
    """Whether a word is printed in capitals, a "Mc" kept in its usual case aside ("McGRATH", "OYELARAN-McGRATH").

    >>> in_capitals("McGRATH"), in_capitals("OYELARAN-McGRATH"), in_capitals("McGrath")
    (True, True, False)
    """
    return re.sub(r"(?:(?<=^)|(?<=-))Mc(?=[A-Z]{2})", "MC", word).isupper()


def name_case(name: str) -> str:
    """A name printed in capitals, as a person writes it ("JEAN-PIERRE" -> "Jean-Pierre", "O'NEILL" -> "O'Neill"),
    word by word, so that "BEATRIZ Kwan" is "Beatriz Kwan".

    >>> name_case("URSULA VON DER LEYEN"), name_case("MCDONALD"), name_case("BEATRIZ Kwan"), name_case("Antony Blinken")
    ('Ursula von der Leyen', 'McDonald', 'Beatriz Kwan', 'Antony Blinken')
    >>> name_case("OYELARAN-McGRATH")
    'Oyelaran-McGrath'
    """
    out = []
    for i, word in enumerate(name.split()):
        if in_capitals(word) and len(word.strip(".")) > 1:
            word = re.sub(r"(^|-)Mc([a-z])", lambda m: m.group(1) + "Mc" + m.group(2).upper(), word.title())  # McDONALD
            word = word.lower() if i and word.lower() in _LOWER_PARTICLES else word
        out.append(word)
    return " ".join(out)


def display_name(written: list[str], labels: list[str], given: str, surname: str, person: bool) -> str:
    """How a speaker is shown: the fullest real name written anywhere (most words, a hyphen's parts counted; of
    equal ones, one not in capitals, then one with the hyphen and the accents: "Folasade Oyebanji-Croft" and
    "Nanette Barragán", not a transcript's "Folasade Oyebanji Croft" and "Nanette Barragan"), else a person's name
    from their label without its title, in a person's case ("Chair HALLORAN" -> "Halloran"), else the label as written
    (roles: "QUESTION", "Lecturer Q").

    >>> display_name(["ANTONY BLINKEN", "Antony Blinken"], ["ANTONY BLINKEN"], "Antony", "Blinken", True)
    'Antony Blinken'
    >>> display_name(["BEATRIZ KWAN", "Kwan"], ["Admiral KWAN"], "BEATRIZ", "Kwan", True)
    'Beatriz Kwan'
    >>> display_name([], ["Sen. RUIZ", "Senator RUIZ"], "", "RUIZ", True)
    'Ruiz'
    >>> display_name([], ["QUESTION"], "", "", False)
    'QUESTION'
    """
    pool = list(written) + ([f"{given} {surname}".strip()] if person and surname else [])
    if pool:
        best = max(pool, key=lambda n: (len(re.split(r"[\s-]+", n.strip("-"))), not n.isupper(), "-" in n, not n.isascii(),
                                        len(n)))
        return name_case(best) if person else best
    return labels[0] if labels else surname


def is_role_word(token: str) -> bool:
    return token.lower().strip(",") in ROLE_WORDS


_PRO_TEM = {"tem", "tem.", "tempore"}


def uninverted(name: str) -> str:
    """A name a directory writes surname first ("Ferreira, Marisol", as mail and meeting directories list people) in
    the usual order; any other name as it is ("Ruiz, Jr.", "Acme, Inc.": a suffix after the comma, not a first name).

    >>> uninverted("Ruiz, Ana"), uninverted("Ana Ruiz"), uninverted("Ruiz, Jr."), uninverted("Acme, Inc.")
    ('Ana Ruiz', 'Ana Ruiz', 'Ruiz, Jr.', 'Acme, Inc.')
    """
    if name.count(",") != 1:
        return name
    surname, given = (part.strip() for part in name.split(","))
    if not surname or " " in surname or not given or given.lower().rstrip(".") in SUFFIXES | ORG_WORDS:
        return name
    return f"{given} {surname}"


def parse_name(phrase: str, upper: bool = False) -> NameParts | None:
    """Split a capitalised run (or an upper-case label, ``upper=True``) into title and name.

    Returns None when no name remains (a bare title such as "Secretary General").

    >>> parse_name("Jean-Yves Le Drian").surname
    'Le Drian'
    >>> parse_name("MS. PSAKI", upper=True)
    NameParts(title='', honorific='MS.', given='', surname='PSAKI', gender='f')
    >>> parse_name("Secretary General") is None
    True
    >>> parse_name("FOIA’ed Okoro") is None, parse_name("NATO’s Okoro").title, parse_name("Okoro Dr. Okoro").given
    (True, 'NATO', '')
    >>> parse_name("Surgeon General Dr. Ada Okoro")
    NameParts(title='Surgeon General', honorific='Dr.', given='Ada', surname='Okoro', gender=None)
    >>> parse_name("A Conversation With Captain Ada Okoro").title, parse_name("Governor Okoro’s Budget Office").surname
    ('Captain', 'Okoro')
    """
    words = phrase.split()
    if words and words[-1].lower().rstrip(",") in SUFFIXES:
        words = words[:-1]
    if words and words[0].lower() == "the":
        words = words[1:]
    while len(words) > 1 and re.fullmatch(r"\d{1,3}[/.)]|[—–-]", words[0]):
        words = words[1:]  # "2/ Cllr Ana Ruiz" of a numbered thread: the number is no part of her title
    if not words:
        return None
    honorific = ""
    gender: str | None = None
    if len(words) > 2 and words[0].lower() == "right" and words[1].lower() in ("hon.", "hon", "honourable", "honorable"):
        words = words[1:]  # "Right Hon. Justin Trudeau": one honorific, not a title "Right"
    if len(words) > 1 and re.fullmatch(r"[A-Z][A-Z.]*[A-Z]['’]s", words[0]):  # "NATO's Stoltenberg": the body's person
        parts = parse_name(" ".join(words[1:]), upper=upper)
        return replace(parts, title=f"{words[0][:-2]} {parts.title}".strip()) if parts is not None else None
    inner = [i for i, w in enumerate(words[1:-1], 1) if w.lower() in _ABBREVIATED_HONORIFICS
             and not any(v.lower().rstrip(",") in ROLE_WORDS | TITLE_LOWER for v in words[:i])]  # not "Surgeon General Dr. X"
    if inner:
        words = words[inner[-1]:]  # "Marlowe Dr. Marlowe": two runs glued together; the name is the one the honorific opens
    if len(words) > 1 and plural_title(words[0]):
        # "Doctors Marlowe and Quade", "Senators Marlowe and Quade", "Councilmembers Paul Szymanski, Lena …": a title
        # several people share, not a first name; the first of them follows it
        if len(words) == 2:
            return replace(parse_name(words[-1], upper=upper) or NameParts("", "", "", words[-1], None), title="")
        parts = parse_name(" ".join(words[1:]), upper=upper)
        return replace(parts, title="") if parts is not None and parts.given else None
    if words[0].lower() in HONORIFICS:
        honorific = words[0]
        gender = HONORIFICS[words[0].lower()]
        words = words[1:]
    words = _without_place(words)
    last_role = -1
    for i, word in enumerate(words):
        low = word.lower()
        if low in ROLE_WORDS or (i < len(words) - 1 and "-" in low and any(p in ROLE_WORDS for p in low.split("-"))):
            last_role = i  # "Secretary", "President-Elect"
        elif low == "of" and i + 1 < len(words):
            last_role = i
        elif last_role >= 0 and i == last_role + 1 and (low == "pro" or (low in _PRO_TEM and words[i - 1].lower() == "pro")):
            last_role = i  # "Mayor Pro Tem Ostrowski", "Speaker pro tempore": one office
        elif low in HONORIFICS and i == last_role + 1:
            honorific, gender, last_role = word, HONORIFICS[low], i
    if last_role >= 0 and words[last_role].lower() == "of":
        return None  # "Editor in Chief of Calea Europeana": what follows "of" is a body, not a name
    of_at = [i for i, w in enumerate(words[: last_role + 1]) if w.lower() == "of"]
    if of_at and of_at[-1] + 1 <= last_role and words[of_at[-1] + 1].lower() not in ROLE_WORDS | TITLE_LOWER:
        return None
    leading = 0
    while leading < last_role and words[leading].lower() in STOPWORDS | {"former"}:
        leading += 1  # "Will President Biden…", "And Secretary Blinken…": the sentence's words, not the title's
    for i in range(leading, last_role):
        if words[i].lower() in STOPWORDS - ROLE_WORDS - TITLE_LOWER - _IN_OFFICES:
            leading = i + 1  # "A Conversation With Captain Monteiro": a headline's words, then the title
    title = " ".join(w for w in words[leading : last_role + 1] if w.lower() not in HONORIFICS)
    name = words[last_role + 1 :]
    owner = next((i for i, w in enumerate(name[:-1]) if strip_possessive(w) != w), None)
    if owner is not None:
        name = [*name[:owner], strip_possessive(name[owner])]  # "President Trump’s Inauguration Day": Trump, and his day
    if upper and last_role >= 0 and len(name) >= 3 and not any(w.lower() in PARTICLES for w in name):
        # "CHIEF ENGINEER DANA LEE": upper-case labels stack titles; the name is the last two words
        title = " ".join([title, *name[:-2]])
        name = name[-2:]
    if not name:
        return None
    at = 0
    if len(name) >= 3 and not upper:
        at = _first_name_at(name)
    elif len(name) >= 3 and last_role < 0:  # "HARBOUR MASTER INGRID X": an office no role word names, then a first name
        at = _first_name_at([w.title() for w in name])
    if at > 0:  # "Ecologist Ben Corrigan", "Fire Marshal Curtis Bell": capitalised job words before a first name
        title = " ".join([title, *(w for w in name[:at] if w.lower() not in STOPWORDS)]).strip()  # not "For Ben Corrigan"'s
        name = name[at:]
    if len(name) >= 2 and _INITIALS.fullmatch(name[0]) and name[0].upper() not in _PLACE_ACRONYMS \
            and not any(_is_acronym(w) for w in name[1:]):
        name = [*(f"{letter}." for letter in name[0].replace(".", "")), *name[1:]]  # "A.J. Ruiz" is A. J. Ruiz
    if any(_is_acronym(w) for w in name) and not upper:
        return None  # "NATO", "U.S." are not names
    if any(re.fullmatch(r"[A-Z]{2,}['’][a-z]+", w) for w in name):
        return None  # "FOIA’ed", "NATO’s": an acronym made a verb or a possessive, not a first name
    if len(name) > 5:
        return None
    given, surname = _split_given(name)
    if not surname or strip_possessive(surname).lower() in ROLE_WORDS or (not given and not any(c.isalpha() for c in surname)):
        return None  # "214 points by …": a number alone is no one's name (a phone number, "+1 555 0147", stands for someone)
    return NameParts(title=title, honorific=honorific, given=given, surname=strip_possessive(surname), gender=gender)


_ABBREVIATED_HONORIFICS = {"mr.", "mrs.", "ms.", "dr.", "prof."}
_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")  # a first name's initials run together: "J.D.", "A.J."
_PLACE_ACRONYMS = {"U.S.", "U.K.", "U.N.", "E.U.", "D.C.", "L.A.", "N.Y.", "U.A.E."}  # before a word, a place's
_IN_OFFICES = {"of", "for", "and", "the", "to", "on", "in", "at"}  # "Minister of State for Trade and Industry"
_PLURAL_HONORIFICS = {"drs.", "drs", "messrs.", "messrs", "mmes.", "mmes", "doctors", "profs.", "professors"}


def plural_title(word: str) -> bool:
    """A title in the plural, which several people share ("Doctors", "Senators", "Drs.", "Secretaries").

    >>> [plural_title(w) for w in ("Doctors", "Senators", "Secretaries", "Drs.", "Ambassadors", "Desmond", "Ross")]
    [True, True, True, True, True, False, False]
    """
    low = word.lower().rstrip(",")
    if low in _PLURAL_HONORIFICS:
        return True
    return (low.endswith("ies") and low[:-3] + "y" in ROLE_WORDS) or (low.endswith("s") and low[:-1] in ROLE_WORDS)


def _without_place(words: list[str]) -> list[str]:
    """A name without the place or body after it: "Antoine Beaulieu of Saltmarsh" -> "Antoine Beaulieu", while
    "Secretary of State Antony Blinken" keeps its "of" (a title's, after a role word).

    >>> _without_place("Antoine Beaulieu of Saltmarsh".split()), _without_place("Secretary of State Antony Blinken".split())
    (['Antoine', 'Beaulieu'], ['Secretary', 'of', 'State', 'Antony', 'Blinken'])
    """
    for i in range(1, len(words) - 1):
        before = words[i - 1].lower().strip(",")
        if words[i].lower() == "of" and before not in ROLE_WORDS and before not in TITLE_LOWER and words[i - 1][:1].isupper():
            return words[:i]
    return words


def _first_name_at(name: list[str]) -> int:
    """Where a known first name starts the person's name: 0 for "Ben Corrigan", 2 for "Fire Marshal Curtis
    Bell"; 0 also when none is known, or when a particle or hyphenated name makes the guess unsafe, except after
    person nouns ("Shopkeeper Dev Pillai": 1).

    >>> _first_name_at(["Shopkeeper", "Dev", "Pillai"]), _first_name_at(["Baker", "Mayfield"]), _first_name_at(["Ada", "Okoro"])
    (1, 0, 0)
    """
    from docqa.attribution.gender import from_first_name

    jobs = 0  # "Shopkeeper Dev Pillai": a person noun written before a first name no list knows
    while jobs < len(name) - 2 and name[jobs].lower() in PERSON_NOUNS:
        jobs += 1
    for at, word in enumerate(name[:-1]):
        if word.lower() in PARTICLES - {"ben"} or "-" in word or not word[:1].isupper():
            return jobs if at >= jobs else 0
        if from_first_name(word) is not None:
            return at
    return jobs


_SURNAME_PREFIXES = {"le", "la", "de", "du", "van", "von", "der", "den", "del", "della", "di", "da", "dos", "das", "al", "el",
                     "ó", "ní", "nic", "uí"}


def _split_given(name: list[str]) -> tuple[str, str]:
    if len(name) == 1 or name[0].lower() in _SURNAME_PREFIXES:  # "Le Drian", "von der Leyen" (not "Ben Corrigan")
        return "", " ".join(name)
    for i in range(1, len(name)):
        if name[i].lower() in PARTICLES and i < len(name) - 1:
            return " ".join(name[:i]), " ".join(name[i:])
    given = [w for w in name[:-1]]
    return " ".join(given), name[-1]


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def preceding_title(text: str, run_start: int, floor: int) -> int:
    """Start of lower-case title words written before a capitalised run ("EU foreign policy chief ").

    Returns ``run_start`` when there are none, so that ``text[result:run_start]`` is the extra title.
    """
    pos = run_start
    best = run_start
    seen_role = False
    # an office in lower case before a full name with a first name the list knows ("team manager Ana Ruiz"), not a verb
    # before a surname ("… host Oakton") nor a word before a plural ("fellow Cabinet Secretaries")
    given = re.match(r"([A-Z][\w'’-]+)[ \t]+[A-Z][\w'’-]", text[run_start : run_start + 80])
    full_name = given is not None and gender.from_first_name(given.group(1)) is not None
    while pos > floor:
        match = re.search(r"([A-Za-z][\w.\-’']*)[ \t]+$", text[max(floor, pos - 40) : pos])
        if not match:
            break
        word = match.group(1)
        low = word.lower()
        if low in TITLE_LOWER or (word.islower() and low in ROLE_WORDS - DOMAIN_WORDS - {"fellow"} and full_name) \
                or (word[0].isupper() and (_is_acronym(word) or low in ROLE_WORDS) and seen_role):
            pos = pos - len(match.group(0))
            if low in ROLE_WORDS or low in TITLE_LOWER - {"of", "the", "and", "former", "then"}:
                seen_role = seen_role or low in ROLE_WORDS
            if seen_role:
                best = pos
            continue
        if seen_role and best == pos and word.isalpha() and word[0].isupper() and low not in STOPWORDS \
                and not low.endswith("ly") and text[best:run_start].islower():
            best = pos - len(match.group(0))  # "Oakton manager Ana Ruiz": the office's owner before it
        break
    return best if seen_role else run_start


def titles_agree(mine: list[str], theirs: list[str]) -> bool:
    """Whether a surname-only mention's titles can be the full-name speaker's: "Ambassador Sullivan" is not
    Jake Sullivan the national security adviser; no titles on either side says nothing against it.

    >>> titles_agree(["Ambassador"], ["National Security Adviser"]), titles_agree(["Secretary"], ["Secretary of State"])
    (False, True)
    """
    if not mine or not theirs:
        return True
    if not places_agree(mine, theirs):
        return False
    heads = {w for t in mine for w in office_words(t)} - DOMAIN_WORDS
    return not heads or any(heads & office_words(t) for t in theirs)


def places_agree(mine: list[str], theirs: list[str]) -> bool:
    """Whether the places two records' labels give ("Mr. GARCIA of Illinois": "of Illinois", which tells two members
    of one name apart) can be one person's: a place on each side and none in common says two people.

    >>> places_agree(["of Arizona"], ["of Texas"]), places_agree(["of Arizona"], ["Chair"]), places_agree([], ["of Ohio"])
    (False, True, True)
    """
    here = {t for t in mine if is_place(t)}
    there = {t for t in theirs if is_place(t)}
    return not here or not there or bool(here & there)


def is_place(title: str) -> bool:
    """Whether a title is the place a label gives ("of Illinois", from "Mr. GARCIA of Illinois"), not an office."""
    return title.startswith("of ")
