"""The plain data types that flow between docqa's steps and out of its API."""

from __future__ import annotations

import bisect
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any

# How the speaker of a passage was found. Strongest evidence first; a passage made of several
# sentences reports the strongest of its sentences' methods.
HOW_LABEL = "label"  # transcript turn label ("ANTONY BLINKEN: ...")
HOW_QUOTE = "quote"  # direct quote with its own cue ("“...,” Blinken said.")
HOW_REPORTED = "reported"  # reported speech ("Blinken said the situation is under review")
HOW_CONTINUATION = "continuation"  # quote with no cue of its own, continuing the open quote
HOW_ROLE = "role"  # cue names a role ("the NATO chief said ...")
HOW_PRONOUN = "pronoun"  # cue is a pronoun ("he said ...")
HOW_AUTHOR = "author"  # the document says whose text it is: a speech's heading, a byline, a signature, an interview
HOW_NONE = "narration"  # nobody's words
HOW_ORDER = (HOW_LABEL, HOW_AUTHOR, HOW_QUOTE, HOW_REPORTED, HOW_CONTINUATION, HOW_ROLE, HOW_PRONOUN, HOW_NONE)


def location_label(page: int | None, time: float | None) -> str:
    """Where a passage sits in its format's terms: " p. 2" (PDF) or " 00:02:10" (subtitles, JSON transcripts).

    >>> location_label(2, None), location_label(None, 130.4), location_label(None, None)
    (' p. 2', ' 00:02:10', '')
    """
    if page is not None:
        return f" p. {page}"
    if time is not None:
        seconds = int(time)
        return f" {seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    return ""


@dataclass(frozen=True)
class Turn:
    """A stretch of a document whose speaker the format itself states (a subtitle voice tag, a JSON
    ``speaker`` field, a bold label in Word); ``speaker`` None means the format marks no one.  ``note``: the file's own
    words about the recording (a caption file's NOTE block), no one's speech."""

    start: int
    end: int
    speaker: str | None
    note: bool = False


@dataclass(frozen=True)
class Location:
    """Where text from ``start`` on sits in the original: a 1-based PDF page, or a start time in seconds."""

    start: int
    page: int | None = None
    time: float | None = None


@dataclass(frozen=True)
class Document:
    """A decoded file: ``text`` is what offsets point into (universal newlines, BOM removed).

    >>> doc = Document(path="notes.txt", text="Q: Hi?", kind="text", encoding="utf-8")
    >>> doc.text[0:2]
    'Q:'
    """

    path: str
    text: str
    kind: str
    encoding: str = "utf-8"
    turns: tuple[Turn, ...] = ()
    locations: tuple[Location, ...] = ()
    title: str = ""  # from the format's metadata or the file name; names and roles are learned from it too
    date: str | None = None  # ISO day of publication, where metadata, the file name or the text gives one

    @cached_property
    def _location_starts(self) -> list[int]:
        return [location.start for location in self.locations]

    def location(self, offset: int) -> Location | None:
        """The page or time at ``offset`` (the last location starting at or before it)."""
        at = bisect.bisect_right(self._location_starts, offset)
        return self.locations[at - 1] if at else None


@dataclass(frozen=True)
class Segment:
    """A stretch of one document with one speaker (a document-local key) or none (narration)."""

    start: int
    end: int
    speaker: str | None
    how: str
    paragraph: int


@dataclass
class Passage:
    """One speaker's contiguous words in one document; ``source[start:end] == text``.

    >>> Passage(doc="a.txt", start=0, end=2, line=1, speaker=None, how="narration", text="Hi").to_dict()["line"]
    1
    """

    doc: str
    start: int
    end: int
    line: int
    speaker: str | None
    how: str
    text: str
    id: int | None = None
    page: int | None = None
    time: float | None = None
    date: str | None = None  # the document's ISO publication day, if known
    why: str | None = None  # why it ranks above a more relevant hit shown after it

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "page": self.page,
            "time": self.time,
            "date": self.date,
            "speaker": self.speaker,
            "how": self.how,
            "text": self.text,
        }


@dataclass
class Hit:
    """One search result: a passage, its rank and score (relevance: the cosine similarity of question and
    passage, the same in every mode; about 0.3 and above is on topic for the default model).

    >>> Hit(rank=1, score=0.5, speaker="Antony Blinken", doc="t.txt", start=0, end=3, line=1,
    ...     text="Hi.", how="label").to_dict()["speaker"]
    'Antony Blinken'
    """

    rank: int
    score: float | None
    speaker: str | None
    doc: str
    start: int
    end: int
    line: int
    text: str
    how: str = HOW_NONE
    highlights: list[list[int]] = field(default_factory=list)  # [start, end] within text: the best sentence(s)
    context: list[dict[str, Any]] = field(default_factory=list)  # neighbouring passages (offset -n..-1, 1..n)
    also: list[dict[str, Any]] = field(default_factory=list)  # the same words found elsewhere
    id: int | None = None
    page: int | None = None  # 1-based, PDF
    time: float | None = None  # start in seconds, subtitles and JSON transcripts
    rank_score: float | None = None  # what the mode ranked by: cosine, BM25 or fused reciprocal rank
    date: str | None = None  # the document's ISO publication day, if known
    why: str | None = None  # why it ranks above a more relevant hit shown after it
    answers: bool = False  # its relevance is that of the question it answers (the turn before it), not its own cosine

    def to_dict(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "score": round(float(self.score), 6) if self.score is not None else None,
            "rank_score": round(float(self.rank_score), 6) if self.rank_score is not None else None,
            "speaker": self.speaker,
            "doc": self.doc,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "page": self.page,
            "time": self.time,
            "date": self.date,
            "text": self.text,
            "how": self.how,
            "highlights": self.highlights,
            "context": self.context,
            "also": self.also,
            "why": self.why,
            "answers": self.answers,
        }


@dataclass
class Answer:
    """What ``Index.ask`` returns: the question as understood, an optional notice, and the hits.

    >>> Answer(query="q", speaker=None, topic="q", notice=None, results=[]).to_dict()["results"]
    []
    """

    query: str
    speaker: str | None
    topic: str
    notice: str | None
    results: list[Hit] = field(default_factory=list)
    mode: str = "hybrid"
    unknown_speaker: bool = False  # the question (or --speaker) names nobody this index knows
    listing: bool = False  # no topic asked: the speaker's passages in document order, not ranked
    total: int | None = None  # with ``listing``: how many passages the speaker has in the documents searched
    check: Check | None = None  # a question that asks whether someone said a quote ('did X say "…"?') is checked
    dropped: int = 0  # weaker hits the cut-off left out (all=true / --all shows them)
    suggestions: list[str] = field(default_factory=list)  # the closest known speakers, for a name nobody has

    def to_dict(self) -> dict[str, Any]:
        if self.check is not None:
            return {"query": self.query, "check": self.check.to_dict()}
        return {
            "query": self.query,
            "speaker": self.speaker,
            "topic": self.topic,
            "notice": self.notice,
            "results": [hit.to_dict() for hit in self.results],
            "mode": self.mode,
            "listing": self.listing,
            "total": self.total,
            "dropped": self.dropped,
            "suggestions": self.suggestions,
        }


@dataclass
class Speaker:
    """A speaker of the corpus: canonical name, every alias that points at it, and counts.

    >>> Speaker(name="Antony Blinken", kind="person", aliases=["Blinken"], passages=3).to_dict()["passages"]
    3
    """

    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    passages: int = 0
    mentions: int = 0
    id: int | None = None
    first_date: str | None = None  # the earliest and latest dated documents they speak in
    last_date: str | None = None
    titles: list[str] = field(default_factory=list)  # offices as the documents write them ("Chair, Federal Reserve")

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("id")
        return data


@dataclass
class Evidence:
    """One place the quote was matched to (or, for ``not_found``, one of the closest): the passage, where in
    it the words are (``match``, offsets within ``text``; ``start``/``end`` are the document's), and the diff."""

    role: str  # "match", "piece" or "closest"
    doc: str
    start: int
    end: int
    line: int
    speaker: str | None
    how: str
    date: str | None
    text: str
    match: list[int] | None = None
    similarity: float | None = None
    quoted: bool = False  # the matched words are inside quotation marks
    diff: list[dict[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"role": self.role, "doc": self.doc, "start": self.start, "end": self.end, "line": self.line,
                "speaker": self.speaker, "how": self.how, "date": self.date, "text": self.text, "match": self.match,
                "similarity": None if self.similarity is None else round(self.similarity, 4), "quoted": self.quoted,
                "diff": self.diff}


@dataclass
class Check:
    """The verdict on a quote, with its evidence (``docqa check --json`` prints ``to_dict()``)."""

    quote: str
    verdict: str
    speaker: str | None  # who said the matched words (null: nobody's, or nothing matched)
    claimed: str | None  # the person the quote is attributed to, as the index knows them
    summary: str  # the verdict in one line
    evidence: list[Evidence] = field(default_factory=list)
    relation: str | None = None  # said_by_other: "mentioned", "asked" or "absent"
    negation_changed: bool = False
    number_changed: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"quote": self.quote, "verdict": self.verdict, "speaker": self.speaker, "claimed": self.claimed,
                "summary": self.summary, "relation": self.relation, "negation_changed": self.negation_changed,
                "number_changed": self.number_changed, "evidence": [e.to_dict() for e in self.evidence]}
