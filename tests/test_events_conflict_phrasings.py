"""Conflict said the other ways news says it: people ordered to leave or kicked out
(expulsion), missions, contracts and contacts cancelled (reduced relations), measures taken
or promised against a state (coercion, or its threat), regret and concern voiced over a
state's act (disapproval), a state told to act (a demand), a threat aimed at the state whose
act it answers or who is told what it will suffer, flights within some miles of a state and
aircraft entering its zone, trade suspended and supplies cut off, aircraft shot down,
critics who "hit out at" a state, an accusation that stands beside the accused's denial
("a charge Y denies"), envoys pulled and diplomats ordered out, talks walked out of,
membership frozen, visas suspended or accreditation revoked, vessels barred and airspace
closed, official communication cut off, "countermeasures" against a state, sentences passed
on its citizens, revenge vowed, a state's draft voted against, its deadline ignored and its
accession blocked, its envoy reprimanded, its waters patrolled, its attack repelled and its
citizens prosecuted; and a reaction to "the move" told in the sentence before (its doer, or
whom a reaction there was about). Sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import NORDIC, coded_set
from tripolar.events import EventCoder

ACTORS = {
    **NORDIC,
    "Chilean diplomats": "CHLGOV",
    "Chilean envoy": "CHLGOV",
    "Peruvians": "PER",
    "Peruvian": "PER",
    "Chilean firm": "CHLBUS",
    "Norwegian soldiers": "NORMIL",
    "Norwegian aircraft": "NORMIL",
    "Chilean forces": "CHLMIL",
    "Chilean airlines": "CHLBUS",
    "Chilean journalists": "CHLMED",
    "Chilean citizen": "CHLCVL",
    "Andean Pact": "IGOAND",
}

CASES = [
    pytest.param(
        "Norway ordered 12 Chilean diplomats to leave the country within a week.",
        {("NOR", "CHLGOV", "161")},
        id="diplomats-ordered-to-leave",
    ),
    pytest.param(
        "Oslo ordered 40 Peruvians to leave its territory on Monday.",
        {("NORGOV", "PER", "174")},
        id="nationals-ordered-to-leave",
    ),
    pytest.param(
        "Oslo ordered 15 Peruvians who officials suspect are spies to depart.",
        {("NORGOV", "PER", "174")},
        id="nationals-described-then-ordered-to-leave",
    ),
    pytest.param(
        "Norway told the Chilean envoy to leave.",
        {("NOR", "CHLGOV", "161")},
        id="envoy-told-to-leave",
    ),
    pytest.param(
        "Norway ordered Norwegian soldiers to leave Chile.",
        {("NOR", "NORMIL", "100")},
        id="own-forces-ordered-out-is-no-expulsion",
    ),
    pytest.param(
        "Norway kicked out three Chilean diplomats.",
        {("NOR", "CHLGOV", "161")},
        id="kicked-out-diplomats",
    ),
    pytest.param(
        "Oslo said it was kicking out two Peruvian journalists.",
        {("NORGOV", "PER", "174")},
        id="kicking-out",
    ),
    pytest.param(
        "Norway cancelled a trade mission to Chile after the arrests.",
        {("NOR", "CHL", "160")},
        id="cancelled-mission-to",
    ),
    pytest.param(
        "Oslo canceled its contract with a Chilean firm.",
        {("NORGOV", "CHLBUS", "160")},
        id="cancelled-contract-with",
    ),
    pytest.param(
        "Norway cancelled all high-level contacts with Peru on Tuesday.",
        {("NOR", "PER", "161")},
        id="cancelled-contacts",
    ),
    pytest.param(
        "Norway cancelled the summit with Chile.",
        {("NOR", "CHL", "164")},
        id="cancelled-summit",
    ),
    pytest.param("Norway cancelled the concert.", set(), id="cancelled-something-of-no-state"),
    pytest.param(
        "Norway took countermeasures against Chile on Friday.",
        {("NOR", "CHL", "170")},
        id="measures-taken-against",
    ),
    pytest.param(
        "Oslo said it would take necessary measures against Peru.",
        {("NORGOV", "PER", "130")},
        id="measures-promised-against-are-a-threat",
    ),
    pytest.param(
        "Norway took measures to protect its fishermen.",
        set(),
        id="measures-against-no-one",
    ),
    pytest.param(
        "Norway expressed regret over Chile's decision to leave the fishing pact.",
        {("NOR", "CHL", "110")},
        id="regret-over-a-states-decision",
    ),
    pytest.param(
        "Oslo voiced disappointment at the Peruvian ruling.",
        {("NORGOV", "PER", "110")},
        id="disappointment-at",
    ),
    pytest.param(
        "Norway expressed concern about Chile's plans to build a naval base.",
        {("NOR", "CHL", "111")},
        id="concern-about-a-states-plans",
    ),
    pytest.param(
        "Norway told Chile to withdraw its troops from the border.",
        {("NOR", "CHL", "1056")},
        id="told-to-act-is-a-demand",
    ),
    pytest.param(
        "Norway told Chile that the talks would resume.",
        set(),
        id="told-that-is-speech",
    ),
    pytest.param(
        "Norway threatened sanctions when Chile approved the sale of jets.",
        {("NOR", "CHL", "1312")},
        id="threat-aimed-at-the-act-it-answers",
    ),
    pytest.param(
        "Norway threatened sanctions after Chile detained two fishermen.",
        {("NOR", "CHL", "1312")},
        id="threat-after-an-act",
    ),
    pytest.param(
        "Norwegian jets flew within 20 miles of Chile's airspace.",
        {("NORMIL", "CHL", "150")},
        id="flew-within-miles-of",
    ),
    pytest.param(
        "Norwegian aircraft entered Chile's air defence zone on Sunday.",
        {("NORMIL", "CHL", "150")},
        id="entered-a-states-zone",
    ),
    pytest.param(
        "Oslo warned that Chile would pay a heavy price.",
        {("NORGOV", "CHL", "130")},
        id="warned-a-state-would-pay",
    ),
    pytest.param(
        "Norway warned that Peru would face serious consequences.",
        {("NOR", "PER", "130")},
        id="warned-a-state-would-face-consequences",
    ),
    pytest.param("Norway warned that prices would rise.", set(), id="warned-of-no-state"),
    pytest.param(
        "Norway accused Chile of spying, a charge Chile denies.",
        {("NOR", "CHL", "112"), ("CHL", "NOR", "016")},  # the denial answers the accuser
        id="accusation-beside-a-denied-charge",
    ),
    pytest.param(
        "Norway denied that Norwegian soldiers attacked the Chilean convoy.",
        set(),
        id="a-denied-act-is-not-coded",
    ),
    pytest.param(
        "Norway suspended arms exports to Chile.",
        {("NOR", "CHL", "163")},
        id="exports-suspended-to",
    ),
    pytest.param(
        "Oslo halted imports of Peruvian fruit.",
        {("NORGOV", "PER", "163")},
        id="imports-halted-of",
    ),
    pytest.param(
        "Norway cut off gas to Chile on Monday.",
        {("NOR", "CHL", "162")},
        id="gas-cut-off-to",
    ),
    pytest.param(
        "Chilean forces shot down a Norwegian drone.",
        {("CHLMIL", "NOR", "190")},
        id="drone-shot-down",
    ),
    pytest.param(
        "Norway said it had shot down four unmanned aerial vehicles launched by Chile.",
        {("NOR", "CHL", "190")},
        id="unmanned-vehicles-shot-down",
    ),
    pytest.param(
        "Norway banned Chilean apps and airlines on Monday.",
        {("NOR", "CHL", "163")},
        id="apps-banned",
    ),
    pytest.param(
        "Norway and Chile exchanged fire across the border on Sunday.",
        {("NOR", "CHL", "190"), ("CHL", "NOR", "190")},
        id="exchanged-fire",
    ),
    pytest.param(
        "Norway opposed the Chilean draft resolution on Monday.",
        {("NOR", "CHL", "120")},  # a draft opposed is rejected, as one voted against
        id="draft-opposed",
    ),
    pytest.param(
        "Norway opposed the deployment of Chilean troops.",
        {("NOR", "CHL", "110")},  # an act opposed is disapproved of
        id="deployment-opposed",
    ),
    pytest.param(
        "Norway launched a counteroffensive against Chile in the south.",
        {("NOR", "CHL", "190")},
        id="counteroffensive-against",
    ),
    pytest.param(
        "Norway unleashed a barrage of missiles on Chilean towns.",
        {("NOR", "CHL", "194")},
        id="barrage-unleashed-on",
    ),
    pytest.param(
        "Chile's sinking of the Norwegian warship stunned Oslo.",
        {("CHL", "NORMIL", "190")},
        id="sinking-of-a-ship",
    ),
    pytest.param(
        "Norway skirmished with Chile near the border.",
        {("NOR", "CHL", "190"), ("CHL", "NOR", "190")},
        id="skirmished-with",
    ),
    pytest.param(
        "Norway shot down the Chilean proposal.",
        set(),
        id="a-proposal-shot-down-is-no-attack",
    ),
    pytest.param(
        "Oslo hit out at Chile over the fishing quotas.",
        {("NORGOV", "CHL", "111")},
        id="hit-out-at",
    ),
    pytest.param(
        "Norway lashed out at Peru for the arrests.",
        {("NOR", "PER", "111")},
        id="lashed-out-at",
    ),
    pytest.param(
        "Norway pulled its ambassador from Chile on Friday.",
        {("NOR", "CHL", "161")},
        id="ambassador-pulled-from",
    ),
    pytest.param(
        "Oslo ordered Chilean diplomats out of the country.",
        {("NORGOV", "CHLGOV", "161")},
        id="diplomats-ordered-out",
    ),
    pytest.param(
        "Norway walked out of talks with Peru.",
        {("NOR", "PER", "164")},
        id="walked-out-of-talks",
    ),
    pytest.param(
        "Peru froze its membership in the Andean Pact.",
        {("PER", "IGOAND", "160")},
        id="membership-frozen",
    ),
    pytest.param(
        "Oslo revoked the accreditation of two Chilean journalists.",
        {("NORGOV", "CHLMED", "160")},
        id="accreditation-revoked",
    ),
    pytest.param(
        "Norway barred Chilean vessels from its ports.",
        {("NOR", "CHL", "163")},
        id="vessels-barred",
    ),
    pytest.param(
        "Peru closed its airspace to Chilean airlines.",
        {("PER", "CHLBUS", "163")},
        id="airspace-closed-to",
    ),
    pytest.param(
        "Oslo announced countermeasures against Chile.",
        {("NORGOV", "CHL", "163")},
        id="countermeasures-against",
    ),
    pytest.param(
        "Peru sentenced a Chilean citizen to six years in prison.",
        {("PER", "CHLCVL", "173")},
        id="citizen-sentenced",
    ),
    pytest.param(
        "Norway vowed revenge against Chile.",
        {("NOR", "CHL", "130")},
        id="revenge-vowed",
    ),
    pytest.param(
        "The Peruvian vote led Chile to cut off all formal contact with Oslo.",
        {("CHL", "NORGOV", "161")},
        id="communication-cut-off",
    ),
    pytest.param(
        "Peru voted against the resolution drafted by Chile.",
        {("PER", "CHL", "120")},
        id="voted-against-a-states-draft",
    ),
    pytest.param(
        "Norway voted against the resolution on fishing.",
        set(),
        id="voted-against-a-draft-of-no-state",
    ),
    pytest.param(
        "Chile ignored Norway's deadline.",
        {("CHL", "NOR", "128")},
        id="ignored-a-states-deadline",
    ),
    pytest.param(
        "Norway blocked Chile's accession to the fishing pact.",
        {("NOR", "CHL", "129")},
        id="blocked-accession",
    ),
    pytest.param(
        "Oslo reprimanded the Chilean envoy.",
        {("NORGOV", "CHLGOV", "111")},
        id="envoy-reprimanded",
    ),
    pytest.param(
        "Norway faulted Chile for the collision.",
        {("NOR", "CHL", "112")},
        id="faulted-for",
    ),
    pytest.param(
        "Norwegian warship patrolled Chile's territorial waters.",
        {("NORMIL", "CHL", "150")},
        id="patrolled-a-states-waters",
    ),
    pytest.param(
        "Chilean forces repelled a Norwegian attack on the port.",
        {("CHLMIL", "NOR", "190")},
        id="attack-repelled",
    ),
    pytest.param(
        "Peru prosecuted two Chilean journalists.",
        {("PER", "CHLMED", "173")},
        id="prosecuted",
    ),
    pytest.param(
        "Chile deployed troops to the border with Peru on Monday. Norway has criticized the move.",
        {("CHL", "PER", "154"), ("NOR", "CHL", "111")},
        id="the-move-of-the-sentence-before",
    ),
    pytest.param(
        "Norway condemned the Chilean drilling near the islands. Peru has also criticized "
        "the move.",
        {("NOR", "CHL", "111"), ("PER", "CHL", "111")},
        id="the-move-a-reaction-before-was-about",
    ),
    pytest.param(
        "Chile deployed troops to the border with Peru on Monday. The talks stalled. The "
        "weather was cold. The rain went on. Norway has criticized the move.",
        {("CHL", "PER", "154")},
        id="the-move-told-too-long-before",
    ),
    pytest.param(
        "Chile deployed troops to the border with Peru on Monday. Chile regretted the move.",
        {("CHL", "PER", "154")},
        id="the-move-of-ones-own-state",
    ),
    pytest.param(
        "Chile deployed troops to the border with Peru on Monday. Norway expressed regret "
        "over the decision.",
        {("CHL", "PER", "154"), ("NOR", "CHL", "110")},
        id="regret-over-the-decision-before",
    ),
    pytest.param(
        "Chile deployed troops to the border with Peru on Monday. Norway objected to the move.",
        {("CHL", "PER", "154"), ("NOR", "CHL", "111")},
        id="objected-to-the-move-before",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events_conflict_phrasings_code(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded_set(nlp, coder, text, ACTORS) == expected
