"""`PatternSet`: every verb and noun pattern in force, indexed by trigger.

Built from the built-in tables (`PatternSet.load`) and, optionally, a user's verb
dictionaries (`PatternSet.with_dictionaries`): in ``merge`` mode a verb's dictionary
patterns are tried before its built-in ones (where both match, the user's wins); in
``replace`` mode only the dictionaries' patterns are used (no built-in verb or noun
pattern).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from tripolar.errors import ConfigError
from tripolar.events.codebook import Codebook
from tripolar.events.patterns.index import PatternIndex, word_counts
from tripolar.events.patterns.model import NounPattern, VerbPattern
from tripolar.events.patterns.petrarch import VerbDictionary
from tripolar.events.patterns.tsv import read_tables

VerbsMode = Literal["merge", "replace"]
VERBS_MODES: tuple[VerbsMode, ...] = ("merge", "replace")


def check_verbs_mode(mode: str) -> VerbsMode:
    if mode not in VERBS_MODES:
        raise ConfigError(f"verbs mode {mode!r} is not one of {', '.join(VERBS_MODES)}")
    return mode


_NO_PATTERNS = PatternIndex((), Counter())


class PatternSet:
    """All patterns, indexed by trigger lemma (and dictionary verbs also by surface form),
    dictionary patterns first, then most specific first."""

    def __init__(self, verbs: list[VerbPattern], nouns: list[NounPattern]) -> None:
        self.verbs: dict[str, list[VerbPattern]] = defaultdict(list)
        self.forms: dict[str, list[VerbPattern]] = defaultdict(list)
        self.nouns: dict[str, list[NounPattern]] = defaultdict(list)
        for verb in verbs:
            self.verbs[verb.lemma].append(verb)
            for form in verb.forms:  # a dictionary verb's own forms: "LEFT", {BROKE}
                self.forms[form].append(verb)
        for noun in nouns:
            self.nouns[noun.lemma].append(noun)
        for verb_list in (*self.verbs.values(), *self.forms.values()):
            # stable: file order within a level
            verb_list.sort(key=lambda p: (not p.from_dictionary, -p.specificity))
        for noun_list in self.nouns.values():
            noun_list.sort(key=lambda p: 0 if p.modifiers else 1)
        self._merged: dict[tuple[str, str], list[VerbPattern]] = {}
        self._indexes: dict[str | tuple[str, str], PatternIndex] = {}
        self._counts: Counter[str] | None = None

    @classmethod
    def load(
        cls,
        codebook: Codebook,
        verbs_path: str | Path | None = None,
        nouns_path: str | Path | None = None,
    ) -> PatternSet:
        verbs, nouns = read_tables(codebook, verbs_path, nouns_path)
        return cls(verbs, nouns)

    def with_dictionaries(
        self, dictionaries: Sequence[VerbDictionary], mode: VerbsMode = "merge"
    ) -> PatternSet:
        """These patterns with the dictionaries' verb patterns merged in (or instead)."""
        mode = check_verbs_mode(mode)
        user = [p for d in dictionaries for p in d.patterns]
        if mode == "replace":
            return PatternSet(user, [])
        return PatternSet(user + [p for p in self.all_verbs() if not p.text], self.all_nouns())

    def verb_patterns(self, form: str, lemma: str) -> list[VerbPattern]:
        """Patterns of a verb token: dictionary entries of its exact form first, then those
        of its lemma."""
        by_form = self.forms.get(form)
        by_lemma = self.verbs.get(lemma, [])
        if not by_form:
            return by_lemma
        merged = self._merged.get((form, lemma))
        if merged is None:
            seen = {id(p) for p in by_form}
            merged = by_form + [p for p in by_lemma if id(p) not in seen]
            self._merged[form, lemma] = merged
        return merged

    def verb_index(self, form: str, lemma: str) -> PatternIndex:
        """`verb_patterns(form, lemma)` filed by the words they need (built on first use)."""
        key: str | tuple[str, str] = (form, lemma) if form in self.forms else lemma
        index = self._indexes.get(key)
        if index is None:
            if form not in self.forms and lemma not in self.verbs:
                return _NO_PATTERNS  # not cached: any word may be asked about
            if self._counts is None:
                self._counts = word_counts(p for ps in self.verbs.values() for p in ps)
            index = PatternIndex(self.verb_patterns(form, lemma), self._counts)
            self._indexes[key] = index
        return index

    def dictionary_pattern(self, rule: str) -> VerbPattern | None:
        """The dictionary pattern a rule names ("dict:FILE:LINE+..."), for explanations."""
        if not rule.startswith("dict:"):
            return None
        name, _, rest = rule[5:].rpartition(":")
        line = rest.split("+")[0].split("/")[0]
        for patterns in self.verbs.values():
            for pattern in patterns:
                if (
                    pattern.from_dictionary
                    and str(pattern.line) == line
                    and Path(pattern.origin).name == name
                ):
                    return pattern
        return None

    def all_verbs(self) -> list[VerbPattern]:
        return sorted(
            (p for ps in self.verbs.values() for p in ps), key=lambda p: (p.origin, p.line)
        )

    def all_nouns(self) -> list[NounPattern]:
        return sorted((p for ps in self.nouns.values() for p in ps), key=lambda p: p.line)
