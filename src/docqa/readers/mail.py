"""Email (Python's ``email`` package): one message (``.eml``) or a mailbox of them (``.mbox``).

Each message becomes its headers as a mail program prints them ("From:", "Date:", "To:", "Subject:"), then its
text: the plain-text part, else the HTML part's main text (trafilatura, ``docqa[html]``); in a mailbox, without
the earlier messages a reply quotes below its own words (the mailbox holds them, each once).  The attribution
reads the headers as it reads a thread pasted into a text file: each message's words are its sender's.  The
title is the first message's subject, the date its "Date:" header.

>>> raw = (b"From: Marisol Ferreira <mf@example.org>\\nTo: ops@example.org\\nSubject: Gates\\n"
...        b"Date: Tue, 04 Mar 2025 09:12:00 +0000\\n\\nMove the inspection to April.\\n")
>>> doc = read(raw, "a.eml")
>>> doc.title, doc.date
('Gates', '2025-03-04')
>>> print(doc.text)
From: Marisol Ferreira <mf@example.org>
Date: Tue, 04 Mar 2025 09:12:00 +0000
To: ops@example.org
Subject: Gates
<BLANKLINE>
Move the inspection to April.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import re
from email.message import EmailMessage

from docqa.errors import UnreadableFileError
from docqa.language.labels import MAIL_QUOTED, MAIL_WROTE
from docqa.readers._common import TextBuilder, need
from docqa.readers.dates import iso
from docqa.records import Document

EXTENSIONS = (".eml", ".mbox")
_HEADERS = ("From", "Date", "To", "Cc", "Subject")
_MBOX_SEPARATOR = re.compile(rb"(?m)^From [^\n]*\n")  # each message of an mbox opens with a "From " line


def read(data: bytes, path: str) -> Document:
    chunks = _MBOX_SEPARATOR.split(data) if path.lower().endswith(".mbox") else [data]
    messages = [email.message_from_bytes(chunk, policy=email.policy.default) for chunk in chunks if chunk.strip()]
    built = TextBuilder()
    for message in messages:
        headers = [f"{name}: {' '.join(value.split())}" for name in _HEADERS if (value := _header(message, name))]
        body = _body(message)
        if len(messages) > 1:  # a mailbox holds the messages a reply quotes: read each once, as its own sender's
            body = _without_quoted_history(body)
        if headers or body:
            built.add("\n".join(headers))
            for paragraph in re.split(r"\n[ \t>]*\n", body):
                built.add(paragraph)
    if not built.text:
        raise UnreadableFileError("no message found")
    first = messages[0] if messages else None
    title = " ".join(_header(first, "Subject").split()) if first is not None else ""
    return Document(path=path, text=built.text, kind="email", title=title, date=_date(first))


# Where a reply's quotation of the earlier messages begins: "On …, X wrote:", "-----Original Message-----", a
# forwarded message's line, or a run of lines that all open with ">"
_QUOTED_TAIL = re.compile(r"(?m)^(?:[ \t]*>[^\n]*(?:\n|$)){2,}\s*\Z")  # the ">" lines a reply ends with


def _without_quoted_history(body: str) -> str:
    """A reply's own words, without the earlier messages it quotes below them (which a mailbox holds as messages of
    their own); a body that is all quotation stays as it is.

    >>> _without_quoted_history("Agreed.\\n\\nOn Mon, 3 Mar 2025 at 16:40, Ana Ruiz <a@x.org> wrote:\\n> Shall we?\\n")
    'Agreed.'
    """
    found = (MAIL_WROTE.search(body), MAIL_QUOTED.search(body), _QUOTED_TAIL.search(body))
    cut = min((m.start() for m in found if m is not None), default=len(body))
    return body[:cut].rstrip() or body


def _body(message: EmailMessage) -> str:
    """The message's text: its plain part, else the main text of its HTML part; attachments are not read."""
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, ValueError):  # an unknown charset or a broken encoding: the bytes as best they decode
        content = (part.get_payload(decode=True) or b"").decode("utf-8", "replace")
    if part.get_content_subtype() == "html":
        content = need("trafilatura", "html").extract(content, output_format="txt", favor_recall=True) or ""
    return content.replace("\r\n", "\n").strip()


def _header(message: EmailMessage, name: str) -> str:
    """A header's value as the email package reads it; as written where the package cannot parse it (a "From:, :" makes
    the standard library's address parser raise IndexError), so that a broken header is read, not a crash."""
    try:
        value = message[name]
    except Exception:  # noqa: BLE001 - the parser's own bugs (IndexError, AttributeError …) on malformed headers
        value = next((raw for key, raw in message.raw_items() if key.lower() == name.lower()), None)
    return str(value) if value else ""


def _date(message: EmailMessage | None) -> str | None:
    """The day a message was sent, from its "Date:" header (RFC 5322, read by the email package)."""
    if message is None or not _header(message, "Date"):
        return None
    try:
        return iso(email.utils.parsedate_to_datetime(_header(message, "Date")))
    except (TypeError, ValueError):
        return None
