"""The title words a URL's path spells, for documents read without a title."""

from __future__ import annotations

import pytest

from tripolar.ingest.slug import url_title, without_site_name


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        pytest.param(
            "https://example.org/2019/03/us-japan-ties-cool-over-trade/",
            "US Japan Ties Cool Over Trade",
            id="two_letter_initialism_upper_cased",
        ),
        pytest.param(
            "https://example.org/news/u-k-india-talks-stall.html",
            "U.K. India Talks Stall",
            id="single_letters_join_into_an_initialism",
        ),
        pytest.param(
            "https://example.org/a/berlin_and_paris_drift_apart_4409172",
            "Berlin And Paris Drift Apart",
            id="underscores_and_page_id",
        ),
        pytest.param(
            "https://example.org/story/why-tokyo-looks-to-delhi/XyZ12ab",
            "Why Tokyo Looks To Delhi",
            id="segment_with_most_words",
        ),
        pytest.param(
            "https://example.org/search/label/China-Russia%20Relations",
            "China Russia Relations",
            id="encoded_spaces_join_words",
        ),
        pytest.param(
            "https://example.org/tag/japan+korea+ties", "Japan Korea Ties", id="plus_joins_words"
        ),
        pytest.param(
            "https://example.org/news/putin-xi-summit-moscow/",
            "Putin Xi Summit Moscow",
            id="two_letter_surname_stays_a_name",
        ),
        pytest.param(
            "https://example.org/a/sino-us-ties-enter-new-era/",
            "Sino-US Ties Enter New Era",
            id="combining_form_keeps_its_hyphen",
        ),
        pytest.param(
            "https://example.org/opinions/changing-dynamics-of-india-russia-ties-1.1426167",
            "Changing Dynamics Of India Russia Ties",
            id="dotted_page_id_dropped",
        ),
        pytest.param("https://example.org/index-6370.html", None, id="no_slug"),
        pytest.param("https://example.org/page?q=russia-china-ties-warm", None, id="query_ignored"),
        pytest.param(None, None, id="no_url"),
    ],
)
def test_ingest_url_title(url, expected):
    assert url_title(url) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        pytest.param("Putin praises ties - Times of India", "Putin praises ties", id="dash"),
        pytest.param("Xi visits Moscow | The Japan Times", "Xi visits Moscow", id="bar"),
        pytest.param("US-China ties: a new low", "US-China ties: a new low", id="no_site"),
        pytest.param(
            "Opinion | Why the Russia-China partnership will last",
            "Opinion | Why the Russia-China partnership will last",
            id="longer_last_part_kept",
        ),
    ],
)
def test_ingest_title_without_site_name(title, expected):
    assert without_site_name(title) == expected
