"""Files given to a build: how a document's path is stored and shown, and how large a file may be."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

Warn = Callable[[str, str], None]  # how a build reports a file it skipped: (path, reason)
DEFAULT_MAX_BYTES = 20_000_000  # files larger than this are skipped by a build (--max-size; None: no limit)


def display_path(path: Path) -> str:
    """The path as stored: relative to the working folder when inside it, else absolute (POSIX slashes).

    >>> display_path(Path("seeds") / "a.txt")
    'seeds/a.txt'
    """
    absolute = path.absolute()
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.as_posix()
