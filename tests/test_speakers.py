"""Speakers as entities: one canonical name, its aliases and roles, merged across documents."""

from __future__ import annotations

from pathlib import Path

from conftest import ARTICLE, TRANSCRIPT, FakeEmbedder
from docqa import Document, attribute
from docqa.attribution.speakers import SpeakerMerger, alias_rows
from docqa.index import Index
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


def _briefing(label_of: dict[int, str], turns: int = 12) -> str:
    """A briefing in which the press secretary's label is "MS. MARLOWE:" except at the turns ``label_of`` names."""
    lines = ["Press Briefing by Press Secretary Adaeze Marlowe", ""]
    for i in range(turns):
        lines += [f"{label_of.get(i, 'MS. MARLOWE')}: Thank you for the question about the harbour budget, number {i}.", "",
                  f"Q: And what about the ferry schedule, point {i}?", ""]
    return "\n".join(lines)


def test_a_mistyped_honorific_in_one_label_does_not_split_the_person() -> None:
    """One label with a stray letter ("QMS.") or a lost one ("S.") among many "MS. MARLOWE:" labels is the
    same press secretary, in every document, not a "Qms. Marlowe" or an "S. Marlowe"."""
    directory, names = directory_of(_briefing({5: "QMS. MARLOWE"}), _briefing({3: "S. MARLOWE"}), _briefing({}))
    people = [n for n in names.values() if "marlowe" in n.lower()]
    assert people == ["Adaeze Marlowe"], people
    for alias in ("QMS. MARLOWE", "S. MARLOWE", "MS. MARLOWE", "Marlowe"):
        assert resolve(directory, names, alias) == "Adaeze Marlowe", alias


def test_an_initial_used_as_often_as_the_honorific_is_kept() -> None:
    """A real initial is not a typo: "R. MARLOWE" as often as "MS. MARLOWE" keeps its first-name initial."""
    labels = {i: "R. MARLOWE" for i in range(0, 12, 2)}
    _, names = directory_of(_briefing(labels).replace("Press Briefing by Press Secretary Adaeze Marlowe", "Briefing"))
    assert "R. Marlowe" in names.values(), names


def test_a_plural_title_or_two_names_run_together_are_no_first_name() -> None:
    """"Doctors Ekwueme and Lindqvist" names two doctors, not a Doctors Ekwueme; "Ekwueme Dr. Ekwueme" is a
    name written twice; both are the Dr. Ekwueme who speaks."""
    text = ("MODERATOR: We are joined by Doctors Ekwueme and Lindqvist, who will take questions.\n\n"
            "DR. EKWUEME: Cases fell in the north this week.\n\nQ: What about Ekwueme Dr. Ekwueme's earlier forecast?\n\n"
            "DR. EKWUEME: It held.\n\nDR. LINDQVIST: And the hospitals have beds.")
    directory, names = directory_of(text)
    assert not [n for n in names.values() if "Doctors" in n or n.count("Ekwueme") > 1], names
    assert resolve(directory, names, "DR. EKWUEME") == resolve(directory, names, "Ekwueme")
    from docqa.search.understand import understand

    asked = understand("what did Doctor Ekwueme say about the hospitals", directory, dict.fromkeys(names, 1))
    assert [names[i] for i in asked.speakers] == ["Ekwueme"] and asked.topic == "the hospitals"
    asked = understand("what did Mr. Ekwueme say", directory, dict.fromkeys(names, 1))  # another honorific than the label's
    assert [names[i] for i in asked.speakers] == ["Ekwueme"] and asked.topic == ""


def test_a_nickname_and_the_formal_name_are_one_person_across_documents() -> None:
    """"Bill Nakamura" in a council transcript is the "William Nakamura" a story quotes; with an "Antonio
    Quade" and an "Anthony Quade" both in the corpus, a "Tony Quade" could be either, and stays apart."""
    story = ('City treasurer William Nakamura said the levy would pass. "We counted the votes," Nakamura said.\n\n'
             'Councillor Antonio Quade objected. Anthony Quade, a resident, said he would appeal.')
    council = "MAYOR ELLIS: The treasurer has the floor.\n\nBILL NAKAMURA: The levy passes.\n\nTONY QUADE: Not with my vote."
    directory, names = directory_of(story, council)
    assert resolve(directory, names, "Bill Nakamura") == resolve(directory, names, "William Nakamura") == "William Nakamura"
    assert resolve(directory, names, "BILL NAKAMURA") == "William Nakamura"
    assert "Tony Quade" in names.values() and resolve(directory, names, "TONY QUADE") == "Tony Quade"



def test_a_short_form_the_nickname_table_lacks_is_the_name_it_begins() -> None:
    """"Leo Fairbrother-Kamau" in a story is the "LEOPOLD FAIRBROTHER-KAMAU" of a hearing (the table relates "Leo"
    to "Leonard" alone); "Mar" is no short form and "Marianne Osk" stays apart from "Mar Osk"."""
    story = 'Administrator Leo Fairbrother-Kamau defended the record. "We inspect more," Fairbrother-Kamau said.'
    hearing = ("CHAIRWOMAN DELACOUR: Welcome.\n\nLEOPOLD FAIRBROTHER-KAMAU: Inspections rose by a third.\n\n"
               "MAR OSK: A point of order.\n\nMARIANNE OSK: Seconded.")
    directory, names = directory_of(story, hearing)
    assert resolve(directory, names, "Leo Fairbrother-Kamau") == resolve(directory, names, "LEOPOLD FAIRBROTHER-KAMAU") \
        == "Leopold Fairbrother-Kamau"
    assert resolve(directory, names, "MAR OSK") != resolve(directory, names, "MARIANNE OSK")


def test_a_name_written_without_its_accents_or_its_hyphen_is_the_same_person() -> None:
    """A transcript typed without accents or a double surname's hyphen ("MR. ZUNIGA-PLAZA:", "DR. OYEBANJI
    CROFT:", "Folasade Oyebanji Croft") is the "Nicanor Zúñiga-Plaza" and "Folasade Oyebanji-Croft" of a story,
    and a question typed without accents finds him; "Mary Ann Croft" stays herself."""
    story = ('"The dam will hold," said Nicanor Zúñiga-Plaza, the county\'s chief engineer. Folasade Oyebanji-Croft, '
             'the health officer, said the water was safe.')
    minutes = ("CHAIR DALGLEISH: The dam first.\n\nMR. ZUNIGA-PLAZA: The spillway is sound.\n\n"
               "DR. OYEBANJI CROFT: And the wells are clean.\n\nMARY ANN CROFT: Thank you both.")
    notes = "Folasade Oyebanji Croft told the board the wells had been tested twice. Nicanor Zuniga-Plaza agreed."
    directory, names = directory_of(story, minutes, notes)
    assert resolve(directory, names, "MR. ZUNIGA-PLAZA") == resolve(directory, names, "Zuniga-Plaza") == "Nicanor Zúñiga-Plaza"
    assert resolve(directory, names, "nicanor zuniga-plaza") == "Nicanor Zúñiga-Plaza"
    assert resolve(directory, names, "DR. OYEBANJI CROFT") == resolve(directory, names, "Folasade Oyebanji Croft") \
        == "Folasade Oyebanji-Croft"
    assert resolve(directory, names, "MARY ANN CROFT") == "Mary Ann Croft"
    assert sum(1 for name in names.values() if "Zu" in name or "Zú" in name) == 1


def test_people_known_by_one_surname_and_different_offices_stay_apart() -> None:
    """"Harbour Commissioner Quiñonez" and "Foreign Minister Quinonez", each known only by surname, are two people
    even though one is written without the accent; "Commissioner Quinonez" of a third story is the first."""
    directory, names = directory_of("Harbour Commissioner Quiñonez said the port would reopen on Monday.",
                                    "Foreign Minister Quinonez said the talks had gone well.",
                                    "Commissioner Quinonez said the dredging was finished.")
    assert sorted(names.values()) == ["Quinonez", "Quiñonez"]
    assert resolve(directory, names, "Minister Quinonez") == "Quinonez"
    assert resolve(directory, names, "Commissioner Quinonez") == resolve(directory, names, "Commissioner Quiñonez") == "Quiñonez"


def test_a_mister_and_a_missus_known_only_by_one_surname_in_two_records_are_two_people() -> None:
    """"MR. QUILLFEATHER:" examining a witness at a trial and "Mrs. QUILLFEATHER." questioning a panel at a hearing are
    two people, each shown with the honorific written for them; one of them written again stays one."""
    trial = ("THE COURT: Call your witness.\n\nMR. QUILLFEATHER: The State calls Dr. Anand.\n\n"
             "DR. ANAND: I examined the ledger.")
    hearing = ("The CHAIRWOMAN. The hearing will come to order.\n\nMrs. QUILLFEATHER. How many culverts failed?\n\n"
               "Mr. OYELOWO. Eleven of them.")
    again = "MR. QUILLFEATHER: Nothing further, Your Honor.\n\nTHE COURT: Thank you."
    directory, names = directory_of(trial, hearing, again)
    people = sorted(n for n in names.values() if "Quillfeather" in n)
    assert people == ["Mr. Quillfeather", "Mrs. Quillfeather"]
    assert resolve(directory, names, "MRS. QUILLFEATHER") == "Mrs. Quillfeather"
    assert resolve(directory, names, "Mr. Quillfeather") == "Mr. Quillfeather"


def test_an_initial_is_the_one_person_of_that_surname_whose_first_name_it_starts() -> None:
    """A story's "A. Osei" and "M. Ellison" are the "Amara Osei" and "Martin Ellison" of the others, so the
    transcript's "DR. OSEI:" and "MR. ELLISON:" still have one person to be; a paragraph that opens "A. Osei, who
    teaches …" is no interview's "A." answer."""
    story = ('"The bearings are rusted," said Amara Osei, a structural engineer. Martin Ellison, the county\'s '
             'transportation director, said the design was finished.')
    hearing = ("CHAIR VANTERPOOL: Dr. Osei?\n\nDR. OSEI: The bridge is safe for now.\n\n"
               "MR. ELLISON: The money is in the state budget.")
    notes = ("A. Osei, who teaches structural engineering, told reporters the bridge needed new bearings. \"The old ones "
             "are rusted through,\" Osei said.\n\nM. Ellison said the county would pay for the bearings itself.")
    directory, names = directory_of(story, hearing, notes)
    assert resolve(directory, names, "A. Osei") == resolve(directory, names, "DR. OSEI") == "Amara Osei"
    assert resolve(directory, names, "M. Ellison") == resolve(directory, names, "MR. ELLISON") == "Martin Ellison"
    said = {attribution.text[s.start:s.end]: attribution.speaker_name(s.speaker) for attribution in
            [attribute(Document("notes.txt", notes, "text"))] for s in attribution.segments}
    assert said["\"The old ones are rusted through,\" Osei said."] == "A. Osei"
    assert "ANSWER" not in said.values()


def test_a_first_name_spelled_another_way_is_the_same_person() -> None:
    """A first name the nickname table does not know takes the relations of the one it spells one letter
    differently: "Antony" is "Anthony", so a story's "Tony Marlowe" is the "ANTONY MARLOWE:" of a transcript,
    and "Katharine Ilves" the "Katherine Ilves" of another story.  A short name one letter from another
    ("Sean", "Jean") is a name of its own."""
    story = ('Foreign minister Tony Marlowe said the talks would resume. "We are close," Marlowe said. '
             'Katharine Ilves, the envoy, agreed.\n\nSean Brandt and Jean Brandt, siblings, ran the ferry.')
    transcript = ("MODERATOR: Welcome, minister.\n\nANTONY MARLOWE: Thank you. The talks resume on Monday.\n\n"
                  "MODERATOR: And the envoy?\n\nKATHERINE ILVES: I will be there.")
    directory, names = directory_of(story, transcript)
    assert resolve(directory, names, "Tony Marlowe") == resolve(directory, names, "ANTONY MARLOWE") == "Antony Marlowe"
    assert resolve(directory, names, "Katharine Ilves") == resolve(directory, names, "Katherine Ilves") is not None
    assert resolve(directory, names, "Sean Brandt") != resolve(directory, names, "Jean Brandt")


def test_a_surname_label_goes_to_the_person_of_its_gender() -> None:
    """"MR. OKORO:" in a transcript is Daniel Okoro, not Jill Okoro, when stories name both."""
    story = "Mayor Daniel Okoro opened the session. Councillor Jill Okoro, his sister, voted against the plan."
    council = "MR. OKORO: The session is open.\n\nQ: When is the vote?\n\nMR. OKORO: Tonight."
    directory, names = directory_of(story, council)
    assert resolve(directory, names, "MR. OKORO") == "Daniel Okoro"


def test_an_office_spoken_of_in_the_possessive_is_not_the_next_speakers_role() -> None:
    """"the mayor's intent", said in the turns before Dr. Lindqvist answers, does not make her the mayor: the
    office is spoken of, not addressed."""
    text = ("Q: What did the city decide about the ferries?\n\n"
            "MS. ODUYA: That was not the mayor’s intent, and the mayor’s office said so. Dr. Lindqvist?\n\n"
            "DR. LINDQVIST: The ferries run.\n\nQ: And the schedule?\n\n"
            "MS. ODUYA: The mayor’s staff will publish it. Dr. Lindqvist?\n\nDR. LINDQVIST: Next week.")
    directory, names = directory_of(text)
    assert resolve(directory, names, "the mayor") != "Lindqvist"


def test_a_mistyped_title_in_a_label_is_no_first_name() -> None:
    """"ACTING ADMINSTRATOR VOSS:" and "ADMINISTRATION VOSS:" are the acting administrator the other labels
    and the story name, not people called Adminstrator Voss and Administration Voss."""
    briefing = ("ACTING ADMINISTRATOR VOSS: The shipments arrive on Monday, and the administration has paid for them.\n\n"
                "Q: How many?\n\nACTING ADMINSTRATOR VOSS: Four million doses.\n\nQ: And next week?\n\n"
                "ADMINISTRATION VOSS: Five million.")
    story = 'Acting Administrator Helena Voss said on Friday that "the trucks are loaded."'
    directory, names = directory_of(briefing, story)
    people = sorted(n for n in names.values() if "Voss" in n)
    assert people == ["Helena Voss"], people
    assert resolve(directory, names, "ADMINISTRATION VOSS") == "Helena Voss"


def test_a_surname_label_goes_to_the_person_who_speaks_not_one_only_mentioned() -> None:
    story = ('"We will reopen the port by spring," said Arjun Singh, the port director. The harbour is named for '
             "Rafael Singh, his grandfather.")
    council = "MR. SINGH: The port reopens in April.\n\nQ: And the ferries?\n\nMR. SINGH: In May."
    directory, names = directory_of(story, council)
    assert resolve(directory, names, "MR. SINGH") == "Arjun Singh"


def test_a_label_with_an_office_is_not_a_relative_the_speech_mentions() -> None:
    """"PRESIDENT OKORO:" gives a speech that mentions "my son Caspian Okoro" and "my mother, Ottilie Okoro":
    the President's words stay the President's, and neither relative becomes a speaker."""
    speech = ("Remarks by President Okoro\n\nPRESIDENT OKORO: Thank you all. My son Caspian Okoro served in this unit, "
              "and my mother, Ottilie Okoro, taught me that service is a duty.\n\nQ: Mr. President, will you visit the base?\n\n"
              "PRESIDENT OKORO: Tomorrow. President Okoro will be there, as Caspian Okoro would have been.")
    merger = SpeakerMerger()
    merger.add(0, attribute(Document("d0.txt", speech, "text", title="Remarks by President Okoro")).entities)
    speakers, _ = merger.finish()
    labelled = {s.name: s.labels for s in speakers if s.labels}
    assert not any("Caspian" in name or "Ottilie" in name for name in labelled), labelled


def test_an_index_built_before_accents_were_folded_still_finds_the_name_written_without_them() -> None:
    """An older index stored "ramón íñiguez" as the key of "Ramón Íñiguez": the directory reads it without accents."""
    directory = SpeakerDirectory([("ramón íñiguez", "Ramón Íñiguez", 1, "name"), ("íñiguez", "Íñiguez", 1, "surname")],
                                 {1: "Ramón Íñiguez"}, {1: 3})
    assert directory.resolve("Ramon Iniguez").speaker_id == directory.resolve("Iñiguez").speaker_id == 1


def test_one_person_with_accented_capitals_and_a_hyphenated_first_name_across_documents() -> None:
    """A hearing prints "Mr. BRÉHAUT-QUINTAL." (accented capitals: a label like any other) and "ÉLOI-RENÉ"; a story
    writes "Eloi Rene Brehaut-Quintal": one person."""
    hearing = ("HEARING ON WATER RIGHTS\n\nChairman HOLLINGSWORTH-PRYCE. The committee will come to order.\n\n"
               "Mr. ÉLOI-RENÉ BRÉHAUT-QUINTAL. Thank you, Mr. Chairman.\n\nChairman HOLLINGSWORTH-PRYCE. Please begin."
               "\n\nMr. BRÉHAUT-QUINTAL. The river is over-allocated by a third.")
    story = ("Farmers clash over river\n\nEloi Rene Brehaut-Quintal, who farms near Delta, told the committee the river "
             "was over-allocated. \u201cWe drink from one straw,\u201d Brehaut-Quintal said.")
    said = {result.text[s.start:s.end]: result.speaker_name(s.speaker)
            for result in [attribute(Document("h.txt", hearing, "text"))] for s in result.segments}
    assert said["The river is over-allocated by a third."] == "Éloi-René Bréhaut-Quintal"
    assert said["Please begin."] == "Hollingsworth-Pryce"
    directory, names = directory_of(hearing, story)
    person = {resolve(directory, names, alias) for alias in ("Bréhaut-Quintal", "Eloi Rene Brehaut-Quintal",
                                                               "ÉLOI-RENÉ BRÉHAUT-QUINTAL")}
    assert len(person) == 1 and None not in person


def test_initials_run_together_are_one_person_across_documents() -> None:
    """"Port director T.J. Ainsworth-Mbeki said" is a cue like any other (the initials are no acronym), and is the
    label "TJ AINSWORTH-MBEKI:" and the "T. J. Ainsworth-Mbeki" of a third document; "U.S. Steel" is still no one."""
    story = "Strike goes on\n\nPort director T.J. Ainsworth-Mbeki said talks had stalled.\n\nU.S. Steel said it would wait."
    said = {result.text[s.start:s.end]: result.speaker_name(s.speaker)
            for result in [attribute(Document("s.txt", story, "text"))] for s in result.segments}
    assert said["Port director T.J. Ainsworth-Mbeki said talks had stalled."] == "T. J. Ainsworth-Mbeki"
    conference = "PRESS CONFERENCE\n\nMODERATOR: The port.\n\nTJ AINSWORTH-MBEKI: Our offer stands.\n\nMODERATOR: Thanks."
    third = "Strike, week three\n\nT. J. Ainsworth-Mbeki, the port's director, said ships were diverting."
    directory, names = directory_of(story, conference, third)
    found = {resolve(directory, names, a) for a in ("T. J. Ainsworth-Mbeki", "TJ AINSWORTH-MBEKI", "Ainsworth-Mbeki")}
    assert len(found) == 1 and None not in found


def test_a_quoted_nickname_is_part_of_a_name_not_a_quotation() -> None:
    """'Cornelia "Nell" Quarrie-Dunn, head of the union, said …' is her cue (the nickname's marks quote nothing), and
    she is the "NELL QUARRIE-DUNN:" of a press conference."""
    story = ("Strike goes on\n\nCornelia \"Nell\" Quarrie-Dunn, head of the dockers' union, said the strike would go on.\n\n"
             "The port said it would wait.")
    said = {result.text[s.start:s.end]: result.speaker_name(s.speaker)
            for result in [attribute(Document("s.txt", story, "text"))] for s in result.segments}
    assert said[next(k for k in said if k.startswith("Cornelia"))] == "Cornelia Quarrie-Dunn"
    conference = "PRESS CONFERENCE\n\nMODERATOR: The union.\n\nNELL QUARRIE-DUNN: We stay out.\n\nMODERATOR: Thanks."
    directory, names = directory_of(story, conference)
    found = {resolve(directory, names, a) for a in ("Nell Quarrie-Dunn", "Cornelia Quarrie-Dunn", "NELL QUARRIE-DUNN")}
    assert len(found) == 1 and None not in found


def test_an_office_no_role_word_names_before_a_label_name_and_a_surname_described_are_one_person_each() -> None:
    """"HARBOUR MASTER INGRID SOLBERG-ACHEBE:" is Ingrid Solberg-Achebe, harbour master (not a first name "Harbour
    Master Ingrid"), so a story's "Solberg-Achebe said" is she; "said Oyelaran-Krog, the port's director" is the
    person of that surname, not a body called "Oyelaran-Krog" (a surname the model does not know reads as a body's)."""
    directory, names = directory_of(
        "Storm briefing\n\nHARBOUR MASTER INGRID SOLBERG-ACHEBE: The main channel is closed.\n\nQUESTION: For how long?\n\n"
        "HARBOUR MASTER INGRID SOLBERG-ACHEBE: At least three days.\n\nPORT DIRECTOR MATTHIAS OYELARAN-KROG: Ferries will "
        "run from the north quay.",
        "Dredging in spring\n\nKESTREL — The port will dredge the channel, its harbour master said.\n\n“We lost a metre "
        "of depth,” Solberg-Achebe said.",
        "Ferry detours\n\n“The north quay was never meant for this,” said Oyelaran-Krog, the port's director.")
    assert sorted(names.values()) == ["Ingrid Solberg-Achebe", "Matthias Oyelaran-Krog", "QUESTION"]
    assert resolve(directory, names, "the harbour master") == "Ingrid Solberg-Achebe"


def test_a_first_name_two_speakers_share_is_answered_with_both_full_names(tmp_path: Path) -> None:
    """"what did Bram say" where a chat's "Bram Oyelaran-Fitch" and a call's "Bram Okonkwo-Liu" both speak: the notice
    names both, to ask about one, instead of saying no speaker is called Bram."""
    (tmp_path / "chat.txt").write_text("BRAM OYELARAN-FITCH: I rolled back the config.\n\nYSOLDE MARCH: Thanks, errors "
                                       "are dropping.", encoding="utf-8")
    (tmp_path / "call.txt").write_text("BRAM OKONKWO-LIU: The permit came through.\n\nOTTILIE MARCHBANKS: Then we pour "
                                       "on Monday.", encoding="utf-8")
    index = Index.build([tmp_path / "chat.txt", tmp_path / "call.txt"], tmp_path / "ix", model=FakeEmbedder(), on_warning=None)
    answer = index.ask("what did Bram say about the permit", mode="lexical")
    assert answer.notice is not None and "Bram Okonkwo-Liu" in answer.notice and "Bram Oyelaran-Fitch" in answer.notice
    assert "No speaker called" not in answer.notice
    assert index.ask("what did Bram Okonkwo-Liu say about the permit", mode="lexical").speaker == "Bram Okonkwo-Liu"
