"""A synthetic, realistic-looking store for report previews, screenshots and tests.

Two years (2023-2024) of invented news sentences about China, Russia and the United States
(plus a few other countries) with a known story: China-Russia warm and warming, Russia-USA
hostile, China-USA tense with a thaw around a late-2023 summit that fades in 2024. Beside the
events, invented commentary carries assessments (judgements): warm with caveats on
China-Russia, cold on both US pairs, and sceptical of the China-USA thaw, so the commentary
triangle disagrees with the events one in those quarters. All sentences are written for
tripolar; none comes from a real article.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from dataclasses import dataclass, replace

from tripolar.model import Assessment, CodedDocument, Document, Event, Failure, Sentence
from tripolar.store import Store

NAMES = {
    "CHN": ("CHNGOV", "Beijing"),
    "RUS": ("RUSGOV", "Moscow"),
    "USA": ("USAGOV", "Washington"),
    "JPN": ("JPNGOV", "Tokyo"),
    "PRK": ("PRKGOV", "Pyongyang"),
    "UKR": ("UKRGOV", "Kyiv"),
    "IND": ("INDGOV", "New Delhi"),
}


@dataclass(frozen=True, slots=True)
class Template:
    text: str  # {S} source name, {T} target name; the trigger is the first [bracketed] word
    code: str
    goldstein: float
    quad: int


COOPERATIVE = (
    Template(
        "{S} [signed] a long-term agreement with {T} on gas deliveries through a new pipeline.",
        "057",
        8.0,
        1,
    ),
    Template(
        "{S} [agreed] with {T} to expand rail freight across the border crossing.", "057", 8.0, 1
    ),
    Template(
        "Officials from {S} [met] counterparts from {T} to discuss trade in yuan and roubles.",
        "040",
        1.0,
        1,
    ),
    Template(
        "{S} [hosted] a delegation from {T} for talks on satellite navigation and lunar research.",
        "043",
        2.8,
        1,
    ),
    Template(
        "{S} [praised] {T} for its support on the grain corridor and fertilizer exports.",
        "051",
        3.4,
        1,
    ),
    Template(
        "{S} will [invest] in joint energy projects with {T}, the ministry said.", "061", 6.4, 2
    ),
    Template(
        "Naval units of {S} [joined] {T} in a joint exercise in the Sea of Japan.", "062", 7.4, 2
    ),
    Template("The foreign minister of {S} [visited] {T} ahead of the summit.", "042", 1.9, 1),
    Template(
        "{S} [pledged] to deepen cooperation with {T} on aircraft and aerospace engines.",
        "036",
        4.0,
        1,
    ),
)

CONFLICTUAL = (
    Template("{S} [accused] {T} of stoking tension around Taiwan with arms sales.", "112", -2.0, 3),
    Template(
        "{S} [criticised] {T} over its military drills near the disputed islands.", "111", -2.0, 3
    ),
    Template(
        "{S} [imposed] sanctions on banks from {T} and added firms to the entity list.",
        "163",
        -8.0,
        4,
    ),
    Template(
        "{S} [raised] tariffs on electric vehicles and steel imported from {T}.", "172", -5.0, 4
    ),
    Template(
        "{S} [warned] {T} that missile deployments would be met with countermeasures.",
        "130",
        -4.4,
        3,
    ),
    Template("{S} [expelled] diplomats from {T} after the embassy dispute.", "161", -4.0, 4),
    Template("{S} [condemned] {T} for the nuclear test and new export controls.", "111", -2.0, 3),
)


@dataclass(frozen=True, slots=True)
class Judgement:
    text: str  # {A} and {B} country names; the leading cue is the [bracketed] phrase
    polarity: float
    intensity: float
    holder: str  # "author" or the words of whoever holds the view
    dimension: str = "overall"
    modality: str = "fact"
    hedged: bool = False


WARM = (
    Judgement(
        "One Moscow-based analyst argued that [mutual trust] between {A} and {B} has "
        "rarely been deeper.",
        0.8,
        0.9,
        "One Moscow-based analyst",
        "political",
    ),
    Judgement(
        "Ties between {A} and {B} look [solid], although the partnership remains lopsided.",
        0.5,
        0.55,
        "author",
        hedged=True,
    ),
    Judgement(
        "Energy traders expect the [partnership] between {A} and {B} to deepen further next year.",
        0.6,
        0.5,
        "Energy traders",
        "economic",
        "expectation",
    ),
    Judgement(
        "A retired general said the [friendship] of {A} and {B} now rests on shared "
        "threat perceptions.",
        0.7,
        0.8,
        "A retired general",
        "security",
    ),
)

COLD = (
    Judgement(
        "A former ambassador warned that the [rivalry] between {A} and {B} is hardening "
        "into a long contest.",
        -0.8,
        0.9,
        "A former ambassador",
        "security",
    ),
    Judgement(
        "[Mistrust] between {A} and {B} runs deep, one think-tank fellow said.",
        -0.7,
        0.8,
        "one think-tank fellow",
        "political",
    ),
    Judgement(
        "Relations between {A} and {B} remain [strained] and are unlikely to mend soon.",
        -0.6,
        0.7,
        "author",
        modality="expectation",
    ),
    Judgement(
        "Some columnists see a [fragile] truce between {A} and {B} that could break at any moment.",
        -0.3,
        0.4,
        "Some columnists",
        hedged=True,
    ),
)

TRIAD = Judgement(
    "The [triangle] of {A}, {B} and {C} is drifting toward two camps, a veteran negotiator wrote.",
    -0.4,
    0.6,
    "a veteran negotiator",
)


def _p_warm(dyad: tuple[str, str], day: dt.date) -> float:
    """The share of warm judgements in commentary: the commentary's story."""
    key = tuple(sorted(dyad))
    months = (day.year - 2023) * 12 + day.month - 1
    if key == ("CHN", "RUS"):
        return 0.8
    if key == ("CHN", "USA"):
        return 0.3 if 9 <= months <= 13 else 0.15  # commentary doubts the thaw
    return 0.08


def sample_commentary(seed: int = 5) -> list[CodedDocument]:
    """Invented commentary pieces, each with one to three judgements (no events)."""
    rng = random.Random(seed)
    docs: list[CodedDocument] = []
    for month in range(24):
        for dyad in (("CHN", "RUS"), ("CHN", "USA"), ("RUS", "USA")):
            for _ in range(rng.randint(1, 3)):
                day = dt.date(2023 + month // 12, month % 12 + 1, rng.randint(1, 28))
                picks: list[tuple[Judgement, tuple[str, ...]]] = [
                    (rng.choice(WARM if rng.random() < _p_warm(dyad, day) else COLD), dyad)
                    for _ in range(rng.randint(1, 3))
                ]
                if rng.random() < 0.08:
                    picks.append((TRIAD, ("CHN", "RUS", "USA")))
                docs.append(_commentary_document(picks, day, len(docs)))
    return docs


def _commentary_document(
    picks: list[tuple[Judgement, tuple[str, ...]]], day: dt.date, number: int
) -> CodedDocument:
    lead = f"Commentary {number}."
    text, sentences, spans = lead, [], []
    for judgement, actors in picks:
        names = [NAMES[a][1] for a in actors]
        marked = judgement.text.format(A=names[0], B=names[1], C=names[-1])
        cue = marked.index("[")
        cue_end = marked.index("]") - 1
        sentence = marked.replace("[", "").replace("]", "")
        start = len(text) + 1
        text += " " + sentence
        sentences.append(sentence)
        spans.append((start, start + cue, start + cue_end, judgement, actors))
    doc_id = hashlib.sha256(text.encode()).hexdigest()[:16]
    document = Document(
        doc_id=doc_id,
        text=text,
        title=f"Opinion: where {NAMES[picks[0][1][0]][1]} and {NAMES[picks[0][1][1]][1]} stand",
        url=f"https://opinion.example.org/{day.isoformat()}/{doc_id}",
        source=("Harbour Review", "Steppe Quarterly", "Capitol Notes")[number % 3],
        published=day,
        date_basis="metadata",
        format="html",
    )
    records, seen = [], set()
    for index, (start, cue_start, cue_end, judgement, actors) in enumerate(spans, start=1):
        subject = "-".join(sorted(actors))
        if (index, subject) in seen:
            continue
        seen.add((index, subject))
        sentence = sentences[index - 1]
        records.append(
            Assessment(
                doc_id=doc_id,
                sentence_index=index,
                start=start,
                end=start + len(sentence),
                sentence=sentence,
                subject=subject,
                scope="triad" if len(actors) == 3 else "dyad",
                polarity=judgement.polarity,
                intensity=judgement.intensity,
                dimension=judgement.dimension,
                time="present",
                modality=judgement.modality,
                holder=judgement.holder,
                published=day,
                cues=(text[cue_start:cue_end].lower(),),
                cue_start=cue_start,
                cue_end=cue_end,
                hedged=judgement.hedged,
                rule="sample",
            )
        )
    sentence_records = [Sentence(doc_id, 0, 0, len(lead), lead)] + [
        Sentence(doc_id, i, start, start + len(sentences[i - 1]), sentences[i - 1])
        for i, (start, *_rest) in enumerate(spans, start=1)
    ]
    return CodedDocument(document, tuple(sentence_records), (), assessments=tuple(records))


def _hostile_commentary(day: dt.date) -> CodedDocument:
    """A judgement whose sentence, holder and title try to inject markup and script."""
    sentence = (
        'Trust between Beijing and Moscow <img src=x onerror="alert(4)"> is '
        "<script>alert(5)</script> deep."
    )
    holder = '<svg onload="alert(6)">Analyst</svg>'
    doc_id = "hostile0000000002"
    document = Document(
        doc_id=doc_id,
        text=sentence,
        title='<script>alert("opinion")</script>Opinion',
        url="javascript:alert(7)",
        source="<i>Evil</i>",
        published=day,
        date_basis="metadata",
        format="html",
    )
    record = Assessment(
        doc_id=doc_id,
        sentence_index=0,
        start=0,
        end=len(sentence),
        sentence=sentence,
        subject="CHN-RUS",
        scope="dyad",
        polarity=0.7,
        intensity=0.8,
        dimension="political",
        time="present",
        modality="fact",
        holder=holder,
        published=day,
        cues=("trust", "<b>deep</b>"),
        cue_start=0,
        cue_end=5,
        rule="sample",
    )
    return CodedDocument(
        document, (Sentence(doc_id, 0, 0, len(sentence), sentence),), (), assessments=(record,)
    )


def _p_coop(dyad: tuple[str, str], day: dt.date) -> float:
    """The share of cooperative events for a dyad on a date: the story of the sample."""
    months = (day.year - 2023) * 12 + day.month - 1
    key = tuple(sorted(dyad))
    if key == ("CHN", "RUS"):
        return 0.72 + 0.008 * months
    if key == ("RUS", "USA"):
        return 0.12
    if key == ("CHN", "USA"):
        return 0.72 if 9 <= months <= 13 else (0.2 if months > 17 else 0.32)
    return 0.5


def _rate(dyad: tuple[str, str]) -> int:
    key = (min(dyad), max(dyad))
    return {("CHN", "RUS"): 14, ("CHN", "USA"): 16, ("RUS", "USA"): 12}.get(key, 2)


def sample_documents(seed: int = 3, *, hostile: bool = False) -> list[CodedDocument]:
    """Coded documents telling the sample's story (about 1,000 events)."""
    rng = random.Random(seed)
    dyads = [
        ("CHN", "RUS"),
        ("CHN", "USA"),
        ("RUS", "USA"),
        ("JPN", "CHN"),
        ("USA", "JPN"),
        ("PRK", "USA"),
        ("RUS", "UKR"),
        ("IND", "RUS"),
        ("USA", "UKR"),
        ("IND", "CHN"),
    ]
    docs: list[CodedDocument] = []
    for month in range(24):
        for dyad in dyads:
            for _ in range(_rate(dyad) + rng.randint(-2, 3)):
                day = dt.date(2023 + month // 12, month % 12 + 1, rng.randint(1, 28))
                pair = dyad if rng.random() < 0.5 else (dyad[1], dyad[0])
                pool = COOPERATIVE if rng.random() < _p_coop(dyad, day) else CONFLICTUAL
                docs.append(_document(rng.choice(pool), pair, day, len(docs)))
    docs += sample_commentary(seed + 2)
    if hostile:
        docs.append(_hostile(dt.date(2024, 6, 12)))
        docs.append(_hostile_commentary(dt.date(2024, 6, 14)))
    return docs


def _document(
    template: Template, pair: tuple[str, str], day: dt.date, number: int
) -> CodedDocument:
    source, source_name = NAMES[pair[0]]
    target, target_name = NAMES[pair[1]]
    marked = template.text.format(S=source_name, T=target_name)
    trigger_start = marked.index("[")
    trigger_end = marked.index("]") - 1
    sentence = marked.replace("[", "").replace("]", "")
    lead = f"Report {number}: "
    text = lead + sentence
    doc_id = hashlib.sha256(text.encode()).hexdigest()[:16]
    outlet = ("Harbour Times", "Steppe Daily", "Capitol Ledger", "Pacific Wire")[number % 4]
    title = f"{source_name} and {target_name}: {sentence.split(' ')[1]} {sentence.split(' ')[2]}"
    document = Document(
        doc_id=doc_id,
        text=text,
        title=title,
        url=f"https://news.example.org/{day.isoformat()}/{doc_id}",
        source=outlet,
        published=day,
        date_basis="metadata",
        format="html",
    )
    start = len(lead)
    event = Event(
        doc_id=doc_id,
        sentence_index=1,
        start=start,
        end=len(text),
        sentence=sentence,
        source=source,
        target=target,
        code=template.code,
        root=template.code[:2],
        goldstein=template.goldstein,
        quad_class=template.quad,
        event_date=day,
        date_basis="publication",
        rule="sample",
        trigger_start=start + trigger_start,
        trigger_end=start + trigger_end,
        source_text=source_name,
        target_text=target_name,
    )
    sentences = (
        Sentence(doc_id, 0, 0, start - 1, lead.strip()),
        Sentence(doc_id, 1, start, len(text), sentence),
    )
    return CodedDocument(document=document, sentences=sentences, events=(event,))


def _hostile(day: dt.date) -> CodedDocument:
    """A document whose title, URL and sentence try to inject markup and script."""
    sentence = (
        'Beijing [signed] a deal with Moscow <img src=x onerror="alert(1)">'
        "<script>alert(2)</script>."
    )
    trigger_start = sentence.index("[")
    clean = sentence.replace("[", "").replace("]", "")
    doc_id = "hostile0000000001"
    document = Document(
        doc_id=doc_id,
        text=clean,
        title='<script>alert("title")</script><b onmouseover=alert(3)>x',
        url="javascript:alert(document.cookie)",
        source="<i>Evil</i>",
        published=day,
        date_basis="metadata",
        format="html",
    )
    event = Event(
        doc_id=doc_id,
        sentence_index=0,
        start=0,
        end=len(clean),
        sentence=clean,
        source="CHNGOV",
        target="RUSGOV",
        code="057",
        root="05",
        goldstein=8.0,
        quad_class=1,
        event_date=day,
        date_basis="text",
        rule="sample",
        trigger_start=trigger_start,
        trigger_end=trigger_start + 6,
        source_text="Beijing",
        target_text="Moscow",
    )
    return CodedDocument(document, (Sentence(doc_id, 0, 0, len(clean), clean),), (event,))


def sample_store(path: str = ":memory:", *, seed: int = 3, hostile: bool = False) -> Store:
    """A Store filled with ``sample_documents`` plus a few failures and an undated event."""
    store = Store.open(path)
    docs = sample_documents(seed, hostile=hostile)
    undated = docs[0]
    extra = replace(undated.events[0], event_date=None, date_basis="none", rule="sample:undated")
    docs[0] = CodedDocument(undated.document, undated.sentences, (*undated.events, extra))
    store.add(docs)
    store.add_failure(Failure("feeds/world.xml", None, "not well-formed XML (line 3, column 1)"))
    store.add_failure(Failure("notes.jsonl", 41, "not valid JSON (Expecting ',' delimiter)"))
    store.add_failure(Failure("notes.jsonl", 97, "not valid JSON (Unterminated string)"))
    return store
