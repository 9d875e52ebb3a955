"""Plain text and Markdown files: decoded, with universal newlines; a court transcript's line-number gutter blanked."""

from __future__ import annotations

from docqa.readers._common import blank_line_numbers
from docqa.readers.decoding import decode
from docqa.records import Document

EXTENSIONS = (".txt", ".md", ".markdown", ".text")


def read(data: bytes, path: str) -> Document:
    text, encoding = decode(data)
    kind = "markdown" if path.lower().endswith((".md", ".markdown")) else "text"
    return Document(path=path, text=blank_line_numbers(text), kind=kind, encoding=encoding)
