"""Evaluate the assessment extractor on labelled commentary sentences.

    .venv/bin/python bench/assessments_eval.py                 # own sets + real commentary
    .venv/bin/python bench/assessments_eval.py --set dev -v    # list every miss
    .venv/bin/python bench/assessments_eval.py --set commentary --errors /tmp/misses.jsonl
    .venv/bin/python bench/assessments_eval.py --resolver fallback

Own sets (``dev``, ``eval``, written for this project, in ``bench/data``):

Each JSONL line: {"id", "text", "gold": [{"subject": "CHN-RUS", "polarity": 1}], "tags": [...]}.
``gold`` is empty for event reports and background that must yield no assessment.

Subject detection is scored per sentence: the predicted subjects (deduplicated) against the
gold ones (precision, recall, F1). Polarity accuracy is the share of correctly detected
subjects whose sign (-1/0/+1) matches the gold one. Figures are also given for the "hard"
subset (sentences tagged with negation, contrast, hedge, prescription, conditional,
attribution, anaphora, shifter, comparison) and for the no-assessment sentences.

Real commentary (``commentary``: ``../shared/eval/commentary_dev/commentary_dev.jsonl``, hand
labelled outside the project; skipped with a message when ``../shared`` is missing): each record
is coded as one document by the ingest pipeline (``tripolar.pipeline.Pipeline``): its
``context`` sentence, a space, then its ``text``; only the assessments whose sentence starts
inside ``text`` count. Subject P/R/F1 over the deduplicated subjects of each record; the sign is
right when the predicted sign equals the gold one (the strongest gold entry for that subject);
the holder is right when both say author, or a named holder shares a word with the gold one; a
false alarm is a record with no gold assessment that gets any.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc

from tripolar.assessments import AssessmentExtractor, sign
from tripolar.model import Document, Mention

if TYPE_CHECKING:
    from tripolar.pipeline import Pipeline

DATA = Path(__file__).parent / "data"
SETS = {"dev": DATA / "assessments_dev.jsonl", "eval": DATA / "assessments_eval.jsonl"}
REPO = Path(__file__).resolve().parent.parent
COMMENTARY = REPO.parent / "shared" / "eval" / "commentary_dev" / "commentary_dev.jsonl"
TARGETS = {"subject_f1": 0.75, "sign_accuracy": 0.90, "false_alarm_rate": 0.15}
HARD_TAGS = frozenset(
    {
        "negation",
        "contrast",
        "hedge",
        "prescription",
        "conditional",
        "attribution",
        "anaphora",
        "shifter",
        "comparison",
    }
)

# Fallback finder, used only when the real actor resolver cannot be loaded: country
# names, adjectives, capitals, seats of government and a few leaders.
_FALLBACK_NAMES: dict[str, tuple[str, ...]] = {
    "CHN": (
        "China",
        "Chinese",
        "Beijing",
        "PRC",
        "Zhongnanhai",
        "Xi Jinping",
        "Xi",
        "Sino",
        "Wang Yi",
        "Li Qiang",
    ),
    "RUS": (
        "Russia",
        "Russian",
        "Russians",
        "Moscow",
        "Kremlin",
        "Putin",
        "Vladimir Putin",
        "Lavrov",
        "Sergei Lavrov",
        "Russo",
        "Medvedev",
    ),
    "USA": (
        "United States",
        "U.S.",
        "US",
        "America",
        "American",
        "Americans",
        "Washington",
        "White House",
        "Pentagon",
        "Biden",
        "Trump",
        "Obama",
        "Blinken",
    ),
    "IND": ("India", "Indian", "New Delhi", "Delhi", "Modi"),
    "JPN": ("Japan", "Japanese", "Tokyo"),
    "EUR": ("European Union", "EU", "Europe", "European", "Brussels"),
    "UKR": ("Ukraine", "Ukrainian", "Kyiv", "Kiev"),
    "PRK": ("North Korea", "Pyongyang"),
    "KAZ": ("Kazakhstan", "Astana"),
    "DEU": ("Germany", "German", "Berlin"),
    "GBR": ("Britain", "British", "London"),
}
_FALLBACK_PATTERN = re.compile(
    r"\b("
    + "|".join(
        re.escape(name)
        for name in sorted(
            {n for names in _FALLBACK_NAMES.values() for n in names}, key=len, reverse=True
        )
    )
    + r")(?:'s)?\b"
)
_FALLBACK_CODE = {name: code for code, names in _FALLBACK_NAMES.items() for name in names}


def fallback_mentions(doc: Doc, on: dt.date | None = None) -> list[Mention]:
    """Country names, adjectives and capitals; hyphenated pairs become one compound mention."""
    text = doc.text
    found = [
        (m.start(1), m.end(1), _FALLBACK_CODE[m.group(1)]) for m in _FALLBACK_PATTERN.finditer(text)
    ]
    mentions: list[Mention] = []
    index = 0
    while index < len(found):
        start, end, code = found[index]
        if index + 1 < len(found) and text[end : found[index + 1][0]] == "-":
            _, next_end, next_code = found[index + 1]
            mentions.append(
                Mention(start, next_end, text[start:next_end], (code, next_code), "compound")
            )
            index += 2
            continue
        mentions.append(Mention(start, end, text[start:end], (code,), "state"))
        index += 1
    return mentions


MentionFinder = Callable[[Doc, "dt.date | None"], list[Mention]]


def make_finder(nlp: Language, choice: str) -> tuple[MentionFinder, str]:
    """The real ActorResolver when it loads (unless --resolver fallback), else the fallback."""
    if choice != "fallback":
        try:
            from tripolar.actors import ActorDictionary, ActorResolver

            resolver = ActorResolver(ActorDictionary.builtin(), nlp)
            return resolver.find_mentions, "tripolar.actors.ActorResolver"
        except Exception as exc:  # the actors stage is optional here; say why it was skipped
            if choice == "actors":
                raise
            return fallback_mentions, f"fallback name list (actors stage unavailable: {exc})"
    return fallback_mentions, "fallback name list"


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    polarity_right: int = 0
    sentences: int = 0
    empty_sentences: int = 0
    empty_clean: int = 0

    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    def f1(self) -> float:
        p, r = self.precision(), self.recall()
        return 2 * p * r / (p + r) if p + r else 0.0

    def polarity_accuracy(self) -> float:
        return self.polarity_right / self.tp if self.tp else 0.0

    def summary(self) -> dict[str, float | int]:
        return {
            "sentences": self.sentences,
            "subjects_gold": self.tp + self.fn,
            "subject_precision": round(self.precision(), 3),
            "subject_recall": round(self.recall(), 3),
            "subject_f1": round(self.f1(), 3),
            "polarity_accuracy": round(self.polarity_accuracy(), 3),
            "no_assessment_sentences": self.empty_sentences,
            "no_assessment_clean": self.empty_clean,
        }


def evaluate(
    path: Path,
    nlp: Language,
    finder: MentionFinder,
    extractor: AssessmentExtractor,
    *,
    verbose: bool = False,
) -> dict[str, dict[str, float | int]]:
    overall, hard = Tally(), Tally()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        doc = nlp(item["text"])
        mentions = finder(doc, dt.date(2024, 6, 1))
        found = extractor.extract(doc, mentions, doc_id=item["id"], published=None)
        predicted: dict[str, int] = {}
        for record in found:
            predicted[record.subject] = sign(record.polarity)
        gold = {g["subject"]: int(g["polarity"]) for g in item["gold"]}
        tallies = [overall] + ([hard] if HARD_TAGS & set(item.get("tags", ())) else [])
        for tally in tallies:
            _count(tally, gold, predicted)
        if verbose and (
            set(gold) != set(predicted)
            or any(predicted.get(s) != p for s, p in gold.items() if s in predicted)
        ):
            print(f"{item['id']}: gold={gold} predicted={predicted} :: {item['text']}")
    return {"all": overall.summary(), "hard": hard.summary()}


def _count(tally: Tally, gold: dict[str, int], predicted: dict[str, int]) -> None:
    tally.sentences += 1
    if not gold:
        tally.empty_sentences += 1
        tally.empty_clean += int(not predicted)
    for subject, polarity in predicted.items():
        if subject in gold:
            tally.tp += 1
            tally.polarity_right += int(gold[subject] == polarity)
        else:
            tally.fp += 1
    tally.fn += sum(1 for subject in gold if subject not in predicted)


def published_date(value: str) -> dt.date | None:
    """'2020-05-03' or '2020' (the middle of the year where only the year is known)."""
    try:
        if len(value) == 4:
            return dt.date(int(value), 7, 1)
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def commentary_document(item: dict[str, Any], *, with_source: bool = True) -> tuple[Document, int]:
    """One record as one document: context, a space, the sentence; and where the sentence starts.
    The record's source is the document's URL, or its title where it names an essay, not a page.
    Without it, only the two sentences can name the pair the judgement is about."""
    context = item.get("context") or ""
    prefix = f"{context} " if context else ""
    published = published_date(str(item.get("published", "")))
    source = (item.get("doc") or None) if with_source else None
    page = source is None or "://" in source or source.startswith("www.")
    document = Document(
        doc_id=str(item["id"]),
        text=prefix + item["text"],
        url=source if page else None,
        title=None if page else source,
        published=published,
        date_basis="publication" if published else "none",
    )
    return document, len(prefix)


def gold_signs(assessments: Sequence[dict[str, Any]]) -> dict[str, int]:
    """Subject -> the sign of its strongest gold assessment."""
    strongest: dict[str, float] = {}
    for entry in assessments:
        subject, polarity = entry["subject"], float(entry["polarity"])
        if subject not in strongest or abs(polarity) > abs(strongest[subject]):
            strongest[subject] = polarity
    return {subject: sign(polarity) for subject, polarity in strongest.items()}


def same_holder(gold: str, predicted: str) -> bool:
    """'author' on both sides, or a shared word of a named holder ('Vladimir Putin' and
    'President Putin'; 'Japanese officials' and 'officials')."""
    if gold == "author" or predicted in ("author", "unattributed"):
        return gold == predicted
    words = {w.strip(".,'’").lower() for w in gold.split()} - {"the", "of", "and"}
    return bool(words & {w.strip(".,'’").lower() for w in predicted.split()})


def evaluate_commentary(
    path: Path,
    pipeline: Pipeline,
    *,
    errors: list[dict[str, Any]] | None = None,
    verbose: bool = False,
    with_source: bool = True,
) -> dict[str, float | int]:
    """Subject P/R/F1, sign accuracy and false alarms of the pipeline on real commentary."""
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    documents = [commentary_document(item, with_source=with_source) for item in items]
    tally = Tally()
    holder_right = holder_total = 0
    held: dict[str, bool] = {}
    coded_all = pipeline.code_documents(document for document, _ in documents)
    for item, (_, offset), coded in zip(items, documents, coded_all, strict=True):
        own = [a for a in coded.assessments if a.start >= offset]
        predicted: dict[str, int] = {}
        for record in own:
            predicted.setdefault(record.subject, sign(record.polarity))
        gold = gold_signs(item["assessments"])
        _count(tally, gold, predicted)
        for record in own:
            holders = [g["holder"] for g in item["assessments"] if g["subject"] == record.subject]
            if holders and record.subject not in held:
                held[record.subject] = True
                holder_total += 1
                holder_right += int(any(same_holder(h, record.holder) for h in holders))
        held.clear()
        wrong_sign = [s for s, p in gold.items() if s in predicted and predicted[s] != p]
        if set(gold) != set(predicted) or wrong_sign:
            miss = {
                "id": item["id"],
                "text": item["text"],
                "context": item.get("context", ""),
                "missed": sorted(set(gold) - set(predicted)),
                "spurious": sorted(set(predicted) - set(gold)),
                "wrong_sign": wrong_sign,
                "gold": item["assessments"],
                "predicted": [
                    {
                        "subject": a.subject,
                        "polarity": a.polarity,
                        "dimension": a.dimension,
                        "modality": a.modality,
                        "holder": a.holder,
                        "holder_code": a.holder_code,
                        "cues": list(a.cues),
                    }
                    for a in own
                ],
            }
            if errors is not None:
                errors.append(miss)
            if verbose:
                print(f"{item['id']}: gold={gold} predicted={predicted} :: {item['text']}")
    false_alarms = tally.empty_sentences - tally.empty_clean
    return {
        "records": tally.sentences,
        "subjects_gold": tally.tp + tally.fn,
        "subject_precision": round(tally.precision(), 3),
        "subject_recall": round(tally.recall(), 3),
        "subject_f1": round(tally.f1(), 3),
        "sign_accuracy": round(tally.polarity_accuracy(), 3),
        "holder_right": round(holder_right / holder_total, 3) if holder_total else 0.0,
        "no_judgement_records": tally.empty_sentences,
        "false_alarms": false_alarms,
        "false_alarm_rate": round(false_alarms / tally.empty_sentences, 3)
        if tally.empty_sentences
        else 0.0,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=["dev", "eval", "commentary", "all"], default="all")
    parser.add_argument("--resolver", choices=["auto", "actors", "fallback"], default="auto")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    parser.add_argument("--json", action="store_true", help="print figures as JSON")
    parser.add_argument("--no-prefilter", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--errors", type=Path, help="write the commentary records with a miss to FILE (JSONL)"
    )
    parser.add_argument(
        "--without-source",
        action="store_true",
        help="code each commentary record without its page URL or essay title",
    )
    args = parser.parse_args(argv)

    from tripolar.nlp import load_pipeline

    nlp = load_pipeline()
    finder, finder_name = make_finder(nlp, args.resolver)
    extractor = AssessmentExtractor()
    names = ["dev", "eval"] if args.set == "all" else [args.set] if args.set != "commentary" else []
    results: dict[str, Any] = {"mentions": finder_name}
    for name in names:
        results[name] = evaluate(SETS[name], nlp, finder, extractor, verbose=args.verbose)
    if args.set in ("commentary", "all"):
        if COMMENTARY.is_file():
            from tripolar.pipeline import Pipeline

            errors: list[dict[str, Any]] = []
            pipeline = Pipeline(prefilter=not args.no_prefilter)
            results["commentary"] = evaluate_commentary(
                COMMENTARY,
                pipeline,
                errors=errors,
                verbose=args.verbose,
                with_source=not args.without_source,
            )
            if args.errors is not None:
                args.errors.write_text(
                    "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors),
                    encoding="utf-8",
                )
        else:
            print(f"commentary: skipped, {COMMENTARY} not found (needs ../shared/eval)")
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"mentions: {finder_name}")
    for name in names:
        for subset, figures in results[name].items():
            shown = "  ".join(f"{k}={v}" for k, v in figures.items())
            print(f"{name:5s} {subset:5s} {shown}")
    if "commentary" in results:
        figures = results["commentary"]
        source = "without URL or title" if args.without_source else "with its URL or title"
        print(f"commentary (../shared/eval/commentary_dev, context + sentence, {source}):")
        print("  " + "  ".join(f"{k}={v}" for k, v in figures.items()))
        met = [
            figures["subject_f1"] >= TARGETS["subject_f1"],
            figures["sign_accuracy"] >= TARGETS["sign_accuracy"],
            figures["false_alarm_rate"] <= TARGETS["false_alarm_rate"],
        ]
        print(
            f"  targets: subject F1 >= 0.75 {'met' if met[0] else 'not met'}; "
            f"sign >= 0.90 {'met' if met[1] else 'not met'}; "
            f"false alarms <= 15% {'met' if met[2] else 'not met'}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
