"""PDF (pypdf): the text of each page, with its page number kept on every passage."""

from __future__ import annotations

import io

from docqa.errors import UnreadableFileError
from docqa.readers._common import TextBuilder, blank_line_numbers, need
from docqa.readers.dates import iso
from docqa.records import Document

EXTENSIONS = (".pdf",)


def read(data: bytes, path: str) -> Document:
    pypdf = need("pypdf", "pdf")
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UnreadableFileError("encrypted PDF")
        pages = [page.extract_text() or "" for page in reader.pages]
        title = str((reader.metadata or {}).get("/Title") or "").strip()
        date = iso(str((reader.metadata or {}).get("/CreationDate") or ""))
    except UnreadableFileError:
        raise
    except Exception as exc:  # pypdf raises many kinds on damaged files
        raise UnreadableFileError(f"unreadable PDF ({type(exc).__name__})") from None
    built = TextBuilder()
    for number, page in enumerate(pages, start=1):
        for paragraph in page.replace("\r", "\n").split("\n\n"):  # label lines inside are split by the transcript parser
            built.add(paragraph, page=number)
    return Document(path=path, text=blank_line_numbers(built.text), kind="pdf", encoding="pdf", locations=tuple(built.locations),
                    title=title, date=date)
