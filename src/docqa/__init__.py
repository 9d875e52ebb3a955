"""docqa: ask a folder of documents what was said, and by whom.

>>> import docqa                                                    # doctest: +SKIP
>>> index = docqa.Index.build(["seeds/"], "index/")                 # doctest: +SKIP
>>> answer = index.ask("what did Blinken say about Turkey")          # doctest: +SKIP
>>> answer.speaker, answer.results[0].speaker                        # doctest: +SKIP
('Antony Blinken', 'Antony Blinken')
"""

from __future__ import annotations

__version__ = "0.1.0"

from docqa.attribution import Attribution, attribute
from docqa.chunking import chunk
from docqa.embedding import DEFAULT_MODEL, Embedder, SentenceTransformerEmbedder
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
from docqa.question import ParsedQuestion, parse_question
from docqa.readers import UnreadableFileError, read_document
from docqa.records import Answer, Document, Hit, Passage, Segment, Speaker

__all__ = [
    "DEFAULT_MODEL",
    "Answer",
    "Attribution",
    "DocqaError",
    "Document",
    "Embedder",
    "Hit",
    "Index",
    "IndexFormatError",
    "IndexLockedError",
    "IndexNotFoundError",
    "ModelLoadError",
    "ModelMismatchError",
    "NoDocumentsError",
    "ParsedQuestion",
    "Passage",
    "Segment",
    "SentenceTransformerEmbedder",
    "Speaker",
    "UnknownSpeakerError",
    "UnreadableFileError",
    "__version__",
    "attribute",
    "chunk",
    "parse_question",
    "read_document",
]
