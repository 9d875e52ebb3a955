"""The ``Answerer``: an ``AskRequest`` in, an ``Answer`` out.  It applies the speaker policy to the one
``Interpretation`` of the question (``docqa.search.understand``), ranks (``Searcher``), cuts weak filler
(``cutoff``) and presents what is shown (``present``), with the notice a person needs when the answer is
not a plain list of one speaker's words.

Speaker policy: a named, speaking speaker → only their passages; a known person who never speaks →
a notice and passages that mention them, with their real speakers; a name the index does not know →
a notice with the closest known speakers and no results; no speaker (or "who said…") → everyone's
passages; a phrase that may name someone but matches nobody → everyone's passages, and the notice says so.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from docqa.errors import UnknownSpeakerError
from docqa.records import Answer, Hit, Speaker
from docqa.search import conversation, present
from docqa.search.check import Checker, CheckRequest
from docqa.search.cutoff import cut
from docqa.search.present import join_names, unknown_speaker
from docqa.search.request import AskRequest
from docqa.search.searcher import Searcher
from docqa.search.understand import Interpretation, SpeakerDirectory, understand
from docqa.search.understand.shapes import quote_question
from docqa.storage import Filter

# What the terminal can do about a notice; each interface offers its own (the page: a link), see web/views
ALL_HINT = " (--all shows them)"
MORE_HINT = " (-k shows more)"


class Answerer:
    """Answers questions over one store through a ``Searcher``.

    ``documents(pattern)`` turns a ``--doc`` pattern into document ids (an error if none matches).
    """

    def __init__(self, searcher: Searcher, documents: Callable[[str], tuple[int, ...]]) -> None:
        self.searcher = searcher
        self.store = searcher.store
        self._documents = documents
        self._directory: SpeakerDirectory | None = None
        self.checker: Checker | None = None  # set by the Index: checks quotes asked about as questions

    @property
    def directory(self) -> SpeakerDirectory:
        if self._directory is None:
            rows = [(a.key, a.written, a.speaker_id, a.kind) for a in self.store.aliases()]
            speakers = [s for s in self.store.speakers() if s.id is not None]
            # type: ignore[misc]
            self._directory = SpeakerDirectory(rows, {s.id: s.name for s in speakers}, self.store.passage_counts(),
                                               {s.id: s.kind for s in speakers},  # type: ignore[misc]
                                               {s.id: s.titles for s in speakers if s.titles})  # type: ignore[misc]
        return self._directory

    def speaker(self, name: str) -> Speaker:
        """The speaker a name, label, title or role refers to; UnknownSpeakerError if none."""
        resolution = self.directory.resolve(name)
        if resolution.speaker_id is None:
            raise UnknownSpeakerError(unknown_speaker(name, resolution.suggestions).rstrip("."))
        return self.store.speakers(resolution.speaker_id)[0]

    def speakers_named(self, name: str) -> tuple[int, ...]:
        """Whom a ``--speaker`` value names: one person, or everyone in an office several hold ("the hosts"), as a
        question naming them reads it; UnknownSpeakerError if nobody."""
        return self.directory.named(name) or (self.speaker(name).id,)  # type: ignore[return-value]

    def scope(self, speakers: tuple[int, ...] | None = None, doc: str | None = None, mentioning: int | None = None) -> Filter:
        """The filter for speakers, a ``--doc`` pattern and a mentioned person (None: no restriction)."""
        return Filter(speakers=speakers, documents=self._documents(doc) if doc is not None else None, mentioning=mentioning)

    def ask(self, request: AskRequest) -> Answer:
        """Answer one request: understand it, search as the speaker policy says, cut, present.  A question
        that asks whether someone said a quote ('did Blinken say "…"?') is answered by a quote check."""
        quoted = quote_question(request.question) if self.checker is not None else None
        if quoted is not None and self.checker is not None:
            speaker = request.speaker or quoted[0]
            check = self.checker.check(CheckRequest(quoted[1], speaker, request.doc, request.since, request.until))
            return Answer(request.question, check.claimed, quoted[1], None, [], request.mode, check=check)
        doc_ids = self._documents(request.doc) if request.doc is not None else None  # an error at once if none matches
        scope = self.store.passage_counts(Filter(documents=doc_ids)) if doc_ids is not None else None
        meaning = understand(request.question, self.directory, scope, request.speaker)
        base = Filter(documents=doc_ids, since=request.since, until=request.until)
        listing = not meaning.topic and bool(meaning.speakers) and not meaning.unknown
        vector = None if listing else self.searcher.vector(meaning.topic or request.question, request.mode, asked=meaning.asked)
        answer, shown = self._search(request, meaning, base, vector)
        if request.cutoff and shown and not answer.listing:  # one weak passage is said to be weak too
            result = cut(shown)
            whose = "" if not answer.speaker or answer.notice else \
                f" of {answer.speaker}'s" if len(meaning.speakers) == 1 else f" by {answer.speaker}"
            about = f"about {answer.topic}" if answer.topic and not meaning.whole else "about the question"
            line = None
            if not result.clear:
                line = f"No passage{whose} is clearly {about}; the closest {len(shown) if len(shown) > 1 else 'one'}:"
            elif result.dropped:
                shown = present.explain(result.kept)
                kept = len(shown)
                line = (f"{kept} passage{'s' if kept > 1 else ''}{whose} {'are' if kept > 1 else 'is'} clearly {about}; "
                        f"{result.dropped} weaker left out{ALL_HINT}.")
                answer.dropped = result.dropped
            if line:
                answer.notice = f"{answer.notice} {line}" if answer.notice else line
        present.decorate(shown, answer.topic or request.question, self.store, vector, self.searcher.encode_rough,
                         highlight=request.highlight and not answer.listing, context=request.context)
        answer.results = shown
        if request.sort == "date":
            answer.results.sort(key=lambda hit: (hit.date is None, hit.date or "", hit.rank))
            for rank, hit in enumerate(answer.results, start=1):
                hit.rank, hit.why = rank, None  # ordered by date, as asked: no rank to explain
        return answer

    @staticmethod
    def _listed(names: str, several: bool, shown: int, total: int, request: AskRequest) -> str:
        """The line above a speaker's passages (``several``: several speakers') listed for a question with no topic."""
        where = f" in the documents matching {request.doc!r}" if request.doc else ""
        if total == 0:
            return f"{names} {'say' if several else 'says'} nothing{where}."
        plural = "s" if total > 1 else ""
        if shown == total:
            whose = f"all {total} passage{plural} by {names}" if several else f"all {names}'s {total} passage{plural}"
            return f"No topic asked: {whose}{where}, in document order."
        first = "the first" if shown == 1 else f"the first {shown}"
        whose = f"{total} passages by {names}" if several else f"{names}'s {total} passages"
        return f"No topic asked: {first} of {whose}{where}, in document order{MORE_HINT}."

    def _search(self, request: AskRequest, meaning: Interpretation, base: Filter, vector: np.ndarray | None) -> tuple[Answer,
                                                                                                                      list[Hit]]:
        """The answer's frame (speaker, topic, notice) and its hits, before the cut-off, by the speaker policy."""
        question, topic, mode = request.question, meaning.topic, request.mode
        text = topic or question  # "what did X say": no topic, the question itself is searched

        def search(speakers: tuple[int, ...] | None = None, mentioning: int | None = None) -> list[Hit]:
            where = Filter(speakers=speakers, documents=base.documents, mentioning=mentioning, since=base.since, until=base.until)
            last = not speakers and not conversation.asks_about_questions(question)
            depth = self.searcher.depth(request.k, mode)
            order = self.searcher.candidates(text, depth, where, mode, vector, askers_last=last, said_first=meaning.who)
            return present.hits(order, request.k, self.store, vector)

        if meaning.unknown:
            return Answer(question, None, topic, unknown_speaker(meaning.unresolved or "", meaning.suggestions), [], mode,
                          unknown_speaker=True, suggestions=list(meaning.suggestions)), []
        if not meaning.speakers:
            notice = None
            if meaning.unresolved is not None:
                notice = f"No speaker called {meaning.unresolved!r} in this index; searched everyone's words."
            return Answer(question, None, topic, notice, [], mode, suggestions=list(meaning.suggestions)), search()
        chosen = [self.store.speakers(i)[0] for i in meaning.speakers]
        names = join_names([s.name for s in chosen])
        speaking = [s for s in chosen if s.passages > 0]
        if not speaking:
            notice = (f"{names} is mentioned in the index but never speaks; "
                      f"showing passages that mention {names}, with their real speakers.") if len(chosen) == 1 else (
                      f"{names} are mentioned in the index but never speak; showing passages that mention {chosen[0].name}, "
                      "with their real speakers.")
            answer, hits = Answer(question, names, topic, notice, [], mode), search(mentioning=chosen[0].id)
        elif not topic:  # "what did Ruiz say": everything, in document order, not cut
            where = Filter(speakers=tuple(s.id for s in speaking if s.id is not None), documents=base.documents,
                           since=base.since, until=base.until)
            hits, total = present.listing(self.store, where, request.k)
            listed = self._listed(names, len(chosen) > 1, len(hits), total, request)
            answer = Answer(question, names, topic, listed, [], mode, listing=True, total=total)
        else:
            hits = search(speakers=tuple(s.id for s in speaking if s.id is not None))
            says = "say" if len(chosen) > 1 else "says"
            notice = f"{names} {says} nothing in the documents matching {request.doc!r}." if request.doc and not hits else None
            answer = Answer(question, names, topic, notice, [], mode)
        if meaning.named is not None:
            other = self.store.speakers(meaning.named)[0].name
            override = f"--speaker {names} is searched, not {other} whom the question names."
            answer.notice = f"{override} {answer.notice}" if answer.notice else override
        return answer, hits
