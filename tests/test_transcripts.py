"""Every transcript's speakers, and one person across documents: legislative records, councils,
podcasts, interviews; titles in labels, roles the record resolves, addressed names, colon-introduced
quotes, dialogue dashes, acts that are not speech.  Scored against gold speakers for every turn of
tests/data/hearings and tests/data/transcripts (written for this suite), as ``docqa passages`` shows it."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, ROOT, FakeEmbedder, index_of
from docqa import Document, Index, attribute
from docqa.language.lexicon import ROLE_WORDS
from docqa.search.present import split_names


def _score(folder: Path) -> dict:  # type: ignore[type-arg]
    spec = importlib.util.spec_from_file_location("news_speakers", ROOT / "benchmarks" / "news_speakers.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.score(folder)


@pytest.mark.parametrize("folder", ["hearings", "transcripts"])
def test_every_turn_of_hearings_councils_and_podcasts_has_its_speaker(folder: str) -> None:
    result = _score(DATA / folder)
    assert result["items"] >= 150
    assert result["accuracy"] == 1.0, result["misses"]


def test_papers_and_reports_keep_their_narration_and_their_speakers() -> None:
    """Abstracts and reports (tests/data/reports): a paper's title is no speaker label, a run-in heading
    ("RESULTS") no part of a name, the subject of a passive ("has been confirmed") no speaker, a term
    defined in parentheses ("body mass index (BMI)") no one; the people quoted in them still speak."""
    result = _score(DATA / "reports")
    assert result["items"] >= 30
    assert result["accuracy"] >= 0.99 and result["precision"] == 1.0, result["misses"]


def test_each_message_letter_and_post_is_its_writers() -> None:
    """tests/data/correspondence: an Outlook thread ("From: Surname, Given" headers, "-----Original Message-----") and
    a reply quoting the message below it ("On …, X <address> wrote:"): each message is its sender's; a press release's
    "From: … Media Relations" line, a story's "X wrote:" and the headers of a memo a story reproduces are not emails
    (the reporter's sentences after it stay no one's), the message below an "-----Original Message-----" line is its
    sender's.  A forum thread's posts ("Posted by
    user_name", "Reply from X") are their posters'; a letters page's letters their signers', not its headings; a blog's
    post is the writer its "Posted by X on <date>" line names, and its comments ("X says:" / "<date>" / the words)
    their commenters'."""
    result = _score(DATA / "correspondence")
    assert result["items"] >= 20
    assert result["accuracy"] == 1.0, result["misses"]


def speakers_of(text: str, path: str = "t.txt") -> dict[str, str | None]:
    result = attribute(Document(path, text, "text"))
    return {result.text[s.start:s.end]: result.speaker_name(s.speaker) for s in result.segments}


def spoken(text: str) -> dict[str, str | None]:
    """``speakers_of``, each segment's spaces folded ("Q. Where were you\n  that night?" as one line)."""
    return {" ".join(segment.split()): who for segment, who in speakers_of(text).items()}


def passages_said(index: Index) -> dict[str, str | None]:
    """Each passage of an index, spaces folded, and its speaker."""
    return {" ".join(p.text.split()): p.speaker for p in index.passages()}


SIX_FORMS = """Sen. HOLLOWAY: Thank you for coming. Are rates going down this year?

Senator HOLLOWAY: And what about community banks?

Chair MARCHETTI: We are watching inflation closely before we move.

Chairman ABERDEEN: The senator's time has expired.

Mr. MARCHETTI: Community banks are well capitalised.

The CHAIRMAN: The hearing is adjourned.
"""


def test_six_label_forms_of_three_people_are_three_people() -> None:
    speakers = speakers_of(SIX_FORMS)
    assert set(speakers.values()) == {"Holloway", "Marchetti", "Aberdeen"}
    assert speakers["The hearing is adjourned."] == "Aberdeen"  # "The CHAIRMAN" is the one labelled Chairman


def test_a_legislative_record_is_read_by_its_own_labels_and_headings() -> None:
    text = """HEARING ON HARBOR SAFETY

The Committee met at 10 a.m., Hon. Ines Delacroix, Chairwoman of the Committee, presiding.

The CHAIRWOMAN. The Committee will come to order. Admiral Kwan, welcome.

Mr. FAIRWEATHER of Oregon. Thank you, Madam Chair. I have one question on dredging.

STATEMENT OF REAR ADMIRAL BEATRIZ KWAN, COMMANDER, PACIFIC DISTRICT

Admiral KWAN. Thank you. The harbor had eleven groundings last year.

Most of them were at low tide near the north jetty.

[The prepared statement of Admiral Kwan follows:]

Our district covers four thousand miles of coastline.

The CHAIRWOMAN. Thank you, Admiral. We are adjourned.
"""
    speakers = speakers_of(text)
    assert speakers["The Committee will come to order. Admiral Kwan, welcome."] == "Ines Delacroix"
    assert speakers["Thank you, Madam Chair. I have one question on dredging."] == "Fairweather"
    assert speakers["Most of them were at low tide near the north jetty."] == "Beatriz Kwan"
    assert speakers["Our district covers four thousand miles of coastline."] == "Beatriz Kwan"  # the prepared statement
    assert speakers["STATEMENT OF REAR ADMIRAL BEATRIZ KWAN, COMMANDER, PACIFIC DISTRICT"] is None
    assert speakers["[The prepared statement of Admiral Kwan follows:]"] is None


@pytest.mark.parametrize("paragraph", [
    "Mr. Smith. The name still makes her laugh, she says.",
    "Senator Scott. Governor Scott. He has heard them all.",
    "NATO. The alliance has never been busier.",
])
def test_a_sentence_that_starts_like_a_record_label_is_prose(paragraph: str) -> None:
    text = f"A profile.\n\n{paragraph}\n\nShe laughed. “Call me Ruth,” she said.\n\n“Everyone does,” she added."
    result = attribute(Document("p.txt", text, "text"))
    assert not result.transcript
    assert all(result.speaker_name(s.speaker) is None for s in result.segments if result.text[s.start:s.end] in paragraph)


@pytest.mark.parametrize("text", [
    # an agenda: times without seconds before a colon are a schedule, not turns
    "Saturday programme\n\n9:00 Registration: coffee in the atrium.\n\n9:30 Keynote: the future of ferries.\n\n"
    "11:00 Workshop: harbour maps for beginners.",
    # one byline with a time, then a story
    "Harbour pilot ends early\n\nPosted by Ines Carvalho  9:14 AM\nThe ferry pilot ended a month early, the council said.\n\n"
    "Ridership had fallen by a third.",
])
def test_times_in_schedules_and_bylines_start_no_turn(text: str) -> None:
    result = attribute(Document("t.txt", text, "text"))
    named = {result.speaker_name(s.speaker) for s in result.segments} - {None}
    assert not result.transcript
    assert not named & {"Registration", "Keynote", "Workshop", "Ines Carvalho", "Posted by Ines Carvalho"}


def test_a_question_that_mentions_a_call_does_not_change_who_answers() -> None:
    """Only a party calling its witness ("The State calls …") changes whose answers "A." marks; in an interview
    a question about someone who calls someone leaves the answers with the person interviewed."""
    text = ("A Conversation With Captain Isabel Monteiro\n\nQ. Your brother calls Fred Quimby every day?\n\n"
            "A. Every single day, from the ferry.\n\nQ. Why?\n\nA. Habit.")
    result = attribute(Document("i.txt", text, "text"))
    answered = ("Habit.", "Every single day, from the ferry.")
    answers = {result.speaker_name(s.speaker) for s in result.segments if result.text[s.start:s.end] in answered}
    assert answers == {"Isabel Monteiro"}


def test_a_q_and_a_whose_introduction_names_one_person_is_that_persons() -> None:
    """A magazine Q&A whose heading is a pull quote: the introduction names the one person interviewed, and the "A:"
    turns are theirs; a byline's writer is the interviewer, not a second candidate.  An introduction that names two
    people, or is no interview's (a FAQ's author), leaves the answers unnamed."""
    qa = ("Q: Why did you take the job?\nA: I grew up in these libraries.\n\nQ: What did you cut?\nA: Hours, mostly. "
          "I refused to close a branch.")

    def answers(intro: str) -> set[str | None]:
        result = attribute(Document("q.txt", intro + "\n\n" + qa, "text"))
        said = [s for s in result.segments if result.text[s.start : s.end].startswith(("I grew", "Hours"))]
        return {result.speaker_name(s.speaker) for s in said}

    interview = ("Ottoline Fairweather has run the Kessock library system since 2019. She spoke with us about budgets, "
                 "books and the heating bill.")
    assert answers("\"Libraries are the last free indoor space\"\n\n" + interview) == {"Ottoline Fairweather"}
    assert answers("Keeping the lights on\n\nBy Bertrand Ashworth\n\n" + interview) == {"Ottoline Fairweather"}
    assert answers("Ottoline Fairweather took over from Caspar Thornbury. We spoke with her about budgets.") == {"ANSWER"}
    assert answers("Frequently asked questions\n\nThis page was prepared by Ottoline Fairweather.") == {"ANSWER"}
    # a research interview names its interviewer, not the participant: "I:" is hers, "R:" stays anonymous
    said = speakers_of("Participant 07, interview transcript. Interviewer: Saoirse Mbatha.\n\nI: How did you hear about the "
                       "programme?\n\nR: Through my GP.\n\nI: Why go?\n\nR: I was lonely.")
    assert said["How did you hear about the programme?"] == said["Why go?"] == "Saoirse Mbatha"
    assert said["Through my GP."] == said["I was lonely."] == "RESPONDENT"


def test_a_heading_between_turns_ends_the_turn_before_it() -> None:
    """A sports news conference prints each player's part under his name and "Press Conference": those lines head
    the next part, they are not the moderator's words, as a transcription service's credit line under the last turn is
    not its speaker's; a date under a statement's heading stays inside the turn."""
    said = speakers_of("THE MODERATOR: Questions for the coach.\n\nCOACH LINDAHL: We turned the ball over.\n\n"
                       "THE MODERATOR: Thank you, Coach.\n\nJalen Okonkwo\n\nPress Conference\n\nQ. Walk us through the "
                       "play.\n\nJALEN OKONKWO: I turned a little late.\n\nMS. RUIZ: My statement follows.\n\nMarch 4, 2025\n\n"
                       "Thank you for inviting me.\n\nTranscribed by https://transcripts.example.org")
    assert said["Jalen Okonkwo"] is None and said["Press Conference"] is None
    assert said["Transcribed by https://transcripts.example.org"] is None  # the service's credit, not her last words
    assert said["Thank you, Coach."] == "THE MODERATOR"
    assert said["March 4, 2025"] == said["Thank you for inviting me."] == "Ruiz"


def test_a_voice_addressed_as_a_turn_closes_or_confirming_its_own_name_is_that_person() -> None:
    """A podcast of two numbered voices: the host names the guest in full and closes with "Imogen, welcome.", so the
    voice that answers is hers.  A host's name after the show's ("This is The Long Field, and I'm Fenella Drummond")
    is hers.  A first name the list does not know ("I'm Ottoline Drummond") is the host's when the guest answers
    "Thanks, Ottoline."; without that, the host stays "HOST"."""
    said = spoken("Speaker 1 (00:00):\nWelcome back. My guest today is the ecologist Dr. Imogen Vandersloot. Imogen, "
                  "welcome.\n\nSpeaker 2 (00:14):\nThanks for having me.\n\nSpeaker 1 (00:18):\nWhy that marsh?\n\n"
                  "Speaker 2 (00:20):\nBecause nobody had touched it.")
    assert said["Thanks for having me."] == said["Because nobody had touched it."] == "Imogen Vandersloot"
    assert said["Why that marsh?"] == "Speaker 1"
    hosted = ("HOST: This is The Long Field, and I'm {host} Drummond. Today: the seed banker Rasmus Oyelowo-Hart.\n\n"
              "GUEST: {thanks}\n\nHOST: Rasmus, how many seeds are in the vault?\n\nGUEST: A little over a million.")
    said = speakers_of(hosted.format(host="Fenella", thanks="Thanks for having me."))
    assert said["Rasmus, how many seeds are in the vault?"] == "Fenella Drummond"
    said = speakers_of(hosted.format(host="Ottoline", thanks="Thanks, Ottoline."))
    assert said["Rasmus, how many seeds are in the vault?"] == "Ottoline Drummond"
    assert said["A little over a million."] == "Rasmus Oyelowo-Hart"
    said = speakers_of(hosted.format(host="Ottoline", thanks="Thanks for having me."))
    assert said["Rasmus, how many seeds are in the vault?"] == "HOST"


def test_a_chat_log_and_a_list_of_who_said_what() -> None:
    """An IRC log: each message is its nickname's, the client's notices no one's.  Meeting notes that list who said
    what: an item with no name is not the item before it going on."""
    said = speakers_of("[09:58] <mkowalczyk> is the deploy still blocked?\n[09:59] <tessa_b> yes, the migration is slow\n"
                       "[10:03] * rdiallo has joined #ops\n[10:04] <@rdiallo> I can rerun it concurrently\n<tessa_b> do it")
    assert said["is the deploy still blocked?"] == "mkowalczyk"
    assert said["yes, the migration is slow"] == said["do it"] == "tessa_b"
    assert said["[10:03] * rdiallo has joined #ops"] is None
    assert said["I can rerun it concurrently"] == "rdiallo"
    said = speakers_of("## Discussion\n\n- **Hana Petrović:** the new flow drops the address step.\n- **Wen Zhao:** we can "
                       "keep the check in the background.\n- Hana agreed to draft the thresholds with Wen.")
    assert said["we can keep the check in the background."] == "Wen Zhao"
    assert said["- Hana agreed to draft the thresholds with Wen."] is None


def test_a_list_of_action_items_gives_tasks_to_names_not_words() -> None:
    said = spoken("# Platform sync\n\n## Discussion\n\n- **Wen Zhao:** the migration can start Monday.\n- **Hana "
                  "Petrović:** I'd wait for the load test.\n\n## Action items\n\n- **Wen:** prototype the rollback check"
                  "\n- Hana: share the load-test results\n\n## Next meeting\n\nTeam sync\n\nWen: one more thing, the "
                  "docs are late.")
    assert said["the migration can start Monday."] == "Wen Zhao"
    assert said["- **Wen:** prototype the rollback check"] is None  # a task given to her
    assert said["- Hana: share the load-test results"] is None
    assert said["one more thing, the docs are late."] == "Wen Zhao"  # after the list, labels are words again


def test_an_addressed_name_is_neither_a_speaker_nor_a_cue() -> None:
    text = ("The hearing opened at nine.\n\nChair Brandt, welcome back. We look forward to your testimony.\n\n"
            "Thank you, Senator Ilunga. The committee stands adjourned.\n\nJeff, you know, we tried that in 2019.")
    assert set(speakers_of(text).values()) == {None}


def test_a_quote_a_colon_introduces_is_the_speakers() -> None:
    text = ("Ferreira put it bluntly: “I will not sign it. The river has other plans.”\n\n"
            "Galloway told reporters: “We have a deadline.”\n\nFerreira's answer: “Deadlines pass.”")
    speakers = speakers_of(text)
    assert speakers["The river has other plans.”"] == speakers["Ferreira's answer: “Deadlines pass.”"] == "Ferreira"
    assert speakers["Galloway told reporters: “We have a deadline.”"] == "Galloway"


def test_a_quote_whose_sentence_says_whose_answer_or_message_it_is_is_theirs() -> None:
    """"X's message to the board was blunt:", "Her answer:", "His answer to critics on Monday:": the colon's quote is
    the owner's, also when words stand between the noun and the colon or the owner is a pronoun."""
    said = speakers_of("Mayor Florentyna Haugland's message to the harbour board on Thursday was blunt: “Fix the pier "
                       "or I will find someone who can.”\n\nBoard chair Emeric Vasquez-Thorne said the board would meet "
                       "on Monday. His answer to critics: “We have done nothing wrong.”\n\nHyacinth Obuya said the "
                       "ferry could move. Her reply to the board was short: “Try the north quay.”")
    assert said["Mayor Florentyna Haugland's message to the harbour board on Thursday was blunt: “Fix the pier or I will "
                "find someone who can.”"] == "Florentyna Haugland"
    assert said["His answer to critics: “We have done nothing wrong.”"] == "Emeric Vasquez-Thorne"
    assert said["Her reply to the board was short: “Try the north quay.”"] == "Hyacinth Obuya"


def test_words_texted_emailed_or_posted_are_the_senders_and_what_was_sent_is_not() -> None:
    said = speakers_of("Ludmila Ferencz leads the county's transport office.\n\nFerencz texted a reporter late Friday: "
                       "“Talks resume Monday.”\n\nCoach Marisela Bondarenko posted on Facebook that practice would move "
                       "indoors.\n\nFerencz texted a photo of the bridge to the council. Bondarenko posted bail on Monday.")
    assert said["Ferencz texted a reporter late Friday: “Talks resume Monday.”"] == "Ludmila Ferencz"
    assert said["Coach Marisela Bondarenko posted on Facebook that practice would move indoors."] == "Marisela Bondarenko"
    assert said["Ferencz texted a photo of the bridge to the council."] is None  # an act: nothing said
    assert said["Bondarenko posted bail on Monday."] is None


def test_an_act_is_not_speech_and_content_is() -> None:
    text = ("Gov. Elaine Marsh declared a state of emergency on Saturday. She signed an order and announced a plan to open "
            "shelters.\n\nMarsh announced that the highway would reopen on Monday.")
    speakers = speakers_of(text)
    assert speakers["Gov. Elaine Marsh declared a state of emergency on Saturday."] is None
    assert speakers["She signed an order and announced a plan to open shelters."] is None
    assert speakers["Marsh announced that the highway would reopen on Monday."] == "Elaine Marsh"


def test_a_caption_files_note_says_who_hosts_and_what_the_guest_does(tmp_path: Path) -> None:
    """A WebVTT file's NOTE block ("Host: X. Guest: Y, installer.") is the recording's own notes: no one's speech, and
    what it calls each voice is their title, so "the host" and "the installer" find them; a text transcript's opening
    notes the same."""
    pytest.importorskip("webvtt", reason="subtitles need pip install 'docqa[subtitles]'")
    index = index_of(tmp_path, {
        "webinar.vtt": "WEBVTT\n\nNOTE\nRecorded talk: \"Roofs\". Host: Ana Ruiz-Pardo. Guest: Bo Li-Varga, thatcher.\n\n"
                       "00:00:01.000 --> 00:00:04.000\n<v Ana Ruiz-Pardo>Bo, how long does a reed roof last?\n\n"
                       "00:00:05.000 --> 00:00:09.000\n<v Bo Li-Varga>Forty years if the ridge is kept up.\n",
        "show.txt": "Garden hour. Presenter: Oskar Northway. Guest: Ines Eastgate, beekeeper.\n\n"
                    "OSKAR NORTHWAY: Ines, what kills a hive?\n\nINES EASTGATE: Damp, mostly, and a wet spring.\n",
        "lecture.txt": "SOILS, LECTURE 3\nFrom the course recording. Instructor: Prof. Teodor Quist-Abara\n\n"
                       "PROF. QUIST-ABARA: Compaction hides below the plough layer.\n\nSTUDENT: Does tilling fix it?"})
    assert index.ask("what did the host ask about the roof", mode="lexical").speaker == "Ana Ruiz-Pardo"
    assert index.ask("what did the thatcher say about the ridge", mode="lexical").speaker == "Bo Li-Varga"
    assert index.ask("what did the beekeeper say about the hive", mode="lexical").speaker == "Ines Eastgate"
    assert index.ask("what did the instructor say about compaction", mode="lexical").speaker == "Teodor Quist-Abara"
    notes = [p for p in index.passages() if "Recorded talk" in p.text]
    assert notes and all(p.speaker is None for p in notes)


def test_a_label_with_prof_is_a_professor(tmp_path: Path) -> None:
    """"PROF. QUIST-ABARA:" is a professor, as "Professor Bo Li-Varga" of another document is: "the professor" is both,
    and the topic chooses."""
    index = index_of(tmp_path, {
        "lecture.txt": "SOILS, LECTURE 3\n\nPROF. QUIST-ABARA: Compaction hides below the plough layer.\n\n"
                       "STUDENT: Does tilling fix it?\n\nPROF. QUIST-ABARA: Tilling only hides it.",
        "panel.txt": "Transport panel\n\nPROFESSOR BO LI-VARGA: Rural buses lose a fifth of their riders.\n\n"
                     "CHAIR: Thank you."})
    assert index.ask("what did the professor say about tilling", mode="lexical").results[0].speaker == "Quist-Abara"
    assert index.ask("what did the professor say about rural buses", mode="lexical").results[0].speaker == "Bo Li-Varga"


def test_an_office_described_more_closely_is_still_that_office(tmp_path: Path) -> None:
    """"the nurse" is both a vox pop's "nurse" and a study's "night-shift nurse"; "the interviewee" is the person a
    record's "Interviewee:" field names, and the one another document's key names above capitals labels ("OSKAR
    NORTHWAY:"): the topic chooses between them."""
    index = index_of(tmp_path, {
        "voxpop.txt": "Street survey, Oakton\n\n\"The new crossing is too far from the school.\"\n— Ana Ruiz-Pardo, 34, nurse\n",
        "study.txt": "Usability notes\n\nParticipant 3 is a night-shift nurse at Northway General.\n\n"
                     "Participant 3: The reminders arrive at four in the afternoon, when I am asleep.\n\n"
                     "Moderator: What would you change?\n\nParticipant 3: Let me pick the hour myself.\n",
        "record.txt": "RECORD OF INTERVIEW\n\nInterviewing officer: Bo Li-Varga. Interviewee: Teodor Quist-Abara.\n\n"
                      "LI-VARGA: Where was the trailer on Friday?\n\nQUIST-ABARA: I lent the trailer to my cousin.\n",
        "oral.txt": "Oral history\n\nInterviewer: Ines Eastgate\nInterviewee: Oskar Northway\n\n"
                    "INES EASTGATE: When did you start fishing?\n\nOSKAR NORTHWAY: At eleven, on my father's boat.\n"})
    assert index.ask("what did the nurse say about the reminders", mode="lexical").results[0].speaker == "Participant 3"
    assert index.ask("what did the nurse say about the crossing", mode="lexical").results[0].speaker == "Ana Ruiz-Pardo"
    assert index.ask("what did the interviewee say about the trailer", mode="lexical").results[0].speaker == "Teodor Quist-Abara"
    assert index.ask("what did the interviewee say about the boat", mode="lexical").results[0].speaker == "Oskar Northway"
    key = [p for p in index.passages() if "Interviewee: Oskar Northway" in p.text]  # a key above "OSKAR NORTHWAY:" turns
    assert key and all(p.speaker is None for p in key)


def test_a_tables_job_before_a_name_no_list_knows_is_that_persons_turn() -> None:
    """A captions table's "Ferry operator (Zephyrine Quist-Abara)" is a turn of hers, the ferry operator's, whatever
    her first name: not more of the resident's turn above it."""
    said = spoken("Ward forum, live captions\n\nSpeaker\tTime\tText\n"
                  "Chair (Ana Ruiz-Pardo)\t19:00\tTonight's only item is the ferry timetable.\n"
                  "Resident (Bo Li-Varga)\t19:02\tPlease bring back the early sailing.\n"
                  "Ferry operator (Zephyrine Quist-Abara)\t19:04\tOnly eleven people used it.\n"
                  "Chair (Ana Ruiz-Pardo)\t19:06\tThank you. The clerk will set up a petition.\n")
    assert said["Please bring back the early sailing."] == "Bo Li-Varga"  # the time cell is no part of the words
    assert said["Only eleven people used it."] == "Zephyrine Quist-Abara"


def test_dialogue_dashes_in_one_cue_are_two_unnamed_speakers(tmp_path: Path) -> None:
    pytest.importorskip("srt", reason="subtitles need pip install 'docqa[subtitles]'")
    from docqa import read_document

    path = tmp_path / "scene.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:04,000\nMAYOR LIU: The seawall item.\n\n"
                    "2\n00:00:04,500 --> 00:00:08,000\n- How old is it?\n- Fifty years.\n\n"
                    "3\n00:00:08,500 --> 00:00:10,000\n[APPLAUSE]\n\n4\n00:00:10,500 --> 00:00:12,000\n- MAYOR LIU: Next item.\n")
    result = attribute(read_document(path))
    said = [(result.text[s.start:s.end], result.speaker_name(s.speaker)) for s in result.segments]
    assert said == [("The seawall item.", "Liu"), ("How old is it?", None), ("Fifty years.", None), ("[APPLAUSE]", None),
                    ("Next item.", "Liu")]


def test_a_wire_headline_with_a_colon_is_not_a_speaker() -> None:
    text = ("Fishing quotas: Coastal towns brace for cuts\n\nPORT ALDER — Crews prepared on Tuesday for lower limits.\n\n"
            "“This is a hard year,” said Tomas Reinholt, a captain.\n\nThe council voted 7-2.")
    speakers = speakers_of(text)
    assert speakers["Fishing quotas: Coastal towns brace for cuts"] is None
    assert "Fishing quotas" not in speakers.values()


@pytest.fixture(scope="module")
def hearing_index(tmp_path_factory: pytest.TempPathFactory) -> Index:
    folder = tmp_path_factory.mktemp("hearing")
    (folder / "hearing.txt").write_text(
        "Hearing on the Federal Reserve's monetary policy report\n\n" + SIX_FORMS.replace(
            "We are watching inflation closely", "On rates, we are watching inflation closely"), encoding="utf-8")
    return Index.build([folder], tmp_path_factory.mktemp("ix") / "ix", model=FakeEmbedder(), on_warning=None)


@pytest.mark.parametrize("question,speaker", [
    ("What did Holloway say about rates?", "Holloway"),
    ("what did the chairman say about the hearing", "Aberdeen"),
    ("what did the Fed chair say about rates", "Marchetti"),
    ("What did Senator Holloway ask about community banks?", "Holloway"),
])
def test_questions_name_people_by_name_title_and_office(hearing_index: Index, question: str, speaker: str) -> None:
    answer = hearing_index.ask(question, mode="lexical")
    assert answer.speaker == speaker, answer.notice
    assert answer.results and {hit.speaker for hit in answer.results} == {speaker}


def test_speakers_of_a_hearing_a_council_and_a_story_are_people_once_each(tmp_path: Path) -> None:
    """No show names, no title-only aliases, no addressed names among the speakers; the council member
    of the subtitles and of the news story is one person."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("01_council_meeting.srt", "02_council_story.html", "03_podcast.vtt"):
        (folder / name).write_bytes((DATA / "transcripts" / name).read_bytes())
    (folder / "hearing.txt").write_bytes((DATA / "hearings" / "01_senate_banking.txt").read_bytes())
    Index.build([folder], tmp_path / "ix", model=FakeEmbedder(), on_warning=None).close()
    done = subprocess.run([sys.executable, "-m", "docqa", "speakers", "--json", "--index", str(tmp_path / "ix")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    speakers = [json.loads(line) for line in done.stdout.splitlines()]
    speaking = {s["name"]: s for s in speakers if s["passages"]}
    assert {"Dorian Armitage", "Ngozi Okonkwo", "Grace Liu", "Harold Lindqvist", "Miriam Castellanos",
            "Corinne Wu"} <= set(speaking)
    assert "COUNCILMEMBER ARMITAGE" in speaking["Dorian Armitage"]["aliases"]  # the label and the story's name: one person
    names = {s["name"].lower() for s in speakers}
    assert not names & {"the long table", "long table", "dorian", "castellanos", "chair castellanos"}  # no show, no vocative
    for speaker in speakers:
        assert not [a for a in speaker["aliases"] if a.lower().strip(".") in ROLE_WORDS], speaker  # no "Senator", "member"


def test_a_publication_or_a_misspelt_office_as_a_label_is_no_person() -> None:
    text = ("THE QUARTERLY: Did you ever think about quitting?\n\nMARROW: Twice.\n\nTHE PRESIDENT: Thank you all.\n\n"
            "THE PRESIDNET: And one more thing.\n\nMARROW: Go ahead.\n\nBBC: And the cost?\n\nMARROW: Four million.")
    result = attribute(Document("t.txt", text, "text"))
    kinds = {e.display: e.kind for e in result.entities if e.spoke}
    assert kinds["THE QUARTERLY"] == "role" and "Quarterly" not in kinds  # a magazine asks, no person named Quarterly
    assert kinds["BBC"] == "role" and kinds["Marrow"] == "person"  # letters with no vowel: a broadcaster, not "Bbc"
    said = {result.text[s.start:s.end]: result.speaker_name(s.speaker) for s in result.segments}
    assert said["And one more thing."] == said["Thank you all."]  # the same President


def test_headings_in_capitals_above_their_text_are_no_speakers_but_repeated_names_are() -> None:
    report = ("Annual Report\n\nKEY FINDINGS\nRidership rose by a tenth.\n\nBUDGET OUTLOOK\nCosts will rise.\n\n"
              "NEXT STEPS\nThe board will meet in May.")
    assert set(speakers_of(report).values()) == {None}
    interview = ("DANA WHITFIELD\nWelcome back.\n\nOKELLO BARASA\nThanks, Dana.\n\nDANA WHITFIELD\nLet's start.\n\n"
                 "OKELLO BARASA\nGladly.")
    said = speakers_of(interview)
    assert said["Welcome back."] == said["Let's start."] == "Dana Whitfield" and said["Gladly."] == "Okello Barasa"


@pytest.fixture(scope="module")
def records_index(tmp_path_factory: pytest.TempPathFactory) -> Index:
    paths = [DATA / "transcripts" / "23_focus_group.txt", DATA / "hearings" / "09_sentencing_hearing.txt",
             DATA / "hearings" / "08_commons_questions.txt"]
    return Index.build(paths, tmp_path_factory.mktemp("records") / "ix", model=FakeEmbedder(), on_warning=None)


@pytest.mark.parametrize("question,speaker", [
    ("what did the facilitator ask about the timetable", "Marguerite Osei"),  # "Facilitator: Marguerite Osei", then "I:"
    ("what did the judge say about the sentence", "Adeline Marchetti"),  # "THE COURT:" under "BEFORE THE HONORABLE …"
    ("what did the Prime Minister say about waiting lists", "Gareth Pennington"),  # "The Prime Minister (Gareth …):"
])
def test_a_record_that_names_an_office_holder_answers_questions_about_the_office(records_index: Index, question: str,
                                                                                speaker: str) -> None:
    answer = records_index.ask(question, mode="lexical")
    assert answer.speaker == speaker, answer.notice
    assert answer.results and {hit.speaker for hit in answer.results} == {speaker}


@pytest.fixture(scope="module")
def offices_index(tmp_path_factory: pytest.TempPathFactory) -> Index:
    names = ("04_podcast.md", "06_town_hall.txt", "08_radio_interview.txt", "15_tv_news.txt", "21_panel.txt",
             "22_city_council.txt")
    return Index.build([DATA / "transcripts" / name for name in names], tmp_path_factory.mktemp("offices") / "ix",
                       model=FakeEmbedder(), on_warning=None)


@pytest.mark.parametrize("question,holders", [
    # "HOST:" in a podcast, "STEVE INGRAM, HOST:" on the radio, "MARGOT ELLISON, HOST:" on television
    ("what did the hosts say", {"Malik Osei", "Steve Ingram", "Margot Ellison"}),
    ("what did the host say about the union", {"Malik Osei", "Steve Ingram", "Margot Ellison"}),
    # "MODERATOR:" (a role), "MODERATOR (Hollis Brandt):"
    ("what did the moderator say", {"MODERATOR", "Hollis Brandt"}),
    # "COUNCIL MEMBER X:" labels of one council
    ("what did the council members say about the increase", {"Achebe", "Whitlock"}),
])
def test_an_office_several_people_hold_asks_all_of_them(offices_index: Index, question: str, holders: set[str]) -> None:
    answer = offices_index.ask(question, k=30, mode="lexical")
    assert set(split_names(answer.speaker or "")) == holders, answer.notice
    assert answer.results and {hit.speaker for hit in answer.results} <= holders
    if not answer.topic:  # everything they said, listed with who said it
        assert {hit.speaker for hit in answer.results} == holders and f"passages by {answer.speaker}" in (answer.notice or "")


def test_a_name_is_one_person_whatever_office_they_hold(offices_index: Index) -> None:
    answer = offices_index.ask("what did Ellison say", mode="lexical")  # a name is one person, whatever her office
    assert answer.speaker == "Margot Ellison"


def test_a_surname_two_people_share_asks_both_and_the_topic_chooses(tmp_path: Path) -> None:
    """Two people of one surname, in two documents: a question naming the surname searches both, each hit with its
    own speaker, rather than only the one heard most."""
    council = tmp_path / "council.txt"
    council.write_text("COUNCILLOR MIREILLE DASZKIEWICZ: The ferry subsidy ends in June, and the island has no other "
                       "way to reach the hospital.\n\nCOUNCILLOR PIET VANTONGEREN: We will vote on it next week.\n\n"
                       "COUNCILLOR MIREILLE DASZKIEWICZ: Then I move that the ferry keeps its winter timetable.\n\n"
                       "COUNCILLOR MIREILLE DASZKIEWICZ: Seconded motions first, please.", encoding="utf-8")
    interview = tmp_path / "interview.txt"
    interview.write_text("Q: How did you come to restore organs?\n\nTOMAS DASZKIEWICZ: My father tuned pianos, and the "
                         "organ at the chapel needed new leather for every bellows.\n\nQ: How long did it take?\n\n"
                         "TOMAS DASZKIEWICZ: Two winters.", encoding="utf-8")
    index = Index.build([council, interview], tmp_path / "ix", model=FakeEmbedder(), on_warning=None)
    both = {"Mireille Daszkiewicz", "Tomas Daszkiewicz"}
    for question, first in (("what did Daszkiewicz say about the ferry", "Mireille Daszkiewicz"),
                            ("what did Daszkiewicz say about the organ bellows", "Tomas Daszkiewicz")):
        answer = index.ask(question, mode="lexical")
        assert set(split_names(answer.speaker or "")) == both, answer.notice
        assert answer.results and answer.results[0].speaker == first
    assert index.ask("what did Tomas Daszkiewicz say about the ferry", mode="lexical").speaker == "Tomas Daszkiewicz"
    assert set(split_names(index.ask("the ferry", speaker="Daszkiewicz", mode="lexical").speaker or "")) == both  # --speaker
    assert {p.speaker for p in index.passages(speaker="Daszkiewicz")} == both  # docqa passages --speaker


def test_the_speaker_option_names_an_office_as_a_question_does(offices_index: Index) -> None:
    answer = offices_index.ask("what was said about the union", speaker="the hosts", mode="lexical")
    assert set(split_names(answer.speaker or "")) == {"Malik Osei", "Steve Ingram", "Margot Ellison"}
    listed = {p.speaker for p in offices_index.passages(speaker="the hosts")}  # docqa passages --speaker, the same
    assert listed == {"Malik Osei", "Steve Ingram", "Margot Ellison"}
    assert {h.speaker for h in offices_index.search("the union", speaker="the hosts", k=20, mode="lexical")} <= listed


def test_a_possessive_ends_a_name_and_a_headline_is_no_title() -> None:
    text = ("A Conversation With Captain Odile Varga\n\nQ: On President Hollister’s Inauguration Day, he signed six orders. "
            "Will Governor Pellam’s Budget Office answer?\n\nCAPTAIN VARGA: Not today.")
    result = attribute(Document("t.txt", text, "text"))
    people = {e.display: e.titles for e in result.entities if e.kind == "person"}
    assert "Hollister" in people and "Pellam" in people  # not "Hollister’s Inauguration Day", "Pellam’s Budget Office"
    assert set(people["Odile Varga"]) <= {"Captain", "CAPTAIN"}  # not "Conversation With Captain"


def test_initials_a_label_declares_are_that_persons() -> None:
    text = ("# Five questions for a ferry pilot\n\n**Interviewer (Nadia Ostrander):** How long have you piloted?\n\n"
            "**Oskar Brennan (OB):** Since the old boat.\n\n**NO:** Do you miss it?\n\n**OB:** Never. It leaked.")
    said = speakers_of(text)
    assert said["Since the old boat."] == said["Never. It leaked."] == "Oskar Brennan"  # "OB:" is the "(OB)" of his label
    # "NO:" spells a word no label is, but here it is the initials of the interviewer a label names
    assert said["Do you miss it?"] == said["How long have you piloted?"] == "Nadia Ostrander"


def test_each_member_of_the_public_who_says_who_they_are_is_their_own_speaker() -> None:
    said = speakers_of("PUBLIC HEARING ON THE QUAY STREET REZONING\n\nCHAIR ABERNETHY: The hearing is open. Please state "
                       "your name.\n\nSPEAKER: Good evening. My name is Gwendolyn Achebe-Park and I live on Quay Street. I "
                       "oppose it.\n\nCHAIR ABERNETHY: Thank you. Next speaker.\n\nSPEAKER: Hi, I'm Tobias Wendt. I run the "
                       "bakery. I support it.\n\nSPEAKER: I just want to say the buses are full.\n\nCALLER: Yes, this is "
                       "Marguerite Oyelaran, calling from Eastfield. Will the hearing be recorded?")
    assert said["Good evening. My name is Gwendolyn Achebe-Park and I live on Quay Street. I oppose it."] \
        == "Gwendolyn Achebe-Park"
    assert said["Hi, I'm Tobias Wendt. I run the bakery. I support it."] == "Tobias Wendt"
    assert said["I just want to say the buses are full."] == "SPEAKER"  # says nothing of who: not the last one named
    assert said["Yes, this is Marguerite Oyelaran, calling from Eastfield. Will the hearing be recorded?"] \
        == "Marguerite Oyelaran"


def test_each_member_of_the_public_is_the_one_the_chair_or_the_host_calls_on() -> None:
    """Public comment, a call-in show, an earnings call's analysts and a hearing's witnesses: "SPEAKER:" and "CALLER:"
    are a different person each time the floor is given, the one the chair or host names, until it passes again; a
    follow-up question keeps the caller on the line."""
    said = speakers_of("PUBLIC COMMENT\n\nMAYOR QUINTANA: Each speaker has three minutes. Our first speaker is Leopold "
                       "Varga, followed by Ingeborg Maalouf.\n\nSPEAKER: The new bus route runs past my window at five.\n\n"
                       "MAYOR QUINTANA: Thank you, Mr. Varga. Ms. Maalouf, go ahead.\n\nSPEAKER: The bus gets me to the "
                       "hospital.\n\nMAYOR QUINTANA: Thank you. Next speaker, please.\n\nSPEAKER: Keep the library open "
                       "on Saturdays.\n\nSPEAKER: And fix the lights on Elm.")
    assert said["The new bus route runs past my window at five."] == "Leopold Varga"
    assert said["The bus gets me to the hospital."] == "Ingeborg Maalouf"  # called by honorific: the one named in full
    assert said["Keep the library open on Saturdays."] == "SPEAKER"  # the floor passed, to no one named
    assert said["And fix the lights on Elm."] == "SPEAKER"
    radio = speakers_of("HOST ROSALIND PEVENSEY: Lines are open. Let's go to Terrence in Millbrook.\n\nCALLER: My "
                        "bakery's trade is down by half.\n\nHOST ROSALIND PEVENSEY: Have you talked to the city?\n\n"
                        "CALLER: Twice. Nothing.\n\nHOST ROSALIND PEVENSEY: Thanks, Terrence. Next up is Wilhelmina, "
                        "calling from the east side.\n\nCALLER: I like the meters.")
    assert radio["My bakery's trade is down by half."] == radio["Twice. Nothing."] == "Terrence"
    assert radio["I like the meters."] == "Wilhelmina"
    # a legislature's presiding "SPEAKER:" after a member asks to hear from another member, who has a label of their own
    house = speakers_of("SPEAKER: The House will come to order.\n\nREPRESENTATIVE OYELOWO: I want to hear from "
                        "Representative Szabo-Lindqvist on the cost.\n\nSPEAKER: The gentleman from Pike is recognized."
                        "\n\nREPRESENTATIVE SZABO-LINDQVIST: Four million dollars.\n\nSPEAKER: The time has expired.")
    assert house["The gentleman from Pike is recognized."] == house["The time has expired."] == "SPEAKER"
    call = speakers_of("Operator: Our first question comes from the line of Casimir Oduya with Brightwater Securities. "
                       "Please go ahead.\n\nAnalyst: Can you talk about margins?\n\nLeontyne Achterberg-Sall: They grew."
                       "\n\nAnalyst: And pricing?\n\nOperator: Our next question comes from Henrietta Vasquez-Ng at "
                       "Eastfield Partners.\n\nAnalyst: What is the outlook for China?")
    assert call["Can you talk about margins?"] == call["And pricing?"] == "Casimir Oduya"
    assert call["What is the outlook for China?"] == "Henrietta Vasquez-Ng"
    hearing = speakers_of("CHAIR MBEKI-LAURENT: Our first witness is Dr. Perpetua Vandermolen of the Coastal Housing "
                          "Institute.\n\nWITNESS: Eviction filings doubled.\n\nCHAIR MBEKI-LAURENT: Thank you, Dr. "
                          "Vandermolen. Next we will hear from Ignatius Oyelaran-Price, a landlord.\n\nWITNESS: I own six "
                          "units.\n\nCHAIR MBEKI-LAURENT: Did you go to Main Street or to Ignatius Oyelaran-Price's "
                          "building?\n\nWITNESS: Neither.")
    assert hearing["Eviction filings doubled."] == "Perpetua Vandermolen"
    assert hearing["I own six units."] == hearing["Neither."] == "Ignatius Oyelaran-Price"  # a place is called on by no one
    # a lecture's students: the name the teacher asks as the turn ends ("Yes, Priya?", "Anyone else? Tobias?")
    lecture = speakers_of("PROFESSOR LINDGREN-ADU: Questions about the proof? Yes, Saoirse?\n\nSTUDENT: Why is the "
                          "limit finite?\n\nPROFESSOR LINDGREN-ADU: Because the terms shrink. Anyone else? Bartholomew?"
                          "\n\nSTUDENT: Does it hold in three dimensions?\n\nPROFESSOR LINDGREN-ADU: Thanks. Did that "
                          "come from Dr. Euler?\n\nSTUDENT: No.")
    assert lecture["Why is the limit finite?"] == "Saoirse"
    assert lecture["Does it hold in three dimensions?"] == "Bartholomew"
    assert lecture["No."] not in ("Saoirse", "Bartholomew", "Euler")  # the floor passed; a name asked about is not called


def test_a_heading_that_names_the_moderator_and_where_they_are_from_is_no_ones_words() -> None:
    said = speakers_of("Panel: the future of local news\nModerator: Sunniva Achterlund, Northgate Press Club\n\n"
                       "SUNNIVA ACHTERLUND: Is the local paper dead?\n\nMARGIT TELLENBACH: Smaller, not dead.\n\n"
                       "MODERATOR: And the money?")
    assert "Sunniva Achterlund, Northgate Press Club" not in " ".join(k for k, v in said.items() if v)
    assert said["Is the local paper dead?"] == said["And the money?"] == "Sunniva Achterlund"


def test_a_long_heading_in_capitals_between_an_arguments_turns_is_no_ones_words() -> None:
    said = speakers_of("PROCEEDINGS\n\nCHIEF JUSTICE FAIRWEATHER: We'll hear argument this morning. Ms. Marchetti-Wren."
                       "\n\nORAL ARGUMENT OF ISOLDE MARCHETTI-WREN ON BEHALF OF THE PETITIONER\n\nMS. MARCHETTI-WREN: "
                       "May it please the Court: the Department exceeded its authority.")
    assert said["ORAL ARGUMENT OF ISOLDE MARCHETTI-WREN ON BEHALF OF THE PETITIONER"] is None
    assert said["We'll hear argument this morning. Ms. Marchetti-Wren."] == "Fairweather"
    # a caption in capitals: a long unpunctuated line is the voice's words, not a heading
    caption = speakers_of("CHAIR FAIRWEATHER: THE COMMISSION WILL COME TO ORDER.\n\nWE HAVE ONE ITEM TONIGHT AND IT IS "
                          "THE MARINA EXPANSION\n\nCOMMISSIONER OKONJO-BELL: THANK YOU, MADAM CHAIR.")
    assert caption["WE HAVE ONE ITEM TONIGHT AND IT IS THE MARINA EXPANSION"] == "Fairweather"


def test_the_defendant_is_the_one_person_the_caption_charges() -> None:
    hearing = ("IN THE DISTRICT COURT OF TARN COUNTY\nSTATE OF MERIDIAN v. JONAS WHITCOMBE-ADEYEMI\n\nTHE COURT: Do you "
               "understand the charge?\n\nTHE DEFENDANT: Yes, Your Honor.\n\nMS. OKONJO: The State is ready.")
    assert speakers_of(hearing)["Yes, Your Honor."] == "Jonas Whitcombe-Adeyemi"
    several = hearing.replace("v. JONAS WHITCOMBE-ADEYEMI", "v. JONAS WHITCOMBE-ADEYEMI and LENA MARSH")
    assert speakers_of(several)["Yes, Your Honor."] == "THE DEFENDANT"  # two charged: the record does not say which


def test_a_first_name_label_is_the_person_the_introduction_names_in_full() -> None:
    said = speakers_of("Team meeting notes, 4 March\n\nPresent: Harriet Okwuosa (chair), Benedikt Szabo, Yuki "
                       "Tanimura-Holm\n\nHarriet: Let's start with the launch date.\n\nBenedikt: Marketing needs two more "
                       "weeks.\n\nYuki: Engineering is ready now.")
    assert said["Let's start with the launch date."] == "Harriet Okwuosa"
    assert said["Marketing needs two more weeks."] == "Benedikt Szabo"
    assert said["Engineering is ready now."] == "Yuki Tanimura-Holm"
    # two people with that first name: the label says no more than the first name
    two = speakers_of("Present: Harriet Okwuosa, Harriet Lindqvist\n\nHarriet: Let's start.\n\nBenedikt: Fine.")
    assert two["Let's start."] == "Harriet"


def test_an_oral_historys_narrator_and_interviewer_are_the_people_its_heading_names() -> None:
    said = speakers_of("Oral History Interview with Winifred Achterberg-Sol\nConducted by Tomasz Ferreira-Lund\n\n"
                       "INTERVIEWER: Where were you born?\n\nNARRATOR: In Kellan, by the quay.")
    assert said["Where were you born?"] == "Tomasz Ferreira-Lund"
    assert said["In Kellan, by the quay."] == "Winifred Achterberg-Sol"
    two = speakers_of("Oral History Interview with Winifred Achterberg-Sol and Ivo Lund\n\nNARRATOR: In Kellan, by the quay."
                      "\n\nINTERVIEWER: And you?")
    assert two["In Kellan, by the quay."] == "NARRATOR"  # two named: the heading does not say which


def test_an_inquirys_sworn_witness_answers_and_its_questions_line_says_who_asks() -> None:
    said = speakers_of("THE HARBOUR FIRE INQUIRY\n\nTHE CHAIR: Good morning.\n\nMS ABERNETHY-COLE: The next witness is Mr "
                       "Desmond Ashworth-Lind.\n\nMR DESMOND ASHWORTH-LIND (sworn)\n\nQuestions from MS ABERNETHY-COLE\n\n"
                       "Q. You were the duty manager that night?\n\nA. I was.\n\nTHE CHAIR: Why?\n\nA. We had false alarms.")
    assert said["MR DESMOND ASHWORTH-LIND (sworn)"] is None  # the record's line, not the counsel's words
    assert said["Questions from MS ABERNETHY-COLE"] is None
    assert said["You were the duty manager that night?"] == "Abernethy-Cole"
    assert said["I was."] == said["We had false alarms."] == "Desmond Ashworth-Lind"


def test_surname_and_office_labels_are_the_people_the_attendance_list_names_in_full() -> None:
    said = speakers_of("Harrow Valley School Board, 9 April 2026\n\nPresent: Board President Maelle Fontaine-Diop, Board "
                       "Members Oskar Lindgren and Priyanka Rao-Whitfield, Superintendent Dr. Ekwueme Balogun-Hart\n\n"
                       "PRESIDENT FONTAINE-DIOP: The meeting will come to order.\n\nSUPERINTENDENT: Enrollment is down two "
                       "percent.\n\nBOARD MEMBER LINDGREN: Is that families leaving?\n\nBOARD MEMBER RAO-WHITFIELD: Then we "
                       "should plan for smaller classes.")
    assert said["Enrollment is down two percent."] == "Ekwueme Balogun-Hart"
    assert said["Is that families leaving?"] == "Oskar Lindgren"
    assert said["Then we should plan for smaller classes."] == "Priyanka Rao-Whitfield"
    assert said["The meeting will come to order."] == "Maelle Fontaine-Diop"
    # a label whose title is another office is another person of that surname
    said = speakers_of("Briefing by National Security Advisor Ines Marwick-Hale\n\nAMBASSADOR MARWICK-HALE: Thank you.\n\n"
                       "Q: Any news?\n\nAMBASSADOR MARWICK-HALE: None today.")
    assert said["Thank you."] == said["None today."] == "Marwick-Hale"


def test_a_records_asked_by_and_response_from_lines_say_whose_words_follow() -> None:
    said = speakers_of("Written question: rural buses\n\nAsked by Baroness Whitlow-Mbeki\n\nTo ask the Government how many "
                       "routes were withdrawn.\n\nAnswered by Lord Penhallow-Grey\n\nThe Department estimates 312 routes.")
    assert said["Asked by Baroness Whitlow-Mbeki"] is None
    assert "Whitlow-Mbeki" in said["To ask the Government how many routes were withdrawn."]
    assert said["The Department estimates 312 routes."] == "Penhallow-Grey"
    said = speakers_of("Public Question Time\n\nQuestion from Mr Idris Vantongeren:\nWhy is the footpath closed?\n\n"
                       "Response from the Town Clerk, Mrs Beatrix Holloway-Nash:\nThe wall is not repaired.")
    assert said["Why is the footpath closed?"] == "Idris Vantongeren"
    assert said["The wall is not repaired."] == "Beatrix Holloway-Nash"
    assert said["Response from the Town Clerk, Mrs Beatrix Holloway-Nash:"] is None


def test_a_long_office_with_its_holder_and_a_parliaments_dash_labels_are_turns() -> None:
    said = speakers_of("Rural Transport Services\n\nDeputy Aoibheann Ní Mhurchú: Bus routes have been cut twice.\n\n"
                       "The Minister of State at the Department of Transport (Deputy Colm Ó Briain-Walsh): The authority is "
                       "reviewing every route.\n\nDeputy Aoibheann Ní Mhurchú: A review is not a bus.")
    assert said["The authority is reviewing every route."] == "Colm Ó Briain-Walsh"  # not the deputy who spoke before
    said = speakers_of("Debate on water\n\nElsbeth Vandermeulen-Koch, on behalf of the PPE Group. – Madam President, droughts "
                       "cost farmers dearly.\n\nTiago Ferreira-Salgado, on behalf of the S&D Group. – Madam President, farmers "
                       "did not cause this.\n\nElsbeth Vandermeulen-Koch (PPE). – I agree on one point.")
    assert said["Madam President, droughts cost farmers dearly."] == "Elsbeth Vandermeulen-Koch"
    assert said["Madam President, farmers did not cause this."] == "Tiago Ferreira-Salgado"
    assert said["I agree on one point."] == "Elsbeth Vandermeulen-Koch"


def test_an_office_label_is_the_person_the_preamble_gives_that_title_after_a_comma_accents_and_all() -> None:
    said = speakers_of("Daily Press Briefing\n\nThe following is a transcript of today's noon briefing by Émile "
                       "Castellanos-Brandt, Spokesperson for the Secretary-General.\n\nSpokesperson: Good afternoon.\n\n"
                       "Question: Has he spoken to either side?\n\nSpokesperson: He spoke to both leaders.")
    assert said["Good afternoon."] == said["He spoke to both leaders."] == "Émile Castellanos-Brandt"


@pytest.mark.parametrize("stamp", ["[04/05/2024, 07:31:12] ", "04/05/2024, 07:31 - ", "5/4/24, 7:31\u202fAM - ",
                                   "2024-05-04 07:31 - "])
def test_a_chat_export_with_the_date_and_time_before_each_sender_is_a_conversation(stamp: str) -> None:
    text = (f"{stamp}Wilhelmina Achterberg-Moss: The ferry is cancelled again this morning.\n"
            f"{stamp}Osric Pemberton-Lau: Then we take the bus.\nMeet at the square at eight?\n"
            f"{stamp}Wilhelmina Achterberg-Moss: Fine. Bring the tickets.\n")
    said = speakers_of(text)
    assert said["The ferry is cancelled again this morning."] == "Wilhelmina Achterberg-Moss"
    assert said["Then we take the bus.\nMeet at the square at eight?"] == "Osric Pemberton-Lau"
    assert said["Fine. Bring the tickets."] == "Wilhelmina Achterberg-Moss"


APPOSITIVE_OFFICES = {
    "story.txt": "Harbour dredging delayed\n\n“The silt is twice as deep as the survey said,” said Ignatius Bellweather, "
                 "the port's harbour master. Work will resume in May.\n\nCordula Amsel-Fry, director of finance for the port, "
                 "said the budget could absorb the delay.\n\n“We have seen this before,” said Leopold Harrow-Vane, a dock "
                 "worker.",
    "board.txt": "PORT BOARD — MONTHLY MEETING\n\nCHAIR WESTCOTT: Mr. Bellweather, the dredging?\n\n"
                 "MR. BELLWEATHER: The silt survey was wrong, so the dredger needs another three weeks.\n\n"
                 "MS. AMSEL-FRY: The contingency line covers it.\n\nCHAIR WESTCOTT: Thank you both.",
}


@pytest.mark.parametrize("question,speaker", [
    ("what did the harbour master say about the silt", "Ignatius Bellweather"),
    ("what did the director of finance say", "Cordula Amsel-Fry"),
])
def test_an_office_written_after_a_name_finds_that_person_in_every_document(tmp_path: Path, question: str,
                                                                            speaker: str) -> None:
    """"Ignatius Bellweather, the port's harbour master," makes "the harbour master" his, in the story and in the
    board's transcript where he is "MR. BELLWEATHER"; "a dock worker" is no office of one person."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in APPOSITIVE_OFFICES.items():
        (folder / name).write_text(text, encoding="utf-8")
    index = Index.build([folder], tmp_path / "ix", model=FakeEmbedder(), on_warning=None)
    answer = index.ask(question, mode="lexical", cutoff=False)
    assert answer.speaker == speaker, answer.notice
    assert {Path(hit.doc).name for hit in answer.results} == {"story.txt", "board.txt"}
    assert index.ask("what did the dock worker say", mode="lexical").speaker is None


GUTTER_DEPOSITION = """                    SUPERIOR COURT OF THE STATE OF OREGON

              VIDEOTAPED DEPOSITION OF HOLLIS VANTERPOOL
                           June 9, 2025

 1    BY MS. DREXLER-AMANI:
 2         Q.   Mr. Vanterpool, who inspected the boiler in the
 3    spring?
 4         A.   I did, with the county's man. We signed the
 5    form together.
 6         Q.   Did the pressure valve pass?
 7         A.   It stuck once. I wrote that on the second page.
 8                 MR. LUNDQVIST:  Objection to form.
 9         Q.   (By Ms. Drexler-Amani) You may answer.
10         A.   It stuck once and then it opened.
11
12         Q.   Who replaced it?
13         A.   Nobody, as far as I know.
"""


def test_a_deposition_with_numbered_lines_has_its_examiner_witness_and_objections(tmp_path: Path) -> None:
    """A court reporter's line numbers at the left of every line neither hide the labels after them nor enter a
    passage: each question is the examining lawyer's, each answer the witness's, the objection the other lawyer's."""
    (tmp_path / "deposition.txt").write_text(GUTTER_DEPOSITION, encoding="utf-8")
    index = Index.build([tmp_path / "deposition.txt"], tmp_path / "ix", model=FakeEmbedder(), on_warning=None)
    said = passages_said(index)
    assert said["I did, with the county's man. We signed the form together."] == "Hollis Vanterpool"
    assert said["Nobody, as far as I know."] == "Hollis Vanterpool"
    assert said["Mr. Vanterpool, who inspected the boiler in the spring?"] == "Drexler-Amani"
    assert said["Objection to form."] == "Lundqvist"
    assert not any(word.isdigit() for text in said for word in text.split()[:1])  # no line number opens a passage
    answer = index.ask("what did Vanterpool say about the form", mode="lexical")
    assert answer.speaker == "Hollis Vanterpool" and "We signed the" in answer.results[0].text


def test_a_numbered_depositions_swearing_in_and_headings_are_the_records_lines() -> None:
    """With no blank line between them, the line that swears the witness in and an "EXAMINATION" heading between two
    lawyers' questions are the court reporter's, neither the witness's words nor the end of the answer before them."""
    from docqa.readers._common import blank_line_numbers

    lines = ["TOVE AMUNDSEN-KARIUKI,", "having been first duly sworn, testified as follows:", "EXAMINATION",
             "BY MR. OKONKWO-BRANDT:", "Q.   Where were you standing?", "A.   By the loading dock, near the crane.",
             "CROSS-EXAMINATION", "BY MS. HALVORSEN:", "Q.   Could you see the operator?", "A.   Not from there.",
             "Q.   Not at all?", "A.   No."]
    text = "DEPOSITION OF TOVE AMUNDSEN-KARIUKI\n\n" + "".join(f"{n:2}   {line}\n" for n, line in enumerate(lines, 1))
    said = {" ".join(k.split()): v for k, v in speakers_of(blank_line_numbers(text)).items()}
    assert said["TOVE AMUNDSEN-KARIUKI, having been first duly sworn, testified as follows:"] is None
    assert said["EXAMINATION"] is None and said["CROSS-EXAMINATION"] is None
    assert said["By the loading dock, near the crane."] == said["Not from there."] == "Tove Amundsen-Kariuki"
    assert said["Where were you standing?"] == "Okonkwo-Brandt"
    assert said["Could you see the operator?"] == "Halvorsen"


def test_numbered_paragraphs_and_lists_keep_their_numbers() -> None:
    from docqa.readers._common import blank_line_numbers

    steps = "".join(f"{n}  Step {n}: turn the valve a quarter.\n" for n in range(1, 15))
    clauses = "".join(f"{n}   The tenant shall keep the premises clean.\n\n" for n in range(10, 40))
    assert blank_line_numbers(steps) == steps  # one list counting past a page's lines still: 1-14 is a page
    assert blank_line_numbers(clauses) == clauses


CAPTIONS = """>> GOOD MORNING, I'M PRIYANKA HOLMQVIST. FLOODWATERS ARE RISING ALONG THE SOUTH FORK TONIGHT.
>> THE WATER CAME UP TO OUR PORCH IN AN HOUR.
>> WE LOST THE CAR. WE'RE STAYING WITH MY SISTER.
>> THE COUNTY HAS OPENED TWO SHELTERS AT THE HIGH SCHOOLS.
"""


def test_a_caption_voice_that_names_itself_is_that_person_and_unnamed_voices_stay_apart(tmp_path: Path) -> None:
    """Closed captions mark each new voice with ">>" and rarely name it: the anchor who says "I'M X" is X, and two
    unnamed voices in a row are two passages, never one voice's, nor the anchor's."""
    (tmp_path / "news.txt").write_text(CAPTIONS, encoding="utf-8")
    index = Index.build([tmp_path / "news.txt"], tmp_path / "ix", model=FakeEmbedder(), on_warning=None)
    passages = list(index.passages())
    assert passages[0].speaker == "Priyanka Holmqvist" and passages[0].text.startswith("GOOD MORNING")
    porch = next(p for p in passages if "PORCH" in p.text)
    assert porch.speaker is None and "SISTER" not in porch.text  # the next voice is its own passage
    assert [p.speaker for p in passages].count("Priyanka Holmqvist") == 1


def test_caption_voices_the_programme_names_are_those_people() -> None:
    """The voices around an unnamed ">>" voice name it: the anchor hands over ("OUR REPORTER BO LI-VARGA IS THERE."),
    a reporter leads into a clip ("… SITE MANAGER, TEODOR QUIST-ABARA, SAYS …") or names it after it played ("THAT
    WAS RESIDENT ANA RUIZ-PARDO"), and an anchor asks the reporter by first name; a voice nothing names stays no one's."""
    said = spoken(">> GOOD EVENING. I'M INES EASTGATE. THE LANDSLIP ON THE COAST ROAD HAS CLOSED IT FOR A WEEK. OUR "
                  "REPORTER BO LI-VARGA IS THERE.\n"
                  ">> INES, THE ROAD HAS SIMPLY SLID INTO THE FIELD BELOW.\n"
                  ">> WE HEARD A CRACK AT FOUR AND THE HEDGE WAS GONE.\n"
                  ">> THAT WAS RESIDENT ANA RUIZ-PARDO. THE COUNCIL'S SITE MANAGER, TEODOR QUIST-ABARA, SAYS REPAIRS "
                  "START MONDAY.\n"
                  ">> WE WILL PIN THE BANK WITH STEEL BEFORE WE RELAY THE ROAD.\n"
                  ">> BO, IS THERE A DIVERSION?\n"
                  ">> YES, INES. BUSES WILL GO THROUGH OAKTON UNTIL FRIDAY.\n"
                  ">> AND THE WEATHER: RAIN UNTIL THE WEEKEND.\n")
    assert said["INES, THE ROAD HAS SIMPLY SLID INTO THE FIELD BELOW."] == "Bo Li-Varga"
    assert said["WE HEARD A CRACK AT FOUR AND THE HEDGE WAS GONE."] == "Ana Ruiz-Pardo"
    assert said["WE WILL PIN THE BANK WITH STEEL BEFORE WE RELAY THE ROAD."] == "Teodor Quist-Abara"
    assert said["YES, INES. BUSES WILL GO THROUGH OAKTON UNTIL FRIDAY."] == "Bo Li-Varga"
    assert not any(who for words, who in said.items() if "RAIN UNTIL THE WEEKEND" in words)


def test_an_as_told_to_essays_closing_note_is_not_its_narrators() -> None:
    """A first-person essay "By Ana Ruiz-Pardo, as told to Bo Li-Varga" is hers, but not its last paragraph's note on
    the writer and the editing."""
    said = spoken("I ran the Oakton ferry for thirty years\n\nBy Ana Ruiz-Pardo, as told to Bo Li-Varga\n\n"
                  "My mother ran it before me. I was nineteen when I took the wheel.\n\nThe worst crossing was in 1987. "
                  "We lost the ramp and I landed forty cars by hand.\n\n"
                  "Bo Li-Varga is a writer based in Northway. This interview has been edited and condensed.\n")
    assert said["My mother ran it before me."] == "Ana Ruiz-Pardo"
    assert said["Bo Li-Varga is a writer based in Northway."] is None
    assert said["This interview has been edited and condensed."] is None


def test_a_heading_over_a_bracketed_note_is_no_ones_turn() -> None:
    """"Doorstep: Housing Secretary Ana Ruiz-Pardo, outside her department, 2 December 2026" over "(Transcript prepared
    by the press office)" heads the record: no speaker "Doorstep"."""
    said = spoken("Doorstep: Housing Secretary Ana Ruiz-Pardo, outside her department, 2 December 2026\n"
                  "(Transcript prepared by the department's press office)\n\n"
                  "REPORTER: Secretary, will you meet the target?\n\nANA RUIZ-PARDO: We will, and early.\n\n"
                  "REPORTER: When?\n\nANA RUIZ-PARDO: By the spring.\n")
    assert "Doorstep" not in said.values() and said["We will, and early."] == "Ana Ruiz-Pardo"


def test_minutes_credit_a_point_to_the_initials_the_attendance_gives() -> None:
    """"Attendees: Ana Ruiz-Pardo (ARP), Bo Li-Varga (BLV)", then "… would cost about £120 [BLV].": his point; the
    attendance line itself is no one's, and a point with no initials stays the minutes'."""
    said = spoken("Garden committee, 25 November 2026\n\nAttendees: Ana Ruiz-Pardo (ARP), Bo Li-Varga (BLV)\n\n"
                  "1. Water butts\nTwo butts are cracked. Replacing them would cost about £120 [BLV]. A parish grant may "
                  "cover it [ARP].\n\n2. Shed\nThe lock was forced again.\n")
    assert said["Replacing them would cost about £120 [BLV]."] == "Bo Li-Varga"
    assert said["A parish grant may cover it [ARP]."] == "Ana Ruiz-Pardo"
    assert said["Attendees: Ana Ruiz-Pardo (ARP), Bo Li-Varga (BLV)"] is None
    assert said["Shed The lock was forced again."] is None


def test_a_live_pages_key_quote_from_someone_is_theirs() -> None:
    """A live page's timed entry, "15:10 — Key quote from the forecaster Bo Li-Varga, speaking on local radio: "…"",
    gives the quotation to the one it is from."""
    said = spoken("LIVE: the storm\n\n15:10 — Key quote from the forecaster Bo Li-Varga, speaking on local radio: \"The "
                  "worst comes after dark. Stay off the coast road.\"\n\n14:48 — The lifeboat was called out.\n")
    assert said["Stay off the coast road.\""] == "Bo Li-Varga"
    assert said["14:48 — The lifeboat was called out."] is None


def test_an_office_written_with_its_owner_is_found_by_the_owner_and_office(tmp_path: Path) -> None:
    """"The library's director, Bo Li-Varga, said …" makes him "the library director" too, beside another document's
    director of something else."""
    index = index_of(tmp_path, {
        "story.txt": "Oakton will keep its library open on Sundays. The library's director, Bo Li-Varga, said the extra "
                     "hours would cost about 90,000 a year.\n",
        "minutes.txt": "Attendees: Ana Ruiz-Pardo (ARP)\n\nThe hall roof will cost about 4,000 to mend [ARP].\n\n"
                       "Northway's finance director, Teodor Quist-Abara, said the cost of the roof was in the budget.\n"})
    assert index.ask("what did the library director say about the cost", mode="lexical").speaker == "Bo Li-Varga"


def test_a_house_records_seat_and_office_and_a_capitals_mc_name(tmp_path: Path) -> None:
    """An Australian-style record: "Ms RUIZ-PARDO (Oakton—Minister for Health) (14:06):" is the Minister for Health (the
    seat before the dash is no part of the office), and "Mr LI-McGRATH (Northway) (14:05):" is "Li-McGrath"."""
    index = index_of(tmp_path, {"house.txt": (
        "HOUSE OF REPRESENTATIVES\n\nQUESTIONS WITHOUT NOTICE\n\n"
        "Mr LI-McGRATH (Northway) (14:05): My question is to the minister. How long are the waits for a bed?\n\n"
        "Ms RUIZ-PARDO (Oakton—Minister for Health) (14:06): Too long, and that is why we funded four hundred beds.\n\n"
        "Mr LI-McGRATH (Northway) (14:08): Will the night clinics stay open?\n")})
    assert index.ask("what did the Minister for Health say about beds", mode="lexical").speaker == "Ruiz-Pardo"
    assert index.ask("what did Li-McGrath ask about the night clinics", mode="lexical").speaker == "Li-McGrath"


def test_fields_on_one_line_name_the_holders_of_the_role_labels_below() -> None:
    """A viva's "Candidate: Ana Ruiz-Pardo. External examiner: Prof. Bo Li-Varga. Chair: Dr. Ines Eastgate." above
    "CANDIDATE:", "EXTERNAL EXAMINER:" and "CHAIR:" turns: each label is that person, and the line is no one's turn."""
    said = spoken("Viva voce, recording\nCandidate: Ana Ruiz-Pardo. External examiner: Prof. Bo Li-Varga. Chair: Dr. Ines "
                  "Eastgate.\n\nCHAIR: We'll begin with the external examiner.\n\nEXTERNAL EXAMINER: How far do your "
                  "results travel?\n\nCANDIDATE: Not far. It is a case study.\n")
    assert said["How far do your results travel?"] == "Bo Li-Varga"
    assert said["Not far. It is a case study."] == "Ana Ruiz-Pardo"
    assert said["We'll begin with the external examiner."] == "Ines Eastgate"


def test_a_heading_naming_a_doctor_and_a_patient_names_the_doctor_and_patient_labels() -> None:
    """"Consultation — Dr Ana Ruiz-Pardo with patient Bo Li-Varga" above "DOCTOR:" and "PATIENT:" turns."""
    said = spoken("Consultation recording — Dr Ana Ruiz-Pardo with patient Bo Li-Varga, 3 December 2026\n\n"
                  "DOCTOR: How have the tablets been?\n\nPATIENT: I'm dizzy in the mornings.\n\n"
                  "DOCTOR: Then we'll halve the evening dose.\n")
    assert said["Then we'll halve the evening dose."] == "Ana Ruiz-Pardo"
    assert said["I'm dizzy in the mornings."] == "Bo Li-Varga"


def test_a_photo_apps_comments_are_each_their_handles_and_their_likes_no_ones() -> None:
    """A photo app's page copied as text: the caption under "oaktonbakery • Follow", then "handle comment" over "2d 14
    likes Reply"; a reply that opens "@handle" is its writer's, and the likes line is the page's."""
    said = spoken("oaktonbakery • Follow\nSourdough Sunday is back. Doors open at 8.\n2d\n\n"
                  "ana.ruiz Queued at 7:40 and still missed the rye.\n2d 14 likes Reply\n\n"
                  "bo_li_varga Please do a gluten-free loaf.\n1d 31 likes Reply\n\n"
                  "oaktonbakery @bo_li_varga We're testing one with buckwheat.\n1d 9 likes Reply\n")
    assert said["Sourdough Sunday is back. Doors open at 8."] == "oaktonbakery"
    assert said["Please do a gluten-free loaf."] == "bo_li_varga"
    assert said["@bo_li_varga We're testing one with buckwheat."] == "oaktonbakery"
    assert said["1d 31 likes Reply"] is None


def test_a_field_in_sentence_case_above_capitals_labels_names_their_holder() -> None:
    """"Facilitator: Ana Ruiz-Pardo. Members are identified by number." above "FACILITATOR:" and "MEMBER 7:" turns: the
    field names the facilitator and is no turn of hers."""
    said = spoken("Citizens' assembly, session 3 (excerpt)\nFacilitator: Ana Ruiz-Pardo. Members are identified by number.\n\n"
                  "FACILITATOR: Let's hear from the fares table.\n\nMEMBER 14: A flat fare of one pound.\n\n"
                  "MEMBER 7: A cheap fare is no use without a bus.\n")
    assert said["Let's hear from the fares table."] == "Ana Ruiz-Pardo"
    assert said["A cheap fare is no use without a bus."] == "MEMBER 7"


def test_an_office_written_as_one_word_with_another_is_that_office() -> None:
    """"Mrs Ana Ruiz-Pardo (Churchwarden)" in the attendance, then "The Churchwarden reported that …": hers (a
    churchwarden is a warden, an office the lexicon holds)."""
    said = spoken("Parish council minutes, 26 November 2026\n\nPresent: Revd Bo Li-Varga (Vicar, in the chair), Mrs Ana "
                  "Ruiz-Pardo (Churchwarden), and six members.\n\nThe Churchwarden reported that the boiler had failed "
                  "twice and recommended replacing it.\n")
    assert said["The Churchwarden reported that the boiler had failed twice and recommended replacing it."] == "Ana Ruiz-Pardo"


def test_a_chat_export_with_each_sender_in_brackets() -> None:
    """"[Ana Ruiz-Pardo] Has anyone watered the leeks?" on one line after another, with no blank line between the
    messages: each line its sender's."""
    said = spoken("Group chat export — plot 14\n\n[Ana Ruiz-Pardo] Has anyone watered the leeks?\n[Bo Li-Varga] I did this "
                  "morning.\n[Ana Ruiz-Pardo] I'll bring the big can tomorrow.\n[Ines Eastgate] Don't forget the slug pellets.\n")
    assert said["I did this morning."] == "Bo Li-Varga" and said["Don't forget the slug pellets."] == "Ines Eastgate"


def test_a_panel_of_names_in_capitals_with_what_they_do() -> None:
    """"ANA RUIZ-PARDO, urban planner: Yes, but in stages." is her answer (a name in capitals, then what she does)."""
    said = spoken("Should the centre go car-free? We asked three people.\n\n"
                  "ANA RUIZ-PARDO, urban planner: Yes, but in stages.\n\n"
                  "BO LI-VARGA, taxi driver: No. Half my passengers are elderly.\n\n"
                  "INES EASTGATE, café owner: We took more that weekend than in any week.\n")
    assert said["No. Half my passengers are elderly."] == "Bo Li-Varga"
    assert said["We took more that weekend than in any week."] == "Ines Eastgate"


def test_a_witness_statement_is_its_witnesss_words() -> None:
    """"I, Ana Ruiz-Pardo, of 12 Elm Street, Oakton, will say as follows:" opens her statement: the numbered paragraphs
    are hers ("I am the manager of …" gives her the title), the "Signed:" line is not."""
    said = spoken("WITNESS STATEMENT\n\nI, Ana Ruiz-Pardo, of 12 Elm Street, Oakton, will say as follows:\n\n1. I am the "
                  "manager of the Oakton Community Centre.\n\n2. I locked the side door at 22:15 and checked the bolt.\n\n"
                  "Signed: Ana Ruiz-Pardo\n")
    assert said["I locked the side door at 22:15 and checked the bolt."] == "Ana Ruiz-Pardo"
    assert said["Signed: Ana Ruiz-Pardo"] is None


def test_a_bodys_frequently_asked_questions_are_answered_by_that_body() -> None:
    """"Oakton District Council — Frequently asked questions: …" over "Q:" and "A:" lines: the answers are the council's,
    not one "ANSWER"'s."""
    said = spoken("Oakton District Council — Frequently asked questions: garden waste\n\nQ: Can I share a bin?\n"
                  "A: Yes. One subscription covers one bin.\n\nQ: What if I don't subscribe?\nA: Your brown bin will not be "
                  "emptied.\n")
    assert said["Yes. One subscription covers one bin."] == "Oakton District Council"


def test_a_body_is_found_by_the_last_words_of_its_name(tmp_path: Path) -> None:
    """"the water authority" is the "Northway Bay Water Authority" whose page of questions the answers are."""
    index = index_of(tmp_path, {
        "faq.txt": "Northway Bay Water Authority — Frequently asked questions: the boil notice\n\nQ: Can I shower?\n"
                   "A: Yes. Just avoid swallowing the water while you shower.\n\nQ: How long will it last?\n"
                   "A: At least until Friday.\n",
        "chat.txt": "ANA RUIZ-PARDO: The water is off again on our street.\n\nBO LI-VARGA: I shower at the gym now.\n"})
    assert index.ask("what did the water authority say about showering", mode="lexical").speaker == "Northway Bay Water Authority"


def test_a_family_interviews_me_and_grandma_are_the_writer_and_the_grandmother_named() -> None:
    """A school project "by Ana Ruiz-Pardo, Year 9" that says "I interviewed my grandmother, Ines Eastgate, …" over
    "Me:" and "Grandma:" turns: "Me" is the writer, "Grandma" the grandmother named."""
    said = spoken("Grandma's war — an interview for my history project\nby Ana Ruiz-Pardo, Year 9\n\nI interviewed my "
                  "grandmother, Ines Eastgate, at her house on Sunday.\n\nMe: What do you remember about the first night?"
                  "\n\nGrandma: The noise. The whole house shook.\n\nMe: Were you frightened?\n\nGrandma: Not that night.\n")
    assert said["What do you remember about the first night?"] == "Ana Ruiz-Pardo"
    assert said["The noise. The whole house shook."] == "Ines Eastgate"


def test_status_notes_with_a_heading_per_person_are_each_persons_points() -> None:
    """Stand-up notes, "## Ana Ruiz-Pardo" over "- Finished the migration …": the points under each heading are that
    person's; the notes' title is no one's."""
    said = spoken("# Platform stand-up — 3 December 2026\n\n## Ana Ruiz-Pardo\n- Finished the billing migration.\n"
                  "- Blocked on the firewall change.\n\n## Bo Li-Varga\n- Found the memory leak: the image resizer.\n\n"
                  "## Ines Eastgate\n- On call; two pages overnight.\n")
    assert said["- Finished the billing migration. - Blocked on the firewall change."] == "Ana Ruiz-Pardo"
    assert said["- Found the memory leak: the image resizer."] == "Bo Li-Varga"
    assert said["# Platform stand-up — 3 December 2026"] is None


def test_a_product_pages_answers_are_each_their_signers() -> None:
    """A shop's questions and answers: "Answer: …" with "By Ana Ruiz-Pardo on 14 March 2026" below it is her answer,
    not one "ANSWER"'s; the signature and the page's "See more answers" are no one's words."""
    said = spoken("Kettle, 1.7 litre — Customer questions & answers\n\nQuestion: Is it loud?\n"
                  "Answer: Quieter than my old one, but you hear it boil.\nBy Ana Ruiz-Pardo on 14 March 2026\n"
                  "Answer: It whistles a little at the end.\nBy Zephyrine Quist-Abara on 2 April 2026\n"
                  "See more answers (3)\n\n"
                  "Question: Does the lid open wide?\nAnswer: Wide enough for a hand to clean it.\n"
                  "By Bo Li-Varga on 9 May 2026\n")
    assert said["Quieter than my old one, but you hear it boil."] == "Ana Ruiz-Pardo"
    assert said["It whistles a little at the end."] == "Zephyrine Quist-Abara"
    assert said["Wide enough for a hand to clean it."] == "Bo Li-Varga"
    assert said["By Ana Ruiz-Pardo on 14 March 2026"] is None


def test_an_argument_transcripts_appearances_make_each_lawyer_counsel_for_their_party(tmp_path: Path) -> None:
    """A court's argument transcript lists "ANA RUIZ-PARDO, ESQ., Oakton, Ohio; on behalf of the Petitioner." and
    heads each argument "ORAL ARGUMENT OF BO LI-VARGA ON BEHALF OF THE RESPONDENT": "the petitioner's lawyer" is she."""
    index = index_of(tmp_path, {"argument.txt": (
        "IN THE SUPREME COURT\n\nAPPEARANCES:\nANA RUIZ-PARDO, ESQ., Oakton, Ohio; on behalf of the Petitioner.\n\n"
        "CHIEF JUSTICE EASTGATE: We'll hear argument in the ferry case. Ms. Ruiz-Pardo.\n\n"
        "MS. RUIZ-PARDO: The ferry never left the state, so the federal rule does not reach it.\n\n"
        "ORAL ARGUMENT OF BO LI-VARGA ON BEHALF OF THE RESPONDENT\n\n"
        "MR. LI-VARGA: The ferry carried goods bound for another state, and that is enough.\n")})
    assert index.ask("what did the lawyer for the petitioner say about the ferry", mode="lexical").speaker == "Ana Ruiz-Pardo"
    assert index.ask("what did the respondent's counsel say about the goods", mode="lexical").speaker == "Bo Li-Varga"


MINUTES = """MINUTES OF THE BOARD OF COMMISSIONERS OF CEDAR HOLLOW COUNTY
June 2, 2025

Present: Commissioners Felix Armbruster, Marta Lindgren-Oduya and Ines Caldeira.

Commissioner Armbruster stated that the road fund cannot cover the new salt barn this year and asked staff to seek a grant.

Commissioner Caldeira said the barn was promised to the north district two budgets ago.
"""


def test_a_plural_title_before_a_list_of_names_gives_each_their_full_name() -> None:
    """Minutes list who attended after a plural title ("Present: Commissioners A B, C D and E F"): the first of them is
    a full name too, so "Commissioner Armbruster stated …" is the same person as every other listed commissioner."""
    said = spoken(MINUTES)
    assert said["Commissioner Armbruster stated that the road fund cannot cover the new salt barn this year and asked "
                "staff to seek a grant."] == "Felix Armbruster"
    assert "Ines Caldeira" in said.values()


NAMESAKES = """HEARING BEFORE THE SUBCOMMITTEE ON RAIL

Mr. KOVACIC of Ohio. Administrator Lindqvist, how many grade crossings will the new grants close?

Ms. LINDQVIST. About three hundred in the first year.

Mr. KOVACIC of Indiana. I yield my time to the gentleman from Ohio.

Mr. KOVACIC of Ohio. I thank the gentleman. And how many of those are in rural counties?

Ms. LINDQVIST. Roughly two thirds.
"""


def test_two_members_of_one_surname_told_apart_by_their_states_are_two_people(tmp_path: Path) -> None:
    """A House record writes the state after a member's name where two share it ("Mr. KOVACIC of Ohio", "Mr. KOVACIC
    of Indiana"): two people, each shown with the state, and the surname alone asks about both."""
    (tmp_path / "rail.txt").write_text(NAMESAKES, encoding="utf-8")
    index = Index.build([tmp_path / "rail.txt"], tmp_path / "ix", model=FakeEmbedder(), on_warning=None)
    said = passages_said(index)
    assert said["I yield my time to the gentleman from Ohio."] == "Mr. Kovacic of Indiana"
    assert said["I thank the gentleman. And how many of those are in rural counties?"] == "Mr. Kovacic of Ohio"
    assert not any(alias.startswith("of ") for s in index.speakers() for alias in s.aliases)  # a place is no alias
    assert index.ask("what did Kovacic of Ohio say about rural counties", mode="lexical").speaker == "Mr. Kovacic of Ohio"
    assert set(split_names(index.ask("what did Kovacic say about grade crossings", mode="lexical").speaker or "")) \
        == {"Mr. Kovacic of Ohio", "Mr. Kovacic of Indiana"}


APPEARANCES = """IN THE CIRCUIT COURT OF MARION COUNTY

DEPOSITION OF TOBIAS WREN-HALLORAN

APPEARANCES:

For the Plaintiff:   BEATRICE SOLANO-MEEK, ESQ.
For the Defendant:   GREGORY ASHWORTH, ESQ.

EXAMINATION

BY MS. SOLANO-MEEK:
Q. Mr. Wren-Halloran, who signed the lease?
A. My brother did. I was overseas.
MR. ASHWORTH: Objection. Foundation.
Q. Did you ever read it?
A. Not until the eviction notice came.
"""


def test_the_lawyers_a_depositions_appearances_name_in_capitals_have_their_full_names() -> None:
    """The appearances print each lawyer's full name in capitals ("For the Plaintiff: BEATRICE SOLANO-MEEK, ESQ."); the
    labels then use an honorific and the surname ("MS. SOLANO-MEEK:"): they are those people, not a surname alone.
    The court's name in capitals above them is no one."""
    said = spoken(APPEARANCES)
    assert said["Mr. Wren-Halloran, who signed the lease?"] == "Beatrice Solano-Meek"
    assert said["Objection. Foundation."] == "Gregory Ashworth"
    assert said["My brother did. I was overseas."] == "Tobias Wren-Halloran"
    assert not any(who and "Court" in who for who in said.values())


MEETING_CHAT = """14:31:07 From Ottoline Banerjee-Ross to Everyone:
\tThe minutes from March are in the shared folder
14:31:52 From Casimir Oduya to Everyone:
\tThanks. Who is taking notes today?
14:32:10 From Ottoline Banerjee-Ross to Casimir Oduya (Direct Message):
\tCan you take them? I am chairing
14:33:45\t From  Wilhelmina Tsai : Sorry, my camera is off, the wifi is bad
"""


def test_a_meeting_chat_saved_by_zoom_is_its_senders_messages() -> None:
    """A meeting's chat as Zoom saves it ("14:31:07 From X to Everyone:", the message below; a direct message "to Y
    (Direct Message)"; the older "14:33:45 From X : message"): each message is its sender's, never the recipient's."""
    said = spoken(MEETING_CHAT)
    assert said["The minutes from March are in the shared folder"] == "Ottoline Banerjee-Ross"
    assert said["Thanks. Who is taking notes today?"] == "Casimir Oduya"
    assert said["Can you take them? I am chairing"] == "Ottoline Banerjee-Ross"
    assert said["Sorry, my camera is off, the wifi is bad"] == "Wilhelmina Tsai"


EVIDENCE = """Transport Committee
Oral evidence: Rural bus services

Witnesses: Morwenna Trelawny-Hale, Managing Director, Kernow Coaches; and Idris Pennant-Vaughan, Chief Engineer, Tamar Rail.

Q1 Chair: Ms Trelawny-Hale, how many routes have you cut this year?

Morwenna Trelawny-Hale: Eleven, mostly evening services.

Q2 Chair: Mr Pennant-Vaughan, could the railway take those passengers?

Idris Pennant-Vaughan: Not before the new signalling is finished in 2027.
"""


def test_a_witness_list_gives_each_witness_the_office_and_body_written_after_their_name(tmp_path: Path) -> None:
    """"Witnesses: X, Managing Director, Kernow Coaches; and Y, Chief Engineer, Tamar Valley Rail": "the managing
    director of Kernow Coaches" is X, "the chief engineer" is Y; an office at a body the list does not name is no one."""
    (tmp_path / "evidence.txt").write_text(EVIDENCE, encoding="utf-8")
    index = Index.build([tmp_path / "evidence.txt"], tmp_path / "ix", model=FakeEmbedder(), on_warning=None)
    assert index.ask("what did the managing director of Kernow Coaches say about routes", mode="lexical").speaker \
        == "Morwenna Trelawny-Hale"
    assert index.ask("what did the chief engineer say about signalling", mode="lexical").speaker == "Idris Pennant-Vaughan"
    assert index.ask("what did the chief engineer of the tramway say", mode="lexical").speaker is None


def test_a_header_naming_the_interviewer_above_its_fields_is_nobodys_words() -> None:
    """An oral history's header: "Interviewer: <name>" with the date on the line under it. The block is the
    record's, not a turn of someone called "Interviewer"; the interviewer's turns are the named person's."""
    said = spoken("Oral history interview with Bernadette Szymańska\nInterviewer: Kofi Arkwright-Bello\n"
                  "Date: 3 June 2021\nPlace: Bradford\n\nARKWRIGHT-BELLO: Where did you grow up?\n\n"
                  "SZYMAŃSKA: Above my uncle's bakery on Manningham Lane. The smell of bread never left me.\n\n"
                  "ARKWRIGHT-BELLO: And school?\n\nSZYMAŃSKA: Belle Vue Girls'. I hated every minute of it.")
    assert said["Interviewer: Kofi Arkwright-Bello Date: 3 June 2021 Place: Bradford"] is None
    assert said["Where did you grow up?"] == said["And school?"] == "Kofi Arkwright-Bello"
    assert said["Belle Vue Girls'. I hated every minute of it."] == "Bernadette Szymańska"


OTTER = """Board meeting - Otter.ai transcript

Speaker 1  0:03
Okay, I think we're recording. First item is the {topic}.

Speaker 2  0:12
The contractor came back with a quote of eighty-four thousand.

Speaker 1  0:25
How much higher is that than we budgeted?

Unknown Speaker  0:41
Can we apply to the heritage fund?
"""


def test_numbered_voices_are_turns_and_each_recordings_own(tmp_path: Path) -> None:
    """Otter's unnamed "Speaker 1  0:03" lines open turns; "Speaker 1" of two recordings are two people, each shown with
    its file, and a question naming "Speaker 1" asks both."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, topic in (("roof.txt", "roof"), ("car-park.txt", "car park")):
        (folder / name).write_text(OTTER.format(topic=topic), encoding="utf-8")
    with Index.build([folder], tmp_path / "ix", model=FakeEmbedder(), on_warning=None) as index:
        said = passages_said(index)
        assert said["Okay, I think we're recording. First item is the roof."] == "Speaker 1 (roof.txt)"
        assert said["Okay, I think we're recording. First item is the car park."] == "Speaker 1 (car-park.txt)"
        assert {s.name for s in index.speakers()} >= {"Speaker 2 (roof.txt)", "Speaker 2 (car-park.txt)",
                                                      "Unknown Speaker (roof.txt)", "Unknown Speaker (car-park.txt)"}
        answer = index.ask("what did Speaker 1 say about the roof", mode="lexical")
        assert set(split_names(answer.speaker or "")) == {"Speaker 1 (car-park.txt)", "Speaker 1 (roof.txt)"}
        assert answer.results[0].speaker == "Speaker 1 (roof.txt)"
    one = speakers_of(OTTER.format(topic="roof"))
    assert one["The contractor came back with a quote of eighty-four thousand."] == "Speaker 2"


def test_teams_and_zoom_transcripts_saved_as_text_have_their_speakers() -> None:
    """Teams: a cue's times, the speaker on the next line (directory order, "Surname, Given"), the words below; Zoom:
    "[Name] 10:02:03" with the words on the next line. Each turn is its speaker's, and no time is part of the words."""
    teams = speakers_of("Budget sync - Transcript\n0:0:3.420 --> 0:0:8.150\nAchterberg-Nwosu, Linnea\nLet's start with "
                        "travel.\n\n0:0:8.900 --> 0:0:15.320\nOyelaran-Sund, Kwabena\nTravel is at ninety percent.\n\n"
                        "0:0:16.000 --> 0:0:19.100\nAchterberg-Nwosu, Linnea\nThen we freeze it.")
    assert teams["Let's start with travel."] == teams["Then we freeze it."] == "Linnea Achterberg-Nwosu"
    assert teams["Travel is at ninety percent."] == "Kwabena Oyelaran-Sund"
    assert teams["Budget sync - Transcript"] is None
    # the same cues as a Word export gives them: times, speaker and words each a paragraph
    apart = speakers_of("0:0:3.420 --> 0:0:8.150\n\nAchterberg-Nwosu, Linnea\n\nLet's start with travel.\n\n"
                        "0:0:8.900 --> 0:0:15.320\n\nOyelaran-Sund, Kwabena\n\nTravel is at ninety percent.\n\n"
                        "0:0:16.000 --> 0:0:19.100\n\nAchterberg-Nwosu, Linnea\n\nThen we freeze it.")
    assert apart["Let's start with travel."] == apart["Then we freeze it."] == "Linnea Achterberg-Nwosu"
    zoom = speakers_of("[Rosalind Mbatha-Quist] 10:02:03\nCan everyone hear me?\n\n[Henrik Oduya-Salas] 10:02:15\nThe "
                       "deadline moved.\n\n[Rosalind Mbatha-Quist] 10:02:40\nI'll draft it tonight.")
    assert zoom["Can everyone hear me?"] == zoom["I'll draft it tonight."] == "Rosalind Mbatha-Quist"
    assert zoom["The deadline moved."] == "Henrik Oduya-Salas"


def test_a_magazine_qa_with_its_questions_in_bold_is_the_interviewees_answers() -> None:
    """No labels: each question in bold on a line of its own, the answer below it in plain type; the introduction
    says whom the questions are for. The answers are hers, every paragraph of them; the questions are not."""
    said = speakers_of("# Five questions for Ysolde Marchbank-Obi\n\nThe cellist opens the festival on Friday.\n\n"
                       "**How did you start playing?**\n\nI was seven.\n\nMy grandmother had a cello in her attic.\n\n"
                       "**Do you still practise every day?**\n\nFour hours, even on tour.\n\n"
                       "**What's next?**\n\nThe Bach suites.", path="qa.md")
    assert said["I was seven."] == said["My grandmother had a cello in her attic."] == "Ysolde Marchbank-Obi"
    assert said["The Bach suites."] == "Ysolde Marchbank-Obi"
    assert said["**What's next?**"] != "Ysolde Marchbank-Obi"
    # two questions in bold in a story are headings of its own, not a Q&A
    story = speakers_of("Ysolde Marchbank-Obi plays on Friday.\n\n**Why now?**\n\nThe hall reopened.\n\n"
                        "**What next?**\n\nA tour.")
    assert story["The hall reopened."] is None


def test_a_qa_with_its_questions_in_italics_over_lunch_with_someone_is_theirs() -> None:
    """The same with each question in italics, under a heading that says the questions were asked over "ten minutes
    with" someone the introduction names."""
    said = speakers_of("# Ten minutes with the glassblower Cosima Adeyinka-Vos\n\nCosima Adeyinka-Vos has run the "
                       "studio since 2009.\n\n*How did you start?*\n\nI broke a lot of glass.\n\n_What is the hardest "
                       "piece?_\n\nA chandelier.\n\n*Would you do it again?*\n\nNever.", path="qa.md")
    assert said["I broke a lot of glass."] == said["A chandelier."] == said["Never."] == "Cosima Adeyinka-Vos"
    assert said["*How did you start?*"] != "Cosima Adeyinka-Vos"


def test_a_guest_label_is_the_guest_the_host_welcomes() -> None:
    """"GUEST:" is the person the host's first turn names as the guest ("My guest today is the chef X", "I'm joined
    by X"); a guest who is only mentioned is no one's label."""
    for welcome in ("My guest today is the chef Evander Quill-Adeyemi, who just opened his third restaurant.",
                    "I'm joined now by Evander Quill-Adeyemi."):
        said = speakers_of(f"HOST: Welcome to The Long Table. {welcome}\n\nGUEST: Thanks for having me.\n\n"
                           "HOST: What makes this one different?\n\nGUEST: No menu.")
        assert said["Thanks for having me."] == said["No menu."] == "Evander Quill-Adeyemi"
    said = speakers_of("HOST: Welcome. Last week Evander Quill-Adeyemi was here.\n\nGUEST: Thanks for having me.")
    assert said["Thanks for having me."] != "Evander Quill-Adeyemi"


def test_a_british_title_written_without_its_period_is_a_title_whatever_the_first_name() -> None:
    """"Cllr Deryck Fenwick-Oyelaran (via Zoom):" is Deryck Fenwick-Oyelaran, a councillor: "Cllr" is no part of his first
    name, whether or not the name list knows "Deryck"; "Cllr Fenwick-Oyelaran:" below is he."""
    said = speakers_of("Parish council, virtual meeting\n\nCllr Hortense Abubakar-Lowe (Chair): Item one, the playground."
                       "\n\nCllr Deryck Fenwick-Oyelaran (via Zoom): The swings have been condemned.\n\n"
                       "Cllr Hortense Abubakar-Lowe (Chair): Then we ask the district.\n\n"
                       "Cllr Fenwick-Oyelaran: Agreed.")
    assert said["The swings have been condemned."] == said["Agreed."] == "Deryck Fenwick-Oyelaran"


EARNINGS_CALL = """Quillmere Foods (QMF) Q2 2026 Earnings Call Transcript

Prepared Remarks:

Operator

Good morning, and welcome to the Quillmere Foods second-quarter call. I will now hand over to Ottoline Brisbane-Achterberg,
head of investor relations.

Ottoline Brisbane-Achterberg -- Head of Investor Relations

Thank you. Joining me are Casimir Njoku-Falkenrath, our chief executive officer, and Henrietta Vasquez-Lindgren, our chief
financial officer.

Casimir Njoku-Falkenrath -- Chief Executive Officer

Thanks, Ottoline. Oat milk sales doubled, and the Leeds bakery is running at full capacity.

Henrietta Vasquez-Lindgren -- Chief Financial Officer

Gross margin improved to 31%. Wheat prices remain our largest risk for the rest of the year.

Questions & Answers:

Operator

Our first question comes from Barnaby Oyelowo-Strand with Kestrel Partners.

Barnaby Oyelowo-Strand -- Kestrel Partners -- Analyst

How much of the margin gain came from lower packaging costs?

Henrietta Vasquez-Lindgren -- Chief Financial Officer

About a third. The rest is pricing.
"""


def _listed_call(call: str) -> str:
    """The earnings call as some services print it: the participants and their roles listed at the top, and each turn
    under its speaker's name alone."""
    lines = re.findall(r"(?m)^(?!Operator)[A-Z][\w-]+ [\w-]+ -- .*$", call)
    listed = "\n".join(dict.fromkeys(line.replace(" -- ", " - ") for line in lines))
    title, rest = call.split("\n\n", 1)
    return f"{title}\n\nCall participants\n{listed}\n\n" + re.sub(r"(?m)^([A-Z][\w-]+ [\w-]+) -- .*$", r"\1", rest)


@pytest.mark.parametrize("form", ["two dashes, a blank line", "one hyphen, no blank line", "names listed above"])
def test_an_earnings_calls_speakers_with_hyphenated_names_have_their_turns_and_the_offices_their_lines_give(
        tmp_path: Path, form: str) -> None:
    """"Name -- Title" lines open turns whatever the name's hyphens ("Njoku-Falkenrath"); a section heading ("Questions &
    Answers:") is no one's words; the office after the dashes is the speaker's title, so "the CFO", "the chief executive"
    and "the analyst at Kestrel Partners" find them.  The same with one hyphen and the words on the next line
    ("Name - Title" / "Thank you."), and where a list at the top gives each participant's role and each turn opens with
    the name alone on its line."""
    call = {"two dashes, a blank line": EARNINGS_CALL,
            "one hyphen, no blank line": re.sub(r"(?m)^((?:[A-Z][\w-]+ [\w-]+ -- .*)|Operator)\n\n", r"\1\n",
                                                EARNINGS_CALL).replace(" -- ", " - "),
            "names listed above": _listed_call(EARNINGS_CALL)}[form]
    said = speakers_of(call)
    assert said["Thanks, Ottoline. Oat milk sales doubled, and the Leeds bakery is running at full capacity."] \
        == "Casimir Njoku-Falkenrath"
    assert said["Gross margin improved to 31%. Wheat prices remain our largest risk for the rest of the year."] \
        == said["About a third. The rest is pricing."] == "Henrietta Vasquez-Lindgren"
    assert said["How much of the margin gain came from lower packaging costs?"] == "Barnaby Oyelowo-Strand"
    assert said["Questions & Answers:"] is None
    (tmp_path / "call.txt").write_text(call, encoding="utf-8")
    index = Index.build([tmp_path / "call.txt"], tmp_path / "ix", model=FakeEmbedder(), on_warning=None)
    for question, speaker in [("what did the CFO say about wheat", "Henrietta Vasquez-Lindgren"),
                              ("what did the chief executive say about oat milk", "Casimir Njoku-Falkenrath"),
                              ("what did the analyst at Kestrel Partners ask", "Barnaby Oyelowo-Strand"),
                              ("what did the head of investor relations say", "Ottoline Brisbane-Achterberg")]:
        assert index.ask(question, mode="lexical").speaker == speaker, question


SURNAME_LINES = """In Conversation: The Reservoir Warden

Recorded 4 February 2026

PELLINGHAM-OSEI
You have walked the reservoir every morning for eleven years. What has changed?

VARGA-LINDQVIST
The water line. It sits a metre lower every August than it did when I started.

PELLINGHAM-OSEI
Does anyone listen when you report it?

VARGA-LINDQVIST
The water board does now. They did not at first.

(Laughter.)

They sent a drone in the end, and the drone agreed with me.
"""


def test_an_interview_that_prints_each_surname_in_capitals_on_its_own_line_is_their_turns() -> None:
    """One word in capitals on a line of its own above the words is a speaker's surname where two of them take turns;
    a direction in parentheses is no one's words and the turn goes on after it."""
    said = spoken(SURNAME_LINES)
    assert said["You have walked the reservoir every morning for eleven years. What has changed?"] == "Pellingham-Osei"
    assert said["The water board does now. They did not at first."] == "Varga-Lindqvist"
    assert said["(Laughter.)"] is None
    assert said["They sent a drone in the end, and the drone agreed with me."] == "Varga-Lindqvist"


def test_a_storys_repeated_one_word_line_in_capitals_is_no_speaker() -> None:
    """A web page's "PROMOTED" line between a story's paragraphs, three times, is one name, no dialogue: the story's
    quotes are their speakers'."""
    said = spoken("Ferry fares rise again\n\nThe operator will raise fares by 8 percent in April.\n\nPROMOTED\n"
                  "\u201cCommuters are being squeezed,\u201d said Wendeline Abara, who crosses twice a day.\n\nPROMOTED\n"
                  "The operator blamed fuel costs.\n\nPROMOTED\n\u201cWe held prices as long as we could,\u201d said Osgood "
                  "Tremaine, the operator's director.")
    assert [who for text, who in said.items() if "squeezed" in text] == ["Wendeline Abara"]
    assert [who for text, who in said.items() if "held prices" in text] == ["Osgood Tremaine"]
    assert "Promoted" not in said.values() and "PROMOTED" not in said.values()


def test_a_meetings_time_marks_between_turns_are_no_ones_words() -> None:
    """A meeting transcript marks every five minutes with the time on a line of its own: the mark is no one's words,
    and the turns around it keep their speakers."""
    said = spoken("Depot sync - Transcript\n\n00:00:00\n\nIsaura Quenneville: Shall we start with the roof?\n"
                  "Benedikt Oyinlola: It came in forty thousand over.\nIsaura Quenneville: Who signed that off?\n\n"
                  "00:05:00\n\nBenedikt Oyinlola: Nobody yet.\nIsaura Quenneville: Then it waits for a second quote.\n")
    assert said["00:05:00"] is None and said["00:00:00"] is None
    assert said["Who signed that off?"] == "Isaura Quenneville"
    assert said["Nobody yet."] == "Benedikt Oyinlola"
    # a caption file pasted into a text file: each cue's number and times are no one's either
    said = spoken("WEBVTT\n\n1\n00:00:01.000 --> 00:00:05.000\nMarisol Quintero: Welcome to Transit Matters.\n\n2\n"
                  "00:00:06,000 --> 00:00:09,000\nKwame Adjei-Brennan: Thanks for having me.")
    assert said["2 00:00:06,000 --> 00:00:09,000"] is None
    assert said["Welcome to Transit Matters."] == "Marisol Quintero"


def test_a_clips_label_with_party_and_state_is_the_member() -> None:
    """A television transcript prints a clip's speaker as "SEN. NAME (R), STATE:": the member, whose later turns under
    the surname alone are theirs too; the state is no part of the name."""
    said = spoken("EVENING REPORT\n\nPERPETUA OYELOWO-DANE, ANCHOR: The bill failed tonight.\n\n(BEGIN VIDEO CLIP)\n\n"
                  "SEN. CORMAC HALLSTROM (R), WYOMING: This bill spends money we do not have.\n\n(END VIDEO CLIP)\n\n"
                  "OYELOWO-DANE: Senator, thank you for joining us.\n\nHALLSTROM: Glad to be here.")
    assert said["This bill spends money we do not have."] == said["Glad to be here."] == "Cormac Hallstrom"
    assert said["(BEGIN VIDEO CLIP)"] is None


def test_initials_that_spell_a_word_are_the_interviewer_the_introduction_names() -> None:
    said = spoken("Interview with Radomir Ebbesen-Kaur\nConducted by Isolde Tamsworth for the Quarry Archive\n\n"
                  "IT: When did you start at the quarry?\n\nRE: In 1971, at sixteen.\n\nIT: Was it dangerous?\n\n"
                  "RE: Every day. We lost two men in the first year.")
    assert said["When did you start at the quarry?"] == said["Was it dangerous?"] == "Isolde Tamsworth"
    assert said["Every day. We lost two men in the first year."] == "Radomir Ebbesen-Kaur"


def test_a_transcripts_key_names_its_numbered_voices() -> None:
    """A machine transcript's numbered voices, named by a key above the turns (a sentence, or a line per voice), are
    those people; the key itself is no one's turn."""
    said = spoken("Episode 9 (automated transcript)\n\nSpeakers: Speaker 1 is the host, Philippa Grunewald-Oti. Speaker 2 "
                  "is our guest, the cheesemaker Evander Mbatha.\n\nSpeaker 1: How long does a wheel age?\n\n"
                  "Speaker 2: Fourteen months for the hard one.")
    assert said["How long does a wheel age?"] == "Philippa Grunewald-Oti"
    assert said["Fourteen months for the hard one."] == "Evander Mbatha"
    said = spoken("SPEAKER_00: Philippa Grunewald-Oti\nSPEAKER_01: Evander Mbatha\n\nSPEAKER_00: How long does a wheel "
                  "age?\n\nSPEAKER_01: Fourteen months for the hard one.\n\nSPEAKER_00: And the soft one?")
    assert said["How long does a wheel age?"] == said["And the soft one?"] == "Philippa Grunewald-Oti"
    assert said["Fourteen months for the hard one."] == "Evander Mbatha"
    assert said["SPEAKER_00: Philippa Grunewald-Oti"] is None and said["SPEAKER_01: Evander Mbatha"] is None
    said = spoken("SPEAKER_00: How long does a wheel age?\n\nSPEAKER_01: Fourteen months.\n\nSPEAKER_00: And the soft one?")
    assert said["How long does a wheel age?"] == said["And the soft one?"] == "SPEAKER_00"  # a voice with no name


def test_a_statement_heading_with_an_honorific_abbreviation_is_a_heading() -> None:
    """"STATEMENT OF HON. X, ADMINISTRATOR" between a hearing's "Ms. X." turns is a heading (the period is the
    title's, not a label's), and the prepared statement under "PREPARED STATEMENT OF HON. X" is X's."""
    said = spoken("HEARING ON RAIL SAFETY\n\nChairman OSTERGAARD-NWOSU. The committee will come to order.\n\n"
                  "STATEMENT OF HON. FIONNUALA BRAGG-ADEYEMI, ADMINISTRATOR, RAIL SAFETY AGENCY\n\n"
                  "Ms. BRAGG-ADEYEMI. Thank you, Mr. Chairman. We inspected every bridge.\n\n"
                  "Chairman OSTERGAARD-NWOSU. Why so late?\n\nMs. BRAGG-ADEYEMI. The funding was cut.\n\n"
                  "PREPARED STATEMENT OF HON. FIONNUALA BRAGG-ADEYEMI\n\nThe agency inspects 140,000 miles of track.")
    assert said["STATEMENT OF HON. FIONNUALA BRAGG-ADEYEMI, ADMINISTRATOR, RAIL SAFETY AGENCY"] is None
    assert said["The funding was cut."] == said["The agency inspects 140,000 miles of track."] == "Fionnuala Bragg-Adeyemi"


def test_a_member_of_the_public_who_opens_with_their_name_is_their_own_speaker() -> None:
    """Public comment gives the name first: "Hi, X, I live on Cedar." or "X. Will the pool stay open?"."""
    said = spoken("Town hall on the levy\n\nMAYOR QUILLFEATHER-ADDO: We'll take questions. Yes, in the red jacket.\n\n"
                  "AUDIENCE MEMBER: Hi, Bernadette Ostrowski-Lamb, I live on Cedar. Why is the levy so high?\n\n"
                  "MAYOR QUILLFEATHER-ADDO: The roof. The gentleman at the back.\n\nAUDIENCE MEMBER: Rupert Achebe-Sung. "
                  "Will the pool stay open?\n\nMAYOR QUILLFEATHER-ADDO: Yes.\n\nAUDIENCE MEMBER: Thank you, Mayor. "
                  "Philippa Nakagawa-Rowe, from the library board. Can the pool host the reading club?\n\n"
                  "MAYOR QUILLFEATHER-ADDO: I like that.")
    assert said["Hi, Bernadette Ostrowski-Lamb, I live on Cedar. Why is the levy so high?"] == "Bernadette Ostrowski-Lamb"
    assert said["Rupert Achebe-Sung. Will the pool stay open?"] == "Rupert Achebe-Sung"
    # after thanking the chair by office ("Thank you, Mayor."), not the member who spoke before
    assert said["Thank you, Mayor. Philippa Nakagawa-Rowe, from the library board. Can the pool host the reading club?"] \
        == "Philippa Nakagawa-Rowe"


def test_a_call_in_shows_caller_label_with_a_first_name_and_a_town_is_that_caller() -> None:
    """"CALLER (Bartholomew, Eastfield):" is the caller Bartholomew, not the host who spoke before nor a speaker called
    "Bartholomew, Eastfield"; each caller is their own, and "the callers" are both."""
    said = spoken("THE MORNING LINE\n\nRENATA SOKOLOWSKI: Let's go to the phones. Bartholomew in Eastfield, go ahead.\n\n"
                  "CALLER (Bartholomew, Eastfield): Route 9 skips my street.\n\nRENATA SOKOLOWSKI: Have you written to the "
                  "board?\n\nCALLER (Bartholomew, Eastfield): Twice.\n\nRENATA SOKOLOWSKI: Ingrid, you're on the air.\n\n"
                  "CALLER (Ingrid, Millbrook): I like the new routes.")
    assert said["Route 9 skips my street."] == said["Twice."] == "Bartholomew"
    assert said["I like the new routes."] == "Ingrid"


def test_a_many_voice_label_nobody_names_is_shown_as_written() -> None:
    """"STUDENT:" with no name said, like "SPEAKER:", is a voice as written, not a person called "Student"."""
    for voice in ("STUDENT", "SPEAKER"):
        said = spoken(f"LECTURE 4\n\nPROFESSOR OYINLOLA-BRANDT: Today, entropy. Questions?\n\n{voice}: Is entropy "
                      f"disorder?\n\nPROFESSOR OYINLOLA-BRANDT: Not quite.\n\n{voice}: Then what is it?")
        assert said["Is entropy disorder?"] == said["Then what is it?"] == voice


def test_meeting_recorders_and_chats_that_print_the_time_beside_the_name() -> None:
    """"Name: [00:00:05] words" (the time is no part of the words), "Name - 00:05" or "00:00:05 Name" above the words,
    a Markdown podcast's "**Name** [00:00:04]" above them, and Discord's "Name — Today at 9:15 AM" over each message
    (no blank lines) are each that person's turn; an agenda's "10:00 Keynote" above a line is no one's."""
    turns = [("Ottoline Quaresma-Beck", "Welcome to the harbour board."), ("Caspar Eze-Lindholm", "The quote is high."),
             ("Ottoline Quaresma-Beck", "Can we phase it?"), ("Caspar Eze-Lindholm", "Channel first, berths next.")]
    times = ["00:00:05", "00:00:11", "00:00:19", "00:00:23"]
    forms = [("{who}: [{time}] {words}", "\n\n"), ("{who} - {time}\n{words}", "\n\n"), ("{time} {who}\n{words}", "\n\n"),
             ("**{who}** [{time}]\n\n{words}", "\n\n"), ("{who} — Today at 9:1{time[7]} AM\n{words}", "\n"),
             ("{who} — Yesterday at 9:1{time[7]} PM\n{words}", "\n")]
    for form, between in forms:
        said = spoken(between.join(form.format(who=who, time=time, words=words)
                                   for (who, words), time in zip(turns, times, strict=True)))
        assert [said.get(words) for _, words in turns] == [who for who, _ in turns], form
    agenda = spoken("9:00 Registration\nCoffee in the hall.\n\n10:00 Keynote\nThe mayor opens the day.\n\n11:00 Panel\n"
                    "Three speakers on housing.\n\n12:00 Lunch\nServed in the atrium.")
    assert set(agenda.values()) == {None}


def test_the_interviewer_an_introduction_names_is_the_interviewer(tmp_path: Path) -> None:
    """"Conducted by X" above "XY:" initials: asked about "the interviewer", the index answers with X."""
    (tmp_path / "oral.txt").write_text(
        "Interview with Radomir Ebbesen-Kaur\nConducted by Isolde Tamsworth for the Quarry Archive\n\nIT: When did the "
        "quarry strike start?\n\nRE: In 1974, in March.\n\nIT: How long did it last?\n\nRE: Eleven weeks.", encoding="utf-8")
    index = Index.build([tmp_path / "oral.txt"], tmp_path / "ix", model=FakeEmbedder(), on_warning=None)
    answer = index.ask("what did the interviewer ask about the strike", mode="lexical")
    assert answer.speaker == "Isolde Tamsworth" and answer.results[0].text.startswith("When did the quarry strike")


def test_a_list_of_hosts_above_the_turns_is_no_ones_words() -> None:
    """"Hosts: X and Y" above "HOST 1:" and "HOST 2:" turns is a heading, not a speaker called "Hosts"."""
    said = spoken("Episode 88\n\nHosts: Marigold Okwuosa-Lane and Teodoro Brannstrom-Eze\n\nHOST 1: Welcome back.\n\n"
                  "HOST 2: Hot or cold compost?\n\nHOST 1: Hot.")
    assert said["Hosts: Marigold Okwuosa-Lane and Teodoro Brannstrom-Eze"] is None
    assert said["Welcome back."] == "HOST 1" and said["Hot or cold compost?"] == "HOST 2"


def test_the_paragraphs_after_a_list_of_who_said_what_are_read_as_prose() -> None:
    """A story's list of reactions, "- Name: “…”", then its own paragraphs: those are not the last item's speaker's."""
    said = spoken("Reaction to the vote\n\nHere is what people said:\n\n- Mayor Temperance Oyelaran-Vik: \u201cA great day."
                  "\u201d\n- Councillor Desmond Achterberg-Sá: \u201cWe handed a billionaire $300 million.\u201d\n- Resident "
                  "Ilse Marchetti-Obi: \u201cI worry about traffic.\u201d\n\n\u201cIt's done,\u201d Oyelaran-Vik said "
                  "afterwards.\n\nAchterberg-Sá, in a statement, said he would seek a referendum.")
    assert said["\u201cIt's done,\u201d Oyelaran-Vik said afterwards."] == "Temperance Oyelaran-Vik"
    assert said["Achterberg-Sá, in a statement, said he would seek a referendum."] == "Desmond Achterberg-Sá"


KEYED_CHAT = ("Chat transcript — Oakton Broadband support\nChat started: 2026-11-30 09:14\nCustomer: Marguerite Oyelaran-"
              "Quist\nAgent: Tobiah\n\n[09:14] Tobiah: Hi Marguerite, how can I help today?\n[09:15] Marguerite Oyelaran-"
              "Quist: My internet drops every evening around eight.\n[09:18] Tobiah: I've raised a fault with the network "
              "team and credited your account.\n[09:19] Marguerite Oyelaran-Quist: Thank you.")
KEYED_HISTORY = ("Oakton Oral History Project\nNarrator: Ishaan Brennan-Sato\nInterviewer: Ysolde Ruiz-Pardo\nDate: June 3, "
                 "2026\nLocation: the narrator's home\n\nYR: When did your family come to the valley?\n\nIB: In 1919, "
                 "to work at the paper mill. The whistle went at six, at noon and at six again.\n\nYR: Thank you, Ishaan.")


def test_a_key_above_the_turns_names_each_speakers_role_and_initials() -> None:
    """"Customer: X" / "Agent: Y" above a chat, "Narrator: X" / "Interviewer: Y" above "IB:" and "YR:" turns: a key,
    not turns, and each speaker is the role the key gives them."""
    said = spoken(KEYED_CHAT)
    assert "Agent: Tobiah" not in said or said["Agent: Tobiah"] is None
    assert said["Hi Marguerite, how can I help today?"] == "Tobiah"
    assert said["My internet drops every evening around eight."] == "Marguerite Oyelaran-Quist"
    history = spoken(KEYED_HISTORY)
    assert history["When did your family come to the valley?"] == history["Thank you, Ishaan."] == "Ysolde Ruiz-Pardo"
    assert history["In 1919, to work at the paper mill. The whistle went at six, at noon and at six again."] \
        == "Ishaan Brennan-Sato"


def test_questions_name_a_speaker_by_the_role_a_key_a_label_an_introduction_or_an_address_gives(tmp_path: Path) -> None:
    files = {
        "chat.txt": KEYED_CHAT,
        "history.txt": KEYED_HISTORY,
        "panel.txt": ("Housing Summit — Panel 2\n\nMODERATOR (Bo Li, Oakton Post): Let's start with permits.\n\n"
                      "CORENTIN ABARA-HOLT (Planning Director, City of Oakton): We sorted applications into three lanes, "
                      "and the simplest lane clears in nine days.\n\nRENSKE ALBRECHT (Valley Builders Association): Fees "
                      "are the problem, not the timelines.\n\nCORENTIN ABARA-HOLT: We eliminated parking minimums near "
                      "transit."),
        "interview.md": ("# We underestimated the river: a conversation with hydrologist Anneliese Moreau-Tanaka\n\n*She "
                         "spoke with our science editor, Desmond Quartey.*\n\n**Desmond Quartey:** Were the flood models "
                         "wrong?\n\n**Anneliese Moreau-Tanaka:** The models were right about the past. Stop building on "
                         "the floodplain."),
        "allhands.txt": ("Q4 All-Hands\n\nAna Ruiz-Pardo (CEO): We closed the year ahead of plan.\n\nBo Li (CFO): The "
                         "lease on the third floor ends in June. We won't renew it.\n\nAna Ruiz-Pardo (CEO): Questions?"),
        "board.txt": ("Oakton School Board\n\nIngrid Haltvedt (00:00:04):\nThe meeting will come to order. Superintendent "
                      "Weatherby, the floor is yours.\n\nKasimir Weatherby (00:01:02):\nThank you, Madam President. The "
                      "bus contract expires in June.\n\nIngrid Haltvedt (00:03:18):\nPublic comment comes before the vote."),
    }
    index = index_of(tmp_path, files)
    for question, speaker in (("what did the agent say about the fault", "Tobiah"),
                              ("what did the customer say about her internet", "Marguerite Oyelaran-Quist"),
                              ("what did the narrator say about the mill", "Ishaan Brennan-Sato"),
                              ("what did the planning director say about parking", "Corentin Abara-Holt"),
                              ("what did the hydrologist say about the floodplain", "Anneliese Moreau-Tanaka"),
                              ("what did the science editor ask", "Desmond Quartey"),
                              ("what did the board president say about public comment", "Ingrid Haltvedt"),
                              ("what did the CFO say about the lease", "Bo Li")):
        answer = index.ask(question, mode="lexical")
        assert answer.speaker == speaker, (question, answer.notice)
        assert answer.results and answer.results[0].speaker == speaker, question


def test_an_office_the_turns_address_is_not_given_to_whoever_spoke_before_when_it_is_held_or_shared() -> None:
    """"Thank you, Mr. Chairman." after several people's turns, or in a record whose chair has a label of that
    office, makes no one else the chairman."""
    shared = attribute(Document("t.txt", "ANA RUIZ: Welcome.\n\nBO LI: Thank you, Mr. Chairman. The dam is full.\n\n"
                                "DESMOND QUARTEY: Thank you, Mr. Chairman. The farms are dry.\n\nBO LI: Next.", "text"))
    assert not any("Chairman" in e.titles for e in shared.entities)
    held = attribute(Document("t.txt", "THE CHAIRMAN: Welcome.\n\nANA RUIZ: Go on.\n\nBO LI: Thank you, Mr. Chairman. "
                              "The dam is full.\n\nTHE CHAIRMAN: Thank you.", "text"))
    assert not any("Chairman" in e.titles for e in held.entities if e.display == "Ana Ruiz")


def test_a_numbered_voice_that_says_my_name_is_is_that_person_whatever_the_first_name() -> None:
    said = spoken("Board meeting\n\nSpeaker 1 (00:00:04):\nThe meeting is open. Any comment?\n\nSpeaker 4 (00:03:12):\n"
                  "Is public comment before or after the vote?\n\nSpeaker 1 (00:03:18):\nBefore.\n\nSpeaker 4 "
                  "(00:04:01):\nMy name is Hollis Brandvold, I live on Ridge Road. My daughter rides fifty minutes.")
    assert said["My name is Hollis Brandvold, I live on Ridge Road. My daughter rides fifty minutes."] \
        == said["Is public comment before or after the vote?"] == "Hollis Brandvold"
    assert said["Before."] == "Speaker 1"


def test_a_chat_export_message_from_a_number_is_its_own_turn() -> None:
    said = spoken("12/11/2026, 18:02 - Ana Ruiz-Pardo created group \"Allotments\"\n12/11/2026, 18:05 - Ana Ruiz-Pardo: "
                  "The water goes off on the 1st.\n12/11/2026, 18:11 - Bo Li: When does it come back?\n12/11/2026, 18:20 - "
                  "+44 7700 900412: Someone left a wheelbarrow across the path again\n12/11/2026, 18:24 - Bo Li: That's "
                  "mine, sorry.")
    assert said["The water goes off on the 1st."] == "Ana Ruiz-Pardo"
    assert said["Someone left a wheelbarrow across the path again"] == "+44 7700 900412"
    assert said["That's mine, sorry."] == "Bo Li"


def test_a_teams_transcript_names_each_speaker_surname_first_and_its_recorder_notice_is_no_ones() -> None:
    said = spoken("Procurement review - Transcript\nDecember 1, 2026, 2:00PM\n\nHalvorsen, Ingeborg   0:04\nThe only item "
                  "is the laptop refresh.\n\nAbara, Corentin   0:11\nWe have three quotes.\n\nHalvorsen, Ingeborg   0:45\n"
                  "What does finance think?\n\nRuiz-Pardo, Ana   0:49\nFinance would take the three-year warranty.\n\n"
                  "Halvorsen, Ingeborg stopped transcription")
    assert said["The only item is the laptop refresh."] == said["What does finance think?"] == "Ingeborg Halvorsen"
    assert said["We have three quotes."] == "Corentin Abara"
    assert said["Finance would take the three-year warranty."] == "Ana Ruiz-Pardo"
    assert said["Halvorsen, Ingeborg stopped transcription"] is None


def test_saved_posts_are_each_their_authors() -> None:
    said = spoken("Saved thread\n\nDr. Ana Ruiz-Pardo @aruiz_health · Nov 28\nFlu admissions doubled this week. Book your "
                  "vaccine today.\n\nOakton News @oaktonnews · Nov 28\nAre walk-ins accepted at the pharmacy clinics?\n\n"
                  "Bo Li @boli_pharm · 3h\nYes, walk-ins are welcome at all eleven pharmacy clinics.")
    assert said["Flu admissions doubled this week. Book your vaccine today."] == "Ana Ruiz-Pardo"
    assert said["Are walk-ins accepted at the pharmacy clinics?"] == "Oakton News"
    assert said["Yes, walk-ins are welcome at all eleven pharmacy clinics."] == "Bo Li"


def test_a_screenplays_character_is_the_full_name_the_action_gives_and_action_lines_are_no_ones() -> None:
    said = spoken("THE LIGHTHOUSE\n\nINT. LIGHTHOUSE - NIGHT\n\nRain on the windows. AGNES PELLEGRINO-VOSS (60s) climbs the "
                  "stairs.\n\n                    AGNES\n          Forty years I've climbed these stairs.\n\nJONAH (20s), her "
                  "nephew, follows, soaked.\n\n                    JONAH\n          They'll automate it by spring.\n\n"
                  "                    AGNES\n          The council has never stood up here in a gale.\n\n"
                  "                    JONAH\n          They're sending a surveyor.")
    assert said["Forty years I've climbed these stairs."] == said["The council has never stood up here in a gale."] \
        == "Agnes Pellegrino-Voss"
    assert said["JONAH (20s), her nephew, follows, soaked."] is None
    assert said["They'll automate it by spring."] == "Jonah"


def test_an_office_written_in_full_in_one_document_and_by_initials_or_within_a_longer_title_in_another_is_one_office(
        tmp_path: Path) -> None:
    index = index_of(tmp_path, {
        "call.txt": "Operator: Welcome to the call.\n\nAna Ruiz-Pardo - President and Chief Executive Officer\nWe "
                    "replaced four thousand lead service lines.\n\nDesmond Quartey - Chief Financial Officer\nThe "
                    "reservoir is the largest project we have.\n\nAna Ruiz-Pardo - President and Chief Executive "
                    "Officer\nThank you all.",
        "allhands.txt": "All-Hands\n\nBo Li (CEO): We closed the year ahead of plan.\n\nKasimir Weatherby (CFO): The "
                        "lease ends in June.\n\nBo Li (CEO): Questions?"})
    for question, holders, first in (("what did the CFO say about the reservoir", {"Desmond Quartey", "Kasimir Weatherby"},
                                      "Desmond Quartey"),
                                     ("what did the chief executive say about lead service lines",
                                      {"Ana Ruiz-Pardo", "Bo Li"}, "Ana Ruiz-Pardo")):
        answer = index.ask(question, mode="lexical")
        assert set(split_names(answer.speaker or "")) == holders, (question, answer.notice)
        assert answer.results and answer.results[0].speaker == first, question


def test_the_chair_a_record_thanks_is_who_called_it_to_order_and_a_meetings_body_before_the_office_is_no_other_office(
        tmp_path: Path) -> None:
    """A member thanks "Madam Chair" after a witness's answer as often as after the chair: whoever called the hearing
    to order is the chair; a transcriber's "Speaker 1" who chairs a council is its chair; "the committee chair" asks
    the chairs where no title names the committee."""
    index = index_of(tmp_path, {
        "hearing.txt": "COMMITTEE ON HEALTH\n\nSenator Ruiz-Pardo: The committee will come to order. Ms. Quartey, please "
                       "begin.\n\nMs. Quartey: Thank you, Madam Chair. Nine rural hospitals have closed their maternity "
                       "units.\n\nSenator Ruiz-Pardo: What would it cost to reopen them?\n\nMs. Quartey: About four "
                       "million dollars a year per unit.\n\nSenator Weatherby: Thank you, Madam Chair. Is the problem "
                       "money or staff?\n\nMs. Quartey: Staff, Senator.",
        "council.txt": "Town Council, special meeting\n\nSpeaker 1 (00:00:03):\nThis special meeting is called to order. "
                       "The only item is the dredging contract.\n\nSpeaker 2 (00:00:21):\nThank you, Madam Chair. The "
                       "contractor wants another three hundred thousand.\n\nSpeaker 1 (00:01:10):\nWe'll vote at the "
                       "end. The budget has no contingency left."})
    for question, first in (("what did the committee chair ask about the cost of reopening", "Ruiz-Pardo"),
                            ("what did the chair say about the budget contingency", "Speaker 1")):
        answer = index.ask(question, mode="lexical")
        assert set(split_names(answer.speaker or "")) == {"Ruiz-Pardo", "Speaker 1"}, (question, answer.notice)
        assert answer.results and answer.results[0].speaker == first, question


def test_a_forum_threads_posts_are_their_users_and_the_opening_posters_are_the_person_who_says_who_they_are() -> None:
    said = spoken("I'm Dr. Ana Ruiz-Pardo, a volcanologist at the Oakton Observatory. Ask me anything!\n\nPosted by "
                  "u/ana_volcano · 6 hours ago\n\nHi everyone. I'll be answering for two hours.\n\nu/hiking_nerd · 5 hours "
                  "ago\nIs it safe to hike on the south ridge?\n\n    u/ana_volcano · 5 hours ago\n    No. The exclusion zone "
                  "covers the whole south ridge.\n\nu/quietgeologist · 4 hours ago\nHow do you predict an eruption?")
    assert said["Is it safe to hike on the south ridge?"] == "u/hiking_nerd"
    assert said["No. The exclusion zone covers the whole south ridge."] == "Ana Ruiz-Pardo"
    assert said["How do you predict an eruption?"] == "u/quietgeologist"


def test_a_numbered_voice_that_thanks_the_chair_after_being_given_the_floor_by_name_is_that_person() -> None:
    said = spoken("Town Council, special meeting\n\nSpeaker 1 (00:00:03):\nThis meeting is called to order. Councillor "
                  "Ruiz-Pardo, you asked for this meeting, so please begin.\n\nSpeaker 2 (00:00:21):\nThank you, Madam "
                  "Chair. The contractor wants another three hundred thousand.\n\nSpeaker 1 (00:01:10):\nThank you. Any "
                  "other comment?\n\nSpeaker 3 (00:01:14):\nThank you, Madam Chair. I'd pay it.\n\nSpeaker 2 (00:02:02):\n"
                  "Not without a second survey.")
    assert said["Thank you, Madam Chair. The contractor wants another three hundred thousand."] \
        == said["Not without a second survey."] == "Ruiz-Pardo"
    assert said["Thank you, Madam Chair. I'd pay it."] == "Speaker 3"  # thanked the chair, but no one was called by name
    assert said["Thank you. Any other comment?"] == "Speaker 1"


def test_an_order_papers_numbered_question_and_an_office_with_its_department_are_turns_and_the_heading_is_no_ones(
        tmp_path: Path) -> None:
    """A Commons record: "1. Ms X (Place) (Party):" opens a member's question, "The Minister of State, Department for
    Transport (Mr Y):" the minister's answer; "Harbour Ferries: Winter Timetable" under the house and the date is the
    debate's heading, no speaker; "I call the shadow Minister." makes the member who speaks next the shadow minister."""
    text = ("House of Commons\nTuesday 1 December 2026\n\nHarbour Ferries: Winter Timetable\n\n"
            "1. Ms Ana Ruiz-Pardo (Oakton East) (Lab): What steps the Department is taking to keep winter ferries "
            "running. [90511]\n\nThe Minister of State, Department for Transport (Mr Bo Li): We have funded a third "
            "vessel for the crossing.\n\nMs Ruiz-Pardo: Will the Minister meet the operator?\n\nMr Li: I will.\n\n"
            "Mr Speaker: Order. I call the shadow Minister.\n\nCy Northway (Eastfield) (Con): Sailings fell by a "
            "quarter last winter. Is that what the Minister calls a plan?\n\nMr Li: Sailings have recovered since.")
    said = spoken(text)
    assert said["What steps the Department is taking to keep winter ferries running. [90511]"] == "Ana Ruiz-Pardo"
    assert said["We have funded a third vessel for the crossing."] == "Bo Li"
    assert said["Harbour Ferries: Winter Timetable"] is None
    index = index_of(tmp_path, {"commons.txt": text})
    answer = index.ask("what did the shadow minister say about sailings", mode="lexical")
    assert answer.results and answer.results[0].speaker == "Cy Northway", answer.notice


def test_an_office_a_chair_gives_the_floor_to_is_the_next_speakers(tmp_path: Path) -> None:
    """"The PRESIDING OFFICER. The Senator from Oakton." and "I call on the Deputy Minister to speak, then." give the
    next speaker that office; "I call the meeting to order" calls no one."""
    index = index_of(tmp_path, {
        "record.txt": "CONGRESSIONAL RECORD - SENATE\n\nMr. NORTHWAY. Mr. President, I rise in support of the ferry "
                      "bill.\n\nThe PRESIDING OFFICER. The Senator from Oakton.\n\nMs. RUIZ-PARDO. Mr. President, the "
                      "bill forgets the island schools.\n\nMr. NORTHWAY. Will the Senator yield?\n\nMs. RUIZ-PARDO. I "
                      "yield.\n\nMr. NORTHWAY. Would an amendment for the schools do?",
        "assembly.txt": "Bo Li AM: I call the meeting to order. Any more Members? No. I call on the Deputy Minister to "
                        "speak, then.\n\nCy Eastfield AM: Thank you, Chair. The school meals grant will rise next "
                        "year.\n\nBo Li AM: Thank you."})
    for question, first in (("what did the senator from Oakton say about schools", "Ruiz-Pardo"),
                            ("what did the deputy minister say about school meals", "Cy Eastfield")):
        answer = index.ask(question, mode="lexical")
        assert answer.results and answer.results[0].speaker == first, (question, answer.notice)


def test_a_turn_that_opens_by_speaking_as_an_office_gives_its_speaker_that_office(tmp_path: Path) -> None:
    index = index_of(tmp_path, {"pta.txt": "Ana Ruiz-Pardo: The bake sale made four hundred dollars.\n\nBo Li: As "
                                           "treasurer I'd say the bake sale should move to spring.\n\nAna Ruiz-Pardo: "
                                           "Spring it is, then. The bake sale committee will pick a date."})
    answer = index.ask("what did the treasurer say about the bake sale", mode="lexical")
    assert answer.results and answer.results[0].speaker == "Bo Li", answer.notice


def test_a_transcript_exported_as_a_table_in_a_text_gives_each_row_to_its_speaker() -> None:
    """Rows separated by tabs under a "Speaker<TAB>Text" header, and a Markdown table with a time column: the speaker's
    cell says whose the words are; the header row is no one's."""
    said = spoken("PTA meeting, exported\n\nSpeaker\tText\nAna Ruiz-Pardo\tFirst item is the spring fundraiser.\nBo Li"
                  "\tCan we talk about the pledge sheets?\nAna Ruiz-Pardo\tGo ahead.\nBo Li\tFamilies say they feel "
                  "like pressure.")
    assert said["First item is the spring fundraiser."] == said["Go ahead."] == "Ana Ruiz-Pardo"
    assert said["Families say they feel like pressure."] == "Bo Li"
    assert said["Speaker Text"] is None
    said = spoken("# Library board\n\n| Time | Speaker | Words |\n|---|---|---|\n| 00:00:04 | Ana Ruiz-Pardo | The only "
                  "item is Sunday hours. |\n| 00:00:15 | Bo Li | Circulation was up forty percent. |\n| 00:00:31 | Ana "
                  "Ruiz-Pardo | And staffing? |")
    assert said["The only item is Sunday hours. |"] == said["And staffing? |"] == "Ana Ruiz-Pardo"
    assert said["Circulation was up forty percent. |"] == "Bo Li"
    assert said["| Time | Speaker | Words |"] is None


def test_a_letters_salutation_is_not_a_speaker_label() -> None:
    """"Dear Ms. Ruiz-Pardo:" opens a letter written to her: the letter is its signer's, never hers."""
    said = spoken("Dear Ms. Ruiz-Pardo: The ferry to Oakton has been late every morning this month. I have written "
                  "twice before.\n\nSincerely,\nBo Li")
    assert "Ruiz-Pardo" not in {who for who in said.values() if who}
    assert said["I have written twice before."] == "Bo Li"


def test_a_question_and_an_answer_headed_by_who_asks_and_who_answers_on_the_same_line() -> None:
    said = spoken("Questions and answers: the fare cap\n\nQuestion from Councillor Bo Li (Eastgate): Will the cap apply to "
                  "school buses?\n\nAnswer from the Minister for Transport, Ana Ruiz-Pardo: Yes, from 1 January.")
    assert said["Will the cap apply to school buses?"] == "Bo Li"
    assert said["Yes, from 1 January."] == "Ana Ruiz-Pardo"


def test_a_first_name_asked_about_is_the_one_person_of_that_name_who_speaks(tmp_path: Path) -> None:
    """Another document only mentions a namesake ("Ana Ruiz-Pardo, pilot for forty years, dies at 88"): "what did Ana
    say" is the Ana who speaks."""
    index = index_of(tmp_path, {
        "obituary.txt": "Ana Ruiz-Pardo, harbour pilot for forty years, dies at 88\n\nAna Ruiz-Pardo guided ships into "
                        "Oakton for four decades. She died on Sunday.",
        "meeting.txt": "Ana Northway: The ferry timetable changes in March.\n\nBo Li: Will the night sailing stay?\n\n"
                       "Ana Northway: The night sailing stays until June."})
    answer = index.ask("what did Ana say about the night sailing", mode="lexical")
    assert answer.speaker == "Ana Northway", answer.notice
    assert answer.results and answer.results[0].speaker == "Ana Northway"


def test_the_minister_asked_about_includes_a_minister_for_a_department(tmp_path: Path) -> None:
    """"The Minister for Transport" is a minister: asked "the minister", with another document's minister too, both."""
    index = index_of(tmp_path, {
        "debate.txt": "Mr Speaker: Order.\n\nThe Minister (Mr Cy Northway): The harbour dredging will finish in May."
                      "\n\nMr Speaker: Thank you.\n\nThe Minister (Mr Cy Northway): And the pier reopens in June.",
        "qa.txt": "Questions and answers: the fare cap\n\nQuestion from Councillor Bo Li (Eastgate): Will the cap apply "
                  "to school buses?\n\nAnswer from the Minister for Transport, Ana Ruiz-Pardo: Yes, every contracted "
                  "school bus honours the cap from January."})
    answer = index.ask("what did the minister say about school buses", mode="lexical")
    assert answer.results and answer.results[0].speaker == "Ana Ruiz-Pardo", answer.notice


def test_bracketed_initials_under_a_key_with_roles_are_the_people_it_names(tmp_path: Path) -> None:
    """"[BL]" turns under "BL = Bo Li (interviewer)" are Bo Li's, and he is the interviewer the key says he is."""
    text = ("Oral history transcript\nBL = Bo Li (interviewer)\nAR = Ana Ruiz-Pardo (former ferry captain)\n\n[BL] When "
            "did you start on the ferries?\n\n[AR] In 1971, on the night crossing.\n\n[BL] Do you miss it?\n\n[AR] I "
            "miss the crew. I don't miss the winter crossings.")
    said = spoken(text)
    assert said["When did you start on the ferries?"] == said["Do you miss it?"] == "Bo Li"
    assert said["I miss the crew. I don't miss the winter crossings."] == "Ana Ruiz-Pardo"
    answer = index_of(tmp_path, {"oral.txt": text}).ask("what did the interviewer ask about the ferries", mode="lexical")
    assert answer.results and answer.results[0].speaker == "Bo Li", answer.notice


def test_a_host_who_says_who_they_are_in_their_first_turn_is_that_person() -> None:
    said = spoken("Soil and Sky, episode 41\n\nHOST: Welcome. I'm your host, Ana Ruiz-Pardo, and my guest today is Dr. "
                  "Bo Li, who studies peat.\n\nGUEST: Thanks for having me.\n\nHOST: Why should anyone care about "
                  "peat?\n\nGUEST: A bog holds more carbon than a forest.")
    assert said["Why should anyone care about peat?"] == "Ana Ruiz-Pardo"
    assert said["A bog holds more carbon than a forest."] == "Bo Li"


def test_a_letters_page_whose_heading_carries_the_papers_name_and_date_is_its_signers() -> None:
    """The page's heading block runs to two lines ("LETTERS TO THE EDITOR" over the paper's name and date); each letter
    is still its signer's, and neither the heading nor a letter's headline is anyone's."""
    said = spoken("READERS' LETTERS\nThe Oakton Courier, 3 March 2026\n\nKeep the ferry running\n\nMy mother crosses to "
                  "the market every Tuesday. Without the ferry she would not go at all.\n\nBo Li, Eastgate\n\nThe bridge can "
                  "wait\n\nI have read the engineers' report twice. The bridge is sound for another decade.\n\n"
                  "Ana Ruiz-Pardo, Northway")
    assert said["Without the ferry she would not go at all."] == "Bo Li"
    assert said["I have read the engineers' report twice."] == "Ana Ruiz-Pardo"
    assert said["READERS' LETTERS"] is said["The Oakton Courier, 3 March 2026"] is said["The bridge can wait"] is None


def test_a_full_name_label_speaks_in_the_office_the_roster_above_gives_them(tmp_path: Path) -> None:
    """A press conference's roster ("HEAD COACH …" over "CAPTAIN …") gives each full-name label its office: "what did
    the captain say" is the captain's answer, not the coach's."""
    index = index_of(tmp_path, {"presser.txt": (
        "OAKTON ROVERS 3, EASTGATE 0\nPOST-MATCH PRESS CONFERENCE\n\nHEAD COACH ANA RUIZ-PARDO\nCAPTAIN BO LI\n\n"
        "Q. Ana, what changed at half-time?\n\nANA RUIZ-PARDO: We pressed higher and the goals came from that.\n\n"
        "Q. Bo, what did you say to the team about the penalty?\n\nBO LI: I told them the penalty was mine to take, and "
        "that I would not miss twice.")})
    answer = index.ask("what did the captain say about the penalty", mode="lexical")
    assert answer.speaker == "Bo Li", answer.notice
    assert answer.results[0].text.startswith("I told them the penalty was mine")
    assert index.ask("what did the head coach say", mode="lexical").speaker == "Ana Ruiz-Pardo"


def test_a_cast_lists_description_is_the_office_of_the_first_name_label(tmp_path: Path) -> None:
    """"ANA RUIZ-PARDO, a ferry captain, sixties" in a play's cast list makes "ANA:" the ferry captain, ahead of a
    captain another document names only "Captain"."""
    index = index_of(tmp_path, {
        "play.txt": "LAST CROSSING\nA radio play\n\nCAST:\nANA RUIZ-PARDO, a ferry captain, sixties\nBO LI, her deckhand\n\n"
                    "ANA: Keep her head to the swell. Trust the compass, not the lights.\n\nBO: The lights are gone anyway.",
        "match.txt": "OAKTON 1, EASTGATE 0\n\nCAPTAIN MIREK NOWAK-OYE\n\nQ. Mirek, how was the pitch?\n\n"
                     "MIREK NOWAK-OYE: Heavy. The compass of the game was the wind, honestly."})
    answer = index.ask("what did the ferry captain say about the compass", mode="lexical")
    assert answer.speaker == "Ana Ruiz-Pardo", answer.notice
    assert answer.results[0].text.startswith("Keep her head to the swell")


def test_minutes_whose_item_heading_sits_on_the_line_above_keep_the_heading_out_of_the_speakers_names(tmp_path: Path) -> None:
    """An agenda item's heading on the line just above the minute ("Bus shelter on Mill Road" over "Cllr Bo Li said …")
    is no part of the councillor's name or of the clerk's office."""
    index = index_of(tmp_path, {"minutes.txt": (
        "Oakton Town Council\nMinutes, 4 March 2026\n\nIn attendance: Ana Ruiz-Pardo (Clerk)\n\n"
        "1. Bus shelter on Mill Road\nCllr Bo Li said that the shelter "
        "had been damaged again and proposed that the council stop repairing it.\n\n2. Allotments\nThe Clerk said "
        "that four plots were vacant.")})
    aliases = {alias for speaker in index.speakers() for alias in speaker.aliases}
    assert not [alias for alias in aliases if "mill road" in alias.lower() or "allotments" in alias.lower()], aliases
    assert index.ask("what did the councillor say about the shelter", mode="lexical").speaker == "Bo Li"


def test_a_label_naming_its_speaker_in_parentheses_after_a_part_that_is_no_office_is_that_person() -> None:
    """"PLAY-BY-PLAY (ANA RUIZ-PARDO):" is Ana Ruiz-Pardo, and so is "RUIZ-PARDO:" below it: one person, not a speaker
    called "Play-By-Play" and another called "Ruiz-Pardo"."""
    said = spoken("PLAY-BY-PLAY (ANA RUIZ-PARDO): Oakton win a corner.\n\nCOLOUR (BO LI): Their sixth, and nothing from "
                  "any of them.\n\nRUIZ-PARDO: In it comes, and it's a goal!\n\nLI: Unmarked at the back post.")
    assert said["Oakton win a corner."] == said["In it comes, and it's a goal!"] == "Ana Ruiz-Pardo"
    assert said["Their sixth, and nothing from any of them."] == said["Unmarked at the back post."] == "Bo Li"


def test_an_answer_line_under_a_question_in_a_q_and_a_export_is_the_answerers() -> None:
    """A Q&A tool's export: "Q: …" with, on the next line, "Answered by X (Role): …"; the answer is X's, not the
    asker's, and the line naming X is nobody's words."""
    said = spoken("Q&A export\n\nQ: Will the depot move change our shifts? (anonymous, 31 votes)\nAnswered by Ana Ruiz-Pardo "
                  "(Chief Operating Officer): No. Shifts stay as they are.\n\nQ: Are bonuses still happening? (12 votes)\n"
                  "Answered by Bo Li (Chief Financial Officer): Yes, in March.")
    assert said["No. Shifts stay as they are."] == "Ana Ruiz-Pardo"
    assert said["Yes, in March."] == "Bo Li"
    assert said["Will the depot move change our shifts? (anonymous, 31 votes)"] == "QUESTION"


def test_a_documentarys_caption_names_who_speaks_next_and_what_they_are(tmp_path: Path) -> None:
    """"[LOWER THIRD: Dr Ana Ruiz-Pardo, volcanologist]" is no speaker's label: the untagged words after it are hers,
    until the narrator speaks again, and "the volcanologist" is she."""
    index = index_of(tmp_path, {"film.txt": (
        "NARRATOR: For three centuries the mountain slept.\n\n[LOWER THIRD: Dr Ana Ruiz-Pardo, volcanologist]\n\n"
        "We saw the first tremors on a Tuesday. By Friday there were four hundred a day.\n\nNARRATOR: The town had to "
        "choose.\n\n[LOWER THIRD: Bo Li, mayor of Oakton]\n\nI ordered the evacuation on the Saturday.")})
    said = passages_said(index)
    assert said["We saw the first tremors on a Tuesday. By Friday there were four hundred a day."] == "Ana Ruiz-Pardo"
    assert said["I ordered the evacuation on the Saturday."] == "Bo Li"
    assert said["The town had to choose."] == "NARRATOR"
    assert "Lower Third" not in {speaker.name for speaker in index.speakers()}
    assert index.ask("what did the volcanologist say about tremors", mode="lexical").speaker == "Ana Ruiz-Pardo"


@pytest.mark.parametrize("question", ["what did the defendant's lawyer ask about the keys",
                                      "what did the lawyer for the defendant ask about the keys"])
def test_the_appearances_of_a_deposition_make_each_lawyer_counsel_for_their_party(tmp_path: Path, question: str) -> None:
    """"For the Defendant: Bo Li, Esq." makes "the defendant's lawyer" Bo Li, who examines as "BY MR. LI:"; the
    plaintiff's lawyer asks about keys too, and is not the one asked for."""
    index = index_of(tmp_path, {"deposition.txt": (
        "DEPOSITION OF ANA RUIZ-PARDO\n\nAPPEARANCES:\nFor the Plaintiff: Mirela Novak-Osei, Esq.\nFor the Defendant: "
        "Bo Li, Esq.\n\nEXAMINATION\nBY MS. NOVAK-OSEI:\n\nQ. Who had keys to the depot?\n\nA. The manager and I.\n\n"
        "EXAMINATION\nBY MR. LI:\n\nQ. And the cleaners had keys as well, didn't they?\n\nA. Yes, they had one.")})
    answer = index.ask(question, mode="lexical")
    assert answer.speaker == "Bo Li", answer.notice
    assert answer.results[0].text == "And the cleaners had keys as well, didn't they?"


def test_a_call_sign_label_naming_its_officer_in_parentheses_is_that_officer_and_so_is_the_call_sign_alone(
        tmp_path: Path) -> None:
    """"UNIT 7 (SERGEANT BO LI):" is Bo Li, a sergeant, and "UNIT 7:" below it is he too."""
    index = index_of(tmp_path, {"radio.txt": (
        "Radio log, night shift\n\nDISPATCH: Unit 7, a car in the ditch on Mill Road.\n\nUNIT 7 (SERGEANT BO LI): "
        "Copy, two minutes out.\n\nUNIT 4 (DEPUTY ANA RUIZ-PARDO): I'll close the road at the north end.\n\n"
        "UNIT 7: On scene. The driver is out of the car and walking.")})
    said = passages_said(index)
    assert said["Copy, two minutes out."] == said["On scene. The driver is out of the car and walking."] == "Bo Li"
    assert said["I'll close the road at the north end."] == "Ana Ruiz-Pardo"
    assert index.ask("what did the sergeant say about the driver", mode="lexical").speaker == "Bo Li"
    assert index.ask("what did Deputy Ruiz-Pardo say about the road", mode="lexical").speaker == "Ana Ruiz-Pardo"


def test_a_sermon_preached_by_its_heading_is_the_preachers() -> None:
    """"Preached by the Reverend Canon Ana Ruiz-Pardo" on the line under the heading: the sermon's first-person words
    are hers, and the congregation's response is not."""
    said = spoken("St Oswald's Parish, Sunday sermon\nPreached by the Reverend Canon Ana Ruiz-Pardo\n\nFriends, I want to "
                  "talk about waiting. We are not good at it.\n\n(Congregation: Amen.)\n\nSo this week I ask you to wait "
                  "on purpose.")
    assert said["Friends, I want to talk about waiting."] == said["So this week I ask you to wait on purpose."] \
        == "Ana Ruiz-Pardo"
    assert said["(Congregation: Amen.)"] is None


def test_a_conjunction_opening_a_sentence_is_no_part_of_the_name_after_it() -> None:
    """"When Oskar first told me …, he said …": the speaker is Oskar, not a person called "When Oskar"."""
    said = spoken("My brother is here. When Oskar first told me about Ana, he said she was the only person who had "
                  "beaten him at chess.")
    assert said["When Oskar first told me about Ana, he said she was the only person who had beaten him at chess."] \
        == "Oskar"


def test_initials_a_list_of_those_present_gives_are_those_people_with_their_offices(tmp_path: Path) -> None:
    """Minutes name each trustee once with initials and an office ("Bo Li-Varga (BLV, Treasurer)") and then write
    "BLV reported that …": the initials are that person, "the treasurer" finds him, and "He …" after him is he."""
    minutes = ("Minutes of the trustees' meeting\n\nPresent: Ana Ruiz-Pardo (ARP, Chair), Bo Li-Varga (BLV, Treasurer), "
               "Oskar Northway (ON)\n\n2. Finance\nBLV reported that reserves stood at five months of running costs. He "
               "recommended that the hide be paid from the grant.\nON asked whether the grant could pay for the ramp.\n\n"
               "3. Gala\nON reported that the raffle had run too long. ARP said the board would decide in May.")
    said = spoken(minutes)
    assert said["He recommended that the hide be paid from the grant."] == "Bo Li-Varga"
    assert said["Gala ON reported that the raffle had run too long."] == "Oskar Northway"
    assert said["ARP said the board would decide in May."] == "Ana Ruiz-Pardo"
    index = index_of(tmp_path, {"minutes.txt": minutes})
    assert index.ask("what did the treasurer say about reserves", mode="lexical").speaker == "Bo Li-Varga"
    assert "BLV" not in {speaker.name for speaker in index.speakers()}


def test_a_message_boards_posts_are_their_writers_and_a_quoted_post_its_own_writers() -> None:
    """phpBB's "by ana_r » Sat Sep 12, 2026 7:48 pm" heads each post; "ana_r wrote:" inside a reply quotes her, and
    the reply's own words after the quotation are the replier's."""
    said = spoken("Slugs\nby ana_r » Sat Sep 12, 2026 7:48 pm\n\nThe slugs took every lettuce.\n\nRe: Slugs\n"
                  "by bo.li » Sat Sep 12, 2026 9:15 pm\n\nNematodes worked for me in spring.\n\nRe: Slugs\n"
                  "by oskar_n » Sun Sep 13, 2026 8:02 am\n\nbo.li wrote:\nNematodes worked for me in spring.\n\n"
                  "Same here. Cut the long grass back too.")
    assert said["The slugs took every lettuce."] == "ana_r"
    assert said["Nematodes worked for me in spring."] == "bo.li"
    assert said["Same here. Cut the long grass back too."] == "oskar_n"


def test_words_a_colon_introduces_without_quotation_marks_run_to_the_end_of_the_paragraph(tmp_path: Path) -> None:
    """"After the match, she said: We stopped passing. I'll take the points." — both sentences are hers; the office
    written in lower case before her name in narration ("Oakton manager Ana Ruiz-Pardo was pleased") is her title."""
    story = ("Oakton hold on\n\nOakton manager Ana Ruiz-Pardo was pleased with the result. Speaking after the match, she "
             "said: We stopped passing after the break. I'll take the three points, but we can't defend that deep.\n\n"
             "The visiting coach Bo Li-Varga disagreed. He told the club's channel: The penalty came late. The lads gave "
             "everything.\n\nOakton host Eastgate next Saturday.")
    said = spoken(story)
    assert said["I'll take the three points, but we can't defend that deep."] == "Ana Ruiz-Pardo"
    assert said["The lads gave everything."] == "Bo Li-Varga"
    assert said["Oakton host Eastgate next Saturday."] is None
    index = index_of(tmp_path, {"report.txt": story})
    assert index.ask("what did the manager say about the points", mode="lexical").speaker == "Ana Ruiz-Pardo"
    assert "Eastgate" not in {speaker.name for speaker in index.speakers()}


def test_a_news_scripts_clip_is_the_person_its_credit_names_and_the_reader_is_the_one_named_above() -> None:
    """A bulletin's script: "Reader: X" above "READER:" turns; "CUT 1 — Y, harbourmaster (0:18)" over the clip's
    "IN:", "OUT:" and "Full text:" lines, which are Y's words, not turns of speakers called "OUT" or "Full text"."""
    said = spoken("OAKTON FM — 8AM NEWS\nReader: Oskar Northway\n\nSTORY 1: DREDGING\n\nREADER: Dredging of the harbour "
                  "starts next month.\n\nCUT 1 — Ana Ruiz-Pardo, harbourmaster (0:18)\nIN: \"Boats have sat on the mud...\""
                  "\nOUT: \"...by March.\"\nFull text: Boats have sat on the mud since summer. The work ends by March.\n\n"
                  "READER: It's eight minutes past eight.")
    assert said["Dredging of the harbour starts next month."] == said["It's eight minutes past eight."] == "Oskar Northway"
    clip = next(words for words in said if words.startswith("IN:"))
    assert said[clip] == "Ana Ruiz-Pardo" and clip.endswith("The work ends by March.")
    assert said["STORY 1: DREDGING"] is None


def test_a_studys_quotations_credited_by_participant_code_are_those_participants() -> None:
    """A qualitative study quotes its participants with a code in brackets after the words ("(P4, staff nurse, 9
    years)"); a numbered theme's heading ("Theme 2: …") is no one's label."""
    said = spoken("Results\n\nTheme 1: Breaks\n\nMissed meals were common.\n\n\"On nights you just don't eat. By six I'm "
                  "shaking.\" (P4, staff nurse, 9 years)\n\nTheme 2: Managers\n\nManagers were seen as buffers.\n\n\"My "
                  "manager covers my patients so I can eat.\" (P7, healthcare assistant)")
    assert said["\"On nights you just don't eat."] == "P4"
    assert said["\"My manager covers my patients so I can eat.\""] == "P7"
    assert said["Managers were seen as buffers."] is None


def test_a_lessons_t_turns_are_the_teacher_its_key_names() -> None:
    """"Teacher: Ms Ana Ruiz-Pardo. 28 pupils." above "T:" and "S1:" turns: T is she, with her role; S1 is a pupil."""
    result = attribute(Document("lesson.txt", "Lesson transcript: fractions\nTeacher: Ms Ana Ruiz-Pardo. 28 pupils.\n\n"
                                "T: Which is more, two quarters or four eighths?\n\nS1: The quarters.\n\nT: They are "
                                "equivalent: worth the same.", "text"))
    said = {result.text[s.start:s.end]: result.entity(s.speaker) for s in result.segments}
    teacher = said["They are equivalent: worth the same."]
    assert teacher is not None and teacher.display == "Ana Ruiz-Pardo" and "Teacher" in teacher.titles
    assert said["The quarters."] is not None and said["The quarters."].display == "S1"


def test_reviews_are_their_reviewers_and_the_managers_responses_his() -> None:
    """A review page: each review under "Reviewed 3 October 2026 by X", each reply under "Response from Y, General
    Manager"; the reply ends where the next review begins."""
    said = spoken("Guest reviews\n\n★★☆☆☆ \"Noisy\"\nReviewed 3 October 2026 by Ana Ruiz-Pardo\nThe bar below was loud.\n\n"
                  "Response from Bo Li-Varga, General Manager\nThank you, Ana. We have stopped selling that room.\n\n"
                  "★★★★★ \"Perfect for walkers\"\nReviewed 12 October 2026 by Oskar Northway\nThe drying room was great.")
    assert said["The bar below was loud."] == "Ana Ruiz-Pardo"
    assert said["Thank you, Ana. We have stopped selling that room."] == "Bo Li-Varga"
    assert said["The drying room was great."] == "Oskar Northway"


def test_a_talk_pages_comments_are_their_signers() -> None:
    """Each comment of a discussion page ends with its signature and the time: the comment is its signer's."""
    said = spoken("Talk:Oakton Viaduct\n\n== Opening ==\n\nThe opening was in 1868, not 1867. — Ana Ruiz-Pardo (talk) "
                  "09:14, 3 March 2026 (UTC)\n\n:Goods trains ran from 1867. Give both dates? — Bo Li-Varga (talk) 11:40, "
                  "3 March 2026 (UTC)")
    def who(opening: str) -> str | None:
        return next(speaker for words, speaker in said.items() if words.startswith(opening))
    assert who("The opening was in 1868, not 1867.") == "Ana Ruiz-Pardo"
    assert who(":Goods trains ran from 1867.") == who("Give both dates?") == "Bo Li-Varga"


def test_a_talk_introduced_by_its_chair_is_the_chairs_until_she_welcomes_the_speaker() -> None:
    """"The keynote was introduced by the conference chair, X." over a transcript without labels: X speaks first, and
    after "Please welcome Y." the words are Y's."""
    said = spoken("Opening keynote\n\nThe keynote was introduced by the conference chair, Ana Ruiz-Pardo.\n\nGood morning and "
                  "welcome. It's my pleasure to introduce our speaker. Please welcome Bo Li-Varga.\n\n[Applause]\n\n"
                  "Thank you, Ana. I want to talk about hedges. We laid a quarter of a mile every winter.")
    assert said["Good morning and welcome."] == "Ana Ruiz-Pardo"
    assert said["I want to talk about hedges."] == "Bo Li-Varga"


def test_a_numbered_voice_described_at_first_turn_is_the_same_voice_after(tmp_path: Path) -> None:
    """"PARTICIPANT 1 (female, 40s):" at first, "PARTICIPANT 1:" after: one participant, not two; the facilitator is
    the person the heading says facilitated."""
    index = index_of(tmp_path, {"group.txt": (
        "Focus group, session 2, facilitated by Ana Ruiz-Pardo\n\nFACILITATOR: What do you think of the fees?\n\n"
        "PARTICIPANT 1 (female, 40s, two children): We've stopped going. It costs more than our gas bill.\n\n"
        "PARTICIPANT 2 (male, 60s): I only swim in the mornings now.\n\nPARTICIPANT 1: And the showers are cold.")})
    said = passages_said(index)
    assert said["We've stopped going. It costs more than our gas bill."] == said["And the showers are cold."] \
        == "PARTICIPANT 1"
    assert said["What do you think of the fees?"] == "Ana Ruiz-Pardo"
    assert {speaker.name for speaker in index.speakers()} == {"Ana Ruiz-Pardo", "PARTICIPANT 1", "PARTICIPANT 2"}


def test_what_people_call_themselves_and_an_office_written_with_its_owner_find_them(tmp_path: Path) -> None:
    """"I'm writing as caretaker of the hall" makes the writer "the caretaker"; "Oakton manager Ana Ruiz-Pardo" in a
    story's narration is "the Oakton manager" and "the manager"."""
    index = index_of(tmp_path, {
        "mail.txt": ("From: Bo Li-Varga <bo@oakton.org>\nTo: Oskar Northway <oskar@oakton.gov>\nSubject: Boiler\n\n"
                     "Hi Oskar,\n\nI'm writing as caretaker of the hall. The boiler failed again and the toddler group "
                     "had to cancel.\n\nThanks,\nBo"),
        "report.txt": ("Oakton hold on\n\nOakton manager Ana Ruiz-Pardo was pleased with the result. After the match, she "
                       "said: We stopped passing after the break.")})
    assert index.ask("what did the caretaker say about the toddler group", mode="lexical").speaker == "Bo Li-Varga"
    for question in ("what did the Oakton manager say about the break", "what did the manager say about the break"):
        assert index.ask(question, mode="lexical").speaker == "Ana Ruiz-Pardo", question


def test_a_meeting_chats_direct_message_and_a_discord_channels_handles_and_display_names(tmp_path: Path) -> None:
    """A saved meeting chat's direct message ("From X to Y (Direct Message):", a header longer than most labels) is
    X's, not the message above it; a Discord channel copied as "handle — Today at 8:15 AM" over the message keys
    lower-case handles and display names with an office and a first name ("Club secretary (Maria)"), and "Reminder:"
    in a message is no one's label."""
    said = spoken("Saved chat\n\n18:34:55 From Anastasia Ruiz-Pardo to Everyone:\n\tFees stay at forty pounds.\n"
                  "18:35:20 From Bartholomew Li-Varga to Anastasia Ruiz-Pardo (Direct Message):\n\tThe reserve will be "
                  "empty by 2028.\n18:36:02 From Anastasia Ruiz-Pardo to Everyone:\n\tLet's vote at the end.")
    assert said["The reserve will be empty by 2028."] == "Bartholomew Li-Varga"
    assert said["Fees stay at forty pounds."] == said["Let's vote at the end."] == "Anastasia Ruiz-Pardo"
    index = index_of(tmp_path, {"channel.txt": (
        "#events — Oakton Astronomy Club\n\nstar_quill — Yesterday at 9:14 PM\nClear skies on Saturday!\n\n"
        "orla.n — Yesterday at 9:20 PM\nI can bring the big telescope but I need a lift.\n\n"
        "Club secretary (Maria) — Today at 8:02 AM\nReminder: the car park closes at 11pm now.\n\n"
        "orla.n — Today at 8:15 AM\nThanks Maria. Is the focuser fixed?\n\n"
        "Club secretary (Maria) — Today at 8:31 AM\nThe focuser was replaced on Tuesday.")})
    said = passages_said(index)
    assert said["I can bring the big telescope but I need a lift."] == "orla.n"
    assert said["Reminder: the car park closes at 11pm now."] == said["The focuser was replaced on Tuesday."] == "Maria"
    assert index.ask("what did the club secretary say about the focuser", mode="lexical").speaker == "Maria"


def test_a_social_thread_repost_and_quotation_are_their_authors_and_a_letter_collection_its_writers() -> None:
    """A post shared by someone else ("Bo reposted" over it) is still its author's, and so is a post another quotes
    ("Quoting X @x"); handles may hold dots. A collection of letters, each headed "X to Y, from Place, DATE", is each
    writer's."""
    said = spoken("Thread\n\nAna Ruiz-Pardo @ana.rp · 2h\nOur bakery is closing in January.\n\n"
                  "Bo Li-Varga reposted\nAna Ruiz-Pardo @ana.rp · 2h\nOur bakery is closing in January!\n\n"
                  "Bo Li-Varga @bo_lv · 1h\nThe fourth shop this year.\nQuoting Ana Ruiz-Pardo @ana.rp\nOur bakery closes.")
    assert said["Our bakery is closing in January."] == said["Our bakery is closing in January!"] == "Ana Ruiz-Pardo"
    assert said["The fourth shop this year."] == "Bo Li-Varga"
    assert said["Our bakery closes."] == "Ana Ruiz-Pardo"
    said = spoken("The Northway Letters\n\nLetter 1\nOskar Northway to his sister Ana Northway, from France, 4 June 1916\n\n"
                  "Dear Ana,\nThe mud here is worse than the farm.\nYour brother,\nOskar\n\nLetter 2\nAna Northway to "
                  "Oskar Northway, from Oakton, 21 June 1916\n\nDear Oskar,\nThe barley is thin this year.\nAna")
    def who(opening: str) -> str | None:
        return next(speaker for words, speaker in said.items() if words.startswith(opening))
    assert who("Dear Ana, The mud here") == "Oskar Northway"
    assert who("Dear Oskar, The barley") == "Ana Northway"


def test_first_name_labels_are_the_contestants_the_host_introduced_in_full() -> None:
    """A quiz host's first turn introduces each contestant in full ("a beekeeper from Oakton, it's Ana Ruiz-Pardo!");
    "ANA:" and "BO:" after it are those people; a greeting before a name ("Thanks Bo.") makes no one."""
    said = spoken("QUIZ NIGHT — transcript\n\nHOST: Welcome! On my left, a beekeeper from Oakton, it's Ana Ruiz-Pardo! And "
                  "on my right, a retired pilot, Ottoline Li-Varga!\n\nANA: Hello! My bees send their regards.\n\n"
                  "OTTOLINE: Evening.\n\nHOST: Thanks Ottoline. Ana, how long have you kept bees?\n\n"
                  "ANA: Twenty years.")
    assert said["Hello! My bees send their regards."] == said["Twenty years."] == "Ana Ruiz-Pardo"
    assert said["Evening."] == "Ottoline Li-Varga"


def test_an_introductions_sentence_saying_what_a_voice_is_gives_it_that_title(tmp_path: Path) -> None:
    """"Participant 3 is a night-shift nurse at Oakton General." above the turns: "the night-shift nurse" asks for
    Participant 3's turns; a body after the office ("at Oakton General") is not part of it."""
    index = index_of(tmp_path, {"notes.txt": (
        "Study notes\nParticipant 3 is a night-shift nurse at Oakton General.\n\nInterviewer: How do you swap a shift?\n\n"
        "Participant 3: I press the shift and pick offer swap. The list shows the whole hospital.")})
    answer = index.ask("what did the night-shift nurse say about swaps", mode="lexical")
    assert answer.speaker == "Participant 3"


def test_an_assistants_saved_conversation_a_telegram_copy_and_video_comments_are_their_writers() -> None:
    """"You said:" / "Assistant said:" on lines of their own, under "shared by X": the user's turns are X's. Telegram's
    "Name, [02.12.26 19:04]" and a video page's "@handle 3 days ago (edited)" head each message."""
    said = spoken("Saved conversation — shared by Ana Ruiz-Pardo, 1 December 2026\n\nYou said:\nMy starter smells of "
                  "acetone. Is it dead?\n\nAssistant said:\nNo, it is hungry. Feed it twice a day.\n\nYou said:\nI keep it "
                  "in the fridge.\n\nAssistant said:\nTake it out the evening before.")
    assert said["My starter smells of acetone. Is it dead?"] == said["I keep it in the fridge."] == "Ana Ruiz-Pardo"
    assert said["No, it is hungry. Feed it twice a day."] == "Assistant"
    said = spoken("Tenants group (copied)\n\nAna Ruiz-Pardo, [02.12.26 19:04]\nThe boiler won't be fixed until January.\n\n"
                  "Bo Li-Varga, [02.12.26 19:10]\nSame in flat 3.\n\nAna Ruiz-Pardo, [02.12.26 19:12]\nI'll write to the agent.")
    assert said["The boiler won't be fixed until January."] == said["I'll write to the agent."] == "Ana Ruiz-Pardo"
    assert said["Same in flat 3."] == "Bo Li-Varga"
    said = spoken("Comments\n\n@ferrule_and_flux 3 days ago\nMy grandad never used a hammer on an engine.\n\n"
                  "@Oakton Boats 2 days ago (edited)\nThe hammer cracks liners.\n\n@lock_wren 1 day ago\nDo the gearbox next.")
    assert said["My grandad never used a hammer on an engine."] == "ferrule_and_flux"
    assert said["The hammer cracks liners."] == "Oakton Boats"
    assert said["Do the gearbox next."] == "lock_wren"


def test_a_press_conference_record_with_whom_it_is_names_the_coach_behind_her_label() -> None:
    """A sports press conference's record: "AN INTERVIEW WITH:" over the names is no one's turn; "COACH RUIZ-PARDO:"
    is the coach it names in full, and "Q." the reporters."""
    said = spoken("SEMIFINAL\nOAKTON 3, EASTGATE 1\n\nAN INTERVIEW WITH:\nCOACH ANA RUIZ-PARDO\nBO LI-VARGA\n\n"
                  "THE MODERATOR: Questions for Bo, please.\n\nQ. Bo, the second goal?\n\nBO LI-VARGA: I hit it low.\n\n"
                  "Q. Coach, is the keeper fit?\n\nCOACH RUIZ-PARDO: He has a bruised hand.")
    assert said["He has a bruised hand."] == "Ana Ruiz-Pardo"
    assert said["I hit it low."] == "Bo Li-Varga"
    assert said["AN INTERVIEW WITH: COACH ANA RUIZ-PARDO BO LI-VARGA"] is None


def test_a_technical_terms_short_form_in_brackets_is_no_person(tmp_path: Path) -> None:
    """"The S-Locus Related (SLR) Genes" in a paper's contents has the shape of "Ana Ruiz (AR)", but its "first name" is
    no name a list knows and "SLR" never speaks: no person, so a claim that something "is related to" another is asked
    of everyone's words, not of a person called "Related". "Gene Set Enrichment Analysis (GSEA)" has a first name, but
    "analysis" is a word the text writes in lower case."""
    index = index_of(tmp_path, {"paper.txt": (
        "Self-incompatibility in Brassica\n\nCONTENTS\nAllelism at the S-Locus 402\nThe S-Locus Related (SLR) Genes 405\n\n"
        "The SLR genes are expressed in pistils and are related to pollen rejection. Gene Set Enrichment Analysis (GSEA) "
        "found the pathway; the analysis said nothing of pollen.")})
    assert index.ask("The minor allele is related to more severe symptoms").speaker is None
    assert not [s for s in index.speakers() if "Related" in s.name or "Analysis" in s.name]


def test_a_digest_a_stream_chat_a_fediverse_thread_and_old_reddit_are_their_writers() -> None:
    """A mailing list digest ("Message: 2" over each message's "Date:", "From:", "Subject:"; its "Today's Topics:" and
    "Message:" are no one's labels); a stream's chat replay ("18:05 ana_r: …", a lower-case handle); a fediverse
    thread ("Ana Ruiz (@ana@example.social)" over the date); old Reddit's "[–] ana_r 41 points 6 hours ago"."""
    said = spoken("oakton-list Digest, Vol 4, Issue 7\n\nToday's Topics:\n   1. Troughs (Ana Ruiz-Pardo)\n\n----------\n\n"
                  "Message: 1\nDate: Tue, 1 Dec 2026 08:14:02 +0000\nFrom: Ana Ruiz-Pardo <ana@example.org>\nSubject: Troughs"
                  "\n\nThe troughs froze solid and one has split.\n\n----------\n\nMessage: 2\nDate: Tue, 1 Dec 2026 09:40:51 "
                  "+0000\nFrom: Bo Li-Varga <bo@example.org>\nSubject: Re: Troughs\n\nThe committee bought two new ones.")
    assert said["The troughs froze solid and one has split."] == "Ana Ruiz-Pardo"
    assert said["The committee bought two new ones."] == "Bo Li-Varga"
    said = spoken("Live chat replay\n\n18:02 ana_r: stream's up, audio is quiet\n18:03 Oakton Council: We've turned it up.\n"
                  "18:05 bo.li: will they talk about the library?\n18:06 ana_r: item 7, I think")
    assert said["stream's up, audio is quiet"] == said["item 7, I think"] == "ana_r"
    assert said["will they talk about the library?"] == "bo.li"
    assert said["We've turned it up."] == "Oakton Council"
    said = spoken("Thread\n\nAna Ruiz-Pardo (@ana@example.social)\n2 Dec 2026, 10:14\nThe junction is still terrifying.\n\n"
                  "Bo Li-Varga (@bo@example.town)\n2 Dec 2026, 10:32\n@ana It gets signals in spring.")
    assert said["The junction is still terrifying."] == "Ana Ruiz-Pardo"
    assert said["@ana It gets signals in spring."] == "Bo Li-Varga"
    said = spoken("r/Boats\n\n[–] damp_boat 41 points 6 hours ago\nThe windows stream every morning.\n\n"
                  "[–] lock_mae 33 points 5 hours ago\nOpen a mushroom vent.\n\n[–] damp_boat 12 points 4 hours ago\nThanks.")
    assert said["The windows stream every morning."] == said["Thanks."] == "damp_boat"
    assert said["Open a mushroom vent."] == "lock_mae"


def test_dialogue_set_off_by_dashes_is_its_speakers_and_an_uncued_line_is_no_ones() -> None:
    """Fiction that sets dialogue off with a dash, no quotation marks: "— I ran the last mile, Ana said." is Ana's; the
    words after the cue's sentence too; a line with no cue in a paragraph of its own may be the other person's, so it
    is no one's rather than the last speaker's."""
    said = spoken("The Ferry\n\nThe fog had not lifted when Ana Ruiz-Pardo reached the slipway.\n\n— The bus broke down, "
                  "Ana said. I ran the last mile.\n\n— Then get in and sit still.\n\n— Do you ever tire of it? she asked.")
    assert said["— The bus broke down, Ana said."] == said["I ran the last mile."] == "Ana Ruiz-Pardo"
    assert said["— Then get in and sit still."] is None
    assert said["— Do you ever tire of it? she asked."] == "Ana Ruiz-Pardo"


def test_a_slack_export_a_teams_chat_copy_and_an_imessage_export_are_their_senders(tmp_path: Path) -> None:
    """Slack's exported channel (JSON messages with the sender's profile), a Teams chat copied ("[09:14] Ruiz-Pardo,
    Ana" over the message, surname first) and an iMessage export (a date line, the sender's line, the message)."""
    messages = [{"type": "message", "user": "U1", "text": "The gauge clipped at its maximum.",
                 "user_profile": {"real_name": "Ana Ruiz-Pardo"}},
                {"type": "message", "user": "U2", "text": "We need a taller one.", "user_profile": {"display_name": "bo"}}]
    (tmp_path / "channel.json").write_text(json.dumps(messages), encoding="utf-8")
    index = Index.build([tmp_path / "channel.json"], tmp_path / "ix", model=FakeEmbedder(), on_warning=None)
    said = passages_said(index)
    assert said["The gauge clipped at its maximum."] == "Ana Ruiz-Pardo" and said["We need a taller one."] == "bo"
    said = spoken("Chat: rota (copied from Teams)\n\n[09:14] Ruiz-Pardo, Ana\nTwo shifts are uncovered on the 24th.\n\n"
                  "[09:20] Li-Varga, Bo\nI can take the 24th.\n\n[09:22] Ruiz-Pardo, Ana\nThanks Bo.")
    assert said["Two shifts are uncovered on the 24th."] == said["Thanks Bo."] == "Ana Ruiz-Pardo"
    assert said["I can take the 24th."] == "Bo Li-Varga"
    said = spoken("Messages with Bo Li-Varga\n\nDec 02, 2026  7:14:02 PM\nBo Li-Varga\nDid the plumber come?\n\n"
                  "Dec 02, 2026  7:20:45 PM\nMe\nNo show again.\n\nDec 02, 2026  7:22:10 PM\nBo Li-Varga\nPhotograph it.")
    assert said["Did the plumber come?"] == said["Photograph it."] == "Bo Li-Varga"
    assert said["No show again."] == "Me"


def test_profile_cards_a_voicemail_log_and_written_evidence_say_whose_words_follow() -> None:
    """A profile's card over its words (LinkedIn's "Name • 2nd" / what they do / "3d • Edited"; a review site's name /
    "42 reviews" / "★★★★☆ 2 weeks ago"; a Q&A site's "Answer 2" / name / "Instructor · Answered 3y"); a voicemail log's
    "Voicemail from X (+44 …), DATE" over the transcription; a committee's "Written evidence submitted by the Oakton
    Ferry Users Group (OFU0014)", a body's, not a person's."""
    said = spoken("Saved post\n\nAna Ruiz-Pardo • 2nd\nHead of Operations at Oakton Ferries\n3d • Edited\nI'm stepping down in "
                  "March.\n\nBo Li-Varga • 1st\nChief Engineer at Oakton Ferries\n2d\nShe kept the engine room honest.")
    assert said["I'm stepping down in March."] == "Ana Ruiz-Pardo" and said["She kept the engine room honest."] == "Bo Li-Varga"
    said = spoken("Reviews\n\nAna Ruiz-Pardo\nLocal Guide · 42 reviews · 118 photos\n★★★★☆ 2 weeks ago\nBest scones in the "
                  "valley.\n\nBo Li-Varga\n3 reviews\n★★☆☆☆ a month ago\nThe soup was cold.")
    assert said["Best scones in the valley."] == "Ana Ruiz-Pardo" and said["The soup was cold."] == "Bo Li-Varga"
    said = spoken("Is sailing worth learning at fifty?\n\nAnswer 1\nAna Ruiz-Pardo\nSailing instructor · Answered 3y\n"
                  "Absolutely.\n\nAnswer 2\nBo Li-Varga\nRetired pilot · Answered 1y\nStart on dinghies.")
    assert said["Absolutely."] == "Ana Ruiz-Pardo" and said["Start on dinghies."] == "Bo Li-Varga"
    said = spoken("Voicemails\n\nVoicemail from Ana Ruiz-Pardo (+44 7700 900244), 30 Nov 2026, 08:12\nTranscription: My "
                  "prescription hasn't reached the pharmacy.\n\nVoicemail from Bo Li-Varga (+44 7700 900377), 1 Dec 2026, "
                  "17:45\nTranscription: The clinic moves to Friday.")
    assert said["Transcription: My prescription hasn't reached the pharmacy."] == "Ana Ruiz-Pardo"
    assert said["Transcription: The clinic moves to Friday."] == "Bo Li-Varga"
    result = attribute(Document("evidence.txt", "Transport Committee\n\nWritten evidence submitted by the Oakton Ferry Users "
                                "Group (OFU0014)\n\n1.1 The winter timetable cut the last sailing.", "text"))
    [segment] = [s for s in result.segments if result.text[s.start:s.end].startswith("1.1")]
    assert result.speaker_name(segment.speaker) == "Oakton Ferry Users Group"
    assert result.entity(segment.speaker).kind == "organisation"


def test_what_a_profile_card_says_its_author_does_is_their_title() -> None:
    """The line of a card under its name ("Sailing instructor · Answered 3y", "Head of Operations at Oakton Ferries",
    "Councillor, Oakton Borough") says what its author does; a review site's counts say nothing of the kind."""
    cards = ("Thread\n\nAnswer 1\nAna Ruiz-Pardo\nSailing instructor for 22 years · Answered 3y\nPatience matters most.\n\n"
             "Bo Li-Varga • 2nd\nHead of Operations at Oakton Ferries\n3d • Edited\nWe kept the night crossing.\n\n"
             "Ines Eastgate • 3rd+\nCouncillor, Oakton Borough\n1d\nShift workers need it.\n\n"
             "Oskar Northway\nLocal Guide · 42 reviews · 118 photos\n★★★★☆ 2 weeks ago\nBest scones in the valley.")
    result = attribute(Document("cards.txt", cards, "text"))
    titles = {e.display: e.titles for e in result.entities if e.kind == "person"}
    assert titles["Ana Ruiz-Pardo"] == ["sailing instructor"] and titles["Bo Li-Varga"] == ["head of operations"]
    assert titles["Ines Eastgate"] == ["councillor"] and titles["Oskar Northway"] == []


def test_a_role_label_is_not_the_full_name_of_a_role_mentioned_before_it() -> None:
    """Meeting roles as labels ("Sales:") under a first turn that mentions "the Sales Lead": the label is that role,
    not a person called "Sales Lead" (a first-name label takes a full name only where neither word is a word the text
    writes in lower case)."""
    said = spoken("Project Lead: We go round in turn, and then the trends the Sales Lead has been watching.\n\n"
                  "Sales: Thanks. Our sales figures show younger buyers want colour.\n\nProject Lead: Good, thank you.")
    assert said["Thanks. Our sales figures show younger buyers want colour."] == "Sales"


def said_starting(said: dict[str, str | None], opening: str) -> str | None:
    [who] = [who for text, who in said.items() if text.startswith(opening)]
    return who


def test_an_issue_threads_comments_are_their_commenters() -> None:
    """A code host's issue thread copied from the page: "user commented on DATE", perhaps a badge line under it
    ("Member"), over each comment."""
    said = spoken("Pump stalls at low tide #41\n\nana-ruiz opened this issue on Nov 2, 2026 · 2 comments\n\n"
                  "ana-ruiz commented on Nov 2, 2026\nThe pump stalls whenever the tide is low. Logs attached.\n\n"
                  "bo-li commented on Nov 3, 2026\nMember\nThe intake sits too high. Lower it by ten centimetres.\n\n"
                  "ana-ruiz commented 2 days ago\nAuthor\nLowered it; no stalls since.")
    assert said_starting(said, "The pump stalls") == "ana-ruiz"
    assert said_starting(said, "The intake sits too high") == "bo-li"
    assert said_starting(said, "Lowered it") == "ana-ruiz"


def test_a_link_aggregators_comments_are_their_users_and_its_counts_are_no_one() -> None:
    """"user 5 hours ago | parent | next [–]" over each comment; the title's prefix ("Ask HN:") is no one, nor is a
    count ("214 points by …")."""
    said = spoken("Ask HN: Should a small town run its own broadband?\n214 points by bo_li 6 hours ago | 87 comments\n\n"
                  "ana_ruiz 5 hours ago | next [–]\nOurs did. The hard part is the backhaul, not the streets.\n\n"
                  "  bo_li 4 hours ago | parent | next [–]\n  How did you pay for the backhaul?")
    assert said_starting(said, "Ours did.") == "ana_ruiz" and said_starting(said, "How did you pay") == "bo_li"
    assert said_starting(said, "Ask HN:") is None and said_starting(said, "214 points") is None


def test_a_qa_sites_posts_are_the_writers_their_cards_below_name() -> None:
    """A Q&A site's page copied: each post's card comes after it ("answered Oct 27, 2026 at 9:40" / name /
    reputation), so the words above a card, back to the card before it, are the writer's."""
    said = spoken("Why does the kiln crack glazes?\n\nMy glazes craze after every firing. Why?\n\nglaze  kilns\n"
                  "asked Oct 27, 2026 at 7:02\nAna Ruiz-Pardo\n412 ● 3 ● 9\n\n2 Answers\n\nYou are cooling it too fast. "
                  "Hold it at 600 degrees for an hour.\n\nanswered Oct 27, 2026 at 9:40\nBo Li-Varga\n8,904 ● 21 ● 60\n\n"
                  "Check the glaze's expansion against the clay body.\n\nanswered Oct 28, 2026 at 18:15\nIness Eastgate\n"
                  "1,077 ● 4 ● 15")
    assert said_starting(said, "My glazes craze") == "Ana Ruiz-Pardo"
    assert said_starting(said, "You are cooling it") == "Bo Li-Varga"
    assert said_starting(said, "Check the glaze") == "Iness Eastgate"


def test_a_magazine_qas_answers_are_whom_the_standfirst_says_was_talked_to(tmp_path: Path) -> None:
    """Bold questions and plain answers under a standfirst: "X, 67, kept the light … She talked to Y about …": the
    answers are X's (Y is who asked)."""
    from docqa import read_document

    path = tmp_path / "light.md"
    path.write_text("# Keeping the light\n\n*Ana Ruiz-Pardo, 67, kept the Oakton light for twenty years. She talked to "
                    "Bo Li-Varga about storms.*\n\n**Were you ever frightened?**\n\nOnce, when the lens stopped turning.\n\n"
                    "**Do you miss it?**\n\nI miss the quiet.\n\n**Would you go back?**\n\nNot for a winter.\n")
    result = attribute(read_document(str(path)))
    said = {" ".join(result.text[s.start:s.end].split()): result.speaker_name(s.speaker) for s in result.segments}
    assert said["Once, when the lens stopped turning."] == said["I miss the quiet."] == "Ana Ruiz-Pardo"


def test_a_field_above_the_turns_names_the_holder_of_a_role_label() -> None:
    """"Caller: Ana Ruiz-Pardo, 42, of Oakton. Call handler: Bo Li-Varga." above "CALLER:" and "CALL HANDLER:" turns:
    each label is the person its field names."""
    said = spoken("Emergency call, ref. 0417. Caller: Ana Ruiz-Pardo, 42, of Oakton. Call handler: Bo Li-Varga.\n\n"
                  "CALL HANDLER: What is the address?\n\nCALLER: 14 Bracken Row. He fell down the stairs.")
    assert said["What is the address?"] == "Bo Li-Varga"
    assert said["14 Bracken Row. He fell down the stairs."] == "Ana Ruiz-Pardo"


def test_a_scripts_voice_of_label_is_that_persons() -> None:
    """An audio guide's "VOICE OF ANA RUIZ-PARDO (archive recording, 1968):" is her words, not a speaker "Voice"."""
    said = spoken("GALLERY 4\n\nNARRATOR: The weavers walked out in 1911.\n\nVOICE OF ANA RUIZ-PARDO (archive recording, "
                  "1968): We'd no money by the third week.\n\nVOICE OF BO LI-VARGA (archive recording, 1971): I was nine.")
    assert said["We'd no money by the third week."] == "Ana Ruiz-Pardo" and said["I was nine."] == "Bo Li-Varga"


def test_a_threads_numbering_is_no_part_of_a_title() -> None:
    """A reporter's numbered thread: "2/ Cllr Ana Ruiz-Pardo, cabinet member for finance: "…"" gives her the title
    "Cllr", not "2/ Cllr"."""
    result = attribute(Document("thread.txt", "1/ The budget meeting is under way.\n\n2/ Cllr Ana Ruiz-Pardo, cabinet member "
                                "for finance: \"Closing two saves us £48,000 a year.\"", "text"))
    [person] = [e for e in result.entities if e.display == "Ana Ruiz-Pardo"]
    assert "Cllr" in person.titles and not any("/" in t for t in person.titles)


@pytest.mark.parametrize("header", ["Quote from: tarn_runner on 4 March 2026, 10:12:40 AM", "Originally Posted by tarn_runner",
                                    "Quoting tarn_runner:"])
def test_a_forum_reply_quoting_a_post_gives_the_quotation_to_its_poster_and_the_reply_to_its_signer(header: str) -> None:
    """A club forum's reply: the quoted post under "Quote from: X on DATE" is X's; the reply after it, signed "— Name,
    role" at its end, is the signer's, not the page's."""
    said = spoken(f"Oakton Cycling Club Forum » Routes » Re: Winter hill repeats\n\nRe: Winter hill repeats\n\n{header}\n"
                  "Skip the hill until spring. The descent is glass after dark.\n\nThe descent is fine if you keep to the "
                  "inside line and run a rear light. We did four repeats on Tuesday.\n\n— Ana Ruiz-Pardo, ride leader\n")
    assert said["Skip the hill until spring."] == "tarn_runner"
    assert said["We did four repeats on Tuesday."] == "Ana Ruiz-Pardo"
    assert said["Re: Winter hill repeats"] is None


def test_an_officer_introduced_as_our_own_answers_for_that_office_and_no_other_officer_does(tmp_path: Path) -> None:
    """An earnings call: the operator introduces the "Chief Executive Officer Bo Li-Varga", who hands over "to our CFO,
    Ana Ruiz-Pardo,". "The CFO" and "the chief financial officer" are her; the chief executive is no chief financial
    officer, and is still the CEO."""
    index = index_of(tmp_path, {"call.txt": (
        "Oakton Ferries Q3 Earnings Call\n\nOperator: Welcome. I will now turn the call over to Chief Executive Officer "
        "Bo Li-Varga.\n\nBo Li-Varga: Thank you. Ridership rose nine percent and the new hybrid ferry entered service.\n\n"
        "Bo Li-Varga: I'll hand over to our CFO, Ana Ruiz-Pardo, for the numbers.\n\nAna Ruiz-Pardo: Thanks, Bo. Fuel "
        "cost us more than we hedged, and we repaid the revolving credit facility.\n\nOperator: Our first question comes "
        "from Iness Eastgate.\n\nIness Eastgate: What did the hybrid ferry cost?\n")})
    for question in ("what did the CFO say about fuel", "what did the chief financial officer say about the credit facility"):
        answer = index.ask(question, mode="lexical")
        assert answer.speaker == "Ana Ruiz-Pardo", (question, answer.notice)
    assert index.ask("what did the chief executive officer say about ridership", mode="lexical").speaker == "Bo Li-Varga"
    assert index.ask("what did the CEO say about the ferry", mode="lexical").speaker == "Bo Li-Varga"
    (tmp_path / "other").mkdir()
    unnamed = index_of(tmp_path / "other", {"call.txt": (  # nobody is written the chief financial officer
        "Operator: I will now turn the call over to Chief Executive Officer Bo Li-Varga.\n\nBo Li-Varga: Ridership rose "
        "nine percent.\n\nAna Ruiz-Pardo: Fuel cost us more than we hedged.\n")})
    assert unnamed.ask("what did the chief financial officer say about fuel", mode="lexical").speaker != "Bo Li-Varga"


def test_an_office_in_a_labels_parenthesis_and_an_office_a_host_greets_by_are_their_holders(tmp_path: Path) -> None:
    """"CHAIR (COUNCILLOR ANA RUIZ-PARDO):" chairs and is a councillor; a phone-in's caller the host greets as the call
    begins ("Councillor, thanks for calling in.") is a councillor too: "the councillors" are both of them and the member
    labelled "COUNCILLOR"; a caller greeted by name only ("Iness, go ahead.") holds no office."""
    index = index_of(tmp_path, {
        "hearing.txt": ("Planning Committee, Public Hearing\n\nCHAIR (COUNCILLOR ANA RUIZ-PARDO): We will begin with the "
                        "applicant.\n\nCOUNCILLOR BO LI-VARGA: Why is the affordable share below the target?\n\n"
                        "CHAIR (COUNCILLOR ANA RUIZ-PARDO): The loss of light at the rear is the most serious issue.\n"),
        "phone_in.txt": ("THE MORNING LINE, listener phone-in\n\nHOST (OSWIN NORTHWAY): Iness is on line two. Iness, go ahead."
                         "\n\nINESS EASTGATE: Closing the branch means no library at all for my street.\n\n"
                         "HOST (OSWIN NORTHWAY): We have Tamsin on the line, who represents the ward. Councillor, thanks "
                         "for calling in.\n\nTAMSIN OAKTON-REID: I voted against the closure and asked officers to cost a "
                         "smaller branch in the old fire station.\n")})
    answer = index.ask("what did the councillors say", mode="lexical", k=20)
    assert set(split_names(answer.speaker or "")) == {"Ana Ruiz-Pardo", "Bo Li-Varga", "Tamsin Oakton-Reid"}, answer.notice
    answer = index.ask("what did the councillor say about the fire station", mode="lexical")
    assert answer.results and answer.results[0].speaker == "Tamsin Oakton-Reid", answer.notice
    assert index.ask("what did the chair say about the loss of light", mode="lexical").speaker == "Ana Ruiz-Pardo"
