"""The dyad summary table: country dyads only."""

from __future__ import annotations

import datetime as dt

from tripolar.analytics.summary import dyad_summary
from tripolar.pipeline import Pipeline
from tripolar.store import Store


def test_dyad_summary_leaves_out_parties_of_unknown_country(store: Store) -> None:
    text = (
        "Gunmen ambushed Tanzanian soldiers on Monday.\n\n"
        "Kenya criticized Tanzania on Tuesday for the border closure."
    )
    coded = Pipeline().code_text(text, dt.date(2021, 3, 4))
    assert any(e.source.startswith("---") for e in coded.events)  # the ambush is coded
    store.add([coded])
    assert dyad_summary(store)["dyad"].tolist() == ["KEN-TZA"]
