"""The Index: build one from files, open it, ask it questions.  The CLI is a thin layer over this class.

``Index`` is a facade: building is ``docqa.ingest``, storage is ``docqa.storage`` (behind the
``StoreReader``/``StoreWriter`` protocols), answering is ``docqa.search``.

    index = Index.build(["seeds/"], "index/")     # read, attribute, embed (the packaged model), write
    index = Index.open("index/")                   # later, in another process

>>> answer = index.ask("what did Blinken say about Turkey", k=3)
>>> answer.speaker, answer.results[0].speaker
('Antony Blinken', 'Antony Blinken')
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docqa.embedding import DEFAULT_BACKEND, INT8_SUFFIX, Embedder, canonical_model_name, load_embedder
from docqa.embedding.adapter import QueryAdapter
from docqa.errors import DocqaError, ModelMismatchError, NoDocumentsError
from docqa.paths import DEFAULT_MAX_BYTES, Warn
from docqa.records import Answer, Check, Hit, Passage, Speaker
from docqa.search.answerer import Answerer
from docqa.search.check import Checker, CheckRequest
from docqa.search.request import DEFAULT_MODE, MODES, AskRequest, check_mode
from docqa.search.scope import document_ids
from docqa.search.searcher import Searcher
from docqa.search.timeline import Timeline
from docqa.storage import StoreReader, open_reader

if TYPE_CHECKING:  # building imports readers, attribution and ingest: only when an index is built
    from docqa.ingest.embed import EmbeddingProgress
    from docqa.records import Document

DEFAULT_INDEX = "index"
__all__ = ["DEFAULT_INDEX", "DEFAULT_MODE", "MODES", "AskRequest", "Index", "check_mode"]


def _warn_to_stderr(path: str, reason: str) -> None:
    print(f"docqa: warning: skipped {path}: {reason}", file=sys.stderr)


class Index:
    """A docqa index, open for questions.

    Build with ``Index.build(paths, index_dir)``; open with ``Index.open(index_dir)``.
    """

    def __init__(self, store: StoreReader, embedder: Embedder | None = None) -> None:
        self.store = store
        self.path = Path(store.location)
        self.manifest: dict[str, Any] = store.manifest
        self._embedder = embedder
        self.skipped: list[str] = []  # files of types docqa cannot read, passed over by the build that made this
        self.searcher = Searcher(store, lambda: self.embedder, QueryAdapter.for_model(self.manifest.get("model")))
        self.answerer = Answerer(self.searcher, lambda pattern: document_ids(self.store.documents(), pattern))
        self.checker = Checker(self.searcher, lambda: self.answerer.directory,
                               lambda pattern: document_ids(self.store.documents(), pattern))
        self.answerer.checker = self.checker

    # -- building -----------------------------------------------------------------------------
    @classmethod
    def build(
        cls,
        paths: Iterable[str | os.PathLike[str]],
        index_dir: str | os.PathLike[str] = DEFAULT_INDEX,
        model: str | Embedder | None = None,
        on_warning: Warn | None = _warn_to_stderr,
        on_progress: Callable[[str], None] | None = None,
        vector_index: str = "auto",
        backend: str = DEFAULT_BACKEND,
        max_bytes: int | None = DEFAULT_MAX_BYTES,
        full: bool = False,
        progress_bar: bool = False,
        ray: str | None = None,
        ray_workers: int = 2,
        on_embedding: Callable[[EmbeddingProgress], None] | None = None,
        use_cache: bool = True,
    ) -> Index:
        """Read, attribute, chunk and embed every supported file under ``paths`` into a new index at ``index_dir``
        (.txt .md .pdf .docx .html .vtt .srt .json .eml .mbox; folders recursively).

        The previous index there stays live until the new one is complete.  Unreadable files are
        skipped and reported to ``on_warning(path, reason)``.  ``vector_index`` is "flat" (exact),
        "hnsw" (approximate, for millions of passages) or "auto": flat up to 100,000 passages.
        ``backend`` is "onnx" (the default: the model exported to ONNX, no torch once exported), "torch"
        (sentence-transformers) or "onnx-int8" (quantised: faster still, vectors ~0.99 cosine).
        Files over ``max_bytes`` (20 MB by default; None for no limit) are skipped with a warning.
        Building again over an existing index re-embeds only passages whose document or text changed
        (``full=True`` embeds everything); ``index.changes`` says what was added, updated, removed.
        A folder whose documents are all unchanged is left as it is (``changes["up_to_date"]``).
        Analyses and vectors are kept in the build cache (``docqa cache``; ``use_cache=False`` bypasses it),
        so a build stopped midway embeds only what is left when run again.  ``on_embedding`` is called
        after each batch with an ``EmbeddingProgress`` (done, total, rate, eta); ``index.skipped`` lists
        the files of types docqa cannot read that the folders held.

        >>> Index.build([seeds], scratch / "ix", model=FakeEmbedder(), on_warning=None).manifest["passages"]
        63
        """
        from docqa.ingest.analyse import Skipped, file_sources

        paths = list(paths)  # walked for the files, then named in the error if none is readable
        warn = on_warning or (lambda path, reason: None)
        skipped = Skipped()
        try:
            built = cls.build_documents(file_sources(paths, warn, max_bytes, skipped), index_dir, model=model,
                                        on_warning=on_warning, on_progress=on_progress,
                                        source=", ".join(str(p) for p in paths), vector_index=vector_index, backend=backend,
                                        full=full, progress_bar=progress_bar, ray=ray, ray_workers=ray_workers,
                                        on_embedding=on_embedding, use_cache=use_cache)
        except NoDocumentsError as exc:
            summary = skipped.summary()
            raise NoDocumentsError(f"{exc} ({summary})" if summary else str(exc)) from None
        built.skipped = skipped.files
        return built

    @classmethod
    def build_documents(
        cls,
        documents: Iterable[Document],
        index_dir: str | os.PathLike[str] = DEFAULT_INDEX,
        model: str | Embedder | None = None,
        on_warning: Warn | None = _warn_to_stderr,
        on_progress: Callable[[str], None] | None = None,
        source: str = "the documents given",
        extra_manifest: dict[str, Any] | None = None,
        vector_index: str = "auto",
        backend: str = DEFAULT_BACKEND,
        full: bool = False,
        progress_bar: bool = False,
        ray: str | None = None,
        ray_workers: int = 2,
        on_embedding: Callable[[EmbeddingProgress], None] | None = None,
        use_cache: bool = True,
    ) -> Index:
        """Build an index from Documents already in memory (``Index.build`` reads them from files).

        ``ray``: encode on Ray ("auto" starts a local runtime, an address joins a cluster) with
        ``ray_workers`` actors (``docqa.embedding.ray``); everything else runs here.

        >>> from docqa import Document
        >>> document = Document("a.txt", "Q: Hi?\\n\\nMS. RUIZ: Hello.", "text")
        >>> built = Index.build_documents([document], scratch / "ix", model=FakeEmbedder())
        >>> [(p.speaker, p.text) for p in built.passages()]
        [('QUESTION', 'Hi?'), ('Ruiz', 'Hello.')]
        """
        from docqa.ingest import build as pipeline

        embedder = load_embedder(model, backend)
        on_warning, on_progress = on_warning or (lambda path, reason: None), on_progress or (lambda message: None)
        if ray is None:
            store = pipeline.build(documents, index_dir, embedder, on_warning=on_warning, on_progress=on_progress, source=source,
                                   vector_index=vector_index, full=full, show_progress=progress_bar,
                                   extra_manifest=extra_manifest, on_embedding=on_embedding, use_cache=use_cache)
            return cls(store, embedder)
        from docqa.embedding.ray import RayEmbedder

        if model is not None and not isinstance(model, str):  # the actors load the model by name on each node
            raise DocqaError("--ray needs a model name or path, not an Embedder object")
        with RayEmbedder(embedder, address=ray, workers=ray_workers, model=model if isinstance(model, str) else None,
                         backend=backend) as distributed:
            on_progress(f"embedding on Ray ({ray}) with {ray_workers} workers")
            store = pipeline.build(documents, index_dir, distributed, on_warning=on_warning, on_progress=on_progress,
                                   source=source,
                                   vector_index=vector_index, full=full, show_progress=progress_bar,
                                   extra_manifest=extra_manifest, on_embedding=on_embedding, use_cache=use_cache)
        return cls(store, embedder)

    # -- opening --------------------------------------------------------------------------------
    @classmethod
    def open(cls, index_dir: str | os.PathLike[str] = DEFAULT_INDEX, model: str | Embedder | None = None) -> Index:
        """Open an existing index.  ``model``, if given, must be the one it was built with.

        >>> Index.open(index.path).manifest["model"]
        'test/fake-hashing-512'
        """
        store = open_reader(index_dir)
        built_with = store.manifest.get("model")
        if model is not None:
            wanted = model.name if not isinstance(model, str) else canonical_model_name(model)
            if wanted != built_with and wanted + INT8_SUFFIX != built_with:
                store.close()
                raise ModelMismatchError(
                    f"the index at {index_dir} was built with model {built_with!r}, not {wanted!r}: "
                    f"omit --model, or rebuild with `docqa index PATH --model {wanted}`"
                )
        return cls(store, model if model is not None and not isinstance(model, str) else None)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def generation(self) -> Path:
        """The folder of the version of the index this object reads (local store)."""
        return Path(getattr(self.store, "generation", self.path))

    @property
    def changes(self) -> dict[str, int]:
        """What the build that made this index changed: added, updated, removed, unchanged documents; passages embedded."""
        return dict(self.manifest.get("changes", {}))

    @property
    def fusion_weights(self) -> dict[str, float]:
        """Weights of the dense and lexical rankings in hybrid mode (reciprocal rank fusion)."""
        return self.searcher.fusion_weights

    @property
    def embedder(self) -> Embedder:
        """The question encoder: the index's ONNX export if it has one, else the model it was built with."""
        if self._embedder is None:
            self._embedder = self.load_query_encoder()
        return self._embedder

    def load_query_encoder(self, many: bool = False) -> Embedder:
        """A new question encoder for this index (``embedder`` keeps one).  ``many``: for a process that answers
        many questions, such as a server: its weights pre-packed, 0.05 s more to load for about 2 ms less per
        question (docs/performance.md); a one-shot ``docqa ask`` loads without."""
        folder = self.store.query_encoder()
        if folder is not None:
            try:
                from docqa.embedding.onnx import OnnxEmbedder

                return OnnxEmbedder(folder, fast_start=True, prepack=many)
            except ImportError:  # onnxruntime missing: the slower sentence-transformers path still works
                pass
        return load_embedder(self.manifest["model"])

    # -- speakers and passages ------------------------------------------------------------------
    def speakers(self) -> list[Speaker]:
        """Every speaker, most passages first, with aliases and counts (people only mentioned have 0 passages).

        >>> [s.name for s in index.speakers()][:2]
        ['Antony Blinken', 'Jens Stoltenberg']
        """
        return sorted(self.store.speakers(), key=lambda s: (-s.passages, -s.mentions, s.name))

    def resolve_speaker(self, name: str) -> Speaker:
        """The speaker a name, label, title or role refers to; UnknownSpeakerError if none.

        >>> index.resolve_speaker("the NATO chief").name
        'Jens Stoltenberg'
        """
        return self.answerer.speaker(name)

    def documents(self) -> list[str]:
        """The paths of the indexed documents, in the order they were indexed."""
        return [d.path for d in self.store.documents()]

    def passages(self, doc: str | None = None, speaker: str | None = None) -> Iterator[Passage]:
        """Every passage in document order, with its speaker and offsets; ``doc`` filters by path or glob, ``speaker``
        by whom it names (a blank one is no filter, as for a question).

        >>> next(index.passages(doc="*003_*")).how
        'narration'
        >>> sum(1 for _ in index.passages(speaker=" ")) == sum(1 for _ in index.passages())
        True
        """
        speaker = speaker if speaker is None or speaker.strip() else None
        where = self.answerer.scope(self.answerer.speakers_named(speaker) if speaker is not None else None, doc)
        for row in self.store.scan(where):
            yield Passage(doc=row.doc, start=row.start, end=row.end, line=row.line, speaker=row.speaker, how=row.how,
                          text=row.text,
                          id=row.id, page=row.page, time=row.time, date=row.date)

    def text(self, doc: str) -> str:
        """The text a document's offsets index into, read again from its file: ``text(doc)[start:end]`` is a
        passage's text (for PDF, Word, HTML, subtitles and JSON, the extracted text, not the file's bytes).

        >>> hit = index.ask("what did Blinken say about Turkey").results[0]
        >>> index.text(hit.doc)[hit.start:hit.end] == hit.text
        True
        """
        from docqa.readers import UnreadableFileError, read_document

        documents = self.store.documents()
        matches = [d for d in documents if d.path == doc] or [d for d in documents if d.id in document_ids(documents, doc)]
        if len(matches) != 1:
            raise DocqaError(f"{doc!r} matches {len(matches)} documents in the index; name one")
        path = matches[0].path
        try:
            text = read_document(path, path, max_bytes=None).text
        except (UnreadableFileError, OSError) as exc:
            raise DocqaError(f"cannot read {path} again: {exc}") from None
        if len(text) != matches[0].chars:
            raise DocqaError(f"{path} has changed since it was indexed: run `docqa index` again")
        return text

    def timeline(self, question: str, k: int = 200, speaker: str | None = None, doc: str | None = None,
                 since: str | None = None, until: str | None = None) -> Timeline:
        """The relevant passages of a question counted month by month ("what did Psaki say about vaccines").

        >>> timeline = index.timeline("what did Blinken say about Afghanistan")
        >>> timeline.speaker, timeline.topic
        ('Antony Blinken', 'Afghanistan')
        """
        request = AskRequest(question, k=k, speaker=speaker, doc=doc, since=since, until=until, highlight=False, cutoff=False)
        return Timeline.of(self.ask(request))

    # -- asking -----------------------------------------------------------------------------------
    def search(self, text: str, speaker: str | None = None, k: int = 5, doc: str | None = None, mode: str | None = None,
               context: int = 0) -> list[Hit]:
        """Passages that best match ``text`` as written (no question is read into it); ``speaker`` (any
        alias) and ``doc`` filter inside the search.

        ``mode`` is "dense", "lexical" or "hybrid" (the default: both, fused); ``context`` adds that
        many neighbouring passages before and after each hit.

        >>> [h.speaker for h in index.search("Turkey", speaker="Blinken", k=2)]
        ['Antony Blinken', 'Antony Blinken']
        """
        request = AskRequest(text, k=k, speaker=speaker, doc=doc, mode=mode or DEFAULT_MODE, context=context)
        where = self.answerer.scope(self.answerer.speakers_named(request.speaker) if request.speaker is not None else None,
                                    request.doc)
        return self.searcher.search(request.question, request.k, where, mode=request.mode, context=request.context)

    def check(self, quote: str | CheckRequest, speaker: str | None = None, doc: str | None = None, since: str | None = None,
              until: str | None = None) -> Check:
        """Check a quote: whether the words are in the documents, whose they are, and what was changed.

        >>> index.check("That doesn't mean that countries can't work with China where possible", speaker="Stoltenberg").verdict
        'said_by_other'
        """
        request = quote if isinstance(quote, CheckRequest) else CheckRequest(quote, speaker, doc, since, until)
        return self.checker.check(request)

    def ask(self, question: str | AskRequest, **options: Any) -> Answer:
        """Answer a question: find the speaker it names (or ``speaker``), search that speaker's words on its topic.

        ``options`` are those of ``AskRequest`` (``k``, ``speaker``, ``doc``, ``mode``, ``context``,
        ``since``, ``until``, ``sort``, ``cutoff``, ``highlight``), validated there; or pass a request.
        Hits much weaker than the best are left out unless ``cutoff=False`` (the notice says so); each
        hit's ``score`` is its relevance (cosine).

        >>> answer = index.ask("what did the NATO chief say about the Taliban")
        >>> answer.speaker, answer.topic
        ('Jens Stoltenberg', 'the Taliban')
        """
        if isinstance(question, AskRequest):
            request = question.with_options(**options) if options else question
        else:
            if options.get("mode", "") is None:
                options.pop("mode")  # None: the default mode
            request = AskRequest(question, **options)
        return self.answerer.ask(request)
