"""Story references: words that stand for an actor named in another paragraph of the story
(`tripolar.actors.story`). News copy puts most sentences in paragraphs of their own. All
sentences are written here."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from tripolar.actors import ActorResolver

D = dt.date(2023, 6, 1)


def refs(resolver: ActorResolver, nlp: Language, text: str) -> list[tuple[str, tuple[str, ...]]]:
    found = resolver.find_mentions(nlp(text), D)
    for m in found:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.codes) for m in found if m.kind == "reference"]


# -- pairs -------------------------------------------------------------------------------


def test_story_group_phrase_takes_the_last_dyad(resolver: ActorResolver, nlp: Language) -> None:
    text = (
        "Norway and Chile signed a fisheries accord on Monday.\n\n"
        "The two countries will meet again in March."
    )
    assert refs(resolver, nlp, text) == [("The two countries", ("NOR", "CHL"))]


def test_story_two_leaders_prefer_the_people_of_the_last_dyad(
    resolver: ActorResolver, nlp: Language
) -> None:
    # the sentence names Ukraine after the two leaders: "the two leaders" are still the leaders
    text = (
        "Russian President Vladimir Putin met Chinese President Xi Jinping amid the war in "
        "Ukraine.\n\nThe two leaders held long talks."
    )
    assert refs(resolver, nlp, text) == [("The two leaders", ("RUSGOV", "CHNGOV"))]


def test_story_dateline_place_is_no_side(resolver: ActorResolver, nlp: Language) -> None:
    text = "OSLO\n\nChile hosted talks with Peru on Monday.\n\nThe two sides agreed on quotas."
    assert refs(resolver, nlp, text) == [("The two sides", ("CHL", "PER"))]


def test_story_role_group_and_joint_statement_are_the_pair(
    resolver: ActorResolver, nlp: Language
) -> None:
    text = (
        "Brazil's foreign minister met his Argentine counterpart in Brasilia.\n\n"
        "The ministers discussed trade.\n\n"
        "A joint statement praised the progress.\n\n"
        "The leaders of Chile did not attend."
    )
    assert refs(resolver, nlp, text)[-2:] == [
        ("The ministers", ("BRAGOV", "ARGGOV")),
        ("A joint statement", ("BRAGOV", "ARGGOV")),
    ]


# -- pronouns ----------------------------------------------------------------------------


def test_story_they_opening_a_paragraph_is_the_last_plural(
    resolver: ActorResolver, nlp: Language
) -> None:
    text = (
        "Norway and Chile signed an accord.\n\n"
        "They said they would cooperate on fisheries.\n\n"
        '"They took our nets," Peru said.'
    )
    # "They" inside a quotation is the speaker's adversary, not the story's last pair
    assert refs(resolver, nlp, text) == [
        ("They", ("NOR", "CHL")),
        ("they", ("NOR", "CHL")),
    ]


def test_story_he_takes_the_last_man_unless_two_were_named(
    resolver: ActorResolver, nlp: Language
) -> None:
    one = "Fumio Kishida arrived in Seoul on Monday.\n\nHe said the visit was useful."
    assert refs(resolver, nlp, one) == [("He", ("JPNGOV",))]
    two = "Fumio Kishida met Olaf Scholz in Tokyo.\n\nHe said the visit was useful."
    assert refs(resolver, nlp, two) == []


def test_story_official_named_by_role_is_found_by_name(
    resolver: ActorResolver, nlp: Language
) -> None:
    text = (
        "Norwegian foreign ministry spokeswoman Marta Ekdahl criticised Chile on Monday.\n\n"
        "Ekdahl said the quota was unfair.\n\n"
        "She added that talks would go on."
    )
    assert refs(resolver, nlp, text) == [("Ekdahl", ("NORGOV",)), ("She", ("NORGOV",))]
    apposition = "Chile's envoy, Pablo Rivas, objected.\n\nRivas said nothing more."
    assert refs(resolver, nlp, apposition) == [("Rivas", ("CHLGOV",))]


# -- "it" --------------------------------------------------------------------------------


def test_story_it_that_acts_is_the_subject_before(resolver: ActorResolver, nlp: Language) -> None:
    text = "Chile maintains it acted lawfully near Peru.\n\nIt also accused Norway of meddling."
    assert ("It", ("CHL",)) in refs(resolver, nlp, text)
    for idle in (
        "Chile praised Peru.\n\nIt rained all day.",
        "Chile praised Peru.\n\nIt is unclear what Norway will do.",
        "Chile praised Peru.\n\nIt has been a long week for Norway.",
    ):
        assert not [r for r in refs(resolver, nlp, idle) if r[0] == "It"], idle


def test_story_it_said_is_who_spoke_last(resolver: ActorResolver, nlp: Language) -> None:
    text = (
        "Spain complained to Morocco about fishing quotas, the Spanish foreign ministry said on "
        "Friday.\n\n"
        '"The decision harms our relations," the statement said.\n\n'
        '"The ban must end," it said.'
    )
    assert ("it", ("ESPGOV",)) in refs(resolver, nlp, text)


# -- organisations -----------------------------------------------------------------------


def test_story_the_alliance_is_the_last_alliance(resolver: ActorResolver, nlp: Language) -> None:
    text = (
        "NATO ministers met in Brussels with Japan's envoy.\n\n"
        "Russia warned the alliance against expansion.\n\n"
        "The UN Security Council met later.\n\n"
        "Chile asked the council for a vote."
    )
    found = refs(resolver, nlp, text)
    assert ("the alliance", ("IGOWSTNAT",)) in found
    assert ("the council", ("IGOUNOSEC",)) in found


# -- quotations --------------------------------------------------------------------------


def test_story_quoted_we_is_the_speaker(resolver: ActorResolver, nlp: Language) -> None:
    same_sentence = '"We reject the claim by Peru," Chile\'s foreign minister said.'
    assert refs(resolver, nlp, same_sentence) == [("We", ("CHLGOV",))]
    quote_paragraph = (
        "Norway's foreign ministry said on Monday:\n\n"
        '"The quota is unfair. We call on Chile to review it."'
    )
    assert refs(resolver, nlp, quote_paragraph) == [("We", ("NORGOV",))]


def test_story_we_outside_quotes_or_after_narrative_is_nobody(
    resolver: ActorResolver, nlp: Language
) -> None:
    assert refs(resolver, nlp, "Chile met Peru. We expect more talks.") == []
    narrative = (
        "Norway's foreign ministry said on Monday that talks would go on.\n\n"
        "Chile sent ships to the area.\n\n"
        '"We will not accept this."'
    )
    assert refs(resolver, nlp, narrative) == []


def test_story_statement_that_speaks_is_its_issuer(resolver: ActorResolver, nlp: Language) -> None:
    text = (
        "In a communique, NATO allies said Russia had become a threat to Norway.\n\n"
        '"We call on Moscow to withdraw," read the communique.'
    )
    found = refs(resolver, nlp, text)
    assert ("the communique", ("IGOWSTNAT",)) in found
    assert ("We", ("IGOWSTNAT",)) in found


def test_story_speaker_is_who_said_not_what_was_said(
    resolver: ActorResolver, nlp: Language
) -> None:
    # "said Peru had ..." names the one spoken about; "at a press briefing" is no speaker
    text = (
        "Chile's foreign ministry said at a press briefing that Peru had crossed the line.\n\n"
        '"We will respond," the statement said.'
    )
    assert ("We", ("CHLGOV",)) in refs(resolver, nlp, text)


def test_story_groups_of_three_and_those_countries(resolver: ActorResolver, nlp: Language) -> None:
    text = (
        "Spain, Italy and Portugal said they would keep the trade pact with Chile.\n\n"
        "Chile's president said his envoy would negotiate with the three countries and "
        "meet them soon.\n\n"
        "He said those other countries had been fair."
    )
    found = refs(resolver, nlp, text)
    trio = ("ESP", "ITA", "PRT")
    assert ("they", trio) in found  # every conjunct, not the last two
    assert ("the three countries", trio) in found
    assert ("them", trio) in found
    assert ("those other countries", trio) in found


def test_group_leaders_are_people_and_a_following_group_the_same(
    resolver: ActorResolver, nlp: Language
) -> None:
    text = (
        "Narendra Modi and Xi Jinping spoke at a Brazilian resort. The call between the two "
        "leaders follows a pact signed by the two countries."
    )
    assert refs(resolver, nlp, text) == [
        ("the two leaders", ("INDGOV", "CHNGOV")),
        ("the two countries", ("IND", "CHN")),
    ]


def test_story_the_press_is_no_side(resolver: ActorResolver, nlp: Language) -> None:
    text = "Chile met Peru on Monday. Chilean state media said the two sides agreed on quotas."
    assert ("the two sides", ("CHL", "PER")) in refs(resolver, nlp, text)


def test_story_two_leaders_skip_a_place_beside_one_leader(
    resolver: ActorResolver, nlp: Language
) -> None:
    # the paragraph names one leader and a place in a clause: the other leader is the one
    # named in the paragraph before, not the place
    text = (
        "Brazilian President Lula met French President Emmanuel Macron in Paris.\n\n"
        "Lula, criticised at home over the floods in Argentina, said the two leaders "
        "signed a climate accord."
    )
    found = dict(refs(resolver, nlp, text))
    assert found["the two leaders"] == ("BRAGOV", "FRAGOV")


def test_story_two_men_are_the_two_leaders_named(resolver: ActorResolver, nlp: Language) -> None:
    text = (
        "Brazilian President Lula and French President Emmanuel Macron met in Geneva.\n\n"
        "The two men were welcomed by the Swiss president."
    )
    assert dict(refs(resolver, nlp, text))["The two men"] == ("BRAGOV", "FRAGOV")


def test_story_two_men_never_stand_for_places(resolver: ActorResolver, nlp: Language) -> None:
    # no leader is named: "the two men" are the arrested nationals, not Chile or Texas
    text = "Two Chilean nationals were arrested in Texas on Monday. The two men face charges."
    assert "The two men" not in dict(refs(resolver, nlp, text))
