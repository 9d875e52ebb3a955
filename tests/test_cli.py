"""The CLI's own behaviour that needs no model: errors are one line with a non-zero exit, no traceback."""

from __future__ import annotations

from pathlib import Path

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
        assert result.output.strip().splitlines() == [f"docqa: error: no index at {tmp_path / 'none'}: build one with `docqa index PATH` (or pass --index DIR)"]
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


def test_negative_k_is_refused(tmp_path: Path) -> None:
    result = run("ask", "q", "-k", "-1", "--index", str(tmp_path))
    assert result.exit_code == 2 and "-k" in result.output
