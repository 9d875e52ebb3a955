"""docqa: ask a folder of documents what was said, and by whom.

    import docqa
    index = docqa.Index.build(["seeds/"], "index/")     # or docqa.Index.open("index/")
    answer = index.ask("what did Blinken say about Turkey")

>>> answer = index.ask("what did Blinken say about Turkey")
>>> answer.speaker, answer.results[0].speaker
('Antony Blinken', 'Antony Blinken')

The names below are imported on first use, so ``import docqa`` (and ``docqa --help``) stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS = {
    "Attribution": "docqa.attribution", "attribute": "docqa.attribution",
    "chunk": "docqa.ingest.chunking",
    "DEFAULT_MODEL": "docqa.embedding", "Embedder": "docqa.embedding",
    "SentenceTransformerEmbedder": "docqa.embedding.transformers",
    "DocqaError": "docqa.errors", "IndexFormatError": "docqa.errors", "IndexLockedError": "docqa.errors",
    "IndexNotFoundError": "docqa.errors", "ModelLoadError": "docqa.errors", "ModelMismatchError": "docqa.errors",
    "NoDocumentsError": "docqa.errors", "UnknownSpeakerError": "docqa.errors",
    "Index": "docqa.index",
    "ParsedQuestion": "docqa.search.understand.shapes", "parse_question": "docqa.search.understand.shapes",
    "UnreadableFileError": "docqa.readers", "read_document": "docqa.readers",
    "Answer": "docqa.records", "Document": "docqa.records", "Hit": "docqa.records", "Passage": "docqa.records",
    "Segment": "docqa.records", "Speaker": "docqa.records",
    "Filter": "docqa.storage",
}
__all__ = sorted(_EXPORTS) + ["__version__"]

if TYPE_CHECKING:  # for type checkers and IDEs; at run time __getattr__ imports on first use
    # ruff: noqa: F401
    from docqa.attribution import Attribution, attribute
    from docqa.embedding import DEFAULT_MODEL, Embedder
    from docqa.embedding.transformers import SentenceTransformerEmbedder
    from docqa.errors import (
        DocqaError,
        IndexFormatError,
        IndexLockedError,
        IndexNotFoundError,
        ModelLoadError,
        ModelMismatchError,
        NoDocumentsError,
        UnknownSpeakerError,
    )
    from docqa.index import Index
    from docqa.ingest.chunking import chunk
    from docqa.readers import UnreadableFileError, read_document
    from docqa.records import Answer, Document, Hit, Passage, Segment, Speaker
    from docqa.search.understand.shapes import ParsedQuestion, parse_question
    from docqa.storage import Filter


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'docqa' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
