"""Matching the actor dictionary on a document: every pattern, then the longest matches.

`DictionaryMatcher` builds its matchers once on `nlp.vocab`: a PhraseMatcher on LOWER, a
second one on ORTH for case-sensitive forms, and a prefix index for PETRARCH stem entries.
`select` keeps the longest non-overlapping matches of a document as `Unit`s (among entries
on one span, actors beat agents, later (user) entries beat earlier ones, and people are
picked by the date), dropping what is no actor ("pro-Russia") and reading "ethnic X".
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from tripolar.actors.dictionary import ActorDictionary
from tripolar.actors.entries import ActorEntry, AgentEntry, Pattern
from tripolar.actors.units import ETHNIC_GROUP, Unit, is_ethnic, not_an_actor


class DictionaryMatcher:
    """The patterns of an `ActorDictionary` as spaCy matchers on one vocabulary."""

    def __init__(self, dictionary: ActorDictionary, nlp: Language) -> None:
        self.dictionary = dictionary
        self.nlp = nlp
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        # stem entries: last word (lower case) -> [(target, earlier words)]
        self.stems: dict[str, list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
        self.targets: list[ActorEntry | AgentEntry] = []
        # single-token state forms for splitting "U.S.-China" style tokens
        self.single_lower: dict[str, ActorEntry] = {}
        self.single_exact: dict[str, ActorEntry] = {}
        self._build()

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        lower: dict[str, list[Pattern]] = defaultdict(list)
        orth: dict[str, list[Pattern]] = defaultdict(list)
        texts: list[tuple[int, Pattern]] = []
        entries: list[ActorEntry | AgentEntry] = [*self.dictionary.actors, *self.dictionary.agents]
        for entry in entries:
            index = len(self.targets)
            self.targets.append(entry)
            texts.extend((index, p) for p in entry.patterns)
        tokenizer: Tokenizer = self.nlp.tokenizer
        docs = tokenizer.pipe(p.text for _, p in texts)
        for (index, pattern), pattern_doc in zip(texts, docs, strict=True):
            if len(pattern_doc) == 0:
                continue
            words = tuple(t.lower_ for t in pattern_doc)
            entry = self.targets[index]
            if pattern.stem:
                self.stems[words[-1]].append((index, words[:-1]))
                continue
            key = str(index)
            if pattern.case_sensitive:
                orth[key].append(pattern)
                self.orth.add(key, [pattern_doc])
            else:
                lower[key].append(pattern)
                self.lower.add(key, [pattern_doc])
            if (
                isinstance(entry, ActorEntry)
                and len(pattern_doc) == 1
                and entry.kind in ("state", "capital", "actor")
            ):
                table = self.single_exact if pattern.case_sensitive else self.single_lower
                table.setdefault(pattern_doc[0].text if pattern.case_sensitive else words[0], entry)
        self.stem_lengths = sorted({len(s) for s in self.stems})

    # -- matching ---------------------------------------------------------------------------

    def raw_matches(self, doc: Doc) -> dict[tuple[int, int], list[int]]:
        spans: dict[tuple[int, int], list[int]] = defaultdict(list)
        for matcher in (self.lower, self.orth):
            for match_id, start, end in matcher(doc):
                spans[(start, end)].append(int(self.nlp.vocab.strings[match_id]))
        if self.stems:
            for token in doc:
                text = token.lower_
                for length in self.stem_lengths:
                    if length > len(text):
                        break
                    for index, before in self.stems.get(text[:length], ()):
                        first = token.i - len(before)
                        if first < 0:
                            continue
                        if all(doc[first + k].lower_ == w for k, w in enumerate(before)):
                            spans[(first, token.i + 1)].append(index)
        return spans

    def select(self, doc: Doc, on: dt.date | None) -> list[Unit]:
        """Longest non-overlapping matches; among entries on the same span, actors beat
        agents, later (user) entries beat earlier ones, people are picked by date."""
        spans = self.raw_matches(doc)
        taken = [False] * len(doc)
        units: list[Unit] = []
        for (start, end), indices in sorted(
            spans.items(), key=lambda kv: (kv[0][0] - kv[0][1], kv[0][0])
        ):
            if any(taken[start:end]):
                continue
            unit = self._unit(start, end, indices, on)
            for i in range(start, end):
                taken[i] = True
            units.append(unit)
        units.sort(key=lambda u: u.start)
        kept: list[Unit] = []
        for k, unit in enumerate(units):
            if is_ethnic(doc, unit):
                nxt = units[k + 1] if k + 1 < len(units) else None
                if nxt is None or nxt.start != unit.end or nxt.agent is None:
                    # "ethnic Albanians" alone: a group noun without a country of its own
                    kept.append(Unit(unit.start - 1, unit.end, agent=ETHNIC_GROUP))
                continue  # "ethnic Albanian guerrillas": the noun after it decides
            if not not_an_actor(doc, unit):
                kept.append(unit)
        return kept

    def _unit(self, start: int, end: int, indices: list[int], on: dt.date | None) -> Unit:
        entries = [self.targets[i] for i in dict.fromkeys(indices)]
        actors = [e for e in entries if isinstance(e, ActorEntry)]
        if actors:
            people = [a for a in actors if a.kind == "person"]
            if len(people) > 1:
                # shared names ("Bush"): the person whose term is nearest the date
                best = min(enumerate(people), key=lambda ia: (ia[1].distance(on), -ia[0]))[1]
                return Unit(start, end, actor=best)
            return Unit(start, end, actor=actors[-1])
        agents = [e for e in entries if isinstance(e, AgentEntry)]
        return Unit(start, end, agent=agents[-1])
