"""An index folder on disk: generations written beside the live one and swapped in with one atomic rename.

Layout (a folder a person can look into)::

    index/
      CURRENT                 name of the live generation (replaced atomically)
      gen-<time>-<id>/        one complete, immutable version of the index (see ``docqa.storage.local``)
      .tmp-<id>/              a generation being written (removed by the next writer if a build died)
      .lock                   held by the one process writing

A generation is never modified after it is committed, so readers open it read-only; a crash while
writing leaves only a ``.tmp-*`` folder.  The generation just replaced is kept for readers that
opened it a moment ago; older ones are removed.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docqa.errors import IndexFormatError, IndexLockedError, IndexNotFoundError
from docqa.storage.base import check_format

CURRENT = "CURRENT"
MANIFEST = "manifest.json"


def fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def fsync_file(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


@contextlib.contextmanager
def writer_lock(root: Path) -> Iterator[None]:
    """Hold the index's writer lock, or fail at once with a clear message."""
    root.mkdir(parents=True, exist_ok=True)
    handle = open(root / ".lock", "a+")
    try:
        try:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # pragma: no cover - not POSIX: no cross-process lock
            pass
        except OSError:
            raise IndexLockedError(f"another docqa process is writing the index at {root}; "
                                   "try again when it has finished") from None
        yield
    finally:
        handle.close()


def new_generation(root: Path) -> Path:
    """A fresh temporary folder for a generation being written (stale ones of dead builds are removed)."""
    for stale in root.glob(".tmp-*"):
        shutil.rmtree(stale, ignore_errors=True)
    folder = root / f".tmp-{uuid.uuid4().hex[:12]}"
    folder.mkdir()
    return folder


def commit_generation(root: Path, folder: Path, manifest: dict[str, Any]) -> Path:
    """Write the manifest, make every file durable, and swap ``folder`` in as the live generation."""
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    for file in folder.iterdir():
        if file.is_file():
            fsync_file(file)
    fsync_dir(folder)
    final = root / f"gen-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
    os.rename(folder, final)
    previous = _current_name(root)
    pointer = root / f".{CURRENT}.{uuid.uuid4().hex[:8]}"
    pointer.write_text(final.name + "\n", encoding="utf-8")
    fsync_file(pointer)
    os.replace(pointer, root / CURRENT)
    fsync_dir(root)
    # Keep the generation just replaced: a reader that opened it a moment ago may still load
    # files from it (the query encoder is loaded on first use). Older ones go.
    for old in root.glob("gen-*"):
        if old.name not in (final.name, previous):
            shutil.rmtree(old, ignore_errors=True)
    for stray in root.glob(f".{CURRENT}.*"):
        stray.unlink(missing_ok=True)
    return final


def _current_name(root: Path) -> str | None:
    try:
        return (root / CURRENT).read_text(encoding="utf-8").strip() or None
    except (OSError, UnicodeDecodeError):
        return None


def live_generation(root: Path) -> Path:
    """The folder of the live generation; a clear error if there is no index at ``root``."""
    pointer = root / CURRENT
    if not pointer.is_file():
        if root.is_dir() and (root / MANIFEST).exists():
            raise IndexFormatError(f"{root} is not a docqa index of a format this version reads")
        raise IndexNotFoundError(f"no docqa index in {root.as_posix().rstrip('/')}/: "
                                 "build one with `docqa index PATH`, or pass --index DIR")
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        raise IndexFormatError(f"the index at {root} is damaged: unreadable {CURRENT} file") from None
    gen = root / name
    if not name or "/" in name or not gen.is_dir():
        raise IndexFormatError(f"the index at {root} is damaged: {CURRENT} names a missing generation")
    return gen


def read_manifest(gen: Path) -> dict[str, Any]:
    try:
        manifest = json.loads((gen / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise IndexFormatError(f"the index at {gen.parent} is damaged: unreadable {MANIFEST}") from None
    if not isinstance(manifest, dict) or "format" not in manifest:
        raise IndexFormatError(f"the index at {gen.parent} is damaged: {MANIFEST} is not a docqa manifest")
    check_format(manifest, str(gen.parent))
    return manifest
