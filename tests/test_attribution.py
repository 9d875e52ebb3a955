"""Who speaks: direct quotes, reported speech, pronouns, roles, continuation, narration, transcript turns."""

from __future__ import annotations

from conftest import ARTICLE, DATA, TRANSCRIPT
from docqa import Document, attribute


def speakers_of(text: str, kind: str = "text") -> list[tuple[str | None, str, str]]:
    """(speaker, how, sentence) for each segment of a document made of ``text``."""
    result = attribute(Document("t.txt", text, kind))
    return [(result.speaker_name(s.speaker), s.how, result.text[s.start:s.end]) for s in result.segments]


def who_said(rows: list[tuple[str | None, str, str]], fragment: str) -> str | None:
    matches = [speaker for speaker, _, sentence in rows if fragment in sentence]
    assert matches, f"no segment contains {fragment!r}"
    return matches[0]


def test_direct_quote_cue_after_the_quote() -> None:
    rows = speakers_of("“We want a conditions-based withdrawal,” Maas said.")
    assert rows == [("Maas", "quote", "“We want a conditions-based withdrawal,” Maas said.")]


def test_inverted_cue_with_title_and_initials() -> None:
    rows = speakers_of("“This is a lifeline,” said U.N. Secretary-General António Guterres. “But not a solution.”")
    assert [r[:2] for r in rows] == [("António Guterres", "quote"), ("António Guterres", "continuation")]


def test_an_inverted_cue_naming_where_the_speaker_works_gives_no_speaker() -> None:
    """"said one nurse at Eastside Hospital": an unnamed nurse; the hospital is where she works, not a person's name."""
    for cue in ("said one nurse at Westbrook Infirmary", "one porter at the Westbrook Infirmary said"):
        assert who_said(speakers_of(f"“The wards are full,” {cue}, who asked not to be named."), "wards") is None
    assert who_said(speakers_of("“The wards are full,” said chief of staff Ottoline Brandvold."), "wards") \
        == "Ottoline Brandvold"


def test_a_relative_named_after_the_cue_is_the_speaker_even_with_the_same_surname() -> None:
    """"said his daughter, Ilse X" is Ilse X's, though the story has quoted her father Casimir X; an unnamed "his
    daughter" is nobody the story names, and "his spokesman" speaks for him, as "X's spokesman" does."""
    story = ('Casimir Oduya-Brandt, 61, told the court he was sorry. "I have no excuse," he said.\n\n'
             '"He never missed a Sunday dinner," said his daughter, Ilse Oduya-Brandt. "This is not the man we know."')
    rows = speakers_of(story)
    assert who_said(rows, "Sunday dinner") == who_said(rows, "the man we know") == "Ilse Oduya-Brandt"
    assert who_said(rows, "no excuse") == "Casimir Oduya-Brandt"
    unnamed = speakers_of('Casimir Oduya-Brandt told the court he was sorry. "He never missed a dinner," said his daughter.')
    assert who_said(unnamed, "dinner") is None
    spoken_for = speakers_of('Casimir Oduya-Brandt told the court he was sorry. "We will appeal," his spokesman said.')
    assert who_said(spoken_for, "appeal") == "spokesman for Casimir Oduya-Brandt"


def test_a_quote_someone_reports_another_saying_is_the_other_persons_words() -> None:
    """"X said the minister, Y, told her, “…”": the words in the quotation are Y's, as X reports them; "X said she told
    Y, “…”" keeps them X's."""
    for sentence in ('Councillor Ingrid Oyelowo-Marsh said the finance minister, Torsten Abiodun-Kell, told her, "The '
                     'fund is empty."', 'Ingrid Oyelowo-Marsh recalled that Torsten Abiodun-Kell had told her: "The fund '
                     'is empty."'):
        assert who_said(speakers_of(sentence), "fund is empty") == "Torsten Abiodun-Kell"
    rows = speakers_of('Ingrid Oyelowo-Marsh said she told Torsten Abiodun-Kell, "The fund is empty."')
    assert who_said(rows, "fund is empty") == "Ingrid Oyelowo-Marsh"


def test_an_office_with_a_places_possessive_is_the_one_holder_the_story_names() -> None:
    """"The town's fire chief said" is the fire chief the story names, before or after; "the city's mayor" the mayor."""
    rows = speakers_of("The town's fire chief said Tuesday that the department is short eleven firefighters.\n\n"
                       "Fire Chief Ambrose Tielemans-Oji has asked the council for money. Mayor Rosalind Fenwick-Adu agreed "
                       "to meet him. The city's mayor said the money could come from parking fees.")
    assert who_said(rows, "short eleven") == "Ambrose Tielemans-Oji"
    assert who_said(rows, "parking fees") == "Rosalind Fenwick-Adu"


def test_as_x_put_it_and_in_the_words_of_x_introduce_xs_quote() -> None:
    rows = speakers_of('Casimir Oyelaran-Quist sold the farm in May. As Oyelaran-Quist put it: "I was done."\n\n'
                       'In the words of his neighbour, Tobias Whitlock-Amadi: "He was done long before."')
    assert who_said(rows, "I was done") == "Casimir Oyelaran-Quist"  # not a speaker called "As Oyelaran-Quist"
    assert who_said(rows, "done long before") == "Tobias Whitlock-Amadi"


def test_british_quotes_in_straight_single_marks_are_quotations() -> None:
    """British copy typed plainly: 'It's the law,' she said. 'Not now.' The second quotation goes on with her words;
    an apostrophe ("the Smiths' house", "rock 'n' roll") opens none."""
    rows = speakers_of("Priyanka Achterberg-Vale spoke first. 'It's the law,' she said. 'Not now, not ever.'\n\n"
                       "The Smiths' house burned while rock 'n' roll played.")
    assert who_said(rows, "Not now, not ever") == "Priyanka Achterberg-Vale"
    assert who_said(rows, "house burned") is None


def test_a_quote_a_crowd_chants_or_shouts_is_not_the_last_speakers() -> None:
    rows = speakers_of('Judge Hedda Lindqvist-Moore called the thefts calculated. "We\'re not going anywhere," retirees '
                       'chanted outside.\n\n"Shame!" protesters shouted.')
    assert who_said(rows, "going anywhere") is None and who_said(rows, "Shame") is None


def test_pronoun_points_at_the_last_speaker_not_the_last_person_mentioned() -> None:
    text = (
        "Secretary of State Antony Blinken said the alliance was strong. The Biden administration's plan "
        "was discussed with President Joe Biden's aides. “We are united,” he said."
    )
    rows = speakers_of(text)
    assert who_said(rows, "We are united") == "Antony Blinken"
    assert who_said(rows, "administration's plan") is None


def test_quote_without_cue_continues_the_open_quote() -> None:
    rows = speakers_of("“Across our alliances, we disagree,” Blinken said. “Our shared values are being challenged.”")
    assert [r[:2] for r in rows] == [("Blinken", "quote"), ("Blinken", "continuation")]


def test_quote_ending_a_sentence_does_not_take_the_next_sentences_subject() -> None:
    text = ("“That means working with our allies,” Blinken said. “We must close the gaps.” "
            "The White House said Biden plans a call.")
    rows = speakers_of(text)
    assert who_said(rows, "close the gaps") == "Blinken"
    assert who_said(rows, "plans a call") == "White House"


def test_reported_speech_and_role_alias_resolve_to_the_person() -> None:
    text = (
        "NATO Secretary General Jens Stoltenberg said he welcomes the peace effort. German Foreign Minister Heiko Maas "
        "warned against a premature pullout. But the NATO chief said all parties must negotiate in good faith."
    )
    rows = speakers_of(text)
    assert who_said(rows, "negotiate in good faith") == "Jens Stoltenberg"
    assert [r[1] for r in rows] == ["reported", "reported", "role"]


def test_two_people_quoted_in_one_paragraph() -> None:
    rows = speakers_of((DATA / "wire_story.txt").read_text(encoding="utf-8"))
    assert who_said(rows, "called the extension") == "Recep Tayyip Erdogan"
    assert who_said(rows, "We will watch closely") == "Sergei Lavrov"
    assert who_said(rows, "The deal works") == "António Guterres"  # "the U.N. chief"
    assert who_said(rows, "Now we must make it last") == "António Guterres"
    assert who_said(rows, "30 million tonnes") == "Mykola Solskyi"  # name in apposition
    assert who_said(rows, "attacks on port infrastructure") == "Mykola Solskyi"  # "He warned"
    assert who_said(rows, "talks will resume in May") == "Sergei Lavrov"  # "According to Lavrov"
    assert who_said(rows, "Traders in Chicago") is None
    assert who_said(rows, "was more cautious") is None
    assert who_said(rows, "Ministers agree") is None  # a headline's plural noun is nobody


def test_sample_article() -> None:
    rows = speakers_of(ARTICLE.read_text(encoding="utf-8"))
    assert who_said(rows, "They know that the United States") == "Antony Blinken"
    assert who_said(rows, "The top U.S. diplomat said") == "Antony Blinken"
    assert who_said(rows, "That doesn’t mean that countries") == "Antony Blinken"
    assert who_said(rows, "For example, on challenges like climate") == "Antony Blinken"
    assert who_said(rows, "The full implementation of those commitments") == "Antony Blinken"
    assert who_said(rows, "The White House said") == "White House"
    assert who_said(rows, "welcomed Blinken’s favorable comments") == "Jean-Yves Le Drian"
    assert who_said(rows, "in order to achieve peace") == "Jens Stoltenberg"
    assert who_said(rows, "conditions-based withdrawal") == "Heiko Maas"
    for narration in ("rear center, waits", "Wednesday’s schedule included", "Biden’s stance is a marked",
                      "as the top U.S. diplomat this week"):
        assert who_said(rows, narration) is None, narration


def test_transcript_label_wins_over_cues_inside_the_turn() -> None:
    rows = speakers_of(TRANSCRIPT.read_text(encoding="utf-8"))
    assert who_said(rows, "And as Jens said we have more than half") == "Antony Blinken"
    assert who_said(rows, "It's no secret that we have differences with Turkey") == "Antony Blinken"
    assert who_said(rows, "decision to buy the Russian air defence system") == "Jens Stoltenberg"
    assert who_said(rows, "Last updated") is None
    assert who_said(rows, "A conversation between") is None
    # an unlabelled paragraph continues the turn
    assert who_said(rows, "We have cyber threats") == "Jens Stoltenberg"


def test_state_department_briefing() -> None:
    rows = speakers_of((DATA / "state_dept_briefing.txt").read_text(encoding="utf-8"))
    assert who_said(rows, "two items at the top") == "Ned Price"  # MR PRICE, named in the preamble
    assert who_said(rows, "as the Secretary said yesterday") == "Ned Price"
    assert who_said(rows, "are you considering new sanctions") == "QUESTION"
    assert who_said(rows, "the briefing ended") is None  # "Note:" closes the turn


def test_meeting_notes_with_bold_labels() -> None:
    rows = speakers_of((DATA / "meeting_notes.md").read_text(encoding="utf-8"), "markdown")
    assert who_said(rows, "billing migration is the risk") == "Tom O'Brien"
    assert who_said(rows, "load tests") == "Lena Fischer"
    assert who_said(rows, "Attendees") is None
    assert who_said(rows, "Action items") is None


def test_unicode_spaces_inside_names_and_cues() -> None:
    rows = speakers_of("“We are ready,”\u00a0Antony\u202fBlinken\u00a0said.")
    assert rows[0][0] == "Antony Blinken"


def test_unbalanced_quote_runs_to_the_paragraph_end() -> None:
    rows = speakers_of("Blinken said the talks went well. “We will keep working and we will\n\nNext paragraph here.")
    assert rows[1][0] == "Blinken"


def test_q_and_a_interview_labels() -> None:
    rows = speakers_of("Q: Will the deal hold?\n\nA: I think it will, if both sides keep talking.\n\nQ: And prices?")
    assert [r[0] for r in rows] == ["QUESTION", "ANSWER", "QUESTION"]


def test_the_body_a_story_named_without_a_speech_cue_speaks_later_as_the_agency() -> None:
    """"The department said" is the one department the story named, also when the sentence that named it had no
    speech cue; with two departments named, it is neither."""
    one = ("The Harbour Safety Department on Monday fined the Eastport ferry operator.\n\n"
           "The department said the operator had ignored three warnings about its lifeboats.")
    two = ("The Harbour Safety Department and the Fisheries Department inspected the ferry.\n\n"
           "The department said the operator had ignored three warnings about its lifeboats.")
    for text, speaker in ((one, "Harbour Safety Department"), (two, None)):
        result = attribute(Document("d.txt", text, "text"))
        said = next(s for s in result.segments if "ignored three warnings" in result.text[s.start:s.end])
        assert result.speaker_name(said.speaker) == speaker


def test_a_pull_quote_signed_on_the_line_below_is_the_signers() -> None:
    rows = speakers_of("The last ferry pilots\n\n\u201cThe tide keeps its own timetable.\u201d\n\u2014 Ottilie Ekwueme-"
                       "Vaszary, ferry pilot\n\nFor forty years the ferry crossed every hour.")
    assert who_said(rows, "own timetable") == "Ottilie Ekwueme-Vaszary"
    assert who_said(rows, "forty years") is None


def test_a_block_quote_after_wrote_colon_is_the_writers() -> None:
    """"X wrote:" closing a paragraph, then the words as a block quote ("> …", as Markdown and mail quote): X's, each
    paragraph of the block; the story's narration after it is no one's."""
    rows = speakers_of("The report is blunt. Chief Inspector Winslow Achterberg-Diaz wrote:\n\n> The home failed its "
                       "residents on every measure.\n\n> Medicines were given late.\n\nThe home has 40 beds.\n\n> Nobody "
                       "was there at night.")
    assert who_said(rows, "failed its residents") == who_said(rows, "Medicines were given") == "Winslow Achterberg-Diaz"
    assert who_said(rows, "40 beds") is None and who_said(rows, "Nobody was there") is None


def test_words_after_a_colon_cue_without_quotation_marks_are_the_speakers() -> None:
    """"X put it simply: we cannot afford it." and "His message to residents: …" give what X said with no quotation
    marks: the sentence is X's; a colon after no speech ("The report lists three causes: …") is no one's."""
    rows = speakers_of("Council shelves pool\n\nMayor Philomena Adeyemi-Strand put it simply: We cannot afford it this "
                       "year.\n\nCouncillor Octavian Brightwater-Oyo voted against. His message to residents: the pool will "
                       "come back next spring.\n\nThe report lists three causes: rain, debt and the roof.")
    assert who_said(rows, "We cannot afford it") == "Philomena Adeyemi-Strand"
    assert who_said(rows, "the pool will come back") == "Octavian Brightwater-Oyo"
    assert who_said(rows, "three causes") is None
