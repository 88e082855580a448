"""Coding documents on Dask workers; the results come back, in input order, to one writer.

    with open_client("local:2") as client:          # or "tcp://scheduler:8786"
        for coded in code_distributed(documents, client=client, config=config):
            ...                                      # the caller writes the store

Each worker process builds one `Pipeline` per `Config` and keeps it (`code_batch`), so the
spaCy model and the actor matchers load once per worker, not once per batch. Batches are
submitted ahead of the results by at most `max_in_flight`, which keeps memory flat however
long the input is. Workers of an existing cluster need tripolar (and its spaCy model)
installed in the same version as the client.

A local cluster is closed to other users of the machine: its scheduler, nannies and workers
listen on 127.0.0.1 over TLS with mutual authentication, using a key and certificate made
for this run (`Security.temporary()`, kept in memory and handed to the worker processes),
so a client without them cannot connect, let alone run code there. Their HTTP servers serve
only /health. Where no local network can be opened (a sandbox without loopback), starting
it raises LocalClusterError and the ingest codes in its own process instead.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Any

from tripolar.config import Config
from tripolar.errors import ConfigError, LocalClusterError
from tripolar.model import Assessment, CodedDocument, Document, Event, Mention, Sentence
from tripolar.scale.heap import freeze_until_exit

if TYPE_CHECKING:
    from distributed import Client

    from tripolar.pipeline import Pipeline

_PIPELINES: dict[Config, Pipeline] = {}  # per worker process: one Pipeline per Config

Coded = tuple[tuple[Sentence, ...], tuple[Event, ...], tuple[Mention, ...], tuple[Assessment, ...]]
"""What a worker sends back for one document: its CodedDocument without the Document, which
the client still holds (the text would travel back for nothing)."""

LOCAL_WORKER_CONFIG = {
    # Sampling the worker's stacks every 10 ms and watching its GIL cost CPU that the two
    # cores of a small machine need for coding; a local ingest reads neither.
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.gil.enabled": False,
    # The scheduler, the nannies and the workers each poll on timers: event-loop health every
    # 20 ms, host metrics every 500 ms (psutil), the workers' memory every 100 ms. A local
    # cluster has no dashboard to feed and no memory pressure to react to within a second;
    # at 1-2 s the client used 0.6 CPU s less per 1 M words and the run was 0.8 s shorter.
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
    # Nothing but /health over unauthenticated HTTP: no task, log or worker pages, no API.
    "distributed.scheduler.http.routes": ["distributed.http.health"],
    "distributed.worker.http.routes": ["distributed.http.health"],
    "distributed.worker.preload": ["tripolar.scale.cluster"],  # its dask_setup: no Ctrl-C
}


def _local_worker_config() -> dict[str, Any]:
    """LOCAL_WORKER_CONFIG, and the workers' environment without MALLOC_TRIM_THRESHOLD_.

    Dask sets that variable to 64 KiB for its workers, so that freed memory goes back to the
    system at once; spaCy allocates and frees many small blocks per document, and the trimming
    cost about a tenth of the coding time (measured: 37.7 -> 33.6 CPU seconds per worker on
    1 M words) while the workers' memory stays flat without it.
    """
    import dask

    environ = dask.config.get("distributed.nanny.pre-spawn-environ") or {}
    kept = {k: v for k, v in environ.items() if k != "MALLOC_TRIM_THRESHOLD_"}
    return {**LOCAL_WORKER_CONFIG, "distributed.nanny.pre-spawn-environ": kept}


def code_batch(config: Config, documents: list[Document], mentions: bool = True) -> list[Coded]:
    """Code one batch in this process with its cached Pipeline (runs on a worker).

    `mentions=False` leaves the actor mentions out of the results: the store does not keep
    them, and they are a fifth of a result's bytes and most of its unpickling time.
    """
    pipeline = _PIPELINES.get(config)
    if pipeline is None:
        from tripolar.pipeline import Pipeline

        pipeline = _PIPELINES[config] = Pipeline(config)
        if _on_worker():  # the process is Dask's and keeps its pipeline for good
            freeze_until_exit()
    return [
        (c.sentences, c.events, c.mentions, c.assessments)
        for c in pipeline.code_documents(documents, mentions=mentions)
    ]


def _on_worker() -> bool:
    from distributed import get_worker

    try:
        get_worker()
    except ValueError:  # called in this process, not as a Dask task
        return False
    return True


def parse_cluster(spec: str) -> tuple[str, int | str]:
    """("local", workers) for ``local:N``, ("address", spec) for ``tcp://HOST:PORT``."""
    if spec.startswith("local:"):
        count = spec.removeprefix("local:")
        if not count.isdigit() or int(count) < 1:
            raise ConfigError(f"--dask {spec!r}: give the number of local workers, e.g. local:2")
        return "local", int(count)
    if "://" in spec:
        return "address", spec
    raise ConfigError(
        f"--dask {spec!r}: expected local:N (N local worker processes) or the scheduler "
        "address of a running cluster, e.g. tcp://10.0.0.5:8786"
    )


@contextmanager
def open_client(spec: str) -> Iterator[Client]:
    """A Dask client for a local cluster of N single-threaded worker processes, or for a
    running scheduler; a local cluster is shut down on exit."""
    kind, value = parse_cluster(spec)
    from distributed import Client

    if kind == "local":
        assert isinstance(value, int)
        with _local_cluster(value) as cluster:
            local = Client(cluster, security=cluster.security)  # type: ignore[no-untyped-call]
            with local:
                yield local
        return
    try:
        client = Client(str(value), timeout="20s")  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as exc:
        raise ConfigError(f"cannot reach the Dask scheduler at {value}: {exc}") from exc
    with client:
        yield client


@contextmanager
def _local_cluster(workers: int) -> Iterator[Any]:
    """A LocalCluster of `workers` processes that only holders of this run's key can use."""
    import dask
    from distributed import LocalCluster
    from distributed.security import Security

    problem = _loopback_problem()
    if problem is not None:  # found in milliseconds; Dask would wait 30 s per connection
        raise LocalClusterError(
            f"could not start {workers} local worker processes: they talk over the loopback "
            f"network (127.0.0.1), and a test connection failed ({problem})"
        )
    security = Security.temporary()  # type: ignore[no-untyped-call]
    try:
        with dask.config.set(_local_worker_config()):  # the nannies pass it to the workers
            cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                protocol="tls://",
                security=security,
                dashboard_address=None,
                # No dashboard, but the scheduler still serves /health; on a free port, so
                # that a second local cluster does not warn about port 8787.
                scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                # logging.CRITICAL: the library does not print, and a worker that loses its
                # scheduler as the cluster closes on Ctrl-C logs an error; failures of tasks
                # still come back as exceptions
                silence_logs=50,
            )
    except (OSError, RuntimeError, TimeoutError) as exc:
        raise LocalClusterError(
            f"could not start {workers} local worker processes ({exc}); they talk over the "
            "loopback network (127.0.0.1), which this environment may not have"
        ) from None
    try:
        yield cluster
    finally:
        cluster.close()


def dask_setup(worker: object) -> None:
    """Run by Dask in each local worker process as it starts (the preload in
    LOCAL_WORKER_CONFIG): ignore Ctrl-C. A terminal sends SIGINT to the whole process group,
    and every worker would print a traceback; the ingest process handles it and closes the
    cluster. Never in the process that started the cluster (a worker run in-process, or a
    preload run there): that process keeps its Ctrl-C, and so do the programs it starts."""
    import multiprocessing
    import signal

    if multiprocessing.parent_process() is None:  # not a worker process of its own
        return
    with suppress(ValueError):  # not the process's main thread: leave it
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _loopback_problem() -> str | None:
    """Why no TCP connection can be made to 127.0.0.1 here, or None if one can."""
    import socket

    try:
        with socket.create_server(("127.0.0.1", 0)) as server:
            port = server.getsockname()[1]
            with socket.create_connection(("127.0.0.1", port), timeout=2):
                return None
    except OSError as exc:
        return str(exc) or type(exc).__name__


def code_distributed(
    documents: Iterable[Document],
    *,
    client: Client,
    config: Config,
    batch_size: int | None = None,
    max_in_flight: int | None = None,
    mentions: bool = True,
) -> Iterator[CodedDocument]:
    """Coded documents in input order; batches run on the client's workers.

    `max_in_flight` batches (default: two per worker thread) are submitted ahead of the
    one being returned, so a slow worker never stalls the others and memory stays bounded.
    With `mentions=False` the documents come back without their actor mentions.
    """
    size = batch_size or config.batch_size
    threads = sum(client.nthreads().values()) or 1  # type: ignore[no-untyped-call]
    limit = max_in_flight or 2 * threads
    pending: deque = deque()  # type: ignore[type-arg]  # (batch, future)
    for batch in _batches(documents, size, lookahead=size * threads):
        pending.append((batch, client.submit(code_batch, config, batch, mentions, pure=False)))
        while len(pending) >= limit:
            yield from _joined(*pending.popleft())
    while pending:
        yield from _joined(*pending.popleft())


def _batches(documents: Iterable[Document], size: int, lookahead: int) -> Iterator[list[Document]]:
    """Batches of `size` documents, but the last `lookahead` or so in quarter batches.

    A batch is a second or more of one worker's time; cut evenly to the end, the input would
    leave one worker coding its last batch while the others wait. Reading `lookahead`
    documents ahead shows where the input ends.
    """
    buffer: deque[Document] = deque()
    for document in documents:
        buffer.append(document)
        if len(buffer) >= lookahead + size:
            yield [buffer.popleft() for _ in range(size)]
    small = max(1, size // 4)
    while buffer:
        yield [buffer.popleft() for _ in range(min(small, len(buffer)))]


def _joined(batch: list[Document], future: Any) -> Iterator[CodedDocument]:
    for document, (sentences, events, mentions, assessments) in zip(
        batch, future.result(), strict=True
    ):
        yield CodedDocument(document, sentences, events, mentions, assessments)
