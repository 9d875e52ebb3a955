"""The search page's routes, rendered through FastAPI's test client over a fake-embedder index (fast).

The same pages in a real browser, over the real model, are in ``test_browser.py``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import FakeEmbedder
from docqa import Index

pytest.importorskip("fastapi")
pytest.importorskip("jinja2")


@pytest.fixture
def client(corpus: Path, tmp_path: Path, fake: FakeEmbedder):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from docqa.server import create_app

    hostile = corpus / "mine" / "hostile.txt"
    hostile.write_text("MODERATOR: Welcome.\n\nMALLORY: <script>alert('x')</script> I stand by the bridge budget.\n",
                       encoding="utf-8")
    index = Index.build([corpus], tmp_path / "ix", model=fake, on_warning=None)
    with TestClient(create_app(index), base_url="http://127.0.0.1:8000") as http:  # a tokenless server answers its own name
        yield http


def test_the_search_page_answers_with_the_speaker_first(client) -> None:  # type: ignore[no-untyped-def]
    empty = client.get("/")
    assert empty.status_code == 200 and '<input id="q" name="q"' in empty.text
    assert '<option value="Antony Blinken">' in empty.text  # the speaker filter completes from the index's speakers
    page = client.get("/", params={"q": "what did Blinken say about Turkey", "k": 3})
    assert page.status_code == 200
    first = page.text.split('<li class="result">')[1]
    assert re.search(r'class="speaker"[^>]*>Antony Blinken<', first) and "<mark>" in first
    assert first.index("Antony Blinken") < first.index('class="source"')  # speaker first, then the source


def test_filters_and_errors_on_the_search_page(client) -> None:  # type: ignore[no-untyped-def]
    only = client.get("/", params={"q": "Taliban", "speaker": "Jens Stoltenberg", "all": "1"})
    speakers = re.findall(r'class="speaker"[^>]*>([^<]+)<', only.text)
    assert speakers and set(speakers) == {"Jens Stoltenberg"}
    assert client.get("/", params={"q": "Turkey", "since": "March"}).status_code == 400
    unknown = client.get("/", params={"q": "Turkey", "speaker": "Blinkin"})
    assert unknown.status_code == 200 and "no speaker called" in unknown.text.lower()


def test_the_document_view_marks_turns_and_the_hit_at_its_offsets(client) -> None:  # type: ignore[no-untyped-def]
    hit = client.get("/ask", params={"q": "what did Blinken say about Turkey", "k": 1}).json()["results"][0]
    view = client.get("/document", params={"doc": hit["doc"], "start": hit["start"], "end": hit["end"]})
    assert view.status_code == 200
    marked = re.search(r'<mark id="hit"[^>]*>(.*?)</mark>', view.text, re.DOTALL)
    import html

    assert marked and html.unescape(marked.group(1)) == hit["text"]
    assert view.text.count('<mark id="hit"') == 1
    assert 'class="turn-speaker">Antony Blinken' in view.text
    assert client.get("/document", params={"doc": "nowhere.txt"}).status_code == 404


def test_user_text_is_escaped(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/", params={"q": "<b>bridge</b> budget", "all": "1", "k": 20})
    assert "<b>bridge</b>" not in page.text and "&lt;b&gt;bridge&lt;/b&gt;" in page.text
    found = client.get("/ask", params={"q": "bridge budget", "doc": "hostile"}).json()["results"]
    doc = next(p for p in found if "hostile" in p["doc"])
    view = client.get("/document", params={"doc": doc["doc"]})
    assert "<script>alert" not in view.text and "&lt;script&gt;alert" in view.text


def test_the_speakers_pages(client) -> None:  # type: ignore[no-untyped-def]
    listing = client.get("/people")
    assert listing.status_code == 200 and 'href="/people/Antony%20Blinken"' in listing.text
    one = client.get("/people/Secretary Blinken")  # any alias opens the speaker's page
    assert one.status_code == 200 and "<h1>Antony Blinken</h1>" in one.text and 'class="timeline"' in one.text
    assert "2021-03" in one.text  # the seed transcript is dated 23 Mar. 2021
    on_topic = client.get("/people/Antony Blinken", params={"q": "Turkey"})
    assert on_topic.status_code == 200 and "Turkey" in on_topic.text
    assert client.get("/people/Nobody Atall").status_code == 404


def test_assets_ship_in_the_package(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/").text
    assets = re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', page)
    assert assets and all(a.startswith("/static/") for a in assets)  # nothing from a CDN
    for asset in assets:
        assert client.get(asset).status_code == 200


def test_hostile_parameters_are_one_line_400s_never_500s(client) -> None:  # type: ignore[no-untyped-def]
    """A doc filter too long to be a file name, a NUL byte, k out of range: the same limits as the CLI's."""
    for params in ({"q": "Turkey", "doc": "a" * 300}, {"q": "Turkey", "doc": "x/" * 200}, {"q": "Turkey", "doc": "a\x00b"},
                   {"q": "Turkey", "k": "0"}, {"q": "Turkey", "k": "1001"}, {"q": "Turkey", "k": "-1"}):
        api = client.get("/ask", params=params)
        assert api.status_code == 400 and "Traceback" not in api.text, (params, api.text[:300])
        assert len(api.json()["detail"].splitlines()) == 1
        page = client.get("/", params=params)
        assert page.status_code == 400 and "Traceback" not in page.text, params
    check = client.get("/check", params={"q": "we want a conditions-based withdrawal", "doc": "a" * 300})
    assert check.status_code == 400


def test_a_speaker_with_a_slash_in_the_name_has_a_working_page(tmp_path: Path, fake: FakeEmbedder) -> None:
    import json

    from fastapi.testclient import TestClient

    from docqa.server import create_app

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.json").write_text(json.dumps([
        {"speaker": "Ana Ruiz", "text": "What do the pumps cost?"},
        {"speaker": "Reporter/Channel 4", "text": "The pumps cost four million and the council pays half."}]), encoding="utf-8")
    index = Index.build([tmp_path / "docs"], tmp_path / "ix", model=fake, on_warning=None)
    with TestClient(create_app(index), base_url="http://127.0.0.1:8000") as http:
        listing = http.get("/people")
        link = re.search(r'href="(/people/Reporter[^"]*)"', listing.text)
        assert link is not None
        page = http.get(link.group(1).replace("&amp;", "&"))
        assert page.status_code == 200 and "four million" in page.text


def test_a_hearing_turn_shows_its_written_label_once_beside_the_name(tmp_path: Path, fake: FakeEmbedder) -> None:
    from fastapi.testclient import TestClient

    from conftest import DATA
    from docqa.server import create_app

    source = DATA / "hearings" / "01_senate_banking.txt"
    index = Index.build([source], tmp_path / "ix", model=fake, on_warning=None)
    with TestClient(create_app(index), base_url="http://127.0.0.1:8000") as http:
        page = http.get("/document", params={"doc": index.documents()[0]}).text
    header = re.search(r'<div class="turn-speaker">Harold Lindqvist <span class="label"[^>]*>The CHAIRMAN\.</span>', page)
    assert header is not None
    assert page.count(">The CHAIRMAN.<") == page.count("Harold Lindqvist <span")  # once per turn, in its header
    assert '<div class="gap"></div>' not in page and not re.search(r'<div class="gap">\s*</div>', page)


def test_the_page_words_every_way_a_speaker_is_known() -> None:
    from docqa.records import HOW_ORDER
    from docqa.web.views import how_words

    for how in HOW_ORDER:  # "author" among them: a reader sees words, not the code
        assert how_words(how)["words"] and how_words(how)["tip"], how
