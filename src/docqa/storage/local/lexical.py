"""Lexical search: BM25 over the passages with SQLite FTS5, in the same database as the passages.

Kept in the generation's SQLite file, the lexical index is written, swapped and read with the rest of
a generation, so it can never fall out of step with the vectors.  Filters are SQL conditions applied
before the top-k cut.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docqa.language.tokens import terms
from docqa.storage.base import MAX_TERMS

if TYPE_CHECKING:
    from docqa.storage.local.database import Database

TOKENIZER = "porter unicode61 remove_diacritics 2"
SCHEMA = f"CREATE VIRTUAL TABLE passages_fts USING fts5(text, content='passages', content_rowid='id', tokenize='{TOKENIZER}');"
FILL = "INSERT INTO passages_fts(rowid, text) SELECT id, text FROM passages;"


def match_expression(text: str, every: bool = False) -> str | None:
    """An FTS5 MATCH expression: any (``every``: all) of the query's terms, each quoted (so no user text is FTS syntax).

    >>> match_expression("what did Blinken say about the S-400?")
    '"blinken" OR "400"'
    >>> match_expression("what did Blinken say about the S-400?", every=True)
    '"blinken" AND "400"'
    """
    words = terms(text)[:MAX_TERMS]
    return (" AND " if every else " OR ").join(f'"{w}"' for w in words) if words else None


def search(db: Database, text: str, k: int, where: str = "", args: list[object] | None = None,
           every: bool = False) -> list[tuple[int, float]]:
    """Top ``k`` (passage id, BM25 score) for ``text`` among passages meeting ``where`` (SQL on ``p``); with
    ``every``, only passages holding all of its terms."""
    expression = match_expression(text, every)
    if expression is None or k <= 0:
        return []
    sql = (
        "SELECT p.id, bm25(passages_fts) AS s FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid "
        "WHERE passages_fts MATCH ?" + (f" AND {where}" if where else "") + " ORDER BY s LIMIT ?"
    )
    return [(int(pid), -float(score)) for pid, score in db.execute(sql, [expression, *(args or []), k])]
