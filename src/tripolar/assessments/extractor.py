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
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from tripolar.assessments import parties, syntax
from tripolar.assessments.lexicon import LexEntry, Lexicon, Match, PhraseTable
from tripolar.model import Assessment, AssessmentScope, Mention
from tripolar.nlp.text import doc_text, sentence_bounds, span_text

# Mention codes whose first three letters are not a country.
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


@dataclass(frozen=True)
class _Voices:
    """Who has spoken so far: the last named holder, and the speaker of a quotation that
    is still open (both as (holder, holder code))."""

    last: tuple[str, str] | None = None
    quoted: tuple[str, str] | None = None
    person: tuple[str, str] | None = None  # the last person named, for "he" and "she"


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
    rank: int = 0  # how directly the subject is tied to the cue (see _subjects)


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
        self._regions = PhraseTable(self.lexicon.regions)

    def may_judge(self, sentence: Span) -> bool:
        """Whether an unparsed sentence may judge a relationship (a cheap test on surface
        forms, used to choose which sentences without an actor to parse): it holds a cue of
        the evaluative lexicon ("Tensions had been building"), or a modifier together with
        a word that points at a relationship ("Ties deteriorated", "They soured"); not
        "strong winds" or "fuel prices rose"."""
        words = [t.lower_ for t in sentence if not t.is_space]
        terms = self._terms.surface_terms(words)
        if any(self.lexicon.entries[term].kind == "cue" for term in terms):
            return True
        return bool(terms) and any(
            self.lexicon.has_surface(category, words) for category in ("relational", "anaphor")
        )

    def pair_named(self, doc: Doc, mentions: Sequence[Mention]) -> tuple[str, ...]:
        """The pair of states a short text such as a title names ('US-China ties sour'),
        or () when it names fewer or more than two."""
        named = parties.countries(parties.index_mentions(doc, mentions), range(len(doc)))
        return tuple(sorted(named)) if len(named) == 2 else ()

    def extract(
        self,
        doc: Doc,
        mentions: Sequence[Mention],
        *,
        doc_id: str,
        published: dt.date | None,
        about: tuple[str, ...] = (),
    ) -> list[Assessment]:
        """The assessments of `doc`. `about` is the pair the document's title names (see
        `pair_named`): the article's pair until its sentences discuss another one more."""
        token_mentions = parties.index_mentions(doc, [*mentions, *self._region_mentions(doc)])
        records: list[Assessment] = []
        context: tuple[str, ...] = ()
        topic: tuple[str, ...] = about  # the pair the article is about so far
        # pair -> (sentences, last one); the title counts as one sentence before the first
        seen: dict[tuple[str, ...], tuple[int, int]] = {about: (1, -1)} if about else {}
        voices = _Voices()
        paragraph, scanned, previous, earlier = 0, 0, -1, -1  # the last two sentences
        text = doc_text(doc)
        for index, sentence in enumerate(doc.sents):
            breaks = text.count("\n\n", scanned, sentence.start_char)
            if breaks:
                paragraph += breaks
                context = ()
            scanned = sentence.start_char
            if not text[sentence.start_char : sentence.end_char].strip():
                continue
            sidelined = parties.sidelined_tokens(
                sentence, lambda t: self.lexicon.has("reporting", t), token_mentions
            )
            if parties.soviet_era(sentence, published):
                token_mentions.update(
                    (t.i, parties.as_soviet(token_mentions[t.i]))
                    for t in sentence
                    if t.i in token_mentions
                )
            judged: list[Assessment] = []
            # a pair discussed once, more than a sentence back, is not the article's pair
            count, last = seen.get(topic, (0, -1))
            fresh = topic if topic == about or count >= 2 or last >= earlier else ()
            if not syntax.is_open_question(sentence):
                judgements = self._judge_sentence(
                    sentence, token_mentions, context, fresh, sidelined, voices
                )
                judged = _merge(judgements, sentence, index, doc_id, published)
            records.extend(judged)
            present = parties.countries(
                token_mentions,
                (i for i in range(sentence.start, sentence.end) if i not in sidelined),
            )
            if 1 <= len(present) <= 2:
                context = tuple(sorted(present))
            elif len(present) > 2:
                context = ()
            pair = parties.sentence_pair(judged, present, sentence, token_mentions)
            if pair is not None and present & set(pair):  # named here, not the topic's echo
                seen[pair] = (seen.get(pair, (0, 0))[0] + 1, index)
                # the pair the article is about: the most discussed so far, the latest on a tie
                topic = max(seen, key=lambda p: seen[p])
            voices = self._next_voices(voices, sentence, token_mentions)
            earlier, previous = previous, index
        return records

    def _region_mentions(self, doc: Doc) -> list[Mention]:
        """'the West', 'Europe', 'Western countries' as parties, with CAMEO region codes; not
        'West Africa' or 'the European Union' (a name the actors stage resolves)."""
        found: list[Mention] = []
        for match in self._regions.find(doc[:]):
            span = doc[match.start : match.end]
            named = next(t for t in span if t.lower_ != "the")
            after = doc[match.end] if match.end < len(doc) else None
            if not named.text[:1].isupper():
                continue
            if after is not None and after.pos_ == "PROPN" and after.text[:1].isupper():
                continue
            if parties.is_place(span.root):
                continue  # "our goals in Europe, the Middle East and Asia": a place
            code = self.lexicon.regions[match.term]
            found.append(Mention(span.start_char, span.end_char, span.text, (code,), "region"))
        return found

    # -- one sentence -------------------------------------------------------------------

    def _judge_sentence(
        self,
        sentence: Span,
        token_mentions: dict[int, Mention],
        context: tuple[str, ...],
        topic: tuple[str, ...] = (),
        sidelined: frozenset[int] = frozenset(),
        voices: _Voices | None = None,
    ) -> list[_Judgement]:
        voices = voices or _Voices()
        items = self._items(sentence, token_mentions)
        if not items:
            return []
        negator_matches = list(self._negators.find(sentence))
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
            # a change word alone judges only a relationship or an actor: "relations
            # deteriorated", not "troops were reduced"
            alone = (item.entry.kind != "cue" and not item.modifiers) or (
                item.head.dep_ in ("acomp", "attr")
                and item.head.pos_ == "ADJ"
                and not any(c.dep_ == "prep" for c in item.head.children)
            )  # "a turning point may be close" judges no relationship
            if alone and not self._governs_relation(item.head, token_mentions):
                continue
            if item.entry.kind != "cue" and not item.modifiers and abs(value) <= POLARITY_FLOOR:
                continue  # "China's economic rise" alone carries no direction to report
            claimers = [other.head for other in items if other is not item and not other.attached]
            rank, subjects = self._subjects(
                item.head, sentence, token_mentions, context, claimers, topic, sidelined
            )
            sources = parties.source_countries(item.head, token_mentions)
            for subject in subjects:
                if sources and not sources & set(subject):
                    continue  # "their view of the threat from the West" judges no pair of theirs
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
                        voices,
                        rank,
                    )
                )
        return judgements

    def _items(self, sentence: Span, token_mentions: dict[int, Mention]) -> list[_Item]:
        items: list[_Item] = []
        doc = sentence.doc
        lexicon = self.lexicon
        for match in self._terms.find(sentence):
            entry = lexicon.entries[match.term]
            span = doc[match.start : match.end]
            head = span.root
            single = match.end - match.start == 1
            if single and head.pos_ == "PROPN" and head.i != sentence.start:
                continue  # part of a name: "Shanghai Cooperation Organisation"
            if single and head.tag_ in ("MD",):
                continue
            if single and entry.kind == "setter" and head.tag_ == "NNS":
                continue  # "consumer goods"
            if single and parties.in_hyphenated_word(doc, match.start):
                continue  # "lower-cost goods", "high-level talks"
            if syntax.is_temporal_anchor(head) or syntax.is_reported_act(head, lexicon):
                continue
            if single and syntax.is_title_word(head):
                continue  # "a conference, Cooperation between X and Y: Prospects"
            if parties.is_located(head, token_mentions):
                continue  # "the crisis in Belarus" is that country's situation
            if parties.is_prefixed_period(doc, match.start) or syntax.is_studied(head, lexicon):
                continue  # "the post-Cold War order"; "the report analyses how ties changed"
            governor = head.head if head.dep_ in ("amod", "compound") else head
            listed = {governor, *syntax.conjuncts(governor)}  # "stability and national unity"
            if any(
                c.dep_ in ("compound", "amod", "nmod") and lexicon.has("domestic", c)
                for node in {head, *listed}
                for c in node.children
            ):
                continue  # "a public health crisis", "the worst health crisis"
            if lexicon.has("actor_object", head) and syntax.is_verbal(head):
                objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
                if objects and not any(
                    t.i in token_mentions
                    or (lexicon.has("anaphor", t) and t.lower_ not in syntax.POSSESSIVE_PRONOUNS)
                    or lexicon.has("relational", t)
                    or t.lower_ in ("other", "another")  # "support each other"
                    for o in objects
                    for t in syntax.phrase_core(o)
                ):
                    # "contain the outbreak", "abandoned its agreement with Tokyo" (its:
                    # the subject's own), not "support each other", "isolate Russia's regime"
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

    def _governs_relation(self, head: Token, token_mentions: dict[int, Mention]) -> bool:
        """Whether a change word bears on a relationship or an actor: what it changes (its
        object, else its subject) or the noun it modifies names a relationship ("ties",
        "the two sides") or an actor. "The invasion shook the order" changes the order."""
        objects = [
            c  # "any time soon" is no object
            for c in head.children
            if c.dep_ == "dobj" and c.lemma_.lower() not in syntax.TIME_NOUNS
        ]
        arguments = ("dobj", "poss", "attr") if objects else ("nsubj", "nsubjpass", "poss", "attr")
        near = [c for c in head.children if c.dep_ in arguments]
        near += [g for c in head.children if c.dep_ == "prep" for g in c.children]
        verb = next((a for a in syntax.ancestors_with_self(head) if syntax.is_verbal(a)), None)
        while verb is not None and not objects:  # "relations are far from healthy"
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            near += subjects
            if verb.dep_ == "relcl":  # "a relationship that is constructive"
                near.append(verb.head)
            if subjects or verb.dep_ not in ("conj", "xcomp", "acomp"):
                break
            # "officials complain and grow wary", "they are unlikely to improve"
            verb = verb.head
        if head.dep_ in ("amod", "compound", "acl", "relcl", "nsubj") or head.pos_ in (
            "NOUN",
            "PROPN",
        ):
            near.append(head.head)
        if head.pos_ in ("NOUN", "PROPN"):
            near.append(head)
        for token in near:
            parts = [token, *(c for c in token.children if c.dep_ in ("amod", "compound", "poss"))]
            if any(part.i in token_mentions for part in parts):
                return True
            # a relationship may also be named further down: "the basis of bilateral ties"
            parts += [g for c in token.children if c.dep_ == "prep" for g in c.subtree]
            for part in parts:
                if self.lexicon.has("relational", part) or self.lexicon.has("anaphor", part):
                    return True
                entry = self.lexicon.entries.get(part.lemma_.lower())
                if entry is not None and entry.kind == "cue" and part.i not in token_mentions:
                    return True
        return False

    def _own_countries(self, head: Token, named: dict[int, Mention]) -> set[str]:
        """Countries whose own standing a cue judges: its possessor, or the subject of the
        clause it predicates ("Russia's turn to Asia will be slow"); not a source ("pressure
        from the United States"), a target ("sanctions against China") or a name on an
        event ("the U.S. trade war", "the Ukraine conflict"), whose other party is unsaid."""
        found = parties.countries(
            named, (t.i for c in head.children if c.dep_ == "poss" for t in c.subtree)
        )
        if head.i in named:
            found |= parties.countries(named, [head.i])
        node = head
        while node.dep_ in ("amod", "compound", "pobj", "prep", "dobj") and node.head is not node:
            node = node.head
            if node.pos_ in ("NOUN", "PROPN"):
                found |= parties.countries(named, (c.i for c in node.children if c.dep_ == "poss"))
        verb = next((a for a in syntax.ancestors_with_self(head) if syntax.is_verbal(a)), None)
        if verb is not None:
            for child in verb.children:
                if child.dep_ in ("nsubj", "nsubjpass") and head not in child.subtree:
                    found |= parties.subtree_countries(child, named)
        return found

    def _relation_pair(
        self, head: Token, named: dict[int, Mention], claimed: set[int]
    ) -> tuple[int, tuple[str, ...]] | None:
        """The pair named by the relationship a cue judges: the relationship noun the cue
        sits in ("the 'no limits' relationship announced by Xi and Putin"), else one in the
        cue's clause ("brought instability to Sino-American relations"); with the rank of
        ``_subjects`` (0 for the cue's own relationship noun)."""
        candidates: list[Token] = []
        node = head
        for _ in range(3):
            if node.pos_ == "NOUN" and self.lexicon.has("relational", node):
                candidates.append(node)
                break
            if node.dep_ not in ("amod", "compound", "nmod", "pobj", "prep") or node.head is node:
                break
            node = node.head
        clause = syntax.own_clause_tokens(syntax.clause_root(head))
        candidates += [
            t
            for t in clause
            if t.pos_ == "NOUN"
            and t.lemma_.lower() in ("relation", "relationship", "tie")
            and t.i not in claimed
        ]
        for position, noun in enumerate(candidates):
            pair = parties.subtree_countries(noun, named)
            if len(pair) == 2 and parties.prep_targets(noun, named, parties.DIRECTED_PREPS) != pair:
                own = position == 0 and noun.i in {a.i for a in syntax.ancestors_with_self(head)}
                return (0 if own else 1), tuple(sorted(pair))
        return None

    def _subjects(
        self,
        head: Token,
        sentence: Span,
        token_mentions: dict[int, Mention],
        context: tuple[str, ...],
        claimers: Sequence[Token] = (),
        topic: tuple[str, ...] = (),
        sidelined: frozenset[int] = frozenset(),
    ) -> tuple[int, list[tuple[str, ...]]]:
        """The subjects a cue judges, and how directly the text ties them to it: 0 named
        with the cue ("ties between X and Y", "Sino-Russian trust"), 1 found in its clause,
        2 taken from the sentence or the discourse."""
        lexicon = self.lexicon
        named = {i: m for i, m in token_mentions.items() if i not in sidelined}
        whole = parties.countries(named, (t.i for t in sentence))
        between = parties.between_targets(head, named)
        if len(between) >= 2:
            return 0, [tuple(sorted(between))] if len(between) <= 3 else []
        if head.pos_ in ("NOUN", "PROPN"):
            local = parties.subtree_countries(head, named)
            aimed = (
                parties.prep_targets(head, named, parties.DIRECTED_PREPS)
                if head.pos_ == "NOUN"
                else set()
            )
            if len(local) == 2 and not (len(aimed) == 2 and aimed == local):
                return 0, [tuple(sorted(local))]
        framed = parties.as_frame(head, named)
        if framed:
            return 0, [framed]
        claimed = parties.claimed_tokens(head, claimers)
        related = self._relation_pair(head, named, claimed)
        if related:
            return related[0], [related[1]]
        found: set[str] = set()
        for root in syntax.clause_chain(head):
            own = (t.i for t in syntax.own_clause_tokens(root) if t.i not in claimed)
            found |= parties.countries(named, own)
            if len(found) >= 2:
                break
        aimed = parties.prep_targets(head, named, parties.DIRECTED_PREPS)
        if len(found) == 2 and aimed == found and whole - found:
            # "mired in an uneasy relationship with X and Y": each with the source
            return 1, parties.pairs(whole - found, found)
        triadic = any(lexicon.has("triad", t) for t in sentence)
        if triadic and (len(found) >= 3 or (len(found) < 2 and len(whole) >= 3)):
            return 1, [tuple(sorted(found if len(found) >= 3 else whole))]
        if len(found) < 2 and len(whole) > len(found) and len(whole) == 2:
            found = set(whole)
        if len(found) == 2:
            return 1, [tuple(sorted(found))]
        if len(found) >= 3:
            targets = parties.prep_targets(head, named)
            sources = found - targets
            if targets and sources:
                return 1, parties.pairs(sources, targets)
            if len(topic) == 2 and set(topic) <= found:
                return 1, [topic]
            # three or more parties and no triangle: no pair can be told apart
            return 1, [tuple(sorted(found))] if len(found) == 3 and triadic else []
        anaphoric = any(True for _ in self._anaphors.find(sentence))
        if len(found) == 1:
            (country,) = found
            if anaphoric and context:
                if country in context:
                    return 2, [context] if len(context) == 2 else [(country,)]
                return 2, parties.pairs(set(context), {country})
            if country in topic:
                # "On the U.S. side, frustration grew": one party of the pair in discussion
                return 2, [topic]
            if country in self._own_countries(head, named):
                return 1, [(country,)]  # "Russia's standing has weakened"
            return 2, []
        if anaphoric and len(context) == 2:
            return 2, [context]
        if topic and parties.has_other_subject(head, named, lexicon, self._terms):
            return 2, []  # "Eurasia faces security risks": the clause names what it judges
        if topic and (
            head.pos_ in ("NOUN", "PROPN")
            or anaphoric
            or self._governs_relation(head, token_mentions)
        ):
            # "Tensions had been building for years.": the pair the article is about; a
            # verb or adjective only in a sentence that points at a relationship ("they
            # were shaken", "we hope the two can mend the relationship"), not "medicine
            # should not be more threatening than the disease"
            return 2, [topic]
        return 2, []

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
        voices: _Voices,
        rank: int = 0,
    ) -> _Judgement:
        lexicon = self.lexicon
        hedged = syntax.is_hedged(item.head, lexicon)
        if hedged:
            intensity *= 0.6
        holder, holder_code = self._holder(item.head, sentence, token_mentions, voices)
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
            rank=rank,
        )

    def _holder(
        self,
        head: Token,
        sentence: Span,
        token_mentions: dict[int, Mention],
        voices: _Voices,
    ) -> tuple[str, str]:
        """(holder, holder code): the named person or body a view is attributed to; a
        pronoun is resolved to the last named speaker; inside a quotation opened in an
        earlier sentence, the quoted speaker."""
        holder_head = syntax.holder_of(head, sentence, self.lexicon)
        if holder_head is None:
            return voices.quoted or ("author", "")
        if holder_head.dep_ == "nsubjpass":
            # "it was noted that ...": the holder is unnamed; "could be described as" is
            # the author's own wording
            verb = holder_head.head
            modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)
            return ("author", "") if modal else ("unattributed", "")
        lowered = holder_head.lower_
        if lowered in syntax.FIRST_PERSON:
            return "author", ""
        if lowered in syntax.RELATIVE_PRONOUNS and holder_head.head.dep_ == "relcl":
            holder_head = holder_head.head.head  # "a report that warned ..." -> the report
            lowered = holder_head.lower_
        if lowered in syntax.PERSONAL_PRONOUNS:
            return voices.last or voices.person or ("unattributed", "")
        if lowered in syntax.PRONOUN_HOLDERS:
            return "unattributed", ""
        return self._named(holder_head, token_mentions)

    def _named(self, holder_head: Token, token_mentions: dict[int, Mention]) -> tuple[str, str]:
        text = syntax.holder_text(holder_head) or holder_head.text
        mention = token_mentions.get(holder_head.i) or next(
            (token_mentions[t.i] for t in holder_head.subtree if t.i in token_mentions), None
        )
        return text, (mention.codes[0] if mention is not None and mention.codes else "")

    def _next_voices(
        self, voices: _Voices, sentence: Span, token_mentions: dict[int, Mention]
    ) -> _Voices:
        """The last named speaker after this sentence, and whether a quotation of theirs
        stays open into the next sentence."""
        last, person = voices.last, voices.person
        for token in sentence:
            mention = token_mentions.get(token.i)
            if mention is not None and mention.kind == "person" and mention.codes:
                person = (mention.text, mention.codes[0])
            if not (syntax.is_verbal(token) and self.lexicon.has("reporting", token)):
                continue
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is None or subject.lower_ in syntax.ALL_PRONOUNS:
                continue
            last = self._named(subject, token_mentions)
        text = span_text(sentence)
        opened = text.count("“") > text.count("”") or text.count('"') % 2 == 1
        if voices.quoted and not opened:
            closes = text.count("”") > text.count("“") or text.count('"') % 2 == 1
            return _Voices(last, None if closes else voices.quoted, person)
        return _Voices(last, last if opened and last is not None else None, person)

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
            reach = 4 if modifier.entry.kind == "shifter" and syntax.is_verbal(modifier.head) else 3
            distance = syntax.governs(modifier.head, cue.head, reach)
            if distance is not None and not parties.in_issue_of(modifier.head, cue.head):
                # a change verb changes its object, not its subject: "the crisis put an
                # end to cooperation" ends the cooperation
                cause = syntax.is_verbal(modifier.head) and cue.head.dep_ in ("nsubj", "csubj")
                cause = cause and cue.head.head.i == modifier.head.i
                candidates.append((int(cause), distance, abs(modifier.head.i - cue.head.i), n))
        if not candidates:
            continue
        *_, best = min(candidates)
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
        if modifier.head.head.i == item.head.i and modifier.head.dep_ in ("amod", "compound"):
            negators |= modifier.negators  # "no real breakthrough": the phrase's negation
        else:
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
        # conceded, the asserted ones decide the sign, however closely the conceded ones
        # name the pair ("efforts to ease tensions despite their disputes").
        asserted = [j for j in group if j.weight >= 1.0]
        scale = 1.0
        if asserted and len(asserted) < len(group):
            net = sum(j.intensity * j.value for j in asserted)
            if abs(net) > 0.0:
                group, scale = asserted, 0.8
        # a cue that names the pair outweighs one that only reaches it through the
        # sentence: "the 'no limits' relationship of X and Y" amid "the conflict"
        closest = min(j.rank for j in group)
        group = [j for j in group if j.rank == closest]
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
