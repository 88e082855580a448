"""Putting one of tripolar's stand-ins in the place of a spaCy component."""

from __future__ import annotations

from spacy.language import Language


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
