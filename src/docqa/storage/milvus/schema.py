"""The Milvus collections of one generation, and a ``Filter`` as a Milvus filter expression.

>>> expression(Filter(speakers=(2, 5), documents=(1,), since="2021-01-01"))
'speaker_id in [2, 5] and doc_id in [1] and date != "" and date >= "2021-01-01"'
"""

from __future__ import annotations

import json
from typing import Any

from docqa.storage.base import Filter

NONE = -1  # speaker_id, page: Milvus scalars are not nullable everywhere, so -1 stands for none
MAX_TEXT = 65_535  # bytes of a VARCHAR
MAX_MENTIONS = 256  # people a passage can be recorded as mentioning
RRF_K = 60  # the constant of the local store's reciprocal rank fusion
HNSW = {"M": 16, "efConstruction": 200}
# Lower-cased, English stems: the local store's tantivy analyzer stems English words too.  (Milvus Lite reads these
# settings but tokenizes with its standard analyzer only: see docs/scaling.md for how far the rankings agree.)
ANALYZER = {"tokenizer": "standard", "filter": ["lowercase", {"type": "stemmer", "language": "english"}]}


def expression(where: Filter | None) -> str:
    """The filter as a Milvus boolean expression ("" for none)."""
    if where is None:
        return ""
    parts = []
    if where.speakers is not None:
        parts.append(f"speaker_id in {list(where.speakers)}")
    if where.documents is not None:
        parts.append(f"doc_id in {list(where.documents)}")
    if where.mentioning is not None:
        parts.append(f"array_contains(mentions, {int(where.mentioning)})")
    if where.since is not None or where.until is not None:
        parts.append('date != ""')
        parts += [f"date {op} {json.dumps(day)}" for op, day in ((">=", where.since), ("<=", where.until)) if day]
    return " and ".join(parts)


def passages_schema(dimension: int) -> Any:
    from pymilvus import DataType, Function, FunctionType, MilvusClient

    schema = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
    schema.add_field("id", DataType.INT64, is_primary=True)
    for name in ("doc_id", "start", "end", "line", "speaker_id", "page"):
        schema.add_field(name, DataType.INT64)
    schema.add_field("time", DataType.DOUBLE)
    schema.add_field("how", DataType.VARCHAR, max_length=32)
    schema.add_field("date", DataType.VARCHAR, max_length=10)
    schema.add_field("key", DataType.VARCHAR, max_length=32)  # the passage key an incremental build reuses vectors by
    schema.add_field("mentions", DataType.ARRAY, element_type=DataType.INT64, max_capacity=MAX_MENTIONS)
    schema.add_field("text", DataType.VARCHAR, max_length=MAX_TEXT, enable_analyzer=True, enable_match=True,
                     analyzer_params=ANALYZER)
    schema.add_field("dense", DataType.FLOAT_VECTOR, dim=dimension)
    schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
    schema.add_function(Function(name="bm25", function_type=FunctionType.BM25, input_field_names=["text"],
                                 output_field_names=["sparse"]))
    return schema


def passages_indexes(client: Any, kind: str) -> Any:
    params = client.prepare_index_params()
    if kind == "hnsw":
        params.add_index(field_name="dense", index_type="HNSW", metric_type="IP", params=HNSW)
    else:
        params.add_index(field_name="dense", index_type="FLAT", metric_type="IP")
    params.add_index(field_name="sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25")
    params.add_index(field_name="speaker_id", index_type="INVERTED")
    params.add_index(field_name="doc_id", index_type="INVERTED")
    return params


def records_schema() -> Any:
    """Manifest, documents, speakers and aliases, one JSON body each (Milvus needs a vector field: a dummy one)."""
    from pymilvus import DataType, MilvusClient

    schema = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
    schema.add_field("id", DataType.INT64, is_primary=True)
    schema.add_field("kind", DataType.VARCHAR, max_length=16)
    schema.add_field("body", DataType.VARCHAR, max_length=MAX_TEXT)
    schema.add_field("unused", DataType.FLOAT_VECTOR, dim=2)
    return schema


def records_indexes(client: Any) -> Any:
    params = client.prepare_index_params()
    params.add_index(field_name="unused", index_type="FLAT", metric_type="L2")
    return params
