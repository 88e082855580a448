"""Reading PETRARCH-2/TABARI verb dictionaries into verb patterns of the one pattern model.

A dictionary is read line by line; a line that cannot be read is reported (file, line,
what was expected) and skipped, and the rest of the file still loads. Only an unreadable
or empty file raises `DictionaryError`. The constructs::

    # comment, <!-- comment -->          (also spread over several lines)
    &NAME                                a synset ...
    +WORD  +TWO_WORDS  +EXACT_  +&OTHER   ... and its members (plural forms are added
                                          unless the member ends with "_")
    --- NAME [CODE] ---                   a verb block and its default code
    VERB {IRREGULAR FORMS} [CODE]         a verb of the block (its own code optional)
    WORD_+VERB_WORD  +VERB_WORD           a multi-word verb ("+" marks the verb word)
    - PRE * POST (PREP ...) {A B} [CODE]  a pattern: $ source, + target, % compound,
                                          ^ skip, &SYNSET, _ joins words; [a:b] two codes
    ~ ...                                 a transformation (read, reported, not applied)

docs/verb-dictionaries.md says how each construct maps onto the dependency parse.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tripolar.errors import DictionaryError
from tripolar.events.patterns.model import (
    NULL_CODE,
    Element,
    VerbPattern,
)
from tripolar.events.patterns.pattern_lines import (
    PatternLineError,
    needed_words,
    parse_codes,
    parse_pattern,
    required_words,
    synset_name,
)

CONSTRUCTS = (
    "comment",
    "synset",
    "synset member",
    "verb block",
    "verb",
    "pattern",
    "transformation",
    "other",
)
_BLOCK = re.compile(r"^-{3}\s*(?P<name>[^\[\]]+?)\s*(?P<codes>(?:\[[^\]]*\]\s*)+)(?:-{3}[\s-]*)?$")


@dataclass(frozen=True, slots=True)
class DictionaryProblem:
    """A line of a dictionary that was skipped (or read with a caveat), and why."""

    path: str
    line: int
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        action = "the line was skipped" if self.skipped else "the line was read"
        return f"{self.path} line {self.line}: {self.message} - {action}"


@dataclass(slots=True)
class ConstructCount:
    read: int = 0
    used: int = 0
    reported: int = 0


@dataclass(slots=True)
class VerbDictionary:
    """The patterns of one verb dictionary file, its problems, and counts per construct."""

    path: str
    patterns: list[VerbPattern] = field(default_factory=list)
    problems: list[DictionaryProblem] = field(default_factory=list)
    counts: dict[str, ConstructCount] = field(
        default_factory=lambda: {name: ConstructCount() for name in CONSTRUCTS}
    )
    lines: int = 0

    @property
    def skipped(self) -> int:
        """Lines skipped because they could not be read."""
        return len({p.line for p in self.problems if p.skipped})

    def summary(self) -> str:
        verbs = len({p.lemma for p in self.patterns})
        text = f"{self.path}: {len(self.patterns)} patterns for {verbs} verbs"
        if self.skipped:
            text += f"; {self.skipped} lines skipped (see the messages above)"
        return text


@dataclass(slots=True)
class _Verb:
    line: int
    text: str
    lemma: str
    forms: frozenset[str]
    before: tuple[str, ...]
    after: tuple[str, ...]
    code: str | None
    reverse: str | None


@dataclass(slots=True)
class _Block:
    line: int
    code: str
    reverse: str | None
    verbs: list[_Verb] = field(default_factory=list)
    patterns: list[tuple[int, str]] = field(default_factory=list)  # (line, text)


def read_verb_dictionaries(paths: Sequence[str | Path]) -> list[VerbDictionary]:
    """Each file read once per process while it is unchanged (the CLI reports a file's
    problems, then the pipeline codes with the same patterns)."""
    dictionaries = []
    for path in paths:
        try:
            stat = Path(path).stat()
            key = (str(path), stat.st_mtime_ns, stat.st_size)
        except OSError:
            key = (str(path), 0, 0)  # read_verb_dictionary raises the DictionaryError
        dictionaries.append(_read_cached(*key))
    return dictionaries


@functools.lru_cache(maxsize=16)
def _read_cached(path: str, mtime_ns: int, size: int) -> VerbDictionary:
    return read_verb_dictionary(path)


def read_verb_dictionary(path: str | Path) -> VerbDictionary:
    """Read one PETRARCH/TABARI verb dictionary; bad lines are reported, not fatal."""
    where = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise DictionaryError(f"cannot read the verb dictionary ({exc})", path=where) from exc
    result = VerbDictionary(where)
    lines = list(_clean_lines(text, result))
    if not lines:
        raise DictionaryError(
            "the verb dictionary is empty (no synset, verb block or pattern)", path=where
        )
    synsets: dict[str, list[tuple[int, str, bool]]] = {}  # name -> (line, member, exact)
    blocks: list[_Block] = []
    synset: str | None = None
    block: _Block | None = None
    for number, line in lines:
        first = line[0]
        if first == "&":
            name = synset_name(line)
            synsets[name] = []
            synset, block = name, None
            _count(result, "synset", used=True)
        elif first == "+" and synset is not None:
            member = line[1:].strip()
            _count(result, "synset member", used=bool(member))
            if not member:
                _problem(result, number, "synset member", "a word after '+'")
                continue
            synsets[synset].append((number, member, member.endswith("_")))
        elif line.startswith("---"):
            synset = None
            block = _block(line, number, result)
            if block is not None:
                blocks.append(block)
        elif first == "-":
            _count(result, "pattern", used=False)
            if block is None:
                _problem(result, number, "pattern", "a verb block (--- NAME [CODE] ---) first")
                continue
            block.patterns.append((number, line[1:].strip()))
        elif first == "~":
            _count(result, "transformation", used=False)
            _problem(
                result,
                number,
                "transformation",
                "nothing: transformations (~) are read but not applied; the events of the "
                "clauses they join are coded one by one (docs/verb-dictionaries.md)",
                reported_only=True,
            )
        elif block is not None and not block.patterns:
            verb = _verb_line(line, number, result)
            if verb is not None:
                block.verbs.append(verb)
        else:
            _count(result, "other", used=False)
            _problem(
                result,
                number,
                "other",
                "a synset (&NAME), a member (+WORD), a verb block (--- NAME [CODE] ---), "
                "a verb line right after its block header, a pattern (- ... [CODE]) or a "
                "transformation (~ ...)",
            )
    expanded = _expand_synsets(synsets, result)
    for blk in blocks:
        _block_patterns(blk, expanded, result)
    return result


# -- lines and comments --------------------------------------------------------------------


def _clean_lines(text: str, result: VerbDictionary) -> Iterator[tuple[int, str]]:
    """Numbered lines without comments; blank lines are left out."""
    in_comment = False
    for number, raw in enumerate(text.splitlines(), start=1):
        result.lines = number
        line, had_comment, in_comment = _strip_comments(raw, in_comment)
        line = line.strip()
        if had_comment and not line:
            _count(result, "comment", used=True)
        if line:
            yield number, line


_COMMENT_MARKS = re.compile(r"[\[\]#;]")


def _strip_comments(line: str, in_comment: bool) -> tuple[str, bool, bool]:
    """The line without <!-- --> parts and without a # comment (a # inside [...] is a code)."""
    if not in_comment and "<!--" not in line:  # most lines: only brackets and # matter
        depth = 0
        for found in _COMMENT_MARKS.finditer(line):
            char = found[0]
            if char == "[":
                depth += 1
            elif char == "]":
                depth = max(0, depth - 1)
            elif depth == 0:
                return line[: found.start()], True, False
        return line, False, False
    kept: list[str] = []
    had = in_comment
    i = 0
    depth = 0
    while i < len(line):
        if in_comment:
            end = line.find("-->", i)
            if end < 0:
                return "".join(kept), True, True
            i, in_comment = end + 3, False
            continue
        if line.startswith("<!--", i):
            in_comment = had = True
            i += 4
            continue
        char = line[i]
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(0, depth - 1)
        elif char in "#;" and depth == 0:
            return "".join(kept), True, False
        kept.append(char)
        i += 1
    return "".join(kept), had, in_comment


def _count(result: VerbDictionary, construct: str, *, used: bool) -> None:
    counts = result.counts[construct]
    counts.read += 1
    counts.used += used


def _problem(
    result: VerbDictionary,
    line: int,
    construct: str,
    expected: str,
    *,
    reported_only: bool = False,
) -> None:
    result.counts[construct].reported += 1
    message = expected if reported_only else f"expected {expected}"
    result.problems.append(DictionaryProblem(result.path, line, message, not reported_only))


def _unuse(result: VerbDictionary, construct: str) -> None:
    result.counts[construct].used -= 1


# -- codes, blocks and verbs ----------------------------------------------------------------


def _block(line: str, number: int, result: VerbDictionary) -> _Block | None:
    _count(result, "verb block", used=True)
    match = _BLOCK.match(line)
    codes = parse_codes(re.findall(r"\[([^\]]*)\]", match["codes"])[0]) if match else None
    if match is None or codes is None:
        _unuse(result, "verb block")
        _problem(result, number, "verb block", "'--- NAME [CODE] ---' with a code such as [042]")
        return None
    return _Block(number, codes[0], codes[1])


def _verb_words(text: str) -> tuple[str, tuple[str, ...], tuple[str, ...]] | None:
    """ "WIRE_+TAP" -> ("tap", ("wire",), ()); "+BREAK_DOWN" -> ("break", (), ("down",))."""
    words = [w for w in re.split(r"[_\s]+", text.strip().lower()) if w]
    if not words:
        return None
    marked = [i for i, w in enumerate(words) if w.startswith("+")]
    if len(marked) > 1:
        return None
    at = marked[0] if marked else 0
    words[at] = words[at].lstrip("+")
    if not words[at] or any(not re.fullmatch(r"[a-z0-9'\-.]+", w) for w in words):
        return None
    return words[at], tuple(words[:at]), tuple(words[at + 1 :])


def _verb_line(line: str, number: int, result: VerbDictionary) -> _Verb | None:
    _count(result, "verb", used=True)
    code: tuple[str, str | None] | None = None
    body = line
    found = re.search(r"\[([^\]]*)\]\s*$", body)
    if found:
        code = parse_codes(found[1])
        body = body[: found.start()]
    forms_text = ""
    braces = re.search(r"\{([^}]*)\}", body)
    if braces:
        forms_text = braces[1]
        body = body[: braces.start()] + body[braces.end() :]
    words = _verb_words(body)
    if words is None or (found and code is None) or "{" in body or "}" in body:
        _unuse(result, "verb")
        _problem(
            result,
            number,
            "verb",
            "a verb line: VERB, or WORD_+VERB, then optional {FORMS} and [CODE]",
        )
        return None
    lemma, before, after = words
    forms = {lemma}
    for form in forms_text.split():
        parsed = _verb_words(form)
        if parsed is not None:
            forms.add(parsed[0])
    return _Verb(
        number,
        line,
        lemma,
        frozenset(forms),
        before,
        after,
        code[0] if code else None,
        code[1] if code else None,
    )


# -- synsets ----------------------------------------------------------------------------------


def plural(word: str) -> str:
    """The regular plural PETRARCH adds to a synset member's last word."""
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def _expand_synsets(
    synsets: dict[str, list[tuple[int, str, bool]]], result: VerbDictionary
) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Each synset's alternatives as word tuples, plurals added, embedded synsets expanded."""
    expanded: dict[str, tuple[tuple[str, ...], ...]] = {}

    def expand(name: str, seen: frozenset[str]) -> tuple[tuple[str, ...], ...]:
        if name in expanded:
            return expanded[name]
        alternatives: list[tuple[str, ...]] = []
        for number, member, exact in synsets.get(name, []):
            if member.startswith("&"):
                inner = synset_name(member)
                if inner not in synsets or inner in seen:
                    _unuse(result, "synset member")
                    why = "a synset defined in this file" if inner not in synsets else "no cycle"
                    _problem(result, number, "synset member", f"{why} ({member})")
                    continue
                alternatives.extend(expand(inner, seen | {inner}))
                continue
            words = tuple(w for w in re.split(r"[_\s]+", member.lower()) if w)
            alternatives.append(words)
            if not exact:
                alternatives.append((*words[:-1], plural(words[-1])))
        expanded[name] = tuple(dict.fromkeys(alternatives))
        return expanded[name]

    for name in synsets:
        expand(name, frozenset({name}))
    return expanded


# -- patterns ---------------------------------------------------------------------------------


def _block_patterns(
    block: _Block, synsets: dict[str, tuple[tuple[str, ...], ...]], result: VerbDictionary
) -> None:
    parsed: list[tuple[int, str, tuple[Element, ...], tuple[Element, ...], str, str | None]] = []
    words: list[tuple[frozenset[str], tuple[frozenset[str], ...]]] = []  # required, needs
    for number, text in block.patterns:
        try:
            pre, post, code, reverse = parse_pattern(text, synsets)
        except PatternLineError as exc:
            _problem(result, number, "pattern", str(exc))
            continue
        result.counts["pattern"].used += 1
        parsed.append((number, text, pre, post, code, reverse))
        words.append((required_words(pre + post), needed_words(pre + post)))
    for verb in block.verbs:
        code = verb.code or block.code
        reverse = verb.reverse if verb.code else block.reverse
        base = VerbPattern(
            lemma=verb.lemma,
            particle=None,
            object_prep=None,
            objects=frozenset(),
            targets=(),
            code=code,
            flags=frozenset(),
            line=verb.line,
            reverse_code=reverse,
            forms=verb.forms,
            before=verb.before,
            after=verb.after,
            origin=result.path,
            text=verb.text,
        )
        if code != NULL_CODE:  # a verb that codes nothing by itself has no default pattern
            result.patterns.append(base)
        for (number, text, pre, post, pcode, preverse), (required, needs) in zip(
            parsed, words, strict=True
        ):
            result.patterns.append(  # not dataclasses.replace: 50,000 patterns in CAMEO.2.0
                VerbPattern(
                    lemma=base.lemma,
                    particle=None,
                    object_prep=None,
                    objects=base.objects,
                    targets=(),
                    code=pcode,
                    flags=base.flags,
                    line=number,
                    pre=pre,
                    post=post,
                    reverse_code=preverse,
                    forms=base.forms,
                    before=base.before,
                    after=base.after,
                    origin=base.origin,
                    required=required,
                    text="- " + text,
                    needs=needs,
                )
            )
