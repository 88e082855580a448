"""Intents to cooperate said other ways: trying or working to salvage, preserve or uphold an
agreement with X (030), refusing to scrap a pact or cut ties (an intent to keep them, 030),
a headline "X, Y to <act>" (what they will do), and sending an envoy to Y or to work with Y
(036, the errand itself not yet done); trade expanded or boosted with X (061), hoped for or
the aim of efforts (0311); "expressed readiness/willingness to <act>" is the speaker's
intent. Sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import NORDIC, coded_set, coded_with_resolver
from tripolar.actors import ActorResolver
from tripolar.events import EventCoder

ACTORS = {
    **NORDIC,
    "Sweden": "SWE",
    "Denmark": "DNK",
    "Lima": "PERGOV",
    "Oslo": "NORGOV",
    "Peru's president": "PERGOV",
}

CASES = [
    pytest.param(
        "The leaders of Norway, Sweden and Denmark said they would try to rescue the treaty "
        "with Chile.",
        {("NOR", "CHL", "030"), ("SWE", "CHL", "030"), ("DNK", "CHL", "030")},
        id="try-to-rescue-the-treaty-with",
    ),
    pytest.param(
        "Norway said it would work to preserve the fishing agreement with Chile.",
        {("NOR", "CHL", "030")},
        id="work-to-preserve-the-agreement-with",
    ),
    pytest.param(
        "Peru will not scrap its defense pact with Chile, the minister said.",
        {("PER", "CHL", "030")},
        id="will-not-scrap-the-pact",
    ),
    pytest.param(
        "Peru's president announced he was sending his trade minister to work with Chile "
        "and Norway.",
        {("PERGOV", "CHL", "036"), ("PERGOV", "NOR", "036")},
        id="sending-a-minister-to-work-with",
    ),
    pytest.param(
        "Norway dispatched an envoy to Lima to negotiate a truce.",
        {("NOR", "PERGOV", "036")},
        id="dispatched-an-envoy-to",
    ),
    pytest.param(
        "Oslo hopes to expand trade with Lima.",
        {("NORGOV", "PERGOV", "0311")},
        id="hopes-to-expand-trade-with",
    ),
    pytest.param(
        "Peru has boosted trade with Chile since 2019.",
        {("PER", "CHL", "061")},
        id="boosted-trade-with",
    ),
    pytest.param(
        "Norway expressed readiness to cooperate with Chile on fisheries.",
        {("NOR", "CHL", "031")},
        id="expressed-readiness-to",
    ),
    pytest.param(
        "Chile, Peru to embark on joint naval drills Friday",
        {("CHL", "PER", "0312"), ("PER", "CHL", "0312")},
        id="headline-x-y-to-embark-on-joint-exercise",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_intent_to_cooperate(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded_set(nlp, coder, text, ACTORS) >= expected


def test_scrapping_a_pact_is_still_a_cut(nlp: Language, coder: EventCoder) -> None:
    coded = coded_set(nlp, coder, "Peru scrapped its defense pact with Chile.", ACTORS)
    assert ("PER", "CHL", "160") in coded
    assert not {c for c in coded if c[2].startswith("03")}


def test_the_envoys_errand_is_not_done(nlp: Language, coder: EventCoder) -> None:
    text = "Peru's president announced he was sending his trade minister to work with Chile."
    coded = coded_set(nlp, coder, text, ACTORS)
    assert ("PERGOV", "CHL", "036") in coded
    assert not {c for c in coded if c[2].startswith("06")}


def test_efforts_to_expand_trade_are_an_intent(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    text = "The ministers welcomed efforts to revive and expand bilateral Norway-Chile trade."
    coded = coded_with_resolver(nlp, resolver, coder, text)
    assert {("NOR", "CHL", "0311"), ("CHL", "NOR", "0311")} <= coded
    assert not {c for c in coded if c[2] == "061"}


def test_a_decision_to_act_reports_the_act(nlp: Language, coder: EventCoder) -> None:
    coded = coded_set(nlp, coder, "Oslo made the decision to expel Chilean diplomats.", ACTORS)
    assert ("NORGOV", "CHL", "161") in coded
    assert not {c for c in coded if c[2].startswith("13")}


def test_a_decision_condemned_is_not_the_condemners(nlp: Language, coder: EventCoder) -> None:
    coded = coded_set(
        nlp, coder, "Peru condemned Oslo's decision to expel Chilean diplomats.", ACTORS
    )
    assert not {c for c in coded if c[0] == "PER" and c[2] != "111"}
