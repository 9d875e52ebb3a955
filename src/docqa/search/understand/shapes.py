"""Questions into (speaker phrase, topic): "what did Blinken say about Turkey" -> ("Blinken", "Turkey").

The parser knows the shapes of questions, not the corpus: ``is_speaker`` (a lookup in the index's
speakers) only decides the loose shapes such as "Blinken on Afghanistan".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from docqa.language.words import AUXILIARIES, QUESTION_ADVERBS, QUESTION_VERBS, QUESTION_WORDS, VIEW_NOUNS, alternation

_AUX = alternation(AUXILIARIES)
_SAY = alternation(QUESTION_VERBS)
_ADV = r"(?:" + alternation(QUESTION_ADVERBS) + r"\s+)*"
_ABOUT = (r"^(?:(?:to\s+\w+\s+)?(?:(?:anything|something|much|a\s+lot|a\s+word|at\s+all)\s+(?=about|on|regarding|concerning))?"
          r"(?:about|on|regarding|concerning|of|re|over|with\s+regard\s+to|in\s+relation\s+to|"
          r"in\s+regards?\s+to|that|to|toward|towards|with)\b\s*)")
_NOBODY_IN_PARTICULAR = r"(?:i|you|we|they|it|he|she|people|anyone|someone|somebody|everyone|this|that)"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "What was said about the talks?", "What has been discussed on trade": a passive names nobody ("by X" is linked)
    ("passive", re.compile(
        r"^(?:so\s+|and\s+)?(?:what|which\s+\w+|how\s+much)\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+"
        r"(?:\w+ly\s+)?(?:said|discussed|mentioned|stated|noted|argued|claimed|proposed|suggested|decided|agreed|raised|talked|"
        r"spoken|asked|announced|reported|considered|concluded)\b(?!\s+by\b)\s*(?P<rest>.*)$", re.I)),
    ("who", re.compile(
        r"^(?:who|which\s+(?:speaker|person|people|official|officials|minister|ministers|leader|leaders)s?)\s+"
        r"(?!(?:did|does|do)\s)"  # "Who did Marketing think…" asks whom Marketing meant: Marketing speaks
        r"(?:\w+\s+){0,2}?" + _SAY + r"\b\s*(?P<rest>.*)$", re.I)),
    ("wh", re.compile(
        r"^(?:so\s+|and\s+)?(?:what|how|why|when|where|which\s+\w+)\s+(?:else\s+)?" + _AUX + r"\s+(?P<sp>.+?)\s+" + _ADV + _SAY
        + r"\b(?P<rest>.*)$", re.I)),
    ("yesno", re.compile(r"^" + _AUX + r"\s+(?P<sp>.+?)\s+" + _ADV + _SAY + r"\w*\b(?P<rest>.*)$", re.I)),
    # "everything Blinken said", "show me all that the mayor has said about parking"
    ("wh", re.compile(
        r"^(?:(?:show|give|tell)\s+me\s+|list\s+|find\s+)?(?:everything|all|anything|whatever)\s+(?:that\s+)?(?P<sp>.+?)\s+"
        r"(?:(?:has|have|had|did|ever)\s+)*" + _ADV + _SAY + r"\b(?P<rest>.*)$", re.I)),
    ("possessive", re.compile(
        r"^(?:what\s+(?:is|was|are|were)\s+|(?:show|give|tell)\s+me\s+|list\s+|find\s+)?(?:all\s+(?:of\s+)?|every\s+)?(?P<sp>.+?)(?:'s|’s|s'|s’)\s+"
        + alternation(VIEW_NOUNS | {"message", "case", "line", "outlook", "point of view", "quote",
                                    "quotes"}) + r"\b(?P<rest>.*)$", re.I)),
    # "quotes from Sæther-Moe on the tram", "comments by the mayor about parking", "remarks from the chief"
    ("possessive", re.compile(
        r"^(?:(?:show|give|find|list)\s+(?:me\s+)?)?(?:all\s+(?:the\s+)?|any\s+)?"
        + alternation(VIEW_NOUNS | {"quote", "quotes", "words", "statement", "statements"})
        + r"\s+(?:from|by)\s+(?P<sp>.+?)(?:\s+(?P<rest>(?:on|about|regarding|concerning)\s+.+))?\s*\??$", re.I)),
    ("according", re.compile(r"^(?P<rest>.+?),?\s+according\s+to\s+(?P<sp>[^,?]+?)\s*\??$", re.I)),
    ("according", re.compile(r"^according\s+to\s+(?P<sp>[^,]+?),\s*(?P<rest>.+)$", re.I)),
    ("loose", re.compile(
        r"^(?:what\s+about\s+)?(?P<sp>[^?]+?)\s+(?:on|about|regarding|re:?|concerning|said\s+about|says\s+about|talking\s+about|quotes?\s+(?:on|about))\s+(?P<rest>.+)$",
        re.I)),
]


# A request around the question: "tell me what …", "can you show me who …", "I'd like to know what …"
_ASKING_PREFIX = re.compile(
    r"^(?:(?:can|could|would|will)\s+you\s+)?(?:please\s+)?(?:(?:tell|show|give)\s+me|find\s+out|i(?:\s+want|\s+would\s+like"
    r"|['’]d\s+like)\s+to\s+know|do\s+you\s+know)\s+(?=(?:what|who|how|why|when|where|which|whether|if)\b)", re.I)
# A question worded as a request's object, with no auxiliary anywhere: "what the mayor said", "how the chief explained …"
_INDIRECT = re.compile(r"^(what|how|why|when|where)\s+(?!else\b)", re.I)


@dataclass(frozen=True)
class ParsedQuestion:
    """A question as understood: who it asks about (as written, or None), the topic, and whether it asks "who".

    >>> parse_question("What has Stoltenberg said on China?")
    ParsedQuestion(query='What has Stoltenberg said on China?', speaker_phrase='Stoltenberg', topic='China', who=False)
    """

    query: str
    speaker_phrase: str | None
    topic: str
    who: bool = False
    # "what did she say (about X)": the topic once the pronoun's question is taken off ("" or "X"), for
    # --speaker, which says who "she" is; None for any other shape
    after_pronoun: str | None = field(default=None, repr=False)


def parse_question(question: str, is_speaker: Callable[[str], bool] | None = None) -> ParsedQuestion:
    """Split a question into the speaker it names and its topic.

    ``is_speaker(phrase)`` says whether a phrase names a known speaker; without it any phrase that
    looks like a name is taken.

    >>> parse_question("what did the NATO chief say about the Taliban").speaker_phrase
    'the NATO chief'
    >>> parse_question("Blinken on Afghanistan", lambda p: p == "Blinken").topic
    'Afghanistan'
    >>> parse_question("who talked about climate change").who
    True
    """
    query = question
    text = " ".join(question.split()).strip()
    text = re.sub(r"[?!.\s]+$", "", text)
    text = _ASKING_PREFIX.sub("", text)  # "tell me what the mayor said about parking": what the mayor said
    indirect = _INDIRECT.match(text) if not re.search(r"\b(?:" + _AUX + r")\b", text, re.I) else None
    if indirect:  # "what the mayor said about parking", as a request words it: "what did the mayor say about parking"
        direct = parse_question(f"{indirect.group(1)} did {text[indirect.end():]}", is_speaker)
        if direct.speaker_phrase is not None:
            return replace(direct, query=query)
    known = is_speaker or looks_like_name
    for kind, pattern in _PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        if kind in ("wh", "yesno"):
            match = _best_split(pattern, text, match, known)
        rest = clean_topic(match.group("rest") or "")
        if kind == "who":
            return ParsedQuestion(query, None, rest or text, who=True)
        if kind == "passive":
            return ParsedQuestion(query, None, rest or text)
        phrase = match.group("sp").strip(" ,")
        if not phrase:
            continue  # "what did , mention": punctuation where a name would be
        if kind == "loose" and not known(phrase):
            continue
        if kind == "possessive" and not (known(phrase) or looks_like_name(phrase)):
            continue
        if kind in ("wh", "yesno") and re.fullmatch(_NOBODY_IN_PARTICULAR, phrase, re.I):
            return ParsedQuestion(query, None, rest or text, after_pronoun=rest)
        return ParsedQuestion(query, phrase, rest)
    return ParsedQuestion(query, None, text)


def _best_split(pattern: re.Pattern[str], text: str, first: re.Match[str], known: Callable[[str], bool]) -> re.Match[str]:
    """Where the speaker phrase ends when a speech verb could end it early ("the Secretary of | State say"):
    the first split whose phrase is a known speaker, else the shortest."""
    candidates = [first]
    later = re.finditer(r"\s" + _SAY + r"\b", text[first.end("sp") : first.end("sp") + 200], re.I)
    for verb in later:  # a speaker's name is short: only look a little further
        length = first.end("sp") + verb.start() - first.start("sp")
        longer = re.compile(pattern.pattern.replace("(?P<sp>.+?)", f"(?P<sp>.{{{length}}})", 1), re.I).match(text)
        if longer is not None:
            candidates.append(longer)
    return next((c for c in candidates if known(c.group("sp").strip(" ,"))), first)


def looks_like_name(phrase: str) -> bool:
    """Whether a phrase could be a person's name or role: a capitalised word that is not a question word.

    >>> looks_like_name("Macron"), looks_like_name("the report")
    (True, False)
    """
    words = re.findall(r"[\w’'.\-]+", phrase)
    return any(w[0].isupper() and w.lower() not in QUESTION_WORDS for w in words)


def linked_topic(question: str, mentions: Sequence[Any]) -> str:
    """What a question asks about once the speakers it names (``mentions``, with offsets) are taken out.

    >>> class M: start, end = 9, 22
    >>> linked_topic("What did the professor think about MSG?", [M()])
    'MSG'
    """
    text = question
    for mention in sorted(mentions, key=lambda m: m.start, reverse=True):
        before = re.sub(r"(?:\bby|\baccording\s+to)\s*$", "", text[: mention.start], flags=re.I)
        text = before + " " + text[mention.end :]
    text = re.sub(r"\s(?:['’]s|s['’]|['’])(?=\s)", " ", " ".join(text.split()) + " ")
    text = re.sub(r"[?!.\s]+$", "", text)
    text = re.sub(r"^(?:so\s+|and\s+)?(?:what|why|how|when|where|which|who|summari[sz]e|describe|tell\s+me)\b\s*"
                  r"(?:\w+\s+)??(?:" + _AUX + r"\b\s*)?", "", text, flags=re.I)
    # what is left around the names taken out: "Did [X] and [Y] agree about …"
    text = re.sub(r"^(?:(?:(?:" + _AUX + r"|and|or)\b|[&,])\s*)+", "", text.strip(), flags=re.I)
    text = re.sub(r"^the\s+", "", text, flags=re.I)
    text = re.sub(r"^" + _ADV + r"(?:(?:" + _SAY + r")\b|\w+\b(?=\s*(?:about|on|of|regarding|concerning|towards?|that|when|"
                  r"as|by|to|with|in)\b))\s*", "", text, flags=re.I)
    return clean_topic(text) or question.strip()


_QUOTED = r"(?P<quote>[\"“‘'](?=.*\w.*\w).+[\"”’'])"
_CHECK_SHAPES = [
    # 'did Blinken (really) say "…"?', 'has the mayor ever said: "…"', 'did Blinken say that "…"'
    re.compile(r"^(?:did|does|has|have|had|was\s+it)\s+(?P<sp>.+?)\s+(?:really\s+|actually\s+|ever\s+|once\s+)*"
               r"(?:say|said|tell|told|write|wrote|state|stated|claim|claimed|declare|declared)\b(?:\s+that)?\s*[:,]?\s*"
               + _QUOTED + r"\s*\??$", re.I),
    # 'is it true that Blinken said "…"', 'is it true Blinken said "…"'
    re.compile(r"^is\s+it\s+true\s+(?:that\s+)?(?P<sp>.+?)\s+(?:said|told|wrote|stated|claimed)\b\s*[:,]?\s*"
               + _QUOTED + r"\s*\??$", re.I),
    # 'who said "…"?'
    re.compile(r"^who\s+(?:really\s+|actually\s+|first\s+)?(?:said|wrote|stated)\s*[:,]?\s*" + _QUOTED + r"\s*\??$", re.I),
]


def quote_question(question: str) -> tuple[str | None, str] | None:
    """A question that asks whether someone said a quote, as (the person named or None, the quote); else None.

    >>> quote_question('did Blinken really say "the alliance is stronger than ever"?')
    ('Blinken', 'the alliance is stronger than ever')
    >>> quote_question('who said “the alliance is stronger than ever”')
    (None, 'the alliance is stronger than ever')
    >>> quote_question("what did Blinken say about Turkey") is None
    True
    """
    text = " ".join(question.split()).strip()
    for shape in _CHECK_SHAPES:
        match = shape.match(text)
        if match:
            speaker = match.groupdict().get("sp")
            return (speaker.strip(" ,") if speaker else None), match.group("quote").strip("\"“”‘’' ")
    return None


_ANY_TOPIC = re.compile(r"(?:anything|everything|whatever|all|any\s+(?:topic|subject|thing|issue|matter)s?|"
                        r"all\s+(?:topics|subjects|things|issues)|(?:anything\s+)?at\s+all|in\s+general|generally|"
                        r"any\s+of\s+(?:it|this|that))", re.I)


# The frame a topic is set in, before it: "(propose) in the discussion about X", "(recommend to) do when discussing X",
# "during the talk on X"; the frame's words are in every question and in no answer
_FRAME = re.compile(
    r"^(?:(?:to\s+)?do\s+(?=(?:when|while|during|in)\b))?(?:(?:in|during)\s+(?:the|a|their|our|this|that)\s+(?:\w+\s+)?"
    r"(?:discussion|conversation|talk|debate|exchange)s?\s+(?:about|of|on|regarding|concerning|around)\s+|"
    r"(?:when|while)\s+(?:talking\s+about|\w+ing)\s+)", re.I)


def clean_topic(rest: str) -> str:
    """The topic left once the words around it are taken off; none for "anything", "in general".

    >>> clean_topic("in the discussion about the boiler")
    'the boiler'
    """
    rest = rest.strip(" ,:;-")
    rest = re.sub(_ABOUT, "", rest, flags=re.I)
    rest = _FRAME.sub("", rest)
    rest = rest.strip(" ,:;-?")
    return "" if _ANY_TOPIC.fullmatch(rest) else rest
