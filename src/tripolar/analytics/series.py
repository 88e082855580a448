"""Dyad series: counts per quad class, Goldstein, net cooperation and the relation index.

Every figure of a period is a function of how many events of each (quad class, Goldstein)
kind the period holds. The computation therefore first reduces the events to that
*category table* - a pandas group-by, or a DuckDB ``GROUP BY`` when given a Store - and
works from it. This is also what makes the bootstrap cheap: resampling n events with
replacement is the same as one multinomial draw over the period's categories, so each
replicate costs O(categories), not O(events). See docs/methods.md.
"""

from __future__ import annotations

import datetime as dt
import math
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeAlias

import numpy as np
import pandas as pd

from tripolar.analytics.counting import check_weighting, counted, placeable, sql_source
from tripolar.analytics.periods import (
    PERIOD_MONTHS,
    QUAD_NAMES,
    check_events,
    check_freq,
    dyad_labels,
    dyad_name,
    normalise_actors,
    period_grid,
    period_label,
    period_start,
    restrict,
    sql_period,
)
from tripolar.errors import AnalyticsError


class SqlSource(Protocol):
    """Anything with ``sql(query, params) -> DataFrame`` (a ``tripolar.store.Store``)."""

    def sql(self, query: str, params: Sequence[Any] | None = None) -> pd.DataFrame: ...

    def events(self, **filters: Any) -> pd.DataFrame: ...


EventSource: TypeAlias = pd.DataFrame | SqlSource

BANDS: tuple[tuple[float, str], ...] = (
    (-6.0, "confrontational"),
    (-3.0, "tense"),
    (0.0, "uneasy"),
    (3.0, "ordinary"),
    (6.0, "good"),
    (math.inf, "friendly"),
)
"""Upper bounds of the relation-index bands (after Yan Xuetong's six grades)."""

COUNT_COLUMNS = tuple(f"n_{name}" for name in QUAD_NAMES.values())
CI_COLUMNS = (*COUNT_COLUMNS, "goldstein_sum", "goldstein_mean", "net_coop", "coop_balance")


@dataclass(frozen=True, slots=True)
class IndexParams:
    """Parameters of the accumulated relation index (docs/methods.md, "Relation index")."""

    half_life: float = 6.0  # months until old evidence counts half
    prior_events: float = 3.0  # pseudo-events at Goldstein 0 that pull thin evidence to neutral
    scale: float = 4.0  # Goldstein mean that maps to 9 * tanh(1) ~ 6.85

    def decay(self, freq: str) -> float:
        if freq == "all":
            return 0.0
        if self.half_life <= 0:
            raise AnalyticsError(f"half_life must be positive, got {self.half_life}")
        return float(0.5 ** (PERIOD_MONTHS[freq] / self.half_life))


def band(index: float) -> str:
    """The named grade of a relation-index value (-9..+9)."""
    if index != index:  # NaN
        return ""
    for upper, name in BANDS:
        if index < upper:
            return name
    return BANDS[-1][1]


def relation_index(
    goldstein_sum: np.ndarray,
    n_events: np.ndarray,
    *,
    decay: float,
    prior_events: float = 3.0,
    scale: float = 4.0,
) -> np.ndarray:
    """Accumulate period scores into the -9..+9 relation index.

    ``S_t = decay * S_{t-1} + G_t``, ``N_t = decay * N_{t-1} + n_t``,
    ``index_t = 9 * tanh(S_t / (N_t + prior_events) / scale)``.
    ``goldstein_sum`` may be 2-D (periods x bootstrap replicates); ``n_events`` is 1-D.
    Periods before the first event are NaN: nothing is known of the relation yet.
    """
    g = np.asarray(goldstein_sum, dtype=float)
    n = np.asarray(n_events, dtype=float)
    s_acc = np.zeros(g.shape[1:], dtype=float)
    n_acc = 0.0
    out = np.empty_like(g)
    for t in range(g.shape[0]):
        s_acc = decay * s_acc + g[t]
        n_acc = decay * n_acc + n[t]
        # before the first event there is no evidence at all: a gap, not a neutral 0
        out[t] = 9.0 * np.tanh(s_acc / (n_acc + prior_events) / scale) if n_acc > 0 else np.nan
    return out


# -- the category table --------------------------------------------------------------------


def category_table(
    events: EventSource,
    *,
    actors: Sequence[str] | None,
    freq: str,
    directed: bool,
    since: dt.date | None = None,
    until: dt.date | None = None,
    include_domestic: bool = False,
    weighting: str = "distinct",
) -> pd.DataFrame:
    """Event counts per (dyad, src, tgt, period, quad_class, goldstein).

    ``src``/``tgt`` are the dyad's two countries (sorted when undirected). Undated events
    are left out, and so are events whose date is too coarse for ``freq``; ``weighting``
    says what one event counts for (analytics/counting.py): each distinct real event once
    (the default), each report ("mention") or ``1 + ln(reports)`` ("log", then ``n`` is a
    float). Works on a DataFrame (pandas) or a Store (DuckDB).
    """
    check_freq(freq)
    check_weighting(weighting)
    codes = normalise_actors(actors)
    if isinstance(events, pd.DataFrame):
        events = counted(events, weighting, freq)
        return _category_table_pandas(events, codes, freq, directed, since, until, include_domestic)
    if hasattr(events, "sql"):
        return _category_table_sql(
            events, codes, freq, directed, since, until, include_domestic, weighting
        )
    raise AnalyticsError(f"expected an events DataFrame or a Store, got {type(events).__name__}")


def _category_table_pandas(
    events: pd.DataFrame,
    actors: tuple[str, ...] | None,
    freq: str,
    directed: bool,
    since: dt.date | None,
    until: dt.date | None,
    include_domestic: bool,
) -> pd.DataFrame:
    check_events(events)
    frame = restrict(events, actors=actors, include_domestic=include_domestic)
    dates = pd.to_datetime(frame["event_date"])
    if since is not None:
        frame = frame[dates >= pd.Timestamp(since)]
    if until is not None:
        frame = frame[pd.to_datetime(frame["event_date"]) <= pd.Timestamp(until)]
    if directed:
        src, tgt = frame["src"], frame["tgt"]
    else:
        swap = frame["src"] > frame["tgt"]
        src = frame["src"].where(~swap, frame["tgt"])
        tgt = frame["tgt"].where(~swap, frame["src"])
    table = pd.DataFrame(
        {
            "dyad": dyad_labels(src, tgt, directed=directed),
            "src": src,
            "tgt": tgt,
            "period": period_start(frame["event_date"], freq),
            "quad_class": frame["quad_class"].astype("int64"),
            "goldstein": frame["goldstein"].astype("float64"),
        }
    )
    grouped = table.groupby(list(table.columns), sort=True, observed=True).size()
    if "weight" in frame.columns and not (frame["weight"] == 1.0).all():
        weights = frame["weight"].astype("float64").to_numpy()
        grouped = table.assign(n=weights).groupby(list(table.columns), sort=True)["n"].sum()
    return grouped.rename("n").reset_index()


def _category_table_sql(
    store: SqlSource,
    actors: tuple[str, ...] | None,
    freq: str,
    directed: bool,
    since: dt.date | None,
    until: dt.date | None,
    include_domestic: bool,
    weighting: str,
) -> pd.DataFrame:
    # a party of unknown country ("---REB") belongs to no dyad
    where: list[str] = [
        "event_date IS NOT NULL",
        "source_country <> '---'",
        "target_country <> '---'",
        "date_precision IN (SELECT unnest(?))",
    ]
    params: list[Any] = [list(placeable(freq))]
    table_name, weight = sql_source(weighting)
    if actors is not None:
        where.append("source_country IN (SELECT unnest(?))")
        where.append("target_country IN (SELECT unnest(?))")
        params += [list(actors), list(actors)]
    if not include_domestic:
        where.append("source_country <> target_country")
    if since is not None:
        where.append("event_date >= ?")
        params.append(since)
    if until is not None:
        where.append("event_date <= ?")
        params.append(until)
    # source_country/target_country are stored as upper(left(code, 3)) (store/schema.py)
    if directed:
        src, tgt = "source_country", "target_country"
    else:
        src = "least(source_country, target_country)"
        tgt = "greatest(source_country, target_country)"
    sep = "->" if directed else "-"
    query = f"""
        SELECT {src} || '{sep}' || {tgt} AS dyad, {src} AS src, {tgt} AS tgt,
               {sql_period(freq)} AS period, CAST(quad_class AS BIGINT) AS quad_class,
               CAST(goldstein AS DOUBLE) AS goldstein, sum({weight}) AS n
        FROM {table_name} WHERE {" AND ".join(where)}
        GROUP BY ALL ORDER BY ALL
    """
    table = store.sql(query, params)
    table["period"] = pd.to_datetime(table["period"]).astype("datetime64[us]")
    if freq == "all" and len(table):
        first = store.sql(
            f"SELECT min(event_date) AS d FROM {table_name} WHERE {' AND '.join(where)}", params
        )["d"].iloc[0]
        table["period"] = pd.Timestamp(first).normalize()
        table["period"] = table["period"].astype("datetime64[us]")
        table = table.groupby(
            ["dyad", "src", "tgt", "period", "quad_class", "goldstein"], as_index=False
        )["n"].sum()
    table["n"] = table["n"].astype("float64" if weighting == "log" else "int64")
    return table


# -- statistics over the category table ------------------------------------------------------


def _weights(quad: np.ndarray, goldstein: np.ndarray) -> dict[str, np.ndarray]:
    """Per-category contribution vectors; a statistic is ``counts @ vector``."""
    coop = np.isin(quad, (1, 2))
    out = {f"n_{name}": (quad == q).astype(float) for q, name in QUAD_NAMES.items()}
    out["goldstein_sum"] = goldstein
    out["coop_weight"] = np.where(coop, np.abs(goldstein), 0.0)
    out["conflict_weight"] = np.where(coop, 0.0, np.abs(goldstein))
    return out


def _derive(stats: dict[str, np.ndarray], n: np.ndarray | float) -> None:
    """Add the ratio statistics in place."""
    with np.errstate(invalid="ignore", divide="ignore"):
        stats["goldstein_mean"] = np.where(n > 0, stats["goldstein_sum"] / n, np.nan)
        stats["net_coop"] = stats["coop_weight"] - stats["conflict_weight"]
        total = stats["coop_weight"] + stats["conflict_weight"]
        stats["coop_balance"] = np.where(total > 0, stats["net_coop"] / total, np.nan)


def bootstrap_rng(seed: int, dyad: str, period: pd.Timestamp) -> np.random.Generator:
    """The random generator of one group's bootstrap: the same seed, group and period always
    draw the same samples, whatever else is computed."""
    key = f"{dyad}|{pd.Timestamp(period).date().isoformat()}".encode()
    return np.random.default_rng([seed, zlib.crc32(key)])


def relations(
    events: EventSource,
    *,
    actors: Sequence[str] | None = ("CHN", "RUS", "USA"),
    freq: str = "month",
    directed: bool = False,
    since: dt.date | None = None,
    until: dt.date | None = None,
    include_domestic: bool = False,
    n_boot: int = 500,
    ci: float = 0.95,
    seed: int = 0,
    half_life: float = 6.0,
    prior_events: float = 3.0,
    index_scale: float = 4.0,
    weighting: str = "distinct",
) -> pd.DataFrame:
    """Dyad series: one row per dyad and period, on a gap-free period grid.

    Each distinct real event counts once (``weighting``: see `category_table`); with
    ``weighting="log"`` the counts are weights, not whole numbers.

    ``events`` is the DataFrame of ``Store.events()`` or a Store (then the group-by runs in
    DuckDB). ``actors=None`` keeps every country. With ``actors`` given, every dyad among
    them gets rows even when it has no events. ``n_boot=0`` skips the bootstrap (the
    ``*_lo``/``*_hi`` columns are then NaN).

    Columns: dyad, actor_a, actor_b, directed, period (Timestamp, period start),
    period_label, n_events, n_verbal_coop, n_material_coop, n_verbal_conflict,
    n_material_conflict, goldstein_sum, goldstein_mean, coop_weight, conflict_weight,
    net_coop, coop_balance, relation_index, relation_band, and ``<figure>_lo`` /
    ``<figure>_hi`` bootstrap bounds for the four counts, goldstein_sum, goldstein_mean,
    net_coop, coop_balance and relation_index.
    """
    if not 0 < ci < 1:
        raise AnalyticsError(f"ci must be between 0 and 1, got {ci}")
    if n_boot < 0:
        raise AnalyticsError(f"n_boot must be >= 0, got {n_boot}")
    params = IndexParams(half_life=half_life, prior_events=prior_events, scale=index_scale)
    decay = params.decay(check_freq(freq))
    codes = normalise_actors(actors)
    table = category_table(
        events,
        actors=codes,
        freq=freq,
        directed=directed,
        since=since,
        until=until,
        include_domestic=include_domestic,
        weighting=weighting,
    )
    grid = table_periods(table, freq, since, until)
    dyads = _dyads(table, codes, directed)
    frames = [
        _dyad_series(
            table[table["dyad"] == name],
            name,
            a,
            b,
            directed,
            grid,
            freq,
            n_boot,
            ci,
            seed,
            decay,
            params,
        )
        for name, a, b in dyads
    ]
    if not frames:
        return _empty_relations()
    out = pd.concat(frames, ignore_index=True)
    out["period_label"] = period_label(out["period"], freq).to_numpy()
    return out[_relation_columns()]


def _relation_columns() -> list[str]:
    base = [
        "dyad",
        "actor_a",
        "actor_b",
        "directed",
        "period",
        "period_label",
        "n_events",
        *COUNT_COLUMNS,
        "goldstein_sum",
        "goldstein_mean",
        "coop_weight",
        "conflict_weight",
        "net_coop",
        "coop_balance",
        "relation_index",
        "relation_band",
    ]
    bounds = [f"{c}_{side}" for c in (*CI_COLUMNS, "relation_index") for side in ("lo", "hi")]
    return base + bounds


def _empty_relations() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype="float64") for c in _relation_columns()})
    for col in ("dyad", "actor_a", "actor_b", "period_label", "relation_band"):
        frame[col] = frame[col].astype("str")
    frame["period"] = frame["period"].astype("datetime64[us]")
    frame["directed"] = frame["directed"].astype(bool)
    return frame


def table_periods(
    table: pd.DataFrame, freq: str, since: dt.date | None, until: dt.date | None
) -> pd.DatetimeIndex:
    """Every period from `since` (else the table's first) to `until` (else its last)."""
    if table.empty and (since is None or until is None):
        return pd.DatetimeIndex([]).astype("datetime64[us]")
    first = pd.Timestamp(since) if since is not None else table["period"].min()
    last = pd.Timestamp(until) if until is not None else table["period"].max()
    if freq == "all":
        return pd.DatetimeIndex([table["period"].min() if len(table) else first])
    return period_grid(first, last, freq)


def _dyads(
    table: pd.DataFrame, actors: tuple[str, ...] | None, directed: bool
) -> list[tuple[str, str, str]]:
    found = {
        (str(d), str(a), str(b))
        for d, a, b in table[["dyad", "src", "tgt"]].drop_duplicates().itertuples(index=False)
    }
    if actors is not None:
        for i, a in enumerate(actors):
            for j, b in enumerate(actors):
                if i == j or (not directed and j < i):
                    continue
                x, y = (a, b) if directed else tuple(sorted((a, b)))
                found.add((dyad_name(x, y, directed=directed), x, y))
    return sorted(found)


def _dyad_series(
    table: pd.DataFrame,
    name: str,
    actor_a: str,
    actor_b: str,
    directed: bool,
    grid: pd.DatetimeIndex,
    freq: str,
    n_boot: int,
    ci: float,
    seed: int,
    decay: float,
    params: IndexParams,
) -> pd.DataFrame:
    periods = len(grid)
    position = {p: i for i, p in enumerate(grid)}
    weights = _weights(table["quad_class"].to_numpy(), table["goldstein"].to_numpy())
    counts = table["n"].to_numpy().astype(float)
    # int64 even when the dyad has no events (an empty map is float64; bincount refuses it)
    row = table["period"].map(position).to_numpy(dtype="int64")
    point: dict[str, np.ndarray] = {}
    for key, vector in weights.items():
        point[key] = np.bincount(row, weights=counts * vector, minlength=periods)
    n_events = np.bincount(row, weights=counts, minlength=periods)
    _derive(point, n_events)
    point["relation_index"] = relation_index(
        point["goldstein_sum"],
        n_events,
        decay=decay,
        prior_events=params.prior_events,
        scale=params.scale,
    )
    frame = pd.DataFrame(
        {
            "dyad": name,
            "actor_a": actor_a,
            "actor_b": actor_b,
            "directed": directed,
            "period": grid,
            "n_events": n_events,
        }
    )
    for key, values in point.items():
        frame[key] = values
    if np.array_equal(counts, np.round(counts)):  # whole events (not log weights)
        for key in ("n_events", *COUNT_COLUMNS):
            frame[key] = np.round(frame[key]).astype("int64")
    frame["relation_band"] = [band(v) for v in point["relation_index"]]
    bounds = _bootstrap(table, row, weights, counts, name, grid, n_boot, ci, seed, decay, params)
    for key, values in bounds.items():
        frame[key] = values
    return frame


def _bootstrap(
    table: pd.DataFrame,
    row: np.ndarray,
    weights: dict[str, np.ndarray],
    counts: np.ndarray,
    name: str,
    grid: pd.DatetimeIndex,
    n_boot: int,
    ci: float,
    seed: int,
    decay: float,
    params: IndexParams,
) -> dict[str, np.ndarray]:
    periods = len(grid)
    keys = (*CI_COLUMNS, "relation_index")
    out = {f"{k}_{s}": np.full(periods, np.nan) for k in keys for s in ("lo", "hi")}
    if n_boot == 0:
        return out
    alpha = (1 - ci) / 2
    n_events = np.bincount(row, weights=counts, minlength=periods)
    order = np.argsort(row, kind="stable")
    bounds = np.searchsorted(row[order], np.arange(periods + 1))
    # Replicates of every period (periods x n_boot); a period's draws come from its own seed,
    # the statistics and their quantiles are then computed for all periods at once.
    reps = {key: np.full((periods, n_boot), np.nan) for key in weights}
    for t in range(periods):
        members = order[bounds[t] : bounds[t + 1]]
        if len(members) == 0:
            continue
        total = counts[members].sum()
        n = max(round(float(total)), 1)  # weights ("log") draw their rounded total
        rng = bootstrap_rng(seed, name, grid[t])
        draws = rng.multinomial(n, counts[members] / total, size=n_boot).astype(float)
        draws *= total / n
        for key, vector in weights.items():
            reps[key][t] = draws @ vector[members]
    _derive(reps, n_events[:, np.newaxis])
    filled = n_events > 0
    for key in keys[:-1]:
        lo, hi = _quantiles(reps[key], filled, alpha)
        if key.startswith("n_"):
            lo[~filled] = hi[~filled] = 0.0
        out[f"{key}_lo"], out[f"{key}_hi"] = lo, hi
    gold_reps = np.where(filled[:, np.newaxis], reps["goldstein_sum"], 0.0)
    index_reps = relation_index(
        gold_reps, n_events, decay=decay, prior_events=params.prior_events, scale=params.scale
    )
    out["relation_index_lo"] = np.quantile(index_reps, alpha, axis=1)
    out["relation_index_hi"] = np.quantile(index_reps, 1 - alpha, axis=1)
    return out


def _quantiles(values: np.ndarray, rows: np.ndarray, alpha: float) -> tuple[np.ndarray, np.ndarray]:
    """The alpha and 1 - alpha quantiles of the finite values of each selected row (NaN for
    other rows and rows without a finite value)."""
    lo = np.full(values.shape[0], np.nan)
    hi = np.full(values.shape[0], np.nan)
    finite = np.isfinite(values)
    whole = rows & finite.all(axis=1)
    if whole.any():
        lo[whole], hi[whole] = np.quantile(values[whole], [alpha, 1 - alpha], axis=1)
    for t in np.flatnonzero(rows & ~whole & finite.any(axis=1)):
        lo[t], hi[t] = np.quantile(values[t][finite[t]], [alpha, 1 - alpha])
    return lo, hi
