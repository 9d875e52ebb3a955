"""Helpers the format readers share: building text from parts while recording turns and locations."""

from __future__ import annotations

import importlib
import importlib.util
import re
from types import ModuleType

from docqa.errors import UnreadableFileError
from docqa.records import Location, Turn


def need(module: str, extra: str) -> ModuleType:
    """Import a format's library, or explain in one line which extra installs it."""
    if importlib.util.find_spec(module) is None:
        raise UnreadableFileError(f"reading this format needs {module}: pip install 'docqa[{extra}]'")
    try:
        return importlib.import_module(module)
    except ImportError as exc:  # installed, but broken: say what failed, not that it is missing
        raise UnreadableFileError(f"{module} is installed but failed to import ({exc}); "
                                  f"reinstall it: pip install 'docqa[{extra}]'") from None


_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_SMALL = {"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "from", "about"}


def title_from_filename(path: str) -> str:
    """A title read from a file name made of words, as many archives name files; "" when it holds none.

    >>> title_from_filename("2021-01-20-press-briefing-by-press-secretary-jen-psaki-january-20-2021.txt")
    'Press Briefing by Press Secretary Jen Psaki'
    >>> title_from_filename("notes.txt"), title_from_filename("003_77c0cd11773da1a4.txt")
    ('', '')
    """
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", path.replace("\\", "/").rsplit("/", 1)[-1])
    words = [w for w in re.split(r"[-_\s]+", stem) if w]
    while words and not words[0].isalpha():  # a leading date or number
        words = words[1:]
    text = " ".join(words)
    text = re.sub(rf"\s+(?:{_MONTHS})\s+\d{{1,2}}(?:\s+\d{{4}})?$", "", text, flags=re.I)  # a trailing date
    text = re.sub(r"(?:\s+\d+)+$", "", text)
    words = text.split()
    if len([w for w in words if w.isalpha()]) < 3:
        return ""
    return " ".join(w if w in _SMALL and i else w.capitalize() if w.islower() else w for i, w in enumerate(words))


# A court reporter's page numbers each line in a gutter at its left, 1 to 25 (28 on pleading paper) and again from 1 on
# the next page: "10   A.   Yes. Two drivers told me on the Monday." (a number alone is an empty line).
_GUTTER = re.compile(r"^([ \t]*)(\d{1,2})(?=[ \t]{2,}|\t|[ \t]*$)", re.M)
GUTTER_LINES = 10  # numbered lines a document needs before its numbers are read as a gutter
GUTTER_SHARE = 0.7  # of its lines with any text, at least this many numbered
GUTTER_RUNS = 0.8  # of the numbered lines, at least this many counting on from the one before, or starting a page at 1
GUTTER_PAGE = 28  # the most lines a page numbers


def blank_line_numbers(text: str) -> str:
    """``text`` with a court transcript's line-number gutter blanked: the numbers become spaces (the offsets stay), so
    that "10   A.   Yes." opens with its answer label and a numbered empty line is blank.  Text without a gutter,
    numbered paragraphs or a list, comes back as it is.

    >>> page = "".join(f"{n:>2}   Q.   Where were you on day {n}?\\n{n + 1:>2}   A.   At\\n{n + 2:>2}   home.\\n"
    ...                for n in (1, 4, 7, 10))
    >>> blank_line_numbers(page).splitlines()[:3]
    ['     Q.   Where were you on day 1?', '     A.   At', '     home.']
    >>> blank_line_numbers("1  Apples\\n2  Pears\\n") == "1  Apples\\n2  Pears\\n"
    True
    """
    found = list(_GUTTER.finditer(text))
    if len(found) < GUTTER_LINES:
        return text
    written = sum(1 for line in text.splitlines() if line.strip())
    numbers = [int(match.group(2)) for match in found]
    runs = sum(1 for before, n in zip([0, *numbers], numbers, strict=False) if n == before + 1 or n == 1)
    if len(found) < GUTTER_SHARE * written or runs < GUTTER_RUNS * len(found) or max(numbers) > GUTTER_PAGE:
        return text
    # a list counts its items too: a gutter also numbers what no list does, an empty line, a sentence's second line
    # ("3    spring?"), or starts a new page at 1
    rest = [text[match.end():text.find("\n", match.end()) % (len(text) + 1)].strip() for match in found]
    if not any(not line or line[0].islower() for line in rest) \
            and not any(n == 1 and before >= 20 for before, n in zip(numbers, numbers[1:], strict=False)):
        return text
    out = list(text)
    for match in found:
        out[match.start(2):match.end(2)] = " " * (match.end(2) - match.start(2))
    return "".join(out)


class TextBuilder:
    """Joins paragraphs with blank lines, remembering where each starts, its speaker and page or time."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.turns: list[Turn] = []
        self.locations: list[Location] = []

    def add(self, text: str, speaker: str | None = None, page: int | None = None, time: float | None = None,
            turn: bool = False, note: bool = False) -> None:
        text = " ".join(text.split()) if turn else text.strip()
        if not text:
            return
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        if turn:
            self.turns.append(Turn(start, self.length, speaker, note))
        if (page is not None or time is not None) and (not self.locations or (self.locations[-1].page,
                                                                              self.locations[-1].time) != (page, time)):
            self.locations.append(Location(start, page, time))

    @property
    def text(self) -> str:
        return "".join(self.parts)


_STAMP = re.compile(r"(?:(?:\d+:)?\d{1,2}:)?\d+(?:[.,]\d+)?")


def seconds(stamp: str) -> float | None:
    """A recording's time as seconds: "00:01:05", "1:05.5", "65.2", "00:01:05,120"; None for anything else.

    >>> seconds("00:01:05,120"), seconds("65.2"), seconds(""), seconds("soon")
    (65.12, 65.2, None, None)
    """
    stamp = stamp.strip()
    if not _STAMP.fullmatch(stamp):
        return None
    total = 0.0
    for part in stamp.replace(",", ".").split(":"):
        total = total * 60 + float(part)
    return round(total, 3)
