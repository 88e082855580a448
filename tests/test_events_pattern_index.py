"""The pattern index drops no match: trying only the patterns `PatternIndex.select` gives
finds exactly the matches that trying every pattern of the verb finds, in the same order, on
generated dictionaries (words, joined words, synsets, noun and prepositional phrases, actor
slots, skips, multi-word verbs, irregular forms) and generated parses. Own words."""

from __future__ import annotations

import tempfile
from pathlib import Path

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, Token

from tripolar.events.codebook import Codebook
from tripolar.events.patterns import (
    PatternMatch,
    PatternSet,
    VerbSite,
    match_verb,
    read_verb_dictionary,
    sentence_words,
)

VOCAB = spacy.blank("en").vocab
BUILTIN = PatternSet.load(Codebook.load())

HEADER = """\
&ARMS
+RIFLE
+TANK_SHELL
&FOOD
+FOOD_AID
+GRAIN_
"""
VERBS = ("SUPPLY", "+HAND_OVER", "+SEND_BACK", "QUICKLY_+SEND", "LEFT  [032:033]",
         "GIVE {GAVE GIVEN}")  # fmt: skip
ELEMENTS = (
    "TO", "AID", "NOT", "THE", "FOOD_AID", "NOT_*", "&ARMS", "&FOOD", "{FOOD AID}",
    "{PEACE TALKS}", "(TO +)", "(WITH {PEACE TALKS})", "(ON &ARMS)", "$", "+", "%", "^",
)  # fmt: skip
# words of the generated sentences: the dictionary's, and others
WORDS = (
    "to", "aid", "not", "the", "food", "grain", "rifle", "rifles", "tank", "shell", "shells",
    "peace", "talks", "with", "on", "over", "back", "arnor", "gondor", "quickly",
)  # fmt: skip
ARMS = ("tank", "shells", "rifles", "grain", "food", "aid")  # members, more often
VERB_FORMS = (("supplied", "supply"), ("handed", "hand"), ("sent", "send"), ("left", "leave"),
              ("gave", "give"), ("gives", "give"))  # fmt: skip
DEPS = ("nsubj", "dobj", "prep", "pobj", "prt", "conj", "cc", "det", "amod", "compound", "advmod")
POS = ("NOUN", "PROPN", "ADP", "DET", "ADJ", "VERB")


def pattern_line(pre: list[str], post: list[str], code: int) -> str:
    star = "*" if "NOT_*" not in pre else ""
    before = " ".join(pre)
    return f"- {before} {star} {' '.join(post)}  [{code:03d}]"


@st.composite
def dictionaries(draw: st.DrawFn) -> str:
    lines = [HEADER]
    for block in range(draw(st.integers(1, 3))):
        verbs = draw(st.lists(st.sampled_from(VERBS), min_size=1, max_size=3, unique=True))
        lines.append(f"--- BLOCK{block}  [{draw(st.sampled_from(['070', '---']))}] ---")
        lines.extend(verbs)
        for _ in range(draw(st.integers(0, 8))):
            side = st.lists(st.sampled_from(ELEMENTS), max_size=draw(st.integers(1, 3)))
            pre = [e for e in draw(side) if e != "NOT_*"][: draw(st.integers(0, 3))]
            if draw(st.booleans()):
                pre.append("NOT_*")
            post = [e for e in draw(side) if e != "NOT_*"]
            if draw(st.booleans()):  # a synset alone after the verb, often
                post = [draw(st.sampled_from(("&ARMS", "&FOOD", "(ON &ARMS)")))]
            lines.append(pattern_line(pre, post, draw(st.integers(10, 199))))
    return "\n".join(lines) + "\n"


@st.composite
def subtree(draw: st.DrawFn, size: int) -> list[tuple[int, str]]:
    """A projective tree over `size` tokens: (head, dependency) per token, head -1 for its
    root."""
    if size == 0:
        return []
    root = draw(st.integers(0, size - 1))
    rows: list[tuple[int, str]] = []
    for head, dep in draw(subtree(root)):
        rows.append((root, draw(st.sampled_from(DEPS))) if head < 0 else (head, dep))
    rows.append((-1, "ROOT"))
    for head, dep in draw(subtree(size - root - 1)):
        rows.append((root, draw(st.sampled_from(DEPS))) if head < 0 else (head + root + 1, dep))
    return rows


@st.composite
def documents(draw: st.DrawFn) -> tuple[Doc, dict[int, int]]:
    words: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    pos: list[str] = []
    lemmas: list[str] = []
    for _ in range(draw(st.integers(1, 2))):  # one or two sentences
        start = len(words)
        size = draw(st.integers(2, 9))
        tree = draw(subtree(size))
        if draw(st.booleans()):  # flat: every word on the root, which is most often a verb
            root = next(i for i, (head, _) in enumerate(tree) if head < 0)
            tree = [(h, d) if h < 0 else (root, draw(st.sampled_from(DEPS))) for h, d in tree]
        for i, (head, dep) in enumerate(tree):
            if draw(st.integers(0, 3)) == 0 or (head < 0 and draw(st.booleans())):
                form, lemma = draw(st.sampled_from(VERB_FORMS))
                words.append(form)
                lemmas.append(lemma)
                pos.append("VERB")
            else:
                word = draw(st.sampled_from(ARMS if draw(st.booleans()) else WORDS))
                words.append(word.title() if word in ("arnor", "gondor") else word)
                lemmas.append(word)
                pos.append(draw(st.sampled_from(POS)))
            heads.append((i if head < 0 else head) + start)
            deps.append(dep)
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    actors: dict[int, int] = {}
    for token in doc:
        if token.lower_ in ("arnor", "gondor"):
            end = token.i + 1
            if end < len(doc) and doc[end].lower_ == "aid":  # "Gondor aid": one mention
                end += 1
            for i in range(token.i, end):
                actors[i] = end
    return doc, actors


def matches(verb: Token, patterns: object, actors: dict[int, int]) -> list[PatternMatch]:
    site = VerbSite.of(verb)
    found = []
    for pattern in patterns:  # type: ignore[attr-defined]
        match = match_verb(verb, pattern, actors=actors, site=site)
        if match is not None:
            found.append(match)
    return found


def pattern_sets(text: str) -> list[PatternSet]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "verbs.txt"
        path.write_text(text, encoding="utf-8")
        dictionary = read_verb_dictionary(path)
    return [BUILTIN.with_dictionaries([dictionary], mode) for mode in ("merge", "replace")]


@settings(max_examples=300, deadline=None)
@given(dictionaries(), st.lists(documents(), min_size=1, max_size=4))
def test_pattern_index_drops_no_match(text: str, docs: list[tuple[Doc, dict[int, int]]]) -> None:
    for patterns in pattern_sets(text):
        for doc, actors in docs:
            for verb in doc:
                form, lemma = verb.lower_, verb.lemma_.lower()
                every = patterns.verb_patterns(form, lemma)
                chosen = patterns.verb_index(form, lemma).select(verb, sentence_words(verb.sent))
                assert matches(verb, chosen, actors) == matches(verb, every, actors)
                assert [p for p in every if p in chosen] == list(chosen)  # order kept


def test_pattern_index_leaves_out_patterns_whose_words_are_absent() -> None:
    text = HEADER + "--- SUPPLY  [070] ---\nSUPPLY\n- * &ARMS  [072]\n- * (TO +)  [071]\n"
    merged, replaced = pattern_sets(text)
    doc = Doc(
        VOCAB,
        words=["Arnor", "supplied", "grain", "to", "Gondor"],
        heads=[1, 1, 1, 1, 3],
        deps=["nsubj", "ROOT", "dobj", "prep", "pobj"],
        pos=["PROPN", "VERB", "NOUN", "ADP", "PROPN"],
        lemmas=["Arnor", "supply", "grain", "to", "Gondor"],
    )
    words = sentence_words(doc[1].sent)
    chosen = replaced.verb_index("supplied", "supply").select(doc[1], words)
    assert [p.code for p in chosen] == ["071", "070"]  # no rifle, no tank shell: no 072
    every = merged.verb_patterns("supplied", "supply")
    chosen = merged.verb_index("supplied", "supply").select(doc[1], words)
    left_out = [p for p in every if p.from_dictionary and p.code == "072"]
    assert [p for p in every if p not in left_out] == list(chosen)  # the built-in ones too
