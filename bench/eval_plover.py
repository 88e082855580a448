"""CAMEO -> PLOVER event types, read from src/tripolar/events/data/plover.tsv.

The table lists every CAMEO root and the finer codes whose PLOVER type differs from their
root's; a code takes the row of its longest listed prefix ("0841" -> "084" -> RETREAT).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PLOVER_TSV = Path(__file__).resolve().parents[1] / "src/tripolar/events/data/plover.tsv"

DROPPED = "-"
"""The PLOVER column value for CAMEO categories that PLOVER eliminated (01, 02)."""


@dataclass(frozen=True, slots=True)
class PloverRow:
    cameo: str
    plover: str  # event type, or DROPPED
    mode: str = ""
    note: str = ""


class PloverMap:
    """Longest-prefix lookup of PLOVER types for CAMEO event codes."""

    def __init__(self, rows: list[PloverRow]) -> None:
        self.rows = {row.cameo: row for row in rows}
        self._max_len = max((len(code) for code in self.rows), default=0)

    def row_of(self, code: str) -> PloverRow | None:
        code = code.strip()
        for length in range(min(len(code), self._max_len), 1, -1):
            row = self.rows.get(code[:length])
            if row is not None:
                return row
        return None

    def type_of(self, code: str) -> str | None:
        """The PLOVER type of a CAMEO code; None when dropped by PLOVER or unknown."""
        row = self.row_of(code)
        if row is None or row.plover == DROPPED:
            return None
        return row.plover

    def is_dropped(self, code: str) -> bool:
        row = self.row_of(code)
        return row is not None and row.plover == DROPPED

    @property
    def types(self) -> list[str]:
        return sorted({row.plover for row in self.rows.values() if row.plover != DROPPED})


def load_plover_map(path: Path | str = PLOVER_TSV) -> PloverMap:
    """Read the CAMEO -> PLOVER table; raises ValueError naming the bad line."""
    rows: list[PloverRow] = []
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    header_seen = False
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            if fields[:2] != ["cameo", "plover"]:
                raise ValueError(f"{path} line {number}: expected the header 'cameo<TAB>plover'")
            header_seen = True
            continue
        fields += [""] * (4 - len(fields))
        cameo, plover, mode, note = (field.strip() for field in fields[:4])
        if not (cameo.isdigit() and 2 <= len(cameo) <= 4) or not plover:
            raise ValueError(f"{path} line {number}: need a 2-4 digit CAMEO code and a type")
        rows.append(PloverRow(cameo, plover, mode, note))
    return PloverMap(rows)
