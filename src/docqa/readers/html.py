"""HTML (trafilatura): the main text of the page, not its navigation; paragraphs kept as paragraphs."""

from __future__ import annotations

from docqa.errors import UnreadableFileError
from docqa.readers._common import TextBuilder, need
from docqa.readers.dates import iso
from docqa.readers.decoding import decode
from docqa.records import Document

EXTENSIONS = (".html", ".htm")


def read(data: bytes, path: str) -> Document:
    trafilatura = need("trafilatura", "html")
    html, encoding = decode(data)
    text = trafilatura.extract(html, output_format="txt", include_comments=False, include_tables=False, favor_recall=True)
    if not text:
        raise UnreadableFileError("no main text found in the HTML")
    built = TextBuilder()
    for paragraph in text.split("\n"):
        built.add(paragraph)
    metadata = trafilatura.extract_metadata(html)
    title = (getattr(metadata, "title", None) or "").strip()
    date = _published(html)
    return Document(path=path, text=built.text, kind="html", encoding=encoding, title=title, date=date)


def _published(html: str) -> str | None:
    """The page's publication day from its markup (meta tags, time elements, structured data) by htmldate;
    no guessing from years that merely appear in the text."""
    try:
        import htmldate
    except ImportError:
        return None
    try:
        return iso(htmldate.find_date(html, extensive_search=False, original_date=True))
    except Exception:  # htmldate raises on odd markup: a page with no date is still a page
        return None
