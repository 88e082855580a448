"""Assessments beside events: the commentary line per dyad and the commentary triangle.

Assessments are judgements stated in commentary ("trust between Moscow and Beijing has never
been higher"), stored apart from events (docs/assessments.md). Here they become, per
undirected dyad and period, an intensity-weighted mean polarity with a two-stage bootstrap
interval, and, per period, a Dittmer triangle that can be set against the one from events.
A judgement is dated by its document's ``published`` date: it is dated when it was written.
Triad records ("the triangle has tilted toward Moscow and Beijing") count toward each of
their three dyads; one-actor records ("Russia's standing") are left out. See docs/methods.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from tripolar.analytics.periods import (
    PERIOD_MONTHS,
    check_freq,
    dyad_name,
    normalise_actors,
    period_label,
    period_start,
    sql_period,
    triangle_actors,
)
from tripolar.analytics.series import EventSource, bootstrap_rng, table_periods
from tripolar.analytics.triangle import classified, decayed_count, side_names
from tripolar.errors import AnalyticsError

POLARITY_FLOOR = 0.1
"""|polarity| <= 0.1 counts as neither positive nor negative (as ``tripolar.assessments.sign``)."""

DEFAULT_NEUTRAL_BAND = 0.15  # |decayed mean polarity| <= band: a neutral side
DEFAULT_MIN_ASSESSMENTS = 2.0  # decayed number of judgements a side needs to be known

REQUIRED_COLUMNS: tuple[str, ...] = ("doc_id", "subject", "polarity", "intensity", "published")

SERIES_COLUMNS: tuple[str, ...] = (
    "dyad", "actor_a", "actor_b", "period", "period_label", "n_assessments", "n_documents",
    "n_positive", "n_negative", "n_neutral", "share_positive", "share_negative", "weight",
    "polarity_mean", "polarity_mean_lo", "polarity_mean_hi", "polarity_unweighted",
)  # fmt: skip

COMPARE_COLUMNS: tuple[str, ...] = (
    "period", "period_label", "dyad", "event_score", "event_sign", "assessment_score",
    "assessment_sign", "n_assessments", "status", "flag", "event_type", "assessment_type",
)  # fmt: skip

_CATEGORY_KEYS = ["dyad", "src", "tgt", "period", "doc_id", "polarity", "intensity"]


def subject_dyads(subject: str) -> list[str]:
    """The undirected dyads a subject counts toward: itself, the three sides of a triad, none
    for one actor. ``"CHN-RUS-USA"`` -> ``["CHN-RUS", "CHN-USA", "RUS-USA"]``."""
    parts = sorted({p.strip().upper()[:3] for p in str(subject).split("-") if p.strip()})
    return [f"{x}-{y}" for i, x in enumerate(parts) for y in parts[i + 1 :]]


def check_assessments(frame: pd.DataFrame) -> None:
    """Raise AnalyticsError when ``frame`` is not shaped like ``Store.assessments()``."""
    if not isinstance(frame, pd.DataFrame):
        raise AnalyticsError(
            f"expected the DataFrame returned by Store.assessments(), got {type(frame).__name__}"
        )
    missing = [c for c in REQUIRED_COLUMNS if c not in frame.columns]
    if missing:
        raise AnalyticsError(
            f"assessments table lacks column(s) {', '.join(missing)} - pass the DataFrame "
            f"returned by Store.assessments()"
        )


# -- reduction: counts per (dyad, period, document, polarity, intensity) -----------------------


def assessment_table(
    source: EventSource,
    *,
    actors: Sequence[str] | None = ("CHN", "RUS", "USA"),
    freq: str = "quarter",
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> pd.DataFrame:
    """Dated dyad and triad assessments reduced to counts.

    One row per (dyad, src, tgt, period, doc_id, polarity, intensity) with ``n``; triads are
    spread over their three dyads; dyads outside ``actors`` are dropped. ``source`` is the
    DataFrame of ``Store.assessments()`` or a Store (then the group-by runs in DuckDB).
    """
    check_freq(freq)
    codes = normalise_actors(actors)
    if isinstance(source, pd.DataFrame):
        raw = _raw_pandas(source, freq, since, until)
    elif hasattr(source, "sql"):
        raw = _raw_sql(source, freq, since, until)
    else:
        raise AnalyticsError(
            f"expected an assessments DataFrame or a Store, got {type(source).__name__}"
        )
    if raw.empty:
        return _empty_table()
    raw = raw.assign(dyad=raw["subject"].map(subject_dyads)).explode("dyad")
    raw = raw[raw["dyad"].notna()]
    pairs = raw["dyad"].str.split("-", expand=True) if len(raw) else None
    if pairs is None or pairs.empty:
        return _empty_table()
    raw = raw.assign(src=pairs[0], tgt=pairs[1])
    if codes is not None:
        raw = raw[raw["src"].isin(codes) & raw["tgt"].isin(codes)]
    if raw.empty:
        return _empty_table()
    table = raw.groupby(_CATEGORY_KEYS, sort=True, observed=True)["n"].sum().reset_index()
    table["period"] = pd.to_datetime(table["period"]).astype("datetime64[us]")
    table["n"] = table["n"].astype("int64")
    return table


def _empty_table() -> pd.DataFrame:
    frame = pd.DataFrame({k: pd.Series(dtype="str") for k in _CATEGORY_KEYS})
    frame["period"] = frame["period"].astype("datetime64[us]")
    frame["polarity"] = frame["polarity"].astype("float64")
    frame["intensity"] = frame["intensity"].astype("float64")
    frame["n"] = pd.Series(dtype="int64")
    return frame


def _raw_pandas(
    frame: pd.DataFrame, freq: str, since: dt.date | None, until: dt.date | None
) -> pd.DataFrame:
    check_assessments(frame)
    keep = frame["published"].notna()
    if "scope" in frame.columns:
        keep &= frame["scope"].isin(("dyad", "triad"))
    dates = pd.to_datetime(frame["published"])
    if since is not None:
        keep &= dates >= pd.Timestamp(since)
    if until is not None:
        keep &= dates <= pd.Timestamp(until)
    part = frame.loc[keep]
    out = pd.DataFrame(
        {
            "subject": part["subject"].astype("str"),
            "period": period_start(part["published"], freq),
            "doc_id": part["doc_id"].astype("str"),
            "polarity": part["polarity"].astype("float64"),
            "intensity": part["intensity"].astype("float64"),
        }
    )
    return out.groupby(list(out.columns), sort=False).size().rename("n").reset_index()


def _raw_sql(store: Any, freq: str, since: dt.date | None, until: dt.date | None) -> pd.DataFrame:
    where = ["published IS NOT NULL", "scope IN ('dyad', 'triad')"]
    params: list[Any] = []
    if since is not None:
        where.append("published >= ?")
        params.append(since)
    if until is not None:
        where.append("published <= ?")
        params.append(until)
    clause = " AND ".join(where)
    query = f"""
        SELECT subject, {sql_period(freq, "published")} AS period, doc_id,
               CAST(polarity AS DOUBLE) AS polarity, CAST(intensity AS DOUBLE) AS intensity,
               count(*) AS n
        FROM current_assessments WHERE {clause}
        GROUP BY ALL ORDER BY ALL
    """
    raw: pd.DataFrame = store.sql(query, params)
    if freq == "all" and len(raw):
        first = store.sql(f"SELECT min(published) AS d FROM current_assessments WHERE {clause}",
                          params)["d"].iloc[0]  # fmt: skip
        raw["period"] = pd.Timestamp(first).normalize()
    return raw


# -- the series ------------------------------------------------------------------------------


def assessment_series(
    source: EventSource,
    *,
    actors: Sequence[str] | None = ("CHN", "RUS", "USA"),
    freq: str = "quarter",
    since: dt.date | None = None,
    until: dt.date | None = None,
    n_boot: int = 500,
    ci: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """The commentary line: one row per undirected dyad and period, on a gap-free grid.

    ``polarity_mean`` = Σ intensity·polarity / Σ intensity over the period's judgements (the
    plain mean when every intensity is 0), NaN without judgements. ``polarity_mean_lo/_hi``:
    two-stage bootstrap (documents with replacement, then each drawn document's judgements
    with replacement), percentile interval at ``ci``; ``n_boot=0`` leaves them NaN.

    Columns: dyad, actor_a, actor_b, period, period_label, n_assessments, n_documents,
    n_positive, n_negative, n_neutral (polarity > 0.1, < -0.1, else), share_positive,
    share_negative, weight (Σ intensity), polarity_mean, polarity_mean_lo,
    polarity_mean_hi, polarity_unweighted.
    """
    if not 0 < ci < 1:
        raise AnalyticsError(f"ci must be between 0 and 1, got {ci}")
    if n_boot < 0:
        raise AnalyticsError(f"n_boot must be >= 0, got {n_boot}")
    codes = normalise_actors(actors)
    table = assessment_table(source, actors=codes, freq=freq, since=since, until=until)
    grid = table_periods(table, freq, since, until)
    found = {
        (str(d), str(a), str(b))
        for d, a, b in table[["dyad", "src", "tgt"]].drop_duplicates().itertuples(index=False)
    }
    if codes is not None:
        for i, a in enumerate(codes):
            for b in codes[i + 1 :]:
                x, y = sorted((a, b))
                found.add((dyad_name(x, y, directed=False), x, y))
    frames = [
        _dyad_series(table[table["dyad"] == name], name, a, b, grid, n_boot, ci, seed)
        for name, a, b in sorted(found)
    ]
    if not frames or len(grid) == 0:
        return _empty_series()
    out = pd.concat(frames, ignore_index=True)
    out["period_label"] = period_label(out["period"], freq).to_numpy()
    return out[list(SERIES_COLUMNS)]


def _empty_series() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype="float64") for c in SERIES_COLUMNS})
    for column in ("dyad", "actor_a", "actor_b", "period_label"):
        frame[column] = frame[column].astype("str")
    frame["period"] = frame["period"].astype("datetime64[us]")
    return frame


def _dyad_series(
    table: pd.DataFrame,
    name: str,
    actor_a: str,
    actor_b: str,
    grid: pd.DatetimeIndex,
    n_boot: int,
    ci: float,
    seed: int,
) -> pd.DataFrame:
    periods = len(grid)
    position = {p: i for i, p in enumerate(grid)}
    row = table["period"].map(position).to_numpy().astype("int64")
    n = table["n"].to_numpy().astype(float)
    pol = table["polarity"].to_numpy().astype(float)
    wgt = table["intensity"].to_numpy().astype(float)

    def total(values: np.ndarray) -> np.ndarray:
        return np.bincount(row, weights=values, minlength=periods)

    count, weight = total(n), total(n * wgt)
    weighted, plain = total(n * wgt * pol), total(n * pol)
    positive = total(n * (pol > POLARITY_FLOOR))
    negative = total(n * (pol < -POLARITY_FLOOR))
    documents = np.zeros(periods)
    if len(table):
        per_doc = table.groupby("period")["doc_id"].nunique()
        for period, k in per_doc.items():
            documents[position[period]] = k
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = _mean(weighted, weight, plain, count)
        unweighted = np.where(count > 0, plain / count, np.nan)
        share_pos = np.where(count > 0, positive / count, np.nan)
        share_neg = np.where(count > 0, negative / count, np.nan)
    lo, hi = np.full(periods, np.nan), np.full(periods, np.nan)
    if n_boot > 0 and len(table):
        for period, part in table.groupby("period", sort=True):
            t = position[period]
            lo[t], hi[t] = _bootstrap(part, n_boot, ci, bootstrap_rng(seed, name, period))
    frame = pd.DataFrame(
        {
            "dyad": name,
            "actor_a": actor_a,
            "actor_b": actor_b,
            "period": grid,
            "n_assessments": count.astype("int64"),
            "n_documents": documents.astype("int64"),
            "n_positive": positive.astype("int64"),
            "n_negative": negative.astype("int64"),
            "n_neutral": (count - positive - negative).astype("int64"),
            "share_positive": share_pos,
            "share_negative": share_neg,
            "weight": weight,
            "polarity_mean": mean,
            "polarity_mean_lo": lo,
            "polarity_mean_hi": hi,
            "polarity_unweighted": unweighted,
        }
    )
    return frame


def _mean(
    weighted: np.ndarray, weight: np.ndarray, plain: np.ndarray, count: np.ndarray
) -> np.ndarray:
    """Intensity-weighted mean polarity; the plain mean where all weights are 0."""
    with np.errstate(invalid="ignore", divide="ignore"):
        fallback = np.where(count > 0, plain / np.where(count > 0, count, 1), np.nan)
        return np.where(weight > 0, weighted / np.where(weight > 0, weight, 1), fallback)


def _bootstrap(
    part: pd.DataFrame, n_boot: int, ci: float, rng: np.random.Generator
) -> tuple[float, float]:
    """Two-stage bootstrap interval of one (dyad, period)'s weighted mean polarity.

    Stage 1 draws the period's k documents with replacement (``c_j`` copies of document j);
    stage 2 redraws each copy's judgements with replacement, which for ``c_j`` copies is one
    multinomial of size ``c_j·n_j`` over the document's (polarity, intensity) categories.
    """
    docs = [group for _, group in part.groupby("doc_id", sort=True)]
    k = len(docs)
    copies = rng.multinomial(k, np.full(k, 1.0 / k), size=n_boot)  # (n_boot, k)
    weighted = np.zeros(n_boot)
    weight = np.zeros(n_boot)
    plain = np.zeros(n_boot)
    count = np.zeros(n_boot)
    for j, doc in enumerate(docs):
        n = doc["n"].to_numpy().astype("int64")
        pol = doc["polarity"].to_numpy().astype(float)
        wgt = doc["intensity"].to_numpy().astype(float)
        size = copies[:, j] * int(n.sum())
        draws = rng.multinomial(size, n / n.sum()).astype(float)  # (n_boot, categories)
        weighted += draws @ (wgt * pol)
        weight += draws @ wgt
        plain += draws @ pol
        count += draws.sum(axis=1)
    reps = _mean(weighted, weight, plain, count)
    finite = reps[np.isfinite(reps)]
    if not len(finite):
        return np.nan, np.nan
    alpha = (1 - ci) / 2
    low, high = np.quantile(finite, [alpha, 1 - alpha])
    return float(low), float(high)


# -- the triangle from commentary -------------------------------------------------------------


def assessment_triangle(
    source: EventSource,
    a: str = "CHN",
    b: str = "RUS",
    c: str = "USA",
    *,
    freq: str = "quarter",
    neutral_band: float = DEFAULT_NEUTRAL_BAND,
    min_assessments: float = DEFAULT_MIN_ASSESSMENTS,
    half_life: float | None = 6.0,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> pd.DataFrame:
    """Dittmer's triangle from commentary: one row per period, shaped like ``triangle``'s.

    A side's score is the decayed intensity-weighted mean polarity at the period's end,
    ``Σ δ^age·w·p / Σ δ^age·w`` with ``δ = 0.5 ^ (period months / half_life)`` (``half_life``
    None or 0: the period alone). Its evidence is the decayed number of judgements; below
    ``min_assessments`` the side is unknown; within ``±neutral_band`` it is neutral.

    Columns: period, period_label, then per side X-Y (codes sorted) ``score_X-Y``, ``n_X-Y``
    (judgements in the period), ``evidence_X-Y``, ``sign_X-Y``; type, type_label, balance,
    pivot, outcast, ``advantage_<actor>``, advantaged, pivot_advantage (as ``triangle``).
    """
    actors = triangle_actors(a, b, c)
    if neutral_band < 0 or min_assessments < 0:
        raise AnalyticsError("neutral_band and min_assessments must not be negative")
    decay = _decay(freq, half_life)
    table = assessment_table(source, actors=actors, freq=freq, since=since, until=until)
    grid = table_periods(table, freq, since, until)
    names = side_names(actors)
    out = pd.DataFrame({"period": grid})
    out["period_label"] = period_label(out["period"], freq).to_numpy()
    position = {p: i for i, p in enumerate(grid)}
    for name in names:
        part = table[table["dyad"] == name]
        row = part["period"].map(position).to_numpy().astype("int64")
        n = part["n"].to_numpy().astype(float)
        pol, wgt = part["polarity"].to_numpy(), part["intensity"].to_numpy()
        count = np.bincount(row, weights=n, minlength=len(grid))
        sums = [
            decayed_count(np.bincount(row, weights=values, minlength=len(grid)), decay)
            for values in (n * wgt * pol, n * wgt, n * pol)
        ]
        evidence = decayed_count(count, decay)
        out[f"score_{name}"] = _mean(sums[0], sums[1], sums[2], evidence)
        out[f"n_{name}"] = count.astype("int64")
        out[f"evidence_{name}"] = evidence
    return classified(out, names, actors, neutral_band, min_assessments)


def _decay(freq: str, half_life: float | None) -> float:
    check_freq(freq)
    if freq == "all" or not half_life:
        return 0.0
    if half_life < 0:
        raise AnalyticsError(f"half_life must be positive, got {half_life}")
    return float(0.5 ** (PERIOD_MONTHS[freq] / half_life))


def _symbol(sign: float) -> str:
    return {1.0: "+", 0.0: "0", -1.0: "−"}.get(float(sign), "?")


def compare_triangles(event_tri: pd.DataFrame, assessment_tri: pd.DataFrame) -> pd.DataFrame:
    """Where the events and the commentary disagree: one row per period and side.

    Both inputs are ``triangle``-shaped (``triangle`` and ``assessment_triangle`` of the same
    actors and ``freq``); periods are matched by label (outer join: a period missing from
    one side has unknown signs there). ``status``: ``agree`` (same sign), ``opposite`` (+
    against −), ``differ`` (one side neutral, the other not), ``unknown`` (a sign missing).
    ``flag`` says it in words for opposite/differ, e.g. "events say +, commentary says −".

    Columns: period, period_label, dyad, event_score, event_sign, assessment_score,
    assessment_sign, n_assessments, status, flag, event_type, assessment_type.
    """
    names = sorted(
        {c.removeprefix("sign_") for c in event_tri.columns if c.startswith("sign_")}
        | {c.removeprefix("sign_") for c in assessment_tri.columns if c.startswith("sign_")}
    )
    left = event_tri.set_index("period_label")
    right = assessment_tri.set_index("period_label")
    labels = sorted(set(left.index) | set(right.index))
    rows = []
    for label in labels:
        ev = left.loc[label] if label in left.index else None
        asm = right.loc[label] if label in right.index else None
        period = (ev if ev is not None else asm)["period"]  # type: ignore[index]
        for name in names:
            e_sign = _get(ev, f"sign_{name}")
            a_sign = _get(asm, f"sign_{name}")
            if e_sign != e_sign or a_sign != a_sign:
                status = "unknown"
            elif e_sign == a_sign:
                status = "agree"
            elif e_sign * a_sign < 0:
                status = "opposite"
            else:
                status = "differ"
            flag = ""
            if status in ("opposite", "differ"):
                flag = f"events say {_symbol(e_sign)}, commentary says {_symbol(a_sign)}"
            n_assessments = _get(asm, f"n_{name}")
            rows.append(
                {
                    "period": pd.Timestamp(period),
                    "period_label": str(label),
                    "dyad": name,
                    "event_score": _get(ev, f"score_{name}"),
                    "event_sign": e_sign,
                    "assessment_score": _get(asm, f"score_{name}"),
                    "assessment_sign": a_sign,
                    "n_assessments": 0 if n_assessments != n_assessments else int(n_assessments),
                    "status": status,
                    "flag": flag,
                    "event_type": "" if ev is None else str(ev["type"]),
                    "assessment_type": "" if asm is None else str(asm["type"]),
                }
            )
    out = pd.DataFrame(rows, columns=list(COMPARE_COLUMNS))
    return out.sort_values(["period", "dyad"], kind="stable").reset_index(drop=True)


def _get(row: pd.Series | None, column: str) -> float:
    if row is None or column not in row.index:
        return np.nan
    value = row[column]
    return np.nan if value is None or value != value else float(value)


# -- evidence --------------------------------------------------------------------------------


def annotate_assessments(
    frame: pd.DataFrame, *, freq: str, actors: Sequence[str] | None = None
) -> pd.DataFrame:
    """Dated dyad/triad rows of ``Store.assessments()`` with ``dyad`` and ``period`` added;
    a triad row appears once for each of its dyads among ``actors``. Strongest first within
    the frame's order: callers rank with ``top_assessments``."""
    check_assessments(frame)
    codes = normalise_actors(actors)
    keep = frame["published"].notna()
    if "scope" in frame.columns:
        keep &= frame["scope"].isin(("dyad", "triad"))
    part = frame.loc[keep].copy()
    part["dyad"] = part["subject"].map(subject_dyads)
    part = part.explode("dyad")
    part = part[part["dyad"].notna()]
    if codes is not None and len(part):
        sides = part["dyad"].str.split("-", expand=True)
        part = part[sides[0].isin(codes) & sides[1].isin(codes)]
    part["period"] = period_start(part["published"], freq)
    return part.reset_index(drop=True)


def top_assessments(frame: pd.DataFrame, n: int = 15) -> pd.DataFrame:
    """The ``n`` strongest judgements (|polarity| x intensity), ties by date and position."""
    if frame.empty:
        return frame
    strength = -(frame["polarity"].astype(float).abs() * frame["intensity"].astype(float))
    ranked = frame.assign(_key=strength.to_numpy())
    ties = [c for c in ("published", "doc_id", "sentence_index") if c in ranked.columns]
    ranked = ranked.sort_values(["_key", *ties], kind="stable")
    return ranked.drop(columns="_key").head(n)
