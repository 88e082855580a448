"""Reading the built-in pattern tables ``events/data/verbs.tsv`` and ``nouns.tsv``.

A pattern names a trigger (verb lemma, or event noun), what must come with it (particle,
object noun, modifier) and where the target actor is found. docs/codebook.md describes
the file format and how to add a pattern.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from tripolar.errors import DictionaryError
from tripolar.events.codebook import Codebook
from tripolar.events.patterns.model import (
    NOUN_FLAGS,
    VERB_FLAGS,
    NounPattern,
    TargetSlot,
    VerbPattern,
)
from tripolar.events.tsv import table_rows


def read_tables(
    codebook: Codebook,
    verbs_path: str | Path | None = None,
    nouns_path: str | Path | None = None,
) -> tuple[list[VerbPattern], list[NounPattern]]:
    """The verb and noun patterns of the built-in tables (or of tables in the same format)."""
    verbs_text, verbs_where = _read(verbs_path, "verbs.tsv")
    nouns_text, nouns_where = _read(nouns_path, "nouns.tsv")
    verbs = [
        _verb(f, n, verbs_where, codebook)
        for n, f in table_rows(verbs_text, 6, verbs_where, header="lemma")
    ]
    nouns = [
        _noun(f, n, nouns_where, codebook)
        for n, f in table_rows(nouns_text, 5, nouns_where, header="lemma")
    ]
    return verbs, nouns


def _read(path: str | Path | None, name: str) -> tuple[str, str]:
    if path is None:
        data = resources.files("tripolar.events").joinpath("data", name)
        return data.read_text("utf-8"), f"events/data/{name}"
    try:
        return Path(path).read_text("utf-8"), str(path)
    except OSError as exc:
        raise DictionaryError(f"cannot read the pattern file ({exc})", path=str(path)) from exc


def _words(field: str) -> frozenset[str]:
    """The words of a "a|b" field; one with an apostrophe also in its typographic form, as
    news copy prints it ("d'affaires", "d’affaires")."""
    if field == "-":
        return frozenset()
    words = {w.strip().lower() for w in field.split("|")}
    return frozenset(words | {w.replace("'", "’") for w in words if "'" in w})


def _targets(field: str, where: str, line: int) -> tuple[TargetSlot, ...]:
    if field == "-":
        return ()
    slots = []
    for item in field.split(","):
        slot, _, heads = item.strip().partition(":")
        if not slot:
            raise DictionaryError(f"empty target in {field!r}", path=where, line=line)
        slots.append(TargetSlot(slot.lower(), _words(heads) if heads else frozenset()))
    return tuple(slots)


def _flags(field: str, allowed: frozenset[str], where: str, line: int) -> frozenset[str]:
    flags = frozenset() if field == "-" else frozenset(f.strip() for f in field.split(","))
    unknown = flags - allowed
    if unknown:
        raise DictionaryError(f"unknown flag(s) {sorted(unknown)}", path=where, line=line)
    return flags


def _check_code(code: str, codebook: Codebook, where: str, line: int) -> None:
    if code not in codebook:
        raise DictionaryError(
            f"{code!r} is not a CAMEO code in the codebook", path=where, line=line
        )


def _verb(fields: list[str], line: int, where: str, codebook: Codebook) -> VerbPattern:
    lemma, particle, objects, targets, code, flags = fields
    _check_code(code, codebook, where, line)
    object_prep = None
    if ":" in objects:
        object_prep, _, objects = objects.partition(":")
    return VerbPattern(
        lemma=lemma.lower(),
        particle=None if particle == "-" else particle.lower(),
        object_prep=object_prep,
        objects=_words(objects),
        targets=_targets(targets, where, line),
        code=code,
        flags=_flags(flags, VERB_FLAGS, where, line),
        line=line,
        origin=where,
    )


def _noun(fields: list[str], line: int, where: str, codebook: Codebook) -> NounPattern:
    lemma, modifiers, targets, code, flags = fields
    _check_code(code, codebook, where, line)
    return NounPattern(
        lemma=lemma.lower(),
        modifiers=_words(modifiers),
        targets=_targets(targets, where, line),
        code=code,
        flags=_flags(flags, NOUN_FLAGS, where, line),
        line=line,
    )
