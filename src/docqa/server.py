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
from collections.abc import Callable, Iterator
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


def check_parameters() -> list[dict[str, Any]]:
    """The /check parameters: the quote, and the filters it shares with /ask, as ``AskRequest`` declares them."""
    shared = [p if p["name"] != "speaker" else {**p, "description": "The person the quote is attributed to"}
              for p in query_parameters() if p["name"] in ("speaker", "doc", "since", "until")]
    return [{"name": "q", "in": "query", "required": True, "description": "The quote, as printed",
             "schema": {"type": "string", "maxLength": MAX_QUESTION}}, *shared]


MIN_TOKEN = 16  # characters: a token anyone could guess is no token
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
# Every page's assets are the package's own: nothing from elsewhere, no inline script, no framing.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY",
                    "Cross-Origin-Opener-Policy": "same-origin"}
OPEN_PATHS = ("/login",)  # and the package's static files: what a browser needs to show the sign-in page


def bearer_token(header: str) -> str | None:
    """The token of an ``Authorization`` header: its scheme in any case ("Bearer", "bearer"), as RFC 7235 says.

    >>> bearer_token("bearer abc"), bearer_token("Basic abc"), bearer_token("")
    ('abc', None, None)
    """
    scheme, _, value = header.strip().partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def host_allowed(host_header: str, allowed: set[str]) -> bool:
    """Whether a request's ``Host`` names this server (a tokenless server answers nothing else: a web page
    that rebinds its own name to 127.0.0.1 cannot read the index).

    >>> host_allowed("127.0.0.1:8000", {"127.0.0.1"}), host_allowed("evil.example:8000", {"127.0.0.1"})
    (True, False)
    """
    from urllib.parse import urlsplit

    try:
        name = urlsplit("//" + host_header.strip()).hostname
    except ValueError:
        return False
    return name is not None and name.lower() in allowed


def create_app(source: Index | IndexPool, token: str | None = None, allowed_hosts: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    """The FastAPI application answering from an index (one request at a time) or a pool of readers
    (in parallel, following new generations); with ``token``, every request must present it.  Without a
    token, only requests whose ``Host`` is this machine (or one of ``allowed_hosts``) are answered."""
    import hmac

    token = token.strip() if token else None  # as a header gives it back: no surrounding spaces

    from fastapi import FastAPI, HTTPException, Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse, PlainTextResponse

    if isinstance(source, Index):
        single, lock = source, threading.Lock()  # one question at a time: one SQLite and FAISS handle

        @contextlib.contextmanager
        def borrow() -> Iterator[Index]:
            with lock:
                yield single
    else:
        borrow = source.borrow

    # Swagger's /docs page loads its script from a CDN: offered only on a tokenless, loopback-only server
    # (the JSON schema stays at /openapi.json)
    app = FastAPI(title="docqa", version=__version__, description="Ask a folder of documents what was said, and by whom.",
                  docs_url=None if token else "/docs", redoc_url=None)

    @app.middleware("http")
    async def headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.path != "/docs":
            response.headers.setdefault("Content-Security-Policy", CSP)
        return response

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

        expected = token.encode()

        @app.middleware("http")
        async def bearer(request: Request, call_next):  # type: ignore[no-untyped-def]
            """The token as a header (API clients) or as the cookie the sign-in page sets (browsers)."""
            given = (bearer_token(request.headers.get("authorization", "")) or "").encode()
            cookie = unquote(request.cookies.get(TOKEN_COOKIE, "")).encode()
            path = request.url.path
            if (hmac.compare_digest(given, expected) or hmac.compare_digest(cookie, expected)
                    or path in OPEN_PATHS or (path.startswith("/static/") and ".." not in path)):
                return await call_next(request)
            if "text/html" in request.headers.get("accept", ""):
                return RedirectResponse("/login", status_code=303)
            return JSONResponse(status_code=401,
                                content={"detail": "this server needs a bearer token: Authorization: Bearer TOKEN"},
                                headers={"WWW-Authenticate": "Bearer"})
    else:
        allowed = LOOPBACK | {h.lower() for h in allowed_hosts}

        @app.middleware("http")
        async def same_host(request: Request, call_next):  # type: ignore[no-untyped-def]
            """DNS rebinding: a tokenless server answers only requests addressed to this machine by name."""
            if host_allowed(request.headers.get("host", ""), allowed):
                return await call_next(request)
            return PlainTextResponse("this server answers only requests addressed to it (--allowed-host adds a name)",
                                     status_code=421)

    @app.get("/health")
    def health() -> JSONResponse:
        """The index served; 503 "stale" when a newer version is live but could not be opened (the server then
        goes on answering from the one it has, and says why here)."""
        with borrow() as index:
            m = index.manifest
        body = {"status": "ok", "docqa_version": __version__, "model": m["model"], "documents": m["documents"],
                "passages": m["passages"], "speakers": m["speakers"], "vectors": m.get("vectors"), "created": m.get("created")}
        problem = source.problem if isinstance(source, IndexPool) else None
        if problem:
            return JSONResponse(status_code=503, content={**body, "status": "stale", "error": problem})
        return JSONResponse(content=body)

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

    @app.get("/check", openapi_extra={"parameters": check_parameters()})
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

    add_pages(app, borrow, token)
    return app


def check_binding(host: str, token: str | None) -> None:
    """Binding anything but this machine without a token would let anyone on the network ask: refused; and a
    token must be one nobody guesses."""
    if token is not None and len(token.strip()) < MIN_TOKEN:
        raise DocqaError(f"the token must be at least {MIN_TOKEN} characters (for example: python -c "
                         "'import secrets; print(secrets.token_urlsafe(24))')")
    if host not in LOOPBACK and not token:
        raise DocqaError(f"serving on {host} lets other machines ask; set a bearer token with --token (or DOCQA_TOKEN)")


def serve(index_dir: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None, workers: int = 4,
          allowed_hosts: tuple[str, ...] = (), announce: Callable[[str], None] | None = None) -> None:
    """Open a pool of readers, load the encoder, and serve until interrupted (SIGINT or SIGTERM: requests
    still running get ``GRACE`` seconds); a new version written by ``docqa index`` is served as soon as the
    watcher (every half second) has opened it."""
    try:
        import fastapi  # noqa: F401
        import jinja2  # noqa: F401
        import uvicorn
    except ImportError:
        raise DocqaError("docqa serve needs fastapi, uvicorn and jinja2: pip install 'docqa[serve]'") from None
    check_binding(host, token)
    pool = IndexPool(index_dir, size=workers)  # a missing or damaged index fails here, before anything is announced
    try:
        if announce is not None:
            announce(f"serving {index_dir} at http://{host}:{port}{'' if token else ' (OpenAPI: /docs)'}; Ctrl-C stops")
        uvicorn.run(create_app(pool, token=token, allowed_hosts=allowed_hosts), host=host, port=port, log_level="warning",
                    timeout_graceful_shutdown=GRACE)
    finally:
        pool.close()


GRACE = 3  # seconds a shutdown waits for requests still running
