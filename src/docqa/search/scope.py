"""Which documents a ``--doc`` pattern means: a path, a glob, or a substring of the stored paths."""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence
from pathlib import Path

from docqa.errors import DocqaError
from docqa.paths import display_path
from docqa.storage import DocumentRow


def document_ids(documents: Sequence[DocumentRow], pattern: str) -> tuple[int, ...]:
    """Ids of documents whose path equals, glob-matches or contains ``pattern``; an error if none does.

    >>> docs = [DocumentRow(1, "seeds/a.txt", "text", "utf-8", "", 0, False),
    ...         DocumentRow(2, "b.txt", "text", "utf-8", "", 0, False)]
    >>> document_ids(docs, "seeds/*"), document_ids(docs, "b.txt")
    ((1,), (2,))
    """
    wanted = Path(pattern).as_posix()
    try:  # a pattern can be no file name at all: too long for one (ENAMETOOLONG), a NUL byte in it
        normal = display_path(Path(pattern)) if Path(pattern).exists() else wanted
    except (OSError, ValueError):
        normal = wanted
    ids = tuple(d.id for d in documents if d.path in (wanted, normal) or fnmatch.fnmatch(d.path, wanted) or wanted in d.path)
    if not ids:
        raise DocqaError(f"no document in the index matches {pattern!r}")
    return ids
