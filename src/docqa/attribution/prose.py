"""Who speaks in running prose: direct quotes and their cues, reported speech, pronouns, continuation.

Each sentence gets the speaker whose words it carries, or none (narration):

* a sentence that opens inside a quotation belongs to the quote's speaker, found from the cue after
  the closing mark ("“…,” Blinken said." / "“…,” said Blinken." / "“…,” he said.") or, with no cue,
  from the quote it continues;
* otherwise a speech cue at the start of the sentence makes it reported speech ("Blinken said the
  situation is under review", "He told NATO ministers that…", "But the NATO chief said…"), as does a
  trailing cue (", Blinken said.") or "according to X".
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from docqa.attribution import cues, names
from docqa.attribution.entities import ORGANISATION, PERSON, POSSESSIVES, PRONOUNS, ROLE, Entities, Entity
from docqa.attribution.parse import ParsedParagraph
from docqa.attribution.parse import Subject as ParsedSubject
from docqa.attribution.subjects import describes_a_person, resolve_subject
from docqa.language.lexicon import ROLE_WORDS
from docqa.language.quotes import CLOSE, OPEN, SINGLE_CLOSE, SINGLE_OPEN, quotation_spans, without_nicknames
from docqa.language.sentences import split
from docqa.language.tokens import strip_possessive
from docqa.language.words import ACT_FORMS, CAPITALS, INDEFINITES, SPEECH_VERBS
from docqa.records import HOW_CONTINUATION, HOW_NONE, HOW_PRONOUN, HOW_QUOTE, HOW_REPORTED, HOW_ROLE, Segment

_MASK = "_"


@dataclass
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (or the paragraph end)
    speaker: Entity | None = None
    how: str = HOW_NONE
    resolved: bool = False
    signed: bool = False  # set off and signed after a dash: its signer's or no one's, never the last speaker's
    cued: bool = False  # a cue follows it ("…," a person familiar with the talks said): whoever that is, not the last speaker
    dialogue: bool = False  # set off by a dash as fiction's dialogue: without a cue, not the last paragraph's speaker again


@dataclass
class ProseState:
    """What carries from sentence to sentence: who spoke recently, and whether the last sentence had a speaker."""

    recent: list[Entity]
    last_speaker: Entity | None = None
    introducing: Entity | None = None  # the last paragraph ended "X wrote:", introducing what follows as X's

    def spoke(self, entity: Entity | None) -> None:
        """Record who spoke the sentence just attributed (None: narration, which breaks quote continuation)."""
        self.last_speaker = entity
        if entity is not None:
            entity.spoke = True
            if entity in self.recent:
                self.recent.remove(entity)
            self.recent.insert(0, entity)


def find_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Quotations in ``text[start:end]`` (``docqa.language.quotes``), each to be attributed; a paragraph of dialogue
    set off by a dash, as much fiction in Europe writes it, is one (``_dash_dialogue``)."""
    marked = [Quote(s, e) for s, e in quotation_spans(text, start, end)]
    return marked or [Quote(s, e, dialogue=True) for s, e in _dash_dialogue(text, start, end)]


_DIALOGUE_DASH = re.compile(r"[ \t]*[—–―][ \t]+(?=\S)")
_DASH_CUE = re.compile(r"(?:,|(?<=[?!]))[ \t]+(?=(?:he|she|they|I|we|[" + CAPITALS + r"][\w'’-]+(?:[ \t]+[" + CAPITALS
                       + r"][\w'’-]+)?)[ \t]+(?:" + SPEECH_VERBS + r")\b)")


def _dash_dialogue(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A paragraph of dialogue that opens with a dash and no quotation marks ("— You're late, he said. The tide won't
    wait."): the words to the cue, and those after the cue's sentence, are the quotation; without a cue, all of it.
    Not a signature ("— Ana Ruiz, 71, nurse": no sentence ends in it).

    >>> t = "— You're late, he said without looking up. The tide won't wait."
    >>> [t[s:e] for s, e in _dash_dialogue(t, 0, len(t))]
    ["— You're late,", "The tide won't wait."]
    >>> _dash_dialogue("— Ana Ruiz, 71, retired butcher", 0, 31)
    []
    """
    opening = _DIALOGUE_DASH.match(text, start, end)
    if opening is None or not re.search(r"[.?!…]", text[opening.end() : end]) or len(text[start:end].split()) < 4:
        return []
    cue = _DASH_CUE.search(text, opening.end(), end)
    if cue is None:
        return [(start, end)]
    spans = [(start, cue.start() + (text[cue.start()] == ","))]
    after = re.search(r"[.!?…][ \t]+(?=\S)", text[cue.end() : end])
    if after is not None:
        spans.append((cue.end() + after.end(), end))
    return spans


def mask_quotes(text: str, quotes: list[Quote]) -> str:
    """``text`` with the inside of every quotation blanked, so cues are looked for in the narration only."""
    chars = list(text)
    for quote in quotes:
        for i in range(quote.start + 1, max(quote.start + 1, quote.end - 1)):
            if chars[i] != "\n":
                chars[i] = _MASK
    return "".join(chars)


_SMALL_WORDS = {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with",
                "vs"}


def is_heading(text: str, start: int, end: int) -> bool:
    """A headline or section heading: one short line in title case or capitals, with no sentence end.

    >>> t = "The Engineer Who Said No"
    >>> is_heading(t, 0, len(t)), is_heading("Blinken Said No.", 0, 16), is_heading("Ferreira said no", 0, 16)
    (True, False, False)
    """
    block = text[start:end].strip()
    words = block.split()
    if "\n" in block or not 2 <= len(words) <= 16 or block[-1] in ".!?…\"”’":
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(content) and all(w[:1].isupper() or not w[:1].isalpha() for w in content)


# A verb of saying and a colon before words with no quotation marks ("After the match she said: We stopped passing.",
# "He told the club's channel: The penalty came late."): the rest of the paragraph is those words
_SAID_UNQUOTED = re.compile(r"(?<![\w'’])(?:" + SPEECH_VERBS + r")\b[^:.!?\n]{0,40}:[ \t]+(?=[A-Z0-9])")


def attribute_paragraph(text: str, start: int, end: int, paragraph: int, entities: Entities, state: ProseState,
                        parsed: ParsedParagraph | None = None) -> list[Segment]:
    """Attribute the sentences of one prose paragraph; returns one Segment per sentence.

    The rules propose a speaker for each sentence; when the paragraph was parsed, the parse confirms
    or corrects it: the subject of the verb of saying is the speaker, not the nearest name.
    """
    introducing, state.introducing = state.introducing, None
    if introducing is not None and _BLOCK_QUOTE.match(text, start, end):
        state.spoke(introducing)  # "The inspector wrote:" above a block quote ("> The home failed…"): hers
        state.introducing = introducing  # and the block quote's next paragraph
        return [Segment(s, e, introducing.key, HOW_QUOTE, paragraph) for s, e in split(text, start, end)]
    if is_heading(text, start, end):
        state.spoke(None)
        return [Segment(start, end, None, HOW_NONE, paragraph)]  # "The Engineer Who Said No": a headline, nobody's words
    quotes = find_quotes(text, start, end)
    masked = without_nicknames(mask_quotes(text, quotes) if quotes else text, start, end)  # 'Ana "Nan" Ruiz said'
    segments: list[Segment] = []
    sentences = split(text, start, end)
    roundup = _roundup(text, start, end, quotes, entities, state)
    beat = functools.cache(lambda: _beat(masked, sentences, quotes, entities))  # read once, when a quotation needs it
    unquoted: Entity | None = None  # who said, with a colon, the paragraph's words that follow, unquoted
    for s, e in sentences:
        quote = _quote_at(quotes, s, e)
        if quote is None and roundup is not None and s <= quotes[0].start < e:
            quote = quotes[0]  # "Name, Outlet: “…”": the sentence opens with the roundup's name
        speaker: Entity | None = None
        how = HOW_NONE
        if quote is not None:
            if not quote.resolved:
                tail_end = _cue_after_question(text, masked, sentences, quote, _sentence_end(sentences, quote.end, end))
                if roundup is not None and quote is quotes[0]:
                    quote.resolved, quote.speaker, quote.how = True, roundup, HOW_QUOTE
                else:
                    _resolve_quote(text, masked, quote, tail_end, entities, state)
                if parsed is not None and quote.how != HOW_CONTINUATION:
                    _check_quote(parsed, masked, quote, s, tail_end, entities, state)
            if quote.speaker is None and not quote.signed and quote.how != HOW_CONTINUATION and s < quote.start:
                cue = cues.BEFORE_QUOTE.match(masked[s : quote.start].rstrip())
                entity, kind = _colon_speaker(cue, entities, state) if cue is not None else (None, "")
                if entity is not None:  # "15:10 — Key quote from the forecaster X, on local radio: “…”"
                    quote.speaker, quote.how = entity, _how(kind, HOW_QUOTE)
            if quote.speaker is None and not quote.signed:
                named = _named_after(masked, sentences, quote, entities)
                if named is not None:  # "“We will not retreat.” That was how Brask put it."
                    quote.speaker, quote.how = named, HOW_QUOTE
            if quote.speaker is None and not quote.signed and not quote.cued and _alone(masked, sentences, quote, s, end):
                actor = beat()
                if actor is not None and all(x.speaker in (None, actor.key) for x in segments):
                    # "Ruiz looked down at the water. “We leave at dawn.”"; not after another's words in the paragraph
                    quote.speaker, quote.how = actor, HOW_QUOTE
            if quote.speaker is not None:
                speaker, how = quote.speaker, quote.how
            elif state.last_speaker is not None and not quote.signed and not quote.cued \
                    and (not quote.dialogue or any(x.speaker is not None for x in segments)):
                # (a dialogue's uncued line in a paragraph of its own is as often the other person's: no one's)
                speaker, how = state.last_speaker, HOW_CONTINUATION
                quote.speaker, quote.how = speaker, how
        else:
            introduced = _nested_quote(masked, quotes, s, e, entities, state) \
                or _introduced_quote(masked, quotes, s, e, entities, state)
            if introduced is None and e >= end - 1:
                introduced = _introduces_next(text, masked, s, e, entities, state)
                state.introducing = introduced[0] if introduced is not None else None
            if introduced is not None:  # "Ferreira put it bluntly: “…”": the quote, and the sentence, are hers
                speaker, how = introduced
            else:
                speaker, how = _reported(masked, s, e, entities, state)
                if parsed is not None:
                    speaker, how = _check(parsed.subjects(s, e, masked), speaker, how, HOW_REPORTED, entities, state)
                if speaker is None and unquoted is not None:
                    speaker, how = unquoted, HOW_CONTINUATION  # "…she said: We stopped passing. I'll take the points."
                elif speaker is not None and not quotes and _SAID_UNQUOTED.search(masked, s, e):
                    unquoted = speaker
        second = _second_quote(masked, quotes, s, e, speaker, entities, state) if speaker is not None else None
        if second is not None:  # "“…,” said X, while Y said, “…”": two people's words, each theirs
            at, speaker2 = second
            segments.append(Segment(s, at, speaker.key, how, paragraph))
            s, speaker, how = at, speaker2, HOW_QUOTE
        state.spoke(speaker)
        entities.mentioned(re.findall(r"[" + CAPITALS + r"][\w'’-]+", masked[s:e]))
        entities.last_subject = None if speaker is not None else sentence_subject(masked, s, e, entities)
        segments.append(Segment(s, e, speaker.key if speaker else None, how, paragraph))
    return segments


def _alone(masked: str, sentences: list[tuple[int, int]], quote: Quote, s: int, end: int) -> bool:
    """Whether a quotation stands as sentences of its own, no word of narration before it or after it in them (no
    cue: "“Fares will rise,” the report said.")."""
    around = masked[s : max(s, quote.start)] + masked[quote.end : _sentence_end(sentences, quote.end, end)]
    return not re.search(r"\w", around)


_RUN = re.compile(r"[ \t]*(?:(?P<pronoun>She|He)\b|[" + CAPITALS + r"][\w'’-]+(?:[ \t]+[" + CAPITALS + r"][\w'’-]+)*)")


def _beat(masked: str, sentences: list[tuple[int, int]], quotes: list[Quote], entities: Entities) -> Entity | None:
    """The one person a paragraph's narration is about, as the subject each of its sentences without a quotation opens
    with, named or as "she"/"he" when one person of that gender has been named: an action beside a quotation with no
    cue is the speaker's ("Ruiz looked down at the water. “We leave at dawn.”").  None when the narration opens with
    no one or with two people."""
    people: set[str] = set()
    found: Entity | None = None
    for s, e in sentences:
        if any(q.start < e and s < q.end for q in quotes):
            continue  # the quotation's own sentence: its words, or a cue already read
        run = _RUN.match(masked, s, e)
        if run is None:
            continue
        if run.group("pronoun"):
            gender = PRONOUNS[run.group("pronoun").lower()]
            agreeing = [x for x in entities.items if x.kind == PERSON and x.gender == gender and entities.read(x)]
            person = agreeing[0] if len(agreeing) == 1 else None
        else:
            person = sentence_subject(masked, run.start(), run.end(), entities)
        if person is not None and person.kind == PERSON:
            people.add(person.key)
            found = person
    return found if len(people) == 1 else None


# Where a sentence turns from one speaker's quotation to another's: "“…,” said X, while Y said, “…”"
_TURNING = re.compile(r",[ \t]+(?=(?:while|whereas|but|and)[ \t])")


def _second_quote(masked: str, quotes: list[Quote], s: int, e: int, first: Entity, entities: Entities,
                  state: ProseState) -> tuple[int, Entity] | None:
    """Where a sentence that holds two quotations gives the second to someone else with a cue of its own before it
    ("…, while her neighbour Bo Li said, “…”"): where that clause starts, and who.  None in every other case."""
    inside = [q for q in quotes if s <= q.start and q.end <= e]
    if len(inside) < 2:
        return None
    last = inside[-1]
    turns = list(_TURNING.finditer(masked, inside[-2].end, last.start))
    if not turns:
        return None
    at = turns[-1].end()
    clause = masked[at : last.start].rstrip(" \t,:")
    match = cues.SENTENCE_CUE.match(re.sub(r"^(?:while|whereas|but|and)[ \t]+", "", clause))
    if match is None or not match.group("verb")[:1].islower():
        return None
    subject = match.group("subj")
    entity, _ = _or_named(entities, subject, match.group("appos"), state, person=True)
    if entity is None:  # "her neighbour Bo Li": the name the description ends in
        run = next(reversed(list(names.runs(subject, 0, len(subject)))), None)
        parts = names.parse_name(subject[run[0] : run[1]]) if run else None
        entity = entities.person(parts, written=parts.full) if parts is not None and parts.given else None
    if entity is None or entity is first or entity.kind != PERSON:
        return None
    last.resolved, last.speaker, last.how = True, entity, HOW_QUOTE
    return at, entity


_OPENING = ("“", '"')
_BLOCK_QUOTE = re.compile(r"[ \t]*>")  # a paragraph quoted as Markdown and mail quote it


def carry_open_quotes(text: str, segments: list[Segment]) -> list[Segment]:
    """A paragraph that opens a quotation and never closes it, before a paragraph that opens with a quotation mark, is
    the first part of that quotation, as news prints a quote of several paragraphs: its open part is the speaker's whom
    the next paragraph's quotation is (``HOW_CONTINUATION``).  Read from the last paragraph back, so that a chain of
    such paragraphs takes the speaker its last one names.

    >>> t = "“We waited years for this.\\n\\n“It will run every ten minutes,” said Ada."
    >>> segs = [Segment(0, 26, None, HOW_NONE, 0), Segment(28, len(t), "ada", HOW_QUOTE, 1)]
    >>> [(x.speaker, x.how) for x in carry_open_quotes(t, segs)]
    [('ada', 'continuation'), ('ada', 'quote')]
    """
    out = list(segments)
    paragraphs: dict[int, list[int]] = {}
    for i, segment in enumerate(out):
        paragraphs.setdefault(segment.paragraph, []).append(i)
    numbers = sorted(paragraphs)
    for mine, following in reversed(list(zip(numbers, numbers[1:], strict=False))):
        nxt = out[paragraphs[following][0]]
        if nxt.speaker is None or not text[nxt.start : nxt.end].lstrip().startswith(_OPENING):
            continue
        start, end = out[paragraphs[mine][0]].start, out[paragraphs[mine][-1]].end
        opened = _open_quote_at(text, start, end)
        if opened is None:
            continue
        for i in paragraphs[mine]:
            if out[i].speaker is None and out[i].end > opened:
                out[i] = replace(out[i], speaker=nxt.speaker, how=HOW_CONTINUATION)
    return out


def give_back(text: str, segments: list[Segment], entities: Entities) -> list[Segment]:
    """A paragraph that opens by giving the quotation before it back to someone ("Those were the words of Ana Ruiz, the
    harbour's engineer, at the close of the hearing.") after paragraphs of quotation no cue named, which were read as
    the last speaker's going on (``HOW_CONTINUATION``): those paragraphs are that person's.  ``_named_after`` reads the
    same sentence inside the quotation's own paragraph."""
    out = list(segments)
    paragraphs: dict[int, list[int]] = {}
    for i, segment in enumerate(out):
        paragraphs.setdefault(segment.paragraph, []).append(i)
    numbers = sorted(paragraphs)
    for at, number in enumerate(numbers):
        segment = out[paragraphs[number][0]]
        if segment.speaker is not None or not _BACK_REFERENCE.search(text[segment.start : segment.end]):
            continue
        quoted = []  # the paragraphs right before, each wholly a quotation read as going on
        for earlier in reversed(numbers[:at]):
            if not all(out[i].how == HOW_CONTINUATION for i in paragraphs[earlier]):
                break
            quoted.extend(paragraphs[earlier])
        person = sentence_subject(text, segment.start, segment.end, entities) if quoted else None
        for i in quoted if person is not None and person.kind == PERSON else ():
            out[i] = replace(out[i], speaker=person.key, how=HOW_QUOTE)
    return out


def _open_quote_at(text: str, start: int, end: int) -> int | None:
    """Where the quotation ``text[start:end]`` leaves open begins, or None when it closes every one it opens."""
    piece = text[start:end]
    curly = piece.rfind("“")
    if curly > piece.rfind("”"):
        return start + curly
    straight = [i for i, ch in enumerate(piece) if ch == '"']
    return start + straight[-1] if len(straight) % 2 else None


# A sentence after a quote that gives it back to someone: "That was how X put it", "That's what X said", "Those
# were the words of X", "So said X", "X said it twice".
_BACK_REFERENCE = re.compile(
    r"^\W*(?:(?:that|this)(?:['’]s|\s+(?:is|was))\s+(?:how|what)\b|(?:those|these|such)\s+(?:were|are)\s+(?:the\s+)?words\b"
    r"|so\s+said\b|thus\s+spoke\b)|\b(?:said|put|wrote|repeated)\s+it\b", re.IGNORECASE)


def _named_after(masked: str, sentences: list[tuple[int, int]], quote: Quote, entities: Entities) -> Entity | None:
    """The person the sentence right after a cue-less quote gives it back to, if it does (see ``_BACK_REFERENCE``)."""
    after = next(((s, e) for s, e in sentences if s >= quote.end), None)
    if after is None or not _BACK_REFERENCE.search(masked[after[0] : after[1]]):
        return None
    person = sentence_subject(masked, after[0], after[1], entities)
    return person if person is not None and person.kind == PERSON else None


def sentence_subject(masked: str, s: int, e: int, entities: Entities) -> Entity | None:
    """The person a narration sentence is about: its first named person not in a possessive ("Whitfield
    rejected that." -> Whitfield; "The Biden administration's plan…" -> nobody)."""
    window = masked[s : min(e, s + 80)]
    for match in re.finditer(r"[" + CAPITALS + r"][\w'’-]+(?:[ \t]+[" + CAPITALS + r"][\w'’-]+)*", window):
        run = match.group(0).split()
        if run[0] in ("The", "A", "An") or run[-1].endswith(("'s", "’s")) or re.search(r"\b(?:[Tt]he|[Aa]n?)\s+$",
                                                                                       window[: match.start()]):
            continue  # "The Biden administration's plan", "Joe Biden's aides": not whom the sentence is about
        for at in range(len(run) - 1, -1, -1):
            person = entities.by_surname(run[at], given=run[at - 1] if at else None) or entities.by_given(run[at])
            if person is not None:
                return person
    return None


def _roundup(text: str, start: int, end: int, quotes: list[Quote], entities: Entities, state: ProseState) -> Entity | None:
    """The speaker of a roundup line, "Name, Outlet: “…”" (the quote opening the paragraph after the name)."""
    match = cues.ROUNDUP.match(text, start, end)
    if not match or not quotes or quotes[0].start < match.end() or len(match.group("subj").split()) > 14:
        return None
    if quotes[0].start - match.end() > 1:
        return None
    name = match.group("subj").split(",")[0].strip()
    entity, kind = resolve_subject(entities, name, state.recent)
    return entity if entity is not None and kind == "name" else None


def _check_quote(parsed: ParsedParagraph, masked: str, quote: Quote, s: int, tail_end: int, entities: Entities,
                 state: ProseState) -> None:
    """Confirm or correct a quotation's speaker from the verbs of saying around it in its sentence."""
    subjects = [x for x in parsed.subjects(s, tail_end, masked) if not quote.start <= x.start < quote.end]
    if not subjects:
        return
    speaker, how = _check(subjects, quote.speaker, quote.how, HOW_QUOTE, entities, state)
    quote.speaker, quote.how = speaker, how


def _check(subjects: list[ParsedSubject], speaker: Entity | None, how: str, default: str, entities: Entities,
           state: ProseState) -> tuple[Entity | None, str]:
    """The rules' answer, unless the parse names a different subject for the verb of saying."""
    for subject in subjects:
        if subject.in_dateline:
            continue
        entity, kind = _resolve_parsed(subject, entities, state)
        if entity is None:
            continue
        if speaker is not None and speaker.kind == PERSON and entity.kind != PERSON and entity.display == speaker.display:
            return speaker, how  # the same words, read by the model as a body's name: the rules knew it for a person
        if speaker is None or (entity is not speaker and kind == "name" and subject.kind == "name"):
            return entity, _how(kind, default)
        return speaker, how
    return speaker, how


def _resolve_parsed(subject: ParsedSubject, entities: Entities, state: ProseState) -> tuple[Entity | None, str]:
    if subject.appositive and subject.kind != "name":
        named, kind = resolve_subject(entities, subject.appositive, state.recent)
        if named is not None:
            return named, kind
    entity, kind = resolve_subject(entities, subject.text, state.recent)
    if entity is None and subject.appositive:
        return resolve_subject(entities, subject.appositive, state.recent)
    return entity, kind


def _quote_at(quotes: list[Quote], s: int, e: int) -> Quote | None:
    """The quotation a sentence belongs to: one it opens with, or one it starts inside of."""
    for quote in quotes:
        if quote.start <= s < quote.end - 1 or (s <= quote.start <= s + 1):
            return quote
    return None


# A pull quote signed after a dash, on its line or the next: "“We're asking for enough staff.” — Ana Ruiz, ICU nurse";
# an embedded post's, with the account and the date: "“Stay off the roads.” — Sheriff Ana Ruiz (@SheriffRuiz) May 3, 2026"
_SIGNED = re.compile(r"[ \t]*\n?[ \t]*(?:—|–|―|--)[ \t]*(?P<who>(?:[" + CAPITALS + r"]|(?:the|an?)[ \t])[^,\n—–]{1,60}?)[ \t]*"
                     r"(?:\(@\w{1,30}\)[^\n]{0,40}|,(?P<described>[^\n]{0,100}))?[ \t]*$")


# … or credited in brackets after it, as a study quotes its participants by code or a report its sources by name:
# "“We never eat on nights.” (P4, staff nurse, 9 years)", "(Participant 12)", "(Ana Ruiz, ward manager)"
_CREDITED = re.compile(r"[ \t]*\n?[ \t]*\((?P<who>[" + CAPITALS + r"][^,;()\n]{0,40}?)[ \t]*(?:[,;][^()\n]{0,100})?\)[ \t]*$")
# a participant's code: "P4", "FG2-P3", "R12", "Participant 12", "Interviewee C"
_PARTICIPANT = re.compile(r"(?:[A-Z]{1,3}\d{0,2}-)?[A-Z]{1,3}\d{1,3}|(?i:participant|interviewee|respondent|informant|patient|"
                          r"student|pupil|parent|carer|nurse|doctor|teacher|member)[ \t]+(?:[A-Z]|\d{1,3})")


def _signed_office(described: str | None) -> str | None:
    """What a signature says its signer does, after the name and an age: "71, retired butcher" -> "retired butcher";
    None for a place or a body ("Oakton", "Eastgate Rovers").

    >>> _signed_office(" 71, retired butcher"), _signed_office(" nurse"), _signed_office(" Oakton")
    ('retired butcher', 'nurse', None)
    """
    pieces = [p.strip() for p in (described or "").split(",") if p.strip() and not p.strip().isdigit()]
    return pieces[0] if pieces and len(pieces[0].split()) <= 4 and describes_a_person(pieces[0].split()) else None


def _resolve_quote(text: str, masked: str, quote: Quote, tail_end: int, entities: Entities, state: ProseState) -> None:
    quote.resolved = True
    line_end = text.find("\n", quote.end)
    if line_end >= 0 and not text[quote.end : line_end].strip():
        line_end = text.find("\n", line_end + 1)  # the quotation ends its line: the signature may be the next
    signed = _SIGNED.match(text, quote.end, line_end if line_end >= 0 else len(text)) \
        or _CREDITED.match(text, quote.end, line_end if line_end >= 0 else len(text))
    if signed is not None:
        if _PARTICIPANT.fullmatch(signed.group("who")):
            entity, kind = entities.label(signed.group("who")), "name"  # "P4": a participant known by code alone
        else:
            entity, kind = resolve_subject(entities, signed.group("who"), state.recent)
        quote.signed = True
        if entity is not None and entity.kind in (PERSON, ROLE) and kind == "name":
            quote.speaker, quote.how = entity, HOW_QUOTE
            office = _signed_office(signed.groupdict().get("described")) if entity.kind == PERSON else None
            if office and office not in entity.titles:
                entity.titles.append(office)  # "— Ana Ruiz, 71, retired butcher": "the retired butcher"
        return
    inner = text[quote.start : quote.end].rstrip(CLOSE + SINGLE_CLOSE + '"')
    if inner.endswith(".") and not re.match(r"\s*[a-z,]", text[quote.end : quote.end + 3]):
        return  # “... pressure.” ends its sentence: what follows is another sentence's subject
    match = cues.AFTER_QUOTE.match(masked, quote.end, tail_end)
    if match:
        subject = match.group("subj") or match.group("subj2")
        # "…," said a spokesperson, D. Achebe.
        described = _DESCRIBED.match(masked, match.end(), tail_end) if match.group("subj2") else None
        appositive = match.group("appos2") or match.group("appos") \
            or (described and (described.group("words") or described.group("who")))  # "its chair, Bo Li, said"
        entity, kind = _or_named(entities, subject, appositive, state, person=True)
        if entity is not None:
            quote.speaker, quote.how = entity, _how(kind, HOW_QUOTE)
        else:
            quote.cued = _someone_else(subject)


def _someone_else(subject: str) -> bool:
    """Whether a cue's subject that names no one known is someone new, not the last speaker again: an indefinite
    ("a person familiar with the talks", "one official") or a plural ("the workers", "the two leaders"). A definite
    singular ("the company said") may be the last speaker, described.

    >>> _someone_else("a person familiar with the talks"), _someone_else("the workers"), _someone_else("the company")
    (True, True, False)
    >>> _someone_else("his daughter"), _someone_else("their lawyer")  # someone's relation is not that someone
    (True, True)
    """
    words = subject.split()
    if not words or not words[0].islower():
        return False
    if words[0] in POSSESSIVES:
        return True
    head = re.split(r"\s+(?:for|of|at|in|with|from|familiar|close|who|whose|briefed)\b", subject)[0].split()[-1].lower()
    return words[0].lower() in INDEFINITES or (head.endswith("s") and not head.endswith(("ss", "us", "is", "ics")))


def _cue_after_question(text: str, masked: str, sentences: list[tuple[int, int]], quote: Quote, tail_end: int) -> int:
    """Where a quoted question or exclamation's cue may end: the splitter ends a sentence at "?”", so in "“Fair to
    whom?” Kwarteng asked." the cue is the next sentence, when that sentence is as short as a cue."""
    if tail_end > quote.end + 1 or not text[quote.start : quote.end].rstrip(CLOSE + SINGLE_CLOSE + '"').endswith(("?", "!")):
        return tail_end
    after = next(((s, e) for s, e in sentences if s >= quote.end), None)
    return after[1] if after is not None and len(masked[after[0] : after[1]].split()) <= _CUE_WORDS else tail_end


_CUE_WORDS = 6  # "Kwarteng asked.", "asked the union's Bettina Kwarteng."


def _sentence_end(sentences: list[tuple[int, int]], pos: int, default: int) -> int:
    """End of the sentence in which a quotation closes (where its cue, if any, must be)."""
    for s, e in sentences:
        if s < pos <= e:
            return e
    return default


def _quoting(match: re.Match[str]) -> str:
    """Who a ``cues.BEFORE_QUOTE`` sentence says speaks: "X told reporters:", "X's answer:", "For X, the answer is:",
    "Her answer:" (she)."""
    who = match.group("subj") or match.group("owner") or match.group("holder") or match.group("possessor") \
        or match.group("worder") or _named_at_end(match.group("sourced") or "")
    return POSSESSIVES.get(who.lower(), who)  # "Her answer:" (read as a subject and a verb, or as an owner): she


def _named_at_end(words: str) -> str:
    """A description ending in a name without its article ("the forecaster Ana Ruiz" -> "forecaster Ana Ruiz"), read
    as a title and a name; anything else as it is.

    >>> _named_at_end("the Met Office forecaster Ana Ruiz"), _named_at_end("the council")
    ('Met Office forecaster Ana Ruiz', 'the council')
    """
    head, _, rest = words.partition(" ")
    last = words.split()[-1] if words.split() else ""
    return rest if head.lower() in ("the", "a", "an") and last[:1].isupper() and rest else words


def _colon_speaker(match: re.Match[str], entities: Entities, state: ProseState) -> tuple[Entity | None, str]:
    """Who a ``cues.BEFORE_QUOTE`` cue says speaks, with the name in apposition where the subject names no one ("Its
    chief executive, Ana Ruiz, put it simply:", "In the words of her neighbour, Bo Li:")."""
    return _or_named(entities, _quoting(match), match.group("appos") or match.group("worder_named"), state)


def _introduced_quote(masked: str, quotes: list[Quote], s: int, e: int, entities: Entities,
                      state: ProseState) -> tuple[Entity, str] | None:
    """A quotation that a colon introduces inside the sentence ("X told reporters: “…”", "Her answer: “…”"): its
    speaker, found before it, also speaks the sentences of the quote that follow."""
    quote = next((q for q in quotes if s < q.start < e and not q.resolved), None)
    if quote is None:
        return None
    match = cues.BEFORE_QUOTE.match(masked[s : quote.start].rstrip())
    if match is None:
        return None
    return _claimed(quote, *_colon_speaker(match, entities, state))


def _nested_quote(masked: str, quotes: list[Quote], s: int, e: int, entities: Entities,
                  state: ProseState) -> tuple[Entity, str] | None:
    """A quotation a sentence reports someone else saying ("X said the minister, Y, told her, “…”"): the words are
    Y's, and so is the sentence that carries them (``cues.NESTED_QUOTE``)."""
    quote = next((q for q in quotes if s < q.start < e and not q.resolved), None)
    match = cues.NESTED_QUOTE.search(masked[s : quote.start].rstrip()) if quote is not None else None
    if quote is None or match is None:
        return None
    return _claimed(quote, *_or_named(entities, match.group("inner"), match.group("appos"), state))


def _claimed(quote: Quote, entity: Entity | None, kind: str) -> tuple[Entity, str] | None:
    """The quotation is ``entity``'s, found by a cue before it; None when no one was found."""
    if entity is None:
        return None
    quote.resolved, quote.speaker, quote.how = True, entity, _how(kind, HOW_QUOTE)
    return entity, quote.how


# What an inverted cue's subject is, in lower case after a comma: "said Ruiz, the port's director.", "said Ana Ruiz, who
# runs the club" (a person: a body is "which")
_DESCRIBED = re.compile(r",\s+(?:(?:the|a|an|its|his|her|their)\s+(?P<words>[a-z][^,;:.!?“”\"«»_]{1,60}?)\s*(?:[,.!?]|$)"
                        r"|(?P<who>who)\s)")
_OWNER_WORDS = {"the", "a", "an", "its", "his", "her", "their"}


def _surname_described(entities: Entities, subject: str, description: str) -> Entity | None:
    """A surname, or a first name and a surname, described as a person ("Ruiz, the port's director", "Ruiz, a grain
    trader", "Ana Ruiz, who runs the club"): that person, whatever the model took the words for (a name it does not
    know reads as a body's).

    >>> e = Entities()
    >>> _surname_described(e, "Ruiz-Pardo", "port's director").kind, _surname_described(e, "Northway", "county's utility")
    ('person', None)
    >>> _surname_described(e, "Ishaan Ruiz-Pardo", "who").given, _surname_described(e, "Northway Power", "company")
    ('Ishaan', None)
    """
    subject = subject.strip()
    if not re.fullmatch(r"[" + CAPITALS + r"][\w'’-]+(?:[ \t]+[" + CAPITALS + r"][\w'’-]+){0,2}", subject):
        return None
    if description != "who":
        words = [strip_possessive(w) for w in description.split() if w not in _OWNER_WORDS]
        cut = next((i for i, w in enumerate(words) if w in ("of", "for", "at", "in", "from", "with", "who")), len(words))
        head = words[cut - 1].lower() if cut else ""
        if not head or (head not in ROLE_WORDS and not describes_a_person(words[:cut])):
            return None
    if " " not in subject:
        return entities.person(names.NameParts(title="", honorific="", given="", surname=subject, gender=None), written=subject)
    parts = names.parse_name(subject)
    return entities.person(parts, written=parts.full) if parts is not None and parts.given and parts.surname else None


def _or_named(entities: Entities, subject: str, appositive: str | None, state: ProseState,
              person: bool = False) -> tuple[Entity | None, str]:
    """Who a cue's subject is, or the name in apposition to it where the subject names no one, or a role, or a
    body ("Ukraine's agriculture minister, Mykola Solskyi, said"); ``person``: only a person's name will do."""
    if appositive and appositive[:1].islower() and entities.by_surname(subject.strip()) is None \
            and (described := _surname_described(entities, subject, appositive)) is not None:
        return described, "name"  # "Ruiz, the port's director, said": a person, whatever the model took "Ruiz" for
    entity, kind = resolve_subject(entities, subject, state.recent)
    if appositive and (entity is None or kind == "role" or entity.kind != PERSON):
        named, named_kind = resolve_subject(entities, appositive, state.recent)
        if named is not None and named_kind == "name" and (not person or named.kind == PERSON):
            office = _office_before(subject)
            owner = next((e for e in reversed(state.recent) if e.kind == ORGANISATION), None) \
                if subject.split()[:1] == ["its"] else None
            office = f"{office}, {owner.display}" if office and owner is not None else office
            if named.kind == PERSON and office and office.lower() not in {t.lower() for t in named.titles}:
                named.titles.append(office)  # "its chair, Bo Li, said": "the chair" (of that body) asks for Bo Li
            return named, named_kind
    return entity, kind


def _office_before(subject: str) -> str | None:
    """The office a subject in lower case gives the name in apposition after it, its owner aside: "its chair",
    "the union's general secretary" -> "chair", "general secretary"; None for anything else.

    >>> _office_before("its chair"), _office_before("the group's vice chair"), _office_before("the workers")
    ('chair', 'vice chair', None)
    """
    words = subject.split()
    while words and (words[0] in ("the", "a", "an", "its", "his", "her", "their") or strip_possessive(words[0]) != words[0]):
        words = words[1:]
    if not words or len(words) > 3 or not all(re.fullmatch(r"[a-z][a-z-]*", w) for w in words) or words[-1] not in ROLE_WORDS:
        return None
    return " ".join(words)


def _introduces_next(text: str, masked: str, s: int, e: int, entities: Entities, state: ProseState) -> tuple[Entity, str] | None:
    """A paragraph's last sentence that introduces, with a colon, the quotation that opens the next paragraph
    ("X released the following statement:" then "“…”", or a block quote, "> …"): its speaker, whom the quotation then
    continues."""
    sentence = masked[s:e].rstrip()
    following = text[e : e + 40].lstrip()
    if not sentence.endswith(":") or not following or following[0] not in OPEN + SINGLE_OPEN + '">':
        return None
    match = cues.BEFORE_QUOTE.match(sentence)
    if match is None:
        return None
    entity, kind = resolve_subject(entities, _quoting(match), state.recent)
    return (entity, _how(kind, HOW_REPORTED)) if entity is not None else None


def _reported(masked: str, s: int, e: int, entities: Entities, state: ProseState) -> tuple[Entity | None, str]:
    sentence = masked[s:e]
    for pattern, group in ((cues.QUOTED_AS, "subj"), (cues.SENTENCE_CUE, "subj"), (cues.TRAILING_CUE, None),
                           (cues.ACCORDING, "subj")):
        for match in _matches(pattern, sentence):
            subject = match.group(group) if group else (match.group("subj") or match.group("subj2"))
            if not subject or _MASK in subject:
                continue
            verb = match.groupdict().get("verb") or ""
            if verb.lower() in ACT_FORMS and not cues.says_something(sentence, match.end("verb")):
                continue  # "Stroud declared a state of emergency": an act, not speech
            if verb and re.match(r"\s+up\b", sentence[match.end("verb"):]):
                continue  # "The numbers never added up": a sum, not speech
            entity, kind = _or_named(entities, subject, match.groupdict().get("appos"), state)
            if entity is not None:
                return entity, _how(kind, HOW_REPORTED)
    colon = _COLON_STATEMENT.match(sentence)
    if colon is not None and (match := cues.BEFORE_QUOTE.match(colon.group("cue"))) is not None:
        # "X put it simply: we cannot afford it.", "His message to residents: the pool will come back." (no quotation
        # marks): the words after the colon are the speaker's, as a quotation there would be
        entity, kind = _colon_speaker(match, entities, state)
        if entity is not None and entity.kind == PERSON:
            return entity, _how(kind, HOW_REPORTED)
    return None, HOW_NONE


# A sentence that gives what someone says after a colon, with no quotation marks: the cue, then three words or more
_COLON_STATEMENT = re.compile(r"(?P<cue>[^:;]{3,160}?:)[ \t]+\S+(?:[ \t]+\S+){2,}")


def _matches(pattern: re.Pattern[str], sentence: str) -> list[re.Match[str]]:
    if pattern is cues.SENTENCE_CUE:
        match = pattern.match(sentence)
        return [match] if match else []
    return list(pattern.finditer(sentence))


def _how(kind: str, default: str) -> str:
    return {"pronoun": HOW_PRONOUN, "role": HOW_ROLE}.get(kind, default)
