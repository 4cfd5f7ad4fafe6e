"""Bytes <-> text for the text formats: detect the input encoding, encode the output.

Input may come in any encoding the readers detect (UTF-8/16 with or without BOM,
GB18030, Big5 ...); output is UTF-8 unless asked otherwise. A legacy output encoding
(Big5 for old systems) cannot hold every character, so the error names the first
character it cannot hold and its line, instead of writing '?'.
"""

from __future__ import annotations

import codecs

from ..errors import ConversionError, UnreadableInput

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def detect_encoding(data: bytes, *, partial: bool = False) -> str:
    """The encoding of ``data``: a BOM, else UTF-8 when it decodes, else a detector's guess.

    ``partial=True`` when ``data`` is the head of a longer file: a character cut at the
    end is then not an error.

    Raises:
        UnreadableInput: binary content, or no encoding decodes it.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=not partial)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:8192]:
        raise UnreadableInput("binary content, not text")
    try:  # the readers' detection, when engineer B's sniffing offers it
        from ..readers.sniff import detect_encoding as sniffed  # type: ignore[attr-defined]
    except ImportError:
        sniffed = None
    if sniffed is not None:
        try:
            name = sniffed(data)
            if name:
                data.decode(name)
                return name
        except (UnicodeDecodeError, LookupError, UnreadableInput, TypeError):
            pass
    import charset_normalizer

    best = charset_normalizer.from_bytes(data[: 1 << 20]).best()
    candidates = ([best.encoding] if best is not None else []) + ["gb18030", "big5"]
    for name in candidates:
        try:
            codecs.getincrementaldecoder(name)().decode(data, final=not partial)
            return name
        except (UnicodeDecodeError, LookupError):
            continue
    raise UnreadableInput("cannot tell the text encoding (give the file as UTF-8)")


def decode_bytes(data: bytes) -> str:
    """Decode file content with the detected encoding (no BOM in the result)."""
    name = detect_encoding(data)
    text = data.decode(name)
    return text[1:] if text.startswith("\ufeff") else text


def check_encoding(name: str | None) -> str:
    """A usable codec name for output (``utf-8`` by default).

    Raises:
        ConversionError: an unknown encoding name.
    """
    name = name or "utf-8"
    try:
        codecs.lookup(name)
    except LookupError:
        raise ConversionError(f"unknown output encoding '{name}'") from None
    return name


def encode_text(text: str, encoding: str | None = None, *, line_offset: int = 0) -> bytes:
    """Encode output text, naming the character and line an encoding cannot hold.

    Raises:
        ConversionError: e.g. "line 3: '𠮷' (U+20BB7) cannot be written in big5".
    """
    name = check_encoding(encoding)
    try:
        return text.encode(name)
    except UnicodeEncodeError as exc:
        char = exc.object[exc.start]
        line = exc.object.count("\n", 0, exc.start) + 1 + line_offset
        raise ConversionError(
            f"line {line}: '{char}' (U+{ord(char):04X}) cannot be written in {name}; use --encoding utf-8"
        ) from None
