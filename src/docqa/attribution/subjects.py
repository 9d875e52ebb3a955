"""Who a speech cue's subject is: a name, a pronoun, a role or an organisation, resolved among the
entities of one document ("he", "the NATO chief", "Blinken", "The White House").
"""

from __future__ import annotations

import re

from docqa.attribution import cues, gender
from docqa.attribution.entities import (
    ORGANISATION,
    PERSON,
    POSSESSIVES,
    PRONOUNS,
    Entities,
    Entity,
    capitalised,
    first_name,
    is_organisation,
    name_word,
    title_word,
)
from docqa.attribution.names import parse_name, runs
from docqa.language.labels import SECTION_HEADINGS
from docqa.language.lexicon import (
    NOBODY_IN_PARTICULAR,
    NOT_AGENTS,
    NOT_PERSON_AGENTS,
    ORG_WORDS,
    ROLE_WORDS,
    compound_office,
    names_a_doer,
    office_words,
)
from docqa.language.tokens import role_key, strip_possessive, without_article
from docqa.language.words import HEADING_PREPOSITIONS

# Common nouns a story uses for a body it has named: "the agency" is the Federal Motor Safety Agency.
_BODY_NOUNS = {"agency", "university", "commission", "department", "ministry", "council", "union", "association",
               "hospital", "college", "court", "committee", "board", "foundation", "institute", "museum", "bank", "church",
               "office", "bureau", "authority", "administration", "utility", "district", "service", "police", "co-operative",
               "cooperative", "co-op", "federation", "coalition", "alliance", "society", "charity", "trust"}
# Nouns a story calls a body by after naming it with the noun before its name ("ferry operator Oakton Lines",
# "the energy company Voltra"): "the company said" is that body
_BODIES_ONLY = {"company", "firm", "airline", "retailer", "manufacturer", "insurer", "lender", "chain", "group", "startup",
                "broadcaster", "network", "club", "team", "school", "organisation", "organization", "nonprofit", "carmaker",
                "automaker", "supermarket"}
_BODY_NOUNS |= _BODIES_ONLY
_KIND_NOUNS = _BODIES_ONLY | {"operator", "developer", "publisher", "provider", "carrier"}  # also a person's trade
_ANY_KIND = {"company", "firm", "business", "group", "organisation", "organization"}  # whatever kind of body it is
_SPOKESPEOPLE = {"spokesperson", "spokesman", "spokeswoman"}  # speak for the body named before them
_CONNECTORS = {"of", "for", "on", "and", "the", "&", "de"}  # inside names of bodies: "the Center for Rural Health Policy"
# What a role's head word may be called in a title ("the NATO chief" ~ "Secretary General").
_HEAD_SYNONYMS = {
    "diplomat": {"state", "foreign", "ambassador", "envoy", "diplomat", "diplomacy"},
    "chief": {"general", "secretary-general", "director", "director-general", "head", "president", "chair", "chief", "chairman",
              "leader", "commissioner"},
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


def resolve_subject(entities: Entities, phrase: str, recent: list[Entity]) -> tuple[Entity | None, str]:
    """Who a speech cue's subject is: ("he", "the NATO chief", "Blinken", "The White House").

    Returns (entity or None, how) with how one of "name", "pronoun", "role".
    """
    phrase = re.sub(r"^" + cues.RUN_IN_HEADING, "", phrase.strip().strip(","))  # the parse's subject may keep it
    phrase = phrase[phrase.rfind("\n") + 1 :]  # nor a heading on the line above ("Budget" over "The clerk said")
    low = phrase.lower()
    if low in SECTION_HEADINGS and phrase.isupper():
        return None, "name"  # "CONCLUSIONS" read by the model as the subject: a section, not a speaker
    if low in PRONOUNS:
        return _pronoun(entities, PRONOUNS[low], recent), "pronoun"
    words = phrase.split()
    if not words or len(words) > 10:
        return None, "name"
    if len(words) == 1 and (short := entities.abbreviations.get(words[0])) is not None:
        return entities.touch(short), "name"  # "AR reported that …": the Ana Ruiz whom the list of those present calls AR
    if len(words) == 1 and entities.by_surname(words[0]) is not None:
        return entities.touch(entities.by_surname(words[0])), "name"  # "Whitlock said": the person, whatever the model thinks
    holder = _holder(entities, phrase)
    if holder is not None:
        return entities.touch(holder), "role"  # "The Town Clerk explained": the one person the document gave that office
    if (found := described(entities, words[1:] if words[0].lower() == "the" else words if len(words) == 1 else [])) is not None:
        # "the Democrat said", "the 54-year-old said", "the Oakton native said" (the parse may keep only "Democrat")
        return entities.touch(found), "role"
    if entities.named_as(phrase) in ("ORG", "NORP", "GPE") and not any(w.lower() in ROLE_WORDS for w in words[:1]) \
            and not _has_first_name(phrase):
        return entities.organisation(phrase), "name"  # the model says it is a body: "Sunmark Energy", "Lakeview Health"
    if words[0].lower() in ("the", "a", "an"):
        rest = words[1:]
        if words[0].lower() == "the" and len(rest) == 1 and rest[0][:1].isdigit() and describes_a_person(rest):
            subject = entities.last_subject  # "the 19-year-old said": an age, not a body called "19-year-old"
            return (entities.touch(subject), "role") if subject is not None and subject.kind == PERSON else (None, "role")
        org_word = strip_possessive(rest[-1]).lower() in ORG_WORDS if rest else False
        if rest and capitalised(rest[0]) and capitalised(rest[-1]) and all(capitalised(w) or w in _CONNECTORS for w in rest) \
                and (org_word or not any(w.lower() in ROLE_WORDS for w in rest)):
            body = " ".join(rest)
            if entities.is_named(body) or strip_possessive(rest[-1]).lower() in ORG_WORDS:
                return entities.organisation(body), "name"
            return None, "name"
        if len(rest) == 1 and rest[0].lower() in _BODY_NOUNS:
            return _named_body(entities, rest[0]), "name"  # "the agency said": the one agency the document names
        if 2 <= len(rest) <= 5 and rest[-1].lower() in _SPOKESPEOPLE:  # "a council spokesman", "a Home Office spokesperson"
            body_words = rest[:-1]
            body = " ".join(body_words)
            if capitalised(body_words[0]) and all(capitalised(w) or w in _CONNECTORS for w in body_words):
                return entities.organisation(body), "name"
            if all(w.islower() for w in body_words) and strip_possessive(body_words[-1]) in _BODY_NOUNS:
                return _named_body(entities, body) or entities.organisation(body), "name"
        if len(rest) == 2 and rest[1].lower() in _SPEAKING_FOR and strip_possessive(rest[0]) != rest[0] \
                and (person := _person_described(entities, "the " + strip_possessive(rest[0]), recent)) is not None:
            return _speaking_for(entities, rest[1], person), "role"  # "the mayor's office": the mayor's, not the mayor
        if 3 <= len(rest) <= 6 and rest[0].lower() in _SPOKESPEOPLE and rest[1] == "for" and rest[2] == "the" \
                and all(re.fullmatch(r"[a-z][\w.'’-]*", w) for w in rest[3:]) \
                and (person := _person_described(entities, " ".join(rest[2:]), recent)) is not None:
            return _speaking_for(entities, rest[0], person), "role"  # "a spokeswoman for the mayor": the mayor's
        if 3 <= len(rest) <= 8 and rest[0].lower() in _SPOKESPEOPLE and rest[1] in ("for", "at") \
                and capitalised(rest[2] if rest[2] != "the" or len(rest) == 3 else rest[3]) \
                and all(capitalised(w) or w in _CONNECTORS for w in rest[2:]):
            # "a spokesperson for Harborline Mutual": the body it speaks for
            spoken_for = " ".join(rest[3:] if rest[2] == "the" else rest[2:])
            known = _person_described(entities, spoken_for, recent) if len(rest) == 3 else None
            if known is not None:  # "a spokesman for Ruiz": the Ruiz the story named, not a body called "Ruiz"
                return _speaking_for(entities, rest[0], known), "role"
            person = parse_name(spoken_for) if _has_first_name(spoken_for) or entities.named_as(spoken_for) == "PERSON" else None
            if person is not None and person.given:  # "a spokesperson for Mayor Ana Ruiz": hers, not Ana Ruiz's words
                return _speaking_for(entities, rest[0], entities.person(person, written=person.full)), "role"
            return entities.organisation(spoken_for), "name"
        if 2 <= len(rest) <= 4 and all(w.islower() for w in rest) and strip_possessive(rest[-1]) in _BODY_NOUNS:
            # "the state transportation department said": the body the document names, else the body so described
            cut = max((i for i, w in enumerate(rest[:-1]) if w in ("for", "of", "at")), default=-1)  # "spokesperson for the X"
            body = " ".join(w for w in rest[cut + 1 :] if w != "the") if cut >= 0 else " ".join(rest)
            named = _named_body(entities, strip_possessive(body))
            return named or (entities.organisation(body) if len(body.split()) > 1 else None), "name"  # not "company"
        if rest and all(title_word(w) for w in rest):
            return describe(entities, " ".join(rest), recent), "role"
        if len(rest) >= 2 and rest[0][:1].islower() and strip_possessive(rest[0]) != rest[0]:
            office = " ".join(rest[1:])  # "the town's fire chief": the fire chief the document names
            holder = _holder(entities, "the " + office)
            if holder is not None:
                return entities.touch(holder), "role"
            if all(title_word(w) for w in rest[1:]):
                return describe(entities, office, recent), "role"
        if words[0].lower() == "the" and describes_a_person(rest):
            subject = entities.last_subject  # "Ferry captain Angus Rowe has crossed … “…,” the skipper said": Rowe
            return (entities.touch(subject), "role") if subject is not None and subject.kind == PERSON else (None, "role")
        return None, "role"
    if len(words) == 2 and words[1].lower() in _SPEAKING_FOR and strip_possessive(words[0]) != words[0]:
        person = _person_described(entities, strip_possessive(words[0]), recent)  # "Ruiz's office said": hers, not Ruiz's
        if person is not None:
            return _speaking_for(entities, words[1], person), "role"
    if len(words) == 2 and words[1].lower() in _SPEAKING_FOR and POSSESSIVES.get(words[0]) in PRONOUNS:
        # "his spokesman said": his, as "Ruiz's spokesman" is hers
        person = _pronoun(entities, PRONOUNS[POSSESSIVES[words[0]]], recent)
        if person is not None and person.kind == PERSON:
            return _speaking_for(entities, words[1], person), "role"
    if not all(name_word(w) for w in words):
        # "harbour master Marco Bellini": a full name at the end, whatever title words come before
        tail = len(words)
        while tail > 0 and capitalised(words[tail - 1]) and words[tail - 1].lower() not in ROLE_WORDS:
            tail -= 1
        name = words[tail:]
        if len(name) < 2 or tail == 0 or not all(w.islower() or title_word(w) for w in words[:tail]) \
                or next((w for w in reversed(words[:tail]) if w not in ("the", "a", "an")), "") in _PLACING:
            return None, "name"  # "one nurse at Oakton Clinic": the name is where the speaker works, not who
        if is_organisation(name) and (len(name) > 2 or gender.from_first_name(name[0], strict=True) is None):
            return entities.organisation(" ".join(name)), "name"  # "commuter group Oakton Riders Alliance": a body
        parts = parse_name(" ".join(name))
        if parts is None or not parts.given:
            return None, "name"
        entity = entities.person(parts, written=parts.full)
        title = " ".join(words[:tail])
        if title not in entity.titles:
            entity.titles.append(title)
        return entity, "name"
    if len(words) == 1 and re.sub(r"s$", "", words[0].lower()) in ROLE_WORDS | NOBODY_IN_PARTICULAR:
        return None, "name"  # "Ministers agree ...", "Officials said ...": people, but nobody in particular
    if is_organisation(words) and (entities.is_named(phrase) or len(words) > 1):
        return entities.organisation(phrase), "name"
    parts = parse_name(phrase)
    if parts is None:
        if all(w.lower() in ROLE_WORDS or capitalised(w) for w in words) and any(w.lower() in ROLE_WORDS for w in words):
            return describe(entities, phrase, recent), "role"
        return None, "name"
    if not parts.title and not parts.given and not parts.honorific:
        known = entities.by_surname(parts.surname) or entities.by_given(parts.surname)
        if known is not None:
            return entities.touch(known), "name"
    if not parts.title and not parts.honorific and not entities.is_named(phrase):
        known = entities.by_surname(parts.surname, first_name(parts.given)) if parts.given else None
        if known is None or (known.given and first_name(known.given) != first_name(parts.given)):
            return None, "name"  # a capitalised phrase nothing backs as a person ("When", "After Trump")
    return entities.person(parts, written=parts.full if parts.given else None), "name"


_PLACING = HEADING_PREPOSITIONS | {"of", "near", "to"}  # before a name that is not the subject: where the speaker works


# Beside a name, what a story says of the person: "X, 54, a Democrat and former county prosecutor," "X, a father of three,"
_DESCRIPTION = re.compile(r",[ \t]+(?:(?P<age>\d{1,3}),[ \t]+)?(?:(?:an?)[ \t]+(?P<desc>[^,.;:“”\"()\n]{2,80}?))?(?=[ \t]*[,.;])")
_DESCRIPTION_FILLER = {"a", "an", "the", "and", "of", "from", "in", "at", "for", "with", "who"}


def note_description(text: str, start: int, end: int, entities: Entities) -> None:
    """Record, by surname, the words a story writes beside the full name ``text[start:end]`` (a run of ``names.runs``)
    to describe the person (an age, "a Republican", "a father of three", "a nurse from Oakton"), for the definite
    descriptions that stand for them later (``described``)."""
    match = _DESCRIPTION.match(text, end)
    if match is None or not (match.group("age") or match.group("desc")):
        return
    parts = parse_name(text[start:end])
    if parts is None or not parts.given or not parts.surname:
        return
    words = _description_words(match.group("desc") or "")
    if match.group("age"):
        words.add(f"{match.group('age')}-year-old")
    if words:
        entities.described.setdefault(parts.surname.lower(), set()).update(words)


def _description_words(description: str) -> set[str]:
    """The words of a description that may stand for the person: not the names of bodies after a preposition ("an
    organizer with the Oakton Tenants Union": "organizer"), but a place after "from" ("a nurse from Oakton")."""
    out: set[str] = set()
    after = ""
    for word in description.split():
        low = word.lower().strip("'’")
        if low in _DESCRIPTION_FILLER:
            after = low if low != "and" else after
            continue
        if after and after != "from" and word[:1].isupper():
            continue
        out.add(low)
    return out


def described(entities: Entities, words: list[str]) -> Entity | None:
    """The person last mentioned whose description beside their name has a definite description's words: "the
    Democrat", "the former prosecutor", "the 54-year-old", "the Oakton native" (from "a nurse from Oakton")."""
    if not words or not entities.described or len(words) > 4:
        return None
    if strip_possessive(words[-1]).lower() in ORG_WORDS | _BODY_NOUNS:
        return None  # "the Oakton Tenants Union": a body
    wanted = {strip_possessive(w).lower() for w in words} - _DESCRIPTION_FILLER
    wanted.discard("native")  # "the Oakton native": the one described as from Oakton
    if not wanted:
        return None
    fits = [e for e in entities.items if e.kind == PERSON and e.surname
            and wanted <= entities.described.get(e.surname.lower(), set())]
    return max(fits, key=entities.last_seen) if fits else None


def _has_first_name(phrase: str) -> bool:
    """Whether a phrase reads as a person's name with a known first name ("Fire Marshal Curtis Bell")."""
    parts = parse_name(phrase)
    return parts is not None and bool(parts.given) and gender.from_first_name(parts.given) is not None


_SPEAKING_FOR = _SPOKESPEOPLE | {"office", "campaign"}  # who speak for a person: "Ruiz's office", "a spokesman for the mayor"


def _person_described(entities: Entities, phrase: str, recent: list[Entity]) -> Entity | None:
    """The person of the document a name or an office names ("Ruiz", "the mayor"), or None."""
    if phrase.split()[0].lower() != "the":
        found = entities.by_surname(phrase) if len(phrase.split()) == 1 else None
        return found if found is not None and found.kind == PERSON else None
    found = _holder(entities, phrase)
    if found is None and all(title_word(w) for w in phrase.split()[1:]):
        found = describe(entities, without_article(phrase), recent)
    return found if found is not None and found.kind == PERSON else None


def _speaking_for(entities: Entities, noun: str, person: Entity) -> Entity:
    """The one who speaks for a person ("spokeswoman for Ana Ruiz", "office of Ana Ruiz"): not the person."""
    name = " ".join(part for part in (person.given, person.surname) if part)
    noun = noun.lower()
    return entities.voice_of(f"{noun} of {name}" if noun in ("office", "campaign") else f"{noun} for {name}")


def _named_body(entities: Entities, phrase: str) -> Entity | None:
    """The body named in the document that ``phrase`` ("agency", "maritime authority") ends, if exactly one does: one
    the model named, else one the document already has (the fullest: "the maritime authority" over "the authority"),
    else one written in capitals (``harvest_bodies``) where the model named none."""
    noun = phrase.split()[-1].lower()
    found = [key for key, label in (entities.named or {}).items() if label == "ORG" and key.split()[-1] == noun]
    if found:
        return entities.organisation(entities.written_name(found[0])) if len(found) == 1 else None
    wanted = phrase.lower()
    known = {e.display.lower(): e for e in entities.items
             if e.kind == ORGANISATION and (e.display.lower() == wanted or e.display.lower().endswith(" " + wanted))}
    fullest = [e for name, e in known.items() if not any(other != name and other.endswith(" " + name) for other in known)]
    if len(fullest) == 1:
        return entities.touch(fullest[0])  # "The maritime authority … says …", then "the authority said"
    if entities.bodies is None:  # read from the text the first time a document needs it, not for every document
        entities.bodies = harvest_bodies(entities.text)
    written = entities.bodies.get(noun, set())
    if not written and noun in _ANY_KIND:  # "ferry operator Oakton Lines …", then "the company said"
        written = set().union(*(entities.bodies.get(kind, set()) for kind in _KIND_NOUNS))
    if len(written) == 1:
        return entities.organisation(next(iter(written)))
    # "a hospital spokeswoman" where the one body named with that word is "the Westmere Hospital Trust"
    within = [key for key, label in (entities.named or {}).items() if label == "ORG" and noun in key.split()]
    return entities.organisation(entities.written_name(within[0])) if len(within) == 1 else None


def harvest_bodies(text: str) -> dict[str, set[str]]:
    """Bodies the text names with a common noun last ("The Federal Motor Safety Agency sued …"), by that noun: for
    a later "the agency said" when the model did not read the sentence that names it (it reads only sentences
    with a speech cue)."""
    out: dict[str, set[str]] = {}
    for start, end in runs(text):
        kind = re.search(r"(?<![\w-])([a-z]+)[ \t]+$", text[max(0, start - 20) : start])
        if kind is not None and kind.group(1) in _KIND_NOUNS:  # "ferry operator Oakton Lines": an operator
            out.setdefault(kind.group(1), set()).add(re.sub(r"^(?:The|THE)\s+", "", text[start:end]))
        words = re.sub(r"^(?:The|THE)\s+", "", text[start:end]).split()
        if len(words) < 2 or not all(w[:1].isupper() or w in _CONNECTORS for w in words):
            continue
        noun = strip_possessive(words[-1])
        if noun.lower() in _BODY_NOUNS:
            out.setdefault(noun.lower(), set()).add(" ".join([*words[:-1], noun]))
    return out




OFFICE_ENDS = ("of", "for", "with", "at", "in", "from", "on", "who")  # where what someone is ends: "nurse at Oakton"


def describes_a_person(words: list[str]) -> bool:
    """Whether a definite description in lower case names a person, as a story names the one it just introduced:
    by family, sex or age ("father of three", "58-year-old", "widow") or by what they do ("skipper", "striker");
    not a body or a thing that says ("the retailer", "the report", "the company").

    >>> [describes_a_person(w.split()) for w in ("skipper", "father of three", "58-year-old", "report", "retailer", "company")]
    [True, True, True, False, False, False]
    """
    if not words or not all(w.islower() or w[:1].isdigit() for w in words):
        return False
    cut = next((i for i, w in enumerate(words) if w in OFFICE_ENDS), len(words))
    head = strip_possessive(words[cut - 1]) if cut else ""
    if (not head or head in NOT_PERSON_AGENTS or head in NOBODY_IN_PARTICULAR or head in ORG_WORDS or head in _BODY_NOUNS
            or head in NOT_AGENTS):
        return False
    return head.endswith("-year-old") or names_a_doer(head)


def _holder(entities: Entities, phrase: str) -> Entity | None:
    """The one person whose title in this document is the office a subject names, article aside ("The Town Clerk"
    for "Nell Prewitt (Town Clerk)"); None when nobody or several hold it, or the phrase names no office."""
    office = without_article(phrase).lower()
    if not any(w in ROLE_WORDS or compound_office(w) for w in office.split()):  # "The Churchwarden reported"
        return None
    found = {e.key: e for e in entities.items if e.kind == PERSON and any(t.lower() == office for t in e.titles)}
    return next(iter(found.values())) if len(found) == 1 else None


def _pronoun(entities: Entities, gender: str, recent: list[Entity]) -> Entity | None:
    """The last speaker if the pronoun agrees with what is known of them; else the person most recently
    named who agrees (a known gender before an unknown one); None when nobody agrees, or the only people who agree
    are named later in the text ("She disagrees." cannot be a grower the story quotes three paragraphs on)."""
    if gender == "org":
        return next((e for e in recent if e.kind == ORGANISATION), None)
    speaker = next((e for e in recent if e.kind == PERSON), None)
    subject = entities.last_subject  # the person the previous (narration) sentence was about
    if subject is not None and subject.kind == PERSON and subject.gender in (None, gender):
        chosen: Entity | None = subject
    elif speaker is not None and speaker.gender in (None, gender):
        chosen = speaker
    else:
        agreeing = [e for e in entities.items if e.kind == PERSON and e.gender in (None, gender) and entities.read(e)]
        chosen = entities.most_recent(agreeing) if agreeing else None
    if chosen is not None and chosen.gender is None:
        chosen.gender = gender  # "he" once, "he" after: the document has said who this is
    return chosen


def describe(entities: Entities, description: str, recent: list[Entity]) -> Entity | None:
    """The entity a role description fits best ("top U.S. diplomat" -> the U.S. Secretary of State)."""
    words = office_words(description)
    if not words:
        return None
    head = sorted(words, key=lambda w: description.lower().rfind(w))[-1]
    wanted = words | _HEAD_SYNONYMS.get(head, set())
    rank = {e.key: i for i, e in enumerate(recent)}
    best: tuple[float, ...] | None = None
    chosen: Entity | None = None
    for entity in entities.items:
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
        key = (score, -rank.get(entity.key, len(rank)), entities.last_seen(entity))
        if best is None or key > best:
            best, chosen = key, entity
    if chosen is not None:
        role = role_key(description)
        if role and role not in (role_key(r) for r in chosen.roles):
            chosen.roles.append(role)
        entities.touch(chosen)
    return chosen


