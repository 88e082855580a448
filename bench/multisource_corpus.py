"""Write bench/data/multisource.jsonl: one real event, many reports, many outlets.

    .venv/bin/python bench/multisource_corpus.py          # rewrites the file (deterministic)

Every record is a short news report written for this bench from the phrasings below (no
sentence comes from any evaluation set). Each of the 36 events is reported by 2-6 documents
from different outlets (the URL's host), in different words, some on the day and some a day
later ("yesterday", "on Tuesday", a date, or no date at all). The near-misses that must stay
apart are among them: two meetings of the same pair a week apart, a meeting and a phone call
of the same pair on the same day, a sanction and its lifting a day later, and a pair's
criticism in both directions. Each record carries ``gold_event`` (which real event it
reports), ``gold_pair`` and ``gold_family`` (the countries and CAMEO family of that event):
bench/identity_eval.py scores the store's distinct events against them.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

OUT = Path(__file__).parent / "data" / "multisource.jsonl"

NAMES = {
    "CHN": ["Chinese President Xi Jinping", "Xi Jinping", "China", "Beijing"],
    "RUS": ["Russian President Vladimir Putin", "Vladimir Putin", "Russia", "Moscow"],
    "USA": ["US President Joe Biden", "Joe Biden", "the United States", "Washington"],
    "IND": ["Indian Prime Minister Narendra Modi", "Narendra Modi", "India", "New Delhi"],
    "JPN": ["Japanese Prime Minister Fumio Kishida", "Fumio Kishida", "Japan", "Tokyo"],
    "FRA": ["French President Emmanuel Macron", "Emmanuel Macron", "France", "Paris"],
    "DEU": ["German Chancellor Olaf Scholz", "Olaf Scholz", "Germany", "Berlin"],
    "TUR": ["Turkish President Recep Tayyip Erdogan", "Recep Tayyip Erdogan", "Turkey", "Ankara"],
    "GBR": ["British Prime Minister Rishi Sunak", "Rishi Sunak", "Britain", "London"],
    "IRN": ["Iranian President Ebrahim Raisi", "Ebrahim Raisi", "Iran", "Tehran"],
    "KOR": ["South Korean President Yoon Suk Yeol", "Yoon Suk Yeol", "South Korea", "Seoul"],
    "BRA": ["Brazilian President Luiz Inacio Lula da Silva", "Lula", "Brazil", "Brasilia"],
}  # fmt: skip

PHRASES = {  # family -> templates; {A} acts on {B}; {when} is a date phrase or nothing
    "04": [
        "{A} met {B} {when} for talks on trade and security.",
        "{B} hosted {A} {when}, and the two sides discussed energy cooperation.",
        "{A} held talks with {B} {when}.",
        "{A} and {B} met {when} to discuss the war in Ukraine.",
        "{A} sat down with {B} {when} at a summit that lasted three hours.",
        "Talks between {A} and {B} took place {when}, officials said.",
    ],
    "041": [
        "{A} spoke by phone with {B} {when}.",
        "{A} held a phone call with {B} {when}.",
        "{A} and {B} talked by telephone {when}, according to a readout.",
        "{A} spoke with {B} by phone {when} about the crisis.",
    ],
    "16": [
        "{A} imposed sanctions on {B} {when}.",
        "{A} slapped new sanctions on {B} {when} over its missile programme.",
        "{A} announced fresh sanctions against {B} {when}.",
        "{A} imposed new sanctions on {B} {when}, officials confirmed.",
    ],
    "08": [
        "{A} lifted sanctions on {B} {when}.",
        "{A} eased sanctions on {B} {when} after months of negotiations.",
        "{A} lifted some of its sanctions on {B} {when}.",
    ],
    "11": [
        "{A} criticised {B} {when} over its military drills.",
        "{A} condemned {B} {when} for the arrest of a journalist.",
        "{A} sharply criticized {B} {when}.",
        "{A} condemned {B} {when}, calling the move dangerous.",
    ],
    "05": [
        "{A} signed an agreement with {B} {when} on nuclear energy.",
        "{A} and {B} signed a trade agreement {when}.",
        "{A} signed a deal with {B} {when} to build a railway.",
        "{A} and {B} signed an accord {when}, officials said.",
    ],
}

# The CAMEO family the coder gives these phrasings (store/identity.py: root, but 041 alone).
EXPECTED_FAMILY = {"04": "04", "041": "041", "16": "16", "08": "08", "11": "11", "05": "05"}

OUTLETS = [
    "wire.example", "dailynews.example", "globe.example", "herald.example",
    "asiatimes.example", "eurodesk.example", "pacificpost.example", "capitalreport.example",
    "morningnews.example", "observer.example", "gazette.example", "courier.example",
]  # fmt: skip

START = dt.date(2023, 2, 6)  # a Monday; every date falls in 2023, when these leaders served


def schedule() -> list[tuple[str, str, str, str, dt.date, int]]:
    """(event id, family, actor A, actor B, day, reports) for every real event."""
    plan = [  # family, A, B, day offset, reports
        ("04", "CHN", "RUS", 0, 6),
        ("04", "CHN", "RUS", 7, 3),  # the same pair a week later: another meeting
        ("041", "USA", "CHN", 3, 4),
        ("04", "USA", "CHN", 3, 3),  # a meeting and a phone call of one pair, one day
        ("16", "USA", "IRN", 10, 4),
        ("08", "USA", "IRN", 11, 3),  # the sanction lifted the next day
        ("11", "JPN", "CHN", 14, 3),
        ("11", "CHN", "JPN", 14, 3),  # criticism returned the same day: two acts
        ("04", "IND", "USA", 17, 5),
        ("05", "IND", "RUS", 20, 4),
        ("04", "FRA", "DEU", 21, 2),
        ("041", "FRA", "CHN", 24, 2),
        ("04", "TUR", "RUS", 27, 4),
        ("16", "GBR", "RUS", 28, 3),
        ("04", "KOR", "JPN", 31, 5),
        ("05", "BRA", "CHN", 34, 3),
        ("11", "USA", "RUS", 35, 2),
        ("041", "DEU", "USA", 38, 3),
        ("04", "BRA", "USA", 41, 2),
        ("16", "USA", "RUS", 42, 6),
        ("04", "GBR", "FRA", 45, 3),
        ("11", "FRA", "IRN", 48, 2),
        ("05", "JPN", "IND", 49, 4),
        ("041", "KOR", "USA", 52, 2),
        ("04", "CHN", "BRA", 55, 5),
        ("11", "GBR", "CHN", 56, 3),
        ("04", "RUS", "IRN", 59, 3),
        ("05", "TUR", "GBR", 62, 2),
        ("16", "JPN", "RUS", 63, 3),
        ("04", "DEU", "IND", 66, 4),
        ("041", "CHN", "RUS", 69, 3),
        ("08", "GBR", "IRN", 70, 2),
        ("11", "IND", "CHN", 73, 3),
        ("04", "JPN", "USA", 76, 6),
        ("05", "KOR", "GBR", 77, 2),
        ("04", "TUR", "IRN", 80, 3),
    ]
    return [
        (f"E{i + 1:02d}", family, a, b, START + dt.timedelta(days=offset), reports)
        for i, (family, a, b, offset, reports) in enumerate(plan)
    ]


def when(day: dt.date, published: dt.date, choice: int) -> str:
    """A date phrase for ``day`` as written on ``published``, or '' (no date in the text)."""
    weekday = f"on {day:%A}"
    if published == day:
        return ["", weekday, "today", weekday][choice % 4]
    return ["yesterday", weekday, f"on {day:%B} {day.day}", ""][choice % 4]


def records() -> list[dict[str, str]]:
    rng = random.Random(17)
    out = []
    for event, family, a, b, day, reports in schedule():
        outlets = rng.sample(OUTLETS, reports)
        phrasings = rng.sample(range(len(PHRASES[family])), min(reports, len(PHRASES[family])))
        for n, outlet in enumerate(outlets):
            published = day + dt.timedelta(days=rng.random() < 0.4)
            template = PHRASES[family][phrasings[n % len(phrasings)]]
            leader = family in ("04", "041")  # meetings and calls are leaders' acts
            names_a = NAMES[a][:2] if leader else NAMES[a][2:]
            names_b = NAMES[b][:2] if leader else NAMES[b][2:]
            text = template.format(
                A=rng.choice(names_a), B=rng.choice(names_b), when=when(day, published, n)
            )
            text = " ".join(text.split()).replace(" ,", ",").replace(" .", ".")
            text = text[0].upper() + text[1:]
            out.append(
                {
                    "id": f"{event}-{n + 1}",
                    "url": f"https://{outlet}/{published.isoformat()}/{event.lower()}-{n + 1}",
                    "date": published.isoformat(),
                    "title": f"Report {event}-{n + 1}",
                    "text": text,
                    "gold_event": event,
                    "gold_pair": "-".join(sorted((a, b))),
                    "gold_family": EXPECTED_FAMILY[family],
                }
            )
    return out


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    rows = records()
    with OUT.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    events = len({r["gold_event"] for r in rows})
    print(f"wrote {len(rows)} reports of {events} events to {OUT}")


if __name__ == "__main__":
    main()
