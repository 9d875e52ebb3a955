"""The local store: an index folder of generations, each SQLite + FTS5 (passages, speakers, BM25) and
FAISS (vectors, flat or HNSW), plus the ONNX query encoder.

    index/CURRENT                the live generation's name
    index/gen-*/manifest.json    format, model, counts
    index/gen-*/docqa.sqlite     documents, passages, speakers, aliases, mentions, passages_fts
    index/gen-*/vectors.faiss    row i = passage i + 1
    index/gen-*/encoder/         model.onnx, tokenizer.json, encoder.json
"""

from __future__ import annotations

from docqa.storage.local.generations import FORMAT_VERSION, MANIFEST, live_generation, writer_lock
from docqa.storage.local.reader import LocalStore
from docqa.storage.local.writer import LocalWriter, passage_key

__all__ = ["FORMAT_VERSION", "MANIFEST", "LocalStore", "LocalWriter", "live_generation", "passage_key", "writer_lock"]
