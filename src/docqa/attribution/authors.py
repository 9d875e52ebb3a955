"""Who wrote or delivered a document that has no turn labels, when the document says so.

* its heading: "Remarks as Prepared for Delivery by Governor X at …", "Statement from Secretary X on …",
  "Address by X", "Testimony of X" (or the document's title, for a page whose title is not in its text);
* its byline, when the writer speaks in the first person, as an opinion piece or an essay does: "By X" over
  "I have worked in libraries for twenty-two years…" (a reporter's byline over third-person narration is not);
* the signature under a letter: "Sincerely," then the name; on a letters page ("Letters to the editor"), the name
  (and town) under each letter;
* a line that opens a part and names its writer: an email's "From:" header or a reply's "On …, X wrote:", a court's
  "JUSTICE X delivered the opinion of the Court." or "JUSTICE Y, dissenting.", a forum's "Posted by X", "Reply
  from Y": the part below it, until the next such line, is theirs;
* an interview written as questions and answers with no labels ("**How much lead is in a city garden?**" then
  the answer), whose introduction names the one person interviewed ("Dr. X has studied urban soil for twenty
  years. She spoke with us about…"): the answers are theirs, the questions the interviewer's when a byline or
  "Interview by X" names them; an "ask me anything" thread's introduction too, when the one interviewed introduces
  themself in it ("I'm Dr. X, a volcanologist…").

That person's words are the document's narration: a sentence the prose rules leave to no one is theirs ("author").
Quotes and reported speech keep the speaker whose words they carry, and a sentence that names the author in the
third person ("X is the director of the library.") is the editor's, not the author's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docqa.attribution import cues, gender, names
from docqa.attribution.entities import PERSON, Entities, Entity, capitals_name
from docqa.attribution.prose import is_heading
from docqa.language.labels import MAIL_QUOTED, MAIL_WROTE, split_role_suffix
from docqa.language.lexicon import ORG_WORDS, ROLE_WORDS
from docqa.language.quotes import quotation_spans
from docqa.language.tokens import unaccented
from docqa.language.words import CAPITALS, HEADING_PREPOSITIONS
from docqa.records import HOW_AUTHOR, HOW_NONE, Segment

# A heading that declares whose words follow: "Remarks as Prepared for Delivery by …", "Statement from …",
# "Prepared Testimony of …", "Op-Ed by …"
_HEADING = re.compile(
    r"[ \t]*(?:(?:prepared|opening|closing|keynote|written|farewell|inaugural|commencement|welcoming|sentencing)[ \t]+)?"
    r"(?:remarks|statement|address|speech|testimony|op-?ed|message|sermon|lecture|eulogy|essay|letter|commentary"
    r"|from[ \t]+the[ \t]+(?:desk|office))"  # "From the desk of Mayor X"
    r"(?:[ \t]+as[ \t]+(?:prepared|delivered)(?:[ \t]+for[ \t]+delivery)?)?[ \t]+(?P<prep>by|from|of)[ \t]+"
    r"(?P<who>[^\n]{3,160})$",
    re.IGNORECASE)
_FROM_THE_DESK = re.compile(r"[ \t]*from[ \t]+the[ \t]+(?:desk|office)[ \t]+of[ \t]", re.IGNORECASE)  # a heading in sentence case
# Where the name in a heading ends: "Governor X at the Opening …", "Secretary X on the Closure …", "X, Director of …"
_HEADING_END = re.compile(r"\s*(?:,|;|:|\(|\s[—–-]\s|\s(?i:" + "|".join(sorted(HEADING_PREPOSITIONS - {"with"} | {"to"}))
                          + r")\s)")  # "with" and "and" are left to ``_SEVERAL``: "by X and Y" is no one author
_SEVERAL = re.compile(r"\s(?i:and|&|with)\s")  # "Remarks by Vice President X and Prime Minister Y": two speakers, no one author
# "By X", "BY X | Contributor", "By X, staff writer", "By X — Special to the Courier" (a hyphen inside a name is no break),
# "Preached by the Reverend X" (a sermon's)
BYLINE = re.compile(r"[ \t]*(?i:(?:posted|written|preached|delivered|given)[ \t]+)?(?i:by)[ \t]+(?:the[ \t]+)?"
                     r"(?P<who>[" + CAPITALS + r"][^\n,|]{2,60}?)[ \t]*"
                     r"(?:(?:,|\||[ \t][—–-]+[ \t]|[—–]|[ \t](?i:on|at)[ \t](?=[^\n]*\d))[^\n]*)?$")  # "… on March 2, 2026"
_VALEDICTION = re.compile(
    r"[ \t]*(?:(?:yours[ \t]+)?(?:sincerely|faithfully|truly|respectfully|cordially)(?:[ \t]+yours)?"
    r"|(?:best|kind|warm|warmest|kindest|with[ \t]+best)?[ \t]*regards|with[ \t]+(?:gratitude|thanks|respect|best[ \t]+wishes)"
    r"|in[ \t]+solidarity|(?:with[ \t]+)?(?:best|warm|warmest|kind|all[ \t]+good)[ \t]+wishes(?:[ \t]+for[ \t]+[^,\n]{1,40})?"
    r"|respectfully[ \t]+submitted)[ \t]*,?[ \t]*$", re.IGNORECASE)  # "Warm wishes for the holidays,"
# The writer speaking of themself: "I", "my", "we", "our" (outside quotation marks)
_FIRST_PERSON = re.compile(r"\bI\b|\bI['’](?:m|ve|d|ll)\b|\b(?i:my|me|myself|we|our|ours|us|ourselves)\b")
_HEADING_BLOCKS = 4  # a heading or byline is among a document's first few blocks; a signature among its last few
_FIRST_PERSON_SHARE = 1 / 3  # of the narration sentences, for a byline to make the writer the speaker


@dataclass(frozen=True)
class Author:
    """Who the document is by, and the blocks that are theirs (``first`` to ``last``, block indexes)."""

    person: Entity
    first: int
    last: int


def attribute_author(text: str, title: str, spans: list[tuple[int, int]], segments: list[Segment],
                     entities: Entities) -> list[Segment]:
    """``segments`` with the narration the document's author speaks given to them (see the module's doc)."""
    owners = _sectioned(text, spans, segments, entities)
    author = None if owners else _declared(text, title, spans, entities) or _deponent(text, spans, entities) \
        or _bylined(text, spans, segments, entities) \
        or _titled(text, title, spans, segments, entities) or _signed(text, spans, segments, entities) \
        or _credited(text, spans, segments, entities)
    if author is not None:
        owners = [(spans[author.first][0], spans[author.last][1], author.person)] if author.first <= author.last else []
    elif not owners:
        owners = _talk_signed(text, spans, entities) or _letters(text, title, spans, entities) or _carded(text, spans, entities) \
            or _reply(text, spans, entities) \
            or _interviewed(text, spans, segments, entities) \
            or _handed_over(text, spans, segments, entities)
    if not owners:
        return segments
    to_them = _written_to(text, spans, owners)
    out: list[Segment] = []
    for segment in _cut_at(text, segments, [s for s, _, _ in owners]):
        person = next((p for s, e, p in owners if s <= segment.start < e), None)
        if (person is not None and segment.how == HOW_NONE and segment.paragraph not in to_them
                and _authors_words(text, segment, spans[segment.paragraph], person)):
            person.spoke = True
            segment = Segment(segment.start, segment.end, person.key, HOW_AUTHOR, segment.paragraph)
        out.append(segment)
    return out


def _cut_at(text: str, segments: list[Segment], starts: list[int]) -> list[Segment]:
    """Narration cut where a writer's words begin inside a sentence, at a line's end ("Quote from: bo_li on 2 May\n"
    over the words it quotes, read as one sentence with them)."""
    out: list[Segment] = []
    for segment in segments:
        cut = next((at for at in starts if segment.start < at < segment.end and text[at - 1] == "\n"), None)
        if cut is None or segment.how != HOW_NONE:
            out.append(segment)
            continue
        head_end = segment.start + len(text[segment.start : cut].rstrip())
        out += [Segment(segment.start, head_end, segment.speaker, segment.how, segment.paragraph),
                Segment(cut, segment.end, segment.speaker, segment.how, segment.paragraph)]
    return out


# Giving the floor to the next speaker as a turn ends, in a record printed without labels: "I'll now hand over to
# Detective Inspector Ana Ruiz, who …", "I'll turn it over to Dr. Li.", "I'd now like to invite Dr. Li to say a few
# words.", "Over to you, Bo Li."
_HANDING_OVER = re.compile(r"\b(?:(?:I|[Ww]e)(?:['’]ll|[ \t]+will|['’]d[ \t]+(?:now[ \t]+)?like[ \t]+to"
                           r"|[ \t]+(?:want|would[ \t]+like)[ \t]+to)?[ \t]+(?:now[ \t]+)?"
                           r"(?:hand[ \t]+(?:it[ \t]+|you[ \t]+)?(?:over|back)|turn[ \t]+(?:it|things)[ \t]+over"
                           r"|pass[ \t]+(?:it[ \t]+)?(?:over[ \t]+)?|invite|ask|call[ \t]+(?:up)?on)"
                           r"|(?:[Oo]ver|[Bb]ack)[ \t]+to[ \t]+you,|[Pp]lease[ \t]+welcome)[ \t]+(?:to[ \t]+)?"
                           r"(?=[" + CAPITALS + r"])")


# A record's note of who opened it, before their words: "The keynote was introduced by the conference chair, Ana Ruiz."
_INTRODUCED_BY = re.compile(r"\b(?:introduced|opened|chaired|hosted)[ \t]+by[ \t]+(?:(?:the|its|our)[ \t]+[^,.\n]{1,60},[ \t]+)?"
                            r"(?=[" + CAPITALS + r"])")


def _handed_over(text: str, spans: list[tuple[int, int]], segments: list[Segment],
                 entities: Entities) -> list[tuple[int, int, Entity]]:
    """The speakers of a spoken record printed without labels (a press conference's transcript): the first to speak
    says who they are in the narration of an opening block ("I'm Chief Superintendent Ana Ruiz.", or a note above them
    says who opened: "The keynote was introduced by the chair, Ana Ruiz."), and each hands
    over to the next by name as a block ends ("I'll now hand over to Inspector Bo Li, who leads the investigation.").
    Each speaker's part runs from their first block to the block that hands over; (start, end, person) ranges."""
    narration = {seg.paragraph for seg in segments if seg.how == HOW_NONE}
    first: tuple[int, Entity] | None = None
    for at, (s, e) in enumerate(spans[:_HEADING_BLOCKS + 1]):
        if at not in narration:
            continue
        for intro in cues.SELF_INTRO.finditer(text, s, e):
            if intro.group().lower().startswith("this"):
                continue  # "This is Ana Ruiz's second term": a story's, not a speaker's
            named = _named_at(text, intro.end(), e, entities)
            if named is not None and not any(q0 <= intro.start() < q1 for q0, q1 in quotation_spans(text, s, e)):
                first = (at, named)
                office = SELF_OFFICE.search(text, intro.end(), e)
                if office is not None and any(w in ROLE_WORDS for w in office.group("office").split()) \
                        and office.group("office").capitalize() not in named.titles:
                    named.titles.append(office.group("office").capitalize())  # "… and I am your new head teacher"
                break
        if first is not None:
            break
        introduced = _INTRODUCED_BY.search(text, s, e)  # "The keynote was introduced by the chair, Ana Ruiz.": she opens
        named = _named_at(text, introduced.end(), e, entities) if introduced is not None else None
        if named is not None and at + 1 < len(spans):
            first = (at + 1, named)
            break
    if first is None or not _first_person(text, [seg for seg in segments if seg.paragraph >= first[0] and seg.how == HOW_NONE]):
        return []
    out: list[tuple[int, int, Entity]] = []
    at, person = first
    start = spans[at][0]
    for index in range(at, len(spans)):
        s, e = spans[index]
        handing = list(_HANDING_OVER.finditer(text, s, e))
        following = _named_at(text, handing[-1].end(), e, entities) if handing else None
        if following is not None and following is not person and index + 1 < len(spans):
            out.append((start, e, person))
            start, person = spans[index + 1][0], following
    out.append((start, spans[-1][1], person))
    return out


def _named_at(text: str, at: int, end: int, entities: Entities) -> Entity | None:
    """The person whose full name (after any title) starts at ``at``: "Chief Superintendent Ana Ruiz", or a surname
    after an honorific or a title ("Mr. Ruiz", "Inspector Li")."""
    run = next(iter(names.runs(text, at, min(end, at + 80))), None)
    if run is None or run[0] != at:
        return None
    parts = names.parse_name(text[run[0] : run[1]])
    if parts is None or not parts.surname or not (parts.given or parts.honorific or parts.title) \
            or re.match(r"['’]s?\b", text[run[1] : run[1] + 2]):
        return None
    return entities.person(parts, written=parts.full)


# The office a speaker gives themself in their own words: "I'm Mr. Ruiz, and I am your new head teacher.", "I'm writing
# as caretaker of the hall", "I am the treasurer." (not what they are, "I'm a parent", "I'm a woman")
SELF_OFFICE = re.compile(r"\b(?:I['’]m|I[ \t]+am)[ \t]+(?:(?:writing|speaking|here|talking)[ \t]+)?"
                         r"(?:as[ \t]+(?:the[ \t]+|your[ \t]+)?|(?:the|your)[ \t]+)(?:new[ \t]+)?"
                         r"(?P<office>[a-z][a-z-]+(?:[ \t]+[a-z][a-z-]+){0,2}?)(?=[ \t]*[.,;!]|[ \t]+(?:of|at|for|and)\b)")


_SALUTATION = re.compile(r"[ \t]*Dear[ \t]+(?P<who>[^\n,:]{1,60}?)[ \t]*[,:]")


def _written_to(text: str, spans: list[tuple[int, int]], owners: list[tuple[int, int, Entity]]) -> set[int]:
    """The blocks of a letter written to the author, as an advice column prints its readers' letters ("Dear Ana: My
    neighbour's tree …", signed "Worried in Oakton"): from a salutation that names them to the next salutation."""
    out: set[int] = set()
    theirs = False
    for at, (start, end) in enumerate(spans):
        person = next((p for s, e, p in owners if s <= start < e), None)
        match = _SALUTATION.match(text, start, end)
        if match is not None:
            named = {w.lower() for w in re.findall(r"[\w'’-]+", match.group("who"))}
            own = {person.surname.lower(), (person.given or "").split(" ")[0].lower()} - {""} if person is not None else set()
            theirs = bool(named & own)
        if theirs:
            out.add(at)
    return out


# A discussion page's signature at the end of each comment, on its line: "… cite it. — Ana Ruiz (talk) 09:14, 3 March
# 2026 (UTC)", "-- bo.li (talk · contribs) 11:40, 3 March 2026 (UTC)"
_TALK_SIGNATURE = re.compile(r"[ \t]*(?:—|–|--)[ \t]*(?P<who>[^—–\n()]{2,60}?)[ \t]*"
                             r"(?:\((?i:talk)(?:[ \t]*[·•|][ \t]*\w+)?\)[ \t]*)?"
                             r"\d{1,2}:\d{2},[ \t]*[^\n()]{4,30}?[ \t]*\([A-Z]{2,4}\)[ \t]*$")


def _talk_signed(text: str, spans: list[tuple[int, int]], entities: Entities) -> list[tuple[int, int, Entity]]:
    """A discussion page's comments, each signed at its end with the time (``_TALK_SIGNATURE``): each block so signed
    is its signer's; a page needs two such signatures."""
    signed = [(s, e, match.group("who")) for s, e in spans if (match := _TALK_SIGNATURE.search(text, s, e)) is not None]
    if len(signed) < 2:
        return []
    writers = [(s, e, _writer(who, "post", text[s:e], entities)) for s, e, who in signed]
    return [(s, e, person) for s, e, person in writers if person is not None]


# A forum reply's header over the post it quotes, on a line of its own: "Quote from: bo_li on 27 November 2026, 07:02 PM",
# "Originally Posted by bo_li", "Quoting Ana Ruiz:" (a mail's "On …, X wrote:" is the mail reader's, ``MAIL_WROTE``)
_QUOTE_HEADER = re.compile(r"[ \t>]*(?:Quote[ \t]+from:?|Originally[ \t]+[Pp]osted[ \t]+by|Quoting)[ \t]+"
                           r"(?P<who>[^\n:]{2,60}?)(?:[ \t]+on[ \t]+[^\n]{4,60}?)?[ \t]*:?[ \t]*\n")


def _reply(text: str, spans: list[tuple[int, int]], entities: Entities) -> list[tuple[int, int, Entity]]:
    r"""A reply that quotes an earlier post: the quoted words, under their header (``_QUOTE_HEADER``), are the
    quoted poster's; the reply after them is the writer's who signs it at its end ("— Ana Ruiz, club secretary"), and
    no one's when it is not signed.

    >>> text = "Quote from: bo_li on 2 May 2026\nUse one wire.\n\nTwo wires are safer.\n\n— Ana Ruiz, treasurer"
    >>> entities = Entities()
    >>> [(text[s:e], p.display) for s, e, p in _reply(text, [(0, 45), (47, 67), (69, 90)], entities)]
    [('Use one wire.', 'bo_li'), ('Two wires are safer.', 'Ana Ruiz')]
    """
    out: list[tuple[int, int, Entity]] = []
    last = -1  # the block of the last quotation
    for at, (s, e) in enumerate(spans):
        header = _QUOTE_HEADER.match(text, s, e)
        if header is None or header.end() >= e:
            continue
        poster = _writer(header.group("who"), "post", text[s:e], entities)
        if poster is not None:
            out.append((header.end(), e, poster))
            last = at
    if last < 0 or last + 2 >= len(spans):
        return out
    signer_name = _signature(text[spans[-1][0] : spans[-1][1]])
    dashed = text[spans[-1][0] : spans[-1][1]].lstrip().startswith(("—", "–", "-"))  # "— Ana Ruiz, treasurer"
    signer = entities.label(signer_name) if signer_name is not None and dashed else None
    if signer is not None:
        out.append((spans[last + 1][0], spans[-2][1], signer))
    return out


def _authors_words(text: str, segment: Segment, block: tuple[int, int], person: Entity) -> bool:
    """Whether a narration sentence in the author's blocks is theirs: not a heading, a bracketed note
    ("(Applause.)"), a line with no words, or a sentence about the author by name."""
    words = text[segment.start : segment.end].strip()
    if not re.search(r"[A-Za-z]{2}", words) or re.fullmatch(r"[\[(].*[\])][.!?]?", words, re.S):
        return False
    if is_heading(text, *block):
        return False
    if _introduces(words, person):
        return True  # "I'm Dr. X, a volcanologist": the author, naming themself
    if block[1] >= len(text.rstrip()) and _END_NOTE.match(words):
        return False  # the last paragraph's "Bo Li is a writer based in Oakton.", "This interview has been edited …"
    named = {person.surname.lower(), (person.given or "").split(" ")[0].lower()} - {""}
    words = _SIGN_OFF.sub("", _TALK_SIGNATURE.sub("", words))  # a message's signature does not speak of its writer
    return not any(w.lower() in named for w in re.findall(r"[\w'’-]+", words))


# A publication's note at the end of a piece: who wrote it down ("Bo Li is a writer based in Oakton.") and what was
# done to it ("This interview has been edited and condensed.")
_END_NOTE = re.compile(r"(?:[A-Z][\w'’-]+[ \t]+){2,3}(?:is|was)[ \t]+(?:a|an)[ \t]+[a-z]"
                       r"|(?:This|The)[ \t]+(?:interview|conversation|article|story|piece|transcript|essay)[ \t]+"
                       r"(?:has[ \t]+been|was|have[ \t]+been)[ \t]+(?:lightly[ \t]+)?"
                       r"(?:edited|condensed|updated|amended|corrected|translated)")


def _introduces(words: str, person: Entity) -> bool:
    """Whether ``words`` have ``person`` introduce themself: "I'm Dr. X", "My name is X Y"."""
    return bool(person.surname) and any(
        re.match(r"(?:[" + CAPITALS + r"][\w.'’-]*[ \t]+){0,3}" + re.escape(person.surname) + r"\b", words[m.end():])
        for m in cues.SELF_INTRO.finditer(words))


_SIGN_OFF = re.compile(r"\n[ \t>]*(?:[" + CAPITALS + r"][\w.'’-]*[ \t]*){1,3}$")


def _name(who: str) -> tuple[names.NameParts, bool] | None:
    """The full name ("Governor X Y", "X Y") a heading, byline or signature gives, and whether it is in capitals."""
    who = _HEADING_END.split(who, maxsplit=1)[0].strip()
    if _SEVERAL.search(who):
        return None
    caps = capitals_name(who)
    parts = names.parse_name(who, upper=caps)
    if parts is None or not parts.given or not parts.surname or not all(w[:1].isupper() for w in who.split()[-2:]):
        return None
    return parts, caps


def _person(who: str, entities: Entities) -> Entity | None:
    """The person a heading, byline or signature names, when it is a full name (``_name``)."""
    named = _name(who)
    return entities.person(named[0], written=None if named[1] else named[0].full) if named is not None else None


def _heading_line(text: str, start: int, end: int) -> str | None:
    """A block that is one line written as a heading (title case or capitals), or None."""
    block = text[start:end].strip()
    if not block or "\n" in block or len(block) > 200 or block[-1] in ".!?":
        return None
    return block


_HEADING_LINES = 3  # a heading block may run to this many lines: "Remarks by Governor X at …" / "As Prepared for Delivery"


def _heading_lines(text: str, start: int, end: int) -> list[str]:
    """The lines of a block of one to ``_HEADING_LINES`` lines, each written as a heading; none otherwise."""
    lines = text[start:end].strip().split("\n")
    headings = [_heading_line(line, 0, len(line)) for line in lines] if len(lines) <= _HEADING_LINES else []
    return [line for line in headings if line is not None] if all(headings) else []


def _declared(text: str, title: str, spans: list[tuple[int, int]], entities: Entities) -> Author | None:
    """The person a heading among the first blocks, or the document's title, says the text is by."""
    candidates = [(i, line) for i, (s, e) in enumerate(spans[:_HEADING_BLOCKS]) for line in _heading_lines(text, s, e)]
    for at, line in [*candidates, (-1, title.strip() or None)]:
        match = _HEADING.match(line) if line else None
        if match is None or not (is_heading(line, 0, len(line)) or _FROM_THE_DESK.match(line)):
            continue
        named = _name(match.group("who"))
        # "Remarks by X": X's; "Letter from Birmingham Jail", "Testimony of the Ancients": a person only if titled or
        # with a first name the list knows
        if named is not None and (match.group("prep").lower() == "by" or named[0].title
                                  or gender.from_first_name(named[0].given.split()[0]) is not None):
            return Author(_person(match.group("who"), entities), at + 1, len(spans) - 1)  # type: ignore[arg-type]
        titled = _office_and_surname(match.group("who"))  # "Sentencing remarks of His Honour Judge X"
        if titled is not None:
            return Author(entities.person(titled, written=None), at + 1, len(spans) - 1)
    return None


# A witness statement's or an affidavit's opening: "I, Ana Ruiz, of 12 Elm Street, Oakton, will say as follows:", "I, Bo
# Li, make oath and say", "I, Ana Ruiz, declare that …"
_DEPONENT = re.compile(r"[ \t]*I,[ \t]+(?P<who>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){1,3}),[^\n]{0,200}?\b(?:will[ \t]+say"
                       r"|say[ \t]+as[ \t]+follows|make[ \t]+oath|solemnly|(?:do[ \t]+)?(?:hereby[ \t]+)?(?:declare|state))\b")


def _deponent(text: str, spans: list[tuple[int, int]], entities: Entities) -> Author | None:
    """The witness whose statement the document is, named as it opens ("I, Ana Ruiz, of …, will say as follows:"): the
    numbered paragraphs after it are theirs."""
    for at, (s, e) in enumerate(spans[: _HEADING_BLOCKS + 2]):
        match = _DEPONENT.match(text, s, e)
        person = _person(match.group("who"), entities) if match else None
        if person is not None:
            return Author(person, at, len(spans) - 1)
    return None


def _office_and_surname(who: str) -> names.NameParts | None:
    """A person a heading names by an office and a surname alone ("His Honour Judge Ana Ruiz" has a first name;
    "HIS HONOUR JUDGE RUIZ", "Mayor Ruiz" do not), or None."""
    who = re.sub(r"(?i)^(?:his|her|their)[ \t]+(?:honour|honor)[ \t]+", "", _HEADING_END.split(who, maxsplit=1)[0].strip())
    parts = names.parse_name(who, upper=capitals_name(who))
    if parts is None or parts.given or not parts.title or not parts.surname[:1].isupper() or " " in parts.surname:
        return None
    return parts if parts.title.split()[-1].lower() in ROLE_WORDS else None


def _bylined(text: str, spans: list[tuple[int, int]], segments: list[Segment], entities: Entities) -> Author | None:
    """The writer a byline names, when the narration after it speaks in the first person."""
    for at, (s, e) in enumerate(spans[:_HEADING_BLOCKS]):
        match = next((m for line in _heading_lines(text, s, e) if (m := BYLINE.match(line))), None)  # or under a heading
        if match is None:
            continue
        if not _first_person(text, [seg for seg in segments if seg.paragraph > at and seg.how == HOW_NONE]):
            return None
        person = _person(match.group("who"), entities)
        return Author(person, at + 1, len(spans) - 1) if person is not None else None
    return None


_NAME_TITLE = re.compile(r"[ \t]*(?P<who>[^:\n]{3,60}?):[ \t]+\S[^\n]*")  # a talk's title: "Ana Ruiz: What the sea taught me"


def _titled(text: str, title: str, spans: list[tuple[int, int]], segments: list[Segment],
            entities: Entities) -> Author | None:
    """The speaker a talk's title names before a colon ("Ana Ruiz: What the tide pools taught me"), when the words
    after it speak in the first person (a profile's headline "Ana Ruiz: the mayor who said no" is about her)."""
    lines = [(at, _heading_line(text, s, e)) for at, (s, e) in enumerate(spans[:1])] + [(-1, title.strip() or None)]
    for at, line in lines:
        match = _NAME_TITLE.fullmatch(line) if line else None
        named = _name(match.group("who")) if match is not None else None
        if match is None or named is None or gender.from_first_name(named[0].given.split()[0]) is None:
            continue
        person = _person(match.group("who"), entities)
        if person is not None and _first_person(text, [seg for seg in segments if seg.paragraph > at and seg.how == HOW_NONE]):
            return Author(person, at + 1, len(spans) - 1)
    return None


# A closing line that says who gave the words above it: "Remarks delivered by Principal Ana Ruiz at the memorial …"
_CREDIT = re.compile(r"[ \t]*(?:[—–-][ \t]*)?(?:(?:prepared|opening|closing|keynote|farewell|commencement)[ \t]+)?"
                     r"(?:remarks|statement|address|speech|sermon|homily|eulogy|tribute|lecture)[ \t]+(?:as[ \t]+)?"
                     r"(?:delivered|given|read|made)[ \t]+by[ \t]+(?P<who>[^\n]{3,160}?)\.?[ \t]*", re.IGNORECASE)


def _credited(text: str, spans: list[tuple[int, int]], segments: list[Segment], entities: Entities) -> Author | None:
    """The speaker a closing line credits with the words above it ("Remarks delivered by Principal Ana Ruiz at …")."""
    for at in range(len(spans) - 1, max(0, len(spans) - 3), -1):
        match = _CREDIT.fullmatch(text, *spans[at])
        person = _person(match.group("who"), entities) if match else None
        if person is not None:
            return Author(person, 0, at - 1)
    return None


def _signed(text: str, spans: list[tuple[int, int]], segments: list[Segment], entities: Entities) -> Author | None:
    """The writer who signs a letter: a valediction ("Sincerely,") among the last blocks, then the name."""
    for at in range(len(spans) - 1, max(-1, len(spans) - 1 - _HEADING_BLOCKS), -1):
        lines = text[spans[at][0] : spans[at][1]].strip().split("\n")
        if not _VALEDICTION.fullmatch(lines[0]):
            continue
        following = lines[1:] or (text[spans[at + 1][0] : spans[at + 1][1]].strip().split("\n") if at + 1 < len(spans) else [])
        if not following or not any(_FIRST_PERSON.search(_unquoted(text, seg)) for seg in segments
                                    if seg.paragraph < at and seg.how == HOW_NONE):
            return None
        person = _person(following[0].strip(), entities)
        office = following[1].strip() if len(following) > 1 else ""
        if person is not None and split_role_suffix(f"x, {office}") is not None and office not in person.titles:
            person.titles.append(office)  # the line under the name: "Chief Executive Officer"
        title = _heading_line(text, *spans[0])  # "Open letter to the members of the board": its title; "Dear all,": its words
        titled = title is not None and not title.endswith((",", ":"))
        return Author(person, 1 if titled else 0, at - 1) if person is not None else None
    return None


def _first_person(text: str, narration: list[Segment]) -> bool:
    """Whether the writer speaks as "I" or "we" in a good share of the narration (an essay), not once (a report)."""
    spoken = sum(1 for seg in narration if _FIRST_PERSON.search(_unquoted(text, seg)))
    return spoken >= 2 and spoken >= _FIRST_PERSON_SHARE * len(narration)


def _unquoted(text: str, segment: Segment) -> str:
    """A sentence's words outside quotation marks."""
    words = text[segment.start : segment.end]
    for s, e in reversed(quotation_spans(text, segment.start, segment.end)):
        words = words[: s - segment.start] + " " + words[e - segment.start :]
    return words


# An interview's introduction or heading: "Q&A:", "spoke with us", "we asked him", "Five questions for …", "edited for length",
# "Ask me anything!"
_INTERVIEW = re.compile(
    r"\b(?:q\s*&\s*a|interview(?:ed)?|(?:spoke|talked|sat\s+down)\s+with|(?:she|he|they)\s+(?:spoke|talked)\s+to|(?:we|I)\s+asked\s+(?:him|her|them)"
    r"|questions\s+(?:for|with|to)|conversation\s+with|edited\s+for\s+(?:length|clarity)"
    r"|(?:minutes|an\s+hour|hours|lunch|coffee|breakfast|dinner|drinks|a\s+day)\s+with"  # a magazine's "Ten minutes with X"
    r"|ask\s+me\s+(?:anything|questions))\b", re.IGNORECASE)
# Who asked: "Interview by X", "Interview conducted by X", "By X"
_INTERVIEWER = re.compile(r"(?im)^[ \t]*(?:interview(?:ed)?[ \t]+(?:conducted[ \t]+)?)?by[ \t]+"
                          r"(?P<who>[" + CAPITALS + r"][^\n,|]{2,60}?)[ \t]*$")
_EMPHASIS = "*_ \t"
_ANSWERED_IN_FIRST_PERSON = 1 / 3  # of the answers: an interview's, not an explainer's ("What is the filibuster?")


def _questions(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The question lines of a Q&A with no labels: a paragraph, or a paragraph's first line, that is a question
    ("**Should people stop growing vegetables?**"), with an answer after it."""
    out: list[tuple[int, int]] = []
    for at, (s, e) in enumerate(spans):
        line_end = text.find("\n", s, e)
        line_end = e if line_end < 0 else line_end
        line = text[s:line_end].strip(_EMPHASIS)
        if not line.endswith("?") or len(line) > 300:
            continue
        answered = text[line_end:e].strip() or (at + 1 < len(spans) and not text[slice(*spans[at + 1])].strip(_EMPHASIS)
                                                .endswith("?"))
        if answered:
            out.append((s, line_end))
    return out


def _interviewed(text: str, spans: list[tuple[int, int]], segments: list[Segment],
                 entities: Entities) -> list[tuple[int, int, Entity]]:
    """The answers of an unlabelled Q&A and the one person its introduction names (see the module's doc), and its
    questions and the interviewer a byline names: (start, end, person) ranges."""
    questions = _questions(text, spans)
    if len(questions) < 2:
        return []
    intro = text[: questions[0][0]]
    if not _INTERVIEW.search(intro):
        return []
    asker = _INTERVIEWER.search(intro)
    asked_by = _name(asker.group("who")) if asker else None
    named = [e for e in entities.items if e.kind == PERSON and e.surname
             and re.search(r"\b" + re.escape(e.surname) + r"\b", intro)
             and (asked_by is None or e.surname.lower() != asked_by[0].surname.lower())]
    written = {e.surname.lower() for e in named} | {  # with the names the entities missed ("Tenants X and Y")
        parts.surname.lower() for s, e in names.runs(text, 0, len(intro)) if (parts := names.parse_name(text[s:e]))
        is not None and parts.surname and gender.from_first_name(parts.given.split(" ")[0]) is not None}
    written -= {asked_by[0].surname.lower()} if asked_by is not None else set()
    if len(written) != 1 or len(named) != 1:
        return []  # nobody, or several: whose answers they are is not said
    answers = [(q_end, questions[i + 1][0] if i + 1 < len(questions) else len(text)) for i, (_, q_end) in enumerate(questions)]
    spoken = sum(1 for s, e in answers if any(_FIRST_PERSON.search(_unquoted(text, seg)) for seg in segments
                                              if s <= seg.start < e and seg.how == HOW_NONE))
    if spoken < _ANSWERED_IN_FIRST_PERSON * len(answers):
        return []
    owners = [(s, e, named[0]) for s, e in answers]
    if _introduces(intro, named[0]):
        owners.append((0, questions[0][0], named[0]))  # "I'm Dr. X, a volcanologist …. Ask me anything!": theirs too
    interviewer = _person(asker.group("who"), entities) if asker is not None and asked_by is not None else None
    return owners + ([(s, e, interviewer) for s, e in questions] if interviewer is not None else [])


def interviewee(text: str, blocks: list[tuple[int, int]], people: list[tuple[int, int]] | None,
                asking: tuple[str, ...] = ()) -> names.NameParts | None:
    """The one person an interview's introduction (``blocks``, the text before its first "Q:") names, for a Q&A
    whose heading does not say whom it is with ("Ana Ruiz has run the city's libraries since 2019. She spoke with us
    about…"): whose its "A:" turns are.  A name is a person's when the list knows its first name or the language
    model read it as a person (``people``, its spans; None without the model).  None when the introduction is not
    an interview's, or names nobody but its interviewer ("Interview by Bo Li", a byline, or a surname in ``asking``:
    "Interviewer: Bo Li."), or several people."""
    if not blocks:
        return None
    start, end = blocks[0][0], blocks[-1][1]
    if not _INTERVIEW.search(text, start, end):
        return None
    asker = _INTERVIEWER.search(text, start, end)
    asked_by = _name(asker.group("who")) if asker else None
    found: dict[str, names.NameParts] = {}
    for s, e in names.runs(text, start, end):
        parts = names.parse_name(text[s:e])
        if parts is None or not parts.given or not parts.surname:
            continue
        if gender.from_first_name(parts.given.split(" ")[0]) is not None or any(s < pe and ps < e for ps, pe in people or ()):
            found.setdefault(parts.surname.lower(), parts)
    for surname in (*asking, *([asked_by[0].surname.lower()] if asked_by is not None else [])):
        found.pop(surname, None)
    return next(iter(found.values())) if len(found) == 1 else None


# An email's headers, as a mail program prints or forwards them: "From: Name <address>" with "Sent:", "Date:", "To:",
# "Cc:" or "Subject:" lines beside it; and a reply's quotation line (``MAIL_WROTE``)
_MAIL_FROM = re.compile(r"(?im)^[ \t>*]*from:[ \t]*(?P<who>[^\n]*)$")
_MAIL_HEADER = re.compile(r"(?im)^[ \t>*]*(?:sent|date|to|cc|subject):")
_MAIL_OPENS = 3  # blocks: an email or a thread opens with its headers (after a "Forwarded message" line, a subject)
# a mailing list digest's "Message: 2" over each message's headers
_DIGEST_MESSAGE = re.compile(r"[ \t]*message:?[ \t]*\d{1,4}[ \t]*\n", re.I)


def _sender(who: str, message: str, entities: Entities) -> Entity | None:
    """The person a "From:" header or a "wrote:" line names: "Marisol Ferreira <mf@…>", "Ferreira, Marisol
    [mailto:…]", "\"Marisol Ferreira\" <…>"; None for an address alone or an office ("Press Office <…>"): a name
    needs a first name the list knows, a title, a directory's "Surname, Given", to sign the ``message`` (in full or
    by first name) or its surname in the address ("Ottoline Fairbrass <o.fairbrass@…>")."""
    address = re.search(r"[\w.+-]+(?=@)", who)
    who = re.sub(r"<[^>]*>|\[[^\]]*\]|\([^)]*\)", " ", who).strip().strip("\"'").strip()
    if "@" in who:
        return None
    directory = (listed := names.uninverted(who)) != who  # "Ferreira, Marisol": as mail directories list people
    who = listed
    named = _name(who)
    if named is None:
        return None
    first, last = named[0].given.split(" ")[0], named[0].surname
    signed = bool(re.search(r"(?m)^[ \t>]*(?:" + re.escape(who) + "|" + re.escape(first) + r")[ \t]*$", message))
    addressed = address is not None and unaccented(re.sub(r"[\s'’-]", "", last.lower())) in address.group(0).lower()
    if not (directory or named[0].title or gender.from_first_name(first) is not None or signed or addressed):
        return None  # "Harbourline Ferries <news@…>": a company's name, as far as the header says
    return _person(who, entities)


# A court's opinion and its separate writings: "JUSTICE X delivered the opinion of the Court.", "JUSTICE Y, with whom
# JUSTICE Z joins, dissenting.", "Judge Y, concurring in the judgment."
_OPINION = re.compile(
    r"[ \t]*(?P<who>(?:chief[ \t]+)?(?:justice|judge)[ \t]+[^\n,]{2,60}?)"
    r"(?:[ \t]+delivered[ \t]+the[ \t]+opinion[ \t]+of[ \t]+the[ \t]+court(?:,[^\n]{0,200}?)?"
    r"|,[ \t]+(?:with[ \t]+whom[^\n]{0,200}?,[ \t]+)?(?:dissenting|concurring)[^\n]{0,60}?)[ \t]*\.?[ \t]*$", re.I)
# A forum's or a comment thread's posts: "Posted by X on 12 March 2025", "Reply from X", "Comment by X at 9:14"; a
# thread has several (one "Posted by X" over a story is a byline, ``_bylined``'s)
_POSTED = re.compile(r"[ \t]*(?:posted|reply|replied|comment(?:ed)?|answer(?:ed)?|written)[ \t]+(?:by|from)[ \t]+"
                     r"(?P<who>[^\n]{2,60}?)(?:[ \t]+(?:on|at)[ \t]+[^\n]{2,60})?[ \t]*$", re.I)
_HANDLE = re.compile(r"@?[A-Za-z][\w.-]{2,30}")  # a forum's user name: "Brannoch_Wells", "sigrun.h"
# A blog's comment as blogs print it, the commenter, then the date on a line of its own, then the words: "Ana Ruiz
# says:" / "March 3, 2026 at 9:14 am" / "Your rye is the best in town."
_SAYS = re.compile(r"[ \t]*(?P<who>[^\n:]{2,60}?)[ \t]+(?i:says|said|wrote|writes)[ \t]*:[ \t]*\n"
                   r"(?:[ \t]*[^\n]{0,40}\d[^\n]{0,40}\n)?(?=[ \t]*\S)")


def _sectioned(text: str, spans: list[tuple[int, int]], segments: list[Segment],
               entities: Entities) -> list[tuple[int, int, Entity]]:
    """A document of several writers, each part opened by a line that says whose it is: an email thread (each
    message from the block after its headers, or after its "wrote:" line), a court's opinions ("JUSTICE X delivered
    the opinion of the Court.", "JUSTICE Y, dissenting."), a forum thread ("Posted by X", "Reply from Y").  Each
    part runs to the next one's opening line; a part whose writer the line does not name is no one's."""
    parts: list[tuple[int, int, str, str]] = []  # (where its opening line begins, where its words begin, who, kind)
    for at, (s, e) in enumerate(spans):
        block, after = text[s:e], spans[at + 1][0] if at + 1 < len(spans) else e
        sender = _MAIL_FROM.search(block)
        if sender is not None and _MAIL_HEADER.search(block) and (parts or at < _MAIL_OPENS or MAIL_QUOTED.search(block)
                                                                   or _DIGEST_MESSAGE.match(block)):
            parts.append((s, after, sender.group("who"), "mail"))  # not a memo's headers a story reproduces
        parts.extend((s + wrote.start(), s + wrote.end(), wrote.group("who"), "mail") for wrote in MAIL_WROTE.finditer(block))
        for kind, pattern in (("opinion", _OPINION), ("post", _POSTED)):
            if "\n" not in block.strip() and (line := pattern.fullmatch(block)) is not None:
                parts.append((s, after, line.group("who"), kind))
        if (says := _SAYS.match(block)) is not None:
            parts.append((s, s + says.end(), says.group("who"), "post"))
    posts = [(words, parts[i + 1][0] if i + 1 < len(parts) else len(text)) for i, (_, words, _, kind) in enumerate(parts)
             if kind == "post"]
    if len(posts) == 1 or not any(_FIRST_PERSON.search(_unquoted(text, seg)) for seg in segments
                                  if seg.how == HOW_NONE and any(s <= seg.start < e for s, e in posts)):
        # one "Posted by X" is a byline; posts that never say "I" or "we" are a live blog's reports, not a thread's
        parts = [part for part in parts if part[3] != "post"]
    if not any(kind == "opinion" and "delivered" in text[start:words].lower() for start, words, _, kind in parts):
        # without the Court's opinion, a separate writing's line is the reporter's style in capitals only: a story's
        # "Justice Calloway, dissenting." is no opinion of his
        parts = [part for part in parts if part[3] != "opinion" or part[2].split()[0].isupper()]
    if not parts:
        return []
    ends = [*(opening for opening, *_ in parts[1:]), len(text)]
    writers = [(start, end, _writer(who, kind, text[start:end], entities))
               for (_, start, who, kind), end in zip(parts, ends, strict=True)]
    return [(start, end, person) for start, end, person in writers if person is not None]


def _writer(who: str, kind: str, words: str, entities: Entities) -> Entity | None:
    """The person an opening line names: a sender (``_sender``); a justice or judge by title and name; a forum's
    poster by full name or user name (a thread's line is no headline: "Reply from Ottoline Fairbrass" needs no
    first name the list knows)."""
    if kind == "mail":
        return _sender(who, words, entities)
    who = who.strip()
    if kind == "post" and _HANDLE.fullmatch(who):
        return entities.label(who.lstrip("@"))
    parts = names.parse_name(who, upper=capitals_name(who))
    if parts is None or not parts.surname or (kind == "opinion" and not parts.title) \
            or (kind == "post" and not parts.given and not parts.title) or any(w.lower() in ORG_WORDS for w in who.split()):
        return None  # "Reply from Harbour Council" is a body's
    return entities.label(who)


# A page of readers' letters, as its heading or title says: "Letters to the editor", "Your letters", "Mailbag"
_LETTERS_PAGE = re.compile(r"\b(?:letters?\s+to\s+the\s+editor|(?:your|readers['’]?|today['’]s)\s+letters|letters|mailbag)\b",
                           re.I)


def _letters(text: str, title: str, spans: list[tuple[int, int]], entities: Entities) -> list[tuple[int, int, Entity]]:
    """A letters page's letters and their writers: each letter runs from the block after the previous signature
    to its own signature (``_signature``: "Agatha Fennimore-Lowe" over "Kestrel Heath", "— Name, Town")."""
    headings = [title.strip(), *(line for s, e in spans[:2] for line in _heading_lines(text, s, e))]  # with a dateline
    if not any(line and len(line.split()) <= 6 and _LETTERS_PAGE.search(line) for line in headings):
        return []
    out: list[tuple[int, int, Entity]] = []
    start: int | None = None  # where the letter being read begins: after the headings above it
    for s, e in spans:
        signer = _signature(text[s:e])
        if signer is not None:
            person = _person(signer, entities)
            if person is not None and start is not None:
                out.append((start, s, person))
            start = None
        elif start is None and not _heading_lines(text, s, e):
            start = s  # "Bus cuts hurt the elderly", the page's heading for the letter, is the editor's
    return out if len(out) >= 2 else []


# A Q&A site's card under each post, as its page is copied: "answered Oct 27, 2026 at 9:40" / the user's name / their
# reputation ("8,904 ● 21 ● 60"); the question's says "asked"
_POST_CARD = re.compile(r"(?<![^\n])[ \t]*(?:asked|answered)[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},?(?:[ \t]+\d{4})?"
                        r"(?:[ \t]+at[ \t]+\d{1,2}:\d{2})?[ \t]*\n[ \t]*(?P<who>[^\n●•]{2,60}?)[ \t]*"
                        r"(?:\n[ \t]*[\d,.]+k?(?:[ \t]*[●•][ \t]*[\d,.]+k?)*[ \t]*)?$")
_ANSWERS_HEADING = re.compile(r"[ \t]*\d{1,4}[ \t]+Answers?[ \t]*")


def _carded(text: str, spans: list[tuple[int, int]], entities: Entities) -> list[tuple[int, int, Entity]]:
    """A Q&A site's page: each post runs from the block after the card above it (or the page's start, or its "3
    Answers" heading) to its own card, which names its writer (``_POST_CARD``)."""
    out: list[tuple[int, int, Entity]] = []
    start: int | None = spans[0][0] if spans else None
    for s, e in spans:
        card = _POST_CARD.search(text, s, e)
        if card is not None:
            who = card.group("who").strip()
            person = _writer(who, "post", text[s:e], entities)
            if person is not None and start is not None:
                out.append((start, card.start(), person))
            start = None
        elif _ANSWERS_HEADING.fullmatch(text, s, e):
            start = None
        elif start is None:
            start = s
    return out if len(out) >= 2 else []


def _signature(block: str) -> str | None:
    """The name a letters page signs a letter with: a block of one or two lines, the name first, in any case, with
    the writer's town after a comma or on the next line, or after a dash ("— Name, Town"); a name alone needs a
    first name the list knows ("Bus lanes", the next letter's headline, is none).

    >>> _signature("— Cassius Oyelaran-Beck, Nether Stowe"), _signature("MIRABEL THORNYCROFT\\nUpper Wensley")
    ('Cassius Oyelaran-Beck', 'MIRABEL THORNYCROFT')
    >>> _signature("Bus lanes"), _signature("Please keep them.")
    (None, None)
    """
    lines = block.strip().split("\n")
    first = lines[0].strip()
    name = first.lstrip("—–- ").split(",")[0].strip()
    if len(lines) > 2 or not name or name[-1] in ".!?:;" or any(w.lower() in ORG_WORDS for w in name.split()):
        return None
    named = _name(name)
    if named is None:
        return None
    marked = len(lines) == 2 or "," in first or first[0] in "—–-"
    return name if marked or gender.from_first_name(named[0].given.split(" ")[0].title()) is not None else None
