"""Transcripts as tables: a CSV or TSV file with a header row naming a text column and, usually, a speaker and a start
column, as transcription services and spreadsheets export them ("Speaker,Start Time,End Time,Text"; "speaker\tstart\ttext").
Read with Python's ``csv`` module; the delimiter is the one of comma, tab and semicolon the header row uses.

>>> doc = read(b"Speaker,Start Time,Text\\nAna Ruiz,00:01:05,The pump failed.\\n", "t.csv")
>>> doc.text, doc.turns[0].speaker, doc.location(0).time
('The pump failed.', 'Ana Ruiz', 65.0)
"""

from __future__ import annotations

import csv
import io
import re

from docqa.errors import UnreadableFileError
from docqa.readers._common import TextBuilder, seconds
from docqa.readers.decoding import decode
from docqa.records import Document

EXTENSIONS = (".csv", ".tsv")

# Header names, compared in lower case without spaces, underscores or hyphens ("Start Time", "start_time", "start-time")
_TEXT = ("text", "transcript", "transcription", "utterance", "content", "words", "caption", "sentence", "message", "speech")
_SPEAKER = ("speaker", "speakername", "speakerlabel", "name", "participant", "who", "voice", "from", "sender", "author")
_START = ("start", "starttime", "begin", "begintime", "timestamp", "time", "timecode", "in", "startseconds", "starts")


def read(data: bytes, path: str) -> Document:
    text, encoding = decode(data)
    header_line = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = "\t" if path.lower().endswith(".tsv") else max(",\t;", key=header_line.count)
    try:  # the text, not its lines: a quoted cell may hold a line break
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter))
    except csv.Error as exc:  # "field larger than field limit (131072)"
        raise UnreadableFileError(f"unreadable table ({exc})") from None
    if not rows:
        raise UnreadableFileError("empty table: expected a header row with a text column")
    header = [re.sub(r"[\s_\-()]+|seconds$|secs?$", "", cell.lower()) for cell in rows[0]]
    column = _column(header, _TEXT)
    if column is None:
        raise UnreadableFileError(f"table is not a transcript: no text column among {', '.join(rows[0])[:120]} "
                                  f"(expected one of: {', '.join(_TEXT)})")
    speaker_at, start_at = _column(header, _SPEAKER), _column(header, _START)
    built = TextBuilder()
    for row in rows[1:]:
        if column >= len(row):
            continue
        speaker = row[speaker_at].strip() if speaker_at is not None and speaker_at < len(row) else ""
        stamp = row[start_at].strip() if start_at is not None and start_at < len(row) else ""
        built.add(row[column], speaker=speaker or None, time=seconds(stamp), turn=True)
    return Document(path=path, text=built.text, kind="table-transcript", encoding=encoding, title="",
                    turns=tuple(built.turns), locations=tuple(built.locations))


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    """The first column whose header is one of ``names`` (in the order ``names`` prefers)."""
    return next((header.index(name) for name in names if name in header), None)
