"""Actor arguments typed by people: one parser for the CLI, the API, the store and analytics."""

from __future__ import annotations

import pytest

from tripolar.actors.lookup import (
    code_name,
    describe,
    dyad_label_name,
    resolve_actor,
    resolve_actors,
    resolve_dyad,
)
from tripolar.analytics import relations
from tripolar.analytics.periods import normalise_actors, parse_dyad, triangle_actors
from tripolar.errors import AnalyticsError, UnknownActorError
from tripolar.model import CodedDocument, Document, Event
from tripolar.store import Store


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("CHN", "CHN"),
        ("chn", "CHN"),
        ("China", "CHN"),
        ("Chinese", "CHN"),
        ("People's Republic of China", "CHN"),
        ("russia", "RUS"),
        ("Russian", "RUS"),
        ("United States", "USA"),
        ("US", "USA"),
        ("American", "USA"),
        ("Iran", "IRN"),
        ("Guinea-Bissau", "GNB"),
        ("NATO", "IGOWSTNAT"),
        ("IGOWSTNAT", "IGOWSTNAT"),
        ("RUSGOV", "RUSGOV"),
        ("IGO", "IGO"),
    ],
)
def test_actors_lookup_accepts_codes_names_and_demonyms(text: str, code: str) -> None:
    assert resolve_actor(text) == code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CHN-RUS", ("CHN", "RUS", False)),
        ("China-Russia", ("CHN", "RUS", False)),
        ("CHN RUS", ("CHN", "RUS", False)),
        ("CHN_RUS", ("CHN", "RUS", False)),
        ("China,Russia", ("CHN", "RUS", False)),
        ("CHN->RUS", ("CHN", "RUS", True)),
        ("United States-China", ("USA", "CHN", False)),
        ("Guinea-Bissau-China", ("GNB", "CHN", False)),
        ("NATO-Russia", ("IGOWSTNAT", "RUS", False)),
    ],
)
def test_actors_lookup_dyads_in_every_spelling(text: str, expected: tuple[str, str, bool]) -> None:
    assert resolve_dyad(text) == expected


def test_actors_lookup_refuses_unknown_with_a_suggestion() -> None:
    with pytest.raises(UnknownActorError, match=r"E003.*'CHI'.*did you mean.*CHN \(China\)"):
        resolve_actor("CHI")
    with pytest.raises(UnknownActorError, match=r"did you mean RUS \(Russia\)"):
        resolve_dyad("China-Rusia")
    with pytest.raises(UnknownActorError, match=r"'Putin' is a person.*RUS"):
        resolve_actor("Putin")
    with pytest.raises(UnknownActorError, match="no actors given"):
        resolve_actors(" , ")


def test_actors_lookup_analytics_never_cut_names_to_three_letters() -> None:
    # the old parser turned China/Russia into CHI/RUS and matched nothing
    assert normalise_actors("China, Russia, USA") == ("CHN", "RUS", "USA")
    assert normalise_actors(["Chinese", "RUSGOV"]) == ("CHN", "RUS")
    assert parse_dyad("China->Russia") == ("CHN", "RUS", True)
    with pytest.raises(UnknownActorError):
        normalise_actors(["CHN", "Narnia"])


def test_actors_lookup_names_beside_codes() -> None:
    assert code_name("CHN") == "China"
    assert code_name("RUSGOV") == "Russia: government"
    assert code_name("IGOWSTNAT") == "NATO"
    assert code_name("---GOV").startswith("unknown country")
    assert code_name("ZZZ") == ""
    assert dyad_label_name("IGOWSTNAT-RUS") == "NATO – Russia"


def test_actors_lookup_describe_gives_terms_and_source() -> None:
    (putin,) = describe("Putin")
    assert putin.kind == "person" and putin.code == "RUSGOV"
    assert putin.terms and putin.source.startswith("actors/data/persons.tsv")
    assert {i.name for i in describe("IGOWSTNAT")} >= {"NATO", "Jens Stoltenberg"}
    assert not any(i.kind == "person" for i in describe("IGO"))  # no 'Igor' for a code


def _event(source: str, target: str, index: int) -> Event:
    return Event(
        doc_id="d1", sentence_index=index, sentence=f"s{index}", start=0, end=2,
        event_date=None, date_basis="publication", source=source, target=target,
        code="040", root="04", goldstein=1.0, quad_class=1, rule="test",
        trigger_start=index, trigger_end=index + 1,
    )  # fmt: skip


def test_actors_lookup_store_filters_by_name_and_organisation(store: Store) -> None:
    events = (_event("CHNGOV", "RUSGOV", 0), _event("IGOWSTNAT", "RUSMIL", 1))
    document = Document(doc_id="d1", text="s0 s1", title="t")
    store.add([CodedDocument(document, (), events)])
    assert len(store.events(dyad="China-Russia")) == 1
    assert len(store.events(dyad="CHN RUS")) == 1
    assert list(store.events(dyad="NATO-Russia")["source"]) == ["IGOWSTNAT"]
    assert len(store.events(actors=["Russia", "NATO"])) == 1
    with pytest.raises(UnknownActorError, match="did you mean"):
        store.events(dyad="CHI-RUS")


def test_actors_lookup_relations_accept_names(store: Store) -> None:
    frame = relations(store, actors="China,Russia", n_boot=0)
    assert set(frame["dyad"]) <= {"CHN-RUS"}


def test_actors_lookup_triangles_take_names() -> None:
    assert triangle_actors("China", "Russian", "United States") == ("CHN", "RUS", "USA")
    with pytest.raises(AnalyticsError, match="three different actors"):
        triangle_actors("China", "CHN", "USA")
