"""Topic tagging by the lexicon, the per-dyad breakdown and the SQL path."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from tripolar.analytics import Lexicon, topic_breakdown, topics
from tripolar.errors import ConfigError
from tripolar.model import CodedDocument, Document, Event, Sentence

SENTENCES = [
    (
        "Moscow agreed to ship more liquefied natural gas to Beijing next winter.",
        "CHNGOV",
        "RUSGOV",
        6.0,
        2,
    ),
    (
        "Washington imposed sanctions on three shipping firms from Russia.",
        "USAGOV",
        "RUSGOV",
        -8.0,
        4,
    ),
    ("Beijing and Moscow held naval drills and discussed a rail link.", "CHNGOV", "RUSGOV", 7.0, 2),
    ("The two sides exchanged views.", "CHNGOV", "USAGOV", 1.0, 1),
    ("Officials talked about the supportive climate.", "CHNGOV", "USAGOV", 1.0, 1),
]


def frame() -> pd.DataFrame:
    rows = []
    for i, (text, source, target, goldstein, quad) in enumerate(SENTENCES):
        rows.append(
            {
                "doc_id": f"d{i}",
                "sentence_index": 0,
                "sentence": text,
                "start": 0,
                "end": len(text),
                "event_date": pd.Timestamp("2024-03-01"),
                "date_basis": "text",
                "source": source,
                "target": target,
                "code": "x",
                "root": "x",
                "goldstein": goldstein,
                "quad_class": quad,
                "rule": "t",
                "source_text": "",
                "target_text": "",
                "trigger_start": 0,
                "trigger_end": 1,
                "event_id": f"e{i}",
                "title": "t",
                "url": "",
                "published": pd.NaT,
            }
        )
    return pd.DataFrame(rows)


def test_topics_tag_by_whole_words_and_wildcards() -> None:
    tags = topics(frame())
    by_event = tags.groupby("event_id")["topic"].apply(set).to_dict()
    assert by_event["e0"] == {"energy"}
    assert by_event["e1"] == {"sanctions"}
    assert by_event["e2"] == {"arms_military", "infrastructure_rail"}
    assert "e3" not in by_event
    assert "e4" not in by_event  # "supportive" must not match "port"
    terms = dict(zip(tags["event_id"] + tags["topic"], tags["term"], strict=True))
    assert terms["e0energy"] == "liquefied natural gas"  # longest term wins
    assert terms["e1sanctions"] == "sanctions"  # sanction* matched the plural


def test_topics_breakdown_per_dyad() -> None:
    out = topic_breakdown(frame(), actors=("CHN", "RUS", "USA"))
    chn_rus = out[out["dyad"] == "CHN-RUS"].set_index("topic")
    assert chn_rus.loc["energy", "n_events"] == 1
    assert chn_rus.loc["energy", "share"] == pytest.approx(0.5)
    assert chn_rus.loc["arms_military", "net_coop"] == pytest.approx(7.0)
    assert out[out["dyad"] == "CHN-USA"].set_index("topic").loc["other", "n_events"] == 2
    assert out[out["dyad"] == "RUS-USA"].set_index("topic").loc["sanctions", "net_coop"] == -8.0


def test_topics_sql_path_matches_pandas(store) -> None:  # type: ignore[no-untyped-def]
    docs = []
    for i, (text, source, target, goldstein, quad) in enumerate(SENTENCES):
        doc = Document(doc_id=f"d{i}", text=text)
        event = Event(
            f"d{i}",
            0,
            0,
            len(text),
            text,
            source,
            target,
            "x",
            "x",
            goldstein,
            quad,
            dt.date(2024, 3, 1),
            "text",
            "t",
            0,
            1,
            event_id=f"e{i}",
        )
        docs.append(CodedDocument(doc, (Sentence(f"d{i}", 0, 0, len(text), text),), (event,)))
    store.add(docs)
    from_sql = topics(store).sort_values(["event_id", "topic"]).reset_index(drop=True)
    from_frame = topics(frame())
    pd.testing.assert_frame_equal(from_sql, from_frame, check_dtype=False)


def test_topics_lexicon_file_errors(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "lex.tsv"
    bad.write_text("energy oil\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        Lexicon.load(bad)
    good = tmp_path / "good.tsv"
    good.write_text("# comment\nspace\tsatellite*\n", encoding="utf-8")
    tags = topics(frame().assign(sentence="A satellites deal."), lexicon=Lexicon.load(good))
    assert set(tags["topic"]) == {"space"} and len(tags) == 5
