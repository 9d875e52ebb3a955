"""The HTTP API and the MCP server, each run as a real process and asked real questions."""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from docqa.cli import main

pytestmark = pytest.mark.slow


@pytest.fixture
def http(real_index: Path, serve):  # type: ignore[no-untyped-def]
    import httpx

    base, _ = serve(real_index)
    with httpx.Client(base_url=base, timeout=30) as client:
        yield client


def test_http_api_answers_like_the_cli(http, real_index: Path) -> None:  # type: ignore[no-untyped-def]
    health = http.get("/health").json()
    assert health["status"] == "ok" and health["passages"] > 0
    answer = http.get("/ask", params={"q": "what did Blinken say about Turkey", "k": 3}).json()
    cli = CliRunner().invoke(main, ["ask", "what did Blinken say about Turkey", "-k", "3", "--json", "--index", str(real_index)])
    assert answer == json.loads(cli.output)
    assert answer["results"][0]["speaker"] == "Antony Blinken" and "Turkey" in answer["results"][0]["text"]
    filtered = http.get("/ask", params={"q": "Taliban", "speaker": "the NATO chief", "k": 2}).json()
    assert {r["speaker"] for r in filtered["results"]} == {"Jens Stoltenberg"}
    speakers = http.get("/speakers").json()
    assert "Antony Blinken" in {s["name"] for s in speakers}
    assert set(http.get("/openapi.json").json()["paths"]) >= {"/ask", "/speakers", "/health"}


QUOTE = "We want a conditions-based withdrawal"


def test_a_quote_is_checked_the_same_over_http_and_on_the_page(http, real_index: Path) -> None:  # type: ignore[no-untyped-def]
    import html

    checked = http.get("/check", params={"q": QUOTE, "speaker": "Blinken"}).json()
    cli = CliRunner().invoke(main, ["check", QUOTE, "--speaker", "Blinken", "--json", "--index", str(real_index)])
    assert checked == json.loads(cli.output) and checked["verdict"] == "said_by_other" and checked["speaker"] == "Heiko Maas"
    page = html.unescape(http.get("/quote", params={"q": QUOTE, "speaker": "Blinken"}).text)
    assert "Said by someone else" in page and checked["summary"] in page and f"<mark>{QUOTE}</mark>" in page
    asked = html.unescape(http.get("/", params={"q": f'did Blinken say "{QUOTE}"?'}).text)
    assert "Said by someone else" in asked  # the question form on the search page is the same check
    bad = http.get("/check", params={"q": "we"})
    assert bad.status_code == 400 and "too short" in bad.json()["detail"]
    changed = http.get("/quote", params={"q": "we have no differences with Turkey", "speaker": "Blinken"}).text
    assert '<ins title="in the quote only">no</ins>' in changed


def test_the_page_says_why_a_less_relevant_passage_ranks_higher(http) -> None:  # type: ignore[no-untyped-def]
    import html

    params = {"q": "who talked about Turkey", "k": 8, "all": "true"}
    answer = http.get("/ask", params=params).json()
    reasons = [r["why"] for r in answer["results"] if r["why"]]
    assert reasons  # the seeds' answer to this question ranks two passages above more relevant ones
    page = html.unescape(http.get("/", params=params).text)
    assert [f"Ranked above more relevant passages: {why}." for why in reasons] == \
        re.findall(r"Ranked above more relevant passages: [^<]*\.", page)
    listing = html.unescape(http.get("/", params={"q": "what did Rosa Balfour say"}).text)
    assert "No topic asked: all Rosa Balfour's 7 passages, in document order." in listing
    assert 'class="score"' not in listing  # nothing ranks them: no relevance shown


def test_http_api_errors(http) -> None:  # type: ignore[no-untyped-def]
    empty = http.get("/ask", params={"q": "  "})
    assert empty.status_code == 400 and empty.json() == {"detail": "the question is empty"}
    unknown = http.get("/ask", params={"q": "Turkey", "speaker": "Blinkin"})
    assert unknown.status_code == 400 and "Closest known speakers: Antony Blinken" in unknown.json()["detail"]
    for bad in ({"q": "x", "k": -1}, {"q": "x", "k": 5000}, {}, {"q": "x", "mode": "fuzzy"}):
        response = http.get("/ask", params=bad)
        assert response.status_code == 400 and isinstance(response.json()["detail"], str), (bad, response.text)


def test_mcp_server_answers_through_the_sdk_client(real_index: Path) -> None:
    from mcp import ClientSession, StdioServerParameters
    from mcp.client.stdio import stdio_client

    async def session_run() -> tuple[list[str], dict, dict, list, dict]:
        params = StdioServerParameters(command=sys.executable, args=["-m", "docqa", "mcp", "--index", str(real_index)])
        async with stdio_client(params) as (read, write):
            async with ClientSession(read, write) as session:
                await session.initialize()
                tools = [tool.name for tool in (await session.list_tools()).tools]
                answer = await session.call_tool("ask", {"question": "what did the NATO chief say about the Taliban", "k": 2})
                error = await session.call_tool("ask", {"question": "Turkey", "speaker": "Blinkin"})
                speakers = await session.call_tool("speakers", {})
                checked = await session.call_tool("check_quote", {"quote": QUOTE, "speaker": "Blinken"})
                return (tools, json.loads(answer.content[0].text), json.loads(error.content[0].text), speakers.content,
                        json.loads(checked.content[0].text))

    tools, answer, error, speakers, checked = asyncio.run(asyncio.wait_for(session_run(), timeout=120))
    assert set(tools) == {"ask", "check_quote", "speakers"}
    cli = CliRunner().invoke(main, ["check", QUOTE, "--speaker", "Blinken", "--json", "--index", str(real_index)])
    assert checked == json.loads(cli.output) and checked["verdict"] == "said_by_other"
    assert answer["speaker"] == "Jens Stoltenberg" and "Taliban" in answer["results"][0]["text"]
    assert "Closest known speakers: Antony Blinken" in error["error"] and error["results"] == []
    assert any("Antony Blinken" in item.text for item in speakers)


TOKEN = "s3cret-token-for-tests"


def test_a_token_is_required_when_set(real_index: Path, serve) -> None:  # type: ignore[no-untyped-def]
    import httpx

    base, _ = serve(real_index, "--token", TOKEN)
    assert httpx.get(base + "/ask", params={"q": "Turkey"}).status_code == 401
    assert httpx.get(base + "/health", headers={"Authorization": "Bearer wrong"}).status_code == 401
    ok = httpx.get(base + "/ask", params={"q": "what did Blinken say about Turkey"}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200 and ok.json()["speaker"] == "Antony Blinken"
    # the scheme is case-insensitive (RFC 7235); the token is not
    assert httpx.get(base + "/health", headers={"Authorization": f"bearer {TOKEN}"}).status_code == 200
    assert httpx.get(base + "/health", headers={"Authorization": f"Bearer {TOKEN.upper()}"}).status_code == 401
    # open paths are exact: the sign-in page and the static files, nothing that merely starts like them
    assert httpx.get(base + "/login").status_code == 200
    assert httpx.get(base + "/static/style.css").status_code == 200
    for sneaky in ("/loginx", "/login/../ask?q=Turkey", "/static/../ask?q=Turkey", "/docs", "/redoc"):
        assert httpx.get(base + sneaky).status_code in (401, 404), sneaky
    # a browser is sent to the sign-in page; the form sets an HttpOnly, SameSite=Strict cookie that opens the pages
    page = httpx.get(base + "/?q=Turkey", headers={"Accept": "text/html"})
    assert page.status_code == 303 and page.headers["location"] == "/login"
    wrong = httpx.post(base + "/login", data={"token": "wrong"})
    assert wrong.status_code == 401 and "not this server" in wrong.text and "set-cookie" not in wrong.headers
    signed = httpx.post(base + "/login", data={"token": TOKEN})
    assert signed.status_code == 303 and signed.headers["location"] == "/"
    cookie = signed.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "secure" not in cookie  # plain HTTP here
    assert httpx.get(base + "/", cookies={"docqa_token": "wrong"}, headers={"Accept": "text/html"}).status_code == 303
    signed_in = httpx.get(base + "/", params={"q": "what did Blinken say about Turkey"}, cookies=signed.cookies)
    assert signed_in.status_code == 200 and "Antony Blinken" in signed_in.text
    behind_tls = httpx.post(base + "/login", data={"token": TOKEN}, headers={"X-Forwarded-Proto": "https"})
    assert "secure" in behind_tls.headers["set-cookie"].lower()


def test_a_short_token_is_refused(real_index: Path) -> None:
    for weak in ("x", " " * 20, "fifteen-chars!!"):
        result = CliRunner().invoke(main, ["serve", "--index", str(real_index), "--token", weak])
        assert result.exit_code == 1 and result.output.count("\n") == 1 and "at least 16 characters" in result.output


def test_every_response_carries_the_security_headers(http) -> None:  # type: ignore[no-untyped-def]
    for path in ("/", "/?q=Turkey", "/people", "/health", "/ask?q=Turkey", "/static/style.css", "/nowhere"):
        response = http.get(path)
        assert response.headers["x-content-type-options"] == "nosniff", path
        assert response.headers["referrer-policy"] == "no-referrer", path
        csp = response.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "script-src 'self'" in csp, path
    assert "unsafe-inline" not in http.get("/").headers["content-security-policy"]


def test_a_tokenless_server_answers_only_requests_addressed_to_it(real_index: Path, serve) -> None:  # type: ignore[no-untyped-def]
    """DNS rebinding: a page whose name now points at 127.0.0.1 sends its own name as Host; it is refused."""
    import httpx

    base, _ = serve(real_index, "--allowed-host", "docqa.internal")
    port = base.rsplit(":", 1)[1]
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", "docqa.internal", f"DOCQA.internal:{port}"):
        assert httpx.get(base + "/health", headers={"Host": host}).status_code == 200, host
    for host in (f"evil.example:{port}", "127.0.0.1.evil.example", "", "[bad"):
        response = httpx.get(base + "/ask", params={"q": "Turkey"}, headers={"Host": host})
        assert response.status_code in (400, 421), host
        assert "Blinken" not in response.text


def test_binding_beyond_loopback_without_a_token_is_refused(real_index: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--index", str(real_index), "--host", "0.0.0.0"])
    assert result.exit_code == 1 and result.output.count("\n") == 1 and "--token" in result.output


def test_a_new_generation_is_served_without_a_restart_and_no_request_fails(real_index: Path, tmp_path: Path,
                                                                         serve) -> None:  # type: ignore[no-untyped-def]
    """Readers in parallel, while `docqa index` replaces the index under them: zero failed requests."""
    import shutil
    import threading

    import httpx

    from conftest import SEEDS

    index = tmp_path / "ix"
    shutil.copytree(real_index, index)
    base, _ = serve(index, "--workers", "3")
    failures: list[str] = []
    answered = [0]
    stop = threading.Event()

    def client() -> None:
        with httpx.Client(base_url=base, timeout=30) as http:
            while not stop.is_set():
                response = http.get("/ask", params={"q": "what did Blinken say about Turkey", "k": 3})
                if response.status_code != 200 or not response.json()["results"]:
                    failures.append(f"{response.status_code} {response.text[:200]}")
                answered[0] += 1

    threads = [threading.Thread(target=client) for _ in range(4)]
    try:
        before = httpx.get(base + "/health").json()
        for thread in threads:
            thread.start()
        one = tmp_path / "one"
        one.mkdir()
        shutil.copy(next(SEEDS.glob("003_*.txt")), one)
        done = subprocess.run([sys.executable, "-m", "docqa", "index", str(one), "--index", str(index), "-q"],
                              capture_output=True,
                              text=True, timeout=600)
        assert done.returncode == 0, done.stderr
        swapped = False
        for _ in range(1200):  # eventually, within a generous minute: how fast is the benchmark's question, not the test's
            swapped = httpx.get(base + "/health").json()["documents"] == 1
            if swapped:
                break
            time.sleep(0.05)
        settled = answered[0]
        for _ in range(2400):  # requests keep being answered from the new generation (bounded, in case a client died)
            if answered[0] >= settled + 8:
                break
            time.sleep(0.05)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
    assert before["documents"] == 2
    assert swapped  # the server answers from the new generation, without a restart
    assert failures == [] and answered[0] > 10, (failures[:3], answered[0])


def test_a_damaged_new_version_is_reported_and_a_later_one_still_served(real_index: Path, tmp_path: Path) -> None:
    """The watcher survives a version it cannot open: /health says so (503, stale), the old version keeps
    answering, and the next good version is served."""
    import shutil

    from fastapi.testclient import TestClient

    from conftest import SEEDS
    from docqa.pool import IndexPool
    from docqa.server import create_app

    index = tmp_path / "ix"
    shutil.copytree(real_index, index)
    one = tmp_path / "one"
    one.mkdir()
    shutil.copy(next(SEEDS.glob("003_*.txt")), one)

    def rebuild() -> Path:
        done = subprocess.run([sys.executable, "-m", "docqa", "index", str(one), "--index", str(index), "-q", "--full"],
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
        return index / (index / "CURRENT").read_text().strip()

    pool = IndexPool(index, size=1, poll=3600)
    try:
        client = TestClient(create_app(pool), base_url="http://127.0.0.1")
        damaged = rebuild()
        for name in ("model.onnx", "query.onnx"):  # the export and its fast-start form: no encoder loads
            model = damaged / "encoder" / name
            model.unlink()  # a hard link to the shared export: replaced, never written through
            model.write_bytes(b"not a model")
        assert pool.refresh() is False
        health = client.get("/health")
        assert health.status_code == 503 and health.json()["status"] == "stale" and damaged.name in health.json()["error"]
        assert client.get("/ask", params={"q": "what did Blinken say about Turkey"}).json()["speaker"] == "Antony Blinken"
        rebuild()
        assert pool.refresh() is True
        health = client.get("/health")
        assert health.status_code == 200 and health.json()["documents"] == 1
    finally:
        pool.close()


def test_a_swapped_out_version_is_closed_once_its_last_request_ends(real_index: Path, tmp_path: Path) -> None:
    """A server keeps no file of a version it no longer serves open (its vectors are mapped into memory) once the
    requests still running on it are done; not until the swap after."""
    import os
    import shutil

    from conftest import SEEDS
    from docqa.pool import IndexPool

    index = tmp_path / "ix"
    shutil.copytree(real_index, index)
    one = tmp_path / "one"
    one.mkdir()
    shutil.copy(next(SEEDS.glob("003_*.txt")), one)

    def open_in(folder: Path) -> list[str]:
        fds = [os.readlink(f"/proc/self/fd/{fd}") for fd in os.listdir("/proc/self/fd") if os.path.exists(f"/proc/self/fd/{fd}")]
        with open("/proc/self/maps", encoding="utf-8") as maps:
            mapped = [line.split()[-1] for line in maps if len(line.split()) > 5]
        # the question encoder is one file hard-linked into every version, loaded once and kept by the new one
        return [path for path in fds + mapped if path.startswith(str(folder)) and "/encoder/" not in path]

    pool = IndexPool(index, size=2, poll=3600)
    try:
        old = pool.generation
        with pool.borrow() as reader:
            reader.ask("what did Blinken say about Turkey")
            assert open_in(old)
            done = subprocess.run([sys.executable, "-m", "docqa", "index", str(one), "--index", str(index), "-q", "--full"],
                                  capture_output=True, text=True, timeout=600)
            assert done.returncode == 0, done.stderr
            assert pool.refresh() is True and pool.generation != old
            pool.refresh()
            assert open_in(old) and reader.ask("NATO").results  # a request still running on it finishes on it
        pool.refresh()  # the watcher's next look
        assert open_in(old) == [] and open_in(pool.generation)
    finally:
        pool.close()


def test_serving_no_index_is_one_line_and_announces_nothing(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--index", str(tmp_path / "none")])
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert result.output.startswith("docqa: error:") and "at http://" not in result.output
