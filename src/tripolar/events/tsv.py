"""Reading the events stage's tab-separated data files (codebook, patterns, places)."""

from __future__ import annotations

from tripolar.errors import DictionaryError


def table_rows(
    text: str, width: int, where: str, *, header: str, columns: str = ""
) -> list[tuple[int, list[str]]]:
    """(line number, stripped fields) of each data row: blank and ``#`` lines are skipped, and
    so is a first row whose first field is `header`. A row without `width` fields raises
    DictionaryError naming `where` and the line; `columns` names them in the message."""
    rows: list[tuple[int, list[str]]] = []
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if not header_seen:
            header_seen = True
            if fields[0] == header:
                continue
        if len(fields) != width:
            named = f" ({columns})" if columns else ""
            raise DictionaryError(
                f"expected {width} tab-separated fields{named}, got {len(fields)}",
                path=where,
                line=number,
            )
        rows.append((number, fields))
    return rows
