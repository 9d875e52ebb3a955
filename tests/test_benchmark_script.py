"""benchmarks/run.py keeps working: its jobs run on a small store. No timing is asserted (the benchmark reports them)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from conftest import ROOT, SHARED

pytestmark = pytest.mark.slow


@pytest.mark.skipif(not (SHARED / "transcripts" / "whitehouse").is_dir(), reason="White House transcripts not present")
def test_benchmark_jobs_on_a_small_store(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("bench", ROOT / "benchmarks" / "run.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)  # type: ignore[union-attr]
    built = bench.job_store(3000, str(tmp_path / "store"))
    assert built["kind"] == "flat" and built["bytes"] > 0
    warm = bench.job_warm(str(tmp_path / "store"), 1)
    assert set(warm) == {"hybrid", "hybrid-plain", "dense", "lexical", "hybrid+speaker", "hybrid+speaker-plain"}
    assert all(v["p50"] > 0 for v in warm.values())
    recall = bench.job_recall(str(tmp_path / "store"), 20)
    assert recall["recall@10"] == 1.0  # flat search is exact
