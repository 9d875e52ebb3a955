"""The Index with a fake embedder: build, open, filters inside the search, atomic replacement, clear errors."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import FakeEmbedder
from docqa import (
    DocqaError,
    Index,
    IndexFormatError,
    IndexLockedError,
    IndexNotFoundError,
    ModelMismatchError,
    NoDocumentsError,
    UnknownSpeakerError,
    read_document,
)
from docqa.storage.base import FORMAT_VERSION
from docqa.storage.local import MANIFEST, writer_lock
from docqa.storage.local.vectors import VECTORS


def build(corpus: Path, tmp_path: Path, fake: FakeEmbedder, **kw) -> Index:
    return Index.build([corpus], tmp_path / "ix", model=fake, on_warning=None, **kw)


def test_every_passage_maps_back_to_its_source(fake_index: Index) -> None:
    index = fake_index
    passages = list(index.passages())
    assert len(passages) == index.manifest["passages"] > 50
    cwd = Path.cwd()
    for passage in passages:
        source = read_document(cwd / passage.doc if not os.path.isabs(passage.doc) else passage.doc).text
        assert source[passage.start:passage.end] == passage.text
        assert source.count("\n", 0, passage.start) + 1 == passage.line
        assert len(passage.text.split()) <= 200


def test_speaker_filter_is_inside_the_search(fake_index: Index) -> None:
    """Maas has one passage; an unfiltered top-k would never reach it for this query."""
    index = fake_index
    hits = index.search("NATO allies alliance Turkey", speaker="Maas", k=5)
    assert [h.speaker for h in hits] == ["Heiko Maas"]
    unfiltered = index.search("NATO allies alliance Turkey", k=5)
    assert "Heiko Maas" not in [h.speaker for h in unfiltered]


def test_ask_resolves_names_roles_and_labels(fake_index: Index) -> None:
    index = fake_index
    answer = index.ask("what did Blinken say about Turkey", k=3)
    assert answer.speaker == "Antony Blinken" and answer.topic == "Turkey"
    assert all(h.speaker == "Antony Blinken" for h in answer.results)
    assert "Turkey" in answer.results[0].text
    assert index.ask("what did the NATO chief say about the Taliban").speaker == "Jens Stoltenberg"
    assert index.ask("what did QUESTION ask about Iran").speaker == "QUESTION"
    data = answer.to_dict()
    assert list(data)[:5] == ["query", "speaker", "topic", "notice", "results"]
    assert {"rank", "score", "speaker", "doc", "start", "end", "line", "text"} <= set(data["results"][0])


def test_mentioned_but_silent_person_gets_a_notice_and_real_speakers(fake_index: Index) -> None:
    index = fake_index
    answer = index.ask("what did Cavusoglu say about NATO")
    assert answer.speaker == "Mevlut Cavusoglu"
    assert answer.notice and "never speaks" in answer.notice
    assert answer.results and all(h.speaker != "Mevlut Cavusoglu" for h in answer.results)
    assert all("Cavusoglu" in h.text for h in answer.results)


def test_unknown_name_gets_a_notice_with_the_closest_speakers(fake_index: Index) -> None:
    index = fake_index
    answer = index.ask("what did Blinkin say about Turkey")
    assert answer.results == [] and answer.speaker is None
    assert "Antony Blinken" in answer.notice
    with pytest.raises(UnknownSpeakerError, match="Closest known speakers: Antony Blinken"):
        index.search("Turkey", speaker="Blinkin")


def test_doc_filter(fake_index: Index) -> None:
    index = fake_index
    hits = index.ask("what did Blinken say about China", doc="*000_*", k=10).results
    assert hits and all("000_" in h.doc for h in hits)
    with pytest.raises(DocqaError, match="no document"):
        index.ask("China", doc="nothing-like-this")


def test_who_questions_search_everyone(fake_index: Index) -> None:
    index = fake_index
    answer = index.ask("who called it a lifeline for millions of people", k=5)
    assert answer.speaker is None
    assert answer.results[0].speaker == "António Guterres"


def test_speakers_lists_aliases_and_counts(fake_index: Index) -> None:
    index = fake_index
    speakers = {s.name: s for s in index.speakers()}
    blinken = speakers["Antony Blinken"]
    assert blinken.passages > 10 and "ANTONY BLINKEN" in blinken.aliases and "Blinken" in blinken.aliases
    assert speakers["Mevlut Cavusoglu"].passages == 0 and speakers["Mevlut Cavusoglu"].mentions >= 1
    assert "Secretary" not in blinken.aliases


def test_reopen_and_model_mismatch(corpus: Path, tmp_path: Path, fake: FakeEmbedder) -> None:
    build(corpus, tmp_path, fake)
    index = Index.open(tmp_path / "ix", model=fake)
    assert index.manifest["model"] == fake.name and index.manifest["dimension"] == 512
    with pytest.raises(ModelMismatchError, match="built with model"):
        Index.open(tmp_path / "ix", model="sentence-transformers/all-MiniLM-L6-v2")


def test_missing_and_damaged_indexes_are_clear_errors(tmp_path: Path, corpus: Path, fake: FakeEmbedder) -> None:
    with pytest.raises(IndexNotFoundError, match="docqa index"):
        Index.open(tmp_path / "nowhere")
    index = build(corpus, tmp_path, fake)
    (index.generation / VECTORS).write_bytes(b"not faiss")
    with pytest.raises(IndexFormatError, match="damaged"):
        Index.open(tmp_path / "ix")
    manifest = json.loads((index.generation / MANIFEST).read_text())
    manifest["format"] = FORMAT_VERSION + 1
    (index.generation / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(IndexFormatError, match="upgrade docqa"):
        Index.open(tmp_path / "ix")


class Exploding(FakeEmbedder):
    name = "test/exploding"  # another model: nothing of the previous index can be reused

    def encode(self, texts):  # type: ignore[no-untyped-def]
        raise RuntimeError("power cut while embedding")


def test_a_failed_build_leaves_the_previous_index_usable(corpus: Path, tmp_path: Path, fake: FakeEmbedder) -> None:
    before = build(corpus, tmp_path, fake).manifest
    with pytest.raises(RuntimeError, match="power cut"):
        Index.build([corpus / "seeds"], tmp_path / "ix", model=Exploding(), on_warning=None)
    after = Index.open(tmp_path / "ix", model=fake)
    assert after.manifest == before
    assert after.ask("what did Blinken say about Turkey").results
    assert not list((tmp_path / "ix").glob(".tmp-*"))
    assert len(list((tmp_path / "ix").glob("gen-*"))) == 1


def test_a_second_writer_is_refused(corpus: Path, tmp_path: Path, fake: FakeEmbedder) -> None:
    with writer_lock(tmp_path / "ix"):
        with pytest.raises(IndexLockedError, match="another docqa process"):
            build(corpus, tmp_path, fake)


def test_bad_files_are_skipped_with_a_warning_and_the_rest_indexed(corpus: Path, tmp_path: Path, fake: FakeEmbedder) -> None:
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (corpus / "empty.md").write_text("   \n")
    os.symlink(corpus / "missing.txt", corpus / "broken.txt")
    warnings: list[tuple[str, str]] = []
    index = Index.build([corpus], tmp_path / "ix", model=fake, on_warning=lambda p, r: warnings.append((Path(p).name, r)))
    assert {name for name, _ in warnings} == {"binary.txt", "empty.md", "broken.txt"}
    assert index.manifest["documents"] == 5


def test_paths_may_be_any_iterable(corpus: Path, tmp_path: Path, fake: FakeEmbedder) -> None:
    index = Index.build((p for p in [corpus / "seeds"]), tmp_path / "ix", model=fake, on_warning=None)
    assert index.manifest["documents"] == 2


def test_nothing_readable_is_an_error_and_writes_nothing(tmp_path: Path, fake: FakeEmbedder) -> None:
    (tmp_path / "a.txt").write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(NoDocumentsError):
        Index.build([tmp_path / "a.txt"], tmp_path / "ix", model=fake, on_warning=None)
    with pytest.raises(IndexNotFoundError):
        Index.open(tmp_path / "ix")


def test_k_zero_and_huge_k(fake_index: Index) -> None:
    index = fake_index
    with pytest.raises(DocqaError, match="k must be between 1 and 1,000, not 0"):
        index.ask("Turkey", k=0)
    assert len(index.ask("Turkey", k=1000, cutoff=False).results) == index.manifest["passages"]
    with pytest.raises(DocqaError, match="empty"):
        index.ask("   ")


def test_hnsw_index_answers_like_flat_with_and_without_filters(corpus: Path, tmp_path: Path, fake: FakeEmbedder) -> None:
    flat = Index.build([corpus], tmp_path / "flat", model=fake, on_warning=None, vector_index="flat")
    hnsw = Index.build([corpus], tmp_path / "hnsw", model=fake, on_warning=None, vector_index="hnsw")
    assert (flat.manifest["vectors"], hnsw.manifest["vectors"]) == ("flat", "hnsw")
    reopened = Index.open(tmp_path / "hnsw", model=fake)
    # unfiltered; Blinken (a large share: the graph's own filtered walk); Maas (a tiny share: exact over storage)
    for speaker in (None, "Blinken", "Maas"):
        for query in ("NATO allies alliance security", "Turkey differences", "grain deal lifeline"):
            a = [h.id for h in flat.search(query, speaker=speaker, k=5, mode="dense")]
            b = [h.id for h in reopened.search(query, speaker=speaker, k=5, mode="dense")]
            assert a == b, (speaker, query)


def test_the_speaker_option_replaces_the_questions_own_subject(corpus: Path, tmp_path: Path, fake: FakeEmbedder) -> None:
    """--speaker says who "she" is: the topic is what follows, never "what did she say about …"."""
    index = build(corpus, tmp_path, fake)
    answer = index.ask("what did he say about Turkey", speaker="Blinken")
    assert (answer.speaker, answer.topic) == ("Antony Blinken", "Turkey")
    assert "say about" not in (answer.notice or "")
    everything = index.ask("what did she say", speaker="Blinken")
    assert everything.listing and everything.topic == "" and all(h.speaker == "Antony Blinken" for h in everything.results)
    assert index.ask("sanctions on Russia", speaker="Blinken").topic == "sanctions on Russia"
