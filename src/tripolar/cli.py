"""The command line: a thin typer shell over the library. No business logic here.

This is the one place where library exceptions become messages and exit codes.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
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
# Piped output is not squeezed into 80 columns: tables stay readable in files and logs.
out = Console(width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, width=None if sys.stderr.isatty() else 160)


class EventFormat(StrEnum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"
    gdelt = "gdelt"
    plover = "plover"


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
    typer.Option(
        "--actors",
        help="TABARI/PETRARCH actor dictionary merged over the built-in one (repeatable).",
    ),
]
SinceOption = Annotated[
    str | None, typer.Option(help="First date (YYYY-MM-DD): event date, or publication date.")
]
UntilOption = Annotated[str | None, typer.Option(help="Last date (YYYY-MM-DD), inclusive.")]
DatasetOption = Annotated[
    str,
    typer.Option(
        "--dataset", help="Whose events: tripolar (its own coding) or an imported dataset."
    ),
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


def _config(
    date: str | None,
    actors: list[Path] | None,
    agents: list[Path] | None,
    max_bytes: int | None = None,
) -> Config:
    config = Config(
        default_date=parse_date(date),
        actor_files=tuple(actors or ()),
        agent_files=tuple(agents or ()),
    )
    return replace(config, max_bytes=max_bytes) if max_bytes else config


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files or directories to read; '-' for stdin.")
    ],
    db: DbOption = DEFAULT_DB,
    date: DateOption = None,
    actors: ActorsOption = None,
    agents: AgentsOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    max_bytes: Annotated[
        int | None,
        typer.Option(
            "--max-bytes", help="Refuse single-document files larger than this (default 50 MB)."
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers", min=1, help="Code on N local worker processes (a local Dask cluster)."
        ),
    ] = 1,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            help="Code on Dask workers: local:N, or a running scheduler tcp://HOST:PORT.",
        ),
    ] = None,
) -> None:
    """Read documents, code their events and store them. Re-ingesting stores nothing new."""
    from tripolar.workflow import ingest as run_ingest

    with _guard():
        config = _config(date, actors, agents, max_bytes)
        with Store.open(db) as store:
            summary = _with_progress(
                lambda progress: run_ingest(
                    paths,
                    store=store,
                    config=config,
                    progress=progress,
                    workers=workers,
                    dask=dask,
                ),
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
        typer.Option(
            "--input", "-i", help="JSONL file of {id, text, date} records; '-' for stdin."
        ),
    ] = None,
    date: DateOption = None,
    fmt: Annotated[
        CodeFormat, typer.Option("--format", "-f", help="Output format.")
    ] = CodeFormat.table,
    actors: ActorsOption = None,
    agents: AgentsOption = None,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="Show actor spans and codes, the matching patterns, what was rejected and why.",
        ),
    ] = False,
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
            if explain:
                _print_explanation(pipe.explain_text(record_text, record_date), record_id)
                continue
            coded = pipe.code_text(record_text, record_date or config.default_date)
            for event in coded.events:
                row = output.event_record(event)
                if record_id is not None:
                    row = {"id": record_id, **row}
                records.append(row)
        if explain:
            return
        if fmt is CodeFormat.jsonl:
            output.write_jsonl(records, sys.stdout)
        elif records:
            output.render_table(records, out)
        else:
            err.print("no events found")


def _print_explanation(explanation: Any, record_id: str | None) -> None:
    coded = explanation.coded
    text = coded.document.text
    if record_id is not None:
        out.print(f"[bold]record {record_id}[/bold]")
    out.print("[bold]Actors[/bold]")
    for m in coded.mentions:
        out.print(
            f"  {m.start}-{m.end} {text[m.start : m.end]!r} -> {', '.join(m.codes)} "
            f"({m.kind}; entry {m.entry!r})",
            highlight=False,
        )
    out.print("[bold]Events[/bold]")
    for e in coded.events:
        trigger = text[e.trigger_start : e.trigger_end] if e.trigger_start >= 0 else ""
        out.print(
            f"  {e.source} -> {e.target} {e.code} (goldstein {e.goldstein}, quad {e.quad_class}) "
            f"on {e.event_date} ({e.date_basis}) trigger {trigger!r} rule {e.rule}",
            highlight=False,
        )
    out.print("[bold]Rejected[/bold]")
    for r in explanation.rejections:
        out.print(f"  {r.trigger!r} ({r.rule}): {r.reason}", highlight=False)
    if not explanation.rejections:
        out.print("  nothing")


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
    dyad: Annotated[
        str | None, typer.Option(help="Country dyad, both directions, e.g. CHN-RUS.")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    code_prefix: Annotated[
        str | None, typer.Option("--code", help="CAMEO code or prefix, e.g. 04 or 042.")
    ] = None,
    fmt: Annotated[
        EventFormat, typer.Option("--format", "-f", help="Output format.")
    ] = EventFormat.table,
    limit: Annotated[int | None, typer.Option(help="Print at most this many events.")] = None,
    dataset: DatasetOption = "tripolar",
    output_path: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (needed for parquet).")
    ] = None,
) -> None:
    """List stored events with their evidence sentences (or write them as Parquet, GDELT 2.0
    or PLOVER rows)."""
    from tripolar.interchange.exporter import write_events, write_parquet

    if fmt is EventFormat.parquet and output_path is None:
        err.print("[red]Error:[/red] --format parquet needs --output FILE", highlight=False)
        raise typer.Exit(2)
    with _guard(), Store.open(db, read_only=True) as store:
        frame = store.events(
            dyad=dyad, since=parse_date(since), until=parse_date(until), code=code_prefix,
            dataset=dataset,
        )  # fmt: skip
        if limit is not None:
            frame = frame.head(limit)
        if fmt is EventFormat.parquet:
            write_parquet(store, frame, str(output_path))
            err.print(f"{len(frame)} events written to {output_path}", highlight=False)
            return
    if fmt in (EventFormat.gdelt, EventFormat.plover):
        with _output(output_path) as stream:
            _, skipped = write_events(frame, fmt.value, stream)
        if skipped:
            reason = "undated" if fmt is EventFormat.gdelt else "undated, or CAMEO 01/02"
            err.print(f"{skipped} events have no {fmt.value} row ({reason})", highlight=False)
        return
    if fmt is EventFormat.csv:
        frame.to_csv(sys.stdout, index=False)
    elif fmt is EventFormat.jsonl:
        output.write_jsonl(output.frame_records(frame), sys.stdout)
    else:
        output.render_table(list(output.frame_records(frame)), out, title=f"{len(frame)} events")


@contextmanager
def _output(path: Path | None) -> Iterator[Any]:
    if path is None:
        yield sys.stdout
        return
    try:
        handle = path.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        err.print(f"[red]Error:[/red] cannot write {path}: {exc}", highlight=False)
        raise typer.Exit(1) from None
    with handle:
        yield handle


class TableFormat(StrEnum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


def _print_frame(
    frame: Any, fmt: TableFormat, *, title: str, columns: tuple[str, ...] | None = None
) -> None:
    if fmt is TableFormat.csv:
        frame.to_csv(sys.stdout, index=False)
    elif fmt is TableFormat.jsonl:
        output.write_jsonl(output.frame_records(frame), sys.stdout)
    else:
        shown = columns or tuple(frame.columns)
        output.render_table(list(output.frame_records(frame)), out, columns=shown, title=title)


def _codes(value: str) -> list[str]:
    return [part.strip().upper() for part in value.split(",") if part.strip()]


FreqOption = Annotated[str, typer.Option("--freq", help="week, month, quarter or year.")]


@app.command()
def relations(
    db: DbOption = DEFAULT_DB,
    actors: Annotated[str, typer.Option(help="Comma-separated country codes.")] = "CHN,RUS,USA",
    freq: FreqOption = "month",
    directed: Annotated[
        bool, typer.Option(help="Directed dyads (CHN->RUS) instead of undirected.")
    ] = False,
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: Annotated[
        TableFormat, typer.Option("--format", "-f", help="Output format.")
    ] = TableFormat.table,
    dataset: DatasetOption = "tripolar",
) -> None:
    """Dyad series per period: counts by quad class, Goldstein, net cooperation, relation index."""
    from tripolar.api import Database

    with _guard(), Store.open(db, read_only=True) as store:
        frame = Database(store).relations(
            actors=_codes(actors), freq=freq, directed=directed, since=since, until=until,
            dataset=dataset,
        )  # fmt: skip
    if fmt is TableFormat.table:
        frame = frame[frame["n_events"] > 0]
    columns = ("dyad", "period_label", "n_events", "goldstein_sum", "goldstein_mean", "net_coop",
               "relation_index", "relation_band")  # fmt: skip
    _print_frame(frame, fmt, title=f"Relations by {freq}", columns=columns)


@app.command()
def triangle(
    a: Annotated[str, typer.Argument(help="First actor.")] = "CHN",
    b: Annotated[str, typer.Argument(help="Second actor.")] = "RUS",
    c: Annotated[str, typer.Argument(help="Third actor.")] = "USA",
    db: DbOption = DEFAULT_DB,
    freq: FreqOption = "quarter",
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: Annotated[
        TableFormat, typer.Option("--format", "-f", help="Output format.")
    ] = TableFormat.table,
    dataset: DatasetOption = "tripolar",
) -> None:
    """Dittmer's strategic triangle per period: signs of the three dyads, type, pivot, balance."""
    from tripolar.api import Database

    with _guard(), Store.open(db, read_only=True) as store:
        frame = Database(store).triangle(
            a.upper(), b.upper(), c.upper(), freq=freq, since=since, until=until,
            dataset=dataset,
        )  # fmt: skip
    sides = tuple(col for col in frame.columns if col.startswith("sign_"))
    columns = ("period_label", *sides, "type_label", "pivot", "outcast", "balance")
    _print_frame(frame, fmt, title=f"Triangle {a}-{b}-{c} by {freq}", columns=columns)


@app.command()
def report(
    db: DbOption = DEFAULT_DB,
    output_path: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")] = Path(
        "report.html"
    ),
    actors: Annotated[
        str, typer.Option(help="Comma-separated country codes; the first three form the triangle.")
    ] = "CHN,RUS,USA",
    since: SinceOption = None,
    until: UntilOption = None,
    title: Annotated[str | None, typer.Option(help="Report title.")] = None,
    dataset: DatasetOption = "tripolar",
    compare: Annotated[
        str | None,
        typer.Option(help="Another dataset to set beside it, e.g. gdelt2 (correlations, gaps)."),
    ] = None,
) -> None:
    """Write one self-contained HTML report (charts, triangle, network, evidence); opens offline."""
    from tripolar.report import render_report

    with _guard(), Store.open(db, read_only=True) as store:
        path = render_report(
            store.scoped(dataset), output_path, actors=_codes(actors),
            since=parse_date(since), until=parse_date(until), title=title, compare=compare,
        )  # fmt: skip
    out.print(f"Report written to {path}", highlight=False)


@app.command()
def assessments(
    db: DbOption = DEFAULT_DB,
    dyad: Annotated[
        str | None, typer.Option(help="Country pair, e.g. CHN-RUS (triads containing it too).")
    ] = None,
    holder: Annotated[
        str | None, typer.Option(help="Whose view: words or actor code, e.g. 'scholar', RUSGOV.")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: Annotated[
        TableFormat, typer.Option("--format", "-f", help="Output format.")
    ] = TableFormat.table,
) -> None:
    """Judgements about relationships stated in commentary, kept apart from events."""
    with _guard(), Store.open(db, read_only=True) as store:
        frame = store.assessments(
            dyad=dyad, holder=holder, since=parse_date(since), until=parse_date(until)
        )
    columns = ("published", "subject", "polarity", "dimension", "time_orientation", "modality",
               "holder", "sentence")  # fmt: skip
    _print_frame(frame, fmt, title=f"{len(frame)} assessments", columns=columns)


class ImportFormat(StrEnum):
    gdelt1 = "gdelt1"
    gdelt2 = "gdelt2"
    icews = "icews"
    polecat = "polecat"
    phoenix = "phoenix"
    tripolar = "tripolar"


@app.command("import")
def import_(
    paths: Annotated[
        list[str],
        typer.Argument(help="Event files (plain, .gz, .bz2, .zip, .zst) or folders; '-' = stdin."),
    ],
    fmt: Annotated[
        ImportFormat,
        typer.Option("--format", "-f", help="Their format (tripolar: a `tripolar export` folder)."),
    ],
    db: DbOption = DEFAULT_DB,
    dataset: Annotated[
        str | None, typer.Option("--dataset", help="Dataset name (default: the format's).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress line.")] = False,
) -> None:
    """Import another project's event data (GDELT, ICEWS, POLECAT, Phoenix) as its own dataset.
    Importing the same file again stores nothing; an interrupted import resumes."""
    from tripolar.interchange import import_events, import_store

    with _guard(), Store.open(db) as store:
        if fmt is ImportFormat.tripolar:
            for path in paths:
                added = import_store(store, path)
                shown = ", ".join(f"{k} {v}" for k, v in added.items())
                out.print(f"{path}: rows added: {shown} -> {db}", highlight=False)
            return
        name = dataset or fmt.value
        with Progress(
            SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
            console=err, transient=True, disable=quiet or not err.is_terminal,
        ) as bar:  # fmt: skip
            task = bar.add_task("importing", total=None)
            summary = import_events(
                paths, store=store, format=fmt.value, dataset=name,
                progress=lambda done: bar.update(
                    task, description=f"{done.stored:,} events stored, {done.failed:,} bad rows"
                ),
            )  # fmt: skip
        for failure in summary.failures[:20]:
            where = f"{failure.path} line {failure.line}" if failure.line else failure.path
            err.print(f"[yellow]skipped[/yellow] {where}: {failure.reason}", highlight=False)
        if len(summary.failures) > 20:
            err.print(f"... {len(summary.failures) - 20} more: tripolar status", highlight=False)
        out.print(summary.line(name) + f" -> {db}", highlight=False)
    if summary.files == 0 and summary.files_skipped == 0:
        raise typer.Exit(1)


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"


@app.command()
def export(
    directory: Annotated[Path, typer.Argument(help="Folder to write one file per table into.")],
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="File format.")
    ] = ExportFormat.parquet,
) -> None:
    """Copy the whole store (every table) to Parquet or CSV files; `import --format tripolar`
    reads a Parquet export back."""
    from tripolar.interchange import export_store

    with _guard(), Store.open(db, read_only=True) as store:
        written = export_store(store, directory, fmt.value)
    out.print(f"{len(written)} tables written to {directory}", highlight=False)


@app.command()
def status(db: DbOption = DEFAULT_DB) -> None:
    """Counts of what the database holds, and the files that failed to ingest."""
    with _guard(), Store.open(db, read_only=True) as store:
        counts = store.counts()
        failures = store.failures()
        datasets = store.datasets()
    out.print(
        f"{db}: {counts['documents']} documents, {counts['sentences']} sentences, "
        f"{counts['events']} events, {counts['failures']} failures",
        highlight=False,
    )
    for row in output.frame_records(datasets):
        out.print(
            f"  dataset {row['dataset']}: {row['events']} events, "
            f"{str(row['first'])[:10]} - {str(row['last'])[:10]}",
            highlight=False,
        )
    for row in output.frame_records(failures):
        where = f"{row['path']} line {row['line']}" if row["line"] else row["path"]
        out.print(f"  failed {where}: {row['reason']}", highlight=False)


@app.command()
def demo(
    db: DbOption = Path("demo.duckdb"),
    report: Annotated[Path, typer.Option(help="Where to write the HTML report.")] = Path(
        "report.html"
    ),
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
            # the demo articles cover 2014-2022; earlier dates are background history
            render_report(store, report, since=dt.date(2014, 1, 1), title="tripolar demo corpus")
        records = list(output.frame_records(table))
        output.render_table(
            records, out, columns=tuple(table.columns), title="Dyads in the demo corpus"
        )
        out.print(f"Report written to {report}", highlight=False)


def main() -> None:
    app()
