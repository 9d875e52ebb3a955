"""Helpers the format readers share: building text from parts while recording turns and locations."""

from __future__ import annotations

import importlib
from types import ModuleType

from docqa.records import Location, Turn


def need(module: str, extra: str) -> ModuleType:
    """Import a format's library, or explain in one line which extra installs it."""
    from docqa.readers import UnreadableFileError

    try:
        return importlib.import_module(module)
    except ImportError:
        raise UnreadableFileError(f"reading this format needs {module}: pip install 'docqa[{extra}]'") from None


class TextBuilder:
    """Joins paragraphs with blank lines, remembering where each starts, its speaker and page or time."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.turns: list[Turn] = []
        self.locations: list[Location] = []

    def add(self, text: str, speaker: str | None = None, page: int | None = None, time: float | None = None,
            turn: bool = False) -> None:
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
            self.turns.append(Turn(start, self.length, speaker))
        if (page is not None or time is not None) and (not self.locations or (self.locations[-1].page, self.locations[-1].time) != (page, time)):
            self.locations.append(Location(start, page, time))

    @property
    def text(self) -> str:
        return "".join(self.parts)
