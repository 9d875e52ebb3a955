"""Answer quality features: hybrid fusion with filters, highlights, context, de-duplication, evaluation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import FakeEmbedder
from docqa import DocqaError, Index, evaluation
from docqa.search import ranker
from docqa.search.fusion import reciprocal_rank_fusion


@pytest.fixture
def index(corpus: Path, tmp_path: Path, fake: FakeEmbedder) -> Index:
    return Index.build([corpus], tmp_path / "ix", model=fake, on_warning=None)


@pytest.mark.parametrize("mode", ["dense", "lexical", "hybrid"])
def test_speaker_filter_holds_in_every_mode_before_the_top_k_cut(index: Index, mode: str) -> None:
    hits = index.search("NATO allies alliance security", speaker="Maas", k=5, mode=mode)
    assert [h.speaker for h in hits] == ["Heiko Maas"]
    unfiltered = index.search("NATO allies alliance security", k=5, mode=mode)
    assert "Heiko Maas" not in [h.speaker for h in unfiltered]


def test_hybrid_fuses_both_rankings() -> None:
    fused = [item for item, _ in reciprocal_rank_fusion({"dense": [1, 2, 3], "lexical": [3, 4, 1]})]
    assert fused[:2] == [1, 3] and set(fused) == {1, 2, 3, 4}
    weighted = [item for item, _ in reciprocal_rank_fusion({"dense": [1, 2], "lexical": [2, 1]}, {"dense": 0.1, "lexical": 1.0})]
    assert weighted[0] == 2


def test_lexical_finds_rare_terms(index: Index) -> None:
    hits = index.ask("what did Stoltenberg say about the S-400", k=1, mode="lexical").results
    assert "S-400" in hits[0].text and hits[0].speaker == "Jens Stoltenberg"


def test_highlights_point_at_the_matching_sentence(index: Index) -> None:
    hit = index.ask("what did Stoltenberg say about the S-400 air defence system", k=1, mode="lexical").results[0]
    assert hit.highlights
    for start, end in hit.highlights:
        assert 0 <= start < end <= len(hit.text)
    assert any("S-400" in hit.text[s:e] for s, e in hit.highlights)
    assert hit.to_dict()["highlights"] == hit.highlights


def test_context_shows_neighbours_in_document_order(index: Index) -> None:
    hit = index.ask("what did Blinken say about Turkey", k=1, context=1, mode="lexical").results[0]
    passages = [p for p in index.passages() if p.doc == hit.doc]
    at = next(i for i, p in enumerate(passages) if p.start == hit.start)
    assert [c["offset"] for c in hit.context] == [-1, 1]
    assert hit.context[0]["start"] == passages[at - 1].start and hit.context[0]["speaker"] == passages[at - 1].speaker
    assert hit.context[1]["start"] == passages[at + 1].start
    assert index.ask("what did Blinken say about Turkey", k=1).results[0].context == []


def test_the_same_words_in_two_documents_are_shown_once_with_both_sources(corpus: Path, tmp_path: Path,
                                                                          fake: FakeEmbedder) -> None:
    quote = "“We want a conditions-based withdrawal of all forces from Afghanistan,” Maas said.\n"
    (corpus / "wire_a.txt").write_text("German minister speaks.\n\n" + quote)
    (corpus / "wire_b.txt").write_text("Berlin reacts.\n\n" + quote)
    index = Index.build([corpus], tmp_path / "ix", model=fake, on_warning=None)
    hits = index.ask("what did Maas say about a conditions-based withdrawal", k=5).results
    texts = [h.text for h in hits]
    assert len(texts) == len(set(texts))
    top = hits[0]
    sources = {top.doc} | {a["doc"] for a in top.also}
    assert {Path(s).name for s in sources} >= {"wire_a.txt", "wire_b.txt"}


def test_unknown_mode_is_a_clear_error(index: Index) -> None:
    with pytest.raises(DocqaError, match="unknown mode"):
        index.ask("Turkey", mode="fuzzy")


def write_beir(folder: Path) -> Path:
    folder.mkdir()
    docs = {
        "d1": ("Vitamin D", "Vitamin D deficiency is linked to bone fractures in older adults."),
        "d2": ("Sleep", "Short sleep duration raises the risk of obesity in children."),
        "d3": ("Coffee", "Coffee consumption shows no association with heart disease."),
        "d4": ("Exercise", "Regular exercise lowers blood pressure in adults with hypertension."),
    }
    (folder / "corpus.jsonl").write_text("".join(json.dumps({"_id": k, "title": t, "text": x}) + "\n" for k, (t,
                                                                                                              x) in docs.items()))
    queries = {"q1": "vitamin D deficiency and fractures", "q2": "sleep and childhood obesity", "q3": "blood pressure exercise"}
    (folder / "queries.jsonl").write_text("".join(json.dumps({"_id": k, "text": v}) + "\n" for k, v in queries.items()))
    (folder / "qrels").mkdir()
    (folder / "qrels" / "test.tsv").write_text("query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t1\nq3\td4\t1\n")
    return folder


def test_beir_evaluation_per_mode(tmp_path: Path, fake: FakeEmbedder) -> None:
    folder = write_beir(tmp_path / "tiny")
    assert evaluation.is_beir(folder)
    index = evaluation.beir_index(folder, tmp_path / "ix", fake, lambda message: None)
    report = evaluation.evaluate_beir(folder, index)
    data = report.to_dict()
    assert data["dataset"] == "tiny" and data["queries"] == 3
    assert set(data["modes"]) == {"dense", "lexical", "hybrid"}
    assert data["modes"]["lexical"] == {"ndcg@10": 1.0, "recall@10": 1.0, "mrr@10": 1.0}
    for scores in data["modes"].values():
        assert set(scores) == {"ndcg@10", "recall@10", "mrr@10"} and all(0 <= v <= 1 for v in scores.values())
    again = evaluation.beir_index(folder, tmp_path / "ix", fake, lambda message: pytest.fail("rebuilt"))
    assert again.generation == index.generation


def test_questions_file_evaluation(index: Index, tmp_path: Path) -> None:
    questions = tmp_path / "q.jsonl"
    questions.write_text(
        json.dumps({"question": "what did Maas say about the withdrawal",
                    "relevant": [{"contains": "conditions-based withdrawal"}],
                    "speaker": "Heiko Maas"}) + "\n"
        + json.dumps({"question": "the S-400", "relevant": [{"doc": "seeds/003_77c0cd11773da1a4.txt", "start": 15933,
                                                             "end": 15990}]}) + "\n"
    )
    report = evaluation.evaluate_questions(questions, index, modes=("lexical",))
    assert report.queries == 2 and report.speaker_accuracy == 1.0
    assert report.modes["lexical"]["recall@10"] == 1.0


def test_questions_file_errors_are_clear(index: Index, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n")
    with pytest.raises(DocqaError, match="not valid JSON"):
        evaluation.evaluate_questions(bad, index)
    bad.write_text(json.dumps({"question": "x", "relevant": [{"contains": "words that appear nowhere at all"}]}) + "\n")
    with pytest.raises(DocqaError, match="no passage"):
        evaluation.evaluate_questions(bad, index)


@pytest.mark.parametrize("mode", ["dense", "hybrid"])
def test_score_is_the_relevance_of_question_and_passage_in_every_mode_that_has_vectors(index: Index, mode: str) -> None:

    question = "what did Stoltenberg say about the S-400"
    answer = index.ask(question, k=5, mode=mode, cutoff=False)
    # searched with: the topic, and the question as asked without the name (docqa.search.ranker.aim)
    topic, asked = index.embedder.encode([answer.topic, "what did say about the S-400"])
    vector = ranker.aim(topic, asked)
    for hit in answer.results:
        if hit.answers:  # its relevance is the question's it answers, the turn before it (a test of its own)
            continue
        cosine = float(index.store.vectors([hit.id])[0] @ vector)
        assert hit.score == pytest.approx(cosine, abs=1e-5) and hit.rank_score is not None
    assert any(not hit.answers for hit in answer.results)
    assert index.ask(question, k=3, mode="lexical").results[0].score is None  # lexical never loads the model


def test_weak_filler_is_left_out_and_the_notice_says_so(index: Index) -> None:
    full = index.ask("what did Blinken say about Turkey", k=5, cutoff=False)
    cut = index.ask("what did Blinken say about Turkey", k=5)
    best = max(h.score for h in full.results)
    if best < 0.2:  # nothing clearly about it: the closest, all of them, and the notice says so
        assert [h.id for h in cut.results] == [h.id for h in full.results] and cut.notice.startswith("No passage")
        return
    kept = [h.id for h in full.results if h.score >= max(0.2, best - 0.2)]  # the most relevant always stays
    assert [h.id for h in cut.results] == kept
    if len(cut.results) < len(full.results):
        assert cut.notice and " clearly about Turkey; " in cut.notice and "--all" in cut.notice


def test_a_notice_names_a_topic_only_when_the_question_had_one(index: Index) -> None:
    """Where no topic is told apart from the question (no speaker of that name, nothing after "say"), the
    cut-off's notice speaks of the question, not of "what did the ferryman say" as if it were a topic."""
    for question in ("what did the ferryman say", "What is the S-400?"):
        notice = index.ask(question, k=5).notice
        assert notice and "clearly about the question" in notice, notice
    named = index.ask("what did the ferryman say about Russia", k=5).notice
    assert named and "searched everyone's words" in named and "clearly about Russia" in named, named


BOARD = """Harbour board, 4 November 2026

ANSELM RAIKES: The mooring levy is item four on Thursday.

PERPETUA LINDQVIST-OSEI: I'm against the levy. The small boats can't absorb another charge this winter.

PERPETUA LINDQVIST-OSEI: The levy papers are in the blue folder.
"""


def test_what_a_question_asks_is_searched_with_its_topic_and_the_speakers_name_is_not(tmp_path: Path) -> None:
    """"Why did X oppose the levy" and "what did X say about the levy" have one topic, the levy, and ask different
    things of it: the vector searched mixes in the question as asked, without the name of whoever is asked about."""
    from conftest import index_of

    index = index_of(tmp_path, {"board.txt": BOARD})
    questions = ["why did Perpetua Lindqvist-Osei oppose the levy", "what did Perpetua Lindqvist-Osei say about the levy",
                 "what did Lindqvist-Osei say about the levy"]
    answers = [index.ask(q, k=2, cutoff=False) for q in questions]
    assert {a.topic for a in answers} == {"the levy"}
    relevance = [{h.text[:12]: round(h.score, 4) for h in a.results} for a in answers]
    assert relevance[0] != relevance[1]  # what is asked counts
    assert relevance[1] == relevance[2]  # how the speaker is named does not
