"""Reading files: encodings, newlines, and files that must be skipped with a warning."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from docqa.readers import UnreadableFileError, iter_files, read_document


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_utf8_with_bom_and_crlf(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "a.txt", "\ufeffMR PRICE: Hello.\r\nBye.\r".encode("utf-8")))
    assert doc.text == "MR PRICE: Hello.\nBye.\n"
    assert doc.encoding == "utf-8"


def test_utf16_with_bom(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "a.txt", "Q: Où est Blinken?".encode("utf-16")))
    assert doc.text == "Q: Où est Blinken?"


def test_legacy_encoding_falls_back(tmp_path: Path) -> None:
    text = "Le ministre a déclaré que la réunion était très importante pour l'Europe et la sécurité."
    doc = read_document(write(tmp_path / "a.txt", text.encode("cp1252")))
    assert doc.text == text


def test_binary_with_text_extension_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError, match="binary"):
        read_document(write(tmp_path / "image.txt", bytes(range(256)) * 10))


def test_unsupported_extension(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError, match="unsupported"):
        read_document(write(tmp_path / "a.xyz", b"data"))


def test_broken_symlink_is_unreadable(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    os.symlink(tmp_path / "missing.txt", link)
    with pytest.raises(UnreadableFileError):
        read_document(link)


def test_folders_are_walked_recursively_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "b" / "c").mkdir(parents=True)
    for name in ("b/c/z.md", "a.txt", "b/y.txt", "b/skip.png", ".hidden.txt"):
        (tmp_path / name).write_text("x")
    skipped: list[tuple[str, str]] = []
    found = [p.relative_to(tmp_path).as_posix() for p in iter_files([tmp_path, tmp_path / "nope"], lambda p,
                                                                    r: skipped.append((p, r)))]
    assert found == ["a.txt", "b/c/z.md", "b/y.txt"]
    assert skipped == [(str(tmp_path / "nope"), "no such file or folder")]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(tmp_path: Path, codec: str) -> None:
    text = "ANA RUIZ: Café au lait, s’il vous plaît — written by a Windows tool.\n\nBOB: Read it.\n"
    (tmp_path / "a.txt").write_bytes(text.encode(codec))
    document = read_document(tmp_path / "a.txt")
    assert document.text == text and document.encoding == codec
    (tmp_path / "b.txt").write_bytes(bytes(range(256)) * 20)  # binary stays binary
    with pytest.raises(UnreadableFileError, match="binary"):
        read_document(tmp_path / "b.txt")


def test_invisible_characters_are_no_part_of_a_speaker_name(tmp_path: Path, fake) -> None:  # type: ignore[no-untyped-def]
    """Bidi overrides and marks (which can make a name display as another) are dropped from names and labels."""
    from docqa import Index

    (tmp_path / "a.txt").write_text("\u202eMALLORY\u202c: I stand by the bridge budget.\n\nMR. \u2066SMITH\u2069: Indeed.\n",
                                    encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps([{"speaker": "\u202eEVE\u200f", "text": "Hello there, all of you."}]),
                                     encoding="utf-8")
    index = Index.build([tmp_path], tmp_path / "ix", model=fake, on_warning=None)
    speakers = index.speakers()
    assert sorted(s.name for s in speakers) == ["Eve", "Mallory", "Smith"]
    assert all(ch.isprintable() and ch not in "\u202e\u202c\u2066\u2069\u200f" for s in speakers for a in s.aliases for ch in a)
    assert "MR. SMITH" in next(s for s in speakers if s.name == "Smith").aliases
