"""The HTTP API and the MCP server, each run as a real process and asked real questions."""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from docqa.cli import main

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def http(real_index: Path):  # type: ignore[no-untyped-def]
    import httpx

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "docqa", "serve", "--index", str(real_index), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30)
    try:
        for _ in range(300):
            try:
                if client.get("/health").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            proc.kill()
            pytest.fail(f"server did not start: {proc.communicate()[1][-2000:]}")
        yield client
    finally:
        client.close()
        proc.terminate()
        proc.wait(timeout=30)


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


def test_http_api_errors(http) -> None:  # type: ignore[no-untyped-def]
    empty = http.get("/ask", params={"q": "  "})
    assert empty.status_code == 400 and empty.json() == {"detail": "the question is empty"}
    unknown = http.get("/ask", params={"q": "Turkey", "speaker": "Blinkin"})
    assert unknown.status_code == 400 and "closest: Antony Blinken" in unknown.json()["detail"]
    for bad in ({"q": "x", "k": -1}, {"q": "x", "k": 5000}, {}, {"q": "x", "mode": "fuzzy"}):
        response = http.get("/ask", params=bad)
        assert response.status_code == 400 and isinstance(response.json()["detail"], str), (bad, response.text)


def test_mcp_server_answers_through_the_sdk_client(real_index: Path) -> None:
    from mcp import ClientSession, StdioServerParameters
    from mcp.client.stdio import stdio_client

    async def session_run() -> tuple[list[str], dict, dict, list]:
        params = StdioServerParameters(command=sys.executable, args=["-m", "docqa", "mcp", "--index", str(real_index)])
        async with stdio_client(params) as (read, write):
            async with ClientSession(read, write) as session:
                await session.initialize()
                tools = [tool.name for tool in (await session.list_tools()).tools]
                answer = await session.call_tool("ask", {"question": "what did the NATO chief say about the Taliban", "k": 2})
                error = await session.call_tool("ask", {"question": "Turkey", "speaker": "Blinkin"})
                speakers = await session.call_tool("speakers", {})
                return tools, json.loads(answer.content[0].text), json.loads(error.content[0].text), speakers.content

    tools, answer, error, speakers = asyncio.run(asyncio.wait_for(session_run(), timeout=120))
    assert set(tools) == {"ask", "speakers"}
    assert answer["speaker"] == "Jens Stoltenberg" and "Taliban" in answer["results"][0]["text"]
    assert "closest: Antony Blinken" in error["error"] and error["results"] == []
    assert any("Antony Blinken" in item.text for item in speakers)
