"""Loading the built-in dictionary from the TSV files in `tripolar/actors/data`.

Files (tab-separated, `#` comment lines; forms are separated by `|`):

* states.tsv         code, kind (name | adjective | capital | compound), forms
* igos.tsv           code, name, forms
* organisations.tsv  code, name, forms
* agents.tsv         code, forms (singular and plural spelled out)
* persons.tsv        name, country, code, start, end, role, gender, aliases - one row per term

State names also come from pycountry (ISO 3166 name, common and official names). A form
written in capitals only ("US", "UN", "DPRK") is matched case-sensitively so that the
words "us" or "un" never match; mixed-case forms are matched in any case, except those
written with a leading "=" ("=Amnesty": the word "amnesty" is not the organisation).

Person names of two or more words match in any case ("president bouteflika", "barack
obama"); one-word names stay case-sensitive ("Rice" is a person, "rice" is not). Every
one-word name is also listed after the titles of the person's roles ("President Obama",
"Foreign Minister Lavrov"), so a lower-case title and name still resolve.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pycountry

from tripolar.actors.entries import (
    ActorEntry,
    AgentEntry,
    Pattern,
    Term,
    surname,
)
from tripolar.errors import DictionaryError

# pycountry names that are ordinary words or usually something else in news text
_PYCOUNTRY_SKIP = frozenset({"Jersey", "Guernsey", "Man", "Saint Martin"})


def data_path(name: str) -> Path:
    return Path(str(resources.files("tripolar.actors").joinpath("data", name)))


def _rows(name: str, columns: int) -> Iterator[tuple[int, list[str]]]:
    path = data_path(name)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DictionaryError(f"cannot read built-in data ({exc})", path=str(path)) from exc
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < columns:
            cells += [""] * (columns - len(cells))
        if len(cells) > columns:
            raise DictionaryError(
                f"{len(cells)} columns, expected {columns}", path=str(path), line=number
            )
        yield number, cells


# role text (start of the persons.tsv role cell) -> titles written before a one-word name
ROLE_TITLES: dict[str, tuple[str, ...]] = {
    "president": ("President",),
    "vice president": ("Vice President", "Vice-President"),
    "prime minister": ("Prime Minister", "Premier"),
    "premier": ("Premier",),
    "chancellor": ("Chancellor",),
    "foreign minister": ("Foreign Minister", "Secretary of State", "Foreign Secretary"),
    "defence minister": ("Defence Minister", "Defense Minister", "Defense Secretary"),
    "king": ("King",),
    "emir": ("Emir",),
    "supreme leader": ("Supreme Leader", "Ayatollah"),
    "un secretary-general": ("Secretary-General", "Secretary General"),
    "nato secretary-general": ("Secretary-General", "Secretary General"),
}


def pattern(form: str) -> Pattern:
    if form.startswith("="):
        return Pattern(form[1:], case_sensitive=True)
    letters = [c for c in form if c.isalpha()]
    return Pattern(form, case_sensitive=len(letters) >= 2 and all(c.isupper() for c in letters))


def _forms(cell: str) -> list[str]:
    return [f.strip() for f in cell.split("|") if f.strip()]


def _date(text: str, where: tuple[str, int]) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise DictionaryError(f"bad date {text!r}", path=where[0], line=where[1]) from exc


def load_states() -> list[ActorEntry]:
    names: dict[str, list[str]] = defaultdict(list)
    capitals: dict[str, list[str]] = defaultdict(list)
    compounds: dict[str, list[str]] = defaultdict(list)
    display: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_3
        display[code] = getattr(country, "common_name", None) or country.name
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value and "(" not in value and value not in _PYCOUNTRY_SKIP:
                names[code].append(value)
    path = str(data_path("states.tsv"))
    hand_named: set[str] = set()
    for number, (code, kind, forms) in _rows("states.tsv", 3):
        target = {
            "name": names,
            "adjective": names,
            "capital": capitals,
            "compound": compounds,
        }.get(kind)
        if target is None or len(code) != 3 or not code.isupper():
            raise DictionaryError(f"bad state row ({code!r}, {kind!r})", path=path, line=number)
        if kind == "name" and code not in hand_named:
            hand_named.add(code)
            display[code] = _forms(forms)[0]
        target[code].extend(_forms(forms))
    entries: list[ActorEntry] = []
    for code, name_forms in names.items():
        patterns = tuple(dict.fromkeys(pattern(f) for f in name_forms))
        entries.append(
            ActorEntry(f"state:{code}", display.get(code, code), "state", patterns, default=(code,))
        )
    for code, capital_forms in capitals.items():
        patterns = tuple(dict.fromkeys(pattern(f) for f in capital_forms))
        entries.append(
            ActorEntry(
                f"capital:{code}",
                f"{display.get(code, code)} (capital)",
                "capital",
                patterns,
                default=(code + "GOV",),
            )
        )
    for code, compound_forms in compounds.items():
        patterns = tuple(dict.fromkeys(pattern(f) for f in compound_forms))
        entries.append(
            ActorEntry(
                f"compound:{code}",
                compound_forms[0],
                "state",
                patterns,
                default=(code,),
                compound_only=True,
            )
        )
    return entries


def _named(name: str, kind: str) -> list[ActorEntry]:
    entries = []
    for _, (code, display, forms) in _rows(name, 3):
        patterns = tuple(dict.fromkeys(pattern(f) for f in [display, *_forms(forms)]))
        entries.append(ActorEntry(f"{kind}:{display}", display, kind, patterns, default=(code,)))
    return entries


def load_agents() -> list[AgentEntry]:
    entries = []
    for _, (code, forms) in _rows("agents.tsv", 2):
        items = _forms(forms)
        entries.append(AgentEntry(f"agent:{items[0]}", tuple(pattern(f) for f in items), code))
    return entries


def load_persons() -> list[ActorEntry]:
    path = str(data_path("persons.tsv"))
    terms: dict[str, list[Term]] = defaultdict(list)
    aliases: dict[str, list[str]] = defaultdict(list)
    facts: dict[str, tuple[str, str]] = {}
    for number, cells in _rows("persons.tsv", 8):
        name, country, code, start, end, role, gender, alias_cell = cells
        where = (path, number)
        if not name or len(country) != 3 or not code:
            raise DictionaryError("person row needs name, country and code", path=path, line=number)
        if gender not in ("m", "f", ""):
            raise DictionaryError(f"gender must be m or f, not {gender!r}", path=path, line=number)
        term = Term((code,), _date(start, where), _date(end, where), role)
        if term.start and term.end and term.end <= term.start:
            raise DictionaryError("term ends before it starts", path=path, line=number)
        terms[name].append(term)
        aliases[name].extend(_forms(alias_cell))
        previous = facts.setdefault(name, (country, gender))
        if previous[0] != country:
            raise DictionaryError(f"{name} listed with two countries", path=path, line=number)
        if gender and not previous[1]:
            facts[name] = (country, gender)
    entries = []
    for name, person_terms in terms.items():
        forms = [name, *aliases[name]]
        titled = [
            f"{title} {word}"
            for word in _title_words(forms, facts[name][0])
            for term in person_terms
            for title in _titles(term.role)
        ]
        patterns = tuple(
            dict.fromkeys(Pattern(f, case_sensitive=len(f.split()) == 1) for f in forms + titled)
        )
        country, gender = facts[name]
        entries.append(
            ActorEntry(
                f"person:{name}",
                name,
                "person",
                patterns,
                terms=tuple(person_terms),
                country=country,
                gender=gender,
            )
        )
    return entries


def _title_words(forms: list[str], country: str) -> list[str]:
    """What a title is written before: a one-word name, and the surname of a longer one
    ("Prime Minister May" of Theresa May, "President Moon" of Moon Jae-in, though neither
    word is a name on its own), with the whole name so "President Joe Biden" stays whole."""
    words: list[str] = []
    for form in forms:
        parts = form.split()
        words.extend(parts if len(parts) == 1 else (form, surname(parts, country)))
    return list(dict.fromkeys(w for w in words if w[:1].isupper() and not w.endswith(".")))


def _titles(role: str) -> tuple[str, ...]:
    role = role.lower()
    # the longest matching role text wins ("vice president" before "president")
    for text in sorted(ROLE_TITLES, key=len, reverse=True):
        if role.startswith(text):
            return ROLE_TITLES[text]
    return ()


def builtin_entries() -> tuple[list[ActorEntry], list[AgentEntry]]:
    """The actors and agents of the shipped files (`dictionary.load_builtin` holds them)."""
    actors = [
        *load_states(),
        *_named("igos.tsv", "igo"),
        *_named("organisations.tsv", "organisation"),
        *load_persons(),
    ]
    return actors, load_agents()
