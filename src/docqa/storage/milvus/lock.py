"""One writer per Milvus index: a lease held through an alias, which Milvus creates atomically.

A build creates a small lease collection and then the alias ``<index>__writer`` pointing at it;
``create_alias`` fails when the alias exists, so of two builds only one gets it.  The lease row
says who holds it (host, process) and when it was last renewed; a thread renews it every
``RENEW`` seconds.  A lease is stale, and the next build takes it over, when its holder is a
process of this machine that no longer runs (a build killed a moment ago), or when it has not been
renewed for ``EXPIRES`` seconds (a build on another machine that died).  Names with ``__`` are
reserved for this (``docqa.storage.milvus.parse_location`` refuses them as index names).
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
import uuid
from typing import Any

from docqa.errors import IndexLockedError

RENEW = 10.0  # seconds between renewals of a held lease
EXPIRES = 60.0  # a lease not renewed for this long is a dead build's


def lock_alias(index: str) -> str:
    return f"{index}__writer"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: it exists
        return True
    return True


class WriterLease:
    """The writer lease of one Milvus index, held from ``acquire()`` to ``release()``."""

    def __init__(self, client: Any, index: str) -> None:
        self._client = client
        self._index = index
        self._alias = lock_alias(index)
        self.collection = f"{index}__lock_{uuid.uuid4().hex[:8]}"
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _body(self) -> dict[str, Any]:
        return {"host": socket.gethostname(), "pid": os.getpid(), "renewed": time.time()}

    def _write(self) -> None:
        self._client.upsert(self.collection, [{"id": 1, "kind": "lease", "body": json.dumps(self._body()), "unused": [0.0, 0.0]}])

    def acquire(self) -> None:
        """Take the lease, or raise ``IndexLockedError`` if a live build holds it."""
        from docqa.storage.milvus import schema as S

        self._client.create_collection(self.collection, schema=S.records_schema(), index_params=S.records_indexes(self._client))
        self._client.load_collection(self.collection)
        self._write()
        for _ in range(2):
            try:
                self._client.create_alias(self.collection, self._alias)
                break
            except Exception:  # noqa: BLE001 - the alias exists: someone holds, or held, the lease
                holder = self._holder()
                if holder is not None and not self._stale(holder[1]):
                    self._drop(self.collection)
                    raise IndexLockedError(
                        f"another docqa build ({holder[1].get('host')}, process {holder[1].get('pid')}) "
                        "is writing the Milvus index "
                        f"{self._index!r}; try again when it has finished") from None
                self._break(holder[0] if holder else None)
        else:
            self._drop(self.collection)
            raise IndexLockedError(f"another docqa build took the Milvus index {self._index!r} at the same moment; try again")
        self._thread = threading.Thread(target=self._renew, daemon=True, name="docqa-milvus-lease")
        self._thread.start()

    def _holder(self) -> tuple[str, dict[str, Any]] | None:
        """(lease collection, lease body) of whoever holds the alias now, or None if it cannot be read."""
        try:
            collection = str(self._client.describe_alias(self._alias)["collection_name"])
            self._client.load_collection(collection)
            rows = self._client.query(collection, filter="id == 1", output_fields=["body"])
            return collection, json.loads(rows[0]["body"]) if rows else {}
        except Exception:  # noqa: BLE001 - gone meanwhile, or damaged: treated as stale
            return None

    @staticmethod
    def _stale(body: dict[str, Any]) -> bool:
        if time.time() - float(body.get("renewed", 0)) > EXPIRES:
            return True
        return body.get("host") == socket.gethostname() and not _alive(int(body.get("pid", -1)))

    def _break(self, collection: str | None) -> None:
        """Remove a dead build's lease (only if the alias still points at it)."""
        try:
            if collection is None or self._client.describe_alias(self._alias)["collection_name"] == collection:
                self._client.drop_alias(self._alias)
        except Exception:  # noqa: BLE001 - already gone
            pass
        if collection is not None:
            self._drop(collection)

    def _drop(self, collection: str) -> None:
        try:
            self._client.drop_collection(collection)
        except Exception:  # noqa: BLE001 - best effort: the next build drops leftovers too
            pass

    def _renew(self) -> None:
        while not self._stop.wait(RENEW):
            try:
                self._write()
            except Exception:  # noqa: BLE001 - the client was closed: the build is over
                return

    def release(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=RENEW)
        try:
            if self._client.describe_alias(self._alias)["collection_name"] == self.collection:
                self._client.drop_alias(self._alias)
        except Exception:  # noqa: BLE001 - not ours any more, or gone
            pass
        self._drop(self.collection)
