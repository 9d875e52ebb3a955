"""The suite's question sets over documents of this repository stay true to them (``benchmarks/suite.py``): each
judgement names text one passage holds, and where docqa reads a question as naming a speaker, the answers are by
whom it names, as docqa attributes and resolves them (a description no speaker is known by, "the nurse", searches
everyone's words).  A changed test document or a changed attribution shows here,
not as a silent drop in the suite's figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import DATA, ROOT, FakeEmbedder
from docqa import Index
from docqa.search.present import split_names

SETS = {"news": [DATA / "news"], "conversations": [DATA / "hearings", DATA / "transcripts"]}


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_judgement_is_one_passage_and_a_speaker_questions_answers_are_that_speakers(name: str, tmp_path: Path) -> None:
    paths = sorted(p for folder in SETS[name] for p in folder.iterdir() if p.is_file() and p.name != "gold.jsonl")
    index = Index.build(paths, tmp_path / "ix", model=FakeEmbedder(), on_warning=None)
    passages = list(index.passages())
    questions = [json.loads(line) for line in (ROOT / "benchmarks" / "questions" / f"{name}.jsonl").read_text().splitlines()]
    assert len(questions) >= 20
    for question in questions:
        speakers = set()
        for judgement in question["relevant"]:
            holding = [p for p in passages if judgement["contains"].casefold() in p.text.casefold()]
            assert len(holding) == 1, (question["question"], judgement["contains"], len(holding))
            speakers.add(holding[0].speaker)
        answer = index.ask(question["question"], mode="lexical")
        if question.get("speaker") and answer.speaker:  # whom docqa reads the question to name has said the answers
            assert speakers <= set(split_names(answer.speaker)), (question["question"], answer.speaker, speakers)


def test_two_runs_are_compared_question_by_question_with_a_paired_interval(tmp_path: Path) -> None:
    """benchmarks/compare.py: a change on the same questions is told apart from noise by pairing them; a change on
    one question of forty is not."""
    import subprocess
    import sys

    def run(values: list[float]) -> dict:  # type: ignore[type-arg]
        return {"news": [{"question": f"q{i}", "systems": {"docqa hybrid": {"relevant passages": {
            "success@1": v, "success@5": v, "ndcg@10": v}}}} for i, v in enumerate(values)]}

    (tmp_path / "a.json").write_text(json.dumps(run([0.0] * 40)), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(run([1.0] * 40)), encoding="utf-8")
    (tmp_path / "c.json").write_text(json.dumps(run([1.0] + [0.0] * 39)), encoding="utf-8")
    def compare(after: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, str(ROOT / "benchmarks" / "compare.py"), str(tmp_path / "a.json"),
                               str(tmp_path / after)], capture_output=True, text=True)

    assert "+1.000 [+1.000, +1.000] (40 / 0)" in compare("b.json").stdout
    assert "+0.025 [+0.000, +0.075] ~ (1 / 0)" in compare("c.json").stdout
    bad = compare("missing.json")
    assert bad.returncode != 0 and bad.stderr.count("\n") == 1 and "cannot read" in bad.stderr
