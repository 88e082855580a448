"""Putting one of tripolar's stand-ins in the place of a spaCy component."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc


class StandIn(ABC):
    """A pipeline component that works on one Doc at a time (`__call__`)."""

    @abstractmethod
    def __call__(self, doc: Doc) -> Doc: ...

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def replace_component(
    nlp: Language, name: str, factory: str, refused: type[Exception] = ValueError
) -> bool:
    """Build `factory` from the component `name` and put it there, under the same name.

    Returns False, and leaves the pipeline as it was, when there is no such component or
    the factory refuses it (raises `refused`)."""
    if name not in nlp.pipe_names:
        return False
    staged = f"{factory}_staged"
    try:
        nlp.add_pipe(factory, name=staged, after=name, config={"source": name})
    except refused:
        return False
    nlp.remove_pipe(name)
    nlp.rename_pipe(staged, name)
    return True
