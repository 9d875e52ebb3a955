"""A pytest plugin (loaded with ``-p docqa_examples``): the names the docstring examples in ``src/`` use.

``index`` is the sample documents indexed once per session with the fake embedder (speakers, passages
and filters are real; rankings are the fake embedder's); ``seeds`` is their folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def example_index(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from conftest import SEEDS, FakeEmbedder
    from docqa import Index

    index = Index.build([SEEDS], tmp_path_factory.mktemp("examples") / "index", model=FakeEmbedder(), on_warning=None)
    yield index
    index.close()


@pytest.fixture(autouse=True)
def _docstring_examples(request: pytest.FixtureRequest) -> None:
    """Only doctests get the names (and only they make the index be built)."""
    from _pytest.doctest import DoctestItem

    if isinstance(request.node, DoctestItem):
        from conftest import SEEDS, FakeEmbedder

        namespace = request.getfixturevalue("doctest_namespace")
        namespace.update(index=request.getfixturevalue("example_index"), seeds=SEEDS, FakeEmbedder=FakeEmbedder,
                         scratch=Path(request.getfixturevalue("tmp_path")))
