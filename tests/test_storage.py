"""The storage contract, tested through the protocols only, so every backend runs the same suite:
build, reopen, filters inside dense and lexical search, listing, neighbours, incremental reuse, and a
build that dies before its commit."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from conftest import SEEDS, FakeEmbedder
from docqa import Filter, Index
from docqa.errors import DocqaError
from docqa.storage import AliasRow, DocumentRow, PassageRow, SpeakerRow, open_reader, open_writer

BACKENDS = ["local", pytest.param("milvus-lite", marks=pytest.mark.slow)]  # Milvus Lite starts an engine per file: seconds


@pytest.fixture(params=BACKENDS)
def location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "milvus-lite":
        pytest.importorskip("pymilvus", reason="the Milvus store needs pip install 'docqa[scale]'")
        pytest.importorskip("milvus_lite", reason="the Milvus store needs pip install 'docqa[scale]'")
        return f"milvus-lite:{tmp_path / 'store.db'}"
    return str(tmp_path / "store")


TEXTS = [
    ("a.txt", 1, "Turkey is a valued ally of the alliance."),
    ("a.txt", 2, "The S-400 purchase remains a problem for Turkey."),
    ("a.txt", None, "The ministers met in Brussels on Wednesday."),
    ("b.txt", 2, "We will keep working on grain exports."),
    ("b.txt", 1, "Grain exports through the Black Sea resumed."),
]


def write_small(location: str, fake: FakeEmbedder, texts=TEXTS) -> object:  # type: ignore[no-untyped-def]
    docs = sorted({doc for doc, _, _ in texts})
    with open_writer(location) as writer:
        writer.write_documents(DocumentRow(i + 1, d, "text", "utf-8", f"hash-{d}", 100, True) for i, d in enumerate(docs))
        spoken = {sid: sum(1 for _, speaker, _ in texts if speaker == sid) for sid in (1, 2)}  # statistics come from the build
        writer.write_speakers([SpeakerRow(1, "Antony Blinken", "person", ("Secretary of State",), passages=spoken[1], mentions=1),
                               SpeakerRow(2, "Jens Stoltenberg", "person", passages=spoken[2])],
                              [AliasRow("blinken", "Blinken", 1, "surname"), AliasRow("stoltenberg", "Stoltenberg", 2,
                                                                                      "surname")])
        offsets: dict[str, int] = {}
        rows = []
        for pid, (doc, speaker, text) in enumerate(texts, start=1):
            start = offsets.get(doc, 0)
            rows.append(PassageRow(id=pid, doc_id=docs.index(doc) + 1, start=start, end=start + len(text), line=pid,
                                   speaker_id=speaker,
                                   how="label" if speaker else "narration", text=text))
            offsets[doc] = start + len(text) + 2
        writer.write_passages(rows, fake.encode([text for _, _, text in texts]))
        writer.write_mentions([(3, 1)])
        return writer.commit({"docqa_version": "test", "model": fake.name, "dimension": fake.dimension, "documents": len(docs),
                              "passages": len(rows), "speakers": 2})


def test_what_is_written_reads_back(location: str, fake: FakeEmbedder) -> None:
    write_small(location, fake).close()
    store = open_reader(location)
    assert store.count() == len(TEXTS)
    assert [d.path for d in store.documents()] == ["a.txt", "b.txt"]
    rows = list(store.scan())
    assert [r.text for r in rows] == [t for _, _, t in TEXTS]
    assert rows[0].doc == "a.txt" and rows[0].speaker == "Antony Blinken" and rows[2].speaker is None
    assert store.passages([2])[2].text == TEXTS[1][2]
    assert np.allclose(store.vectors([1, 4]), fake.encode([TEXTS[0][2], TEXTS[3][2]]))
    speakers = {s.name: s for s in store.speakers()}
    assert speakers["Antony Blinken"].passages == 2 and speakers["Antony Blinken"].mentions == 1
    assert "Blinken" in speakers["Antony Blinken"].aliases
    assert store.passage_counts() == {1: 2, 2: 2}
    store.close()


def test_lexical_search_for_every_word_finds_only_passages_holding_all_of_them(location: str, fake: FakeEmbedder) -> None:
    store = write_small(location, fake)
    assert {pid for pid, _ in store.lexical("Turkey problem", 10)} == {1, 2}  # any word
    assert [pid for pid, _ in store.lexical("Turkey problem", 10, every=True)] == [2]  # both words
    assert [pid for pid, _ in store.lexical("grain exports Black", 10, every=True)] == [5]
    assert store.lexical("Turkey grain", 10, every=True) == []
    assert [pid for pid, _ in store.lexical("grain exports", 10, Filter(speakers=(1,)), every=True)] == [5]  # and the filter
    store.close()


def test_filters_apply_inside_dense_and_lexical_search(location: str, fake: FakeEmbedder) -> None:
    store = write_small(location, fake)
    query = fake.encode(["Turkey grain exports alliance"])[0]
    only_jens = Filter(speakers=(2,))
    assert {pid for pid, _ in store.dense(query, 10, only_jens)} == {2, 4}
    assert {pid for pid, _ in store.lexical("grain Turkey", 10, only_jens)} == {2, 4}
    assert [pid for pid, _ in store.dense(query, 1, only_jens)] in ([2], [4])  # the filter is applied before the top-k cut
    in_b = Filter(documents=(2,))
    assert {r.id for r in store.scan(in_b)} == {4, 5}
    assert {pid for pid, _ in store.dense(query, 10, in_b)} == {4, 5}
    assert [pid for pid, _ in store.lexical("ministers", 10, Filter(mentioning=1))] == [3]
    assert store.count(Filter(speakers=(1, 2), documents=(1,))) == 2
    assert store.dense(query, 5, Filter(speakers=(99,))) == [] and store.lexical("Turkey", 5, Filter(speakers=(99,))) == []


def test_neighbours_are_the_passages_around_in_the_same_document(location: str, fake: FakeEmbedder) -> None:
    store = write_small(location, fake)
    before, after = store.neighbours(2, 1)
    assert [r.id for r in before] == [1] and [r.id for r in after] == [3]
    before, after = store.neighbours(4, 5)
    assert before == [] and [r.id for r in after] == [5]
    # many passages' neighbours at once (one round trip to a server store): the same as one by one
    assert store.around([2, 4, 99], 1) == {2: store.neighbours(2, 1), 4: store.neighbours(4, 1), 99: ([], [])}


def test_a_build_that_dies_before_commit_leaves_the_previous_version(location: str, fake: FakeEmbedder) -> None:
    write_small(location, fake).close()
    with pytest.raises(RuntimeError, match="power cut"):
        with open_writer(location) as writer:
            writer.write_documents([DocumentRow(1, "c.txt", "text", "utf-8", "x", 1, False)])
            raise RuntimeError("power cut")
    store = open_reader(location)
    assert store.count() == len(TEXTS) and [d.path for d in store.documents()] == ["a.txt", "b.txt"]


def test_previous_version_offers_its_vectors_for_reuse(location: str, fake: FakeEmbedder) -> None:
    write_small(location, fake).close()
    with open_writer(location) as writer:
        previous = writer.previous(fake.name)
        assert previous is not None and previous.documents == {"a.txt": "hash-a.txt", "b.txt": "hash-b.txt"}
        assert len(previous.vectors) == len(TEXTS)
        assert writer.previous("another/model") is None


def test_bad_settings_fail_before_anything_is_written(location: str, fake: FakeEmbedder) -> None:
    with pytest.raises(DocqaError, match="vector index"):
        with open_writer(location, vector_index="bogus"):
            pass
    with pytest.raises(DocqaError, match="no docqa index"):
        open_reader(location)


def test_an_index_built_and_reopened_answers_the_same(location: str, fake: FakeEmbedder) -> None:
    built = Index.build([SEEDS], location, model=fake, on_warning=None)
    first = [(h.id, h.speaker) for h in built.search("Turkey S-400 alliance", k=5)]
    built.close()
    again = Index.open(location, model=fake)
    assert [(h.id, h.speaker) for h in again.search("Turkey S-400 alliance", k=5)] == first
    assert again.manifest["passages"] == again.store.count() == len(list(again.passages()))


def test_searching_leaves_the_process_threads_to_others(tmp_path: Path, fake: FakeEmbedder) -> None:
    """FAISS answers on one thread, but the OpenMP setting it shares with torch is put back after each
    search: a torch build later in the same process still gets every core."""
    torch = pytest.importorskip("torch")
    before = torch.get_num_threads()
    torch.set_num_threads(2)  # more than the one thread a search takes, on any machine
    try:
        store = write_small(str(tmp_path / "store"), fake)
        store.dense(fake.encode(["Turkey"])[0], 3)  # type: ignore[attr-defined]
        open_reader(str(tmp_path / "store")).dense(fake.encode(["grain"])[0], 3, Filter(speakers=(1,)))
        assert torch.get_num_threads() == 2
    finally:
        torch.set_num_threads(before)


def test_a_second_writer_is_refused_at_once_while_one_writes(location: str, fake: FakeEmbedder) -> None:
    from docqa.errors import IndexLockedError

    write_small(location, fake).close()
    with open_writer(location) as first:
        with pytest.raises(IndexLockedError, match="another docqa"):
            with open_writer(location):
                pass
        first.write_documents([])
    write_small(location, fake).close()  # the lock is released with the first writer: building works again


def test_a_build_killed_mid_write_leaves_the_index_usable_and_writable(location: str, tmp_path: Path) -> None:
    """A real process holding the writer lock is killed (SIGKILL): the index still answers, and the next
    build takes the dead build's lock over at once.  Every step is its own process, as Milvus Lite
    serves a file to one process at a time."""
    import signal
    import subprocess
    import sys

    script = tmp_path / "step.py"
    script.write_text(
        "import os, signal, sys\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from conftest import FakeEmbedder\n"
        "from test_storage import TEXTS, write_small\n"
        "from docqa.storage import open_reader, open_writer\n"
        "step, location = sys.argv[1:]\n"
        "if step == 'build':\n"
        "    write_small(location, FakeEmbedder(), TEXTS if os.environ.get('ALL') else TEXTS[:2]).close()\n"
        "elif step == 'die':\n"
        "    with open_writer(location) as writer:\n"
        "        print('holding', flush=True)\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        "print(open_reader(location).count())\n")

    def run(step: str, **env: str) -> subprocess.CompletedProcess[str]:
        import os

        return subprocess.run([sys.executable, str(script), step, location], capture_output=True, text=True, timeout=300,
                              env={**os.environ, **env})

    built = run("build", ALL="1")
    assert built.returncode == 0 and built.stdout.split() == [str(len(TEXTS))], built.stderr[-2000:]
    died = run("die")
    assert died.returncode == -signal.SIGKILL and "holding" in died.stdout, died.stderr[-2000:]
    still = run("count")
    assert still.returncode == 0 and still.stdout.split() == [str(len(TEXTS))], still.stderr[-2000:]
    again = run("build")
    assert again.returncode == 0 and again.stdout.split() == ["2"], again.stderr[-2000:]


@pytest.mark.slow
def test_building_one_milvus_index_never_touches_another_whose_name_starts_the_same(tmp_path: Path, fake: FakeEmbedder) -> None:
    pytest.importorskip("milvus_lite", reason="the Milvus store needs pip install 'docqa[scale]'")
    database = tmp_path / "shared.db"
    others = ["news_gov", "newsroom", "news_g2"]
    for other in others:
        write_small(f"milvus-lite:{database}#{other}", fake).close()
    for _ in range(3):  # a third build drops the first's generation: only "news" collections may go
        write_small(f"milvus-lite:{database}#news", fake, TEXTS[:3]).close()
    for other in others:
        store = open_reader(f"milvus-lite:{database}#{other}")
        assert store.count() == len(TEXTS) and [r.text for r in store.scan()] == [t for _, _, t in TEXTS], other
        store.close()
    assert open_reader(f"milvus-lite:{database}#news").count() == 3


def test_milvus_index_names_with_a_double_underscore_are_refused() -> None:
    with pytest.raises(DocqaError, match="may not contain '__'"):
        open_reader("milvus-lite:x.db#news__g1")


@pytest.mark.slow
def test_an_incremental_milvus_build_in_a_new_process_reuses_the_vectors(tmp_path: Path) -> None:
    """Milvus Lite starts every process with its collections released: the second build, in a new
    process, must read the live generation's vectors (it failed with 'collection released')."""
    import subprocess
    import sys

    pytest.importorskip("milvus_lite", reason="the Milvus store needs pip install 'docqa[scale]'")
    location = f"milvus-lite:{tmp_path / 'corpus.db'}"
    script = (f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
              "from conftest import FakeEmbedder, SEEDS\n"
              "from docqa import Index\n"
              f"index = Index.build([SEEDS], {location!r}, model=FakeEmbedder(), on_warning=None)\n"
              "print(index.changes['embedded'], index.manifest['passages'])\n")
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300) for _ in range(2)]
    assert all(run.returncode == 0 for run in runs), runs[-1].stderr[-2000:]
    first, second = (run.stdout.split() for run in runs)
    assert first[0] == first[1] != "0"  # the first build embeds every passage
    assert second == ["0", first[1]]  # the second, none
