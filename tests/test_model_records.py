"""Records pickle by value, every field included (results travel back from Dask workers),
and `import tripolar` stays light until the API or the pipeline is used."""

from __future__ import annotations

import datetime as dt
import pickle
import subprocess
import sys
from dataclasses import fields

import pytest

from tripolar.model import (
    Assessment,
    CodedDocument,
    Document,
    Event,
    Failure,
    Mention,
    Sentence,
)

DAY = dt.date(2021, 6, 4)
DOCUMENT = Document("d1", "Text.", "Title", "https://x", "site", "a.txt", "3", "jsonl", DAY, "page")
SENTENCE = Sentence("d1", 2, 10, 20, "A sentence.", 1)
MENTION = Mention(3, 8, "Chile", ("CHL", "CHLGOV"), "state", "Chile")
EVENT = Event(
    "d1", 2, 10, 20, "A sentence.", "CHL", "PER", "042", "04", 1.9, 1, DAY, "text",
    "verb:visit", 12, 18, "Chile", "Peru", "event-id-1",
)  # fmt: skip
ASSESSMENT = Assessment(
    "d1", 2, 10, 20, "A sentence.", "CHL-PER", "dyad", 0.5, 0.8, "economic", "present",
    "fact", "author", DAY, "CHLGOV", ("trust",), 12, 17, True, True, "lexicon+x",
)  # fmt: skip
FAILURE = Failure("a.txt", 7, "not valid JSON")


@pytest.mark.parametrize(
    "record",
    [
        DOCUMENT,
        SENTENCE,
        MENTION,
        EVENT,
        ASSESSMENT,
        FAILURE,
        CodedDocument(DOCUMENT, (SENTENCE,), (EVENT,), (MENTION,), (ASSESSMENT,)),
    ],
    ids=lambda r: type(r).__name__,
)
def test_model_records_pickle_every_field(record: object) -> None:
    back = pickle.loads(pickle.dumps(record))
    assert type(back) is type(record)
    # field by field: Event.event_id takes no part in equality
    assert [getattr(back, f.name) for f in fields(record)] == [  # type: ignore[arg-type]
        getattr(record, f.name)
        for f in fields(record)  # type: ignore[arg-type]
    ]


def test_model_import_is_light_until_used() -> None:
    script = (
        "import sys, tripolar\n"
        "print('pandas' in sys.modules, 'spacy' in sys.modules)\n"
        "tripolar.open\n"
        "print('pandas' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", "True"]
