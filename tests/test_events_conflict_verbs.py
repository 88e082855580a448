"""Conflict said the ways news says it: sanctions on entities "including" firms of a state,
objections, representations lodged, vetoes (the Council and each sponsor), closures ordered,
bans and export controls on goods "from" states, warnings, ramming; on sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import coded_with_table
from tripolar.actors import ActorResolver
from tripolar.events import EventCoder

ACTORS = {
    "Norway": "NOR",
    "Chile": "CHL",
    "Peru": "PER",
    "Oslo": "NORGOV",
    "Chilean banks": "CHLBUS",
    "Chilean firms": "CHLBUS",
    "Peruvian bank": "PERBUS",
    "Chilean": "CHL",
    "Peruvian": "PER",
    "Chilean coast guard ships": "CHLMIL",
    "Security Council": "IGOUNOSEC",
    "Chilean police": "CHLCOP",
    "Norwegian": "NOR",
}


def code(nlp: Language, coder: EventCoder, text: str) -> list[tuple[str, str, str]]:
    return coded_with_table(nlp, coder, text, ACTORS)


CASES = [
    pytest.param(
        "Norway imposed sanctions on 14 entities, including two Chilean firms and a Peruvian bank.",
        {("NOR", "CHLBUS", "163"), ("NOR", "PERBUS", "163")},
        id="sanctions-on-entities-including",
    ),
    pytest.param(
        "Oslo slapped sanctions on several companies, including Chilean banks, on Monday.",
        {("NORGOV", "CHLBUS", "163")},
        id="slapped-including",
    ),
    pytest.param(
        "Norway objected within hours to the Chilean announcement.",
        {("NOR", "CHL", "111")},
        id="objected-to",
    ),
    pytest.param(
        "Norway lodged solemn representations with Chile over the detention.",
        {("NOR", "CHL", "114")},
        id="lodged-representations",
    ),
    pytest.param(
        "Norway made representations to Peru about the arrests.",
        {("NOR", "PER", "114")},
        id="made-representations",
    ),
    pytest.param(
        "Norway ordered the closure of the Chilean consulate in Bergen.",
        {("NOR", "CHL", "161")},
        id="ordered-closure",
    ),
    pytest.param(
        "Norway's ban on fish and fruit from Chile and Peru took effect on Friday.",
        {("NOR", "CHL", "163"), ("NOR", "PER", "163")},
        id="ban-on-goods-from-states",
    ),
    pytest.param(
        "Norway announced export controls on Chilean firms.",
        {("NOR", "CHLBUS", "163")},
        id="export-controls",
    ),
    pytest.param(
        "Norway announced sanctions for Chilean firms over the mining dispute.",
        {("NOR", "CHLBUS", "163")},
        id="sanctions-for",
    ),
    pytest.param(
        "Oslo threatened sanctions against two Chilean firms over the sale.",
        {("NORGOV", "CHLBUS", "1312")},
        id="threatened-sanctions-against-firms",
    ),
    pytest.param(
        "Norway has threatened sanctions on Peru.",
        {("NOR", "PER", "1312")},
        id="threatened-sanctions-on",
    ),
    pytest.param(
        "Oslo imposed a ban on fish from Chile and Peru.",
        {("NORGOV", "CHL", "163"), ("NORGOV", "PER", "163")},
        id="ban-imposed-from-states",
    ),
    pytest.param(
        '"Norway regrets Chile\'s decision," the foreign ministry said.',
        {("NOR", "CHL", "110")},
        id="regrets-a-states-decision",
    ),
    pytest.param(
        "Oslo deplored the Chilean strikes on the port.",
        {("NORGOV", "CHL", "111")},
        id="deplored",
    ),
    pytest.param(
        "Norway has vetoed a draft Security Council resolution deploring Chile's invasion of "
        "Peru and demanding the withdrawal of its troops.",
        {("NOR", "IGOUNOSEC", "129"), ("CHL", "PER", "190")},
        id="a-vetoed-draft-deplores-nothing",
    ),
    pytest.param(
        'The draft resolution said it "deplores" Chilean "aggression against Peru".',
        set(),
        id="what-a-draft-says-is-proposed",
    ),
    pytest.param(
        "Norway claimed Chile violated the fishing treaty.",
        {("NOR", "CHL", "112")},
        id="claimed-a-state-violated-a-treaty",
    ),
    pytest.param(
        "Oslo said it would leave the pact, claiming Peru breached the accord on quotas.",
        {("NORGOV", "PER", "112")},
        id="claiming-a-breach",
    ),
    pytest.param(
        "Chilean coast guard ships violated Peruvian waters on Monday.",
        {("CHLMIL", "PER", "150")},
        id="violated-waters",
    ),
    pytest.param(
        "Norway reserved the right to retaliate against Chile.",
        {("NOR", "CHL", "130")},
        id="reserved-the-right-to-retaliate",
    ),
    pytest.param(
        "Oslo said it reserved its right to take steps to retaliate against the Chilean ban.",
        {("NORGOV", "CHL", "130")},
        id="reserved-the-right-to-take-steps",
    ),
    pytest.param("Norway reserves the right to decide.", set(), id="reserved-a-right-only"),
    pytest.param(
        "Oslo condemned the sanctions that Chile imposed on Peru.",
        {("CHL", "PER", "163"), ("NORGOV", "CHL", "111")},
        id="sanctions-a-state-imposed-on",
    ),
    pytest.param(
        "Norway issued a stern warning to Peru.",
        {("NOR", "PER", "130")},
        id="warning-to",
    ),
    pytest.param(
        "Chilean coast guard ships rammed a Peruvian fishing boat.",
        {("CHLMIL", "PER", "190")},
        id="rammed",
    ),
    pytest.param(
        "Norway withdrew from the fishing accord with Chile on Tuesday.",
        {("NOR", "CHL", "160")},
        id="withdrew-from-accord-with",
    ),
    pytest.param(
        "Norway said it would pull out of the arms treaty with Chile.",
        {("NOR", "CHL", "1313")},
        id="pull-out-of-treaty-intent",
    ),
    pytest.param(
        "Oslo announced it was leaving the Chilean fishing deal.",
        {("NORGOV", "CHL", "160")},
        id="leaving-a-states-deal",
    ),
    pytest.param(
        "Norway blocked the renewal of the Chilean monitoring mission.",
        {("NOR", "CHL", "129")},
        id="blocked-renewal",
    ),
    pytest.param(
        "Norway announced the indictment of two Chilean officials.",
        {("NOR", "CHL", "173")},
        id="indictment-of",
    ),
    pytest.param(
        "Norway voted to adopt tougher sanctions against Chile.",
        {("NOR", "CHL", "163")},
        id="voted-to-adopt-sanctions",
    ),
    pytest.param(
        "Norway vetoed a draft resolution sponsored by Chile.",
        {("NOR", "CHL", "129"), ("NOR", "IGOUNOSEC", "129")},
        id="veto-sponsor-and-council",
    ),
    pytest.param(
        "The resolution was vetoed by Peru on Friday.",
        {("PER", "IGOUNOSEC", "129")},
        id="veto-passive-council",
    ),
    pytest.param(
        "Norway vetoed a Security Council resolution on Chile.",
        {("NOR", "IGOUNOSEC", "129")},
        id="veto-named-council-once",
    ),
    pytest.param(
        "Oslo imposed curbs on exports of rare metals to Chile.",
        {("NORGOV", "CHL", "163")},
        id="curbs-on-exports-to-a-state",
    ),
    pytest.param(
        "Norway imposed restrictions on exports of salmon to Peru.",
        {("NOR", "PER", "163")},
        id="restrictions-on-exports-to-hung-on-the-verb",
    ),
    pytest.param(
        "Norway placed new controls on sales of chips to Chile.",
        {("NOR", "CHL", "163")},
        id="controls-placed-on-sales-to-a-state",
    ),
    pytest.param(
        "Norway imposed restrictions on exports of salmon.",
        set(),  # no state at the other end of the flow
        id="restrictions-on-exports-to-no-state",
    ),
    pytest.param(
        "Oslo said its steps answered the harassment of Norwegian diplomats by Chilean police.",
        {("CHLCOP", "NOR", "170")},
        id="harassment-of-diplomats-by",
    ),
    pytest.param(
        "A Chilean military spokesman voiced resolute opposition to the Norwegian patrols.",
        {("CHL", "NOR", "110")},
        id="opposition-voiced-to",
    ),
    pytest.param(
        "The opposition to the Norwegian patrols grew in Chile.",
        set(),  # no one voiced it
        id="opposition-without-a-verb-that-makes-it",
    ),
    pytest.param(
        "Chilean fighter jets harassed a Norwegian drone over the sea.",
        {("CHL", "NOR", "170")},
        id="harassed",
    ),
    pytest.param(
        "Oslo ordered Norwegian troops into the border region.",
        set(),  # an order to one's own troops is no demand between states
        id="order-to-own-troops",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events_conflict_verbs_code(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert set(code(nlp, coder, text)) == expected


def test_events_conflict_verbs_veto_of_a_bill_has_no_council(
    nlp: Language, coder: EventCoder
) -> None:
    assert code(nlp, coder, "The Chilean president vetoed the bill.") == []


def test_events_conflict_verbs_ban_with_no_state_is_no_event(
    nlp: Language, coder: EventCoder
) -> None:
    assert code(nlp, coder, "Norway's ban on smoking in bars took effect on Friday.") == []


def test_events_targets_named_members_beat_a_bare_agent(
    nlp: Language, coder: EventCoder, resolver: ActorResolver
) -> None:
    """ "met top diplomats including X and Y" gives the two named states, never the
    speaker's own government guessed from context for "diplomats"."""
    text = "The Chinese foreign minister met top diplomats including Lavrov and Blinken in Jakarta."
    doc = nlp(text)
    events = coder.code_doc(doc, resolver.find_mentions(doc), doc_id="t", published=None)
    assert {(e.source[:3], e.target[:3], e.code) for e in events} == {
        ("CHN", "RUS", "040"),
        ("CHN", "USA", "040"),
    }


def test_events_asked_for_noun_is_not_done(nlp: Language, coder: EventCoder) -> None:
    """ "called in the envoy to urge the withdrawal of X": the withdrawal is asked for."""
    text = "The minister called in the Chilean envoy to urge the withdrawal of Peruvian troops."
    assert ("PER", "CHL", "087") not in code(nlp, coder, text)
    assert not any(c == "087" for _, _, c in code(nlp, coder, text))
