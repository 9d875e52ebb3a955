"""Speakers as entities: one canonical name, its aliases and roles, merged across documents."""

from __future__ import annotations

from conftest import ARTICLE, TRANSCRIPT
from docqa import Document, attribute
from docqa.attribution.speakers import SpeakerMerger, alias_rows
from docqa.search.understand.directory import SpeakerDirectory


def directory_of(*texts: str) -> tuple[SpeakerDirectory, dict[int, str]]:
    merger = SpeakerMerger()
    for i, text in enumerate(texts):
        merger.add(i, attribute(Document(f"d{i}.txt", text, "text")).entities)
    speakers, _ = merger.finish()
    names = {s.id: s.name for s in speakers}
    return SpeakerDirectory(alias_rows(speakers), names, {s.id: 1 for s in speakers}), names


def resolve(directory: SpeakerDirectory, names: dict[int, str], phrase: str) -> str | None:
    found = directory.resolve(phrase).speaker_id
    return names[found] if found else None


def test_one_speaker_across_article_and_transcript() -> None:
    directory, names = directory_of(ARTICLE.read_text(encoding="utf-8"), TRANSCRIPT.read_text(encoding="utf-8"))
    for alias in ("Blinken", "ANTONY BLINKEN", "Secretary Blinken", "the top U.S. diplomat", "Secretary of State",
                  "antony blinken"):
        assert resolve(directory, names, alias) == "Antony Blinken", alias
    for alias in ("the NATO chief", "JENS STOLTENBERG", "NATO Secretary General Jens Stoltenberg", "Stoltenberg",
                  "Secretary General"):
        assert resolve(directory, names, alias) == "Jens Stoltenberg", alias
    assert resolve(directory, names, "the German Foreign Minister") == "Heiko Maas"


def test_bare_title_that_fits_two_people_is_not_an_alias() -> None:
    directory, names = directory_of(ARTICLE.read_text(encoding="utf-8"), TRANSCRIPT.read_text(encoding="utf-8"))
    assert resolve(directory, names, "Secretary") is None


def test_multi_word_surnames_stay_whole() -> None:
    text = (
        "French Foreign Minister Jean-Yves Le Drian said Paris agreed. European Commission President Ursula von der Leyen "
        "said Brussels agreed too. Von der Leyen added more."
    )
    directory, names = directory_of(text)
    assert resolve(directory, names, "Le Drian") == "Jean-Yves Le Drian"
    assert resolve(directory, names, "von der Leyen") == "Ursula von der Leyen"
    assert resolve(directory, names, "Drian") is None


def test_display_name_comes_from_the_fullest_written_form() -> None:
    directory, names = directory_of("MCDONALD: We start now.\n\nQ: Why?\n\nMCDONALD: Because.")
    assert "McDonald" in names.values()  # a label's name in a person's case, not "Mcdonald" nor the label's capitals
    assert resolve(directory, names, "MCDONALD") == resolve(directory, names, "McDonald") == "McDonald"
    directory, names = directory_of("Press secretary Ann McDonald took questions.\n\nMS. MCDONALD: We start now.\n\nQ: Why?")
    assert resolve(directory, names, "MS. MCDONALD") == "Ann McDonald"


def test_roles_are_learned_not_hard_coded() -> None:
    text = "Finance Minister Maria Ortiz said budgets would rise. The finance minister said cuts were over."
    directory, names = directory_of(text)
    assert resolve(directory, names, "the finance minister") == "Maria Ortiz"


def test_closest_known_speakers_are_suggested() -> None:
    directory, _ = directory_of(ARTICLE.read_text(encoding="utf-8"))
    assert "Antony Blinken" in directory.resolve("Blinkin").suggestions
