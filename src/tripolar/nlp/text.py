"""The text of a Doc, joined once.

``Doc.text`` and ``Span.text`` join their tokens on every call, and one document passes
through several stages that each read its text (paragraphs, references, sentences,
assessments). The pipeline records the text where it builds a Doc - the tokens never change
afterwards - and these helpers read it back, joining only for a Doc built elsewhere.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

TEXT_KEY = "tripolar.text"


def remember_text(doc: Doc, text: str) -> Doc:
    """Record `text` as the text of `doc` (it must be exactly what the tokens join to)."""
    doc.user_data[TEXT_KEY] = text
    return doc


def doc_text(doc: Doc) -> str:
    """The text recorded for `doc`, joined (and recorded) here for a Doc built elsewhere."""
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str):
        text = doc.text
        remember_text(doc, text)
    return text


def span_text(span: Span) -> str:
    """``span.text``, sliced from its Doc's text."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def sentence_bounds(span: Span) -> tuple[int, int, str]:
    """(start, end, text) of a sentence without the whitespace around it.

    spaCy attaches the blank line after a paragraph's last sentence to that sentence as a
    whitespace token; stored sentences, their offsets and every table built from them leave
    it out (a trailing "\\n\\n" made blank table rows and line breaks inside CSV cells).
    """
    text = span_text(span)
    stripped = text.strip()
    if not stripped:
        return span.start_char, span.end_char, text
    start = span.start_char + (len(text) - len(text.lstrip()))
    return start, start + len(stripped), stripped
