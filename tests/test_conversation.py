"""Conversations ranked as conversations: answers before the askers' questions, fragments below
substantive turns, over real White House briefings (text nobody here wrote)."""

from __future__ import annotations

import numpy as np
import pytest

from conftest import SHARED, FakeEmbedder
from docqa import Index
from docqa.search.conversation import ASKER_ROLES
from docqa.search.ranker import length_prior

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


MEETING = SHARED / "qmsum" / "val" / "transcripts" / "Bed002.txt"


@pytest.mark.parametrize("question", ["what did Grad A say about the parser", "the belief net", "what did Grad E say about it"])
def test_in_a_long_meeting_the_first_five_hits_are_five_moments(tmp_path, question: str) -> None:  # type: ignore[no-untyped-def]
    if not MEETING.is_file():
        pytest.skip("needs ../shared/data/qmsum (a real meeting)")
    index = Index.build([MEETING], tmp_path / "ix", model=FakeEmbedder(), on_warning=None)
    hits = index.ask(question, k=8, cutoff=False).results
    assert len(hits) == 8
    first = [hit.id for hit in hits[:5]]
    assert all(abs(a - b) > 2 for i, a in enumerate(first) for b in first[i + 1:]), first


def test_in_a_briefing_each_question_asked_is_a_moment_of_its_own(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The answers to two questions in a row are two moments, not one: asked what the official said about ferry fares,
    both answers about them come first, although they are two passages apart."""
    from conftest import index_of

    turns = []
    for i in range(60):
        answer = {20: "The ferry fares will be frozen until the spring timetable.",
                  21: "Ferry fares for pensioners stay free, as they have been since 2019."}.get(i, f"Item {i} is on the list.")
        turns += [f"Q: And what about item {i}?", f"MS. ODELL-VANCE: {answer}"]
    index = index_of(tmp_path, {"briefing.txt": "Press briefing, 3 December 2026\n\n" + "\n\n".join(turns) + "\n"})
    hits = index.ask("what did Odell-Vance say about ferry fares", k=5, cutoff=False).results
    assert all("erry fares" in hit.text for hit in hits[:2]), [hit.text for hit in hits]


def test_fragments_weigh_less_than_substantive_turns() -> None:
    words = np.array([len(t.split()) for t in ("Yeah.", "The safety net.", "We should structure the belief net " * 3)])
    fragment, short, substantive = length_prior(words)
    assert fragment < short < substantive == 1.0


def test_ties_break_by_relevance_and_an_order_against_relevance_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    from docqa.search import ranker
    from docqa.search.features import NAMES, Candidates, row_of

    monkeypatch.setattr(ranker, "ALPHA", 0.5)  # the values below are exact in binary at this weighting

    def candidate(dense: float, dense_rank: int | None, lexical_rank: int | None, share: float) -> list[float]:
        return row_of(dense=dense, dense_rank=dense_rank, lexical_rank=lexical_rank, lexical_share=share, before=0.0, after=0.0,
                      region=0.0, words=30, asker=False, answer=False, conversation=False, long=False)

    # the first two tie on the fused score (half the scaled cosine, half the BM25 share: 0.25 + 0.5 = 0.5 + 0.25):
    # relevance decides
    rows = [candidate(0.25, 2, 1, 1.0), candidate(0.5, 1, 2, 0.5), candidate(0.0, 3, None, 0.0)]
    candidates = Candidates([None] * 3, np.asarray(rows, dtype=np.float32))  # type: ignore[list-item]
    order = ranker.order(candidates, "hybrid")
    assert order == [1, 0, 2] and len(NAMES) == len(rows[0])
    assert ranker.explain(candidates, "hybrid", order) == {}  # best first: nothing to explain
    # BM25 puts a less relevant passage first: it says so
    rows = [candidate(0.30, 2, 1, 1.0), candidate(0.60, 1, None, 0.0), candidate(0.20, 3, 2, 0.8)]
    candidates = Candidates([None] * 3, np.asarray(rows, dtype=np.float32))  # type: ignore[list-item]
    order = ranker.order(candidates, "hybrid")
    assert order == [0, 1, 2] and ranker.explain(candidates, "hybrid", order) == {0: "it has more of the question's words"}


def test_an_answer_is_read_with_the_question_it_answers_not_the_next_one() -> None:
    """Two answers equally relevant alone: the one after a question about the topic ranks first, whatever the
    question after each asks ("Q. Why can't you hire?" / "A. Pay is part of it.")."""
    from docqa.search import ranker
    from docqa.search.features import Candidates, row_of

    def answer(before: float, after: float, rank: int) -> list[float]:
        return row_of(dense=0.2, dense_rank=rank, lexical_rank=None, lexical_share=0.0, before=before, after=after,
                      region=0.0, words=30, asker=False, answer=True, conversation=True, long=False)

    rows = [answer(before=0.1, after=0.7, rank=1), answer(before=0.6, after=0.1, rank=1)]  # level alone
    candidates = Candidates([None] * 2, np.asarray(rows, dtype=np.float32))  # type: ignore[list-item]
    assert ranker.order(candidates, "hybrid") == [1, 0]
