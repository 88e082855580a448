"""The lexicons behind the assessment extractor, and phrase matching over a sentence.

Three tab-separated files in ``assessments/data``:

* ``evaluative.tsv`` - the evaluative vocabulary of diplomacy: term, kind, polarity,
  intensity, dimension. Kinds: ``cue`` carries polarity; ``shifter`` inverts the cue it
  governs ("erosion of trust"); ``intensifier`` keeps the sign ("rising tensions");
  ``setter`` forces its own sign ("poor trust", "the worst tensions").
* ``cues.tsv`` - function words by category: negator, contrast, concessive, hedge,
  prescription, conditional, future, past, reporting, act, act_noun, anaphor, triad,
  relational (nouns naming a relationship), domestic (a state's own affairs: "health
  crisis"), research (verbs describing what a text studies), actor_object (verbs that judge
  only with an actor as object).
* ``dimensions.tsv`` - words naming a dimension of a relationship (trade -> economic).
* ``regions.tsv`` - regions named as a party ("the West" -> WST, "Europe" -> EUR).

Terms are matched against a token's lower-case form or its lemma, so "tensions" matches
"tension" and "deepened" matches "deepen".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

from spacy.tokens import Doc, Span, Token

from tripolar.errors import DictionaryError

EntryKind = Literal["cue", "shifter", "intensifier", "setter"]
ENTRY_KINDS: frozenset[str] = frozenset({"cue", "shifter", "intensifier", "setter"})
DIMENSIONS: frozenset[str] = frozenset({"political", "economic", "security", "people", "overall"})
CUE_CATEGORIES: frozenset[str] = frozenset(
    {
        "negator",
        "contrast",
        "concessive",
        "hedge",
        "prescription",
        "conditional",
        "future",
        "past",
        "reporting",
        "act",
        "act_noun",
        "anaphor",
        "triad",
        "relational",
        "domestic",
        "research",
        "actor_object",
        "negating_head",
        "negating_predicate",
    }
)
MAX_TERM_TOKENS = 5


@dataclass(frozen=True, slots=True)
class LexEntry:
    """One evaluative term."""

    term: str
    kind: EntryKind
    polarity: float
    intensity: float
    dimension: str


@dataclass(frozen=True, slots=True)
class Match:
    """A term found in a sentence: token indices (doc positions, end exclusive)."""

    start: int
    end: int
    term: str


def term_key(term: str) -> tuple[str, ...]:
    """Split a term the way spaCy tokenises it: words, with hyphens as their own tokens."""
    parts: list[str] = []
    for word in term.lower().split():
        pieces = word.split("-")
        for index, piece in enumerate(pieces):
            if index:
                parts.append("-")
            if piece:
                parts.append(piece)
    return tuple(parts)


def token_forms(token: Token) -> tuple[str, str]:
    return token.lower_, token.lemma_.lower()


FORMS_KEY = "tripolar.forms"


def doc_forms(doc: Doc) -> list[tuple[str, str]]:
    """`token_forms` of every token of `doc`, computed once per lemmatized Doc.

    The extractor looks terms up in every sentence several times (terms, negators,
    concessions, tense and modality words); reading each token's strings once per Doc
    instead of once per lookup is most of its speed. A Doc without lemmas (not yet
    parsed) is read afresh each time, so no forms from before the parse are kept."""
    forms = doc.user_data.get(FORMS_KEY)
    if isinstance(forms, list) and len(forms) == len(doc):
        return forms
    forms = [token_forms(t) for t in doc]
    if doc.has_annotation("LEMMA"):
        doc.user_data[FORMS_KEY] = forms
    return forms


class PhraseTable:
    """Longest-match lookup of multi-token terms over lower-case forms and lemmas."""

    def __init__(self, terms: Iterable[str]) -> None:
        self._keys: dict[tuple[str, ...], str] = {}
        self._first: set[str] = set()
        self._prefixes: set[tuple[str, ...]] = set()  # every key's beginnings, itself included
        for term in terms:
            key = term_key(term)
            if not key or len(key) > MAX_TERM_TOKENS:
                continue
            self._keys[key] = term
            self._first.add(key[0])
            self._prefixes.update(key[:length] for length in range(1, len(key) + 1))

    def __contains__(self, term: str) -> bool:
        return term_key(term) in self._keys

    def find(self, tokens: Sequence[Token] | Span) -> Iterator[Match]:
        """Non-overlapping longest matches, left to right, in a span or a token sequence."""
        if not tokens:
            return
        if isinstance(tokens, Span):
            forms: list[tuple[str, ...]] = list(doc_forms(tokens.doc)[tokens.start : tokens.end])
            positions: Sequence[int] = range(tokens.start, tokens.end)
        else:
            of_doc = doc_forms(tokens[0].doc)
            positions = [t.i for t in tokens]
            forms = [of_doc[i] for i in positions]
        first = self._first
        index = 0
        while index < len(forms):
            lower, lemma = forms[index]
            found = self._longest_at(forms, index) if lower in first or lemma in first else None
            if found is None:
                index += 1
                continue
            length, term = found
            yield Match(positions[index], positions[index] + length, term)
            index += length

    def matches_surface(self, words: Sequence[str]) -> bool:
        """Whether any term occurs in lower-case words that have no lemmas yet (an
        unparsed sentence): each word may also match with a plain English inflection
        stripped ("tensions", "eased", "deepening")."""
        return next(self._surface_terms(words), None) is not None

    def surface_terms(self, words: Sequence[str]) -> list[str]:
        """The terms found in lower-case words without lemmas (see `matches_surface`)."""
        return list(self._surface_terms(words))

    def _surface_terms(self, words: Sequence[str]) -> Iterator[str]:
        forms = [(word, *_stems(word)) for word in words]
        for index in range(len(forms)):
            found = self._longest_at(forms, index)  # None unless a term starts here
            if found is not None:
                yield found[1]

    def _longest_at(self, forms: list[tuple[str, ...]], index: int) -> tuple[int, str] | None:
        if not any(form in self._first for form in forms[index]):
            return None
        best: tuple[int, str] | None = None
        # Each position may match on its lower form or its lemma; walk both.
        paths: list[tuple[str, ...]] = [()]
        for length in range(1, MAX_TERM_TOKENS + 1):
            position = index + length - 1
            if position >= len(forms):
                break
            # Ordered (surface form before lemma) so that equal-length matches are decided the
            # same way in every process: "stronger" wins over its lemma "strong".
            extended = dict.fromkeys((*path, form) for path in paths for form in forms[position])
            # a path that begins no term can end none, here or further on
            paths = [path for path in extended if path in self._prefixes]
            if not paths:
                break
            for path in paths:
                term = self._keys.get(path)
                if term is not None:
                    best = (length, term)
                    break
        return best


@dataclass(frozen=True)
class Lexicon:
    """All the vocabulary the extractor needs, loaded once."""

    entries: dict[str, LexEntry]
    categories: dict[str, frozenset[str]]
    dimension_words: dict[str, str]
    regions: dict[str, str] = field(default_factory=dict)

    @classmethod
    def builtin(cls) -> Lexicon:
        folder = resources.files("tripolar.assessments") / "data"
        return cls.from_files(
            Path(str(folder / "evaluative.tsv")),
            Path(str(folder / "cues.tsv")),
            Path(str(folder / "dimensions.tsv")),
            Path(str(folder / "regions.tsv")),
        )

    @classmethod
    def from_files(
        cls, evaluative: Path, cues: Path, dimensions: Path, regions: Path | None = None
    ) -> Lexicon:
        entries: dict[str, LexEntry] = {}
        for line_no, fields in _rows(evaluative, 5):
            term, kind, polarity, intensity, dimension = fields
            if kind not in ENTRY_KINDS:
                raise DictionaryError(
                    f"unknown kind {kind!r}; use one of {sorted(ENTRY_KINDS)}",
                    path=str(evaluative),
                    line=line_no,
                )
            if dimension not in DIMENSIONS:
                raise DictionaryError(
                    f"unknown dimension {dimension!r}", path=str(evaluative), line=line_no
                )
            try:
                entry = LexEntry(term, kind, float(polarity), float(intensity), dimension)  # type: ignore[arg-type]
            except ValueError as exc:
                raise DictionaryError(
                    f"polarity and intensity must be numbers ({exc})",
                    path=str(evaluative),
                    line=line_no,
                ) from exc
            entries[term] = entry
        grouped: dict[str, set[str]] = {name: set() for name in CUE_CATEGORIES}
        for line_no, (category, term) in _rows(cues, 2):
            if category not in CUE_CATEGORIES:
                raise DictionaryError(
                    f"unknown category {category!r}", path=str(cues), line=line_no
                )
            grouped[category].add(term)
        dimension_words: dict[str, str] = {}
        for line_no, (word, dimension) in _rows(dimensions, 2):
            if dimension not in DIMENSIONS:
                raise DictionaryError(
                    f"unknown dimension {dimension!r}", path=str(dimensions), line=line_no
                )
            dimension_words[word] = dimension
        region_codes: dict[str, str] = {}
        for line_no, (phrase, code) in _rows(regions, 2) if regions is not None else ():
            if len(code) != 3 or not code.isalpha() or not code.isupper():
                raise DictionaryError(
                    f"region code {code!r} is not three capital letters",
                    path=str(regions),
                    line=line_no,
                )
            region_codes[phrase] = code
        return cls(
            entries=entries,
            categories={name: frozenset(terms) for name, terms in grouped.items()},
            dimension_words=dimension_words,
            regions=region_codes,
        )

    def table(self) -> PhraseTable:
        return PhraseTable(self.entries)

    def category_table(self, category: str) -> PhraseTable:
        return PhraseTable(self.categories[category])

    def has_surface(self, category: str, words: Sequence[str]) -> bool:
        """Whether a lower-case word (or its rough stem) is a term of a cue category."""
        terms = self.categories[category]
        return any(form in terms for word in words for form in (word, *_stems(word)))

    def has(self, category: str, token: Token) -> bool:
        """Whether one token, by lower form or lemma, is a term of a cue category."""
        terms = self.categories[category]
        return token.lower_ in terms or token.lemma_.lower() in terms


INFLECTIONS = ("ies", "ing", "est", "es", "ed", "er", "s", "d")


@lru_cache(maxsize=1 << 16)
def _stems(word: str) -> tuple[str, ...]:
    """Rough stems: 'tensions' -> 'tension', 'eased' -> 'eas'/'ease', 'thinner' -> 'thin'."""
    for ending in INFLECTIONS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            if ending == "ies":
                return (stem + "y",)
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiousl":
                return (stem[:-1],)  # "thinner", "bigger"
            return (stem, stem + "e")
    return ()


def _rows(path: Path, width: int) -> Iterator[tuple[int, list[str]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DictionaryError(f"cannot read lexicon file ({exc})", path=str(path)) from exc
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [field.strip() for field in line.split("\t")]
        if len(fields) != width:
            raise DictionaryError(
                f"expected {width} tab-separated fields, found {len(fields)}",
                path=str(path),
                line=line_no,
            )
        yield line_no, fields
