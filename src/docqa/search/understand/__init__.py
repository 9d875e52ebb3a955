"""Understanding a question, in one step: who it asks about, what about, and what it could not resolve.

``understand(question, directory, scope, speaker)`` reads the question's shape (``shapes``: "what did
X say about Y", "X's view of Y", "Y, according to X", "who said Y"), finds every known speaker it names
(``linking``, against the index's aliases in ``directory``), reconciles the two, and returns one
``Interpretation``.  The answerer then only applies the speaker policy to it.

A phrase that might name a speaker but matches nobody is kept in ``unresolved``.  It is ``unknown`` (the
question is about someone the index does not know, and nothing is searched) only when it reads as a
person's name ("what did Ruiz say"); any other phrase ("what would the council do", "what was said
about the talks") is reported and the whole question is searched over everyone's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from docqa.language.lexicon import HONORIFICS, PARTICLES, TITLE_ABBREVIATIONS
from docqa.language.tokens import strip_possessive
from docqa.language.words import ARTICLES, AUXILIARIES, OBJECT_MARKERS, QUESTION_VERBS, QUESTION_WORDS, VIEW_NOUNS
from docqa.search.understand.directory import SpeakerDirectory
from docqa.search.understand.linking import Mention
from docqa.search.understand.shapes import clean_topic, linked_topic, parse_question

__all__ = ["Interpretation", "SpeakerDirectory", "is_name", "understand"]


@dataclass(frozen=True)
class Interpretation:
    """What a question asks, as understood.

    ``speakers``: whose words are searched (empty: everyone's); ``who``: a "who said…" question, whose
    answer is the speakers; ``named``: the speaker the question names when ``--speaker`` chose another;
    ``unresolved``: a phrase that may name a speaker but matches nobody, with ``suggestions``;
    ``unknown``: that phrase is a name, so the question cannot be answered; ``explicit``: the speaker
    came from ``--speaker``.
    """

    question: str
    topic: str
    speakers: tuple[int, ...] = ()
    who: bool = False
    named: int | None = None
    unresolved: str | None = None
    suggestions: tuple[str, ...] = ()
    unknown: bool = False
    explicit: bool = False
    asked: str = ""  # the question without the speakers it names ("what did [Ruiz] think of the levy"), searched beside the topic

    @property
    def whole(self) -> bool:
        """Whether the topic searched is the whole question, none having been told apart from it ("what is
        the S-400", or "what did the ferryman say" when nobody is the ferryman): a notice then speaks of
        "the question", not of a topic.

        >>> Interpretation("What is the S-400?", "What is the S-400").whole
        True
        >>> Interpretation("what did Ana Ruiz say about the levy?", "the levy", (3,)).whole
        False
        """
        return bool(self.topic) and _plain(self.topic).lower() == _plain(self.question).lower()


def _plain(text: str) -> str:
    """Text with its spaces made single and no closing punctuation."""
    return re.sub(r"[?!.\s]+$", "", " ".join(text.split()))


_TITLES = {a.lower() + "." for a in TITLE_ABBREVIATIONS} | set(HONORIFICS)


def is_name(phrase: str) -> bool:
    """Whether a phrase reads as a person's name (capitalised words, a title or particles between them),
    not as a description or a misread stretch of the question.

    >>> is_name("Ruiz"), is_name("Sen. Ana Ruiz"), is_name("Jean-Yves Le Drian")
    (True, True, True)
    >>> is_name("the Canadian government do"), is_name("said about EML"), is_name("the host")
    (False, False, False)
    """
    words = phrase.replace(",", " ").split()
    while words and words[0].lower() in ARTICLES:
        words = words[1:]
    if not 1 <= len(words) <= 5:
        return False
    named = False
    for word in words:
        bare = word.strip(".'’")
        low = word.lower()
        if not bare or low in QUESTION_WORDS:
            return False
        if bare[0].isupper() or bare[0].isdigit():
            named = named or low not in _TITLES
        elif low not in PARTICLES and low not in _TITLES:
            return False
    return named


def _misread(phrase: str) -> bool:
    """Whether a phrase taken for a speaker holds words no description of a person holds: a verb, an
    auxiliary, a preposition ("the Canadian government do to", "said about EML").

    >>> _misread("said about EML"), _misread("the city council")
    (True, False)
    """
    return any(w.lower() in _MISREAD for w in phrase.split())


_MISREAD = AUXILIARIES | OBJECT_MARKERS | set(QUESTION_VERBS) | (QUESTION_WORDS - ARTICLES - {"and"})


def understand(question: str, directory: SpeakerDirectory, scope: dict[int, int] | None = None,
               speaker: str | None = None) -> Interpretation:
    """The one reading of a question that the answer follows.

    ``scope``: passages per speaker in the documents searched (a role several people hold resolves to
    the one who speaks there); ``speaker``: the ``--speaker`` option, which wins over whom the
    question names (the interpretation says so).
    """
    linked = directory.link(question, scope)
    meaning = _read(question, directory, linked, scope, speaker)
    if meaning.speakers and meaning.topic and not meaning.whole:
        meaning = replace(meaning, topic=_apart(meaning.topic, directory.others(meaning.topic, scope, meaning.speakers)))
    return replace(meaning, asked=_without(question, [(m.start, m.end) for m in linked]))


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` without the stretches at ``spans``, its spaces made single: the question without the speakers it
    names, as it asks of them.

    >>> _without("Why did Ana Ruiz oppose the levy?", [(8, 16)])
    'Why did oppose the levy?'
    """
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " + text[end:]
    return " ".join(text.split())


def _apart(topic: str, others: list[tuple[int, int]]) -> str:
    """The topic without the other speakers it names, the one agreed with or answered ("[the Marketing] when
    discussing the budget": the budget); as it was when nothing else would be left ("disagree with [Bo Li]").

    >>> _apart("the Bo Li when discussing the levy", [(0, 9)])
    'the levy'
    >>> _apart("Bo Li's idea of a levy", [(0, 5)]), _apart("the levy proposed by Bo Li", [(21, 26)])
    ('a levy', 'the levy proposed')
    >>> _apart("Bo Li", [(0, 5)])
    'Bo Li'
    """
    if not others:
        return topic
    text = " " + _without(topic, others)  # " 's idea of a levy": the owner's mark stays, set off
    owner = re.match(r"^\s*(?:['’]s|s['’]|['’])(?=\s)", text)
    if owner:  # "[Bo Li]'s idea of a levy": a levy
        text = re.sub(r"^\s*(?:" + "|".join(sorted(VIEW_NOUNS, key=len, reverse=True)) + r")\b", "", text[owner.end():],
                      flags=re.I)
    text = re.sub(r"\s+(?:by|with|to|from|and|of)\s*$", "", " ".join(text.split()), flags=re.I)
    text = clean_topic(text)
    return text if re.search(r"\w{3}", text) else topic


def _read(question: str, directory: SpeakerDirectory, linked: list[Mention], scope: dict[int, int] | None = None,
          speaker: str | None = None) -> Interpretation:
    parsed = parse_question(question, is_speaker=lambda phrase: directory.resolve(phrase).speaker_id is not None)
    if speaker is not None:
        ids = directory.named(speaker, scope)  # --speaker "the hosts", "the mayor": all of them, as in a question
        if not ids:
            chosen = directory.resolve(speaker)
            return Interpretation(question, parsed.topic, unresolved=speaker, suggestions=tuple(chosen.suggestions), unknown=True,
                                  explicit=True)
        # the question's own subject gives way to --speaker ("what did she say about the sea wall": the sea wall;
        # "what did she say": no topic, all of the speaker's passages)
        topic = parsed.after_pronoun if parsed.after_pronoun is not None else parsed.topic
        named = directory.resolve(parsed.speaker_phrase, scope).speaker_id if parsed.speaker_phrase is not None else None
        return Interpretation(question, topic, ids, named=named if named not in ids else None, explicit=True)
    resolution = directory.resolve(parsed.speaker_phrase, scope) if parsed.speaker_phrase is not None else None
    # a phrase that names only someone who speaks nowhere searched gives way to a mention of someone who does ("the user
    # interface designer" is another meeting's; this meeting's "User Interface" is linked)
    elsewhere = (resolution is not None and resolution.speaker_id is not None and scope is not None
                 and not directory.inside([resolution.speaker_id], scope)
                 and any(directory.inside(mention.speaker_ids, scope) for mention in linked))
    if resolution is not None and resolution.speaker_id is not None and len(linked) <= 1 and not elsewhere:
        ids = [resolution.speaker_id]
        office = directory.holders(parsed.speaker_phrase or "", scope)
        if resolution.speaker_id in office and (not linked or set(office) >= set(linked[0].speaker_ids)):
            ids = office  # "the council member", "the hosts": everyone who speaks in that office, labelled so or titled
        elif linked and set(linked[0].speaker_ids) >= {resolution.speaker_id} and len(linked[0].speaker_ids) > 1:
            ids = list(linked[0].speaker_ids)  # an office several people held, a name several share: all of them
        return Interpretation(question, parsed.topic, tuple(ids))
    if linked and not parsed.who:
        ids = tuple(sorted({i for mention in linked for i in mention.speaker_ids}))
        return Interpretation(question, linked_topic(question, linked), ids)
    if parsed.speaker_phrase is not None and resolution is not None:
        phrase = parsed.speaker_phrase
        holder = directory.by_title(phrase, scope)
        if holder is not None:  # "the Fed chair", "the mayor": the office the documents give someone
            return Interpretation(question, parsed.topic, (holder,))
        office = directory.holders(phrase, scope)
        if office:  # "the mayor" of two towns' records: both, each hit with its own speaker
            return Interpretation(question, parsed.topic, tuple(office))
        if is_name(phrase):  # "what was Varga's view": nobody called "Varga"
            return Interpretation(question, parsed.topic, unresolved=strip_possessive(phrase),
                                  suggestions=tuple(resolution.suggestions),
                                  unknown=True)
        topic = parsed.topic
        if _misread(phrase) or not topic:  # "what was said about the talks": the split was a guess; search the question
            topic = _plain(question)
        return Interpretation(question, topic, unresolved=phrase, suggestions=tuple(resolution.suggestions))
    return Interpretation(question, parsed.topic, who=parsed.who)
