"""Sentence boundaries with character offsets, robust to abbreviations, quotes and glued sentences.

Written here rather than taken from a library because attribution needs three things together that
the usual splitters (pysbd, syntok, NLTK punkt) do not give at once: exact offsets, sentences glued
without a space (``...2021.The top...``), and closing quotation marks kept with their sentence.
"""

from __future__ import annotations

import re

from docqa.language.lexicon import NON_TERMINAL

# After an initialism (U.S., U.N.) a sentence ends only if a typical sentence opener follows.
_OPENERS = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "in", "on", "at",
    "this", "that", "these", "those", "there", "his", "her", "its", "their", "our", "as", "if",
    "when", "while", "after", "before", "meanwhile", "however", "still", "yet", "so", "for", "to",
    "one", "some", "many", "most", "officials", "both",
}
_CLOSERS = "\"'”’»)]"
_OPENING = "\"'“‘«(["
# Terminal punctuation, closing marks, then either whitespace + a plausible sentence start, or
# (glued) directly an upper-case word of at least two letters.
_BOUNDARY = re.compile(
    r"(?P<term>[.!?…]+)(?P<close>[" + re.escape(_CLOSERS) + r"]*)"
    r"(?:(?P<space>\s+)(?=[" + re.escape(_OPENING) + r"]*[A-Z0-9\u00C0-\u024F\u0370-\u1FFF])"
    r"|(?=[A-Z][a-z]))"
)
_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
# A heading in capitals on its own line, over a line of ordinary text in the same paragraph ("2. PUBLIC COMMENT" over
# "Ana Ruiz, 14 Elm Street, spoke…"): a sentence of its own, whatever punctuation it lacks
_HEADING_LINE = re.compile(r"(?m)^(?P<heading>[ \t]*[^\s\na-z][^\na-z]*[A-Z]{2}[^\na-z.!?:;,]*)$"
                           r"(?=\n[ \t]*[\"“‘(]?[A-Z][a-z])")


def paragraphs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Blank-line separated paragraphs of ``text[start:end]`` as (start, end), whitespace trimmed.

    >>> paragraphs("One.\\n\\n  Two.\\n")
    [(0, 4), (8, 12)]
    """
    end = len(text) if end is None else end
    spans = []
    pos = start
    for match in _PARAGRAPH.finditer(text, start, end):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, end))
    return [trimmed for s, e in spans if (trimmed := _trim(text, s, e))[0] < trimmed[1]]


def split(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` as (start, end) offsets into ``text``, whitespace trimmed.

    >>> t = "Mr. Smith met U.S. officials.He left. “Yes,” he said."
    >>> [t[s:e] for s, e in split(t)]
    ['Mr. Smith met U.S. officials.', 'He left.', '“Yes,” he said.']
    >>> t = "2. PUBLIC COMMENT\\nAna Ruiz spoke against it."
    >>> [t[s:e] for s, e in split(t)]
    ['2.', 'PUBLIC COMMENT', 'Ana Ruiz spoke against it.']
    """
    end = len(text) if end is None else end
    sentences: list[tuple[int, int]] = []
    pos = start
    cuts = [(m.end("close") if m.group("close") else m.end("term")) for m in _BOUNDARY.finditer(text, start, end)
            if _is_boundary(text, m, start) and (m.group("space") is not None or _glued_ok(text, m))]
    cuts += [m.end("heading") for m in _HEADING_LINE.finditer(text, start, end)]
    for cut in sorted(set(cuts)):
        if cut > pos:
            sentences.append((pos, cut))
            pos = cut
    sentences.append((pos, end))
    return [trimmed for s, e in sentences if (trimmed := _trim(text, s, e))[0] < trimmed[1]]


def _is_boundary(text: str, match: re.Match[str], floor: int) -> bool:
    term = match.group("term")
    if term != ".":
        return True
    word_start = match.start("term")
    while word_start > floor and not text[word_start - 1].isspace() and text[word_start - 1] not in _OPENING:
        word_start -= 1
    word = text[word_start : match.start("term")]
    following = _next_word(text, match.end())
    if not word:
        return True
    bare = word.lower().rstrip(".")
    if match.group("close"):
        return True
    if bare in NON_TERMINAL:
        return False
    if len(word) == 1 and word.isalpha() and word.isupper():
        return False  # a middle initial: "John F. Kennedy"
    if "." in word and re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
        return following.lower() in _OPENERS  # "U.S" / "e.g" followed by the next word
    return True


def _glued_ok(text: str, match: re.Match[str]) -> bool:
    """A glued boundary ("2021.The") only after a lowercase letter or digit, not inside a URL or an initialism."""
    before = match.start("term")
    if before == 0 or not (text[before - 1].islower() or text[before - 1].isdigit()):
        return False
    token_start = before
    while token_start > 0 and not text[token_start - 1].isspace():
        token_start -= 1
    token = text[token_start:before]
    return "://" not in token and "www" not in token.lower() and "@" not in token and "." not in token


def _next_word(text: str, pos: int) -> str:
    match = re.match(r"[\s" + re.escape(_OPENING) + r"]*([\w'’]+)", text[pos : pos + 40])
    return match.group(1) if match else ""


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
