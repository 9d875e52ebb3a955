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
        ("quotes from Sæther-Moe on the tram", "Sæther-Moe", "the tram"),
        ("remarks by Okonjo-Iweala about tariffs", "Okonjo-Iweala", "tariffs"),
        ("comments from Achebe", "Achebe", ""),
        ("did the harbourmaster say anything about winter sailings", "the harbourmaster", "winter sailings"),
        ("did Quist say much about the depot", "Quist", "the depot"),
        ("feedback from customers about the remote", None, "feedback from customers about the remote"),
        # a question worded as a request, with or without its auxiliary
        ("tell me what Okonjo-Iweala said about tariffs", "Okonjo-Iweala", "tariffs"),
        ("can you show me what the harbourmaster thinks about winter sailings?", "the harbourmaster", "winter sailings"),
        ("I'd like to know what Quist said about the depot", "Quist", "the depot"),
        ("what Sæther-Moe said about the tram", "Sæther-Moe", "the tram"),
        ("What concerns did the team have about disk space?", None, "What concerns did the team have about disk space"),
        ("what the budget covers", None, "what the budget covers"),
        # the frame a topic is set in is no part of it
        ("what did Ana Ruiz propose in the discussion about the boiler", "Ana Ruiz", "the boiler"),
        ("What did the treasurer recommend to do when discussing the accounts?", "the treasurer", "the accounts"),
        ("why did Bo Li agree with the chair", "Bo Li", "the chair"),
        ("why did Bo Li put forward a cheaper bid", "Bo Li", "a cheaper bid"),
    ],
)
def test_speaker_and_topic(question: str, speaker: str | None, topic: str) -> None:
    parsed = parse_question(question)
    assert (parsed.speaker_phrase, parsed.topic) == (speaker, topic)
    assert parsed.query == question


def test_loose_shape_needs_a_known_speaker() -> None:
    assert parse_question("Blinken on Afghanistan", lambda p: p == "Blinken").speaker_phrase == "Blinken"
    assert parse_question("sanctions on Iran", lambda p: p == "Blinken").speaker_phrase is None


@pytest.mark.parametrize("question", ["who said that democracies must deliver", "Who talked about climate change?",
                                      "could you tell me who talked about climate change"])
def test_who_questions_search_everyone(question: str) -> None:
    parsed = parse_question(question)
    assert parsed.who and parsed.speaker_phrase is None and parsed.topic


# -- speaker linking: every known speaker a question names, against the index's aliases ---------------------
from docqa.search.understand.directory import SpeakerDirectory  # noqa: E402

ALIASES = [
    ("professor b", "Professor B", 1, "label"), ("professor", "Professor", 1, "title"),
    ("professor c", "Professor C", 2, "label"), ("professor", "Professor", 2, "title"),
    ("grad b", "Grad B", 3, "label"),
    ("industrial designer", "Industrial Designer", 4, "label"),
    ("user interface", "User Interface", 5, "label"),
    ("project manager", "Project Manager", 6, "label"),
    ("marketing", "Marketing", 7, "label"),
    ("gabriel ste-marie", "Gabriel Ste-Marie", 8, "name"), ("ste-marie", "Ste-Marie", 8, "surname"),
    ("david hopkins", "David Hopkins", 9, "name"), ("hopkins", "Hopkins", 9, "surname"),
    ("ed evans", "Ed Evans", 10, "name"), ("evans", "Evans", 10, "surname"), ("ed", "Ed", 10, "given"),
]
NAMES = {1: "Professor B", 2: "Professor C", 3: "Grad B", 4: "Industrial Designer", 5: "User Interface", 6: "Project Manager",
         7: "Marketing", 8: "Gabriel Ste-Marie", 9: "David Hopkins", 10: "Ed Evans"}


def linked(question: str, scope: dict[int, int] | None = None) -> list[str]:
    kinds = {i: "person" if i >= 8 else "role" for i in NAMES}
    directory = SpeakerDirectory(ALIASES, NAMES, {i: 10 for i in NAMES}, kinds)
    return [" + ".join(NAMES[i] for i in m.speaker_ids) for m in directory.link(question, scope)]


@pytest.mark.parametrize("question,speakers", [
    ("Why did the project manager disapprove of the budget?", ["Project Manager"]),
    ("Summarize the project manager's opinions towards the design", ["Project Manager"]),
    ("What were Grad B’s updates on the parser?", ["Grad B"]),
    ("What did Mr. Gabriel Ste-Marie mean by saying that?", ["Gabriel Ste-Marie"]),
    ("What was considered by David Hopkins as the best option?", ["David Hopkins"]),
    ("What did Ed Evans (director and secretary of the trust) think about funding?", ["Ed Evans"]),
    ("What did the user interface designer and the industrial designer recommend?", ["User Interface", "Industrial Designer"]),
    ("Why did Industrial Design agree with the Marketing when discussing colour?", ["Industrial Designer"]),
    ("What did the marketing learn about the functions users need?", ["Marketing"]),
    ("Summarize the opinion of User Interface about the price", ["User Interface"]),
    ("What was the new idea of Industrial Designer for the case?", ["Industrial Designer"]),
    ("Summarize the presentation by Marketing on trends", ["Marketing"]),
    ("Why did not Marketing agree with the schedule?", ["Marketing"]),
    ("Summarize Ed Evans opinions on the funding", ["Ed Evans"]),
    ("Summarize Ed Evans' s view on the funding", ["Ed Evans"]),
    ("Summarize the hearing, with the questions from Hopkins", ["David Hopkins"]),
    ("What did the product manager say about the budget?", ["Project Manager"]),
    ("Marketing on the price of the remote", ["Marketing"]),
    ("Marketing: the price of the remote", ["Marketing"]),
    ("Marketing suggested what about the price?", ["Marketing"]),
])
def test_speakers_are_linked_wherever_the_question_names_them(question: str, speakers: list[str]) -> None:
    assert linked(question) == speakers


def test_a_role_several_people_hold_resolves_within_the_scope_searched() -> None:
    assert linked("What did the professor think about the results?") == ["Professor B + Professor C"]
    assert linked("What did the professor think about the results?", scope={2: 40, 3: 12}) == ["Professor C"]


@pytest.mark.parametrize("question", [
    "Summarize the discussion about marketing strategy",
    "What did the group think of the design when discussing the remote?",
    "What did the group conclude on LCD screens suggested by Marketing?",
    "Why did group mates disagree with Industrial Designer?",
    "What will the evans report say about the ed program?",
    "What was the main idea of the design?",
    "What was the opinion of the group on the marketing budget?",
    "Marketing research on remote controls",
])
def test_a_question_that_names_no_speaker_stays_unfiltered(question: str) -> None:
    assert linked(question) == []


def test_who_did_x_think_asks_about_x() -> None:
    """"Who did Marketing think…" asks whom Marketing meant: Marketing speaks; "who said…" asks for a speaker."""
    assert not parse_question("Who did Marketing think the remote should target?").who
    assert parse_question("Who has said anything about the budget?").who


def test_the_longest_alias_with_someone_in_scope_wins() -> None:
    """An alias of a speaker outside the searched documents does not hide a shorter one inside them."""
    aliases = [*ALIASES, ("user interface designer", "User Interface Designer", 11, "label")]
    names = {**NAMES, 11: "User Interface Designer"}
    directory = SpeakerDirectory(aliases, names, {i: 10 for i in names}, {i: "role" for i in names})
    question = "What did the user interface designer recommend for the casing?"
    assert [m.speaker_ids for m in directory.link(question, scope={5: 30, 6: 12})] == [(5,)]
    assert [m.speaker_ids for m in directory.link(question, scope={11: 30})] == [(11,)]


def test_a_persons_title_links_when_written_as_a_title() -> None:
    aliases = [("justin trudeau", "Justin Trudeau", 20, "name"), ("prime minister", "Prime Minister", 20, "title"),
               ("mark milley", "Mark Milley", 21, "name"), ("general", "General", 21, "title")]
    names = {20: "Justin Trudeau", 21: "Mark Milley"}
    directory = SpeakerDirectory(aliases, names, {20: 9, 21: 9}, {20: "person", 21: "person"})
    assert [m.speaker_ids for m in directory.link("How did the Prime Minister answer on the delays?")] == [(20,)]
    assert directory.link("What was the general discussion of the meeting?") == []


def test_only_roles_match_written_slightly_off() -> None:
    """"the product manager" is the label "Project Manager"; "Mary Smith" is not the person "Mark Smith"."""
    aliases = [("project manager", "Project Manager", 1, "label"), ("mark smith", "Mark Smith", 2, "name")]
    directory = SpeakerDirectory(aliases, {1: "Project Manager", 2: "Mark Smith"}, {1: 5, 2: 5}, {1: "role", 2: "person"})
    assert [m.speaker_ids for m in directory.link("Why did the product manager want a lower price?")] == [(1,)]
    assert directory.link("What did Mary Smith say about the budget?") == []


@pytest.mark.parametrize("question,topic", [
    ("What was said about the alliance talks?", "the alliance talks"),
    ("What has been discussed on trade?", "trade"),
    ("Which options were considered for the budget?", "for the budget"),
])
def test_a_passive_question_names_nobody(question: str, topic: str) -> None:
    parsed = parse_question(question)
    assert (parsed.speaker_phrase, parsed.topic, parsed.who) == (None, topic, False)


def understood(question: str, scope: dict[int, int] | None = None):
    from docqa.search.understand import understand

    aliases = [*ALIASES, ("user interface designer", "User Interface Designer", 11, "label")]
    names = {**NAMES, 11: "User Interface Designer"}
    directory = SpeakerDirectory(aliases, names, {i: 10 for i in names}, {i: "role" for i in names})
    return understand(question, directory, scope)


def test_a_name_for_someone_who_speaks_nowhere_searched_gives_way_to_one_who_does() -> None:
    """"the user interface designer" is the whole alias only of a speaker of other documents; the documents searched
    have "User Interface", whom the question names too."""
    meaning = understood("What did the user interface designer say about the casing?", scope={5: 30, 6: 12})
    assert (meaning.speakers, meaning.topic) == ((5,), "the casing")
    assert understood("What did the user interface designer say about the casing?", scope={11: 30}).speakers == (11,)


@pytest.mark.parametrize("question,topic", [
    ("Did Marketing and User Interface agree on the desired features?", "the desired features"),
    ("How did Industrial Designer introduce the two prototypes?", "the two prototypes"),
    ("Why did Marketing recommend a charger when talking about the battery?", "a charger when talking about the battery"),
])
def test_the_topic_is_what_is_left_once_the_speakers_and_the_asking_are_taken_out(question: str, topic: str) -> None:
    assert understood(question).topic == topic


EVERYONE = {i: 10 for i in NAMES}


@pytest.mark.parametrize("question,speakers,topic", [
    # the other speaker a question names (agreed with, answered, whose idea it was) is no part of its topic
    ("Why did Marketing disagree with the Project Manager when discussing the budget?", (7,), "the budget"),
    ("Why did Ed Evans agree with Hopkins when assessing the bids?", (10,), "the bids"),
    ("What did Marketing think of the dial suggested by User Interface?", (7,), "the dial suggested"),
    ("What did Ed Evans think about David Hopkins' idea of a levy?", (10,), "a levy"),
    # the one whose question is answered does not speak
    ("How did User Interface answer Project Manager's question about the dial?", (5,), "question about the dial"),
    # unless nothing else would be left, or the name is a modifier or a common word
    ("Why did Marketing disagree with Ed Evans?", (7,), "Ed Evans"),
    ("What did Ed Evans say about the Marketing budget?", (10,), "the Marketing budget"),
    ("What did Ed Evans say about market research?", (10,), "market research"),
])
def test_another_speaker_the_question_names_is_not_its_topic(question: str, speakers: tuple[int, ...], topic: str) -> None:
    meaning = understood(question, EVERYONE)
    assert (meaning.speakers, meaning.topic) == (speakers, topic)


def test_what_is_asked_is_the_question_without_the_speakers_it_names() -> None:
    meaning = understood("Why did Marketing disagree with the Project Manager about the price?", EVERYONE)
    assert (meaning.topic, meaning.asked) == ("the price", "Why did disagree with the Project Manager about the price?")
    assert understood("What was said about the price?", EVERYONE).asked == "What was said about the price?"


def test_the_other_speaker_comes_out_of_the_topic_when_every_document_is_searched() -> None:
    """No --doc: the speakers of the whole index are the ones a topic's other speaker is looked up among; a possessive
    before anything but a view ("Ed Evans's plan") is the topic's."""
    assert understood("Why did Marketing disagree with Ed Evans about the levy?").topic == "the levy"
    assert understood("What did Marketing say about Ed Evans's plan?").topic == "Ed Evans's plan"
