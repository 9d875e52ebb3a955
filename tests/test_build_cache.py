"""What a build keeps between runs: unchanged documents are not analysed again, a stopped build resumes
where it stopped (a real SIGINT and a real SIGKILL), files docqa cannot read are counted, progress is
logged when stderr is not a terminal."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DATA, ROOT, SEEDS, FakeEmbedder
from docqa import Index
from docqa.cli import main
from docqa.errors import NoDocumentsError


def test_only_a_changed_document_is_analysed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import docqa.attribution as attribution

    docs = tmp_path / "docs"
    docs.mkdir()
    for source in [*SEEDS.glob("*.txt"), DATA / "wire_story.txt"]:
        shutil.copy(source, docs)
    Index.build([docs], tmp_path / "ix", model=FakeEmbedder(), on_warning=None)
    analysed: list[str] = []
    real = attribution.attribute

    def counting(document):  # type: ignore[no-untyped-def]
        analysed.append(Path(document.path).name)
        return real(document)

    monkeypatch.setattr(attribution, "attribute", counting)
    with open(docs / "wire_story.txt", "a", encoding="utf-8") as handle:
        handle.write("\n“The corridor will stay open all winter,” Guterres said.\n")
    fake = FakeEmbedder()
    index = Index.build([docs], tmp_path / "ix", model=fake, on_warning=None)
    assert analysed == ["wire_story.txt"]
    assert index.changes["updated"] == 1 and index.changes["unchanged"] == 2
    assert fake.encoded == 1  # the one new passage
    hit = index.ask("what did Guterres say about the corridor in winter", k=1, mode="lexical").results[0]
    assert hit.speaker == "António Guterres" and "all winter" in hit.text
    # the same folder under another name: nothing analysed, nothing embedded, same speakers
    analysed.clear()
    moved = Index.build([docs], tmp_path / "other", model=FakeEmbedder(), on_warning=None)
    assert analysed == [] and moved.changes["embedded"] == 0
    assert [s.name for s in moved.speakers()] == [s.name for s in index.speakers()]


def test_a_folder_with_files_docqa_cannot_read_says_so(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    shutil.copy(SEEDS / "003_77c0cd11773da1a4.txt", docs)
    for name in ("notes.rtf", "old.doc", "sub/figure.png", "sub/more.rtf"):
        (docs / name).write_text("x")
    index = Index.build([docs], tmp_path / "ix", model=FakeEmbedder(), on_warning=None)
    assert sorted(Path(f).name for f in index.skipped) == ["figure.png", "more.rtf", "notes.rtf", "old.doc"]
    only_other = tmp_path / "other"
    only_other.mkdir()
    (only_other / "a.rtf").write_text("x")
    with pytest.raises(NoDocumentsError, match=r"skipped 1 file docqa cannot read: 1 \.rtf"):
        Index.build([only_other], tmp_path / "ix2", model=FakeEmbedder(), on_warning=None)
    result = CliRunner().invoke(main, ["index", str(only_other), "--index", str(tmp_path / "ix3")])
    assert result.exit_code == 1
    assert result.output.strip() == (f"docqa: error: no readable documents in {only_other} "
                                     "(skipped 1 file docqa cannot read: 1 .rtf)")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their permissions")
def test_an_unreadable_folder_is_reported_and_the_rest_indexed(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "locked").mkdir(parents=True)
    (docs / "noexec").mkdir()
    shutil.copy(SEEDS / "003_77c0cd11773da1a4.txt", docs)
    shutil.copy(SEEDS / "000_f2b16a73217e3599.txt", docs / "locked")
    shutil.copy(SEEDS / "000_f2b16a73217e3599.txt", docs / "noexec")
    (docs / "locked").chmod(0o000)
    (docs / "noexec").chmod(0o600)
    warnings: list[tuple[str, str]] = []
    try:
        index = Index.build([docs], tmp_path / "ix", model=FakeEmbedder(), on_warning=lambda p, r: warnings.append((p, r)))
    finally:
        (docs / "locked").chmod(0o755)
        (docs / "noexec").chmod(0o755)
    assert [Path(d).name for d in index.documents()] == ["003_77c0cd11773da1a4.txt"]
    assert any("locked" in p and "folder cannot be read" in r for p, r in warnings)
    assert any("noexec" in p for p, _ in warnings)


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As above where permissions cannot be taken away (as root): the folder's listing fails as it would."""
    docs = tmp_path / "docs"
    (docs / "locked").mkdir(parents=True)
    shutil.copy(SEEDS / "003_77c0cd11773da1a4.txt", docs)
    shutil.copy(SEEDS / "000_f2b16a73217e3599.txt", docs / "locked")
    real = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    warnings: list[tuple[str, str]] = []
    index = Index.build([docs], tmp_path / "ix", model=FakeEmbedder(), on_warning=lambda p, r: warnings.append((p, r)))
    assert [Path(d).name for d in index.documents()] == ["003_77c0cd11773da1a4.txt"]
    assert warnings == [(str(docs / "locked"), "folder cannot be read (Permission denied)")]


SLOW_BUILD = textwrap.dedent('''
    import signal, sys, time
    # as in a terminal, Ctrl-C interrupts (a shell running tests in the background starts its children
    # with SIGINT ignored, and Python then keeps ignoring it)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    sys.path.insert(0, {tests!r})
    from conftest import FakeEmbedder
    from docqa import Index

    class Slow(FakeEmbedder):
        preferred_batch = 8

        def encode(self, texts):
            out = super().encode(texts)
            print("batch", len(texts), flush=True)
            # from the 5th batch on, slow enough that the signal always lands mid-embedding, however busy the machine
            time.sleep(60 if self.calls >= 5 else 0.05)
            return out

    Index.build([{docs!r}], {index!r}, model=Slow(), on_warning=None)
    print("done", flush=True)
''')


def _cached_vectors(cache: Path) -> int:
    with sqlite3.connect(cache) as db:
        return int(db.execute("SELECT count(*) FROM vectors").fetchone()[0])


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
def test_a_stopped_build_resumes_where_it_stopped(tmp_path: Path, sig: signal.Signals) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for source in [*SEEDS.glob("*.txt"), DATA / "wire_story.txt", DATA / "state_dept_briefing.txt"]:
        shutil.copy(source, docs)
    script = tmp_path / "build.py"
    script.write_text(SLOW_BUILD.format(tests=str(ROOT / "tests"), docs=str(docs), index=str(tmp_path / "ix")))
    cache = Path(os.environ["DOCQA_BUILD_CACHE"])
    process = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    assert process.stdout is not None
    batches = 0
    for line in process.stdout:
        batches += line.startswith("batch")
        if batches == 5:  # the 5th batch is being encoded (it waits): the four before it are stored
            break
    process.send_signal(sig)
    process.wait(timeout=60)
    assert process.returncode != 0 and not (tmp_path / "ix" / "CURRENT").exists()
    kept = _cached_vectors(cache)
    assert kept == 4 * 8  # the four batches finished before the signal are kept; only the one in flight is lost
    fake = FakeEmbedder()
    index = Index.build([docs], tmp_path / "ix", model=fake, on_warning=None)
    unique = len({" ".join(p.text.split()) for p in index.passages()})
    assert fake.encoded <= unique - kept + 8
    assert fake.encoded + kept >= unique - 8
    assert index.ask("what did Blinken say about Turkey", k=1).results[0].speaker == "Antony Blinken"


def test_the_cache_command_says_what_it_holds_and_clears_it(tmp_path: Path) -> None:
    Index.build([SEEDS], tmp_path / "ix", model=FakeEmbedder(), on_warning=None)
    runner = CliRunner()
    info = runner.invoke(main, ["cache", "info"])
    assert info.exit_code == 0 and "2 document analyses, 63 vectors" in info.output
    assert runner.invoke(main, ["cache", "clear"]).exit_code == 0
    assert "0 document analyses, 0 vectors" in runner.invoke(main, ["cache", "info"]).output


@pytest.mark.slow
def test_progress_is_logged_when_stderr_is_a_file(tmp_path: Path) -> None:
    """Cron, CI and nohup see how far a build is: lines with done/total, not a progress bar."""
    log = tmp_path / "log.txt"
    with open(log, "w") as handle:
        result = subprocess.run([sys.executable, "-m", "docqa", "index", str(SEEDS), "--index", str(tmp_path / "ix")],
                                stdout=subprocess.PIPE, stderr=handle, text=True, timeout=600)
    assert result.returncode == 0, log.read_text()
    lines = log.read_text().splitlines()
    assert "docqa: embedded 0 of 63 passages" in lines
    assert any(line.startswith("docqa: embedded 63 of 63 passages (") for line in lines)
    assert not any("\r" in line or "it/s" in line for line in lines)  # no progress bar


def test_unchanged_documents_with_another_vector_index_are_written_again(tmp_path: Path) -> None:
    Index.build([SEEDS], tmp_path / "ix", model=FakeEmbedder(), on_warning=None)
    again = Index.build([SEEDS], tmp_path / "ix", model=FakeEmbedder(), on_warning=None)
    assert again.changes.get("up_to_date") == 1
    fake = FakeEmbedder()
    hnsw = Index.build([SEEDS], tmp_path / "ix", model=fake, on_warning=None, vector_index="hnsw")
    assert "up_to_date" not in hnsw.changes and hnsw.manifest["vectors"].startswith("hnsw") and fake.encoded == 0


def test_the_cache_stays_within_its_bound_dropping_what_was_used_longest_ago(tmp_path: Path) -> None:
    import numpy as np

    from docqa.ingest.cache import BuildCache

    cache = BuildCache(tmp_path / "c.sqlite", max_bytes=200_000)
    for batch in range(10):  # 10 batches of 50 vectors of 1,536 bytes: 768 kB, over the bound
        keys = [f"{batch}-{i}".encode() for i in range(50)]
        cache.put_vectors("m", keys, np.full((50, 384), batch, dtype=np.float32))
        time.sleep(0.01)
    assert cache.trim() > 0
    assert cache.size()["bytes"] <= 200_000
    assert cache.vectors("m", [b"9-0"]) and not cache.vectors("m", [b"0-0"])  # the newest kept, the oldest gone
    cache.close()


def test_an_index_laid_out_by_an_older_docqa_is_rebuilt_not_called_up_to_date(tmp_path: Path) -> None:
    """An index from before the tantivy word index (SQLite FTS5) says what to do, and building again does it."""
    import json as json_

    from docqa.errors import DocqaError

    Index.build([SEEDS], tmp_path / "ix", model=FakeEmbedder(), on_warning=None)
    generation = tmp_path / "ix" / (tmp_path / "ix" / "CURRENT").read_text().strip()
    shutil.rmtree(generation / "lexical")
    manifest = json_.loads((generation / "manifest.json").read_text())
    del manifest["lexical"]
    (generation / "manifest.json").write_text(json_.dumps(manifest))
    old = Index.open(tmp_path / "ix", model=FakeEmbedder())
    with pytest.raises(DocqaError, match="run `docqa index` again"):
        old.ask("what did Blinken say about Turkey", mode="lexical")
    old.close()
    fake = FakeEmbedder()
    rebuilt = Index.build([SEEDS], tmp_path / "ix", model=fake, on_warning=None)
    assert "up_to_date" not in rebuilt.changes and fake.encoded == 0  # rewritten, vectors reused
    assert rebuilt.ask("what did Blinken say about Turkey", mode="lexical").results[0].speaker == "Antony Blinken"


def test_a_damaged_cache_file_is_one_line_and_never_stops_a_build(tmp_path: Path) -> None:
    cache = Path(os.environ["DOCQA_BUILD_CACHE"])
    cache.write_bytes(b"not a database" * 100)
    result = CliRunner().invoke(main, ["cache", "info"])
    assert result.exit_code == 1 and result.output.count("\n") == 1 and "cannot be read" in result.output
    built = Index.build([SEEDS], tmp_path / "ix", model=FakeEmbedder(), on_warning=None)  # built without the cache
    assert built.manifest["passages"] == 63
