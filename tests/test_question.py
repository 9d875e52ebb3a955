"""Questions into speaker and topic."""

import pytest

from docqa import parse_question


@pytest.mark.parametrize(
    "question,speaker,topic",
    [
        ("what did Blinken say about Turkey", "Blinken", "Turkey"),
        ("What has Stoltenberg said on China?", "Stoltenberg", "China"),
        ("Stoltenberg's view of Russia", "Stoltenberg", "Russia"),
        ("Stoltenberg’s position on Russia", "Stoltenberg", "Russia"),
        ("did Maas mention the withdrawal", "Maas", "the withdrawal"),
        ("what did the NATO chief say about the Taliban", "the NATO chief", "the Taliban"),
        ("How does Secretary Blinken describe democracy?", "Secretary Blinken", "democracy"),
        ("Turkey, according to Blinken", "Blinken", "Turkey"),
        ("what is NATO 2030", None, "what is NATO 2030"),
        ("what did they say about Russia", None, "Russia"),
    ],
)
def test_speaker_and_topic(question: str, speaker: str | None, topic: str) -> None:
    parsed = parse_question(question)
    assert (parsed.speaker_phrase, parsed.topic) == (speaker, topic)
    assert parsed.query == question


def test_loose_shape_needs_a_known_speaker() -> None:
    assert parse_question("Blinken on Afghanistan", lambda p: p == "Blinken").speaker_phrase == "Blinken"
    assert parse_question("sanctions on Iran", lambda p: p == "Blinken").speaker_phrase is None


@pytest.mark.parametrize("question", ["who said that democracies must deliver", "Who talked about climate change?"])
def test_who_questions_search_everyone(question: str) -> None:
    parsed = parse_question(question)
    assert parsed.who and parsed.speaker_phrase is None and parsed.topic
