"""Who the unnamed voices of closed captions are, from what the voices around them say.

Broadcast captions mark each change of speaker with ">>" and seldom name the speaker; the programme does, in
words: the anchor hands over ("Our reporter Bo Li is there."), a reporter leads into a clip ("The county's
emergency manager, Ana Ruiz, says the peak comes at two.") or names it after it has played ("That was resident
Ana Ruiz, who left her home …"), and an anchor asks a reporter by name ("Bo, are the schools open?").  Each names
the voice next to it.  A voice that says who it is as it opens ("Good evening. I'm Ana Ruiz.") is read where the
turns are (``docqa.attribution.document``); the rest are read here, and a voice nothing names stays no one's.
"""

from __future__ import annotations

import re

from docqa.attribution import gender, names, transcript
from docqa.attribution.entities import Entities, Entity
from docqa.language.lexicon import names_a_doer
from docqa.language.words import STOPWORDS

# after the clip: ">> THAT WAS RESIDENT ANA RUIZ, WHO …", ">> That's Bo Li of the county."
_BACK_ANNOUNCED = re.compile(r"(?i:that[ \t]+(?:was|is)|that['’]s)[ \t]+(?P<words>[^.!?]{3,120})")
# before it, in the sentence that ends a voice: "… Bo Li says …", "Our reporter Bo Li is there.", "Here's Bo Li."
_LEAD_IN = re.compile(r"(?i)\b(?:says|tells[ \t]+us|explains|reports|joins[ \t]+us|is[ \t]+there|is[ \t]+live|has[ \t]+more"
                      r"|has[ \t]+the[ \t]+story|here['’]s|here[ \t]+is|spoke[ \t]+to[ \t]+us)\b")
# a question put to someone by first name: "BO, ARE THE SCHOOLS OPEN TOMORROW?"
_ASKED = re.compile(r"(?P<first>[A-Z][A-Za-z'’-]+)[ \t]*,[ \t]+[^.!?]{3,200}\?[ \t]*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])[ \t]+(?=\S)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# two words set off by commas after a job: "THE COUNTY'S EMERGENCY MANAGER, ANA RUIZ-PARDO, SAYS …"
_APPOSED = re.compile(r"(?P<doer>[A-Za-z'’-]+)[ \t]*,[ \t]*(?P<name>[A-Z][A-Za-z'’-]+[ \t]+[A-Z][A-Za-z'’-]+)[ \t]*,")


def caption_voices(text: str, spans: list[tuple[int, int]], entities: Entities) -> dict[int, Entity]:
    """The person each unnamed ">>" voice is, by its block's index in ``spans``, where a voice next to it names them."""
    blocks = [i for i, (start, end) in enumerate(spans) if transcript.VOICE_CHANGE.match(text, start, end)]
    if len(blocks) < 3:
        return {}
    words = {i: text[transcript.VOICE_CHANGE.match(text, *spans[i]).end() : spans[i][1]].strip() for i in blocks}  # type: ignore[union-attr]
    out: dict[int, Entity] = {}
    for before, after in zip(blocks, blocks[1:], strict=False):  # named after the clip: the surest
        said = _BACK_ANNOUNCED.match(words[after])
        if said is not None and (named := _person(said.group("words"), entities)) is not None:
            out[before] = named
    for before, after in zip(blocks, blocks[1:], strict=False):  # led into by the voice before it
        last = _SENTENCE_END.split(words[before])[-1]
        if after not in out and _LEAD_IN.search(last) and (named := _person(last, entities)) is not None:
            if not (named.given and re.match(rf"{re.escape(named.given)}\b", words[after], re.I)):  # "ANA, …": to Ana
                out[after] = named
    people = {e.given.lower(): e for e in out.values() if e.given}
    for before, after in zip(blocks, blocks[1:], strict=False):  # asked by first name: the answer is theirs
        asked = _ASKED.search(_SENTENCE_END.split(words[before])[-1])
        if after not in out and asked is not None and asked.group("first").lower() in people:
            out[after] = people[asked.group("first").lower()]
    return out


def _person(words: str, entities: Entities) -> Entity | None:
    """The one person a sentence names in full ("… EMERGENCY MANAGER, ANA RUIZ-PARDO, SAYS …", "Our reporter Bo Li is
    there"), with the office written just before the name as a title; None for none or several.  A name is a first
    name the list is sure of and a surname, or any two words set off by commas after someone's job."""
    tokens = list(_WORD.finditer(words))
    found = {tokens[at].start(): f"{word.group()} {surname.group()}"
             for at, (word, surname) in enumerate(zip(tokens, tokens[1:], strict=False))
             if word.group()[:1].isupper() and surname.group()[:1].isupper() and not words[word.end() : surname.start()].strip()
             and surname.group().lower() not in STOPWORDS  # "BO, IS THERE …": no name "Bo Is"
             and gender.from_first_name(word.group().title(), strict=True) is not None
             and gender.from_first_name(surname.group().title(), strict=True) is None}
    for apposed in _APPOSED.finditer(words):
        if names_a_doer(apposed.group("doer").lower()):
            found[apposed.start("name")] = apposed.group("name")
    if len(found) != 1:
        return None
    [(at, written)] = found.items()
    parts = names.parse_name(written.title() if written.isupper() else written)
    if parts is None or not parts.given:
        return None
    person = entities.person(parts, written=parts.full)
    office = [t.group() for t in tokens if t.end() <= at][-3:]  # "EMERGENCY MANAGER", "REPORTER" just before: a title
    if office and names_a_doer(office[-1].lower()):
        start = len(office) - 1
        while start > 0 and office[start - 1].lower() not in ("the", "our", "a", "an", "of", "was", "is") \
                and not office[start - 1].lower().endswith(("'s", "’s")):
            start -= 1
        title = " ".join(office[start:])
        title = title.title() if title.isupper() else title
        if title.lower() not in {t.lower() for t in person.titles}:
            person.titles.append(title)
    return person
