"""Shared fixtures: a tiny deterministic embedder for fast tests, and one real-model index for end-to-end tests."""

from __future__ import annotations

import atexit
import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
# folders of tests/data with gold speakers (and the format samples): the corpus fixtures leave them out
GOLD_SETS = ("formats", "news", "hearings", "transcripts", "reports", "correspondence")
SHARED = ROOT.parent / "shared" / "data"
ARTICLE = SEEDS / "000_f2b16a73217e3599.txt"
TRANSCRIPT = SEEDS / "003_77c0cd11773da1a4.txt"

# The build cache (analyses, vectors) of the session's shared indexes stays out of the user's; each test
# gets its own below, so no test sees what another one embedded.
if "DOCQA_BUILD_CACHE" not in os.environ:
    _SESSION_CACHE = tempfile.mkdtemp(prefix="docqa-build-cache-")
    atexit.register(shutil.rmtree, _SESSION_CACHE, True)  # not left in /tmp, one per run
    os.environ["DOCQA_BUILD_CACHE"] = str(Path(_SESSION_CACHE) / "build.sqlite")


@pytest.fixture(autouse=True)
def _own_build_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCQA_BUILD_CACHE", str(tmp_path_factory.mktemp("build-cache") / "build.sqlite"))


class FakeEmbedder:
    """Bag of hashed lower-case words, L2-normalised: shared words make texts similar. Deterministic."""

    name = "test/fake-hashing-512"
    dimension = 512

    def __init__(self) -> None:
        self.calls = 0
        self.encoded = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        self.encoded += len(texts)
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                if len(word) > 3:
                    bucket = int(hashlib.blake2b(word.encode(), digest_size=4).hexdigest(), 16) % self.dimension
                    out[row, bucket] += 1.0
            norm = np.linalg.norm(out[row])
            out[row] = out[row] / norm if norm else out[row]
        return out


@pytest.fixture
def fake() -> FakeEmbedder:
    return FakeEmbedder()


def index_of(folder: Path, texts: dict[str, str]):  # type: ignore[no-untyped-def]
    """An index, with the fake embedder, of documents written into ``folder`` from their texts, by file name."""
    from docqa import Index

    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return Index.build([folder / name for name in sorted(texts)], folder / "ix", model=FakeEmbedder(), on_warning=None)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The sample corpus plus this suite's own documents, in a scratch folder."""
    folder = tmp_path / "docs"
    shutil.copytree(SEEDS, folder / "seeds")
    shutil.copytree(DATA, folder / "mine", ignore=shutil.ignore_patterns(*GOLD_SETS))
    return folder


@pytest.fixture(scope="session")
def shared_corpus_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``corpus`` documents indexed once per session with the fake embedder, for tests that only read."""
    from docqa import Index

    root = tmp_path_factory.mktemp("shared")
    folder = root / "docs"
    shutil.copytree(SEEDS, folder / "seeds")
    shutil.copytree(DATA, folder / "mine", ignore=shutil.ignore_patterns(*GOLD_SETS))
    Index.build([folder], root / "ix", model=FakeEmbedder(), on_warning=None).close()
    return root / "ix"


@pytest.fixture
def fake_index(shared_corpus_index: Path):  # type: ignore[no-untyped-def]
    """The shared fake-embedder index, open (read only: tests that write build their own)."""
    from docqa import Index

    index = Index.open(shared_corpus_index, model=FakeEmbedder())
    yield index
    index.close()


@pytest.fixture(scope="session")
def real_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds indexed once with the real model, through the real CLI (a subprocess)."""
    import subprocess
    import sys

    folder = tmp_path_factory.mktemp("real") / "index"
    done = subprocess.run(
        [sys.executable, "-m", "docqa", "index", str(SEEDS), "--index", str(folder), "--quiet"],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return folder


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def serve():  # type: ignore[no-untyped-def]
    """Starts ``docqa serve --index INDEX [extra…]`` as a real process on a free loopback port and returns
    its base URL (and the process); every server started is stopped at the end of the test."""
    import subprocess
    import sys
    import time

    import httpx

    started: list[subprocess.Popen[str]] = []

    def start(index: Path, *extra: str) -> tuple[str, subprocess.Popen[str]]:
        port = _free_port()
        proc = subprocess.Popen([sys.executable, "-m", "docqa", "serve", "--index", str(index), "--port", str(port), *extra],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        started.append(proc)
        base = f"http://127.0.0.1:{port}"
        for _ in range(600):
            try:
                httpx.get(base + "/health", timeout=5)
                return base, proc
            except httpx.TransportError:
                if proc.poll() is not None:
                    break
                time.sleep(0.1)
        proc.kill()
        pytest.fail(f"server did not start: {proc.communicate()[1][-2000:]}")

    yield start
    for proc in started:
        proc.terminate()
        proc.wait(timeout=30)
