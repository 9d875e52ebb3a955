"""The search page in a real browser: Debian's chromium driven by Playwright, against `docqa serve` over
the real model.

No browser here → skipped with the reason; with ``DOCQA_REQUIRE_BROWSER=1`` (set by ``.ci/run``) a
missing browser is a failure.  ``DOCQA_CHROMIUM`` points at another chromium executable.
Screenshots go under each test's tmp dir.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

QUESTION = "what did Blinken say about Turkey"


def _chromium() -> str:
    executable = os.environ.get("DOCQA_CHROMIUM") or next(
        (found for name in ("chromium", "chromium-browser", "google-chrome") if (found := shutil.which(name))), None)
    problem = None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        problem = "the playwright package is not installed (pip install -e '.[test]')"
    if executable is None:
        problem = problem or "no chromium found (apt-get install chromium, or set DOCQA_CHROMIUM)"
    if problem:
        if os.environ.get("DOCQA_REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser tests are required here, but {problem}")
        pytest.skip(problem)
    return executable  # type: ignore[return-value]


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    executable = _chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-gpu"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser, real_index: Path, serve):  # type: ignore[no-untyped-def]
    base, _ = serve(real_index)
    context = browser.new_context(base_url=base, viewport={"width": 1280, "height": 800})
    opened = context.new_page()
    opened.set_default_timeout(30_000)
    yield opened
    context.close()


def _in_view(page, selector: str) -> bool:  # type: ignore[no-untyped-def]
    return page.eval_on_selector(selector, "e => { const r = e.getBoundingClientRect();"
                                           " return r.top >= 0 && r.bottom <= window.innerHeight; }")


def test_ask_then_open_the_hit_in_the_document_view(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    page.keyboard.type(QUESTION)  # the question box has the focus: a keyboard user just types
    page.keyboard.press("Enter")
    first = page.locator("li.result").first
    first.wait_for()
    assert first.locator(".speaker").inner_text() == "Antony Blinken"
    assert "Turkey" in first.locator("p.text").inner_text()
    assert "Turkey" in first.locator("mark").first.inner_text()  # the best sentence is highlighted
    page.screenshot(path=str(tmp_path / "search.png"))
    link = first.locator("a.open")
    start, end = (int(v) for v in page.evaluate("h => { const u = new URL(h); return [u.searchParams.get('start'),"
                                                "u.searchParams.get('end')]; }", link.evaluate("a => a.href")))
    link.click()
    hit = page.locator("mark#hit")
    hit.wait_for()
    assert "Turkey" in hit.inner_text()
    turn = page.locator("section.turn.hit")
    assert turn.count() == 1 and (int(turn.get_attribute("data-start")), int(turn.get_attribute("data-end"))) == (start, end)
    assert turn.locator(".turn-speaker").inner_text().lower().startswith("antony blinken")
    assert _in_view(page, "mark#hit")  # scrolled into view
    assert page.locator("section.turn").count() > 10  # the whole document, turn by turn
    page.screenshot(path=str(tmp_path / "document.png"))


def test_filter_by_speaker_and_by_date(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    page.fill("#q", "the Taliban and Afghanistan")
    page.fill("input[name=speaker]", "Jens Stoltenberg")
    page.click("button[type=submit]")
    page.locator("li.result").first.wait_for()
    names = page.locator("li.result .speaker").all_inner_texts()
    assert names and set(names) == {"Jens Stoltenberg"}
    # the seed transcript is dated 23 Mar. 2021, the article is undated: a date range keeps only the first
    page.fill("input[name=speaker]", "")
    page.fill("input[name=since]", "2021-03-01")
    page.fill("input[name=until]", "2021-03-31")
    page.click("button[type=submit]")
    page.locator("li.result").first.wait_for()
    dates = page.locator("li.result time").all_inner_texts()
    assert dates and set(dates) == {"2021-03-23"} and len(dates) == page.locator("li.result").count()
    page.fill("input[name=since]", "2022-01-01")
    page.fill("input[name=until]", "")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("li.result").count() == 0 and "Nothing found" in page.locator("main").inner_text()
    page.screenshot(path=str(tmp_path / "filters.png"))


def test_speakers_page_and_a_speakers_timeline(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    page.click("nav >> text=Speakers")
    page.click("table.speakers >> text=Antony Blinken")
    assert page.locator("h1").inner_text() == "Antony Blinken"
    page.fill("#q", "Turkey")
    page.keyboard.press("Enter")
    page.locator("table.timeline").wait_for()
    assert page.locator("table.timeline th").all_inner_texts() == ["2021-03"]
    assert page.locator("li.result .speaker").first.inner_text() == "Antony Blinken"
    page.screenshot(path=str(tmp_path / "speaker.png"))


SCREENSHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def test_check_a_quote_from_the_menu(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    page.get_by_role("link", name="Check a quote").click()
    page.locator("#quote").fill("We want a conditions-based withdrawal")
    page.locator("input[name=speaker]").fill("Antony Blinken")
    page.keyboard.press("Enter")
    verdict = page.locator(".verdict")
    verdict.wait_for()
    assert verdict.inner_text() == "Said by someone else: Heiko Maas"
    evidence = page.locator("li.result").first
    assert evidence.locator(".speaker").inner_text() == "Heiko Maas"
    assert evidence.locator("mark").inner_text() == "We want a conditions-based withdrawal"
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "check.png"), full_page=True)
    page.goto("/quote?q=we+have+no+differences+with+Turkey&speaker=Blinken")
    assert page.locator(".verdict").inner_text() == "Altered: Antony Blinken"
    assert page.locator(".diff ins").inner_text() == "no"
    page.screenshot(path=str(SCREENSHOTS / "check-altered.png"), full_page=True)
