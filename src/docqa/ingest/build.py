"""A build, stage by stage: analyse each document (or take its analysis from the build cache), merge speakers,
embed (reusing unchanged vectors, then cached ones), write; nothing at all when nothing changed.

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
from docqa.errors import NoDocumentsError, UnreadableFileError
from docqa.ingest.analyse import AnalysedDocument, FileSource, Warn, analyse, source_key
from docqa.ingest.cache import BuildCache, code_stamp
from docqa.ingest.corpus import assemble
from docqa.ingest.embed import EmbeddingProgress, embed, progress_bar
from docqa.records import Document
from docqa.storage import StoreReader, open_writer
from docqa.storage.base import Previous, passage_key


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


def _analysed(sources: Iterable[Document | FileSource], cache: BuildCache | None, full: bool, on_warning: Warn,
              show_progress: bool) -> list[AnalysedDocument]:
    """Every source analysed, or its analysis taken from the cache when its bytes and the code are unchanged."""
    analysed: list[AnalysedDocument] = []
    for source in progress_bar(sources, show_progress, "reading", "files"):
        path = source.shown if isinstance(source, FileSource) else source.path
        try:
            key, data = source_key(source)
            cached = cache.analysis(key) if cache is not None and not full else None
            if cached is not None:
                analysed.append(AnalysedDocument.from_json(cached, path))
                continue
            document = source.read(data) if isinstance(source, FileSource) and data is not None else source
            assert isinstance(document, Document)
        except UnreadableFileError as exc:
            on_warning(path, str(exc))
            continue
        try:
            item = analyse(document)
        except Exception as exc:  # noqa: BLE001 - one document that cannot be attributed never costs the others
            first = str(exc).splitlines()[0][:200] if str(exc) else ""
            on_warning(document.path, f"could not be attributed ({type(exc).__name__}{': ' + first if first else ''})")
            continue
        if item is None:
            on_warning(document.path, "empty file")
            continue
        if cache is not None:
            cache.put_analysis(key, item.to_json())
        analysed.append(item)
    return analysed


def build(documents: Iterable[Document | FileSource], location: str | os.PathLike[str], embedder: Embedder, *,
          on_warning: Warn, on_progress: Callable[[str], None], source: str, vector_index: str = "auto", full: bool = False,
          show_progress: bool = False, extra_manifest: dict[str, Any] | None = None,
          on_embedding: Callable[[EmbeddingProgress], None] | None = None, use_cache: bool = True) -> StoreReader:
    """Build a new version of the index at ``location`` from ``documents``; returns it, open for reading.

    When every document, the code that analyses them and the model are what the live index was built
    from, nothing is written: the live index is returned as it is (``changes["up_to_date"]``).
    """
    started = time.perf_counter()
    cache = BuildCache.open_default() if use_cache else None
    try:
        with open_writer(location, vector_index) as writer:
            analysed = _analysed(documents, cache, full, on_warning, show_progress)
            if not analysed:
                raise NoDocumentsError(f"no readable documents in {source}")
            stamp = code_stamp()
            previous = writer.previous(embedder.name, with_vectors=False)
            up_to_date = (not full and previous is not None and previous.manifest.get("code") == stamp
                          and list(previous.documents.items()) == [(a.path, a.digest) for a in analysed]
                          and previous.manifest.get("vectors") == writer.vector_kind(int(previous.manifest.get("passages", 0)))
                          and all(previous.manifest.get(k) == v for k, v in writer.layout().items())
                          and all(previous.manifest.get(k) == v for k, v in (extra_manifest or {}).items()))
            if not up_to_date:
                if previous is not None and not full:
                    previous = writer.previous(embedder.name, with_vectors=True)
                store = _write(writer, analysed, embedder, previous, cache, on_progress, show_progress, on_embedding,
                               extra_manifest, stamp, started, full)
        if up_to_date:
            from docqa.storage import open_reader

            store = open_reader(location)
            n = len(analysed)
            store.manifest = {**store.manifest, "build_seconds": round(time.perf_counter() - started, 3),
                              "changes": {"added": 0, "updated": 0, "removed": 0, "unchanged": n, "embedded": 0,
                                          "up_to_date": 1}}
            on_progress(f"{n} documents unchanged since the live index was built: nothing to do")
        elif cache is not None:
            cache.trim()
        return store
    finally:
        if cache is not None:
            cache.close()


def _write(writer: Any, analysed: list[AnalysedDocument], embedder: Embedder, previous: Previous | None,
           cache: BuildCache | None, on_progress: Callable[[str], None], show_progress: bool,
           on_embedding: Callable[[EmbeddingProgress], None] | None, extra_manifest: dict[str, Any] | None, stamp: str,
           started: float, full: bool) -> StoreReader:
    corpus = assemble(analysed)
    on_progress(f"read {len(corpus.documents)} documents, {len(corpus.passages)} passages")
    writer.write_documents(corpus.documents)
    writer.write_speakers(corpus.speakers, corpus.aliases)
    texts = corpus.texts()
    keys = [passage_key(corpus.path_of(p), text) for p, text in zip(corpus.passages, texts, strict=True)]
    reuse = previous.vectors if previous is not None else {}
    on_progress(f"embedding {sum(1 for key in keys if key not in reuse)} of {len(texts)} passages with {embedder.name}")
    vectors, embedded = embed(embedder, texts, keys, reuse, show_progress, cache, on_progress, on_embedding, lookup=not full)
    writer.write_passages(corpus.passages, vectors)
    writer.write_mentions(corpus.mentions)
    on_progress(f"writing the vector index ({writer.vector_kind(len(texts))})")
    exported = query_encoder_of(embedder)
    if exported is not None:
        from docqa.embedding.onnx import prepare_for_questions

        prepare_for_questions(exported)
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
        "code": stamp,
        "changes": changes(previous.documents if previous is not None else {},
                           {d.path: d.sha256 for d in corpus.documents}, embedded=embedded),
        **(extra_manifest or {}),
    }
    return writer.commit(manifest)
