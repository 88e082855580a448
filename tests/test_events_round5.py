"""Issue 3, round 5: news constructions. Lists read as appositions, passive violence whose
agent sits on the event noun ("killed in X's shelling"), "engaged Y in a firefight",
"by" agents of nouns, arranged consultations ("is scheduled to attend"), the host named on
an attended event, partners of agreement objects, light verbs of partnership, refined
offers ("offered military support" -> 0332), arrest warrants, mutual talks. Own sentences."""

from __future__ import annotations

from spacy.language import Language

from tripolar.actors import ActorResolver
from tripolar.events import EventCoder


def code(
    nlp: Language, resolver: ActorResolver, coder: EventCoder, text: str
) -> set[tuple[str, str, str]]:
    doc = nlp(text)
    mentions = resolver.find_mentions(doc, None)
    events = coder.code_doc(doc, mentions, doc_id="t", published=None)
    return {(e.source, e.target, e.code) for e in events}


def test_coder_list_read_as_apposition_meets_reciprocally(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    found = code(nlp, resolver, coder, "The US, Russia, and Switzerland met yesterday.")
    pairs = {(s, t) for s, t, c in found if c == "040"}
    assert pairs == {(a, b) for a in ("USA", "RUS", "CHE") for b in ("USA", "RUS", "CHE") if a != b}


def test_coder_list_with_two_subjects_meets_reciprocally(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    found = code(nlp, resolver, coder, "Japan, China and Chile met on Monday.")
    assert ("JPN", "CHL", "040") in found and ("CHL", "CHN", "040") in found


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


def test_coder_visit_by_agent_to_place(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    text = "The visit by the Chilean president to Peru ended on Friday."
    assert code(nlp, resolver, coder, text) == {("CHLGOV", "PER", "042")}


def test_coder_talks_during_a_visit_are_mutual_plus_a_visit(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    text = (
        "The French army chief held talks with President Lula during a visit to Brasilia, "
        "offering further military support to Brazil."
    )
    found = code(nlp, resolver, coder, text)
    assert ("FRAMIL", "BRAGOV", "046") in found
    assert ("BRAGOV", "FRAMIL", "046") in found
    assert ("FRAMIL", "BRAGOV", "042") in found
    assert ("FRAMIL", "BRA", "0332") in found  # an offer of military support


def test_coder_scheduled_attendance_is_a_visit(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    text = "The Dutch premier is scheduled to attend a summit in Brazil."
    assert code(nlp, resolver, coder, text) == {("NLDGOV", "BRA", "042")}


def test_coder_attended_event_names_its_host(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    text = "The Dutch premier prepared to attend the Beijing Olympics."
    assert {(s[:3], t[:3], c) for s, t, c in code(nlp, resolver, coder, text)} == {
        ("NLD", "CHN", "042")
    }


def test_coder_announced_meeting_stays_an_intent(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    text = "The Dutch premier will visit Chile next week."
    assert code(nlp, resolver, coder, text) == {("NLDGOV", "CHL", "036")}


def test_coder_endorsed_agreement_targets_the_partner(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    text = "Danish lawmakers endorsed a trade agreement with Canada."
    assert code(nlp, resolver, coder, text) == {("DNKLEG", "CAN", "051")}


def test_coder_seeking_to_deepen_a_partnership_is_an_intent(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    text = "Brazil and Chile are seeking to deepen a partnership in energy."
    assert code(nlp, resolver, coder, text) == {("BRA", "CHL", "030"), ("CHL", "BRA", "030")}


def test_coder_offer_of_economic_aid_is_refined(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    assert code(nlp, resolver, coder, "Spain offered economic aid to Cuba.") == {
        ("ESP", "CUB", "0331")
    }


def test_coder_provided_military_support_is_military_aid(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    text = "The French army provided military support to Mali."
    assert code(nlp, resolver, coder, text) == {("FRAMIL", "MLI", "072")}


def test_coder_arrest_warrants_target_the_wanted(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    text = "A court in Peru issued arrest warrants for two Chilean men."
    assert code(nlp, resolver, coder, text) == {("PERJUD", "CHL", "173")}


def test_coder_speaker_with_appositive_name_is_not_a_list(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    text = "The Dutch premier, a veteran liberal, met the Chilean president on Monday."
    found = code(nlp, resolver, coder, text)
    assert found and all(s.startswith("NLD") and t == "CHLGOV" for s, t, _ in found)
