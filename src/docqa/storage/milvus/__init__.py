"""A Milvus store: the same index in a Milvus collection, for a team's corpus beyond one machine.

Selected by the location (``docqa.storage.open_reader`` / ``open_writer``):

* ``milvus-lite:PATH.db`` (optionally ``#COLLECTION``): Milvus Lite, in-process, a single file;
* ``milvus://HOST:19530/COLLECTION`` (``milvus+https://`` for TLS): a Milvus server or cluster; a
  token (``user:password`` or an API key) comes from ``DOCQA_MILVUS_TOKEN``.

One build is one *generation*: a passages collection (metadata, a dense field, a BM25 sparse field
that Milvus fills with its built-in BM25 function) and a records collection beside it (manifest,
documents, speakers with their counts, aliases).  The name the user gave is an **alias** that a
finished build swaps to its collections in one call, so a killed build never leaves a half-visible
corpus; the previous generation is kept for readers still on it, older ones are dropped.

Filters become Milvus filter expressions inside each search; hybrid mode is ``hybrid_search`` with
RRF (k = 60, the fusion the local store uses: the same ranking when the weights are equal).
Needs ``pip install 'docqa[scale]'`` (pymilvus + milvus-lite).

>>> parse_location("milvus-lite:./corpus.db")
Location(uri='./corpus.db', collection='docqa', token='')
>>> parse_location("milvus://db.example.org:19530/newsroom").uri
'http://db.example.org:19530'
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from docqa.errors import DocqaError

if TYPE_CHECKING:
    from docqa.storage.milvus.reader import MilvusStore
    from docqa.storage.milvus.writer import MilvusWriter

PREFIXES = ("milvus-lite:", "milvus://", "milvus+https://")
DEFAULT_COLLECTION = "docqa"


def claims(location: object) -> bool:
    """Whether a location is a Milvus one (the backend interface of ``docqa.storage``)."""
    return isinstance(location, str) and location.startswith(PREFIXES)


def open_reader(location: str) -> MilvusStore:
    from docqa.storage.milvus.reader import MilvusStore

    return MilvusStore.open(location)


@contextlib.contextmanager
def open_writer(location: str, vector_index: str = "auto") -> Iterator[MilvusWriter]:
    """A writer holding the index's writer lease; left without commit, its collections are dropped."""
    from docqa.storage.milvus.writer import MilvusWriter

    writer = MilvusWriter(location, vector_index)
    try:
        yield writer
    finally:
        writer.abort()  # nothing once committed


@dataclass(frozen=True)
class Location:
    uri: str  # what MilvusClient connects to: a .db file (Milvus Lite) or http(s)://host:port
    collection: str  # the alias readers follow
    token: str = ""


def parse_location(location: str) -> Location:
    """A ``milvus-lite:`` or ``milvus://`` location as a client URI and a collection name; a clear error otherwise."""
    if location.startswith("milvus-lite:"):
        path, _, name = location[len("milvus-lite:"):].partition("#")
        if not path:
            raise DocqaError("milvus-lite: needs a file, e.g. --index milvus-lite:./corpus.db")
        return Location(path, _check_name(name or DEFAULT_COLLECTION, location))
    match = re.fullmatch(r"milvus(\+https)?://([^/]+)/?([^/]*)", location)
    if not match:
        raise DocqaError(f"cannot read the Milvus location {location!r}: use milvus://HOST:PORT/COLLECTION")
    scheme = "https" if match.group(1) else "http"
    return Location(f"{scheme}://{match.group(2)}", _check_name(match.group(3) or DEFAULT_COLLECTION, location),
                    os.environ.get("DOCQA_MILVUS_TOKEN", ""))


def _check_name(name: str, location: str) -> str:
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,180}", name):
        raise DocqaError(f"{name!r} in {location!r} is not a Milvus collection name: letters, digits and _")
    if "__" in name:  # reserved for an index's own collections: generations and the writer lease
        raise DocqaError(f"{name!r} in {location!r}: an index name may not contain '__' (docqa names its own collections so)")
    return name


def connect(where: Location) -> Any:
    """A ``MilvusClient`` for a location (pymilvus imported only here)."""
    import logging

    try:
        from pymilvus import MilvusClient
    except ImportError:
        raise DocqaError("Milvus locations need pymilvus and milvus-lite: pip install 'docqa[scale]'") from None
    for name in ("pymilvus", "milvus_lite"):  # they log tracebacks (an absent alias, a locked file); our errors are one line
        logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        return MilvusClient(uri=where.uri, token=where.token) if where.token else MilvusClient(uri=where.uri)
    except Exception as exc:  # noqa: BLE001 - pymilvus raises many kinds; one clear line for the user
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if where.uri.startswith(("http://", "https://")):
            raise DocqaError(f"cannot connect to Milvus at {where.uri}: {reason}") from None
        raise DocqaError(f"cannot open the Milvus Lite file {where.uri} ({reason}): is its folder missing, or another process "
                         "using it? Milvus Lite serves one process at a time; "
                         "share a corpus through milvus://HOST:PORT/NAME") from None


def records_of(passages_collection: str) -> str:
    """The records collection that belongs to a generation's passages collection."""
    return f"{passages_collection}_records"


def live_version(location: str) -> str | None:
    """The passages collection the alias points at now (None if there is no index yet)."""
    where = parse_location(location)
    client = connect(where)
    try:
        return live_collection(client, where.collection)
    finally:
        client.close()


def live_collection(client: Any, alias: str) -> str | None:
    try:
        return str(client.describe_alias(alias)["collection_name"])
    except Exception:  # noqa: BLE001 - no such alias
        return None

