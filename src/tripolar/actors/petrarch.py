"""Reading TABARI/PETRARCH actor and agent dictionaries.

Actor files::

    RUSSIA [RUS]                  # an entry: phrase, then its code
    +RUSSIAN                      # a synonym of the entry above
    ARNOR_  [ARN]                 # trailing underscore: the last word must match exactly
    GOLLUM                        # codes may follow on indented lines ...
        [HOB <950601]             # ... restricted to dates before 1995-06-01
        [HOBGOV 950601-990815]    # ... between two dates (both inclusive)
        [HOBREB >990816]          # ... after a date
        [HOB]                     # ... or undated: the default code

Agent files::

    !PERSON! = MAN, MEN, WOMAN    # a substitution set, used as CONGRESS!PERSON!
    MINISTER [~GOV]               # ~ after: the actor code goes first (RUS + GOV)
    HUMAN_RIGHTS_BODY [NGO~]      # ~ before: the agent code goes first (NGO + RUS)
    ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]   # explicit plural; {} = no plural

Choices (documented in docs/data/actors.md):

* Underscores and spaces both separate words. In actor phrases the last word is a stem
  (it also matches "RUSSIANS" for RUSSIA) unless the phrase ends with "_" or the word has
  fewer than four letters (`THE_AU` does not match "The Australian"). Agent phrases
  match whole words; their regular plurals are generated unless `{...}` gives them.
* Six-digit dates YYMMDD: YY < 30 is 20YY, otherwise 19YY. Eight-digit dates are YYYYMMDD.
* Codes are upper-cased; "A/B" gives an actor with the two codes A and B.
* `#` starts a comment; `<!-- ... -->` blocks (also spread over lines) are skipped.
* A malformed line raises `DictionaryError` with the file and line number: a dictionary
  that silently loses entries codes silently wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tripolar.actors.entries import ActorEntry, AgentEntry, Pattern, Term
from tripolar.errors import DictionaryError

_CODE = re.compile(r"^[A-Z0-9\-+#/]+$")
_DATE_RESTRICTION = re.compile(
    r"^(?P<code>\S+?)\s*(?:(?P<op>[<>])\s*(?P<date>\d{6,8})"
    r"|(?P<from>\d{6,8})\s*-\s*(?P<to>\d{6,8}))$"
)
_SUBSTITUTION = re.compile(r"^(!\w+!)\s*=\s*(.+)$")


def parse_petrarch_date(text: str) -> dt.date:
    """YYMMDD (YY < 30 -> 20YY, else 19YY) or YYYYMMDD."""
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year < 30 else 1900
        month, day = int(text[2:4]), int(text[4:6])
    elif len(text) == 8:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    else:
        raise ValueError(f"date {text!r} is neither YYMMDD nor YYYYMMDD")
    return dt.date(year, month, day)


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """Numbered lines with comments removed (blank results are skipped)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise DictionaryError(f"cannot read dictionary ({exc})", path=str(path)) from exc
    in_block = False
    block_start = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        if in_block:
            if "-->" not in line:
                continue
            line = line.split("-->", 1)[1]
            in_block = False
        if line.lstrip().startswith("<!"):
            rest = line.lstrip()
            if "-->" in rest:
                line = rest.split("-->", 1)[1]
            else:
                in_block, block_start = True, number
                continue
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            yield number, line
    if in_block:
        raise DictionaryError(
            "comment block <!-- is never closed with -->", path=str(path), line=block_start
        )


def _parse_codes(text: str, where: tuple[str, int]) -> tuple[str, ...]:
    codes = tuple(c for c in text.strip().upper().split("/") if c)
    if not codes or not all(_CODE.match(c) for c in codes):
        raise DictionaryError(f"bad actor code [{text}]", path=where[0], line=where[1])
    return codes


def _parse_bracket(text: str, where: tuple[str, int]) -> Term:
    """`CODE`, `CODE <YYMMDD`, `CODE >YYMMDD` or `CODE YYMMDD-YYMMDD` (inside [])."""
    body = " ".join(text.split())
    match = _DATE_RESTRICTION.match(body)
    if match is None:
        if " " in body:
            raise DictionaryError(
                f"bad code block [{text}] - expected CODE, CODE <YYMMDD, CODE >YYMMDD "
                "or CODE YYMMDD-YYMMDD",
                path=where[0],
                line=where[1],
            )
        return Term(_parse_codes(body, where))
    codes = _parse_codes(match["code"], where)
    try:
        if match["op"] == "<":
            return Term(codes, None, parse_petrarch_date(match["date"]))
        if match["op"] == ">":
            return Term(codes, parse_petrarch_date(match["date"]) + dt.timedelta(days=1), None)
        start = parse_petrarch_date(match["from"])
        end = parse_petrarch_date(match["to"]) + dt.timedelta(days=1)
    except ValueError as exc:
        raise DictionaryError(
            f"bad date in [{text}] ({exc})", path=where[0], line=where[1]
        ) from exc
    if end <= start:
        raise DictionaryError(
            f"date range in [{text}] ends before it starts", path=where[0], line=where[1]
        )
    return Term(codes, start, end)


# A stem shorter than this matches only the whole word: "THE_AU" must not take "The
# Australian", nor "ENT" the word "entire".
MIN_STEM_LETTERS = 4


def _phrase(text: str) -> Pattern:
    """An actor phrase: underscores are spaces; a trailing underscore ends stem matching."""
    exact = text.endswith("_")
    words = text.replace("_", " ").split()
    stem = not exact and bool(words) and len(words[-1]) >= MIN_STEM_LETTERS
    return Pattern(" ".join(words), stem=stem)


@dataclass
class _PendingActor:
    line: int
    patterns: list[Pattern]
    default: tuple[str, ...] = ()
    terms: list[Term] = field(default_factory=list)


def _split_phrase_and_brackets(line: str, where: tuple[str, int]) -> tuple[str, list[str]]:
    """ "NAME [A] [B <1]" -> ("NAME", ["A", "B <1"])."""
    brackets: list[str] = []
    head, bracket, rest = line.partition("[")
    if bracket:
        rest = "[" + rest
        for part in re.finditer(r"\[([^\[\]]*)\]|(\S)", rest):
            if part.group(2) is not None:
                raise DictionaryError(
                    f"unexpected text {rest.strip()!r} after the phrase - codes must be in "
                    "[brackets]",
                    path=where[0],
                    line=where[1],
                )
            brackets.append(part.group(1))
    if "]" in head or ("{" in head and "}" not in head):
        raise DictionaryError(
            f"unbalanced brackets in {line.strip()!r}", path=where[0], line=where[1]
        )
    return head.strip(), brackets


def read_actor_file(path: Path) -> list[ActorEntry]:
    """Parse one TABARI/PETRARCH actor dictionary into `ActorEntry`s (kind "actor")."""
    source = str(path)
    entries: list[ActorEntry] = []
    pending: _PendingActor | None = None

    def finish() -> None:
        if pending is None:
            return
        if not pending.default and not pending.terms:
            raise DictionaryError(
                f"entry {pending.patterns[0].text!r} has no code",
                path=source,
                line=pending.line,
            )
        first = pending.patterns[0].text
        codes = pending.default or pending.terms[0].codes
        kind = "igo" if codes[0].startswith("IGO") else "actor"
        entries.append(
            ActorEntry(
                key=f"petrarch:{source}:{pending.line}",
                name=first,
                kind=kind,
                patterns=tuple(pending.patterns),
                default=pending.default,
                terms=tuple(pending.terms),
            )
        )

    for number, line in _lines(path):
        where = (source, number)
        stripped = line.strip()
        if stripped.startswith("["):  # an indented code line belongs to the entry above
            if pending is None:
                raise DictionaryError("code line before any entry", path=source, line=number)
            _, brackets = _split_phrase_and_brackets(stripped, where)
            for bracket in brackets:
                _add_code(pending, _parse_bracket(bracket, where), where)
            continue
        if stripped.startswith("+"):
            if pending is None:
                raise DictionaryError("synonym (+) before any entry", path=source, line=number)
            phrase, brackets = _split_phrase_and_brackets(stripped[1:], where)
            if not phrase:
                raise DictionaryError("empty synonym", path=source, line=number)
            pending.patterns.append(_phrase(phrase))
            for bracket in brackets:
                _add_code(pending, _parse_bracket(bracket, where), where)
            continue
        finish()
        phrase, brackets = _split_phrase_and_brackets(stripped, where)
        if not phrase:
            raise DictionaryError(
                f"no phrase before the code in {stripped!r}", path=source, line=number
            )
        pending = _PendingActor(number, [_phrase(phrase)])
        for bracket in brackets:
            _add_code(pending, _parse_bracket(bracket, where), where)
    finish()
    return entries


def _add_code(pending: _PendingActor, term: Term, where: tuple[str, int]) -> None:
    if term.start is None and term.end is None:
        if pending.default:
            raise DictionaryError("entry has two undated codes", path=where[0], line=where[1])
        pending.default = term.codes
    else:
        pending.terms.append(term)


def regular_plural(word: str) -> str:
    """TABARI's plural rules for the last word of an agent phrase."""
    upper = word.upper()
    if upper.endswith("MAN"):
        return word[:-3] + _same_case("MEN", word)
    if upper.endswith("Y") and len(word) > 1 and upper[-2] not in "AEIOU":
        return word[:-1] + _same_case("IES", word)
    if upper.endswith(("S", "X", "Z", "CH", "SH")):
        return word + _same_case("ES", word)
    return word + _same_case("S", word)


def _same_case(suffix: str, like: str) -> str:
    return suffix if like.isupper() else suffix.lower()


def read_agent_file(path: Path) -> list[AgentEntry]:
    """Parse one TABARI/PETRARCH agent dictionary into `AgentEntry`s."""
    source = str(path)
    substitutions: dict[str, list[str]] = {}
    entries: list[AgentEntry] = []
    for number, line in _lines(path):
        where = (source, number)
        stripped = line.strip()
        set_match = _SUBSTITUTION.match(stripped)
        if set_match:
            words = [w.strip() for w in set_match.group(2).split(",") if w.strip()]
            if not words:
                raise DictionaryError("empty substitution set", path=source, line=number)
            substitutions[set_match.group(1).upper()] = words
            continue
        plural_text: str | None = None
        brace = re.search(r"\{([^{}]*)\}", stripped)
        if brace:
            plural_text = brace.group(1)
            stripped = (stripped[: brace.start()] + " " + stripped[brace.end() :]).strip()
        phrase, brackets = _split_phrase_and_brackets(stripped, where)
        if not phrase or len(brackets) != 1:
            raise DictionaryError(
                f"agent line {line.strip()!r} needs a phrase and one [~CODE]",
                path=source,
                line=number,
            )
        code_text = brackets[0].strip().upper().replace(" ", "")
        prefix = code_text.endswith("~") and not code_text.startswith("~")
        code = code_text.strip("~")
        if not code or not _CODE.match(code):
            raise DictionaryError(f"bad agent code [{brackets[0]}]", path=source, line=number)
        singulars = _expand(phrase, substitutions, where)
        forms = list(singulars)
        if plural_text is None:
            forms += [_pluralise_phrase(s) for s in singulars]
        else:
            for plural in plural_text.split(","):
                if plural.strip():
                    forms += _expand(plural.strip(), substitutions, where)
        patterns = tuple(
            dict.fromkeys(Pattern(" ".join(f.replace("_", " ").split())) for f in forms)
        )
        entries.append(AgentEntry(f"petrarch:{source}:{number}", patterns, code, prefix))
    return entries


def _expand(phrase: str, substitutions: dict[str, list[str]], where: tuple[str, int]) -> list[str]:
    """All spellings of a phrase after replacing !SET! markers."""
    marker = re.search(r"!\w+!", phrase)
    if marker is None:
        return [phrase]
    words = substitutions.get(marker.group(0).upper())
    if words is None:
        raise DictionaryError(
            f"unknown substitution set {marker.group(0)}", path=where[0], line=where[1]
        )
    out: list[str] = []
    for word in words:
        out += _expand(
            phrase[: marker.start()] + word + phrase[marker.end() :], substitutions, where
        )
    return out


def _pluralise_phrase(phrase: str) -> str:
    """Plural of the head noun: the last word, or the word before "OF" ("MINISTERS OF X")."""
    words = phrase.replace("_", " ").split()
    lowered = [w.lower() for w in words]
    head = lowered.index("of") - 1 if "of" in lowered[1:] else len(words) - 1
    words[head] = regular_plural(words[head])
    return " ".join(words)
