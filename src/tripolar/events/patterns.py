"""Verb and noun patterns, read from ``data/verbs.tsv`` and ``data/nouns.tsv``.

A pattern names a trigger (verb lemma, or event noun), what must come with it (particle,
object noun, modifier) and where the target actor is found. docs/codebook.md describes
the file format and how to add a pattern.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from tripolar.errors import DictionaryError
from tripolar.events.codebook import Codebook
from tripolar.events.tsv import table_rows

VERB_FLAGS = frozenset({
    "recip", "appeal", "demand", "threat", "loc", "asked", "mutual", "that", "giver",
})  # fmt: skip
NOUN_FLAGS = frozenset({"recip", "loc", "mutual", "civil", "mover", "light"})
SPECIAL_TARGETS = frozenset({"dobj", "dobj.head", "dative", "ccomp.subj"})


@dataclass(frozen=True, slots=True)
class TargetSlot:
    """Where a target is found: a dependency slot, or a preposition (optionally constrained)."""

    slot: str  # "dobj", "dobj.head", "dative", "ccomp.subj", or a preposition such as "with"
    heads: frozenset[str] = frozenset()  # for prepositions: allowed head lemmas of its object

    @property
    def is_prep(self) -> bool:
        return self.slot not in SPECIAL_TARGETS


@dataclass(frozen=True, slots=True)
class VerbPattern:
    lemma: str
    particle: str | None
    object_prep: str | None  # object reached through this preposition ("threaten ... with")
    objects: frozenset[str]  # required object head lemmas; empty = none required
    targets: tuple[TargetSlot, ...]
    code: str
    flags: frozenset[str]
    line: int

    @property
    def rule(self) -> str:
        parts = [self.lemma]
        if self.particle:
            parts[0] += f"_{self.particle}"
        if self.objects:
            first = sorted(self.objects)[0] if len(self.objects) > 1 else next(iter(self.objects))
            parts.append((f"{self.object_prep}:" if self.object_prep else "") + first)
        return "verb:" + "+".join(parts)

    @property
    def specificity(self) -> int:
        return (2 if self.objects else 0) + (1 if self.particle else 0)


@dataclass(frozen=True, slots=True)
class NounPattern:
    lemma: str
    modifiers: frozenset[str]  # one of these must modify the noun; empty = none required
    targets: tuple[TargetSlot, ...]
    code: str
    flags: frozenset[str]
    line: int

    @property
    def rule(self) -> str:
        mod = f"{sorted(self.modifiers)[0]}_" if self.modifiers else ""
        return f"noun:{mod}{self.lemma}"


class PatternSet:
    """All patterns, indexed by trigger lemma, most specific first."""

    def __init__(self, verbs: list[VerbPattern], nouns: list[NounPattern]) -> None:
        self.verbs: dict[str, list[VerbPattern]] = defaultdict(list)
        self.nouns: dict[str, list[NounPattern]] = defaultdict(list)
        for verb in verbs:
            self.verbs[verb.lemma].append(verb)
        for noun in nouns:
            self.nouns[noun.lemma].append(noun)
        for verb_list in self.verbs.values():
            verb_list.sort(key=lambda p: -p.specificity)  # stable: file order within a level
        for noun_list in self.nouns.values():
            noun_list.sort(key=lambda p: 0 if p.modifiers else 1)

    @classmethod
    def load(
        cls,
        codebook: Codebook,
        verbs_path: str | Path | None = None,
        nouns_path: str | Path | None = None,
    ) -> PatternSet:
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
        return cls(verbs, nouns)

    def all_verbs(self) -> list[VerbPattern]:
        return sorted((p for ps in self.verbs.values() for p in ps), key=lambda p: p.line)

    def all_nouns(self) -> list[NounPattern]:
        return sorted((p for ps in self.nouns.values() for p in ps), key=lambda p: p.line)


def _read(path: str | Path | None, name: str) -> tuple[str, str]:
    if path is None:
        data = resources.files("tripolar.events").joinpath("data", name)
        return data.read_text("utf-8"), f"events/data/{name}"
    try:
        return Path(path).read_text("utf-8"), str(path)
    except OSError as exc:
        raise DictionaryError(f"cannot read the pattern file ({exc})", path=str(path)) from exc


def _words(field: str) -> frozenset[str]:
    return frozenset() if field == "-" else frozenset(w.strip().lower() for w in field.split("|"))


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
