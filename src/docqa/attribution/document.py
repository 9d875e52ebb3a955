"""Attribution: a Document in, its text split into stretches each with one speaker (or none), out.

Transcripts are attributed by their turn labels (the label wins over any speech cue inside the turn);
prose, and a transcript's preamble, by quotes and speech cues (``docqa.attribution.prose``).
Speakers here are document-local entities; ``docqa.attribution.speakers`` merges them across
documents.

>>> from docqa.records import Document
>>> result = attribute(Document("t.txt", "MR PRICE: Good afternoon.\\n\\nQUESTION: Any news?", "text"))
>>> [(result.speaker_name(s.speaker), s.how) for s in result.segments]
[('Price', 'label'), ('QUESTION', 'label')]
"""

from __future__ import annotations

import bisect
import collections
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from docqa.attribution import authors, cues, gender, labels, names, nlp, prose, transcript
from docqa.attribution.entities import PERSON, ROLE, Entities, Entity, capitals_name, is_organisation
from docqa.attribution.labels import Label, presiding_role
from docqa.attribution.parse import ParsedParagraph, parse_paragraphs
from docqa.attribution.subjects import OFFICE_ENDS, describes_a_person, note_description
from docqa.attribution.voices import caption_voices
from docqa.language.lexicon import (
    DOMAIN_WORDS,
    HONORIFICS,
    INITIALLED_OFFICES,
    NOBODY_IN_PARTICULAR,
    ORG_WORDS,
    ROLE_WORDS,
    compound_office,
    names_a_doer,
    office_words,
)
from docqa.language.normalize import normalize
from docqa.language.quotes import NICKNAMED
from docqa.language.tokens import role_key, strip_possessive, without_article, written_lower
from docqa.language.words import GREETINGS, HEADING_PREPOSITIONS, INDEFINITES, SPEECH_VERBS, STOPWORDS
from docqa.records import HOW_LABEL, HOW_NONE, HOW_REPORTED, Document, Segment

_WITH = re.compile(r"\b(?:interview|conversation|q\s*&\s*a|talk|talking|chat|sitting\s+down|sat\s+down)\s+with\s+", re.I)
# Whose answers a record of questions is: the person it interviews, or the witness a deposition's heading names
# ("DEPOSITION OF CORNELIUS …", "Videotaped Deposition of …", "Testimony of …")
_ANSWERS = re.compile(_WITH.pattern + r"|\b(?:deposition|testimony)\s+of\s+|\bquestions\s+for\s+", re.I)


@dataclass
class Attribution:
    """The result for one document: segments in order, the document's entities and where each is mentioned."""

    document: Document
    text: str  # normalised analysis text; same length and offsets as document.text
    segments: list[Segment]
    entities: list[Entity]
    mentions: list[tuple[int, int, str]] = field(default_factory=list)
    transcript: bool = False

    def entity(self, key: str | None) -> Entity | None:
        return next((e for e in self.entities if e.key == key), None) if key else None

    def speaker_name(self, key: str | None) -> str | None:
        entity = self.entity(key)
        return entity.display if entity else None


def attribute(document: Document) -> Attribution:
    """Split a document into speaker segments."""
    text = normalize(document.text)
    entities = Entities()
    entities.text = text
    entities.title_words = set(normalize(document.title).lower().split())
    if document.turns:
        return _attribute_turns(document, text, entities)
    spans = transcript.blocks(text)
    found = _initials_spelling_words(text, spans, transcript.find_labels(text, spans))
    found, key_roles = _role_key(text, spans, _without_key(text, spans, found))
    first = _first_label(found)  # the first label, the blocks before it a preamble ("House of Commons" / a date)
    if found and found[first] is not None and transcript.is_title(text, spans[first], found[first], found, first > 0):
        found[first] = None  # "Weekly Digest: A Talk with ...", "Ferry Services: Winter Timetable": a heading, not a turn
    statements = {i: who for i, (s, e) in enumerate(spans) if found[i] is None and (who := labels.statement_of(text, s, e))}
    # "Question from Mr X:", "Answered by Lord Y": the line is the record's, the words after it theirs
    headed = {i: heading for i, (s, e) in enumerate(spans) if found[i] is None and i not in statements
              and (heading := labels.attributed_heading(text, s, e))}
    captions = {i: named for i, (s, e) in enumerate(spans) if i not in statements and (named := labels.caption(text, s, e))}
    for i, named in captions.items():  # "[LOWER THIRD: X, volcanologist]": not a label "LOWER THIRD"; X speaks next
        found[i], headed[i] = None, named
    statements |= {i: (who, office) for i, (who, office, _) in headed.items()}
    voices = sum(1 for s, e in spans if transcript.VOICE_CHANGE.match(text, s, e))  # captions: ">>" opens each voice
    is_transcript = transcript.is_transcript(found) or bool(statements) or (voices >= 2 and 2 * voices >= len(spans))
    if not is_transcript:
        found = [None] * len(spans)
    label_spans = [(label.start, label.end) for label in found if label is not None]
    if is_transcript:
        entities.common_words = written_lower(text)
    records = any(label is not None and label.shape == "period" for label in found)  # a legislature's record
    prose_blocks = _prose_blocks(text, spans, found, statements, records)
    parsed = parse_paragraphs(text, [spans[i] for i in prose_blocks])
    if parsed is None and not is_transcript and nlp.installed():
        entities.named = {}  # prose the model had no reason to read: no capitalised word is a speaker by itself
    for phrase in _title_people(normalize(document.title)):
        _harvest_people(phrase, entities, [])  # "Press Briefing by Press Secretary Jen Psaki"
    for short, person in _abbreviated(text, entities).items():
        entities.abbreviations[short] = person
        if is_transcript:
            entities.alias_role(short, person)  # "AR:" below "Ana Ruiz (AR)"
    for holder, role in key_roles.items():
        if any(label is not None and label.name == role[:1] for label in found) \
                and (parts := names.parse_name(holder)) is not None and parts.given:
            entities.alias_role(role[:1], entities.person(parts, written=parts.full))  # "T:" is the teacher the key names
    for role, person in (_introduced(text, spans, found, entities) if is_transcript else {}).items():
        entities.alias_role(role, person)  # "A." is the person the heading names; "HOST" the one the show notes name
    for role, person in (_fielded(text, spans, found, entities) if is_transcript else {}).items():
        entities.alias_role(role, person)  # "Caller: Ana Ruiz, 42." above the turns: "CALLER:" is Ana Ruiz
    for initials, person in (_initialled(text, spans, found, entities) if is_transcript else {}).items():
        entities.alias_role(initials, person)  # "KO:" is the Karen Oyelaran the introduction names
    keyed = _keyed(text, spans, found, entities) if is_transcript else {}
    for role, person in keyed.items():
        entities.alias_role(role, person)  # "Speaker 1 is the host, Ana Ruiz." above the turns
    for handle, person in (_posted_by(text, spans, found, entities) if is_transcript else {}).items():
        entities.alias_role(handle, person)  # "I'm Dr. Ana Ruiz … Ask me anything" / "Posted by u/aruiz": her posts
    for own, person in (_exported_by(text, spans, found, entities) if is_transcript else {}).items():
        entities.alias_role(own, person)  # "shared by Ana Ruiz" over "You said:": her words
    for kin, person in (_kin_named(text, spans, found, entities) if is_transcript else {}).items():
        entities.alias_role(kin, person)  # "my grandmother, Ana Ruiz" over "Grandma:": hers
    introduced = _self_introduced(text, spans, found, entities) if is_transcript else {}
    for role, person in introduced.items():
        entities.alias_role(role, person)  # "Speaker 1: … I'm Dana Whitfield": Speaker 1 is Dana Whitfield
    for role, person in (_given_the_floor(text, spans, found, entities, {*keyed, *introduced}) if is_transcript else {}).items():
        entities.alias_role(role, person)  # "Councillor Ana Ruiz, please begin." / "Speaker 2: Thank you, Madam Chair."
    named_in_full = _named_in_preamble(text, normalize(document.title), spans, found, entities) if is_transcript else {}
    for written, person in named_in_full.items():
        entities.alias_role(written, person)  # "Harriet:" is the "Harriet Okwuosa" the attendance list names
    speakers_of = {i: _statement_person(who, office, entities) for i, (who, office) in statements.items()}
    for i, (_, office, _) in captions.items():  # what a caption calls someone is what they are, office or not
        if (person := speakers_of.get(i)) is not None and office and office not in person.titles:
            person.titles.append(office)
    sections: set[int] = set()  # "Prepared Remarks:", "Questions and Answers:": parts of the record, no one's turns
    examiners: dict[int, str] = {}  # "BY MR. HALVORSEN:": the lawyer whose questions the "Q." turns below are
    headings: dict[int, tuple[str, str, str]] = {}  # "President: Mr. Haverkamp-Sola (Liberia)": (office, holder, title)
    held = {labels.office_of(label.name) for label in found if label is not None and labels.split_parenthesised(label.name)}
    opening = next((at for at, label in enumerate(found) if label is not None), -1)
    for at, (label, (_, end)) in enumerate(zip(found, spans, strict=True)):
        if label is None:
            continue
        office = labels.office_of(label.name)
        if _section(text, label, end):
            found[at] = None
            sections.add(at)
        elif (examiner := _examiner(text, label, end)) is not None:
            examiners[at] = examiner
        elif office is not None and (who := _holder(text, label, end, at == opening)) is not None:
            headings[at] = (office, who, without_article(label.name))
            held.add(office)
            found[at] = None  # a heading: no one's label
        elif label.shape == "chat":
            entities.handle(label.name)  # a nickname: whoever it is, as written
        elif presiding_role(label.name) is None and (office not in held or labels.split_parenthesised(label.name)):
            speaker = entities.label(label.name, count=True)
            titled = labels.dash_office(text, label) if label.shape == "dash" else \
                _card_office(text, label) if label.shape == "post" else None
            if titled is not None and speaker.kind == PERSON and titled.lower() not in {t.lower() for t in speaker.titles}:
                speaker.titles.append(titled)  # "Ana Ruiz -- Chief Executive Officer": the chief executive officer
    entities.settle_mistyped_labels()  # one "QMS. X" among many "MS. X" turns is no "Qms. X"
    for holder, role in key_roles.items():
        speaker = entities.label(holder)  # "Agent: Bo" above the turns: Bo is "the agent"
        if role.lower() not in {t.lower() for t in speaker.titles}:
            speaker.titles.append(role)
    if is_transcript:
        _described_in_introduction(text, spans[: _first_label(found)], entities)
        _addressed_offices(text, spans, found, entities)
        _called_offices(text, spans, found, entities)
        _speaking_as(text, spans, found, entities)
    if parsed is not None:  # after the speakers the title and labels name: "Jill Okoro" in the text is not "PRESIDENT OKORO:"
        _harvest_named(text, entities, parsed)
    for role, holder in _role_holders(text, spans, found, speakers_of, entities).items():
        entities.alias_role(role, holder)  # "The CHAIRMAN" is the chairman the record names
    for role, defendant in _defendant(text, spans, found, entities).items():
        entities.alias_role(role, defendant)  # "THE DEFENDANT" is the one person the caption charges
    if is_transcript:
        _counsel(text, spans, found, entities)
    _harvest_people(text, entities, label_spans)
    _harvest_offices(text, entities)
    _harvest_relations(text, entities)
    _harvest_appositive_offices(text, entities)  # "Gwen Halloran, the town's mayor, …": "the mayor said" below is hers
    by_block = dict(zip(prose_blocks, parsed or [], strict=False))
    segments: list[Segment] = []
    state = prose.ProseState(recent=[])
    entities.start_reading()
    turn: Entity | None = None
    in_list = False  # the turn's label opens a list item
    indent = 0  # how far the turn's words are indented: a screenplay's dialogue, under its speaker's name
    presiding: dict[str, Entity] = {}  # who holds an office now: "The PRESIDING OFFICER (Mr. KESSLER)" names its holder
    examining: dict[str, Entity] = {}  # in a trial or deposition: who "Q." and "A." are now (the examiner, the witness)
    heading_words = 6 if not is_transcript or transcript.in_capitals(text) else HEADING_WORDS
    assigning = False  # in a list of action items
    floor: Entity | names.NameParts | None = None  # the member of the public a chair or a host gave the floor to
    spoke_many = False
    crowd = any(label is not None and label.name.lower().strip(" .") in _MANY_VOICES for label in found)
    in_full = _full_names(text) if crowd else {}
    named_voices = caption_voices(text, spans, entities) if is_transcript else {}  # ">>" voices others name
    for index, ((start, end), label) in enumerate(zip(spans, found, strict=True)):
        if _ASSIGNMENTS.match(text, start, end):
            assigning = True  # "## Action items": the list under it gives tasks to the names it labels
        elif assigning and not transcript.LIST_ITEM.match(text, start, end):
            assigning = False
        if assigning and label is not None and transcript.LIST_ITEM.match(text, start, end):
            turn = None  # "- **Ana:** draft the check by Friday": a task given to Ana, not Ana's words
            segments.append(Segment(start, end, None, HOW_NONE, index))
            continue
        if is_transcript and (called := _witness(text, label.body_start if label is not None else start, end, entities)):
            examining = {"ANSWER": called}  # "The State calls Dr. Priya Venkataraman": the answers are hers from now
        if index in examiners:
            examining["QUESTION"] = entities.label(examiners[index])  # his questions until the next such line
            turn = None
            continue
        if index in headings:  # the record says who holds the office; the heading is nobody's words
            office, who, title = headings[index]
            presiding[office] = holder = entities.label(who)
            if title and title not in holder.titles:
                holder.titles.append(title)  # "Facilitator: Marguerite Osei": "the facilitator" is she
            turn = None
            segments.append(Segment(start, end, None, HOW_NONE, index))
            continue
        if label is not None:
            role = labels.office_of(label.name)  # "The PRESIDING OFFICER", "The Prime Minister": whoever the record says holds it
            named = labels.split_parenthesised(label.name) is not None  # "The Prime Minister (Gareth Pennington)"
            turn = presiding.get(role) if role is not None and not named else None
            many = label.name.lower().strip(" .") in _MANY_VOICES  # "SPEAKER:", "CALLER:": each the one called on
            turn = turn or examining.get(labels.role_label(label.name) or "") or _introduced_in_turn(text, label, end, entities) \
                or (_on_the_floor(floor, entities) if many and floor is not None and not spoke_many else None) \
                or (entities.handle(label.name) if label.shape == "chat" else entities.label(label.name))
            if crowd:
                floor = turn if many else _called_on(text, label.body_start, end, floor, in_full)
            spoke_many = many  # two such turns in a row are two people's
            if role is not None and named:
                presiding[role] = turn
            # "- **Ana:** …": the next item is not hers, nor the paragraph after the list
            in_list = transcript.LIST_ITEM.match(text, start, end) is not None
            indent = _indentation(text, label.body_start, end)
            words_end = end
            if (signed := _signed(text, label, end, entities)) is not None:
                turn, words_end = signed  # "Answer: … / By Ana Ruiz on 14 March 2026": hers; the line is no one's words
            if (reactions := labels.REACTIONS.search(text, label.body_start, words_end)) is not None:
                words_end = reactions.start()  # "2d 14 likes Reply" under a comment: the page's line
            state.spoke(turn)
            if label.body_start < words_end:
                segments.append(Segment(label.body_start, words_end, turn.key, HOW_LABEL, index))
            signature = next((i for i in range(words_end, end) if not text[i].isspace()), end)
            if signature < end:
                segments.append(Segment(signature, end, None, HOW_NONE, index))
        elif index in speakers_of:
            turn = speakers_of[index]  # the heading is nobody's words; the statement after it is theirs
            line_end = headed[index][2] if index in headed else end
            segments.append(Segment(start, line_end, None, HOW_NONE, index))
            body = next((i for i in range(line_end, end) if not text[i].isspace()), end)
            if body < end and turn is not None:
                segments.append(Segment(body, end, turn.key, HOW_LABEL, index))  # "Question from X:" then, below, X's question
        elif labels.bracketed(text, start, end) or (records and labels.record_voice(text, start, end)):
            turn = None  # "[Whereupon, …]", "The clerk read as follows:": the record speaking, and the turn is over
            segments.append(Segment(start, end, None, HOW_NONE, index))
        elif is_transcript and (index in sections or _caps_heading(text, start, end, heading_words)
                                or _SWORN_LINE.fullmatch(text, start, end) or _swearing_in(text, start, end)):
            turn = None  # "DIRECT EXAMINATION", "MR X (sworn)", "X, having been duly sworn, …": the record's, nobody's words
            segments.append(Segment(start, end, None, HOW_NONE, index))
        elif is_transcript and (labels.parenthesised(text, start, end) or labels.time_mark(text, start, end)):
            segments.append(Segment(start, end, None, HOW_NONE, index))  # "(Laughter.)", "00:05:00": no one's; the turn goes on
        elif is_transcript and (examination := _EXAMINATION_LINE.fullmatch(text, start, end)) is not None:
            turn = None  # "Questions from MR KEITH": the record's line; the "Q." turns below are his
            segments.append(Segment(start, end, None, HOW_NONE, index))
            examiner = _person_named(examination.group("who"), entities)
            if examiner is not None:
                examining["QUESTION"] = examiner
        elif is_transcript and (voice := transcript.VOICE_CHANGE.match(text, start, end)) is not None \
                and (named := _introduced_voice(text, voice.end(), end, entities) or named_voices.get(index)) is not None:
            turn = named  # ">> GOOD EVENING. I'M TERESA VOLKOV.": a voice that says who it is, or that another names
            segments.append(Segment(next((i for i in range(voice.end(), end) if not text[i].isspace()), end), end, turn.key,
                                    HOW_LABEL, index))
        elif turn is not None and not labels.is_aside(text, start, end) and not transcript.VOICE_CHANGE.match(text, start, end) \
                and not _between_turns(text, start, end) and not in_list \
                and _indentation(text, start, end) + _OUTDENT > indent:  # after a list's "- Name: …", the list's end
            segments.append(Segment(start, end, turn.key, HOW_LABEL, index))  # (">> Here.": another voice, unnamed)
        else:
            turn = None  # "Note: ..." closes the turn; it and what follows are narration until the next label
            segments.extend(prose.attribute_paragraph(text, start, end, index, entities, state, by_block.get(index)))
    if is_transcript:
        _learn_addressees(text, segments, entities)
    else:  # a speech, a statement, an essay, a letter: what no one else is quoted saying, its author says
        segments = prose.give_back(text, prose.carry_open_quotes(text, segments), entities)
        segments = authors.attribute_author(text, normalize(document.title), spans, segments, entities)
    segments = _credited_by_initials(text, segments, entities)
    _self_described(text, segments, entities)
    mentions = _mentions(text, entities, label_spans)
    return Attribution(document, text, segments, entities.items, mentions, is_transcript)


_OUTDENT = 4  # columns: a paragraph that far left of indented dialogue is a screenplay's action, nobody's words

# a point of the minutes credited to who made it, by the initials the attendance gives them: "… costs £120 [BL]."
_CREDITED_INITIALS = re.compile(r"[\[(](?P<short>[A-Z]{2,4})[\])][ \t]*[.!?]?[ \t]*$"
                                r"|[.!?][ \t]*[\[(](?P<after>[A-Z]{2,4})[\])][ \t]*$")


def _credited_by_initials(text: str, segments: list[Segment], entities: Entities) -> list[Segment]:
    """Narration that ends with the initials a list of those present gives someone ("Present: Bo Li (BL)", then "A
    padlock would scare people off [BL].") is that person's point, as minutes credit it."""
    if not entities.abbreviations:
        return segments
    out = []
    for segment in segments:
        credit = _CREDITED_INITIALS.search(text, segment.start, segment.end) if segment.how == HOW_NONE else None
        person = entities.abbreviations.get(credit.group("short") or credit.group("after")) if credit else None
        named = text[segment.start : credit.start()].rstrip(" \t.!?").split()[-1:] if credit else []
        if person is not None and not (named and named[0] in person.display.split()):  # "Bo Li (BL)": the list itself
            person.spoke = True
            segment = Segment(segment.start, segment.end, person.key, HOW_REPORTED, segment.paragraph)
        out.append(segment)
    return out

def _self_described(text: str, segments: list[Segment], entities: Entities) -> None:
    """The office or occupation a person gives themself in their own words (``authors.SELF_OFFICE``: "I'm writing as
    caretaker of the hall"): one of their titles, so that "the caretaker" finds them."""
    by_key = {entity.key: entity for entity in entities.items}
    for segment in segments:
        person = by_key.get(segment.speaker) if segment.speaker is not None else None
        if person is None or person.kind != PERSON:
            continue
        for match in authors.SELF_OFFICE.finditer(text, segment.start, segment.end):
            office = match.group("office")
            if _an_office(office) and office.lower() not in {t.lower() for t in person.titles}:
                person.titles.append(office)


def _indentation(text: str, start: int, end: int) -> int:
    """How far the line of the first words at or after ``start`` is indented (a tab as four); 0 where the words
    follow something on their line ("MR. LI: Words")."""
    first = next((i for i in range(start, end) if not text[i].isspace()), end)
    line = text[text.rfind("\n", 0, first) + 1 : first]
    return len(line.expandtabs(4)) if not line.strip() else 0


_TITLE_BREAKS = HEADING_PREPOSITIONS | {"and", "of", "to", "&"}
# A trial's or deposition's record: who examines ("BY MR. HALVORSEN:" above the questions) and who is examined
# ("The State calls Dr. Priya Venkataraman", "LELAND ASHBY, having been duly sworn, testified as follows:").
_EXAMINER = re.compile(r"(?i)by[ \t]+(?P<who>.+)")
_CALLS = re.compile(  # a party calls its witness: "The State calls", "The defense recalls", "We call"
    r"\b(?:the[ \t]+)?(?:state|people|prosecution|defen[cs]e|government|commonwealth|crown|plaintiffs?|defendants?|petitioners?"
    r"|respondents?|we|I)[ \t]+(?:now[ \t]+|will[ \t]+)?(?:calls?|recalls?)[ \t]+"
    r"(?:(?:as[ \t]+)?(?:its|our|their|the)[ \t]+(?:first[ \t]+|next[ \t]+)?witness,?[ \t]+)?"
    r"|\b(?:the|our|my)[ \t]+(?:first|next)[ \t]+witness[ \t]+(?:is|will[ \t]+be)[ \t]+", re.I)  # "The next witness is"
_SWORN = re.compile(r"[ \t]*(?P<who>[A-Z][^,\n]{2,60}?),\s+(?:having\s+been|being|was)\s+(?:first\s+|duly\s+)*"
                    r"(?:sworn|affirmed)", re.I)
# An inquiry's or tribunal's line for a witness taking the oath: "MR DESMOND OKAFOR-LIND (sworn)", "DR ANA RUIZ (affirmed)"
_SWORN_LINE = re.compile(r"[ \t]*(?P<who>[A-Z][A-Za-z'’. -]{2,60}?)[ \t]*\((?i:sworn|affirmed|re-?sworn|recalled|on[ \t]+oath"
                         r"|on[ \t]+affirmation)\)[ \t]*$")
# Who examines from here on, as a line of the record: "Questions from MR KEITH", "Cross-examination by Ms Ruiz"
_EXAMINATION_LINE = re.compile(r"[ \t]*(?:(?:further|supplementary)[ \t]+)?(?:questions|(?:cross-|re-|direct[ \t]+)?examination)"
                               r"[ \t]+(?:from|by)[ \t]+(?P<who>[^\n]{2,80}?)[ \t]*$", re.I)


# A record's credit line: "Transcribed by https://…", "Transcription by Ana Ruiz", "Captioning provided by …"
_CREDIT = re.compile(r"[ \t*_]*(?:(?:auto-?)?transcri(?:bed|ption|pt)|(?:closed[ \t]+)?caption(?:ed|ing|s)?|recorded|edited)"
                     r"[ \t]+(?:(?:provided|produced|generated)[ \t]+)?by\b[^\n]{1,120}$", re.I)


def _between_turns(text: str, start: int, end: int) -> bool:
    """A paragraph after a turn that is not the turn going on, and no one's words: a heading of the record's next part,
    in title case ("Ana Ruiz", "Press Conference" under the moderator's "Thank you, Coach."), a credit line
    ("Transcribed by https://…"), or a chat client's notice ("[10:03] * bo has joined #ops").  Not a line in capitals
    (a caption's unpunctuated words are), nor a date ("March 4, 2025" under a statement's heading)."""
    block = text[start:end]
    heading = prose.is_heading(text, start, end) and not block.isupper() and not any(c.isdigit() for c in block)
    return heading or _CREDIT.match(text, start, end) is not None or transcript.CHAT_NOTICE.match(text, start, end) is not None


def _section(text: str, label: Label, end: int) -> bool:
    """A colon label with nothing after it that names no one: a section of the record ("Prepared Remarks:",
    "Questions and Answers:"), not a speaker ("MARISOL FERREIRA:" with her words below names someone)."""
    return (label.shape == "colon" and not text[label.body_start : end].strip() and labels.role_label(label.name) is None
            and not transcript.someone(label.name) and _EXAMINER.fullmatch(label.name) is None)


def _holder(text: str, label: Label, end: int, opening: bool) -> str | None:
    """Who a heading line says holds the office its label names ("President: Mr. Haverkamp-Sola (Liberia)"), or None.
    ``opening``: the record's first label."""
    who = labels.holder_heading(text, label, end, opening)
    return who if who is not None and transcript.someone(labels.unqualified(who)) else None


def _examiner(text: str, label: Label, end: int) -> str | None:
    """The examining lawyer a "BY MR. HALVORSEN:" line names (a label with no words after it), or None."""
    match = _EXAMINER.fullmatch(label.name)
    if match is None or text[label.body_start : end].strip():
        return None
    who = match.group("who").strip()
    parts = names.parse_name(who, upper=who.isupper())
    return who if parts is not None and (parts.honorific or parts.title) else None


SWEARING_IN = 200  # characters: the record's line that swears a witness in, at most


def _swearing_in(text: str, start: int, end: int) -> bool:
    """A deposition's line that swears its witness in ("X, having been first duly sworn, testified as follows:"): the
    court reporter's words, not the witness's."""
    return end - start <= SWEARING_IN and _SWORN.match(text, start, end) is not None


def _witness(text: str, start: int, end: int, entities: Entities) -> Entity | None:
    """The witness a turn calls ("The State calls Dr. Priya Venkataraman") or a paragraph swears in, or None."""
    sworn = _SWORN.match(text, start, end) or _SWORN_LINE.fullmatch(text, start, end)
    if sworn is not None:
        parts = names.parse_name(sworn.group("who"))
        return entities.person(parts, written=parts.full) if parts is not None and parts.given else None
    for match in _CALLS.finditer(text, start, min(end, start + 300)):
        run = next(iter(names.runs(text, match.end(), end)), None)
        if run is not None and run[0] == match.end():
            title_start = names.preceding_title(text, run[0], match.end())
            parts = names.parse_name(text[title_start:run[1]])
            if parts is not None and parts.given:
                return entities.person(parts, written=parts.full)
    return None


def _card_office(text: str, label: Label) -> str | None:
    """What a profile's card says its author does, on the line under the name ("Sailing instructor for 22 years ·
    Answered 3y", "Head of operations at Northway Ferries"), as a title: "sailing instructor", "head of operations"; None
    where the card says no such thing ("42 reviews · 118 photos").

    >>> t = "Ana Ruiz\\nRetired harbour pilot · Answered 1y\\nStart on dinghies."
    >>> _card_office(t, Label("Ana Ruiz", 0, 8, 45, "post"))
    'retired harbour pilot'
    """
    for line in text[label.end : label.body_start].splitlines():
        line = re.sub(r"^[ \t]*•[ \t]*(?:1st|2nd|3rd\+?)(?=\s|$)", "", line).split("·")[0].split(",")[0].strip()
        words = line.lower().split()
        if not words or any(c.isdigit() or c in "★☆•" for c in words[0]):
            continue
        cut = next((i for i, w in enumerate(words) if w in OFFICE_ENDS and w != "of"), len(words))  # "head of operations"
        head = words[: words.index("of")] if "of" in words[:cut] else words[:cut]
        office = 1 <= len(head) <= 3 and (head[-1] in ROLE_WORDS or describes_a_person(head))
        return " ".join(words[:cut]) if office and cut <= 5 else None
    return None


def _person_named(who: str, entities: Entities) -> Entity | None:
    """The person a record's line names with an honorific or title ("MR KEITH", "Ms Ruiz"), or None ("COUNSEL TO THE
    INQUIRY" names an office)."""
    parts = names.parse_name(who, upper=who.isupper())
    if parts is None or not parts.surname or not (parts.honorific or gender.from_first_name(parts.given.split(" ")[0])):
        return None
    return entities.label(who)


HEADING_WORDS = 16  # a line in capitals between a record's turns in ordinary case, at most: a heading, no one's words


def _caps_heading(text: str, start: int, end: int, words: int = 6) -> bool:
    """A transcript's section heading: one line of one to ``words`` words in capitals, no sentence end ("DIRECT
    EXAMINATION", "CROSS-EXAMINATION", "AFTERNOON SESSION"), or marked as a heading or in bold ("## Part two",
    "**Background**").  A record in ordinary case allows longer ones (``HEADING_WORDS``: "ORAL ARGUMENT OF ANA RUIZ
    ON BEHALF OF THE PETITIONER"); in a caption written in capitals such a line is someone's words.

    >>> _caps_heading("CROSS-EXAMINATION", 0, 17), _caps_heading("NO!", 0, 3), _caps_heading("Thank you", 0, 9)
    (True, False, False)
    >>> _caps_heading("**Show notes**", 0, 14), _caps_heading("**Yes.** We did.", 0, 16), _caps_heading("**Yes!**", 0, 8)
    (True, False, False)
    >>> _caps_heading("Questions & Answers:", 0, 20), _caps_heading("Here is the list:", 0, 17)
    (True, False)
    >>> _caps_heading("ORAL ARGUMENT OF ANA RUIZ ON BEHALF OF THE PETITIONER", 0, 52, HEADING_WORDS)
    True
    """
    block = text[start:end].strip()
    if "\n" not in block and (_MARKED_HEADING.fullmatch(block) or _TITLED_HEADING.fullmatch(block)):
        return True
    letters = [ch for ch in block if ch.isalpha()]
    return (bool(block) and "\n" not in block and 1 <= len(block.split()) <= words and block[-1] not in ".!?…:\"”"
            and len(letters) >= 4 and all(ch.isupper() for ch in letters))


# Markdown's heading, or a bold line that is no sentence ("**Background**", not an emphatic "**Absolutely.**")
# A section's title with a colon and nothing after it, every word capitalised but its connectors ("Questions & Answers:",
# "Prepared Remarks:"): a part of the record, where a label that parses ("Questions and Answers:") is one by ``_section``.
# A meeting's list of tasks, by its heading: "## Action items", "**Next steps:**", "To do:", "Actions"
_ASSIGNMENTS = re.compile(r"[ \t]*(?:#{1,6}[ \t]+|\*\*|__)?(?i:action[ \t]+items?|actions|next[ \t]+steps|to-?[ \t]?dos?|tasks"
                          r"|assignments|follow[- ]ups?)[ \t]*(?::[ \t]*)?(?:\*\*|__)?[ \t]*:?[ \t]*(?:\n|$)")
_TITLED_HEADING = re.compile(r"[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’-]*|&|and|of|the|for|to|on))*[ \t]*:")
_MARKED_HEADING = re.compile(r"#{1,6}[ \t]+[^\n]{1,80}|(?:\*\*|__)[^*_\n]{0,59}[^*_\n.!?…\"”](?:\*\*|__)")


def _acting(word: str) -> bool:
    """A verb's -ing form in a title ("… After Surveying Storm Damage"), which no title or name has ("King" is a title)."""
    return word.lower().endswith("ing") and word.lower() not in ROLE_WORDS and len(word) > 5


def _title_people(title: str) -> list[str]:
    """The people a document's title names, each with the title words before them; a title from a file
    name has lost its commas, so a known first name starts each person ("… Press Secretary Jen Psaki
    Detroit Mayor Mike Duggan" -> "Press Secretary Jen Psaki", "Detroit Mayor Mike Duggan")."""
    words = title.replace(",", " , ").split()
    out, done = [], 0
    for i in range(len(words) - 1):
        if i < done or not gender.from_first_name(words[i]) or not words[i + 1][:1].isupper():
            continue
        start = i
        while start > done and words[start - 1] != "," and not _acting(words[start - 1]) and (
                words[start - 1].lower() not in _TITLE_BREAKS or (
                words[start - 1].lower() == "of" and start > done + 1 and words[start - 2].lower() in ROLE_WORDS)):
            start -= 1  # back over the title, through "of" in "Secretary of Energy"
        end = i + 2
        while end < len(words) and words[end].lower() in names.PARTICLES | {"jr.", "jr", "sr.", "iii"}:
            end += 1
        dangling = end < len(words) and words[end - 1].lower() in names.PARTICLES  # "… Ben" of "Ben Ali": take the next word too
        out.append(" ".join(words[start:end] + (words[end : end + 1] if dangling else [])))
        done = end
    return out


_OFFICE_HEADS = "|".join(sorted((w for w in ROLE_WORDS - DOMAIN_WORDS if w.isalpha()), key=len, reverse=True))
_ADDRESSED = re.compile(
    r"\b[Tt]he\s+(?:(?i:right|hon(?:ourable)?\.?)\s+)*(?P<role>(?:(?:[A-Z][\w-]*)\s+){0,2}?(?i:" + _OFFICE_HEADS
    + r")(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+|of\s+|the\s+)?[A-Z][\w'’-]*){0,4})?)\b"
    r"(?!['’]s\b)")  # "the mayor's office" speaks of the office's holder, not to them


# "Hon. Harold Lindqvist, Chairman of the Committee, presiding", "Hon. Gloria Fairbanks [Chairwoman of the Subcommittee]
# presiding": who holds the chair, as a record's preamble says.
# "Members present: Dame Harriet Sowerby (Chair); …": an attendance list names who chairs.
_PRESIDING_NARRATION = re.compile(
    r"(?:Hon\.|Honorable|Senator|Representative|Sen\.|Rep\.|Mr\.|Ms\.|Mrs\.)\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
    r"\s*(?:,\s*|\[|\()(?P<office>[^,\[\]()\n]{2,80}?)[,\])]?\s+presiding\b"
    r"|(?P<name2>(?:[A-Z][\w.'’-]*\s+){1,4}?[A-Z][\w'’-]+)\s*\((?P<office2>(?:Acting\s+|Vice\s+|Deputy\s+)?"
    r"(?:Chair(?:man|woman|person)?|Convener|Convenor|Presiding\s+Officer|Speaker))\)"
    # a court transcript's caption: "BEFORE THE HONORABLE ADELINE MARCHETTI, CIRCUIT JUDGE"
    r"|\b(?i:before:?\s+(?:the\s+)?hon(?:orable|\.))\s+(?P<name3>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}),\s*"
    r"(?P<office3>[^,\n]{0,40}?(?i:judge|justice|magistrate)[^,\n]{0,40}?)\s*$", re.M)


def _statement_person(who: str, office: str, entities: Entities) -> Entity | None:
    """The person a statement heading names ("CHAIRMAN HAROLD LINDQVIST"; "LENA VOSS" with office "DIRECTOR, …")."""
    if is_organisation(who.split()):
        return entities.organisation(who)  # "Written evidence submitted by the Oakton Ferry Users Group"
    caps = capitals_name(who)
    parts = names.parse_name(who, upper=caps)
    if parts is None:
        return None
    entity = entities.person(parts, written=None if caps else parts.full)
    office = names.name_case(office.split(",")[0].strip()) if office else ""
    if office and office not in entity.titles and any(w.lower() in ROLE_WORDS for w in office.split()):
        entity.titles.append(office)
    return entity


def _role_holders(text: str, spans: list[tuple[int, int]], found: list[Label | None],
                  stated: dict[int, Entity | None], entities: Entities) -> dict[str, Entity]:
    """Who holds each presiding office a label names ("The CHAIRMAN"), where the record says it of one
    person: a label or a statement heading that gives them the title ("Chairman HALLORAN:", "OPENING
    STATEMENT OF CHAIRMAN …"), or the preamble ("…, Chairman of the Committee, presiding").  A title
    written as the label writes it ("Chairman") wins over one of the same office ("Chair")."""
    people: list[Entity] = [e for e in stated.values() if e is not None]
    people += [entities.label(label.name) for label in found if label is not None and labels.presiding_role(label.name) is None
               and label.shape != "chat"  # a nickname holds no office
               and (labels.office_of(label.name) is None or labels.split_parenthesised(label.name))]  # people, not offices
    for match in _PRESIDING_NARRATION.finditer(text, 0, spans[min(len(spans), 12) - 1][1] if spans else 0):
        who = match.group("name") or match.group("name2") or match.group("name3")
        parts = names.parse_name(who, upper=who.isupper())
        if parts is not None:
            person = entities.person(parts, written=None if who.isupper() else parts.full if parts.given else None)
            office = (match.group("office") or match.group("office2") or match.group("office3")).strip()
            office = names.name_case(office) if office.isupper() else office
            if office not in person.titles:
                person.titles.append(office)
            people.append(person)
    holders: dict[str, Entity] = {}
    for label in found:
        role = labels.presiding_role(label.name) if label is not None and "(" not in label.name else None
        if role is None or label.name in holders:
            continue
        office = labels.PRESIDING[role]
        for exact in (True, False):
            fit = {e.key: e for e in people if e.kind == PERSON and any(
                (w == role) if exact else labels.PRESIDING.get(w) == office
                for title in e.titles for w in (title.lower().strip(","), *(x.lower().strip(",") for x in title.split())))}
            if len(fit) == 1:
                holders[label.name] = next(iter(fit.values()))
                break
            if len(fit) > 1:
                break  # two people with that very title: the record does not say which
    return holders


# A criminal case's caption: the state against one person ("STATE OF MERIDIAN v. JONAS WHITCOMBE", "People v. Brady",
# "UNITED STATES OF AMERICA vs. Dana Cole")
_CAPTION = re.compile(
    r"^[ \t]*(?:THE[ \t]+)?(?i:state|people|united[ \t]+states|commonwealth|crown|government|r\.?|rex|regina)"
    r"(?:[ \t]+(?i:of)[ \t]+[A-Za-z .]{2,40}?)?,?[ \t]+(?i:v\.?|vs\.?|versus)[ \t]+(?P<who>[^\n]{3,80}?)[ \t]*,?[ \t]*$", re.M)


def _defendant(text: str, spans: list[tuple[int, int]], found: list[Label | None], entities: Entities) -> dict[str, Entity]:
    """"THE DEFENDANT:" as the one person a criminal case's caption names, before the first turn; not when the
    caption names several ("v. X and Y", "et al.")."""
    first = next((i for i, label in enumerate(found) if label is not None), None)
    wanted = {label.name for label in found if label is not None and labels.office_of(label.name) == "defendant"}
    if first is None or not wanted:
        return {}
    match = _CAPTION.search(text, 0, spans[first][0])
    who = match.group("who") if match else ""
    if not who or re.search(r"(?i)\band\b|&|et\.?\s+al|,", who):
        return {}
    parts = names.parse_name(who, upper=who.isupper())
    if parts is None or not parts.given:
        return {}
    person = entities.person(parts, written=None if who.isupper() else parts.full)
    return dict.fromkeys(wanted, person)


_PARTY = (r"(?P<party>(?i:plaintiffs?|defendants?|claimants?|respondents?|petitioners?|appellants?|appellees?|applicants?"
          r"|prosecution|defen[cs]e|state|people|crown|government))")
# A record's appearances: "For the Plaintiff: Ana Ruiz, Esq.", "On behalf of the Defendants: MR. BO LI"
_APPEARANCE = re.compile(r"(?im)^[ \t]*(?:for|on[ \t]+behalf[ \t]+of)[ \t]+(?:the[ \t]+)?" + _PARTY
                         + r"[ \t]*:[ \t]*(?P<who>[^\n,;]{3,60})")
# and the other way round, as a court's argument transcript lists them, and its headings: "ANA RUIZ, ESQ., Oakton,
# Ohio; on behalf of the Petitioner.", "ORAL ARGUMENT OF ANA RUIZ ON BEHALF OF THE PETITIONER"
_ON_BEHALF = re.compile(r"(?m)^[ \t]*(?P<heading>(?i:(?:oral|rebuttal)[ \t]+argument[ \t]+of)[ \t]+)?"
                        r"(?P<who>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){1,4})(?:,[^\n;:]{0,150}?;?)?[ \t]+"
                        r"(?i:on[ \t]+behalf[ \t]+of[ \t]+(?:the[ \t]+)?)" + _PARTY + r"[ \t.]*$")


def _counsel(text: str, spans: list[tuple[int, int]], found: list[Label | None], entities: Entities) -> None:
    """Each lawyer a record's appearances name before the first turn, as counsel for their party ("For the Defendant:
    Ana Ruiz, Esq." makes her "Counsel for the Defendant": "the defendant's lawyer" is she), and each an argument's
    heading names so ("ORAL ARGUMENT OF ANA RUIZ ON BEHALF OF THE PETITIONER")."""
    first = next((i for i, label in enumerate(found) if label is not None), None)
    if first is None:
        return
    listed = [*_APPEARANCE.finditer(text, 0, spans[first][0]), *_ON_BEHALF.finditer(text, 0, spans[first][0])]
    headed = [m for m in _ON_BEHALF.finditer(text, spans[first][0]) if m.group("heading")]  # between the turns
    for match in listed + headed:
        who = match.group("who").strip()
        caps = capitals_name(who)
        parts = names.parse_name(who, upper=caps)
        if parts is None or not parts.given or not parts.surname:
            continue
        person = entities.person(parts, written=None if caps else parts.full)
        office = f"Counsel for the {match.group('party').title()}"
        if office not in person.titles:
            person.titles.append(office)


# A title in apposition after a name, to the next comma: "…, Spokesperson for the Secretary-General." (a list's next
# person, "…, Superintendent Dr. Y", is no title: ``_named_in_preamble``)
_APPOSITIVE_TITLE = re.compile(r",[ \t]+(?:the[ \t]+)?(?P<title>[A-Z][^,;:\n()]{1,80}?)[ \t.]*(?=[,;:\n(]|$)")
# a cast list's or a roster's description after the name: "ANA RUIZ, a ferry captain, sixties"
_APPOSITIVE_ROLE = re.compile(r",[ \t]+(?:an?|the)[ \t]+(?P<title>[a-z][a-z'’-]*(?:[ \t]+[a-z][a-z'’-]*){0,3})[ \t.]*"
                              r"(?=[,;:\n(]|$)")


def _named_in_preamble(text: str, title: str, spans: list[tuple[int, int]], found: list[Label | None],
                 entities: Entities) -> dict[str, Entity]:
    """Labels that are a first name ("Harriet:", "JESSAMY:") as the one person the title or the text before the first
    turn names in full with it ("Present: Harriet Okwuosa (chair), …", "This week Jessamy Moreno-Platt talks with …").
    A label with a surname only ("BOARD MEMBER LINDGREN:") or an office ("SUPERINTENDENT:") is, the same way, the one
    person the text before the first turn names in full with it ("Board Members Oskar Lindgren and …"): a surname
    label then finds that person as labels find people (given the label's office), an office label is aliased."""
    first = next((i for i, label in enumerate(found) if label is not None), None)
    people = {label.name for label in found if label is not None and labels.role_label(label.name) is None
              and labels.office_of(label.name) is None}
    offices = {label.name: labels.office_of(label.name) for label in found if label is not None
               and labels.role_label(label.name) is None and presiding_role(label.name) is None
               and labels.office_of(label.name) is not None and labels.split_parenthesised(label.name) is None}
    if first is None or not (people or offices):
        return {}
    by_given: dict[str, set[tuple[str, str]]] = collections.defaultdict(set)  # first name: {(full name, title)}
    by_surname: dict[str, set[tuple[str, str]]] = collections.defaultdict(set)
    titled: list[tuple[set[str], str]] = []  # each full name the preamble gives a title, with that title's office words
    roles: dict[str, str] = {}  # a full name's office as a cast list describes it ("a ferry captain")
    # the title's people as a file name's title is read ("… Press Secretary Dana Whitfield Riverton Mayor Ilse Brandvold"), for a
    # first-name label only; the preamble's full names, for any label (a surname or an office)
    preamble = spans[first][0]
    runs: list[tuple[str, int | None]] = [(phrase, None) for phrase in _title_people(title)]  # None: from the title
    runs += [(text[s:e], e) for s, e in names.runs(text, 0, preamble)]  # where each preamble name ends
    for phrase, after in runs:
        caps = after is not None and capitals_name(phrase)  # "For the Plaintiff: DANIEL FOSKETT, ESQ.", with a sure first name
        parts = names.parse_name(phrase, upper=caps)
        if caps and parts is not None and not gender.from_first_name(parts.given.title(), strict=True):
            continue  # "UNITED STATES DISTRICT COURT"
        if parts is not None and parts.given and parts.surname and parts.surname.lower() != parts.given.lower():
            named = (phrase if not parts.title else parts.full, parts.title)
            by_given[parts.given.split()[0].lower()].add(named)
            if after is not None:
                by_surname[parts.surname.lower()].add(named)
                if parts.title:
                    titled.append((office_words(parts.title), named[0]))
                appositive = _APPOSITIVE_TITLE.match(text, after, preamble)  # "X, Spokesperson for the Secretary-General"
                if appositive is not None and not parts.title and names.parse_name(appositive.group("title")) is None:
                    titled.append((office_words(appositive.group("title")), named[0]))  # not "…, Superintendent Dr. Y"
                described = _APPOSITIVE_ROLE.match(text, after, preamble)
                if described is not None and not parts.title and _an_office(described.group("title")):
                    roles[named[0]] = described.group("title")
    out: dict[str, Entity] = {}
    lower: set[str] | None = None  # the words the text writes in lower case, read once if a label needs them
    for written in people:
        alone = re.fullmatch(r"[A-Za-z][a-z'’-]+|[A-Z][A-Z'’-]+", written) is not None
        if alone and not by_given.get(written.lower()):  # "ANA:", whom the host's first turn introduced in full
            lower = lower if lower is not None else written_lower(text)
            by_given[written.lower()] = _introduced_before(text, spans, found, written, lower)
        if alone and len(by_given.get(written.lower(), ())) == 1:
            full_name = next(iter(by_given[written.lower()]))[0]
            caps = capitals_name(full_name)  # "ANA RUIZ-PARDO (60s) climbs the stairs", as a screenplay introduces her
            parts = names.parse_name(full_name, upper=caps)
            if parts is not None:
                out[written] = entities.person(parts, written=None if caps else parts.full)
                if full_name in roles and roles[full_name] not in out[written].titles:
                    out[written].titles.append(roles[full_name])  # "ANA:", whom the cast list calls "a ferry captain"
            continue
        label = names.parse_name(written, upper=capitals_name(written))
        if label is not None and label.given and label.surname and not label.title:
            _preamble_title(written, label, by_surname, entities)  # "ANA RUIZ:" of a roster's "CAPTAIN ANA RUIZ"
            continue
        full = by_surname.get(label.surname.lower(), set()) if label is not None and not label.given else set()
        if label is None or len(full) != 1:
            continue
        full_name, given_title = next(iter(full))
        parts = names.parse_name(full_name, upper=capitals_name(full_name))
        if parts is None or (label.title and given_title and not office_words(label.title) & office_words(given_title)):
            continue  # "AMBASSADOR HALLORAN:" is not the "National Security Advisor Jake Halloran" the preamble names
        if label.gender is None or gender.from_first_name(parts.given) in (None, label.gender):
            person = entities.person(parts, written=parts.full)  # "Oskar Lindgren", whom "BOARD MEMBER LINDGREN:" then is
            if label.title and label.title not in person.titles:
                person.titles.append(label.title)  # the label's office, so that the label finds him (and mistypes settle)
    for written, office in offices.items():  # "SUPERINTENDENT:" is the one "Superintendent Dr. Ekwueme Balogun-Hart"
        wanted = office_words(office or "")
        holders = {full for words, full in titled if wanted and wanted <= words}
        parts = names.parse_name(next(iter(holders))) if len(holders) == 1 else None
        if parts is not None and parts.given:
            out[written] = entities.person(parts, written=parts.full)
    return out


def _introduced_before(text: str, spans: list[tuple[int, int]], found: list[Label | None], written: str,
                       lower: set[str]) -> set[tuple[str, str]]:
    """The full names with a first-name label's first name that the turns before its own first turn write: a quiz
    host's "a beekeeper from Oakton, it's Ana Ruiz-Pardo!" over "ANA:"; not where the label or the surname is a word
    the text also writes in lower case (``lower``: "Sales:" under "the Sales Lead has been watching")."""
    own = next((i for i, label in enumerate(found) if label is not None and label.name == written), None)
    if own is None or written.lower() in lower:
        return set()
    out = set()
    for start, end in names.runs(text, 0, spans[own][0]):
        parts = names.parse_name(text[start:end])
        if parts is not None and parts.given.lower() == written.lower() and parts.surname and not parts.title \
                and not {w.lower() for w in parts.surname.split()} & (lower | ROLE_WORDS):
            out.add((parts.full, ""))  # the label says the first word is a first name
    return out


def _preamble_title(written: str, label: names.NameParts, by_surname: dict[str, set[tuple[str, str]]],
                    entities: Entities) -> None:
    """A full-name label's office, where the text before the first turn gives it with the same name and only that one (a
    press conference's roster: "HEAD COACH ANA RUIZ" over "CAPTAIN BO LI", then "BO LI:" speaks as the captain)."""
    offices = set()
    for full_name, office in by_surname.get(label.surname.lower(), ()):
        parts = names.parse_name(full_name, upper=capitals_name(full_name))
        if office and parts is not None and parts.given.lower() == label.given.lower():
            offices.add(names.name_case(office) if office.isupper() else office)
    if len(offices) == 1:
        person = entities.person(label, written=None if capitals_name(written) else label.full)
        office = offices.pop()
        if office.lower() not in {title.lower() for title in person.titles}:
            person.titles.append(office)


def _learn_addressees(text: str, segments: list[Segment], entities: Entities) -> None:
    """In hearings and briefings a turn that names an office ("the Minister of Seniors", "The hon. Prime
    Minister.") is most often answered by its holder: an office named before one person's turns, again
    and again (twice or more, and twice as often as anyone else), becomes that person's role alias, unless what the
    document says of them already disagrees ("the President" is not the press secretary)."""
    turns: list[tuple[str | None, int, int]] = []
    for segment in segments:
        if segment.how == HOW_LABEL and turns and turns[-1][0] == segment.speaker:
            turns[-1] = (segment.speaker, turns[-1][1], segment.end)
        else:
            turns.append((segment.speaker, segment.start, segment.end))
    seen: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for (speaker, start, end), (answerer, _, _) in zip(turns, turns[1:], strict=False):
        if answerer is None or answerer == speaker:
            continue
        for role in {role_key(m.group("role")) for m in _ADDRESSED.finditer(text, start, end)}:
            seen[role][answerer] += 1
    by_key = {e.key: e for e in entities.items}
    for role, answers in seen.items():
        people = [(key, n) for key, n in answers.most_common() if key in by_key and by_key[key].kind == PERSON]
        if not people:
            continue
        key, count = people[0]
        runner_up = people[1][1] if len(people) > 1 else 0
        entity = by_key[key]
        if count < 2 or count < 2 * runner_up:  # clearly the one who answers to it
            continue
        if names.titles_agree([role], entity.titles) and role not in entity.roles:
            entity.roles.append(role)


def _prose_blocks(text: str, spans: list[tuple[int, int]], found: list[Label | None],
                  statements: dict[int, tuple[str, str]], records: bool) -> list[int]:
    """Indexes of the blocks attributed as prose (not inside a labelled turn or a statement) that may carry speech."""
    out, in_turn = [], False
    for index, ((start, end), label) in enumerate(zip(spans, found, strict=True)):
        if label is not None or index in statements:
            in_turn = True
        elif labels.bracketed(text, start, end) or (records and labels.record_voice(text, start, end)):
            in_turn = False
        elif in_turn and not labels.is_aside(text, start, end):
            continue
        else:
            in_turn = False
            if nlp.needs_parse(text[start:end]):
                out.append(index)
    return out


def _harvest_named(text: str, entities: Entities, parsed: list[ParsedParagraph]) -> None:
    """People the model names, titled or not ("Nora Lindqvist", "Sam Patel"), become entities; every
    person or body it names backs a later cue subject."""
    entities.named = {}
    for paragraph in parsed:
        for start, end, written, label in paragraph.entities():
            words = written.split()
            if (label == "ORG" and 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words)
                    and gender.from_first_name(words[0])):
                label = "PERSON"  # the small model calls some people bodies: "Marcus Delaney" is a person
            if label != "PERSON" and len(words) == 1 and entities.by_surname(written) is not None:
                label = "PERSON"  # a surname the model took for a body in one sentence
            entities.add_named(written, label)
            if label != "PERSON":
                continue
            if len(words) > 3 and any(w in cues.VERB_FORMS for w in words):
                continue  # a headline the model read as a name: "Blinken Says Alliances Must…"
            run = next(((s, e) for s, e in names.runs(text, max(0, start - 60), end) if s <= start < e), None)
            if run is not None and run[1] == end:
                start = run[0]  # the whole written name: "French Foreign Minister Jean-Yves Le Drian"
            title_start = names.preceding_title(text, start, max(0, start - 60))
            parts = names.parse_name(text[title_start:end].strip())
            if (parts is None or not parts.surname[:1].isupper()
                    or strip_possessive(parts.surname.split()[-1]).lower() in ORG_WORDS):
                continue
            if parts.given or parts.title or parts.honorific or entities.by_surname(parts.surname) is not None:
                entities.person(parts, written=parts.full if parts.given else None)  # not a lone word: "Brookfield" may be a poll


# What an introduction calls the people behind role labels: "host Corinne Wu", "moderated by Dana Whitfield"
_HOST_SELF = re.compile(r"\b(?:I['’]m|I\s+am)\s+your\s+(?:co-?)?host,?\s+")  # the host's own "I'm your host, Ana Ruiz"
_INTRODUCED = {
    "HOST": re.compile(r"\b(?:(?:co-?)?host(?:ed)?(?:\s+by)?|presented\s+by|presenter)\s+", re.I),
    "MODERATOR": re.compile(r"\b(?:moderator|moderated\s+by)\s+", re.I),
    "FACILITATOR": re.compile(r"\b(?:facilitator|facilitated\s+by)\s+", re.I),  # a focus group's or a workshop's
    # "… She talked to Bo Li about …": the one she talked to asks
    "INTERVIEWER": re.compile(r"\b(?:interviewer:?|(?:interviewed|conducted)\s+by|interview\s+by"
                              r"|(?:she|he|they)\s+(?:spoke|talked)\s+to)\s+", re.I),
    # an oral history's or a profile's subject: "Oral History Interview with X"
    "NARRATOR": _WITH,
    "INTERVIEWEE": _WITH,
    "ANCHOR": re.compile(r"\b(?:anchor|anchored\s+by)\s+", re.I),
    # the host's welcome: "My guest today is …", "Joining me now is …", "I'm joined by …"
    "GUEST": re.compile(r"\b(?i:(?:my|our)\s+guest(?:\s+(?:today|tonight|this\s+(?:week|morning|evening|hour)))?\s+is"
                       r"|joining\s+(?:me|us)(?:\s+(?:today|tonight|now))?\s+is|(?:I['’]m|I\s+am|we['’]re|we\s+are)\s+joined"
                       r"(?:\s+(?:today|tonight|now))?\s+by)\s+(?:(?:the|a|an)(?:\s+[a-z][\w-]*){1,2}\s+)?"),
}
# how an introduction writes the holder of a role label by their honorific: "Dr Ana Ruiz" above "DOCTOR:"
_BY_HONORIFIC = {"doctor": r"doctor|dr\.?", "professor": r"professor|prof\.?"}
# a body's page of questions and answers, headed with its name: "Oakton District Council — Frequently asked questions: …"
_FAQ_HEADING = re.compile(r"[ \t]*(?P<body>[A-Z][\w'’&.-]*(?:[ \t]+(?:[A-Z][\w'’&.-]*|of|for|and|the)){0,6})[ \t]*(?:—|–|-|:)"
                          r"[ \t]*(?i:frequently[ \t]+asked[ \t]+questions|FAQs?\b|questions[ \t]+and[ \t]+answers"
                          r"|Q[ \t]*&[ \t]*A\b|your[ \t]+questions[ \t]+answered)")
_WELCOMING_TURNS = 2  # the first labelled turns, where a host says who their guest is


_ANSWERING = {labels.ROLE_LABELS[1][0], labels.ROLE_LABELS[3][0]}  # "A:", "R:": whoever the Q&A is with


# A line of a transcript's key to its numbered voices: "SPEAKER_00: Ana Ruiz", "Speaker 2: Bo Li (guest)"
_KEY_LINE = re.compile(r"[ \t]*(?P<label>[^:=\n]{1,20}?)[ \t]*[:=][ \t]*(?P<name>[^:\n()]{3,60}?)[ \t]*"
                       r"(?:\([^()\n]{1,40}\))?[ \t]*")


def _without_key(text: str, spans: list[tuple[int, int]], found: list[Label | None]) -> list[Label | None]:
    """The first blocks, when each of their lines gives a numbered voice its name and nothing more ("SPEAKER_00: Ana
    Ruiz"), are the transcript's key, not turns: no label there (``_keyed`` reads the names)."""
    out = list(found)
    for i, (start, end) in enumerate(spans):
        lines = [line for line in text[start:end].split("\n") if line.strip()]
        keys = [_KEY_LINE.fullmatch(line) for line in lines]
        if found[i] is None or not all(m is not None and labels.NUMBERED_VOICE.fullmatch(m.group("label").lower())
                                       and names.parse_name(m.group("name").strip()) is not None
                                       and labels.names_someone(m.group("name").strip()) for m in keys):
            break
        out[i] = None
    return out


_ROLE_WORDS = re.compile(r"[A-Z][a-z]+(?:[ \t]+[a-z]+)?")  # a key's role: "Narrator", "Agent", "Support agent"


def _key_line(line: str) -> re.Match[str] | None:
    """A key's line, "Role: Name", with perhaps more sentences after the name ("Teacher: Ms Ana Ruiz. 28 pupils.")."""
    for stop in re.finditer(r"\.[ \t]+(?=[0-9A-Z])", line):
        match = _KEY_LINE.fullmatch(line, 0, stop.start())
        if match is not None and (parts := names.parse_name(match.group("name").strip())) is not None and parts.given:
            return match
    return _KEY_LINE.fullmatch(line)


# Fields of one line, each a role and its holder: "Candidate: Ana Ruiz. External examiner: Prof. Bo Li."
_FIELDS_SPLIT = re.compile(r"(?<=[a-z])\.[ \t]+(?=[A-Z][a-z]+(?:[ \t]+[a-z]+)?[ \t]*:)")


def _role_key(text: str, spans: list[tuple[int, int]], found: list[Label | None]) -> tuple[list[Label | None], dict[str, str]]:
    """The opening blocks, when each line gives a role its holder and nothing more ("Narrator: Ana Ruiz", "Agent:
    Bo") or is a header's field ("Date: 3 June 2026"), and every holder speaks below under their name, first name or
    initials ("Ana Ruiz:", "Bo:", "AR:") while no label below is the role: a key above the turns, not turns.  The
    labels without those blocks, and each holder's role as the key writes it."""
    roles: dict[str, str] = {}
    out = list(found)
    for i, (start, end) in enumerate(spans):
        if found[i] is None:
            continue
        below = {label.name.lower() for label in found[i + 1 :] if label is not None}  # "Ana Ruiz" speaks as "ANA RUIZ:"
        written_below = {label.name for label in found[i + 1 :] if label is not None}  # "Facilitator: X." over "FACILITATOR:"
        keyed: dict[str, str] = {}
        lines = [field for line in text[start:end].split("\n") if line.strip() for field in _FIELDS_SPLIT.split(line)]
        for line in lines:
            match = _key_line(line)
            role, holder = (match.group("label").strip(), match.group("name").strip()) if match else ("", "")
            parts = names.parse_name(holder) if match else None
            initial = role[:1] if role and describes_a_person([role.lower()]) else ""  # "T:" below "Teacher: Ana Ruiz"
            if _ROLE_WORDS.fullmatch(role) and parts is not None and not labels.NUMBERED_VOICE.fullmatch(role.lower()) \
                    and {w.lower() for w in (holder, parts.given, _initials_of(parts), initial) if w} & below \
                    and not any(labels.role_label(name) and labels.role_label(name) == labels.role_label(role) for name in below):
                keyed[holder] = role
            elif _ROLE_WORDS.fullmatch(role) and role.lower() in below and (len(lines) > 1 or role not in written_below) \
                    and parts is not None and parts.given and parts.surname:
                keyed[holder] = role  # "Candidate: Ana Ruiz. External examiner: Prof. Bo Li." above "CANDIDATE:" turns
            elif not labels.FIELD.match(line):
                break
        else:
            if keyed:  # a block of fields alone ("Date: …", "Location: Leeds") keys no one
                roles |= keyed
                out[i] = None
                continue
        break
    return out, roles


# Addressing an office as a turn opens: "Thank you, Mr. Chairman.", "Good morning, Madam President,"
_OFFICE_VOCATIVE = re.compile(r"\s*(?:[Tt]hank[ \t]+you|[Tt]hanks|[Gg]ood[ \t]+(?:morning|afternoon|evening))[ \t]*,[ \t]*"
                              r"(?:Mr\.?|Madam|Madame|Mister)[ \t]+(?P<office>(?:Vice[ \t]+)?(?:Chairman|Chairwoman|Chair"
                              r"|President|Speaker|Mayor|Secretary|Commissioner|Governor|Ambassador|Moderator))(?=[ \t]*[,.!;])")


def _one_holder(speaker: Entity) -> bool:
    """A person, or a transcriber's numbered voice ("Speaker 1"): one speaker who may hold an office."""
    return speaker.kind == PERSON or any(labels.NUMBERED_VOICE.fullmatch(label.lower()) for label in speaker.labels)


_TO_ORDER = re.compile(r"\b(?:(?:will|shall)[ \t]+(?:now[ \t]+)?come|(?:is|are|now)[ \t]+called"
                       r"|call(?:ing)?[ \t]+(?:this|the|our)[ \t]+(?:[a-z]+[ \t]+){0,3}?"
                       r"(?:meeting|hearing|session|council|board|committee))[ \t]+to[ \t]+order\b", re.I)


def _addressed_offices(text: str, spans: list[tuple[int, int]], found: list[Label | None], entities: Entities) -> None:
    """An office the turns thank or greet as they open ("Thank you, Mr. Chairman.") is the office of the person who
    spoke just before, when most such turns follow that one person and no one in the record already holds it by title
    or label: the chairman a record prints only by name is "the chairman" a question asks for.  Whoever calls the
    meeting to order counts once more for a presiding office (a member thanks the chair after a witness's answer).
    An asker's turn ("Q: Thank you, Mr. Mayor.") thanks whoever answers, not the one who called on them."""
    by_label = {written: e for e in entities.items for written in e.labels}  # as the turns were read: no new entity
    votes: dict[str, collections.Counter[str]] = {}
    people: dict[str, Entity] = {}
    previous: Entity | None = None
    opener: Entity | None = None  # who calls the meeting to order: a vote for the chair, beside those who follow them
    for label, (_, end) in zip(found, spans, strict=True):
        if label is None:
            continue
        speaker = by_label.get(label.name)  # None for an office's label ("The CHAIRWOMAN."), read through its holder
        speaker = speaker if speaker is not None and _one_holder(speaker) else None
        if opener is None and speaker is not None and _TO_ORDER.search(text, label.body_start, end):
            opener = people[speaker.key] = speaker
        match = _OFFICE_VOCATIVE.match(text, label.body_start, end) if labels.role_label(label.name) != "QUESTION" else None
        if match is not None and previous is not None and previous is not speaker:
            votes.setdefault(match.group("office").lower(), collections.Counter())[previous.key] += 1
            people[previous.key] = previous
        previous = speaker
    held = _offices_held(found, entities)
    for office, counted in votes.items():
        if opener is not None and (presiding_role(office) is not None or office in ("president", "moderator")):
            counted[opener.key] += 1
        (key, most), total = counted.most_common(1)[0], sum(counted.values())
        if 2 * most > total and not any(office_words(office) <= words for words in held):
            people[key].titles.append(office.title())


def _offices_held(found: list[Label | None], entities: Entities) -> list[set[str]]:
    """The offices the record already gives someone, by title or label, each as its words."""
    return [office_words(t) for e in entities.items for t in (*e.titles, *e.labels)] \
        + [office_words(label.name) for label in found if label is not None]


# A chair giving the floor by office: "I call the shadow Minister.", "I call on the Deputy Minister to speak, then.",
# "The chair recognizes the Member for Oakton,"; or a presiding officer's turn that is the office alone: "The Senator
# from Oakton."  (Not "I call the meeting to order", "I recognize the importance of …": the office needs an office word.)
_CALL_OFFICE = re.compile(r"\b(?:I[ \t]+(?:now[ \t]+|will[ \t]+now[ \t]+)?(?:call(?:[ \t]+(?:on|upon))?|recogni[sz]e)"
                          r"|[Tt]he[ \t]+[Cc]hair[ \t]+(?:now[ \t]+)?recogni[sz]es)[ \t]+the[ \t]+"
                          r"(?P<office>[A-Za-z][\w’'-]*(?:[ \t]+[\w’'-]+){0,6}?)"
                          r"(?=[ \t]*(?:[.,;!]|$)|[ \t]+(?:to[ \t]+speak|then|now)\b)")
_OFFICE_ALONE = re.compile(r"[ \t]*The[ \t]+(?P<office>(?:(?:[Hh]on(?:ou?rable|\.)|[Dd]istinguished)[ \t]+)?"
                           r"(?:Senator|Representative|Member|[Mm]ember|Gentleman|Gentlewoman|Gentlelady)[ \t]+(?:from|for)[ \t]+"
                           r"[A-Z][^\n.,;]{1,40}?)[ \t]*\.?[ \t]*")


# A host greeting whoever speaks next by their office as the turn ends: "Councillor, thanks for calling in.", "Go ahead,
# Minister.", "Welcome, Professor."
_GREETED_OFFICE = re.compile(
    r"(?:^|(?<=[.!?])[ \t]+|(?<=\n))(?:(?:[Ww]elcome(?:[ \t]+back)?|[Gg]o[ \t]+ahead|[Oo]ver[ \t]+to[ \t]+you)[ \t]*,[ \t]*"
    r"(?P<office>(?:(?:Mr\.?|Madam|Madame)[ \t]+)?[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2})"
    r"|(?P<thanked>(?:(?:Mr\.?|Madam|Madame)[ \t]+)?[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2})[ \t]*,[ \t]*"
    r"(?:[Tt]hanks|[Tt]hank[ \t]+you)[ \t]+for[ \t]+(?:calling|joining|coming|being|taking)[^.!?\n]*)[ \t]*[.!]?[ \t]*$")


def _called_office(text: str, start: int, end: int) -> str | None:
    """The office a chair's turn gives the floor to as it ends, as written ("shadow Minister"), or the office a host
    greets the next speaker by ("Councillor, thanks for calling in."), or None."""
    greeted = _GREETED_OFFICE.search(text[start:end].rstrip())
    if greeted is not None:
        office = re.sub(r"^(?:Mr\.?|Madam|Madame)[ \t]+", "", greeted.group("office") or greeted.group("thanked"))
        return office if all(w.lower() in ROLE_WORDS - DOMAIN_WORDS for w in office.split()) else None
    match = _OFFICE_ALONE.fullmatch(text, start, end) or next(
        (m for m in _CALL_OFFICE.finditer(text, start, end) if not re.search(r"[.?!][ \t]+\S", text[m.end() : end])),
        None)  # the call ends the turn
    if match is None:
        return None
    office = match.group("office")
    head = re.split(r"[ \t]+(?:of|for|from|at|in)[ \t]+", office, maxsplit=1)[0]
    if not any(w.lower() in ROLE_WORDS and w.lower() not in DOMAIN_WORDS for w in head.split()):
        return None
    return office[0].upper() + office[1:]


def _called_offices(text: str, spans: list[tuple[int, int]], found: list[Label | None], entities: Entities) -> None:
    """An office a chair gives the floor to as its turn ends ("I call the shadow Minister.") is the office of the
    person whose turn comes next, when most such calls are followed by that one person and no one in the record holds
    it by title or label already: a record that prints members by name alone still answers "the shadow minister"."""
    by_label = {written: e for e in entities.items for written in e.labels}  # as the turns were read: no new entity
    votes: dict[str, collections.Counter[str]] = {}
    written: dict[str, str] = {}
    people: dict[str, Entity] = {}
    calling: tuple[str, Entity | None] | None = None  # the office called and who called it
    for label, (_, end) in zip(found, spans, strict=True):
        if label is None:
            continue
        speaker = by_label.get(label.name)
        speaker = speaker if speaker is not None and _one_holder(speaker) else None
        if calling is not None:
            office, caller = calling
            if speaker is not None and speaker is not caller:
                key = " ".join(sorted(office_words(office)))
                votes.setdefault(key, collections.Counter())[speaker.key] += 1
                written.setdefault(key, office)
                people[speaker.key] = speaker
            elif speaker is None:
                votes.setdefault(" ".join(sorted(office_words(office))), collections.Counter())[""] += 1
        office = _called_office(text, label.body_start, end)
        calling = (office, speaker) if office is not None else None
    held = _offices_held(found, entities)
    for key, counted in votes.items():
        (who, most), total = counted.most_common(1)[0], sum(counted.values())
        if who and 2 * most > total and not any(set(key.split()) <= words for words in held):
            people[who].titles.append(written[key])


# A turn that opens with its speaker's office: "As treasurer, I'd say …", "As the board's chair I have to ask …"
_SPEAKING_AS = re.compile(r"[ \t]*(?:(?:[Ww]ell|[Ss]o|[Aa]nd|[Bb]ut|[Oo]kay),?[ \t]+)?(?:[Ss]peaking[ \t]+)?[Aa]s[ \t]+"
                          r"(?:the[ \t]+|your[ \t]+)?(?P<office>[a-z][a-z-]+(?:[ \t]+[a-z][a-z-]+){0,2})[ \t]*,?[ \t]+I\b")


def _speaking_as(text: str, spans: list[tuple[int, int]], found: list[Label | None], entities: Entities) -> None:
    """An office a person's turn opens by speaking as ("As treasurer, I'd just say …") is theirs, when it ends in an
    office's word (``ROLE_WORDS``), no one else speaks as it and no one in the record holds it by title or label."""
    by_label = {written: e for e in entities.items for written in e.labels}
    claims: dict[str, set[str]] = {}
    people: dict[str, Entity] = {}
    for label, (_, end) in zip(found, spans, strict=True):
        speaker = by_label.get(label.name) if label is not None else None
        if label is None or speaker is None or speaker.kind != PERSON:
            continue
        match = _SPEAKING_AS.match(text, label.body_start, end)
        if match is None or match.group("office").split()[-1] not in ROLE_WORDS - DOMAIN_WORDS:
            continue
        claims.setdefault(match.group("office"), set()).add(speaker.key)
        people[speaker.key] = speaker
    for office, keys in claims.items():
        held = [e for e in entities.items if any(office_words(office) <= office_words(t) for t in (*e.titles, *e.labels))]
        if len(keys) == 1 and not held:
            people[next(iter(keys))].titles.append(office.capitalize())


_BEFORE_DESCRIPTION = {"a", "an", "the", "my", "your", "our", "their", "his", "her", "its", "with", "by", "and", "to", "of",
                       "from", "for"}


def _described_in_introduction(text: str, intro: list[tuple[int, int]], entities: Entities) -> None:
    """What an introduction calls a speaker in lower case just before their full name ("a conversation with
    hydrologist Ana Ruiz", "She spoke with our science editor, Bo Li"): their title in this document, so that "the
    hydrologist" asks for their turns."""
    speakers = {name: e for e in entities.items if e.kind == PERSON and e.spoke for name in e.names}
    for block_start, block_end in intro:
        for start, end in names.runs(text, block_start, block_end):
            parts = names.parse_name(text[start:end])
            speaker = speakers.get(parts.full) if parts is not None and parts.given and parts.surname else None
            if speaker is None:
                continue
            words = re.findall(r"[A-Za-z][\w'’-]*,?|[^\w\s]", text[max(block_start, start - 60) : start])
            description: list[str] = []
            for word in reversed(words):
                word = word.rstrip(",") if not description else word
                if not re.fullmatch(r"[a-z][\w'’-]*", word) or word in _BEFORE_DESCRIPTION:
                    break
                description.insert(0, word)
            if 1 <= len(description) <= 3 and describes_a_person(description):
                title = " ".join(description)
                if title not in {t.lower() for t in speaker.titles}:
                    speaker.titles.append(title)
    voices = {name: e for e in entities.items if e.kind in (PERSON, ROLE) and e.spoke for name in e.labels + e.names}
    for block_start, block_end in intro:  # "Participant 3 is a night-shift nurse at …": the voice's title
        for match in _IS_A.finditer(text, block_start, block_end):
            speaker = voices.get(match.group("who"))
            words = match.group("what").split()
            cut = next((i for i, w in enumerate(words) if w in OFFICE_ENDS), len(words))  # "nurse at Oakton General"
            if speaker is not None and 1 <= cut <= 3 and describes_a_person(words):
                title = " ".join(words[:cut])
                if title not in {t.lower() for t in speaker.titles}:
                    speaker.titles.append(title)
    people = {name.lower(): e for e in entities.items if e.kind == PERSON and e.spoke for name in e.labels + e.names}
    for block_start, block_end in intro:  # "Host: Ana Ruiz. Guest: Bo Li, installer.": each field's role, and what follows
        for match in _ROLE_FIELD.finditer(text, block_start, block_end):
            speaker = people.get(match.group("who").lower())  # "Ana Ruiz" of the labels "ANA RUIZ:"
            role = match.group("role")  # as written, as a key's roles are ("Host")
            office = role.lower()
            if speaker is None or office == "speaker" or not (office in ROLE_WORDS or describes_a_person(office.split())):
                continue
            what = (match.group("what") or "").split()
            cut = next((i for i, w in enumerate(what) if w in OFFICE_ENDS), len(what))
            described = [" ".join(what[:cut])] if 1 <= cut <= 3 and describes_a_person(what) else []
            for title in [role, *described]:
                if title.lower() not in {t.lower() for t in speaker.titles}:
                    speaker.titles.append(title)


_IS_A = re.compile(r"(?P<who>[A-Z][\w'’-]*(?:[ \t]+[A-Z0-9][\w'’-]*){0,3})[ \t]+(?:is|was)[ \t]+(?:a|an|the|our)[ \t]+"
                   r"(?P<what>[a-z][\w'’-]*(?:[ \t]+[a-z][\w'’-]*){0,4})")


# A field of a recording's notes naming who holds a role: "Host: Ana Ruiz", "Guest: Bo Li, installer at Northway"
_ROLE_FIELD = re.compile(r"(?<![\w'’-])(?P<role>[A-Z][a-z]+(?:[ \t]+[a-z]+)?)[ \t]*:[ \t]*"
                         r"(?:(?:" + "|".join(sorted(h.capitalize() for h in HONORIFICS if h.isalpha())) + r")\.?[ \t]+)?"
                         r"(?P<who>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){1,3})"
                         r"(?:,[ \t]+(?P<what>[a-z][\w'’-]*(?:[ \t]+[\w'’-]+){0,5}))?(?=[ \t]*(?:[.;,\n]|$))")


def _first_label(found: list[Label | None]) -> int:
    """The index of the first labelled block (0 if none): the blocks before it are the introduction."""
    return next((i for i, label in enumerate(found) if label is not None), 0)


def _introduced(text: str, spans: list[tuple[int, int]], found: list[Label | None], entities: Entities) -> dict[str, Entity]:
    """The people a heading or introduction names behind role labels: "A." is the person a Q&A is "with" ("A
    Conversation With Fire Chief Ramona Ellery"); "HOST" the host the show notes name ("host Malik Osei talks
    with …").  Keyed by the role the label names ("ANSWER" for "A.", "HOST")."""
    first = _first_label(found)
    roles = {label.name: labels.role_label(label.name) for label in found if label is not None}
    wanted = {written: _ANSWERS if role == labels.ROLE_LABELS[1][0] else _INTRODUCED.get(written.upper().strip(" ."))
              or _INTRODUCED.get(role) for written, role in roles.items()
              if role is not None or written.upper().strip(" .") in _INTRODUCED}  # "I:" is "INTERVIEWER"; "GUEST"
    for written in roles.keys() - wanted.keys():  # "DOCTOR:" and "PATIENT:" under "Dr Ana Ruiz with patient Bo Li"
        word = written.lower().strip(" .")
        if re.fullmatch(r"[a-z]+", word) and names_a_doer(word) and word not in _MANY_VOICES:  # each "CALLER:" another
            wanted[written] = re.compile(rf"\b(?i:{_BY_HONORIFIC.get(word, word)})[ \t]+(?=[A-Z])")
    out: dict[str, Entity] = {}
    for written, pattern in wanted.items():
        if pattern is None:
            continue
        # before the first turn; a guest also in the first turns of the other voices ("HOST: My guest today is …")
        others = [(label.body_start, end) for label, (_, end) in zip(found, spans, strict=True)
                  if label is not None and label.name != written] if written.upper().strip(" .") == "GUEST" else []
        # the host saying who they are in their own first turns: "HOST: … I'm your host, Ana Ruiz, and …"
        own = [(label.body_start, end) for label, (_, end) in zip(found, spans, strict=True)
               if label is not None and label.name == written] if written.upper().strip(" .") == "HOST" else []
        places = [(s, e, pattern) for s, e in [*spans[:first], *others[:_WELCOMING_TURNS]]]
        places += [(s, e, _HOST_SELF) for s, e in own[:_WELCOMING_TURNS]]
        for start, end, looked_for in places:
            match = looked_for.search(text, start, end)
            run = next(((s, e) for s, e in names.runs(text, match.end(), end)), None) if match else None
            if match and run is not None and run[0] - match.end() < 40:
                if re.match(r"[ \t]*(?:,|and\b|&)[ \t]*[A-Z]", text[run[1] : run[1] + 12]):
                    break  # "with X and Y": which of them the label is, the heading does not say
                title_start = names.preceding_title(text, run[0], match.end())
                caps = capitals_name(text[title_start : run[1]])  # "DEPOSITION OF CORNELIUS ABERNATHY-SOTO"
                parts = names.parse_name(text[title_start : run[1]], upper=caps)
                if parts is not None and parts.given:
                    out[roles[written] or written] = entities.person(parts, written=None if caps else parts.full)
                    break
    answering = next((role for role in roles.values() if role in _ANSWERING), None)
    faq = _FAQ_HEADING.match(text, *spans[0]) if answering is not None and answering not in out and first > 0 else None
    if faq is not None and is_organisation(faq.group("body").split()):
        out[answering] = entities.organisation(faq.group("body"))  # "Oakton Council — Frequently asked questions": its answers
    if answering is not None and answering not in out and first > 0:
        intro = spans[:first]  # no heading says whom the Q&A is with: the one person its introduction names
        parsed = parse_paragraphs(text, intro)
        people = None if parsed is None else [(s, e) for p in parsed for s, e, _, kind in p.entities() if kind == "PERSON"]
        asking = (*(e.surname.lower() for e in out.values()), *_named_asking(text, intro))
        if (parts := authors.interviewee(text, intro, people, asking)) is not None:
            out[answering] = entities.person(parts, written=parts.full)
    return out


def _fielded(text: str, spans: list[tuple[int, int]], found: list[Label | None], entities: Entities) -> dict[str, Entity]:
    """Role labels whose holder a field of the introduction names in full ("Caller: Ana Ruiz, 42, of Oakton. Call
    handler: Bo Li." above "CALLER:" and "CALL HANDLER:" turns): in this document the label is that person."""
    labelled = {label.name.upper(): label.name for label in found if label is not None}
    out: dict[str, Entity] = {}
    for start, end in spans[: _first_label(found)]:
        for match in _ROLE_FIELD.finditer(text, start, end):
            written = labelled.get(match.group("role").upper())
            parts = names.parse_name(match.group("who"))
            if written is not None and written not in out and parts is not None and parts.given and parts.surname:
                out[written] = entities.person(parts, written=parts.full)
    return out


def _named_asking(text: str, intro: list[tuple[int, int]]) -> list[str]:
    """The surnames an introduction gives the people who ask ("Interviewer: Ana Ruiz.", "moderated by Bo Li")."""
    out = []
    for pattern in (p for p in _INTRODUCED.values() if p is not _WITH):
        for start, end in intro:
            for match in pattern.finditer(text, start, end):
                run = next(iter(names.runs(text, match.end(), min(end, match.end() + 60))), None)
                parts = names.parse_name(text[run[0] : run[1]]) if run is not None else None
                if parts is not None:
                    out.append(parts.surname.lower())
    return out


def _keyed(text: str, spans: list[tuple[int, int]], found: list[Label | None], entities: Entities) -> dict[str, Entity]:
    """Numbered labels the introduction gives a name, as a key above a machine's transcript does: "Speaker 1 is the
    host, Ana Ruiz.", "SPEAKER_00 = Bo Li", "Speaker A: Ana Ruiz (moderator)": in this document the label is
    that person.  The name is the first one in full in the clause after the label."""
    first = _first_label(found)
    numbered = {label.name for label in found if label is not None and labels.NUMBERED_VOICE.fullmatch(label.name.lower())}
    out: dict[str, Entity] = {}
    for written in numbered:
        key = re.compile(rf"(?<![\w-]){re.escape(written)}(?![\w-])[ \t]*(?:is|was|=|:|–|—|-)[ \t]*", re.I)
        for start, end in spans[:first]:
            match = key.search(text, start, end)
            if match is None:
                continue
            clause = re.search(r"[;\n]|\.(?:\s|$)", text[match.end() : end])
            stop = match.end() + clause.start() if clause else end
            parts = next((p for s, e in names.runs(text, match.end(), stop)
                          if (p := names.parse_name(text[names.preceding_title(text, s, match.end()) : e])) is not None
                          and p.given and p.surname), None)
            if parts is not None:
                out[labels.role_label(written) or written] = entities.person(parts, written=parts.full)
                break
    return out


# a saved conversation's heading naming whose it is: "shared by Ana Ruiz", "exported by …", "saved by …"
_EXPORTED_BY = re.compile(r"\b(?i:shared|exported|saved|downloaded|copied)[ \t]+by[ \t]+(?P<who>[A-Z][^\n,;:()]{2,60}?)"
                          r"[ \t]*(?=[,;(\n]|$)")
# the words a family calls its members by, as labels ("Grandma:") and as an introduction names them ("my grandmother, X")
_KIN = (("grandmother", "grandma", "granny", "gran", "nan", "nana"), ("grandfather", "grandad", "granddad", "grandpa"),
        ("mother", "mum", "mom", "mam"), ("father", "dad"), ("aunt", "auntie", "aunty"), ("uncle",))


def _kin_named(text: str, spans: list[tuple[int, int]], found: list[Label | None], entities: Entities) -> dict[str, Entity]:
    """A family label ("Grandma:", "DAD:") whose person the introduction names as the writer's ("I interviewed my
    grandmother, Ana Ruiz, …"): in this document the label is that person."""
    out: dict[str, Entity] = {}
    for written in {label.name for label in found if label is not None}:
        kin = next((words for words in _KIN if written.lower().strip(" .") in words), None)
        if kin is None:
            continue
        said = re.compile(r"\b(?i:my)[ \t]+(?i:" + "|".join(kin) + r")[ \t]*,?[ \t]+(?=[A-Z])")
        for s, e in spans[: _first_label(found)]:
            match = said.search(text, s, e)
            run = next(iter(names.runs(text, match.end(), min(e, match.end() + 60))), None) if match else None
            parts = names.parse_name(text[run[0] : run[1]]) if run is not None and run[0] == match.end() else None  # type: ignore[union-attr]
            if parts is not None and parts.given and parts.surname:
                out[written] = entities.person(parts, written=parts.full)
                break
    return out


def _exported_by(text: str, spans: list[tuple[int, int]], found: list[Label | None], entities: Entities) -> dict[str, Entity]:
    """A conversation labelled from its saver's side ("You said:", "Me:") under a heading that names who saved it
    ("shared by Ana Ruiz, 1 December"): that label is that person."""
    own = {label.name for label in found if label is not None and label.name in labels.OWN_LABELS}
    if len(own) != 1:
        return {}
    named = {parts.full: parts for s, e in spans[: _first_label(found)]
             for m in (*_EXPORTED_BY.finditer(text, s, e),  # or the writer's byline: "by Ana Ruiz, Year 9"
                       *filter(None, (authors.BYLINE.match(line) for line in text[s:e].split("\n"))))
             if (parts := names.parse_name(m.group("who").strip())) is not None and parts.given and parts.surname}
    if len(named) != 1:
        return {}
    parts = next(iter(named.values()))
    return {own.pop(): entities.person(parts, written=parts.full)}


_POSTED_BY = re.compile(r"\b[Pp]osted[ \t]+by[ \t]+(?P<user>u/[\w-]{2,30})")


def _posted_by(text: str, spans: list[tuple[int, int]], found: list[Label | None], entities: Entities) -> dict[str, Entity]:
    """A forum thread whose opening post is signed by a user ("Posted by u/aruiz") and says who they are ("I'm Dr. Ana
    Ruiz, a volcanologist. Ask me anything"): that user's posts below are that person's."""
    first = _first_label(found)
    users = {label.name for label in found if label is not None and label.shape == "post"}
    posted = {m.group("user") for s, e in spans[:first] for m in _POSTED_BY.finditer(text, s, e)} & users
    named = {parts.full: parts for s, e in spans[:first] for parts in _introductions(text, s, e)}
    if len(posted) != 1 or len(named) != 1:
        return {}
    parts = next(iter(named.values()))
    return {next(iter(posted)): entities.person(parts, written=parts.full)}


INTRODUCING_TURNS = 2  # a role label's first turns, where a speaker says who they are


def _self_introduced(text: str, spans: list[tuple[int, int]], found: list[Label | None], entities: Entities) -> dict[str, Entity]:
    """Numbered and generic labels whose speaker says who they are in one of their first turns ("Speaker 1: Welcome
    back. I'm Dana Whitfield, …", "HOST: This is Malik Osei"): the label is that person in this document.  The name
    needs a first name the list is sure of; a name two labels claim is neither's."""
    turns: dict[str, list[tuple[int, int]]] = {}
    for label, (_, end) in zip(found, spans, strict=True):
        if label is not None and _one_voice(label.name):
            turns.setdefault(labels.role_label(label.name) or label.name, []).append((label.body_start, end))
    claimed: dict[str, tuple[str, names.NameParts]] = {}
    unsure: dict[str, list[names.NameParts]] = {}  # "I'm Ysolde Ruiz", a first name the list does not know
    for role, bodies in turns.items():
        for start, end in bodies[:INTRODUCING_TURNS]:
            if (parts := _introduces(text, start, end)) is not None:
                claimed[role] = (parts.full, parts)
                break
            unsure.setdefault(role, []).extend(_introductions(text, start, end))
    addressed = _addressed_before(text, spans, found, set(turns) - set(claimed), unsure)
    for role, parts in addressed.items():
        if parts.full not in {full for full, _ in claimed.values()}:
            claimed[role] = (parts.full, parts)
    said = collections.Counter(full for full, _ in claimed.values())
    return {role: entities.person(parts, written=parts.full) for role, (full, parts) in claimed.items() if said[full] == 1}


def _introductions(text: str, start: int, end: int) -> list[names.NameParts]:
    """The names a turn's speaker gives as theirs ("I'm Dana Whitfield", "My name is …", "This is …"), whatever the
    first name; none for "I'm Jill Biden's husband"."""
    out = []
    for match in cues.SELF_INTRO.finditer(text, start, end):
        run = next(iter(names.runs(text, match.end(), end)), None)
        if run is None or run[0] != match.end() or text[run[1] : run[1] + 2] in ("'s", "’s"):
            continue
        parts = names.parse_name(text[run[0] : run[1]])
        if parts is not None and parts.given and len(parts.surname) > 1:
            out.append(parts)
    return out


_MY_NAME = re.compile(r"[Mm]y[ \t]+name[ \t]+is[ \t]+")


def _introduces(text: str, start: int, end: int) -> names.NameParts | None:
    """The first name a turn's speaker gives as theirs (``_introductions``) with a first name the list is sure of, or
    any first name after "my name is", which says nothing else ("I'm Canton Township's…", "This is Oakton Radio" may)."""
    said = {parts.full for match in _MY_NAME.finditer(text, start, end) for parts in _introductions(text, match.start(), end)[:1]}
    return next((parts for parts in _introductions(text, start, end)
                 if parts.full in said or gender.from_first_name(parts.given, strict=True)), None)


_ONE_VOICE = {"host", "co-host", "guest", "interviewer", "interviewee", "moderator", "presenter", "narrator"}
# Labels that stand for a different member of the public at each turn: a hearing's "SPEAKER:" and "WITNESS:", a
# call-in's "CALLER:", an earnings call's "Analyst:", a lecture's "STUDENT:"
_MANY_VOICES = {"speaker", "public speaker", "public comment", "member of the public", "audience member", "resident",
                "commenter", "caller", "unidentified speaker", "citizen", "public", "analyst", "witness", "student"}
_INTRODUCING = 160  # characters: a speaker says who they are as the turn opens ("Good evening. My name is …")


def _signed(text: str, label: Label, end: int, entities: Entities) -> tuple[Entity, int] | None:
    """The person a product page's "Question:" or "Answer:" is signed by on a line below it ("By Ana Ruiz on 14 March
    2026"), and where the signature starts: each answer is its writer's, not one "ANSWER"'s.  The signature is the
    last line that names someone in full (a page's "See more answers (3)" may follow it)."""
    if labels.role_label(label.name) not in ("QUESTION", "ANSWER"):
        return None
    found = [m for m in labels.SIGNED.finditer(text, label.body_start, end) if m.start() > label.body_start]
    parts = names.parse_name(found[-1].group("who")) if found else None
    if parts is None or not parts.given:
        return None
    words_end = found[-1].start()
    while words_end > label.body_start and text[words_end - 1].isspace():
        words_end -= 1
    return entities.person(parts, written=parts.full), words_end


def _introduced_in_turn(text: str, label: Label, end: int, entities: Entities) -> Entity | None:
    """The person a turn of a many-voice label ("SPEAKER:", "CALLER:") says they are as it opens ("Good evening. My name
    is Gloria Ambrose-Kell and I live …"): each such turn is its own speaker's, not one "SPEAKER"'s."""
    if label.name.lower().strip(" .") not in _MANY_VOICES:
        return None
    parts = _introduces(text, label.body_start, min(end, label.body_start + _INTRODUCING)) \
        or _named_opening(text, label.body_start, end)
    return entities.person(parts, written=parts.full) if parts is not None else None


# What a member of the public may say before giving their name as the turn opens: "Hi, Ana Ruiz, I live on Elm."
_GREETING = re.compile(r"[ \t]*(?:(?i:hi|hello|hey|yes|good[ \t]+(?:morning|afternoon|evening)|thank[ \t]+you|thanks)"
                       r"[ \t]*[,.!][ \t]*)?")
# and whom they greet: "Thank you, Mayor.", "Good evening, Madam Chair and members.", "Hi, everyone." (an office, not a name)
_GREETED = re.compile(r"(?P<words>(?:[A-Z][\w.'’-]*|everyone|everybody|all|folks)"
                      r"(?:[ \t]+(?:[A-Z][\w.'’-]*|and|of|the|members)){0,4})[ \t]*[.!][ \t]*")
_GREETED_FIRST = {"madam", "mister", "mr", "mrs", "ms", "dr", "sir", "members", "everyone", "everybody", "all", "folks"}


def _named_opening(text: str, start: int, end: int) -> names.NameParts | None:
    """The name a member of the public opens their turn with, as public comment is given ("Ana Ruiz, 12 Elm Street.
    I oppose…", "Hi, Ana Ruiz, I live on Elm."): a full name with a first name the list is sure of, then a comma or a
    period and more words."""
    greeting = _GREETING.match(text, start, end)
    at = greeting.end() if greeting else start
    greeted = _GREETED.match(text, at, end) if greeting and greeting.end() > start else None
    if greeted and greeted.group("words").split()[0].lower().strip(".") in ROLE_WORDS | _GREETED_FIRST:
        at = greeted.end()  # "Thank you, Mayor. Ana Ruiz, from the library board."
    run = next(iter(names.runs(text, at, min(end, at + 60))), None)
    if run is None or run[0] != at or not re.match(r"[ \t]*[,.][ \t]+\S", text[run[1] : end]):
        return None
    parts = names.parse_name(text[run[0] : run[1]])
    if parts is None or not parts.given or len(parts.surname) < 2 or not gender.from_first_name(parts.given, strict=True):
        return None
    return parts


# A chair or a host giving the floor to the next member of the public: "Our first speaker is Ana Ruiz, followed by …",
# "Next up is Bo, calling from the east side", "Let's go to Ana in Oakton", "Ms. Li, go ahead.", "Our next question
# comes from the line of Bo Li with Eastgate Capital."
_CALLING = re.compile(
    r"\b(?:[Nn]ext|[Ff]irst|[Ll]ast|[Ff]inal)(?:[ \t]+(?:up|speaker|caller|commenter|witness))+(?:[ \t]+(?:is|will[ \t]+be))?"
    r"[ \t]*[,:]?[ \t]+"
    r"|\b(?:[Nn]ext|[Ff]irst)[ \t]+(?:is|will[ \t]+be)[ \t]+"
    r"|\b(?:(?i:let['’]s|we['’]ll|we[ \t]+will|I['’]ll|now)[ \t]+go(?:ing)?[ \t]+(?:over[ \t]+)?to|hear[ \t]+from"
    r"|call(?:ing)?[ \t]+(?:on|up)|bring[ \t]+in)[ \t]+"
    r"|\b[Gg]o[ \t]+ahead,[ \t]+"
    r"|\bquestion[ \t]+(?:(?:comes|is)[ \t]+)?from[ \t]+(?:the[ \t]+line[ \t]+of[ \t]+)?")  # an earnings call's operator
_CALLED = re.compile(r"[ \t]*,[ \t]+(?:[^.?!\n]{0,60}?[ \t,]+)?(?:please[ \t]+(?:begin|go[ \t]+ahead|proceed)"
                     r"|the[ \t]+floor[ \t]+is[ \t]+yours)\b"  # "Councillor Ruiz, you asked for this item, so please begin."
                     r"|[ \t]*,[ \t]+(?:go[ \t]+ahead|you(?:['’]re|[ \t]+are)[ \t]+on|the[ \t]+floor"
                     r"|please[ \t]+(?:begin|go[ \t]+ahead))\b"
                     r"|\?[ \t]*$")  # a name asked as the turn ends: "Anyone else? Bo?", "Yes, Ana?"
_ASKED_BY_NAME = re.compile(r"(?:^|[.!?:][ \t]+|\b(?:[Yy]es|[Oo]kay|OK|[Ss]ure),[ \t]+)$")  # before it: "Yes, Ana?"
_HANDING_ON = re.compile(r"(?i)\b(?:thank(?:s|[ \t]+you)?|next|go[ \t]+ahead)\b")  # the floor passes, to no one named


def _called_on(text: str, start: int, end: int, before: Entity | names.NameParts | None,
               in_full: dict[str, names.NameParts]) -> Entity | names.NameParts | None:
    """Who the member of the public speaking next is, after a chair's or a host's turn: the name it calls on ("Our
    first speaker is Ana Ruiz", "Thank you, Mr. Li. Ms. Ruiz, go ahead.", "Next up is Bo": a first name alone), the
    one called before if it hands the floor to no one (a host's follow-up question to the caller), else no one
    known ("Thank you. Next speaker.").  ``in_full``: the document's full names by surname, for a call by honorific
    and surname.  A name, not yet a speaker: the turn after may be a councillor's own."""
    for run_start, run_end in names.runs(text, start, end):
        title_start = names.preceding_title(text, run_start, start)
        calling = next((m for m in _CALLING.finditer(text, max(start, title_start - 40), title_start) if m.end() == title_start),
                       None)
        called = _CALLED.match(text, run_end, end)
        if calling is None and (called is None or (called.group().startswith("?")
                                                   and not _ASKED_BY_NAME.search(text, start, title_start))):
            continue
        written = text[title_start:run_end]
        parts = names.parse_name(written)
        if parts is None:
            continue
        if not parts.given and (full := in_full.get(parts.surname.lower())) is not None:
            parts = replace(full, honorific=parts.honorific, title=parts.title)  # "Ms. Ruiz" is the "Ana Ruiz" named
        if parts.honorific or parts.title or (parts.given and gender.from_first_name(parts.given, strict=True)):
            return parts  # "Ms. Ruiz", "Ana Ruiz"; not "Main Street"
        if " " not in written and gender.from_first_name(written, strict=True):
            return replace(parts, given=written, surname="")
    return None if _HANDING_ON.search(text, start, end) else before


def _on_the_floor(floor: Entity | names.NameParts, entities: Entities) -> Entity | None:
    """The speaker a call names: the person of that name, or of a first name alone the one the document names in
    full with it, else a person known by it alone ("Bo"); None for someone with turns under a label of their
    own (a legislature's "SPEAKER:" recognising "Representative X" is the presiding officer, not X)."""
    if isinstance(floor, Entity):
        return floor
    if floor.surname:
        known = entities.by_surname(floor.surname, floor.given.split()[0] if floor.given else None)
        if known is not None and known.labels and (not floor.given or known.given):
            return None
        return entities.person(floor, written=floor.full if floor.given else None)
    known = entities.by_given(floor.given)
    return (known or entities.label(floor.given)) if known is None or not known.labels else None


def _given_the_floor(text: str, spans: list[tuple[int, int]], found: list[Label | None], entities: Entities,
                     named: set[str]) -> dict[str, Entity]:
    """A transcriber's numbered voice ("Speaker 2") whose turns open by thanking the chair ("Thank you, Madam Chair.")
    just after a turn that gives someone the floor by name ("Councillor Ana Ruiz, please begin."): that person, when
    every such turn of the voice follows a call of the same surname and no other voice's does.  ``named``: the voices
    a key or their own words already name."""
    in_full: dict[str, names.NameParts] | None = None  # read from the whole text only once a voice thanks the chair
    votes: dict[str, set[str]] = {}
    called_by: dict[str, names.NameParts] = {}
    previous: tuple[str, int, int] | None = None
    for label, (_, end) in zip(found, spans, strict=True):
        if label is None:
            continue
        voice = labels.role_label(label.name) or label.name
        if labels.NUMBERED_VOICE.fullmatch(label.name.lower()) and voice not in named and previous is not None \
                and previous[0] != voice and _OFFICE_VOCATIVE.match(text, label.body_start, end):
            in_full = _full_names(text) if in_full is None else in_full
            called = _called_on(text, previous[1], previous[2], None, in_full)
            surname = ""  # no one called by name: not known
            if isinstance(called, names.NameParts) and called.surname:
                surname = called.surname.lower()
                called_by[surname] = called
            votes.setdefault(voice, set()).add(surname)
        previous = (voice, label.body_start, end)
    chosen = {voice: next(iter(surnames)) for voice, surnames in votes.items() if len(surnames) == 1 and "" not in surnames}
    shared = collections.Counter(chosen.values())
    return {voice: entities.person(parts, written=parts.full if parts.given else None)
            for voice, surname in chosen.items() if shared[surname] == 1 and (parts := called_by[surname])}


def _full_names(text: str) -> dict[str, names.NameParts]:
    """The full names a document writes, by surname in lower case, where one first name goes with it."""
    found: dict[str, set[names.NameParts]] = {}
    for start, end in names.runs(text):
        parts = names.parse_name(text[start:end])
        if parts is not None and parts.given and gender.from_first_name(parts.given, strict=True):
            found.setdefault(parts.surname.lower(), set()).add(replace(parts, honorific="", title=""))
    return {surname: next(iter(options)) for surname, options in found.items() if len(options) == 1}


def _introduced_voice(text: str, start: int, end: int, entities: Entities) -> Entity | None:
    """The person an unnamed caption voice (">> …") says it is as it opens, in any case ("GOOD EVENING. I'M TERESA
    VOLKOV."), or None."""
    opening = text[start : min(end, start + _INTRODUCING)]
    parts = _introduces(opening if not opening.isupper() else opening.title().replace("I'M ", "I'm "), 0, len(opening))
    return entities.person(parts, written=parts.full) if parts is not None else None


def _one_voice(name: str) -> bool:
    """A label that stands for one unnamed person of its document ("Speaker 2", "SPEAKER_01", "HOST", "GUEST"), not a
    collective ("QUESTION": every reporter) nor an office ("THE PRESIDENT")."""
    key = name.lower().strip(" .")
    return key in _ONE_VOICE or labels.NUMBERED_VOICE.fullmatch(key) is not None


_ADDRESS_OPENING = re.compile(r"[ \t\n]*(?P<first>[A-Z][a-z]{2,})[ \t]*,[ \t]")


# An address that closes a turn, to the one who speaks next: "…a lot of crabs. Ana, welcome.", "What worries you
# most, Bo?", "Thanks, Ysolde."
_ADDRESS_CLOSING = re.compile(r"(?:^|[.!?][ \t]+)(?P<first>[A-Z][a-z]{2,})[ \t]*,[ \t]+[a-z][^.!?\n]{0,40}[.!?]?[ \t]*$"
                              r"|,[ \t]+(?P<last>[A-Z][a-z]{2,})[ \t]*[.!?][ \t]*$")


def _addressed_before(text: str, spans: list[tuple[int, int]], found: list[Label | None],
                      roles: set[str], introduced: dict[str, list[names.NameParts]] | None = None) -> dict[str, names.NameParts]:
    """In a conversation of two voices, a generic label ("Speaker 2") whose turns follow the other's turns that
    address one person by first name, as they open ("Okello, the reservoir is at thirty percent.") or close ("Ana,
    welcome.", "What worries you most, Bo?"), the person the document names in full with that first name, and
    never a different one: that person.  The first name must be one the list knows, or be so addressed twice, or be
    the one the speaker gave as theirs (``introduced``: "I'm Ysolde Ruiz" over "Thanks, Ysolde.").  A word
    that begins no full name ("Great, …", "Thanks, …") addresses no one.  With more voices the turn after an address
    is as often a third person's (a moderator calling the next reporter)."""
    voices = {labels.role_label(label.name) or label.name for label in found if label is not None}
    if len(voices) != 2:
        return {}
    introduced = introduced or {}
    fulls: dict[str, dict[str, names.NameParts]] = {}
    runs: list[list[str]] = []

    def full_names(first: str) -> dict[str, names.NameParts]:
        if not runs:
            runs.extend(text[s:e].split() for s, e in names.runs(text))  # once, however many words are tried
        if first not in fulls:  # from the first name: "Dr. Ana Ruiz"
            fulls[first] = {parts.full: parts for words in runs if first in words[:-1]
                            and (parts := names.parse_name(" ".join(words[words.index(first):]))) is not None
                            and parts.given == first and parts.surname}
        return fulls[first]

    seen: dict[str, collections.Counter[str]] = {role: collections.Counter() for role in roles}
    previous: tuple[str, int, int] | None = None
    for label, (_, end) in zip(found, spans, strict=True):
        if label is None:
            continue
        role = labels.role_label(label.name) or label.name
        if role in seen and previous is not None and previous[0] != role:
            opening = _ADDRESS_OPENING.match(text, previous[1], previous[2])
            closing = _ADDRESS_CLOSING.search(text, max(previous[1], previous[2] - 80), previous[2])
            addressed = {m.group(g) for m, g in ((opening, "first"), (closing, "first"), (closing, "last"))
                         if m is not None and m.group(g)}
            for first in addressed:
                if first.lower() not in STOPWORDS and full_names(first):
                    seen[role][first] += 1
        previous = (role, label.body_start, end)
    out: dict[str, names.NameParts] = {}
    for role, firsts in seen.items():
        if len(firsts) != 1:
            continue  # never addressed, or addressed as two people
        first = next(iter(firsts))
        said = {parts.given for parts in introduced.get(role, [])}
        if firsts[first] < 2 and not gender.from_first_name(first) and first not in said:
            continue
        full = full_names(first)
        if len(full) == 1:
            out[role] = next(iter(full.values()))
    return out


def _named_in_labels(found: list[Label | None]) -> list[names.NameParts]:
    """The people labels with parentheses name in full: "Maren Holt (MH):", "Interviewer (Sam Oyelowo):"."""
    out = []
    for label in found:
        for piece in re.split(r"[()]", label.name) if label is not None and "(" in label.name else ():
            parts = names.parse_name(piece.strip())
            if parts is not None and parts.given and parts.surname:
                out.append(parts)
    return out


# a short form in brackets after a name, perhaps with an office: "Ana Ruiz (AR)", "Ana Ruiz (AR, Treasurer)"
_ABBREVIATION = re.compile(r"\((?P<short>[A-Z]{2,4})(?:[,;][ \t]*(?P<office>[A-Za-z][A-Za-z '’-]{1,40}?))?[ \t]*\)")


def _abbreviated(text: str, entities: Entities) -> dict[str, Entity]:
    """The people a document gives a short form of their name in brackets, as minutes and reports do ("Present: Ana
    Ruiz (AR, Treasurer), Bo Li (BL)", then "AR reported that …"): each short form that is the initials of the name
    before it (a hyphenated surname's parts each count, a particle does not), with the office beside it as a title.
    A short form given to two people is neither's.

    >>> found = _abbreviated("Present: Ana Ruiz-Pardo (ARP, Treasurer), Bo Li (BL). AR said", Entities())
    >>> {short: (person.display, person.titles) for short, person in found.items()}
    {'ARP': ('Ana Ruiz-Pardo', ['Treasurer']), 'BL': ('Bo Li', [])}
    """
    out: dict[str, Entity] = {}
    twice: set[str] = set()
    lower = written_lower(text) if _ABBREVIATION.search(text) else set()
    for match in _ABBREVIATION.finditer(text):
        short = match.group("short")
        before = text[text.rfind("\n", 0, match.start()) + 1 : match.start()].split()[-6:]
        for n in range(2, len(before) + 1):
            words = before[-n:]
            if sum(w.lower() not in names.PARTICLES for w in words) > 3:
                break  # a given name and one or two more ("Ana Van der Berg"): not a four-word scale
            if not all(w[:1].isupper() or w.lower() in names.PARTICLES for w in words) or is_organisation(words):
                break
            capitals = [part[0] for w in words for part in w.split("-") if part[:1].isupper()]
            if short not in ("".join(capitals), "".join(w[0] for w in words if w[:1].isupper())):
                continue
            parts = names.parse_name(" ".join(words))
            if parts is None or not parts.given or not parts.surname or parts.title:
                break
            if gender.from_first_name(parts.given) is None and not _speaks_as(short, text, match.end()):
                break  # "The Root Growth Related (RGR) Genes": no name a list knows; "RGR" never speaks
            if ({w.lower() for w in parts.surname.replace("-", " ").split()} - names.PARTICLES) & lower:
                break  # "Gene Flow Analysis (GFA)": "analysis" is a word the text writes in lower case
            person = entities.person(parts, written=parts.full)
            if short in out and out[short] is not person:
                twice.add(short)
            out[short] = person
            office = match.group("office")
            if office and _an_office(office.lower()) and office not in person.titles:
                person.titles.append(office)
            break
    return {short: person for short, person in out.items() if short not in twice}


def _speaks_as(short: str, text: str, after: int) -> bool:
    """Whether a short form is used, after where it is given, as someone who speaks: a label ("AR:") or the subject of a
    verb of saying ("AR reported that …")."""
    return re.search(rf"(?<![\w-]){re.escape(short)}(?:[ \t]*:|[ \t]+(?:{SPEECH_VERBS})\b)", text[after:]) is not None


def _initials_of(parts: names.NameParts) -> str:
    return "".join(word[0] for word in f"{parts.given} {parts.surname}".split()).upper()


def _initials_spelling_words(text: str, spans: list[tuple[int, int]], found: list[Label | None]) -> list[Label | None]:
    """Initials the label rules refuse because they spell a word ("SO:", "NO:") are a label after all in a document
    whose labels are initials, when they are the initials of someone the introduction or a label names ("Conducted
    by Sam Oyelowo", "Interviewer (Sam Oyelowo):")."""
    if not any(label is not None and labels.INITIALS.fullmatch(label.name) for label in found):
        return found
    initials = {_initials_of(parts) for parts in _named_first(text, spans, found)}
    out = list(found)
    for i, (start, end) in enumerate(spans):
        label = labels.initials_label(text, start, end) if found[i] is None else None
        if label is not None and label.name in initials:
            out[i] = label
    return out


def _initialled(text: str, spans: list[tuple[int, int]], found: list[Label | None], entities: Entities) -> dict[str, Entity]:
    """Labels of two or three capitals ("KO:", "JM:") that are the initials of exactly one person the introduction
    (the paragraphs before the first label) or a label with parentheses names in full: "Interview with Joaquim
    Mbeki, conducted by Karen Oyelaran" makes "KO:" Karen Oyelaran and "JM:" Joaquim Mbeki; "Maren Holt (MH):"
    makes "MH:" Maren Holt."""
    wanted = {label.name for label in found if label is not None and labels.INITIALS.fullmatch(label.name)}
    if not wanted:
        return {}
    people = _named_first(text, spans, found)
    first = _first_label(found)
    intro = text[spans[0][0] : spans[first - 1][1]] if first > 0 else ""
    out: dict[str, Entity] = {}
    for written in wanted:
        fits = [parts for parts in people if _initials_of(parts) == written]
        if len(fits) == 1:
            out[written] = person = entities.person(fits[0], written=fits[0].full)
            if re.search(_ASKED_BY + re.escape(fits[0].full), intro) and "Interviewer" not in person.titles:
                person.titles.append("Interviewer")  # "Conducted by Sam Oyelowo": "the interviewer" is he
            keyed = re.search(rf"(?m)^[ \t]*{re.escape(written)}[ \t]*[=:][ \t]*{re.escape(fits[0].full)}[ \t]*"
                              r"\((?P<role>[a-z][a-z -]{2,40})\)[ \t]*$", intro)
            if keyed is not None and keyed.group("role").capitalize() not in person.titles:
                person.titles.append(keyed.group("role").capitalize())  # "BL = Bo Li (interviewer)": the interviewer
    return out


_ASKED_BY = r"(?i:\b(?:conducted|interviewed|interview|questions|asked)[ \t]+by)[ \t]+"  # before the interviewer's name


def _named_first(text: str, spans: list[tuple[int, int]], found: list[Label | None]) -> list[names.NameParts]:
    """The people named in full in the introduction (the paragraphs before the first label) or in a label with
    parentheses ("Maren Holt (MH):", "Interviewer (Sam Oyelowo):"), once each."""
    first = _first_label(found)
    people: dict[str, names.NameParts] = {}
    for start, end in spans[:first]:
        for s, e in names.runs(text, start, end):
            parts = names.parse_name(text[names.preceding_title(text, s, start) : e])
            if parts is not None and parts.given and parts.surname:
                people[parts.full] = parts
    for parts in _named_in_labels(found):
        people[parts.full] = parts
    return list(people.values())


def _attribute_turns(document: Document, text: str, entities: Entities) -> Attribution:
    """A document whose format states its speakers: those turns as they are, prose rules elsewhere."""
    _harvest_people(text, entities, [])
    segments: list[Segment] = []
    state = prose.ProseState(recent=[])
    entities.start_reading()
    for index, turn in enumerate(document.turns):
        # a stated name is shown as a name: invisible format characters (bidi overrides, zero widths) and
        # runs of spaces are no part of it
        stated = " ".join(normalize(turn.speaker or "").split())
        if turn.note:
            segments.append(Segment(turn.start, turn.end, None, HOW_NONE, index))  # the recording's notes: no one's words
        elif stated:
            speaker = entities.label(stated, stated=True)
            state.spoke(speaker)
            segments.append(Segment(turn.start, turn.end, speaker.key, HOW_LABEL, index))
        else:
            segments.extend(prose.attribute_paragraph(text, turn.start, turn.end, index, entities, state))
    opening = next((i for i, turn in enumerate(document.turns) if turn.speaker), 0)
    _described_in_introduction(text, [(turn.start, turn.end) for turn in document.turns[:opening]], entities)
    return Attribution(document, text, segments, entities.items, _mentions(text, entities, []), transcript=True)


def _harvest_people(text: str, entities: Entities, skip: list[tuple[int, int]]) -> None:
    """Make an entity for every titled or honorific name ("German Foreign Minister Heiko Maas"), and, where
    the NLP model reads the document, every two-word name with a first name the list is sure of; and note what the
    story says of each beside their name (``subjects.note_description``)."""
    lower_words = written_lower(text) if entities.named is not None else set()
    inside = _within(skip)
    for start, end in names.runs(text):
        note_description(text, start, end, entities)
        if inside(start):
            continue
        title_start = names.preceding_title(text, start, max(0, start - 60))
        phrase = text[title_start:end]
        parts = names.parse_name(phrase)
        if parts is None:
            continue
        if not (parts.title or parts.honorific) and entities.named is not None and parts.given and len(phrase.split()) == 2 \
                and gender.from_first_name(parts.given, strict=True) and entities.named_as(phrase) in (None, "PERSON") \
                and parts.surname.lower() not in ORG_WORDS | lower_words:  # "River Keepers": common words, no surname
            entities.person(parts, written=parts.full)  # "Rookie guard Ana Ruiz scored…": a first name makes a person
            continue
        if not (parts.title or parts.honorific):
            # "Ned Price" beside a label "MR PRICE": a full name for a person known by surname only
            known = entities.by_surname(parts.surname) if parts.given and len(parts.given.split()) == 1 else None
            if (known is not None and not known.given and parts.given[0].isupper() and not parts.given.isupper()
                    and parts.given.lower() not in STOPWORDS | GREETINGS):  # "So Marketing", "Thanks Ruiz": no given name
                entities.person(parts, written=parts.full)
            continue
        if strip_possessive(parts.surname.split()[-1]).lower() in ORG_WORDS:
            continue
        if not parts.honorific and not any(w.lower().strip(",") in ROLE_WORDS - DOMAIN_WORDS for w in parts.title.split()):
            continue  # "Press Conference", "Staff Writer": a field, not a person's title
        person = entities.person(parts, written=parts.full if parts.given else None)
        owner, _, office = parts.title.partition(" ")
        if owner[:1].isupper() and owner.lower() not in ROLE_WORDS and office.islower() and office not in person.titles:
            person.titles.append(office)  # "Oakton manager Ana Ruiz" is the manager, as well as Oakton's
    for match in NICKNAMED.finditer(text):  # 'Ana "Nan" Ruiz': a person, known also as "Nan Ruiz"
        parts = names.parse_name(f"{match.group('given')} {match.group('surname')}")
        if not inside(match.start()) and parts is not None and parts.given and gender.from_first_name(parts.given) is not None:
            person = entities.person(parts, written=parts.full)
            if (also := f"{match.group('nick')} {parts.surname}") not in person.names:
                person.names.append(also)
    for match in _CAPS_HONORIFIC.finditer(text):  # "APPEARANCES: … MS. YVETTE DUCHARME, Assistant State's Attorney"
        if not inside(match.start()):
            parts = names.parse_name(match.group(0), upper=True)
            if parts is not None and parts.given:
                entities.person(parts)


def _within(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """A test of whether an offset falls inside any of ``spans`` (labels, which do not overlap), by bisection: a
    briefing has hundreds of labels and thousands of capitalised runs to test against them."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]

    def inside(pos: int) -> bool:
        at = bisect.bisect_right(starts, pos) - 1
        return at >= 0 and pos < ordered[at][1]

    return inside


# A full name in capitals after an honorific, as court and legislative records list counsel and members.
_CAPS_HONORIFIC = re.compile(r"\b(?:MR|MS|MRS|MISS|DR)\.?[ \t]+[A-Z][A-Z'’-]+(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][A-Z'’-]+)+\b")


# "Cllr. Amara Hughes (Mayor)", "Nell Prewitt (Town Clerk)": an attendance list or a byline gives a person's office in
# parentheses after the name, so that "the Mayor" and "The Town Clerk explained" later are theirs.
_OFFICE_AFTER = re.compile(r"(?P<name>(?:[A-Z][a-z]{0,4}\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})\s*\("
                           r"(?P<office>[A-Z][\w'’-]*(?:\s+(?:of\s+|the\s+|for\s+)*[A-Z][\w'’-]*){0,4})\)")


def _harvest_offices(text: str, entities: Entities) -> None:
    """Give the people named with an office in parentheses that office as a title ("Nell Prewitt (Town Clerk)")."""
    for match in _OFFICE_AFTER.finditer(text):
        office = match.group("office")
        if not any(w.lower() in ROLE_WORDS - DOMAIN_WORDS or compound_office(w.lower()) for w in office.split()):
            continue  # "(Liberia)", "(Lab)": where they are from, not what they are
        parts = names.parse_name(match.group("name"))
        if parts is None or not parts.given:
            continue
        person = entities.person(parts, written=parts.full)
        if office not in person.titles:
            person.titles.append(office)


# A person's office written after their name: "Marisol Penhallow, the city's chief engineer,", "Tomasz Wellby, director
# of public works for the county.", "…, said Ana Ruiz, the company's chief executive."
# The words of an office written beside a name, in lower case, with the body it is of: "chief engineer", "director of
# public works", "chief executive of Eastmoor Ferries"
_OFFICE_WORDS = (r"(?P<title>(?:[a-z][\w-]*[ \t]+){0,3}[a-z][\w-]*(?:[ \t]+of[ \t]+(?:the[ \t]+)?"
                 r"(?:[a-z][\w-]*(?:[ \t]+[a-z][\w-]*){0,2}|[A-Z][\w'’&.-]*(?:[ \t]+(?:of|for|and|&|[A-Z][\w'’&.-]*)){0,5}))?)")
_APPOSITIVE_OFFICE = re.compile(
    r"\b(?P<name>[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){1,3}),[ \t]+"
    r"(?:the[ \t]+(?:(?:[A-Z][\w.'’-]*[ \t]+)*[\w.-]+['’]s[ \t]+)?|(?:our|its|their)[ \t]+"
    r"|(?:[A-Z][\w.'’-]*[ \t]+)*[A-Z][\w.-]*['’]s[ \t]+"
    r"|an?[ \t]+(?=[\w-]+(?:[ \t]+(?:at|for|in|with)\b|[ \t]*[,.;:)]|[ \t]+(?:said|says|told|added)\b)))?"  # "a nurse at …"
    + _OFFICE_WORDS +
    r"(?:[ \t]+(?:for|at|in|with)[ \t]+[^,.;:\n]{2,60}?)?(?=[ \t]*[,.;:)]|[ \t]+(?:said|says|told|added)\b)")

# The office a clause after the name says they took: "Ana Ruiz, who took over as principal in September,", "…, who
# became mayor in 2020", "…, who was appointed harbour master"
_OFFICE_TAKEN = re.compile(
    r"\b(?P<name>[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){1,3}),[ \t]+who[ \t]+(?:took[ \t]+over|became|was[ \t]+(?:appointed"
    r"|named|elected|made|sworn[ \t]+in)|serves|has[ \t]+served)[ \t]+(?:as[ \t]+)?(?:(?:the|an?)[ \t]+(?:new[ \t]+)?)?"
    + _OFFICE_WORDS + r"(?=[ \t]+(?:in|on|at|last|this|since|for)\b|[ \t]*[,.;:)])")

# The same office written before the name, the name set off by commas: "The town's mayor, Gwen Halloran, abstained.",
# "Its chief executive, Ana Ruiz, said"
_OFFICE_BEFORE = re.compile(
    r"(?:\b(?:[Tt]he|[Ii]ts|[Tt]heir)[ \t]+(?:(?:[a-z][\w-]*[ \t]+)?[\w.-]+['’]s[ \t]+)?|\b[A-Z][\w.-]*['’]s[ \t]+)"
    r"(?:[A-Z][\w.'’-]*[ \t]+)*" + _OFFICE_WORDS + r","  # "the transport union's secretary, X,"
    r"[ \t]+(?P<name>[A-Z][\w'’.-]*[\w'’-](?:[ \t]+[A-Z][\w'’.-]*[\w'’-]){1,3})(?=[ \t]*[,;:)]|[.!?](?:\s|$)"
    r"|[ \t]+(?:said|says|told|added)\b)")


# An office a speaker introduces as their own side's, before the name: "I'll hand over to our CFO, Ana Ruiz,", "our chief
# engineer, Bo Li, will explain"; only an office the lexicon knows (not "our friend, X" or "our guest, X")
_OUR_OFFICE = re.compile(
    r"\b[Oo]ur[ \t]+(?P<title>(?:[a-z][\w-]*[ \t]+){0,2}[a-z][\w-]*|" + "|".join(o.upper() for o in INITIALLED_OFFICES) + r"),"
    r"[ \t]+(?P<name>[A-Z][\w'’.-]*[\w'’-](?:[ \t]+[A-Z][\w'’.-]*[\w'’-]){1,3})(?=[ \t]*[,;:)]|[.!?](?:\s|$)"
    r"|[ \t]+(?:said|says|told|added|will|is|to|for)\b)")


# A witness or speaker list: "Graham Etheridge, Chief Executive, Northmoor Ambulance Service"; the office in capitals,
# then the body it is held in
_LISTED_OFFICE = re.compile(
    r"\b(?P<name>[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){1,3}),[ \t]+(?P<title>(?:[A-Z][a-z-]+[ \t]+){0,3}[A-Z][a-z-]+),[ \t]+"
    r"(?P<body>(?:the[ \t]+)?[A-Z][\w'’&.-]*(?:[ \t]+(?:of|for|and|&|on|[A-Z][\w'’&.-]*)){0,6}?)(?=[ \t]*[;.,)\n]|[ \t]+and\b|$)")


_SPEAKS_FOR = re.compile(r"\b(?:spokes(?:person|man|woman)|aide|adviser|advisor|lawyer|attorney)[ \t]+(?:for|to)[ \t]+$", re.I)


def _harvest_appositive_offices(text: str, entities: Entities) -> None:
    """Give the people of the document the office written beside their name (``_APPOSITIVE_OFFICE``,
    ``_OFFICE_BEFORE``, ``_OFFICE_TAKEN``) as a title, so that "the chief engineer" finds "Marisol Penhallow, the
    city's chief engineer".  Only an office (``_an_office``), and only of a name with a first name."""
    for match in (*_APPOSITIVE_OFFICE.finditer(text), *_OFFICE_BEFORE.finditer(text), *_OFFICE_TAKEN.finditer(text)):
        parts = names.parse_name(match.group("name"))
        if _SPEAKS_FOR.search(text, max(0, match.start() - 40), match.start()):
            continue  # "A spokeswoman for the governor, Ana Ruiz, said": the name is the spokeswoman's, not the governor's
        if _an_office(match.group("title")) and parts is not None and parts.given and not parts.title:
            _give_title(entities, parts, match.group("title"))
            owner = re.search(r"(?<![\w-])([a-z][a-z-]*)['’]s[ \t]+$", text[match.start() : match.start("title")])
            if owner is not None and owner.group(1) not in ("it", "one"):  # "the library's director": "the library director"
                _give_title(entities, parts, f"{owner.group(1)} {match.group('title')}")
    for match in _OUR_OFFICE.finditer(text):
        parts, office = names.parse_name(match.group("name")), match.group("title")
        if (office.lower() in INITIALLED_OFFICES or office.split()[-1] in ROLE_WORDS) and parts is not None and parts.given \
                and not parts.title:
            _give_title(entities, parts, office)
    for match in _LISTED_OFFICE.finditer(text):  # "Graham Etheridge, Chief Executive, Northmoor Ambulance Service"
        office = match.group("title").lower()
        parts = names.parse_name(match.group("name"))
        if office.split()[-1] in ROLE_WORDS and parts is not None and parts.given and not parts.title:
            _give_title(entities, parts, f"{office} of {match.group('body').rstrip('.')}")


_RELATING = {"my", "your", "his", "her", "our", "their"}  # "I interviewed my grandmother, X,": a relation, no office


def _an_office(title: str) -> bool:
    """Whether the words beside a name describe one person by what they do ("the managing director", "head of flood
    operations", "harbour master"), not a clause ("has been fighting for", "calling her"), a relation ("his wife"), an
    age, anyone indefinite ("a resident") or a word that only qualifies an office ("executive", "deputy").

    >>> [_an_office(t) for t in ("managing director", "head of flood operations", "chief executive", "executive", "a resident")]
    [True, True, True, False, False]
    >>> _an_office("interviewed my grandmother")
    False
    """
    words = title.split(" of ")[0].split()
    head = words[-1]
    if any(w in STOPWORDS | _RELATING for w in words) or words[0] in INDEFINITES | {"fellow"} or head in NOBODY_IN_PARTICULAR \
            or head.endswith("-year-old") or (head in _FEMALE | _MALE and not head.startswith("spokes")):
        return False
    if head not in ROLE_WORDS:  # "harbour master": a person by what they do, if not a clause ("fighting for")
        return describes_a_person(words) and not any(w.endswith("ing") for w in words)
    qualified = " of " in title or (len(words) > 1 and words[-2] in ROLE_WORDS - DOMAIN_WORDS)  # "chief executive"
    return head not in DOMAIN_WORDS or qualified


def _give_title(entities: Entities, parts: names.NameParts, title: str) -> None:
    """The office a document writes beside a person's name, as that person's title; a person the model did not name
    ("The council's head of planning, Aurelio Mbeki,") is one from here on."""
    person = next((e for e in entities.items if e.kind == PERSON and e.surname == parts.surname
                   and (e.given or "").split(" ")[0] == parts.given.split(" ")[0]), None)
    person = person or entities.person(parts, written=parts.full)
    if title not in person.titles:
        person.titles.append(title)


_FEMALE = {"wife", "mother", "daughter", "sister", "widow", "niece", "aunt", "granddaughter", "grandmother", "girlfriend",
           "fiancée", "spokeswoman"}
_MALE = {"husband", "father", "son", "brother", "widower", "nephew", "uncle", "grandson", "grandfather", "boyfriend", "fiancé",
         "spokesman"}
_RELATION = re.compile(
    r"(?:\b(?P<of>[A-Z][\w'’-]*)['’]s|\b(?:[Hh]er|[Hh]is|[Tt]heir|[Mm]y|[Oo]ur))\s+(?:(?:late|former|older|younger|elder|eldest|"
    r"youngest|\w+-year-old)\s+)?(?P<relation>" + "|".join(sorted(_FEMALE | _MALE | {
        "partner", "spouse", "colleague", "neighbor", "neighbour", "friend", "assistant", "lawyer", "attorney", "doctor",
        "coach", "teacher", "spokesperson"})) + r"),\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:,|\.(?=\s|$))")


_CHILDREN = {"daughter", "son"}  # a relation that, unless written otherwise, shares its parent's surname


def _harvest_relations(text: str, entities: Entities) -> None:
    """People introduced by their relation to someone: "MacLeod's wife, Isla," "Her husband, Raul," are people
    of the document, so that the "she said" after them can be theirs."""
    for match in _RELATION.finditer(text):
        name = match.group("name")
        if name.lower() in STOPWORDS or names.parse_name(name) is None:
            continue
        relation = match.group("relation")
        said = "f" if relation in _FEMALE else "m" if relation in _MALE else None
        words = name.split()
        parent = None
        if relation in _CHILDREN:  # "Ruiz's daughter", or "his daughter" after the sentence has named him
            of = match.group("of")
            start = max(text.rfind(". ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
            parent = entities.by_surname(of) if of else prose.sentence_subject(text, start, match.start(), entities)
        if len(words) == 1 and parent is not None and parent.kind == PERSON and parent.given:
            words = [words[0], parent.surname]  # "Ruiz's daughter, Lena,": Lena Ruiz, as a story implies
        parts = names.NameParts(title="", honorific="", given=words[0] if len(words) > 1 else "", surname=words[-1],
                                gender=said or gender.from_first_name(words[0]))
        entities.person(parts, written=name)


def _mentions(text: str, entities: Entities, skip: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Where each person is named in the text (surname, full name, or a given name unique in the document)."""
    surnames: dict[str, Entity] = {}
    givens: dict[str, list[Entity]] = {}
    for entity in entities.items:
        if entity.kind != PERSON or not entity.surname:
            continue
        surnames.setdefault(entity.surname.lower(), entity)
        if entity.given:
            givens.setdefault(entity.given.split()[0].lower(), []).append(entity)
    if not surnames:
        return []
    pattern = re.compile(
        r"(?<![\w’'])(" + "|".join(re.escape(k) for k in sorted(set(surnames) | set(givens), key=len,
                                                                reverse=True)) + r")(?![\w])",
        re.I,
    )
    out = []
    for match in pattern.finditer(text):
        word = match.group(1)
        if not word[0].isupper() or any(s <= match.start() < e for s, e in skip):
            continue
        key = word.lower()
        entity = surnames.get(key)
        if entity is None and len(givens.get(key, [])) == 1:
            entity = givens[key][0]
        if entity is not None:
            out.append((match.start(), match.end(), entity.key))
    return out
