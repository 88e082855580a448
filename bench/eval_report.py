"""What the evaluation benches share (bench/eval.py, bench/realnews_eval.py): their output
options (--json, --errors, --record), the commit a run measured, per-record JSONL, run rows
in docs/benchmarks.md; and the readable tables of bench/eval.py."""

from __future__ import annotations

import argparse
import json
import subprocess
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
BENCHMARKS = REPO / "docs" / "benchmarks.md"


def add_output_options(
    parser: argparse.ArgumentParser, *, json_help: str, errors_help: str, record_help: str
) -> None:
    """--json, --errors FILE and --record [FILE] (default docs/benchmarks.md)."""
    parser.add_argument("--json", action="store_true", help=json_help)
    parser.add_argument("--errors", type=Path, default=None, help=errors_help)
    parser.add_argument(
        "--record", nargs="?", const=BENCHMARKS, type=Path, default=None, help=record_help
    )


def inside_repo_unignored(path: Path) -> bool:
    """True when `path` would land in the repository as a trackable file."""
    resolved = path.resolve()
    if not resolved.is_relative_to(REPO):
        return False
    check = subprocess.run(
        ["git", "-C", str(REPO), "check-ignore", "-q", str(resolved)], check=False
    )
    return check.returncode != 0


def git_commit() -> str:
    """Short HEAD hash, with "+wip" when src/ has uncommitted changes (read-only git calls)."""

    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", "-C", str(REPO), *args], capture_output=True, text=True, check=False
        )
        return done.stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    return commit + ("+wip" if git("status", "--porcelain", "--", "src") else "")


def print_results(
    meta: Mapping[str, Any],
    results: Mapping[str, Any],
    *,
    as_json: bool,
    report: Callable[[], str],
) -> None:
    """The run's figures: JSON ({"meta", "results"}) with --json, else the readable report."""
    print(json.dumps({"meta": meta, "results": results}, indent=2) if as_json else report())


def write_jsonl(path: Path, rows: Iterable[Mapping[str, Any]]) -> None:
    """One JSON object a line (the --errors file), non-ASCII kept as it is."""
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def insert_row(doc: Path, marker: str, section: Iterable[str], row: str, *, empty: str) -> None:
    """Insert `row` above `marker` in `doc`, keeping earlier rows. A file without the marker
    gets `section` (title, header, separator, marker) appended first; a missing file starts
    as `empty`."""
    text = doc.read_text(encoding="utf-8") if doc.exists() else empty
    if marker not in text:
        text = (text.rstrip() + "\n\n" if text.strip() else "# Benchmarks\n\n") + "\n".join(section)
    doc.write_text(text.replace(marker, row + "\n" + marker, 1), encoding="utf-8")


def table_section(title: str, header: str, marker: str) -> list[str]:
    """The lines of a new run table: title, header, separator, marker."""
    separator = "|" + "---|" * (header.count("|") - 1)
    return [title, "", header, separator, marker, ""]


SET_TITLES = {
    "plover": "plover_gsr_cameo",
    "ud": "ud_petrarch_gsr_en",
    "petrarch": "petrarch2_unittest",
}

ROWS_MARKER = "<!-- coding-accuracy-rows: bench/eval.py --record inserts above this line -->"


@dataclass(frozen=True, slots=True)
class Target:
    set_name: str
    label: str
    path: tuple[str, ...]  # keys into that set's results
    threshold: float
    at_least: bool  # True: value >= threshold; False: value <= threshold


TARGETS = (
    Target("plover", "PLOVER macro-F1", ("macro_f1",), 0.70, True),
    Target("plover", "PLOVER actor-country accuracy", ("actor_country_accuracy",), 0.85, True),
    Target("plover", "PLOVER spurious / sentence", ("spurious_per_sentence",), 0.30, False),
    Target("ud", "UD-PETRARCH dyad+root F1", ("dyad_root", "f1"), 0.75, True),
    Target("ud", "UD-PETRARCH spurious / sentence", ("spurious_per_sentence",), 0.30, False),
    Target("petrarch", "PETRARCH unit tests exact at root", ("required", "root_rate"), 0.80, True),
    Target(
        "petrarch", "PETRARCH spurious / sentence", ("events", "spurious_per_sentence"), 0.30, False
    ),
)


def lookup(results: Mapping[str, Any], set_name: str, path: tuple[str, ...]) -> float | None:
    value: Any = results.get(set_name)
    for key in path:
        if not isinstance(value, Mapping) or key not in value:
            return None
        value = value[key]
    return float(value)


def target_rows(results: Mapping[str, Any]) -> list[tuple[str, float, str, bool]]:
    rows = []
    for target in TARGETS:
        value = lookup(results, target.set_name, target.path)
        if value is None:
            continue
        met = value >= target.threshold if target.at_least else value <= target.threshold
        sign = ">=" if target.at_least else "<="
        rows.append((target.label, value, f"{sign} {target.threshold:.2f}", met))
    return rows


def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(c)) for c in column) for column in zip(header, *rows, strict=True)]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(header, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    return "\n".join(lines)


def _prf_row(label: str, prf: Mapping[str, Any]) -> list[str]:
    return [
        label,
        str(prf["tp"] + prf["fn"]),
        str(prf["tp"] + prf["fp"]),
        f"{prf['precision']:.3f}",
        f"{prf['recall']:.3f}",
        f"{prf['f1']:.3f}",
    ]


def _top(counts: Mapping[str, int], n: int = 10) -> str:
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    return ", ".join(f"{k} {v}" for k, v in items) or "none"


def _timing(result: Mapping[str, Any]) -> str:
    t = result["timing"]
    failures = len(result.get("coder_failures", []))
    text = (
        f"{t['records']} records in {t['seconds']:.1f} s = {t['sentences_per_second']:.1f} "
        f"sentences/s (setup {t['setup_seconds']:.1f} s)"
    )
    return text + (f"; coder raised on {failures} records" if failures else "")


def _format_plover(r: Mapping[str, Any]) -> str:
    header = ["type", "gold", "pred", "P", "R", "F1"]
    rows = [_prf_row(t, prf) for t, prf in r["per_type"].items()]
    rows.append(_prf_row("micro", r["micro"]))
    parts = [
        _table(header, rows),
        f"macro-F1 {r['macro_f1']:.3f} over {len(r['per_type'])} types",
        f"actor-country accuracy {r['actor_country_accuracy']:.3f} on {r['matched_pairs']} matched "
        f"events (source {r['source_country_accuracy']:.3f}, target "
        f"{r['target_country_accuracy']:.3f})",
        f"spurious {r['spurious']} = {r['spurious_per_sentence']:.3f} per sentence; left out: "
        f"{r['dropped_predictions']} in CAMEO 01/02, {r['unmapped_predictions']} unmapped",
        _timing(r),
        f"missed gold types: {_top(r['missed_types'])}",
        f"false-positive CAMEO codes: {_top(r['wrong_codes'])}",
        f"spurious CAMEO codes: {_top(r['spurious_codes'])}",
    ]
    return "\n".join(parts)


def _format_events(r: Mapping[str, Any]) -> list[str]:
    header = ["match", "gold", "pred", "P", "R", "F1"]
    rows = [_prf_row("dyad+root", r["dyad_root"]), _prf_row("dyad+code", r["dyad_code"])]
    return [
        _table(header, rows),
        f"spurious {r['spurious']} = {r['spurious_per_sentence']:.3f} per sentence; "
        f"{r['events_on_no_event_sentences']} events predicted on {r['no_event_sentences']} "
        "no-event sentences",
        f"missed gold codes: {_top(r['missed_codes'])}",
        f"false-positive codes: {_top(r['wrong_codes'])}",
        f"spurious codes: {_top(r['spurious_codes'])}",
    ]


def _format_ud(r: Mapping[str, Any]) -> str:
    return "\n".join([*_format_events(r), _timing(r)])


def _format_petrarch(r: Mapping[str, Any]) -> str:
    rows = []
    for label, key in (
        ("required", "required"),
        ("with optional", "with_optional"),
        ("DISCARD-* (no event)", "discard"),
    ):
        t = r[key]
        rows.append(
            [
                label,
                str(t["records"]),
                f"{t['right_root']} ({t['root_rate']:.1%})",
                f"{t['right_code']} ({t['code_rate']:.1%})",
            ]
        )
    exact = _table(["records", "n", "exact at root", "exact at code"], rows)
    events = _format_events(r["events"])
    return "\n".join(
        [
            exact,
            f"ERROR-* records excluded: {r['excluded_errors']}",
            "event level (actors at country level):",
            *events,
            "actor dyads at full code, event code ignored (the dictionaries' part):",
            _table(["match", "gold", "pred", "P", "R", "F1"], [_prf_row("dyad", r["actor_dyads"])]),
            _timing(r),
        ]
    )


FORMATTERS = {"plover": _format_plover, "ud": _format_ud, "petrarch": _format_petrarch}


def format_report(results: Mapping[str, Any], meta: Mapping[str, Any]) -> str:
    limit = f", first {meta['limit']} records per set" if meta.get("limit") else ""
    out = [f"tripolar coding accuracy, {meta['date']}, commit {meta['commit']}{limit}", ""]
    for name, result in results.items():
        out += [f"== {SET_TITLES[name]}", FORMATTERS[name](result), ""]
    rows = [
        [label, f"{value:.3f}", want, "yes" if met else "NO"]
        for label, value, want, met in target_rows(results)
    ]
    if rows:
        out += ["== targets", _table(["figure", "value", "target", "met"], rows)]
    return "\n".join(out)


# --- docs/benchmarks.md ----------------------------------------------------------------------

ROW_HEADER = (
    "| Date | Commit | Scope | PLOVER macro-F1 | Actor country | PLOVER spur./sent. "
    "| UD dyad+root F1 | UD dyad+code F1 | UD spur./sent. | PETR exact root (req. / +opt.) "
    "| PETR exact code | PETR spur./sent. | Sentences/s (P / U / T) |"
)


def run_row(results: Mapping[str, Any], meta: Mapping[str, Any]) -> str:
    def fig(name: str, *path: str, pct: bool = False) -> str:
        value = lookup(results, name, path)
        if value is None:
            return "—"
        return f"{value:.1%}" if pct else f"{value:.3f}"

    scope = f"first {meta['limit']}" if meta.get("limit") else "full"
    if len(results) < len(SET_TITLES):
        scope += " (" + ", ".join(SET_TITLES[n] for n in results) + ")"
    rates = [lookup(results, n, ("timing", "sentences_per_second")) for n in SET_TITLES]
    speeds = " / ".join("—" if rate is None else f"{rate:.0f}" for rate in rates)
    petr_root = (
        f"{fig('petrarch', 'required', 'root_rate', pct=True)} / "
        f"{fig('petrarch', 'with_optional', 'root_rate', pct=True)}"
    )
    cells = [
        meta["date"],
        f"`{meta['commit']}`",
        scope,
        fig("plover", "macro_f1"),
        fig("plover", "actor_country_accuracy", pct=True),
        fig("plover", "spurious_per_sentence"),
        fig("ud", "dyad_root", "f1"),
        fig("ud", "dyad_code", "f1"),
        fig("ud", "spurious_per_sentence"),
        petr_root,
        fig("petrarch", "required", "code_rate", pct=True),
        fig("petrarch", "events", "spurious_per_sentence"),
        speeds,
    ]
    return "| " + " | ".join(cells) + " |"


def record_run(doc: Path, results: Mapping[str, Any], meta: Mapping[str, Any]) -> None:
    """Insert this run's row into the coding-accuracy table, keeping earlier rows."""
    section = table_section("## Coding accuracy", ROW_HEADER, ROWS_MARKER)
    insert_row(doc, ROWS_MARKER, section, run_row(results, meta), empty="")
