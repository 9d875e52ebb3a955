"""``docqa serve``: a search page at / (``docqa.web``) and a small HTTP API (FastAPI + uvicorn) over one
index, with an OpenAPI page at /docs.

``GET /ask?q=…&k=…&speaker=…&doc=…&mode=…&context=…`` returns the same JSON object as
``docqa ask --json``; ``GET /speakers`` the speakers; ``GET /health`` the index's manifest figures.
A pool of readers answers requests in parallel and follows new generations of the index without a
restart (``docqa.pool``); ``--token`` makes every request present ``Authorization: Bearer TOKEN`` (or,
from a browser, the cookie the /login page sets), and binding anything but loopback without one is refused.
"""

# no "from __future__ import annotations": FastAPI reads the routes' annotations (Request is imported inside create_app)

import contextlib
import threading
from collections.abc import Iterator
from typing import Any

from docqa import __version__
from docqa.errors import DocqaError
from docqa.index import Index
from docqa.pool import IndexPool
from docqa.search.check import CheckRequest
from docqa.search.request import MAX_QUESTION, AskRequest


def query_parameters() -> list[dict[str, Any]]:
    """The /ask parameters for the OpenAPI page, as ``AskRequest`` declares them (one set of limits)."""
    kinds = {int: "integer", bool: "boolean", str: "string"}
    out: list[dict[str, Any]] = [{"name": "q", "in": "query", "required": True,
                                  "description": "The question, e.g. what did Blinken "
                                  "say about Turkey", "schema": {"type": "string", "maxLength": MAX_QUESTION}}]
    for option in AskRequest.options():
        schema: dict[str, Any] = {"type": kinds[option["type"]], "default": option["default"]}
        if "limits" in option:
            schema.update(minimum=option["limits"][0], maximum=option["limits"][1])
        if "choices" in option:
            schema["enum"] = list(option["choices"])
        out.append({"name": option["name"], "in": "query", "required": False, "description": option["help"], "schema": schema})
    out.append({"name": "all", "in": "query", "required": False, "description": "Show all k passages (no cut-off): cutoff=false",
                "schema": {"type": "boolean", "default": False}})
    return out


CHECK_PARAMETERS: list[dict[str, Any]] = [
    {"name": "q", "in": "query", "required": True, "description": "The quote, e.g. We want a conditions-based withdrawal",
     "schema": {"type": "string", "maxLength": MAX_QUESTION}},
    {"name": "speaker", "in": "query", "required": False, "description": "The person the quote is attributed to",
     "schema": {"type": "string"}},
    {"name": "doc", "in": "query", "required": False, "description": "Only documents whose path matches",
     "schema": {"type": "string"}},
    {"name": "since", "in": "query", "required": False, "description": "Only documents dated on or after (YYYY-MM-DD)",
     "schema": {"type": "string"}},
    {"name": "until", "in": "query", "required": False, "description": "Only documents dated on or before (YYYY-MM-DD)",
     "schema": {"type": "string"}},
]


def create_app(source: Index | IndexPool, token: str | None = None):  # type: ignore[no-untyped-def]
    """The FastAPI application answering from an index (one request at a time) or a pool of readers
    (in parallel, following new generations); with ``token``, every request must present it."""
    import hmac

    from fastapi import FastAPI, HTTPException, Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse

    if isinstance(source, Index):
        single, lock = source, threading.Lock()  # one question at a time: one SQLite and FAISS handle

        @contextlib.contextmanager
        def borrow() -> Iterator[Index]:
            with lock:
                yield single
    else:
        borrow = source.borrow

    app = FastAPI(title="docqa", version=__version__, description="Ask a folder of documents what was said, and by whom.")

    @app.exception_handler(RequestValidationError)
    async def one_line(_request, exc: RequestValidationError) -> JSONResponse:  # type: ignore[no-untyped-def]
        """Bad parameters are a 400 with one readable line, like every other error a user can cause."""
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ())[1:]) or "request"
        return JSONResponse(status_code=400, content={"detail": f"{where}: {first.get('msg', 'invalid')}"})

    if token:
        from urllib.parse import unquote

        from fastapi.responses import RedirectResponse

        from docqa.web import TOKEN_COOKIE

        expected = f"Bearer {token}".encode()
        open_paths = ("/login", "/static/")

        @app.middleware("http")
        async def bearer(request: Request, call_next):  # type: ignore[no-untyped-def]
            """The token as a header (API clients) or as the cookie the sign-in page sets (browsers)."""
            given = request.headers.get("authorization", "").encode()
            cookie = f"Bearer {unquote(request.cookies.get(TOKEN_COOKIE, ''))}".encode()
            if (hmac.compare_digest(given, expected) or hmac.compare_digest(cookie, expected)
                    or request.url.path.startswith(open_paths)):
                return await call_next(request)
            if "text/html" in request.headers.get("accept", ""):
                return RedirectResponse("/login", status_code=303)
            return JSONResponse(status_code=401,
                                content={"detail": "this server needs a bearer token: Authorization: Bearer TOKEN"},
                                headers={"WWW-Authenticate": "Bearer"})

    @app.get("/health")
    def health() -> dict[str, Any]:
        with borrow() as index:
            m = index.manifest
        return {"status": "ok", "docqa_version": __version__, "model": m["model"], "documents": m["documents"],
                "passages": m["passages"], "speakers": m["speakers"], "vectors": m.get("vectors"), "created": m.get("created")}

    @app.get("/ask", openapi_extra={"parameters": query_parameters()})
    def ask(request: Request) -> dict[str, Any]:
        """The passages that answer a question (the same object as ``docqa ask --json``)."""
        try:
            question = AskRequest.from_strings(request.query_params)
            with borrow() as index:
                answer = index.ask(question)
            if answer.unknown_speaker:
                raise DocqaError(answer.notice or "unknown speaker")
            return answer.to_dict()
        except DocqaError as exc:
            raise HTTPException(status_code=400, detail=str(exc)) from None

    @app.get("/check", openapi_extra={"parameters": CHECK_PARAMETERS})
    def check(request: Request) -> dict[str, Any]:
        """A quote checked: verdict, who said the words, and the evidence (the same object as ``docqa check --json``)."""
        try:
            quote = CheckRequest.from_strings(request.query_params)
            with borrow() as index:
                return index.check(quote).to_dict()
        except DocqaError as exc:
            raise HTTPException(status_code=400, detail=str(exc)) from None

    @app.get("/speakers")
    def speakers() -> list[dict[str, Any]]:
        with borrow() as index:
            return [s.to_dict() for s in index.speakers()]

    from docqa.web import add_pages

    add_pages(app, borrow)
    return app


LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def check_binding(host: str, token: str | None) -> None:
    """Binding anything but this machine without a token would let anyone on the network ask: refused."""
    if host not in LOOPBACK and not token:
        raise DocqaError(f"serving on {host} lets other machines ask; set a bearer token with --token (or DOCQA_TOKEN)")


def serve(index_dir: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None, workers: int = 4) -> None:
    """Open a pool of readers, load the encoder, and serve until interrupted; a new generation written
    by ``docqa index`` is picked up within half a second."""
    try:
        import fastapi  # noqa: F401
        import jinja2  # noqa: F401
        import uvicorn
    except ImportError:
        raise DocqaError("docqa serve needs fastapi, uvicorn and jinja2: pip install 'docqa[serve]'") from None
    check_binding(host, token)
    pool = IndexPool(index_dir, size=workers)
    try:
        uvicorn.run(create_app(pool, token=token), host=host, port=port, log_level="warning")
    finally:
        pool.close()
