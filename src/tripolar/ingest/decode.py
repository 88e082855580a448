"""Bytes to text: BOMs, UTF-8, detected legacy encodings, and refusing binary files."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from tripolar.errors import IngestError

# Leading bytes of binary formats people drop into news folders by mistake.
_MAGIC = {
    b"%PDF-": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"\x1f\x8b": "a gzip archive",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file",
    b"SQLite format 3": "a SQLite database",
}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
# Above this chaos score (share of odd characters) charset-normalizer's guess is not trusted.
_MAX_CHAOS = 0.2
_SAMPLE = 1 << 20


def sniff_binary(data: bytes) -> str | None:
    """Describe ``data`` if it looks binary, else None."""
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            return what
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    if b"\x00" in head:
        return "binary data (it contains NUL bytes)"
    return None


def detect_encoding(data: bytes, *, declared_ok: bool = False) -> str:
    """Name the encoding of ``data`` or raise IngestError.

    UTF-8 (with or without BOM) and UTF-16/32 with a BOM are taken as they are. Otherwise a
    charset declared in the first 2 KB (HTML/XML, when ``declared_ok``) is used if the bytes
    decode with it, else charset-normalizer guesses; a doubtful guess is refused rather than
    turned into mangled text.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return "utf-8-sig" if name == "utf-8" else name
    sample = data[:_SAMPLE]
    try:
        # A sample may end inside a multi-byte character: decode incrementally, not final.
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=len(sample) == len(data))
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(sample):
        return "utf-8"  # a few stray bytes in UTF-8 text: the caller reports where they are
    if declared_ok:
        found = _DECLARED.search(data[:2048])
        if found:
            name = found.group(1).decode("ascii").lower()
            try:
                codecs.lookup(name)
                sample.decode(name)
                return name
            except (LookupError, UnicodeDecodeError):
                pass
    return _guess_legacy(sample)


def _guess_legacy(sample: bytes) -> str:
    """charset-normalizer's guess, with ties between single-byte code pages settled safely.

    On short Western text several code pages score the same (cp1250 reads "è" as "č").
    When the equally good guesses decode the sample differently, windows-1252 is taken if it
    is among them and reads cleanly (the WHATWG default for unlabelled Western text); any
    other disagreement is refused rather than guessed.
    """
    unsure = IngestError(
        "the text is not UTF-8 and its encoding could not be recognised reliably - "
        "convert the file to UTF-8 (e.g. with iconv -f ENCODING -t UTF-8) and ingest it again"
    )
    matches = [m for m in from_bytes(sample) if m.chaos <= _MAX_CHAOS]
    if not matches:
        raise unsure
    best_chaos = min(m.chaos for m in matches)
    tied = [str(m.encoding) for m in matches if m.chaos <= best_chaos + 0.005]
    readings = {name: _decoded(sample, name) for name in tied}
    if len(set(readings.values())) == 1:
        return tied[0]
    western = readings.get("cp1252")
    if western is not None and _reads_cleanly(western) and _safely_western(sample, western):
        return "cp1252"
    names = " or ".join(tied[:3])
    raise IngestError(
        f"the text is not UTF-8 and could be in any of several encodings ({names}) that give "
        "different letters - convert the file to UTF-8 (e.g. with iconv -f ENCODING -t UTF-8) "
        "and ingest it again"
    )


def _decoded(sample: bytes, encoding: str) -> str:
    return codecs.getincrementaldecoder(encoding)(errors="replace").decode(sample)


# A symbol or control squeezed between letters ("wy³¹czy³") marks a wrong code page.
_ODD_IN_WORD = re.compile(r"(?<=[^\W\d_])[\x80-\xbf\xd7\xf7](?=[^\W\d_])")


# Letters of French, Spanish, Catalan and German that cp1250 would turn into Czech, Polish or
# Hungarian ones. Where windows-1252 reads anything else (ø, ì, õ, ã: maybe Czech ř, ě or
# Hungarian ő, ă) the guess is refused instead.
_WESTERN_ONLY = frozenset("àâçèêëîïñòùûÀÂÇÈÊËÎÏÑÒÙÛ¿¡«»")


def _safely_western(sample: bytes, western: str) -> bool:
    central = _decoded(sample, "cp1250")
    return all(a in _WESTERN_ONLY for a, b in zip(western, central, strict=False) if a != b)


def _reads_cleanly(text: str) -> bool:
    return _ODD_IN_WORD.search(text) is None and "\ufffd" not in text


def _mostly_utf8(sample: bytes) -> bool:
    """UTF-8 text with a few bad bytes, rather than a legacy encoding?

    Legacy-encoded text almost never forms valid multi-byte UTF-8 sequences, so when valid
    non-ASCII characters clearly outnumber the undecodable bytes, the text is UTF-8.
    """
    decoded = sample.decode("utf-8", errors="replace")
    bad = decoded.count("\ufffd")
    good = sum(1 for char in decoded if ord(char) > 127) - bad
    return good >= 3 * bad


def with_transport_charset(data: bytes, charset: str | None) -> bytes:
    """``data`` re-encoded as UTF-8 when the transport (an HTTP Content-Type) names its
    charset and nothing better does: no BOM, not UTF-8 already, no charset declared in the
    document itself, and the bytes decode with it. Otherwise ``data`` unchanged (then
    detect_encoding decides, as for a file)."""
    if not charset or any(data.startswith(bom) for bom, _ in _BOMS):
        return data
    try:
        data.decode("utf-8")
        return data
    except UnicodeDecodeError:
        pass
    if _DECLARED.search(data[:2048]):
        return data
    try:
        return data.decode(codecs.lookup(charset).name).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return data


def decode_bytes(data: bytes, *, declared_ok: bool = False) -> str:
    """Decode a whole file; raise IngestError for empty, binary or undecodable content."""
    if not data.strip():
        raise IngestError("empty file - there is nothing to ingest")
    binary = sniff_binary(data)
    if binary:
        raise IngestError(f"binary file ({binary}) - convert it to text, HTML or JSONL first")
    encoding = detect_encoding(data, declared_ok=declared_ok)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise IngestError(
            f"the text is {encoding} except for bytes that do not decode on line {line} "
            f"(byte offset {err.start}) - fix or remove them, or convert the file to UTF-8, "
            "and ingest it again"
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise IngestError("empty file - there is nothing to ingest")
    return text
