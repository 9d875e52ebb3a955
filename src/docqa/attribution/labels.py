"""Transcript speaker labels: the ``NAME:`` that opens a turn, and what is not one.

>>> parse_label("ANTONY BLINKEN: Thank you.", 0, 26).name
'ANTONY BLINKEN'
>>> parse_label("Last updated: 23 Mar. 2021 12:07", 0, 32) is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docqa.language.labels import NOT_SPEAKERS, is_speaker_label

_LABEL = re.compile(
    r"[ \t>•*\-–]*(?:\*\*|__|\[)?(?P<name>[^\s:\[\]*][^\n:\[\]*]{0,59}?)[ \t]*(?:\*\*|__|\])?[ \t]*:(?:\*\*|__)?(?=[ \t\n]|$)"
)
# Labels that name a role in the conversation rather than a person; the first of each group is canonical.
ROLE_LABELS = (
    ("QUESTION", {"q", "q.", "question", "questioner", "reporter", "journalist", "the press"}),
    ("ANSWER", {"a", "a.", "answer"}),
)
GENERIC_ROLES = {
    "moderator", "host", "interviewer", "interpreter", "translator", "operator", "participant",
    "audience", "audience member", "audience members", "aide", "staff", "speaker", "narrator",
    "announcer", "chair", "chairman", "chairwoman", "the president", "the vice president",
    "the first lady", "the second gentleman", "senior administration official", "child", "crowd",
    "multiple speakers", "unidentified speaker", "unknown speaker", "unidentified", "presenter",
    "panelist", "voice", "off-mic", "several", "all", "military aide", "white house aide",
}


@dataclass(frozen=True)
class Label:
    """A speaker label opening a paragraph: the name as written and where the speech begins."""

    name: str
    start: int
    end: int
    body_start: int


# Interviews printed as "Q. How bad is it?" / "A. Very."
_QA_LABEL = re.compile(r"[ \t]*(?P<name>Q|A)\.[ \t]+(?=[A-Z0-9“\"'])")


def parse_label(text: str, start: int, end: int) -> Label | None:
    """The speaker label at the start of ``text[start:end]``, or None.

    >>> parse_label("Q. How bad is it?", 0, 17).name
    'Q'
    """
    match = _LABEL.match(text, start, end)
    if not match:
        match = _QA_LABEL.match(text, start, end)
        if not match:
            return None
        return Label(name=match.group("name"), start=match.start("name"), end=match.end("name"), body_start=match.end())
    name = match.group("name").strip()
    if not is_speaker_label(name):
        return None
    body = match.end()
    while body < end and text[body] in " \t":
        body += 1
    return Label(name=name, start=match.start("name"), end=match.start("name") + len(match.group("name").rstrip()),
                 body_start=body)


def is_aside(text: str, start: int, end: int) -> bool:
    """Whether a paragraph opens with a non-speaker heading such as "Note:" or "Action items:" (narration)."""
    match = _LABEL.match(text, start, end)
    return bool(match) and match.group("name").strip().lower().strip(" .") in NOT_SPEAKERS


def generic_role(name: str) -> str | None:
    """Labels that name a generic role or a numbered speaker ("MODERATOR", "SPEAKER_00"), as written."""
    key = name.lower().strip()
    if key in GENERIC_ROLES or re.fullmatch(r"(speaker|spk|participant|person|voice|male|female)[ _-]?(\d+|[a-z])", key):
        return name.strip().upper() if name.isupper() else name.strip()
    return None


def role_label(name: str) -> str | None:
    """The canonical role for labels that name a role ("Q" -> "QUESTION"), else None."""
    key = name.lower().strip()
    for canonical, variants in ROLE_LABELS:
        if key in variants:
            return canonical
    return generic_role(name)
