"""Real-world formats: PDF, DOCX, HTML, WebVTT, SRT, JSON transcripts and email, in one folder, in one build."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import DATA, FakeEmbedder
from docqa import Index, read_document
from docqa.readers import UnreadableFileError

FORMATS = DATA / "formats"


@pytest.fixture
def mixed(tmp_path: Path, fake: FakeEmbedder) -> Index:
    folder = tmp_path / "mixed"
    shutil.copytree(FORMATS, folder, ignore=shutil.ignore_patterns("*.py"))
    shutil.copy(DATA / "state_dept_briefing.txt", folder)
    shutil.copy(DATA / "meeting_notes.md", folder)
    return Index.build([folder], tmp_path / "ix", model=fake, on_warning=lambda p, r: pytest.fail(f"{p}: {r}"))


def first(index: Index, name: str, contains: str):  # type: ignore[no-untyped-def]
    return next(p for p in index.passages() if Path(p.doc).name == name and contains in p.text)


def test_a_mixed_folder_indexes_in_one_build_with_speakers_and_locations(mixed: Index) -> None:
    assert mixed.manifest["documents"] == 11
    pdf = first(mixed, "briefing.pdf", "Insurers have cut war-risk premiums")
    assert (pdf.speaker, pdf.page, pdf.time) == ("Okafor", 2, None)  # the label "MS. OKAFOR", shown as a name
    assert first(mixed, "briefing.pdf", "insurance costs").speaker == "QUESTION"
    docx = first(mixed, "interview.docx", "Container ships can now enter")
    assert docx.speaker == "Marco Bellini" and docx.page is None and docx.time is None
    html = first(mixed, "article.html", "Container ships can now enter at low tide")
    assert html.speaker == "Marco Bellini" and html.how == "quote"
    assert not any("cookies" in p.text or "Subscribe" in p.text or "rights reserved" in p.text
                   for p in mixed.passages() if p.doc.endswith(".html"))  # the body, not the navigation
    vtt = first(mixed, "podcast.vtt", "They keep their own berths")
    assert (vtt.speaker, vtt.time) == ("Marco Bellini", 136.5)
    srt = first(mixed, "hearing.srt", "first of March")
    assert (srt.speaker, srt.time) == ("Vance", 12.5) and "sixty-day comment period" in srt.text
    assert first(mixed, "hearing.srt", "come to order").speaker == "CHAIR"
    assert first(mixed, "hearing.srt", "Point of order").speaker is None  # "- " marks an unnamed speaker
    assert first(mixed, "call.json", "grid connection").speaker == "Ana Ruiz"
    assert (first(mixed, "whisperx.json", "maintenance contracts").speaker, first(mixed, "whisperx.json",
                                                                                  "maintenance").time) == ("SPEAKER_00", 8.0)
    assemblyai = first(mixed, "assemblyai.json", "Two point nine metres")
    assert (assemblyai.speaker, assemblyai.time) == ("Speaker A", 8.2)  # milliseconds in, seconds out
    # a mailbox of two messages: each is its sender's (an encoded "Peñalver", a directory's "Vashchenko, Teodor")
    mail = first(mixed, "thread.mbox", "move the spillway inspection to April")
    assert (mail.speaker, mail.how) == ("Marisol Peñalver", "author")
    assert first(mixed, "thread.mbox", "The state\nengineer wants the report by May").speaker == "Teodor Vashchenko"
    assert first(mixed, "thread.mbox", "Subject: RE: Reservoir").speaker is None  # the headers are no one's words
    assert not any("<p>" in p.text for p in mixed.passages(doc="*.mbox"))  # the plain part, not the HTML beside it
    # the reply quotes the message below it, which the mailbox holds too: its words are read once, as his
    assert [p.speaker for p in mixed.passages(doc="*.mbox") if "confirm the March date" in p.text] == ["Teodor Vashchenko"]


@pytest.mark.parametrize("payload,speakers,times", [
    ({"metadata": {"duration": 4.1}, "results": {"channels": [], "utterances": [  # Deepgram, utterances=true
        {"start": 0.08, "end": 2.1, "transcript": "The pump station failed twice.", "speaker": 0},
        {"start": 2.5, "end": 4.0, "transcript": "Only once in winter.", "speaker": 1}]}},
     ["Speaker 0", "Speaker 1"], [0.08, 2.5]),
    ({"jobName": "council", "results": {"transcripts": [{"transcript": "…"}], "audio_segments": [  # Amazon Transcribe
        {"id": 0, "transcript": "The pump station failed twice.", "start_time": "0.04", "end_time": "1.9",
         "speaker_label": "spk_0"},
        {"id": 1, "transcript": "Only once in winter.", "start_time": "2.0", "end_time": "2.5", "speaker_label": "spk_1"}]}},
     ["spk_0", "spk_1"], [0.04, 2.0]),
])
def test_speech_to_text_services_json_reads_as_turns(tmp_path: Path, payload: dict, speakers: list[str],  # type: ignore[type-arg]
                                                     times: list[float]) -> None:
    path = tmp_path / "call.json"
    path.write_text(json.dumps(payload))
    doc = read_document(path)
    assert [t.speaker for t in doc.turns] == speakers
    assert [doc.text[t.start:t.end] for t in doc.turns] == ["The pump station failed twice.", "Only once in winter."]
    assert [doc.location(t.start).time for t in doc.turns] == times


@pytest.mark.parametrize("name,data", [
    ("call.csv", "Speaker,Start Time,End Time,Text\nIngeborg Tamm-Achebe,00:00:03,00:00:09,\"The pump station failed twice,\n"
                 "in March.\"\nOsric Pellew,00:01:05.5,00:01:09,Only once in winter.\n"),
    ("call.tsv", "speaker\tstart (seconds)\ttext\nIngeborg Tamm-Achebe\t3\tThe pump station failed twice, in March.\n"
                 "Osric Pellew\t65.5\tOnly once in winter.\n"),
    ("call-semicolons.csv", "\ufeffName;Timestamp;Transcript\nIngeborg Tamm-Achebe;0:03;The pump station failed twice, in "
                            "March.\nOsric Pellew;1:05.5;Only once in winter.\n"),
])
def test_a_transcript_exported_as_a_table_reads_as_turns_with_their_times(tmp_path: Path, name: str, data: str) -> None:
    """A CSV or TSV with a header naming the text, speaker and start columns (in any of the names services give them,
    a comma and a line break inside a quoted cell, a byte-order mark) is one turn per row, each its speaker's, at its
    start."""
    path = tmp_path / name
    path.write_text(data, encoding="utf-8")
    doc = read_document(path)
    assert [t.speaker for t in doc.turns] == ["Ingeborg Tamm-Achebe", "Osric Pellew"]
    assert [doc.text[t.start:t.end] for t in doc.turns] == ["The pump station failed twice, in March.", "Only once in winter."]
    assert [doc.location(t.start).time for t in doc.turns] == [3.0, 65.5]
    index = Index.build([path], tmp_path / "ix", model=FakeEmbedder(), on_warning=None)
    assert index.ask("what did Tamm-Achebe say about the pump station", mode="lexical").results[0].time == 3.0


def test_one_speaker_across_formats(mixed: Index) -> None:
    bellini = mixed.resolve_speaker("Bellini")
    docs = {Path(p.doc).suffix for p in mixed.passages(speaker="Bellini")}
    assert bellini.name == "Marco Bellini" and docs == {".docx", ".html", ".vtt"}


def test_page_and_time_in_json_and_in_the_terminal(mixed: Index) -> None:
    from docqa import render

    hit = mixed.ask("what did MS. OKAFOR say about war-risk insurance premiums", k=1, mode="lexical").results[0]
    assert hit.to_dict()["page"] == 2 and hit.to_dict()["time"] is None
    answer = mixed.ask("what did Bellini say about the fishing fleet berths", k=5, mode="lexical")
    timed = next(h for h in answer.results if h.doc.endswith(".vtt"))
    assert timed.to_dict()["time"] == 136.5 and timed.to_dict()["page"] is None
    shown = render.answer(answer)
    assert "00:02:16" in shown
    assert " p. 2" in render.answer(mixed.ask("what did MS. OKAFOR say about war-risk insurance premiums", k=1, mode="lexical"))
    row = json.loads(json.dumps(next(mixed.passages(doc="*.pdf")).to_dict()))
    assert row["page"] == 1 and "time" in row


def test_a_missing_reader_library_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    real = importlib.import_module

    def without_pypdf(name: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name == "pypdf":
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(importlib, "import_module", without_pypdf)
    with pytest.raises(UnreadableFileError, match=r"pip install 'docqa\[pdf\]'"):
        read_document(FORMATS / "briefing.pdf")


@pytest.mark.parametrize("name,data,reason", [
    ("broken.pdf", b"%PDF-1.4 not really", "unreadable PDF"),
    ("broken.docx", b"PK\x03\x04 not a zip", "unreadable Word"),
    ("notes.json", b'{"title": "not a transcript"}', "not a transcript"),
    ("bad.json", b"{oops", "invalid JSON"),
    ("sales.csv", b"region,quarter,revenue\nNorth,Q1,1200\n", "not a transcript: no text column"),
    ("empty.tsv", b"", "empty table"),
    ("huge-cell.csv", b'speaker,text\nAna,"' + b"x" * 200_000 + b'"\n', "unreadable table"),
    ("empty.html", b"<html><head><title>x</title></head><body></body></html>", "no main text"),
    ("empty.eml", b"\n\n", "no message"),
])
def test_broken_files_of_each_format_are_one_line(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    (tmp_path / name).write_bytes(data)
    with pytest.raises(UnreadableFileError, match=reason) as caught:
        read_document(tmp_path / name)
    assert "\n" not in str(caught.value)
