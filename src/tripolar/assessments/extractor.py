"""Assessments: judgements about relationships in commentary, kept apart from events.

For every sentence: find the evaluative terms (lexicon), pair each modifier ("erosion",
"rising", "poor") with the cue it governs, apply negation, weigh contrast ("although ...",
"... but ..."), then decide which dyad, triad or actor the judgement is about from the
actor mentions in the cue's clause (widening to the enclosing clauses, and to the previous
sentence of the paragraph when the sentence says "the two", "their", "the relationship").
One record per sentence and subject.

This module is the orchestrator (the sentence loop and what carries over between sentences);
the stages are `terms` (evaluative terms and their score), `subjects` (what a term judges),
`holders` (whose view it is) and `records` (judgements merged into `Assessment`s).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from tripolar.assessments import framing, parties, polarity
from tripolar.assessments.holders import Voices, holder_of_view, next_voices
from tripolar.assessments.lexicon import Lexicon, PhraseTable
from tripolar.assessments.records import POLARITY_FLOOR, Judgement, merge, sign, subject_key
from tripolar.assessments.subjects import governs_relation, possessive_antecedents, subjects_of
from tripolar.assessments.terms import Item, attach_modifiers, find_items, score, weigh_causes
from tripolar.model import Assessment, Mention
from tripolar.nlp.text import doc_text

__all__ = ["POLARITY_FLOOR", "AssessmentExtractor", "sign", "subject_key"]


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
        self._epithets = PhraseTable(
            [*parties.EPITHET_PHRASES, *(p.replace("'", "\u2019") for p in parties.EPITHET_PHRASES)]
        )

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

    def epithet_mentions(self, doc: Doc, published: dt.date | None) -> list[Mention]:
        """The pairs of states named by what they are ("inter-Korean", "the two Koreas",
        "the world's two largest economies"), as mentions; no parse is needed."""
        return parties.epithet_mentions(doc, self._epithets, published)

    def pair_named(self, doc: Doc, mentions: Sequence[Mention]) -> tuple[str, ...]:
        """The pair of states a short text such as a title names ('US-China ties sour'),
        or () when it names fewer or more than two."""
        indexed = parties.index_mentions(doc, mentions)
        named = parties.countries(indexed, range(len(doc)))
        if len(named) > 2:  # "The 2018 Helsinki Summit Brings Warmer Relations ..."
            named = parties.countries(
                indexed,
                (i for i in range(len(doc)) if not parties.names_a_venue(doc, i, indexed)),
            )
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
        epithets = self.epithet_mentions(doc, published)
        token_mentions = parties.index_mentions(
            doc, [*mentions, *self._region_mentions(doc), *epithets]
        )
        records: list[Assessment] = []
        context: tuple[str, ...] = ()
        topic: tuple[str, ...] = about  # the pair the article is about so far
        # pair -> (sentences, last one); the title counts as one sentence before the first
        seen: dict[tuple[str, ...], tuple[int, int]] = {about: (1, -1)} if about else {}
        voices = Voices()
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
            token_mentions.update(possessive_antecedents(sentence, token_mentions))
            judged: list[Assessment] = []
            # a pair discussed once, more than a sentence back, is not the article's pair
            count, last = seen.get(topic, (0, -1))
            fresh = topic if topic == about or count >= 2 or last >= earlier else ()
            if not framing.is_open_question(sentence):
                judgements = self._judge_sentence(
                    sentence, token_mentions, context, fresh, sidelined, voices
                )
                judged = merge(judgements, sentence, index, doc_id, published)
            records.extend(judged)
            present = parties.countries(
                token_mentions,
                (i for i in range(sentence.start, sentence.end) if i not in sidelined),
            )
            if 1 <= len(present) <= 2:
                context = tuple(sorted(present))
            elif len(present) > 2:  # "Russia and China oppose US sanctions on Iran"
                context = parties.subject_pair(sentence, token_mentions, sidelined)
            pair = parties.sentence_pair(judged, present, sentence, token_mentions)
            if pair is not None and present & set(pair):  # named here, not the topic's echo
                seen[pair] = (seen.get(pair, (0, 0))[0] + 1, index)
                # the pair the article is about: the most discussed so far, the latest on a tie
                topic = max(seen, key=lambda p: seen[p])
            voices = next_voices(voices, sentence, token_mentions, self.lexicon)
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
            if match.start > 0 and doc[match.start - 1].lower_ == "other":
                continue  # "the US and other Western countries": the state's own side
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
        voices: Voices | None = None,
    ) -> list[Judgement]:
        voices = voices or Voices()
        items = find_items(sentence, token_mentions, self.lexicon, self._terms)
        if not items:
            return []
        negator_matches = list(self._negators.find(sentence))
        heads = {item.head.i for item in items}
        for item in items:
            stop = heads - {item.head.i}
            item.negators = polarity.negators_of(
                item.head, item.match.start, sentence, self.lexicon, negator_matches, stop
            )
            item.negators -= set(range(item.match.start, item.match.end))
        attach_modifiers(items)
        weights = polarity.contrast_weights(sentence, self.lexicon, self._concessive)
        weigh_causes(items, weights)
        judgements: list[Judgement] = []
        for item in items:
            if item.attached:
                continue
            value, intensity, negators, terms = score(item)
            if value == 0.0 or intensity == 0.0:
                continue
            # a change word alone judges only a relationship or an actor: "relations
            # deteriorated", not "troops were reduced"
            alone = (item.entry.kind != "cue" and not item.modifiers) or (
                item.head.dep_ in ("acomp", "attr")
                and item.head.pos_ == "ADJ"
                and not any(c.dep_ == "prep" for c in item.head.children)
            )  # "a turning point may be close" judges no relationship
            if alone and not governs_relation(item.head, token_mentions, self.lexicon):
                continue
            if item.entry.kind != "cue" and not item.modifiers and abs(value) <= POLARITY_FLOOR:
                continue  # "China's economic rise" alone carries no direction to report
            claimers = [other.head for other in items if other is not item and not other.attached]
            rank, subjects = subjects_of(
                item.head,
                sentence,
                token_mentions,
                context,
                self.lexicon,
                self._terms,
                self._anaphors,
                claimers,
                topic,
                sidelined,
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

    def _judgement(
        self,
        item: Item,
        subject: tuple[str, ...],
        sentence: Span,
        token_mentions: dict[int, Mention],
        weight: float,
        value: float,
        intensity: float,
        negated: bool,
        terms: tuple[str, ...],
        voices: Voices,
        rank: int = 0,
    ) -> Judgement:
        lexicon = self.lexicon
        hedged = polarity.is_hedged(item.head, lexicon)
        if hedged:
            intensity *= 0.6
        holder, holder_code = holder_of_view(item.head, sentence, token_mentions, voices, lexicon)
        return Judgement(
            subject=subject,
            item=item,
            weight=weight,
            value=value,
            intensity=min(1.0, intensity),
            terms=terms,
            negated=negated,
            hedged=hedged,
            dimension=self._dimension(item),
            time=framing.time_of(item.head, lexicon, self._future, self._past),
            modality=framing.modality_of(item.head, sentence, lexicon, self._conditional),
            holder=holder,
            holder_code=holder_code,
            rank=rank,
        )

    def _dimension(self, item: Item) -> str:
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
