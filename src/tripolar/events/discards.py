"""PETRARCH discard lists: phrases that mark a sentence (or a whole story) as not news.

    # comment
    MONTHS LATER            a sentence holding the phrase codes no event
    +TYPHOON                a story (document) holding the phrase codes no event

Phrases match whole words, case-insensitively; ``_`` and spaces both separate words.
A line that holds no phrase is reported and skipped; an unreadable file raises
`DictionaryError`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tripolar.errors import DictionaryError
from tripolar.model import Event


@dataclass(slots=True)
class DiscardList:
    sentence_phrases: list[str] = field(default_factory=list)
    story_phrases: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "file line N: ..." messages
    _sentence: re.Pattern[str] | None = None
    _story: re.Pattern[str] | None = None

    @classmethod
    def from_files(cls, paths: Sequence[str | Path]) -> DiscardList:
        result = cls()
        for path in paths:
            try:
                text = Path(path).read_text(encoding="utf-8", errors="replace")
            except OSError as exc:
                raise DictionaryError(
                    f"cannot read the discard list ({exc})", path=str(path)
                ) from exc
            for number, raw in enumerate(text.splitlines(), start=1):
                line = raw.split("#", 1)[0].strip()
                if not line:
                    continue
                story = line.startswith("+")
                words = [w for w in re.split(r"[_\s]+", line.lstrip("+").lower()) if w]
                if not words:
                    result.problems.append(
                        f"{path} line {number}: expected a phrase after '+' - the line was skipped"
                    )
                    continue
                (result.story_phrases if story else result.sentence_phrases).append(" ".join(words))
        result._sentence = _regex(result.sentence_phrases)
        result._story = _regex(result.story_phrases)
        return result

    def __bool__(self) -> bool:
        return bool(self.sentence_phrases or self.story_phrases)

    def story_discarded(self, text: str) -> bool:
        return self._story is not None and self._story.search(text) is not None

    def sentence_discarded(self, sentence: str) -> bool:
        return self._sentence is not None and self._sentence.search(sentence) is not None

    def keep(self, events: Sequence[Event], text: str) -> list[Event]:
        """The events of a document's `text` that no discard phrase removes."""
        if not self or not events:
            return list(events)
        if self.story_discarded(text):
            return []
        return [e for e in events if not self.sentence_discarded(e.sentence)]


def _regex(phrases: list[str]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    alternatives = "|".join(r"[\s_]+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
