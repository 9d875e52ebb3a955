"""Building again over an index embeds only what changed, and says what changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from conftest import DATA, SEEDS, FakeEmbedder
from docqa import Index


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    for source in [*SEEDS.glob("*.txt"), DATA / "wire_story.txt", DATA / "state_dept_briefing.txt"]:
        shutil.copy(source, docs)
    return docs


def vectors_of(index: Index) -> dict[tuple[str, str], np.ndarray]:
    passages = list(index.passages())
    stored = index.store.vectors([p.id for p in passages])
    return {(p.doc, p.text): vector for p, vector in zip(passages, stored, strict=True)}


@pytest.mark.parametrize("kind", ["flat", "hnsw"])
def test_an_unchanged_folder_embeds_nothing(folder: Path, tmp_path: Path, kind: str) -> None:
    first = FakeEmbedder()
    built = Index.build([folder], tmp_path / "ix", model=first, on_warning=None, vector_index=kind)
    assert built.changes == {"added": 4, "updated": 0, "removed": 0, "unchanged": 0, "embedded": built.manifest["passages"]}
    live = (tmp_path / "ix" / "CURRENT").read_text()
    again = FakeEmbedder()
    rebuilt = Index.build([folder], tmp_path / "ix", model=again, on_warning=None, vector_index=kind)
    assert again.encoded == 0
    assert rebuilt.changes == {"added": 0, "updated": 0, "removed": 0, "unchanged": 4, "embedded": 0, "up_to_date": 1}
    assert (tmp_path / "ix" / "CURRENT").read_text() == live  # untouched: no new version written
    before, after = vectors_of(built), vectors_of(rebuilt)
    assert before.keys() == after.keys() and all(np.array_equal(before[k], after[k]) for k in before)
    assert rebuilt.ask("what did Blinken say about Turkey", k=1).results[0].speaker == "Antony Blinken"


def test_changed_added_and_deleted_files(folder: Path, tmp_path: Path) -> None:
    Index.build([folder], tmp_path / "ix", model=FakeEmbedder(), on_warning=None)
    with open(folder / "wire_story.txt", "a", encoding="utf-8") as handle:
        handle.write("\n“The corridor will stay open all winter,” Guterres said.\n")
    (folder / "state_dept_briefing.txt").unlink()
    shutil.copy(DATA / "meeting_notes.md", folder)
    fake = FakeEmbedder()
    index = Index.build([folder], tmp_path / "ix", model=fake, on_warning=None)
    assert index.changes | {"embedded": 0} == {"added": 1, "updated": 1, "removed": 1, "unchanged": 2, "embedded": 0}
    assert 0 < fake.encoded < index.manifest["passages"]  # only the new and changed passages
    assert not any(p.doc.endswith("state_dept_briefing.txt") for p in index.passages())
    hit = index.ask("what did Guterres say about the corridor in winter", k=1, mode="lexical").results[0]
    assert hit.speaker == "António Guterres" and "all winter" in hit.text
    fresh = Index.build([folder], tmp_path / "fresh", model=FakeEmbedder(), on_warning=None)
    reused, rebuilt = vectors_of(index), vectors_of(fresh)
    assert reused.keys() == rebuilt.keys() and all(np.allclose(reused[k], rebuilt[k]) for k in reused)


def test_full_embeds_everything_and_still_reports_changes(folder: Path, tmp_path: Path) -> None:
    Index.build([folder], tmp_path / "ix", model=FakeEmbedder(), on_warning=None)
    fake = FakeEmbedder()
    index = Index.build([folder], tmp_path / "ix", model=fake, on_warning=None, full=True)
    assert fake.encoded == index.manifest["passages"]
    assert index.changes["unchanged"] == 4 and index.changes["embedded"] == index.manifest["passages"]


def test_another_model_embeds_everything(folder: Path, tmp_path: Path) -> None:
    Index.build([folder], tmp_path / "ix", model=FakeEmbedder(), on_warning=None)

    class Other(FakeEmbedder):
        name = "test/other-model"

    other = Other()
    index = Index.build([folder], tmp_path / "ix", model=other, on_warning=None)
    assert other.encoded == index.manifest["passages"]
