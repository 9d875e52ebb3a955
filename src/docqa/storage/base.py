"""What a store is: the rows it keeps, the filter it understands, and the two protocols every backend
implements (``StoreReader`` for questions, ``StoreWriter`` for builds).

A filter is data, not SQL: each backend turns it into its own form (an ID selector plus SQL for the
local store, a filter expression for an engine such as Milvus).  Ids are the store's: a passage id
is whatever the writer was given, never a row number the caller must know about.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from docqa.errors import DocqaError, IndexFormatError
from docqa.records import Speaker

# 2: BM25; 3: plain FAISS; 4: page, time; 5: document dates; 6: speaker statistics computed once, in ingest
FORMAT_VERSION = 6
MAX_TERMS = 64  # words of a question a lexical search uses: a pasted paragraph still makes a query of bounded cost
FLAT_LIMIT = 100_000  # exact vector search up to this many passages (about 8 ms a query on one thread); HNSW above
VECTOR_KINDS = ("auto", "flat", "hnsw")


def check_kind(requested: str) -> str:
    """A vector index kind a store can build; a clear error otherwise (checked before any embedding)."""
    if requested not in VECTOR_KINDS:
        raise DocqaError(f"unknown vector index {requested!r}: use one of {', '.join(VECTOR_KINDS)}")
    return requested


def kind_for(count: int, requested: str = "auto") -> str:
    """"flat" (exact) up to FLAT_LIMIT passages, "hnsw" above, unless asked for one of them.

    >>> kind_for(10), kind_for(FLAT_LIMIT + 1), kind_for(10, "hnsw")
    ('flat', 'hnsw', 'hnsw')
    """
    check_kind(requested)
    if requested != "auto":
        return requested
    return "hnsw" if count > FLAT_LIMIT else "flat"


def passage_key(path: str, text: str) -> bytes:
    """Identity of a passage for reusing its vector: its document and its exact (normalised) text."""
    return hashlib.blake2b(f"{path}\x00{text}".encode(), digest_size=16).digest()


def check_format(manifest: dict[str, Any], where: str) -> None:
    """A clear error for an index of another format than this docqa reads."""
    found = manifest.get("format")
    if not isinstance(found, int):
        raise IndexFormatError(f"the index at {where} is damaged: its manifest is not a docqa manifest")
    if found < FORMAT_VERSION:
        raise IndexFormatError(f"the index at {where} was written by an older docqa (format {found}): "
                               "rebuild it with `docqa index PATH`")
    if found > FORMAT_VERSION:
        raise IndexFormatError(f"the index at {where} was written by docqa {manifest.get('docqa_version', '?')} "
                               f"(format {found}); "
                               f"this docqa reads format {FORMAT_VERSION}: upgrade docqa or rebuild the index")


@dataclass(frozen=True)
class Filter:
    """Which passages a search or listing may return; empty fields do not restrict.

    ``speakers``: passages by any of these speaker ids; ``documents``: in any of these document ids;
    ``mentioning``: passages that mention this speaker id; ``since``/``until``: in documents dated
    within these ISO days (undated documents are left out when either is set).

    >>> Filter().is_empty, Filter(speakers=(3,)).is_empty
    (True, False)
    """

    speakers: tuple[int, ...] | None = None
    documents: tuple[int, ...] | None = None
    mentioning: int | None = None
    since: str | None = None  # ISO day: documents dated on or after it
    until: str | None = None  # ISO day: documents dated on or before it

    @property
    def is_empty(self) -> bool:
        return (self.speakers is None and self.documents is None and self.mentioning is None and self.since is None
                and self.until is None)


@dataclass(frozen=True)
class DocumentRow:
    """One indexed document: its path as shown, format, encoding, content hash and size."""

    id: int
    path: str
    kind: str
    encoding: str
    sha256: str
    chars: int
    transcript: bool
    date: str | None = None


@dataclass(frozen=True)
class SpeakerRow:
    """One corpus speaker as stored: canonical name, kind (person, organisation, role), titles, and the
    statistics every store shows, computed once by the build: passages spoken, passages that mention
    them, the first and last dates of the documents they speak in."""

    id: int
    name: str
    kind: str
    titles: tuple[str, ...] = ()
    passages: int = 0
    mentions: int = 0
    first_date: str | None = None
    last_date: str | None = None


@dataclass(frozen=True)
class AliasRow:
    """One way of writing a speaker: ``key`` is the lookup form, ``written`` the form as found."""

    key: str
    written: str
    speaker_id: int
    kind: str


@dataclass(frozen=True)
class PassageRow:
    """One passage as stored.  On reading, ``doc`` (the path) and ``speaker`` (the name) are filled in."""

    id: int
    doc_id: int
    start: int
    end: int
    line: int
    speaker_id: int | None
    how: str
    text: str
    page: int | None = None
    time: float | None = None
    doc: str = ""
    speaker: str | None = None
    date: str | None = None


@dataclass
class Previous:
    """What the live index holds, for an incremental build: documents' hashes, reusable vectors by key."""

    documents: dict[str, str] = field(default_factory=dict)
    vectors: dict[bytes, np.ndarray] = field(default_factory=dict)
    manifest: dict[str, Any] = field(default_factory=dict)  # the live version's manifest

    @classmethod
    def of(cls, store: StoreReader, model: str, with_vectors: bool = True) -> Previous | None:
        """What ``store`` offers a new build with ``model`` (None if it was built with another model)."""
        if store.manifest.get("model") != model:
            return None
        documents = {d.path: d.sha256 for d in store.documents()}
        return cls(documents, dict(store.keyed_vectors()) if with_vectors else {}, dict(store.manifest))


class StoreReader(Protocol):
    """A built index, open for questions.  Searches apply the filter inside the engine, before the top-k cut."""

    location: str
    manifest: dict[str, Any]

    def count(self, where: Filter | None = None) -> int: ...

    def documents(self) -> list[DocumentRow]: ...

    def speakers(self, speaker_id: int | None = None) -> list[Speaker]: ...

    def aliases(self) -> list[AliasRow]: ...

    def passage_counts(self, where: Filter | None = None) -> dict[int, int]:
        """Passages per speaker id (among those ``where`` allows)."""
        ...

    def passages(self, ids: Sequence[int]) -> dict[int, PassageRow]: ...

    def scan(self, where: Filter | None = None) -> Iterator[PassageRow]: ...

    def neighbours(self, passage_id: int, n: int) -> tuple[list[PassageRow], list[PassageRow]]: ...

    def around(self, passage_ids: Sequence[int], n: int) -> dict[int, tuple[list[PassageRow], list[PassageRow]]]:
        """``neighbours`` of many passages at once (one round trip to a server store, not one per passage)."""
        ...

    def dense(self, vector: np.ndarray, k: int, where: Filter | None = None) -> list[tuple[int, float]]: ...

    def lexical(self, text: str, k: int, where: Filter | None = None, every: bool = False) -> list[tuple[int, float]]:
        """BM25's best passages for ``text``: holding any of its words, or (``every``, where the engine can) all of them."""
        ...

    def vectors(self, ids: Sequence[int]) -> np.ndarray: ...

    def keyed_vectors(self) -> Iterator[tuple[bytes, np.ndarray]]:
        """(``passage_key``, vector) of every passage: what an incremental build reuses."""
        ...

    def query_encoder(self) -> Path | None: ...

    def close(self) -> None: ...


@runtime_checkable
class HybridStore(Protocol):
    """A store whose engine fuses dense and lexical rankings itself (Milvus's ``hybrid_search``); the
    searcher fuses them in Python for stores without it."""

    def hybrid(self, vector: np.ndarray, text: str, k: int, where: Filter | None = None,
               weights: dict[str, float] | None = None) -> list[tuple[int, float]]: ...


class StoreWriter(Protocol):
    """Writes one new version of an index; nothing is visible to readers until ``commit``."""

    def previous(self, model: str, with_vectors: bool = True) -> Previous | None: ...

    def write_documents(self, rows: Iterable[DocumentRow]) -> None: ...

    def write_speakers(self, speakers: Iterable[SpeakerRow], aliases: Iterable[AliasRow]) -> None: ...

    def write_passages(self, rows: Sequence[PassageRow], vectors: np.ndarray) -> None: ...

    def write_mentions(self, pairs: Iterable[tuple[int, int]]) -> None: ...

    def install_query_encoder(self, folder: Path) -> None: ...

    def vector_kind(self, count: int) -> str: ...

    def layout(self) -> dict[str, Any]:
        """The manifest entries that say how this writer lays a version out (format, engines): a live version
        whose entries differ is rebuilt even when no document changed."""
        ...

    def commit(self, manifest: dict[str, Any]) -> StoreReader: ...

    def abort(self) -> None: ...
