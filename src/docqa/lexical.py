"""Lexical search: BM25 over the passages with SQLite FTS5, in the same database as the passages.

Kept in the index's SQLite file, the lexical index is written, swapped and read with the rest of a
generation, so it can never fall out of step with the vectors.  Filters (speaker, document) are SQL
conditions applied before the top-k cut.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docqa.store import Database

TOKENIZER = "porter unicode61 remove_diacritics 2"
SCHEMA = f"CREATE VIRTUAL TABLE passages_fts USING fts5(text, content='passages', content_rowid='id', tokenize='{TOKENIZER}');"
FILL = "INSERT INTO passages_fts(rowid, text) SELECT id, text FROM passages;"

# Words that carry no topic: dropped from the query so they neither cost time nor add noise.
STOPWORDS = set(
    """a about above after again against all am an and any are as at be because been before being below between both but
    by can could did do does doing down during each few for from further had has have having he her here hers herself him
    himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other
    our ours ourselves out over own same she should so some such than that the their theirs them themselves then there
    these they this those through to too under until up very was we were what when where which while who whom why will
    with would you your yours yourself yourselves say said says tell told talk talked mention mentioned""".split()
)


MAX_TERMS = 64  # a pasted paragraph as a question still makes a query of bounded cost


def terms(text: str) -> list[str]:
    """Lower-case content words of a query, stopwords removed, in order, each once.

    >>> terms("What did Blinken say about the S-400?")
    ['blinken', '400']
    """
    out: list[str] = []
    for word in re.findall(r"\w+", text.lower()):
        if word not in STOPWORDS and word not in out and (len(word) > 1 or word.isdigit()):
            out.append(word)
    return out


def match_expression(text: str) -> str | None:
    """An FTS5 MATCH expression: any of the query's terms, each quoted (so no user text is FTS syntax)."""
    words = terms(text)[:MAX_TERMS]
    return " OR ".join(f'"{w}"' for w in words) if words else None


def search(db: Database, text: str, k: int, where: str = "", args: list[object] | None = None) -> list[tuple[int, float]]:
    """Top ``k`` (passage id, BM25 score) for ``text`` among passages meeting ``where`` (SQL on ``p``)."""
    expression = match_expression(text)
    if expression is None or k <= 0:
        return []
    sql = (
        "SELECT p.id, bm25(passages_fts) AS s FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid "
        "WHERE passages_fts MATCH ?" + (f" AND {where}" if where else "") + " ORDER BY s LIMIT ?"
    )
    return [(int(pid), -float(score)) for pid, score in db.execute(sql, [expression, *(args or []), k])]
