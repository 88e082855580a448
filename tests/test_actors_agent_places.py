"""Where an agent belongs: its own "of"/"from" phrase places it before its paragraph does
(relative clauses and unparsed text aside); regions whose names hold another state's name
("Northern Ireland", "Inner Mongolia") belong to the state they lie in. Own sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import coded_with_table, mention_codes
from tripolar.actors import ActorResolver
from tripolar.events import EventCoder


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


ACTORS = {}


def code(nlp: Language, coder: EventCoder, text: str) -> list[tuple[str, str, str]]:
    return coded_with_table(nlp, coder, text, ACTORS)


@pytest.mark.parametrize(
    ("text", "name", "codes"),
    [
        # the region places the police (the agent's own "in" phrase)
        (
            "Protesters threw stones at police in Northern Ireland.",
            "police in Northern Ireland",
            ("GBRCOP",),
        ),
        ("Beijing sent troops to Inner Mongolia.", "Inner Mongolia", ("CHN",)),
        ("The new rules apply in New Mexico and Arizona.", "New Mexico", ("USA",)),
    ],
)
def test_regions_named_after_another_state_are_their_own_states(
    nlp: Language, resolver: ActorResolver, text: str, name: str, codes: tuple[str, ...]
) -> None:
    found = mention_codes(nlp, resolver, text)
    assert found[name] == codes
    assert not {"IRL", "MNG", "MEX"} & {code[:3] for codes in found.values() for code in codes}
