"""A build, stage by stage: analyse each document, merge speakers, embed (reusing unchanged vectors), write.

The store is reached only through ``StoreWriter``; the embedder only through ``Embedder`` (and its
``query_encoder()``, installed so that questions are encoded without torch).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from typing import Any

from docqa import __version__
from docqa.embedding import Embedder, query_encoder_of
from docqa.errors import NoDocumentsError
from docqa.ingest.analyse import AnalysedDocument, Warn, analyse
from docqa.ingest.corpus import assemble
from docqa.ingest.embed import embed, progress_bar
from docqa.records import Document
from docqa.storage import StoreReader, open_writer
from docqa.storage.base import passage_key


def changes(old: dict[str, str], new: dict[str, str], embedded: int) -> dict[str, int]:
    """Counts of documents added, updated, removed and unchanged between two builds, and passages embedded.

    >>> changes({"a": "1", "b": "2"}, {"a": "1", "b": "3", "c": "4"}, embedded=5)
    {'added': 1, 'updated': 1, 'removed': 0, 'unchanged': 1, 'embedded': 5}
    """
    return {
        "added": sum(1 for p in new if p not in old),
        "updated": sum(1 for p, h in new.items() if p in old and old[p] != h),
        "removed": sum(1 for p in old if p not in new),
        "unchanged": sum(1 for p, h in new.items() if old.get(p) == h),
        "embedded": embedded,
    }


def build(documents: Iterable[Document], location: str | os.PathLike[str], embedder: Embedder, *,
          on_warning: Warn, on_progress: Callable[[str], None], source: str, vector_index: str = "auto", full: bool = False,
          show_progress: bool = False, extra_manifest: dict[str, Any] | None = None) -> StoreReader:
    """Build a new version of the index at ``location`` from ``documents``; returns it, open for reading."""
    started = time.perf_counter()
    with open_writer(location, vector_index) as writer:
        previous = writer.previous(embedder.name, with_vectors=not full)
        analysed: list[AnalysedDocument] = []
        for document in progress_bar(documents, show_progress, "reading", "files"):
            try:
                item = analyse(document)
            except Exception as exc:  # noqa: BLE001 - one document that cannot be attributed never costs the others
                first = str(exc).splitlines()[0][:200] if str(exc) else ""
                on_warning(document.path, f"could not be attributed ({type(exc).__name__}{': ' + first if first else ''})")
                continue
            if item is None:
                on_warning(document.path, "empty file")
            else:
                analysed.append(item)
        if not analysed:
            raise NoDocumentsError(f"no readable documents in {source}")
        corpus = assemble(analysed)
        on_progress(f"read {len(corpus.documents)} documents, {len(corpus.passages)} passages")
        writer.write_documents(corpus.documents)
        writer.write_speakers(corpus.speakers, corpus.aliases)
        texts = corpus.texts()
        keys = [passage_key(corpus.path_of(p), text) for p, text in zip(corpus.passages, texts, strict=True)]
        reuse = previous.vectors if previous is not None else {}
        on_progress(f"embedding {sum(1 for key in keys if key not in reuse)} of {len(texts)} passages with {embedder.name}")
        vectors, embedded = embed(embedder, texts, keys, reuse, show_progress)
        writer.write_passages(corpus.passages, vectors)
        writer.write_mentions(corpus.mentions)
        on_progress(f"writing the vector index ({writer.vector_kind(len(texts))})")
        exported = query_encoder_of(embedder)
        if exported is not None:
            writer.install_query_encoder(exported)
        manifest = {
            "docqa_version": __version__,
            "model": embedder.name,
            "dimension": int(vectors.shape[1]) if len(texts) else embedder.dimension,
            "metric": "cosine",
            "query_encoder": "onnx" if exported is not None else "sentence-transformers",
            "documents": len(corpus.documents),
            "passages": len(corpus.passages),
            "speakers": len(corpus.speakers),
            "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "build_seconds": round(time.perf_counter() - started, 3),
            "changes": changes(previous.documents if previous is not None else {},
                               {d.path: d.sha256 for d in corpus.documents}, embedded=embedded),
            **(extra_manifest or {}),
        }
        return writer.commit(manifest)
