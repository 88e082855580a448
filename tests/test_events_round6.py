"""What a party is given, told from the receiving side ("X received arms from Y": Y gives);
events between two parties of unknown country are not coded; an agent's own "of"/"from"
phrase places it before its paragraph does; "X is opposed to Y" is X's stance; "in protest
of/at X" names what is protested; a threatened strike is aimed at its condition's subject;
"general" as an adjective is no military rank. Own sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import coded_with_table, mention_codes, mentions_from_table
from tripolar.actors import ActorResolver
from tripolar.events import EventCoder

ACTORS = {
    "Moldova": "MDA",
    "Moldovan farmers": "MDACVL",
    "Ghana": "GHA",
    "Norway": "NOR",
    "Norwegian government": "NORGOV",
    "the United Nations": "IGOUNO",
    "Gunmen": "---UAF",
    "guards": "---MIL",
    "Peruvian officials": "PERGOV",
    "Ghanaian": "GHA",
    "the African Union": "IGOAFRAU",
    "Moldovan students": "MDAEDU",
    "Moldovan government": "MDAGOV",
    "Norwegian": "NOR",
    "Moldovan positions": "MDAMIL",
    "Chisinau": "MDAGOV",
}


def code(nlp: Language, coder: EventCoder, text: str) -> list[tuple[str, str, str]]:
    return coded_with_table(nlp, coder, text, ACTORS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moldova received weapons from Norway last spring.", ("NOR", "MDA", "072")),
        ("Ghana secured a large loan from Norway on Friday.", ("NOR", "GHA", "071")),
        ("Moldova obtained emergency aid from Norway.", ("NOR", "MDA", "070")),
        (
            "Moldovan farmers received assurances from the Norwegian government.",
            ("NORGOV", "MDACVL", "030"),
        ),
    ],
)
def test_givers_are_the_source_of_what_is_received(
    nlp: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]
) -> None:
    assert code(nlp, coder, text) == [expected]


def test_givers_observers_received_stay_the_receivers_act(nlp: Language, coder: EventCoder) -> None:
    # allowing monitors in is the receiver's act (086), not the sender's
    assert code(nlp, coder, "Ghana received observers from the United Nations.") == [
        ("GHA", "IGOUNO", "086")
    ]


def test_givers_two_unknown_parties_are_not_coded(nlp: Language, coder: EventCoder) -> None:
    text = "Gunmen kidnapped two guards near the border, Peruvian officials said."
    assert code(nlp, coder, text) == []
    result = coder.explain_doc(
        nlp(text),
        mentions_from_table(text, ACTORS),
        doc_id="t",
        published=None,
    )
    assert [r.reason for r in result.rejections] == ["no party of known country"]


def test_own_phrase_places_an_agent_before_its_paragraph(
    nlp: Language, resolver: ActorResolver
) -> None:
    text = "Kenya on Monday freed the mayor of the northern Somali town of Baidoa."
    assert mention_codes(nlp, resolver, text)["mayor"] == ("SOMGOV",)  # not Kenya's, named first
    text = "Chile released the governor of a remote Bolivian province."
    assert mention_codes(nlp, resolver, text)["governor"] == ("BOLGOV",)


def test_own_phrase_skips_relative_clauses_and_unparsed_text(
    nlp: Language, resolver: ActorResolver
) -> None:
    text = "Kenya arrested the mayor of a town that Somalia claims."
    assert mention_codes(nlp, resolver, text)["mayor"] == ("KENGOV",)  # the paragraph's country
    unparsed = nlp.make_doc("Kenya freed the mayor of the northern Somali town of Baidoa.")
    mayor = next(m for m in resolver.find_mentions(unparsed) if m.text == "mayor")
    assert mayor.codes == ("KENGOV",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parser hangs the subject on "is" or reads "opposed" as an adjective
        ("Moldova is opposed to the Ghanaian proposal.", ("MDA", "GHA", "110")),
        ("Norway remains firmly opposed to the African Union plan.", ("NOR", "IGOAFRAU", "110")),
        ("Moldova is opposed to Ghanaian mediation in the dispute.", ("MDA", "GHA", "126")),
        ("Moldova opposed Ghanaian mediation.", ("MDA", "GHA", "126")),
    ],
)
def test_stance_opposed_to_is_the_subjects_act(
    nlp: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]
) -> None:
    assert code(nlp, coder, text) == [expected]


def test_stance_passive_with_an_agent_stays_passive(nlp: Language, coder: EventCoder) -> None:
    # "was opposed by Norway": a real passive, read through its agent
    assert code(nlp, coder, "The Ghanaian plan was opposed by Norway.") == [("NOR", "GHA", "110")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Tuesday the African Union inspected the camps in Ghana.", ("IGOAFRAU", "GHA", "090")),
        ("Moldova examined the accounts held in Ghana.", ("MDA", "GHA", "090")),
    ],
)
def test_investigations_of_things_in_a_state_target_it(
    nlp: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]
) -> None:
    assert code(nlp, coder, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "of" in the idiom is what is protested, not who protests; the strike is coded once
        (
            "Moldovan students are continuing a hunger strike in protest of the Norwegian "
            "decision to close the border.",
            [("MDAEDU", "NOR", "140")],
        ),
        # the parser may hang "at X" on the clause's verb
        ("Moldova recalled its envoy in protest at the Norwegian ruling.", [("MDA", "NOR", "140")]),
        # a rally (a noun with a place) is coded once too, through the phrase
        (
            "Moldovan students held a rally in Chisinau in protest at the Norwegian ruling.",
            [("MDAEDU", "NOR", "140")],
        ),
        # a march in its own capital: the protested party is the target, not the place
        (
            "Moldovan students marched in Chisinau in protest against the Norwegian government.",
            [("MDAEDU", "NORGOV", "140")],
        ),
    ],
)
def test_in_protest_names_what_is_protested(
    nlp: Language, coder: EventCoder, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert code(nlp, coder, text) == expected


def test_threatened_strike_is_aimed_at_the_condition(nlp: Language, coder: EventCoder) -> None:
    text = (
        "Moldovan students threatened to hold a general strike unless Norway lifted its visa rules."
    )
    assert code(nlp, coder, text) == [("MDAEDU", "NOR", "133")]


def test_general_as_an_adjective_is_no_officer(nlp: Language, resolver: ActorResolver) -> None:
    found = mention_codes(nlp, resolver, "Kenyan unions called a general strike on Monday.")
    assert "general" not in found
    assert mention_codes(nlp, resolver, "A Kenyan general met the envoy.")["Kenyan general"] == (
        "KENMIL",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a strike by a group of society is a labour strike (143), an attack otherwise
        ("Moldovan students held a strike against the Moldovan government.", "143"),
        ("Norway carried out a strike on Moldovan positions.", "190"),
    ],
)
def test_civil_strikes_are_not_attacks(
    nlp: Language, coder: EventCoder, text: str, expected: str
) -> None:
    assert [c for _, _, c in code(nlp, coder, text)] == [expected]
