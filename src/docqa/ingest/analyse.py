"""The per-document stage of a build: read → attribute → chunk, pure, one document in and one result out.

Nothing here looks at other documents, so documents can be analysed in any order, in parallel, or
on other machines; speakers are merged corpus-wide afterwards (``docqa.ingest.corpus``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from docqa.attribution import Attribution, attribute
from docqa.ingest.chunking import chunk
from docqa.paths import Warn, display_path
from docqa.readers import UnreadableFileError, iter_files, read_document
from docqa.records import Document, Passage


@dataclass
class AnalysedDocument:
    """One document, attributed and cut into passages whose ``speaker`` is a document-local entity key."""

    document: Document
    digest: str
    attribution: Attribution
    passages: list[Passage]


def analyse(document: Document) -> AnalysedDocument | None:
    """Attribute and chunk one document; None for a document with no text.

    >>> analyse(Document("a.txt", "Q: Hi?\\n\\nA: Hello.", "text")).passages[1].text
    'Hello.'
    """
    if not document.text.strip():
        return None
    digest = hashlib.sha256(document.text.encode("utf-8")).hexdigest()
    result = attribute(document)
    return AnalysedDocument(document, digest, result, chunk(result))


def read_documents(paths: Iterable[str | Path], warn: Warn, max_bytes: int | None) -> Iterator[Document]:
    """Every readable document under ``paths``; each file that cannot be read is reported to ``warn``."""
    for file in iter_files(paths, warn):
        shown = display_path(file)
        try:
            yield read_document(file, shown, max_bytes=max_bytes)
        except UnreadableFileError as exc:
            warn(shown, str(exc))
