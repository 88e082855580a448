"""The HTML report: one self-contained file (plotly inlined) that opens offline.

All document text, titles and URLs are untrusted. The template autoescapes everything;
the only markup built here is the trigger highlight (from escaped pieces) and links, whose
URL must be http(s). Figures carry codes and numbers only and are embedded as JSON in
``<script type="application/json">`` with ``<``, ``>`` and ``&`` escaped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pandas as pd
from jinja2 import Environment, PackageLoader
from markupsafe import Markup, escape
from plotly.offline import get_plotlyjs

from tripolar.analytics import (
    TOPIC_LABELS,
    TYPE_LABELS,
    annotate,
    annotate_assessments,
    assessment_series,
    assessment_triangle,
    change_points,
    compare_datasets,
    compare_triangles,
    network,
    relations,
    top_assessments,
    top_events,
    topic_breakdown,
    transitions,
    triangle,
)
from tripolar.analytics.counting import counted
from tripolar.analytics.periods import normalise_actors
from tripolar.errors import AnalyticsError, TripolarError
from tripolar.report import figures
from tripolar.store import Store

QUAD_LABELS = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
_CONTROL = re.compile(r"[\x00-\x20\x7f]")


@dataclass(frozen=True, slots=True)
class ReportOptions:
    freq: str = "month"
    triangle_freq: str = "quarter"
    evidence_per_period: int = 15
    n_boot: int = 300
    seed: int = 0
    assessment_freq: str = "quarter"  # commentary is sparser than news: its line is quarterly
    weighting: str = "distinct"  # each real event once (analytics/counting.py)


def safe_url(url: object) -> str | None:
    """The URL if it is an absolute http(s) URL without spaces or control characters."""
    if not isinstance(url, str):
        return None
    candidate = url.strip()
    if not candidate or _CONTROL.search(candidate):
        return None
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return candidate


def highlight(sentence: object, start: int, trigger_start: int, trigger_end: int) -> Markup:
    """The sentence, escaped, with the trigger word wrapped in <mark>."""
    text = "" if sentence is None or sentence != sentence else str(sentence)
    lo, hi = int(trigger_start) - int(start), int(trigger_end) - int(start)
    if 0 <= lo < hi <= len(text):
        return (
            escape(text[:lo])
            + Markup("<mark>")
            + escape(text[lo:hi])
            + Markup("</mark>")
            + escape(text[hi:])
        )
    return escape(text)


def _code_namer() -> Callable[[str], str]:
    """code -> name from the CAMEO codebook of tripolar.events; '' when it is unavailable."""
    try:
        from tripolar.events import Codebook

        names = {str(entry.code): str(entry.name) for entry in Codebook.load()}
    except (ImportError, AttributeError, OSError, ValueError, TripolarError):
        return lambda code: ""
    return lambda code: names.get(code, "")


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NaT:
        return ""
    return str(value)


def _reports(chosen: pd.DataFrame, events: pd.DataFrame | None) -> dict[str, list[Any]]:
    """distinct_id -> the reports (mentions) of that event in the report's scope, earliest
    first: what the reader opens under "N reports"."""
    if events is None or chosen.empty or "distinct_id" not in events.columns:
        return {}
    mine = events[events["distinct_id"].isin(set(chosen["distinct_id"]))]
    mine = mine.sort_values(["published", "doc_id", "sentence_index"], na_position="last")
    out: dict[str, list[Any]] = {}
    for r in mine.to_dict("records"):
        published = r.get("published")
        out.setdefault(str(r["distinct_id"]), []).append(
            {
                "published": pd.Timestamp(published).date().isoformat()
                if pd.notna(published)
                else "",
                "title": _text(r.get("title")) or "(untitled document)",
                "url": safe_url(r.get("url")),
                "outlet": _text(r.get("outlet")),
                "sentence": _text(r.get("sentence")),
            }
        )
    return out


def _event_rows(
    frame: pd.DataFrame, namer: Callable[[str], str], events: pd.DataFrame | None = None
) -> list[dict[str, Any]]:
    """Evidence rows; with ``events`` (all mentions in scope) each row lists the reports
    of its distinct event."""
    rows = []
    reports = _reports(frame, events)
    for e in frame.to_dict("records"):
        date = e.get("event_date")
        mine = reports.get(_text(e.get("distinct_id")), [])
        rows.append(
            {
                "date": pd.Timestamp(date).date().isoformat() if pd.notna(date) else "",
                "date_basis": _text(e.get("date_basis")),
                "source": _text(e.get("source")),
                "target": _text(e.get("target")),
                "source_text": _text(e.get("source_text")),
                "target_text": _text(e.get("target_text")),
                "code": _text(e.get("code")),
                "code_name": namer(_text(e.get("code"))),
                "goldstein": float(e.get("goldstein") or 0.0),
                "quad": QUAD_LABELS.get(int(e.get("quad_class") or 0), ""),
                "quad_class": int(e.get("quad_class") or 0),
                "sentence": highlight(
                    e.get("sentence"),
                    e.get("start") or 0,
                    e.get("trigger_start", -1),
                    e.get("trigger_end", -1),
                ),
                "title": _text(e.get("title")) or "(untitled document)",
                "url": safe_url(e.get("url")),
                "event_id": _text(e.get("event_id")),
                "publisher": _text(e.get("publisher")),
                "date_precision": _text(e.get("date_precision")),
                "n_reports": int(e["mentions"]) if pd.notna(e.get("mentions")) else len(mine),
                "n_sources": int(e["sources"]) if pd.notna(e.get("sources")) else 0,
                "reports": mine,
            }
        )
    return rows


def _assessment_rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Judgements for an evidence table; every string is shown escaped by the template."""
    rows = []
    for a in frame.to_dict("records"):
        published = a.get("published")
        cues = a.get("cues")
        holder_code = _text(a.get("holder_code"))
        rows.append(
            {
                "date": pd.Timestamp(published).date().isoformat() if pd.notna(published) else "",
                "holder": _text(a.get("holder")),
                "holder_code": holder_code,
                "subject": _text(a.get("subject")),
                "polarity": float(a.get("polarity") or 0.0),
                "intensity": float(a.get("intensity") or 0.0),
                "dimension": _text(a.get("dimension")),
                "time": _text(a.get("time_orientation")),
                "modality": _text(a.get("modality")),
                "negated": bool(a.get("negated")),
                "hedged": bool(a.get("hedged")),
                "cues": ", ".join(str(c) for c in cues) if cues is not None else "",
                "sentence": highlight(
                    a.get("sentence"),
                    a.get("start") or 0,
                    a.get("cue_start", -1),
                    a.get("cue_end", -1),
                ),
                "title": _text(a.get("title")) or "(untitled document)",
                "url": safe_url(a.get("url")),
            }
        )
    return rows


def _slug(*parts: str) -> str:
    return "-".join(re.sub(r"[^A-Za-z0-9]+", "", p) for p in parts)


def _quality(store: Store) -> dict[str, Any]:
    def scalar(query: str) -> int:
        frame = store.sql(query)
        return int(frame.iloc[0, 0]) if len(frame) and pd.notna(frame.iloc[0, 0]) else 0

    failures = store.failures()
    reasons = (
        failures.groupby("reason").size().sort_values(ascending=False).head(20)
        if len(failures)
        else pd.Series(dtype="int64")
    )
    basis = store.sql(
        "SELECT date_basis, count(*) AS n FROM current_events GROUP BY 1 ORDER BY 2 DESC"
    )
    return {
        "counts": store.counts(),
        "docs_without_events": scalar(
            "SELECT count(*) FROM documents d WHERE NOT EXISTS "
            "(SELECT 1 FROM current_events e WHERE e.doc_id = d.doc_id)"
        ),
        "docs_without_date": scalar("SELECT count(*) FROM documents WHERE published IS NULL"),
        "events_without_date": scalar(
            "SELECT count(*) FROM current_events WHERE event_date IS NULL"
        ),
        "date_basis": [(str(r.date_basis), int(r.n)) for r in basis.itertuples()],
        "failure_reasons": [(str(k), int(v)) for k, v in reasons.items()],
        "failures": [
            {
                "path": _text(r.path),
                "line": "" if pd.isna(r.line) else int(r.line),
                "reason": _text(r.reason),
            }
            for r in failures.head(200).itertuples()
        ],
        "failures_shown": min(len(failures), 200),
    }


def check_writable(target: Path) -> None:
    """Raise AnalyticsError unless ``target`` can be written; leaves no file behind."""
    existed = target.exists()
    try:
        with target.open("a", encoding="utf-8"):
            pass
    except OSError as exc:
        raise AnalyticsError(
            f"cannot write the report to {target}: {exc.strerror or exc}"
        ) from None
    if not existed:
        target.unlink()


def render_report(
    store: Store,
    path: str | Path,
    *,
    actors: Sequence[str] = ("CHN", "RUS", "USA"),
    since: dt.date | None = None,
    until: dt.date | None = None,
    title: str | None = None,
    options: ReportOptions | None = None,
    compare: str | None = None,
) -> Path:
    """Write the report for ``actors`` (the first three form the triangle); return its path.

    The report reads the events of ``store.dataset`` (see `Store.scoped`); ``compare`` names
    another dataset to set beside it (correlations and the periods they disagree most)."""
    opts = options or ReportOptions()
    codes = normalise_actors(actors)
    if codes is None or len(codes) < 2:
        raise AnalyticsError("the report needs at least two actors, e.g. CHN, RUS, USA")
    check_writable(Path(path))  # before the work, not after it
    context = build_context(store, codes, since, until, opts)
    context["title"] = title or f"Relations between {', '.join(codes)}"
    context["dataset"] = store.dataset
    context["comparison"] = (
        _comparison(store, compare, codes, since, until, opts) if compare else None
    )
    env = Environment(
        loader=PackageLoader("tripolar.report", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    html = env.get_template("report.html.j2").render(**context)
    target = Path(path)
    try:
        target.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise AnalyticsError(f"cannot write the report to {target}: {exc}") from exc
    return target


def _comparison(
    store: Store,
    other: str,
    actors: tuple[str, ...],
    since: dt.date | None,
    until: dt.date | None,
    opts: ReportOptions,
) -> dict[str, Any]:
    found = compare_datasets(
        store, store.dataset, other, actors=actors, freq=opts.freq, since=since, until=until
    )
    return {
        "a": store.dataset,
        "b": other,
        "freq": opts.freq,
        "summary": found.summary.to_dict("records"),
        "disagreements": found.disagreements.to_dict("records"),
    }


def build_context(
    store: Store,
    actors: tuple[str, ...],
    since: dt.date | None,
    until: dt.date | None,
    opts: ReportOptions,
) -> dict[str, Any]:
    """Everything the template shows, computed from the store."""
    namer = _code_namer()
    events = store.events(actors=list(actors), since=since, until=until)
    scoped = annotate(counted(events, opts.weighting, opts.freq), freq=opts.freq, actors=actors)
    series = relations(
        events,
        actors=actors,
        freq=opts.freq,
        since=since,
        until=until,
        n_boot=opts.n_boot,
        seed=opts.seed,
        weighting=opts.weighting,
    )
    anchors = {
        (str(r.dyad), str(r.period_label)): _slug("ev", str(r.dyad), str(r.period_label))
        for r in series.itertuples()
        if r.n_events > 0
    }
    commentary = _commentary(store, events, actors, since, until, opts)
    dyads = []
    for name, part in series.groupby("dyad", sort=True):
        dyad = _dyad_context(
            str(name), part, scoped, events, anchors, namer, opts, commentary["window"]
        )
        dyad["commentary"] = _dyad_commentary(str(name), commentary, opts)
        dyads.append(dyad)
    tri_context = (
        _triangle_context(events, actors, namer, opts, commentary) if len(actors) >= 3 else None
    )
    net = network(store, freq="all", since=since, until=until)
    graph = next(iter(net.graphs.values())) if net.graphs else None
    breakdown = topic_breakdown(events, actors=actors)
    dates = pd.to_datetime(events["event_date"]).dropna()
    return {
        "generated": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "actors": actors,
        "overview": {
            "documents": int(store.counts()["documents"]),
            "stored_events": store.counts()["events"],
            "stored_assessments": store.counts()["assessments"],
            "documents_in_scope": int(events["doc_id"].nunique()) if len(events) else 0,
            "events": len(events),
            "dated_events": len(dates),
            "first": dates.min().date().isoformat() if len(dates) else "—",
            "last": dates.max().date().isoformat() if len(dates) else "—",
            "dyads": len(dyads),
            "dyads_with_events": sum(1 for d in dyads if d["n_events"] > 0),
            "all_dyads": len(net.edges),
            "since": since.isoformat() if since else "",
            "until": until.isoformat() if until else "",
            "assessments": commentary["n_assessments"],
            "assessment_documents": commentary["n_documents"],
        },
        "has_assessments": commentary["n_assessments"] > 0,
        "index_chart": figures.to_json(figures.index_figure(series, anchors)),
        "dyads": dyads,
        "triangle": tri_context,
        "network_chart": figures.to_json(figures.network_figure(graph, actors)) if graph else None,
        "network_nodes": (
            net.nodes.sort_values("n_events", ascending=False).head(15).to_dict("records")
        ),
        "network_edges": net.edges.sort_values("n_events", ascending=False)
        .head(15)
        .to_dict("records"),
        "topics_chart": figures.to_json(figures.topic_figure(breakdown, _topic_anchors(breakdown)))
        if len(breakdown)
        else None,
        "topic_rows": _topic_rows(breakdown),
        "topic_evidence": _topic_evidence(scoped, namer),
        "quality": _quality(store),
        "opts": opts,
        "plotly_js": Markup(get_plotlyjs()),
        "type_labels": TYPE_LABELS,
    }


def _commentary(
    store: Store,
    events: pd.DataFrame,
    actors: tuple[str, ...],
    since: dt.date | None,
    until: dt.date | None,
    opts: ReportOptions,
) -> dict[str, Any]:
    """The assessments among ``actors``, their series, and the window both signals share."""
    judgements = store.assessments(since=since, until=until)
    scoped = annotate_assessments(judgements, freq=opts.assessment_freq, actors=actors)
    out: dict[str, Any] = {
        "frame": judgements,
        "scoped": scoped,
        "n_assessments": int(scoped[["doc_id", "sentence_index", "subject"]].drop_duplicates()
                             .shape[0]) if len(scoped) else 0,
        "n_documents": int(scoped["doc_id"].nunique()) if len(scoped) else 0,
        "window": None,
    }  # fmt: skip
    if scoped.empty:
        return out
    dates = pd.concat(
        [pd.to_datetime(events["event_date"]).dropna(), pd.to_datetime(scoped["published"])]
    )
    first, last = dates.min().date(), dates.max().date()
    out["window"] = (first, last)
    out["series"] = assessment_series(
        judgements, actors=actors, freq=opts.assessment_freq, since=first, until=last,
        n_boot=opts.n_boot, seed=opts.seed,
    )  # fmt: skip
    out["event_series"] = relations(
        events, actors=actors, freq=opts.assessment_freq, since=first, until=last, n_boot=0,
        weighting=opts.weighting,
    )  # fmt: skip
    return out


def _dyad_commentary(
    name: str, commentary: dict[str, Any], opts: ReportOptions
) -> dict[str, Any] | None:
    """The dyad's commentary line and the judgements behind each point; None without any."""
    scoped: pd.DataFrame = commentary["scoped"]
    mine = scoped[scoped["dyad"] == name] if len(scoped) else scoped
    if mine.empty:
        return None
    series = commentary["series"]
    part = series[series["dyad"] == name]
    event_part = commentary["event_series"]
    event_part = event_part[event_part["dyad"] == name]
    anchors = {
        str(r.period_label): _slug("as", name, str(r.period_label))
        for r in part.itertuples()
        if r.n_assessments > 0
    }
    grouped = dict(tuple(mine.groupby("period", sort=False)))
    periods = []
    for row in part[part["n_assessments"] > 0].iloc[::-1].itertuples():
        chosen = top_assessments(grouped.get(row.period, mine.iloc[0:0]),
                                 n=opts.evidence_per_period)  # fmt: skip
        periods.append(
            {
                "anchor": anchors[str(row.period_label)],
                "label": row.period_label,
                "n": row.n_assessments,
                "n_documents": row.n_documents,
                "mean": row.polarity_mean,
                "lo": row.polarity_mean_lo,
                "hi": row.polarity_mean_hi,
                "share_positive": row.share_positive,
                "share_negative": row.share_negative,
                "rows": _assessment_rows(chosen),
                "hidden": row.n_assessments - len(chosen),
            }
        )
    known = part[part["n_assessments"] > 0]
    weight = known["weight"].sum()
    overall = (
        float((known["polarity_mean"] * known["weight"]).sum() / weight) if weight > 0 else 0.0
    )
    return {
        "n": int(known["n_assessments"].sum()),
        "n_documents": int(mine["doc_id"].nunique()),
        "mean": overall,
        "chart": figures.to_json(
            figures.assessment_figure(part, event_part, anchors, commentary["window"])
        ),
        "periods": periods,
    }


def _dyad_context(
    name: str,
    part: pd.DataFrame,
    scoped: pd.DataFrame,
    events: pd.DataFrame,
    anchors: dict[tuple[str, str], str],
    namer: Callable[[str], str],
    opts: ReportOptions,
    window: tuple[dt.date, dt.date] | None = None,
) -> dict[str, Any]:
    cps = (
        change_points(events, name, freq=opts.freq, weighting=opts.weighting)
        if part["n_events"].sum()
        else None
    )
    change_rows = []
    if cps is not None:
        by_id = events.set_index("event_id", drop=False)
        for cp in cps.itertuples():
            chosen = by_id.loc[[i for i in cp.evidence_event_ids if i in by_id.index]]
            if chosen.empty:  # every change point shown must carry its evidence
                continue
            change_rows.append(
                {
                    "label": cp.period_label,
                    "before": cp.before,
                    "after": cp.after,
                    "shift": cp.shift,
                    "events": _event_rows(chosen, namer, events),
                }
            )
    periods = []
    mine = scoped[scoped["dyad"] == name]
    grouped = dict(tuple(mine.groupby("period", sort=False))) if len(mine) else {}
    for row in part[part["n_events"] > 0].iloc[::-1].itertuples():
        chosen = top_events(grouped.get(row.period, mine.iloc[0:0]), n=opts.evidence_per_period)
        periods.append(
            {
                "anchor": anchors[(name, row.period_label)],
                "label": row.period_label,
                "n_events": row.n_events,
                "net_coop": row.net_coop,
                "lo": row.net_coop_lo,
                "hi": row.net_coop_hi,
                "index": row.relation_index,
                "band": row.relation_band,
                "goldstein_mean": row.goldstein_mean,
                "quads": [
                    row.n_verbal_coop,
                    row.n_material_coop,
                    row.n_verbal_conflict,
                    row.n_material_conflict,
                ],
                "events": _event_rows(chosen, namer, events),
                "hidden": row.n_events - len(chosen),
            }
        )
    last = part.iloc[-1]
    year_ago = part.iloc[-13] if len(part) > 12 else None
    return {
        "name": name,
        "slug": _slug("dyad", name),
        "n_events": int(part["n_events"].sum()),
        "index": float(last["relation_index"]),
        "band": str(last["relation_band"]),
        "index_lo": float(last["relation_index_lo"]),
        "index_hi": float(last["relation_index_hi"]),
        "last_label": str(last["period_label"]),
        "year_ago": None
        if year_ago is None or pd.isna(year_ago["relation_index"])
        else float(year_ago["relation_index"]),
        "chart": figures.to_json(
            figures.dyad_figure(part, anchors, [c["label"] for c in change_rows], window)
        ),
        "changes": change_rows,
        "periods": periods,
    }


def _triangle_context(
    events: pd.DataFrame,
    actors: tuple[str, ...],
    namer: Callable[[str], str],
    opts: ReportOptions,
    commentary: dict[str, Any] | None = None,
) -> dict[str, Any]:
    a, b, c = actors[:3]
    window = commentary["window"] if commentary else None
    first, last = window if window else (None, None)
    tri = triangle(
        events, a, b, c, freq=opts.triangle_freq, since=first, until=last,
        weighting=opts.weighting,
    )  # fmt: skip
    anchors = {str(p): _slug("tri", str(p)) for p in tri["period_label"]}
    moves = transitions(events, tri, freq=opts.triangle_freq)
    by_id = events.set_index("event_id", drop=False)
    rows = []
    for move in moves.itertuples():
        chosen = by_id.loc[[i for i in move.driver_event_ids if i in by_id.index]]
        rows.append(
            {
                "label": move.period_label,
                "previous": move.previous_label,
                "from": TYPE_LABELS.get(move.from_type, move.from_type),
                "to": TYPE_LABELS.get(move.to_type, move.to_type),
                "changes": move.changes,
                "anchor": anchors.get(str(move.period_label), ""),
                "events": _event_rows(chosen, namer, events),
            }
        )
    names = [col.removeprefix("sign_") for col in tri.columns if col.startswith("sign_")]
    distinct = counted(events, opts.weighting, opts.triangle_freq)
    scoped = annotate(distinct, freq=opts.triangle_freq, actors=(a, b, c))
    grouped = dict(tuple(scoped.groupby(["period", "dyad"], sort=False))) if len(scoped) else {}
    evidence, cells = [], {}
    for r in tri.iloc[::-1].itertuples():
        for name in names:
            part = grouped.get((r.period, name))
            if part is None or part.empty:
                continue
            anchor = _slug("tri", name, str(r.period_label))
            cells[(name, str(r.period_label))] = anchor
            chosen = top_events(part, n=opts.evidence_per_period)
            evidence.append(
                {
                    "anchor": anchor,
                    "label": str(r.period_label),
                    "dyad": name,
                    "n_events": len(part),
                    "events": _event_rows(chosen, namer, events),
                    "hidden": len(part) - len(chosen),
                }
            )
    table = []
    for r in tri.to_dict("records"):
        table.append(
            {
                "label": r["period_label"],
                "anchor": anchors[str(r["period_label"])],
                "type": TYPE_LABELS[r["type"]],
                "kind": r["type"],
                "pivot": r["pivot"] if isinstance(r["pivot"], str) else "",
                "outcast": r["outcast"] if isinstance(r["outcast"], str) else "",
                "balance": r["balance"],
                "advantaged": r["advantaged"],
                "pivot_advantage": r["pivot_advantage"],
                "sides": [
                    (
                        n,
                        r[f"sign_{n}"],
                        r[f"score_{n}"],
                        r[f"n_{n}"],
                        cells.get((n, str(r["period_label"])), ""),
                    )
                    for n in names
                ],
            }
        )
    return {
        "actors": (a, b, c),
        "chart": figures.to_json(figures.triangle_figure(tri, anchors, cells))
        if len(tri)
        else None,
        "rows": table[::-1],
        "evidence": evidence,
        "transitions": rows[::-1],
        "names": names,
        "commentary": _triangle_commentary(tri, cells, (a, b, c), opts, commentary)
        if window and commentary
        else None,
    }


def _triangle_commentary(
    tri: pd.DataFrame,
    event_cells: dict[tuple[str, str], str],
    actors: tuple[str, str, str],
    opts: ReportOptions,
    commentary: dict[str, Any],
) -> dict[str, Any]:
    """The triangle from assessments on the events triangle's periods, and where they differ."""
    first, last = commentary["window"]
    a, b, c = actors
    comment = assessment_triangle(
        commentary["frame"], a, b, c, freq=opts.triangle_freq, since=first, until=last
    )
    compared = compare_triangles(tri, comment)
    scoped = annotate_assessments(commentary["frame"], freq=opts.triangle_freq, actors=actors)
    grouped = dict(tuple(scoped.groupby(["period", "dyad"], sort=False))) if len(scoped) else {}
    names = [col.removeprefix("sign_") for col in comment.columns if col.startswith("sign_")]
    anchors = {str(p): _slug("tri", str(p)) for p in comment["period_label"]}
    cells: dict[tuple[str, str], str] = {}
    evidence = []
    for r in comment.iloc[::-1].itertuples():
        for name in names:
            part = grouped.get((r.period, name))
            if part is None or part.empty:
                continue
            anchor = _slug("tas", name, str(r.period_label))
            cells[(name, str(r.period_label))] = anchor
            chosen = top_assessments(part, n=opts.evidence_per_period)
            evidence.append(
                {
                    "anchor": anchor,
                    "label": str(r.period_label),
                    "dyad": name,
                    "n": len(part),
                    "rows": _assessment_rows(chosen),
                    "hidden": len(part) - len(chosen),
                }
            )
    flagged = compared[compared["status"].isin(("opposite", "differ"))]
    marks = {(str(r.dyad), str(r.period_label)): str(r.flag) for r in flagged.itertuples()}
    disagreements = [
        {
            "label": r.period_label,
            "dyad": r.dyad,
            "status": r.status,
            "flag": r.flag,
            "event_score": r.event_score,
            "assessment_score": r.assessment_score,
            "n_assessments": r.n_assessments,
            "event_anchor": event_cells.get((str(r.dyad), str(r.period_label)), ""),
            "assessment_anchor": cells.get((str(r.dyad), str(r.period_label)), ""),
        }
        for r in flagged.iloc[::-1].itertuples()
    ]
    return {
        "chart": figures.to_json(
            figures.triangle_figure(comment, anchors, cells, score_name="polarity", marks=marks)
        )
        if len(comment)
        else None,
        "evidence": evidence,
        "disagreements": disagreements,
        "n_compared": int((compared["status"] != "unknown").sum()),
        "n_agree": int((compared["status"] == "agree").sum()),
    }


def _topic_anchors(breakdown: pd.DataFrame) -> dict[tuple[str, str], str]:
    return {
        (str(d), str(t)): _slug("topic", str(d), str(t))
        for d, t in zip(breakdown["dyad"], breakdown["topic"], strict=True)
    }


def _topic_rows(breakdown: pd.DataFrame) -> list[dict[str, Any]]:
    return [
        {
            "dyad": r.dyad,
            "topic": TOPIC_LABELS.get(r.topic, r.topic),
            "n_events": r.n_events,
            "share": r.share,
            "goldstein_mean": r.goldstein_mean,
            "net_coop": r.net_coop,
        }
        for r in breakdown.itertuples()
    ]


def _topic_evidence(scoped: pd.DataFrame, namer: Callable[[str], str]) -> list[dict[str, Any]]:
    from tripolar.analytics import topics

    if scoped.empty:
        return []
    tags = topics(scoped)
    merged = scoped.merge(tags[["event_id", "topic"]], on="event_id")
    out = []
    for (dyad, topic), part in merged.groupby(["dyad", "topic"], sort=True):
        out.append(
            {
                "dyad": dyad,
                "topic": TOPIC_LABELS.get(str(topic), str(topic)),
                "slug": _slug("topic", str(dyad), str(topic)),
                "n_events": len(part),
                "events": _event_rows(top_events(part, n=8), namer),
            }
        )
    return out
