"""A deterministic news-like corpus for the throughput benchmark.

    .venv/bin/python bench/corpus.py OUT_DIR --words 1000000      # writes OUT_DIR/part-*.jsonl

Every sentence comes from templates written for this benchmark (no external text). The mix
is meant to look like wire copy about international affairs, where most sentences name no
two states: about half name no actor at all (markets, weather, local news, quotes), a
quarter name one, and the rest name two or more, often with an event verb. Articles have a
headline, 4-8 paragraphs of 2-5 sentences, a publication date between 2015 and 2022, and
sentences that carry dates ("on Tuesday", "on March 3", "last week"). The same seed and
word count always give the same files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path

# (name, adjective, capital, leader) -- leaders only where their term covers 2015-2022
STATES = [
    ("China", "Chinese", "Beijing", "Xi Jinping"),
    ("Russia", "Russian", "Moscow", "Vladimir Putin"),
    ("the United States", "American", "Washington", None),
    ("Japan", "Japanese", "Tokyo", None),
    ("India", "Indian", "New Delhi", "Narendra Modi"),
    ("Germany", "German", "Berlin", None),
    ("France", "French", "Paris", None),
    ("Britain", "British", "London", None),
    ("Iran", "Iranian", "Tehran", None),
    ("Turkey", "Turkish", "Ankara", None),
    ("Brazil", "Brazilian", "Brasilia", None),
    ("South Korea", "South Korean", "Seoul", None),
    ("Vietnam", "Vietnamese", "Hanoi", None),
    ("Kazakhstan", "Kazakh", "Astana", None),
    ("Pakistan", "Pakistani", "Islamabad", None),
    ("Egypt", "Egyptian", "Cairo", None),
]
AGENTS = ["officials", "diplomats", "the foreign ministry", "lawmakers", "troops", "the navy",
          "the central bank", "state media", "negotiators", "the defence ministry"]  # fmt: skip
EVENT_PHRASES = [
    "met {b} to discuss trade", "criticized {b} over its border policy",
    "signed an energy agreement with {b}", "accused {b} of interfering in its affairs",
    "praised {b} for its help after the floods", "imposed new sanctions on {b}",
    "held talks with {b} on regional security", "warned {b} against further provocations",
    "agreed with {b} to expand cooperation", "expelled two diplomats from {b}",
    "called on {b} to release the detained sailors", "offered {b} emergency aid",
    "condemned {b} for the missile test", "hosted a delegation from {b}",
    "rejected a proposal from {b}", "invited {b} to joint naval exercises",
]  # fmt: skip
ONE_ACTOR = [
    "{A} reported that exports grew {n} percent in {month}.",
    "{Adj} officials said the new rules would take effect {when}.",
    "The {adj} economy expanded at its slowest pace in {n} years.",
    "{A} plans to raise spending on railways and ports next year.",
    "Analysts in {cap} expect the central bank to hold rates steady.",
    "{A} has denied the reports, calling them groundless.",
    "Thousands of people attended a concert in {cap} {when}.",
    "{Adj} shares closed {n} percent higher after a volatile session.",
]  # fmt: skip
NO_ACTOR = [
    "Markets were calm in early trading, with the main index up {n} points.",
    "Heavy rain flooded several roads in the northern districts {when}.",
    "The company said its quarterly profit rose to {n} million dollars.",
    "Prices for wheat and soybeans fell for a third straight week.",
    "Local authorities opened {n} new schools in the region this autumn.",
    "The museum will reopen in spring after a long renovation.",
    "Traffic on the coastal highway was slowed by fog for most of the morning.",
    "A spokesman for the port operator declined to comment.",
    "The festival drew more visitors than organisers had expected.",
    "Fuel prices have risen by {n} percent since the start of the year.",
    "Engineers are still inspecting the bridge, which was closed {when}.",
    "The tournament final will be played in front of a sold-out stadium.",
    "Scientists said the drought could cut the harvest by a fifth.",
    "Shipping rates have doubled as demand for containers outstrips supply.",
    "\"We are cautiously optimistic,\" one trader said.",
    "The report was based on interviews with more than {n} households.",
    "Turnout in the regional vote was lower than four years ago.",
    "Several flights were cancelled because of strong winds.",
]  # fmt: skip
FOLLOW_UPS = [
    "The two leaders also discussed climate policy and investment.",
    "Both sides said the talks had been constructive.",
    "He told reporters that the meeting had been useful.",
    "The two countries have traded about {n} billion dollars a year.",
]  # fmt: skip
HEADLINES = [
    "{A} and {B} discuss trade", "Markets steady as investors weigh data",
    "{Adj} officials visit {cap2}", "Storm disrupts travel across the region",
    "{A} warns {B} over border dispute", "Harvest outlook dims after dry summer",
]  # fmt: skip
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _upper_first(text: str) -> str:
    return text[0].upper() + text[1:]


class _Writer:
    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)

    def state(self, exclude: tuple[str, ...] = ()) -> tuple[str, str, str, str | None]:
        while True:
            state = self.random.choice(STATES)
            if state[0] not in exclude:
                return state

    def when(self) -> str:
        r = self.random
        return r.choice(
            [
                f"on {r.choice(WEEKDAYS)}",
                f"on {r.choice(MONTHS)} {r.randint(1, 28)}",
                "last week",
                "earlier this month",
                f"on {r.randint(1, 28)} {r.choice(MONTHS)} {r.randint(2015, 2022)}",
            ]
        )

    def fill(self, template: str, a: tuple[str, str, str, str | None]) -> str:
        r = self.random
        b = self.state(exclude=(a[0],))
        return _upper_first(
            template.format(
                A=a[0], B=b[0], Adj=a[1], adj=a[1], cap=a[2], cap2=b[2],
                n=r.randint(2, 90), month=r.choice(MONTHS), when=self.when(),
            )
        )  # fmt: skip

    def event(self, a: tuple[str, str, str, str | None]) -> str:
        r = self.random
        b = self.state(exclude=(a[0],))
        kind = r.random()
        if kind < 0.3 and a[3] is not None:
            subject = f"{a[1]} President {a[3]}" if r.random() < 0.5 else a[3]
        elif kind < 0.6:
            subject = f"{a[1]} {r.choice(AGENTS).removeprefix('the ')}"
        else:
            subject = a[0]
        target = b[0] if r.random() < 0.7 else b[2]
        phrase = r.choice(EVENT_PHRASES).format(b=target)
        return _upper_first(f"{subject} {phrase} {self.when()}.")

    def paragraph(self, topic: tuple[str, str, str, str | None]) -> list[str]:
        r = self.random
        out: list[str] = []
        for _ in range(r.randint(2, 5)):
            roll = r.random()
            if roll < 0.52:
                out.append(self.fill(r.choice(NO_ACTOR), topic))
            elif roll < 0.78:
                a = topic if r.random() < 0.6 else self.state()
                out.append(self.fill(r.choice(ONE_ACTOR), a))
            elif roll < 0.93 or not out:
                out.append(self.event(topic if r.random() < 0.5 else self.state()))
            else:
                out.append(self.fill(r.choice(FOLLOW_UPS), topic))
        return out

    def article(self, number: int) -> dict[str, str]:
        r = self.random
        topic = self.state()
        published = dt.date(2015, 1, 1) + dt.timedelta(days=r.randint(0, 8 * 365 - 1))
        paragraphs = [" ".join(self.paragraph(topic)) for _ in range(r.randint(4, 8))]
        return {
            "id": f"bench-{number:07d}",
            "title": self.fill(r.choice(HEADLINES), topic),
            "date": published.isoformat(),
            "text": "\n\n".join(paragraphs),
        }


def generate(words: int, *, seed: int = 7) -> Iterator[dict[str, str]]:
    """Articles (id, title, date, text) until at least `words` words have been produced."""
    writer = _Writer(seed)
    produced, number = 0, 0
    while produced < words:
        article = writer.article(number)
        produced += len(article["text"].split())
        number += 1
        yield article


def write_corpus(
    directory: Path, words: int, *, seed: int = 7, per_file: int = 500
) -> tuple[int, int]:
    """Write JSONL files of `per_file` articles; returns (documents, words)."""
    directory.mkdir(parents=True, exist_ok=True)
    documents = total = 0
    handle = None
    try:
        for article in generate(words, seed=seed):
            if documents % per_file == 0:
                if handle is not None:
                    handle.close()
                handle = (directory / f"part-{documents // per_file:04d}.jsonl").open(
                    "w", encoding="utf-8"
                )
            handle.write(json.dumps(article) + "\n")
            documents += 1
            total += len(article["text"].split())
    finally:
        if handle is not None:
            handle.close()
    return documents, total


DISPATCH_COUNTRIES = ["China", "Russia", "the United States", "Japan", "India", "France", "Iran"]
DISPATCH_VERBS = [
    "signed a trade agreement with", "criticised", "met officials from", "threatened",
    "praised", "imposed sanctions on", "hosted a delegation from", "accused",
]  # fmt: skip


def write_dispatches(root: Path, count: int) -> Path:
    """`count` short dispatches, one .txt file each (doc00000.txt ...), in a new folder
    `root`: a headline and twelve one-sentence paragraphs, each an event between two of
    DISPATCH_COUNTRIES, numbered so that no two files are alike. Many small documents, for
    the runs that watch an ingest's transactions (bench/reader_latency.py, the crash tests)."""
    root.mkdir()
    for number in range(count):
        lines = [f"Dispatch number {number}", ""]
        for k in range(12):
            first = DISPATCH_COUNTRIES[(number + k) % len(DISPATCH_COUNTRIES)]
            second = DISPATCH_COUNTRIES[(number + 3 * k + 1) % len(DISPATCH_COUNTRIES)]
            verb = DISPATCH_VERBS[(number * 7 + k) % len(DISPATCH_VERBS)]
            lines.append(f"{first} {verb} {second} on Monday, according to report {number}-{k}.")
        (root / f"doc{number:05d}.txt").write_text("\n\n".join(lines), encoding="utf-8")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    documents, words = write_corpus(args.directory, args.words, seed=args.seed)
    print(f"{documents} documents, {words} words -> {args.directory}")


if __name__ == "__main__":
    main()
