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

import re
from dataclasses import dataclass

from docqa.entities import Entities, Entity
from docqa.records import HOW_CONTINUATION, HOW_NONE, HOW_PRONOUN, HOW_QUOTE, HOW_REPORTED, HOW_ROLE, Segment
from docqa.sentences import split

_VERB_FORMS = """
say says said saying tell tells told add adds added warn warns warned stress stresses stressed
note notes noted argue argues argued ask asks asked welcome welcomes welcomed explain explains
explained insist insists insisted claim claims claimed state states stated declare declares declared
announce announces announced acknowledge acknowledges acknowledged admit admits admitted emphasize
emphasizes emphasized emphasise emphasises emphasised underline underlines underlined urge urges urged
suggest suggests suggested predict predicts predicted promise promises promised pledge pledges pledged
vow vows vowed reiterate reiterates reiterated repeat repeats repeated reply replies replied respond
responds responded answer answers answered recall recalls recalled remark remarks remarked comment
comments commented observe observes observed describe describes described praise praises praised
criticize criticizes criticized criticise criticises criticised condemn condemns condemned deny
denies denied confirm confirms confirmed write writes wrote tweet tweets tweeted concede concedes
conceded caution cautions cautioned contend contends contended maintain maintains maintained assert
asserts asserted assure assures assured express expresses expressed hail hails
hailed call calls called point points pointed quip quips quipped joke jokes joked recount recounts
recounted testify testifies testified
""".split()
# Headlines capitalise verbs ("Blinken Says ..."); only these are safe to accept capitalised
# ("State", "Note", "Welcome" start names and titles).
_HEADLINE_FORMS = "Says Said Tells Told Warns Warned Urges Urged Vows Vowed Stresses Insists Pledges Claims Calls Asks".split()
VERBS = r"(?:" + "|".join(sorted(_VERB_FORMS + _HEADLINE_FORMS, key=len, reverse=True)) + r")"
_ADVERBS = (
    r"(?:\s+(?:also|later|earlier|then|previously|repeatedly|again|recently|publicly|privately|"
    r"separately|further|once|often|frequently|has|had|have|would|will|did|does|on\s+\w+day|"
    r"last\s+\w+|this\s+week|[a-z]+ly))*"
)
_LEAD = (
    r"(?:(?i:but|and|however|meanwhile|still|yet|also|later|earlier|separately|instead|indeed|"
    r"in\s+(?:a|an|his|her|their|its)\s+[\w\s\-]{1,40}?|on\s+\w+|at\s+[\w\s\-]{1,40}?|"
    r"speaking\s+[^,]{1,60}?)\s*,?\s+)?"
)
_SUBJECT = r"(?P<subj>[^\s,;:“”\"«»_][^,;:“”\"«»_]{0,119}?)"
_APPOSITIVE = r"(?:,\s(?P<appos>[^,;:“”\"«»_]{1,150}),)?"
_SENTENCE_CUE = re.compile(r"^" + _LEAD + _SUBJECT + _APPOSITIVE + _ADVERBS + r"\s+(?P<verb>" + VERBS + r")\b")
# The subject of an inverted cue ("said U.N. Secretary-General António Guterres."): it may hold the
# periods of initials and abbreviations, but a period after a word ends it.
_INVERTED_SUBJECT = (
    r"(?:[^,;:.!?“”\"«»_]|(?<=\b[A-Z])\.|"
    + "|".join(rf"(?<=\b{a})\." for a in ("Mr", "Ms", "Mrs", "Dr", "Sen", "Rep", "Gen", "Gov", "Lt", "Col", "Jr", "Sr", "St", "Prof"))
    + r"){1,80}"
)
_AFTER_QUOTE = re.compile(
    r"[\s,;:—–-]*(?:" + _SUBJECT + _APPOSITIVE + _ADVERBS + r"\s+(?P<verb>" + VERBS + r")\b"
    r"|(?P<verb2>" + VERBS + r")\s+(?P<subj2>" + _INVERTED_SUBJECT + r"))",
)
_TRAILING_CUE = re.compile(
    r",\s+(?:" + _SUBJECT + _ADVERBS + r"\s+(?P<verb>said|says|added|adds|noted|notes|told\s+\w+|explained|argued|warned|stressed)"
    r"|(?P<verb2>said|says|added|adds|noted|explained|argued|warned|stressed)\s+(?P<subj2>" + _INVERTED_SUBJECT + r"))"
    r"(?:\s+on\s+\w+day)?\s*[.!?]?\s*$",
)
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<subj>[^,;:.!?“”\"«»_]{2,80}?)(?=\s*[,;:.!?]|\s*$)", re.I)
_OPEN, _CLOSE = "“«„", "”»"
_MASK = "_"


@dataclass
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (or the paragraph end)
    speaker: Entity | None = None
    how: str = HOW_NONE
    resolved: bool = False


@dataclass
class ProseState:
    """What carries from sentence to sentence: who spoke recently, and whether the last sentence had a speaker."""

    recent: list[Entity]
    last_speaker: Entity | None = None

    def spoke(self, entity: Entity | None) -> None:
        """Record who spoke the sentence just attributed (None: narration, which breaks quote continuation)."""
        self.last_speaker = entity
        if entity is not None:
            entity.spoke = True
            if entity in self.recent:
                self.recent.remove(entity)
            self.recent.insert(0, entity)


def find_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Quotations in ``text[start:end]``; curly, guillemet and straight marks; an unclosed one runs to the end.

    >>> t = 'He said “yes.” Then "no'
    >>> [t[q.start:q.end] for q in find_quotes(t, 0, len(t))]
    ['“yes.”', '"no']
    """
    quotes: list[Quote] = []
    open_at: int | None = None
    straight = False
    for i in range(start, end):
        ch = text[i]
        if ch in _OPEN and open_at is None:
            open_at, straight = i, False
        elif ch in _CLOSE and open_at is not None and not straight:
            quotes.append(Quote(open_at, i + 1))
            open_at = None
        elif ch == '"':
            if open_at is None:
                open_at, straight = i, True
            elif straight:
                quotes.append(Quote(open_at, i + 1))
                open_at = None
    if open_at is not None and end - open_at > 1:
        quotes.append(Quote(open_at, end))
    return quotes


def mask_quotes(text: str, quotes: list[Quote]) -> str:
    """``text`` with the inside of every quotation blanked, so cues are looked for in the narration only."""
    chars = list(text)
    for quote in quotes:
        for i in range(quote.start + 1, max(quote.start + 1, quote.end - 1)):
            if chars[i] != "\n":
                chars[i] = _MASK
    return "".join(chars)


def attribute_paragraph(text: str, start: int, end: int, paragraph: int, entities: Entities, state: ProseState) -> list[Segment]:
    """Attribute the sentences of one prose paragraph; returns one Segment per sentence."""
    quotes = find_quotes(text, start, end)
    masked = mask_quotes(text, quotes) if quotes else text
    segments: list[Segment] = []
    sentences = split(text, start, end)
    for s, e in sentences:
        quote = _quote_at(quotes, s, e)
        speaker: Entity | None = None
        how = HOW_NONE
        if quote is not None:
            if not quote.resolved:
                _resolve_quote(text, masked, quote, _sentence_end(sentences, quote.end, end), entities, state)
            if quote.speaker is not None:
                speaker, how = quote.speaker, quote.how
            elif state.last_speaker is not None:
                speaker, how = state.last_speaker, HOW_CONTINUATION
                quote.speaker, quote.how = speaker, how
        else:
            speaker, how = _reported(masked, s, e, entities, state)
        state.spoke(speaker)
        segments.append(Segment(s, e, speaker.key if speaker else None, how, paragraph))
    return segments


def _quote_at(quotes: list[Quote], s: int, e: int) -> Quote | None:
    """The quotation a sentence belongs to: one it opens with, or one it starts inside of."""
    for quote in quotes:
        if quote.start <= s < quote.end - 1 or (s <= quote.start <= s + 1):
            return quote
    return None


def _resolve_quote(text: str, masked: str, quote: Quote, tail_end: int, entities: Entities, state: ProseState) -> None:
    quote.resolved = True
    inner = text[quote.start : quote.end].rstrip(_CLOSE + '"')
    if inner.endswith(".") and not re.match(r"\s*[a-z,]", text[quote.end : quote.end + 3]):
        return  # “... pressure.” ends its sentence: what follows is another sentence's subject
    match = _AFTER_QUOTE.match(masked, quote.end, tail_end)
    if match:
        subject = match.group("subj") or match.group("subj2")
        entity, kind = entities.resolve_subject(subject, state.recent)
        if entity is not None:
            quote.speaker, quote.how = entity, _how(kind, HOW_QUOTE)


def _sentence_end(sentences: list[tuple[int, int]], pos: int, default: int) -> int:
    """End of the sentence in which a quotation closes (where its cue, if any, must be)."""
    for s, e in sentences:
        if s < pos <= e:
            return e
    return default


def _reported(masked: str, s: int, e: int, entities: Entities, state: ProseState) -> tuple[Entity | None, str]:
    sentence = masked[s:e]
    for pattern, group in ((_SENTENCE_CUE, "subj"), (_TRAILING_CUE, None), (_ACCORDING, "subj")):
        for match in _matches(pattern, sentence):
            subject = match.group(group) if group else (match.group("subj") or match.group("subj2"))
            if not subject or _MASK in subject:
                continue
            entity, kind = entities.resolve_subject(subject, state.recent)
            appositive = match.groupdict().get("appos")
            if appositive and (entity is None or kind == "role"):
                # "Ukraine's agriculture minister, Mykola Solskyi, said": the name in apposition is the speaker
                named, named_kind = entities.resolve_subject(appositive, state.recent)
                if named is not None and named_kind == "name":
                    entity, kind = named, named_kind
            if entity is not None:
                return entity, _how(kind, HOW_REPORTED)
    return None, HOW_NONE


def _matches(pattern: re.Pattern[str], sentence: str) -> list[re.Match[str]]:
    if pattern is _SENTENCE_CUE:
        match = pattern.match(sentence)
        return [match] if match else []
    return list(pattern.finditer(sentence))


def _how(kind: str, default: str) -> str:
    return {"pronoun": HOW_PRONOUN, "role": HOW_ROLE}.get(kind, default)
