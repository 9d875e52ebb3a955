"""The question adapter (docqa.embedding.adapter): shipped for the default model only, a plain array, questions only."""

from __future__ import annotations

import numpy as np
import pytest

from docqa.embedding import DEFAULT_MODEL, INT8_SUFFIX
from docqa.embedding.adapter import QueryAdapter, adapter_path


def test_the_default_model_has_its_adapter_stored_as_a_plain_array() -> None:
    path = adapter_path(DEFAULT_MODEL)
    matrix = np.load(path, allow_pickle=False)  # never a pickle
    assert matrix.shape == (384, 384) and np.isfinite(matrix).all()
    assert QueryAdapter.for_model(DEFAULT_MODEL) is not None
    assert QueryAdapter.for_model(DEFAULT_MODEL + INT8_SUFFIX) is not None  # the int8 build embeds the same model


@pytest.mark.parametrize("model", [None, "fake-hash-embedder", "sentence-transformers/all-mpnet-base-v2", "/models/mine"])
def test_other_models_are_used_as_encoded(model: str | None) -> None:
    assert QueryAdapter.for_model(model) is None


def test_adapted_questions_stay_unit_vectors_and_move() -> None:
    adapter = QueryAdapter.for_model(DEFAULT_MODEL)
    assert adapter is not None
    rng = np.random.default_rng(0)
    questions = rng.normal(size=(5, 384)).astype(np.float32)
    questions /= np.linalg.norm(questions, axis=1, keepdims=True)
    moved = adapter.adapt(questions)
    assert moved.dtype == np.float32 and moved.shape == questions.shape
    assert np.allclose(np.linalg.norm(moved, axis=1), 1.0, atol=1e-5)
    assert not np.allclose(moved, questions, atol=1e-3)
    other = rng.normal(size=(2, 8)).astype(np.float32)  # another model's dimension: left as it is
    assert np.array_equal(adapter.adapt(other), other)


def test_an_index_of_another_model_searches_with_the_question_as_encoded(fake_index) -> None:  # type: ignore[no-untyped-def]
    searcher = fake_index.searcher
    assert searcher.adapter is None
    question = "what about Turkey"
    assert np.array_equal(searcher.vector(question, "dense"), searcher.vector(question, "dense", adapted=False))
