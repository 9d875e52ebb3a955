"""How a document's path is stored and shown: relative to the working folder when inside it, else absolute."""

from __future__ import annotations

from pathlib import Path


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
