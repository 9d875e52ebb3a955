"""The generation's SQLite database: documents, passages, speakers, aliases, mentions.

Every SQL statement of the local store is here: the schema, the read-only
connection whose errors say the index is damaged, a ``Filter`` turned into one SQL condition, and
rows turned into ``PassageRow``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from docqa.errors import IndexFormatError
from docqa.records import Speaker
from docqa.storage.base import AliasRow, DocumentRow, Filter, PassageRow, SpeakerRow

DATABASE = "docqa.sqlite"
SCHEMA = """
CREATE TABLE documents (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
                        encoding TEXT NOT NULL, sha256 TEXT NOT NULL, chars INTEGER NOT NULL, transcript INTEGER NOT NULL,
                        date TEXT);
CREATE TABLE speakers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, titles TEXT NOT NULL,
                       passages INTEGER NOT NULL, mentions INTEGER NOT NULL, first_date TEXT, last_date TEXT);
CREATE TABLE aliases (alias TEXT NOT NULL, written TEXT NOT NULL, speaker_id INTEGER NOT NULL REFERENCES speakers(id),
                      kind TEXT NOT NULL, PRIMARY KEY (alias, speaker_id, written));
CREATE TABLE passages (id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id), start INTEGER NOT NULL,
                       end INTEGER NOT NULL, line INTEGER NOT NULL, speaker_id INTEGER REFERENCES speakers(id),
                       how TEXT NOT NULL, text TEXT NOT NULL, page INTEGER, time REAL);
CREATE TABLE mentions (passage_id INTEGER NOT NULL, speaker_id INTEGER NOT NULL,
                       PRIMARY KEY (passage_id, speaker_id)) WITHOUT ROWID;
"""
INDEXES = """
CREATE INDEX passages_speaker ON passages(speaker_id);
CREATE INDEX passages_doc ON passages(doc_id, start);
CREATE INDEX mentions_speaker ON mentions(speaker_id);
"""
_ROW_SQL = (
    "SELECT p.id, p.doc_id, p.start, p.end, p.line, p.speaker_id, p.how, p.text, p.page, p.time, d.path, s.name, d.date "
    "FROM passages p JOIN documents d ON d.id = p.doc_id LEFT JOIN speakers s ON s.id = p.speaker_id "
)


def _row(values: tuple[Any, ...]) -> PassageRow:
    pid, doc_id, start, end, line, speaker_id, how, text, page, time_, path, name, date = values
    return PassageRow(id=pid, doc_id=doc_id, start=start, end=end, line=line, speaker_id=speaker_id, how=how, text=text,
                      page=page, time=time_, doc=path, speaker=name, date=date)


def condition(where: Filter | None) -> tuple[str, list[Any]]:
    """One SQL condition on passages ``p`` for a filter (empty for none); the same one feeds FAISS and BM25.

    >>> condition(Filter(speakers=(2,), documents=(1, 3)))
    ('p.speaker_id IN (?) AND p.doc_id IN (?,?)', [2, 1, 3])
    """
    if where is None:
        return "", []
    parts, args = [], []
    if where.speakers is not None:
        parts.append(f"p.speaker_id IN ({','.join('?' * len(where.speakers))})")
        args += list(where.speakers)
    if where.mentioning is not None:
        parts.append("p.id IN (SELECT passage_id FROM mentions WHERE speaker_id = ?)")
        args.append(where.mentioning)
    if where.documents is not None:
        parts.append(f"p.doc_id IN ({','.join('?' * len(where.documents))})")
        args += list(where.documents)
    if where.since is not None or where.until is not None:
        dated = ["date IS NOT NULL"] + (["date >= ?"] if where.since else []) + (["date <= ?"] if where.until else [])
        parts.append(f"p.doc_id IN (SELECT id FROM documents WHERE {' AND '.join(dated)})")
        args += [d for d in (where.since, where.until) if d]
    return " AND ".join(parts), args


class Database:
    """A read-only generation database whose errors say the index is damaged, in one line."""

    def __init__(self, connection: sqlite3.Connection, root: Path) -> None:
        self._connection = connection
        self._root = root

    def _damaged(self, exc: sqlite3.Error) -> IndexFormatError:
        return IndexFormatError(f"the index at {self._root} is damaged: {DATABASE}: {exc}")

    def execute(self, sql: str, args: Any = ()) -> list[tuple[Any, ...]]:
        """Run a query and return all its rows."""
        try:
            return self._connection.execute(sql, args).fetchall()
        except sqlite3.DatabaseError as exc:
            raise self._damaged(exc) from None

    def stream(self, sql: str, args: Any = ()) -> Iterator[tuple[Any, ...]]:
        """Run a query and yield its rows as they come (for listings of any size)."""
        try:
            yield from self._connection.execute(sql, args)
        except sqlite3.DatabaseError as exc:
            raise self._damaged(exc) from None

    # -- what a reader asks ----------------------------------------------------------------------
    def count(self, where: Filter | None = None) -> int:
        sql, args = condition(where)
        return int(self.execute("SELECT count(*) FROM passages p" + (f" WHERE {sql}" if sql else ""), args)[0][0])

    def ids(self, where: Filter) -> list[int]:
        sql, args = condition(where)
        return [r[0] for r in self.execute("SELECT p.id FROM passages p" + (f" WHERE {sql}" if sql else ""), args)]

    def documents(self) -> list[DocumentRow]:
        rows = self.execute("SELECT id, path, kind, encoding, sha256, chars, transcript, date FROM documents ORDER BY id")
        return [DocumentRow(i, p, k, e, h, c, bool(t), date) for i, p, k, e, h, c, t, date in rows]

    def speakers(self, speaker_id: int | None = None) -> list[Speaker]:
        """Speakers with aliases and counts: all of them, or the one with ``speaker_id``."""
        where, args = ("WHERE s.id = ?", [speaker_id]) if speaker_id is not None else ("", [])
        rows = self.execute("SELECT s.id, s.name, s.kind, s.passages, s.mentions, s.first_date, s.last_date, s.titles "
                            f"FROM speakers s {where}",
                            args)
        aliases: dict[int, list[str]] = {}
        alias_where = where.replace("s.id", "speaker_id")
        for sid, written in self.execute(f"SELECT speaker_id, written FROM aliases {alias_where} ORDER BY rowid", args):
            aliases.setdefault(sid, [])
            if written not in aliases[sid]:
                aliases[sid].append(written)
        return [
            Speaker(name=name, kind=kind, aliases=[a for a in aliases.get(sid, []) if a != name], passages=n, mentions=m, id=sid,
                    first_date=first, last_date=last, titles=json.loads(titles))
            for sid, name, kind, n, m, first, last, titles in rows
        ]

    def aliases(self) -> list[AliasRow]:
        return [AliasRow(*row) for row in self.execute("SELECT alias, written, speaker_id, kind FROM aliases")]

    def passage_counts(self, where: Filter | None = None) -> dict[int, int]:
        sql, args = condition(where)
        return dict(self.execute("SELECT p.speaker_id, count(*) FROM passages p WHERE p.speaker_id IS NOT NULL"
                                 + (f" AND {sql}" if sql else "") + " GROUP BY p.speaker_id", args))

    def passages(self, ids: Sequence[int]) -> dict[int, PassageRow]:
        rows: dict[int, PassageRow] = {}
        for at in range(0, len(ids), 500):
            part = list(ids[at : at + 500])
            for values in self.execute(_ROW_SQL + f"WHERE p.id IN ({','.join('?' * len(part))})", part):
                rows[values[0]] = _row(values)
        return rows

    def scan(self, where: Filter | None = None) -> Iterator[PassageRow]:
        sql, args = condition(where)
        for values in self.stream(_ROW_SQL + (f"WHERE {sql} " if sql else "") + "ORDER BY p.doc_id, p.start", args):
            yield _row(values)

    def neighbours(self, passage_id: int, n: int) -> tuple[list[PassageRow], list[PassageRow]]:
        """The ``n`` passages before (nearest first) and after a passage in its document."""
        found = self.execute("SELECT doc_id, start FROM passages WHERE id = ?", [passage_id])
        if not found:
            return [], []
        doc_id, start = found[0]
        before = self.execute(_ROW_SQL + "WHERE p.doc_id = ? AND p.start < ? ORDER BY p.start DESC LIMIT ?", [doc_id, start, n])
        after = self.execute(_ROW_SQL + "WHERE p.doc_id = ? AND p.start > ? ORDER BY p.start LIMIT ?", [doc_id, start, n])
        return [_row(r) for r in before], [_row(r) for r in after]

    def keyed_texts(self) -> list[tuple[int, str, str]]:
        """(passage id, document path, text) of every passage: what an incremental build matches vectors on."""
        return self.execute("SELECT p.id, d.path, p.text FROM passages p JOIN documents d ON d.id = p.doc_id")

    def close(self) -> None:
        self._connection.close()


def open_database(gen: Path) -> Database:
    path = gen / DATABASE
    if not path.is_file():
        raise IndexFormatError(f"the index at {gen.parent} is damaged: {DATABASE} is missing")
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        db.execute("SELECT count(*) FROM passages").fetchone()
    except sqlite3.DatabaseError:
        raise IndexFormatError(f"the index at {gen.parent} is damaged: {DATABASE} is not a readable docqa database") from None
    return Database(db, gen.parent)


class DatabaseWriter:
    """Fills a new generation's database: rows by name, never by column position."""

    def __init__(self, folder: Path) -> None:
        self._db = sqlite3.connect(folder / DATABASE)
        self._db.execute("PRAGMA journal_mode=OFF")
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.executescript(SCHEMA)

    def documents(self, rows: Iterable[DocumentRow]) -> None:
        self._db.executemany(
            "INSERT INTO documents (id, path, kind, encoding, sha256, chars, transcript, date) VALUES (?,?,?,?,?,?,?,?)",
            [(d.id, d.path, d.kind, d.encoding, d.sha256, d.chars, int(d.transcript), d.date) for d in rows],
        )

    def speakers(self, speakers: Iterable[SpeakerRow], aliases: Iterable[AliasRow]) -> None:
        self._db.executemany(
            "INSERT INTO speakers (id, name, kind, titles, passages, mentions, first_date, last_date) VALUES (?,?,?,?,?,?,?,?)",
            [(s.id, s.name, s.kind, json.dumps(list(s.titles)), s.passages, s.mentions, s.first_date,
              s.last_date) for s in speakers])
        self._db.executemany("INSERT INTO aliases (alias, written, speaker_id, kind) VALUES (?,?,?,?)",
                             [(a.key, a.written, a.speaker_id, a.kind) for a in aliases])

    def passages(self, rows: Iterable[PassageRow]) -> None:
        self._db.executemany(
            "INSERT INTO passages (id, doc_id, start, end, line, speaker_id, how, text, page, time) VALUES (?,?,?,?,?,?,?,?,?,?)",
            ((p.id, p.doc_id, p.start, p.end, p.line, p.speaker_id, p.how, p.text, p.page, p.time) for p in rows),
        )

    def mentions(self, pairs: Iterable[tuple[int, int]]) -> None:
        self._db.executemany("INSERT INTO mentions (passage_id, speaker_id) VALUES (?,?)", sorted(pairs))

    def finish(self) -> None:
        """Create the indexes once every row is in."""
        self._db.executescript(INDEXES)
        self._db.commit()

    def lexical_rows(self) -> Iterator[tuple[int, str, int | None, int, str | None, list[int]]]:
        """What the lexical index takes of each passage: (id, text, speaker id, document id, date, mentioned ids);
        then the database is closed."""
        mentions: dict[int, list[int]] = {}
        for pid, sid in self._db.execute("SELECT passage_id, speaker_id FROM mentions"):
            mentions.setdefault(pid, []).append(sid)
        rows = self._db.execute("SELECT p.id, p.text, p.speaker_id, p.doc_id, d.date FROM passages p "
                                "JOIN documents d ON d.id = p.doc_id ORDER BY p.id")
        for pid, text, speaker_id, doc_id, date in rows:
            yield pid, text, speaker_id, doc_id, date, mentions.get(pid, [])
        self._db.close()

    def close(self) -> None:
        self._db.close()
