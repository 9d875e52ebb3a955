"""Sentence boundaries: abbreviations, initials, glued sentences, quotes."""

from docqa.language.sentences import paragraphs, split


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split(text)]


def test_abbreviations_do_not_end_sentences() -> None:
    text = "Mr. Blinken met U.S. officials in Washington, D.C. on Monday. Dr. Fauci agreed."
    assert sentences(text) == ["Mr. Blinken met U.S. officials in Washington, D.C. on Monday.", "Dr. Fauci agreed."]


def test_initialism_before_a_sentence_opener_ends_the_sentence() -> None:
    assert sentences("He flew to the U.S. The talks began.") == ["He flew to the U.S.", "The talks began."]


def test_glued_sentences_split() -> None:
    text = "at NATO headquarters in Brussels, March 23, 2021.The top U.S. diplomat said so."
    assert sentences(text)[1] == "The top U.S. diplomat said so."


def test_glued_split_spares_urls_and_middle_initials() -> None:
    assert len(sentences("See www.Example.com for more. John F. Kennedy spoke.")) == 2


def test_closing_quote_stays_with_its_sentence() -> None:
    text = "“We want peace.” Maas said so. “Yes,” he said."
    assert sentences(text) == ["“We want peace.”", "Maas said so.", "“Yes,” he said."]


def test_paragraph_offsets_are_trimmed() -> None:
    text = "One.\n\n  Two.\n\n\n"
    assert [text[s:e] for s, e in paragraphs(text)] == ["One.", "Two."]
