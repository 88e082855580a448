"""Assessments: judgements about relationships in commentary, kept apart from events.

For every sentence: find the evaluative terms (lexicon), pair each modifier ("erosion",
"rising", "poor") with the cue it governs, apply negation, weigh contrast ("although ...",
"... but ..."), then decide which dyad, triad or actor the judgement is about from the
actor mentions in the cue's clause (widening to the enclosing clauses, and to the previous
sentence of the paragraph when the sentence says "the two", "their", "the relationship").
One record per sentence and subject.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from spacy.tokens import Doc, Span, Token

from tripolar.assessments import syntax
from tripolar.assessments.lexicon import LexEntry, Lexicon, Match
from tripolar.model import Assessment, AssessmentScope, Mention
from tripolar.nlp.text import doc_text, sentence_bounds

# Mention codes whose first three letters are not a country.
NON_COUNTRY_PREFIXES = frozenset({"IGO", "NGO", "MNC", "UAF", "REB", "INS", "SPY", "UIS", "---"})
TARGET_PREPS = frozenset(
    {"with", "toward", "towards", "of", "against", "to", "between", "among", "over", "in", "on"}
)
POLARITY_FLOOR = 0.1  # |polarity| below this is reported as 0 by sign()


@dataclass
class _Item:
    """One evaluative term in a sentence, with what the parse did to it."""

    match: Match
    entry: LexEntry
    head: Token
    value: float = 0.0
    intensity: float = 0.0
    negators: set[int] = field(default_factory=set)
    modifiers: list[_Item] = field(default_factory=list)
    attached: bool = False


@dataclass
class _Judgement:
    subject: tuple[str, ...]
    item: _Item
    weight: float
    value: float
    intensity: float
    terms: tuple[str, ...]
    negated: bool
    hedged: bool
    dimension: str
    time: str
    modality: str
    holder: str
    holder_code: str


def sign(polarity: float) -> int:
    """-1, 0 or +1: the label an assessment's polarity counts as."""
    if polarity > POLARITY_FLOOR:
        return 1
    if polarity < -POLARITY_FLOOR:
        return -1
    return 0


def subject_key(countries: Sequence[str]) -> str:
    return "-".join(sorted(set(countries)))


class AssessmentExtractor:
    """Finds assessments in a parsed document. Build once; ``extract`` is pure."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or Lexicon.builtin()
        self._terms = self.lexicon.table()
        self._negators = self.lexicon.category_table("negator")
        self._concessive = self.lexicon.category_table("concessive")
        self._future = self.lexicon.category_table("future")
        self._past = self.lexicon.category_table("past")
        self._conditional = self.lexicon.category_table("conditional")
        self._anaphors = self.lexicon.category_table("anaphor")

    def extract(
        self,
        doc: Doc,
        mentions: Sequence[Mention],
        *,
        doc_id: str,
        published: dt.date | None,
    ) -> list[Assessment]:
        token_mentions = _index_mentions(doc, mentions)
        records: list[Assessment] = []
        context: tuple[str, ...] = ()
        paragraph, scanned = 0, 0
        text = doc_text(doc)
        for index, sentence in enumerate(doc.sents):
            breaks = text.count("\n\n", scanned, sentence.start_char)
            if breaks:
                paragraph += breaks
                context = ()
            scanned = sentence.start_char
            if not text[sentence.start_char : sentence.end_char].strip():
                continue
            judgements = self._judge_sentence(sentence, token_mentions, context)
            records.extend(_merge(judgements, sentence, index, doc_id, published))
            present = _countries(token_mentions, (t.i for t in sentence))
            if 1 <= len(present) <= 2:
                context = tuple(sorted(present))
            elif len(present) > 2:
                context = ()
        return records

    # -- one sentence -------------------------------------------------------------------

    def _judge_sentence(
        self,
        sentence: Span,
        token_mentions: dict[int, Mention],
        context: tuple[str, ...],
    ) -> list[_Judgement]:
        items = self._items(sentence)
        if not items:
            return []
        negator_matches = list(self._negators.find(list(sentence)))
        heads = {item.head.i for item in items}
        for item in items:
            stop = heads - {item.head.i}
            item.negators = syntax.negators_of(
                item.head, item.match.start, sentence, self.lexicon, negator_matches, stop
            )
            item.negators -= set(range(item.match.start, item.match.end))
        _attach_modifiers(items)
        weights = syntax.contrast_weights(sentence, self.lexicon, self._concessive)
        judgements: list[_Judgement] = []
        for item in items:
            if item.attached:
                continue
            value, intensity, negators, terms = _score(item)
            if value == 0.0 or intensity == 0.0:
                continue
            claimers = [other.head for other in items if other is not item and not other.attached]
            subjects = self._subjects(item.head, sentence, token_mentions, context, claimers)
            for subject in subjects:
                judgements.append(
                    self._judgement(
                        item,
                        subject,
                        sentence,
                        token_mentions,
                        weights[item.head.i],
                        value,
                        intensity,
                        bool(negators),
                        terms,
                    )
                )
        return judgements

    def _items(self, sentence: Span) -> list[_Item]:
        items: list[_Item] = []
        doc = sentence.doc
        for match in self._terms.find(list(sentence)):
            entry = self.lexicon.entries[match.term]
            span = doc[match.start : match.end]
            head = span.root
            single = match.end - match.start == 1
            if single and head.pos_ == "PROPN" and head.i != sentence.start:
                continue  # part of a name: "Shanghai Cooperation Organisation"
            if single and head.tag_ in ("MD",):
                continue
            if syntax.is_temporal_anchor(head) or syntax.is_reported_act(head, self.lexicon):
                continue
            items.append(
                _Item(
                    match=match,
                    entry=entry,
                    head=head,
                    value=entry.polarity,
                    intensity=entry.intensity,
                )
            )
        return items

    def _subjects(
        self,
        head: Token,
        sentence: Span,
        token_mentions: dict[int, Mention],
        context: tuple[str, ...],
        claimers: Sequence[Token] = (),
    ) -> list[tuple[str, ...]]:
        lexicon = self.lexicon
        whole = _countries(token_mentions, (t.i for t in sentence))
        between = _between_targets(head, token_mentions)
        if len(between) >= 2:
            return [tuple(sorted(between))] if len(between) <= 3 else []
        if head.pos_ in ("NOUN", "PROPN"):
            local = _subtree_countries(head, token_mentions)
            if len(local) == 2:
                return [tuple(sorted(local))]
        framed = _as_frame(head, token_mentions)
        if framed:
            return [framed]
        claimed = _claimed_tokens(head, claimers)
        found: set[str] = set()
        for root in syntax.clause_chain(head):
            own = (t.i for t in syntax.own_clause_tokens(root) if t.i not in claimed)
            found |= _countries(token_mentions, own)
            if len(found) >= 2:
                break
        triadic = any(lexicon.has("triad", t) for t in sentence)
        if triadic and (len(found) >= 3 or (len(found) < 2 and len(whole) >= 3)):
            return [tuple(sorted(found if len(found) >= 3 else whole))]
        if len(found) < 2 and len(whole) > len(found) and len(whole) == 2:
            found = set(whole)
        if len(found) == 2:
            return [tuple(sorted(found))]
        if len(found) >= 3:
            targets = _prep_targets(head, token_mentions)
            sources = found - targets
            if targets and sources:
                return _pairs(sources, targets)
            return [tuple(sorted(found))]
        anaphoric = any(True for _ in self._anaphors.find(list(sentence)))
        if len(found) == 1:
            (country,) = found
            if anaphoric and context:
                if country in context:
                    return [context] if len(context) == 2 else [(country,)]
                return _pairs(set(context), {country})
            return [(country,)]
        if anaphoric and context:
            return [context]
        return []

    def _judgement(
        self,
        item: _Item,
        subject: tuple[str, ...],
        sentence: Span,
        token_mentions: dict[int, Mention],
        weight: float,
        value: float,
        intensity: float,
        negated: bool,
        terms: tuple[str, ...],
    ) -> _Judgement:
        lexicon = self.lexicon
        hedged = syntax.is_hedged(item.head, lexicon)
        if hedged:
            intensity *= 0.6
        holder_head = syntax.holder_of(item.head, sentence, lexicon)
        holder, holder_code = "author", ""
        if holder_head is not None:
            text = syntax.holder_text(holder_head)
            lowered = holder_head.lower_
            if lowered in syntax.FIRST_PERSON:
                holder = "author"
            elif lowered in syntax.PRONOUN_HOLDERS:
                holder = "unattributed"
            else:
                holder = text or holder_head.text
                mention = token_mentions.get(holder_head.i)
                if mention is not None and mention.codes:
                    holder_code = mention.codes[0]
        return _Judgement(
            subject=subject,
            item=item,
            weight=weight,
            value=value,
            intensity=min(1.0, intensity),
            terms=terms,
            negated=negated,
            hedged=hedged,
            dimension=self._dimension(item),
            time=syntax.time_of(item.head, lexicon, self._future, self._past),
            modality=syntax.modality_of(item.head, sentence, lexicon, self._conditional),
            holder=holder,
            holder_code=holder_code,
        )

    def _dimension(self, item: _Item) -> str:
        words = self.lexicon.dimension_words
        head = item.head
        near = [c for c in head.children if c.dep_ in ("amod", "compound", "prep", "nmod")]
        near += [g for c in near if c.dep_ == "prep" for g in c.children]
        if head.dep_ in ("amod", "compound", "acomp", "attr") or head.dep_ == "nsubj":
            near.append(head.head)
            near += [c for c in head.head.children if c.dep_ in ("amod", "compound", "nsubj")]
            near += [
                g
                for c in head.head.children
                if c.dep_ == "nsubj"
                for g in c.children
                if g.dep_ in ("amod", "compound")
            ]
        for token in near:
            if token.i == head.i:
                continue
            found = words.get(token.lemma_.lower()) or words.get(token.lower_)
            if found:
                return found
        if item.entry.dimension != "overall":
            return item.entry.dimension
        for modifier in item.modifiers:
            if modifier.entry.dimension != "overall":
                return modifier.entry.dimension
        return "overall"


# -- scoring ------------------------------------------------------------------------------


def _attach_modifiers(items: list[_Item]) -> None:
    """Pair every shifter, intensifier and setter with the nearest cue it governs."""
    cues = [i for i in items if i.entry.kind == "cue"]
    by_head = {cue.head.i: cue for cue in cues}
    for cue in cues:
        # "a dangerous adversary": an evaluative adjective inside a cue's noun phrase
        # strengthens that cue rather than standing alone.
        governor = by_head.get(cue.head.head.i)
        if cue.head.dep_ in ("amod", "compound") and governor is not None and governor is not cue:
            governor.modifiers.append(cue)
            cue.attached = True
    for modifier in items:
        if modifier.entry.kind == "cue":
            continue
        candidates = []
        for n, cue in enumerate(cues):
            distance = syntax.governs(modifier.head, cue.head)
            if distance is not None:
                candidates.append((distance, abs(modifier.head.i - cue.head.i), n))
        if not candidates:
            continue
        _, _, best = min(candidates)
        cues[best].modifiers.append(modifier)
        modifier.attached = True


def _score(item: _Item) -> tuple[float, float, set[int], tuple[str, ...]]:
    """The signed value of a cue after its modifiers and negations."""
    value, intensity = item.value, item.intensity
    negators = set(item.negators)
    terms = [item.match.term]
    order = sorted(item.modifiers, key=lambda m: syntax.tree_distance(m.head, item.head))
    for modifier in order:
        kind = modifier.entry.kind
        if kind == "cue":
            intensity += 0.15
        elif kind == "shifter":
            value = -value
        elif kind == "setter":
            strength = max(abs(value), abs(modifier.entry.polarity))
            value = strength if modifier.entry.polarity > 0 else -strength
        else:
            intensity += 0.15
        negators ^= modifier.negators  # a negation shared by both counts once
        terms.append(modifier.match.term)
        intensity = max(intensity, modifier.entry.intensity)
    if len(negators) % 2 == 1:
        value = -value
        intensity *= 0.7
    return value, intensity, negators, tuple(terms)


def _merge(
    judgements: list[_Judgement],
    sentence: Span,
    index: int,
    doc_id: str,
    published: dt.date | None,
) -> list[Assessment]:
    by_subject: dict[tuple[str, ...], list[_Judgement]] = defaultdict(list)
    for judgement in judgements:
        by_subject[judgement.subject].append(judgement)
    records: list[Assessment] = []
    bounds = sentence_bounds(sentence)
    doc = sentence.doc
    for subject, group in by_subject.items():
        # The "but" rule: when a contrast leaves some judgements asserted and others
        # conceded, the asserted ones decide the sign.
        asserted = [j for j in group if j.weight >= 1.0]
        scale = 1.0
        if asserted and len(asserted) < len(group):
            net = sum(j.intensity * j.value for j in asserted)
            if abs(net) > 0.0:
                group, scale = asserted, 0.8
        total = sum(j.weight * j.intensity for j in group)
        if total == 0.0:
            continue
        polarity = scale * sum(j.weight * j.intensity * j.value for j in group) / total
        polarity = max(-1.0, min(1.0, polarity))
        lead = max(group, key=lambda j: (j.weight * j.intensity, -j.item.head.i))
        cue = doc[lead.item.match.start : lead.item.match.end]
        terms = tuple(dict.fromkeys(t for j in group for t in j.terms))
        scope: AssessmentScope = (
            "actor" if len(subject) == 1 else ("dyad" if len(subject) == 2 else "triad")
        )
        records.append(
            Assessment(
                doc_id=doc_id,
                sentence_index=index,
                start=bounds[0],
                end=bounds[1],
                sentence=bounds[2],
                subject=subject_key(subject),
                scope=scope,
                polarity=round(polarity, 3),
                intensity=round(max(j.intensity for j in group), 3),
                dimension=lead.dimension,
                time=lead.time,
                modality=lead.modality,
                holder=lead.holder,
                published=published,
                holder_code=lead.holder_code,
                cues=terms,
                cue_start=cue.start_char,
                cue_end=cue.end_char,
                negated=lead.negated,
                hedged=lead.hedged,
            )
        )
    return records


# -- actors ------------------------------------------------------------------------------


def _index_mentions(doc: Doc, mentions: Sequence[Mention]) -> dict[int, Mention]:
    index: dict[int, Mention] = {}
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            index.setdefault(token.i, mention)
    return index


def _mention_countries(mention: Mention) -> set[str]:
    return {
        code[:3]
        for code in mention.codes
        if len(code) >= 3 and code[:3].isalpha() and code[:3] not in NON_COUNTRY_PREFIXES
    }


def _countries(token_mentions: dict[int, Mention], indices: Iterable[int]) -> set[str]:
    found: set[str] = set()
    for i in indices:
        mention = token_mentions.get(i)
        if mention is not None:
            found |= _mention_countries(mention)
    return found


def _subtree_countries(token: Token, token_mentions: dict[int, Mention]) -> set[str]:
    return _countries(token_mentions, (t.i for t in token.subtree))


def _as_frame(head: Token, token_mentions: dict[int, Mention]) -> tuple[str, ...] | None:
    """'Beijing regards Moscow as a partner': the subject and the country just before 'as'."""
    marker = head.head
    if head.dep_ != "pobj" or marker.lower_ != "as":
        return None
    verb = next((a for a in marker.ancestors if syntax.is_verbal(a)), None)
    if verb is None:
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    sources = (
        set().union(*(_subtree_countries(s, token_mentions) for s in subjects))
        if subjects
        else set()
    )
    targets: set[str] = set()
    for index in range(marker.i - 1, verb.i, -1):
        mention = token_mentions.get(index)
        if mention is not None:
            targets = _mention_countries(mention)
            break
    if len(sources) == 1 and len(targets) == 1 and sources != targets:
        return tuple(sorted(sources | targets))
    return None


def _claimed_tokens(head: Token, claimers: Sequence[Token]) -> set[int]:
    """Tokens of other evaluative noun phrases: 'American hostility toward China' keeps its
    countries to itself when another cue in the clause looks for its parties."""
    claimed: set[int] = set()
    for other in claimers:
        if other.pos_ not in ("NOUN", "PROPN") or other.i == head.i:
            continue
        subtree = {t.i for t in other.subtree}
        if head.i not in subtree:
            claimed |= subtree
    return claimed


def _between_targets(head: Token, token_mentions: dict[int, Mention]) -> set[str]:
    """'tensions between Beijing and Washington' names both parties."""
    for node in (head, head.head):
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ in ("between", "among"):
                return _subtree_countries(child, token_mentions)
    return set()


def _prep_targets(head: Token, token_mentions: dict[int, Mention]) -> set[str]:
    """Countries a cue is directed at: 'suspicion of Washington', 'rivalry with Moscow'."""
    targets: set[str] = set()
    for node in (head, head.head):
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
                targets |= _subtree_countries(child, token_mentions)
            if child.dep_ == "dobj" and node.i == head.i:
                targets |= _subtree_countries(child, token_mentions)
        if targets:
            break
    return targets


def _pairs(sources: set[str], targets: set[str]) -> list[tuple[str, ...]]:
    pairs = {tuple(sorted((s, t))) for s in sources for t in targets if s != t}
    if not pairs and len(targets) >= 2:
        pairs = {tuple(sorted(p)) for p in combinations(sorted(targets), 2)}
    return sorted(pairs)
