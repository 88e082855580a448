"""The CAMEO 1.1b3 codebook: every event code with its name, Goldstein value and quad class.

The facts live in ``data/cameo.tsv``; docs/codebook.md says where they come from.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from tripolar.errors import DictionaryError, UnknownEventCode
from tripolar.events.tsv import table_rows

QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


def quad_class_of_root(root: str) -> int:
    """Quad class of a two-digit root: 01-05 -> 1, 06-08 -> 2, 09-13 -> 3, 14-20 -> 4."""
    number = int(root)
    if not 1 <= number <= 20:
        raise UnknownEventCode(f"{root!r} is not a CAMEO root (01-20)")
    if number <= 5:
        return 1
    if number <= 8:
        return 2
    if number <= 13:
        return 3
    return 4


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code."""

    code: str  # "042"
    name: str
    goldstein: float
    quad_class: int
    root: str  # "04"

    @property
    def parent(self) -> str | None:
        """The code one level up ("0211" -> "021", "021" -> "02"), None for a root."""
        if len(self.code) == 2:
            return None
        return self.code[:-1] if len(self.code) == 4 else self.code[:2]


class Codebook:
    """All CAMEO codes, looked up by their string ("042")."""

    def __init__(self, codes: dict[str, CameoCode]) -> None:
        self._codes = dict(codes)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Codebook:
        """Read the built-in codebook (or a TSV in the same format)."""
        if path is None:
            text = resources.files("tripolar.events").joinpath("data/cameo.tsv").read_text("utf-8")
            where = "events/data/cameo.tsv"
        else:
            try:
                text = Path(path).read_text("utf-8")
            except OSError as exc:
                raise DictionaryError(f"cannot read the codebook ({exc})", path=str(path)) from exc
            where = str(path)
        return cls(_parse(text, where))

    def get(self, code: str) -> CameoCode:
        try:
            return self._codes[code]
        except KeyError:
            raise UnknownEventCode(
                f"{code!r} is not a CAMEO 1.1b3 event code - see docs/codebook.md"
            ) from None

    def lookup(self, code: str) -> CameoCode:
        """The entry of `code`; for a code a user's dictionary adds (a custom ontology, or
        the validation dictionary's private codes) the nearest CAMEO code above it lends its
        Goldstein value and quad class, and a code with none gets 0.0 and quad class 0."""
        if code in self._codes:
            return self._codes[code]
        for parent in (code[:3], code[:2]):
            if parent in self._codes:
                known = self._codes[parent]
                return CameoCode(code, f"{known.name} (user code)", known.goldstein,
                                 known.quad_class, known.root)  # fmt: skip
        return CameoCode(code, "user code (not in CAMEO)", 0.0, 0, code[:2])

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __iter__(self) -> Iterator[CameoCode]:
        return iter(self._codes.values())

    def __len__(self) -> int:
        return len(self._codes)

    def all(self) -> list[CameoCode]:
        """Every code, in codebook order."""
        return list(self._codes.values())

    def roots(self) -> list[CameoCode]:
        return [c for c in self._codes.values() if len(c.code) == 2]


def _parse(text: str, where: str) -> dict[str, CameoCode]:
    codes: dict[str, CameoCode] = {}
    columns = "code, quad_class, goldstein, name"
    for number, fields in table_rows(text, 4, where, header="code", columns=columns):
        code, quad_text, goldstein_text, name = fields
        if not (code.isdigit() and len(code) in (2, 3, 4)):
            raise DictionaryError(f"bad CAMEO code {code!r}", path=where, line=number)
        try:
            quad, goldstein = int(quad_text), float(goldstein_text)
        except ValueError:
            raise DictionaryError(
                f"quad class {quad_text!r} or Goldstein value {goldstein_text!r} is not a number",
                path=where,
                line=number,
            ) from None
        root = code[:2]
        if quad != quad_class_of_root(root):
            raise DictionaryError(
                f"code {code}: quad class {quad} does not match its root", path=where, line=number
            )
        if not -10.0 <= goldstein <= 10.0:
            raise DictionaryError(
                f"code {code}: Goldstein value {goldstein} is outside -10..10",
                path=where,
                line=number,
            )
        if code in codes:
            raise DictionaryError(f"code {code} appears twice", path=where, line=number)
        codes[code] = CameoCode(code, name, goldstein, quad, root)
    return codes
