"""A question and its options, validated once: what the CLI, the HTTP API, the search page, MCP and
``Index.ask`` all build, with one set of defaults and limits.

Adding an option is a field here (with its help text) and one line per interface that reads it.

>>> AskRequest("what did Blinken say about Turkey", k=3).k
3
>>> AskRequest("q", k=0)
Traceback (most recent call last):
...
docqa.errors.DocqaError: k must be between 1 and 1,000, not 0
>>> AskRequest.from_strings({"q": "q", "k": "7", "all": "true"}).cutoff
False
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from docqa.errors import DocqaError

MODES = ("dense", "lexical", "hybrid")
DEFAULT_MODE = "hybrid"
SORTS = ("score", "date")
MAX_K = 1000
MAX_CONTEXT = 20
MAX_QUESTION = 10_000  # characters; the model reads about 200 words of it anyway
MAX_FILTER = 1_000  # characters of a --speaker or --doc value


def check_mode(mode: str | None) -> str:
    """The retrieval mode to use: the default for None, else one of MODES (a clear error otherwise).

    >>> check_mode(None)
    'hybrid'
    """
    if mode is None:
        return DEFAULT_MODE
    if mode not in MODES:
        raise DocqaError(f"unknown mode {mode!r}: use one of {', '.join(MODES)}")
    return mode


def check_scope(request: Any) -> None:
    """Validate, in place, the filters a question and a quote check share (``speaker``, ``doc``, ``since``,
    ``until`` of a frozen dataclass): a blank filter is no filter; too long, or a day that is no day, an error."""
    for name in ("speaker", "doc"):
        value = getattr(request, name)
        if value is not None and not value.strip():
            object.__setattr__(request, name, None)
        elif value is not None and len(value) > MAX_FILTER:
            raise DocqaError(f"the {name} filter is {len(value):,} characters long; the limit is {MAX_FILTER:,}")
    object.__setattr__(request, "since", check_day(request.since, "since"))
    object.__setattr__(request, "until", check_day(request.until, "until"))


def check_day(value: str | None, name: str) -> str | None:
    """An ISO day (YYYY-MM-DD) or None; a clear error for anything else.

    >>> check_day("2022-01-01", "since"), check_day(None, "until")
    ('2022-01-01', None)
    """
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise DocqaError(f"--{name} must be a day written YYYY-MM-DD, not {value!r}") from None


def _help(text: str, **more: Any) -> Any:
    return field(default=more.pop("default"), metadata={"help": text, **more})


@dataclass(frozen=True)
class AskRequest:
    """One question with its options.  Invalid values raise ``DocqaError`` with one clear line."""

    question: str
    k: int = _help("Number of passages to show", default=5, limits=(1, MAX_K))
    speaker: str | None = _help("Only this speaker's words (any name, label, title or role)", default=None)
    doc: str | None = _help("Only documents whose path matches (path, glob or substring)", default=None)
    mode: str = _help("dense (meaning), lexical (words, BM25) or hybrid (both)", default=DEFAULT_MODE, choices=MODES)
    context: int = _help("Also show this many passages before and after each hit", default=0, limits=(0, MAX_CONTEXT))
    since: str | None = _help("Only documents dated on or after this day (YYYY-MM-DD)", default=None)
    until: str | None = _help("Only documents dated on or before this day (YYYY-MM-DD)", default=None)
    sort: str = _help("Order the passages found by relevance (score) or by date, oldest first", default="score", choices=SORTS)
    cutoff: bool = _help("Leave out passages much weaker than the best (false: show all k)", default=True)
    highlight: bool = _help("Mark the best sentences of each passage", default=True)

    def __post_init__(self) -> None:
        if not isinstance(self.question, str) or not self.question.strip():
            raise DocqaError("the question is empty")
        if len(self.question) > MAX_QUESTION:
            raise DocqaError(f"the question is {len(self.question):,} characters long; the limit is {MAX_QUESTION:,}")
        for name in ("k", "context"):
            low, high = self.limits(name)
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise DocqaError(f"{name} must be between {low:,} and {high:,}, not {value!r}")
        object.__setattr__(self, "mode", check_mode(self.mode))
        if self.sort not in SORTS:
            raise DocqaError(f"unknown sort {self.sort!r}: use score or date")
        check_scope(self)

    @staticmethod
    def limits(name: str) -> tuple[int, int]:
        """The (lowest, highest) value of a whole-number option."""
        return next(f.metadata["limits"] for f in fields(AskRequest) if f.name == name)

    @staticmethod
    def default(name: str) -> Any:
        return next(f.default for f in fields(AskRequest) if f.name == name)

    @staticmethod
    def options() -> list[dict[str, Any]]:
        """Every option with its type, default, help and limits or choices: what interfaces document."""
        out = []
        for f in fields(AskRequest):
            if f.name == "question":
                continue
            kind = {"int": int, "bool": bool}.get(str(f.type).split(" ")[0], str)
            out.append({"name": f.name, "type": kind, "default": f.default, **f.metadata})
        return out

    def with_options(self, **changes: Any) -> AskRequest:
        """The same question with some options changed (validated again)."""
        return replace(self, **changes)

    @classmethod
    def from_strings(cls, params: Mapping[str, str], **defaults: Any) -> AskRequest:
        """A request from text parameters (a URL's query): ``q`` is the question, ``all=true`` turns the
        cut-off off; ``defaults`` replace the usual defaults (the search page shows 10 hits with context).
        A value that is not of its option's type is one clear error."""
        values: dict[str, Any] = dict(defaults)
        for option in cls.options():
            name = option["name"]
            raw = params.get(name)
            if raw is None or not str(raw).strip():
                continue  # a blank field of a form is the default
            if option["type"] is int:
                try:
                    values[name] = int(raw)
                except ValueError:
                    raise DocqaError(f"{name} must be a whole number, not {raw!r}") from None
            elif option["type"] is bool:
                values[name] = _boolean(name, raw)
            else:
                values[name] = str(raw).strip()
        if "all" in params and str(params["all"]).strip():
            values["cutoff"] = not _boolean("all", params["all"])
        return cls(params.get("q") or "", **values)


def _boolean(name: str, raw: str) -> bool:
    text = str(raw).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise DocqaError(f"{name} must be true or false, not {raw!r}")
