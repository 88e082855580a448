"""Violence read through its means: a passive killing takes the agent of its shelling or of
its attack ("killed in X's shelling"), an agentless one codes nothing; "engaged Y in a
firefight" targets Y. Own sentences."""

from __future__ import annotations

from spacy.language import Language

from events_support import coded_with_resolver as code
from tripolar.actors import ActorResolver
from tripolar.events import EventCoder


def test_coder_passive_killing_takes_the_agent_of_its_shelling(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    text = "Six people were killed in Israeli artillery shelling in southern Lebanon on Monday."
    assert code(nlp, resolver, coder, text) == {("ISR", "LBN", "194")}


def test_coder_passive_killing_takes_the_by_agent_of_its_attack(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    text = "Two Iraqi soldiers were killed in an attack by Syrian rebels."
    assert code(nlp, resolver, coder, text) == {("SYRREB", "IRQMIL", "190")}


def test_coder_agentless_passive_killing_codes_nothing(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    assert code(nlp, resolver, coder, "Two Iraqi soldiers were killed in an accident.") == set()


def test_coder_engaged_in_a_gunbattle_targets_the_object(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    text = "Pakistani militants engaged Indian troops in a gunbattle near the border."
    assert code(nlp, resolver, coder, text) == {("PAKREB", "INDMIL", "193")}
