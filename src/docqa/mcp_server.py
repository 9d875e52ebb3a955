"""``docqa mcp``: the index as tools for AI assistants, over stdio, with the official MCP Python SDK.

Tools: ``ask(question, k, speaker, doc)`` returns the ``docqa ask --json`` object; ``check_quote(quote,
speaker)`` the ``docqa check --json`` object; ``speakers()`` the speakers with aliases and counts.
"""

from __future__ import annotations

from typing import Any

from docqa.errors import DocqaError
from docqa.index import Index
from docqa.search.check import CheckRequest
from docqa.search.request import AskRequest


def create_server(index: Index):  # type: ignore[no-untyped-def]
    """An MCPServer exposing ``ask``, ``check_quote`` and ``speakers`` over ``index``."""
    from mcp.server.mcpserver import MCPServer

    server = MCPServer("docqa", instructions="Search documents for what people said, with speaker attribution.")

    @server.tool()
    def ask(question: str, k: int | None = None, speaker: str | None = None, doc: str | None = None, mode: str | None = None,
            since: str | None = None, until: str | None = None) -> dict[str, Any]:
        """Find the passages that answer a question, each with its speaker, source file and position.
        Questions may name a speaker ("what did Blinken say about Turkey"); speaker filters explicitly;
        doc keeps documents whose path matches; mode is dense, lexical or hybrid; since/until are YYYY-MM-DD."""
        given = {"k": k, "speaker": speaker, "doc": doc, "mode": mode, "since": since, "until": until}
        try:
            answer = index.ask(AskRequest(question, **{name: value for name, value in given.items() if value is not None}))
            if answer.unknown_speaker:
                raise DocqaError(answer.notice or "unknown speaker")
            return answer.to_dict()
        except DocqaError as exc:
            return {"query": question, "error": str(exc), "results": []}

    @server.tool()
    def check_quote(quote: str, speaker: str | None = None, doc: str | None = None, since: str | None = None,
                    until: str | None = None) -> dict[str, Any]:
        """Check a quote against the documents: whether these words were said, by whom, and what was changed.
        speaker is the person it is attributed to. The verdict is said, said_by_other, altered, pieced,
        reported or not_found, with the evidence (passages, offsets, a word diff where words differ)."""
        try:
            return index.check(CheckRequest(quote, speaker, doc, since, until)).to_dict()
        except DocqaError as exc:
            return {"quote": quote, "error": str(exc), "evidence": []}

    @server.tool()
    def speakers() -> list[dict[str, Any]]:
        """Everyone who speaks in the documents (and people only mentioned), with aliases and passage counts."""
        return [s.to_dict() for s in index.speakers()]

    return server


def run(index_dir: str) -> None:
    try:
        import mcp  # noqa: F401
    except ImportError:
        raise DocqaError("docqa mcp needs the MCP SDK: pip install 'docqa[mcp]'") from None
    index = Index.open(index_dir)
    index.embedder.encode(["warm up"])
    create_server(index).run("stdio")
