"""The ``Answerer``: a question in, an ``Answer`` out: which speaker it names, what it asks about, and
the notice a person needs when the answer is not a plain list of that speaker's words.

Speaker policy: a named, speaking speaker → only their passages; a known person who never speaks →
a notice and passages that mention them, with their real speakers; an unknown name → a notice with
the closest known speakers and no results; no speaker (or "who said…") → everyone's passages.
"""

from __future__ import annotations

from collections.abc import Callable

from docqa.errors import DocqaError, UnknownSpeakerError
from docqa.records import Answer, Hit, Speaker
from docqa.search import dialogue
from docqa.search.cutoff import cut
from docqa.search.directory import SpeakerDirectory
from docqa.search.question import linked_topic, looks_like_name, parse_question
from docqa.search.searcher import Searcher, check_mode
from docqa.storage import Filter

MAX_QUESTION = 10_000  # characters; the model reads about 200 words of it anyway


def check_day(value: str | None, name: str) -> str | None:
    """An ISO day (YYYY-MM-DD) or None; a clear error for anything else.

    >>> check_day("2022-01-01", "since"), check_day(None, "until")
    ('2022-01-01', None)
    """
    if value is None:
        return None
    import datetime

    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise DocqaError(f"--{name} must be a day written YYYY-MM-DD, not {value!r}") from None


class Answerer:
    """Answers questions over one store through a ``Searcher``.

    ``documents(pattern)`` turns a ``--doc`` pattern into document ids (an error if none matches).
    """

    def __init__(self, searcher: Searcher, documents: Callable[[str], tuple[int, ...]]) -> None:
        self.searcher = searcher
        self.store = searcher.store
        self._documents = documents
        self._directory: SpeakerDirectory | None = None

    @property
    def directory(self) -> SpeakerDirectory:
        if self._directory is None:
            rows = [(a.key, a.written, a.speaker_id, a.kind) for a in self.store.aliases()]
            speakers = [s for s in self.store.speakers() if s.id is not None]
            self._directory = SpeakerDirectory(rows, {s.id: s.name for s in speakers}, self.store.passage_counts(),  # type: ignore[misc]
                                               {s.id: s.kind for s in speakers})  # type: ignore[misc]
        return self._directory

    def speaker(self, name: str) -> Speaker:
        """The speaker a name, label, title or role refers to; UnknownSpeakerError if none."""
        resolution = self.directory.resolve(name)
        if resolution.speaker_id is None:
            hint = f"; closest: {', '.join(resolution.suggestions)}" if resolution.suggestions else ""
            raise UnknownSpeakerError(f"no speaker called {name!r} in this index{hint}")
        return self.store.speakers(resolution.speaker_id)[0]

    def scope(self, speaker_id: int | None = None, doc: str | None = None, mentioning: int | None = None) -> Filter:
        """The filter for a speaker, a ``--doc`` pattern and a mentioned person (None: no restriction)."""
        return Filter(speakers=(speaker_id,) if speaker_id is not None else None,
                      documents=self._documents(doc) if doc is not None else None, mentioning=mentioning)

    def ask(self, question: str, k: int = 5, speaker: str | None = None, doc: str | None = None, mode: str | None = None,
            context: int = 0, highlight: bool = True, cutoff: bool = True, since: str | None = None, until: str | None = None,
            sort: str = "score") -> Answer:
        """Answer a question; with ``cutoff`` (the default), hits much weaker than the best are left out and
        the notice says how many passages are really about the topic.  ``since``/``until`` (ISO days)
        filter by document date inside the search; ``sort="date"`` orders the hits oldest first."""
        if sort not in ("score", "date"):
            raise DocqaError(f"unknown sort {sort!r}: use score or date")
        dates = (check_day(since, "since"), check_day(until, "until"))
        answer = self._ask(question, k, speaker, doc, mode, context, highlight, dates)
        if cutoff and len(answer.results) > 1:
            kept, dropped = cut(answer.results)
            if dropped:
                answer.results = kept
                whose = f" of {answer.speaker}'s" if answer.speaker and not answer.notice else ""
                about = f"about {answer.topic}" if answer.topic else "on topic"
                line = (f"Only {len(kept)} passage{'s' if len(kept) > 1 else ''}{whose} {'are' if len(kept) > 1 else 'is'} {about}; "
                        f"{dropped} weaker left out (--all shows them).")
                answer.notice = f"{answer.notice} {line}" if answer.notice else line
        if sort == "date":
            answer.results.sort(key=lambda hit: (hit.date is None, hit.date or "", hit.rank))
            for rank, hit in enumerate(answer.results, start=1):
                hit.rank = rank
        return answer

    def _ask(self, question: str, k: int, speaker: str | None, doc: str | None, mode: str | None, context: int,
             highlight: bool, dates: tuple[str | None, str | None] = (None, None)) -> Answer:
        if not question or not question.strip():
            raise DocqaError("the question is empty")
        if len(question) > MAX_QUESTION:
            raise DocqaError(f"the question is {len(question):,} characters long; the limit is {MAX_QUESTION:,}")
        mode = check_mode(mode)
        doc_ids = self._documents(doc) if doc is not None else None  # resolved once: an error at once if none matches

        def search(speaker_ids: tuple[int, ...] | None = None, mentioning: int | None = None, text: str | None = None) -> list[Hit]:
            where = Filter(speakers=speaker_ids, documents=doc_ids, mentioning=mentioning, since=dates[0], until=dates[1])
            return self.searcher.search(text or topic or question, k, where, mode=mode, context=context, highlight=highlight,
                                        lift_answers=not speaker_ids and not dialogue.asks_about_questions(question))

        directory = self.directory
        scope = self.store.passage_counts(Filter(documents=doc_ids)) if doc_ids is not None else None
        parsed = parse_question(question, is_speaker=lambda phrase: directory.resolve(phrase).speaker_id is not None)
        topic = parsed.topic
        if speaker is not None:
            try:
                chosen = self.speaker(speaker)
            except UnknownSpeakerError as exc:
                return Answer(question, None, topic, f"{str(exc)[0].upper()}{str(exc)[1:]}.", [], mode, unknown_speaker=True)
            if parsed.speaker_phrase is None and not parsed.who:
                topic = question.strip()  # the whole question is the topic when the speaker came from --speaker
            answer = self._answer_for([chosen], question, topic, doc, search, mode)
            named = directory.resolve(parsed.speaker_phrase, scope) if parsed.speaker_phrase is not None else None
            if named is not None and named.speaker_id is not None and named.speaker_id != chosen.id:
                other = self.store.speakers(named.speaker_id)[0].name
                override = f"--speaker {chosen.name} is searched, not {other} whom the question names."
                answer.notice = f"{override} {answer.notice}" if answer.notice else override
            return answer
        linked = directory.link(question, scope)
        resolution = directory.resolve(parsed.speaker_phrase, scope) if parsed.speaker_phrase is not None else None
        if resolution is not None and resolution.speaker_id is not None and len(linked) <= 1:
            ids = [resolution.speaker_id]
            if linked and set(linked[0].speaker_ids) >= {resolution.speaker_id} and len(linked[0].speaker_ids) > 1:
                ids = list(linked[0].speaker_ids)  # an office several people held: all of them
            return self._answer_for([self.store.speakers(i)[0] for i in ids], question, topic, doc, search, mode)
        if linked and not parsed.who:
            ids = sorted({i for mention in linked for i in mention.speaker_ids})
            return self._answer_for([self.store.speakers(i)[0] for i in ids], question, linked_topic(question, linked), doc,
                                    search, mode)
        if parsed.speaker_phrase is not None and resolution is not None and looks_like_name(parsed.speaker_phrase):
            hint = f" Closest known speakers: {', '.join(resolution.suggestions)}." if resolution.suggestions else ""
            notice = f"No speaker called {parsed.speaker_phrase!r} in this index.{hint}"
            return Answer(question, None, topic, notice, [], mode, unknown_speaker=True)
        return Answer(question, None, topic, None, search(), mode)  # no speaker meant: everyone's words

    def _answer_for(self, chosen: list[Speaker], question: str, topic: str, doc: str | None,
                    search: Callable[..., list[Hit]], mode: str) -> Answer:
        """The answer for a question about one or more known speakers."""
        names = " and ".join(s.name for s in chosen)
        speaking = [s for s in chosen if s.passages > 0]
        if not speaking:
            notice = (f"{names} is mentioned in the index but never speaks; "
                      f"showing passages that mention {names}, with their real speakers.") if len(chosen) == 1 else (
                      f"{names} are mentioned in the index but never speak; showing passages that mention {chosen[0].name}, "
                      "with their real speakers.")
            return Answer(question, names, topic, notice, search(mentioning=chosen[0].id, text=topic), mode)
        hits = search(speaker_ids=tuple(s.id for s in speaking if s.id is not None), text=topic)
        notice = f"{names} says nothing in the documents matching {doc!r}." if doc and not hits else None
        return Answer(question, names, topic, notice, hits, mode)
