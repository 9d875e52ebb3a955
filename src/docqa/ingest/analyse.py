"""The per-document stage of a build: read → attribute → chunk, pure, one document in and one result out.

Nothing here looks at other documents, so documents can be analysed in any order, in parallel, or
on other machines; speakers are merged corpus-wide afterwards (``docqa.ingest.corpus``).  A result is
plain data (``to_json``), so the build cache keeps it for a document whose bytes have not changed.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from docqa.ingest.cache import code_stamp
from docqa.paths import Warn, display_path
from docqa.records import Document, Passage


@dataclass
class AnalysedDocument:
    """One document, attributed and cut into passages whose ``speaker`` is a document-local entity key:
    everything the corpus-wide stage needs, and no more (not the text)."""

    path: str
    kind: str
    encoding: str
    date: str | None
    chars: int
    digest: str  # sha256 of the decoded text
    transcript: bool
    entities: list[Any]  # docqa.attribution.entities.Entity
    mentions: list[tuple[int, int, str]]
    passages: list[Passage]

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "kind": self.kind, "encoding": self.encoding, "date": self.date, "chars": self.chars,
                "digest": self.digest, "transcript": self.transcript, "entities": [asdict(e) for e in self.entities],
                "mentions": [list(m) for m in self.mentions], "passages": [asdict(p) for p in self.passages]}

    @classmethod
    def from_json(cls, data: dict[str, Any], path: str) -> AnalysedDocument:
        """The cached analysis, for the document now at ``path`` (the same bytes may have moved)."""
        from docqa.attribution.entities import Entity

        return cls(path, data["kind"], data["encoding"], data["date"], data["chars"], data["digest"], data["transcript"],
                   [Entity(**e) for e in data["entities"]], [(s, e, k) for s, e, k in data["mentions"]],
                   [Passage(**{**p, "doc": path}) for p in data["passages"]])


def analyse(document: Document) -> AnalysedDocument | None:
    """Attribute and chunk one document; None for a document with no text.

    >>> analyse(Document("a.txt", "Q: Hi?\\n\\nA: Hello.", "text")).passages[1].text
    'Hello.'
    """
    if not document.text.strip():
        return None
    from docqa.attribution import attribute
    from docqa.ingest.chunking import chunk

    digest = hashlib.sha256(document.text.encode("utf-8")).hexdigest()
    result = attribute(document)
    return AnalysedDocument(document.path, document.kind, document.encoding, document.date, len(document.text), digest,
                            result.transcript, result.entities, list(result.mentions), chunk(result))


@dataclass(frozen=True)
class FileSource:
    """A file to read, known by its bytes before it is parsed."""

    file: Path
    shown: str
    max_bytes: int | None

    def data(self) -> bytes:
        """The file's bytes; UnreadableFileError if it is not a regular readable file within the size limit."""
        from docqa.readers import file_bytes

        return file_bytes(self.file, self.max_bytes)

    def read(self, data: bytes) -> Document:
        from docqa.readers import parse

        return parse(self.file, data, self.shown)


def source_key(source: Document | FileSource) -> tuple[str, bytes | None]:
    """The analysis cache key of a source (its content, its name, the analysing code) and, for a file, its bytes."""
    digest = hashlib.sha256(code_stamp().encode())
    if isinstance(source, FileSource):
        data = source.data()
        digest.update(b"file\0" + source.shown.encode() + b"\0" + data)
        return digest.hexdigest(), data
    fields = {k: v for k, v in asdict(source).items() if k != "text"}
    digest.update(b"doc\0" + json.dumps(fields, sort_keys=True, default=str).encode() + b"\0" + source.text.encode())
    return digest.hexdigest(), None


@dataclass
class Skipped:
    """Files a folder scan passed over because docqa has no reader for them, by extension."""

    files: list[str] = field(default_factory=list)

    def summary(self) -> str | None:
        """'skipped 3 files docqa cannot read: 2 .rtf, 1 .png' (None when nothing was skipped)."""
        if not self.files:
            return None
        kinds = Counter(Path(f).suffix.lower() or "(no extension)" for f in self.files)
        parts = ", ".join(f"{n} {ext}" for ext, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))
        return f"skipped {len(self.files)} file{'s' if len(self.files) != 1 else ''} docqa cannot read: {parts}"


def file_sources(paths: Iterable[str | os.PathLike[str]], warn: Warn, max_bytes: int | None,
                 skipped: Skipped | None = None) -> Iterator[FileSource]:
    """Every supported file under ``paths``; what cannot be reached is reported to ``warn``, files of other
    types are gathered in ``skipped``."""
    from docqa.readers import iter_files

    for file in iter_files(paths, warn, (skipped or Skipped()).files.append):
        yield FileSource(file, display_path(file), max_bytes)
