"""``docqa serve``: a small HTTP API (FastAPI + uvicorn) over one index, with an OpenAPI page at /docs.

``GET /ask?q=…&k=…&speaker=…&doc=…&mode=…&context=…`` returns the same JSON object as
``docqa ask --json``; ``GET /speakers`` the speakers; ``GET /health`` the index's manifest figures.
The index is opened and the query encoder loaded once, at start-up.
"""

from __future__ import annotations

import threading
from typing import Any, Literal

from docqa import __version__
from docqa.errors import DocqaError
from docqa.index import Index


def create_app(index: Index):  # type: ignore[no-untyped-def]
    """The FastAPI application answering from ``index``."""
    from fastapi import FastAPI, HTTPException, Query

    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse

    app = FastAPI(title="docqa", version=__version__, description="Ask a folder of documents what was said, and by whom.")

    @app.exception_handler(RequestValidationError)
    async def one_line(_request, exc: RequestValidationError) -> JSONResponse:  # type: ignore[no-untyped-def]
        """Bad parameters are a 400 with one readable line, like every other error a user can cause."""
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ())[1:]) or "request"
        return JSONResponse(status_code=400, content={"detail": f"{where}: {first.get('msg', 'invalid')}"})
    lock = threading.Lock()  # one question at a time: the index's SQLite and FAISS objects are shared

    @app.get("/health")
    def health() -> dict[str, Any]:
        m = index.manifest
        return {"status": "ok", "docqa_version": __version__, "model": m["model"], "documents": m["documents"],
                "passages": m["passages"], "speakers": m["speakers"], "vectors": m.get("vectors")}

    @app.get("/ask")
    def ask(
        q: str = Query(..., description="The question, e.g. what did Blinken say about Turkey"),
        k: int = Query(5, ge=0, le=1000),
        speaker: str | None = Query(None, description="Only this speaker's words (any alias)"),
        doc: str | None = Query(None, description="Only documents whose path matches (glob or substring)"),
        mode: Literal["dense", "lexical", "hybrid"] | None = Query(None),
        context: int = Query(0, ge=0, le=20),
        all: bool = Query(False, description="Show all k passages, even much weaker ones (no cut-off)"),
        since: str | None = Query(None, description="Only documents dated on or after this day (YYYY-MM-DD)"),
        until: str | None = Query(None, description="Only documents dated on or before this day (YYYY-MM-DD)"),
        sort: Literal["score", "date"] = Query("score", description="Order by relevance, or by date (oldest first)"),
    ) -> dict[str, Any]:
        try:
            with lock:
                answer = index.ask(q, k=k, speaker=speaker, doc=doc, mode=mode, context=context, cutoff=not all, since=since,
                                   until=until, sort=sort)
            if answer.unknown_speaker:
                raise DocqaError(answer.notice or "unknown speaker")
            return answer.to_dict()
        except DocqaError as exc:
            raise HTTPException(status_code=400, detail=str(exc)) from None

    @app.get("/speakers")
    def speakers() -> list[dict[str, Any]]:
        with lock:
            return [s.to_dict() for s in index.speakers()]

    return app


def serve(index_dir: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Open the index, load the encoder, and serve until interrupted."""
    try:
        import fastapi  # noqa: F401
        import uvicorn
    except ImportError:
        raise DocqaError("docqa serve needs fastapi and uvicorn: pip install 'docqa[serve]'") from None
    index = Index.open(index_dir)
    index.embedder.encode(["warm up"])  # the model is loaded once, before the first request
    app = create_app(index)
    uvicorn.run(app, host=host, port=port, log_level="warning")
