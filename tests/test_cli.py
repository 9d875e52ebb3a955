"""The CLI's own behaviour that needs no model: errors are one line with a non-zero exit, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from docqa.cli import main


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), input=input)


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for command in ("index", "ask", "speakers", "passages"):
        assert command in result.output


def test_missing_index_is_one_clear_line(tmp_path: Path) -> None:
    for args in (("ask", "what did Blinken say"), ("speakers",), ("passages",)):
        result = run(*args, "--index", str(tmp_path / "none"))
        assert result.exit_code == 1
        assert result.output.strip().splitlines() == [
            f"docqa: error: no docqa index in {(tmp_path / 'none').as_posix()}/: "
            "build one with `docqa index PATH`, or pass --index DIR"]
        assert "Traceback" not in result.output


def test_indexing_nothing_readable_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 10)
    result = run("index", str(tmp_path / "bin.txt"), "--index", str(tmp_path / "ix"), "--model", "test/none")
    assert result.exit_code == 1
    assert "skipped" in result.output and "binary" in result.output
    assert result.output.strip().splitlines()[-1].startswith("docqa: error: no readable")


def test_unloadable_model_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Q: Hello?\n\nMR PRICE: Hello.")
    result = run("index", str(tmp_path), "--index", str(tmp_path / "ix"), "--model", str(tmp_path / "no-such-model-dir"), "-q")
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and result.output.startswith("docqa: error: cannot load embedding model")
    assert not (tmp_path / "ix" / "CURRENT").exists()


def test_a_failed_first_build_leaves_no_folder(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 10)
    result = run("index", str(tmp_path / "bin.txt"), "--index", str(tmp_path / "ix"), "--model", "test/none")
    assert result.exit_code == 1 and not (tmp_path / "ix").exists()


def test_help_summaries_are_whole_sentences() -> None:
    result = run("--help")
    assert "…" not in result.output and "..." not in result.output.split("Commands:")[1]


@pytest.mark.parametrize("args", [("-k", "0"), ("-k", "-1"), ("-k", "1001"), ("--mode", "fuzzy"), ("--context", "-2")])
def test_bad_options_are_one_line_and_exit_1(tmp_path: Path, args: tuple[str, str]) -> None:
    result = run("ask", "q", *args, "--index", str(tmp_path))
    assert result.exit_code == 1, result.output
    assert len(result.output.strip().splitlines()) == 1 and result.output.startswith("docqa: error: ")


def test_an_index_that_is_a_file_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# not an index\n")
    result = run("ask", "q", "--index", str(tmp_path / "README.md"))
    assert result.exit_code == 1 and len(result.output.strip().splitlines()) == 1 and result.output.startswith("docqa: error: ")


@pytest.fixture
def small_index(tmp_path: Path) -> Path:
    from conftest import SEEDS, FakeEmbedder
    from docqa import Index

    Index.build([SEEDS], tmp_path / "ix", model=FakeEmbedder(), on_warning=None)
    return tmp_path / "ix"


def test_an_unknown_speaker_exits_1_from_the_question_or_from_speaker(small_index: Path) -> None:
    in_question = run("ask", "what did Blinkin say about Turkey", "--index", str(small_index), "--mode", "lexical", "--json")
    with_option = run("ask", "Turkey", "--speaker", "Blinkin", "--index", str(small_index), "--mode", "lexical", "--json")
    for result in (in_question, with_option):
        assert result.exit_code == 1, result.output
        answer = json.loads(result.output.splitlines()[0])
        assert answer["results"] == [] and "Antony Blinken" in answer["notice"]
        assert result.output.splitlines()[-1].startswith("docqa: error: No speaker called")


def test_an_unknown_speaker_asked_about_with_a_possessive_is_named_without_it(small_index: Path) -> None:
    result = run("ask", "what was Okonjo-Vale's view on Turkey", "--index", str(small_index), "--mode", "lexical")
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == "docqa: error: No speaker called 'Okonjo-Vale' in this index"


def test_a_misread_phrase_never_fails_a_batch_and_an_unknown_name_still_does(small_index: Path) -> None:
    """A phrase the question shapes may take for a speaker, but that reads as no one's name, is reported
    and the question is answered over everyone's words; the other questions of the batch answer too."""
    misread = ["What would the Danish government do to support the allies in the talks?",  # not a name: "government do to"
               "What was said about alliance talk?",  # a passive: nobody is named
               "what did the fisherman say about Russia"]  # a description the index does not know
    result = run("ask", *misread, "what did Stoltenberg say about China", "--index", str(small_index), "--mode", "lexical",
                 "--json")
    assert result.exit_code == 0, result.output
    answers = [json.loads(line) for line in result.output.splitlines()]
    assert [bool(a["results"]) for a in answers] == [True, True, True, True]
    assert "No speaker called 'the Danish government do'" in answers[0]["notice"] and answers[1]["notice"] is None
    assert "searched everyone's words" in answers[2]["notice"] and answers[3]["speaker"] == "Jens Stoltenberg"
    with_name = run("ask", *misread, "what did Sen. Warrenby say about China", "--index", str(small_index), "--mode", "lexical",
                    "--json")
    assert with_name.exit_code == 1
    assert with_name.output.splitlines()[-1].startswith("docqa: error: No speaker called 'Sen. Warrenby'")
    assert len([line for line in with_name.output.splitlines() if line.startswith("{")]) == 4  # every question still answered


def test_speaker_option_overriding_the_question_says_so(small_index: Path) -> None:
    result = run("ask", "what did Blinken say about Turkey", "--speaker", "Stoltenberg", "--index", str(small_index),
                 "--mode", "lexical", "--json")
    answer = json.loads(result.output)
    assert result.exit_code == 0 and answer["speaker"] == "Jens Stoltenberg"
    assert "--speaker Jens Stoltenberg is searched, not Antony Blinken" in answer["notice"]


def test_a_closed_pipe_is_not_an_error(small_index: Path) -> None:
    done = subprocess.run(["bash", "-c", f'"{sys.executable}" -m docqa passages --index "{small_index}" | head -1 >/dev/null; '
                                         'echo "${PIPESTATUS[0]}"'], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "0", done.stderr
    assert "Traceback" not in done.stderr and "Error" not in done.stderr


def test_highlights_do_not_change_where_lines_break(monkeypatch: pytest.MonkeyPatch) -> None:
    import re as regex

    from docqa import render

    monkeypatch.setattr(render, "_width", lambda: 60)
    text = ("It's no secret that we have differences with Turkey, including over the S-400. Turkey is a long standing "
            "and valued ally that contributes in many ways to the alliance.\n\nA second paragraph follows here.")
    plain = render._wrap(text)
    marked = render._wrap(text, spans=[[0, 80]])
    visible = regex.sub(r"\x1b\[[0-9;]*m", "", marked)
    assert visible == plain and "\x1b[" in marked
    assert all(len(line) <= 60 for line in visible.splitlines())


def test_show_gives_back_the_text_offsets_index_into(small_index: Path) -> None:
    from docqa import Index

    with Index.open(small_index, model=None) as index:
        passage = next(p for p in index.passages() if p.speaker == "Antony Blinken")
        assert index.text(passage.doc)[passage.start:passage.end] == passage.text
    result = run("show", f"{passage.doc}:{passage.start}-{passage.end}", "--index", str(small_index))
    assert result.exit_code == 0 and result.output.rstrip("\n") == passage.text
    outside = run("show", f"{passage.doc}:0-99999999", "--index", str(small_index))
    assert outside.exit_code == 1 and outside.output.startswith("docqa: error: ") and "outside" in outside.output


def test_an_installed_but_broken_reader_library_says_what_failed(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    from docqa.readers import UnreadableFileError, _common

    real = importlib.import_module

    def broken(name: str, *args: object):  # type: ignore[no-untyped-def]
        if name == "trafilatura":  # what a missing lxml html_clean extra did to a real install
            raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean")
        return real(name, *args)

    monkeypatch.setattr(_common.importlib, "import_module", broken)
    with pytest.raises(UnreadableFileError, match="installed but failed to import .*lxml_html_clean"):
        _common.need("trafilatura", "html")
