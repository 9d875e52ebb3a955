"""Quotations and the words of a quote: where quotation marks open and close, where an ellipsis joins two
pieces, and each word as a key for aligning a quote with the text it may come from.

Attribution reads quotations to find who speaks; a quote check (``docqa.search.check``) asks whether
words it found were inside one.
"""

from __future__ import annotations

import re

from docqa.language.tokens import words

OPEN, CLOSE = "“«„", "”»"
SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"  # British style's quotation marks; the closing one is the apostrophe too
# An ellipsis marks words left out: "…", "...", ". . .", with or without brackets.
ELLIPSIS = re.compile(r"\s*\[?(?:…|\.\s?\.\s?\.)\]?\s*")


def quotation_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(opening mark, just after the closing mark) of each quotation in ``text[start:end]``: curly, guillemet
    and straight marks, and the single curly marks of British style, whose closing mark is also the
    apostrophe (a ’ between two letters, "we’ve", "BBC’s", closes nothing).  An unclosed double quotation runs
    to the end of its paragraph (a quote of several paragraphs opens each one again and closes only the last); an
    unclosed single one is none (a stray ‘ before "90s").

    >>> t = 'He said “yes.” Then "no'
    >>> [t[s:e] for s, e in quotation_spans(t)]
    ['“yes.”', '"no']
    >>> t = "‘We’ve tried,’ she said. ‘Not the ‘90s"
    >>> [t[s:e] for s, e in quotation_spans(t)]
    ['‘We’ve tried,’']
    >>> t = "'It's the law,' she said. 'Not in the '90s.' We don't."
    >>> [t[s:e] for s, e in quotation_spans(t)]   # straight single marks, as British copy typed plainly has them
    ["'It's the law,'", "'Not in the '90s.'"]
    >>> t = '"It is a hard blow.\\n\\n"Nobody should carry it alone."'
    >>> [t[s:e] for s, e in quotation_spans(t)]
    ['"It is a hard blow.', '"Nobody should carry it alone."']
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    kind = ""  # of the open quotation: "double", "straight" or "single" (curly or straight: ``closing``)
    closing = SINGLE_CLOSE
    for i in range(start, end):
        ch = text[i]
        if open_at is not None and ch == "\n" and kind != "single" and text[i + 1 : i + 2] == "\n":
            spans.append((open_at, i))  # a paragraph ends the quotation; the next paragraph opens it again
            open_at = None
        if open_at is None:
            if ch in OPEN:
                open_at, kind = i, "double"
            elif ch == '"':
                open_at, kind = i, "straight"
            elif (ch == SINGLE_OPEN or (ch == "'" and text[i + 1 : i + 2].isalpha())) \
                    and (i == start or not text[i - 1].isalnum()):
                open_at, kind, closing = i, "single", SINGLE_CLOSE if ch == SINGLE_OPEN else "'"
        elif (kind == "double" and ch in CLOSE) or (kind == "straight" and ch == '"') or (
                kind == "single" and ch == closing and not text[i - 1].isspace()
                and (i + 1 >= end or not text[i + 1].isalpha())):
            spans.append((open_at, i + 1))
            open_at = None
    if open_at is not None and end - open_at > 1 and kind != "single":
        spans.append((open_at, end))
    return [(s, e) for s, e in spans if not _nickname(text, s, e)]


# A name's nickname in quotation marks, between its first name and its surname: 'Ana "Nan" Ruiz'
NICKNAMED = re.compile(r"(?P<given>[A-Z][\w.'’-]*)[ ](?P<open>[\"“])(?P<nick>[A-Z][\w.'’-]*)[\"”][ ](?P<surname>[A-Z][\w'’-]+)")


def _nickname(text: str, start: int, end: int) -> bool:
    """Whether the quotation ``text[start:end]`` is a name's nickname (``NICKNAMED``), no quotation at all.

    >>> t = 'Ana "Nan" Ruiz said no. She called it "Nan" twice.'
    >>> [t[s:e] for s, e in quotation_spans(t)]
    ['"Nan"']
    """
    return any(m.start("open") == start and m.end("nick") + 1 == end
               for m in NICKNAMED.finditer(text, max(0, start - 40), min(len(text), end + 40)))


def without_nicknames(text: str, start: int, end: int) -> str:
    """``text`` with each quoted nickname of ``text[start:end]`` made spaces, the same length: 'Ana "Nan" Ruiz, a
    docker, said' reads as the name "Ana Ruiz" before its verb.

    >>> without_nicknames('Ana "Nan" Ruiz said "No" twice.', 0, 33)
    'Ana       Ruiz said "No" twice.'
    """
    found = list(NICKNAMED.finditer(text, start, end))
    if not found:
        return text
    chars = list(text)
    for match in found:
        chars[match.start("open") : match.end("nick") + 1] = " " * (match.end("nick") + 1 - match.start("open"))
    return "".join(chars)


def keys(text: str) -> list[tuple[int, int, str]]:
    """(start, end, key) of each word: lower case, one apostrophe, so "Don’t" and "don't" align.

    >>> [k for _, _, k in keys("We DON’T want 2,000")]
    ['we', "don't", 'want', '2', '000']
    """
    return [(w.start, w.end, w.text.lower().replace("’", "'")) for w in words(text)]


def pieces(quote: str) -> list[str]:
    """A quote's pieces, split where an ellipsis marks words left out (one piece without one).

    >>> pieces("We want peace … and we want it now.")
    ['We want peace', 'and we want it now.']
    """
    return [p for p in (part.strip(" \"“”'‘’") for part in ELLIPSIS.split(quote)) if p]
