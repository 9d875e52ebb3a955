"""Bytes to text: BOMs, UTF-8, a detected legacy encoding, and refusal of binary data."""

from __future__ import annotations

import codecs

from docqa.errors import UnreadableFileError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters that never appear in text (tab, newlines and form feed are allowed).
_BINARY_BYTES = set(range(0, 9)) | {11} | set(range(14, 27)) | set(range(28, 32))


def decode(data: bytes) -> tuple[str, str]:
    """Decode file contents; return (text with universal newlines, encoding name).

    Raises ``UnreadableFileError`` for binary data.

    >>> decode("café".encode("latin-1"))[0]
    'café'
    >>> decode(b"a\\r\\nb\\rc")[0]
    'a\\nb\\nc'
    """
    text: str | None = None
    encoding = ""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text, encoding = data[len(bom) :].decode(name), name
            except UnicodeDecodeError:
                raise UnreadableFileError(f"invalid {name} after its byte-order mark") from None
            break
    if text is None and (guessed := _utf16_without_bom(data)) is not None:
        text, encoding = guessed
    if text is None:
        if _looks_binary(data):
            raise UnreadableFileError("binary file, not text")
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _decode_legacy(data)
    if "\x00" in text:
        raise UnreadableFileError("binary file, not text (NUL characters)")
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


_LATIN_FAMILY = {
    "cp1250", "cp1252", "cp1254", "cp1257", "cp1258", "latin_1", "iso8859_1", "iso8859_2", "iso8859_3",
    "iso8859_4", "iso8859_9", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16",
    "mac_roman", "mac_latin2", "mac_iceland", "mac_turkish", "cp850", "cp437", "cp858",
}


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 written without a byte-order mark (some Windows tools do): text in Latin script then has a NUL
    in every other byte, high bytes in big-endian, low in little-endian; decoded only if it reads as text.

    >>> _utf16_without_bom("Q: Hi?".encode("utf-16-le"))
    ('Q: Hi?', 'utf-16-le')
    """
    sample = data[:8192]
    if len(sample) < 4 or len(data) % 2:
        return None
    halves = sample[0::2], sample[1::2]
    zeros = [half.count(0) / len(half) for half in halves]
    if zeros[0] > 0.3 and zeros[1] < 0.02:
        name = "utf-16-be"
    elif zeros[1] > 0.3 and zeros[0] < 0.02:
        name = "utf-16-le"
    else:
        return None
    try:
        text = data.decode(name)
    except UnicodeDecodeError:
        return None
    shown = sum(1 for ch in text[:4096] if ch.isprintable() or ch in "\n\r\t")
    return (text, name) if "\x00" not in text and shown >= 0.95 * min(len(text), 4096) else None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    odd = sum(1 for byte in sample if byte in _BINARY_BYTES)
    return odd / len(sample) > 0.05


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """Text that is not UTF-8: let charset-normalizer guess; cp1252 is the usual answer."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - charset-normalizer is a dependency
        from_bytes = None
    if from_bytes is not None and len(data) >= 64:  # too little text to guess from: cp1252 below
        best = from_bytes(data[:1_000_000]).best()
        if best is not None and best.encoding and not best.encoding.lower().startswith(("utf_16", "utf_32", "utf-16", "utf-32")):
            # Among Latin-script code pages the guess is a coin toss on short text ("très" as cp1250
            # "trčs"); cp1252 is by far the most common of them, so it wins when it decodes.
            if best.encoding.replace("-", "_").lower() in _LATIN_FAMILY:
                try:
                    return data.decode("cp1252"), "cp1252"
                except UnicodeDecodeError:
                    pass
            try:
                return data.decode(best.encoding), best.encoding
            except (UnicodeDecodeError, LookupError):
                pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        pass
    if _looks_binary(data):
        raise UnreadableFileError("binary file, not text")
    return data.decode("latin-1"), "latin-1"
