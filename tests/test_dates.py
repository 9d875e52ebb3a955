"""Publication dates: found in each format's metadata, a file name, or a dateline; stored with each
document; filtering and ordering by them inside the search; each speaker's first and last date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import DATA, FakeEmbedder
from docqa import DocqaError, Index, read_document

FORMATS = DATA / "formats"


def test_a_date_from_every_kind_of_source(tmp_path: Path) -> None:
    html = tmp_path / "story.html"
    html.write_text('<html><head><title>Port reopens</title>'
                    '<meta property="article:published_time" content="2024-03-05T08:00:00Z">'
                    "</head><body><article><p>The port reopened on Tuesday after a week of repairs, officials said.</p>"
                    "<p>Ships were queueing by noon.</p></article></body></html>", encoding="utf-8")
    transcript = tmp_path / "call.json"
    transcript.write_text(json.dumps({"date": "March 7, 2024", "segments": [{"speaker": "Ana", "text": "Hello.", "start": 0}]}))
    dateline = tmp_path / "wire.txt"
    dateline.write_text("PORTMOUTH, Ore., March 9, 2024 — Dockworkers walked out on Monday.\n\nMore text.", encoding="utf-8")
    named = tmp_path / "2021-01-20-press-briefing.txt"
    named.write_text("Q: Hello?\n\nMS. PSAKI: Hello.", encoding="utf-8")
    undated = tmp_path / "notes.txt"
    undated.write_text("Nothing here says when.", encoding="utf-8")
    found = {p.name: read_document(p).date for p in (html, transcript, dateline, named, undated)}
    assert found == {"story.html": "2024-03-05", "call.json": "2024-03-07", "wire.txt": "2024-03-09",
                     "2021-01-20-press-briefing.txt": "2021-01-20", "notes.txt": None}
    assert read_document(FORMATS / "briefing.pdf").date is not None  # the PDF's creation date


def test_a_word_file_has_its_authors_date_not_a_templates(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    import datetime

    document = docx.Document()
    document.add_paragraph("Ana Ruiz: We ship on Friday.")
    document.core_properties.author = "Ana Ruiz"
    document.core_properties.created = datetime.datetime(2023, 6, 1, 9, 30)
    document.save(tmp_path / "minutes.docx")
    assert read_document(tmp_path / "minutes.docx").date == "2023-06-01"
    assert read_document(FORMATS / "interview.docx").date is None  # python-docx's template date is no date


@pytest.fixture
def dated(tmp_path: Path) -> Index:
    for day, words in (("2021-03-01", "inflation is transitory"), ("2022-03-01", "inflation is too high"),
                       ("2023-03-01", "inflation is coming down")):
        (tmp_path / f"{day}-briefing.txt").write_text(f"Q: What about prices?\n\nMS. PSAKI: I think {words}, and we watch it.",
                                                      encoding="utf-8")
    (tmp_path / "undated.txt").write_text("Q: Prices?\n\nMS. PSAKI: Inflation matters to families.", encoding="utf-8")
    return Index.build([tmp_path], tmp_path / "ix", model=FakeEmbedder(), on_warning=None)


def test_since_and_until_filter_inside_the_search_and_results_carry_dates(dated: Index) -> None:
    hits = dated.ask("what did Psaki say about inflation", k=10, since="2022-01-01", cutoff=False).results
    assert hits and {h.date for h in hits} == {"2022-03-01", "2023-03-01"}
    assert all(h.to_dict()["date"] == h.date for h in hits)
    window = dated.ask("what did Psaki say about inflation", k=10, since="2022-01-01", until="2022-12-31", cutoff=False).results
    assert [h.date for h in window] == ["2022-03-01"]
    by_date = dated.ask("what did Psaki say about inflation", k=10, sort="date", cutoff=False).results
    assert [h.date for h in by_date] == ["2021-03-01", "2022-03-01", "2023-03-01", None]
    with pytest.raises(DocqaError, match="YYYY-MM-DD"):
        dated.ask("inflation", since="last year")


def test_speakers_have_their_first_and_last_date(dated: Index) -> None:
    psaki = next(s for s in dated.speakers() if "PSAKI" in s.name.upper())
    assert (psaki.first_date, psaki.last_date) == ("2021-03-01", "2023-03-01")
    assert psaki.to_dict()["first_date"] == "2021-03-01"


def test_a_timeline_counts_the_relevant_passages_by_month(dated: Index, tmp_path: Path) -> None:
    timeline = dated.timeline("what did Psaki say about inflation")
    assert timeline.speaker and "PSAKI" in timeline.speaker.upper()
    assert list(timeline.months) == [f"{y}-{m:02d}" for y in (2021, 2022) for m in range(1, 13)][2:] + ["2023-01", "2023-02",
                                                                                                        "2023-03"]
    every = dated.ask("what did Psaki say about inflation", k=200, cutoff=False).results
    assert sum(timeline.months.values()) + timeline.undated == sum(1 for h in every if h.score >= 0.3)
    assert timeline.months["2021-03"] >= 1 and timeline.months["2021-04"] == 0
    assert "2021-03  █" in timeline.bars()


def test_the_timeline_command_prints_json_and_draws_a_png(dated: Index, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from docqa.cli import main

    dated.close()
    index_dir = str(dated.path)
    real_open = Index.open.__func__  # type: ignore[attr-defined]
    # the fixture's index was built with the fake embedder: the CLI opens it with that embedder
    monkeypatch.setattr(Index, "open", classmethod(lambda cls, path, model=None: real_open(cls, path, model=FakeEmbedder())))
    result = CliRunner().invoke(main, ["timeline", "what did Psaki say about inflation", "--index", index_dir, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["months"]["2022-03"] >= 1 and set(data) >= {"query", "speaker", "topic", "months", "undated"}
    pytest.importorskip("matplotlib")
    png = tmp_path / "timeline.png"
    result = CliRunner().invoke(main, ["timeline", "what did Psaki say about inflation", "--index", index_dir, "--png", str(png)])
    assert result.exit_code == 0, result.output
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and "relevant passages per month" in result.output
    with Index.open(index_dir) as reopened:
        ticks = reopened.timeline("what did Psaki say about inflation").figure().axes[0].get_yticks()
    assert len(ticks) >= 2 and all(float(t).is_integer() for t in ticks)  # a count axis: no 0.5
