"""What a store is: the rows it keeps, the filter it understands, and the two protocols every backend
implements (``StoreReader`` for questions, ``StoreWriter`` for builds).

A filter is data, not SQL: each backend turns it into its own form (an ID selector plus SQL for the
local store, a filter expression for an engine such as Milvus).  Ids are the store's: a passage id
is whatever the writer was given, never a row number the caller must know about.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from docqa.records import Speaker


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
    """One corpus speaker as stored: canonical name, kind (person, organisation, role) and titles."""

    id: int
    name: str
    kind: str
    titles: tuple[str, ...] = ()


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

    def dense(self, vector: np.ndarray, k: int, where: Filter | None = None) -> list[tuple[int, float]]: ...

    def lexical(self, text: str, k: int, where: Filter | None = None) -> list[tuple[int, float]]: ...

    def vectors(self, ids: Sequence[int]) -> np.ndarray: ...

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

    def commit(self, manifest: dict[str, Any]) -> StoreReader: ...

    def abort(self) -> None: ...
