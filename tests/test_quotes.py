"""The quote check through the real CLI over the sample documents, indexed with the real model: each verdict,
its evidence at the document's own offsets, the diff of a changed quote, and the question form."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from conftest import SEEDS
from docqa.cli import main

MAAS = "We want a conditions-based withdrawal"


def check(index: Path, quote: str, *extra: str, status: int = 0) -> dict:  # type: ignore[type-arg]
    result = CliRunner().invoke(main, ["check", quote, "--index", str(index), "--json", *extra])
    assert result.exit_code == status, result.output
    return json.loads(result.output)


def source_of(evidence: dict) -> str:  # type: ignore[type-arg]
    text = (SEEDS / Path(evidence["doc"]).name).read_text(encoding="utf-8")
    start, end = evidence["match"]
    return text[evidence["start"] + start : evidence["start"] + end]


def test_a_quote_attributed_to_the_wrong_person_names_who_said_it(real_index: Path) -> None:
    found = check(real_index, MAAS, "--speaker", "Blinken")
    assert found["verdict"] == "said_by_other" and found["speaker"] == "Heiko Maas" and found["claimed"] == "Antony Blinken"
    assert found["summary"].startswith("said by someone else: Heiko Maas")
    [evidence] = found["evidence"]
    assert source_of(evidence) == MAAS and evidence["quoted"] and evidence["how"] == "quote"
    unclaimed = check(real_index, MAAS)
    assert unclaimed["verdict"] == "said" and unclaimed["speaker"] == "Heiko Maas" and unclaimed["claimed"] is None
    assert check(real_index, MAAS.lower(), "--speaker", "the German foreign minister")["verdict"] in ("said", "said_by_other")


def test_a_changed_word_is_shown_as_a_diff_and_a_negation_is_named(real_index: Path) -> None:
    changed = check(real_index, "We want a conditions-based withdrawal of some forces from Afghanistan", "--speaker", "Maas")
    assert changed["verdict"] == "altered" and changed["speaker"] == "Heiko Maas"
    assert {"op": "changed", "quote": "some", "source": "all"} in changed["evidence"][0]["diff"]
    negated = check(real_index, "we have no differences with Turkey", "--speaker", "Blinken")
    assert negated["verdict"] == "altered" and negated["negation_changed"] and not negated["number_changed"]
    assert {"op": "added", "quote": "no"} in negated["evidence"][0]["diff"]
    human = CliRunner().invoke(main, ["check", "we have no differences with Turkey", "--speaker", "Blinken", "--index",
                                      str(real_index)])
    assert "diff: we have {+no+} differences with Turkey" in human.output and "a negation changed" in human.output


def test_pieced_reported_and_not_found(real_index: Path) -> None:
    pieced = check(real_index, f"{MAAS} … we have differences with Turkey")
    assert pieced["verdict"] == "pieced" and len(pieced["evidence"]) == 2
    assert {e["speaker"] for e in pieced["evidence"]} == {"Heiko Maas", "Antony Blinken"}
    reported = check(real_index, "the situation is under review", "--speaker", "Blinken")
    assert reported["verdict"] == "reported" and reported["speaker"] == "Antony Blinken"
    assert reported["evidence"][0]["how"] == "reported" and not reported["evidence"][0]["quoted"]
    missing = check(real_index, "pizza is the best food in the whole world", "--speaker", "Blinken")
    assert missing["verdict"] == "not_found" and missing["speaker"] is None
    assert missing["evidence"] and {e["speaker"] for e in missing["evidence"]} == {"Antony Blinken"}
    assert {e["role"] for e in missing["evidence"]} == {"closest"}


def test_the_question_form_is_a_check_and_bad_input_is_one_line(real_index: Path) -> None:
    result = CliRunner().invoke(main, ["ask", f'did Blinken really say "{MAAS}"?', "--index", str(real_index), "--json"])
    assert result.exit_code == 0, result.output
    asked = json.loads(result.output)
    assert asked["check"] == check(real_index, MAAS, "--speaker", "Blinken")
    short = CliRunner().invoke(main, ["check", "we", "--index", str(real_index)])
    assert short.exit_code == 1 and short.output.strip().count("\n") == 0 and "too short" in short.output
    unknown = CliRunner().invoke(main, ["check", MAAS, "--speaker", "Blinkin", "--index", str(real_index)])
    assert unknown.exit_code == 1 and "Closest known speakers: Antony Blinken" in unknown.output
