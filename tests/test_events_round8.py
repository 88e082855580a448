"""Round 8 rules, on sentences written here: who the actors are (documents, camps,
appositions, leaders of an organisation, forces moved "from" a place, armed groups, firms,
Cold War leaders), whose act a clause is and whether it happened (allegations, an attack's
outcome, passive conjuncts, background relative clauses, expectations, guesses,
possibilities, standing relations, causatives), new patterns, and event dates."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from events_support import coded_with_table, mention_codes, mentions_from_table
from tripolar.actors import ActorResolver
from tripolar.events import EventCoder

ACTORS = {
    "Peru": "PER",
    "Chile": "CHL",
    "Ecuador": "ECU",
    "Lima": "PERGOV",
    "Peruvian embassy": "PERGOV",
    "Peruvian navy": "PERMIL",
    "Peruvian police": "PERCOP",
    "Chilean soldiers": "CHLMIL",
    "Chilean refugees": "CHLREF",
    "Chilean demonstrators": "CHLCVL",
    "Ecuadorian forces": "ECUMIL",
    "Ecuadorian": "ECU",
    "Chilean": "CHL",
    "Peruvian": "PER",
}
PUBLISHED = dt.date(2019, 4, 10)  # a Wednesday


def code(nlp: Language, coder: EventCoder, text: str) -> list[tuple[str, str, str]]:
    return coded_with_table(nlp, coder, text, ACTORS)


def case(text: str, *events: tuple[str, str, str], id: str) -> object:
    return pytest.param(text, list(events), id=id)


CODED = [
    # a document speaks for its author, or for the capital it was released in
    case(
        "A study released in Lima alleged that Chilean soldiers had smuggled weapons.",
        ("PERGOV", "CHLMIL", "112"),
        id="document-released-in-a-capital",
    ),
    case(
        "The statement issued by the Peruvian embassy criticized Chile.",
        ("PERGOV", "CHL", "111"),
        id="document-issued-by",
    ),
    case("A study released on Monday criticized Chile.", id="document-of-no-known-author"),
    # "allege" accuses whatever follows; "claim" only of an act of conflict
    case(
        "Peru alleged that Chile was aware of the smuggling.",
        ("PER", "CHL", "112"),
        id="allege-accuses",
    ),
    case("Peru claimed that Chile was aware of the smuggling.", id="claim-needs-conflict"),
    case("Peru alleged that Peru was aware of the smuggling.", id="alleging-of-oneself"),
    # the "-ing" killing after a coded attack is that attack's outcome
    case(
        "Ecuadorian forces shelled Peru overnight, killing at least nine people.",
        ("ECUMIL", "PER", "194"),
        id="killing-is-the-attacks-outcome",
    ),
    case(
        "Ecuadorian forces killed nine Chilean soldiers.",
        ("ECUMIL", "CHLMIL", "190"),
        id="killing-on-its-own",
    ),
    # a camp stands for those it houses
    case(
        "Ecuadorian forces attacked a camp of Chilean refugees.",
        ("ECUMIL", "CHLREF", "190"),
        id="camp-of",
    ),
    case(
        "A camp for Chilean refugees was attacked by Ecuadorian forces.",
        ("ECUMIL", "CHLREF", "190"),
        id="camp-for",
    ),
    case(
        "Juan Quispe, the Peruvian navy commander, criticized Chile on Monday.",
        ("PERMIL", "CHL", "111"),
        id="apposition-names-the-state",
    ),
    # a passive conjunct shares its patient; an active one stays active
    case(
        "Two Chilean demonstrators were detained and later deported by Peru.",
        ("PER", "CHLCVL", "174"),
        id="passive-conjunct",
    ),
    case(
        "Peru detained and deported two Chilean demonstrators.",
        ("PER", "CHLCVL", "173"),
        ("PER", "CHLCVL", "174"),
        id="active-conjuncts",
    ),
    case("Chile advised against travel to Peru.", ("CHL", "PER", "160"), id="travel-advice"),
    case(
        "Ecuador warned its citizens against travel to Peru.",
        ("ECU", "PER", "160"),
        id="travel-warning",
    ),
    case(
        "Chile suspended aid deliveries in Peru on Friday.",
        ("CHL", "PER", "162"),
        id="aid-suspended-in-a-place",
    ),
    case(
        "Peruvian police forced out hundreds of Chilean demonstrators.",
        ("PERCOP", "CHLCVL", "174"),
        id="force-out",
    ),
    # a perfect relative clause on its subject is background; an object relative is an act
    case(
        "Ecuador criticized the Peruvian navy, which has seized Chilean boats for years.",
        ("ECU", "PERMIL", "111"),
        id="perfect-relative-is-background",
    ),
    case(
        "The build-up, which Chile has called on Peru to reverse, went on.",
        ("CHL", "PER", "020"),
        id="object-relative-is-an-act",
    ),
    case(
        "Ecuador criticized the Peruvian navy, which seized Chilean boats on Monday.",
        ("ECU", "PERMIL", "111"),
        ("PERMIL", "CHL", "171"),
        id="past-relative-is-an-act",
    ),
    # withdrawals: the mover is the "of" phrase
    case(
        "The withdrawal of Ecuadorian forces from Peru began on Monday.",
        ("ECUMIL", "PER", "087"),
        id="withdrawal-of-forces",
    ),
    case(
        "Chile expressed concern over Peru's naval exercises.",
        ("CHL", "PER", "012"),
        id="concern-over",
    ),
    case(
        "Ecuador voiced alarm at the Peruvian navy manoeuvres.",
        ("ECU", "PERMIL", "012"),
        id="alarm-at",
    ),
    case("Chile expressed concern over the weather.", id="concern-about-no-actor"),
    case(
        "Chile gave a warm welcome to the Peruvian navy commander.",
        ("CHL", "PERMIL", "043"),
        id="warm-welcome",
    ),
    # a response's "with" noun is the act; trade measures
    case("Chile retaliated with tariffs on Peru.", ("CHL", "PER", "163"), id="retaliated-with"),
    case(
        "Peru responded with sanctions against Chile.",
        ("PER", "CHL", "163"),
        id="responded-with",
    ),
    case("Chile imposed export controls on Peru.", ("CHL", "PER", "163"), id="export-controls"),
    case(
        "Chile added the Peruvian navy to its entity list.",
        ("CHL", "PERMIL", "163"),
        id="entity-list",
    ),
    case("Ecuador put Peru on a trade blacklist.", ("ECU", "PER", "163"), id="blacklist"),
    case("Chile deepened its ties with Peru.", ("CHL", "PER", "050"), id="ties-deepened"),
    case(
        "Chile blocked a bid by Peru to join the council.",
        ("CHL", "PER", "129"),
        id="blocked-bid",
    ),
    case("Chile approved a loan for Peru.", ("CHL", "PER", "071"), id="loan-approved"),
    case("Chile spoke with Peru by phone on Friday.", ("CHL", "PER", "041"), id="by-phone"),
    case("Chile talked to Peru over the phone.", ("CHL", "PER", "041"), id="over-the-phone"),
    case("Chile spoke with Peru in Lima.", ("CHL", "PER", "040"), id="spoke-in-person"),
    case(
        "The visit of the Peruvian navy commander to Chile ended.",
        ("PERMIL", "CHL", "042"),
        id="visit-of",
    ),
    case(
        "Chile bought Peruvian copper at a discount.",
        ("CHL", "PER", "061"),
        id="purchase-names-the-seller",
    ),
    case("Ecuador imported Chilean wine.", ("ECU", "CHL", "061"), id="import"),
    case(
        "Chile froze Peruvian central bank reserves.",
        ("CHL", "PER", "163"),
        id="frozen-reserves",
    ),
    case(
        "Peruvian and Chilean aircraft flew a joint patrol over the Pacific.",
        ("PER", "CHL", "062"),
        ("CHL", "PER", "062"),
        id="joint-patrol-flown",
    ),
    # expectations and guesses are no acts; a request is coded as the request
    case("Few expect Chile to withdraw its envoy from Peru.", id="few-expect"),
    case("Chile expects Peru to sever ties with Ecuador.", id="expects"),
    case(
        "Chile urged Peru to sever ties with Ecuador.",
        ("CHL", "PER", "020"),
        id="urged-is-the-request",
    ),
    case("Chile will probably impose sanctions on Peru.", id="probably"),
    case("Chile would likely impose sanctions on Peru.", id="would-likely"),
    # possibilities, and relations that no verb makes, are no acts
    case("The possibility of a Peruvian attack on Chile cannot be excluded.", id="possibility"),
    case("A potential Peruvian invasion of Chile worries Ecuador.", id="potential"),
    case("The alliance between Peru and Chile is old.", id="standing-alliance"),
    case(
        "Peru and Chile formed an alliance.",
        ("PER", "CHL", "050"),
        ("CHL", "PER", "050"),
        id="alliance-formed",
    ),
    case("Ecuador criticised the security pact between Peru and Chile.", id="standing-pact"),
    case(
        "Peru and Chile signed a security pact.",
        ("PER", "CHL", "057"),
        ("CHL", "PER", "057"),
        id="pact-signed",
    ),
    # the subject heads its "by/after ..." clause; "without" negates; causatives
    case("Chile responded by sanctioning Peru.", ("CHL", "PER", "163"), id="responded-by"),
    case("Chile left without signing a deal with Peru.", id="without"),
    case(
        "The crisis led Chile to expel Peru's ambassador.",
        ("CHL", "PER", "161"),
        id="led-to",
    ),
    case(
        "The attack prompted Chile to sever ties with Peru.",
        ("CHL", "PER", "161"),
        id="prompted-to",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CODED)
def test_round8_codes(
    nlp: Language, coder: EventCoder, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert code(nlp, coder, text) == expected


def test_a_demanded_withdrawal_is_not_coded_as_done(nlp: Language, coder: EventCoder) -> None:
    coded = code(nlp, coder, "Chile demanded the withdrawal of Ecuadorian forces from Peru.")
    assert [c for s, t, c in coded] == ["1056"]


@pytest.mark.parametrize(
    ("text", "on", "name", "codes"),
    [
        # armed groups and movements
        pytest.param("The PKK ambushed a convoy.", None, "PKK", ("TURREBPKK",), id="pkk"),
        pytest.param(
            "Tamil Tiger rebels shelled the port.",
            None,
            "Tamil Tiger rebels",
            ("LKAREBLTT",),
            id="ltte",
        ),
        pytest.param("UNITA fighters left the town.", None, "UNITA", ("AGOREBUNT",), id="unita"),
        pytest.param(
            "The Muslim Brotherhood called a rally.",
            None,
            "Muslim Brotherhood",
            ("EGYPTYMBR",),
            id="brotherhood",
        ),
        # firms of the technology and arms disputes
        pytest.param(
            "Beijing sanctioned Lockheed Martin.",
            None,
            "Lockheed Martin",
            ("USABUS",),
            id="lockheed",
        ),
        pytest.param("Washington blacklisted SMIC.", None, "SMIC", ("CHNBUS",), id="smic"),
        # forces moved "from" a place are not its forces; unmoved, "from" says whose they are
        pytest.param(
            "The United States withdrew its forces from Syria.",
            None,
            "forces",
            ("USAMIL",),
            id="withdrew-forces-from",
        ),
        pytest.param(
            "Japan began the evacuation of troops from Iraq.",
            None,
            "troops",
            ("JPNMIL",),
            id="evacuation-of-troops-from",
        ),
        pytest.param(
            "Troops from Chad arrived in Mali.",
            None,
            "Troops from Chad",
            ("TCDMIL",),
            id="troops-from",
        ),
        # Cold War leaders by term, and the Soviet Union as RUS
        pytest.param(
            "Reagan phoned Kohl on Friday.",
            dt.date(1986, 5, 2),
            "Reagan",
            ("USAGOV",),
            id="reagan-in-office",
        ),
        pytest.param(
            "Reagan phoned Kohl on Friday.",
            dt.date(1990, 5, 2),
            "Reagan",
            ("USAELI",),
            id="reagan-after-office",
        ),
        pytest.param(
            "Gorbachev wrote to Thatcher.",
            dt.date(1988, 3, 1),
            "Gorbachev",
            ("RUSGOV",),
            id="gorbachev",
        ),
        pytest.param(
            "Soviet troops left the city.",
            dt.date(1988, 3, 1),
            "Soviet troops",
            ("RUSMIL",),
            id="soviet-troops",
        ),
        pytest.param("The USSR protested.", None, "USSR", ("RUS",), id="ussr"),
    ],
)
def test_round8_actors(
    nlp: Language,
    resolver: ActorResolver,
    text: str,
    on: dt.date | None,
    name: str,
    codes: tuple[str, ...],
) -> None:
    found = {m.text: m.codes for m in resolver.find_mentions(nlp(text), on)}
    assert found[name] == codes


@pytest.mark.parametrize(
    ("text", "word"),
    [("Peru said milf was a rude word.", "milf"), ("US intel says Peru is arming.", "intel")],
)
def test_names_that_are_also_words_match_only_in_capitals(
    nlp: Language, resolver: ActorResolver, text: str, word: str
) -> None:
    names = mention_codes(nlp, resolver, text)
    assert not [name for name in names if word in name.lower().split()], names


def test_leaders_of_an_organisation_are_not_the_paragraphs_state(
    nlp: Language, resolver: ActorResolver
) -> None:
    text = "Qatar said it would expel leaders of the Muslim Brotherhood."
    found = mention_codes(nlp, resolver, text)
    assert found["leaders"] == ("---GOV",)  # not QATGOV: they lead the Brotherhood
    assert found["Muslim Brotherhood"] == ("EGYPTYMBR",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile met Peru in December.", (dt.date(2018, 12, 1), "text")),
        # an intent is dated when it is voiced, not when the meeting is planned for
        ("Chile will meet Peru in December.", (PUBLISHED, "publication")),
    ],
)
def test_an_intent_is_dated_when_voiced(
    nlp: Language, coder: EventCoder, text: str, expected: tuple[dt.date, str]
) -> None:
    events = coder.code_doc(
        nlp(text), mentions_from_table(text, ACTORS), doc_id="t", published=PUBLISHED
    )
    assert [(e.event_date, e.date_basis) for e in events] == [expected]


def test_an_event_takes_the_date_of_its_own_clause(nlp: Language, coder: EventCoder) -> None:
    text = "Chile met Peru on Tuesday, their first meeting since Ecuador attacked Peru in March."
    events = coder.code_doc(
        nlp(text), mentions_from_table(text, ACTORS), doc_id="t", published=PUBLISHED
    )
    dates = {(e.source, e.code[:2]): e.event_date for e in events}
    assert dates[("CHL", "04")] == dt.date(2019, 4, 9)
    assert dates[("ECU", "19")] == dt.date(2019, 3, 1)
