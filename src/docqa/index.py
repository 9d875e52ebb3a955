"""The Index: build one from files, open it, ask it questions.  The CLI is a thin layer over this class.

>>> import docqa                                                        # doctest: +SKIP
>>> index = docqa.Index.build(["seeds/"], "index/")                     # doctest: +SKIP
>>> answer = index.ask("what did Blinken say about Turkey", k=3)         # doctest: +SKIP
>>> answer.results[0].speaker                                           # doctest: +SKIP
'Antony Blinken'
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from docqa import __version__, encoder, lexical, store
from docqa.attribution import attribute
from docqa.chunking import chunk
from docqa.embedding import Embedder, SentenceTransformerEmbedder, canonical_model_name, load_embedder
from docqa.fusion import near_duplicate_groups, reciprocal_rank_fusion
from docqa.highlight import highlights
from docqa.errors import DocqaError, IndexFormatError, ModelMismatchError, NoDocumentsError, UnknownSpeakerError
from docqa.question import looks_like_name, parse_question
from docqa.readers import DEFAULT_MAX_BYTES, UnreadableFileError, iter_files, read_document
from docqa.records import Answer, Document, Hit, Passage, Speaker
from docqa.speakers import SpeakerDirectory, SpeakerMerger, alias_rows
from docqa.textnorm import normalize

DEFAULT_INDEX = "index"
MODES = ("dense", "lexical", "hybrid")
DEFAULT_MODE = "hybrid"
MAX_QUESTION = 10_000  # characters; the model reads about 200 words of it anyway
EF_SEARCH = 512  # HNSW breadth at query time: recall@10 vs exact 0.99 at 1M, 1.1 ms (benchmarks/run.py)
HNSW_FILTER_SHARE = 0.2  # filters keeping less than this share of passages are searched exactly
Warn = Callable[[str, str], None]


def _bar(items: Iterable[Any], enabled: bool, description: str, unit: str) -> Iterable[Any]:
    """A progress bar on stderr when asked (the CLI asks only when stderr is a terminal)."""
    if not enabled:
        return items
    from tqdm import tqdm

    return tqdm(items, desc=description, unit=f" {unit}", leave=False)


def _embed(embedder: Embedder, texts: list[str], keys: list[bytes], reuse: dict[bytes, np.ndarray], missing: list[int],
           progress_bar: bool) -> np.ndarray:
    """Vectors for every text: reused where the same document already held the same passage, else encoded."""
    if not texts:
        return np.zeros((0, embedder.dimension), dtype=np.float32)
    dimension = next(iter(reuse.values())).shape[0] if reuse else None
    fresh: np.ndarray | None = None
    if missing:
        step = 1024
        batches = [missing[i : i + step] for i in range(0, len(missing), step)]
        parts = [embedder.encode([texts[i] for i in batch]) for batch in _bar(batches, progress_bar, "embedding", "batches")]
        fresh = np.vstack(parts)
        dimension = fresh.shape[1]
    vectors = np.empty((len(texts), dimension), dtype=np.float32)
    if fresh is not None:
        vectors[missing] = fresh
    done = set(missing)
    for i, key in enumerate(keys):
        if i not in done:
            vectors[i] = reuse[key]
    return vectors


def _display_path(path: Path) -> str:
    """The path as stored: relative to the working folder when inside it, else absolute."""
    absolute = path.absolute()
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.as_posix()


def _warn_to_stderr(path: str, reason: str) -> None:
    import sys

    print(f"docqa: warning: skipped {path}: {reason}", file=sys.stderr)


class Index:
    """A docqa index folder, open for questions.

    Build with ``Index.build(paths, index_dir)``; open with ``Index.open(index_dir)``.
    """

    def __init__(self, root: Path, generation: Path, manifest: dict[str, Any], db: store.Database, vectors: Any,
                 embedder: Embedder | None) -> None:
        self.path = root
        self.generation = generation
        self.manifest = manifest
        self._db = db
        self._vectors = vectors
        self._embedder = embedder
        self._directory: SpeakerDirectory | None = None
        self.fusion_weights: dict[str, float] = {"dense": 1.0, "lexical": 1.0}

    # -- building -----------------------------------------------------------------------------
    @classmethod
    def build(
        cls,
        paths: Iterable[str | os.PathLike[str]],
        index_dir: str | os.PathLike[str] = DEFAULT_INDEX,
        model: str | Embedder | None = None,
        on_warning: Warn | None = _warn_to_stderr,
        on_progress: Callable[[str], None] | None = None,
        vector_index: str = "auto",
        backend: str = "torch",
        max_bytes: int | None = DEFAULT_MAX_BYTES,
        full: bool = False,
        progress_bar: bool = False,
    ) -> Index:
        """Read, attribute, chunk and embed every supported file under ``paths`` into a new index at ``index_dir``
        (.txt .md .pdf .docx .html .vtt .srt .json; folders recursively).

        The previous index there stays live until the new one is complete.  Unreadable files are
        skipped and reported to ``on_warning(path, reason)``.  ``vector_index`` is "flat" (exact),
        "hnsw" (approximate, for millions of passages) or "auto": flat up to 100,000 passages.
        ``backend="onnx-int8"`` embeds with the int8-quantised ONNX model (faster on a CPU).
        Files over ``max_bytes`` (20 MB by default; None for no limit) are skipped with a warning.
        Building again over an existing index re-embeds only passages whose document or text changed
        (``full=True`` embeds everything); ``index.changes`` says what was added, updated, removed.

        >>> Index.build(["seeds/"], "index/").manifest["passages"]     # doctest: +SKIP
        63
        """
        paths = list(paths)  # walked for the files, then named in the error if none is readable
        warn = on_warning or (lambda path, reason: None)

        def documents() -> Iterator[Document]:
            for file in iter_files(paths, warn):
                shown = _display_path(file)
                try:
                    yield read_document(file, shown, max_bytes=max_bytes)
                except UnreadableFileError as exc:
                    warn(shown, str(exc))

        return cls.build_documents(documents(), index_dir, model=model, on_warning=on_warning, on_progress=on_progress,
                                   source=", ".join(str(p) for p in paths), vector_index=vector_index, backend=backend,
                                   full=full, progress_bar=progress_bar)

    @classmethod
    def build_documents(
        cls,
        documents: Iterable[Document],
        index_dir: str | os.PathLike[str] = DEFAULT_INDEX,
        model: str | Embedder | None = None,
        on_warning: Warn | None = _warn_to_stderr,
        on_progress: Callable[[str], None] | None = None,
        source: str = "the documents given",
        extra_manifest: dict[str, Any] | None = None,
        vector_index: str = "auto",
        backend: str = "torch",
        full: bool = False,
        progress_bar: bool = False,
    ) -> Index:
        """Build an index from Documents already in memory (``Index.build`` reads them from files).

        >>> Index.build_documents([docqa.Document("a.txt", "Q: Hi?\\n\\nA: Hello.", "text")], "ix/")   # doctest: +SKIP
        """
        warn = on_warning or (lambda path, reason: None)
        progress = on_progress or (lambda message: None)
        root = Path(index_dir)
        embedder = load_embedder(model, backend)
        started = time.perf_counter()
        with store.writer_lock(root):
            previous = store.previous_vectors(root, embedder.name, with_vectors=not full)
            kept_documents, attributions, passages = [], [], []
            merger = SpeakerMerger()
            for document in _bar(documents, progress_bar, "reading", "files"):
                if not document.text.strip():
                    warn(document.path, "empty file")
                    continue
                digest = hashlib.sha256(document.text.encode("utf-8")).hexdigest()
                result = attribute(document)
                doc_index = len(kept_documents)
                kept_documents.append((document, digest, result.transcript))
                merger.add(doc_index, result.entities)
                attributions.append(result)
                passages.append(chunk(result))
            if not kept_documents:
                raise NoDocumentsError(f"no readable documents in {source}")
            speakers, mapping = merger.finish()
            progress(f"read {len(kept_documents)} documents, {sum(map(len, passages))} passages")
            writer = store.GenerationWriter(root)
            try:
                texts: list[str] = []
                passage_rows: list[tuple[Any, ...]] = []
                mention_rows: set[tuple[int, int]] = set()
                speaking: dict[int, int] = {}
                for doc_index, (result, doc_passages) in enumerate(zip(attributions, passages, strict=True)):
                    mentions = sorted(result.mentions)
                    first = 0  # passages and mentions are both in text order: never rescan the ones behind
                    for passage in doc_passages:
                        pid = len(passage_rows) + 1
                        speaker_id = mapping.get((doc_index, passage.speaker)) if passage.speaker else None
                        if speaker_id is not None:
                            speaking[speaker_id] = speaking.get(speaker_id, 0) + 1
                        passage_rows.append((pid, doc_index + 1, passage.start, passage.end, passage.line, speaker_id, passage.how, passage.text,
                                             passage.page, passage.time))
                        texts.append(normalize(passage.text))
                        while first < len(mentions) and mentions[first][1] <= passage.start:
                            first += 1
                        for j in range(first, len(mentions)):
                            start, end, key = mentions[j]
                            if start >= passage.end:
                                break
                            if end > passage.start:
                                mentioned = mapping.get((doc_index, key))
                                if mentioned is not None and mentioned != speaker_id:
                                    mention_rows.add((pid, mentioned))
                db = writer.db
                db.executemany(
                    "INSERT INTO documents VALUES (?,?,?,?,?,?,?)",
                    [(i + 1, d.path, d.kind, d.encoding, digest, len(d.text), int(t)) for i, (d, digest, t) in enumerate(kept_documents)],
                )
                mentioned_ids = {sid for _, sid in mention_rows}
                kept = [s for s in speakers if s.id in speaking or s.id in mentioned_ids]
                db.executemany(
                    "INSERT INTO speakers VALUES (?,?,?,?)", [(s.id, s.name, s.kind, json.dumps(s.titles)) for s in kept]
                )
                db.executemany("INSERT INTO aliases VALUES (?,?,?,?)", alias_rows(kept))
                db.executemany("INSERT INTO passages VALUES (?,?,?,?,?,?,?,?,?,?)", passage_rows)
                db.executemany("INSERT INTO mentions VALUES (?,?)", sorted(mention_rows))
                keys = [store.passage_key(kept_documents[row[1] - 1][0].path, text) for row, text in zip(passage_rows, texts, strict=True)]
                reuse = previous.vectors if previous is not None else {}
                missing = [i for i, key in enumerate(keys) if key not in reuse]
                progress(f"embedding {len(missing)} of {len(texts)} passages with {embedder.name}")
                vectors = _embed(embedder, texts, keys, reuse, missing, progress_bar)
                changes = store.changes(previous.documents if previous is not None else {},
                                        {d.path: digest for d, digest, _ in kept_documents}, embedded=len(missing))
                progress(f"writing the vector index ({store.vector_kind(len(texts), vector_index)})")
                kind = writer.write_vectors(vectors, vector_index)
                if isinstance(embedder, SentenceTransformerEmbedder):
                    exported = embedder.onnx_export()
                elif isinstance(embedder, encoder.OnnxEmbedder):
                    exported = embedder.query_folder
                else:
                    exported = None
                if exported is not None:
                    encoder.install(exported, writer.dir)
                manifest = {
                    "format": store.FORMAT_VERSION,
                    "docqa_version": __version__,
                    "model": embedder.name,
                    "dimension": int(vectors.shape[1]) if len(texts) else embedder.dimension,
                    "metric": "cosine",
                    "vectors": kind,
                    "query_encoder": "onnx" if exported is not None else "sentence-transformers",
                    "documents": len(kept_documents),
                    "passages": len(passage_rows),
                    "speakers": len(kept),
                    "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                    "build_seconds": round(time.perf_counter() - started, 3),
                    "changes": changes,
                    **(extra_manifest or {}),
                }
                generation = writer.commit(manifest)
            except BaseException:
                writer.abort()
                raise
        return cls._open_generation(root, generation, embedder)

    # -- opening --------------------------------------------------------------------------------
    @classmethod
    def open(cls, index_dir: str | os.PathLike[str] = DEFAULT_INDEX, model: str | Embedder | None = None) -> Index:
        """Open an existing index.  ``model``, if given, must be the one it was built with.

        >>> Index.open("index/").manifest["model"]                   # doctest: +SKIP
        'sentence-transformers/all-MiniLM-L6-v2'
        """
        root = Path(index_dir)
        for attempt in range(3):  # a writer may swap generations between reading CURRENT and opening
            generation = store.live_generation(root)
            try:
                return cls._open_generation(root, generation, model)
            except IndexFormatError:
                if attempt == 2 or store.live_generation(root) == generation:
                    raise
        raise AssertionError("unreachable")

    @classmethod
    def _open_generation(cls, root: Path, generation: Path, model: str | Embedder | None) -> Index:
        manifest = store.read_manifest(generation)
        built_with = manifest.get("model")
        if model is not None:
            wanted = model.name if not isinstance(model, str) else canonical_model_name(model)
            if wanted != built_with and wanted + encoder.INT8_SUFFIX != built_with:
                raise ModelMismatchError(
                    f"the index at {root} was built with model {built_with!r}, not {wanted!r}: "
                    f"omit --model, or rebuild with `docqa index PATH --model {wanted}`"
                )
        db = store.open_database(generation)
        vectors = store.open_vectors(generation)
        count = db.execute("SELECT count(*) FROM passages")[0][0]
        if vectors.ntotal != count or count != manifest.get("passages", count):
            raise IndexFormatError(f"the index at {root} is damaged: {vectors.ntotal} vectors for {count} passages")
        embedder = model if model is not None and not isinstance(model, str) else None
        return cls(root, generation, manifest, db, vectors, embedder)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def changes(self) -> dict[str, int]:
        """What the build that made this index changed: added, updated, removed, unchanged documents; passages embedded."""
        return dict(self.manifest.get("changes", {}))

    @property
    def embedder(self) -> Embedder:
        """The model the index was built with, loaded on first use."""
        if self._embedder is None:
            folder = self.generation / encoder.ENCODER_DIR
            if (folder / encoder.CONFIG_FILE).is_file():
                try:
                    self._embedder = encoder.OnnxEmbedder(folder)
                except ImportError:  # onnxruntime missing: the slower sentence-transformers path still works
                    pass
            if self._embedder is None:
                self._embedder = load_embedder(self.manifest["model"])
        return self._embedder

    # -- speakers ---------------------------------------------------------------------------------
    @property
    def directory(self) -> SpeakerDirectory:
        if self._directory is None:
            rows = self._db.execute("SELECT alias, written, speaker_id, kind FROM aliases")
            names = dict(self._db.execute("SELECT id, name FROM speakers"))
            counts = dict(self._db.execute("SELECT speaker_id, count(*) FROM passages WHERE speaker_id IS NOT NULL GROUP BY speaker_id"))
            self._directory = SpeakerDirectory(rows, names, counts)
        return self._directory

    def speakers(self) -> list[Speaker]:
        """Every speaker, most passages first, with aliases and counts (people only mentioned have 0 passages).

        >>> [s.name for s in Index.open("index/").speakers()][:2]   # doctest: +SKIP
        ['Antony Blinken', 'Jens Stoltenberg']
        """
        return sorted(self._speakers(), key=lambda s: (-s.passages, -s.mentions, s.name))

    def _speakers(self, speaker_id: int | None = None) -> list[Speaker]:
        """Speakers with aliases and counts: all of them, or the one with ``speaker_id``."""
        where, args = ("WHERE s.id = ?", [speaker_id]) if speaker_id is not None else ("", [])
        rows = self._db.execute(
            f"""SELECT s.id, s.name, s.kind,
                      (SELECT count(*) FROM passages p WHERE p.speaker_id = s.id),
                      (SELECT count(*) FROM mentions m WHERE m.speaker_id = s.id)
               FROM speakers s {where}""",
            args,
        )
        aliases: dict[int, list[str]] = {}
        for sid, written in self._db.execute(
            f"SELECT speaker_id, written FROM aliases {where.replace('s.id', 'speaker_id')} ORDER BY rowid", args
        ):
            aliases.setdefault(sid, [])
            if written not in aliases[sid]:
                aliases[sid].append(written)
        return [
            Speaker(name=name, kind=kind, aliases=[a for a in aliases.get(sid, []) if a != name], passages=n, mentions=m, id=sid)
            for sid, name, kind, n, m in rows
        ]

    def resolve_speaker(self, name: str) -> Speaker:
        """The speaker a name, label, title or role refers to; UnknownSpeakerError if none.

        >>> Index.open("index/").resolve_speaker("the NATO chief").name   # doctest: +SKIP
        'Jens Stoltenberg'
        """
        resolution = self.directory.resolve(name)
        if resolution.speaker_id is None:
            hint = f"; closest: {', '.join(resolution.suggestions)}" if resolution.suggestions else ""
            raise UnknownSpeakerError(f"no speaker called {name!r} in this index{hint}")
        return self._speakers(resolution.speaker_id)[0]

    # -- passages ---------------------------------------------------------------------------------
    def documents(self) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT path FROM documents ORDER BY id")]

    def _doc_ids(self, pattern: str) -> list[int]:
        """Documents whose path equals, glob-matches or contains ``pattern``; an error if none does."""
        wanted = Path(pattern).as_posix()
        normal = _display_path(Path(pattern)) if Path(pattern).exists() else wanted
        ids = [
            doc_id
            for doc_id, path in self._db.execute("SELECT id, path FROM documents")
            if path in (wanted, normal) or fnmatch.fnmatch(path, wanted) or wanted in path
        ]
        if not ids:
            raise DocqaError(f"no document in the index matches {pattern!r}")
        return ids

    def passages(self, doc: str | None = None, speaker: str | None = None) -> Iterator[Passage]:
        """Every passage in document order, with its speaker and offsets; ``doc`` filters by path or glob.

        >>> next(Index.open("index/").passages(doc="*003_*")).how      # doctest: +SKIP
        'narration'
        """
        where, args = [], []
        if doc is not None:
            ids = self._doc_ids(doc)
            where.append(f"p.doc_id IN ({','.join('?' * len(ids))})")
            args += ids
        if speaker is not None:
            where.append("p.speaker_id = ?")
            args.append(self.resolve_speaker(speaker).id)
        sql = (
            self._ROW_SQL
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY p.doc_id, p.start"
        )
        for pid, path, start, end, line, name, how, text, page, time_ in self._db.stream(sql, args):
            yield Passage(doc=path, start=start, end=end, line=line, speaker=name, how=how, text=text, id=pid, page=page, time=time_)

    # -- searching --------------------------------------------------------------------------------
    def _filters(self, speaker_id: int | None, doc: str | None, mentioning: int | None) -> tuple[str, list[Any]]:
        """One SQL condition on passages ``p`` for every filter; the same one feeds FAISS and BM25."""
        where, args = [], []
        if speaker_id is not None:
            where.append("p.speaker_id = ?")
            args.append(speaker_id)
        if mentioning is not None:
            where.append("p.id IN (SELECT passage_id FROM mentions WHERE speaker_id = ?)")
            args.append(mentioning)
        if doc is not None:
            ids = self._doc_ids(doc)
            where.append(f"p.doc_id IN ({','.join('?' * len(ids))})")
            args += ids
        return " AND ".join(where), args

    def search(self, text: str, speaker: str | None = None, k: int = 5, doc: str | None = None, mode: str | None = None,
               context: int = 0) -> list[Hit]:
        """Passages that best match ``text``; ``speaker`` (any alias) and ``doc`` filter inside the search.

        ``mode`` is "dense", "lexical" or "hybrid" (the default: both, fused); ``context`` adds that
        many neighbouring passages before and after each hit.

        >>> [h.speaker for h in Index.open("index/").search("Turkey", speaker="Blinken", k=2)]  # doctest: +SKIP
        ['Antony Blinken', 'Antony Blinken']
        """
        speaker_id = self.resolve_speaker(speaker).id if speaker is not None else None
        return self._search(text, k, speaker_id=speaker_id, doc=doc, mode=mode, context=context)

    def _search(self, text: str, k: int, *, speaker_id: int | None = None, doc: str | None = None, mentioning: int | None = None,
                mode: str | None = None, context: int = 0, highlight: bool = True, dedupe: bool = True,
                vector: np.ndarray | None = None) -> list[Hit]:
        mode = check_mode(mode)
        if k <= 0:
            return []
        where, args = self._filters(speaker_id, doc, mentioning)
        depth = k if not dedupe and mode != "hybrid" else max(3 * k, 30)
        rankings: dict[str, list[tuple[int, float]]] = {}
        if mode in ("dense", "hybrid"):
            if vector is None:
                vector = self.embedder.encode([normalize(text)])[0]
            rankings["dense"] = self._dense(vector, depth, where, args)
        if mode in ("lexical", "hybrid"):
            rankings["lexical"] = lexical.search(self._db, normalize(text), depth, where, args)
        if mode == "hybrid":
            ranked = reciprocal_rank_fusion({name: [i for i, _ in r] for name, r in rankings.items()}, self.fusion_weights)
        else:
            ranked = rankings[mode]
        if not ranked:
            return []
        rows = self._rows([pid for pid, _ in ranked])
        order = [(rows[pid], score) for pid, score in ranked if pid in rows]
        groups = near_duplicate_groups([row[7] for row, _ in order]) if dedupe else [[i] for i in range(len(order))]
        hits: list[Hit] = []
        for rank, group in enumerate(groups[:k], start=1):
            (pid, path, start, end, line, name, how, body, page, time_), score = order[group[0]]
            also = [{"doc": r[1], "start": r[2], "end": r[3], "line": r[4], "page": r[8], "time": r[9], "speaker": r[5]}
                    for r, _ in (order[i] for i in group[1:])]
            hits.append(Hit(rank=rank, score=score, speaker=name, doc=path, start=start, end=end, line=line, text=body, how=how,
                            id=pid, also=also, page=page, time=time_))
        if highlight and hits:
            dense = mode != "lexical"
            spans = highlights([h.text for h in hits], text, vector if dense else None, self.embedder.encode if dense else None)
            for hit, found in zip(hits, spans, strict=True):
                hit.highlights = found
        if context > 0:
            for hit in hits:
                hit.context = self._context(hit, context)
        return hits

    def _dense(self, vector: np.ndarray, depth: int, where: str, args: list[Any]) -> list[tuple[int, float]]:
        """Nearest passages by vector; a filter is applied inside the search (row i holds passage i + 1).

        On HNSW, a filter that keeps few passages is searched exactly over the flat storage (a graph
        walk that may only step on a few nodes loses recall); one that keeps many uses the graph.
        """
        import faiss

        total = self._vectors.ntotal
        if total == 0:
            return []
        hnsw = self.manifest.get("vectors") == "hnsw"
        index, params, limit = self._vectors, None, total
        if where:
            rows = self._db.execute(f"SELECT p.id FROM passages p WHERE {where}", args)
            if not rows:
                return []
            positions = np.fromiter((r[0] - 1 for r in rows), dtype=np.int64, count=len(rows))
            if total > 50_000:  # a bitmap tests membership faster than a hash set on big indexes
                mask = np.zeros(total, dtype=bool)
                mask[positions] = True
                bitmap = np.packbits(mask, bitorder="little")  # a local: alive until the search below returns
                selector = faiss.IDSelectorBitmap(total, faiss.swig_ptr(bitmap))
            else:
                selector = faiss.IDSelectorBatch(positions)
            limit = len(positions)
            if hnsw and limit < HNSW_FILTER_SHARE * total:
                index = faiss.downcast_index(self._vectors.storage)
                params = faiss.SearchParameters(sel=selector)
            elif hnsw:
                params = faiss.SearchParametersHNSW(sel=selector, efSearch=max(EF_SEARCH, 2 * depth))
            else:
                params = faiss.SearchParameters(sel=selector)
        elif hnsw:
            params = faiss.SearchParametersHNSW(efSearch=max(EF_SEARCH, 2 * depth))
        query = np.asarray(vector, dtype=np.float32).reshape(1, -1)
        scores, ids = index.search(query, min(depth, limit), params=params)
        return [(int(i) + 1, float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]

    _ROW_SQL = (
        "SELECT p.id, d.path, p.start, p.end, p.line, s.name, p.how, p.text, p.page, p.time FROM passages p "
        "JOIN documents d ON d.id = p.doc_id LEFT JOIN speakers s ON s.id = p.speaker_id "
    )

    def _rows(self, ids: list[int]) -> dict[int, tuple[Any, ...]]:
        rows: dict[int, tuple[Any, ...]] = {}
        for chunk_start in range(0, len(ids), 500):
            part = ids[chunk_start : chunk_start + 500]
            for row in self._db.execute(self._ROW_SQL + f"WHERE p.id IN ({','.join('?' * len(part))})", part):
                rows[row[0]] = row
        return rows

    def _context(self, hit: Hit, n: int) -> list[dict[str, Any]]:
        """The ``n`` passages before and after a hit in its document, as a reader scrolling would see them."""
        doc_id, start = self._db.execute("SELECT doc_id, start FROM passages WHERE id = ?", [hit.id])[0]
        before = self._db.execute(self._ROW_SQL + "WHERE p.doc_id = ? AND p.start < ? ORDER BY p.start DESC LIMIT ?", [doc_id, start, n])
        after = self._db.execute(self._ROW_SQL + "WHERE p.doc_id = ? AND p.start > ? ORDER BY p.start LIMIT ?", [doc_id, start, n])
        out = []
        for offset, row in [(-(i + 1), r) for i, r in enumerate(before)][::-1] + [(i + 1, r) for i, r in enumerate(after)]:
            _, path, s, e, line, name, how, body, page, time_ = row
            out.append({"offset": offset, "speaker": name, "doc": path, "start": s, "end": e, "line": line, "page": page,
                        "time": time_, "text": body, "how": how})
        return out

    def ask(self, question: str, k: int = 5, speaker: str | None = None, doc: str | None = None, mode: str | None = None,
            context: int = 0, highlight: bool = True) -> Answer:
        """Answer a question: find the speaker it names (or ``speaker``), search that speaker's words on its topic.

        >>> answer = Index.open("index/").ask("what did the NATO chief say about the Taliban")  # doctest: +SKIP
        >>> answer.speaker, answer.topic                                                  # doctest: +SKIP
        ('Jens Stoltenberg', 'the Taliban')
        """
        if not question or not question.strip():
            raise DocqaError("the question is empty")
        if len(question) > MAX_QUESTION:
            raise DocqaError(f"the question is {len(question):,} characters long; the limit is {MAX_QUESTION:,}")
        mode = check_mode(mode)

        def search(**filters: Any) -> list[Hit]:
            return self._search(topic or question, k, doc=doc, mode=mode, context=context, highlight=highlight, **filters)

        directory = self.directory
        parsed = parse_question(question, is_speaker=lambda phrase: directory.resolve(phrase).speaker_id is not None)
        topic = parsed.topic
        if speaker is not None:
            chosen = self.resolve_speaker(speaker)
            if parsed.speaker_phrase is None and not parsed.who:
                topic = question.strip()  # the whole question is the topic when the speaker came from --speaker
        elif parsed.speaker_phrase is not None:
            resolution = directory.resolve(parsed.speaker_phrase)
            if resolution.speaker_id is not None:
                chosen = self._speakers(resolution.speaker_id)[0]
            elif looks_like_name(parsed.speaker_phrase):
                hint = f" Closest known speakers: {', '.join(resolution.suggestions)}." if resolution.suggestions else ""
                notice = f"No speaker called {parsed.speaker_phrase!r} in this index.{hint}"
                return Answer(question, None, topic, notice, [], mode)
            else:  # "what does the article say about Turkey": no speaker meant
                return Answer(question, None, topic, None, search(), mode)
        else:
            return Answer(question, None, topic, None, search(), mode)
        if chosen.passages == 0:
            notice = (
                f"{chosen.name} is mentioned in the index but never speaks; "
                f"showing passages that mention {chosen.name}, with their real speakers."
            )
            return Answer(question, chosen.name, topic, notice, search(mentioning=chosen.id), mode)
        hits = search(speaker_id=chosen.id)
        notice = f"{chosen.name} says nothing in the documents matching {doc!r}." if doc and not hits else None
        return Answer(question, chosen.name, topic, notice, hits, mode)


def check_mode(mode: str | None) -> str:
    """The retrieval mode to use: the default for None, else one of MODES (a clear error otherwise)."""
    if mode is None:
        return DEFAULT_MODE
    if mode not in MODES:
        raise DocqaError(f"unknown mode {mode!r}: use one of {', '.join(MODES)}")
    return mode
