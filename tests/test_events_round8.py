"""A document speaks for its author or the capital it was released in; "allege" accuses
whatever follows; an "-ing" killing after a coded attack is that attack's outcome; a camp or
an office stands for those it houses; an apposition names a person's state; a passive
conjunct shares its patient; travel warnings, aid suspended in a place, forcing people out;
a perfect relative clause is background; more armed groups; the leaders of an organisation
belong to it, not to the paragraph's state; Cold War leaders and the Soviet Union. Own
sentences."""

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


def code(nlp: Language, coder: EventCoder, text: str) -> list[tuple[str, str, str]]:
    return coded_with_table(nlp, coder, text, ACTORS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A study released in Lima alleged that Chilean soldiers had smuggled weapons.",
            [("PERGOV", "CHLMIL", "112")],
        ),
        (
            "The statement issued by the Peruvian embassy criticized Chile.",
            [("PERGOV", "CHL", "111")],
        ),
        # a document of no known author codes nothing
        ("A study released on Monday criticized Chile.", []),
    ],
)
def test_a_document_speaks_for_its_author_or_the_capital_it_was_released_in(
    nlp: Language, coder: EventCoder, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert code(nlp, coder, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peru alleged that Chile was aware of the smuggling.", [("PER", "CHL", "112")]),
        # "claim" accuses only of an act of conflict
        ("Peru claimed that Chile was aware of the smuggling.", []),
        # alleging something of oneself accuses nobody
        ("Peru alleged that Peru was aware of the smuggling.", []),
    ],
)
def test_allege_accuses_whatever_follows(
    nlp: Language, coder: EventCoder, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert code(nlp, coder, text) == expected


def test_a_killing_after_a_coded_attack_is_its_outcome(nlp: Language, coder: EventCoder) -> None:
    text = "Ecuadorian forces shelled Peru overnight, killing at least nine people."
    assert code(nlp, coder, text) == [("ECUMIL", "PER", "194")]


def test_a_killing_on_its_own_is_still_coded(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "Ecuadorian forces killed nine Chilean soldiers.") == [
        ("ECUMIL", "CHLMIL", "190")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ecuadorian forces attacked a camp of Chilean refugees.",
            [("ECUMIL", "CHLREF", "190")],
        ),
        (
            "A camp for Chilean refugees was attacked by Ecuadorian forces.",
            [("ECUMIL", "CHLREF", "190")],
        ),
    ],
)
def test_a_camp_stands_for_those_it_houses(
    nlp: Language, coder: EventCoder, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert code(nlp, coder, text) == expected


def test_an_apposition_names_the_state_of_a_person(nlp: Language, coder: EventCoder) -> None:
    text = "Juan Quispe, the Peruvian navy commander, criticized Chile on Monday."
    assert code(nlp, coder, text) == [("PERMIL", "CHL", "111")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Two Chilean demonstrators were detained and later deported by Peru.",
            [("PER", "CHLCVL", "174")],
        ),
        # still active when the first verb is: "Peru detained and deported ..."
        (
            "Peru detained and deported two Chilean demonstrators.",
            [("PER", "CHLCVL", "173"), ("PER", "CHLCVL", "174")],
        ),
    ],
)
def test_a_passive_conjunct_shares_its_patient(
    nlp: Language, coder: EventCoder, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert code(nlp, coder, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile advised against travel to Peru.", [("CHL", "PER", "160")]),
        ("Ecuador warned its citizens against travel to Peru.", [("ECU", "PER", "160")]),
        ("Chile suspended aid deliveries in Peru on Friday.", [("CHL", "PER", "162")]),
        (
            "Peruvian police forced out hundreds of Chilean demonstrators.",
            [("PERCOP", "CHLCVL", "174")],
        ),
    ],
)
def test_travel_warnings_suspended_aid_and_forcing_out(
    nlp: Language, coder: EventCoder, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert code(nlp, coder, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what the group is, in a perfect relative clause, is background, not today's act
        (
            "Ecuador criticized the Peruvian navy, which has seized Chilean boats for years.",
            [("ECU", "PERMIL", "111")],
        ),
        # the antecedent is not the relative clause's subject: the clause is its subject's act
        (
            "The build-up, which Chile has called on Peru to reverse, went on.",
            [("CHL", "PER", "020")],
        ),
        # a relative clause in the past tense reports an act
        (
            "Ecuador criticized the Peruvian navy, which seized Chilean boats on Monday.",
            [("ECU", "PERMIL", "111"), ("PERMIL", "CHL", "171")],
        ),
    ],
)
def test_a_perfect_relative_clause_is_background(
    nlp: Language, coder: EventCoder, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert code(nlp, coder, text) == expected


@pytest.mark.parametrize(
    ("text", "name", "codes"),
    [
        ("The PKK ambushed a convoy.", "PKK", ("TURREBPKK",)),
        ("Tamil Tiger rebels shelled the port.", "Tamil Tiger rebels", ("LKAREBLTT",)),
        ("UNITA fighters left the town.", "UNITA", ("AGOREBUNT",)),
        ("The Muslim Brotherhood called a rally.", "Muslim Brotherhood", ("EGYPTYMBR",)),
    ],
)
def test_more_armed_groups_and_movements(
    nlp: Language, resolver: ActorResolver, text: str, name: str, codes: tuple[str, ...]
) -> None:
    assert mention_codes(nlp, resolver, text)[name] == codes


def test_abbreviations_of_groups_match_only_in_capitals(
    nlp: Language, resolver: ActorResolver
) -> None:
    assert "milf" not in mention_codes(nlp, resolver, "Peru said milf was a rude word.")


def test_leaders_of_an_organisation_are_not_the_paragraphs_state(
    nlp: Language, resolver: ActorResolver
) -> None:
    text = "Qatar said it would expel leaders of the Muslim Brotherhood."
    found = mention_codes(nlp, resolver, text)
    assert found["leaders"] == ("---GOV",)  # not QATGOV: they lead the Brotherhood
    assert found["Muslim Brotherhood"] == ("EGYPTYMBR",)


@pytest.mark.parametrize(
    ("text", "on", "name", "codes"),
    [
        ("Reagan phoned Kohl on Friday.", dt.date(1986, 5, 2), "Reagan", ("USAGOV",)),
        ("Reagan phoned Kohl on Friday.", dt.date(1990, 5, 2), "Reagan", ("USAELI",)),
        ("Gorbachev wrote to Thatcher.", dt.date(1988, 3, 1), "Gorbachev", ("RUSGOV",)),
        ("Soviet troops left the city.", dt.date(1988, 3, 1), "Soviet troops", ("RUSMIL",)),
        ("The USSR protested.", None, "USSR", ("RUS",)),
    ],
)
def test_cold_war_leaders_and_the_soviet_union(
    nlp: Language,
    resolver: ActorResolver,
    text: str,
    on: dt.date | None,
    name: str,
    codes: tuple[str, ...],
) -> None:
    found = {m.text: m.codes for m in resolver.find_mentions(nlp(text), on)}
    assert found[name] == codes


def test_the_withdrawal_of_forces_is_their_own(nlp: Language, coder: EventCoder) -> None:
    text = "The withdrawal of Ecuadorian forces from Peru began on Monday."
    assert code(nlp, coder, text) == [("ECUMIL", "PER", "087")]


def test_a_demanded_withdrawal_is_not_coded_as_done(nlp: Language, coder: EventCoder) -> None:
    coded = code(nlp, coder, "Chile demanded the withdrawal of Ecuadorian forces from Peru.")
    assert [c for s, t, c in coded] == ["1056"]


@pytest.mark.parametrize(
    ("text", "name", "codes"),
    [
        ("The United States withdrew its forces from Syria.", "forces", ("USAMIL",)),
        ("Japan began the evacuation of troops from Iraq.", "troops", ("JPNMIL",)),
        # not moved: "from" still says whose they are
        ("Troops from Chad arrived in Mali.", "Troops from Chad", ("TCDMIL",)),
    ],
)
def test_from_after_moved_forces_is_where_they_leave(
    nlp: Language, resolver: ActorResolver, text: str, name: str, codes: tuple[str, ...]
) -> None:
    assert mention_codes(nlp, resolver, text)[name] == codes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile expressed concern over Peru's naval exercises.", [("CHL", "PER", "012")]),
        ("Ecuador voiced alarm at the Peruvian navy manoeuvres.", [("ECU", "PERMIL", "012")]),
        # a concern about no actor is no event
        ("Chile expressed concern over the weather.", []),
        ("Chile gave a warm welcome to the Peruvian navy commander.", [("CHL", "PERMIL", "043")]),
    ],
)
def test_concern_and_a_warm_welcome(
    nlp: Language, coder: EventCoder, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert code(nlp, coder, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the response's "with" noun is the act
        ("Chile retaliated with tariffs on Peru.", [("CHL", "PER", "163")]),
        ("Peru responded with sanctions against Chile.", [("PER", "CHL", "163")]),
        ("Chile imposed export controls on Peru.", [("CHL", "PER", "163")]),
        ("Chile added the Peruvian navy to its entity list.", [("CHL", "PERMIL", "163")]),
        ("Ecuador put Peru on a trade blacklist.", [("ECU", "PER", "163")]),
        ("Chile deepened its ties with Peru.", [("CHL", "PER", "050")]),
        ("Chile blocked a bid by Peru to join the council.", [("CHL", "PER", "129")]),
        ("Chile approved a loan for Peru.", [("CHL", "PER", "071")]),
        ("Chile spoke with Peru by phone on Friday.", [("CHL", "PER", "041")]),
        ("Chile talked to Peru over the phone.", [("CHL", "PER", "041")]),
        ("Chile spoke with Peru in Lima.", [("CHL", "PER", "040")]),
        # the visit of X: X is the visitor
        ("The visit of the Peruvian navy commander to Chile ended.", [("PERMIL", "CHL", "042")]),
    ],
)
def test_trade_restrictions_and_the_visit_of(
    nlp: Language, coder: EventCoder, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert code(nlp, coder, text) == expected


@pytest.mark.parametrize(
    ("text", "name", "codes"),
    [
        ("Beijing sanctioned Lockheed Martin.", "Lockheed Martin", ("USABUS",)),
        ("Washington blacklisted SMIC.", "SMIC", ("CHNBUS",)),
    ],
)
def test_firms_of_the_technology_and_arms_disputes(
    nlp: Language, resolver: ActorResolver, text: str, name: str, codes: tuple[str, ...]
) -> None:
    assert mention_codes(nlp, resolver, text)[name] == codes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile bought Peruvian copper at a discount.", [("CHL", "PER", "061")]),
        ("Ecuador imported Chilean wine.", [("ECU", "CHL", "061")]),
        ("Chile froze Peruvian central bank reserves.", [("CHL", "PER", "163")]),
        # a joint patrol flown by two states' aircraft
        (
            "Peruvian and Chilean aircraft flew a joint patrol over the Pacific.",
            [("PER", "CHL", "062"), ("CHL", "PER", "062")],
        ),
    ],
)
def test_purchases_frozen_reserves_and_joint_patrols(
    nlp: Language, coder: EventCoder, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert code(nlp, coder, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile met Peru in December.", (dt.date(2018, 12, 1), "text")),
        # an intent is dated when it is voiced, not when the meeting is planned for
        ("Chile will meet Peru in December.", (dt.date(2019, 4, 10), "publication")),
    ],
)
def test_an_intent_is_dated_when_voiced(
    nlp: Language, coder: EventCoder, text: str, expected: tuple[dt.date, str]
) -> None:
    events = coder.code_doc(
        nlp(text), mentions_from_table(text, ACTORS), doc_id="t", published=dt.date(2019, 4, 10)
    )
    assert [(e.event_date, e.date_basis) for e in events] == [expected]


def test_an_event_takes_the_date_of_its_own_clause(nlp: Language, coder: EventCoder) -> None:
    text = "Chile met Peru on Tuesday, their first meeting since Ecuador attacked Peru in March."
    events = coder.code_doc(
        nlp(text), mentions_from_table(text, ACTORS), doc_id="t", published=dt.date(2019, 4, 10)
    )
    dates = {(e.source, e.code[:2]): e.event_date for e in events}
    assert dates[("CHL", "04")] == dt.date(2019, 4, 9)
    assert dates[("ECU", "19")] == dt.date(2019, 3, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an infinitive under a verb of expectation reports no act
        ("Few expect Chile to withdraw its envoy from Peru.", []),
        ("Chile expects Peru to sever ties with Ecuador.", []),
        # under a verb of asking it is the request
        ("Chile urged Peru to sever ties with Ecuador.", [("CHL", "PER", "020")]),
        # a guess is no act
        ("Chile will probably impose sanctions on Peru.", []),
        ("Chile would likely impose sanctions on Peru.", []),
    ],
)
def test_expectations_and_guesses_are_no_acts(
    nlp: Language, coder: EventCoder, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert code(nlp, coder, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The possibility of a Peruvian attack on Chile cannot be excluded.", []),
        ("A potential Peruvian invasion of Chile worries Ecuador.", []),
        # an alliance is an act only when a verb makes it
        ("The alliance between Peru and Chile is old.", []),
        ("Peru and Chile formed an alliance.", [("PER", "CHL", "050"), ("CHL", "PER", "050")]),
        ("Ecuador criticised the security pact between Peru and Chile.", []),
        ("Peru and Chile signed a security pact.", [("PER", "CHL", "057"), ("CHL", "PER", "057")]),
    ],
)
def test_possibilities_and_standing_relations_are_no_acts(
    nlp: Language, coder: EventCoder, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert code(nlp, coder, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject of a verb heads its "by/after ..." -ing clause
        ("Chile responded by sanctioning Peru.", [("CHL", "PER", "163")]),
        # "without" negates its clause
        ("Chile left without signing a deal with Peru.", []),
        # causatives: the object does the act
        ("The crisis led Chile to expel Peru's ambassador.", [("CHL", "PER", "161")]),
        ("The attack prompted Chile to sever ties with Peru.", [("CHL", "PER", "161")]),
    ],
)
def test_means_clauses_without_and_causatives(
    nlp: Language, coder: EventCoder, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert code(nlp, coder, text) == expected
