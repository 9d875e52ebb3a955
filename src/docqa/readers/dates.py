"""When a document was published: from its format's metadata, an ISO date in its file name, or a date
written near its top ("WASHINGTON, March 23, 2021 —").  Dates are parsed by ``dateparser`` (strict),
never by hand; the answer is an ISO day, ``YYYY-MM-DD``, or None.

>>> from_filename("2021-01-20-press-briefing-by-press-secretary-jen-psaki.txt")
'2021-01-20'
>>> in_text("WASHINGTON, March 23, 2021 — NATO ministers met.")
'2021-03-23'
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December"
           "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec")  # "23 Mar. 2021" as well as "March 23, 2021"
_WRITTEN = re.compile(rf"\b(?:(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+(?:{_MONTHS})\.?\s+\d{{4}})\b")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
TOP = 1_000  # characters of a text where its date, if written, stands


def iso(value: object) -> str | None:
    """An ISO day from a date, a datetime, or a string dateparser reads strictly; None otherwise.

    >>> iso("D:20210323101500Z"), iso(dt.date(2021, 3, 23)), iso("not a date")
    ('2021-03-23', '2021-03-23', None)
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    pdf = re.fullmatch(r"D:(\d{4})(\d{2})(\d{2}).*", text)  # PDF metadata dates
    if pdf:
        text = "-".join(pdf.groups())
    match = _ISO.search(text)
    if match:
        try:
            return dt.date(*map(int, match.groups())).isoformat()
        except ValueError:
            return None
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month",
                                                                                                          "year"]})
    return parsed.date().isoformat() if parsed else None


def from_filename(name: str) -> str | None:
    """An ISO date in a file name, as archives name files (``2021-01-20-press-briefing…``)."""
    match = _ISO.search(name.replace("\\\\", "/").rsplit("/", 1)[-1])
    return iso(match.group(0)) if match else None


def in_text(text: str) -> str | None:
    """A full date written near the top of a text (a dateline, a "January 20, 2021" line).

    >>> in_text("Strengthening the Bond  • 23 Mar. 2021 -  • Last updated: 23 Mar. 2021 12:07")
    '2021-03-23'
    """
    match = _WRITTEN.search(text[:TOP])
    return iso(match.group(0)) if match else None
