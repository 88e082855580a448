"""Finding mentions in real spaCy docs: spans, compounds, agents, references, dates."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from spacy.language import Language

from tripolar.actors import ActorResolver
from tripolar.model import Mention

D = dt.date


def mentions(
    resolver: ActorResolver, nlp: Language, text: str, on: dt.date | None = None
) -> list[Mention]:
    found = resolver.find_mentions(nlp(text), on)
    for m in found:
        assert text[m.start : m.end] == m.text
    starts = [m.start for m in found]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    return found


def by_text(found: list[Mention]) -> dict[str, tuple[str, ...]]:
    return {m.text: m.codes for m in found}


def test_resolver_title_and_name_make_one_mention(resolver: ActorResolver, nlp: Language) -> None:
    text = "Russian President Vladimir Putin welcomed Chinese leader Xi Jinping on Monday."
    found = mentions(resolver, nlp, text, D(2019, 6, 5))
    assert [(m.text, m.codes, m.kind) for m in found] == [
        ("Russian President Vladimir Putin", ("RUSGOV",), "person"),
        ("Chinese leader Xi Jinping", ("CHNGOV",), "person"),
    ]


def test_resolver_apposition_after_comma(resolver: ActorResolver, nlp: Language) -> None:
    found = mentions(
        resolver, nlp, "Russia's foreign minister, Sergei Lavrov, flew home.", D(2020, 1, 1)
    )
    assert by_text(found) == {"Russia's foreign minister, Sergei Lavrov": ("RUSGOV",)}


@pytest.mark.parametrize(
    ("on", "code"),
    [
        (D(2016, 7, 1), "USAELI"),
        (D(2018, 7, 1), "USAGOV"),
        (D(2022, 7, 1), "USAELI"),
        (D(2025, 7, 1), "USAGOV"),
    ],
)
def test_resolver_person_code_depends_on_date(
    resolver: ActorResolver, nlp: Language, on: dt.date, code: str
) -> None:
    found = mentions(resolver, nlp, "Trump criticised the tariffs.", on)
    assert by_text(found) == {"Trump": (code,)}


def test_resolver_shared_surname_by_date(resolver: ActorResolver, nlp: Language) -> None:
    text = "Bush spoke in Texas."
    assert mentions(resolver, nlp, text, D(1991, 1, 1))[0].entry == "George H. W. Bush"
    assert mentions(resolver, nlp, text, D(2005, 1, 1))[0].entry == "George W. Bush"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sino-Russian ties are warm.", ("Sino-Russian", ("CHN", "RUS"))),
        ("Russian-Chinese drills began.", ("Russian-Chinese", ("RUS", "CHN"))),
        ("The US-China talks stalled.", ("US-China", ("USA", "CHN"))),
        ("The U.S.-China talks stalled.", ("U.S.-China", ("USA", "CHN"))),
        ("Sino-American trade grew.", ("Sino-American", ("CHN", "USA"))),
        ("China-Russia relations improved.", ("China-Russia", ("CHN", "RUS"))),
        ("Russo-Chinese trade grew.", ("Russo-Chinese", ("RUS", "CHN"))),
        ("The Indo-Pakistani border is tense.", ("Indo-Pakistani", ("IND", "PAK"))),
        ("The Korea-US alliance held.", ("Korea-US", ("KOR", "USA"))),
        ("The U.S.-South Korean alliance held.", ("U.S.-South Korean", ("USA", "KOR"))),
        ("The U.S.\u2013North Korea talks failed.", ("U.S.\u2013North Korea", ("USA", "PRK"))),
    ],
)
def test_resolver_hyphenated_compounds(
    resolver: ActorResolver, nlp: Language, text: str, expected: tuple[str, tuple[str, ...]]
) -> None:
    found = mentions(resolver, nlp, text)
    assert [(m.text, m.codes) for m in found] == [expected]
    assert found[0].kind == "compound"


def test_resolver_coordination_stays_separate(resolver: ActorResolver, nlp: Language) -> None:
    found = mentions(resolver, nlp, "China and Russia signed a pact.")
    assert [(m.text, m.codes) for m in found] == [("China", ("CHN",)), ("Russia", ("RUS",))]


def test_resolver_lone_sino_is_not_an_actor(resolver: ActorResolver, nlp: Language) -> None:
    assert mentions(resolver, nlp, "The Sino deal was signed.") == []
    assert mentions(resolver, nlp, "The Indo-Pacific strategy and the Russo bid were new.") == []


def test_resolver_korea_alone_is_south_korea(resolver: ActorResolver, nlp: Language) -> None:
    text = "Japan and Korea quarrelled while North Korea tested missiles near the Korean coast."
    assert by_text(mentions(resolver, nlp, text)) == {
        "Japan": ("JPN",),
        "Korea": ("KOR",),
        "North Korea": ("PRK",),
    }


def test_resolver_the_place_of_a_meeting_or_war_is_no_side(
    resolver: ActorResolver, nlp: Language
) -> None:
    on = D(2018, 7, 20)
    for text, expected in [
        ("Trump and Putin met in Helsinki. The two leaders agreed.", ("USAGOV", "RUSGOV")),
        ("Xi and Putin held talks in Kyrgyzstan. The two sides agreed.", ("CHNGOV", "RUSGOV")),
        ("China invested in Russia. The two countries agreed.", ("CHN", "RUS")),
        (
            "China and Russia drilled amid the war in Ukraine. The two countries agreed.",
            ("CHN", "RUS"),
        ),
        ("Russia started a war in Ukraine. The two countries suffered.", ("RUS", "UKR")),
    ]:
        refs = [m.codes for m in mentions(resolver, nlp, text, on) if m.kind == "reference"]
        assert refs == [expected], text


@pytest.mark.parametrize(
    ("text", "span", "code"),
    [
        ("Moscow said the talks failed.", "Moscow", "RUSGOV"),
        ("The Kremlin denied it.", "The Kremlin", "RUSGOV"),
        ("The White House objected.", "White House", "USAGOV"),
        ("Kyiv rejected the offer.", "Kyiv", "UKRGOV"),
        ("Beijing's response was swift.", "Beijing", "CHNGOV"),
        ("Pyongyang fired a missile.", "Pyongyang", "PRKGOV"),
        ("Downing Street declined to comment.", "Downing Street", "GBRGOV"),
    ],
)
def test_resolver_capitals_are_governments(
    resolver: ActorResolver, nlp: Language, text: str, span: str, code: str
) -> None:
    assert by_text(mentions(resolver, nlp, text)) == {span: (code,)}


@pytest.mark.parametrize(
    ("text", "span", "code"),
    [
        ("The Chinese military held drills.", "Chinese military", "CHNMIL"),
        ("Russian troops crossed the river.", "Russian troops", "RUSMIL"),
        ("The Chinese Foreign Ministry protested.", "Chinese Foreign Ministry", "CHNGOV"),
        ("The U.S. Congress passed a bill.", "U.S. Congress", "USALEG"),
        ("China's defence ministry warned.", "China's defence ministry", "CHNMIL"),
        ("The Foreign Minister of Japan arrived.", "Foreign Minister of Japan", "JPNGOV"),
        ("The Pentagon announced a sale.", "the Pentagon", "USAMIL"),
        ("Gazprom cut supplies.", "Gazprom", "RUSBUS"),
        ("The People's Liberation Army moved.", "People's Liberation Army", "CHNMIL"),
        ("Russian lawmakers voted.", "Russian lawmakers", "RUSLEG"),
        ("Former Russian officials objected.", "Russian officials", "RUSELI"),
    ],
)
def test_resolver_agents_attach_to_countries(
    resolver: ActorResolver, nlp: Language, text: str, span: str, code: str
) -> None:
    found = by_text(mentions(resolver, nlp, text))
    assert found == {span: (code,)} or found == {span[0].upper() + span[1:]: (code,)}


def test_resolver_igos(resolver: ActorResolver, nlp: Language) -> None:
    found = mentions(resolver, nlp, "NATO and the UN Security Council met; the SCO and BRICS too.")
    assert [(m.codes, m.kind) for m in found] == [
        (("IGOWSTNAT",), "igo"),
        (("IGOUNOSEC",), "igo"),
        (("IGOASASCO",), "igo"),
        (("IGOBUSBRI",), "igo"),
    ]


def test_resolver_pronoun_us_is_not_the_united_states(
    resolver: ActorResolver, nlp: Language
) -> None:
    assert mentions(resolver, nlp, "They told us to wait.") == []


def test_resolver_bare_agent_uses_unambiguous_paragraph(
    resolver: ActorResolver, nlp: Language
) -> None:
    text = "Japan sent a note. The ministry said it was serious.\n\nThe ministry disagreed."
    found = [(m.text, m.codes) for m in mentions(resolver, nlp, text)]
    # second paragraph: no country named, so the country is unknown
    assert found == [("Japan", ("JPN",)), ("ministry", ("JPNGOV",)), ("ministry", ("---GOV",))]
    text2 = "Japan and China argued. The ministry said it was serious."
    assert by_text(mentions(resolver, nlp, text2))["ministry"] == ("---GOV",)


def test_resolver_group_references_within_paragraph(resolver: ActorResolver, nlp: Language) -> None:
    text = (
        "Vladimir Putin hosted Xi Jinping in Moscow. They talked for hours.\n\n"
        "Later the two leaders signed a deal. The two countries praised it.\n\n"
        "India welcomed the talks with Brazil. Both sides gained. The two countries agreed."
    )
    found = mentions(resolver, nlp, text, D(2023, 3, 21))
    refs = [(m.text, m.codes) for m in found if m.kind == "reference"]
    # paragraph 2 names nobody before its references: they take the story's last pair
    # (tripolar.actors.story); paragraph 3 has its own pair
    assert refs == [
        ("the two leaders", ("RUSGOV", "CHNGOV")),
        ("The two countries", ("RUS", "CHN")),
        ("Both sides", ("IND", "BRA")),
        ("The two countries", ("IND", "BRA")),
    ]
    text2 = "Putin met Xi in Beijing. After lunch the two leaders signed a deal."
    refs2 = [m for m in mentions(resolver, nlp, text2, D(2023, 3, 21)) if m.kind == "reference"]
    assert [(m.text, m.codes) for m in refs2] == [("the two leaders", ("RUSGOV", "CHNGOV"))]


def test_resolver_pronoun_resolves_only_when_unambiguous(
    resolver: ActorResolver, nlp: Language
) -> None:
    text = "Sergei Lavrov arrived in Delhi. He said his talks went well."
    refs = [
        (m.text, m.codes)
        for m in mentions(resolver, nlp, text, D(2021, 4, 6))
        if m.kind == "reference"
    ]
    assert refs == [("He", ("RUSGOV",)), ("his", ("RUSGOV",))]
    ambiguous = "Putin met Xi Jinping. He said nothing."
    assert not [
        m for m in mentions(resolver, nlp, ambiguous, D(2021, 1, 1)) if m.kind == "reference"
    ]
    # a paragraph that opens with "He" takes the story's last man, unless ambiguous
    other_paragraph = "Sergei Lavrov arrived.\n\nHe said nothing."
    assert [
        (m.text, m.codes)
        for m in mentions(resolver, nlp, other_paragraph, D(2021, 1, 1))
        if m.kind == "reference"
    ] == [("He", ("RUSGOV",))]
    two_men = "Putin met Xi Jinping.\n\nHe said nothing."
    assert not [m for m in mentions(resolver, nlp, two_men, D(2021, 1, 1)) if m.kind == "reference"]
    gendered = "Angela Merkel met Emmanuel Macron. She called it useful."
    refs_she = [
        m for m in mentions(resolver, nlp, gendered, D(2019, 1, 1)) if m.kind == "reference"
    ]
    assert [(m.text, m.codes) for m in refs_she] == [("She", ("DEUGOV",))]


def test_resolver_offsets_are_document_wide(resolver: ActorResolver, nlp: Language) -> None:
    text = "Intro line.\n\nSecond paragraph mentions Tokyo and Seoul."
    found = mentions(resolver, nlp, text)
    assert [(text.index("Tokyo"), "Tokyo"), (text.index("Seoul"), "Seoul")] == [
        (m.start, m.text) for m in found
    ]


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_resolver_name_with_either_apostrophe(
    resolver: ActorResolver, nlp: Language, apostrophe: str
) -> None:
    name = f"Democratic People{apostrophe}s Republic of Korea"
    found = mentions(resolver, nlp, f"Moscow signed a treaty with the {name}.", D(2024, 6, 20))
    assert by_text(found)[name] == ("PRK",)
