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
from docqa.search.directory import SpeakerDirectory
from docqa.search.question import looks_like_name, parse_question
from docqa.search.searcher import Searcher, check_mode
from docqa.storage import Filter

MAX_QUESTION = 10_000  # characters; the model reads about 200 words of it anyway


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
            names = {s.id: s.name for s in self.store.speakers() if s.id is not None}
            self._directory = SpeakerDirectory(rows, names, self.store.passage_counts())
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
            context: int = 0, highlight: bool = True) -> Answer:
        if not question or not question.strip():
            raise DocqaError("the question is empty")
        if len(question) > MAX_QUESTION:
            raise DocqaError(f"the question is {len(question):,} characters long; the limit is {MAX_QUESTION:,}")
        mode = check_mode(mode)

        def search(speaker_id: int | None = None, mentioning: int | None = None) -> list[Hit]:
            where = self.scope(speaker_id, doc, mentioning)
            return self.searcher.search(topic or question, k, where, mode=mode, context=context, highlight=highlight)

        directory = self.directory
        parsed = parse_question(question, is_speaker=lambda phrase: directory.resolve(phrase).speaker_id is not None)
        topic = parsed.topic
        if speaker is not None:
            chosen = self.speaker(speaker)
            if parsed.speaker_phrase is None and not parsed.who:
                topic = question.strip()  # the whole question is the topic when the speaker came from --speaker
        elif parsed.speaker_phrase is not None:
            resolution = directory.resolve(parsed.speaker_phrase)
            if resolution.speaker_id is not None:
                chosen = self.store.speakers(resolution.speaker_id)[0]
            elif looks_like_name(parsed.speaker_phrase):
                hint = f" Closest known speakers: {', '.join(resolution.suggestions)}." if resolution.suggestions else ""
                notice = f"No speaker called {parsed.speaker_phrase!r} in this index.{hint}"
                return Answer(question, None, topic, notice, [], mode)
            else:  # "what does the article say about Turkey": no speaker meant
                return Answer(question, None, topic, None, search(), mode)
        else:
            return Answer(question, None, topic, None, search(), mode)
        if chosen.passages == 0:
            notice = (
                f"{chosen.name} is mentioned in the index but never speaks; "
                f"showing passages that mention {chosen.name}, with their real speakers."
            )
            return Answer(question, chosen.name, topic, notice, search(mentioning=chosen.id), mode)
        hits = search(speaker_id=chosen.id)
        notice = f"{chosen.name} says nothing in the documents matching {doc!r}." if doc and not hits else None
        return Answer(question, chosen.name, topic, notice, hits, mode)
