"""The ``docqa`` command: a thin click layer over ``docqa.Index``.

Heavy modules (FAISS, the model) are imported inside the commands that need them, so ``docqa --help``,
``docqa speakers`` and ``docqa passages`` start fast.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from typing import Any

import click

from docqa import __version__
from docqa.errors import DocqaError


def shown(location: str) -> str:
    from docqa.storage import shown as shown_location

    return shown_location(location)


INDEX_OPTION = click.option(
    "--index", "index_dir", default="index", show_default=True, envvar="DOCQA_INDEX",
    type=click.Path(file_okay=False),
    help="Index folder, or a Milvus location: milvus-lite:FILE.db, milvus://HOST:PORT/COLLECTION (env DOCQA_INDEX).",
)


class _Group(click.Group):
    """Turns every error a user can cause (DocqaError, a bad option, an OS error) into one line on stderr
    and exit status 1; --debug shows tracebacks.  A closed pipe (`docqa passages | head`) ends quietly."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            if ctx.meta.get("docqa.debug"):
                raise
            command = f" {exc.ctx.info_name}" if exc.ctx is not None and exc.ctx.info_name != ctx.info_name else ""
            click.echo(f"docqa: error: {exc.format_message()} (see `docqa{command} --help`)", err=True)
            ctx.exit(1)
        except DocqaError as exc:
            if ctx.meta.get("docqa.debug"):
                raise
            click.echo(f"docqa: error: {exc}", err=True)
            ctx.exit(1)
        except BrokenPipeError:  # the reader has gone (`| head`): nothing more to say, and nothing went wrong
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # so the final flush does not fail again
            ctx.exit(0)
        except (OSError, MemoryError) as exc:
            if ctx.meta.get("docqa.debug"):
                raise
            click.echo(f"docqa: error: {exc}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("docqa: interrupted", err=True)
            ctx.exit(130)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="docqa")
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Ask a folder of documents what was said, and by whom.

    \b
      docqa index seeds/
      docqa ask "what did Blinken say about Turkey"
    """
    ctx.meta["docqa.debug"] = debug


@main.command("index")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@INDEX_OPTION
@click.option("--model", default=None, help="sentence-transformers model name or path [default: the packaged all-MiniLM-L6-v2].")
@click.option("--vectors", "vector_index", type=click.Choice(["auto", "flat", "hnsw"]), default="auto", show_default=True,
              help="Exact (flat) or approximate (HNSW) vector search; auto: flat up to 100,000 passages.")
@click.option("--backend", type=click.Choice(["onnx", "torch", "onnx-int8"]), default="onnx", show_default=True,
              help="Embed with the model exported to ONNX, with sentence-transformers (torch), or int8-quantised ONNX.")
@click.option("--max-size", "max_size", default=20.0, show_default=True, type=click.FloatRange(min=0),
              help="Skip files larger than this many MB (0: no limit).")
@click.option("--full", is_flag=True, help="Embed everything again (by default only new or changed passages are).")
@click.option("--ray", "ray", is_flag=False, flag_value="auto", default=None, metavar="[ADDRESS]",
              help="Embed on Ray (docqa[scale]): alone, a local runtime; with an address, that cluster.")
@click.option("--ray-workers", default=2, show_default=True, type=click.IntRange(min=1), help="Encoder actors on Ray.")
@click.option("-q", "--quiet", is_flag=True, help="No progress messages.")
@click.option("-v", "--verbose", is_flag=True, help="List each file passed over because docqa cannot read its type.")
def index_command(paths: tuple[str, ...], index_dir: str, model: str | None, vector_index: str, backend: str, max_size: float,
                  full: bool, ray: str | None, ray_workers: int, quiet: bool, verbose: bool) -> None:
    """Build an index of the documents under PATHS.

    PATHS are files or folders (recursive): .txt .md .pdf .docx .html .vtt .srt .json .eml .mbox.
    """
    from docqa.index import Index

    def progress(message: str) -> None:
        if not quiet:
            click.echo(f"docqa: {message}", err=True)

    def warn(path: str, reason: str) -> None:
        click.echo(f"docqa: warning: skipped {path}: {reason}", err=True)

    built = Index.build(list(paths), index_dir, model=model, on_warning=warn, on_progress=progress, vector_index=vector_index,
                        backend=backend, max_bytes=int(max_size * 1e6) if max_size else None, full=full, ray=ray,
                        ray_workers=ray_workers,
                        progress_bar=not quiet and sys.stderr.isatty())
    from docqa.ingest.analyse import Skipped

    summary = Skipped(built.skipped).summary()
    if summary:
        click.echo(f"docqa: {summary}{'' if verbose else '; --verbose lists them'}", err=True)
        if verbose:
            for file in built.skipped:
                click.echo(f"docqa:   {file}", err=True)
    m, c = built.manifest, built.changes
    if c.get("up_to_date"):
        click.echo(f"{shown(index_dir)} is up to date: {m['documents']} documents, {m['passages']} passages, "
                   f"{m['speakers']} speakers, none changed (checked in {m['build_seconds']:.1f}s)")
        return
    click.echo(
        f"indexed {m['documents']} documents, {m['passages']} passages, {m['speakers']} speakers "
        f"into {shown(index_dir)} in {m['build_seconds']:.1f}s\n"
        f"added {c['added']}, updated {c['updated']}, removed {c['removed']}, unchanged {c['unchanged']} "
        f"({c['embedded']} passages embedded)"
    )


@main.group("cache", short_help="The build cache: analyses and vectors kept between builds.")
def cache_group() -> None:
    """The build cache: documents' analyses and passages' vectors kept between builds."""


def _open_cache(path: Any) -> Any:
    """The build cache at ``path``; a file that is not one is one line, not a traceback."""
    import sqlite3

    from docqa.ingest.cache import BuildCache

    try:
        return BuildCache(path)
    except (OSError, sqlite3.Error) as exc:
        raise DocqaError(f"the build cache {path} cannot be read ({exc}): delete the file, or set DOCQA_BUILD_CACHE") from None


@cache_group.command("info")
def cache_info() -> None:
    """Where the build cache is, and what it holds."""
    from docqa.ingest.cache import default_path, limit_bytes

    path = default_path()
    if path is None:
        click.echo("the build cache is off (DOCQA_BUILD_CACHE)")
        return
    if not path.exists():
        click.echo(f"{path}: empty (bounded at {limit_bytes() / 1e6:,.0f} MB)")
        return
    cache = _open_cache(path)
    size = cache.size()
    cache.close()
    click.echo(f"{path}: {size['analyses']:,} document analyses, {size['vectors']:,} vectors, "
               f"{size['bytes'] / 1e6:,.1f} MB (bounded at {limit_bytes() / 1e6:,.0f} MB)")


@cache_group.command("clear")
def cache_clear() -> None:
    """Empty the build cache (the next build of a changed folder reads and embeds everything again)."""
    from docqa.ingest.cache import default_path

    path = default_path()
    if path is None or not path.exists():
        click.echo("the build cache is empty")
        return
    cache = _open_cache(path)
    cache.clear()
    cache.close()
    click.echo(f"cleared {path}")


def _questions(questions: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for question in questions:
        if question == "-":
            out.extend(line.strip() for line in sys.stdin if line.strip())
        else:
            out.append(question)
    return out


def _option_help(name: str) -> str:
    """An ask option's help text, with its limits, as ``AskRequest`` declares them."""
    from docqa.search.request import AskRequest

    option = next(o for o in AskRequest.options() if o["name"] == name)
    limits = f" ({option['limits'][0]:,} to {option['limits'][1]:,})" if "limits" in option else ""
    return option["help"] + limits + "."


def _request_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options of a question, declared (defaults, limits, choices) by ``AskRequest``: here only their flags."""
    from docqa.search.request import MODES, SORTS, AskRequest

    options = [
        click.option("-k", "k", type=int, default=AskRequest.default("k"), show_default=True, help=_option_help("k")),
        click.option("--speaker", default=None, help=_option_help("speaker")),
        click.option("--doc", default=None, help=_option_help("doc")),
        click.option("--mode", type=click.Choice(MODES), default=None,
                     help=_option_help("mode") + f" [default: {AskRequest.default('mode')}]"),
        click.option("--context", "context", type=int, default=AskRequest.default("context"), help=_option_help("context")),
        click.option("--since", default=None, metavar="YYYY-MM-DD", help=_option_help("since")),
        click.option("--until", default=None, metavar="YYYY-MM-DD", help=_option_help("until")),
        click.option("--sort", type=click.Choice(SORTS), default=AskRequest.default("sort"), show_default=True,
                     help=_option_help("sort")),
        click.option("--all", "show_all", is_flag=True, help="Show all k passages, even much weaker ones (no cut-off)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@main.command("ask")
@click.argument("questions", nargs=-1, required=True)
@INDEX_OPTION
@_request_options
@click.option("--json", "as_json", is_flag=True, help="One JSON object per question (JSON Lines).")
@click.option("--model", default=None, help="Must match the model the index was built with.")
def ask_command(questions: tuple[str, ...], index_dir: str, k: int, speaker: str | None, doc: str | None,
                mode: str | None, context: int, since: str | None, until: str | None, sort: str, show_all: bool, as_json: bool,
                model: str | None) -> None:
    """Answer QUESTIONS ("-" reads one question a line from stdin)."""
    from docqa import render
    from docqa.index import Index
    from docqa.search.request import DEFAULT_MODE, AskRequest

    asked = _questions(questions)
    if not asked:
        raise DocqaError("no question given")
    requests = [AskRequest(question, k=k, speaker=speaker, doc=doc, mode=mode or DEFAULT_MODE, context=context, since=since,
                           until=until, sort=sort, cutoff=not show_all) for question in asked]
    unknown = []
    with Index.open(index_dir, model=model) as index:
        for request in requests:
            answer = index.ask(request)
            _emit(answer, as_json, render.answer)
            if answer.unknown_speaker:
                unknown.append(answer.notice)
    if unknown:  # an unknown speaker is an error, whether named in the question or with --speaker
        several = f"{len(unknown)} questions name speakers not in this index"
        raise DocqaError(unknown[0].rstrip(".") if len(unknown) == 1 else several)


@main.command("check", short_help="Check QUOTE: was it said, by whom, and what was changed.")
@click.argument("quote")
@INDEX_OPTION
@click.option("--speaker", default=None, help="The person the quote is attributed to (any name, label, title or role).")
@click.option("--doc", default=None, help="Only documents whose path matches (path, glob or substring).")
@click.option("--since", default=None, metavar="YYYY-MM-DD", help="Only documents dated on or after this day.")
@click.option("--until", default=None, metavar="YYYY-MM-DD", help="Only documents dated on or before this day.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object: verdict, speaker, claimed, evidence.")
@click.option("--model", default=None, help="Must match the model the index was built with.")
def check_command(quote: str, index_dir: str, speaker: str | None, doc: str | None, since: str | None, until: str | None,
                  as_json: bool, model: str | None) -> None:
    """Check QUOTE: were these words said, by whom (--speaker), and what was changed.

    The verdict is one of: said, said_by_other, altered, pieced, reported, not_found.
    """
    from docqa import render
    from docqa.index import Index
    from docqa.search.check import CheckRequest

    request = CheckRequest(quote, speaker, doc, since, until)  # a bad quote or filter fails before the index opens
    with Index.open(index_dir, model=model) as index:
        _emit(index.check(request), as_json, render.check)


@main.command("speakers")
@INDEX_OPTION
@click.option("--json", "as_json", is_flag=True, help="One JSON object per speaker.")
def speakers_command(index_dir: str, as_json: bool) -> None:
    """Who speaks in the corpus, with aliases and passage counts."""
    from docqa import render
    from docqa.index import Index

    with Index.open(index_dir) as index:
        items = index.speakers()
        if as_json:
            for item in items:
                _emit(item, True, str)
        else:
            click.echo(render.speakers(items))


@main.command("passages")
@INDEX_OPTION
@click.option("--doc", default=None, help="Only documents whose path matches (path, glob or substring).")
@click.option("--speaker", default=None, help="Only this speaker's passages.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per passage.")
def passages_command(index_dir: str, doc: str | None, speaker: str | None, as_json: bool) -> None:
    """What was attributed to whom, passage by passage.

    Each passage with its speaker, how the speaker was found, and offsets into the document's text.
    """
    from docqa import render
    from docqa.index import Index

    with Index.open(index_dir) as index:
        for item in index.passages(doc=doc, speaker=speaker):
            _emit(item, as_json, render.passage)


@main.command("timeline")
@click.argument("question")
@INDEX_OPTION
@click.option("-k", "k", default=200, show_default=True, type=int,
              help="Passages searched" + _option_help("k")[len("Number of passages to show"):])
@click.option("--speaker", default=None, help="Only this speaker's words (any name, label, title or role).")
@click.option("--doc", default=None, help="Only documents whose path matches (glob or substring).")
@click.option("--since", default=None, metavar="YYYY-MM-DD", help="Only documents dated on or after this day.")
@click.option("--until", default=None, metavar="YYYY-MM-DD", help="Only documents dated on or before this day.")
@click.option("--png", "png", default=None, type=click.Path(dir_okay=False), help="Also draw the chart to this PNG file.")
@click.option("--json", "as_json", is_flag=True, help="The counts as one JSON object.")
def timeline_command(question: str, index_dir: str, k: int, speaker: str | None, doc: str | None, since: str | None,
                     until: str | None, png: str | None, as_json: bool) -> None:
    """When a speaker talked about a topic: relevant passages per month.

    For example: docqa timeline "what did Psaki say about vaccines"
    """
    from docqa.index import Index

    with Index.open(index_dir) as index:
        timeline = index.timeline(question, k=k, speaker=speaker, doc=doc, since=since, until=until)
    if png:
        timeline.png(png)
    if as_json:
        click.echo(json.dumps(timeline.to_dict(), ensure_ascii=False))
    else:
        who = timeline.speaker or "everyone"
        click.echo(click.style(f"{who} on {timeline.topic}: relevant passages per month", bold=True))
        if timeline.notice:
            click.echo(click.style(f"note: {timeline.notice}", fg="yellow"))
        click.echo(timeline.bars())


@main.command("show")
@click.argument("where")
@INDEX_OPTION
def show_command(where: str, index_dir: str) -> None:
    """Print a document's text as docqa indexed it, or a part of it.

    WHERE is DOC or DOC:START-END (the offsets of a result or passage).
    """
    import re

    from docqa.index import Index

    match = re.fullmatch(r"(?P<doc>.+?):(?P<start>\d+)-(?P<end>\d+)", where)
    doc = match.group("doc") if match else where
    with Index.open(index_dir) as index:
        text = index.text(doc)
    if match:
        start, end = int(match.group("start")), int(match.group("end"))
        if not 0 <= start <= end <= len(text):
            raise DocqaError(f"{start}-{end} is outside {doc} (0-{len(text)})")
        text = text[start:end]
    click.echo(text)


@main.command("eval")
@click.argument("dataset", type=click.Path(exists=True))
@click.option("--index", "index_dir", default=None, type=click.Path(file_okay=False),
              help="Index to evaluate (questions file: default index/; BEIR folder: a cached index built from its corpus).")
@click.option("--mode", "modes", multiple=True, type=click.Choice(["dense", "lexical", "hybrid"]),
              help="Modes to compare [default: all].")
@click.option("--split", default="test", show_default=True, help="BEIR qrels split.")
@click.option("--model", default=None, help="Model for building a BEIR index.")
@click.option("--backend", type=click.Choice(["onnx", "torch", "onnx-int8"]), default="onnx", show_default=True,
              help="Embedding backend for building a dataset's index.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object: dataset, queries, modes -> metrics.")
def eval_command(dataset: str, index_dir: str | None, modes: tuple[str, ...], split: str, model: str | None, backend: str,
                 as_json: bool) -> None:
    """Measure retrieval on DATASET.

    DATASET is a questions file (JSON Lines), a BEIR folder or a QMSum split.
    """
    from pathlib import Path

    from docqa import evaluation
    from docqa.index import MODES, Index

    path = Path(dataset)
    chosen = tuple(modes) or MODES
    from docqa.evaluation import qmsum

    if qmsum.is_qmsum(path):
        index = qmsum.qmsum_index(path, Path(index_dir) if index_dir else None, model,
                                  lambda message: click.echo(f"docqa: {message}", err=True), backend=backend)
        for mode in tuple(modes) or ("hybrid",):
            result = qmsum.evaluate_qmsum(path, index, mode=mode)
            click.echo(json.dumps(result) if as_json else qmsum.table(result) + "\n")
        return
    if evaluation.is_beir(path):
        index = evaluation.beir_index(path, Path(index_dir) if index_dir else None, model,
                                      lambda message: click.echo(f"docqa: {message}", err=True), backend=backend)
        report = evaluation.evaluate_beir(path, index, split=split, modes=chosen)
    else:
        with Index.open(index_dir or "index", model=model) as index:
            report = evaluation.evaluate_questions(path, index, modes=chosen)
    click.echo(json.dumps(report.to_dict()) if as_json else report.table())


@main.command("serve")
@INDEX_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (127.0.0.1: this machine only).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--token", default=None, envvar="DOCQA_TOKEN", help="Bearer token every request must present (env DOCQA_TOKEN).")
@click.option("--workers", default=4, show_default=True, type=click.IntRange(1, 64), help="Readers answering in parallel.")
@click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="NAME",
              help="Without a token, also answer requests addressed to NAME (besides localhost and 127.0.0.1).")
def serve_command(index_dir: str, host: str, port: int, token: str | None, workers: int, allowed_hosts: tuple[str, ...]) -> None:
    """Serve the search page and the JSON API over HTTP."""
    from docqa import server

    server.check_binding(host, token)
    server.serve(shown(index_dir), host=host, port=port, token=token, workers=workers, allowed_hosts=allowed_hosts,
                 announce=lambda message: click.echo(f"docqa: {message}", err=True))


@main.command("mcp")
@INDEX_OPTION
def mcp_command(index_dir: str) -> None:
    """Serve the index to AI assistants (MCP, stdio)."""
    from docqa import mcp_server

    mcp_server.run(index_dir)


def _emit(record: Any, as_json: bool, human: Callable[[Any], str]) -> None:
    """One record: a JSON line (its ``to_dict()``), or ``human(record)`` for a terminal."""
    click.echo(json.dumps(record.to_dict(), ensure_ascii=False) if as_json else human(record))
