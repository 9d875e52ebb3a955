"""The search page of ``docqa serve``: server-rendered (Jinja2) pages over the same library calls as the API.

* ``/`` asks a question, with speaker (completed from the index's speakers), document, date-range
  and mode filters; each result shows its speaker first, then source, place and date, with the
  best sentences highlighted, and the asker's turn before an answer as its context;
* ``/quote?q=…&speaker=…`` checks a quote: its verdict, each place the words were found (the matched
  words marked) and, where they differ, the word diff;
* ``/document?doc=…&start=…&end=…`` shows a whole document, each speaker's turns marked and the
  hit highlighted at its exact offsets and scrolled into view;
* ``/people`` lists the speakers (counts, aliases, dates); ``/people/NAME`` shows one speaker's
  passages and their timeline, optionally on a topic.

Every asset ships in the package (no CDN, no network), and the pages say so to the browser (a
Content-Security-Policy of 'self').  The one small script scrolls the hit into view.  With ``--token``
the /login form posts the token, and the server sets it as an HttpOnly, SameSite=Strict cookie.

``docqa.server.create_app`` mounts them with ``add_pages(app, borrow)``.
"""

# no "from __future__ import annotations": FastAPI reads the routes' annotations, imported inside add_pages

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docqa.search.understand.shapes import quote_question
from docqa.web.views import (
    check_view,
    document_view,
    how_words,
    search_view,
    shown_aliases,
    speaker_view,
    speakers_view,
)

HERE = Path(__file__).resolve().parent
TOKEN_COOKIE = "docqa_token"

__all__ = ["HERE", "TOKEN_COOKIE", "add_pages"]


def add_pages(app: Any, borrow: Callable[[], contextlib.AbstractContextManager[Any]], token: str | None = None) -> None:
    """Mount the pages and their static files on a FastAPI ``app`` whose requests ``borrow`` an ``Index``
    (``token``: the one the sign-in page accepts)."""
    from fastapi import Request
    from fastapi.responses import HTMLResponse
    from fastapi.staticfiles import StaticFiles
    from fastapi.templating import Jinja2Templates

    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.filters["how"] = lambda how: how_words(how)["words"]  # "label" is a "labelled turn" to a reader
    templates.env.filters["how_tip"] = lambda how: how_words(how)["tip"]
    templates.env.filters["aliases"] = lambda speaker: shown_aliases(speaker.name, list(speaker.aliases))
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def page(request: Request, name: str, view: tuple[int, dict[str, Any]]) -> HTMLResponse:
        status, context = view
        return templates.TemplateResponse(request, name, context, status_code=status)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request) -> HTMLResponse:
        params = dict(request.query_params)
        quoted = quote_question(params.get("q", ""))
        with borrow() as index:
            if quoted is not None:  # 'did Blinken say "…"?': the quote is checked, as on /quote
                speaker = params.get("speaker") or quoted[0] or ""
                return page(request, "check.html", check_view(index, {**params, "q": quoted[1], "speaker": speaker}))
            return page(request, "search.html", search_view(index, params))

    @app.get("/quote", response_class=HTMLResponse, include_in_schema=False)
    def check_page(request: Request) -> HTMLResponse:
        with borrow() as index:
            return page(request, "check.html", check_view(index, dict(request.query_params)))

    @app.get("/document", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request) -> HTMLResponse:
        with borrow() as index:
            return page(request, "document.html", document_view(index, dict(request.query_params)))

    @app.get("/people", response_class=HTMLResponse, include_in_schema=False)
    def speakers_page(request: Request) -> HTMLResponse:
        with borrow() as index:
            return page(request, "speakers.html", speakers_view(index))

    @app.get("/people/{name:path}", response_class=HTMLResponse, include_in_schema=False)  # "AC/DC" too
    def speaker_page(request: Request, name: str) -> HTMLResponse:
        with borrow() as index:
            return page(request, "speaker.html", speaker_view(index, name, dict(request.query_params)))

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_page(request: Request) -> HTMLResponse:
        return page(request, "login.html", (200, {}))

    @app.post("/login", include_in_schema=False)
    async def sign_in(request: Request) -> Any:
        """The token from the sign-in form, checked here, becomes a cookie no script can read (HttpOnly),
        sent only to this site (SameSite=Strict) and, behind TLS, only over it (Secure)."""
        import hmac
        from urllib.parse import parse_qs

        from fastapi.responses import RedirectResponse

        body = await request.body()
        given = (parse_qs(body[:4096].decode("utf-8", "replace")).get("token") or [""])[0]
        if token is None or not hmac.compare_digest(given.encode(), token.encode()):
            return page(request, "login.html", (401, {"wrong": True}))
        response = RedirectResponse("/", status_code=303)
        secure = request.url.scheme == "https" or request.headers.get("x-forwarded-proto", "") == "https"
        response.set_cookie(TOKEN_COOKIE, given, httponly=True, samesite="strict", secure=secure, path="/")
        return response
