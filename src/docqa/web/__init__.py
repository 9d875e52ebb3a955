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

Every asset ships in the package (no CDN, no network).  The one small script scrolls the hit into
view and, for ``--token``, keeps the bearer token as a same-site cookie (the /login page).

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
    search_view,
    speaker_view,
    speakers_view,
)

HERE = Path(__file__).resolve().parent
TOKEN_COOKIE = "docqa_token"

__all__ = ["HERE", "TOKEN_COOKIE", "add_pages"]


def add_pages(app: Any, borrow: Callable[[], contextlib.AbstractContextManager[Any]]) -> None:
    """Mount the pages and their static files on a FastAPI ``app`` whose requests ``borrow`` an ``Index``."""
    from fastapi import Request
    from fastapi.responses import HTMLResponse
    from fastapi.staticfiles import StaticFiles
    from fastapi.templating import Jinja2Templates

    templates = Jinja2Templates(directory=str(HERE / "templates"))
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

    @app.get("/people/{name}", response_class=HTMLResponse, include_in_schema=False)
    def speaker_page(request: Request, name: str) -> HTMLResponse:
        with borrow() as index:
            return page(request, "speaker.html", speaker_view(index, name, dict(request.query_params)))

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_page(request: Request) -> HTMLResponse:
        return page(request, "login.html", (200, {"cookie": TOKEN_COOKIE}))
