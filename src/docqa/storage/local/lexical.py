"""Lexical search: BM25 over the passages with tantivy, kept in the generation's ``lexical/`` folder.

tantivy is a Lucene-class engine (Rust, on PyPI): its block-max WAND skips the postings that cannot
reach the top k, where SQLite FTS5, used before, scored every posting of every query word: at a million
passages a query over common words took 60-120 ms in FTS5 and about 1 ms here, with the same SciFact
quality (benchmarks/lexical_engines.py; docs/performance.md).  Written inside a generation and swapped
with it, it can never fall out of step with the passages and vectors.  Filters (speakers, documents,
mentions, dates) are fields of the index, applied inside the search before the top-k cut.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from docqa.errors import IndexFormatError
from docqa.language.tokens import terms
from docqa.storage.base import MAX_TERMS, Filter

LEXICAL_DIR = "lexical"
ENGINE = "tantivy-1"  # in the manifest: a version laid out otherwise (SQLite FTS5, before) is rebuilt
ANALYZER = "docqa_english"  # words of letters and digits, lower-cased, accents folded, Snowball English stems


def _analyzer() -> Any:
    import tantivy

    return (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple()).filter(tantivy.Filter.remove_long(40))
            .filter(tantivy.Filter.lowercase()).filter(tantivy.Filter.ascii_fold())
            .filter(tantivy.Filter.stemmer("english")).build())


def _schema() -> Any:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("text", stored=False, tokenizer_name=ANALYZER, index_option="freq")
    builder.add_unsigned_field("id", stored=True, indexed=True, fast=True)
    builder.add_unsigned_field("speaker", indexed=True)
    builder.add_unsigned_field("doc", indexed=True)
    builder.add_unsigned_field("mentions", indexed=True)  # one value per speaker the passage mentions
    builder.add_unsigned_field("date", indexed=True, fast=True)  # the document's day as YYYYMMDD; none when undated
    return builder.build()


def _day(iso: str) -> int:
    return int(iso[:10].replace("-", ""))


def write(folder: Path, rows: Iterable[tuple[int, str, int | None, int, str | None, list[int]]]) -> None:
    """The lexical index of a new generation at ``folder/lexical``: (id, text, speaker id, document id, date,
    mentioned speaker ids) per passage."""
    import tantivy

    target = folder / LEXICAL_DIR
    target.mkdir()
    index = tantivy.Index(_schema(), path=str(target))
    index.register_tokenizer(ANALYZER, _analyzer())
    writer = index.writer(heap_size=128_000_000, num_threads=1)
    for pid, text, speaker_id, doc_id, date, mentioned in rows:
        document = tantivy.Document()
        document.add_text("text", text)
        document.add_unsigned("id", pid)
        document.add_unsigned("doc", doc_id)
        if speaker_id is not None:
            document.add_unsigned("speaker", speaker_id)
        for other in mentioned:
            document.add_unsigned("mentions", other)
        if date:
            document.add_unsigned("date", _day(date))
        writer.add_document(document)
    writer.commit()
    writer.wait_merging_threads()


class Lexical:
    """A generation's lexical index, opened on first use (an index built before it existed says so then)."""

    def __init__(self, generation: Path) -> None:
        self._folder = generation / LEXICAL_DIR
        self._searcher: Any = None
        self._schema: Any = None
        self._analyzer: Any = None

    def _open(self) -> None:
        if self._searcher is not None:
            return
        if not self._folder.is_dir():
            raise IndexFormatError(f"the index at {self._folder.parent.parent} has no word index (built by an older docqa): "
                                   "run `docqa index` again (unchanged passages keep their vectors)")
        import tantivy

        try:
            index = tantivy.Index.open(str(self._folder))
            self._analyzer = _analyzer()  # the one analyser: the index's, and the questions'
            index.register_tokenizer(ANALYZER, self._analyzer)
            self._schema, self._searcher = index.schema, index.searcher()
        except (ValueError, OSError) as exc:
            raise IndexFormatError(f"the index at {self._folder.parent.parent} is damaged: {LEXICAL_DIR}/: {exc}") from None

    def close(self) -> None:
        self._searcher = self._schema = self._analyzer = None  # tantivy unmaps its files as they are freed

    def words(self, text: str) -> list[str]:
        """The query's terms as the index holds them (stemmed, folded), each once."""
        self._open()
        return list(dict.fromkeys(token for word in terms(text)[:MAX_TERMS] for token in self._analyzer.analyze(word)))

    def search(self, text: str, k: int, where: Filter | None = None, every: bool = False) -> list[tuple[int, float]]:
        """Top ``k`` (passage id, BM25 score) for any (``every``: all) of ``text``'s terms, among passages ``where``
        allows."""
        import tantivy

        words = self.words(text)
        if not words or k <= 0:
            return []
        occur = tantivy.Occur.Must if every else tantivy.Occur.Should
        query = tantivy.Query.boolean_query([(occur, tantivy.Query.term_query(self._schema, "text", w)) for w in words])
        clauses = [(tantivy.Occur.Must, query), *((tantivy.Occur.Must, q) for q in self._filters(where))]
        if len(clauses) > 1:
            query = tantivy.Query.boolean_query(clauses)
        found = self._searcher.search(query, k).hits
        return [(int(self._searcher.doc(address)["id"][0]), float(score)) for score, address in found]

    def _filters(self, where: Filter | None) -> list[Any]:
        import tantivy

        if where is None or where.is_empty:
            return []
        out = []

        def any_of(field: str, values: Iterable[int]) -> Any:
            return tantivy.Query.term_set_query(self._schema, field, list(values))

        if where.speakers is not None:
            out.append(any_of("speaker", where.speakers))
        if where.documents is not None:
            out.append(any_of("doc", where.documents))
        if where.mentioning is not None:
            out.append(tantivy.Query.term_query(self._schema, "mentions", where.mentioning))
        if where.since is not None or where.until is not None:
            out.append(tantivy.Query.range_query(self._schema, "date", tantivy.FieldType.Unsigned,
                                                 _day(where.since) if where.since else 0,
                                                 _day(where.until) if where.until else 99_999_999))
        return out
