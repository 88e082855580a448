"""The command line: a thin typer shell over the library. No business logic here.

This is the one place where library exceptions become messages and exit codes.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from typer.core import TyperCommand, TyperGroup
from typer.models import CommandFunctionType

from tripolar import __version__, output
from tripolar.config import DB_ENV, DEFAULT_DB, Config, parse_date
from tripolar.errors import ConfigError, DatabaseNotFoundError, IngestInterrupted, TripolarError
from tripolar.model import Failure
from tripolar.output import TerminalConsole, styled
from tripolar.store import Store
from tripolar.store.diagnose import database_error, is_interrupt
from tripolar.workflow import IngestSummary


def _plain_flags(params: list[Any]) -> list[Any]:
    """typer 0.29 labels flags `<bool>` and repeatable options `<list[Path]>` in --help, as
    if they took such a value; flags get no label here, repeatable options their item."""
    for param in params:
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""
        elif getattr(param, "multiple", False) and param.metavar is None:
            param.metavar = f"{(param.name or 'value').upper()} (repeatable)"
    return params


class _Command(TyperCommand):
    def get_params(self, ctx: Any) -> list[Any]:
        return _plain_flags(super().get_params(ctx))


class _Group(TyperGroup):
    def get_params(self, ctx: Any) -> list[Any]:
        return _plain_flags(super().get_params(ctx))


class _App(typer.Typer):
    """Every command, whoever adds it, gets the help fix of _Command."""

    def command(
        self, *args: Any, **kwargs: Any
    ) -> Callable[[CommandFunctionType], CommandFunctionType]:
        kwargs.setdefault("cls", _Command)
        return super().command(*args, **kwargs)


app = _App(
    cls=_Group,
    name="tripolar",
    help="Evidence-backed political event data (CAMEO) from news and commentary.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# Piped output is not squeezed into 80 columns: tables stay readable in files and logs.
# Both consoles show strings as plain text (no markup, controls escaped): style goes in
# output.styled(...), never in rich markup tags, which would be printed as they are.
out = TerminalConsole(width=None if sys.stdout.isatty() else 160)
err = TerminalConsole(stderr=True, width=None if sys.stderr.isatty() else 160)


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


def _date_option(param: typer.CallbackParam, value: str | None) -> str | None:
    """Check a date option when it is parsed, so the message names the option."""
    what = param.opts[0] if param.opts else "date"
    try:
        parse_date(value, what=what)
    except ConfigError as exc:  # click names the option itself
        raise typer.BadParameter(exc.message.removeprefix(f"{what} ")) from None
    return value


DbOption = Annotated[
    Path,
    typer.Option(
        "--db", help=f"DuckDB file to use (or set {DB_ENV}).", envvar=DB_ENV, show_default=True
    ),
]
DateOption = Annotated[
    str | None,
    typer.Option(
        "--date",
        help="Publication date (YYYY-MM-DD) for documents that carry none.",
        callback=_date_option,
    ),
]
ActorsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--actors",
        help="TABARI/PETRARCH actor dictionary merged over the built-in one (repeatable).",
        metavar="FILE",
    ),
]
SinceOption = Annotated[
    str | None,
    typer.Option(
        help="First date (YYYY-MM-DD): event date, or publication date.", callback=_date_option
    ),
]
UntilOption = Annotated[
    str | None,
    typer.Option(help="Last date (YYYY-MM-DD), inclusive.", callback=_date_option),
]
DatasetOption = Annotated[
    str,
    typer.Option(
        "--dataset", help="Whose events: tripolar (its own coding) or an imported dataset."
    ),
]
AgentsOption = Annotated[
    list[Path] | None,
    typer.Option("--agents", help="TABARI/PETRARCH agent dictionary (repeatable).", metavar="FILE"),
]
VerbsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--verbs",
        help="PETRARCH/TABARI verb dictionary (repeatable); see docs/verb-dictionaries.md.",
        metavar="FILE",
    ),
]
VerbsModeOption = Annotated[
    str,
    typer.Option(
        "--verbs-mode",
        help="merge: dictionary patterns first, then the built-in ones; replace: only the "
        "dictionaries' verb patterns.",
    ),
]
DiscardsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--discards",
        help="PETRARCH discard list: sentences (+stories) with these phrases code no event.",
        metavar="FILE",
    ),
]


def _version(value: bool) -> None:
    if value:
        out.print(f"tripolar {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Evidence-backed political event data (CAMEO) from news and commentary."""


# -- live sources (tripolar ingest URL..., tripolar watch): options shared by both commands
AllowPrivateOption = Annotated[
    bool,
    typer.Option(
        "--allow-private", help="Allow URLs on loopback/private addresses (local servers)."
    ),
]
ConnectionsOption = Annotated[
    int, typer.Option("--connections", min=1, help="HTTP requests at once, all sites together.")
]
RateOption = Annotated[
    float, typer.Option("--rate", min=0.0, help="Requests a second to one site (0: no limit).")
]


def _fetching(config: Config, allow_private: bool, connections: int, rate: float) -> Config:
    fetch = replace(
        config.fetch, allow_private=allow_private, connections=connections, rate=rate,
        per_host=min(config.fetch.per_host, connections),
    )  # fmt: skip
    if config.max_bytes != Config().max_bytes:  # --max-bytes given: pages obey it too
        fetch = replace(fetch, max_bytes=config.max_bytes)
    return replace(config, fetch=fetch)


@contextmanager
def _guard(db: Path | None = None) -> Iterator[None]:
    """Turn library errors into one clear line and exit status 1; no tracebacks.

    Ctrl-C exits with 130 (what an ingest stored, and how to go on); a full disk or a
    damaged database `db` is one message that names the file and what to do."""
    try:
        yield
    except DatabaseNotFoundError as exc:
        err.print(styled("Error:", "red"), str(exc))
        err.print(_databases_hint(Path(exc.path)))
        raise typer.Exit(1) from None
    except IngestInterrupted as exc:
        err.print(styled("Interrupted:", "yellow"), str(exc))
        raise typer.Exit(130) from None
    except TripolarError as exc:
        _error(str(exc))
        raise typer.Exit(1) from None
    except ValueError as exc:  # bad option values (dates) surface here
        _error(str(exc))
        raise typer.Exit(2) from None
    except BaseException as exc:
        if is_interrupt(exc):
            err.print(styled("Interrupted.", "yellow"))
            raise typer.Exit(130) from None
        translated = database_error(exc, db or "the database")
        if translated is None:
            raise
        _error(str(translated))
        raise typer.Exit(1) from None


def _databases_hint(missing: Path) -> str:
    """Which databases lie beside the missing one, and how to choose one."""
    folder = missing.parent
    found = sorted(p.name for p in folder.glob("*.duckdb"))
    where = "here" if str(folder) in ("", ".") else f"in {folder}"
    listed = f"databases {where}: {', '.join(found)}" if found else f"no .duckdb file {where}"
    return f"{listed} - choose one with --db FILE or the environment variable {DB_ENV}"


def _error(message: str) -> None:
    err.print(styled("Error:", "red"), message)


def _config(
    date: str | None,
    actors: list[Path] | None,
    agents: list[Path] | None,
    max_bytes: int | None = None,
    *,
    verbs: list[Path] | None = None,
    verbs_mode: str = "merge",
    discards: list[Path] | None = None,
) -> Config:
    config = Config(
        default_date=parse_date(date),
        actor_files=tuple(actors or ()),
        agent_files=tuple(agents or ()),
        verb_files=tuple(verbs or ()),
        verbs_mode=verbs_mode,
        discard_files=tuple(discards or ()),
    )
    _report_dictionaries(config)
    return config if max_bytes is None else replace(config, max_bytes=max_bytes)


def _report_dictionaries(config: Config) -> None:
    """Each bad line of a --verbs or --discards file (file, line, what was expected), and
    how many lines each file lost; the rest of the file is used."""
    from tripolar.events.discards import DiscardList
    from tripolar.events.patterns import check_verbs_mode, read_verb_dictionaries

    check_verbs_mode(config.verbs_mode)
    for dictionary in read_verb_dictionaries(config.verb_files):
        for problem in dictionary.problems:
            label = "skipped" if problem.skipped else "note"
            err.print(styled(label, "yellow"), str(problem))
        if dictionary.problems:
            err.print(dictionary.summary())
    if config.discard_files:
        for message in DiscardList.from_files(config.discard_files).problems:
            err.print(styled("skipped", "yellow"), message)


@app.command()
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files, directories, http(s) URLs of pages or feeds; '-' for stdin."),
    ],
    db: DbOption = DEFAULT_DB,
    date: DateOption = None,
    actors: ActorsOption = None,
    agents: AgentsOption = None,
    verbs: VerbsOption = None,
    verbs_mode: VerbsModeOption = "merge",
    discards: DiscardsOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    max_bytes: Annotated[
        int | None,
        typer.Option(
            "--max-bytes",
            min=1,
            help="Refuse single-document files larger than this (default 50 MB).",
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
    allow_private: AllowPrivateOption = False,
    connections: ConnectionsOption = 8,
    rate: RateOption = 1.0,
) -> None:
    """Read documents, code their events and store them. Re-ingesting stores nothing new.

    URLs are fetched (a feed: the pages its items link to), politely and conditionally."""
    from tripolar.ingest.reader import missing_paths
    from tripolar.workflow import ingest as run_ingest

    missing = set(missing_paths(paths))
    if all(p in missing for p in paths):
        for name in paths:
            err.print(styled("Error:", "red"), f"{name}: [E010] no such file or directory")
        err.print(f"Nothing to read - {db} was left as it was.")
        raise typer.Exit(1)
    with _guard(db):
        config = _fetching(
            _config(
                date,
                actors,
                agents,
                max_bytes,
                verbs=verbs,
                verbs_mode=verbs_mode,
                discards=discards,
            ),
            allow_private,
            connections,
            rate,
        )
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
    nothing = summary.read == 0 and not (summary.fetched or summary.unchanged)
    if nothing and summary.failed == 0:
        err.print(
            f"Found no files to read in {', '.join(paths)} (hidden files are skipped) - "
            "give files or folders of text, HTML, JSONL, CSV or feeds; see docs/ingest.md."
        )
    if nothing:
        raise typer.Exit(1)


def _with_progress(job: Any, *, quiet: bool) -> IngestSummary:
    if quiet or not err.is_terminal:
        result: IngestSummary = job(None)
        return result
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("reading", total=None)

        def progress(summary: IngestSummary) -> None:
            fetched = f"{summary.fetched} fetched, " if summary.fetched + summary.unchanged else ""
            bar.update(
                task,
                description=f"{fetched}{summary.stored} stored, {summary.duplicates} duplicates, "
                f"{summary.failed} failed, {summary.events} events",
            )

        result = job(progress)
        return result


def _print_failure(failure: Failure) -> None:
    where = f"{failure.path} line {failure.line}" if failure.line else failure.path
    err.print(styled("skipped", "yellow"), f"{where}: {failure.reason}")


def _print_summary(summary: IngestSummary, db: Path) -> None:
    for note in summary.notes:
        err.print(styled("note", "yellow"), note)
    for failure in summary.failures:
        _print_failure(failure)
    err.print(
        f"Documents read: {summary.read}, stored: {summary.stored}, skipped as duplicates: "
        f"{summary.duplicates}, failed: {summary.failed}; sentences: {summary.sentences}, "
        f"events: {summary.events}"
        + (
            f"; pages fetched: {summary.fetched}, unchanged: {summary.unchanged}"
            if summary.fetched + summary.unchanged
            else ""
        )
        + f" -> {db}",
    )


@app.command()
def watch(
    sources: Annotated[list[str], typer.Argument(help="URLs of feeds or pages to follow.")],
    every: Annotated[
        str, typer.Option("--every", help="Time between polls: 90s, 30m, 1h30m, 1d.")
    ] = "30m",
    db: DbOption = DEFAULT_DB,
    date: DateOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    cycles: Annotated[
        int | None, typer.Option("--cycles", min=1, help="Stop after N polls (default: never).")
    ] = None,
    allow_private: AllowPrivateOption = False,
    connections: ConnectionsOption = 8,
    rate: RateOption = 1.0,
) -> None:
    """Poll feeds and pages and ingest what is new, until Ctrl-C (or --cycles polls).

    Ctrl-C ends the watch once the batch under way is stored; a second one stops at once."""
    import signal
    import threading

    from tripolar.pipeline import Pipeline
    from tripolar.workflow import parse_duration
    from tripolar.workflow import watch as run_watch

    stop = threading.Event()

    def interrupted(signum: int, frame: object) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        err.print("stopping after the batch under way is stored (Ctrl-C again to stop now)")

    with _guard():
        seconds = parse_duration(every)
        config = _fetching(_config(date, None, None), allow_private, connections, rate)
        previous = signal.signal(signal.SIGINT, interrupted)
        try:
            with Store.open(db) as store:
                pipeline = Pipeline(config)

                def cycle(number: int, summary: IngestSummary) -> None:
                    stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S")
                    err.print(styled(f"poll {number}", "bold"), f"at {stamp}")
                    _print_summary(summary, db)

                run_watch(
                    sources, store=store, every=seconds, config=config, stop=stop,
                    cycles=cycles, on_cycle=cycle, pipeline=pipeline,
                    progress=None if quiet or not err.is_terminal else _status_line(),
                )  # fmt: skip
        finally:
            signal.signal(signal.SIGINT, previous)


def _status_line() -> Any:
    """A one-line progress report for watch polls (a bar would scroll between polls)."""

    def progress(summary: IngestSummary) -> None:
        err.print(
            f"{summary.fetched} fetched, {summary.unchanged} unchanged, {summary.stored} stored,"
            f" {summary.failed} failed",
            end="\r",
        )

    return progress


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
    verbs: VerbsOption = None,
    verbs_mode: VerbsModeOption = "merge",
    discards: DiscardsOption = None,
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
    from tripolar.store.identity import distinct_ids, identity_mention

    if (text is None) == (input is None):
        _error("give either TEXT or --input FILE")
        raise typer.Exit(2)
    with _guard(None):
        config = _config(
            date, actors, agents, verbs=verbs, verbs_mode=verbs_mode, discards=discards
        )
        pipe = Pipeline(config)
        records: list[dict[str, Any]] = []
        for record_id, record_text, record_date in _code_inputs(text, input, config):
            if explain:
                explanation = pipe.explain_text(record_text, record_date)
                _print_explanation(explanation, record_id, pipe.coder.patterns)
                continue
            coded = pipe.code_text(record_text, record_date or config.default_date)
            same = distinct_ids([identity_mention(e) for e in coded.events])
            for event in coded.events:
                row = output.event_record(event, same.get(event.event_id))
                if record_id is not None:
                    row = {"id": record_id, **row}
                records.append(row)
        if explain:
            return
        if fmt is CodeFormat.jsonl:
            output.write_jsonl(records, sys.stdout)
        elif records:
            output.render_table(records, out)
            _print_legend({str(r[k]) for r in records for k in ("source", "target")})
        else:
            err.print("no events found")


def _print_explanation(explanation: Any, record_id: str | None, patterns: Any) -> None:
    coded = explanation.coded
    text = coded.document.text
    if record_id is not None:
        out.print(styled(f"record {record_id}", "bold"))
    out.print(styled("Actors", "bold"))
    for m in coded.mentions:
        out.print(
            f"  {m.start}-{m.end} {text[m.start : m.end]!r} -> {', '.join(m.codes)} "
            f"({m.kind}; entry {m.entry!r})"
        )
    out.print(styled("Events", "bold"))
    for e in coded.events:
        trigger = text[e.trigger_start : e.trigger_end] if e.trigger_start >= 0 else ""
        out.print(
            f"  {e.source} -> {e.target} {e.code} (goldstein {e.goldstein}, quad {e.quad_class}) "
            f"{_when(e)} trigger {trigger!r} rule {e.rule}"
        )
        _print_dictionary_pattern(patterns, e.rule)
    out.print(styled("Rejected", "bold"))
    for r in explanation.rejections:
        out.print(f"  {r.trigger!r} ({r.rule}): {r.reason}")
        _print_dictionary_pattern(patterns, r.rule)
    if not explanation.rejections:
        out.print("  nothing")


def _print_dictionary_pattern(patterns: Any, rule: str) -> None:
    """The file, line and pattern of a --verbs dictionary that a rule names."""
    pattern = patterns.dictionary_pattern(rule)
    if pattern is not None:
        out.print(f"    pattern: {pattern.where}")


def _when(event: Any) -> str:
    if event.event_date is None:
        return "undated (no date in the text; --date gives the publication date)"
    return f"on {event.event_date} ({event.date_basis})"


def _code_inputs(
    text: str | None, path: Path | None, config: Config
) -> Iterator[tuple[str | None, str, Any]]:
    """What `code` reads: TEXT; or --input: JSONL records, or plain text as one document
    (told apart by the first character that is not blank: "{" starts a JSON record)."""
    from tripolar.ingest.records import read_text_records

    if text is not None:
        yield None, text, config.default_date
        return
    assert path is not None
    try:
        data = sys.stdin.buffer.read() if str(path) == "-" else path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"--input {path}: cannot be read ({exc.strerror or exc})") from None
    if not data.lstrip().startswith(b"{"):
        if data.strip():
            yield None, data.decode("utf-8", errors="replace"), config.default_date
        return
    for item in read_text_records(str(path), stdin=io.BytesIO(data)):
        if isinstance(item, Failure):
            _print_failure(item)
        else:
            yield item


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
    limit: Annotated[
        int | None, typer.Option(min=0, help="Print at most this many events.")
    ] = None,
    distinct: Annotated[
        bool,
        typer.Option(
            "--distinct",
            help="One row per distinct real event, with its mentions, documents and sources.",
        ),
    ] = False,
    dataset: DatasetOption = "tripolar",
    output_path: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (needed for parquet).")
    ] = None,
) -> None:
    """List stored events with their evidence sentences (each report of an event, or with
    --distinct each real event once; or write them as Parquet, GDELT 2.0 or PLOVER rows)."""
    import pandas as pd

    from tripolar.interchange.exporter import write_events, write_parquet

    if fmt is EventFormat.parquet and output_path is None:
        _error("--format parquet needs --output FILE")
        raise typer.Exit(2)
    start, end = parse_date(since), parse_date(until)
    with _guard(db), Store.open(db, read_only=True) as store:
        if distinct:
            frame = store.scoped(dataset).distinct_events(
                dyad=dyad, since=start, until=end, code=code_prefix, limit=limit
            )
        else:
            frame = store.events(
                dyad=dyad, since=start, until=end, code=code_prefix, limit=limit,
                dataset=dataset,
            )  # fmt: skip
        if fmt is EventFormat.parquet:
            write_parquet(store, frame, str(output_path))
            err.print(f"{len(frame)} events written to {output_path}")
            return
    if fmt in (EventFormat.gdelt, EventFormat.plover):
        with _output(output_path) as stream:
            _, skipped = write_events(frame, fmt.value, stream)
        if skipped:
            reason = "undated" if fmt is EventFormat.gdelt else "undated, or CAMEO 01/02"
            err.print(f"{skipped} events have no {fmt.value} row ({reason})")
        return
    records = list((output.distinct_records if distinct else output.mention_records)(frame))
    shown = pd.DataFrame.from_records(records, columns=list(records[0]) if records else None)
    empty = "No events match" + (f" the dyad {dyad}" if dyad else "") + _dates_note(since, until)
    columns = output.DISTINCT_TABLE_COLUMNS if distinct else output.TABLE_COLUMNS
    title = f"{len(frame)} distinct events" if distinct else f"{len(frame)} events"
    _print_frame(shown, fmt, title=title, columns=columns, empty=empty,
                 legend=("source", "target"))  # fmt: skip


@contextmanager
def _output(path: Path | None) -> Iterator[Any]:
    if path is None:
        yield sys.stdout
        return
    try:
        handle = path.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        _error(f"cannot write {path}: {exc}")
        raise typer.Exit(1) from None
    with handle:
        yield handle


class TableFormat(StrEnum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


def _print_frame(
    frame: Any,
    fmt: TableFormat | EventFormat,
    *,
    title: str,
    columns: tuple[str, ...] | None = None,
    empty: str = "Nothing matches",
    legend: tuple[str, ...] = (),
) -> None:
    """One way out for every table command: CSV and JSONL as documented in docs/cli.md; a
    table with names for the codes in the ``legend`` columns; a one-line note when empty."""
    if frame.empty:
        err.print(f"{empty}.")
    if fmt == TableFormat.csv:
        output.write_csv(frame, sys.stdout)
    elif fmt == TableFormat.jsonl:
        output.write_jsonl(output.frame_records(frame), sys.stdout)
    elif not frame.empty:
        shown = columns or tuple(frame.columns)
        output.render_table(list(output.frame_records(frame)), out, columns=shown, title=title)
        _print_legend({str(c) for column in legend for c in frame[column].dropna()})


def _print_legend(codes: set[str]) -> None:
    """The names of the actor codes a table shows (up to 20), under it."""
    from tripolar.actors.lookup import country_list

    if codes and len(codes) <= 20:
        out.print("Codes: " + country_list(sorted(codes)))


def _dates_note(since: str | dt.date | None, until: str | dt.date | None) -> str:
    if since and until:
        return f" from {since} to {until}"
    return f" since {since}" if since else (f" until {until}" if until else "")


def _default_since(store: Store, since: str | None) -> dt.date | None:
    """--since as given, else the first publication date, saying how to widen it."""
    if since is not None:
        return parse_date(since, what="--since")
    from tripolar.analytics.summary import default_since

    first, earlier = default_since(store)
    if first is not None and earlier:
        err.print(
            f"From {first}, the year the documents start; {earlier} events dated earlier "
            "(background history) are left out - --since YYYY-MM-DD to include them."
        )
    return first


FreqOption = Annotated[str, typer.Option("--freq", help="week, month, quarter or year.")]
WeightingOption = Annotated[
    str,
    typer.Option(
        help="What an event counts for: distinct (each real event once), mention (each "
        "report) or log (1 + ln(reports))."
    ),
]


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
    weighting: WeightingOption = "distinct",
    dataset: DatasetOption = "tripolar",
) -> None:
    """Dyad series per period: counts by quad class, Goldstein, net cooperation, relation index."""
    from tripolar.actors.lookup import country_list
    from tripolar.analytics.periods import normalise_actors
    from tripolar.api import Database

    with _guard(db), Store.open(db, read_only=True) as store:
        codes = normalise_actors(actors)
        first = _default_since(store, since)
        frame = Database(store).relations(
            actors=codes, freq=freq, directed=directed, since=first, until=until,
            weighting=weighting, dataset=dataset,
        )  # fmt: skip
    if fmt is TableFormat.table:
        frame = frame[frame["n_events"] > 0]
    columns = ("dyad", "period_label", "n_events", "goldstein_sum", "goldstein_mean", "net_coop",
               "relation_index", "relation_band")  # fmt: skip
    empty = f"No events among {country_list(codes or ())}{_dates_note(first, until)}"
    title = f"Relations of {country_list(codes or ())} by {freq}"
    _print_frame(frame, fmt, title=title, columns=columns, empty=empty)


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
    weighting: WeightingOption = "distinct",
    dataset: DatasetOption = "tripolar",
) -> None:
    """Dittmer's strategic triangle per period: signs of the three dyads, type, pivot, balance."""
    from tripolar.actors.lookup import country_list
    from tripolar.analytics.periods import triangle_actors
    from tripolar.api import Database

    with _guard(db), Store.open(db, read_only=True) as store:
        codes = triangle_actors(a, b, c)
        first = _default_since(store, since)
        frame = Database(store).triangle(
            *codes, freq=freq, since=first, until=until, weighting=weighting, dataset=dataset
        )
    sides = tuple(col for col in frame.columns if col.startswith("sign_"))
    columns = ("period_label", *sides, "type_label", "pivot", "outcast", "balance")
    empty = f"No events among {country_list(codes)}{_dates_note(first, until)}"
    title = f"Triangle {country_list(codes)} by {freq}"
    _print_frame(frame, fmt, title=title, columns=columns, empty=empty)


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
    from tripolar.actors.lookup import country_list, resolve_actors, split_list
    from tripolar.report import render_report

    with _guard(db), Store.open(db, read_only=True) as store:
        first, last = _default_since(store, since), parse_date(until, what="--until")
        path = render_report(
            store.scoped(dataset), output_path, actors=split_list(actors), since=first,
            until=last, title=title, compare=compare,
        )  # fmt: skip
        chosen = list(resolve_actors(actors))
        if store.events(actors=chosen, since=first, until=last, limit=1, dataset=dataset).empty:
            err.print(
                f"No events among {country_list(chosen)}{_dates_note(first, last)}: "
                "the report's charts are empty."
            )
    out.print(f"Report written to {path}")


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
    with _guard(db), Store.open(db, read_only=True) as store:
        frame = store.assessments(
            dyad=dyad, holder=holder, since=parse_date(since), until=parse_date(until)
        )
    columns = ("published", "subject", "polarity", "dimension", "time_orientation", "modality",
               "holder", "sentence")  # fmt: skip
    empty = (
        "No assessments match" + (f" the dyad {dyad}" if dyad else "") + _dates_note(since, until)
    )
    _print_frame(frame, fmt, title=f"{len(frame)} assessments", columns=columns, empty=empty)


@app.command()
def actors(
    query: Annotated[
        str, typer.Argument(help="A code (IGOWSTNAT, RUSGOV) or a name (NATO, Putin).")
    ],
) -> None:
    """What an actor code or name stands for: its name, terms of office, where it comes from."""
    from tripolar.actors.lookup import code_name, describe, suggestion

    code = query.strip().upper()
    meaning = code_name(code) if query.strip() == code else ""
    found = describe(query, limit=500)
    if not found and not meaning:
        err.print(styled("Error:", "red"), f"no actor {query!r} is known{suggestion(query)}")
        raise typer.Exit(1)
    if meaning:  # a code: what it means, then the dictionary entries coded with it, briefly
        out.print(styled(code, "bold"), f": {meaning}", sep="")
        kinds: dict[str, list[str]] = {}
        for info in found:
            kinds.setdefault(info.kind, []).append(info.name)
        for kind, names in kinds.items():
            shown = ", ".join(names[:8]) + (f" and {len(names) - 8} more" if len(names) > 8 else "")
            source = next(i.source for i in found if i.kind == kind)
            out.print(f"  {kind}: {shown} ({source})")
        return
    for info in found[:10]:
        out.print(styled(info.code, "bold"), f"{info.name} ({info.kind})")
        for term in info.terms:
            span = f"{term.start or '...'} to {term.end or 'now'}"
            out.print(f"  {', '.join(term.codes)} from {span}: {term.role}")
        if info.forms:
            out.print(f"  matches: {', '.join(info.forms)}")
        out.print(f"  source: {info.source}")


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

    with _guard(db), Store.open(db) as store:
        if fmt is ImportFormat.tripolar:
            for path in paths:
                added = import_store(store, path)
                shown = ", ".join(f"{k} {v}" for k, v in added.items())
                out.print(f"{path}: rows added: {shown} -> {db}")
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
            err.print(styled("skipped", "yellow"), f"{where}: {failure.reason}")
        if len(summary.failures) > 20:
            err.print(f"... {len(summary.failures) - 20} more: tripolar status")
        out.print(summary.line(name) + f" -> {db}")
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

    with _guard(db), Store.open(db, read_only=True) as store:
        written = export_store(store, directory, fmt.value)
    out.print(f"{len(written)} tables written to {directory}")


@app.command()
def status(db: DbOption = DEFAULT_DB) -> None:
    """Counts of what the database holds, and the files that failed to ingest."""
    with _guard(db), Store.open(db, read_only=True) as store:
        counts = store.counts()
        failures = store.failures()
        fetches = store.fetches()
        datasets = store.datasets()
    out.print(
        f"{db}: {counts['documents']} documents, {counts['sentences']} sentences, "
        f"{counts['events']} events, {counts['failures']} failures"
    )
    if len(fetches):
        last = fetches["checked_at"].max()
        out.print(f"  {len(fetches)} URLs fetched, last checked {last:%Y-%m-%d %H:%M} UTC")
    imported = set(datasets["dataset"]) - {"tripolar"}  # only a store with imports lists them
    for row in output.frame_records(datasets) if imported else ():
        out.print(
            f"  dataset {row['dataset']}: {row['events']} events, "
            f"{str(row['first'])[:10]} - {str(row['last'])[:10]}"
        )
    for row in output.frame_records(failures):
        where = f"{row['path']} line {row['line']}" if row["line"] else row["path"]
        out.print(f"  failed {where}: {row['reason']}")


@app.command()
def check(db: DbOption = DEFAULT_DB) -> None:
    """Read every row of every table to find damage; says how to recover a damaged file."""
    from tripolar.store.diagnose import RECOVERY, check_database

    with _guard(db):
        results = check_database(db)
    for result in results:
        state = "ok" if result.error is None else styled(f"DAMAGED ({result.error})", "red")
        out.print(f"  {result.table}: {result.rows} rows read,", state)
    damaged = [r.table for r in results if r.error is not None]
    if damaged:
        _error(f"{db} is damaged ({', '.join(damaged)}) - {RECOVERY}")
        raise typer.Exit(1)
    out.print(f"{db}: every table was read in full; no damage found")


@app.command()
def demo(
    db: DbOption = Path("demo.duckdb"),
    report: Annotated[Path, typer.Option(help="Where to write the HTML report.")] = Path(
        "report.html"
    ),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Ingest the bundled demo corpus, print the dyad summary and write the report."""
    from tripolar.analytics.summary import default_since, dyad_summary
    from tripolar.demo import corpus_path
    from tripolar.report import render_report
    from tripolar.workflow import ingest as run_ingest

    with _guard(db):
        with Store.open(db) as store:
            summary = _with_progress(
                lambda progress: run_ingest([corpus_path()], store=store, progress=progress),
                quiet=quiet,
            )
            _print_summary(summary, db)
            table = dyad_summary(store)
            # the demo articles cover 2014-2022; earlier dates are background history
            since, _ = default_since(store)
            render_report(store, report, since=since, title="tripolar demo corpus")
        records = list(output.frame_records(table))
        output.render_table(
            records, out, columns=tuple(table.columns), title="Dyads in the demo corpus"
        )
        out.print(f"Report written to {report}")


def main() -> None:
    app()
