"""Looking a written name, label, title or role up among the corpus's speakers at question time.

Built from the index's alias table (written by ``docqa.attribution.speakers``); a name that matches
no alias gets the closest known speakers as suggestions.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from docqa.attribution.names import alias_key


@dataclass
class Resolution:
    """What a written name or role in a question refers to."""

    speaker_id: int | None
    candidates: list[int]
    suggestions: list[str]


class SpeakerDirectory:
    """Looks written names and roles up among the corpus's speakers (built from the index's alias table).

    >>> d = SpeakerDirectory([("antony blinken", "Antony Blinken", 1, "name"), ("blinken", "Blinken", 1, "surname")],
    ...                      {1: "Antony Blinken"}, {1: 4})
    >>> d.resolve("Blinken").speaker_id
    1
    >>> d.resolve("Blinkin").suggestions
    ['Antony Blinken']
    """

    def __init__(self, aliases: list[tuple[str, str, int, str]], names_by_id: dict[int, str], passages_by_id: dict[int, int]):
        self._aliases: dict[str, list[int]] = {}
        for key, _written, speaker_id, _kind in aliases:
            ids = self._aliases.setdefault(key, [])
            if speaker_id not in ids:
                ids.append(speaker_id)
        self.names = names_by_id
        self.passages = passages_by_id

    def resolve(self, phrase: str) -> Resolution:
        key = alias_key(phrase)
        ids = self._aliases.get(key)
        if not ids and key.endswith("s") and key[:-1] in self._aliases:
            ids = self._aliases[key[:-1]]
        if ids:
            best = max(ids, key=lambda i: (self.passages.get(i, 0) > 0, self.passages.get(i, 0), -i))
            return Resolution(best, sorted(ids), [])
        return Resolution(None, [], self.suggest(phrase))

    def suggest(self, phrase: str, limit: int = 3) -> list[str]:
        """Closest known speakers (by any alias) to a name that matched none."""
        key = alias_key(phrase)
        close = difflib.get_close_matches(key, list(self._aliases), n=10, cutoff=0.6)
        out: list[str] = []
        for alias in close:
            for speaker_id in self._aliases[alias]:
                name = self.names[speaker_id]
                if name not in out and self.passages.get(speaker_id, 0) > 0:
                    out.append(name)
        return out[:limit]
