"""Conversations ranked as conversations: answers before the askers' questions, fragments below
substantive turns, over real White House briefings (text nobody here wrote)."""

from __future__ import annotations

import pytest

from conftest import SHARED, FakeEmbedder
from docqa import Index
from docqa.search.conversation import ASKER_ROLES, length_prior

BRIEFINGS = SHARED / "transcripts" / "whitehouse" / "press-briefings"


@pytest.fixture(scope="module")
def briefings(tmp_path_factory: pytest.TempPathFactory) -> Index:
    if not BRIEFINGS.is_dir():
        pytest.skip("needs ../shared/data/transcripts (real White House briefings)")
    files = sorted(BRIEFINGS.glob("*.txt"))[:60]
    return Index.build(files, tmp_path_factory.mktemp("wh") / "ix", model=FakeEmbedder(), on_warning=None)


@pytest.mark.slow
@pytest.mark.parametrize("question", ["who talked about inflation", "inflation", "what was said about student loans",
                                      "who talked about vaccines for children", "sanctions on Russia"])
def test_an_official_answers_first_and_no_question_makes_the_top_three(briefings: Index, question: str) -> None:
    answer = briefings.ask(question, k=5)
    speakers = [hit.speaker for hit in answer.results]
    assert speakers and speakers[0] not in ASKER_ROLES, speakers
    assert not set(speakers[:3]) & ASKER_ROLES, speakers


@pytest.mark.slow
def test_a_question_about_questions_keeps_them(briefings: Index) -> None:
    speakers = [hit.speaker for hit in briefings.ask("what did reporters ask about inflation", k=5).results]
    assert "QUESTION" in speakers[:3], speakers


@pytest.mark.slow
def test_the_press_secretary_is_found_by_her_title(briefings: Index) -> None:
    answer = briefings.ask("what did the press secretary say about student loans", k=3)
    assert answer.speaker and "Psaki" in answer.speaker
    assert all(hit.speaker == "Jen Psaki" for hit in answer.results)


@pytest.mark.slow
@pytest.mark.parametrize("question", ["what did Psaki say about Russia", "the supply chain",
                                      "what did Jen Psaki say about the Senate"])
def test_the_first_five_hits_are_five_moments(briefings: Index, question: str) -> None:
    hits = briefings.ask(question, k=8, cutoff=False).results
    assert len(hits) == 8
    first = [(hit.doc, hit.id) for hit in hits[:5]]
    assert all(abs(a[1] - b[1]) > 2 for i, a in enumerate(first) for b in first[i + 1:] if a[0] == b[0]), first


def test_fragments_weigh_less_than_substantive_turns() -> None:
    substantive = "We should structure the belief net " * 3
    assert length_prior("Yeah.") < length_prior("The safety net.") < length_prior(substantive) == 1.0
