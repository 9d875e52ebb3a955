"""Length-preserving Unicode normalisation, so offsets found in the normalised text hold in the source.

Every character is replaced by exactly one character: exotic spaces (no-break, narrow no-break,
thin, ideographic...) become a plain space, compatibility forms fold (NFKC) when that yields one
character, and invisible format characters become a space.  Quotes and dashes are kept: they carry
meaning for attribution.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_KEEP = set("“”‘’„«»‹›—–")


@lru_cache(maxsize=4096)
def _fold(ch: str) -> str:
    if ch in _KEEP:
        return ch
    category = unicodedata.category(ch)
    if category == "Zs" or category in ("Cf", "Zl", "Zp"):
        return " " if ch not in ("\u2028", "\u2029") else "\n"
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


def normalize(text: str) -> str:
    """Return ``text`` with the same length, exotic spaces and compatibility characters folded.

    >>> normalize("Antony\\u00a0Blinken\\u202fsaid")
    'Antony Blinken said'
    >>> len(normalize("ﬁ")) == 1
    True
    """
    if text.isascii():
        return text
    return "".join(ch if ch.isascii() else _fold(ch) for ch in text)
