"""Page furniture in real articles: a dateline that opens the lead ("MOSCOW, March 3 (Reuters)
-") is split off, so its place is no party and its date no event's date; a speaker's label
("NATO: ...") stays; a short date line above a paragraph does not cut the next sentence's
parse. Texts written here."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tripolar.ingest import read_paths
from tripolar.ingest.dates import dateline_end, split_lead_dateline
from tripolar.model import Document
from tripolar.pipeline import Pipeline


@pytest.mark.parametrize(
    ("paragraph", "dateline"),
    [
        ("OSLO, March 3 (Reuters) - Norway said ...", "OSLO, March 3 (Reuters)"),
        ("LIMA (AP) \u2014 Peru said ...", "LIMA (AP)"),
        ("SANTIAGO \u2014Chile said ...", "SANTIAGO"),
        ("Bergen [Norway], October 27 : The minister said ...", "Bergen [Norway], October 27"),
        ("Lima, June 17: A day after ...", "Lima, June 17"),
        ("(Newswire) \u2013 Norway imposed ...", "(Newswire)"),
    ],
)
def test_ingest_page_furniture_lead_dateline_is_split(paragraph: str, dateline: str) -> None:
    head, lead = split_lead_dateline(paragraph)
    assert head == dateline
    assert lead[0].isupper() and paragraph.endswith(lead)


@pytest.mark.parametrize(
    "paragraph",
    [
        "NATO: Chile has become a decisive enabler.",
        "Peru: we will respond.",
        "US - Chile talks resumed on Monday.",
        "Norway and Chile - old friends - met.",
        "OSLO, March 3 (Reuters)",
    ],
)
def test_ingest_page_furniture_no_dateline(paragraph: str) -> None:
    assert dateline_end(paragraph) == 0
    assert split_lead_dateline(paragraph) == [paragraph]


def test_ingest_page_furniture_record_lead_loses_its_dateline(tmp_path: Path) -> None:
    record = {
        "id": "r1",
        "title": "Norway and Chile sign a deal",
        "date": "2019-04-10",
        "text": "OSLO, April 9 (Reuters) - Norway signed a fishing agreement with Chile.",
    }
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (document,) = list(read_paths([path]))
    assert isinstance(document, Document)
    assert document.text.split("\n\n") == [
        "OSLO, April 9 (Reuters)",
        "Norway signed a fishing agreement with Chile.",
    ]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def test_ingest_page_furniture_dateline_date_is_not_the_events(pipeline: Pipeline) -> None:
    """Published Wednesday 2019-04-10; the lead's "on Monday" is the 8th, not the
    dateline's 9 April."""
    coded = pipeline.code_text(
        "OSLO, April 9 (Reuters) - Norway criticised Chile on Monday.", dt.date(2019, 4, 10)
    )
    assert [(e.source[:3], e.target[:3], e.event_date) for e in coded.events] == [
        ("NOR", "CHL", dt.date(2019, 4, 8))
    ]


def test_ingest_page_furniture_date_line_does_not_cut_the_next_sentence(
    pipeline: Pipeline,
) -> None:
    coded = pipeline.code_text(
        "Xinhua, September 13, 2016\n\nChina and Russia held talks.", dt.date(2016, 9, 13)
    )
    assert {(e.source, e.target, e.code) for e in coded.events} == {
        ("CHN", "RUS", "046"),
        ("RUS", "CHN", "046"),
    }


@pytest.mark.parametrize(
    ("paragraph", "pieces"),
    [
        (
            "Talks ended on Monday. OSLO, March 2 (Newswire) -- Norway signed a deal.",
            ["Talks ended on Monday.", "OSLO, March 2 (Newswire)", "Norway signed a deal."],
        ),
        (
            "Chile agreed. Lima, June 17 - The minister said no. It ended.",
            ["Chile agreed.", "Lima, June 17", "The minister said no. It ended."],
        ),
        (
            "Chile agreed. (Newswire) - Peru objected.",
            ["Chile agreed.", "(Newswire)", "Peru objected."],
        ),
    ],
)
def test_ingest_page_furniture_run_on_dispatch_is_split(paragraph: str, pieces: list[str]) -> None:
    assert split_lead_dateline(paragraph) == pieces


@pytest.mark.parametrize(
    "paragraph",
    [
        "Chile left. NATO - the alliance - met.",
        "Chile left. Lima [Peru]: the talks resumed.",
        "The date was fixed as Lima, June 17 was free.",
    ],
)
def test_ingest_page_furniture_story_sentences_are_no_dispatch(paragraph: str) -> None:
    assert split_lead_dateline(paragraph) == [paragraph]


def test_ingest_page_furniture_run_on_dispatch_place_is_no_party(tmp_path: Path) -> None:
    """A second dispatch run on in the paragraph: its city is no party, its agency no
    source and its month no protest march."""
    record = {
        "id": "r2",
        "date": "2019-03-10",
        "text": "Chile hosted Peru last week. MOSCOW, March 9 (Xinhua) -- Norway signed a "
        "fishing agreement with Chile on Saturday.",
    }
    path = tmp_path / "b.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (document,) = list(read_paths([path]))
    assert isinstance(document, Document)
    coded = Pipeline().code_document(document)
    assert {(e.source[:3], e.target[:3], e.code) for e in coded.events} == {
        ("CHL", "PER", "043"),
        ("NOR", "CHL", "057"),
    }
