"""Reading files into Documents: one small module per format, chosen by file extension.

Adding a format is one module that defines ``EXTENSIONS`` and ``read(data: bytes, path: str) ->
Document`` and one line in ``_READERS`` below.  A document's ``title`` comes from the format's
metadata where it has one, else from a file name made of words.

>>> from docqa.readers import supported_extensions
>>> ".txt" in supported_extensions()
True
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from types import ModuleType

from docqa.errors import UnreadableFileError
from docqa.paths import DEFAULT_MAX_BYTES
from docqa.readers import dates, docx, html, jsontranscript, mail, pdf, plaintext, subtitles, table
from docqa.readers._common import title_from_filename
from docqa.records import Document

__all__ = ["UnreadableFileError", "iter_files", "file_bytes", "parse", "read_document", "reader_for", "supported_extensions"]

# Each reader imports its format's library only when it reads a file of that format.
_READERS: tuple[ModuleType, ...] = (plaintext, pdf, docx, html, subtitles, jsontranscript, table, mail)


def supported_extensions() -> set[str]:
    return {ext for reader in _READERS for ext in reader.EXTENSIONS}


def reader_for(path: Path) -> ModuleType | None:
    suffix = path.suffix.lower()
    for reader in _READERS:
        if suffix in reader.EXTENSIONS:
            return reader
    return None


def read_document(path: str | os.PathLike[str], display_path: str | None = None,
                  max_bytes: int | None = DEFAULT_MAX_BYTES) -> Document:
    """Read one file.  Raises UnreadableFileError with a short reason if it cannot be read.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"; _ = p.write_bytes(b"\\xef\\xbb\\xbfHi\\r\\n")
    >>> read_document(p).text
    'Hi\\n'
    """
    file = Path(path)
    if reader_for(file) is None:
        raise UnreadableFileError(f"unsupported file type {file.suffix or '(none)'}")
    return parse(file, file_bytes(file, max_bytes), display_path or str(path))


def file_bytes(file: Path, max_bytes: int | None = DEFAULT_MAX_BYTES) -> bytes:
    """A file's bytes; UnreadableFileError if it is not a regular readable file within ``max_bytes``."""
    try:
        if file.is_symlink() and not file.exists():
            raise UnreadableFileError("broken symbolic link")
        info = file.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device named *.txt would block or never end
            raise UnreadableFileError("not a regular file")
        if max_bytes is not None and info.st_size > max_bytes:
            raise UnreadableFileError(f"{info.st_size / 1e6:.0f} MB is over the {max_bytes / 1e6:.0f} MB limit (--max-size)")
        return file.read_bytes()
    except OSError as exc:
        raise UnreadableFileError(exc.strerror or str(exc)) from None


def parse(file: Path, data: bytes, display_path: str) -> Document:
    """The Document in ``data``, the bytes of ``file``, by the reader of its extension."""
    reader = reader_for(file)
    if reader is None:
        raise UnreadableFileError(f"unsupported file type {file.suffix or '(none)'}")
    document = reader.read(data, display_path)
    if not document.title:
        document = replace(document, title=title_from_filename(file.name))
    if not document.date:
        document = replace(document, date=dates.from_filename(file.name) or dates.in_text(document.text))
    return document


def iter_files(paths: Iterable[str | os.PathLike[str]], on_skip: Callable[[str, str], None],
               on_other: Callable[[str], None] | None = None) -> Iterator[Path]:
    """Every supported file under ``paths`` (files or folders, recursive), sorted, each once.

    Paths that do not exist and folders that cannot be read are reported to ``on_skip``; files of
    other types inside a folder to ``on_other``; hidden files and folders inside a folder are passed
    over silently (editor back-ups, ``.git``).
    """
    seen: set[Path] = set()
    exts = supported_extensions()
    for given in paths:
        root = Path(given)
        try:
            is_dir = root.is_dir()
        except OSError as exc:
            on_skip(str(given), exc.strerror or str(exc))
            continue
        if is_dir:
            found = []

            def unreadable(error: OSError, given: str | os.PathLike[str] = given) -> None:
                on_skip(str(error.filename or given), f"folder cannot be read ({error.strerror or error})")

            for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                found.extend(Path(dirpath) / f for f in filenames if not f.startswith("."))
            for file in sorted(found):
                if file.suffix.lower() not in exts:
                    if on_other is not None:
                        on_other(str(file))
                elif file not in seen:
                    seen.add(file)
                    yield file
        elif root.exists() or root.is_symlink():
            if root not in seen:
                seen.add(root)
                yield root
        else:
            on_skip(str(given), "no such file or folder")
