"""Word documents (python-docx): paragraphs, with bold or "Name:" speaker labels recognised."""

from __future__ import annotations

import io

from docqa.errors import UnreadableFileError
from docqa.language.labels import is_speaker_label
from docqa.readers._common import TextBuilder, need
from docqa.readers.dates import iso
from docqa.records import Document

EXTENSIONS = (".docx",)


def read(data: bytes, path: str) -> Document:
    docx = need("docx", "docx")
    try:
        word = docx.Document(io.BytesIO(data))
        paragraphs = word.paragraphs
        title = (word.core_properties.title or "").strip()
        # a file written from python-docx's own template carries that template's 2013 date, not the author's
        date = iso(word.core_properties.created) if word.core_properties.author != "python-docx" else None
    except Exception as exc:
        raise UnreadableFileError(f"unreadable Word file ({type(exc).__name__})") from None
    built = TextBuilder()
    for paragraph in paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        bold = "".join(run.text for run in _leading_bold(paragraph)).strip()
        label = bold.rstrip(":").strip()
        if label and is_speaker_label(label) and len(bold) < len(text):
            # "**Tom O'Brien:** The billing..." or "**Tom O'Brien** The billing...": a turn label in bold
            built.add(f"{label}: {text[len(bold):].lstrip(' :')}")
        else:
            built.add(text)
    return Document(path=path, text=built.text, kind="docx", encoding="docx", title=title, date=date)


def _leading_bold(paragraph):  # type: ignore[no-untyped-def]
    for run in paragraph.runs:
        if not run.text.strip():
            continue
        if not run.bold:
            break
        yield run
