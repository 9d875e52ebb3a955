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
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from docqa import __version__, store
from docqa.attribution import attribute
from docqa.chunking import chunk
from docqa.embedding import Embedder, canonical_model_name, load_embedder
from docqa.errors import DocqaError, IndexFormatError, ModelMismatchError, NoDocumentsError, UnknownSpeakerError
from docqa.question import looks_like_name, parse_question
from docqa.readers import UnreadableFileError, iter_files, read_document
from docqa.records import Answer, Hit, Passage, Speaker
from docqa.speakers import SpeakerDirectory, SpeakerMerger, alias_rows
from docqa.textnorm import normalize

DEFAULT_INDEX = "index"
Warn = Callable[[str, str], None]


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

    def __init__(self, root: Path, generation: Path, manifest: dict[str, Any], db: sqlite3.Connection, vectors: Any,
                 embedder: Embedder | None) -> None:
        self.path = root
        self.generation = generation
        self.manifest = manifest
        self._db = db
        self._vectors = vectors
        self._embedder = embedder
        self._directory: SpeakerDirectory | None = None

    # -- building -----------------------------------------------------------------------------
    @classmethod
    def build(
        cls,
        paths: Iterable[str | os.PathLike[str]],
        index_dir: str | os.PathLike[str] = DEFAULT_INDEX,
        model: str | Embedder | None = None,
        on_warning: Warn | None = _warn_to_stderr,
        on_progress: Callable[[str], None] | None = None,
    ) -> Index:
        """Read, attribute, chunk and embed every .txt/.md file under ``paths`` into a new index at ``index_dir``.

        The previous index there stays live until the new one is complete.  Unreadable files are
        skipped and reported to ``on_warning(path, reason)``.

        >>> Index.build(["seeds/"], "index/").manifest["passages"]     # doctest: +SKIP
        80
        """
        warn = on_warning or (lambda path, reason: None)
        progress = on_progress or (lambda message: None)
        root = Path(index_dir)
        embedder = load_embedder(model)
        started = time.perf_counter()
        with store.writer_lock(root):
            documents, attributions, passages = [], [], []
            merger = SpeakerMerger()
            for file in iter_files(paths, warn):
                shown = _display_path(file)
                try:
                    document = read_document(file, shown)
                except UnreadableFileError as exc:
                    warn(shown, str(exc))
                    continue
                if not document.text.strip():
                    warn(shown, "empty file")
                    continue
                digest = hashlib.sha256(document.text.encode("utf-8")).hexdigest()
                result = attribute(document)
                doc_index = len(documents)
                documents.append((document, digest, result.transcript))
                merger.add(doc_index, result.entities)
                attributions.append(result)
                passages.append(chunk(result))
            if not documents:
                raise NoDocumentsError("no readable .txt or .md documents in " + ", ".join(str(p) for p in paths))
            speakers, mapping = merger.finish()
            progress(f"read {len(documents)} documents, {sum(map(len, passages))} passages")
            writer = store.GenerationWriter(root)
            try:
                texts: list[str] = []
                passage_rows: list[tuple[Any, ...]] = []
                mention_rows: set[tuple[int, int]] = set()
                speaking: dict[int, int] = {}
                for doc_index, (result, doc_passages) in enumerate(zip(attributions, passages, strict=True)):
                    mentions = sorted(result.mentions)
                    for passage in doc_passages:
                        pid = len(passage_rows) + 1
                        speaker_id = mapping.get((doc_index, passage.speaker)) if passage.speaker else None
                        if speaker_id is not None:
                            speaking[speaker_id] = speaking.get(speaker_id, 0) + 1
                        passage_rows.append((pid, doc_index + 1, passage.start, passage.end, passage.line, speaker_id, passage.how, passage.text))
                        texts.append(normalize(passage.text))
                        for start, end, key in mentions:
                            if start >= passage.end:
                                break
                            if end > passage.start:
                                mentioned = mapping.get((doc_index, key))
                                if mentioned is not None and mentioned != speaker_id:
                                    mention_rows.add((pid, mentioned))
                db = writer.db
                db.executemany(
                    "INSERT INTO documents VALUES (?,?,?,?,?,?,?)",
                    [(i + 1, d.path, d.kind, d.encoding, digest, len(d.text), int(t)) for i, (d, digest, t) in enumerate(documents)],
                )
                mentioned_ids = {sid for _, sid in mention_rows}
                kept = [s for s in speakers if s.id in speaking or s.id in mentioned_ids]
                db.executemany(
                    "INSERT INTO speakers VALUES (?,?,?,?)", [(s.id, s.name, s.kind, json.dumps(s.titles)) for s in kept]
                )
                db.executemany("INSERT INTO aliases VALUES (?,?,?,?)", alias_rows(kept))
                db.executemany("INSERT INTO passages VALUES (?,?,?,?,?,?,?,?)", passage_rows)
                db.executemany("INSERT INTO mentions VALUES (?,?)", sorted(mention_rows))
                progress(f"embedding {len(texts)} passages with {embedder.name}")
                vectors = embedder.encode(texts)
                writer.write_vectors(np.arange(1, len(texts) + 1, dtype=np.int64), vectors)
                manifest = {
                    "format": store.FORMAT_VERSION,
                    "docqa_version": __version__,
                    "model": embedder.name,
                    "dimension": int(vectors.shape[1]) if len(texts) else embedder.dimension,
                    "metric": "cosine",
                    "documents": len(documents),
                    "passages": len(passage_rows),
                    "speakers": len(kept),
                    "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                    "build_seconds": round(time.perf_counter() - started, 3),
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
            if wanted != built_with:
                raise ModelMismatchError(
                    f"the index at {root} was built with model {built_with!r}, not {wanted!r}: "
                    f"omit --model, or rebuild with `docqa index PATH --model {wanted}`"
                )
        db = store.open_database(generation)
        vectors = store.open_vectors(generation)
        count = db.execute("SELECT count(*) FROM passages").fetchone()[0]
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
    def embedder(self) -> Embedder:
        """The model the index was built with, loaded on first use."""
        if self._embedder is None:
            self._embedder = load_embedder(self.manifest["model"])
        return self._embedder

    # -- speakers ---------------------------------------------------------------------------------
    @property
    def directory(self) -> SpeakerDirectory:
        if self._directory is None:
            rows = self._db.execute("SELECT alias, written, speaker_id, kind FROM aliases").fetchall()
            names = dict(self._db.execute("SELECT id, name FROM speakers").fetchall())
            counts = dict(self._db.execute("SELECT speaker_id, count(*) FROM passages WHERE speaker_id IS NOT NULL GROUP BY speaker_id").fetchall())
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
        ).fetchall()
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
            "SELECT p.id, d.path, p.start, p.end, p.line, s.name, p.how, p.text FROM passages p "
            "JOIN documents d ON d.id = p.doc_id LEFT JOIN speakers s ON s.id = p.speaker_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY p.doc_id, p.start"
        )
        for pid, path, start, end, line, name, how, text in self._db.execute(sql, args):
            yield Passage(doc=path, start=start, end=end, line=line, speaker=name, how=how, text=text, id=pid)

    # -- searching --------------------------------------------------------------------------------
    def search(self, text: str, speaker: str | None = None, k: int = 5, doc: str | None = None) -> list[Hit]:
        """Passages nearest in meaning to ``text``; ``speaker`` (any alias) and ``doc`` filter inside the search.

        >>> [h.speaker for h in Index.open("index/").search("Turkey", speaker="Blinken", k=2)]  # doctest: +SKIP
        ['Antony Blinken', 'Antony Blinken']
        """
        speaker_id = self.resolve_speaker(speaker).id if speaker is not None else None
        return self._search(text, k, speaker_id=speaker_id, doc=doc)

    def _search(self, text: str, k: int, speaker_id: int | None = None, doc: str | None = None,
                mentioning: int | None = None) -> list[Hit]:
        if k <= 0:
            return []
        allowed: np.ndarray | None = None
        if speaker_id is not None or doc is not None or mentioning is not None:
            where, args = [], []
            if speaker_id is not None:
                where.append("speaker_id = ?")
                args.append(speaker_id)
            if mentioning is not None:
                where.append("id IN (SELECT passage_id FROM mentions WHERE speaker_id = ?)")
                args.append(mentioning)
            if doc is not None:
                ids = self._doc_ids(doc)
                where.append(f"doc_id IN ({','.join('?' * len(ids))})")
                args += ids
            rows = self._db.execute("SELECT id FROM passages WHERE " + " AND ".join(where), args).fetchall()
            allowed = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
            if not len(allowed):
                return []
        total = self._vectors.ntotal if allowed is None else len(allowed)
        if total == 0:
            return []
        import faiss

        query = self.embedder.encode([normalize(text)])
        params = None
        if allowed is not None:
            params = faiss.SearchParameters(sel=faiss.IDSelectorBatch(allowed))
        scores, ids = self._vectors.search(query, min(k, total), params=params)
        found = [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]
        if not found:
            return []
        rows = {
            row[0]: row
            for row in self._db.execute(
                "SELECT p.id, d.path, p.start, p.end, p.line, s.name, p.how, p.text FROM passages p "
                "JOIN documents d ON d.id = p.doc_id LEFT JOIN speakers s ON s.id = p.speaker_id "
                f"WHERE p.id IN ({','.join('?' * len(found))})",
                [i for i, _ in found],
            )
        }
        hits = []
        for rank, (pid, score) in enumerate(found, start=1):
            _, path, start, end, line, name, how, body = rows[pid]
            hits.append(Hit(rank=rank, score=score, speaker=name, doc=path, start=start, end=end, line=line, text=body, how=how))
        return hits

    def ask(self, question: str, k: int = 5, speaker: str | None = None, doc: str | None = None) -> Answer:
        """Answer a question: find the speaker it names (or ``speaker``), search that speaker's words on its topic.

        >>> answer = Index.open("index/").ask("what did the NATO chief say about the Taliban")  # doctest: +SKIP
        >>> answer.speaker, answer.topic                                                  # doctest: +SKIP
        ('Jens Stoltenberg', 'the Taliban')
        """
        if not question or not question.strip():
            raise DocqaError("the question is empty")
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
                return Answer(question, None, topic, notice, [])
            else:  # "what does the article say about Turkey": no speaker meant
                return Answer(question, None, topic, None, self._search(topic or question, k, doc=doc))
        else:
            return Answer(question, None, topic, None, self._search(topic or question, k, doc=doc))
        if chosen.passages == 0:
            notice = (
                f"{chosen.name} is mentioned in the index but never speaks; "
                f"showing passages that mention {chosen.name}, with their real speakers."
            )
            return Answer(question, chosen.name, topic, notice, self._search(topic or question, k, doc=doc, mentioning=chosen.id))
        hits = self._search(topic or question, k, speaker_id=chosen.id, doc=doc)
        notice = f"{chosen.name} says nothing in the documents matching {doc!r}." if doc and not hits else None
        return Answer(question, chosen.name, topic, notice, hits)
