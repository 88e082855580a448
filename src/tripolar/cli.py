"""The command line: a thin typer shell over the library. No business logic here.

This is the one place where library exceptions become messages and exit codes.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from tripolar import output
from tripolar.config import DEFAULT_DB, Config
from tripolar.errors import TripolarError
from tripolar.store import Store
from tripolar.workflow import IngestSummary, parse_date

app = typer.Typer(
    name="tripolar",
    help="Evidence-backed political event data (CAMEO) from news and commentary.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)


class EventFormat(StrEnum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


class CodeFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


DbOption = Annotated[Path, typer.Option("--db", help="DuckDB file to use.", show_default=True)]
DateOption = Annotated[
    str | None,
    typer.Option("--date", help="Publication date (YYYY-MM-DD) for documents that carry none."),
]
ActorsOption = Annotated[
    list[Path] | None,
    typer.Option("--actors", help="TABARI/PETRARCH actor dictionary merged over the built-in one (repeatable)."),
]
AgentsOption = Annotated[
    list[Path] | None,
    typer.Option("--agents", help="TABARI/PETRARCH agent dictionary (repeatable)."),
]


@contextmanager
def _guard() -> Iterator[None]:
    """Turn library errors into one clear line and exit status 1; no tracebacks."""
    try:
        yield
    except TripolarError as exc:
        err.print(f"[red]Error:[/red] {exc}", highlight=False)
        raise typer.Exit(1) from None
    except ValueError as exc:  # bad option values (dates) surface here
        err.print(f"[red]Error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from None


def _config(date: str | None, actors: list[Path] | None, agents: list[Path] | None) -> Config:
    return Config(
        default_date=parse_date(date),
        actor_files=tuple(actors or ()),
        agent_files=tuple(agents or ()),
    )


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or directories to read; '-' for stdin.")],
    db: DbOption = DEFAULT_DB,
    date: DateOption = None,
    actors: ActorsOption = None,
    agents: AgentsOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Read documents, code their events and store them. Re-ingesting stores nothing new."""
    from tripolar.workflow import ingest as run_ingest

    with _guard():
        config = _config(date, actors, agents)
        with Store.open(db) as store:
            summary = _with_progress(
                lambda progress: run_ingest(paths, store=store, config=config, progress=progress),
                quiet=quiet,
            )
        _print_summary(summary, db)
    if summary.read == 0 and summary.failed > 0:
        raise typer.Exit(1)


def _with_progress(job: Any, *, quiet: bool) -> IngestSummary:
    if quiet or not err.is_terminal:
        result: IngestSummary = job(None)
        return result
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("reading", total=None)

        def progress(summary: IngestSummary) -> None:
            bar.update(
                task,
                description=f"{summary.stored} stored, {summary.duplicates} duplicates, "
                f"{summary.failed} failed, {summary.events} events",
            )

        result = job(progress)
        return result


def _print_summary(summary: IngestSummary, db: Path) -> None:
    for failure in summary.failures:
        where = f"{failure.path} line {failure.line}" if failure.line else failure.path
        err.print(f"[yellow]skipped[/yellow] {where}: {failure.reason}", highlight=False)
    err.print(
        f"Documents read: {summary.read}, stored: {summary.stored}, skipped as duplicates: "
        f"{summary.duplicates}, failed: {summary.failed}; sentences: {summary.sentences}, "
        f"events: {summary.events} -> {db}",
        highlight=False,
    )


@app.command()
def code(
    text: Annotated[str | None, typer.Argument(help="A sentence or text to code.")] = None,
    input: Annotated[
        Path | None,
        typer.Option("--input", "-i", help="JSONL file of {id, text, date} records; '-' for stdin."),
    ] = None,
    date: DateOption = None,
    fmt: Annotated[CodeFormat, typer.Option("--format", "-f", help="Output format.")] = CodeFormat.table,
    actors: ActorsOption = None,
    agents: AgentsOption = None,
) -> None:
    """Code text without storing it and print each event with the rule that fired."""
    from tripolar.pipeline import Pipeline

    if (text is None) == (input is None):
        err.print("[red]Error:[/red] give either TEXT or --input FILE")
        raise typer.Exit(2)
    with _guard():
        config = _config(date, actors, agents)
        pipe = Pipeline(config)
        records: list[dict[str, Any]] = []
        for record_id, record_text, record_date in _code_inputs(text, input, config):
            coded = pipe.code_text(record_text, record_date or config.default_date)
            for event in coded.events:
                row = output.event_record(event)
                if record_id is not None:
                    row = {"id": record_id, **row}
                records.append(row)
        if fmt is CodeFormat.jsonl:
            output.write_jsonl(records, sys.stdout)
        elif records:
            output.render_table(records, out)
        else:
            err.print("no events found")


def _code_inputs(
    text: str | None, path: Path | None, config: Config
) -> Iterator[tuple[str | None, str, Any]]:
    if text is not None:
        yield None, text, config.default_date
        return
    assert path is not None
    stream = sys.stdin if str(path) == "-" else path.open(encoding="utf-8")
    with stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                record_text = record["text"]
                record_date = parse_date(record.get("date"))
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                err.print(f"[yellow]skipped[/yellow] {path} line {number}: {exc!r}")
                continue
            yield str(record.get("id", number)), record_text, record_date


@app.command()
def events(
    db: DbOption = DEFAULT_DB,
    dyad: Annotated[str | None, typer.Option(help="Country dyad, both directions, e.g. CHN-RUS.")] = None,
    since: Annotated[str | None, typer.Option(help="First event date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Last event date (YYYY-MM-DD).")] = None,
    code_prefix: Annotated[
        str | None, typer.Option("--code", help="CAMEO code or prefix, e.g. 04 or 042.")
    ] = None,
    fmt: Annotated[EventFormat, typer.Option("--format", "-f", help="Output format.")] = EventFormat.table,
    limit: Annotated[int | None, typer.Option(help="Print at most this many events.")] = None,
) -> None:
    """List stored events with their evidence sentences."""
    with _guard(), Store.open(db, read_only=True) as store:
        frame = store.events(
            dyad=dyad, since=parse_date(since), until=parse_date(until), code=code_prefix
        )
    if limit is not None:
        frame = frame.head(limit)
    if fmt is EventFormat.csv:
        frame.to_csv(sys.stdout, index=False)
    elif fmt is EventFormat.jsonl:
        output.write_jsonl(output.frame_records(frame), sys.stdout)
    else:
        output.render_table(list(output.frame_records(frame)), out, title=f"{len(frame)} events")


@app.command()
def status(db: DbOption = DEFAULT_DB) -> None:
    """Counts of what the database holds, and the files that failed to ingest."""
    with _guard(), Store.open(db, read_only=True) as store:
        counts = store.counts()
        failures = store.failures()
    out.print(
        f"{db}: {counts['documents']} documents, {counts['sentences']} sentences, "
        f"{counts['events']} events, {counts['failures']} failures",
        highlight=False,
    )
    for row in output.frame_records(failures):
        where = f"{row['path']} line {row['line']}" if row["line"] else row["path"]
        out.print(f"  failed {where}: {row['reason']}", highlight=False)


@app.command()
def demo(
    db: DbOption = Path("demo.duckdb"),
    report: Annotated[Path, typer.Option(help="Where to write the HTML report.")] = Path("report.html"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Ingest the bundled demo corpus, print the dyad summary and write the report."""
    from tripolar.analytics.summary import dyad_summary
    from tripolar.demo import corpus_path
    from tripolar.report import render_report
    from tripolar.workflow import ingest as run_ingest

    with _guard():
        with Store.open(db) as store:
            summary = _with_progress(
                lambda progress: run_ingest([corpus_path()], store=store, progress=progress),
                quiet=quiet,
            )
            _print_summary(summary, db)
            table = dyad_summary(store)
            render_report(store, report)
        records = list(output.frame_records(table))
        output.render_table(
            records, out, columns=tuple(table.columns), title="Dyads in the demo corpus"
        )
        out.print(f"Report written to {report}", highlight=False)


def main() -> None:
    app()
